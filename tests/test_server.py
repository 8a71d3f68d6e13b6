"""The HTTP API of ``newsfuse serve``, through FastAPI's TestClient (no network, no browser)."""

from __future__ import annotations

import asyncio
import io
import json
import os
import re
import threading
import time
import warnings
import zipfile
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

with warnings.catch_warnings():  # starlette's notice about httpx vs httpx2
    warnings.filterwarnings("ignore", message=".*httpx2")
    from fastapi.testclient import TestClient  # noqa: E402

import newsfuse  # noqa: E402
from newsfuse.errors import FetchError, InputError  # noqa: E402
from newsfuse.model import Brief, BriefSentence, Document, Source, Stats  # noqa: E402
from newsfuse.server import (  # noqa: E402
    STATIC_DIR,
    BodyLimitMiddleware,
    Busy,
    Settings,
    Worker,
    create_app,
    serve_command,
)

pytestmark = pytest.mark.filterwarnings("ignore:.*httpx2")

BASE = "http://127.0.0.1"
ARTICLES = [
    {
        "text": (
            "Lakeport closed the Fulton Street Bridge on Tuesday after inspectors found cracks in two steel girders. "
            "The bridge carries about 18,000 vehicles a day across the Mill River. "
            "Mayor Dana Whitfield said repairs will take at least six weeks. "
            "Drivers are being sent over the Canal Avenue bridge."
        ),
        "source": "Lakeport Ledger",
        "date": "2024-10-15",
        "title": "Bridge closed",
    },
    {
        "text": (
            "The Fulton Street Bridge in Lakeport was closed on Tuesday because of cracked steel girders. "
            "City engineer Priya Raman said repairs will cost about $4.2 million. "
            "Repairs will take at least six weeks, the mayor said. "
            "Commuters faced long delays on Canal Avenue on Wednesday."
        ),
        "source": "Channel 7",
    },
    (
        "Officials shut the Fulton Street Bridge after a state inspection found cracks in two girders. "
        "The 63-year-old span carries 18,000 vehicles a day. "
        "A council member called for an audit of bridge inspections."
    ),
]
BRIEF_KEYS = {"summary", "sentences", "sources", "stats"}
SENTENCE_KEYS = {"text", "sources", "origin", "outlets", "reports", "start", "end"}
SOURCE_KEYS = {"id", "name", "title", "url", "date"}
STATS_KEYS = {"documents", "sentences_in", "words", "seconds"}


def client(settings: Settings | None = None, **kwargs: Any) -> TestClient:
    return TestClient(create_app(settings or Settings(), **kwargs), base_url=BASE)


def post(c: TestClient, body: Any, **kwargs: Any) -> Any:
    return c.post("/api/summarize", json=body, **kwargs)


def raw(c: TestClient, data: bytes, ctype: str = "application/json") -> Any:
    return c.post("/api/summarize", content=data, headers={"content-type": ctype})


def fake_brief(documents: list[Document], **budget: Any) -> Brief:
    docs = list(documents)
    first = docs[0]
    end = first.text.find(".") + 1 or len(first.text)
    return Brief(
        sentences=(BriefSentence(text=first.text[:end], origin=first.id, sources=(first.id,), outlets=1, start=0, end=end),),
        sources=tuple(Source(id=d.id, name=d.source or d.id, url=d.url) for d in docs),
        stats=Stats(documents=len(docs), sentences_in=1, words=len(first.text[:end].split()), seconds=0.0),
        cleaned=tuple(d.text for d in docs),
    )


def error_of(r: Any, status: int) -> str:
    assert r.status_code == status, (r.status_code, r.text)
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert set(body) == {"error"}, body
    assert isinstance(body["error"], str) and body["error"] and "\n" not in body["error"]
    return str(body["error"])


# --- success -----------------------------------------------------------------


def test_summarize_answers_the_json_contract() -> None:
    r = post(client(), {"documents": ARTICLES, "words": 40})
    assert r.status_code == 200, r.text
    body = r.json()
    assert set(body) == BRIEF_KEYS
    assert body["sentences"], body
    for s in body["sentences"]:
        assert set(s) == SENTENCE_KEYS
        assert s["outlets"] >= 1 and s["sources"] and s["origin"] in s["sources"]
    assert [set(s) for s in body["sources"]] == [SOURCE_KEYS] * 3
    assert [s["name"] for s in body["sources"]][:2] == ["Lakeport Ledger", "Channel 7"]
    assert body["sources"][0]["date"] == "2024-10-15" and body["sources"][0]["title"] == "Bridge closed"
    assert set(body["stats"]) == STATS_KEYS and body["stats"]["documents"] == 3
    assert body["summary"] == " ".join(s["text"] for s in body["sentences"])


def test_summarize_matches_the_library_and_cli_json() -> None:
    r = post(client(), {"documents": ARTICLES, "sentences": 2})
    expected = newsfuse.summarize(ARTICLES, sentences=2).to_dict()
    got = r.json()
    got["stats"].pop("seconds")
    expected["stats"].pop("seconds")
    assert got == expected


def test_include_text_adds_cleaned_source_text_with_offsets_that_point_at_the_sentence() -> None:
    r = post(client(), {"documents": ARTICLES, "words": 60}, params={"include_text": "true"})
    body = r.json()
    texts = {s["id"]: s["text"] for s in body["sources"]}
    assert all(isinstance(t, str) and t for t in texts.values())
    for s in body["sentences"]:
        assert texts[s["origin"]][s["start"] : s["end"]] == s["text"]
    # the documented keys stay as they are
    assert all(SOURCE_KEYS <= set(s) for s in body["sources"])


def test_strings_and_objects_mix_and_budget_kinds() -> None:
    c = client()
    for budget in ({"words": 30}, {"sentences": 1}, {"bytes": 300}, {}):
        r = post(c, {"documents": ARTICLES, **budget})
        assert r.status_code == 200, (budget, r.text)
    assert len(post(c, {"documents": ARTICLES, "sentences": 1}).json()["sentences"]) == 1


def test_library_input_error_is_a_400_with_its_message() -> None:
    msg = error_of(post(client(), {"documents": ["   ", "\n\n"]}), 400)
    assert "no article text" in msg


def test_article_markup_comes_back_as_plain_json_text() -> None:
    evil = "<script>window.__pwned=1</script> The council met on Monday to vote on the budget. It passed."
    r = post(client(summarize=fake_brief), {"documents": [evil]})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    assert r.json()["sentences"][0]["text"].startswith("<script>")


