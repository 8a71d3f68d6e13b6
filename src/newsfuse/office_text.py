"""A Word (.docx) or OpenDocument (.odt) file's body text (part of the load stage).

A stringer files copy as a Word file, often with the desk's tracked changes and comments still in it. The body is
read as a reader of the finished copy reads it: its paragraphs in order, tracked changes accepted (inserted text
kept, deleted and moved-away text dropped), comments, footnotes, endnotes, headers, footers, text boxes and field
codes left out. The title is the file's own (docProps/core.xml, meta.xml) when it is one, else the first paragraph
in a Title or Heading style; the date the file's creation date.

Only the standard library is used (zipfile and the expat parser behind xml.etree), with care for hostile files: a
part that declares a DTD or an entity is refused (no OOXML or ODF part needs one: they are how XML bombs and
external-entity tricks work), each part's decompressed size is capped (a ZIP bomb stops at the cap, whatever its
header claims), and the XML is read as a stream of events, without recursion, however deeply it nests.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from xml.etree.ElementTree import ParseError, XMLPullParser

from newsfuse.errors import InputError, exception_line

MAX_PART_BYTES = 50_000_000  # one XML part, decompressed; a novel's document.xml is a few MB
CHUNK = 1 << 16
ZIP_MAGIC = b"PK\x03\x04"

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
DC = "{http://purl.org/dc/elements/1.1/}"
DCTERMS = "{http://purl.org/dc/terms/}"
META = "{urn:oasis:names:tc:opendocument:xmlns:meta:}"
ODT_MIME = b"application/vnd.oasis.opendocument.text"


@dataclass
class OfficeText:
    text: str
    title: str | None
    date: str | None


def looks_like_zip(data: bytes) -> bool:
    return data.startswith(ZIP_MAGIC)


def read_office(data: bytes, name: str) -> OfficeText:
    """The body text of the .docx or .odt file ``data``; InputError says in one line why it cannot be read."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError):
        # (NotImplementedError: a member "needs" a ZIP version zipfile does not know, as a damaged byte can say)
        raise InputError(f"{name} is not a readable Word file (a damaged or truncated ZIP archive)") from None
    with archive:
        try:
            if "word/document.xml" in names:
                return _docx(archive, names, name)
            if {"content.xml", "mimetype"} <= names and _part(archive, "mimetype", name, raw=True).strip() == ODT_MIME:
                return _odt(archive, names, name)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError) as e:
            # (a damaged member, a CRC mismatch, an unsupported compression method, an encrypted member)
            raise InputError(f"{name} is not a readable Word file ({exception_line(e)})") from None
    raise InputError(f"{name} is a ZIP archive, not a Word (.docx) or OpenDocument text (.odt) file")




def _part(archive: zipfile.ZipFile, member: str, name: str, raw: bool = False) -> bytes:
    """One member's bytes, at most MAX_PART_BYTES decompressed (refused beyond: a ZIP bomb); an XML part that
    declares a DTD or an entity is refused."""
    out = bytearray()
    with archive.open(member) as fh:
        while chunk := fh.read(CHUNK):
            out += chunk
            if len(out) > MAX_PART_BYTES:
                raise InputError(f"{name}: its part {member} unpacks to more than {MAX_PART_BYTES // 1_000_000} MB "
                                 "(a ZIP bomb?)")
    data = bytes(out)
    if not raw and (b"<!DOCTYPE" in data or b"<!ENTITY" in data):
        raise InputError(f"{name}: its part {member} declares a DTD or entities, which Word files never need "
                         "(refused: a way to attack XML readers)")
    return data


def _events(data: bytes, member: str, name: str) -> Iterator[tuple[str, Any]]:
    """(event, element) pairs of ``data``: "start" and "end" events, streamed (no recursion however deep)."""
    parser: Any = XMLPullParser(events=("start", "end"))
    try:
        for i in range(0, len(data), CHUNK):
            parser.feed(data[i:i + CHUNK])
            yield from parser.read_events()
        parser.close()
        yield from parser.read_events()
    except ParseError as e:
        raise InputError(f"{name}: its part {member} is not well-formed XML ({exception_line(e)})") from None
    except (LookupError, ValueError) as e:  # (its declaration names an encoding expat cannot use: "rot13", "utf-7")
        raise InputError(f"{name}: its part {member} declares an encoding that cannot be read ({exception_line(e)})") from None


# --- .docx -------------------------------------------------------------------------------------------------------

# elements whose text is not the body's: deleted and moved-away text, field codes, comments' and notes' marks,
# text boxes (a sidebar or pull quote, drawn apart) and the fallback copy of content another branch shows
_DOCX_SKIP = frozenset({W + "del", W + "moveFrom", W + "delText", W + "instrText", W + "delInstrText",
                        W + "txbxContent", MC + "Fallback", W + "footnoteReference", W + "endnoteReference",
                        W + "commentReference"})
_HEADING_STYLE_RE = re.compile(r"title|heading ?1|berschrift ?1|titre|titolo|titulo|t[íi]tulo", re.IGNORECASE)


