#!/usr/bin/env bash
# Build the Binder environment in a throw-away venv, as repo2docker would, and prove it works:
# the pins install together (pip check), postBuild runs, every notebook executes, and the
# browser suite passes in JupyterLab as pinned for Binder.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
venv=$(mktemp -d)/binder-venv
trap 'rm -rf "$(dirname "$venv")"' EXIT

echo "binder-check: creating $venv"
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet -r binder/requirements.txt
PATH="$venv/bin:$PATH" bash binder/postBuild
"$venv/bin/python" -m pip check
"$venv/bin/python" -m brink check
"$venv/bin/python" - <<'PY'
from pathlib import Path

import nbformat
from nbclient import NotebookClient

for path in sorted(Path("notebooks").glob("*.ipynb")):
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": "notebooks"}}).execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    if errors:
        raise SystemExit(f"binder-check: {path} raised {errors[0].ename}: {errors[0].evalue}")
    print(f"binder-check: {path} ran cleanly")
PY

# The browser suite against the Binder pins: the JupyterLab and widget versions a class gets.
# pytest and playwright are test tools only; they are not part of the Binder image.
"$venv/bin/python" -m pip install --quiet "pytest>=9,<10" playwright "axe-playwright-python==0.1.8"
if [ -x "${BRINK_CHROMIUM:-/usr/bin/chromium}" ] || [ "${CI:-}" = "true" ]; then
  # (The course website is built by `make test`, with Jupyter Book; it is not part of the Binder image.)
  "$venv/bin/python" -m pytest tests/browser -q -p no:cacheprovider -o addopts="-ra" --ignore=tests/browser/test_site.py
else
  echo "binder-check: Chromium is missing, so the browser suite was skipped (sudo apt-get install chromium)"
fi
echo "binder-check: the Binder pins install cleanly, every notebook runs, and the browser suite passes"
