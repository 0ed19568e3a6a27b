"""Tables that reached the text broken up, put back into rows.

`join_tables` applies the three readings below; each keeps the text's length, so every
offset (and the map back to the original) is unchanged.

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

__all__ = ["join_tables", "join_cell_lines", "join_spaced_columns", "join_label_lines", "split_inline_tables",
           "FIGURE_CELL",
           "YEAR_CELL", "is_cell", "figure_line"]

# a cell line: short, no sentence or clause marks, not already a row of cells
MAX_CELL = 24
_SENTENCE_MARK = re.compile(r"[。；;，,：:！？!?|]")
# a figure cell: a number with its unit or percent sign, nothing else
FIGURE_CELL = re.compile(r"[-+]?\d+(?:[,，]\d{3})*(?:\.\d+)?\s*(?:%|‰|个百分点|[件起宗人个项次份条元户家名万亿余多]*)?(?:次|件)?")
# a header label that is a year (项目 | 2021 | 2022)
YEAR_CELL = re.compile(r"(?:19|20)\d{2}\s*(?:年度?)?")
_LINE = re.compile(r"[^\n]*")
MAX_COLUMNS = 10
# an empty cell of a column of figures: —, -, /, 无
_EMPTY = re.compile(r"[-—–/／无]+")
MAX_CAPTION = 3


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
        if line is not None and is_cell(line):
            run.append(m.span())
            continue
        rows, wraps = (_table_rows(text, run), []) if len(run) >= 6 else ([], [])
        if len(run) >= 6 and _covered(rows) < len(run):
            merged, breaks = _wrapped_labels(text, run)
            if breaks and _covered(alt := _table_rows(text, merged)) > _covered(rows):
                rows, wraps = alt, breaks
        for row in rows:
            chars = chars if chars is not None else list(text)
            for (_s, e), (s2, _e) in zip(row, row[1:]):
                _join(chars, e, s2)
        for a, b, end in wraps:
            _close_up(chars, a, b, end)
        run = []
    return text if chars is None else "".join(chars)


def _close_up(chars: list[str], a: int, b: int, end: int) -> None:
    """Close the gap chars[a:b] inside a wrapped label that ends at `end`: its second half moves
    up to the first and the gap's width goes after it as middle dots (乡人民政 ⏎ 府 reads 乡人民政府
    again; the text keeps its length, and no figure moves)."""
    tail = chars[b:end]
    chars[a:end] = tail + ["·"] * (b - a)


def _covered(rows: list[list[tuple[int, int]]]) -> int:
    return sum(len(r) for r in rows)


def _wrapped_labels(text: str, run: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The run with each row label wrapped onto a second line made one cell again (⋯ 22 ⏎ 调解、和解
    ⏎ 结案 ⏎ 29 ⋯: a short word line between a label line and a figure, after a figure), and the
    gaps between the halves."""
    kinds = [_kind(text[s:e].strip()) for s, e in run]
    out, breaks, i = [], [], 0
    while i < len(run):
        if 0 < i and i + 2 < len(run) and kinds[i - 1] != "word" and kinds[i] == kinds[i + 1] == "word" \
                and kinds[i + 2] == "figure" and len(text[run[i + 1][0]:run[i + 1][1]].strip()) <= 6:
            first_end = run[i][0] + len(text[run[i][0]:run[i][1]].rstrip())
            second = text[run[i + 1][0]:run[i + 1][1]]
            second_start = run[i + 1][0] + len(second) - len(second.lstrip())   # (its indent goes with the gap)
            out.append((run[i][0], run[i + 1][1]))
            breaks.append((first_end, second_start, run[i + 1][1]))
            i += 2
            continue
        out.append(run[i])
        i += 1
    return out, breaks


def is_cell(line: str) -> bool:
    return len(line) <= MAX_CELL and not _SENTENCE_MARK.search(_PART_MARK.sub("", line))


_PART_MARK = re.compile(r"^其中\s*[:：]\s*")    # (其中:以区政府工作部门为被申请人: a part's row label)


