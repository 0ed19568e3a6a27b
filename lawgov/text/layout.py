"""A printed page's layout left in a text: what to delete so that its sentences read whole.

Text copied or crawled from a PDF (and a PDF converted by others before it reached us) keeps
the page's layout: every line broken at the right margin, inside a cue word (行政复\\n议) or
between a number and its unit; the page number (— 3 —, 第2页 共5页) and the running title
between the two halves of a paragraph; and, from some producers, a space between every two
Han characters (行 政 复 议). lawgov's own PDF reader joins such lines (ingest.pdf); this
module finds the same damage in any text, as spans for `normalise` to delete (the offset map
skips them, so evidence still points at the published text).

A text counts as broken at a margin only when a reader would see it: of its short lines (at
most MAX_MARGIN columns, Han characters counting double; a paragraph pasted whole is longer
and left out) at least three reach the longest one's width, they make up a good share of
them, they hold at least half of the text (a crawled page's chrome and title are short
lines too, its paragraphs long), and at least two of them run on into the next line
without ending a sentence.
"""

from __future__ import annotations

import re
from collections import Counter

from lawgov.ingest.charsets import CJK_RE
from lawgov.ingest.pdf import HAN_SPACE_HAN, INDENT, SENTENCE_END
from lawgov.text.links import own_text_end

__all__ = ["layout_deletions"]

MAX_MARGIN = 110             # columns: wider lines are a page's paragraphs, not a print line
# a line this close to the longest one reaches the margin: looser than ingest.pdf's, which
# measures the page's own glyphs; a text another tool pulled out of a PDF counts its columns
# only roughly (digits, Latin letters and full-width marks take other widths in its font)
FULL_LINE = 0.75
FULL_SHARE = 0.3             # of the lines of 20 columns or more, at least this many are full
SHORT_SHARE = 0.5            # and the short lines hold at least this share of the text
HARD_WRAP_LINES = 5           # lines cut at one width that show a text was printed…
HARD_WRAP_SHARE = 0.6         # …and their share of its long lines
ALL_INDENTED = 0.9           # this share of the lines indented: the indent marks no paragraph
LINE_INDENT = INDENT + ("\t",)         # (a crawl's tab too)
# a page number (— 3 —, ·3·, 第2页 共5页, in traditional characters too)
_PAGE_NUMBER = (r"(?:[-—–－·•]+\s*\d{1,4}\s*[-—–－·•]+|第\s*\d{1,4}\s*[页頁](?:\s*[,，/]?\s*共\s*\d{1,4}\s*[页頁])?"
                r"|(?<![\d/])[1-9]\d{0,2}\s*/\s*[1-9]\d{0,2}(?![\d/]))")   # (and a browser's or a viewer's 2/5)
_PAGE_FURNITURE = re.compile(_PAGE_NUMBER + r"|[Pp](?:age|\.)\s*\d{1,4}")
# a page number on a line of its own (— 2 —, ·3·, 第2页 共5页): not a crawled page's
_PAGE_NUMBER_LINE = re.compile(r"^[ \t\u3000]*" + _PAGE_NUMBER + r"[ \t\u3000]*$", re.M)
# a line that opens a part of its own: a numbered heading or a list item
_OPENS_PART = re.compile(r"\s*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．](?!\d)"
                         r"|[①-⑳]|[•·●■◆▪-])")
# the marks of prose: a line broken at the margin holds clauses, a menu or a table's row none
_PROSE = re.compile(r"[，,、；;。]")
# cells of a table's row: set apart by a bar, a tab or a run of spaces
_CELLS = re.compile(r"\S(?:\s*[|｜]|\t| {2,}|\u3000{2,})\s*\S")
# a line break before a figure that goes on its line's clause (see _split_figures); a unit
# broken off its figure is no word's first character (388⏎人民调解, 38⏎起诉, 15⏎项目)
_FIGURE_AFTER_BREAK = re.compile(r"\n(?:(?<=[^\s。！？!?；;：:]\n)[ \t\u3000]*(?=\d+(?:\.\d+)?\s*(?:件|%|次|人|项|个|份|起|宗)"
                                 r"[^\n]*?[，,、；;。])|(?<=\d\n)[ \t\u3000]*(?=\.?\d*\s*(?:件次|人次|件|%|次|人|项|个|份|起|宗)(?![\u4e00-\u9fff])[^\n]*?[，,、；;。])"
                                 r"|(?<=\d\.\n)[ \t\u3000]*(?=\d+\s*%[^\n]*?[，,、；;。]))")
