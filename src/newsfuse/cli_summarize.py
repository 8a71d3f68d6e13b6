"""``newsfuse summarize``: one cluster in, one brief out."""

from __future__ import annotations

import logging
import sys

import click

from newsfuse.load import load_inputs
from newsfuse.pipeline import summarize
from newsfuse.render import FORMATS


class _StderrHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"newsfuse: warning: {record.getMessage()}", err=True)


def setup_warnings() -> None:
    log = logging.getLogger("newsfuse")
    if not any(isinstance(h, _StderrHandler) for h in log.handlers):
        log.addHandler(_StderrHandler())
        log.setLevel(logging.WARNING)
        log.propagate = False


@click.command("summarize")
@click.argument("paths", nargs=-1)
@click.option("--url", "urls", multiple=True, metavar="URL", help="Fetch an article from a URL (repeatable).")
@click.option("--cluster", default=None, metavar="ID", help="Pick one cluster from a JSON/JSONL file of several.")
@click.option("--words", type=int, default=None, help="Length budget in words (default 120).")
@click.option("--sentences", type=int, default=None, help="Length budget in sentences.")
@click.option("--bytes", "nbytes", type=int, default=None, help="Length budget in bytes (DUC: 665).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--no-clean", is_flag=True, help="Skip clutter removal (text is used as given).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None, help="Write here instead of stdout.")
def summarize_command(
    paths: tuple[str, ...],
    urls: tuple[str, ...],
    cluster: str | None,
    words: int | None,
    sentences: int | None,
    nbytes: int | None,
    fmt: str,
    no_clean: bool,
    output: str | None,
) -> None:
    """Summarize the articles about one story into a short, attributed brief.

    PATHS are text or HTML files, directories of them, JSON/JSONL(.gz) cluster
    files, Multi-News files (articles separated by |||||), or - for stdin.

    Example: newsfuse summarize examples/lakeport-bridge --words 120 --format markdown
    """
    setup_warnings()
    if not paths and not urls:
        raise click.UsageError("give at least one PATH, '-' for stdin, or --url URL")
    docs = load_inputs(list(paths), list(urls), cluster=cluster, stdin=sys.stdin)
    brief = summarize(docs, words=words, sentences=sentences, bytes=nbytes, clean=not no_clean)
    text = brief.render(fmt)
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        click.echo(text, nl=False)