# a cell of a change column said in words around its figure (提高7.7个百分点, 下降1.5个百分点)
_CHANGE_CELL = re.compile(r"(?:提高|提升|增长|增加|上升|下降|减少|降低)?\s*[-+]?\d+(?:\.\d+)?\s*"
                          r"(?:个百分点|%|倍|件|起|宗|人次|次|人|项|个|份)|持平|无变化|基本持平")


def _kind(cell: str) -> str:
    if not cell or _EMPTY.fullmatch(cell):
        return "any"
    return "figure" if FIGURE_CELL.fullmatch(cell) or _CHANGE_CELL.fullmatch(cell) else "word"


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
                if covered < len(cells) and kinds[covered] == "figure":
                    continue
                fits.append((skip, k, n))
    if not fits:
        return _one_row_table(run, kinds)
    # rows that open with their label come first: a caption taken for header cells shifts the
    # columns so that each row opens with a figure (附表 | 审结情况 | 类型 | 件数 | 占比 | 维持 ⏎ 96 | …)
    skip, k, n = min(fits, key=lambda f: (kinds[f[0] + f[1]] == "figure", f))
    body = run[skip:]
    return [body[i * k:min((i + 1) * k, len(body))] for i in range(n)]


MAX_GROUPS = 4


def _one_row_table(run: list[tuple[int, int]], kinds: list[str]) -> list[list[tuple[int, int]]]:
    """A table of one row of figures under its header (a body's statistics: 申请数 / 受理数 /
    维持 … then 86 / 79 / 48 …): the run is labels, then as many figures as the last labels, and
    nothing after them. Labels before those (a caption, the groups of a two-level header:
    收案情况 / 审结情况) stay lines of their own. [] when the run is not so."""
    n_words = next((i for i, kd in enumerate(kinds) if kd != "word"), len(kinds))
    figures = kinds[n_words:]
    k = len(figures)
    extra = n_words - k                   # the caption and the groups: fewer than the columns
    if k < 3 or extra < 0 or extra > min(k - 1, MAX_CAPTION + MAX_GROUPS) \
            or "figure" not in figures or any(kd == "word" for kd in figures):
        return []
    return [run[n_words - k:n_words], run[n_words:]]


def _fit(cells: list[str], kinds: list[str], k: int) -> int:
    """How many rows (the header, full rows, and a last row cut short) the cells make with
    k columns from their start; 0 if they make no table."""
    if len(cells) < 3 * k:
        return 0
    if any(kind == "figure" and not YEAR_CELL.fullmatch(c) for c, kind in zip(cells[:k], kinds[:k])):
        return 0
    pattern = kinds[k:2 * k]
    if "figure" not in pattern:
        return 0
    if k == 2 and (pattern == ["figure", "word"] or any(len(c) > 10 for c in cells[:2])):
        return 0          # label / figure pairs under a title: join_label_lines reads those

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


def join_tables(text: str, tabs: frozenset[int] = frozenset()) -> str:
    """`text` with its broken-up tables put back: one cell per line (`join_cell_lines`),
    columns set apart by spaces or tabs (`join_spaced_columns`; `tabs` are the positions that
    were tabs before normalising made them spaces), a label and its figure on lines of their
    own (`join_label_lines`), a whole table run into one line (`split_inline_tables`).
    Same length as `text`."""
    return join_label_lines(join_spaced_columns(join_cell_lines(split_inline_tables(text)), tabs))


# ------------------------------------------------------------------ a table on one line

_TOKEN = re.compile(r"[^\s\u3000]+")


