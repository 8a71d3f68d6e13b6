"""Settings shared by the process pools of ``batch`` and ``eval``."""

from __future__ import annotations

import os
import signal
import sys

_THREAD_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def one_math_thread_per_worker() -> None:
    """Ask NumPy/SciPy's BLAS in worker processes for one thread each.

    Worker processes already use every core; each one starting its own BLAS threads only
    makes them fight (measured on 2 cores: TAC 2011 newsfuse 0.16 -> 0.11 s per cluster).
    Must run before the pool starts its processes; a value the user set is kept.
    """
    for var in _THREAD_VARS:
        os.environ.setdefault(var, "1")


def leave_signals_to_the_main_process() -> None:
    """In a worker: ignore Ctrl-C (the terminal sends it to every process of the run) and die at once on
    SIGTERM; the main process stops the workers and says so in one line, instead of a traceback per worker."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


# Progress bars redraw every 0.1 s on a terminal; written to a log file or a pipe, each redraw is kept,
# so a two-minute run left about a thousand carriage-return updates on one line. Off a terminal, redraw
# every LOG_PROGRESS_SECONDS instead.
LOG_PROGRESS_SECONDS = 30.0


def progress_interval() -> float:
    """tqdm's ``mininterval`` for progress on standard error: 0.1 s on a terminal, else LOG_PROGRESS_SECONDS."""
    try:
        tty = sys.stderr.isatty()
    except (AttributeError, ValueError):  # closed or replaced standard error
        tty = False
    return 0.1 if tty else LOG_PROGRESS_SECONDS
