"""Frame rate of the page in headless Chromium: time to the first drawn map, frames per second while panning and zooming.

Usage: python benchmarks/framerate.py [--sizes 1k,10k,30k] [--runs 3] [--modes overview,group,plain]
                                      [--shape forest] [--write]

For each size (1k: 1,000 actors / 3,000 relations, 10k: 10,000 / 30,000, 30k: 30,000 / 100,000, made
by benchmarks/generate.py) the page is rendered twice, as a user would: by default (above 500
actors it opens on the overview of communities) and with --no-overview (plain vis-network, every
actor drawn at once, as pages were before the overview). Both are opened in Debian's Chromium,
headless, 1366 x 768, every request blocked, and measured in three states:

  overview  the page as it opens (the groups)
  group     the largest group opened in place (as a click on it does), the view fitted to it
  plain     the page without overview

*first frame* is the time from navigation to the drawn map (the page's own "ready" mark, after the
fitted view is drawn); for "group", from opening the group (as a click does) to the frame after the one that draws it. *pan* drags
the map (pointer events, one per animation frame, as a mouse would send them: vis-network hides
the ties of large maps while dragging, as it does for a user) and *zoom* turns the mouse wheel,
each for 4 s, scripted in the page with requestAnimationFrame; the frames per second are the map's
own redraws (vis-network's afterDrawing) over that time.
Each state is measured --runs times in a fresh browser: the table gives the median and the spread,
and the machine's load (1-minute load average, median over the runs) while it was measured.
Results are kept in benchmarks/out/framerate.json; --write puts the table in docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
sys.path.insert(0, str(ROOT / "benchmarks"))
import run  # noqa: E402  (benchmarks/run.py: the sizes and the generated folders)

SIZES = run.SIZES
MODES = ("overview", "group", "plain")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
GOALS = {"10k": (2.0, 20.0), "30k": (5.0, 10.0)}  # first frame (s), frames per second while panning
GESTURE_S = 4.0  # seconds a pan or a zoom lasts

# Before the page's scripts: note when the page marks itself drawn.
RECORD = """
window.__readyAt = null;
new MutationObserver(() => {
  if (window.__readyAt === null && document.body && document.body.dataset.ready === "true") {
    window.__readyAt = performance.now();
  }
}).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-ready"] });
"""


def data_dir(size: str, shape: str) -> Path:
    """The generated network of this size and shape, made once (the same folders as benchmarks/run.py)."""
    return run.data_dir(shape, size)


def page_of(size: str, shape: str, plain: bool) -> tuple[Path, float]:
    """The rendered page (made once) and how long render took."""
    folder = data_dir(size, shape)
    html = OUT / f"framerate-{shape}-{size}-{'plain' if plain else 'overview'}.html"
    seconds = float("nan")
    if not html.exists():
        start = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "cli.py"), "--data", str(folder), "render", "-o", str(html),
                        "--as-of", "all", *(["--no-overview"] if plain else [])], check=True, capture_output=True,
                       cwd=ROOT)
        seconds = time.perf_counter() - start
    return html, seconds


# A pan (drag with the primary button) or a zoom (mouse wheel) scripted in the page, one pointer or wheel
# event per animation frame for `ms` milliseconds; resolves to the times of the map's redraws meanwhile.
GESTURE = """([kind, ms]) => new Promise(done => {
  const canvas = document.querySelector('#mynetwork canvas'), r = canvas.getBoundingClientRect();
  const x0 = r.left + r.width / 2, y0 = r.top + r.height / 2;
  const pointer = (type, x, y) => canvas.dispatchEvent(new PointerEvent(type, { pointerId: 1, pointerType: 'mouse',
    isPrimary: true, clientX: x, clientY: y, button: 0, buttons: type === 'pointerup' ? 0 : 1, bubbles: true }));
  const drawn = [], mark = () => drawn.push(performance.now());
  network.on('afterDrawing', mark);
  let i = 0, t0 = null;
  if (kind === 'pan') { pointer('pointerdown', x0, y0); }
  const step = t => {
    if (t0 === null) { t0 = t; }
    i += 1;
    const k = i % 120 < 60 ? i % 120 : 120 - i % 120;  // there and back
    if (kind === 'pan') { pointer('pointermove', x0 + 5 * k, y0 + 2.5 * k); }
    else { canvas.dispatchEvent(new WheelEvent('wheel', { deltaY: i % 40 < 20 ? -40 : 40, clientX: x0, clientY: y0,
                                                          bubbles: true, cancelable: true })); }
    if (t - t0 < ms) { requestAnimationFrame(step); return; }
    if (kind === 'pan') { pointer('pointerup', x0 + 5 * k, y0 + 2.5 * k); }
    network.off('afterDrawing', mark);
    done(drawn.filter(d => d >= t0));
  };
  requestAnimationFrame(step);
})"""


def gesture(page, kind: str) -> float:
    """Frames per second the map draws while a pan or a zoom lasts (GESTURE_S), by the page's clock."""
    drawn = page.evaluate(GESTURE, [kind, GESTURE_S * 1000])
    if len(drawn) < 2:
        return 0.0
    return (len(drawn) - 1) * 1000.0 / (drawn[-1] - drawn[0])


