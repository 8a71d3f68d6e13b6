from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "lakeport-bridge"
SHARED = ROOT.parent / "shared" / "data"
SEEDS = SHARED / "seeds"


@pytest.fixture(scope="session")
def example_paths() -> list[Path]:
    paths = sorted(p for p in EXAMPLE.iterdir() if p.suffix in (".txt", ".html"))
    assert len(paths) >= 4, "the bundled example cluster is missing"
    return paths