# --- bad requests ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"{", "malformed JSON"),
        (b'{"documents": ["a",]}', "malformed JSON"),
        (b"\xff\xfe{}", "malformed JSON"),
        (b"", "empty body"),
        (b"[]", "JSON object"),
        (b'"text"', "JSON object"),
        (b"{}", "no documents"),
        (b'{"documents": []}', "no documents"),
        (b'{"documents": null, "urls": []}', "no documents"),
        (b'{"documents": "one article"}', '"documents" must be a list'),
        (b'{"documents": [42]}', "documents[0]"),
        (b'{"documents": ["ok", {"title": "no text"}]}', 'documents[1] needs a "text"'),
        (b'{"documents": [{"text": 5}]}', 'documents[0] needs a "text"'),
        (b'{"documents": [{"text": "x", "path": "/etc/passwd"}]}', "unknown field 'path'"),
        (b'{"documents": [{"text": "x", "source": ["a"]}]}', "documents[0].source"),
        (b'{"documents": ["x"], "file": "/etc/passwd"}', "unknown field 'file'"),
        (b'{"documents": ["x"], "words": 0}', "words must be a whole number from 1 to 5000"),
        (b'{"documents": ["x"], "words": 5001}', "words must be a whole number from 1 to 5000"),
        (b'{"documents": ["x"], "words": -3}', "words must be"),
        (b'{"documents": ["x"], "words": 12.5}', "words must be"),
        (b'{"documents": ["x"], "words": "12"}', "words must be"),
        (b'{"documents": ["x"], "words": true}', "words must be"),
        (b'{"documents": ["x"], "sentences": 0}', "sentences must be"),
        (b'{"documents": ["x"], "bytes": 10000000}', "bytes must be"),
        (b'{"documents": ["x"], "words": 50, "sentences": 2}', "only one length budget"),
        (b'{"documents": ["x"], "words": 50, "bytes": 200, "sentences": 1}', "only one length budget"),
        (b'{"urls": "http://example.org/"}', '"urls" must be a list'),
        (b'{"urls": ["file:///etc/passwd"]}', "http:// or https://"),
        (b'{"urls": ["/etc/passwd"]}', "http:// or https://"),
        (b'{"urls": [""]}', "urls[0]"),
        # these three were 500 'internal error: ValueError' (a number past Python's 4,300-digit limit, an
        # unclosed IPv6 bracket that urlsplit refuses); deep nesting was already a 400 and stays one
        (b'{"documents": ["x"], "words": ' + b"9" * 5000 + b"}", "malformed JSON: a number has more than 4300 digits"),
        (b'{"documents": [{"text": "x", "id": ' + b"9" * 5000 + b"}]}", "malformed JSON: a number has more"),
        (b'{"urls": ["http://[::1"]}', "urls[0] is not a valid URL: 'http://[::1'"),
        (b'{"documents": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "malformed JSON: nested too deeply"),
        # a body cut short (a lying Content-Length) said "Unterminated string starting at at line 1"
        (b'{"documents": ["The bridge', "malformed JSON: Unterminated string at line 1 column 16"),
    ],
)
def test_bad_requests_get_a_400_saying_what_is_wrong(data: bytes, needle: str) -> None:
    called: list[int] = []

    def never(documents: list[Document], **budget: Any) -> Brief:
        called.append(1)
        raise AssertionError("summarize must not run on a bad request")

    msg = error_of(raw(client(summarize=never), data), 400)
    assert needle in msg, msg
    assert not called


def test_body_must_be_sent_as_json() -> None:
    c = client(summarize=fake_brief)
    for ctype in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""):
        msg = error_of(raw(c, json.dumps({"documents": ["a b c."]}).encode(), ctype), 415)
        assert "application/json" in msg
    assert raw(c, b'{"documents": ["A b c."]}', "application/json; charset=utf-8").status_code == 200


def test_unknown_paths_and_methods_get_json_errors() -> None:
    c = client()
    assert "not found" in error_of(c.get("/api/nothing"), 404)
    assert "not allowed" in error_of(c.get("/api/summarize"), 405)
    assert error_of(c.get("/static/../server.py"), 404)


# --- limits ----------------------------------------------------------------------


def test_body_over_the_size_limit_by_content_length() -> None:
    c = client(Settings(max_body_bytes=1000), summarize=fake_brief)
    msg = error_of(post(c, {"documents": ["x" * 2000]}), 413)
    assert "too large" in msg and "1 kB" in msg
    assert post(c, {"documents": ["A short one."]}).status_code == 200


def test_default_size_limit_is_5_mb() -> None:
    c = client(summarize=fake_brief)
    assert "5 MB" in error_of(raw(c, b'{"documents": ["' + b"a" * 5_000_001 + b'"]}'), 413)


def test_body_over_the_size_limit_when_streamed_without_content_length() -> None:
    c = client(Settings(max_body_bytes=1000), summarize=fake_brief)

    def chunks() -> Any:
        yield b'{"documents": ["'
        for _ in range(50):
            yield b"y" * 100
        yield b'"]}'

    r = c.post("/api/summarize", content=chunks(), headers={"content-type": "application/json"})
    assert "too large" in error_of(r, 413)


def test_a_lying_content_length_is_cut_off_at_the_limit() -> None:
    """ASGI level: Content-Length says 10 bytes, the stream carries 5000."""
    seen: list[bytes] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:  # pragma: no cover - must not run
        seen.append((await receive())["body"])

    mw = BodyLimitMiddleware(app, max_bytes=1000)
    scope = {"type": "http", "method": "POST", "path": "/api/summarize", "headers": [(b"content-length", b"10")]}
    messages = [{"type": "http.request", "body": b"z" * 500, "more_body": True} for _ in range(10)]
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return messages.pop(0)

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(mw(scope, receive, send))
    assert not seen
    assert sent[0]["status"] == 413
    assert "too large" in json.loads(sent[1]["body"])["error"]
    assert len(messages) >= 7  # stopped reading soon after the limit


def test_more_documents_than_the_limit() -> None:
    c = client(Settings(max_documents=3), summarize=fake_brief)
    msg = error_of(post(c, {"documents": ["a."] * 4}), 413)
    assert "too many documents" in msg and "3" in msg
    assert post(c, {"documents": ["A b."] * 3}).status_code == 200
    # URLs count toward the same limit
    assert "too many documents" in error_of(post(c, {"documents": ["a."] * 2, "urls": ["http://a.example/"] * 2}), 413)


def test_default_document_limit_is_200() -> None:
    c = client(summarize=fake_brief)
    assert post(c, {"documents": ["A b."] * 200}).status_code == 200
    assert "at most 200" in error_of(post(c, {"documents": ["A b."] * 201}), 413)


# --- timeout and load --------------------------------------------------------------


