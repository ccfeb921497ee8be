"""`python -m brink`: the command line lives in :mod:`brink.exports.cli`."""

import sys

from .exports.cli import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
