"""Stage 6, order: the story's lead fact first, then background, related sentences together.

With headlines, the sentence that states what they announce leads.

Sentences chosen together with their antecedent stay glued to it. The lead is the
unit that is both early in its article and backed by the most outlets; the rest
follow their relative position in their articles (news writes from the most to
the least important), and a sentence closely related to the one just placed is
pulled up next to it. A sentence that names someone by surname alone ("Raman said")
waits for the one that introduces the full name ("city engineer Priya Raman"),
when the brief holds it.
"""

from __future__ import annotations

import re

from newsfuse.represent import STOP_WORDS, Representation

RELATED = 0.3  # TF-IDF cosine at which a sentence is pulled next to the one before it
# The lead: among the chosen units that open their article's part of the brief (LEAD_OPENS_ITS_ARTICLE), the one whose
# sentence the salience model rates highest (its predicted overlap with a human brief), discounted by its position in
# its article (halved every LEAD_SALIENCE_DECAY sentences). Against the references' order (scripts/order_audit.py,
# paired per cluster), the brief's first sentence was the reference's earliest matched one in 4.5, 4.1 and 3.7 more
# 250-word briefs in 100 on Multi-News 1000-1999 (tuned), 2000-2999 and 3000-3999 (held out), each interval above 0,
# with Kendall's tau +0.010, +0.002, +0.012; at 100 words lead +0.004, +0.006, -0.008 and tau +0.005, -0.016, -0.007,
# all within noise. Without salience (no model), position, support and echo decide (LEAD_DECAY).
LEAD_SALIENCE_DECAY = 3.0
LEAD_BY_SALIENCE = True
LEAD_OPENS_ITS_ARTICLE = True  # the lead is the first chosen unit of its article (a brief never starts mid-article)
LEAD_DECAY = 1.5  # positions over which a candidate lead's score halves
LEAD_SUPPORT = 0.5  # how much backing by every outlet raises a candidate lead's score (x1.5 at most)
LEAD_ECHO = 2.0  # weight of the echo of the articles' openings against the position prior
# A lead must be able to open a story: a sentence its article wrote after its first one that refers back to what the
# article said before ("Two men were arrested at the storage unit." after "... found in a storage unit", "The 46-year-old
# is ...", "Dickey fired shots ...", '"We were shocked," said Still.') leads only when no candidate lead can open one.
LEAD_MUST_OPEN = True
LEAD_FRESH_SHARE = 0.7  # ... when one that can scores at least this share of the best candidate lead's score

# A run of capitalized words ("City", "Priya Raman", "Mr. Sessions", "Fulton Street Bridge").
_CAPITALIZED_RUN = re.compile(r"\b[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*")


# "the" / "this" / "these" / "those" and the words of the phrase it opens ("the storage unit", "this coywolf"; not "the
# city of ...": a phrase that says what it names); "the 46-year-old", "the 71-year-old tv personality": someone met before
_DEFINITE = re.compile(r"\b(?:the|this|these|those)\s+([\w'’-]+(?:\s+[\w'’-]+)?)\b(?!\s+of\b)", re.IGNORECASE)
_DEFINITE_AGE = re.compile(r"\b(?:the|this)\s+\d+-year-old\b", re.IGNORECASE)
_WORD = re.compile(r"[a-z][a-z'’-]+")
# a reply or an aside to what came before ("No, the company isn't ...", "Well, if you buy this house ...")
_REPLY = re.compile(r"^(?:no|yes|well|so|now|indeed|again|plus|after all|of course|in fact|for one thing),", re.IGNORECASE)
# a personal pronoun within a sentence's first three words ("With her tongue in her cheek, she said ...", "During her
# visit ..., the prime minister ...", "The next, he was ...")
_EARLY_PRONOUN = re.compile(r"^(?:[\w'’-]+,?\s+){0,2}(?:he|she|him|his|her|they|them|their)\b", re.IGNORECASE)
_GROUPS = frozenset("police officials authorities prosecutors investigators researchers scientists witnesses doctors "
                    "officers experts analysts critics residents voters lawmakers".split())  # ("Police said ...")
# a surname alone as the subject: the first word, used before in the article, then a comma or a verb
_FIRST_WORD = re.compile(r"^([A-Z][\w'’-]+)(?:,|\s+(?:said|says|had|told|added|did|also|[a-z]+ed)\b)")


def refers_back(rep: Representation, i: int) -> bool:
    """Whether sentence ``i``, when not its article's first, refers back to what its article said before it: a thing
    the article introduced ("a storage unit") named as known ("arrested at the storage unit"); someone named by a
    surname the article used before ("Dickey fired ...", "Beggs, a 17-year-old ..."), by a definite age ("the
    46-year-old") or by a pronoun before anyone is introduced ("With her tongue in her cheek, she said ..."); an
    opening quotation (whose speaker the article has met) or reply ("No, ..."). An article's first sentence is
    written to open a story."""
    s = rep.sentences[i]
    if s.position == 0:
        return False
    text = s.text.strip()
    if text[:1] in "\"“‘'`" or _DEFINITE_AGE.search(text) or _REPLY.match(text) or _EARLY_PRONOUN.match(text):
        return True
    earlier = " ".join(x.text.lower() for x in rep.sentences if x.doc == s.doc and x.position < s.position)
    first = _FIRST_WORD.match(text)
    if (first and first.group(1).lower() not in STOP_WORDS and first.group(1).lower() not in _GROUPS
            and _introduced_as_name(first.group(1).lower(), earlier)):
        return True
    for m in _DEFINITE.finditer(text):
        for w in _WORD.findall(m.group(1).lower()):
            if w not in STOP_WORDS and any(
                    not (set(x.group(1).split()) & STOP_WORDS)  # ("a shooting in chicago" introduces no chicago)
                    for x in re.finditer(rf"\b(?:a|an)\s+((?:[\w'’-]+\s+){{0,2}}){re.escape(w)}\b", earlier)):
                return True
    return False


