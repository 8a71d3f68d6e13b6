"""``newsfuse summarize``: one cluster in, one brief out."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from newsfuse.cli import one_line
from newsfuse.errors import InputError
from newsfuse.load import load_inputs
from newsfuse.pipeline import summarize
from newsfuse.render import FORMATS


class _StderrHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        click.echo(one_line(f"newsfuse: warning: {record.getMessage()}"), err=True)


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
    if output:
        check_output(output)  # before the work, not after it
    elif sys.stdout is None:  # started with standard output closed (`>&-`): click would drop the brief
        raise InputError("standard output is closed: give -o FILE to keep the brief")
    docs = load_inputs(list(paths), list(urls), cluster=cluster, stdin=sys.stdin)
    brief = summarize(docs, words=words, sentences=sentences, bytes=nbytes, clean=not no_clean)
    text = brief.render(fmt)
    if output:
        try:
            with open(output, "w", encoding="utf-8") as fh:
                fh.write(text)
        except OSError as e:
            raise InputError(f"cannot write {output}: {e.strerror or e}") from None
    else:
        try:
            click.echo(text, nl=False)
            sys.stdout.flush()
        except BrokenPipeError:
            raise  # `newsfuse summarize ... | head`: the reader has seen enough
        except OSError as e:
            raise InputError(f"cannot write the brief to standard output: {e.strerror or e}") from None


def check_output(output: str) -> None:
    """The folder of ``-o FILE`` must exist and be a folder (the file itself may be new)."""
    parent = Path(output).parent
    if not parent.exists():
        raise InputError(f"cannot write {output}: no such directory {parent}")
    if not parent.is_dir():
        raise InputError(f"cannot write {output}: {parent} is not a directory")
