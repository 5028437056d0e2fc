"""The 100k row: time validate, centrality, render and export on 100,000 actors / 300,000 relations.

Usage: python benchmarks/huge.py [--actors 100000] [--relations 300000] [--shape forest]
                                 [--commands validate,centrality,...] [--timeout 1200]

The network comes from benchmarks/generate.py (forest shape by default), written once to
benchmarks/out/SHAPE-N-M. Each command runs once, as a separate process under a time limit:
wall seconds, CPU seconds (user + system, worker processes included) and peak resident memory
(the largest of the command and its workers), and whether it worked, was refused (with the
message it gave) or ran out of time. Results are kept in benchmarks/out/huge.json and printed
as the table of docs/performance.md's "100k actors / 300k relations" section.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate, write  # noqa: E402
from run import OUT, ROOT  # noqa: E402  (run.py's folders; its timed() wants every command to succeed)

# one process that runs the command under a time limit (its workers too) and reports its children's resources
WRAP = """import json, os, resource, signal, subprocess, sys, time
t, limit = time.perf_counter(), float(sys.argv[1])
p = subprocess.Popen(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
code = None
try:
    err = p.communicate(timeout=limit)[1]
    code = p.returncode
except subprocess.TimeoutExpired:
    os.killpg(p.pid, signal.SIGKILL)
    err = p.communicate()[1]
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": time.perf_counter() - t, "peak": u.ru_maxrss / 1024, "code": code,
                  "cpu": u.ru_utime + u.ru_stime, "stderr": err[-2000:]}))
"""


def commands(folder: Path, tmp: Path) -> dict[str, list[str]]:
    d = ["--data", str(folder)]
    return {
        "validate": ["validate", *d],
        "centrality": ["centrality", *d],  # exact: refused above the limit
        "centrality --sample 200": ["centrality", "--sample", "200", *d],
        "centrality --sample 200 -m betweenness": ["centrality", "--sample", "200", "-m", "betweenness", *d],
        "centrality -m degree -m eigenvector -m pagerank": ["centrality", "-m", "degree", "-m", "eigenvector",
                                                            "-m", "pagerank", *d],
        "render": ["render", *d, "-o", str(tmp / "map.html")],
        "export --format gexf": ["export", "--format", "gexf", "-o", str(tmp / "x.gexf"), *d],
        "export --format graphml": ["export", "--format", "graphml", "-o", str(tmp / "x.graphml"), *d],
    }


def timed(cmd: list[str], limit: float) -> dict:
    done = subprocess.run([sys.executable, "-c", WRAP, str(limit), *cmd], capture_output=True, text=True, cwd=ROOT)
    r = json.loads(done.stdout)
    lines = [line for line in r.pop("stderr").splitlines() if line.strip()]
    r["said"] = [line for line in lines if line.startswith(("Error", "note"))][-4:]
    r["outcome"] = ("out of time" if r["code"] is None else "works" if r["code"] == 0 else
                    "refused" if any(line.startswith("Error") for line in lines) else "failed")
    return r


def table(rows: dict, n: int, m: int) -> str:
    out = [f"| command ({n:,} actors / {m:,} relations) | CPU s | wall s | peak MB | outcome |", "|---|---|---|---|---|"]
    for name, r in rows.items():
        out.append(f"| `{name}` | {r['cpu']:.1f} | {r['wall']:.1f} | {r['peak']:.0f} | {r['outcome']} |")
    return "\n".join(out) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=100_000)
    parser.add_argument("--relations", type=int, default=300_000)
    parser.add_argument("--shape", default="forest")
    parser.add_argument("--commands", help="only these (comma-separated names of the table)")
    parser.add_argument("--timeout", type=float, default=1200, help="seconds each command may run")
    args = parser.parse_args()
    folder = OUT / f"{args.shape}-{args.actors}-{args.relations}"
    if not (folder / "relations.csv").exists():
        write(folder, *generate(args.actors, args.relations, 1, args.shape))
    store = OUT / "huge.json"
    saved = json.loads(store.read_text()) if store.exists() else {}
    key = f"{args.shape} {args.actors} {args.relations}"
    rows = saved.get(key, {})
    only = set(args.commands.split(",")) if args.commands else None
    with tempfile.TemporaryDirectory() as tmp:
        for name, cmd in commands(folder, Path(tmp)).items():
            if only and name not in only:
                continue
            rows[name] = timed([sys.executable, str(ROOT / "cli.py"), *cmd], args.timeout)
            print(name, json.dumps(rows[name]), flush=True)
            saved[key] = rows
            store.write_text(json.dumps(saved, indent=1))
    print(table(rows, args.actors, args.relations))
    return 0


if __name__ == "__main__":
    sys.exit(main())
