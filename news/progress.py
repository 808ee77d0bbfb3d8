"""Progress of long work (a build of thousands of articles) on a text stream."""

from __future__ import annotations

import sys
import time
from typing import TextIO

#: Articles between two lines on a pipe when the total is not known.
UNKNOWN_TOTAL_STEP = 1000


class Progress:
    """Progress of a long build on a stream: a bar on a terminal, else a line every 10%.

    With no total known, a count on a terminal, else a line every ``UNKNOWN_TOTAL_STEP``.

    Parameters
    ----------
    total : int or None
        Articles expected (None: unknown, counts only).
    out : text stream, optional
        Default ``sys.stderr``.
    label : str
        What the line says is being done.
    """

    def __init__(
        self, total: int | None, out: TextIO | None = None, label: str = "articles"
    ) -> None:
        self.total = total
        self.out = out or sys.stderr
        self.label = label
        self.done = 0
        self.t0 = time.perf_counter()
        self._tty = bool(getattr(self.out, "isatty", lambda: False)())
        self._last_step = -1

    def update(self, n: int) -> None:
        """Count ``n`` more articles done and show it when due."""
        self.done += n
        rate = self.done / max(time.perf_counter() - self.t0, 1e-9)
        if self.total:
            pct = min(100, 100 * self.done // self.total)
            if self._tty:
                bar = "#" * (pct // 4)
                self.out.write(
                    f"\r{self.label} [{bar:<25}] {self.done}/{self.total} ({pct}%) {rate:.0f}/s"
                )
                if self.done >= self.total:
                    self.out.write("\n")
            elif pct // 10 > self._last_step:
                self._last_step = pct // 10
                self.out.write(f"{self.label} {self.done}/{self.total} ({pct}%), {rate:.0f}/s\n")
        elif self._tty:
            self.out.write(f"\r{self.label} {self.done}, {rate:.0f}/s")
        elif self.done // UNKNOWN_TOTAL_STEP > self._last_step:
            self._last_step = self.done // UNKNOWN_TOTAL_STEP
            self.out.write(f"{self.label} {self.done}, {rate:.0f}/s\n")
        self.out.flush()

    def finish(self) -> None:
        """End a terminal's line that no complete total has ended (an unknown total)."""
        if self._tty and not (self.total and self.done >= self.total) and self.done:
            self.out.write("\n")
            self.out.flush()
