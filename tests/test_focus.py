"""kg.views.focus: the focus page read from the neighbourhood alone is the page a full read gives."""
from pathlib import Path

import pytest

from click.testing import CliRunner

from kg.views import focus as fm
from kg.views import graphdata as gd
from kg.errors import KgError
from kg.graph.store import open_store
from kg.views.view import build_focus_view, build_view

FIX = Path(__file__).parent / "fixtures" / "graphs"


def both(path, **kw):
    full = build_view(gd.read_graph(path), **kw)
    focused = build_focus_view(open_store(path), str(path), **kw)
    return full, focused


@pytest.mark.parametrize("name", ["李晓华", "张明远", "区委书记", "农机", "紫荆村"])
@pytest.mark.parametrize("depth", [0, 1, 2, 3])
def test_same_page_as_full_read_on_fixture(name, depth):
    full, focused = both(FIX / "small.ttl", focus=name, depth=depth)
    assert focused == full


@pytest.mark.parametrize("kw", [
    dict(types={"Person", "Event"}), dict(predicates={"attended", "chaired"}),
    dict(types={"Person", "Meeting"}, predicates={"attended"}), dict(max_nodes=3), dict(title="t")])
def test_same_page_with_cuts(kw):
    full, focused = both(FIX / "small.ttl", focus="张明远", depth=2, **kw)
    assert focused == full


def test_same_page_on_synthetic_graph_with_bounded_and_scanned_hops(tmp_path, monkeypatch):
    p = tmp_path / "g.nt"
    p.write_text(gd.synthetic_graph(600, seed=3), encoding="utf-8")
    base = gd.read_graph(p)
    deg = base.degrees()
    hub = max(base.nodes.values(), key=lambda n: (deg[n.iri], n.iri))
    leaf = min((n for n in base.nodes.values() if deg[n.iri] == 1), key=lambda n: n.iri)
    pages = []
    monkeypatch.setattr(fm, "EVIDENCE_BUDGET", 10**6)   # every sentence, as the full read lists them
    for scan_above in (10**9, 5):  # every hop bounded, then the relation scan from the first large frontier
        monkeypatch.setattr(fm, "SCAN_ABOVE", scan_above)
        for n in (hub, leaf):
            full = build_view(base, focus=n.iri, depth=2, max_nodes=80)
            focused = build_focus_view(open_store(p), str(p), focus=n.iri, depth=2, max_nodes=80,
                                       max_neighbours=None)   # uncapped: the cap is tested below
            assert focused == full
            pages.append(focused)
    assert pages[:2] == pages[2:]


def test_errors_match_the_full_read():
    base = gd.read_graph(FIX / "small.ttl")
    store = open_store(FIX / "small.ttl")
    for name in ("不存在的人", "晓"):
        with pytest.raises(KgError) as a:
            gd.find_entity(base, name)
        with pytest.raises(KgError) as b:
            fm.find_centre(store, name, base.source)
        assert str(a.value) == str(b.value)
    with pytest.raises(KgError, match="not among the nodes left"):
        build_focus_view(store, base.source, focus="区长", types={"Person"})


def test_injection_fixture_same_page():
    full, focused = both(FIX / "injection.ttl", focus=gd.read_graph(FIX / "injection.ttl").nodes[
        sorted(gd.read_graph(FIX / "injection.ttl").nodes)[0]].iri, depth=2)
    assert focused == full


