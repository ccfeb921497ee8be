"""Figures. Each function takes an optional ``ax``, returns the Figure, and never leaves a figure
open in pyplot: figures are built with :class:`matplotlib.figure.Figure` directly. Each comes with
alt text (chart type, axes, the point) and a data table, made from the same numbers.

matplotlib is imported inside the functions, so ``import brink`` stays light.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Literal

from ..core.reading import narrated, statements_by_side, voices
from ..core.records import Corpus
from ..core.timeline import Cutoff, cutoffs, events_shown, publication, uncertain
from ..core.timeline import period as period_of
from ..static import palette
from ..static.render import Static, table, text_table
from ..static.timeline_tables import events_table, timeline_alt
from . import drawings

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

Layout = Literal["wide", "narrow"]
LAYOUTS: tuple[Layout, ...] = ("wide", "narrow")
NARROW_BELOW_PX = 1200  # a window this wide or narrower gets the narrow drawing (the notebook may share it with a sidebar)
DPI = 100


@dataclass(frozen=True)
class Shape:
    """How one figure is drawn in one layout. ``text`` is the smallest type it uses, in points: a wide drawing
    shrunk onto a phone-width output would shrink its labels below 9 px (review U2), so the narrow layout is a
    tall drawing, labels above their rows instead of beside them, and the page picks the one that fits."""

    width: float  # inches
    row: float  # inches per row of data
    margins: tuple[float, float, float, float]  # left, right, top, bottom, inches
    text: float  # points: the smallest type in the drawing
    labels: Literal["left", "above"]  # row labels beside the rows, or above each row (the tall layout)
    wrap: int  # characters per line of a row label or a title
    above: float = 0.3  # narrow: how far above its row a label starts, in rows
    title: int = 0  # characters per line of the title (0: as ``wrap``)

    @property
    def title_wrap(self) -> int:
        return self.title or self.wrap

    @property
    def text_px(self) -> float:
        """The smallest type in pixels of the PNG, before the page scales it."""
        return self.text * DPI / 72

    def height(self, rows: int) -> float:
        return self.row * rows + self.margins[2] + self.margins[3]


VOICE_PARTS = (  # (attribute, legend label, colour, hatch): hatch and label carry the meaning, not colour
    ("quoted", "quoted (in full or in part)", palette.OKABE_ITO["blue"], ""),
    ("paraphrased", "paraphrased", palette.OKABE_ITO["vermilion"], "///"),
    ("own_words", "{narrators} own words", palette.OKABE_ITO["reddish purple"], "..."),
)


def _new_axes(ax: Axes | None, size: tuple[float, float], margins: tuple[float, float, float, float]) -> tuple[Figure, Axes]:
    """A figure of ``size`` inches whose axes keep fixed ``margins`` (left, right, top, bottom) in inches.

    Fixed margins instead of constrained layout: the layout pass doubled the cost of every drawing.
    """
    if ax is not None:
        return ax.figure, ax
    from matplotlib.figure import Figure

    figure = Figure(figsize=size, dpi=DPI)
    axes = figure.add_subplot()
    _set_margins(figure, margins)
    return figure, axes


def _set_margins(figure: Figure, margins: tuple[float, float, float, float]) -> None:
    width, height = figure.get_size_inches()
    left, right, top, bottom = margins
    figure.subplots_adjust(left=left / width, right=1 - right / width, top=1 - top / height, bottom=bottom / height)


VOICES = {
    "wide": Shape(width=8, row=0.42, margins=(2.9, 0.2, 0.45, 0.95), text=9, labels="left", wrap=40),
    "narrow": Shape(width=4.8, row=0.62, margins=(0.2, 0.35, 0.75, 1.5), text=10, labels="above", wrap=44),
}


def voices_figure(corpus: Corpus, ax: Axes | None = None, layout: Layout = "wide") -> Figure:
    """Horizontal stacked bars: how many statements each actor has, quoted or paraphrased."""
    shape = VOICES[layout]
    rows = list(reversed(voices(corpus)))  # most voices at the top
    figure, ax = _new_axes(ax, (shape.width, shape.height(len(rows) + 1)), shape.margins)
    names = [v.name for v in rows]
    places = list(range(len(rows)))
    left = [0] * len(rows)
    for attribute, label, colour, hatch in VOICE_PARTS:
        values = [getattr(v, attribute) for v in rows]
        ax.barh(places, values, left=left, height=0.8 if shape.labels == "left" else 0.45, color=colour, hatch=hatch,
                edgecolor=palette.TEXT, linewidth=0.8, label=narrated(corpus, label))
        left = [a + b for a, b in zip(left, values, strict=True)]
    for y, voice in enumerate(rows):
        ax.text(voice.total + 0.1, y, str(voice.total), va="center", ha="left", color=palette.TEXT, fontsize=shape.text)
    _row_labels(ax, shape, places)(names)
    ax.set_xlabel("Number of statements attributed in the text", color=palette.TEXT, fontsize=shape.text + 1)
    ax.set_xlim(0, max(v.total for v in rows) + 2.5)
    ax.set_ylim(-0.6, len(rows) - 0.4 + (0.3 if shape.labels == "above" else 0))
    ax.set_title(_wrap("Who speaks in the text, and how", shape.wrap), color=palette.TEXT, loc="left",
                 fontsize=shape.text + 2)
    figure.legend(*ax.get_legend_handles_labels(), loc="lower left", bbox_to_anchor=(0.01, 0.005), frameon=False,
                  ncols=3 if shape.labels == "left" else 1, fontsize=shape.text)
    ax.tick_params(colors=palette.TEXT, labelsize=shape.text)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return figure


def _row_labels(ax: Axes, shape: Shape, places: list[float]) -> Callable[[list[str]], None]:
    """Row labels beside the rows (wide) or above each row, from the left edge (narrow: the tall layout).
    Returns the function that sets them, so a figure can change them without drawing anew."""
    if shape.labels == "left":
        def beside(labels: list[str]) -> None:
            ax.set_yticks(places, [_wrap(label, shape.wrap) for label in labels], fontsize=shape.text, color=palette.TEXT)
        return beside
    from matplotlib.transforms import blended_transform_factory

    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    edge = blended_transform_factory(ax.transAxes, ax.transData)
    texts = [ax.text(0, y + shape.above, "", transform=edge, ha="left", va="bottom", fontsize=shape.text, color=palette.TEXT,
                     linespacing=1.15) for y in places]

    def above(labels: list[str]) -> None:
        for text, label in zip(texts, labels, strict=True):
            text.set_text(_wrap(label, shape.wrap))
    return above


def voices_alt(corpus: Corpus) -> str:
    """Alt text for the voices chart: what kind of chart, its axes, and what it shows."""
    rows = voices(corpus)
    top = rows[0]
    silent = [v.name for v in rows if v.total == 0]
    sides = statements_by_side(corpus)
    own = narrated(corpus, "{narrators}")
    return (f"Horizontal bar chart. Each bar is one possible speaker; its length is the number of statements the text "
            f"attributes to them, split into quoted, paraphrased and {own} own words. {top.name} has the "
            f"most, {top.total} ({top.quoted} quoted, {top.paraphrased} paraphrased). No statement at all comes from "
            + ", ".join(silent) + ". By side: " + _by_side(corpus, sides) + ".")


SIDE_PHRASES = {"russia": "Russian speakers", "us": "US officials", "us-nato": "the US and its allies together",
                "nato": "NATO itself", "ukraine": "Ukraine"}  # how the alt text names a side's speakers


def _by_side(corpus: Corpus, sides: dict[str, int]) -> str:
    """'12 statements come from Russian speakers, 3 from US officials … and 0 from Ukraine'."""
    named = [(sides[side], SIDE_PHRASES[side]) for side in SIDE_PHRASES if side in sides]
    others = [(n, corpus.party(side).label) for side, n in sides.items()
              if side not in SIDE_PHRASES and side not in ("media", "none") and n]
    parts = named + others
    if not parts:
        return "no side speaks"
    words = [f"{n} statements come from {who}" if i == 0 else f"{n} from {who}" for i, (n, who) in enumerate(parts)]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def voices_table(corpus: Corpus) -> Static:
    header = ["Actor", "Quoted", "Paraphrased", narrated(corpus, "{Bare_narrators} own words"), "Total"]
    rows = [[v.name, str(v.quoted), str(v.paraphrased), str(v.own_words), str(v.total)] for v in voices(corpus)]
    caption = "Statements per actor (the data behind the chart)"
    return Static(table(escape(caption), header, [[escape(c) for c in r] for r in rows]),
                  caption + "\n\n" + text_table(header, rows))


def png(figure: Figure) -> bytes:
    """The figure as a PNG of at most 256 colours, without a timestamp, so the same figure gives the same bytes.

    A chart has a handful of colours and the grey edges of its letters; an adaptive palette keeps them and makes
    the file about a third of full colour, which is what every student's browser downloads (and the package
    ships, see :mod:`.drawings`)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    image = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    # Octree keeps every pixel within 15 of 255 per channel of the full-colour drawing (median cut strays to 47).
    image = image.convert("RGB").quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=9)
    return buffer.getvalue()


