"""One error hierarchy: every error the library raises for a user to read is an ActorgraphError."""

from __future__ import annotations

__all__ = ["ActorgraphError", "UnknownKind", "InvalidDate"]


class ActorgraphError(Exception):
    """An error a user can act on; ``field`` names the parameter at fault, if any."""

    def __init__(self, message: str = "", *, file: str | None = None, line: int | None = None,
                 field: str | None = None, value=None, suggestions=()):
        super().__init__(message)
        self.message, self.file, self.line = message, file, line
        self.field, self.value, self.suggestions = field, value, list(suggestions)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}: " if self.file and self.line is not None else \
            (f"{self.file}: " if self.file else "")
        return where + self.message


class UnknownKind(ActorgraphError, LookupError):
    """A relation kind (or status, confidence) the data set does not have."""


class InvalidDate(ActorgraphError, ValueError):
    """A date that cannot be read."""
