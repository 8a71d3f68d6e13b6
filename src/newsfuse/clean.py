"""Stage 2, clean: the article's prose out of a web page, everything else dropped.

HTML goes through trafilatura (a plain tag strip when it finds nothing). Then the text --
copied from a page or extracted from one -- is cleaned line by line: menus, pitches, photo
credits, icon names, update stamps, widget captions repeated down the page and lines that are
not prose go; a headline at the top becomes the title; a trailer heading ("Next Up", "Related
Coverage", "Site Index" ...) ends the article. A page flattened onto one huge line is cut the
same way in-line. Last, whole blocks about another story are dropped by comparing their words
with the rest of the cluster.

Kept sentences are never rewritten: only whitespace is normalized, a word hyphenated across a
hard-wrapped line's end is rejoined, and whole lines, sentences or leading stamps are removed, so
every sentence of a brief appears verbatim in the cleaned text.
"""

from __future__ import annotations

import functools
import html as html_lib
import logging
import math
import re
from collections import Counter
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field, replace

from newsfuse.archived import drop_capture_header, is_archive_name, original_url, strip_archive_toolbar
from newsfuse.clutter import (
    ARCHIVE_NAME_RE,
    BYLINE_LINE_RE,
    CJK_RE,
    COMMENT_HEADING_MIN_PROSE,
    COMMENT_HEADING_RE,
    CRAWL_RE,
    HEADLINE_FUNCTION_WORDS,
    ICON_WORDS,
    INLINE_BOX_RE,
    INLINE_BYLINE_RE,
    INLINE_CAPTION_RES,
    INLINE_NAV_RE,
    INLINE_TRAILER_KEYS,
    INLINE_TRAILER_RE,
    MONTHS,
    NAV_WORDS,
    PITCH_KEYS,
    SOCIAL_WORDS,
    STOP_WORDS,
    TERMINAL,
    TRAILER_RE,
    find_date,
    has_crawl_term,
    html_meta,
    is_clutter_line,
    is_photo_credit,
    line_keys,
    looks_like_html,
    may_hold,
    pitch_matches,
    reads_as_caption,
)
from newsfuse.markdown_text import looks_like_markdown, markdown_inline, markdown_to_text
from newsfuse.model import Document
from newsfuse.newswire import looks_like_newswire, parse_newswire
from newsfuse.opinion import is_opinion_page

log = logging.getLogger("newsfuse")

# A line longer than this that also shows page signals (a menu run, "Published On", a trailer) is a
# "flattened page" (a whole page on one line); the flattened NYT page of the seeds is 14,000 characters.
FLAT_LINE_CHARS = 800
# A trailer marker inside a flattened line only counts past this share of the line (a menu item of
# the same name can sit at the top).
FLAT_TRAILER_MIN_SHARE = 0.25
# Sentences per paragraph when a flattened line is re-paragraphed.
FLAT_PARAGRAPH_SENTENCES = 3
# A line shown this many times in one page is a widget caption, not prose ...
REPEATED_LINE = 3
# ... unless such lines are at least this share of the page's text: the article pasted over, which keeps one copy.
REPEATED_PAGE_SHARE = 0.95
# Prose: at least this many words (or, for scripts without spaces, characters).
MIN_WORDS = 5
TITLE_LINES = 8  # a headline is looked for among the first lines above the story's first prose line
MIN_CJK_CHARS = 12
# A paragraph at least this long is filtered sentence by sentence (a one-line article holding a
# sign-up line must not be dropped whole); shorter ones are kept or dropped whole.
LONG_PARAGRAPH_CHARS = 400
# A paragraph at least this long that stops mid-sentence (truncated input, e.g. Multi-News) keeps its
# finished sentences; shorter unfinished lines are headings, names or menu items.
FRAGMENT_MIN_CHARS = 200
# Non-English guard: if cleaning would keep under this share of a non-English page's prose-like
# lines, keep those lines instead.
NON_ENGLISH_KEEP = 0.10
# English is detected by the share of English stop words among word tokens (English news ~0.40;
# other Latin-script languages stay under 0.05).
ENGLISH_STOPWORD_SHARE = 0.12
# Relevance (a paragraph's words vs. the rest of the cluster, 0..1). A run of MIN_BLOCK or more
# paragraphs whose score, averaged with its neighbours', is under BLOCK_SHARE x the document's median
# is a block about something else. Calibrated on the seeds with their trailer headings removed:
# story paragraphs score 0.09-0.85 (median 0.3-0.5 a document), unrelated local-news teasers
# 0.0-0.19, whose 3-paragraph averages stay under 0.15 while the story's stay over 0.2.
BLOCK_SHARE = 0.45
MAX_BLOCK_THRESHOLD = 0.25
MIN_BLOCK = 3
# A sidebar block's paragraphs are headlines and one-sentence teasers (seeds: 3-20 words each);
# story paragraphs run 25-80 words (TAC 2011's Wikinews articles lost real reporting without this).
TEASER_WORDS = 24


@dataclass
class _Page:
    """A document while it is being cleaned."""

    paragraphs: list[str] = field(default_factory=list)
    title: str | None = None
    date: str | None = None
    sitename: str | None = None
    sitename_from_footer: bool = False  # the name is a copyright line's (often the owner's, not the outlet's)
    text: str = ""  # the text the page's language is judged on
    prose_like: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)  # the writers the page's byline lines name
    scores: list[float] = field(default_factory=list)
    speaker_lines: int = 0  # lines that are a transcript's speaker labels alone (TRANSCRIPT_SPEAKER_LINE)

    def name_from_footer(self, name: str | None) -> None:
        """Take a copyright line's name for the outlet, unless the page named itself already."""
        if name and not self.sitename:
            self.sitename, self.sitename_from_footer = name, True

    @functools.cached_property
    def english(self) -> bool:
        """Whether the page is English (judged only when a step needs to know)."""
        return _looks_english(self.text)


# --- public entry point ------------------------------------------------------------------------------


def _topical_cues(docs: list[Document]) -> frozenset[str]:
    """Pitch cue words that are the story's own subject: found in two documents or more. A story
    about tsunami aid *donations* is not a donation pitch; one outlet's pitch is. Subscription cues
    (subscribe, newsletter, inbox, ...) are never the subject."""
    if len(docs) < 2:
        return frozenset()
    seen: dict[str, int] = {}
    for d in docs:
        for cue in {m.group(0).lower()[:6] for m in pitch_matches(d.text[:200_000])}:
            seen[cue] = seen.get(cue, 0) + 1
    return frozenset(c for c, n in seen.items() if n >= 2 and c not in _NEVER_TOPICAL)


_NEVER_TOPICAL = frozenset(
    x[:6] for x in "subscribe unsubscribe subscription newsletter inbox membership member paywall readers become".split()
)


# The cluster's topical cues, found on first use (most clusters hold no pitch cue at all).
_TOPICAL: ContextVar[Callable[[], frozenset[str]]] = ContextVar("newsfuse_topical_cues", default=frozenset)


def clean_documents(docs: list[Document]) -> list[Document]:
    """Cleaned copies of ``docs``, same length and order: plain prose, is_html False, title/source/date filled."""
    token = _TOPICAL.set(functools.cache(lambda: _topical_cues(docs)))
    try:
        pages = [_clean_one(d) for d in docs]
    finally:
        _TOPICAL.reset(token)
    _drop_irrelevant_blocks(pages, docs)
    out = []
    for d, page in zip(docs, pages, strict=True):
        paragraphs = page.paragraphs
        if page.prose_like:
            kept = sum(len(p) for p in paragraphs)
            total = sum(len(p) for p in page.prose_like)
            if total and kept < NON_ENGLISH_KEEP * total and not page.english:
                paragraphs = page.prose_like
        text = "\n\n".join(paragraphs)
        source = d.source
        if page.sitename and is_archive_name(page.sitename):  # (a capture's extractor names the archive's host)
            page.sitename = None
        if page.sitename and (not source or source == d.id or _is_file_name_outlet(source, d.id)
                              or _is_address_outlet(source, d.url)):
            # a copyright line often names the owner ("Ridgeline Broadcasting"), not the outlet the file is named after
            # and the page calls itself ("02-kvtr-9-news.txt", "... told KVTR 9 News"): the page's own spelling wins
            # (so does the file's name when it is the footer's and more: "Radio Norvalle West" / "(c) Radio Norvalle")
            named = (_named_in_text(source, d.text[:200_000]) if page.sitename_from_footer and source and source != d.id
                     and (not _share_a_word(source, page.sitename) or _name_words(source) > _name_words(page.sitename)) else None)
            source = named or page.sitename
        title = repair_mojibake(d.title) if d.title else page.title  # (the loader reads an HTML page's title as is)
        if title and "-" in title[:40]:
            title = _WIRE_TITLE_PREFIX_RE.sub("", title) or title
        out.append(replace(d, text=text, is_html=False, title=title, date=d.date or page.date,
                           source=source or d.id or None, opinion=d.opinion or is_opinion_page(d.text, title),
                           transcript=d.transcript or page.speaker_lines >= TRANSCRIPT_SPEAKER_LINES))
    return out


# A transcript's speaker labels on lines of their own (an earnings call's "Dana Mirecki -- President and Chief Executive
# Officer", "Priya Okafor -- Halbrook Securities -- Analyst", "Operator"): a name of two to four capitalized words, a
# dash and a role, nothing ending a sentence. A page with TRANSCRIPT_SPEAKER_LINES of them is a transcript
# (``Document.transcript``): the lines go (they are no prose), and with them who said what.
TRANSCRIPT_SPEAKER_LINE = re.compile(
    r"(?:Operator|OPERATOR|(?:[A-Z][\w.'’-]*\s){1,3}[A-Z][\w.'’-]*\s(?:--|—|–)\s[A-Z][^.!?:;]{1,100}?)")
TRANSCRIPT_SPEAKER_LINES = 3


# A wire's tag on a headline, for its clients' editors ("UPDATE 3-Quake kills 19 ...", "CORRECTED-UPDATE 1-...",
# "RPT-...", "EXCLUSIVE-...", "WRAPUP 2-..."): in capitals, glued to the headline by a hyphen
_WIRE_TITLE_PREFIX_RE = re.compile(
    r"^(?:(?:UPDATE|WRAPUP|RPT|REFILE|CORRECTED|CORRECTION|EXCLUSIVE|INSIGHT|ANALYSIS|FACTBOX|EXPLAINER|BREAKINGVIEWS|"
    r"INTERVIEW|PREVIEW|TIMELINE|URGENT|FOCUS|FEATURE|GRAPHIC)(?: \d{1,2})?-)+(?=\S)")


def clean_text(text: str) -> str:
    """One document's text cleaned on its own (no cluster to judge relevance against)."""
    return clean_documents([Document(text=text, id="d1")])[0].text


def _named_in_text(name: str, text: str) -> str | None:
    """``name`` (two words or more) as ``text`` spells it, when the text names it ("Kvtr 9 News" -> "KVTR 9 News")."""
    words = name.split()
    if len(words) < 2:
        return None
    m = re.search(r"(?<![\w-])" + r"\s+".join(re.escape(w) for w in words) + r"(?![\w-])", text, re.IGNORECASE)
    return m.group() if m else None


def _name_words(name: str) -> set[str]:
    return {w.lower() for w in re.findall(r"\w+", name)} - {"the"}


def _share_a_word(a: str, b: str) -> bool:
    """Whether two names share a word ("Northshore Courier" / "The Northshore Courier": one outlet's two spellings)."""
    return bool(_name_words(a) & _name_words(b))


