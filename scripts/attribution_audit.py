"""Attribution audit: does a brief sentence's source list name the documents that report its fact?

Usage: OPENBLAS_NUM_THREADS=1 python scripts/attribution_audit.py tac --words 100 --out /tmp/attr/tac100.md
       python scripts/attribution_audit.py multi_news --start 2000 --n 40 --min-docs 3 --words 100 --out ...
       python scripts/attribution_audit.py seeds --words 250 --out ...
       python scripts/attribution_audit.py --labels scripts/attribution_labels.tsv [--set design]

Audit mode summarizes each cluster and, for every brief sentence and every other document, writes
(a) for a CITED document, its sentence(s) that ``Representation.reports`` matched, with the rule that
fired (contain: most of the brief sentence's IDF weight; close: TF-IDF cosine plus a share; qty: a
shared number-and-unit; emb, reworded: WordLlama embeddings), and (b) for a document NOT cited, its
closest sentences (by the share of the brief sentence's IDF weight they hold, and by embedding
cosine), so a reader can judge missed attributions. ``--out x.md`` writes markdown to read and ``x.jsonl`` beside it. Keep
these outputs outside the repository: they quote the (research-only) data.

Labels mode reads judgments stored as ids only (a TSV: set, cluster, origin document, sentence
position in it, a hash of the brief sentence's text, judged document, label 1/0, error category),
rebuilds each cluster's representation, asks ``reports`` again for each labeled pair, and prints
precision (cited documents that report the fact) and recall (documents that report it that are cited)
with counts and Wilson 95% intervals. Recall counts only the labeled pairs: a document not labeled
is not counted at all.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import hashlib
import json
import math
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
FILES = {"multi_news": DATA / "multi_news_val.jsonl.gz", "tac": DATA / "tac2011_multiling_en.jsonl"}


def records(name: str, start: int = 0) -> Iterator[dict[str, Any]]:
    """The clusters of a data set ("tac" or "multi_news") as stored, one JSON object each, from line ``start``."""
    path = FILES[name]
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        for k, line in enumerate(f):
            if k >= start:
                yield json.loads(line)


def load(name: str, start: int = 0, n: int = 0, min_docs: int = 1) -> list[tuple[str, list[str]]]:
    """(cluster id, documents) of a data set: "tac", "multi_news" (from ``start``) or "seeds"."""
    if name == "seeds":
        return [("seeds", [p.read_text(encoding="utf-8") for p in sorted((DATA / "seeds").glob("*.txt"))])]
    out = []
    for obj in records(name, start):
        docs = [d for d in obj["documents"] if d.strip()]
        if len(docs) >= min_docs:
            out.append((obj["id"], docs))
        if n and len(out) >= n:
            break
    return out


def cluster_by_id(cid: str) -> list[str]:
    if cid == "seeds":
        return load("seeds")[0][1]
    name = "tac" if not cid.startswith("multi_news") else "multi_news"
    start = int(cid.rsplit("-", 1)[1]) if name == "multi_news" else 0
    for got, docs in load(name, start=start, n=0 if name == "tac" else 1):
        if got == cid:
            return docs
    raise SystemExit(f"no cluster {cid}")


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def summarize_with_rep(docs: list[str], words: int) -> tuple[Any, Any, list[int]]:
    """The brief, the cluster's Representation and the selected sentence indices (as attribution saw them)."""
    import newsfuse
    from newsfuse import pipeline

    seen: dict[str, Any] = {}
    original = pipeline.attribute

    def spy(rep: Any, selected: list[int], *args: Any) -> tuple[list[list[int]], list[int]]:
        seen["rep"], seen["selected"] = rep, list(selected)
        return original(rep, selected, *args)

    pipeline.attribute = spy  # type: ignore[assignment]
    try:
        brief = newsfuse.summarize(docs, words=words)
    finally:
        pipeline.attribute = original  # type: ignore[assignment]
    return brief, seen["rep"], seen["selected"]


