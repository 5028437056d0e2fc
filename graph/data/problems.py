"""Problems found in the data, and the one error type that carries them."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Problem", "DataError", "sort_problems"]


@dataclass(frozen=True)
class Problem:
    """One problem at a place in a file; line 0 means the file as a whole."""

    path: str
    line: int
    code: str
    message: str
    severity: str = "error"  # or "warning"

    def __str__(self) -> str:
        from graph.data.files import printable

        tag = "warning: " if self.severity == "warning" else ""
        return printable(f"{self.path}:{self.line}: {tag}{self.message}")

    def as_dict(self) -> dict:
        return {"file": self.path, "line": self.line, "severity": self.severity,
                "code": self.code, "message": self.message}


class DataError(Exception):
    """Raised when the data (or a requested change to it) has errors."""

    def __init__(self, problems: list[Problem]):
        self.problems = sort_problems(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def sort_problems(problems) -> list[Problem]:
    """Errors first, then warnings; each group in file order (actors before relations)."""
    def key(p: Problem):
        return (p.severity != "error", not p.path.endswith("actors.csv"), p.path, p.line)

    return sorted(problems, key=key)
