"""The review page in a real browser: headless Chromium (Debian's, /usr/bin/chromium) driven by Playwright.

The page loads with no console error, the viewer highlights as many figures as the release has facts tagged in
its text, the statement figures that became no fact carry their own mark, and a click on a known number shows
its concept and the rule that produced it. Skipped only where the browser is absent on a developer's machine;
under CI (CI set) a missing browser fails, since .ci/run installs it.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from converter.pipeline import Trace, convert_text
from converter.readers.source import read_release

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "acme-q3-2025.txt"
CHROMIUM = os.environ.get("XBRLIFY_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
                 "--disable-background-networking", "--disable-component-update"]


def _browser_or_skip() -> str:
    path = CHROMIUM if Path(CHROMIUM).is_file() else shutil.which("chromium")
    if not path:
        if os.environ.get("CI"):
            pytest.fail("CI must install Debian's chromium (.ci/run does: apt-get install chromium)")
        pytest.skip("no Chromium here (apt-get install chromium)")
    return path


@pytest.fixture(scope="module")
def review(tmp_path_factory):
    browser = _browser_or_skip()
    pytest.importorskip("playwright")
    pytest.importorskip("iXBRLViewerPlugin")
    from converter.review import build_review
    out = tmp_path_factory.mktemp("review") / "review.html"
    return build_review(EXAMPLE, out), browser


def _known_revenue_figure() -> str:
    """The statement's revenue figure of the latest quarter, as printed (read back from the conversion)."""
    release, trace = read_release(EXAMPLE), Trace()
    result = convert_text(release.text, source=str(EXAMPLE), layout=release.layout, trace=trace)
    revenue = max((f for f in result.facts if f.concept == "us-gaap:Revenues" and not f.dims
                   and f.category == "table"), key=lambda f: (f.period.end, -(f.period.end - f.period.start).days))
    return f"{revenue.value.scaleb(-3):,.0f}"


def test_review_page_in_chromium(review, tmp_path):
    from playwright.sync_api import sync_playwright
    built, browser_path = review
    assert built.page.is_file() and (built.page.parent / "ixbrlviewer.js").is_file()
    problems: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=browser_path, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.goto(built.page.as_uri())
            page.wait_for_selector("#ixv.post-processing-complete", state="attached", timeout=60_000)
            doc = page.frame_locator("iframe").first
            highlighted = doc.locator(".ixbrl-element-nonfraction")
            assert highlighted.count() == built.tagged == built.facts
            assert doc.locator(".xbrlify-unread").count() == built.unread
            figure = _known_revenue_figure()
            doc.locator(".ixbrl-element-nonfraction", has_text=figure).first.click()
            text = ""
            for _ in range(50):       # the viewer's fact inspector (outside the document's frame) fills in
                text = page.inner_text("body")
                if "rule: " in text:
                    break
                page.wait_for_timeout(200)
            assert "Concept" in text and "\nRevenues\n" in text and "rule: revenues" in text, text[:800]
            shot = os.environ.get("XBRLIFY_SCREENSHOT")
            page.screenshot(path=shot or str(tmp_path / "review.png"))
        finally:
            browser.close()
    assert problems == []
