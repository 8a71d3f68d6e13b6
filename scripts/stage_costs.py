"""Where newsfuse's time per cluster goes: each stage and the costly pieces inside it, measured directly.

Usage: OPENBLAS_NUM_THREADS=1 python scripts/stage_costs.py [--start 1000 --n 300 --words 100 --repeat 3]
       ... --tiny                               # the same table for two 3-sentence articles: the fixed cost
       ... --drop salience,embeddings            # also time the pipeline with pieces stubbed out, alternated with
                                                # the full pipeline cluster by cluster (see DROPS); a+b: both at once

Every piece (a function or a method) is wrapped by a timer of this thread's CPU time; a piece's time includes the
pieces it calls (the table is indented by caller). The timers' own cost is measured on a no-op and taken out: a
call's own wrapper (half a timer) and the wrapped calls inside it (a whole timer each). Each cluster's sum per piece
is taken, and the median over clusters reported (the mean too: a piece that runs in few clusters has a median of
0), with the median call count. Warm-up: the first 20 clusters are summarized before timing (imports, models,
caches); the timed clusters are new to the process on the first pass, as in the benchmark (words never stemmed or
embedded before); with --repeat each later pass finds them known, and gets a column of its own.

--drop NAME: the same clusters are summarized with and without the piece, alternated, and the median saving
reported (the quality cost is for scripts/tune.py: the DROPS table gives the matching --set where there is one).
"""

from __future__ import annotations

import argparse
import gzip
import importlib
import itertools
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "multi_news_val.jsonl.gz"
clock = time.thread_time

# (label, "module:attr" or "module:Class.method", parent label)
PIECES: list[tuple[str, str, str]] = [
    ("clean", "clean:clean_documents", ""),
    ("clean._clean_one", "clean:_clean_one", "clean"),
    ("clean._filter_sentences", "clean:_filter_sentences", "clean._clean_one"),
    ("clean._drop_archive_notes", "clean:_drop_archive_notes", "clean._clean_one"),
    ("clean._pitch_sitename", "clean:_pitch_sitename", "clean._clean_one"),
    ("clean._drop_irrelevant_blocks", "clean:_drop_irrelevant_blocks", "clean"),
    ("split", "split:split_document", ""),
    ("split.punkt", "split:_tokenizer().span_tokenize", "split"),
    ("split.trim_dateline", "split:trim_dateline", "split"),
    ("split.is_caption", "split:is_caption", "split"),
    ("split._trim_opening_place", "split:_trim_opening_place", "split"),
    ("split._pass_opening_quotes", "split:_pass_opening_quotes", "split"),
    ("split.transcript_speakers", "split:transcript_speakers", "split"),
    ("represent", "represent:represent", ""),
    ("represent.stem (unseen words)", "represent:stem", "represent"),
    ("represent._concept_index", "represent:_concept_index", "represent"),
    ("doc_groups", "pipeline:_doc_groups", ""),
    ("titles", "pipeline:_titles", ""),
    ("select", "select:select", ""),
    ("select.cluster_weights", "select:cluster_weights", "select"),
    ("select.salience", "score:salience", "select"),
    ("select.salience.features", "score:sentence_features", "select.salience"),
    ("select.salience.centrality", "score:_centrality", "select.salience.features"),
    ("select.word_counts", "represent:Representation.word_counts", "select"),
    ("select.dangling", "represent:Representation.dangling", "select"),
    ("select.leans_on_previous", "select:leans_on_previous", "select"),
    ("select.quoted_words", "select:quoted_words", "select"),
    ("select.concept_sums", "represent:Representation.concept_sums", "select"),
    ("select.title_agreement", "select:title_agreement", "select"),
    ("select.headline_scores", "select:headline_scores", "select"),
    ("select.caseless", "select:caseless", "select"),
    ("select.inside_quotation", "select:inside_quotation", "select"),
    ("select.run_ons", "select:run_ons", "select"),
    ("select.shouting", "select:shouting", "select"),
    ("select.is_candidate", "select:is_candidate", "select"),
    ("select.ForeignTest", "language:ForeignTest.__init__", "select"),
    ("select.is_clutter_sentence", "select:is_clutter_sentence", "select"),
    ("select.opened_further_back", "select:opened_further_back", "select"),
    ("select._solve_ilp", "select:_solve_ilp", "select"),
    ("select.branch_and_bound", "select:branch_and_bound", "select._solve_ilp"),
    ("select._greedy", "select:_greedy", "select"),
    ("same_fact (select)", "represent:Representation.same_fact", ""),
    ("reports (anchor, attribute)", "represent:Representation.reports", ""),
    ("similarity_matrix", "represent:Representation.similarity_matrix", ""),
    ("_containment", "represent:Representation._containment", ""),
    ("_embedding_match", "represent:Representation._embedding_match", ""),
    ("embeddings (WordLlama)", "represent:Representation.embeddings", "_embedding_match"),
    ("attribute", "attribute:attribute", ""),
    ("order", "order:order", ""),
    ("figure_disputes", "pipeline:figure_disputes", ""),
    ("figure_disputes.documents", "pipeline:disputes", "figure_disputes"),
]