FIGURE_CLASS = "brink-figure"


@dataclass(frozen=True)
class Drawing:
    """One rendered layout of a chart: its PNG and the smallest type in it, in PNG pixels (the page checks that the
    type stays at 9 px or more at the size it is shown)."""

    png: bytes
    text_px: float


Drawings = dict[Layout, Drawing]


def _data_uri(drawing: Drawing) -> str:
    return "data:image/png;base64," + base64.b64encode(drawing.png).decode("ascii")


def figure_html(drawings: Drawings, alt: str) -> str:
    """The chart as HTML: a ``<picture>`` whose ``<img>`` carries the alt text, which JupyterLab shows and screen
    readers read (they ignore the alt text in a PNG's metadata: review U3). A narrow window gets the tall
    drawing, so labels stay legible at 768 px with a sidebar and at 200% zoom (U2); both scale down to the width."""
    wide = drawings["wide"]
    narrow = drawings.get("narrow")
    source = (f'<source media="(max-width: {NARROW_BELOW_PX}px)" srcset="{_data_uri(narrow)}" '
              f'data-text-px="{narrow.text_px:g}">' if narrow else "")
    return (f'<picture>{source}<img class="{FIGURE_CLASS}" alt="{escape(alt)}" src="{_data_uri(wide)}" '
            f'data-text-px="{wide.text_px:g}" style="max-width:100%;height:auto"></picture>')


