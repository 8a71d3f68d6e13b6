"""Figures in sentences: the numbers a sentence gives, and the casualty counts that move while a story is reported.

A story's figures change while outlets report it: an early wire copy's "at least four dead" becomes "seven" by the
evening, and later copies say so ("raising an earlier toll of four", "up from the four reported this morning",
"Three people are missing, down from 11"). ``casualties`` reads a sentence's counts of the dead, the missing and the
injured, each marked as the sentence's own figure or as a superseded one (after "up from", "down from", "an earlier
toll of"). select rules out sentences that state a figure the cluster says was superseded, and attribute credits a
sentence with figures only to documents that give its figures (``supports``).

Linear: every pattern is anchored on a number or a keyword and reads a bounded window.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

# number words that count (not "one": "no one", "one of the", "one another")
_NUMBER_WORD = {
    w: str(i) for i, w in enumerate(
        "zero x two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    ) if i >= 2
}
_NUMBER_WORD.update({"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80",
                     "ninety": "90", "hundred": "100", "dozen": "12"})
# a tens word and a unit ("forty-nine", "twenty one"): one number, not 40 and 9
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_COMPOUND_WORD = r"(?:" + "|".join(_TENS) + r")[- ](?:" + "|".join(_UNITS) + r")\b"
_COMPOUND = re.compile(r"\b" + _COMPOUND_WORD, re.IGNORECASE)
_NUMBER = (r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + _COMPOUND_WORD + "|"
           + "|".join(sorted(_NUMBER_WORD, key=len, reverse=True)) + r")")
_WHOLE = r"(?:\d{1,3}(?:,\d{3})+|\d+|" + _COMPOUND_WORD + "|" + "|".join(sorted(_NUMBER_WORD, key=len, reverse=True)) + r")"
_DIGITS = re.compile(r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w]|[.,]\d)")
_WORD = re.compile(r"\w+")


def _compound(token: str) -> str:
    tens, unit = re.split(r"[- ]", token.lower())
    return str(int(_NUMBER_WORD[tens]) + _UNITS.index(unit) + 1)


def _value(token: str) -> str:
    t = token.lower()
    if t[:1].isalpha() and ("-" in t or " " in t):
        return _compound(t)
    return _NUMBER_WORD.get(t) or t.replace(",", "")


def figures(text: str) -> set[str]:
    """The numbers a sentence gives, normalised ("1,100" -> "1100", "seven" -> "7"; not "one")."""
    out = {m.group().replace(",", "") for m in _DIGITS.finditer(text)}
    low = text.lower()
    words = _NUMBER_WORD.keys() & _WORD.findall(low)  # (a set operation: no pattern of twenty words to try)
    if not words:
        return out
    if words & set(_TENS):  # "forty-nine" is 49 (not 40 and 9), "twenty-one" 21
        compounds = [m.group() for m in _COMPOUND.finditer(low)]
        if compounds:
            out |= {_compound(c) for c in compounds}
            low = _COMPOUND.sub(" ", low)
            words = _NUMBER_WORD.keys() & _WORD.findall(low)
    return out | {_NUMBER_WORD[w] for w in words}


# what tells who or when rather than how many: an age ("Brokaw, 74,", "a 21-year-old", "aged 36"), a day of the
# month ("March 15", "feb. 26"), a year
_WHO_OR_WHEN = re.compile(
    r"(?<=, )\d{1,3}(?=,)|\b\d{1,3}(?=[- ]years?[- ]old\b|[- ](?:month|week|day)s?[- ]old\b)|(?<=\baged )\d{1,3}\b"
    r"|(?<=\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))(?:[a-z]*\.? )\d{1,2}\b|\b(?:1[89]|20)\d\d\b",
    re.IGNORECASE)


def counted_figures(text: str) -> set[str]:
    """``figures`` without ages, days of the month and years."""
    out = figures(text)
    if out:
        for m in _WHO_OR_WHEN.finditer(text):
            out.discard(m.group().split()[-1].strip(". "))
    return out


# A count of casualties: "seven people died", "At least four people have died", "Seven people are now confirmed
# dead", "11 were unaccounted for", "killing at least 19", "the death toll ... to 7" (up to four words between the
# number and its keyword, none of them "of" or a number: "Two of the dead were ..." is a part of the dead, not their
# count).
_QUALIFIER_WORDS = r"at least|more than|nearly|about|some|up to|over|roughly|around|almost|fewer than|as many as"
_QUALIFIER = r"(?:(?:" + _QUALIFIER_WORDS + r") )?"
_GAP = (r"(?:(?!(?:of|and|but|in|from|after|percent|per|times|(?:second|minute|hour|day|week|month|year|decade)s?|"
        + "|".join(_NUMBER_WORD) + r")\b)"
        r"[a-z'’-]+ ){0,4}?")
_KEYWORD = {
    "dead": r"dead|died|die|deaths?|killed|fatalities|bodies",
    "missing": r"missing|unaccounted",
    "injured": r"injured|injuries|hurt|wounded",
}
_COUNT = re.compile(  # (a count is a whole number: "a magnitude 6.4 earthquake killed ..." counts no one)
    r"(?<!\d[,.])(?<![$£€#])\b(?!(?:1[89]|20)\d\d\b)(?P<n>" + _WHOLE + r")(?![%.,]\d|%)\s+" + _GAP + r"(?P<kw>" + "|".join(_KEYWORD.values()) + r")\b"
    r"|\b(?:kill(?:s|ed|ing)|claim(?:s|ed|ing)) (?:the lives of )?" + _QUALIFIER + r"(?P<k>" + _NUMBER + r")\b"
    r"|\bdeath toll\b[^.;:]{0,40}?\b(?:of|at|to|is|was) " + _QUALIFIER + r"(?P<t>" + _NUMBER + r")\b",
    re.IGNORECASE,
)
# what marks a figure as superseded: "up from the four reported ...", "down from 11", "raising an earlier toll of
# four", "raising the sheriff's morning toll of four", "an earlier figure of 12", "revised from 9"
_SUPERSEDED = re.compile(
    r"\b(?:(?:up|down|revised|lowered|raised) from (?:the |an? )?(?:earlier |initial |previous )?"
    r"|(?:raising|lowering|revising|updating|correcting) (?:an? |the )?(?:[\w'’-]+ ){0,3}?"
    r"(?:toll|count|figure|estimate|total|tally|number) of " + _QUALIFIER +
    r"|(?:an? |the )(?:earlier|initial|previous|original) (?:death )?(?:toll|count|figure|estimate|total|tally) of "
    + _QUALIFIER + r")(?P<n>" + _NUMBER + r")\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Count:
    kind: str      # "dead", "missing" or "injured"
    value: str     # normalised ("7")
    superseded: bool


def _kind(keyword: str) -> str:
    k = keyword.lower()
    return next(kind for kind, words in _KEYWORD.items() if re.fullmatch(words, k))


def casualties(text: str) -> list[Count]:
    """The sentence's counts of the dead, the missing and the injured, in order; a count after "up from", "down
    from" or "an earlier toll of" is superseded and takes the kind of the count before it ("Three people are missing,
    down from 11": 11 missing, superseded; "Seven people died ..., raising an earlier toll of four": 4 dead)."""
    if _ANY_DIGIT.search(text) is None and _ANY_NUMBER_WORD.search(text) is None:
        return []
    found: list[tuple[int, Count]] = []
    old = {m.start("n"): m for m in _SUPERSEDED.finditer(text)}
    for m in _COUNT.finditer(text):
        if m.group("n") is not None:
            pos, value, kind = m.start("n"), m.group("n"), _kind(m.group("kw"))
        elif m.group("k") is not None:
            pos, value, kind = m.start("k"), m.group("k"), "dead"
        else:
            pos, value, kind = m.start("t"), m.group("t"), "dead"
        if _DATE_BEFORE.search(text, max(0, pos - 12), pos):
            continue  # a date ("July 14 death")
        found.append((pos, Count(kind, _value(value), pos in old)))
    counted = {pos for pos, _ in found}
    for pos, m in old.items():
        if pos in counted:
            continue
        before = [(p, c) for p, c in found if p < pos and not c.superseded]
        if before:  # a bare superseded figure ("down from 11") counts what the count before it counts
            found.append((pos, Count(max(before, key=lambda x: x[0])[1].kind, _value(m.group("n")), True)))
        elif re.search(r"\btoll\b", m.group(), re.IGNORECASE):
            found.append((pos, Count("dead", _value(m.group("n")), True)))
    return [c for _, c in sorted(found, key=lambda x: x[0])]


