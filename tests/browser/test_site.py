"""`make site` (issue 20): the course as a website, built offline; every page opens with nothing from the network,
shows static twins rather than empty widgets, and every internal link (and anchor) lands."""

from __future__ import annotations

import re
import subprocess
import sys
from html import escape
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

ROOT = Path(__file__).parents[2]
SITE = ROOT / "build" / "site"


@pytest.fixture(scope="module")
def site() -> Path:
    result = subprocess.run([sys.executable, "tools/site.py"], cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    return SITE


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "_static" not in p.parts and "_sources" not in p.parts)


def test_every_page_opens_offline_and_every_internal_link_lands(site, browser_context):
    found = pages(site)
    assert {"index.html", "README.html"} <= {p.name for p in found}
    assert len([p for p in found if p.parent.name == "notebooks"]) == len(list((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")))
    ids: dict[Path, set[str]] = {p: set(re.findall(r'\bid="([^"]+)"', p.read_text(encoding="utf-8"))) for p in found}
    outside: list[str] = []
    broken: list[str] = []
    page = browser_context.new_page()
    page.route(re.compile(r"^(?!file:).*"), lambda route: (outside.append(route.request.url), route.abort()))
    page.set_default_timeout(30_000)
    try:
        page.goto((site / "index.html").as_uri())  # the front page sends the reader on to the README's page
        page.wait_for_url("**/README.html")
        for path in (p for p in found if p.name != "index.html"):
            page.goto(path.as_uri())
            if path.parent.name == "notebooks":  # (a guide may quote these words to a teacher)
                body = page.locator("body").inner_text()
                assert "Loading widget" not in body and "Error displaying widget" not in body, path
            for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
                url = urlparse(href)
                if url.scheme != "file":
                    continue
                target = Path(unquote(url.path))
                if not target.exists():
                    broken.append(f"{path.relative_to(site)} → {href}")
                elif url.fragment and target in ids and url.fragment not in ids[target]:
                    broken.append(f"{path.relative_to(site)} → {href} (no such anchor)")
    finally:
        page.close()
    assert broken == []
    assert outside == [], "pages asked the network for: " + ", ".join(sorted(set(outside)))


def test_notebooks_show_their_static_twins_and_how_to_run_them(site):
    html = (site / "notebooks" / "00-start-here.html").read_text(encoding="utf-8")
    start = re.sub(r"<[^>]+>", "", html)
    assert "Run this notebook" in start and "make lab" in start
    assert "Check item 1" in start and "Invented for this check" in start  # the printed questions, not a widget
    assert "widget-view+json" not in html and "brinkFrontend" not in html  # no live-only output left behind
    capstone = (site / "notebooks" / "05-what-could-a-reader-know.html").read_text(encoding="utf-8")
    import brink

    for claim in brink.load().claims:  # the reveal stays held on the site, as in every stored output
        assert escape(claim.outcome[:60], quote=False) not in capstone and claim.outcome[:60] not in capstone
