"""Shared browser fixtures: Debian's Chromium driven by Playwright, every request but file: blocked.

Chromium is Debian's package driven by Playwright (never `playwright install`).
Without it the browser tests skip locally and fail in CI (CI=1).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("ACTORGRAPH_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    missing = None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing = "Playwright for Python is not installed (pip install -e '.[test]')"
    if not missing and not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        missing = f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(missing)
        pytest.skip(missing)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


# Nothing moving: vis-network's renderer runs its frame loop from the moment a view animation
# (network.focus, moveTo) or the physics starts until it ends, and is idle otherwise.
STILL = "() => network.renderer.renderingActive === false"

# Resolves after a number of the page's animation frames: anything still moving would have moved.
FRAMES = """n => new Promise(done => { const step = () => (--n <= 0 ? done(true) : requestAnimationFrame(step));
                                   requestAnimationFrame(step); })"""


class Page:
    """A page opened with all requests blocked and recorded, and console errors collected."""

    def __init__(self, browser, path: Path, fragment: str = "", viewport=None):
        self.context = browser.new_context(viewport=viewport or {"width": 1400, "height": 1000})
        self.requests, self.errors = [], []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.url = path.as_uri() + fragment
        self.page.goto(self.url)
        self.page.wait_for_function("() => document.body.dataset.ready === 'true'", timeout=20000)

    def _route(self, route):
        if route.request.url.startswith("file:"):
            return route.continue_()
        return route.abort()

    def js(self, expr, arg=None):
        return self.page.evaluate(expr, arg)

    def frames(self, n=10):
        """Let n animation frames pass (a condition on the page's own clock, not a sleep)."""
        return self.js(FRAMES, n)

    def counts(self):
        return self.js("[network.body.data.nodes.length, network.body.data.edges.length]")

    def click_node(self, node_id):
        self.js("document.getElementById('mynetwork').scrollIntoView()")
        self.page.wait_for_function(STILL)  # a focus animation has finished
        x, y = self.js("""id => { const p = network.getPositions([id])[id]; const d = network.canvasToDOM(p);
                          const r = document.getElementById('mynetwork').getBoundingClientRect();
                          return [r.left + d.x, r.top + d.y]; }""", node_id)
        self.page.mouse.click(x, y)

    def close(self):
        self.context.close()


@pytest.fixture
def open_page(browser):
    opened = []

    def _open(path, fragment="", viewport=None):
        p = Page(browser, path, fragment, viewport)
        opened.append(p)
        return p

    yield _open
    for p in opened:
        p.close()
