"""Time one step of the page's time bar on a large network with periods, in headless Chromium.

Usage: python benchmarks/timebar.py [--actors 10000] [--relations 30000] [--steps 20] [--seed 1]

Generates the network (benchmarks/generate.py, with_periods: most ties and a tenth of the actors
dated), renders the page (ACTORGRAPH_TODAY=2026-11-30), opens it at 1366x768 and moves the
date to `--steps` event dates spread over the range, one at a time. A step is timed from the
call that moves the date until vis-network has drawn the map again (its next afterDrawing);
the tables, legend counts, panel and #fragment follow once the date stops moving, timed apart
(`settle`). Prints the median and the slowest step, in ms, beside one bare redraw of the map and the
machine's load. Nothing is asserted: see
docs/performance.md for the numbers measured.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
OUT = ROOT / "benchmarks" / "out"
CHROMIUM = os.environ.get("ACTORGRAPH_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

STEP = """async day => {
  const drawn = new Promise(done => network.once("afterDrawing", done));
  const t = performance.now();
  actorgraph.timebar.moveTo(day);
  const moved = performance.now() - t;
  await drawn;
  return [moved, performance.now() - t];
}"""

SETTLE = """() => { const t = performance.now(); actorgraph.tables.render(); actorgraph.fragment.write();
                   return performance.now() - t; }"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--relations", type=int, default=30_000)
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    os.environ.setdefault("ACTORGRAPH_TODAY", "2026-11-30")
    import generate
    from graph.api import open_dataset, render_html
    from playwright.sync_api import sync_playwright

    folder = OUT / f"timebar-{args.actors}-{args.relations}-{args.seed}"
    generate.write(folder, *generate.with_periods(*generate.generate(args.actors, args.relations, args.seed),
                                                  seed=args.seed))
    t = time.perf_counter()
    html = render_html(open_dataset(folder, lock=False))
    rendered = time.perf_counter() - t
    page_path = folder.parent / f"{folder.name}.html"
    page_path.write_text(html, encoding="utf-8")
    print(f"{args.actors} actors, {args.relations} relations: page rendered in {rendered:.1f} s,"
          f" {len(html.encode()) / 1e6:.1f} MB")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        t = time.perf_counter()
        page.goto(page_path.as_uri())
        page.wait_for_function("() => document.body.dataset.ready === 'true'", timeout=600_000)
        print(f"page drawn in {time.perf_counter() - t:.1f} s")
        events = page.evaluate("actorgraph.timebar.events()")
        picks = [events[round(i * (len(events) - 1) / max(args.steps - 1, 1))] for i in range(args.steps)]
        page.evaluate("actorgraph.timebar.settle = 1e9")  # the tables wait: timed apart below
        page.evaluate(STEP, events[0])
        moved, drawn = [], []
        for i, day in enumerate(picks):
            # one event step, as the arrow key or Play makes it: the event before `day`, then `day`
            page.evaluate("d => actorgraph.timebar.moveTo(d)", events[max(events.index(day) - 1, 0)])
            a, b = page.evaluate(STEP, day)
            moved.append(a)
            drawn.append(b)
        settle = [page.evaluate(SETTLE) for _ in range(3)]
        bare = [page.evaluate("() => { const t = performance.now(); network.redraw(); return performance.now() - t; }")
                for _ in range(5)]
        load = os.getloadavg()[0]
        browser.close()
    print(f"{len(events)} event dates; {args.steps} steps of one event:")
    print(f"  date moved (masks, styles, views): median {statistics.median(moved):.0f} ms, slowest {max(moved):.0f} ms")
    print(f"  map drawn again: median {statistics.median(drawn):.0f} ms, slowest {max(drawn):.0f} ms")
    print(f"  tables and #fragment once it stops: median {statistics.median(settle):.0f} ms")
    print(f"  for scale, one bare redraw of the map (network.redraw()): median {statistics.median(bare):.0f} ms;"
          f" load average {load:.1f} on {os.cpu_count()} cores")
    if errors:
        print("page errors:", errors)


if __name__ == "__main__":
    main()
