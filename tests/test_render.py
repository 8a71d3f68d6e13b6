import json

import pytest

from newsfuse.errors import InputError
from newsfuse.model import Brief, BriefSentence, Source, Stats
from newsfuse.render import render

BRIEF = Brief(
    sentences=(
        BriefSentence("The bridge closed on Tuesday.", "a", ("a", "b"), 2, 0, 29),
        BriefSentence("Repairs cost <b>$4.2 million</b> & more.", "b", ("b",), 1, 10, 50),
    ),
    sources=(
        Source("a", "Lakeport Ledger", "Bridge closed", "https://ledger.example/bridge", "2024-10-15"),
        Source("b", "Harbor <Daily>", None, None, None),
    ),
    stats=Stats(documents=2, sentences_in=10, words=11, seconds=0.01234),
)


def test_text_golden() -> None:
    assert render(BRIEF, "text") == (
        "The bridge closed on Tuesday. [1,2] Repairs cost <b>$4.2 million</b> & more. [2]\n"
        "\n"
        "Sources:\n"
        '[1] Lakeport Ledger - "Bridge closed" - 2024-10-15 - https://ledger.example/bridge\n'
        "[2] Harbor <Daily>\n"
    )


def test_markdown_golden() -> None:
    assert render(BRIEF, "markdown") == (
        "The bridge closed on Tuesday. [1][2] Repairs cost \\<b\\>$4.2 million\\</b\\> & more. [2]\n"
        "\n"
        "## Sources\n"
        "\n"
        "1. **Lakeport Ledger** — Bridge closed (2024-10-15) <https://ledger.example/bridge>\n"
        "2. **Harbor \\<Daily\\>**\n"
    )


def test_json_contract() -> None:
    data = json.loads(render(BRIEF, "json"))
    assert data["summary"] == "The bridge closed on Tuesday. Repairs cost <b>$4.2 million</b> & more."
    assert data["sentences"][0] == {
        "text": "The bridge closed on Tuesday.",
        "sources": ["a", "b"],
        "origin": "a",
        "outlets": 2,
        "reports": 0,
        "start": 0,
        "end": 29,
    }
    assert data["sources"][1] == {"id": "b", "name": "Harbor <Daily>", "title": None, "url": None, "date": None}
    assert data["stats"] == {"documents": 2, "sentences_in": 10, "words": 11, "seconds": 0.0123}


def test_html_escapes_every_piece_of_article_text() -> None:
    page = render(BRIEF, "html")
    assert "<b>$4.2" not in page
    assert "&lt;b&gt;$4.2 million&lt;/b&gt; &amp; more." in page
    assert "Harbor &lt;Daily&gt;" in page
    assert page.startswith("<!doctype html>")
    assert "<script" not in page
    assert 'href="#src2"' in page


def test_unknown_format() -> None:
    with pytest.raises(InputError):
        render(BRIEF, "pdf")


def test_text_and_markdown_do_not_pass_terminal_escape_sequences() -> None:
    """An article holding ESC sequences ("\\x1b]0;...\\x07" retitles a terminal, "\\x1b[2J" clears it) had them
    printed as they were by the text and Markdown briefs; each control character now shows as U+FFFD.
    JSON keeps the verbatim text (as an escape), HTML is inert to them."""
    text = "The bridge \x1b[2Jclosed\x1b]0;pwned\x07 on Tuesday.\x9b"
    brief = Brief(
        sentences=(BriefSentence(text, "a", ("a",), 1, 0, len(text)),),
        sources=(Source("a", "Ledger\x1b[31m", "Title\r", None, "2024\x00"),),
        stats=Stats(documents=1, sentences_in=1, words=4, seconds=0.0),
    )
    for fmt in ("text", "markdown"):
        out = render(brief, fmt)
        assert not any(ord(ch) < 32 and ch != "\n" or 0x7F <= ord(ch) <= 0x9F for ch in out), repr(out)
    assert render(brief, "text").startswith("The bridge \ufffd[2Jclosed\ufffd]0;pwned\ufffd on Tuesday.\ufffd [1]\n")
    assert "[1] Ledger\ufffd[31m - \"Title\ufffd\" - 2024\ufffd\n" in render(brief, "text")
    assert json.loads(render(brief, "json"))["sentences"][0]["text"] == text


def test_html_says_how_many_independent_reports_the_outlets_make() -> None:
    from newsfuse.model import BriefSentence
    from newsfuse.render import outlet_count

    assert outlet_count(BriefSentence("x", "a", ("a", "b", "c"), 3, reports=1)) == "3 outlets, 1 independent report"
    assert outlet_count(BriefSentence("x", "a", ("a", "b", "c"), 3, reports=2)) == "3 outlets, 2 independent reports"
    assert outlet_count(BriefSentence("x", "a", ("a", "b"), 2, reports=2)) == "2 outlets"
    assert outlet_count(BriefSentence("x", "a", ("a",), 1, reports=1)) == "1 outlet"
    assert outlet_count(BriefSentence("x", "a", ("a", "b"), 2)) == "2 outlets"  # (not known)


def test_figures_that_differ_are_said_in_every_format() -> None:
    """A count the brief states that outlets give differently gets one line, with the brief's source numbers; a
    source that only the line cites is listed among the sources too."""
    from newsfuse.model import Dispute

    brief = Brief(
        sentences=(BriefSentence("Nine people have died in the flooding.", "k", ("k",), 1, 0, 38),),
        sources=(Source("c", "The Courier"), Source("k", "KVRL 7 <News>"), Source("s", "The Statesman")),
        stats=Stats(documents=3, sentences_in=9, words=6, seconds=0.0),
        disputes=(Dispute("dead", (("9", ("k",)), ("7", ("c", "s")))),),
    )
    text = render(brief, "text")
    assert "\n\nFigures differ: 9 dead [2]; 7 dead [1,3].\n\nSources:\n[1] The Courier\n[2] KVRL 7 <News>\n" \
           "[3] The Statesman\n" in text
    md = render(brief, "markdown")
    assert "\n\n**Figures differ:** 9 dead [2]; 7 dead [1][3].\n\n## Sources\n" in md
    assert "3. **The Statesman**" in md
    page = render(brief, "html")
    assert ('<p class="differ">Figures differ: 9 dead <a href="#src2">[2]</a>; 7 dead <a href="#src1">[1]</a>'
            '<a href="#src3">[3]</a>.</p>') in page
    assert json.loads(render(brief, "json"))["disputes"] == [
        {"kind": "dead", "figures": [{"count": 9, "sources": ["k"]}, {"count": 7, "sources": ["c", "s"]}]}]
    assert "disputes" not in json.loads(render(BRIEF, "json"))  # (only when there is something to say)
    assert "Figures differ" not in render(BRIEF, "text") + render(BRIEF, "markdown") + render(BRIEF, "html")
