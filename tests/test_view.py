"""kg view: a self-contained, escaped, deterministic page with the cuts the CLI offers."""
import html as htmllib
import json
import re
from pathlib import Path

import pytest

from kg.views import graphdata as gd
from kg.cli import main
from kg.views.view import build_view, json_for_script, layout, template_text

FIX = Path(__file__).parent / "fixtures" / "graphs"


def run(args, capsys):
    with pytest.raises(SystemExit) as e:
        main(args)
    return e.value.code, capsys.readouterr()


def ok(args):
    try:
        main(args)
    except SystemExit as e:  # click may exit 0 after success
        assert e.code in (0, None)


def page_json(html):
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, flags=re.S)
    return json.loads(m.group(1))


def test_page_is_self_contained_and_offline(tmp_path):
    out = tmp_path / "v.html"
    ok(["view", str(FIX / "small.ttl"), "-o", str(out)])
    html = out.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)  # nothing fetched
    assert "cdn" not in html.lower() and "bootstrap" not in html.lower()
    assert "getContext(\"2d\")" in html and "Noto Sans CJK SC" in html  # its own renderer, inlined
    csp = htmllib.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1))
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp and "unsafe-inline" not in csp.split("style-src")[0]
    data = page_json(html)
    assert {n["l"] for n in data["nodes"]} >= {"张明远", "区委常委会会议", "紫荆村"}
    assert all("x" in n and n["v"] for n in data["nodes"])  # every node positioned by Python, and drawn
    assert {c["name"] for c in data["classes"]} == {"Person", "Post", "Organization", "Place", "Event", "Project", "Document"}


def test_same_graph_same_bytes(tmp_path):
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    ok(["view", str(FIX / "small.ttl"), "-o", str(a)])
    ok(["view", str(FIX / "small.ttl"), "-o", str(b)])
    assert a.read_bytes() == b.read_bytes()


def test_article_text_cannot_break_out(tmp_path):
    out = tmp_path / "inj.html"
    ok(["view", str(FIX / "injection.ttl"), "-o", str(out)])
    html = out.read_text(encoding="utf-8")
    outside_vis = html.replace(template_text("view.js"), "")
    assert outside_vis.count("<script") == 2  # the data block and the page script: nothing else
    assert "<img" not in outside_vis and "<svg" not in outside_vis and "</title></script>" not in outside_vis
    data = page_json(html)  # ... and the text is still all there, as data
    labels = {n["l"] for n in data["nodes"]}
    assert "<script>alert(1)</script>" in labels and "<img src=x onerror=alert(1)>会议" in labels
    assert data["rels"][0][3][0][0].startswith("<")


def test_json_for_script_escapes_markup():
    s = json_for_script({"a": "</script><!-- & \u2028"})
    assert "<" not in s and ">" not in s and "&" not in s and "\u2028" not in s
    assert json.loads(s) == {"a": "</script><!-- & \u2028"}


def test_focus_depth_types_predicates():
    base = gd.read_graph(FIX / "small.ttl")
    d1 = page_json(build_view(base, focus="李晓华", depth=1))
    drawn = {n["l"] for n in d1["nodes"] if n.get("v")}
    assert drawn == {"李晓华", "区长", "荆州区政府", "区委常委会会议", "全区项目建设推进会"}
    assert "within 1 hops of 李晓华" in d1["meta"]["note"]
    d2 = page_json(build_view(base, types={"Person", "Event"}, predicates={"attended"}))
    assert {n["c"] for n in d2["nodes"] if n.get("v")} == {"Person", "Event"}
    assert {p for e in d2["edges"] for p in e[2]} == {"attended"}


def test_max_nodes_keeps_most_connected_and_says_so():
    base = gd.read_graph(FIX / "small.ttl")
    d = page_json(build_view(base, max_nodes=4))
    drawn = [n for n in d["nodes"] if n.get("v")]
    assert len(drawn) == 4 and d["meta"]["omitted"]["nodes"] == 13
    assert "张明远" in {n["l"] for n in drawn}  # degree 7, the most connected
    # the panel still knows every relation of the drawn nodes, including ones to nodes left out
    zhang = next(n["i"] for n in drawn if n["l"] == "张明远")
    assert sum(1 for r in d["rels"] if zhang in (r[0], r[2])) == 7


def test_coattendance_view():
    base = gd.read_graph(FIX / "small.ttl")
    d = page_json(build_view(base, coattendance=True))
    assert {n["l"] for n in d["nodes"] if n.get("v")} == {"张明远", "李晓华", "王建国"}
    assert [e[2] for e in d["edges"]] == [["coattended"]] * 3 and {e[3] for e in d["edges"]} == {2}


def test_layout_separates_nodes_and_is_deterministic():
    text = gd.synthetic_graph(400, seed=1)
    import tempfile
    with tempfile.TemporaryDirectory() as t:
        p = Path(t) / "g.nt"
        p.write_text(text, encoding="utf-8")
        g = gd.read_graph(p)
    ids, pairs = list(g.nodes), [(e.s, e.o) for e in g.edges]
    pos = layout(ids, pairs)
    assert pos == layout(ids, pairs) and set(pos) == set(ids)
    coords = sorted(pos.values())
    assert len(set(coords)) == len(coords)  # no two nodes on one spot


