"""Run first by every notebook of the course: make ``import brink`` work, or say in one paragraph why it cannot.

The course ships ``notebooks/brink`` as a link to ``helpers/brink``, so the notebooks run with nothing installed.
A ZIP download, or a copy on Windows, can turn that link into a small text file; then this adds ``helpers`` to
the path instead, and the course runs all the same. When brink cannot be found at all (Colab, a hub without the
package, Python older than 3.11), the first cell shows one paragraph that says what to do, not a traceback.
It uses only the standard library, so it runs where brink cannot.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

NEEDS = (3, 11)
HERE = Path.cwd()


class SetupProblem(Exception):
    """Shown as its message alone: IPython prints what ``_render_traceback_`` returns instead of a traceback."""

    def _render_traceback_(self) -> list[str]:
        return [f"\u26a0 {self}"]


def _findable() -> bool:
    try:
        return importlib.util.find_spec("brink") is not None
    except (ImportError, ValueError):
        return False


def _helpers() -> Path | None:
    """The course's ``helpers`` folder, from the notebooks folder or a folder below it."""
    for folder in (HERE, *HERE.parents[:2]):
        if (folder / "helpers" / "brink" / "__init__.py").is_file():
            return folder / "helpers"
    return None


def problem() -> str | None:
    """What stops ``import brink`` here, in words a teacher can act on; None when nothing does."""
    if sys.version_info < NEEDS:
        running = ".".join(map(str, sys.version_info[:2]))
        return (f"This course needs Python 3.11 or newer, and this notebook runs Python {running}. On a JupyterHub, "
                "ask whoever runs it for an image with Python 3.11 or newer, or choose a newer kernel (Kernel menu, "
                "Change Kernel); on your own computer, install a newer Python and run `make lab` again.")
    if _findable():
        return None
    helpers = _helpers()
    if helpers is not None:  # the link notebooks/brink was lost: use the package where it lives
        sys.path.insert(0, str(helpers))
        importlib.invalidate_caches()
        return None
    if "google.colab" in sys.modules:
        return ("In Google Colab the course has to be installed first. In a new cell at the top, run "
                "`!pip install -q <address of the course's repository>` (for example "
                "`!pip install -q git+https://github.com/example-school/brink`), then run this cell again.")
    return ("Python cannot find the course's `brink` package. The notebooks folder normally holds a link, "
            "`notebooks/brink`, to `helpers/brink`; a ZIP download or a copy that left the `helpers` folder behind "
            "breaks it. Fix: open a terminal in the course folder and run `pip install -e .` (or `make lab`), then "
            "restart the kernel; or open the course with its Binder or JupyterHub link (see the README).")


_problem = problem()
if _problem:
    raise SetupProblem(_problem)
