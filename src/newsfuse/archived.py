"""Pages saved from the web or served by an archive (part of the load and clean stages).

A page a browser saved ("Save page as... HTML only") carries the address it came from in a comment at its top
(``<!-- saved from url=(0052)https://... -->``). A page read from a web archive or a cache carries the archive's
address, not the outlet's: a Wayback Machine capture (``https://web.archive.org/web/20260413.../https://...``),
an archive.today capture (``https://archive.ph/2026.04.13-081500/https://...``), a Google AMP cache copy
(``https://www-example-com.cdn.ampproject.org/c/s/www.example.com/...``). :func:`original_url` finds the outlet's
address inside such an address, and :func:`page_url` a saved page's address.

A capture also carries the archive's toolbar above the page (the Wayback Machine's "N captures", its calendar,
"About this capture"; archive.today's "webpage capture" header): :func:`strip_archive_toolbar` cuts it from the
HTML, and :func:`drop_capture_header` from text copied out of a browser. Everything here is a bounded search
from a literal: no pattern runs over the whole page.
"""

from __future__ import annotations

import html as html_lib
import re
from urllib.parse import unquote

from newsfuse.clutter import ARCHIVE_NAME_RE, TITLE_SEPARATORS, TITLE_TAG_RE, has_crawl_term

# --- addresses -------------------------------------------------------------------------------------------

# web.archive.org/web/<timestamp><modifier>/<original>: the modifier ("id_", "im_", "if_", "js_") names how the
# archive served it
_WAYBACK_RE = re.compile(r"^https?://(?:web\.|wayback\.)?archive\.org/web/\d{1,14}(?:[a-z]{2}_)?/+(.+)$", re.IGNORECASE)
_ARCHIVE_TODAY_RE = re.compile(
    r"^https?://(?:www\.)?archive\.(?:today|ph|is|li|vn|fo|md)/\d{4}\.?\d\d\.?\d\d-?\d{6}/+(.+)$", re.IGNORECASE)
# the AMP cache's /c/ (a document), /v/ (the viewer) or /i/ (an image), then "s/" for an https original
_AMP_CACHE_RE = re.compile(r"^https?://[a-z0-9-]{1,253}\.cdn\.ampproject\.org/[cvi]/(s/)?(.+)$", re.IGNORECASE)
_GOOGLE_AMP_RE = re.compile(r"^https?://(?:www\.)?google\.[a-z.]{2,12}/amp/(s/)?(.+)$", re.IGNORECASE)
_SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
_ARCHIVE_HOSTS = ("web.archive.org", "archive.org", "archive.today", "archive.ph", "archive.is", "archive.li",
                  "archive.vn", "archive.fo", "archive.md", "cdn.ampproject.org")


def original_url(url: str) -> str:
    """The outlet's address inside an archive's or cache's address (the address itself when it is no such
    address): Wayback Machine and archive.today captures, the Google AMP cache and Google's AMP viewer."""
    for _ in range(3):  # (an AMP page captured by the Wayback Machine)
        url = url.strip()
        m = _WAYBACK_RE.match(url) or _ARCHIVE_TODAY_RE.match(url)
        if m is not None:
            inner = m.group(1)
            if inner[:4].lower() != "http" and "%3a" in inner[:8].lower():
                inner = unquote(inner)
            url = inner if _SCHEME_RE.match(inner) else "http://" + inner
            if url.lower().startswith(("http:/", "https:/")) and not url.lower().startswith(("http://", "https://")):
                url = re.sub(r"^(https?):/+", r"\1://", url, flags=re.IGNORECASE)  # (a collapsed "https:/")
            continue
        m = _AMP_CACHE_RE.match(url) or _GOOGLE_AMP_RE.match(url)
        if m is not None:
            url = ("https://" if m.group(1) else "http://") + m.group(2)
            continue
        break
    return url


# query parameters that say how a reader came to the page (campaign tags, click ids), not which page it is
_TRACKING_PARAM_RE = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|dclid|msclkid|yclid|mc_cid|mc_eid|_ga|_gl|ocid|cmpid|icid|ito|smid|sr_share|"
    r"ref_src|ncid|taid|mbid)$", re.IGNORECASE)


def without_tracking(url: str) -> str:
    """``url`` without its tracking parameters (``?utm_source=newsletter&utm_medium=email``), the others kept in order."""
    if "?" not in url:
        return url
    base, _, rest = url.partition("?")
    query, hash_mark, fragment = rest.partition("#")
    kept = [p for p in query.split("&") if p and not _TRACKING_PARAM_RE.match(p.partition("=")[0])]
    return base + ("?" + "&".join(kept) if kept else "") + hash_mark + fragment


