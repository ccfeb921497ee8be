"""The first cell explains a broken set-up (issue 20, review E3): a lost link is mended, anything else is one paragraph."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
GUARD = ROOT / "notebooks" / "brink_setup.py"
# Make brink unimportable in a kernel that has it installed: a finder that refuses it, put first.
HIDE_BRINK = """
import sys
class _Hide:
    def find_spec(self, name, path=None, target=None):
        if name == "brink" or name.startswith("brink."):
            raise ModuleNotFoundError(f"No module named {name!r}")
sys.meta_path.insert(0, _Hide())
"""


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_notebook_runs_the_guard_first(path):
    first = next(c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
    assert first.source.startswith("import brink_setup")


def course_copy(tmp: Path, *, helpers: bool) -> Path:
    """The notebooks folder as a ZIP download leaves it: `notebooks/brink` a small text file, not a link."""
    notebooks = tmp / "course" / "notebooks"
    notebooks.mkdir(parents=True)
    shutil.copy(GUARD, notebooks)
    shutil.copy(NOTEBOOKS[0], notebooks)
    (notebooks / "brink").write_text("../helpers/brink", encoding="utf-8")
    if helpers:
        shutil.copytree(ROOT / "helpers" / "brink", tmp / "course" / "helpers" / "brink")
    return notebooks


def test_a_lost_link_is_mended_from_the_helpers_folder(tmp_path):
    """Python without site-packages (-S), so only the copy can provide brink."""
    notebooks = course_copy(tmp_path, helpers=True)
    result = subprocess.run([sys.executable, "-S", "-c", "import brink_setup, brink; print(brink.__file__)"],
                            cwd=notebooks, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()).is_relative_to(tmp_path / "course" / "helpers" / "brink")


def test_a_notebook_without_brink_says_what_to_do_in_one_paragraph(tmp_path):
    notebooks = course_copy(tmp_path, helpers=False)
    nb = nbformat.read(notebooks / NOTEBOOKS[0].name, as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell(HIDE_BRINK))
    client = NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True,
                            resources={"metadata": {"path": str(notebooks)}})
    client.execute()
    first = next(c for c in nb.cells[1:] if c.cell_type == "code")
    error = next(o for o in first.outputs if o.output_type == "error")
    assert error.ename == "SetupProblem"
    assert len(error.traceback) == 1 and "Traceback" not in error.traceback[0]
    assert "cannot find the course's `brink` package" in error.traceback[0] and "pip install -e ." in error.traceback[0]


def test_an_old_python_is_named(tmp_path, monkeypatch):
    import importlib

    monkeypatch.setattr(sys, "version_info", (3, 10, 12, "final", 0))
    monkeypatch.syspath_prepend(str(GUARD.parent))
    sys.modules.pop("brink_setup", None)
    with pytest.raises(Exception, match=r"needs Python 3\.11 or newer, and this notebook runs Python 3\.10") as caught:
        importlib.import_module("brink_setup")
    assert caught.value._render_traceback_()[0].startswith("⚠ This course needs Python 3.11")
    sys.modules.pop("brink_setup", None)
