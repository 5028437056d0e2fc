"""Path-based measures on networkx graphs, computed by igraph's C core on large graphs.

networkx's pure-Python betweenness and closeness take minutes at 10k actors;
igraph gives the same exact values (checked to 1e-9 in the tests) in seconds,
and the work is split over the machine's cores. Below ``IGRAPH_FROM`` actors
networkx is fast enough and igraph is not imported.
"""

from __future__ import annotations

import contextlib
import os
import random
import sys
import threading

__all__ = ["load_igraph", "betweenness", "closeness", "eigenvector", "pagerank", "IGRAPH_FROM", "to_igraph",
           "simple_igraph", "source_betweenness", "source_rows", "group_betweenness", "seeded", "map_in_workers"]

IGRAPH_FROM = 300
PARALLEL_FROM = 3000  # below this, starting worker processes costs more than it saves
SAMPLE_SEED = 42
CHUNKS = 8  # fixed, so sums are added in the same order (same bits) whatever the number of cores

_shared = None  # the graph handed to forked workers
_POOL = threading.RLock()  # one pool of workers at a time: _shared is the graph of the pool being started
_RANDOM = threading.RLock()  # one seeded use of Python's random module at a time (see seeded)


def load_igraph():
    """The igraph module, imported without its drawing's matplotlib when that is not loaded yet: igraph
    imports matplotlib.pyplot (about 1 s) for plots that actorgraph never asks it for, and takes a
    missing matplotlib as optional. A later ``import matplotlib`` loads it as usual."""
    if "igraph" in sys.modules:
        return sys.modules["igraph"]
    hide = "matplotlib" not in sys.modules
    if hide:
        sys.modules["matplotlib"] = None  # makes ``import matplotlib`` fail while igraph is imported
    try:
        import igraph
    finally:
        if hide:
            del sys.modules["matplotlib"]
    return igraph


@contextlib.contextmanager
def seeded(seed: int):
    """Python's random module seeded with ``seed`` for the block, its state put back afterwards, and igraph's
    random layouts and Louvain drawing from it. igraph's generator is per thread: one that this thread has
    not set draws numbers unrelated to the seed (another picture each run). Blocks in other threads wait,
    so each draws the same numbers whatever runs beside it (graph.api draws a report's map meanwhile)."""
    igraph = load_igraph()
    with _RANDOM:
        state = random.getstate()
        random.seed(seed)
        igraph.set_random_number_generator(random)
        try:
            yield
        finally:
            random.setstate(state)


def _use_igraph(H, engine):
    if engine == "networkx":
        return False
    if engine == "igraph":
        return True
    return H.number_of_nodes() >= IGRAPH_FROM


def to_igraph(H):
    """An igraph copy of a simple networkx graph, vertices in H's node order."""
    ig = load_igraph()

    index = {n: i for i, n in enumerate(H)}
    return ig.Graph(n=len(index), edges=[(index[u], index[v]) for u, v in H.edges()],
                    directed=H.is_directed())


def simple_igraph(G):
    """G's ties as an undirected igraph graph, one per actor pair and no loops, vertices in G's order:
    built straight from G (a multigraph too), without networkx's simple view in between."""
    ig = load_igraph()

    index = {v: i for i, v in enumerate(G)}
    pairs = sorted({(min(index[u], index[v]), max(index[u], index[v])) for u, v in G.edges() if u != v})
    return ig.Graph(n=len(index), edges=pairs)


def map_in_workers(func, items: list, worth: bool) -> list:
    """[func(x) for x in items], in forked worker processes when ``worth`` it (and the machine has more
    than one core and fork); ``func`` a module-level function, the items and results picklable."""
    workers = min(os.cpu_count() or 1, len(items))
    if worth and workers > 1:
        import multiprocessing

        try:
            context = multiprocessing.get_context("fork")
        except ValueError:  # no fork on this platform: stay in one process
            context = None
        if context is not None:
            from concurrent.futures import ProcessPoolExecutor

            with _POOL, ProcessPoolExecutor(workers, mp_context=context) as pool:
                return list(pool.map(func, items))
    return [func(x) for x in items]


