"""A line chart as inline SVG geometry: one line per region across the years.

Computed here, drawn by templates/chart.svg, so the page needs no script and no CDN."""

from __future__ import annotations

from dataclasses import dataclass

COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
           "#17becf", "#bcbd22", "#7f7f7f"]
WIDTH, HEIGHT = 760, 340
LEFT, RIGHT, TOP, BOTTOM = 56, 170, 16, 36


@dataclass
class Line:
    label: str
    colour: str
    points: list[tuple[float, float, float]]     # x, y, value

    @property
    def path(self) -> str:
        return " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in self.points)


@dataclass
class Tick:
    pos: float
    label: str


@dataclass
class Chart:
    width: int
    height: int
    lines: list[Line]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    left: int = LEFT
    top: int = TOP
    plot_right: int = WIDTH - RIGHT
    plot_bottom: int = HEIGHT - BOTTOM


def _nice_max(v: float) -> float:
    if v <= 0:
        return 1.0
    step = 10 ** len(str(int(v))) / 10
    for m in (1, 2, 2.5, 5, 10):
        if v <= step * m:
            return step * m
    return v


def line_chart(series: dict[str, dict[int, float]], percent: bool = False) -> Chart | None:
    """series: label → {year: value}. None when there is nothing to draw."""
    years = sorted({y for s in series.values() for y in s})
    values = [v for s in series.values() for v in s.values()]
    if not years or not values:
        return None
    top = 100.0 if percent and max(values) <= 100 else _nice_max(max(values))
    bottom = 0.0 if min(values) >= 0 else min(values)
    x0, x1, y0, y1 = LEFT, WIDTH - RIGHT, HEIGHT - BOTTOM, TOP

    def x(year: int) -> float:
        return (x0 + x1) / 2 if len(years) == 1 else x0 + (x1 - x0) * years.index(year) / (len(years) - 1)

    def y(v: float) -> float:
        return y0 - (y0 - y1) * (v - bottom) / ((top - bottom) or 1)

    lines = [Line(label, COLOURS[i % len(COLOURS)], [(x(yr), y(v), v) for yr, v in sorted(s.items())])
             for i, (label, s) in enumerate(series.items())]
    y_ticks = [Tick(y(bottom + (top - bottom) * k / 4), f"{bottom + (top - bottom) * k / 4:g}") for k in range(5)]
    return Chart(WIDTH, HEIGHT, lines, [Tick(x(yr), str(yr)) for yr in years], y_ticks)
