"""Summarizers compared by ``newsfuse eval``: newsfuse itself, lead, sumy's LexRank/TextRank/LSA, an oracle.

Every method is ``fn(documents, budget, *, sentences=None, references=(), splitter="punkt", unit="words")
-> list[str]``: the cluster's document texts and a budget in (``budget`` words, or bytes with ``unit="bytes"``),
the summary's sentences out. ``sentences`` are the
documents already split (one list per document) so that a cluster is split once for all peers; when it
is missing the method splits with ``splitter``. Peers all use the same splitter, and they pick sentences
the same way: in their score order until the budget is reached, then back in document order. The harness
truncates every summary to the budget afterwards, identically for all methods (``truncate`` for words,
``truncate_bytes`` for bytes, both as Perl ROUGE-1.5.5 ``-l`` / ``-b`` cut).

Bytes are counted as ROUGE-1.5.5 ``-b`` counts them: the UTF-8 bytes of each sentence as it is written to
ROUGE's one-sentence-per-line files (whitespace runs collapsed to one space, ends stripped), summed over
sentences *without* the spaces that join them (see ``truncate_bytes``).
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any, Literal, Protocol

Splitter = Callable[[str], list[str]]
Unit = Literal["words", "bytes"]
UNITS: tuple[Unit, ...] = ("words", "bytes")


class Method(Protocol):
    def __call__(self, documents: Sequence[str], budget: int, *, sentences: list[list[str]] | None = None,
                 references: Sequence[str] = (), splitter: str = "punkt", unit: Unit = "words") -> list[str]: ...


# --- sentence splitting --------------------------------------------------------------------------------

_LINES = re.compile(r"[^\n]+")


def _punkt_split(text: str) -> list[str]:
    from newsfuse.split import split_text

    return split_text(text)


@lru_cache(maxsize=1)
def _pysbd_segmenter() -> Any:
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def _pysbd_split(text: str) -> list[str]:
    """pysbd one paragraph (line) at a time: it is quadratic on long texts and never crosses a line."""
    seg = _pysbd_segmenter()
    out: list[str] = []
    for m in _LINES.finditer(text):
        for s in seg.segment(m.group()):
            s = s.strip()
            if s:
                out.append(s)
    return out


SPLITTERS: dict[str, Splitter] = {"punkt": _punkt_split, "pysbd": _pysbd_split}


def get_splitter(name: str) -> Splitter:
    try:
        return SPLITTERS[name]
    except KeyError:
        raise ValueError(f"unknown splitter {name!r}: choose from {', '.join(SPLITTERS)}") from None


def split_documents(documents: Sequence[str], splitter: str = "punkt") -> list[list[str]]:
    split = get_splitter(splitter)
    return [split(d) if d.strip() else [] for d in documents]


def n_words(text: str) -> int:
    return len(text.split())


def truncate(sentences: Sequence[str], budget: int) -> list[str]:
    """The sentences cut to ``budget`` whitespace-separated words (the last one cut mid-sentence)."""
    out: list[str] = []
    left = budget
    for s in sentences:
        words = s.split()
        if not words:
            continue
        if left <= 0:
            break
        if len(words) <= left:
            out.append(" ".join(words))
            left -= len(words)
        else:
            out.append(" ".join(words[:left]))
            left = 0
    return out


def n_bytes(text: str) -> int:
    """UTF-8 bytes of the sentence as ROUGE-1.5.5 reads its line (whitespace collapsed, ends stripped)."""
    return len(" ".join(text.split()).encode("utf-8"))


def size(text: str, unit: Unit) -> int:
    if unit == "bytes":
        return n_bytes(text)
    if unit == "words":
        return n_words(text)
    raise ValueError(f"unknown budget unit {unit!r}: choose from {', '.join(UNITS)}")


def _cut_utf8(text: str, limit: int) -> str:
    """The longest prefix of ``text`` whose UTF-8 encoding is at most ``limit`` bytes (whole characters only)."""
    return text.encode("utf-8")[:max(limit, 0)].decode("utf-8", errors="ignore")


def truncate_bytes(sentences: Sequence[str], budget: int) -> list[str]:
    """The sentences cut to ``budget`` bytes the way ROUGE-1.5.5 ``-b`` cuts a summary (``readText``).

    Each sentence is one line, whitespace collapsed (as ``scorers.perl_rouge`` writes it). Perl keeps a
    sentence whole while the bytes so far plus its own stay *below* the budget; the first one that reaches
    it is cut to the bytes left (``substr``) and reading stops. The spaces Perl puts between sentences are
    not counted, so a cut summary holds exactly ``budget`` bytes of sentence text plus one joining space
    per sentence boundary (``-b 665`` keeps 665 + k - 1 bytes of k sentences).

    Multi-byte UTF-8: Perl (no decoding layer, LC_ALL=C) counts bytes and may cut inside a character; here
    the cut drops such a partial character, so the result stays valid text and may be 1-3 bytes short.
    Both scorers turn every non-ASCII byte into a word boundary, so the tokens scored are the same.
    """
    out: list[str] = []
    used = 0
    for s in sentences:
        line = " ".join(s.split())
        if not line:
            continue
        n = len(line.encode("utf-8"))
        if used + n < budget:
            out.append(line)
            used += n
            continue
        cut = _cut_utf8(line, budget - used).rstrip()
        if cut:
            out.append(cut)
        break
    return out


def truncate_to(sentences: Sequence[str], budget: int, unit: Unit = "words") -> list[str]:
    """``truncate`` (words) or ``truncate_bytes`` (bytes)."""
    if unit == "bytes":
        return truncate_bytes(sentences, budget)
    if unit == "words":
        return truncate(sentences, budget)
    raise ValueError(f"unknown budget unit {unit!r}: choose from {', '.join(UNITS)}")


def _fill(order: Sequence[int], flat: Sequence[str], budget: int, unit: Unit = "words") -> list[int]:
    """Indices taken in ``order`` until the budget is reached (the last one may overflow; truncation follows)."""
    chosen: list[int] = []
    total = 0
    for i in order:
        if total >= budget:
            break
        w = size(flat[i], unit)
        if w == 0:
            continue
        chosen.append(i)
        total += w
    return chosen


def _sentences(documents: Sequence[str], sentences: list[list[str]] | None, splitter: str) -> list[list[str]]:
    return sentences if sentences is not None else split_documents(documents, splitter)


# --- newsfuse --------------------------------------------------------------------------------------------


def newsfuse_method(documents: Sequence[str], budget: int, *, sentences: list[list[str]] | None = None,
                    references: Sequence[str] = (), splitter: str = "punkt", unit: Unit = "words") -> list[str]:
    """newsfuse.summarize with a word or byte budget (it splits and cleans on its own).

    With bytes, the library counts one joining space per sentence (its brief, joined with spaces, fits in
    ``budget`` bytes); ROUGE-1.5.5 ``-b`` does not count them, so newsfuse leaves those few bytes unused.
    """
    from newsfuse import summarize

    if unit == "bytes":
        brief = summarize(list(documents), bytes=budget)
    elif unit == "words":
        brief = summarize(list(documents), words=budget)
    else:
        raise ValueError(f"unknown budget unit {unit!r}: choose from {', '.join(UNITS)}")
    return [s.text for s in brief.sentences]


# --- lead ------------------------------------------------------------------------------------------------


def lead(documents: Sequence[str], budget: int, *, sentences: list[list[str]] | None = None,
         references: Sequence[str] = (), splitter: str = "punkt", unit: Unit = "words") -> list[str]:
    """Round-robin lead: the first sentence of each document in turn, then the second, ..."""
    docs = _sentences(documents, sentences, splitter)
    out: list[str] = []
    total = 0
    depth = max((len(d) for d in docs), default=0)
    for k in range(depth):
        for d in docs:
            if k < len(d) and total < budget and size(d[k], unit):
                out.append(d[k])
                total += size(d[k], unit)
        if total >= budget:
            break
    return out


# --- sumy peers ------------------------------------------------------------------------------------------


# A word: letters, with inner apostrophes or hyphens ("don't", "well-known"); sumy's own word pattern
# (``Tokenizer._WORD_PATTERN``) without its NLTK Treebank step, which drops "U.S." and needs no data here
# but is 10x slower. Numbers and punctuation are not words for the peers, as in sumy.
_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")


class SumyTokenizer:
    """A sumy tokenizer object (``to_sentences``, ``to_words``) over the project's sentence splitter."""

    language = "english"

    def __init__(self, split: Splitter) -> None:
        self._split = split

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(s.strip() for s in self._split(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))


