"""A saved government web page to the text of its article.

Parsing uses selectolax's lexbor engine (a maintained HTML5 parser, fast enough for folders of
thousands of pages); regular expressions only judge the *lines* of text it yields. The steps:

1. drop what never holds the article: scripts, styles, forms' controls, ``<nav>``, ``<aside>``,
   the page's own ``<header>``/``<footer>`` and elements whose class or id names a menu, a
   breadcrumb, a footer, share or print tools (``nav``, ``menu``, ``crumb``, ``footer``,
   ``dqwz`` = 当前位置, …);
2. pick the main container: the smallest element holding 80 % of the page's Han characters
   that are not link text (on most sites that is ``div#zoom`` / ``.TRS_Editor`` / ``article``),
   widened to its parent while that adds only a heading and a date line;
3. write it out keeping paragraphs as lines and table rows as ``cell | cell`` lines;
4. drop leftover chrome lines (【字体：大 中 小】, 打印, 扫一扫在手机上查看, 浏览量, ICP/公网安备
   footers, breadcrumbs) and put the page ``<title>`` (less its site name) first.

A page whose text is nearly all links (a menu or a list of articles) raises SourceError.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from lawgov.ingest.charsets import CJK_RE
from lawgov.errors import SourceError

_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)

_DROP_TAGS = ["script", "style", "noscript", "template", "iframe", "svg", "canvas", "object",
              "embed", "nav", "aside", "select", "button", "input", "textarea", "map", "audio",
              "video", "head"]
_BLOCK_TAGS = frozenset(
    "address article blockquote body center dd details dialog dir div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu ol p pre section "
    "summary table tbody thead tfoot tr td th caption ul".split())
_CANDIDATE_TAGS = frozenset("article body div main section td table form center".split())

# class/id words of page chrome. Substrings for distinctive words, whole parts for short ones.
_JUNK_SUBSTR = re.compile(r"nav|menu|crumb|footer|copyright|banquan|sidebar|share|fontsize|"
                          r"font-size|zihao|toolbar|qrcode|erweima|dqwz|weizhi|location|"
                          r"position|breadcrumb")
_JUNK_PARTS = frozenset("foot bottom side ad ads tool tools print search login related xgwz "
                        "xglj xgxx links friend yqlj bdshare comment hidden hide skip wza top "
                        "topbar welcome fenxiang dayin guanbi ewm".split())
_PART_SPLIT = re.compile(r"[-_\s]+|(?<=[a-z])(?=[A-Z])")

# Fragments removed from inside a line, then lines dropped when what is left is chrome.
_FRAGMENTS = re.compile(
    r"【\s*(?:字体|字号)[:：]?[^】]{0,20}】|[\[［]\s*(?:字体|字号)[:：]?[^\]］]{0,20}[\]］]"
    r"|(?:字体|字号)[:：]\s*(?:[大中小]\s*[|｜/]?\s*){2,3}"
    r"|【\s*(?:打印|打印本页|打印本文|关闭|关闭窗口|收藏|返回顶部|保存|纠错|分享)\s*】"
    r"|[\[［]\s*(?:打印|打印本页|关闭|关闭窗口|返回顶部|收藏)\s*[\]］]|〖\s*(?:关闭窗口|打印本页)\s*〗"
    r"|(?:浏览量|访问量|浏览次数|阅读次数|点击数|点击量|阅读量|浏览)\s*[:：]\s*[-\d]*(?:次)?"
    r"|扫一扫在手机上查看当前页面|扫一扫在手机(?:上)?(?:打开|查看)(?:当前页|本页)?"
    r"|【\s*(?:字体|字号|打印|关闭|收藏)[^】]{0,20}$")
_CHROME_LINE = re.compile(
    r"^(?:扫一扫|用手机扫|手机扫码|分享到|转载分享|打印本页|关闭窗口|返回顶部|上一篇|下一篇|"
    r"相关链接|相关文章|相关阅读|相关文件|相关稿件|责任编辑|网站地图|联系我们|关于我们|版权所有|"
    r"copyright|©|主办单位|主办[:：]|承办单位|承办[:：]|协办|技术支持|运维|网站标识码|"
    r"管理维护|网站报障|联系电话|电话[:：]|传真[:：]|地址[:：]|邮编[:：]|E-?mail[:：]|"
    r"当前位置|您当前的位置|您现在的位置|您的位置|所在位置|位置[:：]|首页\s*[>＞»›/]|"
    r"智能问答|繁體版|简体版|移动版|English)|"
    r"ICP|公网安备|网站标识码|版权所有|Copyright|All Rights Reserved", re.I)
_WIDEN_TAGS = frozenset({"div", "article", "section", "main"})
_MAX_WIDEN = 2            # levels the main container may grow to take in its heading
_WIDEN_CHARS = 150        # Han characters that growing may add at most
_CHROME_LINE_MAX = 80     # only short lines can be chrome; a paragraph of the report never is
_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title)[\s>]")
_WS = re.compile(r"[ \t\r\n\f\v]+")
# what sites put between an article's title and their own name ('——' and '－' alone are not:
# titles use them for subtitles and year ranges)
_TITLE_SPLIT = re.compile(r"\s*(?:_|\||｜)\s*|\s+[-—–－]+\s+")


def meta_charset(data: bytes) -> str | None:
    """The encoding a page declares in ``<meta charset>`` or ``http-equiv`` within its head."""
    m = _META_CHARSET.search(data[:8192])
    return m.group(1).decode("ascii", "replace") if m else None


def looks_like_html(data_or_text: bytes | str) -> bool:
    head = data_or_text[:1024]
    if isinstance(head, bytes):
        head = head.decode("latin-1")
    head = head.lstrip("\ufeff \t\r\n").lower()
    return head.startswith("<") and _HTML_START.search(head) is not None


def page_title(raw: str) -> str:
    """The article part of a page title: '关于…的报告_某市人民政府门户网站' → '关于…的报告'."""
    raw = _WS.sub(" ", raw).strip()
    for part in _TITLE_SPLIT.split(raw):
        if len(CJK_RE.findall(part)) >= 4:
            return part.strip()
    return raw


def _is_junk(node) -> bool:
    attrs = node.attributes
    names = " ".join(v for k, v in attrs.items() if k in ("class", "id") and v)
    if not names:
        return False
    if _JUNK_SUBSTR.search(names.lower()):
        return True
    return any(p.lower() in _JUNK_PARTS for p in _PART_SPLIT.split(names) if p)


def _children(node):
    child = node.first_child
    while child is not None:
        yield child
        child = child.next


def _drop_chrome(tree: LexborHTMLParser) -> None:
    tree.strip_tags(_DROP_TAGS)
    body = tree.body
    if body is None:
        return
    total = len(CJK_RE.findall(body.text(deep=True)))
    # the site's header/footer; an article's own <header> (its title and date) stays
    for node in body.css("header, footer"):
        parent, inside_article = node.parent, False
        while parent is not None:
            if parent.tag in ("article", "main"):
                inside_article = True
                break
            parent = parent.parent
        if not inside_article:
            node.decompose()
    for node in body.css("[class], [id]"):
        if node.tag in ("body", "html") or not _is_junk(node):
            continue
        # a wrapper badly named (<div class="nav-wrap"> around everything) is not chrome
        if total and len(CJK_RE.findall(node.text(deep=True))) * 2 > total:
            continue
        node.decompose()


def _score(body) -> list[tuple[object, int, int]]:
    """(element, Han characters, Han characters in link text) for each candidate container,
    innermost first, in one pass over the tree."""
    out = []
    stack = [(body, iter(list(_children(body))), [0, 0])]
    in_link = 0
    while stack:
        node, it, counts = stack[-1]
        child = next(it, None)
        if child is None:
            stack.pop()
            if node.tag == "a":
                in_link -= 1
            if stack:
                parent_counts = stack[-1][2]
                parent_counts[0] += counts[0]
                parent_counts[1] += counts[1]
            if node.tag in _CANDIDATE_TAGS:
                out.append((node, counts[0], counts[1]))
            continue
        tag = child.tag
        if tag == "-text":
            n = len(CJK_RE.findall(child.text_content or ""))
            counts[0] += n
            if in_link:
                counts[1] += n
        elif tag and not tag.startswith("-"):
            if tag == "a":
                in_link += 1
            stack.append((child, iter(list(_children(child))), [0, 0]))
    return out


def _main_container(body):
    scored = _score(body)
    by_id = {n.mem_id: (n, total, link) for n, total, link in scored}
    _, total, link = by_id[body.mem_id]
    text_chars = total - link
    if text_chars < 200 and link > 2 * text_chars:
        raise SourceError(f"a menu or list page, not an article: {link} of its {total} Chinese "
                          f"characters are link text")
    if total == 0:
        raise SourceError("the page has no Chinese text")
    need = 0.8 * text_chars
    best = min((x for x in scored if x[1] - x[2] >= need), key=lambda x: x[1])
    node, own = best[0], best[1]
    # widen to the article around the text (its heading, its date line), never to the page,
    # and never out of a table cell (in a table layout the cell is the article)
    for _ in range(_MAX_WIDEN):
        if node.tag not in _WIDEN_TAGS:
            break
        parent = node.parent
        while parent is not None and parent.mem_id not in by_id:
            parent = parent.parent
        if parent is None or parent.mem_id == body.mem_id or parent.tag not in _WIDEN_TAGS:
            break
        _, p_total, _ = by_id[parent.mem_id]
        if p_total - own > min(_WIDEN_CHARS, 0.15 * own):
            break
        node, own = parent, p_total
    return node


def _cell_text(cell) -> str:
    return _WS.sub(" ", cell.text(deep=True)).strip()


def _lines(container) -> list[str]:
    lines: list[str] = []
    buf: list[str] = []

    def flush():
        if buf:
            line = _WS.sub(" ", "".join(buf)).strip(" \xa0\u3000")
            if line:
                lines.append(line)
            buf.clear()

    stack = [iter(list(_children(container)))]
    closers: list[bool] = []
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            if closers and closers.pop():
                flush()
            continue
        tag = child.tag
        if tag == "-text":
            buf.append(child.text_content or "")
        elif not tag or tag.startswith("-"):
            continue
        elif tag == "br":
            flush()
        elif tag == "tr":
            flush()
            cells = [_cell_text(c) for c in _children(child) if c.tag in ("td", "th")]
            if any(cells):
                lines.append(" | ".join(cells))
        else:
            block = tag in _BLOCK_TAGS
            if block:
                flush()
            stack.append(iter(list(_children(child))))
            closers.append(block)
    flush()
    return lines


def _clean(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        cut = _FRAGMENTS.sub("", line)
        if cut != line:
            cut = _WS.sub(" ", cut).strip(" \xa0\u3000")
            if not cut or not CJK_RE.search(cut) and len(cut) < 20:
                continue
        if len(cut) <= _CHROME_LINE_MAX and _CHROME_LINE.search(cut):
            continue
        out.append(cut)
    return out


def main_text(html: str) -> str:
    """The article of a page: its title first, then its paragraphs, one per line."""
    tree = LexborHTMLParser(html)
    title_node = tree.css_first("title")
    title = page_title(title_node.text(deep=True)) if title_node is not None else ""
    _drop_chrome(tree)
    body = tree.body
    if body is None:
        raise SourceError("the page has no body")
    lines = _clean(_lines(_main_container(body)))
    if title and (not lines or _WS.sub("", lines[0]) != _WS.sub("", title)):
        lines.insert(0, title)
    return "\n".join(lines)
