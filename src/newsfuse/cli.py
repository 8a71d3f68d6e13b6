"""The ``newsfuse`` command: a thin layer over the library.

Subcommands live in their own modules and are imported only when used, so
``newsfuse summarize`` never pays for FastAPI, sumy or Ray.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from newsfuse.errors import NewsfuseError

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


def main(argv: list[str] | None = None) -> None:
    """Entry point: one-line errors on stderr, exit 2 for bad input, never a traceback."""
    try:
        cli.main(args=argv, standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("newsfuse: aborted", err=True)
        sys.exit(130)
    except click.UsageError as e:
        click.echo(f"newsfuse: {e.format_message()}", err=True)
        sys.exit(2)
    except click.ClickException as e:
        click.echo(f"newsfuse: {e.format_message()}", err=True)
        sys.exit(2)
    except NewsfuseError as e:
        click.echo(f"newsfuse: error: {e}", err=True)
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
        click.echo(f"newsfuse: internal error: {type(e).__name__}: {e}", err=True)
        sys.exit(1)
    sys.exit(0)


def run(*args: Any) -> None:  # pragma: no cover - convenience for `python -m newsfuse`
    main(list(args) or None)
