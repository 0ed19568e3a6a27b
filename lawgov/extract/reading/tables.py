"""Tables flattened to text (cells separated by |), read cell by cell: the caption, the
column header and the row label make the lead; only a total row (总计, 合计 …), a row of
a scope of the reporting body, or the row of the body named at the top of the document is
the body's own figure."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from lawgov.extract.mentions import UNITS, Quantity
from lawgov.extract.reading.classified import Classified
from lawgov.text.cells import REMARK_HEADER
from lawgov.extract.reading.rules import (CARRIED_OVER, CTX, FAMILY_RX, LEADING_TIER, PAREN, SCOPE_RX, SHARE_RATES, TIER_CHARS, WHOLE_OF_TIER, YEAR_RX, YEAR_TO_DATE_LABEL, default_unit,
                                          first_family, lead_cues)


class Tables:
    """Table cells; mixed into `Analysis`."""

    def _classify_cell(self, q: Quantity, para: int, sent, clause) -> Classified | None:
        cells, starts, texts, labels = self._row(para)
        if len(cells) < 2:
            return None
        ci = bisect.bisect_right(starts, q.start) - 1
        if ci < 0 or not (cells[ci][0] <= q.start < cells[ci][1]) or texts[ci] is not None:
            return None        # a cell of prose ("首页 | 2022年受理…54件") is read as prose
        if self._quantity_in(cells[ci][0], q.start):
            return None        # the figures after a cell's own (1,286件(含网上申请402件)) are read as prose
        # the row label: the nearest non-numeric cell to the left
        label = labels[ci]
        # the column header: the same column of the nearest row above whose cell is text;
        # the caption: the paragraph before the table
        caption, headers = self._table_context(para)
        # a row short of cells (合计 | 47 | 45 under 序号 | 单位 | 开庭 | 出庭) fills the last columns;
        # the page's last row, cut short (县直部门 | 48 | 35 under five columns), its first ones
        cut_row = self.paras[para][1] >= self.words_end and not (
            label and CTX["total_labels"].fullmatch(label))
        short = max(0, (max(headers) + 1 if headers else 0) - len(cells))
        top = self._top_row(para)
        if short == 1 and (self._remark_column(headers) or self._remark_column(top)):
            short = 0          # (a row that leaves the last column, 备注, empty: its cells from the left)
        hc = ci + short if texts[0] is not None and not cut_row else ci
        header = headers.get(hc, "")
        if ORDINAL_HEADER.fullmatch(header.strip()) or ORDINAL_HEADER.fullmatch(top.get(hc, "")):
            return Classified("ordinal", None, None, None, None, None, sent, clause, para,
                              reason="a row's number (序号), no quantity")
        unit, unit_raw = q.unit, q.unit_raw
        if unit is None and (raw := self._unit_cell(top, para, cells)) is not None:
            unit, unit_raw = UNITS[raw][0], raw    # 项目 | 单位 | 数量 over 出庭应诉 | 人次 | 9
        if unit is None and (PERCENT_CELL.search(self._raw_label(para, ci)) or PERCENT_CELL.search(
                self._raw_header(para, hc)) or ((RATE_NAME.search(header) or RATE_NAME.search(label or ""))
                                                and q.value <= 100)):
            unit, unit_raw = "%", "%"          # 败诉率(%) | 9.8, 纠错率 | 15.22: the unit is in the label or header
        if unit is None and (um := UNIT_IN_CELL.search(self._raw_label(para, ci))
                             or UNIT_IN_CELL.search(self._raw_header(para, hc))):
            unit, unit_raw = CELL_UNITS.get(um.group(1), um.group(1)), um.group(1)   # 行政复议机构(个) | 114: no case count
        if unit is None and (lu := self._tables.get(("unit line", self._table_first(para)))) in LINE_UNITS:
            unit, unit_raw = UNITS[lu][0], lu  # 单位：件 over the table: its counts' unit
        measure = "rate" if unit == "%" else "count"
        merged = self._merged_header(para, hc)
        year_m = YEAR_RX.search(header) or HEADER_YEAR.fullmatch(header.strip()) \
            or HEADER_YEAR.fullmatch(merged.strip()) or _caption_year(caption)
        year = int(year_m.group("abs")) if year_m and year_m.group("abs") else self.report_year
        if ci > 0 and (row_year := self._bare_year_row(cells, headers)) is not None:
            year = row_year                    # 年度 | 受理(件) over 2021 | 52: the row's year, said bare
        period = CTX["period_labels"].fullmatch(label) if label else None
        if period and year is not None and label.startswith(("去年", "上年")):
            year -= 1                          # 去年同期 | 265, 上年 | 173: the figures of the year before
        column_period = CTX["period_labels"].fullmatch(header.strip()) if header else None
        if column_period and year is not None and header.strip().startswith(("去年", "上年")):
            year -= 1                          # 指标 | 本期 | 上年同期: the column of the year before
        if CAPTION_FIGURE.search(caption):
            # a paragraph of prose with figures before the table (…负责人出庭应诉486人次。) is no
            # caption of its columns: it names the subject, not the measure
            fam, hits = lead_cues(f"{merged} {header} {label}")
            if fam is None:
                fam = lead_cues(caption)[0]
        else:
            fam, hits = lead_cues(f"{caption} {merged} {header} {label}")
            own_fam = lead_cues(f"{merged} {header} {label}")[0]
            if own_fam is None and GROUP_LINE.fullmatch(caption.strip()):
                fam = _group_family(caption, headers, hc)   # 行政复议 … 行政应诉 over the header row
            elif own_fam is None and (left := self._family_to_the_left(headers, hc)):
                if CTX["total_labels"].fullmatch(header.strip()) and hc > self._last_family_column(headers):
                    # 项目 | 行政复议 | 行政诉讼 | 合计: the column sums both families, neither's figure
                    return Classified("joint", None, None, None, None, None, sent, clause, para,
                                      reason="a 合计 column summing the families named before it")
                fam = left     # 收到申请 | 受理 | 审结 | 行政应诉 | 出庭率: 受理 under the family named before it
            elif own_fam is None and not FAMILY_LABEL.fullmatch(caption.strip()) \
                    and (above := self._table_family(para)):
                fam = above    # 受理(件) under 行政复议申请(件) in a table of 复议 and 应诉: the nearer family
                               # (not under a group header line of one family: 行政复议 over 收到 | 维持)
            elif own_fam is None and label and (first := _first_of_two_families(caption)):
                # 行政复议应诉主要指标 over 收到申请 | 57, 受理 | 52 …, 出庭应诉率 | 100%: the rows go under
                # the family a row names or implies (applications are 复议's), else the one named first
                fam = _header_family(label) or self._table_family(para) or first
        if fam is None:                        # 受理(件) under 收到行政复议申请(件): the table's family
            fam = self._table_family(para)
        if fam is None:                        # 县区 | 受理(件) | 纠错率(%): the rate column names it
            implied = {name for name, rx in CTX["table_family_words"].items()
                       if any(rx.search(h) for h in headers.values())}
            fam = implied.pop() if len(implied) == 1 else None
        if fam is None:                        # 结果 | 件数 under 二、审结结果 on a page of 行政复议
            fam = self.heading_family(q.start)
        if fam is None:                        # 全年审结复议案件412件。表1 … | 维持 | 250
            fam = self._introducing_family(para)
        hits = self.held_on_page(hits)     # (a cell's words hold on the page as the prose's do)
        if label and FAMILY_LABEL.fullmatch(label.strip()) and "(" in (raw := self._raw_header(para, hc)):
            header_words = " ".join(_bracketed_alternatives(raw))   # 纠错(败诉)率: 纠错率 and 败诉率
        else:
            header_words = header
        own_hits = _of_row_family(self.held_on_page(lead_cues(f"{header_words} {label}")[1]), label)
        pick = self._pick(own_hits, measure, unit, True, fam, ("verb",))
        if pick.cue is None:       # the column's and the row's own words first, then the caption's
            pick = self._pick(own_hits, measure, unit, True, fam, ("noun",))
        if pick.cue is None and not self._column_of_its_own(header, headers, hc):
            pick = self._pick(hits, measure, unit, True, fam, ("verb",))
        if pick.cue is None and not self._column_of_its_own(header, headers, hc):
            pick = self._pick(hits, measure, unit, True, fam, ("noun",))
        indicator = pick.indicator
        if indicator is None and measure == "count" and fam in (None, "litigation") \
                and FIRST_INSTANCE_LABEL.fullmatch(header.strip()) and (self._courts_table(caption) or fam == "litigation"):
            indicator = "litigation.cases"     # 县市区 | 一审案件 | 败诉案件 on a court's page: the lawsuits heard;
            #                                    被告 | 一审案件 | 开庭 under 行政应诉: the lawsuits defended
        ratio_column = bool(RATIO_HEADER.fullmatch(header.strip()) or RATIO_HEADER.fullmatch(self._raw_header(para, hc).strip()))
        if indicator is None and measure == "rate" and ratio_column:
            # 类别 | 数量 | 比率 over 行政复议纠错 | 61件 | 11.9%: the rate of the row's count
            counted = self._pick(own_hits, "count", None, True, fam, ("verb", "noun")).indicator
            indicator = SHARE_RATES.get(counted)
        if indicator == "reconsideration.accepted" and "申请" in header and "受理" not in header \
                and any("受理" in h for c, h in headers.items() if c != hc):
            indicator = "reconsideration.received"   # 复议申请 | 复议受理: the column of what came in
        elif indicator == "reconsideration.accepted" and label and "申请" in label and "受理" not in label \
                and self._row_label_with(para, "受理"):
            indicator = "reconsideration.received"   # 行政复议申请(件) | 76 over 受理(件) | 69: the row of what came in
        if indicator in ("reconsideration.accepted", "reconsideration.received") and label \
                and scope_of_label(label) is not None and RESPONDENT_HEADER.fullmatch(self._label_column_header(para)):
            # 被申请人 | 案件数 over 市政府 | 48: each respondent's cases; beside a column of the
            # accepted, its applications received are a part of them by respondent, no measure
            accepted_beside = indicator == "reconsideration.received" and any(
                "受理" in h for c, h in headers.items() if c != hc)
            indicator = None if accepted_beside else "reconsideration.as_respondent"
        if OTHER_CELL.fullmatch(header.strip()) or (label and OTHER_CELL.fullmatch(label.strip())):
            indicator = None                   # 维持 | 驳回 | 其他: the rest, no measure of its own
        if indicator and unit is None:
            unit, unit_raw = default_unit(indicator), None
        own_label = self._is_reporting_body(label)
        label_scope = scope_of_label(label)
        if (hw := HIGHER_WHOLE_LABEL.fullmatch(label.strip() if label else "")) and (
                self.above_own_tier(hw.group(1)) if hw.group(1) != "国" else self.region_name != "中华人民共和国"):
            kind, scope = "other_body", None   # 全市 | 986 on a county's page: its city's row (全国: the nation's)
        elif label and CTX["own_body"].fullmatch(label.strip()):
            kind, scope = "level", "all"       # 本县 | 74 in the city's table a county quotes
        elif (hw := HIGHER_WHOLE_LABEL.fullmatch(header.strip())) and (
                self.above_own_tier(hw.group(1)) if hw.group(1) != "国" else self.region_name != "中华人民共和国"):
            kind, scope = "other_body", None   # 指标 | 本市 | 全省 (| 全国): the province's (the nation's) column
        elif header and CTX["own_body"].fullmatch(header.strip()):
            kind, scope = "level", "all"       # 指标 | 本市 | 全省: the page's own column
        elif label and CTX["total_labels"].fullmatch(label) and self._year_rows_above(para) > 1:
            kind, scope = "cumulative", None   # 2022 | 402, 2023 | 455, 合计 | 857: the years' sum
        elif header and YEARS_SUM_HEADER.fullmatch(header.strip()) \
                and sum(bool(HEADER_YEAR.fullmatch(h.strip())) for h in headers.values()) > 1:
            kind, scope = "cumulative", None   # 2021年 | 2022年 | 2023年 | 三年合计: the years' sum
        elif label and CTX["total_labels"].fullmatch(label) and not OWN_WHOLE_TOTAL.match(label.strip()) \
                and (rows := self._rows_of(para, caption)) is not None:
            # 乡镇 | 案件数 … 合计 | 13: the sum of a lower tier's rows is theirs; of departments',
            # the departments' (县直部门…一览表)
            kind, scope = ("level", "departments") if rows == "departments" else ("other_body", None)
        elif CTX["total_labels"].fullmatch(label) or (CTX["total_labels"].fullmatch(header) and label_scope is None):
            kind, scope = "level", "all"       # (a 合计 column of a row naming its scope, 市政府本级 | … | 52: below)
        elif label and FAMILY_LABEL.fullmatch(label.strip()):
            kind, scope = "level", "all"       # 行政诉讼 | 54 | 49 under 收案 | 审结: the row names its subject
            if (party := self._party_column(header)) is not None:
                kind, scope = party            # …under 市政府 | 市直部门: the column names whose
        elif header and FAMILY_LABEL.fullmatch(header.strip()) and lead_cues(label or "")[1]:
            kind, scope = "level", "all"       # 项目 | 行政复议 | 行政诉讼 over 收案 | 210 | 156: the column names it
        elif own_label:
            # 司法部 | 303 in a table of ministries, 市政府 | 48 in one of respondents: the body itself;
            # 南京市 | 4215 beside 全国: the whole place
            kind, scope = "level", "all" if PLACE_ONLY.fullmatch(label.strip()) else "government"
        elif header and BODY_HEADER.fullmatch(header.strip()) and not self._all_figures(para, texts) \
                and scope_of_label(header.strip()) is None and lead_cues(label or "")[1]:
            # 项目 | 长兴县 | 安吉县 over 受理 | 104 | 118: the page's own body's column, and others'
            kind, scope = ("level", "all") if self._is_reporting_body(header.strip()) else ("other_body", None)
        elif not label and self._all_figures(para, texts) and BODY_HEADER.fullmatch(header.strip()) \
                and scope_of_label(header.strip()) is None and not self._is_reporting_body(header.strip()):
            kind, scope = "other_body", None    # 城关镇 | 河口乡 over 12 | 8: one body's column
        elif (not label and self._all_figures(para, texts)) or period:
            kind, scope = "level", "all"       # a row of figures only (under its header), or 本期 | 312
        elif label_scope == "government" and label.strip()[:1] in TIER_CHARS and self.above_own_tier(label.strip()[0]):
            kind, scope = "other_body", None   # 县政府为被告的涉镇案件 | 3 on a township's page: the county's
        elif (label_scope is not None or LOWER_BODY_LABEL.fullmatch(label.strip() if label else "")) \
                and (tier := LEADING_TIER.match(label.strip())) and self.below_own_tier(tier.group(1)):
            kind, scope = "other_body", None   # 区县政府 | 517 on a city's page, 镇人民政府 | 8 on a
                                               # county's: the lower tier's row
        elif label_scope is not None:
            kind, scope = "level", label_scope # 县政府 | 12, 县直部门 | 45
        elif label and FIRST_INSTANCE_LABEL.fullmatch(label.strip()) and indicator == "litigation.cases" \
                and (self.doc_kind == "court_release" or "法院" in self.title_line() or COURTS_CAPTION.search(caption)) \
                and not self._has_total_row(para):
            kind, scope = "level", "all"       # 案件类型 | 受理数 over 一审 | 4127: the lawsuits defended
        elif label and KIND_LABEL.fullmatch(label.strip()):
            kind, scope = "breakdown", None    # 类别 | 受理 over 行政处罚类 | 30: one kind of the cases
        elif label and (ly := HEADER_YEAR.fullmatch(label.strip())
                        or YEAR_TO_DATE_LABEL.fullmatch(self._raw_label(para, ci).strip())):
            kind, scope = "level", "all"       # 2021年 | 6213 under 收案(件): that year's row
            year = int(ly.group("abs"))
        elif label and HEADER_QUANTITY.fullmatch(label.strip()) and pick.cue is not None \
                and pick.cue.role == "verb" and pick.cue.rx.search(header):
            # 结果 | 维持 | 驳回 over 件数 | 142 | 51: the row of counts of the acts the columns name
            # (not of the matters they name: 事项 | 行政处罚 | 信息公开 over 数量 | 40 | 16)
            kind, scope = "level", "all"
        elif label and lead_cues(label)[1] and header \
                and (head_scope := scope_of_label(header.strip())) in ("government", "departments"):
            kind, scope = "level", head_scope  # 项目 | 全市 | 市本级 over 受理 | 597 | 214: the government's column
            if header.strip()[:1] in TIER_CHARS and self.above_own_tier(header.strip()[0]):
                kind, scope = "other_body", None   # 指标 | 县政府 | 市政府 on a county's page: the city's
        else:
            label_hits = lead_cues(label)[1]
            kind, scope = ("level", "all") if label_hits and (not header or YEAR_RX.fullmatch(header) or HEADER_YEAR.fullmatch(header)
                                                               or HEADER_YEAR.fullmatch(self._raw_header(para, hc).strip())
                                                               or HEADER_QUANTITY.fullmatch(header)
                                                               or (measure == "rate" and ratio_column)
                                                               or column_period
                                                               or YEAR_TO_DATE_LABEL.fullmatch(header.strip())
                                                               or WHOLE_YEAR_COLUMN.fullmatch(header.strip())
                                                               or _period_of_the_table(header, caption, headers)) else ("breakdown", None)
            if kind == "level" and (whole := WHOLE_YEAR_COLUMN.fullmatch(header.strip())) and whole.group("prev") \
                    and year is not None:
                year -= 1                      # 12月 | 1-12月 | 上年1-12月: the year before's whole year
        if not indicator:
            scope = None
        reason = None
        if header and CHANGE_HEADER.fullmatch(header.strip()):
            kind, reason = "change", "a column of changes (同比增减)"
        elif label and CHANGE_LABEL.search(self._raw_label(para, ci)):
            kind, reason = "change", "a row of changes (较上年, 百分点)"
        elif header and PART_HEADER.fullmatch(header.strip()) and not _period_of_the_table(header, caption, headers):
            kind, reason = "month", "a column of one quarter or month (本季度)"
        elif header and (part := YEAR_PART_HEADER.fullmatch(header.strip())) and not FULL_YEAR_MONTHS.search(header) \
                and any(((whole := HEADER_YEAR.fullmatch(h.strip())) and (part.group("year") is None
                                                                      or whole.group("abs") == part.group("year")))
                        or WHOLE_YEAR_HEADER.fullmatch(h.strip()) for c, h in headers.items() if c != hc):
            kind, reason = "month", "a column of a part of the year, beside the whole year's"
        elif column_period and "同期" in header and _part_caption(caption):
            kind, reason = "month", "the same quarter or month of the year before (上年同期 in a table of one)"
        elif kind == "level" and (sub := CTX["breakdown"].search(PAREN.sub("", self._raw_label(para, ci)))
                                  or CTX["breakdown"].search(PAREN.sub("", self._raw_header(para, hc)))):
            # (not in an aside: 行政诉讼案件总数(含涉企案件,件) is the whole, with what it includes)
            kind, reason = "breakdown", f"a row or column of a subset ({sub.group()})"   # 涉企行政诉讼败诉率(%) | 6.8
        if kind == "level" and indicator and indicator.split(".")[0] in ("reconsideration", "litigation"):
            field = self._field_family(q.start, sent[0])
            if field is not None:        # the 复议 / 诉讼 table of a 政府信息公开 report: its field's cases
                kind, reason = "breakdown", f"cases of one field ({field}), by its section or document"
            elif len({h.group() for c in (*headers.values(), *top.values())
                      for h in CTX["disclosure_columns"].finditer(c)}) >= 2:
                kind, reason = "breakdown", "the disclosure report's table of its own cases (结果维持, 结果纠正…): 信息公开类"
        if kind == "level" and self.text_end != -1 and q.end >= self.words_end \
                and headers and len(cells) < max(headers) + 1 - max(self._remark_column(headers), self._remark_column(top)):
            # the page ends inside a row short of its cells (| 县直部门 | 48 | 35 | 3): the last
            # figure may be cut off; a full row's last cell is taken as whole (and a row short of
            # only the remark column, 备注 left empty, is full)
            kind, reason = "cut", "the page ends on this cell of a short row: its figure may be cut off"
        return Classified(kind, indicator, scope, year, unit, unit_raw, sent, clause, para, reason=reason)

    def _bare_year_row(self, cells, headers: dict[int, str]) -> int | None:
        """The year a row opens with as a bare number (2021 | 52) under a column of years
        (年度, 年份), which the scanner reads as a year and no label."""
        first = self.t[cells[0][0]:cells[0][1]].strip()
        return int(first) if BARE_YEAR_CELL.fullmatch(first) and YEARS_COLUMN.fullmatch(headers.get(0, "").strip()) \
            else None

    @staticmethod
    def _remark_column(headers: dict[int, str]) -> int:
        """1 when the table's last column is for remarks (备注, 说明), which rows often leave empty."""
        return int(bool(headers) and bool(REMARK_HEADER.fullmatch(headers[max(headers)].strip())))

    def _column_of_its_own(self, header: str, headers: dict[int, str], hc: int) -> bool:
        """The column's header names a measure of its own that no cue knows (告知/转送 among 收到申请 |
        受理 | 审结, whose headers have cues): not the caption's measure (收结案情况 names 结案)."""
        h = header.strip()
        if not h or not CJK_WORD.search(h) or HEADER_QUANTITY.fullmatch(h) or YEAR_RX.search(h) \
                or HEADER_YEAR.fullmatch(h) or CTX["period_labels"].fullmatch(h) or lead_cues(h)[1] \
                or CTX["total_labels"].fullmatch(h) or TOTAL_COLUMN.fullmatch(h):
            return False           # (合计 | 全年 | 小计: the caption's measure summed)
        return any(lead_cues(o)[1] for c, o in headers.items() if c != hc)

    def _has_total_row(self, para: int) -> bool:
        """The table has a row of its total (合计 | 310): the instances above it are its parts."""
        k = self._table_first(para)
        while k < len(self.paras) and "|" in self.m[self.paras[k][0]:self.paras[k][1]]:
            first = next((t for t in self._row(k)[2] if t is not None), None)
            if first is not None and CTX["total_labels"].fullmatch(first.strip()):
                return True
            k += 1
        return False

    def _row_label_with(self, para: int, word: str) -> bool:
        """Another row of the table has a label holding the word (受理 for 申请's row)."""
        first = self._table_first(para)
        k = first
        while k < len(self.paras) and "|" in self.m[self.paras[k][0]:self.paras[k][1]]:
            if k != para:
                first = next((t for t in self._row(k)[2] if t is not None), None)
                if first is not None and word in first:
                    return True
            k += 1
        return False

    def _party_column(self, header: str) -> tuple[str, str | None] | None:
        """The kind and scope of a column headed by a party (市政府, 市直部门; 县区政府 a lower tier's)."""
        h = header.strip()
        scope = scope_of_label(h) if h else None
        if scope is None and not LOWER_BODY_LABEL.fullmatch(h):
            return None
        tier = LEADING_TIER.match(h)
        if tier and self.below_own_tier(tier.group(1)):
            return "other_body", None
        return ("level", scope) if scope is not None else None

    def _year_rows_above(self, para: int) -> int:
        """How many rows above this one, in its table, are labelled by a year (2022 | 402)."""
        key = ("years", para)
        if key in self._tables:
            return self._tables[key]
        years = set()
        for k in range(self._table_first(para), para):
            _c, _s, texts, _l = self._row(k)
            first = next((t for t in texts if t is not None), None)
            if first is not None and (y := HEADER_YEAR.fullmatch(first.strip())):
                years.add(y.group("abs"))
        self._tables[key] = len(years)
        return len(years)

    def _all_figures(self, para: int, texts) -> bool:
        """Every cell of the row is a figure (computed once a row: a row may hold thousands)."""
        cache = self.__dict__.setdefault("_all_figures_cache", {})
        if para not in cache:
            cache[para] = all(t is None for t in texts)
        return cache[para]

    def _top_row(self, para: int) -> dict[int, str]:
        """The text of each cell of the table's first row, by column (序号 | 项目 | 单位 | 数量)."""
        key = ("top", self._table_first(para))
        if key not in self._tables:        # (once a table: a row may hold thousands of cells)
            cells = self._row(key[1])[0]
            self._tables[key] = {n: self.m[cs:ce].strip() for n, (cs, ce) in enumerate(cells)}
        return self._tables[key]

    def _courts_table(self, caption: str) -> bool:
        """A table of a court's page or caption, whose first-instance cases are the region's lawsuits."""
        return self.doc_kind == "court_release" or "法院" in self.title_line() or bool(COURTS_CAPTION.search(caption))

    def _unit_cell(self, top: dict[int, str], para: int, cells) -> str | None:
        """The row's cell under a 单位 column when it holds a unit (件, 人次), not a body's name
        (序号 | 单位 | 开庭案件数 over 1 | 县人民政府 | 14)."""
        key = ("unit column", self._table_first(para))
        if key not in self._tables:
            self._tables[key] = next((col for col, h in top.items() if h in ("单位", "计量单位")), None)
        col = self._tables[key]
        if col is None or col >= len(cells):
            return None
        t = self.m[cells[col][0]:cells[col][1]].strip()
        return t if t in UNITS and UNITS[t][1] == 1 else None

    def _row(self, para: int):
        """A table row: its cells, their starts, their text (None for a numeric cell) and, for
        each cell, the nearest text cell to its left (the row label)."""
        key = ("row", para)
        if key not in self._tables:
            ps, pe = self.paras[para]
            cells = split_cells(self.m, ps, pe)
            i = bisect.bisect_left(self.qstarts, ps)
            # a row with figures is no header row: a bare 1980 there is a count the scanner
            # took for a year, not a column's year (审结(件) | 1980 | 2433)
            figures = i < len(self.qstarts) and self.qstarts[i] < pe
            texts, labels, last = [], [], ""
            raw_labels, last_raw = [], ""
            first = next((n for n, (cs, ce) in enumerate(cells) if self.m[cs:ce].strip()), 0)
            for n, (cs, ce) in enumerate(cells):
                txt = self.m[cs:ce].strip()
                labels.append(last)
                raw_labels.append(last_raw)
                # (but a year opening a row of figures is its label: 2022 | 112 | 96.4%)
                is_text = bool(txt) and not EMPTY_CELL.fullmatch(txt) and (
                    not NUMERICISH.fullmatch(txt) or ((not figures or (n == first and len(cells) - n > 2))
                                                      and self._year_cell(txt, cs, ce)))
                if is_text and figures and n != first and FIGURE_WITH_WORDS.match(txt) \
                        and not PROSE_MARK.search(txt) and self._quantity_in(cs, ce):
                    # 1.37件/万人, 190件(同比增长196.88%), 下降3.8个百分点: a figure with words
                    # around it, no header and no row label (受理57件 is a clause of its own)
                    is_text = False
                texts.append(txt if is_text else None)
                if is_text:
                    last = txt
                    last_raw = self.t[cs:ce]
            self._tables[key] = (cells, [c[0] for c in cells], texts, labels)
            self._tables[("raw", para)] = raw_labels
        return self._tables[key]

    def _quantity_in(self, cs: int, ce: int) -> bool:
        i = bisect.bisect_left(self.qstarts, cs)
        return i < len(self.qstarts) and self.qstarts[i] < ce

    def _year_cell(self, txt: str, cs: int, ce: int) -> bool:
        """A cell that is a year the scanner did not take for a quantity: a column header."""
        if not HEADER_YEAR.fullmatch(txt):
            return False
        i = bisect.bisect_left(self.qstarts, cs)
        return not (i < len(self.qstarts) and self.qstarts[i] < ce)

    def _table_context(self, para: int):
        """(caption, {column: header}) of a table row, from the rows above it (computed for a
        whole table at once, so a long table costs no more than its rows)."""
        if para in self._tables:
            return self._tables[para]
        m = self.m
        first = self._table_first(para)
        caption = ""
        before = first - 1
        if before >= 0 and (u := UNIT_LINE.fullmatch(self.t, *self.paras[before])):   # (unmasked: (单位:件))
            # (a line of the unit between the caption and the table, 单位：件: the caption is above it)
            self._tables[("unit line", first)] = u.group(1)
            before -= 1
        if before >= 0:
            cap = m[self.paras[before][0]:self.paras[before][1]]
            caption = cap[cap.rfind("。", 0, len(cap) - 1) + 1:] if "。" in cap[:-1] else cap
            if ("unit line", first) not in self._tables \
                    and (u := UNIT_IN_CAPTION.search(self.t, *self.paras[before])) is not None:
                self._tables[("unit line", first)] = u.group(1)   # 近两年行政应诉情况(单位:件、%):
        above: dict[int, str] = {}
        above_raw: dict[int, str] = {}
        spans: dict[int, str] = {}
        fam_above = None
        k = first
        while k < len(self.paras) and "|" in m[self.paras[k][0]:self.paras[k][1]]:
            self._tables[k] = (caption, dict(above) if len(above) < 64 else above.copy())
            # the original header text of each column, the family named in the rows above and
            # the label of a merged cell over several columns
            self._tables[("extra", k)] = (above_raw.copy(), fam_above, spans.copy())
            cells, _s, texts, _l = self._row(k)
            spans.update(_merged_labels(m, cells, texts))
            for i, txt in enumerate(texts):
                if txt is not None and PROSE_MARK.search(txt) and self._quantity_in(*cells[i]):
                    continue      # 受理 | 412件,其中涉企案件88件: a cell of prose heads no column
                if txt is not None and i in above and UNIT_ONLY_CELL.fullmatch(self.t[cells[i][0]:cells[i][1]]):
                    above_raw[i] += self.t[cells[i][0]:cells[i][1]].strip()
                    continue      # 应诉案件 | 开庭审理 over (件) | (件): the header's unit, on a line of its own
                if txt is not None:
                    above[i] = txt
                    above_raw[i] = self.t[cells[i][0]:cells[i][1]]
                    fam = (lead_cues(txt)[0] or _applications_family(txt)) if not KIND_LABEL.fullmatch(txt) else None
                    if fam is not None and fam != "enforcement":
                        fam_above = fam   # (a row of one kind of case, 行政处罚(类), names no subject)
            k += 1
        return self._tables.get(para, (caption, {}))

    def _merged_header(self, para: int, ci: int) -> str:
        """The label of a merged cell over column ci in the rows above (2021年 over 件数 | 占比)."""
        self._table_context(para)
        extra = self._tables.get(("extra", para))
        return extra[2].get(ci, "") if extra else ""

    def _raw_label(self, para: int, ci: int) -> str:
        """The original text (not masked) of the row label of cell ci."""
        self._row(para)
        return self._tables[("raw", para)][ci]

    def _raw_header(self, para: int, ci: int) -> str:
        """The original text of the column header of cell ci (the nearest text cell above)."""
        self._table_context(para)
        return self._tables.get(("extra", para), ({}, None, {}))[0].get(ci, "")

    def _family_to_the_left(self, headers: dict[int, str], hc: int) -> str | None:
        """The family the nearest header cell left of column `hc` names: a header row that names
        two families in its cells puts the columns between under the one named before them
        (the header row's families are read once a table)."""
        key = ("families", id(headers))
        if key not in self._tables:
            named = sorted((k, f) for k, h in headers.items() if (f := _header_family(h)))
            self._tables[key] = (named, [k for k, _f in named], len({f for _k, f in named}) >= 2)
        named, columns, two = self._tables[key]
        i = bisect.bisect_right(columns, hc)
        return named[i - 1][1] if two and i else None

    def _last_family_column(self, headers: dict[int, str]) -> int:
        """The last header column that names a family (after _family_to_the_left has read them)."""
        return self._tables[("families", id(headers))][1][-1]

    def _table_family(self, para: int) -> str | None:
        """The family named last in the row labels and headers above a row."""
        self._table_context(para)
        return self._tables.get(("extra", para), ({}, None, {}))[1]

    def _rows_of(self, para: int, caption: str) -> str | None:
        """Whose rows a table lists, by its column of row labels' header or its caption (各乡镇
        (街道)…一览表, 县直部门…情况): 'lower' for a tier below the page's own, 'departments'
        for the government's departments, 'higher' for a higher tier's, 'peers' for places of
        the page's own tier (a city's counties quoted on one county's page), else None."""
        if self._own_level_row(para):
            return None            # 县(市、区) | … with a row 市本级: the total is the whole's
        for words in (self._label_column_header(para), caption):
            h = ROWS_OF_TIER.search(words)
            if h is None:
                continue
            if h.group("dept"):        # (省直单位 on a county's page: a higher tier's departments)
                return "higher" if h.group("dtier") and self.above_own_tier(h.group("dtier")) else "departments"
            if self.below_own_tier(h.group("tier")):
                return "lower"
            if words is not caption and PEER_ROWS.fullmatch(words.strip()) and self.own_tier() is not None \
                    and not self.above_own_tier(h.group("tier")):
                return "peers"     # 区县 | 受理 on a county's page: its city's counties; their sum the city's
        return None

    def _own_level_row(self, para: int) -> bool:
        """A row above `para` in its table is labelled as the page's own level (市本级, 县政府)."""
        for k in range(self._table_first(para), para):
            ps, pe = self.paras[k]
            label = self.m[ps:pe].split("|", 1)[0].strip()
            if label and scope_of_label(label) == "government":
                return True
        return False

    def _label_column_header(self, para: int) -> str:
        """The first cell of the table's first row: the header of its column of row labels."""
        fs, fe = self.paras[self._table_first(para)]
        return self.m[fs:fe].split("|", 1)[0].strip()

    def _table_first(self, para: int) -> int:
        """The first row of the table a row belongs to (cached: a long table costs its rows)."""
        key = ("first", para)
        if key not in self._tables:
            first = para
            while first > 0 and "|" in self.m[self.paras[first - 1][0]:self.paras[first - 1][1]]:
                first -= 1
                if ("first", first) in self._tables:
                    first = self._tables[("first", first)]
                    break
            self._tables[key] = first
        return self._tables[key]

    def _introducing_family(self, para: int) -> str | None:
        """The family the text that leads to a table names: its caption (the paragraph right
        before it), or a sentence just before the caption that announces it (…情况如下:,
        见下表), never any prose that happens to stand above."""
        first = self._table_first(para)
        if first == 0:
            return None
        ps, pe = self.paras[first - 1]
        fam = self.last_family_in(ps, pe)
        if fam is None and first >= 2:
            ps2, pe2 = self.paras[first - 2]
            if CTX["announces_table"].search(self.m, ps2, pe2):
                fam = self.last_family_in(ps2, pe2)
        return fam

    def _is_reporting_body(self, label: str) -> bool:
        """A row label that names the body at the top of the document (its first lines, before
        any table): a ministry's own row in a table of ministries it publishes."""
        if len(label) < 2 or not self.paras or HEADER_YEAR.fullmatch(label.strip()):
            return False            # a year row (2023年 | 687) names no body, though the title has it
        head_end = 0
        for ps, pe in self.paras[:3]:
            if "|" in self.m[ps:pe]:
                break
            head_end = pe
        # (a court's row in a court's release is one court of the region's, not the region's;
        # a measure's name found in the title, 受理 of 行政复议受理情况, names no body)
        if PLACE_ONLY.fullmatch(label.strip()) and self.region_name:
            return label.strip() == self.region_name   # (湖州市 of 湖州市长兴县's title is its city)
        return label in self.t[:min(head_end, 300)] and not COURT_LABEL.search(label) \
            and BODY_NAME.fullmatch(label.strip()) is not None