# --drop NAME: what is stubbed, and the tune.py --set that drops it the same way where there is one
DROPS: dict[str, tuple[str, Callable[[], Callable[[], None]]]] = {}


def _drop(name: str, setting: str) -> Callable[[Callable[[], Callable[[], None]]], None]:
    def deco(fn: Callable[[], Callable[[], None]]) -> None:
        DROPS[name] = (setting, fn)
    return deco


def _set(mod: str, attr: str, value: Any) -> Callable[[], None]:  # noqa: ANN401
    m = importlib.import_module(f"newsfuse.{mod}")
    old = getattr(m, attr)
    setattr(m, attr, value)
    return lambda: setattr(m, attr, old)


@_drop("salience", "select.SALIENCE_WEIGHT=0")
def _no_salience() -> Callable[[], None]:
    return _set("select", "SALIENCE_WEIGHT", 0.0)


@_drop("learned_concepts", "select.LEARNED_CONCEPTS=False")
def _no_learned() -> Callable[[], None]:
    return _set("select", "LEARNED_CONCEPTS", False)


@_drop("embeddings", "represent.SAME_EMB_SHARED=1000000 (no pair reaches the embedding test)")
def _no_embeddings() -> Callable[[], None]:
    return _set("represent", "SAME_EMB_SHARED", 10**6)


@_drop("headline_anchor", "select.HEADLINE_ANCHOR=False")
def _no_anchor() -> Callable[[], None]:
    return _set("select", "HEADLINE_ANCHOR", False)


@_drop("greedy_only", "select._solve_ilp stubbed to None: the greedy picks (no --set; a sitecustomize doing the same for tune.py)")
def _greedy_only() -> Callable[[], None]:
    return _set("select", "_solve_ilp", lambda *a, **k: None)


@_drop("filter_sentences", "clean's sentence-by-sentence clutter filter of paragraphs off, pitches then ruled out "
                           "only in the sentences a solution picks (no --set: a sitecustomize doing the same for tune.py)")
def _lazy_filter() -> Callable[[], None]:
    import newsfuse.clean as c
    import newsfuse.select as s

    ics = s.is_clutter_sentence
    undo = [_set("clean", "_filter_sentences", lambda paragraph, known=None: paragraph),
            _set("select", "is_clutter_sentence", lambda t: ics(t) or c._is_pitch(t))]
    return lambda: [u() for u in reversed(undo)] and None


@_drop("clean", "tune.py --no-clean")
def _no_clean() -> Callable[[], None]:
    return _set("pipeline", "clean_documents", lambda docs: docs)


def _resolve(spec: str) -> tuple[Any, str, Any]:
    mod, _, path = spec.partition(":")
    m = importlib.import_module(f"newsfuse.{mod}")
    if path.startswith("_tokenizer()."):
        owner = m._tokenizer()
        attr = path.split(".", 1)[1]
        gen = getattr(owner, attr)
        return owner, attr, lambda *a, **k: list(gen(*a, **k))  # (a generator: timed as consumed)
    owner: Any = m
    parts = path.split(".")
    for p in parts[:-1]:
        owner = getattr(owner, p)
    return owner, parts[-1], getattr(owner, parts[-1])


