"""Write a synthetic actor network in actorgraph's schema, the same for the same seed.

Usage: python benchmarks/generate.py N M [--seed S] [-o FOLDER]

N actors of a dozen types, M relations: about a fifth of the actors sit in part_of
forests (units of forces, members of coalitions), the other relations join actors
with a preference for well-connected ones (a few hubs, many small actors, as in
event-data actor lists), and a third of the relations carry since/until dates.
"""

from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

TYPES = ["armed group", "militia", "national armed forces", "police", "UN mission", "mission component",
         "military unit", "state", "regional organisation", "NGO", "government body", "training mission"]
WORDS = ["Sahel", "Niger", "Liptako", "Gourma", "Ménaka", "Kidal", "Gao", "Mopti", "Ségou", "Tombouctou",
         "Azawad", "Macina", "Dogon", "Bambara", "Peul", "Tuareg", "Songhaï", "Boucle", "Delta", "Côte"]
KINDS = ["coordinates_with"] * 4 + ["trains"] * 2 + ["accompanies"] * 2


def generate(n: int, m: int, seed: int = 1):
    """(actor rows, relation rows) of a synthetic network."""
    rng = random.Random(seed)
    actors = []
    for i in range(n):
        kind = TYPES[min(int(rng.expovariate(0.35)), len(TYPES) - 1)]
        name = f"{rng.choice(WORDS)} {kind} {i}"
        aliases = ";".join(f"{w[:3].upper()}{i}" for w in rng.sample(WORDS, rng.randint(0, 2)))
        actors.append([f"a{i}", name, kind, f"Synthetic {kind} number {i}.", aliases])
    relations, seen = [], set()
    part_of = min(m // 5, n - 1)
    for i in rng.sample(range(1, n), part_of):  # each child gets one parent with a smaller index: a forest
        parent = rng.randrange(max(0, i - 200), i)
        seen.add((i, "part_of", parent))
        relations.append((i, "part_of", parent))
    ends = list(range(n))  # endpoints drawn in proportion to degree + 1: hubs emerge
    while len(relations) < m:
        a, b = rng.choice(ends), rng.choice(ends)
        kind = rng.choice(KINDS)
        key = (min(a, b), kind, max(a, b)) if kind == "coordinates_with" else (a, kind, b)
        if a == b or key in seen:
            continue
        seen.add(key)
        relations.append((a, kind, b))
        ends += [a, b]
    rows = []
    for a, kind, b in relations:
        since = until = ""
        if rng.random() < 0.33:
            year = rng.randint(2005, 2022)
            since = str(year) if rng.random() < 0.5 else f"{year}-{rng.randint(1, 12):02d}"
            if rng.random() < 0.3:
                until = f"{rng.randint(year + 1, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        rows.append([f"a{a}", kind, f"a{b}", f"Synthetic report {rng.randint(1, 500)}, § {rng.randint(1, 9)}",
                     f"{kind.replace('_', ' ')} seen in {rng.choice(WORDS)}", rng.choice(["stated", "implied"]),
                     since, until])
    return actors, rows


def write(folder: Path, actors, relations) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "actors.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["id", "name", "type", "description", "aliases"])
        w.writerows(actors)
    with open(folder / "relations.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["source", "relation", "target", "evidence", "note", "confidence", "since", "until"])
        w.writerows(relations)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of actors")
    parser.add_argument("m", type=int, help="number of relations")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", type=Path, help="folder (default benchmarks/out/N-M)")
    args = parser.parse_args()
    folder = args.output or Path(__file__).parent / "out" / f"{args.n}-{args.m}"
    write(folder, *generate(args.n, args.m, args.seed))
    print(folder)


if __name__ == "__main__":
    main()
