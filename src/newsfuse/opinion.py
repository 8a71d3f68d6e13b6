"""Opinion pages: columns, op-eds, commentaries and editorials.

A column argues ("The Riverside Line will pay for itself many times over ..."); a brief that quotes it beside the news
outlets' reporting, credited by number like any report, states the columnist's opinion as the story's fact. A page is
an opinion page when it says so: its structured data (``OpinionNewsArticle``), its section ("Opinion", "Editorials",
"Commentary"), its headline's label ("Opinion | ...", "Our view: ...", "Editorial: ..."), or its disclaimer ("The
views expressed are the author's own.", "The opinions expressed in this commentary are solely those of the author.",
"Editorials are the opinion of the editorial board ..."). Selection quotes such pages only when the cluster holds no
other (``select.OPINION_RULE``); the disclaimer itself is clutter (``clutter.LINE_PATTERNS``).
"""

from __future__ import annotations

import re

# The disclaimer under (or over) a column or an editorial. Kept in step with the clutter pattern built from it. Its tail
# holds no speech verb: "The views expressed are those of the author, the network said in a statement on Tuesday." and
# "Editorials are the opinion of the editorial board, ..., the publisher wrote in a note to readers." are a news
# report's sentences about a disclaimer.
_NOT_SAID = (r"(?![^!?\"“”]{{0,{}}}\b(?:said|says|wrote|writes|told|tells|according|stated|states|added|adds|noted|"
             r"notes|insisted|explained|acknowledged)\b)")
DISCLAIMER = (
    r"(?:the )?(?:views|opinions)(?: and opinions)? expressed (?:in this (?:column|commentary|article|piece|op-?ed|essay|"
    r"post|blog post|letter)\s+|here(?:in)?\s+|by the (?:author|writer)s?\s+)?(?:are|is) (?:solely |entirely |strictly )?"
    r"(?:(?:those|the views?|the opinions?) of (?:the )?(?:author|writer|columnist|contributor)s?(?:['’]s?)?(?: own)?"
    r"|(?:the )?(?:author|writer|columnist|contributor)(?:['’]s|s['’]) own|(?:his|her|their|hers|his own|her own|"
    r"their own))\b" + _NOT_SAID.format(160) + r"[^!?\"“”]{0,160}"
    r"|editorials? (?:are|is|represents?|reflects?) the (?:opinions?|views?|position) of (?:the |our )?"
    r"[\w .,'’&-]{0,80}?editorial (?:board|page|staff)\b" + _NOT_SAID.format(200) + r"[^!?\"“”]{0,200}"
)
_DISCLAIMER_RE = re.compile(r"^(?:" + DISCLAIMER + r")$", re.IGNORECASE)
_DISCLAIMER_SEARCH_RE = re.compile(r"(?<![\w'’])(?:" + DISCLAIMER + r")", re.IGNORECASE)
# A headline's label ("Opinion | I waited 20 years ...", "Our view: Brisk made the right call", "Editorial: ...",
# "OPINION: ...", "Op-Ed: ...", "Commentary: ...", "Column: ...", "Guest column: ...").
_TITLE_LABEL_RE = re.compile(
    r"^\s*(?:opinion|our view|my view|editorial|op-?ed|commentary|column|guest column|guest opinion|viewpoint|"
    r"guest view|perspective)\s*[:|\-–—]\s", re.IGNORECASE)
# A page's markup: schema.org's OpinionNewsArticle, or its section ("article:section" "Opinion", "Editorials").
_LD_OPINION_RE = re.compile(r"[\"']@type[\"']\s*:\s*(?:\[[^\]]*)?[\"']OpinionNewsArticle[\"']")
_SECTION_RE = re.compile(
    r"<meta\b[^<>]*\bproperty=[\"']article:section[\"'][^<>]*\bcontent=[\"']\s*(?:opinion|opinions|editorials?|"
    r"commentary|op-?eds?|columns?|columnists?)\s*[\"']"
    r"|<meta\b[^<>]*\bcontent=[\"']\s*(?:opinion|opinions|editorials?|commentary|op-?eds?|columns?|columnists?)\s*[\"']"
    r"[^<>]*\bproperty=[\"']article:section[\"']", re.IGNORECASE)
_KEYS = ("xpressed", "ditorial", "pinion", "Opinion", "ommentary", "column", "our view", "Our view", "Our View")


def is_disclaimer(line: str) -> bool:
    """Whether ``line`` is an opinion page's disclaimer, nothing else."""
    return ("xpressed" in line or "ditorial" in line) and _DISCLAIMER_RE.match(line.strip()) is not None


def is_opinion_page(text: str, title: str | None = None) -> bool:
    """Whether a page (its raw text or markup, and its title) says it is a column, an op-ed or an editorial."""
    if title and _TITLE_LABEL_RE.match(title):
        return True
    head = text[:400_000]
    if not any(map(head.__contains__, _KEYS)):
        return False
    if "OpinionNewsArticle" in head and _LD_OPINION_RE.search(head):
        return True
    if "article:section" in head and _SECTION_RE.search(head):
        return True
    if "xpressed" not in head and "ditorial" not in head:
        return False
    for m in _DISCLAIMER_SEARCH_RE.finditer(head):
        if _opens_sentence(head, m.start()):
            return True
    return False


def _opens_sentence(text: str, pos: int) -> bool:
    """Whether ``pos`` opens a line, a paragraph (markup) or a sentence of ``text``: a disclaimer stands alone ("...
    on time. The views expressed are the author's own."), a news report's sentence about one does not ('Fox River News
    said that the views expressed are those of the author and not the network.'), nor does someone's words quoted
    ('"The views expressed are his own," a spokesman said.')."""
    window = text[max(0, pos - 40) : pos]
    before = window.rstrip()
    if before[-3:].lower() == "the" and not before[-4:-3].isalnum():
        window = before[:-3]
        before = window.rstrip()
    if not before or "\n" in window[len(before):]:
        return True  # (the text's or a line's start)
    last = before[-1]
    if last in ".!?>)]*_|":
        return True
    return last in "\"”’'" and before[-2:-1] in (".", "!", "?")  # (after a quotation's end: '... he said."')
