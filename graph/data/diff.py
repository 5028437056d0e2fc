"""Compare two versions of a data set: rows added, removed and changed, and rank movements."""

from __future__ import annotations

import subprocess
from pathlib import Path

from graph.data.load import ACTORS_FILE, OPTIONAL_FILES, RELATIONS_FILE, from_files
from graph.data.problems import DataError, Problem
from graph.data.validate import relation_key

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
    from graph.data.files import max_bytes

    def git(*args):
        return subprocess.run(["git", "-C", str(folder), *args, "--end-of-options", spec], capture_output=True)

    size = git("cat-file", "-s")
    if size.returncode != 0:
        why = size.stderr.decode("utf-8", "replace").strip().splitlines()
        raise _Missing(why[-1] if why else "not found in git")
    if int(size.stdout or 0) > max_bytes():
        raise ValueError(f"is larger than the {max_bytes() // 1048576} MB actorgraph reads")
    return git("cat-file", "blob").stdout


def _changes(old: dict, new: dict) -> str:
    fields = [k for k in sorted(set(old) | set(new)) if old.get(k, "") != new.get(k, "")]
    return "; ".join(f"{k}: '{old.get(k, '')}' -> '{new.get(k, '')}'" for k in fields)


def renames(old, new) -> dict[str, str]:
    """Actors whose id changed and nothing else: {old id: new id} (rename-actor's work)."""
    old_ids = {a["id"] for a in old.actors}
    new_ids = {a["id"] for a in new.actors}

    def rest(a):
        return tuple(sorted((k, v) for k, v in a.items() if k != "id"))

    gone = {}
    for a in old.actors:
        if a["id"] not in new_ids:
            gone.setdefault(rest(a), []).append(a["id"])
    out = {}
    for a in new.actors:
        if a["id"] not in old_ids and gone.get(rest(a)):
            out[gone[rest(a)].pop(0)] = a["id"]
    return out


def diff_rows(old, new) -> list[dict]:
    """added / removed / changed / renamed actors and relations, in the new files' order then the old's.

    A relation that only follows a renamed actor is not reported again.
    """
    renamed = renames(old, new)
    rows = [{"change": "renamed", "what": "actor", "item": f"{a} -> {b}", "details": f"id: '{a}' -> '{b}'"}
            for a, b in renamed.items()]

    def moved(r):
        return {**r, **{c: renamed.get(r[c], r[c]) for c in ("source", "target")}}

    for what, key_of, label, rename in (
            ("actor", lambda r: r["id"], lambda r: r["id"], lambda r: r),
            ("relation", lambda r: relation_key(r["source"], r["relation"], r["target"], new.kinds) + (r.get("since", ""),),
             lambda r: f"{r['source']} {r['relation']} {r['target']}", moved)):
        before = {key_of(rename(r)): rename(r) for r in getattr(old, what + "s")
                  if not (what == "actor" and r["id"] in renamed)}
        after = {key_of(r): r for r in getattr(new, what + "s") if not (what == "actor" and r["id"] in renamed.values())}
        for key, r in after.items():
            if key not in before:
                rows.append({"change": "added", "what": what, "item": label(r), "details": ""})
            elif dict(before[key]) != dict(r):
                rows.append({"change": "changed", "what": what, "item": label(r),
                             "details": _changes(dict(before[key]), dict(r))})
        for key, r in before.items():
            if key not in after:
                rows.append({"change": "removed", "what": what, "item": label(r), "details": ""})
    return rows
