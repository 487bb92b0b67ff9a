"""A second round of invented pages of the 荆州区 paper (tests/fixtures/paper2, made by its
make_pages.py; every name invented, towns and streets real geography): the congress's and the
CPPCC's sittings and inspections, executive meetings adopting documents, town news, investment,
flood and safety checks, party building, livelihood, a 简讯 page opened by an article continued
from page one, a joint front page; then (p20-p23, written after the first fixes) an appointment,
a river chief's patrol, a troops visit, an enterprise forum, a lead headline printed far from its
article. Each page's gold was written before the pipeline read it (first read pooled, entity /
relation F1: p11-p19 0.953 / 0.942, p20-p23 0.923 / 0.868, p24-p27 0.890 / 0.828 (a delegation
of another district, a CPPCC studio, safety campaigns, a festival with its hosts), p28-p30 in the
real pages' proportions 0.992 / 0.953). Built the way unseen pages are (no home
given: it is inferred) and scored with the reference scorer; unit tests of the constructions they
exposed follow, on sentences of their own."""
from __future__ import annotations

from pathlib import Path

import pytest

from invented import reference_scores
from shared_scorer import SCORER as SCORE
from test_rules_genre import facts_of

FIX = Path(__file__).parent / "fixtures" / "paper2"


@pytest.mark.skipif(not SCORE.exists(), reason="../shared (the reference scorer) is absent")
def test_second_round_paper_pages_score(tmp_path):
    """Floors a little under what the pipeline reaches now, so a regression on these pages shows;
    every article is found and every byline read."""
    res = reference_scores(FIX, tmp_path / "paper2.ttl")
    assert res["articles"]["found"] == res["articles"]["gold"]
    assert res["articles"]["byline_recall"] == 1.0
    assert res["entities"]["all"]["f1"] >= FLOOR_ENTITIES
    assert res["relations"]["all"]["f1"] >= FLOOR_RELATIONS


# (p11-p30 now: 0.987 / 0.986)
FLOOR_ENTITIES, FLOOR_RELATIONS = 0.98, 0.975


# ---------------------------------------------------------------- constructions the pages exposed

def test_a_name_closed_by_yi_or_shuo_and_rarer_surnames():
    """镇党委书记X以普通党员身份参加: 以 after a name closes it; 贝 and 眭 open names too (X说：…)."""
    for s, name in (("纪南镇党委书记邱雨泽以普通党员身份参加会议。", "邱雨泽"),
                    ("马山镇敬老院院长贝春兰说：“老人们很满意。”", "贝春兰"),
                    ("8月9日，川店镇种植户眭福来在葡萄园里采摘葡萄。", "眭福来")):
        out, _ = facts_of(s)
        people = {k.split("#")[0] for t, k in out.entities if t == "Person"}
        assert name in people and not any(p.startswith(name) and p != name for p in people)


def test_the_district_safety_committee_convenes_its_plenary():
    """区安委会召开第N次全体会议: 安委会 (the work-safety committee) is a body, the plenary its."""
    _, g = facts_of("6月3日，区安委会召开2026年第一次全体会议。")
    assert ("2026年第一次全体会议", "organizedBy", "荆州区安委会") in g


def test_a_hospital_ward_is_no_district():
    """新设5个专科病区: a ward of a hospital names no place."""
    out, _ = facts_of("新大楼启用后，医院将新设骨科、儿科等3个专科病区。")
    assert not any(t == "Place" for t, _ in out.entities)


def test_festivals_sharing_sessions_and_classes_for_party_candidates():
    """举办首届“X节” (a festival held), “…”阅读分享会 (the home's name inside its slogan names no
    place), 发展对象培训班 (对 inside a word of the name); a festival only greeted, a kind of
    meeting counted (议事会30个), are no event."""
    _, g = facts_of("9月6日，弥市镇举办首届“菱角节”，吸引游客5000余人次。")
    assert ("首届菱角节", "organizedBy", "弥市镇") in g
    out, g = facts_of("7月8日，区文旅局在荆州区博物馆举办“书香荆州区”亲子阅读分享会。")
    assert ("书香荆州区亲子阅读分享会", "heldAt", "荆州区博物馆") in g
    assert ("书香荆州区亲子阅读分享会", "organizedBy", "荆州区文旅局") in g
    assert ("Place", "荆州区") not in out.entities
    _, g = facts_of("3月2日，区委组织部在区委党校举办2027年入党积极分子和发展对象培训班。")
    assert ("2027年入党积极分子和发展对象培训班", "heldAt", "荆州区委党校") in g
    for s in ("居民们在社区喜迎“中秋节”。", "近年来，马山镇建立村民议事协商会30个。"):
        out, _ = facts_of(s)
        assert not any(t == "Event" for t, _ in out.entities), s


