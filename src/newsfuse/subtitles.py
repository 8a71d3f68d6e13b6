"""Subtitle files of news video and radio: SubRip (``.srt``) and WebVTT (``.vtt``) (part of the load stage).

A caption file is a list of cues, each a number or an identifier, a timing line (``00:00:05,240 --> 00:00:07,610``,
WebVTT's with settings after it, ``align:start position:0%``) and one or two lines of text; WebVTT opens with a
``WEBVTT`` line and may hold ``NOTE``, ``STYLE`` and ``REGION`` blocks. What was said is the cues' text run together:
cues break lines mid-sentence, so they are joined into paragraphs, one a speaker's turn (``>>``, ``<v Name>``, a
``NAME:`` label after ``>>``), the sentences as spoken. Markup goes (``<i>``, ``<c>``, ``<font ...>``, ``{\\an8}``, the
word timestamps ``<00:00:01.234>`` of automatic captions), and so do the captioner's notes of sounds (``[Music]``,
``(applause)``, ``♪ ... ♪``) and the speaker marks.

Automatic ("rolling") captions show each line twice, once as it is spoken and again at the top of the next cue (and
often a third time alone in a 10-millisecond cue): the words a cue repeats from the end of the text so far are dropped,
so each spoken word appears once. Files without that pattern are read as they are: a captioner's "No. No." stays.

Everything here is one pass over the file's lines; the overlap test compares at most ``MAX_OVERLAP_WORDS`` words per
cue, so a cue of megabytes or a file of 100,000 cues is read in linear time.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass

# a timing line: start --> end, hours optional (WebVTT), comma or point before the milliseconds (SRT uses a comma)
_TIMING_RE = re.compile(r"^\s*((?:\d{1,3}:)?\d{1,2}:\d{2}[,.]\d{1,3})\s*-->\s*((?:\d{1,3}:)?\d{1,2}:\d{2}[,.]\d{1,3})")
_SRT_START_RE = re.compile(r"\A\s*\d{1,7}[ \t]*\r?\n[ \t]*(?:\d{1,3}:)?\d{1,2}:\d{2}[,.]\d{1,3}[ \t]*-->")
_VTT_START_RE = re.compile(r"\A\ufeff?WEBVTT(?:[ \t]|\r?\n|\Z)")
# markup inside a cue: tags (<i>, </c>, <v Name>, <00:00:01.234>, <font color="...">), SSA override codes ({\an8})
_TAG_RE = re.compile(r"<[^<>\n]{0,200}>|\{\\[^{}\n]{0,100}\}")
_VOICE_RE = re.compile(r"<v(?:\.[\w.-]{1,50})?[ \t]+([^<>\n]{1,100})>", re.IGNORECASE)
# a captioner's notes of sounds and music: "[Music]", "[NEWS THEME]", "(applause)", "(MUSIC)", "♪ lyrics ♪"
_SOUND_WORDS = ("applause|laughter|laughs|laughing|music|inaudible|crosstalk|cheering|cheers|silence|sighs|indistinct"
                "|static|siren|sirens|bell|bells|chuckles|coughs|no audio|foreign|speaking foreign language|gunfire|thunder")
_SOUND_RE = re.compile(r"\[[^\[\]\n]{1,60}\]|\((?i:" + _SOUND_WORDS + r")\)|\(\s*[A-Z][A-Z \-']{1,40}\)|♪[^♪\n]{0,200}♪|[♪♫]")
# a change of speaker (">>", ">>>" for a new story) with an optional "NAME:" label in capitals after it; a leading dash
# of a two-speaker SRT line ("- Where were you?")
_SPEAKER_RE = re.compile(r"^\s*>{2,3}\s*(?:[A-Z][A-Z .'\-]{0,40}[A-Z.]:\s*)?|^\s*-\s+(?=\S)")
_LABEL_RE = re.compile(r"^\s*[A-Z][A-Z .'\-]{0,40}[A-Z.]:\s+")  # "HOST: ..." opening a cue without ">>"
_INNER_SPEAKER_RE = re.compile(r"\s>{2,3}\s*(?:[A-Z][A-Z .'\-]{0,40}[A-Z.]:\s*)?")

# at most this many words of a cue are compared with the end of the text so far (a rolling cue repeats one or two lines)
MAX_OVERLAP_WORDS = 40
# a paragraph of one speaker ends at a sentence's end once it is this long, or anywhere once it is much longer (a
# transcript without punctuation, a cue of megabytes)
PARAGRAPH_WORDS = 120
MAX_PARAGRAPH_WORDS = 400
# rolling captions: this share of cues (of 2+ words) open with 2+ words the cue before ended with
ROLLING_SHARE = 0.3
_SENTENCE_END = (".", "!", "?", '."', '?"', '!"', ".”", "?”", "!”", ".'", ".)")


@dataclass(frozen=True)
class Cue:
    lines: tuple[str, ...]  # the payload's lines as in the file


def looks_like_subtitles(text: str) -> bool:
    """A WebVTT file (its ``WEBVTT`` header) or a SubRip file (a cue number over a timing line first)."""
    head = text[:2000]
    return _VTT_START_RE.match(head) is not None or _SRT_START_RE.match(head) is not None


def parse_cues(text: str) -> list[Cue]:
    """The cues of an SRT or VTT file in file order (WebVTT's header, NOTE, STYLE and REGION blocks left out)."""
    cues: list[Cue] = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    i, n = 0, len(lines)
    if lines and _VTT_START_RE.match(lines[0] + "\n"):
        while i < n and lines[i].strip():  # the header and its metadata lines ("Kind: captions")
            i += 1
    while i < n:
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        head = line.strip()
        if head in ("NOTE", "STYLE", "REGION") or head.startswith(("NOTE ", "NOTE\t", "STYLE ", "REGION ")):
            while i < n and lines[i].strip():
                i += 1
            continue
        # a cue: an optional number or identifier line, then its timing line
        if not _TIMING_RE.match(line):
            if i + 1 < n and _TIMING_RE.match(lines[i + 1]):
                i += 1
            else:  # a stray line outside any cue: read as text (a cue whose timing line was lost)
                body = []
                while i < n and lines[i].strip():
                    body.append(lines[i])
                    i += 1
                cues.append(Cue(tuple(body)))
                continue
        i += 1
        body = []
        while i < n and lines[i].strip() and not _TIMING_RE.match(lines[i]):
            if i + 1 < n and _TIMING_RE.match(lines[i + 1]):
                break  # the next cue's number or identifier, the blank line before it missing
            body.append(lines[i])
            i += 1
        if body:
            cues.append(Cue(tuple(body)))
    return cues


def _plain(line: str) -> tuple[str, str | None, bool]:
    """A cue line's words, the voice its ``<v>`` tag names, and whether it opens with a change of speaker."""
    voice = _VOICE_RE.search(line)
    text = _TAG_RE.sub("", line)
    text = html_lib.unescape(text).replace("\u200e", "").replace("\u200f", "")
    text = _SOUND_RE.sub(" ", text)
    turn = False
    m = _SPEAKER_RE.match(text)
    if m is not None and m.end() > m.start():
        turn = True
        text = text[m.end():]
    else:
        m = _LABEL_RE.match(text)
        if m is not None:
            turn = True
            text = text[m.end():]
    return " ".join(text.split()), voice.group(1).strip() if voice else None, turn


def _overlap(tail: list[str], words: list[str]) -> int:
    """How many of ``words``' first words repeat the last words of ``tail`` (the longest such run)."""
    for k in range(min(len(tail), len(words), MAX_OVERLAP_WORDS), 0, -1):
        if tail[-k:] == words[:k]:
            return k
    return 0


def _key(word: str) -> str:
    return word.lower().strip(".,!?;:\"'“”‘’")


def subtitles_to_text(text: str) -> str:
    """What the cues say, as paragraphs (one per speaker's turn, long turns broken at a sentence's end), each spoken
    word once."""
    cues = parse_cues(text)
    # each cue as its words and the positions k at which a speaker's turn starts (before word k)
    pieces: list[tuple[list[str], set[int]]] = []
    voice: str | None = None
    for cue in cues:
        words: list[str] = []
        turns: set[int] = set()
        for line in cue.lines:
            plain, v, turn = _plain(line)
            if v is not None and v != voice:
                voice, turn = v, True
            if not plain:
                if turn:
                    turns.add(len(words))
                continue
            # ">>" inside a line (an automatic caption runs two speakers into one line)
            parts = _INNER_SPEAKER_RE.split(" " + plain)
            for j, part in enumerate(parts):
                if turn or j:
                    turns.add(len(words))
                turn = False
                words.extend(part.split())
        pieces.append((words, turns))
    rolling = _is_rolling(pieces)
    out: list[list[str]] = [[]]
    tail: list[str] = []  # the last words written, as compared (lower case, no punctuation)
    for words, turns in pieces:
        skip = _overlap(tail, [_key(w) for w in words[:MAX_OVERLAP_WORDS]]) if rolling else 0
        for k, w in enumerate(words):
            if k < skip:
                continue
            para = out[-1]
            if k in turns and para:
                out.append([])
                para = out[-1]
            elif para and (len(para) >= MAX_PARAGRAPH_WORDS
                           or (len(para) >= PARAGRAPH_WORDS and para[-1].endswith(_SENTENCE_END))):
                out.append([])
                para = out[-1]
            para.append(w)
        if skip < len(words):
            tail = (tail + [_key(w) for w in words[skip:][-MAX_OVERLAP_WORDS:]])[-MAX_OVERLAP_WORDS:]
        elif turns and not words and out[-1]:  # (a cue of a speaker mark alone)
            out.append([])
    return "\n\n".join(" ".join(p) for p in out if p)


def punctuated(text: str) -> bool:
    """Whether a transcript marks its sentences' ends: automatic captions often have no punctuation at all, and a text
    without any cannot be split into sentences."""
    return any(text.count(mark) for mark in ".!?")


def _is_rolling(pieces: list[tuple[list[str], set[int]]]) -> bool:
    """Whether the cues repeat the words before them (automatic rolling captions)."""
    multi = repeats = 0
    prev: list[str] = []
    for words, _ in pieces:
        keys = [_key(w) for w in words[:MAX_OVERLAP_WORDS]]
        if len(keys) >= 2:
            multi += 1
            repeats += _overlap(prev, keys) >= 2
        if keys:
            prev = [_key(w) for w in words[-MAX_OVERLAP_WORDS:]]
    return multi > 0 and repeats >= ROLLING_SHARE * multi
