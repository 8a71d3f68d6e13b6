"""Saved web pages: MHTML, Safari web archives, WARC files, "saved from url" pages and web-archive captures.

The pages here and in tests/fixtures/penmarrow-pier are written for these tests (fiction, CC0).
"""

from __future__ import annotations

import base64
import gzip
import json
import plistlib
import time
from pathlib import Path

import pytest

from fixture_files import assert_same_files, make_script
from newsfuse import warc as warc_module
from newsfuse.archived import (
    drop_capture_header,
    name_in_title,
    original_url,
    page_url,
    saved_from_url,
    strip_archive_toolbar,
    without_tracking,
)
from newsfuse.clean import clean_documents
from newsfuse.cli import main
from newsfuse.errors import InputError
from newsfuse.load import load_inputs
from newsfuse.mhtml import MhtmlError, looks_like_mhtml, parse_mhtml

PIER = Path(__file__).parent / "fixtures" / "penmarrow-pier"
HANG = 20.0  # seconds: a guard against quadratic parsing, not a speed target

STORY = ("<p>The Grand Pavilion at the end of Victoria Pier burned down early on Sunday, weeks before it was due "
         "to reopen.</p><p>About 70 firefighters fought the blaze, which was under control by 7:15 a.m.</p>")
PAGE = f"<!DOCTYPE html><html><head><title>Pier pavilion burns</title></head><body><article>{STORY}</article></body></html>"


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def one_line_error(code: int, err: str) -> None:
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err


# --- addresses ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("url", "expect"), [
    ("https://web.archive.org/web/20260413081502/https://www.kellacombechronicle.example/news/fire",
     "https://www.kellacombechronicle.example/news/fire"),
    ("http://web.archive.org/web/20260413081502id_/http://example.org/a?b=1", "http://example.org/a?b=1"),
    ("https://web.archive.org/web/2026/example.org/story", "http://example.org/story"),
    ("https://web.archive.org/web/20260413081502/https:/example.org/story", "https://example.org/story"),
    ("https://archive.ph/2026.04.13-081500/https://www.example.org/story", "https://www.example.org/story"),
    ("https://www-example-org.cdn.ampproject.org/c/s/www.example.org/amp/story", "https://www.example.org/amp/story"),
    ("https://www-example-org.cdn.ampproject.org/v/www.example.org/amp/story?amp_js_v=0.1", "http://www.example.org/amp/story?amp_js_v=0.1"),
    ("https://www.google.com/amp/s/www.example.org/story.amp", "https://www.example.org/story.amp"),
    # a capture of an AMP cache copy: both unwrapped
    ("https://web.archive.org/web/2026/https://www-example-org.cdn.ampproject.org/c/s/www.example.org/x",
     "https://www.example.org/x"),
    # not archives: unchanged
    ("https://www.example.org/web/20260413/https://other.example/", "https://www.example.org/web/20260413/https://other.example/"),
    ("https://archive.org/details/some-book", "https://archive.org/details/some-book"),
    ("https://www.example.org/amp/story", "https://www.example.org/amp/story"),
])
def test_original_url(url: str, expect: str) -> None:
    assert original_url(url) == expect


def test_saved_from_url_and_page_url() -> None:
    saved = "<!DOCTYPE html>\n<!-- saved from url=(0038)https://www.example.org/2026/04/story -->\n"
    assert saved_from_url(saved + PAGE) == "https://www.example.org/2026/04/story"
    assert page_url(saved + PAGE) == "https://www.example.org/2026/04/story"
    # the canonical link (or og:url) wins over the address saved (tracking parameters, an AMP copy)
    canon = saved + '<html><head><link rel="canonical" href="https://www.example.org/story"></head>'
    assert page_url(canon) == "https://www.example.org/story"
    og = saved + '<html><head><meta property="og:url" content="https://www.example.org/og"></head>'
    assert page_url(og) == "https://www.example.org/og"
    # a page saved from an archive: the capture's address, not the canonical link the archive left unrewritten
    capture = ("<!-- saved from url=(0066)https://web.archive.org/web/20260413081502/https://www.example.org/story -->"
               '<link rel="canonical" href="https://www.example.org/story">')
    assert page_url(capture) == "https://web.archive.org/web/20260413081502/https://www.example.org/story"
    # Internet Explorer's mark for a page saved from disk, and pages that say nothing of being saved
    assert page_url("<!-- saved from url=(0014)about:internet -->" + PAGE) is None
    assert page_url('<html><head><link rel="canonical" href="https://www.example.org/story"></head>' + PAGE) is None
    assert page_url("<p>saved from url=(0038)https://www.example.org/ in the text, far down</p>" * 200) is None


