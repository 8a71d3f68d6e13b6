"""Quick development loop for selection constants: newsfuse vs references with rouge-score.

Usage: python scripts/tune.py multi_news --start 1000 --n 300 --words 100
       python scripts/tune.py tac --words 250
       python scripts/tune.py multi_news --set select.SALIENCE_WEIGHT=5 --set represent.SAME_CONTAINMENT=0.7
       python scripts/tune.py multi_news --method lexrank      # a peer, as `newsfuse eval` runs it
       python scripts/tune.py multi_news --start 0 --n 6000 --min-docs 6   # the 135 clusters of 6+ documents
       python scripts/tune.py multi_news --n 2000 --dump before.jsonl ... --compare before.jsonl   # what a change moved
       python scripts/tune.py multi_news --method lexrank --compare newsfuse.jsonl   # also: the better of two per cluster

Tuning runs on Multi-News validation clusters from 1000 on, so that the first
1,000 (the benchmark table in BENCHMARKS.md) are scored but not tuned on.
The official comparisons are made with `newsfuse eval`; this script only
prints mean ROUGE-1/2 F1 and recall (best reference), median seconds and mean
length, so a constant can be tried in a minute.
"""

from __future__ import annotations

import argparse
import gzip
import importlib
import itertools
import json
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
FILES = {"multi_news": DATA / "multi_news_val.jsonl.gz", "tac": DATA / "tac2011_multiling_en.jsonl"}

_settings: list[str] = []
_words = 100
_method = "newsfuse"
_clean = True


def _init(settings: list[str], words: int, method: str, clean: bool) -> None:
    global _settings, _words, _method, _clean
    _settings, _words, _method, _clean = settings, words, method, clean
    for item in settings:
        target, value = item.split("=", 1)
        mod, attr = target.rsplit(".", 1)
        m = importlib.import_module(f"newsfuse.{mod}")
        old = getattr(m, attr)
        if isinstance(old, bool):  # bool("False") is True: parse booleans by name
            if value.lower() not in ("true", "false", "1", "0"):
                raise SystemExit(f"{target}: expected True or False, got {value!r}")
            setattr(m, attr, value.lower() in ("true", "1"))
        else:
            setattr(m, attr, type(old)(value))


def _score(obj: dict) -> tuple[float, float, float, float, float]:
    from rouge_score import rouge_scorer

    import newsfuse
    from newsfuse.split import split_text

    t0 = time.perf_counter()
    try:
        if _method == "newsfuse":
            brief = newsfuse.summarize(obj["documents"], words=_words, clean=_clean)
            sents = [s.text for s in brief.sentences]
        else:  # a peer, exactly as `newsfuse eval` runs it
            from newsfuse.evaluate.methods import METHODS, split_documents

            docs = obj["documents"]
            sents = METHODS[_method](docs, _words, sentences=split_documents(docs), references=obj["summaries"],
                                     splitter="punkt")
    except newsfuse.NewsfuseError:
        sents = []
    dt = time.perf_counter() - t0
    toks = " ".join(sents).split()[:_words]
    # re-split the truncated summary so Lsum sees sentences
    summary = "\n".join(split_text(" ".join(toks)))
    sc = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    best = None
    for ref in obj["summaries"]:
        s = sc.score("\n".join(split_text(ref)), summary)
        cur = (s["rouge1"].fmeasure, s["rouge2"].fmeasure, s["rouge1"].recall, s["rouge2"].recall)
        best = cur if best is None or cur[0] > best[0] else best
    assert best is not None
    return (*best, dt, len(" ".join(sents).split()))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", choices=sorted(FILES))
    ap.add_argument("--start", type=int, default=1000)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--words", type=int, default=100)
    ap.add_argument("--workers", type=int, default=2)
    from newsfuse.evaluate.methods import METHODS

    ap.add_argument("--method", choices=sorted(m for m in METHODS if m != "oracle"), default="newsfuse")
    ap.add_argument("--no-clean", action="store_true", help="skip the clean stage")
    ap.add_argument("--min-docs", type=int, default=1, help="only clusters with at least this many documents")
    ap.add_argument("--set", action="append", default=[], help="module.CONSTANT=value, e.g. select.REDUNDANCY=0.4")
    ap.add_argument("--dump", type=Path, help="write per-cluster scores here (JSONL: id, r1, r2, words) to compare two runs")
    ap.add_argument("--compare", type=Path, help="a --dump of an earlier run: print how many clusters score differently")
    a = ap.parse_args()
    path = FILES[a.data]
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        rows = [json.loads(x) for x in itertools.islice(fh, a.start if a.data == "multi_news" else 0, None)]
    rows = [r for r in rows if len(r["documents"]) >= a.min_docs]
    rows = rows[: a.n] if a.data == "multi_news" else rows
    with ProcessPoolExecutor(a.workers, initializer=_init, initargs=(a.set, a.words, a.method, not a.no_clean)) as ex:
        res = list(ex.map(_score, rows, chunksize=8))
    cols = list(zip(*res, strict=True))
    if a.dump:
        with a.dump.open("w", encoding="utf-8") as out:
            for r, x in zip(rows, res, strict=True):
                out.write(json.dumps({"id": r.get("id"), "r1": x[0], "r2": x[1], "words": x[5]}) + "\n")
    if a.compare:
        before = {d["id"]: d for d in map(json.loads, a.compare.read_text(encoding="utf-8").splitlines())}
        deltas = [x[0] - before[r.get("id")]["r1"] for r, x in zip(rows, res, strict=True) if r.get("id") in before]
        moved = sorted(d for d in deltas if abs(d) > 1e-9)
        print(f"vs {a.compare}: {len(moved)} of {len(deltas)} clusters score differently, mean R1 F1 change "
              f"{100 * sum(deltas) / max(len(deltas), 1):+.3f} (largest loss {100 * min(moved, default=0):+.1f}, "
              f"largest gain {100 * max(moved, default=0):+.1f})")
        both = [(max(x[0], before[r.get("id")]["r1"]), max(x[1], before[r.get("id")]["r2"]))
                for r, x in zip(rows, res, strict=True) if r.get("id") in before]
        if both:  # what picking the better of the two briefs cluster by cluster would reach (a reranker's ceiling)
            print(f"  the better of the two per cluster: R1 {100 * statistics.mean(b[0] for b in both):.2f}  "
                  f"R2 {100 * statistics.mean(b[1] for b in both):.2f}")
    print(
        f"{a.data} {a.method} n={len(res)} words={a.words} {' '.join(a.set)}\n"
        f"  F1  R1 {100 * statistics.mean(cols[0]):.2f}  R2 {100 * statistics.mean(cols[1]):.2f}\n"
        f"  Rec R1 {100 * statistics.mean(cols[2]):.2f}  R2 {100 * statistics.mean(cols[3]):.2f}\n"
        f"  median s/cluster {statistics.median(cols[4]):.4f}  mean words {statistics.mean(cols[5]):.1f}"
    )


if __name__ == "__main__":
    main()
