import pytest

from newsfuse.split import sentence_spans, split_document, split_text

CASES = [
    ("Gen. Mark Milley spoke. He left.", ["Gen. Mark Milley spoke.", "He left."]),
    ("The U.S. Senate voted 52-47. It was close.", ["The U.S. Senate voted 52-47.", "It was close."]),
    ("He arrived at 4 p.m. on Thursday. Then he spoke.", ["He arrived at 4 p.m. on Thursday.", "Then he spoke."]),
    ("“I don’t recall,” he said. Reporters laughed.", ["“I don’t recall,” he said.", "Reporters laughed."]),
    ("First paragraph without a period\nSecond paragraph.", ["First paragraph without a period", "Second paragraph."]),
    ("", []),
    ("   \n\n  ", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_split_text(text: str, expected: list[str]) -> None:
    assert split_text(text) == expected


def test_offsets_point_into_the_text() -> None:
    text = "Mr. Smith went to Washington.  He met Dr. Jones.\n\nA new paragraph starts here. It ends."
    sents = split_document(text, doc=3)
    assert [s.position for s in sents] == [0, 1, 2, 3]
    assert all(s.doc == 3 for s in sents)
    for s in sents:
        assert text[s.start : s.end] == s.text


def test_one_huge_line_is_split_in_linear_chunks() -> None:
    text = "The bridge closed on Tuesday after inspectors found cracks. " * 5000
    sents = split_text(text)
    assert len(sents) == 5000
    assert all(s.endswith(".") for s in sents)


def test_pieces_glued_onto_one_sentence_are_read_in_linear_time() -> None:
    """A run of clock times, each followed by a zone or a street block that glues back onto the sentence: the glued
    sentence's start is read for a dateline once a piece from a bounded window (read whole, 30 KB took 4-30 s and
    this input minutes). A few seconds of CPU here; the bound is CPU time, not wall time, and generous, so that a busy
    machine does not fail it while a quadratic path (minutes) still does."""
    import time

    t = time.process_time()
    assert split_text("9 p.m. In the 1600 block of " * 10_000)
    assert split_text("9 p.m. Et " * 5_000)
    assert time.process_time() - t < 30


def test_a_title_after_a_sentence_end_stays_with_its_name() -> None:
    # Punkt alone returns "Mr." as a sentence here; the splitter glues it back.
    assert split_text("He met him in 2016. Mr. Sessions said no. Then Mr. Trump spoke.") == [
        "He met him in 2016.",
        "Mr. Sessions said no.",
        "Then Mr. Trump spoke.",
    ]


DATELINES = [
    ("WASHINGTON — Attorney General Jeff Sessions recused himself on Thursday.", "Attorney General Jeff Sessions recused himself on Thursday."),
    ("NEW YORK (Reuters) - Stocks fell sharply on Monday morning.", "Stocks fell sharply on Monday morning."),
    ("Damascus, syria ( ap ) — the government said talks would resume.", "the government said talks would resume."),
    ("By Mark Hosenball Washington ( reuters ) - the senate voted on Friday.", "the senate voted on Friday."),
    ("The mayor — who took office in 2021 — closed the bridge on Tuesday.", "The mayor — who took office in 2021 — closed the bridge on Tuesday."),
    ("LAKEPORT — Too short.", "LAKEPORT — Too short."),
    # newswire as in the DUC/TAC corpora: the AP's underscore dash, a capitalised city with its country
    ("MOSCOW (AP) _ Russian President Boris Yeltsin cut short a trip on Monday.", "Russian President Boris Yeltsin cut short a trip on Monday."),
    ("SEOUL, South Korea _ North and South Korea agreed Friday to hold talks.", "North and South Korea agreed Friday to hold talks."),
    ("The vote was close _ 51 to 49 _ and the bill passed on Friday.", "The vote was close _ 51 to 49 _ and the bill passed on Friday."),
    # a wire page's header run into its dateline; a pipe in prose before a parenthesis is left alone
    ("Lakeport | Lakeport (Reuters) - Crews closed the bridge on Tuesday for repairs.", "Crews closed the bridge on Tuesday for repairs."),
    ("Philadelphia | philadelphia ( reuters ) - eight people were hurt in the blast on monday.", "eight people were hurt in the blast on monday."),
    ("The vote | the count (final) - was close, officials said on Monday night.", "The vote | the count (final) - was close, officials said on Monday night."),
]

# page furniture at a sentence's start: ad slots, separator lines, photo credits, "read more"
LEAD_CLUTTER = [
    (
        "Advertisement continue reading the main story The council voted to close the bridge on Monday.",
        "The council voted to close the bridge on Monday.",
    ),
    (
        "........................ Advertisement Police say the crew found remains near the field.",
        "Police say the crew found remains near the field.",
    ),
    ("Advertisement - continue reading below Participants were calm about it.", "Participants were calm about it."),
    # a news site's marker before its ad slot, in the past tense too
    ("story continued below trump and his allies have increasingly used the word.",
     "trump and his allies have increasingly used the word."),
    ("Story Continues Below The bridge closed on Tuesday.", "The bridge closed on Tuesday."),
    ("The story continued below the fold on page two of the paper.",
     "The story continued below the fold on page two of the paper."),
    ("( photo: fox ) The Simpsons are going to the record books.", "The Simpsons are going to the record books."),
    ("( AP Photo/Evan Vucci ) ( Associated Press ) The president arrived late for the meeting.",
     "The president arrived late for the meeting."),
    ("Image copyright Getty Images image caption The telescope searches for dips in light.", "The telescope searches for dips in light."),
    ("Many people in the city read more books in winter than in summer.", "Many people in the city read more books in winter than in summer."),
    # not clutter: an ellipsis marks a fragment, "Advertising" is a word, a short remainder stays whole
    ("... the rest of the quote ran on.", "... the rest of the quote ran on."),
    ("Advertising executives met on Monday in the city.", "Advertising executives met on Monday in the city."),
    ("Advertisement update", "Advertisement update"),
    # a caption teaser cut short before its credit, then the story's own dateline
    ("The judge presiding over the effort to block the purchase... ( associated press ) new york ( ap ) — "
     "Now that a judge has cleared the takeover, other companies are likely to follow.",
     "Now that a judge has cleared the takeover, other companies are likely to follow."),
    ("Reuters/Dado Ruvic/Illustration/File Photo In the first official remarks, the spokesman spoke at length.",
     "In the first official remarks, the spokesman spoke at length."),
]

# a caption, a credit or a related story's link run into the sentence (as in Multi-News), then maybe a dateline
CREDIT_LEADS = [
    ("Ghost cat and a faceless man: nine ghost stories read more \"it's really exciting,\" she said of the show.",
     "\"it's really exciting,\" she said of the show."),
    ("Bridge closes for good Read more The council voted on Monday to close the bridge.",
     "The council voted on Monday to close the bridge."),
    ("Sheriff jane roe ( photo: john doe/the republic ) phoenix — the county settled the lawsuit on friday.",
     "the county settled the lawsuit on friday."),
    ("[ photo/xinhua ] xi ' an - china opened a second pit at the site on thursday.", "china opened a second pit at the site on thursday."),
    ("Chip somodevilla / getty a handgun like the one used in the shooting was found.",
     "a handgun like the one used in the shooting was found."),
    ("( Alex Wong / Getty Images ) After two weeks of debate, the president is expected to miss the deadline.",
     "After two weeks of debate, the president is expected to miss the deadline."),
    ("Image copyright Reuters Local police said 5,200 officers had been deployed.", "Local police said 5,200 officers had been deployed."),
    ("Image copyright AFP/Getty Images The set included quotes from activists.", "The set included quotes from activists."),
    ("Photo rome — pope francis said thursday that he would set up a commission.", "pope francis said thursday that he would set up a commission."),
    ("Subscribe now Meek, dressed in an orange jumpsuit, was led into the courtroom.",
     "Meek, dressed in an orange jumpsuit, was led into the courtroom."),
    ("Buy photo Mill Town police ( photo: Jane Roe/Gazette ) buy photo Mill Town - Police found the car on Friday.",
     "Police found the car on Friday."),
    ("reuters tv/file photo washington ( reuters ) - the united states on friday doubled its reward.",
     "the united states on friday doubled its reward."),
    ("Close police confirmed that the bodies found on Tuesday were the missing teens.",
     "police confirmed that the bodies found on Tuesday were the missing teens."),
    ("Jim cole / ap washington — if lindsey graham runs for president, most expect a protest campaign.",
     "if lindsey graham runs for president, most expect a protest campaign."),
    ("The courts can't make her love him | jane roe read more five judges upheld the ruling on Wednesday.",
     "five judges upheld the ruling on Wednesday."),
    ("Rich schultz/gettyimages rob gronkowski has saved all of his salary, his agent said.",
     "rob gronkowski has saved all of his salary, his agent said."),
    ("Ben a. Pruchnie / getty images id: 8159079 in the first installment, the author introduces the wizards.",
     "in the first installment, the author introduces the wizards."),
    ("( u.s. Navy / getty images / ) beijing -- an unmanned vehicle will look for the missing flight.",
     "an unmanned vehicle will look for the missing flight."),
    ("Subscribe today he was arrested in April and has been held in the county jail since.",
     "he was arrested in April and has been held in the county jail since."),
    ("Close barack obama has opened a significant lead over mitt romney in a national poll.",
     "barack obama has opened a significant lead over mitt romney in a national poll."),
    ("Buzz60 Emma Gibson of Clinton became the oldest frozen embryo to be born.",
     "Emma Gibson of Clinton became the oldest frozen embryo to be born."),
    ("( jane roe, the valley courier ) sound the gallery will resume in seconds rowers set out at dawn to cross the lake.",
     "rowers set out at dawn to cross the lake."),
    ("______________________________ lena marsh, who played the ferry captain in four films, has died at age 71.",
     "lena marsh, who played the ferry captain in four films, has died at age 71."),
    ("The gallery will resume in seconds volunteers handed out water to the runners at the finish line.",
     "volunteers handed out water to the runners at the finish line."),
    ("Officials said the gallery will resume in seconds-long bursts once the power is back.",
     "Officials said the gallery will resume in seconds-long bursts once the power is back."),
    ("The gallery will resume in seconds, the guide said, once the power is back.",
     "The gallery will resume in seconds, the guide said, once the power is back."),
    ("Magic leap ceo rony abovitz getty a newly filed lawsuit alleges that the company is hostile.",
     "a newly filed lawsuit alleges that the company is hostile."),
    ("Employee arrested pic.twitter.com/6zrqgkgfrm — damian trujillo ( @newsdamian ) may 17, 2016 according to reports, "
     "the boy was dropped off at the school.", "according to reports, the boy was dropped off at the school."),
    ("Matt rourke/ap jerry sandusky rested his elbows on the wooden lectern and leaned toward the judge.",
     "jerry sandusky rested his elbows on the wooden lectern and leaned toward the judge."),
    ("When sober, amy winehouse showed a talent that changed pop music jeff christensen/ap amy winehouse was found "
     "dead at her london flat on saturday.", "amy winehouse was found dead at her london flat on saturday."),
    ("Tv personality jenna bush hager arrives sunday at the awards in beverly hills, calif. ( mike blake/reuters ) at "
     "every awards show, there is always one dress that people talk about.",
     "at every awards show, there is always one dress that people talk about."),
    ("Aguila, ariz. ( ksaz/ap ) -- we now know the identity of a man who was rescued from a mine shaft.",
     "we now know the identity of a man who was rescued from a mine shaft."),
    ("A new cnn/ap poll shows the president with a narrow lead in the state.",
     "A new cnn/ap poll shows the president with a narrow lead in the state."),
    ('Kevin mazur/wireimage the " piano man " singer said he was expecting his third child.',
     'the " piano man " singer said he was expecting his third child.'),
    ("Support fell to 38 percent in an ipsos/reuters online poll released tuesday.",
     "Support fell to 38 percent in an ipsos/reuters online poll released tuesday."),
    ("The senator, shown here in 2016 ( j. scott applewhite/ap ), said he would run again.",
     "The senator, shown here in 2016 ( j. scott applewhite/ap ), said he would run again."),
    ("Video games -- and the violence in them -- have long been blamed for shootings.",
     "Video games -- and the violence in them -- have long been blamed for shootings."),
    ("Video des moines, iowa -- the officers fired twice at the car on monday night.",
     "the officers fired twice at the car on monday night."),
    ("Add interest payments to that, and the total cost rises to four million dollars.",
     "Add interest payments to that, and the total cost rises to four million dollars."),
    ("Video washington — president obama denounced the remarks on tuesday in a speech at the treasury.",
     "president obama denounced the remarks on tuesday in a speech at the treasury."),
    ("Video shows the officer — who was not named — firing twice at the car.",
     "Video shows the officer — who was not named — firing twice at the car."),
    ("Exclusive: in a stunning reversal, the army decided late thursday to retain a decorated officer.",
     "in a stunning reversal, the army decided late thursday to retain a decorated officer."),
    ("Add interest the outspoken critics of vladimir putin received their sentences on monday.",
     "the outspoken critics of vladimir putin received their sentences on monday."),
    ("randy weber ( @txrandy14 ) january 29, 2014 the speech ran for more than an hour on tuesday night.",
     "the speech ran for more than an hour on tuesday night."),
    ("The mayor wrote on Twitter (@LakeportMayor) that the bridge would reopen on May 3, 2025 at noon.",
     "The mayor wrote on Twitter (@LakeportMayor) that the bridge would reopen on May 3, 2025 at noon."),
    ("( scroll down for updates ) Representatives of the two sides were expected to meet on Friday.",
     "Representatives of the two sides were expected to meet on Friday."),
    # the credit's sentence ends in a title ("gov.") that Punkt cut off: trimmed once glued back together
    ("( photo: ralph wilson, ap ) pennsylvania gov. Tom corbett compared the two in a tv interview.",
     "pennsylvania gov. Tom corbett compared the two in a tv interview."),
    # prose that uses the words
    ("Many people in the city read more novels in winter than in summer.", "Many people in the city read more novels in winter than in summer."),
    ("His lawyer, who declined to read more of the statement, said the case was closed.",
     "His lawyer, who declined to read more of the statement, said the case was closed."),
    ("The painting was sold to the Getty for $3 million last year.", "The painting was sold to the Getty for $3 million last year."),
    ("Getty Images said on Tuesday that it would cut 200 jobs.", "Getty Images said on Tuesday that it would cut 200 jobs."),
    ("The Getty Museum will return the statue to Italy, officials said.", "The Getty Museum will return the statue to Italy, officials said."),
    ("Photo identification is required at every polling place in the state.",
     "Photo identification is required at every polling place in the state."),
    ("Close inspection revealed cells that line the skin of the bird, the authors write.",
     "Close inspection revealed cells that line the skin of the bird, the authors write."),
    ("Close to 300 people attended the vigil on Sunday night.", "Close to 300 people attended the vigil on Sunday night."),
    ("Close friends of the mayor said she would run again next year.", "Close friends of the mayor said she would run again next year."),
    ("The vote was 12 / AP style says to spell out numbers under ten.", "The vote was 12 / AP style says to spell out numbers under ten."),
    ("The lesson of the study: children read more when their parents read to them at night.",
     "The lesson of the study: children read more when their parents read to them at night."),
    ("The vote | the count: people who read more books voted more often, the study found.",
     "The vote | the count: people who read more books voted more often, the study found."),
    ("Subscribe to our newsletter for the latest news from the city.", "Subscribe to our newsletter for the latest news from the city."),
    ("Image copyright abc news one year ago a group of gunmen was hired.", "Image copyright abc news one year ago a group of gunmen was hired."),
    ("A photo of the suspect was released by police - he is 6 feet tall.", "A photo of the suspect was released by police - he is 6 feet tall."),
    # a photographer's credit with an outlet not among the photo agencies, at the sentence's start
    ("Mark doe/new york daily news the city's 20,000 officers will carry the drug from monday.",
     "the city's 20,000 officers will carry the drug from monday."),
    ("Beth roe/fox last year, the show was the newcomer with 19 nominations.",
     "last year, the show was the newcomer with 19 nominations."),
    ("Jan poe/the news journal jeremy lee, 28, was stopped by police on the bridge.",
     "jeremy lee, 28, was stopped by police on the bridge."),
    ("Ann moe/indystar buy photo officers respond to a call near the school on thursday.",
     "officers respond to a call near the school on thursday."),
    ("Tom hale / ap, file the dismissals will come in the form of court filings.",
     "the dismissals will come in the form of court filings."),
    # ... with a studio's name ("cbs films", not "cbs" and a stray "films")
    ("Karen roe/cbs films karen roe/cbs films the firm of doe and poe is a highly specialized one.",
     "the firm of doe and poe is a highly specialized one."),
    # ... not a poll's sponsors, a pair of roles or a phrase with a slash
    ("The abc/washington post poll found that most voters back the bridge.",
     "The abc/washington post poll found that most voters back the bridge."),
    ("Singer/songwriter jane doe has sold ten million records this year.",
     "Singer/songwriter jane doe has sold ten million records this year."),
    ("Users of google/fox news accounts said they were locked out on Monday.",
     "Users of google/fox news accounts said they were locked out on Monday."),
    ("Reporters from the cnn/times team said the mayor resigned on Monday.",
     "Reporters from the cnn/times team said the mayor resigned on Monday."),
    ("Acclaimed writer/director jane doe's fox comedy about the bridge was renewed on Monday.",
     "Acclaimed writer/director jane doe's fox comedy about the bridge was renewed on Monday."),
    ("Lakeport city/harbor district news stations reported the bridge closure on Monday.",
     "Lakeport city/harbor district news stations reported the bridge closure on Monday."),
    # a gossip page's headline and "email this" button, an editor's update label, a section label
    ("Mayor jane doe: i never wanted the bridge closed email this in a candid interview on monday, the mayor spoke.",
     "in a candid interview on monday, the mayor spoke."),
    ("Please email this form to the clerk's office by friday.", "Please email this form to the clerk's office by friday."),
    ("Readers can email this story to a friend from the page.", "Readers can email this story to a friend from the page."),
    ("The memo was passed around by email this week, the council said.",
     "The memo was passed around by email this week, the council said."),
    ("Officials said they would email this year's ballots to voters abroad.",
     "Officials said they would email this year's ballots to voters abroad."),
    ("Update: the bridge reopened to traffic on friday morning.", "the bridge reopened to traffic on friday morning."),
    ("Update ( march 31 ): a second girder was found cracked.", "a second girder was found cracked."),
    ("Analysis the decision to close the bridge took two days.", "the decision to close the bridge took two days."),
    ("Analysis of the girders took two days, the engineer said.", "Analysis of the girders took two days, the engineer said."),
    ("Analysis a decade later showed the girders had rusted.", "Analysis a decade later showed the girders had rusted."),
    ("Commentary the next morning was harsher, the engineer said.", "Commentary the next morning was harsher, the engineer said."),
    ("The update: the bridge stays closed until spring.", "The update: the bridge stays closed until spring."),
    ("Published date: 23 march 2010 the bridge's engineer has died at the age of 85.",
     "the bridge's engineer has died at the age of 85."),
    ("storyidforme: 38753499 tmspicid: 12121923 fileheaderid: 5535168 updated: in 1965, the bridge opened.",
     "in 1965, the bridge opened."),
    # a dateline or a link's label before ">>", a related headline before "»", an ad slot's note
    ("Lakeport >> as the council met on tuesday, the bridge stayed closed.", "as the council met on tuesday, the bridge stayed closed."),
    (">> good morning, and thank you for joining us on the bridge.", "good morning, and thank you for joining us on the bridge."),
    ("The result was 5 >> 3 in the engineers' test of the girders.", "The result was 5 >> 3 in the engineers' test of the girders."),
    ("Why the bridge closure matters to the harbor district » drivers said the detour added an hour.",
     "drivers said the detour added an hour."),
    ("Elle a quitté la salle après son « discours » puis a appelé la police.",
     "Elle a quitté la salle après son « discours » puis a appelé la police."),
    ("Article continues below the mayor is expected to speak late on Sunday.", "the mayor is expected to speak late on Sunday."),
]


@pytest.mark.parametrize(("sentence", "kept"), DATELINES + LEAD_CLUTTER + CREDIT_LEADS)
def test_leading_datelines_and_page_furniture_are_trimmed(sentence: str, kept: str) -> None:
    [s] = split_document(sentence, 0)
    assert s.text == kept
    assert sentence[s.start : s.end] == kept


def test_a_title_is_never_a_sentence_end() -> None:
    text = "“I don’t recall,” he said. Asked whether Mr. Sessions’s meeting was political, he said no."
    assert split_text(text) == [
        "“I don’t recall,” he said.",
        "Asked whether Mr. Sessions’s meeting was political, he said no.",
    ]


def test_a_middle_initial_is_never_a_sentence_end() -> None:
    # lower-cased corpora: "john f." | "Kelly ..." (Punkt cut there); "World War I." still ends a sentence
    text = "The photo is by john j. Young of the city desk, who took it on Monday. The war ended after World War I. Then it rained."
    assert split_text(text) == [
        "The photo is by john j. Young of the city desk, who took it on Monday.", "The war ended after World War I.",
        "Then it rained.",
    ]


def test_a_lawmakers_party_and_state_are_not_a_sentence_end() -> None:
    # Multi-News: Punkt cut after "( d-mass. )", and the brief quoted "as "pocahontas " during an address ..." as a
    # sentence; a sentence that ends there puts its full stop after the parenthesis
    text = (
        'Trump referred to sen. Elizabeth warren ( d-mass. ) as "pocahontas " during an address. The bill was '
        "introduced by Rep. Ann Weber (R-Tex.). She said it would pass. It was backed by Sen. Chuck Schumer (D-N.Y.) "
        "and others."
    )
    assert split_text(text) == [
        'Trump referred to sen. Elizabeth warren ( d-mass. ) as "pocahontas " during an address.',
        "The bill was introduced by Rep. Ann Weber (R-Tex.).", "She said it would pass.",
        "It was backed by Sen. Chuck Schumer (D-N.Y.) and others.",
    ]


def test_a_dotted_acronym_before_a_name_is_not_a_sentence_end() -> None:
    # TAC 2011: Punkt cut "... until after the U.N." | "Climate Change Conference being held in Bali."
    text = (
        "Ban Ki-moon says targets may have to wait until after the U.N. Climate Change Conference being held in Bali. "
        "He met the U.S. Secretary of State. The troops were sent by the U.S. They arrived on Monday. "
        "He moved to the U.S. In 2004 he became a citizen. The aid came from the E.U. The Red Cross sent more."
    )
    assert split_text(text) == [
        "Ban Ki-moon says targets may have to wait until after the U.N. Climate Change Conference being held in Bali.",
        "He met the U.S. Secretary of State.", "The troops were sent by the U.S.", "They arrived on Monday.",
        "He moved to the U.S.", "In 2004 he became a citizen.", "The aid came from the E.U.", "The Red Cross sent more.",
    ]


def test_a_possessive_after_a_dotted_acronym_does_not_open_a_sentence() -> None:
    # Punkt cut before the possessive's ending, spaced (re-tokenized corpora) or not; "'so ..." and "'She ..." are
    # quotations opening, and a dotted acronym at a sentence's end still ends it
    text = (
        "The n.s.a. 's evolution began in 1952. The N.S.A.'s budget is secret. He asked the d.a.'s office. "
        "He works for the n.s.a. The agency grew."
    )
    assert split_text(text) == [
        "The n.s.a. 's evolution began in 1952.", "The N.S.A.'s budget is secret.", "He asked the d.a.'s office.",
        "He works for the n.s.a.", "The agency grew.",
    ]


def test_two_initials_before_a_surname_are_not_a_sentence_end() -> None:
    # lower-cased corpora whose own splitter cut after "h.w." and capitalized the surname; a pair before a sentence's
    # opening word ("i.e." | "The") and one that ends sentences ("the d.a.") still end a sentence
    text = (
        "The museum shows a 1990 letter from george h.w. Bush to his successor. Then he wrote to her, i.e. The note "
        "was short. They met at the d.a. Reporters waited outside."
    )
    assert split_text(text) == [
        "The museum shows a 1990 letter from george h.w. Bush to his successor.", "Then he wrote to her, i.e.",
        "The note was short.", "They met at the d.a.", "Reporters waited outside.",
    ]
    # common nouns that end a sentence, before a capitalized word that is no opener
    text = "She was rushed to the e.r. Doctors said she would live. Police checked his i.d. Smith had no record."
    assert split_text(text) == [
        "She was rushed to the e.r.", "Doctors said she would live.", "Police checked his i.d.", "Smith had no record.",
    ]


def test_a_lower_case_title_is_never_a_sentence_end() -> None:
    # lower-cased corpora (Multi-News) keep the name's capital; "MS." (the illness) and "st." still end one
    text = "The suit targeted ms. Swift, the papers say. He was diagnosed with MS. He recovered. They live on Main st. He left."
    assert split_text(text) == [
        "The suit targeted ms. Swift, the papers say.", "He was diagnosed with MS.", "He recovered.",
        "They live on Main st.", "He left.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # paragraphs run together without a space: cut between them
        ("She is not one to be messed with.On Wednesday, the singer filed a counter suit.",
         ["She is not one to be messed with.", "On Wednesday, the singer filed a counter suit."]),
        ("It was, in a word, a bummer.harris tried to bring it up, \" he said.the telecast ended.",
         ["It was, in a word, a bummer.", "harris tried to bring it up, \" he said.", "the telecast ended."]),
        ("It was great!The crowd cheered.", ["It was great!", "The crowd cheered."]),
        # addresses, file names, abbreviations and titles stay whole
        ("See cnn.com: the forms are at www.acponline.org/authors/icmje/form.do for now.",
         ["See cnn.com: the forms are at www.acponline.org/authors/icmje/form.do for now."]),
        ("Write to lbazzano@tulane.edu or follow bit.ly/1akisnr and on.fb.me/1df139y today.",
         ["Write to lbazzano@tulane.edu or follow bit.ly/1akisnr and on.fb.me/1df139y today."]),
        ("He met mr.Smith and vs.the others, then opened index.html in St.Louis.",
         ["He met mr.Smith and vs.the others, then opened index.html in St.Louis."]),
    ],
)
def test_glued_sentences_are_cut(text: str, expected: list[str]) -> None:
    assert split_text(text) == expected
    for s in split_document(text, 0):
        assert text[s.start : s.end] == s.text


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # a video teaser's title and caption, flattened: the repeated headline goes
        ("Bridge closed after cracks found bridge closed after cracks found exclusive The city closed the Fulton "
         "Street Bridge on Tuesday.", "The city closed the Fulton Street Bridge on Tuesday."),
        ("Local news more>> mayor orders bridge inspection mayor orders bridge inspection the mayor ordered an "
         "inspection of every bridge in the city.", "the mayor ordered an inspection of every bridge in the city."),
        # NPR's photo widget after a headline, with its credit repeated
        ("Bridge closes for repairs enlarge this image toggle caption Jane Roe/Lakeport Ledger Jane Roe/Lakeport "
         "Ledger The bridge will stay closed for six weeks.", "The bridge will stay closed for six weeks."),
        # prose that repeats itself keeps every word
        ("She feels the same way, she feels the same way that I do, the mayor said.",
         "She feels the same way, she feels the same way that I do, the mayor said."),
    ],
)
def test_a_repeated_teaser_headline_is_trimmed(sentence: str, kept: str) -> None:
    [s] = split_document(sentence, 0)
    assert s.text == kept
    assert sentence[s.start : s.end] == kept


