"""Worker processes for ``newsfuse serve``'s heavy requests: one job at a time each, killed at its deadline.

A thread cannot be stopped: a request whose files (or very long texts) take long to read kept its server thread
after its 503, for as long as the reading took (14-18 s for a hostile PDF), and a few of them at once took every
thread. Here such a request runs in a process of a small pool; at the request's deadline, or when the process
grows past a memory cap, the parent kills it (SIGKILL) and starts another in its place.

The processes come from a forkserver (the server process has threads; forking it could copy a lock held by one
of them) that has already imported the pipeline and summarized once, so a new one is ready in milliseconds. Light to
import: no FastAPI here (the processes never serve HTTP).
"""

from __future__ import annotations

import os
import sys
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from newsfuse.errors import NewsfuseError

DEAD_STARTS = 3  # processes in a row that die before they are ready: they always will; read on threads instead
POLL_SECONDS = 0.05  # how often a waiting job's process is checked for memory (and liveness)
WORKER_NICE = 5  # worker processes yield the CPU to the server's own threads (small requests) when both want it
PRELOAD = ["newsfuse.serve_pool", "newsfuse.pipeline", "newsfuse.load", "newsfuse._serve_warm"]


class JobTimeout(TimeoutError):
    """The job overran its deadline and its process was killed. ``stage``: what it last said it was doing."""

    def __init__(self, stage: str) -> None:
        super().__init__(f"timed out while {stage}")
        self.stage = stage


class JobTooBig(Exception):
    """The job's process grew past the memory cap and was killed."""

    def __init__(self, stage: str, limit_bytes: int) -> None:
        super().__init__(f"over {limit_bytes} bytes while {stage}")
        self.stage = stage
        self.limit_bytes = limit_bytes


class JobFailed(Exception):
    """The job raised something other than a NewsfuseError (a bug: its traceback went to the server's log), or
    its process died on its own. The message is only the exception's type, never its text."""

    how = ""  # for a process that died: "exit status N" or "killed by signal N"


class NotStarted(Exception):
    """The job's deadline passed before a process was free to take it."""


# ---------------------------------------------------------------------------
# In the worker process


def _worker_main(conn: Any, main_pid: int, blas_threads: int | None) -> None:
    from newsfuse.workers import die_with_the_main_process, leave_signals_to_the_main_process

    leave_signals_to_the_main_process()
    die_with_the_main_process(main_pid)
    try:
        os.nice(WORKER_NICE)
    except OSError:
        pass
    if blas_threads is not None:
        limit_blas_threads(blas_threads)
    conn.send(("ready", os.getpid()))  # (the server sends no job before: a job's bytes would fill the pipe and wait)

    def report(stage: str) -> None:
        conn.send(("stage", stage))

    while True:
        try:
            fn, args, kwargs = conn.recv()
        except (EOFError, OSError):  # the server closed its end: it stopped, or let this process go
            return
        try:
            reply: tuple[str, Any] = ("ok", fn(report, *args, **kwargs))
        except NewsfuseError as e:
            reply = ("input", str(e))
        except Exception as e:  # noqa: BLE001 - a bug: logged here, one line to the client
            traceback.print_exc(file=sys.stderr)
            reply = ("bug", type(e).__name__)
        try:
            conn.send(reply)
        except (OSError, ValueError):  # the server is gone
            return
        except Exception as e:  # noqa: BLE001 - a result that cannot be pickled (a bug)
            print(f"newsfuse serve: worker: cannot send a result back: {type(e).__name__}: {e}", file=sys.stderr)
            conn.send(("bug", type(e).__name__))


def warm_up(blas_threads: int | None) -> None:
    """Summarize two short texts: loads what the first summary needs (in the forkserver: see _serve_warm)."""
    from newsfuse.model import Document

    try:
        import newsfuse

        newsfuse.summarize([
            Document(text="The bridge closed on Tuesday after cracks were found. Repairs take six weeks.", id="w1"),
            Document(text="Cracks closed the bridge on Tuesday. Repairs will take six weeks, officials said.", id="w2"),
        ])
    except Exception:  # noqa: BLE001 - only a warm-up
        pass
    if blas_threads is not None:
        limit_blas_threads(blas_threads)


