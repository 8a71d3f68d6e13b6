"""One options object, validated when it is built; every default lives here."""

from __future__ import annotations

from dataclasses import dataclass

from newsfuse.errors import InputError

DEFAULT_WORDS = 120
MAX_WORDS = 5000
MAX_SENTENCES = 200
MAX_BYTES = 50_000


@dataclass(frozen=True)
class Budget:
    """A length budget: exactly one of words, sentences or bytes."""

    words: int | None = None
    sentences: int | None = None
    bytes: int | None = None

    @classmethod
    def of(cls, words: int | None = None, sentences: int | None = None, bytes: int | None = None) -> Budget:
        given = [x for x in (words, sentences, bytes) if x is not None]
        if len(given) > 1:  # (said to library callers and command-line users alike: words=, --words)
            names = [n for n, x in (("words", words), ("sentences", sentences), ("bytes", bytes)) if x is not None]
            raise InputError(f"give only one length budget (words, sentences or bytes), got {' and '.join(names)}")
        if not given:
            return cls(words=DEFAULT_WORDS)
        for name, value, limit in (("words", words, MAX_WORDS), ("sentences", sentences, MAX_SENTENCES), ("bytes", bytes, MAX_BYTES)):
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= limit):
                raise InputError(f"{name} must be a whole number from 1 to {limit}, got {value!r}")
        return cls(words=words, sentences=sentences, bytes=bytes)

    def describe(self) -> str:
        if self.sentences is not None:
            return f"{self.sentences} sentences"
        if self.bytes is not None:
            return f"{self.bytes} bytes"
        return f"{self.words} words"


@dataclass(frozen=True)
class Options:
    """Settings for one summarization run."""

    budget: Budget = Budget(words=DEFAULT_WORDS)
    clean: bool = True
