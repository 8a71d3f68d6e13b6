"""The ``newsfuse`` command's entry point, light to import.

Loading the pipeline (numpy, scipy, the models) takes about 0.4 s, and a Ctrl-C or ``kill`` in that time met
Python's default handlers: a KeyboardInterrupt traceback, or a silent death. Until ``newsfuse.cli`` has
loaded and installs its own handlers, either signal ends the process with the same one line and exit status
(130, 143) that a run stopped later gets; nothing has started that could be lost.
"""

from __future__ import annotations

import os
import signal
import sys
from types import FrameType


def _stop_while_loading(signum: int, frame: FrameType | None) -> None:
    sys.stderr.write(f"newsfuse: {'interrupted' if signum == signal.SIGINT else 'terminated'}\n")
    sys.stderr.flush()
    os._exit(128 + signum)


def main() -> None:
    for sig in (signal.SIGINT, signal.SIGTERM):  # (cli.main installs its own in their place, with no gap between)
        signal.signal(sig, _stop_while_loading)
    from newsfuse.cli import main as cli_main

    cli_main()
