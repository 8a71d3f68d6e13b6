"""newsfuse: multi-document news summarization with attribution.

    >>> import newsfuse
    >>> brief = newsfuse.summarize(["First outlet's article ...", "Second outlet's ..."], words=80)
    >>> print(brief.render("markdown"))
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsfuse.errors import InputError, NewsfuseError
from newsfuse.model import Brief, BriefSentence, Cluster, Document, Source

if TYPE_CHECKING:
    from newsfuse.pipeline import summarize


def __getattr__(name: str) -> Any:
    # (the pipeline loads numpy, scipy and the models, ~0.4 s: only when summarize is first asked for, so that
    # the command line's entry point and `import newsfuse.errors` stay light)
    if name == "summarize":
        from newsfuse.pipeline import summarize

        globals()["summarize"] = summarize  # (found directly from now on; a test may still monkeypatch it)
        return summarize
    if not name.startswith("_"):  # a submodule (`newsfuse.clean.clean_documents(...)` worked while the pipeline loaded them)
        import importlib

        try:
            return importlib.import_module(f"newsfuse.{name}")
        except ModuleNotFoundError as e:
            if e.name != f"newsfuse.{name}":
                raise  # (a submodule that exists but misses a dependency says so)
    raise AttributeError(f"module 'newsfuse' has no attribute {name!r}")


__all__ = [
    "Brief",
    "BriefSentence",
    "Cluster",
    "Document",
    "InputError",
    "NewsfuseError",
    "Source",
    "summarize",
]
__version__ = "0.1.0"
