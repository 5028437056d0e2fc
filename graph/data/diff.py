"""Compare two versions of a data set: rows added, removed and changed, and rank movements."""

from __future__ import annotations

import subprocess
from pathlib import Path

from graph.data.load import ACTORS_FILE, OPTIONAL_FILES, RELATIONS_FILE, from_files
from graph.data.problems import DataError, Problem
from graph.data.validate import relation_key
from graph.data.files import max_bytes, size_text
from graph.data.schema import fold

__all__ = ["dataset_at_revision", "diff_rows", "renames"]


def dataset_at_revision(folder: Path, rev: str, display: str):
    """The data set as committed at a git revision, validated like any other."""
    contents, displays, problems = {}, {}, []
    if not rev or rev.startswith("-"):
        raise DataError([Problem(f"{rev}:{display}", 0, "no-revision",
                                 f"'{rev}' is not a git revision (it may not start with '-')")])
    for name in (ACTORS_FILE, RELATIONS_FILE, *OPTIONAL_FILES):
        shown = displays[name] = f"{rev}:{display}/{name}"
        try:
            contents[name] = _git_blob(folder, f"{rev}:./{name}")
        except FileNotFoundError:
            raise DataError([Problem(shown, 0, "no-git", "git is not installed")]) from None
        except ValueError as exc:
            if isinstance(exc, _Missing) and name in OPTIONAL_FILES:
                continue  # kinds.csv and sources.csv may be absent at that revision
            problems.append(Problem(shown, 0, "no-revision", str(exc)))
    dataset, more = from_files(Path(folder), contents, displays)
    problems += more
    if dataset is None or any(p.severity == "error" for p in problems):
        raise DataError(problems)
    return dataset


class _Missing(ValueError):
    """The file is not at that revision (or the revision does not exist)."""


def _git_blob(folder: Path, spec: str) -> bytes:
    """A file's bytes at a revision (no larger than the data file limit); ValueError says why not."""

    def git(*args):
        return subprocess.run(["git", "-C", str(folder), *args, "--end-of-options", spec], capture_output=True)

    size = git("cat-file", "-s")
    if size.returncode != 0:
        why = size.stderr.decode("utf-8", "replace").strip().splitlines()
        raise _Missing(why[-1] if why else "not found in git")
    if int(size.stdout or 0) > max_bytes():
        raise ValueError(f"is larger than the {size_text(max_bytes())} actorgraph reads")
    return git("cat-file", "blob").stdout


def _changes(old: dict, new: dict, skip=()) -> str:
    fields = [k for k in sorted(set(old) | set(new)) if old.get(k, "") != new.get(k, "") and k not in skip]
    return "; ".join(f"{k}: '{old.get(k, '')}' -> '{new.get(k, '')}'" for k in fields)


def _neighbours(dataset) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for r in dataset.relations:
        out.setdefault(r["source"], set()).add(r["target"])
        out.setdefault(r["target"], set()).add(r["source"])
    return out


def renames(old, new) -> dict[str, str]:
    """Actors whose id changed: {old id: new id}.

    An actor gone from the old version and one new in the new version are the same actor
    when every other column is equal (rename-actor's work), or when the id and the name both
    changed but two other columns agree (type, description, aliases...), or when the type
    agrees and at least half of their neighbours are the same. Best matches first; ties by id.
    """

    new_ids = {a["id"] for a in new.actors}
    old_ids = {a["id"] for a in old.actors}
    gone = [a for a in old.actors if a["id"] not in new_ids]
    came = [a for a in new.actors if a["id"] not in old_ids]
    if not gone or not came:
        return {}
    old_nb, new_nb = _neighbours(old), _neighbours(new)
    candidates = []
    for a in gone:
        for b in came:
            columns = (set(a) | set(b)) - {"id"}
            same = sum(1 for c in columns if a.get(c, "") and fold(a.get(c, "")) == fold(b.get(c, "")))
            everything = all(a.get(c, "") == b.get(c, "") for c in columns)
            na, nb = old_nb.get(a["id"], set()), new_nb.get(b["id"], set())
            shared = len(na & nb) / len(na | nb) if na | nb else 0.0
            type_same = fold(a.get("type", "")) == fold(b.get("type", ""))
            if everything or same >= 2 or (type_same and shared >= 0.5):
                candidates.append((not everything, -same - shared, a["id"], b["id"]))
    out: dict[str, str] = {}
    for *_, a, b in sorted(candidates):
        if a not in out and b not in out.values():
            out[a] = b
    return out


