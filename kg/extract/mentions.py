"""Mentions: typed spans of one sentence (persons, posts, bodies, places, events, projects, documents).

The genre is formulaic, so the finders are lexicon-driven scans rather than a statistical tagger:
a suffix from the tables ends a name, and the name's left edge is where a function word, verb,
punctuation or the previous mention stops it. Each finder is a pure function of the sentence and
the mentions found before it; ``find_mentions`` runs them in a fixed order (title chains first,
since they decide person-name boundaries; then bodies, places, events, projects, documents).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter, methodcaller
from typing import NamedTuple

from kg.text.lexicon import lexicon, list_heads, trade_words
# kg.segment loads jieba only when first asked to segment: importing it here costs nothing
from kg.extract.segment import freq, is_common_word, inside_word, lcut, tag, trim_left

CJK = r"\u4e00-\u9fff"


def _is_cjk(c: str) -> bool:
    """One character in the CJK unified block (a comparison: this runs per character)."""
    return "\u4e00" <= c <= "\u9fff"


def _holds_any(s: str, marks) -> bool:
    """One of ``marks`` occurs in s. A few ``in`` tests cost far fewer instructions than a regex
    scan of the sentence, so a finder whose words all hold one of a few marks tests them first.
    (Each mark costs about a twentieth of a scan: with ten or more marks, or marks most sentences
    hold, the test costs what it saves; place and event suffixes are scanned untested.)"""
    for c in marks:
        if c in s:
            return True
    return False


def _marks_of(words) -> tuple:
    """A few characters one of which every word holds (greedily: the one most words hold, then
    again for the rest): a sentence holding none of them holds none of the words."""
    marks, rest = [], list(words)
    while rest:
        counts: dict = {}
        for w in rest:
            for c in set(w):
                counts[c] = counts.get(c, 0) + 1
        best = max(counts, key=lambda c: (counts[c], -ord(c)))   # (ties: a fixed choice)
        marks.append(best)
        rest = [w for w in rest if best not in w]
    return tuple(marks)


class Mention(NamedTuple):
    """A typed span of one sentence (a named tuple: tens of thousands are made per megabyte)."""
    type: str            # Person Post Organization Place Event Project Document
    text: str            # surface form as written (clean)
    start: int           # offsets within the sentence
    end: int
    subtype: str = ""
    # extra facts the finder saw: for a Post, the body it names ("body") or implies ("implied");
    # for a Person, how it was found ("how": chain, list, verb, byline, role, title-after);
    # for an Event, its other names ("also", "also_at") and the body its quoted name follows ("by");
    # for an Organization, the other name it is given in brackets ("also")
    info: tuple = ()

    def get(self, key, default=None):
        for k, v in self.info:
            if k == key:
                return v
        return default


_start = attrgetter("start")     # a sort key run in C: no Python call per mention
# Mention's own __new__ is a Python function (a frame per mention): the finders' busiest paths
# build theirs with _new(Mention, (all six fields)), which is the same tuple.
_new = tuple.__new__


@dataclass
class Chain:
    """A title chain and the person it introduces: 区委常委、常务副区长周远栋."""
    person: Mention
    posts: list[Mention] = field(default_factory=list)


# ---------------------------------------------------------------- boundaries

# Characters that never sit inside a name at its left edge: function words and the like.
STOP_CHARS = set("的了在到赴对与和及或向为是将把被让由从至于等并也都还又就才给同跟以按据往来去暨"
                 "着过其该此这那每各本我你他她它们之而但若如即约近今上下内外前后旁间一位某率")
# Stop characters that also stand inside village and transliterated names (西上碾头村, 萨如拉嘎查,
# 阿日昆都楞镇): in a list item they do not end the name.
NAME_INNER = set("上下内外前后东西南北中一如都同")
# stop characters inside Mongolian and Tibetan names read after a title (萨其拉图, 那仁满都拉, 敖特根其其格,
# 如 of 阿如汗)
_FREE_INNER = frozenset("其都那如")
# Classifiers stop a name only after a number: "30所学校51个校区", but 曹家畈村 keeps 家.
CLASSIFIERS = set("年月日号个位家名批项次届所座条处户起")
NUMERALS = set("0123456789一二三四五六七八九十百千万两几多余")
# Words that end right before a name begins (verbs and phrases of the genre).
STOP_WORDS = sorted("""先后 前往 深入 走进 来到 经过 组织 召开 举行 举办 开展 主持 参加 出席 陪同 调研 考察 视察
现任 拟任 曾任 原任 历任 督办 暗访 查看 察看 走访 听取 包括 列入 纳入 融入 加入 做强 做大 做优 做实 培育 引进 招引 扶持 提升 完善 规范 联合 协办 主办 承办 率队 带队 推动 推进 落实 部署 学习 贯彻 传达 围绕 聚焦
对接 依托 紧扣 扎实 持续 进一步 加快 加强 强化 着力 积极 充分 精准 有效 切实 坚持 坚决 做好 抓好 实现
保护好 守护好 管理好 利用好 维护好 发挥好 传承好
打造 建设 建成 发展 支持 推介 介绍 了解 详细 实地 现场 重点 相关 有关 部分 全体 所有 其他 主要 分管 负责
同志 领导 干部 群众 代表 人员 单位 部门 工作 情况 问题 进行 开始 正式 顺利 成功 目前 已经 正在
地处 位于 落户 落地 入驻 签约 设立 成立 选择 来自 隶属 作为 成为 通过 经过 随后 同时 以及 还有 其中 分别
审议 通过 宣读 宣布 完成 表示 指出 强调 要求 认为 希望 汇报 发言 讲话 交流 座谈 协商 研究 调度 分析 研判 观摩 参观 邀请 特邀 已有 首批 产生 选出 当选
辖区 全区 全市 全省 全县 全镇 立足 旁边 各地 各镇 两地 当地 本地 外地 异地 该镇 该村 该区 该市 我区 我市 城乡 乡村
的有 按照 依照 对照 遵照 参照 吸引 今年 去年 明年 当年 近年 同年 带领 率领""".split(),
                    key=len, reverse=True)

_STOPWORD_SET = set(STOP_WORDS)
# Project names carry verbs of their own (老旧小区改造项目, 污水管道建设项目).
_PROJECT_STOPWORDS = _STOPWORD_SET - set("建设 建成 发展 打造 工作 改造 提升 支持 推动 推进 实施 落实 乡村 城乡".split())


_STOPWORD_TAILS = frozenset(w[-2:] for w in _STOPWORD_SET)
# characters left_edge looks at twice; any other CJK character just extends the name
_EDGE_SUSPECTS = frozenset(STOP_CHARS | CLASSIFIERS | {w[-1] for w in _STOPWORD_SET} | {"度", "访"})
_LEVELS = frozenset("区市县省旗镇乡")


def _stopword_ending_at(s: str, i: int, words=_STOPWORD_SET) -> int:
    """Length of a stop word ending at position i of s (0 if none)."""
    if s[max(0, i - 2):i] not in _STOPWORD_TAILS:
        return 0         # no stop word ends in these two characters (the common case: one lookup)
    for k in (4, 3, 2):
        if i - k >= 0 and s[i - k:i] in words:
            return k
    return 0


def _noun_word(w: str) -> bool:
    """就业, 和平: a function character that opens a content word belongs to the name."""

    t = tag(w)
    return t is not None and t[:1] not in ("p", "c", "u", "d", "r", "m", "q", "y", "e", "o", "f")


def _proper_word(w: str) -> bool:
    """A dictionary proper noun (共和, 太和, 中和): a place or brand name, whatever its last character."""
    t = tag(w)
    return t is not None and t[:2] in ("nz", "ns", "nr")


def left_edge(s: str, end: int, floor: int, max_len: int, allow: str = "", own_word: bool = False) -> int:
    """Scan left from ``end`` over name characters; stop at punctuation, digits, function chars,
    stop words, ``floor`` (the end of the previous mention) or ``max_len``."""
    i = end
    lowest = max(floor, end - max_len)
    while i > lowest:
        c = s[i - 1]
        if c in allow:
            i -= 1
            continue
        if not ("\u4e00" <= c <= "\u9fff"):
            break
        if c not in _EDGE_SUSPECTS:
            i -= 1
            continue
        if c in STOP_CHARS and not (i < end and _noun_word(s[i - 1:i + 1])) and \
                not (i >= 2 and i - 2 >= lowest and s[i - 2] not in STOP_CHARS and
                     (_proper_word(s[i - 2:i]) or (c == "据" and _noun_word(s[i - 2:i])) or
                      tag(s[i - 2:i]) == "b")) and \
                not (own_word and i == end and i - 2 >= lowest and inside_word(s, i - 1)):
            break        # (共和村, 太和村: 和 ends a proper name's word, it does not stop the name; so
            # does 等 a distinguishing word's, 职业中等专业学校)
        if c in CLASSIFIERS and i >= 2 and s[i - 2] in NUMERALS and \
                (s[i - 2] not in "余多几百千万" or (i >= 3 and s[i - 3] in NUMERALS)):
            break        # (30余家, 3万家 are counts; 余家村, 万家福超市 are names)
        if c == "度" and i >= 3 and s[i - 2] in "年季月" and s[i - 3] in NUMERALS:
            break        # 2024年度|乡村振兴: 年度 closes the date, no name starts with its 度
        if c == "访" and i < len(s) and s[i] in _LEVELS and \
                (i < 2 or not ("\u4e00" <= s[i - 2] <= "\u9fff") or s[i - 2] in "专采"):
            break        # an interview's headline, ——访县文旅局局长X / 专访: 访 opens no body (信访局 goes on)
        # (the own-word test, then the tail test of _stopword_ending_at inline: both fail cheaply)
        if not (own_word and i == end) and (s[i - 2:i] if i >= 2 else s[:i]) in _STOPWORD_TAILS and \
                _stopword_ending_at(s, i) and not inside_word(s, i):
            break        # own_word: the word right before a body's suffix is the name's own (希望小学);
            # a stop word that the segmentation reads as part of a longer word is none (组织|部)
        i -= 1
    return i


# ---------------------------------------------------------------- persons and title chains

# Words that may follow a person's name: they fix where the name ends.
AFTER_NAME = sorted("""作为 分获 荣获 参加 出席 主持 陪同 一行 同志 强调 指出 要求 表示 介绍 带队 率队 调研 考察 暗访 督办
讲话 列席 说 等 和 与 及 在 到 赴 为 作 先后 首先 接着 随后 专题 深入 听取 围绕 对 来 就 代表 兴奋 详细 召开 宣读 传达 前往
分别 一同 共同 同 也 还 又 都 均 已 将 是 的 总书记 书记 指导 部署 会见 慰问 走访 看望 检查 视察 参观
通报 汇报 作了 作出 主讲 发言 提出 希望 认为 坦言 感慨 告诉 笑着 激动 高兴 回忆 带领 组织 牵头
应邀 受邀 宣布 致辞 正在 一边 指着 获得 拿着 带着 站在 坐在 忙着 高兴地 笑着说 家的 家里 率 陪同 下达 通报
 驾驶 展示 操作 颁发 所作 逐一 进行 领学 手捧 采摘 收割 搬运 整理 以 现场 观摩 巡查 巡河 授课 解读 颁奖 揭牌 观看 宣誓 凭借 致欢迎辞
