"""Charts drawn once, not in every student's kernel (issue 18).

A chart depends only on the text's data and on the code that draws it, so each rendered PNG is kept under a key
made from a hash of both, the chart's name and its parameters. Three places are tried in turn:

1. memory, for this kernel;
2. the drawings shipped in the package (``drawn/``), made by ``make drawings`` for the package's own text and
   checked by a test so they cannot drift from the data or the code;
3. the user's cache folder (``$BRINK_CACHE_DIR``, else ``$XDG_CACHE_HOME/brink/drawings``, else
   ``~/.cache/brink/drawings``), for another text or edited data.

Only when all three miss is the chart drawn; matplotlib is imported then and only then. A cache that cannot be
written (a read-only home on a hub) costs a redraw next time, never an error.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import weakref
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from ..core.records import Corpus

HERE = Path(__file__).resolve().parent  # resolved: the notebooks reach the package through a link
PACKAGE = HERE.parent
SHIPPED = HERE / "drawn"
INDEX = SHIPPED / "index.json"
FIGURES = HERE / "figures.py"

_memory: dict[str, bytes] = {}
_data_keys: dict[tuple[int, tuple[str, ...]], str] = {}


def user_cache() -> Path:
    if os.environ.get("BRINK_CACHE_DIR"):
        return Path(os.environ["BRINK_CACHE_DIR"]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "brink" / "drawings"


# The code that decides a drawing's pixels. figures.py imports more (records for types, the HTML tables and alt
# text), but those change no pixel, and records.py changes with every new field: counting them would redraw every
# chart, and add megabytes to the history, for nothing. A test holds figures.py's imports to these two lists.
DRAWING_CODE = ("views/figures.py", "static/palette.py", "core/reading.py", "core/timeline.py", "core/demands.py",
                "static/demands_tables.py")
NOT_DRAWING = ("core/records.py", "static/render.py", "static/timeline_tables.py", "views/drawings.py")


def figure_imports() -> set[str]:
    """The brink modules figures.py imports, as paths inside the package."""
    found = set()
    for node in ast.walk(ast.parse(FIGURES.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level in (1, 2):
            base = PACKAGE if node.level == 2 else HERE
            place = base.joinpath(*(node.module or "").split(".")) if node.module else base
            if place.is_dir():  # from ..static import palette; from . import drawings
                found.update((place / f"{alias.name}.py").relative_to(PACKAGE).as_posix() for alias in node.names)
            else:
                found.add(place.with_suffix(".py").relative_to(PACKAGE).as_posix())
    return found


@lru_cache(maxsize=1)
def code_key() -> str:
    """A hash of the code that decides a drawing's pixels (:data:`DRAWING_CODE`)."""
    digest = hashlib.sha256()
    for name in DRAWING_CODE:
        digest.update(name.encode() + b"\0" + (PACKAGE / name).read_bytes())
    return digest.hexdigest()


def data_key(corpus: Corpus, reads: tuple[str, ...]) -> str:
    """A hash of the parts of the text's data that a chart reads (``reads``: names of :class:`Corpus` fields), so
    editing a question or a statement redraws only the charts that show it. Computed once per corpus and chart."""
    key = (id(corpus), reads)
    if key not in _data_keys:
        if not any(k[0] == id(corpus) for k in _data_keys):  # first key for this corpus: drop all with it
            weakref.finalize(corpus, _forget_corpus, id(corpus))
        _data_keys[key] = hashlib.sha256(repr(tuple(getattr(corpus, name) for name in reads)).encode("utf-8")).hexdigest()
    return _data_keys[key]


def _forget_corpus(ident: int) -> None:
    for key in [k for k in _data_keys if k[0] == ident]:
        _data_keys.pop(key, None)


def key(corpus: Corpus, name: str, reads: tuple[str, ...]) -> str:
    """The key of one drawing: ``name`` says which chart, with which parameters and in which layout."""
    return hashlib.sha256(f"{code_key()}\0{data_key(corpus, reads)}\0{name}".encode()).hexdigest()[:24]


def drawing(corpus: Corpus, name: str, reads: tuple[str, ...], draw: Callable[[], bytes]) -> bytes:
    """The PNG of the drawing ``name``: from memory, the shipped drawings or the user's cache; drawn only on a miss."""
    found = key(corpus, name, reads)
    if found in _memory:
        return _memory[found]
    for folder in (SHIPPED, user_cache()):
        try:
            image = (folder / f"{found}.png").read_bytes()
            break
        except OSError:
            continue
    else:
        image = draw()
        _store(user_cache(), found, image)
    _memory[found] = image
    return image


def _store(folder: Path, name: str, image: bytes) -> None:
    """Write atomically, so two kernels drawing the same chart never leave half a file; a failure is only a miss."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        part = folder / f".{name}.{os.getpid()}.part"
        part.write_bytes(image)
        part.replace(folder / f"{name}.png")
    except OSError:
        pass


def forget() -> None:
    """Drop what this kernel holds in memory (tests; a teacher who edits data in a running kernel)."""
    _memory.clear()


def write_shipped(corpus: Corpus, every: dict[str, tuple[tuple[str, ...], Callable[[], bytes]]],
                  made_with: dict[str, str]) -> int:
    """Draw every chart the course can show for ``corpus`` into the package (``make drawings``); returns the count.
    Old drawings are removed, so the folder holds exactly what the current data and code give. ``made_with`` names
    the versions of the libraries that shape the bytes (matplotlib draws, Pillow packs the PNG)."""
    SHIPPED.mkdir(exist_ok=True)
    for old in SHIPPED.glob("*.png"):
        old.unlink()
    index = {}
    for name, (reads, draw) in every.items():
        found = key(corpus, name, reads)
        (SHIPPED / f"{found}.png").write_bytes(draw())
        index[found] = name
    INDEX.write_text(json.dumps({"made_with": made_with, "code": code_key(), "drawings": index},
                                indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return len(index)


def shipped_index() -> dict:
    try:
        return json.loads(INDEX.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"drawings": {}}
