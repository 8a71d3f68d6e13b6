"""MHTML, a web page saved as one file (part of the load stage).

Chrome's and Edge's "Save as... Webpage, single file" (``.mhtml``, ``.mht``) writes the page as a MIME
``multipart/related`` message: a header naming the page's address (``Snapshot-Content-Location``), then one
part per resource (the HTML, its style sheets, images, frames), each with its own ``Content-Type``,
``Content-Location`` and ``Content-Transfer-Encoding`` (quoted-printable for text, base64 for the rest).
:func:`parse_mhtml` returns the page's own HTML part, undone from its transfer encoding; the loader decodes it
with its charset and reads it as an HTML page.

The parts are found with ``bytes.find`` from each boundary to the next (one pass), and only the chosen part is
decoded (by ``binascii``, in C): a file that never closes its boundary, is cut short or holds a part of
megabytes takes time in proportion to its size.
"""

from __future__ import annotations

import binascii
import email
import email.message
import re
from dataclasses import dataclass

MAX_HEADER_BYTES = 65_536  # a part's MIME header is a few hundred bytes
_BLANK_LINE_RE = re.compile(rb"\r?\n\r?\n")
# (a header line "Name: value" at the file's start: MHTML opens with its headers, unlike an HTML or text page)
_HEADER_START_RE = re.compile(rb"\A(?:\xef\xbb\xbf)?[\x21-\x39\x3b-\x7e]{1,80}:[^\r\n]{0,2000}\r?\n")
_MULTIPART_RELATED_RE = re.compile(rb"^content-type:[ \t]*multipart/related\b", re.IGNORECASE | re.MULTILINE)


class MhtmlError(ValueError):
    """Why a file is not an MHTML page that can be read (one line)."""


@dataclass(frozen=True)
class MhtmlPage:
    data: bytes  # the HTML part, undone from its transfer encoding (not yet decoded to text)
    charset: str | None  # the part's declared charset
    url: str | None  # the page's address (the part's Content-Location, else the snapshot's)


# what a browser's saved page says of itself (an e-mail with inline images is multipart/related too, and is read
# as an e-mail unless its file is named .mhtml)
_SAVED_BY_RE = re.compile(rb"^(?:from:[ \t]*<saved by |snapshot-content-location:)", re.IGNORECASE | re.MULTILINE)


def from_utf16(data: bytes) -> bytes:
    """``data`` in UTF-8 when it is UTF-16 text (a byte order mark, or ASCII with a NUL beside every byte, as an
    editor or PowerShell's ``Out-File`` can write a saved page); else ``data`` itself. (The parts' bodies are ASCII,
    quoted-printable or base64, so this undoes only the file's own encoding; an 8-bit part's text is then UTF-8.)"""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        enc = "utf-16"
    else:
        head = data[:200]
        if len(head) < 8 or b"\x00" not in head[:2]:
            return data
        if not any(head[1::2]) and all(head[0::2]):
            enc = "utf-16-le"
        elif not any(head[0::2]) and all(head[1::2]):
            enc = "utf-16-be"
        else:
            return data
    return data.decode(enc, errors="replace").encode("utf-8", errors="replace")


def looks_like_mhtml(head: bytes) -> bool:
    """True when ``head`` (a file's first bytes) opens with MIME headers declaring ``multipart/related`` that a
    browser wrote ("From: <Saved by Blink>", "Snapshot-Content-Location:"), in UTF-8 or UTF-16."""
    head = from_utf16(head)
    if _HEADER_START_RE.match(head) is None:
        return False
    m = _BLANK_LINE_RE.search(head, 0, MAX_HEADER_BYTES)
    end = m.start() if m else min(len(head), MAX_HEADER_BYTES)
    return _MULTIPART_RELATED_RE.search(head, 0, end) is not None and _SAVED_BY_RE.search(head, 0, end) is not None


