"""Colours and shapes for actor groups that readers cannot confuse, colour-blind readers included.

Colours come from Okabe & Ito's palette for colour-vision deficiencies (with a slate
grey for black), in this order of preference. Groups are given a (colour, shape) pair
in turn (actor types in a stable order over the whole data set, see :func:`type_styles`;
other groupings by size): dots first, and a colour joins a shape
only when it differs from every colour already on that shape by at least ``MIN_DELTA_E``
(CIE76 distance in CIELAB) for normal vision and ``MIN_DELTA_E_CVD`` under simulated
protanopia and deuteranopia (Machado et al. 2009, severity 1). Past what colour alone
separates, the shape tells groups apart.
"""

from __future__ import annotations

from functools import lru_cache

from graph.data.colours import MIN_DELTA_E, MIN_DELTA_E_CVD, _rgb, delta_e, lab, separable as _separable, simulate
from graph.data.types import SHAPES

__all__ = ["darker", "COLOURS", "SHAPES", "MIN_DELTA_E", "MIN_DELTA_E_CVD", "assign", "type_styles", "delta_e",
           "simulate", "lab"]

COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#6E7B85", "#F0E442")


def darker(colour: str, factor: float = 0.68) -> str:
    """The colour a dot's outline gets: the fill, darkened.

    >>> darker("#ffffff")
    '#adadad'
    """
    return "#%02x%02x%02x" % tuple(round(c * factor) for c in _rgb(colour))


def _next(chosen: list, shapes=SHAPES, colours=COLOURS) -> tuple[str, str]:
    """The (colour, shape) the next group gets after ``chosen``: on the first shape where some colour
    is apart from every colour already on it, the first such colour not yet used anywhere."""
    pairs = [(c, s) for s in shapes for c in colours]
    taken = {(c.upper(), s) for c, s in chosen}
    options = [(c, s) for c, s in pairs if (c.upper(), s) not in taken
               and all(_separable(c, c2) for c2, s2 in chosen if s2 == s)]
    if not options:  # more groups than pairs: start over, shapes keep telling them apart
        options = pairs
    shape = min(SHAPES.index(s) for _, s in options)
    on_shape = [c for c, s in options if SHAPES.index(s) == shape]
    used = {c.upper() for c, _ in chosen}
    best = min(on_shape, key=lambda c: (c.upper() in used, colours.index(c)))  # fresh colours first, in order
    return best, SHAPES[shape]


@lru_cache(maxsize=64)
def assign(n: int) -> tuple[tuple[str, str], ...]:
    """(colour, shape) for n groups, the first (largest) groups on dots in the most distinct colours.

    Each group's pair depends only on the groups before it: ``assign(n)`` starts with ``assign(n - 1)``.

    >>> assign(3)
    (('#0072B2', 'dot'), ('#E69F00', 'dot'), ('#009E73', 'dot'))
    """
    chosen: list[tuple[str, str]] = []
    for _ in range(n):
        chosen.append(_next(chosen))
    return tuple(chosen)


def type_styles(order, declared: dict | None = None) -> dict[str, tuple[str, str]]:
    """Each actor type -> (colour, shape), the same in every view and output of a data set.

    ``declared``: type -> TypeStyle from types.csv (graph.data.types). Types with both a colour and
    a shape there keep them; types with one of the two get the other next (in types.csv's order);
    then the types of ``order`` (first appearance in actors.csv) not listed get the next free pair
    in turn, as :func:`assign` gives them. A type's pair depends only on types.csv and the types
    before it, so adding actors, or a type (its first actor at the end of actors.csv), changes no
    other type's colour or shape.

    >>> type_styles(["army", "state"]) == dict(zip(["army", "state"], assign(2)))
    True
    """
    declared = declared or {}
    style: dict[str, tuple[str, str]] = {}
    chosen: list[tuple[str, str]] = []
    for t in declared.values():
        if t.color and t.shape:
            style[t.type] = (t.color, t.shape)
            chosen.append(style[t.type])
    for t in declared.values():
        if t.type in style:
            continue
        if t.color:
            shape = next((s for s in SHAPES if all(_separable(t.color, c) for c, s2 in chosen if s2 == s)), SHAPES[0])
            style[t.type] = (t.color, shape)
        elif t.shape:
            style[t.type] = _next(chosen, shapes=(t.shape,))
        else:
            style[t.type] = _next(chosen)
        chosen.append(style[t.type])
    for name in order:
        if name not in style:
            style[name] = _next(chosen)
            chosen.append(style[name])
    return style