def test_slow_summarize_times_out_with_503_and_the_server_stays_up(monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()
    real = newsfuse.summarize

    def slow(documents: Any, **budget: Any) -> Brief:
        release.wait(10)
        return real(documents, **budget)

    real(ARTICLES, words=30)  # (models loaded and caches warm: the request after the timeout must fit in 0.3 s)
    monkeypatch.setattr(newsfuse, "summarize", slow)
    with client(Settings(timeout=0.3, processes=0)) as c:  # (on a thread: it runs the patched summarize)
        t0 = time.monotonic()
        msg = error_of(post(c, {"documents": ARTICLES}), 503)
        assert time.monotonic() - t0 < 3
        assert "timed out" in msg and "0.3 s" in msg
        assert c.get("/api/health").json()["status"] == "ok"
        release.set()
        monkeypatch.setattr(newsfuse, "summarize", real)
        r = post(c, {"documents": ARTICLES, "words": 30})
        assert r.status_code == 200, r.text


def test_worker_refuses_work_over_the_queue_cap() -> None:
    w = Worker(threads=1, max_pending=2)
    gate = threading.Event()
    try:
        a = w.submit(gate.wait, 5)
        b = w.submit(gate.wait, 5)
        with pytest.raises(Busy):
            w.submit(gate.wait, 5)
        gate.set()
        a.result(5), b.result(5)
        time.sleep(0.05)
        assert w.pending == 0
        w.submit(lambda: None).result(5)
    finally:
        gate.set()
        w.shutdown()


def test_busy_server_answers_503() -> None:
    gate = threading.Event()

    def stuck(documents: Any, **budget: Any) -> Brief:
        gate.wait(5)
        return fake_brief(documents)

    app = create_app(Settings(threads=1, max_pending=1, timeout=5), summarize=stuck)
    try:
        app.state.worker.submit(gate.wait, 5)  # the only slot is taken
        msg = error_of(TestClient(app, base_url=BASE).post("/api/summarize", json={"documents": ["A b."]}), 503)
        assert "busy" in msg
    finally:
        gate.set()


def test_unexpected_error_is_a_500_json_without_details() -> None:
    def broken(documents: Any, **budget: Any) -> Brief:
        raise RuntimeError("secret /home/path detail")

    msg = error_of(post(client(summarize=broken), {"documents": ["a"]}), 500)
    assert msg == "internal error: RuntimeError"


def test_blas_thread_pools_are_limited_to_one_thread_per_server_process(monkeypatch: pytest.MonkeyPatch) -> None:
    import ctypes

    from newsfuse.server import limit_blas_threads

    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    newsfuse.summarize(ARTICLES, words=30)  # loads numpy's and scipy's BLAS
    libs = [p for p in Path("/proc/self/maps").read_text().split() if "openblas" in p.lower() and p.startswith("/")]
    getters = []
    for path in sorted(set(libs)):
        lib = ctypes.CDLL(path)
        for name in ("openblas_get_num_threads", "scipy_openblas_get_num_threads64_", "scipy_openblas_get_num_threads"):
            if hasattr(lib, name):
                getters.append((lib, name, getattr(lib, name)()))
                break
    if not getters:
        pytest.skip("no OpenBLAS loaded in this process")
    try:
        assert limit_blas_threads(1)
        assert all(getattr(lib, name)() == 1 for lib, name, _ in getters)
        monkeypatch.setenv("OPENBLAS_NUM_THREADS", "2")
        assert limit_blas_threads(1) == []  # the user's setting wins
    finally:
        for lib, name, before in getters:
            getattr(lib, name.replace("get", "set"))(ctypes.c_int(before))


# --- URLs --------------------------------------------------------------------------------


def test_urls_are_fetched_with_fetch_url_and_summarized() -> None:
    fetched: list[tuple[str, float, int]] = []

    def fetch(url: str, timeout: float, max_bytes: int) -> Document:
        fetched.append((url, timeout, max_bytes))
        return Document(text=f"Text fetched from {url}. It has two sentences.", source="example.org")

    c = client(Settings(max_body_bytes=2_000_000), summarize=fake_brief, fetch=fetch)
    r = post(c, {"documents": ["Pasted article text."], "urls": ["https://example.org/a", " http://example.org/b "]})
    assert r.status_code == 200, r.text
    assert sorted(u for u, _, _ in fetched) == ["http://example.org/b", "https://example.org/a"]
    assert all(0 < t <= 10 and m == 2_000_000 for _, t, m in fetched)
    sources = r.json()["sources"]
    assert [s["url"] for s in sources] == [None, "https://example.org/a", "http://example.org/b"]
    assert len({s["id"] for s in sources}) == 3


def test_fetch_failure_is_a_400_naming_the_url() -> None:
    def fetch(url: str, timeout: float, max_bytes: int) -> Document:
        raise FetchError(f"could not reach {url}: connection refused")

    msg = error_of(post(client(fetch=fetch, summarize=fake_brief), {"urls": ["http://unreachable.example/"]}), 400)
    assert "urls[0]" in msg and "unreachable.example" in msg


def test_an_error_over_several_lines_is_answered_in_one() -> None:
    def fetch(url: str, timeout: float, max_bytes: int) -> Document:
        raise FetchError(f"cannot fetch {url}: HTTP 302 a loop.\nThe last 30x error message was:\nFound")

    msg = error_of(post(client(fetch=fetch, summarize=fake_brief), {"urls": ["http://example.org/"]}), 400)
    assert msg == "urls[0]: cannot fetch http://example.org/: HTTP 302 a loop. The last 30x error message was: Found"


def test_urls_end_to_end_with_the_real_fetcher() -> None:
    """The default fetcher (newsfuse.fetch.fetch_url) against a local HTTP server."""
    import http.server

    pytest.importorskip("newsfuse.fetch")
    pages = {
        "/a": "<html><head><title>Bridge shut</title></head><body><article><p>" + ARTICLES[0]["text"] + "</p></article></body></html>",
        "/b": "<html><head><title>Bridge closed</title></head><body><article><p>" + ARTICLES[1]["text"] + "</p></article></body></html>",
    }

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            body = pages.get(self.path, "").encode()
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        r = post(client(), {"urls": [base + "/a", base + "/b"], "documents": [ARTICLES[2]], "words": 50})
        assert r.status_code == 200, r.text
        assert [s["url"] for s in r.json()["sources"]][1:] == [base + "/a", base + "/b"]
        msg = error_of(post(client(), {"urls": [base + "/missing"], "documents": [ARTICLES[2]]}), 400)
        assert msg.startswith("urls[0]: ") and "404" in msg
    finally:
        httpd.shutdown()


def test_a_url_dribbling_bytes_fails_within_the_request_deadline_and_frees_its_thread() -> None:
    """A page sending a byte every 50 ms never trips a read timeout; its fetch must still end by the
    request's deadline, not hold the worker thread for as long as the page likes."""
    import http.server

    pytest.importorskip("newsfuse.fetch")

    class Drip(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "200")
            self.end_headers()
            try:
                for _ in range(200):  # 10 s
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.05)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args: Any) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Drip)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    app = create_app(Settings(timeout=2, threads=2), summarize=fake_brief)
    try:
        t0 = time.monotonic()
        r = post(TestClient(app, base_url=BASE), {"urls": [f"http://127.0.0.1:{httpd.server_address[1]}/"]})
        assert time.monotonic() - t0 < 3
        assert r.status_code == 400 and "timed out" in r.json()["error"], r.text
        time.sleep(0.3)
        assert app.state.fetcher.pending == 0  # the fetch thread is free again
    finally:
        httpd.shutdown()


def test_a_fetch_past_the_deadline_says_fetching_took_too_long() -> None:
    def fetch(url: str, timeout: float, max_bytes: int) -> Document:
        time.sleep(3)  # a fetcher that ignores its timeout
        return Document(text="Late text.")

    msg = error_of(post(client(Settings(timeout=1), fetch=fetch, summarize=fake_brief), {"urls": ["http://example.org/"]}), 503)
    assert "fetching the URLs took longer than this server's 1 s limit" in msg


def test_a_request_with_too_little_time_left_to_fetch_is_told_it_timed_out_not_that_the_server_is_busy() -> None:
    """A fetch taken up with under MIN_FETCH_SECONDS left (a short --timeout, or the request's other URLs used the
    time) said "server busy" on an idle server."""
    msg = error_of(post(client(Settings(timeout=0.4), fetch=lambda *a: Document(text="A b."), summarize=fake_brief),
                        {"urls": ["http://example.org/"]}), 503)
    assert msg.startswith("timed out: fetching the URLs took longer than this server's 0.4 s limit")


def test_a_request_that_waited_for_a_thread_all_along_is_told_the_server_is_busy() -> None:
    gate = threading.Event()
    app = create_app(Settings(threads=1, timeout=0.5), summarize=fake_brief)
    try:
        app.state.worker.submit(gate.wait, 5)  # the only thread is taken; the queue has room
        msg = error_of(TestClient(app, base_url=BASE).post("/api/summarize", json={"documents": ["A b."]}), 503)
        assert msg.startswith("server busy")
    finally:
        gate.set()


def test_a_url_that_waited_for_a_fetch_thread_all_along_is_told_the_server_is_busy() -> None:
    gate = threading.Event()
    app = create_app(Settings(fetch_threads=1, timeout=0.5), fetch=lambda *a: Document(text="A b."), summarize=fake_brief)
    try:
        app.state.fetcher.submit(gate.wait, 5)  # the only fetch thread is taken; the queue has room
        msg = error_of(post(TestClient(app, base_url=BASE), {"urls": ["http://example.org/"]}), 503)
        assert msg.startswith("server busy")
    finally:
        gate.set()


def test_slow_pages_never_hold_up_text_only_requests() -> None:
    """Fetching had the summarize threads: a few requests whose pages were slow took every thread until
    their fetch deadline, and a text-only request (20 ms of work) waited up to its whole deadline. Fetches
    now have a pool of their own: with every fetch thread stuck, text is still answered at once."""
    gate = threading.Event()
    started = threading.Semaphore(0)

    def stuck(url: str, timeout: float, max_bytes: int) -> Document:
        started.release()
        gate.wait(5)
        return Document(text=f"Text fetched from {url}. It has two sentences.")

    app = create_app(Settings(threads=2, fetch_threads=2, timeout=2), fetch=stuck, summarize=fake_brief)
    answers: list[int] = []
    with TestClient(app, base_url=BASE) as c:
        slow = [threading.Thread(target=lambda i=i: answers.append(post(c, {"urls": [f"http://slow.example/{i}"]}).status_code))
                for i in range(4)]
        try:
            for t in slow:
                t.start()
            for _ in range(2):  # both fetch threads are taken (and two more requests wait for one)
                assert started.acquire(timeout=1.5)
            t0 = time.monotonic()
            r = post(c, {"documents": ["Plain text. Nothing to fetch."]})
            assert r.status_code == 200, r.text
            assert time.monotonic() - t0 < 0.5
        finally:
            gate.set()
            for t in slow:
                t.join(5)
        assert sorted(answers) == [200] * 4
    # the lifespan shut both pools down
    for pool in (app.state.worker.pool, app.state.fetcher.pool):
        with pytest.raises(RuntimeError, match="shutdown"):
            pool.submit(lambda: None)


