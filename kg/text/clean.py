"""Undo what PDF text extraction did to a page of the district paper.

Each rule is a small pure function ``str -> str``; :func:`clean` composes them in a fixed
order. The output has one *unit* per line (a paragraph, a headline line, a byline, a photo
credit) and units are separated by one blank line. That format is a fixed point of the
rules, so ``clean(clean(x)) == clean(x)``.

Why the order matters:

* NFKC first, so every later rule sees ASCII digits and punctuation (``，`` -> ``,``).
* Doubled bold text (``77 月月 1010 日日``) is recognised by its space-separated tokens,
  so it is collapsed before spaces are removed.
* Lines are joined before spaces are removed: whether ``近`` in ``本报讯 近`` is a
  letter-spaced single character can only be told once the next line (``日,…``) is attached.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import accumulate, chain, compress, count, repeat
from operator import itemgetter, or_
from typing import Callable, NamedTuple

from kg.text.bylines import bare_names, is_web_byline, role_initials

__all__ = ["nfkc", "remove_cjk_spaces", "collapse_doubled", "collapse_repeated_headline",
           "join_broken_lines", "clean", "headline_flags", "units", "is_cjk", "ends_sentence", "headline_like",
           "is_article_start", "is_byline_line", "is_credit_line", "line_flags", "LineFlags", "units_and_texts",
           "PARA_SEP"]

PARA_SEP = "\n\n"

# Characters PDF extraction leaves that carry no text.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"

# Characters NFKC never touches whatever surrounds them: each is its own NFKD, has combining
# class 0 and is the second half of no canonical composition (tests/test_clean.py checks every
# one). A page is mostly these; what else it holds is usually full-width punctuation.
NFKC_STABLE = ("\x00-\x7f\u00ad\u00b7\u200b-\u200d\u2013\u2014\u2018\u2019\u201c\u201d\u2060"
               "\u25a0\u25a1\u25c6\u25cf\u3001\u3002\u3007-\u3011\u3014\u3015\u3400-\u4dbf"
               "\u4e00-\u9fff\ufeff")
_NOT_NFKC_STABLE = re.compile(f"[^{NFKC_STABLE}]")
_NFKC_STABLE_RUN = re.compile(f"[{NFKC_STABLE}]+")
_BLANK_RUN = re.compile(r"[ \t\u00a0\u3000]+")


def is_cjk(ch: str) -> bool:
    """A CJK ideograph (the characters names and words are made of; not punctuation)."""
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF or ch == "〇"


@lru_cache(maxsize=1024)
def _nfkc_alone(ch: str) -> str | None:
    """NFKC of ``ch`` when it can be replaced without looking at its neighbours (its NFKD is
    stable characters only: ``，`` -> ``,``, ``…`` -> ``...``), else None."""
    d = unicodedata.normalize("NFKD", ch)
    return d if _NFKC_STABLE_RUN.fullmatch(d) else None


def _normalize_nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, several times faster on newspaper text.

    Around stable characters NFKC works character by character, so each other character whose
    decomposition is stable is replaced everywhere with one ``str.replace``; only text with
    anything else (combining marks, Hangul…) goes through the full normalisation."""
    m = _NOT_NFKC_STABLE.search(text)
    while m:
        ch = m.group()
        repl = _nfkc_alone(ch)
        if repl is None:
            return unicodedata.normalize("NFKC", text)
        text = text.replace(ch, repl)
        m = _NOT_NFKC_STABLE.search(text, m.start())
    return text


def nfkc(text: str) -> str:
    """NFKC-normalise, drop invisible characters and unify line ends and blanks.

    Full-width forms become ASCII (``（通讯员李野）`` -> ``(通讯员李野)``, ``２０２２`` -> ``2022``);
    a run of blanks (the ideographic space and tabs too) becomes one plain space, except a
    paragraph's indent (two blanks or more opening a line), which becomes one tab; ``\\r\\n``,
    ``\\r`` and form feeds become ``\\n``.
    """
    text = _normalize_nfkc(text)
    for ch in _INVISIBLE:               # after normalising: they may separate a letter from its accent
        if ch in text:
            text = text.replace(ch, "")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\v", "\n")
    if not ("\t" in text or "  " in text or "\u00a0" in text or "\u3000" in text):
        return text
    # A paragraph's indent (two blanks or more opening a line: "　　" or "    ") is kept as one
    # tab, the mark join_broken_lines reads; a stray blank a line break left is no indent.
    if "\n  " in text or "\n\u3000" in text or "\n\t" in text:
        return _BLANK_RUN.sub(" ", _INDENT.sub("\x01", text)).replace("\x01", "\t")
    return _BLANK_RUN.sub(" ", text)


