"""Instructions per Multi-News cluster under callgrind (deterministic on a noisy machine).

Usage: PYTHONHASHSEED=0 OPENBLAS_NUM_THREADS=1 valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.%p \
           python scripts/callgrind_clusters.py [--start 1000 --n 40]
       ... and once more with --n 0: (instructions with n clusters - instructions with 0) / n is the cost of a
       cluster after warm-up (the 20 clusters before --start are summarized first: imports, models, caches).
       `callgrind_annotate --inclusive=yes` on the first file shows where they go.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "multi_news_val.jsonl.gz"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--start", type=int, default=1000)
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--words", type=int, default=100)
    a = ap.parse_args()
    import newsfuse

    with gzip.open(DATA, "rt", encoding="utf-8") as fh:
        rows = [json.loads(x) for x in itertools.islice(fh, a.start - 20, a.start + a.n)]
    for r in rows:
        try:
            newsfuse.summarize(r["documents"], words=a.words)
        except Exception:  # noqa: BLE001, S112
            continue


if __name__ == "__main__":
    main()
