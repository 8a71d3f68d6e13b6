"""Batch throughput and peak memory of a batch worker.

    python scripts/bench_batch.py [IN] [--limit 1000] [--workers 2] [--words 100]

Runs ``newsfuse batch`` as a subprocess on the first --limit clusters of IN (default: the shared
Multi-News validation file), then prints wall time, clusters per second and the peak resident
memory of the largest child process (RUSAGE_CHILDREN's ru_maxrss: the batch parent or one of its
worker processes, whichever peaked highest).
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "multi_news_val.jsonl.gz"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("input", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--words", type=int, default=100)
    a = ap.parse_args()
    src = Path(a.input)
    if not src.exists():
        print(f"bench_batch: {src} not found (put the data in ../shared/data, see its README)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "in.jsonl"
        opener = gzip.open if src.suffix == ".gz" else open
        with opener(src, "rt", encoding="utf-8") as fh, open(sample, "w", encoding="utf-8") as out:
            out.writelines(itertools.islice(fh, a.limit))
        t0 = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "newsfuse", "batch", str(sample), "--out", str(Path(tmp) / "out.jsonl"),
             "--words", str(a.words), "--workers", str(a.workers), "-q"],
            capture_output=True, text=True,
        )
        wall = time.perf_counter() - t0
        lines = (Path(tmp) / "out.jsonl").read_text(encoding="utf-8").splitlines()
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    errors = sum('"error"' in line for line in lines)
    print(f"batch: {len(lines)} clusters ({errors} errors) with {a.workers} workers in {wall:.1f} s = "
          f"{len(lines) / wall:.1f} clusters/s; peak RSS of a batch process {peak_mb:.0f} MB; exit {proc.returncode}")
    if proc.returncode:
        print(proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "")
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
