"""Re-run notebooks and store them clean: outputs only in golden cells, no execution counts.

Golden cells carry the tag ``nbval-check-output``; nbval compares their stored output on every
``make test``. Run this (``make golden``) after changing a notebook or the data it shows, then
review the diff of the golden outputs before committing.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

GOLDEN = "nbval-check-output"
PIXELS = re.compile(r"data:image/png;base64,[A-Za-z0-9+/=]+")
PLACEHOLDER = "data:image/png;base64,PNG"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def clean(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Strip everything but golden outputs; drop widget state, and execution counts outside golden cells.

    Golden cells keep their counts: nbval refuses a stored output whose cell looks unrun. Their images are
    dropped (nbval never compares them, and they would bloat the repository); alt text and tables stay.
    """
    nb.metadata.pop("widgets", None)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type != "code":
            continue
        if GOLDEN not in cell.metadata.get("tags", []):
            cell.execution_count = None
            cell.outputs = []
            continue
        for output in cell.outputs:
            data = output.get("data", {})
            data.pop(WIDGET_VIEW, None)  # keep a widget's static twin, not its live view (its id changes every run)
            if "image/png" in data:  # nbval never compares images; the alt text, caption and table stay
                data.pop("image/png")
                output.get("metadata", {}).pop("image/png", None)
                if "text/html" in data:  # the <img> keeps its alt text; its pixels are not stored (see nbval_sanitize.cfg)
                    data["text/html"] = PIXELS.sub(PLACEHOLDER, "".join(data["text/html"]))
    return nb


def refresh(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    nbformat.write(clean(nb), path)


def main(paths: list[str]) -> int:
    for name in paths:
        refresh(Path(name))
        print(f"refreshed {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
