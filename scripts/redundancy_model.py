"""Fit a repeat model (the chance that two brief sentences repeat one fact in other words) on the hand-judged pairs.

Usage: OPENBLAS_NUM_THREADS=1 python scripts/redundancy_model.py [--labels scripts/redundancy_labels.tsv] [--set sample]
       [--l2 1.0] [--features share,tfidf_cosine,...] [--test-set fresh3000]

Every labeled pair (scripts/redundancy_labels.tsv: ids and text hashes only; label 1 = the two brief sentences repeat a
fact) is found again in its cluster's representation and measured by ``repeat_features`` below. A logistic
regression (L2-penalised, standardised features, Newton's method: no scikit-learn) is scored by leave-cluster-out
cross-validation (each cluster's pairs are predicted by a model fitted on the other clusters'), or, with --test-set, by
a model fitted on the other sets' pairs: ROC AUC, and precision and recall (Wilson 95%) at several probability
thresholds. The model fitted on all pairs of the sets not held out is printed as weights and a bias
(in the raw features' units). Also prints the AUC of each feature alone.
Pairs below ``REPEAT_MIN_SHARE`` have all features zero (the model gives them no chance at selection).
"""

from __future__ import annotations

import argparse
import collections
import math
from pathlib import Path
from typing import Any

import numpy as np
from attribution_audit import cluster_by_id, summarize_with_rep, wilson
from redundancy_audit import find_sentence, read_labels

from newsfuse.represent import NUMBER_WORDS, _is_quantity

# The measures of a pair of sentences the model weighs. The fit on the 370 `sample` pairs (this script, at 16ba865)
# was share 1.4937, share_big 0.0536, log_shared_words 0.5646, tfidf_cosine 8.1487, length_ratio 0.9290, same_doc
# -0.2589, log_shared_concepts 0.0338, shared_quantity 1.4537, shared_number 0.6018, bias -3.9815 (leave-cluster-out
# AUC 0.653; on the 241 `fresh3000` pairs 0.716). A soft penalty in select with it (branch `redund`, 91a721d, not kept)
# cut fresh 100-word briefs that repeat a fact from 13/30 to 9/30 but cost TAC 100 words 1.1 R1: see BENCHMARKS.md.
REPEAT_FEATURES = ("share", "share_big", "log_shared_words", "tfidf_cosine", "length_ratio", "same_doc",
                   "log_shared_concepts", "shared_quantity", "shared_number")
REPEAT_MIN_SHARE = 0.15  # pairs sharing less of the shorter one's IDF weight are no repeat (no chance, no features)


