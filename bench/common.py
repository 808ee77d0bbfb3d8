"""What every benchmark shares: a result row, medians, ratios and the printed table.

Every figure is printed beside a baseline measured in the same run and as a ratio to it, so
that a noisy machine shifts both and the ratio stays readable.
"""

from __future__ import annotations

import statistics
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Row:
    """One line of the table: our figure, the baseline's, their ratio and the target.

    ``ok`` is True/False when the row has a target, None when it is informative only.
    """

    bench: str
    measure: str
    ours: float
    unit: str
    baseline: float | None = None
    baseline_name: str = ""
    target: str = ""
    ok: bool | None = None
    runs: int = 1
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline in (None, 0):
            return None
        return self.ours / self.baseline


def median(values: Sequence[float]) -> float:
    if not values:
        raise ValueError("no measurement to take the median of")
    return float(statistics.median(values))


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "B":
        if value >= 1e6:
            return f"{value / 1e6:.2f} MB"
        if value >= 1e3:
            return f"{value / 1e3:.1f} KB"
        return f"{value:.0f} B"
    if unit == "ms":
        return f"{value:,.0f} ms" if value >= 100 else f"{value:.1f} ms"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "MB":
        return f"{value:,.0f} MB"
    if unit == "cores":
        return f"{value:.2f} cores"
    if unit in ("art/s", "count"):
        return f"{value:,.0f}" + ("" if unit == "count" else " art/s")
    return f"{value:.3g} {unit}"


def table(rows: Sequence[Row]) -> str:
    """The rows as one plain-text table (fixed width, readable in a terminal and a README)."""
    head = ("bench", "measure", "ours", "baseline", "baseline is", "ratio", "runs", "target",
            "met")
    body = []
    for r in rows:
        ratio = r.ratio
        body.append((
            r.bench, r.measure, fmt(r.ours, r.unit), fmt(r.baseline, r.unit), r.baseline_name,
            "-" if ratio is None else f"{ratio:.2f}x", str(r.runs), r.target or "-",
            {True: "yes", False: "NO", None: "-"}[r.ok],
        ))
    widths = [max(len(h), *(len(b[i]) for b in body)) if body else len(h)
              for i, h in enumerate(head)]
    right = {2, 3, 5, 6}

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.rjust(w) if i in right else c.ljust(w)
                         for i, (c, w) in enumerate(zip(cells, widths, strict=True))).rstrip()

    out = [line(head), line(["-" * w for w in widths])]
    out += [line(b) for b in body]
    notes = [f"  [{r.bench}/{r.measure}] {r.note}" for r in rows if r.note]
    if notes:
        out += ["", "notes:", *notes]
    return "\n".join(out)


def interleaved(runs: int, *fns: Callable[[], float]) -> list[list[float]]:
    """Call each function ``runs`` times, alternating them, so drift hits all equally."""
    out: list[list[float]] = [[] for _ in fns]
    for _ in range(runs):
        for i, fn in enumerate(fns):
            out[i].append(fn())
    return out


def log(message: str) -> None:
    """Progress on stderr (the table alone goes to stdout)."""
    print(message, file=sys.stderr, flush=True)
