"""Newswire SGML, as the DUC, TAC and TREC corpora ship their articles (part of the load and clean stages).

    <DOC>
    <DOCNO> APW19981016.0240 </DOCNO>              (AQUAINT-2, TAC 2008-2011: <DOC id="APW_ENG_20050104.0001">)
    <DATE_TIME> 10/16/1998 07:36:00 </DATE_TIME>
    <BODY>
    <SLUG> BC-Chile-Pinochet </SLUG>
    <HEADLINE> Pinochet arrested in London </HEADLINE>  (TREC: <HEAD>, the Wall Street Journal: <HL>)
    <TEXT>
    <P> LONDON (AP) _ Former Chilean dictator ... </P>
    </TEXT>
    </BODY>
    <TRAILER> AP-NY-10-16-98 0736EDT </TRAILER>
    </DOC>

A file may hold several ``<DOC>`` elements (a corpus's source files do); each is one article. Only the
``<TEXT>`` blocks are the article: slugs, trailers, annotations and keywords are not. The headline becomes
the title, the date tag (or the date in the document number) the date, and the agency named by the document
number's prefix the outlet, so a DUC or TAC topic directory is summarized with its sources named.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass
from datetime import date

# Document-number prefixes of the DUC 2001-2007, TAC 2008-2011 and TREC newswire, and their agencies.
AGENCIES = {
    "AFP": "Agence France-Presse",
    "AP": "Associated Press",
    "APW": "Associated Press",
    "CNA": "Central News Agency",
    "FBIS": "Foreign Broadcast Information Service",
    "FT": "Financial Times",
    "LA": "Los Angeles Times",
    "LTW": "Los Angeles Times-Washington Post",
    "NYT": "The New York Times",
    "SJMN": "San Jose Mercury News",
    "WSJ": "The Wall Street Journal",
    "XIE": "Xinhua",
    "XIN": "Xinhua",
}

_START_RE = re.compile(r"\s*<DOC[\s>]", re.IGNORECASE)
_DOC_RE = re.compile(r"<DOC(?:\s[^<>]{0,500})?>(.*?)(?:</DOC>|(?=<DOC[\s>])|\Z)", re.IGNORECASE | re.DOTALL)
_ID_ATTR_RE = re.compile(r"""<DOC\s[^<>]*?\bid\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_TEXT_RE = re.compile(r"<TEXT(?:\s[^<>]{0,200})?>(.*?)(?:</TEXT>|\Z)", re.IGNORECASE | re.DOTALL)
_P_RE = re.compile(r"</?P(?:\s[^<>]{0,200})?>", re.IGNORECASE)
_TAG_RE = re.compile(r"</?[A-Za-z][\w:-]{0,30}(?:\s[^<>]{0,500})?/?>")
# SGML entities (&amp;, &lt;); the wire's layout codes (&UR;, &QC;) are the clean stage's business
_ENTITY_RE = re.compile(r"&(?:amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});")
_NUMBER_RE = re.compile(r"^([A-Z]+)(?:_[A-Z]{3}_)?(\d{6,8})?", re.IGNORECASE)
_SLASH_DATE_RE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b")
_ISO_DATE_RE = re.compile(r"\b(\d{4})-?(\d{2})-?(\d{2})\b")
MAX_HEADLINE_WORDS = 40


@dataclass(frozen=True)
class WireDocument:
    number: str | None
    text: str
    title: str | None
    date: str | None
    agency: str | None


def looks_like_newswire(text: str) -> bool:
    """True when ``text`` opens with a ``<DOC>`` element that holds a ``<TEXT>`` block."""
    return _START_RE.match(text[:200]) is not None and "<text" in text[:200_000].lower()


def _element(body: str, *names: str) -> str | None:
    for name in names:
        m = re.search(rf"<{name}(?:\s[^<>]{{0,200}})?>(.*?)</{name}>", body, re.IGNORECASE | re.DOTALL)
        if m:
            value = " ".join(_plain(m.group(1)).split())
            if value:
                return value
    return None


def _plain(text: str) -> str:
    return _ENTITY_RE.sub(lambda m: html_lib.unescape(m.group(0)), _TAG_RE.sub(" ", text))


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _date(tagged: str | None, number: str | None) -> str | None:
    """From a date tag (``10/16/1998 07:36:00``, ``1999-01-01 00:01``, ``19981016``), else from the document
    number (``APW19981016.0240``, ``AFP_ENG_20050104.0001``, TREC's ``AP880911-0016``)."""
    if tagged:
        m = _SLASH_DATE_RE.search(tagged)
        if m:
            year = int(m.group(3))
            return _valid(year + (1900 if year >= 50 else 2000) if year < 100 else year, int(m.group(1)), int(m.group(2)))
        m = _ISO_DATE_RE.search(tagged)
        if m:
            return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if number:
        m = _NUMBER_RE.match(number)
        digits = m.group(2) if m else None
        if digits and len(digits) == 8:
            return _valid(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
        if digits and len(digits) == 6 and m and m.group(1).upper() in ("AP", "WSJ", "SJMN"):  # YYMMDD
            return _valid(1900 + int(digits[:2]), int(digits[2:4]), int(digits[4:]))
    return None


def agency(number: str | None) -> str | None:
    """The agency a document number names (``APW19981016.0240``: Associated Press), or None."""
    m = _NUMBER_RE.match(number or "")
    return AGENCIES.get(m.group(1).upper()) if m else None


def _headline(body: str) -> str | None:
    title = _element(body, "HEADLINE", "HEAD", "HL", "TITLE")
    if title and len(title.split()) > MAX_HEADLINE_WORDS:  # not a headline: a tag wrapped around the story
        return None
    return title


def parse_newswire(text: str) -> list[WireDocument]:
    """Every ``<DOC>`` element of ``text`` that has article text, in order."""
    out = []
    for m in _DOC_RE.finditer(text):
        whole, body = m.group(0), m.group(1)
        attr = _ID_ATTR_RE.match(whole)
        number = _element(body, "DOCNO") or (attr.group(1) if attr else None)
        blocks = [_P_RE.sub("\n\n", t) for t in _TEXT_RE.findall(body)]
        article = "\n\n".join(_plain(b).strip("\n") for b in blocks).strip()
        if not article:
            continue
        out.append(WireDocument(
            number=number,
            text=article,
            title=_headline(body),
            date=_date(_element(body, "DATE_TIME", "DATE", "DD"), number),
            agency=agency(number),
        ))
    return out
