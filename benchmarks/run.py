"""Time actorgraph as a user runs it, and its stages in-process, on data sets of growing size.

Usage: python benchmarks/run.py [--sizes bundled,1k,10k,30k] [--runs N] [--no-browser] [--write]

Whole commands run as separate processes (median of several runs after a warm-up);
the stages (read, validate, build, each measure, layout, HTML) are timed inside one
process; peak memory is the largest resident set of the command and its workers.
The browser benchmark opens the rendered file in headless Chromium (Debian's, via
Playwright) and times until the graph is drawn and still. --write replaces the
results in docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "benchmarks" / "out"
SIZES = {"bundled": None, "1k": (1000, 3000), "10k": (10000, 30000), "30k": (30000, 100000)}
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def data_dir(size: str) -> Path:
    if SIZES[size] is None:
        return ROOT / "data"
    n, m = SIZES[size]
    folder = OUT / f"{n}-{m}"
    if not (folder / "actors.csv").exists():
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), str(n), str(m), "-o",
                        str(folder)], check=True, capture_output=True)
    return folder


def timed(cmd: list[str], runs: int) -> tuple[float, float]:
    """Median wall time of a command after one warm-up run, and its peak memory (MB)."""
    subprocess.run(cmd, capture_output=True, cwd=ROOT)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
        if done.returncode not in (0,):
            raise RuntimeError(f"{' '.join(cmd)} failed: {done.stderr.decode()[-500:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return statistics.median(times), peak


def peak_of(cmd: list[str]) -> float:
    """Peak resident memory (MB) of one run, measured by a fresh wrapper process."""
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], capture_output=True);"
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)")
    done = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True, cwd=ROOT)
    return float(done.stdout.strip())


def stages(folder: Path) -> dict:
    """In-process stage timings, run in a fresh interpreter so imports are counted where they happen."""
    code = f"""
import json, time, sys
sys.path.insert(0, {str(ROOT)!r})
from pathlib import Path
t = {{}}
s = time.perf_counter()
from graph.csvio import read_csv
from graph.load import check_dataset
a, _ = read_csv(Path({str(folder)!r}) / "actors.csv", "actors.csv")
r, _ = read_csv(Path({str(folder)!r}) / "relations.csv", "relations.csv")
t["read"] = time.perf_counter() - s; s = time.perf_counter()
ds, problems = check_dataset(Path({str(folder)!r}), a, r)
t["validate"] = time.perf_counter() - s; s = time.perf_counter()
import networkx
t["import networkx"] = time.perf_counter() - s; s = time.perf_counter()
from graph.build import build_graph
G = build_graph(ds)
t["build"] = time.perf_counter() - s
from graph.metrics import MEASURES, centrality
values = {{}}
for m in MEASURES:
    s = time.perf_counter()
    v, notes = centrality(G, [m])
    values.update(v)
    t["measure " + m] = time.perf_counter() - s
s = time.perf_counter()
import pyvis.network
t["import pyvis"] = time.perf_counter() - s; s = time.perf_counter()
from graph.layout import layout, label_box, label_lines, OVERLAP_LIMIT
from graph.render import _sizes
sizes = _sizes(G, values.get("betweenness"))
boxes = {{n: label_box(label_lines(d.get("name", n)), sizes[n]) for n, d in G.nodes(data=True)}} \\
    if len(G) <= OVERLAP_LIMIT else None
