"""Does a brief depend on the order the articles come in? Each Multi-News cluster with 2+ documents is
summarized as given and with its documents reversed; the script counts the clusters whose briefs hold the same
sentences (their order may follow the documents' ids) and prints the first few that differ.

    OPENBLAS_NUM_THREADS=1 python scripts/order_invariance.py [--start 1000] [--n 400] [--words 100]
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
from pathlib import Path

import newsfuse

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "multi_news_val.jsonl.gz"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--start", type=int, default=1000)
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--words", type=int, default=100)
    a = ap.parse_args()
    if not DATA.exists():
        raise SystemExit(f"no Multi-News data at {DATA}")
    with gzip.open(DATA, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in itertools.islice(fh, a.start, a.start + a.n)]
    same = 0
    differ: list[tuple[str, list[str], list[str]]] = []
    for r in rows:
        docs = r["documents"]
        if len(docs) < 2:
            continue
        try:
            forward = {s.text for s in newsfuse.summarize(docs, words=a.words).sentences}
            backward = {s.text for s in newsfuse.summarize(docs[::-1], words=a.words).sentences}
        except newsfuse.NewsfuseError:
            continue
        if forward == backward:
            same += 1
        else:
            differ.append((r["id"], sorted(forward - backward), sorted(backward - forward)))
    print(f"{same} of {same + len(differ)} clusters give the same sentences with their documents reversed")
    for cid, only_forward, only_backward in differ[:5]:
        print(f"{cid}: as given only {only_forward}; reversed only {only_backward}")


if __name__ == "__main__":
    main()