def _headers(block: bytes) -> email.message.Message:
    return email.message_from_string(block.decode("ascii", errors="replace"))


def _split_header(data: bytes, start: int, end: int | None = None) -> tuple[email.message.Message, int] | None:
    """The MIME header at ``start`` and where its body begins; None when no blank line ends it soon enough (within
    MAX_HEADER_BYTES, and before ``end``: a part's header is looked for in its part only, or a file of many short
    parts without one would be searched 64 kB ahead from each)."""
    m = _BLANK_LINE_RE.search(data, start, min(start + MAX_HEADER_BYTES, len(data) if end is None else end))
    if m is None:
        return None
    return _headers(data[start:m.start()]), m.end()


def _undo_transfer_encoding(body: bytes, encoding: str) -> bytes:
    encoding = encoding.strip().lower()
    if encoding == "quoted-printable":
        return binascii.a2b_qp(body)
    if encoding == "base64":
        try:
            return binascii.a2b_base64(body)
        except binascii.Error:
            raise MhtmlError("its page part is not valid base64") from None
    return body  # 7bit, 8bit, binary


def _same_address(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a.strip().rstrip("/") == b.strip().rstrip("/")


def parse_mhtml(data: bytes) -> MhtmlPage:
    """The page's HTML part: the one at the snapshot's address, else the first ``text/html`` part.
    :class:`MhtmlError` when there is none."""
    data = from_utf16(data)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    top = _split_header(data, 0)
    if top is None:
        raise MhtmlError("its MIME header never ends (no blank line after it)")
    header, body_start = top
    snapshot = header.get("Snapshot-Content-Location") or header.get("Content-Location")
    if header.get_content_maintype() != "multipart":
        if header.get_content_type() != "text/html":
            raise MhtmlError(f"it is a MIME {header.get_content_type()} message, not a saved web page")
        body = _undo_transfer_encoding(data[body_start:], header.get("Content-Transfer-Encoding") or "")
        return MhtmlPage(body, header.get_content_charset(), snapshot)
    boundary = header.get_boundary()
    if not boundary:
        raise MhtmlError("its multipart header names no boundary")
    delim = b"--" + boundary.encode("ascii", errors="replace")
    chosen = first_html = None
    pos = _next_delimiter(data, delim, body_start)
    parts = 0
    while pos >= 0 and chosen is None:
        start = pos + len(delim)
        if data[start:start + 2] == b"--":  # the closing delimiter
            break
        end = _next_delimiter(data, delim, start)
        part_end = len(data) if end < 0 else end
        parts += 1
        line_end = data.find(b"\n", start, part_end)
        split = _split_header(data, line_end + 1, part_end) if line_end >= 0 else None
        if split is not None:
            part, content_start = split
            if part.get_content_type() == "text/html":
                content_end = part_end
                if end >= 0:  # (the line break before the next delimiter belongs to it)
                    content_end -= 2 if data.endswith(b"\r\n", 0, content_end) else 1
                found = (part, data[content_start:content_end])
                if first_html is None:
                    first_html = found
                if snapshot is None or _same_address(part.get("Content-Location"), snapshot):
                    chosen = found
        pos = end
    chosen = chosen or first_html
    if chosen is None:
        if not parts:
            raise MhtmlError("its boundary never appears: it holds no parts")
        raise MhtmlError(f"none of its {parts} part{'s' if parts > 1 else ''} is an HTML page")
    part, body = chosen
    html = _undo_transfer_encoding(body, part.get("Content-Transfer-Encoding") or "")
    return MhtmlPage(html, part.get_content_charset(), part.get("Content-Location") or snapshot)


def _next_delimiter(data: bytes, delim: bytes, start: int) -> int:
    """Where the next delimiter line starts (at a line's start), or -1."""
    pos = data.find(delim, start)
    while pos > 0 and data[pos - 1:pos] != b"\n":
        pos = data.find(delim, pos + 1)
    return pos
