"""Parts and lists: the figures a reader sees are pieces of another (其中 parts of the same
measure, 分别 lists over years or names, a field's cases), and the handled count beside an
accepted one."""

from __future__ import annotations

import bisect
import re

from lawgov.extract.mentions import Quantity
from lawgov.extract.numbers import parse_number
from lawgov.extract.reading.rules import (CTX, LEADING_TIER, LIST_JOIN, LIST_YEAR, SCOPE_RX, TIER_CHARS, YEAR_LIST, YEAR_SPAN,
                                          first_family, lead_cues)
from lawgov.extract.reading.structure import MENU_LINE
from lawgov.extract.reading.tables import scope_of_label


# a kind named and counted at once in a list of kinds (信息公开类6件, 信息公开案件7件)
KIND_COUNTED = re.compile(r"[\u4e00-\u9fff]{0,3}?类?(?:案件)?(?:共|有|为)?\s*\d")
# an item of a 分别 list that names a part of a whole: a kind (行政处罚类), an instance (一审, 二审),
# a way of defending (单独应诉, 共同应诉), a tier (市, 县两级, 市本级, 县级)
PART_ITEM = re.compile(r"(?:[\u4e00-\u9fff]{1,8}?类(?!型)|一审|二审|再审|单独(?:应诉|被诉|作为被告)?|共同(?:应诉|被诉|被告)|"
                       r"[省市县区乡镇](?:本级|级|两级)?|本级|乡镇(?:级)?|(?:[省市县区乡镇]、?){2}两级)")
YEAR_NAMED = re.compile(r"(?:19|20)\d{2}\s*年|今年|去年|上年|本年")


RESPECTIVELY_WORD = re.compile("分别|依次")
OF_WHICH = re.compile(r"^(?:其中|另外|此外)?\s*[,，:：]?\s*(?:(?:全年|今年|当年|同期|(?:19|20)\d{2}\s*年度?)\s*[,，]?\s*)?(?:以|对|涉及)?")
MAX_SERIES = 10                    # (years a series runs over, at most: the work per figure stays bounded)
# the year that labels a figure of a series (2021年712件, 2022年为768件)
SERIES_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?\s*(?:为|是|达到|达|共)?\s*$")
# the first item of a list of years, perhaps after the measure or 其中 (行政应诉案件2021年)
MEASURE_THEN_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?:度)?\s*$")

# the words that rank the names listed after them (受理量排名前三的是…, 位居前列的依次为…)
# a span of years its figures then follow one by one (全县行政诉讼案件2020年至2022年分别为…)
SPAN_LISTED = re.compile(r"\s*(?:的)?[^\d，,。；;]{0,10}?(?:分别|依次)")
# the body's whole, said before a list of years that opens its sentence (全县2021年、2022年分别…)
WHOLE_BEFORE_YEARS = re.compile(r"\s*(?:全|我|本)[省市区县州旗盟镇乡]\s*")
# the next point of an enumeration in one sentence (一是…;二是…;三是…, 第三,): what an earlier
# point named does not reach past it
NEXT_POINT = re.compile(r"(?:^|[，,；;：:\s])(?:[二三四五六七八九十]是|第[二三四五六七八九十][，,、是])")
RANKED_FIRST = re.compile(r".{0,16}?(?:排名|排在|位居|位列|居)(?:全[省市区县])?(?:前|第)[一二三四五六七八九十\d]*(?:位|名)?(?:的)?(?:分别|依次)?(?:是|为)")


# a sentence opening on last year and this year (去年全年和今年上半年,…分别…), as two years
RELATIVE_PAIR = re.compile(r"\s*(?:去年|上年)(?:全年|同期)?\s*(?:和|与|及|、)\s*(?:今年|本年)"
                           r"(?:上半年|前三季度|第?[一二三]季度|1\s*[-—–至到~]\s*\d{1,2}\s*月)?(?:以来)?\s*[,，]")
# a sentence opening on the years the one before named, by their number (三年间, 这三年, 近两年来)
THOSE_YEARS = re.compile(r"\s*(?:这|近|过去(?:的)?|上述)?([两二三四五六七八九十])(?:个)?年(?:间|来|中|里|以来)?\s*[,，]")


def _listed_years(h: re.Match) -> list[int]:
    """The years a list of years names (2021年、2022年和2023年)."""
    return [int(y) for y in re.findall(r"(?:19|20)\d{2}", h.group())]


