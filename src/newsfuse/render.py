"""Stage 8, render: a Brief as text, Markdown, JSON or one self-contained HTML page."""

from __future__ import annotations

import html
import json
import re
import textwrap
from collections.abc import Callable

from newsfuse.errors import InputError
from newsfuse.model import Brief, BriefSentence

FORMATS = ("text", "markdown", "json", "html")

# Control characters other than tab and newline (ESC starts a terminal's escape sequences: an article
# holding "\x1b]0;...\x07" would retitle the reader's terminal, "\x1b[2J" clear it, "\r" overprint a line).
# The text and Markdown briefs, read in terminals, show each as U+FFFD; JSON escapes them, HTML is inert.
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _inert(text: str) -> str:
    return _CONTROL_RE.sub("\ufffd", text)


def _numbers(brief: Brief) -> dict[str, int]:
    return {s.id: k + 1 for k, s in enumerate(brief.sources)}


def _marks(sent: BriefSentence, num: dict[str, int], md: bool = False) -> str:
    ids = [num[i] for i in sent.sources if i in num]
    return "".join(f"[{n}]" for n in ids) if md else "[" + ",".join(str(n) for n in ids) + "]"


def _source_line(n: int, brief: Brief, k: int) -> str:
    s = brief.sources[k]
    bits = [s.name]
    if s.title:
        bits.append(f"\"{s.title}\"")
    if s.date:
        bits.append(s.date)
    if s.url:
        bits.append(s.url)
    return f"[{n}] " + " - ".join(bits)


def _cited(brief: Brief) -> list[int]:
    used = {i for s in brief.sentences for i in s.sources} | {i for d in brief.disputes for _, ids in d.figures
                                                              for i in ids}
    return [k for k, s in enumerate(brief.sources) if s.id in used] or list(range(len(brief.sources)))


def differ_lines(brief: Brief, mark: Callable[[list[int]], str]) -> list[str]:
    """One line per count the brief states that outlets give differently: "Figures differ: 9 dead [5]; 7 dead
    [2,3,4,6]." (``mark`` writes a figure's source numbers)."""
    num = _numbers(brief)
    return ["Figures differ: " + "; ".join(f"{v} {d.kind} {mark([num[i] for i in ids if i in num])}"
                                           for v, ids in d.figures) + "."
            for d in brief.disputes]


def to_text(brief: Brief, width: int = 80) -> str:
    num = _numbers(brief)
    body = " ".join(f"{s.text} {_marks(s, num)}" for s in brief.sentences)
    out = [textwrap.fill(body, width=width, break_long_words=False, break_on_hyphens=False) if body else "(empty brief)"]
    for line in differ_lines(brief, lambda ns: "[" + ",".join(map(str, ns)) + "]"):
        out.extend(["", textwrap.fill(line, width=width, break_long_words=False, break_on_hyphens=False)])
    out.append("")
    out.append("Sources:")
    out.extend(_source_line(k + 1, brief, k) for k in _cited(brief))
    return _inert("\n".join(out) + "\n")


def _md_escape(text: str) -> str:
    out = text
    for ch in "\\`*_[]<>#|":
        out = out.replace(ch, "\\" + ch)
    return out


def to_markdown(brief: Brief) -> str:
    num = _numbers(brief)
    lines = [" ".join(f"{_md_escape(s.text)} {_marks(s, num, md=True)}" for s in brief.sentences), ""]
    for line in differ_lines(brief, lambda ns: "".join(f"[{n}]" for n in ns)):
        lines.extend(["**" + line.replace(": ", ":** ", 1), ""])
    lines.extend(["## Sources", ""])
    for k in _cited(brief):
        s = brief.sources[k]
        name = _md_escape(s.name)
        title = f" — {_md_escape(s.title)}" if s.title else ""
        date = f" ({_md_escape(s.date)})" if s.date else ""
        link = f" <{s.url}>" if s.url and s.url.startswith(("http://", "https://")) and ">" not in s.url else ""
        lines.append(f"{k + 1}. **{name}**{title}{date}{link}")
    return _inert("\n".join(lines) + "\n")


def to_json(brief: Brief) -> str:
    return json.dumps(brief.to_dict(), ensure_ascii=False, indent=2) + "\n"


_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>newsfuse brief</title>
<style>
body{{font:17px/1.55 Georgia,serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}}
h1{{font:600 1.1rem system-ui,sans-serif;letter-spacing:.02em;text-transform:uppercase;color:#555}}
sup a{{font:600 .7rem system-ui,sans-serif;text-decoration:none;margin-left:.1em}}
.outlets{{font:.75rem system-ui,sans-serif;color:#666}}
.differ{{font:.9rem system-ui,sans-serif;border-left:3px solid #b8860b;padding-left:.6rem}}
ol{{font:.95rem system-ui,sans-serif}} li{{margin:.3rem 0}}
</style></head><body>
<h1>Brief</h1>
<p>{body}</p>{differ}
<h2 class="outlets">Sources</h2>
<ol>{sources}</ol>
<p class="outlets">{stats}</p>
</body></html>
"""


def outlet_count(s: BriefSentence) -> str:
    """"3 outlets", and how many independent reports they make when fewer ("3 outlets, 1 independent report":
    the others republished one wire copy)."""
    out = f"{s.outlets} outlet{'s' if s.outlets != 1 else ''}"
    if 0 < s.reports < s.outlets:
        out += f", {s.reports} independent report{'s' if s.reports != 1 else ''}"
    return out


def to_html(brief: Brief) -> str:
    num = _numbers(brief)
    e = html.escape
    parts = []
    for s in brief.sentences:
        marks = "".join(
            f'<a href="#src{num[i]}" title="{e(brief.sources[num[i] - 1].name)}">[{num[i]}]</a>'
            for i in s.sources
            if i in num
        )
        parts.append(f'{e(s.text)}<sup>{marks}</sup> <span class="outlets">({outlet_count(s)})</span>')
    items = []
    for k, src in enumerate(brief.sources):
        title = f" — {e(src.title)}" if src.title else ""
        date = f" ({e(src.date)})" if src.date else ""
        url = ""
        if src.url and src.url.startswith(("http://", "https://")):
            url = f' <a href="{e(src.url, quote=True)}" rel="noopener noreferrer">{e(src.url)}</a>'
        items.append(f'<li id="src{k + 1}"><strong>{e(src.name)}</strong>{title}{date}{url}</li>')
    st = brief.stats
    stats = e(f"{st.words} words from {st.documents} documents ({st.sentences_in} sentences) in {st.seconds:.2f} s")
    differ = "".join(
        '\n<p class="differ">' + e(line.split("[", 1)[0]) + "".join(
            f'<a href="#src{n}">[{n}]</a>' + e(piece) for n, piece in _marked_pieces(line)) + "</p>"
        for line in differ_lines(brief, lambda ns: "".join(f"[{n}]" for n in ns)))
    return _PAGE.format(body=" ".join(parts), differ=differ, sources="".join(items), stats=stats)


def _marked_pieces(line: str) -> list[tuple[int, str]]:
    """A line's source marks "[n]", each with the text after it up to the next mark."""
    return [(int(m.group(1)), m.group(2)) for m in re.finditer(r"\[(\d+)\]([^\[]*)", line)]


def render(brief: Brief, fmt: str = "text") -> str:
    if fmt == "text":
        return to_text(brief)
    if fmt in ("markdown", "md"):
        return to_markdown(brief)
    if fmt == "json":
        return to_json(brief)
    if fmt == "html":
        return to_html(brief)
    raise InputError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