_DATE_BEFORE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? $", re.IGNORECASE)
_ANY_DIGIT = re.compile(r"\d")
_ANY_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(_NUMBER_WORD) + r")\b", re.IGNORECASE)


# (each _SUPERSEDED match holds one of these, lower-cased: the pattern runs only on text that holds one)
_SUPERSEDED_KEYS = ("up from", "down from", "revised from", "lowered from", "raised from", "raising", "lowering",
                    "revising", "updating", "correcting", "earlier", "initial", "previous", "original")


def says_superseded(text: str) -> bool:
    """Whether ``text`` calls any figure superseded ("up from", "an earlier toll of", ...): one pass, which spares
    reading every sentence's counts in the clusters (nearly all) where nothing is."""
    low = text.lower()
    return any(map(low.__contains__, _SUPERSEDED_KEYS)) and _SUPERSEDED.search(text) is not None


def superseded_counts(texts: list[str]) -> set[tuple[str, str]]:
    """(kind, value) of the counts these sentences say were superseded, when the same sentence gives a new count of
    that kind ("Seven people died ..., raising an earlier toll of four": ("dead", "4"))."""
    out: set[tuple[str, str]] = set()
    for t in texts:
        counts = casualties(t)
        if not counts:
            continue
        current = {(c.kind, c.value) for c in counts if not c.superseded}
        for c in counts:
            if c.superseded and any(k == c.kind and v != c.value for k, v in current):
                out.add((c.kind, c.value))
    return out


