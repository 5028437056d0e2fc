"""Time actorgraph as a user runs it, on networks of every shape and growing size.

Usage: python benchmarks/run.py [--shapes forest,er,ba,components,giant] [--sizes 10k,30k] [--runs N]
                                [--commands validate,render,...] [--no-browser] [--write]

Each command runs as a separate process, several times (the table gives the median and the
spread, min-max); peak memory is the largest resident set of the command or one of its
worker processes. Start-up ratios are measured by alternating the two commands in one loop
(hyperfine style), so a busy moment of the machine hits both. The browser benchmark opens
the rendered page in Debian's headless Chromium and times until it is drawn and still.
Results are kept in benchmarks/out/results.json; a run with --shapes, --sizes or --commands
updates only what it measured there. --write replaces the results in docs/performance.md
with everything in that file.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "benchmarks" / "out"
SIZES = {"10k": (10_000, 30_000), "30k": (30_000, 100_000), "1k": (1_000, 3_000)}
SHAPES = ("forest", "er", "ba", "components", "giant")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TARGETS = {"validate": 1, "centrality": 12, "render": 15, "robustness": 60, "report": 60,
           "other": 15}  # seconds at 10k / 30k
WRAP = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
        "d = subprocess.run(sys.argv[1:], capture_output=True); u = resource.getrusage(resource.RUSAGE_CHILDREN); "
        "print(time.perf_counter() - t, u.ru_maxrss / 1024, d.returncode, u.ru_utime + u.ru_stime)")


def data_dir(shape: str, size: str) -> Path:
    n, m = SIZES[size]
    folder = OUT / f"{shape}-{n}-{m}"
    if not (folder / "actors.csv").exists():
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), str(n), str(m), "--shape", shape,
                        "-o", str(folder)], check=True, capture_output=True)
    return folder


def timed(cmd: list[str], runs: int) -> dict:
    """Seconds of each run (median, min, max), the median CPU seconds (user + system, worker
    processes included: steadier than wall time on a shared machine) and the peak memory (MB)."""
    times, cpus, peak = [], [], 0.0
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", WRAP, *cmd], capture_output=True, text=True, cwd=ROOT)
        seconds, mb, code, cpu = done.stdout.split()
        if code != "0":  # said in the table, and the run goes on
            return {"failed": f"exit {code}", "median": float(seconds), "min": float(seconds), "max": float(seconds),
                    "peak": float(mb), "runs": 1, "cpu": float(cpu)}
        times.append(float(seconds))
        cpus.append(float(cpu))
        peak = max(peak, float(mb))
    return {"median": statistics.median(times), "min": min(times), "max": max(times), "peak": peak, "runs": runs,
            "cpu": statistics.median(cpus)}


def alternate(a: list[str], b: list[str], runs: int) -> dict:
    """Median seconds of two commands run turn about, and their ratio b / a."""
    ta, tb = [], []
    for _ in range(runs):
        for cmd, out in ((a, ta), (b, tb)):
            start = time.perf_counter()
            done = subprocess.run(cmd, capture_output=True, cwd=ROOT)
            out.append(time.perf_counter() - start)
            if done.returncode:  # a broken install fails fast and would look like a fast start
                raise RuntimeError(f"{' '.join(cmd)} failed: {done.stderr.decode(errors='replace')[-300:]}")
    ma, mb = statistics.median(ta), statistics.median(tb)
    return {"a": ma, "b": mb, "ratio": mb / ma}


def commands(folder: Path, html: Path, tmp: Path, hub: str | None = None) -> dict[str, list[str]]:
    """What a user runs on a data set: the three main commands and every other analysis (``hub``: impact's
    actor, by default the one with the most relations)."""
    hub = hub or hub_of(folder)
    d = ["--data", str(folder)]
    return {
        "validate": ["validate", *d],
        "centrality": ["centrality", *d],
        "render": ["render", *d, "-o", str(html)],
        "brokers": ["brokers", *d],
        "impact": ["impact", hub, *d],
        "communities": ["communities", *d],
        "path": ["path", "a0", "a9", "--all", *d],
        "diff": ["diff", str(folder), str(folder)],
        "export": ["export", "--format", "gexf", "-o", str(tmp / "x.gexf"), *d],
        "import": ["import", str(tmp / "x.gexf"), "-o", str(tmp / "imported")],  # the file export wrote
        "timeline": ["timeline", *d],
        "balance": ["balance", *d],
        "robustness": ["robustness", *d],
        "report": ["report", *d, "-o", str(tmp / "brief.html")],
    }


def hub_of(folder: Path) -> str:
    """The actor with the most relations (impact's worst case)."""
    import csv
    from collections import Counter

    with open(folder / "relations.csv", encoding="utf-8") as fh:
        count = Counter(c for row in csv.DictReader(fh) for c in (row["source"], row["target"]))
    return count.most_common(1)[0][0]


def browser(html: Path) -> dict:
    """Seconds from navigation until drawn, and until still."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS, headless=True)
        page = b.new_page(viewport={"width": 1366, "height": 768})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
        start = time.perf_counter()
        page.goto(html.as_uri(), timeout=300_000)
        page.wait_for_function("() => document.body.dataset.ready === 'true'", timeout=300_000)
        drawn = time.perf_counter() - start
        while True:  # still: view unchanged over 200 ms
            before = page.evaluate("JSON.stringify(network.getViewPosition()) + network.getScale()")
            page.wait_for_timeout(200)
            if page.evaluate("JSON.stringify(network.getViewPosition()) + network.getScale()") == before:
                break
        still = time.perf_counter() - start - 0.2
        b.close()
    return {"drawn": drawn, "still": max(drawn, still)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--sizes", default="10k,30k")
    parser.add_argument("--runs", type=int, default=3, help="runs of each main command at 10k")
    parser.add_argument("--large-runs", type=int, default=3, help="runs of centrality and render at 30k")
    parser.add_argument("--commands", help="only these commands (comma-separated); browser: the page in Chromium")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--write", action="store_true", help="update docs/performance.md")
    parser.add_argument("--no-startup", action="store_true", help="skip the start-up ratios (keep the saved ones)")
    args = parser.parse_args()
    py, cli = sys.executable, [sys.executable, str(ROOT / "cli.py")]
    import shutil

    exe = shutil.which("actorgraph") or None
    store = OUT / "results.json"
    saved = json.loads(store.read_text()) if store.exists() else {}
    start = saved.get("start") if args.no_startup and saved.get("start") else {
        "help": alternate([py, "-c", "import click"], [exe, "--help"] if exe else cli + ["--help"], 21),
             "centrality": alternate([py, "-c", "import click, pandas, networkx"],
                                     ([exe] if exe else cli) + ["centrality", "--data", str(ROOT / "data")], 11)}
    print("start-up", json.dumps(start), flush=True)
    results: dict = saved.get("results", {})
    only = set(args.commands.split(",")) if args.commands else None
    for size in args.sizes.split(","):
        for shape in args.shapes.split(","):
            folder = data_dir(shape, size)
            with tempfile.TemporaryDirectory() as tmp:
                html = Path(tmp) / "out.html"
                row = dict(results.get(f"{shape} {size}", {}))
                for name, extra in commands(folder, html, Path(tmp)).items():
                    main_command = name in ("validate", "centrality", "render")
                    if size != "10k" and name not in ("centrality", "render") or only and name not in only:
                        continue
                    runs = (args.runs if size == "10k" else args.large_runs) if main_command else 1
                    row[name] = timed(cli + extra, runs)
                    print(shape, size, name, json.dumps(row[name]), flush=True)
                    results[f"{shape} {size}"] = row  # kept after every command: a long run may be cut short
                    store.write_text(json.dumps({"start": start, "results": results}, indent=1))
                if not args.no_browser and size == "10k" and (not only or "browser" in only):
                    timed(cli + commands(folder, html, Path(tmp))["render"], 1)
                    row["browser"] = browser(html)
                results[f"{shape} {size}"] = row
            print(shape, size, json.dumps(row), flush=True)
            store.write_text(json.dumps({"start": start, "results": results}, indent=1))
    order = [f"{shape} {size}" for size in SIZES for shape in SHAPES]
    text = report(start, {k: results[k] for k in sorted(results, key=lambda k: order.index(k) if k in order else 99)})
    print(text)
    if args.write:
        doc = ROOT / "docs" / "performance.md"
        old = doc.read_text(encoding="utf-8")
        a, b = "<!-- results:start -->", "<!-- results:end -->"
        doc.write_text(old.split(a)[0] + a + "\n" + text + b + old.split(b)[1], encoding="utf-8")
    return 0


def report(start: dict, results: dict) -> str:
    cpu = platform.processor() or platform.machine()
    out = [f"Machine: {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
           f"{platform.system()} {platform.release()}.", "",
           "| start-up, commands run turn about | seconds | ratio | target |", "|---|---|---|---|",
           f"| `python -c \"import click\"` vs `actorgraph --help` | {start['help']['a']:.3f} vs {start['help']['b']:.3f}"
           f" | {start['help']['ratio']:.2f} | <= 1.5 |",
           f"| `python -c \"import click, pandas, networkx\"` vs `actorgraph centrality` (bundled) |"
           f" {start['centrality']['a']:.3f} vs {start['centrality']['b']:.3f} | {start['centrality']['ratio']:.2f}"
           " | <= 1.2 |", "",
           "| shape, size | command | median s (min-max, runs) | CPU s | peak MB | target | met |",
           "|---|---|---|---|---|---|---|"]
    for key, row in results.items():
        size = key.split()[1]
        for name, r in row.items():
            if name == "browser":
                continue
            limit = 60 if size == "30k" else TARGETS.get(name, TARGETS["other"])
            if r.get("failed"):
                out.append(f"| {key} | `{name}` | failed ({r['failed']}) | | | < {limit} s | NO |")
                continue
            # a shared machine stretches wall time, not CPU time: judge by the lesser (on a quiet machine wall
            # time is about the CPU time, or half of it for the commands that use both cores)
            seconds = min(r["median"], r["cpu"]) if "cpu" in r else r["median"]
            met = seconds < limit and (size == "30k" or r["peak"] < 1024)
            verdict = "NO" if not met else "yes" if "cpu" in r or r["max"] < limit else "median (not every run)"
            cpu = f"{r['cpu']:.2f}" if "cpu" in r else "-"
            out.append(f"| {key} | `{name}` | {r['median']:.2f} ({r['min']:.2f}-{r['max']:.2f}, {r['runs']}) | {cpu} |"
                       f" {r['peak']:.0f} | < {limit} s{'' if size == '30k' else ', < 1 GB'} |"
                       f" {verdict} |")
    browsers = {k: r["browser"] for k, r in results.items() if "browser" in r}
    if browsers:
        out += ["", "| shape, size | drawn (s) | still (s) | target | met |", "|---|---|---|---|---|"]
        for key, b in browsers.items():
            out.append(f"| {key} | {b['drawn']:.2f} | {b['still']:.2f} | < 5 s | {'yes' if b['still'] < 5 else 'NO'} |")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.exit(main())