def figure_bundle(drawings: Drawings, alt: str) -> tuple[dict, dict]:
    """A display bundle: the HTML above, the wide PNG for other front ends, and the alt text as plain text."""
    encoded = base64.b64encode(drawings["wide"].png).decode("ascii")
    data = {"text/html": figure_html(drawings, alt), "image/png": encoded, "text/plain": alt}
    return data, {"image/png": {"alt": alt}}


# The parts of a text's data each chart reads (Corpus fields): its drawings are kept under a hash of these, so an
# edit elsewhere keeps them. A test draws each chart from a corpus holding only these parts and gets the same bytes.
READS: dict[str, tuple[str, ...]] = {
    "voices": ("article", "actors", "statements", "parties"),
    "stances": ("issues", "parties"),
    "timeline": ("article", "events"),
}


def _drawings(corpus: Corpus, name: str, shapes: dict[Layout, Shape], draw: Callable[[Layout], Figure]) -> Drawings:
    """Both layouts of a chart, each from the drawings cache (drawn, with matplotlib, only on a miss)."""
    return {layout: Drawing(drawings.drawing(corpus, f"{name} ({layout})", READS[name],
                                             lambda layout=layout: png(draw(layout))),
                            shapes[layout].text_px) for layout in LAYOUTS}


def _described(drawings: Drawings, alt: str, data_table: Static) -> list[Static | tuple[dict, dict]]:
    """What a notebook shows for a chart: the image with its alt text, a caption that says what it shows, its table."""
    caption = Static(f"<p><strong>What the chart shows.</strong> {escape(alt)}</p>", f"What the chart shows. {alt}")
    return [figure_bundle(drawings, alt), caption, data_table]


def voices_view(corpus: Corpus) -> list[Static | tuple[dict, dict]]:
    both = _drawings(corpus, "voices", VOICES, lambda layout: voices_figure(corpus, layout=layout))
    return _described(both, voices_alt(corpus), voices_table(corpus))


TEXT_STYLE = dict(marker="s", color=palette.OKABE_ITO["blue"], label="■ reported in the text")
CONTEXT_STYLE = dict(marker="o", color=palette.OKABE_ITO["vermilion"], label="○ context from other sources")


def _wrap(title: str, width: int = 48) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(title, width)) or title


