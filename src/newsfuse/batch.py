"""``newsfuse batch``: summarize every cluster of a JSONL(.gz) file, or every story folder of a directory,
into a JSONL file, resumably.

Each output line is ``{"id", "summary", "sentences", "seconds"}`` (``sentences`` as in
``Brief.to_dict()``; a story folder's line adds ``"notes"``, the loader's warnings, when it has any, and a brief that
states a count outlets give differently ``"disputes"``), or
``{"id", "error"}`` for a cluster that could not be summarized; the run goes on after a failure.

A directory IN is a tree of stories: each folder that holds files is one cluster (its id the folder's path below
IN, ``2024/port-veyra``; its documents whatever ``newsfuse summarize FOLDER`` reads), and a folder of only
subfolders is a shelf, walked into (``walk_stories``). The folders are listed (names only, one listing per level
held at a time) and walked in sorted order as the run goes; each story is read in the worker that summarizes it,
so the main process never holds a story's documents. Every line is flushed and fsync'ed as soon as it is written, so a run that is
killed loses at most the line being written: a rerun drops that truncated tail, skips every id already
in the output and never writes an id twice.

Work runs in local worker processes (all cores by default) fed in chunks through a bounded queue, so
memory stays flat on inputs of any size; ``--ray`` runs the same chunks on a Ray cluster instead.
"""

from __future__ import annotations

import gzip
import itertools
import json
import os
import re
import sys
import time
import zlib
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import click

from newsfuse.errors import InputError, MissingDependency, NewsfuseError, WorkerDied
from newsfuse.load import (
    HIDDEN_OR_META,
    HTML_SUFFIXES,
    MAX_CONTROL_RATIO,
    count_lines,
    describe_read_error,
    json_lines,
    json_problem,
    loads,
    open_text,
    path_kind,
    strip_suffix,
)
from newsfuse.workers import pool_size, progress_interval

CHUNK = 8  # clusters per task: amortises inter-process overhead, keeps results flowing
# story folders per task: a folder is read and summarized in the worker (PDFs, Word files, saved pages), far
# more work than the hand-over costs, so small tasks keep both cores busy even on a tree of a few stories
FOLDER_CHUNK = 1
IN_FLIGHT_PER_WORKER = 4  # chunks queued per worker: bounds memory on huge inputs

Item = tuple[str, Any]  # (cluster id, documents list as read from JSON, a story folder's Path, or an error string)


@dataclass
class BatchStats:
    total: int = 0  # clusters in the input (non-blank lines)
    skipped: int = 0  # ids already in the output (resume)
    repeated: int = 0  # clusters whose id an earlier line of the input already has (the first one is kept)
    first_repeated: str | None = None  # the first such id, to name it
    unread: int = 0  # folders below a story tree's top level not read (links back up the tree, too deep)
    first_unread: list[str] = field(default_factory=list)  # the first few, to name them
    done: int = 0  # summaries written this run
    failed: int = 0  # error lines written this run
    seconds: float = 0.0

    def repeated_note(self) -> str | None:
        """One line naming the first repeated id: a count alone hid which clusters were not summarized."""
        if not self.repeated:
            return None
        return (f"{self.repeated} cluster{'s' if self.repeated > 1 else ''} not summarized: the id of an earlier "
                f"line of the input (the first: {json.dumps(self.first_repeated)[:80]}; ids compare as text, so 5 and "
                "\"5\" are one id)")

    def unread_note(self) -> str | None:
        """One line naming the first folders below the top of a story tree that were not read (those of the
        top level are named before the run starts)."""
        if not self.unread:
            return None
        more = f", and {self.unread - len(self.first_unread)} more" if self.unread > len(self.first_unread) else ""
        return f"not read: {', '.join(self.first_unread)}{more}"

    def line(self) -> str:
        return (
            f"{self.done} summarized, {self.failed} failed, {self.skipped} skipped (already done), "
            + (f"{self.repeated} skipped (id repeated in the input), " if self.repeated else "")
            + f"{self.total} in input, {self.seconds:.1f} s"
        )


