"""Markdown as plain text (part of the clean stage).

A story saved as Markdown (a static site's source, a CMS export, a note) carries its markup in the prose:
``**bold**``, ``*italics*``, ``[a link](https://...)``, ``![an image](...)``, ``> `` quotations, ``#`` headings,
``- `` list items, ``---`` rules and a YAML front matter block. A brief quotes the text a reader sees, so the
markup goes: links keep their words, images go whole (their alt text is a caption), headings, quotations and list
items become lines of their own, and the front matter's or first heading's title is the page's.

Only text that is clearly Markdown is rewritten (:func:`looks_like_markdown`): a plain-text page with a stray
asterisk or a ">" quoted e-mail line is not.
"""

from __future__ import annotations

import re

_FRONT_MATTER_RE = re.compile(r"\A\ufeff?---[ \t]*\n((?:[ \t]*(?:[\w-]+:.*|-.*|#.*|)\n){1,60}?)---[ \t]*\n")
_FRONT_TITLE_RE = re.compile(r"^title:\s*(.+?)\s*$", re.MULTILINE)
_HEADING_RE = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
# a link's address, with one level of parentheses inside it ("https://en.wikipedia.org/wiki/Mercury_(planet)")
_ADDRESS = r"(?:[^()\s]|\([^()\s]{0,200}\)){%d,2000}"
_IMAGE_RE = re.compile(r"!\[[^\]\n]{0,500}\]\(" + _ADDRESS % 1 + r"(?:\s+\"[^\"\n]{0,300}\")?\)")
_LINK_RE = re.compile(r"(?<!!)\[([^\]\n]{1,500})\]\(" + _ADDRESS % 0 + r"(?:\s+\"[^\"\n]{0,300}\")?\)")
_REF_LINK_RE = re.compile(r"(?<!!)\[([^\]\n]{1,500})\]\[[^\]\n]{0,100}\]")
# a reference link's definition: its label, one address and an optional title ("[1]: https://example.org/report
# "The report""; not an editor's note in brackets, "[Update 3:45 p.m.]: Police said ...")
_LINK_DEF_RE = re.compile(
    r"^ {0,3}\[[^\]\n]{1,100}\]:[ \t]+(?:<[^>\n]*>|\S+)(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$")
# (not a word's letters starred out, "f***", "s***"; nor an underscore inside an address, "example.org/_drafts_/")
# (spans of at most 500 characters: an unclosed mark must not send each search to its line's end, quadratic on a
# line of thousands of marks)
_STRONG_RE = re.compile(r"(?<![\w*])(\*\*|__)(?=\S)(.{1,500}?)(?<=\S)\1(?!\w)")
_EMPHASIS_RE = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]{1,500}?)(?<=[^\s*])\*(?![\w*])|(?<![\w_/])_(?=[^\s_])([^_\n]{1,500}?)(?<=[^\s_])_(?![\w_/])")
_LETTER_RE = re.compile(r"[^\W_]")
_CODE_RE = re.compile(r"`([^`\n]{1,300})`")
_QUOTE_RE = re.compile(r"^ {0,3}>[ \t]?")
_LIST_RE = re.compile(r"^ {0,6}(?:[-*+]|\d{1,3}[.)])[ \t]+(?=\S)")
_RULE_RE = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")

# the signs counted: a page must show two kinds, one of them a link, an image, a heading or front matter
_SIGNS = {
    "front": re.compile(r"\A\ufeff?---[ \t]*\n[\w-]+:"),
    "heading": re.compile(r"^#{1,6} \S", re.MULTILINE),
    "link": re.compile(r"(?<!!)\[[^\]\n]{1,200}\]\((?:https?://|/)[^)\s]*\)"),
    "image": re.compile(r"!\[[^\]\n]{0,200}\]\([^)\s]+\)"),
    "strong": re.compile(r"\*\*\S[^*\n]{0,200}\*\*"),
    "quote": re.compile(r"^> \S", re.MULTILINE),
}
_STRONG_SIGNS = frozenset({"front", "heading", "link", "image"})


def looks_like_markdown(text: str) -> bool:
    head = text[:50_000]
    # (a strong sign needs one of these literals: most plain text has none, and the six searches are skipped)
    if "](" not in head and "\n#" not in head and not head.lstrip("\ufeff").startswith(("#", "---")):
        return False
    found = {k for k, rx in _SIGNS.items() if rx.search(head)}
    return len(found) >= 2 and bool(found & _STRONG_SIGNS)


def _inline(line: str) -> str:
    line = _IMAGE_RE.sub("", line)
    line = _LINK_RE.sub(r"\1", line)
    line = _REF_LINK_RE.sub(r"\1", line)
    line = _CODE_RE.sub(r"\1", line)
    for _ in range(2):  # (***both***)
        line = _STRONG_RE.sub(lambda m: m.group(2) if _LETTER_RE.search(m.group(2)) else m.group(), line)
    line = _EMPHASIS_RE.sub(lambda m: m.group(1) or m.group(2), line)
    return line.strip()


def markdown_inline(line: str) -> str:
    """One line's text without its inline markup (links keep their words; images, emphasis and code marks go)."""
    return _inline(line)


def markdown_to_text(text: str) -> tuple[str, str | None]:
    """The text a reader of the rendered page sees, one paragraph or block a line group, and its title (the
    front matter's, else the first top-level heading's)."""
    title = None
    m = _FRONT_MATTER_RE.match(text)
    if m is not None:
        t = _FRONT_TITLE_RE.search(m.group(1))
        if t is not None:
            title = t.group(1).strip().strip("\"'").strip() or None
        text = text[m.end():]
    out: list[str] = []
    in_paragraph = False  # the line above is a paragraph's text
    for raw in text.splitlines():
        if _RULE_RE.match(raw) or _LINK_DEF_RE.match(raw):
            out.append("")
            in_paragraph = False
            continue
        line = raw
        quoted = False
        while (q := _QUOTE_RE.match(line)) is not None:
            line = line[q.end():]
            quoted = True
        h = _HEADING_RE.match(line)
        if h is not None:
            heading = _inline(h.group(2))
            if title is None and len(h.group(1)) == 1:
                title = heading
            out.extend(["", heading, ""])
            in_paragraph = False
            continue
        item = _LIST_RE.match(line)
        if item is not None and not (in_paragraph and item.group().strip().rstrip(".)") not in "-*+1"):
            # each item a block of its own (a list is not a wrapped paragraph); a number other than 1 at the start of
            # a wrapped paragraph's line is its text ("... officials said, and\n5. The next vote ...")
            out.extend(["", _inline(line[item.end():]), ""])
            in_paragraph = False
            continue
        line = _inline(line)
        if quoted and not line:
            out.append("")
            in_paragraph = False
            continue
        if not line and raw.strip():  # an image alone on its line
            out.append("")
            in_paragraph = False
            continue
        out.append(line)
        in_paragraph = bool(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip("\n") + "\n", title