layout(G, boxes)
t["layout"] = time.perf_counter() - s; s = time.perf_counter()
from graph.render import render_html
html = render_html(G, values, title="bench")
t["HTML (layout included)"] = time.perf_counter() - s
import resource
t["peak MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(t))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    if done.returncode:
        raise RuntimeError(done.stderr[-800:])
    return json.loads(done.stdout)


def browser(html: Path, search: str | None = None) -> dict:
    """Seconds from navigation until drawn, until still; and whether pan, zoom and search work."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS, headless=True)
        page = b.new_page(viewport={"width": 1400, "height": 1000})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
        start = time.perf_counter()
        page.goto(html.as_uri(), timeout=300_000)
        page.wait_for_function("() => document.body.dataset.ready === 'true'", timeout=300_000)
        drawn = time.perf_counter() - start
        while True:  # still: positions unchanged over 200 ms
            before = page.evaluate("JSON.stringify(network.getViewPosition()) + network.getScale()")
            page.wait_for_timeout(200)
            if page.evaluate("JSON.stringify(network.getViewPosition()) + network.getScale()") == before and \
                    not page.evaluate("network.physics.physicsEnabled && !network.physics.stabilized"):
                break
        still = time.perf_counter() - start - 0.2
        t = time.perf_counter()
        page.evaluate("network.moveTo({position: {x: 100, y: 50}, scale: 2.0})")
        moved = page.evaluate("network.getScale()") == 2.0
        interact = time.perf_counter() - t
        ok_search, found = True, 0.0
        if search:
            t = time.perf_counter()
            page.fill("#ag-search-input", search)
            page.wait_for_function("() => network.getSelectedNodes().length > 0", timeout=60_000)
            ok_search = True
            found = time.perf_counter() - t
        b.close()
    return {"drawn": drawn, "still": max(drawn, still), "pan_zoom": moved, "search": ok_search,
            "pan_zoom_s": interact, "search_s": found}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="bundled,1k,10k,30k")
    parser.add_argument("--runs", type=int, default=5, help="runs per command on the small sets")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--write", action="store_true", help="update docs/performance.md")
    args = parser.parse_args()
    py = sys.executable
    cli = [py, str(ROOT / "cli.py")]
    lines = []
    base = {name: timed([py, "-c", code], args.runs)[0] for name, code in (
        ("import click", "import click"),
        ("import pandas, networkx, click", "import pandas, networkx, click"),
        ("import click, networkx, igraph, scipy.spatial, jinja2, pyvis.network",
         "import click, networkx, igraph, scipy.spatial, jinja2, pyvis.network"),
    )}
    lines.append("| baseline | seconds |\n|---|---|")
    lines += [f"| `python -c \"{k}\"` | {v:.3f} |" for k, v in base.items()]
    results = {}
    for size in args.sizes.split(","):
        folder = data_dir(size)
        runs = args.runs if size in ("bundled", "1k") else (3 if size == "10k" else 1)
        with tempfile.TemporaryDirectory() as tmp:
            html = Path(tmp) / "out.html"
            row = {}
            for name, extra in (("--help", ["--help"]), ("validate", ["validate", "--data", str(folder)]),
                                ("centrality", ["centrality", "--data", str(folder)]),
                                ("render", ["render", "--data", str(folder), "-o", str(html)])):
                if name == "--help" and size != "bundled":
                    continue
                seconds, _ = timed(cli + extra, runs)
                row[name] = (seconds, peak_of(cli + extra))
            row["stages"] = stages(folder)
            if not args.no_browser:
                row["browser"] = browser(html, search="Gao" if size != "bundled" else "FAMa")
            results[size] = row
        print(size, json.dumps(row, default=str), flush=True)
    text = report(base, results, lines)
    print(text)
    if args.write:
        doc = ROOT / "docs" / "performance.md"
        old = doc.read_text(encoding="utf-8") if doc.exists() else ""
        start, end = "<!-- results:start -->", "<!-- results:end -->"
        if start in old and end in old:
            text = old.split(start)[0] + start + "\n" + text + end + old.split(end)[1]
        doc.write_text(text, encoding="utf-8")
    return 0


def report(base: dict, results: dict, lines: list[str]) -> str:
    cpu = platform.processor() or platform.machine()
    out = [f"Machine: {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
           f"{platform.system()} {platform.release()}.", "", *lines, ""]
    out.append("| data (actors / relations) | command | seconds (median) | peak MB |")
    out.append("|---|---|---|---|")
    for size, row in results.items():
        label = "bundled (35 / 59)" if size == "bundled" else f"{SIZES[size][0]:,} / {SIZES[size][1]:,}"
        for name in ("--help", "validate", "centrality", "render"):
            if name in row:
                out.append(f"| {label} | `actorgraph {name}` | {row[name][0]:.2f} | {row[name][1]:.0f} |")
    out += ["", "| data | " + " | ".join(s for s in results) + " |", "|---|" + "---|" * len(results)]
    keys = list(dict.fromkeys(k for row in results.values() for k in row["stages"]))
    for k in keys:
        cells = [f"{row['stages'].get(k, float('nan')):.2f}" for row in results.values()]
        out.append(f"| {k} | " + " | ".join(cells) + " |")
    if any("browser" in row for row in results.values()):
        out += ["", "| data | drawn (s) | still (s) | pan and zoom (s) | search to selection (s) |",
                "|---|---|---|---|---|"]
        for size, row in results.items():
            if "browser" in row:
                b = row["browser"]
                out.append(f"| {size} | {b['drawn']:.2f} | {b['still']:.2f} | "
                           f"{'works, ' if b['pan_zoom'] else 'FAILS, '}{b['pan_zoom_s']:.2f} | "
                           f"{'works, ' if b['search'] else 'FAILS, '}{b['search_s']:.2f} |")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.exit(main())
