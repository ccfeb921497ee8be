"""Each side's demands as data: the board's columns and which positions belong in each.

The board, the stance matrix, the drafts table and the role cards are rendered in
:mod:`brink.static.demands_tables`.
"""

from __future__ import annotations

from .consistency import JOINT_SIDES
from .records import Corpus, Position

BOARD = (("russia", "Russia"), ("us", "United States"), ("nato", "NATO"), ("ukraine", "Ukraine"))


def column_of(position: Position) -> tuple[str, ...]:
    """The board columns a position belongs to (a joint US–NATO position appears under both)."""
    if position.side in JOINT_SIDES:
        return JOINT_SIDES[position.side]
    return (position.side,) if position.side in dict(BOARD) else ()


def board(corpus: Corpus, side: str | None = None, status: str | None = None) -> dict[str, list[Position]]:
    """The board's columns, filtered by side and by status; every chosen column is present, even if empty."""
    columns = {key: [] for key, _ in BOARD if side in (None, key)}
    for position in corpus.positions:
        if status not in (None, position.status):
            continue
        for key in column_of(position):
            if key in columns:
                columns[key].append(position)
    return columns