def read_and_summarize(report: Callable[[str], None], files: list[tuple[str, bytes]], documents: list[Any],
                       budget: dict[str, int], max_documents: int) -> tuple[str, Any]:
    """The server's heavy job: read the request's files (if any) after its documents, then summarize.
    ``("ok", (brief, notes))``, or ``("too_many", n)`` when the files gave more documents than the server takes."""
    import newsfuse
    from newsfuse.load import load_files

    notes: list[str] = []
    if files:
        report("reading the files")
        documents = load_files(files, documents, notes.append)
        if len(documents) > max_documents:
            return "too_many", len(documents)
    report("summarizing")
    brief = newsfuse.summarize(documents, words=budget.get("words"), sentences=budget.get("sentences"),
                               bytes=budget.get("bytes"))
    return "ok", (brief, notes)


_BLAS_SETTERS = (
    "openblas_set_num_threads",
    "openblas_set_num_threads64_",
    "scipy_openblas_set_num_threads",
    "scipy_openblas_set_num_threads64_",
)


def limit_blas_threads(n: int) -> list[str]:
    """Set the thread count of every OpenBLAS loaded in this process (best effort, Linux).

    The server already runs requests on several threads; OpenBLAS's own thread pool on
    top of that serializes concurrent calls and oversubscribes the cores (measured:
    OPENBLAS_NUM_THREADS=1 gave about 1.7x the requests/s on 2 cores). Skipped when the
    user set OPENBLAS_NUM_THREADS. Returns the libraries changed.
    """
    if os.environ.get("OPENBLAS_NUM_THREADS"):
        return []
    import ctypes
    from pathlib import Path

    try:
        maps = Path("/proc/self/maps").read_text()
    except OSError:
        return []
    libs = sorted({ln.split()[-1] for ln in maps.splitlines() if "openblas" in ln.lower() and ln.split()[-1].startswith("/")})
    changed = []
    for path in libs:
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for name in _BLAS_SETTERS:
            setter = getattr(lib, name, None)
            if setter is not None:
                setter(ctypes.c_int(n))
                changed.append(path)
                break
    return changed


# ---------------------------------------------------------------------------
# In the server process


def rss_bytes(pid: int) -> int:
    """Resident memory of a process (0 when it cannot be read)."""
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, IndexError, ValueError):
        return 0


class _Proc:
    def __init__(self, process: Any, conn: Any) -> None:
        self.process = process
        self.conn = conn
        self.ready = False  # its warm-up done: it reads jobs

    def kill(self) -> None:
        try:
            self.process.kill()
            self.process.join(5)
        except (OSError, ValueError, AssertionError):
            pass
        try:
            self.conn.close()
        except OSError:
            pass


