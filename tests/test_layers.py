"""The package's layers, as the design draws them: core ← static ← views, and exports beside them (review A1–A3,
A7, A9, A10). Each rule is checked in a fresh interpreter, so nothing imported by another test can hide a leak."""

import ast
import datetime as dt
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import brink
from brink.core.timing import Refusal, ordinal, resolve

ROOT = Path(__file__).parents[1]
PACKAGE = Path(brink.__file__).parent

# What each layer may not pull in, directly or through anything it imports.
FORBIDDEN = {
    "core": ("ipywidgets", "matplotlib", "IPython", "html", "brink.static", "brink.views", "brink.exports"),
    "static": ("ipywidgets", "matplotlib", "brink.views", "brink.exports"),
    "exports": ("ipywidgets", "matplotlib", "brink.views"),
}


def _modules(layer: str) -> list[str]:
    return [f"brink.{layer}.{m.name}" for m in pkgutil.iter_modules([str(PACKAGE / layer)])]


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_each_layer_imports_nothing_above_it(layer):
    names = _modules(layer)
    assert names, f"brink.{layer} has no modules"
    code = (f"import importlib, sys\nfor name in {names!r}:\n    importlib.import_module(name)\n"
            f"print(sorted(k for k in sys.modules if k.split('.')[0] in {FORBIDDEN[layer]!r} "
            f"or k.startswith({tuple(f for f in FORBIDDEN[layer] if '.' in f)!r})))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]", f"brink.{layer} pulls in {result.stdout.strip()}"


def test_the_layer_test_would_catch_a_leak(tmp_path):
    """A core module that imports ipywidgets is reported (checked on a throw-away copy of the package)."""
    import shutil

    copy = tmp_path / "brink"
    shutil.copytree(PACKAGE, copy)
    (copy / "core" / "leak.py").write_text("import ipywidgets  # noqa\n", encoding="utf-8")
    code = ("import importlib, sys, pkgutil\nimport brink.core as c\n"
            "for m in pkgutil.iter_modules(c.__path__):\n    importlib.import_module('brink.core.' + m.name)\n"
            "print('ipywidgets' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path,
                            env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert result.stdout.strip() == "True"


def test_import_brink_stays_light():
    code = "import sys, brink\nprint(sorted(k for k in ('ipywidgets', 'matplotlib') if k in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_notebooks_import_only_brink_and_the_views_facade():
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] != "code":
                continue
            for node in ast.walk(ast.parse("".join(cell["source"]))):
                if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("brink"):
                    assert node.module == "brink" and [a.name for a in node.names] == ["views"], (path.name, ast.dump(node))
                elif isinstance(node, ast.Import):
                    for alias in node.names:
                        assert not alias.name.startswith("brink.") or alias.name == "brink.views", (path.name, alias.name)


def test_the_records_hold_no_view_cache():
    """Review A2: figures cached on a private field of the frozen Corpus; the cache now lives in the view layer."""
    from brink.views import figures

    corpus = brink.load()
    plot = figures.timeline_plot(corpus)
    assert figures.timeline_plot(corpus) is plot
    assert not any("plot" in str(key) for key in corpus._index)


def test_an_exercise_id_follows_the_one_id_rule(data_copy):
    """Review A3: 'NB00 Genre!' passed `brink check` because exercises had an id check of their own."""
    from datafiles import edit

    edit(data_copy, "exercises/00-start-here.toml", 'id = "nb00-genre"', 'id = "NB00 Genre!"')
    messages = [str(p) for p in brink.check(data_copy)]
    assert any("exercises/00-start-here.toml · NB00 Genre! · id: ids use lower-case letters" in m for m in messages)


@pytest.mark.parametrize(("number", "word"), [(1, "1st"), (2, "2nd"), (3, "3rd"), (11, "11th"), (12, "12th"),
                                              (21, "21st"), (22, "22nd"), (28, "28th")])
def test_ordinals_read_as_english(number, word):
    """Review A7: the rules printed '2th' and '22th'."""
    assert ordinal(number) == word
    if number > 1:  # on the 1st, 'earlier this month' has no days to point to
        assert f"before the {word}" in resolve("earlier this month", dt.date(2022, 1, number), "past").clue


def test_may_the_modal_is_not_may_the_month():
    """Review A7: 'Russia may invade' resolved to May 2022."""
    assert isinstance(resolve("Russia may invade", dt.date(2022, 1, 28), "future"), Refusal)
    assert resolve("in May", dt.date(2022, 1, 28), "future").earliest == dt.date(2022, 5, 1)


def test_every_registry_and_label_map_covers_its_vocabulary():
    """Review A4 and A6: behaviour by exercise type lives in one registry per layer, keyed by answer shape; a value
    added to a vocabulary without its label fails here, not at render time with a KeyError."""
    from typing import get_args

    from brink.core import checking, exercises, records
    from brink.exports import keys
    from brink.static import demands_tables, exercise_render, palette, reading_tables, render
    from brink.views import figures, questions

    assert set(records.KINDS) == set(get_args(records.ExerciseType)) == set(exercises.READERS)
    assert {k.shape for k in records.KINDS.values()} == set(get_args(records.Shape))
    for registry in (checking.RULES, exercise_render.PRINTED, questions.CONTROLS, keys.KEY_TABLES):
        assert set(registry) == set(get_args(records.Shape))
    assert set(exercise_render.TYPE_HINTS) == set(get_args(records.ExerciseType))
    pairs = [(render.FIDELITY_LABELS, records.Fidelity),
             (render.COPY_LABELS, records.CopyKind), (reading_tables.VERB_KIND_LABELS, records.VerbKind),
             (reading_tables.HEDGE_KIND_LABELS, records.HedgeKind), (demands_tables.STATUS, records.Status),
             (demands_tables.STANCE, records.StanceValue),
             (figures.STANCE_STYLE, records.StanceValue), (palette.SIDES, records.Side)]
    for labels, vocabulary in pairs:
        assert set(labels) == set(get_args(vocabulary)), (sorted(labels), vocabulary)
    from brink.core.palette_names import COLOUR_NAMES

    assert set(COLOUR_NAMES) == set(palette.OKABE_ITO)
    assert {p.id for p in records.DEFAULT_PARTIES} == set(get_args(records.Side))


def test_a_type_string_test_is_not_written_again():
    """Review A4: 52 string tests on the exercise type in nine places. Behaviour by type goes through the registries."""
    import re

    pattern = re.compile(r"""(?:\.type|\bkind) *(?:==|in) *\(?["'](?:single|multiple|classify|date|order|rating|text|highlight)["']""")
    offenders = [f"{path.relative_to(PACKAGE)}:{n}" for path in PACKAGE.rglob("*.py")
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if pattern.search(line)]
    assert offenders == []
