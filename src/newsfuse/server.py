"""``newsfuse serve``: a small HTTP API and a web page over :func:`newsfuse.summarize`.

Endpoints (see docs/serve.md):

* ``POST /api/summarize`` - ``{"documents": [...], "urls": [...], "files": [{"name", "data"}],
  "words"|"sentences"|"bytes": n}`` answers the same JSON as ``newsfuse summarize --format json``
  (``Brief.to_dict()``), with ``"notes"`` when an input was skipped or cut; ``?include_text=true`` adds each
  source's cleaned text under ``sources[i].text``. ``files`` are base64 file contents read in memory by the CLI's
  file reader (``load.load_files``).
* ``GET /api/health`` - liveness and the server's limits.
* ``GET /openapi.json`` and ``GET /docs`` (a self-hosted reference page, no CDN).
* ``GET /`` - the web page (``static/``).

Every error is a 4xx/5xx JSON ``{"error": "one line"}``. Request bodies are capped
(Content-Length and the streamed size), work runs in thread pools under a deadline (URL
fetches in a pool of their own, so that slow pages never hold up summarizing); requests with
files or long texts run in worker processes (``serve_pool``), killed at the deadline or past a
memory cap, so that hostile input neither runs on after its 503 nor takes the threads that
small requests are answered on (a small request takes a worker process only when one is idle); and the
process never reads or writes local files on a client's behalf (a client's ``files`` are bytes in its request,
read in memory; their names only say what kind of file they are).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import concurrent.futures
import functools
import json
import math
import os
import re
import sys
import threading
import time
import traceback
from collections.abc import Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import click
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, StrictInt
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsfuse.errors import InputError, NewsfuseError
from newsfuse.load import json_problem, load_files, loads
from newsfuse.model import Brief, Document
from newsfuse.options import Budget
from newsfuse.serve_pool import (
    JobFailed,
    JobTimeout,
    JobTooBig,
    NotStarted,
    ProcessPool,
    limit_blas_threads,  # noqa: F401 - (it was defined here: kept importable from here)
    read_and_summarize,
    warm_up,
)

STATIC_DIR = Path(__file__).parent / "static"
SETTINGS_ENV = "NEWSFUSE_SERVE_SETTINGS"
LOOPBACK = ("127.0.0.1", "localhost", "::1")
DOC_FIELDS = ("text", "title", "url", "source", "date", "id", "html")
BUDGET_FIELDS = ("words", "sentences", "bytes")
FILE_FIELDS = ("name", "data")
REQUEST_FIELDS = ("documents", "urls", "files", *BUDGET_FIELDS)
MAX_FILE_NAME = 200  # characters of a file's name kept (its end: the suffix says what the file is)

# Content-Security-Policy: nothing inline, nothing from another origin.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]

Summarizer = Callable[..., Brief]
Fetcher = Callable[..., Document]
# A URL's fetch ends this long before its request's deadline, so that a page too slow to fetch gets its
# one-line fetch error (400) rather than the request's 503.
FETCH_MARGIN = 0.25
MIN_FETCH_SECONDS = 0.5  # less than this left when a thread takes a fetch up: the request has timed out
# A job in a worker process is killed at its request's deadline by the thread waiting on it; the request waits this
# much longer for that thread's word (what the job was doing), so that its 503 names the stage it was killed in.
JOB_GRACE = 0.5
# A small text request runs in a worker process when one is idle (two interpreters on two cores: threads share one),
# else on a thread: it never waits for a process. It leaves this many idle for heavy requests, so that a heavy
# request alone never waits behind small ones (on 2 cores one worker gave as much as two: the server's threads keep
# a core busy), and it takes none while a heavy request waits for a process.
HEAVY_RESERVE = 1
TIMEOUT_ENV = "NEWSFUSE_SERVE_TIMEOUT"


def default_processes() -> int:
    """Worker processes for heavy requests: one per core, at most 4 (each holds the pipeline: 100-150 MB)."""
    return max(1, min(4, os.cpu_count() or 1))


@dataclass(frozen=True)
class Settings:
    """Everything ``newsfuse serve`` can be told; ``create_app(Settings())`` gives the defaults."""

    host: str = "127.0.0.1"
    port: int = 8000
    max_body_bytes: int = 5_000_000
    max_documents: int = 200
    timeout: float = 30.0
    allow_urls: bool = True
    cors_origins: tuple[str, ...] = ()
    threads: int = 4  # summarize threads per server process
    fetch_threads: int = 8  # URL-fetch threads per server process (they wait on the network, not the CPU)
    max_pending: int = 64  # jobs queued or running, per pool, before new requests get 503 "busy"
    fetch_timeout: float = 10.0  # per URL, and never past the request's deadline
    workers: int = 1  # uvicorn worker processes
    log_level: str = "info"
    blas_threads: int | None = 1  # OpenBLAS threads per process (None: leave as is); see limit_blas_threads
    # Requests with files, or with more than inline_chars characters of text (after their URLs are fetched), are
    # read and summarized in one of `processes` worker processes, killed at the deadline or past worker_memory_mb
    # of resident memory; the others in an idle worker process when there is one (HEAVY_RESERVE), else on the server's
    # own threads (their size bounds their time). processes=0: everything on threads, as before.
    processes: int = field(default_factory=default_processes)
    worker_memory_mb: int = 1500  # 0: no cap
    inline_chars: int = 100_000
    # Host header names accepted; None: only loopback names when listening on loopback
    # (stops DNS-rebinding pages from reaching a local server), anything otherwise.
    allowed_hosts: tuple[str, ...] | None = None

    def host_names(self) -> tuple[str, ...] | None:
        if self.allowed_hosts is not None:
            return self.allowed_hosts
        if self.host in LOOPBACK:
            return ("127.0.0.1", "localhost", "::1", "[::1]")
        return None

    def __post_init__(self) -> None:
        if self.max_body_bytes < 1:
            raise InputError("the body size limit must be positive")
        if self.max_documents < 1:
            raise InputError("--max-documents must be at least 1")
        if not self.timeout > 0:
            raise InputError("--timeout must be a positive number of seconds")
        if self.threads < 1 or self.fetch_threads < 1 or self.max_pending < 1 or self.workers < 1:
            raise InputError("--threads, --fetch-threads, --workers and the queue size must be at least 1")
        if self.processes < 0 or self.worker_memory_mb < 0 or self.inline_chars < 0:
            raise InputError("--processes and --worker-memory-mb cannot be negative")
        for origin in self.cors_origins:
            if origin != "*" and not _is_origin(origin):
                raise InputError(f"--cors-origin wants an origin like https://example.org, got {origin!r}")

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, raw: str) -> Settings:
        d = json.loads(raw)
        d["cors_origins"] = tuple(d.get("cors_origins", ()))
        if d.get("allowed_hosts") is not None:
            d["allowed_hosts"] = tuple(d["allowed_hosts"])
        return cls(**d)


def _is_origin(origin: str) -> bool:
    parts = urlsplit(origin)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and parts.path in ("", "/") and not parts.query


# ---------------------------------------------------------------------------
# OpenAPI models: documentation of the request and response shapes. The request
# itself is validated by hand (``parse_request``) so that every error is one
# clear line rather than pydantic's list of union branches.


class DocumentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(description="The article's text (plain text, or HTML when html is true).")
    title: str | None = None
    url: str | None = Field(default=None, description="Where the article came from (kept as metadata, not fetched).")
    source: str | None = Field(default=None, description="Outlet name, e.g. 'Lakeport Herald'.")
    date: str | None = None
    id: str | None = Field(default=None, description="Unique within the request; defaults to d1, d2, ...")
    html: bool = Field(default=False, description="Treat text as HTML and extract the article from it.")


class FileIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(description="The file's name, e.g. 'release.pdf': its suffix (with the content) says what kind "
                                  "of file it is. Only a name: the server reads no file of its own.")
    data: str = Field(description="The file's bytes in base64 (a 'data:...;base64,' prefix is allowed). Base64 is 4/3 "
                                  "of the file's size, and the whole body is bounded by --max-body-mb.")


class SummarizeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    documents: list[str | DocumentIn] = Field(default=[], description="Articles: strings or objects.")
    urls: list[str] = Field(default=[], description="http(s) URLs the server fetches (unless started with --no-urls).")
    files: list[FileIn] = Field(
        default=[],
        description="Files read as `newsfuse summarize FILE` reads them: PDF, Word (.docx), OpenDocument (.odt), HTML, "
                    "MHTML, Safari .webarchive, WARC (.warc, .warc.gz), .srt/.vtt captions, a news API's JSON, CSV/TSV "
                    "exports, RSS/Atom feeds, Markdown, e-mail (.eml), RTF, plain text, JSON/JSONL clusters, and a ZIP archive "
                    "of such files (a press kit). A file may give several documents (a ZIP archive, a WARC, a feed, an "
                    "export); they count towards --max-documents.")
    words: StrictInt | None = Field(default=None, description="Length budget in words (default 120). Give at most one budget.")
    sentences: StrictInt | None = None
    bytes: StrictInt | None = None


class SourceOut(BaseModel):
    id: str
    name: str
    title: str | None
    url: str | None
    date: str | None
    text: str | None = Field(default=None, description="Cleaned article text; only with ?include_text=true.")


class SentenceOut(BaseModel):
    text: str
    sources: list[str]
    origin: str
    outlets: int
    reports: int
    start: int
    end: int


class StatsOut(BaseModel):
    documents: int
    sentences_in: int
    words: int
    seconds: float


class FigureOut(BaseModel):
    count: float
    sources: list[str]


class DisputeOut(BaseModel):
    kind: str = Field(description='"dead", "missing" or "injured"')
    figures: list[FigureOut] = Field(description="each figure with the documents that give it as their own, the "
                                                 "brief's first")


class BriefOut(BaseModel):
    summary: str
    sentences: list[SentenceOut]
    sources: list[SourceOut]
    stats: StatsOut
    notes: list[str] | None = Field(
        default=None, description="Only when there is something to say: one line per input skipped (a file that "
                                  "cannot be read beside others that can) or cut (a PDF's pages past the cap, a feed's "
                                  "other news), as the CLI prints them as warnings.")
    disputes: list[DisputeOut] | None = Field(
        default=None, description="Only when there is something to say: a count of the dead, the missing or the "
                                  "injured the brief states that outlets give differently, no page reconciling them.")


class ErrorOut(BaseModel):
    error: str


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut, "description": text}
    for code, text in (
        (400, "Bad request: malformed JSON, no documents, bad budget, bad field, urls disabled, fetch failed, a file "
              "that cannot be read (bad base64, corrupt, encrypted, not a kind newsfuse reads) and nothing else to read"),
        (413, "Body over the size limit, or more documents than the limit"),
        (415, "Body is not JSON"),
        (500, "Internal error"),
        (503, "Timed out or too busy; try again"),
    )
}


# ---------------------------------------------------------------------------
# Request parsing


class ApiError(Exception):
    def __init__(self, status: int, message: str) -> None:
        message = " ".join(line.strip() for line in message.splitlines() if line.strip())  # {"error": "one line"}
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class ParsedRequest:
    documents: list[Document]
    urls: list[str]
    budget: Budget
    budget_kwargs: dict[str, int] = field(default_factory=dict)
    files: list[tuple[str, bytes]] = field(default_factory=list)  # (name, bytes)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def parse_request(raw: bytes, settings: Settings) -> ParsedRequest:
    """Validate a request body; raise :class:`ApiError` with one line saying what is wrong."""
    if not raw.strip():
        raise ApiError(400, 'empty body: send JSON like {"documents": ["article one ...", "article two ..."]}')
    try:
        body = loads(raw)
    except UnicodeDecodeError:
        raise ApiError(400, "malformed JSON: the body is not UTF-8 text") from None
    except json.JSONDecodeError as e:
        if not e.doc:  # too deep, or a number too long: no position to give
            raise ApiError(400, f"malformed JSON: {json_problem(e)}") from None
        raise ApiError(400, f"malformed JSON: {json_problem(e)} at line {e.lineno} column {e.colno}") from None
    if not isinstance(body, dict):
        raise ApiError(400, f'the body must be a JSON object with "documents", got a JSON {_json_type(body)}')
    unknown = sorted(set(body) - set(REQUEST_FIELDS))
    if unknown:
        raise ApiError(400, f"unknown field {unknown[0]!r}; allowed: {', '.join(REQUEST_FIELDS)}")

    documents = body.get("documents", [])
    urls = body.get("urls", [])
    files = body.get("files", [])
    if documents is None:
        documents = []
    if urls is None:
        urls = []
    if files is None:
        files = []
    if not isinstance(documents, list):
        raise ApiError(400, f'"documents" must be a list of strings or objects, got a JSON {_json_type(documents)}')
    if not isinstance(urls, list):
        raise ApiError(400, f'"urls" must be a list of strings, got a JSON {_json_type(urls)}')
    if not isinstance(files, list):
        raise ApiError(400, f'"files" must be a list of {{"name", "data"}} objects, got a JSON {_json_type(files)}')
    if urls and not settings.allow_urls:
        raise ApiError(400, 'URL fetching is switched off on this server (--no-urls): send the article text in "documents"')
    total = len(documents) + len(urls) + len(files)
    if total == 0:
        raise ApiError(400, 'no documents: give article texts in "documents" (or URLs in "urls", or files in "files")')
    if total > settings.max_documents:
        raise ApiError(
            413, f"too many documents: {total} given, this server takes at most {settings.max_documents} per request"
        )

    # Budget: at most one, and in range (Budget.of holds the limits).
    given = {k: body[k] for k in BUDGET_FIELDS if body.get(k) is not None}
    if len(given) > 1:
        raise ApiError(400, f"give only one length budget (words, sentences or bytes), got {' and '.join(given)}")
    try:
        budget = Budget.of(**given)
    except NewsfuseError as e:
        raise ApiError(400, str(e)) from None

    docs = [_document(item, i) for i, item in enumerate(documents)]
    clean_urls = [_url(u, i) for i, u in enumerate(urls)]
    sent = [_file(item, i) for i, item in enumerate(files)]
    return ParsedRequest(documents=docs, urls=clean_urls, budget=budget, budget_kwargs=given, files=sent)


def _json_type(v: Any) -> str:
    if v is None:
        return "null"
    return {bool: "boolean", int: "number", float: "number", str: "string", list: "array", dict: "object"}.get(
        type(v), type(v).__name__
    )


def _document(item: Any, i: int) -> Document:
    where = f"documents[{i}]"
    if isinstance(item, str):
        return Document(text=item, id=f"d{i + 1}")
    if not isinstance(item, dict):
        raise ApiError(400, f'{where} must be a string or an object with "text", got a JSON {_json_type(item)}')
    unknown = sorted(set(item) - set(DOC_FIELDS))
    if unknown:
        raise ApiError(400, f"{where} has unknown field {unknown[0]!r}; allowed: {', '.join(DOC_FIELDS)}")
    text = item.get("text")
    if not isinstance(text, str):
        got = "no" if text is None else f"a JSON {_json_type(text)} as"
        raise ApiError(400, f'{where} needs a "text" string (got {got} "text")')
    meta: dict[str, str | None] = {}
    for key in ("title", "url", "source", "date", "id"):
        v = item.get(key)
        if v is not None and not isinstance(v, str | int | float) or isinstance(v, bool):
            raise ApiError(400, f'{where}.{key} must be a string, got a JSON {_json_type(v)}')
        meta[key] = str(v) if v not in (None, "") else None
    html = item.get("html", False)
    if not isinstance(html, bool):
        raise ApiError(400, f"{where}.html must be true or false")
    return Document(
        text=text,
        id=meta["id"] or f"d{i + 1}",
        title=meta["title"],
        url=meta["url"],
        source=meta["source"],
        date=meta["date"],
        is_html=html,
    )


# what a file's name may not hold: control characters (a name is shown in one-line messages), and the bidirectional
# formatting characters, which are dropped: they make a name show reversed ("report\u202efdp.exe" as "reportexe.pdf")
_NAME_JUNK = re.compile(r"[\x00-\x1f\x7f]+")
_NAME_BIDI = re.compile(r"[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+")
_DATA_URL = re.compile(r"data:[^,]{0,200};base64,", re.IGNORECASE)


def _file(item: Any, i: int) -> tuple[str, bytes]:
    """A client's file: its name (the last part of a path given, without control characters) and its bytes, from
    base64. Only a name: nothing is ever read from the server's disk."""
    where = f"files[{i}]"
    if not isinstance(item, dict):
        raise ApiError(400, f'{where} must be an object {{"name": "release.pdf", "data": "<base64>"}}, got a JSON '
                            f"{_json_type(item)}")
    unknown = sorted(set(item) - set(FILE_FIELDS))
    if unknown:
        raise ApiError(400, f"{where} has unknown field {unknown[0]!r}; allowed: {', '.join(FILE_FIELDS)}")
    raw_name, data = item.get("name"), item.get("data")
    if not isinstance(raw_name, str):
        raise ApiError(400, f'{where} needs a "name" string, such as "release.pdf" (its suffix says what the file is)')
    name = _NAME_JUNK.sub(" ", _NAME_BIDI.sub("", re.split(r"[/\\]", raw_name)[-1])).strip()[-MAX_FILE_NAME:]
    if name.strip(".") == "":  # ("../" or ".." is a path, not a file's name)
        raise ApiError(400, f'{where} needs a "name", such as "release.pdf" (its suffix says what the file is)')
    if not isinstance(data, str):
        raise ApiError(400, f'{where} ({name}) needs a "data" string: the file\'s bytes in base64')
    m = _DATA_URL.match(data)
    text = "".join((data[m.end():] if m else data).split())  # (base64 wrapped at 76 columns is base64)
    try:
        return name, base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as e:
        raise ApiError(400, f'{where} ({name}): "data" is not valid base64 ({e})') from None


