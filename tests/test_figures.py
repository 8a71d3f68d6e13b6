"""figures: the numbers a sentence gives, the counts of casualties it states or calls superseded; select's rule
against superseded counts and attribute's rule that credits a sentence's figures only to documents that give them."""

from __future__ import annotations

import time

import pytest

import newsfuse
from newsfuse.figures import (
    Count,
    casualties,
    disputes,
    figures,
    states_superseded,
    superseded_counts,
    supports,
    whole_counts,
)
from newsfuse.model import Sentence
from newsfuse.represent import represent
from newsfuse.select import superseded_sentences


def test_figures_normalised() -> None:
    assert figures("About 1,100 homes were damaged and seven people died; the river crested at 24.6 feet.") == {
        "1100", "7", "24.6"}
    assert figures("No one was hurt, one official said.") == set()  # ("one" is no figure)
    assert figures("It cost $4.2 million in 2019.") == {"4.2", "2019"}


@pytest.mark.parametrize(("text", "counts"), [
    ("At least four people died and 11 were unaccounted for after the river burst its banks.",
     [Count("dead", "4", False), Count("missing", "11", False)]),
    ("Seven people died when the river tore through the town, raising an earlier toll of four.",
     [Count("dead", "7", False), Count("dead", "4", True)]),
    ("Tessel County Coroner Abel Marchetti confirmed seven deaths on Tuesday night, raising the sheriff's morning toll "
     "of four.", [Count("dead", "7", False), Count("dead", "4", True)]),
    ("The coroner says seven people have died, up from the four reported this morning. Three people are missing, "
     "down from 11.", [Count("dead", "7", False), Count("dead", "4", True), Count("missing", "3", False),
                       Count("missing", "11", True)]),
    ("A quake killed at least 19 people and injured 340.", [Count("dead", "19", False)]),
    ("The death toll had risen to 60.", [Count("dead", "60", False)]),
    # (must-keep: a part of the dead, a date, a share, a year, a time span: no count)
    ("Two of the dead were found in a car swept off Route 31.", []),
    ("The sheriff ruled the July 14 death a suicide.", []),
    ("People who ate more trans fat were 34 percent more likely to die.", []),
    ("Both men are charged in the 2014 shooting death of a teenager.", []),
    ("She spent two decades on death row.", []),
])
def test_casualties(text: str, counts: list[Count]) -> None:
    assert casualties(text) == counts


def test_superseded_counts_need_a_new_count() -> None:
    texts = ["Seven people died in the flood, raising an earlier toll of four, the coroner said.",
             "At least four people have died in the flooding, the sheriff said.",
             "Three people were still missing, down from 11 in the morning."]
    old = superseded_counts(texts)
    assert old == {("dead", "4"), ("missing", "11")}
    assert states_superseded(texts[1], old)
    assert not states_superseded(texts[0], old)  # (the sentence that tells of the change)
    assert not states_superseded(texts[2], old)
    # must-keep: a superseded figure with no new count beside it supersedes nothing; other figures are other facts
    assert superseded_counts(["An earlier death toll of three was revised upwards after checks."]) == set()
    assert not states_superseded("Four officers were injured in the clash.", old)
    assert not states_superseded("Four people have died in the state this year of the virus, up from 4 in 2019.",
                                 {("dead", "7")})


def _sentences(docs: list[list[str]]) -> list[Sentence]:
    out = []
    for d, texts in enumerate(docs):
        for p, t in enumerate(texts):
            out.append(Sentence(t, d, p, 0, len(t)))
    return out


def test_superseded_sentences_in_a_cluster() -> None:
    rep = represent(_sentences([
        ["At least four people have died in the flooding, Sheriff Dana Pruitt said at a briefing on Tuesday.",
         "The sheriff's office said earlier that at least four people had died and 11 were unaccounted for."],
        ["Seven people died when the river tore through the town overnight, raising an earlier toll of four.",
         "The river crested at 24.6 feet, nearly three feet above its record."],
    ]), 2)
    assert superseded_sentences(rep) == {0, 1}
    rep = represent(_sentences([["At least four people have died in the flooding, the sheriff said on Tuesday."],
                                ["Seven people died in a bus crash on the highway last year, police said."]]), 2)
    assert superseded_sentences(rep) == set()  # (two counts, neither called superseded: both stay)


