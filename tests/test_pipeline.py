import pytest

import newsfuse
from conftest import EXAMPLE
from newsfuse import Document, InputError

A = (
    "The city of Lakeport closed the Fulton Street Bridge on Tuesday after inspectors found cracks in two "
    "steel girders. Repairs are expected to take at least six weeks and cost about $4.2 million, the city "
    "engineer said. The bridge carries about 18,000 vehicles a day between downtown and the harbor."
)
B = (
    "Lakeport shut its Fulton Street Bridge on Tuesday after state inspectors found cracks in two steel "
    "girders. The city engineer said repairs would take at least six weeks and cost about $4.2 million. "
    "Drivers are being sent over the Canal Avenue bridge, adding up to 20 minutes at rush hour."
)


def test_strings_in_brief_out() -> None:
    brief = newsfuse.summarize([A, B], words=40)
    assert brief.sentences
    assert brief.stats.words <= 40
    assert brief.stats.documents == 2
    for s in brief.sentences:
        assert s.origin in s.sources
        assert s.outlets == len(set(s.sources))  # string documents: each is its own outlet


def test_every_sentence_is_verbatim_from_its_origin() -> None:
    brief = newsfuse.summarize([Document(A, id="a", source="Ledger"), Document(B, id="b", source="Harbor")], words=60)
    cleaned = dict(zip([s.id for s in brief.sources], brief.cleaned, strict=True))
    for s in brief.sentences:
        assert s.text in cleaned[s.origin]
        assert cleaned[s.origin][s.start : s.end] == s.text


def test_a_fact_both_outlets_report_cites_both() -> None:
    brief = newsfuse.summarize([Document(A, id="a", source="Ledger"), Document(B, id="b", source="Harbor")], words=60)
    closure = [s for s in brief.sentences if "Tuesday" in s.text]
    assert closure, brief.summary
    assert set(closure[0].sources) == {"a", "b"}
    assert closure[0].outlets == 2


def test_same_outlet_twice_counts_once() -> None:
    docs = [Document(A, id="a", source="Ledger"), Document(B, id="b", source="Ledger")]
    brief = newsfuse.summarize(docs, words=60)
    assert all(s.outlets == 1 for s in brief.sentences)


def test_one_document_is_a_valid_cluster() -> None:
    brief = newsfuse.summarize(A, words=30)
    assert brief.sentences and brief.stats.words <= 30


@pytest.mark.parametrize("docs", [[], [""], ["   ", "\n\n"]])
def test_nothing_to_summarize(docs: list[str]) -> None:
    with pytest.raises(InputError):
        newsfuse.summarize(docs)


@pytest.mark.parametrize(("docs", "got"), [(None, "NoneType"), (5, "int"), (b"article bytes", "bytes")])
def test_documents_that_are_not_a_list_are_an_input_error(docs: object, got: str) -> None:
    """summarize(None) and summarize(5) raised TypeError ('object is not iterable'), not the documented
    InputError; bytes were read as a list of numbers."""
    with pytest.raises(InputError, match=f"documents must be a list of articles .*got {got}$"):
        newsfuse.summarize(docs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        (Document(text=None), "document 1: its text must be a string, got None"),  # type: ignore[arg-type]
        (Document(text=5), "document 1: its text must be a string, got an int"),  # type: ignore[arg-type]
        (Document(text=b"An article."), r"got bytes \(decode them to str first\)"),  # type: ignore[arg-type]
        (Document(text=["An article."]), "its text must be a string, got a list"),  # type: ignore[arg-type]
        (Document(text=A, title=["a"]), 'document 1: "title" must be a string, got a list'),  # type: ignore[arg-type]
        ({"text": [A, 5]}, 'document 1: "text" must be a string or a list of strings, got a list holding an int'),
        ({"text": A, "title": ["a"]}, '"title" must be a string, got a list'),
        ({"text": A, "date": {"y": 1}}, '"date" must be a string, got a dict'),
        ({"text": A, "source": True}, '"source" must be a string, got a bool'),
        ({"text": A, "url": [A]}, '"url" must be a string, got a list'),
    ],
)
def test_a_bad_document_field_is_an_input_error_not_a_type_error_or_a_repr(doc: object, message: str) -> None:
    """Document(text=None) raised TypeError from deep in the pipeline, and a list title came out as "['a']"."""
    with pytest.raises(InputError, match=message):
        newsfuse.summarize([doc, A])  # type: ignore[list-item]


