"""Typed records passed between the pipeline stages.

load -> clean -> split -> represent -> select -> order -> attribute -> render.
Every stage takes and returns these frozen dataclasses, so a reader can follow
one cluster through the pipeline by type alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Document:
    """One article of a story cluster, as given by the user or a loader.

    ``text`` is the raw text (or HTML when ``is_html`` is true); ``source`` is the
    outlet name ("Mother Jones", "nbcnews.com"). ``id`` is unique within a cluster.
    ``opinion``: the page says it is a column, an op-ed or an editorial.
    """

    text: str
    id: str = ""
    title: str | None = None
    url: str | None = None
    source: str | None = None
    date: str | None = None
    is_html: bool = False
    opinion: bool = False  # a column, an op-ed or an editorial (``opinion.is_opinion_page``; set by the clean stage)
    # a transcript whose speakers' names stand on lines of their own ("Dana Mirecki -- Chief Executive Officer",
    # "Operator"), which clean drops: its speakers' "I" and "we" are nobody's in a brief (set by the clean stage)
    transcript: bool = False


@dataclass(frozen=True)
class ExportArticle:
    """One article of an export (a news API's answer, a table's row): its text and what the export says of it."""

    text: str
    title: str | None
    source: str | None
    url: str | None
    date: str | None


@dataclass(frozen=True)
class Sentence:
    """A sentence of a cleaned document, with where it came from.

    ``start``/``end`` are character offsets into the cleaned text of document
    ``doc`` (an index into the cluster's document list); ``position`` is the
    sentence's rank in its document (0 = first sentence of the article).
    """

    text: str
    doc: int
    position: int
    start: int
    end: int


@dataclass(frozen=True)
class Source:
    """A document as cited in a brief."""

    id: str
    name: str
    title: str | None = None
    url: str | None = None
    date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "title": self.title, "url": self.url, "date": self.date}


@dataclass(frozen=True)
class BriefSentence:
    """One sentence of the brief: verbatim text from ``origin``, backed by ``sources``."""

    text: str
    origin: str
    sources: tuple[str, ...]
    outlets: int
    start: int = 0
    end: int = 0
    reports: int = 0  # independent reports among the sources (attribute.attribute); 0: not known

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "sources": list(self.sources),
            "origin": self.origin,
            "outlets": self.outlets,
            "reports": self.reports,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class Dispute:
    """A count the brief states that outlets give differently, no page reconciling them (``figures.disputes``):
    ``kind`` ("dead", "missing" or "injured") and each figure with the documents that give it as their own, the
    brief's figure first."""

    kind: str
    figures: tuple[tuple[str, tuple[str, ...]], ...]

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind,
                "figures": [{"count": int(v) if v.isdigit() else float(v), "sources": list(ids)}
                            for v, ids in self.figures]}


@dataclass(frozen=True)
class Stats:
    documents: int
    sentences_in: int
    words: int
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "sentences_in": self.sentences_in,
            "words": self.words,
            "seconds": round(self.seconds, 4),
        }


@dataclass(frozen=True)
class Brief:
    """The result of :func:`newsfuse.summarize`; renders to every output format."""

    sentences: tuple[BriefSentence, ...]
    sources: tuple[Source, ...]
    stats: Stats
    disputes: tuple[Dispute, ...] = ()  # counts the brief states that outlets give differently
    cleaned: tuple[str, ...] = field(default=(), repr=False, compare=False)

    @property
    def summary(self) -> str:
        return " ".join(s.text for s in self.sentences)

    def to_dict(self, include_text: bool = False) -> dict[str, Any]:
        """The JSON contract (see README). ``include_text`` adds each source's cleaned text."""
        sources = []
        for i, src in enumerate(self.sources):
            d = src.to_dict()
            if include_text and i < len(self.cleaned):
                d["text"] = self.cleaned[i]
            sources.append(d)
        out = {
            "summary": self.summary,
            "sentences": [s.to_dict() for s in self.sentences],
            "sources": sources,
            "stats": self.stats.to_dict(),
        }
        if self.disputes:  # (only when there is something to say)
            out["disputes"] = [d.to_dict() for d in self.disputes]
        return out

    def render(self, fmt: str = "text") -> str:
        from newsfuse.render import render

        return render(self, fmt)


@dataclass(frozen=True)
class Cluster:
    """A story: its documents and, in evaluation data, the human reference summaries."""

    id: str
    documents: tuple[Document, ...]
    summaries: tuple[str, ...] = ()
