import numpy as np
import pytest

import newsfuse
import newsfuse.select as select_module
from newsfuse.language import FOREIGN_LETTERS, foreign_letters
from newsfuse.model import Sentence
from newsfuse.options import Budget
from newsfuse.represent import represent, word_count
from newsfuse.select import (
    caseless,
    is_candidate,
    leans_on_previous,
    needs_antecedent,
    select,
    speaks_in_first_person,
)
from newsfuse.split import split_document


@pytest.mark.parametrize(
    ("text", "dangling"),
    [
        ("He said the bridge would reopen in December.", True),
        ("But the council voted against the plan on Monday.", True),
        ("That decision angered commuters across the city.", True),
        ("“This is unacceptable,” she said on Tuesday.", True),
        ("The mayor said the bridge would reopen in December.", False),
        ("Heavy rain closed the harbor road on Monday.", False),
        ("Theresa Long chairs the transport committee.", False),
        # connectives that place a sentence after or against the one before it, some only with their comma
        ("Later, it was reported that the crack ran the length of the girder.", True),
        ("Still, the council voted to pay for the repairs.", True),
        ("Nevertheless the mayor kept the bridge open for buses.", True),
        ("Similarly, the state closed two bridges upriver.", True),
        ("Later this year, the state will inspect every bridge in the county.", False),
        ("Still water under the bridge froze on Monday.", False),
        ("Similarly sized bridges upriver were inspected on Monday.", False),
        ("Otherwise healthy commuters were treated for smoke inhalation.", False),
        # an example or a reason given for what came before, with its comma
        ("For example, the engineers tested the girders with a magnet and a hammer.", True),
        ("For instance, the ferry now leaves from the old pier on Sundays.", True),
        ("For one thing, the bridge needs a lot of work.", True),
        ("For another, the state has not paid for the last repairs.", True),
        ("In the meantime, commuters will take the ferry across the lake.", False),  # (while the story's state lasts)
        ("For example purposes the council built a scale model of the bridge.", False),
        ("For another year, the bridge will stay closed to trucks.", False),
        ("For one thing to go wrong on that bridge would be a disaster, the engineer said.", False),
        # a restatement, a relative pronoun, a part of a group named before: of what? of whom?
        ("In other words, the bridge will stay shut until spring.", True),
        ("in other words, the ferry is the only way across.", True),
        ("In other cities, the ferries kept running all winter.", False),
        ("Which means the ferry will run twice as often.", True),
        ("Which is why the council met again on Sunday.", True),
        ("Others waited at the pier for hours in the rain.", True),
        ("Most were commuters on their way home from work.", True),
        ("Most have not been told when the bridge will reopen.", True),
        ("One was taken to the county hospital with burns.", True),
        ("One is a retired engineer, and the other runs the ferry.", True),
        ("Most of the ferries run on diesel, the report said.", False),
        ("One of the ferries ran aground on Tuesday.", False),
        ("One day the bridge will carry trains again, the mayor said.", False),
        ("Otherworldly lights hung over the bridge on Friday.", False),
        # a pronoun subject after a day's time
        ("On Saturday they were charged with handling stolen goods.", True),
        ("On Friday, he said the bridge would reopen in December.", True),
        ("Last Sunday she was the cover story of the magazine.", True),
        ("On Monday, police said the two men were charged.", False),
        ("On Tuesday it rained for the third day running.", False),
        ("On Saturday the two clubs meet again in Lakeport.", False),
        ("On Sunday theaters across the city reopened.", False),
        # a subject whose owner is a pronoun: whose?
        ("The search for her missing neighbor, a 44-year-old man, entered its second day.", True),
        ("A letter from their attorney says the council broke the law.", True),
        ("The cause of his death will be known after an autopsy.", True),
        ("The search for survivors ended on Friday.", False),
        ("A spokesman for the city said the road was closed.", False),
        ("The mayor of Lakeport praised her staff on Tuesday.", False),
        ("The death of Princess Diana shocked the world.", False),
        ("The hearing in Brisk lasted two hours, and his lawyer spoke first.", False),
        # ... but the owner is the subject itself: its age, after a verb, a person's own
        ("A man in his 40s was arrested on Tuesday.", False),
        ("The woman in her late 70s was found unresponsive on the first floor.", False),
        ("The girl died with her family by her side.", False),
        ("The owner returned to his damaged car after the storm passed.", False),
        ("The president in his speech on Tuesday called for calm.", False),
        ("The couple with their two children fled the flames.", False),
        ("A letter signed by his lawyer was read in court.", True),
        ("The inflection in her voice was unmistakable.", True),
    ],
)
def test_needs_antecedent(text: str, dangling: bool) -> None:
    assert needs_antecedent(text) is dangling


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("The city closed the Fulton Street Bridge on Tuesday after finding cracks.", True),
        ("Fulton Street Bridge closed indefinitely", False),  # headline: no terminal punctuation
        ("Cracks found.", False),  # too short
        ("Will the bridge reopen before the winter storms arrive here?", False),  # question
        ("Four years of jail for what he did to those two girls?!", False),  # a reader's outraged question
        ("“We will rebuild it,” the mayor told reporters outside City Hall.", True),
        ("“We will rebuild it and make it stronger than before.”", False),  # quote without a speaker
        ('" last night, sgt dakota meyer proposed and i said yes! "', False),  # "said" is inside the quotation
        ('Mr markle said in the interview: " they were disappointed.', False),  # the quotation runs on (spaced quotes)
        ('" i said no to the offer, " she told reporters on tuesday.', True),
        # an opening straight quote with no other: the quotation runs on into the next sentence, or the mark is stray
        ("\" i said ' bill gates is my secret santa! '", False),
        ('" if people want to say i am a terrible parent, that is their right.', False),
        ("and the council later agreed to pay for the repairs in full.", False),  # fragment
        ("The memos came from the office of homeland security secretary John F.", False),  # cut before a name
        (", around 11 a.m., according to the city's police sergeant.", False),  # a fragment
        (": we were promised fireworks tonight, and we got sparklers.", False),  # a label's tail
        ("When he heard the news about the layoffs, state sen.", False),  # cut before a name (a document's end)
        ("A copy of the 1990 letter from former president george h.w.", False),  # cut before a surname
        ("The aid was flown from a base near the town of camden, n.j.", True),  # a state ends a sentence
        ("Officials said the committee would meet again on friday at 5 p.m.", True),
        ("The fire started in a bakery on the corner of Elm and Main St.", True),  # a street
        ("The treaty was signed in 1919, months after the end of World War I.", True),
        ("He is seated next to his wife, who took part in the interview at the museum that opens nov.", False),  # cut before its date
        ("He was one of thousands who bought a ticket in the seaside town of roquetas de mar.", True),
        # re-tokenized text (Multi-News) sets a space before a closing quote: the sentence still ends
        ('Hungarian singer mitsou is suing jay z and beyonce over her voice on the single, " drunk in love. "', True),
        ("The band played its new single, ' the long road. '", True),
        # a parenthesis left open: it closes in a later sentence, or the sentence was cut inside it
        ("( he also repeated similar claims on other sunday talk shows.", False),
        ("Neighbors say the 800-square-meter ( 8,600-sq.", False),
        ("The council ( seven members in all ) voted on Tuesday to close the bridge.", True),
        ("[ how the council got to 'yes ' on the biggest repair bill in the u.s.", False),  # a bracket left open
        # ... or closed when it was opened in an earlier one; a list item's marker is no such parenthesis
        ("), and wove it together with stories of their family histories and of hard work.", False),
        ("Kit harington ) claim it does, and the show's producers agree with them.", False),
        ("The court looks at three criteria: 1 ) the worker is free from the company's control.", True),
        ("2 ) the work takes place outside the usual course of the business of the company.", True),
        ("… the white house and top senate democrats had quietly mounted a pressure campaign.", False),  # an excerpt
        # a teaser or quotation cut short
        ("The vikings announced monday that running back adrian peterson...", False),
        # cut before a saint's name (a truncated document's end); a street's "St." keeps its name before it
        ("Roe said that the county clinic, the city hospital and the st.", False),
        ("The Lakeport council met at the hall on Main St.", True),
        ('In a statement, the spokeswoman said on-site " educators and animal care staff… "', False),
    ],
)
def test_is_candidate(text: str, ok: bool) -> None:
    s = Sentence(text=text, doc=0, position=1, start=0, end=len(text))
    assert is_candidate(s, word_count(text)) is ok


def test_a_lower_case_start_is_a_fragment_except_an_articles_first_sentence() -> None:
    """In a cased cluster a sentence opening in lower case was split off mid-sentence, but a lower-cased copy's lead
    after its trimmed dateline ("Lakeport — the city council voted ...") is the article's main fact."""
    text = "the city council voted on Monday to close the Main Street bridge for six weeks of repairs."
    lead = Sentence(text=text, doc=0, position=0, start=0, end=len(text))
    later = Sentence(text=text, doc=0, position=4, start=200, end=200 + len(text))
    assert is_candidate(lead, word_count(text))
    assert not is_candidate(later, word_count(text))


@pytest.mark.parametrize(("text", "ok"), [
    ("___ 8: 20 p.m.", False), ("3: 20 p.m. on 12/4.", False), ("It fell 20 ft.", True), ("He is 86.", True),
    ("They continue to operate.", True), ("Warren harding's inauguration in 1921.", False),
    # fragments and rhetorical questions the relaxed pass let into 250-word briefs
    ("Playing frank underwood.", False), ("All eight of them.", False), ("Invalid email address.", False),
    ("She was 86.", True), ("It turned green.", True), ("It's really very strong.", True),
    ("did she forgive them?", False), ("Where did all of that money come from?", False),
    # what it is for: a sentence over MAX_WORDS (a teaser cut short only when nothing else is left)
    ("The vikings announced monday that running back adrian peterson...", False),
    ("The council met " + "and talked " * 40 + "until late.", True),
])
def test_a_relaxed_candidate_is_a_statement_with_a_verb_when_short(text: str, ok: bool) -> None:
    s = Sentence(text=text, doc=0, position=1, start=0, end=len(text))
    assert is_candidate(s, word_count(text), relaxed=True) is ok
    assert is_candidate(s, word_count(text), relaxed=True, teasers=True) is (ok or text.endswith("..."))


@pytest.mark.parametrize(("text", "ok"), [
    # the outlet telling its reader to do something: a pointer to the page, a request, a farewell
    ("Please stay away from the creek and the dam.", False),
    ("See the presidential debate schedule for more details.", False),
    ("Watch the full and exclusive interview on the program this sunday at 10 a.m.", False),
    ("Read the clouse family's heartbreaking story here.", False),
    ("Check back soon for further information about the closures.", False),
    ("Click on the map for a larger view of the flooded streets.", False),
    ("See you in three to ten years, everybody.", False),
    # reported speech whose opening quotation mark was lost; prose that opens with such a word
    ('Please give me my baby, " she said, as tears ran down her face.', True),
    ("See, the senator does not agree with the governor's stance on the budget.", True),
    ("Seeing the damage, the governor declared a state of emergency on Tuesday.", True),
    ("Readers of the paper sent more than 2,000 letters about the closure.", True),
    ("Watchdog groups said the agency had ignored the warnings for years.", True),
    ("Visitors were evacuated from the park on Tuesday afternoon.", True),
    ("Checkpoints were set up on every road into the town overnight.", True),
])
def test_a_sentence_addressed_to_the_reader_is_no_candidate(text: str, ok: bool) -> None:
    s = Sentence(text=text, doc=0, position=1, start=0, end=len(text))
    assert is_candidate(s, word_count(text)) is ok
    assert is_candidate(s, word_count(text), relaxed=True) is ok


