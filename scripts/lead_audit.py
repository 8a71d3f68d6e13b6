"""Can the brief's first sentence open a story? The first sentence of many briefs, with simple flags.

Usage: OPENBLAS_NUM_THREADS=1 python scripts/lead_audit.py [--n 150 --start 2000 --stop 5622 --seed 1]
           [--words 100 --words 250] [--no-tac] [--set order.CONST=value] [--out /tmp/leads.tsv]
           [--labels /tmp/lead_labels.tsv]

A reader judges a brief by its first sentence: it should state the story's event and introduce who is involved,
not lean on context the brief never gave. For ``--n`` Multi-News clusters drawn at random (``--seed``) from
``--start``..``--stop`` and the 10 TAC 2011 clusters, at each ``--words``, the script summarizes the cluster and
flags the brief's first sentence:

* ``pronoun``: he/she/him/his/her (they/them/their too) before any full name (two capitalized words), person noun
  or indefinite phrase ("a 45-year-old man") in the sentence: whose?
* ``quote``: a quotation whose speaker is a pronoun or an unnamed source ("..., the source says.");
* ``lower``: it starts with a lower-case letter (a fragment, or an outlet's lower-cased text);
* ``the``: a "the" + noun (not "the X of ...") whose noun its own article wrote in an earlier sentence
  ("arrested at the storage unit" after "found in a storage unit"): a reference back;
* ``surname``: a capitalized word alone before a speech verb, or after Mr./Ms./Dr., that no full name in the
  sentence introduces;
* ``later``: not its article's first sentence (information, not a fault).

The rows (key, words, flags, position, sentence) go to ``--out`` (the data's text: keep it out of the repository).
``--labels``: a TSV of hand judgements (key, then ``ok`` or ``bad:<kind>``, then the sentence judged); a brief whose
first sentence is the one judged counts in the judged rate, any other is reported as not judged.
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter
from pathlib import Path
from typing import Any

from attribution_audit import records
from order_audit import apply_setting

_PRONOUN = re.compile(r"\b(?:he|she|him|his|her|they|them|their)\b", re.IGNORECASE)
_INTRO = re.compile(
    r"\b[A-Z][\w'’-]+\s+[A-Z][\w'’-]+|\b(?:a|an)\s+[\w-]+|"
    r"\b(?:man|woman|men|women|boy|girl|mother|father|son|daughter|wife|husband|couple|president|governor|"
    r"senator|mayor|minister|king|queen|pope|singer|actor|actress|star|suspect|victim|officers?|judge|police|"
    r"family|player|coach|teen|teenager|student|doctor|officials?|authorities|people|parents|children)\b")
_UNNAMED_SPEAKER = re.compile(
    r"(?:\b(?:he|she|they|the source|a source|an insider|the insider|a friend|the friend)\s+"
    r"(?:said|says|told|added|explained|wrote)\b|\b(?:said|says|added|explained)\s+(?:he|she|the source)\b)",
    re.IGNORECASE)
_THE_NOUN = re.compile(r"\bthe\s+([a-z][a-z-]{2,})\b(?!\s+of\b)")
_SPEECH_AFTER = re.compile(r"\b([A-Z][a-z'’-]+)\s+(?:said|says|told|added|wrote|explained)\b")
_TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s+([A-Z][a-z'’-]+)")


def flags(rep: Any, i: int) -> list[str]:
    """The flags of sentence ``i`` of ``rep`` as a brief's first sentence."""
    from newsfuse.order import names
    from newsfuse.represent import STOP_WORDS

    s = rep.sentences[i]
    t = s.text.strip()
    out = []
    m = _PRONOUN.search(t)
    if m and not _INTRO.search(t[: m.start()]):
        out.append("pronoun")
    if any(q in t for q in "\"“”") and _UNNAMED_SPEAKER.search(t):
        out.append("quote")
    first = next((c for c in t if c.isalpha()), "")
    if first.islower():
        out.append("lower")
    if s.position > 0:
        earlier = " ".join(x.text.lower() for x in rep.sentences if x.doc == s.doc and x.position < s.position)
        stop = {w.lower() for w in STOP_WORDS}
        back = [w for w in _THE_NOUN.findall(t.lower()) if w not in stop and re.search(rf"\b{re.escape(w)}\b", earlier)]
        if back:
            out.append("the(" + ",".join(back[:3]) + ")")
    introduced, _ = names(t)
    alone = [w for w in _SPEECH_AFTER.findall(t) + _TITLED.findall(t)
             if w not in introduced and w not in ("He", "She", "They", "It", "Police", "Officials", "Authorities")
             and not t.startswith(w + " said")]
    alone = [w for w in alone if not re.search(rf"\b[A-Z][\w'’-]+\s+{re.escape(w)}\b", t)]
    if alone:
        out.append("surname(" + ",".join(alone[:2]) + ")")
    if s.position > 0:
        out.append(f"later{s.position}")
    return out