实地 专程 顶风 冒雨 又一次 再次 来到 走进 莅临 亲临 抵达 到达 赶赴 奔赴 赶到 一起 亲切""".split(),
                    key=len, reverse=True)
DELIMS = set("、，,。；;：:（(）) \n")
_AFTER_NAME2 = re.compile("|".join(map(re.escape, (w for w in AFTER_NAME if len(w) >= 2))))
_AFTER_NAME1 = frozenset(w for w in AFTER_NAME if len(w) == 1)
_CJK_RUN = re.compile(f"[{CJK}]+")
_TRAVEL_CHARS = frozenset("到赴等")
_SAID_CLOSE = frozenset("：:，,“\"。")
GROUP_WORDS = ("两区领导", "区领导", "市领导", "省领导", "县领导", "镇领导", "领导")
ROLE_WORDS = ("学生", "村民", "居民", "市民", "群众", "负责人", "党员", "志愿者", "老人", "职工", "员工", "主播",
              "村干部", "干部", "网格员", "教师", "老师", "医生", "护士", "游客", "种植户", "养殖户", "创业者", "农户", "大户", "青年",
              "社区书记", "书记", "主任", "经理", "厂长", "老板", "店主", "代表", "村支书",
              # the contestants, players, trainees and job seekers of the genre's events
              "选手", "队员", "球员", "学员", "求职者", "歌手", "退役军人", "爱好者", "牧民", "技术员",
              # the craftsmen whom culture news names: 非遗传承人X, 国家级传承人X
              "传承人",
              # the farmers and households a feature quotes: 农场主X, 蜂农X, 监测户X
              "农场主", "场主", "蜂农", "果农", "茶农", "菜农", "渔民", "监测户", "脱贫户", "种粮大户", "养殖大户")


# 县委常委班子作…, 班子成员: a group word after a title opens no name (班, 成 are surnames)
_GROUP_HEADS = ("班子", "成员")
NAME_END_BAD = set("市县区镇乡村省局委办厂院所站部处会队组团")


# the titles a page addresses a named official by, after the surname alone (李主席, 曹县长), and the
# words it calls the elderly, teachers and craftsmen by (杨大爷, 王阿姨, 李师傅): no name of a person
_BARE_ADDRESS = frozenset("书记 主席 县长 区长 市长 旗长 州长 省长 镇长 乡长 部长 局长 厅长 主任 院长 校长 所长 委员 常委 "
                          "大爷 大妈 大娘 大婶 大叔 大姐 大哥 阿姨 师傅 奶奶 爷爷 婆婆 老汉 老师".split())


@lru_cache(maxsize=65536)     # (pure, and asked of the same few words again and again)

def plausible_name(name: str) -> bool:
    """A 2-4 character run read as a name is not a common word and does not end like a place or body."""

    if len(name) < 2 or name[-1] in NAME_END_BAD or name.startswith(_GROUP_HEADS):
        return False
    if name[1:] in lexicon().org_suffixes:
        return False     # 部分区人大代表: 区 (a surname too) + 人大 is the district's congress
    if is_common_word(name) or tag(name) == "nt":
        return False     # (党组织书记: a word the dictionary knows as a body names no one)
    if name[0] in "和与及同" and is_common_word(name[1:]):
        return False     # 县领导和企业代表: 和 joins two groups, it is no surname here
    if len(name) == 3 and name[1:] in _BARE_ADDRESS:
        return False     # 古书记要求: a surname and a title is how the page addresses someone it named
    if len(name) == 2:
        return True      # the word test below reads a head shorter than the name (most names: no tag look-up)
    head = name[:2]
    t = tag(head)
    if t is not None and not t.startswith("nr") and freq(head) > 50 and \
            lexicon().is_surname_start(name) and t[0] in "vdpcuarz":
        return False
    if len(name) == 3 and name[2] in "要应需须将" and t == "n" and freq(head) > 2000:
        return False     # 各成员单位要…: a common noun (单 a surname too) and the modal after it, no name
    return True


@lru_cache(maxsize=1)
def _name_starts() -> frozenset:
    """Characters a surname can open with: anywhere else no name starts (checked first: cheap)."""
    L = lexicon()
    return frozenset(L.surnames1) | {w[0] for w in L.surnames2}


def name_at(s: str, i: int, known: frozenset = frozenset()) -> int:
    """Length (2-4) of the person name starting at s[i], or 0 when none can be read there."""
    c = s[i:i + 1]
    if c not in _name_starts() and not (known and c in _known_index(known)):
        return 0
    n = _name_at(s, i, known)
    if n and s[i:i + n] not in known and not plausible_name(s[i:i + n]):
        return 0
    return n


def _surname_len(s: str, i: int) -> int:
    """Length of the surname opening s at i (2 for 司马, 欧阳…), 0 for none."""
    L = lexicon()
    return 2 if s[i:i + 2] in L.surnames2 else 1 if s[i:i + 1] in L.surnames1 else 0


# adverbs written between a name and the verb that follows names (刘芳也表示, 大家都认为); none closes a
# given name often enough to read it as one (均 and 亦 do: 刘晓均)
_ADVERBS_AFTER_NAME = frozenset("也都还又就")


def _name_at(s: str, i: int, known: frozenset) -> int:
    if known and i < len(s):
        for n in _known_index(known).get(s[i], ()):
            if s.startswith(n, i):
                return len(n)
    sur = _surname_len(s, i)
    if not sur:
        return 0
    run = _CJK_RUN.match(s, i, i + sur + 2)
    k = run.end() - i if run else 0     # ideographs from i, at most sur + 2
    if k <= sur:
        return 0         # no room for a given name
    lengths = (sur + 1, sur + 2) if k > sur + 1 else (sur + 1,)
    if s[i + sur + 1:i + sur + 2] == "等":
        return sur + 1   # 汪洋等出席: 等 closes a list, it is not part of the name
    if k > sur + 1 and (s.startswith("以及", i + sur + 1) or
                        (s[i + sur + 1] in _ADVERBS_AFTER_NAME and _AFTER_NAME2.match(s, i + sur + 2))):
        return sur + 1   # 家长代表刘芳|也表示, 校长尹红|以及…: an adverb or 以及 after a short name
    for n in lengths:  # a word that follows names starts right after n characters
        if _AFTER_NAME2.match(s, i + n):
            return n
    if s[i + sur + 1:i + sur + 2] == "说" and s[i + sur + 2:i + sur + 3] in _SAID_CLOSE:
        return sur + 1   # 总经理吴俊说：“…”: the name ends before 说 and its colon or quote
    for n in lengths:
        if i + n == len(s) or s[i + n] in DELIMS:
            return n
    if k > sur + 1 and s[i + sur + 2:i + sur + 3] in _AFTER_NAME1:
        return sur + 2
    if sur == 2 and s[i + sur + 1:i + sur + 2] in _AFTER_NAME1:
        return sur + 1   # 司徒静为工作室揭牌: a compound surname and one given character
    if s[i + sur + 1:i + sur + 2] in _TRAVEL_CHARS:
        return sur + 1   # 龚铭到…调研: a short name before 到/赴
    return 0


_PARTICLES = frozenset("了着过的地得么吗呢吧")     # no given name holds one


def _name_before_verb(s: str, i: int) -> int:
    """Length of a surname's name right after a title that the tables of closers do not end: the
    name ends where a common word of the dictionary starts (书记汪小雷|交流, 区长闵瑶|主动), or
    where the segmentation ends it before a word of the dictionary (书记鲁桂香|拉家常, 选手李翠兰|分获);
    a name that is also a word (副市长严明|出席) only before a verb of the leaders' news or a comma.
    Only after a title, where a name is expected: elsewhere a verb after three characters reads
    names into words (荆州区|信访)."""
    sur = _surname_len(s, i)
    if not sur:
        return 0
    if is_common_word(s[i:i + 2]):
        # (胡县长强调，: a verb after a title the surname opens is the address's, no name)
        return 2 if sur == 1 and (s[i + 2:i + 3] in "，、" or s.startswith(_TITLED_WORD_CLOSERS, i + 2)) and \
            s[i + 2:i + 3] and not _PARTICLES.intersection(s[i:i + 2]) and tag(s[i:i + 2]) != "v" else 0
    n = _segmented_name(s, i, sur)
    if n:
        return n
    for n in (sur + 1, sur + 2):
        name, w = s[i:i + n], s[i + n:i + n + 2]
        if len(name) < n or not all(map(_is_cjk, name)) or _PARTICLES.intersection(name) or \
                STOP_CHARS.intersection(name[sur:]) or name[-1] in _LEVELS or name[-1] in "村":
            return 0     # (镇长|丰村为|群众: 金湾镇|长丰村 is a village, 为 no character of a name)
        if len(w) == 2 and freq(w) > 300 and is_common_word(w) and not is_common_word(s[i + n - 1:i + n + 1]) \
                and not (n - sur == 2 and freq(name[-2:]) > 20000) and not _FIRM_AFTER.match(s, i + n) \
                and plausible_name(name):
            # (市长|林文化|旅游有限公司: a company's name, and 文化 one of the commonest words; 刘海军 is a name)
            return n
    return 0


# the verbs of a leader's own news right after a name that is also a word (副市长严明出席)
_TITLED_WORD_CLOSERS = ("出席", "主持", "参加", "列席", "讲话", "致辞", "陪同", "带队", "率队", "一行", "强调",
                        "指出", "表示", "介绍", "宣读", "调研")


def _segmented_name(s: str, i: int, sur: int) -> int:
    """Length of the name at i where the segmentation reads it as one token of a surname and one or
    two given characters, and a dictionary word of two or more characters after it."""
    toks = lcut(s[i:i + 8])
    if len(toks) >= 2 and len(toks[0]) in (sur + 1, sur + 2) and toks[1] in _AFTER_NAME1 and \
            not is_common_word(toks[0]) and plausible_name(toks[0]):
        return len(toks[0])     # 副局长孙婷|就…作部署: a name the segmentation reads whole, a closer after it
    n = 0
    for tok in toks:
        if n >= sur + 1 and (len(tok) >= 2 or (tok in _AFTER_NAME1 and tok not in "和与及等")):
            break          # (the segmentation leaves an unknown name as single characters: 鲁|桂|香|拉家常, 孙|婷|就)
        n += len(tok)
        if n > sur + 2:
            return 0
    else:
        return 0
    name, nxt = s[i:i + n], tok
    if (len(nxt) < 2 and nxt not in _AFTER_NAME1) or not freq(nxt) or not all(map(_is_cjk, name)) or \
            _FIRM_AFTER.match(s, i + n) or \
            _PARTICLES.intersection(name) or STOP_CHARS.intersection(name[sur:]) or name[-1] in _LEVELS or \
            not plausible_name(name):
        return 0
    return len(name)


# Tibetan names that open with a character that elsewhere stops a name (才让东主, 才旦卓玛: 才
# is "only"), and Mongolian ones opening with 其 (其其格, 其木格) or with what the dictionary takes
# for a word (乌力吉图: 乌力): after a title, these openings are a name's.
_FREE_NAME_OPENINGS = frozenset(("才让", "才旦", "才仁", "才吉", "其其", "其木", "乌力"))


def _free_name_at(s: str, i: int) -> int:
    """Length of a name right after a title that opens with no surname of the table (宝音,
    巴特尔, 乌日娜: Mongolian and other names): 2-4 name characters the text closes as a name
    does (a word that follows names, or punctuation), that are no dictionary word; or a name of
    two parts joined by a middle dot (艾尔肯·买买提: Uyghur and other names), each 2-6 characters."""
    if "·" in s[i + 2:i + 7]:
        dot = s.index("·", i + 2)
        if not all(map(_is_cjk, s[i:dot])) or title_re().search(s, i, dot):
            return 0     # 县委副书记|、县长艾力·买买提, 人大常委|会主任买买提·艾买尔: the name is the next title's
        # (宝音和艾力·买买提: a word that ends a name before the dot makes two names, read apart)
        if not any(c in STOP_CHARS and not (k and c in _FREE_INNER) for k, c in enumerate(s[i:dot])):
            for n in range(dot - i + 3, dot - i + 8):     # (阿不都热依木: a part of six)
                j = i + n
                if j <= len(s) and all(_is_cjk(c) for c in s[dot + 1:j]) and \
                        (j == len(s) or s[j] in DELIMS or (_AFTER_NAME2.match(s, j) and not inside_word(s, j))):
                    return n     # (买买提|出席, not 买买|提出)
    lead = 2 if s[i:i + 2] in _FREE_NAME_OPENINGS else 0
    # (额尔敦巴雅尔, 敖特根其其格: Mongolian names run to six; a Tibetan one opened by 才让 to four)
    for n in ((2, 3, 4) if lead and s[i] == "才" else (2, 3, 4, 5, 6)):
        name = s[i:i + n]
        j = i + n
        if len(name) < n or not all(_is_cjk(c) and (k < lead or c not in STOP_CHARS or (c in _FREE_INNER and (k or c == "那"))
                                                    or (c == "和" and k == n - 1 and k >= 2 and s[j:j + 1] in DELIMS))
                                    for k, c in enumerate(name)):
            return 0
        if (j == len(s) or s[j] in DELIMS or _AFTER_NAME2.match(s, j) or (n == 4 and s[j] in _TRAVEL_CHARS)
                or (n >= 5 and s[j] in _AFTER_NAME1)) \
                and plausible_name(name) \
                and not _title_ending_at(s, j) and \
                (lead or not any(is_common_word(name[k:k + 2]) for k in range(n - 1))):   # 常态|巡查, 出席|活动
            return n
    return 0


@lru_cache(maxsize=None)
def words_re(words: tuple) -> re.Pattern:
    """One alternation for a word list, longest first: a single scan instead of one per word."""
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


@lru_cache(maxsize=256)
def _known_automaton(known: frozenset):
    """The page's known names as an Aho-Corasick automaton: every page has its own set, and
    building one costs ~50x less than compiling the same words as a regex alternation."""
    import ahocorasick

    a = ahocorasick.Automaton()
    for k in known:
        a.add_word(k, k)
    a.make_automaton()
    return a


def _known_spans(s: str, known: frozenset) -> list:
    """(start, end, name) of known names in s, scanned like a longest-first alternation:
    leftmost match, the longest name there, then on from its end."""
    found = list(_known_automaton(known).iter(s))
    if len(found) < 2:       # most sentences name none or one: nothing to order
        return [(end + 1 - len(w), end + 1, w) for end, w in found]
    hits = sorted((end + 1 - len(w), -len(w), w) for end, w in found)
    out, pos = [], 0
    for a, neg, w in hits:
        if a >= pos:
            out.append((a, a - neg, w))
            pos = a - neg
    return out


@lru_cache(maxsize=256)
def _known_index(known: frozenset) -> dict:
    idx: dict = {}
    for k in known:
        idx.setdefault(k[0], []).append(k)
    for v in idx.values():
        v.sort(key=len, reverse=True)
    return idx


@lru_cache(maxsize=None)
def _titles() -> tuple:
    return tuple(lexicon().titles)


@lru_cache(maxsize=None)
def title_re() -> re.Pattern:
    return words_re(tuple(lexicon().titles))


@lru_cache(maxsize=None)
def _title_marks() -> tuple:
    return _marks_of(lexicon().titles)       # 长 书 主 员 …: most sentences hold none


@lru_cache(maxsize=None)
def _title_shape() -> tuple[int, frozenset]:
    """The longest title's length and the characters titles end with: the two tests that let
    the title scans below skip slices no title can be (chain finding runs them per start)."""
    titles = lexicon().titles
    return max(map(len, titles), default=0), frozenset(t[-1] for t in titles)


_COMPANY_QUALIFIER = re.compile(f"(有限责任公司|有限公司|公司)([{CJK}]{{1,3}})$")


_DEPUTY = re.compile(f"^([{CJK}]{{0,8}}?)(全国|省|自治区|市|州|县|区|旗|盟|乡|镇)级?人大代表$")


@lru_cache(maxsize=65536)     # (pure, and asked of the same few words again and again)
def split_item(item: str) -> tuple[str, str]:
    """A chain item into (body, title): the longest title that ends the item."""
    titles = lexicon().titles
    longest, last = _title_shape()
    if item[-1:] not in last:
        return item, ""
    m = _DEPUTY.match(item) if item.endswith("人大代表") else None
    if m:
        # 县人大代表, 市级人大代表: a deputy (代表) of that level's congress, the body the title names
        return m.group(1) + m.group(2) + "人大", "代表"
    for k in range(min(len(item), longest), 0, -1):
        t = item[len(item) - k:]
        if t in titles:
            body = item[:len(item) - k]
            if body.endswith(("常务", "执行")) and (t[0] == "副" or t.endswith(("主席", "主任"))):
                return body[:-2], body[-2:] + t  # 党校常务副校长, 主席团常务主席, 执行主席: the title's word
            q = _COMPANY_QUALIFIER.search(body)
            if q and q.group(2) not in lexicon().org_suffixes:
                return body[:q.end(1)], q.group(2) + t   # 化工有限公司安全总监: 安全 qualifies the title
            return body, t
    return item, ""


_BODY_OK = re.compile(f"^[{CJK}（）()]*$")


@lru_cache(maxsize=65536)     # (pure, and asked of the same few words again and again)
def _valid_item(item: str) -> bool:
    m = _DEPUTY.match(item) if item.endswith("人大代表") else None
    if m and m.group(1) and is_common_word(m.group(1)):
        return False     # 联系|市级人大代表: the item starts at the level word, after the verb
    body, title = split_item(item)
    if not title or len(item) > 24 or not _BODY_OK.match(body):
        return False
    if body and (body[-1] in STOP_CHARS or any(w in body.replace("领导小组", "") for w in ("领导", "负责", "相关", "有关"))):
        return False     # (县领导, 相关负责: no body; a leading group, 领导小组, is one)
    return True


def _title_ending_at(s: str, end: int) -> str:
    titles = lexicon().titles
    longest, last = _title_shape()
    if end < 1 or (end <= len(s) and s[end - 1] not in last):
        return ""
    for k in range(min(8, longest, end), 0, -1):
        if s[end - k:end] in titles:
            return s[end - k:end]
    return ""


def title_matches(s: str) -> list:
    """The lexicon's titles in s, left to right (title_re's matches): read by both find_chains and
    find_title_after, so a sentence is scanned for them once."""
    return list(title_re().finditer(s)) if _holds_any(s, _title_marks()) else []


# the work a 领导小组 or 委员会 is for, written before it as a stop word elsewhere (农村工作领导小组)
_WORK_BEFORE_HELD = ("工作",)


@lru_cache(maxsize=None)
def _stopword_bodies() -> tuple:
    """The body suffixes that hold a verb of the stop words (发展改革委, 城乡建设局, 工作委员会, 领导小组), longest first."""
    return tuple(sorted((w for w in lexicon().org_suffixes if len(w) > 2 and
                         any(v in w for v in ("发展", "建设", "城乡", "工作", "领导"))), key=len, reverse=True))


def find_chains(s: str, known: frozenset = frozenset(), titles: list | None = None) -> list[Chain]:
    """Title chains ending in a name: "荆州区委副书记、区长，荆州高新区党工委书记张远重".
    ``titles``: :func:`title_matches` of s, when the caller has them."""
    out = []
    titles = title_matches(s) if titles is None else titles
    for m in titles:
        n = name_at(s, m.end(), known)
        if not n:
            n = _free_name_at(s, m.end()) or _name_before_verb(s, m.end())
        elif m.end() + n < len(s) and s[m.end() + n] in _FREE_INNER and s[m.end():m.end() + n] not in known:
            free = _free_name_at(s, m.end())     # 那仁满|都拉: 都, a closer elsewhere, runs on in a long name
            n = free if free >= 5 else n
        elif s[m.end() + n:m.end() + n + 1] == "和" and s[m.end() + n + 1:m.end() + n + 2] in DELIMS and \
                s[m.end():m.end() + n] not in known:
            # 旗长巴图孟和，: 和 before a comma joins nothing; it ends the name (孟和, a Mongolian name's end)
            n = _free_name_at(s, m.end()) or n
        if not n or (s[m.end()] in _ADVERBS_AFTER_NAME and is_common_word(s[m.end() + 1:m.end() + 3])):
            continue      # (观摩团成员|都认真听取: the members all listened; 都 opens no name here)
        if m.group() == "总书记":  # "习近平总书记": the title follows the name; handled in find_title_after
            continue
        if "广大" in s[max(0, m.start() - 6):m.start() + 2] and \
                "广大" in re.split("[，、。；,;]", s[max(0, m.start() - 6):m.start() + 2])[-1]:
            continue      # 广大政协委员要…: the members at large, no title of a named person
        # walk left over the chain: items separated by 、 or ，
        items = []
        end = m.end()
        cur_end = end
        while True:
            title = _title_ending_at(s, cur_end)
            if not title:
                break
            # the body runs left from the title to a stop; keep the longest part that reads as body + title
            # (the body of a title runs back no further than the name of the chain before it:
            # 镇党委书记甲带领|镇党委副书记乙)
            start = left_edge(s, cur_end - len(title), out[-1].person.end if out else 0, 20, allow="（）()")
            if cur_end - len(title) - start == 1 and s[start] in _BODY_END and start > 0:
                # 白酒产业发展局局长, 组织部干部科科长: a body's one-character suffix alone is no body;
                # the word before it (发展, 干部), which elsewhere stops a name, is the body's own
                start = left_edge(s, start, 0, 20, allow="（）()", own_word=True)
            jian = s.rfind("兼", start, cur_end - len(title))
            if jian > start and s.endswith(_titles(), 0, jian):
                start = jian + 1          # 董事长兼总经理: 兼 joins two titles, as 、 does
            held = next((w for w in _stopword_bodies() if s.endswith(w, 0, cur_end - len(title))), None)
            if held and cur_end - len(title) - len(held) < start:
                # 县发展改革委主任, 市住房和城乡建设局局长: the body's suffix holds a word that
                # elsewhere stops a name; the name runs on left of it
                start = left_edge(s, cur_end - len(title) - len(held), 0, 20, allow="（）()")
            while held and start == cur_end - len(title) - len(held) and s.endswith(_WORK_BEFORE_HELD, 0, start):
                # 县委农村工作领导小组: the work a body with such a suffix is for is a part of its name
                held = next(w for w in _WORK_BEFORE_HELD if s.endswith(w, 0, start))
                start = left_edge(s, start - len(held), 0, 20, allow="（）()")
            start = _LEVEL_AND.opening(s, start)   # 县文化和旅游局局长: 和 inside a bureau led by its level word
            ok = None
            for a in range(start, cur_end - len(title) + 1):
                if _valid_item(s[a:cur_end]):
                    ok = a
                    break
            if ok is None:
                break
            if len(items) and _name_then_title(s, ok, cur_end - len(title)):
                break                     # 县政协罗玉梅副主席，…副县长甲: the item before is another's title
            items.append((ok, cur_end))
            if ok >= 1 and s[ok - 1] in "、，,兼" and ok - 1 > 0:
                cur_end = ok - 1
                # the previous segment must itself end with a title, else the chain stops here
                if not title_re().search(s[max(0, cur_end - 8):cur_end]) or \
                        not s.endswith(_titles(), 0, cur_end):
                    break
                continue
            break
        if not items:
            continue
        person = _new(Mention, ("Person", s[end:end + n], end, end + n, "Official", (("how", "chain"),)))
        posts = []
        for a, b in reversed(items):
            body, title = split_item(s[a:b])
            posts.append(_new(Mention, ("Post", s[a:b], a, b, "", (("body", body), ("title", title)))))
        out.append(Chain(person, posts))
        # "区政府党组成员王厚强、黄惊华": the names listed after the first share its titles
        i = end + n
        while i < len(s) and s[i] == "、":
            k = name_at(s, i + 1, known)
            if not k or title_re().match(s, i + 1) or any(x.start() < i + 1 + k < x.end() for x in titles):
                break     # (冯海、区委副|书记尤志晓: a title runs across the end of the name read)
            out.append(Chain(Mention("Person", s[i + 1:i + 1 + k], i + 1, i + 1 + k, "Official",
                                     (("how", "chain-list"),)), posts))
            i += 1 + k
    return out


def _name_then_title(s: str, a: int, b: int) -> bool:
    """s[a:b], the body of a chain item, ends with a name after a body (县政协|罗玉梅|副主席): the title
    printed after a name, another person's, not a title of the chain."""
    for n in (3, 2):
        c = b - n
        if c - 2 >= a and s[c - 1] in _BODY_END and lexicon().is_surname_start(s[c:b]) and plausible_name(s[c:b]):
            return True
    return False


# 任前公示: "NAME，男，汉族，1978年3月生，…，现任CHAIN，拟任…": the name opens the line, its sex follows
_NOTICE_HEAD = re.compile(f"(?:^|(?<=[：:]))([{CJK}]{{2,4}})[，,][男女][，,]")   # (公示如下：NAME，男，…)
_NOTICE_NOW = re.compile("现任([^；;。拟]{2,80}?)(?=[，,]拟|[；;。]|$)")


def find_notice_chains(s: str, known: frozenset = frozenset()) -> list[Chain]:
    """A notice line of an appointment: the person is the name opening the line, the posts are
    the titles after 现任 (what 拟任 proposes is no post held yet)."""
    m = _NOTICE_HEAD.search(s)
    if m is None or not plausible_name(m.group(1)) or not lexicon().is_surname_start(s[m.start(1):]):
        return []
    person = _new(Mention, ("Person", m.group(1), m.start(1), m.end(1), "Official", (("how", "notice"),)))
    now = _NOTICE_NOW.search(s, m.end())
    if now is None:
        return [Chain(person, [])]
    return [Chain(person, _titles_within(s, now.start(1), now.end(1)))]


# 宣布…决定：甲同志任荆州区委委员、常委、书记: the appointed person and the titles after 任
# (选举甲为A, 补选甲为A, 甲当选为A: an election at a congress's sitting gives the post as an appointment does)
_APPOINTED = re.compile(f"(?:(?:任命|选举|补选|增补)[：:]?([{CJK}]{{2,4}}?)(?:同志)?(?:当选)?为|"
                        f"([{CJK}]{{2,4}})(?:同志(?:任|担任)|(?:同志)?当选为?))"
                        f"([^，。；、]{{2,40}}(?:、[^，。；、]{{1,40}})*)(?=[，。；]|$)")


def find_appointed_chains(s: str) -> list[Chain]:
    """甲同志任A、B、C, 任命甲为A (an appointment announced at a meeting): 甲 holds each title (a bare one is of
    the body before it, as in any chain); 任命甲为A，乙为B: each appointee of one decision; a sentence
    that is only 乙为B； (the items of a decision's list, 决定任命： then one appointee a line)."""
    item = _APPOINTED_ITEM.match(s)
    if item:
        return _appointed(s, item.span(1), item.span(2))
    out = []
    for m in _APPOINTED.finditer(s):
        out += _appointed(s, m.span(1 if m.group(1) else 2), m.span(3))   # (任命甲为X, 任命：甲为X: the decision's own wording)
        more = _APPOINTED_MORE.match(s, m.end()) if m.group(1) else None
        while more:
            out += _appointed(s, more.span(1), more.span(2))
            more = _APPOINTED_MORE.match(s, more.end())
    return out


def find_removed_names(s: str) -> list[Mention]:
    """免去甲的A职务, 免去甲同志A职务: the person a decision removes from a post (a person, no post)."""
    out = []
    for m in _REMOVED.finditer(s):
        a, b = m.span(1)
        if plausible_name(s[a:b]) and lexicon().is_surname_start(s[a:b]):
            out.append(_new(Mention, ("Person", s[a:b], a, b, "Official", (("how", "removed"),))))
    return out


_REMOVED = re.compile(f"免去([{CJK}·]{{2,4}}?)(?:同志)?的")
# 乙为B； as a sentence of its own: an item of an appointments list
_APPOINTED_ITEM = re.compile(f"([{CJK}]{{2,4}}?)(?:同志)?为([^，。；、为]{{2,40}}(?:、[^，。；、]{{1,40}})*)[；。;]?$")
# ，乙为B right after 任命甲为A: the next appointee of the same decision
_APPOINTED_MORE = re.compile(f"[，,]([{CJK}]{{2,4}}?)(?:同志)?为([^，。；、]{{2,40}}(?:、[^，。；、]{{1,40}})*)(?=[，。；]|$)")


def _appointed(s: str, name: tuple[int, int], titles: tuple[int, int]) -> list[Chain]:
    """The chain of one appointment: the name written in the span ``name``, its titles in ``titles``."""
    a, b = name
    # (宣布|邹明川同志任, 决定|张伟同志担任: the four characters before 同志 may open with the
    # verb that announces it; the name is the shortest end of them that reads as one)
    while b - a > 2 and not (plausible_name(s[a:b]) and lexicon().is_surname_start(s[a:b])):
        a += 1
    if not plausible_name(s[a:b]) or not lexicon().is_surname_start(s[a:b]):
        return []
    posts = _titles_within(s, *titles)
    if not posts:
        return []
    return [Chain(_new(Mention, ("Person", s[a:b], a, b, "Official", (("how", "appointed"),))), posts)]


def _titles_within(s: str, a0: int, end: int) -> list:
    """The titles of a chain written from a0 to end (A、B、C), walked from its end."""
    posts = []
    cur = end
    while cur > a0:
        title = _title_ending_at(s, cur)
        if not title:
            break
        start = max(a0, left_edge(s, cur - len(title), a0, 20, allow="（）()"))
        start = _LEVEL_AND.opening(s, start, a0)   # 县发展和改革局: 和 inside a body opening with a level word
        ok = next((a for a in range(start, cur - len(title) + 1) if _valid_item(s[a:cur])), None)
        if ok is None:
            break
        body, t = split_item(s[ok:cur])
        posts.insert(0, _new(Mention, ("Post", s[ok:cur], ok, cur, "", (("body", body), ("title", t)))))
        if ok - 1 > a0 and s[ok - 1] in "、，,":
            cur = ok - 1
            continue
        break
    return posts


def find_title_after(s: str, titles: list | None = None) -> list[Chain]:
    """A name then its title: "习近平总书记", "王明远副区长陪同", "许立新副主任一行". The name opens a
    clause (or follows a stop word) and the title is followed by what follows names, so 张书记
    (no given name) and 区委书记处 are not read. ``titles``: :func:`title_matches` of s."""
    out = []
    parent = None        # (end of the last item, the parent body of a list's first item)
    for m in (title_matches(s) if titles is None else titles):
        t = m.group()
        if t != "总书记" and not (m.end() == len(s) or s[m.end()] in DELIMS or _AFTER_NAME2.match(s, m.end())
                                 or s[m.end()] in _AFTER_NAME1):
            continue
        for n in (3, 2):
            a = m.start() - n
            if a < 0 or not all(_is_cjk(c) for c in s[a:m.start()]) or not lexicon().is_surname_start(s[a:]):
                continue
            body_at = _body_before_name(s, a) if t != "总书记" and a > 0 and s[a - 1] not in DELIMS else -1
            if body_at >= 0 and plausible_name(s[a:m.start()]) and not _title_ending_at(s, m.start()):
                # 县政协提案委韩立新主任、经济委苗志刚主任: the body, the name, then the title; a later
                # item's body with no level word is a sibling under the first one's parent (县政协)
                body = s[body_at:a]
                if not body.startswith(LEVEL_HEADS):
                    if parent is None or s[parent[0]:body_at] != "、":
                        continue
                    body = parent[1] + body
                else:
                    parent = (m.end(), _parent_body(body))
                parent = (m.end(), parent[1])
                p = Mention("Person", s[a:m.start()], a, m.start(), "Official", (("how", "title-after"),))
                out.append(Chain(p, [Mention("Post", s[body_at:a] + t, body_at, m.end(), "",
                                             (("body", body), ("title", t)))]))
                break
            if t == "总书记":
                if not (a == 0 or not _is_cjk(s[a - 1]) or s[a - 1] in STOP_CHARS or _stopword_ending_at(s, a)):
                    continue
            # any other title: the name opens a clause (部分区政协委员 is no one's title)
            elif not (a == 0 or s[a - 1] in DELIMS) or not plausible_name(s[a:m.start()]) or \
                    _title_ending_at(s, m.start()):
                continue
            p = Mention("Person", s[a:m.start()], a, m.start(), "Official", (("how", "title-after"),))
            out.append(Chain(p, [Mention("Post", t, m.start(), m.end(), "", (("body", ""), ("title", t)))]))
            break
    return out


