"""Stage 1, load: every input kind, every bad input, big and many inputs."""

from __future__ import annotations

import gzip
import io
import json
import logging
import time
from pathlib import Path

import pytest

from newsfuse import load
from newsfuse.errors import InputError
from newsfuse.load import cluster_from_json, load_inputs, outlet_from_stem, read_clusters, to_document

FIXTURES = Path(__file__).parent / "fixtures" / "millbrook"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "lakeport-bridge"

STORY = "A water main burst under Elm Avenue on Monday evening, cutting off water to about 3,000 homes.\n"
PAGE = (
    "<!DOCTYPE html><html><head><meta property='og:site_name' content='Valley Radio'>"
    "<meta name='date' content='2025-05-06'><title>Pipe breaks</title></head>"
    "<body><p>" + STORY + "</p></body></html>"
)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# --- each input kind ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "is_html", "source"),
    [
        ("gazette.txt", STORY, False, "Gazette"),
        ("page.html", PAGE, True, "Valley Radio"),
        ("page.htm", PAGE, True, "Valley Radio"),
        ("sniffed.txt", PAGE, True, "Valley Radio"),  # HTML found by sniffing, whatever the suffix
        ("noext", "<html><body><p>" + STORY + "</p></body></html>", True, "Noext"),
        ("03-county-wire.md", STORY, False, "County Wire"),
        ("000_de07a70556f734c4.txt", STORY, False, "000_de07a70556f734c4"),
    ],
)
def test_single_file_kinds(tmp_path: Path, name: str, content: str, is_html: bool, source: str) -> None:
    [doc] = load_inputs([str(write(tmp_path / name, content))])
    assert doc.is_html is is_html
    assert doc.source == source
    assert "Elm Avenue" in doc.text


def test_html_metadata_title_and_date(tmp_path: Path) -> None:
    [doc] = load_inputs([str(write(tmp_path / "p.html", PAGE))])
    assert (doc.title, doc.date, doc.id) == ("Pipe breaks", "2025-05-06", "p")


def test_directory_sorted_hidden_and_readme_skipped(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "Second outlet. " + STORY)
    write(tmp_path / "a.txt", "First outlet. " + STORY)
    write(tmp_path / ".hidden.txt", "hidden " + STORY)
    write(tmp_path / "README.md", "About these files.\n")
    (tmp_path / "sub").mkdir()
    docs = load_inputs([str(tmp_path)])
    assert [d.id for d in docs] == ["a", "b"]


def test_example_cluster_directory() -> None:
    docs = load_inputs([str(EXAMPLE)])
    assert [d.source for d in docs] == [
        "Lakeport Ledger", "Harbor Daily News", "Channel 7 Lakeport", "Great Lakes Wire", "Northshore Courier",
    ]
    assert [d.is_html for d in docs] == [False, True, False, False, False]


def test_fixture_directory() -> None:
    docs = load_inputs([str(FIXTURES)])
    assert [d.id for d in docs] == ["01-millbrook-gazette", "02-valley-radio", "03-county-wire"]
    assert docs[1].source == "Valley Public Radio" and docs[1].date == "2025-05-06"


def cluster(cid: str, n: int = 2) -> dict[str, object]:
    return {"id": cid, "documents": [{"text": f"Outlet {i} says {STORY}", "source": f"Outlet {i}"} for i in range(n)]}


def test_json_single_cluster(tmp_path: Path) -> None:
    docs = load_inputs([str(write(tmp_path / "c.json", json.dumps(cluster("x", 3))))])
    assert [d.source for d in docs] == ["Outlet 0", "Outlet 1", "Outlet 2"]


def test_json_list_of_clusters_needs_pick(tmp_path: Path) -> None:
    p = write(tmp_path / "c.json", json.dumps([cluster("x"), cluster("y", 3)]))
    with pytest.raises(InputError, match=r"2 clusters in .*c\.json: pick one with --cluster ID \(first ids: x, y\)"):
        load_inputs([str(p)])
    assert len(load_inputs([str(p)], cluster="y")) == 3


def test_json_list_of_strings_is_one_cluster(tmp_path: Path) -> None:
    docs = load_inputs([str(write(tmp_path / "c.json", json.dumps(["One. " + STORY, "Two. " + STORY])))])
    assert [d.id for d in docs] == ["d1", "d2"]


@pytest.mark.parametrize("gz", [False, True])
def test_jsonl_many_clusters(tmp_path: Path, gz: bool) -> None:
    lines = "".join(json.dumps(cluster(f"c{i}", i + 1)) + "\n" for i in range(7))
    p = tmp_path / ("all.jsonl.gz" if gz else "all.jsonl")
    if gz:
        with gzip.open(p, "wt", encoding="utf-8") as fh:
            fh.write(lines)
    else:
        write(p, lines)
    with pytest.raises(InputError, match=r"^7 clusters in .*: pick one with --cluster ID \(first ids: c0, c1, c2, c3, c4\)$"):
        load_inputs([str(p)])
    assert len(load_inputs([str(p)], cluster="c4")) == 5
    with pytest.raises(InputError, match="no cluster with id 'zz'"):
        load_inputs([str(p)], cluster="zz")


