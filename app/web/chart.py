"""Quotes over time as a bar chart drawn on the server: monthly counts in, the geometry of an SVG out.

Every month from the first to the last is a bar, months without quotes included, so the gaps show;
past MONTHS_PER_BAR_AT_MOST months the bars are years. The template (`_chart.html`) only places the
shapes computed here, with a text summary for readers who cannot see the bars.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

WIDTH, HEIGHT = 600, 140
PLOT_TOP, PLOT_BOTTOM = 10, 118  # the axis labels go below PLOT_BOTTOM
MONTHS_PER_BAR_AT_MOST = 48
WIDEST_BAR = 40  # a record of a month or two is drawn as a few narrow bars, not one block
MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@dataclass(frozen=True, slots=True)
class Bar:
    label: str  # "Feb 2024" or "2024"
    count: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True, slots=True)
class Chart:
    bars: list[Bar]
    most: int
    summary: str  # the chart in words, for the SVG's description
    width: int = WIDTH
    height: int = HEIGHT
    plot_bottom: int = PLOT_BOTTOM


def month_label(month: str) -> str:
    """ "2024-02" -> "Feb 2024"."""
    year, number = month.split("-")
    return f"{MONTH_NAMES[int(number) - 1]} {year}"


def every_month(first: str, last: str) -> list[str]:
    """The months from `first` to `last` ("YYYY-MM"), both included."""
    day, end = date.fromisoformat(f"{first}-01"), date.fromisoformat(f"{last}-01")
    months = []
    while day <= end:
        months.append(day.isoformat()[:7])
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return months


def quotes_over_time(month_counts: list[tuple[str, int]]) -> Chart | None:
    """The chart of (month, count) pairs, oldest first; None when no quote is dated."""
    counts = dict(month_counts)
    if not counts:
        return None
    months = every_month(min(counts), max(counts))
    buckets: list[tuple[str, int]]
    if len(months) > MONTHS_PER_BAR_AT_MOST:
        by_year: dict[str, int] = {}
        for month in months:
            by_year[month[:4]] = by_year.get(month[:4], 0) + counts.get(month, 0)
        buckets = list(by_year.items())
    else:
        buckets = [(month_label(month), counts.get(month, 0)) for month in months]
    most = max(count for _, count in buckets)
    slot = WIDTH / len(buckets)
    gap = min(2.0, slot * 0.2)
    scale = (PLOT_BOTTOM - PLOT_TOP) / most
    width = min(slot - gap, WIDEST_BAR)
    bars = [
        Bar(
            label,
            count,
            x=i * slot + (slot - width) / 2,
            y=PLOT_BOTTOM - count * scale,
            width=width,
            height=count * scale,
        )
        for i, (label, count) in enumerate(buckets)
    ]
    busiest = max(bars, key=lambda bar: bar.count)
    total = sum(counts.values())
    per = "year" if len(months) > MONTHS_PER_BAR_AT_MOST else "month"
    quotes = "dated quote" if total == 1 else "dated quotes"
    summary = (
        f"{total:,} {quotes} by {per}, from {bars[0].label} to {bars[-1].label}; "
        f"the most, {busiest.count:,}, in {busiest.label}."
    )
    return Chart(bars=bars, most=most, summary=summary)
