"""Facts said in words: what a view's restrictions left out, as the banner, pictures and reports say it."""

from __future__ import annotations

import re

from graph.analysis.build import Restriction, restrictions

__all__ = ["cut_note", "hinted_text", "count", "restriction_text", "plain_text", "view_notes", "left_out", "names", "findings"]


def count(n: int, word: str) -> str:
    """``n`` and the word, plural when n is not 1.

    >>> count(1, "relation"), count(3, "actor")
    ('1 relation', '3 actors')
    """
    return f"{n} {word}{'s' * (n != 1)}"


def restriction_text(r: Restriction) -> str:
    """One restriction in words.

    >>> restriction_text(Restriction("as_of", ("2019",), relations=4))
    'as of 2019: 4 relations not valid on that date left out'
    >>> restriction_text(Restriction("today", ("2026-11-30",), relations=12, by_status=(("ended", 12),)))
    'as of 2026-11-30: 12 ended ties left out (`--as-of all` for every period)'
    """
    if r.what == "statuses":
        left = ", ".join(f"{n} {s}" for s, n in r.by_status)
        return f"only {', '.join(r.values)} ties: {left} left out"
    if r.what == "without":
        return f"without {', '.join(r.values)}: {count(r.actors, 'actor')} and {count(r.relations, 'relation')} left out"
    if r.what == "relations":
        return f"only {', '.join(r.values)} relations: {count(r.relations, 'other')} left out"
    if r.what == "as_of":
        return f"as of {r.values[0]}: {count(r.relations, 'relation')} not valid on that date left out"
    if r.what == "today":
        return f"as of {r.values[0]}: {_states(r)} left out (`--as-of all` for every period)"
    if r.what == "beyond_sources":
        return (f"as of {r.values[0]}: after the newest published date of the sources these ties rest on"
                f" ({r.values[1]}): the data cannot say what changed since")
    if r.what == "known_on":
        undated = dict(r.by_status).get("undated", 0)
        tail = (f"; {count(undated, 'tie')} with no dated source kept (known since an unknown date)"
                if undated else "")
        return f"as known on {r.values[0]}: {count(r.relations, 'relation')} first published later left out{tail}"
    if r.what == "inactive":
        tail = f" and {count(r.relations, 'relation')}" if r.relations else ""
        return (f"as of {r.values[0]}: {count(r.actors, 'inactive actor')}{tail} left out (outside their period"
                " or with no tie in force)")
    if r.what == "confidence":
        weaker = "with no confidence given" if len(r.values) > 1 else "implied or with no confidence given"
        return f"only {' or '.join(r.values)} ties: {count(r.relations, 'relation')} {weaker} left out"
    if r.what == "min_grade":
        return (f"only ties graded {r.values[0]} or better: {count(r.relations, 'relation')} graded lower"
                " or not at all left out")
    if r.what == "ties":
        left = " and ".join(f"{n} {p}" for p, n in r.by_status)
        network = {"cooperative": "the cooperation network", "hostile": "the hostile ties"}[r.values[0]]
        return (f"measured on {network} only: {left} {'tie' if r.relations == 1 else 'ties'} left out"
                " (--ties all to include them)")
    if r.what == "focus":
        return (f"around {r.values[0]}, {count(r.depth, 'step')} out: {count(r.actors, 'actor')} and"
                f" {count(r.relations, 'relation')} left out")
    raise ValueError(f"unknown restriction {r.what!r}")


def _states(r: Restriction) -> str:
    """Ties left out by their state at the view's date: '12 ended ties', '2 ended and 1 not-yet ties'.

    >>> _states(Restriction("today", ("2026-11-30",), relations=3, by_status=(("ended", 2), ("not yet", 1))))
    '2 ended and 1 not-yet ties'
    """
    parts = [f"{n} {state.replace(' ', '-')}" for state, n in r.by_status]
    return " and ".join(parts) + (" tie" if r.relations == 1 else " ties")


def cut_note(rank: int, tied: int, shown_by: str) -> str:
    """Actors left out by a top-N cut although tied with the last one shown; ``shown_by``: the top that shows
    them, as the client spells it.

    >>> cut_note(10, 3, "--top 13")
    '3 more actors are tied at rank 10 with the last one shown (--top 13 shows them)'
    """
    more, them = (f"{tied} more actors are", "them") if tied > 1 else ("1 more actor is", "it")
    return f"{more} tied at rank {rank} with the last one shown ({shown_by} shows {them})"


def _unflagged(text: str) -> str:
    """A note without its trailing hint naming a command-line flag, and without code marks."""
    return re.sub(r" \(`?--[^()]*\)$", "", text).replace("`", "")