@lru_cache(maxsize=8)
def _sumy_summarizer(name: str) -> Any:
    from nltk.stem import PorterStemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    base = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer, "lsa": LsaSummarizer}[name]

    def ranked(sentences: Any, count: Any, rating: Any, *args: Any, **kwargs: Any) -> list[int]:
        """sumy's own rating, but every sentence index in descending score order (ties: document order)."""
        rate = (lambda s: rating[s]) if isinstance(rating, dict) else (lambda s: rating(s, *args, **kwargs))
        scores = [(o, float(rate(s))) for o, s in enumerate(sentences)]  # type: ignore[no-untyped-call]
        return [o for o, _ in sorted(scores, key=lambda x: x[1], reverse=True)]

    cls = type(f"Ranked{base.__name__}", (base,), {"_get_best_sentences": staticmethod(ranked)})
    porter = PorterStemmer()
    summarizer = cls(porter.stem)
    summarizer.stop_words = get_stop_words("english")
    return summarizer


def _sumy_method(name: str) -> Method:
    def run(documents: Sequence[str], budget: int, *, sentences: list[list[str]] | None = None,
            references: Sequence[str] = (), splitter: str = "punkt", unit: Unit = "words") -> list[str]:
        from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

        docs = _sentences(documents, sentences, splitter)
        flat = [s for d in docs for s in d if s.strip()]
        if not flat:
            return []
        tok = SumyTokenizer(get_splitter(splitter))
        model = ObjectDocumentModel([Paragraph([Sentence(s, tok) for s in d if s.strip()]) for d in docs if d])
        with warnings.catch_warnings():  # LSA warns on clusters with fewer words than sentences
            warnings.simplefilter("ignore", UserWarning)
            order = _sumy_summarizer(name)(model, len(flat))
        if not order:  # LSA on a cluster without content words: nothing to rank
            order = list(range(len(flat)))
        return [flat[i] for i in sorted(_fill(list(order), flat, budget, unit))]

    run.__name__ = name
    run.__doc__ = f"sumy {name}: score order until the budget, then document order."
    return run


