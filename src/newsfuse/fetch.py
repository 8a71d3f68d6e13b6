"""Fetch one article over HTTP(S) with the standard library: bounded in time and size.

Only ``http`` and ``https`` are followed (also across redirects); the body is read in chunks and
refused once it passes ``max_bytes``; the whole fetch must finish within ``timeout`` seconds
per network operation and ``3 * timeout`` in total (a server dribbling bytes cannot hold it: every
socket read, of the headers as of the body, is bounded by what is left of the total; so is the host
name's lookup, which the socket's timeout does not cover).
"""

from __future__ import annotations

import functools
import http.client
import io
import socket
import ssl
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import weakref
from dataclasses import dataclass
from http.client import HTTPMessage
from typing import IO, Any

from newsfuse.archived import original_url
from newsfuse.clutter import html_meta, looks_like_html
from newsfuse.errors import FetchError
from newsfuse.load import decode_declared, domain_of
from newsfuse.model import Document

USER_AGENT = "newsfuse/0.1 (multi-document news summarizer; +https://github.com/newsfuse/newsfuse)"
CHUNK = 65536
TEXT_TYPES = ("text/", "application/xhtml", "application/xml", "application/rss", "application/atom", "application/json")
# documents read by their own readers (load.binary_document): PDF, Word, OpenDocument text
DOCUMENT_TYPES = ("application/pdf", "application/x-pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml",
                  "application/vnd.oasis.opendocument.text", "application/rtf", "application/x-rtf")
# a ZIP archive of files (a press kit): read by the CLI's loader, member by member (load._Loader._add_archive)
ARCHIVE_TYPES = ("application/zip", "application/x-zip-compressed", "application/x-zip")


@dataclass
class Archive:
    """A ZIP archive fetched: its bytes, the file name it is read under and what messages call it."""
    data: bytes
    filename: str
    shown: str


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str,
                         headers: HTTPMessage, newurl: str) -> urllib.request.Request | None:
        if not newurl.lower().startswith(("http://", "https://")):
            raise FetchError(f"cannot fetch {printable(req.full_url)}: redirected to a non-HTTP address")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class DeadlinePassed(TimeoutError):
    """The whole fetch's time ran out (not one operation's)."""


class _DeadlineReads(io.RawIOBase):
    """A response's socket reads, each given at most what is left until ``deadline``.

    The socket's own timeout applies per read, and a server sending a byte a second resets it with
    every byte: without this, such a server holds a fetch (and a server's worker thread) for as long
    as it likes."""

    def __init__(self, sock: socket.socket, deadline: float) -> None:
        super().__init__()
        self._sock = sock
        # a socket file of its own keeps the socket open after urllib closes the connection's handle
        self._raw = sock.makefile("rb", buffering=0)
        self._timeout = sock.gettimeout()
        self._deadline = deadline

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int | None:
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise DeadlinePassed("timed out")
        self._sock.settimeout(left if self._timeout is None else min(self._timeout, left))
        try:
            return self._raw.readinto(buffer)
        except TimeoutError:
            if time.monotonic() >= self._deadline - 0.05:
                raise DeadlinePassed("timed out") from None
            raise

    def close(self) -> None:
        self._raw.close()
        super().close()


class Cancel:
    """Stops the fetches it is given to: ``cancel()`` shuts their connections down, so that a read blocked on a
    slow page returns at once, and every later step of those fetches (or a new one) fails with "cancelled".

    A server shutting down uses it: otherwise the process waits for every fetch in flight to run out its time.
    """

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._sockets: weakref.WeakSet[socket.socket] = weakref.WeakSet()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def cancel(self) -> None:
        self._event.set()
        with self._lock:
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled("cancelled")

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.add(sock)
        if self._event.is_set():  # cancelled while it connected
            _shut(sock)
            raise Cancelled("cancelled")


class Cancelled(OSError):
    """The fetch was stopped by :meth:`Cancel.cancel`."""


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:  # not connected, or closed already
        pass


RESOLVER_THREADS = 8  # lookups in flight at once; a hung one holds its thread until the system resolver gives up
_resolver_slots = threading.BoundedSemaphore(RESOLVER_THREADS)