_BROKEN_POINT = {f"{d}." for d in "0123456789"}
# the words the reports' figures hang on, whose halves no line begins or ends with on its own
# (in simplified and traditional characters: the break is found before the text is converted)
_HINGE_WORDS = ("行政", "复议", "诉讼", "应诉", "出庭", "败诉", "纠错", "负责人", "被申请人", "被告",
                "受理", "审结", "办结", "案件", "申请",
                "複議", "復議", "訴訟", "應訴", "敗訴", "糾錯", "負責人", "被申請人", "審結", "辦結", "申請")
# (each word's first halves, with the second halves that may follow them across a break)
_HALVES: dict[str, frozenset[str]] = {
    head: frozenset(w[len(head):] for w in _HINGE_WORDS if w.startswith(head) and len(w) > len(head))
    for head in {w[:k] for w in _HINGE_WORDS for k in range(1, len(w))}}
_LONGEST_HALF = max(len(h) for h in _HALVES)
_BREAK = re.compile(r"\n[ \t\u3000]*")
# a figure's line that runs on past its clause (57件，受理52件…): a sentence, not a label's value
RUN_ON_LINE = 8
_RUNS_ON = re.compile(r"[\d.]*\s*(?:件|%|次|人|项|个|份|起|宗)[，,、；;][^\n]{2,}")
# a space between two Han characters, marks or digits, in a text spaced that way (ingest.pdf's
# pattern, but a run of spaces too: justified lines pad with two)
_SPACED = re.compile(r"(?<=[\u3400-\u9fff\uff00-\uffef\u3000-\u303f0-9.%]) +"
                     r"(?=[\u3400-\u9fff\uff00-\uffef\u3000-\u303f0-9.%])")


# ingest.pdf's space between Han characters, or a run of them (a justified line pads with two)
_HAN_SPACES_HAN = re.compile(HAN_SPACE_HAN.pattern.replace(" (?=", " +(?="))
_HAN_HAN = re.compile(r"[\u3400-\u9fff]{2}")
# a figure's unit after it (2019 年, 118 人, 6.5 %, 2 万余件), spaced or not: a unit some words
# also begin with (个人, 人民, 月均) only before a mark, a space or a word a unit is followed by
# (in either script: the layout is read on the page's own characters)
_UNIT_AFTER = (r"(?:(?:年|月|日|件|人次|人|次|[项項]|[个個]|份|[条條]|宗|起|%)"
               r"(?=[^\u4e00-\u9fff\d]|$|的|以|度|底|末|[来來]|起|至|到|份|内|中|[间間]|同|共|[为為]|里)"
               r"|(?:[余多餘]?(?:件|宗|[条條]|卷|人次|[场場]次|名|日)|[余多餘][次人项項个個起场場家]|[年%万亿萬億])(?!\d)"
               r"|月(?=[ \u00a0]?\d{1,2}[ \u00a0]?日))")
# the space a PDF's text sets between a figure and that unit: the figure's own; not between two
# figures (a table's cells: 维持 3105 74.8%), nor before a word that only begins with a unit's
# character (受理 254 个人申请为主, 241 月均20件); inside a date (2023 年 1 月 5 日), a year before its
# month and a month before its day, not a month before the next (a header's 1月 2月 3月)
_DIGIT_SPACE_UNIT = re.compile(r"[ \u00a0](?<=[\d年月][ \u00a0])"     # (the space first: the search skips to spaces)
                               r"(?:(?<=\d[ \u00a0])(?=" + _UNIT_AFTER + ")"
                               r"|(?<=\d年[ \u00a0])(?=\d{1,2}[ \u00a0]?月)|(?<=\d月[ \u00a0])(?=\d{1,2}[ \u00a0]?日)"
                               r"|(?<=\d 年[ \u00a0])(?=\d{1,2}[ \u00a0]?月)|(?<=\d 月[ \u00a0])(?=\d{1,2}[ \u00a0]?日))")
