"""RSS and Atom feeds (part of the load stage).

A feed (``<rss>``, ``<rdf:RDF>`` or an Atom ``<feed>``) is a list of stories, not one: each ``<item>`` /
``<entry>`` becomes one document, its ``<description>``, ``<content:encoded>``, ``<content>`` or
``<summary>`` (escaped or CDATA HTML) the text, its title, link and date the document's, the channel's title
the outlet. Feeds are read with regular expressions, not an XML parser: real feeds are often not well-formed
(a bare ``&`` in a title), and nothing here needs more than an element's text.

Which items belong to the story being summarized is the loader's decision (:func:`on_topic`): a feed saved
beside other pages about one story contributes only its items about that story.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

from newsfuse.clutter import STOP_WORDS

_START_RE = re.compile(r"\s*(?:<\?xml[^>]{0,300}\?>\s*)?(?:<!--.{0,2000}?-->\s*)*(?:<\?xml-stylesheet[^>]{0,500}\?>\s*)?"
                       r"<(?:rss|rdf:RDF|feed)\b", re.IGNORECASE | re.DOTALL)
_OPEN_RE = re.compile(r"<(item|entry)\b[^<>]{0,2000}>", re.IGNORECASE)
_CLOSE_RE = re.compile(r"</(item|entry)\s*>", re.IGNORECASE)
_TITLE_OPEN_RE = re.compile(r"<title\b[^>]{0,200}>", re.IGNORECASE)
_TITLE_CLOSE_RE = re.compile(r"</title\s*>", re.IGNORECASE)
_TAG_RE = re.compile(r"<[^<>]*>")
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " : ", " :: ", " · ")
# an item's text elements, the fullest first
_BODY_TAGS = ("content:encoded", "content", "description", "summary")
_DATE_TAGS = ("pubDate", "published", "dc:date", "updated")


@dataclass(frozen=True)
class FeedItem:
    title: str | None
    link: str | None
    date: str | None  # ISO yyyy-mm-dd
    html: str


def looks_like_feed(text: str) -> bool:
    """True when ``text`` opens with an RSS, RDF or Atom feed's root element (after an XML declaration)."""
    return _START_RE.match(text[:4000]) is not None


def _element(block: str, tag: str) -> str | None:
    m = re.search(rf"<{re.escape(tag)}\b([^>]{{0,500}}?)(/?)>", block, re.IGNORECASE)
    if m is None:
        return None
    if m.group(2):  # <link href="..."/> (Atom)
        href = re.search(r"""\bhref\s*=\s*["']([^"']+)""", m.group(1))
        return html_lib.unescape(href.group(1)) if href else None
    end = re.compile(rf"</{re.escape(tag)}\s*>", re.IGNORECASE).search(block, m.end())
    if end is None:
        return None
    inner = block[m.end():end.start()]
    sections = _cdata(inner)
    if sections:
        return "".join(sections)
    return html_lib.unescape(inner)  # escaped HTML (or plain text) becomes itself


def _cdata(text: str) -> list[str]:
    """The insides of ``text``'s CDATA sections, each from where the last one closed (a regex's lazy match would scan
    the rest of the text again for every section left unclosed)."""
    out, pos = [], 0
    while (start := text.find("<![CDATA[", pos)) >= 0:
        end = text.find("]]>", start + 9)
        if end < 0:
            break
        out.append(text[start + 9 : end])
        pos = end + 3
    return out


def _uncdata(text: str) -> str:
    """``text`` with each CDATA section replaced by its inside."""
    if "<![CDATA[" not in text:
        return text
    out, pos = [], 0
    while (start := text.find("<![CDATA[", pos)) >= 0 and (end := text.find("]]>", start + 9)) >= 0:
        out += [text[pos:start], text[start + 9 : end]]
        pos = end + 3
    return "".join(out) + text[pos:]


def strip_markup(text: str) -> str:
    """Markup's words only, each tag a space (a rough cut: for an item's title, and for comparing words)."""
    return _TAG_RE.sub(" ", text)


