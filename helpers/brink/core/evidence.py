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


def locate(paragraphs: Sequence[str], text: str, paragraph: int | None = None, *,
           names: tuple[str, str] = ("the article", "article.txt")) -> Span:
    """The one place in the article where ``text`` occurs, as a :class:`Span`.

    ``paragraph`` (1-based) narrows the search when the same words occur more than once. ``names`` says what the
    paragraphs are and where a teacher finds them, for the messages (a post of the before-and-after check is not
    the article).
    """
    what, source = names
    if not text:
        raise EvidenceError("the evidence is empty", f"copy the words from {source}")
    if paragraph is not None and not 1 <= paragraph <= len(paragraphs):
        raise EvidenceError(
            f"paragraph {paragraph} does not exist ({what} has {len(paragraphs)})",
            f"use a paragraph number from 1 to {len(paragraphs)}",
        )
    numbers = [paragraph] if paragraph is not None else range(1, len(paragraphs) + 1)
    hits = [(n, start) for n in numbers for start in occurrences(paragraphs[n - 1], text)]
    if not hits:
        where = f"paragraph {paragraph}" if paragraph is not None else what
        raise EvidenceError(
            f"{text!r} is not in {where}",
            f"copy the words exactly from {source} (curly “ ” and straight \" quotes differ, "
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


ABBREVIATIONS = {"jr", "sr", "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "no", "vs", "etc"}


def _abbreviation(paragraph: str, dot: int) -> bool:
    """Is the full stop at ``dot`` part of an abbreviation ("R.", "U.S.", "Jr.") rather than a sentence end?"""
    word_start = dot
    while word_start > 0 and not paragraph[word_start - 1].isspace():
        word_start -= 1
    word = paragraph[word_start:dot].strip("“”\"'(")
    letters = word.replace(".", "")
    return (len(letters) == 1 and letters.isupper()) or ("." in word and len(letters) <= 3 and letters.isupper()) \
        or letters.lower() in ABBREVIATIONS


def sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """Split one paragraph into sentences, as (start, end) offsets.

    A sentence ends at . ? or ! (plus any closing quote) followed by white space of any kind (one space, two, a
    non-breaking space), but never inside a quotation, so a quoted two-sentence remark stays with its "Lavrov
    said", and never after an abbreviation such as "R.", "U.S." or "Jr.". The next sentence starts at its first
    word, not at the white space before it.
    """
    spans, start, depth_curly, straight_open = [], 0, 0, False

    def close(end: int) -> int:
        """End a sentence at ``end``; the next starts at the next word."""
        spans.append((start, end))
        while end < len(paragraph) and paragraph[end].isspace():
            end += 1
        return end

    i = 0
    while i < len(paragraph):
        char = paragraph[i]
        if char in "”\"" and ((char == "”" and depth_curly == 1) or (char == '"' and straight_open)) \
                and i > 0 and paragraph[i - 1] in ".?!" and i + 1 < len(paragraph) and paragraph[i + 1].isspace():
            # A quotation that ends its sentence ('… without Ukraine.” President Biden …').
            depth_curly, straight_open = 0, False
            start = i = close(i + 1)
            continue
        if char == "“":
            depth_curly += 1
        elif char == "”":
            depth_curly = max(0, depth_curly - 1)
        elif char == '"':
            straight_open = not straight_open
        elif char in ".?!" and not depth_curly and not straight_open and not (char == "." and _abbreviation(paragraph, i)):
            end = i + 1
            while end < len(paragraph) and paragraph[end] in "”\"'":
                end += 1
            if end == len(paragraph) or paragraph[end].isspace():
                start = i = close(end)
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