def split_inline_tables(text: str) -> str:
    """A table whose cells a converter ran into one line, set apart by spaces (指标 2021年
    2022年 2023年 收到申请(件) 187 214 263 受理(件) 165 193 241 …): a header of k ≥ 2 years
    (after a label, or none), then at least two rows of a label and k figures, and nothing
    else on the line; or a header opening with 序号 and rows numbered 1, 2, 3 … anywhere in a
    line (`_serial_rows`). Each row is put on a line of its own and its cells are joined with
    `|` by overwriting the first space between them. Same length as `text`."""
    chars = None
    for line in _LINE.finditer(text):
        toks = [(m.start(), m.end()) for m in _TOKEN.finditer(text, line.start(), line.end())]
        cells = [text[a:b] for a, b in toks]
        rows = _inline_rows(cells)
        if rows is not None:
            chars = chars if chars is not None else list(text)
            starts = set(rows[1:])
            for n in range(1, len(toks)):
                chars[toks[n - 1][1]] = "\n" if n in starts else "|"
            continue
        if "序号" not in text[line.start():line.end()]:
            continue
        for first, starts, end in _serial_rows(cells):
            chars = chars if chars is not None else list(text)
            if first > 0:
                chars[toks[first - 1][1]] = "\n"
            for n in range(first + 1, end):
                chars[toks[n - 1][1]] = "\n" if n in starts else "|"
            if end < len(toks):
                chars[toks[end - 1][1]] = "\n"
    return text if chars is None else "".join(chars)


def _serial_rows(cells: list[str]) -> list[tuple[int, set[int], int]]:
    """The tables of numbered rows among a line's cells (序号 处理方式 数量 比例 1 维持 3509 74.7%
    2 驳回 295 6.3% …: a line the one-cell paragraphs of a table were run into): for each, the
    index of its 序号 cell, where each row starts, and the index after its last cell. A row is
    its number, then as many cells as the header has after 序号, one of them a figure; two rows
    at least. The numbers are not read as figures of the row before."""
    out = []
    for i, c in enumerate(cells):
        if c != "序号":
            continue
        j = i + 1
        while j < len(cells) and _kind(cells[j]) == "word" and j - i <= MAX_COLUMNS:
            j += 1
        k = j - i                          # the columns, 序号 among them
        if k < 3 or j >= len(cells) or cells[j] != "1":
            continue
        starts, n = set(), 1
        while j + k <= len(cells) and cells[j] == str(n) \
                and any(_kind(x) == "figure" for x in cells[j + 1:j + k]):
            starts.add(j)
            j += k
            n += 1
        if n > 2:
            out.append((i, starts, j))
    return out


def _inline_rows(cells: list[str]) -> list[int] | None:
    """The indexes where the header and each row start, when `cells` are a table's (see
    split_inline_tables); else None."""
    first = 1 if cells and not YEAR_CELL.fullmatch(cells[0]) and _kind(cells[0]) == "word" else 0
    k = 0
    while first + k < len(cells) and YEAR_CELL.fullmatch(cells[first + k]):
        k += 1
    if k < 2:
        return None
    rows, j = [0], first + k
    while j < len(cells):
        label, figures = cells[j], cells[j + 1:j + 1 + k]
        if _kind(label) != "word" or YEAR_CELL.fullmatch(label) or len(figures) < k \
                or any(_kind(c) == "word" for c in figures):
            return None
        rows.append(j)
        j += 1 + k
    return rows if len(rows) >= 3 else None


# --------------------------------------------------------------------- columns of spaces

_GAP = re.compile(r"[ \t\u3000]{1,}")
MIN_ROWS = 3


