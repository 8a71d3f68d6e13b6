"""Redundancy audit: do two sentences of one brief repeat the same fact?

Usage: OPENBLAS_NUM_THREADS=1 python scripts/redundancy_audit.py multi_news --words 100 --sample 50 --out /tmp/red/mn100.md
       python scripts/redundancy_audit.py tac --words 250 --out /tmp/red/tac250.md
       python scripts/redundancy_audit.py --labels scripts/redundancy_labels.tsv [--words 100] [--set design]
           [--const select.REPEAT_PENALTY=0]

Audit mode summarizes clusters (Multi-News from --start with --min-docs documents or more, a random
sample of --sample of the first --pool of them, seed 1; or all of TAC) and lists, for each brief, its
sentence pairs that could repeat a fact: the IDF weight they share as a share of the shorter one's
(``share``, as ``Representation.same_fact`` computes it), shared content words, TF-IDF cosine, WordLlama
embedding cosine, and whether ``same_fact`` holds. A pair is listed when share >= 0.15 or
embedding cosine >= 0.45 (a first pass at 0.2 / 0.55 missed a repeat at share 0.15, cosine 0.51; pairs below
0.15 / 0.45 are counted as not redundant, unread, so the rate is a lower bound). Pairs already
judged (``--labels``) show their label. ``--out x.md`` writes markdown to read and ``x.jsonl`` beside it:
keep them outside the repository, they quote the (research-only) data.

Labels mode reads judgments stored as ids only (a TSV: set, cluster, words, the two sentences as
document:position and a hash of each one's text, label 1/0, category; a row with "-" for the sentences
names a brief with no pair listed) and prints

* how ``same_fact`` decides the labeled pairs now (precision and recall, Wilson 95% intervals): the
  pairs come from briefs, so the ones labeled 1 are the redundancy that slipped through;
* the redundancy rate: the clusters' briefs are made again and a brief counts as redundant when one of
  its pairs is labeled 1. A listed pair of a new brief that has no label is reported (judge it and
  add it), so the rate of briefs made by other code is measured on the same clusters.
"""

from __future__ import annotations

import argparse
import collections
import importlib
import json
import random
from pathlib import Path
from typing import Any

import numpy as np
from attribution_audit import cluster_by_id, load, summarize_with_rep, text_hash, wilson


def find_sentence(rep: Any, at: str, h: str) -> int | None:
    """The sentence at ``at`` (document:position) whose text hashes to ``h``, or, when the split has moved it (a piece
    before it joined or dropped), the one of that document with that text."""
    doc, pos = (int(x) for x in at.split(":"))
    for i, s in enumerate(rep.sentences):
        if s.doc == doc and s.position == pos and text_hash(s.text) == h:
            return i
    return next((i for i, s in enumerate(rep.sentences) if s.doc == doc and text_hash(s.text) == h), None)


LIST_SHARE = 0.15
LIST_EMB = 0.45


def pair_features(rep: Any, selected: list[int]) -> list[dict]:
    """Every pair of brief sentences, with the measures ``same_fact`` uses."""
    from newsfuse import represent as R

    sel = sorted(selected)
    if len(sel) < 2:
        return []
    shared_w, totals, shared_n = rep._containment(sel, sel)
    cos = rep.similarity_matrix(sel, sel)
    emb = rep.embeddings(sel)
    embcos = emb[sel] @ emb[sel].T if emb is not None else np.zeros((len(sel), len(sel)))
    same = rep.same_fact(sel)
    sizes = rep.content_sizes()
    out = []
    for a in range(len(sel)):
        for b in range(a + 1, len(sel)):
            i, j = sel[a], sel[b]
            small = max(min(totals[i], totals[j]), 1e-9)
            big = max(max(totals[i], totals[j]), 1e-9)
            rec = {
                "i": i, "j": j,
                "a": f"{rep.sentences[i].doc}:{rep.sentences[i].position}",
                "b": f"{rep.sentences[j].doc}:{rep.sentences[j].position}",
                "ha": text_hash(rep.sentences[i].text), "hb": text_hash(rep.sentences[j].text),
                "ta": rep.sentences[i].text, "tb": rep.sentences[j].text,
                "share": round(float(shared_w[a, b] / small), 3), "share_big": round(float(shared_w[a, b] / big), 3),
                "n": int(shared_n[a, b]), "na": int(sizes[i]), "nb": int(sizes[j]),
                "cos": round(float(cos[a, b]), 3), "emb": round(float(embcos[a, b]), 3),
                "same": bool(same[a, b]),
                "contain": bool(shared_w[a, b] >= R.SAME_CONTAINMENT * small and shared_n[a, b] >= R.SAME_SHARED),
            }
            out.append(rec)
    return out