def _introduced_as_name(word: str, earlier: str) -> bool:
    """Whether ``word`` (lower-cased) was used in ``earlier`` as the last word of a name, after a first name or a title
    ("detective ana volk", "president obama", "mr. volk"), not after a preposition or at a sentence's start ("crashed in
    a field in france", "apple reported ..."): a surname, which alone names someone met before."""
    for m in re.finditer(rf"(?<!\S)(\S+)\s+{re.escape(word)}\b", earlier):  # (a token's start: linear)
        before = m.group(1)
        if before[-1:] not in ".!?\"”:;," or before in ("mr.", "mrs.", "ms.", "dr."):
            w = before.rstrip(".")
            if w.replace("-", "").replace("'", "").isalpha() and w not in STOP_WORDS:
                return True
    return False


def names(text: str) -> tuple[set[str], set[str]]:
    """(the last words of ``text``'s runs of two or more capitalized words, where a surname is introduced;
    its capitalized words that stand alone, where a surname may be used without its first name)."""
    introduced: set[str] = set()
    alone: set[str] = set()
    for m in _CAPITALIZED_RUN.finditer(text):
        run = [w.strip(".'’") for w in m.group().split()]
        if len(run) > 1:
            introduced.add(run[-1])
        else:
            alone.add(run[0])
    return introduced, alone - introduced


def order(rep: Representation, selected: list[int], requires: dict[int, int], support: dict[int, int],
          lead: int | None = None, salience: dict[int, float] | None = None) -> list[int]:
    """``selected`` in the brief's order. ``lead``: the sentence that states what the headlines announce
    (``Selection.anchor``), which opens the brief (with its antecedent, if it leans on one). ``salience``: the
    selected sentences' predicted overlap with a human brief (``Selection.salience``), which picks the lead
    otherwise."""
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
    lead_salience = salience if LEAD_BY_SALIENCE and salience and any(salience.values()) else None
    # (the echo of the openings scores a lead only without salience)
    echo = {} if lead_salience is not None else dict(zip(units, rep.opening_echo(list(units)).tolist(), strict=True))

    def lead_score(u: int) -> float:
        if lead_salience is not None:
            return float(lead_salience.get(u, 0.0) * 2.0 ** (-rep.sentences[u].position / LEAD_SALIENCE_DECAY))
        # Early in its article and echoing the articles' openings; wide support helps, mildly
        # (background such as "built in 1961" is often repeated by every outlet too).
        s = rep.sentences[u]
        return float((1.0 + LEAD_SUPPORT * support.get(u, 1) / most)
                     * (2.0 ** (-s.position / LEAD_DECAY) + LEAD_ECHO * echo[u]))

    # who is introduced where: a unit naming someone by surname alone waits for the unit that introduces them
    intro: dict[int, set[str]] = {}
    alone: dict[int, set[str]] = {}
    for u, members in units.items():
        found = [names(rep.sentences[i].text) for i in members]
        intro[u] = set().union(*(f[0] for f in found))
        alone[u] = set().union(*(f[1] for f in found)) - intro[u]
    said: set[str] = set()  # names the brief has used so far

    def waits(u: int) -> bool:
        return any(w not in said and any(w in intro[v] for v in remaining if v != u) for w in alone[u])

    pair = rep.similarity_matrix(list(selected))
    at = {i: k for k, i in enumerate(selected)}
    remaining = set(units)
    # a lead opens its own article's part of the brief: no sentence of its article before it is chosen
    earliest: dict[int, int] = {}
    for u in remaining:
        s = rep.sentences[u]
        earliest[s.doc] = min(earliest.get(s.doc, s.position), s.position)
    openers = [u for u in remaining if not LEAD_OPENS_ITS_ARTICLE
               or rep.sentences[u].position == earliest[rep.sentences[u].doc]]
    # ... and can open a story (the headlines' sentence too: "Two men were arrested at the storage unit." cannot): the
    # best-scored opener that can, among those within LEAD_FRESH_SHARE of the best one (read in rank order, so that
    # ``refers_back`` reads only as far as the first that can, most often the best itself)
    ranked = sorted(openers, key=lambda u: (lead_score(u), -u), reverse=True)
    floor = LEAD_FRESH_SHARE * lead_score(ranked[0])
    fresh = (u for u in ranked if lead_score(u) >= floor and not refers_back(rep, u))
    anchor = head[lead] if lead is not None and lead in head else None
    if anchor is not None:
        first = anchor if not LEAD_MUST_OPEN or not refers_back(rep, anchor) else next(fresh, anchor)
    else:
        first = next(fresh, ranked[0]) if LEAD_MUST_OPEN else ranked[0]
    placed = [first]
    remaining.discard(first)
    said.update(intro[first] | alone[first])
    while remaining:
        last = units[placed[-1]][-1]
        related = [u for u in remaining if pair[at[last], at[u]] >= RELATED]
        pool = related or list(remaining)
        ready = [u for u in pool if not waits(u)] or [u for u in remaining if not waits(u)] or pool
        nxt = min(ready, key=lambda u: (relpos(u), -support.get(u, 1), u))
        placed.append(nxt)
        remaining.discard(nxt)
        said.update(intro[nxt] | alone[nxt])
    return [i for u in placed for i in units[u]]
