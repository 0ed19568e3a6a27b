"""When: the day a page was published and the year its figures cover.

The year is the period the figures cover: a title's year, the year the opening starts
from, a 年度 year, else the year the body's figures are given for (never a period's start,
a comparison's base, a law's or a document number's year), else the publication date with
今年 / 去年 (a signature date at the end dates a report). A page with none of these may still
say it: a date signed with its month only, the one year its counts are given for past a long
preface, its section headings (一、2023年主要成效; 三、2024年工作打算 is the year before), the plans
of an annual report, an epithet of the year (“十四五”开局之年), and last its own document number
(〔2024〕 under the title: the year before); where none decides, the year stays None."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from lawgov.documents.head import _DATE, _DATE_ANY, _Line, _MASTHEAD, _is_prose, _opening_like
from lawgov.documents.manifest import parse_date


# the patterns of the per-line and per-year checks, compiled once (re's cache lookup per call
# cost more than several of the searches themselves)
_DATE_AT_END = re.compile(r"\s(" + _DATE + r")日?\s*$")
_NOT_A_STAMP = re.compile(r"[。;；]|今天|今日|当前|现在|截至|截止")
# a site's clock in its header (今天是2025年6月1日 星期日): the day it is viewed, not the page's date
# (今天是, or 今天 with a colon: not 今日镇海, a paper named 今日…)
_TODAY_LINE = re.compile(r"\s*(?:今天是|今日是|现在是|(?:今天|今日|当前时间|现在时间)\s*[:：])")
_STAMP_LINE = re.compile(r"\d{1,2}:\d{2}|^\s*[\[【(（]?\s*(?:19|20)\d{2}\s*[-年/.]|来源|作者|编辑|版次|稿源|浏览|点击|"
                         r"^\s*[\u4e00-\u9fff]{2,10}(?:报|网)\s*[((]?\s*(?:19|20)\d{2}|日\s*星期[一二三四五六日天]|第\s*[A-Z]?\d{1,2}\s*版")
_CLOCK = re.compile(r"\d{1,2}:\d{2}")
_BASE_BEFORE = re.compile(r"(?:从|较|比|与|相比|自|超过|超出|高于|低于|多于|少于|接近)\s*$|[〔\[【]\s*$")
# 由2022年的91.3%提升至…: the year a change starts from (由 alone also names the body: 由2022年新设的…)
_OF_THE_YEAR = re.compile(r"(?:19|20)\d{2}\s*年(?:底|末|度)?的")
# a year's agenda named as the grounds of the work (根据…2024年度工作要点, 按照2024年度工作计划):
# the year the work was done in, not the one it reports on
# (…unless it speaks of this year so far: a year-end meeting's 今年以来 beside the year before's figure)
_SO_FAR_THIS_YEAR = re.compile(r"今年以来|本年度以来|年初以来|今年1")
_SPEECH_TITLE = re.compile(r"在[^。\n]{2,40}?(?:会议|大会|会)上的(?:讲话|发言|致辞|工作报告|报告)")
# a government's work report to the people's congress, titled by the year it is given in: its
# account is of the year before (not a 法治政府建设 report, nor a report on one)
_WORK_REPORT_TITLE = re.compile(r"(?:19|20)\d{2}\s*年\s*[\u4e00-\u9fff]{0,12}?(?<!法治)(?:人民)?政府工作报告\s*(?:[(（][^()（）]{0,8}[)）])?\s*$")
_AGENDA = re.compile(r"(?:19|20)\d{2}\s*年度\s*[\u4e00-\u9fff]{0,8}?(?:要点|计划|安排|方案|预算)")
# a news lead's relative year (本网讯 今年上半年, 记者从…获悉,去年): on a dated page, its year
_NEWS_LEAD_RELATIVE = re.compile(r"(?:讯|获悉)[^。\n]{0,12}?(今年|去年)")
_YEAR_LABEL = re.compile(r"\s*((?:19|20)\d{2})\s*年度?\s*[·•｜|/／]\s*[\u4e00-\u9fff][^\d\n]{0,28}"
                         r"(?:局|政府|委员会|法院|检察院|办公室|办|厅|中心)\s*")
# an award's year (荣获"2020年度法治政府建设示范单位"): no year the page reports on
_AWARDED = re.compile(r"(?:荣获|获评|获得|被评为|被授予|评为|命名为|授予|入选)[^。，,;；\n]{0,12}$")
_PLAN_BEFORE_YEAR = re.compile(r"(?:将|拟|计划|力争|争取|预计|确保)(?:在|于|到)?\s*$")
# a year the figures are not given for: a period's start (2020年以来), a number (〔2022〕), the year
# cases were carried over from (含2021年结转12件)
_SINCE_OR_NUMBER = re.compile(r"\d{4}\s*(?:年?\s*(?:以来|来|同期)|[〕\]】]"
                              r"|年度?(?:底|末)?(?:的)?(?:未结|未办结|未审结)?(?:结转|转结|旧存|积存))")
_DATE_GOES_ON = re.compile(r"\s*[-/.]\d")


_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"○": "0", "零": "0", "O": "0", "Ｏ": "0", "0": "0"}
# (二0二三年: a digit zero typed among the numerals is common)
_CN_YEAR = re.compile(r"(?<![〇○零OＯ0一二三四五六七八九十])(二[〇○零OＯ0][一二三四五六七八九〇○零OＯ0]{2}|一九[一二三四五六七八九〇○零OＯ0]{2}|[一二][〇○零OＯ一二三四五六七八九]{3})年(?:([一二三四五六七八九十]{1,3})月(?:([一二三四五六七八九十]{1,3})日)?)?")

# what every _CN_YEAR match ends with (four numerals and 年), found from its 年 with a quick
# literal search: _CN_YEAR itself starts with a look-behind, so it is tried at every position
_CN_YEAR_END = re.compile(r"年(?<=[一二三四五六七八九〇○零OＯ0]{4}年)")
# a year in digits with its month and day in numerals (2024年一月十五日: normalising writes a
# year in Chinese numerals in digits, and only the year, as it keeps the text's length)
_CN_DATE_AFTER_YEAR = re.compile(r"((?:19|20)\d{2})年([一二三四五六七八九十]{1,3})月(?:([一二三四五六七八九十]{1,3})日)?")
# (its year found from its 年: a search for a digit first tries every character of the page)
_CN_MONTH_AFTER_YEAR = re.compile(r"年(?<=\d年)[一二三四五六七八九十]{1,3}月")


def _cn_number(s: str) -> str:
    """一 → 1, 十 → 10, 十二 → 12, 二十三 → 23 (months and days)."""
    if "十" not in s:
        return _CN_DIGIT.get(s, s)
    tens, _, ones = s.partition("十")
    return str(int(_CN_DIGIT.get(tens, "1") if tens else 1) * 10 + (int(_CN_DIGIT[ones]) if ones else 0))


def arabic_years(t: str) -> str:
    """The text with its years and dates in Chinese numerals written in digits
    (二〇二二年度 → 2022年度, 二〇二三年二月十日 → 2023年2月10日): formal reports title and
    sign with them. Only for reading years: lengths may change."""
    if not _CN_YEAR_END.search(t) and not _CN_MONTH_AFTER_YEAR.search(t):
        return t

    def digits(m: re.Match) -> str:
        out = "".join(_CN_DIGIT.get(c, c) for c in m.group(1)) + "年"
        if m.group(2):
            out += _cn_number(m.group(2)) + "月"
            if m.group(3):
                out += _cn_number(m.group(3)) + "日"
        return out
    t = _CN_YEAR.sub(digits, t) if _CN_YEAR_END.search(t) else t
    return _CN_DATE_AFTER_YEAR.sub(digits, t)


_DATE_LABELLED = re.compile(
    r"(发布时间|发布日期|成文日期|信息时间|更新时间|发表时间|发布于|发表于|发布(?=\s*[::])|时间|日期)\s*[::]?\s*(?:\n\s*)?" + _DATE)


_YEAR = re.compile(r"(?<![0-9])((?:19|20)\d{2})(?![0-9])\s*(年度|年)?")
_PERIOD = re.compile(r"((?:19|20)\d{2})年\d{1,2}月(?:\d{1,2}日)?\s*(?:至|到|—|–|-|~)\s*((?:19|20)\d{2})年\d{1,2}月")


_YEAR_RANGE = re.compile(r"(?:19|20)\d{2}\s*[-—–~至到]\s*(?:19|20)?\d{2,4}年?")


def _published_on(t: str, lines: list[_Line]) -> date | None:
    head = t[:4000]
    best = None
    for m in _DATE_LABELLED.finditer(head):
        d = parse_date(m.group(2), m.group(3), m.group(4))
        if d is None:
            continue
        if m.group(1).startswith("发布") or m.group(1) in ("成文日期", "发表时间"):
            return d
        if best is None and m.group(1) != "更新时间":
            best = d
    if best:
        return best
    m = re.search(r"[((]\s*((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})\s*[))]", head[:300])
    if m:
        return parse_date(*m.groups())
    tail = t[-1500:]
    m = re.search(r"文章出处\s*[::]\s*((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日", tail)
    if m:
        return parse_date(*m.groups())
    # the paper's edition a story was printed in, cited at its end (原载《某日报》2024年3月15日第2版)
    m = re.search(r"(?:报|刊)》?\s*[,，]?\s*((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日\s*(?:第?\s*\d{1,2}\s*版|[)）]|$)", tail)
    if m:
        return parse_date(*m.groups())
    for ln in lines[:12]:
        # a headline line closed by its date (某县召开…推进会 2024-03-15)
        m = _DATE_AT_END.search(ln.text)
        if m and not _is_prose(ln.text) and not _NOT_A_STAMP.search(ln.text):
            return parse_date(*m.groups()[1:4])
        if (not _is_prose(ln.text) or _DELIVERED.match(ln.text)) and not _TODAY_LINE.match(ln.text):
            m = _DATE_ANY.search(ln.text)
            if m and (_STAMP_LINE.search(ln.text)
                      or _DELIVERED.match(ln.text)):
                return parse_date(*m.groups())
    # a page's time stamp below a long site navigation (2024-03-15 09:30 来源:…)
    for ln in lines[12:40]:
        if not _is_prose(ln.text) and _CLOCK.search(ln.text):
            m = _DATE_ANY.search(ln.text)
            if m:
                return parse_date(*m.groups())
    # a date line at the end (落款: 2023年3月1日, or the signer and the date on one line:
    # 某县人民政府 2024年3月12日), past the page's footer
    m = None
    for m in _SIGNATURE_DATE.finditer(t[-2500:]):
        pass
    if m:
        return parse_date(*m.groups())
    # the page's address printed on it (原文链接: …/art/2023/6/5/…, …/t20230605_…)
    for u in _PRINTED_URL.findall(t[:4000] + "\n" + tail):
        d = date_in_url(u)
        if d:
            return d
    return None


# a part of the current year named with no year (一季度, 上半年, 1—3月, 今年以来): a page about
# it is dated by its own year, even when published in the year's first half
_THIS_YEARS_PERIOD = re.compile(r"(?<![\d年第])(?:[一1]季度|第[一二1-2]季度|前[二三2-3]季度|上半年|1\s*[-—–~至到]\s*(?!12\s*月)\d{1,2}\s*月|今年以来)")
_SIGNATURE_DATE = re.compile(r"^\s*(?:[\u4e00-\u9fff()（）]{2,30}\s+)?[(（]?\s*((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日\s*[)）]?\s*$", re.M)
_PRINTED_URL = re.compile(r"https?://[^\s\"'<>，。)）]+")


# the day a report was delivered, under its title: (2022年6月28日在某市人民代表大会上)
_DELIVERED = re.compile(r"\s*(?:[((]|[—-]{1,2})\s*(?:19|20)\d{2}年\d{1,2}月\d{1,2}日在")
# a date in a page's address: /t20230315_123.html, /2023-03/15/, /202303/t20230315
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_/]?(0[1-9]|1[0-2])[-_/]?(0[1-9]|[12]\d|3[01])(?!\d)"
                       r"|/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})/")


def date_in_url(url: str | None) -> date | None:
    """The publication day a government site writes into its page addresses, if any."""
    found = None
    for m in _URL_DATE.finditer(url or ""):
        ymd = m.groups()[:3] if m.group(1) else m.groups()[3:]
        found = parse_date(*ymd) or found
    return found


_COUNT_AFTER = re.compile(r"\s*(?:件|人|次|项|个|份|条|余|多|万|起|宗|名|家|场|元|%|％)")
_COUNT_BEFORE = re.compile(r"(?:超|近|约|达|共|逾|超过|余|计)$")


def _years_in(s: str, maxyear: int | None) -> list[tuple[int, str, int]]:
    """(year, '年度'|'年'|'', position) outside plan ranges (2021-2025年)."""
    blank = _YEAR_RANGE.sub(lambda m: " " * len(m.group()), s)
    blank = re.sub(r"《[^》]{0,60}》", lambda m: " " * len(m.group()), blank)
    out = []
    for m in _YEAR.finditer(blank):
        y = int(m.group(1))
        if maxyear and y > maxyear:
            continue
        nxt = blank[m.end():m.end() + 1]
        if not m.group(2) and (nxt in "-/." and nxt != "" or _DATE_GOES_ON.match(blank[m.end():m.end() + 3])):
            continue  # a date 2022-01-26
        if not m.group(2) and (_COUNT_AFTER.match(blank, m.end()) or _COUNT_BEFORE.search(blank, max(0, m.start() - 2), m.start())):
            continue  # a count: 超2000件, 近2000人次, 2,000余份 (no 年 after it)
        out.append((y, m.group(2) or "", m.start()))
    return out


# what a title names a year's words as: its plans (2024年工作要点) or its account (2023年工作总结)
_TITLE_PLAN = re.compile(r"要点|计划|思路|打算|安排|展望|谋划")
_TITLE_ACCOUNT = re.compile(r"总结|情况|成效|报告|年报")


# a part of a year a title names (上半年, 下半年, 一季度)
_PART_OF_A_YEAR = re.compile(r"上半年|下半年|[一二三四]季度|前三季度")


def _summarised_year(title: str, ys: list[tuple[int, str, int]]) -> int | None:
    """Of a title's years, the one it gives an account of when it names another's plans too
    (关于2024年工作要点及2023年工作总结的报告, 2024年工作思路暨2023年工作总结): the report
    covers the year summarised, whichever is named first. A title that names only the plans'
    year after an account with none (工作总结及2024年工作安排) gives an account of the year
    before it."""
    if len({y for y, _, _ in ys}) == 1:
        y, _, pos = ys[0]
        plan, account = _TITLE_PLAN.search(title, pos), _TITLE_ACCOUNT.search(title, 0, pos)
        if _PART_OF_A_YEAR.search(title):
            return None            # 上半年工作总结及2024年下半年工作计划: both parts of that one year
        return y - 1 if plan and account and not _TITLE_ACCOUNT.search(title, pos, plan.start()) else None
    ends = [pos for _, _, pos in ys[1:]] + [len(title)]
    plans, accounts = set(), set()
    for (y, _, pos), end in zip(ys, ends):
        plan, account = _TITLE_PLAN.search(title, pos, end), _TITLE_ACCOUNT.search(title, pos, end)
        if plan and (account is None or plan.start() < account.start()):
            plans.add(y)           # (the words first after the year say which it is)
        elif account:
            accounts.add(y)
    return accounts.pop() if len(accounts) == 1 and plans else None


def _report_year(t: str, title: str | None, lines: list[_Line], first_para: _Line | None,
                 published: date | None, kind: str) -> int | None:
    published = published or _dated_by_month(t, lines)
    maxyear = published.year if published else None
    body_start = first_para.start if first_para else 0
    body = t[body_start:body_start + 1500]
    opening = _opening_text(t, lines, first_para)
    # (after a preface of who led the work: 在市委市政府的坚强领导下,2021年全市…)
    m = re.match(r"\s*(?:在[^。，,;；\n]{0,40}?(?:下|中)\s*[,，]\s*)?((?:19|20)\d{2})\s*年(?:度|以来|来|全年|,|，|、|[\u4e00-\u9fff])", opening)
    if m and (_PLAN_YEAR.match(opening, m.start(1)) or _LAW_DATE.match(opening, m.start(1))):
        m = None                # an opening on the plans (2024年,我县将…) or on a law (2023年修订的…)
    origin = int(m.group(1)) if m and _ORIGIN.search(opening, 0, 200) else None
    stated = _stated_year(t, title, lines, first_para, opening, m, origin, body, maxyear, kind, published)
    if stated:
        return stated
    if published is not None and not _RELATIVE_YEAR.search(opening[:200]) \
            and (rel := _NEWS_LEAD_RELATIVE.search(t[:400])):
        return published.year - (rel.group(1) == "去年")   # 本网讯 今年上半年,…: a news lead the opening skips
    if published is None:
        # an undated news item's lead (2024年3月5日,某局召开…) dates it
        ev = _EVENT_DATE.match(opening)
        published = parse_date(*ev.groups()) if ev else None
    return _year_from_date_and_figures(t[body_start:body_start + 600], title, opening, body, origin,
                                       published, maxyear, kind, _own_number_year(t, body_start),
                                       _heading_year(lines, first_para, kind),
                                       _figures_year_further(t, body_start + 1500, maxyear),
                                       _epithet_year(t[body_start:body_start + 6000]),
                                       _signed_month(t, maxyear))


_YEAR_END_CUTOFF = re.compile(
    r"(?:截至|截止(?:时间|日期)?(?:为|到|至)?)\s*((?:19|20)\d{2})年12月31日"
    r"|统计(?:时间|期间|周期|时段|区间)(?:为|是)?\s*((?:19|20)\d{2})年1月1日\s*(?:至|到|—|-|~)\s*(?:\2年)?12月31日")
_REPORTS_BELOW = re.compile(r"现将[^。\n]{0,30}?((?:19|20)\d{2})\s*年(?!以来|来)[^。\n]{0,40}?(?:报告|汇报|总结|通报|公布)如下")
_DATED_LINE = re.compile(r"(?:19|20)\d{2}\s*[-年/.]\s*\d{1,2}\s*(?:[-月/.]|$)|来源|时间|日期|发布|浏览|作者|编辑|点击|字体|[::|]")


def _subtitle_year(lines: list[_Line], title: str | None, first_para: _Line | None,
                   maxyear: int | None) -> int | None:
    """The one year a subtitle or headline between the title and the opening names
    (——2023年工作回顾, 2023年全县法治政府建设亮点纷呈), not a date line nor a plan's."""
    if not title or first_para is None:
        return None
    k = next(i for i, ln in enumerate(lines) if ln is first_para)
    start = next((i + 1 for i, ln in enumerate(lines[:k]) if title.strip() and title.strip() in ln.text), None)
    if start is None:
        return None
    found = set()
    for ln in lines[start:k]:
        text = ln.text.strip()
        if len(text) > 40 or _is_prose(text) or _DATED_LINE.search(text) or re.search(r"[。;；]", text) \
                or _EVENT_TITLE.search(text) or re.search(r"讲话|发言|致辞", text):
            continue    # a date line, or the meeting a speech was given at (在2024年…会议上的讲话)
        for y, _, pos in _years_in(text, maxyear):
            if not _background_year(text, pos) and not re.match(r"\d{4}\s*年?\s*(?:以来|来)", text[pos:]):
                found.add(y)
    return found.pop() if len(found) == 1 else None


