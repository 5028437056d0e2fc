"""Write a synthetic actor network in actorgraph's schema, the same for the same seed.

Usage: python benchmarks/generate.py N M [--shape SHAPE] [--seed S] [-o FOLDER]

N actors of a dozen types, M relations of all four kinds, a third of them dated (--periods: most
ties and a tenth of the actors, in every date form: see with_periods).
Shapes (SHAPES):
  forest      about a fifth of the actors in part_of forests (units of forces, members of
              coalitions), the other relations with a preference for well-connected actors
              (a few hubs, many small actors, as in event-data actor lists)
  er          uniform random pairs (Erdős–Rényi): one giant component, no hubs
  ba          Barabási–Albert preferential attachment: hubs by a power law, one component
  components  many small separate groups (5 to 40 actors), dense inside
  giant       one giant Erdős–Rényi-like component (a random spanning tree, then uniform pairs)
              with power-law hubs (a third of the relations by preferential attachment), where
              every kind (cooperative, hostile and neutral, directed or not), status, confidence,
              source reliability and relation credibility occurs; it also writes kinds.csv and
              sources.csv
part_of ties always point from a later actor to an earlier one, so they never form a cycle.
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


SHAPES = ("forest", "er", "ba", "components", "giant")
# giant: the data set's own kinds, all three polarities, directed and not
GIANT_KINDS = [("trains", "trains", "trained by", "yes", "cooperative", "#d9480f", "solid"),
               ("accompanies", "accompanies", "accompanied by", "yes", "cooperative", "#7b2cbf", "dashed"),
               ("coordinates_with", "coordinates with", "coordinates with", "no", "cooperative", "#2b8a3e", "dotted"),
               ("part_of", "part of", "has part", "yes", "cooperative", "#495057", "solid"),
               ("allied_with", "allied with", "allied with", "no", "cooperative", "#1971c2", "solid"),
               ("fights", "fights", "fights", "no", "hostile", "#c92a2a", "solid"),
               ("attacks", "attacks", "attacked by", "yes", "hostile", "#e8590c", "dashed"),
               ("monitors", "monitors", "monitored by", "yes", "neutral", "#868e96", "dotted")]
GIANT_SOURCES = 300


def generate(n: int, m: int, seed: int = 1, shape: str = "forest"):
    """(actor rows, relation rows) of a synthetic network."""
    if shape == "giant":
        return _actors(n, random.Random(seed)), _graded(_giant(n, m, random.Random(seed + 7)), random.Random(seed + 11))
    if shape != "forest":
        return _actors(n, random.Random(seed)), _dated(_pairs(n, m, shape, random.Random(seed + 7)),
                                                       random.Random(seed + 11))
    rng = random.Random(seed)
    actors = _actors(n, rng)
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
    return actors, _dated(relations, rng)


def _actors(n: int, rng):
    actors = []
    for i in range(n):
        kind = TYPES[min(int(rng.expovariate(0.35)), len(TYPES) - 1)]
        name = f"{rng.choice(WORDS)} {kind} {i}"
        aliases = ";".join(f"{w[:3].upper()}{i}" for w in rng.sample(WORDS, rng.randint(0, 2)))
        actors.append([f"a{i}", name, kind, f"Synthetic {kind} number {i}.", aliases])
    return actors


def _pairs(n: int, m: int, shape: str, rng) -> list[tuple[int, str, int]]:
    """m distinct relations (a, kind, b) of a shape; part_of only from a later actor to an earlier one."""
    seen, out = set(), []

    def add(a, b):
        if a == b:
            return
        kind = rng.choice(KINDS + ["part_of"])
        if kind == "part_of" and a < b:
            a, b = b, a
        key = (min(a, b), kind, max(a, b)) if kind == "coordinates_with" else (a, kind, b)
        if key not in seen:
            seen.add(key)
            out.append((a, kind, b))

    if shape == "er":
        while len(out) < m:
            add(rng.randrange(n), rng.randrange(n))
    elif shape == "ba":
        k = max(1, round(m / n))
        targets = list(range(k))
        ends: list[int] = []
        for a in range(k, n):
            for b in set(targets):
                add(a, b)
            ends += targets + [a] * k
            targets = [rng.choice(ends) for _ in range(k)]
        while len(out) < m:  # top up to exactly m with the same preference
            add(rng.choice(ends), rng.choice(ends))
        del out[m:]
    elif shape == "components":
        groups, start = [], 0
        while start < n:
            size = min(rng.randint(5, 40), n - start)
            groups.append(range(start, start + size))
            start += size
        for g in groups:  # each group connected: a random tree first
            for i in range(1, len(g)):
                add(g[i], g[rng.randrange(i)])
        while len(out) < m:
            g = rng.choice(groups)
            if len(g) > 1:
                add(rng.choice(g), rng.choice(g))
    else:
        raise ValueError(f"unknown shape {shape!r}; one of {', '.join(SHAPES)}")
    return out[:m]


def _giant(n: int, m: int, rng) -> list[tuple[int, str, int]]:
    """One component: a random spanning tree, then two thirds uniform pairs and a third by preference."""
    kinds = [k[0] for k in GIANT_KINDS]
    seen, out = set(), []
    ends = list(range(n))

    def add(a, b, kind=None):
        kind = kind or rng.choice(kinds)
        if a == b:
            return
        if kind == "part_of" and a < b:
            a, b = b, a
        undirected = kind in ("coordinates_with", "allied_with", "fights")
        key = (min(a, b), kind, max(a, b)) if undirected else (a, kind, b)
        if key not in seen:
            seen.add(key)
            out.append((a, kind, b))
            ends.extend((a, b))

    for i in range(1, n):
        add(i, rng.randrange(i), "part_of" if rng.random() < 0.2 else None)
    while len(out) < m:
        if rng.random() < 2 / 3:
            add(rng.randrange(n), rng.randrange(n))
        else:
            add(rng.choice(ends), rng.choice(ends))
    return out[:m]


def _graded(pairs, rng):
    """_dated rows with a status, sources (one to three) and a credibility; every value occurs."""
    rows = []
    for i, row in enumerate(_dated(pairs, rng)):
        status = ["", "actual", "planned", "recommended"][i % 4] if i < 8 else \
            rng.choice(["", "", "", "", "actual", "planned", "recommended"])
        confidence = ["stated", "implied", ""][i % 3] if i < 8 else row[5]
        sources = ";".join(f"s{k}" for k in rng.sample(range(GIANT_SOURCES), rng.choice([0, 1, 1, 1, 2, 3])))
        credibility = str(i % 6 + 1) if i < 8 else rng.choice(["", "", "1", "2", "3", "4", "5", "6"])
        rows.append(row[:5] + [confidence] + row[6:] + [status, sources, credibility])
    return rows


def _dated(pairs, rng):
    rows = []
    for a, kind, b in pairs:
        since = until = ""
        if rng.random() < 0.33:
            year = rng.randint(2005, 2022)
            since = str(year) if rng.random() < 0.5 else f"{year}-{rng.randint(1, 12):02d}"
            if rng.random() < 0.3:
                until = f"{rng.randint(year + 1, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        rows.append([f"a{a}", kind, f"a{b}", f"Synthetic report {rng.randint(1, 500)}, § {rng.randint(1, 9)}",
                     f"{kind.replace('_', ' ')} seen in {rng.choice(WORDS)}", rng.choice(["stated", "implied"]),
                     since, until])
    return rows


def with_periods(actors, relations, seed: int = 1):
    """The same network with random periods, as the time bar's tests and benchmark use them: most ties
    dated 2000-2024 in every form the data allows (YYYY, YYYY-MM, YYYY-MM-DD, DD/MM/YYYY, MM/YYYY), about
    a third of them ended; one actor in ten with a period of its own."""
    rng = random.Random(seed + 101)

    def day(year):
        form = rng.randrange(5)
        m, d = rng.randint(1, 12), rng.randint(1, 28)
        return [str(year), f"{year}-{m:02d}", f"{year}-{m:02d}-{d:02d}", f"{d:02d}/{m:02d}/{year}",
                f"{m:02d}/{year}"][form]

    dated = []
    for row in relations:
        since = until = ""
        if rng.random() < 0.8:
            year = rng.randint(2000, 2022)
            since = day(year) if rng.random() < 0.85 else ""
            if rng.random() < 0.35:
                until = day(rng.randint(year + 1, 2024))
        dated.append(row[:6] + [since, until] + row[8:])  # the giant shape's status, sources, credibility kept
    timed = []
    for row in actors:
        since = until = ""
        if rng.random() < 0.1:
            year = rng.randint(2000, 2020)
            since, until = day(year), (day(rng.randint(year + 1, 2025)) if rng.random() < 0.6 else "")
        timed.append(row + [since, until])
    return timed, dated


def write(folder: Path, actors, relations) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    graded = bool(relations) and len(relations[0]) > 8  # the giant shape: its kinds and sources too
    if graded:
        with open(folder / "kinds.csv", "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["kind", "label", "inverse", "directed", "polarity", "color", "style"])
            w.writerows(GIANT_KINDS)
        with open(folder / "sources.csv", "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["id", "title", "author", "published", "url", "reliability"])
            w.writerows([f"s{i}", f"Synthetic report {i}", f"Author {i % 17}", str(2005 + i % 20), "",
                         "ABCDEF"[i % 6] if i % 7 else ""] for i in range(GIANT_SOURCES))
    with open(folder / "actors.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["id", "name", "type", "description", "aliases"] + (["since", "until"] if actors and
                                                                         len(actors[0]) > 5 else []))
        w.writerows(actors)
    with open(folder / "relations.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["source", "relation", "target", "evidence", "note", "confidence", "since", "until"]
                   + (["status", "sources", "credibility"] if graded else []))
        w.writerows(relations)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of actors")
    parser.add_argument("m", type=int, help="number of relations")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--shape", choices=SHAPES, default="forest")
    parser.add_argument("--periods", action="store_true", help="most ties and some actors dated (with_periods)")
    parser.add_argument("-o", "--output", type=Path, help="folder (default benchmarks/out/SHAPE-N-M)")
    args = parser.parse_args()
    folder = args.output or Path(__file__).parent / "out" / f"{args.shape}-{args.n}-{args.m}"
    made = generate(args.n, args.m, args.seed, args.shape)
    write(folder, *(with_periods(*made, seed=args.seed) if args.periods else made))
    print(folder)


if __name__ == "__main__":
    main()
