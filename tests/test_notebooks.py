"""Notebooks are committed clean, and run top to bottom twice with identical, warning-free output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = sorted(Path(__file__).parents[1].joinpath("notebooks").glob("*.ipynb"))
GOLDEN = "nbval-check-output"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def test_there_is_a_start_notebook():
    assert NOTEBOOKS and NOTEBOOKS[0].name == "00-start-here.ipynb"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_clean(path: Path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    assert "widgets" not in nb["metadata"], "widget state must not be committed"
    golden = 0
    for index, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code":
            continue
        tags = cell.get("metadata", {}).get("tags", [])
        if GOLDEN in tags:
            golden += 1
            assert cell["outputs"], f"golden cell {index} has no stored output: run `make golden`"
        else:
            assert cell["execution_count"] is None, f"cell {index} has an execution count"
            assert not cell["outputs"], f"cell {index} has outputs but is not a golden cell"
    assert golden, "each notebook pins at least one output with the nbval-check-output tag"


PROBE = "import sys\nprint('matplotlib' in sys.modules)"  # appended: did Run All import matplotlib?
MAX_WIDGET_MODELS = 150  # issue 18: what a browser builds per notebook, for a class of 30 on one hub


def _run(path: Path) -> tuple[list[list[dict]], dict]:
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(PROBE))
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
    facts = {"widget_models": len(state), "matplotlib": nb.cells.pop().outputs[0]["text"].strip() == "True"}
    runs = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        outputs = []
        for output in cell.outputs:
            data = {k: v for k, v in output.get("data", {}).items() if k not in (WIDGET_VIEW, "image/png")}
            outputs.append({"type": output.output_type, "name": output.get("name"), "text": output.get("text"),
                            "data": data})
        runs.append(outputs)
    return runs, facts


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_runs_twice_the_same_with_no_errors_or_warnings(path: Path):
    (first, facts), (second, _) = _run(path), _run(path)
    assert facts["widget_models"] <= MAX_WIDGET_MODELS, f"{facts['widget_models']} widget models"
    assert not facts["matplotlib"], "Run All imported matplotlib: a chart missed the shipped drawings (make drawings)"
    for number, outputs in enumerate(first):
        for output in outputs:
            assert output["type"] != "error", f"code cell {number} raised an error"
            assert output["name"] != "stderr", f"code cell {number} wrote to stderr: {output['text']}"
    assert first == second, "the notebook's output changed between two runs"


def test_import_brink_does_not_import_matplotlib():
    code = "import sys, brink, brink.views, brink.render; print('matplotlib' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_notebooks_can_import_brink_without_an_install():
    """On a JupyterHub reached by nbgitpuller nothing is installed: notebooks/brink links to the package."""
    link = Path(__file__).parents[1] / "notebooks" / "brink"
    assert link.is_symlink() and link.resolve() == (Path(__file__).parents[1] / "helpers" / "brink").resolve()
    code = "import brink; print(brink.__file__); print(brink.load().article.outlet)"
    # -S: no site-packages, so only the link in the notebooks folder can provide brink.
    result = subprocess.run([sys.executable, "-S", "-c", code], cwd=link.parent, capture_output=True, text=True,
                            check=True)
    where, outlet = result.stdout.split()
    assert Path(where).parent == link and outlet == "CNN"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_each_notebook_asks_all_its_exercises_in_file_order(path: Path):
    """Questions are numbered by their place in the exercise file, so the notebook must follow that order."""
    import re

    import brink

    asked = re.findall(r'views\.question\("([^"]+)"\)', "".join(
        "".join(c["source"]) for c in json.loads(path.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"))
    assert asked == [e.id for e in brink.load().exercises_for(path.stem)]


def test_the_readme_counts_the_golden_cells_truly():
    """Issue 20: the README says how many cells keep stored outputs; this keeps it true."""
    cells = [c for path in NOTEBOOKS for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
    golden = [c for c in cells if "nbval-check-output" in c.metadata.get("tags", [])]
    assert all(not c.outputs for c in cells if c not in golden)
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    assert f"{len(golden)} of the {len(cells)} code cells" in readme
