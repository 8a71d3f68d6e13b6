"""``newsfuse eval``: score newsfuse and its peers with ROUGE on a JSONL(.gz) file of clusters."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import click

from newsfuse.errors import InputError
from newsfuse.evaluate.methods import DEFAULT_METHODS, METHODS, SPLITTERS

SHARED_NAMES = ("multi_news_val.jsonl.gz", "tac2011_multiling_en.jsonl")


def shared_data_dir() -> Path:
    """``../shared/data`` beside the checkout (the project's benchmark data; never copied into the repo)."""
    return Path(__file__).resolve().parents[3].parent / "shared" / "data"


def check_input(path: Path) -> None:
    from newsfuse.load import path_kind

    kind = path_kind(path)
    if kind is not None:
        if kind == "dir":
            raise InputError(f"{path} is a directory: give a JSONL or JSONL.gz file of clusters")
        return
    if path.name in SHARED_NAMES or "shared/data" in path.as_posix():
        raise InputError(
            f"no such file: {path}: put the benchmark data in ../shared/data beside the checkout "
            f"(see ../shared/data/README.md), or give the path of any JSONL(.gz) file of clusters"
        )
    raise InputError(f"no such file: {path}")


def _methods(value: str) -> tuple[str, ...]:
    """The comma-separated names, in order, without repeats; ``all`` stands for every method."""
    names: list[str] = []
    for m in (m.strip().lower() for m in value.split(",") if m.strip()):
        if m == "all":
            names += METHODS
        elif m in METHODS:
            names.append(m)
        else:
            raise click.BadParameter(f"unknown method {m!r}: choose from {', '.join(METHODS)} or all",
                                     param_hint="--methods")
    if not names:
        raise click.BadParameter("give at least one method", param_hint="--methods")
    return tuple(dict.fromkeys(names))


@click.command("eval")
@click.argument("in_path", metavar="IN", type=click.Path(path_type=Path))
@click.option("--words", type=click.IntRange(1, 5000), default=None,
              help="Word budget: every summary is truncated to it before scoring (Perl: -l N).  [default: 100]")
@click.option("--bytes", "bytes_", type=click.IntRange(1, 50_000), default=None,
              help="Byte budget instead of words, DUC style (DUC 2004: --bytes 665): summaries are filled and "
                   "truncated by UTF-8 bytes as ROUGE-1.5.5 -b counts them (sentence bytes, not the spaces "
                   "joining sentences); Perl runs with -b N.")
@click.option("--methods", "methods_", default=",".join(DEFAULT_METHODS), show_default=True,
              help="Comma-separated methods to compare, or 'all' for every one: newsfuse; lead; sumy's lexrank, "
                   "textrank, lsa, luhn, sumbasic, kl (KL-Sum); centroid (MEAD), mmr, ilp (Gillick-Favre concept "
                   "ILP), submodular (Lin-Bilmes); oracle (greedy ROUGE upper bound, needs references).")
@click.option("--scorer", type=click.Choice(["rouge-score", "perl", "both"]), default="rouge-score", show_default=True,
              help="rouge-score (fast), the official Perl ROUGE-1.5.5, or both.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score only the first K clusters.")
@click.option("--report", "report_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Write report.md, per-cluster JSONL and a PNG chart here.")
@click.option("--splitter", type=click.Choice(sorted(SPLITTERS)), default="punkt", show_default=True,
              help="Sentence splitter for the peers and the references.")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker processes (default: all cores).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def eval_command(in_path: Path, words: int | None, bytes_: int | None, methods_: str, scorer: str, limit: int | None, report_dir: Path | None,
                 splitter: str, workers: int | None, quiet: bool) -> None:
    """Score METHODS with ROUGE on the clusters of IN (JSONL or JSONL.gz with "summaries").

    Prints one table: per method, ROUGE-1/2/L recall and F1 with 95% bootstrap intervals over clusters,
    the median seconds per cluster and the number of clusters.

    The budget is --words N (default 100) or --bytes N, not both. DUC 2004 style (ROUGE-1/2 recall at 665
    bytes): newsfuse eval ../shared/data/tac2011_multiling_en.jsonl --bytes 665 --scorer both

    Example: newsfuse eval ../shared/data/multi_news_val.jsonl.gz --limit 1000 --words 100
    """
    from newsfuse.evaluate.harness import evaluate
    from newsfuse.evaluate.report import format_table, write_report
    from newsfuse.evaluate.scorers import perl_status

    if words is not None and bytes_ is not None:
        raise click.UsageError("give one budget: --words or --bytes, not both")
    methods = _methods(methods_)
    check_input(in_path)
    scorers = ("rouge-score", "perl") if scorer == "both" else (scorer,)
    if "perl" in scorers:
        why = perl_status()
        if why:
            raise InputError(f"--scorer {scorer} needs the official ROUGE-1.5.5: {why}")
    if report_dir is not None:  # a report that cannot be written fails now, not after the whole run
        try:
            report_dir.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise InputError(f"cannot write the report to {report_dir}: {e.strerror or e}") from None
    result = evaluate(in_path, methods, words=words, bytes=bytes_, scorers=scorers, splitter=splitter, limit=limit,
                      workers=workers, progress=not quiet)
    if not result.clusters:
        raise InputError(f"{in_path}: no cluster with reference summaries to score against")
    click.echo(format_table(result))
    if result.skipped:
        click.echo(f"newsfuse: note: {result.skipped} cluster{'s' if result.skipped != 1 else ''} without reference "
                   f"summaries not scored", err=True)
    if report_dir is not None:
        try:
            path = write_report(result, report_dir, command="newsfuse " + shlex.join(sys.argv[1:]))
        except OSError as e:
            raise InputError(f"cannot write the report to {report_dir}: {e.strerror or e}") from None
        click.echo(f"report: {path}", err=True)
