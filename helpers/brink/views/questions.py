"""Exercise widgets: controls wired to :mod:`brink.core.checking` and :mod:`brink.core.journal`.

One view serves every type. Factual items have a Check button and may be retried; every check is
an attempt in the journal. Judgement items (and predictions) have a Commit button: the answer is
saved and locked, the model answer opens (unless the class is in classroom mode), and a new
attempt is a new, separately saved answer. Displayed anywhere without a live kernel, a view falls
back to its static twin, so a printed or exported notebook still shows the question.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from html import escape
from types import SimpleNamespace
from typing import Any

import ipywidgets as widgets

from ..core import modes
from ..core.checking import INCOMPLETE, check, describe, fits, from_json, problem_with
from ..core.journal import Journal
from ..core.loading import load
from ..core.records import KINDS, Corpus, Exercise
from ..static import check_forms, exercise_render
from ..static.render import Static, absent
from .frontend import FEEDBACK_CLASS, Live

WIDE = widgets.Layout(width="95%")  # shared by many controls: one layout model instead of one each
NARROW = widgets.Layout(width="24em")


def button_layout() -> widgets.Layout:
    """A button as wide as its label, at the start of its row: in a column, flexbox would stretch it across."""
    return widgets.Layout(width="auto", align_self="flex-start")


@lru_cache(maxsize=1)
def shared() -> SimpleNamespace:
    """Layouts and styles that many widgets can share. Each widget would otherwise bring its own pair of
    models, and a notebook of questions would send the browser hundreds of identical ones."""
    from ipywidgets.widgets.widget_bool import CheckboxStyle
    from ipywidgets.widgets.widget_description import DescriptionStyle
    from ipywidgets.widgets.widget_string import HTMLStyle, TextStyle

    return SimpleNamespace(plain=widgets.Layout(), auto=button_layout(), html=HTMLStyle(),
                           button=widgets.ButtonStyle(), checkbox=CheckboxStyle(),
                           description=DescriptionStyle(), initial=DescriptionStyle(description_width="initial"),
                           text=TextStyle(description_width="initial"),
                           boxes={lines: widgets.Layout(width="95%", height=f"{lines}em") for lines in (3.5, 5, 8)})
PLACEHOLDER = "— choose —"


def _jsonable(answer: Any) -> Any:
    if isinstance(answer, (set, frozenset)):
        return sorted(answer)
    if isinstance(answer, tuple):
        return [_jsonable(a) for a in answer]
    return answer


class ExerciseView(Live, widgets.VBox):
    """A question: prompt, controls, a Check or Commit button, feedback, and the model answer."""

    def __init__(self, exercise: Exercise, corpus: Corpus, journal: Journal | None = None, number: int | None = None,
                 gate: Callable[[], bool] | None = None, on_commit: Callable[[], None] | None = None):
        self.exercise, self.corpus, self.number = exercise, corpus, number
        self.journal = journal or Journal(exercise.notebook)
        self.gate = gate  # when set, the feedback also waits until it says yes (the check: every item committed)
        self.on_commit = on_commit  # called after each commit (the check: the last one opens every item's feedback)
        self.committed = False
        self._static = exercise_render.static(corpus, exercise, number)
        share = shared()
        self.prompt = widgets.HTML(exercise_render.prompt_html(corpus, exercise, number), layout=share.plain,
                                   style=share.html)
        controls, self._get, self._set, self._inputs = _build_controls(corpus, exercise)
        if exercise.justify:
            controls, self._get, self._set = _with_evidence(exercise, controls, self._get, self._set, self._inputs)
        judgement = exercise.judgement
        self.button = widgets.Button(
            description="Commit my answer" if judgement else "Check",
            icon="lock" if judgement else "check", button_style="",
            tooltip="Save this answer and lock it in" if judgement else "Check this answer",
            layout=share.auto, style=share.button,
        )
        # The feedback is a live region, so it exists before the answer (U5); the other parts are made when they
        # first have something to show: a notebook of questions stays under 150 widget models (issue 18).
        self.feedback = widgets.HTML(layout=share.plain, style=share.html)
        self.feedback.add_class(FEEDBACK_CLASS)
        self._controls = controls
        self._parts: dict[str, widgets.Widget] = {}
        self.button.on_click(lambda _: self.submit())
        super().__init__([self.prompt, controls, self.button, self.feedback], layout=share.plain)
        self.add_class("brink-exercise")
        self._restore()
        modes.listen(self)

    # -- parts made on demand ----------------------------------------------------------------------
    PART_ORDER = ("again", "model", "status", "recheck")

    def _part(self, name: str) -> widgets.Widget:
        if name not in self._parts:
            share = shared()
            if name == "again":
                part = widgets.Button(description="Start a new attempt", icon="redo",
                                      tooltip="Unlock the answer; your committed answer stays saved",
                                      layout=button_layout(), style=share.button)
                part.on_click(lambda _: self.new_attempt())
            elif name == "recheck":
                part = recheck_button(self.refresh_reveal)
            else:
                part = widgets.HTML(layout=share.plain, style=share.html)
            self._parts[name] = part
            again = [self._parts["again"]] if "again" in self._parts else []
            later = [self._parts[n] for n in ("model", "status", "recheck") if n in self._parts]
            self.children = (self.prompt, self._controls, self.button, *again, self.feedback, *later)
        return self._parts[name]

    def _say(self, name: str, html: str) -> None:
        """Set the model answer or the status line; an empty one is not made just to be emptied."""
        if html or name in self._parts:
            self._part(name).value = html

    @property
    def again(self) -> widgets.Button:
        return self._part("again")

    @property
    def model(self) -> widgets.HTML:
        return self._part("model")

    @property
    def status(self) -> widgets.HTML:
        return self._part("status")

    @property
    def recheck(self) -> widgets.Button | None:
        return self._parts.get("recheck")

    # -- what a student does ---------------------------------------------------------------------
    @property
    def answer(self) -> Any:
        return self._get()

    @answer.setter
    def answer(self, value: Any) -> None:
        self._set(value)

    def submit(self) -> None:
        """Check (factual) or commit (judgement) the current answer."""
        answer = self._get()
        problem = problem_with(self.exercise, answer)
        if problem:
            self.feedback.value = exercise_render.feedback_html(check(self.exercise, answer))
            self._say("status", "<p>Nothing was saved yet.</p>")
            return
        result = check(self.exercise, answer)
        kind = "commit" if self.exercise.judgement else "check"
        # A held judgement saves no verdict: the journal and every hand-in stay silent until release (R6).
        verdict = result.verdict if not self.exercise.judgement or self._open() else ""
        saved = self.journal.record(self.exercise.id, _jsonable(answer), kind=kind, verdict=verdict)
        self._show_saved(saved.ok, saved.attempt, saved.message)
        if self.exercise.judgement:
            self._lock(True)
            self.refresh_reveal()
            if self.on_commit is not None:
                self.on_commit()
        else:
            self._show_check(result)

    def new_attempt(self) -> None:
        """Unlock a committed answer; it stays in the journal, and the next commit is a new attempt."""
        self._lock(False)
        self.feedback.value = ""
        self._say("model", "")
        self._say("status", "<p>Your committed answer is still saved. Change it and commit again to save a new attempt.</p>")

    def _open(self) -> bool:
        return (self.gate is None or self.gate()) and modes.reveals_allowed(self.exercise.notebook)

    def refresh_reveal(self) -> None:
        """Show or hold back the model answer, following the mode (called when the teacher changes it, and when the
        student asks whether the answers are open yet)."""
        if not self.committed:
            return
        if self._open():
            result = check(self.exercise, self._get())
            self.feedback.value = exercise_render.feedback_html(result)
            self._say("model", exercise_render.model_answer_html(self.exercise))
            if self.recheck is not None:
                self.recheck.layout.display = "none"
        elif self.gate is not None and not self.gate():  # opens by itself with the last commit: nothing to ask
            self.feedback.value = ('<div class="brink-feedback"><p><strong>✎ Answer saved.</strong> The feedback opens '
                                   "when you have committed every question of this check.</p></div>")
            self._say("model", "")
        else:
            self.feedback.value = ('<div class="brink-feedback"><p><strong>✎ Answer saved.</strong> The model answer opens '
                                   "after your class has discussed this question.</p></div>")
            self._say("model", "")
            self._show_recheck()

    def _show_recheck(self) -> None:
        """A button to ask again, made only when an answer is held: most questions never need one."""
        self._part("recheck").layout.display = None

    # -- internals ---------------------------------------------------------------------------------
    def _show_check(self, result) -> None:
        self.feedback.value = exercise_render.feedback_html(result)
        self._say("model", exercise_render.model_answer_html(self.exercise) if result.verdict == "right" else "")

    def _show_saved(self, ok: bool, attempt: int, message: str) -> None:
        if ok:
            line = f"Saved as attempt {attempt} in <code>{escape(str(self.journal.path))}</code>."
            self._say("status", f"<p>{line}</p>" + (f"<p>⚠ {escape(message)}</p>" if message else ""))
        else:
            self._say("status", f'<p role="alert">⚠ {escape(message)}</p>')

    def _lock(self, locked: bool) -> None:
        self.committed = locked
        for control in self._inputs:
            control.disabled = locked
        self.button.disabled = locked
        if locked or "again" in self._parts:
            self.again.layout.display = None if locked else "none"

    def _restore(self) -> None:
        latest = self.journal.latest(self.exercise.id)
        if latest is None:
            return
        saved = latest.get("answer")
        try:
            shown = fits(self.exercise, saved)
            if shown:
                self._set(from_json(self.exercise, saved))
        except Exception: # a saved answer must never stop a question from opening
            shown = False
        if not shown:
            self._set(None)
            self._say("status", "<p>⚠ Your saved answer no longer fits this question (the course may have changed "
                                 "since you saved it), so it is not shown; it is still in your answers file. Answer "
                                 "again below.</p>")
            return
        when = escape(str(latest.get("time", ""))[:16].replace("T", " "))
        self._say("status", f"<p>Your saved answer (attempt {latest.get('attempt', '?')}, {when}) is shown. "
                            f"{escape(describe(self.exercise, self._get()))[:300]}</p>")
        if self.exercise.judgement and latest.get("kind") == "commit":
            self._lock(True)
            self.refresh_reveal()
        elif not self.exercise.judgement:
            result = check(self.exercise, self._get())
            if result.verdict != INCOMPLETE:
                self._show_check(result)

    def static_twin(self) -> Static:
        """The printable question: prompt, options, space to write."""
        return self._static


def recheck_button(action: Callable[[], None]) -> widgets.Button:
    """"Has my teacher opened it?": re-reads the class's release, with no restart and nothing else to run."""
    button = widgets.Button(description="Has my teacher opened it?", icon="refresh",
                            tooltip="Check whether your teacher has opened the answers for the class",
                            layout=button_layout(), style=shared().button)
    button.on_click(lambda _: action())
    return button


