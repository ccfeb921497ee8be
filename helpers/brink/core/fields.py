"""Reading the fields of one TOML table, with a clear problem for every bad field."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol

from .problems import Problem
from .records import Span

PLACEHOLDER = "TODO:"  # what `python -m brink new` writes where a teacher has to fill something in
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")  # one id rule for every kind of entry, exercises included


def id_problem(file: str, entry_id: str) -> Problem | None:
    """The problem with an id, if it breaks the rule."""
    if ID_PATTERN.match(entry_id):
        return None
    return Problem(file, entry_id, "id", "ids use lower-case letters, digits and hyphens", "rename it, e.g. lavrov-no-war")


class DataReader(Protocol):
    """What a file reader offers the readers of particular files (the exercises), so they need not import
    :mod:`brink.core.loading`, which imports them."""

    folder: Path
    paragraphs: tuple[str, ...]
    problems: list[Problem]

    def on_text(self, paragraphs: tuple[str, ...], names: tuple[str, str]) -> DataReader: ...

    def entries(self, name: str, key: str, also: tuple[str, ...] = ()) -> Iterable[Entry]: ...
    def span(self, entry: Entry, field: str, text: str | None, paragraph: int | None) -> Span | None: ...
    def spans(self, entry: Entry, field: str, *, required: bool = True) -> tuple[Span, ...]: ...

_MISSING = object()


class Entry:
    """Reads the fields of one TOML table and records a :class:`Problem` for each bad one."""

    def __init__(self, file: str, label: str, table: dict[str, Any], problems: list[Problem]):
        self.file, self.label, self.table, self.problems = file, label, table, problems
        self.read: set[str] = set()
        self.ok = True

    def problem(self, field: str | None, what: str, fix: str) -> None:
        self.ok = False
        self.problems.append(Problem(self.file, self.label, field, what, fix))

    def _get(self, name: str, required: bool) -> Any:
        self.read.add(name)
        value = self.table.get(name, _MISSING)
        if value is _MISSING and required:
            self.problem(name, "this field is missing", f"add `{name} = …` to this entry")
        return value

    def _typed(self, name: str, required: bool, test, expected: str, fix: str) -> tuple[Any, bool]:
        """The raw value and whether it is present and of the expected type (reporting it when not)."""
        value = self._get(name, required)
        if value is _MISSING:
            return None, False
        if not test(value):
            self.problem(name, f"expected {expected}, found {kind_name(value)}", fix)
            return None, False
        return value, True

    def text(self, name: str, *, required: bool = True, choices: Iterable[str] | None = None,
             default: str | None = None) -> str | None:
        value, ok = self._typed(name, required, lambda v: isinstance(v, str), "text", f'write it in quotes: {name} = "…"')
        if not ok:
            return default
        if not value.strip():
            self.problem(name, "this field is empty", "write the value, or remove the field if it is optional")
            return default
        if value.startswith(PLACEHOLDER):
            self.problem(name, f"still the starter's placeholder: {value[len(PLACEHOLDER):].strip()}",
                         "replace the whole value with the real one")
            return default
        if choices is not None and value not in choices:
            self.problem(name, f"{value!r} is not allowed", "use one of: " + ", ".join(choices))
            return default
        return value

    def texts(self, name: str, *, required: bool = True, allow_empty: bool = False) -> tuple[str, ...]:
        value = self._get(name, required)
        if value is _MISSING:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.problem(name, f"expected a list of texts, found {kind_name(value)}", f'write {name} = ["…", "…"]')
            return ()
        if not value and not allow_empty:
            self.problem(name, "the list is empty", "give at least one value")
        return tuple(value)

    def boolean(self, name: str, *, required: bool = True, default: bool = False) -> bool:
        value, ok = self._typed(name, required, lambda v: isinstance(v, bool), "true or false", f"write {name} = true or false")
        return value if ok else default

    def integer(self, name: str, *, required: bool = True) -> int | None:
        value, ok = self._typed(name, required, lambda v: isinstance(v, int) and not isinstance(v, bool), "a whole number",
                                f"write {name} = 3 (no quotes)")
        return value if ok else None

    def date(self, name: str, *, required: bool = True, open_word: str | None = None) -> dt.date | None:
        """A date, written as a TOML date (2022-01-28) or as the text "2022-01-28"."""
        value = self._get(name, required)
        if value is _MISSING or (open_word is not None and value == open_word):
            return None
        fix = f"write {name} = 2022-01-28 (year-month-day)" + (f' or {name} = "{open_word}"' if open_word else "")
        if isinstance(value, dt.datetime):
            self.problem(name, "expected a date without a time", fix)
            return None
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                self.problem(name, f"{value!r} is not a real date", fix)
                return None
        self.problem(name, f"expected a date, found {kind_name(value)}", fix)
        return None

    def raw(self, name: str, *, required: bool = True) -> Any:
        value = self._get(name, required)
        return None if value is _MISSING else value

    def finish(self) -> None:
        """Report fields nobody read: usually a typo in a field name."""
        for name in sorted(set(self.table) - self.read):
            self.problem(name, "unknown field", "check the spelling; allowed here: " + ", ".join(sorted(self.read)))


def kind_name(value: Any) -> str:
    names = {str: "text", bool: "true/false", int: "a number", float: "a number", list: "a list",
             dict: "a table", dt.date: "a date", dt.datetime: "a date and time"}
    return names.get(type(value), type(value).__name__)


