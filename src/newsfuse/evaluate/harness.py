"""The evaluation harness: run methods over clusters in worker processes, score, aggregate with bootstrap CIs.

For each cluster a worker splits the documents once with the chosen splitter (the time is charged to
every peer that uses the split), runs each method, truncates every summary to the budget (words, or bytes
as ROUGE-1.5.5 ``-b`` counts them; identically for all methods), and scores it with ``rouge-score`` when
asked. Perl ROUGE-1.5.5, when asked, runs afterwards over all clusters of a method at once (one Perl process per method, in parallel).

A method that fails on a cluster (newsfuse raising InputError on a cluster of junk, say) is recorded with
its error and scored as an empty summary (zero), so every method is averaged over the same clusters.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import statistics
import sys
import time
from collections.abc import Iterable, Iterator, Sequence, Sized
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from newsfuse.evaluate.methods import (
    METHODS,
    UNITS,
    USES_SPLITTER,
    Unit,
    n_bytes,
    split_documents,
    truncate_to,
)
from newsfuse.evaluate.scorers import METRICS, Scores, perl_rouge, rouge_score
from newsfuse.model import Cluster
from newsfuse.workers import pool_size, progress_interval

BOOTSTRAP = 1000
SEED = 20240601


DEFAULT_WORDS = 100
CHUNK = 4  # clusters handed to a worker at a time


@dataclass(frozen=True)
class EvalConfig:
    methods: tuple[str, ...]
    budget: int = DEFAULT_WORDS
    unit: Unit = "words"  # or "bytes" (DUC style: ROUGE-1.5.5 -b)
    scorers: tuple[str, ...] = ("rouge-score",)
    splitter: str = "punkt"

    def __post_init__(self) -> None:
        if self.unit not in UNITS:
            raise ValueError(f"unknown budget unit {self.unit!r}: choose from {', '.join(UNITS)}")

    @property
    def words(self) -> int | None:
        return self.budget if self.unit == "words" else None

    @property
    def bytes(self) -> int | None:
        return self.budget if self.unit == "bytes" else None

    def describe(self) -> str:
        """The budget as the report shows it: "100 words", "665 bytes"."""
        return f"{self.budget} {self.unit}"


@dataclass
class MethodRun:
    summary: list[str]
    seconds: float
    error: str | None = None
    scores: dict[str, Scores] = field(default_factory=dict)  # scorer -> scores


@dataclass
class ClusterRun:
    id: str
    references: list[list[str]]  # each reference, split into sentences
    runs: dict[str, MethodRun]


@dataclass
class Row:
    method: str
    scorer: str
    n: int
    errors: int
    median_seconds: float
    # metric -> kind ("r"/"p"/"f") -> (mean, ci_low, ci_high), in ROUGE points (0-100)
    scores: dict[str, dict[str, tuple[float, float, float]]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "method": self.method, "scorer": self.scorer, "n": self.n, "errors": self.errors,
            "median_seconds": self.median_seconds,
            "scores": {m: {k: list(v) for k, v in d.items()} for m, d in self.scores.items()},
        }


@dataclass
class Paired:
    """``base`` against one other method, cluster by cluster (the same clusters, the same resamples)."""

    base: str
    method: str
    scorer: str
    n: int
    # metric -> kind ("r"/"f") -> (mean of base - method, ci_low, ci_high), in ROUGE points
    diffs: dict[str, dict[str, tuple[float, float, float]]]
    time_ratio: float | None  # base's median seconds per cluster over the method's (None: the method took no time)

    def to_dict(self) -> dict[str, Any]:
        return {"base": self.base, "method": self.method, "scorer": self.scorer, "n": self.n,
                "diffs": {m: {k: list(v) for k, v in d.items()} for m, d in self.diffs.items()},
                "time_ratio": self.time_ratio}


@dataclass
class EvalResult:
    config: EvalConfig
    clusters: list[ClusterRun]
    rows: list[Row]
    skipped: int = 0  # clusters without references
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)
    paired: list[Paired] = field(default_factory=list)  # PAIRED_BASE against each other method


# --- one cluster (runs in a worker) --------------------------------------------------------------------


def run_cluster(cid: str, documents: Sequence[str], references: Sequence[str], cfg: EvalConfig) -> ClusterRun:
    refs = [s for s in split_documents(references, cfg.splitter) if s]
    sentences: list[list[str]] | None = None
    split_seconds = 0.0
    if any(m in USES_SPLITTER for m in cfg.methods):
        t0 = time.perf_counter()
        sentences = split_documents(documents, cfg.splitter)
        split_seconds = time.perf_counter() - t0
    runs: dict[str, MethodRun] = {}
    for name in cfg.methods:
        fn = METHODS[name]
        t0 = time.perf_counter()
        error = None
        try:
            out = fn(list(documents), cfg.budget, sentences=sentences if name in USES_SPLITTER else None,
                     references=list(references), splitter=cfg.splitter, unit=cfg.unit)
        except Exception as e:  # noqa: BLE001 - recorded per cluster, scored as an empty summary
            out, error = [], f"{type(e).__name__}: {e}"
        seconds = time.perf_counter() - t0 + (split_seconds if name in USES_SPLITTER else 0.0)
        run = MethodRun(summary=truncate_to(out, cfg.budget, cfg.unit), seconds=seconds, error=error)
        if "rouge-score" in cfg.scorers:
            run.scores["rouge-score"] = rouge_score(run.summary, refs)
        runs[name] = run
    return ClusterRun(id=cid, references=refs, runs=runs)


def _work(task: tuple[str, list[str], list[str], EvalConfig]) -> ClusterRun:
    return run_cluster(*task)


_WARM_DOCS = [
    "The city closed the Fulton Street Bridge on Tuesday after inspectors found cracks in two girders. "
    "Repairs will take six weeks, officials said.",
    "Inspectors found cracks in two girders of the Fulton Street Bridge, and the city closed it on Tuesday. "
    "The bridge carries 18,000 vehicles a day.",
]


def warm_up(cfg: EvalConfig) -> None:
    """Run every method once on a tiny cluster, so model loading and imports are not timed as a cluster's
    work (a long batch pays them once; the first clusters of a short run would otherwise carry them)."""
    for name in cfg.methods:
        try:
            METHODS[name](list(_WARM_DOCS), 20 if cfg.unit == "words" else 120,
                          sentences=split_documents(_WARM_DOCS, cfg.splitter), references=[_WARM_DOCS[0]],
                          splitter=cfg.splitter, unit=cfg.unit)
        except Exception:  # noqa: BLE001 - a warm-up failure shows up again, and is recorded, on real clusters
            pass


def _start_worker(cfg: EvalConfig, main_pid: int) -> None:
    from newsfuse.workers import start_worker

    start_worker(main_pid)
    warm_up(cfg)


# --- aggregation -----------------------------------------------------------------------------------------


def bootstrap_ci(values: np.ndarray, idx: np.ndarray) -> tuple[float, float, float]:
    """Mean and 95 % percentile-bootstrap interval (resampling clusters with ``idx``), in points."""
    if len(values) == 0:
        return (0.0, 0.0, 0.0)
    means = values[idx].mean(axis=1)
    lo, hi = np.percentile(means, [2.5, 97.5])
    return (100 * float(values.mean()), 100 * float(lo), 100 * float(hi))


def _resamples(n: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return rng.integers(0, n, size=(BOOTSTRAP, n)) if n else np.zeros((BOOTSTRAP, 0), dtype=int)


def aggregate(clusters: list[ClusterRun], cfg: EvalConfig, seed: int = SEED) -> list[Row]:
    n = len(clusters)
    idx = _resamples(n, seed)
    rows = []
    for scorer in cfg.scorers:
        for name in cfg.methods:
            runs = [c.runs[name] for c in clusters]
            scores: dict[str, dict[str, tuple[float, float, float]]] = {}
            for m in METRICS:
                scores[m] = {}
                for kind in ("r", "p", "f"):
                    vals = np.array([r.scores[scorer][m][kind] for r in runs], dtype=float)
                    scores[m][kind] = bootstrap_ci(vals, idx)
            rows.append(Row(
                method=name, scorer=scorer, n=n, errors=sum(r.error is not None for r in runs),
                median_seconds=statistics.median([r.seconds for r in runs]) if runs else 0.0, scores=scores,
            ))
    return rows


PAIRED_BASE = "newsfuse"


def paired(clusters: list[ClusterRun], cfg: EvalConfig, base: str = PAIRED_BASE, seed: int = SEED) -> list[Paired]:
    """``base`` against every other method of the run: the mean per-cluster difference of each score with a
    95 % paired bootstrap interval (narrower than comparing two methods' own intervals: the clusters' own
    difficulty cancels), and the ratio of median seconds per cluster. Empty when ``base`` did not run."""
    others = [m for m in cfg.methods if m != base]
    if base not in cfg.methods or not others or not clusters:
        return []
    idx = _resamples(len(clusters), seed)
    base_seconds = statistics.median(c.runs[base].seconds for c in clusters)
    out = []
    for scorer in cfg.scorers:
        for name in others:
            diffs: dict[str, dict[str, tuple[float, float, float]]] = {}
            for m in METRICS:
                diffs[m] = {}
                for kind in ("r", "f"):
                    d = np.array([c.runs[base].scores[scorer][m][kind] - c.runs[name].scores[scorer][m][kind]
                                  for c in clusters], dtype=float)
                    diffs[m][kind] = bootstrap_ci(d, idx)
            theirs = statistics.median(c.runs[name].seconds for c in clusters)
            out.append(Paired(base=base, method=name, scorer=scorer, n=len(clusters), diffs=diffs,
                              time_ratio=base_seconds / theirs if theirs > 0 else None))
    return out


def perl_notes(clusters: list[ClusterRun], cfg: EvalConfig) -> list[str]:
    """What Perl's own truncation does to the references, when they are longer than the budget."""
    n = cfg.budget
    if cfg.unit == "words":
        longest = max(len(" ".join(r).split()) for c in clusters for r in c.references)
        if longest <= n:
            return []
        return [f"Perl ROUGE-1.5.5 -l {n} also truncates the references (up to {longest} words here) to "
                f"{n} words: its recall is against the references' first {n} words; prefer rouge-score."]
    # bytes as -b counts them: each reference line's bytes, the joining spaces not counted
    longest = max(sum(n_bytes(s) for s in r) for c in clusters for r in c.references)
    if longest <= n:
        return []
    return [f"Perl ROUGE-1.5.5 -b {n} also truncates the references (up to {longest} bytes here) to {n} bytes "
            f"for ROUGE-1/2, as in published DUC figures: its recall is against the references' first {n} bytes "
            f"(rouge-score's against the whole references). Its ROUGE-L does not truncate them (under -b "
            f"readText_LCS never adds up the bytes; it only cuts a single sentence of {n} bytes or more): ROUGE-L "
            f"recall divides by the whole references while matches count only words of their first {n} bytes, "
            f"so Perl's ROUGE-L is not comparable with its ROUGE-1/2 here."]