Controls = tuple[widgets.Widget, Callable[[], Any], Callable[[Any], None], list[widgets.Widget]]


def _build_controls(corpus: Corpus, exercise: Exercise) -> Controls:
    """The input widgets for one exercise: (layout, get answer, set answer, inputs to lock)."""
    return CONTROLS[KINDS[exercise.type].shape](exercise)


def _one_controls(exercise: Exercise) -> Controls:
    radio = widgets.RadioButtons(options=[(exercise_render.option_label(exercise, n), o.id)
                                          for n, o in enumerate(exercise.options)], value=None,
                                 description="Answer", layout=WIDE, style=shared().initial)

    def set_single(value):
        radio.value = value

    return radio, lambda: radio.value, set_single, [radio]


def _many_controls(exercise: Exercise) -> Controls:
    boxes = [widgets.Checkbox(value=False, description=exercise_render.option_label(exercise, n), indent=False,
                              layout=WIDE, style=shared().checkbox) for n in range(len(exercise.options))]
    ids = [o.id for o in exercise.options]

    def set_many(value):
        chosen = set(value or ())
        for box, option_id in zip(boxes, ids, strict=True):
            box.value = option_id in chosen

    return (widgets.VBox(boxes, layout=shared().plain), lambda: {i for i, b in zip(ids, boxes, strict=True) if b.value}, set_many, boxes)