def _stated_year(t, title, lines, first_para, opening, m, origin, body, maxyear, kind, published=None) -> int | None:
    """A year the page states as its own: a title's, a period's end, a quoted report
    title's, the opening's (unless an origin or an event before later figures), a 年度
    year, a chronicle's last."""
    if title:
        ys = _years_in(title, maxyear)
        span = _SPAN_OF_YEARS.search(title) if not ys and _REPORT_TITLE.search(title) \
            and not _PLAN_DOCUMENT.search(title) else None
        if span is not None and (last := _span_end(title, span.start(), maxyear)):
            return last            # 某中院行政审判白皮书(2021—2023年): up to its last year
        if ys and _WORK_REPORT_TITLE.match(title, ys[0][2]):
            return ys[0][0] - 1    # 2024年某市政府工作报告: given in 2024, an account of 2023 (and its plans)
        if ys:
            # a news title's year of the event (2024年全市复议工作会议召开) while every figure
            # is given for another year
            report = _REPORT_TITLE.search(title) and not _EVENT_TITLE.search(title)
            # (a speech at the year's meeting, 在2024年…会议上的讲话, looks back on the year before:
            # one sentence of its figures is enough, unless it speaks of this year so far)
            other = None if report else _figures_of_another_year(
                body, ys[0][0], maxyear,
                min_sentences=1 if _SPEECH_TITLE.search(title) and not _SO_FAR_THIS_YEAR.search(body) else 2)
            if other is None and published is not None and published.month <= 4 and ys[0][0] == published.year:
                # (a title of the new year on a page of its first months: a meeting's, a plan's, or
                # a report's mistyped, whose figures are all the year's before)
                other = _looked_back_on(body, ys[0][0], maxyear)
            return other or _summarised_year(title, ys) or ys[0][0]
    head = t[:3000]
    # the report's own words on what it reports (现将我县2023年法治政府建设工作情况报告如下)
    hm = _REPORTS_BELOW.search(head)
    if hm and (maxyear is None or int(hm.group(1)) <= maxyear):
        return int(hm.group(1))
    # the data's cut-off or the statistics period at the year's last day (数据截至2024年12月31日,
    # 统计期间为2023年1月1日至2023年12月31日) names the year covered
    cm = _YEAR_END_CUTOFF.search(head)
    cut = int(cm.group(1) or cm.group(2)) if cm else None
    if cut and (maxyear is None or cut <= maxyear) and (m is None or int(m.group(1)) == cut):
        return cut             # (not over an opening's own year: 2024年,我县… ⏎ 截至2023年12月31日,…)
    # a label line of the page's year and body under its headline (2024年 · 某市司法局)
    for ln in lines[:8]:
        lm = _YEAR_LABEL.fullmatch(ln.text)
        if lm and (maxyear is None or int(lm.group(1)) <= maxyear):
            return int(lm.group(1))
    sub = _subtitle_year(lines, title, first_para, maxyear)
    if sub:
        return sub
    if kind != "annual_report":
        # a release over a stated period (2021年8月1日至2022年7月31日) covers its end year
        pm = _PERIOD.search(head)
        if pm and (maxyear is None or int(pm.group(2)) <= maxyear):
            return int(pm.group(2))
    # a quoted report title names the year it covers (《2016年度社旗法院…报告》)
    qm = re.search(r"《[^》]{0,10}?((?:19|20)\d{2})年度?[^》]{0,40}(?:报告|白皮书|情况)", head) \
        or re.search(r"《[^》]{0,40}?(?:报告|白皮书|情况)\s*[(（]((?:19|20)\d{2})年度?[)）]》", head)   # 《…白皮书(2023年度)》
    if qm and kind != "annual_report" and (maxyear is None or int(qm.group(1)) <= maxyear):
        return int(qm.group(1))
    series = _series_end(body, maxyear) if kind != "annual_report" else None
    if series:
        return series
    if m and origin is None and not _FIGURE.search(opening[:_SENTENCE.search(opening + "。").end()]):
        # an opening on a past event (2019年,某县被确定为试点县。) before figures of a later year
        later = _figures_of_another_year(body, int(m.group(1)), maxyear, min_sentences=1)
        if later and later > int(m.group(1)):
            return later
        back = _LOOK_BACK_NEXT.match(opening, _SENTENCE.search(opening + "。").end())
        if published is not None and back:
            # (…a span since a year, a reform, the new year's epithet; then 过去一年/去年 on a dated page:
            # 去年 is the year before the date, 今年 the date's; 过去一年 looks back from a page of the
            # year's first half, as an annual report is, and on one of its second half is that year)
            if back.group(1) is not None or (published.month <= 6 and back.group(2) is None):
                return published.year - 1
            return published.year
    if m and (maxyear is None or int(m.group(1)) <= maxyear) and origin is None:
        return _span_end(opening, m.start(1), maxyear) or _latest_part_of_span(opening, m.start(1), maxyear) \
            or _listed_years_end(opening, m.start(1), maxyear) \
            or _year_after_a_span_since(opening, m, body, maxyear) \
            or _later_year_in_first_sentence(opening, m, maxyear) or int(m.group(1))
    if published is not None and (_RELATIVE_YEAR.search(opening[:200]) or _RELATIVE_YEAR.search(head[:400])) \
            and not (kind == "annual_report" and published.month <= 3):
        return None            # a dated page's opening says 今年/去年: that, not a 年度 named in passing
                               # (an annual report of the spring after keeps its 年度)
    for y, suf, pos in _years_in(head, maxyear):
        if suf == "年度" and not _AGENDA.match(head, pos) and not _background_year(head, pos):
            return y
    last = _chronicle_end(lines, first_para)
    if last and (maxyear is None or last <= maxyear):
        return last
    return None


