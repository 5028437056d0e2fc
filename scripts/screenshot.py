"""Render the bundled data and save docs/screenshot.png from headless Chromium.

Usage: python scripts/screenshot.py [--actor ID] [-o docs/screenshot.png]
Needs Debian's chromium (/usr/bin/chromium) and Playwright for Python.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actor", default="mali_forces", help="actor selected in the picture")
    parser.add_argument("-o", "--output", default=str(ROOT / "docs" / "screenshot.png"))
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "sahel.html"
        subprocess.run([sys.executable, str(ROOT / "cli.py"), "render", "--data", str(ROOT / "data"), "-o",
                        str(html), "--title", "Security actors in Mali and the Sahel (Ballegeer)"], check=True)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=args.chromium, args=ARGS, headless=True)
            page = browser.new_page(viewport={"width": 1400, "height": 860})
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
            page.goto(html.as_uri() + (f"#actor={args.actor}" if args.actor else ""))
            page.wait_for_function("() => document.body.dataset.ready === 'true'")
            page.wait_for_timeout(800)
            page.evaluate("window.scrollTo(0, 0)")
            page.screenshot(path=args.output)
            browser.close()
    print(args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