@pytest.mark.parametrize(("brief", "other", "backs"), [
    ("About 650 people spent Tuesday night in the town's two shelters, at the high school and the church hall.",
     "Shelters opened at Lornby High School and at the hall of St. Brannoc's Church on Hill Street.", False),
    ("About 650 people spent Tuesday night in the town's two shelters, at the high school and the church hall.",
     "Shelters are open at Lornby High School, 400 School Street, and at the church hall.", False),
    ("Seven people are now confirmed dead and three remain missing, the coroner said.",
     "At least four people died and 11 were unaccounted for, the sheriff's office said.", False),
    ("Seven people are now confirmed dead and three remain missing, the coroner said.",
     "Seven people died when the river tore through the town, raising an earlier toll of four.", True),
    ("The river crested at 24.6 feet, nearly 3 feet over its 1979 record, after 7 inches of rain.",
     "The river crested at 24.6 feet at the Mill Street gauge, nearly three feet above the 1979 record.", True),
    ("The river crested at 24.6 feet, nearly 3 feet over its 1979 record, after 7 inches of rain.",
     "The river rose more than ten feet after seven inches of rain fell on the hills.", False),
    # must-keep: a sentence without figures is backed as before; a figure written in words is the same figure
    ("A boil-water notice remains in effect because the water plant was flooded.",
     "Residents were told to boil tap water because the water plant was flooded.", True),
    ("The governor declared a disaster emergency for the county and two neighboring counties.",
     "Gov. Oduya has declared a disaster emergency for the county and 2 neighboring counties.", True),
    # must-keep: a tens word and its unit are one number ("Forty-nine" is 49, not 40 and 9; "twenty one" 21), and a
    # range's second figure counts ("Six to eight people were injured": 8 injured, not 6)
    ("The crash killed 49 people, the airline said.", "Forty-nine people died when the plane came down.", True),
    ("Twenty-one people were killed in the blast.", "The blast killed 21 people, police said.", True),
    ("Between 6 and 8 people were hurt in the crush.", "Six to eight people were injured in the crush.", True),
    ("Forty-nine people died when the plane came down.", "The crash killed 40 people and injured 9.", False),
])
def test_supports(brief: str, other: str, backs: bool) -> None:
    assert supports(brief, other) is backs


def test_compound_number_words() -> None:
    assert figures("Forty-nine people died and twenty one were hurt; seven are missing.") == {"49", "21", "7"}
    assert casualties("Fifty-two people were killed in the blasts.") == [Count("dead", "52", False)]
    assert casualties("Six to eight people were injured.") == [Count("injured", "8", False)]


def test_figures_linear_on_hostile_input() -> None:
    """5 MB of numbers, casualty words and superseded markers without an end: the patterns read bounded windows."""
    junk = ("12 people people people people died 3,000,000,000 up from the earlier toll of " * 70_000)[:5_000_000]
    t0 = time.perf_counter()
    casualties(junk)
    figures(junk)
    supports(junk[:1_000_000], junk[:1_000_000])
    assert time.perf_counter() - t0 < 20


def test_a_magnitude_counts_no_one() -> None:
    assert casualties("A magnitude 6.4 earthquake killed at least 19 people.") == [Count("dead", "19", False)]
    assert supports("A magnitude 6.4 earthquake struck near the city early on Tuesday, killing at least 19 people.",
                    "A magnitude 6.4 earthquake killed at least 19 people in the mountain city on Tuesday.")


# --- vote counts: a partial count is superseded by the race's complete one (tests/fixtures/halden-vote) --------------

