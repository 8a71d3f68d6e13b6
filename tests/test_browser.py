"""The web page in a real headless Chromium (Playwright), against a real ``newsfuse serve`` server.

Skips (with the reason) when /usr/bin/chromium or the Python package playwright is missing.
Screenshots go to test-output/browser/.
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "lakeport-bridge"
OUT = ROOT / "test-output" / "browser"

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} not found (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the Python package playwright is not installed")
uvicorn = pytest.importorskip("uvicorn", reason="uvicorn is not installed (pip install 'newsfuse[serve]')")

from newsfuse.server import Settings, create_app  # noqa: E402

FALLBACK = [
    ("Lakeport Ledger", "Lakeport closed the Fulton Street Bridge on Tuesday after inspectors found cracks in two steel "
     "girders. The bridge carries about 18,000 vehicles a day. Mayor Dana Whitfield said repairs would take at least "
     "six weeks and cost about $4.2 million."),
    ("Channel 7", "The Fulton Street Bridge was closed Tuesday after a state inspection found cracked girders. "
     "Repairs will take at least six weeks, city engineer Priya Raman said. Commuters faced delays on Canal Avenue."),
    ("Great Lakes Wire", "Officials in Lakeport shut the Fulton Street Bridge on Tuesday after inspectors found cracks "
     "in two steel girders. About 18,000 vehicles cross it every day. A council member called for an audit."),
]
XSS = [
    "The council approved the harbor budget on Monday <script>window.__pwned=1</script> after a long debate. "
    "The vote was seven to two <img src=x onerror=\"window.__pwned=1\"> according to the clerk. "
    "The budget pays for new ferry docks.",
    "On Monday the council approved the harbor budget after a long debate. The vote was seven to two. "
    "Ferry riders welcomed the new docks.",
]


def cluster() -> list[tuple[str, str]]:
    """(outlet, text) for the bundled example cluster, or fixture articles if it is absent."""
    files = sorted(p for p in EXAMPLES.glob("*") if p.suffix in (".txt", ".html")) if EXAMPLES.is_dir() else []
    if len(files) < 2:
        return FALLBACK
    out = []
    for p in files:
        outlet = re.sub(r"^\d+-", "", p.stem).replace("-", " ").title()
        out.append((outlet, p.read_text(encoding="utf-8")))
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    port = free_port()
    app = create_app(Settings(port=port, timeout=30))
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(30_000)  # (a loaded machine starts Chromium slowly)
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    # CSP violations and script errors surface here; failed API calls are asserted by each test
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" and "Failed to load resource" not in m.text else None)
    pg.goto(server + "/")
    pg.wait_for_selector("li.article .text")
    yield pg
    context.close()
    assert not errors, errors


def fill_articles(page: Any, articles: list[tuple[str, str]], joined_last: int = 0) -> int:
    """Fill one box per article; the last ``joined_last`` articles go into one box with ``|||||`` lines."""
    separate = articles[: len(articles) - joined_last] if joined_last else articles
    boxes = separate + ([("", "\n|||||\n".join(t for _, t in articles[len(separate):]))] if joined_last else [])
    while page.locator("li.article").count() < len(boxes):
        page.click("#add-article")
    for i, (outlet, text) in enumerate(boxes):
        item = page.locator("li.article").nth(i)
        item.locator(".outlet").fill(outlet)
        item.locator(".text").fill(text)
    return len(boxes)


def submit(page: Any) -> dict[str, Any]:
    with page.expect_response(lambda r: "/api/summarize" in r.url) as info:
        page.click("#submit")
    response = info.value
    assert response.status == 200, response.text()
    page.wait_for_selector("#brief li.sentence")
    return dict(json.loads(response.text()))


def test_paste_cluster_submit_and_read_a_source_in_context(page: Any) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    articles = cluster()
    boxes = fill_articles(page, articles, joined_last=2)
    assert boxes == len(articles) - 1  # two articles share a box, split at the ||||| line
    page.fill("#words", "120")
    brief = submit(page)

    # every document arrived, with the outlet names typed in (the joined box's parts are "Article N")
    assert brief["stats"]["documents"] == len(articles)
    sentences = page.locator("#brief li.sentence")
    assert sentences.count() == len(brief["sentences"]) >= 2
    status = page.locator("#status")
    assert "Brief ready" in status.inner_text() and status.get_attribute("aria-live") == "polite"

    # citation marks after each sentence: [n] buttons with a tooltip and an accessible name
    marks = page.locator("#brief button.cite")
    assert marks.count() == sum(len(s["sources"]) for s in brief["sentences"])
    first = marks.first
    assert re.fullmatch(r"\[\d+\]", first.inner_text())
    assert "Reported by" in (first.get_attribute("title") or "")
    assert (first.get_attribute("aria-label") or "").startswith("Source ")
    counts = page.locator("#brief .count").all_inner_texts()
    assert counts == [f"{s['outlets']} outlet{'s' if s['outlets'] != 1 else ''}"
                      + (f", {s['reports']} independent report{'s' if s['reports'] != 1 else ''}"
                         if 0 < s["reports"] < s["outlets"] else "") for s in brief["sentences"]]
    names = page.locator("#sources li .source-name").all_inner_texts()
    assert names[: len(articles) - 2] == [o for o, _ in articles[: len(articles) - 2]]
    page.screenshot(path=str(OUT / "brief.png"), full_page=True)

    # open the origin article of the first sentence from its mark: the sentence is highlighted in context
    s0 = brief["sentences"][0]
    ids = [s["id"] for s in brief["sources"]]
    origin = ids.index(s0["origin"])
    mark_button = page.locator(f"#brief li.sentence >> nth=0 >> button.cite[data-source='{origin}']")
    mark_button.click()
    dialog = page.locator("#source-dialog")
    assert dialog.is_visible()
    highlighted = page.locator("#dialog-text mark")
    assert highlighted.count() == 1
    assert " ".join(highlighted.inner_text().split()) == " ".join(s0["text"].split())
    context_text = page.locator("#dialog-text").inner_text()
    assert len(context_text) > len(s0["text"]) + 50  # the whole article, not just the sentence
    assert page.evaluate("document.activeElement.id") == "dialog-close"
    page.screenshot(path=str(OUT / "source.png"))
    page.keyboard.press("Escape")
    assert not dialog.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('cite')")  # focus back on the mark

    # a mark of another outlet opens that outlet's article with its matching passage highlighted
    other = next(
        ((i, ids.index(src)) for i, s in enumerate(brief["sentences"]) for src in s["sources"] if src != s["origin"]),
        None,
    )
    if other is not None:
        page.locator(f"#brief li.sentence >> nth={other[0]} >> button.cite[data-source='{other[1]}']").click()
        assert dialog.is_visible()
        assert page.locator("#dialog-note").inner_text()
        page.click("#dialog-close")
        assert not dialog.is_visible()

    # phone-sized screen: no sideways scrolling
    page.set_viewport_size({"width": 375, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.screenshot(path=str(OUT / "brief-phone.png"), full_page=True)
    page.locator("#brief button.cite").first.click()
    assert page.locator("#dialog-text mark").count() == 1
    page.screenshot(path=str(OUT / "source-phone.png"))
    page.keyboard.press("Escape")


def test_article_markup_is_shown_as_text_and_never_runs(page: Any) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    fill_articles(page, [("Harbor Herald", XSS[0]), ("Bay Times", XSS[1])])
    page.fill("#words", "400")
    brief = submit(page)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("#brief img, #sources img, #brief script").count() == 0
    shown = page.locator("#brief").inner_text()
    raw = " ".join(s["text"] for s in brief["sentences"])
    for needle in ("<script>window.__pwned=1</script>", '<img src=x onerror="window.__pwned=1">'):
        if needle in raw:
            assert needle in shown
    # the source panel shows the article's markup literally
    page.locator("#sources li").first.locator("button.link").click()
    text = page.locator("#dialog-text").inner_text()
    assert "<script>window.__pwned=1</script>" in text
    assert '<img src=x onerror="window.__pwned=1">' in text
    assert page.locator("#source-dialog img, #source-dialog script").count() == 0
    page.keyboard.press("Escape")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    page.screenshot(path=str(OUT / "markup-as-text.png"), full_page=True)


def test_errors_are_announced_and_articles_can_be_removed(page: Any) -> None:
    page.click("#submit")
    assert "Paste at least one article" in page.locator("#status").inner_text()
    page.locator("li.article .text").first.fill("Just one short line.")
    page.fill("#words", "0")
    page.click("#submit")
    assert "Length must be" in page.locator("#status").inner_text()
    page.fill("#words", "50")
    with page.expect_response(lambda r: "/api/summarize" in r.url) as info:
        page.click("#submit")
    response = info.value
    # the expect API polls from Playwright's own world: a wait_for_function string is eval'd in the page,
    # which the page's CSP (script-src 'self', no 'unsafe-eval') rightly refuses
    sync_api.expect(page.locator("#submit")).to_be_enabled()
    shown = page.locator("#status").inner_text()
    if response.status == 200:
        assert "Brief ready" in shown
    else:  # the server's one-line error, shown as it is
        assert shown == "Could not summarize: " + response.json()["error"]
    # add and remove boxes with the keyboard
    before = page.locator("li.article").count()
    page.focus("#add-article")
    page.keyboard.press("Enter")
    assert page.locator("li.article").count() == before + 1
    page.locator("li.article").last.locator(".remove").click()
    assert page.locator("li.article").count() == before


def test_pasting_a_block_with_separators_fills_one_box_per_article(page: Any) -> None:
    block = "First article. It is short.\n---\nSecond article here.\n|||||\nThird article text."
    page.locator("li.article .text").first.focus()
    page.evaluate(
        """(text) => {
            const area = document.querySelector('li.article .text');
            const data = new DataTransfer();
            data.setData('text/plain', text);
            area.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
        }""",
        block,
    )
    values = page.locator("li.article .text").evaluate_all("els => els.map(e => e.value)")
    assert [v for v in values if v] == ["First article. It is short.", "Second article here.", "Third article text."]
    assert "split into 3 articles" in page.locator("#status").inner_text()


def test_docs_page_renders_the_openapi_without_a_cdn(page: Any, server: str) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server + "/docs")
    page.wait_for_selector("main h2")
    assert "POST /api/summarize" in page.locator("main").inner_text()
    assert all(u.startswith(server) for u in requests), requests


FIXTURES = ROOT / "tests" / "fixtures"


def test_choose_files_remove_one_and_get_a_brief_citing_them(page: Any) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    veyra = FIXTURES / "veyra-plant"
    chosen = [veyra / "01-ministry-of-water-and-infrastructure.pdf", veyra / "04-coastline-wire.docx",
              veyra / "05-saltmarsh-daily.html", veyra / "06-radio-norvalle-west.txt"]
    page.set_input_files("#files", [str(p) for p in chosen])
    names = page.locator("#file-list .file-name").all_inner_texts()
    assert names == [p.name for p in chosen]
    assert "4 files chosen" in page.locator("#files-count").inner_text()
    # remove one with its button (keyboard focus moves on to the next file's button)
    page.locator("#file-list li").nth(3).locator("button.remove").click()
    assert page.locator("#file-list .file-name").all_inner_texts() == names[:3]
    # a file that cannot be read beside the others: skipped, with a note shown above the brief
    page.set_input_files("#files", files=[{"name": "broken.pdf", "mimeType": "application/pdf",
                                           "buffer": b"%PDF-1.7\n" + bytes(range(256)) * 40}])
    assert page.locator("#file-list li").count() == 4
    page.fill("#words", "80")
    with page.expect_request(lambda r: "/api/summarize" in r.url) as sent:
        brief = submit(page)
    body = json.loads(sent.value.post_data or "{}")
    assert [f["name"] for f in body["files"]] == names[:3] + ["broken.pdf"] and body["documents"] == []
    assert {s["name"] for s in brief["sources"]} == {"Ministry of Water and Infrastructure", "Coastline Wire",
                                                     "Saltmarsh Daily"}
    shown = page.locator("#sources li .source-name").all_inner_texts()
    assert "Coastline Wire" in shown
    notes = page.locator("#notes li").all_inner_texts()
    assert len(notes) == 1 and notes[0].startswith("skipped: broken.pdf is not a readable PDF")
    assert "1 note(s)" in page.locator("#status").inner_text()
    page.screenshot(path=str(OUT / "files.png"), full_page=True)


def test_figures_the_outlets_give_differently_are_shown_under_the_brief(page: Any) -> None:
    """The Lornby flood (tests/fixtures/lornby-flood): a commissioner's nine dead against the coroner's seven. The
    brief's JSON carries ``disputes``; the page shows them in one line under the brief, numbered as the sources are,
    and shows nothing for a brief without them."""
    lornby = FIXTURES / "lornby-flood"
    page.set_input_files("#files", [str(p) for p in sorted(lornby.iterdir()) if p.name != "README.md"])
    page.fill("#words", "80")
    brief = submit(page)
    assert brief["disputes"] and brief["disputes"][0]["kind"] == "dead"
    number = {s["id"]: k + 1 for k, s in enumerate(brief["sources"])}
    expected = "Figures differ: " + "; ".join(
        f"{f['count']} dead [{','.join(str(n) for n in sorted(number[i] for i in f['sources']))}]"
        for f in brief["disputes"][0]["figures"]) + "."
    assert page.locator("#disputes").is_visible()
    assert page.locator("#disputes li").all_inner_texts() == [expected]
    OUT.mkdir(parents=True, exist_ok=True)
    page.locator("#result").screenshot(path=str(OUT / "disputes.png"))
    # a brief with nothing disputed hides the list again
    while page.locator("#file-list li").count():
        page.locator("#file-list li button.remove").first.click()
    fill_articles(page, FALLBACK)
    brief = submit(page)
    assert "disputes" not in brief
    page.wait_for_selector("#disputes", state="hidden")
    assert page.locator("#disputes li").count() == 0


def test_files_dropped_on_the_page_are_added_and_a_bad_file_alone_shows_the_servers_error(page: Any) -> None:
    page.evaluate(
        """() => {
            const data = new DataTransfer();
            data.items.add(new File(["%PDF-1.7 not a pdf at all"], "release.pdf", {type: "application/pdf"}));
            const target = document.querySelector('#articles');
            for (const type of ['dragenter', 'dragover', 'drop']) {
                target.dispatchEvent(new DragEvent(type, {dataTransfer: data, bubbles: true, cancelable: true}));
            }
        }"""
    )
    assert page.locator("#file-list .file-name").all_inner_texts() == ["release.pdf"]
    assert not page.evaluate("document.body.classList.contains('dragging')")
    with page.expect_response(lambda r: "/api/summarize" in r.url) as info:
        page.click("#submit")
    assert info.value.status == 400
    sync_api.expect(page.locator("#submit")).to_be_enabled()
    message = info.value.json()["error"]
    assert message.startswith("release.pdf is not a readable PDF")
    assert page.locator("#status").inner_text() == "Could not summarize: " + message
    page.locator("#file-list button.remove").click()
    assert page.locator("#file-list li").count() == 0


def test_files_too_large_for_the_server_are_refused_before_they_are_sent(page: Any) -> None:
    # 4 MB of file is 5.3 MB in base64: over the server's 5 MB body limit (from /api/health)
    page.wait_for_load_state("networkidle")  # (the page has its answer from /api/health)
    page.set_input_files("#files", files=[{"name": "big.txt", "mimeType": "text/plain", "buffer": b"word. " * 700_000}])
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url) if "/api/summarize" in r.url else None)
    page.click("#submit")
    shown = page.locator("#status").inner_text()
    assert shown.startswith("Too much to send") and "5.0 MB per request" in shown and "base64" in shown
    assert not requests


def test_thousands_of_dropped_files_are_named_in_a_short_status_and_refused_before_they_are_read(page: Any) -> None:
    # (the status line, a live region a screen reader reads out, named all 5,000 files; they were then all read
    # as base64 and sent, for the server's 413)
    page.wait_for_load_state("networkidle")  # (the page has its limits from /api/health)
    page.evaluate(
        """() => {
            const data = new DataTransfer();
            for (let i = 0; i < 5000; i++) data.items.add(new File(["A b."], "f" + i + ".txt", {type: "text/plain"}));
            document.querySelector('#articles').dispatchEvent(
                new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));
        }"""
    )
    assert page.locator("#status").inner_text() == "Added 5000 files: f0.txt, f1.txt, f2.txt and 4997 more."
    assert page.locator("#file-list li").count() == 5000
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url) if "/api/summarize" in r.url else None)
    page.click("#submit")
    shown = page.locator("#status").inner_text()
    assert shown.startswith("Too many to send: 5000 files") and "at most 200 per request" in shown, shown
    assert not requests
