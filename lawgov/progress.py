"""How a build's progress reaches a person: bars with rate and ETA on a terminal (tqdm),
plain lines in a log.

build.py calls ``progress(stage, done, total)`` for each parsed batch of files and each seed,
model and test; this turns those calls into something readable. In a log (cron, a pipe) a
line is written when a stage finishes and at most every LOG_EVERY seconds in between, so a
long stage shows it is alive without flooding the file.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

STAGES = {"parse": ("parsing reports", "files"), "seeds": ("loading seeds", "seeds"),
          "models": ("building models", "models"), "tests": ("running data tests", "tests")}
LOG_EVERY = 30.0


class Progress:
    """Callable as build.py's progress(stage, done, total); close() when the build ends."""

    def __init__(self, stream: TextIO | None = None, live: bool | None = None):
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty() if live is None else live
        self.stage: str | None = None
        self.bar = None
        self.started = self.last_line = 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        if total == 0:                    # nothing to do in this stage (no file changed)
            return
        if stage != self.stage:
            self.close()
            self.stage, self.started, self.last_line = stage, time.monotonic(), time.monotonic()
            if self.live:
                import shutil

                from tqdm import tqdm

                label, unit = STAGES.get(stage, (stage, "items"))
                size = shutil.get_terminal_size()      # a terminal that reports 0×0 gets 80×24
                self.bar = tqdm(total=total, desc=label, unit=f" {unit}", file=self.stream, leave=True,
                                ncols=size.columns or 80, nrows=size.lines or 24, smoothing=0.1)
        if self.bar is not None:
            self.bar.total = total
            self.bar.update(done - self.bar.n)
        elif done >= total or time.monotonic() - self.last_line >= LOG_EVERY:
            self.last_line = time.monotonic()
            print(self.line(stage, done, total, time.monotonic() - self.started), file=self.stream, flush=True)

    def note(self, message: str) -> None:
        """A message between bars or lines (who the build waits for)."""
        if self.bar is not None:
            self.bar.write(message, file=self.stream)
        else:
            print(message, file=self.stream, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
        self.stage = None

    @staticmethod
    def line(stage: str, done: int, total: int, seconds: float) -> str:
        """A log line: 'parsing reports: 1234/100000 files, 35.2/s, 0:46:12 left'."""
        label, unit = STAGES.get(stage, (stage, "items"))
        out = f"{label}: {done}/{total} {unit}"
        if seconds > 0 and done:
            rate = done / seconds
            out += f", {rate:.1f}/s"
            if done < total:
                left = int((total - done) / rate)
                out += f", {left // 3600}:{left // 60 % 60:02d}:{left % 60:02d} left"
            else:
                out += f", {seconds:.1f} s"
        return out
