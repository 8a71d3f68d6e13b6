"""Stage 2, clean: main text out of HTML, web clutter out of text (placeholder; being rewritten)."""

from __future__ import annotations

from newsfuse.model import Document


def clean_documents(docs: list[Document]) -> list[Document]:
    return list(docs)