def test_name_in_title() -> None:
    html = "<title>Fire destroys pier pavilion – The Penmarrow Post</title>"
    assert name_in_title(html, "penmarrowpost.example") == "The Penmarrow Post"
    assert name_in_title("<title>Pier fire | Harbour Light</title>", "www.harbourlight.example") == "Harbour Light"
    assert name_in_title(html, "coastradio.example") is None  # (another site's name)
    assert name_in_title("<title>Penmarrow Post</title>", "penmarrowpost.example") is None  # (no headline before it)


# --- an archive's toolbar --------------------------------------------------------------------------------


def test_strip_archive_toolbar() -> None:
    toolbar = ('<!-- BEGIN WAYBACK TOOLBAR INSERT --><div id="wm-ipp"><a>6 captures</a><div>12 Apr 2026 - 14 Apr 2026'
               '</div><div>success</div><div>fail</div><span>About this capture</span></div>'
               '<div id="wm-ipp-print">The Wayback Machine - https://web.archive.org/web/2026/https://example.org/</div>'
               "<!-- END WAYBACK TOOLBAR INSERT -->")
    html = PAGE.replace("<body>", "<body>" + toolbar)
    out = strip_archive_toolbar(html)
    assert "captures" not in out and "Wayback Machine" not in out and STORY in out
    # a marker left open cuts nothing
    assert strip_archive_toolbar(PAGE.replace("<body>", "<body><!-- BEGIN WAYBACK TOOLBAR INSERT -->")).count(STORY) == 1
    today = ('<html><body><div id="HEADER" style="x"><table><tr><td>archive.today webpage capture</td><td>Saved from'
             '</td><td>https://www.example.org/story</td></tr></table></div><div id="CONTENT">' + STORY + "</div></body></html>")
    out = strip_archive_toolbar(today)
    assert "webpage capture" not in out and STORY in out


WAYBACK_COPY = """The Wayback Machine - https://web.archive.org/web/20260413081502/https://www.example.org/news/fire
https://www.example.org/news/fire
Go
6 captures
12 Apr 2026 - 14 Apr 2026
Mar	APR	May
13
2025	2026	2027
success
fail
About this capture
COLLECTED BY
Organization: Internet Archive
The Internet Archive discovers and captures web pages through many different web crawls.
Collection: Live Web Proxy Crawls
Content crawled via the Wayback Machine Live Proxy mostly by the Save Page Now feature on web.archive.org.
TIMESTAMPS
Example Chronicle
Pier's Grand Pavilion destroyed in overnight blaze
The fire destroyed the Edwardian ballroom six weeks before it was to reopen.
"""

ARCHIVE_TODAY_COPY = """archive.today
webpage capture
Saved from
https://www.example.org/news/fire
search
13 Apr 2026 08:15:00 UTC
no other snapshots from this url
All snapshots from host www.example.org
Webpage
Screenshot
share
download .zip
report bug or abuse
Buy me a coffee
Pier's Grand Pavilion destroyed in overnight blaze
The fire destroyed the Edwardian ballroom six weeks before it was to reopen.
"""

# ordinary news text that looks like a toolbar's words: kept whole
CAPTURE_LIKE_PROSE = [
    "Rangers made 6 captures of the escaped macaques on Tuesday.\nThe zoo said the rest were still loose.\n",
    "The Wayback Machine, run by the Internet Archive, keeps copies of old pages.\nLibrarians said it was vital.\n",
    "Success\nFail\nThe two words were painted on the doors of the school by pupils.\n",
    "Officials said the webpage capture tool was used by investigators.\n13 Apr 2026\nThe case continues.\n",
]


