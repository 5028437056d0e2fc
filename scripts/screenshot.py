"""Pictures for the README: docs/screenshot.png (the page in headless Chromium, laptop-sized),
docs/map.png (the static map, `actorgraph render -o docs/map.png`) and docs/brief.png (the
first screen of `actorgraph report -o brief.html`).

Usage: python scripts/screenshot.py [--actor ID] [-o docs/screenshot.png] [--measure] [--brief] [--data DIR]
Needs Debian's chromium (/usr/bin/chromium) and Playwright for Python. --measure prints
what tests/picture.py measures on the page (label sizes, overlaps, lines through dots and labels).
--brief makes docs/brief.png only. --data DIR shoots another data set's page (no map.png; --actor '' selects
nobody), to look at other networks as a reader would.
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
TITLE = "Security actors in Mali and the Sahel (Ballegeer)"


def shoot(command: str, output: str, chromium: str, viewport: dict, fragment: str = "", page_ready: bool = True,
          measure: bool = False, data: Path = ROOT / "data") -> None:
    """Write `actorgraph COMMAND` of the bundled data as HTML, open it offline in Chromium, screenshot it."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / f"{command}.html"
        subprocess.run([sys.executable, str(ROOT / "cli.py"), command, "--data", str(data), "-o", str(html)]
                       + (["--title", TITLE] if data == ROOT / "data" else []), check=True)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=ARGS, headless=True)
            page = browser.new_page(viewport=viewport)
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
            page.goto(html.as_uri() + fragment)
            if page_ready:
                page.wait_for_function("() => document.body.dataset.ready === 'true'")
                page.wait_for_timeout(800)
                page.evaluate("window.scrollTo(0, 0)")
            page.screenshot(path=output)
            if measure:
                sys.path.insert(0, str(ROOT / "tests"))
                from picture import GEOMETRY_JS, measure as measured

                for key, value in measured(page.evaluate(GEOMETRY_JS)).items():
                    print(f"{key}: {value if not isinstance(value, list) else len(value)}")
            browser.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actor", default="mali_forces", help="actor selected in the picture")
    parser.add_argument("-o", "--output", help="default docs/screenshot.png (docs/brief.png with --brief)")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--measure", action="store_true", help="print the picture's measurements")
    parser.add_argument("--brief", action="store_true", help="the briefing's first screen instead")
    parser.add_argument("--data", type=Path, help="another data set's page (only the page, to -o)")
    args = parser.parse_args()
    if args.data is not None:
        if not args.output:
            parser.error("--data needs -o FILE")
        shoot("render", args.output, args.chromium, {"width": 1366, "height": 768},
              fragment=f"#actor={args.actor}" if args.actor else "", measure=args.measure, data=args.data.resolve())
        print(args.output)
        return 0
    if args.brief:
        output = args.output or str(ROOT / "docs" / "brief.png")
        shoot("report", output, args.chromium, {"width": 1280, "height": 1400}, page_ready=False)
        print(output)
        return 0
    output = args.output or str(ROOT / "docs" / "screenshot.png")
    shoot("render", output, args.chromium, {"width": 1366, "height": 768},
          fragment=f"#actor={args.actor}" if args.actor else "", measure=args.measure)
    static = Path(output).with_name("map.png")
    subprocess.run([sys.executable, str(ROOT / "cli.py"), "render", "--data", str(ROOT / "data"), "-o",
                    str(static), "--dpi", "110", "--title", TITLE], check=True)
    print(output, static)
    return 0


if __name__ == "__main__":
    sys.exit(main())