def test_bad_input_and_usage_exit_codes(tmp_path, capsys):
    code, cap = run(["view", str(tmp_path / "nope.ttl"), "-o", str(tmp_path / "v.html")], capsys)
    assert code == 1 and "nope.ttl: no such file" in cap.err and "Traceback" not in cap.err
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle <", encoding="utf-8")
    code, cap = run(["view", str(bad), "-o", str(tmp_path / "v.html")], capsys)
    assert code == 1 and "bad.ttl" in cap.err
    assert not (tmp_path / "v.html").exists()
    code, cap = run(["view", str(FIX / "small.ttl"), "-o", str(tmp_path / "v.html"), "--focus", "没有这个人"], capsys)
    assert code == 1 and "no entity named" in cap.err
    code, cap = run(["view", str(FIX / "small.ttl"), "-o", str(tmp_path / "v.html"), "--types", "Persn"], capsys)
    assert code == 1 and "unknown type" in cap.err
    code, cap = run(["view", str(FIX / "small.ttl")], capsys)
    assert code == 2  # -o missing: a usage error
    code, cap = run(["view", str(FIX / "small.ttl"), "-o", str(FIX / "small.ttl")], capsys)
    assert code == 1 and "refusing to overwrite" in cap.err
    assert list(tmp_path.iterdir()) == [bad]  # no half-written page, no temp file left behind


def test_class_and_predicate_names_come_from_the_ontology(tmp_path):
    onto = (Path(gd.__file__).resolve().parent.parent / "ontology" / "govkg.ttl").read_text(encoding="utf-8")
    d = page_json(build_view(gd.read_graph(FIX / "small.ttl")))
    for row in d["predicates"] + d["classes"]:
        assert f'"{row["zh"]}"@zh' in onto and f'"{row["en"]}"@en' in onto, row
    assert d["allPredicates"]["holdsPost"] == {"zh": "担任", "en": "holds post"}
    src = (Path(gd.__file__).resolve().parent / "view.py").read_text(encoding="utf-8")
    assert "担任" not in src and "人物" not in src  # no hand copy of the ontology's names


def test_whole_graph_is_in_the_page_but_only_the_cut_is_drawn():
    d = page_json(build_view(gd.read_graph(FIX / "small.ttl"), max_nodes=4))
    placed = [n for n in d["nodes"] if "x" in n]
    assert sum(n["v"] for n in placed) == 4 and len(placed) == d["meta"]["known"] == 17


# ------------------------------------------------------------------ --renderer vis: the classic pyvis page

HOSTILE = "<script>alert(1)</script>"


def hostile_built_graph(tmp_path) -> Path:
    """The built-in sample through `kg build`, its busiest person renamed to a script tag."""
    from rdflib import RDF, RDFS, Graph, Literal, Namespace

    built = tmp_path / "built.ttl"
    ok(["build", "-q", "-o", str(built)])
    gov = Namespace("https://w3id.org/govkg/ontology#")
    g = Graph().parse(built)
    person = max(g.subjects(RDF.type, gov.Person), key=lambda p: (len(list(g.objects(p, gov.attended))), str(p)))
    g.set((person, RDFS.label, Literal(HOSTILE, lang="zh")))
    out = tmp_path / "hostile.ttl"
    g.serialize(out, format="turtle", encoding="utf-8")
    return out


def test_vis_renderer_is_pyvis_inlined_and_escaped(tmp_path):
    from kg.views.view_vis import vis_script

    out = tmp_path / "vis.html"
    ok(["view", str(hostile_built_graph(tmp_path)), "-o", str(out), "--renderer", "vis"])
    html = out.read_text(encoding="utf-8")
    assert vis_script() in html  # the vis-network script pyvis ships, inlined
    assert 'content="govkg kg view --renderer vis (pyvis)"' in html and template_text("view.js") not in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)  # nothing fetched
    csp = htmllib.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1))
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp and csp.count("'sha256-") == 2
    # the hostile name is in the page only escaped, as data: never as markup
    rest = html.replace(vis_script(), "").replace(template_text("view_vis.js"), "")
    assert HOSTILE not in rest and rest.count("<script") == 3  # the data block and the two inlined scripts
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in html
    data = page_json(html)
    vis_node = next(n for n in data["vis"]["nodes"] if n["label"] == HOSTILE)  # what pyvis's Network built
    assert vis_node["cls"] == "Person" and vis_node["title"].startswith(HOSTILE)
    assert data["vis"]["options"]["physics"]["enabled"] is False  # laid out in Python
    assert {e["from"] for e in data["vis"]["edges"]} >= {vis_node["id"]}


def test_vis_renderer_keeps_the_cuts_and_is_deterministic(tmp_path):
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    for out in (a, b):
        ok(["view", str(FIX / "small.ttl"), "-o", str(out), "--renderer", "vis", "--max-nodes", "4"])
    assert a.read_bytes() == b.read_bytes()
    d = page_json(a.read_text(encoding="utf-8"))
    assert len(d["vis"]["nodes"]) == 4 and d["meta"]["omitted"]["nodes"] == 13
    assert "张明远" in {n["label"] for n in d["vis"]["nodes"]}
    # the panel still lists every relation of the drawn nodes, the far ends named but not drawn
    zhang = next(n["id"] for n in d["vis"]["nodes"] if n["label"] == "张明远")
    assert sum(1 for r in d["rels"] if zhang in (r[0], r[2])) == 7
    focus = page_json(build_view(gd.read_graph(FIX / "small.ttl"), focus="李晓华", depth=1, renderer="vis"))
    assert {n["label"] for n in focus["vis"]["nodes"]} == {"李晓华", "区长", "荆州区政府", "区委常委会会议",
                                                          "全区项目建设推进会"}


def test_renderer_choice_is_checked(tmp_path, capsys):
    code, cap = run(["view", str(FIX / "small.ttl"), "-o", str(tmp_path / "v.html"), "--renderer", "d3"], capsys)
    assert code == 2 and "'d3' is not one of 'canvas', 'vis'" in cap.err
