"""Sentence salience: a small linear model over cheap features of each sentence.

The model predicts the share of a sentence's words that a human brief would
also use (unigram and bigram precision against the reference). It is trained
by ``scripts/train_salience.py`` on Multi-News validation clusters 1000-5621
only (never on the first 1,000, which BENCHMARKS.md reports), with ridge
regression; the coefficients ship in ``newsfuse/data/salience.json``.
Selection multiplies the prediction by the sentence's length, so the program
maximises the expected overlap of the whole brief.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from importlib import resources
from itertools import repeat
from typing import cast

import numpy as np

from newsfuse.represent import Representation

FEATURES = (
    "bias",
    "lead",            # 2^(-position/3)
    "first",           # first sentence of its document
    "relpos",          # position / sentences in document
    "log_words",
    "short",           # under 10 words
    "long",            # over 35 words
    "concept_density", # concept weight per word, relative to the cluster's best sentence
    "concept_share",   # concept weight relative to the cluster's best sentence
    "centroid",        # TF-IDF cosine with the cluster centroid
    "support",         # best TF-IDF cosine with a sentence of another document
    "first_sim",       # best TF-IDF cosine with a document's first sentence
    "quote",           # contains a quotation mark
    "digits",          # contains a number
    "dangling",        # opens with a pronoun or connective
    "log_docs",        # documents in the cluster
    "content_ratio",   # content words / words
    "lexrank",         # LexRank centrality (power iteration on cosine > 0.1), relative to the best
    "doc_lexrank",     # centrality of the sentence's own document within the cluster
    "word_prior",      # mean P(word in brief | word in articles) over its content words
    "concept_p",       # mean learned concept probability over its concepts
)


# ``a.max()`` of an array is this reduction (and ``a.sum()`` is ``np.add.reduce``), behind a Python
# wrapper that costs more than the reduction itself on a small cluster's arrays
_largest = np.maximum.reduce


def _centrality(sims: np.ndarray, threshold: float = 0.1, iters: int = 30) -> np.ndarray:
    n = sims.shape[0]
    adj = (sims > threshold).astype(float)
    deg = np.add.reduce(adj, axis=1, keepdims=True)
    deg[deg == 0] = 1.0
    m = 0.15 / n + 0.85 * adj / deg
    # Power iteration, stopped after the first step that moves the scores by less than 1e-6 (summed):
    # all ``iters`` steps are taken, each into a row of its own, and the stopping step is found among them
    # at once (the same products as step by step; most clusters take 20 steps or more, many all of them).
    mt = m.T
    steps = np.empty((iters + 1, n))
    steps[0] = 1.0 / n
    for k in range(iters):
        np.matmul(mt, steps[k], out=steps[k + 1])
    done = np.flatnonzero(np.add.reduce(np.abs(steps[1:] - steps[:-1]), axis=1) < 1e-6)
    p: np.ndarray = steps[int(done[0]) + 1] if len(done) else steps[iters]
    return p / (_largest(p) or 1.0)


DENSE_LIMIT = 2000  # sentences up to which pairwise similarities are computed exactly


def sentence_features(rep: Representation, weights: dict[str, float]) -> np.ndarray:
    """One row of FEATURES per sentence of ``rep``."""
    n = len(rep.sentences)
    x = np.zeros((n, len(FEATURES)))
    if n == 0:
        return x
    nwords = np.array([max(w, 1) for w in rep.word_counts()], dtype=float)
    cw = np.array(rep.concept_sums(weights))
    dens = cw / nwords
    dense = rep.dense_tfidf()
    if dense is not None:
        # as scipy.sparse sums: the centroid over the rows in order; each row's dot product
        # sequentially over its stored entries (columns descending)
        centroid = np.add.reduce(dense, axis=0)
        norm = np.linalg.norm(centroid) or 1.0
        cen = np.add.reduce(np.ascontiguousarray((dense * (centroid / norm)).T[::-1]), axis=0)
    else:
        centroid = np.asarray(rep.tfidf.sum(axis=0)).ravel()
        norm = np.linalg.norm(centroid) or 1.0
        cen = np.asarray(rep.tfidf @ (centroid / norm)).ravel()
    docs = np.array([s.doc for s in rep.sentences])
    pos = np.array([s.position for s in rep.sentences], dtype=float)
    firsts = pos == 0
    if n <= DENSE_LIMIT:
        sims = rep.similarity_matrix(list(range(n)))
        lex = _centrality(sims)
        np.fill_diagonal(sims, 0.0)
        support = _largest(np.where(docs[:, None] != docs[None, :], sims, 0.0), axis=1)
        first_sim = _largest(sims[:, firsts], axis=1) if firsts.any() else np.zeros(n)
    else:
        # Long inputs (a 5 MB article has ~40,000 sentences): no n x n matrix; compare each
        # sentence with the centroid of the other documents and of the first sentences instead.
        lex = cen / (cen.max() or 1.0)
        from scipy import sparse

        ind = sparse.csr_matrix((np.ones(n), (docs, np.arange(n))), shape=(rep.n_docs, n))
        per_doc = (ind @ rep.tfidf).tocsr()
        total = np.asarray(per_doc.sum(axis=0)).ravel()
        to_total = np.asarray(rep.tfidf @ total).ravel()
        support = np.zeros(n)
        for d in np.unique(docs):
            rows = np.nonzero(docs == d)[0]
            own = per_doc[int(d)]
            to_own = np.asarray((rep.tfidf[rows] @ own.T).todense()).ravel()
            own_sq = float(own.multiply(own).sum())
            rest_norm = math.sqrt(max(float(total @ total) - 2 * float((own @ total)[0]) + own_sq, 1e-12))
            support[rows] = (to_total[rows] - to_own) / rest_norm
        lead_vec = np.asarray(rep.tfidf[np.nonzero(firsts)[0]].sum(axis=0)).ravel()
        first_sim = np.asarray(rep.tfidf @ (lead_vec / (np.linalg.norm(lead_vec) or 1.0))).ravel()
    present = set(docs.tolist())
    n_docs = len(present)
    doc_lex = np.zeros(rep.n_docs)
    for d in present:
        own = lex[docs == d]
        doc_lex[d] = np.add.reduce(own) / len(own)  # (the mean, as .mean() computes it, without its Python wrapper)
    doc_lex = doc_lex / (_largest(doc_lex) or 1.0)
    prior, default = word_prior()
    sents = rep.sentences
    texts = [s.text for s in sents]
    x[:, 0] = 1.0
    x[:, 1] = [_lead(s.position) for s in sents]
    x[:, 2] = pos == 0
    x[:, 3] = pos / np.array([max(rep.doc_lengths[s.doc], 1) for s in sents], dtype=float)
    x[:, 4] = [math.log(w) for w in nwords.tolist()]
    x[:, 5] = nwords < 10
    x[:, 6] = nwords > 35
    x[:, 7] = dens / (_largest(dens) or 1.0)
    x[:, 8] = cw / (_largest(cw) or 1.0)
    x[:, 9] = cen
    x[:, 10] = support
    x[:, 11] = first_sim
    x[:, 12] = ['"' in t or "“" in t or "”" in t for t in texts]
    x[:, 13] = [_has_digit(t) for t in texts]
    x[:, 14] = rep.dangling()
    x[:, 15] = math.log(n_docs)
    x[:, 16] = rep.content_sizes() / nwords
    x[:, 17] = lex
    x[:, 18] = doc_lex[docs]
    x[:, 19] = [math.fsum(map(prior.get, c, repeat(default))) / max(len(c), 1) for c in rep.content]
    x[:, 20] = cw / np.maximum(np.bincount(rep.concept_index.mention_sentence, minlength=n), 1)
    return x


_ASCII_DIGIT = re.compile(r"[0-9]")


def _has_digit(text: str) -> bool:
    """``any(map(str.isdigit, text))``, fast for ASCII text."""
    if text.isascii():
        return _ASCII_DIGIT.search(text) is not None
    return any(map(str.isdigit, text))


@lru_cache(maxsize=256)
def _lead(position: int) -> float:
    return float(2.0 ** (-position / 3.0))


def _coefficients(name: str, features: tuple[str, ...]) -> np.ndarray | None:
    """A shipped model's coefficients, or None when it is missing or was trained on other features."""
    try:
        raw = resources.files("newsfuse").joinpath(f"data/{name}").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return None
    data = json.loads(raw)
    k = len(features)
    if tuple(data["features"]) != features or len(data["coef"]) != k + k * (k - 1) // 2:
        return None  # (a quadratic model over these features: see expand)
    return np.array(data["coef"], dtype=float)


