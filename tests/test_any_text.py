"""Another text: only four files are required, brink can be pointed at any folder, and every view says what it
needs when an optional file is absent (issue 14, parts 2 and 3)."""

import io
import json
import os
import shutil
import subprocess
import sys
from contextlib import redirect_stdout
from pathlib import Path

import pytest

import brink
from brink import views
from brink.core.loading import DATA_DIR, REQUIRED_FILES


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    """The package's text with only the required files."""
    folder = tmp_path / "minimal"
    folder.mkdir()
    for name in REQUIRED_FILES:
        shutil.copy(DATA_DIR / name, folder / name)
    return folder


def test_only_four_files_are_required(minimal):
    assert brink.check(minimal) == []
    corpus = brink.load(minimal)
    assert corpus.statements and not corpus.events and not corpus.positions and not corpus.exercises


def test_a_required_file_that_is_missing_is_named(minimal):
    (minimal / "actors.toml").unlink()
    assert any("actors.toml: the file is missing" in str(p) for p in brink.check(minimal))


@pytest.mark.parametrize(("view", "file"), [
    ("verbs_table", "verbs.toml"), ("hedges_table", "hedges.toml"), ("quote_checks_table", "quote_checks.toml"),
    ("time_expressions_table", "time_expressions.toml"), ("drafts_table", "drafts.toml"),
    ("claim_cards", "claims.toml"),
])
def test_each_table_says_what_it_needs(minimal, view, file):
    shown = getattr(views, view)(brink.load(minimal)).text
    assert f"This text's data has no {file}" in shown


@pytest.mark.parametrize(("view", "file"), [("demands_board", "positions.toml"), ("role_cards", "roles.toml"),
                                            ("reveal_box", "claims.toml")])
def test_each_widget_says_what_it_needs(minimal, view, file):
    widget = getattr(views, view)(brink.load(minimal))
    if view == "reveal_box":
        widget.button.click()
        assert f"no {file}" in widget.shown.value
    else:
        assert f"no {file}" in widget.shown.value


@pytest.mark.parametrize(("show", "file"), [("show_stances", "stances.toml"), ("show_timeline", "events.toml")])
def test_each_figure_says_what_it_needs(minimal, show, file):
    shown = io.StringIO()
    with redirect_stdout(shown):
        getattr(views, show)(brink.load(minimal))
    assert f"no {file}" in shown.getvalue()


def test_brink_data_and_use_point_everything_at_another_folder(minimal, monkeypatch):
    assert brink.data_dir() == DATA_DIR
    monkeypatch.setenv("BRINK_DATA", str(minimal))
    assert brink.data_dir() == minimal and not brink.load().events
    monkeypatch.delenv("BRINK_DATA")
    assert brink.load().events  # back to the package's own article
    corpus = brink.use(minimal)
    assert corpus is brink.load() and not corpus.events
    brink.use(None)
    assert brink.load().events


def test_an_edited_folder_is_read_again(minimal):
    first = brink.load(minimal)
    path = minimal / "statements.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('fidelity = "loose"', 'fidelity = "unconfirmed"'),
                    encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10_000_000))
    assert brink.load(minimal) is not first


def test_the_command_line_follows_brink_data(minimal):
    (minimal / "actors.toml").unlink()
    result = subprocess.run([sys.executable, "-m", "brink", "check"], capture_output=True, text=True, check=False,
                            env={**os.environ, "BRINK_DATA": str(minimal)})
    assert result.returncode == 1 and str(minimal) in result.stdout and "actors.toml: the file is missing" in result.stdout


def _article(folder: Path, drop: tuple[str, ...] = (), add: str = "") -> None:
    """Rewrite article.toml keeping only the [article] keys a plainer text would have."""
    import tomllib

    table = tomllib.loads((DATA_DIR / "article.toml").read_text(encoding="utf-8"))["article"]
    keep = {k: v for k, v in table.items() if k not in drop}
    lines = ["[article]"]
    for key, value in keep.items():
        if isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
        elif not isinstance(value, list):
            lines.append(f"{key} = {value}")
    (folder / "article.toml").write_text("\n".join(lines) + "\n" + add, encoding="utf-8")


TEXT_FACTS = ("published_time", "published_time_label", "time_zone", "clocks", "card_clocks", "story_ends",
              "story_end_note", "periods", "live_page_title", "live_page_title_as_of", "headline", "kind_of_text",
              "genre", "url", "authors", "archive_check")


def test_a_text_with_no_time_zone_clocks_or_periods_gets_sensible_defaults(minimal):
    """Issue 14, part 2: the publication time may be unknown; clocks, periods and the story's end come from the
    data, so none of the 0.1 article's facts (8:38 a.m. ET, 24 February 2022, Moscow and Kyiv) appear."""
    _article(minimal, drop=TEXT_FACTS)
    shutil.copy(DATA_DIR / "events.toml", minimal / "events.toml")
    corpus = brink.load(minimal)
    assert corpus.article.published_time is None and corpus.article.time_label == "time of day unknown"
    card = views.source_card(corpus).text
    assert "8:38" not in card and "Moscow" not in card and "Live page" not in card and "News report." in card
    assert "not known" in views.clocks_table(corpus).text
    from brink.core import timeline

    assert timeline.story_end(corpus) == max(e.end_date or e.date for e in corpus.events)
    [(key, (_, start, _))] = timeline.periods(corpus).items()
    assert key == timeline.ALL and start == min(e.date for e in corpus.events)
    shown = io.StringIO()
    with redirect_stdout(shown):
        views.show_timeline(corpus)
    assert "8:38" not in shown.getvalue() and "time of day unknown" in shown.getvalue()


