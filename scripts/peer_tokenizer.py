"""What the sumy peers' word tokenizer costs: the harness's regex against sumy's own NLTK Treebank tokenizer.

Usage: OPENBLAS_NUM_THREADS=1 python scripts/peer_tokenizer.py [--start 0 --n 300 --words 100 --method lexrank]

sumy's ``Tokenizer.to_words`` runs ``nltk.word_tokenize`` (which needs NLTK's punkt_tab data, not installed
here) and keeps the tokens matching ``Tokenizer._WORD_PATTERN``. The harness's ``SumyTokenizer`` finds the
same kind of words with one regex. This runs the peer both ways on the same Multi-News clusters, alternating
twice, and prints its ROUGE F1 (rouge-score, as `newsfuse eval`) and median milliseconds per cluster, split
included; only the tokenizer differs (NLTK's Treebank word tokenizer on each already split sentence, which is
what ``word_tokenize`` does to one sentence, without the data).
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "multi_news_val.jsonl.gz"


def main() -> None:
    from nltk.tokenize import NLTKWordTokenizer
    from sumy.nlp.tokenizers import Tokenizer

    from newsfuse.evaluate import methods
    from newsfuse.evaluate.scorers import rouge_score
    from newsfuse.split import split_text

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--words", type=int, default=100)
    ap.add_argument("--method", default="lexrank", choices=["lexrank", "textrank", "lsa", "luhn", "sumbasic", "kl"])
    ap.add_argument("--data", type=Path, default=DATA)
    a = ap.parse_args()

    with gzip.open(a.data, "rt", encoding="utf-8") as fh:
        rows = [json.loads(x) for x in itertools.islice(fh, a.start, a.start + a.n)]
    treebank = NLTKWordTokenizer()

    def sumy_words(self: Any, sentence: str) -> tuple[str, ...]:
        return tuple(w for w in treebank.tokenize(sentence) if Tokenizer._WORD_PATTERN.match(w))

    regex_words = methods.SumyTokenizer.to_words
    variants: list[tuple[str, Callable[..., tuple[str, ...]]]] = [("regex (harness)", regex_words),
                                                                    ("sumy's NLTK", sumy_words)] * 2
    for name, fn in variants:
        methods.SumyTokenizer.to_words = fn  # type: ignore[method-assign]
        r1, r2, ms = [], [], []
        for obj in rows:
            docs = obj["documents"]
            t0 = time.perf_counter()
            out = methods.METHODS[a.method](docs, a.words, sentences=methods.split_documents(docs),
                                            references=obj["summaries"], splitter="punkt")
            ms.append(1000 * (time.perf_counter() - t0))
            sc = rouge_score(methods.truncate(out, a.words), [split_text(s) for s in obj["summaries"]])
            r1.append(100 * sc["rouge1"]["f"])
            r2.append(100 * sc["rouge2"]["f"])
        print(f"{name:16s} {a.method} R1 F1 {statistics.fmean(r1):.2f}  R2 F1 {statistics.fmean(r2):.2f}  "
              f"median {statistics.median(ms):.2f} ms/cluster")
    methods.SumyTokenizer.to_words = regex_words  # type: ignore[method-assign]


if __name__ == "__main__":
    main()
