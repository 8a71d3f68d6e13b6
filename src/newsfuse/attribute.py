"""Stage 7, attribute: every document that reports a brief sentence's fact.

A document supports a brief sentence when one of its sentences reports the same
fact (``Representation.reports``: lexically close, or containing most of the
brief sentence's distinctive words): near-verbatim wire copies and close
paraphrases pass; sentences that merely share a name do not.

How many independent reports those documents make (``attribute``): one outlet's
documents, near-duplicate documents, documents that state the fact in the same
words (or in another's first words, cut short: an aggregator's snippet) and copies
of one story (a wire story republished, lightly edited) count once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np

from newsfuse.figures import Figures, figures
from newsfuse.represent import Representation
from newsfuse.select import QUOTED

# Copies of one story: two documents that state a fact in the same words (case, quotation marks and spacing aside,
# a sentence of COPY_MIN_WORDS words or more) carry one copy of it, and two documents that share COPY_SENTENCES
# such sentences character for character are one story republished, every fact they both state one report (an
# edited sentence, "..., the department said." / "..., the state Department of Public Health said.", and a
# quotation included). Outlets that write a fact in their own words count apart, however many words they share
# ("Repairs are expected to take at least six weeks." / "Raman said repairs are expected to take at least six weeks
# and could cost about $4.2 million.").
COPY_MIN_WORDS = 8
COPY_SENTENCES = 2
COPY_WIDE = 50  # a sentence shared by more documents than this makes them copies without counting pairs
# A copy cut short (an aggregator's snippet of an outlet's lead, a teaser): a sentence whose first
# TRUNCATED_COPY_MIN_WORDS words or more are all of another's, word for word, before its end ("..., a day after
# inspectors found a sinkhole." / "..., a day after inspectors found a sinkhole on the dam's downstream face.").
TRUNCATED_COPY_MIN_WORDS = 12
_QUOTATION = re.compile(r"[\"“”«»]|(?<!\w)['‘’`]|['‘’`](?!\w)")  # (not an apostrophe inside a word: "dam's")
_CUT_END = " .,;:!?\"“”‘’'`´)]…"  # (a cut sentence's closing punctuation or ellipsis, stripped from its end)
_NO_QUOTE_MARKS = str.maketrans("", "", "\"“”‘’'`´")
_QUOTE_MARK = re.compile("[\"“”‘’'`´]")


# A sentence with figures is credited only to documents that give them: a sentence that reports the same fact backs
# it only if its document gives one of its numbers (more than half of them when it gives three or more), and without a count of the dead, the missing or the injured of its own that
# differs ("About 650 people spent the night in the two shelters" is not backed by "Shelters opened at the high
# school and the church hall"; "Seven people died" not by "At least four people died"): figures.supports.
FIGURES_RULE = True
# A quotation is credited only to documents that give its words: a sentence quoting someone ('"This is the biggest
# decision this council has made in a generation," Mayor Celia Andrade-Voss said after the vote.') is backed by a
# sentence only if that holds at least QUOTE_SHARE of the quotation's content words, quoted or reported ("the
# biggest decision ... in a generation"), not by the same speaker's other words about the same event ('Mayor Celia
# Andrade-Voss called the vote "the start of a new chapter for Brisk."'). Quotations of QUOTE_MIN_WORDS content words
# or more; the rest of the sentence is judged as before.
QUOTE_RULE = True
QUOTE_SHARE = 0.5
QUOTE_MIN_WORDS = 3
# (select.QUOTED: marks paired in turn, short spans too, so that a short quotation's closing mark opens none: 'The
# "Yes" campaign and its backers said Tuesday that "..."' quotes no "campaign and its backers")
QUOTE_MIN_CHARS = 8


class Groups:
    """Union-find over ids: ``join(a, b)`` puts ``b``'s group under ``a``'s root, ``root(x)`` is ``x``'s group's root."""

    def __init__(self, items: Iterable[int]) -> None:
        self._owner = {x: x for x in items}

    def root(self, x: int) -> int:
        owner = self._owner
        while owner[x] != x:
            owner[x] = owner[owner[x]]
            x = owner[x]
        return x

    def join(self, a: int, b: int) -> None:
        self._owner[self.root(b)] = self.root(a)


def attribute(rep: Representation, selected: list[int], names: list[str],
              doc_groups: list[int]) -> tuple[list[list[int]], list[int]]:
    """For each selected sentence, the documents that report it (its own first), and how many independent
    reports they make: documents with one outlet name (``names``), near-duplicate documents (``doc_groups``),
    documents that state it in the same words and documents that are copies of one story (``_copy_families``) count
    once."""
    if not selected:
        return [], []
    same = rep.reports(selected, list(range(len(rep.sentences))))
    families = _copy_families(rep)
    figures_of: dict[int, set[str]] = {}

    def doc_figures(d: int) -> set[str]:  # the numbers a document's sentences give (read when first asked)
        if d not in figures_of:
            figures_of[d] = figures("\n".join(s.text for s in rep.sentences if s.doc == d))  # (one pass)
        return figures_of[d]
    docs_out: list[list[int]] = []
    reports: list[int] = []
    for row, i in enumerate(selected):
        origin = rep.sentences[i].doc
        stating: dict[int, set[int]] = {origin: {i}}  # each document's sentences that state the fact
        backing = [j for j in np.nonzero(same[row])[0].tolist() if j != i]  # (i itself is in stating already)
        # (read only when some sentence may back it; a sentence without figures is backed by any that reports its fact)
        mine = Figures(rep.sentences[i].text) if FIGURES_RULE and backing else None
        quoted = _quoted_words(rep.sentences[i].text) if QUOTE_RULE and backing else frozenset()
        if quoted:
            said = {j: _content_stems(rep.sentences[j].text) for j in backing}
        for j in backing:
            if mine is not None and mine.wanted and not mine.backed_by(rep.sentences[j].text,
                                                                     doc_figures(rep.sentences[j].doc)):
                continue
            if quoted and len(quoted & said[j]) < QUOTE_SHARE * len(quoted):
                continue
            stating.setdefault(rep.sentences[j].doc, set()).add(j)
        docs = [origin] + sorted(set(stating) - {origin})
        docs_out.append(docs)
        copies = _copy_groups(rep, stating)
        reports.append(_components({d: [("name", names[d]), ("group", doc_groups[d]), ("copy", copies[d]),
                                        ("family", families[d])] for d in docs}))
    return docs_out, reports


def _content_stems(text: str) -> frozenset[str]:
    from newsfuse.represent import STOP_WORDS, stem, words

    return frozenset(stem(w[:-2] if w.endswith(("'s", "’s")) else w) for w in words(text) if w not in STOP_WORDS)


def _quoted_words(text: str) -> frozenset[str]:
    """The content words (stems) inside the sentence's quotation marks, when they are QUOTE_MIN_WORDS or more."""
    if '"' not in text and "“" not in text and "``" not in text:
        return frozenset()
    inside = " ".join(q for m in QUOTED.finditer(text) if len(q := m.group(1) or m.group(2) or "") >= QUOTE_MIN_CHARS)
    got = _content_stems(inside) if inside else frozenset()
    return got if len(got) >= QUOTE_MIN_WORDS else frozenset()


