"""Exercise widgets driven as a student would: set values, press the button, read what is shown."""

import json
from pathlib import Path

import pytest

import brink
from brink.core import modes
from brink.core.checking import right_answer
from brink.core.journal import Journal
from brink.views import questions as exercise_views


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    return Journal("99-kit", tmp_path / "answers")


def view(kit, journal, exercise_id):
    return exercise_views.exercise(exercise_id, kit, journal)


WRONG = {
    "kit-single": "peskov",
    "kit-multiple": {"putin"},
    "kit-classify": {"no-war": "reporter", "ray": "quote"},
    "kit-date": "2022-02-02",
    "kit-order": ["biden", "demands", "responses"],
    "kit-highlight": {"reiterated"},
}


@pytest.mark.parametrize("exercise_id", sorted(WRONG))
def test_factual_types_check_retry_and_count_attempts(kit, journal, exercise_id):
    v = view(kit, journal, exercise_id)
    assert v.button.description == "Check"
    v.answer = WRONG[exercise_id]
    v.button.click()
    assert "✘ Not this time" in v.feedback.value
    assert "Next step:" in v.feedback.value
    assert "Model answer" not in v.model.value
    assert "attempt 1" in v.status.value
    exercise = kit.exercise(exercise_id)
    v.answer = right_answer(exercise)
    v.button.click()
    assert "✔ Right" in v.feedback.value and "Model answer" in v.model.value
    assert "attempt 2" in v.status.value
    assert [e["verdict"] for e in journal.entries(exercise_id)] == ["wrong", "right"]


def test_single_choice_has_a_text_label_and_feedback_for_the_option(kit, journal):
    v = view(kit, journal, "kit-single")
    radio = v._inputs[0]
    assert radio.description == "Answer"
    radio.value = "peskov"
    v.button.click()
    assert "Peskov appears only in paragraph 7." in v.feedback.value


def test_nothing_chosen_is_not_saved(kit, journal):
    v = view(kit, journal, "kit-multiple")
    v.button.click()
    assert "Tick at least one option first." in v.feedback.value
    assert "Nothing was saved" in v.status.value
    assert journal.entries() == []


@pytest.mark.parametrize(("exercise_id", "answer"), [("kit-text", "Ukraine's voice."), ("kit-rating", (1, "It says could."))])
def test_judgement_commit_locks_then_reveals(kit, journal, exercise_id, answer):
    v = view(kit, journal, exercise_id)
    assert v.button.description == "Commit my answer"
    v.answer = answer
    assert v.model.value == ""  # nothing to see before committing
    v.button.click()
    assert v.committed and all(control.disabled for control in v._inputs) and v.button.disabled
    assert "Model answer" in v.model.value
    assert "saved as attempt 1" in v.status.value.lower()
    v.again.click()
    assert not v.committed and v.model.value == ""
    v.button.click()
    assert [e["attempt"] for e in journal.entries(exercise_id)] == [1, 2]


def test_rating_reveal_gives_the_model_rating_and_the_chosen_point_feedback(kit, journal):
    v = view(kit, journal, "kit-rating")
    v.answer = (3, "It sounds sure.")
    v.button.click()
    assert "Model rating: <strong>1 (a little sure)" in v.model.value
    assert "Too high." in v.feedback.value


def test_classroom_mode_holds_the_model_answer_until_released(kit, journal):
    modes.classroom()
    v = view(kit, journal, "kit-text")
    v.answer = "Ukraine's."
    v.button.click()
    assert "opens after your class has discussed" in v.feedback.value
    assert v.model.value == ""
    modes.release_reveals()
    assert "Model answer" in v.model.value


def test_classroom_mode_from_the_environment_still_gives_factual_feedback(kit, journal, monkeypatch):
    monkeypatch.setenv("BRINK_MODE", "classroom")
    assert not modes.reveals_allowed()
    v = view(kit, journal, "kit-single")
    v.answer = "peskov"
    v.button.click()
    assert "✘ Not this time" in v.feedback.value


def test_a_new_view_restores_the_saved_answer(kit, journal):
    first = view(kit, journal, "kit-text")
    first.answer = "Ukraine is never quoted."
    first.button.click()
    again = view(kit, journal, "kit-text")  # as after a kernel restart
    assert again.answer == "Ukraine is never quoted."
    assert again.committed and "Model answer" in again.model.value
    assert "Your saved answer (attempt 1" in again.status.value
    factual = view(kit, journal, "kit-multiple")
    factual.answer = {"lavrov", "blinken"}
    factual.button.click()
    restored = view(kit, journal, "kit-multiple")
    assert restored.answer == {"lavrov", "blinken"} and "✔ Right" in restored.feedback.value


