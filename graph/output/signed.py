"""Balance findings in words and rows: one sentence per finding, tables of camps, breaking ties and pairs."""

from __future__ import annotations

from graph.output.words import count

__all__ = ["balance_sentences", "camp_rows", "breaking_rows", "pair_rows", "balance_json", "METHOD"]

METHOD = ("Balance ratio: share of triangles with a positive sign product (Cartwright & Harary 1956). Frustration"
          " index: fewest ties against any split into two camps (Aref & Wilson 2018), exact by branch and bound up to"
          " {limit} actors per component, else an upper bound from local search. Camps: Doreian & Mrvar's (1996)"
          " signed blockmodel, relocation from seeded starts, the fewest camps with the fewest breaking ties.")


def _name(G, n: str) -> str:
    return G.nodes[n].get("name", n) if n in G else n


def balance_sentences(G, b) -> list[str]:
    """One sentence per finding of a Balance (graph.analysis.balance)."""
    if not b.actors:
        return ["No actor has a cooperative or hostile tie: there is no signed network to balance"
                " (give hostile kinds polarity 'hostile' in kinds.csv)."]
    out = [f"The signed network has {count(len(b.actors), 'actor')}, {count(b.positive, 'cooperative tie')} and"
           f" {count(b.negative, 'hostile tie')} (neutral ties left out)."]
    if not b.negative:
        return out + ["No tie is hostile, so balance says nothing here: every triangle is balanced and each connected"
                      " part is one camp (give hostile kinds polarity 'hostile' in kinds.csv to measure it)."]
    if b.triangles:
        out.append(f"{b.balanced_triangles} of {count(b.triangles, 'triangle')} are balanced"
                   f" ({b.ratio:.0%}): friends of friends are friends, enemies of enemies friends.")
    else:
        out.append("No three actors are tied to each other, so no triangle says anything about balance.")
    bound = "" if b.frustration_exact else "at most "
    how = "exact" if b.frustration_exact else "an upper bound found by local search: the network is too large to search"
    out.append(f"The frustration index is {bound}{b.frustration} ({how}): {count(b.frustration, 'tie')} would have"
               " to change sign or go for the network to split into two hostile camps.")
    sizes = ", ".join(str(len(c)) for c in b.camps)
    out.append(f"The actors fall into {count(len(b.camps), 'camp')} ({sizes} actors), cooperative inside and hostile"
               f" across, with {count(b.camp_errors, 'tie')} breaking the pattern.")
    for a, c, s in b.breaking:
        what = "cooperate across camps" if s > 0 else "are hostile inside their camp"
        out.append(f"{_name(G, a)} and {_name(G, c)} {what}.")
    for a, c, common in b.enemy_pairs:
        adversaries = f"{len(common)} common {'adversary' if len(common) == 1 else 'adversaries'}"
        out.append(f"{_name(G, a)} and {_name(G, c)} have no tie but {adversaries}"
                   f" ({', '.join(_name(G, n) for n in common)}): the enemy of my enemy.")
    return out


def camp_rows(G, b) -> list[dict]:
    return [{"camp": i, "id": n, "name": _name(G, n), "type": G.nodes[n].get("type", "") if n in G else ""}
            for i, members in enumerate(b.camps, 1) for n in members]


def breaking_rows(G, b) -> list[dict]:
    camp = b.camp_of()
    return [{"source": a, "target": c, "sign": "cooperative" if s > 0 else "hostile", "camps": f"{camp[a]}-{camp[c]}",
             "reads": f"{_name(G, a)} {'cooperates with' if s > 0 else 'is hostile to'} {_name(G, c)}"}
            for a, c, s in b.breaking]


def pair_rows(G, b) -> list[dict]:
    return [{"a": a, "b": c, "common_adversaries": len(common), "adversaries": "; ".join(_name(G, n) for n in common),
             "reads": f"{_name(G, a)} and {_name(G, c)}"} for a, c, common in b.enemy_pairs]


def balance_json(G, b, limit: int) -> dict:
    return {"actors": len(b.actors), "cooperative_ties": b.positive, "hostile_ties": b.negative,
            "triangles": b.triangles, "balanced_triangles": b.balanced_triangles, "balance_ratio": b.ratio,
            "frustration_index": b.frustration, "frustration_exact": b.frustration_exact,
            "camps": [list(c) for c in b.camps], "camp_errors": b.camp_errors,
            "breaking": breaking_rows(G, b), "enemy_of_my_enemy": pair_rows(G, b),
            "sentences": balance_sentences(G, b), "method": METHOD.format(limit=limit)}
