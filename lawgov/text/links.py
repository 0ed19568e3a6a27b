"""Where a page's own text ends: the links to other articles that follow it (a line 相关阅读,
then headlines; a line 上一篇: … of its own) carry other pages' headlines and figures, and
both readers leave them out: documents when it weighs the words a page speaks as, extraction
when it decides whose figure a number is."""

from __future__ import annotations

import re

__all__ = ["RELATED_READING", "LINKS_ON_ONE_LINE", "LINK_LINE", "bullet_links_start", "own_text_end", "text_begun"]

_HEADS = ("相关阅读|相关新闻|相关链接|相关文章|相关报道|相关信息|相关稿件|推荐阅读|延伸阅读|热点推荐|往期回顾|猜你喜欢"
          "|最新信息|最新文章|热门文章|图片新闻|热点新闻|推荐文章")
_LINKS = "上一篇|下一篇|上一条|下一条|相关阅读|相关新闻|相关信息|相关文章|相关链接|相关报道|推荐阅读|延伸阅读"

# a line (matched whole) that opens the links to other articles: every figure after it is theirs
RELATED_READING = re.compile(r"\s*[【\[]?(?:" + _HEADS + r")[】\]]?\s*[:：]?\s*")
# a strip of links on one line (最新信息  某区召开…  某区发布…): its headlines are other pages'
LINKS_ON_ONE_LINE = re.compile(r"\s*[【\[]?(?:" + _HEADS + r")[】\]]?(?:\s*[:：]|[ \u3000]{2,})\s*\S")
# a line that links one other article by its headline (上一篇: …, 相关阅读: …)
LINK_LINE = re.compile(r"\s*[【\[]?(?:" + _LINKS + r")[】\]]?\s*[:：]")
_HEAD_WORD = re.compile(_HEADS)
# a figure of the page (a count, a rate, a table cell set apart by a bar, tab or spaces or on a
# line of its own, a label's figure, a label's cell after a tab made a space), not a date or
# time of its chrome
_FIGURE = re.compile(r"\d\s*(?:件|%|％|次|人|个|项|份|条|起|宗|场)|[|｜\t]\s*\d|\d\s*[|｜\t]|\d[ \u3000]{2,}[-+]?\d"
                     r"|(?:^|(?<=[^\d\s])[:：]|[ \u3000]{2}|(?<=[\u4e00-\u9fff])[ \t])[ \t]*\d+(?:\.\d+)?%?[ \t]*$"
                     r"|^[ \t]*\d[\d.]*%?(?:[ \t\u3000]+\d[\d.]*%?){2,}[ \t]*$", re.M)
# a site's counters and stamps before a figure on its line (浏览次数:356, 点击:512, 阅读:88次)
_COUNTER = re.compile(r"浏览|点击|阅读|访问|人气|热度|次数|发布|更新|时间|日期|来源|字号|字体")
# two or more lines in a row, each a dot bullet and a short headline with no sentence in it
_BULLET_RUN = re.compile(r"^(?:[ \t\u3000]*[·•][^\n。]{2,50}\n){1,}[ \t\u3000]*[·•][^\n。]{2,50}$", re.M)
# a line that links the page before or after this one (上一篇：…, 下一条：…): page-foot navigation,
# whose headlines are other pages'
_PREV_NEXT_LINE = re.compile(r"^[ \t\u3000]*(?:[【\[](?:上一|下一)[篇条][】\]]|(?:上一|下一)[篇条][ \t\u3000]*[:：])", re.M)
_RELATED_LINE = re.compile(r"^[ \t\u3000]*[【\[]?(?:" + _HEADS + r")[】\]]?[ \t\u3000]*[:：]?[ \t\u3000]*$", re.M)


def own_text_end(text: str, end: int | None = None) -> int:
    """The offset of the line that opens the links to other articles, else `end` (the text's end):
    a line 相关阅读, a run of bulleted headlines, or the page-foot line 上一篇：… once the page's
    own text has begun."""
    end = len(text) if end is None else min(end, len(text))
    end = bullet_links_start(text, end)
    end = _prev_next_start(text, end)
    if not _HEAD_WORD.search(text, 0, end):
        return end                 # no line opens the links without their word (one fast pass; the
                                   # line pattern tries its ^ at every character)
    m = _RELATED_LINE.search(text, 0, end)
    return m.start() if m else end


def _prev_next_start(text: str, end: int) -> int:
    if "上一" not in text and "下一" not in text:
        return end
    for m in _PREV_NEXT_LINE.finditer(text, 0, end):
        if text_begun(text, m.start()):
            return m.start()
    return end


def bullet_links_start(text: str, end: int | None = None) -> int:
    """Where a list of headlines begins after the page's own text: two or more lines in a row
    that each open with a dot bullet (· 市政府2023年行政复议纠错率为15.8%) and hold no sentence,
    a site's box of links under whatever name (专题专栏, 热点); else `end`."""
    end = len(text) if end is None else min(end, len(text))
    if "·" not in text and "•" not in text:
        return end
    for m in _BULLET_RUN.finditer(text, 0, end):
        if text_begun(text, m.start()) and not _data_items(m.group()) and not _outline_points(text, m, end):
            return m.start()
    return end


# a numbered section heading: one that opens the line right before a run of bullets and one right
# after it make the bullets the points of the page's own outline ((一)…⏎· 2019年:达2561件⏎· 应对:…
# ⏎(二)…), when most of them are labelled points (a short label and a colon), not headlines
_SECTION = re.compile(r"[ \t\u3000]*(?:[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)")
_LABELLED_POINT = re.compile(r"[ \t\u3000]*[·•][^\n:：]{1,12}[:：]")


def _outline_points(text: str, run: re.Match, end: int) -> bool:
    before = text.rfind("\n", 0, max(0, run.start() - 1)) + 1
    if not (_SECTION.match(text, before, run.start()) and _SECTION.match(text, run.end() + 1, end)):
        return False
    lines = [ln for ln in run.group().split("\n") if ln.strip()]
    return 2 * sum(1 for ln in lines if _LABELLED_POINT.match(ln)) > len(lines)


# a bullet line that gives a label and its figure (· 新收行政案件:1.32万件), not a headline
# (a figure with its unit or %: 图解:2023年… is a headline)
_DATA_ITEM = re.compile(r"[·•][^\n:：]{2,30}[:：]\s*[约近超逾]?\s*\d[\d,.]*\s*[万亿]?\s*(?:件|%|％|人次|人|次|个|项|份|起|宗|名|条|场|家)")


def _data_items(run: str) -> bool:
    """Half or more of a bullet run's lines are label: figure items: a list of the page's own
    figures, not a box of links."""
    lines = [ln for ln in run.split("\n") if ln.strip()]
    return 2 * sum(1 for ln in lines if _DATA_ITEM.search(ln)) >= len(lines)


def text_begun(text: str, pos: int) -> bool:
    """Whether the page's own text has begun before `pos`: its first sentence has ended, or, on
    a page with no sentence at all (a table, a list of figures), a figure stands that is not a
    site's counter or stamp. A links line before that is a site's sidebar, and the page's own
    text follows it."""
    if "。" in text:
        return text.find("。") < pos
    for m in _FIGURE.finditer(text, 0, pos):
        line = text[text.rfind("\n", 0, m.start()) + 1:m.start()]
        if not _COUNTER.search(line):
            return True
    return False