# --- the run ---------------------------------------------------------------------------------------------


def iter_tasks(clusters: Iterable[Cluster], cfg: EvalConfig, limit: int | None,
               skipped: list[int]) -> Iterator[tuple[str, list[str], list[str], EvalConfig]]:
    taken = 0
    for c in clusters:
        if limit is not None and taken >= limit:
            return
        refs = [s for s in c.summaries if s.strip()]
        if not refs:
            skipped[0] += 1
            continue
        taken += 1
        yield c.id, [d.text for d in c.documents], refs, cfg


def _start_pool(workers: int, cfg: EvalConfig) -> Any:
    """A pool of ``workers`` processes, or None when the system will not start one (no semaphores, a
    resource tracker that cannot run: seen as another user's virtual environment): the run goes on in this
    process, said in one line, instead of ending with exit 1 and no message."""
    from newsfuse.workers import one_math_thread_per_worker

    one_math_thread_per_worker()
    ctx = mp.get_context("forkserver" if sys.platform != "win32" else "spawn")
    try:
        return ctx.Pool(workers, initializer=_start_worker, initargs=(cfg, os.getpid()))
    except OSError as e:
        print(f"newsfuse eval: cannot start worker processes ({e.strerror or e}): running in this process",
              file=sys.stderr)
        _quiet_multiprocessing_cleanup()
        return None


