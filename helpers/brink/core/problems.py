"""Problems found in a data folder, worded for the teacher who has to fix them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    entry: str | None  # the entry's id (or "entry 3" when it has none)
    field: str | None
    what: str
    fix: str

    def __str__(self) -> str:
        where = self.file
        if self.entry:
            where += f" · {self.entry}"
        if self.field:
            where += f" · {self.field}"
        return f"{where}: {self.what}. Fix: {self.fix}."


class DataError(Exception):
    """Raised by :func:`brink.load` when the data folder has problems; lists them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        count = len(self.problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the brink data:\n{lines}")