lexrank = _sumy_method("lexrank")
textrank = _sumy_method("textrank")
lsa = _sumy_method("lsa")


# --- oracle ----------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _rouge_tokenizer() -> Any:
    from rouge_score import tokenizers

    return tokenizers.DefaultTokenizer(use_stemmer=True)


def _grams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def _f1(hit: int, cand: int, ref: int) -> float:
    if hit == 0 or cand == 0 or ref == 0:
        return 0.0
    p, r = hit / cand, hit / ref
    return 2 * p * r / (p + r)


def oracle(documents: Sequence[str], budget: int, *, sentences: list[list[str]] | None = None,
           references: Sequence[str] = (), splitter: str = "punkt", unit: Unit = "words") -> list[str]:
    """Greedy extract maximising mean ROUGE-1/2 F1 (averaged over references) of the *truncated* summary.

    Adds the sentence that raises the score of the summary as it will be scored (document order, cut to
    the budget) most, while the budget is not reached and the score rises. An upper bound for sentence
    extraction, not a system.
    """
    if not references:
        raise ValueError("the oracle needs reference summaries")
    if unit not in UNITS:
        raise ValueError(f"unknown budget unit {unit!r}: choose from {', '.join(UNITS)}")
    docs = _sentences(documents, sentences, splitter)
    flat = [s for d in docs for s in d if s.strip()]
    tok = _rouge_tokenizer()
    refs = []
    for r in references:
        t = tok.tokenize(r)
        refs.append((_grams(t, 1), _grams(t, 2), len(t), max(len(t) - 1, 0)))
    # per sentence, the rouge tokens of each whitespace word, so truncation to N words is a slice
    words_toks = [[tok.tokenize(w) for w in s.split()] for s in flat]
    sizes = [size(s, unit) for s in flat]

    def tokens_of(chosen: list[int]) -> list[str]:
        out: list[str] = []
        left = budget
        for i in sorted(chosen):
            if unit == "bytes":  # as truncate_bytes: whole while below the budget, else cut and stop
                if sizes[i] < left:
                    out.extend(t for wt in words_toks[i] for t in wt)
                    left -= sizes[i]
                    continue
                out.extend(tok.tokenize(_cut_utf8(" ".join(flat[i].split()), left)))
                break
            for wt in words_toks[i][:left]:
                out.extend(wt)
            left -= min(left, len(words_toks[i]))
            if left == 0:
                break
        return out

    def score(tokens: list[str]) -> float:
        u, b = _grams(tokens, 1), _grams(tokens, 2)
        total = 0.0
        for ru, rb, nu, nb in refs:
            hu = sum((u & ru).values())
            hb = sum((b & rb).values())
            total += (_f1(hu, len(tokens), nu) + _f1(hb, max(len(tokens) - 1, 0), nb)) / 2
        return total / len(refs)

    chosen: list[int] = []
    best = 0.0
    used = 0
    while used < budget:
        cand_best, cand_i = best, -1
        for i, wt in enumerate(words_toks):
            if i in chosen or not wt:
                continue
            sc = score(tokens_of(chosen + [i]))
            if sc > cand_best:
                cand_best, cand_i = sc, i
        if cand_i < 0:
            break
        chosen.append(cand_i)
        best = cand_best
        used += sizes[cand_i]
    return [flat[i] for i in sorted(chosen)]


METHODS: dict[str, Method] = {
    "newsfuse": newsfuse_method,
    "lead": lead,
    "lexrank": lexrank,
    "textrank": textrank,
    "lsa": lsa,
    "oracle": oracle,
}
DEFAULT_METHODS = ("newsfuse", "lead", "lexrank", "textrank", "lsa", "oracle")
# methods that take pre-split sentences from the harness (newsfuse splits and cleans on its own)
USES_SPLITTER = frozenset({"lead", "lexrank", "textrank", "lsa", "oracle"})
