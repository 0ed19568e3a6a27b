"""Tables that reached the text one cell per line, put back into rows.

An HTML table converted to text often arrives as one cell per line (blank lines between):
a header of k labels, then k cells per row. Read line by line, each figure is a paragraph of
its own with no measure beside it. `join_cell_lines` finds such runs and joins the cells of
each row with `|`, the mark the table reader already knows, by overwriting the line breaks
between them: the text keeps its length, so every offset (and the map back to the
original) is unchanged.

A run is taken for a table only when a reader would see one: a header of k ≥ 2 text
labels (a year such as 2021 counts as a label), then at least two rows of k cells in which
every column keeps its kind (all figures or all words) and at least one column is figures.
A caption line or two before the header may be part of the run. Menus, lists of links
and short headings never have a column of figures, so they stay as they are.
"""

from __future__ import annotations

import re

__all__ = ["join_cell_lines"]

# a cell line: short, no sentence or clause marks, not already a row of cells
MAX_CELL = 24
_SENTENCE_MARK = re.compile(r"[。；;，,：:！？!?|]")
# a figure cell: a number with its unit or percent sign, nothing else
_FIGURE = re.compile(r"[-+]?\d[\d.,]*\s*(?:%|‰|[件起宗人个项次份条元户家名万亿余多]*)?(?:次|件)?")
# a header label that is a year (项目 | 2021 | 2022)
_YEAR_LABEL = re.compile(r"(?:19|20)\d{2}\s*(?:年度?)?")
_LINE = re.compile(r"[^\n]*")
MAX_COLUMNS = 10
# an empty cell of a column of figures: —, -, /, 无
_EMPTY = re.compile(r"[-—–/／无]+|--")
MAX_CAPTION = 2


def join_cell_lines(text: str) -> str:
    """`text` with each table printed one cell per line joined into rows (same length)."""
    if "\n" not in text:
        return text
    chars = None
    run: list[tuple[int, int]] = []
    for m in list(_LINE.finditer(text)) + [None]:
        line = text[m.start():m.end()].strip() if m is not None else None
        if line == "":
            continue                      # blank lines between cells do not end a run
        if line is not None and _is_cell(line):
            run.append(m.span())
            continue
        for row in _table_rows(text, run) if len(run) >= 6 else []:
            chars = chars if chars is not None else list(text)
            for (_s, e), (s2, _e) in zip(row, row[1:]):
                _join(chars, e, s2)
        run = []
    return text if chars is None else "".join(chars)


def _is_cell(line: str) -> bool:
    return len(line) <= MAX_CELL and not _SENTENCE_MARK.search(line)


def _kind(cell: str) -> str:
    if _EMPTY.fullmatch(cell):
        return "any"
    return "figure" if _FIGURE.fullmatch(cell) else "word"


def _table_rows(text: str, run: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The rows (lists of cell spans, the header first) of the table at the start of a run
    of cell lines (after at most MAX_CAPTION caption lines), or [] when it reads as none."""
    cells = [text[s:e].strip() for s, e in run]
    kinds = [_kind(c) for c in cells]
    fits = []
    for skip in range(0, MAX_CAPTION + 1):
        for k in range(2, MAX_COLUMNS + 1):
            n = _fit(cells[skip:], kinds[skip:], k)
            if n:
                covered = min(skip + n * k, len(cells))
                # a figure left just after the table means the columns were cut wrong
                cut_wrong = covered < len(cells) and kinds[covered] == "figure"
                fits.append((cut_wrong, skip, k, n))
    if not fits:
        return []
    _cut_wrong, skip, k, n = min(fits)
    body = run[skip:]
    return [body[i * k:min((i + 1) * k, len(body))] for i in range(n)]


def _fit(cells: list[str], kinds: list[str], k: int) -> int:
    """How many rows (the header, full rows, and a last row cut short) the cells make with
    k columns from their start; 0 if they make no table."""
    if len(cells) < 3 * k:
        return 0
    if any(kind == "figure" and not _YEAR_LABEL.fullmatch(c) for c, kind in zip(cells[:k], kinds[:k])):
        return 0
    pattern = kinds[k:2 * k]
    if "figure" not in pattern:
        return 0

    def agrees(row: list[str]) -> bool:
        return all(a == b or "any" in (a, b) for a, b in zip(row, pattern))

    rows = 2
    while (rows + 1) * k <= len(cells) and agrees(kinds[rows * k:(rows + 1) * k]):
        rows += 1
    if rows < 3:
        return 0
    rest = kinds[rows * k:min((rows + 1) * k, len(kinds))]
    if 2 <= len(rest) < k and agrees(rest):
        rows += 1                         # the page ends inside the table's last row
    return rows


def _join(chars: list[str], end: int, start: int) -> None:
    """Overwrite the line breaks between two cells (end of one, start of the next) with `|`."""
    chars[end] = "|"
    for i in range(end + 1, start):
        if chars[i] == "\n":
            chars[i] = " "