# the characters a body's name ends with, where a name may follow it directly (县政协提案委韩立新主任)
_BODY_END = frozenset("委办局部会联协院所厅处科室站队")
_BODY_PARENTS = ("人大常委会", "政协", "人大", "政府", "委")


def _body_before_name(s: str, a: int) -> int:
    """Where the body that stands right before the name at ``a`` starts, or -1: a run of 2-12
    name characters from a clause's opening (or a list comma) that ends like a body."""
    if s[a - 1] not in _BODY_END:
        return -1
    i = a - 1
    while i > 0 and a - i < 12 and _is_cjk(s[i - 1]) and s[i - 1] not in STOP_CHARS:
        i -= 1
    if a - i < 2 or not (i == 0 or s[i - 1] in DELIMS):
        return -1
    return i


def _parent_body(body: str) -> str:
    """The body a sub-body hangs under: the longest opening of ``body`` that ends with a parent
    organ (县政协提案委 → 县政协, 县委组织部 → 县委); the level word alone when none."""
    for k in range(len(body) - 1, 1, -1):
        if body[:k].endswith(_BODY_PARENTS):
            return body[:k]
    return body[:1]


_GROUP_RE = words_re(GROUP_WORDS)
_GROUP_MARKS = _marks_of(GROUP_WORDS)
_ROLE_RE = words_re(ROLE_WORDS)


_PRONOUNS = frozenset("您你我他她它咱")


def find_listed_names(s: str, known: frozenset = frozenset()) -> list[Mention]:
    """Names in lists after a group word ("两区领导A、B、C") or a role word ("学生陶静茹说")."""
    out = []
    for m in (_GROUP_RE.finditer(s) if _holds_any(s, _GROUP_MARKS) else ()):
        i = m.end()
        while i < len(s):
            n = name_at(s, i, known)
            if not n:
                break
            out.append(_new(Mention, ("Person", s[i:i + n], i, i + n, "Official", (("how", "list"),))))
            i += n
            if i < len(s) and s[i] == "、":
                i += 1
                continue
            break
    for m in _ROLE_RE.finditer(s):
        i = m.end()
        # (after a role word a name is expected, as after a title: 求职者温晓辉|当天, 村民黄大伟|第一个发言)
        n = name_at(s, i, known)
        if not n and _surname_len(s, i):
            n = _name_before_verb(s, i)
            if s[i + n:i + n + 1] in NUMERALS or _PRONOUNS.intersection(s[i:i + n]) or freq(s[i:i + n]) > 100:
                n = 0    # (监测户卢阿|三家: the name runs on; 群众向您: 向 a surname, 您 no name's;
                # 市民文明|出行: a word of the dictionary, no name)
        if n and (inside_word(s, m.start()) or inside_word(s, i + n)):
            n = 0        # (乡村|民宿规范: 村民 straddles two words; 游客来|马山镇: the name runs into a word)
        if n:
            out.append(_new(Mention, ("Person", s[i:i + n], i, i + n, "Other", (("how", "role"),))))
    if "等" in s and "、" in s:
        out += _names_before_deng(s, known)
    return out


# after "A、B、C等": the listed are people when a word for people or their presence follows
_PEOPLE_AFTER_DENG = re.compile("[^，。；：,;:]{0,14}?(?:领导|同志|干部|负责人|代表|委员|班子|老总|企业家|出席|参加|陪同|参会|一行)")


def _names_before_deng(s: str, known: frozenset) -> list[Mention]:
    """"刘一鸣、王二江、张三丰等在家的县领导出席": a run of names before 等, every item one."""
    out = []
    for m in re.finditer("等", s):
        if not _PEOPLE_AFTER_DENG.match(s, m.end()):
            continue
        items, end = [], m.start()
        while True:
            found = None
            for n in (4, 3, 2):
                a = end - n
                if a >= 0 and (a == 0 or s[a - 1] in "、，,：:（(") and name_at(s, a, known) == n:
                    found = (a, end)
                    break
            if found is None:
                break
            items.append(found)
            if found[0] == 0 or s[found[0] - 1] != "、":
                break
            end = found[0] - 1
        if len(items) >= 2:
            out += [_new(Mention, ("Person", s[a:b], a, b, "Official", (("how", "list"),))) for a, b in items]
    return out


LEAD_VERBS = ("同志", "代表", "主持", "强调", "指出", "要求", "表示", "一行", "带队", "率队", "调研", "出席", "参加", "暗访",
              "督办", "考察", "视察", "讲话", "介绍", "深入", "先后", "专题", "走访", "看望", "慰问", "检查")


# a clause opening with 2-4 characters and a verb: the only places find_subject_names looks at.
# The clause mark is matched, not looked behind at: a pattern that opens with a character set
# lets re skip ahead to the next mark, where "^|(?<=…)" tried a full match at every position.
_SUBJECT_VERB = f"(?=[{CJK}]{{2,4}}(?:{'|'.join(LEAD_VERBS)}))"
_SUBJECT_OPENS = re.compile(_SUBJECT_VERB)
_SUBJECT_AFTER = re.compile(f"[，。；：、,;:\\s]{_SUBJECT_VERB}")


def find_subject_names(s: str, known: frozenset = frozenset()) -> list[Mention]:
    """A name opening a clause and followed by a verb of the genre: "张远重强调", "万玲玲一行先后到"."""
    out = []
    starts = [m.end() for m in _SUBJECT_AFTER.finditer(s)]
    if _SUBJECT_OPENS.match(s):
        starts.insert(0, 0)
    for i in starts:
        n = name_at(s, i, known)
        if n and s.startswith(LEAD_VERBS, i + n):
            out.append(_new(Mention, ("Person", s[i:i + n], i, i + n, "Official", (("how", "verb"),))))
    if "同志" in s:
        seen = {m.start for m in out}
        out += [m for m in find_comrades(s, known) if m.start not in seen]
    return out


def find_comrades(s: str, known: frozenset = frozenset()) -> list[Mention]:
    """A name followed by 同志 where a verb, a stop word or punctuation stands before it:
    "传达了王建华同志在…的讲话" (a clause that does not open with the name)."""
    out = []
    j = s.find("同志")
    while j >= 2:
        for n in (3, 2):
            a = j - n
            if a >= 0 and name_at(s, a, known) == n and \
                    (a == 0 or s[a - 1] in DELIMS or s[a - 1] in STOP_CHARS or _stopword_ending_at(s, a)):
                out.append(_new(Mention, ("Person", s[a:j], a, j, "Official", (("how", "verb"),))))
                break
        j = s.find("同志", j + 2)
    return out


def find_known_names(s: str, known: frozenset) -> list[Mention]:
    """Every occurrence of a name already established on this page, where it is not inside a longer word."""
    out = []
    if not known:
        return out
    for a, b, name in _known_spans(s, known):
        before_ok = a == 0 or not _is_cjk(s[a - 1]) or s[a - 1] in STOP_CHARS or _stopword_ending_at(s, a) \
            or _title_ending_at(s, a) or s.endswith(GROUP_WORDS, 0, a)
        if before_ok:
            out.append(_new(Mention, ("Person", name, a, b, "", (("how", "known"),))))
    return out


# ---------------------------------------------------------------- bodies and places

@lru_cache(maxsize=None)
def _org_scan_re() -> re.Pattern:
    return _suffix_scan_re(tuple(lexicon().org_suffixes))


@lru_cache(maxsize=None)
def _place_scan_re() -> re.Pattern:
    return _suffix_scan_re(tuple(lexicon().place_suffixes))


def _suffix_scan_re(words: tuple) -> re.Pattern:
    """words_re whose single-character suffixes never match where the next character makes a
    word of them (区委, 部门, 市场: NOT_AFTER): most suffix matches are such words, and the regex
    drops them cheaper than a loop turn does. Only single characters: a refused longer suffix
    would let the scan restart inside it and find a match the plain scan skips. (村里, 村组 keep
    their exceptions in _single_char_ok.)"""
    parts = []
    for w in sorted(words, key=len, reverse=True):
        bad = set(NOT_AFTER.get(w, ())) if len(w) == 1 else set()
        if w == "村":
            bad -= {"里", "组", "集"}
        if w == "花园":
            parts.append("花园(?!小区)")   # 金鹏花园小区: one compound, named to its 小区
            continue
        if w == "茶园":
            parts.append("茶园(?!景区|基地|小区|产业园|示范园)")   # 大木山茶园景区: the scenic area's name
            continue
        if w in ("河", "江") and bad:
            # 河流, 河堤 are words, but 桃溪河流经…, 乌兰河堤防… are the river and the next word
            bad -= {"流", "堤"}
            parts.append(f"{w}(?![{re.escape(''.join(sorted(bad)))}]|流(?!经)|堤(?!防))")
            continue
        parts.append(re.escape(w) + (f"(?![{re.escape(''.join(sorted(bad)))}])" if bad else ""))
    return re.compile("|".join(parts))


@lru_cache(maxsize=None)
def gazetteer_re() -> re.Pattern:
    return words_re(tuple(lexicon().gazetteer))


@lru_cache(maxsize=None)
def bodies_re() -> re.Pattern:
    return words_re(tuple(lexicon().bodies))


@lru_cache(maxsize=None)
def _bodies_marks() -> tuple:
    return _marks_of(lexicon().bodies)


# Generic nouns that end like a name but name nothing ("全区", "辖区", "老旧小区", "市场").
GENERIC = set("""全区 辖区 城区 园区 社区 小区 景区 街区 片区 新区 地区 市区 校区 库区 山区 老区 两区 本区 该区 各区 我区
全市 城市 都市 本市 各市 该市 我市 全县 本县 各县 该县 全镇 本镇 各镇 该镇 乡镇 集镇 城镇 村镇 小镇 全村 本村 各村 该村
省市县 省市县乡 县市区 县乡 市县区 县区
乡村 农村 行政村 自然村 示范村 试点村 重点村 典型村 先进村 村村 城带乡 全省 本省 各省 外省 省市 县市 市县 街道 各街道 老旧小区 城中村
道路 公路 马路 思路 出路 线路 门路 路 街 巷 大街 小巷 背街小巷 平原 流域 大学城 古城 建筑群 菜市场 广场 公园 步道
工业园 产业园 工业园区 产业园区 开发区 高新区 管理区 灌区 宿舍区 桥梁 大桥 泵站 电排渠 经济开发区
党委 党组 党工委 纪委 纪工委 工委 委员会 政府 人大 政协 局 办 中心 大队 公司 集团 协会 学会 商会 厂 银行 中学 小学 美丽乡村 美丽庭院
区镇村 学校 学院 大学 医院 纪念馆 博物馆 两委 村两委 村委 居委 镇委 党支部 支部 工会 团委 妇联
班子 部门 单位 委 办公室 两区政府 有限公司 分局 派出所 卫生院 幼儿园 合作社 基金会 联合会 研究院 研究所
村部广场 村部 社区广场 村广场 苏木镇 苏木乡镇 嘎查村 礼堂 大礼堂 老厂区""".split())
# Single-character suffixes need a proper name of at least two characters before them and
# must not run on into a word ("市场", "村民", "区域").
NOT_AFTER = {"部": set("分门署长位件署队属委"), "厅": set("长级堂"), "党组": set("织"), "中心": set("城区镇工"), "市": set("场民委级直属值容貌政区县集井"), "区": set("域委位间别块长政分直领级"), "县": set("域委长政级直属"), "旗": set("委长政级帜舰下袍号手杆直"), "盟": set("委长政友约国员主"),
             "村": set("民委庄落里组级集内部情两容貌道干务规"), "广场": set("舞"), "镇": set("委长政级村"), "乡": set("村亲镇长情愁土"),
             "州": set("市区"), "省": set("委级内外长市政心力钱时事"), "路": set("径线面况口上段边灯"),
             "街": set("道区巷头面坊"), "巷": set("子口"), "厂": set("房区长家商化"), "局": set("长面势"),
             "办": set("公理事法好学"), "委": set("员托屈会"), "院": set("长士子落校"), "所": set("有长在以谓属"),
             # (河道, 河长, 河湖, 江南, 江苏: a river's suffix running on into a word)
             # (金沙河村, 黑龙江省, 都斯图河湿地: the river names the longer place after it)
             "河": set("道段长湖流畔堤岸口床水谷边渠网坝滩沟东西南北底面内里中省市县区镇乡村旗街社园湿港"),
             "江": set("南北东西苏边面水岸堤段畔心口湖山城滩景豚河省市县区镇乡村旗街社园湿港"),
             "溪": set("水流边谷畔岸口段涧沟河省市县区镇乡村旗街社园湿港"),
             "湖": set("南北泊区畔边岸面水心底中内里景长省市县镇乡村街社园湿港")}


_VILLAGE_ORGANIZES = tuple("组织" + w for w in ("开展", "召开", "举办", "举行", "村民", "党员", "志愿者", "干部"))
_SITE_AHEAD = re.compile(f"[{CJK}]{{1,5}}(?:电排渠|桥梁|泵站|小区|广场|公园|渠|桥|站)")


def _single_char_ok(s: str, suf_end: int, suffix: str) -> bool:
    nxt = s[suf_end:suf_end + 1]
    if suffix == "村" and nxt == "里" and _SITE_AHEAD.match(s, suf_end):
        return True       # 两县街村 + 里甲口电排渠, not 村里 "in the village"
    if suffix == "村" and nxt == "集" and s.startswith("集中", suf_end) and \
            _PROJECT_RE.search(s, suf_end, suf_end + 12) and not _place_scan_re().search(s, suf_end, suf_end + 12):
        return True       # 可邑村 + 集中供水工程, not 村集体 "the village collective" (X村集中育秧基地 is one site)
    if suffix == "村" and nxt == "组" and s.startswith(_VILLAGE_ORGANIZES, suf_end):
        return True       # 荷塘湾村 + 组织开展…, not 村组 "village groups" (村组织建设 stays)
    if suffix in ("河", "江") and s.startswith(("流经", "堤防"), suf_end):
        return True       # 桃溪河 + 流经…, not 河流 "rivers"
    if suffix in _RIVER_SUFFIXES and _place_scan_re().match(s, suf_end):
        return False      # 县滨江广场, 湄江湿地公园: the river's word is inside the longer place's name
    return not (nxt and nxt in NOT_AFTER.get(suffix, ()))


# Single-character body suffixes (局, 办, 委 ...) name a body only after a level word or a place:
# 区信访局, 市委, 区创文办; elsewhere they end ordinary words (格局, 督办, 主办).
LEVEL_HEADS = ("区", "市", "省", "县", "旗", "盟", "州", "镇", "乡", "街道", "村", "两区", "中共", "党", "自治区")
_PEER_HEADS = ("区", "市", "省", "县", "旗", "镇", "乡", "街道")
NOT_BEFORE_BAN = set("主承协督交查举开代包兴合未迟会领帮快严拖经")
# 干部, 村部, 全部, 内部: 部 ends a body only after a proper core (宣传部, 组织部)
NOT_BEFORE_TING = set("大展餐客门舞前告能议")   # (报告厅, 多功能厅, 会议厅: rooms a meeting sits in)
NOT_BEFORE_BU = set("干村全内外局东西南北中上下本总分细头支基俱")


# 广安市委, 华蓥市委: a place named by its suffix leads the body (the place finder leaves 市 before
# 委 to the body, so no place mention marks it)
_PLACE_LED = re.compile(f"[{CJK}]{{2,4}}[市县区旗州盟](?:委|党委)")

_BODY_AND_LEVEL = re.compile("[^与和][与和](?=[区市县旗盟])")
# (东阳市发展和改革局: a named city or county before the level word's bureau; 任命甲为…: after 为; the
# level word opens the body after a verb of joint work too: 联合县教育和体育局, 与县文化和旅游局; up to six
# characters before 和 (县文化广电体育和旅游局), none a body's suffix: 县农业农村局和县体育局 are two)
_AND_INNER = f"(?:(?![局委办院所厅处部与和长记])[{CJK}]){{1,6}}[与和]"
_LEVEL_AND_OPEN_CHARS = "的了在到赴对由为与和及同"
_LEVEL_AND_OPEN = f"(?:^|[^{CJK}]|[{_LEVEL_AND_OPEN_CHARS}]|联合|会同|协同|携手|邀请|组织)"


class _LevelAnd:
    """The level word (or named area) that opens a body whose name holds 和/与, ending the text.
    The bare level word is tried first: 论坛由|县文化和… must not read 论坛由县 as a county's name."""
    _bare = re.compile(f"{_LEVEL_AND_OPEN}([区市省县旗盟]{_AND_INNER})$")
    _named = re.compile(f"{_LEVEL_AND_OPEN}([{CJK}]{{2,4}}[省市县区旗]{_AND_INNER})$")   # (广东省文化和旅游厅)

    def opening(self, s: str, start: int, floor: int = 0) -> int:
        """Where a body read from ``start`` opens when 和/与 stands just before it and the part
        before that opens with a level word; ``start`` itself otherwise, and when the part after
        和 opens with a level word of its own (区领导和|区教育局: 和 joins, it is no part of a name)."""
        if start <= floor or s[start - 1] not in "与和" or s.startswith(LEVEL_HEADS, start):
            return start
        text = s[floor:start]
        m = self._bare.search(text) or self._named.search(text)
        if m is None:
            return start
        i = m.start(1)
        if m.re is self._named and text[i] in _LEVEL_AND_OPEN_CHARS and \
                (self._named.match(text, i + 1) or text[i] in "由在对为的了到赴"):
            i += 1       # ，由|光山县文化和旅游局, 由|沛县人力资源和社会保障局: the area's name opens after the
            # preposition the search took in (和县, 同心县 open with 和 and 同: only those are kept)
        return floor + i


_LEVEL_AND = _LevelAnd()


def _committee_start(s: str, start: int, floor: int) -> int:
    """A body's name runs over words that stop other names (区生态文明建设…委员会, 县发展改革委):
    back to a level word that opens it, if one stands within a few characters."""
    lo = max(floor, start - 12)
    if _LEVEL_CHAR.search(s, lo, start) is None:
        return start     # (most names: no level word before them at all)
    for p in range(start - 1, lo - 1, -1):
        if not _is_cjk(s[p]) or s[p] in STOP_CHARS or s.endswith(_MOVES, lo, p + 1):
            break        # (区消防救援大队走进|荆州区实验小学: a verb of going ends the body before it)
        if s[p] in "区市县旗" and (p == floor or not _is_cjk(s[p - 1]) or s[p - 1] in STOP_CHARS or
                                _stopword_ending_at(s, p)):
            return p
    return start


_LEVEL_CHAR = re.compile("[区市县旗]")
_MOVES = ("走进", "深入", "来到", "前往", "走访", "赶赴")
_YOUTH_LEAGUE = re.compile("(?:共青)?团[区市县旗]委$")     # 团县委: the Youth League's committee


def _level_office(s: str, a: int) -> bool:
    """区督查办, 县查办: a two-character office right after a level word that opens the name
    (NOT_BEFORE_BAN is for 督办, 查办 standing as verbs)."""
    return a >= 3 and s[a - 3] in "区市县省旗镇乡" and (a == 3 or not _is_cjk(s[a - 4]) or s[a - 4] in STOP_CHARS) \
        and tag(s[a - 2:a]) is not None          # (督查 is a word; 县里|举办 is no office)


_COOP_TRADES = ("种植", "养殖", "种养", "加工", "农机", "购销", "销售", "营销")
_COOP_END = tuple(w + "专业合作社" for w in _COOP_TRADES)


def _named_coop(name: str) -> bool:
    """雪域牦牛养殖专业合作社, 红枸杞种植专业合作社: words before the product (雪域, 红) name one co-op;
    a product and its trade alone (牦牛养殖专业合作社) name a kind."""
    end = next((e for e in _COOP_END if name.endswith(e)), None)
    return end is not None and len(lcut(name[:len(name) - len(end)])) >= 2


def _balanced(name: str) -> bool:
    return name.count("（") + name.count("(") == name.count("）") + name.count(")")


# 城北污水处理厂, 城南派出所: a quarter of the county town heads a name as a place does
_TOWN_QUARTERS = ("城东", "城南", "城西", "城北")


def _place_around(places, start: int, limit: int) -> int:
    """Where a name read from ``start`` opens when a place the place finder read runs across that
    start (and ends before ``limit``, the suffix): at the place, whose first character stopped the
    scan (那吉镇人民政府, 前川街道翠湖安置房三期项目: 那 and 前 stop names elsewhere)."""
    for p in places or ():
        if p.start < start < p.end <= limit:
            return p.start
    return start


def _proper_head(name: str, suffix: str, places) -> bool:
    """A named body opens with a level word, a place, or a word that is not a common noun."""

    if name.startswith(LEVEL_HEADS) or name.startswith(_TOWN_QUARTERS) or any(name.startswith(p.text) for p in (places or [])):
        return True
    core = name[: len(name) - len(suffix)]
    if not core:
        return False
    words = lcut(core)
    if sum(len(w) == 1 for w in words) >= 2:
        return True      # characters no dictionary word joins: a coined name (荆旅, 四机)
    return not all(is_common_word(w) or len(w) == 1 for w in words)


_PREP_BEFORE_BODY = frozenset("经向据被让把从受")
_AND_LEVEL = re.compile("(?<=[镇乡村道])[和与](?=[区市省县])")


_INTO_KINDS = ("学校", "校园", "医院", "机关", "企业")
_AREA_AFTER_WORKS = ("街道", "镇", "乡", "村", "社区")