def test_chinese_full_stops_end_sentences() -> None:
    text = "大桥将无限期关闭。维修工作预计至少需要六周。市长表示，安全第一！"
    assert split_text(text) == ["大桥将无限期关闭。", "维修工作预计至少需要六周。", "市长表示，安全第一！"]


def test_photo_captions_are_not_sentences() -> None:
    text = (
        "FILE - In this Oct. 24, 2016, file photo, clouds are reflected in the facade of the building in New York. "
        "A federal judge approved the merger on Tuesday. "
        "In this photo provided by the city, workers inspect the girders. "
        "An Islamic State flag is seen in this picture illustration taken February 18, 2016. "
        "The deal is worth $85 billion."
    )
    sents = split_document(text, 0)
    assert [s.text for s in sents] == ["A federal judge approved the merger on Tuesday.", "The deal is worth $85 billion."]
    assert [s.position for s in sents] == [0, 1]  # a caption does not count as the article's lead
    # prose that mentions a photo is kept
    assert split_text("In this town, photos of the mayor hang in every shop.") == [
        "In this town, photos of the mayor hang in every shop."
    ]


_PREFILTER_SAMPLES = [
    "Advertisement continue reading the main story The bridge closed.",
    "Story continued below The bridge closed.",
    "*** The bridge closed on Tuesday.",
    "( AP Photo/Evan Vucci ) The bridge closed.",
    "( associated press ) The bridge closed.",
    "Image copyright PA image caption The bridge closed.",
    "Bridge closes enlarge this image toggle caption Jane Roe/Ledger Jane Roe/Ledger The bridge closed.",
    "The judge presiding over the case ordered a purchase... ( associated press ) The bridge closed.",
    "Reuters/Dado Ruvic/File Photo The bridge closed.",
    "AFP/Getty The bridge closed.",
    "FILE - In this Oct. 24, 2016, file photo, the bridge is seen.",
    "In this photo provided by the city, the bridge is closed.",
    "The bridge is seen in this picture illustration taken February 18, 2016.",
    "The bridge was closed on Tuesday after inspectors found cracks.",
    "Bridge news read more it closed.",
    "Jane Roe ( photo: AP ) The bridge closed.",
    "Jane Roe/Getty Images The bridge closed.",
    "Photo The bridge closed.",
    "Subscribe The bridge closed.",
    "Image copyright EPA The bridge closed.",
    "PHOTO the bridge closed.",
    "ADVERTİSEMENT the bridge closed.",  # a non-ASCII letter that case-folds to ASCII: the pattern runs
    "\u212aelvin reads more. The bridge closed.",
    "The bridge closed.On Wednesday, it reopened.",
    'The mayor said "it is closed."Then it reopened.',
    "",
]


