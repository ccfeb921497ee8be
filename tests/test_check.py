"""`python -m brink check` names file, entry, field, what is wrong and how to fix it."""

import subprocess
import sys
from pathlib import Path

import pytest
from datafiles import edit

from brink.__main__ import main


def run_check(folder: Path, capsys) -> tuple[int, str]:
    code = main(["check", str(folder)])
    return code, capsys.readouterr().out


def test_package_data_is_clean(capsys):
    from brink.core.loading import DATA_DIR

    code, out = run_check(Path(DATA_DIR), capsys)
    assert code == 0
    assert "All is well" in out


CASES = [
    pytest.param(
        "statements.toml", 'form = "quote"\n', "",
        ["statements.toml · s04-lavrov-if-up-to-russia · form", "this field is missing", "Fix: add `form = …`"],
        id="missing-field"),
    pytest.param(
        "actors.toml", 'speaks = false\nnote = "Speaks only', 'speaks = "no"\nnote = "Speaks only',
        ["actors.toml · russia · speaks", "expected true or false, found text"],
        id="wrong-type"),
    pytest.param(
        "statements.toml", 'speakers = ["blinken"]', 'speakers = ["blinkin"]',
        ["statements.toml · s10-blinken-diplomatic-path · speakers", "unknown actor id 'blinkin'", "use an id from actors.toml"],
        id="unknown-actor"),
    pytest.param(
        "statements.toml", "Moscow did not want war with Ukraine", "Moscow does not want war with Ukraine",
        ["statements.toml · s02-lavrov-no-war-wanted · evidence", "is not in the article", "copy the words exactly"],
        id="evidence-not-in-text"),
    pytest.param(
        "time_expressions.toml", 'phrase = "Friday"\nparagraph = 8\n', 'phrase = "Friday"\n',
        ["time_expressions.toml · t13-friday-p8 · phrase", "occurs 2 times (P2, P8)", "add `paragraph = N`"],
        id="ambiguous-evidence"),
    pytest.param(
        "events.toml", "date = 2022-01-26\ntitle = \"The US and NATO", "date = \"2022-02-30\"\ntitle = \"The US and NATO",
        ["events.toml · tx-responses-delivered · date", "'2022-02-30' is not a real date", "year-month-day"],
        id="bad-date"),
    pytest.param(
        "time_expressions.toml", "earliest = 2022-01-01\nlatest = 2022-01-27", "earliest = 2022-01-27\nlatest = 2022-01-01",
        ["time_expressions.toml · t15-earlier-this-month · latest", "is before earliest", "swap them"],
        id="latest-before-earliest"),
    pytest.param(
        "positions.toml", 'status = "ruled-out"', 'status = "off-the-table"',
        ["positions.toml · p02-halt-nato-expansion · status", "'off-the-table' is not allowed", "use one of: ruled-out"],
        id="unknown-status"),
    pytest.param(
        "actors.toml", 'id = "kremlin"', 'id = "russia"',
        ["actors.toml · russia · id", "this id is used twice"],
        id="duplicate-id"),
    pytest.param(
        "events.toml", 'title = "Biden and Putin hold a two-hour video call"', 'title = "Biden and Putin hold a two-hour video call',
        ["events.toml: TOML syntax error", "line ", "correct the syntax at that line"],
        id="toml-syntax-error"),
    pytest.param(
        "events.toml", 'confidence = "Medium"', 'confidence = "Unconfirmed"',
        ["events.toml · cx-2019-constitution · confidence", "'Unconfirmed' is not allowed", "High, Medium"],
        id="unconfirmed-fact"),
    pytest.param(
        "statements.toml", 'fidelity = "loose"', 'fidelity = "loose"\nfidellity_note = "typo"',
        ["statements.toml · s08-lavrov-full-of-itself · fidellity_note", "unknown field", "check the spelling"],
        id="misspelt-field"),
    pytest.param(
        "events.toml", 'known_on_publication = false\nsources = [\n  {issuer = "The Daily Beast"',
        'known_on_publication = true\nsources = [\n  {issuer = "The Daily Beast"',
        ["events.toml · cx-2022-02-22-meeting-cancelled · known_on_publication", "no reader could know it"],
        id="hindsight-marked-known"),
    pytest.param(
        "statements.toml", 'verb = "reiterated"', 'verb = "repeated"',
        ["s02-lavrov-no-war-wanted · verb", "'repeated' is not in the sentence"],
        id="verb-not-in-sentence"),
    # The checks below catch the kinds of error the review of 0.1 found by hand (C1, C6, C7, C8).
    pytest.param(
        "events.toml", 'via = "National Post", copy = "news-site"', 'via = "National Post"',
        ["events.toml · cx-2022-01-21-blinken-lavrov-geneva source 1 · copy", "this field is missing"],
        id="copy-elsewhere-without-a-label"),
    pytest.param(
        "events.toml", '{issuer = "NATO", description = "news release', '{description = "news release',
        ["events.toml · tx-responses-delivered source 1 · issuer", "this field is missing"],
        id="source-without-issuer"),
    pytest.param(
        "events.toml", 'via = "National Post", copy = "news-site"', 'via = "National Post", copy = "issuer"',
        ["events.toml · cx-2022-01-21-blinken-lavrov-geneva source 1 · via", "copy says the link is the issuer's own page"],
        id="via-on-the-issuers-own-page"),
    pytest.param(
        "events.toml",
        "https://ilfattoquotidiano.it/2022/02/15/ucraina-il-colloquio-tra-putin-e-scholz-al-tavolo-di-sei-metri-diventato-"
        "simbolo-della-crisi-video/6494637/amp",
        "https://www.thedailybeast.com/secretary-of-state-antony-blinken-calls-off-meeting-with-russian-minister-sergei-"
        "lavrov-over-ukraine-invasion",
        ["events.toml · cx-2022-02-22-meeting-cancelled · sources", "is dated 2022-02-22 here but 2022-02-15",
         "one page has one date"],
        id="one-url-two-dates"),
    pytest.param(
        "positions.toml", "voiced_by = []", 'voiced_by = ["nato"]',
        ["positions.toml · p17-nato-open-door · voiced_by", "the text never lets NATO say this", 'voiced_by = ["reporter"]'],
        id="position-credited-to-a-silent-side"),
    pytest.param(
        "stances.toml", '  voiced_by = ["reporter"]\n  note = "The passive', '  note = "The passive',
        ["stances.toml · halt-expansion stance 3 · evidence", "no one from the side 'nato' speaks in this evidence"],
        id="stance-credited-to-a-silent-side"),
    pytest.param(
        "exercises/02-timeline.toml", "the text says Lavrov's words came 'a day after' Biden's warning",
        "the text puts Biden's warning 'a day after' Lavrov's words",
        ["nb02-exit-before-because · explanation", "'a day after' puts “Biden says Russia could invade Ukraine in February” "
         "(2022-01-27) after “Lavrov's interview", "correct the order in the prose"],
        id="feedback-orders-events-wrongly"),
    pytest.param(
        "exercises/02-timeline.toml", "the text says Lavrov's words came 'a day after' Biden's warning",
        "the text says Lavrov's words came 'two days after' Biden's warning",
        ["nb02-exit-before-because · explanation", "puts 2 day(s) between", "events.toml puts 1"],
        id="feedback-gets-the-gap-wrong"),
    pytest.param(
        "hedges.toml", 'holder = ["lavrov", "peskov"]', 'holder = "peskov"',
        ["hedges.toml · h11-would-not-rush · holder", "inside s12-putin-reviewing, which the text credits to Sergey Lavrov "
         "and Dmitry Peskov", 'holder = ["lavrov", "peskov"]'],
        id="hedge-credited-to-one-of-two-speakers"),
    pytest.param(
        "verbs.toml", 'statements = ["s08-lavrov-full-of-itself"]', 'statements = ["s02-lavrov-no-war-wanted"]',
        ["verbs.toml · added · statements", "s02-lavrov-no-war-wanted reports its words with 'reiterated', not 'added'"],
        id="verb-entry-lists-a-statement-with-another-verb"),
    pytest.param(
        "quote_checks.toml", 'statement = "s05-lavrov-grains-of-reason"', 'statement = "s08-lavrov-full-of-itself"',
        ["quote_checks.toml · q2-grains-of-reason · statement", "its words in the text are not part of "
         "s08-lavrov-full-of-itself"],
        id="quote-check-outside-its-statement"),
]


