"""Bylines and datelines: who wrote an article, and the outlet line that opens it.

The paper prints ``本报讯(通讯员李野)`` and ``□ 通讯员 冯小威``; the web prints many more forms:
``秀山网讯 3月8日…``, ``红网平江站讯(记者 张三 通讯员 李四)``, ``据某某网报道,``, lines such as
``文/图 张三``, ``摄影:李四``, ``编辑:王五 审核:赵六``, and a closing ``(张三 李四)`` of bare
names. The words (roles, outlet endings, fillers) are in ``data/bylines.tsv``; this module
only says where they may stand. The outlet and its dateline are no part of the article's text
(ANNOTATION.md), so :func:`opening` and :func:`closing` tell how much of a body they take.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.text.lexicon import byline_words, lexicon

__all__ = ["Credit", "parse_byline", "is_web_byline", "bare_names", "dateline", "opening", "closing", "role_initials", "paren_credit"]

_CJK = "\u4e00-\u9fff"
# (王 楠: a two-character name spaced out to a three-character one's width)
_NAME = f"(?:[{_CJK}·]{{2,4}}|[{_CJK}] {{1,2}}[{_CJK}](?![{_CJK}]))"
_NAMES = f"(?:{_NAME}|[{_CJK}]{{5}})(?:[ 、,]+(?:{_NAME}|[{_CJK}]{{5}}))*"
_TOKEN_SEP = re.compile(r"[\s、,/:;｜|]+")
_IS_NAME = re.compile(f"[{_CJK}·]{{2,4}}")


@dataclass(frozen=True)
class Credit:
    reporters: tuple[str, ...] = ()
    photographers: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.reporters or self.photographers)


def _alt(words) -> str:
    # longest first: 通讯员 before 通讯, 文/图 before 文/
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


@dataclass(frozen=True)
class _Patterns:
    kinds: dict[str, str]               # role -> reporter | photographer | both | editor
    no_name: frozenset[str]             # roles and fillers: never a name
    fillers: tuple[str, ...]            # words of a byline that are no name (报道, 供稿)
    outlets: tuple[str, ...]            # how an outlet's name ends
    role: re.Pattern                    # any role, to cut a byline into segments
    segments: re.Pattern                # a whole byline: one or more role + names
    lead: re.Pattern                    # role + names opening a paragraph, before its text
    dateline: re.Pattern
    reported: re.Pattern                # 据…报道


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    # Compiled on first use, not at import: each CJK class costs re's compiler about a millisecond.
    words = byline_words()
    roles = {w: k for w, (k, _) in words.items() if k in ("reporter", "photographer", "both", "editor")}
    tight = [w for w in roles if words[w][1]]
    loose = [w for w in roles if not words[w][1]]
    outlets = tuple(w for w, (k, _) in words.items() if k == "outlet")
    fillers = [w for w, (k, _) in words.items() if k == "filler"]
    outlet = f"[{_CJK}A-Za-z0-9]{{0,10}}(?:{_alt(outlets)})"
    seg = (f"(?:{outlet}\\s*)?(?:(?:{_alt(tight)})\\s*[:/｜|]?\\s*|(?:{_alt(loose)})(?:\\s*[:/｜|]\\s*|\\s+))"
           f"{_NAMES}(?:\\s*(?:{_alt(fillers)}))?")
    segs = f"{seg}(?:[ ,;、]*{seg})*"
    return _Patterns(
        kinds=roles, no_name=frozenset(roles) | frozenset(fillers), fillers=tuple(fillers), outlets=outlets,
        role=re.compile(_alt(roles)),
        segments=re.compile(segs),
        # Not in parentheses, a byline's end must be seen: a space, a colon or a digit (the
        # date) after the last name. "记者从区委获悉" is text.
        lead=re.compile(f"{segs}(?=[\\s:]|\\d)"),
        # 讯 may follow the outlet at once (秀山网讯) or after a place and the date it was
        # filed (某某新闻3月5日讯, 某某网北京3月5日电); 电 only after a date, as 电视 and 电话 abound
        # (a county's paper or site also signs with its place alone, 仁寿讯, 固始讯: then a credit in
        # parentheses or the date must follow)
        dateline=re.compile(f"(?:(?:[{_CJK}A-Za-z0-9]{{0,12}}?)(?:{_alt(outlets)})"
                            f"(?:讯|[{_CJK}]{{0,4}}?\\d{{1,2}}月\\d{{1,2}}日[讯电])|[{_CJK}]{{2,4}}讯(?=\\s*[(\\d]))"
                            r"\s*(?:\(([^()]{0,60})\))?[\s:]*"),
        reported=re.compile(f"据([^,。:;()]{{2,20}}?)报道[\\s,:]*"))


def split_run(token: str) -> tuple[str, ...]:
    """Letter-spaced bylines lose the space between two names once spaces inside names are
    removed ("王 丽 孙 强" -> 王丽孙强): a run of four or six characters whose halves both open
    with a surname is two names."""
    L = lexicon()
    half = len(token) // 2
    if len(token) in (4, 6) and token[:2] not in L.surnames2 and \
            token[0] in L.surnames1 and L.is_surname_start(token[half:]):
        return (token[:half], token[half:])
    if len(token) == 5 and token[:2] not in L.surnames2 and token[0] in L.surnames1:
        # 黄思远王楠: a three- and a two-character name (or two and three), where only one cut
        # leaves the second opening with a surname
        cuts = [k for k in (3, 2) if L.is_surname_start(token[k:]) and token[k:k + 2] not in L.surnames2]
        if len(cuts) == 1:
            return (token[:cuts[0]], token[cuts[0]:])
    return (token,)


def _names(segment: str, P: _Patterns) -> list[str]:
    """The names in a stretch of byline with no role in it; outlets (潢川网, 九龙融媒), title
    words and fillers are no names."""
    titles = lexicon().titles
    out = []
    for t in _joined(_TOKEN_SEP.split(segment)):
        filler = next((f for f in P.fillers if t.endswith(f) and len(t) - len(f) >= 2), None)
        if filler:
            t = t[:-len(filler)]          # 记者张三报道: the name before the filler
        run = split_run(t)
        if len(t) == 5 and len(run) == 2:
            out.extend(run)          # 黄思远王楠: two names run together
            continue
        if not _IS_NAME.fullmatch(t) or t in P.no_name or t in titles or t.endswith(P.outlets):
            continue
        out.extend(run)
    return out


def _joined(toks: list) -> list:
    """Tokens with a two-character name spaced out to the width of a three-character one (王 楠)
    joined: a surname alone, then one character alone."""
    surnames = lexicon().surnames1
    out, i = [], 0
    while i < len(toks):
        t = toks[i]
        if len(t) == 1 and t in surnames and i + 1 < len(toks) and len(toks[i + 1]) == 1 and \
                _IS_NAME.fullmatch(t + toks[i + 1]):
            out.append(t + toks[i + 1])
            i += 2
            continue
        out.append(t)
        i += 1
    return out


def parse_byline(s: str) -> Credit:
    """The reporters and photographers a byline names: ``记者 张三 通讯员 李四`` -> reporters
    (张三, 李四); ``文/张三 图/李四`` -> reporters (张三,), photographers (李四,); ``文/图 张三`` ->
    both; names after an editor's role (编辑, 审核) are no byline. Names before any role are
    reporters."""
    P = _patterns()
    rep: list[str] = []
    pho: list[str] = []
    kind, at = "reporter", 0
    for m in P.role.finditer(s):
        _take(s[at:m.start()], kind, rep, pho, P)
        kind, at = P.kinds[m.group()], m.end()
    _take(s[at:], kind, rep, pho, P)
    return Credit(tuple(dict.fromkeys(rep)), tuple(dict.fromkeys(pho)))


def _take(segment: str, kind: str, rep: list, pho: list, P: _Patterns) -> None:
    if kind == "editor" or not segment.strip():
        return
    names = _names(segment, P)
    if kind in ("reporter", "both"):
        rep.extend(names)
    if kind in ("photographer", "both"):
        pho.extend(names)


def _surnamed(credit: Credit) -> bool:
    L = lexicon()
    return all(L.is_surname_start(n) for n in credit.reporters + credit.photographers)


def is_web_byline(line: str) -> bool:
    """A line that is a byline and nothing else: ``文/图 张三``, ``通讯员:李四``,
    ``编辑:王五 审核:赵六``. Its names must open with a surname, so that a headline such as
    ``摄影 展览开幕`` is none."""
    s = line.strip().lstrip("□■◆●").strip()
    if not s or len(s) > 40 or _patterns().segments.fullmatch(s) is None:
        return False
    return _surnamed(parse_byline(s))


def bare_names(s: str) -> tuple[str, ...]:
    """The names of a credit that prints no role (``张三 李四`` closing a web article), or ()
    when any of its tokens is no name: each opens with a surname, and none ends like a body or
    a place (区委办, 统战部) or is a title."""
    L = lexicon()
    P = _patterns()
    toks = _joined([t for t in _TOKEN_SEP.split(s.strip()) if t])
    if not toks or not all(_IS_NAME.fullmatch(t) for t in toks):
        return ()
    ends = tuple(L.org_suffixes) + tuple(L.place_suffixes) + P.outlets
    if any(t in P.no_name or t in L.titles or t.endswith(ends) or not L.is_surname_start(t) for t in toks):
        return ()
    return tuple(dict.fromkeys(n for t in toks for n in split_run(t)))


def paren_credit(inner: str) -> Credit | None:
    """A parenthesised byline: roles and names (``记者 张三 通讯员 李四``) or bare names."""
    P = _patterns()
    if P.segments.fullmatch(inner.strip()):
        return parse_byline(inner)
    unit = _UNIT_ROLE.match(inner.strip())
    if unit and (unit.group(1).endswith(P.outlets) or _UNIT_CREDIT.fullmatch(unit.group(1))) and \
            P.segments.fullmatch(inner.strip()[unit.end(1):]):
        return parse_byline(inner)     # (某某融媒体中心记者 张三 李四): the outlet's reporters
    names = bare_names(inner)
    if not names:
        # an outlet's correspondent: (某某日报某某记者站 张三); a writer with the unit that sent the
        # item in: (某某县招商服务中心 张三)
        head, _, rest = inner.strip().partition(" ")
        if rest and (head.endswith(P.outlets) or _UNIT_CREDIT.fullmatch(head)):
            names = bare_names(rest)
    return Credit(names) if names else None


# how far into a line a dateline's 讯 or 电 may stand: a 12-character outlet, a place, a date
_REACH = 28


def dateline(s: str, pos: int = 0) -> tuple[int, Credit] | None:
    """``本报讯(通讯员李野)``, ``秀山网讯``, ``红网平江站讯(记者 张三)`` opening s at pos: where it
    ends (with the blanks and colon after it) and the byline in its parentheses; None if there
    is no dateline."""
    if s.find("讯", pos, pos + _REACH) < 0 and s.find("电", pos, pos + _REACH) < 0:
        return None
    m = _patterns().dateline.match(s, pos)
    if not m:
        return None
    return m.end(), (parse_byline(m.group(1)) if m.group(1) else Credit())


def opening(s: str, pos: int = 0, end: int | None = None) -> tuple[int, Credit]:
    """Where the text of the body ``s[pos:end]`` begins after its dateline and byline, and the
    byline's names: a dateline (:func:`dateline`), ``据某某网报道,``, then a byline in
    parentheses (``(记者 张三)``) or before a space, a colon or the date (``记者 张三 3月8日``)."""
    P = _patterns()
    end = len(s) if end is None else end
    credit = Credit()
    d = dateline(s, pos)
    if d:
        pos, credit = d
    elif s.startswith("据", pos):
        m = P.reported.match(s, pos, end)
        if m:
            pos = m.end()
            credit = parse_byline(m.group(1)) if P.role.search(m.group(1)) else Credit()
    if s.startswith("(", pos):
        close = s.find(")", pos, min(pos + 62, end))
        c = paren_credit(s[pos + 1:close]) if close > 0 else None
        if c is not None:
            pos, credit = close + 1, credit or c
    elif s[pos:pos + 1] in _ROLE_INITIALS:
        m = P.lead.match(s, pos, end)
        if m:
            c = parse_byline(m.group())
            if c and _surnamed(c):
                pos, credit = m.end(), credit or c
    while pos < end and s[pos] in " :,\n":
        pos += 1
    return pos, credit


def closing(s: str, start: int = 0, end: int | None = None) -> tuple[int, Credit]:
    """Where the body ``s[start:end]`` ends before the byline it closes with (``…发展。(张三
    李四)``, ``…发展。(记者 张三)``), and its names; ``(end, Credit())`` when it closes with none."""
    end = len(s) if end is None else end
    ed = _EDITOR_TAIL.search(s, max(start, end - 40), end) if ":" in s[max(start, end - 30):end] else None
    if ed is not None and ed.start() > start and s[ed.start() - 1] == ")":
        cut, c = closing(s, start, ed.start())      # …。(李明 王芳)(编辑:赵敏): the editor's is no byline
        return (cut, c) if cut < ed.start() else (end, Credit())
    if end <= start or s[end - 1] != ")":
        return end, Credit()
    k = s.rfind("(", max(start, end - 62), end - 1)
    if k < 0 or ")" in s[k + 1:end - 1]:
        return end, Credit()
    cut = k
    while cut > start and s[cut - 1] in " \n":
        cut -= 1
    if cut <= start or s[cut - 1] not in "。!?”":
        return end, Credit()
    c = paren_credit(s[k + 1:end - 1])
    if c is None and _UNIT_CREDIT.fullmatch(s, k + 1, end - 1):
        return cut, Credit()    # (市委办), (县应急管理局供稿): the unit that sent it, as on a line of its own
    return (cut, c) if c is not None else (end, Credit())


def editor_roles() -> str:
    """The editors' roles of the byline table (责任编辑, 编辑, 审核…), longest first, as one
    alternation: a line or credit they open names no reporter (来源, filed with them, is the site's
    meta line, read apart)."""
    return _alt(tuple(w for w, (k, _) in byline_words().items() if k == "editor" and w != "来源"))


# an editor's credit after the closing byline, on its line: (编辑:赵敏), 责任编辑:赵敏
_EDITOR_TAIL = re.compile(rf"[ \u3000]*\(?(?:{editor_roles()})[ \u3000]*:[^()。:]{{1,20}}\)?$")


# A closing credit that names the unit which sent the item in, not a person: a short body name (or
# any name with 供稿/供图/提供), no sentence.
# an outlet or unit written right before the role of its writers (简阳市融媒体中心记者 张三)
_UNIT_ROLE = re.compile("([\u4e00-\u9fff]{2,18}?)(?=记者|通讯员)")
_UNIT_CREDIT = re.compile("[\u4e00-\u9fff]{1,18}(?:供稿|供图|提供|办|局|委|部|中心|办公室|政府|站|所|大队|中队|支队|街道|妇联|工会|团委)")


def role_initials() -> frozenset[str]:
    """The first characters of the roles: a line opening with none of them is no byline."""
    return frozenset(w[0] for w, (k, _) in byline_words().items() if k not in ("outlet", "filler"))


_ROLE_INITIALS = role_initials()