@pytest.mark.parametrize("text", _PREFILTER_SAMPLES)
def test_split_prefilters_match_their_patterns(text: str) -> None:
    from newsfuse import split

    m = split._LEAD_CLUTTER.match(text)
    got = split._lead_clutter(text, 0)
    assert (m and m.end()) == (got and got.end())
    assert split.is_caption(text) == (split._CAPTION.search(text) is not None)
    assert split._GLUED_KEY.search(text) is not None or split._GLUED.search(text) is None
    c = split._CREDIT_LEAD.match(text[:500])
    assert split._credit_lead(text, 0) == (c.end() if c else 0)


def test_multi_char_punctuation_matches_punkts_default() -> None:
    import itertools
    import re

    from punkt.rules.language import DEFAULT_LANGUAGE_VARS

    from newsfuse import split

    default, ours = re.compile(DEFAULT_LANGUAGE_VARS.multi_char_punct_pattern), re.compile(split._MULTI_CHAR_PUNCT)
    for n in range(1, 7):  # every string of up to six of these characters
        for chars in itertools.product("-. a\n", repeat=n):
            text = "".join(chars)
            assert [m.span() for m in default.finditer(text)] == [m.span() for m in ours.finditer(text)], text


def test_plain_sentence_ends_are_decided_as_punkt_decides_them() -> None:
    """The tokenizer decides plain candidates (a "?" or "!", a full stop after a word that is no known
    abbreviation) without Punkt's annotation passes: wherever it does, Punkt says break too, and the
    spans are Punkt's own. (scripts-free check on the bundled texts; the corpora were checked too.)"""
    from pathlib import Path

    import punkt

    from newsfuse import split

    tok = split._tokenizer()
    root = Path(__file__).resolve().parents[1]
    from newsfuse.load import decode_bytes

    # (as the loader reads them: a fixture saved in Windows-1252 too)
    texts = [decode_bytes(p.read_bytes()) or "" for d in ("examples", "tests/fixtures")
             for p in sorted((root / d).rglob("*")) if p.is_file() and p.suffix in (".txt", ".html", ".md", ".jsonl")]
    texts += [*_PREFILTER_SAMPLES, "Wow!!! Yes.", "He said \u00a0so. Then", " x. Y", "a?b. Next one.", "U.S. Army. Then it",
              "Mr.\u00a0Smith. He left.", 'She said."Yes." Then', "Gen. Smith said no. 5 more. Go to No. 5 now.",
              "It was 5 p.m. The end. J. Smith came.", "The co. Inc. He said: no.\u2028Next."]
    decided = 0
    for text in texts:
        for para in split._PARAGRAPH.finditer(text):
            chunk = para.group()
            for c in tok._boundaries.detect(chunk):
                if split.punkt_plain_break(c.context, tok.special):
                    decided += 1
                    assert punkt.PunktSentenceTokenizer._context_has_sentbreak(tok, c.context), c.context
            plain = punkt.PunktSentenceTokenizer(tok.params, rules=tok.rules)
            assert list(tok.span_tokenize(chunk)) == list(plain.span_tokenize(chunk))
    assert decided > 100