@lru_cache(maxsize=1)
def model() -> np.ndarray | None:
    return _coefficients("salience.json", FEATURES)


@lru_cache(maxsize=4)
def _pairs(width: int) -> tuple[np.ndarray, np.ndarray]:
    return np.triu_indices(width)


def expand(x: np.ndarray) -> np.ndarray:
    """Features plus their pairwise products (a quadratic model, still a dot product at run time)."""
    a, b = _pairs(x.shape[1] - 1)
    out = np.empty((x.shape[0], x.shape[1] + len(a)))
    out[:, : x.shape[1]] = x
    # (on the transpose: a feature's values are one contiguous row there, so gathering the
    # pairs copies whole rows; the same products, written into the C-ordered result)
    body = x[:, 1:].T
    np.multiply(body[a], body[b], out=out[:, x.shape[1] :].T)
    return out


@lru_cache(maxsize=4)
def _quadratic(name: str) -> tuple[np.ndarray, np.ndarray] | None:
    """A shipped quadratic model (``expand``) as its linear coefficients and an upper-triangular matrix ``q``
    of the pairwise ones: ``expand(x) @ coef == x @ linear + ((x[:, 1:] @ q) * x[:, 1:]).sum(axis=1)``, up to
    rounding, without building the expanded rows."""
    coef = model() if name == "salience" else concept_model()
    if coef is None:
        return None
    k = int((math.isqrt(8 * len(coef) + 1) - 1) // 2)  # len(coef) == k + k * (k - 1) / 2
    a, b = _pairs(k - 1)
    q = np.zeros((k - 1, k - 1))
    q[a, b] = coef[k:]
    return coef[:k].copy(), q


def _predict(x: np.ndarray, name: str) -> np.ndarray:
    """``expand(x) @ coef`` of the model ``name`` (see _quadratic)."""
    linear, q = cast("tuple[np.ndarray, np.ndarray]", _quadratic(name))
    body = x[:, 1:]
    out: np.ndarray = x @ linear + np.add.reduce((body @ q) * body, axis=1)
    return out


def salience(rep: Representation, weights: dict[str, float]) -> np.ndarray:
    """Predicted reference-overlap share per sentence (0 when no model ships)."""
    coef = model()
    if coef is None:
        return np.zeros(len(rep.sentences))
    return np.asarray(np.clip(_predict(sentence_features(rep, weights), "salience"), 0.0, 1.0), dtype=float)


# --- learned concept weights ---------------------------------------------------------------
# P(concept appears in a human brief), from a logistic regression on cheap statistics of the
# concept in its cluster and their pairwise products (Hong and Nenkova 2014; Li et al. 2013 learn
# bigram weights the same way; the products let, say, spread across documents count for more in
# large clusters). Trained by scripts/train_salience.py on Multi-News validation clusters 1000-5621.

CONCEPT_FEATURES = (
    "bias",
    "df_share",       # documents containing it / documents
    "log_df",
    "log_tf",         # mentions in the cluster
    "early",          # best 2^(-position/3) over its mentions
    "in_first",       # appears in some document's first sentence
    "mean_early",     # mean 2^(-position/3) over its mentions
    "stop_part",      # one of its two words is a stop word
    "digit",
    "unigram_df",     # mean document share of its two words
    "log_docs",
    "word_prior",     # mean over its two words of P(word in brief | word in articles), from training data
    "word_prior_min",
)


@lru_cache(maxsize=1)
def word_prior() -> tuple[dict[str, float], float]:
    """P(stem appears in the human brief | it appears in the articles), smoothed; and the default."""
    try:
        raw = resources.files("newsfuse").joinpath("data/word_prior.json").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return {}, 0.0
    data = json.loads(raw)
    return data["prior"], float(data["default"])


def concept_features(rep: Representation, doc_groups: list[int]) -> tuple[list[str], np.ndarray]:
    """One row of CONCEPT_FEATURES per distinct concept of the cluster (vectorised over mentions)."""
    names, x, _ = _concept_table(rep, doc_groups)
    return names, x


def _concept_table(rep: Representation, doc_groups: list[int]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """``concept_features`` and, per concept, the number of distinct document groups it appears in."""
    n_groups = max(len(set(doc_groups)), 1)
    index = rep.concept_index
    names = index.names
    m = len(names)
    if m == 0:
        return names, np.zeros((0, len(CONCEPT_FEATURES))), np.zeros(0)
    pos = np.array([s.position for s in rep.sentences], dtype=float)
    grp = np.array([doc_groups[s.doc] for s in rep.sentences])
    oc, os_ = index.mention_concept, index.mention_sentence  # (each concept's mentions in sentence order)
    e = 2.0 ** (-pos[os_] / 3.0)
    tf = np.bincount(oc, minlength=m).astype(float)
    early = np.zeros(m)
    np.maximum.at(early, oc, e)
    early_sum = np.bincount(oc, weights=e, minlength=m)
    first = np.zeros(m)
    first[oc[pos[os_] == 0]] = 1.0
    n_grp = int(grp.max()) + 1
    if n_grp <= 64:  # distinct groups per concept: a small boolean table beats sorting
        seen = np.zeros((m, n_grp), dtype=bool)
        seen[oc, grp[os_]] = True
        df = seen.sum(axis=1).astype(float)
    else:
        pairs = np.unique(oc * n_grp + grp[os_])
        df = np.bincount(pairs // n_grp, minlength=m).astype(float)
    # documents (groups) per content word: the distinct (group, column) pairs of the TF-IDF entries
    _, cols, indptr, (_, width) = rep.tfidf_parts
    if n_grp <= 64:
        in_group = np.zeros((n_grp, width), dtype=bool)
        in_group[np.repeat(grp, np.diff(indptr)), cols] = True
        groups_of_column = np.add.reduce(in_group, axis=0, dtype=np.int64)
    else:
        entries = np.unique(np.repeat(grp, np.diff(indptr)) * width + cols)
        groups_of_column = np.bincount(entries % width, minlength=width)
    prior, default = word_prior()
    # per distinct word, then gathered per concept
    ia, ib = index.first, index.second
    wlist = index.words
    wdocs = np.where(index.column >= 0, groups_of_column[index.column], 0) / n_groups
    wprior = np.fromiter(map(prior.get, wlist, repeat(default)), dtype=float, count=len(wlist))
    wstop = index.stop
    wdigit = np.zeros(len(wlist), dtype=bool)
    for k in np.flatnonzero(~np.fromiter(map(str.isalpha, wlist), dtype=bool, count=len(wlist))).tolist():
        wdigit[k] = any(map(str.isdigit, wlist[k]))
    ua, ub = wdocs[ia], wdocs[ib]
    pa, pb = wprior[ia], wprior[ib]
    x = np.empty((m, len(CONCEPT_FEATURES)))
    x[:, 0] = 1.0
    x[:, 1] = df / n_groups
    x[:, 2] = np.log(df)
    x[:, 3] = np.log(tf)
    x[:, 4] = early
    x[:, 5] = first
    x[:, 6] = early_sum / tf
    x[:, 7] = wstop[ia] | wstop[ib]
    x[:, 8] = wdigit[ia] | wdigit[ib]
    x[:, 9] = (ua + ub) / 2
    x[:, 10] = math.log(n_groups)
    x[:, 11] = (pa + pb) / 2
    x[:, 12] = np.minimum(pa, pb)
    return names, x, df


@lru_cache(maxsize=1)
def concept_model() -> np.ndarray | None:
    return _coefficients("concepts.json", CONCEPT_FEATURES)


def learned_concept_weights(
    rep: Representation, doc_groups: list[int], min_df: int = 1, min_p: float = 0.0, scale: float = 1.0
) -> dict[str, float] | None:
    """P(concept in a human brief), times ``scale``, for each concept found in at least ``min_df`` document
    groups with a probability of ``min_p`` or more (None when no model ships)."""
    coef = concept_model()
    if coef is None:
        return None
    names, x, df = _concept_table(rep, doc_groups)
    if not names:
        return {}
    p = 1.0 / (1.0 + np.exp(-_predict(x, "concepts")))
    keep = np.flatnonzero((df >= min_df) & (p >= min_p)).tolist()  # (most concepts are left out: filtered first)
    return dict(zip([names[k] for k in keep], (scale * p[keep]).tolist(), strict=True))
