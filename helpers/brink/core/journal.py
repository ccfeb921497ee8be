"""The journal: every answer a student saves, kept safe on disk.

Where: ``my-answers/<notebook>.json`` in the working folder (the notebook's folder when Jupyter runs
it), so it shows in the file browser and can be downloaded. ``BRINK_JOURNAL_DIR`` moves it.

Why one file per notebook, plus a lock: two kernels rarely write the same notebook's answers, but a
student can open one notebook in two tabs. Each write takes an exclusive lock on a small lock file,
re-reads the journal, appends, and replaces the file atomically (temporary file, fsync, rename).
Appending under the lock means neither kernel overwrites the other's answers; the atomic rename
means a crash at any moment leaves either the old journal or the new one, never half of one.

Nothing here raises into a notebook: every failure comes back as a :class:`Saved` with a message
that says what happened and what to do. A file is read defensively, because anything can be in it: too deep
to parse, entries of the wrong shape, odd attempt numbers, NaN. What can be read is read; a file that cannot
is moved aside, never deleted. Only standard JSON is written back.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import math
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SCHEMA = "brink.journal/1"
ENV_DIR = "BRINK_JOURNAL_DIR"
DEFAULT_DIR = "my-answers"
# Notebooks that were renamed, with the names their answers were saved under before. The capstone became 05 when
# the documents lesson took its place before it (issue 16); a student's saved answers must still come back.
FORMER_NAMES: dict[str, tuple[str, ...]] = {"05-what-could-a-reader-know": ("04-what-could-a-reader-know",)}
CURRENT_NAME = {old: new for new, olds in FORMER_NAMES.items() for old in olds}


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


def attempt_number(entry: dict[str, Any]) -> int:
    """An entry's attempt as a whole number; anything else a damaged or edited file holds counts as 0."""
    value = entry.get("attempt")
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def _finite(text: str) -> float | None:
    number = float(text)
    return number if math.isfinite(number) else None  # 1e400 reads as infinity: keep it out of the file


def parse(text: str) -> Any:
    """JSON as the standard defines it: NaN, Infinity and overflowing numbers become null; nesting too deep to
    read is a ValueError, not a RecursionError."""
    try:
        return json.loads(text, parse_constant=lambda _: None, parse_float=_finite)
    except RecursionError as error:
        raise ValueError("it is nested too deeply to read") from error
    except json.JSONDecodeError as error:
        raise ValueError(f"it is not valid JSON ({error.msg}, line {error.lineno})") from error