def states_superseded(text: str, superseded: set[tuple[str, str]]) -> bool:
    """Whether the sentence gives as its own a count that ``superseded`` lists."""
    return any(not c.superseded and (c.kind, c.value) in superseded for c in casualties(text))


def supports(brief: str, other: str, given: set[str] | None = None) -> bool:
    """Whether ``other`` can back ``brief``'s figures: it gives one of the numbers ``brief`` gives (ages, days and
    years aside: ``counted_figures``), more than half of them when ``brief`` gives three or more, and no count of the
    dead, the missing or the injured of a kind ``brief`` counts that differs from ``brief``'s count (unless it gives
    ``brief``'s too). A sentence without figures is backed by any. ``given``: the numbers ``other``'s whole document
    gives, when its other sentences may give the figures ("... closed because of cracked steel girders" in a page that
    says "cracks in two of the span's steel girders" further on)."""
    return Figures(brief).backed_by(other, figures(other) if given is None else given)


class Figures:
    """A brief sentence's figures, read once for every sentence that may back it (``supports``)."""

    __slots__ = ("_counts", "text", "wanted")

    def __init__(self, text: str) -> None:
        self.text = text
        self.wanted = counted_figures(text)
        self._counts: set[tuple[str, str]] | None = None

    def backed_by(self, other: str, given: set[str]) -> bool:
        wanted = self.wanted
        if not wanted:
            return True
        shared = len(wanted & given)
        if not shared or (len(wanted) >= 3 and 2 * shared <= len(wanted)):
            return False
        if self._counts is None:
            self._counts = {(c.kind, c.value) for c in casualties(self.text) if not c.superseded}
        mine = self._counts
        if not mine:
            return True
        theirs = {(c.kind, c.value) for c in casualties(other) if not c.superseded}
        kinds = {k for k, _ in mine}
        return not any(k in kinds and (k, v) not in mine and not any(kk == k for kk, vv in mine & theirs)
                       for k, v in theirs)


# --- vote counts that move while the night's results come in -------------------------------------------------------
# An election night's first returns ("Pelling leads Varga-Holm 2,310 votes to 1,987 in the county's first count",
# "With 9 of 14 precincts counted, Varga-Holm has moved in front, 4,120 votes to 4,088") are not the result once the
# count is complete ("All 14 precincts are in.", "the county's final unofficial count gives ..."): a live page keeps
# every entry, and a brief that quotes an early one reports the wrong winner or the wrong margin. ``partial_tally``
# reads a sentence that reports a count as partial: a share of the precincts or the vote counted below all of it (any
# tense: the figure is partial), or an early or first count with a lead told in the present tense ("is passing in the
# early count"; "Pelling had led after the first count" is the night's story, not a stale figure); or results still
# awaited ("Precinct results ... are expected within the hour"). ``complete_tally`` reads a count said to be complete.
_UNITS_COUNTED = r"(?:precincts|polling (?:places|stations)|wards|districts|counties|constituencies|ballot boxes)"
_COUNTED = r"(?:reporting|reported|counted|tallied|in\b|processed)"
_SOME = r"(?:about |nearly |almost |more than |over |some |roughly |just over |just under )?"
_PARTIAL_SHARE = re.compile(
    r"\bwith " + _SOME + r"(?:(?P<n>\d[\d,]*) (?:of|out of) (?P<m>\d[\d,]*) " + _UNITS_COUNTED
    + r"|(?P<p>\d{1,3}(?:\.\d+)?) ?(?:%|percent|per cent) of (?:the |all )?(?:" + _UNITS_COUNTED[3:-1]
    + r"|votes?|ballots|returns)"
    + r"|(?P<word>nearly all|almost all|most|half|about half|a third|a quarter|a fraction) (?:of )?(?:the )?"
    + _UNITS_COUNTED + r") " + _COUNTED,
    re.IGNORECASE)
_EARLY = re.compile(
    r"\b(?:early|first|partial|initial|preliminary) (?:count|returns|results|tally|tallies)\b", re.IGNORECASE)
_LEADS_NOW = re.compile(
    r"\b(?:leads|is (?:leading|ahead|behind|trailing|passing|failing|winning|losing)|trails|has (?:moved|pulled|edged)"
    r" (?:in front|ahead)|holds (?:a|an early|a narrow) lead|has (?:a|an early|a narrow) lead)\b", re.IGNORECASE)
_AWAITED = re.compile(
    r"\b(?:results|returns|count|tally|numbers)\b[^.;]{0,60}\b(?:are|is) (?:expected|due)\b[^.;]{0,40}"
    r"\b(?:within the hour|in the next hour|shortly|soon|later tonight|tonight|by \d|after \d|around \d)",
    re.IGNORECASE)