def report_groups(rep: Representation, names: list[str], doc_groups: list[int]) -> list[int]:
    """Each document's independent report, as ``attribute`` counts them for a whole document: one outlet's documents,
    near-duplicate documents and copies of one story (``_copy_families``) are one report."""
    families = _copy_families(rep)
    return _joined({d: [("name", names[d]), ("group", doc_groups[d]), ("family", families[d])]
                    for d in range(rep.n_docs)})


def _joined(keys: dict[int, list[tuple[str, object]]]) -> list[int]:
    """Each document's group (its root: a document of the group) when two documents sharing any key are one."""
    groups = Groups(keys)
    first: dict[tuple[str, object], int] = {}
    for d, ks in keys.items():
        for k in ks:
            if k in first:
                groups.join(first[k], d)
            else:
                first[k] = d
    return [groups.root(d) for d in keys]


def _wording(text: str) -> str | None:
    """A sentence's words as a copy keeps them (case, quotation marks and spacing aside); None under COPY_MIN_WORDS."""
    low = text.lower()
    words = (low.translate(_NO_QUOTE_MARKS) if _QUOTE_MARK.search(low) else low).split()
    return " ".join(words) if len(words) >= COPY_MIN_WORDS else None


def _copy_families(rep: Representation) -> list[int]:
    """Each document's family of copies: documents sharing COPY_SENTENCES sentences character for character (of
    COPY_MIN_WORDS words or more) are one story republished (a document of its own otherwise)."""
    if rep.n_docs < 2:
        return list(range(rep.n_docs))
    families = Groups(range(rep.n_docs))
    holders: dict[str, set[int]] = {}
    for s in rep.sentences:  # (the text as it is: a copy's sentences are the same strings; cheap for 20,000 of them)
        if s.text.count(" ") >= COPY_MIN_WORDS - 1:
            holders.setdefault(s.text, set()).add(s.doc)
    pairs: dict[tuple[int, int], int] = {}
    for docs in holders.values():
        if len(docs) < 2:
            continue
        ordered = sorted(docs)
        if len(ordered) > COPY_WIDE:
            for d in ordered[1:]:
                families.join(ordered[0], d)
            continue
        for x, a in enumerate(ordered):
            for b in ordered[x + 1 :]:
                pairs[a, b] = pairs.get((a, b), 0) + 1
    for (a, b), n in pairs.items():
        if n >= COPY_SENTENCES:
            families.join(a, b)
    return [families.root(d) for d in range(rep.n_docs)]


