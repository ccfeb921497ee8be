"""The drawings cache (issue 18): charts drawn once, shipped for the package's own text, never drifting."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import brink
from brink.core import timeline
from brink.core.records import Corpus
from brink.views import drawings, figures

CORPUS = brink.load()
EVERY = figures.every_drawing(CORPUS)


def test_the_package_ships_exactly_the_drawings_its_data_and_code_give():
    expected = {drawings.key(CORPUS, name, reads): name for name, (reads, _) in EVERY.items()}
    shipped = {p.stem for p in drawings.SHIPPED.glob("*.png")}
    missing = sorted(expected[k] for k in expected.keys() - shipped)
    assert not missing, f"{len(missing)} drawings are stale or missing, e.g. {missing[:3]}: run `make drawings`"
    assert shipped == expected.keys(), "drawings no chart uses are shipped: run `make drawings`"
    assert drawings.shipped_index()["drawings"] == expected
    every_cutoff = {figures._timeline_name(p, c, "wide") for p in timeline.periods(CORPUS) for c in timeline.cutoffs(CORPUS)}
    assert every_cutoff <= set(expected.values())


def sample() -> list[str]:
    """The drawings Run All shows (voices, stances, each period at publication) and the last cut-off of each."""
    last = timeline.cutoffs(CORPUS)[-1]
    return [name for name in EVERY if not name.startswith("timeline") or "publication" in name
            or last.day.isoformat() in name]


@pytest.mark.parametrize("name", sample())
def test_a_shipped_drawing_is_byte_for_byte_what_the_code_draws(name):
    import matplotlib
    import PIL

    made_with = drawings.shipped_index()["made_with"]
    here = {"matplotlib": matplotlib.__version__, "pillow": PIL.__version__}
    if here != made_with:  # the test extra pins both, so CI compares
        pytest.skip(f"the drawings were made with {made_with}, this is {here}")
    reads, draw = EVERY[name]
    shipped = (drawings.SHIPPED / f"{drawings.key(CORPUS, name, reads)}.png").read_bytes()
    assert draw() == shipped, f"{name}: run `make drawings`"


def only(corpus: Corpus, reads: tuple[str, ...]) -> Corpus:
    """The corpus with every part a chart does not declare emptied (or set to its default)."""
    blank = {}
    for field in dataclasses.fields(Corpus):
        if field.name in reads or field.name.startswith("_"):
            continue
        blank[field.name] = field.default if field.default is not dataclasses.MISSING else ()
    return dataclasses.replace(corpus, **blank)


@pytest.mark.parametrize("chart", sorted(figures.READS))
def test_a_chart_draws_from_the_data_it_declares_and_nothing_else(chart):
    """A drawing is kept under a hash of the data the chart declares it reads; if it read more, an edit there
    would be served a stale picture. Drawn from a corpus holding only those parts, it is the same picture."""
    reads = figures.READS[chart]
    name = next(n for n in EVERY if n.startswith(chart) and "wide" in n)
    thin = only(CORPUS, reads)
    full_draw = EVERY[name][1]
    thin_draw = figures.every_drawing(thin)[name][1]
    assert thin_draw() == full_draw()


def test_the_declaration_rule_catches_a_chart_that_reads_more():
    name = "voices (wide)"  # as if voices declared only the article and the actors, not the statements
    assert figures.every_drawing(only(CORPUS, ("article", "actors", "parties")))[name][1]() != EVERY[name][1]()


def run(code: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=300,
                          env={**os.environ, **env})


def test_with_the_shipped_drawings_matplotlib_is_never_imported(tmp_path):
    result = run("""
        import sys
        import brink
        from brink import views
        from brink.core import timeline
        from brink.views import figures
        corpus = brink.load()
        figures.voices_view(corpus); figures.stance_view(corpus); figures.timeline_view(corpus)
        view = views.timeline_view(corpus)
        for cutoff in timeline.cutoffs(corpus):
            view.cutoff.value = cutoff
        view.period.value = "since-1997"
        assert "matplotlib" not in sys.modules, "matplotlib was imported"
        print("ok")
    """, BRINK_CACHE_DIR=str(tmp_path / "cache"))
    assert result.stdout.strip() == "ok", result.stderr[-2000:]
    assert not (tmp_path / "cache").exists(), "a shipped drawing was drawn again"


def test_another_text_is_drawn_once_then_read_from_the_user_cache(data_copy, tmp_path, monkeypatch):
    events = data_copy / "events.toml"
    events.write_text(events.read_text(encoding="utf-8").replace("Lavrov's interview", "Lavrov's radio interview", 1),
                      encoding="utf-8")
    monkeypatch.setenv("BRINK_CACHE_DIR", str(tmp_path / "cache"))
    edited = brink.load(data_copy)
    first = figures.timeline_drawings(edited)
    assert len(list((tmp_path / "cache").glob("*.png"))) == 2  # both layouts, drawn and kept
    assert first["wide"].png != figures.timeline_drawings(CORPUS)["wide"].png
    drawings.forget()
    monkeypatch.setattr(figures, "png", lambda figure: pytest.fail("drew again instead of reading the cache"))
    assert figures.timeline_drawings(edited) == first
    drawings.forget()


def test_a_cache_that_cannot_be_written_costs_a_redraw_not_an_error(data_copy, tmp_path, monkeypatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("BRINK_CACHE_DIR", str(blocked))
    events = data_copy / "events.toml"
    events.write_text(events.read_text(encoding="utf-8").replace("Lavrov's interview", "Lavrov's long interview", 1),
                      encoding="utf-8")
    assert figures.timeline_drawings(brink.load(data_copy))["narrow"].png.startswith(b"\x89PNG")
    drawings.forget()


def test_the_index_names_the_libraries_that_made_the_drawings():
    index = json.loads(drawings.INDEX.read_text(encoding="utf-8"))
    assert index["code"] == drawings.code_key() and len(index["drawings"]) == len(EVERY)
    assert set(index["made_with"]) == {"matplotlib", "pillow"}
    assert Path(drawings.SHIPPED).is_relative_to(Path(brink.__file__).parent)


def test_every_module_the_charts_import_is_counted_or_said_not_to_draw():
    """A new import in figures.py must be put in DRAWING_CODE (its changes redraw) or NOT_DRAWING (they do not)."""
    imported = drawings.figure_imports()
    assert imported <= set(drawings.DRAWING_CODE) | set(drawings.NOT_DRAWING), imported - set(drawings.DRAWING_CODE)
    assert "views/figures.py" in drawings.DRAWING_CODE and "core/records.py" in drawings.NOT_DRAWING
