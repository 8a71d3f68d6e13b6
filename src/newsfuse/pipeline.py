"""The pipeline: load -> clean -> split -> represent -> select -> order -> attribute -> render.

``summarize`` is the library's front door; the CLI, batch runner, evaluation
harness and HTTP server all call it.
"""

from __future__ import annotations

import builtins
import time
from collections.abc import Iterable
from typing import Any

import numpy as np

from newsfuse.attribute import Groups, attribute, report_groups
from newsfuse.clean import clean_documents
from newsfuse.errors import InputError, empty_cluster
from newsfuse.figures import disputes, says_superseded, superseded_counts, whole_counts
from newsfuse.language import ForeignTest
from newsfuse.load import domain_of, to_document
from newsfuse.model import Brief, BriefSentence, Dispute, Document, Sentence, Source, Stats
from newsfuse.options import Budget
from newsfuse.order import order
from newsfuse.represent import DENSE_CELLS, Representation, represent, word_count
from newsfuse.select import has_candidates, select
from newsfuse.split import split_document

MAX_DOCUMENTS = 5000
MAX_SENTENCES = 20_000               # sentences considered per cluster ...
MAX_SENTENCES_PER_DOCUMENT = 1_000   # ... and per document (a 5 MB article: 9.8 s, 631 MB without caps; 6.5 s, 296 MB with)
MIN_SENTENCES_PER_DOCUMENT = 20      # ... but never fewer than this from any document
UNLIMITED_WORDS = 10**6              # a budget no sentence exceeds (to tell "too long" from "nothing to quote")
# Documents whose TF-IDF vectors are this close are copies (wire stories reprinted
# by several sites): they count once when weighting what the cluster repeats.
DUPLICATE_DOCUMENT = 0.9


def _unique_ids(docs: list[Document]) -> list[Document]:
    seen: dict[str, int] = {}
    out = []
    for k, d in enumerate(docs):
        base = d.id or f"d{k + 1}"
        n = seen.get(base, 0)
        seen[base] = n + 1
        new_id = base if n == 0 else f"{base}-{n + 1}"
        out.append(d if new_id == d.id else Document(**{**d.__dict__, "id": new_id}))
    return out


def outlet_name(doc: Document) -> str:
    if doc.source:
        return doc.source
    return (domain_of(doc.url) if doc.url else "") or doc.id