def join_spaced_columns(text: str, tabs: frozenset[int] = frozenset()) -> str:
    """Rows whose cells are set apart by spaces (序号 单位 开庭案件数 出庭率 / 1 县人民政府 14
    100%): a run of at least three lines with the same number k ≥ 3 of space-separated cells,
    a header of labels, and columns that keep their kind, one of them figures; or a header of
    labels over a single row of figures. The first space of each gap becomes `|`."""
    if " " not in text and "\u3000" not in text and "\t" not in text:
        return text                       # (a page whose only gaps are tabs has tables too)
    text = _join_wrapped_labels(text)
    chars = None
    run: list[tuple[int, int, list]] = []
    for m in list(_LINE.finditer(text)) + [None]:
        if m is not None and m.start() == m.end():
            continue                      # the empty match after each line
        cells = _spaced_cells(text, m, 2, tabs) if m is not None else None
        if cells and not run and len(cells) == 2 and not _two_column_header(text, cells):
            cells = None                  # (two cells open a table only under 项目 | 数量(件))
        if cells and (not run or len(cells) == len(run[0][2]) or _remark_left_empty(text, cells, run)) \
                and not _total_row_across(text, cells, run):
            run.append((m.start(), m.end(), cells))
            continue
        if run and (group := _group_row(text, m)) is not None:
            run.append((m.start(), m.end(), group))    # 一 复议应诉 between rows: the table goes on
            continue
        if cells and run and _cut_row(text, cells, run, m.end()):
            run.append((m.start(), m.end(), cells))
            cells = None
        rows = [[text[a:b] for a, b in r[2]] for r in run if not _GROUP_ORDINAL.fullmatch(text, r[0], r[1])]
        if (len(rows) >= MIN_ROWS or len(rows) == 2 and _labels_over_figures(rows)) and _columns_agree(rows):
            chars = chars if chars is not None else list(text)
            if cells and _total_row(text, cells, run):
                run.append((m.start(), m.end(), cells))
                cells = None
            for _s, _e, cells_ in run:
                for _a, b in cells_[:-1]:
                    chars[b] = "|"
        run = [(m.start(), m.end(), cells)] if cells and (len(cells) >= 3 or _two_column_header(text, cells)) else []
    return text if chars is None else "".join(chars)


_WRAPPED_LABEL = re.compile(r"(?m)^[ \t\u3000]*[^\s(（)）|]{1,12}[(（][^\s)）|]{0,12}(?P<gap>\n[ \t\u3000]*)"
                            r"(?=[^\s(（)）|]{0,10}[)）][ \t\u3000]+\S)")


REMARK_HEADER = re.compile(r"说明|备注|备注说明|附注")
_GROUP_ORDINAL = re.compile(r"[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}[、.．]?|[(（][一二三四五六七八九十]{1,3}[)）])"
                            r"[ \t\u3000]+[^\s\d|。，；]{2,16}[ \t\u3000]*")


def _remark_left_empty(text: str, cells: list[tuple[int, int]], run) -> bool:
    """A row one cell short under a header whose last column is for remarks (序号 项目 单位 数量 说明
    over 7 受理行政复议案件 件 23): the remark left empty."""
    header = run[0][2]
    return len(cells) == len(header) - 1 and bool(REMARK_HEADER.fullmatch(text[header[-1][0]:header[-1][1]]))


def _group_row(text: str, m) -> list[tuple[int, int]] | None:
    """A line that opens a group of a table's rows with its ordinal and name (一 复议应诉): a row of
    the table, its two cells left out of the columns' kinds."""
    if m is None or not _GROUP_ORDINAL.fullmatch(text, m.start(), m.end()):
        return None
    return _spaced_cells(text, m, 2)


def _join_wrapped_labels(text: str) -> str:
    """A row's label wrapped onto a second line inside its brackets (区政府(含区政府 ⏎ 办公室) 96
    88 …): the line break becomes a middle dot, so the row is one line again. Same length."""
    if "(" not in text and "（" not in text:
        return text
    gaps = [(m.start("gap"), m.end("gap"), text.find(")", m.end("gap")), text.find("）", m.end("gap")))
            for m in _WRAPPED_LABEL.finditer(text)]
    if not gaps:
        return text
    chars = list(text)
    for a, b, c1, c2 in gaps:
        end = min(c for c in (c1, c2) if c != -1) + 1
        _close_up(chars, a, b, end)    # (the next line's indent goes with its break)
    return "".join(chars)


def _two_column_header(text: str, cells: list[tuple[int, int]]) -> bool:
    """A header of two columns: a label's and a quantity's (项目 数量(件), 指标 2023年)."""
    first, second = (text[a:b] for a, b in cells)
    return _kind(first) == "word" and bool(_QUANTITY_HEADER.fullmatch(second) or YEAR_CELL.fullmatch(second)
                                           or (_LABEL_COLUMN.fullmatch(first) and _kind(second) == "word"))


