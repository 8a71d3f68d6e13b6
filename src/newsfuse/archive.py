"""A ZIP archive of a story's files (a press office's "press kit": a PDF release, a Word statement, an HTML page,
photos), read member by member in memory (part of the load stage).

Each member is handed back with its file name (the last part of its path: folders inside the archive are flattened)
and its bytes, in name order, for the loader to read as a file of that name in a folder is read. Nothing is ever
written to disk, so a member named ``../../etc/x`` or ``/abs/x`` is only ever called ``x``. Hidden members (``.x``,
``_x``, ``__MACOSX/``, macOS's ``._x`` resource forks) and README/LICENSE files are passed over as the folder walk
passes them over.

Hostile archives: an archive of more than ``MAX_MEMBERS`` files is refused whole; a member is read (decompressed as
a stream) to at most one byte more than the loader's per-file cap, and the members together to at most
``MAX_TOTAL_BYTES`` (the rest is not read, with a warning), so a ZIP bomb stops at a cap whatever its headers claim;
a member unpacking to more than ``MAX_RATIO`` times its packed size is refused as a bomb; an encrypted, damaged or
unsupported member is skipped in one line; a damaged archive is one line.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from newsfuse.errors import InputError, exception_line

MAX_MEMBERS = 1_000  # a press kit holds a handful of files; an archive of thousands is not one story's
MAX_TOTAL_BYTES = 100_000_000  # all members together, decompressed
MAX_RATIO = 200  # deflate packs text about 3-10 times; a member far beyond that is a bomb ...
RATIO_FLOOR = 1_000_000  # ... once it unpacks to more than this (a small file of spaces packs very well too)
CHUNK = 1 << 16
ZIP_SUFFIX = ".zip"
_HIDDEN_OR_META = re.compile(r"^(?:\.|_|~)|^(?:readme|license|licence|copying|changelog)(?:\.\w+)?$", re.IGNORECASE)


@dataclass
class Member:
    filename: str  # the member's file name, without its folders
    shown: str  # what messages call it: "kit.zip/folder/name.pdf"
    data: bytes


def open_zip(data: bytes, name: str) -> zipfile.ZipFile:
    """``data`` as a ZIP archive; InputError in one line when it is not a readable one."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise InputError(f"{name} is not a readable ZIP archive (damaged or truncated)") from None
    return archive


def is_office(archive: zipfile.ZipFile) -> bool:
    """A Word (.docx) or OpenDocument (.odt, .ods ...) file: a ZIP archive of XML parts, read whole by office_text."""
    names = set(archive.namelist())
    return "word/document.xml" in names or "[Content_Types].xml" in names or ("mimetype" in names and "content.xml" in names)


def _parts(member_name: str) -> list[str]:
    return [p for p in re.split(r"[/\\]", member_name) if p not in ("", ".", "..")]


def members(archive: zipfile.ZipFile, name: str, max_member_bytes: int, skip: Callable[[str], None],
            warn: Callable[[str], None]) -> Iterator[Member]:
    """The archive's files worth reading, in name order, each read to at most ``max_member_bytes + 1`` bytes (the
    loader truncates or refuses beyond its cap, as for a file). Skipped members are said with ``skip``; a cap reached
    with ``warn``. InputError (one line) for an archive of too many files."""
    infos = [i for i in archive.infolist() if not i.is_dir()]
    if len(infos) > MAX_MEMBERS:
        raise InputError(f"{name} holds {len(infos):,} files, more than {MAX_MEMBERS:,}: not read "
                         "(a press kit holds a few documents)")
    kept = []
    for info in infos:
        parts = _parts(info.filename)
        if not parts or any(p.startswith((".", "_")) for p in parts[:-1]) or _HIDDEN_OR_META.match(parts[-1]):
            continue  # (a hidden folder, __MACOSX/, a ._ resource fork, README: as a folder's walk skips them)
        kept.append((info.filename, parts, info))
    if not kept and infos:
        skip(f"{name} holds no document (only hidden or README files)")
    elif not infos:
        skip(f"{name} is an empty ZIP archive")
    total = 0
    for _, parts, info in sorted(kept, key=lambda k: k[0]):
        shown = f"{name}/{'/'.join(parts)}"
        if info.flag_bits & 0x1:
            skip(f"{shown} is encrypted: not read")
            continue
        room = MAX_TOTAL_BYTES - total
        budget = min(max_member_bytes + 1, room + 1)
        out = bytearray()
        try:
            with archive.open(info) as fh:
                while len(out) < budget and (chunk := fh.read(min(CHUNK, budget - len(out)))):
                    out += chunk
                    if len(out) > RATIO_FLOOR and len(out) > MAX_RATIO * max(info.compress_size, 1):
                        raise _Bomb
        except _Bomb:
            skip(f"{shown} unpacks to more than {MAX_RATIO} times its packed size (a ZIP bomb?): not read")
            continue
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error, ValueError, NotImplementedError, RuntimeError) as e:
            skip(f"{shown} cannot be unpacked ({exception_line(e)})")
            continue
        if len(out) > room:
            warn(f"{name} unpacks to more than {MAX_TOTAL_BYTES // 1_000_000:,} MB: its files from {parts[-1]} on "
                 "are not read")
            return
        total += len(out)
        yield Member(parts[-1], shown, bytes(out))


class _Bomb(Exception):
    pass


