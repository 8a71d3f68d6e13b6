"""Clutter audit: brief sentences that carry boilerplate, found by its repetition across stories.

Usage: OPENBLAS_NUM_THREADS=1 python scripts/clutter_audit.py [--words 100] [--limit 0] [--n 6] [--min-clusters 12]
       ... --match REGEX        # instead: the brief sentences REGEX finds (case-insensitive), counted, with examples
       ... --match caption      # the photo-caption test of newsfuse.clutter (is_dated_caption)
       ... --match credits      # captions' credits, video labels and related-story links run into a sentence (CREDITS)
       ... --flagged 45 --limit 3000   # precision: of the documents' sentences, those is_clutter_sentence flags
                                       # beyond whole-line clutter, counted, and a random 45 (seed 1) to read

Page furniture (a video player's message, a share bar, a newsletter pitch, a web archive's note) is
written once and pasted into every page of a site, so the same run of words turns up in the
documents of many unrelated clusters; a story's own wording does not. This script counts, for
every run of ``--n`` words, the number of Multi-News validation clusters whose documents hold it,
summarizes every cluster (``--limit``: the first so many; 0 for all 5,622) and prints each
brief sentence holding a run found in at least ``--min-clusters`` clusters, grouped by run, most
frequent first, with one example. Some rows are news wording that many stories share ("the centers
for disease control and prevention"); the rest are clutter that the clean stage or
``clutter.is_clutter_sentence`` should catch.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import itertools
import json
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "multi_news_val.jsonl.gz"


def _runs(text: str, n: int) -> set[str]:
    t = text.lower().split()
    return {" ".join(t[i : i + n]) for i in range(len(t) - n + 1)}


def _brief(args: tuple[dict, int]) -> tuple[str, list[str]]:
    import newsfuse

    row, words = args
    try:
        return row["id"], [s.text for s in newsfuse.summarize(row["documents"], words=words).sentences]
    except newsfuse.NewsfuseError:
        return row["id"], []


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--words", type=int, default=100)
    ap.add_argument("--limit", type=int, default=0, help="summarize only the first LIMIT clusters (0: all)")
    ap.add_argument("--n", type=int, default=6, help="words per run")
    ap.add_argument("--min-clusters", type=int, default=12, help="a run in this many clusters' documents is boilerplate")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--top", type=int, default=60)
    ap.add_argument("--match", help="count the brief sentences this regex finds instead ('caption': is_dated_caption, "
                    "'credits': CREDITS)")
    ap.add_argument("--flagged", type=int, help="print this many random document sentences is_clutter_sentence flags")
    a = ap.parse_args()
    if not DATA.exists():
        raise SystemExit(f"needs {DATA} (see ../shared/data/README.md)")
    with gzip.open(DATA, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    if a.match:
        _match(rows[: a.limit] if a.limit else rows, a)
        return
    if a.flagged is not None:
        _flagged(rows[: a.limit] if a.limit else rows, a.flagged)
        return
    spread: collections.Counter[str] = collections.Counter()
    for r in rows:  # over all clusters, so that boilerplate is recognised whatever --limit says
        spread.update(set().union(*(_runs(d, a.n) for d in r["documents"])) if r["documents"] else set())
    common = {g for g, c in spread.items() if c >= a.min_clusters}
    chosen = rows[: a.limit] if a.limit else rows
    hits: collections.Counter[str] = collections.Counter()
    example: dict[str, tuple[str, str]] = {}
    n_sent = n_hit = 0
    with ProcessPoolExecutor(a.workers) as pool:
        for cid, sents in pool.map(_brief, zip(chosen, itertools.repeat(a.words)), chunksize=50):
            for s in sents:
                n_sent += 1
                found = sorted(_runs(s, a.n) & common, key=lambda g: (-spread[g], g))
                if found:
                    n_hit += 1
                    hits[found[0]] += 1
                    example.setdefault(found[0], (cid, s))
    print(f"{len(chosen)} briefs at {a.words} words, {n_sent} sentences; {n_hit} hold a {a.n}-word run found in "
          f">= {a.min_clusters} clusters' documents")
    print("briefs  clusters  run | example")
    for g, c in hits.most_common(a.top):
        cid, s = example[g]
        print(f"{c:6d}  {spread[g]:8d}  {g} | {cid}: {s[:160]}")


# Markers of a caption's credit, a video player's label or a related story's link run into a sentence (what
# split._CREDIT_LEAD trims and clutter.GLUED_RE rules out, written independently of both): a brief sentence
# holding one is clutter or prose that uses the words ("Close inspection revealed ...", the Getty family).
CREDITS = (
    r"read more|getty|\(\s*photos?\s*:|^photo\s|^close\s|^buzz60|^vpc\s|^subscribe\s|image copyright|image caption|"
    r"^(more )?related\b|hide caption|scroll down|share tweet|tweet share|►|(^|\s)>\s"
)


def _match(rows: list[dict], a: argparse.Namespace) -> None:
    import re

    if a.match == "caption":
        from newsfuse.clutter import CAPTION_PLACE_DATE_RE, is_dated_caption

        class _Caption:  # the photo-caption test, behind the interface of a compiled pattern
            pattern = f"is_dated_caption ({CAPTION_PLACE_DATE_RE.pattern})"

            @staticmethod
            def search(text: str) -> bool:
                return is_dated_caption(text)

        rx = _Caption()
    elif a.match == "credits":
        rx = re.compile(CREDITS, re.IGNORECASE)
    else:
        rx = re.compile(a.match, re.IGNORECASE)
    n_sent = 0
    found: list[tuple[str, str]] = []
    with ProcessPoolExecutor(a.workers) as pool:
        for cid, sents in pool.map(_brief, zip(rows, itertools.repeat(a.words)), chunksize=50):
            n_sent += len(sents)
            found.extend((cid, s) for s in sents if rx.search(s))
    print(f"{len(rows)} briefs at {a.words} words, {n_sent} sentences; {len(found)} match {rx.pattern[:80]!r}")
    for cid, s in found[: a.top]:
        print(f"  {cid}: {s[:160]}")


def _flagged(rows: list[dict], k: int) -> None:
    import random

    from newsfuse.clutter import GLUED_CHARS, GLUED_RE, is_clutter_line, is_clutter_sentence, is_dated_caption
    from newsfuse.split import split_text

    total = 0
    hits: list[tuple[str, str]] = []
    for r in rows:
        for d in r["documents"]:
            for s in split_text(d):
                total += 1
                t = s.strip()
                if is_clutter_sentence(t) and not is_clutter_line(t):
                    m = GLUED_RE.search(t[:GLUED_CHARS])
                    why = m.group(0) if m else "caption" if is_dated_caption(t) else "cue, label, bar or credit box"
                    hits.append((why, t))
    print(f"{len(rows)} clusters, {total} document sentences; is_clutter_sentence flags {len(hits)} more than "
          f"is_clutter_line ({100 * len(hits) / max(total, 1):.1f}%); a random {min(k, len(hits))} (seed 1):")
    for why, t in random.Random(1).sample(hits, min(k, len(hits))):
        print(f"  [{why[:40]}] {t[:160]}")


if __name__ == "__main__":
    main()
