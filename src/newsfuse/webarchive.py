"""Safari's ``.webarchive`` (part of the load stage).

Safari saves a page ("File > Save As... Web Archive") as a property list, usually binary (``bplist00``): a
dictionary whose ``WebMainResource`` holds the page's bytes (``WebResourceData``), its address
(``WebResourceURL``), its MIME type and the name of its text encoding (``WebResourceTextEncodingName``), beside
``WebSubresources`` (images, style sheets) and ``WebSubframeArchives`` (frames: ads, embeds), which are not read.
``plistlib`` parses it; anything that is not such a dictionary of such types is refused with one line.
"""

from __future__ import annotations

import plistlib
from dataclasses import dataclass
from typing import Any

MAX_WEBARCHIVE_BYTES = 100_000_000  # read whole (a plist's index is at its end); its images make it large


class WebarchiveError(ValueError):
    """Why a file is not a web archive that can be read (one line)."""


@dataclass(frozen=True)
class WebarchivePage:
    data: bytes
    charset: str | None
    url: str | None
    mime: str | None


def looks_like_webarchive(head: bytes) -> bool:
    return head.startswith(b"bplist00")


def _string(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def parse_webarchive(data: bytes) -> WebarchivePage:
    """The main resource's bytes, text encoding name, address and type; :class:`WebarchiveError` when the file is no
    property list, or holds no main resource with page data."""
    try:
        root = plistlib.loads(data)
    except Exception as e:  # noqa: BLE001 - plistlib raises many kinds on a corrupt file (struct, index, value, overflow, recursion)
        kind = "cut short or corrupt" if data.startswith(b"bplist00") else "not a property list"
        raise WebarchiveError(f"it is {kind} ({type(e).__name__})") from None
    if not isinstance(root, dict):
        raise WebarchiveError("it is a property list but not a web archive (no dictionary at its top)")
    main = root.get("WebMainResource")
    if not isinstance(main, dict):
        raise WebarchiveError("it is a property list but not a web archive (no WebMainResource dictionary)")
    body = main.get("WebResourceData")
    if not isinstance(body, bytes):
        raise WebarchiveError(f"its WebMainResource has no page data (WebResourceData is {type(body).__name__}, not data)")
    mime = _string(main.get("WebResourceMIMEType"))
    return WebarchivePage(body, _string(main.get("WebResourceTextEncodingName")), _string(main.get("WebResourceURL")),
                          mime.lower() if mime else None)