_INDENT = re.compile(r"(?m)^[ \t\u00a0\u3000]{2,}(?=\S)")


# --------------------------------------------------------------------------- spaces

def _space_removable(left: str, right: str) -> bool:
    """Whether the spaces between tokens ``left`` and ``right`` are extraction noise."""
    a, b = left[-1], right[0]
    if is_cjk(a) and is_cjk(b):
        # Letter spacing puts a space after every character ("通 会 桥 社 区"); phrase
        # spacing in headlines ("查漏补缺 迅速") and between names ("廖天文 廖孝顺") separates
        # tokens of two or more characters. The photo credit keeps "陈思思 摄" apart.
        if right == "摄" or right.startswith("摄)"):
            return False
        return len(left) == 1 or len(right) == 1
    # "5月 11日", "到 2035 年": a number set off from the Chinese around it.
    return (is_cjk(a) and b.isdigit()) or (a.isdigit() and is_cjk(b))


def _close_spaces(line: str) -> str:
    """:func:`remove_cjk_spaces` for one line."""
    parts = line.strip(" ").split()
    if not parts:
        return ""
    buf = parts[0]
    for prev, tok in zip(parts, parts[1:]):
        buf += tok if _space_removable(prev, tok) else " " + tok
    return buf


def remove_cjk_spaces(text: str) -> str:
    """Remove spaces that extraction put inside Chinese text; keep the meaningful ones.

    ``通 会 桥 社 区`` -> ``通会桥社区``; ``5月 11日`` -> ``5月11日``; kept: spaces between
    Latin words or numbers (``COVID 19``), between multi-character phrases of a headline
    (``消防检查 护平安``) and between names (``(郑静怡 陈思思 摄)``). Runs of spaces that stay
    become one space; lines are stripped.
    """
    # A line with no space and no other blank (every blank but the space is unprintable) is
    # already in its final form; most lines are.
    if text.replace("\n", "").isprintable():
        return _each_spaced_line(text, _close_spaces)
    return "\n".join([_close_spaces(line) if " " in line or not line.isprintable() else line
                      for line in text.split("\n")])


# --------------------------------------------------------------------------- doubled bold

