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
