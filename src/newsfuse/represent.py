"""Stage 4, represent: sentences -> stems, concepts and vectors.

Concepts are stemmed word bigrams that are not made of stop words only (Gillick
and Favre, 2009); they are what selection tries to cover. Stems use the Porter
algorithm, the one ROUGE uses, so "recused"/"recusal" style variants meet (PyStemmer's
C implementation of the original algorithm: five times NLTK's speed on unseen words).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, islice, repeat
from typing import Any, cast

import numpy as np
from scipy import sparse

from newsfuse.clutter import CJK_RE
from newsfuse.model import Sentence

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)

STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are aren't as at be because been before being
below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each
few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him
himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my
myself no nor not of off on once only or other ought our ours ourselves out over own same shan't she she'd she'll
she's should shouldn't so some such than that that's the their theirs them themselves then there there's these
they they'd they'll they're they've this those through to too under until up very was wasn't we we'd we'll we're
we've were weren't what what's when when's where where's which while who who's whom why why's with won't would
wouldn't you you'd you'll you're you've your yours yourself yourselves said says say will just s t""".split()
)


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import Stemmer

    stemmer = Stemmer.Stemmer("porter")
    # _STEM_CACHE remembers the stems: PyStemmer's own cache (10,000 words by default) costs ~1 us a
    # word, and ~4 us once full (it is purged over and over); a bare stemWord takes 0.3 us
    stemmer.maxCacheSize = 0
    return stemmer


_STEM_CACHE: dict[str, str] = {}


def stem(word: str) -> str:
    s = _STEM_CACHE.get(word)
    if s is None:
        s = _stemmer().stemWord(word) if len(word) > 3 and word.isalpha() else word
        if len(_STEM_CACHE) < 500_000:
            _STEM_CACHE[word] = s
    return s


def words(text: str) -> list[str]:
    """Lower-cased word tokens (apostrophes normalised)."""
    return [w.replace("’", "'") for w in _WORD.findall(text.lower())]




@lru_cache(maxsize=65536)
def _is_quantity(concept: str) -> bool:
    """A concept (two stems) of a number and its unit: "six week", "18,000 vehicl", "2 million" (a figure and
    its scale); not "4 2" (the parts of one figure), "71 year" (an age) or "30 p" (a time)."""
    first, _, second = concept.partition(" ")
    number = first in NUMBER_WORDS or any(map(str.isdigit, first))
    if not number or not second:
        return False
    if len(second) < 2 or second in _AGE_UNITS or any(map(str.isdigit, second)):
        return False  # ("12:30 p.m.", "a 71-year-old": an age or a time tells who or when, not what)
    if len(first) == 4 and first.isdigit() and "1800" <= first <= "2099":
        return False  # a year ("the 2007 Tour de France", "the July 7, 2005 bombings") tells when, not how many
    return second not in STOP_WORDS


_AGE_UNITS = frozenset({"year", "month"})
# an age ("a 6-month-old", "two years old", "aged 34") or a time ago ("convicted 25 years ago"): with it, "25 year"
# may tell who or when, not how long
_AGE_RE = re.compile(r"(?:month|year)s?[- ]old\b|\baged? \d|(?:month|year)s? ago\b", re.IGNORECASE)


@lru_cache(maxsize=65536)
def _is_duration(concept: str) -> bool:
    """A number of months ("four month", "18 month"): how long, in a sentence that tells no age. (Not years: "over
    three years" is the term of an offer and of a demand alike, "25 years" a sentence and a time ago.)"""
    first, _, second = concept.partition(" ")
    return second == "month" and (first in NUMBER_WORDS or first.isdigit())


def word_count(text: str) -> int:
    """Words as ROUGE's -l counts them: whitespace-separated tokens (in Chinese, Japanese and Korean,
    which do not separate words by spaces, each character counts as a word)."""
    n = len(text.split())
    return n + len(CJK_RE.findall(text)) if n * 12 < len(text) else n


