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


def test_the_sentence_that_states_the_headline_leads() -> None:
    # the page opens with its subhead and an update stamp, so the story's news sits third in its article, behind
    # a sentence backed by more outlets; with headlines (select's anchor) it leads all the same
    from newsfuse import summarize

    docs = [
        {"title": "Water main break leaves Millbrook homes dry", "text":
            "Crews worked through the night on a 70-year-old pipe under Elm Avenue.\n\n"
            "Water service was restored to the hospital early Tuesday, the utility said.\n\n"
            "A water main burst under Elm Avenue on Monday evening, leaving about 3,000 homes in Millbrook without "
            "water, the utility director said.\n\n"
            "Helen Park, who directs the utility, said the broken pipe was made of cast iron and dated to 1955."},
        {"title": "Millbrook homes without water after main break", "text":
            "Helen Park, the utility's director, said the pipe that broke was cast iron and had been laid in 1955.\n\n"
            "About 3,000 homes in Millbrook lost water when the main under Elm Avenue burst on Monday evening.\n\n"
            "The town opened a bottled water station at the community center."},
        {"title": "Main break cuts water to 3,000 Millbrook homes", "text":
            "The cast-iron pipe that failed was laid in 1955, utility director Helen Park said.\n\n"
            "Residents were told to boil their water for 48 hours after service resumes."},
    ]
    brief = summarize(docs, words=80)
    assert brief.sentences[0].text.startswith("A water main burst under Elm Avenue")
    assert any(s.text.startswith("Helen Park") for s in brief.sentences)  # the better-backed sentence is there too


def test_the_lead_is_the_most_salient_sentence_that_opens_its_articles_part() -> None:
    # salience (select's predicted overlap with a human brief) picks the lead among the chosen sentences that open their
    # article's part of the brief; a later sentence of an article never leads before an earlier one of it
    docs = [
        "The bridge carries about 18,000 vehicles a day between downtown and the harbor. "
        "Lakeport closed the Fulton Street Bridge on Monday after inspectors found cracks in two girders.",
        "Drivers face long detours during the closure, the city warned on Monday. "
        "Repairs to the two cracked girders will take at least six weeks, the city engineer said.",
    ]
    sents = [s for k, t in enumerate(docs) for s in split_document(t, k)]
    rep = represent(sents, len(docs))
    picked = list(range(len(rep.sentences)))
    support = {i: 1 for i in picked}
    texts = [s.text for s in rep.sentences]
    closed = texts.index(next(t for t in texts if t.startswith("Lakeport closed")))
    detours = texts.index(next(t for t in texts if t.startswith("Drivers face")))
    # the closure is the most salient sentence, but its article's first chosen sentence comes before it
    salience = {i: (0.9 if i == closed else 0.1) for i in picked}
    assert order(rep, picked, {}, support, salience=salience)[0] == 0
    # with the closure alone from its article, it leads
    picked2 = [i for i in picked if i != 0]
    assert order(rep, picked2, {}, {i: 1 for i in picked2}, salience=salience)[0] == closed
    # the detour sentence leads when it is the most salient opener
    salience[detours] = 0.95
    assert order(rep, picked, {}, support, salience=salience)[0] == detours