PARTIAL_TALLIES = [
    "Mayor Thomas Pelling leads Councilor Ines Varga-Holm 2,310 votes to 1,987 in the county's first count.",
    "With 9 of 14 precincts counted, Varga-Holm has moved in front, 4,120 votes to 4,088.",
    "Measure B, the quarter-cent sales tax for street repairs, is passing in the early count, 2,460 votes to 1,851.",
    "Precinct results from the polling places are expected within the hour.",
    "With 97 percent of the precincts reporting, Ostrander was ahead 52.1 percent to 47.9 percent.",
    "With nearly all precincts reporting, Lund led Brask 74 percent to 26 percent.",
]
NOT_PARTIAL = [  # the night's story told afterwards, counts of other things, a count still awaited
    "Pelling had led by about 300 votes after the first count of mail ballots, but Varga-Holm overtook him.",
    "When the first batch of mail ballots was counted at about 8:40 p.m., Pelling was ahead by 323 votes.",
    "With 3 of 4 judges in agreement, the ruling stands.",
    "The early results of the drug trial are encouraging, and the company leads its rivals in the field.",
    "The autopsy results are expected within the hour, the coroner said.",
    "All 14 precincts are in.",
]
COMPLETE_TALLIES = [
    "All 14 precincts are in.",
    "Varga-Holm received 6,412 votes to Pelling's 5,967 once all 14 precincts had been counted, the county said.",
    "With every precinct counted, Varga-Holm had 6,412 votes to Pelling's 5,967.",
    "The county's final unofficial count gives Ines Varga-Holm 6,412 votes and Thomas Pelling 5,967.",
    "With 100 percent of precincts reporting, Lund won 61 percent of the vote.",
]
NOT_COMPLETE = [
    "With nearly all precincts reporting, Lund led Brask 74 percent to 26 percent.",
    "Walsh claims victory, but Bean's campaign is waiting for a final count of absentee ballots that won't come soon.",
    "The final results of the study were published in March.",  # (no vote)
    "All 14 lifeboats were counted on the deck.",
]


@pytest.mark.parametrize("text", PARTIAL_TALLIES)
def test_partial_tally(text: str) -> None:
    from newsfuse.figures import partial_tally

    assert partial_tally(text)


@pytest.mark.parametrize("text", NOT_PARTIAL)
def test_not_a_partial_tally(text: str) -> None:
    from newsfuse.figures import partial_tally

    assert not partial_tally(text)


@pytest.mark.parametrize("text", COMPLETE_TALLIES)
def test_complete_tally(text: str) -> None:
    from newsfuse.figures import complete_tally

    assert complete_tally(text)


@pytest.mark.parametrize("text", NOT_COMPLETE)
def test_not_a_complete_tally(text: str) -> None:
    from newsfuse.figures import complete_tally

    assert not complete_tally(text)


def test_partial_tallies_are_superseded_only_by_the_same_race_counted_in_full() -> None:
    from newsfuse.figures import superseded_tallies

    early = "Mayor Thomas Pelling leads Ines Varga-Holm 2,310 votes to 1,987 in the county's first count."
    final = "Varga-Holm won 6,412 votes to Pelling's 5,967 once all 14 precincts had been counted."
    other = "In the county commission race, Dahl won 3,100 votes to Ruud's 2,900 once all 22 precincts had been counted."
    awaited = "Precinct results from the polling places are expected within the hour."
    assert superseded_tallies([early, final, awaited], [0, 1, 0]) == {0, 2}
    assert superseded_tallies([early, other], [0, 1]) == set()  # (another race's complete count)
    assert superseded_tallies([early, awaited], [0, 0]) == set()  # (no complete count: the news the cluster has)
    # (a sentence that gives the complete count too tells the night's story, and is no partial count)
    story = ("Varga-Holm led with 9 of 14 precincts counted, but once all 14 precincts had been counted Pelling had "
             "won by 212 votes.")
    assert superseded_tallies([story, final], [0, 1]) == set()


def test_superseded_tally_sentences_are_no_candidates() -> None:
    docs = [
        "Mayor Thomas Pelling leads Ines Varga-Holm 2,310 votes to 1,987 in the county's first count of the mail "
        "ballots on election night.",
        "Ines Varga-Holm won the race for mayor of Halden with 6,412 votes to Pelling's 5,967 once all 14 precincts "
        "had been counted, the county said on Wednesday.",
    ]
    brief = newsfuse.summarize(docs, words=200)
    assert [s.text for s in brief.sentences] == [docs[1]]

# ---- figures that outlets give differently (figures.whole_counts, figures.disputes) ----------------------------

