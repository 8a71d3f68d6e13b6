"""Batch throughput and peak memory of a batch worker.

    python scripts/bench_batch.py [IN] [--limit 1000] [--workers 2] [--words 100]
    python scripts/bench_batch.py --dir [--limit 200] [--workers 2] [--words 100]

Runs ``newsfuse batch`` as a subprocess on the first --limit clusters of IN (default: the shared
Multi-News validation file), then prints wall time, clusters per second and the peak resident
memory of the largest child process (RUSAGE_CHILDREN's ru_maxrss: the batch parent or one of its
worker processes, whichever peaked highest).

``--dir`` instead builds a tree of --limit story folders (copies of the project's own fixture folders,
tests/fixtures/*, in turn) and runs ``newsfuse batch`` on the directory; it also samples each process of
the run's peak resident memory (VmHWM in /proc) and prints the main process's and the largest worker's.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "multi_news_val.jsonl.gz"
FIXTURES = ROOT / "tests" / "fixtures"


def _peak_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _children(pid: int) -> list[int]:
    try:
        return [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except (OSError, ValueError):
        return []


def make_tree(root: Path, n: int) -> None:
    stories = sorted(p for p in FIXTURES.iterdir() if p.is_dir())
    for i in range(n):
        story = stories[i % len(stories)]
        shutil.copytree(story, root / f"{i:05d}-{story.name}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("input", nargs="?", default=str(DEFAULT))
    ap.add_argument("--dir", action="store_true", help="a tree of --limit story folders copied from tests/fixtures")
    ap.add_argument("--limit", type=int, default=None, help="clusters (default 1000; story folders with --dir: 200)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--words", type=int, default=100)
    a = ap.parse_args()
    limit = a.limit or (200 if a.dir else 1000)
    src = Path(a.input)
    if not a.dir and not src.exists():
        print(f"bench_batch: {src} not found (put the data in ../shared/data, see its README)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        if a.dir:
            sample = Path(tmp) / "stories"
            make_tree(sample, limit)
        else:
            sample = Path(tmp) / "in.jsonl"
            opener = gzip.open if src.suffix == ".gz" else open
            with opener(src, "rt", encoding="utf-8") as fh, open(sample, "w", encoding="utf-8") as out:
                out.writelines(itertools.islice(fh, limit))
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "newsfuse", "batch", str(sample), "--out", str(Path(tmp) / "out.jsonl"),
             "--words", str(a.words), "--workers", str(a.workers), "-q"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        main_kb, worker_kb = 0, 0
        while proc.poll() is None:
            main_kb = max(main_kb, _peak_kb(proc.pid))
            for kid in _children(proc.pid):
                worker_kb = max(worker_kb, _peak_kb(kid))
            time.sleep(0.2)
        stderr = proc.stderr.read() if proc.stderr else ""
        wall = time.perf_counter() - t0
        lines = (Path(tmp) / "out.jsonl").read_text(encoding="utf-8").splitlines()
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    errors = sum('"error"' in line for line in lines)
    what = "story folders" if a.dir else "clusters"
    print(f"batch: {len(lines)} {what} ({errors} errors) with {a.workers} workers in {wall:.1f} s = "
          f"{len(lines) / wall:.1f} {what}/s; peak RSS of a batch process {peak_mb:.0f} MB "
          f"(sampled: main {main_kb / 1024:.0f} MB, largest worker {worker_kb / 1024:.0f} MB); exit {proc.returncode}")
    if proc.returncode:
        print(stderr.strip().splitlines()[-1] if stderr.strip() else "")
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
