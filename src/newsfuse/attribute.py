"""Stage 7, attribute: every document that reports a brief sentence's fact.

A document supports a sentence when one of its sentences says the same thing:
TF-IDF cosine of at least SUPPORT over content stems, or most of the sentence's
content words (CONTAINMENT) appear in one of its sentences. Near-verbatim
wire copies and close paraphrases pass; sentences that merely share a name do
not.
"""

from __future__ import annotations

import numpy as np

from newsfuse.represent import Representation

# Calibrated on the bundled example cluster and the seeds: 0.4 catches reworded
# leads ("recused himself from any probe" / "will recuse himself from any
# investigations") while two different facts about the same people stay apart.
SUPPORT = 0.4
CONTAINMENT = 0.7


def supporting_documents(rep: Representation, selected: list[int]) -> list[list[int]]:
    """For each selected sentence, the sorted document indices that report it (its own first)."""
    if not selected:
        return []
    sims = np.asarray((rep.tfidf[selected] @ rep.tfidf.T).todense())
    out = []
    for row, i in enumerate(selected):
        origin = rep.sentences[i].doc
        docs = {origin}
        mine = rep.content[i]
        for j in np.nonzero(sims[row] >= SUPPORT * 0.6)[0]:
            d = rep.sentences[j].doc
            if d in docs:
                continue
            if sims[row, j] >= SUPPORT:
                docs.add(d)
            elif len(mine) >= 4 and len(mine & rep.content[j]) / len(mine) >= CONTAINMENT:
                docs.add(d)
        out.append([origin] + sorted(docs - {origin}))
    return out
