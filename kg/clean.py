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

__all__ = ["nfkc", "remove_cjk_spaces", "collapse_doubled", "collapse_repeated_headline",
           "join_broken_lines", "clean", "headline_flags", "units", "is_cjk", "ends_sentence", "headline_like",
           "is_article_start", "is_byline_line", "is_credit_line", "PARA_SEP"]

PARA_SEP = "\n\n"

# Characters PDF extraction leaves that carry no text.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


def is_cjk(ch: str) -> bool:
    """A CJK ideograph (the characters names and words are made of; not punctuation)."""
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF or ch == "〇"


def nfkc(text: str) -> str:
    """NFKC-normalise, drop invisible characters and unify line ends and blanks.

    Full-width forms become ASCII (``（通讯员李野）`` -> ``(通讯员李野)``, ``２０２２`` -> ``2022``);
    the ideographic space and tabs become plain spaces; ``\\r\\n``, ``\\r`` and form feeds
    become ``\\n``.
    """
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\v", "\n")
    return re.sub(r"[ \t\u00a0\u3000]+", " ", text)


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


def remove_cjk_spaces(text: str) -> str:
    """Remove spaces that extraction put inside Chinese text; keep the meaningful ones.

    ``通 会 桥 社 区`` -> ``通会桥社区``; ``5月 11日`` -> ``5月11日``; kept: spaces between
    Latin words or numbers (``COVID 19``), between multi-character phrases of a headline
    (``消防检查 护平安``) and between names (``(郑静怡 陈思思 摄)``). Runs of spaces that stay
    become one space; lines are stripped.
    """
    out = []
    for line in text.split("\n"):
        parts = line.strip(" ").split()
        if not parts:
            out.append("")
            continue
        buf = parts[0]
        for prev, tok in zip(parts, parts[1:]):
            buf += tok if _space_removable(prev, tok) else " " + tok
        out.append(buf)
    return "\n".join(out)


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


def _collapse_doubled_tokens(line: str) -> str:
    """``77 月月 1010 日日`` -> ``7月10日``: a run of space-separated tokens, each doubled."""
    toks = line.split(" ")
    out: list[str] = []
    i = 0
    while i < len(toks):
        j = i
        while j < len(toks) and toks[j] and _half(toks[j]) is not None:
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
_REPEAT_RUN = re.compile(r"([\u4e00-\u9fff0-9A-Za-z]{3,}?)\1+")
# Five or more doubled characters in a row (八八岭岭山山镇镇新新): AABB words (高高兴兴,
# 认认真真) give at most four in a row.
_PAIR_RUN = re.compile(r"(?:([\u4e00-\u9fff0-9])\1){5,}")


def _collapse_run(m: re.Match) -> str:
    unit = m.group(1)
    if sum(1 for c in unit if is_cjk(c)) < 2:
        return m.group(0)
    return unit


def collapse_doubled(text: str) -> str:
    """Undo doubled bold text: ``八岭山镇新湾村八岭山镇新湾村`` -> ``八岭山镇新湾村``,
    ``77 月月 1010 日日`` -> ``7月10日``. Leaves real reduplication alone: 谢谢, 常常, 天天,
    人人, 看看, 研究研究, 高高兴兴."""
    out = []
    for line in text.split("\n"):
        line = _collapse_doubled_tokens(line)
        line = _REPEAT_RUN.sub(_collapse_run, line)
        line = _PAIR_RUN.sub(lambda m: m.group(0)[::2], line)
        out.append(line)
    return "\n".join(out)


def collapse_repeated_headline(text: str) -> str:
    """A line that is two identical halves (``区政府召开常务会议 区政府召开常务会议``) -> one half.

    Needs four or more characters per half so that a line reading ``谢谢`` stays."""
    out = []
    for line in text.split("\n"):
        s = line.strip()
        for sep in ("", " "):
            n2 = len(s) - len(sep)
            if n2 >= 8 and n2 % 2 == 0:
                n = n2 // 2
                if s[:n] == s[n + len(sep):] and s[n:n + len(sep)] == sep \
                        and len(s[:n].replace(" ", "")) >= 4 and s[:n].strip() == s[:n]:
                    s = s[:n]
                    break
        out.append(s if s != line.strip() else line)
    return "\n".join(out)


# --------------------------------------------------------------------------- line classes

_CLOSERS = "”’」』)》]"
_START_RE = re.compile(r"^本报讯")
_BYLINE_RE = re.compile(r"^[□■◆●]?\s*(?:本报)?(?:通讯员|特约记者|记者|通讯)\s*[\u4e00-\u9fff]")
_CREDIT_RE = re.compile(r"^\([^()]{1,40}摄(?:影)?\s*\)$")
# A line that opens like a sentence of reporting, not a headline.
_BODY_CUE = re.compile(r"^(?:\d{1,2}月\d{1,2}日|近日|日前|目前|会上|会议|同时|此外|据悉|据了解|截至|下一步)"
                       r"|(?:指出|强调|要求|表示|认为|介绍|说|提出)[,:]$")
# Endings no headline has. Not 为/与/向/在: they end words too (行为, 参与, 导向, 存在).
_MIDWORD_END = set(",、;(“‘《的")


