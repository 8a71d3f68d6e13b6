"""Why newsfuse's margin over LexRank shrinks with the number of documents (Multi-News validation clusters).

    OPENBLAS_NUM_THREADS=1 python scripts/size_study.py picks --start 1000 --n 1000
    OPENBLAS_NUM_THREADS=1 python scripts/size_study.py calibration --start 1000 --n 1000

Grouped by documents (1, 2, 3, 4-5, 6+): for ``picks`` those left after cleaning, for ``calibration``
those with a sentence as train_salience.py reads them (the text as given).

``picks``: per cluster, a greedy whole-sentence oracle over newsfuse's stand-alone candidates
(``oracle_candidates.greedy_oracle``, first reference, 100 words), newsfuse's brief and LexRank's (as
``newsfuse eval`` runs it); for each, R1 F1 (rouge-score, the first 100 words) and what it picks: sentences,
the share that open their document, mean words, documents used, and the share of its words taken from
off-topic documents (OFF_TOPIC). Also the share of LexRank's words that come
from sentences newsfuse's split gives and from its candidates (what a quoting summarizer could pick at all).
LexRank's R1 here counts only what it picked, as it is scored in tune.py.

``calibration``: the shipped salience and concept models, on the clusters' training rows (as
``train_salience.py`` builds them): mean target, mean prediction, residual, and within-cluster rank
correlation (salience) or AUC (concepts), so that a model whose features stop discriminating in large
clusters would show. Run it with models trained on other clusters (``train_salience.py --start 2000`` for
--start 1000) to read it as held out.

Prints numbers only, never the data's text.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import statistics
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "multi_news_val.jsonl.gz"
SIZES = ("1", "2", "3", "4-5", "6+")


def size_of(kept: int) -> str:
    return "1" if kept < 2 else "2" if kept == 2 else "3" if kept == 3 else "4-5" if kept < 6 else "6+"


def _norm(t: str) -> str:
    return " ".join(t.split())


OFF_TOPIC = 0.02  # a document whose summed TF-IDF vector has a cosine under this with every other one


def _off_topic(rep: Any, sents: list[Any]) -> set[int]:
    """Documents of a cluster of 3+ that share almost nothing with any other (OFF_TOPIC)."""
    dense = rep.dense_tfidf()
    kept = sorted({s.doc for s in sents})
    if dense is None or len(kept) < 3:
        return set()
    docs = np.array([s.doc for s in sents])
    vec = {d: dense[docs == d].sum(axis=0) for d in kept}
    vec = {d: v / (np.linalg.norm(v) or 1.0) for d, v in vec.items()}
    return {d for d in kept if max(float(vec[d] @ vec[e]) for e in kept if e != d) < OFF_TOPIC}


def picks_of(line: str) -> tuple[str, dict[str, dict[str, float]], tuple[float, float]] | None:
    from oracle_candidates import greedy_oracle
    from rouge_score import rouge_scorer

    import newsfuse
    from newsfuse.clean import clean_documents
    from newsfuse.evaluate.methods import METHODS, _rouge_tokenizer, split_documents
    from newsfuse.load import to_document
    from newsfuse.represent import represent, word_count
    from newsfuse.select import caseless, is_candidate, leans_on_previous
    from newsfuse.split import split_document, split_text

    r = json.loads(line)
    docs = clean_documents([to_document(d, i) for i, d in enumerate(r["documents"])])
    sents = [s for k, d in enumerate(docs) for s in split_document(d.text, k)]
    if not sents:
        return None
    rep = represent(sents, len(docs))
    no_case = caseless(rep)
    off = _off_topic(rep, sents)
    cands = [s for s in sents if is_candidate(s, word_count(s.text), no_case)]
    alone = [s for s in cands if not leans_on_previous(s.text)]
    length: dict[int, int] = {}
    for s in sents:
        length[s.doc] = length.get(s.doc, 0) + 1
    ref = r["summaries"][0]
    oracle = set(greedy_oracle([s.text for s in alone], ref, 100, _rouge_tokenizer()))
    try:
        ours = [s.text for s in newsfuse.summarize(r["documents"], words=100).sentences]
    except newsfuse.NewsfuseError:
        ours = []
    peer = METHODS["lexrank"](r["documents"], 100, sentences=split_documents(r["documents"]), references=r["summaries"],
                              splitter="punkt")
    scorer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)
    ref_lines = "\n".join(split_text(ref))
    out: dict[str, dict[str, float]] = {}
    for name, texts in (("oracle", [s.text for s in sents if s.text in oracle]), ("newsfuse", ours), ("lexrank", peer)):
        summary = "\n".join(split_text(" ".join(" ".join(texts).split()[:100])))
        row: dict[str, float] = {"r1": 100 * scorer.score(ref_lines, summary)["rouge1"].fmeasure if texts else 0.0}
        picked = [s for s in sents if s.text in set(texts)]
        if picked:
            row.update(k=len(picked), first=sum(s.position == 0 for s in picked) / len(picked),
                       words=statistics.mean(word_count(s.text) for s in picked), docs=len({s.doc for s in picked}),
                       off=sum(word_count(s.text) for s in picked if s.doc in off)
                       / max(sum(word_count(s.text) for s in picked), 1))
        out[name] = row
    peer_words = [word_count(t) for t in peer]
    total = sum(peer_words) or 1
    in_split = {_norm(s.text) for s in sents}
    in_cands = {_norm(s.text) for s in cands}
    shares = (sum(w for t, w in zip(peer, peer_words, strict=True) if _norm(t) in in_split) / total,
              sum(w for t, w in zip(peer, peer_words, strict=True) if _norm(t) in in_cands) / total)
    return size_of(len(length)), out, shares


def picks(lines: list[str], workers: int) -> None:
    with ProcessPoolExecutor(workers) as ex:
        res = [x for x in ex.map(picks_of, lines, chunksize=8) if x]
    print(f"{'docs':>4} {'method':>8} {'n':>4} {'R1':>6} {'sents':>5} {'first':>5} {'words':>5} {'docs':>4} "
          f"{'off-topic':>9}")
    for size in SIZES:
        group = [x for x in res if x[0] == size]
        if not group:
            continue
        for name in ("oracle", "newsfuse", "lexrank"):
            rows = [x[1][name] for x in group]
            full = [r for r in rows if "k" in r]
            print(f"{size:>4} {name:>8} {len(rows):>4} {statistics.mean(r['r1'] for r in rows):6.2f} "
                  + " ".join(f"{statistics.mean(r[f] for r in full):5.2f}" for f in ("k", "first", "words"))
                  + f" {statistics.mean(r['docs'] for r in full):4.2f} {statistics.mean(r['off'] for r in full):9.3f}")
        print(f"{size:>4} LexRank's words in newsfuse's sentences {statistics.mean(x[2][0] for x in group):.2f}, "
              f"in its candidates {statistics.mean(x[2][1] for x in group):.2f}")


def _rows(line: str) -> tuple[Any, ...]:
    import train_salience as ts

    from newsfuse.score import FEATURES

    x, y = ts.rows_for(line)
    cx, cy = ts.concept_rows_for(line)
    kept = int(round(float(np.exp(x[0, FEATURES.index("log_docs")])))) if len(y) else 0
    return kept, x, y, cx, cy


def calibration(lines: list[str], workers: int) -> None:
    from scipy.stats import rankdata, spearmanr

    from newsfuse.score import _predict, expand, model

    coef = model()
    assert coef is not None
    with ProcessPoolExecutor(workers) as ex:
        parts = [p for p in ex.map(_rows, lines, chunksize=16) if len(p[2])]
    print("salience (target: mean unigram/bigram precision of the sentence against the reference)")
    print(f"{'docs':>4} {'clusters':>8} {'sents':>6} {'target':>6} {'pred':>6} {'resid':>6} {'rank corr':>9}")
    for size in SIZES:
        group = [p for p in parts if size_of(p[0]) == size]
        if not group:
            continue
        y = np.concatenate([p[2] for p in group])
        pred = np.concatenate([expand(p[1]) @ coef for p in group])
        corr = [spearmanr(p[2], expand(p[1]) @ coef).correlation for p in group if len(p[2]) >= 4]
        corr = [c for c in corr if c == c]
        print(f"{size:>4} {len(group):>8} {len(y):>6} {y.mean():6.3f} {pred.mean():6.3f} {(y - pred).mean():+6.3f} "
              f"{statistics.mean(corr) if corr else float('nan'):9.3f}")
    print("concepts (target: the bigram is in the reference)")
    print(f"{'docs':>4} {'clusters':>8} {'concepts':>8} {'target':>6} {'pred':>6} {'AUC':>6}")
    for size in SIZES:
        group = [p for p in parts if size_of(p[0]) == size and len(p[4])]
        if not group:
            continue
        y = np.concatenate([p[4] for p in group])
        pred = np.concatenate([1 / (1 + np.exp(-_predict(p[3], "concepts"))) for p in group])
        aucs = []
        for p in group:
            cy, cp = p[4], 1 / (1 + np.exp(-_predict(p[3], "concepts")))
            n1 = cy.sum()
            if 0 < n1 < len(cy):
                ranks = rankdata(cp)
                aucs.append((ranks[cy == 1].sum() - n1 * (n1 + 1) / 2) / (n1 * (len(cy) - n1)))
        print(f"{size:>4} {len(group):>8} {len(y):>8} {y.mean():6.3f} {pred.mean():6.3f} {statistics.mean(aucs):6.3f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=("picks", "calibration"))
    ap.add_argument("--start", type=int, default=1000)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args()
    with gzip.open(DATA, "rt", encoding="utf-8") as fh:
        lines = list(itertools.islice(fh, a.start, a.start + a.n))
    (picks if a.what == "picks" else calibration)(lines, a.workers)


if __name__ == "__main__":
    main()