_COMPARING = "较比从由至到于在与自止"     # words a year compared or dated follows (较 2020 年, 由 2019 年)
_YEAR_HERE = re.compile(r"(?:19|20)\d\d[ \u00a0]?年")
_SPACED_YEAR = re.compile(r"(?:^|(?<=\s))(?:19|20)\d\d[ \u00a0]?年")
_RUNS_ON_AFTER = r"[ \u00a0]?[\u4e00-\u9fff，,。、；;：:]"
# the space a PDF's text sets before such a figure inside a sentence (受理 86 件，依法…; 较 2020 年
# 172 件增加…): only where the figure and its unit run on into the sentence (a Han character or
# a clause mark after the unit), so a table's label stays apart from its first cell (收到申请 187件
# 214件), a cell after another figure's stays a cell (88 件 103 件 增长明显) and a header row's years
# stay cells (项目 2021 年 2022 年度, 指标 2022年完成值 2023年完成值); a year where it runs on into its
# sentence (现将 2020 年度市…) or after a word that compares or dates (较 2020 年)
_SPACE_BEFORE_FIGURE = re.compile(
    r"[ \u00a0](?=\d)"
    r"(?:(?<=[\u4e00-\u9fff，,、；;：:][ \u00a0])(?<!\d[件人次项个份条宗起家名场卷年月][ \u00a0])"
    r"(?<!\d [件人次项个份条宗起家名场卷年月][ \u00a0])"
    r"(?:(?=(?:19|20)\d\d[ \u00a0]?年度?+[\u4e00-\u9fff，,。、；;：:])"
    r"|(?!(?:19|20)\d\d[ \u00a0]?年)(?=\d[\d.,]*[ \u00a0]?" + _UNIT_AFTER + _RUNS_ON_AFTER + "))"
    r"|(?<=[" + _COMPARING + r"][ \u00a0])(?=(?:19|20)\d\d[ \u00a0]?年)"
    r"|(?:(?<=\d年[ \u00a0])|(?<=\d 年[ \u00a0]))(?!(?:19|20)\d\d[ \u00a0]?年)(?=\d[\d.,]*[ \u00a0]?" + _UNIT_AFTER + _RUNS_ON_AFTER + "))")


# a figure whose digits a PDF's text layer sets apart one by one (收到申请 1 2 6 件, 纠错率 1 4 . 3 %):
# single digits with single spaces between them, the unit after; a page's style, so read only
# where the page has two such figures (a table's row of one-digit cells has no unit after each)
_FIGURE_UNIT = r"(?:件|人次|次|人|项|个|份|条|宗|起|场|名|家|%|万|亿|[余多])"
# (each pattern opens on the digit and looks behind from it: a pattern that opens on a
# look-behind is tried at every character of a page, one that opens on \d only at digits)
_SPACED_DIGITS = re.compile(r"\d(?<![\d.,]\d)(?<![\d.,] \d)(?: \d)*(?: ?\. ?\d(?: \d)*)?(?= ?" + _FIGURE_UNIT + ")")
_PROSE_MARK = re.compile(r"[，,。；;、]")
# a figure grouped in thousands by a space (持证执法人员 2 046 人, GB/T 15835's 千分空; a thin space
# is one after normalising): one to three digits, then one or two groups of three, before a unit
# other than % (a table's row of three-digit cells, 312 287 287 100%, is cells, not one figure)
_THOUSANDS_SPACE = re.compile(r"\d(?<![\d.,]\d)(?<![\d.,] \d)\d{0,2}(?: \d{3}){1,2}(?:\.\d+)?(?![\d.])(?= ?(?!%)" + _FIGURE_UNIT + ")")
_ONE_SPACE = re.compile(" ")


def _spaced_figures(text: str) -> list[tuple[int, int]]:
    """The spaces inside a figure set apart digit by digit in a sentence (1 2 6 件, on a page with
    two such) or grouped in thousands (2 046 人)."""
    if " " not in text:
        return []
    out = []
    spaced = [m for m in _SPACED_DIGITS.finditer(text) if " " in m.group() and _in_prose(text, m.start())]
    for m in spaced if len(spaced) >= 2 else ():
        out.extend((m.start() + k.start(), m.start() + k.end()) for k in _ONE_SPACE.finditer(m.group()))
    for m in _THOUSANDS_SPACE.finditer(text):
        out.extend((m.start() + k.start(), m.start() + k.end()) for k in _ONE_SPACE.finditer(m.group()))
    return out


def _in_prose(text: str, pos: int) -> bool:
    """The line holding `pos` is a sentence's (a clause mark in it, or in the next line it runs
    on to: 1 . 2 万⏎条，), not a table's row."""
    ls, le = text.rfind("\n", 0, pos) + 1, text.find("\n", pos)
    if le != -1 and le - pos <= 8:
        le = text.find("\n", le + 1)
    return _PROSE_MARK.search(text, ls, le if le != -1 else len(text)) is not None


