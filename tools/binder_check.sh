#!/usr/bin/env bash
# Build the Binder environment in a throw-away venv, as repo2docker would, and prove it works:
# the pins install together (pip check), postBuild runs, and every notebook executes.
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
echo "binder-check: the Binder pins install cleanly and every notebook runs"
