"""Old name, kept only so that notebooks saved from brink 0.1 (which import ``brink.capstone``) still run.

New code and the course notebooks call :mod:`brink.views`. This alias goes in brink 0.3.
"""

from .core.capstone import *  # noqa: F403
from .static.capstone_cards import *  # noqa: F403