@pytest.mark.parametrize(("name", "old", "new", "expected"), CASES)
def test_bad_data_is_reported(data_copy, capsys, name, old, new, expected):
    edit(data_copy, name, old, new)
    code, out = run_check(data_copy, capsys)
    assert code == 1
    for words in expected:
        assert words in out
    assert "Traceback" not in out


def test_every_problem_is_listed_not_just_the_first(data_copy, capsys):
    edit(data_copy, "positions.toml", 'status = "ruled-out"', 'status = "nope"')
    edit(data_copy, "statements.toml", 'speakers = ["blinken"]', 'speakers = ["nobody"]')
    code, out = run_check(data_copy, capsys)
    assert code == 1 and "2 problems" in out


def test_missing_files_are_reported(data_copy, capsys):
    (data_copy / "article.txt").unlink()
    code, out = run_check(data_copy, capsys)
    assert code == 1 and "article.txt: the file is missing" in out


def test_load_raises_a_data_error_listing_problems(data_copy):
    import brink

    edit(data_copy, "positions.toml", 'status = "ruled-out"', 'status = "nope"')
    with pytest.raises(brink.DataError) as caught:
        brink.load(data_copy)
    assert len(caught.value.problems) == 1
    assert "positions.toml · p02-halt-nato-expansion · status" in str(caught.value)


def test_command_line_never_shows_a_traceback(data_copy):
    edit(data_copy, "events.toml", "[[event]]", "[[event]")
    result = subprocess.run([sys.executable, "-m", "brink", "check", str(data_copy)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "TOML syntax error" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