def _is_address_outlet(source: str, url: str | None) -> bool:
    """Whether ``source`` is only the host of the page's address ("tidewaterledger.example"), which the page's own
    name for itself beats."""
    from newsfuse.load import domain_of

    return url is not None and source == domain_of(original_url(url))


def _is_file_name_outlet(source: str, doc_id: str) -> bool:
    from newsfuse.load import outlet_from_stem

    return source == outlet_from_stem(doc_id)


# --- HTML ------------------------------------------------------------------------------------------------

_BLOCK_SKIP_RE = re.compile(
    r"<(/?)(script|style|nav|aside|header|footer|noscript|template|svg|form|iframe|figure|button|select)\b[^<>]*>",
    re.IGNORECASE,
)
_BREAK_TAG_RE = re.compile(r"<(?:/?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|article|section|blockquote|main|dd|dt|pre)\b)[^<>]*>", re.IGNORECASE)
_ANY_TAG_RE = re.compile(r"<[^<>]*>|<!--|-->")


def strip_tags(html: str) -> str:
    """Plain text of an HTML page by a linear scan: skipped elements (script, nav, aside ...) out, tags out."""
    out: list[str] = []
    depth = 0
    pos = 0
    for m in _BLOCK_SKIP_RE.finditer(html):
        if depth == 0:
            out.append(html[pos:m.start()])
        if m.group(1):
            depth = max(0, depth - 1)
        elif not m.group(0).endswith("/>"):
            depth += 1
        pos = m.end()
    if depth == 0:
        out.append(html[pos:])
    text = _BREAK_TAG_RE.sub("\n", "".join(out))
    text = _ANY_TAG_RE.sub(" ", text)
    return html_lib.unescape(text)


# trafilatura's text sets "- " before each list item's text (a page's "What we know" points, a live blog's pinned
# summary): the mark is not the page's, and a sentence quoted from the item must not carry it
_LIST_ITEM_MARK_RE = re.compile(r"^- (?=\S)", re.MULTILINE)


# A note's reference mark set in superscript, linking to its note further down the same page (a blog's footnote
# "...within 72 hours.<sup><a href="#footnote-1">1</a></sup>", a wiki's "<sup><a href="#cite_note-3">[3]</a></sup>"):
# as text it glues its number to the sentence's full stop ("hours.1"), and the paragraph no longer ends like prose.
# A superscript that links nowhere on the page (an exponent, "km<sup>2</sup>", an ordinal's "1<sup>st</sup>") stays,
# and so does an ordinal's ending that links somewhere ("21<sup><a href="#c">st</a></sup> century"): no note's mark.
_NOTE_SUP_RE = re.compile(
    r"<sup\b[^<>]*>\s*<a\b[^<>]*\bhref=[\"']#[^\"'<>]*[\"'][^<>]*>\s*(?!(?:st|nd|rd|th)\s*</a>)\[?[\w*†‡]{1,4}\]?\s*</a>"
    r"\s*</sup>", re.IGNORECASE)


# A page whose visible body is a script-built app's shell ("Loading…", "You need to enable JavaScript") carries its
# story only in its structured data: a JSON-LD NewsArticle's "articleBody". It is taken when the extracted text holds
# fewer than ARTICLE_BODY_SHARE of its words (a page that shows its story is read from its markup, as before) and it
# is an article's length (ARTICLE_BODY_MIN_WORDS: a teaser or a description is no body).
_LD_JSON_OPEN_RE = re.compile(r"<script\b[^<>]*\btype=[\"']?application/ld\+json[\"']?[^<>]*>", re.IGNORECASE)
_SCRIPT_CLOSE_RE = re.compile(r"</script\s*>", re.IGNORECASE)
_ARTICLE_TYPES = frozenset({"article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
                            "opinionnewsarticle", "backgroundnewsarticle", "reportnewsarticle", "reviewnewsarticle"})
ARTICLE_BODY_SHARE = 0.25
ARTICLE_BODY_MIN_WORDS = 80


def _ld_json_blocks(html: str) -> Iterator[str]:
    """The text of each JSON-LD script, each found from where the last one closed (a regex's lazy match to its closing
    tag would scan the rest of a page again for every script left unclosed: quadratic on a hostile page)."""
    pos = 0
    while (m := _LD_JSON_OPEN_RE.search(html, pos)) is not None:
        end = _SCRIPT_CLOSE_RE.search(html, m.end())
        if end is None:
            return
        yield html[m.end() : end.start()]
        pos = end.end()


def _ld_article_body(html: str) -> str:
    """The longest ``articleBody`` of a JSON-LD article (of _ARTICLE_TYPES, in a list, an "@graph" or a "mainEntity")
    on the page, its markup and entities taken out, one paragraph a line; "" when there is none."""
    import json

    best = ""
    for block in _ld_json_blocks(html):
        if "articleBody" not in block:
            continue
        try:
            data = json.loads(block, strict=False)
        except (ValueError, RecursionError):
            continue
        todo = [data]
        while todo:
            x = todo.pop()
            if isinstance(x, list):
                todo.extend(x)
            elif isinstance(x, dict):
                kinds = x.get("@type")
                kinds = kinds if isinstance(kinds, list) else [kinds]
                body = x.get("articleBody")
                if (isinstance(body, str) and len(body) > len(best)
                        and any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds)):
                    best = body
                # (the page's own article: at the top, in its "@graph" or as a page's "mainEntity"; not one that a
                # node only lists or links, as an ItemList's element or a "relatedLink": another story's body)
                todo.extend(v for k, v in x.items() if k in ("@graph", "mainEntity") and isinstance(v, (list, dict)))
    if "<" in best:
        best = strip_tags(best)
    else:
        best = html_lib.unescape(best)
    return "\n\n".join(p.strip() for p in best.split("\n") if p.strip())


def _from_html(html: str, page: _Page) -> str:
    if "<sup" in html or "<SUP" in html:
        html = _NOTE_SUP_RE.sub("", html)
    meta = html_meta(html)
    text = ""
    try:
        import trafilatura

        res = trafilatura.bare_extraction(
            html, include_comments=False, include_tables=False, favor_precision=True, with_metadata=True,
        )
        if res is not None:
            get = res.get if isinstance(res, dict) else lambda k: getattr(res, k, None)
            text = _LIST_ITEM_MARK_RE.sub("", get("text") or "")
            page.title = get("title") or None
            # the writers the page's metadata names ("Emil Sorensen; Northwind Public Radio"): their bio under the
            # story goes like one under a byline line the extraction dropped
            page.bylines.extend(n.strip() for n in (get("author") or "").split(";") if _NAME_LINE_RE.match(n.strip()))
            page.sitename = get("sitename") or None
            page.date = get("date") or None
    except (Exception, RecursionError) as e:  # noqa: BLE001 - a hostile page must not stop the run
        log.debug("trafilatura failed: %s", e)
    page.title = page.title or meta.get("title")
    page.sitename = meta.get("sitename") or page.sitename
    if page.sitename is None or _HOST_RE.fullmatch(page.sitename):
        # the footer's copyright notice (the extraction drops the footer, and names a page without metadata by its host)
        footer = _html_copyright_name(html)
        if footer:
            page.sitename, page.sitename_from_footer = footer, True
    page.date = page.date or meta.get("date")
    if "articleBody" in html:
        body = _ld_article_body(html)
        n = len(body.split())
        if n >= ARTICLE_BODY_MIN_WORDS and len(text.split()) < ARTICLE_BODY_SHARE * n:
            return body
    if not text.strip():
        text = strip_tags(html)
    return text


def _from_newswire(sgml: str, page: _Page) -> str:
    wire = parse_newswire(sgml)
    if wire:
        page.title, page.date, page.sitename = wire[0].title, wire[0].date, wire[0].agency
    return "\n\n".join(w.text for w in wire)


# --- text ------------------------------------------------------------------------------------------------

# Newswire typesetting codes (New York Times wire in the DUC/TAC corpora: "&UR; SEOUL &LR;", "&HT;")
# are layout, not words: they count as whitespace.
_SPACE_RE = re.compile(r"(?:[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]|&(?:UR|LR|QL|QC|QR|MD|HT|TL);)+")
_INVISIBLE_RE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_STAMP_RE = re.compile(
    r"^(?:update[sd]?|last updated|posted|published)\b[ ,]*"
    r"(?P<when>(?:on )?(?:(?:" + MONTHS + r")\.? \d{1,2}(?:, \d{4})?,? ?)?(?:at )?"
    r"(?:\d{1,2}(?::\d{2})? ?[ap]\.? ?m\.?(?: [A-Z]{2,4}\b)?(?: (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)?)?)"
    r"\s*(?P<sep>[:|–—-])?\s*",
    re.IGNORECASE,
)
_DATE_LINE_RE = re.compile(
    r"^(?:(?:published|updated|posted)(?: on)?:? )?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? )?"
    r"(?:(?:" + MONTHS + r")\.? \d{1,2},? \d{4}|\d{1,2} (?:" + MONTHS + r")\.?,? \d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})"
    r"(?:,? (?:at |/ )?\d{1,2}:\d{2}(?: ?[ap]\.? ?m\.?)?(?: [A-Z]{2,4})?)?\.?$",  # ("Sep 13, 2026 / 04:18 PM PDT")
    re.IGNORECASE,
)
# ("© 2026 The Ledger", "Copyright © 2026 The Ledger", "© Copyright 2026 The Ledger": the marks in either order)
_COPYRIGHT_RE = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:(?:©|copyright\b)\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?"
    r"(?P<name>[A-Z][\w&.'’ -]{1,60}?)(?:,? (?:Inc|LLC|Ltd|Company|Co|Corp|Media|Group)\.?)?"
    # (the year after the name: "(c) Radio Norvalle 2026"; not a station's frequency, "(c) CityNews 1130")
    r"(?:,? (?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?)?(?:[.,;|]|\s+all rights reserved|$)",
    re.IGNORECASE,
)
# In a page flattened to one line, the footer's "© 2018 The New York Times Company Contact Us ...": the name
# runs up to a company suffix or "All rights reserved" (nothing else marks where it ends).
_FLAT_COPYRIGHT_RE = re.compile(
    r"(?:©|\(c\)|\bCopyright\b)\s*(?:(?:©|Copyright\b)\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?"
    r"(?P<name>(?:The\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,5}?)"
    r"(?:,?\s+(?:Inc|LLC|Ltd|Company|Corp|Corporation|Media Group|Group)\b|(?:,?\s+(?:19|20)\d{2})?\.?\s+All rights reserved)"
)
FLAT_FOOTER_CHARS = 5000  # the copyright notice is looked for in a flattened line's last characters only
# a page's copyright notice: the mark and the text after it up to the next tag (in the page's last characters)
_HTML_COPYRIGHT_RE = re.compile(r"(?:©|&copy;|&#169;|&#xa9;|\(c\)|\bcopyright\b)[^<>]{0,200}", re.IGNORECASE)
HTML_FOOTER_CHARS = 20_000
_HOST_RE = re.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,}", re.IGNORECASE)  # ("westcountrywire.example")


def _html_copyright_name(html: str) -> str | None:
    """The name a page's copyright notice gives ("&copy; 2026 West Country Wire." -> "West Country Wire"), the last
    notice on the page first."""
    for m in reversed(list(_HTML_COPYRIGHT_RE.finditer(html, max(0, len(html) - HTML_FOOTER_CHARS)))):
        found = _COPYRIGHT_RE.match(" ".join(html_lib.unescape(m.group()).split()))
        if found:
            return found.group("name").strip(" .-")
    return None
_CLOSED_RE = re.compile(r"[.!?…。！？।॥؟][\s)\"”’'»]*[)\"”’'»]$")
_NAME_LINE_RE = re.compile(r"^(?:[A-Z][\w.'’-]*\s){1,3}[A-Z][\w.'’-]*$")