# a row's first cell that is a bare year, under the head of a column of years
BARE_YEAR_CELL = re.compile(r"(?:19|20)\d{2}")
YEARS_COLUMN = re.compile(r"年度|年份|年|时间")
# a cell of a unit alone, in brackets ((件), (%)), under a header's words
UNIT_ONLY_CELL = re.compile(r"\s*[(（]\s*(?:单位[:：]?)?\s*(?:件|个|人|次|项|份|%|人次|件次|万元|元|条|场)\s*[)）]\s*")
# a body's name as a label (司法部, 南京市, 县市场监管局), not a measure's (受理)
BODY_NAME = re.compile(r"[\u4e00-\u9fff]{1,14}(?:省|市|区|县|旗|州|盟|镇|乡|街道|局|委|办|中心|法院|政府|部门|单位|公司"
                       r"|部|厅|署|院|会|所|队|站)")
# a row label naming a place alone (南京市, 长兴县), not a body of it (市政府, 司法局)
PLACE_ONLY = re.compile(r"[\u4e00-\u9fff]{1,12}(?:省|自治区|市|区|县|旗|州|盟|镇|乡|街道)")
# a column header that only says "how many" (数量, 件数, 数量(件)): the row label names the measure
HEADER_QUANTITY = re.compile(r"\s*(?:数量|件数|数|数值|数据|总数|人数|次数|个数|情况|完成情况)\s*(?:\([^()]*\))?\s*")
# a quantity in the paragraph before a table: prose, not a caption
CAPTION_FIGURE = re.compile(r"\d(?:[\d.,]*)\s*(?:%|件|宗|起|人次|次|个|项|名|人)")
COURT_LABEL = re.compile(r"法院|中院|高院|法庭")
# a column header that names a place or a body (城关镇, 区市场监管局, 岭东区): its column is its figures
BODY_HEADER = re.compile(r"[\u4e00-\u9fff]{1,14}(?:省|市|区|县|旗|州|盟|镇|乡|街道|局|委|办|中心|法院|政府|部门|单位|公司)")
# a column header that is a year without 年 (项目 | 2021 | 2022)
# a column of changes (同比增减, 增幅(%)) and one of a part of the period (本季度, 本月, 10月)
CHANGE_HEADER = re.compile(r"(?:同比|环比|较上年)?(?:增减|增长|下降|增幅|降幅|变化|增减幅度|增减率|增长率)?"
                           r"(?<=[\u4e00-\u9fff])\s*(?:\(\s*%\s*\)|%|\(□{1,4}\))?")   # (增减(件): its unit in brackets, masked)
