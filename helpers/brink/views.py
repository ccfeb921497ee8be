"""Widgets: thin wiring from controls to the pure functions in :mod:`brink.render`.

Each view returns its root widget; the parts a test (or a curious student) may want to drive are
attributes of that widget, so ``view.paragraph.value = 7`` works as well as a click does.
"""

from __future__ import annotations

import ipywidgets as widgets

from . import render
from .exercise_views import ExerciseView, HandinBox, handin_box
from .exercise_views import exercise as question
from .loading import load
from .records import Corpus

__all__ = ["ExerciseView", "HandinBox", "ParagraphBrowser", "handin_box", "paragraph_browser", "question"]


class ParagraphBrowser(widgets.VBox):
    """Shows one paragraph with its statements marked and listed; step through with the buttons."""

    def __init__(self, corpus: Corpus | None = None, start: int = 1):
        self.corpus = corpus or load()
        count = len(self.corpus.article.paragraphs)
        options = [(f"P{n}: {p[:48].rstrip()}…", n) for n, p in enumerate(self.corpus.article.paragraphs, start=1)]
        self.paragraph = widgets.Dropdown(options=options, value=start, description="Paragraph",
                                          layout=widgets.Layout(width="32em"))
        self.previous = widgets.Button(description="Previous", icon="arrow-left",
                                       tooltip="Show the previous paragraph")
        self.next = widgets.Button(description="Next", icon="arrow-right", tooltip="Show the next paragraph")
        self.shown = widgets.HTML()
        self.previous.on_click(lambda _: self._step(-1))
        self.next.on_click(lambda _: self._step(+1))
        self.paragraph.observe(self._show, names="value")
        self._count = count
        super().__init__([widgets.HBox([self.paragraph, self.previous, self.next]), self.shown])
        self._show()

    def _step(self, delta: int) -> None:
        self.paragraph.value = min(self._count, max(1, self.paragraph.value + delta))

    def _repr_mimebundle_(self, **kwargs):
        """Live: the widget. Anywhere else: every paragraph with its statements, as text."""
        bundle = super()._repr_mimebundle_(**kwargs)
        views = [render.paragraph_view(self.corpus, n) for n in range(1, self._count + 1)]
        bundle["text/plain"] = "\n\n".join(v.text for v in views)
        bundle["text/html"] = "".join(v.html for v in views)
        return bundle

    def _show(self, _change=None) -> None:
        number = self.paragraph.value
        self.shown.value = render.paragraph_view(self.corpus, number).html
        self.previous.disabled = number == 1
        self.next.disabled = number == self._count


def paragraph_browser(corpus: Corpus | None = None, start: int = 1) -> ParagraphBrowser:
    """A paragraph browser for the article (the package's own data unless ``corpus`` is given)."""
    return ParagraphBrowser(corpus, start)