def _url(u: Any, i: int) -> str:
    if not isinstance(u, str) or not u.strip():
        raise ApiError(400, f"urls[{i}] must be a non-empty string")
    url: str = u.strip()
    try:
        parts = urlsplit(url)
    except ValueError:  # "http://[::1": a bracket left open
        raise ApiError(400, f"urls[{i}] is not a valid URL: {url[:200]!r}") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ApiError(400, f"urls[{i}] must be an http:// or https:// URL, got {url[:200]!r}")
    return url


# ---------------------------------------------------------------------------
# ASGI middleware: body size cap and security headers (pure ASGI, no buffering of responses)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


async def _send_json(send: Send, status: int, payload: dict[str, Any]) -> None:
    body = json.dumps(payload).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                        (b"connection", b"close")],
        }
    )
    await send({"type": "http.response.body", "body": body})


class BodyLimitMiddleware:
    """Refuse bodies over ``max_bytes``: by Content-Length up front, and by counting the stream.

    The whole (bounded) body is read here and replayed to the app, so a client that
    lies in Content-Length or uses chunked encoding is cut off at the limit too.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def _too_large(self) -> dict[str, str]:
        return {"error": f"request body too large: the limit is {_size(self.max_bytes)} (--max-body-mb)"}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    length = int(value)
                except ValueError:
                    await _send_json(send, 400, {"error": "bad Content-Length header"})
                    return
                if length > self.max_bytes:
                    await _send_json(send, 413, self._too_large())
                    return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await _send_json(send, 413, self._too_large())
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


class HostCheckMiddleware:
    """Answer 400 to a Host header not in ``names`` (a loopback server is only for loopback names)."""

    def __init__(self, app: ASGIApp, names: tuple[str, ...]) -> None:
        self.app = app
        self.names = {n.lower() for n in names}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            host = next((v.decode("latin-1") for k, v in scope.get("headers", []) if k == b"host"), "")
            name = host.lower()
            if name.startswith("["):
                name = name.split("]")[0] + "]"
            elif name.count(":") == 1:
                name = name.split(":")[0]
            if name not in self.names:
                await _send_json(send, 400, {"error": f"unexpected Host header {host[:100]!r}: this server answers only "
                                                      "to " + ", ".join(sorted(self.names))})
                return
        await self.app(scope, receive, send)


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                headers.extend((k, v) for k, v in SECURITY_HEADERS if k not in present)
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class ShutdownMiddleware:
    """A request still running when the server stops (uvicorn cancels it after ``timeout_graceful_shutdown``)
    gets a JSON 503 saying so, instead of uvicorn's plain-text 500 and a traceback of the cancellation in the log."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except asyncio.CancelledError:
            if started:
                raise
            await _send_json(send, 503, {"error": "the server is shutting down; try again shortly"})