# a caption's period that runs from the year's start (2024年第一季度, 上半年, 1—9月) and a column
# of a longer one beside the part's (本年累计, 全年)
YEAR_TO_DATE_CAPTION = re.compile(r"(?<![二三四])(?:第?一季度|上半年|前三季度|(?<!\d)(?:1|一)\s*[—\-–~至到]\s*\d{1,2}\s*月)")
LONGER_PERIOD_HEADER = re.compile(r"累计|全年|本年|今年|年度")


def _period_of_the_table(header: str, caption: str, headers: dict[int, str]) -> bool:
    """A column 本季度 / 本期 in a table whose caption names a period from the year's start
    (2024年第一季度…统计表 | 项目 | 本季度 | 上年同期) and no column of a longer one: the column is
    the table's period, whose figures belong to its calendar year, not a part of it."""
    return header.strip() in ("本季度", "本季", "本期") and bool(YEAR_TO_DATE_CAPTION.search(caption)) \
        and not any(LONGER_PERIOD_HEADER.search(h) for h in headers.values())


CAPTION_PART = re.compile(r"第?[一二三四1-4]季度|(?<![—\-–~至到\d])\d{1,2}\s*月份?(?!\s*[—\-–~至到])")


def _part_caption(caption: str) -> bool:
    """The caption names one quarter or month that does not run from the year's start
    (2023年第三季度…, 2023年5月…): its table's figures, and their 上年同期, are parts of a year."""
    return bool(CAPTION_PART.search(caption)) and not YEAR_TO_DATE_CAPTION.search(caption)


