"""The one façade the notebooks use: every widget, figure and table of the course, from ``brink.views``.

The layers below it: :mod:`brink.core` (records, loading, checking, analysis, the journal; no widgets, no figures,
no HTML), :mod:`brink.static` (tables and cards as HTML and plain text: the static twins), then widgets and
figures here, and :mod:`brink.exports` (hand-in, handouts, keys, JSON, the command line).

Each view returns its root widget; the parts a test (or a curious student) may want to drive are
attributes of that widget, so ``view.paragraph.value = 7`` works as well as a click does. The static tables
are re-exported as they are: a notebook calls ``views.source_card(corpus)`` and gets the same block as print.
"""

from __future__ import annotations

from html import escape

import ipywidgets as widgets

from ..core import modes, timeline
from ..core.loading import load
from ..core.records import Corpus, Fact
from ..static import capstone_cards as capstone
from ..static import demands_tables as demands
from ..static import reader, render
from ..static.capstone_cards import claim_cards
from ..static.demands_tables import drafts_table, status_key
from ..static.documents_tables import corroboration_table, documents, documents_clock
from ..static.glossary import word_list as words
from ..static.reading_tables import hedges_table, quote_checks_table, sentences_table, verbs_table
from ..static.render import article, source_card, statements_table
from ..static.timeline_tables import calendar_strip, clocks_table, time_expressions_table
from .frontend import Live
from .questions import CheckView, ExerciseView, HandinBox, button_layout, handin_box, recheck_button, skills_check
from .questions import exercise as question

__all__ = [
    "CheckView",
    "DemandsBoard",
    "ExerciseView",
    "HandinBox",
    "ParagraphBrowser",
    "ReaderView",
    "RevealBox",
    "RoleCards",
    "TimelineView",
    "article",
    "calendar_strip",
    "claim_cards",
    "clocks_table",
    "corroboration_table",
    "demands_board",
    "documents",
    "documents_clock",
    "drafts_table",
    "handin_box",
    "hedges_table",
    "paragraph_browser",
    "question",
    "quote_checks_table",
    "reader_view",
    "reveal_box",
    "role_cards",
    "sentences_table",
    "show_stances",
    "show_timeline",
    "show_voices",
    "skills_check",
    "source_card",
    "statements_table",
    "status_key",
    "time_expressions_table",
    "timeline_view",
    "verbs_table",
    "words",
]

# What each view puts on screen, in the words exercises use for what they ask (``asks`` in the exercise files).
# A notebook may not show a view above a question that asks what the view shows (review P2); the tests check the
# order of every notebook against this table, and that every view of the façade is in it.
SHOWS: dict[str, frozenset[Fact]] = {
    "article": frozenset(),
    "source_card": frozenset({"genre"}),  # and the clocks of ``card_clocks``: see :func:`shows`
    "paragraph_browser": frozenset({"speaker", "form"}),
    "statements_table": frozenset({"speaker", "form"}),
    "reader_view": frozenset({"speaker", "form"}),
    "sentences_table": frozenset({"speaker", "form"}),
    "verbs_table": frozenset({"verb-kind"}),
    "hedges_table": frozenset({"hedge", "speaker"}),
    "quote_checks_table": frozenset(),
    "show_voices": frozenset({"speaker"}),
    "clocks_table": frozenset({"clock"}),
    "calendar_strip": frozenset(),  # weekdays only; the annotated teacher's strip is not in a notebook
    "time_expressions_table": frozenset({"date"}),
    "show_timeline": frozenset({"order", "date"}),
    "timeline_view": frozenset({"order", "date", "outcome"}),
    "demands_board": frozenset({"status", "speaker"}),  # and who the text lets say each item, or that no one does
    "show_stances": frozenset({"status", "speaker"}),
    "drafts_table": frozenset(),
    "role_cards": frozenset(),
    "claim_cards": frozenset(),
    "reveal_box": frozenset({"outcome"}),
    "documents": frozenset(),  # times as the pages show them; where each falls is the students' work
    "documents_clock": frozenset({"placement"}),
    "corroboration_table": frozenset({"relation"}),
    "status_key": frozenset(),  # meanings and everyday examples, never the text's items
    "words": frozenset(),  # meanings and everyday examples, never the text's answers
    "question": frozenset(),
    "handin_box": frozenset(),
    "skills_check": frozenset(),  # an invented post: nothing of the course text
}


def shows(view: str, corpus: Corpus) -> frozenset[Fact]:
    """What ``views.<view>(corpus)`` shows; the source card shows a clock question's answer only when it lists more
    than the publisher's own clock."""
    extra: frozenset[Fact] = frozenset({"clock"}) if view == "source_card" and len(corpus.article.card_clocks) > 1 \
        else frozenset()
    return SHOWS[view] | extra


