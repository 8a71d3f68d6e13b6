"""Stage 6, order: the story's lead fact first, then background, related sentences together.

Sentences chosen together with their antecedent stay glued to it. The lead is the
unit that is both early in its article and backed by the most outlets; the rest
follow their relative position in their articles (news writes from the most to
the least important), and a sentence closely related to the one just placed is
pulled up next to it.
"""

from __future__ import annotations

from newsfuse.represent import Representation

RELATED = 0.3  # TF-IDF cosine at which a sentence is pulled next to the one before it
LEAD_DECAY = 1.5  # positions over which a candidate lead's score halves


def order(rep: Representation, selected: list[int], requires: dict[int, int], support: dict[int, int]) -> list[int]:
    if not selected:
        return []
    chosen = set(selected)
    # units: chains of antecedent -> dependent
    head: dict[int, int] = {}
    for i in sorted(selected, key=lambda k: (rep.sentences[k].doc, rep.sentences[k].position)):
        p = requires.get(i)
        head[i] = head[p] if p is not None and p in chosen else i
    units: dict[int, list[int]] = {}
    for i in sorted(selected, key=lambda k: (rep.sentences[k].doc, rep.sentences[k].position)):
        units.setdefault(head[i], []).append(i)

    def relpos(u: int) -> float:
        s = rep.sentences[u]
        return s.position / max(rep.doc_lengths[s.doc], 1)

    most = max(support.get(u, 1) for u in units)
    heads = list(units)
    echo = dict(zip(heads, rep.opening_echo(heads).tolist(), strict=True))

    def lead_score(u: int) -> float:
        # Early in its article and echoing the articles' openings; wide support helps, mildly
        # (background such as "built in 1961" is often repeated by every outlet too).
        s = rep.sentences[u]
        return float((1.0 + 0.5 * support.get(u, 1) / most) * (2.0 ** (-s.position / LEAD_DECAY) + 2.0 * echo[u]))

    pair = rep.similarity_matrix(list(selected))
    at = {i: k for k, i in enumerate(selected)}
    remaining = set(units)
    first = max(remaining, key=lambda u: (lead_score(u), -u))
    placed = [first]
    remaining.discard(first)
    while remaining:
        last = units[placed[-1]][-1]
        related = [u for u in remaining if pair[at[last], at[u]] >= RELATED]
        pool = related or list(remaining)
        nxt = min(pool, key=lambda u: (relpos(u), -support.get(u, 1), u))
        placed.append(nxt)
        remaining.discard(nxt)
    return [i for u in placed for i in units[u]]
