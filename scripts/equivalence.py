"""Output-equivalence check for speed work: the briefs must not change.

Usage: python scripts/equivalence.py dump OUT.json        # with the code on PYTHONPATH
       python scripts/equivalence.py compare A.json B.json

``dump`` summarizes a fixed set of inputs and records every brief (sentence text, order,
origin, sources, outlets, offsets; the sources list) without timings:

* Multi-News validation clusters 1000-1499 at 100 words and 0-299 at 250 words,
* Multi-News clusters 0-99 at 665 bytes and at 3 sentences,
* all 10 TAC 2011 clusters at 250 words and 100 words,
* the bundled example, tests/fixtures/millbrook and shared/data/seeds at 120 words (default),
  80 words, 665 bytes and 3 sentences.

Run it once with the original code and once with the changed code, then ``compare``.
"""

from __future__ import annotations

import gzip
import itertools
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
MN = DATA / "multi_news_val.jsonl.gz"
TAC = DATA / "tac2011_multiling_en.jsonl"


def _brief(documents: Any, **budget: int) -> Any:
    import newsfuse

    try:
        d = newsfuse.summarize(documents, **budget).to_dict()
    except newsfuse.NewsfuseError as e:
        return {"error": type(e).__name__ + ": " + str(e)}
    d.pop("stats", None)
    return d


def _multi_news(start: int, stop: int) -> list[dict[str, Any]]:
    with gzip.open(MN, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in itertools.islice(fh, start, stop)]


def dump(out: str) -> None:
    import newsfuse
    from newsfuse.load import load_inputs

    print("newsfuse from", newsfuse.__file__, file=sys.stderr)
    result: dict[str, Any] = {}
    for r in _multi_news(1000, 1500):
        result[f"mn/{r['id']}/w100"] = _brief(r["documents"], words=100)
    for r in _multi_news(0, 300):
        result[f"mn/{r['id']}/w250"] = _brief(r["documents"], words=250)
    for r in _multi_news(0, 100):
        result[f"mn/{r['id']}/b665"] = _brief(r["documents"], bytes=665)
        result[f"mn/{r['id']}/s3"] = _brief(r["documents"], sentences=3)
    for line in TAC.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        result[f"tac/{r['id']}/w250"] = _brief(r["documents"], words=250)
        result[f"tac/{r['id']}/w100"] = _brief(r["documents"], words=100)
    dirs = {"example": ROOT / "examples" / "lakeport-bridge", "millbrook": ROOT / "tests" / "fixtures" / "millbrook"}
    if (DATA / "seeds").is_dir():
        dirs["seeds"] = DATA / "seeds"
    budgets: dict[str, dict[str, int]] = {"w120": {"words": 120}, "w80": {"words": 80}, "b665": {"bytes": 665},
                                          "s3": {"sentences": 3}}
    for name, path in dirs.items():
        docs = load_inputs([str(path)], warn=lambda _m: None)
        for key, budget in budgets.items():
            result[f"{name}/{key}"] = _brief(docs, **budget)
    Path(out).write_text(json.dumps(result, ensure_ascii=False, indent=0, sort_keys=True), encoding="utf-8")
    print(f"{len(result)} briefs -> {out}", file=sys.stderr)


def compare(a: str, b: str) -> int:
    x = json.loads(Path(a).read_text(encoding="utf-8"))
    y = json.loads(Path(b).read_text(encoding="utf-8"))
    keys = sorted(set(x) | set(y))
    differ = [k for k in keys if x.get(k) != y.get(k)]
    for k in differ[:20]:
        print("DIFFERS:", k)
        xa, ya = x.get(k) or {}, y.get(k) or {}
        print("  before:", [s["text"][:60] for s in xa.get("sentences", [])] or xa)
        print("  after: ", [s["text"][:60] for s in ya.get("sentences", [])] or ya)
    print(f"{len(keys) - len(differ)}/{len(keys)} identical, {len(differ)} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "dump":
        dump(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "compare":
        sys.exit(compare(sys.argv[2], sys.argv[3]))
    else:
        sys.exit(__doc__)