@lru_cache(maxsize=1)
def _venue_suffixes() -> tuple:
    """Site suffixes of the place table that end with a body's suffix (会展中心 ends with 中心): where
    the place finder read such a site, the body finder reads nothing."""
    L = lexicon()
    return tuple(w for w, (sub, *_) in L.place_suffixes.items() if sub == "Site" and
                 any(w.endswith(o) and w != o for o in L.org_suffixes))


# what a body named after a works closes with (X工程建设指挥部, X项目建设工作专班)
_WORKS_BODY_AFTER = ("指挥部", "建设指挥部", "工作专班", "建设工作专班", "领导小组", "建设领导小组")
# what stands before 旗 when it is a flag (授旗仪式, 升国旗, 队旗), not a banner
_FLAG_BEFORE = frozenset("授升降举护国党团队会彩锦军")
# quantity words no place's name opens with (更多农村, 部分乡镇, 所有行政村)
_QUANTITY_LEADS = ("更多", "部分", "所有", "很多", "许多", "多个", "个别", "大部分")
# stop characters that stand alone as function words; the others may open a word of a name (还田)
_FUNCTION_CHARS = frozenset("的了在到对与和及或向为是将把被让由从至于等并也都就才给同跟以按据往暨着过该此这每各某")
# bodies named for their work, its verb last (水利基本建设指挥部, 产业发展工作专班)
_WORK_BODIES = frozenset(("指挥部", "工作专班"))
# an ordinal after a body's name: its sitting's number, never the rest of a word
_ORDINAL_AT = re.compile("第[0-9一二三四五六七八九十百]")
# what follows a party committee's 常委会 when the name is its sitting's (会议, 第N次会议, 2025年第28次会议)
_STANDING_MEETS = re.compile(r"(?:[0-9]{4}年)?(?:会议|第|扩大会议|[（(]扩大[）)]会议)")


_JOINED_BODY = re.compile(f"^([{CJK}]{{2,12}}?)(?:联合|会同|协同|携手)|^(?:[{CJK}]{{0,4}}企业)(?=[{CJK}]{{2,}})")


def find_orgs(s: str, taken: list[tuple[int, int]], places: list | None = None) -> list[Mention]:

    L = lexicon()
    out: list[Mention] = []
    for m in _org_scan_re().finditer(s):
        a, b = m.start(), m.end()
        suffix = m.group()
        if suffix == "委常委会" and _STANDING_MEETS.match(s, b):
            b, suffix = a + 1, "委"   # 县委常委会会议 is named after the 县委 (its 常委会 meets as the 县委)
        if _overlaps(a, b, taken) or not _single_char_ok(s, b, suffix):
            continue
        if places and any(p.end == b and p.subtype == "Site" and p.end - p.start > b - a and
                          s[p.start:b].endswith(_venue_suffixes()) for p in places):
            continue     # 县会展中心, 县全民健身中心: a venue's word holds 中心; the site is no body
        if suffix == "领导小组" and s.startswith("办", b):
            continue     # …领导小组办公室: the group's office is the body named; the group only inside its name
        if suffix == "办" and a > 0 and s[a - 1] in NOT_BEFORE_BAN and not _level_office(s, a):
            continue
        if s[a - 1:a] == "进" and suffix in _INTO_KINDS and s[a - 2:a] != "先进":
            continue     # 国防教育进机关、进学校: a campaign carried into a kind of body, no school
        if len(suffix) > 1 and inside_word(s, b) and not s.startswith("总部", b) and not _ORDINAL_AT.match(s, b):
            # 工作协|调: the suffix ends inside a word (公司|总部位于 reads 总|部位; 人民政府|第42次 reads 府第)
            continue
        if suffix == "部" and a > 0 and s[a - 1] in NOT_BEFORE_BU:
            continue
        if suffix == "厂" and s.startswith(_AREA_AFTER_WORKS, b):
            continue     # 坛厂街道, 纸厂村: the works' word names the place after it
        if suffix == "厅" and a > 0 and s[a - 1] in NOT_BEFORE_TING:
            continue     # 门诊大厅, 展厅, 餐厅: a hall, not a provincial department
        if suffix == "中心" and s.endswith("围绕", 0, a):
            continue     # 县政协围绕中心、服务大局: the slogan's 中心 (the main task), no body
        if suffix == "政府" and s.startswith("工作报告", b):
            continue     # (区长代表区人民政府作|政府工作报告: the report's name, no second body)
        floor = max([e for _, e in taken if e <= a] + [0])
        if suffix in ("车间", "工坊") and out and out[-1].end < a and s[out[-1].end:a].isalpha() and \
                a - out[-1].end <= 8 and is_common_word(lcut(s[out[-1].end:a])[-1]):
            continue     # 青禾食品有限公司生产车间, X合作社菌包生产车间: the firm's workshop, no body of its own
        popped = None
        # schools and hospitals are often named by a common word (希望小学, 实验中学, 人民医院),
        # and so are the departments of a body (区委 + 组织部)
        start = left_edge(s, a, floor, 16, allow="（）()",
                          own_word=L.org_suffixes[suffix] in ("School", "Hospital") or
                          (L.org_suffixes[suffix] == "Enterprise" and len(suffix) > 1))   # 振兴农业发展有限公司
        if suffix in _WORK_BODIES and start >= a - 2 and a - floor >= 2:
            # 水利基本建设|指挥部, 产业发展|工作专班: the work's verb before the body is its name's own word
            work = lcut(s[max(floor, a - 6):a])[-1]
            if len(work) >= 2:
                start = left_edge(s, a - len(work), floor, 16 - len(work), allow="（）()")
        if start > floor + 1 and s[start - 1] in NAME_INNER and L.org_suffixes[suffix] == "Enterprise":
            # 湾岭镇的奔格内绿橙种植专业合作社: a transliterated brand holds 内, 上…; after 的 or 、 the
            # characters up to it are the name's (园区内的X公司 stays: 园区 is a word of its own)
            i = start - 1
            while i > floor and _is_cjk(s[i - 1]) and s[i - 1] not in STOP_CHARS:
                i -= 1
            if i < start - 1 and s[i - 1:i] in ("的", "、") and not is_common_word(s[i:start - 1]):
                start = i
        if out and suffix in ("部", "办", "办公室") and start > out[-1].end and \
                left_edge(s, a, floor, 16, own_word=True) <= out[-1].end:
            start = out[-1].end
        # "区产业与项目促进中心": 与 inside a body that opens with a level word
        start = _LEVEL_AND.opening(s, start)
        # a body directly after another body is its sub-body: 区委 + 办公室, 区政府 + 党组,
        # 区委 + 全面依法治区委员会
        peer = out and start <= out[-1].end and s.startswith(_PEER_HEADS, out[-1].end) and \
            (suffix in ("政府", "人民政府") and out[-1].text.endswith("委") or
             # 县妇联县科协, 团县委县妇联: a body opening with a level word starts a name of its own
             a > out[-1].end)
        if peer:
            start = out[-1].end   # 区委区政府, 市委市政府: two bodies side by side, not one
        elif out and out[-1].end == a and start < out[-1].start:
            start = out.pop().start   # 县委组织部、县委|党校: the suffix is the part of the body just read
        elif out and out[-1].end == start:
            prev = out.pop()
            start = prev.start
        elif out and start <= out[-1].start:
            popped = out.pop()   # the longer name contains the previous body (市城发集团 + 名城公司)
        elif start < a and not s[start:a].startswith(LEVEL_HEADS) and \
                not (L.org_suffixes[suffix] == "Enterprise" and (brand_trade(s[start:a]) or
                                                                 _bare_brand(s[start:a], suffix))):
            start += trim_left(s[start:b], len(suffix), "org")   # (a brand is not trimmed: 丰收|粮油)
        if s[start:start + 1] in _PREP_BEFORE_BODY and s.startswith(LEVEL_HEADS, start + 1) and b - start > 3:
            start += 1           # 经县委常委会研究, 向县人大常委会报告: the preposition is no part of the body
        elif s[start:start + 1] == "任" and s.endswith(("同志", "拟", "现"), 0, start) and b - start > 3:
            start += 1           # 甲同志任荆州区委委员: the verb of appointment before the area's body
        j = _AND_LEVEL.search(s, start, a)
        if j:
            start = j.end()      # 龙潭镇、白水镇和县农业农村局: a place, 和, then a body opening with its level
        start = _place_around(places, start, a)     # 那|吉镇人民政府: the town the place finder read whole
        if L.org_suffixes[suffix] == "Enterprise" and places and len(suffix) > 1:
            # 辽宁|镁都新材料有限公司: a brand holding a stop character (都, 和) after the province or city
            # the company is registered in; the name runs from the province
            reg = next((p for p in places if p.get("level", 0) >= 5 and 0 < start - p.end <= 3 and p.end >= floor
                        and all(_is_cjk(c) and c not in "的在和与及" for c in s[p.end:start])), None)
            if reg is not None and s[start - 1] in STOP_CHARS:
                start = reg.start
        name = s[start:b]
        if name.count("）") + name.count(")") > name.count("（") + name.count("("):
            # an aside inside the name holds a function word (生态环境保护（林长制及绿化）委员会)
            j = max(s.rfind("（", floor, start), s.rfind("(", floor, start))
            if j > floor and not any(c in s[j:start] for c in "，。；：、"):
                start = left_edge(s, j, floor, 16, allow="（）()")
                name = s[start:b]
        j = _BODY_AND_LEVEL.search(name)
        if j and name[:j.start() + 1].endswith(tuple(L.org_suffixes)):
            start += j.start() + 2   # 淡村镇卫生院和县人民医院: a list's last two bodies, not one
            name = s[start:b]
            if popped is not None and popped.end < start:
                out.append(popped)
                popped = None
        if start - 3 >= floor and s[start - 3] == "、" and s[start - 1] in STOP_CHARS and \
                s[start - 2] not in STOP_CHARS and _is_cjk(s[start - 2]):
            start -= 2           # 、义和达坝…车间: a list item's name holds the function character
            name = s[start:b]
        if start > floor and not s.startswith(LEVEL_HEADS, start):
            start = _committee_start(s, start, floor)
            name = s[start:b]
        if start > 0 and s[start + 1:start + 2] in ("市", "县", "区", "省") and _is_cjk(s[start - 1]) and \
                inside_word(s, start) and not inside_word(s, start + 1):
            start += 1           # 对照|市政府: a name opens with no character of the word before it (照市政府)
            name = s[start:b]
        if suffix == "委" and name.endswith("常委"):
            continue             # 县委常委出席会议: the committee's members (a title), no body
        cut = _clause_inside(name, suffix) if len(name) >= 8 else 0
        if cut < 0:
            continue
        if cut:
            start += cut         # 县政协委员视察|松阳县人民医院, 县政府与|江苏X有限公司: a clause's verb or
            name = s[start:b]    # a second party before the body's own name
            if popped is not None and popped.end <= start:
                out.append(popped)   # (the first party, the body before 与, stays a body)
                popped = None
        if not _balanced(name):
            # an aside opened before the body (会议（区安全生产委员会…）): the body starts inside it
            start += max(name.rfind("（"), name.rfind("(")) + 1
            name = s[start:b]
            if popped is not None and popped.end < start:
                out.append(popped)   # 市委组织部（市公务员局）: the body before the aside stays
        while name and name[0] in "（）()":
            start += 1
            name = s[start:b]
        if len(name) <= len(suffix) and s[start - 1:start] == "届" and name.startswith(("人大", "政协")):
            start = _term_area(s, start, places)    # 射阳县十八届|人大常委会: the county's, its term between
            name = s[start:b]
        if len(name) <= len(suffix):
            # bare 区委 / 市委 / 省委 / 镇人大 ...: a body of the context, kept if a level prefix stands before it
            head = s[max(0, a - 2):a]
            if head and head[-1] in "区市省县旗镇乡村" and (a - 1 == 0 or not _is_cjk(s[a - 2]) or
                                                      s[a - 2] in STOP_CHARS or _stopword_ending_at(s, a - 1)):
                start, name = a - 1, s[a - 1:b]
            elif suffix == "委" and head[-1:] in "区市县旗" and s[a - 2:a - 1] == "团":
                start = a - 5 if s.endswith("共青团", 0, a - 1) else a - 2
                name = s[start:b]    # 团县委, 共青团市委: the Youth League's committee of that level
            elif head == "街道" or head == "两区":
                start, name = a - 2, s[a - 2:b]
            else:
                continue
        if len(suffix) == 1 and not (name.startswith(LEVEL_HEADS) or _YOUTH_LEAGUE.match(name) or start in {p.start for p in (places or [])}
                                     or any(start <= p.start and p.end <= a for p in (places or []))
                                     or _PLACE_LED.match(name)):
            continue
        if any(w in name for w in _MOVES):
            k = max(name.rfind(w) + len(w) for w in _MOVES if w in name)
            start, name = start + k, name[k:]    # (一行走进|公司: the verb of going ends the words before it)
        if suffix in _FACILITY_SUFFIXES and name.startswith(_FIRM_WORDS):
            continue     # 公司精深加工车间: the workshop of the firm the sentence before named
        if name in GENERIC or len(name) < 2 or "某" in name or s[start - 1:start] == "某" or not _balanced(name):
            continue     # (某电子科技有限公司: a company the paper does not name)
        if any(g in name for g in ("相关", "有关", "各级", "部分", "全体", "直属", "两级", "各地", "各部门", "广大")):
            continue
        if s[start - 1:start] == "各" and start > 0:
            continue     # 各乡镇要引导合作社, 各村合作社: every one of a kind, no body named
        if is_common_word(name) and not name.startswith(LEVEL_HEADS) and not _YOUTH_LEAGUE.match(name):
            continue
        if name.endswith(("协商会", "座谈会", "交流会", "推进会", "研讨会")):
            continue
        if suffix in ("学校", "民宿") and start < a and not (places and any(start <= p.start < a for p in places)) and \
                not (s[start] in "县区市省旗镇" or s.startswith("乡", start) and not s.startswith("乡村", start)) and \
                _kind_words(s[start:a]):
            continue     # 乡村学校, 农村寄宿制学校, 茶旅民宿: a kind of school or guesthouse, none named
        if suffix in _FACILITY_SUFFIXES and start < a and (facility_kind(name) or name.startswith(_FIRM_WORDS)):
            continue     # 生产车间, 康养酒店: a kind of workshop or hotel, not one named; 公司精深加工车间: the firm's
        chain = [p for p in (places or []) if start <= p.start and p.end <= a]
        if len(chain) >= 2 and chain[0].start == start and all(x.end == y.start for x, y in zip(chain, chain[1:])) \
                and 2 <= chain[-1].get("level", 9) <= 3:
            # (阳朔县遇龙河文旅发展有限公司: a river or hill after the county is the firm's brand, not where it is)
            written = s[start:b]
            start, name = chain[-1].start, s[chain[-1].start:b]
            # 留坝县马道镇人民政府: the town's government, its name as written with the county a name of it too
            chain_written = written if L.org_suffixes[suffix] in ("GovernmentBody", "PartyBody") else ""
        else:
            chain_written = ""
        subtype = L.org_suffixes[suffix]
        if subtype == "Enterprise":
            # a company's name opens with its city or province when written so (大连某某地产有限公司)
            city = next((p for p in (places or ()) if p.end == start and p.get("level", 0) >= 5), None)
            if city is not None:
                start, name = city.start, s[city.start:b]
            else:
                # 石桥村荆州市青禾食品有限公司 / 川店镇石桥村荆州市… / 高新区湖北…有限公司: the town,
                # village or zone is where the company is; its name opens with the city (or
                # province) it is registered in
                at, city = start, None
                while city is None:
                    nxt = next((p for p in (places or ()) if p.start == at and p.end < a), None)
                    if nxt is None:
                        break
                    if at > start and nxt.get("level", 0) >= 4:
                        city = nxt   # (槐店乡东岳村光山县联兴…有限公司: no county stands inside a village)
                    elif nxt.get("level", 9) <= 4:
                        at = nxt.end
                    else:
                        break
                if city is not None:
                    start, name = city.start, s[city.start:b]
                else:
                    # 区科技局组织湖北X有限公司: a verb before the province or city the company
                    # is registered in ends the clause before it; the body before the verb stays
                    city = next((p for p in (places or ()) if start < p.start and p.end < a and
                                 p.get("level", 0) >= 5 and (tag((lcut(s[start:p.start]) or [""])[-1]) or "")[:1] == "v"),
                                None)
                    if city is not None:
                        start, name = city.start, s[city.start:b]
                        if popped is not None and popped.end <= start:
                            out.append(popped)
                            popped = None
        if name.startswith(("人民代表大会", "人大", "政协")) and s[start - 1:start] == "届":
            start = _term_area(s, start, places)    # 青岭县第十九届人民代表大会常务委员会: the county's
            name = s[start:b]
        joined = _JOINED_BODY.match(name)
        if joined and (s[start:start + joined.end(1)].endswith(_body_ends()) or
                       any(p.start == start + joined.end() for p in (places or ()))):
            # 区人社局联合|荆州高新区管委会, 辖区爱心企业|荆州市佳禾物业服务有限公司: a body, or a word for a
            # kind of firm, then another named body: the name opens after the joining word
            start += joined.end()
            name = s[start:b]
        if len(suffix) > 1 and subtype not in ("School", "Hospital") and not _proper_head(name, suffix, places) \
                and not (subtype == "Enterprise" and (brand_trade(name[:len(name) - len(suffix)]) or
                                                      _bare_brand(name[:len(name) - len(suffix)], suffix) or
                                                      _named_coop(name) or _branded_workshop(name, suffix))):
            continue   # 研发试验中心, 法治政府: a function, not a named body
        out.append(_new(Mention, ("Organization", name, start, b, subtype,
                                  (("also", (chain_written,)),) if chain_written else ())))
    if _holds_any(s, _bodies_marks()):
        spans = taken + [(o.start, o.end) for o in out] if out else list(taken)
        for m in bodies_re().finditer(s):
            if not _overlaps(m.start(), m.end(), spans):
                out.append(Mention("Organization", m.group(), m.start(), m.end(), L.bodies[m.group()]))
                spans.append((m.start(), m.end()))
    if len(out) < 2:
        return out           # (most sentences name one body or none)
    out.sort(key=_start)
    return _bracketed_aliases(s, out) if "（" in s or "(" in s else out


def _bracketed_aliases(s: str, orgs: list) -> list:
    """中央党校（国家行政学院）: a body in brackets right after another is the same body under its
    other name (an alias of it, ``also``), not a second body."""
    out = []
    for o in orgs:
        prev = out[-1] if out else None
        if prev is not None and o.start == prev.end + 1 and s[prev.end] in "（(" and s[o.end:o.end + 1] in "）)":
            out[-1] = _new(Mention, prev[:5] + (prev.info + (("also", (o.text,)),),))
            continue
        out.append(o)
    return out


# Words a name may not end with even though a suffix ends them: 美丽乡村, 全国文明城市, 依法治区.
GENERIC_END = ("乡村", "城乡", "镇村", "村镇", "农村", "山村", "空壳村", "富裕村", "贫困村", "薄弱村", "城市", "老旧小区", "试点村", "示范村", "重点村", "新农村",
               "度假村", "特色村", "专业村", "先进村", "后进村", "软弱涣散村",
               "乡镇", "集镇", "城镇", "辖区", "治区", "治市", "治省", "治县", "先行区", "示范区", "核心区",
               "试验区", "功能区", "集聚区", "聚集区", "街区", "校区", "景区", "片区", "新城区", "老城区", "主城区",
               "中心城区", "省区", "区县", "县区", "市区", "市县", "县市", "省市", "全区", "全市", "全县", "全省",
               "全镇", "全村", "集市", "高新区", "开发区", "母亲河", "幸福河", "护城河", "运河", "界河", "内河", "厂区", "小镇", "强区", "强县", "强市", "强省", "强镇", "直管县", "省直管县", "大县", "大区", "大市", "大省", "大镇",
               # 侨胞回乡, 送戏下乡, 文化惠民百村行: words of going home or of counting villages, no township
               "回乡", "返乡", "侨乡", "家乡", "故乡", "下乡", "老乡", "百村", "千村", "万村")
# 全县, 全区: the whole area, never the end of a name (2024年度|全县: 度全县 is none)
_WHOLE_AREA = ("全县", "全区", "全市", "全省", "全镇", "全乡", "全村", "全旗")
# How far left a name may reach before its suffix.
PLACE_MAX = {"省": 3, "市": 4, "州": 3, "区": 5, "县": 4, "旗": 6, "盟": 4, "镇": 5, "乡": 5, "村": 5, "街道": 5, "社区": 5,
             "管理区": 6, "自治县": 8, "自治州": 8, "自治旗": 8}


_ZONES = ("开发区", "高新区", "经开区")


def _home_places(s: str, home_names: tuple) -> list[Mention]:
    """Where the sentence names the home (or its city, province) without naming it: 我县, 宿松."""
    out = []
    for written, area in home_names:
        i = s.find(written)
        while i >= 0:
            j = i + len(written)
            if _ends_home_word(s, j, written):
                subtype, level = ("Park", 4) if written.endswith(_ZONES) else \
                    lexicon().place_suffixes.get(area[-1], ("District", 4))
                out.append(_new(Mention, ("Place", written, i, j, subtype, (("level", level), ("full", area)))))
            elif area != written and s.startswith(area, i):
                # 会同县召开…: the home written in full, whose first characters (会同, 于, 和) stop the
                # suffix scan's names; kept only where the scan found nothing there
                j = i + len(area)
                subtype, level = lexicon().place_suffixes.get(area[-1], ("District", 4))
                out.append(_new(Mention, ("Place", area, i, j, subtype, (("level", level),))))
            i = s.find(written, j)
    return out


