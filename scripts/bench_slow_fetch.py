"""Text-only requests to `newsfuse serve` while requests whose URLs point at a slow page are in flight.

Usage: python scripts/bench_slow_fetch.py [--slow 6] [--plain 5] [-- serve options, e.g. --fetch-threads 4]

A page on 127.0.0.1 sends one byte a second (a server dribbling bytes); `--slow` requests ask for it while
`--plain` requests, 0.5 s later, send the bundled kind of text and no URL. It prints each plain request's
status and latency, and each slow one's status and time: the slow ones should fail with their fetch error
near the server's --timeout (20 s here), the plain ones should be answered in milliseconds.
"""

from __future__ import annotations

import argparse
import http.server
import json
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXT = ["Lakeport closed the Fulton Street Bridge on Tuesday after inspectors found cracks in two steel girders. "
        "Mayor Dana Whitfield said repairs will take at least six weeks.",
        "The Fulton Street Bridge was closed on Tuesday because of cracked girders. Repairs will cost $4.2 million."]


class _Slow(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        try:
            for _ in range(600):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(1)
        except OSError:  # the client gave up
            pass

    def log_message(self, *args: object) -> None:
        pass


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _post(base: str, body: dict) -> tuple[int, float, str]:
    req = urllib.request.Request(base + "/api/summarize", data=json.dumps(body).encode(),
                                 headers={"content-type": "application/json"})
    t0 = time.monotonic()
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, time.monotonic() - t0, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, time.monotonic() - t0, e.read().decode()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--slow", type=int, default=6)
    ap.add_argument("--plain", type=int, default=5)
    ap.add_argument("serve_args", nargs="*", help="more options for newsfuse serve (after --)")
    a = ap.parse_args()
    slow_server = http.server.ThreadingHTTPServer(("127.0.0.1", _free_port()), _Slow)
    slow_server.daemon_threads = True
    threading.Thread(target=slow_server.serve_forever, daemon=True).start()
    port = _free_port()
    srv = subprocess.Popen([sys.executable, "-m", "newsfuse", "serve", "--port", str(port), "--timeout", "20",
                            "--log-level", "warning", *a.serve_args], cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(base + "/api/health", timeout=1).read()
                break
            except OSError:
                time.sleep(0.2)
        _post(base, {"documents": TEXT})  # warm-up
        slow_url = f"http://127.0.0.1:{slow_server.server_address[1]}/slow"
        results: list[tuple[int, int, float, str]] = []
        threads = [threading.Thread(target=lambda k=k: results.append((k, *_post(base, {"urls": [slow_url]}))))
                   for k in range(a.slow)]
        for t in threads:
            t.start()
        time.sleep(0.5)
        latencies = []
        for k in range(a.plain):
            status, seconds, _ = _post(base, {"documents": TEXT})
            latencies.append(seconds)
            print(f"plain {k}: HTTP {status} in {1000 * seconds:.0f} ms")
        for t in threads:
            t.join()
        for k, status, seconds, text in sorted(results):
            print(f"slow {k}: HTTP {status} after {seconds:.1f} s: {json.loads(text).get('error', '')[:90]}")
        print(f"plain requests: max {1000 * max(latencies):.0f} ms, median {1000 * sorted(latencies)[len(latencies) // 2]:.0f} ms")
    finally:
        srv.terminate()
        try:
            srv.wait(30)
        except subprocess.TimeoutExpired:
            srv.kill()
        slow_server.shutdown()


if __name__ == "__main__":
    main()
