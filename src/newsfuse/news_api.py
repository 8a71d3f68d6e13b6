"""News-API exports: the JSON a news search API returns (part of the load stage).

The common shape (NewsData.io's and Bing News's answers are read into it), ``{"status": "ok", "totalResults": N, "articles": [{"source": {"id", "name"}, "author", "title",
"description", "url", "urlToImage", "publishedAt", "content"}]}`` (or a plain list of such article objects, or
``"source": {"name", "url"}`` and ``"image"`` as other APIs give them), holds one document per article: the source's
name is the outlet, its title (without the " - Outlet" an aggregator appends), url and date (``publishedAt``'s day)
the document's.

The text is the description followed by the content. Such APIs cut the content at about 200 characters and mark the
cut ("… [+2345 chars]"): the mark goes, and so does the sentence it cut (the last one, complete only by chance; one
that happens to end in a point, "... cost $4." of "$4.2 million", would be quoted wrong), so no cut-off sentence can
reach a brief. The description is the outlet's own summary, written whole, and is often all that remains of a
teaser: it is kept, unless the content opens with the same words (the lead given twice); a description that is itself
cut short (it ends in "…" or "[…]") loses its last sentence too. Removed articles (``"[Removed]"``) and repeats of an
article already read (the same url) are left out.
"""

from __future__ import annotations

import html as html_lib
import re
from typing import Any

from newsfuse.model import ExportArticle

ARTICLE_KEYS = frozenset({"source", "author", "title", "description", "url", "urlToImage", "image", "publishedAt",
                          "content"})
# the content's cut mark: "… [+2345 chars]", "... [+2345 chars]", "[+2345 characters]"
_CUT_RE = re.compile(r"\s*(?:…|\.\.\.)?\s*\[\+\s*\d{1,9}\s*char(?:acter)?s?\]\s*$")
_ELLIPSIS_END_RE = re.compile(r"\s*(?:…|\.\.\.|\[(?:…|\.\.\.)\])\s*$")
_TAG_RE = re.compile(r"<[^<>]{0,500}>")
REMOVED = "[Removed]"
# the end of a text split to find its last sentence
LAST_SENTENCE_CHARS = 5_000
# the content's first words that, found in the description, make it the lead given twice
SAME_LEAD_CHARS = 60


def looks_like_article(obj: Any) -> bool:
    """An object of a news API's article shape: no ``text`` or ``documents`` (a cluster's document), at least three of
    the shape's keys, and a description or content string."""
    if not isinstance(obj, dict) or "text" in obj or "documents" in obj:
        return False
    if len(ARTICLE_KEYS.intersection(obj)) < 3:
        return False
    return isinstance(obj.get("content"), str) or isinstance(obj.get("description"), str)


def _other_shape(obj: dict[str, Any]) -> str | None:
    """The key holding the articles of the other APIs' answers: NewsData.io's ``{"status": "success", "results":
    [{"title", "link", "description", "content", "pubDate", "source_id", "source_name"}]}`` and Bing News's
    ``{"_type": "News", "value": [{"name", "url", "description", "datePublished", "provider": [{"name"}]}]}``."""
    if "documents" in obj:
        return None
    if "results" in obj and (obj.get("status") == "success" or "nextPage" in obj or "totalResults" in obj):
        return "results"
    if "value" in obj and obj.get("_type") == "News":
        return "value"
    return None


# NewsData.io's free plan puts this in place of the content
_PAID_ONLY = re.compile(r"^\s*only available in (?:paid|professional|corporate) plans?\s*$", re.IGNORECASE)


def _common(a: Any) -> Any:
    """An article of another API's shape in the common shape (an object of the common shape, or no object, as is)."""
    if not isinstance(a, dict) or ("link" not in a and "provider" not in a and "datePublished" not in a):
        return a
    provider = a.get("provider")
    first = provider[0] if isinstance(provider, list) and provider else None
    content = a.get("content")
    return {
        "title": a.get("title") if "title" in a else a.get("name"),
        "url": a.get("link") if "link" in a else a.get("url"),
        "description": a.get("description"),
        "content": None if isinstance(content, str) and _PAID_ONLY.match(content) else content,
        "publishedAt": a.get("pubDate") or a.get("datePublished"),
        "source": {"name": _string(a.get("source_name")) or _string(a.get("source_id"))
                   or (first.get("name") if isinstance(first, dict) else None)},
    }