def ends_sentence(line: str) -> bool:
    """The line ends a sentence: 。!? or ... , possibly followed by closing quotes/brackets."""
    s = line.rstrip()
    if _CREDIT_RE.search(s) or re.search(r"\([^()]{1,40}摄(?:影)?\s*\)$", s):
        return True
    s = s.rstrip(_CLOSERS + " ")
    return bool(s) and (s[-1] in "。!?" or s.endswith("..."))


def is_article_start(line: str) -> bool:
    return bool(_START_RE.match(line.strip()))


def is_byline_line(line: str) -> bool:
    """``□ 通讯员 冯小威``: a byline on a line of its own (features carry it instead of 本报讯)."""
    s = line.strip()
    return bool(_BYLINE_RE.match(s)) and len(s) <= 30 and not re.search(r"[,。!?]", s)


def is_credit_line(line: str) -> bool:
    """``(王芸 摄)`` on a line of its own."""
    return bool(_CREDIT_RE.match(line.strip()))


def _balanced(s: str) -> bool:
    for o, c in ("“”", "‘’", "()", "《》", "「」", "【】"):
        if s.count(o) != s.count(c):
            return False
    return True


def headline_like(line: str, *, allow_comma: bool = False) -> bool:
    """Content test for a headline line: short, no sentence punctuation, complete quotes.

    Looks at the line alone; whether it really is a headline also depends on its neighbours
    (see :func:`join_broken_lines`)."""
    s = line.strip()
    core = s.replace(" ", "")
    if not 2 <= len(core) <= 60:
        return False
    if is_article_start(s) or is_byline_line(s) or is_credit_line(s):
        return False
    if re.search(r"[。!?;]|\.\.\.", s):
        return False
    if s[-1] in _MIDWORD_END or not _balanced(s):
        return False
    if "," in s and not allow_comma:
        return False
    if _BODY_CUE.search(s):
        return False
    return sum(1 for c in core if is_cjk(c)) >= 2


def _strict_headline(line: str) -> bool:
    """A headline line that may follow another with no blank line between (a subtitle):
    no punctuation at all beyond quotes, colons and spaces."""
    s = line.strip()
    return headline_like(s) and len(s.replace(" ", "")) <= 30 and not re.search(r"[、,;:()]", s)


# --------------------------------------------------------------------------- joining

def headline_flags(lines: list[str], gap_after: list[bool] | None = None) -> list[bool]:
    """Which of ``lines`` are headline lines (or column labels: they look the same).

    A line is one when it reads like a headline (:func:`headline_like`), follows a break (the
    start, a sentence end, a credit, a byline, another headline) and is followed by a blank
    line, an article start or another headline that is. ``gap_after[i]``: a blank line follows
    line i (``None``: every line is followed by one, as in cleaned text)."""
    n = len(lines)
    gap = [True] * n if gap_after is None else gap_after

    def hard(i: int) -> bool:  # a line that always stands alone at its start
        return is_article_start(lines[i]) or is_byline_line(lines[i]) or is_credit_line(lines[i])

    def can_end_group(i: int, depth: int = 0) -> bool:
        if i + 1 >= n or gap[i] or hard(i + 1):
            return True
        return depth < 3 and _strict_headline(lines[i + 1]) and can_end_group(i + 1, depth + 1)

    head = [False] * n
    for i in range(n):
        before = i == 0 or head[i - 1] or ends_sentence(lines[i - 1]) \
            or is_byline_line(lines[i - 1]) or is_credit_line(lines[i - 1])
        if not before:
            continue
        # A comma is allowed in a headline only right above its byline ("“数字食堂”,托起…").
        strong_after = i + 1 < n and (is_byline_line(lines[i + 1]) or is_article_start(lines[i + 1]))
        if headline_like(lines[i], allow_comma=strong_after) and can_end_group(i):
            head[i] = True
    return head


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
    lines: list[str] = []
    gap_after: list[bool] = []
    for ln in raw:
        s = ln.strip()
        if s:
            lines.append(s)
            gap_after.append(False)
        elif gap_after:
            gap_after[-1] = True
    if not lines:
        return ""
    head = headline_flags(lines, gap_after)
    n = len(lines)

    def hard(i: int) -> bool:
        return is_article_start(lines[i]) or is_byline_line(lines[i]) or is_credit_line(lines[i])

    out: list[str] = [lines[0]]
    for i in range(1, n):
        prev, cur = lines[i - 1], lines[i]
        brk = (ends_sentence(prev) or hard(i) or is_byline_line(prev) or is_credit_line(prev)
               or head[i - 1] or head[i])
        if brk:
            out.append(cur)
        else:
            out[-1] += cur
    return PARA_SEP.join(out) + "\n"


def clean(text: str) -> str:
    """The whole pipeline: NFKC, repeated headlines, doubled bold, line joining, spaces.

    Idempotent: ``clean(clean(x)) == clean(x)``. Empty or blank input gives ``""``."""
    text = nfkc(text)
    text = collapse_repeated_headline(text)
    # Before joining, so a doubled headline is judged at its real length; again at the end
    # for repeats that only become adjacent once lines are joined and spaces removed.
    text = collapse_doubled(text)
    text = join_broken_lines(text)
    text = remove_cjk_spaces(text)
    return collapse_doubled(text)


def units(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of the units (paragraphs, headline lines…) of cleaned text."""
    out = []
    pos = 0
    for part in text.split(PARA_SEP):
        stripped = part.rstrip("\n")
        if stripped:
            out.append((pos, pos + len(stripped)))
        pos += len(part) + len(PARA_SEP)
    return out
