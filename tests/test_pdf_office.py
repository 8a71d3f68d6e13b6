"""PDF and Word files: the readers (pdf_text, office_text), the loader's use of them, the CLI on hostile files."""

from __future__ import annotations

import io
import json
import time
import zipfile
from pathlib import Path

import pytest

from fixture_files import assert_same_files, make_script
from newsfuse.cli import main
from newsfuse.errors import InputError
from newsfuse.load import load_inputs
from newsfuse.office_text import read_office
from newsfuse.pdf_text import read_pdf, usable_title

VEYRA = Path(__file__).parent / "fixtures" / "veyra-plant"
HANG = 60.0  # a guard against hangs, not a speed target (as in test_clean)


MAKE = make_script(VEYRA / "_make_fixture.py", "veyra_make_fixture")


def _doc(name: str):
    [d] = load_inputs([str(VEYRA / name)])
    return d


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


# --- the fixture's files are the script's ----------------------------------------------------------------------


def test_the_committed_binaries_are_what_the_script_writes(tmp_path: Path) -> None:
    """The PDFs and the .docx are made by _make_fixture.py (deterministic): committed, so that the folder can be
    summarized as it stands, and checked here so that a change to the script is not left unmade in the files."""
    MAKE.main(tmp_path)
    assert_same_files(tmp_path, VEYRA, list(MAKE.FILES), VEYRA / "_make_fixture.py")


# --- PDF ----------------------------------------------------------------------------------------------------------


def test_a_press_release_pdf_without_its_running_footer_and_page_numbers() -> None:
    d = _doc("01-ministry-of-water-and-infrastructure.pdf")
    assert d.title == "Ministry to appeal court order halting work on Port Veyra desalination pipelines"  # (the info's)
    assert d.date == "2026-05-15" and d.source == "Ministry of Water and Infrastructure" and not d.is_html
    assert "Page 1 of 2" not in d.text and "14 Quay Street" not in d.text  # the footer, on every page
    # paragraphs apart (a blank line where the spacing opens), their lines as the page has them
    assert "will comply with the\norder in full from today.\n\nUnder the order," in d.text
    # the pages in order, the second's text after the first's
    assert d.text.index("every study it asks for") < d.text.index("The Ministry will file its appeal")


def test_a_court_filing_without_its_line_numbers_and_caption_marks() -> None:
    d = _doc("02-land-and-environment-court.pdf")
    lines = d.text.split("\n")
    assert not any(x.strip().isdigit() for x in lines)  # the margin's 1 to 28, on each page
    assert not any(x.startswith(")") or x.endswith(")") for x in lines[:12])  # the caption's divider
    assert "- 1 -" not in d.text and "ORDER GRANTING INTERIM INJUNCTION \u2013" not in d.text  # footer, page number
    assert lines[0] == "LAND AND ENVIRONMENT COURT OF NORVALLE"
    # a paragraph cut by the page break runs on (its second half starts with a capital: a name)
    assert "pipelines at Gullhaven\nPoint for sixty days" in d.text
    assert d.date == "2026-05-14" and d.title is None  # (no title in its info: the clean stage looks for one)


def test_an_e_paper_page_is_read_column_by_column() -> None:
    """The page is drawn row by row across its two columns: it is read down the left column, then the right one;
    the headline across both stays on top; the caption, the brief and the ad in small type are not the story."""
    d = _doc("03-the-veyra-tidings.pdf")
    assert d.title == "Court halts work on desalination pipes"  # (the info's title is a file name; the largest type)
    text = d.text
    assert text.index("Court halts work") < text.index("PORT VEYRA \u2013 Construction")
    assert "would carry seawater to the peninsula's new desalin-\nation plant" in text  # (clean rejoins the word)
    assert "said about 140\npipeline workers would be moved" in text  # (the left column's foot, the right's head)
    for small in ("Photo: Tidings", "Library hours", "ADVERTISEMENT", "Page 1"):
        assert small not in text, small