def layout_deletions(text: str) -> list[tuple[int, int]]:
    """Spans of `text` (sorted, not overlapping) that are print layout, not words. Lines are
    joined at the margin only in a text that shows it was printed: a figure broken across
    lines, or a page number between them."""
    own = text[:own_text_end(text)]
    split = _split_figures(own)
    printed = bool(split) or _PAGE_NUMBER_LINE.search(own) is not None or _hard_wrapped(own)
    spans = _spaced_han(text) + _spaced_figures(text) + (_wraps(own) if printed else []) + split \
        + _split_words(own) + _page_numbers(own) \
        + _running_heads(own) \
        + [m.span() for m in _DIGIT_SPACE_UNIT.finditer(text)] \
        + [m.span() for m in _SPACE_BEFORE_FIGURE.finditer(text)
           if text[m.start() - 1] in _COMPARING or not _in_a_row_of_years(text, m.end())]
    spans.sort()
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def _in_a_row_of_years(text: str, pos: int) -> bool:
    """A year at pos on a line that spaces two years or more apart and has no clause mark: a
    header row's cells (指标 2022年完成值 2023年完成值), whatever words the cells go on with."""
    if not _YEAR_HERE.match(text, pos):
        return False
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    end = end if end != -1 else len(text)
    return len(_SPACED_YEAR.findall(text, start, end)) >= 2 and not _PROSE.search(text, start, end)


def _hard_wrapped(text: str) -> bool:
    """Lines cut at one width, the third sign of a printed text (a PDF's page one, before any page
    number): of the lines of 20 columns or more, at least HARD_WRAP_LINES run to the very same width
    (two columns short of it: a line ending on a half-width mark), and they are most of them. A web page's paragraphs, one to a line,
    never end at one width; a table's rows are left out by the prose test in _wraps."""
    if text.count("\n") < HARD_WRAP_LINES:
        return False
    widths = [_width(ln.strip()) for ln in text.split("\n")]
    long = [w for w in widths if 20 <= w <= MAX_MARGIN]
    if len(long) < HARD_WRAP_LINES:
        return False
    counts = Counter(long)
    at_margin = max(counts[w] + counts[w - 1] + counts[w - 2] for w in counts)
    return at_margin >= HARD_WRAP_LINES and at_margin >= HARD_WRAP_SHARE * len(long)


def _page_numbers(text: str) -> list[tuple[int, int]]:
    """Page numbers on lines of their own (— 2 —, 第 3 页): print furniture wherever they
    stand, even where no paragraph runs on past them (after a table, at the end). Where the
    line above ends mid-sentence (…共收到行政复议申请 ⏎ — 6 — ⏎ 1518件), the line breaks around
    the number go with it, so the sentence's halves meet again."""
    out = []
    for m in _PAGE_NUMBER_LINE.finditer(text):
        s, e = m.span()
        if e <= s:
            continue
        before = text[text.rfind("\n", 0, max(0, s - 1)) + 1:max(0, s - 1)].rstrip()
        if s > 0 and text[s - 1] == "\n" and e < len(text) and text[e] == "\n" \
                and len(_HAN.findall(before)) >= 4 and not _SENTENCE_END.search(before) \
                and _runs_on_after(text, e + 1):
            s, e = s - 1, e + 1
        out.append((s, e))
    return out


# the end of a sentence or a line's list item (。, ；, ：, !, ?, or an aside's bracket): a page break
# after it breaks no sentence
_SENTENCE_END = re.compile(r"[。；;：:！!？?…)）]$")


def _runs_on_after(text: str, pos: int) -> bool:
    """The text after a page number (past a running head naming the document) goes on with a
    sentence, not a heading: its first line holds a clause mark, or opens with a figure."""
    for _ in range(2):
        end = text.find("\n", pos)
        line = text[pos:end if end != -1 else len(text)].strip()
        if _RUNNING_TITLE.search(line) or (len(line) <= 40 and _DOCUMENT_WORD.search(line)
                                           and not _CLAUSE_MARKS.search(line)):
            if end == -1:
                return False
            pos = end + 1
            continue
        return bool(line) and not _OPENS_PART.match(line) \
            and ((line[:1].isdigit() and not _YEAR_OPENS.match(line)) or _CLAUSE_MARKS.search(line) is not None)
    return False