# the header of a table's column of row labels (项目 | 受理, 单位 | 受理, 年度 | 受理)
_LABEL_COLUMN = re.compile(r"项目|指标|类别|类型|单位|年度|名称|事项|内容|分类")
# the header of a column of quantities (数量, 件数(件), 数值)
_QUANTITY_HEADER = re.compile(r"(?:数量|件数|数值|数据|总数|人数|次数|个数)\s*(?:[(（][^()（）]{1,4}[)）])?")


def _spaced_cells(text: str, m, least: int = 3, tabs: frozenset[int] = frozenset()) -> list[tuple[int, int]] | None:
    line = text[m.start():m.end()]
    if "|" in line or "。" in line or "，" in line or "；" in line:
        return None                       # a row of cells, or prose
    stops = [k for k in range(m.start(), m.end()) if k in tabs] if tabs else []
    if len(stops) >= 2:
        out = _tab_cells(text, m.start(), m.end(), stops)
    else:
        out, pos = [], m.start()
        for g in _GAP.finditer(text, m.start(), m.end()):
            if g.start() > pos:
                out.append((pos, g.start()))
            pos = g.end()
        if pos < m.end():
            out.append((pos, m.end()))
    if len(out) < least or any(e - s > MAX_CELL for s, e in out):
        return None
    return out


def _tab_cells(text: str, start: int, end: int, stops: list[int]) -> list[tuple[int, int]]:
    """The cells of a tab-separated line (`stops`: where its tabs were), one per tab, an empty
    one kept where two tabs meet or a tab ends the line (97.2⇥98.8⇥⇥按开庭数计: the change column
    left empty), each without the spaces around it (⇥  其中：维持: an indented label); tabs
    before the first cell open none."""
    while stops and not text[start:stops[0]].strip():
        start = stops.pop(0) + 1
    out, pos = [], start
    for stop in stops + [end]:
        a, b = pos, stop
        while a < b and text[a] in " \u3000":
            a += 1
        while b > a and text[b - 1] in " \u3000":
            b -= 1
        out.append((a, b) if a < b else (stop, stop))
        pos = stop + 1
    return out


def _cut_row(text: str, cells: list[tuple[int, int]], run, end: int) -> bool:
    """The page's last line, a row cut short (县直部门 48 35 under five columns: a page cut to
    its first characters ends inside a table): fewer cells than the header, of the kinds of
    the row above. The table reader marks its last figure as possibly cut."""
    k = len(run[0][2])
    if not 2 <= len(cells) < k or len(run) < 2 or text[end:].strip():
        return False
    above = [_kind(text[a:b]) for a, b in run[-1][2]][:len(cells)]
    return all(x == y or "any" in (x, y) for x, y in zip([_kind(text[a:b]) for a, b in cells], above))


def _total_row(text: str, cells: list[tuple[int, int]], run) -> bool:
    """A last row one cell short (合计 47 45 95.7% under 序号 单位 …): a label, then figures
    where the columns to its right have figures. The table reader aligns it to the right. Also
    one whose label spans the first two columns, the second left empty (合计⇥⇥47⇥45)."""
    k = len(run[0][2])
    if _total_row_across(text, cells, run):
        cells = cells[:1] + cells[2:]
    if len(cells) != k - 1 or _kind(text[cells[0][0]:cells[0][1]]) != "word":
        return False
    last = [text[a:b] for a, b in run[-1][2]][-(k - 2):]
    return [_kind(text[a:b]) for a, b in cells[1:]] == [_kind(c) for c in last]


_TOTAL_LABEL = re.compile(r"\s*(?:合计|总计|小计|共计|全[省市区县]|总数)\s*")


def _total_row_across(text: str, cells: list[tuple[int, int]], run) -> bool:
    """A row of a table's whole whose label fills the 序号 column and leaves the next empty
    (合计⇥⇥3204⇥2824 under 序号⇥单位⇥收案…): a total row, not a row whose columns change kind."""
    return bool(run) and len(cells) == len(run[0][2]) >= 4 and len(run) >= 3 \
        and bool(_TOTAL_LABEL.fullmatch(text, *cells[0])) and not text[cells[1][0]:cells[1][1]].strip()