def test_jsonl_listing_survives_a_bad_later_cluster(tmp_path: Path) -> None:
    """Without --cluster, a multi-cluster file asks to pick one, even when a later line is not a good cluster."""
    lines = [json.dumps(cluster("a")), json.dumps({"id": "b", "documents": [123]}), "[1, 2]", json.dumps(cluster("d"))]
    p = write(tmp_path / "mixed.jsonl", "\n".join(lines) + "\n")
    with pytest.raises(InputError, match=r"^4 clusters in .*: pick one with --cluster ID \(first ids: a, b, line-3, d\)$"):
        load_inputs([str(p)])
    assert [d.source for d in load_inputs([str(p)], cluster="d")] == ["Outlet 0", "Outlet 1"]


def test_jsonl_single_cluster_strings_get_ids_and_sources(tmp_path: Path) -> None:
    p = write(tmp_path / "one.jsonl", json.dumps({"id": "a", "documents": ["x " + STORY, {"text": STORY, "url": "https://www.example.org/a"}]}) + "\n")
    docs = load_inputs([str(p)])
    assert [(d.id, d.source) for d in docs] == [("d1", "d1"), ("d2", "example.org")]


def test_example_jsonl_matches_directory() -> None:
    docs = load_inputs([str(EXAMPLE.parent / "lakeport.jsonl")])
    assert [d.source for d in docs][0] == "Lakeport Ledger" and len(docs) == 5
    assert docs[1].is_html


def test_multinews_file(tmp_path: Path) -> None:
    p = write(tmp_path / "mn.txt", "First article. NEWLINE_CHAR Second line. ||||| Second article here. ||||| ")
    docs = load_inputs([str(p)])
    assert [d.id for d in docs] == ["mn-1", "mn-2"]
    assert docs[0].text == "First article. \n Second line."
    assert docs[0].source != docs[1].source


def test_multinews_src_file_with_many_clusters(tmp_path: Path) -> None:
    p = write(tmp_path / "val.src", "a one. ||||| a two.\nb one. ||||| b two. ||||| b three.\n")
    with pytest.raises(InputError, match=r"2 clusters in .*val\.src: pick one with --cluster ID \(first ids: 1, 2\)"):
        load_inputs([str(p)])
    assert len(load_inputs([str(p)], cluster="2")) == 3


def test_stdin_text_and_bytes() -> None:
    [doc] = load_inputs(["-"], stdin=io.StringIO(STORY))
    assert (doc.id, doc.text) == ("stdin", STORY)
    wrapper = io.TextIOWrapper(io.BytesIO("Café owners said the water was back. ".encode("latin-1") * 3), encoding="latin-1")
    [doc] = load_inputs(["-"], stdin=wrapper)
    assert "Café" in doc.text


def test_stdin_json_cluster() -> None:
    docs = load_inputs(["-"], stdin=io.StringIO(json.dumps(cluster("s", 2))))
    assert len(docs) == 2


def test_unique_ids(tmp_path: Path) -> None:
    write(tmp_path / "a" / "story.txt", STORY)
    write(tmp_path / "b" / "story.txt", STORY)
    write(tmp_path / "b" / "story.html", PAGE)
    docs = load_inputs([str(tmp_path / "a"), str(tmp_path / "b")])
    assert [d.id for d in docs] == ["story", "story-2", "story-3"]


# --- bad inputs ------------------------------------------------------------------------------------------


def test_missing_path() -> None:
    with pytest.raises(InputError, match="^no such file or directory: /nonexistent/x.txt$"):
        load_inputs(["/nonexistent/x.txt"])


@pytest.mark.parametrize("content", ["", "   \n\n\t  \n"])
def test_empty_file_is_an_error(tmp_path: Path, content: str) -> None:
    with pytest.raises(InputError, match="empty"):
        load_inputs([str(write(tmp_path / "e.txt", content))])


def test_no_inputs() -> None:
    with pytest.raises(InputError, match="no documents given"):
        load_inputs([])


def test_empty_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="empty directory"):
        load_inputs([str(tmp_path)])


BINARY = bytes(range(256)) * 40


@pytest.mark.parametrize("blob", [BINARY, b"\x89PNG\r\n\x1a\n" + b"\x00\x01\x02" * 500, b"abc\x00def" * 100, bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 300])
def test_binary_file_skipped_with_warning(tmp_path: Path, blob: bytes, caplog: pytest.LogCaptureFixture) -> None:
    write(tmp_path / "a.txt", STORY)
    write(tmp_path / "b.bin", blob)
    with caplog.at_level(logging.WARNING, logger="newsfuse"):
        docs = load_inputs([str(tmp_path)])
    assert [d.id for d in docs] == ["a"]
    assert any("b.bin" in r.getMessage() and "binary" in r.getMessage() for r in caplog.records)


def test_warn_callback(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", STORY)
    write(tmp_path / "b.bin", BINARY)
    said: list[str] = []
    load_inputs([str(tmp_path)], warn=said.append)
    assert len(said) == 1 and said[0].startswith("skipped: ")


def test_all_binary_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "a.bin", BINARY)
    write(tmp_path / "b.bin", BINARY)
    with pytest.raises(InputError, match="no readable documents: .*binary"):
        load_inputs([str(tmp_path)])
    with pytest.raises(InputError, match="a.bin is a binary or undecodable file"):
        load_inputs([str(tmp_path / "a.bin")])