# the part of a span a later year is given (2021年以来,共办理120件,其中2023年办理39件)
_SPAN_PART = re.compile(r"其中\s*((?:19|20)\d{2})\s*年度?(?:全年)?[^。;；,，]{0,12}?\d")


# a sentence that looks back on the year (过去一年, 一年来, 去年) or speaks of this one (今年)
_LOOK_BACK_NEXT = re.compile(r"\s*(?:回顾)?(?:(去年|上一年)|过去(?:的)?一年|一年来|(今年))")


# a plan's own document, whose span is the plan's, not a report's (实施方案(2021—2025年)中期评估)
_PLAN_DOCUMENT = re.compile(r"规划|纲要|方案|计划|意见")
# a span of years (2021—2023年, 2021年至2023年, 2021-23年度): its last year
_SPAN_OF_YEARS = re.compile(r"(?:19|20)\d{2}\s*年?\s*[-—–~至到]\s*((?:19|20)?\d{2})\s*年")


def _span_end(s: str, pos: int, maxyear: int | None) -> int | None:
    """The last year of a span of years at `pos` (2021年至2023年,…; a white paper titled
    2021—2023年度): a report over several years reports up to its last."""
    sp = _SPAN_OF_YEARS.match(s, pos)
    if sp is None:
        return None
    end = sp.group(1)
    year = int(end) if len(end) == 4 else int(s[pos:pos + 2] + end)
    return year if (maxyear is None or year <= maxyear) and year > int(s[pos:pos + 4]) else None