# Two sentences report the same fact when they are lexically close (TF-IDF cosine >= SAME_COSINE)
# or when most of one's distinctive words are in the other: IDF-weighted containment >= SAME_CONTAINMENT
# with at least SAME_SHARED content words in common. IDF is over the cluster's sentences, so the
# story's ubiquitous names ("Sessions", "bridge") weigh little and the specific ones ("18,000
# vehicles", "six weeks") decide. Calibrated on the bundled example and the seeds: true
# paraphrases score 0.55-1.0, different facts about the same people 0.3-0.52 (tests/test_represent.py).
SAME_COSINE = 0.5
SAME_CONTAINMENT = 0.6
SAME_SHARED = 3
REPORT_CLOSE_SHARE = 0.5  # a lexically close sentence reports the fact if it has this share of its words
# ... or an embedding cosine >= SAME_EMBEDDING with SAME_EMB_SHARED shared words making up
# SAME_EMB_CONTAINMENT of the shorter one: catches reworded leads lexical measures miss
# ("The city has closed the bridge after cracks were found in two steel girders" / "The mayor
# closed the bridge after inspectors reported cracks in two of the span's steel girders").
SAME_EMBEDDING = 0.5
SAME_EMB_SHARED = 4
SAME_EMB_CONTAINMENT = 0.4
REPORT_EMB_SHARE = 0.6     # ... for attribution: share of the brief sentence's own words
# ... or, for attribution, an embedding cosine >= REPORT_EMB_COSINE with the shared words holding
# REPORT_EMB_WEIGHT of the brief sentence's IDF weight: a reworded report of the same fact shares its
# rarest words but not most of them ("A jury convicted a former British Airways computer specialist of
# plotting with al-Awlaki to blow up an airplane" reports "A disciple of al-Awlaki has been found guilty
# of plotting to blow up a plane while working with British Airways": share 0.48, embedding cosine 0.78).
# On 327 hand-judged (brief sentence, document) pairs (scripts/attribution_audit.py, with the year guard
# of ``_is_quantity``) recall 0.45 -> 0.62 at precision 0.92 -> 0.91. Different facts about the same
# people mostly sit below it ("Meghan will join Harry at the Christmas church service" / "... joined
# Harry for the pre-Christmas lunch": 0.39, 0.66). It needs SAME_EMB_SHARED shared words and a column
# sentence with REPORT_EMB_LENGTH of the row's content words: a short sentence close to a long one
# reports only part of it (``reports``).
REPORT_EMB_COSINE = 0.65
REPORT_EMB_WEIGHT = 0.35
REPORT_EMB_LENGTH = 0.6
# ... or they give the same quantity: a concept of a number and its unit ("six week", "2 million" of
# "$4.2 million") in both, with SAME_SHARED shared words making up SAME_NUMBER_CONTAINMENT of the
# shorter one's IDF weight ("Repairs are expected to take at least six weeks" / "She said the work
# would take no less than six weeks and was likely to cost about $4.2 million"). A shared number alone
# is not enough ("two people died" / "two suspects were arrested": no shared unit).
SAME_NUMBER_CONTAINMENT = 0.4
# ... or they give the same two figures or more (SAME_FIGURES of ``distinctive_figures``: "6.8% of patients on
# brenacine had another stroke, compared with 8.9% of those on placebo" / "In the trial, 6.8% of the 2,106 patients
# given brenacine had another stroke ..., against 8.9% of the 2,106 given a dummy pill"), with SAME_SHARED shared
# words: a study's result or a count told twice in other words, which no word measure above catches.
SAME_FIGURES = 2
# The shared figures must also be more than half of the figures of the sentence that gives fewer: "the nasdaq slid 3.1%
# ... dropping more than 10% since its peak" and "the dow lost 530.94 points, or 3.1%, ... a 10% decline" share two of
# four, other facts (Multi-News 2000-5621 and TAC: 22 of 27 pairs the rule joined were one fact told twice, and the
# half rule keeps out this one and the identifiers below, "Flight 447 ... 228 people on board"). And neither
# sentence's figures may be all in the other's with more: "The union is asking for a 15% raise ...; the authority has
# offered 8% ..., plus a one-time bonus of $1,200." adds the union's demand to "The authority's final offer ... was 8
# percent over three years plus a one-time payment of $1,200.", and joining them dropped the demand from a brief.
# A figure that tells a fact apart: a decimal ("6.8", "0.95"), a number with thousands ("2,106"), a percentage ("24%",
# "41 percent") or a whole number of three or four digits that is no year ("143"); not "two", "10" or "2019", nor a
# name's number ("Flight 447", "Route 31", "No. 5", "#12") or a telephone number's parts ("0800 789321").
_FIGURE = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+\.\d+|\d+)(?![\w]|[.,]\d)(\s?%|\s?per ?cent\b)?")
_NAMED_NUMBER = re.compile(r"(?:\b(?P<name>[A-Z][\w'’-]*)|\b(?i:no\.|number)|#)\s?$")


_A_DIGIT = re.compile(r"\d")
_TWO_DIGIT_RUNS = re.compile(r"\d\D+\d")  # (a text giving two figures or more holds this)


def distinctive_figures(text: str) -> frozenset[str]:
    """The figures of ``text`` that tell one fact from another (see _FIGURE), as written ("2,106", "6.8")."""
    if _A_DIGIT.search(text) is None:  # (most sentences: one search in C, not a generator over the characters)
        return frozenset()
    out = set()
    for m in _FIGURE.finditer(text):
        num, percent = m.group(1), m.group(2)
        if num[0] == "0" and num[:2] != "0.":
            continue  # (a telephone number's or a code's digits)
        whole = num.isdigit()
        if whole and not percent and not (3 <= len(num) <= 4 and not "1800" <= num <= "2099"):
            continue
        named = _NAMED_NUMBER.search(text[max(0, m.start() - 20) : m.start()]) if whole else None
        if named is not None and (named.group("name") is None or named.group("name").lower() not in STOP_WORDS):
            continue  # ("Flight 447", "Route 31", "No. 5": a capitalized word before it names it, not "The 310-303 vote")
        out.add(num)
    return frozenset(out)


def _figure_order(text: str, figures: frozenset[str]) -> list[str]:
    """``figures`` in the order ``text`` first gives them. Two sentences giving the same figures in another order state
    different facts ("The county's jobless rate was 4.1% in March, down from 4.6% a year earlier." / "The county's
    poverty rate was 4.6% in 2023, up from 4.1% in 2022."; "Pelling won 5,210 votes to Varga-Holm's 4,998" / "4,998
    voters backed the levy and 5,210 opposed it")."""
    return list(dict.fromkeys(m.group(1) for m in _FIGURE.finditer(text) if m.group(1) in figures))


