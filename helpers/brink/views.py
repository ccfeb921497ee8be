"""Widgets: thin wiring from controls to the pure functions in :mod:`brink.render`.

Each view returns its root widget; the parts a test (or a curious student) may want to drive are
attributes of that widget, so ``view.paragraph.value = 7`` works as well as a click does.
"""

from __future__ import annotations

import ipywidgets as widgets

from . import reader, render
from .exercise_views import ExerciseView, HandinBox, handin_box
from .exercise_views import exercise as question
from .loading import load
from .records import Corpus

__all__ = ["ExerciseView", "HandinBox", "ParagraphBrowser", "ReaderView", "handin_box", "paragraph_browser", "question",
           "reader_view", "show_voices"]


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


class ReaderView(widgets.VBox):
    """The text highlighted by speaker, by form of attribution, or by layer, with a key."""

    def __init__(self, corpus: Corpus | None = None, mode: str = "speaker"):
        self.corpus = corpus or load()
        self.mode = widgets.RadioButtons(options=[(label, key) for key, label in reader.MODES], value=mode,
                                         description="Highlight by", style={"description_width": "initial"})
        count = len(self.corpus.article.paragraphs)
        self.paragraph = widgets.Dropdown(options=[("All paragraphs", 0)] + [(f"P{n}", n) for n in range(1, count + 1)],
                                          value=0, description="Show")
        self.shown = widgets.HTML()
        self.mode.observe(self._show, names="value")
        self.paragraph.observe(self._show, names="value")
        super().__init__([widgets.HBox([self.mode, self.paragraph]), self.shown])
        self._show()

    def _show(self, _change=None) -> None:
        chosen = [self.paragraph.value] if self.paragraph.value else None
        self.shown.value = reader.reader(self.corpus, self.mode.value, chosen).html

    def _repr_mimebundle_(self, **kwargs):
        """Live: the widget. Anywhere else: the text marked in each of the three ways."""
        bundle = super()._repr_mimebundle_(**kwargs)
        views = [(label, reader.reader(self.corpus, key)) for key, label in reader.MODES]
        bundle["text/plain"] = "\n\n".join(f"Highlighted by {label.lower()}\n{v.text}" for label, v in views)
        bundle["text/html"] = "".join(f"<h4>Highlighted by {label.lower()}</h4>{v.html}" for label, v in views)
        return bundle


def reader_view(corpus: Corpus | None = None, mode: str = "speaker") -> ReaderView:
    return ReaderView(corpus, mode)


def show_voices(corpus: Corpus | None = None) -> None:
    """Display the voices chart with its alt text, a caption that says what it shows, and its data table."""
    from IPython.display import display

    from .figures import voices_view

    figure_data, caption, table = voices_view(corpus or load())
    data, metadata = figure_data
    display(data, raw=True, metadata=metadata)
    display(caption)
    display(table)
