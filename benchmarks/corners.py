"""Time the hostile corners that used to be exponential or quadratic (issue 10), each as a user runs it.

Usage: python benchmarks/corners.py [--quick]

Each case builds its data in a temporary folder, runs one actorgraph command as a
separate process and reports wall time, CPU time, peak memory (MB) and the output size.
"""

from __future__ import annotations

import argparse
import itertools
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def write(folder: Path, actors: str, relations: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "actors.csv").write_text(actors, encoding="utf-8")
    (folder / "relations.csv").write_text(relations, encoding="utf-8")
    return folder


_WRAP = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
         "d = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL); "
         "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
         "print(time.perf_counter() - t, u.ru_utime + u.ru_stime, u.ru_maxrss / 1024, len(d.stdout), d.returncode)")


def run(args) -> tuple[float, float, float, int, int]:
    """Wall seconds, CPU seconds (user + system, worker processes included), peak MB of the
    command's own process, bytes on stdout, exit code. On a shared machine the CPU time is the
    steadier of the two."""
    done = subprocess.run([sys.executable, "-c", _WRAP, sys.executable, str(ROOT / "cli.py"), *map(str, args)],
                          capture_output=True, text=True, check=True)
    seconds, cpu, peak, size, code = done.stdout.split()
    return float(seconds), float(cpu), float(peak), int(size), int(code)


def diamonds(folder: Path, n: int) -> Path:
    """n diamonds in a row: 2**n shortest paths from the first actor to the last."""
    actors = ["id,name,type"] + [f"v{i},V{i},t" for i in range(n + 1)]
    actors += [f"{s}{i},{s.upper()}{i},t" for i in range(n) for s in ("l", "r")]
    rels = ["source,relation,target,evidence"]
    for i in range(n):
        for s in ("l", "r"):
            rels += [f"v{i},trains,{s}{i},x", f"{s}{i},trains,v{i + 1},x"]
    return write(folder, "\n".join(actors) + "\n", "\n".join(rels) + "\n")


def cases(tmp: Path, quick: bool):
    n = 6 if quick else 16
    d = diamonds(tmp / "diamonds", n)
    yield f"path --all, {n} diamonds (2^{n} paths)", ["path", "v0", f"v{n}", "--all", "--data", d]

    leaves = 400 if quick else 4000
    d = write(tmp / "hub", "id,name,type\nhub,Hub,t\n" + "".join(f"l{i},Leaf {i},t\n" for i in range(leaves)),
              "source,relation,target,evidence\n" + "".join(f"hub,trains,l{i},x\n" for i in range(leaves)))
    yield f"impact --format json, hub with {leaves} leaves", ["impact", "hub", "--format", "json", "--data", d]
    yield f"brokers, hub with {leaves} leaves", ["brokers", "--data", d]

    many = 1000 if quick else 10000
    d = write(tmp / "cascade", "id,name,type\nhub,Hub,t\n" + "".join(f"l{i},Leaf {i},t\n" for i in range(many)),
              "source,relation,target,evidence\n" + "".join(f"hub,trains,l{i},x\n" for i in range(many)))
    yield f"remove-actor --cascade, hub with {many} relations", ["remove-actor", "hub", "--cascade", "--data", d]

    cols = 2000 if quick else 20000
    d = write(tmp / "wide", "id,name,type," + ",".join(f"c{i}" for i in range(cols)) + "\na,A,t" + "," * cols + "\n",
              "source,relation,target\n")
    yield f"validate, header of {cols} columns", ["validate", "--data", d]

    rows_of = 10 if quick else 100
    d = write(tmp / "empties", "id,name,type\n" + "".join(f"a{i},A,t" + "," * 1_000_000 + "\n" for i in range(rows_of)),
              "source,relation,target\n")
    yield f"validate, {rows_of} rows of a million empty cells (refused past 25,000,000 cells)", ["validate", "--data", d]

    lines = 10000 if quick else 100000
    cell = "\n".join(f"line {i}" for i in range(lines))
    d = write(tmp / "cell", f'id,name,type,description\na,A,t,"{cell}"\nb,B,t,\n',
              "source,relation,target,evidence\na,trains,b,x\n")
    yield f"validate, one quoted cell over {lines} lines", ["validate", "--data", d]

    breaks = 1_000_000 if quick else 100_000_000
    d = write(tmp / "breaks", 'id,name,type,description\na,A,t,"' + "\n" * breaks + '"\nb,B,t,\n',
              "source,relation,target,evidence\na,trains,b,x\n")
    yield f"validate, one quoted cell of {breaks:,} line breaks", ["validate", "--data", d]

    chain = 3000 if quick else 30000
    d = write(tmp / "longchain", "id,name,type\n" + "".join(f"a{i},Actor {i},t\n" for i in range(chain)),
              "source,relation,target,evidence\n" + "".join(f"a{i},trains,a{i + 1},x\n" for i in range(chain - 1)))
    yield f"centrality, a chain of {chain:,} actors", ["centrality", "--top", "3", "--data", d]

    many = 2000 if quick else 20000
    d = write(tmp / "onetie", "id,name,type\na,A,t\nb,B,t\n", "source,relation,target,evidence,since,until\n" + "".join(
        f"a,coordinates_with,b,x,{day},{day}\n" for day in (date.fromordinal(1 + 2 * i).isoformat() for i in range(many))))
    yield f"centrality, one tie of {many:,} rows", ["centrality", "--as-of", "all", "--data", d]

    shared = 2000 if quick else 20000
    d = write(tmp / "alias", "id,name,type,aliases\n" + "".join(f"a{i},N{i},t,X\n" for i in range(shared)),
              "source,relation,target,evidence\n" + "X,trains,X,e\n" * shared)
    yield f"validate, {shared:,} actors sharing an alias named in {shared:,} relations", ["validate", "--data", d]

    rows = 50000 if quick else 500000
    d = write(tmp / "big", "id,name,type\n" + "".join(f"a{i},Actor {i},t\n" for i in range(rows)),
              "source,relation,target,evidence\na0,trains,a1,x\n")
    yield f"add-actor to a file of {rows} rows", ["add-actor", "new", "--name", "New", "--type", "t", "--data", d]

    ids = [f"a{i}" for i in range(300)]
    d = write(tmp / "dense", "id,name,type\n" + "".join(f"{a},Actor {a},t\n" for a in ids),
              "source,relation,target,evidence\n" + "".join(f"{a},coordinates_with,{b},x\n"
                                                            for a, b in itertools.combinations(ids, 2)))
    yield "render, 300 actors all related (44,850 relations)", ["render", "--data", d, "-o", tmp / "dense.html"]

    # Issue 27: no data set of up to 2,000 relations may take more than 15 s to render, whatever its shape.
    for name, folder in shapes(tmp, quick):
        yield f"render, {name}", ["render", "--data", folder, "-o", tmp / "shape.html"]


