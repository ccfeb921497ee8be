"""Self-study and classroom modes: whether model answers open as soon as a student commits.

Self-study (the default) opens the model answer right after the commit. In classroom mode the
teacher holds the model answers back until the class has discussed; factual feedback still shows.

- On a JupyterHub, set the environment variable ``BRINK_MODE=classroom`` for every student.
- In a notebook, call ``brink.classroom()`` in the first cell; ``brink.release_reveals()`` opens
  the model answers in every question already on screen, and ``brink.self_study()`` goes back.
"""

from __future__ import annotations

import os
import weakref

ENV_MODE = "BRINK_MODE"
CLASSROOM = "classroom"

_override: bool | None = None  # set by classroom() / release_reveals() / self_study()
_listeners: weakref.WeakSet = weakref.WeakSet()


def reveals_allowed() -> bool:
    """True when model answers may open right after a commit."""
    if _override is not None:
        return _override
    return os.environ.get(ENV_MODE, "").strip().lower() != CLASSROOM


def _set(allowed: bool) -> None:
    global _override
    _override = allowed
    for listener in list(_listeners):
        listener.refresh_reveal()


def classroom() -> str:
    """Hold model answers back until the teacher calls ``release_reveals()``."""
    _set(False)
    return "Classroom mode: model answers stay closed until your teacher opens them."


def release_reveals() -> str:
    """Open the model answers, including in questions already on screen."""
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
