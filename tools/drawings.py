"""Draw every chart of the package's own text into helpers/brink/views/drawn/ (``make drawings``).

Run it after changing the data or the drawing code; ``tests/test_drawings.py`` fails until you do, and checks
the files byte for byte against a fresh drawing when matplotlib is the version that made them.
"""

from __future__ import annotations

import sys

import matplotlib
import PIL

import brink
from brink.views import drawings, figures


def main() -> int:
    corpus = brink.load()
    count = drawings.write_shipped(corpus, figures.every_drawing(corpus),
                                     {"matplotlib": matplotlib.__version__, "pillow": PIL.__version__})
    size = sum(p.stat().st_size for p in drawings.SHIPPED.glob("*.png"))
    print(f"{count} drawings, {size / 1e6:.1f} MB, in {drawings.SHIPPED.relative_to(drawings.PACKAGE.parents[1])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