@pytest.mark.parametrize(
    ("raw", "expect"),
    [
        ("Les équipes de la ville ont réparé la conduite à Millbrook, a déclaré la directrice. " * 5, "réparé"),
        ("Straßenbauer öffneten die Hauptleitung unter der Ulmenallee, sagte die Direktorin Müller. " * 5, "Straßenbauer"),
        # one short line: cp1250 and cp1252 tie on it, and "très" must not become "trčs"
        ("Le maire a fermé le pont lundi après avoir trouvé des fissures, très graves.\n", "après avoir trouvé des fissures, très"),
    ],
)
def test_latin1_decoded(tmp_path: Path, raw: str, expect: str) -> None:
    [doc] = load_inputs([str(write(tmp_path / "l.txt", raw.encode("latin-1")))])
    assert expect in doc.text


def test_czech_cp1250_still_decoded(tmp_path: Path) -> None:
    raw = "Starosta uzavřel most v pondělí poté, co inspektoři našli praskliny ve dvou ocelových nosnících.\n"
    [doc] = load_inputs([str(write(tmp_path / "cz.txt", raw.encode("cp1250")))])
    assert "uzavřel most v pondělí" in doc.text


def test_cp1252_quotes_decoded(tmp_path: Path) -> None:
    raw = "“We will fix it,” Park said. It’s the town’s oldest pipe — laid in 1955. " * 4
    [doc] = load_inputs([str(write(tmp_path / "w.txt", raw.encode("cp1252")))])
    assert "“We will fix it,” Park said." in doc.text


@pytest.mark.parametrize(
    ("raw", "enc"),
    [
        # short Windows-1252 and Latin-1 lines the detector read as DOS code pages (cp437, cp850, cp775)
        ("The mayor said “the bridge is closed” on Monday — engineers found cracks. Repairs cost €4 million.\n", "cp1252"),
        ("Café naïve résumé is a Latin-1 file. The mayor said the bridge closed on Monday. Engineers found cracks.\n", "latin-1"),
        # Italian read as Vietnamese cp1258 gave "lunedi" with a combining accent
        ("Il sindaco ha chiuso il ponte lunedì dopo che gli ispettori hanno trovato crepe. La riparazione durerà sei settimane.\n",
         "cp1252"),
        # other Latin code pages still win when clearly better, and other scripts keep their own encodings
        ("Burmistrz zamknął most w poniedziałek po tym, jak inspektorzy znaleźli pęknięcia w dwigarach.\n", "cp1250"),
        ("Вода вернулась в дома жителей Миллбрука во вторник, сообщили в городской администрации.\n", "cp1251"),
        ("Ο δήμαρχος έκλεισε τη γέφυρα τη Δευτέρα αφού οι επιθεωρητές βρήκαν ρωγμές στις δοκούς.\n", "cp1253"),
        ("ミルブルックの水道管が月曜日の夜に破裂し、約三千世帯で断水した。市は火曜日に復旧したと発表した。\n", "shift_jis"),
        ("米尔布鲁克的供水管道周一晚上破裂，约三千户家庭停水。市政府周二表示已恢复供水。\n", "gbk"),
    ],
)
def test_legacy_encodings_decoded(raw: str, enc: str) -> None:
    assert load.decode_bytes(raw.encode(enc)) == raw


def test_utf8_with_a_stray_latin1_byte_stays_utf8(tmp_path: Path) -> None:
    good = "Café owners near the Fulton Street bridge said business dropped after it closed on Monday. "
    raw = (good * 3).encode("utf-8") + "The naïve plan failed.\n".encode("latin-1")
    [doc] = load_inputs([str(write(tmp_path / "m.txt", raw))])
    assert doc.text == good * 3 + "The naïve plan failed.\n"


@pytest.mark.parametrize("enc", ["utf-16", "utf-8-sig"])
def test_bom_encodings(tmp_path: Path, enc: str) -> None:
    [doc] = load_inputs([str(write(tmp_path / "u.txt", ("Ünïcode " + STORY).encode(enc)))])
    assert doc.text.startswith("Ünïcode")


@pytest.mark.parametrize(
    "text",
    [
        "Вода вернулась в дома жителей Миллбрука во вторник, сообщили в городской администрации.\n",
        "米尔布鲁克的供水管道周一晚上破裂，约三千户家庭停水。\n",
        "انفجر أنبوب المياه الرئيسي في ميلبروك مساء الاثنين، وانقطعت المياه عن ثلاثة آلاف منزل.\n",
    ],
)
def test_non_english_utf8(tmp_path: Path, text: str) -> None:
    [doc] = load_inputs([str(write(tmp_path / "x.txt", text))])
    assert doc.text == text


