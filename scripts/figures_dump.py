"""Each document sentence's figures as the figures module reads them, to diff two versions of the code.

Writes, for every split document sentence of a range of Multi-News clusters (or TAC 2011), its figures
(``figures.figures``), its counted figures (``counted_figures``) and its counts of casualties (``casualties``), to a
file under /tmp (it quotes research-only data). Run it with two versions of ``src`` on PYTHONPATH and diff the files::

    PYTHONPATH=/tmp/base/src python scripts/figures_dump.py --docs multi_news --start 3000 /tmp/fig-before.tsv
    PYTHONPATH=src python scripts/figures_dump.py --docs multi_news --start 3000 /tmp/fig-after.tsv
    diff /tmp/fig-before.tsv /tmp/fig-after.tsv | grep -c '^>'
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from brief_patterns import _documents  # noqa: E402


def main() -> None:
    from newsfuse.figures import casualties, counted_figures, figures

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", help="output file under /tmp")
    ap.add_argument("--docs", choices=["multi_news", "tac"], default="multi_news")
    ap.add_argument("--start", type=int, default=3000)
    ap.add_argument("--stop", type=int, default=5622)
    a = ap.parse_args()
    assert a.out.startswith("/tmp/"), "the dump quotes research-only data: write it under /tmp"
    with open(a.out, "w", encoding="utf-8") as fh:
        for cid, text in _documents(a.docs, a.start, a.stop):
            counts = ",".join(f"{c.kind}:{c.value}{'*' if c.superseded else ''}" for c in casualties(text))
            fh.write(f"{cid}\t{sorted(figures(text))}\t{sorted(counted_figures(text))}\t{counts}\t{text}\n")


if __name__ == "__main__":
    main()
