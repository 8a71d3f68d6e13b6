"""Feed damaged files of every format newsfuse reads to its file reader and pipeline, and record what goes wrong.

    python scripts/fuzz_inputs.py --minutes 20 --out /tmp/fuzz            # every format, mutated seeds
    python scripts/fuzz_inputs.py --formats pdf,docx --cases 300 --out /tmp/fuzz
    python scripts/fuzz_inputs.py --replay /tmp/fuzz/cases/0042-docx.docx  # one saved case, traceback shown

Seeds are the test fixtures' own files (invented text) and a few files written here (an ODT, a TSV, an Atom feed,
a newswire file, a JSON cluster). Each case is a seed mutated once or more: cut short, bits flipped, bytes or NULs
or a lone surrogate inserted, a range deleted or repeated, line endings mixed, a huge field, deep nesting, an XML
entity bomb, another encoding (UTF-16/32, a wrong charset), a lying length, or, inside a container (ZIP, gzip,
web archive, WARC), the same done to a member before packing it again. Each case is read as the CLI reads a file
(``newsfuse summarize FILE``, in a worker process) and as the HTTP API reads it (``load.load_files`` and
``summarize``), alone and beside a good article. A case is a defect when it raises anything but a NewsfuseError
(a traceback, "internal error"), gives an error message over one line or empty, takes longer than --slow seconds
or grows the worker past --max-mb. Defects are saved under OUT/cases/ with OUT/defects.jsonl; OUT/messages.tsv
counts each error message (digits blanked) per format, to read for unclear ones.

One core: the worker runs the cases one by one; a case over --timeout seconds kills it (a hang) and a new one
starts. Exit 1 when a defect was found.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import json
import os
import plistlib
import random
import re
import resource
import subprocess
import sys
import time
import traceback
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIX = ROOT / "tests" / "fixtures"

GOOD_ARTICLE = (
    "Harbour Gazette\n\nFerry service resumes after storm\n\n"
    "The Port Alder ferry resumed its crossings on Tuesday morning after a storm kept it at the dock for three days, "
    "the harbour authority said. The first boat left at 7 a.m. with 112 passengers aboard. "
    "Repairs to the north ramp, damaged by waves on Saturday, took crews two days, said Ines Calloway, the authority's "
    "operations chief. \"We checked every cable twice before we let a car on,\" she said. "
    "The authority said the evening crossings would run on the summer timetable until further notice.\n"
)


# ---------------------------------------------------------------- seeds

def _odt(text: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        paras = "".join(f"<text:p>{p}</text:p>" for p in text.split("\n") if p.strip())
        z.writestr("content.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
            f'<text:h>Ferry service resumes</text:h>{paras}</office:text></office:body></office:document-content>'))
        z.writestr("meta.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><office:document-meta '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:">'
            '<office:meta><dc:title>Ferry service resumes</dc:title><meta:creation-date>2026-03-03T09:00:00'
            '</meta:creation-date></office:meta></office:document-meta>'))
    return buf.getvalue()


def _atom() -> bytes:
    body = GOOD_ARTICLE.replace("\n", " ").replace("&", "&amp;").replace("<", "&lt;")
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Gazette</title>'
        '<entry><title>Ferry service resumes</title><link href="https://harbour.example/ferry"/>'
        f'<updated>2026-03-03T09:00:00Z</updated><content type="html">{body}</content></entry>'
        '<entry><title>Storm closes the ferry</title><link href="https://harbour.example/storm"/>'
        f'<updated>2026-03-01T09:00:00Z</updated><summary>{body}</summary></entry></feed>').encode()


def _newswire() -> bytes:
    return (
        "<DOC>\n<DOCNO> APW20260303.0001 </DOCNO>\n<DATE_TIME> 03/03/2026 09:00:00 </DATE_TIME>\n<BODY>\n"
        "<HEADLINE> Ferry service resumes </HEADLINE>\n<TEXT>\n<P> " + GOOD_ARTICLE.split("\n\n", 2)[2] +
        " </P>\n</TEXT>\n</BODY>\n</DOC>\n").encode()


def _tsv() -> bytes:
    import csv

    text = (FIX / "caddow-slide" / "04-cliptrace-export.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    return "\n".join("\t".join(c.replace("\t", " ").replace("\n", " ") for c in r) for r in rows).encode()


def seeds() -> dict[str, tuple[str, bytes]]:
    """format -> (file name, bytes)."""
    f = {
        "txt": "millbrook/01-millbrook-gazette.txt",
        "html": "millbrook/02-valley-radio.html",
        "wayback": "penmarrow-pier/04-wayback-capture.html",
        "savedpage": "penmarrow-pier/05-saved-page.html",
        "md": "wren-blackout/03-ashgrove-ledger.md",
        "rss": "wren-blackout/04-wrenford-beacon.xml",
        "srt": "caddow-slide/02-pennick-public-radio.srt",
        "vtt": "caddow-slide/01-kcdw-11-news.vtt",
        "newsapi": "caddow-slide/03-newsapi-export.json",
        "csv": "caddow-slide/04-cliptrace-export.csv",
        "rtf": "orvel-astrolabe/04-harbour-wire.rtf",
        "pdf": "veyra-plant/03-the-veyra-tidings.pdf",
        "docx": "veyra-plant/04-coastline-wire.docx",
        "mhtml": "penmarrow-pier/01-penmarrow-post.mhtml",
        "webarchive": "penmarrow-pier/02-coast-radio.webarchive",
        "warcgz": "penmarrow-pier/03-crawl.warc.gz",
        "zip": "orvel-astrolabe/orvel-museum-press-kit.zip",
    }
    out = {k: (Path(v).name, (FIX / v).read_bytes()) for k, v in f.items()}
    out["warc"] = ("03-crawl.warc", gzip.decompress(out["warcgz"][1]))
    out["odt"] = ("01-harbour-gazette.odt", _odt(GOOD_ARTICLE))
    out["tsv"] = ("04-cliptrace-export.tsv", _tsv())
    out["atom"] = ("harbour-gazette.atom", _atom())
    out["newswire"] = ("APW20260303.txt", _newswire())
    out["multinews"] = ("multinews.txt", (GOOD_ARTICLE + " ||||| " + GOOD_ARTICLE.replace("Tuesday", "Wednesday")).encode())
    out["jsonl"] = ("clusters.jsonl", (json.dumps({"id": "a", "documents": [GOOD_ARTICLE, GOOD_ARTICLE[::-1]]}) + "\n" +
                                       json.dumps({"id": "b", "documents": [{"text": GOOD_ARTICLE, "title": "T"}]}) + "\n").encode())
    out["json"] = ("cluster.json", json.dumps({"id": "a", "documents": [{"text": GOOD_ARTICLE, "title": "Ferry",
                                                                         "outlet": "Harbour Gazette"}]}).encode())
    out["txtgz"] = ("01-harbour-gazette.txt.gz", gzip.compress(GOOD_ARTICLE.encode()))
    return out


# ---------------------------------------------------------------- mutators

ENTITY_BOMB = (b'<!DOCTYPE lolz [<!ENTITY lol "lollollollollollollollollollol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;'
               b'&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
               b'<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">'
               b'<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">'
               b'<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">'
               b'<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">'
               b'<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')
NESTS = [b"<div>", b"<p><b>", b"[", b"{", b"{\\rtf1 ", b"{\\*\\x ", b"> ", b"*", b"<![CDATA[", b"<!--", b"<entry>", b"<item>",
         b"<w:p><w:r>", b"<text:span>", b"<DOC>", b"<TEXT>", b"\\'", b"&#", b"&amp;", b"<table><tr><td>", b"(", b"<<", b"q ",
         b"BT ", b"--", b"=\r\n", b"|||||", b"\x1b[", b"```", b"- ", b"1. ", b"#", b"\\u-", b"\"", b"'", b"00:00:01,000 --> "]
JUNK = [b"\x00", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xc3", b"\xe2\x80", b"\x80",
        b"\r", b"\r\n", b"\n\r", b"\x0c", b"\x1a", b"\u2028".decode("unicode_escape").encode(), b"\xe2\x80\xa8",
        b"\xe2\x80\xae", b"\xf4\x90\x80\x80", b"\xc0\x80", b"%PDF-", b"PK\x03\x04", b"bplist00", b"WARC/1.0\r\n", b"\x1f\x8b",
        b"{\\rtf1", b"<?xml version=\"1.0\" encoding=\"utf-16\"?>", b"<meta charset=\"shift_jis\">", b"charset=utf-7",
        b"Content-Length: 99999999\r\n", b"Content-Length: -5\r\n", b"Content-Transfer-Encoding: base64\r\n",
        b"/Length 999999999", b"/Length -1", b"stream\r\n", b"endstream", b"xref\n0 99999999\n", b"trailer", b"\\bin999999999 ",
        b"\\u99999999", b"\\ansicpg99999", b"\\'zz", b"&#x110000;", b"&#99999999999;", b"&#0;", b"&#xD800;", b"\\uD800"]


def _pos(data: bytes, rnd: random.Random) -> int:
    return rnd.randint(0, len(data)) if data else 0


def m_truncate(d: bytes, r: random.Random) -> bytes:
    return d[:_pos(d, r)]


def m_flip(d: bytes, r: random.Random) -> bytes:
    if not d:
        return d
    b = bytearray(d)
    for _ in range(r.choice([1, 1, 2, 5, 20, 200])):
        i = r.randrange(len(b))
        b[i] ^= 1 << r.randrange(8)
    return bytes(b)


def m_random_bytes(d: bytes, r: random.Random) -> bytes:
    p = _pos(d, r)
    return d[:p] + bytes(r.randrange(256) for _ in range(r.choice([1, 4, 16, 256]))) + d[p:]


def m_delete(d: bytes, r: random.Random) -> bytes:
    a = _pos(d, r)
    return d[:a] + d[a + r.choice([1, 10, 100, 1000, 10000]):]


def m_duplicate(d: bytes, r: random.Random) -> bytes:
    a = _pos(d, r)
    b = min(len(d), a + r.choice([1, 20, 200, 2000]))
    return d[:a] + d[a:b] * r.choice([2, 10, 1000, 20000]) + d[b:]


def m_junk(d: bytes, r: random.Random) -> bytes:
    out = d
    for _ in range(r.choice([1, 1, 3, 50])):
        p = _pos(out, r)
        out = out[:p] + r.choice(JUNK) + out[p:]
    return out


def m_nuls(d: bytes, r: random.Random) -> bytes:
    if r.random() < 0.3:
        return d.replace(b"\n", b"\x00\n") if r.random() < 0.5 else d.replace(b" ", b"\x00")
    p = _pos(d, r)
    return d[:p] + b"\x00" * r.choice([1, 100, 100000]) + d[p:]


def m_line_endings(d: bytes, r: random.Random) -> bytes:
    parts = d.split(b"\n")
    return b"".join(p + r.choice([b"\n", b"\r\n", b"\r", b"\n\r", b"\r\r\n", b"\u2028".decode("unicode_escape").encode()])
                    for p in parts)[:len(d) + len(parts) * 3]


def m_huge(d: bytes, r: random.Random) -> bytes:
    p = _pos(d, r)
    n = r.choice([10_000, 10_000, 300_000, 300_000, 3_000_000])
    fill = r.choice([b"A", b"a ", b"x" * 7 + b" ", b"\"", b"=", b"9", b"word. ", b"\xc3\xa9", b"\xe4\xb8\xad", b"&amp;", b" ", b"\t"])
    return d[:p] + fill * (n // len(fill)) + d[p:]


def m_huge_attr(d: bytes, r: random.Random) -> bytes:
    # a long value where an attribute, a header or a field is: after the first '="', ': ' or '":"' at a random place
    hits = [m.end() for m in re.finditer(rb'="|: |":"|=\'|\\\w+ ', d)]
    if not hits:
        return m_huge(d, r)
    p = r.choice(hits)
    return d[:p] + (b"x" * r.choice([100_000, 2_000_000])) + d[p:]


def m_nest(d: bytes, r: random.Random) -> bytes:
    p = _pos(d, r)
    return d[:p] + r.choice(NESTS) * r.choice([100, 5000, 100_000]) + d[p:]


def m_entity_bomb(d: bytes, r: random.Random) -> bytes:
    m = re.search(rb"<\?xml[^>]*\?>", d)
    p = m.end() if m else 0
    use = b"&lol7;" if r.random() < 0.7 else b"&xxe;"
    q = d.find(b">", d.find(b"<", p + 1)) + 1 if r.random() < 0.5 else len(d) // 2
    body = d[:q] + use + d[q:]
    return body[:p] + ENTITY_BOMB + body[p:]


def m_encoding(d: bytes, r: random.Random) -> bytes:
    try:
        text = d.decode("utf-8")
    except UnicodeDecodeError:
        text = d.decode("latin-1")
    enc = r.choice(["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "cp1252", "latin-1", "shift_jis",
                    "utf-7", "cp037", "koi8-r", "gb18030"])
    out = text.encode(enc, errors="replace")
    if r.random() < 0.3:  # a lying declaration
        out = re.sub(rb"(charset=|encoding=\"|\\ansicpg)[\w-]+", lambda m: m.group(1) + r.choice(
            [b"utf-16", b"bogus", b"utf-8", b"x" * 300, b"1", b"iso-2022-jp", b"rot13", b"idna", b"base64"]), out)
    return out


def m_lying_numbers(d: bytes, r: random.Random) -> bytes:
    nums = list(re.finditer(rb"\d+", d))
    if not nums:
        return m_flip(d, r)
    out = d
    for m in r.sample(nums, min(len(nums), r.choice([1, 3, 20]))):
        new = str(r.choice([0, 1, -1, 2**31, 2**63, 10**30, int(m.group()) + 1, int(m.group()) * 1000])).encode()
        out = out[:m.start()] + new + out[m.end():] if len(out) == len(d) else out.replace(m.group(), new, 1)
    return out


def m_concat(d: bytes, r: random.Random) -> bytes:
    return d * r.choice([2, 3, 50]) if len(d) < 2_000_000 else d + d


def m_empty(d: bytes, r: random.Random) -> bytes:
    return r.choice([b"", b" ", b"\n", b"\x00", d[:1], d[:8], d[:16] + b"\x00" * 16, b"\xef\xbb\xbf", b"\xff\xfe", d[:64]])


def m_text_surrogates(d: bytes, r: random.Random) -> bytes:
    # JSON escapes and HTML references to lone surrogates and non-characters
    p = _pos(d, r)
    return d[:p] + r.choice([b"\\ud800", b"\\udfff\\ud800", b"&#xd800;", b"&#55296;", b"\\uFFFF", b"&#xFFFE;", b"\\u0000",
                             b"&#x0;", b"\xef\xbf\xbe"]) * r.choice([1, 100]) + d[p:]


BYTE_MUTATORS = [m_truncate, m_flip, m_random_bytes, m_delete, m_duplicate, m_junk, m_nuls, m_line_endings, m_huge,
                 m_huge_attr, m_nest, m_entity_bomb, m_encoding, m_lying_numbers, m_concat, m_empty, m_text_surrogates]
WEIGHTS = [8, 10, 6, 6, 5, 10, 4, 3, 3, 3, 4, 3, 4, 6, 1, 1, 3]


def mutate_bytes(d: bytes, r: random.Random) -> tuple[bytes, list[str]]:
    names = []
    for _ in range(r.choice([1, 1, 1, 2, 3])):
        fn = r.choices(BYTE_MUTATORS, WEIGHTS)[0]
        d = fn(d, r)
        names.append(fn.__name__[2:])
        if len(d) > 12_000_000:
            d = d[:12_000_000]
    return d, names


def mutate_zip(d: bytes, r: random.Random) -> tuple[bytes, list[str]]:
    try:
        z = zipfile.ZipFile(io.BytesIO(d))
        infos = [(i, z.read(i)) for i in z.infolist()]
    except Exception:  # noqa: BLE001
        return mutate_bytes(d, r)
    k = r.randrange(len(infos))
    what = r.choice(["member", "member", "member", "drop", "dup", "rename", "stored", "many"])
    names = [f"zip:{what}:{infos[k][0].filename}"]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as out:
        for j, (info, data) in enumerate(infos):
            if j == k:
                if what == "drop":
                    continue
                if what == "member":
                    if r.random() < 0.5 and info.filename.lower().endswith((".zip", ".docx", ".odt")):
                        data, sub = mutate_zip(data, r)
                    else:
                        data, sub = mutate_bytes(data, r)
                    names += sub
                if what == "rename":
                    info.filename = r.choice(["../../evil.txt", "a" * 300 + ".html", "x\x00y.txt", "con.txt",
                                              info.filename + ".pdf", "/abs.html", "dir/", "\u202etxt.exe", "."])
                if what == "dup":
                    out.writestr(info, data)
                if what == "stored":
                    info.compress_type = zipfile.ZIP_STORED
                if what == "many":
                    for n in range(r.choice([50, 1200])):
                        out.writestr(f"extra/{n}.txt", GOOD_ARTICLE if n % 2 else "")
            try:
                out.writestr(info, data)
            except (ValueError, OSError):
                pass
    return buf.getvalue(), names


def mutate_gz(d: bytes, r: random.Random) -> tuple[bytes, list[str]]:
    if r.random() < 0.35:
        return mutate_bytes(d, r)
    try:
        inner = gzip.decompress(d)
    except Exception:  # noqa: BLE001
        return mutate_bytes(d, r)
    if r.random() < 0.2:  # a WARC's records are gzip members each: damage one member, keep the rest
        inner2, names = mutate_bytes(inner, r)
        return gzip.compress(inner2[: len(inner2) // 2]) + d[len(d) // 2:], ["gz-members"] + names
    inner, names = mutate_bytes(inner, r)
    return gzip.compress(inner), ["gz"] + names


def mutate_webarchive(d: bytes, r: random.Random) -> tuple[bytes, list[str]]:
    if r.random() < 0.4:
        return mutate_bytes(d, r)
    root = plistlib.loads(d)
    main = root["WebMainResource"]
    what = r.choice(["data", "encoding", "url", "mime", "type", "xml"])
    if what == "data":
        main["WebResourceData"], names = mutate_bytes(main["WebResourceData"], r)
    elif what == "encoding":
        main["WebResourceTextEncodingName"] = r.choice(["utf-16", "bogus", "x" * 10000, "", "utf-7", "cp037", "rot13"])
        names = []
    elif what == "url":
        main["WebResourceURL"] = r.choice(["", "javascript:alert(1)", "http://" + "a" * 100000, "http://[::1", "\x00"])
        names = []
    elif what == "mime":
        main["WebResourceMIMEType"] = r.choice(["application/pdf", "text/plain", "image/png", "", "text/html; x" * 1000])
        names = []
    elif what == "type":
        main[r.choice(["WebResourceData", "WebResourceURL", "WebResourceTextEncodingName"])] = r.choice([1, [], {}, None, 1.5, True])
        if main.get("WebResourceData") is None:
            main.pop("WebResourceData")
        names = []
    else:
        return plistlib.dumps(root, fmt=plistlib.FMT_XML), ["webarchive:xml"]
    try:
        return plistlib.dumps(root, fmt=plistlib.FMT_BINARY), [f"webarchive:{what}"] + names
    except (TypeError, OverflowError):
        return mutate_bytes(d, r)


def mutate(fmt: str, d: bytes, r: random.Random) -> tuple[bytes, list[str]]:
    if fmt in ("docx", "odt", "zip") and r.random() < 0.6:
        return mutate_zip(d, r)
    if fmt in ("warcgz", "txtgz"):
        return mutate_gz(d, r)
    if fmt == "webarchive":
        return mutate_webarchive(d, r)
    return mutate_bytes(d, r)


# ---------------------------------------------------------------- worker

def _one_line_ok(msg: str) -> bool:
    return bool(msg.strip()) and "\n" not in msg.strip() and "Traceback" not in msg and len(msg) < 600


def run_case(path: Path, modes: list[str]) -> list[dict[str, object]]:
    """Read ``path`` in each mode; each result a dict (mode, kind: ok/error/defect, message)."""
    from newsfuse.cli import main as cli_main
    from newsfuse.errors import NewsfuseError
    from newsfuse.load import load_files
    from newsfuse.pipeline import summarize

    data = path.read_bytes()
    results: list[dict[str, object]] = []
    for mode in modes:
        t0 = time.perf_counter()
        res: dict[str, object] = {"mode": mode}
        try:
            if mode == "cli":
                err, out = io.StringIO(), io.StringIO()
                code: object = 0
                with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
                    try:
                        cli_main(["summarize", str(path)])
                    except SystemExit as e:
                        code = e.code
                lines = [x for x in err.getvalue().splitlines() if not x.startswith("newsfuse: warning:")]
                res["code"] = code
                if "internal error" in err.getvalue() or "Traceback" in err.getvalue():
                    res.update(kind="defect", message=err.getvalue().strip()[-800:])
                elif code == 0:
                    res.update(kind="ok" if out.getvalue().strip() else "defect", message="" if out.getvalue().strip()
                               else "exit 0 with no brief")
                elif len(lines) != 1 or not _one_line_ok(lines[0]):
                    res.update(kind="defect", message=f"exit {code}, stderr not one error line: {err.getvalue()[:800]!r}")
                else:
                    res.update(kind="error", message=lines[0])
                for w in err.getvalue().splitlines():
                    if w.startswith("newsfuse: warning:") and len(w) > 1000:
                        res.update(kind="defect", message=f"a warning of {len(w)} characters: {w[:300]!r}")
            else:
                notes: list[str] = []
                files = [(path.name, data)]
                if mode == "api+good":
                    files.append(("02-harbour-gazette.txt", GOOD_ARTICLE.encode()))
                docs = load_files(files, (), notes.append)
                if mode == "api+good" and not any("Port Alder" in d.text for d in docs):
                    raise AssertionError("the good article was not read beside a damaged file")
                brief = summarize(docs)
                brief.render("json")
                brief.render("markdown")
                res.update(kind="ok", message="")
                bad = [n for n in notes if not _one_line_ok(n)]
                if bad:
                    res.update(kind="defect", message=f"a note not one line: {bad[0][:300]!r}")
        except NewsfuseError as e:
            msg = str(e)
            res.update(kind="error" if _one_line_ok(msg) else "defect", message=msg[:800])
            if mode == "api+good" and not re.search(r"clusters in .*: send one cluster", msg):
                res.update(kind="defect", message=f"an error beside a good article: {msg[:500]}")
        except MemoryError:
            res.update(kind="defect", message="MemoryError")
        except Exception as e:  # noqa: BLE001
            res.update(kind="defect", message=f"{type(e).__name__}: {e}"[:300],
                       traceback="".join(traceback.format_exception(e))[-3000:])
        res["seconds"] = round(time.perf_counter() - t0, 3)
        results.append(res)
    return results


def worker() -> None:
    import logging

    logging.getLogger("newsfuse").setLevel(logging.ERROR)
    for line in sys.stdin:
        job = json.loads(line)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        results = run_case(Path(job["path"]), job["modes"])
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps({"results": results, "maxrss_mb": after // 1024, "grew_mb": (after - before) // 1024}), flush=True)


class Worker:
    def __init__(self, max_mb: int) -> None:
        self.max_mb = max_mb
        self.proc: subprocess.Popen[str] | None = None

    def start(self) -> None:
        env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
        self.proc = subprocess.Popen([sys.executable, __file__, "--worker"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     text=True, env=env, bufsize=1)

    def run(self, path: Path, modes: list[str], timeout: float) -> dict[str, object] | None:
        """The worker's answer, or None when it took longer than ``timeout`` (it is killed) or died."""
        import select

        if self.proc is None or self.proc.poll() is not None:
            self.start()
        assert self.proc is not None and self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps({"path": str(path), "modes": modes}) + "\n")
        self.proc.stdin.flush()
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        line = self.proc.stdout.readline() if ready else ""
        if not line:
            self.stop()
            return None
        answer: dict[str, object] = json.loads(line)
        if int(answer["maxrss_mb"]) > self.max_mb:  # type: ignore[call-overload]
            self.stop()  # (a fresh worker, so the next case's growth is its own)
        return answer

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None


