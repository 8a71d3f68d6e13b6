"""A PDF's text layer as plain text in reading order (part of the load stage).

Newsrooms get a story's documents as PDF: press releases, court filings, agency reports, e-paper pages. Their text
is read with pypdf, run by run with each run's place on the page, and laid out again the way a reader reads the
page: lines of the same height joined, a page set in columns read column by column (a headline or an advertisement
across the columns stays where it stands), a blank line where the line spacing opens (a paragraph's end, a heading),
and the page's furniture dropped: running headers and footers repeated at the top or foot of the pages, page
numbers ("Page 3 of 7", "- 4 -"), and a court filing's line numbers in the margin. Hard-wrapped lines and words
hyphenated at a line's end are left to the clean stage, which joins them as it does for any text.

The document's title is its info dictionary's or XMP title when that is a title (not a file name or "Untitled"),
else the largest type on the first page; its date the info dictionary's creation date.

Bad input is one line: an encrypted PDF, a corrupt or truncated one, one with no text layer (a scan). At most
MAX_PAGES pages are read (with a warning) and MAX_TEXT_CHARS characters kept.
"""

from __future__ import annotations

import logging
import re
import statistics
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from newsfuse.errors import InputError, exception_line

MAX_PAGES = 200
MAX_TEXT_CHARS = 20_000_000
MAX_RUNS_PER_PAGE = 50_000  # (a page of far more text runs is a chart's data or a hostile file: the rest is not read)
# Content-stream bytes (decoded) parsed: pypdf parses a page's whole stream whatever it keeps, at about 1.3 s per MB, and
# one small compressed stream can be every page's: 200 pages of a 187 kB file took 8 minutes. A dense e-paper page is
# a few hundred kB; past the page cap the page is skipped, past the file's the rest of the file (each with a warning).
MAX_PAGE_CONTENT_BYTES = 3_000_000
MAX_CONTENT_BYTES = 10_000_000
# Drawing operations parsed in all, a form's (an XObject a page draws) each time it is drawn: a page of a few kB can
# draw one form of many operations thousands of times (100 draws of a 2,000-run form took 5.8 s; 20,000 would take
# over an hour). About 6 us each: 2 million is about 13 s, and a 200-page report is read whole (a typeset page is a
# few hundred operations, a dense one a few thousand).
MAX_OPERATIONS = 2_000_000
# a PDF whose first pages all fail to decode (a decompression bomb each page draws: 0.1 s a page) is not read further
MAX_FAILED_PAGES = 10
# a running header or footer: a line in a page's top or bottom HEADER_LINES lines that recurs (digits aside) at the
# top or bottom of at least this share of the pages
HEADER_LINES = 3
HEADER_PAGE_SHARE = 0.5
# a court filing's line numbers: at least this many bare numbers in a margin left of all the page's other text
MARGIN_NUMBERS = 5
# a column break: a horizontal gap of at least this many times the type size between two runs of one line, at the
# same place in at least COLUMN_ROWS lines of the page
COLUMN_GAP_EMS = 1.5
COLUMN_ROWS = 3
PARAGRAPH_GAP = 1.25  # a gap between lines this many times the page's usual line spacing ends a paragraph
AVERAGE_EM = 0.5  # a character's width in ems, when the font's widths are not known

Warn = Callable[[str], None]


def looks_like_pdf(data: bytes) -> bool:
    """A PDF file: its header ``%PDF-`` within the first kilobyte (as readers accept it)."""
    return b"%PDF-" in data[:1024]


@dataclass
class PdfText:
    text: str
    title: str | None
    date: str | None


@dataclass
class _Run:
    x: float
    y: float
    size: float
    text: str
    end: float  # where the run ends on the line (estimated from the font's widths)
    font: str = ""


