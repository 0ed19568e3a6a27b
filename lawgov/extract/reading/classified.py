"""What the engine says of one quantity."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Classified:
    kind: str                      # level | change | comparison_base | breakdown | other_body | share | target | cumulative | range
    indicator: str | None
    scope: str | None
    year: int | None
    unit: str | None
    unit_raw: str | None
    sentence: tuple[int, int]
    clause: tuple[int, int]
    paragraph: int
    all_outcome: str | None = None  # every case of the count ended so: "closed" (均已办结), "upheld" (均维持)
    also: tuple = ()               # further indicators of the same number (审核、备案 …)
    reason: str | None = None      # why it is not a fact (None for a fact)
    all_accepted: bool = False     # applications followed by 全部依法受理