def _betweenness_part(sources):
    return _shared.betweenness(directed=_shared.is_directed(), sources=sources)


def _rows_part(sources):
    import numpy as np

    directed = _shared.is_directed()
    return np.array([_shared.betweenness(directed=directed, sources=[s]) for s in sources]).reshape(len(sources), -1)


def _group_part(sources):
    import numpy as np

    if not sources:
        return np.zeros(_shared.vcount())
    return np.asarray(_shared.betweenness(directed=_shared.is_directed(), sources=sources))


def _weighted_part(sources):
    """Sum of weight x betweenness over (source, weight) pairs, one igraph call per weight."""
    import numpy as np

    total = np.zeros(_shared.vcount())
    for w in sorted({w for _, w in sources}):
        total += w * np.asarray(_shared.betweenness(directed=False, sources=[s for s, x in sources if x == w]))
    return total.tolist()


def _leaves(g):
    """(weight of each vertex as a source, paths through each vertex that its leaves add).

    A leaf (one neighbour, no loop) reaches everything through its neighbour, so its
    paths pass the same actors as its neighbour's: the neighbour counts once more as a
    source and the leaf is skipped. What this misses are the paths *from* the leaf that
    pass the neighbour itself (to every other actor of the component but the two), added
    here; halved as igraph counts an undirected pair once. Two leaves tied only to each
    other carry no paths at all.
    """
    adj = g.get_adjlist()
    weight = [1] * len(adj)
    extra = [0.0] * len(adj)
    size = None
    for v, around in enumerate(adj):
        if len(around) == 1 and around[0] != v:
            u = around[0]
            weight[v] = 0
            if len(adj[u]) == 1:  # a pair alone
                continue
            if size is None:
                parts = g.connected_components()
                sizes = parts.sizes()
                size = [sizes[k] for k in parts.membership]
            weight[u] += 1
            extra[u] += (size[u] - 2) / 2
    return weight, extra


def _chunked(g, part, items, size: int | None = None):
    """part(chunk) for CHUNKS interleaved chunks of items, in worker processes when worth it.

    ``g`` is handed to the workers (forked, not pickled); ``size`` is the graph's number
    of actors (default: g.vcount()).
    """
    chunks = [items[i::CHUNKS] for i in range(min(CHUNKS, len(items)))]
    with _sharing(g):
        return chunks, map_in_workers(part, chunks, worth=(g.vcount() if size is None else size) >= PARALLEL_FROM)


@contextlib.contextmanager
def _sharing(g):
    """``g`` handed to the workers forked in the block (one pool at a time)."""
    global _shared
    with _POOL:
        _shared = g
        try:
            yield
        finally:
            _shared = None


def betweenness(H, engine="auto", sample: int | None = None, seed: int = SAMPLE_SEED):
    """Normalised shortest-path betweenness, as ``nx.betweenness_centrality``.

    With ``sample`` it is estimated from the paths leaving that many source actors
    (drawn with ``random.Random(seed)``), scaled up by n / sample (Brandes & Pich 2007);
    both engines give the same estimate.
    """
    n = H.number_of_nodes()
    if sample is not None and sample >= n:
        sample = None
    scale = 1.0 if n <= 2 else (1 if H.is_directed() else 2) / ((n - 1) * (n - 2))
    index = {node: i for i, node in enumerate(H)}
    sources = sorted(random.Random(seed).sample(list(H), sample), key=index.get) if sample else None
    if sample and n > 2:
        scale *= n / sample
    if not _use_igraph(H, engine):
        import networkx as nx
        if not sample:
            return nx.betweenness_centrality(H)
        raw = nx.betweenness_centrality_subset(H, sources=sources, targets=list(H), normalized=False)
        return {node: raw[node] * scale for node in H}
    g = to_igraph(H)
    if sample or g.is_directed():
        _, parts = _chunked(g, _betweenness_part, [index[s] for s in sources] if sample else list(range(n)))
        total = [0.0] * n
    else:  # leaves are not searched from: their neighbour stands in for them (see _leaves)
        weight, total = _leaves(g)
        _, parts = _chunked(g, _weighted_part, [(v, w) for v, w in enumerate(weight) if w], size=n)
    for values in parts:  # each part: every vertex's share of the paths from some sources
        total = [a + b for a, b in zip(total, values)]
    return {node: value * scale for node, value in zip(H, total)}