def test_drop_capture_header() -> None:
    out = drop_capture_header(WAYBACK_COPY)
    assert out.startswith("Example Chronicle\nPier's Grand Pavilion"), out
    out = drop_capture_header(ARCHIVE_TODAY_COPY)
    assert out.startswith("Pier's Grand Pavilion destroyed"), out


@pytest.mark.parametrize("text", CAPTURE_LIKE_PROSE)
def test_drop_capture_header_keeps_prose(text: str) -> None:
    assert drop_capture_header(text) == text


def test_wayback_copy_as_text_is_cleaned(tmp_path: Path) -> None:
    f = tmp_path / "capture.txt"
    f.write_text(WAYBACK_COPY + "\n" + "Firefighters fought the blaze for more than four hours, officials said.\n")
    [d] = clean_documents(load_inputs([str(f)]))
    assert "captures" not in d.text and "About this capture" not in d.text and "COLLECTED BY" not in d.text
    assert "Edwardian ballroom" in d.text


# --- MHTML -------------------------------------------------------------------------------------------------


def mhtml(html_part: bytes, encoding: str = "quoted-printable", extra_parts: bytes = b"", close: bool = True,
          snapshot: str = "https://www.example.org/news/fire", newline: bytes = b"\r\n") -> bytes:
    nl = newline
    head = (b"From: <Saved by Blink>" + nl + b"Snapshot-Content-Location: " + snapshot.encode() + nl
            + b"MIME-Version: 1.0" + nl + b'Content-Type: multipart/related;' + nl + b'\ttype="text/html";' + nl
            + b'\tboundary="----MultipartBoundary--abc----"' + nl + nl + nl)
    part = (b"------MultipartBoundary--abc----" + nl + b"Content-Type: text/html" + nl
            + b"Content-Transfer-Encoding: " + encoding.encode() + nl
            + b"Content-Location: https://www.example.org/news/fire" + nl + nl + html_part + nl + nl)
    end = b"------MultipartBoundary--abc------" + nl if close else b""
    return head + extra_parts + part + end


def test_mhtml_quoted_printable_with_lf_soft_breaks() -> None:
    # "=" LF soft breaks (a file whose line ends were converted), =3D in attributes, a curly quote split over lines
    qp = (b'<html><head><meta charset=3D"utf-8"><title>Pier=E2=80=\n=99s pavilion burns</title></head><body><p cla=\n'
          b'ss=3D"lead">The pier=E2=80=99s pavilion burned on Sunday.</p></body></html>')
    data = mhtml(qp, newline=b"\n")
    assert looks_like_mhtml(data)
    page = parse_mhtml(data)
    html = page.data.decode("utf-8")
    assert "<title>Pier\u2019s pavilion burns</title>" in html and '<p class="lead">' in html
    assert page.url == "https://www.example.org/news/fire"


@pytest.mark.parametrize("enc", ["utf-16", "utf-16-le", "utf-16-be"])
def test_an_mhtml_file_saved_in_utf16_is_read(tmp_path: Path, enc: str) -> None:
    """A saved page re-encoded as UTF-16 (with or without its byte order mark) was refused ("its MIME header never
    ends"): it is read as the UTF-8 file is, from its suffix or from its first bytes."""
    qp = b'<html><head><meta charset=3D"utf-8"><title>Pier pavilion burns</title></head><body>' + STORY.encode() + b"</body></html>"
    data = mhtml(qp).decode("ascii").encode(enc)
    assert looks_like_mhtml(data) and parse_mhtml(data) == parse_mhtml(mhtml(qp))
    for name in ("pier.mhtml", "pier.txt"):
        (tmp_path / name).write_bytes(data)
        [doc] = load_inputs([str(tmp_path / name)])
        assert doc.title == "Pier pavilion burns" and doc.is_html and "<p>The Grand Pavilion at the end of" in doc.text
        assert doc.url == "https://www.example.org/news/fire"
    assert parse_mhtml(b"\xff\xfe" + mhtml(qp).decode("ascii").encode("utf-16-le")[:-1]).url  # (cut in a character)