_COMPLETE = re.compile(
    r"(?<!nearly )(?<!almost )(?<!virtually )(?<!not )(?<!not quite )\b(?:all|every) (?:\d[\d,]* )?(?:of (?:the |its |their )?(?:\d[\d,]* )?)?(?:precinct|polling (?:place|station)"
    r"|ward|district|count(?:y|ies)|constituenc(?:y|ies)|ballot box)e?s? (?:are in|were in|have reported|had reported|"
    r"reporting|reported|counted|had been counted|have been counted|were counted|tallied)"
    r"|\bwith (?:all|every) (?:of the )?(?:\d[\d,]* )?(?:precinct|polling place|ward|district)s? (?:reporting|counted|in)\b"
    r"|\b100(?:\.0+)? ?(?:%|percent|per cent) of (?:the |all )?(?:precincts|votes?|ballots) " + _COUNTED
    + r"|\bfinal (?:unofficial |official |election[- ]night )?(?:count|results|returns|tally)\b",
    re.IGNORECASE)
_NOT_YET = re.compile(r"\b(?:wait(?:s|ed|ing)?|await(?:s|ed|ing)?|until|pending|before|expected|will|won[’']t|yet)\b",
                      re.IGNORECASE)
# (a count of votes: an early or complete count, or results awaited, is read only in a sentence about an election)
_ELECTION = re.compile(r"\b(?:votes?|voters?|ballots?|precincts?|polling|polls|elections?|electoral|returns|race)\b",
                       re.IGNORECASE)
# (every _ELECTION match holds one of these, lower-cased)
_ELECTION_KEYS = ("vote", "ballot", "precinct", "polling", "polls", "election", "electoral", "returns", "race")
# (each pattern holds one of these, lower-cased: a sentence without any is read no further)
_TALLY_KEYS = ("precinct", "polling", "ward", "district", "count", "constituenc", "ballot", "vote", "return",
               "result", "tally", "tallies", "%", "percent")


def _whole(token: str) -> int:
    return int(token.replace(",", ""))


def partial_tally(text: str) -> bool:
    """Whether the sentence reports an election count as partial, or results still to come (see above)."""
    low = text.lower()
    if not any(map(low.__contains__, _TALLY_KEYS)):
        return False
    for m in _PARTIAL_SHARE.finditer(text):
        if m.group("n") is not None:
            if _whole(m.group("n")) < _whole(m.group("m")):
                return True
        elif m.group("p") is not None:
            if float(m.group("p")) < 100:
                return True
        else:
            return True
    if _ELECTION.search(text) is None:
        return False
    return bool(_EARLY.search(text) and _LEADS_NOW.search(text)) or _AWAITED.search(text) is not None


def complete_tally(text: str) -> bool:
    """Whether the sentence reports an election count as complete ("All 14 precincts are in.", "once all 14 precincts
    had been counted", "With every precinct counted", "the final unofficial count")."""
    low = text.lower()
    if not any(map(low.__contains__, _ELECTION_KEYS)) or not any(map(low.__contains__, _TALLY_KEYS)) or (
            _ELECTION.search(text) is None):
        return False
    # (a final count still awaited is no count: "... is waiting for a final count of absentee ballots that won't come
    # for more than a week")
    return any(not m.group().lower().startswith("final") or _NOT_YET.search(text) is None
               for m in _COMPLETE.finditer(text))


_NAME = re.compile(r"(?<=\s)[A-Z][a-z][\w'’-]+")


def tally_names(text: str) -> set[str]:
    """The capitalized words of a sentence after its first word (the candidates, the places, the measure)."""
    return {w.rstrip("'’s").rstrip("'’") for w in _NAME.findall(text)}


def superseded_tallies(texts: list[str], docs: list[int], low: str | None = None) -> set[int]:
    """The sentences (indices into ``texts``, each of document ``docs[i]``) that report a partial count when a
    document of the cluster reports the count complete and names someone or something the partial sentence names (the
    same race; a sentence naming nothing is superseded by any complete count). A cluster without a complete count
    (a story filed before the count ended) keeps its partial ones: they are the news it has."""
    if low is None:  # (``low``: the texts joined by newlines, lower-cased, when the caller has it)
        low = "\n".join(texts).lower()
    if not any(map(low.__contains__, _ELECTION_KEYS)):
        return set()  # (a substring test: most clusters are about no vote, and no sentence need be read)
    # (only the sentences holding an election key can report a count complete: found by str.find over the whole text)
    complete = [i for i in _holding(texts, low, _ELECTION_KEYS) if complete_tally(texts[i])]
    if not complete:
        return set()
    # (a sentence that also gives the complete count tells the night's story: "Varga-Holm led with 9 of 14 precincts
    # counted, but once all 14 precincts had been counted Pelling had won by 212 votes.")
    done = set(complete)
    partial = [i for i, t in enumerate(texts) if i not in done and partial_tally(t)]
    if not partial:
        return set()
    named = _names_given(texts, docs, {docs[k] for k in complete})
    return {i for i in partial if not (mine := tally_names(texts[i])) or mine & named}