def listed(rec: dict) -> bool:
    return rec["share"] >= LIST_SHARE or rec["emb"] >= LIST_EMB


def pair_key(cid: str, rec: dict) -> tuple[str, str, str]:
    """A pair by cluster and its two sentence hashes (in sorted order): the same pair in any brief."""
    x, y = sorted([rec["ha"], rec["hb"]])
    return (cid, x, y)


LABEL_FIELDS = ["set", "cluster", "words", "a", "ha", "b", "hb", "label", "category"]


def read_labels(path: Path) -> list[dict]:
    rows = []
    if not path.exists():
        return rows
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("set\t"):
            continue
        parts = line.split("\t")
        row = dict(zip(LABEL_FIELDS, parts + [""] * (len(LABEL_FIELDS) - len(parts)), strict=True))
        row["words"], row["label"] = int(row["words"]), int(row["label"])
        rows.append(row)
    return rows


def label_index(labels: list[dict]) -> dict[tuple[str, str, str], int]:
    out = {}
    for r in labels:
        x, y = sorted([r["ha"], r["hb"]])
        out[(r["cluster"], x, y)] = r["label"]
    return out


def sample_clusters(data: str, start: int, pool: int, sample: int, min_docs: int) -> list[tuple[str, list[str]]]:
    if data == "tac":
        return load("tac")
    clusters = load("multi_news", start=start, n=pool, min_docs=min_docs)
    if sample and sample < len(clusters):
        keep = sorted(random.Random(1).sample(range(len(clusters)), sample))
        clusters = [clusters[k] for k in keep]
    return clusters


def audit(clusters: list[tuple[str, list[str]]], words: int, known: dict) -> list[dict]:
    out = []
    for cid, docs in clusters:
        _, rep, selected = summarize_with_rep(docs, words)
        feats = pair_features(rep, selected)
        for rec in feats:
            rec.update(cluster=cid, words=words, n_brief=len(selected), label=known.get(pair_key(cid, rec)))
        out.append({"cluster": cid, "words": words, "n_brief": len(selected),
                    "brief": [rep.sentences[i].text for i in sorted(selected)],
                    "pairs": [r for r in feats if listed(r)]})
    return out