TIMELINE = {  # left (row labels), right, top (the title), bottom (axis, legend)
    "wide": Shape(width=10, row=0.46, margins=(3.7, 0.3, 0.75, 1.05), text=9, labels="left", wrap=50, title=90),
    "narrow": Shape(width=4.8, row=0.75, margins=(0.2, 0.3, 1.0, 1.45), text=10, labels="above", wrap=48),
}
MIN_ROWS = 4


class TimelinePlot:
    """One timeline figure for a period, drawn once with every event; a cut-off only changes what is visible.

    Events are rows, oldest at the top, so the events a cut-off hides are the bottom rows: showing a cut-off
    hides their artists and shrinks the figure to the rows that remain. Nothing is redrawn from scratch when
    a student moves the cut-off slider.
    """

    def __init__(self, corpus: Corpus, period: str | None = None, ax: Axes | None = None, layout: Layout = "wide"):
        import matplotlib.dates as mdates

        period, self.label, start, end = period_of(corpus, period)
        self.corpus, self.period, self.own_figure, self.shape = corpus, period, ax is None, TIMELINE[layout]
        shape = self.shape
        last = cutoffs(corpus)[-1]
        self.events = list(reversed(events_shown(corpus, last, period)))  # every event up to the end, oldest on top
        self.figure, self.ax = _new_axes(ax, (shape.width, shape.height(max(len(self.events), MIN_ROWS))), shape.margins)
        ax = self.ax
        self.artists: list[list] = []
        for y, event in enumerate(self.events):
            style = TEXT_STYLE if event.origin == "text" else CONTEXT_STYLE
            filled = event.origin == "text"
            drawn = []
            if event.end_date and event.end_date != event.date:
                drawn += list(ax.barh(y, (event.end_date - event.date).days + 1, left=event.date, height=0.5,
                                      color=style["color"] if filled else palette.WHITE, edgecolor=style["color"],
                                      hatch="" if filled else "///", linewidth=1.2))
            drawn += ax.plot([event.date], [y], linestyle="none", marker=style["marker"], markersize=9,
                             markerfacecolor=style["color"] if filled else palette.WHITE,
                             markeredgecolor=palette.TEXT if filled else style["color"], markeredgewidth=2)
            self.artists.append(drawn)
        self.question_marks = {y: ax.annotate("?", (e.date, y), xytext=(8, -4), textcoords="offset points",
                                              color=palette.TEXT, fontsize=11, fontweight="bold", visible=False)
                               for y, e in enumerate(self.events) if e.known_on_publication is None}
        self.set_labels = _row_labels(ax, shape, list(range(len(self.events))))
        self.line = ax.axvline(start, color=palette.TEXT, linestyle="--", linewidth=1.2)
        ax.set_xlim(start, end + dt.timedelta(days=1))
        span = (end - start).days
        narrow = shape.labels == "above"
        if span <= 180:  # a season: a tick every other Monday (every month when narrow)
            ax.xaxis.set_major_locator(mdates.MonthLocator() if narrow
                                       else mdates.WeekdayLocator(byweekday=mdates.MO, interval=2))
            ax.xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y" if narrow else "%d %b\n%Y"))
        elif span <= 3 * 366:
            ax.xaxis.set_major_locator(mdates.MonthLocator(interval=6 if narrow else 3))
            ax.xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y"))
        else:
            ax.xaxis.set_major_locator(mdates.YearLocator((8 if narrow else 4) if span > 12 * 366 else (2 if narrow else 1)))
            ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        ax.tick_params(axis="x", labelsize=shape.text, colors=palette.TEXT)
        ax.grid(axis="x", color="#DDDDDD", linewidth=0.6)
        ax.set_xlabel("Date", color=palette.TEXT, fontsize=shape.text)
        handles = [
            ax.plot([], [], linestyle="none", marker="s", markersize=8, markerfacecolor=TEXT_STYLE["color"],
                    markeredgecolor=palette.TEXT, label=TEXT_STYLE["label"])[0],
            ax.plot([], [], linestyle="none", marker="o", markersize=8, markerfacecolor=palette.WHITE,
                    markeredgecolor=CONTEXT_STYLE["color"], markeredgewidth=2, label=CONTEXT_STYLE["label"])[0],
        ]
        self.figure.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.01, 0.005), ncols=1 if narrow else 2,
                           frameon=False, fontsize=shape.text)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)

    def show(self, cutoff: Cutoff | None = None) -> Figure:
        """Show what a reader could know at ``cutoff``; returns the (same) figure."""
        cutoff = cutoff or publication(self.corpus)
        shown = {e.id for e in events_shown(self.corpus, cutoff, self.period)}
        visible_rows = [y for y, e in enumerate(self.events) if e.id in shown]
        for y, event in enumerate(self.events):
            for artist in self.artists[y]:
                artist.set_visible(event.id in shown)
                if event.end_date and event.end_date != event.date and hasattr(artist, "set_width"):
                    last = min(event.end_date, cutoff.day)
                    artist.set_width((last - event.date).days + 1)
        for y, mark in self.question_marks.items():
            mark.set_visible(self.events[y].id in shown and uncertain(self.events[y], cutoff))
        self.set_labels([("■ " if e.origin == "text" else "○ ") + e.title
                         + (" (time of day unknown)" if uncertain(e, cutoff) else "") if e.id in shown else ""
                         for e in self.events])
        bottom = min(visible_rows, default=len(self.events) - 1)
        top = len(self.events) - (0.2 if self.shape.labels == "left" else 0.0)
        self.ax.set_ylim(bottom - 0.8, top)
        time = self.corpus.article.published_time or dt.time(0)
        moment = cutoff.day + (dt.timedelta(hours=time.hour, minutes=time.minute) if cutoff.at_publication
                               else dt.timedelta(days=1))
        self.line.set_xdata([moment, moment])
        title = _wrap(f"What a reader could know: {self.label}", self.shape.title_wrap) + "\n" + _wrap(
            f"Dashed line: the knowledge cut-off, {cutoff.label(self.corpus)}", self.shape.title_wrap)
        self.ax.set_title(title, loc="left", color=palette.TEXT, fontsize=self.shape.text + 1)
        if self.own_figure:
            rows = len(self.events) - bottom
            self.figure.set_size_inches(self.shape.width, self.shape.height(max(rows, MIN_ROWS)))
            _set_margins(self.figure, self.shape.margins)
        return self.figure



