"""Write examples/lakeport.jsonl: the examples/lakeport-bridge cluster as one JSONL line.

Each document keeps its raw web text (clutter included, so the cleaner is exercised); the HTML
page is stored as HTML with ``"html": true``.

    python scripts/make_example_jsonl.py [--check]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLUSTER = ROOT / "examples" / "lakeport-bridge"
OUT = ROOT / "examples" / "lakeport.jsonl"

# file -> (outlet, headline, date); the pages' own metadata, written out once here
META = {
    "01-lakeport-ledger.txt": ("Lakeport Ledger", "Fulton Street Bridge Closed Indefinitely After Inspectors Find Cracks", "2024-10-15"),
    "02-harbor-daily-news.html": ("Harbor Daily News", "Cracked girders shut Lakeport's Fulton Street Bridge", "2024-10-15"),
    "03-channel-7-lakeport.txt": ("Channel 7 Lakeport", "Fulton Street Bridge closed after inspectors find cracked beams", "2024-10-16"),
    "04-great-lakes-wire.txt": ("Great Lakes Wire", "Lakeport Shuts Busy Bridge Over Cracked Girders", "2024-10-15"),
    "05-northshore-courier.txt": ("The Northshore Courier", "Council member demands audit as Fulton Street Bridge stays shut", "2024-10-16"),
}


def build() -> str:
    docs = []
    for path in sorted(CLUSTER.iterdir()):
        if path.name not in META:
            continue
        source, title, date = META[path.name]
        doc = {"id": path.stem, "source": source, "title": title, "date": date, "text": path.read_text(encoding="utf-8")}
        if path.suffix == ".html":
            doc["html"] = True
        docs.append(doc)
    return json.dumps({"id": "lakeport-bridge", "documents": docs}, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    line = build()
    if "--check" in argv:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != line:
            print(f"{OUT} is out of date: run python scripts/make_example_jsonl.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(line, encoding="utf-8")
    print(f"wrote {OUT} ({len(json.loads(line)['documents'])} documents)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