def _listed_years_end(opening: str, pos: int, maxyear: int | None) -> int | None:
    """The last of the years an opening lists (2021年、2022年、2023年,…分别为…): a page over
    several years reports up to its last, as a span does."""
    listed = _LISTED_YEARS.match(opening, pos)
    if listed is None:
        return None
    year = int(listed.group(1))
    return year if (maxyear is None or year <= maxyear) and year > int(opening[pos:pos + 4]) else None


_LISTED_YEARS = re.compile(r"(?:(?:19|20)\d{2}\s*年度?\s*[、和及与]\s*)+((?:19|20)\d{2})\s*年")


def _later_year_in_first_sentence(opening: str, m: re.Match, maxyear: int | None) -> int | None:
    """A later year opening a clause of the first sentence with its figures (2022年,全市受理…4127件;
    2023年受理4506件,…): the page compares the year it reports with the one before."""
    first = int(m.group(1))
    stop = opening.find("。", m.end())
    stop = stop if stop >= 0 else len(opening)
    for later in _CLAUSE_YEAR.finditer(opening, m.end(), stop):
        year = int(later.group(1))
        clause_end = _CLAUSE_END.search(opening, later.end(), stop)
        end = clause_end.start() if clause_end else stop
        if first < year and (maxyear is None or year <= maxyear) and not _PLAN_YEAR.match(opening, later.start(1)) \
                and _FIGURE.search(opening, later.end(), end) and not _AIMS.search(opening, later.end(), end):
            return year        # (not …,2024年目标纠错率15%以上: a goal, no account of that year)
    return None


# a year opening a clause, said whole (not 2023年1—3月, 2023年上半年 or a date)
_CLAUSE_YEAR = re.compile(r"[;；,，]\s*((?:19|20)\d{2})\s*年(?:度)?(?![\d一二三四上下前]|第|底|末|初|以来|来|起)")
_CLAUSE_END = re.compile(r"[;；。]")


def _year_after_a_span_since(opening: str, m: re.Match, body: str, maxyear: int | None) -> int | None:
    """An opening on a span since a year (2020年以来,累计办理…312件) followed by the figures of one
    later year (2023年,全市共办理…76件): the page reports that year; the span's first year is
    only where its total starts."""
    if not _SINCE_AFTER_YEAR.match(opening, m.end(1)):
        return None
    later = _figures_of_another_year(body, int(m.group(1)), maxyear, min_sentences=1)
    return later if later and later > int(m.group(1)) else None