def _labels_over_figures(rows: list[list[str]]) -> bool:
    """A header of labels over one row of figures only (收到申请 受理 审结 / 86 79 75): a table
    of one row, a body's statistics; each row may open with its label (单位 复议申请 … /
    全区 74 …, 结果 维持 驳回 … / 件数 142 51 …)."""
    header, row = rows
    if _kind(header[0]) == "word" and _kind(row[0]) == "word" and len(row) > 2:
        row = row[1:]
    return all(_kind(c) == "word" for c in header) and all(_kind(c) != "word" for c in row) \
        and any(_kind(c) == "figure" for c in row)


def _columns_agree(rows: list[list[str]]) -> bool:
    """A header of labels, and columns that each keep one kind, one of them figures. A row of
    units over the header (件 件 % / 收到申请 受理 纠错率) or under it (应诉案件 开庭审理 / (件) (件))
    is part of the header; the column of row labels under a label may hold years beside words
    (年度 / 2022 / 2023 / 合计)."""
    if len(rows) > 2 and all(_UNIT_CELL.fullmatch(c) for c in rows[0]):
        rows = rows[1:]
    elif len(rows) > 2 and all(_UNIT_CELL.fullmatch(c) for c in rows[1]):
        rows = rows[:1] + rows[2:]
    header, body = rows[0], rows[1:]
    if any(_kind(c) == "figure" and not YEAR_CELL.fullmatch(c) for c in header):
        return False
    kinds = [[_kind(c) for c in r] for r in body]
    columns = [{k[j] for k in kinds if j < len(k)} - {"any"} for j in range(len(header))]
    if _kind(header[0]) == "word" and all(YEAR_CELL.fullmatch(r[0]) for r in body if _kind(r[0]) == "figure"):
        columns[0] = {"word"}
    return all(len(c) <= 1 for c in columns) and any(c == {"figure"} for c in columns)




# --------------------------------------------------------------- a label, then its figure

_UNIT_LINE = re.compile(r"(?:件次|件|人次|次|个|项|份|人|起|宗|名|家|%|％|元|万元|篇|条|场)")
# a cell that is only a unit, perhaps in brackets (a row of units over a table's header)
_UNIT_CELL = re.compile(r"[(（]?" + _UNIT_LINE.pattern + r"[)）]?")
_LABEL_MARK = re.compile(r"[。；;！？!?|]")
MIN_PAIRS = 3


def join_label_lines(text: str) -> str:
    """Figures printed under their labels, one item per line (收到行政复议申请 / 126 / 件):
    three or more label–figure pairs in a row (a unit may follow on its own line) are
    joined into one line each, the line breaks inside a pair becoming spaces."""
    if "\n" not in text:
        return text
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text) if text[m.start():m.end()].strip()]
    pairs: list[list[tuple[int, int]]] = []
    chars = None
    i = 0
    while i <= len(lines):
        group = _pair_at(text, lines, i) if i < len(lines) else None
        if group:
            pairs.append(group)
            i += len(group)
            continue
        if len(pairs) >= MIN_PAIRS and not _figures_first(text, lines, pairs):
            chars = chars if chars is not None else list(text)
            for group_ in pairs:
                for (_s, e), (s2, _e) in zip(group_, group_[1:]):
                    for k in range(e, s2):
                        if chars[k] == "\n":
                            chars[k] = " "
        pairs = []
        i += 1
    return text if chars is None else "".join(chars)


