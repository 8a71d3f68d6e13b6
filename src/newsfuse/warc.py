"""WARC web archives (part of the load stage).

A WARC file (``.warc``, or ``.warc.gz``: one gzip member per record, read as one stream) is what ``wget
--warc-file``, a crawler or a browser's archiving extension writes: a sequence of records, each a ``WARC/1.x``
header (``WARC-Type``, ``WARC-Target-URI``, ``Content-Length``, ...), a blank line, ``Content-Length`` bytes
and two line breaks. A ``response`` record holds the HTTP response as it came over the wire (status line,
headers, body: chunked, gzip- or deflate-encoded as the server sent it); a ``resource`` record holds a
document without HTTP. :func:`read_warc` returns each successful (2xx) HTML response or resource as a page,
its body de-chunked, decompressed and left as bytes with the charset its header declares; requests, metadata,
redirects, revisits and other types (images, scripts, style sheets, robots.txt) are skipped.

The reader streams: it holds one record at a time, skips the rest of a record it does not want in chunks, and
stops with one warning at the first record whose header or length is wrong (a ``Content-Length`` that lies, a
file cut short). Every size is capped: a record's HTML, a body's decompressed size (a gzip bomb in an HTTP
body), and the bytes read in all (a gzip bomb in the file itself).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO

MAX_HEADER_BYTES = 65_536
MAX_PAGE_BYTES = 20_000_000  # one page's HTML, after de-chunking and decompression
MAX_PAGES = 200  # pages read from one file; a crawl of a whole site is not one story
SKIP_CHUNK = 1 << 20
# bytes read from the (decompressed) stream in all: a .warc.gz expanding past this many times its size, and past
# MIN_READ_LIMIT, is a bomb (HTML compresses about 5 to 10 times; images and scripts less)
EXPANSION_LIMIT = 100
MIN_READ_LIMIT = 200_000_000
_HTML_TYPES = ("text/html", "application/xhtml+xml")

Warn = Callable[[str], None]


class WarcError(ValueError):
    """Why a file is not a WARC file that can be read (one line)."""


@dataclass(frozen=True)
class WarcPage:
    data: bytes
    charset: str | None
    url: str | None
    mime: str | None


def looks_like_warc(head: bytes) -> bool:
    return head.startswith((b"WARC/1.", b"WARC/0."))


class _Stream:
    """A binary stream read with a budget of bytes; reading past it raises WarcError."""

    def __init__(self, fh: IO[bytes], limit: int) -> None:
        self.fh = fh
        self.limit = limit
        self.read_bytes = 0

    def _count(self, n: int) -> None:
        self.read_bytes += n
        if self.read_bytes > self.limit:
            raise WarcError(f"it expands past {self.limit // 1_000_000} MB (a compression bomb?): stopped there")

    def read(self, n: int) -> bytes:
        data = self.fh.read(n)
        self._count(len(data))
        return data

    def readline(self, limit: int) -> bytes:
        line = self.fh.readline(limit)
        self._count(len(line))
        return line

    def skip(self, n: int) -> int:
        """Read and drop ``n`` bytes; how many there were."""
        left = n
        while left > 0:
            got = len(self.read(min(left, SKIP_CHUNK)))
            if not got:
                break
            left -= got
        return n - left


def _record_header(stream: _Stream) -> dict[str, str] | None:
    """The next record's header fields (names lower-cased); None at the end of the file."""
    line = stream.readline(MAX_HEADER_BYTES)
    while line in (b"\r\n", b"\n"):  # (blank lines between records)
        line = stream.readline(MAX_HEADER_BYTES)
    if not line:
        return None
    if not looks_like_warc(line):
        raise WarcError("a record does not start with a WARC/1.x line (a Content-Length before it is wrong, or the file is corrupt)")
    fields: dict[str, str] = {}
    size = len(line)
    name = ""
    while True:
        line = stream.readline(MAX_HEADER_BYTES)
        size += len(line)
        if not line:
            raise WarcError("the file ends inside a record's header")
        if size > MAX_HEADER_BYTES:
            raise WarcError("a record's header is longer than 64 kB")
        if line in (b"\r\n", b"\n"):
            return fields
        text = line.decode("utf-8", errors="replace").rstrip("\r\n")
        if text[:1] in " \t" and name:  # a folded line
            fields[name] += " " + text.strip()
            continue
        key, sep, value = text.partition(":")
        if sep:
            name = key.strip().lower()
            fields.setdefault(name, value.strip())


def _http_parts(block: bytes) -> tuple[int, dict[str, str], bytes] | None:
    """An HTTP response's status, header fields (names lower-cased) and body; None when it is not one."""
    m = re.search(rb"\r?\n\r?\n", block[:MAX_HEADER_BYTES])
    if m is None or not block.startswith(b"HTTP/"):
        return None
    lines = block[:m.start()].decode("iso-8859-1").split("\n")
    status = re.match(r"HTTP/\d(?:\.\d)?\s+(\d{3})", lines[0])
    if status is None:
        return None
    headers: dict[str, str] = {}
    for raw in lines[1:]:
        key, sep, value = raw.rstrip("\r").partition(":")
        if sep:
            k = key.strip().lower()
            headers[k] = f"{headers[k]}, {value.strip()}" if k in headers else value.strip()
    return int(status.group(1)), headers, block[m.end():]