_SINCE_AFTER_YEAR = re.compile(r"\s*年\s*(?:以来|来)")


def _latest_part_of_span(opening: str, pos: int, maxyear: int | None) -> int | None:
    """An opening on a span since a year (2021年以来,…) whose first sentence gives a later
    year's part of the total reports up to that later year (a mid-term review's latest year)."""
    since = _SINCE_OR_NUMBER.match(opening, pos)
    if since is None or not since.group().endswith("来"):
        return None
    end = _SENTENCE.search(opening, pos)
    parts = [int(p.group(1)) for p in _SPAN_PART.finditer(opening, pos, end.start() if end else len(opening))]
    later = [y for y in parts if y > int(opening[pos:pos + 4]) and (maxyear is None or y <= maxyear)]
    return max(later) if later else None


# the meeting that adopted the report, where the page has no date of its own (本报告经2024年1月
# 12日区政府常务会议审议通过; 2024年2月,县政府常务会议审议通过了本报告; 经区政府2025年1月常务会议审议
# 通过,现将…; its numbered meeting, 2024年第2次常务会议, is of the year's first months): it is read then
_MEETING_DATE = r"((?:19|20)\d{2})年(?:(\d{1,2})月(?:(\d{1,2})日)?|第\s*\d{1,3}\s*次)"
_ADOPTED = [re.compile(p) for p in (
    r"(?:本|此|该)报告[^。\n]{0,6}?经[^。\n\d]{0,12}?" + _MEETING_DATE + r"[^。\n]{0,30}?审议(?:并)?通过",
    _MEETING_DATE + r"[^。\n]{0,30}?审议(?:并)?通过了?\s*(?:本|此|该)报告",
    r"经[^。\n\d]{0,12}?" + _MEETING_DATE + r"[^。\n]{0,30}?审议(?:并)?通过\s*[,，]\s*现将")]
# a date line of the month only (日期:2024年2月)
_MONTH_DATE_LINE = re.compile(r"\s*(?:发布)?(?:日期|时间)\s*[:：]\s*((?:19|20)\d{2})年(\d{1,2})月\s*")


def _dated_by_month(t: str, lines: list[_Line]) -> date | None:
    """The month an undated page was adopted or dated in, for its year only (the day, where
    unsaid, is the month's first): a report read in the year's first half is of the year before."""
    for rx in _ADOPTED:
        m = rx.search(t[:4000]) or rx.search(t[-1500:])
        if m and (d := parse_date(m.group(1), m.group(2) or 1, m.group(3) or 1)):
            return d
    for ln in lines[:12]:
        m = _MONTH_DATE_LINE.fullmatch(ln.text)
        if m and (d := parse_date(m.group(1), m.group(2), 1)):
            return d
    return None


def _series_end(body: str, maxyear: int | None) -> int | None:
    """The last year of a series: a page that gives its figures year by year for three years
    or more (2019年受理290件…2022年受理430件; a table's header 2019 | 2020 | 2021 | 2022)
    reports up to its latest year."""
    ys = [(y, pos) for y, _, pos in _years_in(body, maxyear)
          if not _background_year(body, pos) and not _PLAN_YEAR.match(body, pos)]
    with_figures = set()
    for k, (y, pos) in enumerate(ys):
        end = ys[k + 1][1] if k + 1 < len(ys) else len(body)
        if _FIGURE.search(body, pos + 4, min(end, pos + 60)) or re.match(r"\d{4}\s*[|｜]", body[pos:pos + 6]):
            with_figures.add(y)
    if len(with_figures) < 3:
        return None
    years = sorted(with_figures)
    # consecutive years (a series), not three scattered dates of a feature's background
    return years[-1] if years[-1] - years[0] == len(years) - 1 else None


def _year_from_date_and_figures(lead: str, title, opening, body, origin, published, maxyear,
                                kind, head_number: int | None = None,
                                headings: int | None = None, far_figures: int | None = None,
                                epithet: int | None = None,
                                signed_month: tuple[int, int] | None = None) -> int | None:
    """The year from 今年 / 去年 on a dated page, else the year the body's figures are given
    for, else the publication date (the year before for a report read in its first half),
    else the late readings of an undated page, in order (see the module's docstring)."""
    if published is not None:
        # 今年 / 去年 in the opening (or the headline) of a dated page name the year outright
        rel = _RELATIVE_YEAR.search(opening[:200]) or _RELATIVE_YEAR.search(title or "")
        if rel and rel.group(1) != "去年" and kind == "annual_report" and published.month <= 3 \
                and any(int(p.group(1)) == published.year for p in _PLAN_YEAR.finditer(body)):
            return published.year - 1  # 今年以来,… with 二、2024年工作打算 on a report of January 2024:
                                       # written before the new year its plans are for
        if rel:
            return published.year - (rel.group(1) == "去年")
    ys_body = [(y, suf, pos) for y, suf, pos in _years_in(body, maxyear)
               if not _background_year(body, pos) and y != origin]
    if ys_body and all(_dated_event(body, pos) for _, _, pos in ys_body):
        # only past events by their month (2022年10月,某市在全省首创…) and no count given for
        # their year: the page is of none of them
        ys_body = []
    if published is None:
        # 去年 / 今年 on an undated page beside a plan year (2023年,将…): that is 今年
        rel = _RELATIVE_YEAR.search(opening[:200])
        plan = _PLAN_YEAR.search(body)
        if rel and plan:
            # (an annual report's plans are for the year after the one it reports on)
            return int(plan.group(1)) - (rel.group(1) == "去年" or kind == "annual_report")
        if "今年" in body[:600]:
            this_year = _this_year_unpublished(body, ys_body)
            if this_year:
                return this_year
    if ys_body:
        cnt = Counter(y for y, _, _ in ys_body)
        first = ys_body[0][0]
        top, n = cnt.most_common(1)[0]
        return first if cnt[first] >= n or n < 2 else top
    if published:
        looks_back = _LOOKS_BACK.search((title or "") + "\n" + lead)
        this_period = _THIS_YEARS_PERIOD.search((title or "") + "\n" + lead)
        if (kind == "annual_report" or looks_back) and published.month <= 6 and not this_period:
            return published.year - 1
        return published.year
    if signed_month and kind == "annual_report":
        # signed with its month only at the end (某县人民政府 / 2024年1月): read in its first
        # half, it reports on the year before
        y, mo = signed_month
        return y - 1 if mo <= 6 else y
    if far_figures:
        return far_figures
    if headings:
        return headings
    if kind == "annual_report":
        # an annual report's plans for the next year (2024年,我县将… / 将在2024年…) and no other year
        plans = {int(m.group(1)) for m in _PLAN_YEAR.finditer(body)} | \
                {int(m.group(1)) for m in _PLAN_BEFORE.finditer(body) if not _deadline(body, m.start(1))}
        rest = _PLAN_BEFORE.sub("", _PLAN_YEAR.sub("", body))
        if len(plans) == 1 and not any(not _background_year(rest, pos) for _, _, pos in _years_in(rest, None)):
            return plans.pop() - 1     # (other years only a document's or a goal's: 2021年印发的《纲要》)
    if epithet:
        return epithet
    if kind == "annual_report" and head_number:
        # last: an annual report's own document number (某政发〔2024〕6号 under its title) is
        # of the spring after the year it reports on
        return head_number - 1
    return None


