"""Self-study and classroom modes: whether model answers and hindsight open as soon as a student commits.

Self-study (the default) opens the model answer right after the commit. In classroom mode the teacher holds the
model answers and the hindsight sections back until the class has discussed; factual feedback still shows.

- On a JupyterHub, set ``BRINK_MODE=classroom`` for every student server. To open the answers for the whole class
  at once, also set ``BRINK_RELEASE_DIR`` to a folder every student server can read and the teacher can write
  (a shared, read-only mount for students). ``python -m brink release [NOTEBOOK ...]``, run by the teacher in a
  terminal, writes the release file there; no student kernel has to be touched or restarted. Held views check
  the file whenever the student presses their button, and every question checks it when it is shown.
- In one notebook, ``brink.classroom()`` holds, ``brink.release_reveals()`` opens, ``brink.self_study()`` goes
  back; these act in that kernel only.

What it is not: an exam lock. The keys ship with the course (in the data and the teacher guides), so a
determined student can read them. Classroom mode keeps honest students honest and the discussion open.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import weakref
from pathlib import Path

from .journal import FORMER_NAMES

ENV_MODE = "BRINK_MODE"
ENV_RELEASE_DIR = "BRINK_RELEASE_DIR"
CLASSROOM = "classroom"
RELEASE_FILE = "brink-release.json"
RELEASE_SCHEMA = "brink.release/1"
EVERYTHING = "*"

_override: bool | None = None  # set by classroom() / release_reveals() / self_study()
_listeners: weakref.WeakSet = weakref.WeakSet()


def release_dir() -> Path | None:
    value = os.environ.get(ENV_RELEASE_DIR, "").strip()
    return Path(value) if value else None


def released(notebook: str | None = None) -> bool:
    """True when the teacher's release file opens this notebook (or everything). A missing or damaged file
    opens nothing and raises nothing: held stays held."""
    folder = release_dir()
    if folder is None:
        return False
    try:
        data = json.loads((folder / RELEASE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return False
    names = data.get("released") if isinstance(data, dict) and data.get("schema") == RELEASE_SCHEMA else None
    if not isinstance(names, list):
        return False
    # A release made for a notebook under its former name (the capstone was 04 before issue 16) still counts.
    return EVERYTHING in names or (notebook is not None and bool({notebook, *FORMER_NAMES.get(notebook, ())} & set(names)))


def reveals_allowed(notebook: str | None = None) -> bool:
    """True when model answers and hindsight may open now, for this notebook."""
    if _override is not None:
        return _override
    if os.environ.get(ENV_MODE, "").strip().lower() != CLASSROOM:
        return True
    return released(notebook)


def write_release(folder: str | Path, notebooks: list[str] | None = None, *, withdraw: bool = False) -> Path:
    """The teacher's side: open (or close again) these notebooks, or everything, for every student server that
    reads ``folder``. Written atomically and readable by all, so a half-written file is never seen."""
    from .journal import atomic_write, parse

    folder = Path(folder)
    path = folder / RELEASE_FILE
    names = set(notebooks or [EVERYTHING])
    try:
        current = parse(path.read_text(encoding="utf-8"))
        already = set(current.get("released", [])) if isinstance(current, dict) else set()
    except (OSError, ValueError):
        already = set()
    now = sorted(already - names) if withdraw else sorted(already | names)
    atomic_write(path, json.dumps({"schema": RELEASE_SCHEMA, "released": now,
                                   "changed": dt.datetime.now().astimezone().isoformat(timespec="seconds")},
                                  indent=1) + "\n")
    os.chmod(path, 0o644)  # every student server must read it, whatever the teacher's umask (a held class says nothing)
    return path


def _set(allowed: bool) -> None:
    global _override
    _override = allowed
    refresh_all()


def refresh_all() -> None:
    """Ask every view on screen to show or hold its answers again."""
    for listener in list(_listeners):
        listener.refresh_reveal()


def classroom() -> str:
    """Hold model answers back until the teacher calls ``release_reveals()``."""
    _set(False)
    return "Classroom mode: model answers stay closed until your teacher opens them."


def release_reveals() -> str:
    """Open the model answers, including in questions already on screen (in this kernel)."""
    _set(True)
    return "Model answers are open."


def self_study() -> str:
    """The default: each model answer opens as soon as its answer is committed."""
    _set(True)
    return "Self-study mode: each model answer opens when you commit your answer."


def listen(view: object) -> None:
    """Register a view with a ``refresh_reveal()`` method; it is forgotten when the view is."""
    _listeners.add(view)


def reset() -> None:
    """Forget any mode set in code, so the environment decides again (used by tests)."""
    global _override
    _override = None
