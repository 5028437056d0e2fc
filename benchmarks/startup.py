"""Start-up cost of the command line against its import floor, as medians of alternating runs.

Usage: python benchmarks/startup.py [--runs N] [--json]

  actorgraph --help                  vs  python -c "import click"                      (target <= 1.15x)
  actorgraph centrality (bundled)    vs  python -c "import click, pandas, networkx"    (target <= 1.10x)

Runs turn about, so both sides share whatever else the machine is doing. By default Python may
cache compiled modules (__pycache__), as an installed package does; --no-bytecode keeps the
environment's PYTHONDONTWRITEBYTECODE (set on the development machines), so that every start
also compiles actorgraph's modules.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"help": 1.15, "centrality": 1.10}


def alternate(a: list[str], b: list[str], runs: int, env: dict | None = None) -> dict:
    """Median seconds of two commands run turn about, and their ratio b / a (after one warm-up each)."""
    ta, tb = [], []
    for cmd in (a, b):
        subprocess.run(cmd, capture_output=True, cwd=ROOT, env=env)
    for _ in range(runs):
        for cmd, out in ((a, ta), (b, tb)):
            start = time.perf_counter()
            done = subprocess.run(cmd, capture_output=True, cwd=ROOT, env=env)
            out.append(time.perf_counter() - start)
            if done.returncode:  # a broken install fails fast and would look like a fast start
                raise RuntimeError(f"{' '.join(cmd)} failed: {done.stderr.decode(errors='replace')[-300:]}")
    ma, mb = statistics.median(ta), statistics.median(tb)
    return {"floor": ma, "actorgraph": mb, "ratio": mb / ma, "target": None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--no-bytecode", action="store_true", help="keep PYTHONDONTWRITEBYTECODE as it is")
    args = parser.parse_args()
    env = dict(os.environ)
    if not args.no_bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    exe = shutil.which("actorgraph")
    cli = [exe] if exe else [sys.executable, str(ROOT / "cli.py")]
    py = sys.executable
    results = {
        "help": alternate([py, "-c", "import click"], cli + ["--help"], args.runs, env),
        "centrality": alternate([py, "-c", "import click, pandas, networkx"],
                                cli + ["centrality", "--data", str(ROOT / "data")], max(5, args.runs // 2), env),
    }
    for name, r in results.items():
        r["target"] = TARGETS[name]
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for name, r in results.items():
        verdict = "met" if r["ratio"] <= r["target"] else "NOT met"
        print(f"{name:<11} floor {r['floor'] * 1000:7.1f} ms  actorgraph {r['actorgraph'] * 1000:7.1f} ms"
              f"  ratio {r['ratio']:.2f} (target {r['target']:.2f}: {verdict})")


if __name__ == "__main__":
    main()