def measure(html: Path, mode: str) -> dict:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS, headless=True)
        page = b.new_page(viewport={"width": 1366, "height": 768})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
        page.add_init_script(RECORD)
        page.goto(html.as_uri(), timeout=600_000)
        page.wait_for_function("() => window.__readyAt !== null", timeout=600_000, polling=100)
        first = page.evaluate("window.__readyAt") / 1000.0
        drawn = page.evaluate("[network.body.data.nodes.length, network.body.data.edges.length]")
        page.evaluate("document.getElementById('mynetwork').scrollIntoView()")
        if mode == "group":
            first = page.evaluate("""() => new Promise(done => {
                const g = agData.overview.groups[0], t = performance.now(), view = document.getElementById('mynetwork');
                actorgraph.overview.open(0);
                network.moveTo({ position: { x: g.x, y: g.y },
                                 scale: Math.min(view.clientWidth, view.clientHeight) / (2.3 * g.r) });
                // the frame that draws the group, then the next one: the group is on screen
                requestAnimationFrame(() => requestAnimationFrame(() => done((performance.now() - t) / 1000)));
            })""")
            drawn = page.evaluate("[network.body.data.nodes.length, network.body.data.edges.length]")
        result = {"first": first, "pan": gesture(page, "pan"), "zoom": gesture(page, "zoom"), "drawn": drawn,
                  "load": os.getloadavg()[0]}
        b.close()
    return result


def summary(values: list[float]) -> dict:
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "runs": len(values)}


def table(results: dict) -> str:
    rows = ["| actors / relations | page | drawn (nodes / edges) | first frame, s | pan, fps | zoom, fps | load | goal |",
            "|---|---|---|---|---|---|---|---|"]
    names = {"overview": "overview (groups)", "group": "largest group opened", "plain": "plain vis-network"}

    def cell(s, digits):
        return f"{s['median']:.{digits}f} ({s['min']:.{digits}f}-{s['max']:.{digits}f})" if s["runs"] > 1 \
            else f"{s['median']:.{digits}f}"

    for size in SIZES:
        for mode in MODES:
            r = results.get(f"{size}/{mode}")
            if not r:
                continue
            n, m = SIZES[size]
            goal = ""
            if size in GOALS:
                ff, rate = GOALS[size]
                met = r["first"]["median"] < ff and r["pan"]["median"] >= rate
                goal = f"< {ff:g} s, >= {rate:g} fps: " + ("met" if met else "not met")
            rows.append(f"| {n:,} / {m:,} | {names[mode]} | {r['drawn'][0]:,} / {r['drawn'][1]:,} | "
                        f"{cell(r['first'], 2)} | {cell(r['pan'], 1)} | {cell(r['zoom'], 1)} | "
                        f"{'%.1f' % r['load'] if 'load' in r else ''} | {goal} |")
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1k,10k,30k")
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--shape", default="forest")
    parser.add_argument("--write", action="store_true", help="update docs/performance.md")
    args = parser.parse_args()
    store = OUT / "framerate.json"
    OUT.mkdir(parents=True, exist_ok=True)
    results = json.loads(store.read_text()) if store.exists() else {}
    for size in args.sizes.split(","):
        for mode in args.modes.split(","):
            html, render_s = page_of(size, args.shape, plain=mode == "plain")
            runs = [measure(html, mode) for _ in range(args.runs)]
            results[f"{size}/{mode}"] = {"first": summary([r["first"] for r in runs]),
                                         "pan": summary([r["pan"] for r in runs]),
                                         "zoom": summary([r["zoom"] for r in runs]), "drawn": runs[0]["drawn"],
                                         "load": statistics.median(r["load"] for r in runs),
                                         "render": render_s}
            print(size, mode, json.dumps(results[f"{size}/{mode}"]), flush=True)
            store.write_text(json.dumps(results, indent=1, sort_keys=True))
    print(table(results))
    if args.write:
        doc = ROOT / "docs" / "performance.md"
        text = doc.read_text(encoding="utf-8")
        start, end = "<!-- framerate:start -->", "<!-- framerate:end -->"
        if start in text:
            head, rest = text.split(start, 1)
            text = head + start + "\n" + table(results) + "\n" + end + rest.split(end, 1)[1]
            doc.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
