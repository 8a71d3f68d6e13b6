"""Settings shared by the process pools of ``batch`` and ``eval``."""

from __future__ import annotations

import math
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


PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def start_worker(main_pid: int) -> None:
    """A pool's initializer: ``leave_signals_to_the_main_process`` and ``die_with_the_main_process``."""
    leave_signals_to_the_main_process()
    die_with_the_main_process(main_pid)


def die_with_the_main_process(main_pid: int) -> None:
    """In a worker, on Linux: be killed when the process that started it dies. A main process killed with
    SIGKILL (``kill -9``, the out-of-memory killer) cannot stop its workers, which then ran on for good,
    orphaned. Elsewhere a no-op.

    The parent is ``main_pid``, or a forkserver that exits with it. The main process may already be gone
    before the signal is asked for, and then none would come: the worker checks and leaves at once."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    except (ImportError, OSError, AttributeError):  # no ctypes or no prctl (another C library): work on, as elsewhere
        return
    if os.getppid() != main_pid and _gone(main_pid):
        os._exit(1)


def _gone(pid: int) -> bool:
    """A process that has exited (or is a zombie waiting to be reaped: it has exited too). Where /proc cannot be
    read (a sandbox without procfs) only ``kill(pid, 0)`` tells, and a process that may exist is taken as alive:
    a worker that left wrongly would be started again and again by its pool, for ever."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # (PermissionError: it exists)
        pass
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            state = fh.read().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state in ("Z", "X")


# A worker process per core keeps every core busy (the default); twice that is left to a user who wants it.
# Far more only cost memory and start-up: `--workers 3000` ran 20 clusters in 38-96 s instead of 1 s, and
# `--workers 100000` filled 24 GB, the out-of-memory killer took the main process and left thousands of
# workers running.
WORKERS_PER_CPU = 2


def pool_size(requested: int | None, tasks: int | None, command: str, per_task: int = 1,
              machine_cap: bool = True) -> int:
    """Worker processes worth starting: ``requested`` (default: one per core), but no more than
    WORKERS_PER_CPU per core (unless ``machine_cap`` is off: Ray's workers run on other machines) nor than
    the tasks there are (``tasks`` items handed out ``per_task`` at a time; None when not known cheaply).
    A request that is lowered is said in one line on standard error, so the user is not left guessing."""
    cpus = os.cpu_count() or 1
    size = requested or cpus
    why = ""
    if machine_cap and size > cpus * WORKERS_PER_CPU:
        size, why = cpus * WORKERS_PER_CPU, f"at most {WORKERS_PER_CPU} per core, {cpus} cores here"
    if tasks is not None and size > max(1, math.ceil(tasks / per_task)):
        size = max(1, math.ceil(tasks / per_task))
        why = f"only {tasks} cluster{'s' if tasks != 1 else ''}" + (f", {per_task} per task" if per_task > 1 else "")
    if requested and size < requested:
        import click

        click.echo(f"newsfuse {command}: --workers {requested} lowered to {size} ({why})", err=True)
    return size


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
