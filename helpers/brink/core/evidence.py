"""Finding verbatim evidence in the article.

Offsets are never typed by hand: an annotation names the words, this module finds where they
are. Anything that is not found exactly once is reported, so a typo or a changed quote mark
cannot slip through.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .records import Span


class EvidenceError(ValueError):
    """Evidence that is missing from the article or found in more than one place."""

    def __init__(self, message: str, fix: str):
        super().__init__(message)
        self.fix = fix


def occurrences(haystack: str, needle: str) -> list[int]:
    """Every start offset of ``needle`` in ``haystack``, overlapping ones included."""
    found, start = [], haystack.find(needle)
    while start != -1:
        found.append(start)
        start = haystack.find(needle, start + 1)
    return found


def locate(paragraphs: Sequence[str], text: str, paragraph: int | None = None) -> Span:
    """The one place in the article where ``text`` occurs, as a :class:`Span`.

    ``paragraph`` (1-based) narrows the search when the same words occur more than once.
    """
    if not text:
        raise EvidenceError("the evidence is empty", "copy the words from article.txt")
    if paragraph is not None and not 1 <= paragraph <= len(paragraphs):
        raise EvidenceError(
            f"paragraph {paragraph} does not exist (the article has {len(paragraphs)})",
            f"use a paragraph number from 1 to {len(paragraphs)}",
        )
    numbers = [paragraph] if paragraph is not None else range(1, len(paragraphs) + 1)
    hits = [(n, start) for n in numbers for start in occurrences(paragraphs[n - 1], text)]
    if not hits:
        where = f"paragraph {paragraph}" if paragraph is not None else "the article"
        raise EvidenceError(
            f"{text!r} is not in {where}",
            "copy the words exactly from article.txt (curly “ ” and straight \" quotes differ, "
            "and so does -- from a dash)" + _near_miss_hint(paragraphs, text, numbers),
        )
    if len(hits) > 1:
        places = ", ".join(f"P{n}" for n, _ in hits)
        fix = (
            "add a few words so the evidence occurs once"
            if paragraph is not None or len({n for n, _ in hits}) == 1
            else "add `paragraph = N` to say which one is meant, or quote more words"
        )
        raise EvidenceError(f"{text!r} occurs {len(hits)} times ({places})", fix)
    number, start = hits[0]
    return Span(text=text, paragraph=number, start=start, end=start + len(text))


def _near_miss_hint(paragraphs: Sequence[str], text: str, numbers: Iterable[int]) -> str:
    """Say where the evidence would match if quote marks, dashes and capitals were ignored."""
    table = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "—": "--", "–": "--"})
    wanted = text.translate(table).casefold()
    for number in numbers:
        if wanted in paragraphs[number - 1].translate(table).casefold():
            return f"; it nearly matches P{number} if quote marks, dashes or capitals are ignored"
    return ""


def sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """Split one paragraph into sentences, as (start, end) offsets.

    A sentence ends at . ? or ! (plus any closing quote) followed by a space, but never inside
    a quotation, so a quoted two-sentence remark stays with its "Lavrov said".
    """
    spans, start, depth_curly, straight_open = [], 0, 0, False
    i = 0
    while i < len(paragraph):
        char = paragraph[i]
        if char == "“":
            depth_curly += 1
        elif char == "”":
            depth_curly = max(0, depth_curly - 1)
        elif char == '"':
            straight_open = not straight_open
        elif char in ".?!" and not depth_curly and not straight_open:
            end = i + 1
            while end < len(paragraph) and paragraph[end] in "”\"'":
                end += 1
            if end == len(paragraph) or paragraph[end] == " ":
                spans.append((start, end))
                start = end + 1
                i = end
                continue
        i += 1
    if start < len(paragraph):
        spans.append((start, len(paragraph)))
    return spans


def sentence_around(paragraph: str, start: int, end: int) -> tuple[int, int]:
    """The smallest run of whole sentences that contains ``paragraph[start:end]``."""
    spans = sentence_spans(paragraph)
    first = next(s for s, e in spans if e > start)
    last = next(e for s, e in reversed(spans) if s < end)
    return first, last