def source_betweenness(g, sources) -> tuple[list, list]:
    """Raw betweenness of every vertex of the igraph ``g`` on the paths from ``sources`` (vertex
    indices), in CHUNKS interleaved parts: (the parts' sources, each part's values)."""
    return _chunked(g, _betweenness_part, list(sources))


def source_rows(g, sources) -> tuple[list, list]:
    """As :func:`source_betweenness`, but each part is an array with one row per source (its raw
    betweenness of every vertex), in the part's order."""
    return _chunked(g, _rows_part, list(sources))


def group_betweenness(g, groups: list) -> list:
    """Raw betweenness of every vertex of ``g`` on the paths from each group of sources (a list of
    vertex-index lists, some perhaps empty): one array per group, the groups in worker processes."""
    with _sharing(g):
        return map_in_workers(_group_part, list(groups), worth=g.vcount() >= PARALLEL_FROM)


def closeness(H, engine="auto", sample: int | None = None, seed: int = SAMPLE_SEED):
    """Closeness with Wasserman-Faust scaling for unreachable actors, as ``nx.closeness_centrality``.

    On a directed graph it uses distances *to* the actor, as networkx does. Large graphs
    run a bit-parallel breadth-first search (see :func:`_distance_sums`): exact integer
    sums of distances, then networkx's formula.

    With ``sample`` it is estimated from the distances from that many source actors, the
    same ones betweenness samples (``random.Random(seed)``): for each actor, ``a`` of the
    k sampled others reach it at distances summing to ``b``, and (r - 1) / (n - 1) and the
    sum of distances are scaled from those, giving a / b * a / k (k - 1 when the actor is
    itself a source); exact when every actor is a source. Both engines give the same estimate.
    """
    n = H.number_of_nodes()
    if sample is not None and sample >= n:
        sample = None
    if not sample:
        if not _use_igraph(H, engine):
            import networkx as nx
            return nx.closeness_centrality(H)
        total, reach = _distance_sums(H)
        out = {}
        for node, tot, r in zip(H, total, reach):
            c = 0.0
            if tot > 0 and n > 1:
                c = (r - 1.0) / tot
                c *= (r - 1.0) / (n - 1)  # the same operations, in the same order, as networkx
            out[node] = c
        return out
    index = {node: i for i, node in enumerate(H)}
    sources = sorted(random.Random(seed).sample(list(H), sample), key=index.get)
    if _use_igraph(H, engine):
        total, reach = _distance_sums(H, [index[s] for s in sources])
    else:
        import networkx as nx
        total, reach = [0] * n, [0] * n
        for s in sources:
            for node, d in nx.single_source_shortest_path_length(H, s).items():
                total[index[node]] += d
                reach[index[node]] += 1
    chosen = set(sources)
    out = {}
    for node, tot, r in zip(H, total, reach):
        own = node in chosen
        a, k = r - own, sample - own  # the sampled others that reach the actor
        c = 0.0
        if tot > 0 and k > 0:
            c = a / tot
            c *= a / k
        out[node] = c
    return out


BATCH_WORDS = 8  # sources per bit-parallel search: 64 per word
# Levels a network's searches go (about its diameter): above, a bit-parallel search, whose every level is a pass
# over all the actors, costs more than a search from each source in turn. On 30,000 actors: 100,000 random
# ties (8 levels) 0.65 s bit-parallel per 2,048 sources against 60 s in all from each source; a grid of 100 x 300
# (398) 6.7 s against 21 s; a chain (29,999) 330 s against 16 s.
DEEP = 64