def _size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:g} MB"
    if n >= 1000:
        return f"{n / 1000:g} kB"
    return f"{n} bytes"


# ---------------------------------------------------------------------------
# Work: a bounded thread pool with a deadline per request


class Busy(Exception):
    pass


class Worker:
    """Runs blocking calls in a thread pool; callers wait at most until their deadline.

    A call that overruns its deadline cannot be killed (it is a thread): the request
    gets a 503 at once and the call finishes in the background. ``max_pending`` caps
    queued + running calls so a flood or a run of slow inputs cannot grow memory
    without bound: over the cap, requests get 503 "busy" straight away.

    The app has two: one summarizes (``--threads``), one fetches URLs (``--fetch-threads``), so that
    requests whose pages are slow hold fetch threads only and text-only requests never queue behind them.
    """

    def __init__(self, threads: int, max_pending: int, name: str = "newsfuse") -> None:
        self.pool = concurrent.futures.ThreadPoolExecutor(max_workers=threads, thread_name_prefix=name)
        self.max_pending = max_pending
        self._pending = 0
        self._lock = threading.Lock()

    @property
    def pending(self) -> int:
        return self._pending

    def _done(self, _: concurrent.futures.Future[Any]) -> None:
        with self._lock:
            self._pending -= 1

    def submit(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> concurrent.futures.Future[Any]:
        with self._lock:
            if self._pending >= self.max_pending:
                raise Busy
            self._pending += 1
        try:
            fut = self.pool.submit(fn, *args, **kwargs)
        except BaseException:
            with self._lock:
                self._pending -= 1
            raise
        fut.add_done_callback(self._done)
        return fut

    async def run(self, deadline: float, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``fn(*args, **kwargs)`` on a thread; TimeoutError when it overran ``deadline``, Busy when it never
        started because every thread was taken until then (not the request's fault)."""
        return await self._until(deadline, self.submit(fn, *args, **kwargs))

    async def run_or_drop(self, deadline: float, dropped: Callable[[], None], fn: Callable[..., Any],
                          *args: Any) -> Any:
        """:meth:`run`, and ``dropped()`` when the call never runs (its request timed out, or went away, before a
        thread took it up): it gives back what the caller took for it."""
        try:
            fut = self.submit(fn, *args)
        except BaseException:
            dropped()
            raise
        fut.add_done_callback(lambda f: dropped() if f.cancelled() else None)
        return await self._until(deadline, fut)

    @staticmethod
    async def _until(deadline: float, fut: concurrent.futures.Future[Any]) -> Any:
        remaining = deadline - time.monotonic()
        try:
            return await asyncio.wait_for(asyncio.wrap_future(fut), timeout=max(remaining, 0.001))
        except TimeoutError:
            if fut.cancel():  # dropped: it had not started yet
                raise Busy from None
            raise

    def shutdown(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)


def _default_summarize(documents: list[Document], **budget: int) -> Brief:
    import newsfuse  # looked up per call so tests can monkeypatch newsfuse.summarize

    return newsfuse.summarize(
        documents, words=budget.get("words"), sentences=budget.get("sentences"), bytes=budget.get("bytes")
    )


def _fetch_by(deadline: float, fetch: Fetcher, url: str, timeout: float, max_bytes: int) -> Document:
    """``fetch(url, timeout, max_bytes)`` with the timeout cut, when a thread takes it up, so that the
    whole fetch (``fetch_url`` allows 3 x timeout in all) ends before the request's deadline: a slow
    page then fails as a fetch error and gives its thread back rather than holding it past the 503."""
    left = deadline - time.monotonic() - FETCH_MARGIN
    if left < MIN_FETCH_SECONDS:  # the request's time is (nearly) gone: its other URLs, a wait for a thread, a short limit
        raise TimeoutError("no time left to fetch")
    return fetch(url, min(timeout, left / 3), max_bytes)


def _default_fetch(url: str, timeout: float, max_bytes: int, cancel: Any = None) -> Document:
    try:
        from newsfuse.fetch import fetch_url
    except ImportError:
        raise ApiError(501, "URL fetching is not available in this installation: send the article text instead") from None
    return fetch_url(url, timeout=timeout, max_bytes=max_bytes, cancel=cancel)


def _fetch_canceller() -> tuple[Fetcher, Callable[[], None]]:
    """The library's fetch and a function that stops every fetch of it in flight (at shutdown: otherwise
    the process waits for slow pages to run out their time before it exits)."""
    try:
        from newsfuse.fetch import Cancel
    except ImportError:  # _default_fetch says so, request by request
        return _default_fetch, lambda: None
    cancel = Cancel()
    return functools.partial(_default_fetch, cancel=cancel), cancel.cancel


# ---------------------------------------------------------------------------
# The app


def create_app(
    settings: Settings | None = None,
    *,
    summarize: Summarizer | None = None,
    fetch: Fetcher | None = None,
) -> FastAPI:
    """Build the ASGI app. ``summarize``/``fetch`` replace the library calls (for tests)."""
    settings = settings or Settings()
    do_summarize = summarize or _default_summarize
    stop_fetches: Callable[[], None]
    do_fetch, stop_fetches = (fetch, lambda: None) if fetch else _fetch_canceller()
    worker = Worker(settings.threads, settings.max_pending)  # summarizing
    fetcher = Worker(settings.fetch_threads, settings.max_pending, name="newsfuse-fetch")  # URL fetches
    # Heavy requests (files, long texts) in worker processes, one thread waiting on each. Not with a replaced
    # summarize (tests): a function of a test cannot be sent to another process.
    pool = heavy = idle = None
    if settings.processes and summarize is None:
        pool = ProcessPool(settings.processes, settings.worker_memory_mb * 1_000_000 or None, settings.blas_threads)
        heavy = Worker(settings.processes, settings.max_pending, name="newsfuse-process")
        # small requests that found a process idle: one thread waiting on each process (never more: they hold one)
        idle = Worker(settings.processes, settings.max_pending, name="newsfuse-idle")

    def start_pool() -> None:
        assert pool is not None
        pool.start()  # (it says so in the log when it cannot start processes)

    @asynccontextmanager
    async def lifespan(app: FastAPI):  # type: ignore[no-untyped-def]
        if summarize is None:  # load the sentence splitter etc. before the first request needs it
            try:
                worker.submit(warm_up, settings.blas_threads)
            except Busy:
                pass
            if pool is not None:
                threading.Thread(target=start_pool, name="newsfuse-pool-start", daemon=True).start()
        try:
            yield
        finally:
            try:
                stop_fetches()
                fetcher.shutdown()
            finally:
                worker.shutdown()
                if pool is not None and heavy is not None and idle is not None:
                    pool.shutdown()
                    heavy.shutdown()
                    idle.shutdown()

    app = FastAPI(
        title="newsfuse",
        version=_version(),
        description="One short, attributed brief from many outlets' articles about a story.",
        docs_url=None,  # FastAPI's Swagger UI loads from a CDN and runs an inline script: see /docs below
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.worker = worker
    app.state.fetcher = fetcher
    app.state.pool = pool

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse({"error": exc.message}, status_code=exc.status)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = {404: f"not found: {request.url.path}", 405: f"method {request.method} not allowed here"}.get(
            exc.status_code, str(exc.detail)
        )
        return JSONResponse({"error": message}, status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()) if x not in ("body", "query"))
        return JSONResponse({"error": f"{where}: {first.get('msg', 'invalid request')}"}, status_code=400)

    @app.exception_handler(Exception)
    async def _internal_error(request: Request, exc: Exception) -> JSONResponse:
        print(f"newsfuse serve: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return JSONResponse({"error": f"internal error: {type(exc).__name__}"}, status_code=500)

    @app.get("/api/health", summary="Liveness and this server's limits")
    async def health() -> dict[str, Any]:
        return {
            "status": "ok",
            "version": _version(),
            "urls": settings.allow_urls,
            "limits": {
                "max_body_bytes": settings.max_body_bytes,
                "max_documents": settings.max_documents,
                "timeout_seconds": settings.timeout,
            },
            "pending": worker.pending + fetcher.pending + (heavy.pending if heavy else 0) + (idle.pending if idle else 0),
        }

    @app.post(
        "/api/summarize",
        summary="Summarize a cluster of articles into one attributed brief",
        response_model=None,
        responses={200: {"model": BriefOut, "description": "The brief (same JSON as `newsfuse summarize --format json`)"},
                   **ERROR_RESPONSES},
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SummarizeRequest"}}},
            }
        },
    )
    async def summarize_endpoint(request: Request, include_text: bool = False) -> JSONResponse:
        # Only JSON: a cross-site form or no-cors fetch cannot send application/json without a
        # CORS preflight, so another web page cannot drive a local server through the user's browser.
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype != "application/json" and not (ctype.startswith("application/") and ctype.endswith("+json")):
            raise ApiError(415, f"send the body as JSON with the header Content-Type: application/json (got {ctype or 'none'})")
        deadline = time.monotonic() + settings.timeout
        parsed = parse_request(await request.body(), settings)
        doing = "fetching the URLs"
        notes: list[str] = []
        try:
            documents = list(parsed.documents)
            if parsed.urls:
                documents.extend(await _fetch_all(parsed.urls, deadline))
            if pool is not None and heavy is not None and not pool.broken and (
                    parsed.files or sum(len(d.text) for d in documents) > settings.inline_chars):
                # in a worker process, killed at the deadline (or past its memory cap): see serve_pool
                doing = "reading the files" if parsed.files else "summarizing"
                kind, got = await heavy.run(deadline + JOB_GRACE, pool.call, deadline, read_and_summarize,
                                            parsed.files, documents, parsed.budget_kwargs, settings.max_documents)
                if kind == "too_many":
                    raise ApiError(413, f"too many documents: the request's texts, URLs and files give {got}, "
                                        f"this server takes at most {settings.max_documents} per request")
                brief, job_notes = got
                notes.extend(job_notes)
            elif pool is not None and idle is not None and not parsed.files and (
                    proc := pool.try_acquire(HEAVY_RESERVE)) is not None:
                # a small request, and a worker process is idle: there, beside the server's threads, it has a core
                # of its own (threads share one interpreter); killed at the deadline too. Never waits for a process.
                doing = "summarizing"
                kind, got = await idle.run_or_drop(deadline + JOB_GRACE, functools.partial(pool.release, proc),
                                                   pool.call_on, proc, deadline, read_and_summarize, [], documents,
                                                   parsed.budget_kwargs, settings.max_documents)
                brief, _ = got
            else:
                if parsed.files:
                    # read on a summarizing thread, under the request's deadline, by the CLI's reader of such files
                    doing = "reading the files"
                    documents = await worker.run(deadline, load_files, parsed.files, documents, notes.append)
                    if len(documents) > settings.max_documents:
                        raise ApiError(413, f"too many documents: the request's texts, URLs and files give "
                                            f"{len(documents)}, this server takes at most {settings.max_documents} "
                                            "per request")
                doing = "summarizing"
                brief = await worker.run(deadline, do_summarize, documents, **parsed.budget_kwargs)
        except TimeoutError as e:
            if isinstance(e, JobTimeout) and e.stage in ("reading the files", "summarizing"):
                doing = e.stage
            advice = {"summarizing": "send fewer or shorter articles", "reading the files": "send fewer or smaller files"
                      }.get(doing, "send the article text instead")
            if doing == "summarizing" and parsed.files:
                advice = "send fewer or smaller files or articles"
            raise ApiError(
                503, f"timed out: {doing} took longer than this server's {settings.timeout:g} s limit; "
                f"{advice}, or try again"
            ) from None
        except JobTooBig as e:
            what = e.stage if e.stage in ("reading the files", "summarizing") else doing
            raise ApiError(413, f"too large: {what} needed more than this server's {e.limit_bytes // 1_000_000} MB of "
                                "memory (--worker-memory-mb); send fewer or smaller "
                                f"{'files' if parsed.files else 'articles'}") from None
        except (Busy, NotStarted):
            raise ApiError(503, "server busy: too many requests in progress; try again shortly") from None
        except JobFailed as e:
            print(f"newsfuse serve: internal error in a worker process: {e}", file=sys.stderr)
            raise ApiError(500, f"internal error: {e}") from None
        except NewsfuseError as e:
            raise ApiError(400, str(e)) from None
        except ApiError:
            raise
        except Exception as e:  # noqa: BLE001 - a bug must not look like a hang-up: answer 500 and log it
            traceback.print_exc(file=sys.stderr)
            raise ApiError(500, f"internal error: {type(e).__name__}") from None
        answer = brief.to_dict(include_text=include_text)
        if notes:
            answer["notes"] = list(notes)
        return JSONResponse(answer)

    async def _fetch_all(urls: list[str], deadline: float) -> list[Document]:
        # one request cannot take every fetch thread
        gate = asyncio.Semaphore(max(1, min(settings.fetch_threads - 1, 8)))

        async def one(u: str) -> Document:
            async with gate:
                result: Document = await fetcher.run(
                    deadline, _fetch_by, deadline, do_fetch, u, settings.fetch_timeout, settings.max_body_bytes
                )
                return result

        results = await asyncio.gather(*(one(u) for u in urls), return_exceptions=True)
        docs: list[Document] = []
        for i, (u, r) in enumerate(zip(urls, results, strict=True)):
            if isinstance(r, BaseException):
                if isinstance(r, NewsfuseError):
                    raise ApiError(400, f"urls[{i}]: {r}")
                raise r
            doc = r if r.url else Document(**{**r.__dict__, "url": u})
            docs.append(Document(**{**doc.__dict__, "id": doc.id or f"u{i + 1}"}))
        return docs

    # Self-hosted API reference (no CDN): renders /openapi.json with static/docs.js.
    @app.get("/docs", include_in_schema=False)
    async def docs_page() -> FileResponse:
        return FileResponse(STATIC_DIR / "docs.html", headers={"cache-control": "no-cache"})

    @app.get("/", include_in_schema=False)
    async def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", headers={"cache-control": "no-cache"})

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    # The OpenAPI models for the request body (validated by hand above).
    base_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = base_openapi()
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            req = SummarizeRequest.model_json_schema(ref_template="#/components/schemas/{model}")
            components.update(req.pop("$defs", {}))
            components["SummarizeRequest"] = req
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

    # Middleware, innermost first: body cap, CORS (only if asked), host check, shutdown's 503, security headers
    # outermost.
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    if settings.cors_origins:
        from starlette.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["content-type"],
            max_age=600,
        )
    names = settings.host_names()
    if names is not None:
        app.add_middleware(HostCheckMiddleware, names=names)
    app.add_middleware(ShutdownMiddleware)
    app.add_middleware(SecurityHeadersMiddleware)
    return app


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("newsfuse")
    except Exception:  # noqa: BLE001 - running from a source tree
        return "0.1.0"


def app_from_env() -> FastAPI:
    """uvicorn factory for ``--workers N``: settings come through the environment."""
    raw = os.environ.get(SETTINGS_ENV)
    return create_app(Settings.from_json(raw) if raw else Settings())


# ---------------------------------------------------------------------------
# The command


def check_listen(host: str, port: int) -> None:
    """Fail in one line, before the server starts, when it could not listen on host:port (a host name that
    does not resolve, a port in use): uvicorn would log several lines and exit 3."""
    import socket

    try:
        family, kind, proto, _, addr = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                          flags=socket.AI_PASSIVE)[0]
    except (socket.gaierror, UnicodeError) as e:
        raise InputError(f"cannot listen on {host}:{port}: unknown host ({getattr(e, 'strerror', None) or e})") from None
    with socket.socket(family, kind, proto) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            sock.bind(addr)
        except OSError as e:
            raise InputError(f"cannot listen on {host}:{port}: {e.strerror or e}") from None