def test_numbers_in_document_fields_are_written_as_strings() -> None:
    brief = newsfuse.summarize([{"text": A, "id": 7, "date": 2024}])
    assert (brief.sources[0].id, brief.sources[0].date) == ("7", "2024")


def test_two_budgets_are_named_for_library_callers_too() -> None:
    """The message named only the command's flags (--words, --sentences or --bytes)."""
    with pytest.raises(InputError, match=r"^give only one length budget \(words, sentences or bytes\), got words and bytes$"):
        newsfuse.summarize([A], words=10, bytes=100)


@pytest.mark.parametrize("kwargs", [{"words": 0}, {"words": -5}, {"sentences": 0}, {"words": 10, "bytes": 100}])
def test_bad_budgets(kwargs: dict[str, int]) -> None:
    with pytest.raises(InputError):
        newsfuse.summarize([A], **kwargs)


def test_all_lower_case_text_is_summarized() -> None:
    """Text typed without capitals is input without case (as Multi-News is), not a pile of fragments."""
    text = "the bridge will close on tuesday for repairs. the work takes six weeks, the city engineer said."
    brief = newsfuse.summarize([text], words=50)
    assert [s.text for s in brief.sentences] == ["the bridge will close on tuesday for repairs.",
                                                  "the work takes six weeks, the city engineer said."]


def test_no_whole_sentence_is_not_called_a_budget_problem() -> None:
    # a fragment cut mid-sentence (lower-case start in cased text) and a quotation nobody says
    docs = ["which closed the Main Street bridge on Tuesday for six weeks of repairs.",
            "\u201cWe will reopen it as soon as the steel is safe, and not a day later.\u201d"]
    with pytest.raises(InputError, match="no complete sentence to quote"):
        newsfuse.summarize(docs, words=100)
    with pytest.raises(InputError, match="fits in 5 words: give a larger budget"):
        newsfuse.summarize([A], words=5)
    captions = ["Crews lift a steel beam onto the Main Street bridge in Lakeport, Ohio, Tuesday, Oct. 3, 2024.",
                "Mayor Ann Ruiz speaks to reporters outside city hall in Lakeport, Ohio, Monday, Oct. 2, 2024."]
    with pytest.raises(InputError, match="photo captions"):
        newsfuse.summarize(captions, words=100)
    # the only prose left leans on a sentence the page does not hold: no budget helps (it said "give a larger budget")
    pitch = ["we're committed to empowering our readers with local news and information that helps our community."]
    for words in (100, 1000):
        with pytest.raises(InputError, match="no complete sentence to quote: .* lean on one before them"):
            newsfuse.summarize(pitch, words=words)


def test_sentence_and_byte_budgets() -> None:
    assert len(newsfuse.summarize([A, B], sentences=2).sentences) <= 2
    brief = newsfuse.summarize([A, B], bytes=200)
    # DUC / ROUGE-1.5.5 -b convention: sentence bytes count, the spaces joining sentences do not
    assert sum(len(s.text.encode()) for s in brief.sentences) <= 200
    assert len(brief.summary.encode()) <= 200 + len(brief.sentences) - 1


def test_duplicate_ids_are_made_unique() -> None:
    brief = newsfuse.summarize([Document(A, id="x"), Document(B, id="x")], words=50)
    assert [s.id for s in brief.sources] == ["x", "x-2"]


def test_dict_documents_keep_metadata() -> None:
    brief = newsfuse.summarize(
        [{"text": A, "source": "Ledger", "title": "Bridge shut", "date": "2024-10-15", "url": "https://l.example/a"}, B]
    )
    src = brief.sources[0]
    assert (src.name, src.title, src.date, src.url) == ("Ledger", "Bridge shut", "2024-10-15", "https://l.example/a")