def test_an_email_with_inline_images_is_not_taken_for_mhtml() -> None:
    mail = (b"From: Jane Roe <jane@example.org>\r\nSubject: Pier fire\r\nMIME-Version: 1.0\r\n"
            b'Content-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>Hi</p>\r\n--b--\r\n')
    assert not looks_like_mhtml(mail)
    assert looks_like_mhtml(mail.replace(b"From: Jane Roe <jane@example.org>", b"From: <Saved by Blink>"))


def test_mhtml_base64_part_and_the_snapshot_part_chosen() -> None:
    frame = (b"------MultipartBoundary--abc----\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable"
             b"\r\nContent-Location: https://ads.example/frame\r\n\r\n<p>Advertisement</p>\r\n")
    body = base64.encodebytes(PAGE.encode()).replace(b"\n", b"\r\n")
    page = parse_mhtml(mhtml(body, "base64", extra_parts=frame))
    assert page.data.decode() == PAGE


@pytest.mark.parametrize(("data", "why"), [
    (b"From: <Saved by Blink>\r\nContent-Type: multipart/related; boundary=\"b\"\r\n", "never ends"),
    (b"MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\r\n\r\nno parts", "no boundary"),
    (b"Content-Type: multipart/related; boundary=\"b\"\r\n\r\npreamble only", "no parts"),
    (b"Content-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n",
     "none of its 1 part is an HTML page"),
    (b"Content-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding"
     b": base64\r\n\r\nPGh0bWw+x\r\n--b--\r\n", "not valid base64"),
    # truncated in the part's header
    (b"Content-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/ht", "none of its 1 part"),
])
def test_mhtml_refused(data: bytes, why: str) -> None:
    with pytest.raises(MhtmlError, match=why):
        parse_mhtml(data)


def test_mhtml_boundary_never_closed_still_reads_the_page() -> None:
    page = parse_mhtml(mhtml(PAGE.encode(), "8bit", close=False))
    assert page.data.decode().rstrip() == PAGE


def test_mhtml_five_megabytes_linear(tmp_path: Path) -> None:
    # a quoted-printable part of 5 MB: soft breaks, =XX and stray "=" everywhere, its boundary never closed
    junk = (b"=E2=80=99=3D=\r\n= =ZZ=" * 260_000)[:5_000_000]
    f = tmp_path / "big.mhtml"
    f.write_bytes(mhtml(junk + PAGE.encode(), close=False))
    t = time.perf_counter()
    [d] = load_inputs([str(f)])
    assert time.perf_counter() - t < HANG
    assert d.is_html and d.url == "https://www.example.org/news/fire"
    # many parts, none of them HTML
    parts = b"".join(b"--b\r\nContent-Type: image/gif\r\n\r\nGIF89a\r\n" for _ in range(150_000))
    f.write_bytes(b"Content-Type: multipart/related; boundary=\"b\"\r\n\r\n" + parts)
    t = time.perf_counter()
    with pytest.raises(InputError, match="none of its 150000 parts"):
        load_inputs([str(f)])
    assert time.perf_counter() - t < HANG
    # many short parts whose headers never end (each header looked for in its own part, not 64 kB ahead)
    f.write_bytes(b"From: <Saved by Blink>\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n"
                  + b"--b\r\nContent-Type: text/html\r\n" * 200_000)
    t = time.perf_counter()
    with pytest.raises(InputError, match="none of its 200000 parts"):
        load_inputs([str(f)])
    assert time.perf_counter() - t < HANG


# --- Safari web archives ---------------------------------------------------------------------------------


def webarchive(main: object, fmt: plistlib.PlistFormat = plistlib.FMT_BINARY) -> bytes:
    return plistlib.dumps({"WebMainResource": main, "WebSubresources": []}, fmt=fmt)


def test_webarchive_page_read_with_its_encoding(tmp_path: Path) -> None:
    f = tmp_path / "page.webarchive"
    html = PAGE.replace("burned down", "burned down \u201cin minutes\u201d").encode("cp1252")
    f.write_bytes(webarchive({"WebResourceData": html, "WebResourceMIMEType": "text/html",
                              "WebResourceTextEncodingName": "ISO-8859-1",
                              "WebResourceURL": "https://www.harbourlight.example/news/fire"}))
    [d] = load_inputs([str(f)])
    assert "\u201cin minutes\u201d" in d.text
    assert (d.url, d.source, d.title, d.id) == ("https://www.harbourlight.example/news/fire", "harbourlight.example",
                                                "Pier pavilion burns", "page")