_DOCUMENT_WORD = re.compile(r"人民政府|政府|文件|报告|報告")
_YEAR_OPENS = re.compile(r"(?:19|20)\d{2}\s*年")
_CLAUSE_MARKS = re.compile(r"[，,。；;]")


_HAN = re.compile(r"[\u3400-\u9fff]")


def _running_heads(text: str) -> list[tuple[int, int]]:
    """A page's running head or foot (某县人民政府文件): a short line that stands more than once,
    each time next to a page number's line. Deleted with its line break, so the lines it cut
    apart (a table's cells, a paragraph's halves) meet again."""
    if _PAGE_NUMBER_LINE.search(text) is None:
        return []
    lines, pos = [], 0
    for part in text.split("\n"):
        lines.append((pos, pos + len(part)))
        pos += len(part) + 1
    numbered = [bool(_PAGE_NUMBER_LINE.fullmatch(text, s, e)) and bool(text[s:e].strip()) for s, e in lines]
    beside: dict[str, list[int]] = {}
    for i, (s, e) in enumerate(lines):
        ln = text[s:e].strip()
        if ln and not numbered[i] and len(ln) <= 40 and len(_HAN.findall(ln)) >= 2 and any(
                0 <= j < len(lines) and numbered[j] for j in (i - 1, i + 1)):
            beside.setdefault(ln, []).append(i)
    out = []
    for ln, at in beside.items():
        if (len(at) >= 2 or _RUNNING_TITLE.search(ln)) \
                and text.count("\n" + ln + "\n") + text.startswith(ln + "\n") <= len(at) + 1:
            out.extend((lines[i][0], min(lines[i][1] + 1, len(text))) for i in at)
    return out


# a running head that names the document (某市人民政府2023年度…报告, 某县人民政府文件): one
# beside a page number is enough, as no paragraph of the text is such a line
_RUNNING_TITLE = re.compile(r"^(?!(?:19|20)\d{2}|附件)[^。，,；;：:]{2,}?(?:人民政府|政府|局|委员会|委員會|法院|办公室|辦公室)"
                            r"[^。，,；;：:]*(?:报告|報告|文件|简报|簡報|通报|通報|白皮书|白皮書)$")


def _width(line: str) -> int:
    """Display columns: a Han character or a full-width mark counts two (three UTF-8 bytes)."""
    return (len(line.encode()) + len(line)) // 2 if not line.isascii() else len(line)


def _spaced_han(text: str) -> list[tuple[int, int]]:
    """The spaces of a text that spaces every two Han characters (法 治 政 府): more than half
    of its Han characters are followed by a space and another Han character, the rule of
    ingest.pdf's _unspace, read on the page's first 3,000 characters; else those of each line
    spaced so (a page whose title and some lines are not), and of a short title or heading
    spread across its line (一、行 政 复 议: three spaced pairs and no two Han characters
    side by side, which a table's header row of words has)."""
    head = text[:3000]
    if " " not in head:
        return []
    spaced = len(_HAN_SPACES_HAN.findall(head))
    if spaced < 3:
        return []
    if spaced > 0.5 * len(CJK_RE.findall(head)):
        return [m.span() for m in _SPACED.finditer(text)]
    out = []                 # (…or the lines of a text spaced so, among lines that are not)
    pos = 0
    for line in text.split("\n"):
        n = len(_HAN_SPACES_HAN.findall(line))
        if (n >= 10 and n > 0.5 * len(CJK_RE.findall(line))) or (n >= 3 and not _HAN_HAN.search(line)):
            out.extend((pos + m.start(), pos + m.end()) for m in _SPACED.finditer(line))
        pos += len(line) + 1
    return out


