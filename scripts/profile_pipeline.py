"""Median in-process time of ``newsfuse.summarize`` per cluster, optionally with a cProfile.

Usage: OPENBLAS_NUM_THREADS=1 python scripts/profile_pipeline.py multi_news [--start 1000 --n 300 --words 100]
       OPENBLAS_NUM_THREADS=1 python scripts/profile_pipeline.py tac [--words 250]
       ... --profile [--top 40]          # cProfile of the timed run, sorted by cumulative time
       ... --repeat 3                    # best-of-3 median (less noise)

Warm-up: the first 20 clusters (imports, model loading, caches) are summarized before timing.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import itertools
import json
import pstats
import statistics
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
FILES = {"multi_news": DATA / "multi_news_val.jsonl.gz", "tac": DATA / "tac2011_multiling_en.jsonl"}


def _load(name: str, start: int, n: int) -> list[dict]:
    path = FILES[name]
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in itertools.islice(fh, start, start + n)]


def _times(rows: list[dict], words: int, clock=time.perf_counter) -> list[float]:  # noqa: ANN001
    import newsfuse

    out = []
    for r in rows:
        t0 = clock()
        try:
            newsfuse.summarize(r["documents"], words=words)
        except newsfuse.NewsfuseError:
            pass
        out.append(clock() - t0)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", choices=sorted(FILES))
    ap.add_argument("--start", type=int, default=None)
    ap.add_argument("--n", type=int, default=None)
    ap.add_argument("--words", type=int, default=None)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--cpu", action="store_true", help="CPU time of this thread instead of wall time (steadier on a busy machine)")
    args = ap.parse_args()
    tac = args.data == "tac"
    start = args.start if args.start is not None else (0 if tac else 1000)
    n = args.n if args.n is not None else (10 if tac else 300)
    words = args.words or (250 if tac else 100)
    rows = _load(args.data, start, n)
    import newsfuse

    print("newsfuse from", newsfuse.__file__)
    _times(_load(args.data, 0, 20) if not tac else rows, words)  # warm up
    medians = []
    for _ in range(args.repeat):
        t = _times(rows, words, time.thread_time if args.cpu else time.perf_counter)
        medians.append(statistics.median(t))
    print(f"{args.data} {start}-{start + n - 1} words={words}: median {'CPU ' if args.cpu else ''}{1000 * min(medians):.2f} ms/cluster "
          f"(runs: {', '.join(f'{1000 * m:.2f}' for m in medians)}), mean {1000 * statistics.mean(t):.2f} ms")
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        _times(rows, words)
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(args.top)
        pstats.Stats(prof).sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