@pytest.mark.parametrize(("data", "why"), [
    (webarchive({"WebResourceData": "not bytes", "WebResourceURL": 5}), "WebResourceData is str, not data"),
    (webarchive([1, 2, 3]), "no WebMainResource dictionary"),
    (plistlib.dumps([1, 2], fmt=plistlib.FMT_BINARY), "no dictionary at its top"),
    (webarchive({"WebResourceData": PAGE.encode()})[:-20], "cut short or corrupt"),
    (b"bplist00" + b"\xff" * 5_000_000, "cut short or corrupt"),
    (b"", "is empty"),
    (b"<html><body>Saved as the wrong kind</body></html>", "not a property list"),
])
def test_webarchive_refused(tmp_path: Path, data: bytes, why: str) -> None:
    _refused_quickly(tmp_path / "bad.webarchive", data, why)


# --- WARC ------------------------------------------------------------------------------------------------


def record(kind: str, uri: str, block: bytes, length: int | None = None) -> bytes:
    head = (f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2026-04-12T15:00:00Z\r\n"
            f"Content-Type: application/http;msgtype={kind}\r\nContent-Length: {len(block) if length is None else length}"
            "\r\n\r\n")
    return head.encode() + block + b"\r\n\r\n"


def response(uri: str, body: bytes, headers: str = "Content-Type: text/html; charset=utf-8", status: str = "200 OK") -> bytes:
    return record("response", uri, f"HTTP/1.1 {status}\r\n{headers}\r\n\r\n".encode() + body)


def test_warc_pages_each_a_document(tmp_path: Path) -> None:
    other = PAGE.replace("Pier pavilion burns", "Ballroom lost").encode("cp1252")
    data = (record("warcinfo", "", b"software: test\r\n")
            + record("request", "https://a.example/story", b"GET /story HTTP/1.1\r\nHost: a.example\r\n\r\n")
            + response("https://a.example/story", PAGE.encode())
            + response("https://a.example/story", b"<html>a second capture of the same address</html>")
            + response("http://b.example/fire", b"", "Location: https://b.example/fire", "301 Moved Permanently")
            + response("https://b.example/fire", other, "Content-Type: text/html; charset=windows-1252")
            + response("https://b.example/logo.png", b"\x89PNG\r\n\x1a\n", "Content-Type: image/png")
            + response("https://b.example/missing", PAGE.encode(), "Content-Type: text/html", "404 Not Found")
            + record("metadata", "https://b.example/fire", b"outlink: https://b.example/\r\n"))
    f = tmp_path / "crawl.warc"
    f.write_bytes(data)
    docs = load_inputs([str(f)])
    assert [(d.id, d.url, d.source, d.title) for d in docs] == [
        ("crawl-1", "https://a.example/story", "a.example", "Pier pavilion burns"),
        ("crawl-2", "https://b.example/fire", "b.example", "Ballroom lost"),
    ]
    # one gzip member per record, as a .warc.gz
    g = tmp_path / "crawl.warc.gz"
    g.write_bytes(b"".join(gzip.compress(r) for r in [data]))
    assert [d.url for d in load_inputs([str(g)])] == ["https://a.example/story", "https://b.example/fire"]


def test_warc_chunked_and_gzip_encoded_body(tmp_path: Path) -> None:
    body = gzip.compress(PAGE.encode())
    chunked = b"".join(b"%x\r\n" % len(body[i:i + 50]) + body[i:i + 50] + b"\r\n" for i in range(0, len(body), 50)) + b"0\r\n\r\n"
    f = tmp_path / "one.warc"
    f.write_bytes(response("https://a.example/story", chunked,
                           "Content-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked"))
    [d] = load_inputs([str(f)])
    assert d.text == PAGE and d.id == "one"


