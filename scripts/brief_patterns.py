"""Count kinds of defect in briefs (or in all documents' sentences) by pattern, with examples to read.

Usage: newsfuse batch ../shared/data/multi_news_val.jsonl.gz --out /tmp/b100.jsonl --words 100
       python scripts/brief_patterns.py /tmp/b100.jsonl [/tmp/b250.jsonl ...] [--examples 5] [--kind NAME]
       OPENBLAS_NUM_THREADS=1 python scripts/brief_patterns.py --docs multi_news --start 3000 --stop 5622 [--kind NAME]
       OPENBLAS_NUM_THREADS=1 python scripts/brief_patterns.py --docs tac

Each kind (``KINDS``) is a regex over one sentence, named for what a reader of the brief sees: a caption, a
citation, a headline or a byline run into the text, a quotation's tail without its opening, a sentence that
repeats itself. Briefs come from ``newsfuse batch`` output; ``--docs`` splits every document of the clusters
(clean + split, as the pipeline does) and counts their sentences instead, to see how often a kind occurs before
selection and to read a rule's hits. Examples quote the research data: print them, never commit them.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

KINDS: dict[str, str] = {
    # a research paper's citation quoted as a sentence ("Plos one 8( 7 ): e69546.")
    "citation": r"\b\d+\s?\(\s?\d+\s?\)\s?:\s?e?\d+",
    # a form's checkbox glyph ("Ý filed by a party other than the registrant.")
    "checkbox": r"(?:^|\s)[ÝýþǾ☐☑☒■□](?=\s)",
    # a sentence that says the same words twice ("X hempstead, n.y. X hempstead, n.y.")
    "doubled": r"^(.{30,}?)\s+\1$",
    # a link's text lost between quotes ('on " " --', 'the " " star'): an even number of quotes before the pair
    # (not a list of quotations, '" beer, " " intercourse, "')
    "empty_quotes": r'^[^"]*(?:"[^"]*"[^"]*)*?(?<!\S)"\s+"(?!\S)',
    # a byline run into the lead in a lower-cased copy ("By elise labott president barack obama has ...")
    "byline_start": r"^by [a-z]+(?: [a-z]\.)? [a-z]+ (?!(?:and|or|of|the|to|in|on|at|for|with|was|is|has|had|said)\b)",
    # a numeric date stamp before a clock time at a sentence's start ("08/15/2017 11: 02 p.m. Lisa theris ...")
    "date_stamp": r"^\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\s?\d\d\s?(?:[ap]\.?m\.?)?",
    # a browser notice glued to a headline ("... please turn on javascript.")
    "javascript": r"(?:turn on|enable|enabled) javascript",
    # a share bar's words ("... nfhs news share print the number ...")
    "share_print": r"\bshare print\b|\bshare this\b|\bemail print\b",
    # a quotation's tail with a speech verb the tail rule did not know ('I was surprised, " he tells ...')
    "tail_other_verb": r"^[^\"“”]{3,}[,.!?]\s*[\"”]\s+(?:[\w.'’-]+\s){0,3}(?:tells|stated|recalled|remembered|"
                       r"recounted|admitted|insisted|declared|warned|argued|replied|responded|observed|"
                       r"acknowledged|conceded|cautioned|stressed|pointed out)\b",
    # a clock time's place cut off as a sentence ("The incident was reported shortly after 9 p.m." | "In the 1600
    # block of mclean road near old concord road.")
    "block_fragment": r"^(?:in|on|at|near) the \d+ block of [^,;]*\.$",
    # a page's pitch to join its comments or follow it
    "join_conversation": r"\bjoin the (?:conversation|discussion|debate)\b",
    # an author's profile box ("If a tip checks out ..., i ' m going to work it.")
    "reporter_bio": r"\bi like to describe myself\b|\bequal-opportunity story ?teller\b",
    # a photo caption in the present tense ("firefighters try to put out a fire at ... thursday.")
    "caption_weekday": r"\b(?:try|tries|look|looks|stand|stands|walk|walks|speak|speaks|watch|watches|pose|poses|"
                       r"gather|gathers|arrive|arrives|wait|waits|hold|holds|react|reacts)\b[^.]*"
                       r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\.$",
    # a caption that opens with its date ("Oct. 30, 2014, shortly after a small plane crashed ...")
    "date_opening_fragment": r"^(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.? \d{1,2}, \d{4},? "
                             r"(?:shortly|just|moments|minutes|hours|soon)\b",
    # a sentence opening in lower case (a Multi-News paragraph's start)
    "lower_start": r"^[a-z]",
}


def _briefs(paths: list[str]) -> Iterator[tuple[str, str]]:
    for p in paths:
        with open(p, encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                for s in r.get("sentences") or []:
                    yield r["id"], s["text"] if isinstance(s, dict) else str(s)


def _documents(dataset: str, start: int, stop: int) -> Iterator[tuple[str, str]]:
    from newsfuse.clean import clean_documents
    from newsfuse.load import to_document
    from newsfuse.split import split_document

    if dataset == "tac":
        rows = [json.loads(x) for x in (DATA / "tac2011_multiling_en.jsonl").read_text(encoding="utf-8").splitlines()]
    else:
        with gzip.open(DATA / "multi_news_val.jsonl.gz", "rt", encoding="utf-8") as fh:
            rows = [json.loads(x) for x in itertools.islice(fh, start, stop)]
    for r in rows:
        docs = clean_documents([to_document(d, i) for i, d in enumerate(r["documents"])])
        for k, d in enumerate(docs):
            for s in split_document(d.text, k):
                yield r["id"], s.text


def _dump(dataset: str, start: int, stop: int, out: str) -> None:
    from types import SimpleNamespace

    from newsfuse.clutter import is_clutter_sentence
    from newsfuse.select import is_candidate, leans_on_previous

    assert out.startswith("/tmp/"), "the dump quotes research-only data: write it under /tmp"
    with open(out, "w", encoding="utf-8") as fh:
        for cid, text in _documents(dataset, start, stop):
            verdict = (int(is_clutter_sentence(text)), int(is_candidate(SimpleNamespace(text=text), 20, no_case=True)),
                       int(leans_on_previous(text)))
            fh.write(f"{cid}\t{verdict}\t{text}\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("briefs", nargs="*", help="newsfuse batch output (JSONL)")
    ap.add_argument("--docs", choices=["multi_news", "tac"], help="count all documents' sentences instead")
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("--stop", type=int, default=5622)
    ap.add_argument("--kind", action="append", help="only these kinds (default: all)")
    ap.add_argument("--examples", type=int, default=4, help="random examples printed per kind (seed 1)")
    ap.add_argument("--dump", help="with --docs: write each sentence with the verdicts of clutter.is_clutter_sentence, "
                    "select.is_candidate's text rules and select.leans_on_previous to this file under /tmp (run it "
                    "with two versions of the code on PYTHONPATH and diff the files to read what a rule changes)")
    a = ap.parse_args()
    if a.dump and a.docs:
        _dump(a.docs, a.start, a.stop, a.dump)
        return
    kinds = {k: re.compile(v, re.IGNORECASE if k != "lower_start" else 0) for k, v in KINDS.items()
             if not a.kind or k in a.kind}
    source = _documents(a.docs, a.start, a.stop) if a.docs else _briefs(a.briefs)
    hits: dict[str, list[tuple[str, str]]] = {k: [] for k in kinds}
    total = 0
    for cid, text in source:
        total += 1
        for k, rx in kinds.items():
            if rx.search(text):
                hits[k].append((cid, text))
    print(f"{total} sentences")
    rng = random.Random(1)
    for k, hs in hits.items():
        print(f"\n{k}: {len(hs)} sentences in {len({c for c, _ in hs})} clusters")
        for cid, text in rng.sample(hs, min(a.examples, len(hs))):
            print(f"  {cid}: {text[:300]}")


if __name__ == "__main__":
    main()
