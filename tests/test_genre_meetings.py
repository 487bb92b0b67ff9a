"""Meetings and activities written the ways county papers and sites of several provinces write
them, on invented sentences (every name invented): who attended, chaired, organized, where it
was held. The fixture suite at the end builds ten invented articles (tests/fixtures/genre) and
scores them with the reference scorer against their expected entities and relations."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from test_rules_genre import facts_of

HOME = ("柳溪县", "赣州市", "江西省")


def got(body, headline=""):
    return facts_of(body, headline, home=HOME)[1]


# ---------------------------------------------------------------- names closed by a verb of the genre

def test_a_name_before_yingyao_is_read():
    """县委常委、统战部部长X应邀出席: 应邀 closes the name like 出席 does."""
    g = got("5月20日，县政协十届九次常委会议召开。县委常委、统战部部长闵晓燕应邀出席。")
    assert ("闵晓燕", "holdsPost", "县委常委") in g
    assert ("闵晓燕", "memberOf", "柳溪县委") in g


def test_who_announces_or_greets_at_an_activity_attended_it():
    """X宣布活动启动，Y致辞: both were at the article's activity."""
    g = got("6月7日，2024年柳溪县科普宣传周活动在县文化广场启动。县委常委、宣传部部长蔡丽萍宣布活动启动，"
            "副县长冯启航致辞。")
    ev = "2024年柳溪县科普宣传周活动"
    assert ("蔡丽萍", "attended", ev) in g
    assert ("冯启航", "attended", ev) in g
    assert ("冯启航", "holdsPost", "副县长") in g


def test_who_reports_at_a_meeting_attended_it():
    """X通报…情况 at the article's meeting: X was there."""
    g = got("3月12日，柳溪县安全生产工作会议召开。县委副书记、县长柯文彬通报全县安全生产形势。")
    assert ("柯文彬", "attended", "柳溪县安全生产工作会议") in g


# ---------------------------------------------------------------- organizers and venues

def test_bodies_that_jointly_hold_an_activity_written_apart():
    """活动由A、B联合举办，C、D协办: all four organized the article's activity."""
    g = got("6月1日，2024年柳溪县青少年普法宣传月活动在县青少年活动中心启动。"
            "活动由县妇联、县科协联合举办，县司法局、县教育局、县文明办协办。")
    ev = "2024年柳溪县青少年普法宣传月活动"
    for body in ("柳溪县妇联", "柳溪县科协", "柳溪县司法局", "柳溪县教育局", "柳溪县文明办"):
        assert (ev, "organizedBy", body) in g


def test_an_activity_launched_or_a_class_opened_in_a_place_is_held_there():
    """EVENT在X启动 / EVENT在X开班: X is where it was held."""
    g = got("6月1日，2024年柳溪县青少年普法宣传月活动在县青少年活动中心启动。")
    assert ("2024年柳溪县青少年普法宣传月活动", "heldAt", "柳溪县青少年活动中心") in g
    g = got("5月13日，柳溪县2024年度乡村振兴专题培训班在县行政中心开班。")
    assert ("柳溪县2024年度乡村振兴专题培训班", "heldAt", "柳溪县行政中心") in g


def test_an_opening_ceremony_named_in_a_speech_is_no_venue_of_a_meeting_studied():
    """学习…在X…培训班开班式…的讲话: 开班 is part of a noun there; the meetings before get no venue."""
    g = got("会议学习了全县安全生产工作会议精神和县长在县行政中心干部培训班开班式上的讲话。")
    assert not any(p == "heldAt" for _, p, _ in g)


# ---------------------------------------------------------------- constructions not reached yet

@pytest.mark.xfail(reason="a title printed around a name after its body (县政协提案委X主任) is read only "
                          "when the name opens a clause; the body before the name is not yet joined to the title",
                   strict=True)
def test_body_then_name_then_title():
    g = got("县政协提案委韩立新主任、经济委苗志刚主任作专题发言。")
    assert ("韩立新", "memberOf", "柳溪县政协提案委") in g


@pytest.mark.xfail(reason="团县委 (the Youth League's county committee) is no body the finders know yet", strict=True)
def test_tuan_xianwei_is_its_own_body():
    g = got("6月1日，柳溪县青少年普法宣传月活动启动。活动由团县委、县妇联联合举办。")
    assert any(p == "organizedBy" and "团" in o for _, p, o in g)


# ---------------------------------------------------------------- the invented articles, scored

FIX = Path(__file__).parent / "fixtures" / "genre"
SCORE = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "score.py"


@pytest.mark.skipif(not SCORE.exists(), reason="../shared (the reference scorer) is absent")
def test_invented_articles_score(tmp_path):
    """The ten invented articles, built with their homes and scored pooled: floors just under what
    the rules reach now (entities 0.885, relations 0.882 F1), so a regression of the genre shows."""
    out = tmp_path / "genre.ttl"
    subprocess.run([str(Path(sys.executable).parent / "kg"), "build", str(FIX), "--manifest", str(FIX / "manifest.json"),
                    "-o", str(out), "-q", "--no-cache"], check=True)
    golds = [a for f in sorted(FIX.glob("*.txt")) for a in ("--gold", str(f) + ".json")]
    res = json.loads(subprocess.run([sys.executable, str(SCORE), "--graph", str(out), "--ontology",
                                     str(Path(__file__).resolve().parents[1] / "ontology"), *golds, "--json"],
                                    check=True, capture_output=True, text=True).stdout)
    assert res["entities"]["all"]["f1"] >= 0.87
    assert res["relations"]["all"]["f1"] >= 0.87