def test_an_opening_quote_left_at_a_sentence_end_goes_to_the_next_sentence() -> None:
    # re-tokenized text (Multi-News) sets quotes between spaces; Punkt leaves the next quotation's opening
    # quote at the end of the sentence before it
    text = ('The singer thanked her fans on tuesday after the show. " i am so grateful, " she wrote. '
            'Her manager said: " she is resting. She will be back soon. " The tour resumes in may.')
    assert split_text(text) == [
        "The singer thanked her fans on tuesday after the show.",
        '" i am so grateful, " she wrote.',
        'Her manager said: " she is resting.',
        'She will be back soon. "',  # this quote closes an open quotation: it stays
        "The tour resumes in may.",
    ]
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == split_text(text)  # offsets follow the moved quote


def test_the_dash_of_a_dateline_cut_off_by_punkt_is_trimmed() -> None:
    # Punkt ends a sentence at the state's abbreviation ("md."), leaving the dateline's dash on the story
    text = ("Annapolis, md. — as midshipmen were graduating last week, navy investigators were looking into "
            "reports from an off-campus party. Three players are under investigation.")
    # (and as the story's opening dateline, the place goes too)
    assert split_text(text)[0].startswith("as midshipmen were graduating")
    # (so it does as the second sentence, after a caption or notice the page kept; later in a story the place stays)
    assert split_text("The vote was close. " + text)[1] == split_text(text)[0]
    assert split_text("The vote was close. It was late. " + text)[2:4] == ["Annapolis, md.", split_text(text)[0]]
    assert split_text("The vote was close. — sen. Susan collins")[1] == "— sen. Susan collins"  # too short to trim


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Seoul, South Korea — The United States said on Wednesday it would speed up the deployment.",
         "The United States said on Wednesday it would speed up the deployment."),
        ("annapolis, md. — navy investigators were looking into reports from an off-campus party.",
         "navy investigators were looking into reports from an off-campus party."),
        ("Colorado springs, colo. – the council voted to close the park for the summer.",
         "the council voted to close the park for the summer."),
        # prose with a comma and a dash is no dateline: the place must end in a state or a country
        ("When officers arrived, brockie – who went by a stage name – was found at home.",
         "When officers arrived, brockie – who went by a stage name – was found at home."),
    ],
)
def test_a_mixed_case_dateline_opening_a_story_is_trimmed(text: str, first: str) -> None:
    assert split_text(text)[0] == first


def test_a_place_and_dash_later_in_a_story_is_left_alone() -> None:
    # (the second sentence is still the story's opening: a caption or notice may come first, as in 41 Multi-News
    # documents; every such place and dash there was a dateline)
    text = "The council met on Monday. It voted. Beirut, Lebanon — a city of two million — sent its mayor."
    assert split_text(text)[2] == "Beirut, Lebanon — a city of two million — sent its mayor."


def test_a_lower_case_acronym_before_a_capitalized_word_is_not_a_sentence_end() -> None:
    # Multi-News capitalized the word after every "u.s." (its splitter cut there): Punkt cut "... at a former u.s."
    # | "Naval station until ...". A stop word or an opener after the acronym still starts a sentence.
    text = (
        "The destroyer will undergo repairs at a former u.s. Naval station until it is fit to sail. "
        "The aid was cut by the u.s. The red cross sent more. Taxes are lower in the u.s. Turns out that matters. "
        "He met the u.n. Envoy, who said little."
    )
    assert split_text(text) == [
        "The destroyer will undergo repairs at a former u.s. Naval station until it is fit to sail.",
        "The aid was cut by the u.s.", "The red cross sent more.", "Taxes are lower in the u.s.",
        "Turns out that matters.", "He met the u.n. Envoy, who said little.",
    ]


def test_a_time_zone_after_a_clock_time_is_not_a_new_sentence() -> None:
    # Multi-News: Punkt cut "... airs at 9 p.m." | "Et on hbo ..."; a new sentence after a clock time stays apart
    text = "The show airs at 9 p.m. Et on hbo every sunday night. The vote was at 5 p.m. The crowd left early."
    assert split_text(text) == [
        "The show airs at 9 p.m. Et on hbo every sunday night.", "The vote was at 5 p.m.", "The crowd left early.",
    ]