def test_five_megabyte_article(tmp_path: Path) -> None:
    para = "The utility said crews replaced another section of the old cast-iron pipe under Elm Avenue today.\n\n"
    p = write(tmp_path / "big.txt", para * (5_000_000 // len(para)))
    t = time.perf_counter()
    [doc] = load_inputs([str(p)])
    assert time.perf_counter() - t < 60  # a hang guard; load speed is in scripts/bench_limits.py
    assert len(doc.text) > 4_900_000


def test_oversized_file_truncated_with_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "MAX_FILE_BYTES", 10_000)
    p = write(tmp_path / "huge.txt", "Line of the story about the pipe.\n" * 2000)
    said: list[str] = []
    [doc] = load_inputs([str(p)], warn=said.append)
    assert len(doc.text) <= 10_000 and doc.text.endswith("pipe.")
    assert "larger than" in said[0]


def test_oversized_json_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "MAX_JSON_BYTES", 100)
    p = write(tmp_path / "c.json", json.dumps(cluster("x", 5)))
    with pytest.raises(InputError, match="JSONL"):
        load_inputs([str(p)])


def test_thousand_documents(tmp_path: Path) -> None:
    for i in range(1000):
        write(tmp_path / f"doc{i:04d}.txt", f"Outlet {i} reports that the water main under Elm Avenue broke on Monday.\n")
    t = time.perf_counter()
    docs = load_inputs([str(tmp_path)])
    assert time.perf_counter() - t < 5
    assert len(docs) == 1000 and len({d.id for d in docs}) == 1000


@pytest.mark.parametrize(
    ("content", "match"),
    [
        ("{not json", "not valid JSON"),
        ('{"documents": "nope"}', "must be a cluster"),
        ('{"id": 1, "documents": [42]}', "neither a string nor an object"),
    ],
)
def test_bad_json(tmp_path: Path, content: str, match: str) -> None:
    with pytest.raises(InputError, match=match):
        load_inputs([str(write(tmp_path / "bad.json", content))])


# --- helpers kept for others ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stem", "name"),
    [
        ("01-lakeport-ledger", "Lakeport Ledger"),
        ("03-channel-7-lakeport", "Channel 7 Lakeport"),
        ("harbor_daily_news", "Harbor Daily News"),
        ("000_de07a70556f734c4", "000_de07a70556f734c4"),
        ("doc1", "doc1"),
        ("NBC-news", "NBC News"),
        ("04-department-of-public-health-advisory", "Department of Public Health Advisory"),
        ("the-times-of-india", "The Times of India"),
    ],
)
def test_outlet_from_stem(stem: str, name: str) -> None:
    assert outlet_from_stem(stem) == name


def test_to_document_and_cluster_helpers(tmp_path: Path) -> None:
    d = to_document({"text": "t", "source": "S", "title": "", "html": True}, 4)
    assert (d.id, d.source, d.title, d.is_html) == ("d5", "S", None, True)
    c = cluster_from_json({"id": "k", "documents": ["a", "b"], "summary": "s"})
    assert (c.id, len(c.documents), c.summaries) == ("k", 2, ("s",))
    p = write(tmp_path / "x.jsonl", json.dumps(cluster("p")) + "\n\n" + json.dumps(cluster("q")) + "\n")
    assert [c.id for c in read_clusters(p)] == ["p", "q"]


@pytest.mark.parametrize("name", ["bom.jsonl", "ZIPPED.JSONL.GZ"])
def test_every_jsonl_reader_takes_a_bom_and_gzip(tmp_path: Path, name: str) -> None:
    """eval (read_clusters), batch (iter_items) and summarize (load_inputs) read the same files: a
    byte-order mark (Windows editors write one) and an upper-case .GZ suffix are accepted by all three."""
    from newsfuse.batch import iter_items

    body = ("\ufeff" + json.dumps(cluster("p")) + "\n" + json.dumps(cluster("q")) + "\n").encode("utf-8")
    p = write(tmp_path / name, gzip.compress(body) if name.lower().endswith(".gz") else body)
    assert [c.id for c in read_clusters(p)] == ["p", "q"]
    assert [cid for cid, _ in iter_items(p)] == ["p", "q"]
    assert [d.id for d in load_inputs([str(p)], cluster="q")] == [d.id for d in cluster_from_json(cluster("q")).documents]


def test_jsonl_bad_line_ends_eval_but_not_batch(tmp_path: Path) -> None:
    from newsfuse.batch import iter_items

    p = write(tmp_path / "x.jsonl", json.dumps(cluster("p")) + "\n{oops\n[1]\n" + json.dumps(cluster("q")) + "\n")
    items = list(iter_items(p))
    assert [cid for cid, _ in items] == ["p", "line-2", "line-3", "q"]
    assert "line 2 is not valid JSON" in items[1][1] and items[2][1] == "line 3 is not a cluster object"
    with pytest.raises(InputError, match="line 2 is not valid JSON"):
        list(read_clusters(p))


def test_sentence_split_corpora_load() -> None:
    """Documents and references given as lists of sentences (sentence-split corpora), references as objects."""
    sents = ["The council closed the bridge on Tuesday.", "Repairs will take six weeks, the engineer said."]
    c = cluster_from_json({"id": "x", "documents": [sents, {"text": sents, "source": "Ledger"}, "A plain string article."],
                           "summaries": [sents, "One string reference.", {"text": "An object reference."}]})
    assert c.documents[0].text == "The council closed the bridge on Tuesday. Repairs will take six weeks, the engineer said."
    assert c.documents[1].text == c.documents[0].text and c.documents[1].source == "Ledger"
    assert c.summaries == ("The council closed the bridge on Tuesday.\nRepairs will take six weeks, the engineer said.",
                           "One string reference.", "An object reference.")
    paragraphs = [" ".join(["word"] * 50) + ".", " ".join(["other"] * 50) + "."]
    assert "\n\n" in cluster_from_json({"documents": [paragraphs]}).documents[0].text  # paragraphs stay apart
    # one reference given as a list of its sentences under "summary"
    assert cluster_from_json({"documents": ["a b c."], "summary": sents}).summaries == ("\n".join(sents),)
    with pytest.raises(InputError):
        cluster_from_json({"documents": ["a b c."], "summaries": 5})
    with pytest.raises(InputError):
        cluster_from_json({"documents": [[1, 2]]})


