"""Questions analysts ask of the network: neighbourhoods, paths, brokers and communities."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from graph.analysis.build import Restriction, restrictions, simple_directed, simple_undirected
from graph.names import COMMUNITY_SEED
from graph.data.schema import kinds_of
from graph.errors import NoPath
from graph.analysis import engine
from graph.analysis.grades import tie_quality

__all__ = ["neighbourhood", "neighbours", "paths", "joined_by", "RELAXED", "Paths", "PathStep", "Link", "brokers", "communities", "spell", "NoPath",
           "COMMUNITY_SEED", "BROKER_GUIDE"]

# actors: up to this, communities are networkx's Louvain; above, igraph's (the page's overview, above as many)
NX_LOUVAIN_UP_TO = 500
BROKER_GUIDE = ("reading: a broker has high betweenness and effective size and low constraint; "
                "constraint near 1 means all of an actor's ties run into one closed group")


def spell(G, a: str, b: str, kind: str, forward: bool = True) -> str:
    """A relation between a and b read from a: 'A —trains→ B', 'A ←trains— B' or 'A —coordinates with— B'.

    ``forward`` says whether the relation runs from a to b; a symmetric kind has no arrow.
    """
    k = kinds_of(G)[kind]
    name_a, name_b = G.nodes[a].get("name", a), G.nodes[b].get("name", b)
    if not k.directed:
        return f"{name_a} —{k.label}— {name_b}"
    return f"{name_a} —{k.label}→ {name_b}" if forward else f"{name_a} ←{k.label}— {name_b}"


def _steps(G, a: str, b: str, walkable: bool = False) -> list[tuple[str, str, list[str]]]:
    """(kind, text, weakness) of every relation between a and b, read from a; ``walkable``: only those a->b.

    ``weakness`` says why the relation is a weak basis (see graph.analysis.grades.tie_quality): empty
    when one of its rows is stated, actual and adequately graded.
    """

    sources = G.graph.get("sources") or {}

    def weakness(rows) -> list[str]:
        return min((tie_quality(d, sources) for d in rows), key=len, default=[])

    ab = _by_kind(G.get_edge_data(a, b))
    ba = _by_kind(G.get_edge_data(b, a))
    out = []
    for kind, k in kinds_of(G).items():
        if not k.directed:
            if kind in ab or kind in ba:
                out.append((kind, spell(G, a, b, kind), weakness(ab.get(kind, []) + ba.get(kind, []))))
            continue
        if kind in ab:
            out.append((kind, spell(G, a, b, kind, True), weakness(ab[kind])))
        if kind in ba and not walkable:
            out.append((kind, spell(G, a, b, kind, False), weakness(ba[kind])))
    return out


def _by_kind(edges) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for d in (edges or {}).values():
        out.setdefault(d["relation"], []).append(d)
    return out


def neighbourhood(G, actor: str, depth: int = 1):
    """The subgraph of actors within ``depth`` ties of ``actor``, in any direction."""
    distance = _distances(G, actor, depth)
    # Built in G's order: networkx's subgraph views iterate a set, so their order follows the hash seed.
    H = G.__class__()
    H.graph.update(G.graph)
    H.add_nodes_from((n, G.nodes[n]) for n in G if n in distance)
    H.add_edges_from((u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True) if u in distance and v in distance)
    left = G.number_of_nodes() - H.number_of_nodes()
    lost = G.number_of_edges() - H.number_of_edges()
    H.graph["restrictions"] = restrictions(G) + [
        Restriction("focus", (G.nodes[actor].get("name", actor),), actors=left, relations=lost, depth=depth)]
    return H


def _distances(G, actor: str, depth: int) -> dict[str, int]:
    distance = {actor: 0}
    frontier = [actor]
    for step in range(1, depth + 1):
        nxt = []
        for node in frontier:
            for other in list(G.successors(node)) + list(G.predecessors(node)):
                if other not in distance:
                    distance[other] = step
                    nxt.append(other)
        frontier = nxt
        if not frontier:  # everyone within reach: a larger depth adds nobody
            break
    return distance


def neighbours(G, actor: str, depth: int = 1) -> list[dict]:
    """The actors within depth ties, each with the relations linking it to an actor one step closer."""
    distance = _distances(G, actor, depth)
    order = {n: i for i, n in enumerate(G)}
    rows = []
    for node in sorted(distance, key=lambda n: (distance[n], order[n])):
        if node == actor:
            continue
        d = distance[node]
        closer = [m for m in list(G.successors(node)) + list(G.predecessors(node)) if distance.get(m) == d - 1]
        links = []
        for m in sorted(dict.fromkeys(closer), key=order.get):
            links += [{"from": m, "kind": kind, "text": text} for kind, text, _ in _steps(G, m, node)]
        rows.append({"id": node, "name": G.nodes[node].get("name", node), "type": G.nodes[node].get("type", ""),
                     "distance": d, "relations": links})
    return rows


@dataclass(frozen=True)
class Link:
    """A relation a step can take: its kind, how it reads from the step's start, and why it is a weak basis
    (implied, not actual, weakly graded...; empty when it is not)."""

    kind: str
    text: str
    weak: tuple[str, ...]


@dataclass(frozen=True)
class PathStep:
    """One step of a path: from one actor to the next, the relations that link them, and whether every one is weak."""

    step: int
    source: str
    target: str
    relations: tuple[Link, ...]
    weak: bool


@dataclass(frozen=True)
class Paths:
    """Shortest paths between two actors: ``total`` of them, ``paths`` listed (in name order)."""

    total: int
    paths: tuple[tuple[PathStep, ...], ...]

    def as_dict(self) -> dict:
        return {"total": self.total, "paths": [[asdict(s) for s in p] for p in self.paths]}

    def to_frame(self):
        """One row per relation of each step: path, step, source, target, relation, reads, weak."""
        import pandas as pd

        rows = [{"path": i, "step": s.step, "source": s.source, "target": s.target, "relation": r.kind,
                 "reads": r.text, "weak": ", ".join(r.weak)}
                for i, p in enumerate(self.paths, 1) for s in p for r in s.relations]
        return pd.DataFrame(rows, columns=["path", "step", "source", "target", "relation", "reads", "weak"])


def paths(G, source: str, target: str, all_paths: bool = False, directed: bool = False,
          limit: int | None = None) -> Paths:
    """Shortest path(s) from source to target and how many shortest paths there are.

    Paths come in order of their actors' names; with ``all_paths`` at most ``limit``
    are listed (their number can grow exponentially), otherwise the first one. A step
    is ``weak`` when every relation it could take is implied, not actual, or weakly graded.
    """

    H = simple_directed(G) if directed else simple_undirected(G)
    succ = H.succ if directed else H.adj
    pred = H.pred if directed else H.adj
    to_target = _bfs(pred, target)
    if source not in to_target:
        raise NoPath(source, target)
    count = {target: 1}  # shortest paths from each actor to the target, layer by layer
    for node in sorted(to_target, key=to_target.get)[1:]:
        count[node] = sum(count[m] for m in succ[node] if to_target.get(m) == to_target[node] - 1)
    total = count[source]
    wanted = (limit if limit is not None else total) if all_paths else 1
    key = {n: (G.nodes[n].get("name", n), n) for n in to_target}
    found: list[list[str]] = []
    stack = [[source]]
    while stack and len(found) < wanted:  # depth first, children by name: paths in name order
        p = stack.pop()
        last = p[-1]
        if last == target:
            found.append(p)
            continue
        nxt = sorted((m for m in succ[last] if to_target.get(m) == to_target[last] - 1), key=key.get, reverse=True)
        stack.extend(p + [m] for m in nxt)
    result = []
    for p in found:
        steps = []
        for i, (a, b) in enumerate(zip(p, p[1:]), 1):
            relations = tuple(Link(k, t, tuple(w)) for k, t, w in _steps(G, a, b, walkable=directed))
            steps.append(PathStep(i, a, b, relations, all(r.weak for r in relations)))
        result.append(tuple(steps))
    return Paths(total, tuple(result))


# what a view leaves out, each given up alone: the View field (or paths' ``directed``) and its value that
# keeps everything; clients say "with FIELD VALUE" where the value is 'all', "without FIELD" otherwise
RELAXED = {"directed": False, "as_of": "all", "statuses": ("all",), "relations": (), "without": (),
           "min_grade": None, "confidence": None, "ties": "all", "known_on": None}


def joined_by(dataset, view, source: str, target: str, directed: bool = False) -> tuple[str, ...] | None:
    """Why a view finds no path from ``source`` to ``target``: the parts of it that, each given up alone,
    would join them ('directed', or View fields such as 'as_of' and 'statuses'); () when only several
    together would; None when no chain of relations joins them in the data at all (in any period, status
    or kind, either way round)."""
    from dataclasses import replace

    from graph.analysis.views import View, graph_of

    def joins(v, one_way: bool) -> bool:
        G = graph_of(dataset, v)
        if source not in G or target not in G:
            return False
        H = simple_directed(G) if one_way else simple_undirected(G)
        return target in _bfs(H.succ if one_way else H.adj, source)

    view = view if view is not None else View()
    if not joins(View(as_of="all", statuses=("all",), ties="all"), False):
        return None
    found = ["directed"] if directed and joins(view, False) else []
    found += [name for name, everything in RELAXED.items() if name != "directed"
              and getattr(view, name) != everything and joins(replace(view, **{name: everything}), directed)]
    return tuple(found)


def _bfs(adj, start: str) -> dict[str, int]:
    """Distances from start following adj."""
    dist = {start: 0}
    frontier = [start]
    while frontier:
        nxt = []
        for node in frontier:
            for m in adj[node]:
                if m not in dist:
                    dist[m] = dist[node] + 1
                    nxt.append(m)
        frontier = nxt
    return dist


def brokers(G) -> dict[str, dict]:
    """Burt's constraint and effective size, and betweenness, on the undirected view.

    The same values as networkx's ``constraint`` and ``effective_size`` on an unweighted
    undirected graph (p_ij = 1/degree(i)), computed actor by actor from shared
    neighbours: no actors x actors table, so memory stays linear.
    """

    H = simple_undirected(G)
    # Lists in the graph's order for summing (the same floats every run), sets for membership.
    order = {n: [m for m in H.adj[n] if m != n] for n in H}
    adj = {n: set(ms) for n, ms in order.items()}
    constraint, size = {}, {}
    for v, nbrs in adj.items():
        k = len(nbrs)
        if not k:
            constraint[v] = size[v] = None
            continue
        c = 0.0
        shared = 0  # twice the number of ties among v's neighbours
        for n in order[v]:
            small, large = (v, n) if len(nbrs) < len(adj[n]) else (n, v)
            common = [w for w in order[small] if w in adj[large]]
            shared += len(common)
            indirect = sum(1.0 / len(adj[w]) for w in common) / k
            c += (1.0 / k + indirect) ** 2
        constraint[v] = c
        size[v] = k - shared / k
    return {"betweenness": engine.betweenness(H), "effective_size": size, "constraint": constraint}


def communities(G, seed: int = COMMUNITY_SEED, resolution: float = 1.0) -> list[list[str]]:
    """Louvain communities of the undirected view (seeded): largest first.

    networkx's up to ``NX_LOUVAIN_UP_TO`` actors; above, igraph's multilevel, the same method in C
    (networkx's took 5-11 s at 10,000 actors, igraph's a fraction of a second), which the page's
    overview groups by too. Each community lists its actors in the graph's order; ties in size are
    broken by the first actor's position, so the numbering is stable.
    """
    import networkx as nx

    order = {n: i for i, n in enumerate(G)}
    if G.number_of_nodes() > NX_LOUVAIN_UP_TO:
        found = _multilevel(G, seed, resolution)
    else:
        found = nx.community.louvain_communities(simple_undirected(G), seed=seed, resolution=resolution)
    groups = [sorted(c, key=order.get) for c in found]
    return sorted(groups, key=lambda c: (-len(c), order[c[0]]))


def _multilevel(H, seed: int, resolution: float) -> list[set]:
    """igraph's Louvain (multilevel) communities of H's simple undirected view (one tie per pair, no
    loops), seeded: igraph draws from Python's random module, whose state is put back afterwards."""
    nodes = list(H)
    with engine.seeded(seed):
        parts = engine.simple_igraph(H).community_multilevel(resolution=resolution)
    return [{nodes[i] for i in part} for part in parts]