NUMBER_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty "
    "hundred thousand million billion trillion dozen".split()
)
DENSE_CELLS = 2_000_000    # sentence x stem matrices up to this size are also kept dense (fast BLAS products)


def _unique(x: np.ndarray, how: str = "") -> Any:
    """``np.unique(x)`` of a 1-D integer array by one sort (NumPy 2 hashes the values first, several times
    slower on a cluster's few hundred), and with ``how`` "index", "inverse" or "counts" also what
    return_index, return_inverse or return_counts give: the same arrays."""
    order = np.argsort(x, kind="stable") if how in ("index", "inverse") else None
    s = np.sort(x) if order is None else x[order]
    new = np.empty(len(s), dtype=bool)  # (each value's first place in sorted order)
    new[:1] = True
    np.not_equal(s[1:], s[:-1], out=new[1:])
    if how == "index":
        return s[new], order[new]  # type: ignore[index]
    if how == "inverse":
        inverse = np.empty(len(x), dtype=np.intp)
        inverse[order] = np.cumsum(new) - 1
        return s[new], inverse
    if how == "counts":
        return s[new], np.diff(np.append(np.flatnonzero(new), len(s)))
    return s[new]


def _take(m: np.ndarray, idx: list[int]) -> np.ndarray:
    """``m[idx]`` (read only), without copying ``m`` when ``idx`` is all of its rows in order
    (attribution compares the brief with every sentence): the same values in the same layout."""
    n = m.shape[0]
    if isinstance(idx, list) and len(idx) == n and n and idx[0] == 0 and idx[-1] == n - 1 and idx == list(range(n)):
        return m
    return m[idx]


def _dense(m: Any) -> np.ndarray:
    return np.asarray(m.todense()) if sparse.issparse(m) else np.asarray(m)


@lru_cache(maxsize=1)
def _wordllama() -> Any:
    """WordLlama's 256-d static embeddings, loaded from its own wheel (no download)."""
    import logging
    from pathlib import Path

    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    try:
        import wordllama

        return wordllama.WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)
    except Exception:  # noqa: BLE001 - optional: fall back to lexical similarity only
        return None
    finally:  # wordllama's import calls logging.basicConfig(level=INFO); undo that
        root.setLevel(level)
        for h in list(root.handlers):
            if h not in handlers:
                root.removeHandler(h)


# WordLlama's tokenizer is a Llama BPE without pre-tokenizer: the normalizer makes a sentence one string
# ("▁The▁mayor▁closed..."), which BPE then merges as a whole, with no cache to reuse (~100 us a
# sentence). No token of its vocabulary holds "▁" after another character (``_piecewise``), so no merge
# crosses the start of a word: the sentence's tokens are those of its words ("▁mayor"), each
# tokenized on its own, and words recur, so each word's tokens are kept.
_PIECE = re.compile(r" *[^ ]+")  # a word with the spaces before it
_PIECE_IDS: dict[str, tuple[int, ...]] = {}


@lru_cache(maxsize=4)
def _piecewise(tok: Any) -> bool:
    """Whether ``_token_ids`` gives ``tok``'s own token ids: a normalizer that only prepends "▁" and
    maps " " to "▁", no pre-tokenizer, a BPE model without dropout, no truncation or fixed-length
    padding, and no token with "▁" after another character."""
    import json

    try:
        spec = json.loads(tok.to_str())
        vocab = tok.get_vocab()
        padding, truncation = tok.padding, tok.truncation
    except Exception:  # noqa: BLE001 - another tokenizer: tokenize whole sentences
        return False
    norm, model = spec.get("normalizer") or {}, spec.get("model") or {}
    steps = norm.get("normalizers", [])
    return (
        norm.get("type") == "Sequence"
        and [n.get("type") for n in steps] == ["Prepend", "Replace"]
        and steps[0].get("prepend") == "▁"
        and steps[1].get("pattern") == {"String": " "}
        and steps[1].get("content") == "▁"
        and spec.get("pre_tokenizer") is None
        and model.get("type") == "BPE"
        and model.get("dropout") is None
        and truncation is None
        and (padding is None or padding.get("length") is None)
        and not any("▁" in t.lstrip("▁") for t in vocab)
    )


def _token_ids(tok: Any, text: str) -> list[int]:
    """``tok.encode(text, add_special_tokens=False).ids``, word by word (see ``_piecewise``)."""
    if (
        not _piecewise(tok)
        or "▁" in text
        or text.endswith(" ")  # (a trailing space is a "▁" token of its own, which no word encodes to)
        or ("<" in text and any(a.content in text for a in _added(tok)))
    ):
        return list(tok.encode(text, add_special_tokens=False).ids)
    if text[:1] not in ("", " ") and "  " not in text:
        keys = text.split(" ")  # (the pieces below, when single spaces separate the words)
    else:  # (the normalizer's "▁" stands for a later word's first space)
        keys = [piece if k == 0 else piece[1:] for k, piece in enumerate(_PIECE.findall(text))]
    got = list(map(_PIECE_IDS.get, keys))
    if None in got:
        for k, key in enumerate(keys):
            if got[k] is None:
                # (the tokenizer's own normalization, then its BPE model alone: a third of encode()'s cost)
                got[k] = ids = tuple(t.id for t in tok.model.tokenize("▁" + key.replace(" ", "▁")))
                if len(_PIECE_IDS) < 500_000:
                    _PIECE_IDS[key] = ids
    return list(chain.from_iterable(cast("list[tuple[int, ...]]", got)))