def test_the_cleaned_pdfs_read_as_prose() -> None:
    from newsfuse.clean import clean_documents

    docs = {d.id: d for d in clean_documents(load_inputs([str(VEYRA)]))}
    paper = docs["03-the-veyra-tidings"].text
    assert "the peninsula's new desalination plant must stop for sixty days" in paper
    assert "VEYRA TIDINGS" not in paper and "By Solveig" not in paper and "Aune Marine" not in paper
    release = docs["01-ministry-of-water-and-infrastructure"].text
    assert "Press Office" not in release and "Notes to editors" not in release and "Tel." not in release
    assert release.startswith("The Ministry of Water and Infrastructure has received the interim order")
    court = docs["02-land-and-environment-court"].text
    assert court.startswith("The application of the Port Veyra Fishers' Cooperative")
    assert "at Gullhaven Point for sixty days from the date of this order." in court


@pytest.mark.parametrize("title, usable", [
    ("TVT_20260515_p01", False), ("Microsoft Word - release 14 May.docx", False), ("Untitled", False), ("", False),
    ("press_release_final2", False), ("Document1", False),
    ("Ministry to appeal court order", True), ("Annual Report 2025", True),
])
def test_a_metadata_title_is_taken_only_when_it_is_a_title(title: str, usable: bool) -> None:
    assert (usable_title(title) is not None) == usable


# hostile PDFs: each one line

def _encrypted_pdf() -> bytes:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=io.BytesIO((VEYRA / "01-ministry-of-water-and-infrastructure.pdf").read_bytes()))
    writer.encrypt("secret", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def _scan_pdf() -> bytes:
    """A page that is only an image (a 1 x 1 grey pixel drawn over the page): no text layer."""
    body = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 4 0 R >> >> "
            b"/Contents 5 0 R >>",
            b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 "
            b"/Length 1 >>\nstream\n\x80\nendstream",
            b"<< /Length 34 >>\nstream\nq 612 0 0 792 0 0 cm /Im1 Do Q\nendstream"]
    assert len(body) == 5
    return _pdf_of(body)