PART_HEADER = re.compile(r"本季度?|本月|当月|本周|第?[一二三四1-4]季度|\d{1,2}\s*月(?:份)?")
# a column of a part of a year (2023年1-6月, 上半年, 前三季度): beside a column of the whole year, a part
# …and a column of the whole year said without its number (项目 | 上半年 | 全年)
WHOLE_YEAR_HEADER = re.compile(r"全年(?:合计|累计|总计)?|本年(?:度)?(?:累计)?")
YEAR_PART_HEADER = re.compile(r"(?:(?P<year>(?:19|20)\d{2})\s*年\s*)?(?:上半年|下半年|前三季度|第?[一二三四1-4]季度"
                              r"|\d{1,2}\s*(?:月(?:份)?)?\s*[-—–~至到]\s*\d{1,2}\s*月(?:份)?)")
# …but not all twelve months (2023年1-12月: the whole year)
FULL_YEAR_MONTHS = re.compile(r"(?<!\d)1\s*(?:月(?:份)?)?\s*[-—–~至到]\s*12\s*月")
# a column of the whole year by its months (1-12月, 上年1-12月, 本年1至12月累计)
WHOLE_YEAR_COLUMN = re.compile(r"(?P<prev>上年|去年|上一年)?(?:同期)?\s*(?:本年|今年)?\s*1\s*(?:月(?:份)?)?\s*[-—–~至到]\s*12\s*月(?:份)?\s*(?:累计)?")
HEADER_YEAR = re.compile(r"(?P<abs>(?:19|20)\d{2})\s*(?:年度?)?\s*(?:全年)?\s*(?:\((?:单位[:：]?)?(?:件|个|人|次|项|份|%|人次|件次|万元|元)\))?")     # (2024年(件): its unit too)
# a column of the rates of the rows' counts (比率, 占比(%))
RATIO_HEADER = re.compile(r"(?:比率|比例|占比|百分比|率)\s*(?:\(\s*%\s*\)|%)?")
# a column that names a rate (纠错率, 出庭应诉率): its bare figures are percentages
RATE_NAME = re.compile(r"(?:率|占比|比重)\s*(?:\([^()]*\))?\s*$")
# a row of changes (较前三季度(百分点), 同比增减): its figures are movements, not levels
CHANGE_LABEL = re.compile(r"^\s*(?:较|同比|环比|比(?:上|去|前)年)|百分点|增减")   # (not 比例, 比率: a rate's row)
# a unit of things other than cases in a row label or column header (行政复议机构(个), 法律顾问(人)):
# its figures count no cases (a case counter, 件 or 次, leaves the measure's own unit)
ORDINAL_HEADER = re.compile(r"序号|编号|序")
# a line that gives a table's unit (单位：件, （单位:件）) and the units it may give its counts
# (单位:件、%: the counts' unit, and the rates'; not two count units, 单位:次、件: whose is whose?)
UNIT_LINE = re.compile(r"\s*[(（]?\s*(?:计量)?单位\s*[:：]\s*(件|人次|次|个|项|份|人)"
                       r"(?:\s*[、,，/和及]\s*(?:%|％))?\s*[)）]?\s*")