# Text without any of these has nothing for _SPACE_RE to change (each of its runs is one plain space).
_SPACE_CHANGE_RE = re.compile(r"[\t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]| {2}|&(?:UR|LR|QL|QC|QR|MD|HT|TL);")


def _norm_line(line: str) -> str:
    """``_SPACE_RE.sub(" ", _INVISIBLE_RE.sub("", line)).strip()`` with typographic hyphens as "-", skipping the
    substitutions that change nothing."""
    if line.isascii():  # no invisible characters; the only spacing _SPACE_RE changes is "  ", tab, \f, \v, "&..;"
        if "  " in line or "\t" in line or "\f" in line or "\v" in line or "&" in line:
            line = _SPACE_RE.sub(" ", line)
        return line.strip()
    line = _INVISIBLE_RE.sub("", line)
    if "\u2010" in line or "\u2011" in line:  # (a hyphen a word processor set, a non-breaking one: "one\u2011time")
        line = line.replace("\u2010", "-").replace("\u2011", "-")
    if _SPACE_CHANGE_RE.search(line) is not None:
        line = _SPACE_RE.sub(" ", line)
    return line.strip()


_ASCII_WORD_RE = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")  # _WORD_RE on ASCII text (a cheaper character class)


def _words(line: str) -> list[str]:
    return (_ASCII_WORD_RE if line.isascii() else _WORD_RE).findall(line)


