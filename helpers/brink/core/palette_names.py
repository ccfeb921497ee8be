"""The colour names a data file may use for a side: the Okabe-Ito palette, which stays readable for colour-blind
readers. The values (hex codes) live with the rest of the palette in :mod:`brink.static.palette`."""

COLOUR_NAMES = ("black", "orange", "sky blue", "bluish green", "yellow", "blue", "vermilion", "reddish purple")