def test_example_cluster_lead_and_attribution(example_paths) -> None:
    from newsfuse.load import load_inputs

    brief = newsfuse.summarize(load_inputs([str(EXAMPLE)]), words=120)
    assert brief.stats.words <= 120
    assert len({i for s in brief.sentences for i in s.sources}) >= 4
    assert max(s.outlets for s in brief.sentences) >= 3
    text = brief.summary
    assert "Fulton Street Bridge" in text
    for clutter in ("Subscribe", "Next Up", "Photo", "Facebook", "newsletter", "WATCH", "donat"):
        assert clutter not in text, clutter
    # the lead is the closure itself, not a detail
    assert any(w in brief.sentences[0].text for w in ("closed", "shut", "closing"))


_DETERMINISM = """
import json, sys
import newsfuse
from newsfuse.load import load_inputs
out = {}
for path in sys.argv[1:]:
    docs = load_inputs([path])
    for budget in ({"words": 60}, {"words": 120}, {"words": 250}, {"sentences": 3}, {"bytes": 665}):
        out[path + str(budget)] = [(s.text, s.sources) for s in newsfuse.summarize(docs, **budget).sentences]
print(json.dumps(out))
"""


def test_briefs_do_not_depend_on_the_hash_seed() -> None:
    """Same input, same brief: no sum, tie-break or vocabulary order may follow set iteration order
    (which PYTHONHASHSEED changes between runs)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    paths = [str(EXAMPLE), str(Path(__file__).parent / "fixtures" / "millbrook")]
    outs = set()
    for seed in ("1", "2", "3"):
        proc = subprocess.run([sys.executable, "-c", _DETERMINISM, *paths], capture_output=True, text=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}, timeout=300)
        assert proc.returncode == 0, proc.stderr[-2000:]
        outs.add(proc.stdout)
    assert len(outs) == 1


@pytest.mark.parametrize("fixture", ["millbrook", "harlow-ridge", "marigold-ferry", "kestrel-recall"])
def test_briefs_do_not_depend_on_the_order_of_the_articles(fixture: str) -> None:
    """The same articles in another order give a brief of the same sentences, each citing the same sources
    (scripts/order_invariance.py counts the same on Multi-News)."""
    from pathlib import Path

    from newsfuse.load import load_inputs

    docs = load_inputs([str(Path(__file__).parent / "fixtures" / fixture)])
    for words in (80, 250):
        forward, backward = (newsfuse.summarize(d, words=words) for d in (docs, docs[::-1]))
        assert {(s.text, frozenset(s.sources)) for s in forward.sentences} == {
            (s.text, frozenset(s.sources)) for s in backward.sentences}


def test_lone_surrogates_become_replacement_characters() -> None:
    """JSON may hold "\\ud800", which Python keeps as a lone surrogate that no UTF-8 writer accepts: every
    format of such a brief raised UnicodeEncodeError when printed or saved (CLI exit 1, server 500)."""
    text = ("The city closed the Fulton Street Bridge on Monday after inspectors found cracks \ud800 in two girders. "
            "Repairs will take at least six weeks, the city engineer said.")
    brief = newsfuse.summarize([{"text": text, "title": "Bridge \udcff closed", "source": "Ledger \ud800", "id": "a\ud800"}],
                               words=40)
    for fmt in ("text", "markdown", "json", "html"):
        assert "\ufffd" in brief.render(fmt)
        brief.render(fmt).encode("utf-8")  # raised UnicodeEncodeError
    first = brief.sentences[0]
    assert first.text == brief.cleaned[0][first.start:first.end]  # offsets still hold: one character for one
    assert "cracks \ufffd in" in first.text and first.origin == "a\ufffd"


def test_a_wire_copy_republished_by_several_outlets_counts_as_one_report() -> None:
    """``outlets`` counts the outlets that carry a fact; ``reports`` counts them once per independent report: outlets
    that republished one wire story (word for word, or with an edit) are one report, an outlet that wrote the fact in
    its own words is another."""
    wire = ("The city closed the Fulton Street Bridge on Tuesday after inspectors found cracks in two steel girders, "
            "the transportation department said.")
    edited = wire.replace("the transportation department said", "the state Department of Transportation said")
    rest = (" Repairs to the bridge will take at least six weeks, officials said. Detours will add about ten minutes "
            "to most commutes across the river.")
    docs = [
        {"text": wire + rest, "source": "Tri-State Press", "id": "wire"},
        {"text": "Breaking news from our partners. " + wire + rest, "source": "WKVD 4", "id": "tv"},
        {"text": edited + rest + " The mayor said the city would pay for the work.", "source": "Lakeport Ledger",
         "id": "ledger"},
        {"text": "Inspectors who found two cracked girders in the Fulton Street Bridge prompted the city to shut it on "
                 "Tuesday, according to our own reporting at the scene. The work is expected to last six weeks.",
         "source": "Harbor Daily", "id": "harbor"},
    ]
    brief = newsfuse.summarize(docs, words=40)
    first = next(s for s in brief.sentences if "Fulton Street Bridge" in s.text)
    assert set(first.sources) == {"wire", "tv", "ledger", "harbor"} and first.outlets == 4
    assert first.reports == 2  # the wire story (three outlets, one with an edit) and Harbor Daily's own
    assert first.to_dict()["reports"] == 2


def test_a_copy_cut_short_is_the_same_report() -> None:
    """An aggregator's snippet of an outlet's lead (its first words, cut before the end) carries that outlet's report,
    not one of its own; a sentence that only opens with the same few words is its own."""
    lead = ("A county judge on Thursday ordered the owner of the Fenwick Lake Dam to lower the lake by 10 feet within "
            "72 hours, a day after inspectors found a sinkhole on the dam's downstream face.")
    snippet = lead[: lead.index(" on the dam's")] + "..."
    own = ("On Thursday a judge ordered the dam's owner to lower the lake by 10 feet within 72 hours, after the "
           "inspectors' findings.")
    rest = " About 1,100 people along Pell Creek were told to leave their homes on Wednesday night."
    docs = [
        {"text": lead + rest, "source": "Corlis Falls Ledger", "id": "ledger"},
        {"text": snippet, "source": "NewsHive", "id": "aggregator"},
        {"text": own + rest, "source": "Pell Creek Dispatch", "id": "dispatch"},
    ]
    brief = newsfuse.summarize(docs, words=40)
    s = next(s for s in brief.sentences if "10 feet" in s.text)
    assert set(s.sources) == {"ledger", "aggregator", "dispatch"} and s.outlets == 3
    assert s.reports == 2  # the Ledger's (with the snippet cut from it) and the Dispatch's own


def test_fenwick_aggregator_snippet_is_the_ledgers_report() -> None:
    """The Fenwick fixture's aggregator page carries the Ledger's lead cut short: with the Ledger, one report."""
    from pathlib import Path

    from newsfuse.load import load_inputs

    brief = newsfuse.summarize(load_inputs([str(Path(__file__).parent / "fixtures" / "fenwick-dam")]), words=120)
    s = next(s for s in brief.sentences if "10 feet within 72 hours" in s.text)
    assert {"01-corlis-falls-ledger", "05-newshive"} <= set(s.sources)
    assert s.reports == s.outlets - 1


@pytest.mark.parametrize(("a", "b", "copy"), [
    ("The city closed the Fulton Street Bridge on Tuesday after inspectors found cracks in two steel girders.",
     "The city closed the Fulton Street Bridge on Tuesday after inspectors found cracks in two steel girders, "
     "officials said.", True),
    ("The city closed the Fulton Street Bridge on Tuesday after inspectors found cracks in two steel …",
     "The city closed the Fulton Street Bridge on Tuesday after inspectors found cracks in two steel girders.", True),
    # eleven words: too few to tell a copy from two outlets' plain opening
    ("The city closed the Fulton Street Bridge on Tuesday after inspectors.",
     "The city closed the Fulton Street Bridge on Tuesday after inspectors found cracks in two girders.", False),
    # the words go on within a word, or differ before the end
    ("The city closed the Fulton Street Bridge on Tuesday after inspectors found cracks in two steel.",
     "The city closed the Fulton Street Bridge on Tuesday after inspectors found cracks in two steelworks.", False),
    ("The city closed the Fulton Street Bridge on Tuesday after inspectors found cracks in all three girders.",
     "The city closed the Fulton Street Bridge on Tuesday after inspectors found cracks in two steel girders.", False),
])
def test_a_sentence_cut_from_another(a: str, b: str, copy: bool) -> None:
    from newsfuse.attribute import _cut_from, _wording

    wa, wb = _wording(a), _wording(b)
    assert wa is not None and wb is not None
    assert _cut_from(wa, wb) is copy
    assert not _cut_from(wb, wa)


def test_a_quotation_without_its_speaker_is_no_copy_cut_short() -> None:
    """One outlet gives a quotation as a sentence of its own, another the same words with the speaker: each quoted
    the speaker, two reports."""
    words = "We will not gamble with the lives of the drivers who cross that bridge every single day"
    docs = [
        {"text": f"The bridge closed at noon on Tuesday, and detours were posted across the city. “{words}.”",
         "source": "Ledger", "id": "a"},
        {"text": f"“{words},” Ortiz said.", "source": "Harbor Daily", "id": "b"},
    ]
    brief = newsfuse.summarize(docs, words=60)
    s = next(s for s in brief.sentences if "gamble" in s.text)
    assert s.outlets == 2 and s.reports == 2


def test_a_shared_quotation_is_no_shared_copy() -> None:
    """Two outlets quoting one speaker's words, each in its own sentence, are two reports: words inside quotation
    marks do not make a copy."""
    quote = '"We will not gamble with the lives of the drivers who cross it every day,"'
    docs = [
        {"text": f"{quote} Mayor Dana Ortiz said on Tuesday.", "source": "Ledger", "id": "a"},
        {"text": f"{quote} said Ortiz, who is the mayor, on Tuesday.", "source": "Harbor Daily", "id": "b"},
    ]
    brief = newsfuse.summarize(docs, words=30)
    s = brief.sentences[0]
    assert s.outlets == 2 and s.reports == 2


def test_kestrel_wire_copies_are_one_report() -> None:
    """The Kestrel fixture: one wire story in three outlets (one of them edited), with a newsletter, an advisory and a
    press release that tell the story in their own words."""
    from pathlib import Path

    from newsfuse.load import load_inputs

    brief = newsfuse.summarize(load_inputs([str(Path(__file__).parent / "fixtures" / "kestrel-recall")]), words=120)
    wire = {"01-ashby-falls-register", "02-wkvd-4", "06-dorrance-daily-times"}
    for s in brief.sentences:
        others = set(s.sources) - wire
        if set(s.sources) >= wire:
            assert s.reports == 1 + len(others), (s.text, s.sources, s.reports)
        assert 1 <= s.reports <= s.outlets
    assert any(set(s.sources) >= wire for s in brief.sentences)


def test_a_copy_in_another_language_gives_no_headline_to_agree_with() -> None:
    """Headlines of the documents in the cluster's language decide whether they announce one story: a Spanish copy's
    headline shares no words with them."""
    from newsfuse import Document
    from newsfuse.pipeline import _titles

    en = ("The council closed the Fulton Street Bridge on Tuesday after inspectors found cracks in two of the girders. "
          "Repairs to the bridge will take at least six weeks, and the detour adds ten minutes to the commute of most "
          "drivers, the city engineer said. The bridge carries about 18,000 vehicles a day across the river.")
    es = "El consejo cerró el puente de la calle Fulton el martes después de que los inspectores encontraran grietas."
    docs = [Document(text=en, id="a", title="Cracks close Fulton Street Bridge"),
            Document(text=en, id="b", title="Fulton Street Bridge closed over cracked girders"),
            Document(text=es, id="c", title="Grietas cierran el puente de la calle Fulton")]
    assert _titles(docs, [0, 1, 2]) == ["Cracks close Fulton Street Bridge", "Fulton Street Bridge closed over cracked girders"]
    assert _titles(docs[2:], [0]) == ["Grietas cierran el puente de la calle Fulton"]  # (one alone: nothing to compare)


def _crash(other: str, other_source: str = "Valley Herald") -> list[Document]:
    """A bus crash three outlets report (invented): two give the state police's eight dead, the third ``other``."""
    return [
        Document("Eight people died when a charter bus slid off Route 9 into the Orrin Gorge on Friday night, the "
                 "state police said. The bus was carrying a church choir home from a concert in Marlow. Rescuers "
                 "worked through the night to reach the bus, which came to rest on its side in shallow water.",
                 id="a", source="Marlow Gazette"),
        Document("Eight people died and 14 were hurt when a charter bus carrying a church choir slid off Route 9 "
                 "into the Orrin Gorge on Friday, state police said. The driver told police the brakes had failed "
                 "on the long descent. The road was closed until Saturday morning.",
                 id="b", source="Route 9 Radio"),
        Document(other + " The bus was carrying a church choir home from a concert in Marlow. Rescuers worked "
                 "through the night to reach the bus in the gorge.", id="c", source=other_source),
    ]