def _quiet_multiprocessing_cleanup() -> None:
    """After a pool failed to start, multiprocessing's finalizers still try to unregister its half-made
    semaphores with the dead resource tracker, and print a traceback for each at exit; those (only those)
    are not shown."""
    import warnings

    warnings.filterwarnings("ignore", message="resource_tracker", category=UserWarning)
    previous = sys.unraisablehook

    def hook(u: Any) -> None:
        if isinstance(u.exc_value, OSError) and type(u.object).__module__.startswith("multiprocessing"):
            return
        previous(u)

    sys.unraisablehook = hook


def _most_clusters(source: str | Path | Iterable[Cluster], limit: int | None) -> int | None:
    """At most how many clusters a run scores, when that is cheap to know (a file's lines, a list's length,
    --limit): no worker is started that would only warm up and wait."""
    counts = [limit] if limit is not None else []
    if isinstance(source, (str, Path)):
        from newsfuse.load import count_lines

        if os.path.isfile(source):  # not a pipe (`<(zcat ...)`): counting would consume it
            counts.append(count_lines(Path(source)))
    elif isinstance(source, Sized):
        counts.append(len(source))
    return min(counts) if counts else None


def evaluate(
    source: str | Path | Iterable[Cluster],
    methods: Sequence[str],
    words: int | None = None,
    scorers: Sequence[str] = ("rouge-score",),
    splitter: str = "punkt",
    limit: int | None = None,
    workers: int | None = None,
    progress: bool = True,
    bytes: int | None = None,
) -> EvalResult:
    """Run and score ``methods`` on the clusters of a JSONL(.gz) file (a path) or on given Clusters.

    The budget is ``words`` (default 100) or ``bytes`` (DUC style, as ROUGE-1.5.5 ``-b`` counts), not both.
    """
    unknown = [m for m in methods if m not in METHODS]
    if unknown:
        raise ValueError(f"unknown method {unknown[0]!r}: choose from {', '.join(METHODS)}")
    if words is not None and bytes is not None:
        raise ValueError("give one budget: words or bytes, not both")
    unit: Unit = "bytes" if bytes is not None else "words"
    budget = bytes if bytes is not None else (words if words is not None else DEFAULT_WORDS)
    cfg = EvalConfig(methods=tuple(methods), budget=budget, unit=unit, scorers=tuple(scorers), splitter=splitter)
    t0 = time.perf_counter()
    skipped = [0]
    workers = pool_size(workers, _most_clusters(source, limit), "eval", per_task=CHUNK)
    if isinstance(source, (str, Path)):
        from newsfuse.load import read_clusters

        source = read_clusters(source)
    tasks = iter_tasks(source, cfg, limit, skipped)
    from tqdm import tqdm

    clusters: list[ClusterRun] = []
    with tqdm(total=limit, unit="cluster", file=sys.stderr, disable=not progress, desc="newsfuse eval",
              dynamic_ncols=True, mininterval=progress_interval()) as bar:
        pool = _start_pool(workers, cfg) if workers > 1 else None
        if pool is None:
            warm_up(cfg)
            for task in tasks:
                clusters.append(_work(task))
                bar.update(1)
        else:
            with pool:
                for res in pool.imap(_work, tasks, chunksize=CHUNK):
                    clusters.append(res)
                    bar.update(1)
    notes: list[str] = []
    if "perl" in cfg.scorers and clusters:
        notes += perl_notes(clusters, cfg)

        def perl_for(name: str) -> list[Scores]:
            return perl_rouge([c.runs[name].summary for c in clusters], [c.references for c in clusters],
                              words=cfg.words, bytes=cfg.bytes)

        with ThreadPoolExecutor(max_workers=workers) as ex:
            results = dict(zip(cfg.methods, ex.map(perl_for, cfg.methods), strict=True))
        for name, per in results.items():
            for c, sc in zip(clusters, per, strict=True):
                c.runs[name].scores["perl"] = sc
    rows = aggregate(clusters, cfg)
    return EvalResult(config=cfg, clusters=clusters, rows=rows, skipped=skipped[0],
                      seconds=time.perf_counter() - t0, notes=notes, paired=paired(clusters, cfg))
