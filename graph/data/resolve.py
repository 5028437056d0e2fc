"""Find an actor from what a user typed: its id, name or an alias, in any letter case, accents optional."""

from __future__ import annotations

from functools import lru_cache

from graph.data.hints import Hints
from graph.data.schema import fold
from graph.errors import ActorNotFound

__all__ = ["ActorNotFound", "ActorIndex", "describe"]


def describe(actor) -> str:
    return f"'{actor['id']}' ({actor['name']})"


def _values(actor, field: str) -> set[str]:
    raw = actor.get(field, "") or ""
    parts = raw.split(";") if field == "aliases" else [raw]
    return {fold(p.strip()) for p in parts if p.strip()}


class ActorIndex:
    """Lookup of actors by id, name and alias, built once per data set (names and aliases on first use).

    ``hints``: the budget of "did you mean" comparisons; unlimited for the data set's own index (one name
    typed at a time, for as long as the data set is open), a check's budget while validating a file.
    """

    def __init__(self, actors, hints: Hints | None = None):
        self.by_id = {a["id"]: a for a in actors if a["id"]}
        self._fields = None
        self._named: dict[str, tuple[str, ...]] = {}  # name or alias -> ids, found once per key
        self.closest = lru_cache(maxsize=4096)(self._closest)
        self.hints = hints or Hints(budget=float("inf"))

    @property
    def fields(self) -> dict:
        if self._fields is None:
            fields: dict[str, dict] = {f: {} for f in ("id", "name", "aliases")}
            for a in self.by_id.values():
                for field, index in fields.items():
                    for v in _values(a, field):
                        index.setdefault(v, {})[a["id"]] = None  # each id once, in the data's order
            # lists built once: a key that thousands of actors share is not copied again at each lookup
            self._fields = {f: {k: list(ids) for k, ids in index.items()} for f, index in fields.items()}
        return self._fields

    @property
    def keys(self) -> dict:
        """One key -> one id for suggestions: ids win over names, names over aliases."""
        if not hasattr(self, "_keys"):
            self._keys = {k: ids[0] for f in ("aliases", "name", "id") for k, ids in self.fields[f].items()}
        return self._keys

    def resolve(self, text: str) -> str:
        """The id of the one actor whose id, name or alias is ``text``; ActorNotFound otherwise."""
        if text in self.by_id:
            return text
        key = fold(text.strip())
        for index in self.fields.values():
            ids = index.get(key, ())
            if len(ids) == 1:
                return ids[0]
            if len(ids) > 1:
                names = ", ".join(describe(self.by_id[i]) for i in ids[:8])
                raise ActorNotFound(f"'{text}' is ambiguous: it matches {names}; use an id", text=text, matches=ids)
        hint = self.closest(key)
        tail = "; did you mean " + " or ".join(describe(self.by_id[i]) for i in hint) + "?" if hint else ""
        raise ActorNotFound(f"unknown actor '{text}'{tail}", text=text, suggestions=hint)

    def named(self, text: str) -> tuple[str, ...]:
        """Ids of the actors whose name or one of whose aliases is ``text`` (case and accents ignored)."""
        key = fold(text.strip())
        found = self._named.get(key)
        if found is None:  # once per key: a name in thousands of cells, shared by thousands of actors, stays linear
            found = self._named[key] = tuple(dict.fromkeys(
                i for f in ("name", "aliases") for i in self.fields[f].get(key, ())))
        return found

    def is_name(self, text: str, actor: str) -> bool:
        """Whether ``text`` is the name of ``actor`` (not only one of its aliases)."""
        return actor in self.fields["name"].get(fold(text.strip()), ())

    def _closest(self, text: str, n: int = 3) -> list[str]:
        """Ids of the actors a mistyped reference most likely meant, best first."""
        key = fold(text.strip())
        if key in self.keys:
            return [self.keys[key]]
        close = self.hints.close(key, self.keys, n=n)
        if len(close) < n and len(key) >= 3 and self.hints.left:
            close += [k for k in self.keys if key in k and k not in close][: n - len(close)]
        return list(dict.fromkeys(self.keys[c] for c in close))[:n]