def test_a_cppcc_session_is_convened_by_the_areas_cppcc_where_it_closes():
    """政协荆州市荆州区第N届委员会第N次会议在X闭幕: the district's CPPCC convenes it (the city and
    district inside its name name no place), X is where it sat."""
    out, g = facts_of("1月9日，政协荆州市荆州区第九届委员会第四次会议在区会议中心闭幕。")
    ev = "政协荆州市荆州区第九届委员会第四次会议"
    assert (ev, "organizedBy", "荆州区政协") in g and (ev, "heldAt", "荆州区会议中心") in g
    assert {k for t, k in out.entities if t == "Place"} == {"荆州区会议中心"}     # the venue, a site


def test_the_head_after_the_party_groups_secretary_is_the_bureaus():
    """区X局党组书记、局长甲: 局长 is of the bureau (甲 a member of it and of its party group); a
    party title after it stays the group's."""
    _, g = facts_of("区水利局党组书记、局长邵远航出席会议。")
    assert ("邵远航", "memberOf", "荆州区水利局") in g and ("邵远航", "memberOf", "荆州区水利局党组") in g
    _, g = facts_of("区水利局党组书记、党组成员邵远航出席会议。")
    assert ("邵远航", "memberOf", "荆州区水利局") not in g


def test_a_project_started_somewhere_and_one_whose_total_is_given():
    """X项目在Y镇Z村正式投产/开工: the project is in Z (and named though its head is no place);
    该院X项目总投资N亿元: a project with its total investment is one (该院 is no part of it); a
    leader announcing that projects start names none, nor does a bare 重点项目 with its total."""
    out, g = facts_of("5月6日，湖北青峦食品有限公司年产2万吨米粉项目在川店镇柳湾村正式投产。")
    assert ("湖北青峦食品有限公司年产2万吨米粉项目", "locatedIn", "柳湾村") in g
    assert ("柳湾村", "locatedIn", "川店镇") in g
    out, g = facts_of("5月6日，禾丰冷链物流项目在马山镇顺利开工。")
    assert ("禾丰冷链物流项目", "locatedIn", "马山镇") in g
    out, _ = facts_of("该院门诊综合楼建设项目总投资1.5亿元。")
    assert ("Project", "门诊综合楼建设项目") in out.entities
    for s in ("区委书记钟远航宣布项目开工。", "全区重点项目总投资86亿元。", "青禾项目在马山镇召开推进会。"):
        out, _ = facts_of(s)
        assert not any(t == "Project" for t, _ in out.entities), s


def test_who_watches_a_drill_or_leads_a_group_to_hold_an_activity_was_there():
    """副区长X现场观摩 (the drill of the article); X带领机关党员到Y开展EVENT: the leader attended."""
    _, g = facts_of("6月2日，区应急管理局在李埠镇青杨村举行2026年防汛应急综合演练。副区长邬远帆现场观摩。")
    assert ("邬远帆", "attended", "2026年防汛应急综合演练") in g
    _, g = facts_of("7月1日，区司法局局长祁晓东带领机关党员到川店镇柳湾村开展“七一”主题党日活动。")
    assert ("祁晓东", "attended", "七一主题党日活动") in g
    _, g = facts_of("7月1日，区司法局局长祁晓东带领调研组到川店镇调研，随后镇里开展主题党日活动。")
    assert not any(p == "attended" for _, p, _ in g)


def test_a_host_briefing_at_a_frame_of_a_tour_makes_it_a_stop():
    """甲走访调研企业。在X，公司总经理乙介绍…: X is a stop of 甲's tour (乙 is X's host, no visitor)."""
    _, g = facts_of("3月5日，区长钟远航走访调研重点企业。在湖北禾盛机械有限公司，公司总经理邵春明介绍了技改进展。")
    assert ("钟远航", "inspected", "湖北禾盛机械有限公司") in g
    assert ("邵春明", "inspected", "湖北禾盛机械有限公司") not in g