@contextmanager
def _quiet() -> Iterator[None]:
    """pypdf's own warnings about a damaged file (on its logger and as Python warnings) kept off the user's screen:
    the file is readable or it is not, and the loader says which in one line."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def read_pdf(data: bytes, name: str, warn: Warn) -> PdfText:
    """The text of the PDF ``data`` (named ``name`` in messages); InputError says in one line why it cannot be read."""
    try:
        import pypdf
    except ImportError:  # pragma: no cover - a core dependency
        raise InputError(f"{name} is a PDF: reading it needs the package 'pypdf' (pip install pypdf)") from None
    import io

    with _quiet():
        try:
            reader = pypdf.PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                try:
                    opened = reader.decrypt("")
                except Exception as e:  # noqa: BLE001 - an AES file without the 'cryptography' package, or damaged
                    raise InputError(f"{name} is an encrypted PDF that cannot be opened here ({exception_line(e)})") from None
                if not opened:
                    raise InputError(f"{name} is an encrypted PDF: it needs a password to be read") from None
            count = len(reader.pages)
        except InputError:
            raise
        except RecursionError:
            raise InputError(f"{name} is not a readable PDF (its objects nest too deeply)") from None
        except Exception as e:  # noqa: BLE001 - pypdf raises many kinds on damaged files
            raise InputError(f"{name} is not a readable PDF ({exception_line(e)})") from None
        if count == 0:
            raise InputError(f"{name} is a PDF with no pages")
        if count > MAX_PAGES:
            warn(f"{name} has {count} pages: reading only the first {MAX_PAGES}")
        pages: list[list[Line]] = []
        failed = 0
        total = 0
        parsed = 0  # content bytes
        oversized = 0  # pages
        budget = _Budget(MAX_OPERATIONS)
        for n in range(min(count, MAX_PAGES)):
            try:
                size = _content_bytes(reader.pages[n])
                if size > MAX_PAGE_CONTENT_BYTES:
                    warn(f"{name}: page {n + 1} holds {size / 1_000_000:.1f} MB of drawing instructions "
                         f"(more than {MAX_PAGE_CONTENT_BYTES / 1_000_000:g} MB): not read")
                    pages.append([])
                    oversized += 1
                    continue
                parsed += size
                if parsed > MAX_CONTENT_BYTES:
                    warn(f"{name} holds more than {MAX_CONTENT_BYTES / 1_000_000:g} MB of drawing instructions: reading "
                         f"only its first {n} pages")
                    break
                runs = _page_runs(reader.pages[n], budget)
            except Exception:  # noqa: BLE001 - one damaged page does not lose the others
                failed += 1
                runs = []
                if failed >= MAX_FAILED_PAGES and not any(pages):
                    break
            lines = _lines(runs)
            pages.append(lines)
            if budget.spent:
                warn(f"{name} holds more than {MAX_OPERATIONS:,} drawing operations: reading only its first "
                     f"{n + 1} page{'' if n == 0 else 's'}")
                break
            total += sum(len(t) for _, t, _ in lines)
            if total > MAX_TEXT_CHARS:
                warn(f"{name} holds more than {MAX_TEXT_CHARS // 1_000_000} million characters of text: reading only "
                     f"its first {n + 1} pages")
                break
        if not any(pages):
            if oversized and not failed:
                raise InputError(f"{name} is not readable here: its pages' drawing instructions are too large "
                                 f"(over {MAX_PAGE_CONTENT_BYTES / 1_000_000:g} MB a page)")
            if failed:
                raise InputError(f"{name} is not a readable PDF (its pages' content cannot be decoded)")
            raise InputError(f"{name} has no text layer (a scanned image?); run OCR first")
        title, date = _metadata(reader)
    pages = _without_small_type(pages)
    if title is None:
        title = _largest_type_title(pages[0]) if pages and pages[0] else None
    text = _join_pages(pages)
    if _LIGATURE_RE.search(text):  # (a typeset PDF's "ﬁnal", "ofﬁce": the words the other sources spell "final")
        text = _LIGATURE_RE.sub(lambda m: _LIGATURES[m.group()], text)
    if title and _LIGATURE_RE.search(title):
        title = _LIGATURE_RE.sub(lambda m: _LIGATURES[m.group()], title)
    return PdfText(text=text, title=title, date=date)


_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st",
              "\ufb06": "st"}
_LIGATURE_RE = re.compile("[\ufb00-\ufb06]")


def _content_bytes(page: Any) -> int:
    """The size of a page's decoded content stream (what text extraction parses); 0 for a page without one."""
    contents = page.get_contents()
    return 0 if contents is None else len(contents.get_data())




