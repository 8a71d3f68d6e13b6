"""newsfuse eval: scorers against hand-computed numbers, methods, truncation, harness, CLI and report."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsfuse.evaluate import methods as M
from newsfuse.evaluate.harness import bootstrap_ci, evaluate
from newsfuse.evaluate.scorers import perl_rouge, perl_status, rouge_score

# Hand-computed: candidate "the cat sat" vs reference "the cat sat on the mat".
#   unigrams: candidate 3, reference 6, overlap 3 -> R 3/6, P 3/3, F 2/3
#   bigrams:  candidate 2 (the cat, cat sat), reference 5, overlap 2 -> R 2/5, P 1, F 2*0.4/1.4 = 4/7
#   LCS "the cat sat" = 3 -> same as unigrams
CAND = ["The cat sat."]
REF = [["The cat sat on the mat."]]
EXPECTED = {
    "rouge1": {"r": 0.5, "p": 1.0, "f": 2 / 3},
    "rouge2": {"r": 0.4, "p": 1.0, "f": 4 / 7},
    "rougeL": {"r": 0.5, "p": 1.0, "f": 2 / 3},
}


def _close(got: dict, want: dict, tol: float) -> None:
    for m, kinds in want.items():
        for k, v in kinds.items():
            assert got[m][k] == pytest.approx(v, abs=tol), (m, k, got[m][k], v)


def test_rouge_score_known_pair() -> None:
    _close(rouge_score(CAND, REF), EXPECTED, 1e-9)


def test_rouge_score_stems_and_averages_references() -> None:
    # Porter stemming: "cats running" ~ "cat runs" -> all unigrams match
    assert rouge_score(["cats running"], [["cat runs"]])["rouge1"]["r"] == pytest.approx(1.0)
    # two references: 3/3 against the first, 0/3 against the second -> recall averaged to 0.5
    two = rouge_score(["the cat sat"], [["the cat sat"], ["a dog ran"]])
    assert two["rouge1"]["r"] == pytest.approx(0.5)
    assert two["rouge1"]["f"] == pytest.approx(0.5)


def test_rouge_lsum_is_summary_level() -> None:
    # Lsum unions LCS over reference sentences: each candidate sentence matches a reference sentence in full
    got = rouge_score(["b c d", "a b c"], [["a b c", "b c d"]])
    assert got["rougeL"]["r"] == pytest.approx(1.0)


needs_perl = pytest.mark.skipif(perl_status() is not None, reason=f"official ROUGE-1.5.5 unavailable: {perl_status()}")


@needs_perl
def test_perl_known_pair_and_agreement() -> None:
    got = perl_rouge([CAND, ["cats running"]], [REF, [["cat runs"]]], words=100)
    _close(got[0], EXPECTED, 1e-5)  # Perl prints 5 decimals
    assert got[1]["rouge1"]["r"] == pytest.approx(1.0)


@needs_perl
def test_perl_word_limit_and_model_average() -> None:
    # -l 2 keeps "the cat" of the candidate and of the reference: R1 = R2 = 1
    got = perl_rouge([["the cat sat"]], [[["the cat ran"]]], words=2)[0]
    assert got["rouge1"]["r"] == pytest.approx(1.0) and got["rouge2"]["r"] == pytest.approx(1.0)
    # -f A over two references of equal length: the same average as rouge-score's
    got = perl_rouge([["the cat sat"]], [[["the cat sat"], ["a dog ran"]]], words=100)[0]
    assert got["rouge1"]["r"] == pytest.approx(0.5)
    # an empty summary scores zero rather than failing the run
    assert perl_rouge([[]], [REF], words=100)[0]["rouge1"]["r"] == 0.0


def test_truncate_counts_whitespace_words() -> None:
    assert M.truncate(["one two three.", "four five six."], 4) == ["one two three.", "four"]
    assert M.truncate(["a b", "", "c"], 10) == ["a b", "c"]
    assert M.truncate(["a b"], 0) == []


DOCS = [
    "Alpha one said the storm hit the coast. Alpha two added details about damage. Alpha three was about weather.",
    "Beta one reported that power failed. Beta two described the repairs.",
]


@pytest.mark.parametrize("splitter", ["punkt", "pysbd"])
def test_splitters_and_lead_round_robin(splitter: str) -> None:
    sents = M.split_documents(DOCS, splitter)
    assert [len(s) for s in sents] == [3, 2]
    # first sentence of each document in turn, then the second, ... until the budget is reached
    got = M.lead(DOCS, 12, splitter=splitter)
    assert got == [sents[0][0], sents[1][0]]
    assert M.lead(DOCS, 1000, splitter=splitter) == [sents[0][0], sents[1][0], sents[0][1], sents[1][1], sents[0][2]]


@pytest.mark.parametrize("name", ["lexrank", "textrank", "lsa"])
def test_sumy_peers_return_document_order_within_budget(name: str) -> None:
    flat = [s for d in M.split_documents(DOCS, "punkt") for s in d]
    got = M.METHODS[name](DOCS, 10)
    assert got and all(s in flat for s in got)
    assert [flat.index(s) for s in got] == sorted(flat.index(s) for s in got)
    # the last sentence may overflow the budget (truncation follows), never more than one
    assert sum(len(s.split()) for s in got[:-1]) < 10
    assert M.METHODS[name](["", ""], 10) == []


def test_sumy_tokenizer_uses_our_splitter() -> None:
    tok = M.SumyTokenizer(M.get_splitter("punkt"))
    assert tok.to_sentences("Gen. Mark Milley spoke. Then he left.") == ("Gen. Mark Milley spoke.", "Then he left.")
    assert tok.to_words("The U.S. well-known don't 42 !") == ("The", "U", "S", "well-known", "don't")


def test_oracle_picks_the_reference_sentence() -> None:
    refs = ["Beta one reported that power failed."]
    assert M.oracle(DOCS, 8, references=refs) == ["Beta one reported that power failed."]
    with pytest.raises(ValueError):
        M.oracle(DOCS, 8)


def test_bootstrap_interval_contains_mean() -> None:
    import numpy as np

    vals = np.array([0.1, 0.2, 0.3, 0.4])
    idx = np.random.default_rng(0).integers(0, 4, size=(500, 4))
    mean, lo, hi = bootstrap_ci(vals, idx)
    assert mean == pytest.approx(25.0) and lo < mean < hi
    assert bootstrap_ci(np.array([0.5, 0.5]), idx[:, :2] % 2) == pytest.approx((50.0, 50.0, 50.0))


def _clusters(n: int) -> list[dict]:
    out = []
    for i in range(n):
        docs = [
            f"Storm number {i} hit the northern coast on Monday. Thousands of homes lost power. Crews worked overnight.",
            f"The storm {i} brought heavy rain to the coast. Schools closed on Tuesday. Officials urged caution.",
        ]
        out.append({"id": f"k{i}", "documents": docs, "summaries": [f"Storm {i} hit the coast and homes lost power."]})
    out.append({"id": "noref", "documents": ["Some text here."]})  # unscorable: skipped
    out.append({"id": "junk", "documents": ["", ""], "summaries": ["A reference."]})  # every method fails or is empty
    return out


def test_evaluate_in_process_scores_every_method(tmp_path: Path) -> None:
    src = tmp_path / "c.jsonl"
    src.write_text("".join(json.dumps(c) + "\n" for c in _clusters(4)))
    res = evaluate(src, ["lead", "lexrank", "oracle", "newsfuse"], words=12, workers=1, progress=False)
    assert res.skipped == 1 and len(res.clusters) == 5
    rows = {r.method: r for r in res.rows}
    assert rows["newsfuse"].errors >= 1  # the junk cluster
    for r in res.rows:
        assert r.n == 5 and 0 < r.scores["rouge1"]["r"][0] <= 100
        lo, hi = r.scores["rouge1"]["f"][1:]
        assert lo <= r.scores["rouge1"]["f"][0] <= hi
    def objective(r):  # what the greedy oracle maximises: mean of R1 and R2 F1
        return r.scores["rouge1"]["f"][0] + r.scores["rouge2"]["f"][0]

    assert objective(rows["oracle"]) >= max(objective(rows["lead"]), objective(rows["lexrank"]))
    for c in res.clusters:
        for run in c.runs.values():
            assert sum(len(s.split()) for s in run.summary) <= 12


def test_eval_cli_table_and_report(tmp_path: Path) -> None:
    src = tmp_path / "c.jsonl.gz"
    import gzip

    with gzip.open(src, "wt") as fh:
        fh.writelines(json.dumps(c) + "\n" for c in _clusters(6))
    rep = tmp_path / "rep"
    scorer = "both" if perl_status() is None else "rouge-score"
    r = subprocess.run([sys.executable, "-m", "newsfuse", "eval", str(src), "--words", "15", "--methods", "lead,lexrank",
                        "--scorer", scorer, "--limit", "5", "--workers", "2", "--report", str(rep), "-q"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.strip().splitlines()
    assert lines[1].split()[0] == "method" and "R1-R" in lines[1] and "R2-F" in lines[1] and "s/cluster" in lines[1]
    body = [x for x in lines[2:] if not x.startswith("note:")]
    assert [x.split()[0] for x in body] == ["lead", "lexrank"] * (2 if scorer == "both" else 1)
    assert all(x.split()[-2] == "5" for x in body)  # n clusters
    for name in ("report.md", "summaries.jsonl", "scores.jsonl", "scores.png"):
        assert (rep / name).stat().st_size > 0, name
    assert (rep / "scores.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    recs = [json.loads(x) for x in (rep / "summaries.jsonl").read_text().splitlines()]
    assert len(recs) == 10 and {x["method"] for x in recs} == {"lead", "lexrank"}
    assert "| lead |" in (rep / "report.md").read_text()


def test_eval_cli_missing_shared_data_says_where_to_put_it(tmp_path: Path) -> None:
    r = subprocess.run([sys.executable, "-m", "newsfuse", "eval", str(tmp_path / "shared" / "data" / "multi_news_val.jsonl.gz")],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    assert len(r.stderr.strip().splitlines()) == 1
    assert "../shared/data" in r.stderr and "README" in r.stderr


def test_eval_cli_unknown_method(tmp_path: Path) -> None:
    src = tmp_path / "c.jsonl"
    src.write_text("".join(json.dumps(c) + "\n" for c in _clusters(1)))
    r = subprocess.run([sys.executable, "-m", "newsfuse", "eval", str(src), "--methods", "lead,gpt"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "unknown method 'gpt'" in r.stderr
