"""The seed report in a real browser: Debian's chromium driven by Playwright for Python.

Checks what only a browser shows: no console error, no network request (the page is
self-contained), every table-of-contents link resolves and scrolls to its section, and
at a phone's width the page does not scroll sideways. Skipped, with the reason, where no
chromium or Playwright is installed.
"""

from __future__ import annotations

import shutil

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium on PATH (Debian: apt-get install chromium)"
)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="Playwright for Python is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                              args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


def _open(browser, url, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    problems: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url, wait_until="load")
    return page, problems, requests


def test_report_opens_without_console_errors_or_network_requests(browser, seed_report):
    url = seed_report.html.resolve().as_uri()
    page, problems, requests = _open(browser, url, 1280)
    assert problems == []
    # the page itself is the only request; images are data: URIs, which are no requests
    assert [r for r in requests if r != url and not r.startswith("data:")] == []
    page.close()


def test_every_contents_link_resolves_to_a_section(browser, seed_report):
    page, _, _ = _open(browser, seed_report.html.resolve().as_uri(), 1280)
    hrefs = page.eval_on_selector_all("nav.report-toc-screen a", "as => as.map(a => a.hash)")
    assert len(hrefs) == 7
    for href in hrefs:
        assert page.evaluate("id => document.getElementById(id) !== null", href[1:]), href
        page.click(f'nav.report-toc-screen a[href="{href}"]')
        top = page.evaluate("id => document.getElementById(id).getBoundingClientRect().top",
                            href[1:])
        assert abs(top) < 5 or page.evaluate(
            "() => window.innerHeight + window.scrollY >= document.body.scrollHeight - 2"), href
    page.close()


def test_phone_width_does_not_scroll_sideways(browser, seed_report):
    page, problems, _ = _open(browser, seed_report.html.resolve().as_uri(), 390)
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390
    assert problems == []
    page.close()