def _half(tok: str) -> str | None:
    """Undo run doubling inside one token, or None if the token is not doubled throughout.

    Bold text is doubled per text run, so a token is a sequence of doubled runs:
    ``1010`` = 10|10, ``日日,,`` = 日|日 + ,|, ; the shortest run that repeats is taken."""
    out, i, n = [], 0, len(tok)
    while i < n:
        for k in range(1, (n - i) // 2 + 1):
            if tok[i:i + k] == tok[i + k:i + 2 * k]:
                out.append(tok[i:i + k])
                i += 2 * k
                break
        else:
            return None
    return "".join(out) or None


def _doubled_prefix(tok: str) -> tuple[str, int] | None:
    """The collapsed doubled runs at the start of tok and how many characters they span."""
    out, i = [], 0
    while i < len(tok):
        for k in range(1, min(4, (len(tok) - i) // 2) + 1):
            if tok[i:i + k] == tok[i + k:i + 2 * k]:
                out.append(tok[i:i + k])
                i += 2 * k
                break
        else:
            break
    return ("".join(out), i) if out else None


def _join_tokens(tokens: list[str]) -> str:
    # Same rule as for any spaces: "7 月 10 日" closes up, "新湾村 桃花节" keeps its space.
    buf = tokens[0]
    for prev, t in zip(tokens, tokens[1:]):
        buf += t if _space_removable(prev, t) else " " + t
    return buf


# Whether _half accepts a token, in one regex: at each point the shortest run that repeats is
# taken (lazy), and the atomic group keeps it from trying longer runs when the rest fails.
_DOUBLED_TOKEN = re.compile(r"(?:(?>(.+?)\1))+", re.S)


def _collapse_doubled_tokens(line: str) -> str:
    """``77 月月 1010 日日`` -> ``7月10日``: a run of space-separated tokens, each doubled."""
    toks = line.split(" ")
    # A doubled token has an even length; nothing changes without two doubled tokens in a row.
    doubled = [len(t) % 2 == 0 and t != "" and _DOUBLED_TOKEN.fullmatch(t) is not None for t in toks]
    if not any(a and b for a, b in zip(doubled, doubled[1:])):
        return line
    out: list[str] = []
    i = 0
    while i < len(toks):
        j = i
        while j < len(toks) and doubled[j]:
            j += 1
        run = toks[i:j]
        halves = [_half(t) for t in run]
        # Two tokens at least, and evidence beyond reduplication: "谢谢 谢谢" or "天天 看看"
        # are real words, "77 月月" (a digit) or "新湾村新湾村" (three characters) are not.
        if len(run) >= 2 and any(any(c.isdigit() for c in h) or len(h) >= 3 for h in halves):
            # The bold run may end inside the next token: "日日,八岭山镇…" -> "日,八岭山镇…".
            if j < len(toks) and toks[j]:
                pre = _doubled_prefix(toks[j])
                if pre:
                    halves.append(pre[0] + toks[j][pre[1]:])
                    j += 1
            out.append(_join_tokens(halves))
            i = j
        else:
            out.append(toks[i])
            i += 1
    return " ".join(out)


# A repeated unit of three or more characters, two of them ideographs: real reduplication
# repeats one or two characters (谢谢, 研究研究), bold extraction repeats whole runs.
# (``\1(?:\1)*`` is ``\1+``, written so that each of the many failing attempts fails on the
# first back reference instead of entering the repeat machinery: twice as fast.)
_REPEAT_RUN = re.compile(r"([\u4e00-\u9fff0-9A-Za-z]{3,}?)\1(?:\1)*")
# Five or more doubled characters in a row (八八岭岭山山镇镇新新): AABB words (高高兴兴,
# 认认真真) give at most four in a row. (The first pair outside the repeat for the same reason.)
_PAIR_RUN = re.compile(r"([\u4e00-\u9fff0-9])\1(?:([\u4e00-\u9fff0-9])\2){4,}")
# Where _REPEAT_RUN first matches (greedy: the same places, found faster).
_REPEAT_FROM = re.compile(r"([\u4e00-\u9fff0-9A-Za-z])([\u4e00-\u9fff0-9A-Za-z]{2,})\1\2")
# Where _REPEAT_RUN or _PAIR_RUN first matches, or (rarely) a pair run opening with a
# letter: the repeat greedy and both sharing the first character, which makes the search,
# run over every page twice, a quarter faster than the two patterns. The four further pairs
# are one group repeated, not four groups: re's compiler walks a CJK range code point by code
# point, ~1 ms a class, and the pair branch is rarely reached.
_DOUBLED_RUN = re.compile(r"([\u4e00-\u9fff0-9A-Za-z])(?:([\u4e00-\u9fff0-9A-Za-z]{2,})\1\2"
                          r"|\1(?:([\u4e00-\u9fff0-9])\3){4})")


def _collapse_run(m: re.Match) -> str:
    unit = m.group(1)
    if sum(1 for c in unit if is_cjk(c)) < 2:
        return m.group(0)
    return unit


def _halve_pairs(m: re.Match) -> str:
    return m.group(0)[::2]


def _each_spaced_line(text: str, rule) -> str:
    """``text`` with ``rule`` applied to each line that holds a space (the others are left
    as they are: few lines have one, and finding them with str.find beats splitting)."""
    out: list[str] = []
    done = 0                            # text[:done] is in out
    i = text.find(" ")
    while i >= 0:
        a = text.rfind("\n", 0, i) + 1
        b = text.find("\n", i)
        if b < 0:
            b = len(text)
        line = text[a:b]
        new = rule(line)
        if new != line:
            out += (text[done:a], new)
            done = b
        i = text.find(" ", b)
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


def collapse_doubled(text: str) -> str:
    """Undo doubled bold text: ``八岭山镇新湾村八岭山镇新湾村`` -> ``八岭山镇新湾村``,
    ``77 月月 1010 日日`` -> ``7月10日``. Leaves real reduplication alone: 谢谢, 常常, 天天,
    人人, 看看, 研究研究, 高高兴兴."""
    # Line by line in effect: no rule matches across a line end.
    return _collapse_doubled_runs(_each_spaced_line(text, _collapse_doubled_tokens))


def _collapse_doubled_runs(text: str) -> str:
    """The repeat and pair rules of :func:`collapse_doubled`."""
    # Most pages have no match of either rule: one search tells, and where the first is.
    m = _DOUBLED_RUN.search(text)
    if m:
        if m.group(2) is None:                  # a pair run: is there a repeat further on?
            m = _REPEAT_FROM.search(text, m.start())
        if m:
            a = m.start()
            text = text[:a] + _REPEAT_RUN.sub(_collapse_run, text[a:])
        text = _PAIR_RUN.sub(_halve_pairs, text)
    return text


def _unrepeat(line: str) -> str:
    """:func:`collapse_repeated_headline` for one line."""
    s = line.strip()
    n = len(s) // 2
    # Halves s[:n] and s[-n:], with one space between them when the length is odd.
    if len(s) < 8 or s[:n] != s[len(s) - n:] or (len(s) % 2 and s[n] != " "):
        return line
    half = s[:n]
    if len(half.replace(" ", "")) < 4 or half.strip() != half:
        return line
    return half


def collapse_repeated_headline(text: str) -> str:
    """A line that is two identical halves (``区政府召开常务会议 区政府召开常务会议``) -> one half.

    Needs four or more characters per half so that a line reading ``谢谢`` stays."""
    lines = text.split("\n")
    changed = False
    # A line without blanks at its ends can only change when its halves open alike.
    for i in [i for i, line in enumerate(lines) if len(line) >= 8 and (
            line[0] == line[(len(line) + 1) // 2] or line[0].isspace() or line[-1].isspace())]:
        half = _unrepeat(lines[i])
        if half != lines[i]:
            lines[i], changed = half, True
    return "\n".join(lines) if changed else text


# --------------------------------------------------------------------------- line classes

_CLOSERS = "”’」』)》]"
_CLOSERS_SP = _CLOSERS + " "
_ENDINGS = ("。", "!", "?", "...")
_START = "本报讯"
# The first characters of the lines _START, _BYLINE_RE and _CREDIT_RE match (stripped lines).
# (With the first characters of the web's byline roles: 文/张三, 摄影:李四, 编辑:王五, and the
# bullets of a column's items, _BULLET_ITEM.)
_HARD_FIRST = frozenset("本□■◆●△▲★通特记(") | role_initials()
# An item of a column of short news (简讯, 工作动态) opened by a bullet and its own date or
# 近日/日前: each is an article of its own, however the site ran its lines together.
_BULLET_ITEM = re.compile(r"[□■◆●△▲★]\s*(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日|近日|日前|连日来)")
_FIRST_CHAR = itemgetter(slice(0, 1))   # a line's first character ("" for none: in no set of characters)
_BYLINE_RE = re.compile(r"^[□■◆●]?\s*(?:本报)?(?:通讯员|特约记者|记者|通讯)\s*[\u4e00-\u9fff]")
# a paper's article opening with its reporters' credit in parentheses and no 本报讯 before it:
# (记者 张三 通讯员 李四)6月17日,…
_PAREN_LEAD = re.compile(r"^\((?:本报|特约)?(?:记者|通讯员)[^()]{1,36}\)\s*\S")
_CREDIT_RE = re.compile(r"^\([^()]{1,40}摄(?:影)?\s*\)$")
# A credit closing a line (a caption ends with one); every _CREDIT_RE line matches it too.
_CREDIT_END_RE = re.compile(r"\([^()]{1,40}摄(?:影)?\s*\)$")
# A short item signed at its end: ``…500余个。(通讯员 于思琪)`` ends its paragraph too.
_SIGNED_END_RE = re.compile(r"[。!?]\s*\((?:本报记者|特约记者|通讯员|记者)[^()。,]{1,30}\)$")
# The end of a credit whose "(" is on the line above: ``…生活物资。(庞望清`` / ``靳璐峰 摄)``.
_CREDIT_CLOSE_RE = re.compile(r"^[^()]{1,40}摄(?:影)?\s*\)$")


# …or by names with no role: ``…均超过10万元。(黄雪梅 陆海军)``; bare_names tells names from (待续).
_SIGNED_BARE_RE = re.compile(r"[。!?”]\s*\(([\u4e00-\u9fff·]{2,6}(?:\s+[\u4e00-\u9fff·]{2,6}){0,3})\)$")


def _signed_bare(line: str) -> bool:
    m = _SIGNED_BARE_RE.search(line)
    return m is not None and bool(bare_names(m.group(1)))


def _signed_across(prev: str, line: str) -> bool:
    """``line`` closes the signature of a short item that ``prev`` opened: ``…颁奖。(通讯`` /
    ``员 童心)``."""
    k = prev.rfind("(")
    return k > 0 and k > prev.rfind(")") and (_SIGNED_END_RE.search(prev[k - 1:] + line) is not None or
                                              _signed_bare(prev[k - 1:] + line))   # (…受益。(潘文杰 / ))


# a credit's line that ends one character after its opening or after the space between names
_BROKEN_NAME = re.compile(r"[( ][\u4e00-\u9fff]$")


def _opens_credit(prev: str, line: str) -> bool:
    """``line`` closes a credit that ``prev`` (the line above) opened."""
    return prev.rfind("(") > prev.rfind(")") and _CREDIT_CLOSE_RE.match(line) is not None


# A line that opens or ends like a sentence of reporting, not a headline.
_BODY_OPENING = re.compile(r"\d{1,2}月\d{1,2}日|近日|日前|目前|会上|会议|同时|此外|据悉|据了解|截至|下一步")
_BODY_ENDINGS = tuple(w + p for w in ("指出", "强调", "要求", "表示", "认为", "介绍", "说", "提出") for p in ",:") + \
    tuple(w + ":" for w in ("任命", "免去", "如下", "决定", "通过", "审议"))   # a list's lead: 决定任命: / 张三为…
# Endings no headline has. Not 为/与/向/在: they end words too (行为, 参与, 导向, 存在).
_MIDWORD_END = frozenset(",、;(“‘《的")
_BYLINE_STOP = re.compile(r"[,。!?]")
_SUBTITLE_STOP = re.compile(r"[、,;:()]")
_PLACE_COLON = re.compile("^[\u4e00-\u9fff]{2,7}(?:镇|村|街道|社区|区|县|乡):")
# two ideographs (is_cjk) somewhere; the class repeated rather than written twice, so that
# re's compiler walks its ranges once
_TWO_CJK = re.compile("(?:[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff〇].*?){2}", re.S)
_BRACKET = re.compile("[“”‘’()《》「」【】]")


def ends_sentence(line: str) -> bool:
    """The line ends a sentence: 。!? or ... , possibly followed by closing quotes/brackets."""
    s = line.rstrip()
    if s.rstrip(_CLOSERS_SP).endswith(_ENDINGS):
        return True
    return s.endswith(")") and (_CREDIT_END_RE.search(s) is not None or _SIGNED_END_RE.search(s) is not None)


def is_article_start(line: str) -> bool:
    return line.strip().startswith(_START)


def is_byline_line(line: str) -> bool:
    """``□ 通讯员 冯小威``: a byline on a line of its own (features carry it instead of 本报讯)."""
    s = line.strip()
    return (len(s) <= 30 and _BYLINE_RE.match(s) is not None and _BYLINE_STOP.search(s) is None) or is_web_byline(s)


def is_credit_line(line: str) -> bool:
    """``(王芸 摄)`` on a line of its own."""
    s = line.strip()
    return s.startswith("(") and _CREDIT_RE.match(s) is not None


def _balanced(s: str) -> bool:
    if not _BRACKET.search(s):
        return True
    for o, c in ("“”", "‘’", "()", "《》", "「」", "【】"):
        if s.count(o) != s.count(c):
            return False
    return True


def _headline_text(s: str, allow_comma: bool) -> bool:
    """:func:`headline_like` for a stripped line known not to be a start, byline or credit."""
    # Cheapest and most often failing tests first: this runs for many lines of every page.
    if s[-1:] in _MIDWORD_END or ("," in s and not allow_comma):
        return False
    core = s.replace(" ", "")
    if not 2 <= len(core) <= 60 or "。" in s or "!" in s or "?" in s or ";" in s or "..." in s:
        return False
    # Opens or ends like a sentence of reporting ("近日…", "…指出:").
    if _BODY_OPENING.match(s) or s.endswith(_BODY_ENDINGS) or not _balanced(s):
        return False
    return _TWO_CJK.search(core) is not None


def headline_like(line: str, *, allow_comma: bool = False) -> bool:
    """Content test for a headline line: short, no sentence punctuation, complete quotes.

    Looks at the line alone; whether it really is a headline also depends on its neighbours
    (see :func:`join_broken_lines`)."""
    s = line.strip()
    if is_article_start(s) or is_byline_line(s) or is_credit_line(s):
        return False
    return _headline_text(s, allow_comma)


def _subtitle_text(s: str) -> bool:
    """A headline line that may follow another with no blank line between (a subtitle): no
    punctuation at all beyond quotes, colons and spaces. ``s`` as for :func:`_headline_text`."""
    # (川店镇:“菌菇小屋”撑起致富伞: a feature's title opens with the place it is about and a colon)
    return not _SUBTITLE_STOP.search(_PLACE_COLON.sub("", s, 1)) and len(s.replace(" ", "")) <= 30 and \
        _headline_text(s, False)


# --------------------------------------------------------------------------- joining

class LineFlags(NamedTuple):
    """What each line of a list is (:func:`line_flags`), one bool per line in each field."""
    start: list[bool]                   # is_article_start
    byline: list[bool]                  # is_byline_line
    credit: list[bool]                  # is_credit_line
    hard: list[bool]                    # one of the three: always stands alone at its start
    break_after: list[bool]             # a unit ends with the line: sentence end, byline or credit
    head: list[bool]                    # headline_flags


def line_flags(lines: list[str], gap_after: list[bool] | None = None) -> LineFlags:
    """Classify every line at once: the per-line predicates of this module and
    :func:`headline_flags` (``gap_after`` as there), each computed once per line."""
    gap = (lambda i: True) if gap_after is None else gap_after.__getitem__
    return _line_flags([line.strip() for line in lines], gap)


_BRIEFS_LINE = re.compile(r"(?:[\u4e00-\u9fff]{0,3}\s*)?[简快短]\s*讯$")


def _line_flags(ss: list[str], gap: Callable[[int], bool]) -> LineFlags:
    """:func:`line_flags` of stripped lines; ``gap(i)``: a blank line follows line i."""
    n = len(ss)
    start, byline, credit, hard = [False] * n, [False] * n, [False] * n, [False] * n
    # ends_sentence, in parts: it runs for every line of every page (map: no bytecode per line).
    brk = list(map(str.endswith, map(str.rstrip, ss, repeat(_CLOSERS_SP)), repeat(_ENDINGS)))
    # Credits closing a line, article starts, bylines and credits are few, and their lines
    # open or end with one of a few characters.
    # (the first character looked up in a set, not tested against each of ~30 by startswith)
    marked = map(or_, map(str.endswith, ss, repeat(")")), map(_HARD_FIRST.__contains__, map(_FIRST_CHAR, ss)))
    for i in compress(count(), marked):
        s = ss[i]
        if s[-1:] == ")" and not brk[i] and (_CREDIT_END_RE.search(s) or _SIGNED_END_RE.search(s) or
                                             _signed_bare(s) or
                                             i and (_opens_credit(ss[i - 1], s) or _signed_across(ss[i - 1], s))):
            brk[i] = True
        if s[:1] not in _HARD_FIRST:
            continue
        start[i] = s.startswith(_START) or _BULLET_ITEM.match(s) is not None or \
            (s[:1] == "(" and _PAREN_LEAD.match(s) is not None)
        byline[i] = (len(s) <= 30 and _BYLINE_RE.match(s) is not None and _BYLINE_STOP.search(s) is None) \
            or is_web_byline(s)
        credit[i] = s.startswith("(") and _CREDIT_RE.match(s) is not None
        hard[i] = start[i] or byline[i] or credit[i]
        brk[i] = brk[i] or byline[i] or credit[i]

    # The label of a column of short news (简 讯) stands on a line of its own, its first item right
    # under it with no blank line: the label ends no sentence but is no part of the item.
    for i in [i for i, s in enumerate(ss) if len(s) <= 8 and "讯" in s and _BRIEFS_LINE.match(s)]:
        brk[i] = True
        if i:
            brk[i - 1] = True

    def can_end_group(i: int, depth: int = 0) -> bool:
        if i + 1 >= n or gap(i) or hard[i + 1]:
            return True
        return depth < 3 and _subtitle_text(ss[i + 1]) and can_end_group(i + 1, depth + 1)

    # A line is a headline when it follows a break (the start, a sentence end, a credit, a
    # byline, another headline), reads like one and can end a group of headline lines. Only
    # lines after a break are visited: those after a sentence end, byline or credit are known
    # up front (and most fail the first tests of _headline_text, done here on all at once),
    # the line after a headline is visited next when it is not one of those.
    def strong_after(i: int) -> bool:
        # A comma is allowed in a headline only right above its byline ("“数字食堂”,托起…").
        return i + 1 < n and (byline[i + 1] or start[i + 1])

    head = [False] * n
    after_break = list(compress(count(1), brk))      # (no Python step per line)
    if after_break and after_break[-1] == n:
        after_break.pop()
    if n:
        after_break.insert(0, 0)
    todo = [i for i in after_break if not hard[i] and ss[i][-1:] not in _MIDWORD_END
            and ("," not in ss[i] or strong_after(i))]
    k, extra = 0, -1
    while True:
        if extra >= 0:
            i, extra = extra, -1
            if hard[i]:
                continue
        elif k < len(todo):
            i, k = todo[k], k + 1
        else:
            break
        if _headline_text(ss[i], strong_after(i)) and can_end_group(i):
            head[i] = True
            if i + 1 < n and not brk[i]:
                extra = i + 1
    return LineFlags(start, byline, credit, hard, brk, head)


def headline_flags(lines: list[str], gap_after: list[bool] | None = None) -> list[bool]:
    """Which of ``lines`` are headline lines (or column labels: they look the same).

    A line is one when it reads like a headline (:func:`headline_like`), follows a break (the
    start, a sentence end, a credit, a byline, another headline) and is followed by a blank
    line, an article start or another headline that is. ``gap_after[i]``: a blank line follows
    line i (``None``: every line is followed by one, as in cleaned text)."""
    return line_flags(lines, gap_after).head


def join_broken_lines(text: str) -> str:
    """Join lines broken inside sentences; keep real paragraph and headline breaks.

    Blank lines in extracted text are layout (column and block ends), not paragraph breaks:
    ``本报讯(通讯员李金鹏)8月24`` / blank / ``日,荆州区召开…`` is one sentence. A break is
    kept after a line that ends a sentence, before ``本报讯``, a ``□ 通讯员`` byline or a
    ``(… 摄)`` credit, and around headline lines. A line is a headline when it reads like one
    (:func:`headline_like`), follows a break, and is followed by a blank line, an article start
    or another headline. Output: one unit per line, units separated by a blank line.
    """
    raw = text.split("\n")
    stripped = list(map(str.strip, raw))
    at = list(compress(count(), stripped))          # the indexes of the non-blank lines
    if not at:
        return ""
    lines = list(filter(None, stripped))
    # A blank line follows line k when the next non-blank line is not the very next one
    # (asked of a few lines only).
    at.append(len(stripped))
    # A line indented as a paragraph opens one (a page that indents its paragraphs: its lines
    # broken mid-sentence are not indented). Most pages indent nothing.
    para = _indented(raw, at) if "\n\t" in text else ()
    f = _line_flags(lines, (lambda k: at[k + 1] - at[k] > 1 or k + 1 in para) if para
                    else (lambda k: at[k + 1] - at[k] > 1))
    # seps[i]: what goes between lines i and i + 1: a unit break, or nothing (the line goes on).
    seps = [PARA_SEP if a or b or c or d else ""
            for a, b, c, d in zip(f.break_after, f.hard[1:], f.head, f.head[1:])]
    for k in para:
        seps[k - 1] = PARA_SEP
    # names in a credit broken over two lines stay apart: (庞望清 / 靳璐峰 摄)
    for i, s in enumerate(seps):
        if not s and lines[i + 1][-1:] == ")" and _opens_credit(lines[i], lines[i + 1]) and \
                not _BROKEN_NAME.search(lines[i]):
            seps[i] = " "       # (but (柴 / 语嫣 摄): one character alone is a name broken in two)
    seps.append("\n")
    out = "".join(chain.from_iterable(zip(lines, seps)))
    return _GLUED_HEAD.sub(_unglue_head, out) if _START in out else out


def _indented(raw: list[str], at: list[int]) -> frozenset[int]:
    """The non-blank lines (by their index among those, ``at`` their places among the lines
    ``raw``) that open with a paragraph's indent (a tab by now: :func:`nfkc`), the first excepted."""
    return frozenset(k for k in range(1, len(at) - 1) if raw[at[k]][:1] == "\t")


# A headline printed on the last line of the paragraph before its article:
# ``…不断提升。区科技局组织企业参加对接会`` / ``本报讯(…)``. What follows the paragraph's last
# sentence end, with no end of its own, right before 本报讯, is a headline line of its own.
_GLUED_HEAD = re.compile(f"([。!?][”’]?)([^\n。!?]{{4,40}})(?=\n\n{_START})")


def _unglue_head(m: re.Match) -> str:
    return m.group(1) + PARA_SEP + m.group(2) if headline_like(m.group(2)) else m.group()


def clean(text: str) -> str:
    """The whole pipeline: NFKC, repeated headlines, doubled bold, line joining, spaces.

    Idempotent: ``clean(clean(x)) == clean(x)``. Empty or blank input gives ``""``."""
    text = nfkc(text)
    text = collapse_repeated_headline(text)
    # Doubled bold before joining, so a doubled headline is judged at its real length; again
    # at the end for repeats that only become adjacent once lines are joined and spaces removed.
    text = _each_spaced_line(text, _collapse_doubled_tokens)
    if not _PAIR_RUN.search(text):
        # A shortcut with the same result, one page scan less. Joining lines and removing
        # spaces never cut a run of ideographs, digits and letters, so a repeat in a line now
        # is still one after joining: when the joined text has none (and no doubled tokens),
        # the first pass had nothing to do either, and the joined text is the result.
        joined = remove_cjk_spaces(join_broken_lines(text))
        if _each_spaced_line(joined, _collapse_doubled_tokens) == joined and not _DOUBLED_RUN.search(joined):
            return joined
        if not _DOUBLED_RUN.search(text):
            return collapse_doubled(joined)
    text = _collapse_doubled_runs(text)
    text = join_broken_lines(text)
    text = remove_cjk_spaces(text)
    return collapse_doubled(text)


def units(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of the units (paragraphs, headline lines…) of cleaned text."""
    return units_and_texts(text)[0]


def units_and_texts(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    """:func:`units` and the text of each unit (``text[start:end]``)."""
    parts = text.split(PARA_SEP)
    starts = accumulate([len(part) + len(PARA_SEP) for part in parts], initial=0)
    found = [(a, part) for a, part in zip(starts, [part.rstrip("\n") for part in parts]) if part]
    return [(a, a + len(part)) for a, part in found], [part for _, part in found]
