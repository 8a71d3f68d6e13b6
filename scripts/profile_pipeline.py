"""Median in-process time of ``newsfuse.summarize`` per cluster, optionally with a cProfile.

Usage: OPENBLAS_NUM_THREADS=1 python scripts/profile_pipeline.py multi_news [--start 1000 --n 300 --words 100]
       OPENBLAS_NUM_THREADS=1 python scripts/profile_pipeline.py tac [--words 250]
       ... --profile [--top 40]          # cProfile of the timed run, sorted by cumulative time
       ... --repeat 3                    # best-of-3 median (less noise)
       ... --versus lexrank [--cpu]      # paired: each cluster by newsfuse and by the peer as `newsfuse eval`
                                         # runs it (its split included); medians and their ratio. The first pass
                                         # sees every cluster first (as the benchmark does); later passes find
                                         # newsfuse's stem and token caches warm
       ... --solver                      # each cluster's exact program: candidates, shared concepts, the branch
                                         # and bound's milliseconds, and whether it went to HiGHS

       OPENBLAS_NUM_THREADS=1 python scripts/profile_pipeline.py tiny --versus lexrank --cpu   # fixed cost per cluster

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


# Two 3-sentence articles: what newsfuse's stages cost when there is almost nothing to summarize.
TINY = [
    "The city council approved a new budget on Tuesday after a long debate. The plan raises spending on schools "
    "by five percent. Critics said the increase was too small.",
    "Council members voted 7-2 on Tuesday to approve the budget. School spending rises five percent under the plan. "
    "The mayor praised the vote.",
]


def _load(name: str, start: int, n: int) -> list[dict]:
    if name == "tiny":
        return [{"documents": TINY} for _ in range(n)]
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


def _versus(rows: list[dict], words: int, peer: str, clock=time.perf_counter, quiet: bool = False) -> None:  # noqa: ANN001
    """Each cluster by newsfuse and by ``peer``, alternating which goes first (the second finds the
    shared stem and token caches warm), as ``newsfuse eval`` times them: the peer with the harness's
    split, newsfuse from the raw documents."""
    from newsfuse.evaluate.harness import USES_SPLITTER, split_documents
    from newsfuse.evaluate.methods import METHODS

    fn = METHODS[peer]

    def theirs(docs: list[str]) -> float:
        t0 = clock()
        sentences = split_documents(docs, "punkt") if peer in USES_SPLITTER else None
        try:
            fn(docs, words, sentences=sentences)
        except Exception:  # noqa: BLE001 - as the harness does: the time counts, the error is the peer's
            pass
        return clock() - t0

    a: list[float] = []
    b: list[float] = []
    for k, r in enumerate(rows):
        docs = list(r["documents"])
        if k % 2:
            a.extend(_times([r], words, clock))
            b.append(theirs(docs))
        else:
            b.append(theirs(docs))
            a.extend(_times([r], words, clock))
    ma, mb = statistics.median(a), statistics.median(b)
    if not quiet:
        print(f"paired, {len(rows)} clusters: newsfuse median {1000 * ma:.2f} ms, {peer} {1000 * mb:.2f} ms: ratio {ma / mb:.2f}")


def _solver(rows: list[dict], words: int) -> None:
    """Each cluster's branch-and-bound runs (the relaxed second pass may add one), timed and counted."""
    import newsfuse.select as select

    plain = select.branch_and_bound
    runs: list[tuple[int, int, float, bool]] = []

    def timed(**kw):  # noqa: ANN003, ANN202
        t0 = time.perf_counter()
        out = plain(**kw)
        runs.append((len(kw["values"]), len(kw["concept_weights"]), time.perf_counter() - t0, out is None))
        return out

    select.branch_and_bound = timed
    try:
        for k, r in enumerate(rows):
            runs.clear()
            (total,) = _times([r], words)
            shown = "; ".join(f"{n} sentences, {c} shared concepts, {1000 * t:.1f} ms{' -> HiGHS' if gave_up else ''}"
                              for n, c, t, gave_up in runs) or "no program"
            print(f"cluster {k}: {1000 * total:.0f} ms in all; {shown}")
    finally:
        select.branch_and_bound = plain


def _peers() -> list[str]:
    from newsfuse.evaluate.methods import METHODS

    return sorted(m for m in METHODS if m not in ("newsfuse", "oracle"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", choices=[*sorted(FILES), "tiny"], help="tiny: one built-in cluster of two 3-sentence articles")
    ap.add_argument("--start", type=int, default=None)
    ap.add_argument("--n", type=int, default=None)
    ap.add_argument("--words", type=int, default=None)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--cpu", action="store_true", help="CPU time of this thread instead of wall time (steadier on a busy machine)")
    ap.add_argument("--versus", default=None, choices=_peers(), help="a peer method of `newsfuse eval` (lexrank) to time cluster by cluster beside newsfuse")
    ap.add_argument("--solver", action="store_true", help="per cluster: the exact program's size and time, and whether it went to HiGHS")
    args = ap.parse_args()
    tac = args.data == "tac"
    start = args.start if args.start is not None else (0 if tac else 1000)
    n = args.n if args.n is not None else (10 if tac else 300)
    words = args.words or (250 if tac else 100)
    rows = _load(args.data, start, n)
    import newsfuse

    print("newsfuse from", newsfuse.__file__)
    warm = _load(args.data, 0, 20) if not tac else rows
    _times(warm, words)  # warm up
    if args.solver:
        _solver(rows, words)
        return
    if args.versus:
        import warnings

        warnings.simplefilter("ignore", RuntimeWarning)  # sumy's LexRank divides by a zero norm on some clusters
        _versus(warm, words, args.versus, quiet=True)  # warm up both
        for _ in range(args.repeat):
            _versus(rows, words, args.versus, time.thread_time if args.cpu else time.perf_counter)
        return
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