# …or in brackets at the end of the caption (…情况(单位:件、%):)
UNIT_IN_CAPTION = re.compile(r"[(（]\s*(?:计量)?单位\s*[:：]\s*(件|人次|次|个|项|份|人)(?:\s*[、,，/和及]\s*(?:%|％))?\s*[)）]\s*[:：]?\s*$")
LINE_UNITS = ("件", "人次", "次", "个", "项", "份", "人")
UNIT_IN_CELL = re.compile(r"[(（]\s*(?:单位\s*[:：]?\s*)?(个|家|人次|人|名|项|份|条|件|次)\s*[)）]")
CELL_UNITS = {"名": "人"}   # (as rules/units.csv normalises it)
PERCENT_CELL = re.compile(r"[(（]\s*(?:单位\s*[:：]?\s*)?[%％]\s*[)）]")


CJK_WORD = re.compile(r"[\u4e00-\u9fff]{2}")
TOTAL_COLUMN = re.compile(r"(?:全年|本年|年度)?(?:合计|总计|小计|共计|累计|总数)?|全年|本年度?")


@lru_cache(maxsize=4096)
def scope_of_label(label: str) -> str | None:
    """The scope a row label names by itself (县政府, 县直部门, 各部门; 其中:县政府, 县政府(本级)),
    else None."""
    label = AUTONOMOUS_TIER.sub(lambda h: h.group()[-1], LABEL_PART.sub("", label.rstrip("· ")))   # (自治区本级 as 区本级;
    # a wrapped label's closing dots, text.cells._close_up, dropped)
    label = LABEL_ASIDE.sub("", label)   # (区政府(含区政府办公室): the body, what it includes aside)
    if (party := PARTY_IN_LABEL.search(label)) and party.start() <= 8:
        label = label[:party.start()]   # 镇政府为被申请人的复议案件 | 3: the party is the scope
    if len(label) > 12:
        return None
    found = None
    for scope, rx in SCOPE_RX:
        h = rx.search(label)       # (州本级: one character of the tier before the cue)
        if h and h.start() <= 1 and h.end() >= len(label) - 2:
            found = scope
    return found