def _ends_home_word(s: str, j: int, written: str) -> bool:
    """我县 is a word of its own; a short name (宿松) is the home only where it is not the head of a
    longer name (宿松县, 宿松工业园, 兰山街道): punctuation, a stop character or a stop word follows."""
    if written.startswith("我") or (len(written) >= 3 and written[-1] in "县旗"):
        return True      # (长白县, 互助县: an autonomous county's short name closes on its level word)
    nxt = s[j:j + 1]
    return not nxt or not _is_cjk(nxt) or nxt in STOP_CHARS or any(s[j:j + k] in _STOPWORD_SET for k in (2, 3, 4))


_TRAVEL_BEFORE = ("、", "到", "赴", "至", "来", "前往", "走进", "深入")
# 位于复兴镇, 选址于复兴镇, 坐落在胜利乡: what a locating verb is followed by is a place, even one named by a
# common word that the cut would leave too short (as after a travel verb)
_LOCATING_BEFORE = _TRAVEL_BEFORE + ("位于", "址于", "落户", "落地", "坐落在", "坐落于", "地处", "隶属", "隶属于", "来自")


def _after_town(s: str, start: int, end: int, out: list) -> bool:
    """The name s[start:end] stands right after a town or street (郢城镇凤凰山村): a village named
    after its hill is named so, whatever common word opens it (凤凰 + 山村; 美丽乡村 stays a slogan)."""
    return bool(out) and out[-1].end == start and out[-1].get("level", 0) == 3 and \
        s.startswith("山村", end - 2) and not s.startswith(GENERIC_END, start)


# verbs of a clause that no body's name holds (a body named after a visit ends in 调研组, 考察团: the
# verb then stands right before the suffix, and the name is kept)
_CLAUSE_VERB = re.compile("视察|调研|考察|走访|督查|督导|检查|获得|荣获|参观|看望|慰问|来到|前往|召开|举办|出席|参加")
_PARTY_JOIN = re.compile("[与及]")
# (调研组, 考察团, 视察组, 督查室, 检查组: a team or office named after its visit)
_TEAM_VERBS = ("视察", "调研", "考察", "走访", "督查", "督导", "检查")


def _clause_inside(name: str, suffix: str) -> int:
    """Where the body's own name starts inside ``name`` when a clause's verb (县政协委员视察|松阳县人民医院)
    or a second party (县政府与|江苏X有限公司, after a body's name) stands before it; 0 for none."""
    at = 0
    for m in _CLAUSE_VERB.finditer(name, 1):
        if len(name) - m.end() > len(suffix) + 1:
            at = m.end()
        elif m.group() not in _TEAM_VERBS:
            return -1        # 代表队获得|小学组一等奖: the verb's object is no name
    for m in _PARTY_JOIN.finditer(name, at + 2):
        if name.endswith(_body_ends(), 0, m.start()) and len(name) - m.end() >= 4:
            at = m.end()
    return at


_THAT_TOWN = ("该镇", "该乡", "本镇", "本乡")


def _list_item_start(s: str, start: int, floor: int) -> int:
    """Where a name that a stop character cut short (萨如|拉嘎查, 西上|碾头村) starts when it is an item
    of a list: right after the 、 before it, if only name characters stand between. Transliterated
    and village names hold characters that elsewhere are function words."""
    if s[start - 1] == "和" and start - 2 > floor and _is_cjk(s[start - 2]) and s[start - 2] not in STOP_CHARS and \
            (s[start - 3] == "、" or s.endswith(_TRAVEL_BEFORE[1:], 0, start - 2)):
        return start - 2     # 、恩和镇, 走进永和村: one character before 和 is no item of its own, 和 is the name's
    if s[start - 1] not in NAME_INNER and s[start - 1] != "于":   # (东于镇, 于家村)
        return start         # 在, 和, 的 … end a name even in a list
    i = start - 1
    lowest = max(floor, start - 6)
    while i > lowest and _is_cjk(s[i - 1]) and s[i - 1] not in STOP_CHARS and not _stopword_ending_at(s, i):
        i -= 1
    if s[i - 1:i] == "、" and i >= floor and not _stopword_ending_at(s, start):
        return i
    # 先后到东于镇西营村: the first item, right after the travel verb, is a name as much as the next
    if i > floor and i < start and s.endswith(_LOCATING_BEFORE[1:] + _THAT_TOWN, 0, i) and \
            s[i - 2:i] not in ("得到", "做到", "看到", "受到", "达到", "遇到", "想到"):
        return i     # (位于上安村的, 位于该镇山下阳村的: so is the place a locating verb or 该镇 names)
    if i > floor and i < start and s[i - 1] == "在" and (i == 1 or s[i - 2] in DELIMS):
        return i     # 在萨如拉图雅嘎查，: a clause's frame opens with its place's name
    return start


def _after_listed_town(s: str, start: int, end: int, out: list) -> bool:
    """兴坪镇渔村 as an item of a list of stops: a town right before places the village, whose
    name may be a common word or one character before 村."""
    return bool(out) and out[-1].end == start and out[-1].subtype in ("Town", "Subdistrict") and \
        _list_context(s, out[-1].start, end)


def _list_context(s: str, start: int, end: int) -> bool:
    """A name standing in a list of places or right after a travel or visit verb."""
    before = s[:start]
    return before.endswith(("、", "到", "在", "赴", "至")) or s[end:end + 1] == "、" or \
        before.endswith(("调研", "考察", "走访", "前往", "视察", "来到", "深入"))


_VILLAGE_SUFFIXES = ("村", "社区", "嘎查")
# after 那 "that": 那个村, 那些村, 那时村里, 那里的村, 那边: no name
_NOT_AFTER_NA = frozenset("个些里边儿样么时种天")
_BOUNDING = ("Town", "Subdistrict", "Village")
# what a town or village bounds with trade words before it (茶叶精深加工产业园, 中药材种植基地, 茶旅融合示范园)
_BOUNDED_SUFFIXES = frozenset(("园区", "工业园区", "产业园区", "工业园", "产业园", "物流园", "科技园", "创业园",
                               "生态园", "基地", "示范园", "示范园区", "集中区", "集中发展区"))
_TOWN_SITES = frozenset(("广场", "公园", "美食街", "步行街", "会堂", "礼堂"))
_TOWN_LEVEL = frozenset(("镇", "乡", "街道"))
_AREA_VENUES = _TOWN_SITES | frozenset(("会展中心", "会议中心", "行政中心", "展览中心", "博览中心", "体育中心", "全民健身中心",
                                       "体育馆", "体育场"))
_ROOM_SUFFIXES = frozenset(("会议室", "报告厅"))
_SEAT_WORDS = ("县城", "城区", "市区")
# the words of a meeting room's use or owner between a body and its room (三楼常务会议室, 机关会议室)
ROOM_USES = "常务|机关|党组|视频"
# (a floor, and a word of the room's use or owner)
_FLOOR_BEFORE = re.compile(f"(?:[一二三四五六七八九十0-9]+(?:楼|层))?(?:{ROOM_USES})?$")


@lru_cache(maxsize=1)
def _body_ends() -> tuple:
    return tuple(lexicon().org_suffixes)
_SITUATED = ("位于", "址于", "坐落在", "坐落于", "地处", "落户", "落户在", "落户于")
_HELD_AFTER_SITE = ("举行", "举办", "召开", "开幕", "隆重开幕", "拉开帷幕", "上演", "启动", "隆重举行")
_REGISTERED_LEAD = re.compile(f"[{CJK}]{{2}}")      # a province's or city's two-character name
_FIRM_AFTER = re.compile(f"(?:(?![的该在和与及到把将])[{CJK}]){{1,10}}?(?:有限公司|有限责任公司|公司|合作社)")
_PARK_SUFFIXES = frozenset(("园区", "工业园区", "产业园区", "工业园", "产业园", "物流园", "科技园", "创业园", "生态园",
                            "示范区", "化工园", "化工园区"))


_FIRM_WORDS = ("公司", "企业", "该公司", "该企业", "合作社", "厂里")
# an enterprise's suffix that is also the word for a kind of facility: a name needs a brand before it
_FACILITY_SUFFIXES = frozenset(("车间", "工坊", "酒坊", "酒店", "农场", "牧场", "民宿"))


def facility_kind(text: str) -> bool:
    """生产车间, 康养酒店: a facility suffix after common or trade words only names a kind."""
    suf = next((f for f in _FACILITY_SUFFIXES if text.endswith(f)), None)
    core = text[: len(text) - len(suf)] if suf else ""
    return bool(core) and (is_common_word(core) or _trade_only(core))


# qualifiers of a kind of trade (现代农业, 特色农业): a kind too, except as a stop in a list (先后到现代农业产业园、…)
_TRADE_QUALIFIERS = ("现代", "特色", "高效", "智慧", "绿色", "数字", "新型")
# a zone or park whose name may close on a verb (生态修复示范区, 乡村振兴示范区)
_NAMED_ZONE_SUFFIXES = frozenset(("示范区", "示范园", "产业园", "园区", "基地"))


def _trade_only(core: str) -> bool:
    """The words before a park's suffix are all trade words (农业, 智能|物流): no name among them."""
    trades = trade_words()
    return core in trades or all(w in trades for w in lcut(core))


_ITEM_TAIL = re.compile(f"[{CJK}]{{1,4}}(?=[、，。；：,;:]|$)")


def _noun_closes_item(s: str, b: int) -> bool:
    """A common word and then the end of the list item follow b (、优化园区环境、): the words before
    are a verb and its object, not a name (安居社区 + 安居老旧小区改造项目 is a name and another)."""
    m = _ITEM_TAIL.match(s, b)
    return m is not None and m.group() not in _STOPWORD_SET and is_common_word(m.group())


# the party's name before a place (as the left edge may have cut it: 中国共|产党白水市)
_PARTY_LEAD = re.compile("(?:中国)?共产党|中共|产党")


def _one_word(text: str) -> bool:

    words = lcut(text)
    return len(words) == 1 and (tag(text) or "")[:1] not in ("p", "c", "d", "r", "u")


def _generic_end(name: str, suffix: str) -> bool:
    """美丽乡村, 全国文明城市, 坚定依法治区: the name ends in a generic word and what stands before
    it is a common word too. 郢城镇 (郢 + 城镇) is a name."""

    if not name.endswith(GENERIC_END):
        return False
    for g in GENERIC_END:
        if name.endswith(g) and len(g) >= len(suffix) and name != g:
            rest = name[: len(name) - len(g)]
            if len(rest) == 1 and len(g) > len(suffix):
                return (tag(rest) or "x")[:1] in ("v", "p", "d", "c", "r", "u")   # 郢 + 城镇 is a name
            words = lcut(rest)
            last = words[-1]
            if rest in lexicon().gazetteer or (tag(last) or "").startswith(("ns", "nt", "nz")):
                return False         # 荆州 + 高新区
            if len(last) == 1 and len(rest) <= 3:
                # 小丰 + 山村: characters no word joins are a coined name; a word and a verb
                # before 乡村/社区 (宪法进|乡村, 送医下|乡村) are a campaign's slogan
                return len(words) >= 2 and (tag(last) or "")[:1] == "v"
            if len(g) > len(suffix) or g in ("高新区", "开发区"):
                return True
    return False


_ORDINAL_LEAD = re.compile("第[一二三四五六七八九十百0-9]+[期届批次轮]")


# 产业兴村, 富民强旗, 科技兴市, 生态立县: a noun, a verb of making strong and an area word
_SLOGAN_AREA = re.compile("[\u4e00-\u9fff]{2}[兴强富立活美治稳][村县市区镇旗乡省]")


def find_places(s: str, taken: list[tuple[int, int]], ctx_names: tuple = (), home_names: tuple = ()) -> list[Mention]:
    """Places of a sentence: names ending in a place suffix, gazetteer names, abbreviation runs
    after a travel verb, and the words the page names its home by (``home_names``: (written,
    area) pairs, 我县 → 宿松县, kg.resolve.Context.home_names)."""

    L = lexicon()
    out: list[Mention] = []
    soft: list[int] = []   # ends of rejected generic words ("试点村"): names do not run across them
    home = _home_places(s, home_names) if home_names else ()
    if home:
        soft += [m.end for m in home]     # 我县|杨柳镇: the town's name starts after the home's
    for m in _place_scan_re().finditer(s):
        a, b = m.span()
        suffix = m.group()
        if (taken and _overlaps(a, b, taken)) or not _single_char_ok(s, b, suffix):
            continue
        if suffix in _ROOM_SUFFIXES and s.endswith(_body_ends(), 0, _FLOOR_BEFORE.sub("", s[max(0, a - 6):a]).__len__()
                                                   + max(0, a - 6)):
            soft.append(b)
            continue         # 六祖镇政府(三楼)会议室: the body's room; the body is the venue (sentences.py)
        floor = _floor(a, taken, out, soft)
        start = left_edge(s, a, floor, PLACE_MAX.get(suffix, 10))
        if s.startswith(_SEAT_WORDS, start) and a - start >= 4 and suffix in _TOWN_SITES and \
                (not (is_common_word(s[start + 2:a]) or _kind_words(s[start + 2:a])) or s[start + 2:a] == "人民"):
            start += 2           # 县城|金牛广场: the county seat is where the square is, no part of its name
            # (县城|人民广场: the people's square, a name every county gives one)
            seat = True
        else:
            seat = False
        bound = None
        named_with = None
        if start == a and suffix in _VILLAGE_SUFFIXES and a - 2 >= floor and _stopword_ending_at(s, a) == 2 \
                and _list_context(s, a - 2, b):
            start = a - 2        # 来到联合村: a word that elsewhere stops a name is this village's name
        elif start > a - 2 and suffix in _TOWN_LEVEL and a - 2 >= floor and s.endswith(_SITUATED, 0, a - 2) \
                and all(_is_cjk(c) for c in s[a - 2:a]) and s[a - 2:a] not in GENERIC:
            start = a - 2        # 坐落于大同镇: right after a locating verb, two characters name the town
        if start > floor and s[start - 1] in NAME_INNER and start - 1 >= floor and out and out[-1].end == floor and \
                out[-1].get("level", 0) >= 3 and all(_is_cjk(c) and c not in STOP_CHARS for c in s[floor:start - 1]):
            start = floor        # 舟塔乡上桥村, 洪格尔高勒镇萨如拉图雅嘎查: right after its town a name holds 上, 如
        elif start > floor and s[start - 1] == "那" and start < a and s[start] not in _NOT_AFTER_NA and \
                (suffix in _VILLAGE_SUFFIXES or suffix in _TOWN_LEVEL):
            start -= 1           # 那王村, 那良镇: the Zhuang "field" opens villages' and towns' names
        elif start > floor and s[start - 1] in STOP_CHARS:
            start = _list_item_start(s, start, floor)
            if start == floor + 1 and s[floor] in "同于" and out and out[-1].end == floor and \
                    out[-1].get("level", 0) >= 3:
                start = floor    # 复兴镇同马大堤: right after a town, 同 opens the next name
        # a zone named after its city (荆州高新区, 荆州经济开发区) takes the city name in
        if start == a and out and out[-1].end == a and suffix in ("高新区", "开发区", "新区", "经济开发区"):
            prev = out.pop()
            start = prev.start
        elif start < a and suffix in _BOUNDED_SUFFIXES and out and out[-1].end == start and \
                out[-1].subtype in _BOUNDING and (tag(lcut(s[start:a])[0]) or "")[:1] == "n":
            # 竹园镇|茶叶精深加工产业园, 沙坝村|中药材种植基地: a town or village bounds the name of its
            # park or site, trade words and all; the name written with it is a name of it too
            bound = out[-1]
        elif start < a and suffix in _TOWN_SITES and out and out[-1].end == start and \
                out[-1].subtype in _BOUNDING and (is_common_word(s[start:a]) or _kind_words(s[start:a])):
            # (茅台镇|酱香文化广场: words of a kind, bounded by the town, name its square too)
            # 加义镇|文化广场, 桐山街道|滨海美食街: a common word before the site's suffix names a site
            # of every town; the town written with it is a part of its name (the town still placed
            # apart, and the site in it)
            named_with = out[-1].start
        elif out and out[-1].end == start and out[-1].get("level", 0) in (4, 5) and (
                (suffix in _AREA_VENUES and (start == a or is_common_word(s[start:a]))) or
                (suffix in _BOUNDED_SUFFIXES and start < a and (_trade_only(s[start:a]) or
                                                                 all(map(is_common_word, lcut(s[start:a])))))):
            # 长白县人民会堂, 陆良县体育中心: a county's venue is named with the county, as a town's square is;
            # so is its park of one trade (阜平县食用菌产业园: 食用菌产业园 alone is a kind of park)
            named_with = out[-1].start
        elif start < a and not (ctx_names and s.endswith(ctx_names, start, b)):
            # (the home's, city's or province's own name is cut by nothing: 兴化市, whose 兴化
            # reads as a verb; words stuck before it are cut below)
            cut = trim_left(s[start:b], len(suffix), "place")
            if cut >= 4 and s[start + cut - 2:start + cut] in ("镇长", "乡长") and a - start - cut >= 1:
                # 查看了青禾镇长|丰村, 大路镇长|滩水库: 镇长 read as "town head" hid the town; only the words
                # before the town are cut (the town is split from the name below, as after 来到)
                cut = trim_left(s[start:start + cut - 1], 1, "place")
            if cut == a - start and suffix in _NAMED_ZONE_SUFFIXES and \
                    (tag(lcut(s[start:a])[0]) or "").startswith(("ns", "nz")):
                cut = 0      # 契丹草原生态修复示范区: a zone named after a proper place, its verb and all
            # a one-word name that is also a verb or common word stays: 解放社区, 拍马工业园区; so
            # does a name in a list or after a travel verb that the cut would leave too short (西|合营|镇)
            if cut and not (cut == a - start and _one_word(s[start:a]) and _list_context(s, start, b) and
                            not _noun_closes_item(s, b)) and \
                    not (a - start - cut < L.place_core[suffix] and s.endswith(_LOCATING_BEFORE, 0, start) and
                         (len(suffix) == 1 or not _noun_closes_item(s, b))):   # (、优化园区|环境: a verb's object)
                start += cut
        lead = _PLACE_LEAD_VERB.search(s, start, a) if a - start >= 1 else None
        if lead and lead.end() == a:
            soft.append(b)
            continue         # 距古镇, 全面实施沿江…: the verb and a bare kind word name nothing
        if lead and lead.start() == start and ((out and out[-1].end == start and out[-1].get("level", 0) >= 3) or
                                              (s[start - 1:start] == "在" and (start == 1 or s[start - 2] in DELIMS))):
            lead = None      # 爱新舍里镇依拉齐牛录村, 在依拉齐牛录村，: after its town or 在 opening a frame, 依 is the name's
        if lead and a - lead.end() >= L.place_core[suffix] and _word_at(s[start:a], lead.start() - start, lead.group()):
            # (依法治区: 依 of the word 依法 leads nothing)
            start = lead.end()       # 流经双溪乡, 沿金沙河一带, 依沱溪河而建: the verb is no part of the name
        if (suffix in _VILLAGE_SUFFIXES or L.place_suffixes[suffix][1] <= 1) and a - start >= 4:
            k = max(s.rfind("镇", start, a), s.rfind("乡", start, a))
            if k - start >= 2 and a - k - 1 >= 2 and s[k + 1:k + 2] == "长":
                # 落户青禾镇长丰村: 镇长 read as "town head" hid the town; the town, then the village
                out.append(_new(Mention, ("Place", s[start:k + 1], start, k + 1,
                                          *((L.place_suffixes[s[k]][0], (("level", L.place_suffixes[s[k]][1]),))))))
                start = k + 1
        if suffix in ("市", "省") and a - start >= 4:
            core = s[start:a]
            k = next((k for k in (2, 3) if core[-k:] in L.gazetteer and len(core) - k >= 2 and
                      is_common_word(core[:-k])), 0)
            if k:
                start = a - k        # 爱心企业|荆州市: a common word before a city's own name is no part of it
        party = _PARTY_LEAD.match(s, start, a) if s[start] in "中共产" else None
        if party and party.end() < a:
            start = party.end()      # 中共青山区, 中国共产党白水市: the party, then the place
        name = s[start:b]
        if named_with is not None and out and out[-1].start == named_with and out[-1].end == start:
            name = s[named_with:b]     # (tested as the name it is: 陆良县体育中心, not a bare 体育中心)
        # a town of the home opening with a character that stops names elsewhere is read whole (亚东镇、
        # 那吉镇: 那 stopped the name at 吉镇)
        if ctx_names and start > floor and s[start - 1] in STOP_CHARS:
            whole = next((c for c in ctx_names if len(c) > len(name) and s.endswith(c, floor, b)), None)
            if whole is not None:
                start, name = b - len(whole), whole
        # a known context name at the end wins over words stuck before it ("清廉荆州区")
        if ctx_names and name.endswith(ctx_names):
            for c in ctx_names:
                if name.endswith(c) and name != c and len(c) >= len(suffix) + 2:
                    start, name = b - len(c), c
                    break
        need = L.place_core[suffix]
        if len(suffix) > 1 and a - start == 1 and name not in ctx_names and \
                ((tag(s[start]) or "x")[:1] in "vpdcur" or inside_word(s, start)):
            soft.append(b)
            continue         # 靠|园区, 进一|步|集中区: a function character or a word's tail is no name
        if suffix in _PARK_SUFFIXES and start < a and \
                (_trade_only(s[start:a]) or (s.startswith(_TRADE_QUALIFIERS, start) and a - start > 2 and
                                             _trade_only(s[start + 2:a]) and not _list_context(s, start, b))) and \
                not (out and out[-1].end == start and out[-1].subtype in _BOUNDING):
            soft.append(b)       # (鸭溪镇白酒产业园: the town names one park of that trade)
            continue         # 农业产业园区, 智能物流园区: a kind of park, not one park
        if suffix in ("区", "片区") and _DIRECTIONAL.match(name):
            soft.append(b)
            continue         # 县城东部片区, 城西片区, 园区东区: a part of town by its direction, no name
        if suffix in _KIND_SITES and start < a and bound is None and named_with is None and not seat and \
                _kind_words(s[start:a]) and s[start] not in "县区市旗" and \
                not (s.endswith("在", 0, start) and s.startswith(_HELD_AFTER_SITE, b)):
            # (县文化广场: the home's square, a site of its own; so is 加义镇文化广场, named with its town,
            # and 在人民广场拉开帷幕, the venue where something is held)
            soft.append(b)
            continue         # 生态公园, 沿河步道, 村文化广场: a kind of site, not one site
        if name in ctx_names:
            pass                 # 高新区 alone: the home zone
        elif a - start < need and named_with is None and \
                not (suffix == "村" and a - start == 1 and _after_listed_town(s, start, b, out)):
            continue
        if name.startswith("第") and _ORDINAL_LEAD.match(name):
            continue     # 第二期村（社区）干部培训班: an ordinal of an edition opens no village's name
        if len(name) == 4 and _SLOGAN_AREA.fullmatch(name) and is_common_word(name[:2]):
            soft.append(b)
            continue     # 产业兴村, 富民强旗, 工业强县: a slogan's verb and area word, no place
        if start > floor and name not in ctx_names and _is_cjk(s[start - 1]) and inside_word(s, start) and \
                not inside_word(s, start + 1) and a - start - 1 >= L.place_core[suffix] and \
                (tag(s[start - 1:start + 1]) or "").startswith("v") and s[start - 1] not in _LEVELS:
            start += 1           # 进|入长三角地区: no name opens with the last character of the verb before it
            name = s[start:b]
        if suffix == "旗" and s[a - 1:a] in _FLAG_BEFORE:
            continue             # 授旗, 升旗, 队旗: a flag, no banner
        if name.startswith(_QUANTITY_LEADS):
            continue             # 更多农村, 部分乡镇: how many, no place named
        if name not in ctx_names and (name in GENERIC or name in GENERIC_END or "某" in name or
                                      name.endswith(_WHOLE_AREA) or
                                      s[start - 1:start] == "某" or
                                      (_generic_end(name, suffix) and not _after_town(s, start, b, out)) or
                                      (len(name) == 3 and name.endswith("乡村")) or name.endswith(("院区", "病区")) or
                                      area_kind(name) or
                                      name.startswith(_SIZE_WORDS) or (suffix == "盟" and s[a - 1:a] in "联同") or
                                      (len(name) <= 4 and name.endswith(_RIVER_WORDS)) or
                                      (suffix in _KIND_OF_GARDEN and named_with is None and
                                       _kind_words(name[:-len(suffix)])) or
                                      (suffix in _RIVER_SUFFIXES and _RIVER_CARE.fullmatch(name))):
            # (和美|乡村: one character before 乡村 is a word's tail, no township of one character;
            # 新院区: a hospital's or school's campus, 专科病区 a hospital's ward, no district)
            soft.append(b)
            continue
        if is_common_word(name) and not seat and name not in L.gazetteer and not name.startswith(ctx_names or ("\0",)) and \
                not (suffix in _VILLAGE_SUFFIXES and len(name) >= 3 and _list_context(s, start, b)) and \
                not (suffix in _VILLAGE_SUFFIXES and _after_listed_town(s, start, b, out)) and \
                not (suffix in _TOWN_SITES and s.endswith("在", 0, start) and s.startswith(_HELD_AFTER_SITE, b)):
            # (在人民广场拉开帷幕: the square of the home, named as the venue of what is held there)
            # (兴坪镇渔村 in a list of stops: a village named by a common word, placed by its town)
            soft.append(b)       # (胜利村, 和谐社区 are dictionary words, and villages where one goes)
            continue
        subtype, level = L.place_suffixes[suffix]
        if suffix == "区" and name.endswith("城区"):
            continue
        if len(suffix) == 1 and level <= 3 and _REGISTERED_LEAD.match(name) and \
                L.gazetteer.get(_REGISTERED_LEAD.match(name).group()) in ("Province", "City") and \
                _FIRM_AFTER.match(s, b):
            soft.append(b)
            continue     # 湖北|橘乡|源食品有限公司: a company's name after its province, no township
        info = (("level", level),)
        if bound is not None and bound.end == start:
            info += (("also", (s[bound.start:b],)),)
        out.append(_new(Mention, ("Place", name, start, b, subtype, info)))
    # gazetteer names not covered by a suffixed name
    spans = taken + [(o.start, o.end) for o in out] if out else list(taken)
    for m in home:
        if not _overlaps(m.start, m.end, spans):
            out.append(m)
            spans.append((m.start, m.end))
    for m in gazetteer_re().finditer(s):
        name = m.group()
        subtype = L.gazetteer[name]
        a, b = m.start(), m.end()
        if _overlaps(a, b, spans):
            continue
        if b < len(s) and s[b] in "区市省县" and name not in ("光谷",):
            continue  # part of a suffixed name that was rejected
        level = {"Province": 6, "City": 5}.get(subtype, 4)
        out.append(_new(Mention, ("Place", name, a, b, subtype, (("level", level),))))
        spans.append((a, b))
    # runs of one-character abbreviations after a travel verb: "赴沪浙苏"
    for m in (_abbreviations_re().finditer(s) if _holds_any(s, _ABBREVIATION_AFTER) else ()):
        for k, ch in enumerate(m.group(1)):
            full = L.abbreviations[ch]
            a = m.start(1) + k
            out.append(Mention("Place", ch, a, a + 1, L.gazetteer[full], (("level", 6), ("full", full))))
    return sorted(out, key=_start) if len(out) > 1 else out