def _file_mode() -> int:
    """The mode a new file gets here (0644 under the usual umask 022), as open() would give it."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def atomic_write(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` in one step: temporary file, fsync, rename. A failure at any moment leaves
    the old file as it was and no temporary file behind. The file gets the usual mode, not mkstemp's 0600."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, _file_mode())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _fsync_folder(path.parent)


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

    @property
    def source(self) -> Path:
        """Where the answers are read from: the journal's own file, or, until the first save after a rename, the
        file saved under the notebook's former name."""
        if not self.path.exists():
            for old in FORMER_NAMES.get(self.notebook, ()):
                if (former := self.folder / f"{old}.json").exists():
                    return former
        return self.path

    # -- reading ---------------------------------------------------------------------------------
    def entries(self, exercise_id: str | None = None) -> list[dict[str, Any]]:
        """Saved answers, oldest first; an unreadable file reads as empty (and is set aside on the next save)."""
        try:
            data = self._read()
        except (OSError, ValueError):
            return []
        return [e for e in data["readable"] if exercise_id is None or e["exercise"] == exercise_id]

    def latest(self, exercise_id: str) -> dict[str, Any] | None:
        found = self.entries(exercise_id)
        return found[-1] if found else None

    def attempts(self, exercise_id: str) -> int:
        return max((attempt_number(e) for e in self.entries(exercise_id)), default=0)

    def _read(self) -> dict[str, Any]:
        """The journal's content. Raises ValueError when the file is damaged or not a brink journal."""
        try:
            text = self.source.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {"schema": SCHEMA, "notebook": self.notebook, "entries": [], "readable": []}
        except UnicodeDecodeError as error:
            raise ValueError("it is not UTF-8 text") from error
        data = parse(text)
        if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("entries"), list):
            raise ValueError("it is not a brink answers file")
        if not all(isinstance(e, dict) for e in data["entries"]):
            raise ValueError("some of its entries are damaged")
        # Entries that name no exercise cannot be shown or counted; they stay in the file, unread.
        data["readable"] = [e for e in data["entries"] if isinstance(e.get("exercise"), str)]
        return data

    # -- writing ---------------------------------------------------------------------------------
    def record(self, exercise_id: str, answer: Any, *, kind: str, verdict: str = "") -> Saved:
        """Append one answer. ``kind`` is "check" (a factual try) or "commit" (a judgement, locked in)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with _locked(self.folder / f".{self.notebook}.lock"):
                self._clean_leftovers()
                notice = ""
                source = self.source
                try:
                    data = self._read()
                except ValueError as why:
                    notice = self._set_aside(str(why))
                    data = {"schema": SCHEMA, "notebook": self.notebook, "entries": [], "readable": []}
                attempt = 1 + max((attempt_number(e) for e in data["readable"] if e["exercise"] == exercise_id),
                                  default=0)
                data["entries"].append({"exercise": exercise_id, "notebook": self.notebook, "attempt": attempt,
                                        "kind": kind, "verdict": verdict, "answer": answer, "time": _now()})
                del data["readable"]
                data["notebook"] = self.notebook
                self._write(data)
                if source != self.path and source.exists():  # every old entry is now in the new file
                    source.unlink()
            return Saved(True, attempt, notice)
        except (OSError, TypeError, ValueError) as error:
            return Saved(False, 0, f"Your answer could not be saved to {self.path} ({error}). It is still in the "
                                   "box above: copy it somewhere safe, and tell your teacher.")

    def _write(self, data: dict[str, Any]) -> None:
        # ASCII escapes keep any text exactly (a lone surrogate too); allow_nan=False keeps the file standard JSON.
        atomic_write(self.path, json.dumps(data, ensure_ascii=True, indent=1, allow_nan=False) + "\n")

    def _clean_leftovers(self) -> None:
        """Temporary files exist only while a writer holds the lock; under the lock, any left are from a killed save."""
        for leftover in self.folder.glob(f".{self.notebook}.*.tmp"):
            with contextlib.suppress(OSError):
                leftover.unlink()

    def _set_aside(self, why: str) -> str:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.notebook}.unreadable-{stamp}.json")
        number = 1
        while target.exists():
            number += 1
            target = self.path.with_name(f"{self.notebook}.unreadable-{stamp}-{number}.json")
        damaged = self.source
        os.replace(damaged, target)
        notice = (f"The answers file {damaged.name} could not be read ({why}), so it was moved to {target.name} "
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
    return survey(folder)[0]


def survey(folder: str | Path | None = None) -> tuple[list[Journal], dict[str, str]]:
    """The readable journals in a folder, and the unreadable ones with the reason (notebook name → why)."""
    where = Path(folder) if folder is not None else journal_dir()
    found, unreadable = [], {}
    for path in sorted(where.glob("*.json")):
        if ".unreadable-" in path.name or path.name.startswith("brink-answers"):
            continue
        name = CURRENT_NAME.get(path.stem, path.stem)
        if name != path.stem and (where / f"{name}.json").exists():
            continue  # a renamed notebook's answers are read through its current name
        journal = Journal(name, where)
        try:
            journal._read()
        except (OSError, ValueError) as why:
            unreadable[path.stem] = str(why)
            continue
        found.append(journal)
    return found, unreadable