def test_student_text_is_always_escaped(kit, journal):
    nasty = '<script>alert("x")</script><img src=x onerror="alert(1)">'
    v = view(kit, journal, "kit-text")
    v.answer = nasty
    v.button.click()
    again = view(kit, journal, "kit-text")
    for html in (again.status.value, again.feedback.value, again.model.value):
        assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in again.status.value
    assert journal.latest("kit-text")["answer"] == nasty  # kept exactly


def test_odd_unicode_is_kept_exactly(kit, journal):
    text = "Zoë said “нет” — 🤔 עברית e\u0301 \u200b\ud83d"  # accents, Cyrillic, emoji, RTL, combining, zero-width, lone surrogate
    v = view(kit, journal, "kit-text")
    v.answer = text
    v.button.click()
    assert json.loads(journal.path.read_text(encoding="utf-8"))["entries"][0]["answer"] == text
    assert view(kit, journal, "kit-text").answer == text


def test_too_long_text_is_refused_but_kept_in_the_box(kit, journal):
    v = view(kit, journal, "kit-text")
    v.answer = "word " * 2500
    v.button.click()
    assert "the limit is 10,000" in v.feedback.value
    assert v.answer == "word " * 2500 and not v.committed
    assert journal.entries() == []


def test_a_failed_save_says_so_and_keeps_the_answer(kit, tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be")
    v = view(kit, Journal("99-kit", blocked), "kit-text")
    v.answer = "My answer."
    v.button.click()  # must not raise
    assert "could not be saved" in v.status.value and v.answer == "My answer."


def test_static_twin_is_in_the_display_bundle_and_gives_nothing_away(kit, journal):
    for exercise in kit.exercises_for("99-kit"):
        bundle = view(kit, journal, exercise.id)._repr_mimebundle_()
        assert "application/vnd.jupyter.widget-view+json" in bundle
        assert exercise.prompt in bundle["text/plain"]
        assert "Model answer" not in bundle["text/html"] and exercise.explanation not in bundle["text/plain"]
    single = view(kit, journal, "kit-single")._repr_mimebundle_()["text/plain"]
    assert "○ A. " in single and "○ B. " in single and "Lavrov" in single and "Peskov" in single


def test_handin_button_writes_one_readable_file(kit, journal, tmp_path):
    v = view(kit, journal, "kit-text")
    v.answer = "<b>bold?</b>"
    v.button.click()
    box = exercise_views.handin_box(journal.folder, kit)
    box.button.click()
    html = (journal.folder / "brink-answers.html").read_text(encoding="utf-8")
    assert "Whose voice is missing?" in html and "&lt;b&gt;bold?&lt;/b&gt;" in html
    assert "brink-answers.html" in box.status.value and "✔ Written" in box.status.value


def test_package_exercises_build_as_widgets(journal):
    corpus = brink.load()
    for exercise in corpus.exercises:
        v = exercise_views.exercise(exercise.id, corpus, journal)
        assert v.prompt.value and v.button.description


def test_justified_choice_needs_evidence_and_keeps_it(kit, journal):
    from brink.core.checking import describe

    v = view(kit, journal, "kit-justify")
    assert v.button.description == "Commit my answer"
    evidence_box = v._inputs[-1]
    assert evidence_box.description == "Evidence"
    v.answer = ("cant-tell", "")
    v.button.click()
    assert "Add one line of evidence from the text first." in v.feedback.value and not v.committed
    v.answer = ("cant-tell", "P2: 'a day after'")
    v.button.click()
    assert v.committed and "✔ Right" in v.feedback.value and "Model answer" in v.model.value
    assert journal.latest("kit-justify")["answer"] == ["cant-tell", "P2: 'a day after'"]
    again = view(kit, journal, "kit-justify")
    assert again.answer == ("cant-tell", "P2: 'a day after'") and again.committed
    assert describe(kit.exercise("kit-justify"), again.answer) == "Can't tell from this text. Evidence: P2: 'a day after'"
    assert "Quote one line of evidence from the text:" in again._repr_mimebundle_()["text/plain"]