def _names_given(texts: list[str], docs: list[int], finished: set[int]) -> set[str]:
    """The names (``tally_names``) the sentences of the documents in ``finished`` give: the race or the company of the
    documents that report the complete count or the close."""
    named: set[str] = set()
    for i, t in enumerate(texts):
        if docs[i] in finished:
            named |= tally_names(t)
    return named

# ---- a share price that moves during the day ------------------------------------------------------------------
#
# A company's shares move all day after its news: a wire's flash gives the premarket move ("Shares of Acme were down 9%
# in premarket trading"), a finance page the afternoon's ("Shares were down about 12% in early afternoon trading"), and
# the later story the close ("Shares of Acme closed down 14% on Thursday", "The stock ended at $41.68"). Once a
# document gives the close, a sentence that gives an earlier move of the day as the news is stale: a brief quoting it
# gives the wrong figure. ``close_move`` reads a close (a figure after "closed", "ended", "finished" or "settled", in a
# sentence about shares or a stock); ``intraday_move`` a move within the session before it (premarket, early, morning,
# midday or afternoon trading, "before the market opened", "at one point"), not after the bell (extended trading
# after a report is newer than that day's close). ``superseded_moves`` gives the sentences of intraday moves when a
# document gives a close and the move's sentence names nothing the close's document does not (the same company);
# a sentence that gives the close itself ("closed down 14% after falling as much as 20%") is not one.
_SHARE_WORDS = r"\b(?:shares?|stocks?|Nasdaq|NYSE|stock market|index|indexes|indices|Dow|S&P 500)\b"
_SHARE_CONTEXT = re.compile(_SHARE_WORDS, re.IGNORECASE)
_MOVE_FIGURE = r"(?:\$\s?\d[\d,]*(?:\.\d+)?|\d+(?:\.\d+)? ?(?:%|percent|per cent|cents?|points?))"
_CLOSE = re.compile(
    r"\b(?:closed|ended|finished|settled)(?: (?:the|its|their) (?:day|session|trading day|regular session))?"
    r"(?: (?:trading|regular trading|the day|the session))?(?: on \w+)?"
    r" (?:(?:down|up|off|lower|higher|flat|unchanged)\b|at " + _MOVE_FIGURE + r"|" + _MOVE_FIGURE
    + r" (?:lower|higher|down|up)\b)"
    r"|\bto (?:close|end|finish|settle) (?:the day |trading )?(?:at|down|up|lower|higher)\b"
    r"|\bat the (?:close|closing bell)\b",
    re.IGNORECASE)
_CLOSE_KEYS = ("closed", "ended", "finished", "settled", "to close", "to end", "to finish", "to settle", "at the clos")
_INTRADAY = re.compile(
    r"\b(?:(?:in|during) (?:pre-?market|early|morning|mid-?morning|late[- ]morning|midday|mid-day|lunchtime|"
    r"afternoon|early[- ]afternoon|mid-?afternoon|intraday|intra-day|the morning's|the day's early) "
    r"(?:trading|trade|dealings|deals|session)"
    r"|pre-?market|before the (?:market|bell|opening bell|exchange) (?:opened|rang|opens)|before the open(?:ing bell)?\b"
    r"|at (?:midday|mid-day|noon|one point)|intraday|intra-day|shortly after the (?:open|opening bell))",
    re.IGNORECASE)
_INTRADAY_KEYS = ("trading", "trade", "dealings", "deals", "session", "market", "before the", "at midday", "at mid-day",
                  "at noon", "one point", "intraday", "intra-day", "after the open")
_MOVE = re.compile(
    r"\b(?:down|up|off|lower|higher|f[ae]ll(?:s|ing)?|rose|rising|rises?|dropp?(?:ed|ing|s)?|sl[iu]d(?:e|es|ing)?|"
    r"s[aiu]nk(?:ing|s)?|tumbl(?:ed|ing|es?)|jump(?:ed|ing|s)?|gain(?:ed|ing|s)?|los(?:t|ing|es?)|climb(?:ed|ing|s)?|"
    r"plung(?:ed|ing|es?)|surg(?:ed|ing|es?)|rall(?:ied|ying|ies)|declin(?:ed|ing|es?)|slipp?(?:ed|ing|s)?|"
    r"sagg?(?:ed|ing|s)?|soar(?:ed|ing|s)?|skid(?:ded|ding|s)?|retreat(?:ed|ing|s)?|advanc(?:ed|ing|es?)|"
    r"trad(?:ed|ing) (?:down|up|lower|higher))\b",
    re.IGNORECASE)
# (a weekday or a month names no company)
_NOT_A_COMPANY = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August "
    "September October November December Shares Stock Nasdaq NYSE Wall Street".split())


