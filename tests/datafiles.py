"""Helpers for tests that break a copy of the data on purpose."""

from pathlib import Path


def edit(folder: Path, name: str, old: str, new: str) -> None:
    """Replace the first ``old`` with ``new`` in a data file, insisting that ``old`` is there."""
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