_PLOTS: dict[int, dict[tuple[str, Layout], TimelinePlot]] = {}  # id(corpus) → (period, layout) → plot; the view layer's


def timeline_plot(corpus: Corpus, period: str | None = None, layout: Layout = "wide") -> TimelinePlot:
    """The one timeline plot per period and layout for this corpus, shared by every view that shows it. The cache
    lives here, in the view layer, and is dropped when the corpus is (records stay pure data)."""
    key = id(corpus)
    if key not in _PLOTS:
        _PLOTS[key] = {}
        weakref.finalize(corpus, _PLOTS.pop, key, None)
    plots = _PLOTS[key]
    place = (period_of(corpus, period)[0], layout)
    if place not in plots:
        plots[place] = TimelinePlot(corpus, place[0], layout=layout)
    return plots[place]


def timeline_figure(corpus: Corpus, cutoff: Cutoff | None = None, period: str | None = None,
                    ax: Axes | None = None, layout: Layout = "wide") -> Figure:
    """Events as rows against time; text events are filled squares, context events hollow circles, spans are bars."""
    return TimelinePlot(corpus, period, ax, layout).show(cutoff)


def _timeline_name(period: str, cutoff: Cutoff, layout: Layout) -> str:
    moment = "publication" if cutoff.at_publication else "end of day"
    return f"timeline {period} {cutoff.day.isoformat()} {moment} ({layout})"


def timeline_drawings(corpus: Corpus, cutoff: Cutoff | None = None, period: str | None = None) -> Drawings:
    """Both layouts of the timeline at ``cutoff``, from the drawings cache; a miss draws on the one shared plot."""
    cutoff = cutoff or publication(corpus)
    period = period_of(corpus, period)[0]
    return {layout: Drawing(drawings.drawing(corpus, _timeline_name(period, cutoff, layout), READS["timeline"],
                                             lambda layout=layout: png(timeline_plot(corpus, period, layout).show(cutoff))),
                            TIMELINE[layout].text_px) for layout in LAYOUTS}


def timeline_view(corpus: Corpus, cutoff: Cutoff | None = None, period: str | None = None) -> list[Static | tuple[dict, dict]]:
    """The timeline chart with alt text, a caption, and the events table."""
    cutoff = cutoff or publication(corpus)
    return _described(timeline_drawings(corpus, cutoff, period), timeline_alt(corpus, cutoff, period),
                      events_table(corpus, cutoff, period))