def test_a_schools_new_building_is_a_project_and_the_school_inside_its_name_no_body():
    """楚都小学新建项目施工现场 (都 reads as "all" to the project finder): the works named after the
    school is the project a tour inspects; the school, named only there, is no body of its own; a
    care home named with its town keeps its body (where it is, its name says)."""
    out, g = facts_of("副区长邬远帆先后来到荆州市禾安燃气有限公司、楚都小学新建项目施工现场检查。")
    assert ("Project", "楚都小学新建项目") in out.entities
    assert ("邬远帆", "inspected", "楚都小学新建项目") in g
    assert ("Organization", "楚都小学") not in out.entities
    out, g = facts_of("近日，弥市镇敬老院改造提升项目顺利完工。")
    assert ("Organization", "弥市镇敬老院") in out.entities
    assert ("弥市镇敬老院改造提升项目", "locatedIn", "弥市镇") in g


def test_an_appointment_announced_at_a_meeting():
    """宣布…决定：甲同志任荆州区委委员、常委、书记: 甲 holds each title, 常委 and 书记 of the 区委
    (keyed as the district writes them, 区委常委/区委书记); 任 is no part of the body, so the
    district's 区委 stays one body and its people the district's."""
    out, g = facts_of("9月2日，宣布市委关于荆州区委主要负责同志职务调整的决定：卢远征同志任荆州区委委员、常委、书记。"
                      "区委副书记、区长邵明哲主持会议。")
    assert {("卢远征", "holdsPost", p) for p in ("荆州区委委员", "荆州区委常委", "荆州区委书记")} <= g
    assert ("卢远征", "memberOf", "荆州区委") in g and ("邵明哲", "memberOf", "荆州区委") in g
    assert not any(k.startswith("任") for _, k in out.entities)


def test_a_department_after_a_title_of_the_city_committee_is_the_citys():
    """市委常委、组织部部长甲: 组织部 is the 市委's (荆州市委组织部); 县委常委、纪委书记、监委主任乙:
    纪委 and 监委 are the area's own organs, not its party committee's departments."""
    _, g = facts_of("市委常委、组织部部长欧阳明远出席会议并讲话。")
    assert ("欧阳明远", "memberOf", "荆州市委组织部") in g and ("欧阳明远", "memberOf", "荆州区委组织部") not in g
    _, g = facts_of("区委常委、区纪委书记、区监委主任范志宏出席会议。")
    assert ("范志宏", "memberOf", "荆州区纪委") in g and ("范志宏", "memberOf", "荆州区监委") in g


def test_a_river_chiefs_patrol_a_village_named_after_its_hill_and_the_troops_visited():
    """区委书记、区级河长甲巡查…, 乙参加巡查: both on the patrol; 郢城镇凤凰山村 is a village (凤凰 +
    山村 after a town); 乙参加慰问 joins a visit to the troops."""
    _, g = facts_of("9月4日，区委书记、区级河长卢远征巡查河道。副区长邵明哲参加巡查。卢远征先后来到郢城镇凤凰山村、"
                    "马山镇湖口村，实地察看河道保洁情况。")
    assert ("卢远征", "holdsPost", "区级河长") in g
    assert {("卢远征", "inspected", "凤凰山村"), ("邵明哲", "inspected", "凤凰山村"),
            ("凤凰山村", "locatedIn", "郢城镇")} <= g
    out, _ = facts_of("马山镇美丽乡村建设加快推进。")
    assert [k for t, k in out.entities if t == "Place"] == ["马山镇"]
    _, g = facts_of("7月30日，区委书记卢远征带队走访慰问驻区部队。区人武部政委孙铁山参加慰问。卢远征一行先后来到"
                    "武警荆州支队、荆州区消防救援大队，看望慰问官兵。")
    assert ("孙铁山", "inspected", "武警荆州支队") in g


def test_joint_and_town_offices_a_film_and_a_compound_named_garden_then_estate():
    """区纪委监委 (the two organs together) is not 区监委; 镇司法所 is a body; a film in 《》 after
    警示教育片 is no document; 郢都花园小区 is one compound."""
    out, g = facts_of("9月1日，区纪委监委召开全区党员干部警示教育大会，组织观看了警示教育片《迷途》。"
                      "区委常委、区纪委书记、区监委主任范志宏出席。")
    orgs = {k for t, k in out.entities if t == "Organization"}
    assert {"荆州区纪委监委", "荆州区纪委", "荆州区监委"} <= orgs
    assert not any(t == "Document" for t, _ in out.entities)
    _, g = facts_of("10月14日，弥市镇纪委联合镇司法所开展“以案释法”进村活动。")
    assert ("以案释法进村活动", "organizedBy", "弥市镇司法所") in g
    out, _ = facts_of("区长邵明哲先后到锦华路农贸市场、楚都花园小区等地查看。")
    assert ("Place", "楚都花园小区") in out.entities