def rules(rep: Any, row: int) -> dict[str, np.ndarray]:
    """Which of ``reports``' tests hold for sentence ``row`` against every sentence (each on its own)."""
    from newsfuse import represent as R

    cols = list(range(len(rep.sentences)))
    shared_w, totals, shared_n = rep._containment([row], cols)
    share = shared_w / max(totals[row], 1e-9)
    cos = rep.similarity_matrix([row], cols)
    none = np.zeros(share.shape, dtype=bool)
    out = {
        "contain": (share >= R.SAME_CONTAINMENT) & (shared_n >= R.SAME_SHARED),
        "close": (cos >= R.SAME_COSINE) & (share >= R.REPORT_CLOSE_SHARE),
        "qty": rep._same_quantity([row], cols, share >= R.SAME_NUMBER_CONTAINMENT, shared_n, decided=none),
        "emb": rep._embedding_match([row], cols, shared_n, directional=True, decided=none),
    }
    if hasattr(rep, "_reworded"):  # (newer versions: a reworded report, by embedding and IDF share)
        out["reworded"] = rep._reworded([row], cols, share, shared_n, decided=none)
    emb = rep.embeddings(cols)
    out["share"], out["cos"] = share[0], cos[0]
    out["embcos"] = (emb[[row]] @ emb.T)[0] if emb is not None else np.zeros(len(cols))
    out["reports"] = rep.reports([row], cols)[0]
    return out


def audit_cluster(cid: str, docs: list[str], words: int, n_close: int = 2) -> list[dict]:
    brief, rep, selected = summarize_with_rep(docs, words)
    records = []
    for i in selected:
        s = rep.sentences[i]
        r = rules(rep, i)
        per_doc: dict[int, list[int]] = collections.defaultdict(list)
        for j, t in enumerate(rep.sentences):
            per_doc[t.doc].append(j)
        for d in sorted(per_doc):
            if d == s.doc:
                continue
            js = per_doc[d]
            matched = [j for j in js if r["reports"][j]]
            cited = bool(matched)
            if cited:
                show = matched
            else:
                by_share = sorted(js, key=lambda j: (-r["share"][j], -r["cos"][j]))[:n_close]
                by_emb = sorted(js, key=lambda j: -r["embcos"][j])[:1]
                show = list(dict.fromkeys(by_share + by_emb))
            records.append({
                "cluster": cid, "words": words, "origin": s.doc, "pos": s.position, "hash": text_hash(s.text),
                "brief": s.text, "doc": d, "cited": cited,
                "sentences": [{
                    "pos": rep.sentences[j].position, "text": rep.sentences[j].text,
                    "share": round(float(r["share"][j]), 2), "cos": round(float(r["cos"][j]), 2),
                    "embcos": round(float(r["embcos"][j]), 2),
                    "rules": [k for k in ("contain", "close", "qty", "emb", "reworded") if k in r and bool(np.ravel(r[k])[j])],
                } for j in show],
            })
    return records


def write_markdown(records: list[dict], path: Path) -> None:
    lines = []
    last = None
    for rec in records:
        key = (rec["cluster"], rec["origin"], rec["pos"])
        if key != last:
            lines.append(f"\n## {rec['cluster']} w{rec['words']} B[{rec['origin']}:{rec['pos']}] {rec['hash']}")
            lines.append(f"BRIEF: {rec['brief']}")
            last = key
        mark = "CITED" if rec["cited"] else "not"
        for s in rec["sentences"]:
            lines.append(
                f"- d{rec['doc']} {mark} s{s['pos']} [{','.join(s['rules']) or '-'} sh{s['share']} cos{s['cos']} "
                f"emb{s['embcos']}] {s['text']}"
            )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if n == 0:
        return (0.0, 1.0)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


LABEL_FIELDS = ["set", "cluster", "origin", "pos", "hash", "doc", "label", "category"]


def read_labels(path: Path) -> list[dict]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("set\t"):
            continue
        parts = line.split("\t")
        row = dict(zip(LABEL_FIELDS, parts + [""] * (len(LABEL_FIELDS) - len(parts)), strict=True))
        for k in ("origin", "pos", "doc", "label"):
            row[k] = int(row[k])
        rows.append(row)
    return rows


def current_citations(labels: list[dict]) -> list[bool]:
    """For each labeled pair, whether ``reports`` cites the document now (the brief sentence found by its
    document and position in the cluster's representation, its text checked against the stored hash)."""
    by_cluster: dict[str, list[int]] = collections.defaultdict(list)
    for k, row in enumerate(labels):
        by_cluster[row["cluster"]].append(k)
    out = [False] * len(labels)
    for cid, ks in by_cluster.items():
        _, rep, _ = summarize_with_rep(cluster_by_id(cid), 100)
        where = {(s.doc, s.position): i for i, s in enumerate(rep.sentences)}
        by_hash = {(s.doc, text_hash(s.text)): i for i, s in enumerate(rep.sentences)}
        cols = list(range(len(rep.sentences)))
        cache: dict[int, np.ndarray] = {}
        for k in ks:
            row = labels[k]
            i = where.get((row["origin"], row["pos"]))
            if i is None or text_hash(rep.sentences[i].text) != row["hash"]:
                # the split moved it (a piece before it joined or dropped): found by its text in its document
                i = by_hash.get((row["origin"], row["hash"]))
            if i is None:
                raise SystemExit(f"{cid}: brief sentence {row['origin']}:{row['pos']} is gone (the split changed it)")
            if i not in cache:
                cache[i] = rep.reports([i], cols)[0]
            out[k] = any(cache[i][j] and rep.sentences[j].doc == row["doc"] for j in cols)
    return out