def _spanned_years(span: re.Match | None) -> list[int] | None:
    """The years of a span (2021年至2023年), when it runs over two to ten of them."""
    if span is None or not 0 < int(span.group("b")) - int(span.group("a")) < 10:
        return None
    return list(range(int(span.group("a")), int(span.group("b")) + 1))


class Parts:
    """Part-of and list readings; mixed into `Analysis`."""

    def _year_list_item(self, idx: int, q: Quantity, sent) -> int | None:
        """2021年和2022年,全县分别受理…31件、45件: a sentence opening with a list of years and
        stating as many figures after its 分别 (or 依次) gives each figure its year, in order."""
        h = self._sentence_year_list(sent)
        if h is not None and h.end() > q.head:
            h = None
        this_year = None
        if h is None and (pair := RELATIVE_PAIR.match(self.m, sent[0], q.head)) is not None:
            this_year = self._year_of_word("今年", True)
        if h is not None:
            years = _listed_years(h)
        elif this_year is not None:
            h, years = pair, [this_year - 1, this_year]   # 去年全年和今年上半年,…分别受理120件、67件
        else:
            h = self._clause_year_span(sent, q.head)
            if (spanned := _spanned_years(h)) is not None:
                years = spanned
            elif (those := THOSE_YEARS.match(self.m, sent[0])) is not None \
                    and (years := self._years_of_sentence_before(sent)) is not None \
                    and len(years) == parse_number(those.group(1)).value:
                h = those          # 2021年、2022年、2023年,…。三年间,…败诉率分别为9.6%、8.4%、6.9%
            else:
                return self._year_series_item(idx, q, sent)
        k = max(self.m.rfind("分别", h.end(), q.head), self.m.rfind("依次", h.end(), q.head))
        if k == -1:
            return None
        lo, hi = bisect.bisect_right(self.qstarts, k), bisect.bisect_left(self.qstarts, sent[1])
        runs = []                            # the figures of each list: joined by 、 和 及 only
        for n in range(lo, hi):
            if runs and LIST_JOIN.fullmatch(self.m, self.qs[n - 1].tail, self.qs[n].head):
                runs[-1].append(n)
            else:
                runs.append([n])
        if not runs or len(runs[0]) != len(years):
            return None
        for run in runs:
            # (a later list of as many figures goes on over the same years: 分别收到64件、79件,审结
            # 61件、74件; not past a year named again)
            if run is not runs[0] and (len(run) != len(years) or YEAR_NAMED.search(
                    self.m, self.qs[runs[0][-1]].tail, self.qs[run[0]].head)):
                return None
            if idx in run:
                return years[run.index(idx)]
        return None

    def _years_of_sentence_before(self, sent) -> list[int] | None:
        """The years the sentence before lists or spans (2021年、2022年、2023年,…; 2021年至2023年,…),
        in the same paragraph."""
        if sent[0] == 0:
            return None
        before = self.sentence_of(sent[0] - 1)
        if self.paragraph_index(before[0]) != self.paragraph_index(sent[0]):
            return None
        h = self._sentence_year_list(before)
        return _listed_years(h) if h is not None else _spanned_years(self._clause_year_span(before, before[1]))

    def _year_series_item(self, idx: int, q: Quantity, sent) -> int | None:
        """A 分别 list after a series of figures each labelled by its year (行政应诉案件2021年712件、
        2022年768件,败诉率分别为8.1%、6.9%): as many figures as the series has years take them in
        order."""
        words = self.__dict__.get("_respectively_at")
        if words is None:                  # (where 分别 stands, found once a document)
            words = self._respectively_at = [h.start() for h in RESPECTIVELY_WORD.finditer(self.m)]
        j = bisect.bisect_left(words, q.head) - 1
        if j < 0 or words[j] < sent[0] or idx == 0:
            return None
        k = words[j]
        hi = bisect.bisect_left(self.qstarts, k)
        before = range(max(bisect.bisect_left(self.qstarts, sent[0]), hi - MAX_SERIES), hi)
        years = []
        for n in before:
            y = SERIES_YEAR.search(self.m, max(sent[0], self.qs[n].head - 8), self.qs[n].head)
            if y is not None:
                years.append(int(y.group(1)))
        if len(years) < 2 or years != sorted(set(years)):
            return None
        lo = bisect.bisect_right(self.qstarts, k)
        run = range(lo, min(bisect.bisect_left(self.qstarts, sent[1]), lo + MAX_SERIES + 1))
        joined = [run[0]] if run else []
        for n in run[1:]:
            if not LIST_JOIN.fullmatch(self.m, self.qs[n - 1].tail, self.qs[n].head):
                break
            joined.append(n)
        if len(joined) != len(years) or idx not in joined:
            return None
        return years[joined.index(idx)]

    def _clause_year_span(self, sent, head: int):
        """The span of years (2020年至2022年) opening the sentence, or the last one before `head`
        opening a later clause of it (改革以来,…累计受理516件,2020年至2022年受理量分别为…)."""
        cache = self.__dict__.setdefault("_year_spans", {})
        if sent not in cache and not self.may_match(YEAR_SPAN, sent[0], sent[1]):
            cache[sent] = (None, [], [])   # no span can end in the sentence (the figure filter's scan)
        if sent not in cache:              # (once a sentence: a long one holds many figures)
            first = YEAR_SPAN.match(self.m, sent[0], sent[1])
            later = [h for h in YEAR_SPAN.finditer(self.m, sent[0] + 1, sent[1])
                     if self.m[h.start() - 1:h.start()] in ",，;；" or SPAN_LISTED.match(self.m, h.end())]
            cache[sent] = (first, later, [h.end() for h in later])
        first, later, ends = cache[sent]
        k = bisect.bisect_right(ends, head) - 1
        return later[k] if k >= 0 else first

    def _sentence_year_list(self, sent):
        """The list of years opening the sentence, or opening a later clause of it (记者获悉,
        2019年、2020年、2021年,全市…; …持续在高位运行:2016年、2017年、2018年,…), computed once
        per sentence."""
        cache = self.__dict__.setdefault("_year_lists", {})
        if sent not in cache:
            if not self.may_match(YEAR_LIST, sent[0], sent[1]):
                cache[sent] = None
                return None
            h = YEAR_LIST.match(self.m, sent[0], sent[1])
            if h is None:
                for h in YEAR_LIST.finditer(self.m, sent[0], sent[1]):
                    if self.m[h.start() - 1:h.start()] in ",，:：" \
                            or WHOLE_BEFORE_YEARS.fullmatch(self.m, sent[0], h.start()):
                        break      # (…,2019年、2020年…; 全县2021年、2022年分别受理…: the whole, then its years)
                else:
                    h = None
            cache[sent] = h
        return cache[sent]

    def _handled_beside_accepted(self, picked: str, sent, lead_start: int, head: int,
                                 intake: str = "accepted_word") -> bool:
        """The cue picked (its words, `picked`) is 办理 (or 审理, 处理), and its sentence states an
        intake figure (CTX[intake]: 受理) of the same field and scope elsewhere (区本级受理45件,各部门
        办理23件 are two scopes' figures; 受理复议案件200件,办理应诉案件150件 two fields')."""
        if not picked or not CTX["handled"].match(picked):
            return False
        here = self.scope_at(head, sent[0])
        field = self.family_at(head, sent[0])
        for h in CTX[intake].finditer(self.m, sent[0], sent[1]):
            if not (lead_start <= h.start() < head) and self.scope_at(h.start(), sent[0]) == here \
                    and (first_family(self.m[h.end():h.end() + 12]) or self.family_at(h.end(), sent[0])) in (field, None):
                return True
        return False

    def _field_family(self, pos: int, sent_start: int) -> str | None:
        """A field family (context.yaml subset_families) named earlier in the sentence, the
        subject of the section the figure stands in, or of the whole document."""
        i = bisect.bisect_left(self.fam_ends, sent_start)
        j = bisect.bisect_right(self.fam_ends, pos)
        for e, s, name in self.fam_hits[i:j]:
            if s >= sent_start and name in CTX["subset_families"] and not KIND_COUNTED.match(self.m, e) \
                    and not NEXT_POINT.search(self.m, e, pos) and not self._in_subject_matter(s, pos):
                return name        # (…信息公开类6件、其他类43件,全年共受理86件: one kind in a list, no field;
                #                    二是信息公开类案件下降;三是…29件: the next point is no longer of it)
        fam = self.heading_family(pos)
        if fam in CTX["subset_families"]:
            return fam
        return "transparency" if self._field_document() else None

    def _field_document(self) -> bool:
        """The document itself is of the 信息公开 field: its head (300 characters) names it, not
        in a site's menu (信息公开指南 | 政府信息公开年报 | 依申请公开, or spaced), which every page
        carries; a breadcrumb (首页 > …> 2023年度…政府信息公开工作年度报告) ends on the page's title."""
        if not hasattr(self, "_is_field_document"):
            self._is_field_document = any(
                CTX["field_document"].search(self.t, ps, min(pe, 300))
                for ps, pe in self.paras if ps < 300 and self.t.count("|", ps, pe) < 2
                and not MENU_LINE.fullmatch(self.t, ps, pe))
        return self._is_field_document

    def _list_over(self, items) -> list | None:
        """What a 分别 list runs over when only its last item names a measure: a year per item
        (their years, as ints), parts of a whole by kind, instance, tier or way of defending
        ("part" per item), or names of places, bodies or kinds ("name" per item). None for a
        list of measures (申请量、受理量)."""
        texts = [self.m[a:b].strip() for a, b in items]
        if texts and (rank := RANKED_FIRST.match(texts[0])):
            texts[0] = texts[0][rank.end():]   # 受理量排名前三的是城关区、…: the ranked, by name
        if all(LIST_YEAR.match(t) for t in texts[1:]) and (y := MEASURE_THEN_YEAR.search(texts[0])):
            # (其中)2021年、2022年…分别为, 行政应诉案件2021年、2022年…分别为: a list of years, the
            # measure (if any) before the first
            return [int(y.group(1))] + [int(LIST_YEAR.match(t).group(1)) for t in texts[1:]]
        if (scopes := self._own_scopes(texts)) is not None:
            return scopes                  # 区直各部门、区政府作为被告的分别为46件、11件: the body's own, by scope
        if all(PART_ITEM.match(t) for t in texts):
            return ["part"] * len(items)   # 单独应诉和共同应诉案件分别为…, 市、县两级…分别收到…: parts
        if any(lead_cues(t)[1] for t in texts[:-1]):
            return None
        years = [LIST_YEAR.match(t) for t in texts]
        if all(years):
            return [int(y.group(1)) for y in years]
        heads = texts[:-1]
        if all(0 < len(t) <= 8 and first_family(t) is None and not any(c.isdigit() for c in t)
               and scope_of_label(t) is None for t in heads):
            return ["name"] * len(items)
        return None

    def _own_scopes(self, texts: list[str]) -> list[tuple[str, str | None]] | None:
        """Each item opens by naming a scope of the page's own body, of its own tier (区政府, 区直各部门,
        区属部门负责人出庭应诉率), no two the same, or a lower tier (乡镇政府) beside them:
        ("scope", scope) or ("lower", None) per item, else None."""
        out = []
        for t in texts:
            t = OF_WHICH.sub("", t)
            if (tier := LEADING_TIER.match(t)) and self.below_own_tier(tier.group(1)):
                out.append(("lower", None))    # 县政府、乡镇政府作为被告的…分别为8件、20件
                continue
            scope = next((name for name, rx in SCOPE_RX if (h := rx.match(t)) and h.end() > 1), None)
            if scope not in ("government", "departments") or (t[:1] in TIER_CHARS and self.above_own_tier(t[0])):
                return None
            out.append(("scope", scope))
        own = [s for k, s in out if k == "scope"]
        return out if own and len(set(own)) == len(own) else None

    def _part_of(self, idx: int, q: Quantity, sent, indicator: str, done: list) -> int | None:
        """A figure after 其中 that measures what the figure before 其中 measures is a part of it
        (负责人出庭312人次,其中副职280人次): the index of that figure, else None. 其中 reaches to the
        end of its sentence or a semicolon, or of its brackets; a sentence opening with 其中 looks
        into the one before.
        A part named as the measure itself (其中一审案件…: the lawsuits a government defends) is not
        a part (context.yaml whole_part)."""
        k = self.m.rfind("其中", sent[0], q.head)
        while k != -1 and (p := self.paren_of(k)) is not None and p != self.paren_of(q.start):
            k = self.m.rfind("其中", sent[0], p[0])   # (其中网上申请3件) ends at its bracket
        if k == -1:
            return None
        lo = sent[0]
        if k == sent[0]:
            n = self.sentence_index(sent[0])
            lo = self.sents[n - 1][0] if n > 0 else lo
        if any(ch in self.m[k:q.head] for ch in "；;") or self.search_in(CTX["whole_part"], k, q.head):
            return None
        for j in range(idx - 1, -1, -1):
            pq = self.qs[j]
            if pq.start < lo:
                break
            if pq.start < k and done[j].kind == "level" and done[j].indicator == indicator \
                    and (pq.unit == "%") == (q.unit == "%"):
                return j
        return None
