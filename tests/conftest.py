import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("MPLBACKEND", "Agg")  # before anything imports pyplot
# Charts drawn on a miss (another text, edited data) go to a throw-away cache, not the user's, for the test kernels too.
os.environ["BRINK_CACHE_DIR"] = tempfile.mkdtemp(prefix="brink-drawings-")

from brink.core.loading import DATA_DIR


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of the package data that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


FIXTURES = Path(__file__).with_name("fixtures")


@pytest.fixture
def kit_folder(data_copy: Path) -> Path:
    """The package data plus one exercise of every type (notebook "99-kit")."""
    shutil.copy(FIXTURES / "kit-all-types.toml", data_copy / "exercises" / "99-kit.toml")
    return data_copy


@pytest.fixture
def kit(kit_folder: Path):
    import brink

    return brink.load(kit_folder)


@pytest.fixture(autouse=True)
def _isolated_answers(tmp_path: Path, monkeypatch):
    """Tests never write into a real my-answers folder, and start in self-study mode."""
    from brink.core import modes

    monkeypatch.setenv("BRINK_JOURNAL_DIR", str(tmp_path / "answers"))
    monkeypatch.delenv("BRINK_MODE", raising=False)
    monkeypatch.delenv("BRINK_DATA", raising=False)
    monkeypatch.delenv("BRINK_RELEASE_DIR", raising=False)
    modes.reset()
    yield
    modes.reset()
    from brink.core import loading

    loading._chosen = None
