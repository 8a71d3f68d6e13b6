"""How well a brief's sentence order follows the human reference's: the order stage against simple orders.

Usage: OPENBLAS_NUM_THREADS=1 python scripts/order_audit.py multi_news [--start 1000 --n 500 --words 250]
       OPENBLAS_NUM_THREADS=1 python scripts/order_audit.py tac [--words 250]
       ... --set order.LEAD_DECAY=3          # a constant changed, as scripts/tune.py takes it
       ... --versus order.LEAD_BY_SALIENCE=False   # the same sentences also ordered so, paired against the order stage

ROUGE does not see the order of a brief's sentences, a reader does: the story's news first, then what
follows from it. For each cluster the brief's selected sentences are ordered by ``order.order`` and by
simple alternatives over the same sentences, and every order is scored against the reference:

* each brief sentence is matched to the reference sentence that holds most of its content words
  (rouge-score's stemmed tokens, stop words out; at least ``--min-shared`` words and ``--min-share`` of the
  brief sentence's), and one not matched is left out;
* Kendall's tau between the brief's order and the matched reference positions (pairs matched to one
  reference sentence are left out), averaged over clusters with at least one such pair;
* lead: whether the brief's first sentence is the one matched earliest in the reference (over clusters with
  sentences matched to at least two reference sentences; the same clusters for every order).

The alternatives: ``position`` (relative position in its article, then support), ``document`` (the
articles in turn, each in its own order: the order of the input), ``random`` (seeded; tau near 0).
Every order keeps an antecedent and its dependent together, as the order stage does. Prints the mean tau
with a bootstrap 95% interval and the lead rate per order, and the mean paired difference of each
alternative against ``order``.
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import random
import statistics
from typing import Any

from attribution_audit import FILES, records

ORDERS = ("order", "position", "document", "random")


def clusters(name: str, start: int, n: int) -> list[dict]:
    """``n`` clusters (all with 0) of a data set from line ``start``, as stored."""
    return list(itertools.islice(records(name, start), n or None))


def _units(rep: Any, selected: list[int], requires: dict[int, int]) -> dict[int, list[int]]:
    chosen = set(selected)
    head: dict[int, int] = {}
    units: dict[int, list[int]] = {}
    for i in sorted(selected, key=lambda k: (rep.sentences[k].doc, rep.sentences[k].position)):
        p = requires.get(i)
        head[i] = head[p] if p is not None and p in chosen else i
        units.setdefault(head[i], []).append(i)
    return units


def alternatives(rep: Any, selected: list[int], requires: dict[int, int], support: dict[int, int],
                 rng: random.Random, kw: dict[str, Any] | None = None) -> dict[str, list[int]]:
    from newsfuse import order as order_stage

    units = _units(rep, selected, requires)

    def flat(heads: list[int]) -> list[int]:
        return [i for u in heads for i in units[u]]

    def relpos(u: int) -> float:
        s = rep.sentences[u]
        return s.position / max(rep.doc_lengths[s.doc], 1)

    heads = list(units)
    shuffled = heads[:]
    rng.shuffle(shuffled)
    return {
        "order": order_stage.order(rep, selected, requires, support, **(kw or {})),
        "position": flat(sorted(heads, key=lambda u: (relpos(u), -support.get(u, 1), u))),
        "document": flat(sorted(heads, key=lambda u: (rep.sentences[u].doc, rep.sentences[u].position))),
        "random": flat(shuffled),
    }


class Matcher:
    def __init__(self) -> None:
        from nltk.stem import porter
        from rouge_score import tokenizers

        from newsfuse.represent import STOP_WORDS

        self.tok = tokenizers.DefaultTokenizer(use_stemmer=False)
        self.stem = porter.PorterStemmer().stem
        self.stop = {w.lower() for w in STOP_WORDS}

    def words(self, text: str) -> set[str]:
        return {self.stem(w) for w in self.tok.tokenize(text) if w not in self.stop}


def match_positions(m: Matcher, brief: list[str], reference: list[str], min_shared: int,
                    min_share: float) -> list[int | None]:
    ref_words = [m.words(r) for r in reference]
    out: list[int | None] = []
    for b in brief:
        bw = m.words(b)
        best, best_pos = 0, None
        for k, rw in enumerate(ref_words):
            shared = len(bw & rw)
            if shared > best:
                best, best_pos = shared, k
        ok = best_pos is not None and best >= min_shared and best >= min_share * max(len(bw), 1)
        out.append(best_pos if ok else None)
    return out


def tau_and_lead(pos: list[int | None]) -> tuple[float | None, bool | None]:
    conc = disc = 0
    for a in range(len(pos)):
        for b in range(a + 1, len(pos)):
            pa, pb = pos[a], pos[b]
            if pa is None or pb is None or pa == pb:
                continue
            if pa < pb:
                conc += 1
            else:
                disc += 1
    tau = (conc - disc) / (conc + disc) if conc + disc else None
    matched = [p for p in pos if p is not None]
    lead = None
    if len(set(matched)) >= 2:
        lead = pos[0] == min(matched)  # (an unmatched first sentence is a miss)
    return tau, lead


def bootstrap(xs: list[float], rng: random.Random, n: int = 2000) -> tuple[float, float]:
    if len(xs) < 2:
        return (float("nan"), float("nan"))
    means = sorted(statistics.fmean(rng.choices(xs, k=len(xs))) for _ in range(n))
    return means[int(0.025 * n)], means[int(0.975 * n) - 1]


def apply_setting(item: str) -> tuple[Any, str, Any]:
    """Set ``module.CONST=value`` (booleans by name: bool("False") is True); returns (module, name, old value)."""
    target, value = item.split("=", 1)
    mod, attr = target.rsplit(".", 1)
    module = importlib.import_module(f"newsfuse.{mod}")
    old = getattr(module, attr)
    setattr(module, attr, value.lower() in ("true", "1") if isinstance(old, bool) else type(old)(value))
    return module, attr, old


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", choices=sorted(FILES))
    ap.add_argument("--start", type=int, default=1000)
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--words", type=int, default=250)
    ap.add_argument("--min-shared", type=int, default=3)
    ap.add_argument("--min-share", type=float, default=0.3)
    ap.add_argument("--set", action="append", default=[], help="module.CONST=value (as scripts/tune.py)")
    ap.add_argument("--versus", action="append", default=[],
                    help="module.CONST=value: also order the same sentences with this setting, paired against 'order'")
    args = ap.parse_args()
    for item in args.set:
        apply_setting(item)

    import newsfuse
    from newsfuse import order as order_stage
    from newsfuse import pipeline
    from newsfuse.split import split_text

    seen: dict[str, Any] = {}
    original = pipeline.order

    def spy(rep: Any, selected: list[int], requires: dict[int, int], support: dict[int, int], **kw: Any) -> list[int]:
        seen.update(rep=rep, selected=list(selected), requires=dict(requires), support=dict(support), kw=kw)
        return original(rep, selected, requires, support, **kw)

    pipeline.order = spy  # type: ignore[assignment]
    m = Matcher()
    rng = random.Random(1)
    names = ORDERS + (("versus",) if args.versus else ())
    taus: dict[str, list[float | None]] = {k: [] for k in names}
    leads: dict[str, list[bool | None]] = {k: [] for k in names}
    data = clusters(args.data, args.start if args.data == "multi_news" else 0, args.n if args.data == "multi_news" else 0)
    for obj in data:
        docs = [d for d in obj["documents"] if d.strip()]
        refs = [r for r in obj.get("summaries", []) if r.strip()]
        if not docs or not refs:
            continue
        try:
            newsfuse.summarize(docs, words=args.words)
        except newsfuse.InputError:
            continue
        rep = seen["rep"]
        orders = alternatives(rep, seen["selected"], seen["requires"], seen["support"], rng, seen["kw"])
        if args.versus:
            undo = [apply_setting(item) for item in args.versus]
            orders["versus"] = order_stage.order(rep, seen["selected"], seen["requires"], seen["support"], **seen["kw"])
            for module, attr, old in reversed(undo):
                setattr(module, attr, old)
        for name, ordered in orders.items():
            texts = [rep.sentences[i].text for i in ordered]
            ts, ls = [], []
            for ref in refs:  # TAC has three references: the mean over them
                t, lead = tau_and_lead(match_positions(m, texts, split_text(ref), args.min_shared, args.min_share))
                if t is not None:
                    ts.append(t)
                if lead is not None:
                    ls.append(lead)
            taus[name].append(statistics.fmean(ts) if ts else None)
            leads[name].append(statistics.fmean(ls) >= 0.5 if ls else None)
    print(f"{args.data} words={args.words} clusters={len(data)}")
    base_t = taus["order"]
    for name in names:
        t = [x for x in taus[name] if x is not None]
        lo, hi = bootstrap(t, rng)
        ld = [x for x in leads[name] if x is not None]
        line = (f"  {name:9s} tau {statistics.fmean(t):+.3f} [{lo:+.3f}, {hi:+.3f}] (n={len(t)})  "
                f"lead {statistics.fmean(ld):.3f} (n={len(ld)})")
        if name != "order":
            diff = [a - b for a, b in zip(base_t, taus[name], strict=True) if a is not None and b is not None]
            dlo, dhi = bootstrap(diff, rng)
            line += f"  order minus this: tau {statistics.fmean(diff):+.3f} [{dlo:+.3f}, {dhi:+.3f}]"
            lead_diff = [int(a) - int(b) for a, b in zip(leads["order"], leads[name], strict=True)
                         if a is not None and b is not None]
            llo, lhi = bootstrap([float(x) for x in lead_diff], rng)
            line += f", lead {statistics.fmean(lead_diff):+.3f} [{llo:+.3f}, {lhi:+.3f}]"
        print(line if name != "versus" else line.replace("versus   ", "versus (" + ", ".join(args.versus) + ")"))


if __name__ == "__main__":
    main()
