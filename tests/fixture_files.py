"""Checks shared by the tests of fixtures whose binary files a committed script writes."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from newsfuse.load import load_inputs

# zlib's compressed bytes differ between its versions (and zlib-ng): such files are compared by what the loader reads
COMPRESSED = (".gz", ".zip", ".docx", ".odt")


def make_script(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def assert_same_files(made: Path, committed: Path, names: list[str], script: Path) -> None:
    """Each of ``names`` in ``made`` (the script's output) is the committed file: byte for byte, or for a
    zlib-compressed file, the same documents read from it."""
    for name in names:
        if name.endswith(COMPRESSED):
            assert load_inputs([str(made / name)]) == load_inputs([str(committed / name)]), f"run {script}"
        else:
            assert (made / name).read_bytes() == (committed / name).read_bytes(), f"run {script}"
