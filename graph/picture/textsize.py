"""How wide a label is drawn: Arial / Helvetica advance widths, and wrapping to a width.

The page draws labels in Arial (Liberation Sans on Linux, the same metrics), so the
layout can reserve each label's real box. Widths are the standard Helvetica metrics
in thousandths of an em; other characters are measured by their base letter
(``é`` as ``e``), wide scripts as a full em.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = ["text_width", "wrap", "shortened", "LINE_HEIGHT", "FONT_FAMILY"]

FONT_FAMILY = "Arial, 'Liberation Sans', Helvetica, sans-serif"
LINE_HEIGHT = 1.2  # line pitch in font sizes

_ASCII = (
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556,
    556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667,
    556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556,
    556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722,
    500, 500, 500, 334, 260, 334, 584,
)


@lru_cache(maxsize=8192)
def _char(c: str) -> float:
    o = ord(c)
    if 32 <= o < 127:
        return _ASCII[o - 32] / 1000
    base = unicodedata.normalize("NFKD", c)[:1]
    if base and 32 <= ord(base) < 127:
        return _ASCII[ord(base) - 32] / 1000
    if unicodedata.east_asian_width(c) in ("W", "F"):
        return 1.0
    if unicodedata.category(c).startswith(("M", "C")):
        return 0.0
    return 0.65


def text_width(text: str, size: float) -> float:
    """Drawn width of one line of text at a font size (px).

    >>> round(text_width("Mali", 20), 1)
    36.7
    """
    return sum(_char(c) for c in text) * size


def shortened(text: str, most: int) -> str:
    """text cut to at most ``most`` characters, ending with '…' when cut."""
    return text if len(text) <= most else text[:most - 1].rstrip() + "\u2026"


def wrap(text: str, size: float, width: float) -> list[str]:
    """Split text into lines no wider than width (px) at spaces; a longer word gets a line of its own.

    >>> wrap("Cadre politique de gestion de la crise au centre du Mali", 14, 150)
    ['Cadre politique de', 'gestion de la crise au', 'centre du Mali']
    """
    lines, current = [], ""
    for word in text.split():
        trial = f"{current} {word}" if current else word
        if current and text_width(trial, size) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    return lines + [current] if current else lines or [""]
