"""Where newsfuse wins and loses against a peer, by the size and makeup of the cluster.

    python scripts/tune.py multi_news --start 1000 --n 1000 --dump /tmp/nf.jsonl
    python scripts/tune.py multi_news --start 1000 --n 1000 --method lexrank --dump /tmp/lr.jsonl
    python scripts/by_size.py /tmp/nf.jsonl /tmp/lr.jsonl --start 1000 [--worst 15]

Per cluster (the dumps' R1/R2 F1, newsfuse minus the peer), grouped by: documents given;
documents left after cleaning (empty or pure-clutter pages drop out); groups of near-duplicate
documents (wire copies, as `pipeline._doc_groups` joins them); sentences after splitting; the
share of given documents that are junk (empty after cleaning or under 3 sentences). `--worst N`
lists the N clusters where the first run loses most, with those counts. Prints numbers only, never
the data's text.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import statistics
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "multi_news_val.jsonl.gz"


def cluster_stats(line: str) -> dict[str, float | str]:
    from newsfuse.clean import clean_documents
    from newsfuse.load import to_document
    from newsfuse.pipeline import _doc_groups
    from newsfuse.represent import represent
    from newsfuse.split import split_document

    obj = json.loads(line)
    docs = [to_document(d, i) for i, d in enumerate(obj["documents"])]
    cleaned = clean_documents(docs)
    keep = [k for k, d in enumerate(cleaned) if d.text.strip()]
    per_doc = {k: split_document(cleaned[k].text, k) for k in keep}
    sents = [s for k in keep for s in per_doc[k]]
    groups = 0
    if sents:  # (empty documents are groups of their own: count only the groups of documents with sentences)
        g = _doc_groups(represent(sents, len(cleaned)), len(cleaned))
        groups = len({g[k] for k in keep if per_doc[k]})
    junk = sum(1 for k in range(len(docs)) if k not in per_doc or len(per_doc[k]) < 3)
    return {
        "id": obj.get("id", ""),
        "docs": len(docs),
        "kept": sum(1 for k in keep if per_doc[k]),
        "groups": groups,
        "sentences": len(sents),
        "words": sum(len(s.text.split()) for s in sents),
        "words_per_doc": sum(len(s.text.split()) for s in sents) / max(sum(1 for k in keep if per_doc[k]), 1),
        "junk_share": junk / max(len(docs), 1),
        "biggest_share": max((len(v) for v in per_doc.values()), default=0) / max(len(sents), 1),
    }


def _bucket(edges: list[float], counts: bool = False) -> Callable[[float], str]:
    """Labels of the half-open intervals [lo, hi) between ``edges``; with ``counts`` (whole numbers) the
    numbers they hold: "2", "4-5", "8+"."""
    def f(x: float) -> str:
        for lo, hi in itertools.pairwise(edges):
            if lo <= x < hi:
                if hi == float("inf"):
                    return f"{lo:g}+"
                if counts:
                    return f"{lo:g}" if hi - lo == 1 else f"{lo:g}-{hi - 1:g}"
                return f"{lo:g}-{hi:g}"
        return "?"

    return f


def table(name: str, rows: Iterable[dict], key: str, bucket: Callable[[float], str]) -> None:
    by: dict[str, list[dict]] = {}
    for r in rows:
        by.setdefault(bucket(r[key]), []).append(r)
    print(f"\nby {name}:")
    print(f"  {'bucket':>9} {'n':>4} {'R1 a':>6} {'R1 b':>6} {'dR1':>6} {'dR2':>6} {'a wins':>6}")
    for b in sorted(by, key=lambda s: float(s.split("-")[0].rstrip("+?") or "inf")):
        g = by[b]
        d1 = 100 * statistics.mean(r["r1a"] - r["r1b"] for r in g)
        d2 = 100 * statistics.mean(r["r2a"] - r["r2b"] for r in g)
        wins = sum(r["r1a"] > r["r1b"] for r in g) / len(g)
        print(f"  {b:>9} {len(g):>4} {100 * statistics.mean(r['r1a'] for r in g):6.2f} "
              f"{100 * statistics.mean(r['r1b'] for r in g):6.2f} {d1:+6.2f} {d2:+6.2f} {wins:6.2f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("a", type=Path, help="tune.py --dump of the run to explain (newsfuse)")
    ap.add_argument("b", type=Path, help="tune.py --dump of the peer (lexrank)")
    ap.add_argument("--start", type=int, default=1000)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--worst", type=int, default=0, help="list the N clusters where a loses most to b")
    ap.add_argument("--stats", type=Path, help="cache of the clusters' counts (JSONL), written if missing")
    args = ap.parse_args()
    da = {d["id"]: d for d in map(json.loads, args.a.read_text(encoding="utf-8").splitlines())}
    db = {d["id"]: d for d in map(json.loads, args.b.read_text(encoding="utf-8").splitlines())}
    if args.stats and args.stats.exists():
        stats = [json.loads(x) for x in args.stats.read_text(encoding="utf-8").splitlines()]
    else:
        with gzip.open(DATA, "rt", encoding="utf-8") as fh:
            lines = list(itertools.islice(fh, args.start, args.start + args.n))
        with ProcessPoolExecutor(args.workers) as ex:
            stats = list(ex.map(cluster_stats, lines, chunksize=16))
        if args.stats:
            args.stats.write_text("".join(json.dumps(s) + "\n" for s in stats), encoding="utf-8")
    rows = []
    for s in stats:
        if s["id"] in da and s["id"] in db:
            a, b = da[s["id"]], db[s["id"]]
            rows.append({**s, "r1a": a["r1"], "r2a": a["r2"], "r1b": b["r1"], "r2b": b["r2"]})
    print(f"{len(rows)} clusters; a = {args.a.name}, b = {args.b.name}; "
          f"R1 {100 * statistics.mean(r['r1a'] for r in rows):.2f} vs {100 * statistics.mean(r['r1b'] for r in rows):.2f}")
    inf = float("inf")
    table("documents given", rows, "docs", _bucket([1, 2, 3, 4, 6, 8, inf], counts=True))
    table("documents after cleaning", rows, "kept", _bucket([0, 1, 2, 3, 4, 6, 8, inf], counts=True))
    table("near-duplicate groups", rows, "groups", _bucket([0, 1, 2, 3, 4, 6, 8, inf], counts=True))
    table("sentences", rows, "sentences", _bucket([0, 10, 15, 20, 25, 30, inf]))
    table("words after cleaning", rows, "words", _bucket([0, 200, 300, 400, 500, inf]))
    table("words per kept document", rows, "words_per_doc", _bucket([0, 60, 100, 150, 250, inf]))
    table("junk share (empty or <3 sentences)", rows, "junk_share", _bucket([0, 0.01, 0.26, 0.51, 1.01]))
    table("largest document's share of sentences", rows, "biggest_share", _bucket([0, 0.4, 0.6, 0.8, 1.01]))
    if args.worst:
        print(f"\nworst {args.worst} for a (dR1):")
        for r in sorted(rows, key=lambda r: r["r1a"] - r["r1b"])[: args.worst]:
            print(f"  {r['id']:>22} dR1 {100 * (r['r1a'] - r['r1b']):+6.1f} docs {r['docs']} kept {r['kept']} "
                  f"groups {r['groups']} sentences {r['sentences']} words {r['words']} junk {r['junk_share']:.2f}")


if __name__ == "__main__":
    main()