def _distance_sums(H, sources=None) -> tuple[list[int], list[int]]:
    """For each actor: the sum of distances from the actors that reach it, and how many reach it (itself too).

    ``sources``: only the distances from these vertex indices (default: every actor).

    Breadth-first search from 512 sources at once: each actor holds one bit per source
    in a row of 64-bit words; a level ORs the rows of the actors it hears from (its
    predecessors, or neighbours) and keeps the bits not seen before. The number of new
    bits times the level adds to the sums. Integer sums: exact, whatever the order. A network more than
    DEEP levels across is searched from each source in turn instead (:func:`_sums_by_source`).
    """
    import numpy as np

    n = H.number_of_nodes()
    g = to_igraph(H)
    if _levels(g) > DEEP:
        return _sums_by_source(g, sources)
    e = np.array(g.get_edgelist(), dtype=np.int64).reshape(-1, 2)  # H's ties, in its node order
    heads, tails = (e[:, 1], e[:, 0]) if H.is_directed() else (np.concatenate([e[:, 1], e[:, 0]]),
                                                                np.concatenate([e[:, 0], e[:, 1]]))
    order = np.argsort(heads, kind="stable")
    heads, tails = heads[order], tails[order]
    indptr = np.searchsorted(heads, np.arange(n + 1))
    heard_from = indptr[:-1] < indptr[1:]
    step = 64 * BATCH_WORDS
    sources = np.arange(n) if sources is None else np.asarray(sources, dtype=np.int64)
    batches = [sources[i:i + step] for i in range(0, len(sources), step)]
    chunks, parts = _chunked((n, tails, indptr[:-1][heard_from], heard_from), _sums_part, batches, size=n)
    if any(part is None for part in parts):  # deeper than the sweeps said (directed ties): from each source
        return _sums_by_source(g, sources if len(sources) < n else None)
    total, reach = np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64)
    for t, r in parts:
        total += t
        reach += r
    return total.tolist(), reach.tolist()


def _levels(g) -> int:
    """About how many levels g's searches go, at least half the most: in each weakly connected part of more
    than DEEP actors, the farther of two sweeps (from its first actor, then from the last actor reached)."""
    most = 0
    for part in g.connected_components(mode="weak"):
        if len(part) <= max(DEEP, most):  # a part's searches go fewer levels than it has actors
            continue
        v = part[0]
        for _ in range(2):
            vids, layers, _ = g.bfs(v, mode="all")
            most = max(most, len(layers) - 2)
            v = vids[-1]
    return most


