"""Exercise files are checked like the annotations: every option has feedback, every answer is derivable."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from datafiles import edit

from brink.__main__ import main

ROOT = Path(__file__).parents[1]


def run_check(folder, capsys):
    code = main(["check", str(folder)])
    return code, capsys.readouterr().out


def test_the_kit_fixture_is_clean(kit_folder, capsys):
    assert run_check(kit_folder, capsys)[0] == 0


KIT = "exercises/99-kit.toml"
CASES = [
    pytest.param('  feedback = "Peskov appears only in paragraph 7."\n', "",
                 ["99-kit.toml · kit-single option peskov · feedback", "this field is missing"], id="option-without-feedback"),
    pytest.param('  next = "Read the last two words of paragraph 3."\n', "",
                 ["kit-single option peskov · next", "this field is missing"], id="option-without-next-step"),
    pytest.param('explanation = "Lavrov: the paragraph is one quotation followed by \'Lavrov said\'."\n', "",
                 ["kit-single · explanation", "this field is missing"], id="missing-explanation"),
    pytest.param('time_expression = "t07-on-wednesday"', 'time_expression = "t99-nope"',
                 ["kit-date · time_expression", "unknown time expression id"], id="unknown-time-expression"),
    pytest.param('event = "tx-responses-delivered"', 'event = "tx-nothing"',
                 ["kit-order item responses · event", "unknown event id 'tx-nothing'"], id="unknown-event"),
    pytest.param('evidence = ["a small ray of hope"]', 'evidence = ["a small ray of sunshine"]',
                 ["kit-classify · evidence", "is not in the article"], id="evidence-not-in-text"),
    pytest.param('  text = "reiterated"', '  text = "repeated"',
                 ["kit-highlight option reiterated · text", "'repeated' is not in paragraph 2"], id="highlight-not-in-paragraph"),
    pytest.param('  correct = true\n  feedback = "The quotation', '  correct = false\n  feedback = "The quotation',
                 ["kit-single · option", "exactly one right option, found 0"], id="no-right-option"),
    pytest.param('  answer = "reporter"', '  answer = "opinion"',
                 ["kit-classify item ray · answer", "'opinion' is not a category"], id="unknown-category"),
    pytest.param('type = "rating"', 'type = "slider"',
                 ["kit-rating · type", "'slider' is not allowed"], id="unknown-type"),
    pytest.param('model_rating = 1', 'model_rating = 7',
                 ["kit-rating · model_rating", "7 is off the 0–4 scale"], id="rating-off-scale"),
    pytest.param('rating_feedback = ["Too low: he does warn.", ', 'rating_feedback = [',
                 ["kit-rating · rating_feedback", "found 4"], id="rating-feedback-missing-a-point"),
    pytest.param('id = "kit-text"', 'id = "kit-single"',
                 ["kit-single · id", "this exercise id is used twice"], id="duplicate-id"),
    pytest.param('prompt = "Whose voice is missing?"', 'prompt = "Whose voice is missing?"\nhint = "typo"',
                 ["kit-text · hint", "unknown field"], id="unknown-field"),
    pytest.param('  id = "cant-tell"\n', '  id = "maybe"\n  date = 2022-01-27\n',
                 ["kit-date · option", 'there is no "cant-tell" option'], id="date-without-cant-tell"),
]


@pytest.mark.parametrize(("old", "new", "expected"), CASES)
def test_bad_exercises_are_reported(kit_folder, capsys, old, new, expected):
    edit(kit_folder, KIT, old, new)
    code, out = run_check(kit_folder, capsys)
    assert code == 1
    for words in expected:
        assert words in out


def test_items_already_in_the_right_order_would_give_the_answer_away(kit_folder, capsys):
    path = kit_folder / KIT
    text = path.read_text(encoding="utf-8")
    biden = text[text.index('  [[exercise.item]]\n  id = "biden"'):text.index('  [[exercise.item]]\n  id = "demands"')]
    text = text.replace(biden, "")
    anchor = '[[exercise]]\nid = "kit-rating"'
    text = text.replace(anchor, biden + "\n" + anchor)
    path.write_text(text, encoding="utf-8")
    code, out = run_check(kit_folder, capsys)
    assert code == 1 and "gives the answer away" in out


def test_lessons_check_passes_on_the_repository():
    result = subprocess.run([sys.executable, "-m", "brink", "lessons", "--check"], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_lessons_check_fails_when_a_key_is_stale_and_regenerates_it(tmp_path, capsys):
    lessons = tmp_path / "lessons"
    shutil.copytree(ROOT / "lessons", lessons)
    guide = lessons / "00-start-here.md"
    guide.write_text(guide.read_text(encoding="utf-8").replace("| ✔ yes |", "| ✘ no |", 1), encoding="utf-8")
    assert main(["lessons", "--check", "--lessons", str(lessons)]) == 1
    assert "Out of date: the key for 00-start-here" in capsys.readouterr().out
    assert main(["lessons", "--lessons", str(lessons)]) == 0
    assert main(["lessons", "--check", "--lessons", str(lessons)]) == 0
    assert guide.read_text(encoding="utf-8") == (ROOT / "lessons" / "00-start-here.md").read_text(encoding="utf-8")


def test_lessons_check_fails_when_a_notebook_has_no_key(tmp_path, capsys):
    lessons = tmp_path / "lessons"
    lessons.mkdir()
    (lessons / "README.md").write_text("# Guides\n", encoding="utf-8")
    assert main(["lessons", "--check", "--lessons", str(lessons)]) == 1
    assert "No answer key for notebook 00-start-here" in capsys.readouterr().out


def test_the_key_is_not_given_away_by_its_position():
    """Review P1: the right option was first in 18 of 19 questions. Options now come in a stable order that does not
    follow the data file, the same in the widget, the printed question and the key, with the keys spread over the
    positions notebook by notebook."""
    import brink
    from brink.static.exercise_render import option_label

    corpus = brink.load()
    places = [[o.correct for o in e.options].index(True) for e in corpus.exercises if e.type in ("single", "date")]
    assert len(set(places)) >= 3 and places.count(0) <= len(places) // 3
    cant_tell = [[o.id for o in e.options].index("cant-tell") for e in corpus.exercises if e.type == "date"]
    assert any(place < 2 for place in cant_tell), "'Can't tell' is always near the end"
    again = brink.core.loading.read(brink.data_dir())[0]
    assert [[o.id for o in e.options] for e in again.exercises] == [[o.id for o in e.options] for e in corpus.exercises]
    genre = corpus.exercise("nb00-genre")
    assert [option_label(genre, n)[:3] for n in range(len(genre.options))] == ["A. ", "B. ", "C. ", "D. "]


DATA_FOLDERS = [Path(__file__).parents[1] / "helpers" / "brink" / "data",
                *sorted((Path(__file__).parents[1] / "examples").glob("*/"))]


@pytest.mark.parametrize("folder", DATA_FOLDERS, ids=lambda f: f.name)
def test_no_option_gives_the_answer_away(folder):
    """Done means for #15: in no notebook is the key first, or the longest option, in more than 40% of the choice
    questions, and no key is far longer than its distractors. `brink check` prints the same as warnings."""
    from brink.core import giveaways
    from brink.core.loading import read

    corpus, problems = read(folder)
    assert not problems
    assert [str(w) for w in giveaways.warnings(corpus)] == []
    for skew in giveaways.skews(corpus.exercises):
        assert skew.first <= 0.4 * skew.questions and skew.longest <= 0.4 * skew.questions, skew


def test_check_warns_about_a_key_that_stands_out(data_copy, capsys):
    """A broken copy: a keyed option made much longer than the rest, so it stands out and is the longest again."""
    from brink.__main__ import main

    edit(data_copy, "exercises/05-what-could-a-reader-know.toml", 'text = "It makes the statement depend on a condition"',
         'text = "It makes the statement depend on a condition, and that leaves room for a war that Russia blames on others"')
    assert main(["check", str(data_copy)]) == 0
    out = capsys.readouterr().out
    assert "nb04-condition · option: the keyed option is at least 1.3 times as long" in out
    assert "the key is the longest option in 1 of 2 choice questions" in out


def test_a_category_that_starts_with_a_symbol_is_refused(data_copy, capsys):
    """Review U1: a dropdown option that starts with a symbol cannot be chosen by typing."""
    edit(data_copy, "exercises/03-each-sides-demands.toml", 'label = "Ruled out ✖"', 'label = "✖ Ruled out"')
    assert main(["check", str(data_copy)]) == 1
    assert "nb03-status category ruled-out · label: it starts with a symbol" in capsys.readouterr().out