# --- runs and lines ---------------------------------------------------------------------------------------------


class _Spent(Exception):
    pass


class _Budget:
    """Drawing operations still to parse in a file (see MAX_OPERATIONS); ``spent`` once they ran out."""

    def __init__(self, operations: int) -> None:
        self.left = operations
        self.spent = False

    def count(self, *_: Any) -> None:  # (pypdf's visitor_operand_before: every operation, a form's too)
        self.left -= 1
        if self.left < 0:
            raise _Spent


def _page_runs(page: Any, budget: _Budget | None = None) -> list[_Run]:
    """The page's text runs with their places (points from the page's bottom left); those before the ``budget`` of
    operations ran out, if it did (``budget.spent``)."""
    font_class: Any
    try:  # (the fonts' widths, from a private module of pypdf: without it, estimates)
        from pypdf.generic._font import Font as font_class
    except ImportError:  # pragma: no cover
        font_class = None

    runs: list[_Run] = []
    widths: dict[int, Any] = {}

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if len(runs) >= MAX_RUNS_PER_PAGE or not text or text.isspace():
            return
        a, b, c, d, e, f = (float(v) for v in tm)
        ca, cb, cc, cd, ce, cf = (float(v) for v in cm)
        x = e * ca + f * cc + ce
        y = e * cb + f * cd + cf
        scale = abs(d * cd + b * cc) or abs(d) or 1.0
        pt = abs(float(size or 0)) * scale or 10.0
        for k, piece in enumerate(text.split("\n")):
            piece = piece.strip()
            if not piece:
                continue
            px, py = x, y - k * pt * 1.2
            run_width = _width(piece, font, widths, font_class) * pt
            runs.append(_Run(px, py, pt, piece, px + run_width, _font_name(font)))

    try:
        page.extract_text(visitor_text=visit, visitor_operand_before=budget.count if budget else None)
    except _Spent:
        assert budget is not None
        budget.spent = True
    return runs


def _font_name(font: Any) -> str:
    try:
        return str(font.get("/BaseFont", "")) if font is not None else ""
    except Exception:  # noqa: BLE001
        return ""


def _width(text: str, font: Any, cache: dict[int, Any], font_class: Any) -> float:
    """``text``'s width in ems in ``font`` (its widths read once per font; an average letter's when unknown)."""
    if font is None or font_class is None:
        return AVERAGE_EM * len(text)
    key = id(font)
    if key not in cache:
        try:
            cache[key] = font_class.from_font_resource(font)
        except Exception:  # noqa: BLE001 - a font whose widths cannot be read
            cache[key] = None
    f = cache[key]
    if f is None:
        return AVERAGE_EM * len(text)
    try:
        w = float(f.get_text_width(text)) / 1000
    except Exception:  # noqa: BLE001
        return AVERAGE_EM * len(text)
    return w if w > 0 else AVERAGE_EM * len(text)


def _rows(runs: list[_Run]) -> list[list[_Run]]:
    """Runs on the same baseline (within a third of the type size), top down, each row left to right."""
    rows: list[list[_Run]] = []
    for r in sorted(runs, key=lambda r: (-r.y, r.x)):
        if rows and abs(rows[-1][0].y - r.y) <= 0.35 * max(r.size, rows[-1][0].size):
            rows[-1].append(r)
        else:
            rows.append([r])
    for row in rows:
        row.sort(key=lambda r: r.x)
    return rows