def test_a_page_header_before_the_opening_dateline_is_trimmed() -> None:
    # Multi-News: a video player's notice or a headline run into the story's first sentence before its dateline
    text = ("Please enable javascript to watch this video des moines, iowa -- des moines police are investigating "
            "a deadly assault. Officers were called at noon.")
    assert split_text(text) == ["des moines police are investigating a deadly assault.", "Officers were called at noon."]
    # prose with a comma and a dash, or a dateline past the first words, stays whole
    prose = "When officers arrived, brockie – who had been drinking – ran away from the house on main street."
    assert split_text(prose) == [prose]


def test_an_opening_dateline_in_a_canadian_province_or_another_country_is_trimmed() -> None:
    # TAC 2011 (Wikinews): "Meadow Lake, Saskatchewan – The municipal council ..."
    text = "Meadow Lake, Saskatchewan – The municipal council said it donated money by accident. It asked for it back."
    assert split_text(text) == ["The municipal council said it donated money by accident.", "It asked for it back."]


def test_a_list_items_marker_is_trimmed() -> None:
    text = "* In Sri Lanka, the ground moved nearly ten centimetres. • The rupture spread from south to north."
    assert split_text(text) == ["In Sri Lanka, the ground moved nearly ten centimetres.", "The rupture spread from south to north."]


def test_a_credit_line_or_update_stamp_run_into_a_sentence_is_trimmed() -> None:
    text = ("Photographer: luke sharrett/bloomberg in a series of messages, the president accused the company of costing "
            "money.\n\nUpdate at 1: 48 p.m.: at a news conference friday, a board member said investigators were there.\n\n"
            "Update #3: the cartoonist talks about the strips in an interview.\n\n"
            "Updates to the software will arrive on monday, the company said.")
    assert split_text(text) == [
        "in a series of messages, the president accused the company of costing money.",
        "at a news conference friday, a board member said investigators were there.",
        "the cartoonist talks about the strips in an interview.",
        "Updates to the software will arrive on monday, the company said.",
    ]


def test_a_gallery_label_and_a_stray_opening_quote_at_a_paragraphs_end_are_trimmed() -> None:
    text = ('View photo gallery: the senator announced tuesday that he would not run again. '
            '" i think the most severe would be a subpoena, " he said. "'
            '\n\nSee the gallery of winners from the show on sunday night.')
    assert split_text(text) == [
        "the senator announced tuesday that he would not run again.",
        '" i think the most severe would be a subpoena, " he said.',
        "See the gallery of winners from the show on sunday night.",
    ]


def test_a_city_that_datelines_name_alone_is_trimmed_from_a_storys_opening() -> None:
    assert split_text("Washington -- republican presidential candidates met on monday in the capital. They left.") == [
        "republican presidential candidates met on monday in the capital.", "They left."]
    assert split_text("Savannah, tenn. - zach adams will serve life in prison for the killing.") == [
        "zach adams will serve life in prison for the killing."]
    # a name before a dash, a state's name, and a city past the story's first sentence stay
    for text in ("Joan rivers -- the comedian -- died on thursday in new york.",
                 "Washington state officials said on monday that the fires were out."):
        assert split_text(text) == [text]
    assert split_text("He spoke on monday. It rained. London — the city was quiet after the vote.")[2] == (
        "London — the city was quiet after the vote.")


def test_a_caption_behind_a_teaser_cut_short_is_dropped() -> None:
    # Multi-News: a related story's teaser and its credit, then AP's file-photo caption, then the story
    text = ("The state department has... ( associated press ) file - in this sept. 10, 2015 file photo, the army's "
            "guns fire during the annual exercises in hsinchu. The exercises ended on friday after five days.")
    assert split_text(text) == ["The exercises ended on friday after five days."]


def test_a_dateline_opening_a_storys_second_sentence_is_trimmed() -> None:
    # a caption, headline or notice the page kept before the story's dateline
    text = "A revised version of this article appears here. Las vegas – gov. Rick perry said he would propose a flat tax."
    assert split_text(text)[1] == "gov. Rick perry said he would propose a flat tax."
    assert split_text("Officials stand near the scene of the fire. Denver -- the fire burned for hours.")[1] == (
        "the fire burned for hours.")


def test_a_byline_with_its_job_or_a_posts_date_stamp_is_trimmed() -> None:
    text = ("By jon boon – radar reporter jessica biel is ready to start a family, a friend says.\n\n"
            "May 18, 2015, 1: 05 am | the senator from south carolina says he would announce it soon.\n\n"
            "By the next sunrise, the boy was gone. May 18, 2015, was the day the senator announced his run.")
    assert split_text(text) == [
        "jessica biel is ready to start a family, a friend says.",
        "the senator from south carolina says he would announce it soon.",
        "By the next sunrise, the boy was gone.", "May 18, 2015, was the day the senator announced his run.",
    ]


@pytest.mark.parametrize(("sentence", "kept"), [
    ("( cnn ) a police officer in the county was charged this week with assault.",
     "a police officer in the county was charged this week with assault."),
    ("( cnn ) -- a major snowstorm slammed the east coast and snarled holiday travel.",
     "a major snowstorm slammed the east coast and snarled holiday travel."),
    # a page's "posted ... ago" stamp before the wire's dateline; prose's "20 years ago" stays
    ("5 years ago washington ( cnn ) - former president bill clinton will speak at the convention.",
     "former president bill clinton will speak at the convention."),
    ("20 years ago the old bridge collapsed into the river, killing 13 people.",
     "20 years ago the old bridge collapsed into the river, killing 13 people."),
    ("( wjtv ) – a state representative's post is getting a lot of attention.",
     "a state representative's post is getting a lot of attention."),
    ("( toby melville/reuters ) ever struggled to hold a phone steady while ordering a taxi?",
     "ever struggled to hold a phone steady while ordering a taxi?"),
    ("( published monday, may 19, 2014 ) police are looking for a girl who has been missing since sunday.",
     "police are looking for a girl who has been missing since sunday."),
    ("( 1: 31 ) police in florida say the driver was at fault for the crash.",
     "police in florida say the driver was at fault for the crash."),
    ("( watch: 7 defining quotes from the senator ) the committee is considering a hearing.",
     "the committee is considering a hearing."),
    ("( photo by omar vega/invision/ap,... ( associated press ) new york ( ap ) — police found the car on friday.",
     "police found the car on friday."),
    ("( dec. 12 ) ap a city taxi commission license was issued to the driver in 2012.",
     "a city taxi commission license was issued to the driver in 2012."),
    ("[ 6 flu vaccine myths ] to know for sure, researchers search the blood for antibodies.",
     "to know for sure, researchers search the blood for antibodies."),
    ("[ updated at 7: 59 p.m. ] speaking on the program, the congressman called it a real loss.",
     "speaking on the program, the congressman called it a real loss."),
    ("[ 1 ] [ 2 ] on april 27, 2011, the court ruled by a 5 – 4 margin.", "on april 27, 2011, the court ruled by a 5 – 4 margin."),
    ("[ related article ] in recent years the weekend before election day has been quiet.",
     "in recent years the weekend before election day has been quiet."),
    # prose: an editor's insertion, a parenthetical sentence, an aside too long to be a credit, a group that runs on
    ("[ she has ] some things a president doesn't have, like huge book contracts.",
     "[ she has ] some things a president doesn't have, like huge book contracts."),
    ("[The sailors have been] detained by the border authorities for further investigation.",
     "[The sailors have been] detained by the border authorities for further investigation."),
    ('" ( lewis ) did not yet own his home in new jersey, his lawyer said on monday.',
     '" ( lewis ) did not yet own his home in new jersey, his lawyer said on monday.'),
    ("( trump denies this claim. )", "( trump denies this claim. )"),
    ("( as the queen's firstborn, charles is the heir to the throne, which he will inherit one day ) the palace said.",
     "( as the queen's firstborn, charles is the heir to the throne, which he will inherit one day ) the palace said."),
    ("( as one critic points out ( that's him on the right ), this is not a new look for the company. )",
     "( as one critic points out ( that's him on the right ), this is not a new look for the company. )"),
])
def test_a_credit_stamp_or_link_in_parentheses_or_brackets_opening_a_sentence_is_trimmed(sentence: str, kept: str) -> None:
    [s] = split_document(sentence, 0)
    assert s.text == kept
    assert sentence[s.start : s.end] == kept


def test_a_live_blogs_time_stamp_opening_a_sentence_is_trimmed() -> None:
    text = ("___ 1: 45 p.m. European officials say that the u.s. is blocking progress at the summit.\n\n"
            "6: 20 am pst -- an official statement on the page says the singer died in his sleep.\n\n"
            "10: 24 a.m.: the crew will land the craft on sunday morning at the base.\n\n"
            "20: 55 a chastened prime minister has apologised to her party colleagues.\n\n"
            "1: 52 left in the game, the bears scored a touchdown to win it.\n\n"
            "10: 30 p.m. was the last time anyone saw her alive, police said.\n\n"
            "1: 30 minutes into the video, the officer fires twice at the car.\n\n"
            "At 3: 45 p.m. the council voted to close the bridge.")
    assert split_text(text) == [
        "European officials say that the u.s. is blocking progress at the summit.",
        "an official statement on the page says the singer died in his sleep.",
        "the crew will land the craft on sunday morning at the base.",
        "a chastened prime minister has apologised to her party colleagues.",
        "1: 52 left in the game, the bears scored a touchdown to win it.",
        "10: 30 p.m. was the last time anyone saw her alive, police said.",
        "1: 30 minutes into the video, the officer fires twice at the car.",
        "At 3: 45 p.m. the council voted to close the bridge.",
    ]


