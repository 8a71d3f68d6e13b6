"""The quality gate runs (and passes) when the benchmark data is beside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("NEWSFUSE_SHARED_DATA") or ROOT.parent / "shared" / "data")
NEEDED = ("tac2011_multiling_en.jsonl", "multi_news_val.jsonl.gz")


@pytest.mark.shared
@pytest.mark.skipif(not all((DATA / n).exists() for n in NEEDED),
                    reason=f"benchmark data not found in {DATA} (put it in ../shared/data, see its README.md)")
def test_quality_gate_passes() -> None:
    floors = ROOT / "quality_floors.json"
    before = floors.read_bytes()
    r = subprocess.run([sys.executable, str(ROOT / "scripts" / "quality_gate.py")],
                       capture_output=True, text=True, timeout=300)
    assert floors.read_bytes() == before, "checking must never change the floors"
    assert r.returncode == 0, r.stdout + r.stderr
    assert "quality gate: passed" in r.stdout


def test_quality_gate_skips_without_data(tmp_path: Path) -> None:
    env = {**os.environ, "NEWSFUSE_SHARED_DATA": str(tmp_path / "nowhere")}
    r = subprocess.run([sys.executable, str(ROOT / "scripts" / "quality_gate.py")],
                       capture_output=True, text=True, timeout=60, env=env)
    assert r.returncode == 0
    assert r.stdout.strip().startswith("quality gate: skipped") and len(r.stdout.strip().splitlines()) == 1


def test_quality_gate_refuses_to_lower_without_reason() -> None:
    r = subprocess.run([sys.executable, str(ROOT / "scripts" / "quality_gate.py"), "--allow-lower"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "--reason" in r.stderr
