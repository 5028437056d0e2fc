"""Colours and shapes for actor groups that readers cannot confuse, colour-blind readers included.

Colours come from Okabe & Ito's palette for colour-vision deficiencies (with a slate
grey for black), in this order of preference. Groups are
given a (colour, shape) pair in order of size: dots first, and a colour joins a shape
only when it differs from every colour already on that shape by at least ``MIN_DELTA_E``
(CIE76 distance in CIELAB) for normal vision and ``MIN_DELTA_E_CVD`` under simulated
protanopia and deuteranopia (Machado et al. 2009, severity 1). Past what colour alone
separates, the shape tells groups apart.
"""

from __future__ import annotations

import itertools
import math
from functools import lru_cache

__all__ = ["darker", "COLOURS", "SHAPES", "MIN_DELTA_E", "MIN_DELTA_E_CVD", "assign", "delta_e", "simulate", "lab"]

COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#6E7B85", "#F0E442")
SHAPES = ("dot", "square", "diamond", "triangle", "hexagon", "triangleDown", "star")
MIN_DELTA_E = 20.0
MIN_DELTA_E_CVD = 15.0

_CVD = {  # Machado, Oliveira & Fernandes (2009), severity 1.0, on linear RGB
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}


def _linear(c: int) -> float:
    c /= 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _gamma(c: float) -> int:
    c = min(max(c, 0.0), 1.0)
    return round(255 * (12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055))


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))


@lru_cache(maxsize=None)
def lab(hex_colour: str) -> tuple[float, float, float]:
    """CIELAB (D65) of an sRGB colour.

    >>> [round(v) for v in lab("#ffffff")]
    [100, 0, 0]
    """
    r, g, b = (_linear(c) for c in _rgb(hex_colour))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t):
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


@lru_cache(maxsize=None)
def simulate(hex_colour: str, deficiency: str) -> str:
    """How a colour looks with a colour-vision deficiency (protanopia, deuteranopia, tritanopia)."""
    rgb = [_linear(c) for c in _rgb(hex_colour)]
    out = [sum(m * v for m, v in zip(row, rgb)) for row in _CVD[deficiency]]
    return "#%02x%02x%02x" % tuple(_gamma(c) for c in out)


def delta_e(a: str, b: str, deficiency: str | None = None) -> float:
    """CIE76 colour difference, optionally as seen with a deficiency."""
    if deficiency:
        a, b = simulate(a, deficiency), simulate(b, deficiency)
    return math.dist(lab(a), lab(b))


def darker(colour: str, factor: float = 0.68) -> str:
    """The colour a dot's outline gets: the fill, darkened.

    >>> darker("#ffffff")
    '#adadad'
    """
    return "#%02x%02x%02x" % tuple(round(c * factor) for c in _rgb(colour))


def _separable(a: str, b: str) -> bool:
    return delta_e(a, b) >= MIN_DELTA_E and all(delta_e(a, b, d) >= MIN_DELTA_E_CVD
                                                 for d in ("protanopia", "deuteranopia"))


@lru_cache(maxsize=64)
def assign(n: int) -> tuple[tuple[str, str], ...]:
    """(colour, shape) for n groups, the first (largest) groups on dots in the most distinct colours.

    >>> assign(3)
    (('#0072B2', 'dot'), ('#E69F00', 'dot'), ('#009E73', 'dot'))
    """
    chosen: list[tuple[str, str]] = []
    pairs = list(itertools.product(SHAPES, COLOURS))
    for _ in range(n):
        options = [(c, s) for s, c in pairs if (c, s) not in chosen
                   and all(_separable(c, c2) for c2, s2 in chosen if s2 == s)]
        if not options:  # more groups than pairs: start over, shapes keep telling them apart
            options = [(c, s) for s, c in pairs]
        shape = min(SHAPES.index(s) for _, s in options)
        on_shape = [c for c, s in options if SHAPES.index(s) == shape]
        used = {c for c, _ in chosen}
        best = min(on_shape, key=lambda c: (c in used, COLOURS.index(c)))  # fresh colours first, in order
        chosen.append((best, SHAPES[shape]))
    return tuple(chosen)