APPLICATIONS_HEADER = re.compile(r"(?:收到|新收|接收)(?:的)?申请")
LABEL_ASIDE = re.compile(r"\s*[(（][^()（）]{1,16}[)）]\s*$")
AUTONOMOUS_TIER = re.compile(r"^\s*自治[区州县旗]")
# a total row named as the page's whole (全市合计, 全县): its own, whatever its rows are
OWN_WHOLE_TOTAL = re.compile(r"(?:全|本|我)[省市区县州旗盟镇乡]")
# the rows' bodies named in a table's label header or caption (乡镇(街道), 各县区, 县直部门)
ROWS_OF_TIER = re.compile(r"^(?:[^|]{0,12}?)(?<!地)(?<!社)(?<!园)(?<!城)(?:各|所辖)?(?P<tier>乡|镇|街道|县|区)(?:镇|街|乡|区|县|市)?(?:\([□\u4e00-\u9fff、]{1,8}\))?"
                          r"(?=$|\s|名称|单位|[|/]|行政|被申请|被告|负责人|出庭|一览|情况|统计|案件)"
                          r"|(?P<dept>(?P<dtier>[省市县区])直(?:各)?(?:部门|单位)|各部门|部门名称|单位名称)")
# the label column of a table of places of a tier (区县, 县(市、区), 各县区)
PEER_ROWS = re.compile(r"(?:各)?(?:区县|县区|县市区|县\(市、区\)|县（市、区）|区\(县\)|区（县）|县\(区\)|县（区）|区/县|县/区)(?:名称)?")
# a label of a lower body that names no scope cue knows (乡镇政府, 街道办事处)
LOWER_BODY_LABEL = re.compile(r"(?:乡镇|镇|乡|街道)(?:人民)?(?:政府|办事处)(?:等)?(?:其他)?|(?:各)?(?:乡镇|镇街|街镇)(?:\((?:街道|□+)\))?")
# the header of a column of respondents (被申请人, 被申请人类别): each row counts one respondent's cases
RESPONDENT_HEADER = re.compile(r"被申请人(?:类别|类型|单位|层级)?")
# a row of a whole (全市, 全省合计): a higher tier's on a lower body's page
# a row label that only names a family (行政复议, 行政诉讼案件): the row is that family's whole
# (行政复议(件): a family with its unit; not 行政诉讼案件(件), a measure's label under columns of bodies)
# a column summing the year columns beside it (合计, 三年合计, 累计, 近三年总计)
YEARS_SUM_HEADER = re.compile(r"(?:近?[两二三四五六七八九十\d]年|历年)?(?:合计|累计|总计|共计|小计|总数)")
FAMILY_LABEL = re.compile(r"(?:行政)?(?:复议|诉讼|应诉)(?:(?:案件)?(?:情况)?|\s*\((?:件|□)\))")
# a line of group headers over a table's header row, one family each (行政复议 … 行政应诉)
GROUP_LINE = re.compile(r"(?:行政)?(?:复议|诉讼|应诉)(?:案件)?(?:情况)?(?:[\s\u3000]+(?:行政)?(?:复议|诉讼|应诉)(?:案件)?(?:情况)?)+")
HIGHER_WHOLE_LABEL = re.compile(WHOLE_OF_TIER + r"(?:合计|总计)?")
# a column or row of the rest (其他, 其他情形): no measure of its own
OTHER_CELL = re.compile(r"其[他它](?:情形|情况|方式|结果|类)?\s*(?:\([^()]*\))?")
# a row of one kind of case (行政处罚类, 信息公开类案件)
# a cell of prose (全年受理复议案件54件,纠错3件) is read as prose, whatever its figures
PROSE_MARK = re.compile(r"[；;。]|[，,](?!\d{3})")
# a cell that opens with its figure, or with the change it states (1.37件/万人, 下降3.8个百分点)
FIGURE_WITH_WORDS = re.compile(r"[-+]?\d|(?:同比|环比|较上年|比上年)?(?:上升|下降|增长|减少|增加|提高|降低)\s*[-+]?\d")
KIND_LABEL = re.compile(r"[\u4e00-\u9fff]{2,10}类(?:案件)?")
# the first-instance row of a court's table of instances (案件类型 | 受理数 over 一审 | 4127, 二审 |
# 2206): the lawsuits the governments defended, as 其中一审案件… is in prose (context.yaml whole_part);
# on a court's page or under a caption naming courts (…全省法院行政案件受理审结情况见下表:) only (a
# government's caseload split by instance is split into parts), and
# not in a table with a row of its total (合计 | 310), whose rows are its parts
FIRST_INSTANCE_LABEL = re.compile(r"一审(?:行政)?(?:诉讼)?(?:案件)?")
# a caption whose subject is the courts' docket (全省法院行政案件受理审结情况), not one quoting a
# court as its source (经县人民法院统计,全县各部门应诉案件…)
COURTS_CAPTION = re.compile(r"(?<![经据由向])(?:全[省市区县]|[\u4e00-\u9fff]{2,6})?(?:各级|两级|三级)?(?:人民)?法院"
                            r"(?:全年|共)?(?:行政案件|行政诉讼|受理|收结|收案|审结|一审|审理)")
