"""brink: a close reading of one news text from 28 January 2022, as data, widgets and figures.

``brink.load()`` gives the article and everything said about it as frozen records. Nothing here
imports matplotlib: the figure helpers import it when they draw.
"""

from .core.loading import check, data_dir, load, use
from .core.modes import classroom, release_reveals, self_study
from .core.problems import DataError, Problem

__all__ = ["DataError", "Problem", "check", "classroom", "data_dir", "load", "release_reveals", "self_study", "use"]
__version__ = "0.2.0.dev0"  # the one place that holds the version (pyproject.toml reads it)
