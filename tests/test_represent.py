"""The same-fact test behind redundancy and attribution, on paraphrase pairs from our own example story."""

import pytest

from newsfuse.represent import _is_quantity, represent, stem, words
from newsfuse.split import split_document

BACKGROUND = [
    "Officials met on Wednesday to discuss the Canal Avenue detour and the ferry schedule.",
    "The harbor ferry added two crossings for commuters during the morning rush.",
    "Police will post officers at the busiest intersections during rush hour.",
    "The city council meets again next Tuesday to review the budget for bridge repairs.",
]

SAME = [
    (
        "The bridge, which carries about 18,000 vehicles a day across the Mill River, is closed.",
        "The bridge carries around 18,000 vehicles daily between downtown and the Harbor district.",
    ),
    (
        "Raman said repairs are expected to take at least six weeks and could cost about $4.2 million.",
        "She said the repairs should take at least six weeks and will likely cost about $4.2 million.",
    ),
    (
        "The city of Lakeport has closed the Fulton Street Bridge after cracks were found in two steel girders.",
        "Mayor Dana Whitfield closed the bridge on Tuesday after inspectors reported cracks in two of the span's steel girders.",
    ),
    # the same quantity, reworded ("at least" / "no less than"), one sentence adding a second fact
    (
        "Repairs are expected to take at least six weeks.",
        "She said the work would take no less than six weeks and was likely to cost about $4.2 million.",
    ),
    # the same number of months: how long, when neither sentence gives an age
    (
        "The instrument is bent and has fresh scratches, and its repair will take about four months, the museum said.",
        "The conservation work is expected to take about four months.",
    ),
]
DIFFERENT = [
    (
        "The Fulton Street Bridge opened in 1961.",
        "The city of Lakeport has closed the Fulton Street Bridge after cracks were found in two steel girders.",
    ),
    (
        "The harbor ferry added two crossings for commuters during the morning rush.",
        "Police will post officers at the busiest intersections during rush hour.",
    ),
    # a shared number without a shared unit, and a shared age, are not a shared fact
    (
        "Two people died when the crane fell onto Fulton Street on Monday.",
        "Two suspects were arrested on Fulton Street on Monday after the robbery.",
    ),
    (
        "The 71-year-old driver was taken to Mercy Hospital with minor injuries.",
        "Police said the 71-year-old driver had not been drinking before the crash.",
    ),    # a number of years ago (when, not how long)
    (
        "Kellogg was convicted 25 years ago of killing her husband.",
        "The judge sentenced Kellogg to 25 years to life.",
    ),
]


def _rep(a: str, b: str):
    texts = [a, b] + BACKGROUND
    sents = [s for k, t in enumerate(texts) for s in split_document(t, k)]
    return represent(sents, len(texts))


@pytest.mark.parametrize(("a", "b"), SAME)
def test_paraphrases_report_the_same_fact(a: str, b: str) -> None:
    rep = _rep(a, b)
    assert rep.same_fact([0], [1])[0, 0]
    assert rep.same_fact([1], [0])[0, 0]


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_facts_about_the_same_things(a: str, b: str) -> None:
    rep = _rep(a, b)
    assert not rep.same_fact([0], [1])[0, 0]


def test_reports_is_directional() -> None:
    long = "Sessions announced his recusal on Thursday, hours after Trump said he had total confidence in him."
    short = "Trump said he had total confidence in Sessions."
    rep = _rep(long, short)
    assert rep.reports([1], [0])[0, 0]  # the long sentence reports the short one's fact
    assert not rep.reports([0], [1])[0, 0]  # the short one does not report the recusal


# (brief sentence, a document's sentence that reports its fact in other words): most of the words differ,
# the rarest ones and the meaning do not (IDF share 0.43-0.51, embedding cosine 0.70-0.78)
REWORDED = [
    (
        "Inspectors found the cracks during a routine check of the girders last week, the mayor said.",
        "The mayor said the cracks turned up when inspectors examined the span's girders in a routine review.",
    ),
    (
        "While the bridge remains closed, the ferry company plans to run two more morning crossings, a spokeswoman said.",
        "The ferry operator said it would add two extra morning crossings while the bridge is closed.",
    ),
    (
        "The bridge cannot carry traffic again until crews have swapped out the two damaged girders, engineers said.",
        "Engineers will replace both damaged girders before the bridge can reopen to traffic.",
    ),
]


@pytest.mark.parametrize(("brief", "report"), REWORDED)
def test_a_reworded_report_is_attributed(brief: str, report: str) -> None:
    rep = _rep(brief, report)
    assert rep.reports([0], [1])[0, 0]


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_facts_are_not_attributed(a: str, b: str) -> None:
    rep = _rep(a, b)
    assert not rep.reports([0], [1])[0, 0]
    assert not rep.reports([1], [0])[0, 0]


def test_a_shared_year_is_not_a_shared_quantity() -> None:
    assert not _is_quantity("2007 tour")
    assert _is_quantity("18,000 vehicl") and _is_quantity("2 million")
    a = "Mara Vell of Norway won the sprint stage of the 2021 Lakeport Tour."
    b = "Ines Daro of Chile won the overall title of the 2021 Lakeport Tour."
    rep = _rep(a, b)
    assert not rep.same_fact([0], [1])[0, 0]
    assert not rep.reports([0], [1])[0, 0]