class ParagraphBrowser(Live, widgets.VBox):
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

    def static_twin(self) -> render.Static:
        """Every paragraph with its statements."""
        views = [render.paragraph_view(self.corpus, n) for n in range(1, self._count + 1)]
        return render.Static("".join(v.html for v in views), "\n\n".join(v.text for v in views))

    def _show(self, _change=None) -> None:
        number = self.paragraph.value
        self.shown.value = render.paragraph_view(self.corpus, number).html
        self.previous.disabled = number == 1
        self.next.disabled = number == self._count


def paragraph_browser(corpus: Corpus | None = None, start: int = 1) -> ParagraphBrowser:
    """A paragraph browser for the article (the package's own data unless ``corpus`` is given)."""
    return ParagraphBrowser(corpus, start)


class ReaderView(Live, widgets.VBox):
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

    def static_twin(self) -> render.Static:
        """The text marked in each of the three ways."""
        views = [(label, reader.reader(self.corpus, key)) for key, label in reader.MODES]
        return render.Static("".join(f"<h4>Highlighted by {label.lower()}</h4>{v.html}" for label, v in views),
                             "\n\n".join(f"Highlighted by {label.lower()}\n{v.text}" for label, v in views))


def reader_view(corpus: Corpus | None = None, mode: str = "speaker") -> ReaderView:
    return ReaderView(corpus, mode)


def _show_figure_view(parts) -> None:
    """Display a figure (PNG with alt text), then its caption, then its data table."""
    from IPython.display import display

    (data, metadata), caption, table = parts
    display(data, raw=True, metadata=metadata)
    display(caption)
    display(table)


def _show_absent(file: str, what: str) -> None:
    from IPython.display import display

    display(render.absent(file, what))


def show_voices(corpus: Corpus | None = None) -> None:
    """Display the voices chart with its alt text, a caption that says what it shows, and its data table."""
    from .figures import voices_view

    _show_figure_view(voices_view(corpus or load()))


def show_timeline(corpus: Corpus | None = None, period: str | None = None) -> None:
    """The timeline at the moment of publication: nothing later is shown. For the hindsight section, use timeline_view."""
    from .figures import timeline_view as figure_view

    corpus = corpus or load()
    if not corpus.events:
        return _show_absent("events.toml", "timeline")
    _show_figure_view(figure_view(corpus, None, period))


def _day(corpus: Corpus) -> str:
    return f"{corpus.article.published.day} {corpus.article.published:%B}"


def held(corpus: Corpus) -> render.Static:
    """The static twin of a held section: what prints, exports and stays in a saved notebook."""
    words = (f"Held back on purpose. This section shows what happened after {_day(corpus)} "
             f"{corpus.article.published:%Y}. It opens only in the live notebook, when you choose to open it; in a "
             "class, when your teacher opens it.")
    first, rest = words.split(". ", 1)
    return render.Static(f"<p><strong>{escape(first)}.</strong> {escape(rest)}</p>", words)


def classroom_hold(corpus: Corpus) -> str:
    return ("<p><strong>Classroom mode:</strong> your teacher will open this section after the class has discussed "
            f"what could be known on {escape(_day(corpus))}. When your teacher says it is open, press the button "
            "again.</p>")


class TimelineView(Live, widgets.VBox):
    """The timeline with a knowledge cut-off slider: move it on purpose to reveal what happened next.

    It is hindsight, so it is held like the capstone's reveal: in classroom mode the slider stays at the moment of
    publication until the teacher releases the reveals, and its static twin (what prints, exports and is stored in
    the notebook) never shows a later event.
    """

    def __init__(self, corpus: Corpus | None = None, period: str | None = None, notebook: str | None = None):
        self.corpus, self.notebook = corpus or load(), notebook
        self.recheck: widgets.Button | None = None
        self.cutoff = widgets.SelectionSlider(
            options=[(c.label(self.corpus), c) for c in timeline.cutoffs(self.corpus)],
            value=timeline.publication(self.corpus), description="Knowledge cut-off", continuous_update=False,
            layout=widgets.Layout(width="95%"), style={"description_width": "initial"})
        self.period = widgets.Dropdown(options=[(label, key) for key, (label, _, _) in timeline.periods(self.corpus).items()],
                                       value=timeline.period(self.corpus, period)[0], description="Period")
        self.held = widgets.HTML()
        self.shown = widgets.HTML()
        self.cutoff.observe(self._show, names="value")
        self.period.observe(self._show, names="value")
        super().__init__([self.held, self.cutoff, self.period, self.shown])
        modes.listen(self)
        self.refresh_reveal()

    def refresh_reveal(self) -> None:
        """In classroom mode, hold the slider at publication until the teacher releases the reveals."""
        allowed = modes.reveals_allowed(self.notebook)
        if not allowed:
            self.cutoff.value = timeline.publication(self.corpus)
            if self.recheck is None:  # made only when held
                self.recheck = recheck_button(self.refresh_reveal)
                self.children = (self.held, self.recheck, *self.children[1:])
        if self.recheck is not None:
            self.recheck.layout.display = "none" if allowed else None
        self.cutoff.disabled = not allowed
        self.held.value = "" if allowed else classroom_hold(self.corpus)
        self._show()

    def _show(self, _change=None) -> None:
        from .figures import timeline_view as figure_view

        # One drawn figure per period, shared with the static timeline above and reused on every move.
        (data, _), caption, table = figure_view(self.corpus, self.cutoff.value, self.period.value)
        self.shown.value = data["text/html"] + caption.html + table.html

    def static_twin(self) -> render.Static:
        """Held: hindsight never prints, exports or stays in a saved notebook."""
        return held(self.corpus)


