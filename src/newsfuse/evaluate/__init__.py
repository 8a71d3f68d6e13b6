"""Evaluation: newsfuse against lead, the classic unsupervised extractive summarizers (sumy's LexRank,
TextRank, LSA, Luhn, SumBasic, KL-Sum; MEAD centroid, MMR, concept ILP, submodular) and an oracle, scored
with ROUGE.

    >>> from newsfuse.evaluate import evaluate
    >>> result = evaluate("../shared/data/multi_news_val.jsonl.gz", ["lead", "lexrank"], words=100, limit=50)
    >>> duc = evaluate("../shared/data/tac2011_multiling_en.jsonl", ["newsfuse", "lexrank"], bytes=665)

Modules: ``methods`` (the summarizers and sentence splitters), ``scorers`` (rouge-score and Perl
ROUGE-1.5.5), ``harness`` (worker processes, bootstrap intervals), ``report`` (table, report directory),
``cli`` (``newsfuse eval``).
"""

from newsfuse.evaluate.harness import EvalResult, evaluate
from newsfuse.evaluate.methods import METHODS, truncate, truncate_bytes
from newsfuse.evaluate.scorers import perl_rouge, rouge_score

__all__ = ["METHODS", "EvalResult", "evaluate", "perl_rouge", "rouge_score", "truncate", "truncate_bytes"]