def is_archive_url(url: str) -> bool:
    return original_url(url) != url.strip()


def is_archive_name(name: str) -> bool:
    """Whether a page's site name is an archive's or a cache's ("web.archive.org", "archive.ph"), not the outlet's
    (an extractor names a capture's site by the address it was read from)."""
    host = name.strip().lower().removeprefix("www.")
    return host in _ARCHIVE_HOSTS or host.endswith(".cdn.ampproject.org") or host in ("wayback machine", "internet archive")




def name_in_title(html: str, host: str) -> str | None:
    """The outlet's name that ends the page's <title> ("Fire destroys ... – The Penmarrow Post"), when the page's
    host spells it ("www.penmarrowpost.example": the same letters, "the" aside)."""
    m = TITLE_TAG_RE.search(html[:200_000])
    label = re.sub(r"[^a-z0-9]", "", host.lower().removeprefix("www.").split(".")[0])
    if m is None or len(label) < 4:
        return None
    title = " ".join(html_lib.unescape(m.group(1)).split())
    for sep in TITLE_SEPARATORS:
        head, found, tail = title.rpartition(sep)
        squeezed = re.sub(r"[^a-z0-9]", "", tail.lower())
        if found and head.strip() and label in (squeezed, squeezed.removeprefix("the")):
            return tail.strip()
    return None


# --- a saved page's address ------------------------------------------------------------------------------

_SAVED_FROM_RE = re.compile(r"<!--\s{0,20}saved from url=\(\d{1,5}\)\s{0,20}([^\s<>]{1,4000}?)\s{0,20}-->", re.IGNORECASE)
_LINK_TAG_RE = re.compile(r"<(?:link|meta)\b[^<>]{0,2000}>", re.IGNORECASE)
_ATTR_RE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
# the Wayback Machine's script names the capture's original address: __wm.wombat("https://...", "2026...", ...)
_WOMBAT_RE = re.compile(r"""__wm\.wombat\(\s{0,5}["']([^"'\s]{1,4000})["']""")
_WAYBACK_MARKERS = ("<!-- BEGIN WAYBACK TOOLBAR INSERT -->", "__wm.wombat(", 'id="wm-ipp')


def saved_from_url(html: str) -> str | None:
    """The address in a saved page's "saved from url" comment (in its first 4 kB), if it names a web address."""
    m = _SAVED_FROM_RE.search(html[:4096])
    if m is None:
        return None
    url = html_lib.unescape(m.group(1))
    return url if url.lower().startswith(("http://", "https://")) else None


def _canonical(head: str) -> str | None:
    """The page's own address: its canonical link, else its og:url."""
    og = None
    for m in _LINK_TAG_RE.finditer(head):
        tag = m.group()
        attrs = {a.group(1).lower(): (a.group(2) or a.group(3) or a.group(4) or "") for a in _ATTR_RE.finditer(tag)}
        if tag[:5].lower() == "<link" and "canonical" in attrs.get("rel", "").lower().split() and attrs.get("href"):
            return html_lib.unescape(attrs["href"].strip())
        if og is None and (attrs.get("property") or attrs.get("name") or "").lower() == "og:url" and attrs.get("content"):
            og = html_lib.unescape(attrs["content"].strip())
    return og


def page_url(html: str) -> str | None:
    """The address a saved or archived page was read from: its canonical link (or og:url), else the "saved from
    url" comment, else a Wayback Machine capture's own note of it. Only for a page that shows it was saved
    (the comment) or captured (the archive's toolbar or script): None for any other page."""
    saved = saved_from_url(html)
    head = html[:200_000]
    wayback = None
    if saved is None:
        if not any(map(head.__contains__, _WAYBACK_MARKERS)):
            return None
        m = _WOMBAT_RE.search(head)
        wayback = m.group(1) if m else None
    url = _canonical(head)
    if url is not None and not url.lower().startswith(("http://", "https://")):
        url = None
    if url is not None and saved is not None and is_archive_url(saved) and not is_archive_url(url):
        # (an archive serves the page's own canonical link unrewritten: the capture's address is the one saved)
        return saved
    return url or saved or wayback


# --- the archive's toolbar -------------------------------------------------------------------------------