# the characters of a tier a column's body may open with (市政府, 县本级)
# the party a row label names its cases by (镇政府为被申请人的复议案件)
PARTY_IN_LABEL = re.compile(r"(?:作为|为)(?:共同)?(?:被告|被申请人)")
# what a row label may say around the body it names: 其中:县政府, 县政府(本级)
LABEL_PART = re.compile(r"^\s*其中\s*[:：]?\s*|\s*[(（][^()（）]{0,4}[)）]\s*$")
# an empty cell of a column of figures (—, /, 无): neither a header nor a row label
EMPTY_CELL = re.compile(r"[-—–/／无\s]+")
NUMERICISH = re.compile(r"[+\-−]?[\d.,，%\s件起宗人个项次份条元万亿余多]*(?:个百分点)?")


def _of_row_family(hits, label: str | None):
    """A column shared by the rows of two families (纠错/败诉(件) over the rows 行政复议 and
    行政诉讼): a row that names its family takes only that family's words of the header."""
    if not label or not FAMILY_LABEL.fullmatch(label.strip()):
        return hits
    fam = lead_cues(label)[0]
    kept = tuple(h for h in hits if h[2].indicator is None or "{family}" in h[2].indicator
                 or h[2].indicator.split(".", 1)[0] == fam)
    return kept


