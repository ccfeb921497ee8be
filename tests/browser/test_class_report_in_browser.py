"""The class report a teacher opens (issue 19): it shows in Chromium, offline, and axe-core finds nothing serious."""

from __future__ import annotations

import subprocess
import sys

from test_notebooks_in_lab import AXE

import brink
from brink.core.checking import check
from brink.core.journal import Journal
from brink.core.records import KINDS
from brink.exports.handin import write_handin


def test_a_teacher_opens_the_class_report(browser_context, tmp_path):
    corpus = brink.load()
    inbox = tmp_path / "in"
    inbox.mkdir()
    for n in range(3):
        folder = tmp_path / f"student-{n}"
        for exercise in corpus.exercises:
            if KINDS[exercise.type].shape != "one":
                continue
            option = exercise.options[n % len(exercise.options)].id
            Journal(exercise.notebook, folder).record(exercise.id, option,
                                                      kind="commit" if exercise.judgement else "check",
                                                      verdict=check(exercise, option).verdict)
        (inbox / f"{n}.json").write_bytes(write_handin(folder, formats=("json",), corpus=corpus).paths[0].read_bytes())
    (inbox / "<em>odd.json").write_text("not json", encoding="utf-8")
    report = tmp_path / "class-report.html"
    subprocess.run([sys.executable, "-m", "brink", "class", "report", str(inbox), "-o", str(report)], check=True,
                   capture_output=True, timeout=120)
    page = browser_context.new_page()
    try:
        page.goto(report.as_uri())
        assert page.locator("h1").inner_text().startswith("Class report")
        assert page.locator("caption", has_text="Who handed in what").count() == 1
        assert page.get_by_text("<em>odd.json").count() == 1  # shown as typed, never as markup
        assert page.locator("text=Discussion starter").count() > 0
        gains = page.locator("table", has=page.locator("caption", has_text="Right answers before (form A)"))
        assert gains.locator("tbody tr").count() == len({i.skill for i in corpus.check_items()})
        assert gains.locator("th[scope=col]", has_text="Change").count() == 1
        assert page.get_by_text("3 students answered both").count() == 1
        page.add_script_tag(path=str(AXE))
        found = page.evaluate("""async () => (await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a',
            'wcag21aa']})).violations.filter(v => ['serious', 'critical'].includes(v.impact)).map(v => v.id)""")
        assert found == []
    finally:
        page.close()