def test_evidence_budget_leaves_out_sentences_and_says_so(monkeypatch):
    import json
    import re

    def data(page):
        return json.loads(re.search(r'id="kg-data">(.*?)</script>', page, flags=re.S).group(1))

    full = data(build_view(gd.read_graph(FIX / "small.ttl"), focus="张明远", depth=1))
    assert "evidence sentences left out" not in full["meta"]["note"]
    monkeypatch.setattr(fm, "EVIDENCE_BUDGET", 3)
    cut = data(build_focus_view(open_store(FIX / "small.ttl"), str(FIX / "small.ttl"), focus="张明远", depth=1))
    m = re.search(r"evidence sentences left out for (\d+) of (\d+) relations", cut["meta"]["note"])
    assert m and 0 < int(m.group(1)) <= int(m.group(2)) == len(full["rels"])
    with_ev = sum(1 for r in cut["rels"] if r[3])
    assert 0 < with_ev < sum(1 for r in full["rels"] if r[3])
    assert cut["nodes"] == full["nodes"] and cut["edges"] == full["edges"]  # only sentences are cut


def test_a_hub_keeps_its_most_strongly_linked_neighbours_and_says_so(tmp_path):
    from kg.cli import cli

    p = tmp_path / "g.nt"
    p.write_text(gd.synthetic_graph(600, seed=3), encoding="utf-8")
    base = gd.read_graph(p)
    deg = base.degrees()
    hub = max(base.nodes.values(), key=lambda n: (deg[n.iri], n.iri))
    around = gd.neighbourhood(base, hub.iri, 1) - {hub.iri}
    assert len(around) > 5
    strength = {x: sum(1 for e in base.edges if {e.s, e.o} == {hub.iri, x}) for x in around}
    said = []
    page = build_focus_view(open_store(p), str(p), focus=hub.iri, depth=1, max_neighbours=5, say=said.append)
    meta = _data(page)["meta"]
    shown = {n["u"] for n in _data(page)["nodes"] if "x" in n} - {hub.iri}
    assert len(shown) == 5 and shown <= around
    assert min(strength[x] for x in shown) >= max(strength[x] for x in around - shown)
    note = f"the 5 most strongly linked of {len(around)} neighbours shown, {len(around) - 5} left out"
    assert note in meta["note"] and len(said) == 1 and note in said[0]
    # the CLI says it on stderr, and --max-neighbours 0 draws them all
    r = CliRunner().invoke(cli, ["view", str(p), "--focus", hub.iri, "--depth", "1", "--max-neighbours", "5",
                                 "-o", str(tmp_path / "a.html")])
    assert r.exit_code == 0 and note in r.stderr
    r = CliRunner().invoke(cli, ["view", str(p), "--focus", hub.iri, "--depth", "1", "--max-neighbours", "0",
                                 "-o", str(tmp_path / "b.html")])
    assert r.exit_code == 0 and "left out" not in r.stderr
    full = build_view(base, focus=hub.iri, depth=1)
    assert (tmp_path / "b.html").read_text(encoding="utf-8") == full


def _data(page):
    import json
    import re

    return json.loads(re.search(r'id="kg-data">(.*?)</script>', page, flags=re.S).group(1))


def test_the_cap_counts_only_the_neighbours_of_the_types_asked_for(tmp_path):
    p = tmp_path / "g.nt"
    p.write_text(gd.synthetic_graph(600, seed=3), encoding="utf-8")
    base = gd.read_graph(p)
    deg = base.degrees()
    hub = max(base.nodes.values(), key=lambda n: (deg[n.iri], n.iri))
    around = gd.neighbourhood(base, hub.iri, 1) - {hub.iri}
    cls = sorted({base.nodes[x].cls for x in around}, key=lambda c: -sum(base.nodes[x].cls == c for x in around))[0]
    typed = {x for x in around if base.nodes[x].cls in {cls, hub.cls}}   # the centre's own class must pass too
    assert 3 < len(typed) < len(around)
    said = []
    page = build_focus_view(open_store(p), str(p), focus=hub.iri, depth=1, types={cls, hub.cls},
                            max_neighbours=3, say=said.append)
    shown = {n["u"] for n in _data(page)["nodes"] if "x" in n} - {hub.iri}
    assert len(shown) == 3 and shown <= typed
    assert f"the 3 most strongly linked of {len(typed)} neighbours shown" in said[0]