def test_figures_outlets_give_differently_are_said() -> None:
    """The county coroner's six against the state police's eight: a brief that states either says they differ, with
    the outlets that give each; its sentences are the same as without the rule."""
    docs = _crash("Six people died when a charter bus slid off Route 9 into the Orrin Gorge, the county coroner "
                  "said on Saturday.")
    brief = newsfuse.summarize(docs, words=60)
    assert any("people died" in s.text for s in brief.sentences)
    eight = ("8", ("a", "b"))
    six = ("6", ("c",))
    assert [(d.kind, d.figures) for d in brief.disputes] in (
        [("dead", (eight, six))], [("dead", (six, eight))])
    assert "Figures differ: " in brief.render("text")


@pytest.mark.parametrize(("other", "source"), [
    # a qualifier: "at least six" does not contradict eight
    ("At least six people died when a charter bus slid off Route 9 into the Orrin Gorge, the coroner said.",
     "Valley Herald"),
    # a count of a wider scope
    ("Six people died across the county in crashes on Friday, including on Route 9, the county coroner said.",
     "Valley Herald"),
    # a part of the dead
    ("Six of the dead were members of the choir, the county coroner said on Saturday.", "Valley Herald"),
    # one outlet only: its earlier and later copies differ
    ("Six people died when a charter bus slid off Route 9 into the Orrin Gorge, the county coroner said on Saturday.",
     "Marlow Gazette"),
])
def test_no_figures_differ(other: str, source: str) -> None:
    brief = newsfuse.summarize(_crash(other, source), words=60)
    assert brief.disputes == ()
    assert "disputes" not in brief.to_dict()


