"""How far actors move on the map (no positions.csv) when the data changes a little.

Usage: python benchmarks/stability.py [--quick] [--seed N] [--write]

For the bundled data and generated networks of 35, 150 and 1,000 actors (benchmarks/generate.py,
forest shape), each of four small edits is made and the whole data set's map laid out again
(graph.picture.scene.base_positions, what every view draws):
  add actor   a new actor tied once, to an actor of median degree
  add tie     a tie between an actor of median degree and an actor two ties away
  remove tie  a tie of an actor of median degree whose loss cuts nothing off
  rename      that actor's id changed (its name stays)
For the actors in both maps it reports the median and largest displacement, as a share of the
diagonal of the first map's bounding box, and how many moved more than 25 % of it; and the median
displacement in the fitted view (each map's box centred and scaled to fill the pane, as the page's
Fit shows it: an outlying actor that moves shifts and zooms the whole view).
--seed N generates the networks with another seed (other shapes of the same sizes); --write puts
the whole table (seed 1, without --quick) in docs/stability.md.
"""

from __future__ import annotations

import argparse
import csv
import io
import math
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("ACTORGRAPH_TODAY", "2026-11-30")  # the whole map keeps room for today's main labels

THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
EDITS = ("add actor", "add tie", "remove tie", "rename")
NETWORKS = {"bundled": None, "35 actors": (35, 60), "150 actors": (150, 300), "1,000 actors": (1000, 2000)}


def _csv(header, rows) -> bytes:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return out.getvalue().encode("utf-8")


def _tables(name: str, seed: int = 1):
    """(actor header, actor rows, relation header, relation rows) of a network (``seed``: of benchmarks/generate.py)."""
    if NETWORKS[name] is None:
        tables = []
        for file in ("actors.csv", "relations.csv"):
            with open(ROOT / "data" / file, encoding="utf-8", newline="") as fh:
                rows = list(csv.reader(fh))
            tables += [rows[0], rows[1:]]
        return tuple(tables)
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate

    actors, relations = generate(*NETWORKS[name], seed=seed)
    return (["id", "name", "type", "description", "aliases"], actors,
            ["source", "relation", "target", "evidence", "note", "confidence", "since", "until"], relations)


def positions(tables) -> dict:
    """The whole map's positions (actor -> (x, y)) of a data set given as tables."""
    from graph.analysis.views import full_graph
    from graph.data.load import from_files

    a_head, actors, r_head, relations = tables
    extra = {name: (ROOT / "data" / name).read_bytes() for name in ("sources.csv", "types.csv")
             if (ROOT / "data" / name).is_file()} if "sources" in r_head else {}
    ds, problems = from_files(ROOT / "stability", {"actors.csv": _csv(a_head, actors),
                                                   "relations.csv": _csv(r_head, relations), **extra})
    errors = [str(p) for p in problems if p.severity == "error"]
    assert ds is not None and not errors, errors[:5]
    from graph.picture.scene import base_positions

    return base_positions(full_graph(ds), drawn=False)  # the positions the map draws, without drawing it


