"""End-to-end through the CLI entry point: exit codes, one-line errors, formats."""

import json
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import newsfuse
from conftest import EXAMPLE, ROOT, SEEDS
from newsfuse.cli import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def test_summarize_example_json(capsys, example_paths) -> None:
    code, out, err = run(capsys, "summarize", str(EXAMPLE), "--words", "120", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert set(data) >= {"summary", "sentences", "sources", "stats"}
    assert data["stats"]["words"] <= 120
    assert len(data["summary"].split()) <= 120
    names = {s["id"]: s["name"] for s in data["sources"]}
    assert "Lakeport Ledger" in names.values()
    for s in data["sentences"]:
        assert set(s) >= {"text", "sources", "origin", "outlets"}
        assert s["origin"] in s["sources"]


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_every_format(capsys, fmt: str, example_paths) -> None:
    code, out, err = run(capsys, "summarize", str(EXAMPLE), "--format", fmt, "--words", "60")
    assert code == 0, err
    assert "Fulton" in out


def test_output_file(capsys, tmp_path: Path, example_paths) -> None:
    target = tmp_path / "brief.md"
    code, out, _ = run(capsys, "summarize", str(EXAMPLE), "--format", "markdown", "-o", str(target))
    assert code == 0 and out == ""
    assert "## Sources" in target.read_text()


def _one_line_error(code: int, err: str) -> None:
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("newsfuse:")
    assert "Traceback" not in err


def test_missing_path(capsys) -> None:
    code, _, err = run(capsys, "summarize", "/no/such/file.txt")
    _one_line_error(code, err)
    assert "no such file" in err


def test_no_arguments(capsys) -> None:
    code, _, err = run(capsys, "summarize")
    _one_line_error(code, err)


def test_empty_file(capsys, tmp_path: Path) -> None:
    f = tmp_path / "empty.txt"
    f.write_text("")
    code, _, err = run(capsys, "summarize", str(f))
    _one_line_error(code, err)


def test_only_clutter(capsys, tmp_path: Path) -> None:
    f = tmp_path / "nav.txt"
    f.write_text("Home\nNews\nSports\nSubscribe\nLog In\nSign up for our newsletter\n")
    code, _, err = run(capsys, "summarize", str(f))
    _one_line_error(code, err)


def test_binary_file_alone(capsys, tmp_path: Path) -> None:
    f = tmp_path / "blob.txt"
    f.write_bytes(bytes(range(256)) * 50)
    code, _, err = run(capsys, "summarize", str(f))
    _one_line_error(code, err)


def test_binary_file_among_good_ones_is_skipped_with_a_warning(capsys, tmp_path: Path, example_paths) -> None:
    f = tmp_path / "blob.txt"
    f.write_bytes(b"\x00\x01\x02\xff" * 1000)
    code, out, err = run(capsys, "summarize", str(example_paths[0]), str(example_paths[2]), str(f))
    assert code == 0
    assert "warning" in err and "blob.txt" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("args", [["--words", "0"], ["--words", "abc"], ["--words", "10", "--sentences", "2"], ["--format", "pdf"]])
def test_bad_options(capsys, args: list[str], example_paths) -> None:
    code, _, err = run(capsys, "summarize", str(EXAMPLE), *args)
    _one_line_error(code, err)


def test_unreachable_url(capsys) -> None:
    code, _, err = run(capsys, "summarize", "--url", "http://127.0.0.1:9/none")
    _one_line_error(code, err)


def test_stdin_real_process(example_paths) -> None:
    text = example_paths[0].read_text()
    proc = subprocess.run(
        [sys.executable, "-m", "newsfuse", "summarize", "-", "--words", "50", "--format", "json"],
        input=text,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["stats"]["words"] <= 50


def test_every_command_has_help_with_an_example(capsys) -> None:
    from newsfuse.cli import LAZY_COMMANDS

    for name in LAZY_COMMANDS:
        code, out, err = run(capsys, name, "--help")
        assert code == 0, (name, err)
        assert "Example:" in out, name


@pytest.mark.shared
@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/data/seeds is not present")
def test_seeds_brief(capsys) -> None:
    paths = sorted(str(p) for p in SEEDS.glob("*.txt"))
    code, out, err = run(capsys, "summarize", *paths, "--words", "120", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert len(data["summary"].split()) <= 120
    assert data["stats"]["words"] <= 120
    cited = {i for s in data["sentences"] for i in s["sources"]}
    assert len(cited) >= 3
    raw = {Path(p).stem: Path(p).read_text() for p in paths}
    from newsfuse.clean import clean_documents
    from newsfuse.load import load_inputs

    cleaned = {d.id: d.text for d in clean_documents(load_inputs(paths))}
    for s in data["sentences"]:
        assert s["text"] in cleaned[s["origin"]], s
        assert s["text"] in raw[s["origin"]] or " ".join(s["text"].split()) in " ".join(raw[s["origin"]].split())
    clutter = [
        "Skip to", "IE 11", "newsletter", "Subscribe", "tax-deductible", "Susan Walsh", "AP Photo", "Site Index",
        "Next Up", "Otter Tail", "Foo Fighters", "Gophers", "Order Reprints", "Credit", "WATCH", "The Moment",
        "Coral", "We Recommend", "Image", "Advertisement", "Log In", "Facebook", "Twitter to share",
    ]
    for c in clutter:
        assert c not in data["summary"], c


HARLOW = Path(__file__).parent / "fixtures" / "harlow-ridge"
HARLOW_CLUTTER = [
    "Share", "Related", "Recommended", "Advertisement", "corrected", "Photo", "photo", "Listen", "Transcript", "transcript",
    "BYLINE", "FERREIRA:", "sits on a cot", "Donate", "Support local", "Subscribe", "unlimited", "Cancel", "newsletter",
    "Sign up", "app", "UPDATE", "Posted", "WATCH", "Copyright", "cookies", "free articles", "1 of 12", "Nakamura is",
    "covers county government", "Leave a Reply", "contributed", "Story continues",
]


@pytest.mark.parametrize("words", [120, 250])
def test_harlow_brief(capsys, words: int) -> None:
    """Five page layouts the clutter rules were not written from: the brief quotes the story, cites three outlets or
    more under their names, and carries none of the pages' clutter."""
    paths = sorted(str(p) for p in HARLOW.iterdir() if p.name != "README.md")
    code, out, err = run(capsys, "summarize", *paths, "--words", str(words), "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["stats"]["words"] <= words
    cited = {i for s in data["sentences"] for i in s["sources"]}
    assert len(cited) >= 3
    for c in HARLOW_CLUTTER:
        assert c not in data["summary"], c
    assert "2,400" in data["summary"]
    import html

    raw = {Path(p).stem: " ".join(html.unescape(Path(p).read_text()).split()) for p in paths}
    for s in data["sentences"]:
        assert " ".join(s["text"].split()) in raw[s["origin"]], s
    outlets = {src["name"] for src in data["sources"]}
    assert {"The Wrenfield Courier", "NewsPortal", "High Country Public Radio", "Alder Valley Sentinel"} <= outlets


MARIGOLD = Path(__file__).parent / "fixtures" / "marigold-ferry"
MARIGOLD_CLUTTER = [
    "- ", "LIVE", "Pinned", "Share", "Link", "pic.twitter", "@", "Advertisement", "Comments", "Reply", "Report", "Like ",
    "lakegirl", "My dad", "Editor", "covers Gullhaven", "privacy", "partners", "cookies", "In this article", "Jump to",
    "Back to top", "Read more", "?", "|", "[1]", "[2]", "Republish", "Creative Commons", "originally", "Instagram",
    "post shared", "Google", "snapshot", "Published on", "Source URL", "Printed", "encalló", "español", "Copyright",
]


SAVED_PAGE_SUFFIXES = (".mhtml", ".mht", ".webarchive", ".warc", ".warc.gz")


def _fixture_brief(capsys, folder: Path, words: int, clutter: list[str], merged: dict[str, str] | None = None) -> dict:
    """The JSON brief of a fixture's pages at ``words``: within the budget, none of ``clutter`` in it, and every
    sentence verbatim in its origin page (its markup's entities decoded, a PDF's line-break hyphens rejoined; an
    article that two exports hold, read as one document, in either: ``merged`` maps a file's stem to the other's)."""
    import html
    import re

    paths = sorted(str(p) for p in folder.iterdir() if p.name != "README.md" and not p.name.startswith("_"))
    code, out, err = run(capsys, "summarize", *paths, "--words", str(words), "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["stats"]["words"] <= words
    for c in clutter:
        assert c not in data["summary"], c
    from newsfuse.load import decode_bytes
    from newsfuse.markdown_text import markdown_to_text

    def page_text(p: Path) -> str:
        # (a page read as the loader reads it, a Windows-1252 file too; a JSON string's escaped quotes and line
        # breaks, a JSON-LD articleBody's, as the text they stand for)
        source = decode_bytes(p.read_bytes()) or ""
        if p.suffix in (".pdf", ".docx"):  # (a PDF's or Word file's sentences are its text layer's, as read)
            from newsfuse.load import load_inputs

            return " ".join(re.sub(r"(?<=[a-z])-\n(?=[a-z])", "", load_inputs([str(p)])[0].text).split())
        if p.suffix == ".md":  # (a Markdown page's sentences are its rendered text's)
            text = markdown_to_text(source)[0]
        elif p.suffix in (".srt", ".vtt"):  # (a caption file's sentences run over its cues)
            from newsfuse.subtitles import subtitles_to_text

            text = subtitles_to_text(source)
        elif p.suffix in (".csv", ".tsv"):  # (a table's cells, its quotes undoubled)
            import csv
            import io

            text = "\n\n".join(c for row in csv.reader(io.StringIO(source.lstrip("\ufeff"), newline=""),
                                                         delimiter=";" if ";" in source[:500] else ",") for c in row)
        else:
            text = html.unescape(source.replace('\\"', '"').replace("\\n", "\n"))
            if p.suffix == ".xml":  # (a feed's items hold their HTML escaped: its entities once more)
                text = html.unescape(text)
        # (a page saved with mojibake, invisible characters and typographic hyphens: as clean mends them)
        from newsfuse.clean import repair_mojibake

        text = re.sub("[\u200b-\u200d\u2060\ufeff\u00ad]", "", repair_mojibake(text))
        text = text.replace("\u2010", "-").replace("\u2011", "-")
        if p.suffix == ".html":  # (a word styled in two halves: "<span class=b>Quill</span>ford")
            text += "\n\n" + re.sub(r"</?(?:span|b|i|em|strong|a)\b[^>]*>", "", text)
        # (a PDF's two columns whose lines a copy interleaved: their sentences are the columns', read apart)
        from newsfuse.clean import _two_columns

        for block in text.split("\n\n"):
            columns = _two_columns([x.strip() for x in block.strip().split("\n") if x.strip()])
            text += "".join("\n\n" + "\n".join(c) for c in columns or [])
        return " ".join(re.sub(r"(?<=[a-z])-\n(?=[a-z])", "", text).split())

    raw = {Path(p).stem: page_text(Path(p)) for p in paths if not p.endswith(SAVED_PAGE_SUFFIXES)}
    for p in paths:  # (a saved page's file holds its page encoded: its text is the page the loader reads out of it)
        if p.endswith(SAVED_PAGE_SUFFIXES):
            from newsfuse.load import load_inputs

            for d in load_inputs([p]):
                raw[d.id] = " ".join(html.unescape(d.text).split())
    for stem, other in (merged or {}).items():
        raw[stem] += " " + raw[other]
    for s in data["sentences"]:
        # (a feed's items are documents of their own: "04-wrenford-beacon-1")
        origin = next(k for k in raw if s["origin"] == k or s["origin"].startswith(k + "-"))
        assert " ".join(s["text"].split()) in raw[origin], s
    # a quotation's tail ('When the boat stops, everything stops," said ...') comes only after its opening sentence
    from newsfuse.select import _QUOTE_TAIL

    for before, s in zip([None, *data["sentences"]], data["sentences"], strict=False):
        if _QUOTE_TAIL.match(s["text"]):
            assert before is not None and before["origin"] == s["origin"] and before["end"] <= s["start"], s
    return data


@pytest.mark.parametrize("words", [80, 120, 250])
def test_marigold_brief(capsys, words: int) -> None:
    """A live blog, a page with a comment section, an explainer behind a consent wall, a republished story with an
    Instagram embed and a search engine's cache of a print page: the brief quotes the story verbatim, cites every
    fact most outlets share to several of them under their own names, and carries none of the pages' clutter."""
    data = _fixture_brief(capsys, MARIGOLD, words, MARIGOLD_CLUTTER)
    assert "aground" in data["summary"] and "Marigold" in data["summary"]
    # the headlines tell the story from five angles (they agree too little for the headline anchor), but the grounding
    # most pages report leads (it was "Seven people suffered minor injuries, ..." at 80 words)
    assert "ran aground" in data["sentences"][0]["text"]
    assert max(len(s["sources"]) for s in data["sentences"]) >= 4
    assert len({i for s in data["sentences"] for i in s["sources"]}) >= 4
    assert [(src["name"], src["title"]) for src in data["sources"]] == [
        ("Port Ellery Herald", "Live updates: Ferry Marigold runs aground off Gullhaven Point"),
        ("Gullhaven Record", "'Everybody stayed calm': Passengers describe night on grounded ferry off Gullhaven Point"),
        ("Lakeshore Now", "What we know about the Marigold ferry grounding: 7 questions answered"),
        ("Brackwater Island News", "With the ferry stuck on a shoal, Brackwater Island braces for a week cut off"),
        ("North Coast Times", "Ferry with 221 aboard runs aground in fog on Lake Veyra"),
    ]


KESTREL = Path(__file__).parent / "fixtures" / "kestrel-recall"
KESTREL_CLUTTER = [
    "°", "Forecast", "Traffic", "CLOSINGS", "Forwarded", "From:", "Subject:", "browser", "FreshTrack", "Book a demo",
    "Forward this", "receiving this", "Unsubscribe", "That's it", "SUMMARY", "RECOMMENDATIONS", "Page ", "- ", "identi-",
    "CASES BY COUNTY", "IMMEDIATE", "forward-looking", "Media Contact", "###", "Next page", "Copyright", "Report a typo",
]


@pytest.mark.parametrize("words", [80, 120, 250])
def test_kestrel_brief(capsys, words: int) -> None:
    """One wire story in three outlets' pages (one paginated, one a TV station's with weather, traffic and closings
    widgets), a forwarded newsletter, a health department's advisory extracted from a PDF, a press release and a Spanish
    copy: the brief quotes English sentences of the sources (a PDF's line-break hyphens rejoined), names the outlets
    and titles right and carries none of the pages' clutter."""
    data = _fixture_brief(capsys, KESTREL, words, KESTREL_CLUTTER)
    assert all(s["origin"] != "07-el-heraldo-del-valle" for s in data["sentences"])  # (no Spanish in an English brief)
    # the recall leads at every length: the Spanish copy's headline does not count against the English ones' agreement
    assert "recalled" in data["sentences"][0]["text"] and "listeri" in data["sentences"][0]["text"]
    assert "48,000 pounds" in data["summary"]
    names = {src["name"]: src["title"] for src in data["sources"]}
    assert names.get("WKVD 4", "Ashby Falls cheesemaker recalls queso fresco, ricotta; 1 dead in listeria outbreak") == (
        "Ashby Falls cheesemaker recalls queso fresco, ricotta; 1 dead in listeria outbreak")
    assert names.get("The Aisle Report", "Cheese recall empties dairy cases; plus: egg prices, a checkout law") == (
        "Cheese recall empties dairy cases; plus: egg prices, a checkout law")
    assert "Aisle Report Newsletter" not in names
    assert max(len(s["sources"]) for s in data["sentences"]) >= 4


FENWICK = Path(__file__).parent / "fixtures" / "fenwick-dam"
FENWICK_CLUTTER = [
    "OKAFOR:", "NANDAKUMAR:", "MANAGER:", "OFFICE:", "Q:", "crosstalk", "inaudible", "Thank you, Luis",  # transcript
    "^", "[edit]", "[1]", "last edited", "Creative Commons", "current event",  # wiki
    "Like", "Comment", "Share", "reactions", "followers",  # social-media post
    "Subscribe", "Thanks for reading", "Restack", "Comments",  # blog
    "IT IS SO ORDERED", "/s/", "Case No",  # court order
    "transit", "Chipmaker", "Marathon", "9,000 runners", "Full coverage",  # the aggregator's other stories
    "Read next", "Most Popular", "can be reached",  # the local paper
]


@pytest.mark.parametrize("words", [80, 120, 250])
def test_fenwick_brief(capsys, words: int) -> None:
    """A police department's social-media post, a briefing transcript, a court order, an aggregator's front page, a
    blog post with footnotes, a wiki article and a German copy beside a local paper: the brief quotes English
    sentences of the sources without a speaker's label, a footnote's mark, a wiki's references or the aggregator's
    other stories, and cites the evacuation to several pages."""
    import re

    data = _fixture_brief(capsys, FENWICK, words, FENWICK_CLUTTER)
    for s in data["sentences"]:
        assert s["origin"] != "08-nordhafener-tageblatt", s  # (the German copy is not quoted in an English brief)
        assert not re.match(r"[A-Z]{3,}[ ,:]", s["text"]), s  # (no speaker's label in capitals)
    # the headline anchor speaks for the story: not the police post's "Last night ... we ordered the evacuation"
    assert not re.search(r"\bwe\b", data["sentences"][0]["text"], re.IGNORECASE), data["sentences"][0]
    assert re.search(r"1,100 people|430 homes", data["summary"])
    assert max(len(s["sources"]) for s in data["sentences"]) >= 3
    if words >= 120:
        assert "10 feet within 72 hours" in data["summary"]


WREN = Path(__file__).parent / "fixtures" / "wren-blackout"
WREN_CLUTTER = [
    "u/", "level 1", "Reply", "Upvoted", "Continue this thread", "more replies", "Posted by",  # the forum thread
    "1/", "2/", "🧵", "#Wrenford", "Repost", "Views",  # the numbered social thread
    "**", "](", "![", "> ", "http",  # Markdown
    "boat ramp", "Riverside Park", "rate increase", "7 percent", "Public Service Commission", "bakery",
    "Keisha Mallory", "appeared first on", "<p>", "&lt;",  # the feed's other items and its markup
    "Forwarded", "From:", "Subject:", "wrote:", "555-01", "CONFIDENTIAL", "intended recipient", "environment",
    "Powering Ashgrove",  # the forwarded e-mail
    "[1]", "[2]", "Print this page", "Printed from", "All rights reserved",  # the print page
    ">>", "[music]", "transcript", "Watch our report",  # the TV station's page
]


@pytest.mark.parametrize("words", [80, 120, 250])
def test_wren_brief(capsys, words: int) -> None:
    """A forum thread, a numbered social-media thread, a Markdown file, an RSS feed of five stories, a forwarded
    press-office e-mail, a print page, a TV story over its machine transcript and a Portuguese copy: the brief quotes
    the outage's story in plain English sentences, none of the feed's other news or the pages' furniture, and cites
    its facts to several outlets."""
    data = _fixture_brief(capsys, WREN, words, WREN_CLUTTER)
    origins = {s["origin"] for s in data["sentences"]}
    assert "08-correio-do-vale" not in origins  # (the Portuguese copy is not quoted in an English brief)
    assert not any(o.startswith("04-wrenford-beacon-") and o != "04-wrenford-beacon-1" for o in origins)
    assert "180,000" in data["summary"] or words < 120
    assert "Sunday night" in data["summary"]
    assert re.search(r"carbon monoxide", data["summary"])
    assert max(len(s["sources"]) for s in data["sentences"]) >= 4
    assert len({o for s in data["sentences"] for o in s["sources"]}) >= 5
    names = {s["name"] for s in data["sources"]}
    assert {"Reddit", "Ashgrove Ledger", "Wrenford Beacon", "Tallow River Times", "WRFD 12"} <= names, names
    if words >= 120:
        assert re.search(r"1,300 line workers", data["summary"])


PIER = Path(__file__).parent / "fixtures" / "penmarrow-pier"
PIER_CLUTTER = [
    "Wayback", "captures", "About this capture", "COLLECTED BY", "TIMESTAMPS", "success", "Internet Archive",  # the capture
    "web.archive.org", "ampproject", "Saved by", "MultipartBoundary", "=3D", "=E2", "Content-",  # the formats' own text
    "WARC", "HTTP/1.1", "robots", "Moved Permanently", "Advertisement", "Win a weekend",  # the crawl, the ad frame
    "Listen live", "Subscribe", "Most read", "Read next", "newsletter", "Become a member", "TRAVEL:",  # the pages
    "Picture:", "photo)", "(West Country Wire/", "Share", "cookies", "07700", "All rights reserved",
]


@pytest.mark.parametrize("words", [80, 120, 250])
def test_penmarrow_brief(capsys, words: int) -> None:
    """A page in each way people save one: Chrome's MHTML, Safari's web archive, a WARC crawl of three outlets (one
    through a redirect, gzip-encoded and chunked; one from the AMP cache), a Wayback Machine capture saved as HTML
    and a page saved "HTML only": the brief quotes the fire's story with none of the archives' toolbars or the
    formats' encodings, and names each outlet by its own site, never the archive's or the cache's."""
    data = _fixture_brief(capsys, PIER, words, PIER_CLUTTER)
    names = {s["id"]: s["name"] for s in data["sources"]}
    assert names == {
        "01-penmarrow-post": "The Penmarrow Post", "02-coast-radio": "Coast Radio News", "03-crawl-1": "Ostry Bay Echo",
        "03-crawl-2": "Harbour Light", "03-crawl-3": "West Country Wire", "04-wayback-capture": "Kellacombe Chronicle",
        "05-saved-page": "tidewaterledger.example",
    }, names
    urls = {s["id"]: s["url"] for s in data["sources"]}
    assert urls["05-saved-page"].startswith("https://tidewaterledger.example/2026/04/12/penmarrow-pier-fire")
    assert urls["04-wayback-capture"].startswith("https://web.archive.org/web/20260413081502/")
    assert "Grand Pavilion" in data["sentences"][0]["text"]
    assert max(len(s["sources"]) for s in data["sentences"]) >= 5
    assert len({o for s in data["sentences"] for o in s["sources"]}) >= 6


OSPREY = Path(__file__).parent / "fixtures" / "osprey-spill"
OSPREY_CLUTTER = [
    "Pinehurst", "school board", "Llewellyn", "Eastgate", "Nadine Coyle", "Next article",  # the appended article
    "Loading", "JavaScript", "__NEXT_DATA__",  # the script-built page's shell
    "Subscribe", "subscriber", "$1", "Sign in", "Offer valid",  # the paywall
    "advertisement", "ADVERTISEMENT", "Advertisement", "Midstate Morning Brief", "Sign up", "Recommended Video",
    "Drone video", "Sponsored", "Water Filter", "Trending", "volleyball",  # the inserts between paragraphs
    "browser", "Listen", "Donate", "Give now", "Emil Sorensen reports", "Share this story",  # the AMP page
    "1 / 12", "/ 12", "Beacon photographers", "Courtesy", "Buy this photo",  # the gallery
    "Hank Ostrowski", "Priya Lindgren", "Dana Kemper",  # (the gallery's credits)
    "Correction", "earlier version", "Updated", "contributed to this report", "Download the",  # the TV station's copy
    "Copyright", "All rights reserved",
]


@pytest.mark.parametrize("words", [80, 120, 250])
def test_osprey_brief(capsys, words: int) -> None:
    """A page that appends a second, unrelated article as its reader scrolls, a script-built page whose story is only
    in its JSON-LD articleBody, a paywalled page cut after two paragraphs, a page with ads, a newsletter box, a video
    label, sponsored links and a "Trending Now" list between its paragraphs, an AMP page, a photo gallery, a TV
    station's text in Windows-1252 with a correction note, and a French copy: the brief quotes the derailment's facts
    from the story's own sentences, cites them to several outlets and carries none of the rest."""
    data = _fixture_brief(capsys, OSPREY, words, OSPREY_CLUTTER)
    for before, s in zip([None, *data["sentences"]], data["sentences"], strict=False):
        assert s["origin"] != "08-le-courrier-des-plaines", s  # (no French in an English brief)
        assert s["origin"] != "06-osprey-landing-beacon" or "derailed" in s["text"], s  # (no gallery caption)
        if s["text"].endswith((", he said.", ", she said.")):  # (only after the sentence that names "he")
            assert before is not None and before["origin"] == s["origin"] and before["end"] <= s["start"], s
    summary = data["summary"]
    assert "derail" in summary and "vinyl acetate" in summary
    assert "26,000 gallons" in summary or "21 of them derailed" in summary or "88 cars" in summary
    assert max(len(s["sources"]) for s in data["sentences"]) >= 4
    assert len({i for s in data["sentences"] for i in s["sources"]}) >= 5
    if words >= 120:
        assert "Calder Springs" in summary and ("shelter in place" in summary or "shelter-in-place" in summary)
    names = {src["name"]: src["title"] for src in data["sources"]}
    assert names.get("KMRW", "Railroad: Osprey Landing line to reopen by Sunday; river cleanup to take weeks") == (
        "Railroad: Osprey Landing line to reopen by Sunday; river cleanup to take weeks")  # (no byline in the title)
    assert all("Pinehurst" not in t for t in names.values())


TARN = Path(__file__).parent / "fixtures" / "tarn-quake"
TARN_CLUTTER = [
    "UPDATE 3-", "Adds death toll", "Reporting by", "Editing by", "Our Standards", "Trust Principles", "(Meridian)",
    "Licensing", "Ilse Marek",  # the first wire copy
    "With assistance", "To contact", "calder.net", "Most Read", "L.P.", "Listen to this", "newsletter",  # the service's
    "burs-", "-- ACP", "(ACP)", "Agence", "Read more",  # the second wire copy
    "___", "At a glance", "- ", "contributed to this report", "Follow AlP", "corrected", "(AlP)", "covers central",
    "Link copied",  # the copy from a browser
    "Key events", "Show key events", "JavaScript", "min ago", "Updated at", "14:32", "16.32", "We will bring you",
    "Most viewed", "Photograph",  # the live blog
    "Press Centre", "Press Office", "No. 114", "Download", "Tel.",  # the ministry's page
    "Did you feel it", "06:52:40", "ML:",  # the institute's page
]


@pytest.mark.parametrize("words", [80, 120, 250])
def test_tarn_brief(capsys, words: int) -> None:
    """Three wire copies (an update with its credit lines, an earlier one with its slugline, one copied from a browser
    with its separators, contributors and correction), a financial service's story, a newest-first live blog, a
    ministry's statement, a Japanese copy and an aftershock table: the brief quotes the quake's story in English
    without the wires' furniture, prefers the death toll most outlets carry (19, not the first reports' 12) and cites
    its facts to several outlets."""
    data = _fixture_brief(capsys, TARN, words, TARN_CLUTTER)
    summary = data["summary"]
    assert all(s["origin"] != "07-choyo-shinpo" for s in data["sentences"])  # (no Japanese in an English brief)
    assert not re.search(r"[\u3040-\u30ff\u4e00-\u9fff\u0600-\u06ff]", summary)
    lead = data["sentences"][0]["text"]
    assert "earthquake" in lead and "19" in lead and "12" not in lead, lead
    assert "6.4" in summary and "Tarnovo Veliki" in summary
    assert "at least 12" not in summary  # (the first reports' toll)
    # (at 80 words the hospital sentence, "seven of the dead", is no longer credited to the early wire's and the
    # ministry's sentences about the wing's collapse, which do not give the figure: attribute.FIGURES_RULE)
    assert max(len(s["sources"]) for s in data["sentences"]) >= 3
    assert len({o for s in data["sentences"] for o in s["sources"]}) >= 3
    if words >= 120:
        assert "Iskra" in summary and "aftershock" in summary
    if words >= 250:
        assert "national mourning" in summary and "1,200 buildings" in summary
    titles = {s["name"]: s["title"] for s in data["sources"]}
    assert titles["Meridian"].startswith("Quake kills 19")
    assert titles["Ministry of the Interior and Civil Protection"].startswith("STATEMENT OF THE MINISTRY")



VEYRA = Path(__file__).parent / "fixtures" / "veyra-plant"
VEYRA_CLUTTER = [
    "REPUBLIC OF NORVALLE", "PRESS RELEASE", "immediate release", "Page 1", "Quay Street", "Notes to editors",
    "Tel.", "E-mail", "- ends -", "registry",  # the ministry's release
    "Case No.", "Applicant,", "Respondent.", "- 1 -", "Dated:", "28 ",  # the court's order (and its margin)
    "TIDINGS", "No. 4,812", "By Solveig", "Photo:", "IN BRIEF", "Library", "ADVERTISEMENT", "Aune Marine",  # e-paper
    "two-month", "about 200", "fishers were happy", "cost nothing", "Check the distance", "para. 2", "STRINGER",
    "ENDS", "word count",  # the stringer's copy
    "Subscribe", "Coast Briefing", "newsletter", "Photograph", "amended", "More from", "Saltmarsh Media",  # the page
    "Listen 2:14", "Share this story", "More West Coast",  # the radio's page
]


@pytest.mark.parametrize("words", [80, 120, 250])
def test_veyra_brief(capsys, words: int) -> None:
    """A ministry's press release, a court's order on pleading paper and an e-paper page (PDFs), a stringer's Word
    file with tracked changes and a comment, a web page and a radio station's text: the brief quotes the story
    without the documents' furniture, and cites the PDFs and the Word file as outlets."""
    data = _fixture_brief(capsys, VEYRA, words, VEYRA_CLUTTER)
    summary = data["summary"]
    assert "sixty days" in summary or "sixty-day" in summary
    cited = {o for s in data["sentences"] for o in s["sources"]}
    assert len(cited) >= 4
    titles = {src["name"]: src["title"] for src in data["sources"]}
    assert titles["Ministry of Water and Infrastructure"].startswith("Ministry to appeal court order")
    assert titles["The Veyra Tidings"] == "Court halts work on desalination pipes"
    assert titles["Coastline Wire"] == "Fishers win pause in fight over Port Veyra desalination plant"
    assert titles["Radio Norvalle West"] == "Port Veyra plant: work on sea pipes stopped by court"  # (footer "(c) Radio Norvalle 2026")
    origins = {s["origin"] for s in data["sentences"]}
    assert origins & {"01-ministry-of-water-and-infrastructure", "02-land-and-environment-court",
                      "03-the-veyra-tidings", "04-coastline-wire"}


QUILL = Path(__file__).parent / "fixtures" / "quill-strike"
QUILL_CLUTTER = [
    "BC-", "WRITETHRU", "EDS:", "(MORE)", "MORE)", "ADD 1", "ENDIT", "(INS)",  # the teletype copy
    "Previous message", "attachment", "pipermail", "Hi all", "Theo",  # the mailing-list archive
    "ADVERTISEMENT", "RELATED:", "Most Read", "cmadsen",  # the <div> page
    "â€", "Ã", "\x9d", "donate",  # the mojibake page
    "Top Stories", "Read more", "ferry", "Port volumes",  # the page with its story twice and a teaser
    "Member spotlight", "Pemberton", "woolen mill", "ribbon", "Calendar",  # the PDF's other column
    "produced automatically", "may contain errors", "News | Music", "Listen",  # the radio bulletin's page
    "\u00ad", "\u200b", "\u2060", "\ufeff", "\u2011", "supporter",  # the smart-punctuation page
]


@pytest.mark.parametrize("words", [80, 120, 250])
def test_quill_brief(capsys, words: int) -> None:
    """An all-capitals teletype copy with its slug lines and "(MORE)"/"ENDIT", a mailing-list archive hard-wrapped at
    72, a story in <div>s and <br><br>, a page saved with mojibake, a page carrying its story twice and a teaser of it,
    a PDF newsletter whose two columns' lines alternate, a radio bulletin transcribed without punctuation and a page
    with invisible characters: the brief quotes the strike's facts in normal case from the mended text, no sentence
    twice, no line of the other column run into the story's, no unpunctuated run, and cites them to several outlets."""
    data = _fixture_brief(capsys, QUILL, words, QUILL_CLUTTER)
    summary = data["summary"]
    texts = [s["text"] for s in data["sentences"]]
    for t in texts:
        assert any(ch.islower() for ch in t), t  # (no shouting: every fact has a copy in normal case)
        assert not re.search("[\u00ad\u200b-\u200d\u2060\ufeff\u2011]", t), t
        assert s_words(t) < 45 or re.search(r",(?!\d)", t), t  # (no run of the radio transcript)
    assert len({" ".join(t.lower().split()) for t in texts}) == len(texts)  # (no sentence twice)
    assert "strike" in summary and "Quillford" in summary
    assert "15 percent" in summary or "15%" in summary or "8 percent" in summary
    assert max(len(s["sources"]) for s in data["sentences"]) >= 5
    assert len({o for s in data["sentences"] for o in s["sources"]}) >= 6
    if words >= 120:
        assert "15 percent" in summary or "15%" in summary
        assert "Renwick" in summary and ("shuttle" in summary or "yellow buses" in summary)
    if words >= 250:
        assert "Achterberg" in summary and "Thursday" in summary and "240,000" in summary
    titles = {s["name"]: s["title"] for s in data["sources"]}
    assert titles["Interstate News Service"] == "TRANSIT WORKERS STRIKE IN QUILLFORD, HALTING BUSES AND TRAMS"
    assert titles["Eastbank Observer"].startswith("‘A city on foot’")


def s_words(text: str) -> int:
    return len(text.split())


CADDOW = Path(__file__).parent / "fixtures" / "caddow-slide"
CADDOW_CLUTTER = ["[+", "chars]", "…", ">>", "[Music]", "[NEWS THEME]", "(MUSIC)", "<i>", "</i>", "<c>", "{\\an8}",
                  "-->", "00:0", "HALVORSEN:", "I'm", "reports.", "our website", "[Removed]", "library", "Alder Street",
                  "Good morning", "ClipTrace", "Negative", "Online News"]


@pytest.mark.parametrize("words", [80, 120, 250])
def test_caddow_brief(capsys, words: int) -> None:
    """A TV station's rolling automatic captions without punctuation (.vtt), a radio newscast's captions with speaker
    marks (.srt), a news API's answer (contents cut at 200 characters, a removed article, one about other news, a
    syndicated copy), a monitoring tool's semicolon CSV and a page: the brief quotes whole sentences of them, never a
    cut-off one, a cut mark, a caption's tag or sound note, or the newscast's sign-off, and cites the outlets."""
    data = _fixture_brief(capsys, CADDOW, words, CADDOW_CLUTTER, merged={"03-newsapi-export": "04-cliptrace-export"})
    summary = data["summary"]
    assert "Marrow" in summary or "71-year-old" in summary
    names = {s["id"]: s["name"] for s in data["sources"]}
    assert "01-kcdw-11-news" not in names  # (its captions have no punctuation: skipped with a warning)
    assert names["02-pennick-public-radio"] == "Pennick Public Radio"
    assert names["03-newsapi-export-5"] == "Coastline Daily"
    assert not any(n == "Northridge Tribune" and t == "Council approves $12.8 million for Alder Street library"
                   for n, t in ((s["name"], s["title"]) for s in data["sources"]))
    cut = ("Rescuers freed Edith Marrow, 71, from her basement afte", "for nearly six hours after a landslide struck "
           "three homes in this hillside town on Thu")
    for s in data["sentences"]:
        assert not s["text"].startswith(cut) and not s["text"].endswith(("afte", "Thu"))
    assert max(len(s["sources"]) for s in data["sentences"]) >= 3


def test_exports_that_are_bad_give_one_line_and_status_2(capsys, tmp_path: Path) -> None:
    cases = {
        "only-stamps.vtt": "WEBVTT\n\n" + "00:00:01.000 --> 00:00:02.000\n\n" * 1000,
        "auto.vtt": "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nthe bridge closed on tuesday after cracks were found\n",
        "n.json": json.dumps({"status": "ok", "totalResults": 1, "articles": "none"}),
        "e.json": json.dumps({"status": "error", "code": "rateLimited", "message": "Too many requests."}),
        "x.csv": "reach;country\n100;US\n",
        "q.csv": 'title,text\nx,"' + "a" * 3_000_000,
        "empty.csv": "",
    }
    for name, text in cases.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        code, _, err = run(capsys, "summarize", str(tmp_path / name))
        _one_line_error(code, err)
    good = tmp_path / "good.txt"
    good.write_text("The city closed the Fulton Street Bridge on Tuesday after inspectors found cracks in two girders. "
                    "Repairs will take at least six weeks, the city engineer said.\n", encoding="utf-8")
    code, out, err = run(capsys, "summarize", str(good), str(tmp_path / "auto.vtt"))
    assert code == 0 and "Fulton Street" in out and "no punctuation" in err

def test_budget_too_small_for_any_sentence(capsys, example_paths) -> None:
    code, _, err = run(capsys, "summarize", str(EXAMPLE), "--words", "3")
    _one_line_error(code, err)
    assert "fits" in err


def test_non_english_text_gives_a_brief(capsys, tmp_path: Path) -> None:
    de = tmp_path / "de.txt"
    de.write_text(
        "Der Bürgermeister hat am Dienstag die Brücke gesperrt, nachdem Inspektoren Risse in zwei Stahlträgern "
        "gefunden hatten. Die Reparaturen dauern mindestens sechs Wochen. Die Brücke wird täglich von etwa "
        "18.000 Fahrzeugen genutzt.",
        encoding="utf-8",
    )
    zh = tmp_path / "zh.txt"
    zh.write_text("北京市政府周二宣布，由于检查人员发现两根钢梁出现裂缝，富尔顿街大桥将无限期关闭。维修工作预计至少需要六周。", encoding="utf-8")
    ja = tmp_path / "ja.txt"  # (short sentences: each character counts as a word, however few there are)
    ja.write_text("東京都は火曜日、橋を閉鎖した。検査官が二本の鋼桁に亀裂を発見した。修理には少なくとも六週間かかる見込みだ。",
                  encoding="utf-8")
    for f in (de, zh, ja):
        code, out, err = run(capsys, "summarize", str(f), "--words", "60", "--format", "json")
        assert code == 0, err
        data = json.loads(out)
        assert data["sentences"] and data["sentences"][0]["text"] in f.read_text(encoding="utf-8")


def test_thai_text_says_why_it_gives_no_brief(capsys, tmp_path: Path) -> None:
    """Thai is written without spaces between words and without a full stop: no sentence can be told apart. The
    error said the page was "only web-page clutter"; it now names the script."""
    th = tmp_path / "th.txt"
    th.write_text("เทศบาลปิดสะพานถนนฟุลตันเมื่อวันอังคาร หลังผู้ตรวจสอบพบรอยร้าวในคานเหล็กสองต้น "
                  "การซ่อมแซมจะใช้เวลาอย่างน้อยหกสัปดาห์\n", encoding="utf-8")
    code, _, err = run(capsys, "summarize", str(th))
    _one_line_error(code, err)
    assert "Thai" in err and "clutter" not in err


def test_readme_example_is_what_the_command_prints(capsys) -> None:
    """The README's first example shows the real output of its command (the lines it shows, up to "...")."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = "$ newsfuse summarize examples/lakeport-bridge --words 80\n"
    shown = readme[readme.index(command) + len(command) : readme.index("...\n```", readme.index(command))]
    code, out, _ = run(capsys, "summarize", str(EXAMPLE), "--words", "80")
    assert code == 0
    assert shown.strip() and out.startswith(shown)


def test_output_to_a_missing_directory_fails_before_the_work(capsys, tmp_path: Path, monkeypatch) -> None:
    """-o into a folder that does not exist gave 'internal error: FileNotFoundError' (exit 1) after the brief
    was made; now one line naming the folder, exit 2, and the documents are never read."""
    import newsfuse.cli_summarize as cs

    monkeypatch.setattr(cs, "load_inputs", lambda *a, **k: pytest.fail("the inputs were read"))
    target = tmp_path / "nodir" / "brief.txt"
    code, out, err = run(capsys, "summarize", str(EXAMPLE), "-o", str(target))
    _one_line_error(code, err)
    assert f"cannot write {target}: no such directory {target.parent}" in err and out == ""
    code, _, err = run(capsys, "summarize", str(EXAMPLE), "-o", str(tmp_path / "brief.txt" / "x"))
    _one_line_error(code, err)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_failed_write_is_one_line(example_paths) -> None:
    """Writing to a full disk gave 'internal error: OSError' (exit 1), for -o and for standard output."""
    r = subprocess.run([sys.executable, "-m", "newsfuse", "summarize", str(EXAMPLE), "-o", "/dev/full"],
                       capture_output=True, text=True, timeout=60)
    assert (r.returncode, r.stderr) == (2, "newsfuse: error: cannot write /dev/full: No space left on device\n")
    with open("/dev/full", "w") as full:
        r = subprocess.run([sys.executable, "-m", "newsfuse", "summarize", str(EXAMPLE)], stdout=full,
                           stderr=subprocess.PIPE, text=True, timeout=60)
    assert r.returncode == 2
    assert r.stderr == "newsfuse: error: cannot write the brief to standard output: No space left on device\n"


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("http://[::1", "cannot fetch http://[::1: no host name in the URL"),  # urlsplit raised ValueError: exit 1
        ("http://example.com/\r\nX: y", "cannot fetch http://example.com/\\r\\nX: y: "),  # the message ran over 2 lines
    ],
)
def test_malformed_url_is_one_line(capsys, url: str, says: str) -> None:
    code, _, err = run(capsys, "summarize", "--url", url)
    _one_line_error(code, err)
    assert says in err


def test_a_line_break_in_a_file_name_keeps_the_error_on_one_line(capsys, tmp_path: Path) -> None:
    code, _, err = run(capsys, "summarize", str(tmp_path / "no\nsuch.txt"))
    _one_line_error(code, err)
    assert "no\\nsuch.txt" in err


def test_a_terminal_escape_in_a_file_name_is_shown_escaped(capsys) -> None:
    code, _, err = run(capsys, "summarize", "x\x1b[2Jy.txt")
    _one_line_error(code, err)
    assert "x\\x1b[2Jy.txt" in err and "\x1b" not in err


def test_a_warning_naming_a_file_with_a_line_break_stays_on_one_line(capsys, tmp_path: Path, example_paths) -> None:
    (tmp_path / "empty\nname\x1b.txt").write_text("")
    (tmp_path / "a.txt").write_text(example_paths[0].read_text())
    code, out, err = run(capsys, "summarize", str(tmp_path), "--words", "30")
    assert code == 0 and out
    assert err.count("\n") == 1 and "empty\\nname\\x1b.txt is empty" in err


@pytest.mark.parametrize(("redirect", "says"), [
    ("<&-", "newsfuse: error: standard input is closed: there is nothing to read for '-'"),
    (">&-", "newsfuse: error: standard output is closed: give -o FILE to keep the brief"),
])
def test_closed_standard_streams(redirect: str, says: str, tmp_path: Path) -> None:
    """With stdin closed, '-' gave 'internal error: AttributeError'; with stdout closed the brief was dropped
    without a word (exit 0)."""
    doc = tmp_path / "a.txt"
    doc.write_text("The council closed the bridge on Monday after inspectors found cracks in two girders.")
    r = subprocess.run(f"{sys.executable} -m newsfuse summarize - {doc} {redirect}", shell=True, capture_output=True,
                       text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert (r.returncode, r.stderr) == (2, says + "\n")


def test_hindi_text_is_split_at_its_danda(capsys, tmp_path: Path) -> None:
    hi = tmp_path / "hi.txt"
    hi.write_text("नगर परिषद ने मंगलवार को पुल बंद कर दिया क्योंकि निरीक्षकों को दो स्टील गर्डरों में दरारें मिलीं। "
                  "मरम्मत में कम से कम छह सप्ताह लगेंगे और लगभग चालीस लाख डॉलर खर्च होंगे, शहर के इंजीनियर ने कहा।",
                  encoding="utf-8")
    code, out, err = run(capsys, "summarize", str(hi), "--words", "20", "--format", "json")
    assert code == 0, err
    first, second = (s.strip() + "।" for s in hi.read_text(encoding="utf-8").split("।")[:2])
    [only] = json.loads(out)["sentences"]  # one sentence of the two fits 20 words; the whole text does not
    assert only["text"] in (first, second)


@pytest.mark.parametrize(("sig", "status", "word"), [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")])
def test_a_signal_while_the_command_loads_is_one_line(sig: signal.Signals, status: int, word: str) -> None:
    """Ctrl-C or `kill` in the first ~0.4 s (numpy, scipy and the models loading) gave a KeyboardInterrupt
    traceback or a silent death; it gets the line and status a run stopped later gets."""
    proc = subprocess.Popen([sys.executable, "-m", "newsfuse", "summarize", str(EXAMPLE)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(0.15)
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == status, err
    assert err.strip() == f"newsfuse: {word}" and not out


def test_captions_punctuated_only_at_each_turns_end_are_not_quoted(capsys, tmp_path: Path) -> None:
    """Automatic captions with a point only where a speaker stops (long runs without a mark inside) are read, and left
    to the other outlets' sentences as quill-strike's radio transcript is (select.run_ons)."""
    import shutil

    from newsfuse.subtitles import subtitles_to_text

    for p in CADDOW.iterdir():
        if p.name != "README.md" and not p.name.startswith("01-"):
            shutil.copy(p, tmp_path / p.name)
    turns = subtitles_to_text((CADDOW / "01-kcdw-11-news.vtt").read_text(encoding="utf-8")).split("\n\n")
    (tmp_path / "01-kcdw-11-news.vtt").write_text("WEBVTT\n\n" + "".join(
        f"00:00:{k:02d}.000 --> 00:00:{k:02d}.900\n>> {t}.\n\n" for k, t in enumerate(turns)), encoding="utf-8")
    for words in (80, 250):
        code, out, err = run(capsys, "summarize", str(tmp_path), "--words", str(words), "--format", "json")
        assert code == 0, err
        assert all(s["origin"] != "01-kcdw-11-news" for s in json.loads(out)["sentences"])


LORNBY = Path(__file__).parent / "fixtures" / "lornby-flood"
LORNBY_CLUTTER = [
    "Correction", "misstated", "has been updated", "Updated at", "Editor's note", "earlier version", "UPDATE",
    "Adds new death toll", "Earlier:", "Recap:", "Stay with", "Follow our live", "Reporting by", "Trust Principles",
    "Play Video", "Printed", "Staff correspondent",
]


@pytest.mark.parametrize("words", [80, 120, 250])
def test_lornby_brief(capsys, words: int) -> None:
    """A flood whose death toll moves while outlets report it (an early wire's "at least four", the coroner's seven, a
    commissioner's nine): the brief quotes no correction, update note or stamp, never the superseded toll of four as
    the story's, and credits a sentence with figures only to the outlets that give them."""
    data = _fixture_brief(capsys, LORNBY, words, LORNBY_CLUTTER)
    summary = data["summary"]
    assert "at least four people have died" not in summary.lower()
    assert "at least four people had died" not in summary.lower()
    for s in data["sentences"]:
        if "650" in s["text"]:  # (only the printed page gives the shelters' count)
            assert s["sources"] == ["06-arden-statesman"], s
        if "24.6 feet" in s["text"]:  # (the early wire's "about 24 feet" and the TV page's "more than ten feet" do not)
            assert "01-npa-early" not in s["sources"] and "05-kvrl-7" not in s["sources"], s
        if "seven" in s["text"].lower() and ("dead" in s["text"] or "death" in s["text"]):
            assert "01-npa-early" not in s["sources"] and "05-kvrl-7" not in s["sources"], s
    # the commissioner's nine (the TV page) against the coroner's seven (the others but the early wire, whose "at least
    # four" was superseded): whenever the brief states either, it says the figures differ, and whose they are (the
    # brief's figure first)
    from newsfuse.figures import whole_counts

    stated = [c.value for s in data["sentences"] for c in whole_counts(s["text"]) if c.kind == "dead"]
    assert bool(stated) == ("disputes" in data)
    if stated:
        nine = {"count": 9, "sources": ["05-kvrl-7"]}
        seven = {"count": 7, "sources": ["02-npa-update", "03-lornby-courier", "04-tessel-valley-news",
                                         "06-arden-statesman"]}
        figures = [nine, seven] if stated[0] == "9" else [seven, nine]
        assert data["disputes"] == [{"kind": "dead", "figures": figures}]
        code, out, err = run(capsys, "summarize", str(LORNBY), "--words", str(words))
        assert code == 0, err
        line = "; ".join(f"{f['count']} dead {'[5]' if f is nine else '[2,3,4,6]'}" for f in figures)
        assert f"\n\nFigures differ: {line}.\n\nSources:\n" in out, out


ORVEL = Path(__file__).parent / "fixtures" / "orvel-astrolabe"


@pytest.mark.parametrize("words", [80, 120, 250])
def test_orvel_brief_opens_with_the_return(capsys, words: int) -> None:
    """Every document leads with the astrolabe's return; the police statement's "Two men, aged 34 and 51, were arrested
    at the storage unit." (the headlines' sentence) refers back to "a storage unit" its statement introduced and
    cannot open the brief (it did at every length)."""
    code, out, err = run(capsys, "summarize", str(ORVEL), "--words", str(words), "--format", "json")
    assert code == 0, err
    first = json.loads(out)["sentences"][0]["text"]
    assert "Astrolabe is back" in first or "returned" in first, first
    assert "the storage unit" not in first


HALDEN = Path(__file__).parent / "fixtures" / "halden-vote"
HALDEN_CLUTTER = [
    "LIVE", "Refresh", "Share this post", "Key moments", "UNOFFICIAL", "Report #4", "Reporting by", "Trust Principles",
    "FOR IMMEDIATE RELEASE", "Paid for by", "###", "Now Playing", "WATCH", "Unmute", "Up Next", "Autoplay",
    "story continues below", "Download the", "Election Extra", "Sign in to comment", "riverrat", "Finally some change",
    "Related", "Comments", "Most Read", "Subscribe",
]
# the night's partial counts (the live page's early entries) and the statement's words without its speaker's name
HALDEN_NOT_QUOTED = [
    "2,310", "1,987", "4,120", "4,088", "2,460", "1,851", "within the hour", "The count is clear", "honor of my life",
    "I will do everything", "full cooperation and", "You ran a campaign", "Halden voted for change tonight",
]


@pytest.mark.parametrize("words", [60, 120, 250])
def test_halden_brief(capsys, words: int) -> None:
    """An election night: a live page whose counts move (the first count has the mayor ahead, the final one the
    challenger), the county's results table, a wire copy, the loser's concession statement, a TV page, a local paper
    with comments, a Spanish copy. The brief names the winner with the final count, never an early one, quotes none
    of the pages' furniture and none of the statement in the outlet's voice, and credits the final count only to the
    outlets that give it."""
    data = _fixture_brief(capsys, HALDEN, words, HALDEN_CLUTTER)
    summary = data["summary"]
    for bit in HALDEN_NOT_QUOTED:
        assert bit not in summary, bit
    assert "6,412" in summary and "5,967" in summary  # (the final count)
    assert all(s["origin"] != "07-el-eco-de-marrick" for s in data["sentences"])
    first = data["sentences"][0]["text"]
    assert first[0].isupper() and not first.startswith(("He ", "She ", "His ", "Her ", '"'))
    for s in data["sentences"]:
        if "6,412" in s["text"]:  # (the live page's early entries and the statement give no final count)
            assert "04-pelling-for-halden" not in s["sources"] and "07-el-eco-de-marrick" not in s["sources"], s
            assert len(s["sources"]) >= 3, s
        if s["text"].startswith(("The count is clear", "It has been", "I ", "Together we", "Ines will")):
            raise AssertionError(s)


def test_halden_text_brief_names_its_outlets(capsys) -> None:
    code, out, err = run(capsys, "summarize", str(HALDEN), "--words", "120")
    assert code == 0, err
    body, _, sources = out.partition("Sources:")
    assert "Varga-Holm" in body and "6,412" in body
    for name in ("The Halden Herald", "Marrick County Elections Office", "Cardale Press", "KHLD 8 News",
                 "Marrick Valley Courier"):
        assert name in sources, name


def test_halden_batch_line_is_the_summarize_brief(capsys, tmp_path: Path) -> None:
    """`newsfuse batch` over a folder holding the story folder gives the brief `newsfuse summarize` gives."""
    import shutil

    from newsfuse.load import load_inputs

    shutil.copytree(HALDEN, tmp_path / "stories" / "halden-vote")
    out = tmp_path / "out.jsonl"
    code, _, err = run(capsys, "batch", str(tmp_path / "stories"), "--out", str(out), "--words", "120", "--workers", "1")
    assert code == 0, err
    line = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert line["id"] == "halden-vote"
    assert line["summary"] == newsfuse.summarize(load_inputs([str(HALDEN)]), words=120).summary


BRISK = Path(__file__).parent / "fixtures" / "brisk-transit"
BRISK_CLUTTER = [
    "Correction", "misstated", "1.2 billion", "Editor's note", "updated", "By Mara", "Wire Service", "Ledger staff",
    "contributed", "Q:", "A:", "Quick facts", "FOR IMMEDIATE", "###", "Media contact", "views expressed", "Editorials",
    "GrantStreetGary", "▲", "Reply", "Most", "Trending", "Advertisement", "Related", "Reach him",
]
BRISK_WIRE = {"02-brisk-evening-star", "03-tamberly-times", "04-kbsk-news-radio"}
BRISK_OPINION = {"06-brisk-beacon-column", "07-brisk-evening-star-editorial"}


@pytest.mark.parametrize("words", [60, 120, 250])
def test_brisk_brief(capsys, words: int) -> None:
    """A city votes to build a light-rail line: a local paper's story with a correction and an editor's note appended,
    one wire story in three outlets (different headlines, one with local paragraphs), the city's release with "Quick
    facts" and a FAQ, a column with an author box, comments and "Most read", and an editorial. The brief opens with
    the vote and its cost (the corrected figure), quotes no column or editorial (their opinions would read as fact),
    none of the corrections, FAQ labels, comments or bylines, counts the three wire copies as one report and their
    local paragraphs as the outlet's own, and credits a quotation only to the pages that give its words."""
    data = _fixture_brief(capsys, BRISK, words, BRISK_CLUTTER)
    first = data["sentences"][0]["text"]
    assert "voted 7-2" in first and "$1.4 billion" in first, first  # (the decision and its cost open the brief)
    if words >= 120:
        assert "late 2031" in data["summary"]  # (when the trains run)
    for s in data["sentences"]:
        assert s["origin"] not in BRISK_OPINION, s
        assert not s["text"].startswith(("I ", "We ", "A: ", "Q: ")) and "we should" not in s["text"].lower(), s
        if set(s["sources"]) <= BRISK_WIRE:
            assert s["reports"] == 1, s  # (one wire story, three outlets)
        if "Tamberly" in s["text"] or "Brun" in s["text"]:  # (the local paragraphs: the Times's own)
            assert s["sources"] == ["03-tamberly-times"] and s["reports"] == 1, s
        if "biggest decision" in s["text"]:  # (the Ledger and the city quote the mayor's other words)
            assert set(s["sources"]) == BRISK_WIRE and s["reports"] == 1, s
        if "$1.4 billion" in s["text"]:
            assert s["reports"] >= 2, s  # (the wire and the Ledger give the cost)


def test_brisk_text_brief_names_its_outlets(capsys) -> None:
    code, out, err = run(capsys, "summarize", str(BRISK), "--words", "120")
    assert code == 0, err
    body, _, sources = out.partition("Sources:")
    assert body.startswith("The Brisk City Council voted 7-2")
    for name in ("The Brisk Ledger", "The Brisk Evening Star", "Tamberly Times", "KBSK News Radio", "City of Brisk"):
        assert name in sources, name
    assert "The Brisk Beacon" not in sources  # (the column is not cited: none of its sentences is quoted)


SELLA = Path(__file__).parent / "fixtures" / "sella-study"
SELLA_CLUTTER = [
    "###", "Media contact", "press@", "About Sella University", "Notes to editors", "EMBARGOED", "Background:",
    "Methods:", "Results:", "Conclusions:", "Funding:", "Conflict of interest", "Cite this article", "DOI", "doi:",
    "2019;12", "Marlow P", "et al.", "Corresponding author", "1/6", "Click to enlarge", "shares", "Reporting by",
    "[00:", "MAYA ELLROD:", "ILSE KORVATH:", "check against the audio", "podcasts", "Unsubscribe", "Donate",
]
# the tabloid's overstatement, in its own voice or an unnamed expert's, and its reader's
SELLA_NOT_QUOTED = [
    "breakthrough", "Breakthrough", "miracle", "slashes", "for good", "top expert", "pennies a day", "I want it tomorrow",
    "Whether low-dose brenacine",  # (the abstract's background: what was not known before the trial)
]


@pytest.mark.parametrize("words", [60, 120, 250])
def test_sella_brief(capsys, words: int) -> None:
    """A medical study: the university's press release, the journal's abstract page, a careful newspaper story with an
    outside expert, a tabloid page that calls the drug a cure, a wire copy, a podcast transcript, a charity's newsletter.
    The brief gives the result with its figures, quotes none of the journal's or the pages' furniture, nor the tabloid's
    overstatement as fact, and gives no figure twice."""
    data = _fixture_brief(capsys, SELLA, words, SELLA_CLUTTER)
    summary = data["summary"]
    for bit in SELLA_NOT_QUOTED:
        assert bit not in summary, bit
    assert "6.8%" in summary and "8.9%" in summary  # (the result, with its size)
    assert summary.count("6.8%") == 1 and summary.count("8.9%") == 1  # (told once: SAME_FIGURES)
    first = data["sentences"][0]["text"]
    assert first[0].isupper() and not first.startswith(("He ", "She ", "It ", "This ", "That ", '"', "“", "["))
    for s in data["sentences"]:
        assert s["origin"] != "04-daily-blaze" or "Korvath" in s["text"], s  # (the tabloid only for a named quote)
        if "6.8%" in s["text"]:
            assert len(s["sources"]) >= 2, s


def test_sella_long_brief_gives_the_limits(capsys) -> None:
    """At 250 words the brief gives the careful outlets' limits: the absolute size (48 patients treated to prevent one
    stroke), the experts' "modest", the side effects and "not claiming a cure"."""
    data = _fixture_brief(capsys, SELLA, 250, SELLA_CLUTTER)
    summary = data["summary"]
    assert "48 patients" in summary and "modest" in summary and "diarrhoea" in summary and "not claiming a cure" in summary


def test_sella_text_brief_names_its_outlets(capsys) -> None:
    code, out, err = run(capsys, "summarize", str(SELLA), "--words", "120")
    assert code == 0, err
    body, _, sources = out.partition("Sources:")
    assert "brenacine" in body and "6.8%" in body
    for name in ("Sella University News", "The Carrowmere Standard", "Northstar News Agency", "Lowmoor Public Radio"):
        assert name in sources, name


CORRAN = Path(__file__).parent / "fixtures" / "corran-earnings"
CORRAN_CLUTTER = [
    "NASDAQ", "CRRN", "passcode", "dial", "1-800", "webcast", "replay", "conference call to discuss", "non-GAAP",
    "Non-GAAP", "reconciliation", "forward-looking", "About Corran", "ir@", "press@", "Operator", "[Operator",
    "listen-only", "being recorded", "Your line is open", "disconnect", "go ahead", "With me today", "Thank you",
    "Thanks", "informational purposes", "investment advice", "Consensus rating", "price target:", "Our Standards",
    "Principles", "Castline) -", "Sponsored", "52 Week", "Market Cap", "Volume", "Autoplay", "Related Tickers",
    "Update, 4:10", "Reach Della", "Advertisement", "Reporting by", "Tags:", "comments",
]
CORRAN_TRANSCRIPT = "05-tallyroom"


@pytest.mark.parametrize("words", [60, 120, 250])
def test_corran_brief(capsys, words: int) -> None:
    """A company reports its quarter, cuts its outlook and announces layoffs, and its shares fall through the day: its
    press release (a results table, a non-GAAP reconciliation, call details, the legal boilerplate), a wire flash giving
    the premarket fall and the wire's later story giving the close, a finance page with a quote widget and live tickers,
    the call's transcript, a local paper's story of the plant's workers, a blog post updated at the close. The brief
    gives the results and the cut outlook, never the premarket or the afternoon's move once the close is known, none of
    the release's, the widget's or the operator's furniture, and no transcript speaker's "we" without a name."""
    data = _fixture_brief(capsys, CORRAN, words, CORRAN_CLUTTER)
    summary = data["summary"]
    assert "$2.35 billion to $2.42 billion" in summary and "$2.60 billion to $2.68 billion" in summary  # (the cut outlook)
    assert "$612.4 million" in summary  # (the quarter's revenue)
    assert "9% in premarket" not in summary and "down 9%" not in summary and "12%" not in summary  # (moves of the day)
    if words >= 120:
        assert "1,100 jobs" in summary and "14%" in summary  # (the layoffs; the shares' fall at the close)
        assert "net loss" in summary or "quarterly loss" in summary  # (the loss)
        assert "648.3 million" in summary  # (against the analysts' estimate)
    if words >= 250:
        assert data["sentences"][0]["text"].startswith("Shares of Corran Systems closed down 14%")
    for s in data["sentences"]:
        if s["origin"] == CORRAN_TRANSCRIPT:  # (the speakers' names are gone with their label lines)
            assert not re.search(r"\b(?:I|we|We|our|Our|us)\b", s["text"]), s
        assert "asked not to be named" not in s["text"], s  # (nobody quoted without a name)


def test_corran_text_brief_names_its_outlets(capsys) -> None:
    code, out, err = run(capsys, "summarize", str(CORRAN), "--words", "250")
    assert code == 0, err
    body, _, sources = out.partition("Sources:")
    assert body.startswith("Shares of Corran Systems closed down 14% on Thursday")
    for name in ("Corran Systems", "Castline News Service", "MarketHarbor", "The Harwick Courier"):
        assert name in sources, name