def _classify_controls(exercise: Exercise) -> Controls:
    options = [(PLACEHOLDER, None)] + [(c.label, c.id) for c in exercise.categories]
    rows, menus = [], []
    for n, item in enumerate(exercise.items, start=1):  # flat rows: fewer widgets for the browser to build
        menu = widgets.Dropdown(options=options, value=None, description=f"Item {n}", layout=NARROW,
                                style=shared().description)
        menus.append(menu)
        rows += [widgets.HTML(f"<p><strong>Item {n}.</strong> {escape(item.text)}</p>", layout=WIDE,
                              style=shared().html), menu]
    ids = [i.id for i in exercise.items]

    def set_classes(value):
        for menu, item_id in zip(menus, ids, strict=True):
            menu.value = (value or {}).get(item_id)

    return (widgets.VBox(rows, layout=shared().plain), lambda: {i: m.value for i, m in zip(ids, menus, strict=True) if m.value},
            set_classes, menus)


def _order_controls(exercise: Exercise) -> Controls:
    options = [(PLACEHOLDER, None)] + [(i.text, i.id) for i in exercise.items]
    menus = [widgets.Dropdown(options=options, value=None, description=f"Position {n}", layout=WIDE,
                              style=shared().initial)
             for n in range(1, len(exercise.items) + 1)]

    def set_order(value):
        value = list(value or [])
        for n, menu in enumerate(menus):
            menu.value = value[n] if n < len(value) else None

    return widgets.VBox(menus, layout=shared().plain), lambda: [m.value for m in menus], set_order, menus


