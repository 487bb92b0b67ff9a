"""The relation rules, in the one order they run (kg.extract.page reads RULES and PAGE_RULES
when it runs, so this tuple is the pipeline; docs/EXTRACTION.md describes each rule).

A rule is one pattern of the genre, a function of one article document (kg.extract.page.Doc):
it reads the sentences' mentions and adds facts (``doc.fact``) about the entities they name
(``doc.ref``). The cue words it reads are in kg/data/cues.tsv (kg.lexicon.cues).
Order matters where a rule changes what later ones see: event names are merged after every
rule that relates events, before the visits (which use the article's event) and places.
"""
from kg.extract.rules import events, merging, places, posts, visits

RULES = (
    posts.holds_post_by_title_chain,     # holdsPost, memberOf: 区委常委、常务副区长X
    posts.member_by_head_of_body,        # memberOf: X公司负责人Y
    posts.member_by_leading_team,        # memberOf: 甲率X督查组
    posts.member_by_group_of_body,       # memberOf: 区政协领导甲、乙
    events.organized_by_convener,        # organizedBy: 区委、区政府召开EVENT / EVENT召开
    events.organized_by_name,            # organizedBy: 区人大常委会第十次会议 (named after the body)
    events.organized_by_party,           # organizedBy: 中国共产党X区第五次代表大会 (X区委)
    events.organized_by_home_pair,       # organizedBy: 两区…会议 (the home and its zone)
    events.organized_by_host,            # organizedBy: 由X主办，Y承办的EVENT
    events.held_at,                      # heldAt: EVENT在X举行
    events.held_at_anaphora,             # heldAt: 会议在县行政中心召开 (the article's event)
    events.held_at_set_clause,           # heldAt: 召开EVENT，会场设在X
    events.held_at_venues,               # heldAt: 在X设主会场，Y、Z设分会场
    events.held_at_named_place,          # heldAt: 铁路小区攻坚行动 (an activity named after a small place)
    events.chaired,                      # chaired, attended: X主持召开EVENT / X主持
    events.attended,                     # attended: A、B出席会议 / 参加…仪式 / 会上
    events.attended_by_speaking,         # attended: X强调 (in an article about a meeting)
    events.attended_by_leading_to_it,    # attended: X带领党员到Y开展EVENT
    events.organized_by_anaphora,        # organizedBy: 本次竞赛由X主办 (the article's event)
    events.attended_as_speaker,          # attended: X在EVENT上的讲话
    events.attended_at_bare_kind,        # attended: X在培训会上作辅导 (the last event of that kind)
    events.reviewed,                     # reviewed: 会议审议《A》
    events.merge_event_names,            # (merges) headline/main event; short/long names of one event
    visits.inspected,                    # inspected: the visiting party × every stop of the tour
    visits.tour_held_at,                 # heldAt: a tour with no party, of an activity: held at each stop
    places.located_in_adjacent,          # locatedIn: 川店镇云南村
    places.located_in_list,              # locatedIn: 城关镇曹家畈村、小丰山村
    places.located_in_inner_place,       # locatedIn: 金山村蔬菜基地项目 (the place inside the name)
    places.located_in_frame,             # locatedIn: 在纪南镇，…A村 (the paragraph's frame)
    places.located_in_settled_project,   # locatedIn: 云南村…敲定X项目
    places.located_in_described,         # locatedIn: 落户柳港村的X公司
    places.located_in_built_in,          # locatedIn: 在安吉县投资建设了X项目
    places.located_in_bare_park,         # locatedIn: X项目在园区开工 (the park named before)
    places.located_in_possessive,        # locatedIn: 磁灶镇的X公司 (no verb)
    places.located_in_bare_kind,         # locatedIn: 来到巴河镇，察看了镇上的X公司 (the town named before)
    places.located_in_after_verb,        # locatedIn: X位于纪南镇纪城村
    places.located_in_where_project_starts,  # locatedIn: X项目在纪南镇纪城村正式投产
)

# run once per page, after all its articles
PAGE_RULES = (
    merging.merge_body_aliases,          # (merges) 招商中心 is the page's one 两区招商中心
    merging.merge_project_aliases,       # (merges) X堤防工程 is the page's one 敖包图苏木X堤防工程
    merging.merge_post_forms,            # (merges) 县委书记 is the page's 光山县委书记
    merging.nearest_container,           # (prunes) X in 乡 and in 乡's 村: X in the 村 only
)