def test_porter_stems_meet_rouge_conventions() -> None:
    assert [stem(w) for w in words("Recused recusing investigations")] == ["recus", "recus", "investig"]


TOKENIZER_CASES = [
    "", "a", "a ", " a", "  lead", "a  b", "tab\t tab", "new\nline", "<s> tag", "</s>", "a<unk>b", "▁odd ▁one",
    "ünïcödé wörds", "日本語のテキスト", "emoji 😀 here", "‘quotes’ “double”", "İstanbul ſ K", "\u00a0nbsp\u00a0",
    "The mayor closed the bridge after inspectors reported cracks in two of the span's steel girders.",
]


@pytest.mark.parametrize("text", TOKENIZER_CASES)
def test_word_by_word_tokens_are_the_tokenizers(text: str) -> None:
    import numpy as np

    from newsfuse.represent import _embed, _token_ids, _wordllama

    model = _wordllama()
    if model is None:
        pytest.skip("WordLlama is not installed")
    assert _token_ids(model.tokenizer, text) == model.tokenizer.encode(text, add_special_tokens=False).ids
    if text:
        ours = _embed(model, [text, "Another sentence follows it."])
        theirs = np.asarray(model.embed([text, "Another sentence follows it."], norm=True), dtype=np.float32)
        assert np.array_equal(ours.view(np.uint32), theirs.view(np.uint32))


# --- two sentences that give the same figures (SAME_FIGURES; tests/fixtures/sella-study) --------------------------------

SAME_FIGURES = [
    # a study's result told twice in other words (the 250-word Sella brief quoted both)
    (
        "Over a median of 2.8 years, 6.8% of patients on brenacine had another stroke, compared with 8.9% of those on "
        "placebo, a relative reduction of 24%.",
        "In the trial, led by Sella University, 6.8% of the 2,106 patients given low-dose brenacine had another ischaemic "
        "stroke within about three years, against 8.9% of the 2,106 given a dummy pill.",
    ),
    # a vote's count
    (
        "The council voted 214-187 to close the Fulton Street depot after a four-hour debate.",
        "By a vote of 214 to 187, the council ordered the depot on Fulton Street closed.",
    ),
]
DIFFERENT_FIGURES = [
    # one sentence's figures all in the other's, with another fact's (the union's demand): kept apart, so that a brief
    # can give the one that says more
    (
        "The transit authority's final offer was 8 percent over three years plus a one-time payment of $1,200.",
        "The union wants a 15% raise over three years; the authority has offered 8%, plus a one-time bonus of $1,200.",
    ),
    # the same two figures in the other order: other facts ("4.1% ... down from 4.6%" / "4.6% ... up from 4.1%")
    (
        "The county's jobless rate was 4.1% in March, down from 4.6% a year earlier, the county said.",
        "The county's poverty rate was 4.6% in 2023, up from 4.1% in 2022, the county said.",
    ),
    (
        "Pelling won 5,210 votes to Varga-Holm's 4,998 in the mayor's race on Tuesday.",
        "In the levy vote on Tuesday, 4,998 voters backed the measure and 5,210 opposed it.",
    ),
    # two shared figures of four each: one index's fall is not another's
    (
        "The Lakeport index lost 530.94 points, or 3.1%, to close at 16,459 on Monday, about 10% below its peak.",
        "The harbor index fell 2.7%, the shipping index slid 3.1% and the bank index lost 0.9%, leaving it 10% off its high.",
    ),
]


def _rep_figures(a: str, b: str):
    texts = [a, b] + BACKGROUND
    sents = [s for k, t in enumerate(texts) for s in split_document(t, k)]
    assert len(sents) == len(texts)  # (one sentence each)
    return represent(sents, len(texts))


@pytest.mark.parametrize(("a", "b"), SAME_FIGURES)
def test_the_same_figures_are_the_same_fact(a: str, b: str) -> None:
    rep = _rep_figures(a, b)
    assert rep.same_fact([0], [1])[0, 0] and rep.same_fact([1], [0])[0, 0]


@pytest.mark.parametrize(("a", "b"), DIFFERENT_FIGURES)
def test_some_shared_figures_or_names_are_not_the_same_fact(a: str, b: str) -> None:
    rep = _rep_figures(a, b)
    assert not rep.same_fact([0], [1])[0, 0]


def test_distinctive_figures() -> None:
    from newsfuse.represent import distinctive_figures

    assert distinctive_figures("6.8% of the 2,106 patients, against 8.9%, a relative reduction of 24%.") == {
        "6.8", "2,106", "8.9", "24"}
    # (small whole numbers, years, a name's number, a telephone number: none)
    assert distinctive_figures("In 2019, 10 people took Flight 447 and No. 512; call 0800 789321.") == set()
    assert distinctive_figures("The 310-303 vote came after 41 percent of members voted early.") == {"310", "303", "41"}