def _dechunk(body: bytes) -> bytes:
    """A chunked body's data (what came before a malformed or missing chunk, if the body is broken)."""
    out, pos = [], 0
    while True:
        eol = body.find(b"\n", pos, pos + 1024)
        if eol < 0:
            break
        size_text = body[pos:eol].split(b";", 1)[0].strip()
        try:
            size = int(size_text, 16)
        except ValueError:
            break
        if size == 0:
            break
        out.append(body[eol + 1:eol + 1 + size])
        pos = eol + 1 + size
        pos += 2 if body.startswith(b"\r\n", pos) else 1 if body.startswith(b"\n", pos) else 0
    return b"".join(out)


def _decompress(body: bytes, encoding: str) -> bytes:
    """A gzip- or deflate-encoded body, at most MAX_PAGE_BYTES of it (WarcError past that: a bomb)."""
    if encoding in ("gzip", "x-gzip"):
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        d = zlib.decompressobj(zlib.MAX_WBITS if body[:1] == b"\x78" else -zlib.MAX_WBITS)
    else:
        raise WarcError(f"its body's Content-Encoding {encoding!r} cannot be read")
    try:
        out = d.decompress(body, MAX_PAGE_BYTES + 1)
    except zlib.error:
        raise WarcError("its gzip-encoded body is corrupt") from None
    if len(out) > MAX_PAGE_BYTES:
        raise WarcError(f"its encoded body expands past {MAX_PAGE_BYTES // 1_000_000} MB (a compression bomb?)")
    return out


def _charset(content_type: str) -> str | None:
    m = re.search(r"""charset\s*=\s*["']?([\w.:-]{1,40})""", content_type, re.IGNORECASE)
    return m.group(1) if m else None


def _page(fields: dict[str, str], block: bytes) -> WarcPage | None:
    """The HTML page a response or resource record holds, or None; WarcError for a page that cannot be read."""
    kind = fields.get("warc-type", "").lower()
    url = fields.get("warc-target-uri", "").strip().strip("<>") or None
    if kind == "resource":
        ctype = fields.get("content-type", "")
        mime = ctype.split(";")[0].strip().lower()
        return WarcPage(block, _charset(ctype), url, mime) if mime in _HTML_TYPES else None
    parts = _http_parts(block)
    if parts is None:
        return None
    status, headers, body = parts
    ctype = headers.get("content-type", "")
    mime = ctype.split(";")[0].strip().lower()
    if not 200 <= status < 300 or mime not in _HTML_TYPES:
        return None
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = _dechunk(body)
    for enc in reversed([e.strip().lower() for e in headers.get("content-encoding", "").split(",") if e.strip()]):
        if enc != "identity":
            body = _decompress(body, enc)
    return WarcPage(body, _charset(ctype), url, mime)


def read_warc(fh: IO[bytes], name: str, size: int, warn: Warn) -> list[WarcPage]:
    """The HTML pages in the WARC stream ``fh`` (``size``: the file's size on disk, for the expansion cap), each
    address once (its first capture). A damaged record ends the reading with a warning naming ``name``; pages read
    before it are kept. :class:`WarcError` when the damage comes before any page."""
    stream = _Stream(fh, max(MIN_READ_LIMIT, EXPANSION_LIMIT * size))
    pages: list[WarcPage] = []
    seen: set[str] = set()
    records = 0
    try:
        while True:
            fields = _record_header(stream)
            if fields is None:
                break
            records += 1
            length_text = fields.get("content-length", "")
            if not length_text.isdigit():
                raise WarcError(f"record {records} has no Content-Length")
            length = int(length_text)
            kind = fields.get("warc-type", "").lower()
            wanted = kind in ("response", "resource") and length <= MAX_PAGE_BYTES + MAX_HEADER_BYTES
            if wanted:
                block = stream.read(length)
                got = len(block)
            else:
                block, got = b"", stream.skip(length)
            if got < length:
                raise WarcError(f"record {records} is cut short: the file ends {length - got} bytes before its Content-Length")
            end = stream.read(2)
            if end == b"\r\n":
                end = stream.read(2)
                if end not in (b"\r\n", b""):
                    raise WarcError(f"record {records} does not end where its Content-Length says")
            elif end not in (b"\n\n", b"\n", b""):
                raise WarcError(f"record {records} does not end where its Content-Length says")
            if not wanted:
                continue
            try:
                page = _page(fields, block)
            except WarcError as e:
                warn(f"{name}: record {records} ({fields.get('warc-target-uri', 'no address')}) skipped: {e}")
                continue
            if page is None or (page.url is not None and page.url in seen):
                continue
            if len(pages) >= MAX_PAGES:
                warn(f"{name} holds more than {MAX_PAGES} HTML pages: reading only the first {MAX_PAGES}")
                break
            if page.url is not None:
                seen.add(page.url)
            pages.append(page)
    except (WarcError, OSError, EOFError, zlib.error) as e:
        why = str(e) if isinstance(e, WarcError) else f"its gzip stream is corrupt or cut short ({e or type(e).__name__})"
        if not pages:  # (nothing to read before the damage: the damage is why the file gives nothing)
            raise WarcError(why) from None
        warn(f"{name}: {why}; reading the {len(pages)} page{'' if len(pages) == 1 else 's'} before it")
    return pages