def _rating_controls(exercise: Exercise) -> Controls:
    radio = widgets.RadioButtons(options=[(f"{n}: {label}", n) for n, label in enumerate(exercise.scale)],
                                 value=None, description="Rating", layout=WIDE, style=shared().initial)
    why = widgets.Textarea(description="Why?", placeholder="One sentence: which words in the text made you choose this?",
                           layout=shared().boxes[5], style=shared().text)

    def set_rating(value):
        point, reason = value if value else (None, "")
        radio.value, why.value = point, reason or ""

    return widgets.VBox([radio, why], layout=shared().plain), lambda: (radio.value, why.value), set_rating, [radio, why]


def _text_controls(exercise: Exercise) -> Controls:
    box = widgets.Textarea(description="Your answer", placeholder="Write here.",
                           layout=shared().boxes[8], style=shared().text)

    def set_text(value):
        box.value = value or ""

    return box, lambda: box.value, set_text, [box]


# The controls for each answer shape: the views' registry, keyed like every other.
CONTROLS: dict[str, Callable[[Exercise], Controls]] = {
    "one": _one_controls,
    "many": _many_controls,
    "classify": _classify_controls,
    "order": _order_controls,
    "rating": _rating_controls,
    "text": _text_controls,
}


def _with_evidence(exercise: Exercise, controls, get, put, inputs):
    """Add a one-line evidence box: the answer becomes (choice, evidence)."""
    box = widgets.Textarea(description="Evidence", placeholder=exercise.justify,
                           layout=shared().boxes[3.5], style=shared().text)
    inputs.append(box)

    def set_both(value):
        base, reason = value if isinstance(value, (tuple, list)) and len(value) == 2 else (value, "")
        put(base)
        box.value = reason or ""

    return widgets.VBox([controls, box], layout=shared().plain), lambda: (get(), box.value), set_both


def exercise(exercise_id: str, corpus: Corpus | None = None, journal: Journal | None = None) -> ExerciseView:
    """The widget for one exercise, numbered by its place in its notebook's file (an item of the check, in its form)."""
    corpus = corpus or load()
    found = corpus.exercise(exercise_id)
    siblings = corpus.check_items(found.check_form) if found.check_form else corpus.exercises_for(found.notebook)
    return ExerciseView(found, corpus, journal, number=siblings.index(found) + 1)