def looks_like_news_api(obj: Any) -> bool:
    """A news API's answer (an object with an ``articles`` key and no ``documents``, or NewsData.io's and Bing
    News's shapes), or a list of article objects."""
    if isinstance(obj, dict):
        return ("articles" in obj and "documents" not in obj) or _other_shape(obj) is not None
    return isinstance(obj, list) and bool(obj) and all(looks_like_article(a) for a in obj)


def api_articles(obj: Any) -> list[dict[str, Any]] | str:
    """The article objects of a news API's answer, in the common shape, or why there are none (one line)."""
    key = _other_shape(obj) if isinstance(obj, dict) and "articles" not in obj else None
    if key is not None:
        arts = obj.get(key)
        if not isinstance(arts, list) or not all(isinstance(a, dict) for a in arts):
            return f"\"{key}\" must be a list of article objects"
        return [_common(a) for a in arts]
    arts = obj.get("articles") if isinstance(obj, dict) else obj
    if not isinstance(arts, list):
        status = obj.get("status") if isinstance(obj, dict) else None
        message = obj.get("message") if isinstance(obj, dict) else None
        if status == "error" and isinstance(message, str):
            return f"the news API answered with an error: {' '.join(message.split())[:200]}"
        return "\"articles\" must be a list of article objects"
    if not all(isinstance(a, dict) for a in arts):
        return "\"articles\" must be a list of article objects"
    return arts


def _string(value: Any) -> str | None:
    if isinstance(value, str) and value.strip() and value.strip() != REMOVED:
        return " ".join(value.split())
    return None


def _plain(value: Any) -> str | None:
    """A field's text: markup (an API passes the page's <li> and <p> through) and entities gone, lines kept."""
    if not isinstance(value, str) or value.strip() == REMOVED:
        return None
    text = html_lib.unescape(_TAG_RE.sub(" ", value)) if "<" in value or "&" in value else value
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(" ".join(x.split()) for x in text.split("\n"))
    return text.strip() or None


def _without_last_sentence(text: str) -> str:
    """``text`` without its last sentence (the one a cut broke)."""
    from newsfuse.split import sentence_spans

    start = max(0, len(text) - LAST_SENTENCE_CHARS)  # (only the end is split: the content of a hostile answer can be long)
    spans = sentence_spans(text[start:])
    if len(spans) <= 1:
        return ""
    return text[: start + spans[-2][1]].rstrip()


def uncut(text: str | None) -> tuple[str | None, bool]:
    """The content without the API's cut mark and the sentence it cut, and whether it was cut."""
    if text is None:
        return None, False
    tail = text[-200:]  # (the mark is at the end: a search of the whole text could try every position)
    m = _CUT_RE.search(tail)
    if m is None:
        return text, False
    return _without_last_sentence(text[: len(text) - len(tail) + m.start()]) or None, True


def _outlet(source: Any) -> str | None:
    if isinstance(source, dict):
        return _string(source.get("name")) or _string(source.get("id"))
    return _string(source)


def _title(title: str | None, outlet: str | None) -> str | None:
    """The title without the " - Outlet" an aggregator appends."""
    if title and outlet:
        for sep in (" - ", " | ", " – ", " — "):
            if title.endswith(sep + outlet) and len(title) > len(sep + outlet):
                return title[: -len(sep + outlet)].rstrip()
    return title


def _date(value: Any) -> str | None:
    if isinstance(value, str) and (m := re.match(r"\s*(\d{4}-\d{2}-\d{2})", value)):
        return None if m.group(1).startswith("1970-01-01") else m.group(1)
    return None


def read_articles(arts: list[dict[str, Any]]) -> list[ExportArticle]:
    """Each article that holds text, as an :class:`ExportArticle` (removed ones and repeats of a url left out)."""
    out: list[ExportArticle] = []
    seen: set[str] = set()
    for a in arts:
        url = _string(a.get("url"))
        if url is not None and url in seen:
            continue
        content, _ = uncut(_plain(a.get("content")))
        description = _plain(a.get("description"))
        if description is not None and _ELLIPSIS_END_RE.search(description[-20:]):
            description = _without_last_sentence(description) or None
        if description is not None and content is not None:
            lead = " ".join(content.split())[:SAME_LEAD_CHARS]
            if lead and (lead in " ".join(description.split()) or " ".join(description.split())[:SAME_LEAD_CHARS] in content):
                description = None
        text = "\n\n".join(x for x in (description, content) if x)
        if not text:
            continue
        if url is not None:
            seen.add(url)
        outlet = _outlet(a.get("source"))
        out.append(ExportArticle(text=text, title=_title(_string(a.get("title")), outlet), source=outlet, url=url,
                              date=_date(a.get("publishedAt") or a.get("published_at") or a.get("published"))))
    return out