def _figures_first(text: str, lines: list[tuple[int, int]], pairs) -> bool:
    """The pairs are shifted by one: a figure stands right before the first label and a label
    right after the last figure (86件 / 收到行政复议申请 / 79件 / 依法受理 / … / 纠错率): an
    infographic that puts each figure over its label, not under it."""
    inside = [_blank_between(text, g[0], g[1]) for g in pairs]
    across = [_blank_between(text, a[-1], b[0]) for a, b in zip(pairs, pairs[1:])]
    if sum(inside) >= 2 and not any(across):
        return True               # (⏎612件⏎收到申请⏎⏎557件⏎依法受理: empty lines part each figure from the label above)
    if _units_agree_below(text, lines, pairs):
        return True               # (纠错⏎15.4%⏎纠错率: a count's label over a rate, a rate's under it)
    first = lines.index(pairs[0][0])
    last = lines.index(pairs[-1][-1])
    if last + 1 >= len(lines):
        return False
    after = text[lines[last + 1][0]:lines[last + 1][1]].strip()
    if _kind(after) != "word" or not 0 < len(after) <= 20 or _LABEL_MARK.search(after) \
            or _NUMBERED_HEADING.match(after) or _CHROME_AFTER.search(after):
        return False              # (a section's numbered heading, or a page's byline, after the last figure is no label)
    label = text[lines[first][0]:lines[first][1]].strip()
    if _TITLE_YEAR.search(label) or _NO_LABEL.search(label):
        return True               # (the page's title or a site's chrome over its first figure is no label)
    if first == 0:
        return False
    before = text[lines[first - 1][0]:lines[first - 1][1]].strip()
    return _kind(before) == "figure"


def _units_agree_below(text: str, lines: list[tuple[int, int]], pairs) -> bool:
    """Each figure of the run agrees with the line below it, and one at least disagrees with the
    label above it (a label and its own figure never do): a rate (%) under a label with no 率 and
    over one with it (纠错⏎15.4%⏎纠错率)."""
    above = below = 0
    for group in pairs:
        label, figure = text[group[0][0]:group[0][1]], text[group[1][0]:group[1][1]]
        pct = "%" in figure or "％" in figure
        above += ("率" in label) != pct
        k = lines.index(group[-1]) + 1
        if k < len(lines):
            after = text[lines[k][0]:lines[k][1]].strip()
            if _kind(after) == "word":
                below += ("率" in after) != pct
    return above >= 1 and below == 0


def _blank_between(text: str, upper: tuple[int, int], lower: tuple[int, int]) -> bool:
    """An empty line stands between two lines."""
    return text.count("\n", upper[1], lower[0]) >= 2


# a year in a line, as a page's title names it (图解2023年…), and the words of a title or of a
# site's chrome that no figure's label holds (一图读懂, 来源:, 【字体…】)
_TITLE_YEAR = re.compile(r"(?:19|20)\d{2}\s*年")
_NO_LABEL = re.compile(r"图解|一图|读懂|图说|数说|[:：【】]|来源|浏览")
_CHROME_AFTER = re.compile(r"[:：]|来源|浏览|编辑|出处|作者|记者")
_NUMBERED_HEADING = re.compile(r"(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．]|[①-⑳]|第[一二三四五六七八九十]+[部章节])")


# a figure's line may say it is approximate (约30%, 超2万件) and add an aside (58件(同比上升65.7%))
_APPROX_BEFORE = re.compile(r"^(?:约|近|超过|超|逾|达|共计|共)")
_ASIDE_AFTER = re.compile(r"(?<!\s)\s*[(（][^()（）]{0,30}[)）]$")


def figure_line(line: str) -> bool:
    """A line that holds one figure, as an infographic prints it under its label."""
    if _kind(line) == "figure":
        return True
    line = _APPROX_BEFORE.sub("", line)
    if line.endswith((")", "）")):      # (tried only there: \s* before it on a long run of spaces is quadratic)
        line = _ASIDE_AFTER.sub("", line)
    return _kind(line) == "figure"


def _pair_at(text: str, lines: list[tuple[int, int]], i: int) -> list[tuple[int, int]] | None:
    if i + 1 >= len(lines):
        return None
    label = text[lines[i][0]:lines[i][1]].strip()
    figure = text[lines[i + 1][0]:lines[i + 1][1]].strip()
    if not (0 < len(label) <= 20) or _LABEL_MARK.search(label) or _kind(label) != "word" \
            or label[-1].isdigit() or not figure_line(figure):
        return None
    group = [lines[i], lines[i + 1]]
    if i + 2 < len(lines) and _UNIT_LINE.fullmatch(text[lines[i + 2][0]:lines[i + 2][1]].strip()):
        group.append(lines[i + 2])
    return group