def test_warc_lying_content_length(tmp_path: Path) -> None:
    good = response("https://a.example/story", PAGE.encode())
    warnings: list[str] = []
    # too short: the record does not end where it says; the page before it is kept, with one warning
    f = tmp_path / "short.warc"
    f.write_bytes(good + record("response", "https://b.example/x", b"HTTP/1.1 200 OK\r\n\r\n" + PAGE.encode(), length=40) + good)
    docs = load_inputs([str(f)], warn=warnings.append)
    assert [d.url for d in docs] == ["https://a.example/story"]
    assert any("record 2 does not end where its Content-Length says" in w for w in warnings), warnings
    # too long: the file ends first
    f.write_bytes(good + record("response", "https://b.example/x", b"HTTP/1.1 200 OK\r\n\r\n" + PAGE.encode(), length=10**9))
    warnings.clear()
    assert len(load_inputs([str(f)], warn=warnings.append)) == 1
    assert any("record 2 is cut short" in w for w in warnings), warnings
    # alone: a one-line error
    f.write_bytes(record("response", "https://b.example/x", PAGE.encode(), length=10**9))
    with pytest.raises(InputError, match="not a readable WARC file: .*cut short"):
        load_inputs([str(f)])


def test_warc_gzip_bomb_in_a_body_is_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(warc_module, "MAX_PAGE_BYTES", 5_000_000)
    bomb = gzip.compress(b"<p>" + b" " * 60_000_000)
    f = tmp_path / "bomb.warc"
    f.write_bytes(response("https://a.example/bomb", bomb, "Content-Type: text/html\r\nContent-Encoding: gzip")
                  + response("https://a.example/story", PAGE.encode()))
    warnings: list[str] = []
    t = time.perf_counter()
    docs = load_inputs([str(f)], warn=warnings.append)
    assert time.perf_counter() - t < HANG
    assert [d.url for d in docs] == ["https://a.example/story"]
    assert any("expands past 5 MB" in w for w in warnings), warnings


def test_warc_gzip_bomb_file_is_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(warc_module, "MIN_READ_LIMIT", 5_000_000)
    # a page, then a metadata record of 60 MB of zeros (it compresses a thousand times)
    data = response("https://a.example/story", PAGE.encode()) + record("metadata", "x", b"\x00" * 60_000_000)
    f = tmp_path / "bomb.warc.gz"
    f.write_bytes(gzip.compress(data))
    warnings: list[str] = []
    t = time.perf_counter()
    docs = load_inputs([str(f)], warn=warnings.append)
    assert time.perf_counter() - t < HANG
    assert len(docs) == 1 and any("compression bomb" in w for w in warnings), warnings


@pytest.mark.parametrize(("data", "why"), [
    (b"WARC/1.0\r\nWARC-Type: response\r\n", "ends inside a record's header"),
    (b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: x\r\n\r\n", "no Content-Length"),
    (b"WARC/1.0\r\n" + b"X-Pad: " + b"a" * 5_000_000 + b"\r\n\r\n", "longer than 64 kB"),
    (b"WARC/1.0\r\nWARC-Type: request\r\nContent-Length: 3\r\n\r\nGET\r\n\r\n", "no HTML page"),
    # a .warc.gz cut short inside its gzip stream
    (gzip.compress(b"WARC/1.0\r\nWARC-Type: metadata\r\nContent-Length: 102400\r\n\r\n"
                   + bytes(range(256)) * 400 + b"\r\n\r\n")[:150], "cut short"),
], ids=["header never ends", "no length", "huge header", "only a request", "gzip cut short"])
def test_warc_refused(tmp_path: Path, data: bytes, why: str) -> None:
    _refused_quickly(tmp_path / ("bad.warc.gz" if data[:2] == b"\x1f\x8b" else "bad.warc"), data, why)


def _refused_quickly(f: Path, data: bytes, why: str) -> None:
    """``data`` saved as ``f`` is refused in one line saying ``why``, in under HANG seconds."""
    f.write_bytes(data)
    t = time.perf_counter()
    with pytest.raises(InputError, match=why) as e:
        load_inputs([str(f)])
    assert time.perf_counter() - t < HANG
    assert "\n" not in str(e.value)


def test_warc_five_megabytes_of_chunks_linear(tmp_path: Path) -> None:
    chunks = b"1\r\nx\r\n" * 800_000 + b"0\r\n\r\n"
    f = tmp_path / "chunks.warc"
    f.write_bytes(response("https://a.example/s", chunks, "Content-Type: text/html\r\nTransfer-Encoding: chunked")
                  + response("https://a.example/story", PAGE.encode()))
    t = time.perf_counter()
    docs = load_inputs([str(f)])
    assert time.perf_counter() - t < HANG
    assert len(docs) == 2 and docs[0].text == "x" * 800_000


# --- the command line ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "data"), [
    ("cut.mhtml", b"From: <Saved by Blink>\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Ty"),
    ("wrong-types.webarchive", webarchive({"WebResourceData": ["a list"]})),
    ("lying.warc", record("response", "https://a.example/", b"HTTP/1.1 200 OK\r\n\r\n<p>x</p>", length=99_999)),
    ("text-named.warc", b"<html><body><p>Not a WARC file at all.</p></body></html>"),
])
def test_cli_bad_saved_page_alone_is_one_line(capsys, tmp_path: Path, name: str, data: bytes) -> None:
    f = tmp_path / name
    f.write_bytes(data)
    code, _, err = run(capsys, "summarize", str(f))
    one_line_error(code, err)
    assert name in err