def _sums_by_source(g, sources=None) -> tuple[list[int], list[int]]:
    """:func:`_distance_sums` by a search from each source in turn (igraph): for networks many ties across."""
    import numpy as np

    n = g.vcount()
    if sources is None:
        chunks, parts = _chunked(g, _closeness_part, list(range(n)))
        total, reach = [0] * n, [0] * n
        for chunk, (inverse, reached) in zip(chunks, parts):
            for v, c, r in zip(chunk, inverse, reached):
                total[v] = 0 if c != c or not c else round(1.0 / c)  # exact: sums far below 2**52
                reach[v] = r
        return total, reach
    total, reach = np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64)
    step = max(1, min(256, 2_000_000 // max(n, 1)))  # igraph gives Python lists: about 2 million numbers at a time
    for i in range(0, len(sources), step):
        D = np.array(g.distances(source=[int(s) for s in sources[i:i + step]], mode="out"), dtype=float)
        found = np.isfinite(D)
        total += np.where(found, D, 0.0).sum(axis=0).astype(np.int64)
        reach += found.sum(axis=0)
    return total.tolist(), reach.tolist()


def _closeness_part(vertices):
    if _shared.is_directed():  # distances from the actors that reach each one, and how many they are
        return (_shared.closeness(vertices=vertices, mode="in", normalized=False),
                _shared.neighborhood_size(vertices=vertices, order=_shared.vcount(), mode="in"))
    parts = _shared.connected_components()  # undirected: each actor reaches its part (no second search)
    sizes, member = parts.sizes(), parts.membership
    return _shared.closeness(vertices=vertices, mode="all", normalized=False), [sizes[member[v]] for v in vertices]


def _sums_part(batches):
    import numpy as np

    n, tails, starts, heard_from = _shared
    total, reach = np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64)
    for batch in batches:
        k = len(batch)
        j = np.arange(k)
        frontier = np.zeros((n, (k + 63) // 64), np.uint64)
        frontier[batch, j // 64] = np.left_shift(np.uint64(1), (j % 64).astype(np.uint64))
        seen = frontier.copy()
        heard = np.zeros_like(frontier)
        level = 0
        while len(starts):
            level += 1
            if level > 4 * DEEP:  # undirected, the sweeps find at least half the levels: only directed ties get here
                return None
            heard[heard_from] = np.bitwise_or.reduceat(frontier[tails], starts, axis=0)
            new = heard & ~seen
            counts = np.bitwise_count(new).sum(axis=1, dtype=np.int64)
            if not counts.any():
                break
            total += level * counts
            seen |= new
            frontier = new
        reach += np.bitwise_count(seen).sum(axis=1, dtype=np.int64)
    return total, reach


def eigenvector(H, max_iter: int = 1000, tol: float = 1.0e-6):
    """Eigenvector centrality as ``nx.eigenvector_centrality``: the same power iteration on A + I.

    From the uniform vector, x <- (I + A^T) x normalised to unit length, until the L1 change
    is below n * tol; the sum is a sparse matrix product instead of a Python loop over
    neighbours. The normalisation runs over the whole graph, several components included,
    as networkx's does. Raises ``nx.PowerIterationFailedConvergence`` as networkx would.
    """
    import networkx as nx

    n = H.number_of_nodes()
    if n < IGRAPH_FROM:
        return nx.eigenvector_centrality(H, max_iter=max_iter, tol=tol)
    import numpy as np
    import scipy.sparse as sp

    index = {node: i for i, node in enumerate(H)}
    rows, cols = [], []
    for u, v in H.edges():
        rows.append(index[v])  # x[v] += x[u] for an edge u -> v
        cols.append(index[u])
        if not H.is_directed():
            rows.append(index[u])
            cols.append(index[v])
    M = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n)) + sp.identity(n, format="csr")
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        last = x
        x = M @ last
        norm = float(np.sqrt(np.dot(x, x))) or 1.0
        x = x / norm
        if float(np.abs(x - last).sum()) < n * tol:
            return dict(zip(H, x.tolist()))
    raise nx.PowerIterationFailedConvergence(max_iter)


def pagerank(H, alpha: float = 0.85, tol: float = 1.0e-6, max_iter: int = 100):
    """PageRank as ``nx.pagerank``: same damping, tolerance, iteration limit and dangling-node rule.

    Small graphs use the same power iteration in plain Python, which spares
    importing scipy (a third of a second) for a few dozen actors.
    """
    import networkx as nx

    n = H.number_of_nodes()
    if n >= IGRAPH_FROM:
        return nx.pagerank(H, alpha=alpha, tol=tol, max_iter=max_iter)
    nodes = list(H)
    directed = H.is_directed()
    out = {u: (list(H.successors(u)) if directed else list(H.neighbors(u))) for u in nodes}
    x = dict.fromkeys(nodes, 1.0 / n)
    dangling = [u for u in nodes if not out[u]]
    for _ in range(max_iter):
        last = x
        x = dict.fromkeys(nodes, 0.0)
        lost = alpha * sum(last[u] for u in dangling)
        for u in nodes:
            if out[u]:
                share = alpha * last[u] / len(out[u])
                for v in out[u]:
                    x[v] += share
        for u in nodes:
            x[u] += lost / n + (1.0 - alpha) / n
        if sum(abs(x[u] - last[u]) for u in nodes) < n * tol:
            return x
    raise nx.PowerIterationFailedConvergence(max_iter)
