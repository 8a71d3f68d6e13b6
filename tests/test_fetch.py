"""Fetching URLs: a local http.server on 127.0.0.1 serves every case."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newsfuse.errors import FetchError, InputError
from newsfuse.fetch import fetch_url
from newsfuse.load import load_inputs

PAGE = (
    b"<!DOCTYPE html><html><head><meta property=\"og:site_name\" content=\"Valley Public Radio\">"
    b"<meta property=\"article:published_time\" content=\"2025-05-06T07:00:00Z\"><title>Main breaks</title></head>"
    b"<body><nav>Home News</nav><article><p>About 3,000 Millbrook households lost running water Monday night.</p>"
    b"</article></body></html>"
)
BIG = b"x" * 2_000_000


VEYRA = Path(__file__).parent / "fixtures" / "veyra-plant"


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def send(self, status: int, body: bytes, ctype: str, length: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading at its size limit, as it should

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        path = self.path
        if path == "/ok":
            self.send(200, PAGE, "text/html; charset=utf-8")
        elif path == "/ua":
            self.send(200, self.headers.get("User-Agent", "").encode(), "text/plain")
        elif path == "/latin1":
            self.send(200, "Café owners in Millbrook said the water was back on Tuesday.".encode("latin-1"), "text/plain; charset=iso-8859-1")
        elif path == "/latin1-quotes":
            self.send(200, "“Fixed,” she said — the water is back.".encode("cp1252"), "text/plain; charset=ISO-8859-1")
        elif path == "/sniffed":
            self.send(200, "<html><head><meta charset=\"windows-1252\"></head><body><p>“Fixed,” she said.</p></body></html>".encode("cp1252"), "text/html")
        elif path == "/missing":
            self.send(404, b"not here", "text/plain")
        elif path == "/error":
            self.send(500, b"oops", "text/plain")
        elif path == "/big":
            self.send(200, BIG, "text/plain")
        elif path == "/big-chunked":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(40):
                    self.wfile.write(b"y" * 65536)
            except (BrokenPipeError, ConnectionResetError):
                pass  # (as in send: the client stopped reading at its size limit)
        elif path == "/slow":
            time.sleep(1.5)
            self.send(200, b"late", "text/plain")
        elif path in ("/drip", "/drip-headers"):  # a byte every 50 ms for 5 s: no read ever waits 0.3 s
            head = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n"
            sent = 0 if path == "/drip-headers" else len(head)
            try:
                self.wfile.write(head[:sent])
                for byte in [head[i:i + 1] for i in range(sent, len(head))] + [b"x"] * 100:
                    self.wfile.flush()
                    time.sleep(0.05)
                    self.wfile.write(byte)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/release":  # a PDF press release, its address without a suffix
            self.send(200, (VEYRA / "01-ministry-of-water-and-infrastructure.pdf").read_bytes(), "application/pdf")
        elif path == "/press-kit":  # a press kit (a ZIP archive) by its content type, its address without a suffix
            kit = Path(__file__).parent / "fixtures" / "orvel-astrolabe" / "orvel-museum-press-kit.zip"
            self.send(200, kit.read_bytes(), "application/zip")
        elif path == "/wire":  # an RTF wire copy
            wire = Path(__file__).parent / "fixtures" / "orvel-astrolabe" / "04-harbour-wire.rtf"
            self.send(200, wire.read_bytes(), "application/rtf")
        elif path == "/statement":  # a Word file sent as bytes of no kind: still a Word file, not an archive
            self.send(200, (VEYRA / "04-coastline-wire.docx").read_bytes(), "application/octet-stream")
        elif path == "/broken.pdf":
            self.send(200, b"%PDF-1.4\n1 0 obj <<", "application/pdf")
        elif path == "/image":
            self.send(200, b"\x89PNG\r\n\x1a\n\x00\x00", "image/png")
        elif path == "/binary":
            self.send(200, bytes(range(256)) * 10, "application/octet-stream")
        elif path == "/empty":
            self.send(200, b"", "text/plain")
        elif path == "/to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
        elif path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif path == "/to-ok":
            self.send_response(301)
            self.send_header("Location", "/ok")
            self.end_headers()
        else:
            self.send(404, b"", "text/plain")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_ok_html(server: str) -> None:
    doc = fetch_url(server + "/ok")
    assert doc.is_html and doc.source == "Valley Public Radio"
    assert (doc.title, doc.date, doc.url) == ("Main breaks", "2025-05-06", server + "/ok")
    assert "3,000 Millbrook households" in doc.text


def test_redirect_followed(server: str) -> None:
    assert fetch_url(server + "/to-ok").url == server + "/ok"


def test_user_agent_sent(server: str) -> None:
    assert fetch_url(server + "/ua").text.startswith("newsfuse/")


@pytest.mark.parametrize(("path", "snippet"), [("/latin1", "Café owners"), ("/sniffed", "“Fixed,” she said."), ("/latin1-quotes", "“Fixed,” she said — the")])
def test_charsets(server: str, path: str, snippet: str) -> None:
    assert snippet in fetch_url(server + path).text


def test_plain_text_source_is_domain(server: str) -> None:
    doc = fetch_url(server + "/latin1")
    assert not doc.is_html and doc.source == "127.0.0.1"


@pytest.mark.parametrize(
    ("path", "kwargs", "message"),
    [
        ("/missing", {}, r"^cannot fetch http://127\.0\.0\.1:\d+/missing: HTTP 404 Not Found$"),
        ("/error", {}, r"HTTP 500"),
        ("/big", {"max_bytes": 1_000_000}, r"^cannot fetch .*/big: larger than 1 MB$"),
        ("/big-chunked", {"max_bytes": 1_000_000}, r"larger than 1 MB$"),
        ("/slow", {"timeout": 0.3}, r"^cannot fetch .*/slow: timed out after 0\.3 s$"),
        ("/image", {}, r"not a text page \(content type image/png\)"),
        ("/binary", {}, r"binary or undecodable"),
        ("/empty", {}, r"the page is empty"),
        ("/to-file", {}, r"redirected to a non-HTTP address|unknown url type|file"),
        ("/loop", {}, r"^cannot fetch .*/loop: redirected in a loop or too many times \(HTTP 302\)$"),
    ],
)
def test_fetch_errors(server: str, path: str, kwargs: dict[str, float], message: str) -> None:
    t = time.perf_counter()
    with pytest.raises(FetchError, match=message):
        fetch_url(server + path, **kwargs)  # type: ignore[arg-type]
    assert time.perf_counter() - t < 20  # every case gives up well within its timeouts


@pytest.mark.parametrize("path", ["/drip", "/drip-headers"])
def test_a_server_dribbling_bytes_cannot_outlast_the_total_timeout(server: str, path: str) -> None:
    """Every read gets a byte within the 0.3 s timeout, but the fetch as a whole must end after 3 x 0.3 s."""
    t = time.perf_counter()
    with pytest.raises(FetchError, match=r"^cannot fetch .*/drip.*: timed out after 0\.9 s in all$"):
        fetch_url(server + path, timeout=0.3)
    assert time.perf_counter() - t < 1.5


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a.txt", "javascript:alert(1)", "example.org/a", "data:text/plain,hi", "http:///nohost"])
def test_non_http_rejected(url: str) -> None:
    with pytest.raises(FetchError, match=r"^cannot fetch "):
        fetch_url(url)


def test_connection_refused() -> None:
    with pytest.raises(FetchError, match=r"^cannot fetch http://127\.0\.0\.1:\d+/: connection refused$"):
        fetch_url(f"http://127.0.0.1:{free_port()}/", timeout=2)


def test_fetch_error_is_input_error() -> None:
    assert issubclass(FetchError, InputError)


def test_load_inputs_urls(server: str, tmp_path: Path) -> None:
    docs = load_inputs([server + "/ok"], urls=[server + "/latin1"])
    assert [d.source for d in docs] == ["Valley Public Radio", "127.0.0.1"]
    assert docs[0].id != docs[1].id


def test_load_inputs_failed_url_warns_when_others_remain(server: str, tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("The pipe under Elm Avenue broke on Monday evening, the utility said.\n", encoding="utf-8")
    said: list[str] = []
    docs = load_inputs([str(p)], urls=[server + "/missing"], warn=said.append)
    assert len(docs) == 1 and "HTTP 404" in said[0]


def test_load_inputs_only_failed_url_raises(server: str) -> None:
    with pytest.raises(FetchError, match="HTTP 404"):
        load_inputs([], urls=[server + "/missing"])


def test_a_hung_host_name_lookup_cannot_outlast_the_total_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """The socket's timeout does not cover getaddrinfo: a resolver that hangs must not hold the fetch."""
    import newsfuse.fetch as fetch

    release = threading.Event()

    def hung(*args: object, **kwargs: object) -> list[object]:
        release.wait(10)
        raise socket.gaierror(-2, "Name or service not known")

    monkeypatch.setattr(fetch.socket, "getaddrinfo", hung)
    t = time.perf_counter()
    try:
        with pytest.raises(FetchError, match=r"^cannot fetch http://news\.invalid/a: timed out after 0\.6 s in all$"):
            fetch_url("http://news.invalid/a", timeout=0.2)
        assert time.perf_counter() - t < 1.5
    finally:
        release.set()