# --- output: resume ------------------------------------------------------------------------------------


def _record_id(raw: bytes) -> str | None:
    """The id of one output line, or None when the line is not a JSON object with an "id"."""
    try:
        obj = loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None
    return str(obj["id"]) if isinstance(obj, dict) and "id" in obj else None


def _repair_and_read_ids(out: Path) -> set[str]:
    """Ids already written to ``out``; a truncated last line (a crash mid-write) is cut off the file.

    A file that is not a batch output (a line that is not a record, a last line that is not the start of
    one) is refused before anything in it is changed: --out may name the wrong file.
    """
    ids: set[str] = set()
    if not out.exists():
        return ids
    with open(out, "rb+") as fh:
        data = fh.read()
        end = data.rfind(b"\n") + 1  # 0 when there is no complete line at all
        for n, raw in enumerate(data[:end].split(b"\n"), 1):
            if not raw.strip(b" \t\r\0"):  # blank, or zeros a crash left in the file system
                continue
            cid = _record_id(raw)
            if cid is None:
                raise InputError(f"{out} is not a newsfuse batch output (line {n} is not a JSON record with an "
                                 f"\"id\"): give a new --out file; nothing was changed")
            ids.add(cid)
        tail = data[end:]
        if tail:
            cid = _record_id(tail)
            if cid is not None:  # a whole record whose newline was not written: keep it
                fh.write(b"\n")
                ids.add(cid)
            elif b'{"id": '.startswith(tail[:7]) or not tail.strip(b" \t\r\0"):  # the start of a record: cut it
                fh.truncate(end)
            else:
                raise InputError(f"{out} is not a newsfuse batch output (its last line is not a JSON record): "
                                 "give a new --out file; nothing was changed")
            fh.flush()
            os.fsync(fh.fileno())
    return ids


def _write_line(fh: IO[str], record: dict[str, Any]) -> None:
    line = json.dumps(record, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate ("\ud800" in an input id): keep it as a JSON escape
        line = json.dumps(record)
    fh.write(line + "\n")
    fh.flush()
    os.fsync(fh.fileno())


# --- input ---------------------------------------------------------------------------------------------


# Bytes no JSONL text holds: NUL (UTF-16 text and binary data are full of it) and the other C0 controls but tab,
# line feed, carriage return and form feed.
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f]")
HEAD_BYTES = 65536  # how much of the input is looked at
MIN_BAD_LINES = 3  # ... and an input whose lines are mostly (and at least this many) not UTF-8 is another encoding