def test_a_transcripts_speaker_label_is_trimmed() -> None:
    text = ("David greene, host: no western leader knows the country's president better than the chancellor.\n\n"
            "April dembosky, byline: think of how often you stop by your local drugstore.\n\n"
            ">> reporter: this isn't the first time apple juice has been in the headlines.\n\n"
            "STEVE INSKEEP, HOST: The council voted on Tuesday to close the bridge.\n\n"
            "The reporter said the bridge would reopen in May.\n\n"
            "Next year's host: qatar, which won the bid in 2010, will build eight stadiums.")
    assert split_text(text) == [
        "no western leader knows the country's president better than the chancellor.",
        "think of how often you stop by your local drugstore.",
        "this isn't the first time apple juice has been in the headlines.",
        "The council voted on Tuesday to close the bridge.",
        "The reporter said the bridge would reopen in May.",
        "Next year's host: qatar, which won the bid in 2010, will build eight stadiums.",
    ]


# A radio transcript's guest named in capitals with no role ("GAIL FERREIRA: ..."): the label is trimmed; a heading's
# or a note's capitals ("BREAKING NEWS:", "EDITOR'S NOTE:") label no speaker and stay, as does a name in a sentence.
CAPS_SPEAKERS = [
    ("GAIL FERREIRA: I keep refreshing the county map on my phone to see if the line has moved.",
     "I keep refreshing the county map on my phone to see if the line has moved."),
    ("DR. RUTH ADEYEMI: We served more than 400 meals on the first day at the shelter.",
     "We served more than 400 meals on the first day at the shelter."),
    ("BREAKING NEWS: The mayor resigned on Tuesday after the council vote.",
     "BREAKING NEWS: The mayor resigned on Tuesday after the council vote."),
    ("EDITOR'S NOTE: This story contains a description of the fire's victims.",
     "EDITOR'S NOTE: This story contains a description of the fire's victims."),
    ("LIVE UPDATES: Fire crews held the line overnight along the ridge road.",
     "LIVE UPDATES: Fire crews held the line overnight along the ridge road."),
    ("Gail Ferreira: I keep refreshing the county map on my phone, she wrote.",
     "Gail Ferreira: I keep refreshing the county map on my phone, she wrote."),
    ("The NATO SUMMIT: a meeting that will decide the alliance's budget for next year.",
     "The NATO SUMMIT: a meeting that will decide the alliance's budget for next year."),
]


@pytest.mark.parametrize(("sentence", "kept"), CAPS_SPEAKERS)
def test_a_speaker_named_in_capitals_is_trimmed(sentence: str, kept: str) -> None:
    [s] = split_document(sentence, 0)
    assert s.text == kept


def test_a_piece_closing_a_parenthesis_the_piece_before_opened_is_joined_to_it() -> None:
    """Punkt ends a sentence inside a parenthesis ("( see fig.", "... produce!"); the rest, which closes it,
    belongs to the same sentence. A parenthesis opened in another paragraph is not joined across it."""
    text = ("The film has the usual cast ( alec baldwin, ellen page -- indeed, is there an actor born to star in it "
            "more than him? ). It opens on Friday in 300 theaters. The researchers found weak signals at other sites "
            "( fig. 1 ), including a reversal in central oregon. I can't keep up with the messages ( we still have a "
            "newscast to produce! ), but i am reading them and i am grateful.\n\n"
            "The list ( in two parts.\n\n"
            "Part two ) follows below in the next section of the report.")
    assert split_text(text) == [
        "The film has the usual cast ( alec baldwin, ellen page -- indeed, is there an actor born to star in it "
        "more than him? ).",
        "It opens on Friday in 300 theaters.",
        "The researchers found weak signals at other sites ( fig. 1 ), including a reversal in central oregon.",
        "I can't keep up with the messages ( we still have a newscast to produce! ), but i am reading them and i am "
        "grateful.",
        "The list ( in two parts.",
        "Part two ) follows below in the next section of the report.",
    ]


def test_a_pages_update_stamp_and_byline_before_a_story_are_trimmed() -> None:
    """NBC's stamp and byline, and a live story's update stamp without its colon, run into the story's first
    sentence; a sentence about an update is prose."""
    texts = [
        "Nov. 29, 2018, 1: 40 am gmt / updated nov. 29, 2018, 1: 52 am gmt by jane doe for weeks, drivers have "
        "waited for the bridge to reopen.",
        "/ updated by jane doe and john roe the council voted on Monday to pay for the bridge repairs.",
        "/ updated by jane e. Doe, ann lee and john roe lakeport — the council voted to pay for the repairs.",
        "/ updated by ann lee, md the bridge engineers — the first to see the cracks — are worried.",
        "/ updated / source: associated press the council voted on Monday to pay for the repairs.",
        "/ updated in a personal note, the mayor thanked the crews who rebuilt the bridge.",
        "updated at 5: 45 p.m. Et the council voted to pay for the bridge repairs.",
        "Updated: december 17, 2013, at 3: 05 a.m. An emailed threat closed the bridge overnight.",
        "Updated 10/02/15 – 2: 27 p.m. the mayor is on her way to the bridge tonight.",
        "The list was updated at 5 p.m. on Monday after the council met.",
    ]
    assert [split_text(t) for t in texts] == [
        ["for weeks, drivers have waited for the bridge to reopen."],
        ["the council voted on Monday to pay for the bridge repairs."],
        ["the council voted to pay for the repairs."],
        ["the bridge engineers — the first to see the cracks — are worried."],
        ["the council voted on Monday to pay for the repairs."],
        ["in a personal note, the mayor thanked the crews who rebuilt the bridge."],
        ["the council voted to pay for the bridge repairs."],
        ["An emailed threat closed the bridge overnight."],
        ["the mayor is on her way to the bridge tonight."],
        ["The list was updated at 5 p.m. on Monday after the council met."],
    ]


def test_an_embedded_posts_signature_before_a_story_is_trimmed() -> None:
    """An Instagram post's caption and signature, and a tweet signed with a number for its date, run into the story."""
    assert split_text("#bridge a photo posted by jane doe ( @janedoe ) on may 4, 2024 at 9: 00am pdt crews lifted "
                      "the last beam onto the bridge on Tuesday.") == ["crews lifted the last beam onto the bridge on Tuesday."]
    assert split_text("The bridge is open again … https://t.co/abc — lakeport mayor ( @lakeportmayor ) 1539961804000 "
                      "crews finished the repairs a week early.") == ["crews finished the repairs a week early."]


def test_a_wire_or_video_credit_before_a_story_is_trimmed_and_nothing_more() -> None:
    """A photographer's credit after a slash is two words unless another slash follows; a video's or photo's credit
    with no delimiter goes; a sentence about the outlet stays."""
    assert split_text("Ap photo/jane doe the mayor spoke to reporters at the bridge on Monday.") == [
        "the mayor spoke to reporters at the bridge on Monday."]
    assert split_text("Reuters/Jane Doe/Illustration/File Photo the logo is seen on a phone in this picture.") == [
        "the logo is seen on a phone in this picture."]
    assert split_text("Usa today sports the lakeport lions scored two touchdowns in the final quarter.") == [
        "the lakeport lions scored two touchdowns in the final quarter."]
    assert split_text("Wochit crews lifted the last beam onto the Main Street bridge on Tuesday.") == [
        "crews lifted the last beam onto the Main Street bridge on Tuesday."]
    assert split_text("Usa today reported that the bridge would reopen in May.") == [
        "Usa today reported that the bridge would reopen in May."]
    for prose in ("Usa today network looks at what people will say about the bridge this week.",
                  "Usa today sports ranked the lakeport lions first in the league on Monday.",
                  "Ap photo editors chose the picture of the bridge as the photo of the year."):
        assert split_text(prose) == [prose]
    assert split_text("Reuters/jane doe - rc125af3e6d0 the council voted to pay for the bridge repairs.") == [
        "the council voted to pay for the bridge repairs."]


def test_a_piece_after_a_quoted_exclamation_or_question_continues_its_sentence() -> None:
    """Punkt ends a sentence at `! "` or `? "`; a piece that opens with a conjunction, or is a short attribution with
    no clause of its own, continues it, whatever its case. A new sentence after one stays apart."""
    text = ('Ann Lee, who has hosted the radio show " good morning, lakeport! " since 1984, will retire in May. '
            'The station has not named a successor. "Is the bridge safe? " Mayor Ruiz asked. Crews checked it again. '
            'The crowd chanted "Fix it now!" The governor said the state would pay for the repairs.')
    expected = [
        'Ann Lee, who has hosted the radio show " good morning, lakeport! " since 1984, will retire in May.',
        "The station has not named a successor.",
        '"Is the bridge safe? " Mayor Ruiz asked.',
        "Crews checked it again.",
        'The crowd chanted "Fix it now!"',
        "The governor said the state would pay for the repairs.",
    ]
    assert split_text(text) == expected
    assert split_text(text.lower()) == [x.lower() for x in expected]


def test_a_stray_quote_before_reported_speech_is_dropped_not_moved() -> None:
    """A quote left at a sentence's end opens the next sentence's quotation, unless that sentence reports speech in
    the third person with a named speaker (a closing mark the count misread): then it is dropped."""
    assert split_text('The council met late into the night. " cooper said the vote was a diversion from the real '
                      'plan, the clerk reported.') == [
        "The council met late into the night.",
        "cooper said the vote was a diversion from the real plan, the clerk reported."]
    assert split_text('The council met late into the night. " i said no to the offer and left the room at once, " '
                      'she told reporters.') == [
        "The council met late into the night.",
        '" i said no to the offer and left the room at once, " she told reporters.']
    assert split_text('The mayor was angry. " he said the vote was a diversion from the real plan, and he left, " '
                      'her aide recalled.')[1].startswith('" he said')