def test_one_request_never_takes_every_fetch_thread() -> None:
    lock = threading.Lock()
    running, most = 0, 0

    def fetch(url: str, timeout: float, max_bytes: int) -> Document:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        time.sleep(0.05)
        with lock:
            running -= 1
        return Document(text=f"Text fetched from {url}. It has two sentences.")

    c = client(Settings(threads=1, fetch_threads=3), fetch=fetch, summarize=fake_brief)
    r = post(c, {"urls": [f"http://example.org/{i}" for i in range(8)]})
    assert r.status_code == 200, r.text
    assert most == 2  # fetch_threads - 1: one is always left for other requests


def test_urls_disabled() -> None:
    def fetch(url: str, timeout: float, max_bytes: int) -> Document:  # pragma: no cover - must not run
        raise AssertionError("fetched although --no-urls")

    c = client(Settings(allow_urls=False), fetch=fetch, summarize=fake_brief)
    msg = error_of(post(c, {"documents": ["A b."], "urls": ["https://example.org/"]}), 400)
    assert "--no-urls" in msg
    assert post(c, {"documents": ["A b."], "urls": []}).status_code == 200
    assert c.get("/api/health").json()["urls"] is False


def test_default_fetch_uses_newsfuse_fetch_fetch_url(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib
    import sys
    import types

    calls: list[Any] = []

    def fetch_url(url: str, timeout: float = 10, max_bytes: int = 5_000_000, cancel: Any = None) -> Document:
        calls.append((url, timeout, max_bytes))
        return Document(text="Fetched. Text here.")

    try:
        real = importlib.import_module("newsfuse.fetch")
        monkeypatch.setattr(real, "fetch_url", fetch_url)
    except ImportError:
        fake = types.ModuleType("newsfuse.fetch")
        fake.fetch_url = fetch_url  # type: ignore[attr-defined]
        monkeypatch.setitem(sys.modules, "newsfuse.fetch", fake)
    r = post(client(summarize=fake_brief), {"urls": ["https://example.org/story"]})
    assert r.status_code == 200, r.text
    assert calls and calls[0][0] == "https://example.org/story"


# --- health, OpenAPI, page, headers -----------------------------------------------------


def test_health() -> None:
    body = client(Settings(max_documents=7, timeout=12)).get("/api/health").json()
    assert body["status"] == "ok"
    assert body["limits"] == {"max_body_bytes": 5_000_000, "max_documents": 7, "timeout_seconds": 12}


def test_openapi_describes_the_api() -> None:
    spec = client().get("/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    op = spec["paths"]["/api/summarize"]["post"]
    ref = op["requestBody"]["content"]["application/json"]["schema"]["$ref"].split("/")[-1]
    req = spec["components"]["schemas"][ref]
    assert {"documents", "urls", "words", "sentences", "bytes"} <= set(req["properties"])
    assert set(spec["components"]["schemas"]["DocumentIn"]["properties"]) >= {"text", "title", "url", "source", "date"}
    assert "path" not in json.dumps(req).lower().replace("/paths", "")
    assert {"200", "400", "413", "503"} <= set(op["responses"])
    assert "/api/health" in spec["paths"]


def test_docs_page_is_self_hosted() -> None:
    c = client()
    r = c.get("/docs")
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    assert "/static/docs.js" in r.text
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", r.text), "no CDN or external assets"
    assert c.get("/static/docs.js").status_code == 200
    assert c.get("/redoc").status_code == 404


def test_page_and_assets_have_no_inline_script_no_cdn_no_html_injection() -> None:
    c = client()
    page = c.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    for tag in re.findall(r"<script\b[^>]*>", page.text):
        assert "src=" in tag, f"inline script: {tag}"
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page.text)
    assert not re.search(r"<[^>]*\son[a-z]+\s*=", page.text), "no inline event handlers"
    assert not re.search(r"<[^>]*\sstyle\s*=", page.text), "no inline styles (CSP style-src 'self')"
    for name in ("app.js", "app.css", "docs.js"):
        r = c.get(f"/static/{name}")
        assert r.status_code == 200, name
        if name.endswith(".js"):
            for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
                assert sink not in r.text, f"{name} uses {sink}"
    assert {p.name for p in STATIC_DIR.iterdir()} >= {"index.html", "app.js", "app.css"}


def test_security_headers_on_every_response() -> None:
    c = client(Settings(max_body_bytes=10))
    for r in (c.get("/"), c.get("/api/health"), c.get("/static/app.js"), c.get("/missing"), raw(c, b"x" * 100)):
        csp = r.headers.get("content-security-policy", "")
        assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert r.headers.get("x-content-type-options") == "nosniff"


def test_cors_is_off_by_default_and_on_when_configured() -> None:
    origin = "https://news.example.org"
    c = client(summarize=fake_brief)
    r = post(c, {"documents": ["A b."]}, headers={"origin": origin})
    assert "access-control-allow-origin" not in r.headers
    pre = c.options("/api/summarize", headers={"origin": origin, "access-control-request-method": "POST"})
    assert "access-control-allow-origin" not in pre.headers

    c = client(Settings(cors_origins=(origin,)), summarize=fake_brief)
    r = post(c, {"documents": ["A b."]}, headers={"origin": origin})
    assert r.headers["access-control-allow-origin"] == origin
    pre = c.options(
        "/api/summarize",
        headers={"origin": origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type"},
    )
    assert pre.status_code == 200 and pre.headers["access-control-allow-origin"] == origin
    other = post(c, {"documents": ["A b."]}, headers={"origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers


def test_loopback_server_refuses_foreign_host_headers() -> None:
    """A DNS-rebinding page reaches 127.0.0.1 with its own name in Host: refuse it."""
    app = create_app(Settings(), summarize=fake_brief)
    assert "Host" in error_of(TestClient(app, base_url="http://evil.example").get("/api/health"), 400)
    for base in ("http://localhost:8000", "http://127.0.0.1:9", "http://[::1]:8000"):
        assert TestClient(app, base_url=base).get("/api/health").status_code == 200, base
    public = create_app(Settings(host="0.0.0.0"), summarize=fake_brief)
    assert TestClient(public, base_url="http://my-host.lan").get("/api/health").status_code == 200


def test_settings_validation() -> None:
    with pytest.raises(InputError):
        Settings(cors_origins=("not an origin",))
    with pytest.raises(InputError):
        Settings(timeout=0)
    with pytest.raises(InputError):
        Settings(max_documents=0)
    with pytest.raises(InputError, match="--fetch-threads"):
        Settings(fetch_threads=0)
    s = Settings(cors_origins=("https://a.example", "*"), allowed_hosts=("x",))
    assert Settings.from_json(s.to_json()) == s


# --- the command ----------------------------------------------------------------------------


def test_serve_command_builds_settings_and_runs_uvicorn(monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn
    from click.testing import CliRunner

    runs: list[tuple[Any, dict[str, Any]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: runs.append((app, kw)))
    result = CliRunner().invoke(serve_command, [])
    assert result.exit_code == 0, result.output
    app, kw = runs[-1]
    assert kw["host"] == "127.0.0.1" and kw["port"] == 8000
    s = app.state.settings
    assert (s.max_body_bytes, s.max_documents, s.timeout, s.allow_urls, s.cors_origins) == (5_000_000, 200, 30, True, ())
    assert (s.threads, s.fetch_threads) == (4, 8)
    assert (app.state.worker.pool._max_workers, app.state.fetcher.pool._max_workers) == (4, 8)

    args = ["--port", "9123", "--max-body-mb", "0.5", "--max-documents", "9", "--timeout", "4", "--no-urls",
            "--cors-origin", "https://a.example", "--cors-origin", "https://b.example,https://c.example",
            "--threads", "2", "--fetch-threads", "16"]
    result = CliRunner().invoke(serve_command, args)
    assert result.exit_code == 0, result.output
    app, kw = runs[-1]
    s = app.state.settings
    assert kw["port"] == 9123
    assert (s.max_body_bytes, s.max_documents, s.timeout, s.allow_urls) == (500_000, 9, 4, False)
    assert (s.threads, s.fetch_threads) == (2, 16)
    assert s.cors_origins == ("https://a.example", "https://b.example", "https://c.example")

    result = CliRunner().invoke(serve_command, ["--host", "0.0.0.0"])
    assert "warning" in result.output and "--no-urls" in result.output


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "0"])
def test_a_body_limit_that_is_no_number_is_a_usage_error(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    """--max-body-mb nan was "internal error: ValueError: cannot convert float NaN to integer", exit 1."""
    from newsfuse.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["serve", "--max-body-mb", value])
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and "--max-body-mb" in err and "internal error" not in err, err


def test_serve_is_wired_into_the_cli() -> None:
    from click.testing import CliRunner

    from newsfuse.cli import cli

    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    for flag in ("--host", "--port", "--max-body-mb", "--max-documents", "--timeout", "--no-urls", "--cors-origin",
                 "--threads", "--fetch-threads"):
        assert flag in result.output


def test_static_dir_ships_with_the_package() -> None:
    assert STATIC_DIR == Path(newsfuse.__file__).parent / "static"


def test_serve_on_a_port_in_use_or_an_unknown_host_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    """uvicorn logged several lines and exited 3; now one line and exit 2, before the server starts."""
    import socket

    from newsfuse.cli import main

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        for args, says in (
            (["--port", str(port)], f"newsfuse: error: cannot listen on 127.0.0.1:{port}: Address already in use"),
            (["--host", "no such host!", "--port", "0"], "newsfuse: error: cannot listen on no such host!:0: unknown host"),
        ):
            with pytest.raises(SystemExit) as exc:
                main(["serve", *args])
            err = capsys.readouterr().err
            assert exc.value.code == 2 and len(err.splitlines()) == 1 and err.startswith(says), err


def test_lone_surrogate_in_an_article_is_a_brief_not_a_500() -> None:
    """"\\ud800" is valid JSON; the brief holding it could not be encoded: 500 'internal error: UnicodeEncodeError'."""
    body = json.dumps({"documents": [{"text": ARTICLES[0]["text"].replace("cracks", "cracks \ud800"), "source": "Ledger \udcff"}]})
    r = raw(client(), body.encode())
    assert r.status_code == 200, r.text
    data = r.json()
    assert "\ufffd" in data["summary"] and data["sources"][0]["name"] == "Ledger \ufffd"


def test_a_terminated_server_does_not_wait_for_slow_pages_to_run_out_their_time() -> None:
    """`newsfuse serve` with requests in flight on a page that sends a byte a second: SIGTERM ends the process in
    about 5 s (uvicorn's graceful shutdown), not after the fetches' own time (it took 19 s with --timeout 20)."""
    import http.server
    import signal
    import socket
    import subprocess
    import sys
    import urllib.request

    class Dribble(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the standard library's name
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(30):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(1)
            except OSError:  # the fetch gave up
                pass

        def log_message(self, *args: object) -> None:
            pass

    page = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Dribble)
    page.daemon_threads = True
    threading.Thread(target=page.serve_forever, daemon=True).start()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "newsfuse", "serve", "--port", str(port), "--timeout", "20"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):  # up and answering
            try:
                urllib.request.urlopen(base + "/api/health", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        body = json.dumps({"urls": [f"http://127.0.0.1:{page.server_address[1]}/story"]}).encode()

        def ask() -> None:
            req = urllib.request.Request(base + "/api/summarize", data=body, headers={"content-type": "application/json"})
            try:
                urllib.request.urlopen(req, timeout=30).close()
            except OSError:
                pass

        for _ in range(2):
            threading.Thread(target=ask, daemon=True).start()
        time.sleep(1.0)  # both fetches are reading the page
        t = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        proc.wait(30)
        assert time.monotonic() - t < 8, proc.stderr.read() if proc.stderr else ""
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        page.shutdown()


# --- files: read in memory by the CLI's file reader -------------------------------------------------------------

FIXTURES = Path(__file__).parent / "fixtures"


def sent(path: Path, name: str | None = None) -> dict[str, str]:
    import base64

    return {"name": name or path.name, "data": base64.b64encode(path.read_bytes()).decode()}


def b64(data: bytes) -> str:
    import base64

    return base64.b64encode(data).decode()


def test_pdf_and_word_files_give_a_brief_that_cites_them() -> None:
    veyra = FIXTURES / "veyra-plant"
    files = [sent(veyra / n) for n in ("01-ministry-of-water-and-infrastructure.pdf", "02-land-and-environment-court.pdf",
                                       "03-the-veyra-tidings.pdf", "04-coastline-wire.docx")]
    r = post(client(), {"files": files, "documents": [(veyra / "06-radio-norvalle-west.txt").read_text()], "words": 80})
    assert r.status_code == 200, r.text
    brief = r.json()
    assert set(brief) == BRIEF_KEYS  # (nothing skipped: no "notes")
    names = {s["id"]: s["name"] for s in brief["sources"]}
    assert {"Ministry of Water and Infrastructure", "Land and Environment Court", "The Veyra Tidings",
            "Coastline Wire"} <= set(names.values())
    cited = {i for s in brief["sentences"] for i in s["sources"]}
    assert any(names[i] in ("Ministry of Water and Infrastructure", "Coastline Wire", "The Veyra Tidings",
                            "Land and Environment Court") for i in cited)
    assert "Port Veyra" in brief["summary"] and brief["stats"]["documents"] == 5


def test_a_press_kit_zip_and_an_rtf_file_give_a_brief_that_cites_them() -> None:
    orvel = FIXTURES / "orvel-astrolabe"
    files = [sent(orvel / "orvel-museum-press-kit.zip"), sent(orvel / "04-harbour-wire.rtf")]
    r = post(client(), {"files": files, "words": 120})
    assert r.status_code == 200, r.text
    brief = r.json()
    names = {s["id"]: s["name"] for s in brief["sources"]}
    assert {"Orvel Museum of Navigation", "Vesterholm Police", "Harbour Wire"} <= set(names.values())
    assert brief["stats"]["documents"] == 4
    assert brief["notes"] == ["skipped: orvel-museum-press-kit.zip/Orvel Museum press kit/photos/astrolabe-returned.jpg "
                              "is a binary or undecodable file, not text"]
    cited = {names[i] for s in brief["sentences"] for i in s["sources"]}
    assert {"Orvel Museum of Navigation", "Harbour Wire"} <= cited
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("a.txt", b"\0" * 30_000_000)
    r = post(client(), {"files": [{"name": "kit.zip", "data": b64(bomb.getvalue())}]})
    assert r.status_code == 400 and "ZIP bomb" in r.json()["error"], r.text


def test_files_are_read_as_the_cli_reads_them() -> None:
    folder = FIXTURES / "penmarrow-pier"
    paths = sorted(p for p in folder.iterdir() if not p.name.startswith(("_", "README")))
    r = post(client(), {"files": [sent(p) for p in paths], "words": 120})
    assert r.status_code == 200, r.text
    from newsfuse.load import load_inputs

    out = newsfuse.summarize(load_inputs([str(folder)], warn=lambda _: None), words=120).to_dict()
    assert r.json()["summary"] == out["summary"]
    assert [s["name"] for s in r.json()["sources"]] == [s["name"] for s in out["sources"]]


def test_a_warc_file_gives_each_of_its_pages() -> None:
    r = post(client(), {"files": [sent(FIXTURES / "penmarrow-pier" / "03-crawl.warc.gz")], "words": 60})
    assert r.status_code == 200, r.text
    sources = r.json()["sources"]
    assert [s["id"] for s in sources] == ["03-crawl-1", "03-crawl-2", "03-crawl-3"]
    assert all(s["url"].startswith("https://") for s in sources)


def test_captions_exports_and_a_page_with_notes_on_what_was_skipped_or_left_out() -> None:
    folder = FIXTURES / "caddow-slide"
    paths = sorted(p for p in folder.iterdir() if p.name != "README.md")
    r = post(client(), {"files": [sent(p) for p in paths], "words": 80})
    assert r.status_code == 200, r.text
    notes = r.json()["notes"]
    assert "skipped: 01-kcdw-11-news.vtt: its captions have no punctuation (automatic captions?), so they cannot be " \
           "read as sentences" in notes
    assert "03-newsapi-export.json: 1 of the export's 5 articles is other news, not read" in notes
    assert {"Pennick Public Radio", "Pennick Valley Herald", "Pennick County Record"} <= {
        s["name"] for s in r.json()["sources"]}


def test_a_file_that_is_not_base64_is_a_400_naming_it() -> None:
    c = client(summarize=fake_brief)
    msg = error_of(post(c, {"files": [{"name": "release.pdf", "data": "JVBERi0x%%%"}], "documents": ["A b."]}), 400)
    assert msg.startswith("files[0] (release.pdf): \"data\" is not valid base64")
    # a data: URL's prefix and base64 wrapped at 76 columns are base64
    wrapped = "data:text/plain;base64," + "\n".join(b64(b"A plain article. " * 20)[k:k + 76] for k in range(0, 460, 76))
    r = post(c, {"files": [{"name": "note.txt", "data": wrapped}]})
    assert r.status_code == 200 and r.json()["sources"][0]["id"] == "note"


@pytest.mark.parametrize(("item", "needle"), [
    ({"data": "QQ=="}, 'files[0] needs a "name" string'),
    ({"name": " / ", "data": "QQ=="}, 'files[0] needs a "name"'),
    ({"name": "x/..", "data": "QQ=="}, 'files[0] needs a "name"'),
    ({"name": "\u202e\u2066", "data": "QQ=="}, 'files[0] needs a "name"'),
    ({"name": "a.txt"}, 'files[0] (a.txt) needs a "data" string'),
    ({"name": "a.txt", "data": "QQ==", "path": "/etc/passwd"}, "files[0] has unknown field 'path'"),
    ("release.pdf", "files[0] must be an object"),
])
def test_a_bad_file_entry_is_a_400_saying_what_is_wrong(item: Any, needle: str) -> None:
    assert needle in error_of(post(client(summarize=fake_brief), {"files": [item]}), 400)


def test_a_files_name_is_only_a_name_never_a_path_the_server_reads() -> None:
    c = client(summarize=fake_brief)
    text = b"The council met on Monday. It approved the harbor budget."
    for name in ("/etc/hostname", "../../../etc/passwd", "C:\\Windows\\win.ini"):
        r = post(c, {"files": [{"name": name, "data": b64(text)}]}, params={"include_text": "true"})
        assert r.status_code == 200, r.text
        src = r.json()["sources"][0]
        assert src["text"] == text.decode() and "/" not in src["id"] and "\\" not in src["id"]


def test_a_files_name_cannot_show_reversed_in_messages_or_sources() -> None:
    # U+202E (right-to-left override) made "evil\u202efdp.exe" show as "evilexe.pdf" in the page's error line
    c = client(summarize=fake_brief)
    msg = error_of(post(c, {"files": [{"name": "evil\u202efdp.exe.html", "data": b64(b"\x00\x01" * 50)}]}), 400)
    assert msg.startswith("evilfdp.exe.html is a binary") and "\u202e" not in msg
    r = post(c, {"files": [{"name": "led\u2067ger\u200f.txt", "data": b64(b"The council met on Monday. It voted.")}]})
    assert r.status_code == 200 and r.json()["sources"][0]["id"] == "ledger"


CORRUPT_PDF = b"%PDF-1.7\n" + bytes(range(256)) * 40


def test_a_corrupt_pdf_alone_is_a_400_naming_it() -> None:
    msg = error_of(post(client(), {"files": [{"name": "release.pdf", "data": b64(CORRUPT_PDF)}]}), 400)
    assert msg.startswith("release.pdf is not a readable PDF")


@pytest.mark.parametrize(("name", "data", "needle"), [
    ("statement.pdf", CORRUPT_PDF, "skipped: statement.pdf is not a readable PDF"),
    ("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "skipped: photo.png is a binary or undecodable file"),
    ("report.docx", b"PK\x03\x04 not really a zip", "skipped: report.docx is not a readable"),
])
def test_a_bad_file_beside_good_text_is_skipped_with_a_note(name: str, data: bytes, needle: str) -> None:
    r = post(client(), {"files": [{"name": name, "data": b64(data)}], "documents": ARTICLES, "words": 60})
    assert r.status_code == 200, r.text
    assert [n for n in r.json()["notes"] if n.startswith(needle)], r.json()["notes"]
    assert r.json()["stats"]["documents"] == 3


def test_an_encrypted_pdf_alone_says_so() -> None:
    from test_pdf_office import _encrypted_pdf

    msg = error_of(post(client(), {"files": [{"name": "sealed.pdf", "data": b64(_encrypted_pdf())}]}), 400)
    assert msg.startswith("sealed.pdf is an encrypted PDF")


def test_a_file_over_the_body_limit_is_a_413() -> None:
    pdf = FIXTURES / "veyra-plant" / "01-ministry-of-water-and-infrastructure.pdf"  # 6,192 bytes: 8,256 in base64
    c = client(Settings(max_body_bytes=8_000), summarize=fake_brief)
    assert "request body too large" in error_of(post(c, {"files": [sent(pdf)]}), 413)
    assert post(client(Settings(max_body_bytes=9_000), summarize=fake_brief), {"files": [sent(pdf)]}).status_code == 200


def test_files_count_toward_the_document_limit_and_so_do_the_documents_they_give() -> None:
    c = client(Settings(max_documents=3), summarize=fake_brief)
    txt = {"name": "a.txt", "data": b64(b"The council met. It voted.")}
    assert "too many documents: 4 given" in error_of(post(c, {"documents": ["A b."] * 2, "files": [txt] * 2}), 413)
    # a WARC file of three pages beside one text: four documents once read
    warc = sent(FIXTURES / "penmarrow-pier" / "03-crawl.warc.gz")
    msg = error_of(post(c, {"documents": ["A b."], "files": [warc]}), 413)
    assert msg == "too many documents: the request's texts, URLs and files give 4, this server takes at most 3 per request"
    assert post(c, {"files": [warc]}).status_code == 200


def test_a_hostile_pdf_times_out_and_never_holds_up_other_requests() -> None:
    from test_pdf_office import shared_stream_pdf

    hostile = shared_stream_pdf(200, 20_000)  # about 1 s a page before pdf_text's content cap (10 s in all after it)
    with client(Settings(timeout=1.5, threads=2)) as c:
        _wait_for_pool(c.app, Settings().processes)  # (reading it in a worker process: one started in time)
        results: dict[str, Any] = {}

        def slow() -> None:
            t0 = time.monotonic()
            results["hostile"] = (post(c, {"files": [{"name": "h.pdf", "data": b64(hostile)}]}), time.monotonic() - t0)

        t = threading.Thread(target=slow)
        t.start()
        time.sleep(0.3)
        t0 = time.monotonic()
        r = post(c, {"documents": ARTICLES, "words": 40})
        other = time.monotonic() - t0
        t.join(10)
        assert r.status_code == 200, r.text
        assert other < 1.5 + 1
        r, took = results["hostile"]
        assert "timed out: reading the files took longer than this server's 1.5 s limit" in error_of(r, 503)
        assert took < 1.5 + 1


def test_openapi_describes_files_and_notes() -> None:
    spec = client().get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    assert set(schemas["FileIn"]["properties"]) == {"name", "data"}
    assert "files" in schemas["SummarizeRequest"]["properties"]
    assert "notes" in schemas["BriefOut"]["properties"]


def test_a_file_of_several_clusters_says_to_send_one_not_to_use_a_cli_option() -> None:
    lines = [json.dumps({"id": f"c{i}", "documents": ["The bridge closed on Tuesday after inspectors found cracks."]})
             for i in (1, 2)]
    msg = error_of(post(client(), {"files": [{"name": "clusters.jsonl", "data": b64("\n".join(lines).encode())}]}), 400)
    assert "2 clusters in clusters.jsonl: send one cluster's documents" in msg and "--cluster" not in msg


# --- heavy requests in worker processes: stopped at the deadline or past a memory cap -----------------------------

# Sentences of one word: about 2.7 s a megabyte to summarize, 340 MB of memory for 3 MB (README, "Speed"); written
# here, any text that takes long would do.
ONE_WORD_SENTENCES = b"word. " * 200_000  # 1.2 MB


def _gone(pid: int, within: float = 3.0) -> bool:
    """The process has exited and been reaped (or is a zombie) within ``within`` seconds."""
    stop = time.monotonic() + within
    while time.monotonic() < stop:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            return True
        if state in ("Z", "X"):
            return True
        time.sleep(0.05)
    return False


def _wait_for_pool(app: Any, n: int, within: float = 20.0) -> list[int]:
    stop = time.monotonic() + within
    while len(app.state.pool.pids(ready=True)) < n and time.monotonic() < stop:
        time.sleep(0.05)
    pids: list[int] = app.state.pool.pids(ready=True)
    assert len(pids) == n, pids
    return pids


def test_a_request_past_its_deadline_is_stopped_not_left_running() -> None:
    """The work of a request that timed out ran on to its end in a thread that could not be stopped (a hostile PDF
    held one for 14-18 s after its 503); in a worker process it is killed at the deadline, and the process replaced."""
    app = create_app(Settings(timeout=1.5, processes=1))
    with TestClient(app, base_url=BASE) as c:
        (pid,) = _wait_for_pool(app, 1)
        t0 = time.monotonic()
        r = post(c, {"files": [{"name": "words.txt", "data": b64(ONE_WORD_SENTENCES * 2)}]})
        took = time.monotonic() - t0
        msg = error_of(r, 503)
        assert msg == ("timed out: summarizing took longer than this server's 1.5 s limit; send fewer or smaller files "
                       "or articles, or try again")
        assert took < 1.5 + 1
        assert _gone(pid), "the timed-out job's process still runs"
        time.sleep(0.3)
        assert c.get("/api/health").json()["pending"] == 0  # (a thread would hold its job for seconds yet)
        (new,) = _wait_for_pool(app, 1)
        assert new != pid
        r = post(c, {"files": [{"name": "a.txt", "data": b64(ARTICLES[2].encode())}], "documents": ARTICLES[:2],
                     "words": 40})
        assert r.status_code == 200, r.text
        assert {s["id"] for s in r.json()["sources"]} == {"d1", "d2", "a"}


def test_hostile_uploads_in_flight_never_starve_a_small_request() -> None:
    """Three uploads that take long to read at once, with two summarizing threads: a small text request used to wait
    for a thread until its own deadline (503 "busy"); it now runs on the server's threads beside them."""
    app = create_app(Settings(timeout=3, processes=2, threads=2))
    with TestClient(app, base_url=BASE) as c:
        _wait_for_pool(app, 2)
        answers: list[Any] = []

        def hostile() -> None:
            answers.append(post(c, {"files": [{"name": "words.txt", "data": b64(ONE_WORD_SENTENCES * 2)}]}))

        uploads = [threading.Thread(target=hostile) for _ in range(3)]
        for t in uploads:
            t.start()
        time.sleep(0.5)  # all three are in: two in the worker processes, one waiting for one
        t0 = time.monotonic()
        r = post(c, {"documents": ARTICLES, "words": 40})
        took = time.monotonic() - t0
        assert r.status_code == 200, r.text
        assert took < 1.0, took
        for t in uploads:
            t.join(10)
        assert len(answers) == 3
        msgs = sorted(error_of(a, 503) for a in answers)
        assert all(m.startswith(("timed out: ", "server busy")) for m in msgs), msgs


def test_a_request_that_grows_a_worker_past_its_memory_cap_is_stopped_with_a_413() -> None:
    from newsfuse.serve_pool import rss_bytes

    app = create_app(Settings(timeout=30, processes=1))
    with TestClient(app, base_url=BASE) as c:
        (pid,) = _wait_for_pool(app, 1)
        small = {"files": [{"name": "a.txt", "data": b64(ARTICLES[2].encode())}], "documents": ARTICLES[:2]}
        assert post(c, small).status_code == 200  # (its resident memory as after a request)
        # one-word sentences take about 75 MB a megabyte, so 2.4 MB of them go past this cap
        app.state.pool.memory_bytes = rss_bytes(pid) + 100_000_000
        t0 = time.monotonic()
        msg = error_of(post(c, {"files": [{"name": "words.txt", "data": b64(ONE_WORD_SENTENCES * 2)}]}), 413)
        assert time.monotonic() - t0 < 15
        cap = app.state.pool.memory_bytes // 1_000_000
        assert msg in (f"too large: {stage} needed more than this server's {cap} MB of memory (--worker-memory-mb); "
                       "send fewer or smaller files" for stage in ("reading the files", "summarizing"))
        assert _gone(pid)
        r = post(c, small)
        assert r.status_code == 200, r.text


def test_a_worker_killed_mid_request_is_a_500_in_one_line_and_is_replaced() -> None:
    """(The system's out-of-memory killer, an operator's kill -9.)"""
    import os
    import signal

    app = create_app(Settings(timeout=20, processes=1))
    with TestClient(app, base_url=BASE) as c:
        (pid,) = _wait_for_pool(app, 1)
        threading.Timer(0.5, os.kill, (pid, signal.SIGKILL)).start()
        msg = error_of(post(c, {"files": [{"name": "words.txt", "data": b64(ONE_WORD_SENTENCES * 3)}]}), 500)
        assert msg == "internal error: the worker process died (killed by signal 9)"
        r = post(c, {"files": [{"name": "a.txt", "data": b64(ARTICLES[2].encode())}], "documents": ARTICLES[:2]})
        assert r.status_code == 200, r.text
        assert pid not in app.state.pool.pids()


def test_long_texts_are_summarized_in_a_worker_process_as_on_a_thread() -> None:
    body = {"documents": ARTICLES, "words": 40}
    on_thread = post(client(Settings(processes=0)), body, params={"include_text": "true"}).json()
    app = create_app(Settings(inline_chars=100))  # every request with over 100 characters of text
    with TestClient(app, base_url=BASE) as c:
        r = post(c, body, params={"include_text": "true"})
        assert r.status_code == 200, r.text
        assert app.state.pool.started >= 1
        in_process = r.json()
    for brief in (on_thread, in_process):
        brief["stats"].pop("seconds")
    assert in_process == on_thread
    # a library's one-line error from a worker process is the same 400
    assert error_of(post(client(Settings(inline_chars=0)), {"documents": ["Breaking"]}), 400) == error_of(
        post(client(Settings(processes=0)), {"documents": ["Breaking"]}), 400)


def test_files_read_in_a_worker_process_still_count_toward_the_document_limit() -> None:
    app = create_app(Settings(max_documents=3))
    with TestClient(app, base_url=BASE) as c:
        msg = error_of(post(c, {"documents": ["A b."], "files": [sent(FIXTURES / "penmarrow-pier" / "03-crawl.warc.gz")]}),
                       413)
        assert msg == "too many documents: the request's texts, URLs and files give 4, this server takes at most 3 per request"
        assert app.state.pool.started >= 1


def test_process_settings_from_the_command_line_and_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn
    from click.testing import CliRunner

    runs: list[Any] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: runs.append(app))
    assert CliRunner().invoke(serve_command, []).exit_code == 0
    s = runs[-1].state.settings
    assert (s.processes, s.worker_memory_mb, s.inline_chars) == (min(4, os.cpu_count() or 1), 1500, 100_000)
    args = ["--processes", "3", "--worker-memory-mb", "800", "--inline-chars", "5000"]
    result = CliRunner().invoke(serve_command, args, env={"NEWSFUSE_SERVE_TIMEOUT": "12.5"})
    assert result.exit_code == 0, result.output
    s = runs[-1].state.settings
    assert (s.processes, s.worker_memory_mb, s.inline_chars, s.timeout) == (3, 800, 5000, 12.5)
    assert runs[-1].state.pool.size == 3
    assert CliRunner().invoke(serve_command, ["--processes", "0"]).exit_code == 0
    assert runs[-1].state.pool is None  # everything on threads
    with pytest.raises(InputError):
        Settings(processes=-1)


# --- small requests in an idle worker process, else on a thread ----------------------------------------------------


def _summarize_here(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Record each summary made in this process (on a server thread); one in a worker process is not seen here."""
    calls: list[int] = []
    real = newsfuse.summarize

    def here(documents: Any, **budget: Any) -> Brief:
        if documents[0].text == ARTICLES[0]["text"]:  # (not the server's warm-up)
            calls.append(os.getpid())
        return real(documents, **budget)

    monkeypatch.setattr(newsfuse, "summarize", here)
    return calls


def test_a_small_request_runs_in_an_idle_worker_process_else_on_a_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """Threads share one interpreter, so small requests used only one core however many there were; now one takes a
    worker process when one is idle, leaving one idle for heavy requests, and runs on a thread when none is: it never
    waits for a process. The brief is the same either way."""
    calls = _summarize_here(monkeypatch)
    body = {"documents": ARTICLES, "words": 40}
    app = create_app(Settings(processes=3))
    with TestClient(app, base_url=BASE) as c:
        _wait_for_pool(app, 3)
        pool = app.state.pool
        r = post(c, body, params={"include_text": "true"})
        assert r.status_code == 200, r.text
        assert calls == []  # summarized in a worker process
        in_process = r.json()
        held = [pool.try_acquire(), pool.try_acquire()]  # two of the three busy: the last one is kept for heavy work
        assert None not in held
        t0 = time.monotonic()
        r = post(c, body, params={"include_text": "true"})
        assert r.status_code == 200, r.text
        assert time.monotonic() - t0 < 5  # (it did not wait for a process)
        assert calls == [os.getpid()]  # on a thread
        on_thread = r.json()
        assert pool.try_acquire(1) is None  # the one left idle is not for small requests (as the server asks)
        for proc in held:
            pool.release(proc)
        assert post(c, body).status_code == 200
        assert len(calls) == 1  # in a worker process again
    for brief in (in_process, on_thread):
        brief["stats"].pop("seconds")
    assert in_process == on_thread


def test_a_small_request_takes_no_process_while_a_heavy_request_waits_for_one() -> None:
    """A heavy request waiting for a process gets the next one given back; a small request arriving meanwhile, which
    would otherwise take it first, runs on a thread."""
    from newsfuse.serve_pool import ProcessPool, read_and_summarize

    pool = ProcessPool(1)
    try:
        pool.start()
        assert not pool.broken, pool.broken
        proc = pool.try_acquire()  # a small job holds the only process
        assert proc is not None and pool.try_acquire() is None
        answers: list[Any] = []
        docs = [Document(text=a if isinstance(a, str) else a["text"], id=f"d{i}") for i, a in enumerate(ARTICLES)]
        heavy = threading.Thread(target=lambda: answers.append(
            pool.call(time.monotonic() + 20, read_and_summarize, [], docs, {"words": 30}, 10)))
        heavy.start()
        stop = time.monotonic() + 5
        while not pool._heavy_waiting and time.monotonic() < stop:
            time.sleep(0.01)
        assert pool._heavy_waiting == 1
        pool.release(proc)  # the small job is done
        assert pool.try_acquire() is None  # the heavy request's, though it may not have taken it yet
        heavy.join(20)
        assert answers and answers[0][0] == "ok"
        assert pool.try_acquire() is not None  # given back by the heavy request: free for small requests again
    finally:
        pool.shutdown()


def test_a_small_request_in_a_worker_process_that_overruns_the_deadline_is_stopped() -> None:
    """Small requests on threads could not be stopped at the deadline; one in a worker process is killed then."""
    app = create_app(Settings(processes=2, timeout=1.0, inline_chars=10_000_000))
    with TestClient(app, base_url=BASE) as c:
        pids = _wait_for_pool(app, 2)
        # a text request under --inline-chars that takes long: one-word sentences (about 2.7 s a megabyte)
        r = post(c, {"documents": [ONE_WORD_SENTENCES.decode()]})
        assert error_of(r, 503).startswith("timed out: summarizing took longer than this server's 1 s limit")
        assert any(_gone(pid) for pid in pids), "the timed-out small request's process still runs"
        time.sleep(0.3)
        assert c.get("/api/health").json()["pending"] == 0


# --- stopping, and processes that cannot start -------------------------------------------------------------------


def test_a_request_cancelled_at_shutdown_gets_a_json_503_not_a_500_traceback() -> None:
    """uvicorn cancels the requests still running 5 s after Ctrl-C (timeout_graceful_shutdown); the cancellation
    reached uvicorn, which logged it as "Exception in ASGI application" with a traceback and answered a plain-text
    500. Now the client is told the server is stopping."""
    from newsfuse.server import ShutdownMiddleware

    started = asyncio.Event()

    async def slow(scope: Any, receive: Any, send: Any) -> None:
        started.set()
        await asyncio.sleep(60)

    async def run() -> list[Any]:
        sent: list[Any] = []

        async def send(message: Any) -> None:
            sent.append(message)

        task = asyncio.ensure_future(ShutdownMiddleware(slow)({"type": "http"}, None, send))
        await started.wait()
        task.cancel()
        await task  # (it does not raise: the request was answered)
        return sent

    sent = asyncio.run(run())
    assert sent[0]["status"] == 503
    assert json.loads(sent[1]["body"]) == {"error": "the server is shutting down; try again shortly"}


def _die_at_start(conn: Any, main_pid: int, blas_threads: int | None) -> None:
    """A worker process's main that dies before it is ready, as one whose start-up always fails would."""
    os._exit(3)


def test_worker_processes_that_always_die_at_start_up_leave_the_work_to_threads(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Every heavy request forked two processes that died and answered 500, for as long as the server ran; after
    three deaths in a row the server says why, once, and reads and summarizes on its threads."""
    from newsfuse.serve_pool import ProcessPool

    monkeypatch.setattr(ProcessPool, "target", staticmethod(_die_at_start))
    app = create_app(Settings(processes=1, inline_chars=100, timeout=10))
    with TestClient(app, base_url=BASE) as c:
        pool = app.state.pool
        stop = time.monotonic() + 10
        while pool.started < 1 and time.monotonic() < stop:  # (the start-up's own process)
            time.sleep(0.05)
        answers = [post(c, {"documents": ARTICLES, "words": 40}) for _ in range(4)]
        assert [r.status_code for r in answers][-2:] == [200, 200], [r.text for r in answers]
        assert all(r.status_code in (200, 500) for r in answers)
        assert pool.broken == "3 worker processes in a row died as they started (exit status 3)"
        started = pool.started
        assert post(c, {"documents": ARTICLES, "words": 40}).status_code == 200
        assert pool.started == started  # no more forks
    assert capsys.readouterr().err.count("died as they started") == 1