def _wraps(text: str) -> list[tuple[int, int]]:
    """The line breaks inside a paragraph of a text broken at a margin, with the page numbers
    and running titles between its two halves."""
    if text.count("\n") < 3:
        return []
    lines, pos = [], 0
    for part in text.split("\n"):
        lines.append((pos, pos + len(part)))
        pos += len(part) + 1
    widths = [_width(text[s:e].strip()) for s, e in lines]
    margin = max((w for w in widths if w <= MAX_MARGIN), default=0)
    if margin < 40:
        return []
    full = [FULL_LINE * margin <= w <= margin for w in widths]
    long_lines = sum(1 for w in widths if 20 <= w <= MAX_MARGIN)
    if sum(full) < 3 or sum(full) < FULL_SHARE * long_lines \
            or sum(w for w in widths if w <= MAX_MARGIN) < SHORT_SHARE * sum(widths):
        return []
    starts = sum(1 for s, e in lines if text.startswith(LINE_INDENT, s))
    content = sum(1 for w in widths if w)
    indented = starts >= 3
    if starts >= ALL_INDENTED * content:
        indented = False        # every line indented alike: the indent marks no paragraph
    repeated = _repeated_lines(text, lines)
    out = []
    title = next((i for i, w in enumerate(widths) if w), 0)
    for i, (s, e) in enumerate(lines):
        line = text[s:e].rstrip()
        if not full[i] or i == title or (not indented and line.endswith(SENTENCE_END)) \
                or _CELLS.search(line) or not _PROSE.search(line):
            continue              # (a title stands alone, however long; a table's row, a menu too)
        j, furniture = i + 1, False
        while j < len(lines):
            nxt = text[lines[j][0]:lines[j][1]].strip()
            if nxt and not _PAGE_FURNITURE.fullmatch(nxt) and nxt not in repeated:
                break
            furniture = furniture or bool(nxt)
            j += 1
        if j == len(lines) or (j > i + 1 and not furniture):
            continue
        ns = lines[j][0]
        if (indented and text.startswith(LINE_INDENT, ns)) or _CELLS.search(text, ns, lines[j][1]) \
                or not _PROSE.search(text, ns, lines[j][1]):
            continue
        while ns < lines[j][1] and text[ns] in " \t\u3000":
            ns += 1               # (an indent on every line goes with the break)
        if _OPENS_PART.match(text, ns):
            continue
        out.append((s + len(line), ns))
    return out if len(out) >= 2 else []


def _split_words(text: str) -> list[tuple[int, int]]:
    """Line breaks inside one of the words the reports' figures hang on (收到行⏎政案件, 负⏎责人
    出庭), in any text: no line of its own begins with a word's second half. The line broken
    is a sentence's (a clause mark, or words running on for ten characters), and the next
    line opens no part of its own."""
    if "\n" not in text:
        return []
    out = []
    for m in _BREAK.finditer(text):
        if not _breaks_a_word(text, m.start(), m.end()):
            continue
        ls = text.rfind("\n", 0, m.start()) + 1
        if (_PROSE.search(text, ls, m.start()) or len(text[ls:m.start()].strip()) >= 10) \
                and not _OPENS_PART.match(text, m.end()):
            out.append(m.span())
    return out


def _breaks_a_word(text: str, start: int, end: int) -> bool:
    """The line break at text[start:end] (with the next line's indent) falls inside a hinge word."""
    for k in range(1, min(_LONGEST_HALF, start) + 1):
        tails = _HALVES.get(text[start - k:start])
        if tails and any(text.startswith(t, end) for t in tails):
            return True
    return False


def _split_figures(text: str) -> list[tuple[int, int]]:
    """Line breaks that split a clause before its figure (…收到行政复议申请⏎74件，受理66件), a
    figure itself (维持4⏎1件，, 12⏎.5%，, 98.⏎6%，) or a figure from its unit (案件6⏎件，), in any
    text: the next line goes on with a figure, its unit and a clause mark, which no line of its
    own begins with; the line before holds clauses, or a number broken there, or words that
    run on (no label: a line of its own that the next line's sentence goes on from)."""
    if "\n" not in text:
        return []
    out = []
    for m in _FIGURE_AFTER_BREAK.finditer(text):
        ls = text.rfind("\n", 0, m.start()) + 1
        if text[m.start() - 1:m.start()].isdigit() or text[m.start() - 2:m.start()] in _BROKEN_POINT \
                or _PROSE.search(text, ls, m.start()) \
                or (m.start() - ls >= RUN_ON_LINE and _RUNS_ON.match(text, m.end())):
            out.append(m.span())
    return out


def _repeated_lines(text: str, lines: list[tuple[int, int]]) -> set[str]:
    """Short lines that stand more than once, and lines holding the first line whole (a page's
    running title, 杭州市西湖区2023年…报告 over 西湖区2023年…报告): what a page prints at its top."""
    seen: dict[str, int] = {}
    first = ""
    for s, e in lines:
        ln = text[s:e].strip()
        if not ln:
            continue
        first = first or ln
        if len(ln) <= 40:
            seen[ln] = seen.get(ln, 0) + 1
    out = {ln for ln, n in seen.items() if n > 1}
    if 6 <= len(first) <= 40:
        out.update(ln for ln in seen if first in ln and ln != first)
    return out