# --- hostile JSON: too deep, numbers too long, bad documents, damaged gzip ------------------------------

DEEP = "[" * 100_000 + "]" * 100_000
LONG_NUMBER = "9" * 5000  # past Python's 4,300-digit limit on int() of a string


@pytest.mark.parametrize(
    ("name", "content", "why"),
    [
        ("deep.json", '{"id": "d", "documents": ' + DEEP + "}", "nested too deeply"),
        ("deep.jsonl", '{"id": "d", "documents": ' + DEEP + "}\n", "nested too deeply"),
        ("long.json", '{"id": ' + LONG_NUMBER + ', "documents": ["a"]}', "more than 4300 digits"),
        ("long.jsonl", '{"id": ' + LONG_NUMBER + ', "documents": ["a"]}\n', "more than 4300 digits"),
    ],
)
def test_json_too_deep_or_with_a_huge_number_is_bad_json_not_a_crash(tmp_path: Path, name: str, content: str,
                                                                         why: str) -> None:
    """These made the JSON parser raise RecursionError / ValueError: 'internal error', exit 1."""
    p = write(tmp_path / name, content)
    with pytest.raises(InputError, match=f"{name}.*not valid JSON.*{why}"):
        load_inputs([str(p)])
    if name.endswith(".jsonl"):
        with pytest.raises(InputError, match=f"line 1 is not valid JSON \\(.*{why}"):
            list(read_clusters(p))


def test_a_json_file_cut_short_says_so_without_at_at(tmp_path: Path) -> None:
    p = write(tmp_path / "cut.json", '{"id": "k", "documents": ["The bridge')
    with pytest.raises(InputError, match=r"cut\.json is not valid JSON \(Unterminated string at line 1\)$"):
        load_inputs([str(p)])


def test_bad_document_in_a_cluster_file_names_the_file_and_the_cluster(tmp_path: Path) -> None:
    p = write(tmp_path / "bad.jsonl", json.dumps({"id": "k", "documents": ["An article.", {"text": None}]}) + "\n")
    want = 'bad.jsonl: cluster k \\(line 1\\): document 2 has no "text" string'
    with pytest.raises(InputError, match=want):
        load_inputs([str(p)])
    with pytest.raises(InputError, match=want):
        list(read_clusters(p))


