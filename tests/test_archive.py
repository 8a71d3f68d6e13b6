"""ZIP archives of a story's files (a press kit) and RTF files: the loader, the CLI's brief, hostile input."""

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
from newsfuse.load import load_files, load_inputs
from newsfuse.rtf_text import read_rtf

ORVEL = Path(__file__).parent / "fixtures" / "orvel-astrolabe"
KIT = ORVEL / "orvel-museum-press-kit.zip"
WIRE = ORVEL / "04-harbour-wire.rtf"


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def zipped(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


STORY = (b"The ferry service to Lindholm Island resumed on Friday after a three-day strike by deckhands, the operator "
         b"said. Talks between the union and the company ended late on Thursday with an agreement on pay.")


def loaded(data: bytes, filename: str = "kit.zip") -> tuple[list, list[str]]:
    notes: list[str] = []
    docs = load_files([(filename, data)], warn=notes.append)
    return docs, notes


def test_fixture_files_are_what_make_fixture_writes(tmp_path: Path) -> None:
    module = make_script(ORVEL / "_make_fixture.py", "orvel_make_fixture")
    module.main(tmp_path)
    assert_same_files(tmp_path, ORVEL, list(module.FILES), ORVEL / "_make_fixture.py")


# --- the loader ---------------------------------------------------------------------------------------------------


def test_press_kit_members_read_as_a_folders_files() -> None:
    notes: list[str] = []
    docs = load_inputs([str(KIT)], warn=notes.append)
    assert [d.id for d in docs] == ["01-orvel-museum-of-navigation", "02-vesterholm-police", "03-orvel-museum-news"]
    by_id = {d.id: d for d in docs}
    release = by_id["01-orvel-museum-of-navigation"]
    assert release.source == "Orvel Museum of Navigation"
    assert release.title == "Stolen Marrow Astrolabe returns to the Orvel Museum"
    assert "has been recovered and is back in the museum's care" in release.text
    police = by_id["02-vesterholm-police"]
    assert police.source == "Vesterholm Police" and police.title.startswith("Statement: stolen astrolabe recovered")
    assert "storage unit in the industrial district of Kallby" in police.text
    page = by_id["03-orvel-museum-news"]
    assert page.is_html and page.source == "Orvel Museum of Navigation" and page.title == "The astrolabe is home"
    # the photo is skipped as a photo in a folder is; __MACOSX/ and .DS_Store pass over in silence
    assert notes == [f"skipped: {KIT}/Orvel Museum press kit/photos/astrolabe-returned.jpg is a binary or "
                     "undecodable file, not text"]


def test_rtf_wire_copy() -> None:
    (doc,) = load_inputs([str(WIRE)])
    assert doc.id == "04-harbour-wire" and doc.source == "Harbour Wire"
    assert doc.title == "Stolen 16th-century astrolabe found in storage unit, returned to museum"
    assert doc.date == "2026-09-22"
    text = doc.text
    assert text.startswith("Stolen 16th-century astrolabe found in storage unit, returned to museum\n\nBy Niels Arvesen")
    assert "VESTERHOLM, Sept 22 (Harbour Wire) \u2013 A 455-year-old brass astrolabe" in text
    assert "Navigation\u2019s Harbour Gallery" in text and "\u201cThis is the best news" in text
    assert "Caf\u00e9 owners" in text and "M\u00e5rten Holm)" in text  # (\'e9 in cp1252; \u229? with its "?" skipped)
    for furniture in ("Times New Roman", "Riched20", "Normal;", "FOR SUBSCRIBERS", "Copyright 2026", "Desk: check",
                      "Harbour Wire desk", "bkmk"):
        assert furniture not in text, furniture


def test_rtf_reader_details() -> None:
    r = read_rtf(rb"{\rtf1\ansi\ansicpg1251{\fonttbl{\f0 Arial;}}{\*\unknown hidden}\uc2 a\u1040??b\'c0 "
                 rb"{\field{\*\fldinst HYPERLINK x}{\fldrslt link words}}\tab c\line d\~e\-f\_g\par"
                 rb"\trowd\cellx100\cellx200 Name\cell Value\cell\row}", "t")
    assert r.text == "a\u0410b\u0410 link words c\nd ef\u2011g\n\nName\n\nValue"  # (a no-break space as a space)
    assert r.title is None and r.date is None


def test_a_docx_stays_a_docx_and_a_renamed_one_too() -> None:
    docx = (Path(__file__).parent / "fixtures" / "veyra-plant" / "04-coastline-wire.docx").read_bytes()
    for name in ("04-coastline-wire.docx", "04-coastline-wire"):
        (doc,) = loaded(docx, name)[0]
        assert doc.id == "04-coastline-wire" and "Port Veyra" in doc.text


def test_archive_without_zip_suffix_is_sniffed() -> None:
    docs, _ = loaded(zipped({"01-lindholm-post.txt": STORY}), "attachment")
    assert [d.id for d in docs] == ["01-lindholm-post"] and docs[0].source == "Lindholm Post"


def test_archive_order_flattening_and_skips() -> None:
    docs, notes = loaded(zipped({"b/02-second.txt": STORY, "a/deep/01-first.txt": STORY, "README.txt": b"x",
                                 ".hidden.txt": STORY, "_notes.txt": STORY, "__MACOSX/a/._01-first.txt": b"\0\5",
                                 ".git/config.txt": STORY, "LICENSE": b"CC0", "c/": b""}))
    assert [d.id for d in docs] == ["01-first", "02-second"]
    assert notes == []


def test_stdin_archive(capsys, monkeypatch) -> None:
    class Stdin:
        buffer = io.BytesIO(zipped({"lindholm-post.txt": STORY}))

    monkeypatch.setattr("sys.stdin", Stdin())
    code, out, err = run(capsys, "summarize", "-", "--format", "json")
    assert code == 0, err
    assert json.loads(out)["sources"][0]["name"] == "Lindholm Post"


# --- hostile archives: one line each, fast ------------------------------------------------------------------------


def one_line_error(capsys, tmp_path: Path, name: str, data: bytes) -> str:
    p = tmp_path / name
    p.write_bytes(data)
    t = time.monotonic()
    code, out, err = run(capsys, "summarize", str(p))
    assert time.monotonic() - t < 10
    assert code != 0 and out == "" and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    return err


def test_zip_bomb(capsys, tmp_path: Path) -> None:
    bomb = zipped({f"{i:02d}.txt": b"\0" * 30_000_000 for i in range(3)})
    assert len(bomb) < 200_000
    err = one_line_error(capsys, tmp_path, "bomb.zip", bomb)
    assert "ZIP bomb" in err


def test_many_members(capsys, tmp_path: Path) -> None:
    err = one_line_error(capsys, tmp_path, "many.zip", zipped({f"{i:05d}.txt": b"x" for i in range(10_000)},
                                                              zipfile.ZIP_STORED))
    assert "holds 10,000 files, more than 1,000" in err


def test_total_size_cap(monkeypatch) -> None:
    import newsfuse.archive as archive

    monkeypatch.setattr(archive, "MAX_TOTAL_BYTES", 300)
    docs, notes = loaded(zipped({"a-one.txt": STORY, "b-two.txt": STORY, "c-three.txt": STORY}))
    assert [d.id for d in docs] == ["a-one"]  # (the second is not read cut short)
    assert notes == ["kit.zip unpacks to more than 0 MB: its files from b-two.txt on are not read"]


def test_dotdot_and_absolute_names_are_read_in_memory(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    docs, _ = loaded(zipped({"../../escape-post.txt": STORY, "/abs/absolute-post.txt": STORY,
                             "..\\..\\windows-post.txt": STORY}))
    assert sorted(d.id for d in docs) == ["absolute-post", "escape-post", "windows-post"]
    assert list(tmp_path.iterdir()) == [] and not (tmp_path.parent / "escape-post.txt").exists()


def test_encrypted_member(capsys, tmp_path: Path) -> None:
    data = bytearray(zipped({"secret.txt": STORY}, zipfile.ZIP_STORED))
    # set the "encrypted" flag in the local header and the central directory (as zip -e does)
    for sig, off in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        i = data.find(sig)
        data[i + off] |= 1
    err = one_line_error(capsys, tmp_path, "locked.zip", bytes(data))
    assert "secret.txt is encrypted: not read" in err


def test_corrupt_and_empty_archives(capsys, tmp_path: Path) -> None:
    good = zipped({"a.txt": STORY})
    err = one_line_error(capsys, tmp_path, "cut.zip", good[: len(good) // 2])
    assert "not a readable ZIP archive" in err
    err = one_line_error(capsys, tmp_path, "empty.zip", zipped({}))
    assert "empty ZIP archive" in err
    err = one_line_error(capsys, tmp_path, "junk.zip", b"not a zip at all")
    assert "not a readable ZIP archive" in err


def test_damaged_member_is_skipped_with_others_read() -> None:
    data = bytearray(zipped({"a-post.txt": STORY, "b-post.txt": STORY}, zipfile.ZIP_STORED))
    i = data.find(b"Lindholm")  # corrupt the first member's bytes: its CRC no longer matches
    data[i] ^= 0x20
    docs, notes = loaded(bytes(data))
    assert [d.id for d in docs] == ["b-post"]
    assert notes and "a-post.txt cannot be unpacked" in notes[0]


def test_nested_zip_is_named_not_opened(capsys, tmp_path: Path) -> None:
    inner = zipped({"inner-post.txt": STORY})
    docs, notes = loaded(zipped({"a-post.txt": STORY, "more.zip": inner, "sniffed.bin": inner}))
    assert [d.id for d in docs] == ["a-post"]
    assert notes == ["skipped: kit.zip/more.zip is a ZIP archive inside an archive: not opened",
                     "skipped: kit.zip/sniffed.bin is a ZIP archive inside an archive: not opened"]
    err = one_line_error(capsys, tmp_path, "only-nested.zip", zipped({"more.zip": inner}))
    assert "inside an archive" in err


# --- hostile RTF: linear, one line --------------------------------------------------------------------------------

N = 5_000_000


@pytest.mark.parametrize("body", [b"{" * N + b"text", b"}" * N + b"text", b"\\'" * (N // 2) + b"x",
                                  b"\\'e9" * (N // 4), b"{\\*" * (N // 3) + b"x", b"\\u233?" * (N // 6),
                                  b"\\" * N + b"x", b"\\par" * (N // 4) + b"x", b"{\\bin5 ab" * (N // 8) + b"x"])
def test_rtf_hostile_input_is_linear(body: bytes) -> None:
    t = time.monotonic()
    try:
        read_rtf(b"{\\rtf1 " + body, "x.rtf")
    except InputError:
        pass
    assert time.monotonic() - t < 6


def test_rtf_unbalanced_and_binary(capsys, tmp_path: Path) -> None:
    r = read_rtf(b"{\\rtf1 {\\b Lindholm ferry {{ resumed.\\par And more", "x")
    assert r.text == "Lindholm ferry resumed.\n\nAnd more"
    r = read_rtf(b"{\\rtf1 Before}} }}} after\\par", "x")
    assert "Before" in r.text
    r = read_rtf(b"{\\rtf1 {\\pict\\bin6 }{\\}\\x} Visible text.\\par}", "x")
    assert r.text == "Visible text."
    r = read_rtf(b"{\\rtf1 x\\bin99999999999 \x00\x01 tail}", "x")
    assert r.text == "x"
    err = one_line_error(capsys, tmp_path, "empty.rtf", b"{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}}")
    assert "RTF file with no text" in err
    err = one_line_error(capsys, tmp_path, "bin.rtf", b"{\\rtf1 {\\pict\\bin4 \xff\xfe\x00\x01}}")
    assert "RTF file with no text" in err


def test_rtf_suffix_on_plain_text_is_read_as_text() -> None:
    docs, _ = loaded(STORY, "lindholm-post.rtf")
    assert docs[0].id == "lindholm-post" and docs[0].text.startswith("The ferry service")


# --- the CLI's brief ----------------------------------------------------------------------------------------------

CLUTTER = ["PRESS RELEASE", "immediate release", "Media contact", "- ends -", "Notes to editors", "Page 1",  # PDF
           "Ends.", "Art and Antiquities Unit \u2013",  # Word
           "Open today", "Share:", "More news", "newsletter", "Photo:", "\u00a9",  # HTML
           "FOR SUBSCRIBERS", "Copyright", "By Niels", "Reporting by", "Desk:", "Times New Roman",  # RTF
           "ADVERTISEMENT", "Read more", "Share this", "(c)"]  # text


@pytest.mark.parametrize("words", [80, 120, 250])
def test_orvel_brief_cites_zipped_documents_and_rtf(capsys, words: int) -> None:
    code, out, err = run(capsys, "summarize", str(ORVEL), "--words", str(words), "--format", "json")
    assert code == 0, err
    assert "astrolabe-returned.jpg is a binary" in err and "__MACOSX" not in err and "DS_Store" not in err
    data = json.loads(out)
    assert data["stats"]["words"] <= words and data["stats"]["documents"] == 5
    for c in CLUTTER:
        assert c not in data["summary"], c
    texts = {d.id: " ".join(d.text.split()) for d in load_inputs([str(ORVEL)])}
    for s in data["sentences"]:
        assert " ".join(s["text"].split()) in texts[s["origin"]] or s["origin"] == "03-orvel-museum-news", s
    names = {src["name"] for src in data["sources"]}
    assert {"Orvel Museum of Navigation", "Vesterholm Police", "Harbour Wire", "Vesterholm Courier"} <= names
    cited = {o for s in data["sentences"] for o in s["sources"]}
    assert len(cited) >= 4
    titles = {src["name"]: src["title"] for src in data["sources"]}
    assert titles["Harbour Wire"] == "Stolen 16th-century astrolabe found in storage unit, returned to museum"
    assert titles["Vesterholm Police"] == "Statement: stolen astrolabe recovered, two people charged"
    assert "astrolabe" in data["summary"]
    # "On Saturday they were charged ..." (who?) is quoted only after the sentence that says who
    texts_in_brief = [s["text"] for s in data["sentences"]]
    for k, t in enumerate(texts_in_brief):
        if t.startswith("On Saturday they"):
            assert k > 0 and texts_in_brief[k - 1].startswith("Two men, aged 34 and 51"), texts_in_brief