def test_a_quotation_is_credited_only_to_pages_that_give_its_words() -> None:
    """Two outlets quote the mayor's words; a third quotes her other words about the same vote: the quotation's
    sentence is credited to the first two only (attribute.QUOTE_RULE)."""
    import newsfuse.attribute as attribute_module

    quote = ('"This is the biggest decision this council has made in a generation," Mayor Celia Andrade-Voss said '
             "after the vote on Tuesday night.")
    rest = ("The Brisk City Council voted 7-2 on Tuesday night to build the Riverside Line, a light-rail line.\n\n"
            "Construction is expected to begin in mid-2027, the transit authority said.\n\n")
    other = ('Mayor Celia Andrade-Voss called the vote on Tuesday night "the start of a new chapter for Brisk and its '
             'council."')
    docs = [newsfuse.Document(rest + quote, id="wire", source="Wire"),
            newsfuse.Document(rest.replace("Tuesday night", "Tuesday") + quote, id="star", source="Star"),
            newsfuse.Document(rest + other, id="ledger", source="Ledger")]
    brief = newsfuse.summarize(docs, words=200)
    quoted = [s for s in brief.sentences if "biggest decision" in s.text]
    assert quoted and set(quoted[0].sources) == {"wire", "star"}, quoted
    attribute_module.QUOTE_RULE = False
    try:
        brief = newsfuse.summarize(docs, words=200)
    finally:
        attribute_module.QUOTE_RULE = True
    quoted = [s for s in brief.sentences if "biggest decision" in s.text]
    assert quoted and "ledger" in quoted[0].sources  # (what the rule is for)


def test_quoted_words() -> None:
    from newsfuse.attribute import _quoted_words

    assert _quoted_words('It launches a " ron paul\'s america " feature in march.') == {"ron", "paul", "america"}
    assert _quoted_words('He called it "a blank check."') == frozenset()  # (too few words to judge by)
    assert _quoted_words("The council voted 7-2 on Tuesday.") == frozenset()
    # (the marks are paired in turn: a short quotation's closing mark opens none, so the reporter's words between two
    # quotations are not read as quoted: "campaign", "backers", "Tuesday")
    assert _quoted_words('The "Yes" campaign and its backers said Tuesday that "every street in Halden will be '
                         'repaved" within five years.') == {"everi", "street", "halden", "repav"}
