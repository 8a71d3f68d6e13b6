"""Which sentences are not in the story's language or script (a part of select's clutter test).

A cluster about an English story can hold what its readers cannot use: an embedded tweet's widget text in the
reader's own script ("Richard grenell ने रीट्वीट किया mika brzezinski accepting apologies is important.":
Twitter's "retweeted" in Hindi), or a copy of the story in another language (Multi-News: a Spiegel article in
German beside the English ones). ``ForeignTest`` flags such sentences; a cluster written in that language or
script keeps them. What the cluster is written in is counted only when a sentence needs it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# A letter outside the Latin script (Greek and modifier letters pass: "110 μmol", "Hawaiʻi").
_NON_LATIN = re.compile(r"[^\W\d_A-Za-z\u00c0-\u02ff\u0370-\u03ff\u1e00-\u1eff]")
_BRACKETED = re.compile(r"\([^()]*\)")  # a name or term given in its own script: "lin ming-wei ( 林明威 ), the father"
FOREIGN_LETTERS = 2  # a sentence holding this many letters of another script ...
LATIN_SHARE = 0.9    # ... in a cluster whose letters are at least this share Latin

# Function words of English and of the languages whose copies turn up in English news clusters (Multi-News: German,
# Spanish, French, Italian, Galician; 18 sentences of the 5,622 briefs at 250 words quoted them). A sentence with two
# or more of the others' and under half as many English ones, in a cluster whose function words are more than 3:1
# English.
_ENGLISH_WORDS = frozenset(
    "the a an of to in and is was are were for on with that this by from at as it he she they his her their be has "
    "have had not but or which who said".split())
_OTHER_WORDS = frozenset(
    "de la el en un una los las del que y es por con para le les des et est pour dans une qui au aux der die und das "
    "ist nicht ein eine mit von zu auf sich il di che per non sono della gli nel "
    # Portuguese and Galician (a Galician server-error widget, "Saber máis vaites, produciuse un problema na conexión
    # co servidor.", reached a brief; not "com", which web addresses spell, nor the words of English news's names and
    # abbreviations: "da Silva", "dos Santos", "São Paulo", "Los Angeles DA", "Acme Co.", "Nas", "Das")
    "não uma um ao em na os pelo pela coa unha máis também está vão disse".split())
_WORD = re.compile(r"[^\W\d_]+")


def foreign_letters(text: str) -> int:
    """Letters of a non-Latin script in ``text`` outside brackets ("²" and other symbols that regex counts as word
    characters are not letters)."""
    return sum(map(str.isalpha, _NON_LATIN.findall(_BRACKETED.sub(" ", text))))


def function_words(text: str) -> tuple[int, int]:
    """(English function words, other languages' function words) in ``text``."""
    words = _WORD.findall(text.lower())
    return sum(w in _ENGLISH_WORDS for w in words), sum(w in _OTHER_WORDS for w in words)


def reads_foreign(text: str) -> bool:
    low = text.lower()
    if " the " in low or " of " in low or " and " in low or " to " in low:
        return False  # (a quick test first: nearly every English sentence of six words has one of these)
    english, other = function_words(text)
    return other >= 2 and other > 2 * english


class ForeignTest:
    """``test(text)``: whether a sentence of the cluster ``texts`` is in another language or script than the
    cluster is written in (English, the Latin script)."""

    def __init__(self, texts: Sequence[str]) -> None:
        self._texts = texts
        self._english: bool | None = None
        self._latin: bool | None = None

    def __call__(self, text: str) -> bool:
        if reads_foreign(text) and self.english():
            return True
        return not text.isascii() and foreign_letters(text) >= FOREIGN_LETTERS and self.latin()

    def english(self) -> bool:
        if self._english is None:
            counts = [function_words(t) for t in self._texts]
            self._english = sum(e for e, _ in counts) > 3 * sum(o for _, o in counts)
        return self._english

    def latin(self) -> bool:
        if self._latin is None:
            letters = sum(sum(map(str.isalpha, t)) for t in self._texts)
            other = sum(sum(map(str.isalpha, _NON_LATIN.findall(t))) for t in self._texts if not t.isascii())
            self._latin = other <= (1.0 - LATIN_SHARE) * letters
        return self._latin