def _finite_megabytes(ctx: click.Context, param: click.Parameter, value: float) -> float:
    """click's FloatRange lets nan through (no comparison with it is true) and inf, which is no size."""
    if not math.isfinite(value):
        raise click.BadParameter(f"{value} is not a number of megabytes", ctx, param)
    return value


def _split_origins(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(o.strip().rstrip("/") for v in values for o in v.split(",") if o.strip())


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--max-body-mb", default=5.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
              callback=_finite_megabytes, help="Largest request body, in MB.")
@click.option("--max-documents", default=200, show_default=True, type=click.IntRange(min=1),
              help="Most documents + URLs per request.")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
              envvar=TIMEOUT_ENV, show_envvar=True,
              help="Seconds one request may take (fetching, reading its files, summarizing) before a 503; work in a "
                   "worker process is stopped then.")
@click.option("--no-urls", is_flag=True, help="Refuse \"urls\" in requests (the server fetches nothing).")
@click.option("--cors-origin", "cors_origins", multiple=True, metavar="ORIGIN",
              help="Allow browser calls from this origin (repeat, or comma-separate). CORS is off by default.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Server processes (each with its own threads).")
@click.option("--threads", default=4, show_default=True, type=click.IntRange(1, 256),
              help="Summarizing threads per process.")