def test_a_parenthesis_closed_after_a_whole_sentence_goes_back_alone() -> None:
    """When the aside ended with a whole sentence, only its closing parenthesis joins it; what follows is a new
    sentence (before, it was glued on), unless it continues the one the aside sat in."""
    assert split_text('The couple married on Saturday ( the mayor called it " mostly a family affair. " ) ann lee, a '
                      'clerk at city hall, walked down the aisle with her father.') == [
        'The couple married on Saturday ( the mayor called it " mostly a family affair. " )',
        "ann lee, a clerk at city hall, walked down the aisle with her father."]
    assert split_text("The vote was close ( seven to six. ) The mayor then left the chamber.") == [
        "The vote was close ( seven to six. )", "The mayor then left the chamber."]
    assert split_text("I can't keep up with the messages ( we still have a newscast to produce! ), but i am reading "
                      "them.") == ["I can't keep up with the messages ( we still have a newscast to produce! ), but i am "
                                   "reading them."]


def test_a_sites_sign_up_widget_before_a_story_is_trimmed() -> None:
    assert split_text("Get the times of israel's daily edition by email and never miss our top stories free sign up "
                      "the council voted on Monday to pay for the bridge repairs.") == [
        "the council voted on Monday to pay for the bridge repairs."]
    assert split_text("Sign up for breaking news alerts from nbc news the council voted to pay for the repairs.") == [
        "the council voted to pay for the repairs."]


def test_a_wire_dateline_with_a_date_or_a_stamp_in_lower_case_is_trimmed() -> None:
    for text in ("Beijing, dec. 9 ( upi ) -- the council voted to pay for the bridge repairs on Monday.",
                 "Berlin/athens ( reuters ) - the council voted to pay for the bridge repairs on Monday.",
                 "2014/04/21 19: 26 ansan, south korea, april 21 ( yonhap ) -- the council voted to pay for the bridge "
                 "repairs on Monday."):
        assert split_text(text) == ["the council voted to pay for the bridge repairs on Monday."]


# A briefing's transcript: a speaker named by surname alone, or first with a role after a comma; the label goes even
# when the remark left is short ("Not all of them."). Capitals that are no speaker's label stay.
BRIEFING_SPEAKERS = [
    ("LUIS OKAFOR, HADLEY COUNTY EMERGENCY MANAGER: Good morning to all of you here today.",
     "Good morning to all of you here today."),
    ("NATO, the alliance said on Friday: troops will stay until the spring.",
     "NATO, the alliance said on Friday: troops will stay until the spring."),
    ("US, UK agree: new sanctions take effect on Monday morning.",
     "US, UK agree: new sanctions take effect on Monday morning."),
    ("Q: Is the dam going to fail before the weekend?", "Q: Is the dam going to fail before the weekend?"),
    ("The FBI said on Tuesday that the inquiry would take months.",
     "The FBI said on Tuesday that the inquiry would take months."),
    ("EDITOR'S NOTE: Short.", "EDITOR'S NOTE: Short."),
    # an agency's initials label its claim, not a speaker's words: the label stays with it
    ("CDC: Flu cases rose by a fifth in one week across the region.",
     "CDC: Flu cases rose by a fifth in one week across the region."),
    ("NASA: The probe will reach the comet in March.", "NASA: The probe will reach the comet in March."),
    # one word in capitals that no full label in the text introduced is a kicker or a claim's source, not a surname
    ("WILDFIRE: Crews gain ground on the ridge as the winds ease overnight.",
     "WILDFIRE: Crews gain ground on the ridge as the winds ease overnight."),
    ("FOLLOW-UP: The council voted on Tuesday to pay for the new levee.",
     "FOLLOW-UP: The council voted on Tuesday to pay for the new levee."),
    ("UNICEF: Millions of children in the valley still lack clean water.",
     "UNICEF: Millions of children in the valley still lack clean water."),
    ("GLOBEX: Orders fell sharply in May as airlines put off deliveries.",
     "GLOBEX: Orders fell sharply in May as airlines put off deliveries."),
    ("OKAFOR: Route 9 stays closed between Mill Street and the bridge.",
     "OKAFOR: Route 9 stays closed between Mill Street and the bridge."),
    # a role after a comma follows a name of two words or more, not one company's name in a headline
    ("AMAZON, APPLE: Tech giants report strong earnings for the quarter.",
     "AMAZON, APPLE: Tech giants report strong earnings for the quarter."),
]


def test_a_surname_alone_labels_a_remark_after_the_full_label() -> None:
    text = ("LUIS OKAFOR, HADLEY COUNTY EMERGENCY MANAGER: Good morning to all of you here today.\n\n"
            "OKAFOR: Route 9 stays closed between Mill Street and the bridge.\n\n"
            "PRIYA NANDAKUMAR, STATE DAM SAFETY OFFICE: Thank you, Luis.\n\n"
            "Q: Did they make the repairs?\n\n"
            "NANDAKUMAR: Not all of them.\n\n"
            "WILDFIRE: Crews gain ground on the ridge as the winds ease overnight.")
    assert split_text(text) == [
        "Good morning to all of you here today.",
        "Route 9 stays closed between Mill Street and the bridge.",
        "Thank you, Luis.",
        "Q: Did they make the repairs?",
        "Not all of them.",
        "WILDFIRE: Crews gain ground on the ridge as the winds ease overnight.",
    ]


@pytest.mark.parametrize(("sentence", "kept"), BRIEFING_SPEAKERS)
def test_a_briefings_speaker_label_is_trimmed(sentence: str, kept: str) -> None:
    [s] = split_document(sentence, 0)
    assert s.text == kept


# --- the tarn-quake fixture: wire datelines with a date, and with the country in brackets ---------------------

WIRE_DATELINES = [
    ("TARNOVO VELIKI, Velmaria, March 3 (Meridian) - A magnitude 6.4 earthquake struck near the city on Tuesday.",
     "A magnitude 6.4 earthquake struck near the city on Tuesday."),
    ("LONDON, Jan 5 (Reuters) - British stocks fell on Monday as miners slid.", "British stocks fell on Monday as miners slid."),
    ("NEW YORK, Dec. 12 (Reuters Breakingviews) - The deal makes sense for both sides.",
     "The deal makes sense for both sides."),
    ("Tarnovo Veliki (Velmaria) (ACP) - A powerful earthquake shook the mountain city before dawn on Tuesday.",
     "A powerful earthquake shook the mountain city before dawn on Tuesday."),
    ("Kyiv (Ukraine) (AFP) - Russia said on Monday it had shot down 40 drones.",
     "Russia said on Monday it had shot down 40 drones."),
]
WIRE_DATELINE_LIKE_PROSE = [
    "The senator, March 3 (Reuters) - the vote was held late at night.",
    "ON MARCH 3, 2020 - the vote was held by the council in the town hall.",
    "The company (Acme) (NYSE) said profits rose by a fifth in the quarter.",
    "Smith, who joined in March 2019, said the plan would work.",
]


@pytest.mark.parametrize(("sentence", "kept"), WIRE_DATELINES)
def test_a_wire_dateline_with_its_date_or_its_country_in_brackets_is_trimmed(sentence: str, kept: str) -> None:
    [s] = split_document(sentence, 0)
    assert s.text == kept


@pytest.mark.parametrize("sentence", WIRE_DATELINE_LIKE_PROSE)
def test_prose_like_a_wire_dateline_stays_whole(sentence: str) -> None:
    [s] = split_document(sentence, 0)
    assert s.text == sentence


