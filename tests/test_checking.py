"""The pure checker, type by type: right, wrong, partial and not-yet-answerable answers."""

import pytest

from brink.core.checking import MAX_TEXT, check, describe, problem_with, right_answer


def test_every_type_is_in_the_fixture(kit):
    kinds = {e.type for e in kit.exercises_for("99-kit")}
    assert kinds == {"single", "multiple", "classify", "date", "order", "rating", "text", "highlight"}


def test_right_answer_scores_right_for_every_factual_type(kit):
    for exercise in kit.exercises_for("99-kit"):
        if exercise.judgement:
            continue
        feedback = check(exercise, right_answer(exercise))
        assert feedback.verdict == "right", exercise.id
        assert feedback.next, "every feedback ends with a next step"


def test_single(kit):
    e = kit.exercise("kit-single")
    wrong = check(e, "peskov")
    assert (wrong.verdict, wrong.icon, wrong.headline) == ("wrong", "✘", "Not this time")
    assert wrong.messages == ("Peskov appears only in paragraph 7.",)
    assert wrong.next == "Read the last two words of paragraph 3."
    assert check(e, None).verdict == "incomplete"


def test_multiple_partial_and_missed(kit):
    e = kit.exercise("kit-multiple")
    partial = check(e, {"lavrov", "putin"})
    assert partial.verdict == "partly"
    assert partial.score == (1, 3)
    text = "\n".join(partial.messages)
    assert "✔ “Lavrov”" in text and "✘ “Putin”: Putin 'has remained silent'." in text
    assert "○ Not chosen, but it belongs: “Blinken”" in text
    assert check(e, {"putin"}).verdict == "wrong"
    assert check(e, set()).verdict == "incomplete"


def test_classify_per_item_feedback_with_misconception(kit):
    e = kit.exercise("kit-classify")
    feedback = check(e, {"no-war": "reporter", "ray": "reporter"})
    assert feedback.verdict == "partly" and feedback.score == (1, 2)
    assert "not Reporter's own words but Direct quote. The reporter did not write these words" in feedback.messages[0]
    assert problem_with(e, {"no-war": "quote"}) == "Choose a category for every item first (1 still open)."


def test_date_derives_its_answer_from_the_time_expression(kit):
    e = kit.exercise("kit-date")
    assert {o.id: o.correct for o in e.options} == {"2022-01-26": True, "2022-02-02": False, "cant-tell": False}
    assert e.option("2022-01-26").text == "Wednesday 26 January 2022"
    assert check(e, "cant-tell").messages == ("The tense and the publication date settle it.",)


def test_order(kit):
    e = kit.exercise("kit-order")
    assert e.order == ("demands", "responses", "biden")
    feedback = check(e, ["demands", "biden", "responses"])
    assert feedback.verdict == "partly" and feedback.score == (1, 3)
    assert "“Biden's warning” belongs in position 3" in feedback.messages[1]
    assert problem_with(e, ["demands", "demands", "biden"]) == "Each item can be used only once: one of them appears twice."
    assert problem_with(e, ["demands", None, None]) == "Fill every position first (2 still empty)."


def test_rating_needs_a_reason_and_gives_the_point_feedback(kit):
    e = kit.exercise("kit-rating")
    assert problem_with(e, (3, "  ")) == "Add a sentence that says why you chose that point."
    assert problem_with(e, (None, "because")) == "Choose a point on the scale first."
    saved = check(e, (3, "It says could."))
    assert saved.verdict == "saved" and saved.messages == ("Too high.",)


def test_text_limits(kit):
    e = kit.exercise("kit-text")
    assert problem_with(e, "") and problem_with(e, " \n ")
    assert problem_with(e, "x" * MAX_TEXT) is None
    assert "the limit is 10,000" in problem_with(e, "x" * (MAX_TEXT + 1))


def test_highlight_options_point_into_the_paragraph(kit):
    e = kit.exercise("kit-highlight")
    assert all(o.span.paragraph == 2 for o in e.options)
    assert check(e, {"could"}).verdict == "right"
    assert check(e, {"could", "reiterated"}).verdict == "partly"


@pytest.mark.parametrize("exercise_id", ["kit-single", "kit-multiple", "kit-classify", "kit-order", "kit-rating"])
def test_describe_reads_answers_back(kit, exercise_id):
    e = kit.exercise(exercise_id)
    answer = right_answer(e) if e.type != "rating" else (1, "why")
    assert describe(e, answer) and "cannot read" not in describe(e, answer)
    assert "cannot read" in describe(e, 12345)