class Timers:
    def __init__(self) -> None:
        self.total: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self.nested: dict[str, int] = {}
        self.count = 0  # wrapped calls so far
        self.undo: list[Callable[[], None]] = []

    def wrap(self, label: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        total, calls, nested = self.total, self.calls, self.nested
        total[label] = 0.0
        calls[label] = 0
        nested[label] = 0
        me = self

        def timed(*a: Any, **k: Any) -> Any:  # noqa: ANN401
            me.count += 1
            n0 = me.count
            t0 = clock()
            try:
                return fn(*a, **k)
            finally:
                total[label] += clock() - t0
                calls[label] += 1
                nested[label] += me.count - n0

        return timed

    def install(self) -> None:
        import newsfuse

        mods = [m for name, m in list(sys.modules.items()) if name.startswith("newsfuse") and m is not None]
        for label, spec, _ in PIECES:
            owner, attr, fn = _resolve(spec)
            w = self.wrap(label, fn)
            places = [(owner, attr)]
            if not isinstance(owner, type) and owner.__class__.__name__ == "module":
                places += [(m, a) for m in mods for a, v in list(vars(m).items()) if v is fn and m is not owner]
            for o, a in places:
                old = getattr(o, a)
                setattr(o, a, w)
                self.undo.append(lambda o=o, a=a, old=old: setattr(o, a, old))
        del newsfuse

    def remove(self) -> None:
        for u in reversed(self.undo):
            u()
        self.undo.clear()

    def reset(self) -> None:
        for k in self.total:
            self.total[k] = 0.0
            self.calls[k] = 0
            self.nested[k] = 0


def _overhead() -> float:
    """CPU seconds a wrapped no-op costs beyond the bare call."""
    t = Timers()
    w = t.wrap("x", lambda: None)
    bare = lambda: None  # noqa: E731
    best_w, best_b = 1.0, 1.0
    for _ in range(5):
        t0 = clock()
        for _ in range(20000):
            w()
        best_w = min(best_w, (clock() - t0) / 20000)
        t0 = clock()
        for _ in range(20000):
            bare()
        best_b = min(best_b, (clock() - t0) / 20000)
    return best_w - best_b


def _rows(start: int, n: int, tiny: bool = False) -> list[dict]:
    if tiny:  # the fixed cost per cluster: two 3-sentence articles (profile_pipeline.py's TINY)
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from profile_pipeline import TINY

        return [{"documents": list(TINY)} for _ in range(n)]
    with gzip.open(DATA, "rt", encoding="utf-8") as fh:
        return [json.loads(x) for x in itertools.islice(fh, start, start + n)]


def _run(rows: list[dict], words: int) -> float:
    import newsfuse

    t0 = clock()
    for r in rows:
        try:
            newsfuse.summarize(r["documents"], words=words)
        except Exception:  # noqa: BLE001, S110
            pass
    return clock() - t0


def _one(docs: list[str], words: int) -> float:
    import newsfuse

    t0 = clock()
    try:
        newsfuse.summarize(docs, words=words)
    except Exception:  # noqa: BLE001, S110
        pass
    return clock() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--start", type=int, default=1000)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--words", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--tiny", action="store_true", help="a cluster of two 3-sentence articles, n times: the fixed cost")
    ap.add_argument("--drop", default="", help=f"comma-separated: {', '.join(DROPS)}")
    args = ap.parse_args()
    rows = _rows(args.start, args.n + 20, args.tiny)
    warm, rows = rows[:20], rows[20:]
    _run(warm, args.words)
    over = _overhead()
    med = statistics.median

    t = Timers()
    t.install()
    passes: list[dict[str, float]] = []  # per pass: each piece's median ms
    means: list[dict[str, float]] = []
    ncalls: dict[str, float] = {}
    whole: list[float] = []
    for _ in range(args.repeat):
        per: dict[str, list[float]] = {label: [] for label, _, _ in PIECES}
        cl: dict[str, list[int]] = {label: [] for label, _, _ in PIECES}
        tot: list[float] = []
        for r in rows:
            t.reset()
            t.count = 0
            el = _one(r["documents"], args.words)
            tot.append(el - t.count * over)
            for label in per:
                per[label].append(t.total[label] - t.calls[label] * over / 2 - t.nested[label] * over)
                cl[label].append(t.calls[label])
        whole.append(med(tot))
        passes.append({label: med(v) for label, v in per.items()})
        means.append({label: statistics.fmean(v) for label, v in per.items()})
        ncalls = {label: med(v) for label, v in cl.items()}
    t.remove()
    depth = {label: 0 for label, _, _ in PIECES}
    for label, _, parent in PIECES:
        depth[label] = depth[parent] + 1 if parent else 0
    where = "the tiny cluster" if args.tiny else f"clusters {args.start + 20}-{args.start + 20 + len(rows) - 1}"
    print(f"{where} x {len(rows)}, {args.words} words, thread CPU time, "
          f"timer overhead {over * 1e6:.2f} us a call taken out; whole summarize median per pass "
          + " / ".join(f"{1000 * w:.3f}" for w in whole) + " ms (pass 1: every cluster new to the process)")
    head = "".join(f" {'p' + str(k + 1) + ' med':>8} {'mean':>7}" for k in range(len(passes)))
    print(f"{'piece (ms per cluster)':<44}{head} {'calls':>6}")
    for label, _, _ in PIECES:
        cells = "".join(f" {1000 * p[label]:8.3f} {1000 * m[label]:7.3f}" for p, m in zip(passes, means, strict=True))
        print(f"{'  ' * depth[label] + label:<44}{cells} {ncalls[label]:6.0f}")

    for name in [d for d in args.drop.split(",") if d]:
        parts = [DROPS[p] for p in name.split("+")]  # (a+b: both at once)
        setting = "; ".join(p[0] for p in parts)
        full, dropped = [], []
        for r in rows:
            full.append(_one(r["documents"], args.words))
            undos = [fn() for _, fn in parts]
            try:
                dropped.append(_one(r["documents"], args.words))
            finally:
                for undo in reversed(undos):
                    undo()
        print(f"drop {name} ({setting}): full {1000 * med(full):.3f} ms, without {1000 * med(dropped):.3f} ms, "
              f"median paired saving {1000 * med([a - b for a, b in zip(full, dropped, strict=True)]):.3f} ms")


if __name__ == "__main__":
    main()