def close_move(text: str) -> bool:
    """Whether the sentence gives a share price's close ("closed down 14%", "The stock ended at $41.68")."""
    low = text.lower()
    return (any(map(low.__contains__, _CLOSE_KEYS)) and _CLOSE.search(text) is not None
            and _SHARE_CONTEXT.search(text) is not None)


def intraday_move(text: str) -> bool:
    """Whether the sentence gives a share price's move before the day's close as its news (see above)."""
    low = text.lower()
    return (any(map(low.__contains__, _INTRADAY_KEYS)) and (m := _INTRADAY.search(text)) is not None
            and _MOVE.search(text) is not None and ("market" in m.group().lower() or _SHARE_CONTEXT.search(text)
                                                    is not None)
            and not close_move(text))


def _holding(texts: list[str], low: str, keys: tuple[str, ...]) -> list[int]:
    """The indices of ``texts`` that hold one of ``keys`` (lower case) in ``low``, their lower-cased text joined by
    newlines: each key found by ``str.find`` over the whole text, not tried sentence by sentence (many news clusters
    say "closed" or "ended" somewhere; few sentences do)."""
    starts = [0]
    for t in texts:
        starts.append(starts[-1] + len(t) + 1)
    if starts[-1] != len(low) + 1:  # (lower-casing changed a length, "İ" -> "i̇": the offsets would not line up)
        return [i for i, t in enumerate(texts) if any(k in t.lower() for k in keys)]
    found: set[int] = set()
    for k in keys:
        at = low.find(k)
        while at >= 0:
            i = bisect_right(starts, at) - 1
            found.add(i)
            at = low.find(k, starts[i + 1])  # (the next sentence on: one hit a sentence is enough)
    return sorted(found)


def superseded_moves(texts: list[str], docs: list[int], low: str | None = None) -> set[int]:
    """The sentences (indices into ``texts``, each of document ``docs[i]``) that give a share price's move during the
    day when a document of the cluster gives the close and names what the move's sentence names (see above)."""
    if low is None:  # (as in ``superseded_tallies``)
        low = "\n".join(texts).lower()
    if not any(map(low.__contains__, _CLOSE_KEYS)):
        return set()  # (a substring test: most clusters give no close, and no sentence need be read)
    closed = {docs[i] for i in _holding(texts, low, _CLOSE_KEYS) if close_move(texts[i])}
    if not closed:
        return set()
    moving = [i for i, t in enumerate(texts) if intraday_move(t)]
    if not moving:
        return set()
    named = _names_given(texts, docs, closed)
    return {i for i in moving if not (mine := tally_names(texts[i]) - _NOT_A_COMPANY) or mine & named}


# ---- figures that differ between outlets ------------------------------------------------------------------------
#
# Outlets can give different tolls that no page reconciles (a commissioner's nine dead against the coroner's seven,
# an early report's four against a later seven that no page calls an update). ``disputes`` finds them for the counts a
# brief states, conservatively: only a count that reads as the story's whole toll ("Seven people died", "killing 7",
# "the death toll rose to 7") takes part; a count with a qualifier ("at least 7", "about 7"), a range ("seven or
# eight"), a part of the dead ("two children were among the dead", "two of the dead", "killing 3 soldiers", "another
# 3"), or a count in a sentence of another time or of a hypothesis ("each year", "since 2001", "in 2012", "could die")
# does not. Two figures differ when documents of different reports each give one of them as their own (the figure
# most of their sentences give) and no document gives both but to say they conflict ("... knew of no others", "no
# record of any more than seven", "disputed"): a document that gives both otherwise (seven in the town, twenty across
# the state) reconciles them.

# words that may stand between a whole count and its keyword ("Seven people are now confirmed dead")
_WHOLE_GAP = frozenset(
    "people persons have has had were are was is been being now confirmed reported reportedly known believed already "
    "so far still remain remained remains who that officially listed as presumed feared left".split())
# before a count: a qualifier, a part, an addition or a range ("at least 7", "two of the 7", "another 3", "5 to 7")
_NOT_WHOLE_BEFORE = re.compile(
    r"(?:\b(?:at least|more than|over|nearly|about|some|up to|roughly|around|almost|fewer than|less than|as many as|"
    r"an estimated|estimated|approximately|close to|upwards of|perhaps|possibly|maybe|another|other|additional|"
    r"including|among|plus|besides|between \S+ and|or|to|between|all|of|than|first|latest|further|extra)\s+"
    r"(?:(?:the|a|an)\s+)?"
    r"|[-–~+]\s*|\d\s)$", re.IGNORECASE)
_WHOLE_AFTER_KILL = re.compile(  # after "killing 7" / "a death toll of 7": people, or the clause goes on
    r"\s*(?:(?:people|persons|lives)\b|[,.;:)!?—–]|-\s|$|(?:and|in|on|at|when|as|after|during|while|across|near|"
    r"including|overnight|yesterday|today|tonight)\b)", re.IGNORECASE)
