"""How much of newsfuse's Multi-News margin is the fill convention: briefs of whole sentences against
peers that take the sentence crossing the budget and are cut to it.

Usage: newsfuse eval ../shared/data/multi_news_val.jsonl.gz --words 100 --limit 1000 \
           --methods newsfuse,lexrank --report DIR
       python scripts/fill_gap.py DIR [--words 100] [--peer lexrank]

Reads DIR/summaries.jsonl and scores, with rouge-score F1 as the harness does, newsfuse's briefs as they
are, the same briefs followed by the peer's first sentence they do not hold (cut to the budget, as the
peer's own summaries are), and the peer's summaries. This only measures the convention: newsfuse's
briefs stay whole sentences, which a reader needs (a sentence cut at the budget can say the opposite of
its source).
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "multi_news_val.jsonl.gz"


def main() -> None:
    from newsfuse.evaluate.methods import n_words, truncate
    from newsfuse.evaluate.scorers import rouge_score
    from newsfuse.split import split_text

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("report", type=Path, help="a `newsfuse eval --report` directory of Multi-News clusters")
    ap.add_argument("--words", type=int, default=100)
    ap.add_argument("--peer", default="lexrank")
    ap.add_argument("--data", type=Path, default=DATA)
    args = ap.parse_args()

    summaries: dict[tuple[str, str], list[str]] = {}
    with open(args.report / "summaries.jsonl", encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            summaries[(o["id"], o["method"])] = o["summary"]
    ids = {cid for cid, _ in summaries}
    references: dict[str, list[list[str]]] = {}
    with gzip.open(args.data, "rt", encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            if o["id"] in ids:
                references[o["id"]] = [split_text(s) for s in o["summaries"]]
            if len(references) == len(ids):
                break

    rows: dict[str, list[float]] = {"newsfuse": [], "newsfuse + peer's next sentence, cut": [], args.peer: []}
    words: dict[str, list[int]] = {k: [] for k in rows}
    for cid in sorted(references):
        own = summaries.get((cid, "newsfuse"), [])
        peer = summaries.get((cid, args.peer), [])
        extra = [s for s in peer if s not in own][:1]
        for name, summary in zip(rows, (own, own + extra if own else [], peer), strict=True):
            cut = truncate(summary, args.words)
            rows[name].append(100 * rouge_score(cut, references[cid])["rouge1"]["f"])
            words[name].append(sum(n_words(s) for s in cut))
    print(f"{len(references)} clusters, {args.words} words, rouge-score R1 F1 (mean) and mean words")
    for name, scores in rows.items():
        print(f"  {name:40s} {statistics.fmean(scores):6.2f}  {statistics.fmean(words[name]):6.1f} words")


if __name__ == "__main__":
    main()
