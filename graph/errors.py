"""The one error hierarchy: every error the library raises for a user to read is an ActorgraphError.

Each error carries its message and, where they exist, the file and line it is about
and the view parameter (``field``) it comes from, so a client (the CLI) can name its
own option for it. ``str(error)`` is ``file:line: message`` (each part only when known).
The classes are re-exported where they were first defined (``graph.data.problems.DataError``,
``graph.data.lock.LockTimeout``...), so either import works.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Hint", "ActorgraphError", "DataError", "LockTimeout", "OutputError", "ImportFailed", "ActorNotFound",
           "EditRefused", "UnknownKind", "InvalidDate", "GradeError", "UndefinedMeasure", "NoPath", "TooLarge",
           "BadArgument"]


@dataclass(frozen=True)
class Hint:
    """What would fix an error, as parameters a client spells in its own way (the CLI as options).

    ``verb`` leads the hint ('give', 'pick one with', 'or use'); ``options`` are parameter
    names, each with a value to show or None.

    >>> Hint("give", (("evidence", None), ("note", None))).words()
    'give evidence or note'
    >>> Hint("pick one with", (("row_since", "2019"),)).words(lambda n, v: f"--{n.replace('_', '-')} {v}")
    'pick one with --row-since 2019'
    """

    verb: str
    options: tuple[tuple[str, str | None], ...]

    def words(self, spell=None) -> str:
        spell = spell or (lambda name, value: name if value is None else f"{name}={value!r}")
        names = [spell(name, value) for name, value in self.options]
        listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
        return f"{self.verb} {listed}"


class ActorgraphError(Exception):
    """An error for the user: a message, and the file, line and view parameter it concerns when known.

    >>> str(ActorgraphError("bad date", file="relations.csv", line=4))
    'relations.csv:4: bad date'
    >>> str(ActorgraphError("no actors to work on", field="without"))
    'no actors to work on'
    """

    def __init__(self, message: str = "", *, file: str | None = None, line: int | None = None,
                 field: str | None = None, hint: Hint | None = None):
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.field = field
        self.hint = hint

    def worded(self, spell=None) -> str:
        """``file:line: message; hint``, the hint's parameters spelled by ``spell(name, value)``."""
        place = ":".join(str(p) for p in (self.file, self.line) if p is not None)
        joint = " " if self.hint and self.hint.verb.startswith("or ") else "; "  # '...first or use X'
        text = f"{self.message}{joint}{self.hint.words(spell)}" if self.hint else self.message
        return f"{place}: {text}" if place else text

    def __str__(self) -> str:
        return self.worded()


class DataError(ActorgraphError):
    """The data (or a requested change to it) has errors: ``problems`` lists them, each with file and line.

    ``already``: an edit refused only for errors the data had before it (the change itself added none);
    ``files``: the data files read (for validate to name them).
    """

    def __init__(self, problems, already: bool = False, files=()):
        # graph.data.problems imports this module, so its sorting is imported here, at raise time
        from graph.data.problems import sort_problems

        self.problems = sort_problems(problems)
        self.already = already
        self.files = list(files)
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def errors(self) -> list:
        return [p for p in self.problems if p.severity == "error"]


class LockTimeout(ActorgraphError):
    """Another command held the folder's lock for longer than we wait."""


class OutputError(ActorgraphError):
    """An output file cannot be written; the message is for the user."""


class ImportFailed(ActorgraphError):
    """The file cannot be imported, or the folder cannot take it: the message says why."""


class ActorNotFound(ActorgraphError, LookupError):
    """An actor reference that matches no actor (``suggestions``: likely ids) or several (``matches``)."""

    def __init__(self, message: str, *, text: str = "", suggestions=(), matches=(), field: str | None = None):
        super().__init__(message, field=field)
        self.text = text
        self.suggestions = list(suggestions)
        self.matches = list(matches)


class EditRefused(ActorgraphError, ValueError):
    """A requested edit that cannot be made as asked (nothing is written)."""


class UnknownKind(ActorgraphError, ValueError):
    """A relation kind the data set's vocabulary does not know; ``suggestions``: the kinds it may mean."""

    def __init__(self, message: str, *, text: str = "", suggestions=(), allowed=(), field: str | None = None):
        super().__init__(message, field=field)
        self.text = text
        self.suggestions = list(suggestions)
        self.allowed = list(allowed)


class InvalidDate(ActorgraphError, ValueError):
    """A date that cannot be read (``text``: what was given)."""

    def __init__(self, message: str, *, text: str = "", field: str | None = None):
        super().__init__(message, field=field)
        self.text = text


class GradeError(ActorgraphError, ValueError):
    """A minimum grade that is not a code like B3."""


class UndefinedMeasure(ActorgraphError):
    """A measure has no value on this graph (say why, in words for an analyst)."""


class NoPath(ActorgraphError):
    """No path joins the two actors (ids ``source`` and ``target``) in the view asked for.

    ``joined_by`` (where known): the parts of the view that, each given up alone, would join them
    ('directed' or View fields); () when only several together would; None when nothing in the data does.
    """

    def __init__(self, source: str, target: str, message: str = "", joined_by=()):
        super().__init__(message or f"no path between '{source}' and '{target}'")
        self.source = source
        self.target = target
        self.joined_by = joined_by


class TooLarge(ActorgraphError):
    """Work refused before it starts, because it would take too long on a graph this size.

    ``limit``: the largest size (actors) the work is done for; ``size``: this graph's.
    The hint names what gives an answer in time (for instance an estimate from a sample).
    """

    def __init__(self, message: str, *, limit: int, size: int, hint: Hint | None = None):
        super().__init__(message, hint=hint)
        self.limit = limit
        self.size = size


class BadArgument(ActorgraphError, ValueError):
    """A value a function does not take (a measure's name misspelt, a step that is not year, month or event),
    with the closest it does take in ``suggestions`` and all of them in ``allowed``."""

    def __init__(self, message: str, *, text: str = "", suggestions=(), allowed=(), field: str | None = None):
        super().__init__(message, field=field)
        self.text = text
        self.suggestions = tuple(suggestions)
        self.allowed = tuple(allowed)
