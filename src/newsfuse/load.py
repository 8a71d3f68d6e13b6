"""Stage 1, load: turn paths, URLs, JSON(L) clusters and stdin into Documents.

A path may be a text file, an HTML page, a directory of them, a JSON / JSONL(.gz) file of
clusters, a Multi-News style file (articles separated by ``|||||``), a saved web page (MHTML:
``mhtml.py``; a Safari web archive: ``webarchive.py``; a WARC file: ``warc.py``; their addresses and a
capture's toolbar: ``archived.py``), a subtitle file (SRT, WebVTT: ``subtitles.py``), a news API's JSON answer
(``news_api.py``), a CSV/TSV export of articles (``table.py``) or ``-`` for stdin.
Unreadable files (binary, undecodable, empty) are skipped with a warning on the
``newsfuse`` logger as long as something readable remains; otherwise the loader raises
:class:`InputError` with one line saying why.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import logging
import os
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, TextIO, TypeGuard, cast
from urllib.parse import urlsplit

from newsfuse.archive import ZIP_SUFFIX, is_office, members, open_zip
from newsfuse.archived import name_in_title, original_url, page_url, without_tracking
from newsfuse.clutter import html_meta, looks_like_html, sniff_charset, without_site_name
from newsfuse.errors import InputError
from newsfuse.feed import looks_like_feed, on_topic, outlet_of, parse_feed, strip_markup, words_of
from newsfuse.mhtml import MhtmlError, looks_like_mhtml, parse_mhtml
from newsfuse.model import Cluster, Document, ExportArticle
from newsfuse.news_api import api_articles, looks_like_news_api, read_articles
from newsfuse.newswire import looks_like_newswire, parse_newswire
from newsfuse.office_text import looks_like_zip, read_office
from newsfuse.pdf_text import looks_like_pdf, read_pdf
from newsfuse.rtf_text import RTF_SUFFIX, looks_like_rtf, read_rtf
from newsfuse.subtitles import looks_like_subtitles, punctuated, subtitles_to_text
from newsfuse.table import MAX_ROWS, read_table
from newsfuse.warc import WarcError, looks_like_warc, read_warc
from newsfuse.webarchive import MAX_WEBARCHIVE_BYTES, WebarchiveError, looks_like_webarchive, parse_webarchive

log = logging.getLogger("newsfuse")

# Per-file cap: a long feature is ~50 kB and a 5 MB page must work; 20 MB of text is far past any article,
# so anything larger is truncated (with a warning) rather than read whole into memory.
MAX_FILE_BYTES = 20_000_000
# A JSON (not JSONL) file must be parsed whole, so it gets the same cap but is refused, not truncated.
MAX_JSON_BYTES = MAX_FILE_BYTES
# Binary sniffing: share of control characters (other than tab/newline/CR/FF) in the first 64 kB above
# which a file is not text. Text copied from the web has none; 1 % tolerates a few stray bytes.
MAX_CONTROL_RATIO = 0.01
MULTINEWS_SEP = "|||||"
HIDDEN_OR_META = re.compile(r"^(?:\.|_|~)|^(?:readme|license|licence|copying|changelog)(?:\.\w+)?$", re.IGNORECASE)
CLUSTER_SUFFIXES = (".json", ".jsonl", ".jsonl.gz", ".json.gz", ".ndjson")
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
TABLE_SUFFIXES = (".csv", ".tsv")
PDF_SUFFIX = ".pdf"
OFFICE_SUFFIXES = (".docx", ".odt")
# saved pages' files, by suffix (their content is sniffed too: see _saved_kind)
SAVED_SUFFIXES = ((".mhtml", "mhtml"), (".mht", "mhtml"), (".webarchive", "webarchive"), (".warc", "warc"),
                  (".warc.gz", "warc"))
# a file's suffixes that are not part of its name (in this order: "x.warc.gz" -> "x.warc" -> "x")
STRIPPED_SUFFIXES = (".gz", *HTML_SUFFIXES, ".json", ".txt", ".text", ".md", ".src", ".xml", ".rss", ".atom", PDF_SUFFIX,
                     *OFFICE_SUFFIXES, ".mhtml", ".mht", ".webarchive", ".warc", ".srt", ".vtt", *TABLE_SUFFIXES,
                     ZIP_SUFFIX, RTF_SUFFIX)
SNIFF_BYTES = 65_536

Warn = Callable[[str], None]


def loads(text: str | bytes) -> Any:
    """``json.loads`` that fails only with ``json.JSONDecodeError``: input nested too deeply for the parser
    (``[[[[...``) or holding an integer too long to convert (Python's 4,300-digit limit) is malformed JSON
    too, not a crash."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise
    except RecursionError:
        raise json.JSONDecodeError("nested too deeply", "", 0) from None
    except ValueError as e:
        if isinstance(e, UnicodeDecodeError):
            raise
        raise json.JSONDecodeError(f"a number has more than {sys.get_int_max_str_digits()} digits", "", 0) from None


def json_problem(e: json.JSONDecodeError) -> str:
    """The parser's message without the "starting at" some end with ("Unterminated string starting at"):
    callers say where ("... at line 1 column 14") or not at all, and "at at line" is what the two made."""
    return re.sub(r"(?: starting)? at$", "", e.msg)


# A lone surrogate code point ("\ud800", which JSON may hold as an escape) cannot be written as UTF-8: a
# brief, report or batch line holding one could not be printed, saved or sent. Each becomes U+FFFD, one
# character for one, so offsets into the text hold.
_SURROGATE = re.compile("[\ud800-\udfff]")


def encodable(text: str) -> str:
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def to_document(item: Any, index: int) -> Document:
    """A cluster entry (a string or a ``{"text", "title", "url", "source", "date"}`` dict) as a Document,
    every lone surrogate in its strings replaced (see ``encodable``)."""
    doc = _to_document(item, index)
    bad = {k: encodable(v) for k, v in doc.__dict__.items() if isinstance(v, str) and _SURROGATE.search(v)}
    return Document(**{**doc.__dict__, **bad}) if bad else doc


def _to_document(item: Any, index: int) -> Document:
    if isinstance(item, Document):
        doc = _checked(item, index)
        return doc if doc.id else Document(**{**doc.__dict__, "id": f"d{index + 1}"})
    if isinstance(item, str):
        return Document(text=item, id=f"d{index + 1}")
    if _is_text_list(item):
        return Document(text=_join_pieces(item), id=f"d{index + 1}")
    if isinstance(item, dict):
        text = item.get("text")
        if _is_text_list(text):
            text = _join_pieces(text)
        if text is None:
            raise InputError(f"document {index + 1} has no \"text\" string")
        if not isinstance(text, str):
            raise InputError(f"document {index + 1}: \"text\" must be a string or a list of strings, got {_kind(text)}")
        return Document(
            text=text,
            id=_meta(item.get("id"), "id", index) or f"d{index + 1}",
            title=_meta(item.get("title"), "title", index),
            url=_meta(item.get("url"), "url", index),
            source=_meta(item.get("source"), "source", index),
            date=_meta(item.get("date"), "date", index),
            is_html=_flag(item.get("html"), index),
        )
    raise InputError(f"document {index + 1} is neither a string nor an object with \"text\"")


META_FIELDS = ("id", "title", "url", "source", "date")


def _checked(doc: Document, index: int) -> Document:
    """A Document built by a library caller, its fields checked as a dict's are: a dataclass does not check
    types, and text that is not a string failed deep in the pipeline with a TypeError."""
    if not isinstance(doc.text, str):
        raise InputError(f"document {index + 1}: its text must be a string, got {_kind(doc.text)}")
    meta = {k: _meta(getattr(doc, k), k, index) for k in META_FIELDS}
    changed = {k: v for k, v in meta.items() if v != getattr(doc, k)}
    return Document(**{**doc.__dict__, **changed}) if changed else doc


def _meta(value: Any, key: str, index: int) -> str | None:
    """A title, url, source, date or id: a string, or a number written as one (JSON holds numeric ids and
    years); a list, an object or true is refused, as the HTTP API refuses it, not shown as a Python repr."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise InputError(f"document {index + 1}: \"{key}\" must be a string, got {_kind(value)}")


def _kind(value: Any) -> str:
    """What a value is, for an error message: "a list holding an int", "bytes (decode them to str first)"."""
    if value is None:
        return "None"
    if isinstance(value, (bytes, bytearray)):
        return "bytes (decode them to str first)"
    if isinstance(value, list):
        odd = [x for x in value if not isinstance(x, str)]
        return f"a list holding {_kind(odd[0])}" if odd else "a list" if value else "an empty list"
    name = type(value).__name__
    return f"{'an' if name[:1] in 'aeiou' else 'a'} {name}"


def _flag(value: Any, index: int) -> bool:
    """A document's "html": true or false (1, 0 or absent too); the string "no" is not a yes."""
    if value is None or isinstance(value, bool) or (isinstance(value, int) and value in (0, 1)):
        return bool(value)
    raise InputError(f"document {index + 1}: \"html\" must be true or false, got {json.dumps(value)[:40]}")


# A list whose items average fewer words than this is a list of sentences, else of paragraphs.
SENTENCE_LIST_WORDS = 40


def _is_text_list(x: Any) -> TypeGuard[list[str]]:
    """A non-empty list of strings."""
    return isinstance(x, list) and bool(x) and all(isinstance(p, str) for p in x)


def _join_pieces(pieces: list[str]) -> str:
    """A document given as a list of sentences (joined into one paragraph) or of paragraphs (kept apart):
    sentence-split corpora store articles as lists of sentences."""
    pieces = [p.strip() for p in pieces if p.strip()]
    mean_words = sum(len(p.split()) for p in pieces) / max(len(pieces), 1)
    return (" " if mean_words < SENTENCE_LIST_WORDS else "\n\n").join(pieces)


def _reference_text(ref: Any) -> str:
    """A reference summary given as a string, a list of its sentences, or a {"text": ...} object; anything else
    (a number, null, a nested list) is an error, not a reference to score against."""
    if isinstance(ref, dict):
        ref = ref.get("text", "")
    if isinstance(ref, list) and all(isinstance(x, str) for x in ref):
        return "\n".join(x.strip() for x in ref if x.strip())
    if not isinstance(ref, str):
        raise InputError(f"a reference summary must be text or a list of its sentences, got {_shown(ref)}")
    return ref


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:37] + "..."


def cluster_from_json(obj: Any, line: int = 0) -> Cluster:
    where = f" (line {line})" if line else ""
    if not isinstance(obj, dict) or not isinstance(obj.get("documents"), list):
        raise InputError(f"a cluster must be an object with a \"documents\" list{where}")
    cid = str(obj.get("id", line))
    try:
        docs = tuple(to_document(d, i) for i, d in enumerate(obj["documents"]))
    except InputError as e:
        raise InputError(f"cluster {cid}{where}: {e}") from None
    summaries = obj.get("summaries") or obj.get("summary") or obj.get("references") or ()
    if isinstance(summaries, (str, dict)) or (_is_text_list(summaries) and "summaries" not in obj):
        summaries = (summaries,)  # one reference: a string, an object, or one list of sentences
    if not isinstance(summaries, (list, tuple)):
        raise InputError(f"\"summaries\" must be a list of reference summaries{where}")
    try:
        refs = tuple(encodable(t) for t in (_reference_text(r) for r in summaries) if t.strip())
    except InputError as e:
        raise InputError(f"cluster {cid}{where}: {e}") from None
    return Cluster(id=cid, documents=docs, summaries=refs)


def open_text(path: Path, errors: str = "strict") -> IO[str]:
    """A UTF-8 text file, or a gzipped one (``.gz``), for reading; a byte-order mark is skipped. With
    ``errors="surrogateescape"`` a byte that is not UTF-8 does not stop the reading: ``json_lines`` reports
    its line alone."""
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8-sig", errors=errors)
    return open(path, encoding="utf-8-sig", errors=errors)


def count_lines(path: Path) -> int:
    """Non-blank lines of a JSONL(.gz) file (for the progress bar's total and ETA); a file that cannot be
    read to its end (a truncated or corrupt gzip) counts the lines before the damage: batch's ``iter_items``
    reports the damage once the clusters before it are done."""
    n = 0
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as fh:
            for raw in fh:
                if raw.strip():
                    n += 1
    except (OSError, EOFError, zlib.error):
        pass
    return n


# What errors="surrogateescape" makes of a byte that is not UTF-8; strict UTF-8 decoding never gives one.
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


def json_lines(lines: Iterable[str]) -> Iterator[tuple[int, Any]]:
    """(line number, parsed value) per non-blank line of a JSONL stream; for a line that is not JSON,
    the value is its ``json.JSONDecodeError``, and for one that is not UTF-8 (read with
    ``errors="surrogateescape"``) a ``UnicodeDecodeError`` whose offsets count the line's bytes: the caller
    decides whether that ends the stream."""
    for n, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        bad = _ESCAPED_BYTE.search(raw)
        if bad:
            yield n, _undecodable(raw, bad.start())
            continue
        try:
            obj = loads(raw)
        except json.JSONDecodeError as e:
            obj = e
        yield n, obj


def _undecodable(line: str, index: int) -> UnicodeDecodeError:
    """The error a strict decoding of ``line`` (read with surrogateescape) would give at character ``index``."""
    data = line.encode("utf-8", "surrogateescape")
    start = len(line[:index].encode("utf-8", "surrogateescape"))
    return UnicodeDecodeError("utf-8", data, start, start + 1, "not UTF-8")


def path_kind(path: str | Path) -> str | None:
    """"dir", "file" (anything else that exists) or None (missing); InputError when the system cannot look
    (a name longer than the file system allows, a folder that may not be entered)."""
    p = Path(path)
    try:
        if not p.exists():
            return None
        return "dir" if p.is_dir() else "file"
    except OSError as e:
        raise InputError(f"cannot read {path}: {e.strerror or e}") from None
    except ValueError as e:  # a NUL byte in the name (only the library can pass one)
        raise InputError(f"cannot read {path!r}: {e}") from None


def read_clusters(path: str | Path) -> Iterator[Cluster]:
    """Stream clusters from a JSONL or JSONL.gz file (one ``{"id", "documents", ...}`` per line)."""
    p = Path(path)
    if path_kind(p) is None:
        raise InputError(f"no such file: {p}")
    try:
        with open_text(p) as fh:
            for n, obj in json_lines(fh):
                if isinstance(obj, json.JSONDecodeError):
                    raise InputError(f"{p}: line {n} is not valid JSON ({json_problem(obj)})")
                yield _in_file(p, cluster_from_json, obj, n)
    except (OSError, UnicodeDecodeError, EOFError, zlib.error) as e:
        raise InputError(f"{p}: cannot read clusters ({describe_read_error(e)})") from None


def _in_file(name: str | Path, fn: Callable[..., Cluster], *args: Any) -> Cluster:
    """``fn(*args)``, its InputError prefixed with the file it came from."""
    try:
        return fn(*args)
    except InputError as e:
        raise InputError(f"{name}: {e}") from None


def describe_read_error(e: BaseException) -> str:
    """Why a file could not be read, in words (not the codec's internals)."""
    if isinstance(e, UnicodeDecodeError):
        return f"not UTF-8 text: byte 0x{e.object[e.start]:02x} at offset {e.start} of the text"
    if isinstance(e, EOFError):
        return f"the file is truncated: {e}" if str(e) else "the file is truncated"
    return getattr(e, "strerror", None) or str(e)


# --- decoding --------------------------------------------------------------------------------------------


def decode_bytes(data: bytes) -> str | None:
    """Bytes as text; None for binary data.

    A BOM's encoding, else UTF-8 (a few stray bytes in it, a Latin-1 name pasted into UTF-8 text, decoded as
    Windows-1252), else legacy text: Windows-1252 when it reads as a Latin-script language (the web's usual
    legacy encoding; WHATWG reads latin-1 as it) unless charset-normalizer clearly prefers another Latin code
    page, otherwise charset-normalizer's guess (Cyrillic, Greek, Shift-JIS ...).
    """
    if not data:
        return ""
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                     (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            try:
                return _check_text(data[len(bom):].decode(enc))
            except UnicodeDecodeError:
                return None
    if b"\x00" in data[:65536]:
        return None
    try:
        return _check_text(data.decode("utf-8"))
    except UnicodeDecodeError as e:
        if e.start >= len(data) - 3 and e.reason == "unexpected end of data":  # cut mid-character by the size cap
            return _check_text(data[: e.start].decode("utf-8"))
    if _mostly_utf8(data):
        return _check_text(data.decode("utf-8", errors=_STRAY_BYTES))
    text = _legacy(data)
    return None if text is None else _check_text(text)


# Bytes Windows-1252 leaves undefined: text holding them is not Windows-1252 (nor Latin-1, whose C1 controls
# no text uses), but most often Shift-JIS, whose punctuation starts with 0x81.
_CP1252_UNDEFINED = re.compile(b"[\x81\x8d\x8f\x90\x9d]")
# Above this share of letters outside ASCII, text read as Windows-1252 is not a Latin-script language but
# another script's code page read wrongly (Cyrillic in cp1251 is all "àáâ" as cp1252; Czech has ~11 %).
MAX_LATIN_NON_ASCII = 0.25
# The code pages of other Latin-script languages that may beat Windows-1252, and only clearly: on Western text
# the detector's language score often prefers a DOS (cp850, cp775), Mac, HP or Vietnamese (cp1258, combining
# accents) code page by chance, and cp1250 ties with cp1252 ("très" as "trčs").
LATIN_CODE_PAGES = ("cp1250", "cp1254", "cp1257", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_9", "iso8859_10",
                    "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16")
CLEARLY_LESS_CHAOS = 0.01
CLEARLY_MORE_COHERENT = 0.03
_ASCII_BYTES = bytes(range(128))
_STRAY_BYTES = "newsfuse-stray-bytes"


def _stray_bytes_as_cp1252(e: UnicodeError) -> tuple[str, int]:
    """A UTF-8 decoding error handler: the bytes that are not UTF-8 read as Windows-1252 (undefined ones as
    U+FFFD)."""
    assert isinstance(e, UnicodeDecodeError)
    return e.object[e.start:e.end].decode("cp1252", errors="replace"), e.end


codecs.register_error(_STRAY_BYTES, _stray_bytes_as_cp1252)


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few stray bytes: at least twice as many valid multi-byte characters as broken sequences.
    Legacy text forms valid UTF-8 sequences only by chance (cp1252 almost never, GBK or Shift-JIS about one for
    every two or three broken ones), so a file that holds many is UTF-8 with something pasted into it."""
    probe = data.decode("utf-8", errors="replace")
    broken = probe.count("\ufffd") - data.count("\ufffd".encode())
    non_ascii_bytes = len(data.translate(None, _ASCII_BYTES))
    valid = len(probe) - (len(data) - non_ascii_bytes) - broken  # non-ASCII characters that decoded
    return valid >= 2 * broken


def _latin_script(text: str) -> bool:
    letters = non_ascii = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            non_ascii += ord(ch) > 127
    return non_ascii <= MAX_LATIN_NON_ASCII * letters


def _legacy(data: bytes) -> str | None:
    """Text in a legacy (single-byte or East Asian) encoding."""
    from charset_normalizer import from_bytes

    sample = data[:1_000_000]
    if not _CP1252_UNDEFINED.search(data):
        western = data.decode("cp1252")
        if _latin_script(western[:65536]):
            other = _clearly_better_latin(sample)
            return data.decode(other, errors="replace") if other else western
    matches = from_bytes(sample)
    best = matches.best()
    if best is None or best.encoding is None:
        return None
    # On short text several code pages tie: prefer Windows-1252 on a tie.
    for m in matches:
        if m.encoding == "cp1252" and m.chaos <= best.chaos and m.coherence >= best.coherence:
            best = m
            break
    try:
        return data.decode(best.encoding, errors="replace")
    except LookupError:
        return None


def _clearly_better_latin(sample: bytes) -> str | None:
    """Another Latin-script code page that charset-normalizer finds clearly better than Windows-1252 for
    ``sample`` (less chaos, or as little and a clearly more coherent language: Polish, Czech in cp1250)."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(sample))
    base = next((m for m in matches if m.encoding == "cp1252"), None) or from_bytes(sample, cp_isolation=["cp1252"]).best()
    if base is None:  # the detector rejects Windows-1252 outright (Polish in cp1250): its best Latin code page
        return next((str(m.encoding) for m in matches if m.encoding in LATIN_CODE_PAGES), None)
    for m in matches:
        if m.encoding in LATIN_CODE_PAGES and (
            m.chaos < base.chaos - CLEARLY_LESS_CHAOS
            or (m.chaos <= base.chaos and m.coherence >= base.coherence + CLEARLY_MORE_COHERENT)
        ):
            return str(m.encoding)
    return None


# Labels WHATWG decodes as Windows-1252: pages labelled latin-1 hold its curly quotes and dashes (0x93, 0x97),
# which Latin-1 would turn into invisible control characters.
WINDOWS_1252_LABELS = ("iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "windows-1252")


def decode_declared(data: bytes, charset: str | None) -> str | None:
    """A page's bytes as text: in the charset its header declares, else the one its markup's <meta> declares, else
    as :func:`decode_bytes` guesses; None for binary data."""
    for enc in (charset, sniff_charset(data)):
        if enc and enc.strip().lower() in WINDOWS_1252_LABELS:
            enc = "cp1252"
        if enc:
            try:
                return data.decode(enc)
            except (LookupError, UnicodeDecodeError):
                continue
    return decode_bytes(data)


def _check_text(text: str) -> str | None:
    sample = text[:65536]
    if not sample:
        return text
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v") + sample.count("\ufffd")
    return None if control / len(sample) > MAX_CONTROL_RATIO else text


def _read_capped(fh: IO[bytes] | gzip.GzipFile, name: str, warn: Warn) -> bytes:
    data = fh.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        warn(f"{name} is larger than {MAX_FILE_BYTES // 1_000_000} MB: reading only the first {MAX_FILE_BYTES // 1_000_000} MB")
        data = data[:MAX_FILE_BYTES]
        cut = data.rfind(b"\n", max(0, len(data) - 65536))
        if cut > 0:
            data = data[:cut]
    return data


# --- PDF and Word files -------------------------------------------------------------------------------------


def binary_document(data: bytes, filename: str, name: str, stem: str, warn: Warn) -> Document | None:
    """A PDF, Word (.docx) or OpenDocument text (.odt) file as a Document, known by its content (``%PDF-``, a ZIP
    archive) or its name's suffix; None for anything else. InputError says in one line why such a file cannot be
    read (encrypted, corrupt, no text layer, a ZIP bomb ...)."""
    lower = filename.lower()
    head = data[:1024]
    if head.lstrip().startswith(b"%PDF-") or (lower.endswith(PDF_SUFFIX) and looks_like_pdf(data)):
        pdf = read_pdf(data, name, warn)
        return Document(text=pdf.text, id=stem, source=outlet_from_stem(stem), title=pdf.title, date=pdf.date)
    if lower.endswith(PDF_SUFFIX):
        raise InputError(f"{name} is not a PDF (it does not start with %PDF-)")
    if looks_like_zip(data):
        office = read_office(data, name)
        return Document(text=office.text, id=stem, source=outlet_from_stem(stem), title=office.title, date=office.date)
    if lower.endswith(OFFICE_SUFFIXES):
        raise InputError(f"{name} is not a Word or OpenDocument file (not a ZIP archive)")
    if looks_like_rtf(data):
        rtf = read_rtf(data, name)
        return Document(text=rtf.text, id=stem, source=outlet_from_stem(stem), title=rtf.title, date=rtf.date)
    return None


def strip_suffix(filename: str) -> str:
    stem = filename
    for suffix in STRIPPED_SUFFIXES:
        if stem.lower().endswith(suffix) and len(stem) > len(suffix):
            stem = stem[: -len(suffix)]
    return stem


# --- names -----------------------------------------------------------------------------------------------


def domain_of(url: str) -> str:
    """The host of ``url`` without ``www.``; "" when it has none or cannot be parsed (``http://[::1``)."""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""
    return host[4:] if host.startswith("www.") else host


def outlet_from_stem(stem: str) -> str:
    """A readable outlet name from a file name: "03-channel-7-lakeport" -> "Channel 7 Lakeport",
    "04-department-of-public-health" -> "Department of Public Health".

    Names that are not words (hashes, "000_de07a70556f734c4") are kept as they are.
    """
    words = re.sub(r"^\d+(?=[-_ .])", "", stem).replace("_", " ").replace("-", " ").split()
    if not words or not all(w.isalpha() or (w.isdigit() and len(w) <= 3) for w in words):
        return stem
    if not any(w.isalpha() and len(w) > 2 for w in words):
        return stem
    return " ".join(w if w.isupper() else w.upper() if _ACRONYM_RE.match(w) else w if k and w in _MINOR_WORDS
                    else w.capitalize() for k, w in enumerate(words))


# a word of a file name without a vowel is letters said one by one: a station's call sign or an outlet's initials
# ("kcdw-11-news" -> "KCDW 11 News", "npr", "wsj")
# (not the abbreviations a name spells in lower case: "acme-ltd" -> "Acme Ltd")
_ACRONYM_RE = re.compile(r"^(?!(?:ltd|mrs|bldg|mfg)$)[b-df-hj-np-tv-xz]{3,5}$", re.IGNORECASE)


# words a name's title case leaves in lower case after its first word ("Department of Public Health", "The Times of
# India"); a file name in lower case says nothing about them
_MINOR_WORDS = frozenset("a an and at by for in of on or the to".split())


def _unique_ids(docs: list[Document]) -> list[Document]:
    seen: dict[str, int] = {}
    out = []
    for d in docs:
        base = d.id or "doc"
        n = seen.get(base, 0)
        seen[base] = n + 1
        if n:
            new = f"{base}-{n + 1}"
            while new in seen:
                n += 1
                new = f"{base}-{n + 1}"
            seen[new] = 1
            d = Document(**{**d.__dict__, "id": new})
        elif d.id != base:
            d = Document(**{**d.__dict__, "id": base})
        out.append(d)
    return out


# --- one input -------------------------------------------------------------------------------------------


class ClusterChoice(InputError):
    """A file of several clusters, or without the one ``--cluster`` names: the user must choose, so the run stops
    (a damaged file's InputError only skips that file when other files are read)."""


class _Loader:
    def __init__(self, cluster: str | None, pick: str = "pick one with --cluster ID") -> None:
        self.cluster = cluster
        self.pick = pick  # how the user names one cluster of a file of several (the CLI's option)
        self.cluster_used = False  # --cluster met a cluster file
        # said once the inputs are loaded, and only if they are: a file cut to its first 20 MB that then turns
        # out to be binary gets the one-line error alone
        self.notes: list[str] = []
        self.warn: Warn = self.notes.append
        self.docs: list[Document] = []
        self.skipped: list[str] = []
        # each feed's or export's name, its items' documents (kept only if about the other inputs' story: see
        # load_inputs) and what it and its items are called (("feed", "items"), ("export", "articles"))
        self.feeds: list[tuple[str, list[Document], tuple[str, str]]] = []
        self.in_archive = False  # reading a ZIP archive's files: an archive among them is not opened

    def skip(self, why: str) -> None:
        self.skipped.append(why)

    # text that is already decoded: sniff its kind
    def add_text(self, text: str, stem: str, name: str, html_hint: bool = False) -> None:
        stripped = text.lstrip()
        if not stripped:
            self.skip(f"{name} is empty")
            return
        if stripped[:1] in "[{" and self._try_json(stripped, name, stem):
            return
        if looks_like_subtitles(stripped):
            self._add_subtitles(stripped, stem, name)
            return
        if looks_like_newswire(stripped):
            self._add_newswire(stripped, stem, name)
            return
        if looks_like_feed(stripped):
            self._add_feed(stripped, stem, name)
            return
        if MULTINEWS_SEP in text[:2_000_000]:
            self._add_multinews(text, stem, name)
            return
        self.docs.append(self._document(text, stem, html_hint or looks_like_html(text)))

    def _document(self, text: str, stem: str, is_html: bool, url: str | None = None) -> Document:
        """One page; ``url`` the address it was saved from, if the file says (a saved or archived HTML page's own
        note of it is read here): its site, not the file's name, is then the outlet when the page names none."""
        title = date = None
        source = None
        if is_html:
            url = url or page_url(text)
        if url:
            url = without_tracking(url)  # (as the page was saved from a newsletter's link: "?utm_source=...")
        if is_html:
            meta = html_meta(text)
            source = meta.get("sitename")
            title, date = meta.get("title"), meta.get("date")
        if source is None and url:
            host = domain_of(original_url(url))
            source = (name_in_title(text, host) if is_html else None) or host or None
            if source and title and source != host:
                title = without_site_name(title, source)
        source = source or outlet_from_stem(stem)
        return Document(text=text, id=stem, source=source, title=title, date=date, url=url, is_html=is_html)

    def _add_page_bytes(self, data: bytes, charset: str | None, url: str | None, mime: str | None, stem: str,
                        name: str) -> None:
        """A saved page's bytes (an MHTML part, a web archive's main resource, a WARC response) as a document."""
        text = decode_declared(data, charset)
        if text is None:
            self.skip(f"{name}: its page is binary or undecodable, not text")
            return
        if not text.strip():
            self.skip(f"{name}: its page is empty")
            return
        is_html = mime in ("text/html", "application/xhtml+xml") or looks_like_html(text)
        self.docs.append(self._document(text, stem, is_html, url))

    def _add_saved(self, fh: IO[bytes], size: int, kind: str, stem: str, name: str) -> None:
        """An MHTML file, a Safari web archive or a WARC file (see _saved_kind)."""
        if size == 0:
            self.skip(f"{name} is empty")
            return
        try:
            if kind == "warc":
                self._add_warc(fh, size, stem, name)
            elif kind == "webarchive":
                if size > MAX_WEBARCHIVE_BYTES:
                    self.skip(f"{name} is larger than {MAX_WEBARCHIVE_BYTES // 1_000_000} MB: too large a web archive")
                    return
                page = parse_webarchive(fh.read())
                self._add_page_bytes(page.data, page.charset, page.url, page.mime, stem, name)
            else:
                m = parse_mhtml(_read_capped(fh, name, self.warn))
                self._add_page_bytes(m.data, m.charset, m.url, "text/html", stem, name)
        except MhtmlError as e:
            self.skip(f"{name} is not a readable MHTML page: {e}")
        except WebarchiveError as e:
            self.skip(f"{name} is not a readable Safari web archive: {e}")
        except WarcError as e:
            self.skip(f"{name} is not a readable WARC file: {e}")

    def _add_warc(self, raw: IO[bytes], size: int, stem: str, name: str) -> None:
        """A WARC file: one document per HTML page, each under its own site."""
        gz = raw.read(2) == b"\x1f\x8b"
        raw.seek(0)
        fh = gzip.GzipFile(fileobj=raw) if gz else raw
        pages = read_warc(cast(IO[bytes], fh), name, size, self.warn)
        if not pages:
            self.skip(f"{name} is a WARC file with no HTML page in it")
            return
        for n, page in enumerate(pages, 1):
            self._add_page_bytes(page.data, page.charset, page.url, page.mime, f"{stem}-{n}" if len(pages) > 1 else stem, name)

    def _add_newswire(self, text: str, stem: str, name: str) -> None:
        """DUC/TAC/TREC SGML: one document per ``<DOC>`` element, named by its number and agency."""
        wire = parse_newswire(text)
        if not wire:
            self.skip(f"{name} holds <DOC> elements but no article text in a <TEXT> block")
            return
        for n, w in enumerate(wire, 1):
            doc_id = w.number or (stem if len(wire) == 1 else f"{stem}-{n}")
            self.docs.append(Document(text=w.text, id=doc_id, source=w.agency or outlet_from_stem(stem),
                                      title=w.title, date=w.date))

    def _add_feed(self, text: str, stem: str, name: str) -> None:
        """An RSS or Atom feed: one document per item, under the channel's name."""
        channel, items = parse_feed(text)
        if not items:
            self.skip(f"{name} is a feed with no item text")
            return
        source = outlet_of(channel, items) or outlet_from_stem(stem)
        docs = [Document(text=it.html, id=f"{stem}-{n}", source=source, title=it.title, url=it.link, date=it.date,
                         is_html=True) for n, it in enumerate(items, 1)]
        self.docs.extend(docs)
        self.feeds.append((name, docs, ("feed", "items")))

    def _add_subtitles(self, text: str, stem: str, name: str) -> None:
        """An SRT or WebVTT caption file: what its cues say, as one document."""
        spoken = subtitles_to_text(text)
        if not spoken.strip():
            self.skip(f"{name} is a subtitle file with no caption text")
            return
        if not punctuated(spoken):
            self.skip(f"{name}: its captions have no punctuation (automatic captions?), so they cannot be read as sentences")
            return
        self.docs.append(Document(text=spoken, id=stem, source=outlet_from_stem(stem)))

    def _add_news_api(self, obj: Any, stem: str, name: str) -> None:
        """A news API's answer: one document per article, under its source's name."""
        arts = api_articles(obj)
        if isinstance(arts, str):
            raise InputError(f"{name}: {arts}")
        if len(arts) > MAX_ROWS:  # (as a table's rows: a cluster of more documents takes too long to be worth it)
            self.warn(f"{name} holds {len(arts):,} articles: reading only the first {MAX_ROWS:,}")
            arts = arts[:MAX_ROWS]
        read = read_articles(arts)
        if not read:
            self.skip(f"{name} is a news API export with no article text")
            return
        self._add_export(read, stem, name)

    def _add_table(self, text: str, stem: str, name: str, tsv: bool) -> None:
        """A CSV/TSV export of articles: one document per row with text."""
        if not text.strip():
            self.skip(f"{name} is empty")
            return
        rows, extra = read_table(text, name, tsv)
        if extra:
            self.warn(f"{name} has more than {MAX_ROWS:,} rows: reading only the first {MAX_ROWS:,}")
        if not rows:
            self.skip(f"{name} is a table with no article text")
            return
        self._add_export(rows, stem, name)

    def _add_export(self, articles: Sequence[ExportArticle], stem: str, name: str) -> None:
        """An export's articles (a news API's, a table's rows): one document each, under its source's name, else its
        url's host, else the file's name; judged later for being about the story (``_keep_export_articles_on_topic``)."""
        docs = [Document(text=a.text, id=f"{stem}-{n}", source=a.source or (domain_of(a.url) if a.url else None)
                         or outlet_from_stem(stem), title=a.title, url=a.url, date=a.date) for n, a in enumerate(articles, 1)]
        self.docs.extend(docs)
        self.feeds.append((name, docs, ("export", "articles")))

    def _add_multinews(self, text: str, stem: str, name: str) -> None:
        self.cluster_used = self.cluster_used or self.cluster is not None
        rows = [r for r in text.splitlines() if r.strip()]
        if len(rows) > 1 and sum(MULTINEWS_SEP in r for r in rows) >= len(rows) // 2 + 1:
            # a Multi-News .src file: one cluster per line, clusters numbered from 1
            ids = [str(i) for i in range(1, len(rows) + 1)]
            if self.cluster is None:
                raise ClusterChoice(f"{len(rows)} clusters in {name}: {self.pick} (first ids: {', '.join(ids[:5])})")
            if self.cluster not in ids:
                raise ClusterChoice(f"no cluster with id {self.cluster!r} in {name} (ids are line numbers 1 to {len(rows)})")
            text = rows[int(self.cluster) - 1]
        parts = [p.replace("NEWLINE_CHAR", "\n").strip() for p in text.split(MULTINEWS_SEP)]
        n = 0
        for p in parts:
            if p:
                n += 1
                self.docs.append(Document(text=p, id=f"{stem}-{n}", source=f"{outlet_from_stem(stem)} {n}"))
        if not n:
            self.skip(f"{name} is empty")

    def _try_json(self, text: str, name: str, stem: str = "json") -> bool:
        try:
            obj = loads(text)
        except json.JSONDecodeError:
            first = text.split("\n", 1)[0]
            try:
                loads(first)
            except json.JSONDecodeError:
                return False
            self._add_jsonl(io.StringIO(text), name)
            return True
        self._add_json_obj(obj, name, stem)
        return True

    def _add_json_obj(self, obj: Any, name: str, stem: str = "json") -> None:
        if isinstance(obj, dict) and isinstance(obj.get("documents"), list):
            clusters = [_in_file(name, cluster_from_json, obj)]
        elif isinstance(obj, list) and obj and all(isinstance(c, dict) and "documents" in c for c in obj):
            clusters = [_in_file(name, cluster_from_json, c, i + 1) for i, c in enumerate(obj)]
        elif looks_like_news_api(obj):
            self._add_news_api(obj, stem, name)
            return
        elif isinstance(obj, list) and all(isinstance(d, (str, dict)) for d in obj):
            clusters = [_in_file(name, cluster_from_json, {"id": "1", "documents": obj})]
        else:
            raise InputError(f"{name}: JSON input must be a cluster {{\"id\", \"documents\": [...]}} or a list of them")
        self._take_cluster(clusters, len(clusters), name)

    def _add_jsonl(self, lines: Iterator[str] | IO[str], name: str) -> None:
        """Stream a JSONL file: parse only the wanted cluster (or the first), count the rest."""
        chosen: Cluster | None = None
        first_ids: list[str] = []
        count = 0
        for n, raw in enumerate(lines, 1):
            if not raw.strip():
                continue
            count += 1
            if chosen is not None and self.cluster is not None:
                break
            if count > 5 and self.cluster is None:
                continue  # only counting now
            try:
                obj = loads(raw)
            except json.JSONDecodeError as e:
                raise InputError(f"{name}: line {n} is not valid JSON ({json_problem(e)})") from None
            if self.cluster is None:
                if chosen is None:  # the first cluster is the one summarized when it is the only one
                    chosen = _in_file(name, cluster_from_json, obj, n)
                    first_ids.append(chosen.id)
                else:  # later ones are only listed: a bad one must not hide the "pick one" message
                    first_ids.append(str(obj.get("id", n)) if isinstance(obj, dict) else f"line-{n}")
            elif isinstance(obj, dict) and str(obj.get("id", n)) == self.cluster:
                chosen = _in_file(name, cluster_from_json, obj, n)
        if self.cluster is not None:
            if chosen is None:
                raise ClusterChoice(f"no cluster with id {self.cluster!r} in {name}")
            self._take_cluster([chosen], 1, name)
        elif chosen is None:
            self.skip(f"{name} is empty")
        else:
            self._take_cluster([chosen], count, name, first_ids)

    def _take_cluster(self, clusters: list[Cluster], count: int, name: str, first_ids: list[str] | None = None) -> None:
        if self.cluster is not None:
            self.cluster_used = True
            picked = [c for c in clusters if c.id == self.cluster]
            if not picked:  # (a file of one cluster with another id too: --cluster names what to summarize)
                raise ClusterChoice(f"no cluster with id {self.cluster!r} in {name} (its id{'s are' if count > 1 else ' is'} "
                                 f"{', '.join((first_ids or [c.id for c in clusters])[:5])})")
            clusters, count = picked[:1], 1
        if count > 1:
            ids = first_ids or [c.id for c in clusters[:5]]
            raise ClusterChoice(f"{count} clusters in {name}: {self.pick} (first ids: {', '.join(ids[:5])})")
        if not clusters[0].documents:
            self.skip(f"{name}: cluster {clusters[0].id} has no documents")
        for d in clusters[0].documents:
            src = d.source or (domain_of(original_url(d.url)) if d.url else None) or d.id
            is_html = d.is_html or looks_like_html(d.text)
            self.docs.append(Document(**{**d.__dict__, "source": src, "is_html": is_html}))

    # files
    def add_path(self, raw: str) -> None:
        if raw == "-":
            return  # handled by the caller
        p = Path(raw)
        kind = path_kind(p)
        if kind is None:
            raise InputError(f"no such file or directory: {raw}")
        if kind == "dir":
            try:
                entries = list(p.iterdir())
                files = sorted(f for f in entries if f.is_file() and not HIDDEN_OR_META.match(f.name))
                # a pipe, a socket or a device (or a link to one: /dev/zero, /dev/urandom) is never opened: said,
                # not passed over in silence (a folder of only such entries was "an empty directory")
                odd = sorted(f for f in entries if not HIDDEN_OR_META.match(f.name) and f.exists() and not f.is_file()
                             and not f.is_dir())
            except OSError as e:
                raise InputError(f"cannot read the directory {raw}: {e.strerror or e}") from None
            for f in odd:
                self.skip(f"{f} is not a regular file (a pipe, a socket or a device): not read")
            if not files and not odd:
                has_dirs = any(f.is_dir() for f in entries)
                self.skip(f"{raw} has no files (its subdirectories are not read)" if has_dirs else f"{raw} is an empty directory")
            for f in files:
                self.add_file(f)
        else:
            self.add_file(p)

    def add_file(self, p: Path) -> None:
        name = str(p)
        try:
            self._add_file(p, name)
        except ClusterChoice:
            raise
        except InputError as e:  # a damaged file (bad JSON, a table without text) beside others does not stop them
            self.skip(str(e))

    def _add_file(self, p: Path, name: str) -> None:
        try:
            with open(p, "rb") as fh:
                if fh.seekable():
                    self.add_file_data(fh, os.fstat(fh.fileno()).st_size, p.name, name)
                else:  # a pipe (``<(command)``): its bytes are read once, so held in memory
                    data = _read_capped(fh, name, self.warn)
                    self.add_file_data(io.BytesIO(data), len(data), p.name, name)
        except (OSError, EOFError, UnicodeDecodeError, zlib.error) as e:
            self.skip(f"cannot read {name} ({describe_read_error(e)})")

    def add_bytes(self, data: bytes, filename: str, name: str | None = None) -> None:
        """A file's bytes held in memory (the HTTP API's "files"), read as a file called ``filename`` is."""
        try:
            self.add_file_data(io.BytesIO(data), len(data), filename, name or filename)
        except (OSError, EOFError, UnicodeDecodeError, zlib.error) as e:
            self.skip(f"cannot read {name or filename} ({describe_read_error(e)})")
        except ClusterChoice:
            raise
        except InputError as e:  # (as add_file)
            self.skip(str(e))

    def add_file_data(self, fh: IO[bytes], size: int, filename: str, name: str) -> None:
        """One file, the CLI's on disk or a client's in memory: ``fh`` its bytes (seekable, ``size`` of them),
        ``filename`` its name (the suffix says what it is, with its content: see the readers), ``name`` what
        messages call it. Reads nothing else (no other path, no address)."""
        lower = filename.lower()
        if lower.endswith((".jsonl", ".jsonl.gz", ".ndjson")):
            raw = gzip.GzipFile(fileobj=fh) if lower.endswith(".gz") else fh
            self._add_jsonl(io.TextIOWrapper(cast(IO[bytes], raw), encoding="utf-8-sig"), name)
            return
        kind = _saved_kind(fh, lower)
        stem = strip_suffix(filename)
        if kind is not None:
            self._add_saved(fh, size, kind, stem, name)
            return
        if lower.endswith((".json", ".json.gz")) and size > MAX_JSON_BYTES:
            raise InputError(f"{name} is larger than {MAX_JSON_BYTES // 1_000_000} MB: split it into a JSONL file, one cluster a line")
        if lower.endswith((PDF_SUFFIX, *OFFICE_SUFFIXES, ZIP_SUFFIX)) and size > MAX_FILE_BYTES:
            # (a PDF or a ZIP archive cut short cannot be read: the whole file is refused)
            self.skip(f"{name} is larger than {MAX_FILE_BYTES // 1_000_000} MB: not read")
            return
        data = _read_capped(gzip.GzipFile(fileobj=fh) if lower.endswith(".gz") else fh, name, self.warn)
        if self._add_archive(data, lower, name):
            return
        if self._add_binary(data, filename, name, stem):
            return
        text = decode_bytes(data)
        if text is None:
            self.skip(f"{name} is a binary or undecodable file, not text")
            return
        if lower.endswith((".json", ".json.gz")):
            try:
                obj = loads(text)
            except json.JSONDecodeError as e:
                raise InputError(f"{name} is not valid JSON ({json_problem(e)} at line {e.lineno})") from None
            self._add_json_obj(obj, name, stem)
            return
        if lower.endswith(TABLE_SUFFIXES):
            self._add_table(text, stem, name, tsv=lower.endswith(".tsv"))
            return
        self.add_text(text, stem, name, html_hint=lower.endswith(HTML_SUFFIXES))

    def _add_archive(self, data: bytes, lower: str, name: str) -> bool:
        """A ZIP archive of files (a press kit), not a Word or OpenDocument file: each of its files read as a file of
        that name in a folder is (see archive.py); an archive inside it is named, not opened. False for other files."""
        if not (lower.endswith(ZIP_SUFFIX) or (looks_like_zip(data) and not lower.endswith(OFFICE_SUFFIXES))):
            return False
        try:
            archive = open_zip(data, name)
        except InputError as e:
            if not lower.endswith(ZIP_SUFFIX):
                return False  # (a damaged Word file without its suffix: office_text says why)
            self.skip(str(e))
            return True
        with archive:
            if not lower.endswith(ZIP_SUFFIX) and is_office(archive):
                return False
            if self.in_archive:
                self.skip(f"{name} is a ZIP archive inside an archive: not opened")
                return True
            self.in_archive = True
            try:
                for m in members(archive, name, MAX_FILE_BYTES, self.skip, self.warn):
                    self.add_bytes(m.data, m.filename, m.shown)
            except InputError as e:
                self.skip(str(e))
            finally:
                self.in_archive = False
        return True

    def _add_binary(self, data: bytes, filename: str, name: str, stem: str) -> bool:
        """A PDF or Word file read into a document (or skipped, saying why); False for other files."""
        try:
            doc = binary_document(data, filename, name, stem, self.warn)
        except InputError as e:
            self.skip(str(e))
            return True
        if doc is None:
            return False
        self.docs.append(doc)
        return True

    def add_stdin(self, stdin: TextIO | None) -> None:
        if stdin is None:  # started with standard input closed (`<&-`)
            raise InputError("standard input is closed: there is nothing to read for '-'")
        buf = getattr(stdin, "buffer", None)
        if buf is not None:
            data = _read_capped(buf, "standard input", self.warn)
            if self._add_archive(data, "", "standard input") or self._add_binary(data, "", "standard input", "stdin"):
                return
            text = decode_bytes(data)
            if text is None:
                self.skip("standard input is binary or undecodable, not text")
                return
        else:
            text = stdin.read(MAX_FILE_BYTES + 1)
            if len(text) > MAX_FILE_BYTES:
                self.warn(f"standard input is larger than {MAX_FILE_BYTES // 1_000_000} MB: reading only the first part")
                text = text[:MAX_FILE_BYTES]
        self.add_text(text, "stdin", "standard input")


def _saved_kind(fh: IO[bytes], lower: str) -> str | None:
    """"warc", "webarchive" or "mhtml" for a saved page's file, by its first bytes, else by its suffix (``lower``:
    its name in lower case); None for any other file. ``fh`` is left at its start. (OSError when it cannot be
    read.)"""
    head = fh.read(SNIFF_BYTES)
    fh.seek(0)
    if head[:2] == b"\x1f\x8b":
        try:
            head = gzip.GzipFile(fileobj=fh).read(16)
        except (OSError, EOFError, zlib.error):
            head = b""
        fh.seek(0)
    if looks_like_warc(head):
        return "warc"
    if looks_like_webarchive(head):
        return "webarchive"
    if looks_like_mhtml(head):
        return "mhtml"
    return next((kind for suffix, kind in SAVED_SUFFIXES if lower.endswith(suffix)), None)


def _keep_feed_items_on_topic(loader: _Loader) -> None:
    """A brief tells one story, and a feed is a list of stories: a feed read with other documents gives only its
    items about their story (a feed saved beside the pages of one story holds other news too); feeds read alone
    give the first item's story (its first item and the items about the same story)."""
    if not any(kind == ("feed", "items") for _, _, kind in loader.feeds):
        return
    in_feeds = {id(d) for _, items, _ in loader.feeds for d in items}
    others = [strip_markup(d.text) if d.is_html else d.text for d in loader.docs if id(d) not in in_feeds]
    first = None
    if not others:
        first = loader.feeds[0][1][0]
        others = [f"{first.title or ''} {strip_markup(first.text)}"]
    dropped: set[int] = set()
    for name, items, (owner, what) in loader.feeds:
        if owner != "feed":
            continue
        rest = [d for d in items if d is not first]  # (the first item of feeds read alone is their story)
        judged = dict(zip(map(id, rest), on_topic([f"{d.title or ''} {strip_markup(d.text)}" for d in rest], others),
                          strict=True))
        keep = [judged.get(id(d), True) for d in items]
        dropped.update(_left_out(loader, name, items, keep, owner, what))
    loader.docs = [d for d in loader.docs if id(d) not in dropped]


def _left_out(loader: _Loader, name: str, items: list[Document], keep: list[bool], owner: str, what: str) -> set[int]:
    """The ids of a feed's or an export's ``items`` not kept, said in a note ("1 of the export's 5 articles is other
    news, not read"), or as a skipped input when none is kept."""
    n = keep.count(False)
    if n == len(keep):
        loader.skip(f"{name}: none of the {owner}'s {what} is about the other inputs' story")
    elif n:
        loader.notes.append(f"{name}: {n} of the {owner}'s {len(keep)} {what} {'is' if n == 1 else 'are'} other news, "
                            "not read")
    return {id(d) for d, k in zip(items, keep, strict=True) if not k}


# an export's article is about the story when this share of its words (feed._words) is used by another document too
EXPORT_ON_TOPIC_SHARE = 0.3


def _keep_export_articles_on_topic(loader: _Loader) -> None:
    """An export of articles (a news API's answer, a monitoring tool's table) is a search's result: it can hold other
    news. Its articles are whole stories, not a feed's short items, so each is judged by how much of its vocabulary
    the other documents (every input, the exports' other articles too) use; read alone, an export whose articles
    share nothing gives its first article's story."""
    exports = [(name, items) for name, items, kind in loader.feeds if kind == ("export", "articles")]
    if not exports:
        return
    vocab = [words_of(strip_markup(d.text) if d.is_html else d.text) | words_of(d.title or "") for d in loader.docs]
    df: dict[str, int] = {}
    for ws in vocab:
        for w in ws:
            df[w] = df.get(w, 0) + 1
    vocab_of = {id(d): ws for d, ws in zip(loader.docs, vocab, strict=True)}
    alone = all(any(d is x for _, items in exports for x in items) for d in loader.docs)
    dropped: set[int] = set()
    for name, items in exports:
        keep = []
        for d in items:
            ws = vocab_of[id(d)]
            keep.append(bool(ws) and sum(df[w] >= 2 for w in ws) >= EXPORT_ON_TOPIC_SHARE * len(ws))
        if alone and not any(keep):
            keep[0] = True
        dropped.update(_left_out(loader, name, items, keep, "export", "articles"))
    loader.docs = [d for d in loader.docs if id(d) not in dropped]


def _drop_repeated_urls(loader: _Loader) -> None:
    """One article read twice from two exports of it (a news API's answer and a monitoring tool's table): the
    exports' articles with the same url are one document, in the first one's place, holding both texts when each has
    words the other lacks (the API's description, the table's opening paragraph), the first one's first. (Only the
    exports' plain-text articles: two captures of one page, in a WARC file or saved twice, are left as they are.)"""
    exported = {id(d) for _, items, kind in loader.feeds if kind == ("export", "articles") for d in items}
    by_url: dict[str, int] = {}
    keep: list[Document | None] = list(loader.docs)
    for i, d in enumerate(loader.docs):
        if not d.url or id(d) not in exported or urlsplit(d.url).path.strip("/") == "":
            continue  # (a site's own address, which a table's "source url" column may hold for every row, is no article's)
        first = by_url.setdefault(d.url, i)
        if first == i:
            continue
        kept = keep[first]
        assert kept is not None
        if " ".join(kept.text.split()) in " ".join(d.text.split()):
            keep[first] = Document(**{**kept.__dict__, "text": d.text})
        elif " ".join(d.text.split()) not in " ".join(kept.text.split()):
            keep[first] = Document(**{**kept.__dict__, "text": f"{kept.text}\n\n{d.text}"})
        keep[i] = None
        loader.notes.append(f"{d.id} is {kept.id} again (the same url): read once")
    loader.docs = [d for d in keep if d is not None]


def load_inputs(
    paths: list[str],
    urls: list[str] | None = None,
    cluster: str | None = None,
    stdin: TextIO | None = None,
    warn: Warn | None = None,
    pick: str = "pick one with --cluster ID",
) -> list[Document]:
    """Everything the user named, as one cluster's Documents, in the order given.

    ``paths`` are files, directories (their files, sorted; hidden files and README/LICENSE skipped),
    JSON/JSONL(.gz) cluster files (``cluster`` picks one by id when there are several), Multi-News
    files (articles separated by ``|||||``), ``http(s)://`` addresses, or ``-`` for ``stdin``.
    ``urls`` are fetched over HTTP. Unreadable inputs are skipped with a warning (``warn``, else the
    ``newsfuse`` logger) when others remain; otherwise :class:`InputError` says why.
    """
    say: Warn = warn or log.warning
    loader = _Loader(cluster, pick)
    fetch_errors: list[InputError] = []

    def fetch(url: str) -> None:
        from newsfuse.fetch import Archive, fetch_input

        try:
            got = fetch_input(url)
            if isinstance(got, Archive):  # a press kit: its files read as a folder's are
                loader.add_bytes(got.data, got.filename, got.shown)
            else:
                loader.docs.append(got)
        except InputError as e:
            fetch_errors.append(e)
            loader.skip(str(e))

    for raw in paths:
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", raw):
            fetch(raw)
        elif raw == "-":
            loader.add_stdin(stdin if stdin is not None else sys.stdin)
        else:
            loader.add_path(raw)
    for url in urls or []:
        fetch(url)
    docs = _finish(loader, say, fetch_errors)
    if cluster is not None and not loader.cluster_used:
        say(f"--cluster {cluster} is not used: none of the inputs is a JSON, JSONL or Multi-News file of clusters")
    return docs


def load_files(files: Iterable[tuple[str, bytes]], documents: Iterable[Document] = (), warn: Warn | None = None,
               ) -> list[Document]:
    """Files held in memory (the HTTP API's "files": each a name and its bytes), every one read by the code that
    reads a file of that name for the CLI (``_Loader.add_file_data``), after ``documents`` (already built: the
    API's pasted texts and fetched pages, which a feed's or an export's items are judged against). Nothing is read
    from disk or the network. A file that cannot be read is skipped with a note (``warn``) when there are other
    documents; otherwise :class:`InputError` says why in one line."""
    loader = _Loader(None, pick="send one cluster's documents")
    loader.docs.extend(documents)
    for filename, data in files:
        loader.add_bytes(data, filename)
    return _finish(loader, warn or log.warning)


def _finish(loader: _Loader, say: Warn, fetch_errors: list[InputError] | None = None) -> list[Document]:
    """The loader's documents, once every input is read: a feed's and an export's other news dropped, an article
    exported twice read once, empty documents skipped; its notes said (``say``), or InputError when nothing is left."""
    fetch_errors = fetch_errors or []
    _keep_export_articles_on_topic(loader)
    _keep_feed_items_on_topic(loader)
    _drop_repeated_urls(loader)
    docs = [d for d in loader.docs if d.text.strip()]
    for d in loader.docs:
        if not d.text.strip():
            loader.skip(f"document {d.id} is empty")
    if not docs:
        if len(fetch_errors) == 1 and len(loader.skipped) == 1:
            raise fetch_errors[0]
        if len(loader.skipped) == 1:
            raise InputError(loader.skipped[0])
        if loader.skipped:
            raise InputError(f"no readable documents: {loader.skipped[0]} (and {len(loader.skipped) - 1} more)")
        raise InputError("no documents given: name files, a directory, a JSONL file, URLs or - for stdin")
    for note in loader.notes:
        say(note)
    for why in loader.skipped:
        say(f"skipped: {why}")
    return _unique_ids(docs)