def test_clocks_come_from_the_data(minimal):
    _article(minimal, drop=TEXT_FACTS, add='published_time = "14:00"\ntime_zone = "Europe/Berlin"\n'
                                           'clocks = [{name = "Berlin", short = "Berlin", zone = "Europe/Berlin"}, '
                                           '{name = "Tokyo", short = "Tokyo", zone = "Asia/Tokyo"}]\n')
    corpus = brink.load(minimal)
    assert "14:00 Berlin; 22:00 Tokyo" in views.source_card(corpus).text
    assert "Tokyo" in views.clocks_table(corpus).text and "New York" not in views.clocks_table(corpus).text


def test_a_bad_time_zone_is_named(minimal):
    _article(minimal, drop=TEXT_FACTS, add='time_zone = "Mars/Olympus"\n')
    assert any("time_zone: 'Mars/Olympus' is not a time zone" in str(p) for p in brink.check(minimal))


def test_brink_new_then_check_guides_a_new_folder_to_valid(tmp_path):
    folder = tmp_path / "my-text"
    made = subprocess.run([sys.executable, "-m", "brink", "new", str(folder)], capture_output=True, text=True,
                          check=False)
    assert made.returncode == 0 and "Wrote 4 starter files" in made.stdout
    first = [str(p) for p in brink.check(folder)]
    assert any(p.startswith("article.txt: it still holds the starter's placeholder") for p in first)
    assert any("article.toml · article · outlet: still the starter's placeholder" in p for p in first)
    assert any("statements.toml · s01 · evidence: still the starter's placeholder" in p for p in first)
    # The teacher pastes a text and fills in each placeholder, as check asks.
    (folder / "article.txt").write_text("The council met on Monday. It agreed to open the library.\n", encoding="utf-8")
    article = (folder / "article.toml").read_text(encoding="utf-8")
    article = (article.replace('"TODO: who published the text, e.g. a newspaper, a ministry or a broadcaster"',
                               '"Town Gazette"')
               .replace('"TODO: the date it was published, written like 2022-01-28 (no quotes)"', "2024-03-04")
               .replace('"TODO: who holds the rights, and why a class may read it here"', '"Written for this test."'))
    (folder / "article.toml").write_text(article, encoding="utf-8")
    actors = (folder / "actors.toml").read_text(encoding="utf-8")
    actors = actors.replace('"TODO: who wrote or spoke the text, e.g. The reporter"', '"The reporter"').replace(
        '"TODO: one sentence on who they are"', '"The journalist who wrote the report."')
    (folder / "actors.toml").write_text(actors, encoding="utf-8")
    statements = (folder / "statements.toml").read_text(encoding="utf-8")
    (folder / "statements.toml").write_text(statements.replace(
        '"TODO: copy one sentence of the text\'s own voice here, exactly"', '"The council met on Monday."'),
        encoding="utf-8")
    assert brink.check(folder) == []
    assert views.source_card(brink.load(folder)).text.startswith("Source card\nOutlet: Town Gazette")


def test_brink_new_never_writes_over_a_folder_with_files(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    made = subprocess.run([sys.executable, "-m", "brink", "new", str(tmp_path)], capture_output=True, text=True,
                          check=False)
    assert made.returncode == 1 and "is not empty" in made.stderr and "Traceback" not in made.stderr
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_sides_come_from_the_data():
    """Issue 14, part 2: the board's columns, labels, colours and markers are the text's, not fixed in code."""
    from brink.static import palette

    corpus = brink.load(Path(__file__).parents[1] / "examples" / "white-house-readout")
    assert [p.id for p in corpus.board] == ["us", "ukraine", "russia"]
    board = views.demands_board(corpus)._repr_mimebundle_()["text/plain"]
    assert "NATO" not in board and "The readout gives no Russian position" in board
    assert palette.style(corpus.party("ukraine")).marker == "P"


def test_a_side_with_an_unknown_colour_or_member_is_named(minimal):
    (minimal / "sides.toml").write_text('[[side]]\nid = "russia"\nlabel = "Russia"\ncolour = "mauve"\n\n'
                                        '[[side]]\nid = "west"\nlabel = "The West"\nmembers = ["atlantis"]\n',
                                        encoding="utf-8")
    messages = [str(p) for p in brink.check(minimal)]
    assert any("sides.toml · russia · colour: 'mauve' is not allowed" in m for m in messages)
    assert any("sides.toml · west · members: unknown side 'atlantis'" in m for m in messages)
    assert any("actors.toml" in m and "is not allowed" in m for m in messages)  # 'us' is no longer a side here


def test_the_voices_chart_leaves_no_statement_out(minimal):
    """Review G: statements by a state whose side already had speakers, or by a side such as 'west', vanished."""
    from brink.core import reading

    path = minimal / "statements.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('speakers = ["blinken"]', 'speakers = ["us"]', 1)
                    .replace('speakers = ["kremlin"]', 'speakers = ["west"]', 1), encoding="utf-8")
    corpus = brink.load(minimal)
    counted = sum(v.total for v in reading.voices(corpus))
    credited = sum(len(s.speakers) for s in corpus.statements)
    assert counted == credited