def _figures_year_further(t: str, start: int, maxyear: int | None) -> int | None:
    """Past the opening's window (a long preface first): the one year that clauses with
    counts are given for (2023年,全县共办理…60件), when two clauses or more give one and no
    other year has any."""
    seg = t[start:start + 8000]
    counts: Counter = Counter()
    for y, _, pos in _years_in(seg, maxyear):
        if _background_year(seg, pos):
            continue
        end = _SENTENCE.search(seg, pos)
        if _FIGURE.search(seg, pos, end.start() if end else len(seg)):
            counts[y] += 1
    if len(counts) == 1:
        y, n = counts.most_common(1)[0]
        return y if n >= 2 else None
    return None


# a year named by what it was (今年是“十四五”开局之年, 庆祝建党100周年): the one a page names
_Q = r"[“”\"‘’「」『』\s]*"
_EPITHETS = [
    (re.compile(_Q + r"十三五" + _Q + r"(?:规划)?(?:开局之年|开局年)"), 2016),
    (re.compile(_Q + r"十三五" + _Q + r"(?:规划)?(?:收官之年|收官年)|脱贫攻坚(?:战)?收官之年|全面建成小康社会(?:决胜|收官)之年"), 2020),
    (re.compile(_Q + r"十四五" + _Q + r"(?:规划)?(?:开局之年|开局年)"), 2021),
    (re.compile(_Q + r"十四五" + _Q + r"(?:规划)?(?:收官之年|收官年)"), 2025),
    (re.compile(_Q + r"十五五" + _Q + r"(?:规划)?(?:开局之年|开局年)"), 2026),
    (re.compile(r"七五" + _Q + r"普法(?:规划)?收官之年"), 2020),
    (re.compile(r"八五" + _Q + r"普法(?:规划)?(?:开局之年|开局年)"), 2021),
    (re.compile(r"八五" + _Q + r"普法(?:规划)?收官之年"), 2025),
    (re.compile(r"(?:建党|中国共产党成立)(?:100|一百|百)周年|建党百年"), 2021),
    (re.compile(r"新中国成立(?:70|七十)周年"), 2019),
    (re.compile(r"新中国成立(?:75|七十五)周年"), 2024),
    (re.compile(r"改革开放(?:40|四十)周年"), 2018),
    (re.compile(r"党的二十大(?:胜利)?召开之年"), 2022),
    (re.compile(r"全面贯彻(?:落实)?党的二十大精神(?:的)?开局之年"), 2023),
    (re.compile(r"全面贯彻(?:落实)?党的十九大精神(?:的)?开局之年"), 2018),
    (re.compile(r"党的十九大(?:胜利)?召开之年"), 2017),
]


# (after the signing body on the same line too: 某县人民政府 2024年1月)
_SIGNED_MONTH = re.compile(r"^\s*(?:[\u4e00-\u9fff()（）]{2,30}(?:政府|委员会|办事处|局|厅|委|办公室|中心)\s+)?"
                           r"[(（]?\s*((?:19|20)\d{2})年(\d{1,2})月\s*[)）]?\s*$", re.M)


def _signed_month(t: str, maxyear: int | None) -> tuple[int, int] | None:
    """A year and month standing alone on one of the page's last lines (its signature)."""
    tail = t[-300:]
    found = [(int(m.group(1)), int(m.group(2))) for m in _SIGNED_MONTH.finditer(tail)]
    if found and 1 <= found[-1][1] <= 12 and (maxyear is None or found[-1][0] <= maxyear):
        return found[-1]
    return None


def _epithet_year(s: str) -> int | None:
    """The year the opening names by an epithet (“十四五”开局之年 → 2021), when it names one."""
    found = {y for rx, y in _EPITHETS if rx.search(s)}
    return found.pop() if len(found) == 1 else None


# a section heading that names a year (一、2023年法治政府建设主要成效, 2023年工作总结) and one
# that names the next year's plans (三、2024年工作打算)
_HEADING_YEAR = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|\d{1,2}\s*[、.．]|[((][一二三四五六七八九十\d]{1,3}[))]|第[一二三四五六七八九十]部分)?"
                           r"\s*((?:19|20)\d{2})\s*年(?!以来|来|\d|[上下]半年|前|1\s*[-—至])")
_HEADING_PLAN = re.compile(r"打算|计划|思路|安排|展望|重点|目标|谋划")


def _heading_year(lines: list[_Line], first_para: _Line | None, kind: str) -> int | None:
    """The year the report's own section headings name, when they name one: the year of its
    work (一、2023年主要成效), else, for an annual report, the year before its plans' (三、2024年工作
    打算); none when headings name two years."""
    if first_para is None:
        return None
    k = next(i for i, ln in enumerate(lines) if ln is first_para)
    done, plans = set(), set()
    for ln in lines[k:k + 120]:
        text = ln.text.strip()
        if len(text) > 36 or _is_prose(text) or re.search(r"[。;；,，]", text):
            continue
        m = _HEADING_YEAR.match(text)
        if not m:
            continue
        (plans if _HEADING_PLAN.search(text, m.end()) else done).add(int(m.group(1)))
    if len(done) == 1:
        return done.pop()
    if not done and len(plans) == 1 and kind == "annual_report":
        return plans.pop() - 1
    return None


# a document number of the page's own under its title (长政发〔2024〕6号), not one cited in prose
_OWN_NUMBER = re.compile(r"^\s*[\u4e00-\u9fff]{1,10}[〔\[【(（]\s*((?:19|20)\d{2})\s*[〕\]】)）]\s*\d{1,4}\s*号\s*$", re.M)


def _own_number_year(t: str, body_start: int) -> int | None:
    """The year of the one document number standing on a line of its own above the body."""
    years = {int(m.group(1)) for m in _OWN_NUMBER.finditer(t, 0, min(body_start, 1500) or 0)}
    return years.pop() if len(years) == 1 else None


# (…and the year a document was issued, by whom between: 2019年中办、国办印发的《…》, 2021年印发的《…》)
_LAW_DATE = re.compile(r"\d{4}\s*年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:起)?\s*(?:正式)?(?:修订|修正|颁布|公布|施行|实施|起施行|起实施)"
                       r"|\d{4}\s*年(?:\d{1,2}月(?:\d{1,2}日)?)?[^，,;；。\n\d《]{0,16}?(?:印发|发布|出台|颁发|制定)的\s*《")
# 今年 / 去年 as the time of the opening's figures (去年全年, 今年1-11月, 去年,某市…, 去年全国各级…),
# not a comparison's base (比去年, 较去年同期) nor the year a plan is made for (今年,我县将…)
_RELATIVE_YEAR = re.compile(r"(?<![比较同与于超])(?<!超过)(?<!超出)(?<!高于)(?<!低于)(?<!多于)(?<!少于)(?<!接近)"
                            r"(今年|去年)(?:以来|全年|上半年|下半年|前三季度|一季度|前\d{1,2}个?月|"
                            r"\d{1,2}\s*[-—至到~]\s*\d{1,2}\s*月|截至|\s*[,，](?![^，,;；。]{0,10}?(?:将|计划|拟))|(?=全[国省市区县州]|我[省市区县州]|各级|"
                            r"[\u4e00-\u9fff]{2,10}?(?:各级|共[收受办审新]|全年)|"
                            r"[\u4e00-\u9fff]{0,10}?(?:行政机关|行政复议|行政诉讼|行政应诉|行政案件)))")