def _resolve(host: str, port: int, deadline: float, cancel: Cancel) -> list[tuple[Any, ...]]:
    """``socket.getaddrinfo`` for a TCP connection, given at most what is left until ``deadline``.

    The lookup cannot be interrupted, so it runs in a daemon thread of its own that is left behind when
    the time is up or the fetch is cancelled (at most RESOLVER_THREADS at once: a resolver that hangs cannot
    pile up threads)."""
    left = deadline - time.monotonic()
    if left <= 0 or not _resolver_slots.acquire(timeout=left):
        raise DeadlinePassed("timed out")
    result: list[Any] = []
    error: list[BaseException] = []
    done = threading.Event()

    def lookup() -> None:
        try:
            result.extend(socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM))
        except BaseException as e:  # noqa: BLE001 - handed to the waiting fetch
            error.append(e)
        finally:
            _resolver_slots.release()
            done.set()

    threading.Thread(target=lookup, name="newsfuse-resolve", daemon=True).start()
    while not done.wait(min(0.05, max(0.0, deadline - time.monotonic()))):
        cancel.check()
        if time.monotonic() >= deadline:
            raise DeadlinePassed("timed out")
    if error:
        raise error[0]
    return result


def _connector(deadline: float, cancel: Cancel) -> Any:
    """``socket.create_connection`` whose host name lookup is bounded by ``deadline`` as well, and whose
    socket ``cancel`` can shut down."""

    def create_connection(address: tuple[str, int], timeout: Any = socket._GLOBAL_DEFAULT_TIMEOUT,  # type: ignore[attr-defined]
                          source_address: tuple[str, int] | None = None) -> socket.socket:
        host, port = address
        last: OSError | None = None
        for family, kind, proto, _, sockaddr in _resolve(host, port, deadline, cancel):
            cancel.check()
            left = deadline - time.monotonic()
            if left <= 0:
                raise DeadlinePassed("timed out")
            given = None if timeout is socket._GLOBAL_DEFAULT_TIMEOUT else timeout  # type: ignore[attr-defined]
            sock = socket.socket(family, kind, proto)
            try:
                sock.settimeout(left if given is None else min(given, left))
                if source_address:
                    sock.bind(source_address)
                sock.connect(sockaddr)
                sock.settimeout(given)  # later operations: the per-operation timeout (reads are bounded again)
                cancel.watch(sock)
                return sock
            except Cancelled:
                sock.close()
                raise
            except OSError as e:
                sock.close()
                last = e
        raise last if last is not None else OSError(f"getaddrinfo returned no address for {host}")

    return create_connection


class _BoundedResponse(http.client.HTTPResponse):
    def __init__(self, sock: socket.socket, *args: Any, deadline: float, **kwargs: Any) -> None:
        super().__init__(sock, *args, **kwargs)
        self.fp.close()
        self.fp = io.BufferedReader(_DeadlineReads(sock, deadline))