@lru_cache(maxsize=4)
def _added(tok: Any) -> tuple[Any, ...]:
    """The tokenizer's added (special) tokens, matched in the raw text before normalization."""
    return tuple(tok.get_added_tokens_decoder().values())


def _embed(model: Any, texts: list[str]) -> np.ndarray:
    """``model.embed(texts, norm=True)``, bit for bit, without the tokenizer's batch call (it wakes a
    thread pool, which costs more than it saves on the few sentences needed here): each text's
    tokens are looked up and summed row after row, as the model's masked sum over a padded batch
    adds them, then divided by their number and normalised as the model does."""
    table = getattr(model, "embedding", None)
    tok = getattr(model, "tokenizer", None)
    if getattr(model, "binary", True) or not isinstance(table, np.ndarray) or tok is None:
        return np.asarray(model.embed(texts, norm=True), dtype=np.float32)
    token_ids = [_token_ids(tok, text) for text in texts]
    counts = [len(ids) for ids in token_ids]
    flat = np.fromiter(chain.from_iterable(token_ids), dtype=np.intp, count=sum(counts))
    np.clip(flat, 0, table.shape[0] - 1, out=flat)
    pooled = np.zeros((len(texts), table.shape[1]), dtype=np.float32)
    end = 0
    for r, k in enumerate(counts):
        if k:  # (np.add.reduceat would sum in another order)
            pooled[r] = table[flat[end : end + k]].sum(axis=0, dtype=np.float32)
        end += k
    pooled /= np.maximum(np.array(counts, dtype=np.float32), 1.0)[:, None]
    pooled /= np.linalg.norm(pooled, axis=1, keepdims=True)
    return pooled


@dataclass(frozen=True)
class ConceptIndex:
    """The cluster's distinct concepts by number, and which sentences mention them."""

    names: list[str]                  # the distinct concepts ("mill river")
    words: list[str]                  # the cluster's distinct stems ...
    stop: np.ndarray                  # ... which of them are stop words
    column: np.ndarray                # ... and each one's TF-IDF column (-1: not a content stem)
    first: np.ndarray                 # each concept's first word (an index into words) ...
    second: np.ndarray                # ... and its second
    mention_sentence: np.ndarray      # each (sentence, concept) mention, by sentence: the sentence ...
    mention_concept: np.ndarray       # ... and the concept (an index into names)


