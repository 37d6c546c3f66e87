"""The exception family of the package.

Everything that goes wrong with data (a file that is not JSON, a record of the wrong
shape, a reference that does not resolve) raises a :class:`DataError`, so callers catch
one type. Each error carries every :class:`Problem` found, with its location.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = ["DataError", "DataFormatError", "IntegrityError", "Problem", "ValidationError"]


@attrs.frozen
class Problem:
    """One problem found in the data, with where it is.

    Example:
        >>> str(Problem("agreements.json", "$[3].signed", "invalid date '2024-13-01'"))
        "agreements.json $[3].signed: invalid date '2024-13-01'"
    """

    file: str | None
    "The file the problem is in (``None`` for data that did not come from a file)."
    path: str
    "Where in the file, as a JSONPath-like ``$[3].signed``."
    message: str
    "What is wrong."

    def __str__(self) -> str:
        where = f"{self.file} {self.path}" if self.file else self.path
        return f"{where}: {self.message}"


class DataError(ValueError):
    """Bad data: the base of every error the package raises about data.

    Attributes:
        problems: every problem found, in file and path order.
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem], summary: str | None = None) -> None:
        self.problems = tuple(problems)
        head = summary or f"{len(self.problems)} problem(s) in the data"
        lines = [head + ":"] + [f"  {p}" for p in self.problems]
        super().__init__("\n".join(lines) if self.problems else head)

    def __reduce__(self) -> tuple[type[DataError], tuple[tuple[Problem, ...]]]:
        return (type(self), (self.problems,))


class DataFormatError(DataError):
    """A file cannot be read as JSON: bad syntax, bad encoding, too large, too deep, missing."""


class ValidationError(DataError):
    """A record does not fit the model: unknown key, wrong type, invalid value."""


class IntegrityError(DataError):
    """Records do not fit together: duplicate ids, dangling references, dates out of order."""