def score(labels: list[dict], cited: list[bool], title: str) -> None:
    tp = sum(1 for r, c in zip(labels, cited, strict=True) if c and r["label"] == 1)
    fp = sum(1 for r, c in zip(labels, cited, strict=True) if c and r["label"] == 0)
    fn = sum(1 for r, c in zip(labels, cited, strict=True) if not c and r["label"] == 1)
    tn = sum(1 for r, c in zip(labels, cited, strict=True) if not c and r["label"] == 0)
    p_lo, p_hi = wilson(tp, tp + fp)
    r_lo, r_hi = wilson(tp, tp + fn)
    p = tp / max(tp + fp, 1)
    r = tp / max(tp + fn, 1)
    print(f"{title}: {len(labels)} pairs; cited {tp + fp}, not cited {fn + tn}")
    print(f"  precision {p:.3f} = {tp}/{tp + fp}  (95% Wilson {p_lo:.3f}-{p_hi:.3f})")
    print(f"  recall    {r:.3f} = {tp}/{tp + fn}  (95% Wilson {r_lo:.3f}-{r_hi:.3f})")
    cats = collections.Counter(r["category"] or "?" for r, c in zip(labels, cited, strict=True) if c and r["label"] == 0)
    if cats:
        print("  false citations by category: " + ", ".join(f"{k} {v}" for k, v in cats.most_common()))
    cats = collections.Counter(r["category"] or "?" for r, c in zip(labels, cited, strict=True) if not c and r["label"] == 1)
    if cats:
        print("  missed by category: " + ", ".join(f"{k} {v}" for k, v in cats.most_common()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="?", choices=["tac", "multi_news", "seeds"])
    ap.add_argument("--words", type=int, default=100)
    ap.add_argument("--start", type=int, default=2000)
    ap.add_argument("--n", type=int, default=0, help="clusters (0: all of TAC; Multi-News needs a number)")
    ap.add_argument("--min-docs", type=int, default=3)
    ap.add_argument("--ids", help="comma-separated cluster ids to audit")
    ap.add_argument("--sample", type=int, default=0, help="keep this many brief sentences per cluster (seed 1)")
    ap.add_argument("--out", type=Path, help="markdown file to write (and .jsonl beside it)")
    ap.add_argument("--labels", type=Path, help="score these judgments instead")
    ap.add_argument("--set", dest="label_set", help="only the labels of this set (e.g. design, fresh)")
    args = ap.parse_args()

    if args.labels:
        labels = read_labels(args.labels)
        sets = [args.label_set] if args.label_set else sorted({r["set"] for r in labels})
        cited_all = current_citations(labels)
        for name in sets + ([] if args.label_set else ["all"]):
            keep = [k for k, r in enumerate(labels) if name == "all" or r["set"] == name]
            score([labels[k] for k in keep], [cited_all[k] for k in keep], name)
        return
    if not args.data:
        ap.error("give a data set or --labels")
    if args.data == "tac":
        clusters = load("tac")
    elif args.data == "seeds":
        clusters = load("seeds")
    else:
        clusters = load("multi_news", start=args.start, n=args.n or 30, min_docs=args.min_docs)
    if args.ids:
        wanted = set(args.ids.split(","))
        clusters = [c for c in clusters if c[0] in wanted]
    rng = random.Random(1)
    records: list[dict] = []
    for cid, docs in clusters:
        recs = audit_cluster(cid, docs, args.words)
        if args.sample:
            keys = list(dict.fromkeys((r["origin"], r["pos"]) for r in recs))
            chosen = set(rng.sample(keys, min(args.sample, len(keys))))
            recs = [r for r in recs if (r["origin"], r["pos"]) in chosen]
        records.extend(recs)
    n_cited = sum(r["cited"] for r in records)
    print(f"{len(records)} (brief sentence, document) pairs: {n_cited} cited, {len(records) - n_cited} not")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        write_markdown(records, args.out)
        with args.out.with_suffix(".jsonl").open("w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
