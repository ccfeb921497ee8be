"""The journal: every answer a student saves, kept safe on disk.

Where: ``my-answers/<notebook>.json`` in the working folder (the notebook's folder when Jupyter runs
it), so it shows in the file browser and can be downloaded. ``BRINK_JOURNAL_DIR`` moves it.

Why one file per notebook, plus a lock: two kernels rarely write the same notebook's answers, but a
student can open one notebook in two tabs. Each write takes an exclusive lock on a small lock file,
re-reads the journal, appends, and replaces the file atomically (temporary file, fsync, rename).
Appending under the lock means neither kernel overwrites the other's answers; the atomic rename
means a crash at any moment leaves either the old journal or the new one, never half of one.

Nothing here raises into a notebook: every failure comes back as a :class:`Saved` with a message
that says what happened and what to do.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SCHEMA = "brink.journal/1"
ENV_DIR = "BRINK_JOURNAL_DIR"
DEFAULT_DIR = "my-answers"


def journal_dir() -> Path:
    """The journal folder: ``$BRINK_JOURNAL_DIR``, or ``my-answers`` in the current folder."""
    return Path(os.environ.get(ENV_DIR) or Path.cwd() / DEFAULT_DIR)


@dataclass(frozen=True)
class Saved:
    ok: bool
    attempt: int  # the attempt number given to this answer (0 when it was not saved)
    message: str  # what happened, in words; empty when all went as expected


def _now() -> str:
    return dt.datetime.now(dt.UTC).astimezone().isoformat(timespec="seconds")


@contextlib.contextmanager
def _locked(lock_path: Path) -> Iterator[None]:
    """An exclusive lock shared by every process that writes this journal."""
    with open(lock_path, "a+b") as handle:
        if os.name == "nt":  # pragma: no cover - exercised on Windows only
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
            try:
                yield
            finally:
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


class Journal:
    """The answers saved for one notebook."""

    def __init__(self, notebook: str, folder: str | Path | None = None):
        self.notebook = notebook
        self.folder = Path(folder) if folder is not None else journal_dir()
        self.notices: list[str] = []  # messages about files that had to be moved aside

    @property
    def path(self) -> Path:
        return self.folder / f"{self.notebook}.json"

    # -- reading ---------------------------------------------------------------------------------
    def entries(self, exercise_id: str | None = None) -> list[dict[str, Any]]:
        """Saved answers, oldest first; an unreadable file reads as empty (and is set aside on the next save)."""
        try:
            data = self._read()
        except (OSError, ValueError):
            return []
        found = data["entries"]
        return [e for e in found if exercise_id is None or e.get("exercise") == exercise_id]

    def latest(self, exercise_id: str) -> dict[str, Any] | None:
        found = self.entries(exercise_id)
        return found[-1] if found else None

    def attempts(self, exercise_id: str) -> int:
        return max((e.get("attempt", 0) for e in self.entries(exercise_id)), default=0)

    def _read(self) -> dict[str, Any]:
        """The journal's content. Raises ValueError when the file is damaged or not a brink journal."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {"schema": SCHEMA, "notebook": self.notebook, "entries": []}
        except UnicodeDecodeError as error:
            raise ValueError("it is not UTF-8 text") from error
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise ValueError(f"it is not valid JSON ({error.msg}, line {error.lineno})") from error
        if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("entries"), list):
            raise ValueError("it is not a brink answers file")
        if not all(isinstance(e, dict) for e in data["entries"]):
            raise ValueError("some of its entries are damaged")
        return data

    # -- writing ---------------------------------------------------------------------------------
    def record(self, exercise_id: str, answer: Any, *, kind: str, verdict: str = "") -> Saved:
        """Append one answer. ``kind`` is "check" (a factual try) or "commit" (a judgement, locked in)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with _locked(self.folder / f".{self.notebook}.lock"):
                notice = ""
                try:
                    data = self._read()
                except ValueError as why:
                    notice = self._set_aside(str(why))
                    data = {"schema": SCHEMA, "notebook": self.notebook, "entries": []}
                attempt = 1 + max((e.get("attempt", 0) for e in data["entries"] if e.get("exercise") == exercise_id), default=0)
                data["entries"].append({"exercise": exercise_id, "notebook": self.notebook, "attempt": attempt,
                                        "kind": kind, "verdict": verdict, "answer": answer, "time": _now()})
                self._write(data)
            return Saved(True, attempt, notice)
        except (OSError, TypeError, ValueError) as error:
            return Saved(False, 0, f"Your answer could not be saved to {self.path} ({error}). It is still in the "
                                   "box above: copy it somewhere safe, and tell your teacher.")

    def _write(self, data: dict[str, Any]) -> None:
        payload = json.dumps(data, ensure_ascii=True, indent=1) + "\n"  # ASCII escapes keep any text exactly
        handle, temporary = tempfile.mkstemp(prefix=f".{self.notebook}.", suffix=".tmp", dir=self.folder)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(payload)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        _fsync_folder(self.folder)

    def _set_aside(self, why: str) -> str:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.notebook}.unreadable-{stamp}.json")
        number = 1
        while target.exists():
            number += 1
            target = self.path.with_name(f"{self.notebook}.unreadable-{stamp}-{number}.json")
        os.replace(self.path, target)
        notice = (f"The answers file {self.path.name} could not be read ({why}), so it was moved to {target.name} "
                  "and a new one was started. Nothing in the old file was deleted.")
        self.notices.append(notice)
        return notice


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable, where the system allows it."""
    if os.name == "nt":  # pragma: no cover
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def journals(folder: str | Path | None = None) -> list[Journal]:
    """Every readable journal in a folder, by notebook name."""
    where = Path(folder) if folder is not None else journal_dir()
    found = []
    for path in sorted(where.glob("*.json")):
        if ".unreadable-" in path.name:
            continue
        journal = Journal(path.stem, where)
        try:
            journal._read()
        except (OSError, ValueError):
            continue
        found.append(journal)
    return found