_DIRECTIONAL = re.compile("^(?:(?:县城|城区|园区|镇区|厂区|工业园|开发区|高新区)[东西南北中]{1,2}部?(?:片区|区)|"
                          "城?[东西南北中]{1,2}部?片区)$")
# sites a county has many of: named only by a word that is not common (湄江湿地公园, 西湖步道)
def area_kind(name: str) -> bool:
    """山区乡村, 园区镇村, 洁美乡村: the villages of a kind of area (or a slogan's), no village's name."""
    return len(name) >= 4 and name.endswith(("乡村", "镇村"))


# 小型水库, 大型商超: a size or kind before a place's word makes it a kind, not a name
_SIZE_WORDS = ("小型", "大型", "中型", "新型", "微型")
# (山区乡村, 园区镇村: the villages of a kind of area; 紧密型专科联盟: an alliance, no league)
_KIND_SITES = frozenset(("公园", "广场", "步道", "基地", "湿地", "湿地公园", "街区", "示范区"))


def _kind_words(core: str) -> bool:
    """Common words and at most one loose character (村|文化, 亩|饲草料): a kind, not a name."""
    if core[-1] in _FEATURES and not core.endswith(tuple(_LOCATIVE_WORDS)):
        return False     # 石门河湿地, 青屏山公园: named after the river or hill it lies by
    words = lcut(core)
    return sum(len(w) == 1 for w in words) < 2 and \
        all(len(w) == 1 or w in _LOCATIVE_WORDS or is_common_word(w) for w in words) and \
        not (len(words) == 1 and len(core) == 1)


_FEATURES = frozenset("河江湖山岭溪")
# a garden's word after words of a kind (生态茶园, 有机茶园) names a kind of garden, none in particular
_KIND_OF_GARDEN = frozenset(("茶园",))
# words jieba tags as place names (沿河县, 新建区) that before a site's word say where or when it is:
# 沿河步道, 新建沿河游步道
_LOCATIVE_WORDS = frozenset(("沿河", "沿江", "滨河", "滨江", "沿溪", "临河", "临江", "新建"))
_RIVER_SUFFIXES = ("河", "江", "溪", "湖")


def _word_at(text: str, i: int, word: str) -> bool:
    """jieba cuts ``text`` into ``word`` at offset i (依 of 依法 is no word of its own)."""
    k = 0
    for w in lcut(text):
        if k == i:
            return w == word
        if k > i:
            return False
        k += len(w)
    return False


# rivers every county has (守护好母亲河: one character of the verb's complement before it is no name)
_RIVER_WORDS = ("母亲河", "幸福河", "护城河")
# 巡河护河, 治河管河: the care of rivers, no river
_RIVER_CARE = re.compile("(?:[巡护治管净清爱][河湖])+")
# words for "along, by, through" that jieba joins to a name after them (沿河村, 依兰县: a name short
# enough without them keeps them)
_PLACE_LEAD_VERB = re.compile("流经|途经|沿着|沿|依托|依|距离|距|毗邻|紧邻|临近|穿过|横跨|环绕|汇入|注入")
_ABBREVIATION_AFTER = "赴到至往"     # the travel verbs a run of abbreviations follows


@lru_cache(maxsize=None)
def _abbreviations_re() -> re.Pattern:
    abbr = "".join(lexicon().abbreviations)
    return re.compile(f"[{_ABBREVIATION_AFTER}]([{abbr}]{{2,5}})(?=[^{CJK}]|开展|考察|调研|学习|等地|招商|交流|$)")


def _floor(a: int, taken, out, soft) -> int:
    """Where a name ending at ``a`` may start at the earliest: after every span that ends by ``a``."""
    floor = 0
    for _, e in taken:
        if floor < e <= a:
            floor = e
    for o in out:
        if floor < o.end <= a:
            floor = o.end
    for e in soft:
        if floor < e <= a:
            floor = e
    return floor


def _overlaps_outside(a, b, spans):
    """A span overlaps (a, b) without holding it whole (one loop, not a filtered copy of spans)."""
    for s, e in spans:
        if a < e and s < b and not (s <= a and b <= e):
            return True
    return False


def _overlaps(a, b, spans):
    for s, e in spans:      # a loop, not any(genexpr): this runs for every candidate of every finder
        if a < e and s < b:
            return True
    return False


# ---------------------------------------------------------------- events, projects, documents

MEETING_SUFFIXES = ("常务会议", "全体会议", "联席会议", "专题会议", "工作会议", "会议", "大会", "推进会", "调度会",
                    "座谈会", "协商会", "分析会", "培训会", "议事会", "部署会", "动员会", "观摩会", "现场会",
                    "汇报会", "交流会", "见面会", "发布会", "研讨会", "论证会", "评审会", "讲评会", "点评会",
                    "推介会", "洽谈会", "恳谈会", "对接会", "通报会", "党代会", "警示会", "述职会", "表彰会", "报告会", "宣讲会",
                    "总结会", "务虚会", "碰头会", "协调会", "会商会", "专题会", "办公会", "民主生活会", "组织生活会", "约谈会",
                    "分享会", "集体学习会", "集体学习", "学习会")
ACTIVITY_SUFFIXES = ("启动仪式", "开工仪式", "签约仪式", "揭牌仪式", "仪式", "开幕式", "闭幕式", "开班式", "宣传活动", "主题活动", "系列活动",
                     "活动", "行动", "竞赛", "比赛", "大赛", "系列培训", "培训班", "讲堂", "论坛", "博览会",
                     "展销会", "运动会", "晚会", "采风", "宣传周", "宣传月", "活动月", "活动周", "博爱周", "文化节",
                    "旅游节", "艺术节", "美食节", "招聘会", "交易会", "汇演", "应急演练", "安全演练", "消防演练", "综合演练", "实战演练", "疏散演练", "防汛演练", "救援演练", "避险演练", "文艺展演", "成果展演", "读书班", "研讨班", "轮训班",
                     # festivals, ceremonies and contests of the county pages (…丰收节在X拉开帷幕, …颁奖典礼,
                     # …篮球邀请赛总决赛, 培训班结业式)
                     "丰收节", "那达慕", "文化周", "专题培训班", "专题培训", "颁奖典礼", "颁奖仪式", "典礼", "结业式", "邀请赛", "篮球赛", "联赛", "总决赛", "选拔赛", "挑战赛",
                     "擂台赛",   # (第三届“客家美食”擂台赛, joined to a festival by 暨)
                     # exhibitions a body holds at a venue (“…”书画摄影作品展在县文化馆开展)
                     "作品展", "书画展", "摄影展", "图片展", "成果展", "展览会",
                     # 举办首届“荷花节”: a quoted festival a town holds (a bare 春节 or “中秋” is no event)
                     "节”")
# 第十二届芦笙斗马节, 首届荷花节: a festival counted by its editions is named by 节 alone (春节, 环节 are
# none); looked for only in a sentence that counts an edition (届: the finder's gate, kg.extract.gates)
FESTIVAL_SUFFIX = "节"
_FESTIVAL_RE = re.compile(FESTIVAL_SUFFIX)
EVENT_TRIGGERS = ("主持召开", "组织召开", "组织开展", "联合开展", "集中开展", "召开", "举行", "举办", "开展",
                  "启动", "参加", "出席", "列席", "关于开展", "传达学习", "传达", "学习贯彻", "落实", "的")
_EVENT_RE = re.compile("|".join(map(re.escape, sorted(MEETING_SUFFIXES + ACTIVITY_SUFFIXES, key=len, reverse=True))))
EVENT_GENERIC = {"会议", "大会", "座谈会", "学习会", "专题学习会", "培训会", "活动", "行动", "实际行动", "具体行动", "实践活动", "协商会",
                 "专题会议", "工作会议", "推进会",
                 "调度会", "常务会议", "全体会议", "专题活动", "主题活动", "系列活动", "宣传活动", "实践活动",
                 "专项行动", "集中行动", "整治行动", "攻坚行动", "集中整治", "培训", "仪式", "党课", "系列培训", "论坛", "比赛", "竞赛",
                 "应急演练", "实战演练", "综合演练", "演练", "文艺汇演", "汇演",
                 # a bare ceremony word is a part of the article's event (出席启动仪式), no event of its own
                 "启动仪式", "开工仪式", "签约仪式", "揭牌仪式", "开班仪式", "颁奖仪式", "开幕式", "闭幕式", "开班式",
                 "典礼", "颁奖典礼", "专题培训", "结业式", "结业典礼", "邀请赛", "篮球赛", "联赛", "总决赛", "选拔赛", "挑战赛", "擂台赛"}
PARTY_CONGRESS = re.compile(r"党的[一二三四五六七八九十]+大|(?:[省市区县])?第[一二三四五六七八九十]+次党代会|"
                            # the Central Committee's plenaries, whose spirit a year of meetings studies
                            r"(?:党的)?[一二三四五六七八九十]+届[一二三四五六七八九十]中全会|"
                            r"(?:[省市区县]委)?[一二三四五六七八九十]+届"
                            r"[一二三四五六七八九十]+次全(?:体)?会(?:议)?|"
                            # the yearly sessions of the congress and the CPPCC, whose spirit
                            # every March's meetings 传达学习: 全国两会, 省两会
                            r"(?:全国|[省市区县旗])两会")


EVENT_STOP_CHARS = set("在把以是这要将对从及并让使被给向还了暨")
# what follows an activity's suffix when the words name one of its attributes (…活动质量提升年)
EVENT_NOT_AFTER = ("方案", "室", "中心", "场所", "经费", "阵地", "平台", "期间", "现场", "结束", "质量", "效果",
                   "内容", "形式", "载体", "品牌", "冠军", "亚军", "季军",   # (获得搏克比赛冠军: a title won)
                   # (督导…专项行动开展情况: a campaign whose progress is checked runs on, no one-off event)
                   "开展情况", "进展情况", "推进情况", "落实情况", "实施情况", "督导", "督查",
                   # (县人民代表大会常务委员会主任: the congress's standing committee, a body; its
                   # sittings, …常务委员会第十二次会议, are found from their own end)
                   "常务委员会", "常委会")


_QUOTED = re.compile(r"[“「][^“”「」]*[”」]")


def quoted_spans(s: str) -> list[tuple[int, int]]:
    if "“" not in s and "「" not in s:
        return []
    return [(m.start(), m.end()) for m in _QUOTED.finditer(s)]


@lru_cache(maxsize=1)
def _quoted_named_re() -> re.Pattern:
    """A quoted brand, trade words and the suffix of a site, park, enterprise or association
    (“竹海银行”碳汇示范基地, “青禾”蔬菜专业合作社, “稻香人家”家庭农场); the suffix is group 1."""
    L = lexicon()
    words = {w for w, (sub, *_) in L.place_suffixes.items() if sub in ("Site", "Park") and len(w) >= 2} - \
        {"会议室", "报告厅", "断面"}
    words |= {w for w, sub in L.org_suffixes.items() if sub in ("Enterprise", "Association") and len(w) >= 2} - {"车间"}
    alt = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    return re.compile(f"“[^“”，。；]{{1,12}}”[{CJK}]{{0,8}}?({alt})")


