"""Every error newsfuse reports to a user, in one place.

``NewsfuseError`` carries a one-line message; the CLI prints it on stderr and
exits with status 2, the server answers it with a 4xx JSON body.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


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


# Scripts written without spaces between words and without a sentence-ending mark (Thai, Lao, Khmer, Burmese,
# Tibetan): newsfuse cannot tell their sentences apart, so their text never makes a sentence to quote.
_UNSPLITTABLE_SCRIPT = re.compile(r"[\u0e00-\u0eff\u1780-\u17ff\u1000-\u109f\u0f00-\u0fff]")


def empty_cluster(texts: Iterable[str] = ()) -> InputError:
    """The error for a cluster with nothing left to summarize (``texts``: the documents as given, to say why)."""
    sample = "".join(t[:2000] for t in texts)
    letters = sum(ch.isalpha() for ch in sample)
    if letters and len(_UNSPLITTABLE_SCRIPT.findall(sample)) > letters / 2:
        return InputError("no sentence to quote: the text is written in Thai, Lao, Khmer, Burmese or Tibetan script, "
                          "which newsfuse cannot split into sentences")
    return InputError("no article text left: every document is empty or only web-page clutter")


def exception_line(e: BaseException) -> str:
    """A library's exception (pypdf's, zipfile's) as one line of at most 120 characters, for a message naming the file."""
    text = " ".join(str(e).split())
    return (text[:120] + "...") if len(text) > 120 else text or type(e).__name__
