"""The order stage: lead first, then article order, and a surname after the sentence that introduces it."""

from __future__ import annotations

import pytest

from newsfuse.order import names, order, refers_back
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


STORAGE = [
    "Officers recovered a stolen brass compass on Thursday. "
    "It was found during a search of a storage unit in the harbor district. "
    "Two men were arrested at the storage unit.",
    "The Brennick Museum has its brass compass back after two years. "
    "Detective Ana Volk led the search. "
    "Volk said a tip from a neighbor had broken the case open.",
]


def _rep(docs: list[str]):  # noqa: ANN202
    sents = [s for k, t in enumerate(docs) for s in split_document(t, k)]
    return represent(sents, len(docs))


@pytest.mark.parametrize(
    ("later", "back"),
    [
        ("Two men were arrested at the storage unit.", True),  # "a storage unit" before: the one met
        ("Volk said the owners had been told.", True),  # a surname the article used before, alone
        ("Volk, a detective for 20 years, led the search.", True),
        ("The 46-year-old was released on bail.", True),  # someone by a definite age
        ("With her team behind her, she searched the unit.", True),  # a pronoun before anyone is introduced
        ('"We never gave up," said Volk.', True),  # a quotation opening: its speaker was met before
        ("No, the museum will not press charges.", True),  # a reply
        ("Police in the harbor district said the compass was insured.", False),
        ("A retired teacher, Mara Lind, saw the compass offered for sale online.", False),
        ("The city of Harwick will pay for the repairs.", False),  # the X of Y says what it names
    ],
)
def test_refers_back(later: str, back: bool) -> None:
    opening = "Detective Ana Volk searched a storage unit in the harbor district on Thursday. "
    rep = _rep([opening + later])
    assert refers_back(rep, 1) is back
    # an article's first sentence is written to open a story
    assert refers_back(_rep([later]), 0) is False


@pytest.mark.parametrize(
    ("opening", "later", "back"),
    [
        # must-keep: a place met after a preposition is no surname, and a word after "a ... in" was not introduced
        ("A plane carrying 150 people crashed in a field in France on Monday.", "France said there were no survivors.",
         False),
        ("A man was killed in a shooting in Chicago on Sunday, a spokesman said.",
         "The Chicago Police Department said no arrests had been made.", False),
        ("The Senate passed a bill on Tuesday.", "The president said he would sign it.", False),
        # ... while a surname after a first name or a title still refers back, and so does a thing met with "a"
        ("President Obama spoke on Monday at a rally in Denver.", "Obama told the crowd the economy was improving.", True),
        ("Mr. Volk searched the house on Monday.", "Volk said the owners had been told.", True),
        ("A spokeswoman said a patient died at the hospital.", "Hospital officials said the patient had the flu.", True),
    ],
)
def test_refers_back_must_keep(opening: str, later: str, back: bool) -> None:
    rep = _rep([opening + " " + later])
    assert len(rep.sentences) == 2
    assert refers_back(rep, 1) is back


def test_refers_back_linear_on_hostile_input() -> None:
    """A page of 1 MB without spaces, then a surname alone: reading what came before stays linear."""
    import time

    from newsfuse.model import Sentence

    text = "x" * 1_000_000 + " " + "a" * 500_000 + "."
    junk = Sentence(text=text, doc=0, position=0, start=0, end=len(text))
    later = Sentence(text="Volk said the owners had been told.", doc=0, position=1, start=len(text) + 1,
                     end=len(text) + 36)
    rep = represent([junk, later], 1)
    t = time.perf_counter()
    refers_back(rep, 1)
    assert time.perf_counter() - t < 2.0


def test_a_lead_can_open_a_story() -> None:
    # "Two men were arrested at the storage unit." is the most salient sentence opening its article's part of the brief,
    # but it refers back to "a storage unit" its article introduced: the museum's news leads
    rep = _rep(STORAGE)
    texts = [s.text for s in rep.sentences]
    arrested = texts.index("Two men were arrested at the storage unit.")
    back = texts.index("The Brennick Museum has its brass compass back after two years.")
    picked = [arrested, back]
    salience = {arrested: 0.6, back: 0.5}
    support = {i: 1 for i in picked}
    assert order(rep, picked, {}, support, salience=salience)[0] == back
    # ... even when the headlines' sentence (select's anchor) is the arrest
    assert order(rep, picked, {}, support, lead=arrested, salience=salience)[0] == back
    # ... unless no chosen sentence that can open a story comes near it in salience
    salience[back] = 0.2
    assert order(rep, picked, {}, support, salience=salience)[0] == arrested
    # ... or none can
    alone = [arrested, texts.index("Volk said a tip from a neighbor had broken the case open.")]
    assert refers_back(rep, alone[1])
    assert order(rep, alone, {}, {i: 1 for i in alone}, salience={arrested: 0.6, alone[1]: 0.5})[0] == arrested