class _Deadline:
    """A handler mixin: each connection it opens (redirects too) connects within what is left until
    ``deadline`` and reads its response through :class:`_DeadlineReads`."""

    def __init__(self, deadline: float, cancel: Cancel, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.deadline = deadline
        self.cancel = cancel

    def do_open(self, http_class: Any, req: urllib.request.Request, **kwargs: Any) -> http.client.HTTPResponse:
        deadline, cancel = self.deadline, self.cancel

        def connection(host: str, timeout: float | None = None, **kw: Any) -> http.client.HTTPConnection:
            left = deadline - time.monotonic()
            if left <= 0:
                raise DeadlinePassed("timed out")
            conn: http.client.HTTPConnection = http_class(host, timeout=left if timeout is None else min(timeout, left), **kw)
            conn.response_class = functools.partial(_BoundedResponse, deadline=deadline)  # type: ignore[assignment]
            conn._create_connection = _connector(deadline, cancel)  # type: ignore[attr-defined]
            return conn

        response: http.client.HTTPResponse = super().do_open(connection, req, **kwargs)  # type: ignore[misc]
        return response


class _DeadlineHTTP(_Deadline, urllib.request.HTTPHandler):
    pass


class _DeadlineHTTPS(_Deadline, urllib.request.HTTPSHandler):
    pass


def _opener(deadline: float, cancel: Cancel) -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(_HttpOnlyRedirects(), _DeadlineHTTP(deadline, cancel), _DeadlineHTTPS(deadline, cancel))


def _mb(n: int) -> str:
    return f"{n / 1_000_000:g} MB" if n >= 1_000_000 else f"{n // 1000} kB" if n >= 1000 else f"{n} bytes"


def _reason(err: BaseException, timeout: float) -> str:
    r: Any = getattr(err, "reason", err)
    if isinstance(r, DeadlinePassed):
        return f"timed out after {round(3 * timeout, 2):g} s in all"
    if isinstance(r, (TimeoutError, socket.timeout)) or "timed out" in str(r):
        return f"timed out after {round(timeout, 2):g} s"
    if isinstance(r, ConnectionRefusedError):
        return "connection refused"
    if isinstance(r, socket.gaierror):
        return "unknown host"
    if isinstance(r, ssl.SSLError):
        return f"TLS error ({getattr(r, 'reason', None) or r})"
    if isinstance(r, ConnectionResetError):
        return "connection reset"
    text = getattr(r, "strerror", None) or str(r)
    return text.splitlines()[0] if text else type(r).__name__


def _status(e: urllib.error.HTTPError) -> str:
    """An error status in one line: urllib's redirect-loop message runs over three."""
    reason = str(e.reason or "")
    if reason.startswith(urllib.request.HTTPRedirectHandler.inf_msg.split("\n")[0]):
        return f"redirected in a loop or too many times (HTTP {e.code})"
    return f"HTTP {e.code}" + (f" {' '.join(reason.split())}" if reason.strip() else "")


def fetch_url(url: str, timeout: float = 10.0, max_bytes: int = 5_000_000, cancel: Cancel | None = None) -> Document:
    """The page at ``url`` as a Document (HTML marked ``is_html``; source = og:site_name or the domain).

    Raises :class:`FetchError` with a one-line reason: not http(s), unreachable, timed out,
    HTTP error status, larger than ``max_bytes``, not text, a ZIP archive, cancelled (by ``cancel``).
    """
    got = fetch_input(url, timeout, max_bytes, cancel)
    if isinstance(got, Archive):
        raise FetchError(f"cannot fetch {got.shown}: it is a ZIP archive of files (send them as files)")
    return got


def fetch_input(url: str, timeout: float = 10.0, max_bytes: int = 5_000_000, cancel: Cancel | None = None,
                ) -> Document | Archive:
    """As :func:`fetch_url`, but a ZIP archive of files (by its content type, its name or its content, not a Word
    file) is given back as an :class:`Archive` for the loader to read its files."""
    shown = printable(url)
    cancel = cancel or Cancel()
    if cancel.cancelled:
        raise FetchError(f"cannot fetch {shown}: cancelled")
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme not in ("http", "https"):
        raise FetchError(f"cannot fetch {shown}: only http:// and https:// URLs are supported")
    if not domain_of(url):
        raise FetchError(f"cannot fetch {shown}: no host name in the URL")
    req = urllib.request.Request(url, headers={
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
        "Accept-Encoding": "identity",
    })
    deadline = time.monotonic() + 3 * timeout
    try:
        resp = _opener(deadline, cancel).open(req, timeout=timeout)
    except urllib.error.HTTPError as e:
        e.close()
        raise FetchError(f"cannot fetch {shown}: {'cancelled' if cancel.cancelled else _status(e)}") from None
    except FetchError:
        raise
    except (urllib.error.URLError, OSError, ValueError, http_client_errors()) as e:
        raise FetchError(f"cannot fetch {shown}: {'cancelled' if cancel.cancelled else _reason(e, timeout)}") from None
    with resp:
        length = resp.headers.get("Content-Length")
        if length and length.isdigit() and int(length) > max_bytes:
            raise FetchError(f"cannot fetch {shown}: larger than {_mb(max_bytes)}")
        ctype = (resp.headers.get_content_type() or "").lower()
        if ctype and not ctype.startswith(TEXT_TYPES + DOCUMENT_TYPES + ARCHIVE_TYPES) and ctype != "application/octet-stream":
            raise FetchError(f"cannot fetch {shown}: not a text page (content type {ctype})")
        chunks: list[bytes] = []
        size = 0
        try:
            while True:
                if time.monotonic() > deadline:
                    raise FetchError(f"cannot fetch {shown}: timed out after {round(3 * timeout, 2):g} s in all")
                chunk = resp.read(CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"cannot fetch {shown}: larger than {_mb(max_bytes)}")
                chunks.append(chunk)
        except FetchError:
            raise
        except (OSError, http_client_errors()) as e:
            raise FetchError(f"cannot fetch {shown}: {'cancelled' if cancel.cancelled else _reason(e, timeout)}") from None
        if cancel.cancelled:  # a connection shut down mid-body reads as the body's end: the page is not whole
            raise FetchError(f"cannot fetch {shown}: cancelled")
        final_url = resp.geturl() or url
        charset = resp.headers.get_content_charset()
    data = b"".join(chunks)
    archive = _archive(data, final_url, shown, ctype)
    if archive is not None:
        return archive
    document = _document(data, final_url, shown, ctype)
    if document is not None:
        return document
    text = decode_declared(data, charset)
    if text is None:
        raise FetchError(f"cannot fetch {shown}: the page is binary or undecodable, not text")
    if not text.strip():
        raise FetchError(f"cannot fetch {shown}: the page is empty")
    is_html = "html" in ctype or looks_like_html(text)
    meta = html_meta(text) if is_html else {}
    return Document(
        text=text,
        id=domain_of(original_url(final_url)) or "url",
        title=meta.get("title"),
        url=final_url,
        source=meta.get("sitename") or domain_of(original_url(final_url)),
        date=meta.get("date"),
        is_html=is_html,
    )


def _file_name(url: str) -> str:
    """The last part of the URL's path ("release.pdf"; "" for a site's home page)."""
    return (urllib.parse.urlsplit(url).path if "://" in url else "").rsplit("/", 1)[-1]


# a document's content type and the suffix its reader knows it by
_SUFFIX_OF_TYPE = (("pdf", ".pdf"), ("wordprocessingml", ".docx"), ("opendocument.text", ".odt"), ("rtf", ".rtf"))


def _archive(data: bytes, url: str, shown: str, ctype: str) -> Archive | None:
    """A ZIP archive of files (not a Word or OpenDocument file), known by its content type or its name; None else."""
    from newsfuse.office_text import looks_like_zip

    filename = _file_name(url) or domain_of(url) or "archive"
    lower = filename.lower()
    if lower.endswith((".docx", ".odt")) or "opendocument" in ctype or "officedocument" in ctype:
        return None
    if ctype.startswith(ARCHIVE_TYPES) or lower.endswith(".zip") or (looks_like_zip(data) and not _office_zip(data)):
        return Archive(data, filename if lower.endswith(".zip") else filename + ".zip", shown)
    return None


def _office_zip(data: bytes) -> bool:
    from newsfuse.archive import is_office, open_zip
    from newsfuse.errors import InputError

    try:
        with open_zip(data, "") as z:
            return is_office(z)
    except InputError:
        return True  # (a damaged one: the Word reader says why)


def _document(data: bytes, url: str, shown: str, ctype: str) -> Document | None:
    """A PDF or Word file fetched (by its content or content type) as a Document; None for a page."""
    import logging

    from newsfuse.errors import InputError
    from newsfuse.load import binary_document

    filename = _file_name(url)
    suffix = next((suffix for kind, suffix in _SUFFIX_OF_TYPE if kind in ctype), None)
    if suffix and not filename.lower().endswith(suffix):
        filename += suffix  # (the reader is chosen by the name as well as by the content)
    try:
        host = domain_of(original_url(url))  # (a PDF in a web archive is the original site's, as a page is)
        doc = binary_document(data, filename, shown, host or "url", logging.getLogger("newsfuse").warning)
    except FetchError:
        raise
    except InputError as e:
        raise FetchError(str(e)) from None
    if doc is None:
        return None
    return Document(text=doc.text, id=doc.id, title=doc.title, url=url, source=host, date=doc.date)


def printable(text: str) -> str:
    """``text`` with control characters escaped (a URL with a line break in it stays on one line)."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def http_client_errors() -> type[Exception]:
    import http.client

    return http.client.HTTPException
