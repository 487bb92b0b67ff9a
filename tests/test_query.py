"""kg query on the fixture graph, and the aligned tables shared by stats/eval/query."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner

from kg.cli import cli, main
from kg.errors import KgError
from kg.views.query import render_result, run_query
from kg.graph.store import open_store
from kg.views.tables import cell_width, render_table
from kg.graph.vocab import GOV, RES

FIX = Path(__file__).resolve().parent / "fixtures" / "graphs_stats"
TTL = FIX / "small.ttl"


def kg(*args):
    return CliRunner().invoke(cli, ["query", str(TTL), *args])


def test_select_table_with_predeclared_prefixes():
    r = kg("SELECT ?p ?name WHERE { ?p a gov:Person ; gov:holdsPost ?x ; rdfs:label ?name } ORDER BY ?name")
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert lines[0].split() == ["p", "name"]
    assert lines[2].split() == ["res:person/张明远", "张明远"]
    assert lines[-1] == "(3 rows)"
    # the second column starts at the same display column on every row
    starts = {cell_width(ln[:ln.index(ln.split()[1])]) for ln in lines[2:-1]}
    assert len(starts) == 1


def test_select_csv_and_json():
    q = "SELECT ?a ?d ?h WHERE { ?a a gov:Article ; dcterms:date ?d OPTIONAL { ?a schema:headline ?h } } ORDER BY ?a"
    rows = list(csv.reader(io.StringIO(kg(q, "--format", "csv").output)))
    assert rows[0] == ["a", "d", "h"]
    assert rows[1] == [str(RES["article/a000000000000001"]), "2023-03-06", "张明远主持召开区委常委会会议"]
    assert rows[3][2] == ""                                       # the photo has no headline
    js = json.loads(kg(q, "--format", "json").output)
    assert js["head"]["vars"] == ["a", "d", "h"]
    b = js["results"]["bindings"]
    assert b[0]["d"] == {"type": "literal", "value": "2023-03-06",
                         "datatype": "http://www.w3.org/2001/XMLSchema#date"}
    assert b[0]["h"] == {"type": "literal", "value": "张明远主持召开区委常委会会议", "xml:lang": "zh"}
    assert "h" not in b[2] and b[2]["d"]["datatype"].endswith("#gMonthDay")


def test_csv_quotes_commas():
    r = kg('SELECT ?x WHERE { BIND("甲,乙\\"丙" AS ?x) }', "--format", "csv")
    assert list(csv.reader(io.StringIO(r.output))) == [["x"], ['甲,乙"丙']]


def test_ask():
    assert kg("ASK { ?p gov:chaired ?m }").output.strip() == "true"
    assert kg("ASK { ?p a gov:Person ; gov:reviewed ?m }").output.strip() == "false"
    assert kg("ASK { ?e gov:reviewed ?d }").output.strip() == "true"
    assert json.loads(kg("ASK { ?p gov:chaired ?m }", "--format", "json").output) == {"head": {}, "boolean": True}


def test_construct_and_describe_print_rdf():
    r = kg("CONSTRUCT { ?p gov:chaired ?m } WHERE { ?p gov:chaired ?m }")
    g = rdflib.Graph().parse(data=r.output, format="turtle")
    assert set(g) == {(RES["person/张明远"], GOV.chaired, RES["event/区委常委会2023年第5次会议"])}
    nt = kg("DESCRIBE <https://w3id.org/govkg/resource/person/赵刚>", "--format", "nt").output
    g = rdflib.Graph().parse(data=nt, format="nt")
    assert (RES["person/赵刚"], GOV.holdsPost, RES["post/马山镇党委书记"]) in g and len(g) == 6
    assert kg("DESCRIBE res:person\\/赵刚").output == kg("DESCRIBE res:person\\/赵刚").output


def test_query_own_prefix_wins():
    r = kg("PREFIX gov: <http://example.org/other#> ASK { ?p a gov:Person }")
    assert r.output.strip() == "false"


def test_query_from_file(tmp_path):
    q = tmp_path / "q.rq"
    q.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?e a gov:Evidence }", encoding="utf-8")
    r = kg("--file", str(q), "--format", "csv")
    assert r.output.splitlines() == ["n", "22"]


def test_syntax_error_is_one_line(tmp_path, capsys):
    with pytest.raises(SystemExit) as ex:
        main(["query", str(TTL), "SELECT ?p WHERE { ?p a gov:Person "])
    assert ex.value.code == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("kg: error: query: SPARQL syntax error") and len(err.splitlines()) == 1
    q = tmp_path / "bad.rq"
    q.write_text("SELEKT ?x", encoding="utf-8")
    with pytest.raises(SystemExit):
        main(["query", str(TTL), "--file", str(q)])
    assert capsys.readouterr().err.startswith(f"kg: error: {q}: SPARQL syntax error")


@pytest.mark.parametrize("args, message", [
    ([], "exactly one"),
    (["ASK {}", "--file", "x.rq"], "exactly one"),
    (["--file", "/nonexistent/q.rq"], "/nonexistent/q.rq: cannot read"),
    (["   "], "empty SPARQL query"),
    (["SELECT ?x WHERE {}", "--format", "nt"], "is for CONSTRUCT/DESCRIBE"),
    (["CONSTRUCT WHERE { ?s ?p ?o }", "--format", "csv"], "is for SELECT"),
])
def test_usage_errors(capsys, args, message):
    with pytest.raises(SystemExit) as ex:
        main(["query", str(TTL), *args])
    assert ex.value.code == 1
    assert message in capsys.readouterr().err


def test_run_query_api():
    store = open_store(TTL)
    res = run_query(store, "SELECT ?n WHERE { ?n a gov:Post } ORDER BY ?n")
    assert res.kind == "select" and len(res.rows) == 3
    with pytest.raises(KgError, match="unknown format"):
        render_result(res, "xml")


def test_table_alignment_counts_wide_characters():
    t = render_table(["name", "n"], [["万玲玲", 3], ["ab", 12]])
    lines = t.splitlines()
    assert [cell_width(ln) for ln in lines] == [cell_width(lines[1])] * 4
    assert lines[2] == "万玲玲   3" and lines[3] == "ab      12"
    assert render_table(["d"], [["2023-03-06"], ["2024-01-01"]]).splitlines()[2] == "2023-03-06"
    clipped = render_table(["s"], [["一二三四五六七八九十"]], max_width=9).splitlines()[2]
    assert clipped == "一二三四…" and cell_width(clipped) <= 9
    with pytest.raises(ValueError):
        render_table(["a", "b"], [[1]])


ARTICLES = "SELECT ?a WHERE { ?a a gov:Article } ORDER BY ?a"


def test_limit_and_offset_page_through_a_select():
    every = [ln for ln in kg(ARTICLES).output.splitlines()[2:-1]]
    assert len(every) >= 3
    first = kg(ARTICLES, "--limit", "2")
    assert first.output.splitlines()[2:-1] == every[:2]
    assert first.output.splitlines()[-1] == "(2 rows: rows 1-2; more follow: --offset 2 for the next page, --limit 0 for all)"
    rest = kg(ARTICLES, "--offset", "2", "--limit", "0").output.splitlines()
    assert rest[2:-1] == every[2:] and rest[-1] == f"({len(every) - 2} rows: rows 3-{len(every)})"
    assert kg(ARTICLES, "--offset", "99").output.splitlines()[-1] == "(0 rows: none past row 99)"


def test_table_stops_at_100_rows_and_csv_prints_all(tmp_path):
    many = "SELECT ?n WHERE { VALUES ?n { " + " ".join(str(i) for i in range(150)) + " } }"
    table = kg(many)
    assert table.exit_code == 0 and len(table.stdout.splitlines()) == 2 + 100 + 1
    assert "more follow: --offset 100" in table.stdout.splitlines()[-1]
    csv_all = kg(many, "--format", "csv")
    assert len(csv_all.stdout.splitlines()) == 151 and csv_all.stderr == ""
    # a cut csv/json says so on stderr only: stdout stays a clean document
    cut = kg(many, "--format", "json", "--limit", "10")
    assert len(json.loads(cut.stdout)["results"]["bindings"]) == 10
    assert cut.stderr.strip() == "kg query: 10 rows: rows 1-10; more follow: --offset 10 for the next page, --limit 0 for all"


def test_limit_reads_no_further_than_it_prints():
    from itertools import count

    class Endless:   # a result that never ends: only a streaming --limit returns
        variables = [type("V", (), {"value": "n"})()]

        def __iter__(self):
            return ({"n": i} for i in count())

    class Store:
        def query(self, *a, **k):
            return Endless()

    res = run_query(Store(), "SELECT ?n WHERE {}", limit=5, offset=3)
    assert res.rows == [[3], [4], [5], [6], [7]] and res.more


ROOT = Path(__file__).resolve().parent.parent
# the listings as they were before they started from the evidence node (and sorted everything)
OLD_LISTINGS = {
    "attended_meetings.rq": """SELECT ?person ?event ?date ?sentence WHERE {
        ?p gov:attended ?e . ?p rdfs:label ?person . ?e rdfs:label ?event .
        ?ev a gov:Evidence ; rdf:subject ?p ; rdf:predicate gov:attended ; rdf:object ?e ;
            gov:article ?a ; gov:sentence ?sentence .
        OPTIONAL { ?a dcterms:date ?date } }""",
    "documents_reviewed.rq": """SELECT ?meeting ?document ?sentence WHERE {
        ?e gov:reviewed ?d . ?e rdfs:label ?meeting . ?d rdfs:label ?document .
        OPTIONAL { ?ev a gov:Evidence ; rdf:subject ?e ; rdf:predicate gov:reviewed ; rdf:object ?d ;
                   gov:sentence ?sentence } }""",
}


@pytest.fixture(scope="module")
def sample_graph(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample") / "graph.ttl"
    r = CliRunner().invoke(cli, ["build", "-o", str(out), "--quiet"])
    assert r.exit_code == 0, r.output
    return open_store(out)


@pytest.mark.parametrize("name", sorted(OLD_LISTINGS))
def test_listings_from_the_evidence_node_give_the_same_rows(sample_graph, name):
    def rows(sparql):
        return sorted(tuple(str(t) for t in r) for r in run_query(sample_graph, sparql).rows)

    new = rows((ROOT / "queries" / name).read_text(encoding="utf-8"))
    assert new and new == rows(OLD_LISTINGS[name])


def test_ready_made_summaries_count_what_the_listing_shows(sample_graph):
    got = run_query(sample_graph, (ROOT / "queries" / "meetings_by_body.rq").read_text(encoding="utf-8"))
    counts = {r[0].value: int(r[1].value) for r in got.rows}
    direct = run_query(sample_graph, "SELECT ?l (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e gov:organizedBy ?o . "
                                     "?o rdfs:label ?l } GROUP BY ?l")
    assert counts and counts == {r[0].value: int(r[1].value) for r in direct.rows}