def test_an_unknown_host_is_named_as_such(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsfuse.fetch as fetch

    def unknown(*args: object, **kwargs: object) -> list[object]:
        raise socket.gaierror(-2, "Name or service not known")

    monkeypatch.setattr(fetch.socket, "getaddrinfo", unknown)
    with pytest.raises(FetchError, match=r"^cannot fetch http://news\.invalid/a: unknown host$"):
        fetch_url("http://news.invalid/a", timeout=1)


@pytest.mark.parametrize("path", ["/slow", "/drip", "/drip-headers"])
def test_a_cancelled_fetch_ends_at_once_and_never_returns_part_of_a_page(server: str, path: str) -> None:
    """A server shutting down cancels its fetches: a read blocked on a slow page returns straight away, and the
    connection's end is not taken for the page's end."""
    from newsfuse.fetch import Cancel

    cancel = Cancel()
    errors: list[str] = []

    def run() -> None:
        try:
            fetch_url(server + path, timeout=3, cancel=cancel)
        except FetchError as e:
            errors.append(str(e))

    thread = threading.Thread(target=run)
    thread.start()
    time.sleep(0.4)
    t = time.perf_counter()
    cancel.cancel()
    thread.join(5)
    assert time.perf_counter() - t < 0.5
    assert errors and errors[0].endswith(f"{path}: cancelled"), errors
    with pytest.raises(FetchError, match=r": cancelled$"):  # and a new fetch with it does not start
        fetch_url(server + "/ok", cancel=cancel)


def test_a_cancelled_fetch_stops_waiting_for_a_hung_host_name_lookup(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsfuse.fetch as fetch

    release = threading.Event()
    monkeypatch.setattr(fetch.socket, "getaddrinfo", lambda *a, **k: release.wait(10) and [])
    cancel = fetch.Cancel()
    threading.Timer(0.3, cancel.cancel).start()
    t = time.perf_counter()
    try:
        with pytest.raises(FetchError, match=r"^cannot fetch http://news\.invalid/a: cancelled$"):
            fetch_url("http://news.invalid/a", timeout=3, cancel=cancel)
        assert time.perf_counter() - t < 1.0
    finally:
        release.set()


def test_a_pdf_is_fetched_and_read(server: str) -> None:
    """``application/pdf`` is read as the PDF it is (its text layer, its title), not refused as binary."""
    doc = fetch_url(server + "/release")
    assert doc.title == "Ministry to appeal court order halting work on Port Veyra desalination pipelines"
    assert "will comply with the\norder in full from today." in doc.text and "Page 1 of 2" not in doc.text
    assert doc.source == "127.0.0.1" and doc.date == "2026-05-15" and not doc.is_html


def test_a_broken_pdf_fetched_is_one_line(server: str) -> None:
    with pytest.raises(FetchError) as e:
        fetch_url(server + "/broken.pdf")
    assert "not a readable PDF" in str(e.value) and "\n" not in str(e.value)


def test_press_kit_and_rtf_by_url(server: str) -> None:
    notes: list[str] = []
    docs = load_inputs([server + "/press-kit"], urls=[server + "/wire", server + "/statement"], warn=notes.append)
    assert [d.id for d in docs][:3] == ["01-orvel-museum-of-navigation", "02-vesterholm-police", "03-orvel-museum-news"]
    assert docs[3].title == "Stolen 16th-century astrolabe found in storage unit, returned to museum"
    assert docs[3].source == "127.0.0.1" and "Kallby" in docs[3].text
    assert "Port Veyra" in docs[4].text
    assert notes == [f"skipped: {server}/press-kit/Orvel Museum press kit/photos/astrolabe-returned.jpg is a binary "
                     "or undecodable file, not text"]
    with pytest.raises(FetchError, match="is a ZIP archive of files"):
        fetch_url(server + "/press-kit")  # (the HTTP API's "urls": one page each; a press kit is sent as "files")


def test_a_pdf_from_a_web_archive_is_credited_to_the_original_site() -> None:
    """A PDF's address inside a Wayback Machine capture names the outlet, as a page's does (not web.archive.org)."""
    from newsfuse.fetch import _document

    data = (VEYRA / "01-ministry-of-water-and-infrastructure.pdf").read_bytes()
    url = "https://web.archive.org/web/20260515000000/https://www.water.example/releases/release.pdf"
    doc = _document(data, url, url, "application/pdf")
    assert doc is not None and doc.source == "water.example" and doc.url == url