class CheckView(Live, widgets.VBox):
    """One form of the before-and-after check: the invented post, then its items, each committed once.

    The items are the same question widgets as the course's, numbered from 1 within the form, so a student meets
    nothing new; what is different is said in the notebook above it (answer once, no grade)."""

    def __init__(self, form_id: str, corpus: Corpus, journal: Journal | None = None):
        self.corpus, self.form = corpus, corpus.check_form(form_id)
        self.journal = journal or Journal(self.form.notebook)
        self.items = corpus.check_items(form_id)
        self.post = widgets.HTML(check_forms.post(self.form).html, layout=shared().plain, style=shared().html)
        self.questions = [ExerciseView(item, corpus, self.journal, number=n, gate=self.all_committed,
                                       on_commit=self.refresh_reveal)
                          for n, item in enumerate(self.items, start=1)]
        super().__init__([self.post, *self.questions], layout=shared().plain)
        self.add_class("brink-check")

    def all_committed(self) -> bool:
        """Feedback waits for the whole form: feedback on one item would teach the next (a check measures), so each
        student's first answers are their own. Read from the journal, so a restart changes nothing."""
        return all((row := self.journal.latest(item.id)) is not None and row.get("kind") == "commit"
                   for item in self.items)

    def refresh_reveal(self) -> None:
        for question in self.questions:
            question.refresh_reveal()

    def static_twin(self) -> Static:
        return check_forms.check_form(self.corpus, self.form.id)


def skills_check(corpus: Corpus | None = None, form: str = "A", journal: Journal | None = None) -> CheckView | Static:
    """Form ``form`` of the before-and-after check (``data/check.toml``); for a text without one, a note saying so."""
    corpus = corpus or load()
    if not corpus.check_forms:
        return absent("check.toml", "before-and-after check")
    if form not in {f.id for f in corpus.check_forms}:
        raise ValueError(f"there is no form {form!r} of the check: use one of "
                         + ", ".join(repr(f.id) for f in corpus.check_forms))
    return CheckView(form, corpus, journal)


class HandinBox(Live, widgets.VBox):
    """A button that writes every saved answer to one HTML and one Markdown file for hand-in."""

    def __init__(self, folder=None, corpus: Corpus | None = None):
        self.folder, self.corpus = folder, corpus
        self.button = widgets.Button(description="Save my answers for hand-in", icon="download",
                                     tooltip="Write all your saved answers to one file", layout=button_layout())
        self.status = widgets.HTML()
        self.status.add_class(FEEDBACK_CLASS)  # a live region, so a screen reader hears where the file went
        self.button.on_click(lambda _: self.export())
        super().__init__([self.button, self.status])

    def export(self) -> None:
        from ..exports.handin import HandinError, write_handin

        try:
            result = write_handin(self.folder, corpus=self.corpus)
        except HandinError as error:
            self.status.value = f'<p role="alert">⚠ {escape(str(error))}</p>'
            return
        except OSError as error:
            self.status.value = (f'<p role="alert">⚠ The file could not be written ({escape(str(error))}). Your '
                                 "answers are safe in their answers files, and any earlier hand-in file is unchanged.</p>")
            return
        paths = result.paths
        named = [f'<a href="{escape(_relative(p))}" download>{escape(p.name)}</a>' for p in paths]
        links = ", ".join(named[:-1]) + " and " + named[-1] if len(named) > 1 else "".join(named)
        if result.unreadable:
            self.status.value = f'<p role="alert">⚠ {escape(result.summary(" and ".join(p.name for p in paths)))}</p>'
            return
        self.status.value = (f"<p>✔ Written: {links}, in <code>{escape(str(paths[0].parent))}</code>. Download the one "
                             "your teacher asks for (right-click ▸ Download in the file browser) and hand it in: the "
                             ".json file is what your teacher's class report reads; the .html file is for reading.</p>")

    def static_twin(self) -> Static:
        return Static("<p class=\"brink-handin\">To hand in your answers, use this button in the live notebook, or run "
                      "<code>python -m brink journal export</code>; either writes "
                      "<code>my-answers/brink-answers.html</code>.</p>",
                      "To hand in your answers, use this button in the live notebook, or run "
                      "python -m brink journal export; either writes my-answers/brink-answers.html.")


def _relative(path) -> str:
    import os

    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def handin_box(folder=None, corpus: Corpus | None = None) -> HandinBox:
    """The hand-in button: writes my-answers/brink-answers.html and .md from every saved answer."""
    return HandinBox(folder, corpus)