def kinds_csv(k: int) -> str:
    return "kind,label,inverse,directed\n" + "".join(f"k{i},kind {i},kind {i} of,yes\n" for i in range(k))


def related(folder: Path, n: int, pairs, k: int) -> Path:
    """n actors, k kinds of relation on each of ``pairs``."""
    write(folder, "id,name,type\n" + "".join(f"a{i},Actor {i},t\n" for i in range(n)),
          "source,relation,target,evidence\n" + "".join(f"a{i},k{j},a{t},x\n" for i, t in pairs for j in range(k)))
    (folder / "kinds.csv").write_text(kinds_csv(k), encoding="utf-8")
    return folder


def shapes(tmp: Path, quick: bool):
    """Dense and sprawling shapes of up to about 2,000 relations (the 35 x 2,916 case from the issue too)."""
    def complete(n):
        return list(itertools.combinations(range(n), 2))

    for n, k in ([(25, 2)] if quick else [(20, 2), (25, 2), (35, 2), (20, 10), (63, 1), (35, 5)]):
        yield (f"complete, {n} actors x {k} kinds ({n * (n - 1) // 2 * k:,} relations)",
               related(tmp / f"complete-{n}-{k}", n, complete(n), k))
    if quick:
        return
    yield "star, 2,000 leaves", related(tmp / "star", 2001, [(0, i) for i in range(1, 2001)], 1)
    yield "star, 333 leaves x 6 kinds (1,998 relations)", related(tmp / "star6", 334, [(0, i) for i in range(1, 334)], 6)
    yield "chain, 2,001 actors", related(tmp / "chain", 2001, [(i, i + 1) for i in range(2000)], 1)
    yield "chain, 401 actors x 5 kinds", related(tmp / "chain5", 401, [(i, i + 1) for i in range(400)], 5)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller cases")
    parser.add_argument("--match", default="", help="only the cases whose name contains this text")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'case':<55} {'seconds':>8} {'CPU s':>8} {'peak MB':>8} {'stdout':>10} {'exit':>4}", flush=True)
        for name, argv in cases(Path(tmp), args.quick):
            if args.match not in name:
                continue
            seconds, cpu, peak, size, code = run(argv)
            print(f"{name:<55} {seconds:>8.2f} {cpu:>8.2f} {peak:>8.0f} {size:>10,} {code:>4}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