def test_a_page_of_articles_with_no_blank_line_is_no_web_file():
    """Lines opened by a space and no blank line anywhere, two of them opening with 本报讯: the
    paper's page of several articles (a photo caption among them stays a photo), not one web
    article; a headline line opening with its place and a colon stays a line of its own."""
    from kg.text.articles import split_page
    raw = (" 柳湾镇召开春耕生产推进会\n 乡村振兴一线\n 川店镇：“稻虾共作”富了乡亲\n"
           " 本报讯（通讯员林晓）走进川店镇石桥村，稻田里小龙虾正肥。\n"
           " 本报讯（通讯员顾然）3月9日，柳湾镇召开春耕生产推进会。\n"
           " 3月8日，马山镇农机手在田间翻耕土地。（顾然 摄）\n")
    arts = split_page("p.txt", raw).articles
    assert [a.kind for a in arts] == ["news", "news", "photo"]
    assert not any("线川店镇" in (a.headline or "") for a in arts)


def test_a_delegation_that_comes_to_our_district_is_no_home():
    """X区党政代表团来我区考察 on a page naming the visitor more often than the home: the home is
    still ours (the visitor comes to "our" district); the visitor's bare titles are its own
    (江夏区委常委、常务副区长甲: 江夏区政府), its leader a member of the delegation."""
    from kg.extract.gazetteer import infer_home
    page = ("江夏区党政代表团来我区考察\n\n本报讯（记者 林晓）5月12日，武汉市江夏区委书记孟远航率江夏区党政代表团"
            "来我区考察。区委书记卢远征陪同。江夏区委常委、常务副区长甘立民参加考察。江夏区代表团对荆州区的"
            "发展成就表示赞赏。\n")
    assert infer_home(page).district == "荆州区"
    _, g = facts_of("5月12日，武汉市江夏区委书记孟远航率江夏区党政代表团来我区考察。江夏区委常委、常务副区长甘立民参加考察。")
    assert ("甘立民", "memberOf", "江夏区政府") in g and ("甘立民", "memberOf", "荆州区政府") not in g
    assert ("孟远航", "memberOf", "江夏区党政代表团") in g


def test_names_against_bodies_counts_and_years():
    """部分区人大代表 (区 + 人大 is no name); 司徒X为…揭牌 (a compound surname, one given character,
    and who unveils attended); (柴 / 语嫣 摄) a credit broken inside a name; 2027年民生实事项目 and
    再签三个项目 name no project; 桃园村村委会 is a body that hosts."""
    out, g = facts_of("4月8日，区政协“委员之家”揭牌仪式在弥市镇青荷村举行。区政协副主席司徒明为“委员之家”揭牌。")
    assert ("司徒明", "attended", "委员之家揭牌仪式") in g
    out, _ = facts_of("区人大常委会副主任聂远山带领部分区人大代表视察2027年民生实事项目推进情况。")
    assert not any(k.startswith("区人大") for t, k in out.entities if t == "Person")
    assert not any(t == "Project" for t, _ in out.entities)
    from kg.text.articles import split_page
    arts = split_page("p.txt", "\n\n3月21日，弥市镇荻港村村民在田间采摘春茶。（柴\n语嫣 摄）\n").articles
    assert arts[0].photographers == ("柴语嫣",)
    _, g = facts_of("3月20日，第二届荆州区桃花文化节在八岭山镇青山村开幕。本届文化节由区文旅局主办，青山村村委会承办。")
    assert ("第二届荆州区桃花文化节", "organizedBy", "青山村村委会") in g


def test_members_who_speak_at_a_consultation_attended_it():
    """政协委员甲、乙围绕…作发言: the members speaking were at the consultation (and hold the title)."""
    _, g = facts_of("8月4日，区政协组织召开“推进乡村旅游”专题协商会。政协委员邵雨辰、冯立秋围绕民宿发展作发言。")
    ev = "推进乡村旅游专题协商会"
    assert ("邵雨辰", "attended", ev) in g and ("冯立秋", "attended", ev) in g
