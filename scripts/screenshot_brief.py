"""The README's picture of the briefing: docs/brief.png, the first screen of `actorgraph report -o brief.html`.

Usage: python scripts/screenshot_brief.py [-o docs/brief.png]
Needs Debian's chromium (/usr/bin/chromium) and Playwright for Python (no `playwright install`).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from screenshot import ARGS  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", default=str(ROOT / "docs" / "brief.png"))
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "brief.html"
        subprocess.run([sys.executable, str(ROOT / "cli.py"), "report", "--data", str(ROOT / "data"), "-o",
                        str(html), "--title", "Security actors in Mali and the Sahel (Ballegeer)"], check=True)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=args.chromium, args=ARGS, headless=True)
            page = browser.new_page(viewport={"width": 1280, "height": 1400})
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
            page.goto(html.as_uri())
            page.screenshot(path=args.output)
            browser.close()
    print(args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