def test_cli_bad_saved_page_among_good_ones_is_skipped(capsys, tmp_path: Path) -> None:
    bad = tmp_path / "bad.webarchive"
    bad.write_bytes(b"bplist00 cut")
    code, out, err = run(capsys, "summarize", str(PIER / "01-penmarrow-post.mhtml"), str(PIER / "05-saved-page.html"),
                         str(bad), "--format", "json")
    assert code == 0, err
    assert "bad.webarchive" in err and "Traceback" not in err
    assert len(json.loads(out)["sources"]) == 2


# --- the fixture's generated files -----------------------------------------------------------------------


def test_fixture_files_are_what_the_script_makes(tmp_path: Path) -> None:
    """The committed .mhtml and .webarchive are byte for byte what _make.py writes; the .warc.gz holds gzip
    streams, whose bytes depend on the zlib version, so it is compared by what the loader reads from it."""
    make = make_script(PIER / "_make.py", "penmarrow_make")
    make.main(tmp_path)
    assert_same_files(tmp_path, PIER, list(make.FILES), PIER / "_make.py")


@pytest.mark.parametrize(("url", "clean"), [
    ("https://a.example/story/?utm_source=newsletter&utm_medium=email", "https://a.example/story/"),
    ("https://a.example/story?id=42&fbclid=IwAR0x&page=2#top", "https://a.example/story?id=42&page=2#top"),
    ("https://a.example/story?UTM_Campaign=x", "https://a.example/story"),
    ("https://a.example/search?q=utm_source", "https://a.example/search?q=utm_source"),  # (a value, not a parameter)
    ("https://a.example/story", "https://a.example/story"),
])
def test_a_saved_pages_address_loses_its_tracking_parameters(url: str, clean: str) -> None:
    assert without_tracking(url) == clean


def test_a_page_without_metadata_takes_its_footers_copyright_notice_not_its_host(tmp_path: Path) -> None:
    story = "<p>" + "The pier's pavilion burned down early on Sunday, six weeks before it was due to reopen. " * 3 + "</p>"
    page = ('<!-- saved from url=(0040)https://www.westcountrywire.example/a -->\n<html><head><title>Pier fire</title>'
            f'</head><body><article><h1>Pier fire</h1>{story}</article><footer>&copy; 2026 West Country Wire. '
            '<a href="/terms">Terms</a></footer></body></html>')
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    (tmp_path / "plain.html").write_text(page.replace("&copy; 2026 West Country Wire.", "About us"), encoding="utf-8")
    docs = {d.id: d for d in clean_documents(load_inputs([str(tmp_path)]))}
    assert docs["page"].source == "West Country Wire"
    assert docs["plain"].source == "westcountrywire.example"