_QUALIFIED_BEFORE = re.compile(_QUALIFIER.rstrip("?") + "$", re.IGNORECASE)
_QUALIFIER_ENDS = re.compile(r"\b(?:" + _QUALIFIER_WORDS + r")\s*$")  # (on lower-cased text: "killing at least ")
_AND_BEFORE = re.compile(r"\band\s+$", re.IGNORECASE)
_RANGE_AFTER = re.compile(r"\s*(?:or|to|-|–|\+|plus)(?:\s|\d|$)|\s\d{3}\b", re.IGNORECASE)  # (or "116 686")
# a sentence of another time, a rate or a hypothesis ("each year", "since 2001", "in 2012", "could", "a similar ...")
_OTHER_TIME = re.compile(
    r"\b(?:(?:each|every|per|a|this|last|that|previous|past|earlier this|same) (?:year|month|week|decade|time)s?|"
    r"annual(?:ly)?|since|(?:1[89]|20)\d\d|could|would|might|if|average|typically|usually|record|deadliest|worst|"
    r"previous|similar|estimates?|projected|expected|may have|"
    r"(?:including|excluding|not including|besides|plus) (?:the |a |an |two |three |both )?(?:gunm[ae]n|shooters?|"
    r"attackers?|assailants?|bombers?|suspects?|perpetrators?|hijackers?|militants?))\b", re.IGNORECASE)
# a count of a wider or narrower scope than the story's ("across the county", "in all", "in Lornby alone")
_SCOPE = re.compile(r"\b(?:across|statewide|nationwide|countrywide|worldwide|around the (?:country|state|region|world)|"
                    r"throughout|in all|overall|in total|altogether|combined|alone|elsewhere|regions?|provinces?)\b",
                    re.IGNORECASE)
# the place a count is given for ("in Lornby", "at Lornby High School", "near New Halden"): counts for places that
# differ are counts of different things
_PLACE = re.compile(r"\b(?i:in|at|near|outside) (?:the )?([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*)")
# a document that gives two figures to say they conflict
_CONFLICT = re.compile(
    r"\b(?:disput\w*|contradict\w*|conflicting|discrepanc\w*|differ\w*|no record of|(?:knew|know|knows|aware) of no|"
    r"could not (?:be )?(?:confirm|verif)\w*|couldn't (?:confirm|verify)|unconfirmed|not (?:been )?(?:independently )?"
    r"(?:confirmed|verified)|(?:other|some|conflicting) reports|while others|others put|denied)\b", re.IGNORECASE)
# (a sentence without one of these gives no count: the cheap test before ``casualties``)
# ("die" would pass "soldier", "studies" and "audience"; a toll is a "death toll"; "claimed" and "claiming" the lives)
_COUNT_KEYS = ("dead", "died", "death", "kill", "fatal", "bodies", "missing", "unaccounted", "injur", "hurt", "wound",
               "claimed", "claiming")


def may_count(text: str) -> bool:
    """Whether ``text`` may give a count of casualties (a keyword is there): a cheap test before ``casualties``."""
    low = text.lower()
    return any(map(low.__contains__, _COUNT_KEYS))


def whole_counts(text: str) -> list[Count]:
    """The counts ``text`` gives as a story's whole toll, exactly: "Seven people died", "Nine people have died",
    "killing 7", "the death toll remains at seven" (not "at least 7", "about 7", "seven or eight", "two of the
    dead", "two children were among the dead", "killing 3 soldiers", "another 3 died", a superseded count, nor any
    count in a sentence of another time, a rate or a hypothesis: "in 2012", "each year", "could die")."""
    if not may_count(text) or (_ANY_DIGIT.search(text) is None and _ANY_NUMBER_WORD.search(text) is None):
        return []
    matches = list(_COUNT.finditer(text))
    if not matches or _OTHER_TIME.search(text) is not None or _SCOPE.search(text) is not None:
        return []
    old = {m.start("n") for m in _SUPERSEDED.finditer(text)} if says_superseded(text) else set()
    out: list[Count] = []
    qualified = False  # (the count before was qualified: "at least 22 killed and 59 injured" qualifies both)
    for m in matches:
        start = m.start("n") if m.group("n") is not None else m.start()
        if qualified and _AND_BEFORE.search(text, max(0, start - 6), start):
            continue
        qualified = _QUALIFIED_BEFORE.search(text, max(0, start - 16), start) is not None
        if m.group("n") is not None:
            pos, end, kind = m.start("n"), m.end("n"), _kind(m.group("kw"))
            gap = text[end:m.start("kw")].lower().split()
            if m.group("kw").lower() == "bodies" or any(w not in _WHOLE_GAP for w in gap):
                continue  # ("seven bodies were recovered", "two children were among the dead")
            if _RANGE_AFTER.match(text, end):
                continue
        else:
            group = "k" if m.group("k") is not None else "t"
            pos, end, kind = m.start(group), m.end(group), "dead"
            head = text[m.start():pos].lower()
            if _QUALIFIER_ENDS.search(head) or not _WHOLE_AFTER_KILL.match(text, end):
                continue  # ("killing at least 19", "killing 3 soldiers")
            if _RANGE_AFTER.match(text, end):
                continue
        if pos in old or _DATE_BEFORE.search(text, max(0, pos - 12), pos) or \
                _NOT_WHOLE_BEFORE.search(text, max(0, pos - 30), pos):
            continue
        token = m.group("n") or m.group("k") or m.group("t")
        if token.lower() in ("dozen", "hundred"):
            continue  # ("a dozen people died": a round number)
        out.append(Count(kind, _value(token), False))
    return out