def _doc_similarity_sparse(rep: Representation, n_docs: int) -> list[tuple[int, int, float]]:
    from scipy import sparse

    doc_of = np.array([s.doc for s in rep.sentences])
    ind = sparse.csr_matrix((np.ones(len(doc_of)), (doc_of, np.arange(len(doc_of)))), shape=(n_docs, len(doc_of)))
    dv = ind @ rep.tfidf
    norms = np.sqrt(np.asarray(dv.multiply(dv).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    dv = sparse.diags(1.0 / norms) @ dv
    sim = (dv @ dv.T).tocoo()
    keep = (sim.row < sim.col) & (sim.data >= DUPLICATE_DOCUMENT)  # only candidate copies: 1,000 documents
    return list(zip(sim.row[keep].tolist(), sim.col[keep].tolist(), sim.data[keep].tolist(), strict=True))


def _doc_similarity(rep: Representation, n_docs: int) -> list[tuple[int, int, float]]:
    """(a, b, cosine) for a < b whose summed TF-IDF vectors are DUPLICATE_DOCUMENT close, row by row. Small clusters use
    dense arrays; when a cosine is within rounding distance of DUPLICATE_DOCUMENT, the sparse
    computation decides, so that the grouping is the same either way."""
    dense = rep.dense_tfidf()
    if dense is None or n_docs * dense.shape[0] > DENSE_CELLS:  # the indicator matrix stays small too
        return _doc_similarity_sparse(rep, n_docs)
    ind = np.zeros((n_docs, dense.shape[0]))
    ind[[s.doc for s in rep.sentences], np.arange(dense.shape[0])] = 1.0
    dv = ind @ dense
    norms = np.sqrt(np.add.reduce(dv * dv, axis=1))  # (the ufunc reductions, without .sum()'s and .any()'s wrappers)
    norms[norms == 0] = 1.0
    dv /= norms[:, None]
    sim = dv @ dv.T
    if np.logical_or.reduce(np.abs(sim - DUPLICATE_DOCUMENT) <= 1e-9, axis=None):
        return _doc_similarity_sparse(rep, n_docs)
    a, b = np.nonzero(sim >= DUPLICATE_DOCUMENT)  # (row by row)
    upper = a < b
    a, b = a[upper], b[upper]
    return list(zip(a.tolist(), b.tolist(), sim[a, b].tolist(), strict=True))


def _doc_groups(rep: Representation, n_docs: int) -> list[int]:
    """Union near-duplicate documents (wire copies) into one group each."""
    if n_docs < 2 or not rep.sentences:
        return list(range(n_docs))
    groups = Groups(range(n_docs))
    for a, b, _ in _doc_similarity(rep, n_docs):  # only pairs a < b at DUPLICATE_DOCUMENT or closer
        groups.join(a, b)
    return [groups.root(i) for i in range(n_docs)]


def _titles(cleaned: list[Document], keep: list[int]) -> list[str]:
    """The headlines of the documents written in the cluster's language: a copy in another language ("Quesería de
    Ashby Falls retira ...") shares no words with the others' headlines, so it would only lower their agreement
    (``select.title_agreement``); nor a column's or an editorial's beside two reports' ("I waited 20 years for this
    train. Brisk should build it faster."), which argues rather than announces the news."""
    titled = [k for k in keep if cleaned[k].title]
    if sum(not cleaned[k].opinion for k in titled) >= 2:
        titled = [k for k in titled if not cleaned[k].opinion]
    if len(titled) < 2:
        return [cleaned[k].title or "" for k in titled]
    foreign = ForeignTest([cleaned[k].text for k in keep])
    return [cleaned[k].title or "" for k in titled if not foreign(cleaned[k].text)]


def figure_disputes(rep: Representation, selected: list[int], names: list[str], groups: list[int],
                    ids: list[str]) -> tuple[Dispute, ...]:
    """The counts the chosen sentences state that outlets give differently (``figures.disputes``); the cluster's
    documents are read only when a chosen sentence states a whole toll."""
    stated = [rep.sentences[i].text for i in selected]
    if not any(whole_counts(t) for t in stated):
        return ()
    texts = [s.text for s in rep.sentences]
    old = superseded_counts(texts) if says_superseded("\n".join(texts)) else set()
    docs: dict[int, list[str]] = {}
    for s in rep.sentences:
        docs.setdefault(s.doc, []).append(s.text)
    found = disputes(stated, docs, lambda: report_groups(rep, names, groups), old)
    return tuple(Dispute(f.kind, tuple((v, tuple(ids[d] for d in ds)) for v, ds in f.figures)) for f in found)


def summarize(
    documents: Iterable[str | Document | dict[str, Any]],
    words: int | None = None,
    sentences: int | None = None,
    bytes: int | None = None,
    *,
    clean: bool = True,
) -> Brief:
    """Summarize one story cluster into an attributed Brief.

    ``documents`` are strings, :class:`Document` objects or ``{"text", "title",
    "url", "source", "date"}`` dicts. Give at most one budget: ``words``
    (default 120), ``sentences`` or ``bytes``. Raises :class:`InputError` when
    there is nothing to summarize.
    """
    t0 = time.perf_counter()
    budget = Budget.of(words=words, sentences=sentences, bytes=bytes)
    if isinstance(documents, (str, Document, dict)):
        documents = [documents]
    if not isinstance(documents, Iterable) or isinstance(documents, (builtins.bytes, bytearray)):  # (`bytes` is the budget here)
        raise InputError(
            f"documents must be a list of articles (strings, Documents or {{\"text\": ...}} objects), "
            f"got {type(documents).__name__}"
        )
    docs = [to_document(d, i) for i, d in enumerate(documents)]
    if not docs:
        raise InputError("no documents given")
    if len(docs) > MAX_DOCUMENTS:
        raise InputError(f"too many documents: {len(docs)} (at most {MAX_DOCUMENTS} per cluster)")
    docs = _unique_ids(docs)
    cleaned = clean_documents(docs) if clean else docs
    keep = [k for k, d in enumerate(cleaned) if d.text.strip()]
    if not keep:
        raise empty_cluster(d.text for d in docs)

    per_doc = {k: split_document(cleaned[k].text, k) for k in keep}
    n_split = sum(len(v) for v in per_doc.values())
    if n_split == 0:
        raise empty_cluster(d.text for d in docs)
    # Bounded work on huge input (a 5 MB article, a thousand documents): news puts its key facts
    # first, so each document contributes at most its first `cap` sentences.
    cap = max(MIN_SENTENCES_PER_DOCUMENT, min(MAX_SENTENCES_PER_DOCUMENT, MAX_SENTENCES // len(keep)))
    all_sentences: list[Sentence] = [s for k in keep for s in per_doc[k][:cap]]

    rep = represent(all_sentences, len(cleaned))
    groups = _doc_groups(rep, len(cleaned))
    titles = _titles(cleaned, keep)
    opinion = frozenset(k for k in keep if cleaned[k].opinion)
    transcript = frozenset(k for k in keep if cleaned[k].transcript)
    selection = select(rep, budget, groups, titles=titles, opinion=opinion, transcript=transcript)
    if not selection.indices:
        # a larger budget helps only if some sentence could be chosen at all (one that leans on a sentence
        # the text does not hold, "We're committed to ...", never can)
        if not has_candidates(rep) or not select(rep, Budget(words=UNLIMITED_WORDS), groups, titles=titles).indices:
            raise InputError(
                "no complete sentence to quote: the text holds only headlines, fragments, photo captions, unfinished "
                "quotations or sentences that lean on one before them"
            )
        raise InputError(f"no complete sentence fits in {budget.describe()}: give a larger budget")
    names = [outlet_name(d) for d in cleaned]
    support_docs, independent = attribute(rep, selection.indices, names, groups)
    support = dict(zip(selection.indices, support_docs, strict=True))
    reports = dict(zip(selection.indices, independent, strict=True))
    outlets = {i: len({names[d] for d in ds}) for i, ds in support.items()}
    ordered = order(rep, selection.indices, selection.requires, outlets, lead=selection.anchor,
                    salience=selection.salience)

    brief_sentences = []
    for i in ordered:
        s = rep.sentences[i]
        brief_sentences.append(
            BriefSentence(
                text=s.text,
                origin=cleaned[s.doc].id,
                sources=tuple(cleaned[d].id for d in support[i]),
                outlets=outlets[i],
                reports=reports[i],
                start=s.start,
                end=s.end,
            )
        )
    differing = figure_disputes(rep, ordered, names, groups, [d.id for d in cleaned])
    sources = tuple(
        Source(id=d.id, name=names[k], title=d.title, url=d.url, date=d.date) for k, d in enumerate(cleaned)
    )
    summary_words = sum(word_count(b.text) for b in brief_sentences)
    stats = Stats(
        documents=len(docs),
        sentences_in=n_split,
        words=summary_words,
        seconds=time.perf_counter() - t0,
    )
    return Brief(tuple(brief_sentences), sources, stats, differing, cleaned=tuple(d.text for d in cleaned))