def timeline_view(corpus: Corpus | None = None, period: str | None = None, notebook: str | None = None) -> TimelineView:
    """The hindsight timeline; ``notebook`` names the notebook it sits in, so a release for it opens it."""
    return TimelineView(corpus, period, notebook)



def show_stances(corpus: Corpus | None = None) -> None:
    """The stance matrix with its alt text, caption and table."""
    from .figures import stance_view

    corpus = corpus or load()
    if not corpus.issues:
        return _show_absent("stances.toml", "stance matrix")
    _show_figure_view(stance_view(corpus))


class DemandsBoard(Live, widgets.VBox):
    """The demands board, filtered by side and by status."""

    def __init__(self, corpus: Corpus | None = None):
        self.corpus = corpus or load()
        self.side = widgets.Dropdown(options=[("All sides", "")] + [(p.label, p.id) for p in self.corpus.board],
                                     value="", description="Side")
        self.status = widgets.Dropdown(options=[("Any status", "")]
                                       + [(demands.status_label(key), key) for key in demands.STATUS],
                                       value="", description="Status")
        self.shown = widgets.HTML()
        self.side.observe(self._show, names="value")
        self.status.observe(self._show, names="value")
        super().__init__([widgets.HBox([self.side, self.status]), self.shown])
        self._show()

    def _show(self, _change=None) -> None:
        self.shown.value = demands.board_view(self.corpus, self.side.value or None, self.status.value or None).html

    def static_twin(self) -> render.Static:
        """The whole board."""
        return demands.board_view(self.corpus)


def demands_board(corpus: Corpus | None = None) -> DemandsBoard:
    return DemandsBoard(corpus)


class RoleCards(Live, widgets.VBox):
    """Choose a role for the decision-point activity and read its card."""

    def __init__(self, corpus: Corpus | None = None):
        self.corpus = corpus or load()
        self.role = widgets.Dropdown(options=[(r.title, r.id) for r in self.corpus.roles], description="Your role",
                                     style={"description_width": "initial"}, layout=widgets.Layout(width="36em"))
        self.shown = widgets.HTML()
        self.role.observe(self._show, names="value")
        super().__init__([self.role, self.shown])
        self._show()

    def _show(self, _change=None) -> None:
        role = next((r for r in self.corpus.roles if r.id == self.role.value), None)
        self.shown.value = demands.role_card(self.corpus, role).html if role else demands.role_cards(self.corpus).html

    def static_twin(self) -> render.Static:
        """Every role card."""
        return demands.role_cards(self.corpus)


def role_cards(corpus: Corpus | None = None) -> RoleCards:
    return RoleCards(corpus)


class RevealBox(Live, widgets.VBox):
    """What happened next, opened on purpose with a button; in classroom mode only after the teacher releases it."""

    def __init__(self, corpus: Corpus | None = None, notebook: str | None = None):
        self.corpus, self.notebook = corpus or load(), notebook
        self.button = widgets.Button(description="Show what happened next", icon="eye",
                                     tooltip="Open the hindsight section", layout=button_layout())
        self.shown = widgets.HTML()
        self.opened = False
        self.button.on_click(lambda _: self.reveal())
        super().__init__([self.button, self.shown])
        modes.listen(self)
        self.refresh_reveal()

    def reveal(self) -> None:
        """What the button does (not named ``open``: ipywidgets uses that name for its own connection)."""
        self.opened = True
        self.refresh_reveal()

    def refresh_reveal(self) -> None:
        """Held in classroom mode until release. The button stays live: pressing it asks again, so a class-wide
        release reaches a student without a restart."""
        if not modes.reveals_allowed(self.notebook):
            self.button.disabled = False
            self.shown.value = classroom_hold(self.corpus) if self.opened else ""
        else:
            self.button.disabled = self.opened
            self.shown.value = capstone.outcomes(self.corpus).html if self.opened else ""

    def static_twin(self) -> render.Static:
        """Held: the reveal opens only in the live notebook, never in print, an export or a saved notebook."""
        return held(self.corpus)


def reveal_box(corpus: Corpus | None = None, notebook: str | None = None) -> RevealBox:
    """The capstone's reveal; ``notebook`` names the notebook it sits in, so a release for it opens it."""
    return RevealBox(corpus, notebook)