def plain_text(r: Restriction) -> str:
    """A restriction as a page or a slide says it: without the terminal's hint naming a flag
    ("(`--as-of all` for every period)"), which a reader of the page or the slide cannot type there.

    >>> plain_text(Restriction("today", ("2026-11-30",), relations=12, by_status=(("ended", 12),)))
    'as of 2026-11-30: 12 ended ties left out'
    """
    return _unflagged(restriction_text(r))


def hinted_text(r: Restriction, spell=None) -> str:
    """A restriction with its hint, the flag spelled by ``spell(flag, value)`` (the API: as_of='all').

    >>> hinted_text(Restriction("today", ("2026-11-30",), relations=1, by_status=(("ended", 1),)),
    ...             lambda flag, value: f"{flag[2:].replace('-', '_')}={value!r}")
    "as of 2026-11-30: 1 ended tie left out (as_of='all' for every period)"
    """
    text = restriction_text(r).replace("`", "")
    return re.sub(r"(--[a-z-]+) ([a-z]+)", lambda m: spell(m.group(1), m.group(2)), text) if spell else text


def view_notes(G) -> list[str]:
    """What G's view leaves out, one sentence per restriction, as plain text (:func:`plain_text`)."""
    return [plain_text(r) for r in restrictions(G)]


def left_out(G, plain: bool = False) -> list[str]:
    """Everything G's view leaves out, as the terminal says it: its restrictions, and the planned or
    recommended ties it hides; ``plain``: without the hints naming flags (a briefing, a page)."""
    notes = [restriction_text(r) for r in restrictions(G)]
    hidden = G.graph.get("hidden") or {}
    if hidden:
        notes.append("actual ties only: " + ", ".join(f"{c} {s}" for s, c in sorted(hidden.items()))
                     + " ties left out (--status to include them)")
    return [_unflagged(n) for n in notes] if plain else notes


def names(items: list[str], most: int = 3) -> str:
    """Names joined as said: 'A', 'A and B', 'A, B and C', 'A, B, C and 2 others'.

    >>> names(["A"]), names(["A", "B"]), names(["A", "B", "C", "D", "E"])
    ('A', 'A and B', 'A, B, C and 2 others')
    """
    if len(items) > most:
        return ", ".join(items[:most]) + f" and {count(len(items) - most, 'other')}"
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _lead(measure: str, rob: dict, strict_views: list[str]) -> str:
    """The top actor by the measure, and how far its first place holds on stricter evidence."""
    a, k = rob["actors"][0], rob["top"]
    who = (f"{a['name']} is the main broker (betweenness {a['value']:.3f})" if measure == "betweenness"
           else f"{a['name']} ranks first by {measure} ({a['value']:.3f})")
    if not strict_views:
        said = who + "; the data has no implied or graded ties to test that against"
    else:
        worst = max(strict_views, key=lambda v: (a["ranks"][v] or rob["top"] + 1, -strict_views.index(v)))
        rank = a["ranks"][worst]
        if rank == 1:
            said = who + (" on stated evidence alone" if "stated only" in strict_views else "")
            said += f", and stays first on every stricter view ({', '.join(strict_views)})"
        else:
            # not "rests on weak evidence": the robustness table says that of an actor that leaves the top
            said = (f"{who}, but its first place does not hold on stricter evidence: on the view '{worst}' it is"
                    f" {'unranked' if rank is None else f'rank {rank}'}")
            if a["leaves_top_without_weak"]:
                said += f", so its place in the top {k} rests on weak evidence"
    singles = [(v, r) for v, r in a["ranks"].items() if v not in strict_views and r != a["rank"]]
    if singles:
        v, r = max(singles, key=lambda vr: vr[1] or len(a["ranks"]) + k)
        said += f"; one relation can move it: {v}, it is rank {r}"
    return said + "."


def _hold(measure: str, rob: dict, strict_views: list[str]) -> str:
    """How many of the top keep their ranks on stricter evidence, and whose rank rests on weak ties."""
    k = rob["top"]
    keep = sum(all(a["ranks"][v] == a["rank"] for v in strict_views) for a in rob["actors"])
    weak = [a["name"] for a in rob["actors"] if a["leaves_top_without_weak"]]
    said = f"Of the top {k} by {measure}, {keep} {'keeps its' if keep == 1 else 'keep their'} rank on every" \
           " stricter view of the evidence"
    if not strict_views:
        said = f"Of the top {k} by {measure}, none could be tested on stated or better graded ties only"
    if len(weak) == 1:
        return f"{said}; {weak[0]}'s rank rests on implied or weakly graded ties: without them it can leave the" \
               f" top {k}."
    if weak:
        return f"{said}; the ranks of {names(weak)} rest on implied or weakly graded ties: without them they" \
               f" can leave the top {k}."
    return f"{said}; no place in the top {k} rests on implied or weakly graded ties alone."


