"""Each side's demands as data: the board's columns and which positions belong in each.

The columns are the sides the data marks for the board (sides.toml, or the 0.1 article's Russia, United States,
NATO and Ukraine); a joint side ("the US and its NATO allies") appears under each of its members. The board, the
stance matrix, the drafts table and the role cards are rendered in :mod:`brink.static.demands_tables`.
"""

from __future__ import annotations

from .records import Corpus, Position


def columns(corpus: Corpus) -> tuple[tuple[str, str], ...]:
    """(side id, label) of each column of the board, in the data's order."""
    return tuple((p.id, p.label) for p in corpus.board)


def column_of(corpus: Corpus, position: Position) -> tuple[str, ...]:
    """The board columns a position belongs to (a joint side's position appears under each member)."""
    party = corpus.party(position.side)
    board_ids = {p.id for p in corpus.board}
    if party.members:
        return tuple(m for m in party.members if m in board_ids)
    return (position.side,) if position.side in board_ids else ()


def board(corpus: Corpus, side: str | None = None, status: str | None = None) -> dict[str, list[Position]]:
    """The board's columns, filtered by side and by status; every chosen column is present, even if empty."""
    found: dict[str, list[Position]] = {key: [] for key, _ in columns(corpus) if side in (None, key)}
    for position in corpus.positions:
        if status not in (None, position.status):
            continue
        for key in column_of(corpus, position):
            if key in found:
                found[key].append(position)
    return found
