"""newsfuse eval: scorers against hand-computed numbers, methods, truncation, harness, CLI and report."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from newsfuse.evaluate import methods as M
from newsfuse.evaluate.harness import ClusterRun, EvalConfig, MethodRun, bootstrap_ci, evaluate, paired
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


def _table(stdout: str) -> list[str]:
    """The rows of the first table ``newsfuse eval`` prints (after its title and header, up to a blank line)."""
    lines = stdout.strip().splitlines()[2:]
    return lines[: lines.index("")] if "" in lines else [x for x in lines if not x.startswith("note:")]


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


def _scores(r1: float, r2: float) -> dict:
    return {"rouge-score": {m: {"r": v, "p": v, "f": v} for m, v in (("rouge1", r1), ("rouge2", r2), ("rougeL", r1))}}


def test_paired_differences_and_time_ratio_by_hand() -> None:
    # three clusters: newsfuse beats lexrank by 0.10, 0.20 and 0.30 in ROUGE-1 and ties in ROUGE-2
    clusters = [
        ClusterRun(id=str(i), references=[["x"]], runs={
            "newsfuse": MethodRun(summary=["a"], seconds=s, scores=_scores(0.3 + d, 0.1)),
            "lexrank": MethodRun(summary=["a"], seconds=4 * s, scores=_scores(0.3, 0.1)),
        })
        for i, (d, s) in enumerate([(0.1, 1.0), (0.2, 2.0), (0.3, 3.0)])
    ]
    cfg = EvalConfig(methods=("newsfuse", "lexrank"), budget=100, unit="words", scorers=("rouge-score",), splitter="punkt")
    (p,) = paired(clusters, cfg)
    assert (p.base, p.method, p.n) == ("newsfuse", "lexrank", 3)
    mean, lo, hi = p.diffs["rouge1"]["f"]
    assert mean == pytest.approx(20.0) and 10.0 - 1e-9 <= lo <= mean <= hi <= 30.0 + 1e-9
    assert p.diffs["rouge2"]["r"] == pytest.approx((0.0, 0.0, 0.0))
    assert p.time_ratio == pytest.approx(2.0 / 8.0)  # medians 2 s and 8 s
    # without newsfuse in the run there is nothing to pair
    assert paired(clusters, EvalConfig(methods=("lexrank",), budget=100, unit="words", scorers=("rouge-score",),
                                       splitter="punkt")) == []


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


# --- byte budgets (DUC style: ROUGE-1.5.5 -b) -------------------------------------------------------------


def test_truncate_bytes_ascii_as_perl_b() -> None:
    # Perl -b keeps a sentence while the bytes so far plus its own stay below the budget; the joining spaces
    # are not counted. "one two" = 7 bytes, "three four" = 10 bytes.
    sents = ["one two", "three  four\n"]
    assert M.truncate_bytes(sents, 10) == ["one two", "thr"]  # 7 + 3 = 10
    assert M.truncate_bytes(sents, 17) == ["one two", "three four"]  # 7 + 10 = 17: the second reaches it, kept whole
    assert M.truncate_bytes(sents, 100) == ["one two", "three four"]
    assert M.truncate_bytes(sents, 7) == ["one two"]  # reaches the budget: cut to 7 bytes, which is all of it
    assert M.truncate_bytes(sents, 4) == ["one"]  # "one " cut after the space; the trailing space dropped
    assert M.truncate_bytes(["", "  ", "ab"], 1) == ["a"]
    assert M.n_bytes(" one   two ") == 7


def test_truncate_bytes_multibyte_utf8() -> None:
    # "café olé" is 10 bytes: c a f é(2) space o l é(2)
    assert M.n_bytes("café olé") == 10
    assert M.truncate_bytes(["café olé"], 5) == ["café"]
    assert M.truncate_bytes(["café olé"], 4) == ["caf"]  # Perl keeps half of "é"; the partial character goes
    assert M.truncate_bytes(["日本", "x"], 5) == ["日"]  # 3 + 3 bytes: the second character would need 6
    assert M.truncate_bytes(["日本", "x"], 6) == ["日本"]  # 6 bytes reach the budget: cut to 6, all of it
    assert M.truncate_bytes(["日本", "xy"], 7) == ["日本", "x"]  # 6 < 7: kept; "xy" cut to the 1 byte left


@pytest.mark.parametrize("name", ["lead", "lexrank", "textrank", "lsa"])
def test_peers_fill_by_bytes(name: str) -> None:
    got = M.METHODS[name](DOCS, 60, unit="bytes")
    assert got
    # every sentence but the last fits below the budget; the last one reaches or crosses it (then truncation)
    assert sum(M.n_bytes(s) for s in got[:-1]) < 60 <= sum(M.n_bytes(s) for s in got)
    cut = M.truncate_bytes(got, 60)
    # 60 bytes, or 59 when the cut falls just after a space (truncate_bytes drops that trailing space)
    assert sum(M.n_bytes(s) for s in cut) == 60 or (sum(M.n_bytes(s) for s in cut) == 59 and
                                                     " ".join(got).startswith(" ".join(cut) + " "))
    # DOCS sentences are 33-47 bytes: a 60-byte budget takes two, where 60 words would take all five
    assert len(got) == 2 and len(M.METHODS[name](DOCS, 60)) == 5


def test_newsfuse_and_oracle_respect_a_byte_budget() -> None:
    got = M.newsfuse_method(DOCS, 90, unit="bytes")
    # the library counts bytes as ROUGE -b does: sentence bytes, the joining spaces free
    assert got and sum(M.n_bytes(s) for s in got) <= 90
    assert M.truncate_bytes(got, 90) == [" ".join(s.split()) for s in got]
    refs = ["Beta one reported that power failed."]  # 36 bytes
    assert M.oracle(DOCS, 40, references=refs, unit="bytes") == refs


def test_evaluate_byte_budget(tmp_path: Path) -> None:
    src = tmp_path / "c.jsonl"
    src.write_text("".join(json.dumps(c) + "\n" for c in _clusters(3)))
    res = evaluate(src, ["lead", "newsfuse"], bytes=50, workers=1, progress=False)
    assert res.config.describe() == "50 bytes" and res.config.words is None
    for c in res.clusters:
        assert sum(M.n_bytes(s) for s in c.runs["lead"].summary) == 50 or c.id == "junk"
        for run in c.runs.values():
            assert sum(M.n_bytes(s) for s in run.summary) <= 50
    with pytest.raises(ValueError, match="not both"):
        evaluate(src, ["lead"], words=10, bytes=50, workers=1, progress=False)


def _lakeport_with_reference(path: Path) -> None:
    """The bundled example cluster (it has no reference summary) plus a reference written from its README."""
    root = Path(__file__).resolve().parents[1]
    cluster = json.loads((root / "examples" / "lakeport.jsonl").read_text(encoding="utf-8").splitlines()[0])
    cluster["summaries"] = [
        "Mayor Dana Whitfield closed the Fulton Street Bridge in Lakeport on Tuesday after state Department of "
        "Transportation inspectors found cracks in two steel girders on Monday. About 18,000 vehicles use the "
        "bridge a day. City engineer Priya Raman said repairs will take at least six weeks and cost about "
        "$4.2 million."
    ]
    path.write_text(json.dumps(cluster) + "\n", encoding="utf-8")


def test_eval_cli_bytes_on_the_example(tmp_path: Path) -> None:
    src = tmp_path / "lakeport.jsonl"
    _lakeport_with_reference(src)
    rep = tmp_path / "rep"
    r = subprocess.run([sys.executable, "-m", "newsfuse", "eval", str(src), "--bytes", "200", "--methods",
                        "newsfuse,lead,lexrank", "--workers", "1", "--report", str(rep), "-q"],
                       capture_output=True, text=True, timeout=180)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.strip().splitlines()
    assert "200 bytes" in lines[0] and "words" not in lines[0]
    assert [x.split()[0] for x in _table(r.stdout)] == ["newsfuse", "lead", "lexrank"]
    assert all(x.split()[-2] == "1" for x in _table(r.stdout))  # n = 1 cluster
    versus = lines[lines.index("") + 3 :]  # the paired table: newsfuse against each peer
    assert [x.split()[0] for x in versus] == ["lead", "lexrank"] and all(x.endswith("x") for x in versus)
    recs = [json.loads(x) for x in (rep / "summaries.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {x["budget"] for x in recs} == {"200 bytes"}
    for x in recs:
        assert x["error"] is None and 0 < sum(M.n_bytes(s) for s in x["summary"]) <= 200
    assert {json.loads(x)["budget"] for x in (rep / "scores.jsonl").read_text().splitlines()} == {"200 bytes"}
    assert "- budget: 200 bytes" in (rep / "report.md").read_text(encoding="utf-8")


def test_eval_cli_words_and_bytes_conflict(tmp_path: Path) -> None:
    src = tmp_path / "c.jsonl"
    src.write_text("".join(json.dumps(c) + "\n" for c in _clusters(1)))
    r = subprocess.run([sys.executable, "-m", "newsfuse", "eval", str(src), "--words", "100", "--bytes", "665"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.strip().splitlines() == ["newsfuse: give one budget: --words or --bytes, not both"]
    assert "Traceback" not in r.stderr


@needs_perl
def test_perl_byte_limit() -> None:
    # -b 10: "aaa bbb" (7 bytes) kept, "ccc ddd" cut to 3 bytes; the reference "aaa bbb ccc ddd" is cut to
    # 10 bytes too ("aaa bbb cc"): 2 of 3 unigrams match each way, 1 of 2 bigrams
    got = perl_rouge([["aaa bbb", "ccc ddd"]], [[["aaa bbb ccc ddd"]]], words=None, bytes=10)[0]
    assert got["rouge1"]["r"] == pytest.approx(2 / 3, abs=1e-5) and got["rouge1"]["p"] == pytest.approx(2 / 3, abs=1e-5)
    assert got["rouge2"]["r"] == pytest.approx(0.5, abs=1e-5)
    # the joining space is not counted: 7 + 7 = 14 bytes keep both sentences whole, as truncate_bytes does
    assert M.truncate_bytes(["aaa bbb", "ccc ddd"], 14) == ["aaa bbb", "ccc ddd"]
    ref = [["aaa bbb", "ccc ddd", "eee fff ggg hhh iii jjj"]]  # 7 + 7 + 23 bytes, 10 words
    got = perl_rouge([["aaa bbb", "ccc ddd"]], [ref], words=None, bytes=14)[0]
    assert got["rouge1"]["r"] == pytest.approx(1.0)  # ROUGE-1/2: the reference cut to its first 14 bytes
    # ROUGE-L: readText_LCS under -b cuts only a sentence that alone reaches 14 bytes: base 2 + 2 + 4 words
    assert got["rougeL"]["r"] == pytest.approx(0.5)
    with pytest.raises(ValueError, match="not both"):
        perl_rouge([CAND], [REF], words=10, bytes=10)


# --- the classic unsupervised peers -----------------------------------------------------------------------

NEW_PEERS = ["luhn", "sumbasic", "kl", "centroid", "mmr", "ilp", "submodular"]
FILLING = ["luhn", "sumbasic", "kl", "centroid", "mmr"]  # take sentences until the budget is reached
WITHIN = ["ilp", "submodular"]  # never exceed the budget, as published

# Three reports of one event, sentences of 10-20 words (the ILP drops shorter ones), shared bigrams
STORM = [
    "A powerful storm hit the northern coast on Monday night, flooding dozens of fishing villages. "
    "Thousands of homes lost power as winds reached ninety miles an hour along the coast. "
    "Emergency crews worked through the night to clear fallen trees from the main coastal road. "
    "The regional governor declared a state of emergency on Tuesday morning.",
    "The storm hit the northern coast late on Monday and left thousands of homes without power. "
    "Officials said the fishing villages near the river mouth suffered the worst of the flooding. "
    "Schools across the region stayed closed on Tuesday while crews repaired damaged power lines. "
    "Forecasters expect calmer weather by the end of the week, with light rain on Thursday.",
    "Flooding in the fishing villages forced hundreds of families to leave their homes on Monday night. "
    "The governor declared a state of emergency after the storm hit the northern coast. "
    "Power companies said most homes should have power again by Wednesday evening at the latest. "
    "A local school gymnasium was turned into a shelter for the families who lost their homes.",
]


def _flat(docs: list[str]) -> list[str]:
    return [s for d in M.split_documents(docs, "punkt") for s in d]


@pytest.mark.parametrize("unit,budget", [("words", 40), ("bytes", 250)])
@pytest.mark.parametrize("name", NEW_PEERS)
def test_classic_peers_extract_fill_and_repeat(name: str, unit: str, budget: int) -> None:
    flat = _flat(STORM)
    sizes = [M.size(s, unit) for s in flat]
    assert sum(sizes) > 3 * budget  # the budget binds
    sents = M.split_documents(STORM, "punkt")
    got = M.METHODS[name](STORM, budget, sentences=sents, unit=unit)
    assert got and all(s in flat for s in got)
    idx = [flat.index(s) for s in got]
    assert idx == sorted(set(idx))  # document order, no repeats
    used = sum(M.size(s, unit) for s in got)
    if name in FILLING:
        # the budget is reached, and by the last sentence taken (one of them: the output is in document order)
        assert used >= budget and any(used - M.size(s, unit) < budget for s in got)
    else:
        assert used <= budget
        fitting = [i for i in range(len(flat)) if i not in idx and sizes[i] <= budget - used]
        if name == "submodular":  # the greedy adds whatever still fits (every gain is >= 0)
            assert fitting == []
        else:  # an optimum: whatever still fits adds no concept
            doc = [d for d, ss in enumerate(sents) for _ in ss]
            concepts, _ = M.ilp_concepts(flat, doc, len(STORM), range(len(flat)))
            covered = set().union(*(concepts[i] for i in idx))
            assert covered and all(concepts[i] <= covered for i in fitting)
    # deterministic, and the same when the method splits the documents itself
    assert M.METHODS[name](STORM, budget, sentences=sents, unit=unit) == got
    assert M.METHODS[name](STORM, budget, unit=unit) == got
    assert M.METHODS[name](["", ""], budget, unit=unit) == []


@pytest.mark.parametrize("name", ["sumbasic", "kl"])
def test_budgeted_sumy_greedy_picks_as_the_full_sumy_run(name: str) -> None:
    # sumy runs SumBasic and KL-Sum's greedy over every sentence; ours stops at the budget: same summary
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    docs = M.split_documents(STORM, "punkt")
    flat = [s for d in docs for s in d]
    tok = M.SumyTokenizer(M.get_splitter("punkt"))
    model = ObjectDocumentModel([Paragraph([Sentence(s, tok) for s in d]) for d in docs])
    base = M._sumy_class(name).__mro__[1]  # sumy's own class
    full = base(M._porter().stem)
    full.stop_words = M._stop_words()
    ratings = full._compute_ratings(model.sentences)  # sumy's loop, to the end
    order = sorted(range(len(flat)), key=lambda i: -ratings[model.sentences[i]])
    for budget in (15, 40, 90):
        want = [flat[i] for i in sorted(M._fill(order, flat, budget))]
        assert M.METHODS[name](STORM, budget) == want, budget


def test_ilp_select_finds_the_optimum_greedy_misses() -> None:
    # A (10 words) covers a, b, c = 9; B and C (6 words each) cover a, d and b, e = 5 each. Budget 12:
    # best weight per word is A (0.9 vs 0.83), after which nothing fits: 9. B + C fit exactly: 10.
    concepts = [{"a", "b", "c"}, {"a", "d"}, {"b", "e"}]
    weights = {"a": 3, "b": 3, "c": 3, "d": 2, "e": 2}
    sizes = [10, 6, 6]
    assert M.ilp_greedy(concepts, weights, sizes, 12) == [0]
    assert M.ilp_select(concepts, weights, sizes, 12) == [1, 2]
    assert M.ilp_select(concepts, weights, sizes, 11) == [0]  # B + C no longer fit
    assert M.ilp_select(concepts, weights, sizes, 5) == []  # nothing fits


@pytest.mark.parametrize("unit,budget", [("words", 40), ("bytes", 250)])
def test_ilp_summary_is_the_brute_force_optimum(unit: str, budget: int) -> None:
    import itertools

    flat = _flat(STORM)
    doc = [d for d, ss in enumerate(M.split_documents(STORM, "punkt")) for _ in ss]
    cand = [i for i, s in enumerate(flat) if M.n_words(s) >= 10]
    assert len(cand) == len(flat) == 12
    concepts, weights = M.ilp_concepts(flat, doc, 3, cand)
    assert weights and min(weights.values()) == 3  # only bigrams all three reports hold
    assert ("storm", "hit") in weights and ("northern", "coast") in weights and ("of", "the") not in weights
    sizes = [M.size(s, unit) for s in flat]

    def value(sub: tuple[int, ...]) -> int:
        return sum(weights[g] for g in set().union(*(concepts[i] for i in sub)))

    fitting = [sub for k in range(len(flat) + 1) for sub in itertools.combinations(range(len(flat)), k)
               if sum(sizes[i] for i in sub) <= budget]
    best = max(value(sub) for sub in fitting)
    longest = max(sum(sizes[i] for i in sub) for sub in fitting if value(sub) == best)
    got = tuple(flat.index(s) for s in M.ilp(STORM, budget, unit=unit))
    assert value(got) == best > 0
    # of the optima, one that uses the most of the budget (ilp_select's fill)
    assert sum(sizes[i] for i in got) == longest <= budget


def test_ilp_select_fill_breaks_ties_by_length() -> None:
    # 0 and 2 both cover "a" (the optimum, 1); 1 covers nothing. Budget 9: {0, 1} uses 8, {2} uses 7
    concepts = [{"a"}, set(), {"a"}]
    sizes = [3, 5, 7]
    assert M.ilp_select(concepts, {"a": 1}, sizes, 9) == [0, 1]
    without = M.ilp_select(concepts, {"a": 1}, sizes, 9, fill=False)
    assert without in ([0], [2])  # whichever optimum HiGHS meets first; a sentence without concepts never
    assert M.ilp_select(concepts, {"a": 1}, sizes, 9, eligible=[True, False, True]) == [2]
    assert M.ilp_select([set(), set()], {}, [3, 3], 9) == []  # no concept: nothing to cover


def test_submodular_objective_by_hand() -> None:
    import math

    w = [[1.0, 0.5, 0.0], [0.5, 1.0, 0.2], [0.0, 0.2, 1.0]]
    clusters = [0, 0, 1]
    # C_i(V) = row sums 1.5, 1.7, 1.2; alpha = 0.5 -> caps 0.75, 0.85, 0.6. S = {0, 2}: C_i(S) = 1, 0.7, 1
    # L1 = 0.75 + 0.7 + 0.6 = 2.05. r_j = column means 0.5, 1.7/3, 0.4; R1 = sqrt(0.5) + sqrt(0.4)
    want = 2.05 + 6 * (math.sqrt(0.5) + math.sqrt(0.4))
    assert M.submodular_objective([0, 2], w, clusters, 0.5, 6.0) == pytest.approx(want)
    # S = {0, 1}: C_i(S) = 1.5, 1.5, 0.2 -> L1 = 0.75 + 0.85 + 0.2; both in cluster 0: R1 = sqrt(0.5 + 1.7/3)
    want = 1.8 + 6 * math.sqrt(0.5 + 1.7 / 3)
    assert M.submodular_objective([0, 1], w, clusters, 0.5, 6.0) == pytest.approx(want)
    assert M.submodular_objective([], w, clusters, 0.5, 6.0) == 0.0
    # the greedy, unbudgeted, takes all three
    assert M.submodular_greedy(w, clusters, [1, 1, 1], 3, 0.5, 6.0) == [0, 1, 2]


def test_submodular_greedy_falls_back_to_the_best_single_sentence() -> None:
    # 0 and 1 cost 1 and cover themselves; 2 costs 10 and covers 2, 3, 4 (3 and 4 cost too much).
    # Greedy (r = 1) takes 0 and 1 (gain 1 per cost unit, against 3/10), then 2 no longer fits: F = 2,
    # below F({2}) = 3, so the best single sentence wins.
    w = [[1, 0, 0, 0, 0], [0, 1, 0, 0, 0], [0, 0, 1, 1, 1], [0, 0, 1, 1, 1], [0, 0, 1, 1, 1]]
    got = M.submodular_greedy(w, [0, 1, 2, 2, 2], [1, 1, 10, 100, 100], 10, 1.0, 0.0, r=1.0)
    assert got == [2]
    assert M.submodular_greedy(w, [0, 1, 2, 2, 2], [1, 1, 10, 100, 100], 12, 1.0, 0.0, r=1.0) == [0, 1, 2]


def test_submodular_on_repeated_sentences() -> None:
    import warnings

    # ten copies of one sentence: one distinct vector, so one cluster for R1 (k-means++ could not seed the
    # two that 0.2 N asks for); no warning, and the summary stays within the budget
    docs = ["The storm hit the northern coast again on Monday night. " * 5] * 2
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = M.submodular(docs, 25)
    assert got and sum(M.n_words(s) for s in got) <= 25


def test_centroid_skips_a_near_duplicate() -> None:
    # the second report repeats the first one's lead: MEAD's reranker (cosine > 0.7) keeps one of them
    lead_sentence = "A powerful storm hit the northern coast on Monday night, flooding dozens of fishing villages."
    docs = [STORM[0], lead_sentence + " " + STORM[1], STORM[2]]
    got = M.centroid(docs, 60)
    assert got.count(lead_sentence) == 1
    mmr_got = M.mmr(docs, 60)
    assert mmr_got.count(lead_sentence) == 1


def test_eval_cli_all_methods(tmp_path: Path) -> None:
    from newsfuse.evaluate.cli import _methods

    assert _methods("all") == tuple(M.METHODS)
    assert _methods("ilp,all") == ("ilp",) + tuple(m for m in M.METHODS if m != "ilp")
    src = tmp_path / "c.jsonl"
    src.write_text("".join(json.dumps(c) + "\n" for c in _clusters(2)[:2]))
    r = subprocess.run([sys.executable, "-m", "newsfuse", "eval", str(src), "--words", "12", "--methods", "all",
                        "--workers", "1", "-q"], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    body = _table(r.stdout)
    assert [x.split()[0] for x in body] == list(M.METHODS)
    assert all(x.split()[-2] == "2" for x in body)


def test_peers_do_not_depend_on_the_hash_seed() -> None:
    # sumy's LSA numbered its terms in set order: its summary of DOCS differed between PYTHONHASHSEED 1 and 4
    code = ("import json, sys; sys.path.insert(0, 'tests'); from newsfuse.evaluate import methods as M; "
            "from test_eval import DOCS, STORM; "
            "print(json.dumps([M.lsa(DOCS, 60, unit='bytes'), M.lsa(STORM, 40), M.ilp(STORM, 40)]))")
    root = Path(__file__).resolve().parents[1]
    outs = set()
    for seed in ("1", "4", "7"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=root, env=env)
        assert r.returncode == 0, r.stderr
        outs.add(r.stdout)
    assert len(outs) == 1


def test_eval_cli_unwritable_report_fails_before_the_run(tmp_path: Path) -> None:
    """--report into a place that cannot hold a folder gave 'internal error: FileNotFoundError' (exit 1)
    after every cluster was scored; now one line, exit 2, before any work."""
    src = tmp_path / "c.jsonl"
    src.write_text("".join(json.dumps(c) + "\n" for c in _clusters(1)))
    blocker = tmp_path / "file"
    blocker.write_text("")
    r = subprocess.run([sys.executable, "-m", "newsfuse", "eval", str(src), "--methods", "lead", "--workers", "1", "-q",
                        "--report", str(blocker / "report")], capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and r.stdout == "", r.stderr
    assert r.stderr.startswith(f"newsfuse: error: cannot write the report to {blocker / 'report'}: ")
    assert len(r.stderr.splitlines()) == 1


def test_eval_report_with_a_lone_surrogate_in_the_input(tmp_path: Path) -> None:
    """"\\ud800" in a document or reference (valid JSON) made writing the report raise UnicodeEncodeError
    after every cluster was scored ('internal error', exit 1); the loader now reads it as U+FFFD."""
    src = tmp_path / "c.jsonl"
    row = {"id": "s", "documents": ["The city closed the bridge on Monday after cracks \ud800 were found in two girders. "
                                    "Repairs will take six weeks."], "summaries": ["The bridge \udcff closed."]}
    src.write_text(json.dumps(row) + "\n")
    r = subprocess.run([sys.executable, "-m", "newsfuse", "eval", str(src), "--methods", "lead", "--workers", "1", "-q",
                        "--report", str(tmp_path / "report")], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert "cracks \ufffd were" in (tmp_path / "report" / "summaries.jsonl").read_text(encoding="utf-8")


def test_eval_cli_name_too_long(tmp_path: Path) -> None:
    r = subprocess.run([sys.executable, "-m", "newsfuse", "eval", str(tmp_path / ("a" * 5000))],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and len(r.stderr.splitlines()) == 1
    assert "cannot read" in r.stderr and "File name too long" in r.stderr


def test_lexrank_on_sentences_without_content_words_is_quiet(recwarn: pytest.WarningsRecorder) -> None:
    # sumy's power method divides by a zero norm here: the run's stderr got numpy's "invalid value" warning
    docs = ["It is what it is.", "And so it was."]
    out = M.METHODS["lexrank"](docs, 10, sentences=M.split_documents(docs), references=[], splitter="punkt")
    assert out  # still a summary (document order)
    assert not [w for w in recwarn if issubclass(w.category, RuntimeWarning)]


def test_eval_says_how_many_clusters_had_no_reference_and_refuses_a_reference_that_is_not_text(tmp_path: Path) -> None:
    src = tmp_path / "lakeport.jsonl"
    _lakeport_with_reference(src)
    cluster = json.loads(src.read_text(encoding="utf-8"))
    no_reference = {**cluster, "id": "none", "summaries": []}
    src.write_text("\n".join(json.dumps(c) for c in (cluster, no_reference)) + "\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "newsfuse", "eval", str(src), "--methods", "lead", "--workers", "1", "-q"]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "1 cluster without reference summaries not scored" in r.stderr
    bad = {**cluster, "id": "num", "summaries": [123]}
    src.write_text(json.dumps(bad) + "\n", encoding="utf-8")
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert r.stderr.strip().splitlines() == [
        f"newsfuse: error: {src}: cluster num (line 1): a reference summary must be text or a list of its sentences, got 123"]


def test_evaluate_starts_no_more_workers_than_clusters(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """`newsfuse eval --workers 40` on 5 clusters started 40 processes that each warmed up every method:
    30 s instead of 3. Now no more workers than chunks of clusters (nor than WORKERS_PER_CPU per core)."""
    from newsfuse.evaluate import harness

    def no_pool(method: str) -> Any:
        raise AssertionError("a pool was started for 3 clusters")

    monkeypatch.setattr(harness.mp, "get_context", no_pool)
    src = tmp_path / "c.jsonl"
    src.write_text("".join(json.dumps(c) + "\n" for c in _clusters(3)[:3]))
    res = evaluate(src, ["lead"], words=12, workers=40, progress=False)
    assert len(res.clusters) == 3
    assert capsys.readouterr().err == "newsfuse eval: --workers 40 lowered to 1 (only 3 clusters, 4 per task)\n"
    assert len(evaluate(src, ["lead"], words=12, workers=40, limit=2, progress=False).clusters) == 2


def test_eval_runs_in_process_when_no_worker_pool_can_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    """A system that cannot start a pool (seen: a resource tracker that dies, as another user's virtual
    environment) scored nothing and exited 1 without a word; the run goes on in this process and says so."""
    import sys as sys_module

    from newsfuse.evaluate import harness

    class NoPool:
        def Pool(self, *args: object, **kwargs: object) -> None:  # noqa: N802 - multiprocessing's name
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(harness.mp, "get_context", lambda method: NoPool())
    monkeypatch.setattr(sys_module, "unraisablehook", sys_module.unraisablehook)  # restored after the test
    src = tmp_path / "lakeport.jsonl"
    _lakeport_with_reference(src)
    cluster = json.loads(src.read_text(encoding="utf-8"))
    src.write_text("".join(json.dumps({**cluster, "id": f"c{k}"}) + "\n" for k in range(9)), encoding="utf-8")
    res = evaluate(src, ["lead"], words=40, workers=2, progress=False)
    assert len(res.clusters) == 9 and all(c.runs["lead"].summary for c in res.clusters)
    assert "cannot start worker processes (Broken pipe): running in this process" in capsys.readouterr().err