def test_damaged_gzip_says_what_is_wrong(tmp_path: Path) -> None:
    whole = gzip.compress(("".join(json.dumps(cluster(f"c{i}")) + "\n" for i in range(50))).encode())
    cut = write(tmp_path / "cut.jsonl.gz", whole[: len(whole) // 2])
    with pytest.raises(InputError, match="cut.jsonl.gz.*the file is truncated"):
        list(read_clusters(cut))
    garbage = write(tmp_path / "garbage.jsonl.gz", gzip.compress(bytes(range(128, 256)) * 10))
    with pytest.raises(InputError, match="garbage.jsonl.gz.*not UTF-8 text: byte 0x80 at offset 0"):
        load_inputs([str(garbage)])


def test_a_document_url_that_cannot_be_parsed_is_only_metadata(tmp_path: Path) -> None:
    """urlsplit raises ValueError on 'http://[::1' (an open bracket): the loader crashed on it."""
    assert load.domain_of("http://[::1") == ""
    row = {"id": "u", "documents": [{"text": "The council closed the bridge on Monday.", "url": "http://[::1", "id": "a"}]}
    docs = load_inputs([str(write(tmp_path / "u.jsonl", json.dumps(row) + "\n"))])
    assert [(d.id, d.source, d.url) for d in docs] == [("a", "a", "http://[::1")]


def test_a_name_too_long_for_the_file_system_is_an_input_error(tmp_path: Path) -> None:
    """Path.exists() raises OSError (ENAMETOOLONG) rather than answering False: summarize, batch and eval
    died with 'internal error: OSError' (exit 1)."""
    long = str(tmp_path / ("a" * 5000))
    with pytest.raises(InputError, match="cannot read .*: File name too long"):
        load_inputs([long])
    with pytest.raises(InputError, match="cannot read .*: File name too long"):
        list(read_clusters(long))


def test_a_folder_of_folders_says_so(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "a.txt", "The council closed the bridge on Monday after cracks were found.")
    with pytest.raises(InputError, match="has no files \\(its subdirectories are not read\\)"):
        load_inputs([str(tmp_path)])


def test_size_warning_only_when_the_file_is_then_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """/dev/urandom gave two lines: 'larger than 20 MB: reading only the first 20 MB', then the error that it
    is binary. The size note now comes only with a brief."""
    monkeypatch.setattr(load, "MAX_FILE_BYTES", 1000)
    said: list[str] = []
    binary = write(tmp_path / "blob.txt", bytes(range(256)) * 10)
    with pytest.raises(InputError, match="binary"):
        load_inputs([str(binary)], warn=said.append)
    assert said == []
    text = write(tmp_path / "long.txt", "The council closed the bridge on Monday.\n" * 100)
    load_inputs([str(text)], warn=said.append)
    assert said == [f"{text} is larger than 0 MB: reading only the first 0 MB"]


def test_cluster_option_that_picks_nothing(tmp_path: Path) -> None:
    """--cluster was ignored without a word on plain text, and on a JSON file of one cluster with another id."""
    said: list[str] = []
    txt = write(tmp_path / "a.txt", f"Outlet 1 says {STORY}")
    assert len(load_inputs([str(txt)], cluster="x", warn=said.append)) == 1
    assert said == ["--cluster x is not used: none of the inputs is a JSON, JSONL or Multi-News file of clusters"]
    one = write(tmp_path / "one.json", json.dumps(cluster("solo")))
    with pytest.raises(InputError, match="no cluster with id 'x' in .*one.json \\(its id is solo\\)"):
        load_inputs([str(one)], cluster="x")
    assert len(load_inputs([str(one)], cluster="solo")) == 2


def test_html_flag_must_be_a_boolean(tmp_path: Path) -> None:
    """"html": "no" was read as true (bool of a non-empty string): the text went through the HTML extractor."""
    assert to_document({"text": "t", "html": 1}, 0).is_html and not to_document({"text": "t", "html": False}, 0).is_html
    p = write(tmp_path / "h.jsonl", json.dumps({"id": "h", "documents": [{"text": STORY, "html": "no"}]}) + "\n")
    with pytest.raises(InputError, match='h.jsonl: cluster h \\(line 1\\): document 1: "html" must be true or false, got "no"'):
        load_inputs([str(p)])


@pytest.mark.parametrize(
    ("title", "shown"),
    [("Pipe breaks | Millbrook Gazette", "Pipe breaks"), ("Pipe breaks &#8211; Millbrook Gazette", "Pipe breaks"),
     ("Pipe breaks - a Millbrook Gazette story", "Pipe breaks - a Millbrook Gazette story"),
     ("Millbrook Gazette | Millbrook Gazette", "Millbrook Gazette"), ("Q&amp;A: the pipe", "Q&A: the pipe")],
)
def test_html_title_without_the_outlets_name(tmp_path: Path, title: str, shown: str) -> None:
    page = (f'<html><head><title>{title}</title><meta property="og:site_name" content="Millbrook Gazette"></head>'
            f"<body><p>{STORY}</p></body></html>")
    [doc] = load_inputs([str(write(tmp_path / "p.html", page))])
    assert doc.title == shown


# --- RSS and Atom feeds -----------------------------------------------------------------------------------------

_RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Ashby Herald - Local News</title><link>https://ashbyherald.example/</link>
<item><title>River crests at 31 feet; 400 homes evacuated</title><link>https://ashbyherald.example/flood</link>
<pubDate>Fri, 06 Mar 2026 20:48:00 -0500</pubDate>
<description>&lt;p&gt;The Ashby River crested at 31 feet on Friday morning, two feet above the record set in 1987, and about
400 homes along the east bank were evacuated, the county said.&lt;/p&gt;&lt;p&gt;Shelters at the high school and the
armory will stay open through the weekend while the river falls, the fire chief said.&lt;/p&gt;</description></item>
<item><title>Council approves new library hours</title><link>https://ashbyherald.example/library</link>
<pubDate>Thu, 05 Mar 2026 22:15:00 -0500</pubDate>
<description><![CDATA[<p>The Ashby council voted 6-1 on Thursday to keep the main library open until 9 p.m. on weeknights
starting in April, at a cost of about $80,000 a year.</p>]]></description></item>
</channel></rss>
"""

_ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Valley Wire</title>
<entry><title>River crests in Ashby</title><link href="https://valleywire.example/ashby-flood"/>
<published>2026-03-06T21:00:00Z</published>
<content type="html">&lt;p&gt;The river reached 31 feet in Ashby on Friday & about 400 homes were evacuated.&lt;/p&gt;</content>
</entry></feed>
"""

_FLOOD_PAGE = ("The Ashby River crested at 31 feet on Friday morning, the highest on record, and about 400 homes along "
               "the east bank were evacuated overnight, the county's emergency manager said.\n\nShelters at the high "
               "school and the armory will stay open through the weekend, the fire chief said, while the river falls.\n")


def test_a_feed_read_with_a_storys_pages_gives_only_its_items_on_that_story(tmp_path: Path) -> None:
    write(tmp_path / "01-ashby-herald.xml", _RSS)
    write(tmp_path / "02-valley-wire.xml", _ATOM)
    write(tmp_path / "03-county-news.txt", _FLOOD_PAGE)
    notes: list[str] = []
    docs = load_inputs([str(tmp_path)], warn=notes.append)
    assert [d.id for d in docs] == ["01-ashby-herald-1", "02-valley-wire-1", "03-county-news"]
    herald, wire = docs[0], docs[1]
    assert herald.source == "Ashby Herald" and herald.title == "River crests at 31 feet; 400 homes evacuated"
    assert herald.date == "2026-03-06" and herald.url == "https://ashbyherald.example/flood" and herald.is_html
    assert herald.text.startswith("<p>The Ashby River crested")
    assert wire.source == "Valley Wire" and wire.date == "2026-03-06" and wire.url == "https://valleywire.example/ashby-flood"
    assert any("1 of the feed's 2 items is other news" in n for n in notes), notes


def test_a_feed_read_alone_gives_its_first_items_story(tmp_path: Path) -> None:
    notes: list[str] = []
    docs = load_inputs([str(write(tmp_path / "feed.rss", _RSS))], warn=notes.append)
    assert [d.title for d in docs] == ["River crests at 31 feet; 400 homes evacuated"]  # (not the library's hours)
    assert any("1 of the feed's 2 items is other news" in n for n in notes), notes
    second = _RSS.replace("Council approves new library hours", "Ashby River falls below flood stage").replace(
        "The Ashby council voted 6-1 on Thursday to keep the main library open until 9 p.m. on weeknights\nstarting in "
        "April, at a cost of about $80,000 a year.", "The Ashby River crested at 31 feet on Friday morning and fell "
        "below flood stage on Sunday; the 400 evacuated homes along the east bank reopened, the fire chief said.")
    docs = load_inputs([str(write(tmp_path / "feed.rss", second))])
    assert len(docs) == 2 and docs[1].text.startswith("<p>The Ashby River crested")  # (CDATA's HTML as it is)


def test_a_feed_with_no_item_on_the_story_is_skipped(tmp_path: Path) -> None:
    write(tmp_path / "01-feed.xml", _RSS.replace("River crests at 31 feet; 400 homes evacuated", "Bakery opens")
          .replace("The Ashby River crested at 31 feet on Friday morning, two feet above the record set in 1987, and about"
                   "\n400 homes along the east bank were evacuated, the county said.", "A bakery opened on Main Street.")
          .replace("Shelters at the high school and the\narmory will stay open through the weekend while the river falls, "
                   "the fire chief said.", "The sisters who run it restored the old firehouse."))
    write(tmp_path / "02-county-news.txt", _FLOOD_PAGE)
    notes: list[str] = []
    docs = load_inputs([str(tmp_path)], warn=notes.append)
    assert [d.id for d in docs] == ["02-county-news"]
    assert any("none of the feed's items" in n for n in notes), notes


@pytest.mark.parametrize("text", [
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>',
    '<rss><channel><title>Broken & bare</title><item><title>No end',
    '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>T</title><summary></summary></entry></feed>',
])
def test_a_feed_without_item_text_is_skipped_not_a_crash(tmp_path: Path, text: str) -> None:
    write(tmp_path / "feed.xml", text)
    write(tmp_path / "page.txt", _FLOOD_PAGE)
    notes: list[str] = []
    docs = load_inputs([str(tmp_path)], warn=notes.append)
    assert [d.id for d in docs] == ["page"]
    assert any("feed with no item text" in n for n in notes), notes


def test_xml_that_is_not_a_feed_is_text(tmp_path: Path) -> None:
    from newsfuse.feed import looks_like_feed

    assert not looks_like_feed('<?xml version="1.0"?><catalog><book>The river</book></catalog>')
    assert looks_like_feed('<?xml version="1.0"?>\n<!-- generator -->\n<rss version="2.0">')
    assert looks_like_feed('<feed xmlns="http://www.w3.org/2005/Atom">')


# --- review of the feed rules for false positives ---------------------------------------------------------------------


def test_a_feed_cut_short_keeps_its_last_items_text(tmp_path: Path) -> None:
    cut = _RSS[: _RSS.rindex("</item>")]  # (a download stopped inside the last item, after its text)
    write(tmp_path / "01-ashby-herald.xml", cut.replace("Council approves new library hours", "River falls in Ashby")
          .replace("The Ashby council voted 6-1 on Thursday to keep the main library open until 9 p.m. on weeknights\n"
                   "starting in April, at a cost of about $80,000 a year.",
                   "The Ashby River crested at 31 feet on Friday morning and about 400 homes along the east bank were "
                   "evacuated overnight; shelters at the high school and the armory will stay open through the "
                   "weekend, the fire chief said."))
    write(tmp_path / "02-county-news.txt", _FLOOD_PAGE)
    docs = load_inputs([str(tmp_path)])
    assert [d.id for d in docs] == ["01-ashby-herald-1", "01-ashby-herald-2", "02-county-news"]


def test_a_huge_feed_is_read_fast(tmp_path: Path) -> None:
    import time

    item = ("<item><title>Council approves new library hours {n}</title><link>https://ashbyherald.example/{n}</link>"
            "<description>&lt;p&gt;The Ashby council voted 6-1 on Thursday to keep library branch {n} open until 9 "
            "p.m.&lt;/p&gt;</description></item>")
    head, tail = _RSS.split("</channel>")
    write(tmp_path / "01-feed.xml", head + "".join(item.format(n=n) for n in range(1000)) + "</channel>" + tail)
    write(tmp_path / "02-county-news.txt", _FLOOD_PAGE)
    t = time.perf_counter()
    docs = load_inputs([str(tmp_path)], warn=lambda _m: None)
    assert time.perf_counter() - t < 5
    assert [d.id for d in docs] == ["01-feed-1", "02-county-news"]


# --- a file's bytes in memory (the HTTP API's "files") and files that are pipes ------------------------------------

ALL_FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("folder", ["veyra-plant", "penmarrow-pier", "caddow-slide", "millbrook"])
def test_files_in_memory_give_what_the_same_files_on_disk_give(folder: str) -> None:
    paths = sorted(p for p in (ALL_FIXTURES / folder).iterdir() if p.is_file() and not load.HIDDEN_OR_META.match(p.name))
    said_disk: list[str] = []
    said_memory: list[str] = []
    on_disk = load_inputs([str(ALL_FIXTURES / folder)], warn=said_disk.append)
    in_memory = load.load_files([(p.name, p.read_bytes()) for p in paths], warn=said_memory.append)
    assert on_disk == in_memory
    assert [s.replace(str(ALL_FIXTURES / folder) + "/", "") for s in said_disk] == said_memory


def test_load_files_reads_beside_documents_and_skips_a_bad_file_with_a_note() -> None:
    said: list[str] = []
    given = [load.Document(text="The council approved the harbor budget on Monday.", id="d1")]
    docs = load.load_files([("release.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 40)], given, said.append)
    assert docs == given
    assert len(said) == 1 and said[0].startswith("skipped: release.pdf is not a readable PDF")
    with pytest.raises(InputError, match=r"^release\.pdf is not a readable PDF"):
        load.load_files([("release.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 40)], warn=said.append)


def test_a_file_that_is_a_pipe_is_read_whole(tmp_path: Path) -> None:
    # (`newsfuse summarize <(cat page.html) <(cat release.pdf)`: the sniffing of its first bytes used to consume them,
    # and the file then read as empty)
    import os
    import threading

    pdf = (ALL_FIXTURES / "veyra-plant" / "01-ministry-of-water-and-infrastructure.pdf").read_bytes()
    fifo = tmp_path / "release"
    os.mkfifo(fifo)

    def write() -> None:
        with open(fifo, "wb") as fh:
            fh.write(pdf)

    writer = threading.Thread(target=write)
    writer.start()
    [doc] = load_inputs([str(fifo)])
    writer.join(5)
    assert doc.title and doc.title.startswith("Ministry to appeal")


# --- a damaged structured file beside good ones (found by scripts/fuzz_inputs.py) ----------------------------------

HERON = ("The Heron Lake footbridge reopened on Friday after three weeks of repairs, the parks department said. "
         "Crews replaced 40 rotten planks and a handrail that a fallen oak had bent in March.")
DAMAGED_FILES = [
    ("export.json", '{"status": "ok", "totalResults": 2, "articles": [{"title": "Heron', "is not valid JSON"),
    ("cluster.json", '{"id": "h", "documents": [{"text": 5}]}', "cluster h"),
    ("clusters.jsonl", '{"id": "h", "documents": ["The bridge\n', "line 1 is not valid JSON"),
    ("clips.csv", "Date;Headline;Reach\n16.04.2026;Bridge reopens;1200\n", "no column of article text"),
    ("clips.csv", 'text,title\n"The bridge reopened,' + "x" * 2_000_001, "not a readable CSV file"),
]


@pytest.mark.parametrize(("name", "content", "why"), DAMAGED_FILES)
def test_a_damaged_json_or_table_beside_good_files_is_skipped_with_a_warning(tmp_path: Path, name: str, content: str,
                                                                              why: str) -> None:
    """A damaged news-API export, cluster file or table in a story folder stopped the whole story (every good file
    lost, one error line); it is skipped with a warning now, as a damaged PDF is, and alone is the same error."""
    write(tmp_path / "story" / "01-heron-lake-gazette.txt", HERON)
    bad = write(tmp_path / "story" / name, content)
    said: list[str] = []
    docs = load_inputs([str(tmp_path / "story")], warn=said.append)
    assert [d.id for d in docs] == ["01-heron-lake-gazette"]
    assert len(said) == 1 and said[0].startswith("skipped: ") and why in said[0] and name in said[0], said
    in_memory: list[str] = []
    assert load.load_files([(name, content.encode()), ("heron.txt", HERON.encode())], warn=in_memory.append)[0].id == "heron"
    assert in_memory == [said[0].replace(str(bad), name)]
    with pytest.raises(InputError, match=why):
        load_inputs([str(bad)])


def test_a_file_of_several_clusters_beside_good_files_still_asks_for_one(tmp_path: Path) -> None:
    """Choosing a cluster is the user's to do: such a file is not skipped beside others."""
    good = write(tmp_path / "heron.txt", HERON)
    two = write(tmp_path / "two.jsonl", json.dumps({"id": "a", "documents": [HERON]}) + "\n"
                + json.dumps({"id": "b", "documents": [HERON]}) + "\n")
    with pytest.raises(InputError, match="2 clusters in .*two.jsonl: pick one with --cluster ID"):
        load_inputs([str(good), str(two)])
    with pytest.raises(InputError, match="no cluster with id 'c'"):
        load_inputs([str(good), str(two)], cluster="c")
