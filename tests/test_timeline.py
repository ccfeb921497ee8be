"""Resolving time words, the knowledge cut-off, and the timeline with its twins."""

import datetime as dt
from pathlib import Path

import matplotlib.pyplot as plt
import nbformat
import pytest
from nbclient import NotebookClient

import brink
from brink import views
from brink.core import modes, timeline
from brink.core.timing import Refusal, Resolution, resolve
from brink.static import timeline_tables
from brink.views import figures as figures

CORPUS = brink.load()
FRIDAY = dt.date(2022, 1, 28)
NOTEBOOK = Path(__file__).parents[1] / "notebooks" / "02-timeline.ipynb"


@pytest.mark.parametrize(("phrase", "tense", "expected"), [
    ("on Friday", "past", (FRIDAY, FRIDAY, "day")),
    ("On Wednesday", "past", (dt.date(2022, 1, 26), dt.date(2022, 1, 26), "day")),
    ("on Wednesday", "future", (dt.date(2022, 2, 2), dt.date(2022, 2, 2), "day")),
    ("on Friday", "future", (dt.date(2022, 2, 4), dt.date(2022, 2, 4), "day")),
    ("in December", "past", (dt.date(2021, 12, 1), dt.date(2021, 12, 31), "month")),
    ("in February", "future", (dt.date(2022, 2, 1), dt.date(2022, 2, 28), "month")),
    ("in January", "past", (dt.date(2022, 1, 1), dt.date(2022, 1, 31), "month")),
    ("earlier this month", "past", (dt.date(2022, 1, 1), dt.date(2022, 1, 27), "range")),
    ("later this month", "future", (dt.date(2022, 1, 29), dt.date(2022, 1, 31), "range")),
    ("yesterday", "past", (dt.date(2022, 1, 27), dt.date(2022, 1, 27), "day")),
    ("in the coming weeks", "future", (FRIDAY, None, "open")),
    ("at least for now", "future", (FRIDAY, None, "open")),
])
def test_rules(phrase, tense, expected):
    result = resolve(phrase, FRIDAY, tense)
    assert isinstance(result, Resolution) and (result.earliest, result.latest, result.precision) == expected
    assert result.clue


@pytest.mark.parametrize(("phrase", "tense", "why"), [
    ("a day after", "past", "another event"),
    ("has signaled", "present", "tense alone"),
    ("impending", "future", "tense alone"),
    ("on Friday", "present", "either way"),
    ("in December", "none", "either way"),
    ("on Friday in December", "past", "more than one"),
])
def test_refusals_say_why(phrase, tense, why):
    result = resolve(phrase, FRIDAY, tense)
    assert isinstance(result, Refusal) and why in result.reason


def test_feedback_style_clue_names_the_tense_and_the_count():
    assert "past tense" in resolve("On Wednesday", FRIDAY, "past").clue
    assert "news style names a weekday only within about a week" in resolve("On Friday", FRIDAY, "past").clue
    assert "2 days earlier" in resolve("On Wednesday", FRIDAY, "past").clue


def test_every_annotation_agrees_with_the_rules_or_says_why_not():
    for t in CORPUS.time_expressions:
        result = resolve(t.phrase.text, CORPUS.article.published, t.tense)
        if isinstance(result, Resolution):
            assert (t.earliest, t.latest, t.precision) == (result.earliest, result.latest, result.precision), t.id
            assert not t.not_by_rule
        else:
            assert t.not_by_rule, t.id


def test_check_reports_a_date_the_rules_contradict(data_copy):
    from datafiles import edit

    edit(data_copy, "time_expressions.toml", "earliest = 2022-01-26\nlatest = 2022-01-26\nprecision = \"day\"\ntense = \"past\"",
         "earliest = 2022-02-02\nlatest = 2022-02-02\nprecision = \"day\"\ntense = \"past\"")
    messages = [str(p) for p in brink.check(data_copy)]
    assert any("t07-on-wednesday · earliest: the date rules give 2022-01-26" in m for m in messages)


def test_date_exercises_take_their_answers_from_the_annotations():
    for exercise in CORPUS.exercises_for("02-timeline"):
        if exercise.type == "date":
            t = CORPUS.time_expression(exercise.time_expression)
            right = next(o for o in exercise.options if o.correct)
            assert (right.value == t.earliest) if t.precision == "day" else right.id == "cant-tell"


def test_cutoff_at_publication_shows_only_what_a_reader_could_know():
    at_publication = timeline.events_shown(CORPUS, timeline.publication(CORPUS), "since-1997")
    assert all(e.date <= CORPUS.article.published for e in at_publication)
    assert all(e.known_on_publication is not False for e in at_publication)
    uncertain = [e.id for e in at_publication if timeline.uncertain(e, timeline.publication(CORPUS))]
    assert uncertain == ["cx-2022-01-28-putin-macron-call", "cx-2022-01-28-zelensky-press-conference"]
    later = [e for e in CORPUS.events if e.date > CORPUS.article.published]
    assert later and timeline.hidden_count(CORPUS, timeline.publication(CORPUS)) == len(later)


