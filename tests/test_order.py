"""The order stage: lead first, then article order, and a surname after the sentence that introduces it."""

from __future__ import annotations

import pytest

from newsfuse.order import names, order
from newsfuse.represent import represent
from newsfuse.split import split_document


@pytest.mark.parametrize(
    ("text", "introduced", "alone"),
    [
        ("City engineer Priya Raman said the inspectors found the cracks.", {"Raman"}, {"City"}),
        ("Raman said repairs are expected to take at least six weeks.", set(), {"Raman"}),
        ("Mr. Sessions said he met Sergey Kislyak twice.", {"Sessions", "Kislyak"}, set()),
        ("the council met on tuesday.", set(), set()),  # lower-cased text (Multi-News) names no one
    ],
)
def test_names(text: str, introduced: set[str], alone: set[str]) -> None:
    assert names(text) == (introduced, alone)


DOCS = [
    "Lakeport closed the Fulton Street Bridge on Monday after inspectors found cracks in two girders. "
    "Raman said repairs are expected to take at least six weeks.",
    "The bridge carries about 18,000 vehicles a day between downtown and the harbor. "
    "Drivers face long detours during the closure, the city warned. "
    "Late on Monday, city engineer Priya Raman said the cracks were found in a routine inspection.",
]


def _order(docs: list[str]) -> list[str]:
    sents = [s for k, t in enumerate(docs) for s in split_document(t, k)]
    rep = represent(sents, len(docs))
    texts = [s.text for s in rep.sentences]
    picked = [texts.index(t) for t in (DOCS[0].split(". ")[0] + ".",) + tuple(t for t in texts if "Raman" in t)]
    return [texts[i] for i in order(rep, picked, {}, {i: 1 for i in picked})]


def test_a_surname_waits_for_its_introduction() -> None:
    out = _order(DOCS)
    assert out[0].startswith("Lakeport closed")  # the lead stays first
    # by article position "Raman said" (second of its article) would come before the last sentence of the
    # other article; it waits for "city engineer Priya Raman"
    assert out[1].startswith("Late on Monday, city engineer Priya Raman")
    assert out[2].startswith("Raman said repairs")


def test_without_the_introduction_in_the_brief_article_order_stands() -> None:
    docs = [DOCS[0], DOCS[1].replace("city engineer Priya Raman", "the city engineer")]
    sents = [s for k, t in enumerate(docs) for s in split_document(t, k)]
    rep = represent(sents, len(docs))
    texts = [s.text for s in rep.sentences]
    picked = [0, 1, len(texts) - 1]
    out = [texts[i] for i in order(rep, picked, {}, {i: 1 for i in picked})]
    assert out[1].startswith("Raman said")
