#!/usr/bin/env python3
"""Hostile uploads against ``newsfuse serve``: do small requests still get answered, and does the work stop?

Starts the server in a subprocess (the code of ``--src``, this tree's by default), sends ``--hostile`` uploads at
once of a text file that takes long to summarize (``word. word. ...``, 2.4 MB: about 6 s, 200 MB), and while
they are in flight a small request (the first three articles of the bundled example) every 0.5 s. Reports the
small requests' latencies, the hostile requests' answers, and the server's CPU use (its processes and their
children) in the 3 s after the last hostile answer: near 0 when the work was stopped at the deadline.

    python scripts/bench_hostile.py --timeout 5
    python scripts/bench_hostile.py --src /work/main/src --timeout 5     # another tree's code, for a before/after
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_server import cluster, cpu_seconds, free_port, wait_ready  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", type=Path, default=ROOT / "src", help="the newsfuse source tree to serve")
    ap.add_argument("--timeout", type=float, default=5, help="newsfuse serve --timeout")
    ap.add_argument("--hostile", type=int, default=3, help="hostile uploads at once")
    ap.add_argument("--threads", type=int, default=4, help="newsfuse serve --threads")
    args = ap.parse_args()

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, PYTHONPATH=str(args.src))
    cmd = [sys.executable, "-m", "newsfuse", "serve", "--port", str(port), "--log-level", "warning",
           "--timeout", str(args.timeout), "--threads", str(args.threads)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    hostile = {"files": [{"name": "words.txt", "data": base64.b64encode(b"word. " * 400_000).decode()}]}
    small = {"documents": cluster()[:3], "words": 60}
    try:
        wait_ready(base, proc)
        with httpx.Client(timeout=120) as c:  # warm-up
            c.post(base + "/api/summarize", json=small)
        time.sleep(3)  # (worker processes, where there are, started)
        answers: list[tuple[float, int, str]] = []
        t_start = time.monotonic()

        def upload() -> None:
            with httpx.Client(timeout=120) as c:
                t0 = time.monotonic()
                r = c.post(base + "/api/summarize", json=hostile)
                answers.append((time.monotonic() - t0, r.status_code, r.json().get("error", "")[:90]))

        uploads = [threading.Thread(target=upload) for _ in range(args.hostile)]
        for t in uploads:
            t.start()
        time.sleep(0.5)
        smalls: list[tuple[float, int]] = []
        with httpx.Client(timeout=120) as c:
            while any(t.is_alive() for t in uploads) and time.monotonic() - t_start < 60:
                t0 = time.monotonic()
                r = c.post(base + "/api/summarize", json=small)
                smalls.append((time.monotonic() - t0, r.status_code))
                time.sleep(0.5)
        for t in uploads:
            t.join()
        cpu0 = cpu_seconds(proc.pid)
        time.sleep(3)
        after = cpu_seconds(proc.pid) - cpu0
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
    lat = [s for s, code in smalls if code == 200]
    print(json.dumps({
        "src": str(args.src), "timeout": args.timeout, "hostile": args.hostile,
        "hostile_answers": [(round(s, 2), code, msg) for s, code, msg in sorted(answers)],
        "small_requests": len(smalls), "small_ok": len(lat),
        "small_ms": {"median": round(1000 * statistics.median(lat)) if lat else None,
                     "max": round(1000 * max(lat)) if lat else None},
        "small_failures": [(round(s, 2), code) for s, code in smalls if code != 200],
        "server_cpu_s_in_3_s_after_the_answers": round(after, 2),
    }, indent=1))


if __name__ == "__main__":
    main()
