"""The capstone keeps hindsight last: nothing after 28 January above the reveal, every revealed fact sourced."""

import datetime as dt
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

import brink
from brink import views
from brink.core import modes
from brink.static import capstone_cards

CORPUS = brink.load()
ROOT = Path(__file__).parents[1]
NOTEBOOK = ROOT / "notebooks" / "05-what-could-a-reader-know.ipynb"
PUBLISHED = dt.date(2022, 1, 28)
MONTHS = {m: n for n, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                      "september", "october", "november", "december"], start=1)}
SHORT = {m[:3]: n for m, n in MONTHS.items()}


def dates_in(text: str) -> list[dt.date]:
    """Every date written out in the text: 2022-02-24, 24 Feb 2022, 24 February 2022, February 24, 2022."""
    found = [dt.date(int(y), int(m), int(d)) for y, m, d in re.findall(r"\b(\d{4})-(\d{2})-(\d{2})\b", text)]
    for day, month, year in re.findall(r"\b(\d{1,2}) ([A-Z][a-z]+)\.? (\d{4})\b", text):
        number = MONTHS.get(month.lower()) or SHORT.get(month.lower()[:3])
        if number:
            found.append(dt.date(int(year), number, int(day)))
    for month, day, year in re.findall(r"\b([A-Z][a-z]+) (\d{1,2}), (\d{4})\b", text):
        number = MONTHS.get(month.lower())
        if number:
            found.append(dt.date(int(year), number, int(day)))
    for month, year in re.findall(r"\b([A-Z][a-z]+) (\d{4})\b", text):
        number = MONTHS.get(month.lower())
        if number:
            found.append(dt.date(int(year), number, 1))
    return found


def test_the_date_finder_finds_dates():
    assert dates_in("on 24 February 2022, 2022-02-01, Feb 2022, February 17, 2022, 28 Jan 2022") == [
        dt.date(2022, 2, 1), dt.date(2022, 2, 24), dt.date(2022, 1, 28), dt.date(2022, 2, 17), dt.date(2022, 2, 1)]


@pytest.fixture(scope="module")
def executed():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    return nb


def _visible(cells) -> str:
    parts = []
    for cell in cells:
        if cell.cell_type == "markdown":
            parts.append(cell.source)
        for output in cell.get("outputs", []):
            parts += [str(v) for k, v in output.get("data", {}).items() if k.startswith("text/")]
            parts.append(output.get("text", ""))
    return "\n".join(parts)


def test_no_date_after_publication_appears_before_the_reveal(executed):
    reveal = next(i for i, c in enumerate(executed.cells) if c.cell_type == "markdown" and c.source.startswith("## Hindsight"))
    before = _visible(executed.cells[:reveal])
    late = [d for d in dates_in(before) if d > PUBLISHED]
    assert late == [], f"dates after publication above the reveal: {late}"
    for event in CORPUS.events:
        if event.known_on_publication is False:
            assert event.title not in before, event.id
    after = _visible(executed.cells[reveal:])
    assert any(d == dt.date(2022, 2, 24) for d in dates_in(after))
    assert "The war continued after that date" in after


def test_model_answers_above_the_reveal_use_nothing_later():
    for exercise in CORPUS.exercises_for("05-what-could-a-reader-know"):
        if exercise.id in ("nb04-hindsight-trap", "nb04-truth-sandwich", "nb04-reflection"):
            continue
        words = " ".join([exercise.prompt, exercise.explanation, *exercise.rating_feedback,
                          *(o.feedback for o in exercise.options), *(o.text for o in exercise.options)])
        assert [d for d in dates_in(words) if d > PUBLISHED] == [], exercise.id
        assert "invaded" not in words and "24 February" not in words, exercise.id


def test_claims_split_known_from_later_and_every_revealed_fact_has_a_source():
    statements = {c.statement for c in CORPUS.claims}
    assert statements == {"s01-kremlin-talks-press-on", "s16-lavrov-follow-up", "s12-putin-reviewing",
                          "s07-kremlin-agreement-unlikely", "s03-biden-february", "s04-lavrov-if-up-to-russia"}
    for claim in CORPUS.claims:
        assert all(CORPUS.event(e).known_on_publication is True for e in claim.known)
        assert claim.outcome_events
        for event_id in claim.outcome_events:
            event = CORPUS.event(event_id)
            assert event.known_on_publication is not True and event.sources and event.date <= dt.date(2022, 2, 24)


def test_the_no_rush_reveal_gives_the_kremlins_same_day_account_with_its_caveat():
    """The most direct evidence on claim 3 is the Kremlin's account of the Putin–Macron call (review C9)."""
    claim = next(c for c in CORPUS.claims if c.id == "c3-no-rush")
    assert "cx-2022-01-28-putin-macron-call" in claim.outcome_events
    assert "Macron" in claim.outcome and "time of day is not confirmed" in claim.outcome


def test_issue_outcome_events_are_covered():
    needed = {"cx-2022-02-01-putin-remarks-and-call", "cx-2022-02-17-russian-reply", "cx-2022-02-21-recognition",
              "cx-2022-02-22-meeting-cancelled", "cx-2022-02-24-invasion"}
    assert needed <= {e for c in CORPUS.claims for e in c.outcome_events}


def test_a_claim_listing_a_later_event_as_known_is_refused(data_copy):
    from datafiles import edit

    edit(data_copy, "claims.toml", 'known = ["cx-2022-01-21-blinken-lavrov-geneva", "tx-lavrov-radio-interview"]',
         'known = ["cx-2022-02-01-putin-remarks-and-call", "tx-lavrov-radio-interview"]')
    messages = [str(p) for p in brink.check(data_copy)]
    assert any("c2-follow-up · known: cx-2022-02-01-putin-remarks-and-call is not known at publication" in m
               for m in messages)


def test_cards_show_conditions_hedges_and_only_earlier_events():
    cards = capstone_cards.claim_cards(CORPUS).text
    assert "“If it is up to the Russian Federation” (condition:" in cards
    assert "“could be poised to invade” (hedge:" in cards
    assert [d for d in dates_in(cards) if d > PUBLISHED] == []


def test_reveal_box_opens_on_purpose_and_waits_in_classroom_mode():
    box = views.reveal_box(CORPUS)
    assert box.shown.value == "" and not box.button.disabled
    box.button.click()
    assert "Russia launches a full-scale invasion of Ukraine" in box.shown.value and box.button.disabled
    modes.classroom()
    held = views.reveal_box(CORPUS)
    held.button.click()
    assert "your teacher will open this section" in held.shown.value and "invasion" not in held.shown.value
    modes.release_reveals()
    held.button.click()
    assert "Russia launches a full-scale invasion of Ukraine" in held.shown.value
    assert "The war continued after that date" in held.shown.value
    twin = held.static_twin().text  # what prints, exports and stays in the saved notebook
    assert "Held back on purpose" in twin and "invasion" not in twin


def test_every_link_in_the_guides_resolves_within_the_repository():
    for guide in sorted((ROOT / "lessons").glob("*.md")):
        for target in re.findall(r"\]\(([^)]+)\)", guide.read_text(encoding="utf-8")):
            if target.startswith(("http://", "https://", "#", "mailto:")):
                assert guide.name != "README.md", f"the course guide links outside the repository: {target}"
                continue
            assert (guide.parent / target.split("#")[0]).resolve().exists(), f"{guide.name}: broken link {target}"
