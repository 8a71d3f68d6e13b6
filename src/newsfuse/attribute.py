"""Stage 7, attribute: every document that reports a brief sentence's fact.

A document supports a brief sentence when one of its sentences reports the same
fact (``Representation.reports``: lexically close, or containing most of the
brief sentence's distinctive words): near-verbatim wire copies and close
paraphrases pass; sentences that merely share a name do not.
"""

from __future__ import annotations

import numpy as np

from newsfuse.represent import Representation


def supporting_documents(rep: Representation, selected: list[int]) -> list[list[int]]:
    """For each selected sentence, the document indices that report it (its own first)."""
    if not selected:
        return []
    same = rep.reports(selected, list(range(len(rep.sentences))))
    out = []
    for row, i in enumerate(selected):
        origin = rep.sentences[i].doc
        docs = {rep.sentences[j].doc for j in np.nonzero(same[row])[0]}
        out.append([origin] + sorted(docs - {origin}))
    return out
