"""Where outlets give a brief's casualty count differently (``figures.disputes``): how often briefs say so, and the
sentences behind each hit, to judge them by reading.

Usage: OPENBLAS_NUM_THREADS=1 python scripts/figure_disputes.py multi_news --start 2000 --stop 5622 --words 100 250 \
           --out /tmp/disputes/mn.md
       OPENBLAS_NUM_THREADS=1 python scripts/figure_disputes.py tac --words 100 250 --out /tmp/disputes/tac.md

For each brief with a ``disputes`` entry, the brief's sentences that state the count and, for each figure, the
sentences of each document that give it. The output quotes the research data: write it to /tmp only.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import sys
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def _rows(dataset: str, start: int, stop: int) -> list[dict[str, Any]]:
    if dataset == "tac":
        lines = (DATA / "tac2011_multiling_en.jsonl").read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines]
    with gzip.open(DATA / "multi_news_val.jsonl.gz", "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in itertools.islice(fh, start, stop)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dataset", choices=["multi_news", "tac"])
    ap.add_argument("--start", type=int, default=2000)
    ap.add_argument("--stop", type=int, default=5622)
    ap.add_argument("--words", type=int, nargs="+", default=[100, 250])
    ap.add_argument("--cluster", action="store_true",
                    help="as if the brief stated every whole count of the cluster (one at a time): what the detector "
                         "finds in the documents, to read more hits than briefs give")
    ap.add_argument("--out", required=True, help="a file under /tmp (the output quotes the data)")
    a = ap.parse_args()
    if not a.out.startswith("/tmp/"):
        sys.exit("--out must be under /tmp: the output quotes research-only data")
    import newsfuse
    from newsfuse.figures import casualties, may_count, whole_counts
    from newsfuse.split import split_document

    if a.cluster:
        import newsfuse.pipeline as pipeline

        one = pipeline.figure_disputes

        def every_count(rep: Any, selected: list[int], *rest: Any) -> tuple[Any, ...]:
            found: dict[tuple[str, str], Any] = {}
            seen: set[tuple[str, str]] = set()
            for i, s in enumerate(rep.sentences):
                for c in whole_counts(s.text):
                    if (c.kind, c.value) in seen:
                        continue
                    seen.add((c.kind, c.value))
                    for d in one(rep, [i], *rest):
                        key = (d.kind, "/".join(sorted(v for v, _ in d.figures)))
                        found.setdefault(key, d)
            return tuple(found.values())

        pipeline.figure_disputes = every_count  # type: ignore[assignment]
    rows = _rows(a.dataset, a.start, a.stop)
    offset = 0 if a.dataset == "tac" else a.start
    out: list[str] = []
    fired = {w: 0 for w in a.words}
    stating = {w: 0 for w in a.words}
    clusters: set[int] = set()
    for i, row in enumerate(rows):
        for words in a.words:
            try:
                brief = newsfuse.summarize(row["documents"], words=words)
            except newsfuse.NewsfuseError:
                continue
            if any(whole_counts(s.text) for s in brief.sentences):
                stating[words] += 1
            if not brief.disputes:
                continue
            fired[words] += 1
            clusters.add(i)
            ids = {s.id: k for k, s in enumerate(brief.sources)}
            out.append(f"# row {i + offset} ({row.get('id', '')}), {words} words")
            for s in brief.sentences if not a.cluster else ():
                if whole_counts(s.text):
                    out.append(f"- BRIEF [{s.origin}] {s.text}")
            for d in brief.disputes:
                out.append(f"  {d.to_dict()}")
                for value, docs in d.figures:
                    for doc in docs:
                        k = ids[doc]
                        for sent in split_document(brief.cleaned[k], k):
                            if may_count(sent.text) and any(c.kind == d.kind and not c.superseded
                                                            for c in casualties(sent.text)):
                                out.append(f"    {value} <{doc}> {sent.text[:300]}")
            out.append("")
    n = len(rows)
    head = [f"{a.dataset} rows {offset}..{offset + n - 1}: {n} clusters"]
    for w in a.words:
        head.append(f"{w} words: {stating[w]} briefs state a whole count; {fired[w]} say figures differ "
                    f"({100 * fired[w] / max(1, n):.2f} % of clusters)")
    head.append(f"clusters with a hit at any budget: {len(clusters)}")
    Path(a.out).write_text("\n".join(head + [""] + out) + "\n", encoding="utf-8")
    print("\n".join(head))


if __name__ == "__main__":
    main()
