"""The paper form of a notebook: what a printed page says where the live notebook says "press Shift + Enter".

A notebook speaks to someone at a keyboard ("run the next cell", "move the slider", "the button below"); on paper
those words are noise or, worse, instructions nobody can follow. Each markdown cell that says such a thing carries
its paper form in its own metadata, next to the words it replaces, so an author who edits one sees the other:

- ``cell.metadata["brink"]["paper"] = "..."``: the whole cell on paper (``""`` leaves it out of print);
- ``cell.metadata["brink"]["paper"] = {"live words": "paper words", ...}``: replace each phrase, which must still
  be in the cell (a stale phrase is an error, so the two cannot drift apart unnoticed).

Outputs are handled by the root class of their static twin (:data:`OUTPUTS`): the article prints once, with line
numbers, at the end, and the hand-in box is for the live notebook only. :data:`LIVE_ONLY` lists the words that
mean nothing on paper; the tests hold every printed handout to it.

Pure: it reads and writes notebook cells as dictionaries and never imports nbconvert.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

# Words that only make sense at a keyboard in a running notebook. A printed handout must contain none of them.
LIVE_ONLY = re.compile(
    r"Shift\s*\+\s*Enter|Run All|Restart Kernel|Kernel ▸|File ▸|\bnext cell\b|\bthis cell\b|\bcode cell\b"
    r"|\bbuttons?\b|\bslider\b|\bmenus?\b|\bTab\b(?:\*\*)?\s+key|\barrow keys\b|\bclick|Commit my answer"
    r"|Start a new attempt|\bcontrols?\b|\blinks back\b|\bcommit(?:ted|ting)?\b(?! themselves)|\bkeyboard\b|IPython\.core\.display")

POINTER = ('<p class="brink-on-paper"><em>The text is printed once, with paragraph (P) and line numbers, at the end '
           "of this handout.</em></p>")
# What each static twin becomes on paper, by the class of its root element: other HTML, or None to leave it out.
OUTPUTS: dict[str, str | None] = {
    "brink-article": POINTER,  # the numbered text at the end is the one copy (review E1: one sentence printed six times)
    "brink-handin": None,  # a paper handout is handed in as paper
}
ROOT_CLASS = re.compile(r'^\s*<[a-zA-Z][^>]*\bclass="([^"]+)"')


class PaperFormError(ValueError):
    """A cell's paper form that cannot be applied; the message says which cell and what to fix."""


def root_class(html: str) -> str:
    """The first class of an output's root element ("" when it has none): how a static twin says what it is."""
    found = ROOT_CLASS.match(html)
    return found.group(1).split()[0] if found else ""


def markdown(source: str, metadata: Mapping[str, Any], where: str) -> str:
    """A markdown cell's paper form: its ``brink.paper`` applied, or the cell unchanged ("" leaves it out)."""
    paper = (metadata.get("brink") or {}).get("paper")
    if paper is None:
        return source
    if isinstance(paper, str):
        return paper
    if not isinstance(paper, Mapping) or not all(isinstance(k, str) and isinstance(v, str) for k, v in paper.items()):
        raise PaperFormError(f"{where}: metadata brink.paper must be text (the whole cell on paper) or a table of "
                             '"live words": "paper words"; fix it in the cell\'s metadata.')
    for live, printed in paper.items():
        if live not in source:
            raise PaperFormError(f"{where}: brink.paper replaces {live!r}, which the cell no longer says; update the "
                                 "cell's metadata to the words it now uses.")
        source = source.replace(live, printed)
    return source


def output(html: str) -> str | None:
    """An output's HTML as it prints: unchanged, replaced (the article) or None (left out)."""
    return OUTPUTS.get(root_class(html), html)


def kept(output: Mapping[str, Any]) -> bool:
    """Whether an output prints at all. What a cell says to the live session (``print`` lines such as "Loaded 9
    paragraphs…") and a page script's stand-in ("<IPython.core.display.Javascript object>") do not."""
    if output.get("output_type") == "stream":
        return False
    data = output.get("data", {})
    if set(data) == {"text/plain"}:
        return not str(data["text/plain"]).startswith("<IPython.")
    return True


def live_words(text: str) -> list[str]:
    """Each place in ``text`` that only makes sense in a live notebook, with a little context, for an error."""
    return [text[max(0, m.start() - 40):m.end() + 40].replace("\n", " ") for m in LIVE_ONLY.finditer(text)]
