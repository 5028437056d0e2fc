"""Pictures for the README: docs/screenshot.png (the page in headless Chromium, laptop-sized)
and docs/map.png (the static map, `actorgraph render -o docs/map.png`).

Usage: python scripts/screenshot.py [--actor ID] [-o docs/screenshot.png] [--measure]
Needs Debian's chromium (/usr/bin/chromium) and Playwright for Python. --measure prints
what tests/picture.py measures on the page (label sizes, overlaps, lines through dots and labels).
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
    parser.add_argument("--measure", action="store_true", help="print the picture's measurements")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "sahel.html"
        subprocess.run([sys.executable, str(ROOT / "cli.py"), "render", "--data", str(ROOT / "data"), "-o",
                        str(html), "--title", "Security actors in Mali and the Sahel (Ballegeer)"], check=True)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=args.chromium, args=ARGS, headless=True)
            page = browser.new_page(viewport={"width": 1366, "height": 768})
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
            page.goto(html.as_uri() + (f"#actor={args.actor}" if args.actor else ""))
            page.wait_for_function("() => document.body.dataset.ready === 'true'")
            page.wait_for_timeout(800)
            page.evaluate("window.scrollTo(0, 0)")
            page.screenshot(path=args.output)
            if args.measure:
                sys.path.insert(0, str(ROOT / "tests"))
                from picture import GEOMETRY_JS, measure

                for key, value in measure(page.evaluate(GEOMETRY_JS)).items():
                    print(f"{key}: {value if not isinstance(value, list) else len(value)}")
            browser.close()
    static = Path(args.output).with_name("map.png")
    subprocess.run([sys.executable, str(ROOT / "cli.py"), "render", "--data", str(ROOT / "data"), "-o",
                    str(static), "--dpi", "110", "--title", "Security actors in Mali and the Sahel (Ballegeer)"],
                   check=True)
    print(args.output, static)
    return 0


if __name__ == "__main__":
    sys.exit(main())