def test_a_teaser_cut_short_is_quoted_only_when_nothing_else_is_left() -> None:
    teaser = "The mayor told reporters that the trucks hauling gravel to the quarry on route 9 would..."
    whole = "The harbor bridge will stay closed until the spring, the city engineer said on monday."
    rep = represent(split_document(f"{whole}\n\n{teaser}", 0), 1)
    for words in (20, 40, 250):
        assert [rep.sentences[i].text for i in select(rep, Budget(words=words)).indices] == [whole]
    rep = represent(split_document(teaser, 0), 1)
    assert [rep.sentences[i].text for i in select(rep, Budget(words=250)).indices] == [teaser]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # first person outside quotation marks with no speaker: a columnist's voice or a quotation that lost its marks
        ("At seven i wanted to be napoleon, the painter once wrote in his diary.", False),  # a speaker ("wrote")
        ("As a teenager the cookbook could usually be found in my room.", True),
        ("That is why i ' m petitioning the company to remove the dyes.", True),
        ('" i was there for my family, " she told reporters on monday.', False),
        ("The highway was closed after world war i and rebuilt in the fifties.", False),
        ("Mine workers walked off the job at the pit on monday.", False),
    ],
)
def test_speaks_in_first_person(text: str, first: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    assert speaks_in_first_person(text) is first
    # with FIRST_PERSON_RULE on, such a sentence is not a candidate; off (the default) it may be
    s = Sentence(text=text, doc=0, position=1, start=0, end=len(text))
    assert is_candidate(s, word_count(text))
    monkeypatch.setattr("newsfuse.select.FIRST_PERSON_RULE", True)
    assert is_candidate(s, word_count(text)) is not first


def _cluster(texts: list[str]):
    sents = [s for k, t in enumerate(texts) for s in split_document(t, k)]
    return represent(sents, len(texts))


DOCS = [
    "The city closed the Fulton Street Bridge on Tuesday after inspectors found cracks in two girders. "
    "Repairs will take at least six weeks and cost about $4.2 million, officials said. "
    "He said drivers should use the Canal Avenue bridge instead during the closure.",
    "Inspectors found cracks in two girders of the Fulton Street Bridge, and the city closed it on Tuesday. "
    "The Fulton Street Bridge carries about 18,000 vehicles a day between downtown and the harbor. "
    "Officials said repairs would cost roughly $4.2 million and last at least six weeks.",
    "Lakeport shut the Fulton Street Bridge on Tuesday after cracks turned up in two steel girders. "
    "The span opened in 1961 and was last rated in fair condition in 2022. "
    "Commuters face detours of up to 20 minutes at rush hour while crews work on the girders.",
]


@pytest.mark.parametrize("budget", [Budget(words=25), Budget(words=60), Budget(sentences=2), Budget(bytes=200)])
def test_selection_respects_the_budget(budget: Budget) -> None:
    rep = _cluster(DOCS)
    sel = select(rep, budget)
    assert sel.indices, "something fits every budget here"
    chosen = [rep.sentences[i].text for i in sel.indices]
    if budget.words:
        assert sum(word_count(t) for t in chosen) <= budget.words
    if budget.sentences:
        assert len(chosen) <= budget.sentences
    if budget.bytes:
        # counted as ROUGE-1.5.5 -b counts: sentence bytes, not the spaces that join them
        assert sum(len(" ".join(c.split()).encode()) for c in chosen) <= budget.bytes


def test_no_two_sentences_say_the_same_thing() -> None:
    rep = _cluster(DOCS)
    sel = select(rep, Budget(words=80))
    texts = [rep.sentences[i].text for i in sel.indices]
    closures = [t for t in texts if "closed" in t or "shut" in t]
    assert len(closures) <= 1, texts


def test_dangling_sentence_only_with_its_antecedent() -> None:
    rep = _cluster(DOCS)
    for words in (20, 40, 60, 90, 120):
        sel = select(rep, Budget(words=words))
        for i in sel.indices:
            s = rep.sentences[i]
            if needs_antecedent(s.text):
                prev = next(j for j, t in enumerate(rep.sentences) if t.doc == s.doc and t.position == s.position - 1)
                assert prev in sel.indices


def test_nothing_fits_gives_an_empty_selection() -> None:
    rep = _cluster(DOCS)
    assert select(rep, Budget(words=3)).indices == []


def test_caseless_detection() -> None:
    upper = _cluster(DOCS)
    lower = _cluster([d.lower().replace(". ", ". X") for d in DOCS] * 2)
    assert not caseless(upper)
    assert caseless(lower)


@pytest.mark.parametrize("negative", [False, True])
def test_branch_and_bound_matches_the_integer_program(negative: bool) -> None:
    """The small-program solver is exact: same optimum as HiGHS on random instances (``negative``: some
    sentences are worth less than nothing on their own, as a long quotation in a large cluster can be)."""
    import random

    from scipy.optimize import Bounds, LinearConstraint, milp

    from newsfuse.select import branch_and_bound

    rng = random.Random(7)
    for _ in range(150):
        n, m = rng.randint(2, 12), rng.randint(0, 8)
        values = [rng.random() * 5 - (3.5 if negative else 0.0) for _ in range(n)]
        covers = [rng.sample(range(m), rng.randint(0, min(m, 3))) for _ in range(n)]
        cw = [rng.random() * 3 for _ in range(m)]
        lengths = [float(rng.randint(5, 40)) for _ in range(n)]
        cap = float(rng.randint(20, 100))
        a, b = rng.sample(range(n), 2)
        conflicts = {(a, b), (b, a)}
        c, d = rng.sample(range(n), 2)
        requires = {c: d}
        picked = branch_and_bound(values, covers, cw, lengths, cap, conflicts, requires)
        assert picked is not None
        assert sum(lengths[k] for k in picked) <= cap
        assert not (a in picked and b in picked)
        assert c not in picked or d in picked
        got = sum(values[k] for k in picked) + sum(cw[j] for j in {j for k in picked for j in covers[k]})
        # the same program for HiGHS: x = sentences then concepts
        rows = [[lengths[k] for k in range(n)] + [0.0] * m]
        lb, ub = [-np.inf], [cap]
        for j in range(m):
            rows.append([-1.0 if j in covers[k] else 0.0 for k in range(n)] + [1.0 if i == j else 0.0 for i in range(m)])
            lb.append(-np.inf)
            ub.append(0.0)
        rows.append([1.0 if k in (a, b) else 0.0 for k in range(n)] + [0.0] * m)
        lb.append(-np.inf)
        ub.append(1.0)
        rows.append([1.0 if k == c else -1.0 if k == d else 0.0 for k in range(n)] + [0.0] * m)
        lb.append(-np.inf)
        ub.append(0.0)
        res = milp(-np.array(values + cw), constraints=LinearConstraint(np.array(rows), lb, ub),
                   integrality=np.ones(n + m), bounds=Bounds(0, 1))
        assert got == pytest.approx(-res.fun, abs=1e-9)


def test_title_agreement_separates_one_story_from_a_topic() -> None:
    from newsfuse.select import title_agreement

    one_story = [
        "Fulton Street Bridge closed after inspectors find cracks",
        "Cracked girders shut Lakeport's Fulton Street Bridge",
        "Lakeport closes Fulton Street Bridge over cracks",
    ]
    topic = [
        "Tsunami aid donations deductible for 2004",
        "Japan promises 500 million in aid",
        "Sumatra quake was longest ever recorded",
    ]
    assert title_agreement(one_story) >= 0.45 > title_agreement(topic)
    assert title_agreement(["Only one headline"]) == 0.0


def test_headline_sentence_is_kept_when_the_headlines_agree() -> None:
    docs = DOCS + [
        "Commuters face long detours as crews begin work on the girders this week. "
        "Council members asked for an audit of all city bridges on Wednesday. "
        "The audit would cover twelve bridges and cost about $300,000, the council said."
    ]
    rep = _cluster(docs)
    titles = ["Fulton Street Bridge closed over cracked girders", "Cracks close Fulton Street Bridge",
              "Fulton Street Bridge shut after cracks found"]
    for words in (25, 40):
        chosen = [rep.sentences[i].text for i in select(rep, Budget(words=words), titles=titles).indices]
        assert any("closed" in t or "shut" in t for t in chosen), chosen


@pytest.mark.parametrize(
    ("text", "leans"),
    [
        ('This earthquake lasted about 10 minutes," said Charles Ammon, a geoscientist.', True),
        ("The knife wasn't long enough though, \" he said.", True),
        ("It wasn't long enough, ” Ammon added.", True),
        ('The agency will do whatever it can to help the families of the crew," Lindqvist stated.', True),
        ("We will not reopen the pier until it is safe, \" the harbor master tweeted.", True),
        ("It is the best harbor on the coast, \" she insists.", True),
        ('The reef\'s recovery, he added, " tells me the protection is working. "', False),  # an opening quote
        ('"The bridge is safe," the mayor said on Friday.', False),  # the quotation opens here
        ("The mayor said the bridge was safe.", False),
        ("He said the bridge was safe.", True),  # a pronoun opening
    ],
)
def test_quote_tails_lean_on_the_previous_sentence(text: str, leans: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(select_module, "QUOTE_TAIL_NEEDS_OPENING", True)
    assert leans_on_previous(text) is leans
    monkeypatch.setattr(select_module, "QUOTE_TAIL_NEEDS_OPENING", False)
    monkeypatch.setattr(select_module, "QUOTE_TAIL_PRONOUN_NEEDS_OPENING", False)  # then only pronoun openings lean
    assert leans_on_previous(text) is needs_antecedent(text)


@pytest.mark.parametrize(
    ("text", "leans"),
    [
        ("The knife wasn't long enough though, \" he said.", True),
        ('There are a lot of schools with dead people in them," he said, adding that thousands died.', True),
        ("It wasn't long enough, ” she told reporters.", True),
        ('The knife was too short," Ammon added.', False),  # the tail names its speaker
        ('"The bridge is safe," the mayor said.', False),  # the quotation opens here and names its speaker
    ],
)
def test_a_quote_tail_with_a_pronoun_speaker_leans_on_the_previous_sentence(text: str, leans: bool,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    assert select_module.QUOTE_TAIL_PRONOUN_NEEDS_OPENING and select_module.QUOTE_TAIL_NEEDS_OPENING  # the defaults
    monkeypatch.setattr(select_module, "QUOTE_TAIL_NEEDS_OPENING", False)  # (only a pronoun's tail leans then)
    assert leans_on_previous(text) is leans


@pytest.mark.parametrize(
    ("text", "leans"),
    [
        ('"Moving people off in the dark and the fog was the hard part," he said.', True),
        ('" we were overwhelmed and just did not have the foresight, " she said wednesday.', True),  # re-tokenized
        ("“It hurts,” they told reporters.", True),
        ('"It is over," he said, "and we are done."', True),
        ('"Moving people off was the hard part," said Captain Ilse Dunmore.', False),  # the speaker is named
        ('"We will rebuild," the mayor said.', False),
        ('"The deckhand was a hero," Dunmore said.', False),
        ('He said, "we will rebuild."', True),  # (a pronoun opening, as before)
    ],
)
def test_a_quotation_whose_speaker_is_only_a_pronoun_leans_on_the_previous_sentence(
        text: str, leans: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    # a brief quoting '"...," she said.' without the sentence before it cannot say who spoke
    assert select_module.QUOTE_PRONOUN_SPEAKER_NEEDS_ANTECEDENT  # the default
    assert leans_on_previous(text) is leans
    monkeypatch.setattr(select_module, "QUOTE_PRONOUN_SPEAKER_NEEDS_ANTECEDENT", False)
    assert leans_on_previous(text) is needs_antecedent(text)


def test_a_quotation_with_a_pronoun_speaker_enters_only_after_the_sentence_naming_her() -> None:
    named = "Ilse Dunmore, 54, has worked on the lake since she was a teenager and keeps two dogs at her house in Port Ellery."
    quote = ('"The ferry Marigold ran aground in thick fog on Tuesday night, and moving all 212 passengers off in the dark '
             'was the hard part," she said.')
    docs = [
        "The ferry Marigold ran aground in thick fog on Lake Veyra on Tuesday night with 212 passengers aboard. "
        f"{named} {quote} Seven passengers suffered minor injuries.",
        "All 212 passengers were taken off the ferry Marigold after it ran aground in thick fog on Lake Veyra on Tuesday "
        "night. Seven passengers suffered minor injuries, the county said. Moving the passengers off in the dark took "
        "four hours.",
    ]
    for words in (30, 45, 60, 80):  # (at 45 words the quotation alone was chosen)
        texts = [s.text for s in newsfuse.summarize(docs, words=words).sentences]
        if quote in texts:
            assert named in texts and texts.index(named) == texts.index(quote) - 1, (words, texts)
    assert quote in [s.text for s in newsfuse.summarize(docs, words=80).sentences]  # the pair fits, and is chosen


def test_a_quote_tail_enters_only_with_its_opening(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(select_module, "QUOTE_TAIL_NEEDS_OPENING", True)
    doc = (
        "The city closed the Fulton Street Bridge on Tuesday after inspectors found cracks in two girders. "
        '"We will not gamble with the lives of the eighteen thousand drivers who cross it every day. '
        'The girders will be replaced before the bridge opens again in the spring," said Mayor Dana Ortiz on Tuesday.'
    )
    other = (
        "Inspectors found cracks in two girders of the Fulton Street Bridge, and the city closed it on Tuesday. "
        "The girders will be replaced before the bridge opens again in the spring, the mayor's office said."
    )
    rep = represent(split_document(doc, 0) + split_document(other, 1), 2)
    for words in (20, 40, 60, 80):
        sel = select(rep, Budget(words=words))
        for i in sel.indices:
            s = rep.sentences[i]
            if leans_on_previous(s.text):
                prev = next(j for j, t in enumerate(rep.sentences) if t.doc == s.doc and t.position == s.position - 1)
                assert prev in sel.indices and sel.requires.get(i) == prev


def test_the_sentences_inside_a_quotation_and_its_tail_are_never_chosen() -> None:
    # a quotation over three sentences: the middle one holds the mayor's words with no quotation mark, and its tail
    # with the middle one would quote her with no opening mark; neither is chosen (the same facts, said plainly by
    # the other outlet, are)
    doc = (
        "The city closed the Fulton Street Bridge on Tuesday after inspectors found cracks in two girders. "
        '"We will not gamble with the lives of the eighteen thousand drivers who cross the bridge every day. '
        "The girders must be replaced before the bridge opens again to traffic in the spring. "
        'Repairs will cost the city about four million dollars and take six weeks," she said on Tuesday.'
    )
    other = (
        "Inspectors found cracks in two girders of the Fulton Street Bridge, and the city closed it on Tuesday. "
        "Repairs to the bridge will take six weeks and cost about four million dollars, the mayor's office said on Tuesday."
    )
    rep = represent(split_document(doc, 0) + split_document(other, 1), 2)
    middle = next(i for i, s in enumerate(rep.sentences) if s.text.startswith("The girders must"))
    tail = next(i for i, s in enumerate(rep.sentences) if s.text.startswith("Repairs will cost"))
    assert select_module.inside_quotation(rep) == {middle}
    assert select_module.opened_further_back(rep.sentences[tail].text, rep.sentences[middle].text)
    for words in (20, 40, 60, 80, 120):
        chosen = select(rep, Budget(words=words)).indices
        assert middle not in chosen and tail not in chosen
        assert chosen  # the other outlet's plain sentences are there to choose


@pytest.mark.parametrize(
    ("sentences", "inside"),
    [
        # straight, curly and re-tokenized (Multi-News) quotation marks
        (['"We will not gamble with the lives of drivers.', "The girders must be replaced.", 'It is the only choice," she said.'], [1]),
        (["“We will not gamble with the lives of drivers.", "The girders must be replaced.", "That is all,” she said."], [1]),
        (['" we will not gamble with the lives of drivers.', "The girders must be replaced.", 'It is the only choice, " she said.'], [1]),
        (['He said: " we will not gamble with lives.', "The girders must go.", "Repairs start soon.", 'That is all. "'], [1, 2]),
        # a quotation closed in its own sentence, a stray mark that never closes, one that closes too far on
        (['"We will not gamble," she said.', "The girders must be replaced.", "Repairs start soon."], []),
        (['"We will not gamble with the lives of drivers.', "The girders must be replaced.", "Repairs start soon."], []),
        (['"We will not gamble.', "One.", "Two.", "Three.", "Four.", "Five.", 'That is all," she said.'], []),
        # speaker after the spaced mark: the quotation closes there
        (['it was a long night, " she said.', "The girders must be replaced.", 'That is all, " he said.'], []),
        # inch marks open and close no quotation
        (['The county bought a 55" screen for the bridge office.', "Crews watch the girders on it.", 'The old one was 32".'],
         []),
        (['The suspect is 6\'2" tall, police said.', "He was seen near the bridge.", 'His brother is 5\'9".'], []),
    ],
)
def test_inside_quotation(sentences: list[str], inside: list[int]) -> None:
    from types import SimpleNamespace

    sents = [Sentence(text=t, doc=0, position=k, start=0, end=len(t)) for k, t in enumerate(sentences)]
    assert select_module.inside_quotation(SimpleNamespace(sentences=sents)) == set(inside)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["s the power couple was introduced to the singers during the game.", "S with their second child on the way, the couple looked happy."])
def test_lone_letter_openings_are_fragments(text: str) -> None:
    assert not is_candidate(Sentence(text=text, doc=0, position=0, start=0, end=len(text)), word_count(text), no_case=True)


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("Hun Sen accused the opposition of trying to ``internationalize'' the political crisis.", True),
        ("``We will not negotiate outside the country,'' Hun Sen told reporters on Friday.", True),
        ("``We will not negotiate outside the country, and we will not be pressed.", False),  # runs on
        ("The talks must happen in Phnom Penh, he said.''", False),  # the end of a quotation opened earlier
        ("``The talks must happen in Phnom Penh and nowhere else at all.''", False),  # no speaker
    ],
)
def test_newswire_tex_quotes(text: str, ok: bool) -> None:
    assert is_candidate(Sentence(text=text, doc=0, position=0, start=0, end=len(text)), word_count(text)) is ok


@pytest.mark.parametrize(
    ("text", "ok", "no_case"),
    [
        ('"I have not met with any Russians," he told NBC News, "and those remarks are unbelievable to me.', False, False),
        ('The mayor said "we will rebuild the bridge before winter comes to the valley.', False, False),  # runs on
        ('"I have not met with any Russians," he told NBC News, "and those remarks are false."', True, False),
        ('"We will rebuild the bridge before winter," the mayor told reporters on Tuesday.', True, False),
        ('Crews laid a 6" pipe under the bridge deck before the road reopened on Tuesday.', True, False),  # inches
        # re-tokenized (Multi-News): quotes between spaces face neither way, and pairs break across sentences
        ('the mayor said " we will rebuild the bridge before winter comes to the valley.', True, True),
    ],
)
def test_straight_quotes_running_into_the_next_sentence(text: str, ok: bool, no_case: bool) -> None:
    assert is_candidate(Sentence(text=text, doc=0, position=0, start=0, end=len(text)), word_count(text), no_case) is ok


@pytest.mark.parametrize(
    ("budget", "short"),
    [(Budget(words=100), True), (Budget(words=250), False), (Budget(bytes=665), True), (Budget(bytes=2000), False),
     (Budget(sentences=3), True), (Budget(sentences=10), False)],
)
def test_short_budgets(budget: Budget, short: bool) -> None:
    assert select_module.is_short(budget) is short


def test_large_clusters_keep_only_concepts_several_documents_share() -> None:
    # ten documents: every one reports the closure; one alone mentions the ferry timetable
    docs = [
        f"The city closed the harbor bridge on Tuesday after inspectors found cracks. Report {k} added details."
        for k in range(9)
    ] + ["The ferry timetable changes on Sunday for the holiday weekend crowds."]
    sents = [s for k, d in enumerate(docs) for s in split_document(d, k)]
    rep = represent(sents, len(docs))
    groups = list(range(len(docs)))
    assert "ferri timet" in set().union(*rep.concepts)  # the concept is in the cluster ...
    long_weights = select_module.cluster_weights(rep, groups, short=False)
    short_weights = select_module.cluster_weights(rep, groups, short=True)
    assert "ferri timet" not in long_weights  # ... but one document of ten is not enough (df >= 2)
    assert "harbor bridg" in long_weights and "harbor bridg" in short_weights
    assert set(short_weights) <= set(long_weights)
    # a small cluster keeps what only one of its documents says
    pair = [split_document(docs[0], 0), split_document(docs[9], 1)]
    small = represent([s for d in pair for s in d], 2)
    assert "ferri timet" in select_module.cluster_weights(small, [0, 1], short=True)
    assert [select_module.min_spread(n, short) for n, short in ((3, True), (6, False), (8, False), (8, True))] == [1, 2, 2, 3]


@pytest.mark.parametrize(
    ("text", "n"),
    [('"We have reports," said Paul Conneally.', 3), ("He called it “a pretty good deal” on Sunday.", 4),
     ("``It is over,'' the minister said.", 3), ("The 12-inch pipe burst.", 0), ("No quotes at all here.", 0)],
)
def test_quoted_words(text: str, n: int) -> None:
    assert select_module.quoted_words(text) == n


def test_large_clusters_prefer_reports_to_quotations() -> None:
    # the same fact twice in every document: once reported, once quoted; the budget fits one of them
    report = "The harbor bridge will stay closed for six weeks while crews replace two cracked girders."
    quote = '"The harbor bridge will stay closed for six weeks while crews replace two girders," he said.'

    def brief(n_docs: int) -> list[str]:
        tail = "Commuters in the northern suburbs face detours of up to forty minutes each way, officials of district {k} said."
        docs = [f"{quote} {report} {tail.format(k=k)}" if k % 2 else f"{report} {quote} {tail.format(k=k)}"
                for k in range(n_docs)]
        sents = [s for k, d in enumerate(docs) for s in split_document(d, k)]
        rep = represent(sents, n_docs)
        sel = select(rep, Budget(words=16), list(range(n_docs)))
        return [rep.sentences[i].text for i in sel.indices]

    assert brief(select_module.SPREAD_DOCS) == [report]


GLUED = [
    # a print page's link footnote numbers and a reference's mark (tests/fixtures/marigold-ferry)
    "The Marigold struck the shoal at about 8:15 p.m., the Veyra Lake Patrol [1] said.",
    "The bridge opened to traffic in 1961.[3]",
    # notes and pitches of page layouts the seeds lack (tests/fixtures/harlow-ridge): a correction, an app, a transcript
    "This story has been corrected to show that the fire started on Saturday, not Friday.",
    "A previous version of this story incorrectly stated that the bridge reopened on May 2.",
    "Download the free KVTR 9 app for breaking news alerts on your phone.",
    "For the latest on air quality in your neighborhood, check the KVTR 9 Weather app.",
    "Transcript note: This transcript was created on a rush deadline.",
    "The authoritative record of HCPR programming is the audio record.",
    "Associated Press writer Jane Roe contributed from Denver.",
    "Media playback is unsupported on your device media caption crews lift the span the council says the bridge reopens in May.",
    "Please enable JavaScript to watch this video Lakeport police have closed the Main Street bridge until further notice.",
    "Play Facebook Twitter Google Plus Embed crews lift the last steel beam onto the Main Street bridge on Tuesday.",
    "Advertisement Continue reading the main story The council voted 7-2 to pay for the bridge repairs on Monday.",
    "( Jane Doe/The Lakeport Ledger via AP ) crews lift the last steel beam onto the Main Street bridge on Tuesday.",
    "In this Oct. 3, 2024, file photo, crews inspect the Main Street bridge in Lakeport after cracks were found.",
    "Keep up with this story and more by subscribing now the council voted to pay for the bridge repairs.",
    "Close skip in skip x embed x share late on Wednesday the mayor spoke with our station about the bridge.",
    "\u2014 Lakeport Mayor (@LakeportMayor) October 3, 2024 we will reopen the bridge as soon as it is safe.",
    "The mayor addresses the council in this October 3, 2024 photo released by the city of Lakeport.",
    "Lakeport bridge to close for repairs 11:12 AM ET Mon, 3 Oct 2024 | 01:00 the city will close the bridge.",
    "| Getty Lakeport closes its bridge the city closed the Main Street bridge on Tuesday for repairs.",
    "Crews lift a steel beam onto the Main Street bridge in Lakeport, Ohio, Tuesday, Oct. 3, 2024.",
    "A police officer searches a car near the bridge, Tuesday, Oct. 3, 2024, in Lakeport.",
    "Mayor mohamed ali speaks to reporters at the bridge in Lakeport, Ohio, Oct. 3, 2024.",
    "Mayor Ann Ruiz, left, speaks to reporters outside city hall in Lakeport, Monday April 7, 2025.",
    # a caption's full date after its place, with no preposition
    "Crews lift a steel beam onto the Main Street bridge in Lakeport, Ohio, October 3, 2024.",
    "A woman walks past the closed bridge in Lakeport saturday, Oct. 5, 2024.",
    "The Main Street bridge in Lakeport, Ohio, Oct. 3, 2024.",
    "Picture taken October 3, 2024.",
    # ... or after "on" and a weekday, in a caption's tense
    "Inspectors walk under the Main Street bridge in Lakeport on monday, oct. 3, 2024.",
    "An ambulance waits outside the closed bridge in lakeport, ohio, on Tuesday, Oct. 4, 2024.",
    "Mayor Ann Ruiz talks to reporters at city hall in Lakeport, Ohio. On Wednesday, October 5, 2024.",
    "Crews clear debris from the river under the old Main Street bridge after a barge struck it in lakeport, ohio, "
    "on Thursday, Oct. 6, 2024.",
    "Residents repair a roof damaged by the storm after it crossed lakeport, ohio, on Friday, Oct. 7, 2024.",
    # ... with AP's place after the date
    "A steel girder from the Main Street bridge is displayed on friday, oct. 7, 2024, in lakeport.",
    "Crews lift a beam onto the bridge at the Main Street crossing on Monday, Oct. 3, 2024, in Lakeport, Ohio.",
    "( Jane Doe/The Lakeport Ledger ) the council voted on Monday to pay for the bridge repairs.",
    "jane doe/ap jane doe/ap the council voted on Monday to pay for the bridge repairs.",
    "The latest on the bridge closure ( all times local ): 2: 44 p.m. The council voted to pay for repairs.",
    "Follow the city desk on twitter: @lakeportdesk the council voted to pay for the bridge repairs.",
    "Our journalism takes a lot of time, effort, and hard work to produce.",
    "4 years ago ( Ledger ) \u2013 the council voted to pay for the bridge repairs on Monday.",
    "Editor's note: this story has been updated to correct the date of the council vote.",
    "The bridge will close for repairs http://example.com/player.swf?id=12&autoplay=1 on Monday.",
    "Related content Lakeport bridge reopens early crews finished the Main Street bridge repairs on Monday.",
    "Related story: bridge closes for good the council voted to pay for the bridge repairs.",
    "Hide caption 1 of 12 photos: photos: the bridge over the years the Main Street bridge opened in 1961.",
    "Lakeport man fined for bridge stunt share tweet meet the man who climbed the bridge.",
    "> news > most popular bridge closes the council voted to pay for the bridge repairs.",
    "Scroll down for video the council voted to pay for the bridge repairs on Monday.",
    "Image caption the bridge carries 18,000 vehicles a day the council voted to pay for its repairs.",
    "Read more here.",
    "No one covers what is happening in our community better than we do.",
    "Subscribe to the city desk channel here: http://example.com/citydesk for more bridge news.",
    # cues to the page's media, which a brief does not carry
    "Watch the video of the bridge closure below.",
    "See the photos above.",
    "listen to them side-by-side for yourself.",
    "Take a look at the full list of closed roads here.",
    "The table below lists the risk of transmission per 10,000 exposures for various types of exposures.",
    # a comment form's terms
    "The Times makes no guarantee of comments' factual accuracy.",
    "Here are the full legal terms you agree to by using this comment form.",
    # a link's or a note's label, however long the headline and story run into it
    'Photos: the singer shows off his abs on the beach "they run the risk of disrespecting their audience members who '
    'have worked hard for their money and saved up to see a show that they have been waiting for since the spring, and '
    'who deserve better than this," a critic wrote in a long review of the tour on Monday.',
    "More: how to live 100 years understanding that most of the oldest old, among the fastest growing groups in the "
    "population, will need care from their families, the authors of the study of 2,000 people in five countries "
    "argue that the state must step in before the costs fall on the children of the very old.",
    "Note: javascript is disabled or is not supported by your browser.",
    "Correction: an earlier version of this story incorrectly stated the year the troops arrived.",
    "Editor's note: this story was updated at 1: 55 p.m. on Monday.",
    "Photo credit: family photo/lakeport police the 22-year-old woman was last seen near the bridge.",
    "Acknowledgment: the authors thank the study participants for their cooperation.",
    "Grant support: from the national center for research resources to the lakeport university.",
    "Also read nbc scraps bill cosby comedy in wake of rape allegations the associated press released footage.",
    "Stick with cnn politics as we sort through the changed political landscape.",
    "Here are three things you need to know about niacin.",
    "Below is the full statement: the sheriff's office today confirms that the remains have been located.",
    # a page's instructions to its reader, a sign-up, consent or browser notice, a social or e-mail pitch
    "Click here to see the full list of closed roads in Lakeport.",
    "For the council's full report on the bridge, please click here.",
    "Click through this slideshow to see the bridge over the years.",
    "Click on the map for a larger view of the closures.",
    "Sign up for breaking news alerts from the ledger the council voted to pay for the bridge repairs.",
    'By clicking "I agree" below, you consent to the use by us and our partners of cookies.',
    "And with a digital subscription, you'll never miss a local story.",
    "Premium content for only $0.99 for the most comprehensive local coverage, subscribe today.",
    "To watch our videos, you'll need to enable javascript in your web browser.",
    "Follow us at @lakeportledger and like us on facebook for updates on the bridge.",
    "Email us at desk@ledger.example with ideas for stories about your neighbourhood.",
    # a writer's or press office's contact, an embedded post's link or label
    "Jane doe may be reached at jdoe@ledger.example.",
    "Contact: jane doe, lakeport city hall, 555-010-2000, jdoe@lakeport.example the council voted on Monday.",
    "The bridge will reopen in May pic.twitter.com/abc123 the council voted to pay for the repairs.",
    "View this post on instagram thank you @lakeportbridge for the photos of the reopening.",
    # a related link or a note in brackets, a wiki's edit link, an obfuscated address
    "[ take the quiz — which bridge are you? ]",
    "[ video unavailable on this device ].",
    "history [ edit ] until 1834, the bridge carried a toll for every cart that crossed it.",
    "Send tips to [ email protected ] the council voted to pay for the bridge repairs.",
    # a review's info box
    "written by darren aronofsky directed by darren aronofsky starring jennifer lawrence, javier bardem and ed harris.",
    "Starring josh brolin, george clooney, alden ehrenreich, ralph fiennes and scarlett johansson, the film opens friday.",
    "Rated r ( for language and sexual content ).",
    "About the movie shutter island * * 1/2 out of four stars: leonardo dicaprio, mark ruffalo, ben kingsley.",
    # a page's separator bar
    "« previous | main | next » president obama answered questions at a town hall meeting on Monday.",
    "Thomas hawthorne, the republic | azcentral.com democrat kyrsten sinema spoke to supporters on Tuesday.",
    "| andrew harnik/ap photo the director said the agency completed its inquiry last year.",
    # a form's rule line inside a sentence
    "Document county clerk of courts lakeport, n.y. 14001 ______________________________ notice of hearing pursuant to section 12.",
]
NOT_GLUED = [
    # prose about images and artists, not a caption
    "In this image-conscious town, the bridge is the mayor's favourite backdrop.",
    "The bigger picture in this town is that the bridge carries 40,000 cars a day.",
    "The artist's rendering of the bridge won a prize at the county fair, the council said.",
    "An artist who painted the old bridge said she would paint the new one too.",
    "An artist's rendering of the new bridge was unveiled on Monday, the mayor said.",
    "Residents joined the conversation about the bridge at a packed town hall on Monday.",
    # prose that dates an event after "on", with the place after the date
    "The trial began on Monday, May 5, 2014, in Boston, and lasted three weeks.",
    "The bridge was closed on Monday, Oct. 3, 2024, in Lakeport, after inspectors found cracks.",
    "The hearing is expected to resume on Monday, Jan. 6, 2020, in Boston.",
    "The council approved [the] repair budget of $4.2 million on Monday, the mayor said.",
    "Lane 2 [of 4] stays closed until May, the city said.",
    "The city's new parking app was downloaded 40,000 times in its first week, the mayor said.",
    "Residents can get the county's emergency app, which sends evacuation alerts, from its website.",
    "An earlier version of the bridge was built in 1911 and torn down in 1965.",
    "The transcript of the hearing was released on Monday after a judge ordered it.",
    "Local writers and artists contributed to the fund that repaired the bridge in 2019.",
    "The error was corrected in this year's budget, the council said on Monday.",
    "LAKEPORT (AP) — The council voted 7-2 on Monday to pay for the Main Street bridge repairs.",
    "The Associated Press reported that the bridge would reopen in May, six weeks late.",
    "The mayor posted the inspection report on Facebook and Twitter on Tuesday evening.",
    "Engineers will continue reading the sensors on the bridge deck every hour, the city said.",
    "The mayor wrote on Twitter (@LakeportMayor) that the bridge would reopen in May.",
    "The photo was taken in this park on Monday, the police said.",
    "The vote was 7-2 at 11:12 a.m. on Monday, the clerk said.",
    "The bridge closed on Tuesday, Oct. 3, 2024, after inspectors found cracks in two beams.",
    "The council will vote on the repairs on Tuesday, Oct. 3, 2024.",
    "The bridge closed on Tuesday, Oct. 3, 2024, in Lakeport.",
    "The mayor signed the repair bill at city hall, Tuesday, Oct. 3, 2024, in Lakeport.",
    "The old bridge fell into the river at Lakeport, Ohio, May 4, 1961.",
    "The new toll takes effect in Lakeport, Ohio, January 1, 2025.",
    "Investigators say the crack opened under the deck in Lakeport, Oct. 3, 2024.",
    "The bridge was closed by the city on October 3, 2024.",
    "The old record was 11.5 inches set December 17, 1932.",
    "The closure was announced Monday, Oct. 3, 2024.",
    "The rebuilt bridge will open in Lakeport, Ohio, October 3, 2025.",
    "Inspectors have checked the bridge every year since March 1, 2001.",
    "A city inspector went missing near the bridge on friday, december 2, 2016.",
    "The rebuilt bridge opens on Friday, June 5, 2026.",
    "Voters go to the polls on Tuesday, Nov. 4, 2025.",
    "The last inspection of the old bridge by the state was on friday, january 21, 2011.",
    # ... nor when it looks ahead in other words than "will", or its main verb is in the past beyond its first words
    "The bridge hearing is expected to resume in Lakeport on Monday, Jan. 6, 2025.",
    "Services for the inspector are planned for 11 a.m. at St. Anne's in Lakeport on Saturday, June 7, 2025.",
    "The council member faces a recall vote in Lakeport on Tuesday, Nov. 4, 2025.",
    "The couple plan to marry on the reopened bridge in Lakeport on Saturday, June 6, 2026.",
    "A 34-year-old former night-shift worker at the plant, identified by police as Tom Reyes, was arrested in Lakeport "
    "on Monday, June 2, 2025.",
    "The council approved the repairs in a 7-2 vote, its first since the span opened to traffic May 4, 1961.",
    "The 24/7 hotline and the city's and/or county's crews were ready, the mayor said.",
    "The plan (a joint city/county effort) will cost $4 million, officials said.",
    "Details of the closure are posted at http://lakeport.example.gov/bridge, the city said.",
    "Residents who were evacuated two days ago returned home on Monday, police said.",
    "20 years ago, the old bridge collapsed into the river, killing 13 people.",
    "Related charges were filed against two other men on Friday, prosecutors said.",
    "The score was 5 > 3 > 1 after the first round, the judges said.",
    "The mayor said she would tweet the results and share them with the council.",
    "Seen from the river, the bridge carries 18,000 vehicles a day, the city said.",
    "Watch for more lane closures later this week, the transport department said.",
    "See you here next year, the mayor told the crowd at the reopening.",
    "The list of closed roads grew on Monday as crews found more cracks.",
    "More than 300 people attended the vigil: friends, neighbours and the mayor.",
    "Photos of the bridge taken on Monday show cracks in two girders, the engineer said.",
    "The report: cracks in two girders, found by the state's inspectors on Monday.",
    "The lawyer is seeking information from nola.com | the times-picayune about two of its sources.",
    "Directed by ross kauffman and katy chevigny, the film follows the team to the frontlines in war-torn areas.",
    "The man said he was directed by his handlers to explode a small device in flight, officials said.",
    "The band, starring in its first tour in a decade, played to 40,000 people on Saturday.",
    "Here is where the bridge collapsed in 1904, the historian said.",
    "The movie, directed by steven spielberg and starring tom hanks, opens friday in 3,000 theaters.",
    "The film was written by anthony tambakis and matt stone and produced by nash edgerton, the studio said.",
    "The film earned three out of four stars from the times critic on Friday.",
    "Rated r for violence, the film still earned $50 million in its first weekend.",
    "Also read at the service was a poem by maya angelou, the family said.",
    "Users can click on a link in the email to reset their passwords, the company said.",
    'The mayor used the address " mayor@lakeport.example " for city business, the report found.',
    "Fans answered @lakeportmayor within minutes of the post about the bridge.",
    "The mayor used the address mayor2024@lakeport.example for city business, the report found.",
    "The threats came from an account, bridgefan@mail.example, that was later deleted.",
    "The suspect may be reached at the county jail until his hearing on Monday.",
    "The browser will block cookies that track users across sites, the company said.",
    "Officials urged residents to sign up for the county's emergency alerts before the storm.",
    "Click, the camera company, reported a loss for the quarter on Monday.",
    "Then click 'install' and the malware takes over the phone, the researchers said.",
    '" [ The owners ] had no idea what they had, " the auctioneer said.',
    "The engineer told the council [ the girders ] had cracked [ in two places ].",
    "Anyone with information is asked to call the police at 555-010-2000.",
    "Users click a button to report a post, and the company reviews it within a day.",
    "The attack works when a target has been convinced to click on a link.",
    "Workers who do not sign up for the plan by Friday will lose their coverage.",
    "The council asked residents to sign up for the new alert system before the winter.",
    "He said the site uses cookies to track visitors, which the regulator says breaks the law.",
    "I agree with the mayor, the council's chairman said on Monday.",
    "Followers of the mayor lined the bridge on Monday as it reopened.",
    # directions and parties are not places in a picture
    "Voters on the left, right, and centre all say the bridge must reopen this year.",
    "Gov. Ann lee ( r ) signed the bridge repair bill on Monday.",
    "The driver was told to turn left, then right, and then stop at the gate.",
    "Oh, right, the mayor said when asked about the girders.",
    "The inspector signed the report, left, and never came back to the bridge.",
    "She grabbed her coat, left, then called the bridge's engineer.",
    "The judge agreed to show transcript pages of the bridge hearing to the jury.",
    "Watch the game on Sunday, the coach told the team before the final.",
    "The court will release a transcript of the hearing on Monday.",
    "The funding for the repairs comes from the state, the engineer said on Monday.",
    "1/100 of a second separated the two skiers at the end of the giant slalom.",  # (a fraction, no gallery counter)
    "She said she could see it: the girders had cracked right through.",
    "Fill in the blank on the form: the city needs ___ more buses, the mayor said.",
    "A 50/50 split of the repair bill was agreed on Monday.",
    "50/50 splits of such bills are common, the clerk said.",
    "The 9/11 memorial fund paid for the new bridge lights.",
    "Readers clicked on the story and tapped the link to the council's page.",
    "The quiz asked readers to complete the line: the bridge carries ________ vehicles a day.",
]
# a caption's pointer to where people stand in the photo, a sentence's pointer to a picture of the page, a player's
# transcript buttons and pointers to the page's player
CAPTIONED = [
    "Bridge closure share copy link hide transcript show transcript the council met on Monday.",
    "Watch the video above to see the moment the girder cracked.",
    "Watch the new trailer for the bridge documentary, in theaters this december.",
    "Listen to the audio version of this article: download the app for your phone.",
    "to see a note, click or tap the highlighted part of the transcript.",
    "Notes appear by default; tap or click a note to hide it.",
    "3/46 council announces bridge repairs the council will pay for the repairs from its reserves.",
    "Just giving 2/46 ferry to run on sundays the ferry will run on sundays from next month.",
    "1/47 20 february 2026 jane roe is introduced as the new harbor master of lakeport.",
    "Mayor jane doe, left, and her lawyer, right, arrive at the county court on Monday.",
    "Council member ann lee, left, and mohammed ali, right, pose on the reopened bridge.",
    "The bridge's engineer, second from left, speaks to reporters after the vote.",
    "From left, the three council members pose on the reopened bridge.",
    "The new poster ( above ) has drawn 5,000 sign-ups since it went up on Tuesday.",
    "Council chairman tom green ( pictured ) made his remarks after the meeting.",
    "A worker ( center ) inspects the cracked girders of the lakeport bridge.",
    "Lakeport Mayor Ann Ruiz, second left, walks with fire chief Tom Green.",
    # a picture's caption: what an image shows, an artist's drawing
    "Areas in red flooded in the storm in this image from the county.",
    "The cracked girder is shown in this handout image released on October 3, 2024.",
    "Two men walk onto the closed bridge in this still image taken from a security camera.",
    "The bridge appears as a thin line in this picture taken from a helicopter over the lake.",
    "An artist's rendering of the new Main Street bridge over the Lakeport river.",
    "an artist's conception of the ferry terminal the council approved on Monday.",
    "Artist's impression of the planned bridge, which will open in 2027.",
    # a station's social pitch
    "Join the conversation on our Facebook page!",
]


@pytest.mark.parametrize("text", CAPTIONED)
def test_a_place_in_a_picture_is_clutter(text: str) -> None:
    from newsfuse.clutter import is_clutter_sentence

    assert is_clutter_sentence(text)


@pytest.mark.parametrize("text", GLUED)
def test_glued_widget_text_and_credits_are_clutter(text: str) -> None:
    from newsfuse.clutter import is_clutter_sentence

    assert is_clutter_sentence(text)


@pytest.mark.parametrize("text", NOT_GLUED)
def test_datelines_and_prose_about_sites_are_not_clutter(text: str) -> None:
    from newsfuse.clutter import is_clutter_sentence

    assert not is_clutter_sentence(text)


def test_a_brief_never_quotes_a_sentence_with_widget_text_glued_in() -> None:
    """The glued sentence is the cluster's most central one (every document repeats its facts), so the
    program picks it first; it is ruled out and the brief is made of the clean sentences."""
    core = "the council voted to pay for the Main Street bridge repairs, which will take six weeks"
    glued = f"Media playback is unsupported on your device media caption {core}, officials said."
    docs = [
        f"{glued} The bridge carries 18,000 vehicles a day across the Mill River.",
        f"The council voted on Monday to pay for the Main Street bridge repairs. {glued}",
        "Repairs to the Main Street bridge will take six weeks, the council said after its vote on Monday.",
    ]
    brief = newsfuse.summarize(docs, words=60)
    texts = [s.text for s in brief.sentences]
    assert texts and not any("playback" in t for t in texts), texts
    assert any("bridge" in t for t in texts)


@pytest.mark.parametrize("rounds", [1, 3])
def test_many_clutter_sentences_are_all_ruled_out(monkeypatch: pytest.MonkeyPatch, rounds: int) -> None:
    """Every document leads with a captioned photo that restates the story: the first solutions pick
    captions; after CLUTTER_ROUNDS re-solves every sentence is checked and the brief is clutter-free."""
    monkeypatch.setattr(select_module, "CLUTTER_ROUNDS", rounds)
    docs = []
    for k in range(8):
        caption = (f"Crews lift steel beam {k + 1} onto the Main Street bridge over the Mill River in Lakeport, Ohio, "
                   f"Tuesday, Oct. {k + 1}, 2024.")
        docs.append(f"{caption} The council voted on Monday to pay for the Main Street bridge repairs. "
                    f"Repairs to the bridge over the Mill River will take {k + 5} weeks, officials said.")
    brief = newsfuse.summarize(docs, words=60)
    texts = [s.text for s in brief.sentences]
    assert texts and not any("2024." in t for t in texts), texts


def test_glued_keys_are_in_step_with_the_pattern() -> None:
    """is_clutter_sentence runs each part of GLUED_RE only on text holding one of its keys: every match of a
    part must hold one, and has_glued_clutter must agree with GLUED_RE."""
    import re

    from newsfuse.clutter import GLUED_KEYS, GLUED_PARTS, GLUED_RE, has_glued_clutter

    matches = [m.group(0).lower() for t in GLUED for m in GLUED_RE.finditer(t)]
    assert matches
    for m in matches:
        assert any(k in m for k in GLUED_KEYS), m
    for pattern, keys in GLUED_PARTS:
        for t in GLUED:
            for m in re.finditer(pattern, t, re.IGNORECASE):
                assert any(k in m.group(0).lower() for k in keys), (pattern, m.group(0))
    for t in GLUED:
        assert has_glued_clutter(t) == (GLUED_RE.search(t) is not None), t


def test_clutter_check_is_bounded_on_a_huge_token() -> None:
    import time

    from newsfuse.clutter import is_clutter_sentence

    t0 = time.perf_counter()
    assert not is_clutter_sentence("The bridge closed " + "http://" * 200_000 + " on Monday.")
    assert time.perf_counter() - t0 < 1.0


def test_a_sentence_in_another_script_is_left_out_of_a_latin_story_but_not_of_its_own() -> None:
    widget = "Richard grenell ने रीट्वीट किया the mayor says the bridge will reopen in the spring after the repairs."
    en = [
        "The council of Lakeport closed the Fulton Street Bridge on Tuesday after inspectors found cracks in two steel "
        f"girders. {widget} Repairs will take six weeks and cost about four million dollars, the city engineer said.",
        "Lakeport shut its Fulton Street Bridge on Tuesday after state inspectors found cracks in two girders. The city "
        "engineer said the bridge will reopen in the spring after the repairs. Drivers are sent over the Canal Avenue bridge.",
    ]
    texts = [s.text for s in newsfuse.summarize(en, words=200).sentences]
    assert widget not in texts and len(texts) >= 4
    hi = ["नगर परिषद ने मंगलवार को पुल बंद कर दिया क्योंकि निरीक्षकों को दो स्टील गर्डरों में दरारें मिलीं। "
          "मरम्मत में कम से कम छह सप्ताह लगेंगे और लगभग चालीस लाख डॉलर खर्च होंगे, शहर के इंजीनियर ने कहा।"]
    assert newsfuse.summarize(hi, words=60).sentences


@pytest.mark.parametrize(("text", "foreign"), [
    ("Richard grenell ने रीट्वीट किया the mayor says the bridge will reopen.", True),
    ("The state covers 170,305 km² of land, officials said.", False),  # a symbol, not a letter
    ("The level reached 110 μmol per liter, the lab said.", False),  # Greek letters in a unit
    ("The father, lin ming-wei ( 林明威 ), spoke to reporters on Monday.", False),  # a name in its own script
])
def test_only_letters_of_another_script_outside_brackets_count_as_foreign(text: str, foreign: bool) -> None:
    assert (foreign_letters(text) >= FOREIGN_LETTERS) is foreign


@pytest.mark.parametrize(("text", "foreign"), [
    ("Saber máis vaites, produciuse un problema na conexión co servidor.", True),  # a Galician error widget
    ("Os reparos vão levar seis semanas, disse o engenheiro da prefeitura.", True),
    ("Mayor Ana Costa said no one was hurt when the bridge closed on Tuesday.", False),
    ("Um, we were all in shock, the passenger told reporters on Monday.", False),
    ("Follow her at bbritto@baltsun.com or twitter.com/brittanybritto for updates.", False),
])
def test_a_sentence_in_portuguese_or_galician_reads_foreign(text: str, foreign: bool) -> None:
    from newsfuse.language import reads_foreign

    assert reads_foreign(text) is foreign


def test_a_copy_in_another_language_is_left_out_of_an_english_story_but_not_of_its_own() -> None:
    german = "Das geht aus geheimen Unterlagen der Behörde hervor, die der Spiegel ausgewertet hat."
    en = [
        "The council of Lakeport closed the Fulton Street Bridge on Tuesday after inspectors found cracks in two steel "
        "girders. Repairs will take six weeks and cost about four million dollars, the city engineer said.",
        "Lakeport shut its Fulton Street Bridge on Tuesday after state inspectors found cracks in two girders. The city "
        "engineer said the bridge will reopen in the spring after the repairs. Drivers are sent over the Canal Avenue bridge.",
        f"Die Stadt hat am Dienstag die Brücke gesperrt, nachdem Inspektoren Risse in zwei Trägern gefunden hatten. {german}",
    ]
    texts = [s.text for s in newsfuse.summarize(en, words=250).sentences]
    assert german not in texts and len(texts) >= 4
    de = [f"Die Stadt hat am Dienstag die Brücke gesperrt, nachdem Inspektoren Risse in zwei Trägern gefunden hatten. {german}",
          "Die Reparaturen dauern mindestens sechs Wochen und kosten etwa vier Millionen Euro, sagte der Ingenieur der Stadt."]
    assert german in [s.text for s in newsfuse.summarize(de, words=250).sentences]



@pytest.mark.parametrize(("text", "leans"), [
    ("Cleanup of the riverbank and the river itself will take at least three weeks, he said.", True),
    ("The intake will stay closed until the weekend, she added.", True),
    ("Cleanup of the river will take at least three weeks, the railroad's spokesman said.", False),
    ("Dale Prentiss said cleanup of the river would take at least three weeks.", False),
    ("The mayor, who has said little, said the river would reopen to boats by May, as she said.", False),
])
def test_a_reported_statement_with_a_pronoun_speaker_needs_the_sentence_naming_it(text: str, leans: bool) -> None:
    assert leans_on_previous(text) is leans


# --- the tarn-quake fixture: a sentence pointing at the page's own list, table or chart ---------------------------


@pytest.mark.parametrize(("text", "ok"), [
    ("The list below gives the aftershocks of magnitude 3.5 or greater.", False),
    ("The chart below documents national polls on same-sex marriage since 1996.", False),
    ("The video above shows the moment the bridge fell into the river.", False),
    # prose about a list, a table, a map or a video in the story
    ("The table was set for 40 guests below the old chandelier, she said.", True),
    ("The map showed the fault running below the city's old town.", True),
    ("Temperatures stayed below freezing for the third night in a row.", True),
    ("The list of the dead, released on Tuesday, included two children.", True),
    ("The video, posted above a church's notice board, drew 2 million views.", True),
])
def test_a_sentence_pointing_at_the_pages_furniture_is_no_candidate(text: str, ok: bool) -> None:
    s = Sentence(text=text, doc=0, position=1, start=0, end=len(text))
    assert is_candidate(s, word_count(text)) is ok




# --- review of the new rules for false positives ---------------------------------------------------------------------


@pytest.mark.parametrize(("text", "foreign"), [
    ("Los Angeles DA Jackie Lacey declined comment.", False),
    ("São Paulo Mayor João Doria da Silva resigned Friday.", False),
    ("Acme Co. CEO Jane Das quit.", False),
    ("Rapper Nas, DA candidate Larry Krasner.", False),
    ("O governo não vai aumentar os impostos este ano.", True),
    ("Foi uma decisão difícil para o governo, disse o ministro.", True),
])
def test_names_and_abbreviations_spelled_like_portuguese_words_read_english(text: str, foreign: bool) -> None:
    from newsfuse.language import reads_foreign

    assert reads_foreign(text) is foreign


@pytest.mark.parametrize(("text", "candidate"), [
    ("Check Point Software Technologies disclosed the breach on Tuesday in a filing.", True),
    ("Visit Scotland reported record numbers of overseas tourists in the summer.", True),
    ("Read Hastings, a former Netflix executive, will join the board next year.", True),
    ("Click Holdings shares fell 8 percent in early trading on Monday.", True),
    ("See Lake, the town's oldest reservoir, was drained in 2019 for repairs to its dam.", True),
    ("Watch the full report on the storm's damage in the video above.", False),
    ("Read the full text of the governor's order below.", False),
    ("Please stay away from the creek until the water goes down.", False),
    ("Visit our website for a list of the open shelters and their hours.", False),
])
def test_a_name_or_noun_opening_a_sentence_is_no_order_to_the_reader(text: str, candidate: bool) -> None:
    s = Sentence(text=text, doc=0, position=3, start=0, end=len(text))
    assert is_candidate(s, len(text.split())) is candidate


@pytest.mark.parametrize(("text", "caption"), [
    ("Smith, who grew up in Ohio, died on Saturday, Jan. 3, 2015, in Columbus, Ohio.", False),
    ("The jury convicted him on Tuesday, May 5, 2015, in Boston.", False),
    ("An 1873 dime from Carson City, Nev., is displayed on Friday, Aug. 10, 2012, in Philadelphia.", True),
    ("Police arrest the suspect on Friday, March 2, 2018, in Austin, Texas.", True),
])
def test_a_sentence_dated_on_a_day_with_its_place_is_a_caption_only_in_a_captions_tense(text: str, caption: bool) -> None:
    from newsfuse.clutter import is_dated_caption

    assert is_dated_caption(text.lower()) is caption


@pytest.mark.parametrize(("text", "candidate"), [
    ('Please give me my baby, " she hoarsely uttered, as tears ran down her face, before a crush of reporters.', True),
    ("Please enable javascript to watch this video \"i remember, in 8th grade, \" reminisces andy farah.", False),
])
def test_a_plea_whose_quotation_lost_its_opening_mark_is_no_order_to_the_reader(text: str, candidate: bool) -> None:
    s = Sentence(text=text, doc=0, position=3, start=0, end=len(text))
    assert is_candidate(s, len(text.split())) is candidate




# --- the quill-strike fixture: a copy in capitals throughout, a transcript's runs without punctuation ------------


@pytest.mark.parametrize(("text", "loud"), [
    ("MAYOR TOBIAS RENWICK CALLED THE STRIKE A HARDSHIP AND URGED BOTH SIDES TO GO BACK TO THE TABLE.", True),
    ('"WE DID NOT WANT THIS," LOCAL 418 PRESIDENT MARCUS DELANEY TOLD REPORTERS.', True),
    ("The NAACP and the ACLU sued the FBI and the DOJ in U.S. District Court on Monday.", False),
    ("NASA SAID IT.", False),  # (too few capitals to tell)
])
def test_a_sentence_in_capitals_throughout_shouts(text: str, loud: bool) -> None:
    assert select_module.shouting(text) is loud


def _brief(docs: list[str], words: int = 60) -> list[str]:
    sents = [s for k, d in enumerate(docs) for s in split_document(d, k)]
    rep = represent(sents, len(docs))
    return [rep.sentences[i].text for i in select(rep, Budget(words=words)).indices]


def test_a_sentence_in_capitals_is_quoted_only_when_nothing_else_can_be() -> None:
    caps = ("TRANSIT WORKERS WALKED OFF THE JOB AT 4 A.M. MONDAY, HALTING ALL 62 BUS ROUTES AND FOUR TRAM LINES. "
            "THE UNION IS SEEKING RAISES TOTALING 15 PERCENT OVER THREE YEARS, ACCORDING TO BOTH SIDES.")
    plain = ("Transit workers walked off the job at 4 a.m. Monday, halting all 62 bus routes and four tram lines. "
             "The union wants raises of 15 percent over three years, and the authority has offered 8 percent.")
    chosen = _brief([caps, plain])
    assert chosen and all(not select_module.shouting(t) for t in chosen)
    assert _brief([caps])  # (a cluster of capitals only: its sentences are still quoted)


def test_a_transcripts_runs_without_punctuation_are_quoted_only_when_nothing_else_can_be() -> None:
    radio = " ".join([
        "Good morning it is seven o'clock and Quillford is waking up to a city without buses or trams the drivers and "
        "mechanics of the transit union walked off the job at four this morning after talks broke down just before "
        "midnight.",
        "About 240,000 people ride the system on a weekday and this morning all 62 bus routes and all four tram lines "
        "are stopped the union represents about 2,900 workers and this is the first strike since 2009.",
        "The two sides are still far apart on pay the union wants raises of 15 percent over three years the authority "
        "has offered 8 percent over three years and a one time payment of 1,200 dollars.",
        "Mayor Tobias Renwick says the strike is a hardship for every family that depends on a bus or a tram and he "
        "is urging both sides to go back to the table we will bring you his statement when we get it.",
    ])
    plain = ("Transit workers walked off the job at 4 a.m. Monday, halting all 62 bus routes and four tram lines. "
             "The union wants raises of 15 percent over three years, and the authority has offered 8 percent.")
    sents = [s for k, d in enumerate([radio, plain]) for s in split_document(d, k)]
    rep = represent(sents, 2)
    runs = select_module.run_ons(rep, rep.word_counts())
    assert len(runs) == 4 and all(rep.sentences[i].doc == 0 for i in runs)
    assert all(rep.sentences[i].doc == 1 for i in select(rep, Budget(words=80)).indices)
    assert _brief([radio], 80)  # (nothing else to quote)
    # a story with some long sentences without a comma is no transcript
    story = " ".join([
        "A federal judge in Ohio on Friday granted a request from the campaign to give all voters in the swing state "
        "the option of casting their ballot in person during the three days before election day.",
        "The ruling restores early voting on the final weekend before the election for all voters and not only for "
        "members of the military and their families who live overseas.",
        "The state's top election official said he would appeal the ruling to the federal appeals court in Cincinnati "
        "as soon as possible on Monday morning.",
        "The judge wrote that the state had not shown any good reason to treat the two groups of voters differently "
        "under the law, according to the order.",
    ])
    sents = split_document(story, 0)
    assert not select_module.run_ons(represent(sents, 1), represent(sents, 1).word_counts())


@pytest.mark.parametrize("text", [
    "For Pennick Public Radio, I'm Nora Halvorsen in Caddow Falls.",
    "I'm Graham Sutter.",
    "This is Pennick Morning from Pennick Public Radio.",
    "Reporting live from Caddow Falls, I'm Lisa Okafor.",
    "Pennick Public Radio's Nora Halvorsen reports.",
    "Nora Halvorsen reports from Caddow Falls.",
    "Welcome to The Noon Report.",
    "This is CNN.",
    "You're listening to Harbor Sound.",
])
def test_a_broadcasts_sign_on_and_sign_off_are_never_quoted(text: str) -> None:
    # (a radio or TV transcript's own furniture: the presenter or reporter naming the station)
    from newsfuse.clutter import is_clutter_sentence

    assert is_clutter_sentence(text)


@pytest.mark.parametrize("text", [
    "This is a disaster from start to finish, the mayor said.",
    "For the city, I'm told, the repairs will cost about $4.2 million.",
    "Police reports show the car was stolen in Caddow Falls on Tuesday.",
    "Nora Halvorsen reports that the road will stay closed for at least two weeks.",
    "I'm not going back into that house until the geologists say it is safe, said Edith Marrow.",
    "This is the second slide on Tamsin Ridge since 2019, county records show.",
    # ("This is ..." / "Welcome to ..." in title case that names no broadcast)
    "This is America.",
    "This is Not Normal.",
    "Welcome to Fort Myers Beach.",
    "This is Dallas Police Department.",
])
def test_sentences_that_look_like_a_sign_off_are_kept(text: str) -> None:
    from newsfuse.clutter import is_clutter_sentence

    assert not is_clutter_sentence(text)


@pytest.mark.parametrize(("text", "candidate"), [
    # a page whose linked title was lost between its quotes, or a quotation whose opening mark came out twice
    ('As we reported earlier, the studio is set to release the tape featuring the " " star next month.', False),
    ('A former castmate -- who appeared on " " last season -- tells us she was not surprised at all.', False),
    ('" " I thought everybody was joking when he said that, " the clerk at the counter said.', False),
    ('A letter from her lawyer states, " " even though you offered the job back, the harm has been done.', False),
    # must keep: a list of quotations, whose pair closes one and opens the next, and inch marks
    ('The students carved words about " beer, " " taxes, " and " your mother " into the clay tablet.', True),
    ('He pulled on shirts printed with the words " will " " you " " marry " " me " for the crowd.', True),
    ('The council bought a 55" screen and a 40" monitor for the new meeting room on Elm Street.', True),
    ('"We will rebuild the bridge," the mayor said on Tuesday, "and it will open next spring."', True),
])
def test_a_sentence_holding_an_empty_quotation_is_garbled(text: str, candidate: bool) -> None:
    s = Sentence(text=text, doc=0, position=3, start=0, end=len(text))
    assert is_candidate(s, len(text.split()), no_case=True) is candidate


@pytest.mark.parametrize(("text", "clutter"), [
    ("Plos one 8( 7 ): e69546.", True),
    ("Journal of applied ecology 51 (4): 1034-1042.", True),
    ("Ý filed by a party other than the registrant.", True),
    ("¨ check the appropriate box: ¨ preliminary proxy statement ý definitive proxy statement", True),
    ("Lake district flooding: hundreds told to leave homes please turn on javascript.", True),
    # must keep: prose citing a paper, a name with the letter, a plea about javascript in a quotation's words
    ("The study, published in plos one 8( 7 ): e69546, found that the frogs sang less after dark.", False),
    ("The team's paper in nature 512 ( 7514 ) describes 12 new species of beetle from the ridge.", False),
    ("Ýmir Jónsson, 34, was named the club's new coach on Monday.", False),
    ("Officials asked residents to enable location services, not javascript, on their phones.", False),
])
def test_a_citation_a_forms_check_box_and_a_javascript_plea_are_clutter(text: str, clutter: bool) -> None:
    from newsfuse.clutter import is_clutter_sentence

    assert is_clutter_sentence(text) is clutter


def test_a_statement_set_out_under_its_lead_in_is_not_quoted_without_its_speaker() -> None:
    """A press release's statement under "Mayor ... issued the following statement ...:" is the mayor's words without
    quotation marks or his name: none of it is quoted in the outlet's voice, up to the writer's next sentence with a
    speech verb; a cluster of that document alone still has a brief."""
    release = ("Mayor Thomas Pelling issued the following statement early Wednesday after the county released its final "
               "count:\n\nThe count is clear, and the voters of Halden have made their choice on Tuesday night. It has "
               "been the honor of my life to serve as the mayor of this city for the last eight years.\n\nPelling said "
               "he would meet the mayor-elect on Thursday morning to begin the handover of City Hall.")
    story = ("Ines Varga-Holm was elected mayor of Halden on Tuesday, beating Mayor Thomas Pelling by 445 votes in the "
             "final count. Pelling conceded shortly after midnight.")
    brief = newsfuse.summarize([story, release], words=200)
    texts = " ".join(s.text for s in brief.sentences)
    assert "The count is clear" not in texts and "honor of my life" not in texts
    assert "Pelling said he would meet the mayor-elect" in texts
    assert newsfuse.summarize([release], words=200).sentences  # (alone: its sentences are all there is)


# --- the Brisk fixture's rules (tests/fixtures/brisk-transit) ---------------------------------------------------------

@pytest.mark.parametrize(("text", "ok"), [
    # a FAQ's or an interview's answer, and its question
    ("A: The transit authority expects to open the line to passengers in late 2031.", False),
    ("A: With the half-cent sales tax that voters approved in 2024 and city bonds.", False),
    ("Answer: The county will pay about $9 million toward the parking lot.", False),
    ("Q: When will the first trains carry passengers on the line?", False),
    # prose that opens with a letter or a word like a label
    ("A. Lincoln Hale, the county's treasurer, said the bonds would be sold in May.", True),
    ("A 7-2 vote on Tuesday night sent the rail plan to the transit authority.", True),
    ("Questions about the cost went unanswered at the meeting on Tuesday.", True),
    ("Answers to the council's questions are due from the transit authority by June.", True),
])
def test_a_question_and_answer_label_opens_no_candidate(text: str, ok: bool) -> None:
    s = Sentence(text=text, doc=0, position=1, start=0, end=len(text))
    assert is_candidate(s, word_count(text)) is ok


BRISK_NEWS = (
    "The Harwick City Council voted 6-3 on Monday to build a new central library on Ferrol Street.\n\n"
    "The library will cost $48 million and open in the spring of 2029, the city manager said.\n\n"
    "Council member Ada Voss voted against the plan, saying the city should repair its branch libraries first.\n\n"
    "Construction is expected to begin next year on the site of a former bus garage.\n"
)
BRISK_COLUMN = (
    "I have borrowed books from the old library on Ferrol Street for thirty years.\n\n"
    "The new central library will be the best thing this city has built in a generation.\n\n"
    "Its reading rooms will pay for themselves many times over in a better educated city.\n\n"
    "We should open it a year early, and we should keep it open until midnight.\n\n"
    "The views expressed are the author's own.\n"
)


def test_a_column_is_not_quoted_beside_news_reports() -> None:
    """A column (it says so: "The views expressed are the author's own.") argues; beside news reports its sentences are
    no candidates, so "... will be the best thing this city has built in a generation." is never stated as fact.
    Alone, a column is still summarized."""
    docs = [newsfuse.Document(BRISK_NEWS, id="news", source="Harwick Herald"),
            newsfuse.Document(BRISK_NEWS.replace("Monday", "Monday night"), id="wire", source="Coast Wire"),
            newsfuse.Document(BRISK_COLUMN, id="column", source="Harwick Weekly")]
    for words in (40, 80, 200):
        brief = newsfuse.summarize(docs, words=words)
        assert all(s.origin != "column" for s in brief.sentences), brief.summary
        assert "best thing" not in brief.summary and "pay for themselves" not in brief.summary
        assert "views expressed" not in brief.summary
    alone = newsfuse.summarize([newsfuse.Document(BRISK_COLUMN, id="column", source="Harwick Weekly")], words=40)
    assert alone.sentences and all(s.origin == "column" for s in alone.sentences)
    assert "views expressed" not in alone.summary


def test_without_the_rule_the_column_would_be_quoted(monkeypatch) -> None:
    """(What the rule is for: with it off, the column's sentences compete like any report's.)"""
    monkeypatch.setattr(select_module, "OPINION_RULE", False)
    docs = [newsfuse.Document(BRISK_NEWS, id="news", source="Harwick Herald"),
            newsfuse.Document(BRISK_COLUMN, id="column", source="Harwick Weekly")]
    brief = newsfuse.summarize(docs, words=200)
    assert any(s.origin == "column" for s in brief.sentences)


def test_the_anchor_gives_the_headlines_figure(monkeypatch) -> None:
    """Two leads of one vote, each reporting the other: the one giving the headline's figure ("$48 million") opens
    the brief, though the other shares more of the headlines' other words (it opened it before)."""
    lead_a = ("After three hours of public comment, the Harwick City Council voted 6-3 on Monday night to approve "
              "the new central library on Ferrol Street, the city's first.")
    lead_b = ("The Harwick City Council voted 6-3 on Monday night to build the central library on Ferrol Street, "
              "a $48 million building.")
    rest = ("\n\nThe first books are expected on the shelves in the spring of 2029, the city manager said.\n\n"
            "Council member Ada Voss and two others voted against the plan.\n")
    docs = [newsfuse.Document(lead_a + "\n\n" + lead_b.replace("The Harwick", "Earlier, the Harwick") + rest,
                              id="herald", source="Harwick Herald",
                              title="Harwick council approves central library in 6-3 vote"),
            newsfuse.Document(lead_b + rest, id="wire", source="Coast Wire",
                              title="Harwick approves $48 million central library"),
            newsfuse.Document(lead_b + rest, id="radio", source="KHRW Radio",
                              title="Harwick council approves new central library"),
            newsfuse.Document(lead_a + rest, id="city", source="City of Harwick",
                              title="City Council Approves Harwick's First Central Library")]
    brief = newsfuse.summarize(docs, words=40)
    assert "$48 million" in brief.sentences[0].text, brief.summary
    monkeypatch.setattr(select_module, "HEADLINE_FIGURE_RULE", False)
    assert newsfuse.summarize(docs, words=40).sentences[0].text.startswith("After three hours")


def test_headline_figures() -> None:
    from newsfuse.select import headline_figures

    assert headline_figures(["Brisk approves $1.4 billion light-rail line", "Council votes 7-2",
                             "Quake kills 1,204"]) == {"1.4", "7", "2", "1204"}
    assert headline_figures(["Brisk says yes to light rail"]) == frozenset()


# --- a tabloid's overstatement of a study (tests/fixtures/sella-study) ---------------------------------------------------

OVERSTATEMENTS = [
    "The breakthrough drug slashes the risk of a second stroke by a quarter, according to a major study.",
    "Scientists say the miracle pill could help millions.",
    "A wonder drug for migraines is already on chemists' shelves.",
    "The tablet slashed their risk of a heart attack, researchers found.",
]
NOT_OVERSTATEMENTS = [
    "The breakthrough in the talks came after midnight, the mediator said.",
    "Scientists are testing a possible cure for the disease in 40 patients.",
    "The council slashed the library's budget by a quarter.",
    'One top expert called it "the biggest breakthrough drug in a decade".',  # (someone's words: the quotation rules')
    "A cheap drug lowered the risk of a second stroke by about a quarter in a trial of 4,212 patients.",
    # (a regulator's label, words that doubt the claim, a risk slashed by no treatment)
    "The FDA granted brenacine breakthrough therapy designation in 2024, which speeds its review.",
    "Police say the man sold a fake miracle cure to hundreds of patients.",
    "Researchers cautioned against calling brenacine a miracle drug.",
    "The so-called wonder drug was pulled from shelves in 1998 after reports of liver damage.",
    "The new signals slash the risk of collisions at crossings, the transit authority said.",
]


@pytest.mark.parametrize("text", OVERSTATEMENTS)
def test_overstatement(text: str) -> None:
    from newsfuse.select import overstates

    assert overstates(text)


@pytest.mark.parametrize("text", NOT_OVERSTATEMENTS)
def test_not_overstatement(text: str) -> None:
    from newsfuse.select import overstates

    assert not overstates(text)


def test_overstatement_is_quoted_only_when_nothing_else_can_be(monkeypatch) -> None:
    """A tabloid's "The breakthrough drug slashes the risk ..." is passed over for the careful outlets' sentences; when
    nothing else can be quoted, it still is."""
    tabloid = ("The breakthrough drug slashes the risk of a second stroke by a quarter, according to a major study. "
               "Brenacine costs just pennies a day and is sold in every chemist in the country.")
    careful = ("A cheap gout drug lowered the risk of a second stroke in a trial of 4,212 patients, researchers said. "
               "Over about three years, 6.8% of patients on the drug had another stroke, against 8.9% on placebo.")
    docs = [newsfuse.Document(tabloid, id="blaze"), newsfuse.Document(careful, id="standard")]
    brief = newsfuse.summarize(docs, words=60)
    assert "breakthrough" not in brief.summary
    monkeypatch.setattr(select_module, "OVERSTATEMENT_RULE", False)
    assert "breakthrough" in newsfuse.summarize(docs, words=60).summary  # (without the rule it was quoted)
    monkeypatch.setattr(select_module, "OVERSTATEMENT_RULE", True)
    only = "The breakthrough drug slashes the risk of a second stroke by a quarter, according to a major study."
    assert newsfuse.summarize([newsfuse.Document(only, id="blaze")], words=60).summary == only


def test_a_share_move_of_the_day_is_not_quoted_once_the_close_is_known() -> None:
    """A wire's flash gives the premarket fall, its later story the close: the brief gives the close
    (figures.superseded_moves, select.SHARE_CLOSE_RULE)."""
    flash = ("Shares of Corran Systems were down 9% in premarket trading on Thursday after the sensor maker cut its "
             "forecast and said it would cut 1,100 jobs.")
    story = ("Shares of Corran Systems closed down 14% on Thursday after the sensor maker cut its forecast and said it "
             "would cut 1,100 jobs. The company lost $38.1 million in the quarter.")
    brief = newsfuse.summarize([flash, story, flash.replace("Thursday", "Thursday morning")], words=40)
    assert "14%" in brief.summary and "9%" not in brief.summary
    brief = newsfuse.summarize([flash, flash.replace("Thursday", "Thursday morning")], words=40)
    assert "9%" in brief.summary  # (no close in the cluster: the premarket move is the news)


def test_a_transcript_speakers_we_is_quoted_only_when_nothing_else_can_be() -> None:
    """An earnings call's transcript loses its speakers' names with their label lines (Document.transcript): its "we"
    and "our" would read as the transcript site's, so such sentences are last resorts (select.TRANSCRIPT_RULE)."""
    transcript = newsfuse.Document(
        "Operator\n\nGood day.\n\nDana Mirecki -- Chief Executive Officer\n\n"
        "Revenue of $612 million came in below the range we gave you in April, and we are lowering our outlook.\n\n"
        "Tomas Heller -- Chief Financial Officer\n\nHarwick is our oldest plant, and its lines will move to Lisbury.\n\n"
        "Priya Okafor -- Halbrook Securities -- Analyst\n\nHow confident are you?\n", id="call", source="Tallyroom")
    report = newsfuse.Document(
        "Corran Systems said on Thursday it would cut about 1,100 jobs and close its Harwick sensor plant.", id="wire",
        source="Castline")
    brief = newsfuse.summarize([transcript, report], words=60)
    assert all(s.origin == "wire" for s in brief.sentences), brief.summary


# --- statements set out under a lead-in (select.statement_runs) ----------------------------------------------------------

def _statement_run_texts(text: str) -> list[str]:
    from newsfuse.represent import represent
    from newsfuse.select import statement_runs
    from newsfuse.split import split_document

    sents = split_document(text, 0) + split_document("Mayor Thomas Pelling of Halden conceded on Wednesday.", 1)
    rep = represent(sents, 2)
    return [sents[i].text for i in sorted(statement_runs(rep, 2))]


def test_a_statement_run_ends_at_the_reporters_sentence_about_the_speaker() -> None:
    """The statement under "Pelling issued the following statement:" is no candidate; the reporter's sentences after it
    ("Pelling, 61, served three terms ...") are (the run ran on to them: 12 sentences or a quotation mark)."""
    text = ("HALDEN — Mayor Thomas Pelling conceded the race early Wednesday.\n\n"
            "Pelling issued the following statement:\n\n"
            "The count is clear, and the voters of Halden have made their choice.\n\n"
            "It has been the honor of my life to serve this city.\n\n"
            "Pelling, 61, served three terms and had been favored to win a fourth.\n\n"
            "Varga-Holm, a former school principal, will be sworn in on Jan. 4.\n")
    assert _statement_run_texts(text) == ["The count is clear, and the voters of Halden have made their choice.",
                                          "It has been the honor of my life to serve this city."]
    # (a statement naming its speaker in the first person stays the speaker's)
    text = text.replace("It has been the honor of my life", "I, Tom Pelling, have had the honor of my life")
    assert "I, Tom Pelling, have had the honor of my life to serve this city." in _statement_run_texts(text)


def test_the_outlets_own_list_after_a_statement_is_mentioned_is_quoted() -> None:
    """"The district released a statement Tuesday night, and here is what we know so far:" introduces the reporter's
    own facts, not a statement: they are candidates (they were passed over as the district's words)."""
    herald = ("HALDEN — The Marrick County school board voted 4-3 on Tuesday to close Linden Elementary at the end of "
              "the school year.\n\nThe district released a statement Tuesday night, and here is what we know so far:"
              "\n\nLinden's 212 students will move to Garrow Elementary in the fall.\n\n"
              "The district expects to save about $1.1 million a year by closing the building.\n")
    wire = ("The Marrick County school board voted 4-3 on Tuesday to close Linden Elementary, a 1950s building in "
            "north Halden.\n\nParents opposed the plan at a long meeting.\n")
    assert _statement_run_texts(herald) == []
    brief = newsfuse.summarize([newsfuse.Document(herald, id="herald", source="Halden Herald"),
                                newsfuse.Document(wire, id="wire", source="Coast Wire")], words=150)
    assert "212 students" in brief.summary and "$1.1 million" in brief.summary, brief.summary