GOOD_PDF = (VEYRA / "01-ministry-of-water-and-infrastructure.pdf").read_bytes()
HOSTILE = {
    "encrypted.pdf": (_encrypted_pdf, "encrypted PDF: it needs a password"),
    "corrupt.pdf": (lambda: b"%PDF-1.7\n" + bytes(range(256)) * 40, "not a readable PDF"),
    "truncated.pdf": (lambda: GOOD_PDF[: len(GOOD_PDF) // 3], "not a readable PDF"),
    "scan.pdf": (_scan_pdf, "no text layer (a scanned image?); run OCR first"),
    "empty.pdf": (lambda: b"", "is not a PDF (it does not start with %PDF-)"),
    "not-really.pdf": (lambda: b"<html><body>404 Not Found</body></html>", "is not a PDF"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_bad_pdf_is_one_line(tmp_path: Path, name: str) -> None:
    make, message = HOSTILE[name]
    with pytest.raises(InputError) as e:
        load_inputs([str(_write(tmp_path, name, make()))])
    assert message in str(e.value) and "\n" not in str(e.value)


def _write(folder: Path, name: str, data: bytes) -> Path:
    p = folder / name
    p.write_bytes(data)
    return p


@pytest.mark.parametrize("name", list(HOSTILE))
def test_the_cli_says_a_bad_pdf_alone_in_one_line_and_exits_2(capsys, tmp_path: Path, name: str) -> None:
    make, message = HOSTILE[name]
    code, out, err = run(capsys, "summarize", str(_write(tmp_path, name, make())))
    assert code == 2 and not out
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err, err


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_bad_pdf_beside_good_files_is_skipped_with_a_warning(capsys, tmp_path: Path, name: str) -> None:
    make, message = HOSTILE[name]
    bad = _write(tmp_path, name, make())
    code, out, err = run(capsys, "summarize", str(bad), str(VEYRA / "05-saltmarsh-daily.html"),
                         str(VEYRA / "04-coastline-wire.docx"), "--words", "60", "--format", "json")
    assert code == 0, err
    assert "skipped" in err and message in err and "Traceback" not in err
    assert json.loads(out)["stats"]["words"] <= 60


def test_a_pdf_is_known_by_its_content_whatever_its_name(tmp_path: Path) -> None:
    [d] = load_inputs([str(_write(tmp_path, "release.txt", GOOD_PDF))])
    assert d.title and d.title.startswith("Ministry to appeal") and "Page 1 of 2" not in d.text


def test_a_pdf_on_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    class Stdin(io.TextIOWrapper):
        pass

    stdin = Stdin(io.BytesIO(GOOD_PDF), encoding="utf-8")
    [d] = load_inputs(["-"], stdin=stdin)
    assert "will comply with the" in d.text


def test_only_the_first_pages_of_a_long_pdf_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsfuse.pdf_text as pdf_text

    monkeypatch.setattr(pdf_text, "MAX_PAGES", 1)
    said: list[str] = []
    got = read_pdf(GOOD_PDF, "release.pdf", said.append)
    assert said == ["release.pdf has 2 pages: reading only the first 1"]
    assert "every study it asks for" in got.text and "fourteen days" not in got.text


def test_five_megabytes_of_garbage_after_the_pdf_header_is_one_line_in_seconds() -> None:
    import random

    rng = random.Random(1)
    junk = b"%PDF-1.7\n" + b"".join(rng.choice([b"obj ", b"<< ", b"[ ", b"(", b"stream\n", b"xref ", b"0 ", b"R "])
                                   for _ in range(1_000_000))
    junk = junk[:5_000_000]
    start = time.monotonic()
    with pytest.raises(InputError) as e:
        read_pdf(junk, "junk.pdf", print)
    assert time.monotonic() - start < HANG
    assert "\n" not in str(e.value)



def _pdf_of(body: list[bytes]) -> bytes:
    """A PDF file of ``body``'s objects (numbered from 1, the first the catalog), with its cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, b in enumerate(body, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, b)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(body) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(body) + 1, xref)
    return bytes(out)


def shared_stream_pdf(pages: int, runs: int) -> bytes:
    """A hostile PDF: one small compressed content stream of ``runs`` text runs drawn on each of ``pages`` pages (pypdf
    parses it again for every page)."""
    import zlib

    content = b"".join(b"BT /F1 9 Tf %d %d Td (w%d) Tj ET\n" % (i % 600, i // 600 % 800, i % 7) for i in range(runs))
    stream = zlib.compress(content, 9)
    body = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (5 + k) for k in range(pages)) + b"] /Count %d >>" % pages,
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    body += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
             b"/Contents 4 0 R >>"] * pages
    return _pdf_of(body)


def test_a_small_pdf_whose_pages_share_one_huge_content_stream_stops_at_the_content_cap(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # (200 pages of 60,000 runs, a 187 kB file, took 8 minutes before the cap; here 200 pages of 10,000 runs, about
    # 0.4 s each, would take over a minute)
    import newsfuse.pdf_text as pdf_text

    monkeypatch.setattr(pdf_text, "MAX_CONTENT_BYTES", 1_000_000)
    said: list[str] = []
    start = time.monotonic()
    got = read_pdf(shared_stream_pdf(200, 10_000), "hostile.pdf", said.append)
    assert time.monotonic() - start < 15
    assert said == ["hostile.pdf holds more than 1 MB of drawing instructions: reading only its first 3 pages"]
    assert isinstance(got.text, str)


def test_a_pdf_whose_every_page_is_over_the_page_content_cap_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsfuse.pdf_text as pdf_text

    monkeypatch.setattr(pdf_text, "MAX_PAGE_CONTENT_BYTES", 100_000)
    said: list[str] = []
    with pytest.raises(InputError) as e:
        read_pdf(shared_stream_pdf(3, 10_000), "hostile.pdf", said.append)
    assert "drawing instructions are too large" in str(e.value) and "\n" not in str(e.value)
    assert said == [f"hostile.pdf: page {n} holds 0.3 MB of drawing instructions (more than 0.1 MB): not read"
                    for n in (1, 2, 3)]


def form_pdf(pages: int, draws: int, runs: int) -> bytes:
    """A hostile PDF: every page draws one form (an XObject) of ``runs`` text runs ``draws`` times (pypdf parses the
    form again at every draw)."""
    import zlib

    form = zlib.compress(b"".join(b"BT /F1 9 Tf %d %d Td (w%d) Tj ET\n" % (i % 600, i // 600 % 800, i % 7)
                                  for i in range(runs)), 9)
    page = zlib.compress(b"q /Fm1 Do Q\n" * draws, 9)
    body = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (6 + k) for k in range(pages)) + b"] /Count %d >>" % pages,
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Length %d "
            b"/Filter /FlateDecode >>\nstream\n" % len(form) + form + b"\nendstream",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(page) + page + b"\nendstream"]
    body += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> /XObject "
             b"<< /Fm1 4 0 R >> >> /Contents 5 0 R >>"] * pages
    return _pdf_of(body)


def test_a_small_pdf_drawing_one_form_over_and_over_stops_at_the_operation_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    # (a 43 kB file of 200 pages drawing a 2,000-run form 20,000 times each would take hours; 200 pages of 200 draws of
    # a 200-run form here, about 4 minutes without the cap)
    import newsfuse.pdf_text as pdf_text

    monkeypatch.setattr(pdf_text, "MAX_OPERATIONS", 100_000)
    said: list[str] = []
    start = time.monotonic()
    read_pdf(form_pdf(200, 200, 200), "forms.pdf", said.append)
    assert time.monotonic() - start < 15
    assert said == ["forms.pdf holds more than 100,000 drawing operations: reading only its first 1 page"]


def test_a_pdf_whose_first_ten_pages_cannot_be_decoded_is_not_read_further(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsfuse.pdf_text as pdf_text

    calls: list[int] = []

    def broken(page: object, budget: object = None) -> list[object]:
        calls.append(1)
        raise ValueError("a decompression bomb")

    monkeypatch.setattr(pdf_text, "_page_runs", broken)
    with pytest.raises(InputError, match="its pages' content cannot be decoded"):
        read_pdf(shared_stream_pdf(200, 10), "bombs.pdf", print)
    assert len(calls) == pdf_text.MAX_FAILED_PAGES == 10


# --- Word and OpenDocument -----------------------------------------------------------------------------------------


def test_a_stringers_docx_with_its_tracked_changes_accepted() -> None:
    d = _doc("04-coastline-wire.docx")
    assert d.title == "Fishers win pause in fight over Port Veyra desalination plant"  # (the Title style's: core.xml's is empty)
    assert d.date == "2026-05-15" and d.source == "Coastline Wire"
    assert "ordered a sixty-day halt" in d.text and "two-month" not in d.text  # an insertion kept, a deletion dropped
    assert "which represents 212 fishing households" in d.text and "about 200" not in d.text
    assert "fishers were happy" not in d.text and "would cost nothing" not in d.text
    assert "Port Veyra has been under water restrictions since March 2." in d.text  # an inserted paragraph
    for dropped in ("Check the distance", "Figure from the order", "STRINGER COPY", "555 98 76"):  # comment, footnote,
        assert dropped not in d.text, dropped  # header, footer
    paragraphs = d.text.split("\n\n")
    assert paragraphs[2].startswith("PORT VEYRA, Norvalle") and paragraphs[-1].startswith("ENDS")  # in order


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(document: str, extra: dict[str, bytes] | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", document)
        for k, v in (extra or {}).items():
            z.writestr(k, v)
    return buf.getvalue()


def _body(*paragraphs: str) -> str:
    return f'<?xml version="1.0"?><w:document {W}><w:body>{"".join(paragraphs)}</w:body></w:document>'


def test_a_docx_paragraph_whose_mark_was_deleted_runs_on_and_field_codes_and_text_boxes_go() -> None:
    doc = _body(
        '<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="x"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">The council '
        "met </w:t></w:r></w:p>",
        '<w:p><w:r><w:t>on Tuesday.</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE '
        '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
        '<w:p><w:r><w:t>The vote was 5</w:t></w:r><w:r><w:tab/><w:t>to 2.</w:t></w:r><w:r><w:drawing><w:txbxContent>'
        "<w:p><w:r><w:t>PULL QUOTE</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r></w:p>",
        '<w:p><w:moveFrom w:id="2"><w:r><w:t>Moved away.</w:t></w:r></w:moveFrom></w:p>')
    got = read_office(_docx(doc), "x.docx")
    assert got.text == "The council met on Tuesday.\n\nThe vote was 5 to 2."


def test_an_odt_with_its_tracked_changes_and_notes() -> None:
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
          'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:"')
    content = (f'<?xml version="1.0"?><office:document-content {ns}><office:body><office:text>'
               '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>old words</text:p>'
               '</text:deletion></text:changed-region></text:tracked-changes>'
               '<text:h text:outline-level="1">Harbour fees rise</text:h>'
               '<text:p>The port <text:span>raised</text:span><text:s/>its fees<text:note><text:note-body><text:p>A '
               'footnote.</text:p></text:note-body></text:note> on <text:change text:change-id="c1"/>Monday.'
               '<office:annotation><text:p>Check this</text:p></office:annotation></text:p>'
               '</office:text></office:body></office:document-content>')
    meta = (f'<?xml version="1.0"?><office:document-meta {ns}><office:meta><meta:creation-date>2026-05-15T08:00:00'
            '</meta:creation-date></office:meta></office:document-meta>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", content)
        z.writestr("meta.xml", meta)
    got = read_office(buf.getvalue(), "x.odt")
    assert got.text == "Harbour fees rise\n\nThe port raised its fees on Monday."
    assert got.title == "Harbour fees rise" and got.date == "2026-05-15"


def _bomb() -> bytes:
    import newsfuse.office_text as office_text

    return _docx(_body("<w:p><w:r><w:t>" + "a" * (office_text.MAX_PART_BYTES + 10) + "</w:t></w:r></w:p>"))


ENTITY_DOC = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
              f'<w:document {W}><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>')
BAD_WORD = {
    "corrupt.docx": (lambda: b"PK\x03\x04" + bytes(range(256)) * 20, "not a readable Word file"),
    "truncated.docx": (lambda: (VEYRA / "04-coastline-wire.docx").read_bytes()[:900], "not a readable Word file"),
    "entity.docx": (lambda: _docx(ENTITY_DOC), "declares a DTD or entities"),
    "bomb.docx": (_bomb, "(a ZIP bomb?)"),
    "not-word.docx": (lambda: _zip_of_text(), "a ZIP archive, not a Word"),
    # (an OpenDocument file without its mimetype member: a KeyError, "internal error", before)
    "no-mimetype.odt": (lambda: _zip_of_text("content.xml"), "a ZIP archive, not a Word"),
    # (a damaged byte asking for ZIP version 8.4: zipfile's NotImplementedError, "internal error", before)
    "zip-version.docx": (lambda: _needs_zip_version((VEYRA / "04-coastline-wire.docx").read_bytes(), 84),
                         "not a readable Word file"),
    "plain.docx": (lambda: b"The council met on Tuesday.", "not a Word or OpenDocument file"),
    "bad-xml.docx": (lambda: _docx(f"<w:document {W}><w:body><w:p>"), "not well-formed XML"),
    # (expat's LookupError and ValueError on such names: "internal error" before)
    "rot13.docx": (lambda: _docx(f'<?xml version="1.0" encoding="rot13"?><w:document {W}/>'), "declares an encoding"),
    "unknown.docx": (lambda: _docx(f'<?xml version="1.0" encoding="UTFx-8"?><w:document {W}/>'), "declares an encoding"),
    "utf-7.docx": (lambda: _docx(f'<?xml version="1.0" encoding="utf-7"?><w:document {W}/>'), "declares an encoding"),
    "empty.docx": (lambda: _docx(_body("<w:p></w:p>")), "a Word file with no text"),
}


def _needs_zip_version(data: bytes, version: int) -> bytes:
    """``data`` (a ZIP archive) with its first central directory entry saying it needs ZIP ``version`` to unpack."""
    at = data.index(b"PK\x01\x02") + 6
    return data[:at] + bytes([version, 0]) + data[at + 2:]


def _zip_of_text(member: str = "story.txt") -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(member, "The council met on Tuesday.")
    return buf.getvalue()


@pytest.fixture
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsfuse.office_text as office_text

    monkeypatch.setattr(office_text, "MAX_PART_BYTES", 200_000)  # (the bomb test unpacks a fraction of 50 MB)


@pytest.mark.parametrize("name", list(BAD_WORD))
def test_the_cli_says_a_bad_word_file_alone_in_one_line_and_exits_2(capsys, tmp_path: Path, small_parts: None,
                                                                   name: str) -> None:
    make, message = BAD_WORD[name]
    code, out, err = run(capsys, "summarize", str(_write(tmp_path, name, make())))
    assert code == 2 and not out
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err, err


@pytest.mark.parametrize("name", ["entity.docx", "bomb.docx", "corrupt.docx"])
def test_a_bad_word_file_beside_good_files_is_skipped_with_a_warning(capsys, tmp_path: Path, small_parts: None,
                                                                     name: str) -> None:
    make, message = BAD_WORD[name]
    code, out, err = run(capsys, "summarize", str(_write(tmp_path, name, make())), str(VEYRA / "05-saltmarsh-daily.html"),
                         str(VEYRA / "01-ministry-of-water-and-infrastructure.pdf"), "--words", "60")
    assert code == 0, err
    assert "skipped" in err and message in err and "Traceback" not in err


def test_a_zip_bomb_stops_at_the_cap_whatever_its_header_says() -> None:
    """50 MB of one letter packs into about 50 kB: reading stops at the cap, not at the end."""
    data = _bomb()
    assert len(data) < 200_000
    start = time.monotonic()
    with pytest.raises(InputError, match="ZIP bomb"):
        read_office(data, "bomb.docx")
    assert time.monotonic() - start < HANG


def test_deeply_nested_or_huge_word_xml_is_read_in_one_pass() -> None:
    deep = _body("<w:p><w:r><w:t>The council met.</w:t></w:r></w:p>" + "<w:sdt>" * 200_000 + "</w:sdt>" * 200_000)
    start = time.monotonic()
    got = read_office(_docx(deep), "deep.docx")
    assert got.text == "The council met." and time.monotonic() - start < HANG
    many = _body("<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 300_000)  # (about 5 MB of XML)
    got = read_office(_docx(many), "many.docx")
    assert got.text.count("x") == 300_000


def test_the_largest_type_is_a_title_only_in_the_pages_top_half() -> None:
    """A manual's title page: its one-word name in the largest type, its authors in larger type than the body at the
    foot of the page: neither is a headline."""
    from newsfuse.pdf_text import _largest_type_title

    body = [(1.2, "This manual describes the library and its functions in some detail.", 10.0)] * 6
    page = [(0.0, "Libtasn1", 20.0), (2.0, "Abstract Syntax Notation One library", 11.0), *body,
            (9.0, "Fabio Fiorina and Simon Josefsson", 14.0)]
    assert _largest_type_title(page) is None
    page = [(0.0, "THE VEYRA TIDINGS", 28.0), (2.0, "Court halts work on desalination pipes", 24.0), *body]
    assert _largest_type_title(page) == "Court halts work on desalination pipes"


def test_a_typeset_pdfs_ligatures_read_as_their_letters(tmp_path: Path) -> None:
    # (the standard encoding's 0xAE is the "fi" ligature: pypdf gives U+FB01, which no other source's "final" matches)
    data = MAKE.pdf([[("F1", 11, 72, 700, "The harbor council's \xaenal vote closed the pier, the of\xaece said."),
                      ("F1", 11, 72, 686, "Engineers \xaerst saw the cracks in March, the council said.")]])
    data = data.replace(b"/WinAnsiEncoding", b"/StandardEncoding")
    d = _write_and_load(tmp_path, "lig.pdf", data)
    assert "final vote" in d.text and "the office said" in d.text and "first saw" in d.text
    assert "\ufb01" not in d.text


def _write_and_load(folder: Path, name: str, data: bytes):
    (folder / name).write_bytes(data)
    [d] = load_inputs([str(folder / name)])
    return d
