"""Colours, markers and contrast: the course's one palette (Okabe-Ito), never colour alone.

Each side or category has a colour *and* a marker *and* a label, so a chart reads in greyscale,
in print and for colour-blind readers. Colours are hard-coded (not taken from a matplotlib style)
so the figures do not change with the matplotlib version.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.records import DEFAULT_PARTIES, Party

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermilion": "#D55E00",
    "reddish purple": "#CC79A7",
}
TEXT = "#111111"  # all text in figures and tables
HIGHLIGHT = "#FFF3BF"  # background of marked words; text on it stays TEXT
WHITE = "#FFFFFF"


@dataclass(frozen=True)
class Style:
    label: str
    colour: str
    marker: str  # a matplotlib marker: shape carries the category, not just colour
    edge: str = TEXT  # a dark outline, so light fills still stand out against white


def style(party: Party) -> Style:
    """How a side is drawn: its label, its Okabe-Ito colour and its marker, from the data."""
    return Style(party.label, OKABE_ITO[party.colour], party.marker)


SIDES = {party.id: style(party) for party in DEFAULT_PARTIES}  # the 0.1 article's sides


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """WCAG relative luminance of a #RRGGBB colour."""
    colour = colour.lstrip("#")
    r, g, b = (int(colour[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio between two colours, from 1 to 21."""
    a, b = sorted((luminance(first), luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


THEME_TEXT = "currentColor"  # in HTML, a dark line follows the theme's text colour, so it shows on a dark theme too


def line_colour(style: Style) -> str:
    """The colour for a thin line or underline: the style's own if it has 3:1 against white (those colours also
    have 3:1 against JupyterLab's dark background), else the text colour of the theme (review U6: a black
    underline vanished on the dark theme)."""
    return style.colour if contrast(style.colour, WHITE) >= 3 else THEME_TEXT
