"""How much of the gap to the oracle is the candidate filter's: greedy whole-sentence oracles over newsfuse's
own sentences on Multi-News validation clusters (rouge-score F1 R1 at a word budget, first reference).

Usage: python scripts/oracle_candidates.py [--start 1000] [--n 200] [--words 100]

Three pools, each after newsfuse's clean and split stages: every sentence; the sentences ``select.is_candidate``
admits; and those that also stand alone (``select.leans_on_previous`` false). The oracle adds the sentence that
raises mean unigram/bigram F1 most while the summary stays within the budget (no sentence is cut), so it is an
upper bound for what newsfuse's selection could reach from each pool.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import statistics
from pathlib import Path
from typing import Any

from rouge_score import rouge_scorer

from newsfuse.clean import clean_documents
from newsfuse.evaluate.methods import _f1, _grams, _rouge_tokenizer
from newsfuse.load import to_document
from newsfuse.represent import represent, word_count
from newsfuse.select import caseless, is_candidate, leans_on_previous
from newsfuse.split import split_document, split_text

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "multi_news_val.jsonl.gz"


def greedy_oracle(sentences: list[str], reference: str, budget: int, tok: Any) -> list[str]:
    """Scored as ``evaluate.methods.oracle`` scores (mean unigram/bigram F1), but whole sentences only."""
    ref = tok.tokenize(reference)
    ru, rb = _grams(ref, 1), _grams(ref, 2)
    toks = [tok.tokenize(s) for s in sentences]
    sizes = [word_count(s) for s in sentences]
    chosen: list[int] = []
    best, used = 0.0, 0

    def score(idx: list[int]) -> float:
        t = [w for j in sorted(idx) for w in toks[j]]
        f1 = _f1(sum((_grams(t, 1) & ru).values()), len(t), len(ref))
        f2 = _f1(sum((_grams(t, 2) & rb).values()), max(len(t) - 1, 0), max(len(ref) - 1, 0))
        return (f1 + f2) / 2

    while True:
        pick, top = -1, best
        for i in range(len(sentences)):
            if i not in chosen and used + sizes[i] <= budget:
                s = score(chosen + [i])
                if s > top:
                    pick, top = i, s
        if pick < 0:
            return [sentences[i] for i in sorted(chosen)]
        chosen.append(pick)
        used += sizes[pick]
        best = top


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--start", type=int, default=1000)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--words", type=int, default=100)
    a = ap.parse_args()
    tok = _rouge_tokenizer()
    scorer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)
    with gzip.open(DATA, "rt", encoding="utf-8") as fh:
        rows = [json.loads(x) for x in itertools.islice(fh, a.start, a.start + a.n)]
    scores: dict[str, list[float]] = {"all sentences": [], "candidates": [], "candidates standing alone": []}
    for r in rows:
        ref = r["summaries"][0]
        docs = clean_documents([to_document(d, i) for i, d in enumerate(r["documents"])])
        sents = [s for k, d in enumerate(docs) for s in split_document(d.text, k)]
        if not sents:
            continue
        no_case = caseless(represent(sents, len(docs)))
        cands = [s for s in sents if is_candidate(s, word_count(s.text), no_case)]
        pools = {
            "all sentences": [s.text for s in sents],
            "candidates": [s.text for s in cands],
            "candidates standing alone": [s.text for s in cands if not leans_on_previous(s.text)],
        }
        for name, pool in pools.items():
            summary = " ".join(" ".join(greedy_oracle(pool, ref, a.words, tok)).split()[: a.words])
            scores[name].append(scorer.score("\n".join(split_text(ref)), summary)["rouge1"].fmeasure)
    for name, v in scores.items():
        print(f"{name:28s} clusters {len(v):4d}  oracle R1 F1 {100 * statistics.mean(v):.2f}")


if __name__ == "__main__":
    main()