def _docx(archive: zipfile.ZipFile, names: set[str], name: str) -> OfficeText:
    member = "word/document.xml"
    paragraphs: list[str] = []
    title_para: str | None = None
    cur: list[str] = []
    style = ""
    merge_next = False  # the paragraph's mark was deleted (a tracked change joining it with the next one)
    skip = 0  # depth inside elements whose text is dropped
    ppr = 0  # inside a paragraph's properties
    for event, el in _events(_part(archive, member, name), member, name):
        tag = el.tag
        if event == "start":
            if tag in _DOCX_SKIP:
                if ppr and tag == W + "del":
                    merge_next = True
                skip += 1
            elif skip:
                continue
            elif tag == W + "p":
                if not merge_next:
                    cur, style = [], ""
                merge_next = False
            elif tag == W + "pPr":
                ppr += 1
            elif tag == W + "pStyle" and ppr:
                style = el.get(W + "val", "")
            elif tag == W + "tab":
                if not ppr:
                    cur.append("\t")
            elif tag in (W + "br", W + "cr"):
                cur.append("\n")
            elif tag == W + "noBreakHyphen":
                cur.append("-")
            continue
        # end
        if tag in _DOCX_SKIP:
            skip -= 1
            continue
        if skip:
            continue
        if tag == W + "t":
            cur.append(el.text or "")
        elif tag == W + "pPr":
            ppr -= 1
        elif tag == W + "p":
            if merge_next:
                continue  # (its text runs on into the next paragraph)
            text = _tidy("".join(cur))
            if text:
                paragraphs.append(text)
                if title_para is None and _HEADING_STYLE_RE.match(style):
                    title_para = text
        el.clear()
    if merge_next and cur:
        paragraphs.append(_tidy("".join(cur)))
    title, date = _core_properties(archive, names, name)
    return _result(paragraphs, title or title_para, date, name)


def _core_properties(archive: zipfile.ZipFile, names: set[str], name: str) -> tuple[str | None, str | None]:
    member = "docProps/core.xml"
    if member not in names:
        return None, None
    return _title_and_date(_part(archive, member, name), member, name, DCTERMS + "created")


def _title_and_date(data: bytes, member: str, name: str, created: str) -> tuple[str | None, str | None]:
    from newsfuse.pdf_text import usable_title

    title = date = None
    for event, el in _events(data, member, name):
        if event != "end":
            continue
        tag = el.tag
        text = (el.text or "").strip()
        if tag == DC + "title" and title is None:
            title = usable_title(text)
        elif tag == created and date is None and re.match(r"\d{4}-\d\d-\d\d", text):
            date = text[:10]
    return title, date


def _tidy(text: str) -> str:
    """A paragraph's text: tabs and runs of spaces as one space, its soft line breaks kept as lines."""
    return "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()


def _result(paragraphs: list[str], title: str | None, date: str | None, name: str) -> OfficeText:
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        raise InputError(f"{name} is a Word file with no text")
    return OfficeText(text="\n\n".join(paragraphs), title=title, date=date)


# --- .odt --------------------------------------------------------------------------------------------------------

# tracked changes' store (deleted text lives there: the body holds only what is accepted), comments, notes, frames
_ODT_SKIP = frozenset({TEXT + "tracked-changes", OFFICE + "annotation", TEXT + "note", DRAW + "frame",
                       TEXT + "table-of-content", TEXT + "index-title", OFFICE + "annotation-end"})


def _odt(archive: zipfile.ZipFile, names: set[str], name: str) -> OfficeText:
    member = "content.xml"
    paragraphs: list[str] = []
    title_para: str | None = None
    # each open element's children, as (their text, the child): an element's text is whole only at its end, and a
    # child's tail only at its parent's end, so each element's text is put together there
    stack: list[list[tuple[str, Any]]] = [[]]
    skip = 0
    for event, el in _events(_part(archive, member, name), member, name):
        tag = el.tag
        if event == "start":
            skip += tag in _ODT_SKIP
            stack.append([])
            continue
        children = stack.pop()
        if tag in _ODT_SKIP:
            skip -= 1
            text = ""
        elif tag == TEXT + "s":
            text = " "
        elif tag == TEXT + "tab":
            text = "\t"
        elif tag == TEXT + "line-break":
            text = "\n"
        else:
            text = (el.text or "") + "".join(t + (getattr(c, "tail", None) or "") for t, c in children)
        for _, c in children:
            c.clear()
        if tag in (TEXT + "p", TEXT + "h"):
            if not skip:
                para = _tidy(text)
                if para:
                    paragraphs.append(para)
                    if title_para is None and (tag == TEXT + "h" or _HEADING_STYLE_RE.match(
                            el.get(TEXT + "style-name", ""))):
                        title_para = para
            text = ""
        stack[-1].append((text, el))
    title = date = None
    if "meta.xml" in names:
        title, date = _title_and_date(_part(archive, "meta.xml", name), "meta.xml", name, META + "creation-date")
    return _result(paragraphs, title or title_para, date, name)