class ProcessPool:
    """``processes`` worker processes, each running one job at a time; :meth:`call` blocks a thread of the caller
    until the job's answer, its deadline (the process is killed: :class:`JobTimeout`) or the memory cap
    (killed too: :class:`JobTooBig`). A killed or dead process is replaced at once, by the thread that saw it
    go, so the next job finds a process ready. Processes start when first needed (or at :meth:`start`)."""

    target: Callable[[Any, int, int | None], None] = staticmethod(_worker_main)  # a process's main (tests: one that dies)

    def __init__(self, processes: int, memory_bytes: int | None = None, blas_threads: int | None = 1) -> None:
        self.size = processes
        self.memory_bytes = memory_bytes
        self.blas_threads = blas_threads
        # the processes not running a job (None: one to start); a job taking one is a heavy request (waits for one:
        # _take) or a small one (takes one only when it is idle and no heavy request waits: try_acquire)
        self._idle: list[_Proc | None] = [None] * processes
        self._idle_changed = threading.Condition(threading.Lock())
        self._heavy_waiting = 0
        self._live: set[_Proc] = set()
        self._lock = threading.Lock()
        self._closed = False
        self.broken = ""  # why processes cannot be started here (then the server reads and summarizes on threads)
        self.started = 0  # processes started so far (the first ones and every replacement)
        self._dead_starts = 0  # processes in a row that died before they were ready

    def _start(self) -> _Proc:
        import multiprocessing as mp

        ctx: Any = mp.get_context("forkserver" if sys.platform != "win32" else "spawn")
        if ctx.get_start_method() == "forkserver":
            ctx.set_forkserver_preload(PRELOAD)
        parent, child = ctx.Pipe()
        process = ctx.Process(target=self.target, args=(child, os.getpid(), self.blas_threads),
                              name="newsfuse-serve-worker", daemon=True)
        process.start()
        child.close()  # so that a process that dies is seen as EOF at once
        proc = _Proc(process, parent)
        with self._lock:
            if self._closed:
                proc.kill()
                raise NotStarted
            self._live.add(proc)
            self.started += 1
        return proc

    def start(self) -> None:
        """Start every process now (the server does this at start-up, on a thread, so no request waits for it)."""
        taken = []
        try:
            for _ in range(self.size):
                proc = self._take(time.monotonic() + 3600)
                taken.append(proc if proc is not None else self._start())
            for proc in taken:
                if not proc.ready:
                    try:
                        self._until_ready(proc, time.monotonic() + 60)
                    except JobFailed:  # (the next job starts another in its place; DEAD_STARTS counts them)
                        pass
        except (NotStarted, JobFailed):  # (closed meanwhile; a process that died: the next job starts another)
            pass
        except Exception as e:  # noqa: BLE001 - OSError (no semaphores, no forkserver), RuntimeError: said once
            self._break(_cannot_start(e))
        finally:
            for proc in taken:
                self._give(proc)

    def call(self, deadline: float, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``fn(report, *args, **kwargs)`` in a worker process (``fn`` must be a module's function: it is sent by
        name); ``report(stage)`` says what it is doing, for the messages. Raises NewsfuseError (the job's one line),
        JobTimeout, JobTooBig, JobFailed or NotStarted (no process free before the deadline). While it waits for a
        process, :meth:`try_acquire` gives none to small jobs, so that they never hold up a heavy one for longer than
        the small jobs already running take."""
        return self.call_on(self._take(deadline), deadline, fn, *args, **kwargs)

    def try_acquire(self, reserve: int = 0) -> _Proc | None:
        """An idle, started process for a small job, or None at once: when none is idle, when a job of :meth:`call`
        waits for one, or when taking one would leave ``reserve`` or fewer idle. Give it to :meth:`call_on` (which
        gives it back), or back with :meth:`release`."""
        with self._idle_changed:
            if self._heavy_waiting or self._closed or len(self._idle) <= reserve:
                return None
            for i in range(len(self._idle) - 1, -1, -1):  # (the most recently used first: its memory is warm)
                proc = self._idle[i]
                if proc is not None and proc.ready:
                    del self._idle[i]
                    return proc
        return None

    def release(self, proc: _Proc | None) -> None:
        """Give back a process from :meth:`try_acquire` that ran no job."""
        self._give(proc)

    def _take(self, deadline: float) -> _Proc | None:
        with self._idle_changed:
            self._heavy_waiting += 1
            try:
                while not self._idle:
                    left = deadline - time.monotonic()
                    if left <= 0:  # (every process busy, or being replaced, until the deadline)
                        raise NotStarted
                    self._idle_changed.wait(left)
                ready = [i for i, p in enumerate(self._idle) if p is not None and p.ready]
                return self._idle.pop(ready[-1] if ready else -1)
            finally:
                self._heavy_waiting -= 1

    def _give(self, proc: _Proc | None) -> None:
        with self._idle_changed:
            self._idle.append(proc)
            self._idle_changed.notify()

    def call_on(self, proc: _Proc | None, deadline: float, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """:meth:`call` on a process already taken (from :meth:`try_acquire`); it is given back (or replaced)."""
        handed_on = False  # a process killed or dead: its slot goes back to the queue from _replace's thread
        try:
            if proc is not None and not proc.process.is_alive():  # died while idle
                self._forget(proc)
                proc.kill()
                proc = None
            if proc is None:
                try:
                    proc = self._start()
                except NotStarted:
                    raise
                except Exception as e:  # noqa: BLE001 - as in start()
                    self._break(_cannot_start(e))
                    raise JobFailed(self.broken) from None
            try:
                if not proc.ready and not self._until_ready(proc, deadline):
                    raise NotStarted  # (the process is kept: it is only slow to start, on a busy machine)
                if time.monotonic() >= deadline:
                    raise NotStarted
                kind, payload = self._wait(proc, deadline, (fn, args, kwargs))
            except (JobTimeout, JobTooBig, JobFailed, KeyboardInterrupt, SystemExit):
                # replaced on a thread of its own, so that this job's answer need not wait for that, nor the next
                # job for a process to start
                self._forget(proc)
                threading.Thread(target=self._replace, args=(proc,), name="newsfuse-pool-replace", daemon=True).start()
                handed_on = True
                raise
        finally:
            if not handed_on:
                self._give(proc)
        if kind == "input":
            raise _InputError(payload)
        if kind == "bug":
            raise JobFailed(payload)
        return payload

    def _until_ready(self, proc: _Proc, deadline: float) -> bool:
        """Wait for a new process's word that its warm-up is done; False when the deadline came first. A process
        that died meanwhile is replaced (JobFailed)."""
        try:
            if proc.conn.poll(max(deadline - time.monotonic(), 0)):
                proc.conn.recv()
                proc.ready = True
                self._dead_starts = 0
        except (EOFError, OSError, ValueError):
            died = self._died(proc)
            self._dead_starts += 1
            if self._dead_starts >= DEAD_STARTS:
                # (else every heavy request forks two processes that die and answers 500, for ever)
                self._break(f"{DEAD_STARTS} worker processes in a row died as they started ({died.how})")
            raise died from None
        return proc.ready

    def _wait(self, proc: _Proc, deadline: float, job: tuple[Any, ...]) -> tuple[str, Any]:
        stage = "starting"
        try:
            proc.conn.send(job)
        except (OSError, ValueError):
            raise self._died(proc) from None
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise JobTimeout(stage)
            try:
                ready = proc.conn.poll(min(left, POLL_SECONDS))
                message = proc.conn.recv() if ready else None
            except (EOFError, OSError, ValueError):
                raise self._died(proc) from None
            if message is None:
                if self.memory_bytes and rss_bytes(proc.process.pid) > self.memory_bytes:
                    raise JobTooBig(stage, self.memory_bytes)
                continue
            kind, payload = message
            if kind != "stage":
                return kind, payload
            stage = payload

    @staticmethod
    def _died(proc: _Proc) -> JobFailed:
        proc.process.join(1)
        code = proc.process.exitcode
        how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit status {code}"
        failed = JobFailed(f"the worker process died ({how})")
        failed.how = how
        return failed

    def _replace(self, gone: _Proc) -> None:
        gone.kill()
        proc = None
        try:
            proc = self._start()
            self._until_ready(proc, time.monotonic() + 60)
        except Exception:  # noqa: BLE001 - the next job tries again (and says why)
            pass
        finally:
            self._give(proc)

    def _break(self, why: str) -> None:
        """No more processes: the server reads and summarizes on its threads from now on (said once, in its log)."""
        with self._lock:
            if self.broken:
                return
            self.broken = why
        print(f"newsfuse serve: {why}: files and long texts are read on threads, which cannot be stopped at the "
              "deadline", file=sys.stderr)

    def _forget(self, proc: _Proc) -> None:
        with self._lock:
            self._live.discard(proc)

    def pids(self, ready: bool = False) -> list[int]:
        """The worker processes' ids (``ready``: only those known to have finished starting)."""
        with self._lock:
            return [p.process.pid for p in self._live if p.process.pid is not None and (p.ready or not ready)]

    def shutdown(self) -> None:
        with self._lock:
            self._closed = True
            live, self._live = list(self._live), set()
        for proc in live:
            proc.kill()


def _cannot_start(e: BaseException) -> str:
    why = getattr(e, "strerror", None) or str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    return f"cannot start a worker process ({why})"


class _InputError(NewsfuseError):
    """A worker's NewsfuseError, as its one line (the server answers 400 with it)."""
