"""The ``newsfuse`` command: a thin layer over the library.

Subcommands live in their own modules and are imported only when used, so
``newsfuse summarize`` never pays for FastAPI, sumy or Ray.
"""

from __future__ import annotations

import importlib
import re
import signal
import sys
import threading
from types import FrameType
from typing import Any

import click

from newsfuse.errors import NewsfuseError, Stopped

# command name -> "module:attribute" of a click.Command
LAZY_COMMANDS = {
    "summarize": "newsfuse.cli_summarize:summarize_command",
    "batch": "newsfuse.batch:batch_command",
    "eval": "newsfuse.evaluate.cli:eval_command",
    "serve": "newsfuse.server:serve_command",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(LAZY_COMMANDS))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in LAZY_COMMANDS:
            module, attr = LAZY_COMMANDS[cmd_name].split(":")
            try:
                cmd: click.Command = getattr(importlib.import_module(module), attr)
            except ImportError as e:
                missing = e.name or str(e)
                raise click.ClickException(
                    f"'{cmd_name}' needs the optional package '{missing}': pip install 'newsfuse[all]'"
                ) from None
            return cmd
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsfuse")
def cli() -> None:
    """newsfuse: one short, attributed brief from many outlets' articles about a story.

    Example: newsfuse summarize examples/lakeport-bridge --words 120
    """


def _on_signal(signum: int, frame: FrameType | None) -> None:
    raise Stopped(signum)


_CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f]")


def one_line(message: str) -> str:
    """A message as one line, control characters escaped: a file name or URL with a line break (or a
    terminal escape sequence) in it must not split the line (or drive the terminal)."""
    return _CONTROL_RE.sub(lambda m: repr(m.group())[1:-1], message)


def joined(message: str) -> str:
    """click's message (a usage error may run over lines) as one line."""
    return " ".join(line.strip() for line in message.splitlines() if line.strip())


def main(argv: list[str] | None = None) -> None:
    """Entry point: one-line errors on stderr, exit 2 for bad input, never a traceback."""
    if threading.current_thread() is not threading.main_thread():
        _main(argv)
        return
    # Ctrl-C and `kill PID` stop a run the same way: batch's workers are stopped, its finished lines kept
    previous = {sig: signal.signal(sig, _on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        _main(argv)
    finally:
        for sig, handler in previous.items():
            if handler is not None:
                signal.signal(sig, handler)


def _main(argv: list[str] | None) -> None:
    try:
        cli.main(args=argv, standalone_mode=False)
    except click.exceptions.Abort as e:
        if isinstance(e.__cause__, EOFError):  # click turns every EOFError into Abort, not only Ctrl-D
            click.echo(one_line(f"newsfuse: internal error: EOFError: {e.__cause__}"), err=True)
            sys.exit(1)
        click.echo("newsfuse: aborted", err=True)
        sys.exit(130)
    except Stopped as e:
        click.echo(f"newsfuse: {'interrupted' if e.signum == signal.SIGINT else 'terminated'}", err=True)
        sys.exit(128 + e.signum)
    except click.UsageError as e:
        click.echo(f"newsfuse: {joined(e.format_message())}", err=True)
        sys.exit(2)
    except click.ClickException as e:
        click.echo(f"newsfuse: {joined(e.format_message())}", err=True)
        sys.exit(2)
    except NewsfuseError as e:
        click.echo(one_line(f"newsfuse: error: {e}"), err=True)
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        click.echo("newsfuse: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except MemoryError:
        click.echo("newsfuse: error: out of memory", err=True)
        sys.exit(2)
    except Exception as e:  # noqa: BLE001 - last line of defence: one line, not a traceback
        click.echo(one_line(f"newsfuse: internal error: {type(e).__name__}: {e}"), err=True)
        sys.exit(1)
    sys.exit(0)


def run(*args: Any) -> None:  # pragma: no cover - convenience for `python -m newsfuse`
    main(list(args) or None)