@dataclass
class Representation:
    """Everything selection, ordering and attribution need about a cluster's sentences."""

    sentences: list[Sentence]
    stems: list[list[str]]            # all stems per sentence
    content: list[set[str]]           # content stems per sentence (no stop words)
    concepts: list[set[str]]          # content bigram concepts per sentence
    # L2-normalised TF-IDF rows over content stems, as CSR arrays: data, indices, indptr, shape
    tfidf_parts: tuple[np.ndarray, np.ndarray, np.ndarray, tuple[int, int]]
    n_docs: int
    doc_lengths: list[int]            # sentences per document
    concept_index: ConceptIndex       # the concepts of ``concepts`` by number

    _tfidf: sparse.csr_matrix | None = None

    @property
    def tfidf(self) -> sparse.csr_matrix:
        """The TF-IDF rows as a sparse matrix (built on first use: small clusters work on ``dense_tfidf``)."""
        if self._tfidf is None:
            data, indices, indptr, shape = self.tfidf_parts
            self._tfidf = sparse.csr_matrix((data, indices, indptr), shape=shape)
        return self._tfidf

    _word_counts: list[int] | None = None

    def word_counts(self) -> list[int]:
        """``word_count`` of each sentence (cached)."""
        if self._word_counts is None:
            self._word_counts = [word_count(s.text) for s in self.sentences]
        return self._word_counts

    _dangling: list[bool] | None = None

    def dangling(self) -> list[bool]:
        """``select.needs_antecedent`` of each sentence (cached)."""
        if self._dangling is None:
            from newsfuse.select import needs_antecedent

            self._dangling = [needs_antecedent(s.text) for s in self.sentences]
        return self._dangling

    _concept_sums: tuple[dict[str, float], list[float]] | None = None

    def concept_sums(self, weights: dict[str, float]) -> list[float]:
        """Each sentence's summed concept weight under ``weights`` (cached for the last dict given)."""
        if self._concept_sums is None or self._concept_sums[0] is not weights:
            # fsum: exactly rounded whatever the set's iteration order (which changes with PYTHONHASHSEED)
            get, zeros = weights.get, repeat(0.0)
            self._concept_sums = (weights, [math.fsum(map(get, cs, zeros)) for cs in self.concepts])
        return self._concept_sums[1]

    _emb: np.ndarray | None = None
    _embedded: np.ndarray | None = None

    def embeddings(self, idx: list[int] | None = None) -> np.ndarray | None:
        """Unit-length static sentence embeddings (WordLlama), or None when it is unavailable.

        Computed on demand: only the sentences in ``idx`` (all when None) are embedded now; rows of
        sentences not embedded yet are zero.
        """
        if not self.sentences:
            return None
        model = _wordllama()
        if model is None:
            return None
        if self._emb is None or self._embedded is None:
            self._emb = np.zeros((len(self.sentences), 256), dtype=np.float32)
            self._embedded = np.zeros(len(self.sentences), dtype=bool)
        wanted = range(len(self.sentences)) if idx is None else idx
        todo = sorted({i for i in wanted if not self._embedded[i]})
        if todo:
            vecs = _embed(model, [self.sentences[i].text for i in todo])
            if vecs.shape[1] != self._emb.shape[1]:
                self._emb = np.zeros((len(self.sentences), vecs.shape[1]), dtype=np.float32)
                self._embedded[:] = False
            self._emb[todo] = vecs
            self._embedded[todo] = True
        return self._emb

    def opening_echo(self, idx: list[int]) -> np.ndarray:
        """How strongly each sentence echoes what the articles open with: for every document, the
        best TF-IDF similarity to one of its first two sentences, averaged over the documents.
        The story's news is in most openings; background ("built in 1961") is in few."""
        opening: dict[int, list[int]] = {}
        for i, s in enumerate(self.sentences):
            if s.position < 2:
                opening.setdefault(s.doc, []).append(i)
        echo = np.zeros(len(idx))
        if not opening or not idx:
            return echo
        flat = [i for ids in opening.values() for i in ids]
        sims = self.similarity_matrix(idx, flat)
        col = 0
        for ids in opening.values():
            echo += sims[:, col : col + len(ids)].max(axis=1)
            col += len(ids)
        return echo / len(opening)

    def _containment(self, rows: list[int], cols: list[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """IDF weight shared by each pair, the rows' and the cols' total IDF weight, shared word count."""
        dense = self._bag_dense()
        if dense is not None:
            bag, weighted, totals = dense
            a, b = _take(bag, rows), _take(bag, cols)
            if b is a:  # two buffers, as m[idx] gives: a matrix times its own transpose takes BLAS's syrk path
                b = b.copy()
            return _take(weighted, rows) @ b.T, totals, a @ b.T
        bag_s = self.content_matrix()
        weighted_s = bag_s @ sparse.diags(self._idf())
        shared_w = weighted_s[rows] @ bag_s[cols].T
        shared_n = bag_s[rows] @ bag_s[cols].T
        return _dense(shared_w), self._totals(), _dense(shared_n)

    _totals_cache: np.ndarray | None = None

    def _totals(self) -> np.ndarray:
        """Each sentence's total IDF weight over its content stems (summed as scipy sums the rows of
        ``content_matrix() @ diags(idf)``: pairwise, over the columns in descending order)."""
        if self._totals_cache is None:
            rows, cols, ptr, _ = self._bag_parts()
            totals = np.zeros(len(self.content))
            if len(cols):
                desc = ptr[rows] + ptr[rows + 1] - 1 - np.arange(len(cols))
                nonempty = np.flatnonzero(np.diff(ptr))
                totals[nonempty] = np.add.reduceat(self._idf()[cols[desc]], ptr[nonempty])
            self._totals_cache = totals
        return self._totals_cache

    _bag_dense_cache: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    def _bag_dense(self) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        """Small clusters only: the content matrix as a dense array (the TF-IDF entries' pattern: the same
        content stems, in the TF-IDF's column order), its IDF-weighted version and each sentence's total
        IDF weight. Its products round as BLAS sums (the sparse path's sums may differ in the last bit)."""
        if self._bag_dense_cache is None:
            _, indices, indptr, (n, width) = self.tfidf_parts
            if n * width > DENSE_CELLS:
                return None
            d = np.zeros((n, width))
            d[np.repeat(np.arange(n), np.diff(indptr)), indices] = 1.0
            weighted = d * np.log((n + 1) / (np.add.reduce(d, axis=0) + 0.5))  # (as _idf: document frequency by sentence)
            self._bag_dense_cache = (d, weighted, np.add.reduce(weighted, axis=1))
        return self._bag_dense_cache

    _sizes_cache: np.ndarray | None = None

    def content_sizes(self) -> np.ndarray:
        """Content stems per sentence (cached)."""
        if self._sizes_cache is None:
            self._sizes_cache = np.array([len(c) for c in self.content], dtype=float)
        return self._sizes_cache

    def same_fact(self, rows: list[int], cols: list[int] | None = None) -> np.ndarray:
        """Symmetric: do the sentence pairs report the same fact (one contains the other's)?"""
        cols = rows if cols is None else cols
        out = self.similarity_matrix(rows, cols) >= SAME_COSINE
        shared_w, totals, shared_n = self._containment(rows, cols)
        smaller = np.maximum(np.minimum.outer(totals[rows], totals[cols]), 1e-9)
        out |= (shared_w >= SAME_CONTAINMENT * smaller) & (shared_n >= SAME_SHARED)
        out |= self._same_quantity(rows, cols, shared_w >= SAME_NUMBER_CONTAINMENT * smaller, shared_n, decided=out)
        out |= self._same_figures(rows, cols, shared_n, decided=out)
        return np.asarray(out | self._embedding_match(rows, cols, shared_n, decided=out), dtype=bool)

    _figures_cache: dict[int, frozenset[str]] | None = None

    def figures(self, i: int) -> frozenset[str]:
        """``distinctive_figures`` of sentence ``i`` (cached)."""
        if self._figures_cache is None:
            self._figures_cache = {}
        got = self._figures_cache.get(i)
        if got is None:
            got = self._figures_cache[i] = distinctive_figures(self.sentences[i].text)
        return got

    def _rich_figures(self, i: int) -> frozenset[str]:
        """``figures(i)`` when it may hold SAME_FIGURES figures or more, else nothing: two figures are two runs of digits
        apart (_FIGURE starts no figure right after a digit), and a sentence without them (most: "in 2019", "10 people",
        none) is not read for its figures."""
        if (SAME_FIGURES >= 2 and i not in (self._figures_cache or ())
                and _TWO_DIGIT_RUNS.search(self.sentences[i].text) is None):
            return frozenset()
        return self.figures(i)

    def _same_figures(self, rows: list[int], cols: list[int], shared_n: np.ndarray, decided: np.ndarray) -> np.ndarray:
        """Of the pairs with SAME_SHARED shared words and not ``decided`` already, those whose sentences give
        SAME_FIGURES distinctive figures in common (two sentences of one sentence's figures are one fact)."""
        out = np.zeros(decided.shape, dtype=bool)
        row_figs = [self._rich_figures(i) for i in rows]
        if sum(len(f) >= SAME_FIGURES for f in row_figs) == 0:
            return out
        col_figs = row_figs if cols is rows else [self._rich_figures(j) for j in cols]
        rich_rows = [a for a, f in enumerate(row_figs) if len(f) >= SAME_FIGURES]
        rich_cols = [b for b, f in enumerate(col_figs) if len(f) >= SAME_FIGURES]
        for a in rich_rows:
            for b in rich_cols:
                if rows[a] == cols[b] or decided[a, b] or shared_n[a, b] < SAME_SHARED:
                    continue
                fa, fb = row_figs[a], col_figs[b]
                shared = len(fa & fb)
                if shared >= SAME_FIGURES and 2 * shared > min(len(fa), len(fb)) and not (fa < fb or fb < fa) and (
                        _figure_order(self.sentences[rows[a]].text, fa & fb)
                        == _figure_order(self.sentences[cols[b]].text, fa & fb)):
                    out[a, b] = True
        return out

    def _same_quantity(
        self, rows: list[int], cols: list[int], near: np.ndarray, shared_n: np.ndarray, decided: np.ndarray
    ) -> np.ndarray:
        """Of the pairs ``near`` enough (SAME_NUMBER_CONTAINMENT) with SAME_SHARED shared words and not
        ``decided`` already, those whose sentences share a number-and-unit concept (``_is_quantity``)."""
        out = np.zeros(near.shape, dtype=bool)
        for a, b in zip(*np.nonzero(near & (shared_n >= SAME_SHARED) & ~decided), strict=True):
            shared = self.concepts[rows[a]] & self.concepts[cols[b]]
            out[a, b] = any(_is_quantity(c) for c in shared) or (
                any(_is_duration(c) for c in shared) and not (self._tells_age(rows[a]) or self._tells_age(cols[b])))
        return out

    def _tells_age(self, i: int) -> bool:
        """Whether sentence ``i`` gives someone's age in months or years ("a 6-month-old", "four months old") or a
        time so long ago ("25 years ago")."""
        return _AGE_RE.search(self.sentences[i].text) is not None

    def _embedding_match(
        self,
        rows: list[int],
        cols: list[int],
        shared_n: np.ndarray,
        directional: bool = False,
        decided: np.ndarray | None = None,
    ) -> np.ndarray:
        # Only pairs that share enough words can match, and pairs already ``decided`` (true by the
        # lexical tests) need no embedding: embed just the sentences of the other candidate pairs.
        # A sentence's embedding does not depend on which others are embedded with it.
        sizes = self.content_sizes()
        if directional:  # most of the row sentence's words, not just of the shorter one
            smaller = np.repeat(sizes[rows][:, None], len(cols), axis=1) * (REPORT_EMB_SHARE / SAME_EMB_CONTAINMENT)
        else:
            smaller = np.minimum.outer(sizes[rows], sizes[cols])
        maybe = (shared_n >= SAME_EMB_SHARED) & (shared_n >= SAME_EMB_CONTAINMENT * smaller)
        if decided is not None:
            maybe &= ~decided
        if not maybe.any():
            return np.zeros((len(rows), len(cols)), dtype=bool)
        need = {rows[a] for a in np.nonzero(maybe.any(axis=1))[0]} | {cols[b] for b in np.nonzero(maybe.any(axis=0))[0]}
        emb = self.embeddings(sorted(need))
        if emb is None:
            return np.zeros((len(rows), len(cols)), dtype=bool)
        close = (emb[rows] @ emb[cols].T) >= SAME_EMBEDDING
        return np.asarray(close & maybe, dtype=bool)

    def reports(self, rows: list[int], cols: list[int]) -> np.ndarray:
        """Directional: does sentence ``cols[j]`` report the fact of sentence ``rows[i]``?

        Most of the row sentence's distinctive words must be in the column sentence: a short
        sentence that is close to a long one reports only part of it ("Trump said he had total
        confidence in Sessions" does not report "Sessions announced his recusal hours after
        Trump said he had total confidence in him").
        """
        shared_w, totals, shared_n = self._containment(rows, cols)
        share = shared_w / np.maximum(totals[rows][:, None], 1e-9)
        close = self.similarity_matrix(rows, cols) >= SAME_COSINE
        out = (share >= SAME_CONTAINMENT) & (shared_n >= SAME_SHARED)
        out |= close & (share >= REPORT_CLOSE_SHARE)
        out |= self._same_quantity(rows, cols, share >= SAME_NUMBER_CONTAINMENT, shared_n, decided=out)
        out |= self._embedding_match(rows, cols, shared_n, directional=True, decided=out)
        return np.asarray(out | self._reworded(rows, cols, share, shared_n, decided=out), dtype=bool)

    def _reworded(
        self, rows: list[int], cols: list[int], share: np.ndarray, shared_n: np.ndarray, decided: np.ndarray
    ) -> np.ndarray:
        """Of the pairs not ``decided`` whose column sentence holds REPORT_EMB_WEIGHT of the row sentence's
        IDF weight in SAME_EMB_SHARED shared words and has REPORT_EMB_LENGTH of its content words, those
        with an embedding cosine >= REPORT_EMB_COSINE."""
        sizes = self.content_sizes()
        long_enough = sizes[cols][None, :] >= REPORT_EMB_LENGTH * sizes[rows][:, None]
        maybe = (share >= REPORT_EMB_WEIGHT) & (shared_n >= SAME_EMB_SHARED) & long_enough & ~decided
        if not maybe.any():
            return np.zeros(maybe.shape, dtype=bool)
        if decided.any():
            # a document one of whose sentences already reports the row's fact needs no embedding for it: which
            # documents report a fact stays the same (a cluster of 1,000 copies embedded thousands of sentences)
            col_doc = np.fromiter((self.sentences[c].doc for c in cols), dtype=np.int64, count=len(cols))
            for a in np.nonzero(maybe.any(axis=1) & decided.any(axis=1))[0]:
                maybe[a] &= ~np.isin(col_doc, col_doc[decided[a]])
            if not maybe.any():
                return np.zeros(maybe.shape, dtype=bool)
        need = {rows[a] for a in np.nonzero(maybe.any(axis=1))[0]} | {cols[b] for b in np.nonzero(maybe.any(axis=0))[0]}
        emb = self.embeddings(sorted(need))
        if emb is None:
            return np.zeros(maybe.shape, dtype=bool)
        return np.asarray(maybe & ((emb[rows] @ emb[cols].T) >= REPORT_EMB_COSINE), dtype=bool)

    _idf_cache: np.ndarray | None = None

    def _idf(self) -> np.ndarray:
        if self._idf_cache is None:
            _, cols, _, width = self._bag_parts()
            df = np.bincount(cols, minlength=width).astype(float)
            self._idf_cache = np.log((len(self.content) + 1) / (df + 0.5))
        return self._idf_cache

    _parts: tuple[np.ndarray, np.ndarray, np.ndarray, int] | None = None

    def _bag_parts(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
        """The content matrix's nonzeros: row and column of each (row by row, columns ascending),
        row pointers, and the number of columns."""
        if self._parts is None:
            # Columns numbered by first appearance, sentence by sentence, each sentence's stems in
            # sorted order. The TF-IDF columns are the same stems in sorted order, stored descending
            # in each row: reversed, a row lists its stems in sorted order.
            _, indices, indptr, _ = self.tfidf_parts
            p = indptr.astype(np.int64)
            rows = np.repeat(np.arange(len(self.content)), np.diff(p))
            stems = indices[p[rows] + p[rows + 1] - 1 - np.arange(len(indices))]
            seen, first = _unique(stems, "index")
            number = np.empty(int(seen[-1]) + 1 if len(seen) else 0, dtype=np.int64)
            number[seen[np.argsort(first)]] = np.arange(len(seen))
            width = max(len(seen), 1)
            cols = np.sort(rows * width + number[stems]) - rows * width  # ascending within each row
            self._parts = (rows, cols, p, width)
        return self._parts

    _bag: sparse.csr_matrix | None = None

    def content_matrix(self) -> sparse.csr_matrix:
        """Binary sentence x content-stem matrix."""
        if self._bag is None:
            rows, cols, _, width = self._bag_parts()
            self._bag = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(self.content), width))
        return self._bag

    _dense: np.ndarray | None = None

    def _rows(self, idx: list[int]) -> np.ndarray | sparse.csr_matrix:
        # Small clusters: a dense copy makes each product a plain BLAS call instead of
        # scipy.sparse's per-call overhead (tens of microseconds, dominant below ~100 sentences).
        dense = self.dense_tfidf()
        return _take(dense, idx) if dense is not None else self.tfidf[idx]

    def dense_tfidf(self) -> np.ndarray | None:
        """``tfidf`` as a dense array, for clusters small enough (else None)."""
        data, indices, indptr, (n, width) = self.tfidf_parts
        if self._dense is None and n * width <= DENSE_CELLS:
            dense = np.zeros((n, width))
            dense[np.repeat(np.arange(n), np.diff(indptr)), indices] = data  # (one entry per cell, as toarray() fills it)
            self._dense = dense
        return self._dense

    def similarity(self, i: int, j: int) -> float:
        return float(self.similarity_matrix([i], [j])[0, 0])

    def similarity_matrix(self, rows: list[int], cols: list[int] | None = None) -> np.ndarray:
        a = self._rows(rows)
        b = a if cols is None else self._rows(cols)
        if cols is not None and b is a:  # two buffers, as m[idx] gives (see _containment)
            b = b.copy()
        out = a @ b.T
        return np.asarray(out.todense()) if sparse.issparse(out) else np.asarray(out)




_ASCII_LOWER_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")  # _WORD on lower-case ASCII text


def _lower_words(text: str) -> list[str]:
    """``_WORD.findall(text)`` for lower-cased ``text`` (a cheaper character class when it is ASCII)."""
    return (_ASCII_LOWER_WORD if text.isascii() else _WORD).findall(text)


def represent(sentences: list[Sentence], n_docs: int) -> Representation:
    cached = _STEM_CACHE.get
    stems: list[list[str]] = []
    for s in sentences:
        ws = _lower_words(s.text.lower().replace("’", "'"))
        got = list(map(cached, ws))
        if None in got:  # (words not stemmed before)
            stems.append([x if x is not None else stem(w) for x, w in zip(got, ws, strict=True)])
        else:
            stems.append(cast("list[str]", got))
    doc_lengths = [0] * n_docs
    for s in sentences:
        doc_lengths[s.doc] = max(doc_lengths[s.doc], s.position + 1)
    # the tokens as numbers: each stem's index among the cluster's distinct stems, and its sentence
    n_sent = len(sentences)
    flat = list(chain.from_iterable(stems))
    words = list(dict.fromkeys(flat))
    content_words = {w for w in words if w not in STOP_WORDS and len(w) > 1}
    content = [content_words.intersection(st) for st in stems]  # (a set each, as {w for w in st if ...})
    word_id = dict(zip(words, range(len(words)), strict=True))
    tokens = np.fromiter(map(word_id.__getitem__, flat), dtype=np.int64, count=len(flat))
    token_row = np.repeat(np.arange(n_sent, dtype=np.int64), [len(st) for st in stems])
    columns = sorted(content_words)
    vocab = dict(zip(columns, range(len(columns)), strict=True))
    word_col = np.fromiter(map(vocab.get, words, repeat(-1)), dtype=np.int64, count=len(words))
    index = _concept_index(words, word_col, tokens, token_row)
    named = iter([index.names[k] for k in index.mention_concept.tolist()])  # (mentions come by sentence)
    concepts = [set(islice(named, k)) for k in np.bincount(index.mention_sentence, minlength=n_sent).tolist()]
    # TF-IDF with sentence-level document frequency, over the content stems in sorted order (the
    # same columns whatever PYTHONHASHSEED). Built directly in CSR form, with the values, row norms
    # (summed in column order) and storage order (columns descending within a row) that
    # `diags(1 / norms) @ csr_matrix((vals, (rows, cols)))` gives, at a fraction of scipy.sparse's
    # per-operation cost; the (sentence, column) pairs are counted over all tokens at once.
    width = max(len(columns), 1)
    token_col = word_col[tokens]
    content_token = token_col >= 0
    # one key per (sentence, column), ascending by sentence and then by column descending
    keys, tf = _unique(token_row[content_token] * width + (width - 1 - token_col[content_token]), "counts")
    rows, cols = keys // width, width - 1 - keys % width
    df = np.bincount(cols, minlength=len(columns)).tolist()
    n = max(n_sent, 1)
    idf_of = {f: math.log(1 + n / f) for f in set(df)}  # (few distinct frequencies)
    idf = np.array([idf_of[f] for f in df], dtype=np.float64)
    log_tf = np.array([0.0] + [1 + math.log(k) for k in range(1, int(tf.max(initial=0)) + 1)])
    vals = log_tf[tf] * idf[cols]
    ptr = np.zeros(n_sent + 1, dtype=np.int32)
    np.cumsum(np.bincount(rows, minlength=n_sent), out=ptr[1:])
    counts = np.diff(ptr)
    norms = np.zeros(len(sentences))
    nonempty = np.flatnonzero(counts)
    if len(nonempty):
        # the squares in ascending column order, reduced per row as scipy's csr sum(axis=1) does
        row_of = np.repeat(np.arange(len(sentences)), counts)
        asc = ptr[row_of] + ptr[row_of + 1] - 1 - np.arange(len(vals))
        sq = vals[asc] * vals[asc]
        norms[nonempty] = np.add.reduceat(sq, ptr[nonempty])
        vals = (1.0 / np.where(norms == 0, 1.0, np.sqrt(norms)))[row_of] * vals
    parts = (vals, cols.astype(np.int32), ptr, (n_sent, width))
    return Representation(sentences, stems, content, concepts, parts, n_docs, doc_lengths, index)


def _concept_index(words: list[str], word_col: np.ndarray, tokens: np.ndarray, token_row: np.ndarray) -> ConceptIndex:
    """Concepts (Gillick and Favre's bigrams): two stems next to each other in a sentence, both
    alphanumeric and not both stop words; numbered over the whole cluster at once."""
    n_words = len(words)
    stop = np.fromiter(map(STOP_WORDS.__contains__, words), dtype=bool, count=n_words)
    alnum = np.fromiter(map(str.isalnum, words), dtype=bool, count=n_words)
    a, b = tokens[:-1], tokens[1:]
    pair = (token_row[:-1] == token_row[1:]) & ~(stop[a] & stop[b]) & alnum[a] & alnum[b]
    span = n_words * n_words
    # distinct (sentence, concept) mentions, ascending by sentence: one key each
    mentions = _unique(token_row[:-1][pair] * span + a[pair] * n_words + b[pair])
    codes, mention_concept = _unique(mentions % span, "inverse")
    first, second = codes // n_words, codes % n_words
    at = words.__getitem__
    names = list(map(" ".join, zip(map(at, first.tolist()), map(at, second.tolist()), strict=True)))
    return ConceptIndex(names, words, stop, word_col, first, second, mentions // max(span, 1), mention_concept.ravel())