@pytest.mark.parametrize(("text", "counts"), [
    ("Nine people have died in the flooding, according to the county commissioner.", [("dead", "9")]),
    ("Seven people are now confirmed dead and three remain missing, the coroner said.",
     [("dead", "7"), ("missing", "3")]),
    ("The death toll from the flood remains at seven, the coroner told reporters.", [("dead", "7")]),
    ("Troops opened fire on the march, killing three and wounding dozens.", [("dead", "3")]),
    ("Twenty-two people were killed and 116 injured in the blast.", [("dead", "22"), ("injured", "116")]),
    # (must-keep: a qualifier, a range, a part, an addition, a round number, a superseded count, another time or
    # scope: no whole count)
    ("At least seven people have died in the flooding.", []),
    ("At least 22 people were killed and 59 injured in the blast.", []),  # ("at least" counts both)
    ("Seven or eight people died when the bridge fell.", []),
    ("Between five and seven people died when the bridge fell.", []),
    ("Two children were among the dead, the coroner said.", []),
    ("Two of the dead were found in a car swept off Route 31.", []),
    ("The gunman killed three soldiers before he was shot.", []),
    ("Another three people died in the hospital overnight.", []),
    ("The attack left more than a dozen people dead.", []),
    ("The attack left a dozen people dead.", []),
    ("Seven people died in the flood, raising an earlier toll of four.", [("dead", "7")]),
    ("A similar flood in 1979 killed nine people.", []),
    ("About 40 people die on the county's roads each year.", []),
    ("The storm could kill nine people, forecasters warned.", []),
    ("The massacre killed 13, including the gunman.", []),
    ("Nine people died across the county, officials said.", []),
    ("A total of 661 137 adults and 116 686 deaths were included.", []),
])
def test_whole_counts(text: str, counts: list[tuple[str, str]]) -> None:
    assert [(c.kind, c.value) for c in whole_counts(text)] == counts


NINE = "Nine people have died in the flooding, according to County Commissioner Wendell Ashby."
SEVEN = "Seven people died when the river flooded the town overnight, the coroner said."
SEVEN_TOO = "The death toll from the flood remains at seven, the coroner told reporters on Wednesday."


def _disputes(stated: list[str], docs: list[list[str]], reports: list[int] | None = None) -> list[tuple[str, tuple]]:
    texts = [t for d in docs for t in d]
    found = disputes(stated, dict(enumerate(docs)), lambda: reports or list(range(len(docs))),
                     superseded_counts(texts))
    return [(f.kind, f.figures) for f in found]


def test_disputes_found() -> None:
    """A commissioner's nine (one outlet) against the coroner's seven (two others): the brief's figure first."""
    docs = [[NINE, "Shelters opened at the high school."], [SEVEN], [SEVEN_TOO]]
    assert _disputes([NINE], docs) == [("dead", (("9", (0,)), ("7", (1, 2))))]
    assert _disputes([SEVEN], docs) == [("dead", (("7", (1, 2)), ("9", (0,))))]
    # a page that gives both to say they conflict does not reconcile them; its own figure is the one it repeats
    both = [SEVEN, "A commissioner told a television station that nine people had died.",
            "The coroner's office said it had confirmed seven deaths and knew of no others."]
    assert _disputes([NINE], [[NINE], [SEVEN], both]) == [("dead", (("9", (0,)), ("7", (1, 2))))]
    # missing too
    assert _disputes(["Three people are still missing, the sheriff said."],
                     [["Three people are still missing, the sheriff said."],
                      ["Four people remain missing, rescuers said."]]) == [
        ("missing", (("3", (0,)), ("4", (1,))))]


@pytest.mark.parametrize("docs", [
    # different towns
    [["Seven people died in Lornby, the coroner said."], ["Nine people died in Birchmont, police said."]],
    # a wider scope
    [[SEVEN], ["Nine people died across the county, officials said."]],
    # a part of the dead, and a count of another kind
    [[SEVEN], ["Two of the dead were children.", "Two children were among the dead."],
     ["Nine people were injured, the hospital said."]],
    # a range or a qualifier
    [[SEVEN], ["At least nine people have died in the flooding, the commissioner said."],
     ["Seven or eight people died, the mayor said."]],
    # a superseded count
    [["Four people died in the flooding, the sheriff said on Tuesday morning."],
     ["Seven people died in the flood, raising an earlier toll of four, the coroner said."]],
    # a page that gives both without saying they conflict (the town's and the region's: it reconciles them)
    [[SEVEN], [NINE], ["Seven people died in the town, and nine people have died in the flooding in all."]],
    # figures far apart: likely counts of different things
    [[SEVEN], ["Twenty people have died in the flooding, officials said."]],
])
def test_no_dispute(docs: list[list[str]]) -> None:
    stated = [docs[0][0]]
    assert _disputes(stated, docs) == []


