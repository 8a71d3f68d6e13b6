"""Stage 1, load: turn paths, URLs, JSON(L) clusters and stdin into Documents."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsfuse.errors import InputError
from newsfuse.model import Cluster, Document


def to_document(item: Any, index: int) -> Document:
    """A cluster entry (a string or a ``{"text", "title", "url", "source", "date"}`` dict) as a Document."""
    if isinstance(item, Document):
        return item if item.id else Document(**{**item.__dict__, "id": f"d{index + 1}"})
    if isinstance(item, str):
        return Document(text=item, id=f"d{index + 1}")
    if isinstance(item, dict):
        text = item.get("text")
        if not isinstance(text, str):
            raise InputError(f"document {index + 1} has no \"text\" string")
        def opt(key: str) -> str | None:
            v = item.get(key)
            return str(v) if v not in (None, "") else None
        return Document(
            text=text,
            id=opt("id") or f"d{index + 1}",
            title=opt("title"),
            url=opt("url"),
            source=opt("source"),
            date=opt("date"),
            is_html=bool(item.get("html", False)),
        )
    raise InputError(f"document {index + 1} is neither a string nor an object with \"text\"")


def cluster_from_json(obj: Any, line: int = 0) -> Cluster:
    where = f" (line {line})" if line else ""
    if not isinstance(obj, dict) or not isinstance(obj.get("documents"), list):
        raise InputError(f"a cluster must be an object with a \"documents\" list{where}")
    docs = tuple(to_document(d, i) for i, d in enumerate(obj["documents"]))
    summaries = obj.get("summaries") or obj.get("summary") or ()
    if isinstance(summaries, str):
        summaries = (summaries,)
    return Cluster(id=str(obj.get("id", line)), documents=docs, summaries=tuple(str(s) for s in summaries))


def read_clusters(path: str | Path) -> Iterator[Cluster]:
    """Stream clusters from a JSONL or JSONL.gz file (one ``{"id", "documents", ...}`` per line)."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"no such file: {p}")
    opener = gzip.open if p.suffix == ".gz" else open
    try:
        with opener(p, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
            for n, raw in enumerate(fh, 1):
                if not raw.strip():
                    continue
                try:
                    obj = json.loads(raw)
                except json.JSONDecodeError as e:
                    raise InputError(f"{p}: line {n} is not valid JSON ({e.msg})") from None
                yield cluster_from_json(obj, n)
    except (OSError, UnicodeDecodeError, EOFError) as e:
        raise InputError(f"{p}: cannot read clusters ({e})") from None


TEXT_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".json", ".jsonl", ".gz", ""}


def _read_file(p: Path) -> Document:
    data = p.read_bytes()
    text = data.decode("utf-8", errors="replace")
    return Document(text=text, id=p.stem, source=p.stem, is_html=p.suffix.lower() in (".html", ".htm"))


def load_inputs(paths: list[str], urls: list[str] | None = None, cluster: str | None = None) -> list[Document]:
    """Everything the user named on the command line, as one cluster's Documents (placeholder)."""
    docs: list[Document] = []
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise InputError(f"no such file or directory: {raw}")
        files = sorted(x for x in p.iterdir() if x.is_file()) if p.is_dir() else [p]
        for f in files:
            if f.name.endswith((".jsonl", ".jsonl.gz", ".json")):
                for c in read_clusters(f):
                    if cluster is None or c.id == cluster:
                        docs.extend(c.documents)
                        break
            else:
                docs.append(_read_file(f))
    if not docs:
        raise InputError("no documents given")
    return docs
