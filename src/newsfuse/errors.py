"""Every error newsfuse reports to a user, in one place.

``NewsfuseError`` carries a one-line message; the CLI prints it on stderr and
exits with status 2, the server answers it with a 4xx JSON body.
"""

from __future__ import annotations


class NewsfuseError(Exception):
    """A problem with the user's input or request: one line, no traceback."""

    exit_code = 2


class InputError(NewsfuseError):
    """Bad, missing, empty, binary or undecodable input."""


class FetchError(InputError):
    """A URL could not be fetched (unreachable, too large, timed out, not text)."""


class WorkerDied(NewsfuseError):
    """A worker process was killed (the system's out-of-memory killer, a signal): not the input's fault."""

    exit_code = 1


class MissingDependency(NewsfuseError):
    """An optional extra is not installed; the message names the exact fix."""

    def __init__(self, module: str, extra: str) -> None:
        super().__init__(
            f"this feature needs the optional package '{module}': "
            f"pip install 'newsfuse[{extra}]'"
        )


class Stopped(BaseException):
    """SIGINT (Ctrl-C) or SIGTERM (``kill PID``) arrived: the CLI stops its workers, keeps finished output,
    says so in one line and exits 128 + the signal number.

    A BaseException, like KeyboardInterrupt, so that no ``except Exception`` swallows it; not a
    KeyboardInterrupt, which click turns into a blank line and "Aborted"."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def empty_cluster() -> InputError:
    return InputError("no article text left: every document is empty or only web-page clutter")
