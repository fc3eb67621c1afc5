"""Bar charts drawn on the server: numbers in, SVG geometry out (the template draws it).

No JavaScript and no inline style (CSP): the template writes these numbers into
<rect> and <text> attributes. Every chart on a page sits beside a data table
with the same figures, for screen readers and for reading exact values.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DEFAULT_COLOUR = "#3b6ea5"


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    shown: str  # the value as printed at the bar's end
    x: float
    y: float
    width: float
    height: float
    colour: str
    text_x: float
    text_y: float


@dataclass
class Chart:
    """Horizontal bars (one row per item) or columns (one per item, labels below)."""

    title: str
    width: int
    height: int
    bars: list[Bar] = field(default_factory=list)
    columns: bool = False
    axis_labels: list[tuple[float, str]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not any(bar.value for bar in self.bars)


ROW = 26  # px per horizontal bar
LABEL_WIDTH = 160
PLOT_WIDTH = 240
VALUE_WIDTH = 70


def bar_chart(
    title: str, items: list[tuple[str, float, str]], *, colours: dict[str, str] | None = None
) -> Chart:
    """Horizontal bars: items are (label, value, shown value); lengths scale to the largest."""
    top = max((value for _, value, _ in items), default=0) or 1
    width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH
    chart = Chart(title, width, ROW * max(len(items), 1) + 4)
    for i, (label, value, shown) in enumerate(items):
        length = PLOT_WIDTH * value / top
        y = i * ROW + 4
        chart.bars.append(
            Bar(
                label=label,
                value=value,
                shown=shown,
                x=LABEL_WIDTH,
                y=y,
                width=round(length, 1),
                height=ROW - 8,
                colour=(colours or {}).get(label, DEFAULT_COLOUR),
                text_x=round(LABEL_WIDTH + length + 6, 1),
                text_y=y + ROW / 2,
            )
        )
    return chart


COLUMN_PLOT_HEIGHT = 140
COLUMN_WIDTH = 15


def column_chart(title: str, items: list[tuple[str, float, str]], *, every: int = 7) -> Chart:
    """Vertical columns (a time series); every `every`-th label is printed below the axis."""
    top = max((value for _, value, _ in items), default=0) or 1
    chart = Chart(
        title, COLUMN_WIDTH * max(len(items), 1) + 20, COLUMN_PLOT_HEIGHT + 40, columns=True
    )
    for i, (label, value, shown) in enumerate(items):
        height = COLUMN_PLOT_HEIGHT * value / top
        x = 10 + i * COLUMN_WIDTH
        chart.bars.append(
            Bar(
                label=label,
                value=value,
                shown=shown,
                x=x,
                y=round(COLUMN_PLOT_HEIGHT - height + 16, 1),
                width=COLUMN_WIDTH - 4,
                height=round(height, 1),
                colour=DEFAULT_COLOUR,
                text_x=x + (COLUMN_WIDTH - 4) / 2,
                text_y=round(COLUMN_PLOT_HEIGHT - height + 12, 1),
            )
        )
        if i % every == 0:
            chart.axis_labels.append((x, label))
    return chart