@click.option("--fetch-threads", default=8, show_default=True, type=click.IntRange(1, 256),
              help="Threads per process fetching \"urls\" (a pool of their own: slow pages never hold up "
                   "summarizing).")
@click.option("--processes", default=None, type=click.IntRange(0, 64),
              help="Worker processes reading files and long texts (killed at the deadline); default: one per core, "
                   "at most 4. 0: read them on the threads, which cannot be stopped.")
@click.option("--worker-memory-mb", default=1500, show_default=True, type=click.IntRange(min=0),
              help="A worker process growing past this much resident memory is stopped (the request gets a 413); "
                   "0: no cap.")
@click.option("--inline-chars", default=100_000, show_default=True, type=click.IntRange(min=0),
              help="Requests with no files and at most this many characters of text are summarized in an idle "
                   "worker process, else on the server's threads (never waiting for a process); larger ones always "
                   "in the worker processes.")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]))
def serve_command(
    host: str,
    port: int,
    max_body_mb: float,
    max_documents: int,
    timeout: float,
    no_urls: bool,
    cors_origins: tuple[str, ...],
    workers: int,
    threads: int,
    fetch_threads: int,
    processes: int | None,
    worker_memory_mb: int,
    inline_chars: int,
    log_level: str,
) -> None:
    """Serve the web page and the JSON API (POST /api/summarize).

    Example: newsfuse serve --port 8000, then open http://127.0.0.1:8000/
    """
    import uvicorn

    settings = Settings(
        host=host,
        port=port,
        max_body_bytes=max(1, int(max_body_mb * 1_000_000)),
        max_documents=max_documents,
        timeout=timeout,
        allow_urls=not no_urls,
        cors_origins=_split_origins(cors_origins),
        workers=workers,
        threads=threads,
        fetch_threads=fetch_threads,
        processes=default_processes() if processes is None else processes,
        worker_memory_mb=worker_memory_mb,
        inline_chars=inline_chars,
        log_level=log_level,
    )
    check_listen(host, port)
    if host not in LOOPBACK:
        click.echo(
            f"newsfuse serve: warning: listening on {host}, reachable from other machines; there is no "
            "authentication" + ("" if no_urls else ", and clients can make this machine fetch URLs (--no-urls stops that)"),
            err=True,
        )
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"newsfuse serve: http://{shown}:{port}/  (API: POST /api/summarize, docs: /docs)", err=True)
    common: dict[str, Any] = {
        "host": host,
        "port": port,
        "log_level": log_level,
        "server_header": False,
        "timeout_graceful_shutdown": 5,
    }
    if workers > 1:
        os.environ[SETTINGS_ENV] = settings.to_json()
        uvicorn.run("newsfuse.server:app_from_env", factory=True, workers=workers, **common)
    else:
        uvicorn.run(create_app(settings), **common)