_NUMBER_RE = re.compile(r"\d{1,3}")


_DIVIDER_RE = re.compile(r"[)§:|]")


def _drop_caption_dividers(runs: list[_Run]) -> list[_Run]:
    """Without the column of ")" (or "§") a court filing's caption draws between the parties and the case's
    number: the same lone mark at one place in MARGIN_NUMBERS rows or more."""
    marks = [r for r in runs if _DIVIDER_RE.fullmatch(r.text)]
    if len(marks) < MARGIN_NUMBERS:
        return runs
    at = Counter((r.text, round(r.x)) for r in marks)
    places = {k for k, n in at.items() if n >= MARGIN_NUMBERS}
    if not places:
        return runs
    return [r for r in runs if not (_DIVIDER_RE.fullmatch(r.text) and (r.text, round(r.x)) in places)]


def _drop_margin_numbers(runs: list[_Run]) -> list[_Run]:
    """Without a court filing's (or a numbered manuscript's) line numbers: bare numbers at one place in the margin,
    left of all the page's other text."""
    numbers = [r for r in runs if _NUMBER_RE.fullmatch(r.text)]
    if len(numbers) < MARGIN_NUMBERS:
        return runs
    # (numbers set flush left share their left edge, numbers set flush right their right edge)
    for right in (False, True):
        edge, count = Counter(round(r.end if right else r.x) for r in numbers).most_common(1)[0]
        if count < MARGIN_NUMBERS:
            continue
        margin = [r for r in numbers if abs((r.end if right else r.x) - edge) <= 2]
        rest = [r for r in runs if not (_NUMBER_RE.fullmatch(r.text) and abs((r.end if right else r.x) - edge) <= 2)]
        if rest and min(r.x for r in rest) > max(r.end for r in margin):
            return rest
    return runs


def _column_splits(rows: list[list[_Run]]) -> list[float]:
    """Where the page's columns start (their left edges after the first): a wide gap at the same place in
    COLUMN_ROWS rows or more."""
    seen: Counter[int] = Counter()
    for row in rows:
        for left, right in zip(row, row[1:], strict=False):
            if right.x - left.end >= COLUMN_GAP_EMS * right.size:
                seen[round(right.x / 4)] += 1
    splits: list[float] = []
    for key, n in sorted(seen.items()):
        if n >= COLUMN_ROWS and not any(abs(key * 4 - s) < 12 for s in splits):
            splits.append(key * 4 - 4)
    return splits


TERMINAL = ".!?:;\"”’)"
Line = tuple[float, str, float]  # (the space above the line, in its type size; its text; its type size)


def _lines(runs: list[_Run]) -> list[Line]:
    """The page's lines in reading order; a column's lines come together, the columns left to right, between the
    rows that run across them."""
    runs = _drop_caption_dividers(_drop_margin_numbers(runs))
    rows = _rows(runs)
    splits = _column_splits(rows)
    # each row's pieces: one per column (a row with a run across a split is one piece, read where it stands)
    bands: list[list[list[list[_Run]]]] = []  # bands of rows; a row is its pieces per column
    for row in rows:
        across = bool(splits) and any(r.x < s - 2 and r.end > s + r.size for r in row for s in splits)
        if not splits or across:
            bands.append([[row]])
            continue
        cells: list[list[_Run]] = [[] for _ in range(len(splits) + 1)]
        for r in row:
            cells[sum(1 for s in splits if r.x >= s)].append(r)
        if bands and len(bands[-1][0]) == len(cells):
            bands[-1].append(cells)
        else:
            bands.append([cells])
    ordered: list[list[_Run]] = []
    for band in bands:
        for col in range(len(band[0])):
            ordered.extend(cells[col] for cells in band if cells[col])
    out: list[Line] = []
    prev: list[_Run] | None = None
    for line in ordered:
        size = max(r.size for r in line)
        gap = (prev[0].y - line[0].y) / size if prev is not None else 0.0
        if prev is not None and (gap < 0 or line[0].x > prev[-1].end + size):
            gap = 0.0  # (a new column's first line: the text runs on from the foot of the column before)
        elif prev is not None and line[0].x - prev[0].x >= size and line[-1].end > prev[-1].end - 4 * size:
            gap = 99.0  # (a paragraph's first line, indented)
        if prev is not None and abs(max(r.size for r in prev) - size) > 0.15 * size:  # (a heading's type)
            gap = max(gap, 99.0)
        elif (prev is not None and prev[0].font != line[0].font and len(prev) == 1 and len(prev[0].text.split()) <= 8
              and prev[0].text[-1:] not in TERMINAL):
            gap = max(gap, 99.0)  # (a heading in bold over the paragraph, no space between: "Notes to editors")
        out.append((gap, _line_text(line), size))
        prev = line
    return out


