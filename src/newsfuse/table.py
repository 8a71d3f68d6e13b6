"""CSV and TSV exports of articles (part of the load stage).

A media-monitoring tool, a spreadsheet or a scraper saves articles as a table: a header row naming the columns
(``title``/``headline``, ``text``/``body``/``content``/``article``, ``url``/``link``, ``source``/``outlet``/
``publisher``, ``date``/``published``), then one article a row. Each row with text is one document. Cells may hold
quoted line breaks (a story's paragraphs); the file may open with a byte-order mark; European exports separate the
cells with semicolons (the delimiter is sniffed from the header line: comma, semicolon, tab or bar).

Python's ``csv`` reader is one pass in C; a cell is capped at ``MAX_CELL_CHARS`` (a quote left open runs to the end of
the file: that is said in one line, not read as one cell of megabytes) and the rows at ``MAX_ROWS``.
"""

from __future__ import annotations

import csv
import io
import re

from newsfuse.errors import InputError
from newsfuse.model import ExportArticle

# a cell longer than any article (the longest features are ~100 kB): an unterminated quote or not a table of articles
MAX_CELL_CHARS = 2_000_000
# rows read as documents (a cluster of 1,000 documents takes seconds: scripts/bench_limits.py); the rest are counted
MAX_ROWS = 1_000
MAX_COLUMNS = 500  # header names looked at
DELIMITERS = ",;\t|"

# column names (lower case, letters and digits only) in order of preference
TEXT_COLUMNS = ("text", "body", "content", "article", "articletext", "articlebody", "fulltext", "maintext", "story",
                "storytext", "bodytext", "contenttext", "fullcontent", "opening text", "openingtext", "description",
                "summary", "snippet", "excerpt", "lead", "hitsentence")
TITLE_COLUMNS = ("title", "headline", "heading", "articletitle", "head", "hed")
URL_COLUMNS = ("url", "link", "articleurl", "permalink", "sourceurl", "href", "uri")
SOURCE_COLUMNS = ("source", "outlet", "publisher", "publication", "sourcename", "mediaoutlet", "media", "medium",
                  "site", "sitename", "newspaper", "domain")
DATE_COLUMNS = ("date", "published", "publishedat", "publishdate", "pubdate", "publicationdate", "publisheddate",
                "datepublished", "datetime", "timestamp", "time")


def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _find(columns: dict[str, int], names: tuple[str, ...]) -> int | None:
    """The first of ``names`` among the header's ``columns`` (normalized name -> first position)."""
    return next((columns[key] for want in names if (key := _norm(want)) in columns), None)


def _delimiter(text: str, tsv: bool) -> str:
    if tsv:
        return "\t"
    first = text.split("\n", 1)[0][:10_000]
    try:
        return csv.Sniffer().sniff(first, delimiters=DELIMITERS).delimiter
    except csv.Error:
        counts = {d: first.count(d) for d in DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


_EXCEL_SEP_RE = re.compile(r"\"?sep=([,;\t|])\"?[ \t]*\r?\n", re.IGNORECASE)
_ISO_RE = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_DMY_RE = re.compile(r"\s*(\d{1,2})([./-])(\d{1,2})\2(\d{4})\b")


def iso_date(value: str) -> str | None:
    """A cell's date as yyyy-mm-dd: ISO, or day.month.year (European exports; "/" with a day over 12 either way)."""
    if m := _ISO_RE.match(value):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := _DMY_RE.match(value):
        a, sep, b, y = int(m.group(1)), m.group(2), int(m.group(3)), int(m.group(4))
        if sep == "/" and a <= 12 and b > 12:  # month/day/year (a US export)
            mo, d = a, b
        elif sep == "/" and a <= 12 and b <= 12:
            return None  # 04/05/2026: either
        else:
            d, mo = a, b
    else:
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else None


def read_table(text: str, name: str, tsv: bool = False) -> tuple[list[ExportArticle], int]:
    """The rows of a CSV/TSV export that hold article text, and how many rows were past ``MAX_ROWS`` (not read).

    Raises :class:`InputError` (one line) when the table has no column of article text or cannot be read."""
    text = text.lstrip("\ufeff")
    if m := _EXCEL_SEP_RE.match(text):  # (Excel's "sep=;" line above the header names the delimiter)
        delimiter, text = m.group(1), text[m.end():]
    else:
        delimiter = _delimiter(text, tsv)
    old_limit = csv.field_size_limit()
    csv.field_size_limit(MAX_CELL_CHARS)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
        if header is None:
            raise InputError(f"{name} is empty")
        header = [h.strip() for h in header[:MAX_COLUMNS]]
        columns: dict[str, int] = {}
        for k, h in enumerate(header):
            columns.setdefault(_norm(h[:100]), k)
        col_text = _find(columns, TEXT_COLUMNS)
        if col_text is None:
            shown = ", ".join(h[:30] for h in header[:8] if h) or "none"
            raise InputError(f"{name}: no column of article text (text, body, content or article) among its columns: "
                             f"{shown}{', ...' if len(header) > 8 else ''}")
        cols = [_find(columns, TITLE_COLUMNS), _find(columns, SOURCE_COLUMNS), _find(columns, URL_COLUMNS),
                _find(columns, DATE_COLUMNS)]
        rows: list[ExportArticle] = []
        extra = 0
        for cells in reader:
            if len(rows) >= MAX_ROWS:
                extra += 1
                continue
            body = cells[col_text].strip() if col_text < len(cells) else ""
            if not body:
                continue
            title, source, url, date = (
                (" ".join(cells[c].split()) or None) if c is not None and c < len(cells) else None for c in cols)
            rows.append(ExportArticle(text=body.replace("\r\n", "\n").replace("\r", "\n"), title=title, source=source, url=url,
                            date=(iso_date(date) or date) if date else None))
        return rows, extra
    except csv.Error as e:
        why = str(e)
        if "field larger than field limit" in why:
            why = f"a cell longer than {MAX_CELL_CHARS // 1_000_000} MB (a quotation mark left open?)"
        raise InputError(f"{name} is not a readable CSV file: {why} (line {reader.line_num})") from None
    finally:
        csv.field_size_limit(old_limit)