_EVENT_TITLE = re.compile(r"会议|发布会|座谈会|推进会|召开|举行|举办")
_REPORT_TITLE = re.compile(r"报告|白皮书|年报|年度|总结|统计|通报|情况|数据|分析|公报|综述")
_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:万|余|多)?\s*(?:件|%|次|项|人|个|宗|起|份|场)")
_SENTENCE = re.compile(r"[。;；!?！？]")


def _figures_of_another_year(body: str, year: int, maxyear: int | None, min_sentences: int = 2) -> int | None:
    """The one year other than `year` that the body's figures are given for (a year that
    opens a sentence or clause with a count in it), when it has `min_sentences` or more and
    `year` none (one is enough after an opening on a past event with no figure)."""
    counts: Counter = Counter()
    for y, _, pos in _years_in(body, maxyear):
        if _background_year(body, pos):
            continue
        end = _SENTENCE.search(body, pos)
        clause = body[pos:end.start() if end else len(body)]
        counts[y] += len(_FIGURE.findall(clause)) > 0
    if counts.get(year, 0) == 0 and len(+counts) == 1:
        other, n = (+counts).most_common(1)[0]
        return other if n >= min_sentences else None
    return None


# (not a comparison's base, 上年同期 / 上年一季度, nor 新的一年来临)
_LAST_YEAR_WORD = re.compile(r"(?<![比较同与于])(?:去年|上年|上一年|过去一年|(?<!新的)一年来)"
                             r"(?!同期|以来|[一二三四]季度|第[一二三四]季度|上半年|前三季度|\d{1,2}\s*[-—–至到~])")
# the year's own figures: 今年, or a period of it said bare (一季度,…; 1—3月,…; 上半年)
_THIS_YEAR_WORD = re.compile(r"今年|本年|(?<![上去前年])(?:第?[一二三四]季度|上半年|前三季度)|(?<![\d年])1\s*[-—–至到~]\s*\d{1,2}\s*月")


def _looked_back_on(body: str, year: int, maxyear: int | None) -> int | None:
    """The year before `year` when a page of its first months under a title of `year` (召开2024年
    全市…工作会议, 2024年工作要点) gives its figures for the year just ended (去年全市共办理…, 过去一年,
    2023年…) and none for its own year: it looks back before it plans. A sentence that names
    the year just ended with no figure, before one that opens on the whole year with figures
    (通报2023年度…情况。全年共受理…), gives them that year."""
    back = own = 0
    for rx in (_LAST_YEAR_WORD, _THIS_YEAR_WORD):
        for h in rx.finditer(body):
            if _figures_follow(body, h.end(), whole_year_next=rx is _LAST_YEAR_WORD):
                if rx is _LAST_YEAR_WORD:
                    back += 1
                else:
                    own += 1
    for y, _, pos in _years_in(body, maxyear):
        if _background_year(body, pos):
            continue
        if _figures_follow(body, pos, whole_year_next=y == year - 1):
            back += y == year - 1
            own += y == year
    return year - 1 if back and not own else None


# the words of plans and aims (全年要完成…, 力争…, 确保…): no account of a year gone
_AIMS = re.compile(r"要|将|力争|确保|计划|目标|争取")
# a sentence that opens on the whole year (全年共受理…, 一年来…)
_WHOLE_YEAR_OPENS = re.compile(r"\s*(?:全年|一年来|这一年|当年)")


def _figures_follow(body: str, pos: int, whole_year_next: bool) -> bool:
    """The sentence from `pos` has a figure, or (`whole_year_next`) has none and the next one
    opens on the whole year with one."""
    end = _SENTENCE.search(body, pos)
    stop = end.start() if end else len(body)
    if _FIGURE.search(body, pos, stop):
        return True
    if not whole_year_next or end is None or not _WHOLE_YEAR_OPENS.match(body, end.end()):
        return False
    after = _SENTENCE.search(body, end.end())
    stop = after.start() if after else len(body)
    return bool(_FIGURE.search(body, end.end(), stop)) and not _AIMS.search(body, end.end(), stop)


# an opening year that is a story's origin: 2013年某地率先试点…十余年来 / 多年来 / 10年来
_ORIGIN = re.compile(r"[。;；,，]\s*(?:[十二三四五六七八九两]|\d{1,2})?(?:十|余|多)*年(?:来|以来|间)")


# a page that looks back on a finished year: a work report read in the new year
# (a whole year's figures, 全年…收到300件, in the first half of a year are last year's)
_LOOKS_BACK = re.compile(r"一年来|过去一年|工作报告|去年全年|上一?年度|第四季度|第4季度|(?<![一二三])四季度|下半年|"
                         r"(?<!\d)1\s*[-—–至到~]\s*12\s*月|"     # (a release of 1-12月 read in January)
                         r"(?<!力争|预计|目标|计划)全年[^。;；]{0,40}?\d+(?:\.\d+)?\s*(?:万|余|多)?\s*(?:件|%|次|项|宗|起)")
_PART_YEAR = re.compile(r"((?:19|20)\d{2})年\s*(?:1\s*[至到\-—–~]\s*\d{1,2}\s*月|上半年|前三季度|一季度|第一季度|前\d{1,2}个月)")


def _chronicle_end(lines: list[_Line], first_para: _Line | None) -> int | None:
    """A retrospective told year by year, one paragraph a year (2021年,… 2022年,…
    2023年,…): it reaches up to its last year."""
    if first_para is None:
        return None
    k = next(i for i, ln in enumerate(lines) if ln is first_para)
    years = [int(m.group(1)) for ln in lines[k:k + 30] if (m := _YEAR_OPENS.match(ln.text))]
    run = 1
    for a, b in zip(years, years[1:]):
        run = run + 1 if b == a + 1 else 1
        if run >= 3 and b == max(years):
            return b
    return None


_YEAR_OPENS = re.compile(r"\s*((?:19|20)\d{2})年[,，]")


def _opening_text(t: str, lines: list[_Line], first_para: _Line | None) -> str:
    """The first prose paragraph that has a sentence (a keyword line above a news item is
    not one), past its masthead."""
    if first_para is None:
        return ""
    k = next(i for i, ln in enumerate(lines) if ln is first_para)
    for ln in lines[k:k + 6]:
        if "。" in ln.text or _opening_like(ln.text):
            m = _MASTHEAD.match(ln.text)
            return ln.text[m.end():] if m else ln.text
    return first_para.text


# a year of plans, not of figures: 2023年,将…, 2024年工作打算
_PLAN = r"\s*(?:年度?)?\s*(?:[,，]\s*)?(?:我们|我[省市区县州局委办厅]|全[省市区县州]|[区市县州镇乡旗]?(?:人民)?政府|街道|[本我]?(?:局|委|办|厅))?(?:将|要(?!闻|点|求|素|害|件|案)|计划(?!生育|单列)|拟|力争|(?:工作)?(?:计划(?!生育|单列)|打算|思路|展望)|工作(?:安排|任务|重点|目标)|重点(?:做好|抓好|推进|开展))"
_PLAN_YEAR = re.compile(r"((?:19|20)\d{2})(?=" + _PLAN + ")")
# (not a deadline, 确保到2025年率先建成…: a goal over years, which names no next year's plans)
_PLAN_BEFORE = re.compile(r"(?:将|拟|计划|力争|争取|预计|确保)(?:在|于|到)?\s*((?:19|20)\d{2})\s*年度?")
# a deadline a goal is set for (到2035年基本建成…, 锚定2035年…, 于2025年底前创成…, 力争在2026年全面
# 建成…): no year of the figures, and no next year's plans
_DEADLINE_AT = re.compile(r"(?:19|20)\d{2}\s*年(?:\d{1,2}月)?(?:底|末)?(?:前)?\s*[,，]?[^，,;；。\d]{0,12}?"
                          r"(?:建成|实现|形成|完成|建立|成为|创成|创建|达标)")