BAD = ("pronoun", "quote", "lower", "the(", "surname(")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--start", type=int, default=2000)
    ap.add_argument("--stop", type=int, default=5622)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--words", type=int, action="append")
    ap.add_argument("--no-tac", action="store_true")
    ap.add_argument("--set", action="append", default=[], help="module.CONST=value (as scripts/tune.py)")
    ap.add_argument("--out", default="/tmp/lead_audit.tsv")
    ap.add_argument("--labels", help="TSV of hand judgements: key, ok|bad:<kind>, sentence")
    args = ap.parse_args()
    words = args.words or [100, 250]
    for item in args.set:
        apply_setting(item)

    import newsfuse
    from newsfuse import pipeline

    seen: dict[str, Any] = {}
    original = pipeline.order

    def spy(rep: Any, selected: list[int], requires: dict[int, int], support: dict[int, int], **kw: Any) -> list[int]:
        out = original(rep, selected, requires, support, **kw)
        seen.update(rep=rep, ordered=out)
        return out

    pipeline.order = spy  # type: ignore[assignment]
    picks = sorted(random.Random(args.seed).sample(range(args.start, args.stop), args.n))
    wanted = set(picks)
    data: list[tuple[str, list[str]]] = []
    for k, obj in enumerate(records("multi_news", 0)):
        if k in wanted:
            data.append((f"mn{k}", obj["documents"]))
        if k >= args.stop:
            break
    if not args.no_tac:
        data += [(str(obj["id"]), obj["documents"]) for obj in records("tac")]

    labels: dict[tuple[str, str], str] = {}
    if args.labels:
        for line in Path(args.labels).read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 3:
                labels[(parts[0], " ".join(parts[2].split()))] = parts[1]
    rows = []
    counts: Counter[str] = Counter()
    judged: Counter[str] = Counter()
    total = 0
    for key, docs in data:
        docs = [d for d in docs if d.strip()]
        for w in words:
            try:
                newsfuse.summarize(docs, words=w)
            except newsfuse.NewsfuseError:
                continue
            rep, ordered = seen["rep"], seen["ordered"]
            fl = flags(rep, ordered[0])
            text = " ".join(rep.sentences[ordered[0]].text.split())
            total += 1
            for f in fl:
                counts[re.sub(r"\(.*|\d+$", "", f)] += 1
            if any(f.startswith(BAD) for f in fl):
                counts["any"] += 1
            if args.labels:
                verdict = labels.get((f"{key}/w{w}", text))
                judged[verdict.split(":")[0] if verdict else "not judged"] += 1
                if verdict and verdict.startswith("bad"):
                    judged[verdict] += 1
            rows.append(f"{key}/w{w}\t{' '.join(fl)}\t{rep.sentences[ordered[0]].position}\t{text}")
    Path(args.out).write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{total} briefs ({len(data)} clusters x {words} words) -> {args.out}")
    for k in ("any", "pronoun", "quote", "lower", "the", "surname", "later"):
        print(f"  {k:8s} {counts[k]:4d}  {counts[k] / max(total, 1):.3f}")
    if args.labels:
        for k, v in sorted(judged.items()):
            print(f"  judged {k}: {v}")


if __name__ == "__main__":
    main()
