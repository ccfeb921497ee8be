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
from html import escape
from typing import TYPE_CHECKING

from ..core.reading import narrated, statements_by_side, voices
from ..core.records import Corpus
from ..core.timeline import Cutoff, cutoffs, events_shown, publication, uncertain
from ..core.timeline import period as period_of
from ..static import palette
from ..static.render import Static, table, text_table
from ..static.timeline_tables import events_table, timeline_alt

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

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

    figure = Figure(figsize=size, dpi=100)
    axes = figure.add_subplot()
    _set_margins(figure, margins)
    return figure, axes


def _set_margins(figure: Figure, margins: tuple[float, float, float, float]) -> None:
    width, height = figure.get_size_inches()
    left, right, top, bottom = margins
    figure.subplots_adjust(left=left / width, right=1 - right / width, top=1 - top / height, bottom=bottom / height)


def voices_figure(corpus: Corpus, ax: Axes | None = None) -> Figure:
    """Horizontal stacked bars: how many statements each actor has, quoted or paraphrased."""
    rows = list(reversed(voices(corpus)))  # most voices at the top
    figure, ax = _new_axes(ax, (8, 0.42 * len(rows) + 1.4), (2.9, 0.2, 0.45, 0.65))
    names = [v.name for v in rows]
    left = [0] * len(rows)
    for attribute, label, colour, hatch in VOICE_PARTS:
        values = [getattr(v, attribute) for v in rows]
        ax.barh(names, values, left=left, color=colour, hatch=hatch, edgecolor=palette.TEXT, linewidth=0.8,
                label=narrated(corpus, label))
        left = [a + b for a, b in zip(left, values, strict=True)]
    for y, voice in enumerate(rows):
        ax.text(voice.total + 0.1, y, str(voice.total), va="center", ha="left", color=palette.TEXT, fontsize=9)
    ax.set_xlabel("Number of statements attributed in the text", color=palette.TEXT)
    ax.set_xlim(0, max(v.total for v in rows) + 2.5)
    ax.set_title("Who speaks in the text, and how", color=palette.TEXT, loc="left")
    ax.legend(loc="lower right", frameon=True)
    ax.tick_params(colors=palette.TEXT)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return figure


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
    """The figure as PNG bytes, without a timestamp, so the same figure gives the same bytes."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None}, pil_kwargs={"compress_level": 3})
    return buffer.getvalue()


FIGURE_CLASS = "brink-figure"


def figure_bundle(figure: Figure | bytes, alt: str) -> tuple[dict, dict]:
    """A display bundle: an HTML ``<img>`` with its alt text, which JupyterLab prefers and screen readers read
    (it ignores the alt text in a PNG's metadata: review U3), the PNG itself for other front ends, and the alt
    text as the plain-text version. The image scales down with a narrow window."""
    image = figure if isinstance(figure, bytes) else png(figure)
    encoded = base64.b64encode(image).decode("ascii")
    html = (f'<img class="{FIGURE_CLASS}" alt="{escape(alt)}" src="data:image/png;base64,{encoded}" '
            'style="max-width:100%;height:auto">')
    data = {"text/html": html, "image/png": encoded, "text/plain": alt}
    return data, {"image/png": {"alt": alt}}


def _described(image: Figure | bytes, alt: str, data_table: Static) -> list[Static | tuple[dict, dict]]:
    """What a notebook shows for a chart: the image with its alt text, a caption that says what it shows, its table."""
    caption = Static(f"<p><strong>What the chart shows.</strong> {escape(alt)}</p>", f"What the chart shows. {alt}")
    return [figure_bundle(image, alt), caption, data_table]


def voices_view(corpus: Corpus) -> list[Static | tuple[dict, dict]]:
    return _described(voices_figure(corpus), voices_alt(corpus), voices_table(corpus))


TEXT_STYLE = dict(marker="s", color=palette.OKABE_ITO["blue"], label="■ reported in the text")
CONTEXT_STYLE = dict(marker="o", color=palette.OKABE_ITO["vermilion"], label="○ context from other sources")


def _wrap(title: str, width: int = 48) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(title, width)) or title


ROW_INCHES = 0.42
TIMELINE_MARGINS = (3.7, 0.3, 0.75, 1.05)  # left (row labels), right, top (two-line title), bottom (axis, legend)


class TimelinePlot:
    """One timeline figure for a period, drawn once with every event; a cut-off only changes what is visible.

    Events are rows, oldest at the top, so the events a cut-off hides are the bottom rows: showing a cut-off
    hides their artists and shrinks the figure to the rows that remain. Nothing is redrawn from scratch when
    a student moves the cut-off slider.
    """

    def __init__(self, corpus: Corpus, period: str | None = None, ax: Axes | None = None):
        import matplotlib.dates as mdates

        period, self.label, start, end = period_of(corpus, period)
        self.corpus, self.period, self.own_figure = corpus, period, ax is None
        last = cutoffs(corpus)[-1]
        self.events = list(reversed(events_shown(corpus, last, period)))  # every event up to the end, oldest on top
        self.figure, self.ax = _new_axes(ax, (10, ROW_INCHES * max(len(self.events), 4) + 1.7), TIMELINE_MARGINS)
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
        self.line = ax.axvline(start, color=palette.TEXT, linestyle="--", linewidth=1.2)
        ax.set_xlim(start, end + dt.timedelta(days=1))
        span = (end - start).days
        if span <= 180:  # a season: a tick every other Monday
            ax.xaxis.set_major_locator(mdates.WeekdayLocator(byweekday=mdates.MO, interval=2))
            ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b\n%Y"))
        elif span <= 3 * 366:
            ax.xaxis.set_major_locator(mdates.MonthLocator(interval=3))
            ax.xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y"))
        else:
            ax.xaxis.set_major_locator(mdates.YearLocator(4 if span > 12 * 366 else 1))
            ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        ax.tick_params(axis="x", labelsize=8, colors=palette.TEXT)
        ax.grid(axis="x", color="#DDDDDD", linewidth=0.6)
        ax.set_xlabel("Date", color=palette.TEXT, fontsize=9)
        handles = [
            ax.plot([], [], linestyle="none", marker="s", markersize=8, markerfacecolor=TEXT_STYLE["color"],
                    markeredgecolor=palette.TEXT, label=TEXT_STYLE["label"])[0],
            ax.plot([], [], linestyle="none", marker="o", markersize=8, markerfacecolor=palette.WHITE,
                    markeredgecolor=CONTEXT_STYLE["color"], markeredgewidth=2, label=CONTEXT_STYLE["label"])[0],
        ]
        self.figure.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.01, 0.005), ncols=2, frameon=False,
                           fontsize=8)
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
        labels = [_wrap(("■ " if e.origin == "text" else "○ ") + e.title
                        + (" (time of day unknown)" if uncertain(e, cutoff) else "")) if e.id in shown else ""
                  for e in self.events]
        self.ax.set_yticks(range(len(self.events)), labels, fontsize=8, color=palette.TEXT)
        bottom = min(visible_rows, default=len(self.events) - 1)
        self.ax.set_ylim(bottom - 0.8, len(self.events) - 0.2)
        time = self.corpus.article.published_time or dt.time(0)
        moment = cutoff.day + (dt.timedelta(hours=time.hour, minutes=time.minute) if cutoff.at_publication
                               else dt.timedelta(days=1))
        self.line.set_xdata([moment, moment])
        self.ax.set_title(f"What a reader could know: {self.label}\nDashed line: the knowledge cut-off, "
                          f"{cutoff.label(self.corpus)}", loc="left", color=palette.TEXT, fontsize=10)
        if self.own_figure:
            rows = len(self.events) - bottom
            self.figure.set_size_inches(10, ROW_INCHES * max(rows, 4) + 1.7)
            _set_margins(self.figure, TIMELINE_MARGINS)
        return self.figure


    def png(self, cutoff: Cutoff | None = None) -> bytes:
        """The PNG at ``cutoff``; each cut-off is drawn once, then served from memory."""
        cutoff = cutoff or publication(self.corpus)
        cache = self.__dict__.setdefault("_png", {})
        if cutoff not in cache:
            cache[cutoff] = png(self.show(cutoff))
        return cache[cutoff]


_PLOTS: dict[int, dict[str, TimelinePlot]] = {}  # id(corpus) → period → plot; the view layer's cache, not the record's


def timeline_plot(corpus: Corpus, period: str | None = None) -> TimelinePlot:
    """The one timeline plot per period for this corpus, shared by every view that shows it. The cache lives here,
    in the view layer, and is dropped when the corpus is (records stay pure data)."""
    key = id(corpus)
    if key not in _PLOTS:
        _PLOTS[key] = {}
        weakref.finalize(corpus, _PLOTS.pop, key, None)
    plots = _PLOTS[key]
    period = period_of(corpus, period)[0]
    if period not in plots:
        plots[period] = TimelinePlot(corpus, period)
    return plots[period]


def timeline_figure(corpus: Corpus, cutoff: Cutoff | None = None, period: str | None = None,
                    ax: Axes | None = None) -> Figure:
    """Events as rows against time; text events are filled squares, context events hollow circles, spans are bars."""
    return TimelinePlot(corpus, period, ax).show(cutoff)


def timeline_view(corpus: Corpus, cutoff: Cutoff | None = None, period: str | None = None,
                  plot: TimelinePlot | None = None) -> list[Static | tuple[dict, dict]]:
    """The timeline chart with alt text, a caption, and the events table (``plot`` reuses a drawn figure)."""
    cutoff = cutoff or publication(corpus)
    image = (plot or timeline_plot(corpus, period)).png(cutoff)
    return _described(image, timeline_alt(corpus, cutoff, period), events_table(corpus, cutoff, period))


STANCE_STYLE = {  # shape and word carry the stance; colour only repeats it
    "demanded": ("^", palette.OKABE_ITO["vermilion"]),
    "rejected": ("X", palette.OKABE_ITO["blue"]),
    "open": ("D", palette.OKABE_ITO["bluish green"]),
    "silent": ("_", palette.TEXT),
}


def stance_figure(corpus: Corpus, ax: Axes | None = None) -> Figure:
    """Issues (rows) against sides (columns): each cell a shape and a word for the side's stance."""
    from ..core.demands import columns
    from ..static.demands_tables import STANCE

    issues = list(corpus.issues)
    board = columns(corpus)
    figure, ax = _new_axes(ax, (9, 0.85 * len(issues) + 1.6), (2.4, 0.2, 1.0, 0.2))
    for y, issue in enumerate(reversed(issues)):
        for x, (key, _) in enumerate(board):
            stance = issue.stance(key).stance
            marker, colour = STANCE_STYLE[stance]
            ax.plot([x], [y + 0.12], linestyle="none", marker=marker, markersize=15 if stance != "silent" else 18,
                    markerfacecolor=colour, markeredgecolor=palette.TEXT, markeredgewidth=1 if stance != "silent" else 2)
            ax.text(x, y - 0.3, STANCE[stance][1], ha="center", va="center", fontsize=9, color=palette.TEXT)
    ax.set_xticks(range(len(board)), [name for _, name in board], fontsize=10, color=palette.TEXT)
    ax.xaxis.tick_top()
    ax.set_yticks(range(len(issues)), [_wrap(i.label, 30) for i in reversed(issues)], fontsize=9, color=palette.TEXT)
    ax.set_xlim(-0.6, len(board) - 0.4)
    ax.set_ylim(-0.7, len(issues) - 0.3)
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    ax.tick_params(length=0)
    ax.set_title("Who demands, rejects or leaves open each issue, as the text shows it", loc="left", color=palette.TEXT,
                 fontsize=10, pad=28)
    return figure


def stance_view(corpus: Corpus) -> list[Static | tuple[dict, dict]]:
    from ..static.demands_tables import stance_alt, stance_table

    return _described(stance_figure(corpus), stance_alt(corpus), stance_table(corpus))