def report(out: Path, counts: Counter[str], kinds: Counter[tuple[str, str]], messages: Counter[tuple[str, str]],
           n_defects: int) -> dict[str, object]:
    with (out / "messages.tsv").open("w", encoding="utf-8") as fh:
        for (fmt, msg), n in sorted(messages.items()):
            fh.write(f"{fmt}\t{n}\t{msg}\n")
    summary = {"cases": dict(counts), "total": sum(counts.values()), "defect_cases": n_defects,
               "kinds": {f"{f}:{k}": n for (f, k), n in sorted(kinds.items())}}
    (out / "summary.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    return summary


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default="/tmp/fuzz")
    ap.add_argument("--formats", default="", help="comma-separated (default: all): " + ",".join(sorted(seeds())))
    ap.add_argument("--cases", type=int, default=0, help="cases per format (default: until --minutes)")
    ap.add_argument("--minutes", type=float, default=10)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=30)
    ap.add_argument("--slow", type=float, default=10)
    ap.add_argument("--max-mb", type=int, default=500)
    ap.add_argument("--modes", default="api,cli,api+good")
    ap.add_argument("--rotate", action="store_true", help="each case in the first mode and one other, in turn")
    ap.add_argument("--replay", help="read one saved case in this process and print what happened")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker()
        return
    if args.replay:
        for res in run_case(Path(args.replay), args.modes.split(",")):
            print(json.dumps(res, indent=1))
        return
    out = Path(args.out)
    (out / "cases").mkdir(parents=True, exist_ok=True)
    (out / "tmp").mkdir(exist_ok=True)
    all_seeds = seeds()
    formats = [f for f in (args.formats.split(",") if args.formats else sorted(all_seeds))]
    rnd = random.Random(args.seed)
    w = Worker(args.max_mb)
    counts: Counter[str] = Counter()
    kinds: Counter[tuple[str, str]] = Counter()
    messages: Counter[tuple[str, str]] = Counter()
    defects = (out / "defects.jsonl").open("a", encoding="utf-8")
    deadline = time.monotonic() + args.minutes * 60
    n_defects = 0
    i = 0
    while time.monotonic() < deadline:
        fmt = formats[i % len(formats)]
        i += 1
        if args.cases and counts[fmt] >= args.cases:
            if all(counts[f] >= args.cases for f in formats):
                break
            continue
        name, data = all_seeds[fmt]
        case_seed = rnd.randrange(2**32)
        case, how = mutate(fmt, data, random.Random(case_seed))
        path = out / "tmp" / name
        path.write_bytes(case)
        counts[fmt] += 1
        t0 = time.perf_counter()
        modes = args.modes.split(",")
        if args.rotate and len(modes) > 1:  # the first mode always, the others in turn (one core's time)
            modes = [modes[0], modes[1 + (counts[fmt] % (len(modes) - 1))]]
        answer = w.run(path, modes, args.timeout)
        took = time.perf_counter() - t0
        problems: list[dict[str, object]] = []
        if answer is None:
            problems.append({"mode": "all", "kind": "defect", "message": f"no answer in {args.timeout:.0f} s (a hang or a crash)"})
        else:
            for res in answer["results"]:  # type: ignore[attr-defined]
                kinds[(fmt, str(res["kind"]))] += 1
                if res["kind"] == "error":
                    messages[(fmt, re.sub(r"\d+", "N", str(res["message"]))[:200])] += 1
                if res["kind"] == "defect" or float(res["seconds"]) > args.slow:
                    problems.append(res)
            if int(answer["grew_mb"]) > 0 and int(answer["maxrss_mb"]) > args.max_mb:  # type: ignore[call-overload]
                problems.append({"mode": "all", "kind": "defect", "message": f"worker grew to {answer['maxrss_mb']} MB"})
        if problems:
            n_defects += 1
            keep = out / "cases" / f"{n_defects:04d}-{fmt}-{name}"
            keep.write_bytes(case)
            defects.write(json.dumps({"format": fmt, "file": str(keep), "seed": case_seed, "mutations": how,
                                      "size": len(case), "seconds": round(took, 2), "problems": problems}) + "\n")
            defects.flush()
            print(f"[{fmt}] {keep.name}: {how} -> {[p['message'][:150] for p in problems]}", flush=True)  # type: ignore[index]
        if i % 200 == 0:
            report(out, counts, kinds, messages, n_defects)
    w.stop()
    defects.close()
    print(json.dumps(report(out, counts, kinds, messages, n_defects)))
    sys.exit(1 if n_defects else 0)


if __name__ == "__main__":
    main()