def _copy_groups(rep: Representation, stating: dict[int, set[int]]) -> dict[int, int]:
    """Each document's copy of the fact: documents stating it in the same words, or one in the first words of the
    other's sentence cut short (``_cut_from``; not a quotation, which outlets quote on their own), are one (a
    document of its own otherwise)."""
    if len(stating) < 2:
        return {d: d for d in stating}
    docs = sorted(stating)
    groups = Groups(docs)
    holder: dict[str, int] = {}  # each wording's first document
    # the distinct wordings outside quotation marks by their first words (a sentence cut from another shares them), so
    # that only those are compared: linear for a thousand documents that share no opening
    by_opening: dict[str, list[str]] = {}
    for d in docs:
        for j in sorted(stating[d]):
            text = rep.sentences[j].text
            w = _wording(text)
            if w is None:
                continue
            if w in holder:
                groups.join(holder[w], d)
                continue
            holder[w] = d
            if _QUOTATION.search(text) is None:
                by_opening.setdefault(" ".join(w.split(" ", TRUNCATED_COPY_MIN_WORDS)[: TRUNCATED_COPY_MIN_WORDS - 1]),
                                      []).append(w)
    for ws in by_opening.values():
        for x, u in enumerate(ws):
            for v in ws[x + 1 :]:
                if _cut_from(u, v) or _cut_from(v, u):
                    groups.join(holder[u], holder[v])
    return {d: groups.root(d) for d in docs}


def _cut_from(short: str, long: str) -> bool:
    """Whether the wording ``short`` is ``long``'s first TRUNCATED_COPY_MIN_WORDS words or more, cut before its end
    (its closing punctuation or ellipsis aside)."""
    head = short.rstrip(_CUT_END)
    return (len(head) < len(long) and long.startswith(head) and long[len(head)] in " ,;:"
            and head.count(" ") >= TRUNCATED_COPY_MIN_WORDS - 1)


def _components(keys: dict[int, list[tuple[str, object]]]) -> int:
    """How many groups the documents (``keys``' keys) fall into when two documents sharing any key are one."""
    return len(set(_joined(keys)))
