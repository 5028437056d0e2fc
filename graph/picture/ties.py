"""How each relation kind is drawn: colour, line pattern and head; hostile kinds unmistakably apart.

A data set without hostile kinds draws every kind as kinds.csv says (colour, style, an arrow when
directed), exactly as before polarity existed. With hostile kinds (a signed data set):

* each polarity has its own colour family: hostility reds and oranges, cooperation blues, teals
  and violets, other (neutral) greys. A kind keeps its own colour when that colour is of its
  family and separable from every colour of the other families, by the palette's measure
  (``palette.MIN_DELTA_E`` in CIELAB, ``MIN_DELTA_E_CVD`` under simulated protanopia and
  deuteranopia); otherwise it takes the next separable colour of its family's list. Greens are
  left out of cooperation's list: under deuteranopia they are as near to red as to be confused;
* hostile kinds are drawn dash-dotted (``dashdot``, a pattern no other kind may have: kinds.csv
  offers solid, dashed and dotted), and a directed hostile kind ends in a bar (⊣, "against"),
  never in the arrowhead cooperative kinds use.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from graph.picture.palette import MIN_DELTA_E, MIN_DELTA_E_CVD, delta_e, lab

__all__ = ["KindLine", "kind_lines", "family", "GROUPS", "GROUP_OF", "HOSTILE_LINES", "COOPERATIVE_LINES",
           "NEUTRAL_LINES", "HOSTILE_STYLE", "separable"]

HOSTILE_LINES = ("#c92a2a", "#e8590c", "#a61e4d", "#f76707", "#862e2e")
COOPERATIVE_LINES = ("#1971c2", "#0c8599", "#7048e8", "#4dabf7", "#364fc7", "#0b7285", "#9775fa")
NEUTRAL_LINES = ("#868e96", "#adb5bd", "#5c6670")
LISTS = {"hostile": HOSTILE_LINES, "cooperative": COOPERATIVE_LINES, "neutral": NEUTRAL_LINES}
HOSTILE_STYLE = "dashdot"
# the legend's groups, in order, and the polarity each gathers
GROUPS = (("cooperation", "cooperative"), ("hostility", "hostile"), ("other", "neutral"))
GROUP_OF = {polarity: group for group, polarity in GROUPS}


@dataclass(frozen=True)
class KindLine:
    """How one kind's ties are drawn. head: 'arrow', 'bar' or '' (none)."""

    name: str
    label: str
    color: str
    style: str
    head: str
    polarity: str
    group: str  # the legend group: cooperation, hostility or other

    @property
    def mark(self) -> str:
        """What the legend writes after the label: → for an arrow, ⊣ for a bar."""
        return {"arrow": " \u2192", "bar": " \u22a3"}.get(self.head, "")


def family(colour: str) -> str:
    """The colour family a colour belongs to: 'hostile' (reds, oranges), 'neutral' (greys) or 'cooperative'.

    By CIELAB chroma C and hue h: C < 15 is grey; C >= 35 with h up to 75° or from 345° is red
    to orange; a colour in neither is cooperative only with h from 150° to 345° (teal to violet),
    else it belongs to no family ('').

    >>> family("#c92a2a"), family("#1971c2"), family("#868e96"), family("#2f9e44")
    ('hostile', 'cooperative', 'neutral', '')
    """
    L, a, b = lab(colour.lower())
    chroma, hue = math.hypot(a, b), math.degrees(math.atan2(b, a)) % 360
    if chroma < 15:
        return "neutral"
    if chroma >= 35 and (hue <= 75 or hue >= 345):
        return "hostile"
    return "cooperative" if 150 <= hue < 345 else ""


def separable(a: str, b: str) -> bool:
    """Whether two colours differ enough for normal and red-green colour-blind vision (the palette's measure)."""
    return delta_e(a, b) >= MIN_DELTA_E and all(delta_e(a, b, d) >= MIN_DELTA_E_CVD
                                                 for d in ("protanopia", "deuteranopia"))


def kind_lines(vocabulary) -> dict[str, KindLine]:
    """Each kind of a Vocabulary -> how it is drawn (see the module's docstring)."""
    if not vocabulary.signed:
        return {k.name: KindLine(k.name, k.label, k.color, k.style, "arrow" if k.directed else "", k.polarity,
                                 GROUP_OF[k.polarity]) for k in vocabulary.values()}
    chosen: dict[str, str] = {}
    for polarity in ("hostile", "cooperative", "neutral"):  # hostility's reds first: the others keep clear of them
        members = [k for k in vocabulary.values() if k.polarity == polarity]
        others = list(chosen.values())

        def fits(c):
            return family(c) == polarity and all(separable(c, o) for o in others)

        for k in members:  # a kind's own colour first, when it fits (and no earlier kind has it)
            if fits(k.color.lower()) and k.color.lower() not in chosen.values():
                chosen[k.name] = k.color.lower()
        used = [chosen[k.name] for k in members if k.name in chosen]
        options = [c for c in LISTS[polarity] if fits(c)] or list(LISTS[polarity])
        for k in members:
            if k.name in chosen:
                continue
            fresh = [c for c in options if c not in used]
            # the family's next colour, told apart from the family's colours already taken where possible
            pick = next((c for c in fresh if all(separable(c, u) for u in used)), fresh[0] if fresh
                        else options[len(used) % len(options)])
            chosen[k.name] = pick
            used.append(pick)
    out = {}
    for k in vocabulary.values():
        hostile = k.polarity == "hostile"
        head = ("bar" if hostile else "arrow") if k.directed else ""
        out[k.name] = KindLine(k.name, k.label, chosen[k.name], HOSTILE_STYLE if hostile else k.style, head,
                               k.polarity, GROUP_OF[k.polarity])
    return out