def _drop_repeated(cands: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Lines shown REPEATED_LINE times or more are widget captions and go, unless such lines are most of the page's
    text (REPEATED_PAGE_SHARE): then the page is the article pasted over (a file holding five copies of one story, cut
    short or not, in short paragraphs or long) and each keeps its first copy. A long teaser repeated down a story
    still goes."""
    keys = [line.lower() for _, line in cands]
    counts = Counter(keys)
    if not counts or max(counts.values()) < REPEATED_LINE:
        return cands
    shown = [counts[k] >= REPEATED_LINE for k in keys]
    repeated = sum(len(x) for (_, x), r in zip(cands, shown, strict=True) if r)
    if repeated < REPEATED_PAGE_SHARE * sum(len(x) for _, x in cands):
        return [c for c, r in zip(cands, shown, strict=True) if not r]
    kept: set[str] = set()
    out = []
    for c, k, r in zip(cands, keys, shown, strict=True):
        if r:
            if k in kept:
                continue
            kept.add(k)
        out.append(c)
    return out


# A paragraph that introduces a statement set out below it ("Mayor Thomas Pelling issued the following statement early
# Wednesday ...:", "The family said in a statement released through the police:"): prose, though it ends in a colon,
# and the only place that names who speaks the paragraphs under it (select.statement_runs reads them as that speaker's).
STATEMENT_LEAD_IN = re.compile(
    r"\b(?:(?:issued|released|gave|sent|provided|posted|shared|read|made)\b[^:]{0,80}?\b(?:the following|this|a|an|the)"
    r" (?:[\w-]+ ){0,2}statement|(?:said|says|wrote|writes) in (?:a|the|his|her|their|its) (?:[\w-]+ ){0,2}statement)"
    # (not the outlet's own list after it: "The district released a statement Tuesday, and here is what we know so far:")
    r"\b(?![^:]{0,160}\b(?:here(?:'s|’s| is| are)|what we know|what you need to know|below)\b)[^:]{0,160}:$",
    re.IGNORECASE)


def _is_prose(line: str) -> bool:
    if line[-1:] == ":" and len(line.split()) >= MIN_WORDS and STATEMENT_LEAD_IN.search(line[-300:]) is not None:
        return True
    if not line or line[-1] not in TERMINAL:
        return False
    if line[-1] in ")\"”’'»" and not _CLOSED_RE.search(line[-12:]):
        return False
    head = line[:400]
    cjk = 0 if head.isascii() else len(CJK_RE.findall(head))
    if cjk >= MIN_CJK_CHARS:
        return True
    return len(line.split()) >= MIN_WORDS


_SOCIAL_OR_ICON = SOCIAL_WORDS | ICON_WORDS


def _is_list_of(line: str, vocab: frozenset[str], at_least: int = 2) -> bool:
    toks = [t.strip(".,:;|•·-").lower() for t in line.split()]
    toks = [t for t in toks if t]
    if len(toks) < at_least:
        return False
    hits = sum(t in vocab for t in toks)
    return hits >= 0.7 * len(toks)


def _is_nav(line: str) -> bool:
    if line[-1:] in ".!?":
        return False
    toks = [t.strip(".,:;|•·-»›>").lower() for t in line.split()]
    toks = [t for t in toks if t]
    return bool(toks) and all(t in NAV_WORDS for t in toks)


# A wire service's transmission slug at the end of a story's last line ("... protests. AP-NY-10-16-98
# 0323EDT", "NYT-10-03-98 1839EDT"): when a copy's lines were joined, it is glued to the last sentence,
# which would otherwise be dropped with it as a line that does not end like prose.
_SLUG_TAIL_RE = re.compile(r"(?<=[.!?\"'”’)])\s+(?:[A-Z]{2,4}-){1,2}\d\d-\d\d-\d\d(?:\s+\d{3,4}[ECMP][SD]T)?\s*$")


def _strip_stamp(line: str) -> str | None:
    """The line without a leading update stamp ("UPDATE 4:25 p.m. EST:"); None if it was only a stamp."""
    m = _STAMP_RE.match(line)
    if not m or not (m.group("when").strip() or m.group("sep")):
        return line
    rest = line[m.end():].strip()
    return rest or None


# A social-media post's furniture around its sentences: a thread's number ("2/ At the peak, ...", "🧵 1/ THREAD on
# ..."), and the emoji after its last sentence ("... at noon. 📷"). (Not a fraction or a date: "1/2 cup", "9/11
# changed". Hashtags stay: a post ending in them is a tweet quoted whole, "... in cooby. #murdochlpt3", which a
# Multi-News page keeps as its headline, not as sentences to quote.)
_THREAD_NUMBER_RE = re.compile(r"^(?:\U0001F9F5\s*)?\d{1,2}/\s+(?=[^\s\d])")  # (not "9/ 11", "1/ 2 cup")
_PICTOGRAPHS = "\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D"
_POST_TAIL_RE = re.compile(rf"(?<=[.!?\"”’)])\s*[{_PICTOGRAPHS}]+(?:\s+[{_PICTOGRAPHS}]+)*\s*$")
POSTED_BY_MAX_PROSE_ABOVE = 2  # (a forum's description above it; not an article that quotes a forum post)
# ... under the forum's name ("r/Wrenford"): an article's lead paragraphs over a post it quotes are not a forum's lines
_SUBREDDIT_RE = re.compile(r"^r/\w{2,21}$")
# A forum's post header ("Posted by u/nferraro_beacon", with its age: "Posted by u/name 5h", "· 5 hr. ago").
_POSTED_BY_RE = re.compile(r"^Posted by u/[\w-]{3,20}(?:\s*·?\s*\d{1,2}\s?(?:[hmd]|hr|hrs|min|mo|yr)\.?(?: ago)?)?$")


def _social_post_line(line: str) -> str:
    # (each pattern only where it can match: a "/" near the start, a character outside ASCII at the end)
    if "/" in line[:8]:
        line = _THREAD_NUMBER_RE.sub("", line, count=1)
    return _POST_TAIL_RE.sub("", line, count=1) if line and not line[-1].isascii() else line


# An HTML character reference left in plain text by a scraper ("AT&amp;T", "New York &#124; ..."): named
# ones in lower case with their semicolon, and numeric ones. Newswire layout codes (&UR;, &LR;) are upper case.
_ENTITY_RE = re.compile(r"&(?:[a-z][a-z0-9]{1,7}|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});")


def _unescape_entity(m: re.Match[str]) -> str:
    return html_lib.unescape(m.group(0))


# Mojibake: UTF-8 that a scraper read as Windows-1252 or Latin-1 ("palinâ€™s", "â\x80\x93 and"), the
# bytes gone wrong before the text reached newsfuse (charset detection in load.py cannot undo it). A
# re-tokenized copy (Multi-News) also splits "â€™" as "â€ ™". ftfy undoes what is certain; text without
# these marks is not touched.
_MOJIBAKE_HINT = re.compile("[âÃÂ][\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|â€ ")
_SPACED_MOJIBAKE = re.compile("â€ (?=[\x80-\xbf™œ˜¦“”š›ž])")


# A U+FFFD replacement character has lost its bytes, but in news text it nearly always stood for a curly quote
# (Multi-News: "ingham county�s clerk", "�the process was broken, � friedman said", "â��me and mrs. Jonesâ��"):
# by its place, an apostrophe inside a word, an opening quote before one, a closing quote after one. One with
# no word on either side stays.
_LOST = "\ufffd"
_LOST_MARK = re.compile("(?:â)?\ufffd+\\??")  # ("�?emotional ': a single quote, its last byte read as "?")
# A replacement character inside a word that is not an apostrophe's place ("l�pez", "na�ve"): this text lost
# letters, not quotes, and no mark in it is guessed ("nicol�s" would read "nicol’s", "�scar" "“scar").
_LOST_LETTER = re.compile("[^\\W\\d_]\ufffd(?!(?:s|t|re|ve|ll|d|m)\\b)[^\\W\\d_]")
_LOST_APOSTROPHE = re.compile("(?<=[^\\W\\d_])\ufffd(?=(?:s|t|re|ve|ll|d|m)\\b)")


def _lost_mark(m: re.Match[str]) -> str:
    text, a, b = m.string, m.start(), m.end()
    before, after = text[a - 1 : a], text[b : b + 1]
    if after[:1].isalnum() and (not before or before.isspace() or before in "([-—–"):
        return "‘" if m.group().endswith("?") else "“"
    if m.group().endswith("?"):
        if before in (",", ".") or (before.isspace() and text[a - 2 : a - 1] in (",", ".")):
            return "”"  # ("a hero, �? his sister said", "i am trayvon martin.�?": no question follows a comma)
        return m.group()  # ("machine�? was": the "?" may be the mark's own byte or a question's; left as it is)
    spaced = before.isspace() and text[a - 2 : a - 1] in (",", ".", "!", "?") and (not after or after.isspace())
    if before in (".", ",", "!", "?", ";", ":") or spaced or (m.group()[0] == "â" and before.isalnum()):
        return "”"
    if m.group()[0] == "â" and before.isspace() and after.isspace():
        return "—"  # (a dash's three bytes between words: "by mr. Gamble â�� kenny gamble")
    return m.group()  # "caf� au lait": a lost letter


def repair_mojibake(text: str) -> str:
    if _LOST in text and _LOST_LETTER.search(text) is None:
        text = _LOST_MARK.sub(_lost_mark, _LOST_APOSTROPHE.sub("’", text))
    if _MOJIBAKE_HINT.search(text) is None:
        return text
    import ftfy

    return ftfy.fix_encoding(_SPACED_MOJIBAKE.sub("â€", text))


def _clean_one(doc: Document) -> _Page:
    page = _Page()
    text = doc.text
    if looks_like_newswire(text):  # DUC/TAC SGML handed over as one string (a JSONL cluster's document)
        text = _from_newswire(text, page)
    elif doc.is_html or looks_like_html(text):
        # (a page saved with mojibake is mended before its markup is read: the extraction drops the C1 control a
        # closing quote's "â€\x9d" holds, and the title is read from the markup)
        text = _from_html(repair_mojibake(strip_archive_toolbar(text)), page)
    else:
        if looks_like_markdown(text):
            if _mail_block([_norm_line(x) for x in text.split("\n", 40)[:40]], 0) is None:
                text, page.title = markdown_to_text(text)
            else:  # (an e-mail written in Markdown: its "> " lines are an earlier message's, read as such below)
                text = "\n".join(map(markdown_inline, text.split("\n")))
        if "&" in text:
            text = _ENTITY_RE.sub(_unescape_entity, text)
    text = drop_capture_header(text)
    text = repair_mojibake(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    raw_lines = [_norm_line(x) for x in text.split("\n")]
    page.text = text
    columns = _column_rows(text) | _sponsor_blocks(raw_lines)
    _read_mail_headers(raw_lines, page)

    # pass 1: line by line, drop clutter, note title/date candidates, stop at a trailer heading
    cands: list[tuple[int, str]] = []  # (block number, line)
    block = 0
    seen_prose = False
    trailer = False
    total_chars = sum(len(x) for x in raw_lines) or 1
    done_chars = 0
    kept_at = -1  # the raw line that cands[-1] came from
    posted_by = post_title = False  # a forum post's "Posted by u/name" line seen; its title not yet read
    for i, raw in enumerate(raw_lines):
        done_chars += len(raw)
        if not raw:
            block += 1
            continue
        if len(raw) < 160 and raw[:1].isupper() and TRANSCRIPT_SPEAKER_LINE.fullmatch(raw):
            page.speaker_lines += 1
        if i in columns:
            continue
        if len(raw) > FLAT_LINE_CHARS and _looks_flattened(raw):
            flat_paras, flat_title = _clean_flat_line(raw)
            page.title = page.title or flat_title
            page.date = page.date or find_date(raw[:3000])
            if not page.sitename:  # the footer's copyright notice, run into the same line
                m = _FLAT_COPYRIGHT_RE.search(raw, max(0, len(raw) - FLAT_FOOTER_CHARS))
                page.name_from_footer(m.group("name") if m else None)
            for p in flat_paras:
                block += 1
                cands.append((block, p))
            block += 1
            seen_prose = seen_prose or bool(flat_paras)
            continue
        if TRAILER_RE.match(raw):
            if (seen_prose or done_chars > 0.3 * total_chars) and not _heads_inline_box(raw, raw_lines, i, cands):
                trailer = True
                continue
            continue
        if len(raw) < 40 and COMMENT_HEADING_RE.match(raw):
            prose_above = 0
            for _, x in cands:
                prose_above += _is_prose(x)
                if prose_above >= COMMENT_HEADING_MIN_PROSE:
                    trailer = True
                    break
            continue
        if trailer:  # past the article: only look for the outlet's name in a copyright line
            m = _COPYRIGHT_RE.match(raw)
            page.name_from_footer(m.group("name").strip(" .-") if m else None)
            continue
        line = _strip_stamp(raw)
        if line is None:  # (a stamp alone: "Published September 14, 2026 at 5:10 AM PDT" dates the page)
            page.date = page.date or find_date(raw)
            continue
        if "-" in line[-30:]:
            line = _SLUG_TAIL_RE.sub("", line)
        if line[-1] not in TERMINAL or "/" in line[:6]:
            line = _social_post_line(line)
            if not line:
                continue
        if (not posted_by and _POSTED_BY_RE.match(line)
                and ((prose_above := sum(_is_prose(x) for _, x in cands)) == 0
                     or (prose_above <= POSTED_BY_MAX_PROSE_ABOVE and any(map(_SUBREDDIT_RE.match, raw_lines[:i]))))):
            # a forum thread's post ("Posted by u/name" / "5h" / its title / the post): the lines above it are the
            # forum's own (its name, its description, its counts), and the post's title is the page's
            posted_by = True
            cands.clear()
            post_title = True
            continue
        if post_title and 3 <= len(line.split()) <= 30 and not _is_nav(line) and not is_clutter_line(line):
            page.title = page.title or line
            post_title = False
            continue
        if _is_prose(line):
            page.prose_like.append(line)
        short = len(line) < 300
        if is_clutter_line(line) or (short and (_is_list_of(line, _SOCIAL_OR_ICON, 2) or _is_nav(line))):
            m = _COPYRIGHT_RE.match(line)
            page.name_from_footer(m.group("name").strip(" .-") if m else None)
            if (kept_at == i - 1 and cands and cands[-1][0] == block and is_photo_credit(line)
                    and reads_as_caption(cands[-1][1]) and not _caption_below(raw_lines, i)):
                cands.pop()  # the photo's caption, on the line right above its credit
                kept_at = -1
            continue
        if kept_at == i - 1 and cands and _is_author_bio(line, cands[-1][1], cands[-1][1] in page.bylines):
            continue
        if seen_prose and any(_is_author_bio(line, name, True) for name in page.bylines):
            continue  # the writer's bio under the story, without the author box's name line ("Jane Roe covers ...")
        if len(line) < 120 and line[:3].lower() == "by " and not _is_prose(line):
            page.bylines.extend(_byline_names(line))
        if BYLINE_LINE_RE.match(line) and not _is_prose(line):
            page.date = page.date or find_date(line)
            continue
        if _DATE_LINE_RE.match(line):
            page.date = page.date or find_date(line)
            continue
        cands.append((block, line))
        kept_at = i
        seen_prose = seen_prose or _is_prose(line)

    # pass 2: widget captions repeated down the page
    cands = _drop_repeated(cands)

    # pass 3: pull quotes (a prose line directly followed by a bare name), wrapped paragraphs
    lines = _drop_pull_quotes(cands)
    joined = _drop_repeated_quotes(_join_wrapped(lines))

    # pass 4: prose only; a headline before the first prose line becomes the title
    first_prose = next((i for i, x in enumerate(joined) if _is_prose(x)), len(joined))
    if page.title and first_prose < len(joined) - 1 and _same_words(joined[first_prose], page.title):
        # the page's headline above its story, read as prose for its full stops ("I waited 20 years for this train.
        # Brisk should build it faster.", "Our view: Brisk made the right call on rail. Now keep the cost on track.")
        del joined[first_prose]
        first_prose = next((i for i, x in enumerate(joined) if _is_prose(x)), len(joined))
    if page.title is None:
        # (the first TITLE_LINES lines of three words or more: a menu of one-word sections above the headline is
        # not counted)
        heads = [x for x in joined[:first_prose] if 3 <= len(x.split()) <= 25 and not _is_nav(x)
                 and not _not_a_headline(x) and not _names_the_site(x, page.sitename)][:TITLE_LINES]
        long_heads = [x for x in heads if len(x.split()) >= 5]
        page.title = _headline_of(long_heads or heads, [x for x in joined[first_prose:] if _is_prose(x)][:3])
    if page.sitename is None:  # a wiki's tagline names the site ("From LocalWiki, the community encyclopedia")
        page.sitename = next((m.group("name") for x in joined[:first_prose][:TITLE_LINES * 3]
                              if (m := _SITE_TAGLINE_RE.fullmatch(x)) is not None), None)
    if page.date is None:  # a date in the header's lines ("Oct 7, 2026 Updated 2 hrs ago", "October 7, 2026 · 6 min read")
        page.date = next((d for x in joined[: first_prose + TITLE_LINES][: TITLE_LINES * 3]
                          if len(x) < 80 and not _is_prose(x) and (d := find_date(x))), None)
    paragraphs = []
    pitch_keys: dict[str, bool] = {}  # (whether a paragraph may hold a pitch cue: asked again of its line below)
    for x in joined:
        x = _drop_archive_notes(x)
        if not x:
            continue
        if len(x) >= LONG_PARAGRAPH_CHARS:
            x = _filter_sentences(x, pitch_keys)  # long paragraph: judge sentence by sentence
        elif _is_pitch(x):
            continue
        elif _INNER_END_RE.search(x):
            x = _filter_sentences(x, pitch_keys)  # several short sentences: a widget's notices run together
        if not x:
            continue
        kept = x if _is_prose(x) else _cut_fragment(x)
        if kept:
            paragraphs.append(kept)
    page.paragraphs = paragraphs
    if page.sitename is None:
        page.sitename = _pitch_sitename(raw_lines, pitch_keys)
    return page


# --- the outlet's name from its own pitches ------------------------------------------------------------

# A run of capitalized words ("Mother Jones", "The Harbor Ledger"); a possessive ends it.
_NAME_RUN_RE = re.compile(r"[A-Z][\w&-]*(?:[ \t]+[A-Z][\w&-]*){0,4}")
# Capitalized words that open a pitch's sentences or name a platform, never an outlet on their own.
_NOT_A_NAME = frozenset(
    """help support subscribe donate give join become sign save read get follow thank please click download share
    like send your our we you us it this that its a an in on for to and or of at by with from today now
    newsletter newsletters inbox email e-mail magazine journalism donation donations membership premium plus digital
    facebook twitter instagram youtube linkedin pinterest tiktok whatsapp reddit flipboard google apple android
    iphone ipad rss app store play news""".split()
)
PITCH_NAME_LINES = 2  # the outlet's name must be in this many of the page's pitch lines, more than any other
_PITCH_LINE_CHARS = 1500  # longer lines (a page flattened to one line) are read sentence by sentence


def _may_pitch(text: str, known: dict[str, bool] | None = None) -> bool:
    """``may_hold(text, PITCH_KEYS)``, looked up in ``known`` (and remembered there): a page's one-line
    story is asked as a paragraph (``_filter_sentences``) and again as a line (``_pitch_pieces``)."""
    if known is None:
        return may_hold(text, PITCH_KEYS)
    got = known.get(text)
    if got is None:
        got = known[text] = may_hold(text, PITCH_KEYS)
    return got


def _pitch_pieces(lines: list[str], known: dict[str, bool] | None = None) -> Iterator[str]:
    """The lines that may hold a pitch, a long one (a paragraph, a page flattened to one line) sentence by sentence."""
    for line in lines:
        if not _may_pitch(line, known):
            continue
        if len(line) <= _PITCH_LINE_CHARS:
            yield line
        else:
            yield from (x for x in split_sentences(line[:200_000]) if may_hold(x, PITCH_KEYS))


def _pitch_sitename(lines: list[str], known: dict[str, bool] | None = None) -> str | None:
    """The outlet's name as its own donation and subscription pitches give it ("Subscribe and we'll send
    Mother Jones straight to your inbox.", "Help Mother Jones' reporters dig deep ..."), for copies
    with no metadata or copyright line: the run of capitalized words found in the most distinct pitch
    lines (_is_pitch), at least PITCH_NAME_LINES of them and more than any other run, and named in one
    of them as the one to support, or as the owner of the reporting (_SELF_FRAME): a newsletter's or a
    platform's name is not the outlet's. A pitch's opening verb and platform names (_NOT_A_NAME) are
    not names."""
    found: dict[str, list[str]] = {}
    for line in dict.fromkeys(_pitch_pieces(lines, known)):
        if not _is_pitch(line):
            continue
        for name in {_name_of(m.group(0)) for m in _NAME_RUN_RE.finditer(line)} - {""}:
            found.setdefault(name, []).append(line)
    ranked = sorted(found.items(), key=lambda kv: -len(kv[1]))
    if not ranked or len(ranked[0][1]) < PITCH_NAME_LINES or (len(ranked) > 1 and len(ranked[1][1]) == len(ranked[0][1])):
        return None
    name, where = ranked[0]
    frame = re.compile(_SELF_FRAME.format(name=re.escape(name)), re.IGNORECASE)
    return name if any(frame.search(x) for x in where) else None


# The outlet as pitches name it: the one to support or send, or the owner of the reporting.
_SELF_FRAME = (
    r"\b(?:support|help|donate to|give to|send|join|fund)\s+{name}\b"
    r"|\b{name}(?:['’]s?)?\s+(?:reporters|journalists|journalism|newsroom|reporting|community|relies|depends|is a non-?profit)\b"
)


def _name_of(run: str) -> str:
    """A run of capitalized words without its leading verbs and pronouns (``Help Mother Jones`` -> ``Mother
    Jones``); "" when nothing but such words is left."""
    words = run.split()
    while words and words[0] != "The" and words[0].lower() in _NOT_A_NAME:
        words.pop(0)
    if words and words[-1] == "The":
        words.pop()
    return " ".join(words) if any(w.lower() not in _NOT_A_NAME for w in words) else ""


ARCHIVE_NOTE_TERMS = 3  # a paragraph with this many crawl terms holds a long note: see _drop_archive_notes


def _drop_archive_notes(paragraph: str) -> str:
    """The paragraph without a web archive's crawl notes (CRAWL_RE): a run of consecutive sentences
    that each name crawling or the archive, with at least one crawl term and two terms in all. In a
    paragraph with ARCHIVE_NOTE_TERMS crawl terms, a run also spans one or two sentences without a term
    between two with one ("It has been several years since the last time we did this.")."""
    if not has_crawl_term(paragraph):
        return paragraph
    sents = split_sentences(paragraph)
    crawl = [len(CRAWL_RE.findall(x)) for x in sents]
    names = [len(ARCHIVE_NAME_RE.findall(x)) for x in sents]
    named = [c + n > 0 for c, n in zip(crawl, names, strict=True)]
    if sum(crawl) >= ARCHIVE_NOTE_TERMS:  # a long note: one or two plain sentences inside it ("2.") are of it
        k = 0
        while k < len(sents):
            j = k
            while j < len(sents) and not named[j]:
                j += 1
            if 0 < k < j < len(sents) and j - k <= 2:
                named[k:j] = [True] * (j - k)
            k = j + 1
    drop = [False] * len(sents)
    i = 0
    while i < len(sents):
        if not named[i]:
            i += 1
            continue
        j = i
        while j < len(sents) and named[j]:
            j += 1
        if sum(crawl[i:j]) >= 1 and sum(crawl[i:j]) + sum(names[i:j]) >= 2:
            drop[i:j] = [True] * (j - i)
        i = j
    if not any(drop):
        return paragraph
    return " ".join(x for x, d in zip(sents, drop, strict=True) if not d)


_INNER_END_RE = re.compile(r"[.!?][\"”’)]?\s+\S")


def _filter_sentences(paragraph: str, known: dict[str, bool] | None = None) -> str:
    """A paragraph without its clutter sentences (a pitch, a caption, a sign-up line run into a long one;
    a widget's notices run together in a short one)."""
    pitches = _may_pitch(paragraph, known)  # else none of its sentences holds a pitch cue
    keys = line_keys(paragraph)  # (nor the clutter keys it lacks)
    kept = [s for s in split_sentences(paragraph) if not (is_clutter_line(s, keys) or (pitches and _is_pitch(s)))]
    return " ".join(kept)


_LAST_END_RE = re.compile(r"[.!?…。！？।॥؟][\"”’)\]]*(?=\s)")


# titles before a name: their full stop never ends a sentence
_TITLE_ABBREV = frozenset("mr mrs ms dr sen rep gov gen lt col sgt capt prof rev".split())


def _abbreviation_within(line: str, m: re.Match[str]) -> bool:
    """Whether the full stop ``m`` found closes an abbreviation inside a sentence: a title or an initial ("Rep.",
    "george w."), or an abbreviation before a word in lower case, a number or a title ("a canal west of u.s. 27 and
    north of ...", "the night of sept. 6", "u.s. Rep.")."""
    if line[m.start()] != "." or m.end() != m.start() + 1:
        return False
    tail = line[max(0, m.start() - 12):m.start()].rsplit(" ", 1)[-1].lower().lstrip("(“\"")
    if tail in _TITLE_ABBREV or (len(tail) == 1 and tail.isalpha()):
        return True
    if tail not in _ABBREV:
        return False
    after = line[m.end():m.end() + 12].split(None, 1)
    nxt = after[0] if after else ""
    # (a word in lower case, a number, or a title after it: "longtime u.s. Rep. ...")
    return nxt[:1].islower() or nxt[:1].isdigit() or nxt.lower().rstrip(".") in _TITLE_ABBREV


def _same_words(line: str, title: str) -> bool:
    """Whether ``line`` is ``title`` (case and spacing aside)."""
    return len(line) < 300 and line.casefold().split() == title.casefold().split()


def _cut_fragment(line: str) -> str | None:
    """A long paragraph cut off mid-sentence (truncated input) without its unfinished last sentence."""
    if len(line) < FRAGMENT_MIN_CHARS:
        return None
    end = None
    # the last sentence end within the last 2,000 characters: looked for in the last 300 first (each
    # match starts at its own full stop, so a later window finds the same last match when it has one)
    lo = max(0, len(line) - 2000)
    for start in (max(lo, len(line) - 300), lo):
        for m in _LAST_END_RE.finditer(line, start):
            if not _abbreviation_within(line, m):
                end = m.end()
        if end is not None or start == lo:
            break
    if end is None:
        return None
    if line.count('"', 0, end) % 2 and line.startswith(' "', end):
        end += 2  # (the quotation's closing mark, spaced off as Multi-News copies do: 'hit " as. " after ...')
    head = line[:end]
    return head if _is_prose(head) and len(head) >= FRAGMENT_MIN_CHARS // 2 else None


def _looks_english(text: str) -> bool:
    sample = _words(text[:20000].lower())
    if len(sample) < 20:
        return True
    return sum(map(STOP_WORDS.__contains__, sample)) / len(sample) >= ENGLISH_STOPWORD_SHARE


_QUOTED_RE = re.compile(r"[\"“][^\"“”]{0,2000}[\"”]")
_WE_YOU_RE = re.compile(r"\b(?:we|our|us|you|your)\b", re.IGNORECASE)


def _is_pitch(line: str) -> bool:
    """A donation / subscription pitch: two pitch cues, or one spoken as "we"/"you" outside quotes.
    Cues that are the cluster's own subject (``_topical_cues``) do not count."""
    matches = pitch_matches(line[:2000])
    if not matches:
        return False
    topical = _TOPICAL.get()()
    cues = sum(1 for m in matches if m.group(0).lower()[:6] not in topical)
    if cues >= 2:
        return True
    return cues == 1 and len(_WE_YOU_RE.findall(_QUOTED_RE.sub(" ", line[:2000]))) >= 2


# An author box: the writer's name on a line, then a paragraph about the writer that opens with the same name ("Tessa
# Nakamura" / "Tessa Nakamura is HCPR's Alder Valley reporter. She covers ...", "About Hannah Liu" / "Hannah Liu covers
# county government ..."): what the name is followed by must be a journalist's job or beat, not any profile.
_AUTHOR_BIO_RE = re.compile(
    r"\s+(?:is (?:a|an|the|our|[\w.&-]+['’]s)\b[^.!?]{0,60}?\b(?:reporter|correspondent|writer|editor|columnist|producer|"
    r"journalist|photographer|photojournalist|contributor|host|anchor|intern|fellow|critic|meteorologist)s?\b"
    r"|(?:covers|writes about|reports on|has covered|has been covering|joined (?:the|[A-Z][\w.&-]*)\b))"
)


# ... and when the name is followed by a verb alone ("covers", "joined"), the paragraph's first sentence names a
# newsroom's job or the outlet: a profile's subhead and its paragraph ("Marcus Hill" / "Marcus Hill joined the Army at
# 18 ...", "Li Wei" / "Li Wei covers the cost of her own medication.", "Jane Doe" / "Jane Doe writes about her years in
# the camp in a new memoir.") is the story's
_NEWSROOM_RE = re.compile(
    r"\b(?:reporters?|correspondents?|writers?|editors?|columnists?|producers?|journalists?|photographers?|"
    r"photojournalists?|contributors?|anchors?|meteorologists?|newsroom|bureau|desk|beat)\b"
    r"|\bfor (?:the )?[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,3}(?=[.,;]|$)"
)


def _caption_below(lines: list[str], i: int) -> bool:
    """Whether the credit ``lines[i]`` has its caption on the line under it (a figure that puts its credit first): the
    line above it is then the story's ("The bridge carries 12,000 cars a day." / "Photo: Jane Roe / Staff" / "A worker
    inspects a girder.")."""
    return i + 1 < len(lines) and bool(lines[i + 1].strip()) and reads_as_caption(lines[i + 1])


_BYLINE_NAME_RE = re.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3}")


def _byline_names(line: str) -> list[str]:
    """The writers a byline names ("By Celia Marchbanks", "By Nora Castellanos, Idris Wexley and Herald staff"): each
    name up to a comma, an "and" or the end (a second line's outlet or date is no name: "Staff Writer", "October")."""
    out = []
    for part in re.split(r",|\band\b|\||·", line[3:]):
        m = _BYLINE_NAME_RE.fullmatch(part.strip())
        if m is not None and _NAME_LINE_RE.match(m.group()) and find_date(m.group()) is None:
            out.append(m.group())
    return out


def _is_author_bio(line: str, prev: str, byline: bool = False) -> bool:
    """Whether ``line`` is an author box's text under the line ``prev`` holding the writer's name. ``byline``: the
    name is one the page's byline gave, so its beat alone makes a bio ("Jane Roe covers Europe from Paris.")."""
    name = prev[6:] if prev.startswith("About ") else prev
    if _NAME_LINE_RE.match(name) is None:
        return False
    if not line.startswith(name):
        # a wire's writer box: the name in capitals, the bio opening with the surname ("JANE ROE" / "Roe covers ...")
        surname = name.rsplit(" ", 1)[-1].title()
        if not (name.isupper() and " " in name and line.startswith(surname + " ")):
            return False
        name = surname
    m = _AUTHOR_BIO_RE.match(line, len(name))
    if m is None:
        return False
    if byline or m.group().lstrip().startswith("is "):
        return True
    first = re.split(r"(?<=[.!?])\s+(?=[A-Z])", line, maxsplit=1)[0]
    return _NEWSROOM_RE.search(first) is not None


# A heading of INLINE_BOX_RE labels a box inside the article when the story goes on after it: at least this many lines
# of prose follow before the next trailer heading or the page's end ...
INLINE_BOX_MIN_PROSE = 2
INLINE_BOX_LOOKAHEAD = 60  # (lines read past the heading)
# ... and at least this share of their content words is in the article's lines above the heading. A sidebar's
# teasers are about other stories: the Harlow Ridge fixture's wire story resumes at 0.27 after its "Recommended for
# you" box, while the sidebars under the seeds' and examples' trailer headings ("Next Up", "We Recommend") score
# 0.04-0.17 and a "Related Coverage" teaser in tests/test_clean.py 0.0.
INLINE_BOX_OVERLAP = 0.22


def _heads_inline_box(heading: str, lines: list[str], i: int, above: list[tuple[int, str]]) -> bool:
    """Whether the trailer heading ``heading`` (``lines[i]``) only labels a box of links inside the article (whose
    prose so far is ``above``): an INLINE_BOX_RE heading directly followed by prose (not clutter, not a pitch) that
    goes on with the story (INLINE_BOX_MIN_PROSE lines, INLINE_BOX_OVERLAP of their words)."""
    if INLINE_BOX_RE.match(heading) is None:
        return False
    after: list[str] = []
    for x in lines[i + 1 : i + 1 + INLINE_BOX_LOOKAHEAD]:
        if not x:
            continue
        if TRAILER_RE.match(x):
            break
        if _is_prose(x) and not is_clutter_line(x) and not _is_pitch(x):
            after.append(x)
        elif not after:
            return False  # (a headline, a label or clutter right under the heading: a sidebar's list)
    if len(after) < INLINE_BOX_MIN_PROSE:
        return False
    seen: set[str] = set()
    for _, x in above:
        seen |= content_words(x)
    words = [w for x in after for w in content_words(x)]
    return bool(words) and sum(w in seen for w in words) >= INLINE_BOX_OVERLAP * len(words)


def _drop_pull_quotes(cands: list[tuple[int, str]]) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    skip = False
    for i, (b, x) in enumerate(cands):
        if skip:
            skip = False
            continue
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        if (
            nxt is not None and nxt[0] == b and _is_prose(x) and len(x) < 300
            and _NAME_LINE_RE.match(nxt[1]) and not _is_nav(nxt[1])
            and nxt[1].split(None, 1)[0] not in HEADLINE_FUNCTION_WORDS  # ("About Acme Foods": a section's heading)
        ):
            skip = True
            continue
        out.append((b, x))
    return out


# A pull quote set off from the body: a line that is one quotation and nothing else, its words (up to the closing
# punctuation) repeated in a paragraph of the same page ('"We're an island. When the boat stops, everything stops."'
# over '"We're an island. When the boat stops, everything stops," said Mo Ferreira-Lind, ...'). The copy has no
# speaker; the paragraph keeps the words. The paragraph must be prose that opens the same quotation (the words right
# after a quotation mark): a teaser or a headline that echoes the words ('Riders on the ferry: "We waited for hours"
# | Read more') is dropped later as clutter, and the story's own quote would be lost with it. (Only this many such
# lines of a page are looked up.)
_WHOLE_QUOTE_RE = re.compile(r"^[\"“](?P<words>[^\"“”]{20,400}?)[.!?,…]?[\"”]$")
PULL_QUOTE_LOOKUPS = 50


def _drop_repeated_quotes(lines: list[str]) -> list[str]:
    quotes = [(i, m.group("words")) for i, x in enumerate(lines) if len(x) <= 420 and (m := _WHOLE_QUOTE_RE.match(x))]
    if not quotes:
        return lines
    drop = set()
    for i, words in quotes[:PULL_QUOTE_LOOKUPS]:
        if any(len(x) > len(lines[i]) and ('"' + words in x or "“" + words in x) and _is_prose(x)
               for j, x in enumerate(lines) if j != i):
            drop.add(i)
    return [x for i, x in enumerate(lines) if i not in drop] if drop else lines


# A word hyphenated at a line's end ("identi-" over "fied"): rejoined without the hyphen unless the page writes the
# compound with its hyphen elsewhere ("well-" over "known" where "well-known" occurs). A dash ("--", " -") is not one.
_LINE_END_HYPHEN_RE = re.compile(r"(?<![\W\d_])(?<!-)-$")
_HYPHENATED_RE = re.compile(r"[^\W\d_]+-[^\W\d_]+")
_WHOLE_WORD_RE = re.compile(r"[^\W\d_]{4,}")


def _caps_heading(line: str) -> bool:
    """A section heading in capitals over a hard-wrapped paragraph ("SUMMARY", "RECOMMENDATIONS FOR THE PUBLIC")."""
    return line.isupper() and len(line.split()) <= 8 and line[-1:].isalnum()


def _glue(cur: str, x: str, compounds: frozenset[str], words: frozenset[str] = frozenset()) -> str:
    """``cur`` and its next wrapped line ``x`` as one line. A hyphen at ``cur``'s end is kept when the page writes the
    compound with it elsewhere (``compounds``), or when both halves are common words ("long-" over "term", "follow-"
    over "up": a plain-text copy wrapped at a compound's hyphen) unless the page writes the word whole elsewhere
    (``words``); a word broken at a syllable ("identi-" over "fied", "investi-" over "gation") is rejoined."""
    if x[:1].islower() and cur.endswith("-") and _LINE_END_HYPHEN_RE.search(cur, len(cur) - 1):
        head = cur.rsplit(None, 1)[-1][:-1]  # (the word before the hyphen: found from the end, not by copying cur)
        tail = x.split(None, 1)[0]
        m = _HYPHENATED_RE.match(f"{head}-{tail}".lstrip("\"“‘(["))
        if m is None:
            return cur[:-1] + x
        compound = m.group().lower()
        if compound in compounds or (compound.replace("-", "") not in words and _common_halves(compound)):
            return cur + x
        return cur[:-1] + x
    return f"{cur} {x}"


def _common_halves(compound: str) -> bool:
    """Both halves of ``compound`` ("long-term") are words of the news vocabulary (a syllable, "identi", "fied", is not)."""
    from newsfuse.represent import stem
    from newsfuse.score import word_prior

    vocab = word_prior()[0]
    return bool(vocab) and all(stem(w) in vocab for w in compound.split("-"))


TITLE_LEAD_WORDS = 2  # a headline shares this many content words with the story's first paragraphs ...

# Lines above the story that are the page's furniture, never its headline:
# - a social-media page's name with its counts ("Corlis Falls Police Department 3,419 likes · 4.8K followers",
#   "12K subscribers"): an abbreviated count, a "·" between counts, or two counts (a headline's "hits 500,000 followers"
#   is none of these)
_COUNT_UNIT = r"\s+(?:likes?|followers?|following|subscribers?|members)\b"
_COUNT = r"\d[\d.,]*\s?[KkMm]?" + _COUNT_UNIT
_SOCIAL_COUNTS_RE = re.compile(rf"\d[\d.,]*\s?[KkMm]{_COUNT_UNIT}|{_COUNT}\s*[·•|,]?\s*{_COUNT}")
# - an agency's or a court's name set in capitals, over a transcript, a release or an order ("HADLEY COUNTY OFFICE OF
#   EMERGENCY MANAGEMENT", "IN THE SUPERIOR COURT OF HADLEY COUNTY", "U.S. DEPARTMENT OF JUSTICE"): the name's head
#   word followed by nothing or by "of ..." ("COUNTY BOARD APPROVES DAM REPAIRS" is a headline in capitals)
_CAPS_WORD = r"[A-Z][A-Z.'’&-]*"
_INSTITUTION_LINE_RE = re.compile(
    rf"(?:IN THE )?(?:{_CAPS_WORD} ){{0,4}}(?:OFFICE|DEPARTMENT|COURT|AGENCY|BUREAU|COMMISSION|MINISTRY|AUTHORITY|"
    rf"ADMINISTRATION|DIVISION|COUNCIL|BOARD|TRIBUNAL)(?: (?:OF|FOR) (?:THE )?{_CAPS_WORD}(?: {_CAPS_WORD}){{0,5}})?,?")
# - a wiki's tagline ("From LocalWiki, the community encyclopedia", "From Wikipedia, the free encyclopedia"), which
#   names the site
_SITE_TAGLINE_RE = re.compile(
    r"From (?P<name>[A-Z][\w.'’&-]*(?: [A-Z][\w.'’&-]*){0,3}), the (?:[\w'’-]+ ){0,3}"
    r"(?:encyclopa?edia|dictionary|wiki|knowledge base)")


# - a site's menu as a bar of short items ("Home | The Ministry | Press Centre | Contact | EN", four items or more) or a
#   breadcrumb ("Press Centre > Statements > 2026", three or more; a headline with its section and site has fewer:
#   "Quake kills 19 | World news")
_BAR_SPLIT_RE = re.compile(r"\s+\|\s+")
_CRUMB_SPLIT_RE = re.compile(r"\s+[>›»]\s+")
MENU_ITEM_WORDS = 3


def _is_menu_bar(line: str) -> bool:
    for rx, least in ((_BAR_SPLIT_RE, 4), (_CRUMB_SPLIT_RE, 3)):
        items = rx.split(line)
        if len(items) >= least and all(0 < len(x.split()) <= MENU_ITEM_WORDS for x in items):
            return True
    return False


_NAME_WORD_RE = re.compile(r"[^\W\d_][\w'’&.-]*")


def _names_the_site(line: str, site: str | None) -> bool:
    """Whether ``line`` is the site's masthead: the name its copyright line gives it, with a number at most ("WQFM
    90.3 Quillford Public Radio" over a page whose footer reads "© 2026 WQFM Quillford Public Radio")."""
    return bool(site) and _NAME_WORD_RE.findall(line.lower()) == _NAME_WORD_RE.findall((site or "").lower())


def _not_a_headline(line: str) -> bool:
    """A line above the story that is page furniture: a social page's counts, an agency's or court's name in capitals,
    a wiki's tagline, a menu's bar or a breadcrumb."""
    return (_SOCIAL_COUNTS_RE.search(line) is not None or _INSTITUTION_LINE_RE.fullmatch(line) is not None
            or _SITE_TAGLINE_RE.fullmatch(line) is not None or _is_menu_bar(line))


def _headline_of(heads: list[str], lead: list[str]) -> str | None:
    """The first of ``heads`` that shares TITLE_LEAD_WORDS content words with the ``lead`` paragraphs (a widget's
    line above the headline -- a traffic alert, a school-closings ticker -- shares none), else the first."""
    if len(heads) < 2 or not lead:
        return heads[0] if heads else None
    words = content_words(" ".join(lead))
    # (the first head needs only one: a headline that names the story in its own words -- "Denver sizzles" over a lead
    # about record heat -- is not passed over for the dek or a teaser under it that repeats the lead's words)
    return next((h for k, h in enumerate(heads) if len(content_words(h) & words) >= (1 if k == 0 else TITLE_LEAD_WORDS)),
                heads[0])


# An e-mail's header block over a forwarded newsletter ("From: The Aisle Report <editors@...>", "Subject: ...").
_MAIL_HEADER_RE = re.compile(r"^(?P<key>From|To|Cc|Bcc|Date|Sent|Subject|Reply-To):\s*(?P<value>.*)$")
_FORWARD_MARK_RE = re.compile(r"^(?:-{2,}\s*(?:Forwarded|Original) message\s*-{2,}|Begin forwarded message:?)$", re.IGNORECASE)
_MAIL_FROM_RE = re.compile(r"^[\"']?(?P<name>[^\"'<>@]+?)[\"']?\s*<[^<>\s]+@[^<>\s]+>$")
_SUBJECT_PREFIX_RE = re.compile(r"^(?:(?:fwd?|fw|re)\s*:\s*)+", re.IGNORECASE)
MAIL_HEADER_LINES = 12  # the header block is looked for among the page's first lines


def _read_mail_headers(lines: list[str], page: _Page) -> None:
    """An e-mail's header block opening a page (with a "From:" and a "Subject:" line) is not the story: its
    lines are blanked; the subject is the title, the sender's name the outlet and its date the page's. A message
    forwarded under the first one's note ("FYI, see below." / "---------- Forwarded message ---------" / its own
    headers) is the page's content: its headers are blanked too, and its sender, subject and date win. In an
    e-mail, the quoted lines of earlier messages ("> ...", "On Fri, Jan 23 ... wrote:") and the sender's
    sign-off with the signature under it ("Thanks," / name, title, phone numbers, notices) are not the story."""
    opening = _mail_block(lines, 0)
    if opening is None:
        return
    blocks = [opening]
    end = opening[1]
    body = range(end, len(lines))
    if (not any(_is_prose(lines[i]) for i in body if not lines[i].startswith(">"))
            and any(_is_prose(_QUOTE_MARKS_RE.sub("", lines[i])) for i in body if lines[i].startswith(">"))):
        # a message forwarded as quoted lines under a note of no prose ("FYI" / "> From: ..." / "> The county ..."):
        # the quoted message is the page's content, not an earlier message of a thread
        for i in body:
            if lines[i].startswith(">"):
                lines[i] = _QUOTE_MARKS_RE.sub("", lines[i])
    for i in range(end, min(len(lines), end + MAIL_FORWARD_LINES)):
        if _FORWARD_MARK_RE.match(lines[i]) and (inner := _mail_block(lines, i)) is not None:
            blocks.append(inner)
            end = inner[1]
            break
    for fields, _ in reversed(blocks):  # the forwarded message's fields first
        subject = _SUBJECT_PREFIX_RE.sub("", fields["Subject"][1]).strip()
        page.title = page.title or subject or None
        if (m := _MAIL_FROM_RE.match(fields["From"][1])) is not None:
            page.sitename = page.sitename or m.group("name").strip()
        if "Date" in fields or "Sent" in fields:
            page.date = page.date or find_date(fields.get("Date", fields.get("Sent", (0, "")))[1])
    for fields, _ in blocks:
        for i, _value in fields.values():
            lines[i] = ""
    signed = False
    for i in range(end, len(lines)):
        x = lines[i]
        if _FORWARD_MARK_RE.match(x):
            signed = False
        elif signed and not lines[i - 1] and _ends_signature(x):
            signed = False  # (the story after the signature, past a blank line: "Best," / name / title / "" / story)
        elif signed or x.startswith(">") or _QUOTE_INTRO_RE.match(x):
            lines[i] = ""
        elif _VALEDICTION_RE.match(x) and any(_NAME_LINE_RE.match(y) for y in lines[i + 1: i + 3] if y):
            signed = True  # (a sign-off over the sender's name: the signature follows)
            lines[i] = ""


_QUOTE_MARKS_RE = re.compile(r"^(?:>[ \t]?)+")
# A paragraph after a signature that is a story's, not the signature's tagline ("Powering Ashgrove County since
# 1938.") or its notices ("This email and any files transmitted with it are confidential ..."): prose of this many words
SIGNATURE_END_MIN_WORDS = 12
_MAIL_NOTICE_WORDS_RE = re.compile(
    r"\b(?:e-?mails?|messages?|recipients?|attachments?|unsubscribe|confidential|transmi(?:tted|ssion))\b", re.IGNORECASE)


def _ends_signature(line: str) -> bool:
    return (len(line.split()) >= SIGNATURE_END_MIN_WORDS and _is_prose(line) and not is_clutter_line(line)
            and _MAIL_NOTICE_WORDS_RE.search(line) is None)


MAIL_FORWARD_LINES = 40  # a forwarded message's mark is looked for within this many lines under the first headers
_QUOTE_INTRO_RE = re.compile(r"^On .{5,200}\bwrote:$")
_VALEDICTION_RE = re.compile(
    r"^(?:thanks|thank you|many thanks|best|best regards|regards|kind regards|warm regards|warmly|sincerely|cheers|"
    r"all the best)[,.!]?$", re.IGNORECASE)


def _mail_block(lines: list[str], start: int) -> tuple[dict[str, tuple[int, str]], int] | None:
    """The header block at ``start`` (blank lines and a forward mark before it skipped): its fields (line number,
    value) and the line after it, or None without a "From:" and a "Subject:" line."""
    head = [i for i, x in enumerate(lines[start: start + MAIL_HEADER_LINES * 2], start) if x][:MAIL_HEADER_LINES]
    fields: dict[str, tuple[int, str]] = {}
    end = start
    for i in head:
        if (m := _MAIL_HEADER_RE.match(lines[i])) is not None:
            fields.setdefault(m.group("key"), (i, m.group("value").strip()))
        elif _FORWARD_MARK_RE.match(lines[i]):
            fields.setdefault("mark", (i, ""))
        else:  # the block opens the page: an e-mail a story quotes under its first lines is the story's
            break
        end = i + 1
    if "From" not in fields or "Subject" not in fields:
        return None
    return fields, end


# A sponsor's label over its message in a newsletter ("PRESENTED BY FRESHTRACK", "SPONSORED", "A message from our
# sponsor"): the lines under it, up to the next blank line (or the block after a blank line), are the advertisement.
_SPONSOR_LABEL_RE = re.compile(
    r"^(?:(?:presented|sponsored|powered|underwritten) by|brought to you by|a (?:word|message) from)\b[\w&.,'’ -]{1,40}$"
    r"|^(?:sponsored|sponsor|sponsored content|partner content|paid content|from our sponsors?)\s*:?$",
    re.IGNORECASE,
)
SPONSOR_LINES = 3  # a longer block under such a label is not taken for its message
# ... a label in words a story's subheading could be ("Powered by volunteers", "A message from the principal") marks
# an advertisement only in capitals, as a bare label or over a call to action or a link
_BARE_SPONSOR_RE = re.compile(
    r"^(?:sponsored|sponsor|sponsored content|partner content|paid content|from our sponsors?|"
    r"a (?:word|message) from (?:our|this (?:week|issue)(?:'|’)s|today(?:'|’)s) (?:sponsors?|partners?))\s*:?$",
    re.IGNORECASE,
)
_CALL_TO_ACTION_RE = re.compile(
    r"[→»]|\b(?:learn more|book a demo|get a quote|sign up|try it|shop now|start (?:your )?free|order now|"
    r"download|https?://|www\.)|\.(?:com|net|io|co)\b",
    re.IGNORECASE,
)


def _sponsor_blocks(lines: list[str]) -> set[int]:
    out: set[int] = set()
    for i, x in enumerate(lines):
        if not x or len(x) > 60 or _SPONSOR_LABEL_RE.match(x) is None:
            continue
        j = i + 1
        while j < len(lines) and not lines[j] and j == i + 1:
            j += 1
        k = j
        while k < len(lines) and lines[k]:
            k += 1
        if 0 < k - j <= SPONSOR_LINES and (x.isupper() or _BARE_SPONSOR_RE.match(x) or any(
                _CALL_TO_ACTION_RE.search(y) for y in lines[j:k])):
            out.update(range(j, k))
    return out


# Two columns side by side in text taken from a PDF or a table: a wide run of spaces inside the line.
_COLUMN_GAP_RE = re.compile(r"\S {4,}\S")
COLUMN_PAGE_SHARE = 0.5  # a page laid out so in most of its lines is left alone (there is nothing else to keep)


def _column_rows(text: str) -> set[int]:
    """Lines of a page set in columns ("Dorrance         4              Consider listeriosis in patients who"): two
    such lines in a row or more. Read across, they glue a table's cells into the prose of the column beside it."""
    if "    " not in text:
        return set()
    lines = text.split("\n")
    # the columns a row's wide gaps open (a column's left edge): two rows are a table's only when a column of one
    # starts where one of the other's does (a justified or spaced-out line of prose has its gaps anywhere)
    starts = [{m.end() - 1 for m in _COLUMN_GAP_RE.finditer(x.rstrip())} if x.strip() else set() for x in lines]

    def aligned(i: int, j: int) -> bool:
        return 0 <= j < len(lines) and any(c + d in starts[j] for c in starts[i] for d in (-1, 0, 1))

    rows = {i for i, g in enumerate(starts) if g and (aligned(i, i - 1) or aligned(i, i + 1))}
    if len(rows) > COLUMN_PAGE_SHARE * sum(1 for x in lines if x.strip()):
        return set()
    return rows


# a byline's opening: "By" and a capitalized name of two words or more (and another name, or the writer's title or
# outlet after a comma; not a sentence's agent going on: "raised almost entirely\nBy Maria Lopez and her neighbors ...",
# "... By Maria Lopez, who held bake sales")
_BYLINE_START_RE = re.compile(
    r"By [A-Z][\w.'’-]+ (?:[A-Z]\.? )?[A-Z][\w.'’-]+"
    r"(?:,(?!\s*(?:who|whom|whose|which|and|but|or|as|after|when|while|because)\b)|\s*[|·]|\s+and\s+[A-Z]|$)")


# Two columns of a PDF whose lines a copy interleaved (left line, right line, ...; the longer column's last lines
# after the shorter one's end): a block of COLUMN_MIN_LINES narrow lines or more (COLUMN_MAX_CHARS at most) where a
# line starts in lower case under one that ends a sentence ("Member spotlight: Pemberton Food Hall." over "know.
# Quillford Metro Transit buses and") at least COLUMN_MIN_BREAKS times, read as two columns with no such break.
COLUMN_MIN_LINES = 8
COLUMN_MAX_LINES = 400  # (a page's two columns; a longer block of narrow lines is a hard-wrapped text, not looked into)
COLUMN_MAX_CHARS = 60
COLUMN_MIN_BREAKS = 2
_SENTENCE_END_LINE_RE = re.compile(r"[^\W\d_]{2}[.!?][\"”’)]*$")


def _two_columns(lines: list[str]) -> list[list[str]] | None:
    """``lines`` as the two columns they interleave, or None when they read as they stand."""
    n = len(lines)
    if n < COLUMN_MIN_LINES or n > COLUMN_MAX_LINES or any(len(x) > COLUMN_MAX_CHARS for x in lines):
        return None
    # (each line's two tests once: the splits below only pair them up differently)
    ends = [_SENTENCE_END_LINE_RE.search(x) is not None for x in lines]
    lower = [x[:1].islower() for x in lines]
    if sum(ends[i] and lower[i + 1] for i in range(n - 1)) < COLUMN_MIN_BREAKS:
        return None
    if not any(x[:1].isupper() for x in lines):
        return None  # (text without case: a line in lower case after a sentence's end is no sign)

    def clean(order: list[int]) -> bool:  # no line in lower case under a sentence's end
        return not any(ends[i] and lower[j] for i, j in zip(order, order[1:], strict=False))

    for pairs in range(n // 2, COLUMN_MIN_LINES // 2 - 1, -1):
        left, right, tail = list(range(0, 2 * pairs, 2)), list(range(1, 2 * pairs, 2)), list(range(2 * pairs, n))
        for a, b in ((left + tail, right), (left, right + tail)):
            if clean(a) and clean(b):
                return [[lines[i] for i in a], [lines[i] for i in b]]
    return None


# a list item's marker at a line's start: a bullet and a space ("* 0800 800 812 for calls from within France",
# "• Schools stay closed"); a wrapped line of prose never opens so
_BULLET_RE = re.compile(r"[*•·▪◦‣] ")
ITEM_WRAP_MIN = 60  # (a list's item shorter than this ends at its line: it was not wrapped)
WRAPPED_COMMA_MIN = 40  # (shorter lines ending in a comma are a letter's greeting or sign-off: "Warm regards,")


def _join_wrapped(cands: list[tuple[int, str]]) -> list[str]:
    """Lines of one block that are a hard-wrapped paragraph, joined with a space (a word hyphenated at a line's end
    rejoined); a heading in capitals stays apart from the paragraph under it, and a wrapped paragraph cut by a page
    break (a PDF's running footer and header dropped between its halves) is joined with its rest."""
    # (only a page with a line ending in a hyphen needs them: _glue asks only then)
    hyphens = any(x.endswith("-") for _, x in cands)
    compounds = frozenset(
        m.lower() for _, x in cands if "-" in x[:-1] for m in _HYPHENATED_RE.findall(x)
    ) if hyphens else frozenset()
    words = frozenset(w.lower() for _, x in cands for w in _WHOLE_WORD_RE.findall(x)) if hyphens else frozenset()
    blocks: list[list[str]] = []
    last = None
    for b, x in cands:
        if b != last:
            blocks.append([])
            last = b
        blocks[-1].append(x)
    blocks = [part for lines in blocks for part in (_two_columns(lines) or [lines])]
    out: list[_Paragraph] = []
    open_wrapped = False  # out[-1] is a hard-wrapped paragraph that stops mid-sentence
    for lines in blocks:
        if open_wrapped and lines[0][:1].islower():
            para = out.pop()
            para.glue(lines[0], compounds, words)
            lines = lines[1:]
            wrapped = True
        elif len(lines) == 1:
            out.append(_Paragraph(lines[0]))
            open_wrapped = False
            continue
        else:
            body = lines[:-1]
            wrapped = sum(1 for x in body if 30 <= len(x) <= 120 and x[-1] not in TERMINAL) >= max(1, 2 * len(body) / 3)
            para = _Paragraph(lines[0])
            lines = lines[1:]
        item = False  # para is a list's item opened under the line above
        for x in lines:
            cur = para.end
            # (a wrapped line that ends in a comma runs on, whatever the next one starts with: "... named a mediator
            # this afternoon," over "Ruth Achterberg, and talks ...", where a line ending a sentence by chance makes
            # the block look unwrapped)
            cont = cur[-1] not in TERMINAL and (wrapped or x[:1].islower() or x[:1].isdigit() or (
                cur[-1] == "," and not para.pieces and WRAPPED_COMMA_MIN <= len(cur) <= 120))
            if cont and x.startswith("By ") and _BYLINE_START_RE.match(x) and not _is_prose(x):
                cont = False  # (a byline under its headline, no blank line between: "By Darnell Whitaker, KMRW 7 News")
            if cont and wrapped and not para.pieces and _caps_heading(cur) and not x.isupper():
                cont = False
            if cont and ("|" in x or ">" in x) and _is_menu_bar(x):
                cont = False  # (a menu's bar under the site's name: "WQFM 90.3 ..." over "News | Music | Podcasts")
            if cont and _BULLET_RE.match(x):
                cont = False  # (a list's item under the one before: "* 0800 800 812 for calls from within France")
            if cont and item and x[:1].isupper() and not para.pieces and len(cur) < ITEM_WRAP_MIN:
                cont = False  # (a short item, then the text under the list: "* 00 33 1 45 50 34 60 from abroad" over
                #               "The hotline will stay open ...")
            if cont:
                if wrapped:
                    para.glue(x, compounds, words)
                else:
                    para.add(x)
            else:
                out.append(para)
                para = _Paragraph(x)
                item = _BULLET_RE.match(x) is not None
        out.append(para)
        open_wrapped = (wrapped and len(lines) > 0 and para.end[-1] not in TERMINAL
                        and 30 <= len(lines[-1]) <= 120)
    return [p.text() for p in out]


class _Paragraph:
    """A paragraph joined from wrapped lines: its settled text in pieces and its open end, which holds its last word
    (all that joining the next line looks at), so that joining a line costs that line and not the paragraph so far
    (a text of 100,000 short lines stays linear)."""

    __slots__ = ("end", "pieces")
    SETTLE = 4096  # an end longer than this settles all but its last KEEP characters or so, cut at a space
    KEEP = 1024

    def __init__(self, first: str) -> None:
        self.pieces: list[str] = []
        self.end = first

    def glue(self, x: str, compounds: frozenset[str], words: frozenset[str]) -> None:
        self.end = _glue(self.end, x, compounds, words)
        self._settle()

    def add(self, x: str) -> None:
        self.end = f"{self.end} {x}"
        self._settle()

    def _settle(self) -> None:
        if len(self.end) > self.SETTLE:
            cut = self.end.rfind(" ", 0, len(self.end) - self.KEEP)
            if cut > 0:
                self.pieces.append(self.end[:cut])
                self.end = self.end[cut:]

    def text(self) -> str:
        return "".join(self.pieces) + self.end if self.pieces else self.end


# --- a page flattened onto one line --------------------------------------------------------------------

# (after "?" or "!" a lower-case word starts a sentence too: "Interested in? add as an interest ...")
_SENT_END_RE = re.compile(r"[.!?…][\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|[!?][\"”’)\]]*\s+(?=[a-z])")
_ABBREV = frozenset(
    "mr mrs ms dr sen rep gov gen st jr sr lt col sgt capt prof rev u.s u.k inc co corp vs va calif fla mass "
    "ariz ark colo conn del ga ill ind kan ky la md mich minn miss mo mont neb nev okla ore pa tenn tex wash wis wyo "
    "jan feb mar apr jun jul aug sep sept oct nov dec d.c a.m p.m".split()
)
_LEADING_DATE_RE = re.compile(r"^(?:" + MONTHS + r")\.? \d{1,2}, \d{4} (?=[A-Z“\"])")
_CAP_TOKEN_RE = re.compile(r"^[A-Z“\"‘][\w.'’-]*$")


_FLAT_HEAD_RE = re.compile(r"\b(?:Published On|Credit|Skip to)\b")


def _looks_flattened(line: str) -> bool:
    # (the case-sensitive searches run only where one of their literals occurs)
    head = line[:600]
    if INLINE_NAV_RE.match(head):
        return True
    tail = line[len(line) // 4:]
    if any(map(tail.__contains__, INLINE_TRAILER_KEYS)) and INLINE_TRAILER_RE.search(tail):
        return True
    return ("Published On" in head or "Credit" in head or "Skip to" in head) and _FLAT_HEAD_RE.search(head) is not None


def split_sentences(text: str) -> list[str]:
    """A light sentence splitter for flattened pages (abbreviation-aware, linear)."""
    out: list[str] = []
    start = 0
    for m in _SENT_END_RE.finditer(text):
        before = text[max(start, m.start() - 12):m.start() + 1]
        tail = before.rsplit(" ", 1)[-1].lower().rstrip(".").lstrip("(“\"")
        numbered = tail == "no" and text[m.end():m.end() + 1].isdigit()  # "No. 5", not "said no."
        if text[m.start()] == "." and (tail in _ABBREV or numbered or (len(tail) == 1 and tail.isalpha())):
            continue
        out.append(text[start:m.end()].strip())
        start = m.end()
    rest = text[start:].strip()
    if rest:
        out.append(rest)
    return out


def _glued_headline(sentence: str) -> bool:
    """A headline glued into a sentence: a run of 5+ capitalized words holding a capitalized function word."""
    toks = sentence.split()
    run = 0
    has_fn = False
    for i, t in enumerate(toks):
        if _CAP_TOKEN_RE.match(t):
            run += 1
            if i > 0 and t in HEADLINE_FUNCTION_WORDS:
                has_fn = True
            if run >= 5 and has_fn:
                return True
        else:
            run = 0
            has_fn = False
    return False


def _clean_flat_line(line: str) -> tuple[list[str], str | None]:
    """Paragraphs and title of a whole page flattened onto one line."""
    for m in INLINE_TRAILER_RE.finditer(line):
        if m.start() >= FLAT_TRAILER_MIN_SHARE * len(line):
            line = line[:m.start()]
            break
    title = None
    by = INLINE_BYLINE_RE.search(line, 0, min(len(line), 4000))
    if by:
        head, line = line[:by.start()], line[by.end():]
        for rx in INLINE_CAPTION_RES:
            head = rx.sub(" ", head)
        head = INLINE_NAV_RE.sub("", _norm_line(head))
        if 3 <= len(head.split()) <= 25:
            title = head
    else:
        line = INLINE_NAV_RE.sub("", line)
    for rx in INLINE_CAPTION_RES:
        line = rx.sub(" ", line)
    line = _norm_line(line)
    kept: list[str] = []
    for s in split_sentences(line):
        lead = _LEADING_DATE_RE.match(s)
        if lead:
            s = s[lead.end():]
        if not s or is_clutter_line(s) or _glued_headline(s) or not _is_prose(s) or _is_pitch(s):
            continue
        kept.append(s)
    paras = [" ".join(kept[i:i + FLAT_PARAGRAPH_SENTENCES]) for i in range(0, len(kept), FLAT_PARAGRAPH_SENTENCES)]
    return paras, title


# --- relevance -----------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=100_000)
def _stem(w: str) -> str:
    w = w.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suf, rep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: len(w) - len(suf)] + rep
    return w


def content_words(text: str) -> set[str]:
    return {_stem(w) for w in _words(text.lower()) if len(w) > 2 and w not in STOP_WORDS}


def _drop_irrelevant_blocks(pages: list[_Page], docs: list[Document]) -> None:
    """Drop paragraphs whose words the rest of the cluster does not share (sidebars, other stories)."""
    if all(len(page.paragraphs) < 2 for page in pages):
        return  # only pages of two paragraphs or more are judged
    para_words = [[content_words(p) for p in page.paragraphs] for page in pages]
    doc_words = [set().union(*pw) if pw else set() for pw in para_words]
    n_docs = sum(1 for w in doc_words if w)
    df: Counter[str] = Counter()
    for words in doc_words:
        df.update(words)
    n_paras = sum(len(pw) for pw in para_words) or 1
    pdf: Counter[str] = Counter()
    for pw in para_words:
        for words in pw:
            pdf.update(words)
    # each word's weight, log(1 + n_paras / pdf[w]), computed once per cluster rather than once per paragraph
    word_weight: dict[str, float] = {}
    for i, (page, pw) in enumerate(zip(pages, para_words, strict=True)):
        if len(pw) < 2 or not page.english:
            continue
        if n_docs > 1 and doc_words[i]:
            # share of the other documents that use the word
            ref = {w: (df[w] - 1) / (n_docs - 1) for w in doc_words[i]}
        else:
            # a lone document: judged against its title and opening paragraphs
            lede = set().union(*pw[:3]) | content_words(page.title or docs[i].title or "")
            ref = {w: 1.0 for w in lede}
        scores = []
        for words in pw:
            if not words:
                scores.append(0.0)
                continue
            weights = [
                x if (x := word_weight.get(w)) is not None else word_weight.setdefault(w, math.log(1 + n_paras / pdf[w]))
                for w in words
            ]
            scores.append(sum([x * ref.get(w, 0.0) for x, w in zip(weights, words, strict=True)]) / sum(weights))
        keep = _relevant(scores, [len(p.split()) for p in page.paragraphs])
        if any(keep):
            page.paragraphs = [p for p, k in zip(page.paragraphs, keep, strict=True) if k]
            page.scores = scores


def _relevant(scores: list[float], lengths: list[int] | None = None) -> list[bool]:
    """Which paragraphs to keep: runs of 3+ paragraphs whose smoothed score is far below the median go.

    A single low paragraph inside the story (a unique detail only this outlet has) is kept; a block of
    them (a sidebar of other news, a pitch, a list of teasers) is not. A block must also be shaped
    like a sidebar (its paragraphs mostly under TEASER_WORDS words: headlines and teasers); a run
    of full prose paragraphs is the article's own reporting even when its words are its own
    (wire text quoting survivors, a section on the background).
    """
    n = len(scores)
    med = sorted(scores)[n // 2]
    thr = min(BLOCK_SHARE * med, MAX_BLOCK_THRESHOLD)
    smooth = [sum(scores[max(0, i - 1):i + 2]) / len(scores[max(0, i - 1):i + 2]) for i in range(n)]
    keep = [True] * n
    i = 0
    while i < n:
        if smooth[i] >= thr:
            i += 1
            continue
        j = i
        while j < n and smooth[j] < thr:
            j += 1
        if j - i >= MIN_BLOCK:
            a, b = i, j
            while a > 0 and scores[a - 1] < thr:
                a -= 1
            while b < n and scores[b] < thr:
                b += 1
            block_lengths = sorted(lengths[a:b]) if lengths else [0]
            if block_lengths[len(block_lengths) // 2] <= TEASER_WORDS:
                for k in range(a, b):
                    keep[k] = False
        i = j
    return keep