def test_no_dispute_within_one_report() -> None:
    """One outlet's (or one wire story's) copies that differ are no outlets disagreeing."""
    docs = [[SEVEN], [NINE]]
    assert _disputes([SEVEN], docs, reports=[0, 0]) == []
    assert _disputes([SEVEN], docs, reports=[0, 1]) == [("dead", (("7", (0,)), ("9", (1,))))]
    assert _disputes(["Shelters opened at the high school."], docs) == []  # (the brief states no count)


# --- a share price that moves during the day (figures.superseded_moves; tests/fixtures/corran-earnings) ------------

from newsfuse.figures import close_move, intraday_move, superseded_moves  # noqa: E402

CLOSES = [
    "Shares of Corran Systems closed down 14% on Thursday, their steepest fall in four years.",
    "The stock ended at $41.68 on the Nasdaq.",
    "Acme shares finished 3.2% higher.",
    "The shares later eased to close at $26.11, 31 percent above their IPO price.",
]
NOT_CLOSES = [
    "The factory closed down in 2009, and its 400 workers lost their jobs.",  # (no share, no figure)
    "The store ended its sale at $20 a shirt.",  # (no share)
    "Shares of Acme were down 9% in premarket trading.",
]
INTRADAY = [
    "Shares of Corran Systems were down 9% in premarket trading on Thursday after it cut its forecast.",
    "Corran Systems is down 9% in premarket trading this morning after it cut its forecast for the year.",
    "Shares were down about 12% in early afternoon trading, on pace for their worst day since March 2022.",
    "The S&P 500 index gained 41 points, or 2 percent, in midday trading.",
    "The Dow plunged nearly 1,600 points at one point in afternoon trading.",
]
NOT_INTRADAY = [
    "Shares of Acme fell 8% in extended trading after the report.",  # (after the close: newer than it)
    "Acme closed down 14% after falling as much as 20% in early trading.",  # (the close itself)
    "Trading in early afternoon was light, brokers said.",  # (no move)
    "Its order book fell 14% from the first quarter.",  # (no session)
]


@pytest.mark.parametrize(("text", "expected"), [(t, True) for t in CLOSES] + [(t, False) for t in NOT_CLOSES])
def test_close_move(text: str, expected: bool) -> None:
    assert close_move(text) is expected


@pytest.mark.parametrize(("text", "expected"), [(t, True) for t in INTRADAY] + [(t, False) for t in NOT_INTRADAY])
def test_intraday_move(text: str, expected: bool) -> None:
    assert intraday_move(text) is expected


def test_moves_of_the_day_are_superseded_by_the_close_of_the_same_company() -> None:
    texts = [
        "Shares of Corran Systems were down 9% in premarket trading on Thursday.",  # 0: doc 0, the flash
        "Shares were down about 12% in early afternoon trading.",  # 1: doc 1, naming no one
        "Shares of Taversham Controls rose 2% in early trading.",  # 2: doc 1, another company
        "Shares of Corran Systems closed down 14% on Thursday.",  # 3: doc 2, the close
        "The stock ended at $41.68 on the Nasdaq.",  # 4: doc 2
    ]
    assert superseded_moves(texts, [0, 1, 1, 2, 2]) == {0, 1}
    assert superseded_moves(texts[:3], [0, 1, 1]) == set()  # (no close yet: the day's moves are the news)


def test_sentences_holding_a_key_are_found_in_the_joined_text_as_one_by_one() -> None:
    """figures._holding finds the sentences that hold a key by searching the cluster's joined text once; it must
    give what testing each sentence gives, also where lower-casing changes a length ("İ")."""
    import random

    from newsfuse.figures import _CLOSE_KEYS, _holding

    rnd = random.Random(3)
    words = "the shares closed down 4% ended at to close market İstanbul settled finished x y".split()
    for _ in range(2000):
        texts = [" ".join(rnd.choice(words) for _ in range(rnd.randint(0, 8))) for _ in range(rnd.randint(0, 6))]
        want = [i for i, t in enumerate(texts) if any(k in t.lower() for k in _CLOSE_KEYS)]
        assert _holding(texts, "\n".join(texts).lower(), _CLOSE_KEYS) == want, texts