def _line_text(line: list[_Run]) -> str:
    parts = [line[0].text]
    for left, right in zip(line, line[1:], strict=False):
        parts.append(" " if right.x - left.end > 0.15 * right.size or not parts[-1] else "")
        parts.append(right.text)
    return " ".join("".join(parts).split())


SMALL_TYPE = 0.88  # lines set smaller than this share of the document's body type are not its running text


def _without_small_type(pages: list[list[Line]]) -> list[list[Line]]:
    """The pages without lines in small type (captions and credits, footnotes, small print, briefs and ads beside
    the story): the body type is the one most of the document's text is set in."""
    sizes: Counter[float] = Counter()
    for lines in pages:
        for _, text, size in lines:
            sizes[round(size, 1)] += len(text)
    if not sizes:
        return pages
    body = sizes.most_common(1)[0][0]
    out = []
    for lines in pages:
        kept: list[Line] = []
        carry = 0.0
        for gap, text, size in lines:
            if size < SMALL_TYPE * body:
                carry = max(carry, 99.0)  # (the text around a dropped caption does not run on across it)
                continue
            kept.append((max(gap, carry), text, size) if carry else (gap, text, size))
            carry = 0.0
        out.append(kept)
    return out


# --- pages into one text ----------------------------------------------------------------------------------------

_PAGE_NUMBER_RE = re.compile(
    r"(?:page|p\.|seite|pg\.?)\s*\d{1,4}(?:\s*(?:of|/|von)\s*\d{1,4})?|[-\u2013\u2014]\s?\d{1,4}\s?[-\u2013\u2014]|\d{1,4}"
    r"(?:\s*/\s*\d{1,4})?", re.IGNORECASE)
_DIGITS_RE = re.compile(r"\d+")


def _furniture_key(line: str) -> str:
    return _DIGITS_RE.sub("#", " ".join(line.lower().split()))


def _is_page_number(line: str) -> bool:
    return len(line) <= 24 and _PAGE_NUMBER_RE.fullmatch(line.strip()) is not None


def _join_pages(pages: list[list[Line]]) -> str:
    """The pages' lines as one text: running headers and footers and page numbers dropped, a blank line where a
    paragraph ends (the line spacing opens) and between pages."""
    edges = [[t for _, t, _ in lines[:HEADER_LINES]] + [t for _, t, _ in lines[-HEADER_LINES:]] for lines in pages]
    counts: Counter[str] = Counter()
    for e in edges:
        counts.update({_furniture_key(t) for t in e})
    need = max(2, HEADER_PAGE_SHARE * len(pages))
    running = {k for k, n in counts.items() if n >= need} if len(pages) >= 2 else set()
    out: list[str] = []
    for lines in pages:
        if not lines:
            continue
        usual = _usual_spacing(lines)
        kept: list[str] = []
        n = len(lines)
        for i, (gap, text, _) in enumerate(lines):
            at_edge = i < HEADER_LINES or i >= n - HEADER_LINES
            if at_edge and (_furniture_key(text) in running or _is_page_number(text)):
                continue
            if kept and gap > PARAGRAPH_GAP * usual:
                kept.append("")
            kept.append(text)
        if not kept:
            continue
        page = "\n".join(kept).strip("\n")
        if out and _RUNS_ON_RE.search(out[-1][-200:]):
            out[-1] += "\n" + page  # (a paragraph the page break cut: "... at Gullhaven" over "Point for sixty days")
        else:
            out.append(page)
    return "\n\n".join(out)


