"""'Did you mean' hints within a budget: thousands of unknown references cannot make a check slow."""

from __future__ import annotations

import difflib

__all__ = ["Hints", "HINT_BUDGET"]

# Words compared for "did you mean" hints per check of a file: 1 to 2 s at worst (similar words).
# A file with thousands of unknown references (a positions.csv of removed actors, a hostile file)
# gets hints for the first ones only, instead of a search that grows with unknowns x known; a count,
# not a clock, so that the same files always get the same messages
HINT_BUDGET = 100_000


class Hints:
    """difflib's close matches, within a budget of comparisons (past it: no hint)."""

    def __init__(self, budget: float | None = None):
        self.left = HINT_BUDGET if budget is None else budget

    def close(self, word: str, candidates, n: int = 1, cutoff: float = 0.6) -> list[str]:
        """Up to n of ``candidates`` (a list or dict of words) like ``word``, best first."""
        if self.left < len(candidates):
            self.left = 0
            return []
        self.left -= len(candidates)
        return difflib.get_close_matches(word, list(candidates), n=n, cutoff=cutoff)