def test_cutoffs_run_from_publication_to_the_invasion():
    cuts = timeline.cutoffs(CORPUS)
    assert cuts[0].at_publication and cuts[-1].day == dt.date(2022, 2, 24)
    assert timeline.hidden_count(CORPUS, cuts[-1]) == 0
    feb_15 = next(c for c in cuts if c.day == dt.date(2022, 2, 15))
    titles = [e.id for e in timeline.events_shown(CORPUS, feb_15)]
    assert "cx-2022-02-15-scholz-in-moscow" in titles and "cx-2022-02-17-russian-reply" not in titles


def test_date_labels():
    labels = {e.id: timeline.date_label(e) for e in CORPUS.events}
    assert labels["tx-responses-delivered"] == "26 Jan 2022"
    assert labels["tx-demands-december"] == "Dec 2021"
    assert labels["cx-1999-enlargement"] == "1999"
    assert labels["cx-2022-02-10-allied-resolve"] == "10–20 Feb 2022"
    assert labels["cx-2021-autumn-buildup"] == "Oct–Nov 2021"
    assert labels["cx-2021-spring-buildup"] == "1 Mar 2021 – 22 Apr 2021"


def test_timeline_figure_marks_text_and_context_differently_and_draws_spans_as_bars():
    before = plt.get_fignums()
    figure = figures.timeline_figure(CORPUS)
    assert plt.get_fignums() == before
    ax = figure.axes[0]
    shown = timeline.events_shown(CORPUS, timeline.publication(CORPUS))
    labels = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
    assert len(labels) == len(shown)
    assert sum(label.startswith("■") for label in labels) == sum(e.origin == "text" for e in shown)
    spans = sum(bool(e.end_date and e.end_date != e.date) for e in shown)
    assert sum(p.get_visible() for p in ax.patches) == spans
    legend = [t.get_text() for t in figure.legends[0].get_texts()]
    assert legend == ["■ reported in the text", "○ context from other sources"]


def test_alt_text_and_table_follow_the_cutoff():
    at_publication = timeline_tables.timeline_alt(CORPUS, timeline.publication(CORPUS))
    assert at_publication.startswith("Timeline chart") and "later events are hidden" in at_publication
    table = timeline_tables.events_table(CORPUS, timeline.publication(CORPUS)).text
    assert "Lavrov's interview" in table and "full-scale invasion" not in table
    end = timeline_tables.events_table(CORPUS, timeline.cutoffs(CORPUS)[-1]).text
    assert "Russia launches a full-scale invasion of Ukraine" in end and "AP, 24 Feb 2022" in end


def test_timeline_widget_reveals_later_events_only_when_moved():
    view = views.timeline_view(CORPUS)
    assert view.cutoff.description == "Knowledge cut-off"
    assert "full-scale invasion" not in view.shown.value and 'alt="Timeline chart' in view.shown.value
    view.cutoff.value = timeline.cutoffs(CORPUS)[-1]
    assert "Russia launches a full-scale invasion of Ukraine" in view.shown.value
    view.period.value = "since-1997"
    assert "NATO and Russia sign the Founding Act in Paris" in view.shown.value


def test_no_later_event_is_visible_before_the_hindsight_section():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    reveal = next(i for i, c in enumerate(nb.cells) if c.cell_type == "markdown" and c.source.startswith("## Hindsight"))
    later = [e for e in CORPUS.events if e.known_on_publication is False]

    def shown(cells):
        parts = []
        for cell in cells:
            parts.append(cell.source if cell.cell_type == "markdown" else "")
            for output in cell.get("outputs", []):
                parts += [str(v) for k, v in output.get("data", {}).items() if k.startswith("text/")]
                parts.append(output.get("text", ""))
        return "\n".join(parts)

    before, after = shown(nb.cells[:reveal]), shown(nb.cells[reveal:])
    for event in later:  # the hindsight section is held too: it opens only in the live widget (review C11)
        assert event.title not in before + after, event.id
        assert not any(source.url in before + after for source in event.sources), event.id
    assert "Held back on purpose" in after


def test_hindsight_timeline_is_held_in_classroom_mode_until_release():
    """Notebooks 01–03 come in any order, so 02's hindsight is held like the capstone's reveal (review C11)."""
    modes.classroom()
    view = views.timeline_view(CORPUS)
    assert view.cutoff.disabled and view.cutoff.value == timeline.publication(CORPUS)
    assert "your teacher will open this section" in view.held.value
    assert "full-scale invasion" not in view.shown.value
    modes.release_reveals()
    assert not view.cutoff.disabled and view.held.value == ""
    view.cutoff.value = timeline.cutoffs(CORPUS)[-1]
    assert "Russia launches a full-scale invasion of Ukraine" in view.shown.value
    assert "full-scale invasion" not in view.static_twin().text


def test_one_plot_serves_every_cutoff_without_piling_up_figures():
    plot = figures.TimelinePlot(CORPUS)
    first = plot.show(timeline.publication(CORPUS))
    rows_at_publication = first.get_size_inches()[1]
    last = plot.show(timeline.cutoffs(CORPUS)[-1])
    assert last is first and last.get_size_inches()[1] > rows_at_publication
    visible = [t.get_text() for t in last.axes[0].get_yticklabels() if t.get_text()]
    assert any("full-scale invasion" in label for label in visible)
    back = plot.show(timeline.publication(CORPUS))
    assert not any("full-scale invasion" in t.get_text() for t in back.axes[0].get_yticklabels())
    assert figures.png(back) == figures.png(figures.timeline_figure(CORPUS))