# a page's last line that stops mid-sentence: a full line (a wrapped paragraph's) ending in a letter, digit or comma
_RUNS_ON_RE = re.compile(r"(?:^|\n)[^\n]{40,}[\w,;]$")


def _usual_spacing(lines: list[Line]) -> float:
    gaps = [g for g, _, _ in lines[1:] if 0 < g < 10]
    return statistics.median(gaps) if gaps else 1.2


# --- title and date ---------------------------------------------------------------------------------------------

# a title that is no title: a file name, a template's or program's placeholder
_NOT_A_TITLE_RE = re.compile(
    r"^(?:untitled|document\d*|microsoft word - .*|.*\.(?:docx?|pdf|indd|odt|rtf|txt|qxp)|[\w-]*\d[\w-]*|"
    r"press release|slide \d+|title|new document|\W*)$", re.IGNORECASE)


def usable_title(title: Any) -> str | None:
    """A metadata title, or None when it is a file name ("TVT_20260515_p01", "Microsoft Word - draft3.docx"),
    a placeholder ("Untitled") or empty."""
    if not isinstance(title, str):
        return None
    text = " ".join(title.split())
    if not text or _NOT_A_TITLE_RE.match(text) or len(text.split()) < 2:
        return None
    return text


def _metadata(reader: Any) -> tuple[str | None, str | None]:
    title = date = None
    try:
        info = reader.metadata
    except Exception:  # noqa: BLE001
        info = None
    if info is not None:
        try:
            title = usable_title(info.title)
        except Exception:  # noqa: BLE001
            title = None
        try:
            created = info.creation_date
            date = created.date().isoformat() if created else None
        except Exception:  # noqa: BLE001 - a malformed date string
            date = None
    if title is None:
        try:
            xmp = reader.xmp_metadata
            titles = xmp.dc_title if xmp is not None else None
            if titles:
                title = usable_title(titles.get("x-default") or next(iter(titles.values()), None))
        except Exception:  # noqa: BLE001
            pass
    return title, date


TITLE_MIN_SCALE = 1.3  # the title's type is at least this many times the body's


def _largest_type_title(lines: list[Line]) -> str | None:
    """The first page's headline: the line of three words or more in the largest type, at least TITLE_MIN_SCALE
    times the body's (with the lines right under it in the same type: a headline over two lines), among the page's
    first half of lines (not a title page's authors at its foot); not a line in capitals (a letterhead, a masthead, a
    section's label). None when nothing stands out."""
    sizes: Counter[float] = Counter()
    for _, text, size in lines:
        sizes[round(size, 1)] += len(text)
    if not sizes:
        return None
    body = sizes.most_common(1)[0][0]
    best = None
    for i, (_, text, size) in enumerate(lines[: max(3, len(lines) // 2)]):  # (a headline is in the page's top half)
        if (size >= TITLE_MIN_SCALE * body and len(text.split()) >= 3 and not text.isupper()
                and (best is None or size > lines[best][2] + 0.1)):
            best = i
    if best is None:
        return None
    parts = [lines[best][1]]
    for gap, text, size in lines[best + 1:best + 3]:
        if abs(size - lines[best][2]) > 0.1 or gap > 2:
            break
        parts.append(text)
    return " ".join(parts)