@pytest.mark.parametrize(("text", "expected"), [
    # a page's numeric date and clock stamp run into the story's first sentence is trimmed
    ("08/15/2017 11: 02 p.m. Dana reyes allowed the deputy to share photos of the trail with us. She was found on Sunday.",
     ["Dana reyes allowed the deputy to share photos of the trail with us.", "She was found on Sunday."]),
    ("03/29/2013 10: 35 am edt the late-night host stopped by the studio to talk about the rumors.",
     ["the late-night host stopped by the studio to talk about the rumors."]),
    # must keep: a date and time inside a sentence, and a date without a time
    ("On 08/15/2017 at 11: 02 p.m. the alarm sounded in the east wing of the building.",
     ["On 08/15/2017 at 11: 02 p.m. the alarm sounded in the east wing of the building."]),
    ("08/15/2017 was the last day the ferry ran on its old schedule, officials said.",
     ["08/15/2017 was the last day the ferry ran on its old schedule, officials said."]),
])
def test_a_numeric_date_and_clock_stamp_before_a_sentence_is_trimmed(text: str, expected: list[str]) -> None:
    assert split_text(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a clock time ending a sentence before a word that only opens one: Punkt kept them together
    ("The roof collapsed just before 4 a.m., and the fire was under control at 7:15 a.m. No one was injured.",
     ["The roof collapsed just before 4 a.m., and the fire was under control at 7:15 a.m.", "No one was injured."]),
    ("The boat failed to return as planned by 5 p.m. A coast guard helicopter is searching for the men.",
     ["The boat failed to return as planned by 5 p.m.", "A coast guard helicopter is searching for the men."]),
    ("He left the prom around 9:30 p.m. His jacket was found near the car.",
     ["He left the prom around 9:30 p.m.", "His jacket was found near the car."]),
    ("The bus left the road around 9: 50 a.m. Four people were taken to the county hospital.",
     ["The bus left the road around 9: 50 a.m.", "Four people were taken to the county hospital."]),
    ("The clinic runs from 10 a.m. to 4 p.m. Each visitor is offered a flu shot.",
     ["The clinic runs from 10 a.m. to 4 p.m.", "Each visitor is offered a flu shot."]),
    # must keep: a day, a zone, a name or a lower-case word after the time, and "That" (a complementizer in a corpus
    # that capitalized a word after its own wrong cut)
    ("The meeting is at 7 p.m. Tuesday in the hall.", ["The meeting is at 7 p.m. Tuesday in the hall."]),
    ("The show airs at 9 p.m. Eastern on Sundays.", ["The show airs at 9 p.m. Eastern on Sundays."]),
    ("Deputies got a tip around 3:30 p.m. That garver was at his parents' house.",
     ["Deputies got a tip around 3:30 p.m. That garver was at his parents' house."]),
    ("They were due back by 5 p.m. that evening, officials said.", ["They were due back by 5 p.m. that evening, officials said."]),
    # a police report's street block after the time is its place, not a sentence (Multi-News capitalized it)
    ("The crash was reported shortly after 9 p.m. In the 1600 block of Marsh Road near Old Mill Road. No one was hurt.",
     ["The crash was reported shortly after 9 p.m. In the 1600 block of Marsh Road near Old Mill Road.", "No one was hurt."]),
    ("The store closed at 9 p.m. In the morning, crews returned to the 300 block of Elm Street.",
     ["The store closed at 9 p.m.", "In the morning, crews returned to the 300 block of Elm Street."]),
    # ... but a sentence that opens with the place and goes on after a comma is a sentence
    ("Police said it happened about 9 p.m. In the 1600 block of Main Street, neighbors heard four shots.",
     ["Police said it happened about 9 p.m.", "In the 1600 block of Main Street, neighbors heard four shots."]),
    ("Doors open at 8 a.m. sharp, and it is no place for a.m. Nobody-fans.",
     ["Doors open at 8 a.m. sharp, and it is no place for a.m. Nobody-fans."]),
])
def test_a_clock_time_ends_a_sentence_before_an_opener(text: str, expected: list[str]) -> None:
    assert split_text(text) == expected


def test_recap_label_is_trimmed() -> None:
    """A live page's "Recap:" label before a paragraph goes; the paragraph stays (lornby-flood). Must-keep: the word
    inside prose."""
    from newsfuse.split import split_document

    texts = [s.text for s in split_document(
        "Recap: Seven people have died and about 230 have been rescued since the river rose overnight Monday.\n\n"
        "The recap: of sorts, the coach said. Recapping the season took the coach an hour.", 0)]
    assert texts[0] == "Seven people have died and about 230 have been rescued since the river rose overnight Monday."
    assert "The recap: of sorts, the coach said." in texts
    assert "Recapping the season took the coach an hour." in texts


def test_a_short_aside_ending_in_a_question_or_exclamation_does_not_end_its_sentence() -> None:
    """Punkt ends a sentence at `? )` or `! )`; a short aside after words of the sentence, and a next piece opening in
    lower case, are one sentence. A whole sentence in parentheses, a long aside and a capitalized next sentence stay
    apart."""
    assert split_text("The council's chairman ( does he ever sleep? ) is pushing a plan to rebuild the bridge. "
                      "It passed.") == [
        "The council's chairman ( does he ever sleep? ) is pushing a plan to rebuild the bridge.", "It passed."]
    assert split_text("Paying tolls on a bridge you already paid for ( hello, lakeport! ) has been a grievance "
                      "for years.") == [
        "Paying tolls on a bridge you already paid for ( hello, lakeport! ) has been a grievance for years."]
    assert split_text("The ferry was late again ( surprise? ) The council said nothing.") == [
        "The ferry was late again ( surprise? )", "The council said nothing."]
    assert split_text("The ferry was late. ( Was anyone surprised? ) the council said nothing.") == [
        "The ferry was late.", "( Was anyone surprised? )", "the council said nothing."]
    assert split_text("The crews worked all night ( we have a plan ready for every girder on that bridge now! ) "
                      "mayor ruiz holds a hard hat at the site.") == [
        "The crews worked all night ( we have a plan ready for every girder on that bridge now! )",
        "mayor ruiz holds a hard hat at the site."]


def test_more_attributions_after_a_quoted_question_continue_its_sentence() -> None:
    """A short attribution with a verb of asking or telling other than "said" (`" ... bridge? "` | `the source
    questioned.`, `ruiz wondered.`) continues the quoted question; a sentence with a clause of its own does not."""
    assert split_text('"did the council feel threatened by the report? " the source questioned. It did not say.') == [
        '"did the council feel threatened by the report? " the source questioned.', "It did not say."]
    assert split_text('"why now? " ruiz wondered aloud. "stop! " the foreman yells at the crew.') == [
        '"why now? " ruiz wondered aloud.', '"stop! " the foreman yells at the crew.']
    assert split_text('"why now? " Ruiz wondered. The council responded that the money was there.') == [
        '"why now? " Ruiz wondered.', "The council responded that the money was there."]
    # (a new sentence whose verb takes an object: not an attribution)
    for question, after in (('"Can you help me?"', "The suspect pleaded guilty to two counts of fraud on Monday."),
                            ('"Is the water safe?"', "Firefighters responded to the plant at 3 a.m. on Sunday."),
                            ('"Why now?"', "Residents questioned the timing of the vote at Tuesday's meeting.")):
        assert split_text(f"{question} {after}") == [question, after]


def test_a_photo_credit_to_a_social_network_before_a_sentence_is_trimmed() -> None:
    """A caption and its `via facebook` credit run into a sentence go; a sentence telling how news was given keeps
    the words."""
    assert split_text('Lakeport mother jane roe john doe via facebook "it was brought to my knowledge, " jane roe '
                      'told reporters.') == ['"it was brought to my knowledge, " jane roe told reporters.']
    assert split_text("Image via instagram since 2008, she has run the ferry.") == ["since 2008, she has run the ferry."]
    assert split_text("via twitter user lakeportnews the old diner will close on July 1.") == [
        "the old diner will close on July 1."]
    for kept in ("The council broke the news via twitter on Wednesday that the bridge would reopen.",
                 "Fans reacted via twitter.", "The mayor posted the plan via facebook and asked for comments.",
                 "Her office released ( via twitter ) a letter to the council.",
                 "Neighbors coordinate via Facebook groups to check on older residents."):
        assert split_text(kept) == [kept]


@pytest.mark.parametrize(("text", "pieces"), [
    # "No." before a number is no sentence end (tests/fixtures/brisk-transit's "the No. 14 bus")
    ("I have ridden the No. 14 bus down Ferrier Avenue for years. It was slow.", 2),
    ("The team is ranked no. 1 in the state after the win on Friday.", 1),
    ("Bus Nos. 3 and 4 were late again on Monday morning.", 1),
    # a "No." that ends a sentence stays an end
    ("Asked whether the line would open early, the mayor said No. The vote was 7-2.", 2),
    # (nor before a year, a count with separators, or after an answer)
    ("Asked whether he would resign, Pelling said no. 2019 was the last time he faced a challenger.", 2),
    ("Voters said no. 2,310 voted against the levy and 1,987 for it.", 2),
    ("Asked whether he would resign, Pelling said no. 14 people had called for it.", 2),
])
def test_a_number_sign_is_no_sentence_end(text: str, pieces: int) -> None:
    from newsfuse.split import split_text

    assert len(split_text(text)) == pieces, split_text(text)


def test_transcript_time_code_and_abstract_labels_are_trimmed() -> None:
    """A podcast transcript's time code before a speaker's label, and a structured abstract's section label, go from a
    sentence's start; the sentence stays (sella-study). Must-keep: the same words in prose."""
    texts = split_text(
        "[00:00:48] ILSE KORVATH: Just over 4,200 people, aged 45 to 85, took part in the trial.\n\n"
        "(01:12) The main side effect was an upset stomach, the researcher said.\n\n"
        "Results: Between March 2020 and August 2023, 4,212 patients were enrolled at 38 hospitals.\n\n"
        "Conclusions and relevance: Low-dose brenacine reduced the risk of a second stroke.\n\n"
        "Results are expected later today, officials said. Findings from the survey were mixed, she said.\n\n"
        "The results: three wins and a draw for the club this month. At 10:30 the council met again.")
    assert texts[0] == "Just over 4,200 people, aged 45 to 85, took part in the trial."
    assert texts[1] == "The main side effect was an upset stomach, the researcher said."
    assert texts[2] == "Between March 2020 and August 2023, 4,212 patients were enrolled at 38 hospitals."
    assert texts[3] == "Low-dose brenacine reduced the risk of a second stroke."
    for kept in ("Results are expected later today, officials said.", "Findings from the survey were mixed, she said.",
                 "The results: three wins and a draw for the club this month.", "At 10:30 the council met again."):
        assert kept in texts, kept


def test_a_wire_flash_dateline_without_a_place_is_trimmed() -> None:
    from newsfuse.split import split_document

    text = "July 30 (Castline) - Shares of Corran Systems were down 9% in premarket trading on Thursday."
    assert split_document(text, 0)[0].text == "Shares of Corran Systems were down 9% in premarket trading on Thursday."
    assert split_document("May 5 (Tuesday) - a note on the agenda.", 0)[0].text.startswith("May 5 (Tuesday)")