def _merged_labels(m: str, cells, texts) -> dict[int, str]:
    """Columns under a merged cell of a header row: a text cell followed by empty ones
    (| 年度 | 2021年 | | 2022年 | |, | 行政复议 | | | 行政应诉 | | |) spans them all. A row with
    a figure is no header row."""
    if any(t is None and m[cs:ce].strip() for t, (cs, ce) in zip(texts, cells)):
        return {}
    out: dict[int, str] = {}
    current = None
    for i, (t, (cs, ce)) in enumerate(zip(texts, cells)):
        if t is not None:
            current = (i, t)
        elif current is not None and not m[cs:ce].strip():
            out[current[0]] = current[1]
            out[i] = current[1]
    return out


_ALTERNATIVE = re.compile(r"[(（]([\u4e00-\u9fff]{1,4})[)）]")


def _bracketed_alternatives(header: str) -> tuple[str, str]:
    """A header naming one word or another, the other in brackets (纠错(败诉)率, 被纠错(败诉)数):
    the header without the brackets, and with the bracketed word in the place of the word
    before it (纠错率 and 败诉率)."""
    h = _ALTERNATIVE.search(header)
    if h is None:
        return header, ""
    word = h.group(1)
    start = max(0, h.start() - len(word))
    return header[:h.start()] + header[h.end():], header[:start] + word + header[h.end():]


def split_cells(m: str, s: int, e: int) -> list[tuple[int, int]]:
    out = []
    pos = s
    while pos <= e:
        k = m.find("|", pos, e)
        end = e if k == -1 else k
        out.append((pos, end))
        if k == -1:
            break
        pos = k + 1
    return out


_ASIDE = re.compile(r"[(（][^()（）]*[)）]")
_SINCE = re.compile(r"\s*(?:以来|来|起)")


_DAY_AFTER = re.compile(r"\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?!\s*(?:至|到|—|–|-|~|～|起))")
_UP_TO = re.compile(r"(?:截至|截止|至|到)\s*$")


def _caption_year(caption: str):
    """The year a table's caption gives its figures: not one in an aside (表二 审结情况(含2022年
    结转案件61件)), nor the year cases were carried over from or a span starts at."""
    plain = _ASIDE.sub(lambda m: " " * len(m.group()), caption)
    for m in YEAR_RX.finditer(plain):
        if m.group("abs") and (CARRIED_OVER.match(plain, m.end()) or _SINCE.match(plain, m.end())):
            continue
        if m.group("abs") and _DAY_AFTER.match(plain, m.end()) and not _UP_TO.search(plain, max(0, m.start() - 4), m.start()):
            continue           # 填报时间:2019年1月15日: the day the table was filled in, not its period
                               # (but 2022年1月1日至12月31日 opens the span its figures cover)
        return m
    return None


def _applications_family(cell: str) -> str | None:
    """收到申请 alone: applications are reconsideration's (lawsuits are filed, not applied for)."""
    return "reconsideration" if APPLICATIONS_HEADER.match(cell.strip()) else None


def _header_family(cell: str) -> str | None:
    """The family a header cell names; in a header row that names the other family too, a
    column of applications received (收到申请) is reconsideration's (lawsuits are filed, not
    applied for)."""
    fam = lead_cues(cell)[0] or _applications_family(cell)
    return fam if fam in ("reconsideration", "litigation") else None    # (a row's kind, 行政处罚, is no family of columns)


def _first_of_two_families(caption: str) -> str | None:
    """The family a caption names first when it names both 复议 and 诉讼 (行政复议应诉情况)."""
    named = sorted((h.start(), name) for name, rx in FAMILY_RX if name in ("reconsideration", "litigation")
                   for h in rx.finditer(caption))
    return named[0][1] if len({name for _s, name in named}) == 2 else None


def _group_family(caption: str, headers: dict[int, str], column: int) -> str | None:
    """The family a column falls under in a line of group headers (行政复议 … 行政应诉 over 收到 |
    维持 | 一审应诉): the columns go under the first group until a column names the next family
    itself, and under that one after it."""
    groups = [first_family(w) for w in caption.split()]
    current = groups[0] if groups else None
    for k in range(column + 1):
        named = first_family(headers.get(k, ""))
        if named is not None:
            current = named
    return current