def _without(measure: str, name: str, result: dict) -> str:
    """What removing the top actor does: parts cut off, and who rises most."""
    cut = result["cut_off"]
    if cut:
        lost = [a for c in cut for a in c["names"]]
        said = (f"Without {name}, the network falls from {result['components_before']} into"
                f" {result['components_after']} connected parts: {names(lost)} lose every path to the rest")
        if all(c["rests_on_weak_ties"] for c in cut):
            said += ", though only weak ties (implied or weakly graded) joined them to it"
    else:
        said = f"Without {name}, nobody is cut off"
    risers = sorted((r for r in result["rows"] if r["rank_change"]), key=lambda r: (-r["rank_change"], r["name"]))
    if risers:
        r = risers[0]
        said += f"; {r['name']} rises most by {measure}, from rank {r['rank_before']} to {r['rank_after']}"
    return said + "."


def _is(n: int) -> str:
    return f"{n} is" if n == 1 else f"{n} are" if n else "none is"


def _evidence(shares: dict, graded: bool) -> str:
    """What the view's relations rest on."""
    c, m = shares["counts"], shares["ties"]
    said = (f"Of the {count(m, 'relation')} in this view, {_is(c['implied'])} implied rather than stated and"
            f" {_is(c['single source'])} from a single source ({_is(c['corroborated'])} corroborated)")
    if graded:
        return said + f"; {_is(c['weakly graded'])} weakly graded (below C3) and {_is(c['ungraded'])} ungraded."
    return said + "; none is graded: the data set has no sources.csv."


def _groups(found: list[list[str]]) -> str:
    """The communities, with the largest one's most central actor (listed first)."""
    big = max(found, key=len)
    return (f"Louvain finds {len(found)} communities; the largest ({count(len(big), 'actor')}) centres on {big[0]}"
            " (seed 42: another seed may draw the borders differently).")


def _conflict(conflict: dict) -> str:
    """The Conflict section in one sentence: camps, the most opposed actor, enemy-of-my-enemy pairs, and the caveat."""
    b = conflict["balance"]
    sizes = ", ".join(str(len(c)) for c in b.camps)
    text = (f"Hostile ties split the signed network into {count(len(b.camps), 'camp')} ({sizes} actors, "
            f"{count(b.camp_errors, 'tie')} breaking the pattern)")
    if conflict["opposed"]:
        top = conflict["opposed"][0]
        text += f"; the most opposed is {top['name']} ({count(top['in_hostile'], 'actor')} hostile to it)"
    pairs = conflict["pairs"]
    text += (f"; {count(len(pairs), 'pair')} without a tie share an adversary" if pairs else
             "; no untied pair shares an adversary")
    return text + (" (camps from a seeded search; signs are the kinds' polarity in kinds.csv, so a missing"
                   " hostile tie changes them).")


def findings(facts: dict) -> list[str]:
    """Three to five sentences, each from measured facts and with its caveat.

    facts: measure; robustness (``graph.analysis.robustness.robustness``); impact of the top
    actor (``graph.analysis.whatif.impact``, its cut-off parts with ``names``), or None;
    shares (``evidence_shares``); graded (whether any source is graded); communities
    (lists of names, each with its most central actor first); conflict (``report.conflict_facts``, or
    None without hostile kinds) adds one sentence on camps and adversaries.
    """
    rob, measure = facts["robustness"], facts["measure"]
    if not facts["shares"]["ties"]:
        return ["This view has no relations: there is nothing to rank, cut off or weigh."]
    if not rob["actors"]:
        return [f"{measure} is undefined on this view: " + ("; ".join(rob["notes"]) or "no actor to rank") + "."]
    strict = [v["view"] for v in rob["views"] if v["kind"] == "evidence"]
    out = [_lead(measure, rob, strict), _hold(measure, rob, strict)]
    if facts.get("impact"):
        out.append(_without(measure, rob["actors"][0]["name"], facts["impact"]))
    if facts["shares"]["ties"]:
        out.append(_evidence(facts["shares"], facts["graded"]))
    if facts.get("conflict") and facts["conflict"]["balance"].actors:
        out.append(_conflict(facts["conflict"]))
    if len(out) < 5 and len(facts.get("communities") or ()) > 1:
        out.append(_groups(facts["communities"]))
    return out[:5]