@dataclass(frozen=True)
class Differing:
    """Figures of one kind that outlets give differently: (value, documents giving it as their own), the brief's
    figure first, then the others by how many documents give them."""

    kind: str
    figures: tuple[tuple[str, tuple[int, ...]], ...]


def _near(a: str, b: str) -> bool:
    x, y = sorted((float(a), float(b)))
    return y <= 2 * x


def disputes(stated: list[str], docs: dict[int, list[str]], report_of: Callable[[], list[int]],
             superseded: set[tuple[str, str]] | None = None) -> list[Differing]:
    """For each kind of count the ``stated`` sentences (a brief's) give as a whole toll, the figures documents give
    differently (``docs``: each document's sentences; ``report_of``: each document's independent report, indexed by
    document, asked only when figures may differ; ``superseded``: the counts the cluster calls superseded, which take
    no part)."""
    old = superseded or set()
    wanted: dict[str, str] = {}  # kind -> the brief's figure (its first)
    for t in stated:
        for c in whole_counts(t):
            if (c.kind, c.value) not in old:
                wanted.setdefault(c.kind, c.value)
    if not wanted:
        return []
    own: dict[str, dict[str, list[int]]] = {k: {} for k in wanted}    # kind -> figure -> documents giving it as own
    gives: dict[str, dict[int, set[str]]] = {k: {} for k in wanted}  # kind -> document -> every figure it gives
    conflict: dict[str, dict[int, set[str]]] = {k: {} for k in wanted}  # ... in a sentence that says they conflict
    places: dict[tuple[str, str], set[str]] = {}  # (kind, figure) -> the places the sentences giving it name
    for d in sorted(docs):
        tallies: dict[str, dict[str, int]] = {}
        for t in docs[d]:
            if not may_count(t):
                continue
            current = [c for c in casualties(t)
                       if not c.superseded and c.kind in wanted and (c.kind, c.value) not in old]
            if not current:
                continue
            cue = _CONFLICT.search(t) is not None
            for c in current:
                gives[c.kind].setdefault(d, set()).add(c.value)
                if cue:
                    conflict[c.kind].setdefault(d, set()).add(c.value)
            for c in whole_counts(t):
                if c.kind in wanted and (c.kind, c.value) not in old:
                    tally = tallies.setdefault(c.kind, {})
                    tally[c.value] = tally.get(c.value, 0) + 1
                    places.setdefault((c.kind, c.value), set()).update(m.group(1) for m in _PLACE.finditer(t))
        for kind, tally in tallies.items():  # a document's own figure: the one most of its sentences give (a tie: each)
            top = max(tally.values())
            for value, n in tally.items():
                if n == top:
                    own[kind].setdefault(value, []).append(d)
    out: list[Differing] = []
    reports: list[int] | None = None
    for kind, mine in wanted.items():
        holders = own[kind]
        if mine not in holders or len(holders) < 2:
            continue

        # figures more than twice apart (a town's and the country's), or given for places that differ ("in Lornby",
        # "in Birchmont"), are likely counts of different things
        here = places.get((kind, mine), set())
        others = [v for v in holders if v != mine and _near(mine, v)
                  and not (here and places.get((kind, v)) and not here & places[kind, v])]
        if not others:
            continue
        if reports is None:
            reports = report_of()
        # a report (an outlet's documents, a wire story's copies) that gives both, not to say they conflict, reconciles
        # them: the town's and the region's, or its own earlier and later count
        gives_both: dict[int, set[str]] = {}
        conflicting: dict[int, set[str]] = {}
        for d, vals in gives[kind].items():
            gives_both.setdefault(reports[d], set()).update(vals)
            conflicting.setdefault(reports[d], set()).update(conflict[kind].get(d, set()))
        apart = [v for v in others
                 if not any({mine, v} <= vals and not conflicting[r] & {mine, v} for r, vals in gives_both.items())
                 and any(reports[a] != reports[b] for a in holders[mine] for b in holders[v])]
        if not apart or len(apart) > 2:  # (more than three figures: likely counts of different things)
            continue
        apart.sort(key=lambda v: (-len(holders[v]), int(v) if v.isdigit() else 0))
        out.append(Differing(kind, tuple((v, tuple(holders[v])) for v in [mine, *apart])))
    return out