def repeat_features(rep: Any, idx: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """For every pair of the sentences ``idx``: the measures of ``REPEAT_FEATURES`` (an n x n x F array) and
    which pairs could repeat a fact at all (IDF share of the shorter >= REPEAT_MIN_SHARE; the features of the
    others are left at zero). No embedding: WordLlama's cosine of two cased sentences that share a name runs
    high whatever they tell (0.6-0.8 in TAC's different facts about Abu Ghraib), and it added nothing on fresh
    pairs (scripts/redundancy_model.py)."""
    n = len(idx)
    feats = np.zeros((n, n, len(REPEAT_FEATURES)))
    if n < 2:
        return feats, np.zeros((n, n), dtype=bool)
    shared_w, totals, shared_n = rep._containment(idx, idx)
    t = totals[idx]
    share = shared_w / np.maximum(np.minimum.outer(t, t), 1e-9)
    maybe = share >= REPEAT_MIN_SHARE
    np.fill_diagonal(maybe, False)
    if not maybe.any():
        return feats, maybe
    sizes = rep.content_sizes()[idx]
    feats[..., 0] = share
    feats[..., 1] = shared_w / np.maximum(np.maximum.outer(t, t), 1e-9)
    feats[..., 2] = np.log1p(shared_n)
    feats[..., 3] = rep.similarity_matrix(idx, idx)
    feats[..., 4] = np.minimum.outer(sizes, sizes) / np.maximum(np.maximum.outer(sizes, sizes), 1.0)
    for a, b in zip(*np.nonzero(np.triu(maybe)), strict=True):
        i, j = idx[a], idx[b]
        shared = rep.concepts[i] & rep.concepts[j]
        numbers = any(any(ch.isdigit() for ch in w) or w in NUMBER_WORDS for w in rep.content[i] & rep.content[j])
        row = (float(rep.sentences[i].doc == rep.sentences[j].doc), math.log1p(len(shared)),
               float(any(_is_quantity(c) for c in shared)), float(numbers))
        feats[a, b, 5:] = feats[b, a, 5:] = row
    feats[~maybe] = 0.0
    return feats, maybe



def pairs_with_features(labels: list[dict]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """The labeled pairs' features (a row of NaN: below ``REPEAT_MIN_SHARE``, no chance), labels and clusters."""
    by_cluster: dict[str, list[dict]] = collections.defaultdict(list)
    seen: set[tuple[str, ...]] = set()
    for r in labels:
        key = (r["cluster"], *sorted([r["ha"], r["hb"]]))
        if r["a"] != "-" and key not in seen:
            seen.add(key)
            by_cluster[r["cluster"]].append(r)
    xs, ys, groups = [], [], []
    for cid, rs in sorted(by_cluster.items()):
        _, rep, _ = summarize_with_rep(cluster_by_id(cid), 100)
        for r in rs:
            i, j = find_sentence(rep, r["a"], r["ha"]), find_sentence(rep, r["b"], r["hb"])
            if i is None or j is None or i == j:
                continue
            feats, maybe = repeat_features(rep, [i, j])
            xs.append(feats[0, 1] if maybe[0, 1] else np.full(len(REPEAT_FEATURES), np.nan))
            ys.append(r["label"])
            groups.append(cid)
    x = np.array(xs).reshape(-1, len(REPEAT_FEATURES))
    return x, np.array(ys, dtype=float), groups


def predict(x: np.ndarray, w: np.ndarray, b: float) -> np.ndarray:
    """The model's chance for each row; 0 for a pair below the share the model looks at (a row of NaN)."""
    scored = ~np.isnan(x).any(axis=1)
    out = np.zeros(len(x))
    out[scored] = 1.0 / (1.0 + np.exp(-(x[scored] @ w + b)))
    return out


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> tuple[np.ndarray, float]:
    """Weights and bias in the raw units of ``x`` (fitted on standardised columns, bias unpenalised), on the rows the
    model scores (not NaN)."""
    scored = ~np.isnan(x).any(axis=1)
    x, y = x[scored], y[scored]
    mu, sd = x.mean(axis=0), x.std(axis=0)
    sd[sd == 0] = 1.0
    z = np.hstack([(x - mu) / sd, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    pen = np.full(z.shape[1], l2)
    pen[-1] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(z @ w)))
        grad = z.T @ (p - y) + pen * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(pen) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    weights = w[:-1] / sd
    return weights, float(w[-1] - (weights * mu).sum())


def auc(score: np.ndarray, y: np.ndarray) -> float:
    pos, neg = score[y == 1], score[y == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    return float(((pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()) / (len(pos) * len(neg)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--labels", type=Path, default=Path(__file__).with_name("redundancy_labels.tsv"))
    ap.add_argument("--set", dest="sets", action="append", help="only the labels of this set")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--test-set", help="fit on the other sets and score on this one (instead of leave-cluster-out)")
    ap.add_argument("--features", help="comma-separated subset of REPEAT_FEATURES (the others get weight 0)")
    args = ap.parse_args()
    labels = [r for r in read_labels(args.labels) if not args.sets or r["set"] in args.sets or r["set"] == args.test_set]
    x, y, groups = pairs_with_features([r for r in labels if r["set"] != args.test_set])
    use = np.ones(len(REPEAT_FEATURES), dtype=bool)
    if args.features:
        use = np.array([f in args.features.split(",") for f in REPEAT_FEATURES])
    scored = ~np.isnan(x).any(axis=1)
    print(f"{len(y)} pairs, {int(y.sum())} repeat a fact, {len(set(groups))} clusters; {int(scored.sum())} pairs "
          f"({int(y[scored].sum())} repeats) at share >= REPEAT_MIN_SHARE, the others have no chance")
    for k, name in enumerate(REPEAT_FEATURES):
        print(f"  {name:22s} AUC alone {auc(np.nan_to_num(x[:, k]), y):.3f}")
    w, b = fit(x[:, use], y, args.l2)  # on all pairs (of the sets not held out): the constants printed below
    full = np.zeros(len(REPEAT_FEATURES))
    full[use] = w
    if args.test_set:
        x, y, groups = pairs_with_features([r for r in labels if r["set"] == args.test_set])
        pred = predict(x[:, use], w, b)
        print(f"set {args.test_set}: {len(y)} pairs, {int(y.sum())} repeat a fact; AUC {auc(pred, y):.3f} "
              f"(alone: " + ", ".join(f"{n} {auc(np.nan_to_num(x[:, k]), y):.3f}" for k, n in enumerate(REPEAT_FEATURES)) + ")")
    else:
        pred = np.zeros(len(y))
        g = np.array(groups)
        for cid in sorted(set(groups)):
            test = g == cid
            wk, bk = fit(x[~test][:, use], y[~test], args.l2)
            pred[test] = predict(x[test][:, use], wk, bk)
        print(f"leave-cluster-out AUC {auc(pred, y):.3f}")
    for t in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        hit = pred >= t
        tp, fp, fn = int((hit & (y == 1)).sum()), int((hit & (y == 0)).sum()), int((~hit & (y == 1)).sum())
        (plo, phi), (rlo, rhi) = wilson(tp, tp + fp), wilson(tp, tp + fn)
        print(f"  p >= {t:.1f}: precision {tp / max(tp + fp, 1):.3f} = {tp}/{tp + fp} ({plo:.2f}-{phi:.2f}), "
              f"recall {tp / max(tp + fn, 1):.3f} = {tp}/{tp + fn} ({rlo:.2f}-{rhi:.2f})")
    print("REPEAT_WEIGHTS = (" + ", ".join(f"{v:.4f}" for v in full) + ")  # " + ", ".join(REPEAT_FEATURES))
    print(f"REPEAT_BIAS = {b:.4f}")


if __name__ == "__main__":
    main()
