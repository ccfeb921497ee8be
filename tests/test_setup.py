"""The two commands install what they need and no more (issue 20, review E4), and the version lives in one place."""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path

import brink

ROOT = Path(__file__).parents[1]


def dry_run(target: str, tmp: Path) -> str:
    """What `make TARGET` would run for someone with no venv yet (make -n: nothing is run)."""
    result = subprocess.run(["make", "-n", target, f"VENV={tmp / 'venv'}", "PYTHON=python3"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_make_lab_installs_the_course_without_the_test_tools(tmp_path):
    installs = [line for line in dry_run("lab", tmp_path).splitlines() if "pip install" in line and "-e" in line]
    assert installs and all("'.[lab]'" in line for line in installs)


def test_make_test_adds_the_test_tools(tmp_path):
    assert "-e '.[lab,test]'" in dry_run("test", tmp_path)


def test_one_place_holds_the_version():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "version" not in project and "version" in project["dynamic"]
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## {re.escape(brink.__version__.removesuffix('.dev0'))}\b", changelog, re.M)
    citation = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert f'version: "{brink.__version__}"' in citation
