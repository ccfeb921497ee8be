"""Pacing that fits (review P3) and a plan a substitute can run (P7).

Each guide's minute plan has one table per class period of the notebook; each table starts at 0, runs without
gaps to at most 50 minutes, launches the lesson, protects at least 8 minutes of discussion, and the last period
ends with an exit ticket. The course guide marks the two-period notebooks and links every substitute page.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_question_order import NOTEBOOKS, cells, periods

LESSONS = Path(__file__).parents[1] / "lessons"
ROW = re.compile(r"^\| (\d+)–(\d+) \| ([^|]+) \|", re.M)
PERIOD_MINUTES = 50
PROTECTED = 8
SUBSTITUTE_HEADINGS = ("## What to say", "## What students do", "## If the computers fail", "## Opt-out task")
ONE_PAGE_WORDS = 450


def plans(guide: str) -> list[list[tuple[int, int, str]]]:
    """The minute plan's tables, each as rows of (start, end, section)."""
    section = guide[guide.index("inute-by-minute plan"):]
    section = section[:section.index("\n## ")] if "\n## " in section else section
    tables = [t for t in re.split(r"\n(?=### )|\n\n(?=\|)", section) if "| Min |" in t]
    return [[(int(a), int(b), name.strip()) for a, b, name in ROW.findall(t)] for t in tables]


def problems(plan: list[list[tuple[int, int, str]]]) -> list[str]:
    found = []
    for number, rows in enumerate(plan, start=1):
        ends = [0] + [end for _, end, _ in rows]
        if [start for start, _, _ in rows] != ends[:-1]:
            found.append(f"period {number}: the minutes have gaps or overlaps")
        if ends[-1] > PERIOD_MINUTES:
            found.append(f"period {number}: {ends[-1]} minutes")
        if not any("launch" in name.lower() for _, _, name in rows):
            found.append(f"period {number}: no launch")
        if not any("discussion" in name.lower() and end - start >= PROTECTED for start, end, name in rows):
            found.append(f"period {number}: no discussion of {PROTECTED} minutes or more")
    if plan and not any("exit ticket" in name.lower() for _, _, name in plan[-1]):
        found.append("the last period has no exit ticket")
    return found


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_each_minute_plan_fits_its_periods(notebook):
    guide = (LESSONS / f"{notebook.stem}.md").read_text(encoding="utf-8")
    plan = plans(guide)
    assert len(plan) == len(periods(cells(notebook))), "one minute-plan table per class period of the notebook"
    assert problems(plan) == []


def test_a_plan_without_discussion_is_caught():
    guide = (LESSONS / "02-timeline.md").read_text(encoding="utf-8")
    squeezed = guide.replace("| 35–43 | Discussion (protected) |", "| 35–43 | More questions |")
    assert "period 1: no discussion of 8 minutes or more" in problems(plans(squeezed))


def test_the_course_guide_marks_two_period_lessons_and_links_substitutes():
    readme = (LESSONS / "README.md").read_text(encoding="utf-8")
    for notebook in NOTEBOOKS:
        row = next(line for line in readme.splitlines() if line.startswith(f"| [{notebook.stem[:2]} "))
        two = len(periods(cells(notebook))) == 2
        assert ("2 × 50" in row) == two, row
        assert f"(substitute/{notebook.stem}.md)" in row
        counts = [len(p) for p in periods(cells(notebook))]
        assert f"| {' + '.join(map(str, counts))} |" in row, f"question count {counts} in {row}"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_a_substitute_can_run_each_lesson_from_one_page(notebook):
    page = (LESSONS / "substitute" / f"{notebook.stem}.md").read_text(encoding="utf-8")
    for heading in SUBSTITUTE_HEADINGS:
        assert heading in page
    assert len(page.split()) <= ONE_PAGE_WORDS
    assert f"notebooks/{notebook.name}" in page
    assert f"build/handouts/{notebook.stem}-student.pdf" in page