def looks_binary(path: Path) -> bool:
    """Whether the (decompressed) start of ``path`` is binary data, UTF-16/32 text (a NUL, or more than
    MAX_CONTROL_RATIO control bytes) or text in another encoding through and through (most of its lines, and at least
    MIN_BAD_LINES, not UTF-8). Such an input is refused in one line: recording each of its "lines" as not UTF-8
    would fill --out with junk. A few lines that are not UTF-8 are one error record each (``iter_items``),
    however small the file."""
    try:
        with (gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")) as fh:
            head = fh.read(HEAD_BYTES)
    except (OSError, EOFError, zlib.error):  # iter_items reports it, after the clusters before the damage
        return False
    if b"\x00" in head or len(_BINARY_BYTES.findall(head)) > MAX_CONTROL_RATIO * max(len(head), 1):
        return True
    pieces = head.split(b"\n")
    if len(head) == HEAD_BYTES:
        pieces.pop()  # (the last line may be cut mid-character)
    lines = [x for x in pieces if x.strip()]
    bad = sum(1 for x in lines if not _is_utf8(x))
    return bad >= MIN_BAD_LINES and bad > len(lines) / 2  # text in another encoding through and through


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def cluster_id(obj: dict[str, Any], n: int) -> str:
    """The output id of line ``n``'s cluster: its "id" string, or a number's digits (ids compare as text, so
    5 and "5" are one id). A line with no usable id (none, null, "", true, an object or a list, which were
    written as "None", "True", "{'x': 1}", or as the bare line number that a real id 5 then collided with) gets
    ``line-N``, as a line that is not a cluster does."""
    cid = obj.get("id")
    if isinstance(cid, str) and cid.strip():
        return cid
    if isinstance(cid, (int, float)) and not isinstance(cid, bool):
        return str(cid)
    return f"line-{n}"


def iter_items(path: Path) -> Iterator[Item]:
    """(id, documents) per cluster line; a line that is not a cluster (not UTF-8, not JSON, not a cluster
    object) gives (id, error message): one bad line must not stop, nor forever block, a resumable run."""
    try:
        with open_text(path, errors="surrogateescape") as fh:  # a line that is not UTF-8 is one error line
            for n, obj in json_lines(fh):
                if isinstance(obj, UnicodeDecodeError):
                    yield f"line-{n}", (f"line {n} is not UTF-8 text (byte 0x{obj.object[obj.start]:02x} at offset "
                                        f"{obj.start} of the line)")
                elif isinstance(obj, json.JSONDecodeError):
                    yield f"line-{n}", f"line {n} is not valid JSON ({json_problem(obj)})"
                elif not isinstance(obj, dict):
                    yield f"line-{n}", f"line {n} is not a cluster object"
                elif not isinstance(obj.get("documents"), list):
                    yield cluster_id(obj, n), "a cluster must have a \"documents\" list"
                else:
                    yield cluster_id(obj, n), obj["documents"]
    except (OSError, EOFError, UnicodeDecodeError, zlib.error) as e:
        raise InputError(f"{path}: cannot read clusters ({describe_read_error(e)})") from None


# --- input: a directory of story folders ----------------------------------------------------------------

# Subfolders not read as stories: hidden ones (".git"), "__MACOSX" and the like, and editors' "~" copies, as
# load_inputs skips such files in a story folder.
SKIPPED_FOLDER_PREFIXES = (".", "_", "~")
SAVED_PAGE_FILES = "_files"  # a browser's "Save page, complete": NAME.html and its NAME_files folder of images


DEFAULT_DEPTH = 8  # story folders at most this many levels below IN (--depth): real collections are 1-4 deep


@dataclass
class StoryTree:
    folders: list[str]  # IN's own subfolders, sorted: each a story or a shelf of stories (see walk_stories)
    loose: list[str]  # files directly in the directory, not read (sorted)
    unread: list[str]  # subfolders that are not stories, each with why


def _entry_kind(entry: os.DirEntry[str], here: Path, above: set[Path]) -> str | None:
    """"dir", "file", "other" (a pipe, a socket, a device: the loader names it, unread), "back" (a link to a
    folder that holds it: ``here``, the real path of the folder listed, its parents, or a folder of ``above``, the
    real paths the walk came down through) or None (a broken link, a link loop, an entry that vanished or cannot
    be looked at)."""
    try:
        if entry.is_dir():
            if entry.is_symlink():
                target = Path(entry.path).resolve()
                if target == here or target in above or target in here.parents:
                    return "back"
            return "dir"
        if entry.is_file():
            return "file"
        return "other" if os.path.exists(entry.path) else None
    except (OSError, RuntimeError):  # (RuntimeError: an old Python's resolve() on a link loop)
        return None


def _list(folder: Path, here: Path, above: set[Path]) -> list[tuple[str, str | None]]:
    """(name, kind) of each entry of ``folder``, sorted by name: names only, no file opened."""
    with os.scandir(folder) as it:
        return sorted((e.name, _entry_kind(e, here, above)) for e in it)


def _subfolders(entries: list[tuple[str, str | None]]) -> tuple[list[str], list[str]]:
    """(the subfolders read, the links back up the tree): hidden, ``_`` and ``~`` folders and a saved page's
    ``NAME_files`` beside its ``NAME.html`` are neither."""
    pages = {strip_suffix(name) for name, kind in entries if kind == "file" and name.lower().endswith(HTML_SUFFIXES)}
    read, back = [], []
    for name, kind in entries:
        if kind == "back":
            back.append(name)
        elif kind != "dir" or name.startswith(SKIPPED_FOLDER_PREFIXES):
            continue
        elif not (name.endswith(SAVED_PAGE_FILES) and name[: -len(SAVED_PAGE_FILES)] in pages):
            read.append(name)
    return read, back


def story_folders(root: Path, out: Path | None = None) -> StoryTree:
    """IN's own subfolders (links to folders followed), sorted by name: each is a story or a shelf of stories,
    which ``walk_stories`` tells apart as it goes.

    Only names are listed, in one pass over the directory, without opening a file or a subfolder: a tree of
    10,000 stories starts at once, and each story is read by the worker that summarizes it. Left out: hidden
    folders (SKIPPED_FOLDER_PREFIXES), a link to ``root`` itself or to a folder above it (``load_inputs`` reads
    only a folder's own files, so no link can make the run loop, but such a "story" would be ``root``'s loose
    files), and a saved page's ``NAME_files`` folder beside its ``NAME.html``. Loose files (not hidden, not a
    README, not ``out``) are listed so that the caller can say they are not read."""
    try:
        base = root.resolve()
        entries = _list(root, base, set())
    except (OSError, RuntimeError) as e:
        raise InputError(f"cannot read the directory {root}: {getattr(e, 'strerror', None) or e}") from None
    out_name = out.name if out is not None and out.resolve().parent == base else None
    files = [name for name, kind in entries if kind == "file"]
    read, back = _subfolders(entries)
    unread = [f"{name} (a link back to {root})" for name in back]
    pages = {strip_suffix(name) for name in files if name.lower().endswith(HTML_SUFFIXES)}
    unread += [f"{name} (the files of the saved page beside it)" for name, kind in entries
               if kind == "dir" and name.endswith(SAVED_PAGE_FILES) and name[: -len(SAVED_PAGE_FILES)] in pages
               and not name.startswith(SKIPPED_FOLDER_PREFIXES)]
    return StoryTree(read, [name for name in files if name != out_name and not HIDDEN_OR_META.match(name)],
                     sorted(unread))


def walk_stories(root: Path, tree: StoryTree, depth: int = DEFAULT_DEPTH,
                 note: Callable[[str], None] = lambda _: None,
                 found: Callable[[int], None] = lambda _: None) -> Iterator[tuple[str, ...]]:
    """The story folders under ``root`` (each as its path's parts below ``root``), depth-first, sorted by name
    at each level, found as they are yielded: the first story is yielded after listing one folder per level, and
    the walk holds one listing per level, whatever the size of the tree.

    A folder is a story when it holds a file (not hidden, not a README: what ``newsfuse summarize FOLDER`` would
    read or name), or nothing to descend into (an empty folder is a story, whose line says so); a folder of only
    subfolders is a shelf, not a story itself, and its subfolders are walked. A story's subfolders are walked too:
    each is a story or a shelf of its own (a topic folder with a description file and its docsets gives the
    topic's line and each docset's; nothing in the tree is passed over in silence). A folder ``depth`` levels down
    is a story whatever it holds (its subfolders are not read: said through ``note``). Links to folders are
    followed, but never a link to a folder the walk is in or came down through (``note`` names it), so no link
    makes the walk loop. ``found(n)``: n more lines than the walk had counted (a shelf's k subfolders are k-1
    more; a story's k subfolders are k more)."""
    base = root.resolve()
    stack: list[tuple[Iterator[str], tuple[str, ...], Path]] = [(iter(tree.folders), (), base)]
    above: set[Path] = {base}  # the real paths of the folders the walk is in
    while stack:
        names, parts, real = stack[-1]
        name = next(names, None)
        if name is None:
            stack.pop()
            above.discard(real)
            continue
        rel = (*parts, name)
        folder = root.joinpath(*rel)
        try:
            here = folder.resolve() if folder.is_symlink() else real / name
            entries = _list(folder, here, above)
        except (OSError, RuntimeError):  # unreadable, or gone: a story, whose line says why (or that IN is gone)
            yield rel
            continue
        subs, back = _subfolders(entries)
        for link in back:
            note(f"{'/'.join((*rel, link))} (a link back up the tree)")
        has_files = any(kind in ("file", "other") and not HIDDEN_OR_META.match(n) for n, kind in entries)
        if has_files or not subs or len(rel) >= depth:
            yield rel
            if not subs:
                continue
            if len(rel) >= depth:
                note(f"{'/'.join(rel)}'s {len(subs)} subfolder{'s' if len(subs) > 1 else ''} (deeper than --depth "
                     f"{depth})")
                continue
            found(len(subs))
        else:
            found(len(subs) - 1)
        stack.append((iter(subs), rel, here))
        above.add(here)


def _no_stories(root: Path, tree: StoryTree) -> InputError:
    what = f"only {len(tree.loose)} file{'s' if len(tree.loose) > 1 else ''}" if tree.loose else "it is empty"
    hint = f"; to summarize its files as one story: newsfuse summarize {root}" if tree.loose else ""
    return InputError(f"{root} has no story folders ({what}): batch reads each subfolder of a directory as one "
                      f"story{hint}")


def _tree_notes(root: Path, tree: StoryTree) -> list[str]:
    notes = []
    if tree.loose:
        n = len(tree.loose)
        notes.append(f"{n} file{'s' if n > 1 else ''} directly in {root} not read ({', '.join(tree.loose[:3])}"
                     f"{', ...' if n > 3 else ''}): each story is a subfolder")
    if tree.unread:
        notes.append(f"not read as stories: {', '.join(tree.unread[:3])}{', ...' if len(tree.unread) > 3 else ''}")
    return notes


# --- the work ------------------------------------------------------------------------------------------


def summarize_one(cid: str, docs: Any, budget: dict[str, int | None]) -> dict[str, Any]:
    """One output record: the brief, or ``{"id", "error"}``. Never raises."""
    if isinstance(docs, str):
        return {"id": cid, "error": docs}
    t0 = time.perf_counter()
    notes: list[str] = []
    try:
        from newsfuse import summarize

        if isinstance(docs, Path):  # a story folder, read here in the worker, as `newsfuse summarize FOLDER` reads it
            from newsfuse.load import load_inputs

            # ("-" is standard input to load_inputs: a folder named "-" in the current directory is "./-")
            docs = load_inputs([str(docs) if docs.parent != Path(".") else os.path.join(".", docs)], warn=notes.append,
                               pick="give the story folder one cluster's file")
        brief = summarize(docs, words=budget["words"], sentences=budget["sentences"], bytes=budget["bytes"])
        d = brief.to_dict()
        record = {"id": cid, "summary": d["summary"], "sentences": d["sentences"],
                  "seconds": round(time.perf_counter() - t0, 4)}
        if "disputes" in d:  # (a count the brief states that outlets give differently)
            record["disputes"] = d["disputes"]
        if notes:
            record["notes"] = notes
        return record
    except NewsfuseError as e:
        return {"id": cid, "error": str(e)}
    except Exception as e:  # noqa: BLE001 - one bad cluster must not stop a batch of a million
        return {"id": cid, "error": f"internal error: {type(e).__name__}: {e}"}


def summarize_chunk(chunk: list[Item], budget: dict[str, int | None]) -> list[dict[str, Any]]:
    return [summarize_one(cid, docs, budget) for cid, docs in chunk]


def _chunks(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _run_local(chunks: Iterator[list[Item]], budget: dict[str, int | None], workers: int,
               emit: Callable[[list[dict[str, Any]]], None]) -> None:
    if workers <= 1:
        for chunk in chunks:
            emit(summarize_chunk(chunk, budget))
        return
    limit = workers * IN_FLIGHT_PER_WORKER
    from newsfuse.workers import one_math_thread_per_worker, start_worker

    one_math_thread_per_worker()
    with ProcessPoolExecutor(max_workers=workers, initializer=start_worker, initargs=(os.getpid(),)) as pool:
        pending: set[Future[list[dict[str, Any]]]] = set()
        try:
            for chunk in chunks:
                pending.add(pool.submit(summarize_chunk, chunk, budget))
                if len(pending) >= limit:
                    finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                    for f in finished:
                        emit(f.result())
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for f in finished:
                    emit(f.result())
        except BaseException:
            # Ctrl-C, SIGTERM or a failed write: the lines written so far are complete; the chunks in the
            # workers are redone by a rerun, so stop the workers now instead of waiting for them. (Their
            # futures are not cancelled first: the pool then marks every pending one broken, which a
            # cancelled future refuses, killing the pool's manager thread and hanging the shutdown.)
            for proc in list(pool._processes.values()):
                proc.kill()
            raise



def _run_ray(chunks: Iterator[list[Item]], budget: dict[str, int | None], workers: int,
             emit: Callable[[list[dict[str, Any]]], None]) -> None:
    try:
        import ray
    except ImportError:
        raise MissingDependency("ray", "ray") from None
    if not ray.is_initialized():
        ray.init(num_cpus=workers or None, ignore_reinit_error=True, log_to_driver=False)
    remote = ray.remote(summarize_chunk)
    limit = max(1, workers) * IN_FLIGHT_PER_WORKER
    pending: list[Any] = []
    for chunk in chunks:
        pending.append(remote.remote(chunk, budget))
        if len(pending) >= limit:
            ready, pending = ray.wait(pending, num_returns=1)
            for ref in ready:
                emit(ray.get(ref))
    while pending:
        ready, pending = ray.wait(pending, num_returns=1)
        for ref in ready:
            emit(ray.get(ref))


def run_batch(
    in_path: str | Path,
    out_path: str | Path,
    words: int | None = None,
    sentences: int | None = None,
    bytes: int | None = None,
    workers: int | None = None,
    progress: bool = True,
    use_ray: bool = False,
    chunk_size: int | None = None,
    depth: int = DEFAULT_DEPTH,
) -> BatchStats:
    """Summarize every cluster of ``in_path`` (a JSONL(.gz) file, or a directory tree of story folders at most
    ``depth`` levels down: see ``walk_stories``) into ``out_path`` (appending; resumes where it stopped)."""
    from newsfuse.options import Budget

    Budget.of(words=words, sentences=sentences, bytes=bytes)  # one-line error before any work
    if depth < 1:
        raise InputError(f"--depth must be at least 1 (1: only IN's own subfolders are stories), not {depth}")
    budget = {"words": words, "sentences": sentences, "bytes": bytes}
    src, out = Path(in_path), Path(out_path)
    kind = path_kind(src)
    if kind is None:
        raise InputError(f"no such file or directory: {src}")
    out_kind = path_kind(out)
    if out_kind == "dir":
        raise InputError(f"--out {out} is a directory: give a file")
    if out_kind and not out.is_file():
        # a device or a pipe: resuming reads it whole (/dev/zero never ends), and each line is fsync'ed
        # (which /dev/null refuses)
        raise InputError(f"--out {out} is not a regular file: give a file, which a rerun can resume")
    if out_kind and out.resolve() == src.resolve():
        raise InputError("--out must not be the input file")
    tree = story_folders(src, out) if kind == "dir" else None
    if tree is not None:
        if not tree.folders:
            raise _no_stories(src, tree)
        inside = out.resolve().parts[len(src.resolve().parts):] if out.resolve().is_relative_to(src.resolve()) else ()
        if (len(inside) > 1 and inside[0] in tree.folders and len(inside) <= depth + 1
                and not any(part.startswith(SKIPPED_FOLDER_PREFIXES) for part in inside[:-1])):
            # it would be read as one of a story's files (and make a shelf a story)
            raise InputError(f"--out {out} is inside the story folder {src.joinpath(*inside[:-1])}: write it elsewhere")
        for note in _tree_notes(src, tree):
            click.echo(f"newsfuse batch: {note}", err=True)
    elif src.is_file() and looks_binary(src):  # (not a pipe: reading its start would consume it)
        raise InputError(f"{src} is not a JSONL file of clusters: it starts with binary data, or with text that is "
                         "not UTF-8; nothing was written")
    t0 = time.perf_counter()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        done_ids = _repair_and_read_ids(out)
    except OSError as e:
        raise InputError(f"cannot write {out}: {e.strerror or e}") from None
    if chunk_size is None:
        chunk_size = CHUNK if tree is None else FOLDER_CHUNK
    stats = BatchStats()
    stories: Iterator[tuple[str, ...]] = iter(())
    known = [0]  # a story tree's lines found so far (the progress bar's total grows with them)
    if tree is not None:
        def unread(what: str) -> None:
            stats.unread += 1
            if len(stats.first_unread) < 3:
                stats.first_unread.append(what)

        known[0] = len(tree.folders)
        stories = walk_stories(src, tree, depth, note=unread, found=lambda n: known.__setitem__(0, known[0] + n))
        # the first stories, enough to tell whether the tree has fewer than the workers asked for (a tree of
        # 100,000 is not walked to count it: its first line is written at once)
        peek = min(workers or os.cpu_count() or 1, 4096) * chunk_size + 1
        first = list(itertools.islice(stories, peek))
        counted: int | None = len(first) if len(first) < peek else None
        stories = itertools.chain(first, stories)
        if counted is not None:
            known[0] = counted
    else:
        counted = count_lines(src) if src.is_file() else None  # (counting a pipe would consume it: counted as read)
        stats.total = counted or 0
    workers = pool_size(workers, counted, "batch", per_task=chunk_size, machine_cap=not use_ray)
    in_input: set[str] = set()  # ids met in this run's reading of the input

    read_error: list[InputError] = []

    def items() -> Iterator[Item]:
        if tree is None:
            yield from iter_items(src)
            return
        # the folder's path, not its documents: the worker reads them (a Ray worker may run elsewhere: absolute)
        base = src.absolute() if use_ray else src
        for parts in stories:
            yield "/".join(parts), base.joinpath(*parts)
            if bar.total != known[0]:
                bar.total = known[0]
                bar.refresh()

    def todo() -> Iterator[Item]:
        try:
            for cid, docs in items():
                if tree is not None or counted is None:
                    stats.total += 1
                if cid in in_input:  # the output holds one line per id: the first cluster with it wins
                    stats.repeated += 1
                    stats.first_repeated = stats.first_repeated or cid
                    bar.update(1)
                    continue
                in_input.add(cid)
                if cid in done_ids:
                    stats.skipped += 1
                    bar.update(1)
                    continue
                yield cid, docs
        except InputError as e:  # damaged input (a truncated .gz): finish and keep the clusters read before it
            read_error.append(e)

    from tqdm import tqdm

    try:
        with open(out, "a", encoding="utf-8") as fh, tqdm(
            total=known[0] if tree is not None else counted, unit="cluster", file=sys.stderr, disable=not progress, dynamic_ncols=True,
            desc="newsfuse batch", smoothing=0.05, mininterval=progress_interval(),
        ) as bar:

            def emit(records: list[dict[str, Any]]) -> None:
                for rec in records:
                    if tree is not None and "error" in rec and not src.is_dir():
                        # the directory was moved or deleted mid-run: an error line for each story left would be
                        # skipped as done by every rerun
                        raise InputError(f"{src} is gone (moved or deleted during the run): stopped; the "
                                         f"{stats.done + stats.failed} lines written by this run are kept in {out}; "
                                         "rerun the same command once it is back to carry on")
                    _write_line(fh, rec)
                    if "error" in rec:
                        stats.failed += 1
                    else:
                        stats.done += 1
                bar.update(len(records))

            runner = _run_ray if use_ray else _run_local
            runner(_chunks(todo(), chunk_size), budget, workers, emit)
    except BrokenProcessPool:
        raise WorkerDied(f"a worker process died (killed by the system, perhaps for lack of memory): the "
                         f"{stats.done + stats.failed} lines written by this run are kept in {out}; rerun the same "
                         "command to carry on (--workers 1 uses less memory)") from None
    except OSError as e:  # a full disk: every line written is whole but the last, which a rerun cuts off
        written = stats.done + stats.failed
        kept = f" ({written} lines written by this run are kept; rerun the same command to carry on)" if written else ""
        raise InputError(f"cannot write {out}: {e.strerror or e}{kept}") from None
    stats.seconds = time.perf_counter() - t0
    if read_error and not (stats.done or stats.failed or stats.skipped or stats.repeated):
        raise read_error[0]
    if read_error:
        raise InputError(f"{read_error[0]}: stopped after {stats.done + stats.failed + stats.skipped} clusters "
                         f"({stats.done} summarized, {stats.failed} failed, {stats.skipped} skipped), all kept in {out}")
    return stats


@click.command("batch")
@click.argument("in_path", metavar="IN", type=click.Path(path_type=Path))
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="JSONL file to write (appended to; ids already in it are skipped).")
@click.option("--words", type=int, default=None, help="Word budget per summary (default 120).")
@click.option("--sentences", type=int, default=None, help="Sentence budget per summary.")
@click.option("--bytes", "bytes_", type=int, default=None, help="Byte budget per summary.")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker processes (default: all cores).")
@click.option("--ray", "use_ray", is_flag=True, help="Run on Ray (pip install 'newsfuse[ray]').")
@click.option("--depth", type=click.IntRange(min=1), default=DEFAULT_DEPTH, show_default=True,
              help="A directory IN: story folders at most this many levels below it (1: its own subfolders only); "
                   "deeper ones are named, not read (a guard against link tangles; collections are 1-4 deep).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def batch_command(in_path: Path, out_path: Path, words: int | None, sentences: int | None, bytes_: int | None,
                  workers: int | None, use_ray: bool, depth: int, quiet: bool) -> None:
    """Summarize every cluster of IN into --out, one JSON line per cluster.

    IN is a JSONL or JSONL.gz file of clusters, or a directory tree of stories. A folder that holds files is
    one story (its id the folder's path below IN, such as 2024/port-veyra), read as `newsfuse summarize
    FOLDER` reads it (text, HTML, PDF, Word, saved pages, feeds, captions, exports, DUC/TAC newswire); a folder
    of only subfolders (years, a DUC docs/ folder, a TAC topic) is a shelf, walked into. A story's own
    subfolders are read too, each a story or a shelf of its own, so nothing is passed over: a topic's
    description beside its docsets, or a year's index page beside its stories, gives a line for those files and
    one per subfolder (read as a story alone, the year's stories would be lost; read as a shelf alone, so would
    every story kept with an images/ folder). Files directly in IN are not read.

    Resumable: rerun the same command after a crash and it carries on where it stopped.

    \b
    Example: newsfuse batch clusters.jsonl.gz --out briefs.jsonl --words 100
    Example: newsfuse batch stories/ --out briefs.jsonl --workers 2
    """
    stats = run_batch(in_path, out_path, words=words, sentences=sentences, bytes=bytes_, workers=workers,
                      progress=not quiet, use_ray=use_ray, depth=depth)
    for note in (stats.unread_note(), stats.repeated_note()):
        if note:
            click.echo(f"newsfuse batch: {note}", err=True)
    click.echo(f"newsfuse batch: {stats.line()} -> {out_path}", err=True)
