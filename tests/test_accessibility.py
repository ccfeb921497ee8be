"""Accessibility as tests (Notebooks for All checklist, WCAG 2.2): headings, alt text, contrast,
labels, words-and-icons feedback, and a static twin for every widget."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import ipywidgets as widgets
import nbformat
import pytest
from nbclient import NotebookClient

import brink
from brink import views
from brink.core.checking import HEADLINES, Feedback
from brink.static import palette, render
from brink.static.exercise_render import feedback_html
from brink.views import questions as exercise_views

ROOT = Path(__file__).parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
GENERIC_ALT = {"", "image", "figure", "chart", "plot", "graph", "screenshot", "picture", "img"}


def headings(nb) -> list[int]:
    levels = []
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        fenced = False
        for line in cell.source.splitlines():
            if line.startswith("```"):
                fenced = not fenced
            match = re.match(r"^(#{1,6})\s", line)
            if match and not fenced:
                levels.append(len(match.group(1)))
    return levels


def heading_problems(levels: list[int]) -> list[str]:
    problems = []
    if levels.count(1) != 1:
        problems.append(f"{levels.count(1)} H1 headings (need exactly one)")
    if levels and levels[0] != 1:
        problems.append("the first heading is not the H1")
    for before, after in itertools.pairwise(levels):
        if after > before + 1:
            problems.append(f"heading level jumps from {before} to {after}")
    return problems


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_one_h1_and_no_skipped_heading_levels(path):
    assert heading_problems(headings(nbformat.read(path, as_version=4))) == []


def test_the_heading_rule_catches_mistakes():
    assert heading_problems([1, 2, 4]) == ["heading level jumps from 2 to 4"]
    assert heading_problems([1, 2, 1]) == ["2 H1 headings (need exactly one)"]
    assert heading_problems([2, 1]) == ["the first heading is not the H1"]


def image_alts(nb) -> list[str]:
    alts = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            alts += re.findall(r"!\[([^\]]*)\]\(", cell.source)
            for tag in re.findall(r"<img\b[^>]*>", cell.source, flags=re.I):
                found = re.search(r'alt\s*=\s*"([^"]*)"', tag)
                alts.append(found.group(1) if found else "")
    return alts


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_markdown_image_has_meaningful_alt_text(path):
    for alt in image_alts(nbformat.read(path, as_version=4)):
        assert alt.strip().lower() not in GENERIC_ALT and len(alt.split()) >= 3, f"weak alt text: {alt!r}"


def test_the_alt_rule_catches_missing_alt():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell('![](a.png) <img src="b.png">')])
    assert image_alts(nb) == ["", ""]


def test_okabe_ito_marks_contrast_or_carry_an_outline():
    for style in palette.SIDES.values():
        assert style.colour in palette.OKABE_ITO.values()
        ratio = palette.contrast(style.colour, palette.WHITE)
        assert ratio >= 3 or palette.contrast(style.edge, palette.WHITE) >= 3, style.label


def test_categories_differ_by_marker_as_well_as_colour():
    markers = [s.marker for s in palette.SIDES.values()]
    assert len(set(markers)) == len(markers)


def test_text_contrast():
    assert palette.contrast(palette.TEXT, palette.WHITE) >= 4.5
    assert palette.contrast(palette.TEXT, palette.HIGHLIGHT) >= 4.5
    assert f"background:{palette.HIGHLIGHT};color:{palette.TEXT}" in render.MARK_STYLE


def test_contrast_formula_matches_known_values():
    assert round(palette.contrast("#000000", "#FFFFFF"), 1) == 21.0
    assert round(palette.contrast(palette.OKABE_ITO["blue"], "#FFFFFF"), 2) == 5.19
    assert palette.contrast(palette.OKABE_ITO["yellow"], "#FFFFFF") < 1.5


INPUTS = (widgets.Dropdown, widgets.RadioButtons, widgets.Checkbox, widgets.Textarea, widgets.Text, widgets.Button,
          widgets.IntSlider, widgets.SelectionSlider, widgets.ToggleButtons, widgets.SelectMultiple)


def unlabelled(widget) -> list[str]:
    found = []
    if isinstance(widget, INPUTS) and not (widget.description or "").strip():
        found.append(type(widget).__name__)
    for child in getattr(widget, "children", ()):
        found += unlabelled(child)
    return found


def all_views(corpus):
    yield views.paragraph_browser(corpus)
    yield views.handin_box()
    for exercise in corpus.exercises:
        yield exercise_views.exercise(exercise.id, corpus)


def test_every_control_has_a_text_label(kit):
    for view in all_views(kit):
        assert unlabelled(view) == [], type(view).__name__


def test_the_label_rule_catches_a_bare_control():
    assert unlabelled(widgets.VBox([widgets.Dropdown(options=["a"])])) == ["Dropdown"]


@pytest.mark.parametrize("verdict", sorted(HEADLINES))
def test_feedback_is_words_and_an_icon_not_colour(verdict):
    html = feedback_html(Feedback(verdict, ("A reason.",), "A next step."))
    icon, words = HEADLINES[verdict]
    assert icon in html and words in html
    assert "color" not in html.lower()


def widget_outputs(path: Path) -> list[dict]:
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if WIDGET_VIEW in o.get("data", {})]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_widget_output_carries_a_static_twin(path):
    outputs = widget_outputs(path)
    assert outputs, "the notebook shows at least one widget"
    for output in outputs:
        data = output["data"]
        assert "text/html" in data and len(data["text/html"]) > 40
        assert not re.match(r"^\w+\((children|layout)=", data["text/plain"]), data["text/plain"][:80]


def test_static_twins_carry_the_content(kit):
    browser = views.paragraph_browser(kit)._repr_mimebundle_()
    assert all(f"Paragraph {n} of 9" in browser["text/plain"] for n in range(1, 10))
    question = exercise_views.exercise("kit-single", kit)._repr_mimebundle_()
    assert "Who is quoted directly in paragraph 3?" in question["text/html"]


def test_package_data_has_no_unlabelled_views():
    corpus = brink.load()
    for view in all_views(corpus):
        assert unlabelled(view) == []


def smallest_type(figure) -> float:
    """The smallest visible, non-empty text in a figure, in points (tick labels included)."""
    from matplotlib.text import Text

    figure.canvas.draw()  # tick labels exist only once drawn
    sizes = [t.get_fontsize() for t in figure.findobj(Text) if t.get_visible() and t.get_text().strip()
             and (not hasattr(t, "axes") or t.axes is None or t.get_window_extent().width > 0)]
    return min(sizes)


def drawings():
    from brink.core import timeline
    from brink.views import figures

    corpus = brink.load()
    for layout in figures.LAYOUTS:
        yield "voices", layout, figures.voices_figure(corpus, layout=layout), figures.VOICES[layout]
        yield "stances", layout, figures.stance_figure(corpus, layout=layout), figures.STANCE_SHAPES[layout]
        for cutoff in (timeline.publication(corpus), timeline.cutoffs(corpus)[-1]):
            figure = figures.timeline_figure(corpus, cutoff, layout=layout)
            yield "timeline", layout, figure, figures.TIMELINE[layout]


@pytest.mark.parametrize("name, layout, figure, shape", list(drawings()), ids=lambda v: v if isinstance(v, str) else "")
def test_no_text_in_a_chart_is_smaller_than_its_layout_promises(name, layout, figure, shape):
    """Review U2: the page shows the narrow drawing below 1200 px and checks, in the browser, that the smallest
    type (``data-text-px``) is 9 px or more as shown; that only holds if the drawing keeps its promise."""
    assert smallest_type(figure) >= shape.text, f"{name} ({layout})"
    assert figure.get_size_inches()[0] == shape.width


def test_the_type_rule_catches_small_labels():
    from brink.views import figures

    figure = figures.voices_figure(brink.load(), layout="narrow")
    figure.axes[0].texts[0].set_fontsize(7)
    assert smallest_type(figure) == 7 < figures.VOICES["narrow"].text


def test_a_chart_offers_a_tall_drawing_for_narrow_windows():
    from brink.views import figures

    (data, _), _caption, _table = figures.voices_view(brink.load())
    html = data["text/html"]
    assert html.startswith("<picture>") and f'media="(max-width: {figures.NARROW_BELOW_PX}px)"' in html
    assert html.count("data-text-px=") == 2 and 'class="brink-figure" alt="Horizontal bar chart.' in html