def _pairs(before: list, after: list) -> tuple[list, list, list]:
    """Rows of one tie before and after, paired by their period: (pairs, removed, added).

    Equal rows pair first, then rows with the same since, the same until, then in file order.
    """
    before, after, pairs = list(before), list(after), []
    for same in (lambda x, y: dict(x) == dict(y), lambda x, y: x["since"] == y["since"],
                 lambda x, y: x["until"] == y["until"], lambda x, y: True):
        for y in list(after):
            x = next((x for x in before if same(x, y)), None)
            if x is not None:
                pairs.append((x, y))
                before.remove(x)
                after.remove(y)
    return pairs, before, after


def diff_rows(old, new, renamed: dict | None = None) -> list[dict]:
    """added / removed / changed / renamed actors and relations, field by field.

    Actors are matched by id, or as renamed (see :func:`renames`); the rows of a tie are
    matched by their period, so a changed since is one changed relation. A relation that
    only follows a renamed actor is not reported again. Each row carries its line (in
    the new file, or the old one for a removed row). ``renamed``: :func:`renames` of the two, when the
    caller has it already.
    """
    renamed = renames(old, new) if renamed is None else renamed
    new_by_id = {a["id"]: a for a in new.actors}
    rows = []
    for a in old.actors:
        if a["id"] in renamed:
            b = new_by_id[renamed[a["id"]]]
            rows.append({"change": "renamed", "what": "actor", "item": f"{a['id']} -> {b['id']}",
                         "details": "; ".join(filter(None, (f"id: '{a['id']}' -> '{b['id']}'",
                                                            _changes(dict(a), dict(b), skip=("id",))))),
                         "line": b.line})
    before = {a["id"]: a for a in old.actors if a["id"] not in renamed}
    after = {a["id"]: a for a in new.actors if a["id"] not in renamed.values()}
    for key, a in after.items():
        if key not in before:
            rows.append({"change": "added", "what": "actor", "item": key, "details": "", "line": a.line})
        elif dict(before[key]) != dict(a):
            rows.append({"change": "changed", "what": "actor", "item": key,
                         "details": _changes(dict(before[key]), dict(a)), "line": a.line})
    rows += [{"change": "removed", "what": "actor", "item": key, "details": "", "line": a.line}
             for key, a in before.items() if key not in after]

    def moved(r):
        return {**r, **{c: renamed.get(r[c], r[c]) for c in ("source", "target")}}

    def tie(r):
        return relation_key(r["source"], r["relation"], r["target"], new.kinds)

    def label(r):
        return f"{r['source']} {r['relation']} {r['target']}"

    old_ties: dict[tuple, list] = {}
    for r in old.relations:
        m = moved(r)
        old_ties.setdefault(tie(m), []).append(_Moved(m, r.line))
    new_ties: dict[tuple, list] = {}
    for r in new.relations:
        new_ties.setdefault(tie(r), []).append(_Moved(r, r.line))
    removed, present = [], []
    for key, rs in new_ties.items():
        pairs, gone, came = _pairs(old_ties.get(key, []), rs)
        present += [(y.line, {"change": "changed", "what": "relation", "item": label(y),
                              "details": _changes(dict(x), dict(y)), "line": y.line})
                    for x, y in pairs if dict(x) != dict(y)]
        present += [(y.line, {"change": "added", "what": "relation", "item": label(y), "details": "",
                              "line": y.line}) for y in came]
        removed += gone
    rows += [row for _, row in sorted(present, key=lambda p: p[0])]
    removed += [x for key, rs in old_ties.items() if key not in new_ties for x in rs]
    rows += [{"change": "removed", "what": "relation", "item": label(x), "details": "", "line": x.line}
             for x in sorted(removed, key=lambda x: x.line)]
    return _in_order(rows)


class _Moved(dict):
    """A relation row's values (renames followed) and its line."""

    def __init__(self, values, line: int):
        super().__init__(values)
        self.line = line

    def __getitem__(self, key):
        return self.get(key, "")


def _in_order(rows: list[dict]) -> list[dict]:
    """Renames, then actors, then relations; within each, the new file's order and then removals."""
    order = {"renamed": 0, "actor": 1, "relation": 2}
    return sorted(rows, key=lambda r: order["renamed"] if r["change"] == "renamed" else order[r["what"]])
