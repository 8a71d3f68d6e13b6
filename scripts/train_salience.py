"""Train newsfuse's sentence salience model (src/newsfuse/data/salience.json).

    python scripts/train_salience.py [--start 1000] [--alpha 1.0] [--unigram-share 0.5]

Data: Multi-News validation clusters from --start (default 1000) to the end of
../shared/data/multi_news_val.jsonl.gz. The first 1,000 clusters are never used
here: BENCHMARKS.md scores them. Target per sentence: the mean of its stemmed
unigram and bigram precision against the reference (what share of its words a
human brief also used; ``--unigram-share`` weights the two otherwise). Multi-News text is already extracted, so the clean
stage is skipped here. Fit: ridge regression on the FEATURES of newsfuse.score.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

from newsfuse.load import cluster_from_json
from newsfuse.represent import represent, stem, words
from newsfuse.score import CONCEPT_FEATURES, FEATURES, concept_features, expand, sentence_features
from newsfuse.select import cluster_weights
from newsfuse.split import split_document

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "multi_news_val.jsonl.gz"
OUT = Path(__file__).resolve().parents[1] / "src" / "newsfuse" / "data" / "salience.json"


def _grams(text: str) -> tuple[set[str], set[tuple[str, str]]]:
    toks = [stem(w) for w in words(text)]
    return set(toks), set(zip(toks, toks[1:], strict=False))


def word_counts_for(line: str) -> tuple[set[str], set[str]]:
    c = cluster_from_json(json.loads(line))
    inp = {stem(w) for d in c.documents for w in words(d.text)}
    ref = {stem(w) for w in words(c.summaries[0])} if c.summaries else set()
    return inp, inp & ref


def train_word_prior(parts: list[tuple[set[str], set[str]]], min_count: int = 20) -> None:
    """Smoothed P(stem in brief | stem in articles) for stems seen in at least min_count clusters."""
    n_in: dict[str, int] = {}
    n_ref: dict[str, int] = {}
    for inp, both in parts:
        for w in inp:
            n_in[w] = n_in.get(w, 0) + 1
        for w in both:
            n_ref[w] = n_ref.get(w, 0) + 1
    total_in = sum(n_in.values())
    default = sum(n_ref.values()) / max(total_in, 1)
    k = 10.0  # pseudo-counts toward the default
    prior = {
        w: round((n_ref.get(w, 0) + k * default) / (n + k), 4)
        for w, n in sorted(n_in.items())
        if n >= min_count
    }
    (OUT.parent / "word_prior.json").write_text(
        json.dumps({"default": round(default, 4), "min_count": min_count, "prior": prior}, separators=(",", ":")) + "\n"
    )
    print(f"word prior: {len(prior)} stems, default {default:.3f}")


def _cluster(line: str) -> tuple[Any, Any, int] | None:
    """(cluster, representation, documents) of one JSONL line, or None without sentences or reference."""
    c = cluster_from_json(json.loads(line))
    docs = list(c.documents)  # Multi-News text is already extracted; see module doc
    sents = [s for k, d in enumerate(docs) for s in split_document(d.text, k)]
    if not sents or not c.summaries:
        return None
    return c, represent(sents, len(docs)), len(docs)


def concept_rows_for(line: str) -> tuple[np.ndarray, np.ndarray]:
    got = _cluster(line)
    if got is None:
        return np.zeros((0, len(CONCEPT_FEATURES))), np.zeros(0)
    c, rep, n_docs = got
    names, x = concept_features(rep, list(range(n_docs)))
    _, rb = _grams(c.summaries[0])
    ref = {f"{a} {b}" for a, b in rb}
    return x, np.array([float(n in ref) for n in names])


def fit_logistic(x: np.ndarray, y: np.ndarray, alpha: float, iters: int = 25) -> np.ndarray:
    """L2-regularised logistic regression by Newton's method (IRLS)."""
    w = np.zeros(x.shape[1])
    reg = alpha * np.eye(x.shape[1])
    reg[0, 0] = 0.0
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + reg @ w
        hess = (x * (p * (1 - p))[:, None]).T @ x + reg
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def rows_for(line: str, unigram_share: float = 0.5) -> tuple[np.ndarray, np.ndarray]:
    got = _cluster(line)
    if got is None:
        return np.zeros((0, len(FEATURES))), np.zeros(0)
    c, rep, n_docs = got
    sents = rep.sentences
    x = sentence_features(rep, cluster_weights(rep, list(range(n_docs))))
    ru, rb = _grams(c.summaries[0])
    y = np.zeros(len(sents))
    for i, s in enumerate(sents):
        toks = [stem(w) for w in words(s.text)]
        if not toks:
            continue
        big = list(zip(toks, toks[1:], strict=False))
        p1 = sum(t in ru for t in toks) / len(toks)
        p2 = sum(b in rb for b in big) / max(len(big), 1)
        y[i] = (p1 + p2) / 2 if unigram_share == 0.5 else unigram_share * p1 + (1 - unigram_share) * p2
    return x, y


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--start", type=int, default=1000)
    ap.add_argument("--alpha", type=float, default=1.0)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--unigram-share", type=float, default=0.5,
                    help="weight of unigram precision in the salience target (the rest is bigram precision)")
    a = ap.parse_args()
    with gzip.open(DATA, "rt", encoding="utf-8") as fh:
        lines = list(itertools.islice(fh, a.start, None))
    with ProcessPoolExecutor(a.workers) as ex:
        train_word_prior(list(ex.map(word_counts_for, lines, chunksize=64)))
    with ProcessPoolExecutor(a.workers) as ex:  # new workers: they load the fresh prior
        cparts = list(ex.map(concept_rows_for, lines, chunksize=32))
    cx = expand(np.vstack([p[0] for p in cparts]))  # a quadratic model, as for the salience below
    cy = np.concatenate([p[1] for p in cparts])
    ccoef = fit_logistic(cx, cy, a.alpha)
    cp = 1.0 / (1.0 + np.exp(-(cx @ ccoef)))
    ll = float(-(cy * np.log(cp + 1e-12) + (1 - cy) * np.log(1 - cp + 1e-12)).mean())
    (OUT.parent / "concepts.json").write_text(
        json.dumps(
            {
                "features": list(CONCEPT_FEATURES),
                "coef": [round(float(v), 6) for v in ccoef],
                "trained_on": f"multi_news_val.jsonl.gz clusters {a.start}-{a.start + len(lines) - 1}",
                "concepts": int(len(cy)),
                "positive_rate": round(float(cy.mean()), 4),
                "log_loss": round(ll, 4),
            },
            indent=1,
        )
        + "\n"
    )
    print(f"concepts: {len(cy)} rows, {cy.mean():.3f} in references, log loss {ll:.4f}")
    for f, v in zip(CONCEPT_FEATURES, ccoef, strict=False):  # (the first-order terms; products follow)
        print(f"  {f:16s} {v:+.4f}")
    with ProcessPoolExecutor(a.workers) as ex:  # new workers: they load the fresh concept model
        parts = list(ex.map(partial(rows_for, unigram_share=a.unigram_share), lines, chunksize=32))
    x = expand(np.vstack([p[0] for p in parts]))
    y = np.concatenate([p[1] for p in parts])
    reg = a.alpha * np.eye(x.shape[1])
    reg[0, 0] = 0.0  # no penalty on the bias
    coef = np.linalg.solve(x.T @ x + reg, x.T @ y)
    pred = x @ coef
    r2 = 1 - ((y - pred) ** 2).sum() / ((y - y.mean()) ** 2).sum()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(
        json.dumps(
            {
                "features": list(FEATURES),
                "coef": [round(float(v), 6) for v in coef],
                "trained_on": f"multi_news_val.jsonl.gz clusters {a.start}-{a.start + len(lines) - 1}",
                "sentences": int(len(y)),
                "r2": round(float(r2), 4),
                "alpha": a.alpha,
                **({"unigram_share": a.unigram_share} if a.unigram_share != 0.5 else {}),
            },
            indent=1,
        )
        + "\n"
    )
    print(f"{len(y)} sentences from {len(lines)} clusters, R^2 {r2:.3f} -> {OUT}")
    for f, v in zip(FEATURES, coef[: len(FEATURES)], strict=True):
        print(f"  {f:16s} {v:+.4f}")


if __name__ == "__main__":
    main()