STANCE_STYLE = {  # shape and word carry the stance; colour only repeats it
    "demanded": ("^", palette.OKABE_ITO["vermilion"]),
    "rejected": ("X", palette.OKABE_ITO["blue"]),
    "open": ("D", palette.OKABE_ITO["bluish green"]),
    "silent": ("_", palette.TEXT),
}


STANCE_SHAPES = {  # wide: issues labelled on the left; narrow: each issue's name above its row of shapes
    "wide": Shape(width=9, row=0.85, margins=(2.4, 0.2, 1.0, 0.2), text=9, labels="left", wrap=30),
    "narrow": Shape(width=4.8, row=1.35, margins=(0.1, 0.1, 1.2, 0.1), text=10, labels="above", wrap=48, above=0.25),
}


def stance_figure(corpus: Corpus, ax: Axes | None = None, layout: Layout = "wide") -> Figure:
    """Issues (rows) against sides (columns): each cell a shape and a word for the side's stance."""
    from ..core.demands import columns
    from ..static.demands_tables import STANCE

    shape = STANCE_SHAPES[layout]
    narrow = shape.labels == "above"
    issues = list(corpus.issues)
    board = columns(corpus)
    figure, ax = _new_axes(ax, (shape.width, shape.height(len(issues))), shape.margins)
    for y, issue in enumerate(reversed(issues)):
        for x, (key, _) in enumerate(board):
            stance = issue.stance(key).stance
            marker, colour = STANCE_STYLE[stance]
            ax.plot([x], [y + (0.0 if narrow else 0.12)], linestyle="none", marker=marker,
                    markersize=15 if stance != "silent" else 18, markerfacecolor=colour, markeredgecolor=palette.TEXT,
                    markeredgewidth=1 if stance != "silent" else 2)
            word = _wrap(STANCE[stance][1], 11) if narrow else STANCE[stance][1]
            ax.text(x, y - (0.32 if narrow else 0.3), word, ha="center", va="center", fontsize=shape.text,
                    color=palette.TEXT, linespacing=1.1)
    ax.set_xticks(range(len(board)), [_wrap(name, 12) if narrow else name for _, name in board],
                  fontsize=shape.text + 1, color=palette.TEXT)
    ax.xaxis.tick_top()
    ax.set_xlim(-0.6, len(board) - 0.4)
    _row_labels(ax, shape, list(range(len(issues))))([i.label for i in reversed(issues)])
    ax.set_ylim(-0.7, len(issues) - (0.3 if not narrow else 0.15))
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    ax.tick_params(length=0)
    ax.set_title(_wrap("Who demands, rejects or leaves open each issue, as the text shows it", shape.wrap + 40 * (not narrow)),
                 loc="left", color=palette.TEXT, fontsize=shape.text + 1, pad=28 if not narrow else 36)
    return figure


def stance_view(corpus: Corpus) -> list[Static | tuple[dict, dict]]:
    from ..static.demands_tables import stance_alt, stance_table

    both = _drawings(corpus, "stances", STANCE_SHAPES, lambda layout: stance_figure(corpus, layout=layout))
    return _described(both, stance_alt(corpus), stance_table(corpus))


def every_drawing(corpus: Corpus) -> dict[str, tuple[tuple[str, ...], Callable[[], bytes]]]:
    """Every drawing the course can show for ``corpus``, by name, with the data it reads and a function that draws
    it: what ``make drawings`` ships for the package's own text (one timeline plot serves all its cut-offs)."""
    from ..core.timeline import periods

    every: dict[str, tuple[tuple[str, ...], Callable[[], bytes]]] = {}
    for layout in LAYOUTS:
        every[f"voices ({layout})"] = READS["voices"], lambda layout=layout: png(voices_figure(corpus, layout=layout))
        if corpus.issues:
            every[f"stances ({layout})"] = READS["stances"], lambda layout=layout: png(stance_figure(corpus, layout=layout))
        if corpus.events:
            for period in periods(corpus):
                for cutoff in cutoffs(corpus):
                    every[_timeline_name(period, cutoff, layout)] = READS["timeline"], (
                        lambda p=period, c=cutoff, layout=layout: png(timeline_plot(corpus, p, layout).show(c)))
    return every
