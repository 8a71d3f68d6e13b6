"""A Rich Text Format (.rtf) file's body text (part of the load stage).

Wire services and older newsroom systems still deliver copy as RTF. The body is read as a reader sees it: its
paragraphs (``\\par``; ``\\line`` a line break), ``\\'hh`` bytes in the document's code page (``\\ansicpgN``, else
Windows-1252), ``\\uN`` characters (their fallback characters skipped, ``\\ucN``), the named characters (dashes,
quotes, bullets, no-break spaces), a table's cells each a paragraph (as the Word reader reads a table). Destinations
that are not the body are skipped: anything marked ``\\*``, the font, colour, style and list tables, headers, footers,
footnotes, comments, pictures, objects, shapes, fields' instructions, ``\\bin`` data. The title is the document's own
(``{\\info{\\title ...}}``), the date its creation date (``\\creatim``).

Standard library only; a tokenizer that looks at each byte once (no regex that can backtrack over the input, no
recursion: groups nested five million deep are a counter), so malformed input (unbalanced braces, a file cut short)
reads as far as it goes in linear time.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from newsfuse.errors import InputError

RTF_SUFFIX = ".rtf"
MAX_DEPTH = 1_000  # groups deeper than this are counted, not stacked (no real document nests past a few dozen)

# a control word (letters, an optional number, an optional space), a run of \'hh escapes, a control symbol,
# a run of opening or closing braces, a run of plain text, line ends (ignored)
_TOKEN = re.compile(rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|((?:\\'[0-9a-fA-F]{2})+)|\\(.?)|(\{+)|(\}+)|([^\\{}\r\n]+)|[\r\n]+",
                    re.DOTALL)

# destinations whose text is not the body's
_SKIPPED = frozenset(
    "fonttbl colortbl stylesheet listtable listoverridetable revtbl rsidtbl generator themedata colorschememapping "
    "datastore latentstyles xmlnstbl pgdsctbl filetbl mmathPr header headerl headerr headerf footer footerl footerr "
    "footerf footnote annotation atnid atnauthor atrfstart atrfend pict object objdata shp shpinst nonshppict fldinst "
    "bkmkstart bkmkend txe xe tc private userprops docvar listtext pntext pntxta pntxtb".split())
_INFO_TEXT = frozenset({"title"})
_CHARS = {"emdash": "\u2014", "endash": "\u2013", "lquote": "\u2018", "rquote": "\u2019", "ldblquote": "\u201c",
          "rdblquote": "\u201d", "bullet": "\u2022", "emspace": " ", "enspace": " ", "qmspace": " ", "tab": " "}
_BREAKS = {"par": "\n\n", "sect": "\n\n", "page": "\n\n", "cell": "\n\n", "row": "\n\n", "nestcell": "\n\n",
           "line": "\n"}
_SYMBOLS = {b"~": "\u00a0", b"_": "\u2011", b"-": "", b"\\": "\\", b"{": "{", b"}": "}", b"\n": "\n\n", b"\r": "\n\n",
            b"\t": " "}


@dataclass
class RtfText:
    text: str
    title: str | None
    date: str | None


def looks_like_rtf(data: bytes) -> bool:
    return data.lstrip()[:5] == b"{\\rtf"


class _Group:
    __slots__ = ("dest", "uc")

    def __init__(self, dest: str, uc: int) -> None:
        self.dest = dest  # "body", "skip", "info", "title", "creatim"
        self.uc = uc


def read_rtf(data: bytes, name: str) -> RtfText:
    """The body text of the RTF file ``data``; InputError in one line when it holds none."""
    if not looks_like_rtf(data):
        raise InputError(f"{name} is not an RTF file (it does not start with {{\\rtf)")
    codec = "cp1252"
    body: list[str] = []
    title: list[str] = []
    date: dict[str, int] = {}
    pending = bytearray()  # text bytes not yet decoded (\'hh runs of a multi-byte code page belong together)
    stack: list[_Group] = []
    overflow = 0  # groups opened past MAX_DEPTH
    group = _Group("body", 1)
    fresh = False  # at a group's first token (where a destination names itself)
    ignorable = False  # the group began with \*
    skip_chars = 0  # fallback characters of a \uN still to skip
    n = len(data)
    pos = data.find(b"{")

    def out() -> list[str] | None:
        return body if group.dest == "body" else title if group.dest == "title" else None

    def flush() -> None:
        if pending:
            target = out()
            if target is not None:
                target.append(pending.decode(codec, errors="replace"))
            pending.clear()

    while pos < n:
        m = _TOKEN.match(data, pos)
        if m is None:  # (cannot happen: every byte starts a token; kept as a guard against a loop)
            pos += 1
            continue
        pos = m.end()
        word, num, hexes, symbol, opens, closes, text = m.groups()
        if opens is not None:
            flush()
            for _ in range(len(opens)):
                if len(stack) >= MAX_DEPTH:
                    overflow += 1
                else:
                    stack.append(group)
                    group = _Group(group.dest, group.uc)
            fresh, ignorable, skip_chars = True, False, 0
            continue
        if closes is not None:
            flush()
            for _ in range(len(closes)):
                if overflow:
                    overflow -= 1
                elif stack:
                    group = stack.pop()
            fresh, ignorable, skip_chars = False, False, 0
            continue
        was_fresh, fresh = fresh, False
        if word is not None:
            w = word.decode("ascii")
            if skip_chars:
                skip_chars -= 1
                if w != "bin":
                    continue
            if was_fresh and group.dest != "skip":
                named = ignorable or w in _SKIPPED or w == "info" or group.dest == "info"
                if named:
                    flush()
                    if group.dest == "info":  # {\info{\title ...}{\creatim\yr2026\mo5\dy14}{\author ...}}
                        group.dest = w if w in _INFO_TEXT or w == "creatim" else "skip"
                    elif w == "info" and not ignorable:
                        group.dest = "info"
                    else:
                        group.dest = "skip"
                    ignorable = False
                    continue
            ignorable = False
            if w == "bin":
                pos += max(int(num or 0), 0)  # binary data: skipped whole
                continue
            if group.dest == "creatim" and w in ("yr", "mo", "dy") and num:
                date[w] = int(num)
                continue
            if w == "ansicpg" and num:
                flush()
                codec = _codec(int(num), codec)
            elif w == "uc" and num:
                group.uc = max(int(num), 0)
            elif w == "u" and num:
                flush()
                target = out()
                if target is not None:
                    cp = int(num)
                    target.append(chr(cp + 65536 if cp < 0 else cp) if -32768 <= cp <= 65535 else "\ufffd")
                skip_chars = group.uc
            elif w in _BREAKS or w in _CHARS:
                flush()
                target = out()
                if target is not None:
                    target.append(_BREAKS.get(w) or _CHARS[w])
            continue
        if hexes is not None:
            raw = bytes.fromhex(hexes.replace(b"\\'", b"").decode("ascii"))
            if skip_chars:
                k = min(skip_chars, len(raw))
                raw, skip_chars = raw[k:], skip_chars - k
            pending += raw
            continue
        if symbol is not None:
            if symbol == b"*":
                ignorable = True
                fresh = was_fresh
                continue
            if skip_chars:
                skip_chars -= 1
                continue
            flush()
            target = out()
            if target is not None:
                target.append(_SYMBOLS.get(symbol, ""))
            continue
        if text is not None:
            if skip_chars:
                k = min(skip_chars, len(text))
                text, skip_chars = text[k:], skip_chars - k
            pending += text
    flush()
    result = _tidy("".join(body))
    if not result:
        raise InputError(f"{name} is an RTF file with no text")
    heading = " ".join(_tidy("".join(title)).split()) or None
    when = None
    if date.get("yr") and 1 <= date.get("mo", 0) <= 12 and 1 <= date.get("dy", 0) <= 31:
        when = f"{date['yr']:04d}-{date['mo']:02d}-{date['dy']:02d}"
    return RtfText(text=result, title=heading, date=when)


def _codec(page: int, current: str) -> str:
    name = f"cp{page}"
    try:
        codecs.lookup(name)
    except LookupError:
        return current
    return name


def _tidy(text: str) -> str:
    """Surrogate pairs of \\uN escapes joined; each paragraph's runs of spaces one space; no empty paragraphs."""
    text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    paras = []
    for para in text.split("\n\n"):
        lines = [" ".join(line.split()) for line in para.split("\n")]
        para = "\n".join(x for x in lines if x)
        if para:
            paras.append(para)
    return "\n\n".join(paras)
