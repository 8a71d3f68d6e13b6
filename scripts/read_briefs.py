"""Print random briefs with their sources, to read them as a reader would.

Usage: OPENBLAS_NUM_THREADS=1 python scripts/read_briefs.py multi_news --start 2000 --stop 5622 --n 12 --seed 1 \
           --words 100 250 --out /tmp/read/s1.md
       OPENBLAS_NUM_THREADS=1 python scripts/read_briefs.py tac --words 100 250 --out /tmp/read/tac.md

For each of N clusters drawn at random (``--seed``) from clusters START..STOP-1 (all clusters for TAC), the
brief at each budget is printed sentence by sentence with its origin document, its sources and the text just
before it in its document (to judge whether it can stand where it is), then, with ``--docs``, the start of each
document. Reading such briefs finds defects no ROUGE score shows (captions, fragments, garbled text, sentences
cut wrong or leaning on the one before). The output quotes the research data: write it to /tmp, never into the
repository.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import random
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


def _texts(documents: Any) -> list[str]:
    return [d if isinstance(d, str) else str(d.get("text", "")) for d in documents]


def _before(brief: Any, d: dict[str, Any], chars: int) -> str:
    """The text just before a brief sentence in its cleaned document (empty at the document's start)."""
    if chars <= 0:
        return ""
    ids = [src.id for src in brief.sources]
    if d.get("origin") not in ids:
        return ""
    i = ids.index(d["origin"])
    if i >= len(brief.cleaned):
        return ""
    return " ".join(brief.cleaned[i][max(0, int(d.get("start", 0)) - chars) : int(d.get("start", 0))].split())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dataset", choices=["multi_news", "tac"])
    ap.add_argument("--start", type=int, default=2000)
    ap.add_argument("--stop", type=int, default=5622)
    ap.add_argument("--n", type=int, default=10, help="clusters to draw (0: all in the range)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--words", type=int, nargs="+", default=[100, 250])
    ap.add_argument("--docs", type=int, default=0, help="print the first so many characters of each document")
    ap.add_argument("--before", type=int, default=160,
                    help="print so many characters of the document's text before each sentence (0: none)")
    ap.add_argument("--out", required=True, help="a file under /tmp (the output quotes the data)")
    a = ap.parse_args()
    if not a.out.startswith("/tmp/"):
        sys.exit("--out must be under /tmp: the briefs quote research-only data")
    import newsfuse

    rows = _rows(a.dataset, a.start, a.stop)
    offset = 0 if a.dataset == "tac" else a.start
    picks = list(range(len(rows)))
    if a.n and a.n < len(rows):
        picks = sorted(random.Random(a.seed).sample(picks, a.n))
    out: list[str] = []
    for i in picks:
        row = rows[i]
        texts = _texts(row["documents"])
        out.append(f"# {row.get('id', i)} (row {i + offset}, {len(texts)} documents)\n")
        for words in a.words:
            try:
                brief = newsfuse.summarize(row["documents"], words=words)
            except newsfuse.NewsfuseError as e:
                out.append(f"## {words} words: {type(e).__name__}: {e}\n")
                continue
            out.append(f"## {words} words\n")
            for k, s in enumerate(brief.sentences, 1):
                d = s.to_dict() if hasattr(s, "to_dict") else {}
                origin = d.get("origin", "?")
                sources = ",".join(d.get("sources", []))
                out.append(f"{k}. [{origin}; {sources}] {s.text}")
                before = _before(brief, d, a.before)
                if before:
                    out.append(f"   (before: ...{before})")
            out.append("")
        if a.docs:
            for j, t in enumerate(texts, 1):
                out.append(f"> d{j}: {' '.join(t.split())[: a.docs]}")
            out.append("")
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    Path(a.out).write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{len(picks)} clusters -> {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
