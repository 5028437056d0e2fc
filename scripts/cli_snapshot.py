"""Run the whole CLI over the bundled data and two generated networks; record every output.

Usage: python scripts/cli_snapshot.py OUT [SAMPLE_DIR]   (then `diff -r OUT_BEFORE OUT_AFTER`)

SAMPLE_DIR replaces the bundled data/ (to compare code across a change of the data).

Each call's stdout, stderr, exit code and written files go to OUT/NN-name/. The data is copied
to a fixed folder first, so that paths in messages are the same from one run to the next.
Used to check that a reorganisation changes no byte of any command's output.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = Path("/tmp/actorgraph-snapshot-work")

READS = [
    ["validate"], ["validate", "--format", "json"], ["info"], ["info", "--format", "json"],
    ["centrality"], ["centrality", "--format", "csv"], ["centrality", "--format", "json", "--status", "all"],
    ["centrality", "--directed", "--measure", "pagerank"], ["centrality", "--as-of", "2019", "--top", "5"],
    ["centrality", "--without", "{a1}", "--relation", "coordinates_with"],
    ["brokers"], ["brokers", "--format", "json"], ["communities"], ["communities", "--format", "csv"],
    ["neighbors", "{a1}"], ["neighbors", "{a1}", "--depth", "2", "--format", "json"],
    ["path", "{a1}", "{a2}"], ["path", "{a1}", "{a2}", "--all", "--format", "json"],
    ["impact", "{a1}"], ["impact", "{a1}", "{a2}", "--format", "json"],
    ["robustness"], ["robustness", "--format", "json"],
    ["diff", "{orig}", "{data}"],
    ["export", "--format", "gexf", "-o", "{out}/g.gexf"], ["export", "--format", "graphml", "-o", "{out}/g.graphml"],
    ["export", "--format", "json", "-o", "{out}/g.json"], ["export", "--format", "cyjs", "-o", "{out}/g.cyjs"],
    ["export", "--format", "csv", "-o", "{out}/csv"],
    ["render", "-o", "{out}/map.html"], ["render", "-o", "{out}/map.svg"],
    ["render", "--focus", "{a1}", "-o", "{out}/focus.html"],
    ["report", "-o", "{out}/report.html"], ["report", "-o", "{out}/report.md"],
    ["centrality", "--without", "nobody-at-all"], ["path", "{a1}", "nobody-at-all"],
    ["centrality", "--relation", "partof"], ["centrality", "--as-of", "banana"],
]
EDITS = [
    ["add-actor", "zz_new", "--name", "Zed New", "--type", "militia", "--dry-run"],
    ["add-actor", "zz_new", "--name", "Zed New", "--type", "militia"],
    ["add-relation", "zz_new", "coordinates_with", "{a1}"],
    ["set-actor", "zz_new", "--description", "A test actor"],
    ["rename-actor", "zz_new", "zz_newer"],
    ["remove-relation", "zz_newer", "coordinates_with", "{a1}"],
    ["remove-actor", "zz_newer"],
    ["add-relation", "{a1}", "trains", "nobody-at-all"],
]


def main(out: Path, sample: Path | None = None) -> None:
    if WORK.exists():
        shutil.rmtree(WORK)
    WORK.mkdir(parents=True)
    gen = ROOT / "benchmarks" / "generate.py"
    sets = {"sahel": sample or ROOT / "data"}
    for shape, n, m in (("forest", 120, 260), ("components", 90, 200)):
        folder = WORK / f"gen-{shape}"
        subprocess.run([sys.executable, str(gen), str(n), str(m), "--shape", shape, "-o", str(folder)], check=True,
                       capture_output=True)
        sets[shape] = folder
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    env = dict(os.environ, COLUMNS="100", ACTORGRAPH_DATA="")
    count = 0
    for name, source in sets.items():
        orig = WORK / f"{name}-orig"
        if source != orig:
            shutil.copytree(source, orig, dirs_exist_ok=True)
        data = WORK / name
        shutil.copytree(orig, data, dirs_exist_ok=True)
        ids = [line.split(",", 1)[0] for line in (data / "actors.csv").read_text(encoding="utf-8").splitlines()[1:]]
        a1, a2 = ("minusma", "mali_forces") if name == "sahel" else (ids[0], ids[len(ids) // 2])
        for args in READS + EDITS:
            count += 1
            dest = out / f"{count:03d}-{name}-{args[0]}"
            files = WORK / "files"
            shutil.rmtree(files, ignore_errors=True)
            files.mkdir()
            argv = [a.format(a1=a1, a2=a2, out=files, orig=orig, data=data) for a in args]
            proc = subprocess.run([shutil.which("actorgraph"), "--data", str(data), *argv],
                                  capture_output=True, env=env, cwd=WORK)
            dest.mkdir()
            (dest / "argv").write_text(" ".join(argv) + f"\nexit {proc.returncode}\n")
            (dest / "stdout").write_bytes(proc.stdout)
            (dest / "stderr").write_bytes(proc.stderr)
            if any(files.iterdir()):
                shutil.copytree(files, dest / "files")
        for f in sorted(data.iterdir()):
            if f.is_file():
                (out / f"{name}-final-{f.name}.sha256").write_text(hashlib.sha256(f.read_bytes()).hexdigest())
    print(f"{count} calls recorded in {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else None)
