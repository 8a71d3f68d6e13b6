"""Stage 2, clean: must-contain / must-not-contain snippets on fixture pages, edge cases, speed."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from newsfuse.clean import clean_documents, clean_text, split_sentences, strip_tags
from newsfuse.load import load_inputs, outlet_from_stem
from newsfuse.model import Document

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "millbrook"
EXAMPLE = ROOT / "examples" / "lakeport-bridge"
SEEDS = ROOT.parent / "shared" / "data" / "seeds"

# A guard against hangs (quadratic regexes, runaway parsing), not a speed target: speed is
# measured by the benchmarks (scripts/bench_limits.py, BENCHMARKS.md), not by unit tests.
HANG = 60.0


def cleaned(path: Path) -> dict[str, Document]:
    return {d.id: d for d in clean_documents(load_inputs([str(path)]))}


@pytest.fixture(scope="module")
def millbrook() -> dict[str, Document]:
    return cleaned(FIXTURES)


@pytest.fixture(scope="module")
def lakeport() -> dict[str, Document]:
    return cleaned(EXAMPLE)


# --- the fixture cluster ---------------------------------------------------------------------------------

MILLBROOK_KEEP = [
    ("01-millbrook-gazette", "A water main burst under Elm Avenue on Monday evening, cutting off water to about 3,000 homes in Millbrook, the town's utility director said."),
    ("01-millbrook-gazette", '"Our crews will not stop until every home has water again," Park said.'),
    ("01-millbrook-gazette", "Water service was restored to the hospital early Tuesday, the utility said."),  # update stamp cut off
    ("01-millbrook-gazette", "Shop owner Dev Malhotra said the flooding reached the door of his hardware store but did not get inside."),
    ("02-valley-radio", "Helen Park, who directs the utility, said the broken pipe was made of cast iron and dated to 1955."),
    ("02-valley-radio", "The state environmental agency said it would test water samples from the area on Wednesday."),
    ("03-county-wire", "MILLBROOK — A water main under Elm Avenue broke on Monday evening and left roughly 3,000 homes in Millbrook without water, town officials said."),
    ("03-county-wire", "Residents were told to boil their water for 48 hours after service resumes."),
    ("03-county-wire", "Engineers said old cast-iron mains in the region break more often in spring, when the ground thaws and shifts."),
]
MILLBROOK_DROP = [
    "Skip to main content", "Subscribe", "Ruth Baker", "By Oscar Lindqvist", "UPDATE 9:15", "WATCH |",
    "Share this story", "Facebook", "newsletters", "tax-deductible", "nonprofit newsroom", "Next Up", "Mustangs",
    "Farmers market", "All rights reserved", "©", "not text", "console.log", "Donate", "Most Read",
    "journalism awards", "Sections", "SEARCH", "Supported by", "Published On", "Credit", "Lena Ortiz",
    "Water pours across", "A version of this article", "Order Reprints", "Related Coverage", "Site Index",
    "Samuel Achebe", "Privacy", "Workers repair",
]


@pytest.mark.parametrize(("doc", "snippet"), MILLBROOK_KEEP)
def test_millbrook_keeps_story(millbrook: dict[str, Document], doc: str, snippet: str) -> None:
    assert snippet in millbrook[doc].text


@pytest.mark.parametrize("snippet", MILLBROOK_DROP)
def test_millbrook_drops_clutter(millbrook: dict[str, Document], snippet: str) -> None:
    for d in millbrook.values():
        assert snippet not in d.text, (d.id, snippet)


@pytest.mark.parametrize(
    ("doc", "title", "source", "date"),
    [
        ("01-millbrook-gazette", "Water Main Break Leaves Millbrook Homes Dry", "Millbrook Gazette", "2025-05-06"),
        ("02-valley-radio", "Thousands in Millbrook without water after main breaks", "Valley Public Radio", "2025-05-06"),
        ("03-county-wire", "Pipe Break Cuts Water to Thousands in Millbrook", "County Wire", "2025-05-06"),
    ],
)
def test_millbrook_metadata(millbrook: dict[str, Document], doc: str, title: str, source: str, date: str) -> None:
    d = millbrook[doc]
    assert (d.title, d.source, d.date, d.is_html) == (title, source, date, False)


def test_same_length_and_order() -> None:
    docs = [Document(text="Menu\nHome\n", id="a"), Document(text="The pipe broke on Monday, the utility said.", id="b")]
    out = clean_documents(docs)
    assert [d.id for d in out] == ["a", "b"]
    assert out[0].text == "" and out[1].text == "The pipe broke on Monday, the utility said."


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\u00a0", " ")).strip()


@pytest.mark.parametrize("path", [FIXTURES, EXAMPLE, SEEDS])
def test_sentences_are_verbatim(path: Path) -> None:
    """Every kept sentence appears word for word in the raw input (whitespace aside)."""
    if not path.exists():
        pytest.skip(f"{path} not present")
    raw = load_inputs([str(path)])
    for before, after in zip(raw, clean_documents(raw), strict=True):
        source = norm(before.text)
        for para in after.text.split("\n\n"):
            for sentence in split_sentences(para):
                assert norm(sentence) in source, (before.id, sentence)


# --- line rules, table-driven ----------------------------------------------------------------------------

STORY = "The Fulton Street Bridge was closed on Tuesday after inspectors found cracks in two steel girders."
CASES = [
    # (name, input text, must contain, must not contain)
    ("update stamp alone", f"UPDATE 4:25 p.m. EST:\n\n{STORY}", [STORY], ["UPDATE"]),
    ("update stamp prefix", f"UPDATE 9:06 a.m.: {STORY}", [STORY], ["9:06"]),
    ("update with date", f"UPDATE March 2, 7:24 a.m.:\n\n{STORY}", [STORY], ["7:24"]),
    ("update comma", f"Update, 3:30 p.m.\n\n{STORY}", [STORY], ["3:30"]),
    ("word update kept", f"Updates to the bridge schedule will be posted online by the city next week.\n\n{STORY}", ["Updates to the bridge"], []),
    ("AP credit caption", f"Barricades block the bridge on Tuesday in Lakeport. (AP Photo/Jane Roe)\n\n{STORY}", [STORY], ["AP Photo", "Barricades"]),
    ("slash credit", f"Jane Roe/AP\n\n{STORY}", [STORY], ["Jane Roe"]),
    ("image caption", f"Image: Crews inspect the girders of the bridge on Monday.\n\n{STORY}", [STORY], ["Crews inspect"]),
    ("image by", f"Image by Jane Roe/The Lakeport Ledger\n\n{STORY}", [STORY], ["Jane Roe"]),
    ("ie 11", f"IE 11 is not supported. For an optimal experience visit our site on another browser.\n\n{STORY}", [STORY], ["IE 11"]),
    ("skip", f"Skip to content\n\n{STORY}", [STORY], ["Skip"]),
    ("advertisement", f"{STORY}\n\nAdvertisement\n\n{STORY}", [STORY], ["Advertisement"]),
    ("watch", f"{STORY}\n\nWATCH | The mayor explains the closure of the bridge.", [STORY], ["WATCH"]),
    ("related", f"{STORY}\n\nRelated: Lakeport approves a new road repair budget for the year.", [STORY], ["Related"]),
    ("developing", f"{STORY}\n\nThis is a developing story. Check back for updates.", [STORY], ["developing"]),
    ("copyright", f"{STORY}\n\nCopyright 2024 The Lakeport Ledger. All rights reserved.", [STORY], ["Copyright"]),
    ("social icons", f"{STORY}\n\nFacebook Twitter Instagram Pinterest Linked In List Menu Enlarge", [STORY], ["Pinterest"]),
    ("newsletter", f"{STORY}\n\nSign up for our newsletters to get the news in your inbox.", [STORY], ["newsletters"]),
    ("donation", f"{STORY}\n\nPlease make a tax-deductible donation today; your gift will be matched.", [STORY], ["donation"]),
    ("we-you pitch", f"{STORY}\n\nWe knew we had to do something to save local journalism, and you can help us.", [STORY], ["We knew"]),
    ("quoted we kept", f'"We are not going to gamble with lives," the mayor said of the bridge closure.\n\n{STORY}', ["We are not going to gamble"], []),
    ("byline line", f"By Jonah Whitcomb and Ann Lee October 15, 2024\n\n{STORY}", [STORY], ["Whitcomb"]),
    ("not prose", f"Harbor Hawks\n\n{STORY}\n\nKirill Smith", [STORY], ["Hawks", "Kirill"]),
    ("repeated caption", f"{STORY}\n\n" + "The mayor explains why the bridge was closed today.\n\n" * 3, [STORY], ["mayor explains"]),
    ("twice is fine", f"{STORY}\n\nThe mayor said the bridge would reopen in the spring.\n\n" * 2, ["reopen in the spring"], []),
    ("pull quote", f"{STORY}\n\nThere was absolutely nothing wrong with the old inspection.\nPriya Raman\n\n{STORY}", [STORY], ["absolutely nothing"]),
    ("trailer cuts rest", f"{STORY}\n\nNext Up\n\nA dog was rescued from a frozen pond in Millbrook on Sunday.", [STORY], ["dog"]),
    ("related coverage", f"{STORY}\n\nRelated Coverage\nCity approves parking rules downtown for next year.", [STORY], ["parking"]),
    ("we recommend", f"{STORY}\n\nWe Recommend\n\nSave big on a full year of investigations and ideas.", [STORY], ["Save big"]),
    ("comment widget", f"{STORY}\n\nWe have a new comment system! We'd love your feedback.", [STORY], ["comment"]),
    ("here's embed", f"{STORY}\n\nHere's the mayor's statement on the closure.", [STORY], ["Here's"]),
    ("contributed", f"{STORY}\n\nThe Associated Press contributed to this report.", [STORY], ["Associated Press"]),
    ("hard-wrapped paragraph", "The Fulton Street Bridge was closed on Tuesday after\ninspectors found cracks in two steel girders under\nthe deck, the mayor said.", ["The Fulton Street Bridge was closed on Tuesday after inspectors found cracks in two steel girders under the deck, the mayor said."], []),
    ("curly close quote", f'{STORY}\n\nShe said the decision was "the right call. "', ['"the right call. "'], []),
    # sign-up, log-in and cookie notices, alone or run into a long paragraph
    ("unsubscribe", f"{STORY}\n\nYou can unsubscribe at any time and we will not pass on your information.", [STORY], ["unsubscribe"]),
    ("sign up", f"{STORY}\n\nSign up never miss a local story.", [STORY], ["Sign up"]),
    ("first to know", f"{STORY}\n\nBe the first to know about new stories from PowerPost.", [STORY], ["first to know"]),
    ("all set", f"{STORY}\n\nYou're all set!", [STORY], ["all set"]),
    ("log in notice", f"{STORY}\n\nNotice you must log in to continue.", [STORY], ["log in"]),
    ("trial", f"{STORY}\n\nSign up today for a free 30 day free trial of unlimited digital access.", [STORY], ["trial"]),
    ("cookies", f"{STORY} " * 3 + "If you continue without changing your cookie settings, you consent to receiving all cookies on our website. " + STORY,
     [STORY], ["cookie"]),
    ("email updates", f"{STORY} " * 3 + "You'll receive free e-mail news updates each time a new story is published. " + STORY, [STORY], ["e-mail"]),
    # a web archive's crawl notes prepended to the page it served; a story about the archive keeps its words
    ("archive note", "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet Archive. Flowing in every day, "
     f"these data are added to the Wayback Machine after an embargo period. {STORY} {STORY}", [STORY], ["crawl", "Wayback"]),
    ("long archive note", "Crawl of outlinks from example.org started in May. These files are currently not publicly accessible. "
     "Properties of this collection. It has been two years since we last did this. For this collection, several things were "
     "done: 1. Turned off duplicate detection. 2. The first runs were only against the enwiki. The seed list was built from "
     f"all 400 collections.\n\n{STORY}", [STORY], ["two years", "Turned off", "first runs", "seed list"]),
    ("archive story kept", "The Internet Archive said on Monday that its Wayback Machine now holds 900 billion pages, up from 800 billion. "
     "Its founder said the library would keep growing.", ["Wayback Machine now holds 900 billion pages"], []),
    # character references a scraper left in plain text; unknown ones and newswire codes are not references
    ("entities", f"AT&amp;T and the city&#8217;s union agreed on Monday to end the strike at the plant. {STORY}",
     ["AT&T and the city\u2019s union agreed", STORY], ["&amp;", "&#8217;"]),
    ("not entities", f"The R&D;budget and the &data; field stay as written in the report, officials said. {STORY}",
     ["R&D;budget", "&data; field"], []),
    # newswire typesetting codes, editing notes and slugs (DUC/TAC-era AP and NYT wire copy)
    ("nyt codes", f"&UR; SEOUL, South Korea &LR; _ {STORY}", ["SEOUL, South Korea _ " + STORY], ["&UR;", "&LR;"]),
    ("optional trim", f"{STORY}\n\n(STORY CAN END HERE. OPTIONAL 2ND TAKE FOLLOWS.)\n\n{STORY}", [STORY], ["OPTIONAL"]),
    ("more slug", f"{STORY}\n\n(MORE)\n\nMore than 100 people attended the meeting in the capital, the ministry said.\n\nNYT-10-01-98 1915EDT",
     [STORY, "More than 100 people attended"], ["(MORE)", "NYT-10"]),
    # a copy whose lines were joined: the slug is glued to the last sentence, which stays
    ("glued wire slug", f"{STORY}\n\nThe opposition vowed to keep up its protests. AP-NY-10-16-98 0323EDT",
     [STORY, "The opposition vowed to keep up its protests."], ["AP-NY", "0323EDT"]),
    ("wire slug line", f"{STORY}\n\nAP-NY-10-16-98 0323EDT", [STORY], ["AP-NY"]),
    # embedded widgets' text: Twitter's location notice, a video player's messages, sign-up confirmations,
    # alone, run together in a short paragraph, or run into the story
    ("tweet location", f"{STORY}\n\nTweet with a location you can add location information to your tweets, such as your city or "
     "precise location, from the web and via third-party applications. You always have the option to delete your tweet "
     "location history. Learn more", [STORY], ["location", "Learn more"]),
    ("legacy twitter", f"{STORY}\n\nWe've detected that JavaScript is disabled in your browser. Would you like to proceed to legacy "
     "Twitter?", [STORY], ["JavaScript", "legacy"]),
    ("video player", f"{STORY}\n\nRating is available when the video has been rented. This feature is not available right now. "
     "Please try again later.", [STORY], ["Rating", "feature", "later"]),
    ("widget in story", f"{STORY} The interactive transcript could not be loaded. {STORY} Media requires JavaScript to play. {STORY}",
     [STORY], ["transcript", "JavaScript"]),
    ("lower-case after question", f"{STORY}\n\nInterested in the bridge? add as an interest to stay up to date on the latest "
     "news, video, and analysis from Lakeport News.", [STORY], ["add as an interest"]),
    ("registration", f"{STORY}\n\nAlready have an account? we have sent a confirmation email to you. Thank you for registering!",
     [STORY], ["account", "confirmation", "registering"]),
    ("metered paywall", f"{STORY}\n\nWelcome to lakeportnews.com! Website visitors may access up to five articles a month for free "
     "without a subscription. Learn more about our subscription plans.", [STORY], ["Welcome", "five articles", "plans"]),
    ("leaving notice", f"{STORY}\n\nExternal link you are about to leave lakeport.gov for an external website that is not "
     "maintained by the city. If you wish to remain on lakeport.gov, click the cancel message.", [STORY], ["External", "remain"]),
    # page layouts of tests/fixtures/marigold-ferry: a comment section under a counted heading, a note's label, a consent
    # wall's ad-tech text, an explainer's table of contents and numbered questions, a pull quote, a writer's bio
    ("comment section", f"{STORY}\n\n{STORY}\n\n{STORY}\n\nComments (38)\n\nlakegirl_77\n3 hours ago\nMy dad was on that "
     "boat and he said the crew were amazing.\nReply\nReport\nLike 41", [STORY], ["Comments", "My dad", "Reply", "Like 41"]),
    ("comment count", f"{STORY}\n\n{STORY}\n\n{STORY}\n\n12 comments\n\nI drive over that bridge every day and never saw a "
     "crack in it.", [STORY], ["comments", "I drive"]),
    ("comment link atop", f"The bridge is closed.\n\n3 Comments\n\n{STORY}\n\nRepairs will take at least six weeks, the city "
     "engineer said on Monday.", [STORY, "Repairs will take"], ["3 Comments"]),
    ("editor's note", f"{STORY}\n\nEditor\u2019s note: An earlier version of this story misstated the year the bridge was built. "
     "It was built in 1961.", [STORY], ["Editor", "1961"]),
    ("clarification", f"{STORY}\n\nClarification: This story has been updated to say the bridge carries two lanes each way.",
     [STORY], ["Clarification", "lanes"]),
    ("corrections officers kept", f"Corrections officers said on Monday that the bridge had been closed to prison buses. {STORY}",
     ["Corrections officers said"], []),
    ("consent wall", "Lakeport News values your privacy\n\nWe and our 214 partners store and/or access information on a device, "
     "such as cookies, and process personal data for personalised ads and content.\n\nWith your permission we and our "
     "partners may use precise geolocation data. You may click to consent to our and our partners' processing as described "
     f"above.\n\nI Accept\n\n{STORY}", [STORY], ["privacy", "partners", "geolocation", "consent"]),
    ("partners in prose kept", f'"We and our partners are working around the clock," the utility said of the bridge. {STORY}',
     ["We and our partners are working"], []),
    ("table of contents", f"In this article\n1. What happened to the bridge?\n2. Who is paying for repairs?\n\nJump to: Closure | "
     f"Repairs | Cost\n\n1. What happened to the bridge?\n\n{STORY}\n\n2. Who is paying for repairs?\n\nThe state will pay for "
     "most of the repairs, the governor said.", [STORY, "The state will pay"], ["In this article", "What happened", "Jump to",
                                                                                "Who is paying"]),
    ("numbered point kept", f"{STORY}\n\n1. The bridge was built in 1961 and last repaired in 1998.", ["1. The bridge was built"], []),
    ("pull quote repeated", f'{STORY}\n\n"We will not gamble with the lives of drivers. Not once."\n\n"We will not gamble with the '
     'lives of drivers. Not once," the mayor said on Tuesday.', ['"We will not gamble with the lives of drivers. Not once," the mayor'],
     ['Not once."']),
    ("lone quote kept", f'{STORY}\n\n"We will not gamble with the lives of drivers. Not once."\n\nThe mayor said the bridge would '
     'reopen in May.', ['Not once."'], []),
    ("writer's bio", f"By Jane Roe\n\n{STORY}\n\nJane Roe covers transportation for the Ledger. Reach her at jroe@ledger.example.",
     [STORY], ["covers transportation"]),
    ("someone else's profile kept", f"By Jane Roe\n\n{STORY}\n\nMarcus Hill covers the cost of the repairs himself, he said.",
     ["Marcus Hill covers"], []),
    ("script and size widgets", f"{STORY}\n\nIt appears that software on your computer is blocking JavaScript. "
     "Small ( s ) has the shortest download time and is suitable for digital use.", [STORY], ["JavaScript", "download"]),
    ("version pointer", f"A revised version of this article appears here. For the latest news on this report, click here.\n\n{STORY}",
     [STORY], ["revised version", "click here"]),
    ("leaving kept", "You are leaving the harbor in better shape than you found it, the mayor told the crew.",
     ["You are leaving the harbor"], ["External"]),
    # mojibake (UTF-8 read as Windows-1252), also as a re-tokenized copy splits it; correct accents stay
    ("mojibake", f"The mayorâ€™s office said the bridge â\x80\x93 closed since May â\x80\x93 would reopen. {STORY}",
     ["The mayor’s office said the bridge – closed since May – would reopen."], ["â"]),
    ("spaced mojibake", f"Sarah palinâ€ ™s father spoke about the trip on monday, the paper said. {STORY}",
     ["Sarah palin’s father spoke"], ["â", "™"]),
    # a replacement character that lost a curly quote's bytes: an apostrophe, an opening or a closing quote by its place
    ("lost quotes", f"The county\ufffds clerk said \ufffdthe process was broken, \ufffd and the law.\ufffd {STORY}",
     ["The county’s clerk said “the process was broken, ” and the law.”"], ["\ufffd"]),
    ("lost mojibake quotes", f"He sang the song \u00e2\ufffd\ufffdme and mrs. Jones\u00e2\ufffd\ufffd on the night. {STORY}",
     ["He sang the song “me and mrs. Jones” on the night."], ["\ufffd"]),
    ("lost single quote", f"The rapper shares the \ufffd?emotional ' way he found out, the paper said. {STORY}",
     ["shares the ‘emotional ' way"], ["\ufffd"]),
    ("lost dash", f"The song was written by mr. Gamble \u00e2\ufffd\ufffd kenny gamble, the label said. {STORY}",
     ["written by mr. Gamble — kenny gamble, the label said."], ["\ufffd"]),
    ("lost closing quote and its byte", f'"my brother died a hero, \ufffd? his sister said, and "he knew it.\ufffd? {STORY}',
     ['"my brother died a hero, ” his sister said, and "he knew it.”'], ["\ufffd"]),
    ("lost letters, nothing guessed", f"President nicol\ufffds maduro met l\ufffdpez on Monday, officials said. {STORY}",
     ["nicol\ufffds maduro met l\ufffdpez"], ["’"]),
    ("lost letter kept", f"The caf\ufffd au lait was cold, the owner said on Monday. {STORY}", ["caf\ufffd au lait"], []),
    ("accents kept", f"The café owner, a naïve résumé writer, said “no” on Monday. {STORY}",
     ["The café owner, a naïve résumé writer, said “no” on Monday."], []),
    ("learning kept", "Students will learn more about bridges in a new course. "
     "Inspectors said they would try again later in the week to reach the deck.",
     ["learn more about bridges", "try again later in the week"], []),
    # correction notes, contributor lines, paywall small print, app pitches, a radio transcript's note
    ("corrected note", f"This story has been corrected to show that the fire started on Saturday, not Friday.\n\n{STORY}",
     [STORY], ["corrected"]),
    ("earlier version note", f"{STORY}\n\nAn earlier version of this article misstated the number of girders.", [STORY], ["earlier version"]),
    ("corrected girder kept", f"The girder was corrected by welders before the bridge reopened on Friday.\n\n{STORY}",
     ["The girder was corrected"], []),
    ("contributed from", f"{STORY}\n\nAssociated Press writer Jane Roe contributed from Denver.", [STORY], ["Jane Roe"]),
    ("contributed kept", f"Local writers and artists contributed to the fund that repaired the bridge in 2019.\n\n{STORY}",
     ["Local writers and artists contributed"], []),
    ("unlimited access", f"{STORY}\n\nGet unlimited digital access for just $1 for 6 months.\n\nCancel anytime.",
     [STORY], ["unlimited", "Cancel"]),
    ("app pitch", f"{STORY}\n\nDownload the free Channel 7 app for breaking news alerts on your phone.", [STORY], ["Download"]),
    ("app pitch for the latest", f"{STORY}\n\nFor the latest on traffic in your neighborhood, check the Channel 7 Traffic app.",
     [STORY], ["Traffic app"]),
    ("app review kept", f"Open the app and the first thing you notice is a map of every bridge closed in the county.\n\n{STORY}",
     ["Open the app and the first thing"], []),
    ("app store kept", f"Check the app store rankings and you will find three copies of the county's detour app.\n\n{STORY}",
     ["Check the app store rankings"], []),
    ("researchers contributed kept", f"More than 40 engineers from 12 countries contributed to the inspection of the girders."
     f"\n\n{STORY}\n\nPhotographers from around the world contributed.", ["More than 40 engineers", "Photographers from"], []),
    ("report history kept", f"An earlier version of this report, released in 2015, found no cracks in the girders.\n\n{STORY}"
     "\n\nThis report was corrected after the agency found errors in its data on the girders.",
     ["released in 2015", "This report was corrected"], []),
    ("app story kept", f"Drivers can check the city's detour map in the Lakeport 311 app, officials said.\n\n{STORY}",
     ["Lakeport 311 app"], []),
    ("transcript note", f"{STORY}\n\nTranscript note: This transcript was created on a rush deadline. Accuracy and availability "
     "may vary. The authoritative record of WKRP programming is the audio record.", [STORY], ["rush deadline", "Accuracy",
                                                                                            "authoritative"]),
    # a photo's caption on the line above its credit; a story's line above a credit is kept
    ("caption above credit", f"{STORY}\n\nA worker inspects a cracked girder under the bridge on Monday.\nJane Roe / Lakeport Ledger"
     f"\n\n{STORY}", [STORY], ["inspects", "Jane Roe"]),
    ("caption above photo credit", f"{STORY}\n\nCommuters wait for the ferry at Pier 4.\nPhoto: Jane Roe / Staff", [STORY],
     ["Commuters wait"]),
    ("story above credit kept", f"{STORY}\n\nThe city closed the bridge on Tuesday, the mayor said.\nJane Roe / Lakeport Ledger",
     ["The city closed the bridge on Tuesday"], ["Jane Roe"]),
    ("caption apart from credit kept", f"{STORY}\n\nA worker inspects a cracked girder under the bridge on Monday.\n\nJane Roe / "
     "Lakeport Ledger", ["A worker inspects"], ["Jane Roe"]),
    # an author box: the name on a line, then a paragraph about the writer that opens with it
    ("author box", f"{STORY}\n\nTessa Nakamura\nTessa Nakamura is WKRP's Lakeport reporter. She covers transportation.",
     [STORY], ["Nakamura", "covers transportation"]),
    ("about author box", f"{STORY}\n\nAbout Hannah Liu\nHannah Liu covers county government for the Ledger.", [STORY], ["Hannah Liu"]),
    ("profile subheads kept", f"{STORY}\n\nMarcus Hill\nMarcus Hill joined the Army at 18 and served two tours overseas."
     "\n\nLi Wei\nLi Wei covers the cost of her own medication.", ["joined the Army", "covers the cost"], []),
    ("credit before its caption", f"{STORY}\nThe bridge carries about 12,000 cars a day.\nPhoto: Jane Roe / Staff\n"
     "A worker inspects a cracked girder.", ["12,000 cars a day"], ["Jane Roe"]),
    ("name then story kept", f"{STORY}\n\nPriya Raman\nPriya Raman is the city engineer who found the cracks on Monday.",
     ["Priya Raman is the city engineer"], []),
    # a box of links inside the article: its heading goes, the story after it stays; a sidebar still ends the page
    ("inline related box", f"{STORY}\nThe cracks were found in the girders during a state inspection on Monday.\n\nRecommended for you\n\n"
     "Inspectors said the cracked girders must be replaced before the bridge can reopen.\n\n"
     "The state inspection of the girders found two cracks near the east pier.",
     [STORY, "Inspectors said the cracked girders", "near the east pier"], ["Recommended"]),
    ("inline box then sidebar", f"{STORY}\n\nRelated\n\nHawks beat Riverton 24-21 in overtime on Friday night.\n\n"
     "The quarterback threw for three touchdowns in the win.", [STORY], ["Hawks", "quarterback"]),
    ("crawling seals kept", "More than 20 seals were seen crawling up the beach. These crawls happened on three nights in a row, "
     "the wildlife trust said.", ["crawling up the beach", "These crawls happened"], []),
    # text extracted from a PDF (tests/fixtures/kestrel-recall): words hyphenated at a line's end, a heading in capitals
    # over its paragraph, a paragraph cut by a page's running footer and header, a table beside a column of prose
    ("line-end hyphen", "The Fulton Street Bridge was closed on Tuesday after an investi-\ngation by state inspectors found "
     "cracks\nin two steel girders under the deck, the city engineer said.", ["after an investigation by state"], ["investi-"]),
    ("compound hyphen kept", "The well-known bridge was closed on Tuesday after inspectors found that the well-\nknown cracks "
     "in two steel girders had grown longer over the summer months.", ["the well-known cracks"], ["wellknown"]),
    ("dash at line end kept", "The bridge was closed on Tuesday after inspectors found cracks --\nthe city engineer said the "
     "girders could not be trusted.", ["cracks -- the city"], []),
    ("caps heading apart", "SUMMARY\nThe Fulton Street Bridge was closed on Tuesday after inspectors\nfound cracks in two steel "
     "girders under the deck.", ["The Fulton Street Bridge was closed on Tuesday after inspectors found cracks"], ["SUMMARY"]),
    ("caps wire copy kept", "THE FULTON STREET BRIDGE WAS CLOSED ON TUESDAY\nAFTER INSPECTORS FOUND CRACKS IN TWO STEEL GIRDERS.",
     ["TUESDAY AFTER INSPECTORS"], []),
    ("page break", "Drivers should use the Canal Avenue bridge until the repairs are done, and trucks\nover ten tons "
     "should take the state highway around the harbor and\n\nPage 1 of 2\n\n"
     "avoid the downtown streets, the city engineer said on Tuesday.", ["around the harbor and avoid the downtown streets"],
     ["Page 1"]),
    ("lower-case block after a heading kept apart", "Bridge closure\n\niPhone users can follow the detour in the city's app, "
     "the city engineer said.", ["iPhone users can follow"], ["closure iPhone"]),
    ("column rows", f"{STORY}\n\nDISTRICT         CARS            WHAT DRIVERS SHOULD DO\nHarbor           4,000           "
     "Use the Canal Avenue bridge and\nDowntown         9,000           expect delays at rush hour.\n\n" + STORY
     + "\n\nRepairs will take at least six weeks, the city engineer said.\n\nAbout 18,000 vehicles use the bridge a day.",
     [STORY], ["Harbor", "expect delays"]),
    ("spaced line kept", f"{STORY}    Repairs will take at least six weeks, the city engineer said.", ["six weeks"], []),
    # a forwarded newsletter: a sponsor's block, the forwarding pitch, why it was sent, the sign-off
    ("sponsor block", f"PRESENTED BY ACME TRACE\nKnow where every pallet came from. Acme lot tracing finds it in hours.\n"
     f"Book a demo\n\n{STORY}", [STORY], ["pallet", "Acme"]),
    ("newsletter furniture", f"{STORY}\n\nThat's it for this week. See you Tuesday.\n\nForward this to a colleague. Did "
     "someone forward this to you? Subscribe here.\nYou're receiving this email because you signed up at ledger.example.",
     [STORY], ["That's it", "Forward", "receiving"]),
    # a press release: a heading under the last paragraph is not a pull quote's speaker; the disclaimer goes
    ("about heading not a speaker", f"{STORY}\nConsumers with questions may call the company at 1-800-555-0100.\nAbout "
     "Acme Foods\nAcme Foods was founded in 1962 and makes cheese in Lakeport.", ["Consumers with questions"], []),
    ("forward-looking statements", f"{STORY}\n\nForward-Looking Statements\nThis press release contains forward-looking "
     "statements that are subject to risks and uncertainties. Acme undertakes no obligation to update them.",
     [STORY], ["forward-looking", "undertakes"]),
    ("disclaimer without heading", f"{STORY}\n\nThis press release contains forward-looking statements about the repairs. "
     "Acme undertakes no obligation to update any forward-looking statement.", [STORY], ["forward-looking"]),
    # a TV station's weather widget
    ("weather widget", f"72°\nLakeport, Partly Cloudy\nH: 78° L: 55°\n7-Day Forecast\n\n{STORY}", [STORY], ["°", "Forecast"]),
    ("degrees in prose kept", "It was 104° in Lakeport on Tuesday when the girders cracked, the city engineer said.", ["104°"], []),
    # false positives of the rules above (fpreview2): prose they must leave alone
    ("compound split at a line end keeps its hyphen", "The council approved a plan for the harbor that sets out a long-\nterm "
     "budget for the docks on Tuesday after a tense follow-\nup hearing that ran late into the night and drew\na large "
     "crowd of residents from the east side of town.", ["a long-term budget", "a tense follow-up hearing"], ["longterm"]),
    ("justified prose is no column", f"{STORY}\n\nResidents said the    closure would add an hour to their commute, and\n"
     "several shop owners at the meeting    warned that they could lose customers.\n\n" + STORY
     + "\n\nRepairs will take at least six weeks, the city engineer said.\n\nAbout 18,000 vehicles use the bridge a day.",
     ["closure would add an hour", "owners at the meeting warned"], []),
    ("story subheads like sponsor labels kept", f"{STORY}\n\nPowered by volunteers\nThe co-op has no paid staff; forty "
     "residents take turns at the panels.\n\nA message from the principal\nStudents will help install the next array "
     "in the spring, the principal wrote.", ["forty residents", "Students will help"], []),
    ("a lawsuit's sentence about a disclaimer kept", f"{STORY} The lawsuit argues that Acme, which undertakes no "
     "obligation to update forward-looking statements, misled investors.", ["The lawsuit argues"], []),
    ("a narrow column's wrapped line is no heading", "The company cut its\noutlook and said its\nforward-looking "
     "statements\nwere now out of date,\naccording to the filing.", ["statements were now out of date"], []),
]


@pytest.mark.parametrize(("name", "text", "must", "must_not"), CASES, ids=[c[0] for c in CASES])
def test_line_rules(name: str, text: str, must: list[str], must_not: list[str]) -> None:
    out = clean_text(text)
    for s in must:
        assert s in out, (name, out)
    for s in must_not:
        assert s not in out, (name, out)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (f"I-84 eastbound crash near Exit 12, left lane blocked\n\nBridge Closed After Inspectors Find Cracks in Girders\n\n"
         f"{STORY}", "Bridge Closed After Inspectors Find Cracks in Girders"),  # (a traffic widget's line over the headline)
        (f"Home\nNews\n\nBridge Closed After Inspectors Find Cracks\n\n{STORY}", "Bridge Closed After Inspectors Find Cracks"),
        # (a headline in its own words, sharing one word with the lead, is not passed over for the dek under it)
        ("A bridge too far for the river town\n\nFulton Street Bridge closed after inspectors find cracks in girders\n\n"
         f"{STORY}", "A bridge too far for the river town"),
        (f"Update: Lakeport shuts the Fulton Street Bridge\n\n{STORY}", "Lakeport shuts the Fulton Street Bridge"),
        (f"The Ledger\n\nCouncil member demands audit as bridge stays shut\n\n{STORY}", "Council member demands audit as bridge stays shut"),
    ],
)
def test_headline_becomes_title(text: str, title: str) -> None:
    [d] = clean_documents([Document(text=text, id="x")])
    assert d.title == title and title not in d.text


def test_given_title_source_date_kept() -> None:
    [d] = clean_documents([Document(text=f"Other Headline Here Today\n\n{STORY}", id="x", title="T", source="S", date="2024-01-01")])
    assert (d.title, d.source, d.date) == ("T", "S", "2024-01-01")


# --- flattened pages -----------------------------------------------------------------------------------

FLAT = (
    "Sections SEARCH Skip to content Skip to site index Politics Subscribe Log In Advertisement Supported by "
    "Lakeport Shuts Busy Bridge Over Cracked Girders Video Crews close the bridge on Tuesday. "
    "Published On Oct. 15, 2024 Credit Image by Sam Delacroix/Great Lakes Wire By Alana Brightwater Oct. 15, 2024 "
    + " ".join(f"Sentence number {i} of the story says the bridge carries 18,000 vehicles a day." for i in range(12))
    + " Image Traffic crawls over the Canal Avenue bridge. Credit Sam Delacroix for Great Lakes Wire "
    "A Timeline of the Bridge Closure From Inspection To Repairs The key events. Oct. 15, 2024 "
    "The mayor said the bridge would reopen in December. Reporting was contributed by Ann Lee from Lakeport. "
    "A version of this article appears in print on Oct. 16, 2024. Order Reprints | Today's Paper | Subscribe "
    "Related Coverage State Lists Poor Bridges Sept. 3, 2024 Site Index Go to Home Page news world U.S. politics "
    "© 2024 Great Lakes Wire Company Contact Us"
)


def test_flattened_page() -> None:
    [d] = clean_documents([Document(text=FLAT, id="wire")])
    assert d.title == "Lakeport Shuts Busy Bridge Over Cracked Girders"
    assert d.date == "2024-10-15"
    assert d.text.startswith("Sentence number 0 of the story")
    assert "Sentence number 11 of the story says the bridge carries 18,000 vehicles a day." in d.text
    assert "The mayor said the bridge would reopen in December." in d.text
    for bad in ("Sections", "Subscribe", "Video", "Published On", "Credit", "Delacroix", "Traffic crawls", "Timeline",
                "Reporting was", "A version", "Reprints", "Related Coverage", "Site Index", "©"):
        assert bad not in d.text, bad
    assert "\n\n" in d.text  # re-paragraphed
    assert d.source == "Great Lakes Wire"  # the footer's copyright notice names the outlet


def test_flattened_page_keeps_a_given_source() -> None:
    [d] = clean_documents([Document(text=FLAT, id="wire", source="Lakeport Ledger")])
    assert d.source == "Lakeport Ledger"


_STORY = (
    "Lakeport shuts its busiest bridge\n\n"
    "The city closed the Fulton Street Bridge on Tuesday after inspectors found cracks in two of its steel girders.\n\n"
    "Repairs will take six weeks, and the bridge carries 18,000 vehicles a day, the city's engineer said.\n\n"
)


@pytest.mark.parametrize(
    ("tail", "source"),
    [
        # the outlet's own pitches name it: the one to send and to help
        ("Subscribe and we'll send The Harbor Ledger straight to your inbox.\n\nSupport our journalism\n\n"
         "Help The Harbor Ledger's reporters dig deep with a tax-deductible donation.\n", "The Harbor Ledger"),
        # a newsletter's name in two pitches is not the outlet's: no pitch asks to support it
        ("Get the Morning Briefing newsletter in your inbox every day.\n\n"
         "Sign up for Morning Briefing, our newsletter, and subscribe for free.\n", None),
        # two names in as many pitches: no way to tell which is the outlet
        ("Support Harbor Ledger journalism with a donation to Lakeport Public Media today.\n\n"
         "Help Lakeport Public Media and Harbor Ledger reporters with a tax-deductible donation.\n", None),
        ("Help The Harbor Ledger's reporters dig deep with a tax-deductible donation.\n", None),  # one pitch
    ],
)
def test_the_outlet_named_by_its_own_pitches(tail: str, source: str | None) -> None:
    [d] = clean_documents([Document(text=_STORY + tail, id="03_9f2c1ab4")])
    assert d.source == (source or "03_9f2c1ab4")
    assert "Fulton Street Bridge" in d.text and "inbox" not in d.text and "donation" not in d.text
    [given] = clean_documents([Document(text=_STORY + tail, id="03_9f2c1ab4", source="Lakeport Daily")])
    assert given.source == "Lakeport Daily"


def test_split_sentences_abbreviations() -> None:
    text = "Mr. Sessions met Sen. Franken in Washington, D.C. on Monday. He said no. The U.S. Senate voted."
    assert split_sentences(text) == ["Mr. Sessions met Sen. Franken in Washington, D.C. on Monday.", "He said no.", "The U.S. Senate voted."]


# --- relevance -----------------------------------------------------------------------------------------


TEASERS = "\n\n".join([
    "Hawks hold on to beat Riverton 24-21 in overtime at home on Friday.",
    "Firefighters rescued a dog from a frozen pond in Millbrook on Sunday.",
    "Forecasters expect the first frost across the region this weekend.",
    "A popular taco truck opens its first restaurant on Elm Avenue soon.",
])


def story(outlet: str) -> str:
    return "\n\n".join([
        f"The Fulton Street Bridge in Lakeport was closed on Tuesday after inspectors found cracks in two steel girders, {outlet} reported.",
        "Mayor Dana Whitfield said the bridge, which carries 18,000 vehicles a day, would stay closed for six weeks of repairs.",
        "City engineer Priya Raman said the girder repairs would cost about $4.2 million and take at least six weeks.",
        "Drivers are being detoured over the Canal Avenue bridge during the closure, the city said.",
    ])


def test_unrelated_block_without_heading_dropped() -> None:
    docs = [Document(text=story("the Ledger") + "\n\n" + TEASERS, id="a"), Document(text=story("the Courier"), id="b"),
            Document(text=story("the Wire"), id="c")]
    out = clean_documents(docs)
    assert "Mayor Dana Whitfield" in out[0].text
    for t in ("Hawks", "frozen pond", "frost", "taco"):
        assert t not in out[0].text


def test_single_unique_detail_kept() -> None:
    detail = "Teresa Vukovich, who runs the Blue Kettle Cafe, said half of her morning customers walk across."
    text = story("the Ledger").replace("Drivers are", detail + "\n\nDrivers are")
    out = clean_documents([Document(text=text, id="a"), Document(text=story("the Wire"), id="b")])
    assert detail in out[0].text


def test_single_document_cluster_cleaned() -> None:
    [d] = clean_documents([Document(text="Menu\nHome\n\nBridge Shut After Cracks Found\n\n" + story("the Ledger") + "\n\nNext Up\n\n" + TEASERS, id="a")])
    assert d.title == "Bridge Shut After Cracks Found"
    assert "Priya Raman" in d.text and "taco" not in d.text and "Menu" not in d.text


# --- non-English ---------------------------------------------------------------------------------------

NON_ENGLISH = [
    ("fr", "Le pont de la rue Fulton a été fermé mardi après la découverte de fissures dans deux poutres d'acier, a annoncé la maire.\n\n"
           "Les réparations devraient durer au moins six semaines et coûter environ 4,2 millions de dollars.\n\n"
           "Les automobilistes sont déviés vers le pont de l'avenue du Canal pendant les travaux."),
    ("de", "Die Brücke an der Fulton Street wurde am Dienstag gesperrt, nachdem Prüfer Risse in zwei Stahlträgern gefunden hatten.\n\n"
           "Die Reparaturen sollen mindestens sechs Wochen dauern und etwa 4,2 Millionen Dollar kosten."),
    ("zh", "富尔顿街大桥周二关闭，检查人员在两根钢梁上发现了裂缝。\n\n维修预计至少需要六周，费用约为四百二十万美元。"),
    ("ja", "フルトン通りの橋は火曜日、点検で鋼桁に亀裂が見つかったため閉鎖された。\n\n修理には少なくとも六週間かかる見込みだ。"),
    ("ru", "Мост на Фултон-стрит закрыли во вторник после того, как инспекторы обнаружили трещины в двух стальных балках.\n\n"
           "Ремонт займёт не менее шести недель и обойдётся примерно в 4,2 миллиона долларов."),
    ("ar", "أُغلق جسر شارع فولتون يوم الثلاثاء بعد أن عثر المفتشون على تشققات في عارضتين فولاذيتين.\n\nويتوقع أن تستغرق الإصلاحات ستة أسابيع على الأقل."),
]


@pytest.mark.parametrize(("lang", "text"), NON_ENGLISH, ids=[x[0] for x in NON_ENGLISH])
def test_non_english_survives(lang: str, text: str) -> None:
    first = text.split("\n\n")[0]
    [alone] = clean_documents([Document(text="Accueil\nMenu\n\n" + text, id=lang)])
    assert first in alone.text
    mixed = clean_documents([Document(text=text, id=lang), Document(text=story("the Ledger"), id="en")])
    assert first in mixed[0].text


# --- HTML ----------------------------------------------------------------------------------------------

ARTICLE = "".join(f"<p>{s}</p>" for s in story("Harbor Daily News").split("\n\n"))


def page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def test_html_page_cleaned() -> None:
    html = page(
        f"<nav><a href='/'>Home</a><a href='/news'>News</a></nav><article><h1>Bridge shut</h1>{ARTICLE}</article>"
        "<aside><h2>Most Read</h2><p>Pumpkin festival returns to Riverside Park this weekend.</p></aside>"
        "<script>var story = 'The bridge is fine, said nobody in particular today.';</script>",
        "<meta property='og:site_name' content='Harbor Daily News'><meta name='date' content='2024-10-15'>",
    )
    [d] = clean_documents([Document(text=html, id="h", is_html=True)])
    assert "Mayor Dana Whitfield said" in d.text
    assert (d.source, d.date, d.is_html) == ("Harbor Daily News", "2024-10-15", False)
    for bad in ("Home", "Pumpkin", "var story", "said nobody", "<p>"):
        assert bad not in d.text


def test_html_sniffed_without_flag() -> None:
    [d] = clean_documents([Document(text=page(f"<article>{ARTICLE}</article>"), id="h")])
    assert "<" not in d.text and "Priya Raman" in d.text


@pytest.mark.parametrize("fragment", [
    "<p>{0}</p><p>{1}</p>",                              # a scraper's content field: paragraphs, no <html>
    "<script>alert(1)</script><p>{0}</p> <p>{1}</p>",   # ... with a script in front
    "{0}<br/>{1}<br>Read more</a> </div>",              # prose first, several tags closed after it
])
def test_html_fragment_sniffed(fragment: str) -> None:
    one, two = "The mayor resigned on Monday after the council vote.", "A successor will be named next week, officials said."
    [d] = clean_documents([Document(text=fragment.format(one, two), id="f")])
    assert one in d.text and two in d.text
    assert "<" not in d.text and "alert" not in d.text and "Read more" not in d.text


def test_prose_about_tags_is_not_html() -> None:
    text = "The <p> tag and the <script> element are part of HTML, the engineer said. Browsers read them."
    [d] = clean_documents([Document(text=text, id="t")])
    assert d.text == text


def test_strip_tags_fallback() -> None:
    html = "<div><script>if (a < b) { x = '</div>'; }</script><p>Kept &amp; sound paragraph.</p><nav>Menu</nav><p>Second.</p></div>"
    out = strip_tags(html)
    assert "Kept & sound paragraph." in out and "Second." in out
    assert "Menu" not in out and "x =" not in out


HOSTILE = [
    ("deep nesting", page("<div>" * 100_000 + ARTICLE + "</div>" * 100_000)),
    ("unclosed nesting", page("<span><b><i>" * 30_000 + ARTICLE)),
    ("huge attribute", page(f"<div data-x=\"{'a' * 3_000_000}\">{ARTICLE}</div>")),
    ("many unclosed scripts", page("<script>" * 50_000 + ARTICLE)),
    ("angle brackets", page("<" * 500_000 + ARTICLE)),
    ("entities", page("<p>" + "&amp;" * 200_000 + "</p>" + ARTICLE)),
    ("nul bytes", page("\x00" * 1000 + ARTICLE)),
    ("comment never closed", page("<!--" + ARTICLE)),
    ("no body", "<html>"),
    ("only script", page("<script>" + "x=1;" * 100_000 + "</script>")),
]


@pytest.mark.parametrize(("name", "html"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_html(name: str, html: str) -> None:
    t = time.perf_counter()
    [d] = clean_documents([Document(text=html, id="h", is_html=True)])
    assert time.perf_counter() - t < HANG, name
    assert isinstance(d.text, str) and "<script" not in d.text and not d.is_html


# --- size and speed --------------------------------------------------------------------------------------


def test_five_megabyte_article_linear() -> None:
    paras = ["\n\n".join(f"In report {i}, {s[0].lower()}{s[1:]}" for s in story("the Ledger").split("\n\n"))
             for i in range(5_000_000 // 480)]
    small = "\n\n".join(paras[: len(paras) // 10])
    big = "\n\n".join(paras)
    assert len(big) > 4_900_000
    t = time.perf_counter()
    clean_documents([Document(text=small, id="s")])
    t_small = time.perf_counter() - t
    t = time.perf_counter()
    [d] = clean_documents([Document(text=big, id="b")])
    t_big = time.perf_counter() - t
    assert "Priya Raman" in d.text
    assert t_small < HANG and t_big < HANG  # speed itself is measured by scripts/bench_limits.py


def test_two_megabyte_single_line() -> None:
    line = "Sections SEARCH Subscribe " + "The girders of the bridge were cracked, the engineer said. " * 34_000 + "Site Index news"
    t = time.perf_counter()
    [d] = clean_documents([Document(text=line, id="flat")])
    assert time.perf_counter() - t < HANG
    assert d.text.startswith("The girders") and "Site Index" not in d.text


def test_cleaning_a_cluster_twice_gives_the_same_text() -> None:
    docs = [Document(text=story(f"Outlet {i}") + "\n\nNext Up\n\n" + TEASERS, id=str(i)) for i in range(10)]
    first = clean_documents(docs)
    assert [d.text for d in clean_documents(docs)] == [d.text for d in first]
    assert all("Next Up" not in d.text for d in first)


# --- the Harlow Ridge fixture: page layouts the rules were not written from ----------------------------------

HARLOW = Path(__file__).parent / "fixtures" / "harlow-ridge"


@pytest.fixture(scope="module")
def harlow() -> dict[str, Document]:
    return cleaned(HARLOW)


HARLOW_KEEP = [
    ("01-wrenfield-courier", "The fire started Saturday afternoon in dry grass near Pinecrest Road, about four miles northwest of downtown."),
    ("01-wrenfield-courier", "The cause of the fire is under investigation."),
    ("02-kvtr-9-news", "More than 420 firefighters are now assigned to the fire, supported by six helicopters and two air tankers "
     "flying out of Kestrel Pass, incident commander Owen Baptiste said."),
    ("02-kvtr-9-news", "The fire was first reported shortly after 2 p.m. Saturday in grass along Pinecrest Road, northwest of Wrenfield."),
    ("03-wps-on-newsportal", "The Harlow Ridge Fire had scorched about 6,200 acres (2,500 hectares) of grass, brush and pine by "
     "Sunday night and was only 10% contained, the State Forestry Department said."),
    # (after the "Recommended for you" box in the middle of the story)
    ("03-wps-on-newsportal", "No deaths or serious injuries have been reported."),
    ("03-wps-on-newsportal", "The fire began Saturday afternoon near Pinecrest Road northwest of Wrenfield, a town of about 3,100 "
     "people in the foothills."),
    ("03-wps-on-newsportal", "The region has had less than half its normal rainfall since March"),
    ("04-high-country-public-radio", "Alder County Sheriff Dolores Marchetti ordered about 2,400 people in Wrenfield and Sable Creek to evacuate."),
    ("04-high-country-public-radio", "Incident commander Owen Baptiste told reporters that crews hope calmer winds on Tuesday"),
    ("04-high-country-public-radio", "I keep refreshing the county map on my phone"),
    ("05-alder-valley-sentinel", "State fire officials confirmed that at least 14 homes were destroyed, most of them on Pinecrest Road and Juniper Court."),
    ("05-alder-valley-sentinel", "The cause of the fire remains under investigation."),
]
HARLOW_DROP = [
    # WordPress: share bar, likes, related posts, tags, author box, post navigation, donation box, comments, form
    "Skip to content", "Share this", "Like this", "Loading", "Brush fire near Quarry Lane", "Posted in", "Tagged",
    "About Hannah Liu", "covers county government", "Previous Post", "homecoming", "nonprofit newsroom", "tax-deductible",
    "Praying for everyone", "Leave a Reply", "will not be published", "Save my name", "Post Comment", "Courier photo",
    "Read also",
    # TV live blog: stamps, player labels, app pitches, gallery, copyright, trending list
    "LIVE UPDATES", "Posted:", "Updated:", "Key Events", "JavaScript", "WATCH LIVE", "UPDATE 6:45", "12:10 p.m.",
    "Saturday, 5:20", "Now Playing", "02:14", "KVTR 9 app", "Weather app", "Copyright", "Photo Gallery", "1 / 8",
    "Dana Whitlock", "Viewer photo", "Trending", "chase ends", "Closed captioning", "EEO",
    # wire story on a portal: ads, correction note, photo credit, recommended links, share, sponsored, contributor
    "Advertisement", "Story continues", "corrected to show", "WPS Photo", "Recommended for you", "air purifiers",
    "Power grid", "Copy link", "Sponsored", "SolarSmart", "contributed from", "Privacy Dashboard", "___",
    # public radio: player, photo caption and credit, pitch, transcript labels and note, bio, mug
    "Listen ·", "Hear this story", "Playlist", "Embed", "sits on a cot", "/ HCPR", "Support local journalism",
    "member-supported", "Donate now", "rush deadline", "Accuracy and availability",
    "authoritative record", "Alder Valley reporter", "public lands", "See stories by", "enamel mug", "Give Monthly",
    # paywalled paper: cookie wall, meter, gallery, newsletter box, paywall, contact line, more-from list
    "We value your privacy", "142 partners", "Accept All", "Manage Preferences", "free articles left", "Already a subscriber",
    "1 of 12", "cut a line above Sable Creek", "Rita Okafor /", "Buy Photo", "Show Caption", "Morning Report",
    "Sign Up", "By signing up", "Subscribe", "unlimited", "Cancel anytime", "rokafor@", "library open Sundays",
    "Do Not Sell",
]


@pytest.mark.parametrize(("doc", "snippet"), HARLOW_KEEP)
def test_harlow_keeps_story(harlow: dict[str, Document], doc: str, snippet: str) -> None:
    assert snippet in harlow[doc].text


@pytest.mark.parametrize("snippet", HARLOW_DROP)
def test_harlow_drops_clutter(harlow: dict[str, Document], snippet: str) -> None:
    for d in harlow.values():
        assert snippet not in d.text, (d.id, snippet)


def test_harlow_metadata(harlow: dict[str, Document]) -> None:
    assert [(d.title is not None, d.date) for d in harlow.values()] == [
        (True, "2026-09-13"), (True, "2026-09-13"), (True, "2026-09-14"), (True, "2026-09-14"), (True, "2026-09-14"),
    ]


@pytest.mark.parametrize(
    ("line", "credit"),
    [("Photo: Rita Okafor / Staff", True), ("Tessa Nakamura / HCPR", True), ("Jane Q. Public / The Lakeport Ledger", True),
     ("Image: Diego Grez.", True), ("(AP Photo/Jane Roe)", True), ("Courtesy of the Alder County Sheriff", True),
     ("Fire officials said the fire was 10 percent contained.", False), ("24/7 coverage", False),
     ("The ratio was 3 / 4 on Monday", False), ("Home / News / Local", False)],
)
def test_photo_credit_lines(line: str, credit: bool) -> None:
    from newsfuse.clutter import is_photo_credit

    assert is_photo_credit(line) is credit


@pytest.mark.parametrize(
    ("line", "caption"),
    [("Evacuee Gail Ferreira, 71, sits on a cot in the Wrenfield High School gym on Sunday.", True),
     ("Russell Square after the bombings.", True), ("Commuters wait for the ferry at Pier 4.", True),
     ("The city closed the bridge on Tuesday, the mayor said.", False),  # the past: a story's sentence
     ("Crews will replace the girders next month.", False),  # looking ahead
     ('"We had an hour, maybe less," he said.', False),  # a quotation
     ("Crews work on the bridge. They expect to finish in May.", False),  # two sentences: a paragraph
     ("Smoke over the ridge", False)],  # no sentence
)
def test_reads_as_caption(line: str, caption: bool) -> None:
    from newsfuse.clutter import reads_as_caption

    assert reads_as_caption(line) is caption


# --- the bundled example and the shared seeds -------------------------------------------------------------

LAKEPORT_DROP = ["Skip to main content", "Subscribe", "Marta Okonkwo", "By Jonah Whitcomb", "Share this story", "Donate",
                 "tax-deductible", "IE 11", "WATCH |", "UPDATE", "Next Up", "Hawks", "taco truck", "Facebook", "Read Comments",
                 "Sections", "Credit", "Published On", "A version of this article", "Site Index", "Related", "Like what you",
                 "comment system", "Copyright", "©", "Most Read", "Pumpkin", "gtag", "Privacy", "explains why"]
LAKEPORT_KEEP = [
    ("01-lakeport-ledger", "Lakeport closed the Fulton Street Bridge to all traffic on Tuesday after a state inspection found cracks in two of the steel girders that hold up the span, Mayor Dana Whitfield announced."),
    ("02-harbor-daily-news", "Repairs will take a minimum of six weeks, and the early estimate puts the cost near $4.2 million, Raman said."),
    ("03-channel-7-lakeport", "Lakeport Public Schools said several school buses on the Harbor side arrived up to 25 minutes late."),
    ("04-great-lakes-wire", "About 212 bridges in the state are rated in poor condition, according to the most recent federal bridge inventory, and roughly one in five was built before 1965."),
    ("05-northshore-courier", '"Cracks like this do not appear overnight," Ortega said.'),
]


@pytest.mark.parametrize("snippet", LAKEPORT_DROP)
def test_lakeport_clutter_gone(lakeport: dict[str, Document], snippet: str) -> None:
    for d in lakeport.values():
        assert snippet not in d.text, (d.id, snippet)


@pytest.mark.parametrize(("doc", "snippet"), LAKEPORT_KEEP)
def test_lakeport_story_kept(lakeport: dict[str, Document], doc: str, snippet: str) -> None:
    assert snippet in lakeport[doc].text


def test_lakeport_sources(lakeport: dict[str, Document]) -> None:
    assert [d.source for d in lakeport.values()] == [
        "Lakeport Ledger", "Harbor Daily News", "Channel 7 Lakeport", "Great Lakes Wire", "The Northshore Courier",
    ]


SEED_DROP = ["Skip to main content", "IE 11", "Sign up for our newsletters", "tax-deductible", "Susan Walsh/AP", "AP Photo",
             "Site Index", "Next Up", "Otter Tail", "Foo Fighters", "Gophers", "Order Reprints", "Credit Gabriella", "WATCH |",
             "The Moment", "Coral", "We Recommend", "Published On", "Subscribe", "Related:", "UPDATE", "Read Comments",
             "Pinterest", "About Our People", "This is a developing", "Sections SEARCH", "A version of this article",
             "Doug Mills", "NBC News\n", "Here's his statement", "Kirill Kaprizov", "A Timeline of", "Reporting was contributed",
             "took to Twitter to share his thoughts about Jeff Sessions\n", "Get politics and Washington news", "Sally Yates"]
SEED_KEEP = [
    ("000", "Attorney General Jeff Sessions will recuse himself from any investigations into contact between the Russian government and Donald Trump’s presidential campaign"),
    ("001", "Embattled Attorney General Jeff Sessions bowed to pressure Thursday and said he would recuse himself from any federal probe of Russian meddling in the presidential election."),
    ("002", "New Attorney General Jeff Sessions has recused himself from any investigations into any matters arising from last year's election campaign"),
    ("003", "WASHINGTON — Attorney General Jeff Sessions, facing a storm of criticism over newly disclosed contacts with the Russian ambassador to the United States, recused himself on Thursday"),
    ("003", "“I can’t speak for what the Russian ambassador may have had in his mind.”"),
    ("004", 'While Sessions denied any wrongdoing, he did recuse himself from any investigation into "matters dealing with the Trump campaign."'),
    ("004", "The White House did not immediately comment."),
    ("001", "Sen. Lindsey Graham (R-South Carolina) applauded Sessions' move on Twitter."),
]


@pytest.fixture(scope="module")
def seeds() -> dict[str, Document]:
    if not SEEDS.is_dir() or not list(SEEDS.glob("*.txt")):
        pytest.skip(f"shared seeds not found at {SEEDS}")
    return {d.id[:3]: d for d in clean_documents(load_inputs([str(p) for p in sorted(SEEDS.glob("*.txt"))]))}


@pytest.mark.shared
@pytest.mark.parametrize("snippet", SEED_DROP)
def test_seeds_clutter_gone(seeds: dict[str, Document], snippet: str) -> None:
    for d in seeds.values():
        assert snippet not in d.text + "\n", (d.id, snippet)


@pytest.mark.shared
@pytest.mark.parametrize(("doc", "snippet"), SEED_KEEP)
def test_seeds_story_kept(seeds: dict[str, Document], doc: str, snippet: str) -> None:
    assert snippet in seeds[doc].text


@pytest.mark.shared
def test_seeds_titles(seeds: dict[str, Document]) -> None:
    assert seeds["000"].title == "Jeff Sessions Will Recuse Himself From Russia Probe"
    assert seeds["003"].title == "Jeff Sessions Recuses Himself From Russia Inquiry"
    assert seeds["003"].date == "2017-03-02"
    assert all(d.text.count("recuse") >= 1 for d in seeds.values())


@pytest.mark.parametrize(
    "text",
    [
        "Please donate today.", "It is tax-deductible.", "Your gift counts.", "Your support matters.",
        "Your donation helps.", "Gifts will be matched.", "Pledges matched now.", "Matched dollar for dollar.",
        "We are a nonprofit.", "A non-profit newsroom.", "Readers like you.", "Support our journalism.",
        "Support independent reporting.", "Support local journalism.", "Become a member.", "Become a subscriber.",
        "Subscribe now.", "A subscription.", "Membership has perks.", "No paywall.", "Our newsletter.",
        "In your inbox.", "Our reporting.", "Our newsroom.", "Journalism matters.", "A watchdog.", "Please join us.",
        "Please support us.", "Please give.", "Fundraising drive.", "A campaign to raise money.",
        "DONATE NOW", "The mayor said the bridge will reopen.", "ſubscribe (a long s)",
    ],
)
def test_pitch_prefilter_matches_regex(text: str) -> None:
    from newsfuse.clutter import PITCH_RE, pitch_matches

    expected = [(m.span(), m.group(0)) for m in PITCH_RE.finditer(text)]
    assert [(m.span(), m.group(0)) for m in pitch_matches(text)] == expected
    assert expected or "bridge" in text


def test_ascii_folds_are_every_non_ascii_match_of_an_ascii_literal() -> None:
    from newsfuse.clutter import _ASCII_FOLDS

    others = "".join(chr(cp) for cp in range(128, 0x110000) if not 0xD800 <= cp < 0xE000)
    found = set()
    for ch in "abcdefghijklmnopqrstuvwxyz0123456789":
        found |= set(re.findall(re.escape(ch), others, re.IGNORECASE))
    found |= set(re.findall(r"[a-z0-9]", others, re.IGNORECASE))
    assert found == set(_ASCII_FOLDS)


_CLUTTER_SAMPLES = [
    "Sign up for our newsletter to get the news in your inbox", "Our newsletters: sign up today",
    "Jane Doe contributed reporting from Paris.", "© 2024 Lakeport Daily. All rights reserved.",
    "Copyright 2020 The Herald, all rights reserved", "Please read our community guidelines before commenting",
    "The bridge, shown here (AP Photo/Evan Vucci) in 2019, reopened.", "A crowd (Photo: John Smith/Getty) here.",
    "John Smith / AP", "Jane Q. Public/The Lakeport Daily News", "Become a member today and support our journalism",
    "Support local journalism: subscribe now", "All donations are tax deductible to the extent allowed by law.",
    "Unsubscribe at any time.", "Get news alerts every time a story breaks", "Start your free trial",
    "We use cookies to improve your experience", "NEWSLETTER: SIGN UP", "The mayor said the bridge will reopen.",
    "Our newſletter: sign up", "Jane Doe contributed reporting from Par\u0131s.", "Start your free tr\u0130al",
    "\u212aeep comments civil, please", "Your gift is tax-deductible \u2014 thank you.",
    "An error has occurred.", "An error occurred. Please try again later.", "Oops, something went wrong. Please try again.",
    "updated at 11: 10 a.m.", "Updated 6.15pm ET", "Update 11: 32 a.m.",
    "Lakeshore Now values your privacy", "We value your privacy", "We and our 214 partners store and/or access information on "
    "a device, such as cookies.", "With your permission we and our partners may use precise geolocation data.",
    "You may click to consent to our and our partners' processing as described above.",
    "An error occurred in the bridge's sensors on Monday.", "The bridge was updated at 11 a.m. on Monday.",
]


@pytest.mark.parametrize("line", _CLUTTER_SAMPLES)
def test_clutter_prefilters_match_regexes(line: str) -> None:
    from newsfuse.clean import _INVISIBLE_RE, _SPACE_RE, _norm_line
    from newsfuse.clutter import (
        CRAWL_RE,
        LINE_RE,
        NOTICE_MAX_CHARS,
        NOTICE_RE,
        has_crawl_term,
        is_clutter_line,
    )

    for x in (line, line.upper(), line.lower(), f"\u2014 {line}", f"{line} archive-it web crawl"):
        expected = LINE_RE.match(x) is not None or (len(x) <= NOTICE_MAX_CHARS and NOTICE_RE.search(x) is not None)
        assert is_clutter_line(x) == expected
        assert has_crawl_term(x) == (CRAWL_RE.search(x) is not None)
        for y in (x, f" {x}\t\u00a0&UR; x  y\u200b"):
            assert _norm_line(y) == _SPACE_RE.sub(" ", _INVISIBLE_RE.sub("", y)).strip()
    assert is_clutter_line(line) or "bridge" in line


@pytest.mark.parametrize("line", _CLUTTER_SAMPLES)
def test_clutter_keys_of_a_paragraph_cover_its_sentences(line: str) -> None:
    from newsfuse.clutter import is_clutter_line, line_keys

    story = "The mayor said the bridge will reopen in May."
    for p in (line, f"{story} {line}", f"{line} {story} {line.upper()}", story):
        keys = line_keys(p)
        for s in [*split_sentences(p), line, story]:
            if s in p:  # (only the paragraph's own substrings)
                assert is_clutter_line(s, keys) == is_clutter_line(s)


def test_line_patterns_by_first_character() -> None:
    from newsfuse.clutter import _LINE_PLAIN_RE, _line_plain_match

    lines = [*_CLUTTER_SAMPLES, "Skip to main content", "ie 11 is not supported", "( click next to continue viewing",
             "  click prev to continue viewing", "Click here to read more", "Thank you for signing up!", "ſign up",
             "\u212aeep up with this story and more", "Photo: John Smith", "Advertisement", "", " ", "(c) 2019 Herald"]
    for line in list(lines):
        lines += [line.upper(), line.lower(), *(ch + line for ch in map(chr, range(32, 127)))]
    for line in lines:
        assert _line_plain_match(line) == (_LINE_PLAIN_RE.match(line) is not None), line


def test_an_article_pasted_several_times_keeps_one_copy_and_a_repeated_caption_goes() -> None:
    """A line shown three times or more is a widget caption and goes; a long paragraph repeated so is the article
    copied over, cut short or not, and keeps its first copy (before, the whole text was taken for clutter)."""
    from newsfuse.clean import clean_documents
    from newsfuse.load import to_document

    story = ("The city council approved a new budget on Tuesday after a long debate about the Main Street bridge. "
             "The plan raises spending on schools by five percent and on roads by two percent. It pays for the "
             "repairs of the bridge, which the mayor called the city's first duty, said council clerk Ann")
    caption = "Photo: Lakeport city council"
    text = "\n".join([caption, story] * 5)
    (doc,) = clean_documents([to_document(text, 0)])
    assert doc.text.count("The city council approved") == 1
    assert caption not in doc.text


def test_a_story_pasted_over_in_short_paragraphs_keeps_one_copy_and_a_repeated_teaser_still_goes() -> None:
    from newsfuse.clean import clean_documents
    from newsfuse.load import to_document

    paragraphs = ["The council voted on Tuesday to close the Main Street bridge for repairs.",
                  "Inspectors found cracks in two girders last week, the city engineer said.",
                  "The bridge carries 18,000 vehicles a day and will reopen in May."]
    (doc,) = clean_documents([to_document("\n\n".join(paragraphs * 3), 0)])
    assert [doc.text.count(p) for p in paragraphs] == [1, 1, 1]
    teaser = ("In other news, the state legislature approved a new budget for road repairs on Monday after a long "
              "debate over how much of it should go to rural counties, which had asked for a larger share than before.")
    story = [f"{p} The clerk confirmed it on Wednesday, and the mayor spoke about it at length." for p in paragraphs * 3]
    page = "\n\n".join(story[:3] + [teaser] + story[3:6] + [teaser] + [f"Residents {k} said they would wait." for k in "abcdef"] + [teaser])
    (doc,) = clean_documents([to_document(page, 0)])
    assert "In other news" not in doc.text


def test_a_short_teaser_repeated_four_times_beside_a_short_story_still_goes() -> None:
    from newsfuse.clean import clean_documents
    from newsfuse.load import to_document

    teaser = "The city council will vote next week on a plan to expand the downtown library, officials said."
    story = ["The mayor closed the Main Street bridge on Monday after inspectors found cracks.",
             "Repairs will take six weeks, the city engineer said on Monday."]
    (doc,) = clean_documents([to_document("\n\n".join(story + [teaser] * 4), 0)])
    assert "library" not in doc.text and "Repairs will take six weeks" in doc.text


def test_a_footer_naming_the_owner_does_not_rename_the_outlet_the_page_calls_itself() -> None:
    # a station's copied page: the file is named after the station, the page calls itself so, the footer names the
    # company that owns it; a footer that spells the outlet's own name ("The Northshore Courier") still wins
    body = (
        "KVTR 9 News\n\nThe county closed the Fulton Street Bridge on Tuesday after inspectors found cracks in two "
        "girders, officials told KVTR 9 News.\n\nRepairs will take at least six weeks, the county engineer said on "
        "Tuesday.\n\nCopyright 2026 Ridgeline Broadcasting. All rights reserved.\n"
    )
    station = Document(text=body, id="02-kvtr-9-news", source=outlet_from_stem("02-kvtr-9-news"))  # (as the loader names it)
    courier = Document(text=body.replace("Ridgeline Broadcasting", "The Northshore Courier"),
                       id="05-northshore-courier", source="Northshore Courier")
    owner_only = Document(text=body.replace("KVTR 9 News", "the station"), id="03-kvtr-9-news",
                          source=outlet_from_stem("03-kvtr-9-news"))
    cleaned = clean_documents([station, courier, owner_only])
    assert [d.source for d in cleaned] == ["KVTR 9 News", "The Northshore Courier", "Ridgeline Broadcasting"]


# --- the Marigold fixture: a live blog, a comment section, an explainer, a republished story, a cached print page ------

MARIGOLD = Path(__file__).parent / "fixtures" / "marigold-ferry"


@pytest.fixture(scope="module")
def marigold() -> dict[str, Document]:
    return cleaned(MARIGOLD)


MARIGOLD_KEEP = [
    # (a live blog's pinned summary: a list's item without the extractor's "- ")
    ("01-port-ellery-herald", "All 212 passengers and nine crew members were taken off the ferry by rescue boats; the last reached "
     "shore at 11:40 p.m."),
    ("01-port-ellery-herald", "The Marigold carries about 6,000 gallons of diesel fuel, according to the company."),
    ("02-gullhaven-record", "Seven people were hurt, none seriously, according to the Veyra Lake Patrol."),
    ("02-gullhaven-record", '"We\'re an island. When the boat stops, everything stops," said Mo Ferreira-Lind, who runs the '
     "island's grocery."),
    ("03-lakeshore-now", "The ferry stopped on a shoal known locally as the Teeth, a rocky ridge that sits just below the surface "
     "when the lake is low."),
    ("03-lakeshore-now", "Service on the route is suspended until at least Friday."),
    ("04-brackwater-island-news", '"Our first concern was getting every passenger home safely, and we did," Oyelaran said.'),
    ("05-north-coast-times", "The Marigold was built in 1987 and was last inspected in April, when it passed without major findings, "
     "according to state records."),
]
MARIGOLD_DROP = [
    # live blog: badge, stamps, entry headlines, share buttons, embedded tweet, ad, caption and credit, newsletter box
    "LIVE", "Pinned", "What we know", "7:05 a.m.", "Salvage crews to try", "Share this update", "Copy link",
    "pic.twitter", "@VeyraLakePatrol", "Advertisement", "Rescue boats leave", "Idris Wexley /", "Lake Veyra Daily",
    "Load more", "Most Read", "developing story", "- The", "- All",
    # local paper: gallery, caption, share bar, editor's note, bio, tags, comments, popular list, CMS footer
    "1 of 4", "wrap themselves in blankets", "WhatsApp", "Copy article link", "Editor", "It was built in 1987.",
    "covers Gullhaven", "cmarchbanks@", "Tags", "Comments", "join the conversation", "lakegirl_77", "My dad was on that boat",
    "Forty years old", "Good luck getting groceries", "best skipper", "Reply", "Report", "Like 41", "Arnold Pettigrew",
    "BLOX",
    # explainer: consent wall, reading time, table of contents, jump bar, numbered questions, back-to-top, links
    "values your privacy", "214 partners", "geolocation", "I Accept", "Reject All", "min read", "In this article",
    "Jump to", "What happened to the Marigold?", "How were people rescued?", "Back to top", "Read more", "Was this article",
    "red flag warning", "Cookie Settings",
    # republished story: banner, republication note and box, Instagram embed, widgets
    "originally published", "Creative Commons", "Republish", "Copy to clipboard", "View this post on Instagram",
    "A post shared by", "Ferry Schedule", "Harvest supper",
    # cached print page: cache banner, print furniture, Spanish sidebar, link list
    "Google", "snapshot", "Ctrl+F", "Published on", "Home >", "encalló", "español", "Source URL", "Links:",
    "https://", "Printed from",
]


@pytest.mark.parametrize(("doc", "snippet"), MARIGOLD_KEEP)
def test_marigold_keeps_story(marigold: dict[str, Document], doc: str, snippet: str) -> None:
    assert snippet in marigold[doc].text


@pytest.mark.parametrize("snippet", MARIGOLD_DROP)
def test_marigold_drops_clutter(marigold: dict[str, Document], snippet: str) -> None:
    for d in marigold.values():
        assert snippet not in d.text, (d.id, snippet)


def test_marigold_pull_quotes_leave_one_copy(marigold: dict[str, Document]) -> None:
    assert marigold["02-gullhaven-record"].text.count("Everybody stayed calm.") == 1
    assert marigold["04-brackwater-island-news"].text.count("When the boat stops") == 1


def test_marigold_metadata(marigold: dict[str, Document]) -> None:
    assert [(d.source, d.title, d.date) for d in marigold.values()] == [
        ("Port Ellery Herald", "Live updates: Ferry Marigold runs aground off Gullhaven Point", "2026-10-06"),
        ("Gullhaven Record", "'Everybody stayed calm': Passengers describe night on grounded ferry off Gullhaven Point",
         "2026-10-07"),  # (the footer's "© Copyright 2026 Gullhaven Record, ..." names the outlet)
        ("Lakeshore Now", "What we know about the Marigold ferry grounding: 7 questions answered", "2026-10-07"),
        ("Brackwater Island News", "With the ferry stuck on a shoal, Brackwater Island braces for a week cut off", "2026-10-07"),
        ("North Coast Times", "Ferry with 221 aboard runs aground in fog on Lake Veyra", "2026-10-07"),
    ]


@pytest.mark.parametrize(
    ("footer", "name"),
    [("© Copyright 2026 Gullhaven Record, 112 Dock Road, Gullhaven | Terms of Use", "Gullhaven Record"),
     ("Copyright © 2026 The Lakeport Ledger. All rights reserved.", "The Lakeport Ledger"),
     ("© 2026 Harbor Daily News", "Harbor Daily News")],
)
def test_a_copyright_line_names_the_outlet_whichever_mark_comes_first(footer: str, name: str) -> None:
    [d] = clean_documents([Document(text=f"{STORY}\n\n{footer}\n", id="d1")])
    assert d.source == name and d.text == STORY


@pytest.mark.parametrize(
    ("footer", "name"),
    [("(c) Radio Norvalle 2026", "Radio Norvalle"),
     ("© Harbor Daily News 2024-2026. All rights reserved.", "Harbor Daily News"),
     ("Copyright The Lakeport Ledger, 2026", "The Lakeport Ledger"),
     # (a station's frequency after its name is no year)
     ("© 2026 CityWave 1130", "CityWave 1130"),
     ("Copyright 2026 Talk 1290. All rights reserved.", "Talk 1290")],
)
def test_a_copyright_lines_year_after_the_name_is_not_part_of_the_name(footer: str, name: str) -> None:
    [d] = clean_documents([Document(text=f"{STORY}\n\n{footer}\n", id="d1")])
    assert d.source == name and d.text == STORY


def test_a_file_name_that_is_the_footers_name_and_more_wins_when_the_page_says_it() -> None:
    # the file is named after the station, its footer gives the shorter company name, the page says the station's
    text = f"{STORY} The mayor told Radio Norvalle West on Tuesday that repairs would start soon.\n\n(c) Radio Norvalle 2026\n"
    named = Document(text=text, id="06-radio-norvalle-west", source="Radio Norvalle West")
    unsaid = Document(text=text.replace("Radio Norvalle West", "the station"), id="07-radio-norvalle-west",
                      source="Radio Norvalle West")
    assert [d.source for d in clean_documents([named, unsaid])] == ["Radio Norvalle West", "Radio Norvalle"]


def test_a_day_first_update_stamp_under_the_headline_is_not_part_of_the_title() -> None:
    text = f"Port Veyra plant: work on sea pipes stopped by court\nUpdated 15 May 2026, 07:10\n\n{STORY}\n"
    [d] = clean_documents([Document(text=text, id="d1")])
    assert d.title == "Port Veyra plant: work on sea pipes stopped by court" and d.date == "2026-05-15"
    assert d.text == STORY


def test_list_items_of_a_page_lose_the_extractors_mark() -> None:
    page = ("<html><body><article><h1>Bridge closed</h1><p>" + STORY + "</p><ul><li>Repairs will take at least six weeks, the "
            "city engineer said.</li><li>About 18,000 vehicles cross the bridge every day.</li></ul><p>" + STORY.replace(
                "Tuesday", "Monday") + "</p></article></body></html>")
    [d] = clean_documents([Document(text=page, id="d1", is_html=True)])
    assert "Repairs will take at least six weeks" in d.text and "About 18,000 vehicles" in d.text
    assert "- " not in d.text


def test_a_header_line_dates_a_copied_page() -> None:
    [d] = clean_documents([Document(text=f"Bridge closed\n\nBy Jane Roe\nOct 7, 2026 Updated 2 hrs ago\n\n{STORY}", id="d1")])
    assert d.date == "2026-10-07"


# False positives of the page-note, consent, table-of-contents and pull-quote rules: the story's own lines stay
@pytest.mark.parametrize(("line", "clutter"), [
    ("Editor's note: An earlier version of this story misstated the year the bridge opened.", True),
    ("Correction: This article has been updated to correct the name of the inspector.", True),
    ("Lakeport Ledger values your privacy", True),
    ("We value your privacy", True),
    ("The company says it values your privacy.", False),
    ("Jump to: What happened | Repairs | Detours", True),
    ("Jump to section", True),
    ("Jump to 2019, and the bridge carried twice the traffic it was built for.", False),
    ("We and our 120 partners store and/or access information on a device, such as cookies.", True),
    ("The app collected precise geolocation data from two million drivers, the regulator said.", False),
    ('The banner read "we and our partners use cookies and personal data" until the regulator objected.', False),
])
def test_page_notes_consent_and_contents_rules_spare_prose(line: str, clutter: bool) -> None:
    from newsfuse.clutter import is_clutter_line

    assert is_clutter_line(line) is clutter


def test_a_whole_quote_echoed_by_a_teaser_is_kept() -> None:
    quote = '"Nobody told us anything about the detour, not one word."'
    text = (f"{STORY}\n\nCommuters said they learned of the closure only at the barricades.\n\n{quote}\n\n"
            "The city has since put up signs at both ends of the bridge, a spokesman said.\n\n"
            'Bridge riders say "Nobody told us anything about the detour, not one word" as closure drags on')
    assert quote in clean_text(text)
    # ... while a pull quote repeated from the paragraph that opens the same quotation goes
    text = (f"{STORY}\n\n{quote}\n\n"
            '"Nobody told us anything about the detour, not one word," said Ana Ruiz, who drives across it daily.')
    assert clean_text(text).count("not one word") == 1


def test_a_forwarded_newsletter_is_titled_and_named_by_its_mail_headers() -> None:
    page = ("---------- Forwarded message ---------\nFrom: The Harbor Brief <editors@harborbrief.example>\n"
            "Date: Tue, Oct 15, 2024 at 6:02 AM\nSubject: Fwd: Bridge shut; plus: ferry fares\nTo: <jane@example.org>\n\n"
            f"View in browser\n\n{STORY}\n\nUnsubscribe | Manage preferences\n")
    [d] = clean_documents([Document(text=page, id="d1")])
    assert (d.source, d.title, d.date, d.text) == ("The Harbor Brief", "Bridge shut; plus: ferry fares", "2024-10-15", STORY)


def test_an_email_quoted_under_the_first_lines_is_not_the_pages_headers() -> None:
    page = ("Emails show the mayor knew of the cracks.\n\nThe message read:\n\nFrom: Dana Whitlock <dana@lakeport.example>\n"
            f"Subject: Bridge girders\n\n{STORY}")
    [d] = clean_documents([Document(text=page, id="d1", source="The Ledger")])
    assert (d.source, d.title) == ("The Ledger", None)


def test_a_from_line_in_prose_is_not_a_mail_header() -> None:
    [d] = clean_documents([Document(text=f"{STORY}\n\nFrom: the city engineer's report, which found two cracks.\n", id="d1")])
    assert d.title != "the city engineer's report, which found two cracks."


# --- the Kestrel fixture: one wire story in three outlets, a newsletter, a PDF advisory, a press release, Spanish -----

KESTREL = Path(__file__).parent / "fixtures" / "kestrel-recall"


@pytest.fixture(scope="module")
def kestrel() -> dict[str, Document]:
    return cleaned(KESTREL)


KESTREL_KEEP = [
    # (the second page of a paginated article, pasted after the first)
    ("06-dorrance-daily-times", "Four of the 11 cases were in Dorrance County, more than in any other county"),
    # (a PDF: words hyphenated across lines rejoined, a paragraph cut by a page break joined, a heading kept apart)
    ("04-department-of-public-health-advisory", "As of September 17, 2026, eleven cases have been identified in residents"),
    ("04-department-of-public-health-advisory", "The company voluntarily recalled all queso fresco and ricotta products on "
     "September 18"),
    ("04-department-of-public-health-advisory", "should be cleaned with hot, soapy water. People at higher risk"),
    ("04-department-of-public-health-advisory", "said Dr. Marisol Venturi, the state epidemiologist."),
    # (a press release's last paragraph above its "About" heading)
    ("05-kestrel-valley-creamery-release", "Consumers who have purchased the recalled products should not eat them"),
]
KESTREL_DROP = [
    "°", "Forecast", "Traffic", "I-84", "CLOSINGS", "Pine Hollow", "Report a typo", "First Alert",  # TV station widgets
    "Forwarded", "From:", "Subject:", "View in browser", "FreshTrack", "Book a demo", "Polarline", "That's it",
    "Forward this", "receiving this", "Unsubscribe",  # newsletter
    "SUMMARY", "RECOMMENDATIONS", "Page 1", "HA-2026-14", "identi-", "Sep-", "epidemiolo-", "CASES BY COUNTY",
    "Dorrance 4", "biotics",  # PDF
    "FOR IMMEDIATE RELEASE", "forward-looking", "undertakes", "Media Contact", "Jolene", "###", "SOURCE",  # press release
    "Next page", "Previous page", "Continued on",  # paginated article
]


@pytest.mark.parametrize(("doc", "snippet"), KESTREL_KEEP)
def test_kestrel_keeps_story(kestrel: dict[str, Document], doc: str, snippet: str) -> None:
    assert snippet in kestrel[doc].text


@pytest.mark.parametrize("snippet", KESTREL_DROP)
def test_kestrel_drops_clutter(kestrel: dict[str, Document], snippet: str) -> None:
    for d in kestrel.values():
        assert snippet not in d.text, (d.id, snippet)


def test_kestrel_metadata(kestrel: dict[str, Document]) -> None:
    assert [(d.source, d.title) for d in kestrel.values()][1:3] == [
        ("WKVD 4", "Ashby Falls cheesemaker recalls queso fresco, ricotta; 1 dead in listeria outbreak"),
        ("The Aisle Report", "Cheese recall empties dairy cases; plus: egg prices, a checkout law"),
    ]


# --- the Fenwick Lake Dam fixture: a police post, a briefing transcript, a court order, an aggregator page, a blog
# post with footnotes, a wiki article, a German copy -------------------------------------------------------------

FENWICK = Path(__file__).parent / "fixtures" / "fenwick-dam"


@pytest.fixture(scope="module")
def fenwick() -> dict[str, Document]:
    return cleaned(FENWICK)


FENWICK_KEEP = [
    # paragraphs ending in a footnote's superscript mark ("...within 72 hours.<sup><a href="#footnote-1">1</a></sup>")
    ("06-pell-creek-dispatch", "On Thursday a judge ordered the dam's owner, Brantmoor Power, to lower the lake by 10 "
                               "feet within 72 hours."),
    ("06-pell-creek-dispatch", "What bothers me is that none of this was a secret. The state rated the dam in poor "
                               "condition last October and asked Brantmoor for repairs, and the company did not finish them."),
    ("04-hadley-county-superior-court", "Respondent shall lower the water level of Fenwick Lake"),
    ("02-corlis-falls-police-department", "A shelter is open at Corlis Falls Middle School"),
]
FENWICK_DROP = [
    "^ ", "Achterberg, Rosalind", "This page was last edited", "Text is available under", "current event",  # wiki
    "Thanks for reading", "Type your email", "Restacks", "Write a comment",  # blog
    "All reactions", "412 comments", "View more comments", "See less",  # social-media post
    "IT IS SO ORDERED", "/s/",  # court order
]


@pytest.mark.parametrize(("doc", "snippet"), FENWICK_KEEP)
def test_fenwick_keeps_story(fenwick: dict[str, Document], doc: str, snippet: str) -> None:
    assert snippet in fenwick[doc].text


@pytest.mark.parametrize("snippet", FENWICK_DROP)
def test_fenwick_drops_clutter(fenwick: dict[str, Document], snippet: str) -> None:
    for d in fenwick.values():
        assert snippet not in d.text, (d.id, snippet)


def test_a_footnotes_superscript_mark_is_dropped_not_an_exponent() -> None:
    page = ("<html><body><article><p>The judge ordered the owner to lower the lake by 10 feet within 72 hours."
            "<sup><a class=\"footnote-anchor\" href=\"#footnote-1\">1</a></sup></p>"
            "<p>The reservoir covers 3.2 km<sup>2</sup> and holds about 2.4 billion gallons of water, officials said.</p>"
            "<p>It was the 1<sup>st</sup> such order in the county since the flood of 1987, the clerk said.</p>"
            "</article></body></html>")
    text = clean_text(page)
    assert "within 72 hours." in text and "hours.1" not in text
    assert "km2" in text.replace(" ", "") or "km 2" in text
    assert "1st" in text.replace(" ", "")


def test_an_ordinals_ending_that_links_within_the_page_is_no_note_mark() -> None:
    page = ("<html><body><article><p>The 21<sup><a href=\"#century-note\">st</a></sup> century has brought the "
            "largest floods on record to the valley, the hydrologists wrote in their report.</p></article></body></html>")
    assert "21st century" in clean_text(page).replace("21 st", "21st")


WIKI_FURNITURE = [
    "^ a b c Achterberg, Rosalind (April 16, 2026). \"Judge orders Fenwick Lake drawn down\". Corlis Falls Ledger.",
    "^ \"History of the Corlis Falls mills\". Hadley County Historical Society.",
    "This page was last edited on 17 April 2026, at 08:12.",
    "This page was last modified on March 3, 2024.",
    "Text is available under the Creative Commons Attribution-ShareAlike License; additional terms may apply.",
    "This article is about a current event. Information may change rapidly as the event progresses.",
]
WIKI_LIKE_PROSE = [
    "This page was last edited on March 3, according to the site's history log, by an anonymous user.",
    "Text is available under the Creative Commons license, the museum said, so anyone may reuse the catalog.",
    "This article is about a current event that the council will debate on Tuesday night.",
    "The references to the 1937 dam in the county's records were removed last year, the clerk said.",
    # the notice run into the article's first paragraph on one line: the paragraph is not the notice's
    "This article is about a current event. The reservoir was drained in May after engineers reported seepage.",
]


@pytest.mark.parametrize("line", WIKI_FURNITURE)
def test_a_wiki_pages_furniture_is_clutter(line: str) -> None:
    from newsfuse.clutter import is_clutter_line

    assert is_clutter_line(line)


@pytest.mark.parametrize("line", WIKI_LIKE_PROSE)
def test_prose_like_a_wiki_pages_furniture_is_kept(line: str) -> None:
    from newsfuse.clutter import is_clutter_line

    assert not is_clutter_line(line)


# Page furniture above a story is never its headline: a social page's name with its counts, an agency's or a court's
# name in capitals, a wiki's tagline (which names the site instead).
def test_fenwick_titles_and_outlets_are_not_page_furniture(fenwick: dict[str, Document]) -> None:
    titles = {k: d.title or "" for k, d in fenwick.items()}
    assert "followers" not in titles["02-corlis-falls-police-department"]
    assert titles["03-hadley-county-emergency-management"].startswith("Media Briefing Transcript")
    assert titles["04-hadley-county-superior-court"].startswith("ORDER GRANTING EMERGENCY PETITION")
    assert "From LocalWiki" not in titles["07-localwiki"]
    assert fenwick["07-localwiki"].source == "LocalWiki"


FURNITURE_HEADS = [
    "Ashgrove Fire Rescue 2,108 likes · 3.1K followers",
    "Ashgrove Fire Rescue 12K followers",
    "MERRIN COUNTY SHERIFF'S OFFICE",
    "IN THE DISTRICT COURT OF MERRIN COUNTY",
    "U.S. DEPARTMENT OF AGRICULTURE",
    "From Ashwiki, the free encyclopedia",
]


@pytest.mark.parametrize("head", FURNITURE_HEADS)
def test_page_furniture_is_no_headline(head: str) -> None:
    from newsfuse.clean import _not_a_headline

    assert _not_a_headline(head)


HEADLINE_LIKE = [
    "COUNTY BOARD APPROVES DAM REPAIRS AFTER SEEPAGE SCARE",
    "Singer's account hits 500,000 followers after the benefit concert",
    "From Denver, the long road home for the flood's evacuees",
    "Sheriff's office asks residents to avoid the flooded road",
    "POLICE SEARCH FOR MISSING HIKER NEAR THE RESERVOIR",
]


@pytest.mark.parametrize("head", HEADLINE_LIKE)
def test_headlines_like_page_furniture_stay_headlines(head: str) -> None:
    from newsfuse.clean import _not_a_headline

    assert not _not_a_headline(head)


def test_a_wiki_tagline_names_the_site_not_the_title() -> None:
    from newsfuse.clean import clean_documents

    text = ("Ashgrove reservoir drawdown\nFrom AshWiki, the free encyclopedia\n\n"
            "The Ashgrove reservoir was drawn down by six feet in May after engineers found seepage at the toe of the "
            "embankment, and the county closed the lakeside road to traffic for the rest of the month.\n\n"
            "The dam's owner said repairs to the spillway would begin in the autumn and take about two years, at a cost "
            "the state would share with the county under the program passed last year.\n")
    [d] = clean_documents([Document(text=text, id="07-ashwiki", source="Ashwiki")])
    assert d.source == "AshWiki"  # (the page's own spelling, not the file name's "Ashwiki")
    assert d.title == "Ashgrove reservoir drawdown"


# --- the wren-blackout fixture: a forum thread, a social thread, Markdown, a feed, a forwarded e-mail, a print page -

WREN = Path(__file__).parent / "fixtures" / "wren-blackout"


@pytest.fixture(scope="module")
def wren() -> dict[str, Document]:
    return cleaned(WREN)


WREN_KEEP = [
    ("01-reddit", "Calloway says it hopes to have power back for most customers by Sunday night."),
    ("01-reddit", "Gov. Evelyn Marsh declared a state of emergency Friday for Ashgrove County and four neighboring counties."),
    # a thread's posts without their numbers, emoji and hashtags
    ("02-priscilla-vance", "At the peak, around 6 a.m. Friday, about 180,000 @CallowayElectric customers had no power"),
    ("02-priscilla-vance", "I watched a convoy of bucket trucks from out of state roll down Route 14 at noon."),
    # Markdown's words without its markup
    ("03-ashgrove-ledger", "The outage peaked shortly after 6 a.m. Friday, when Calloway Electric reported about 180,000 "
                           "of its roughly 310,000 customers without power."),
    ("03-ashgrove-ledger", "cut power to about 180,000 homes and businesses"),
    # the feed's item about the story, its HTML unescaped
    ("04-wrenford-beacon-1", "Calloway has about 1,300 line workers in the field"),
    ("04-wrenford-beacon-1", "“We are asking people to plan for a long weekend,” Harrow said."),
    # the forwarded update
    ("05-calloway-electric", "We expect to restore power to most customers by Sunday night."),
    ("05-calloway-electric", "said Marcus Feld, Calloway's vice president for operations."),
    ("06-tallow-river-times", "About 190 people slept at the Wrenford Civic Center"),
    ("07-wrfd-12", "Rural customers north of the Tallow River could be in the dark until Wednesday."),
]
WREN_DROP = [
    "level 1", "Posted by", "u/genny_guy", "Continue this thread", "Upvoted", "Are pets allowed",
    "Volunteers are great", "the river city",  # the forum thread: its comments and the forum's description
    "2/ ", "🧵", "#WrenfordIceStorm", "📷", "See new posts", "Relevant people", "Show replies",  # the social thread
    "**", "](", "![", "title:", "> ",  # Markdown
    "boat ramp", "rate increase", "bakery", "Keisha Mallory", "appeared first on", "<p>",  # the feed's other items
    "Forwarded message", "From:", "Subject:", "wrote:", "How many customers are still out", "storm desk line",
    "Powering Ashgrove", "CONFIDENTIALITY", "intended recipient", "consider the environment", "555-0148",  # the e-mail
    "Print this page", "Close window", "tallowrivertimes.example", "Printed from",  # the print page
    "Watch our report above", "generated automatically", "[music]", "dana whitlock",  # the TV page
]


@pytest.mark.parametrize(("doc", "snippet"), WREN_KEEP)
def test_wren_keeps_story(wren: dict[str, Document], doc: str, snippet: str) -> None:
    assert snippet in wren[doc].text


@pytest.mark.parametrize("snippet", WREN_DROP)
def test_wren_drops_clutter(wren: dict[str, Document], snippet: str) -> None:
    for d in wren.values():
        assert snippet not in d.text, (d.id, snippet)


def test_wren_titles_and_outlets(wren: dict[str, Document]) -> None:
    titles = {k: d.title or "" for k, d in wren.items()}
    assert titles["01-reddit"].startswith("Ice storm: what we know Friday afternoon")  # (the post's, not "User account menu")
    assert "See new posts" not in titles["02-priscilla-vance"]
    assert titles["03-ashgrove-ledger"] == "Ice storm leaves 180,000 without power; two die from generator fumes"
    assert titles["04-wrenford-beacon-1"].startswith("Ice storm knocks out power to 180,000")
    assert titles["05-calloway-electric"] == "Calloway restoration update, 4:30 p.m. Friday"
    assert titles["06-tallow-river-times"] == "Ice storm, day two: out-of-state crews arrive as cold deepens"
    assert wren["04-wrenford-beacon-1"].source == "Wrenford Beacon"  # (the channel's title without its section)
    assert wren["04-wrenford-beacon-1"].date == "2026-01-23"
    # a forwarded message's sender is the page's, not the colleague who forwarded it
    assert wren["05-calloway-electric"].source.startswith("Calloway Electric")
    assert set(wren) == {"01-reddit", "02-priscilla-vance", "03-ashgrove-ledger", "04-wrenford-beacon-1",
                         "05-calloway-electric", "06-tallow-river-times", "07-wrfd-12", "08-correio-do-vale"}


# --- the Penmarrow pier fixture: saved pages (MHTML, web archive, WARC, Wayback capture, "saved from url") ---------

PIER = Path(__file__).parent / "fixtures" / "penmarrow-pier"


@pytest.fixture(scope="module")
def pier() -> dict[str, Document]:
    return cleaned(PIER)


PIER_KEEP = [
    # MHTML: quoted-printable undone, its curly quotes (split over soft line breaks) whole
    ("01-penmarrow-post", "The Grand Pavilion at the end of Penmarrow’s Victoria Pier was destroyed by fire early on Sunday"),
    ("01-penmarrow-post", "“When I got to the turnstiles the whole roof was glowing,” Mr Aldous, 61, told the Post."),
    # the web archive's page, declared ISO-8859-1, its Windows-1252 quotes read as such
    ("02-coast-radio", "Chief Fire Officer Hester Quaid told Coast Radio News: “It's too early to say how this started."),
    ("03-crawl-1", "Ostry Bay councillor Ruth Amberley, who danced at the pavilion as a teenager"),
    # the gzip-encoded, chunked response
    ("03-crawl-2", "Penmarrow woke on Sunday to the smell of smoke and a gap at the end of the pier"),
    ("03-crawl-3", "Penmarrow has about 24,000 residents."),
    ("04-wayback-capture", "All that remained of the Grand Pavilion on Sunday evening was a blackened steel frame"),
    ("05-saved-page", "Here is what we know so far, and what we don't."),
]
PIER_DROP = [
    "Wayback Machine", "captures", "12 Apr 2026 - 14 Apr 2026", "success", "About this capture", "COLLECTED BY",
    "Organization:", "TIMESTAMPS", "web crawls", "FILE ARCHIVED",  # the Wayback toolbar
    "=3D", "=E2", "MultipartBoundary", "Saved by Blink", "cid:",  # MHTML
    "Advertisement", "Win a weekend", "HTTP/1.1", "Moved Permanently", "Disallow", "outlink",  # frames, the crawl
    "Listen live", "Most read", "Read next", "Become a member", "Sign up", "TRAVEL:", "Picture: Ollie Brennick",
]


@pytest.mark.parametrize(("doc", "snippet"), PIER_KEEP)
def test_pier_keeps_story(pier: dict[str, Document], doc: str, snippet: str) -> None:
    assert snippet in pier[doc].text


@pytest.mark.parametrize("snippet", PIER_DROP)
def test_pier_drops_clutter(pier: dict[str, Document], snippet: str) -> None:
    for d in pier.values():
        assert snippet not in d.text, (d.id, snippet)


def test_pier_titles_outlets_and_addresses(pier: dict[str, Document]) -> None:
    got = {k: (d.source, d.title, d.url) for k, d in pier.items()}
    assert got == {
        "01-penmarrow-post": ("The Penmarrow Post", "Fire destroys Victoria Pier’s Grand Pavilion weeks before reopening",
                              "https://www.penmarrowpost.example/news/2026/04/12/fire-destroys-victoria-pier-pavilion/"),
        "02-coast-radio": ("Coast Radio News", "Penmarrow's pier pavilion burns to the ground",
                           "https://www.coastradio.example/news/local/penmarrow-pier-pavilion-fire"),
        "03-crawl-1": ("Ostry Bay Echo", "Fire guts Penmarrow pier pavilion",
                       "https://www.ostrybayecho.example/local/penmarrow-pier-pavilion-fire-2026-04-12"),
        "03-crawl-2": ("Harbour Light", "Grand Pavilion lost to overnight fire",
                       "https://www.harbourlight.example/news/penmarrow-pavilion-fire/"),
        # the AMP cache's copy: the publisher's site, not the cache's
        "03-crawl-3": ("West Country Wire", "Historic pier pavilion destroyed by fire in Penmarrow",  # (its footer's notice)
                       "https://www-westcountrywire-example.cdn.ampproject.org/c/s/www.westcountrywire.example/amp/2026/04/12/"
                       "penmarrow-victoria-pier-pavilion-fire"),
        # the capture: the archived site's name (its <title>'s, which its host spells), not web.archive.org
        "04-wayback-capture": ("Kellacombe Chronicle", "Pier's Grand Pavilion destroyed in overnight blaze",
                               "https://web.archive.org/web/20260413081502/https://www.kellacombechronicle.example/news/"
                               "pier-pavilion-fire"),
        # saved "HTML only" with no canonical link: the "saved from url" comment's address
        "05-saved-page": ("tidewaterledger.example", "Penmarrow pier fire: what we know about the loss of the Grand Pavilion",
                          "https://tidewaterledger.example/2026/04/12/penmarrow-pier-fire-what-we-know/"),  # (no utm_)
    }
    assert all(d.date == "2026-04-12" for d in pier.values())


# --- Markdown ------------------------------------------------------------------------------------------------


def test_markdown_becomes_the_text_a_reader_sees() -> None:
    from newsfuse.markdown_text import looks_like_markdown, markdown_to_text

    page = ('---\ntitle: "Bridge closes for repairs"\nauthor: Jane Roe\n---\n\n# Bridge closes for repairs\n\n'
            "![The Fulton Street bridge on Tuesday.](https://example.org/b.jpg)\n\n"
            "The **Fulton Street** bridge closed on Tuesday after [inspectors](https://example.org/report) found "
            "cracks in two *steel* beams, the city said.\n\n> \"We will not take chances,\" the mayor said.\n\n"
            "## Detours\n\n- Take Elm Street\n- Or the ferry\n\n---\n\nRepairs will take six weeks.\n")
    assert looks_like_markdown(page)
    text, title = markdown_to_text(page)
    assert title == "Bridge closes for repairs"
    assert ("The Fulton Street bridge closed on Tuesday after inspectors found cracks in two steel beams, the city said."
            in text)
    assert '"We will not take chances," the mayor said.' in text
    assert "\n\nTake Elm Street\n\n" in text and "](" not in text and "**" not in text and "![" not in text
    assert "title:" not in text and "---" not in text and "Repairs will take six weeks." in text


PLAIN_TEXT_NOT_MARKDOWN = [
    # a story with an asterisk's footnote and a bracketed editor's note
    "The plant cut 40 jobs* in March, the company said.\n\n* Figures from the state labor office.\n\n"
    "[Editor's note: this story was updated.] The union said it would appeal.",
    # an e-mail with quoted lines
    "From: Jane <jane@example.org>\nSubject: Re: the vote\n\n> Did the council vote?\n> Yes, 6-1.\n\nThanks,\nJane",
    # a bold word alone (a page's text copied from a browser keeps no markup; one sign is not enough)
    "The **only** survivor was found on Tuesday, the police said.",
    "# 1 seed Duke beat Vermont 80-62 on Friday night in the first round of the tournament.",
]


@pytest.mark.parametrize("text", PLAIN_TEXT_NOT_MARKDOWN)
def test_plain_text_is_not_taken_for_markdown(text: str) -> None:
    from newsfuse.markdown_text import looks_like_markdown

    assert not looks_like_markdown(text)


# --- an e-mail's forwarded message, quoted lines and signature --------------------------------------------------


def test_a_forwarded_messages_sender_and_subject_are_the_pages() -> None:
    page = ("From: Sam Ode <sam@paper.example>\nSent: Friday, March 6, 2026 4:52 PM\nTo: Desk <desk@paper.example>\n"
            "Subject: Fwd: update\n\nFYI, see below.\n\n---------- Forwarded message ---------\n"
            "From: Acme Water Media <media@acme.example>\nDate: Fri, Mar 6, 2026 at 4:37 PM\n"
            "Subject: RE: Main break update, 4 p.m. Friday\nTo: Sam Ode <sam@paper.example>\n\nHi Sam,\n\n"
            "Crews repaired the 24-inch main on Elm Street on Friday afternoon, and water service was restored to "
            "about 3,000 homes by 4 p.m., the utility said.\n\nThe boil-water notice stays in place until Sunday "
            "while the state tests samples from the repaired line.\n\n> On Fri, Mar 6, 2026 at 3:58 PM Sam Ode "
            "<sam@paper.example> wrote:\n> How many homes are still without water this afternoon?\n\nThanks,\n\n"
            "Dana Reyes\nMedia Relations | Acme Water\nOffice: 555-0148\nServing the valley since 1921.\n")
    [d] = clean_documents([Document(text=page, id="05-acme-water", source="Acme Water")])
    assert d.source == "Acme Water Media" and d.title == "Main break update, 4 p.m. Friday"
    assert d.date == "2026-03-06"
    assert "water service was restored to about 3,000 homes" in d.text
    assert "boil-water notice stays in place" in d.text
    for clutter in ("Forwarded", "From:", "wrote:", "How many homes", "Serving the valley", "555-0148"):
        assert clutter not in d.text, clutter


def test_quoted_lines_and_sign_offs_outside_an_email_stay() -> None:
    page = ("The council voted 6-1 on Tuesday night to rebuild the boat ramp, which has been closed since a flood "
            "cracked its concrete in 2024.\n\n> The ramp is a lifeline for the marina, the harbor master wrote in a "
            "letter to the council read aloud before the vote.\n\nThanks,\nJane Roe\n\nThe mayor said work would "
            "start in April and finish by the end of the summer, before the fishing season closes.\n")
    [d] = clean_documents([Document(text=page, id="x", source="X")])
    assert "The ramp is a lifeline for the marina" in d.text
    assert "The mayor said work would start in April" in d.text


# --- furniture lines --------------------------------------------------------------------------------------------

WREN_FURNITURE = [
    "The post Ice storm knocks out power to 180,000; Calloway aims for Sunday night appeared first on Wrenford Beacon.",
    "CONFIDENTIALITY NOTICE: This e-mail message, including any attachments, is for the sole use of the intended "
    "recipient(s) and may contain confidential and privileged information.",
    "This message is intended only for the use of the individual or entity to which it is addressed.",
    "Please consider the environment before printing this e-mail.",
    "Print this page | Close window",
    "Print this article",
    "https://www.tallowrivertimes.example/news/2026/01/24/ice-storm-day-two/print",
    "Watch our report above.",
    "The transcript below was generated automatically and may contain errors.",
    "See new posts",
    "Show replies",
    "Relevant people",
]
WREN_FURNITURE_LIKE_PROSE = [
    "The post office on Main Street appeared first on a list of closures, the postmaster said.",
    "The post Smith left in March appeared first on the board's agenda.",
    "This message is intended for the governor, he said.",
    "This e-mail is for the sole use of investigators, the judge ruled on Friday.",
    "The transcript was generated automatically by the court's software, the clerk said.",
    "Watch our report on the flood, the anchor said, and then the weather.",
    "Print the page and bring it to the polling place, the clerk said.",
    "Consider the environment before you build, the planning board told the developer.",
    "The website, https://example.org, went live on Monday.",
]


@pytest.mark.parametrize("line", WREN_FURNITURE)
def test_feed_mail_print_and_social_furniture_is_clutter(line: str) -> None:
    from newsfuse.clutter import is_clutter_line

    assert is_clutter_line(line)


@pytest.mark.parametrize("line", WREN_FURNITURE_LIKE_PROSE)
def test_prose_like_feed_mail_print_and_social_furniture_is_kept(line: str) -> None:
    from newsfuse.clutter import is_clutter_line

    assert not is_clutter_line(line)


# --- a social thread's numbers, a post's trailing emoji and hashtags; a forum post's header -------------------


def test_a_threads_numbers_and_a_posts_emoji_go() -> None:
    page = ("🧵 1/ Here is what we know about the flood on Friday, in order. #RiverFlood #Ashby\n\n"
            "2/ The river crested at 31 feet on Friday morning, two feet above the record set in 1987. 📷\n\n"
            "3/ About 400 homes were evacuated along the east bank, the fire chief said. 🙏\n")
    [d] = clean_documents([Document(text=page, id="x", source="X")])
    assert "The river crested at 31 feet on Friday morning, two feet above the record set in 1987." in d.text
    assert "About 400 homes were evacuated along the east bank, the fire chief said." in d.text
    assert "2/" not in d.text and "📷" not in d.text and "🧵" not in d.text
    assert "#RiverFlood" not in d.text  # (a post ending in hashtags is no sentence of the story's)


SOCIAL_LIKE_PROSE = [
    "1/2 cup of flour was all that was left in the pantry when the snow stopped, she said.",
    "9/11 changed the way the airport screened its passengers, the director said.",
    "The #MeToo movement reached the statehouse in March, and three lawmakers resigned.",
    "The coach called it the best win of the season. #1 seed Duke plays on Sunday.",
    "Are ur saturdays hectic like this!!! to do list located at search warrant in cooby. #murdochlpt3",
]


@pytest.mark.parametrize("line", SOCIAL_LIKE_PROSE)
def test_prose_like_a_threads_furniture_stays_whole(line: str) -> None:
    from newsfuse.clean import _social_post_line

    assert _social_post_line(line) == line


def test_a_forum_posts_header_gives_the_title_and_ends_the_forums_own_lines() -> None:
    page = ("r/Ashby\nAshby, the mill town. News and questions about Ashby and its county.\n41.2k\nMembers\n\n"
            "Posted by u/river_watcher\n5h\nFlood: the river crested at 31 feet on Friday morning\n\n"
            "The river crested at 31 feet on Friday morning, two feet above the record set in 1987, the weather "
            "service said.\n\nAbout 400 homes were evacuated along the east bank overnight, the fire chief said.\n\n"
            "Shelters at the high school and the armory will stay open all weekend, the county said.\n\n1.2k\nShare\nSave\n96% Upvoted\n\nSort by: best\n\nlevel 1\nu/bankside\n· 4h\n"
            "We are fine on the west side, the water never reached our street.\n")
    [d] = clean_documents([Document(text=page, id="01-reddit", source="Reddit")])
    assert d.title == "Flood: the river crested at 31 feet on Friday morning"
    assert "The river crested at 31 feet" in d.text and "About 400 homes were evacuated" in d.text
    assert "the mill town" not in d.text and "west side" not in d.text


def test_an_article_quoting_a_forum_post_keeps_its_lines() -> None:
    page = ("The river crested at 31 feet on Friday morning, two feet above the record set in 1987, the weather "
            "service said.\n\nAbout 400 homes were evacuated along the east bank overnight, the fire chief said.\n\n"
            "Residents traded news on the town's forum all night, where the first report came in a post.\n\n"
            "Posted by u/river_watcher\n\nThe fire chief said shelters at the high school would stay open all weekend.\n")
    [d] = clean_documents([Document(text=page, id="x", source="X")])
    assert "The river crested at 31 feet" in d.text and "Residents traded news" in d.text




# --- the Osprey Landing fixture: an infinite-scroll page with a second article appended, a script-built page whose
# story is only in its JSON-LD, a paywalled page, ads and boxes between paragraphs, an AMP page, a photo gallery, a
# Windows-1252 text file with a correction, a French copy --------------------------------------------------------

OSPREY = Path(__file__).parent / "fixtures" / "osprey-spill"


@pytest.fixture(scope="module")
def osprey() -> dict[str, Document]:
    return cleaned(OSPREY)


OSPREY_KEEP = [
    # the story of a page that appends the next article as its reader scrolls
    ("01-marrow-county-courier", "Osprey Landing, a town of about 1,900 people, sits where State Highway 14 crosses the river."),
    # a script-built page's story, only in its JSON-LD articleBody
    ("02-calder-springs-post", "City Manager Ruben Ashdown said crews closed the intake at 8:15 a.m., before any of the"),
    ("02-calder-springs-post", "No one was injured in the derailment. The National Rail Safety Board is investigating its cause."),
    # the paywalled page's two paragraphs
    ("03-tamsen-valley-tribune", "The derailment of 21 cars at about 4:40 a.m. sent a sharp, sweet odor"),
    # the story after the "Trending Now" list set between two of its paragraphs
    ("04-midstate-now", "Investigators from the National Rail Safety Board arrived Tuesday afternoon"),
    ("04-midstate-now", "\"You never think about what's in them.\""),
    ("05-northwind-public-radio", "The National Rail Safety Board is investigating what caused the derailment."),
    ("06-osprey-landing-beacon", "and three tank cars leaked vinyl acetate into the river."),
    # Windows-1252 bytes: curly quotes and an em dash decoded
    ("07-kmrw-7-news", "“Our first job was to stop the leaks, and that’s done,” Prentiss said."),
    ("07-kmrw-7-news", "about 26,000 gallons spilled — some of it burning off"),
]
OSPREY_DROP = [
    "Pinehurst", "Llewellyn", "Nadine Coyle", "Next article", "Loading next",  # the appended article
    "Loading…", "enable JavaScript", "Tamsen River to its taps on Tuesday morning, hours after a freight train derailed "
    "upstream at Osprey Landing and spilled vinyl acetate into the river. City",  # (the articleBody's paragraphs apart)
    "Subscribe", "$1 for 6 months", "Already a subscriber", "Offer valid", "which began sampling the river Tuesday",  # paywall
    "Story continues", "ADVERTISEMENT", "Morning Brief", "Recommended Video", "Drone video", "Sponsored", "PureFlow",
    "Trending Now", "volleyball",  # inserts between paragraphs
    "browser", "Listen ·", "Close menu", "Emil Sorensen reports", "listener-supported", "Tags:",  # AMP page
    "/ 12", "Courtesy", "Hank Ostrowski", "Buy this photo", "Dead fish collect", "The derailment in photos",  # gallery
    "Correction", "An earlier version", "Updated:", "Sienna Marsh contributed", "Download the KMRW", "Copyright",  # TV
]


@pytest.mark.parametrize(("doc", "snippet"), OSPREY_KEEP)
def test_osprey_keeps_story(osprey: dict[str, Document], doc: str, snippet: str) -> None:
    assert snippet in osprey[doc].text


@pytest.mark.parametrize("snippet", OSPREY_DROP)
def test_osprey_drops_clutter(osprey: dict[str, Document], snippet: str) -> None:
    for d in osprey.values():
        assert snippet not in d.text, (d.id, snippet)


def test_osprey_titles_and_outlets(osprey: dict[str, Document]) -> None:
    assert [(d.source, d.title) for d in osprey.values()][:2] == [
        ("Marrow County Courier", "Train derails at Osprey Landing, spilling chemical into Tamsen River"),
        ("Calder Springs Post", "Calder Springs shuts river intake after upstream chemical spill, asks residents to halve "
                                "water use"),
    ]
    # a byline right under a text file's headline is no part of it
    assert osprey["07-kmrw-7-news"].title == "Railroad: Osprey Landing line to reopen by Sunday; river cleanup to take weeks"
    assert osprey["07-kmrw-7-news"].source.startswith("KMRW")


def _ld_page(body: str, visible: str = "<div id=\"root\">Loading…</div>", kind: str = "NewsArticle") -> str:
    import json

    ld = {"@context": "https://schema.org", "@graph": [{"@type": "WebPage", "name": "x"},
                                                      {"@type": kind, "headline": "Quarry blast rattles homes", "articleBody": body}]}
    return (f"<!DOCTYPE html><html><head><title>Quarry blast rattles homes</title>"
            f"<script type=\"application/ld+json\">{json.dumps(ld)}</script></head><body>{visible}"
            f"<noscript>You need to enable JavaScript to run this app.</noscript></body></html>")


_QUARRY = ["A blast at the Hillcrest quarry on Monday shook homes as far as two miles away and cracked windows on "
           "Birch Lane, the county said.",
           "The quarry's owner, Stonefield Aggregates, said the charge was larger than planned and that it would pay "
           "for the damage. Inspectors from the state mine safety office visited the site on Tuesday.",
           "Residents said they had complained about blasting for months. \"The whole house jumped,\" said Ana Ruiz, "
           "who has lived on Birch Lane for 20 years. The county will hold a hearing on the quarry's permit next month, "
           "when neighbors may speak for three minutes each."]


def test_a_script_built_pages_story_is_read_from_its_json_ld() -> None:
    text = clean_text(_ld_page("\n".join(_QUARRY)))
    assert _QUARRY[0] in text and "\"The whole house jumped,\" said Ana Ruiz" in text
    assert "Loading" not in text and "JavaScript" not in text
    assert _QUARRY[0] + " The quarry" not in text  # (one paragraph a line)


def test_a_page_showing_its_story_is_read_from_its_markup_not_its_json_ld() -> None:
    shown = "".join(f"<p>{p}</p>" for p in _QUARRY[:2])
    text = clean_text(_ld_page("\n".join([*_QUARRY, "A paragraph only the structured data holds, about the quarry."]),
                               f"<article><h1>Quarry blast rattles homes</h1>{shown}</article>"))
    assert _QUARRY[1] in text and "only the structured data holds" not in text


def test_a_short_json_ld_body_or_a_non_article_is_not_the_story() -> None:
    assert "Hillcrest" not in clean_text(_ld_page("A blast at the Hillcrest quarry shook homes on Monday."))
    assert "Hillcrest" not in clean_text(_ld_page("\n".join(_QUARRY), kind="Recipe"))


def test_a_trending_list_between_paragraphs_does_not_end_the_story() -> None:
    page = ("<html><body><article><h1>Quarry blast rattles homes</h1>" + "".join(f"<p>{p}</p>" for p in _QUARRY[:2])
            + "<div><h3>Trending Now</h3><ol><li><a href='/a'>Hollis volleyball stuns top seed</a></li>"
            "<li><a href='/b'>First frost expected this weekend</a></li></ol></div>"
            "<p>Inspectors from the state mine safety office said the quarry's blasting records for the past year "
            "would be reviewed, and Stonefield Aggregates said it would pause blasting at the quarry until then.</p>"
            "<p>Residents of Birch Lane said cracked windows and fallen plaster were the least of it, and the county said "
            "the quarry's permit hearing next month would hear the homeowners.</p></article>"
            "<aside><h3>Most Read</h3><ul><li><a href='/c'>Council approves new fire station on Elm Street</a></li>"
            "<li><a href='/d'>Cardinals cruise past Hollis in district opener</a></li></ul></aside></body></html>")
    text = clean_text(page)
    assert "would be reviewed" in text and "permit hearing next month" in text
    assert "Trending" not in text and "volleyball" not in text and "Cardinals" not in text and "Most Read" not in text


PLAYER_AND_PAYWALL_LINES = [
    "Your browser doesn't support HTML5 audio.",
    "Your browser does not support the video tag.",
    "Sorry, your browser doesn't support embedded videos.",
    "Offer valid for new subscribers only. Taxes may apply.",
    "This offer is only available to new digital subscribers.",
    "KMRW 7’s Sienna Marsh contributed to this report.",
    "The Associated Press and Reuters contributed to this story.",
]
PLAYER_AND_PAYWALL_LIKE_PROSE = [
    "Your browser does not support some of the county's older forms, the clerk said, so residents should call.",
    "Offer valid for new customers through Sunday, the store's manager said.",
    "The offer is valid for new subscribers who sign up before March, according to the filing.",
    "Heavy rain contributed to this report's grim forecast, the agency said.",
    "\"Everyone contributed to this story,\" said the mayor.",
]


@pytest.mark.parametrize("line", PLAYER_AND_PAYWALL_LINES)
def test_a_players_fallback_a_paywalls_fine_print_and_a_contributor_line_are_clutter(line: str) -> None:
    from newsfuse.clutter import is_clutter_line

    assert is_clutter_line(line)


@pytest.mark.parametrize("line", PLAYER_AND_PAYWALL_LIKE_PROSE)
def test_prose_like_a_players_fallback_or_a_paywalls_fine_print_is_kept(line: str) -> None:
    from newsfuse.clutter import is_clutter_line

    assert not is_clutter_line(line)


def test_a_writers_bio_named_by_the_pages_metadata_is_dropped() -> None:
    page = ("<html><head><meta name=\"author\" content=\"Emil Sorensen\"></head><body><article>"
            "<h1>Quarry blast rattles homes</h1>" + "".join(f"<p>{p}</p>" for p in _QUARRY)
            + "<p>Emil Sorensen reports on agriculture and the environment for Northwind Public Radio from its Hollis "
            "bureau.</p></article></body></html>")
    text = clean_text(page)
    assert _QUARRY[2][-40:] in text and "Emil Sorensen reports" not in text


def test_a_byline_under_a_text_files_headline_is_not_joined_to_it() -> None:
    text = ("Quarry blast rattles homes along Birch Lane; county schedules hearing\nBy Darnell Whitaker, KMRW 7 News\n"
            "Published: Oct. 13, 2026 at 6:12 PM CDT\n\n" + "\n\n".join(_QUARRY) + "\n")
    [d] = clean_documents([Document(text=text, id="kmrw")])
    assert d.title == "Quarry blast rattles homes along Birch Lane; county schedules hearing"
    # a wrapped line that opens with "By" and a name inside a paragraph still joins
    wrapped = ("The county said the blast at the quarry was heard in three towns and was felt\nBy Tuesday morning the "
               "county had received more than 40 calls from residents about cracked walls.\n")
    assert "was felt By Tuesday morning" in clean_text(wrapped).replace("\n", " ")


# --- the tarn-quake fixture: wire copies (their update notes, credits, standards and writers' boxes), a financial
# --- service's story, a newest-first live blog, a ministry's statement, a Japanese copy, an aftershock table -------

TARN = Path(__file__).parent / "fixtures" / "tarn-quake"


@pytest.fixture(scope="module")
def tarn() -> dict[str, Document]:
    return cleaned(TARN)


TARN_KEEP = [
    ("01-meridian", "A magnitude 6.4 earthquake struck near the mountain city of Tarnovo Veliki in central Velmaria early "
                    "on Tuesday, killing at least 19 people"),
    ("01-meridian", "Rescuers worked under floodlights as night fell"),
    ("02-calder", "A magnitude 6.4 earthquake killed at least 19 people in the Velmarian mountain city of Tarnovo Veliki"),
    ("02-calder", "The country’s last deadly earthquake, a magnitude 5.8 tremor in 1963"),  # (the story's last line)
    ("03-acp", "killing at least 12 people and bringing down part of an old hospital"),
    ("03-acp", "said Dario Lenk, a 27-year-old student"),  # (the story's last line, above the slugline)
    ("04-allied-press", "More than 340 people were injured, officials said"),
    ("04-allied-press", "A magnitude 5.8 earthquake killed 11 people there in 1963."),
    ("05-northgate-standard", "The number of people killed in the earthquake has risen to 19"),
    ("05-northgate-standard", "At least 12 people have been killed in an earthquake in central Velmaria"),  # (the first post)
    ("06-velmaria-ministry-of-interior", "the competent services have confirmed that 19 persons have lost their lives"),
    ("06-velmaria-ministry-of-interior", "2. Three days of national mourning have been proclaimed, from 4 March to 6 March"),
    ("08-national-institute-of-seismology", "By 18:00 the Institute's network had recorded 43 aftershocks"),
]
TARN_DROP = [
    "UPDATE 3-", "(Adds death toll", "Reporting by", "Editing by", "Our Standards", "Trust Principles",
    "Acquire Licensing", "Ilse Marek covers", "reported on two earthquakes",  # the first wire copy
    "With assistance", "To contact", "calder.net", "Most Read", "Chipmaker", "Calder L.P.", "Listen to this article",
    "Gift this article", "Europe Daily", "EUR/VLK",  # the financial service's page
    "burs-", "-- ACP", "Agence Continentale de Presse", "Read more ACP", "Flooding in northern Ostrelia",  # the second
    "___", "At a glance", "contributed to this report", "Follow AlP", "corrected to show", "Voss covers",
    "Horek is an Allied Press", "Link copied", "1 of 9",  # the copy from a browser
    "Key events", "Show key events", "JavaScript", "min ago", "Updated at", "14:32 GMT", "We will bring you",
    "Most viewed", "Rail fares", "Photograph:",  # the live blog
    "Home | The Ministry", "Press Centre", "No. 114/2026", "Download PDF", "Related statements", "winter road",
    "Boulevard of the Republic", "Press Office", "011 4400", "Working hours",  # the ministry's page
    "Did you feel it", "Download CSV", "4 Observatory Road", "06:52:40",  # the institute's page
    "アクセスランキング", "有料会員",  # the Japanese page's furniture
]


@pytest.mark.parametrize(("doc", "snippet"), TARN_KEEP)
def test_tarn_keeps_story(tarn: dict[str, Document], doc: str, snippet: str) -> None:
    assert snippet in tarn[doc].text


@pytest.mark.parametrize("snippet", TARN_DROP)
def test_tarn_drops_clutter(tarn: dict[str, Document], snippet: str) -> None:
    for d in tarn.values():
        assert snippet not in d.text, (d.id, snippet)


def test_tarn_titles_outlets_and_dates(tarn: dict[str, Document]) -> None:
    titles = {k: d.title or "" for k, d in tarn.items()}
    # (a wire's tag for its clients' editors is no part of the headline)
    assert titles["01-meridian"] == "Quake kills 19 in Velmaria's Tarnovo Veliki, hospital wing and old bridge collapse"
    assert titles["03-acp"] == "Quake hits Velmaria mountain city, at least 12 dead"
    assert titles["04-allied-press"].startswith("Earthquake in Velmaria kills 19")
    # (the statement's title, not the site's menu bar or its breadcrumb; its day-first date)
    assert titles["06-velmaria-ministry-of-interior"].startswith("STATEMENT OF THE MINISTRY")
    assert tarn["06-velmaria-ministry-of-interior"].date == "2026-03-03"
    assert titles["08-national-institute-of-seismology"].startswith("Earthquake of 3 March 2026")
    assert {k: d.source for k, d in tarn.items() if k != "06-velmaria-ministry-of-interior"} == {
        "01-meridian": "Meridian", "02-calder": "Calder", "03-acp": "Agence Continentale de Presse",
        "04-allied-press": "The Allied Press", "05-northgate-standard": "The Northgate Standard",
        "07-choyo-shinpo": "朝陽新報デジタル", "08-national-institute-of-seismology": "National Institute of Seismology"}


TARN_FURNITURE = [
    "Allied Press writers Petra Sandor in Lirsk, Velmaria, and Oskar Veit in Brenna, Dravonia, contributed to this "
    "report.",
    "Associated Press writers Jon Roe in Dubai, United Arab Emirates, and Sam Doe in Tehran, Iran, contributed to this "
    "report.",
    "Our Standards: The Meridian Trust Principles.",
    "The Thomson Reuters Trust Principles.",
    "We will bring you the latest as we get it.",
    "We'll keep you updated.",
]
TARN_FURNITURE_LIKE_PROSE = [
    "Writers in the city said the blockade contributed to the famine, and the report agreed.",
    "Several reporters were hurt in the crush, police said.",
    "The committee said the trust principles adopted in 2019 had been ignored by the board.",
    "We will bring you home, the captain told the stranded passengers over the radio.",
    "\"We will keep fighting,\" the mayor said.",
]


@pytest.mark.parametrize("line", TARN_FURNITURE)
def test_wire_credits_standards_and_a_live_pages_promise_are_clutter(line: str) -> None:
    from newsfuse.clutter import is_clutter_line

    assert is_clutter_line(line)


@pytest.mark.parametrize("line", TARN_FURNITURE_LIKE_PROSE)
def test_prose_like_wire_credits_is_kept(line: str) -> None:
    from newsfuse.clutter import is_clutter_line

    assert not is_clutter_line(line)


def test_a_wires_writer_box_under_the_story_goes() -> None:
    story = ("The quake struck at 6:47 a.m. about 9 miles southwest of the city, the institute said.\n\n"
             "Rescuers pulled 12 people alive from two collapsed apartment blocks by evening, the mayor said.\n\n")
    page = ("By JANE ROE and SAM DOE\n\n" + story + "JANE ROE\nRoe covers central Europe for The Allied Press.\n\n"
            "SAM DOE\nDoe is an Allied Press video journalist based in Lirsk.\n")
    [d] = clean_documents([Document(text=page, id="x", source="X")])
    assert "Rescuers pulled 12 people" in d.text and "covers" not in d.text and "video journalist" not in d.text
    # the byline's writer's beat alone ("covers ... from Lirsk"), under the story
    page = "By Ilse Marek\n\n" + story + "Ilse Marek covers central and eastern Europe from Lirsk.\n"
    [d] = clean_documents([Document(text=page, id="x", source="X")])
    assert "covers" not in d.text
    # a person the story names, not the writer, stays: "Li Wei covers the cost of her own medication."
    page = "By Ilse Marek\n\n" + story + "Li Wei covers the cost of her own medication, she said.\n"
    [d] = clean_documents([Document(text=page, id="x", source="X")])
    assert "Li Wei covers the cost" in d.text


def test_a_menu_bar_or_a_breadcrumb_is_no_headline() -> None:
    from newsfuse.clean import _not_a_headline

    assert _not_a_headline("Home | The Ministry | Press Centre | Civil Protection | Citizens' Services | Contact | EN")
    assert _not_a_headline("Press Centre > Statements > 2026")
    assert not _not_a_headline("Quake kills 19 in Velmaria | World news")
    assert not _not_a_headline("Velmaria quake: death toll rises to 19 as rescuers search collapsed hospital wing")
    assert not _not_a_headline("Profits > forecasts as the bank beats estimates > again")


@pytest.mark.parametrize(("title", "want"), [
    ("UPDATE 3-Quake kills 19 in Velmaria", "Quake kills 19 in Velmaria"),
    ("CORRECTED-UPDATE 1-Stocks fall as oil jumps", "Stocks fall as oil jumps"),
    ("EXCLUSIVE-Bank weighs sale of unit", "Bank weighs sale of unit"),
    ("COVID-19 cases rise in the city", "COVID-19 cases rise in the city"),
    ("Update 3-year plan approved by council", "Update 3-year plan approved by council"),
    ("UPDATE: Bridge reopens after repairs", "UPDATE: Bridge reopens after repairs"),
])
def test_a_wires_tag_on_a_headline_is_no_part_of_the_title(title: str, want: str) -> None:
    [d] = clean_documents([Document(text="The bridge reopened on Tuesday after six weeks of repairs, the city said.",
                                    id="x", source="X", title=title)])
    assert d.title == want


def test_a_day_first_date_is_read() -> None:
    from newsfuse.clutter import find_date

    assert find_date("Lirsk, 3 March 2026, 18:00 hours") == "2026-03-03"
    assert find_date("Tue 3 Mar 2026 16.34 GMT") == "2026-03-03"
    assert find_date("Posted March 4, 2026; first filed 3 March 2026") == "2026-03-04"  # (month first still wins)
    assert find_date("The plant made 1.5 March 2026 shipments") is None
    assert find_date("31 February 2026") is None




# --- review of the new rules for false positives: ordinary prose and input they must leave alone --------------------


def _md_body(line: str) -> str:
    from newsfuse.markdown_text import markdown_to_text

    text, _ = markdown_to_text("---\ntitle: T\n---\n\n# Head\n\nSee [the site](https://x.example).\n\n" + line + "\n")
    return text.split("See the site.", 1)[1].strip()


@pytest.mark.parametrize(("line", "expected"), [
    # a word starred out is not bold ("f***"), nor a row of stars
    ("What the f*** is going on, he said, and who the s*** cares.", None),
    ("The critic gave it a ***** review.", None),
    # an editor's note in brackets is no link definition
    ("[Update 3:45 p.m.]: Police said the suspect was arrested.", None),
    ("[Editor's note]: This story has been updated.", None),
    # an address with parentheses keeps none of its tail
    ("Read about [Mercury](https://en.wikipedia.org/wiki/Mercury_(planet)) today.", "Read about Mercury today."),
    # an underscore inside an address is no emphasis
    ("The notes were at https://x.example/_drafts_/post on Friday.", None),
    # a number other than 1 at a wrapped line's start is the paragraph's text
    ("The measure passed 52-48 after a recount, officials said, and\n5. The next vote is in May.", None),
    # the original positives
    ("The **Fulton Street** bridge closed, *the city* said.", "The Fulton Street bridge closed, the city said."),
    ("***Breaking:*** the bridge closed.", "Breaking: the bridge closed."),
    ("[1]: https://x.example/report \"The report\"", ""),
    ("Detours:\n\n2. Take Elm Street", "Detours:\n\nTake Elm Street"),
])
def test_markdown_leaves_prose_that_only_looks_like_markup(line: str, expected: str | None) -> None:
    assert _md_body(line) == (line if expected is None else expected)


_SHELTER_STORY = ("The county opened four warming shelters on Friday as overnight temperatures were forecast to fall below "
                  "zero, the emergency management office said.\n\nThe shelters at Lincoln Middle School and three "
                  "churches will stay open through Monday morning, and buses will run free to each of them until "
                  "midnight.\n")
_SHELTER_MAIL = ("From: Dana Reyes <dana@county.example>\nDate: Fri, Mar 6, 2026 at 4:37 PM\n"
                 "Subject: County opens warming shelters\nTo: Desk <desk@paper.example>\n\n")


def test_an_emails_story_after_its_sign_off_stays() -> None:
    page = (_SHELTER_MAIL + "Dear editors,\n\nPlease find our statement below.\n\nBest,\nDana Reyes\n"
            "Communications Director\nPowering Ashgrove County since 1938.\n\n" + _SHELTER_STORY
            + "\nThanks.\nDana Reyes\n\nThe office also asked residents to check on elderly neighbors and to keep "
            "pets indoors overnight.\n\nThis email and any files transmitted with it are confidential and intended "
            "solely for the use of the individual to whom they are addressed.\n")
    [d] = clean_documents([Document(text=page, id="x", source="X")])
    assert "four warming shelters on Friday" in d.text and "buses will run free" in d.text
    assert "check on elderly neighbors" in d.text
    for clutter in ("Best", "Communications Director", "Powering Ashgrove", "transmitted with it"):
        assert clutter not in d.text, clutter


def test_a_message_forwarded_as_quoted_lines_is_the_pages_story() -> None:
    page = ("From: Sam Ode <sam@paper.example>\nSubject: Fwd: shelters\n\nFYI\n\n> "
            + _SHELTER_STORY.replace("\n\n", "\n>\n> "))
    [d] = clean_documents([Document(text=page, id="x", source="X")])
    assert "four warming shelters on Friday" in d.text and "buses will run free" in d.text
    # (a reply's quoted earlier message still goes: see test_a_forwarded_messages_sender_and_subject_are_the_pages)


def test_an_article_quoting_a_forum_post_under_its_lead_keeps_the_lead() -> None:
    page = ("The county opened four warming shelters on Friday as overnight temperatures were forecast to fall below "
            "zero, officials said.\n\nThe warning first spread on a neighborhood forum on Thursday night.\n\n"
            "Posted by u/ashgrove_mom\n\nPower is out on our whole street and the shelters are full already, one "
            "resident wrote in the post.\n\nThe county said two more shelters would open on Saturday morning.\n")
    [d] = clean_documents([Document(text=page, id="x", source="X")])
    assert "four warming shelters on Friday" in d.text and "first spread on a neighborhood forum" in d.text
    assert d.title is None or "Power is out" not in d.title


@pytest.mark.parametrize("line", [
    "1/ 2 cup of salt per gallon of water melts ice on steps, the utility advised in a post on Friday.",
    "9/ 11 first responders were honored at the ceremony on Friday, the county said in a statement.",
])
def test_a_fraction_or_a_date_split_by_a_space_is_no_threads_number(line: str) -> None:
    [d] = clean_documents([Document(text=_SHELTER_STORY + "\n" + line + "\n", id="x", source="X")])
    assert line in d.text


@pytest.mark.parametrize("line", [
    "Police said the fire was accidental. Jane Doe contributed to this report.",
    "This offer is open to new members who sign up before the deadline, the club's president wrote in a letter.",
    "The transcript below was generated automatically by the court's new software, the clerk said.",
])
def test_prose_on_a_line_with_or_like_new_furniture_is_kept(line: str) -> None:
    from newsfuse.clutter import is_clutter_line

    assert not is_clutter_line(line)


@pytest.mark.parametrize("line", [
    "Jane Q. Doe contributed to this report.",
    "John Smith Jr. and Ann Lee contributed to this report from St. Louis.",
    "This offer is valid for new subscribers only. Taxes may apply.",
    "The transcript below was generated automatically and may contain errors.",
])
def test_new_furniture_lines_are_still_clutter(line: str) -> None:
    from newsfuse.clutter import is_clutter_line

    assert is_clutter_line(line)


def test_another_storys_json_ld_body_listed_by_the_page_is_not_its_story() -> None:
    import json

    other = " ".join(["The city council approved a new budget for the coming year with more money for parks."] * 12)
    listed = {"@type": "ItemList", "itemListElement": [{"@type": "NewsArticle", "headline": "Budget",
                                                        "articleBody": other}]}
    page = ("<html><head><title>Quarry blast rattles homes</title><script type=\"application/ld+json\">"
            + json.dumps(listed) + "</script></head><body><article><h1>Quarry blast rattles homes</h1><p>"
            + _QUARRY[0] + "</p></article></body></html>")
    text = clean_text(page)
    assert _QUARRY[0] in text and "budget" not in text
    # a page's "mainEntity" is its own article
    main = {"@type": "WebPage", "mainEntity": {"@type": "NewsArticle", "articleBody": "\n".join(_QUARRY)}}
    shell = ("<html><head><script type=\"application/ld+json\">" + json.dumps(main) + "</script></head>"
             "<body><div id=\"root\">Loading…</div></body></html>")
    assert _QUARRY[2][-40:] in clean_text(shell)


@pytest.mark.parametrize("line", [
    "By Maria Lopez and her neighbors on Birch Lane, who held bake sales",
    "By Maria Lopez, who held bake sales and car washes on Birch Lane",
])
def test_a_wrapped_sentences_agent_opening_a_line_is_no_byline(line: str) -> None:
    text = f"The scholarship fund was started in 2019 and was raised almost entirely\n{line}\nevery summer, the county said.\n"
    assert "raised almost entirely By Maria Lopez" in clean_text(text).replace("\n", " ")


@pytest.mark.parametrize("byline", ["By Darnell Whitaker and Ana Ruiz", "By Darnell Whitaker, staff writer"])
def test_a_byline_of_two_names_or_a_title_is_not_joined_to_its_headline(byline: str) -> None:
    text = ("Quarry blast rattles homes along Birch Lane; county schedules hearing\n" + byline + "\n"
            "Published: Oct. 13, 2026 at 6:12 PM CDT\n\n" + "\n\n".join(_QUARRY) + "\n")
    [d] = clean_documents([Document(text=text, id="kmrw")])
    assert d.title == "Quarry blast rattles homes along Birch Lane; county schedules hearing"


def test_an_email_with_a_markdown_link_keeps_its_quoted_lines_out() -> None:
    page = ("From: Dana Reyes <dana@county.example>\nDate: Fri, Mar 6, 2026 at 4:37 PM\nSubject: Re: shelters\n\n"
            "The county opened four warming shelters on Friday as temperatures fell below zero; the list is on "
            "[our site](https://county.example/shelters).\n\n> On Fri, Mar 6, 2026 at 3:58 PM Sam Ode "
            "<sam@paper.example> wrote:\n> How many shelters are open tonight and where are they, and will buses run "
            "to them?\n")
    [d] = clean_documents([Document(text=page, id="x", source="X")])
    assert "the list is on our site." in d.text and "How many shelters" not in d.text




# --- the quill-strike fixture: pages in broken or unusual formats (an all-capitals teletype copy, a mailing-list
# --- archive hard-wrapped at 72, <div>s and <br><br>, mojibake, a story twice, interleaved PDF columns, a radio
# --- bulletin without punctuation, invisible characters) ---------------------------------------------------------

QUILL = Path(__file__).parent / "fixtures" / "quill-strike"


@pytest.fixture(scope="module")
def quill() -> dict[str, Document]:
    return cleaned(QUILL)


QUILL_KEEP = [
    ("01-interstate-news-service", "BUS DRIVERS, TRAM OPERATORS AND MECHANICS OF QUILLFORD METRO TRANSIT WALKED OFF"),
    ("01-interstate-news-service", "TOP-SCALE OPERATORS EARN $31.40 AN HOUR"),  # (after "(MORE)" and "ADD 1 ...")
    # a line ending in a comma runs on into the next, which starts with a name
    ("02-quillford-riders-alliance", "WHAT NEXT. The state Mediation Board named a mediator this afternoon, Ruth "
                                     "Achterberg, and talks are supposed to resume Thursday at 10 a.m."),
    ("02-quillford-riders-alliance", "went out at 4 a.m. this morning"),  # (wrapped between "4" and "a.m.")
    ("03-quillford-courier", "Some 2,900 members of the Amalgamated Transit Workers Local 418"),  # (two <span>s)
    ("03-quillford-courier", "The city woke up Monday to empty bus shelters"),  # (a drop cap's <span>)
    ("03-quillford-courier", "Quillford General Hospital and St. Brigid's Medical Center began running shuttles"),
    ("04-eastbank-observer", "“We found out at midnight,” said Noémie Castellanos"),  # (the mojibake mended)
    ("04-eastbank-observer", "“The hospital is running a shuttle from the Fairgrounds lot"),
    ("04-eastbank-observer", "Café Lumière"),
    ("05-harbourline-news", "Transit workers in Quillford went on strike early Monday"),
    ("06-quillford-chamber-of-commerce", "Transit strike: what employers should know. Quillford Metro Transit buses "
                                         "and trams stopped running at 4 a.m. on Monday, March 9"),  # (a column)
    ("06-quillford-chamber-of-commerce", "After three years of work, the old Pemberton woolen mill"),  # (the other)
    ("06-quillford-chamber-of-commerce", "The state Mediation Board has appointed a mediator, Ruth Achterberg"),
    ("07-wqfm-news", "About 240,000 people ride the system on a weekday"),
    ("08-the-quillford-review", "Amalgamated Transit Workers Local 418 would end"),  # (soft hyphen, no-break space)
    ("08-the-quillford-review", "a one-time payment of $1,200"),  # (a non-breaking hyphen)
    ("08-the-quillford-review", "The state Mediation Board appointed Ruth Achterberg as mediator on Monday."),
]
QUILL_DROP = [
    "BC-QUILLFORD", "WRITETHRU", "EDS:", "(MORE)", "ADD 1", "ENDIT", "LV/JT", "1142EST", "A217",  # the teletype copy
    "Previous message", "Next message", "Messages sorted by", "next part", "attachment was scrubbed", "pipermail",
    "mailing list", "Better transit for everyone",  # the mailing-list archive
    "ADVERTISEMENT", "RELATED:", "Most Read", "cmadsen@", "Warehouse fire",  # the <div> page
    "â€", "Ã", "More from Eastbank", "donate today",  # the mojibake page
    "Top Stories", "Read more", "Ferry fares", "Harbour ferry", "Port volumes",  # the page with its story twice
    "Member spotlight: Pemberton Food Hall. know.", "should Member", "Quillford Business Bulletin 2",  # the PDF
    "News | Music", "produced automatically", "may contain errors", "Listen 5:12", "Become a member",  # the radio's
    "\u00ad", "\u200b", "\ufeff", "\u2011", "reader-funded", "become a supporter",  # the smart-punctuation page
]


@pytest.mark.parametrize(("doc", "snippet"), QUILL_KEEP)
def test_quill_keeps_story(quill: dict[str, Document], doc: str, snippet: str) -> None:
    assert snippet in quill[doc].text


@pytest.mark.parametrize("snippet", QUILL_DROP)
def test_quill_drops_clutter(quill: dict[str, Document], snippet: str) -> None:
    for d in quill.values():
        assert snippet not in d.text, (d.id, snippet)


def test_quill_titles_and_outlets(quill: dict[str, Document]) -> None:
    titles = {k: d.title or "" for k, d in quill.items()}
    # (the teletype copy's headline, not its slug line; the mojibake page's title mended; not a masthead)
    assert titles["01-interstate-news-service"] == "TRANSIT WORKERS STRIKE IN QUILLFORD, HALTING BUSES AND TRAMS"
    assert titles["04-eastbank-observer"] == "‘A city on foot’: Quillford’s first day without buses or trams"
    assert titles["03-quillford-courier"].startswith("Transit strike shuts down Quillford buses and trams")
    assert not titles["07-wqfm-news"].startswith("WQFM")
    # (the story once, though the page carries a hidden copy of it and a teaser of its lead)
    assert quill["05-harbourline-news"].text.count("Transit workers in Quillford went on strike") == 1
    assert quill["05-harbourline-news"].text.count("The last transit strike in Quillford") == 1
    assert {k: d.source for k, d in quill.items()} == {
        "01-interstate-news-service": "Interstate News Service", "02-quillford-riders-alliance": "Quillford Riders Alliance",
        "03-quillford-courier": "Quillford Courier", "04-eastbank-observer": "Eastbank Observer",
        "05-harbourline-news": "Harbourline News", "06-quillford-chamber-of-commerce": "Quillford Chamber of Commerce",
        "07-wqfm-news": "WQFM Quillford Public Radio", "08-the-quillford-review": "The Quillford Review"}


QUILL_FURNITURE = [
    "R A BC-QUILLFORD-TRANSIT-STRIKE 1STLD-WRITETHRU 560",
    "BC-QUILLFORD TRANSIT STRIKE, 1ST LD-WRITETHRU,560",
    "BC-Chile-Pinochet,0567",
    "EDS: UPDATES WITH MAYOR'S STATEMENT, MEDIATOR, SHUTTLES. SUBS 6TH GRAF, BGNG 'INGRID FAULKNER.'",
    "Eds: Moves on general news services.",
    "* Previous message: [Riders] Tram line 3 delays this week?",
    "Next message: [Riders] Strike day one: what we know (long)",
    "An HTML attachment was scrubbed...",
    "A non-text attachment was scrubbed...",
    "This transcript was produced automatically from the broadcast and lightly edited. It may contain errors.",
    "This transcript was generated by a machine and may contain errors.",
]
QUILL_FURNITURE_LIKE_PROSE = [
    "BC-based Teck Resources said on Monday it would cut 500 jobs.",
    "The BC-Alberta pipeline dispute deepened on Friday.",
    "Eds said the plan would fail, according to two people at the meeting.",
    "The previous message from the kidnappers arrived on Tuesday, police said.",
    "Next message: the union said it would answer the offer on Friday.",
    "The transcript was produced automatically, the court clerk said, and it omitted his answer.",
    "The transcript was produced by court reporters and shows the judge warned him twice.",
]


@pytest.mark.parametrize("line", QUILL_FURNITURE)
def test_a_teletype_slug_a_mailing_lists_links_and_a_machine_transcripts_note_are_clutter(line: str) -> None:
    from newsfuse.clutter import is_clutter_line

    assert is_clutter_line(line)


@pytest.mark.parametrize("line", QUILL_FURNITURE_LIKE_PROSE)
def test_prose_like_a_slug_or_a_mailing_lists_links_is_kept(line: str) -> None:
    from newsfuse.clutter import is_clutter_line

    assert not is_clutter_line(line)


def test_a_wrapped_line_ending_in_a_comma_runs_on() -> None:
    text = ("The Arden Bridge was backed up almost two miles at 7:30 this morning. If\n"
            "you can work from home, please do.\n\n"
            "WHAT NEXT. The state Mediation Board named a mediator this afternoon,\n"
            "Ruth Achterberg, and talks are supposed to resume Thursday at 10 a.m.\n"
            "The last strike, in 2009, lasted 11 days.\n")
    out = clean_text(text)
    assert "named a mediator this afternoon, Ruth Achterberg, and talks are supposed to resume" in out
    # a letter's sign-off over the writer's name stays apart; so does a line ending a sentence
    out = clean_text("The survey's results will go to the mediator and to both sides of the dispute.\n\n"
                     "Warm regards,\nAnnika Roos\n")
    assert "Warm regards, Annika" not in out


def test_a_lists_bulleted_items_are_not_joined_as_a_wrapped_paragraph() -> None:
    text = ("The Harbor Authority has set up three telephone lines for the families of those on board the ferry:\n\n"
            "    * 0800 555 0101 for calls from within the country\n"
            "    * 0800 555 0199 for calls from the islands\n"
            "    * +47 555 01 42 for calls from abroad, at any hour.\n\n"
            "The ferry's owner said it would meet the families on Friday morning at the harbor office.\n")
    out = clean_text(text)
    assert "the islands *" not in out and "within the country *" not in out
    assert "* +47 555 01 42 for calls from abroad, at any hour." in out
    # a wrapped paragraph of prose is still joined
    out = clean_text("The council voted on Tuesday to approve a plan that would\n"
                     "raise spending on the city's schools by five percent over the\n"
                     "next two years, the mayor's office said in a statement.\n")
    assert "would raise spending on the city's schools by five percent over the next two years" in out
    # the text under a list, no blank line between: not glued onto the short last item
    out = clean_text("Officials said three numbers were open for calls from the public on Tuesday night:\n"
                     "* 0800 800 812 for calls from within the country\n"
                     "* 00 33 1 45 50 34 60 for calls from abroad\n"
                     "The hotline will stay open through the weekend, the ministry said.\n")
    assert "abroad The hotline" not in out
    assert "The hotline will stay open through the weekend, the ministry said." in out
    # ... while a long item wrapped over two lines is one
    out = clean_text("Officials listed the measures taken across the region on Tuesday night and Wednesday:\n"
                     "* In Sri Lanka, more than 1,600 kilometres from the epicenter, the\n"
                     "Waves destroyed three villages along the eastern coast, officials said.\n")
    assert "from the epicenter, the Waves destroyed three villages" in out


def test_interleaved_columns_are_read_apart() -> None:
    from newsfuse.clean import _two_columns

    left = ["Road closures: what drivers should", "know. The Elm Street bridge closed at",
            "6 a.m. on Monday, when inspectors found", "cracks in two steel beams. The city has",
            "asked drivers to use the Route 9 bypass.", "Repairs are expected to take at least",
            "six weeks, the public works office said."]
    right = ["Library news: the reading room reopens.", "After a year of work, the old reading",
             "room on Canal Street opens again on", "April 4, with new lights and new",
             "chairs for its readers. The library", "will hold an open house in April."]
    mixed = [x for pair in zip(left, right, strict=False) for x in pair] + left[len(right):]
    out = clean_text("\n".join(mixed) + "\n")
    assert " ".join(left[:5]) in out and " ".join(right[1:]) in out and "six weeks, the public works" in out
    assert "should Library" not in out and "reopens. know." not in out
    # one column, wrapped as it stands; lines in lower case after a sentence's end in text without capitals
    assert " ".join(left[:5]) in clean_text("\n".join(left) + "\n")
    lines = ["the mayor said the city would pay.", "it was the first such payment.", "officials said it was legal.",
             "critics said it was not.", "the council will vote on it.", "a hearing is set for may.",
             "the union welcomed the plan.", "riders were less sure."]
    assert _two_columns(lines) is None


def test_a_mojibake_pages_markup_and_title_are_mended() -> None:
    page = ("<html><head><meta charset='utf-8'><title>â€˜A city on footâ€™: Quillfordâ€™s first day</title></head>"
            "<body><article><h1>â€˜A city on footâ€™</h1><p>â€œWe found out at midnight,â€\x9d said NoÃ©mie "
            "Castellanos, 34, who works the early shift in the hospitalâ€™s emergency department. â€œThe hospital "
            "is running a shuttle, but I donâ€™t have a car.â€\x9d</p><p>The strike stopped all 62 bus routes and "
            "four tram lines on Monday, leaving about 240,000 riders to find another way to work.</p>"
            "</article></body></html>")
    [d] = clean_documents([Document(text=page, id="x", source="X", is_html=True,
                                    title="â€˜A city on footâ€™: Quillfordâ€™s first day")])
    assert "“We found out at midnight,” said Noémie Castellanos" in d.text
    assert "“The hospital is running a shuttle, but I don’t have a car.”" in d.text
    assert d.title == "‘A city on foot’: Quillford’s first day"
    # a page without mojibake keeps its letters ("Â" and "â" in names)
    page = "<html><body><article><p>Ângela Sá and Zoë Brontë met the mayor on Monday to discuss the strike.</p>" \
           "<p>The talks resume on Thursday, the mediator said in a short statement to reporters.</p></article></body></html>"
    [d] = clean_documents([Document(text=page, id="x", source="X", is_html=True)])
    assert "Ângela Sá and Zoë Brontë" in d.text


def test_a_typographic_hyphen_is_a_hyphen_and_invisible_characters_go() -> None:
    text = ("The authority offered 8\u00a0percent over three years plus a one\u2011time pay\u00adment of $1,200.\u200b "
            "Shuttles ran from park\u2010and\u2010ride lots.\n")
    out = clean_text(text)
    assert "8 percent over three years plus a one-time payment of $1,200. Shuttles ran from park-and-ride lots." in out


def test_a_menu_bar_under_the_sites_name_is_no_part_of_the_title() -> None:
    page = ("WQFM 90.3 Quillford Public Radio\nNews | Music | Schedule | Podcasts | Donate\n\n"
            "Transit strike halts buses and trams across Quillford\n\n"
            "Transit workers walked off the job at 4 a.m. on Monday after talks broke down, halting all buses.\n\n"
            "The union wants raises of 15 percent over three years, and the authority has offered 8 percent.\n\n"
            "© 2026 WQFM Quillford Public Radio\n")
    [d] = clean_documents([Document(text=page, id="07-wqfm-news", source="WQFM News")])
    assert d.title == "Transit strike halts buses and trams across Quillford"
    assert "News | Music" not in d.text


# --- hostile and huge input stays linear: each case below took minutes with a quadratic path (a regex's lazy match run
# again from every unclosed opening, a paragraph rebuilt for every wrapped line); with none, each takes well under a
# second ------------------------------------------------------------------------------------------------------------


def test_unclosed_json_ld_scripts_are_read_once() -> None:
    from newsfuse.clean import _ld_json_blocks

    page = ('<script type="application/ld+json">{"a": 1}</script><p>x</p>'
            '<script type="application/ld+json">{"b": 2}</script>'
            + '<script type="application/ld+json">{"articleBody": "a"' * 20_000)
    assert list(_ld_json_blocks(page)) == ['{"a": 1}', '{"b": 2}']
    [d] = clean_documents([Document(text="<html><body><p>The council met.</p>" + page + "</body></html>", id="x",
                                    is_html=True)])
    assert "articleBody" not in d.text


def test_a_feeds_unclosed_titles_and_cdata_sections_are_read_once() -> None:
    from newsfuse.feed import _cdata, _uncdata, parse_feed

    assert _cdata("<![CDATA[a]]> and <![CDATA[b]]>" + "<![CDATA[x" * 20_000) == ["a", "b"]
    assert _uncdata("T<![CDATA[ one]]>, two<![CDATA[ open") == "T one, two<![CDATA[ open"
    story = "The mayor closed the bridge on Tuesday after inspectors found cracks in two girders, officials said."
    channel, items = parse_feed('<?xml version="1.0"?><rss><channel>' + "<title>x" * 20_000
                                + f"<item><title>T</title><description>{story}</description></item></channel></rss>")
    assert channel is None and [i.title for i in items] == ["T"]


def test_a_line_of_unclosed_markdown_marks_is_read_once() -> None:
    from newsfuse.markdown_text import markdown_to_text

    text, title = markdown_to_text("# Bridge closes\n\nThe **council** met. " + "**a _b " * 20_000 + "\n")
    assert title == "Bridge closes" and text.startswith("Bridge closes\n\nThe council met.")


def test_a_text_of_many_short_wrapped_lines_is_joined_in_one_pass() -> None:
    import random
    import textwrap

    rng = random.Random(0)
    words = "bridge city council cracks girders inspectors mayor repairs traffic river harbor engineers steel".split()
    # (no line ends a sentence and each opens in lower case: every line runs on from the one above, one paragraph of
    # over 20,000 lines, as a transcript without punctuation can be)
    prose = "The " + " ".join(rng.choice(words) for _ in range(120_000)) + "."
    lines = textwrap.wrap(prose, 40)
    assert len(lines) > 20_000
    [d] = clean_documents([Document(text="\n".join(lines), id="x")])
    assert len(d.text) > 0.9 * len(prose) and d.text.count("\n") < 10


# --- a press release's end: its "- ends -" mark and its notes to editors ----------------------------------------------

RELEASE_STORY = ("The ministry said on Friday that it would appeal the order to the Supreme Court within fourteen days.\n\n"
                 "Work on the treatment hall on land will continue while the order is in force, the ministry said.\n\n")


@pytest.mark.parametrize("end", ["- ends -", "– ENDS –", "ENDS", "-30-", "Notes to editors", "Notes for Editors:",
                                 "Note to editors"])
def test_a_press_releases_end_mark_or_notes_heading_ends_the_story(end: str) -> None:
    [d] = clean_documents([Document(text=RELEASE_STORY + end + "\n\n1. Photographs of the site are available from "
                                    "the press office on request.\n\nAbout the ministry: it runs the country's water "
                                    "supply and its ports.", id="x")])
    assert d.text.endswith("the ministry said.") and "Photographs" not in d.text


@pytest.mark.parametrize("line", [
    "The notes to editors were sent out on Tuesday, a spokesman said.",
    "Ends of the pier were closed to walkers after the storm, the council said.",
    "The strike ends on Friday, union leaders said.",
])
def test_prose_about_notes_or_ends_is_kept(line: str) -> None:
    [d] = clean_documents([Document(text=RELEASE_STORY + line + "\n\nThe minister will visit the site on Monday, "
                                    "her office said.", id="x")])
    assert line in d.text and "visit the site on Monday" in d.text


# A paragraph of a truncated copy stops mid-sentence; the sentence ends before it are kept, not a full stop that
# closes an abbreviation inside the unfinished sentence.
_ROAD_STORY = ("The county's road crews worked through the night to clear the mud from the highway after the storm, and "
          "the road reopened to traffic shortly before six in the morning, a spokeswoman for the county said. ")


@pytest.mark.parametrize("tail", [
    "On monday, two hikers called the sheriff after finding the car in a ravine west of u.s. 27 and north of the",
    "The board will meet again on the night of sept. 14 to hear from residents who",
    "Among those at the hearing was longtime u.s. Rep. Dana Ostrow, who told the",
    "Also speaking at the meeting was the county's health officer, dr. Lena Maroussi, who",
    "A spokesman for the family of the driver, john q. Ferris, said that the",
])
def test_a_truncated_paragraph_ends_at_its_last_whole_sentence(tail: str) -> None:
    out = clean_text(_ROAD_STORY * 2 + tail)
    assert out.rstrip().endswith("a spokeswoman for the county said."), out[-120:]


@pytest.mark.parametrize("tail", [
    "He flew back to the U.S. The next day he met the officials who had invited him to the",
    "The ferry was due to leave at 7 a.m. The captain said the crossing would take about",
])
def test_a_truncated_paragraphs_last_sentence_may_end_in_an_abbreviation(tail: str) -> None:
    out = clean_text(_ROAD_STORY * 2 + tail)
    assert out.rstrip().endswith(tail.split(". The ")[0] + "."), out[-120:]


# --- the lornby-flood fixture: a story whose figures move while outlets report it: two wire copies (an early toll
# --- and a later one), a local page with a correction, an update note, an update stamp and a superseded paragraph
# --- under "Earlier:", a newest-first live page, a TV station's page, a printer-friendly page with an editor's note

LORNBY = Path(__file__).parent / "fixtures" / "lornby-flood"


@pytest.fixture(scope="module")
def lornby() -> dict[str, Document]:
    return cleaned(LORNBY)


LORNBY_KEEP = [
    ("01-npa-early", "At least four people died and 11 were unaccounted for"),
    ("02-npa-update", "raising an earlier toll of four"),
    ("02-npa-update", "Marchetti's office said it had confirmed seven deaths and knew of no others."),
    ("03-lornby-courier", "Seven people are now confirmed dead and three remain missing"),
    ("03-lornby-courier", "More than 7 inches of rain fell in about 12 hours"),  # (the story's last line)
    ("04-tessel-valley-news", "The death toll from the flood remains at seven"),
    ("04-tessel-valley-news", "Seven people have died and about 230 have been rescued"),  # (split trims "Recap:")
    ("04-tessel-valley-news", "Pruitt said one of the three missing people"),  # (without its "UPDATE 10:55 a.m.:")
    ("05-kvrl-7", "Nine people have died in the flooding that swept through Lornby overnight"),
    ("06-arden-statesman", "\"We had close to 400 people sleeping in our two shelters last night"),
    ("06-arden-statesman", "About 650 people spent Tuesday night in the town's two shelters"),
]
LORNBY_DROP = [
    "Correction:", "misstated the number", "This story has been updated", "Updated at", "Published Sept.",
    "Facebook", "Advertisement", "Related", "Reach her at", "Morning Courier", "Most Read",  # the local page
    "Editor's note", "An earlier version said", "Printed", "Print this page", "Links:", "1 of 1",  # the printed page
    "UPDATE 3-", "(Adds new death toll", "Reporting by", "Our Standards", "Licensing", "Read Next",  # the wires
    "UPDATE 10:55", "Load older posts", "Trending", "10:48 a.m.", "first published at 5:30",  # the live page
    "Follow our live coverage", "Stay with KVRL 7", "Play Video", "ADVERTISEMENT", "Tags:", "FCC",  # the pages' pitches
]


@pytest.mark.parametrize(("doc", "snippet"), LORNBY_KEEP)
def test_lornby_keeps_story(lornby: dict[str, Document], doc: str, snippet: str) -> None:
    assert snippet in lornby[doc].text


@pytest.mark.parametrize("snippet", LORNBY_DROP)
def test_lornby_drops_clutter(lornby: dict[str, Document], snippet: str) -> None:
    for d in lornby.values():
        assert snippet not in d.text, (d.id, snippet)


def test_lornby_titles_and_outlets(lornby: dict[str, Document]) -> None:
    titles = {k: d.title for k, d in lornby.items()}
    assert titles["02-npa-update"] == "Lornby flood death toll rises to 7; governor declares disaster emergency"
    assert titles["06-arden-statesman"] == "At least 4 dead in Lornby flood as river hits record"
    assert {k: d.source for k, d in lornby.items()} == {
        "01-npa-early": "Norland Press Agency", "02-npa-update": "Norland Press Agency",
        "03-lornby-courier": "The Lornby Courier", "04-tessel-valley-news": "Tessel Valley News",
        "05-kvrl-7": "KVRL 7 News", "06-arden-statesman": "The Arden Statesman"}


LORNBY_PITCHES = [
    "Stay with KVRL 7 for updates on this developing story.",
    "Stick with the Courier for the latest on the flood.",
    "Follow our live coverage of the Ashwater River flood in Lornby.",
    "Earlier: Sheriff Dana Pruitt said Tuesday morning that at least four people had died.",
    "Previously: the dancers are pushing back after being told they must perform.",
]
LORNBY_PITCHES_LIKE_PROSE = [
    "Stay with her for the night, the nurse told the family.",
    "Stay with us for the summer, her aunt wrote in 1998, and she did.",
    "Earlier, Sheriff Dana Pruitt said that at least four people had died.",
    "Earlier in the day, the river had crested at 24.6 feet.",
    "Previously, the record crest was 21.8 feet, set in 1979.",
    "Residents were told to follow the live updates on the county's radio station, the mayor said.",
    "Stay with the program for the latest results, the coach told the players.",
    "Follow the live updates on the county's radio station, the mayor urged residents.",
]


@pytest.mark.parametrize("line", LORNBY_PITCHES)
def test_lornby_pitch_and_superseded_labels_are_clutter(line: str) -> None:
    from newsfuse.clutter import is_clutter_sentence

    assert is_clutter_sentence(line)


@pytest.mark.parametrize("line", LORNBY_PITCHES_LIKE_PROSE)
def test_lornby_prose_like_pitches_is_kept(line: str) -> None:
    from newsfuse.clutter import is_clutter_line, is_clutter_sentence

    assert not is_clutter_sentence(line)
    assert not is_clutter_line(line)


# --- tests/fixtures/halden-vote: an election night --------------------------------------------------------------------

HALDEN = Path(__file__).parent / "fixtures" / "halden-vote"


@pytest.fixture(scope="module")
def halden() -> dict[str, Document]:
    return cleaned(HALDEN)


HALDEN_KEEP = [
    ("01-halden-herald", "The county's final unofficial count gives Ines Varga-Holm 6,412 votes"),
    ("01-halden-herald", "Mayor Thomas Pelling leads Councilor Ines Varga-Holm 2,310 votes to 1,987"),  # (kept; not quoted)
    ("02-marrick-county-elections", "About 350 provisional ballots and mail ballots postmarked by Election Day"),
    ("03-cardale-press", "City councilor Ines Varga-Holm defeated two-term Mayor Thomas Pelling"),  # (its dateline: split)
    ("04-pelling-for-halden", "Mayor Thomas Pelling issued the following statement early Wednesday after the Marrick "
     "County Elections Office released its final election night count:"),  # (the lead-in naming the speaker)
    ("04-pelling-for-halden", "It has been the honor of my life to serve as your mayor for eight years."),
    ("05-khld-8", "Pelling jumped out to an early lead when the county counted the first mail ballots"),
    ("06-marrick-valley-courier", "Varga-Holm won 6,412 votes, or 51.6%, to Pelling's 5,967, or 48%"),
    ("06-marrick-valley-courier", "Varga-Holm will take office Jan. 4."),  # (the story's last line)
    ("07-el-eco-de-marrick", "Varga-Holm obtuvo 6,412 votos"),
]
HALDEN_DROP = [
    "We use cookies", "Key moments", "Share this post", "Load earlier updates", "Herald Alerts", "Most Popular",
    "Refresh this page",  # the live page
    "UNOFFICIAL RESULTS", "Last updated", "Download results", "Office hours", "elections@",  # the results page
    "Updated 2 min ago", "Reporting by", "Trust Principles", "Licensing", "covers state and local politics", "Read Next",
    "FOR IMMEDIATE RELEASE", "Contact:", "###", "Paid for by", "P.O. Box",  # the wire copy and the press release
    "Now Playing", "WATCH:", "Unmute", "0:00 / 1:48", "Fullscreen", "Up Next", "Autoplay", "story continues below",
    "Download the KHLD 8 News app", "Frost Advisory", "EEO Report",  # the TV page's player and furniture
    "Subscribe now", "142 comments", "Tobias Lund", "Election Extra", "Five things to know", "Comments (142)",
    "Sign in to comment", "riverrat_59", "Finally some change", "The mail ballots told the real story", "Load more",
    "Reach her at", "Most Read",  # the local paper's page
    "Comparte",
]


@pytest.mark.parametrize(("doc", "snippet"), HALDEN_KEEP)
def test_halden_keeps_story(halden: dict[str, Document], doc: str, snippet: str) -> None:
    assert snippet in halden[doc].text


@pytest.mark.parametrize("snippet", HALDEN_DROP)
def test_halden_drops_clutter(halden: dict[str, Document], snippet: str) -> None:
    for d in halden.values():
        assert snippet not in d.text, (d.id, snippet)


def test_halden_titles_and_outlets(halden: dict[str, Document]) -> None:
    assert {k: d.source for k, d in halden.items()} == {
        "01-halden-herald": "The Halden Herald", "02-marrick-county-elections": "Marrick County Elections Office",
        "03-cardale-press": "Cardale Press", "04-pelling-for-halden": "Pelling for Halden",
        "05-khld-8": "KHLD 8 News", "06-marrick-valley-courier": "Marrick Valley Courier",
        "07-el-eco-de-marrick": "El Eco de Marrick"}
    assert halden["03-cardale-press"].title == "Challenger Varga-Holm unseats Halden mayor Pelling"
    assert halden["04-pelling-for-halden"].title == "Mayor Thomas Pelling Concedes Halden Mayoral Race"


HALDEN_PAID_FOR = [
    "Paid for by Pelling for Halden, P.O. Box 118, Halden.",
    "Paid for by Friends of Ada Lund. Approved by the candidate.",
    "PAID FOR BY VOTERS FOR A SAFER MARRICK",
]
HALDEN_PAID_FOR_PROSE = [
    "Paid for by taxpayers, the stadium opened in 1999.",
    "Paid for by the city, the pool reopens in May.",
    "Paid for by donations from residents, the statue was unveiled on Saturday.",
    "The ads were paid for by Friends of Ada Lund, the filing shows.",
]


@pytest.mark.parametrize("line", HALDEN_PAID_FOR)
def test_campaign_disclaimer_is_clutter(line: str) -> None:
    from newsfuse.clutter import is_clutter_line, is_clutter_sentence

    assert is_clutter_line(line) and is_clutter_sentence(line)


@pytest.mark.parametrize("line", HALDEN_PAID_FOR_PROSE)
def test_prose_like_a_campaign_disclaimer_is_kept(line: str) -> None:
    from newsfuse.clutter import is_clutter_line, is_clutter_sentence

    assert not is_clutter_line(line) and not is_clutter_sentence(line)


@pytest.mark.parametrize(("line", "kept"), [
    ("Mayor Thomas Pelling issued the following statement early Wednesday after the count:", True),
    ("The family said in a statement released through the county sheriff's office:", True),
    ("The company released this statement on Tuesday afternoon:", True),
    ("Read the full statement here:", False),  # (a pointer, not a lead-in)
    ("Here is what you need to know:", False),
    # (the outlet's own list after a statement is mentioned)
    ("The district released a statement Tuesday night, and here is what we know so far:", False),
    ("Statement:", False),
])
def test_a_statement_lead_in_is_kept(line: str, kept: bool) -> None:
    text = f"The city council met on Monday night to vote on the budget.\n\n{line}\n\nWe are proud of the budget " \
           "the council passed tonight, and we thank every resident who came.\n"
    assert (line in clean_text(text)) is kept


# --- the Brisk fixture (an opinion column, an editorial, a corrected story, one wire story in three outlets, a city's
# release with "Quick facts" and a FAQ, comments and "Most read") -----------------------------------------------------

BRISK = Path(__file__).parent / "fixtures" / "brisk-transit"


@pytest.fixture(scope="module")
def brisk() -> dict[str, Document]:
    return cleaned(BRISK)


BRISK_KEEP = [
    ("01-brisk-ledger", "The line is expected to cost $1.4 billion and to carry its first passengers in late 2031"),
    ("02-brisk-evening-star", "The Brisk City Council voted 7-2 on Tuesday night to build the Riverside Line"),
    ("03-tamberly-times", "the Tamberly County Board of Commissioners plans to vote April 14"),  # (the local part)
    ("04-kbsk-news-radio", "Halvorsen said the city had not shown how it would cover cost overruns."),
    ("05-city-of-brisk", "It will serve 12 stations, and trains will run every 10 minutes during rush hours."),
    ("06-brisk-beacon-column", "I have ridden the No. 14 bus down Ferrier Avenue"),  # (kept; a column is not quoted)
    ("07-brisk-evening-star-editorial", "Brisk has outgrown its buses."),
]
BRISK_DROP = [
    "Correction", "misstated", "$1.2 billion", "Editor's note", "has been updated", "Reach him", "Ingrid Sollas",
    "Most Read", "Council set to vote", "Related coverage",  # the corrected story's page
    "By Mara Lindqvist", "Northway Wire Service. All rights", "may not be published", "contributed to this report",
    "Trending on KBSK", "Snow returns", "Listen Live", "38°",  # the wire copies' pages
    "FOR IMMEDIATE RELEASE", "Media contact", "###", "About the City of Brisk", "Translate this page",  # the release
    "views expressed", "Dorothea Falk is", "GrantStreetGary", "412", "typo in the Ledger", "millrace_mom", "Sort by",
    "Load more comments", "cardamom",  # the column's page: disclaimer, bio box, comments, "Most read"
    "Editorials are the opinion", "Evening Star Editorial Board",  # the editorial's
]


@pytest.mark.parametrize(("doc", "snippet"), BRISK_KEEP)
def test_brisk_keeps_story(brisk: dict[str, Document], doc: str, snippet: str) -> None:
    assert snippet in brisk[doc].text


@pytest.mark.parametrize("snippet", BRISK_DROP)
def test_brisk_drops_clutter(brisk: dict[str, Document], snippet: str) -> None:
    for d in brisk.values():
        assert snippet not in d.text, (d.id, snippet)


def test_brisk_headlines_are_not_read_as_the_opinion_pages_first_sentences(brisk: dict[str, Document]) -> None:
    """A column's and an editorial's headline ends with a full stop ("... Brisk should build it faster.", "Our view: ...
    Now keep the cost on track."): under a kicker ("OPINION · COLUMN", "EDITORIAL") it was read as the story's first
    sentences."""
    assert brisk["06-brisk-beacon-column"].title == "I waited 20 years for this train. Brisk should build it faster."
    assert brisk["06-brisk-beacon-column"].text.startswith("I have ridden the No. 14 bus")
    assert brisk["07-brisk-evening-star-editorial"].text.startswith("The City Council did the right thing")


def test_brisk_titles_outlets_and_opinion_pages(brisk: dict[str, Document]) -> None:
    assert {k: d.source for k, d in brisk.items()} == {
        "01-brisk-ledger": "The Brisk Ledger", "02-brisk-evening-star": "The Brisk Evening Star",
        "03-tamberly-times": "Tamberly Times", "04-kbsk-news-radio": "KBSK News Radio", "05-city-of-brisk": "City of Brisk",
        "06-brisk-beacon-column": "The Brisk Beacon", "07-brisk-evening-star-editorial": "The Brisk Evening Star"}
    assert {k for k, d in brisk.items() if d.opinion} == {"06-brisk-beacon-column", "07-brisk-evening-star-editorial"}
    assert brisk["04-kbsk-news-radio"].title == "Light rail gets the green light in Brisk"


@pytest.mark.parametrize(("text", "title", "opinion"), [
    ("<p>I rode the bus.</p><p class='d'>The views expressed are the author's own.</p>", None, True),
    ("The opinions expressed in this commentary are solely those of the author. ( cnn ) when asked ...", None, True),
    ("The views expressed are those of the author and are not necessarily those of the magazine.", None, True),
    ("Editorials are the opinion of the Evening Star's editorial board, which operates apart from the newsroom.",
     None, True),
    ('<script type="application/ld+json">{"@type": "OpinionNewsArticle", "headline": "x"}</script>', None, True),
    ('<meta property="article:section" content="Opinion"><p>text</p>', None, True),
    ("The council voted on Tuesday.", "Our view: Brisk made the right call on rail", True),
    ("The council voted on Tuesday.", "Opinion | Build the line faster", True),
    # news pages that speak of views, opinions and editorials
    ("The views expressed at the meeting were mixed, the mayor said.", None, False),
    ('"The views expressed are his own," a spokesman for the company said of the post.', None, False),
    ("The paper's editorial board endorsed the plan in 2024.", "Brisk approves light rail", False),
    ('<meta property="article:section" content="Local News"><p>The opinion poll showed support.</p>', None, False),
    ("The council voted on Tuesday.", "Opinion poll: most residents back the rail line", False),
    # (a disclaimer opens a line or a sentence: "... on time. The views expressed are ..." in a flattened page is one;
    # a news report's sentence about an op-ed's or a paper's disclaimer is none)
    ("amy roe rides the no. 14 bus. the views expressed are the author's own.", None, True),
    ("Fox River News said in a statement Tuesday that the views expressed are those of the author and not the "
     "network. The column drew 4,000 complaints.", "Network defends columnist after outcry", False),
    ("The Ledger's publisher, Amy Roe, wrote that editorials are the opinion of the editorial board and are written "
     "separately from the newsroom.", "Ledger publisher answers readers", False),
])
def test_opinion_pages(text: str, title: str | None, opinion: bool) -> None:
    from newsfuse.opinion import is_opinion_page

    assert is_opinion_page(text, title) is opinion


@pytest.mark.parametrize(("line", "clutter"), [
    ("The views expressed are the author's own.", True),
    ("The opinions expressed in this commentary are solely those of the author.", True),
    ("Editorials are the opinion of The Brisk Evening Star's editorial board, which operates separately from the "
     "newsroom.", True),
    ("for the record an earlier version of this post said the study focused in part on sonata no. 12.", True),
    ("The views expressed at the hearing ranged from anger to relief.", False),
    ("For the record, the council has voted on rail three times since 2014.", False),
    # (a news report's sentence about a disclaimer)
    ("Editorials are the opinion of the editorial board, which is separate from the newsroom, the publisher wrote in a "
     "note to readers.", False),
    ("The views expressed are those of the author, the network said in a statement on Tuesday.", False),
])
def test_opinion_disclaimers_and_corrections_are_clutter(line: str, clutter: bool) -> None:
    from newsfuse.clutter import is_clutter_line

    assert is_clutter_line(line) is clutter


def test_a_trending_heading_naming_the_site_ends_the_story() -> None:
    text = ("The Brisk City Council voted 7-2 on Tuesday night to build the Riverside Line, a light-rail line.\n\n"
            "Construction is expected to begin in mid-2027, the transit authority said on Wednesday.\n\n"
            "Trending on KBSK\nSnow returns to the foothills Thursday night\nBrisk North robotics team heads to nationals\n")
    out = clean_text(text)
    assert "mid-2027" in out and "Snow returns" not in out and "Trending" not in out


def test_a_short_paragraph_opening_trending_on_is_no_trailer_heading() -> None:
    """A story's short paragraph about what trends ("Trending on Twitter was the hashtag #HaldenVotes.") is prose, and
    the story goes on after it (as a heading, it cut every paragraph below)."""
    text = ("Voters in Halden waited past midnight for the county's final count on Tuesday.\n\n"
            "Trending on Twitter was the hashtag #HaldenVotes.\n\n"
            "All 14 precincts had reported by 11:47 p.m., the county clerk said on Wednesday.\n")
    out = clean_text(text)
    assert "All 14 precincts" in out and "#HaldenVotes" in out


# --- tests/fixtures/sella-study: a medical study ------------------------------------------------------------------------

SELLA = Path(__file__).parent / "fixtures" / "sella-study"


@pytest.fixture(scope="module")
def sella() -> dict[str, Document]:
    return cleaned(SELLA)


SELLA_KEEP = [
    ("01-sella-university", "Over a median of 2.8 years, 6.8% of patients on brenacine had another stroke"),
    ("02-corvane-journal-of-medicine", "Results: Between March 2020 and August 2023, 4,212 patients were enrolled"),
    ("02-corvane-journal-of-medicine", "The findings may not apply to patients with severe kidney disease"),
    ("03-carrowmere-standard", "said Dr Rosalind Vantreight, a stroke physician at Pellham General Hospital"),
    ("04-daily-blaze", "The breakthrough drug slashes the risk of a second stroke by a quarter"),  # (kept; not quoted)
    ("05-northstar-news-agency", "with a 95% confidence interval for the hazard ratio of 0.61 to 0.95"),
    ("06-lowmoor-public-radio", "ILSE KORVATH: It's definitely not a cure."),  # (the time code: split trims it)
    ("07-brightwell-stroke-foundation", "reduced the chance of a second stroke from 8.9% to 6.8%"),
]
SELLA_DROP = [
    "NEWS RELEASE", "EMBARGOED", "###", "Notes to editors", "Media contact", "press@sella", "About Sella University",
    "founded in 1871", "Photo: Sella", "Related news",  # the press release
    "Background:", "Whether low-dose brenacine", "Funding:", "Conflict of interest:", "Data sharing:",
    "Corresponding author", "Trial registration", "Cite this article", "Corvane J Med. 2026", "Marlow P, Eden K",
    "2019;12:44-52", "Quent T, Brandt S", "Download PDF", "Altmetric", "doi.org",  # the journal's page
    "Sign up to Second Opinion", "Photograph: Ivo Marsh", "89 comments", "Most viewed",  # the newspaper
    "1/6", "Click to enlarge", "1.2k shares", "DO YOU HAVE A STORY", "READ MORE", "Scientists hail",  # the tabloid
    "Reporting by", "Trust Principles", "Licensing", "Read Next",  # the wire
    "generated automatically", "check against the audio", "rate and review", "sustaining member",  # the podcast
    "View this email", "IN THIS ISSUE", "You are receiving", "Unsubscribe",  # the newsletter
]


@pytest.mark.parametrize(("doc", "snippet"), SELLA_KEEP)
def test_sella_keeps_story(sella: dict[str, Document], doc: str, snippet: str) -> None:
    assert snippet in sella[doc].text


@pytest.mark.parametrize("snippet", SELLA_DROP)
def test_sella_drops_clutter(sella: dict[str, Document], snippet: str) -> None:
    for d in sella.values():
        assert snippet not in d.text, (d.id, snippet)


def test_sella_titles_and_outlets(sella: dict[str, Document]) -> None:
    assert {k: d.source for k, d in sella.items()} == {
        "01-sella-university": "Sella University News", "02-corvane-journal-of-medicine": "Corvane Journal of Medicine",
        "03-carrowmere-standard": "The Carrowmere Standard", "04-daily-blaze": "Daily Blaze",
        "05-northstar-news-agency": "Northstar News Agency", "06-lowmoor-public-radio": "Lowmoor Public Radio",
        "07-brightwell-stroke-foundation": "Brightwell Stroke Foundation"}
    assert sella["03-carrowmere-standard"].title == "Gout pill lowers chance of a second stroke, but benefit is modest, trial shows"


# a research paper's back matter on its journal's page, and its reference list (clutter.LINE_PATTERNS)
PAPER_BACK_MATTER = [
    "Funding: This trial was funded by the Corvane Medical Research Council (grant MRC-2019-4471).",
    "Conflict of interest: Dr Korvath reports receiving speaker fees from Halvorsen Pharma outside the submitted work.",
    "Competing interests: None declared.",
    "Data sharing: De-identified participant data will be made available on reasonable request.",
    "Corresponding author: Ilse Korvath, Sella Stroke Research Unit, Sella University, Carrowmere.",
    "Trial registration: LANTERN Registry number LR-2019-0087.",
    "Cite this article: Korvath I, Quent T. Low-dose brenacine after stroke. Corvane J Med. 2026;41(7):612-624.",
    "Background: Inflammation contributes to the recurrence of stroke. Whether low-dose brenacine reduces it is unknown.",
    "Abstract objective: immune stimulation through exposure to commensal microbes may protect against allergy.",
    "Marlow P, Eden K. Recurrence after minor stroke: a cohort study of 11,000 patients. Stroke Outcomes. 2019;12:44-52.",
    "Oduya R, Lindqvist A, Sato M, et al. Brenacine in stable coronary disease. Corvane J Med. 2020;35(11):980-991.",
    "Citation: dagher rk, chen j, thomas sb (2015) gender differences in mental health outcomes.",
    "Support for Lowmoor Public Radio comes from listeners like you.",
]
PAPER_BACK_MATTER_LIKE_PROSE = [
    "Funding for the new bridge comes from a state grant, the mayor said.",
    "The funding: $4 million from the state and $1 million from the city.",
    "Background checks are required for every buyer at the show.",
    "The background: a decade of disputes over the river's water.",
    "In 2019; 12 people were hurt in the blast and 44 more in the fire.",
    "Conflicts of interest among board members were the subject of the audit, the report said.",
    # (a police log's label; a public radio story's sentence about support for a strike)
    "Citation: A 34-year-old Halden man was cited for driving with a suspended license on Main Street.",
    "Support for the strike comes from members of three unions, who voted on Tuesday.",
]


@pytest.mark.parametrize("line", PAPER_BACK_MATTER)
def test_paper_back_matter_is_clutter(line: str) -> None:
    from newsfuse.clutter import is_clutter_line, is_clutter_sentence

    assert is_clutter_line(line) and is_clutter_sentence(line)


@pytest.mark.parametrize("line", PAPER_BACK_MATTER_LIKE_PROSE)
def test_paper_back_matter_like_prose_is_kept(line: str) -> None:
    from newsfuse.clutter import is_clutter_line, is_clutter_sentence

    assert not is_clutter_line(line) and not is_clutter_sentence(line)


def test_a_flattened_abstract_keeps_its_results() -> None:
    """An abstract flattened to one line ("Abstract objective: ... Methods: ... Results: ...") is not dropped whole by the
    background rule: its results stay, and its objective sentence is still no brief sentence."""
    from newsfuse.clutter import is_clutter_line, is_clutter_sentence

    line = ("Abstract objective: exposure to farm animals may protect infants against asthma. Methods: a cohort of 184 "
            "infants was followed to 36 months. Results: infants on farms had half the rate of asthma.")
    assert not is_clutter_line(line)
    assert is_clutter_sentence("Abstract objective: exposure to farm animals may protect infants against asthma.")
    assert is_clutter_line("Email address we'll send a confirmation email to this address.")
    assert is_clutter_sentence("Spoiler alert: the streaming service is raising its prices again.")
    assert not is_clutter_sentence("The spoiler alert came too late for most viewers, the critic said.")


# --- tests/fixtures/corran-earnings: a company's quarterly results --------------------------------------------------

CORRAN = Path(__file__).parent / "fixtures" / "corran-earnings"


@pytest.fixture(scope="module")
def corran() -> dict[str, Document]:
    return cleaned(CORRAN)


CORRAN_KEEP = [
    ("01-corran-systems", "For fiscal 2026, Corran now expects revenue of $2.35 billion to $2.42 billion"),
    ("02-castline-news-service", "Shares of Corran Systems were down 9% in premarket trading"),  # (kept; not quoted)
    ("03-castline-news-service", "The stock ended at $41.68 on the Nasdaq"),
    ("04-marketharbor", "Analysts polled by Fenmore Analytics had expected adjusted earnings of $0.21 per share"),
    ("05-tallyroom", "We were too optimistic about the second half, and I own that."),
    ("06-harwick-courier", "said Lonnie Ferraro, 52, who has worked on the plant's calibration line for 19 years"),
    ("07-the-logic-probe", "Corran shares closed down 14% at $41.68"),  # (the update's label goes, its news stays)
]
CORRAN_DROP = [
    "Conference Call", "passcode", "1-800-555", "webcast", "replay", "non-GAAP financial measures", "Management believes",
    "in isolation", "reconciliation", "forward-looking statements within", "About Corran", "ir@corran", "Stock-based",
    "Revenue $ 612.4",  # the release
    "Our Standards", "Castline Principles", "Source text", "(Compiled by",  # the wire
    "52 Week Range", "Market Cap", "Consensus rating", "Average price target", "informational purposes", "Sponsored",
    "Autoplay", "Related Tickers", "Halbrook Securities Downgrade",  # the finance page
    "Good day, and welcome", "listen-only", "[Operator Instructions]", "being recorded", "hand the conference over",
    "Please go ahead", "Your line is open", "Our next question", "This concludes", "disconnect",
    "Thank you, operator", "With me today", "let me remind you", "refer to non-GAAP", "open the line for questions",
    "thanks for taking my question", "Thanks, Naomi", "Thank you, Dana.", "Thank you all for joining us",
    "may contain errors", "assumes no responsibility", "Call Participants",  # the call's transcript
    "Get the Courier", "Most Read",  # the local paper (its "Reach ..." line goes in select: is_clutter_sentence)
    "Update, 4:10", "Tags:", "Subscribe to The Logic Probe", "12 comments",  # the blog
]


@pytest.mark.parametrize(("doc", "snippet"), CORRAN_KEEP)
def test_corran_keeps_story(corran: dict[str, Document], doc: str, snippet: str) -> None:
    assert snippet in corran[doc].text


@pytest.mark.parametrize("snippet", CORRAN_DROP)
def test_corran_drops_clutter(corran: dict[str, Document], snippet: str) -> None:
    for d in corran.values():
        assert snippet not in d.text, (d.id, snippet)


def test_corran_titles_outlets_and_the_transcript(corran: dict[str, Document]) -> None:
    assert {k: d.source for k, d in corran.items()} == {
        "01-corran-systems": "Corran Systems", "02-castline-news-service": "Castline News Service",
        "03-castline-news-service": "Castline News Service", "04-marketharbor": "MarketHarbor",
        "05-tallyroom": "Tallyroom", "06-harwick-courier": "The Harwick Courier",
        "07-the-logic-probe": "The Logic Probe"}
    assert corran["04-marketharbor"].title == "Corran Systems stock tumbles after earnings miss, guidance cut"
    # (the call's transcript sets its speakers' names on lines of their own, which go)
    assert {k for k, d in corran.items() if d.transcript} == {"05-tallyroom"}


# an earnings call's operator and hand-overs, a release's call details and non-GAAP notes, a transcript site's and a
# finance site's disclaimers (clutter.LINE_PATTERNS)
CALL_FURNITURE = [
    "Good morning, ladies and gentlemen, and welcome to the Acme Foods fourth-quarter earnings call.",
    "[Operator Instructions] Our first question comes from Jane Roe with Pellory & Co. Your line is open.",
    "At this time, all participants are in a listen-only mode.",
    "As a reminder, this conference call is being recorded.",
    "I would now like to turn the call over to Sam Ode, Chief Financial Officer.",
    "Ladies and gentlemen, this concludes today's conference call. Thank you for participating.",
    "Before we begin, let me remind you that today's call includes forward-looking statements.",
    "With that, I'll turn the call over to Dana.",
    "Acme Foods will host a conference call and webcast at 5:00 p.m. Eastern Time today.",
    "Participants may dial 1-877-555-0100 and use conference ID 4471902.",
    "A replay of the call will be available on the company's website for 90 days.",
    "A reconciliation of GAAP to non-GAAP results is provided in the tables below.",
    "Non-GAAP measures should not be considered a substitute for results under GAAP.",
    "This transcript was produced by a third party and may contain errors.",
    "Ledgerly's content is provided for informational purposes only.",
    "Consensus rating: Hold (4 Buy, 9 Hold, 2 Sell).",
]
CALL_LIKE_PROSE = [
    "The justice department said someone had given investigators the passcode to the phone.",  # (no code's number)
    "Acme's chief executive told analysts on a conference call that demand had weakened.",
    "Thank you for your service, the mayor told the veterans at the ceremony on Tuesday.",
    "The company said the replay of the match drew 3 million viewers.",
    "Management believed the plant could be sold by the end of the year, two people familiar said.",
    "She welcomed the call for an inquiry.",
]


@pytest.mark.parametrize(("line", "clutter"), [(x, True) for x in CALL_FURNITURE] + [(x, False) for x in CALL_LIKE_PROSE])
def test_call_furniture_is_clutter(line: str, clutter: bool) -> None:
    from newsfuse.clutter import is_clutter_line

    assert is_clutter_line(line) is clutter


# lines for the patterns that run only on lines holding one of their keys (clutter._LINE_KEYS_BY_PIECE), and prose
# beside them: is_clutter_line, which skips a keyed pattern when its keys are missing, agrees with LINE_RE, which tries
# every pattern (a key missing from a pattern's match would make it miss the line)
KEYED_LINES = [
    *CALL_FURNITURE, *CALL_LIKE_PROSE,
    "Associated Press writer Jane Roe contributed from Denver.", "Staff writer John Doe contributed to this story.",
    "Transcript note: This transcript was created on a rush deadline.", "Please go ahead.", "Go ahead.",
    "You may now disconnect.", "Thank you, operator.", "Thank you, and good morning, everyone.",
    "Thanks for taking my question.", "Thanks, Naomi, and good morning.", "Thank you all for joining us.",
    "With me today are our chief executive and our chief financial officer.",
    "Operator, we can now open the line for questions.", "The line is now open.", "That concludes our prepared remarks.",
    "During today's call, we will refer to certain non-GAAP measures.", "To access the call, dial 1-800-555-0142.",
    "This press release includes non-GAAP financial measures, which management uses.",
    "Management believes these non-GAAP measures give a fuller picture.", "Average price target: $54.60.",
    "Our Standards: The Castline Principles.", "Welcome to the Acme Foods second quarter earnings conference call.",
    "Thank you. Your line is open.", "[Operator Instructions] Thank you. This call is being recorded.",
    "The council voted to hand the park over to the county.", "Go ahead and vote, the clerk said.",
    "The new target is 40 percent by 2030, the minister said.", "Welcome to the club, she wrote.",
]


@pytest.mark.parametrize("line", KEYED_LINES)
def test_keyed_line_patterns_match_as_line_re(line: str) -> None:
    from newsfuse.clutter import LINE_RE, NOTICE_MAX_CHARS, NOTICE_RE, is_clutter_line, line_keys

    for x in (line, line.upper(), line.lower(), f"\u2014 {line}", f"{line} More."):
        expected = LINE_RE.match(x) is not None or (len(x) <= NOTICE_MAX_CHARS and NOTICE_RE.search(x) is not None)
        assert is_clutter_line(x) == expected, x
        assert is_clutter_line(x, line_keys(f"The bridge opened. {x}")) == expected, x