def find_quoted_named(s: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """A site, park, enterprise or association named by a brand in quotes: the quoted brand, the
    trade words after it and the suffix are one name (a bank's word inside the brand names no
    bank: “竹海银行”碳汇示范基地 is a site)."""
    L = lexicon()
    out = []
    for m in _quoted_named_re().finditer(s):
        a, b = m.span()
        if _overlaps(a, b, taken) or inside_word(s, b):
            continue
        suffix = m.group(1)
        if suffix in L.place_suffixes:
            out.append(Mention("Place", m.group(), a, b, L.place_suffixes[suffix][0], (("level", 1),)))
        else:
            out.append(Mention("Organization", m.group(), a, b, L.org_suffixes[suffix], ()))
    return out


_EVENT_AFTER_QUOTE = re.compile("[^，。；：、,;:“”]{0,12}?(?:" + "|".join(MEETING_SUFFIXES + ACTIVITY_SUFFIXES) + ")")


_EVENT_LEFT_STOPS = EVENT_TRIGGERS + ("组织", "开好", "参加", "作为", "听取", "完成", "抓好", "汇总", "做好", "办好",
                                      "主持",    # (副县长甲主持会议: the chair and the verb, no name)
                                      "完成好", "进一步",
                                      # 扎实推进送文化下乡活动: an adverb's verb of the sentence, no part of a name
                                      "扎实推进", "深入推进", "全面推进", "持续推进", "大力推进", "积极推进",
                                      # 传达A会议精神和B会议精神: the second name opens after the first's 精神
                                      "精神和", "精神及", "精神与", "精神以及",
                                      # 要求各单位按照会议部署, 希望通过技能大赛: the clause's own verbs
                                      "按照", "依照", "通过")
# a set test per character first: most characters end none of the stops (the endswith is dearer)
_EVENT_ENDS = MEETING_SUFFIXES + ACTIVITY_SUFFIXES
_EVENT_LEFT_LAST = frozenset(w[-1] for w in _EVENT_LEFT_STOPS)
_EVENT_LEFT_BREAK = frozenset("，。；：！？,;:!?\n（）()、") | EVENT_STOP_CHARS
_EVENT_LEFT_BREAK_AND = _EVENT_LEFT_BREAK | frozenset("与和")
# (a plenary, 县委十五届九次全会, is found by its own finder, and closes a name before 和 too)
_EVENT_ENDS_AND = _EVENT_ENDS + ("全会",)


_CAMPAIGN_QUOTED = ("行动”", "活动”", "行动」", "活动」")


def _event_left(s: str, a: int, floor: int) -> int:
    """Left edge of an event name ending at ``a``: just after a trigger verb or punctuation."""
    i = a
    limit = max(floor, a - 40)
    quote = False
    while i > limit:
        c = s[i - 1]
        if c in "”」》":
            quote = True
        elif c in "“「《":
            if not quote and not any(q in s[i:a + 8] for q in "”」》"):
                break    # 说：“通过比赛，…: a quote opening a speech, not a name (“敲门行动” closes after)
            quote = False
        elif not quote:
            if c == "—" and (s[i - 2:i - 1] == "—" or s[i:i + 1] == "—"):
                break    # ——我市…活动举行: a subtitle's dash opens the name
            if c in "）)":
                # a short aside inside the name: 区政府全体(扩大)会议
                j = _aside_open(s, i - 1, limit)
                if j >= 0:
                    i = j
                    continue
            if c == "暨" and not s.endswith(_EVENT_ENDS, 0, i - 1) and \
                    (not s.endswith(_EVENT_ENDS, 0, i - 2 if s[i - 2:i - 1] in "”」" else i - 1) or
                     s.endswith(_CAMPAIGN_QUOTED, 0, i - 1)):
                # “三下乡”暨“文化进万家”集中示范活动: A names no event, A暨B… is one name; so does a
                # quoted campaign (“春风行动”暨就业援助月专场招聘会: a fair held for both campaigns)
                i -= 1
                continue
            if c in _EVENT_LEFT_BREAK_AND:
                if c in _EVENT_LEFT_BREAK:
                    if not (c == "对" and is_common_word(s[i - 1:i + 1])):
                        break    # (发展对象培训班, 结对帮扶: 对 inside a word of the name is no preposition)
                elif s.endswith(_EVENT_ENDS_AND, 0, i - 1):
                    break    # 把主题党日活动与“大走访”活动结合起来: two names, the first closed by its suffix
            if c in _EVENT_LEFT_LAST and s.endswith(_EVENT_LEFT_STOPS, 0, i) and \
                    not (c == "的" and s.endswith("党的", 0, i)) and \
                    not (c == "织" and (s.startswith("工作", i) and s.endswith(_SCOPES, 0, i - 2) or
                                       s.endswith("党组织", 0, i))):
                break    # (全市组织工作会议: 组织 of 组织工作, the party's personnel work, is no verb; nor is
                # it in 党组织, the party's branches: 村(社区)党组织书记示范培训班)
        i -= 1
    return i


_SCOPES = ("全省", "全市", "全县", "全区", "全旗", "全州", "全盟", "省", "市", "县", "区")


# A、B、C三项活动 / A、B、C集中活动: activities launched together under one name, the whole list
_JOINT = re.compile("(?:[一二三四五六七八九十两0-9]+项|集中)(?:活动|行动)$")


def _joint_start(s: str, start: int, floor: int) -> int:
    """Where the list that a joint activity's name closes starts: item by item back over 、."""
    while s[start - 1:start] == "、" and start - 1 > floor:
        k = _event_left(s, start - 1, floor)
        if k >= start - 1:
            break
        start = k
    return start


def _aside_open(s: str, close: int, limit: int) -> int:
    """Where the bracket closing at ``close`` opens, when what it holds is a short aside of name
    characters with a name character before it (全体(扩大)会议); -1 otherwise."""
    j = close - 1
    while j > max(limit, close - 8) and _is_cjk(s[j]):
        j -= 1
    if j < close - 1 and j > 0 and s[j] in "（(" and _is_cjk(s[j - 1]):
        return j
    return -1


_SITTING_ASIDE = re.compile(f"[（(][{CJK}]{{1,4}}[）)]")
_CLAUSE_BREAK = re.compile("[，。；：！？,;:!?、\n“”《》]")


def _one_sitting(s: str, events: list) -> list:
    """A暨B and A(B、C): one sitting under several names is ONE event: the first name is its
    name; the others stay with it (``also``, and where they start, ``also_at``)."""
    # (省委十四届十一次全会暨省委经济工作会议: the plenary, read first, ends at 暨, which the second
    # name's scan took in; 暨 joins the two names, it opens neither)
    events = [e._replace(text=e.text[1:], start=e.start + 1) if e.text.startswith("暨") and len(e.text) > 5 else e
              for e in events]
    out = []
    k = 0
    while k < len(events):
        e = events[k]
        also, at, end = [], [], e.end
        k += 1
        while k < len(events):
            # (…集体学习（扩大）暨全县领导干部…专题读书班开班式: an aside may close the first name, and
            # the second name runs from 暨 even where the event finder cut its opening words)
            j = _SITTING_ASIDE.match(s, end)
            j = j.end() if j else end
            if s[j:j + 1] != "暨" or events[k].start <= j or _CLAUSE_BREAK.search(s, j + 1, events[k].start):
                break
            also.append(s[j + 1:events[k].end])
            at.append(j + 1)
            end = events[k].end
            k += 1
        if s[end:end + 1] in "（(" and k < len(events) and events[k].start == end + 1:
            inner, j, pos = [], k, end + 1
            while j < len(events) and events[j].start == pos:
                inner.append(events[j])
                pos = events[j].end + 1
                if s[events[j].end:events[j].end + 1] in "）)":
                    break
                if s[events[j].end:events[j].end + 1] != "、":
                    inner = []
                    break
                j += 1
            if inner and s[inner[-1].end:inner[-1].end + 1] in "）)":
                also += [x.text for x in inner]
                at += [x.start for x in inner]
                end = inner[-1].end + 1
                k = j + 1
        if also:
            e = _new(Mention, ("Event", e.text, e.start, end, e.subtype,
                               e.info + (("also", tuple(also)), ("also_at", tuple(at)))))
        out.append(e)
    return out


_TERM_BEFORE = re.compile("第?[一二三四五六七八九十百]+届$")


def _term_area(s: str, start: int, places) -> int:
    """Where a congress's or CPPCC's name opens when its term stands before it (X县第十九届|人大…):
    at the area read right before the term, else at ``start``."""
    t = _TERM_BEFORE.search(s, max(0, start - 8), start)
    area = next((p for p in (places or ()) if p.end == t.start() and p.get("level", 0) >= 4), None) if t else None
    return area.start if area is not None else start
_SITTING_OF = re.compile("第[一二三四五六七八九十百0-9]+次(?:全体)?会议$")
# …人民代表大会 + 常务委员会第十二次会议: the sitting of the congress's standing committee, one name
_STANDING_SITTING = re.compile("(?:常务委员会|常委会)第[一二三四五六七八九十百0-9]+次(?:全体)?会议$")
_NUMBERED_BEFORE = re.compile("第[一二三四五六七八九十百0-9]+次$")
_EVENT_MODIFIERS = ("专题", "工作", "集中", "主题", "系列", "专项", "重要", "相关", "各类", "这次", "此次", "本次", "该",
                    "本期", "本届")


# a campaign run for months, not a one-off event: …提升年活动, …攻坚年行动
_CAMPAIGN = re.compile(f"[{CJK}]年(?:活动|行动)$")


# words that make a name a kind: 全市有关会议, 大会各次全体会议, 同类培训班, 此类活动
_KIND_WORDS = re.compile("有关|相关|各次|历次|同类|此类")


@lru_cache(maxsize=65536)     # (pure, and asked of the same few words again and again)
def _generic_event(name: str) -> bool:
    core = name.strip("“”\"")
    for mod in (_EVENT_MODIFIERS if core.startswith(_EVENT_MODIFIERS) else ()):
        if core.startswith(mod):
            core = core[len(mod):]
    if core != name.strip("“”\"") and name.startswith(("该", "这次", "此次", "本次", "本期", "本届")) and len(core) <= 5:
        return True          # 该招聘会, 此次运动会: the article's event referred back to by its kind
    if _KIND_WORDS.search(core) or _CAMPAIGN.search(core.replace("”", "")) or \
            name.startswith(("各类", "各项", "一系列")):
        # (“营商环境优化提升年”活动 is a campaign all the same; 各类招聘活动 names none)
        return True          # 全市有关会议 names no meeting (各次全体会议, 同类培训班: kinds, none held)
    return core in EVENT_GENERIC or len(core) <= 2 or core in ("党员大会", "村民大会", "职工大会", "座谈会",
                                                                 "协商会议", "协商会", "培训会", "清理行动")


_HOLDING = ("开展", "举办", "举行")
_match_start = methodcaller("start")
_EDITION = re.compile("第[一二三四五六七八九十百零〇0-9]+届|首届")
_COUNTED = re.compile("[0-9一二三四五六七八九十百千余多]+(?:个|场|次|期)")
_KINDS_LIST = re.compile("[、和及][^，。；：]{0,30}?等(?:[0-9一二三四五六七八九十百千余多]+[场项次个类])?(?:系列)?活动|等(?:[0-9一二三四五六七八九十百千余多]+[场项次个类])?(?:系列)?活动")
_RUNS_FOR_MONTHS = re.compile("[”」]?[，,]?为期(?:[两二三四五六七八九十0-9]+个多?月|半年|[一二两三0-9]*年)")
_COMBINED = ("结合", "相结合", "有机结合", "融合", "深度融合", "衔接", "相衔接")
_ONGOING = ("持续开展", "常态化开展", "长期开展", "坚持开展", "持续开展了", "广泛开展",
            "陆续开展")   # (年内还将陆续开展“…”系列培训活动: a series over the year)
# 开展为期一百天的“百日攻坚”行动 / 为期三个月的…行动: a campaign's length written before its name
_RUNS_FOR_LONG_BEFORE = re.compile("为期(?:[两二三四五六七八九十0-9]+个多?月|半年|[一二两三0-9]*年|一?百余?天)的$")
# 全县“大走访”活动自3月开展以来, …行动开展以来: what has been going on since is a campaign
_GOING_ON_SINCE = re.compile("[”」]?(?:(?:自[^，。；]{1,10}?)?(?:开展|启动|实施)以来|(?:已|正式|全面)?进入[^，。；]{0,6}阶段)")
# 将集中开展A整治行动、B专项行动等系列活动: the campaigns of a month, listed as its content
_CAMPAIGN_END = ("专项行动", "整治行动", "集中行动", "攻坚行动")
# verbs that open the name of a campaign's work (创建文明城市工作): kept before …工作推进会
_CAMPAIGN_VERBS = ("创建", "争创")
_OPENINGS = ("开幕式", "闭幕式", "开班式", "结业式")
_INTRODUCING = tuple(t for t in EVENT_TRIGGERS if t not in ("的", "落实", "传达"))


def _introduced(s: str, start: int) -> bool:
    head = s[:start]
    if head.endswith("了"):
        head = head[:-1]      # 推介会上举行了…签约仪式: the verb is done, the name follows it all the same
    return head == "" or head[-1] in "，。；：,;:" or \
        head.endswith(_INTRODUCING) or head.endswith("组织")


def find_events(s: str, taken: list[tuple[int, int]]) -> list[Mention]:

    out = []
    spans = list(taken)
    quotes = quoted_spans(s)
    for m in (PARTY_CONGRESS.finditer(s) if "党" in s or "届" in s or "两会" in s else ()):   # every form has one of them
        if not _overlaps(m.start(), m.end(), spans):
            out.append(Mention("Event", m.group(), m.start(), m.end(), "Meeting"))
            if not s.startswith("精神", m.end()):
                spans.append((m.start(), m.end()))
            # (学习贯彻党的二十大精神宣讲报告会: the congress whose spirit a sitting studies opens the
            # sitting's name, which takes it in)
    ms = _EVENT_RE.finditer(s)
    # (what makes a name a campaign's is rare: looked for only in a sentence holding one of its words)
    campaign_cues = "以来" in s or "阶段" in s or "为期" in s
    if "届" in s and FESTIVAL_SUFFIX in s:
        ms = list(ms)
        ends = {m.end() for m in ms}       # (第三届旅游节: the longer suffix has it already)
        ms = sorted(ms + [m for m in _FESTIVAL_RE.finditer(s) if m.end() not in ends], key=_match_start)
    for m in ms:
        a, b = m.span()
        opens_longer = False
        for qa, qb in quotes:     # (most sentences quote nothing: no generator for them)
            if qa < b < qb:
                if _EVENT_AFTER_QUOTE.match(s[qb:]):
                    opens_longer = True   # the quoted words open a longer name: “招商大讲堂”系列培训
                elif b == qb - 1:
                    b = qb                # “敲门行动”: the closing quote belongs to the name
                break
        if opens_longer or s[a - 1:a] == "等":
            continue     # (…等活动, …等系列活动: the close of a list, no name of its own)
        if spans and _overlaps_outside(a, b, spans):
            continue
        if m.group() == "集体学习" and not _NUMBERED_BEFORE.search(s, max(0, a - 8), a):
            continue     # 开展集体学习: a habit; 中央政治局第三十七次集体学习: one sitting
        if m.group().endswith("会") and s[b:b + 1] == "议":
            b += 1       # 分析会 + 议: the longer name 分析会议
        if s[b:b + 1] in ("员", "室", "场", "所", "长", "费") or s.startswith(EVENT_NOT_AFTER, b):
            continue
        floor = 0
        for _, e in spans:
            if floor < e <= a:       # (a span ending by a cannot also hold a)
                floor = e
        start = _event_left(s, a, floor)
        if s[start - 1:start] == "、" and _JOINT.search(s, a - 4, b):
            # (the items may be events found already: only other mentions bound the list)
            start = _joint_start(s, start, max([e for _, e in taken if e <= a] + [0]))
        if out and out[-1].end == a and out[-1].subtype == "Meeting" and m.group() in _OPENINGS:
            continue     # 代表大会 + 开幕式: the opening is a part of the congress, the congress is the event
        grown = False
        if out and out[-1].end == a and s.startswith("之一", b) and m.group() in ("系列活动", "活动"):
            continue     # 本次活动是第十七届…博览会系列活动之一: the fair is the event, its series names none
        if out and out[-1].end == a and start >= out[-1].start:
            start = out.pop().start          # 博爱周 + 主题宣传活动: one name
            grown = m.group() in _OPENINGS   # (培训班 + 开班式: the class was named, so is its opening)
        elif out and out[-1].end == start and (_SITTING_OF.match(s, start, b) or (
                out[-1].text.endswith("代表大会") and _STANDING_SITTING.match(s, start, b))):
            start = out.pop().start          # …人民代表大会 + 第四次会议: the congress's sitting, one name
        elif out and out[-1].end == start and s[start:a] in ("（扩大）", "(扩大)"):
            start = out.pop().start          # 第五次集体学习 + （扩大）会议: the enlarged sitting, one name
        elif out and out[-1].end == start and 0 < a - start <= 2 and s[start:a] not in _HOLDING + ("召开",) and \
                not any(c in EVENT_STOP_CHARS for c in s[start:a]):
            start = out.pop().start          # 丰收节 + 庆祝活动, 大赛 + 颁奖典礼: the event's own ceremony, one name
            grown = True
        elif start < a and not s.endswith(_HOLDING, 0, start):
            # (after 开展/举办 the verb bounds the name already: 开展警示教育活动 keeps 警示)
            start += trim_left(s[start:b], len(m.group()), "event")
            if s.endswith(_CAMPAIGN_VERBS, 0, start) and "工作" in s[start:a]:
                start -= 2   # 召开创建国家卫生县城工作推进会: the campaign verb names the work the meeting is of
        name = s[start:b]
        if s.endswith("”为主题的", 0, start):
            q = s.rfind("“", 0, start - 5)
            if q > 0 and s[q - 1] == "以" and "”" not in s[q:start - 5]:
                # 以“…”为主题的主题党日活动: the quoted theme names the activity, 以…为主题的 is no part of it
                name, start = s[q:start - 4] + name, q - 1
        if m.group() == "节”" and (not s.endswith(_HOLDING, 0, start) or _EVENT_AFTER_QUOTE.match(s, b)):
            continue     # 喜迎“中秋节”: a festival only where it is held is an event (举办首届“荷花节”);
            # “邻里节”文艺汇演: the festival's name opens the longer name of the show
        if m.group() == "节" and (not _EDITION.search(name) or s[b:b + 1] == "暨"):
            continue     # 春节期间, 各个环节: a festival word names one festival only with its edition
            # (第三届桃花节暨…推介会: the joint name is found from its end)
        if len(name) <= 6 and "“" not in name and _KINDS_LIST.match(s, b):
            continue     # 开展读书分享会、亲子共读等20余场活动: items of a list closed by 等…活动 are kinds
        if _COUNTED.match(s, b):
            continue     # 建立村级议事协商会42个: a count after the name makes it a kind, not one event
        if m.group() in _OPENINGS and not grown and (len(name) - len(m.group()) < 4 or
                                                     _generic_event(name[:-len(m.group())])):
            continue     # 培训班结业式: the opening or close of the article's class, no event of its own
        if m.group()[-1] != "会" and m.group()[-2:] != "会议" and _RUNS_FOR_MONTHS.match(s, b):
            continue     # 开展“清源”行动，为期三个月: a campaign run for months, no one-off event
        if name.rstrip("”」").endswith("行动") and s.endswith(("深入开展", "扎实开展", "全面开展"), 0, start):
            continue     # 深入开展“三抓三促”行动: a campaign pursued, not a drive held on a day
        if s.endswith(_ONGOING, 0, start):
            continue     # 持续开展“文化惠民百村行”活动: a programme run for months, no one-off event
        if m.group()[-1] != "会" and campaign_cues and (_GOING_ON_SINCE.match(s, b) or
                                                        ("为期" in s and _RUNS_FOR_LONG_BEFORE.search(s, max(0, start - 12), start))):
            continue     # (a meeting 召开以来 is past; an activity going on since, or run for months, is a campaign)
        if name.rstrip("”」").endswith(_CAMPAIGN_END) and _KINDS_LIST.match(s, b):
            continue
        if _generic_event(name) or len(name) < 4 or "某" in name or \
                (m.group() == "集体学习" and name.startswith("第")) or _COUNT_LEAD.match(name) or \
                _COUNT_INSIDE.search(name):
            continue     # (第五次集体学习: whose, the name does not say; 5场小型招聘会: a count of events)
        subtype = "Meeting" if m.group() in MEETING_SUFFIXES or m.group().endswith(("会议", "会")) else "Activity"
        if subtype == "Activity" and s.startswith(_COMBINED, b) and \
                (s.endswith(("与", "同", "和"), 0, start) or "与" in name):
            continue     # 把…与“万名干部大走访”活动结合起来: what a task is combined with runs on, none held
        in_frame = s.endswith("在", 0, start) and s.startswith("中", b)
        if in_frame and name.rstrip("”」").endswith(("专项行动", "专项整治")):
            continue     # 在“百日攻坚”专项行动中: what is done during a campaign; the campaign is none
            # (在桂花小区攻坚行动中: a compound's own drive, named after where it was held, is one)
        if subtype == "Activity" and "“" not in name and not grown and not _introduced(s, start) and not in_frame and \
                not s.startswith(("启动", "开班", "正式开班", "举行", "开幕", "在"), b):
            continue  # 以实际行动, 把文旅活动推介: an activity is named where it is held or launched
        spans = [(x, y) for x, y in spans if not (start <= x and y <= b)]
        out = [o for o in out if not (start <= o.start and o.end <= b)]
        out.append(_new(Mention, ("Event", name, start, b, subtype, ())))
        spans.append((start, b))
    if len(out) < 2:
        return out
    out.sort(key=_start)
    out = _contest_and_event(out)
    return _one_sitting(s, out) if "暨" in s or "(" in s or "（" in s else out


# a contest and one event of it written on (…职业技能竞赛|陶艺制作比赛, …大赛|茶叶加工项目比赛): one contest
_CONTEST_ENDS = ("竞赛", "大赛", "运动会", "技能赛")
_CONTEST_EVENT_ENDS = ("比赛", "项目比赛", "决赛", "总决赛", "选拔赛")


def _contest_and_event(out: list) -> list:
    merged = [out[0]]
    for e in out[1:]:
        prev = merged[-1]
        if prev.end == e.start and prev.text.endswith(_CONTEST_ENDS) and e.text.endswith(_CONTEST_EVENT_ENDS):
            merged[-1] = _new(Mention, ("Event", prev.text + e.text, prev.start, e.end, prev.subtype, prev.info))
        else:
            merged.append(e)
    return merged


# a count before an event's word (5场招聘会, 三期培训班, 两次座谈会): how many, no one event
_COUNT_LEAD = re.compile("[0-9一二三四五六七八九十百两几多]+(?:余|多)?(?:场|次|期|批|轮|个|项)")
# a count after a list's 等 (…“关爱一老一小”等三大类20余项志愿服务活动): a tally of activities, no one
# named (百场宣讲活动, 三项活动 are a programme's own names)
_COUNT_INSIDE = re.compile("等[0-9一二三四五六七八九十百两几]+(?:余|多)?(?:大类|类|项|场)")


PROJECT_SUFFIXES = ("建设项目", "改造项目", "项目", "工程", "泵站", "公铁大桥", "大桥", "隧道", "水厂", "污水处理厂",
                    "节制闸", "水闸")
_PROJECT_RE = re.compile("|".join(map(re.escape, sorted(PROJECT_SUFFIXES, key=len, reverse=True))))
_PROJECT_MARKS = _marks_of(PROJECT_SUFFIXES)
PROJECT_MODIFIERS = ("重大", "优质", "配套", "存量", "资金", "投资", "更多", "高质量", "大", "好", "新", "在建", "重点",
                     "招商", "产业", "民生", "实事", "基础设施", "政府投资", "上下游", "一批", "这些", "该", "此类",
                     "各类", "相关", "全区", "所有", "其他", "拟", "具体", "试点", "示范", "乡村")
# a project is named where it settles, signs, starts or ends: 楚天新能源电池项目落户荆州高新区
PROJECT_CLOSERS = ("落户", "落地", "开工", "签约", "投产", "竣工", "建成", "正式开工", "顺利竣工",
                   # (…项目选址于复兴镇, …项目位于…, 来到…项目施工现场: where it stands names it too)
                   "选址", "位于", "坐落", "地处", "施工现场", "建设现场",
                   # (会议研究了X项目推进中的问题, 听取X项目建设情况汇报: how a named project is getting on)
                   "推进中", "推进情况", "建设情况", "进展情况", "建设进度")
# A项目、B项目现场签约: a list of projects closed by what is done to projects names each of them
_LIST_SIGNED = re.compile(f"(?:、[^，。；、]{{2,20}}?(?:项目|工程))+(?:现场|集中|正式|成功|顺利)?"
                          f"(?:{'|'.join(PROJECT_CLOSERS)})")
PROJECT_MODIFIERS_LONG = tuple(m for m in PROJECT_MODIFIERS if len(m) >= 2)
PROJECT_OPENERS = ("先后到", "敲定", "实地查看", "督办", "引进", "签约", "签订", "签署", "包括", "落地", "开工", "建成",
                   "启动", "投资建设", "投资建设了", "推进", "实施", "、")
# 在秀溪镇，城南污水处理厂扩建工程…: a works right after a place framing its sentence is named
_FRAMED_OPEN = re.compile(f"(?:^|[，。；])在[{CJK}]{{2,16}}[镇乡村区园]，$")
# 新建的城东泵站, 改建的岗背节制闸: public works the sentence says are built (a name not of common words)
_BUILT_OPEN = re.compile("(?:新建|改建|扩建|在建|续建)的$")
# 城东泵站, 岗背节制闸: a facility's works are named by two characters before its word
_WORKS_FACILITIES = frozenset(("泵站", "节制闸", "水闸"))
# 8个重大项目, 总投资46亿元8个项目: a count of projects names none
_COUNTED_PROJECTS = re.compile(f"[0-9一二三四五六七八九十两几多]+个[{CJK}]{{0,4}}(?:项目|工程)$")


_NAMING_PLACES = frozenset(("Park", "Site", "Compound"))
_PROJECT_LEFT_STOPS = PROJECT_OPENERS[:-1] + ("考察", "调研", "查看", "等")
# words for "by, beside, below" that end in a stop character: a project after one is beside a place
_LOCATIVES = frozenset("边上 岸上 堤上 路上 街上 楼下 山下 坡下 桥下 地下 乡下 门前 村前 屋前 房前 门外 村外 村内 院内 园内 区内".split())
# 察看了青禾电子二期项目: a named project a visit reaches
_VISITED = re.compile("(?:考察|调研|察看|查看|观摩|参观|视察|走访|来到|深入)了?$")
# 考察A及B项目: a project joined to another stop of a visit
_VISITED_WITH = re.compile(f"(?:考察|调研|察看|查看|观摩|参观|视察|走访|先后到|来到)[{CJK}]{{2,12}}[及和与]$")


# 年产5万吨环保涂料生产线项目, 年产10万台电机项目: a yearly capacity names one plant's project
_CAPACITY = re.compile("年产(?:能)?[\\d.一二三四五六七八九十百千]+[万亿]?(?:吨|台|套|件|只|辆|片|箱|头|个|条|米|平方米|立方米|公斤|千瓦|双|张|块|瓶)")
# 产业园二期项目, 标准化厂房三期工程: the phase of a works names one (a bare 二期项目 is too short to pass)
_PHASED = re.compile(f"[{CJK}]{{2}}(?:[一二三四五六七八九十]|\\d{{1,2}})期$")
# 投资5亿元的新型建材项目: a sum invested names the project it went into
_INVESTED = re.compile(r"投资[\d.]+[亿万]?元(?:建设|兴建|打造)?的$")
_YEAR_OPEN = re.compile(r"^\d{4}年度?")
_COUNT_BEFORE = re.compile("[0-9一二两三四五六七八九十百几多]+(?:个|批|项|大)$")
# X项目在川店镇正式开工: a place between the project and what is done to it
_AT_CLOSER = re.compile(f"在[{CJK}]{{2,12}}?(?:正式|顺利|集中)?(?:开工|投产|竣工|落地)")
# X项目总投资3.2亿元: a project whose total investment is given is one project
_TOTAL_AFTER = re.compile(r"(?:计划)?总投资[\d.]+[亿万]")
# 该院/该公司X项目: the determiner points back to the body the project is of, it names nothing
_THIS_ONE = re.compile("该(?:公司|企业|集团|医院|学校|院|校|镇|村|街道|社区|厂)")
# 甲公司投资12亿元建设X项目: the verb after the sum opens the project's name
_INVESTED_BUILD = re.compile(r"投资[\d.]+[亿万]?元(?:建设|兴建|打造|新建|实施)$")
# the verbs a slogan project (“一把手”工程, “民心”工程) follows: it is what a task is treated as
_SLOGAN_BEFORE = re.compile("(?:作为|当作|当成|当做|列为|打造成|是|成为|一项|这项|头号)$")


def find_projects(s: str, taken: list[tuple[int, int]], places: list | None = None) -> list[Mention]:
    """Named projects: a quoted name, a place-led name (九阳工业园污水管道建设项目), or one standing
    right after a verb that introduces projects (敲定, 先后到, a list comma)."""

    out = []
    if not _holds_any(s, _PROJECT_MARKS):
        return out
    quotes = quoted_spans(s)
    place_starts = {p.start for p in (places or [])}
    for m in _PROJECT_RE.finditer(s):
        a, b = m.start(), m.end()
        if _overlaps(a, b, taken) or any(qa < b < qb for qa, qb in quotes):
            continue
        if b < len(s) and s[b] in "部办组库区师" or s.startswith(_WORKS_BODY_AFTER, b):
            continue     # (X工程建设指挥部: the works name the body that runs them, no project of its own)
        floor = out[-1].end if out else 0
        for _, e in taken:
            if floor < e <= a:
                floor = e    # 区委书记甲宣布项目开工: a name or title before is no part of a project's name
        i = a
        quote = False
        while i > max(floor, a - 30):
            c = s[i - 1]
            if c in "”":
                quote = True
            elif c in "“":
                quote = False
            elif not quote and (c in "，。；：、,;:（）()\n" or not (_is_cjk(c) or c.isalnum())):
                break
            elif not quote and (s.endswith(_PROJECT_LEFT_STOPS, 0, i) or
                                (c in "设建造施" and _INVESTED_BUILD.search(s, max(0, i - 16), i))):
                break
            elif not quote and ((c in STOP_CHARS and not (c in NAME_INNER and inside_word(s, i - 1) and
                                                          s[i - 2:i] not in _LOCATIVES) and
                                 not (c in NUMERALS and s[i:i + 1] == "期") and   # (…公司一期项目)
                                 not (c not in _FUNCTION_CHARS and inside_word(s, i))) or   # (秸秆全量|还田|示范项目)
                                _stopword_ending_at(s, i, _PROJECT_STOPWORDS)):
                break        # (客天下: 下 ends a word here, it does not end the name; 村边上 does)
            i -= 1
        if out and out[-1].end == i:
            prev = out.pop()      # 太湖港灌区新建扩建工程 + 新庙泵站: one name
            i = prev.start
        elif i < a:
            i += trim_left(s[i:b], len(m.group()), "event")
        this = _THIS_ONE.match(s, i - 1 if s[i - 1:i] == "该" else i, a)   # (该 may have stopped the scan)
        if this:
            i = this.end()   # 该院新住院大楼建设项目: "this hospital's" is no part of the name
        i = _place_around(places, i, a)     # 前|川街道翠湖…项目: the subdistrict the place finder read whole
        name = s[i:b]
        core = name.strip("“”")
        # (a park leads no project: 青禾生物医药产业园项目 is the park's project, named after it)
        lead = next((p for p in (places or []) if p.start == i and p.end < b and p.subtype not in _NAMING_PLACES), None)
        rest = core[len(lead.text):] if lead else core[2:] if core.startswith("两区") else core
        bare = _YEAR_OPEN.sub("", rest.strip("“”"))     # (2027年民生实事项目: the year opens no name)
        if _COUNT_BEFORE.search(core, 0, len(core) - len(m.group())):
            continue     # 再签三个项目, 一批项目: a count of projects names none
        if core[:1] in "县区市旗镇乡" and core[1:].startswith(PROJECT_MODIFIERS_LONG):
            continue     # 我|县重大产业项目: the home's level word and a modifier name no project
        if len(core) < (4 if m.group() in _WORKS_FACILITIES else 5) or "某" in core or len(bare) < 4 or bare.startswith(PROJECT_MODIFIERS_LONG) or \
                _COUNTED_PROJECTS.search(core) or \
                any(bare == m_ + m.group() for m_ in PROJECT_MODIFIERS):
            continue
        opener = s[:i]
        if opener.endswith("、") and (tag(s[i - 3:i - 1]) or "")[:1] == "v" and "“" not in name and \
                i not in place_starts and not _proper_head(name, m.group(), places):
            continue     # 整治、创建、壮大集体经济项目: a list of works (…创建、) names no project
        named = "“" in name or i in place_starts or opener.endswith(PROJECT_OPENERS) \
            or _PHASED.search(core, 0, len(core) - len(m.group())) is not None \
            or _CAPACITY.search(core) is not None \
            or _FRAMED_OPEN.search(opener) is not None \
            or (_BUILT_OPEN.search(opener) is not None and _proper_head(name, m.group(), places)) \
            or _VISITED_WITH.search(opener) is not None \
            or (_VISITED.search(opener) is not None and _proper_head(name, m.group(), places)) \
            or ((s.startswith(PROJECT_CLOSERS, b) or _AT_CLOSER.match(s, b)) and _proper_head(name, m.group(), places)) \
            or _TOTAL_AFTER.match(s, b) is not None \
            or (s[b:b + 1] == "、" and _LIST_SIGNED.match(s, b) is not None) \
            or (out and out[-1].end == i) or _INVESTED.search(opener) is not None or \
            _INVESTED_BUILD.search(opener) is not None or \
            (opener.endswith("的") and any(p.end == i - 1 for p in (places or [])) and
             re.search("(落地|落户|位于|地处|入驻|建在)[^，。；]{0,12}$", opener))
        if not named or (name[:1] == "“" and name[-len(m.group()) - 1] == "”" and not opener.endswith(PROJECT_OPENERS)
                         and _SLOGAN_BEFORE.search(opener)):
            continue     # 作为“一把手”工程来抓: a quoted slogan and a bare 工程 after 作为/当作 name a priority
        info = ()
        if lead is not None and lead.get("level", 0) >= 4 and "“" in name[len(lead.text):len(lead.text) + 1]:
            # 荆州区“数字食堂”建设工程: the district is where the project is, not part of its name
            info = (("place", lead.text),)
            i, name = lead.end, name[len(lead.text):]
        out.append(Mention("Project", name, i, b, "", info))
    return out


DOC_RE = re.compile(r"《([^《》\n]{2,80})》")


# 《文明新风进万家》集中示范活动: a title a few words before an activity word names the campaign the
# event is held under, not a text; a title that ends in a text's head noun (《…条例》宣传活动) or is
# followed by 精神/文件… (no activity word in reach) stays a Document.
_CAMPAIGN_AFTER = re.compile("[\u4e00-\u9fff]{0,6}?(?:" + "|".join(map(re.escape, sorted(
    ("活动", "比赛", "大赛", "竞赛", "晚会", "展演", "演出", "汇演", "文化节", "艺术节", "联欢会", "巡演"),
    key=len, reverse=True))) + ")")
_TEXT_HEADS = ("法", "法典", "条例", "规定", "办法", "细则", "纲要", "意见", "方案", "通知", "决定", "规划", "计划",
               "准则", "守则", "公约", "决议", "报告", "标准", "指南", "清单", "制度", "章程", "批复", "通报")


def find_documents(s: str) -> list[Mention]:
    if "《" not in s:
        return []
    return [Mention("Document", m.group(1), m.start(1), m.end(1)) for m in DOC_RE.finditer(s)
            if (m.group(1).endswith(_TEXT_HEADS) or not _CAMPAIGN_AFTER.match(s, m.end())) and
            not s.endswith(_WORKS_OF_ART, 0, m.start()) and
            not (s.endswith(_PERFORMED, 0, m.start()) and not m.group(1).endswith(_TEXT_HEADS))]


# 观看了警示教育片《蜕变》, 电影《…》: a film, a song or a play is no document
_WORKS_OF_ART = ("片", "电影", "影片", "纪录片", "剧", "微视频", "短视频")    # (songs and shows: _PERFORMED)
# 诗朗诵《师者如光》, 舞蹈《阿细跳月》: the title of a piece performed at a show, no document
_PERFORMED = ("一曲", "一首", "作品", "朗诵", "诗朗诵", "舞蹈", "歌曲", "合唱", "独唱", "歌舞", "小品", "相声", "快板", "情景剧", "戏曲", "京剧",
              "黄梅戏", "花鼓戏", "话剧", "节目", "演唱", "表演", "演奏", "曲目")


# ---------------------------------------------------------------- named lists

# Companies and projects are often named by a short name with no suffix (甲乙科技、丙丁食品等企业):
# what the list holds is said by the word after 等 (kg/data/list_heads.tsv), by a head noun the
# list is introduced with (竣工项目两个，分别是A、B), or, on a tour, by the trade word each item
# ends with (走进甲乙科技、丙丁食品). Each item a finder has not named becomes a name of that kind.
_COUNT = "(?:[0-9一二三四五六七八九十百几多余]+[位名家个户项])?"
_HEAD_MODIFIERS = "(?:民营|重点|规上|规模以上|骨干|龙头|知名|本地|外来|入驻|在建|新建|竣工|新开工)?"
_LIST_KINDS = ("Organization", "Project")
_LIST_MARKS = ("、", "等", "分别", "包括")
_CLAUSE_MARKS = "，。；：,;:！？!?（()）“”"
# (type, subtype) of a head noun that introduces a list: 竣工项目两个，分别是…
_INTRO_HEADS = {"项目": ("Project", ""), "企业": ("Organization", "Enterprise")}
_LIST_INTRO = re.compile("(项目|企业)[^，。；：]{0,8}?[，,]?(?:分别是|分别为|包括)")
# the verbs a tour reaches its stops with: a list after one of them names places or companies
_TOUR_VERBS = ("先后到", "先后来到", "先后前往", "先后深入", "走进", "深入", "来到", "前往", "参观", "考察", "调研",
               "走访", "察看", "查看", "到")


_STOPWORD_RE = re.compile("|".join(map(re.escape, STOP_WORDS)))


_BOSSES = re.compile("(?<=[\u4e00-\u9fff])(?:主要负责人|负责人|董事长|总经理|老总)")
_TOUR_RE = re.compile("|".join(sorted(_TOUR_VERBS, key=len, reverse=True)))
_CLAUSE_END = re.compile("[" + re.escape(_CLAUSE_MARKS) + "]")
_LIST_END = re.compile("[" + re.escape(_CLAUSE_MARKS) + "等]")


@lru_cache(maxsize=None)
def _trade_before_comma() -> re.Pattern:
    return re.compile("[" + "".join(sorted({w[-1] for w in trade_words()})) + "]、")


@lru_cache(maxsize=None)
def _list_head_re() -> re.Pattern:
    heads = [w for w, (t, _) in list_heads() if t in _LIST_KINDS]
    # (包括A、B等在内的15家企业)
    return re.compile("等(?:在内的)?(" + _COUNT + ")" + _HEAD_MODIFIERS + "(" + "|".join(map(re.escape, heads)) + ")")


@lru_cache(maxsize=None)
def _head_kinds() -> dict:
    return {w: k for w, k in list_heads() if k[0] in _LIST_KINDS}


@lru_cache(maxsize=None)
def _trade_lengths() -> tuple:
    return tuple(sorted({len(w) for w in trade_words()}, reverse=True))


@lru_cache(maxsize=4096)
def brand_trade(text: str) -> bool:
    """A brand (2-4 characters, any word: 鼎盛, 丰收, 帕沃) then a trade word (科技, 粮油, 机械制造):
    how enterprises are named for short. A trade word before it (生物医药) is an industry, not a brand."""
    trades = trade_words()
    for k in _trade_lengths():           # the longest trade word that ends the text
        if len(text) - k >= 2 and text[len(text) - k:] in trades:
            brand = text[:len(text) - k]
            if len(brand) > 4 or brand[0] in STOP_CHARS or brand in _STOPWORD_SET or brand in GENERIC or \
                    any(brand[:j] in trades for j in range(2, len(brand) + 1)):
                return False
            return all(_is_cjk(c) for c in brand)
    return False


# What stands before 公司 to say which kind of company, not which one (国有公司, 子公司)
_COMPANY_KINDS = frozenset("国有 上市 民营 私营 外资 合资 独资 子 母 分 总 新 老 大 小 这家 一家 该 本 各 龙头 骨干 重点".split())
_COMPANY_SUFFIXES = frozenset(("公司", "有限公司", "有限责任公司", "股份有限公司", "集团"))


# the kinds of a village workshop (帮扶车间, 扶贫车间, 共富工坊): a brand of ordinary words before one names it
_WORKSHOP_KINDS = ("帮扶", "扶贫", "就业", "共富", "巾帼")


def _branded_workshop(name: str, suffix: str) -> bool:
    """绿谷茶坊帮扶车间: a brand (2-4 characters, no area or level word) before a workshop's kind and suffix."""
    if suffix not in ("车间", "工坊"):
        return False
    core = name[:len(name) - len(suffix)]
    kind = next((k for k in _WORKSHOP_KINDS if core.endswith(k)), "")
    brand = core[:len(core) - len(kind)]
    return bool(kind) and 2 <= len(brand) <= 4 and all(map(_is_cjk, brand)) and brand[0] not in STOP_CHARS and \
        not any(c in brand for c in "村镇乡县区市级") and brand not in GENERIC


def _bare_brand(core: str, suffix: str) -> bool:
    """鼎盛有限公司, 振兴公司: a brand (an ordinary word, 2-4 characters) with the company's legal
    form and no trade word. A trade or service word alone (物流公司, 平台公司) names a kind of company."""
    return suffix in _COMPANY_SUFFIXES and 2 <= len(core) <= 4 and all(_is_cjk(c) for c in core) and \
        core not in _COMPANY_KINDS and core[0] not in STOP_CHARS and core not in _STOPWORD_SET and \
        core not in GENERIC and not _title_ending_at(core, len(core)) and not _trade_only(core)


def _item_ok(text: str, inner: bool = False) -> bool:
    """A list item that can be a short name: no function word, verb phrase or title in it. An
    ``inner`` item (、 on both sides) may open with a function character (与时塑业)."""
    if not (2 <= len(text) <= 12) or (text[0] in STOP_CHARS and not inner) or "的" in text or "某" in text or \
            text in GENERIC:
        return False
    if not all(_is_cjk(c) or c.isalnum() for c in text):
        return False
    if any(_stopword_ending_at(text, i) for i in range(2, len(text) + 1)) or _title_ending_at(text, len(text)):
        return False
    return not is_common_word(text)


def _common_words_only(text: str) -> bool:
    """Every word of ``text`` is a common word (农机|驾驶): it names a kind of thing, not one thing."""
    words = lcut(text)
    return sum(len(w) == 1 for w in words) < 2 and all(is_common_word(w) or len(w) == 1 for w in words)


def _split_items(s: str, a: int, b: int) -> list[tuple[int, int]]:
    """[a, b) cut at 、, and at a last 和/及/与 that joins two names of three or more characters."""
    items, i = [], a
    k = s.find("、", a, b)
    while k >= 0:
        items.append((i, k))
        i = k + 1
        k = s.find("、", i, b)
    items.append((i, b))
    x, y = items[-1]
    for k in range(x + 3, y - 2):
        if s[k] in "和及与":
            items[-1:] = [(x, k), (k + 1, y)]
            break
    return items


def _clause_start(s: str, end: int) -> int:
    return max(s.rfind(c, 0, end) for c in _CLAUSE_MARKS) + 1


def find_listed_items(s: str, taken: list, found: list) -> tuple[list[Mention], list[Mention]]:
    """Names of companies and projects that lists give (see above): (new mentions, mentions of
    ``found`` that the list retypes: a compound or park in a list of projects is a project)."""
    lists = []      # (items, (type, subtype), counted: True/False, None for a tour, proper names only)
    if "等" in s:
        kinds = _head_kinds()
        for m in _list_head_re().finditer(s):
            end = m.start()
            items = _split_items(s, _clause_start(s, end), end)
            # a bare 等项目 may close the items of a contest (驾驶、嫁接等项目): those are common words
            lists.append((items, kinds[m.group(2)], bool(m.group(1)), m.group(2) == "项目"))
    for m in (_LIST_INTRO.finditer(s) if "分别" in s or "包括" in s else ()):
        end = m.end()
        close = _CLAUSE_END.search(s, end)
        stop = close.start() if close else len(s)
        if s.startswith("等", stop) or "等" in s[end:stop]:
            stop = s.find("等", end, stop + 1)
        lists.append((_split_items(s, end, stop), _INTRO_HEADS[m.group(1)], False, False))
    if "、" in s and _trade_before_comma().search(s):      # (a tour's or bosses' list: trade words end its items)
        for m in (_BOSSES.finditer(s) if _holds_any(s, "负董总") else ()):
            # 青禾纺织、云岭石材负责人先后发言: companies, whose heads speak
            items = _split_items(s, _clause_start(s, m.start()), m.start())
            if len(items) >= 2:
                lists.append((items, ("Organization", "Enterprise"), None, False))
        for t in _TOUR_RE.finditer(s):
            a = t.end()
            end = _LIST_END.search(s, a)
            stop = end.start() if end else len(s)
            if s.find("、", a, stop) < 0:
                continue
            verb = _STOPWORD_RE.search(s, a, stop)      # 走进A、B调研: the list ends at the verb
            if verb:
                stop = verb.start()
            items = _split_items(s, a, stop)
            if len(items) >= 2:
                lists.append((items, ("Organization", "Enterprise"), None, False))
    if not lists:
        return [], []
    new, retyped = [], []
    spans = {(m.start, m.end): m for m in found}
    made = set()
    for items, (type_, subtype), counted, proper in lists:
        picked = []
        for k in range(len(items) - 1, -1, -1):
            a, b = items[k]
            if k == 0:
                a = max(a, left_edge(s, b, a, 12))       # the first item: after the verb before it
            if _overlaps(a, b, taken):
                picked = None
                break    # a person in the list: no list of names of this kind
            text = s[a:b]
            if (a, b) in spans:
                if spans[(a, b)].type == "Event":
                    break
                picked.append((a, b, spans[(a, b)]))
                continue
            if any(m.start < b and a < m.end and not (m.type == "Place" and a <= m.start and m.end <= b)
                   for m in found):
                break    # a name the finders read across the item's edge: not an item of the list
            if (counted is None and not brand_trade(text)) or \
                    not _item_ok(text, 0 < k < len(items) - 1 or (k > 0 and s[b:b + 1] == "等")) or \
                    (proper and _common_words_only(text)):
                break
            picked.append((a, b, None))
        if not picked:
            continue
        if len(picked) < 2 and not (counted and len(s[picked[0][0]:picked[0][1]]) >= 4):
            continue
        if counted is None and sum(m is None for _, _, m in picked) < 2:
            continue     # a tour's list: only where two or more items read as companies
        fresh = [(a, b) for a, b, m in picked if m is None]
        if type_ == "Organization" and fresh and all(name_at(s, a) == b - a and not brand_trade(s[a:b])
                                                    for a, b in fresh):
            continue     # 王一鸣、李二江等企业老总: the bosses' names, not their companies
        for a, b, m in picked:
            if m is not None:
                if m.type == "Place" and m.subtype in ("Compound", "Site", "Park") and (a, b) not in made:
                    retyped.append(m)
                else:
                    continue
            if (a, b) in made:
                continue
            made.add((a, b))
            new.append(_new(Mention, (type_, s[a:b], a, b, subtype, (("listed", True),))))
    return new, retyped