_GOAL_BEFORE = re.compile(r"(?:将|要|力争|争取|确保|努力|锚定|瞄准|紧盯|朝着|目标|计划|规划|预计)[^，,;；。]{0,6}$")
_GOAL_AFTER = re.compile(r"[^，,;；。]{0,30}?目标")
_WILL = re.compile(r"将|要|力争|争取|确保")


# a full date that leads a clause is an event's day (2024年3月5日上午,…), not the figures' year
_EVENT_DATE = re.compile(r"\s*((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日(?:上午|下午|晚上?)?\s*[,，]")


# a full date that ends its line is a signature's or a page's date (某县人民政府 2024年3月12日)
_LINE_END_DATE = re.compile(r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}日\s*[)）]?\s*(?:\n|$)")


_MONTH_EVENT = re.compile(r"(?:19|20)\d{2}年\d{1,2}月(?:\d{1,2}日)?(?:份|起|底|初|中旬|下旬|上旬)?\s*[,，]?\s*(?![-—至到~])")


def _dated_event(s: str, pos: int) -> bool:
    """A year named with its month (2022年10月,…) in a clause without counts: an event's day."""
    m = _MONTH_EVENT.match(s, pos)
    if not m:
        return False
    end = _SENTENCE.search(s, pos)
    return not _FIGURE.search(s, pos, end.start() if end else len(s))


# a later year the same sentence reaches, with what the figure had come to by then (…2018年
#为21.4%,到2020年已降至9.6%): the earlier year is where the change started
_REACHED_BY = re.compile(r"(?:到|至)\s*((?:19|20)\d{2})\s*年(?:底|末)?\s*[,，]?\s*(?:已经?|已然)?\s*"
                         r"(?:降至|降到|下降[到至为]|减少?[到至为]|增[至到]|增加[到至]|上升[到至]|提升[到至]|提高[到至]|达到|达)")


# …or by an arrow to a later year's figure, as an infographic draws it (2019年 17.9% ⏎ ↓ ⏎ 2021年 5.83%)
_ARROW_TO = re.compile(r"(?:19|20)\d{2}\s*年[^\n↑↓→]{0,12}\s*[↑↓→]\s*((?:19|20)\d{2})\s*年")


def _reached_later(s: str, pos: int) -> bool:
    if not s[pos:pos + 4].isdigit():
        return False
    end = _SENTENCE.search(s, pos)
    m = _REACHED_BY.search(s, pos + 4, end.start() if end else len(s)) or _ARROW_TO.match(s, pos)
    return m is not None and int(m.group(1)) > int(s[pos:pos + 4])


def _deadline(s: str, pos: int) -> bool:
    """The year at pos is a goal's deadline (确保到2025年率先建成…, 锚定2035年基本建成…的目标), not
    a result reached by it (截至2023年底,全面完成…; 至2022年底,建成…)."""
    h = _DEADLINE_AT.match(s, pos)
    if h is None or s[max(0, pos - 2):pos].endswith(("截至", "截止")):
        return False
    if _GOAL_BEFORE.search(s, max(0, pos - 10), pos) is not None:
        return True
    before = s[pos - 1:pos] if pos else ""
    if before in ("到", "至"):
        return _GOAL_AFTER.match(s, h.end()) is not None or _WILL.search(s, pos, h.end()) is not None
    return before in ("于", "在") and "前" in h.group()


# a goal's year a document sets (《纲要》明确,到2025年政府行为全面纳入法治轨道)
_DOCUMENT_GOAL = re.compile(r"(?:明确|提出|要求|规定|指出|强调|确定)[^。;；\n\d]{0,4}?[,，:：]?\s*(?:到|至)\s*$")
# a year an honour the sentence follows on from was won (继2021年获评…之后), or a law's year in
# brackets after its title (《优化营商环境条例》(2019年))
_FOLLOWS_ON = re.compile(r"(?:继|》\s*[(（])\s*$")


def _adoption_at(s: str, pos: int) -> bool:
    """The year at pos dates the meeting that adopted the report (only looked for where 审议 follows)."""
    if "审议" not in s[pos:pos + 60]:
        return False
    return any(m.start(1) == pos for rx in _ADOPTED for m in rx.finditer(s, max(0, pos - 30), pos + 60))


def _background_year(s: str, pos: int) -> bool:
    """A year that is not the one the figures are given for: the start of a period
    (2020年以来), a change's first year (2018年为21.4%,到2020年已降至…), a comparison's
    base (从2019年的, 由2022年的, 较2021年, 比2020年), a document number
    (〔2022〕3号), the year cases were carried over from (含2021年结转12件), a law's date
    (于2022年修订, 2024年1月1日起施行, 《…条例》(2019年)), an honour followed on from
    (继2021年获评…后), an honour of an earlier year's assessment (被评为2022年度…), the
    meeting that adopted the report, a plan's year (2024年,将…,
    将在2024年), an agenda's (根据…2024年度工作要点), a goal's deadline (到2035年基本建成) or
    an event's day (2024年3月5日,…)."""
    return bool(_BASE_BEFORE.search(s[max(0, pos - 3):pos]) or _FOLLOWS_ON.search(s, max(0, pos - 3), pos)
                or _adoption_at(s, pos)
                or (s[max(0, pos - 1):pos] == "由" and _OF_THE_YEAR.match(s, pos) is not None)
                or _PLAN_BEFORE_YEAR.search(s[max(0, pos - 5):pos])
                or _SINCE_OR_NUMBER.match(s[pos:pos + 10])
                or _PLAN_YEAR.match(s, pos) or _EVENT_DATE.match(s, pos) or _LINE_END_DATE.match(s, pos)
                or _LAW_DATE.match(s, pos) or _AGENDA.match(s, pos) or _reached_later(s, pos)
                or _AWARDED.search(s, max(0, pos - 16), pos)
                or _DOCUMENT_GOAL.search(s, max(0, pos - 16), pos)
                or _deadline(s, pos))


def _this_year_unpublished(body: str, ys_body) -> int | None:
    """今年 on a page without a date: the year of a part-year period it names (2022年1至6月
    beside 今年上半年), else the year after every past year it names, else the year before
    the plans it makes for a year (2024年,我们将…)."""
    pm = _PART_YEAR.search(body)
    if pm:
        return int(pm.group(1))
    past = [y for y, _, pos in ys_body if not re.match(r"\d{4}\s*年?\s*(?:前|底前|年底前)", body[pos:pos + 10])
            and not re.search(r"(?:到|至)\s*$", body[max(0, pos - 2):pos])
            and not _PLAN_YEAR.match(body, pos)]
    if past:
        return max(past) + 1
    plans = [int(m.group(1)) for m in _PLAN_YEAR.finditer(body)]
    return min(plans) - 1 if plans else None     # 今年以来…… 2024年,我们将: this year is 2023
