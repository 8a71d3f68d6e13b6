"""Would a non-linear learner predict sentence salience better than the shipped quadratic ridge?

    OPENBLAS_NUM_THREADS=1 python scripts/salience_learners.py [--workers 2]

Builds the salience model's training rows (``train_salience.rows_for``: newsfuse.score's FEATURES and the
reference-overlap target) for Multi-News validation clusters 1000-5621, fits on clusters 2000-5621 and scores
clusters 1000-1999: R^2, and the mean per-cluster Spearman correlation between predicted and true overlap (what
selection uses: the ranking of a cluster's sentences). Learners: the shipped quadratic ridge (``expand`` plus
ridge, alpha 1) and scikit-learn's HistGradientBoostingRegressor at three settings. scikit-learn is not a
newsfuse dependency: install it to run this (``pip install scikit-learn``). The shipped concept model and word
prior (trained on 1000-5621) feed two of the features, so both learners see the same slight leak.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_salience import DATA, rows_for  # noqa: E402

from newsfuse.score import expand  # noqa: E402


def _r2(y: np.ndarray, p: np.ndarray) -> float:
    return float(1 - ((y - p) ** 2).sum() / ((y - y.mean()) ** 2).sum())


def _within(y: np.ndarray, p: np.ndarray, c: np.ndarray) -> float:
    from scipy.stats import spearmanr

    out = []
    for k in np.unique(c):
        m = c == k
        if m.sum() > 3 and np.std(y[m]) > 0 and np.std(p[m]) > 0:
            out.append(spearmanr(y[m], p[m]).statistic)
    return float(np.nanmean(out))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args()
    try:
        from sklearn.ensemble import HistGradientBoostingRegressor
    except ImportError:
        raise SystemExit("salience_learners.py needs scikit-learn (not a newsfuse dependency): pip install scikit-learn") from None
    if not DATA.exists():
        raise SystemExit(f"no Multi-News data at {DATA}")
    with gzip.open(DATA, "rt", encoding="utf-8") as fh:
        lines = list(itertools.islice(fh, 1000, None))
    with ProcessPoolExecutor(a.workers) as ex:
        parts = list(ex.map(rows_for, lines, chunksize=32))
    x = np.vstack([p[0] for p in parts])
    y = np.concatenate([p[1] for p in parts])
    c = np.concatenate([np.full(len(p[1]), 1000 + k) for k, p in enumerate(parts)])
    train, test = c >= 2000, c < 2000
    print(f"{int(train.sum())} training sentences (clusters 2000-{999 + len(parts)}), {int(test.sum())} held out (1000-1999)")
    xe = expand(x)
    reg = np.eye(xe.shape[1])
    reg[0, 0] = 0.0
    coef = np.linalg.solve(xe[train].T @ xe[train] + reg, xe[train].T @ y[train])
    pred = xe[test] @ coef
    print(f"{'quadratic ridge (shipped)':36s} R^2 {_r2(y[test], pred):.4f}  per-cluster Spearman {_within(y[test], pred, c[test]):.4f}")
    for lr, iters, leaves in [(0.1, 200, 31), (0.05, 400, 31), (0.05, 300, 15)]:
        g = HistGradientBoostingRegressor(learning_rate=lr, max_iter=iters, max_leaf_nodes=leaves, min_samples_leaf=50,
                                          random_state=0).fit(x[train], y[train])
        pred = g.predict(x[test])
        name = f"gradient boosting lr {lr}, {iters} x {leaves}"
        print(f"{name:36s} R^2 {_r2(y[test], pred):.4f}  per-cluster Spearman {_within(y[test], pred, c[test]):.4f}")


if __name__ == "__main__":
    main()