def write_markdown(briefs: list[dict], path: Path) -> None:
    lines = []
    for br in briefs:
        lines.append(f"\n## {br['cluster']} w{br['words']} ({br['n_brief']} sentences, {len(br['pairs'])} pairs listed)")
        for rec in sorted(br["pairs"], key=lambda r: -(r["share"] + r["emb"])):
            lab = "" if rec["label"] is None else f" LABEL={rec['label']}"
            lines.append(
                f"- P {rec['a']} {rec['ha']} | {rec['b']} {rec['hb']} [sh{rec['share']} shB{rec['share_big']} n{rec['n']}"
                f" ({rec['na']},{rec['nb']}) cos{rec['cos']} emb{rec['emb']}{' SAME' if rec['same'] else ''}]{lab}\n"
                f"  - A: {rec['ta']}\n  - B: {rec['tb']}"
            )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def label_mode(labels: list[dict], words: list[int], sets: list[str] | None) -> None:
    from newsfuse import represent as R

    known = label_index([r for r in labels if r["a"] != "-"])
    rows = [r for r in labels if not sets or r["set"] in sets]
    # 1. same_fact on the labeled pairs (the representation does not depend on the budget)
    by_cluster: dict[str, list[dict]] = collections.defaultdict(list)
    seen: set[tuple[str, str, str]] = set()
    for r in rows:  # each pair once (a pair in the briefs of both budgets is labeled in each)
        key = (r["cluster"], *sorted([r["ha"], r["hb"]]))
        if r["a"] != "-" and key not in seen:  # ("-": a brief with no pair listed, counted in the rate below)
            seen.add(key)  # type: ignore[arg-type]
            by_cluster[r["cluster"]].append(r)
    decided = []
    gone: list[str] = []
    reps: dict[str, Any] = {}
    for cid, rs in by_cluster.items():
        _, rep, _ = summarize_with_rep(cluster_by_id(cid), 100)
        reps[cid] = rep
        for r in rs:
            i, j = find_sentence(rep, r["a"], r["ha"]), find_sentence(rep, r["b"], r["hb"])
            if i is None or j is None:  # the split changed one of them: the pair cannot be asked again
                gone.append(f"{cid} {r['a']}/{r['b']}")
                continue
            decided.append((r, bool(rep.same_fact([i], [j])[0, 0])))
    tp = sum(1 for r, d in decided if d and r["label"] == 1)
    fp = sum(1 for r, d in decided if d and r["label"] == 0)
    fn = sum(1 for r, d in decided if not d and r["label"] == 1)
    p_lo, p_hi = wilson(tp, tp + fp)
    r_lo, r_hi = wilson(tp, tp + fn)
    print(f"same_fact on {len(decided)} labeled pairs ({tp + fn} repeat a fact); SAME_REWORDED_COSINE="
          f"{getattr(R, 'SAME_REWORDED_COSINE', None)}")
    print(f"  precision {tp / max(tp + fp, 1):.3f} = {tp}/{tp + fp}  (95% Wilson {p_lo:.3f}-{p_hi:.3f})")
    print(f"  recall    {tp / max(tp + fn, 1):.3f} = {tp}/{tp + fn}  (95% Wilson {r_lo:.3f}-{r_hi:.3f})")
    if gone:
        print(f"  left out: {len(gone)} labeled pairs whose sentence the split no longer gives ({', '.join(gone)})")
    cats = collections.Counter(r["category"] or "?" for r, d in decided if d and r["label"] == 0)
    if cats:
        print("  false 'same fact' by category: " + ", ".join(f"{k} {v}" for k, v in cats.most_common()))
    # 2. the redundancy rate of the briefs made now, on the labeled clusters of each (set, budget)
    groups = sorted({(r["set"], r["words"]) for r in rows})
    for name, w in groups:
        if words and w not in words:
            continue
        cids = sorted({r["cluster"] for r in rows if r["set"] == name and r["words"] == w})
        redundant, unlabeled = 0, []
        for cid in cids:
            briefs = audit([(cid, cluster_by_id(cid))], w, known)
            pairs = briefs[0]["pairs"]
            if any(p["label"] == 1 for p in pairs):
                redundant += 1
            unlabeled += [(cid, p) for p in pairs if p["label"] is None]
        lo, hi = wilson(redundant, len(cids))
        print(f"{name} w{w}: {redundant}/{len(cids)} briefs repeat a fact = {redundant / max(len(cids), 1):.3f} "
              f"(95% Wilson {lo:.3f}-{hi:.3f}); {len(unlabeled)} listed pairs unlabeled")
        for cid, p in unlabeled:
            print(f"  UNLABELED {name}\t{cid}\t{w}\t{p['a']}\t{p['ha']}\t{p['b']}\t{p['hb']}\t"
                  f"sh{p['share']} emb{p['emb']}\n    A: {p['ta']}\n    B: {p['tb']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="?", choices=["tac", "multi_news"])
    ap.add_argument("--words", type=int, action="append", default=[])
    ap.add_argument("--start", type=int, default=2000)
    ap.add_argument("--pool", type=int, default=600, help="Multi-News clusters to sample from")
    ap.add_argument("--sample", type=int, default=50, help="briefs to audit (seed 1)")
    ap.add_argument("--min-docs", type=int, default=3)
    ap.add_argument("--out", type=Path, help="markdown file to write (and .jsonl beside it)")
    ap.add_argument("--labels", type=Path, help="judgments: score them (without a data set), or mark them in the audit")
    ap.add_argument("--set", dest="label_set", action="append", help="only the labels of this set")
    ap.add_argument("--const", action="append", default=[], help="module.CONSTANT=value, as tune.py --set (e.g. "
                    "select.REPEAT_PENALTY=0): the briefs of other settings")
    args = ap.parse_args()
    for item in args.const:
        target, value = item.split("=", 1)
        mod, attr = target.rsplit(".", 1)
        m = importlib.import_module(f"newsfuse.{mod}")
        old = getattr(m, attr)
        setattr(m, attr, value.lower() in ("true", "1") if isinstance(old, bool) else type(old)(value))
    labels = read_labels(args.labels) if args.labels else []
    if not args.data:
        if not labels:
            ap.error("give a data set or --labels")
        label_mode(labels, args.words, args.label_set)
        return
    clusters = sample_clusters(args.data, args.start, args.pool, args.sample, args.min_docs)
    briefs = []
    for w in args.words or [100]:
        briefs += audit(clusters, w, label_index(labels))
    n_pairs = sum(len(b["pairs"]) for b in briefs)
    print(f"{len(briefs)} briefs, {n_pairs} pairs listed, {sum(b['n_brief'] * (b['n_brief'] - 1) // 2 for b in briefs)} pairs in all")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        write_markdown(briefs, args.out)
        with args.out.with_suffix(".jsonl").open("w", encoding="utf-8") as f:
            for b in briefs:
                f.write(json.dumps(b, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