_WAYBACK_BEGIN = "<!-- BEGIN WAYBACK TOOLBAR INSERT -->"
_WAYBACK_END = "<!-- END WAYBACK TOOLBAR INSERT -->"
# archive.today's header: a <div id="HEADER"> above the capture's <div id="CONTENT">
_ARCHIVE_TODAY_HEADER_RE = re.compile(r"""<div\b[^<>]{0,300}\bid=["']?HEADER\b""")
_ARCHIVE_TODAY_CONTENT_RE = re.compile(r"""<div\b[^<>]{0,300}\bid=["']?(?:CONTENT|SOLID)\b""")
TOOLBAR_MAX_CHARS = 200_000  # a toolbar is about 10-30 kB; a "toolbar" longer than this is not one


def strip_archive_toolbar(html: str) -> str:
    """The page without a web archive's toolbar (the Wayback Machine's insert, archive.today's header)."""
    start = html.find(_WAYBACK_BEGIN)
    if start >= 0:
        end = html.find(_WAYBACK_END, start, start + TOOLBAR_MAX_CHARS)
        if end >= 0:
            html = html[:start] + html[end + len(_WAYBACK_END):]
    head = html[:TOOLBAR_MAX_CHARS]
    if "archive.today" in head or "archive.ph" in head or "archive.is" in head:
        m = _ARCHIVE_TODAY_HEADER_RE.search(head)
        c = _ARCHIVE_TODAY_CONTENT_RE.search(head, m.end()) if m else None
        if m is not None and c is not None:
            html = html[:m.start()] + html[c.start():]
    return html


# A capture's header copied as text: the archive's name line opens it ("The Wayback Machine -
# https://web.archive.org/web/...", "archive.today webpage capture"), the toolbar's words follow, each on a line
_HEADER_OPEN_RE = re.compile(
    r"^(?:the wayback machine\s*-\s*https?://\S+|archive\.(?:today|ph|is|li|vn|fo|md)\s*(?:webpage capture)?|"
    r"webpage capture)$", re.IGNORECASE)
_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
_TOOLBAR_LINE_RE = re.compile(
    r"^(?:"
    r"\d{1,7} captures?|"
    r"\d{1,2} (?:" + _MONTHS + r")\w* \d{4}(?: - \d{1,2} (?:" + _MONTHS + r")\w* \d{4})?|"  # 13 Apr 2026 - 20 Apr 2026
    r"(?:(?:" + _MONTHS + r")\s+){2}(?:" + _MONTHS + r")|"  # Mar APR May
    r"(?:\d{4}\s+){2}\d{4}|"  # 2025 2026 2027
    r"\d{1,2}|"  # the calendar's day
    r"success|fail|success\s+fail|go|about this capture|collected by|timestamps|close|help|"
    r"(?:organization|collection|sponsor)\s*:.{0,200}|"
    r"https?://\S+|"
    r"saved from|search|history|webpage capture|"  # archive.today
    r"no other snapshots from this url|all snapshots from host .{1,300}|"
    r"\d{1,2} (?:" + _MONTHS + r")\w* \d{4} \d\d:\d\d:\d\d(?: utc)?|"
    r"webpage|screenshot|share|download \.zip|report bug or abuse|buy me a coffee|"
    r"(?:←\s*)?prior|next(?:\s*→)?|\|"
    r")$", re.IGNORECASE)
HEADER_SEARCH_LINES = 40


def _in_header(line: str) -> bool:
    """A line of an archive's header: blank, a toolbar line, or the collection's note on its crawl ("Starting in
    1996, Alexa Internet has been donating their crawl data to the Internet Archive ...")."""
    if not line or _TOOLBAR_LINE_RE.match(line):
        return True
    return len(line) < 600 and (has_crawl_term(line) or ARCHIVE_NAME_RE.search(line) is not None)


def drop_capture_header(text: str) -> str:
    """``text`` without a web archive's header copied with it: the archive's name line among its first lines and
    the toolbar lines after it (counts of captures, the calendar's months and years, "About this capture", ...),
    up to the first line that is none of those."""
    head = text[:20_000].lower()
    if "wayback machine" not in head and "capture" not in head:
        return text
    lines = text.split("\n", HEADER_SEARCH_LINES + 1)
    for i, line in enumerate(lines[:HEADER_SEARCH_LINES]):
        if _HEADER_OPEN_RE.match(line.strip()):
            j = i + 1
            rest = text.split("\n")
            while j < len(rest) and _in_header(" ".join(rest[j].split())):
                j += 1
            return "\n".join(rest[:i] + rest[j:])
    return text
