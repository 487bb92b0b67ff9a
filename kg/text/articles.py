"""Cut a cleaned page of the district paper into articles.

A page is a sequence of units (see :mod:`kg.text.clean`): headline lines, column labels, bylines,
photo credits and paragraphs. Articles start at ``本报讯``, at a ``□ 通讯员`` byline, at a
photo caption (a paragraph ending in, or followed by, ``(… 摄)``) and at a paragraph that a
headline of the page claims. Headlines are often printed away from their article (stacked
at the top, or after the body), so they are attached by content: each headline group goes
to the article whose text shares most character bigrams with it, one group per article.

A web article file (its headline, if any, on the first line, then one blank line, then the
body without blank lines) is one article under that line; its outlet's dateline and its
bylines, wherever they stand, are read by :mod:`kg.text.bylines` and cut from the body.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import chain

from kg.text import bylines
from kg.text.clean import PARA_SEP, clean, headline_like, line_flags, units_and_texts

__all__ = ["Article", "Page", "split_page", "page_year", "article_date", "parse_names"]


@dataclass(frozen=True)
class Article:
    source: str
    n: int                              # 1-based order on the page
    kind: str                           # "news" | "photo"
    headline: str | None
    start: int                          # body = page.text[start:end]
    end: int
    date: str | None                    # "2022-08-24", "--08-24" or None
    reporters: tuple[str, ...]
    photographers: tuple[str, ...]
    body: str

    @property
    def text(self) -> str:
        return self.body


@dataclass(frozen=True)
class Page:
    source: str
    text: str                           # cleaned page text; article offsets refer to it
    year: int | None
    articles: tuple[Article, ...]


# --------------------------------------------------------------------------- small parsers

_ROLE = re.compile(r"本报记者|特约记者|通讯员|实习生|记者|通讯")
_NAME = re.compile(r"^[\u4e00-\u9fff·]{2,4}$")
_CREDIT_TAIL = re.compile(r"\s*\(([^()]{1,40}?)\s*摄(?:影)?\s*\)$")
_BOX_BYLINE = re.compile(r"^[□■◆●]?\s*(.*)$")
# A unit in parentheses and nothing else, with no sentence in it: after a paragraph, the web's
# closing credit, "(张三 李四)" or "(某某市委统战部)"; never a headline.
_PAREN_UNIT = re.compile(r"^\(([^()。!?;]{2,30})\)$")
_DATE = re.compile(r"^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日")
# (?<![\d.到至]....) after the four digits is "not after a digit, a dot, 到 or 至 (a target
# year)": written there, the pattern opens with the literal 20, which is found much faster.
_YEAR = re.compile(r"(20\d\d)(?<![\d.到至]....)年(?!以来|以前|前|底前)")
_NAME_SEP = re.compile(r"[\s、,/]+")

# Column labels and page furniture: they look like headlines but head no article. Patterns as
# text, compiled once as one alternation (compiling each as well cost start-up time for nothing).
LABELS = (
    r"^(?:聚焦|建设|打造|推进|共建)?清廉[\u4e00-\u9fff]{0,6}(?:建设)?$",   # 清廉荆州区, 建设清廉荆州区
    r"^聚焦[\u4e00-\u9fff]{2,8}年$",                                    # 聚焦干部素质提升年
    r"^[\u4e00-\u9fff]{0,4}\s*(?:简\s*讯|快\s*讯|短\s*讯)$", r"^图片新闻$",      # 简讯, 古城简讯, 县内快讯 r"^(?:本地|综合)?要闻$", r"^时评$",
    r"^\d{4}年\d{1,2}月\d{1,2}日\s*(?:星期|周)[一二三四五六日天]$",       # page header date
    r"^(?:责任编辑|编辑|校对|版式|美编|审核)\s*[:]",
    r"^【[^】]{2,10}】$",                                                # a site's column: 【工作动态】
)


_LABEL = re.compile("|".join(f"(?:{p})" for p in LABELS))      # any of them, in one search
# the label of a column of short news, each item an article under no headline (its spaced form
# too: 简　讯)
_BRIEFS_LABEL = re.compile(r"\s*(?:[\u4e00-\u9fff]{0,4}\s*)?(?:简\s*讯|快\s*讯|短\s*讯|工作动态)\s*$")
# The page header in full: its date and weekday, then the page's section and number
# ("2025年11月6日 星期四 综合新闻 3", "… 第2版 要闻"): longer than a label, heads no article.
_PAGE_HEADER = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日\s*(?:星期|周)[一二三四五六日天]"
                          r"(?:\s*(?:第\s*\d{1,2}\s*版|\d{1,2})?\s*[\u4e00-\u9fff]{0,6}\s*(?:第\s*\d{1,2}\s*版|\d{1,2})?)$")


def is_label(line: str) -> bool:
    s = line.strip()
    return (len(s) <= 16 and _LABEL.search(s) is not None) or (len(s) <= 32 and _PAGE_HEADER.match(s) is not None)


def parse_names(byline: str) -> tuple[str, ...]:
    """Names in a byline or credit: ``通讯员高艳璇 吴申畅`` -> (高艳璇, 吴申畅); role words
    (通讯员, 特约记者, 记者, and the typo 通讯) are dropped."""
    s = _ROLE.sub(" ", byline.replace("摄", " "))
    names = [n for t in _NAME_SEP.split(s) if _NAME.match(t) for n in bylines.split_run(t)]
    return tuple(dict.fromkeys(names))


def page_year(text: str) -> int | None:
    """The year of the page: the most frequent ``20xx年`` (ties: the latest), not counting
    ``20xx年以来`` or targets (``到2035年``). None when the page names no year."""
    counts: dict[int, int] = {}
    for y in map(int, _YEAR.findall(text)):
        counts[y] = counts.get(y, 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda y: (counts[y], y))


def article_date(body: str, year: int | None) -> str | None:
    """The date the body opens with (``8月24日,…``, ``4月22日至25日`` -> the first day):
    ISO with the year (explicit or the page's), ``--MM-DD`` without; None when the body
    does not open with a date (近日, 日前…)."""
    m = _DATE.match(body)
    if not m:
        return None
    month, day = int(m.group(2)), int(m.group(3))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    y = int(m.group(1)) if m.group(1) else year
    return f"{y:04d}-{month:02d}-{day:02d}" if y else f"--{month:02d}-{day:02d}"


def _before(date: str | None, published: str, body: str) -> str | None:
    """A date the year was added to from the publication date cannot fall after it: a page of
    2024-01-04 that reports 12月30日 reports 2023-12-30."""
    if date and published and date > published and len(date) == 10 and not _DATE.match(body).group(1):
        return f"{int(date[:4]) - 1:04d}{date[4:]}"
    return date


# --------------------------------------------------------------------------- similarity

_BIGRAM = re.compile(r"(?=([\u4e00-\u9fff0-9A-Za-z]{2}))")


def _bigrams(s: str) -> set[str]:
    """The character bigrams of the runs of ideographs, digits and letters in s."""
    return set(_BIGRAM.findall(s))


def _headline_bits(text: str, spans, line_ids) -> tuple[dict[str, int], dict[int, int]]:
    """Number the bigrams of the page's headline lines (``line_ids``, unit indexes): one bit
    each. Returns the bit of every bigram and the bigram set of every line as a mask of bits:
    ``len(a & b)`` of bigram sets is then ``(mask_a & mask_b).bit_count()``, much cheaper."""
    sets = {i: set(_BIGRAM.findall(text, *spans[i])) for i in line_ids}
    bit = {bg: 1 << k for k, bg in enumerate(set().union(*sets.values()))}
    return bit, {i: sum(map(bit.__getitem__, bgs)) for i, bgs in sets.items()}


def _pair_codes(codes: memoryview, a: int, b: int) -> tuple[memoryview, memoryview]:
    """The character bigrams of ``text[a:b]`` as 64-bit ints (two UTF-32 code units each),
    ``codes`` being the text's UTF-32: those at even and those at odd offsets from a."""
    even = codes[4 * a:4 * (a + (b - a) // 2 * 2)]
    odd = codes[4 * (a + 1):4 * (a + 1 + max(b - a - 1, 0) // 2 * 2)]
    return even.cast("Q"), odd.cast("Q")


def _draft_bigrams(text: str, drafts: list["_Draft"], bit: dict[str, int]) -> None:
    """Set each draft's open_mask and body_mask: which of the headline bigrams (``bit``) occur
    in its opening (150 characters) and in its body.

    Scores only ever intersect these with headline bigrams, so they score exactly as the
    drafts' full bigram sets would. The bigrams are read as 64-bit ints straight from the
    page's UTF-32 bytes and looked up among the hundred or so headline bigrams, in C: no
    string per bigram (an Aho-Corasick pass cost three times as much: its trie looks a
    character up among all the first characters of the bigrams, one by one)."""
    if not bit:
        return
    keys = memoryview("".join(bit).encode("utf-32-le")).cast("Q")    # the bigrams of bit, in order
    code_bit = dict(zip(keys, bit.values()))
    heads = set(code_bit)
    codes = memoryview(text.encode("utf-32-le", "surrogatepass"))
    for d in drafts:
        if d.end - d.start < 2:
            continue
        o = min(d.start + 150, d.end)                   # bigrams ending before o: the opening
        d.open_mask = sum(map(code_bit.__getitem__, heads.intersection(chain(*_pair_codes(codes, d.start, o)))))
        rest = heads.intersection(chain(*_pair_codes(codes, o - 1, d.end)))
        d.body_mask = d.open_mask | sum(map(code_bit.__getitem__, rest))


# --------------------------------------------------------------------------- segmentation

@dataclass
class _Draft:
    kind: str
    first: int                          # unit indexes
    last: int
    start: int                          # offsets in page text
    end: int
    reporters: tuple[str, ...] = ()
    photographers: tuple[str, ...] = ()
    candidate: bool = False             # a paragraph after headlines: an article only if one claims it
    headline: str | None = None
    open_mask: int = 0                  # headline bigrams in the opening / the body (_draft_bigrams)
    body_mask: int = 0


@dataclass
class _Group:
    lines: list[int]                    # unit indexes of the headline lines
    reporters: tuple[str, ...] = ()
    photographers: tuple[str, ...] = ()
    before: int = -1                    # unit index just before the group / just after it
    after: int = -1


def _classify(lines: list[str]) -> list[str]:
    """The kind of each unit (its text): start, byline, credit, tail, label, head, caption or body."""
    flags = line_flags(lines)
    kinds: list[str] = []
    for s, start, byline, credit, head in zip(lines, flags.start, flags.byline, flags.credit, flags.head):
        if start or (not head and bylines.dateline(s)):
            k = "start"
        elif byline:
            k = "byline"
        elif credit:
            k = "credit"
        elif kinds and kinds[-1] in ("body", "start") and s.startswith("(") and _PAREN_UNIT.match(s):
            k = "tail"      # (a short item of a column, ●3月15日…, closed by its credit on a line of its own)
        elif head:
            k = "label" if is_label(s) else "head"
        elif s.endswith(")") and _CREDIT_TAIL.search(s):
            k = "caption"
        elif s.endswith(")") and _brief_credit(s):
            k = "brief"
        else:
            k = "body"
        kinds.append(k)
    return kinds


def _brief_credit(s: str) -> bylines.Credit | None:
    """The reporters of a paragraph that closes with its own byline (``…资料。(通讯员 张三)``):
    on the paper's page such a paragraph is a short item (简讯) of its own, whatever precedes it."""
    end, credit = bylines.closing(s)
    if end < len(s) and credit.reporters and _ROLE.search(s, end):
        return credit
    return None


def _tail_reporters(inner: str) -> tuple[str, ...]:
    """The reporters of a credit in parentheses that names their role ("通讯员 张三"), else ()."""
    if not _ROLE.search(inner) or "摄" in inner:
        return ()
    return parse_names(inner)


def _segment(text: str, spans, kinds) -> tuple[list[_Draft], list[_Group]]:
    drafts: list[_Draft] = []
    groups: list[_Group] = []
    cur: _Draft | None = None
    heads_since = False                 # a headline came after the current article's last unit
    pending: bylines.Credit | None = None      # a byline waiting for the article it heads
    n = len(spans)
    # A paragraph whose reporter credit stands apart right after it ("…体检。" / "(通讯员 张三)"),
    # the line broken before the parenthesis: in a column of 简讯 it is an item of its own when
    # the article before is already signed (its credit is no second byline of that article).
    signed = {i - 1: c for i in range(1, n) if kinds[i] == "tail" and kinds[i - 1] == "body"
              for c in [_tail_reporters(text[spans[i][0] + 1:spans[i][1] - 1])] if c}
    closed = False                      # the current article was signed at its end
    briefs = False                      # under the label of a column of short news (简讯)
    for i, ((a, b), k) in enumerate(zip(spans, kinds)):
        if briefs and k == "body" and _DATE.match(text[a:a + 12]) and not (i + 1 < n and kinds[i + 1] == "credit"):
            # an item of a column of short news (简讯) opens with its date, under no headline or
            # byline of its own: an article of its own, not the end of the article before the
            # column (one followed by a photo credit is the photo's caption)
            cur = _Draft("news", i, i, a, b)
            drafts.append(cur)
            heads_since, pending, closed = False, None, False
            continue
        if k == "body" and i in signed and cur is not None and cur.reporters \
                and (closed or set(signed[i]) != set(cur.reporters)):
            cur = _Draft("news", i, i, a, b, reporters=signed[i])
            drafts.append(cur)
            heads_since, pending, closed = False, None, True
            continue
        if k == "body" and cur is not None and not heads_since and pending is None \
                and not (i + 1 < n and kinds[i + 1] == "credit"):
            cur.last, cur.end = i, b    # the common case, first: a paragraph goes on with the article
            continue
        if k == "head":
            briefs = False
            if groups and groups[-1].after == -2:
                groups[-1].lines.append(i)
            else:
                groups.append(_Group([i], before=i - 1, after=-2))
            heads_since = True
            continue
        if k == "label":
            briefs = _BRIEFS_LABEL.match(text, a, b) is not None
            continue
        if groups and groups[-1].after == -2:
            groups[-1].after = i
        if k == "byline":
            credit = bylines.parse_byline(_BOX_BYLINE.match(text[a:b].strip()).group(1))
            if not credit:
                continue                # an editor's line (编辑:…, 审核:…): no byline, no article
            if i + 1 < n and kinds[i + 1] == "body" and not (i + 2 < n and kinds[i + 2] == "credit"):
                pending = credit
            elif groups and groups[-1].after == i:
                groups[-1].reporters, groups[-1].photographers = credit.reporters, credit.photographers
            elif cur is not None:       # the web also signs an article at its end
                _credit(cur, credit)
            continue
        if k == "tail":
            if cur is not None:
                inner = text[a + 1:b - 1]
                if _CREDIT_TAIL.search(text, a, b):
                    _credit(cur, bylines.Credit((), parse_names(inner)), more=True)
                else:
                    _credit(cur, bylines.paren_credit(inner) or bylines.Credit(), more=True)
            continue
        if k == "credit":
            # taken with the paragraph before it; after a headline or byline (the web's lead
            # photo), it credits the article that follows
            if i and kinds[i - 1] in ("head", "label", "byline") and i + 1 < n and kinds[i + 1] == "body":
                pending = bylines.Credit(pending.reporters if pending else (),
                                         parse_names(text[a + 1:b - 1]))
            continue
        if k == "start":
            closed = False
            # a bulleted item of a column (■ 6月3日…) has no dateline: its text starts after the bullet
            length, credit = bylines.dateline(text[a:b]) or (len(text[a:b]) - len(text[a:b].lstrip("□■◆●△▲★ ")),
                                                             bylines.Credit())
            cur = _Draft("news", i, i, a + length, b, reporters=credit.reporters,
                         photographers=credit.photographers)
            drafts.append(cur)
            heads_since, pending = False, None
            continue
        if k == "brief":
            cur = _Draft("news", i, i, a, b, reporters=_brief_credit(text[a:b]).reporters)
            drafts.append(cur)
            heads_since, pending, closed = False, None, True
            continue
        credit = None
        if k == "caption":
            m = _CREDIT_TAIL.search(text, a, b)         # ($ matches at b)
            credit, end = m.group(1), m.start()
        elif i + 1 < n and kinds[i + 1] == "credit":
            credit, end = text[spans[i + 1][0] + 1:spans[i + 1][1] - 1], b
        if credit is not None:
            drafts.append(_Draft("photo", i, i, a, end, photographers=parse_names(credit)))
            cur, heads_since, pending = None, False, None
            continue
        if pending is not None:
            cur = _Draft("news", i, i, a, b, reporters=pending.reporters, photographers=pending.photographers)
            drafts.append(cur)
        elif cur is not None and not heads_since:
            cur.last, cur.end = i, b
        else:
            cur = _Draft("news", i, i, a, b, candidate=True)
            drafts.append(cur)
        heads_since, pending = False, None
    if groups and groups[-1].after == -2:
        groups[-1].after = n
    return drafts, groups


def _credit(d: _Draft, credit: bylines.Credit, more: bool = False) -> None:
    """Credit an article with a byline found away from its opening, unless it has one; with
    ``more``, add its names: a web article may sign at its top (本网讯(通讯员 张三)) and again
    at its end ((张三 李四)), where on the paper a byline line may open the next article."""
    if more or not d.reporters:
        d.reporters = tuple(dict.fromkeys(d.reporters + credit.reporters))
    if more or not d.photographers:
        d.photographers = tuple(dict.fromkeys(d.photographers + credit.photographers))


def _line_scores(mask: int, opens: list[int], bodies: list[int]) -> list[float]:
    """How well a headline line (its bigram mask) matches each draft (the masks of their
    openings and bodies): the opening, or (less) the body."""
    n = mask.bit_count()
    if not n:
        return [0.0] * len(opens)
    return [max((mask & o).bit_count() / n, 0.8 * ((mask & b).bit_count() / n)) for o, b in zip(opens, bodies)]


def _split_groups(groups: list[_Group], drafts: list[_Draft], line_mask: dict[int, int]) -> list[_Group]:
    """Split each stack of headline lines into headline + subtitle groups: a line opens a new
    group when it matches another article clearly better than the group's article.
    ``line_mask``: the bigram mask of each headline line (by unit index)."""
    if not drafts:
        return groups
    opens, bodies = [d.open_mask for d in drafts], [d.body_mask for d in drafts]
    out = []
    for g in groups:
        cur = _Group([g.lines[0]], before=g.before)
        out.append(cur)
        if len(g.lines) > 1:                            # a single line stays as it is
            scores = _line_scores(line_mask[g.lines[0]], opens, bodies)
            cur_strength = max(scores)
            cur_best = scores.index(cur_strength)       # the first best, as max() picks
        for li in g.lines[1:]:
            scores = _line_scores(line_mask[li], opens, bodies)
            s_best = max(scores)
            best = scores.index(s_best)
            s_cur = scores[cur_best]
            # A strong line after a weak one (a stray headline of an article not yet claimed)
            # also opens a group of its own.
            other = best != cur_best and s_cur < s_best - 0.15 and s_cur < 0.5
            if s_best >= 0.5 and (other or cur_strength < 0.3):
                cur.after = li
                cur = _Group([li], before=cur.lines[-1])
                out.append(cur)
                cur_best, cur_strength = best, s_best
            else:
                cur.lines.append(li)
                cur_strength = max(cur_strength, s_cur)
        cur.after, cur.reporters, cur.photographers = g.after, g.reporters, g.photographers
    return out


def _next_content(kinds, i: int, step: int) -> int:
    """The next unit from i in direction step that is not a label, byline or credit."""
    while 0 <= i < len(kinds) and kinds[i] in ("label", "byline", "credit", "tail"):
        i += step
    return i


def _assign(text, spans, kinds, groups: list[_Group], drafts: list[_Draft],
            line_mask: dict[int, int]) -> None:
    """Give each article at most one headline group, best matches first."""
    masks = [(d.open_mask, d.body_mask) for d in drafts]
    by_first = {d.first: di for di, d in enumerate(drafts)}     # a unit opens one draft at most
    candidates = [di for di, d in enumerate(drafts) if d.candidate]
    pairs = []
    for gi, g in enumerate(groups):
        mask = 0
        for i in g.lines:                               # the space stops bigrams across lines
            mask |= line_mask[i]
        n = mask.bit_count()
        if n:
            scores = [0.6 * ((mask & o).bit_count() / n) + 0.4 * ((mask & b).bit_count() / n) for o, b in masks]
        else:
            scores = [0.6 * 0.0 + 0.4 * 0.0] * len(drafts)
        # The draft right after the group, or a photo right before it, gets 0.2 once.
        near = {by_first.get(_next_content(kinds, g.after, +1))}
        prv = by_first.get(_next_content(kinds, g.lines[0] - 1, -1))
        if prv is not None and drafts[prv].kind == "photo":
            near.add(prv)
        for di in near - {None}:
            scores[di] += 0.2
        # A photo's headline is a caption's title: it rarely shares words with the caption, but
        # printed right above it with no byline of its own, it is the photo's.
        nxt = by_first.get(_next_content(kinds, g.after, +1))
        if nxt is not None and drafts[nxt].kind == "photo" and not g.reporters and kinds[g.after] != "byline":
            scores[nxt] += 0.1
        if g.reporters:
            for di in candidates:
                scores[di] += 0.1
        if 0 <= g.after < len(kinds) and kinds[g.after] == "byline":
            # headline, □ 通讯员 byline, then the body: the headline heads that body, even when
            # a feature's title shares no words with its opening
            nxt = by_first.get(_next_content(kinds, g.after, +1))
            if nxt is not None and not drafts[nxt].candidate:
                scores[nxt] += 0.1
        # Weaker pairs are never taken.
        pairs += [(score, -gi, -di, gi, di) for di, score in enumerate(scores) if score >= 0.3]
    pairs.sort(reverse=True)
    used_g, used_d = set(), set()
    for score, _, _, gi, di in pairs:
        if gi in used_g or di in used_d:
            continue
        used_g.add(gi)
        used_d.add(di)
        d = drafts[di]
        d.headline = " ".join(text[slice(*spans[i])] for i in groups[gi].lines)
        if groups[gi].reporters and not d.reporters:
            d.reporters = groups[gi].reporters
        if groups[gi].photographers and not d.photographers:
            d.photographers = groups[gi].photographers


_WEB_HEAD = re.compile(r"[ \t\u3000]*([^\n]{2,100}?)[ \t\u3000]*\r?\n[ \t\u3000]*\r?\n(?=[^\n]*[^\s])")
_BLANK_LINE = re.compile(r"\n[ \t\u3000\r]*\n(?=\s*\S)")
_CREDITS = re.compile(r"\(([^()]{1,40}?)\s*摄(?:影)?\s*\)")


_LINE_STARTS_ARTICLE = re.compile("^[ \t\u3000]*本报讯", re.M)


# A site's page furniture on lines of its own: the source and date line (来源: … 发布时间: …
# 浏览次数: …), the font-size and share widgets (【字体:大 中 小】, 分享到:, 【打印本页】【关闭窗口】).
# A line is furniture only when it opens with a field name and its colon (after a date-time at
# most) or holds nothing but widget words, and has no sentence end: never a sentence of news.
_META_KEY = (r"(?:信息来源|文章来源|稿件来源|来源|发布(?:时间|日期|者|机构)|更新(?:时间|日期)"
             r"|(?:浏览|阅读|点击|访问)(?:次数|量|数|率)?|作者|撰稿人?|字号|字体"
             r"|(?:时间|日期)(?=[ \t\u3000]*[:：][ \t\u3000]*\d))")
_WIDGET = r"[【\[]?(?:字体|字号|大|中|小|默认|打印本页|打印|关闭本页|关闭窗口|关闭|分享到|分享|收藏|纠错|返回顶部)[】\]]?[ \t\u3000:：]*"
_EDITOR_KEY = bylines.editor_roles()
_FURNITURE = re.compile(
    r"^[ \t\u3000]*(?:(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:[ \t\u3000]+\d{1,2}:\d{2}(?::\d{2})?)?[ \t\u3000]*)?"
    rf"[【\[]?{_META_KEY}[】\]]?[ \t\u3000]*[:：][^\n。!?！？]{{0,120}}|(?:{_WIDGET})+"
    # an editor's line at the article's end (（编辑：赵敏）, 责任编辑：赵敏): no text of it, no byline
    rf"|[（(]?(?:{_EDITOR_KEY})[ \t\u3000]*[:：][^\n。!?！？()（）]{{1,40}}[）)]?)[ \t\u3000\r]*(?:\n|$)", re.M)
_META_KEY_RE = re.compile(_META_KEY)
_AUTHOR = re.compile(r"(?:作者|撰稿人?)[ \t\u3000]*[:：]")


def _strip_furniture(raw: str) -> tuple[str, tuple[str, ...], str]:
    """The page without its furniture lines, and the names a furniture line gives as the
    author (作者: 张三  来源: …), and the furniture's text. Furniture right below the first line leaves the blank line a
    site puts between its headline and the body."""
    cuts = list(_FURNITURE.finditer(raw))
    if not cuts:
        return raw, (), ""
    names: list[str] = []
    out, at = [], 0
    first_end = raw.find("\n")
    for m in cuts:
        a = _AUTHOR.search(m.group())
        if a:
            k = _META_KEY_RE.search(m.group(), a.end())
            names += parse_names(m.group()[a.end():k.start() if k else None].strip(" \t\u3000\r\n"))
        out.append(raw[at:m.start()])
        if m.start() == first_end + 1 and raw[:first_end].strip() and not raw.startswith("\n", m.end()):
            out.append("\n")               # the headline keeps its blank line (one: the site's own may follow)
        at = m.end()
    out.append(raw[at:])
    return "".join(out), tuple(n for n in names if _NAME.match(n)), "".join(m.group() for m in cuts)


# A paper page's masthead block, its top lines around the date line ("2025年11月20日 星期四"):
# the paper's name (光山新闻, 宁国报, NINGGUO BAO, 中共宁国市委机关报) and the page (第2版 要闻,
# A02 要闻, 综合 2), each on a line of its own or on the date's line.
_HEADER_DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日[\s\u3000]*(?:星期|周)[一二三四五六日天]")
_HEADER_LINE = re.compile(
    r"(?:今日\S{1,2}版\s*)?(?:第\s*[\d一二三四五六七八九十]{1,2}\s*版|[A-H]\d{1,2})(?:\s+\S{1,8}){0,2}"
    r"|[\u4e00-\u9fff·]{2,6}\s+第?\s*\d{1,2}\s*版?"
    r"|(?:今日)?[\u4e00-\u9fff]{2,6}(?:报|新闻|日报|时讯|融媒)(?:\s+\S{1,8}){0,2}"
    r"|中共\S{2,12}机关报(?:\s+\S{1,6})?|[A-Z][A-Z ]{3,30}|\d{1,2}")
_TOP_LINES = 6


def _strip_masthead(raw: str) -> tuple[str, str]:
    """The page without the masthead block at its top, and that block: the lines down to the
    date line that are all masthead, then those right below it that are. A page whose top
    lines hold no date line keeps them (the web's headline, the 荆州区 pages' blank top)."""
    if _HEADER_DATE.search(raw, 0, 400) is None:
        return raw, ""
    lines = raw.split("\n", 12)
    k, seen, date_at = 0, 0, -1
    while k < len(lines) - 1 and seen < _TOP_LINES:
        t = lines[k].strip(" \t\u3000")
        if t:
            seen += 1
            if len(t) <= 60 and _HEADER_DATE.search(t):      # (第2版 综合 2025年11月10日 星期一)
                date_at = k
                break
            if not _HEADER_LINE.fullmatch(t):
                return raw, ""
        k += 1
    if date_at < 0:
        return raw, ""
    k = date_at + 1
    while k < len(lines) - 1 and (not lines[k].strip(" \t\u3000") or _HEADER_LINE.fullmatch(lines[k].strip(" \t\u3000"))):
        k += 1
    while k > date_at + 1 and not lines[k - 1].strip(" \t\u3000"):
        k -= 1          # (blank lines below the block stay: they are the page's)
    return "\n" + "\n".join(lines[k:]), "\n".join(lines[:k])


_FURNITURE_YEAR = re.compile(r"(20\d\d)[-/.年]\d")


def _furniture_year(furniture: str) -> int | None:
    m = _FURNITURE_YEAR.search(furniture) if furniture else None
    return int(m.group(1)) if m else None


def _web_file(raw: str) -> tuple[str | None, str] | None:
    """(headline or None, body) of a web article file: one article, its paragraphs on lines of
    their own with no blank line between, after a first line and one blank line when the site
    gave a headline. The paper's pages open with blank lines and hold many: None for them."""
    if len(_LINE_STARTS_ARTICLE.findall(raw, 0, 20000)) >= 2:
        return None      # two lines open with 本报讯: a paper's page of several articles, blank lines or not
    m = _WEB_HEAD.match(raw)
    if m and not m.group(1).rstrip().endswith(("。", "!", "?", "！", "？")) and not _BLANK_LINE.search(raw, m.end()):
        return m.group(1), raw[m.end():]
    if raw.strip() and not _BLANK_LINE.search(raw):
        # a site that prints no blank line below its headline: a first line that reads as a
        # headline (no sentence end, no dateline) heads the lines below it
        first, nl, rest = raw.lstrip().partition("\n")
        if nl and rest.strip() and len(first.strip()) <= 60 and headline_like(first.strip()) \
                and not bylines.dateline(first.strip()) and not bylines.is_web_byline(first.strip()):
            return first.strip(), rest
        return None, raw
    return None


def split_page(source: str, raw_text: str, published: str = "") -> Page:
    """Clean a raw page and cut it into articles (in page order, numbered from 1).

    ``published`` (YYYY-MM-DD, from a manifest or --date) gives the year of dates written
    without one; without it, the page's own most frequent year does."""
    raw_text, masthead = _strip_masthead(raw_text)
    raw_text, authors, furniture = _strip_furniture(raw_text)
    furniture = masthead + furniture
    web = _web_file(raw_text)
    # The headline is cleaned apart: cleaning joins a line that ends no sentence (a headline
    # with a comma in it) to the next, as it must the paper's broken lines.
    head = clean(web[0]).strip("\n") if web and web[0] else ""
    rest = clean(web[1]) if head and "\n" not in head else ""
    text = head + PARA_SEP + rest if rest else clean(raw_text)
    # (the year of a site's 发布时间 line dates the article's 6月12日 when the body has none)
    year = int(published[:4]) if published else page_year(text) or _furniture_year(furniture)
    spans, lines = units_and_texts(text)
    kinds = _classify(lines)
    if web:
        if rest and kinds[0] not in ("label", "byline", "start", "credit"):
            kinds[0] = "head"
        # One article to the file: a photo credit or caption in it credits the article.
        kinds = [("body" if k in ("caption", "brief") else "tail" if k == "credit" and i and kinds[i - 1] == "body" else k)
                 for i, k in enumerate(kinds)]
    drafts, groups = _segment(text, spans, kinds)
    bit, line_mask = _headline_bits(text, spans, [i for g in groups for i in g.lines])
    if groups and drafts:
        _draft_bigrams(text, drafts, bit)
    groups = _split_groups(groups, drafts, line_mask)
    _assign(text, spans, kinds, groups, drafts, line_mask)
    if rest and drafts and kinds[0] == "head" and drafts[0].headline is None \
            and not any(d.headline == lines[0] for d in drafts):
        drafts[0].headline = lines[0]   # a web file is one article, under the file's first line

    # A paragraph no headline claimed continues the article before it.
    kept: list[_Draft] = []
    for d in drafts:
        if d.candidate and d.headline is None and kept and kept[-1].kind == "news":
            kept[-1].last, kept[-1].end = d.last, d.end
        else:
            kept.append(d)

    articles = []
    for d in kept:
        start, end = d.start, d.end
        while start < end and text[start] in " \n":
            start += 1
        while end > start and text[end - 1] in " \n":
            end -= 1
        reporters, photographers = d.reporters, d.photographers
        if d.kind == "news" and start < end:
            # the dateline and byline are no part of the text (ANNOTATION.md: not entities, not
            # starts_with), but their names credit the article
            start, head_credit = bylines.opening(text, start, end)
            end, tail_credit = bylines.closing(text, start, end)
            # (a web article may credit its reporter at the top and its reporters again at the end:
            # 本网讯(通讯员 张三)… (张三 李四))
            reporters = reporters or tuple(dict.fromkeys(head_credit.reporters + tail_credit.reporters)) \
                or (authors if web and d is kept[0] else ())
            photographers = photographers or tuple(dict.fromkeys(head_credit.photographers + tail_credit.photographers))
            if web and text.find("摄", start, end) >= 0:
                photographers = tuple(dict.fromkeys(photographers + tuple(
                    n for m in _CREDITS.finditer(text, start, end) for n in parse_names(m.group(1)))))
            while end > start and text[end - 1] in " \n":
                end -= 1
        if start >= end:
            continue
        body = text[start:end]
        articles.append(Article(source=source, n=len(articles) + 1, kind=d.kind,
                                headline=d.headline, start=start, end=end,
                                date=_before(article_date(body, year), published, body), reporters=reporters,
                                photographers=photographers, body=body))
    return Page(source=source, text=text, year=year, articles=tuple(articles))
