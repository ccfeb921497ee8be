"""Old name, kept only so that notebooks saved from brink 0.1 (which import ``brink.timeline``) still run.

New code and the course notebooks call :mod:`brink.views`. This alias goes in brink 0.3.
"""

from .core.timeline import *  # noqa: F403
from .static.timeline_tables import *  # noqa: F403
