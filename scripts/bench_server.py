#!/usr/bin/env python3
"""Load benchmark for ``newsfuse serve``.

Starts the server in a subprocess on 127.0.0.1 (a free port), runs N concurrent
clients for T seconds, each POSTing the bundled example cluster to /api/summarize
in a loop, and reports latency percentiles, requests/s, errors, and the server's
resident memory (VmRSS from /proc) before and after the load.

    python scripts/bench_server.py                       # 16 clients, 60 s
    python scripts/bench_server.py --clients 4 --seconds 10 --workers 2
    python scripts/bench_server.py --json out/bench.json # also write the numbers

The clients run in this process (threads, one keep-alive connection each) and
share the machine's cores with the server: on a small machine the numbers are a
floor for what the server alone could do. ``server_cpu_ms_per_request`` (the
server's CPU time over answered requests) says what a request costs even when
other jobs share the machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "lakeport-bridge"


def cluster() -> list[dict[str, Any]]:
    files = sorted(p for p in EXAMPLES.glob("*") if p.suffix in (".txt", ".html"))
    if not files:
        sys.exit(f"bench_server: no example articles in {EXAMPLES}")
    return [
        {"text": p.read_text(encoding="utf-8"), "source": p.stem, "html": p.suffix == ".html"} for p in files
    ]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def tree(pid: int) -> list[int]:
    """pid and all its descendants (uvicorn --workers N forks children)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in Path(f"/proc/{p}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except OSError:
            pass
    return out


def status_kb(pid: int, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def rss_mb(pid: int, field: str = "VmRSS") -> float:
    return sum(status_kb(p, field) for p in tree(pid)) / 1024


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of pid and its descendants so far (from /proc/PID/stat)."""
    total = 0
    for p in tree(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14, 15 of stat)
        except (OSError, IndexError, ValueError):
            pass
    return total / os.sysconf("SC_CLK_TCK")


def percentile(xs: list[float], q: float) -> float:
    if not xs:
        return float("nan")
    xs = sorted(xs)
    k = (len(xs) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def start_server(args: argparse.Namespace, port: int) -> subprocess.Popen[bytes]:
    env = dict(os.environ)
    src = str(ROOT / "src")
    env["PYTHONPATH"] = src + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    cmd = [
        sys.executable, "-m", "newsfuse", "serve", "--host", "127.0.0.1", "--port", str(port),
        "--log-level", "warning", "--workers", str(args.workers), "--threads", str(args.threads),
        "--timeout", str(args.server_timeout),
    ]
    if args.inline_chars is not None:  # (0: every request through the worker processes, to measure the hop)
        cmd += ["--inline-chars", str(args.inline_chars)]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_ready(base: str, proc: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
            sys.exit(f"bench_server: the server exited ({proc.returncode}):\n{err}")
        try:
            if httpx.get(base + "/api/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    sys.exit("bench_server: the server did not answer /api/health in time")


def library_baseline(documents: list[dict[str, Any]], words: int, n: int = 5) -> tuple[float, float]:
    """Median wall and CPU ms of one newsfuse.summarize call in this process, no server, one at a time."""
    sys.path.insert(0, str(ROOT / "src"))
    import newsfuse

    newsfuse.summarize(documents, words=words)
    walls, cpus = [], []
    for _ in range(n):
        t0, c0 = time.perf_counter(), time.process_time()
        newsfuse.summarize(documents, words=words)
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    return 1000 * statistics.median(walls), 1000 * statistics.median(cpus)


def run(args: argparse.Namespace) -> dict[str, Any]:
    payload = {"documents": cluster(), "words": args.words}
    lib_wall, lib_cpu = library_baseline(payload["documents"], args.words)
    body = json.dumps(payload).encode()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = start_server(args, port)
    try:
        wait_ready(base, proc)
        # one request to load everything the first summary needs, then measure memory "before"
        with httpx.Client(timeout=120) as c:
            r = c.post(base + "/api/summarize", content=body, headers={"content-type": "application/json"})
            if r.status_code != 200:
                sys.exit(f"bench_server: warm-up request failed: {r.status_code} {r.text[:300]}")
        time.sleep(0.5)
        rss_before = rss_mb(proc.pid)

        latencies: list[float] = []
        errors: dict[str, int] = {}
        lock = threading.Lock()
        peak = [rss_before]
        stop_at = time.monotonic() + args.seconds

        def client() -> None:
            with httpx.Client(timeout=args.client_timeout) as c:
                while time.monotonic() < stop_at:
                    t0 = time.perf_counter()
                    try:
                        r = c.post(base + "/api/summarize", content=body, headers={"content-type": "application/json"})
                        key = None if r.status_code == 200 else f"HTTP {r.status_code}"
                    except httpx.HTTPError as e:
                        key = type(e).__name__
                    dt_ = time.perf_counter() - t0
                    with lock:
                        if key is None:
                            latencies.append(dt_)
                        else:
                            errors[key] = errors.get(key, 0) + 1

        def sample() -> None:
            while time.monotonic() < stop_at:
                peak[0] = max(peak[0], rss_mb(proc.pid))
                time.sleep(0.5)

        threads = [threading.Thread(target=client) for _ in range(args.clients)]
        sampler = threading.Thread(target=sample, daemon=True)
        cpu_before = cpu_seconds(proc.pid)
        t_start = time.perf_counter()
        for t in threads:
            t.start()
        sampler.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - t_start
        cpu_used = cpu_seconds(proc.pid) - cpu_before
        rss_after = rss_mb(proc.pid)
        load = os.getloadavg()
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()

    n_err = sum(errors.values())
    return {
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}",
        "clients": args.clients,
        "seconds": round(elapsed, 1),
        "workers": args.workers,
        "threads": args.threads,
        "inline_chars": args.inline_chars,
        "documents": len(payload["documents"]),
        "request_bytes": len(body),
        "words": args.words,
        "requests_ok": len(latencies),
        "errors": n_err,
        "errors_by_kind": errors,
        "requests_per_s": round(len(latencies) / elapsed, 2),
        "p50_ms": round(1000 * percentile(latencies, 0.50), 1),
        "p95_ms": round(1000 * percentile(latencies, 0.95), 1),
        "p99_ms": round(1000 * percentile(latencies, 0.99), 1),
        "max_ms": round(1000 * max(latencies), 1) if latencies else None,
        "mean_ms": round(1000 * statistics.fmean(latencies), 1) if latencies else None,
        "library_ms_per_call": round(lib_wall, 1),
        "library_cpu_ms_per_call": round(lib_cpu, 1),
        # CPU the server spent per answered request: less sensitive than req/s to other jobs on the machine
        "server_cpu_ms_per_request": round(1000 * cpu_used / len(latencies), 1) if latencies else None,
        "server_cpu_cores_used": round(cpu_used / elapsed, 2),
        "rss_before_mb": round(rss_before, 1),
        "rss_after_mb": round(rss_after, 1),
        "rss_peak_sampled_mb": round(peak[0], 1),
        "loadavg_at_end": [round(x, 2) for x in load],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clients", type=int, default=16, help="concurrent clients (default 16)")
    ap.add_argument("--seconds", type=float, default=60, help="how long to load the server (default 60)")
    ap.add_argument("--words", type=int, default=120, help="budget per request (default 120)")
    ap.add_argument("--workers", type=int, default=1, help="server processes (newsfuse serve --workers)")
    ap.add_argument("--threads", type=int, default=4, help="threads per server process (--threads)")
    ap.add_argument("--server-timeout", type=float, default=30, help="newsfuse serve --timeout")
    ap.add_argument("--inline-chars", type=int, help="newsfuse serve --inline-chars (0: every request in a worker "
                    "process)")
    ap.add_argument("--client-timeout", type=float, default=60, help="seconds a client waits for one answer")
    ap.add_argument("--json", type=Path, help="also write the numbers to this file")
    args = ap.parse_args()
    if args.clients < 1 or args.seconds <= 0:
        ap.error("--clients must be >= 1 and --seconds > 0")
    res = run(args)
    for k, v in res.items():
        print(f"{k:>20}: {v}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(res, indent=2) + "\n")


if __name__ == "__main__":
    main()
