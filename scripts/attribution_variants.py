"""Narrowings of attribution's reworded test, scored without changing the code (BENCHMARKS.md, "Attribution").

Usage: OPENBLAS_NUM_THREADS=1 python scripts/attribution_variants.py labels
       OPENBLAS_NUM_THREADS=1 python scripts/attribution_variants.py briefs [--out /tmp/attr/variants.md]
       OPENBLAS_NUM_THREADS=1 python scripts/attribution_variants.py fixtures [--out ...]

Each variant is a test a (brief sentence, other sentence) pair must also pass when ``Representation.reports``
matched it by ``_reworded`` alone: a pair any other of ``reports``' tests matches is kept. ``labels`` scores every
variant on the hand-judged pairs of ``scripts/attribution_labels.tsv`` (precision and recall per set, as
``attribution_audit.py --labels`` scores today's code: each pair's tests recomputed one by one); ``briefs`` lists
the citations (brief sentence, other document) each variant drops from the briefs of Multi-News 1000-1499 at 100
words and TAC at 100 and 250 words; ``fixtures`` does the same for tests/fixtures/* at 80, 120 and 250 words.
``--out`` writes the dropped citations, with the matched sentences, to read (outside the repository: the data is
research-only).
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import attribution_audit as audit  # noqa: E402

from newsfuse import represent as R  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TESTS = ("contain", "close", "qty", "emb", "reworded")
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
MONTHS = {R.stem(m) for m in "jan january feb february mar march apr april may jun june jul july aug august sep "
          "sept september oct october nov november dec december".split()}


class Pair:
    """A brief sentence (``row``) and a sentence of another document (``col``) with the cluster's facts both need."""

    def __init__(self, rep: Any, row: int, col: int, names: set[str], idf: dict[str, float]) -> None:
        self.row_stems, self.col_stems = rep.stems[row], rep.stems[col]
        self.row_content, self.col_content = rep.content[row], rep.content[col]
        self.row_concepts, self.col_concepts = rep.concepts[row], rep.concepts[col]
        self.names, self.idf = names, idf


def cluster_facts(rep: Any) -> tuple[set[str], dict[str, float]]:
    """The stems the cluster writes capitalised mid-sentence more often than in lower case (its names), and each
    content stem's IDF (by sentence, as ``Representation._idf``)."""
    case: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    for s in rep.sentences:
        for k, t in enumerate(_TOKEN.findall(s.text)):
            st = R.stem(t.lower().replace("’", "'"))
            if t[:1].isupper():
                case[st][0] += k > 0
            elif t[:1].islower():
                case[st][1] += 1
    df = collections.Counter(st for c in rep.content for st in c)
    n = len(rep.content)
    return ({st for st, (up, low) in case.items() if up > low},
            {st: float(np.log((n + 1) / (f + 0.5))) for st, f in df.items()})


def _day_numbers(stems: list[str]) -> set[str]:
    days = set()
    for a, b in zip(stems, stems[1:], strict=False):
        if a in MONTHS and b.isdigit() and len(b) <= 2:
            days.add(b)
        elif b in MONTHS and a.isdigit() and len(a) <= 2:
            days.add(a)
    return days


def _numbers(stems: list[str]) -> set[str]:
    return {t for t in stems if any(ch.isdigit() for ch in t)
            and not (len(t) == 4 and t.isdigit() and "1800" <= t <= "2099")}


def _event_words(p: Pair) -> set[str]:
    return (p.row_content & p.col_content) - p.names


def _event_share(p: Pair) -> float:
    event = p.row_content - p.names
    total = sum(p.idf.get(w, 0.0) for w in event)
    return sum(p.idf.get(w, 0.0) for w in event & p.col_content) / total if total else 1.0


def _event_units(p: Pair) -> int:
    shared = _event_words(p)
    phrases = sum(1 for c in p.row_concepts & p.col_concepts if len(c.split()) == 2 and set(c.split()) <= shared)
    return len(shared) - phrases


VARIANTS: dict[str, Callable[[Pair], bool]] = {
    "date's day": lambda p: _day_numbers(p.row_stems) <= set(p.col_stems),
    "every number": lambda p: _numbers(p.row_stems) <= set(p.col_stems),
    "every quantity": lambda p: all(c.split()[0] in p.col_stems for c in p.row_concepts if R._is_quantity(c)),
    "3 non-name words": lambda p: len(_event_words(p)) >= 3,
    "0.3 non-name weight": lambda p: _event_share(p) >= 0.3,
    "2 non-name words, a phrase once": lambda p: _event_units(p) >= 2,
}