def edits(tables):
    """{edit: (tables after it, {old id: new id} of a renamed actor)} for the four edits."""
    import networkx as nx

    a_head, actors, r_head, relations = tables
    col = {c: i for i, c in enumerate(r_head)}
    G = nx.Graph()
    G.add_nodes_from(a[0] for a in actors)
    G.add_edges_from((r[col["source"]], r[col["target"]]) for r in relations)
    order = {a[0]: i for i, a in enumerate(actors)}
    tied = sorted((v for v in G if G.degree(v)), key=lambda v: (G.degree(v), order[v]))
    middle = tied[len(tied) // 2]
    out = {}
    new = ["zz_new", "A new actor", actors[order[middle]][2]] + [""] * (len(a_head) - 3)
    tie = {"source": "zz_new", "relation": "coordinates_with", "target": middle, "evidence": "a new report"}
    out["add actor"] = ((a_head, actors + [new], r_head, relations + [[tie.get(c, "") for c in r_head]]), {})
    two = sorted((v for v in nx.single_source_shortest_path_length(G, middle, cutoff=2).items() if v[1] == 2),
                 key=lambda kv: order[kv[0]])
    tie = {"source": middle, "relation": "coordinates_with", "target": two[0][0], "evidence": "a new report"}
    out["add tie"] = ((a_head, actors, r_head, relations + [[tie.get(c, "") for c in r_head]]), {})
    bridges = {frozenset(e) for e in nx.bridges(G)}
    gone = next(i for i, r in enumerate(relations) if middle in (r[col["source"]], r[col["target"]])
                and frozenset((r[col["source"]], r[col["target"]])) not in bridges
                and G.number_of_edges(r[col["source"]], r[col["target"]]) == 1
                and sum(1 for s in relations if {s[col["source"]], s[col["target"]]} ==
                        {r[col["source"]], r[col["target"]]}) == 1)
    out["remove tie"] = ((a_head, actors, r_head, relations[:gone] + relations[gone + 1:]), {})
    renamed = "zz_renamed"
    out["rename"] = ((a_head, [[renamed if i == 0 and c == middle else c for i, c in enumerate(a)] for a in actors],
                      r_head, [[renamed if c == middle and i in (col["source"], col["target"]) else c
                                for i, c in enumerate(r)] for r in relations]), {middle: renamed})
    return out


def _fitted(where: dict) -> dict:
    """Positions as the page's Fit shows the whole map: its box centred and scaled to fill a pane of
    graph.picture.layout.ASPECT (width / height), whatever the box's own size."""
    from graph.picture.layout import ASPECT

    xs = [p[0] for p in where.values()]
    ys = [p[1] for p in where.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    zoom = min(ASPECT / ((max(xs) - min(xs)) or 1.0), 1.0 / ((max(ys) - min(ys)) or 1.0))
    return {v: ((x - cx) * zoom, (y - cy) * zoom) for v, (x, y) in where.items()}


def displacement(before: dict, after: dict, renamed: dict) -> dict:
    """Median and largest move of the actors on both maps, as a share of the first map's diagonal, in the
    layout's coordinates; ``fitted``: the median move as the page shows each map fitted to the pane."""
    def moves(first: dict, second: dict) -> list:
        xs = [p[0] for p in first.values()]
        ys = [p[1] for p in first.values()]
        diagonal = math.hypot(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
        return sorted(math.dist(p, second[renamed.get(v, v)]) / diagonal for v, p in first.items()
                      if renamed.get(v, v) in second)

    raw, fitted = moves(before, after), moves(_fitted(before), _fitted(after))
    return {"median": raw[len(raw) // 2], "max": raw[-1], "over_25": sum(1 for m in raw if m > 0.25),
            "actors": len(raw), "fitted": fitted[len(fitted) // 2]}


def measure(name: str, workers: int | None = None, seed: int = 1) -> dict:
    """{edit: displacement figures} for one network; the five layouts (before and after each edit) run in
    ``workers`` processes (default: one per core), as they are independent."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    tables = _tables(name, seed)
    changes = edits(tables)
    jobs = [tables] + [changed for changed, _ in changes.values()]
    workers = workers or min(len(jobs), os.cpu_count() or 1)
    if workers > 1:
        # fresh processes with one BLAS thread each: the workers already fill the cores, and BLAS threads
        # waiting on each other cost more than they save (three times the CPU time of a stress layout)
        saved = {name: os.environ.get(name) for name in THREADS}
        os.environ.update({name: "1" for name in THREADS})
        try:
            with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
                before, *after = pool.map(positions, jobs)
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
    else:
        before, *after = map(positions, jobs)
    return {edit: displacement(before, where, renamed)
            for (edit, (_changed, renamed)), where in zip(changes.items(), after)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="leave out the 1,000-actor network")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generated networks (default 1)")
    parser.add_argument("--write", action="store_true", help="put the table in docs/stability.md (seed 1)")
    args = parser.parse_args()
    lines = ["| network | edit | median move | largest move | moved > 25 % | median move, fitted view |",
             "|---|---|---|---|---|---|"]
    print("\n".join(lines), flush=True)
    for name in NETWORKS:
        if args.quick and name == "1,000 actors":
            continue
        for edit, d in measure(name, seed=args.seed).items():
            lines.append(f"| {name} | {edit} | {d['median']:.1%} | {d['max']:.1%} | {d['over_25']} of {d['actors']} "
                         f"| {d['fitted']:.1%} |")
            print(lines[-1], flush=True)
    if args.write and args.seed == 1 and not args.quick:  # the whole table or nothing
        doc = ROOT / "docs" / "stability.md"
        text = doc.read_text(encoding="utf-8")
        start, end = "<!-- stability:start -->", "<!-- stability:end -->"
        head, rest = text.split(start, 1)
        doc.write_text(head + start + "\n" + "\n".join(lines) + "\n" + end + rest.split(end, 1)[1], encoding="utf-8")


if __name__ == "__main__":
    main()
