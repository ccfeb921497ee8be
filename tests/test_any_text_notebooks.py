"""The any-text course kit runs top to bottom on any valid data folder and shows nothing of the CNN post that the
folder's data does not supply (issue 14, part 3)."""

import os
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).parents[1]
KIT = sorted((ROOT / "notebooks" / "any-text").glob("*.ipynb"))
READOUT = ROOT / "examples" / "white-house-readout"
PIXELS = re.compile(r"data:image/png;base64,[A-Za-z0-9+/=]+")
# What belongs to the CNN post alone: a text that does not supply these must not show them.
CNN_ONLY = ("8:38", "CNN", "Mackintosh", "Cotovio", "live page", "Live page", "reporter", "Lavrov")


def _run(path: Path, data: Path | None, monkeypatch) -> str:
    if data is None:
        monkeypatch.delenv("BRINK_DATA", raising=False)
    else:
        monkeypatch.setenv("BRINK_DATA", str(data))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    shown = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            assert output.get("output_type") != "error", f"{path.name}: {output.get('ename')}: {output.get('evalue')}"
            assert output.get("name") != "stderr", f"{path.name} wrote to stderr: {output.get('text')}"
            shown += [str(v) for k, v in output.get("data", {}).items() if k.startswith("text/")]
            shown.append(output.get("text", ""))
    return PIXELS.sub("", "\n".join(shown))  # a chart's base64 pixels can spell anything


@pytest.mark.parametrize("path", KIT, ids=lambda p: p.stem)
def test_the_kit_runs_on_the_course_text(path, monkeypatch):
    shown = _run(path, None, monkeypatch)
    assert "Text from CNN" in shown


@pytest.mark.parametrize("path", KIT, ids=lambda p: p.stem)
def test_the_kit_runs_on_a_second_text_and_shows_only_its_facts(path, monkeypatch):
    shown = _run(path, READOUT, monkeypatch)
    assert "Text from The White House, 27 January 2022" in shown
    leaked = [words for words in CNN_ONLY if words in shown]
    assert leaked == [], f"{path.name} shows {leaked} for a text that does not supply them"


def test_the_kit_says_nothing_specific_to_the_cnn_post():
    """The kit's own prose and code are generic: no word of them belongs to the 2022 article."""
    for path in KIT:
        nb = nbformat.read(path, as_version=4)
        words = "\n".join(cell.source for cell in nb.cells)
        for specific in (*CNN_ONLY, "Russia", "NATO", "Ukraine", "2022", "Biden"):
            assert specific not in words, (path.name, specific)


def test_the_second_text_is_valid_and_public_domain():
    import brink

    corpus = brink.load(READOUT)
    assert corpus.article.genre == "official readout" and "Public domain" in corpus.article.rights
    assert os.path.getsize(READOUT / "article.txt") > 0