def judged(rep: Any, row: int, tests: dict[str, np.ndarray], facts: tuple[set[str], dict[str, float]],
           doc: int) -> dict[str, bool]:
    """Does ``doc`` report sentence ``row`` today ("today") and under each variant?"""
    out = {"today": False} | dict.fromkeys(VARIANTS, False)
    for j, t in enumerate(rep.sentences):
        if t.doc != doc or not tests["reports"][j]:
            continue
        out["today"] = True
        fired = {k for k in TESTS if k in tests and bool(np.ravel(tests[k])[j])}
        pair = Pair(rep, row, j, *facts)
        for name, ok in VARIANTS.items():
            out[name] = out[name] or bool(fired - {"reworded"}) or ok(pair)
    return out


def score_labels() -> None:
    labels = audit.read_labels(ROOT / "scripts" / "attribution_labels.tsv")
    by_cluster: dict[str, list[int]] = collections.defaultdict(list)
    for k, row in enumerate(labels):
        by_cluster[row["cluster"]].append(k)
    cited: list[dict[str, bool]] = [{} for _ in labels]
    for cid, ks in by_cluster.items():
        _, rep, _ = audit.summarize_with_rep(audit.cluster_by_id(cid), 100)
        facts = cluster_facts(rep)
        where = {(s.doc, s.position): i for i, s in enumerate(rep.sentences)}
        by_hash = {(s.doc, audit.text_hash(s.text)): i for i, s in enumerate(rep.sentences)}
        cache: dict[int, dict[str, np.ndarray]] = {}
        for k in ks:
            lab = labels[k]
            i = where.get((lab["origin"], lab["pos"]))
            if i is None or audit.text_hash(rep.sentences[i].text) != lab["hash"]:
                i = by_hash[(lab["origin"], lab["hash"])]
            if i not in cache:
                cache[i] = audit.rules(rep, i)
            cited[k] = judged(rep, i, cache[i], facts, lab["doc"])
    print("| variant | " + " | ".join(f"{s} precision | {s} recall" for s in ("design", "fresh")) + " |")
    for name in ["today", *VARIANTS]:
        cells = []
        for label_set in ("design", "fresh"):
            rows = [(lab["label"], c[name]) for lab, c in zip(labels, cited, strict=True) if lab["set"] == label_set]
            tp = sum(1 for y, c in rows if c and y == 1)
            fp = sum(1 for y, c in rows if c and y == 0)
            fn = sum(1 for y, c in rows if not c and y == 1)
            cells += [f"{tp / max(tp + fp, 1):.3f} = {tp}/{tp + fp}", f"{tp / max(tp + fn, 1):.3f} = {tp}/{tp + fn}"]
        print(f"| {name} | " + " | ".join(cells) + " |")


def dropped(jobs: list[tuple[str, Any, int]], out: Path | None) -> None:
    import newsfuse

    lines: list[str] = []
    counts = collections.Counter[str]()
    distinct: dict[str, set[tuple[str, str, int]]] = collections.defaultdict(set)  # (a sentence in several briefs)
    citations = 0
    for cid, docs, words in jobs:
        try:
            brief, rep, selected = audit.summarize_with_rep(docs, words)
        except newsfuse.NewsfuseError:
            continue
        facts = cluster_facts(rep)
        for i in selected:
            tests = audit.rules(rep, i)
            docs_cited = {rep.sentences[j].doc for j in np.nonzero(tests["reports"])[0]} - {rep.sentences[i].doc}
            citations += len(docs_cited)
            for d in sorted(docs_cited):
                got = judged(rep, i, tests, facts, d)
                lost = [name for name in VARIANTS if not got[name]]
                if not lost:
                    continue
                counts.update(lost)
                for name in lost:
                    distinct[name].add((cid, rep.sentences[i].text, d))
                lines.append(f"\n## {cid} w{words} d{d + 1}: dropped by {', '.join(lost)}")
                lines.append(f"BRIEF: {rep.sentences[i].text}")
                lines += [f"- {rep.sentences[j].text}" for j in np.nonzero(tests["reports"])[0]
                          if rep.sentences[j].doc == d]
    print(f"{len(jobs)} briefs, {citations} citations of other documents")
    for name in VARIANTS:
        print(f"  {name}: drops {counts[name]} ({len(distinct[name])} distinct)")
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["labels", "briefs", "fixtures"])
    ap.add_argument("--out", type=Path, help="markdown listing of the dropped citations (keep it outside the repo)")
    args = ap.parse_args()
    if args.what == "labels":
        score_labels()
        return
    jobs: list[tuple[str, Any, int]]
    if args.what == "briefs":
        jobs = [(cid, docs, 100) for cid, docs in audit.load("multi_news", start=1000, n=500, min_docs=1)]
        jobs += [(cid, docs, w) for w in (100, 250) for cid, docs in audit.load("tac")]
    else:
        from newsfuse.load import load_inputs

        jobs = []
        for path in sorted((ROOT / "tests" / "fixtures").iterdir()):
            if path.is_dir():
                docs = load_inputs([str(path)], warn=lambda *a: None)
                jobs += [(path.name, docs, w) for w in (80, 120, 250)]
    dropped(jobs, args.out)


if __name__ == "__main__":
    main()
