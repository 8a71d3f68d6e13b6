#!/usr/bin/env python3
"""Quality gate: newsfuse's ROUGE must not drop below the floors pinned in quality_floors.json.

Scores newsfuse (rouge-score F1, Porter stemming; ROUGE-1, ROUGE-2, ROUGE-Lsum) on
  - TAC 2011 MultiLing English, all 10 clusters, at 250 words, and
  - a fixed sample of 300 Multi-News validation clusters (every 18th line: lines 0, 18, ..., 5382), at 100 words,
and fails (exit 1) when any score is more than the tolerance (0.3 point) below its floor.

    python scripts/quality_gate.py                       # check
    python scripts/quality_gate.py --update              # raise floors to today's scores (never lowers)
    python scripts/quality_gate.py --allow-lower --reason "trade R2 for readability, see #42"

Exits 0 with one "skipped" line when ../shared/data (beside the checkout; or $NEWSFUSE_SHARED_DATA) is absent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOORS = ROOT / "quality_floors.json"
TOLERANCE = 0.3
METRICS = (("rouge1", "f"), ("rouge2", "f"), ("rougeL", "f"))
MULTI_NEWS_STEP = 18
MULTI_NEWS_N = 300


def shared_data() -> Path:
    env = os.environ.get("NEWSFUSE_SHARED_DATA")
    return Path(env) if env else ROOT.parent / "shared" / "data"


def datasets(data: Path) -> dict[str, tuple[Path, int, list[int] | None]]:
    """name -> (file, word budget, line numbers to take or None for all)."""
    sample = [i * MULTI_NEWS_STEP for i in range(MULTI_NEWS_N)]
    return {
        "tac2011@250": (data / "tac2011_multiling_en.jsonl", 250, None),
        "multi_news_val_300@100": (data / "multi_news_val.jsonl.gz", 100, sample),
    }


def load(path: Path, lines: list[int] | None) -> list:
    from newsfuse.load import cluster_from_json, open_text

    wanted = set(lines) if lines is not None else None
    out = []
    with open_text(path) as fh:
        for n, raw in enumerate(fh):
            if wanted is not None and n not in wanted:
                continue
            out.append(cluster_from_json(json.loads(raw), n + 1))
            if wanted is not None and len(out) == len(wanted):
                break
    return out


def measure(data: Path, workers: int | None) -> dict[str, dict[str, float]]:
    from newsfuse.evaluate.harness import evaluate

    scores: dict[str, dict[str, float]] = {}
    for name, (path, words, lines) in datasets(data).items():
        t0 = time.perf_counter()
        result = evaluate(load(path, lines), ["newsfuse"], words=words, scorers=("rouge-score",),
                          splitter="punkt", workers=workers, progress=False)
        row = result.rows[0]
        scores[name] = {f"{m}_{k}": round(row.scores[m][k][0], 2) for m, k in METRICS}
        scores[name]["clusters"] = row.n
        scores[name]["errors"] = row.errors
        print(f"  {name}: " + ", ".join(f"{key} {v}" for key, v in scores[name].items())
              + f" ({time.perf_counter() - t0:.0f} s)")
    return scores


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--update", action="store_true", help="raise floors to the scores measured now (never lowers)")
    ap.add_argument("--allow-lower", action="store_true", help="set floors to the scores measured now even if lower")
    ap.add_argument("--reason", default="", help="why floors are lowered (required with --allow-lower)")
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--floors", type=Path, default=FLOORS)
    args = ap.parse_args(argv)
    if args.allow_lower and not args.reason.strip():
        ap.error("--allow-lower needs --reason \"why the floors may drop\"")

    data = shared_data()
    missing = [p for p, _, _ in datasets(data).values() if not p.exists()]
    if missing:
        print(f"quality gate: skipped: benchmark data not found ({missing[0]}); put it in ../shared/data (see its README.md)")
        return 0

    print(f"quality gate: scoring newsfuse (rouge-score F1, tolerance {TOLERANCE} point)")
    scores = measure(data, args.workers)
    floors_doc = json.loads(args.floors.read_text()) if args.floors.exists() else {}
    floors: dict[str, dict[str, float]] = floors_doc.get("floors", {})
    tolerance = float(floors_doc.get("tolerance", TOLERANCE))

    failures = []
    for name, got in scores.items():
        for m, k in METRICS:
            key = f"{m}_{k}"
            floor = floors.get(name, {}).get(key)
            if floor is not None and got[key] < floor - tolerance:
                failures.append(f"{name} {key}: {got[key]:.2f} < floor {floor:.2f} - {tolerance}")

    if args.update or args.allow_lower or not floors:
        changed = []
        for name, got in scores.items():
            old = floors.setdefault(name, {})
            for m, k in METRICS:
                key = f"{m}_{k}"
                if key not in old or got[key] > old[key] or args.allow_lower:
                    if old.get(key) != got[key]:
                        changed.append(f"{name} {key} {old.get(key)} -> {got[key]}")
                    old[key] = got[key]
        history = floors_doc.get("history", [])
        if changed:
            history.append({"date": dt.date.today().isoformat(), "changes": changed,
                            "reason": args.reason or ("raised" if floors_doc else "initial floors")})
        doc = {
            "about": "Minimum newsfuse ROUGE F1 (points, rouge-score) checked by scripts/quality_gate.py; "
                     "raise with --update, lower only with --allow-lower --reason.",
            "tolerance": tolerance,
            "floors": floors,
            "history": history,
        }
        args.floors.write_text(json.dumps(doc, indent=2) + "\n")
        print("quality gate: floors " + ("updated: " + "; ".join(changed) if changed else "unchanged"))
        if args.allow_lower:
            return 0

    if failures:
        print("quality gate: FAILED (score dropped below its floor):")
        for f in failures:
            print(f"  {f}")
        return 1
    print("quality gate: passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