def _plain(text: str | None) -> str | None:
    if text is None:
        return None
    text = " ".join(html_lib.unescape(strip_markup(text)).split())
    return text or None


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    if m := re.match(r"(\d{4}-\d{2}-\d{2})", value):
        return m.group(1)
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _item_blocks(text: str) -> list[str]:
    """Each item's or entry's inside, in one pass over the text (an opening tag left unclosed is not an item, unless
    it is the last one: a feed cut short, its last item read to the end)."""
    closes = [(m.start(), m.group(1).lower()) for m in _CLOSE_RE.finditer(text)]
    blocks, k = [], 0
    opens = list(_OPEN_RE.finditer(text))
    for n, m in enumerate(opens):
        while k < len(closes) and closes[k][0] < m.end():
            k += 1
        if k < len(closes) and closes[k][1] == m.group(1).lower():
            blocks.append(text[m.end():closes[k][0]])
            k += 1
        elif k >= len(closes) and n == len(opens) - 1:
            blocks.append(text[m.end():])
    return blocks


def parse_feed(text: str) -> tuple[str | None, list[FeedItem]]:
    """The feed's title and its items that hold any text, in the feed's order."""
    first = _OPEN_RE.search(text)
    head = text[: first.start()] if first else text
    # (the first title's: when it is left unclosed, so is every later one)
    m = _TITLE_OPEN_RE.search(head)
    close = _TITLE_CLOSE_RE.search(head, m.end()) if m else None
    channel = _plain(_uncdata(head[m.end() : close.start()])) if m and close else None
    items = []
    for block in _item_blocks(text):
        body = next((b for t in _BODY_TAGS if (b := _element(block, t)) and b.strip()), None)
        if body is None:
            continue
        link = _element(block, "link")
        items.append(FeedItem(
            title=_plain(_element(block, "title")),
            link=link.strip() if link and link.strip() else None,
            date=next((d for t in _DATE_TAGS if (d := _iso_date(_element(block, t)))), None),
            html=body if "<" in body else "".join(f"<p>{html_lib.escape(p)}</p>" for p in body.split("\n\n")),
        ))
    return channel, items


def outlet_of(channel: str | None, items: list[FeedItem]) -> str | None:
    """The outlet in a channel title that also names its section ("Wrenford Beacon - Local News"): the part whose
    words its links' host spells ("wrenfordbeacon.example"), else the first part."""
    if not channel:
        return None
    parts = [channel]
    for sep in _TITLE_SEPARATORS:
        if sep in channel:
            parts = [p.strip() for p in channel.split(sep) if p.strip()]
            break
    if len(parts) == 1:
        return channel
    hosts = " ".join(re.sub(r"^https?://(?:www\.)?", "", i.link or "").split("/")[0].lower() for i in items)
    for p in parts:
        squeezed = re.sub(r"[^a-z0-9]", "", p.lower())
        if squeezed and squeezed in re.sub(r"[^a-z0-9 ]", "", hosts):
            return p
    return parts[0]


_WORD_RE = re.compile(r"[a-z][a-z'’]+")
ON_TOPIC_SHARE = 0.5  # of an item's words that the other documents use
ON_TOPIC_OF_BEST = 0.75  # ... and at least this share of the best item's


def words_of(text: str) -> set[str]:
    return {w for w in _WORD_RE.findall(text.lower()) if len(w) > 3 and w not in STOP_WORDS}


def on_topic(items: list[str], others: list[str]) -> list[bool]:
    """Which of a feed's items (their text) tell the story that ``others`` (the cluster's other documents) tell:
    most of an item's words are words two of them use (one, when there is only one), and it shares nearly as
    much as the best item does. A feed's other stories -- even one about the same company -- share far less."""
    vocab: dict[str, int] = {}
    for t in others:
        for w in words_of(t):
            vocab[w] = vocab.get(w, 0) + 1
    need = 2 if len(others) >= 2 else 1
    shared = {w for w, n in vocab.items() if n >= need}
    scores = []
    for t in items:
        words = words_of(t)
        scores.append(len(words & shared) / len(words) if words else 0.0)
    best = max(scores, default=0.0)
    return [s >= ON_TOPIC_SHARE and s >= ON_TOPIC_OF_BEST * best for s in scores]
