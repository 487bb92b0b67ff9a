"""The ontology is the single source of govkg terms: it parses, is labelled, and the code uses only its terms."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import rdflib
from rdflib import OWL, RDF, RDFS

from kg.graph.vocab import (ENTITY_TYPES, GOV, GOV_IRI, ONTOLOGY, ontology_dir, ontology_files, ontology_terms,
                            read_schema, RELATIONS, SCORED_RELATIONS)

ROOT = Path(__file__).resolve().parent.parent
DECLARING = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


@pytest.fixture(scope="module")
def onto():
    return rdflib.Graph().parse(ontology_dir() / "govkg.ttl", format="turtle")


def declared(onto) -> set[str]:
    return {str(s)[len(GOV_IRI):] for t in DECLARING for s in onto.subjects(RDF.type, t)
            if str(s).startswith(GOV_IRI)}


def test_every_ontology_file_parses():
    files = ontology_files()
    assert {f.name for f in files} >= {"govkg.ttl", "shapes.ttl"}
    for f in files:
        assert len(rdflib.Graph().parse(f, format="turtle")) > 0, f.name


def test_vocab_terms_equal_rdflib_declarations(onto):
    assert set(ontology_terms()) == declared(onto)
    # and nothing else in the gov: namespace is used as a subject without being declared
    used = {str(s)[len(GOV_IRI):] for s in onto.subjects() if str(s).startswith(GOV_IRI)}
    assert used <= declared(onto)


def test_every_class_and_property_has_en_and_zh_labels(onto):
    for name in declared(onto):
        langs = {l.language for l in onto.objects(GOV[name], RDFS.label)}
        assert {"en", "zh"} <= langs, name


def test_scored_classes_and_relations_exist(onto):
    classes = {str(c)[len(GOV_IRI):] for c in onto.subjects(RDF.type, OWL.Class)}
    props = {str(p)[len(GOV_IRI):] for p in onto.subjects(RDF.type, OWL.ObjectProperty)}
    assert set(ENTITY_TYPES) <= classes
    assert set(RELATIONS) | {"hosts"} <= props
    # scored classes are not subclasses of each other (the scorer types through subClassOf)
    for a in ENTITY_TYPES:
        for b in ENTITY_TYPES:
            if a != b:
                assert (GOV[a], RDFS.subClassOf, GOV[b]) not in onto


def _sources():
    return sorted((ROOT / "kg").rglob("*.py"))


def _code_uses(path: Path):
    """GOV.x / GOV["x"] uses and gov:x names inside non-docstring string literals, via the AST
    (so examples in docstrings and comments, such as a deliberate typo, do not count)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    attrs, pnames = [], []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "GOV":
            attrs.append(node.attr)
        elif isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == "GOV" \
                and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str):
            attrs.append(node.slice.value)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            pnames += PNAME.findall(node.value)
    return attrs, pnames


PNAME = re.compile(r"(?<![\w/#])gov:([A-Za-z_]\w*)")
ATTR_METHODS = {"term"}        # ClosedNamespace API, not terms


def test_every_gov_term_used_in_code_exists():
    terms = set(ontology_terms())
    missing = []
    for f in _sources():
        attrs, pnames = _code_uses(f)
        missing += [f"{f.relative_to(ROOT)}: GOV.{a}" for a in attrs if a not in terms | ATTR_METHODS]
        missing += [f"{f.relative_to(ROOT)}: gov:{a}" for a in pnames if a not in terms]
    assert not missing, missing


def test_the_scan_sees_real_uses():
    attrs, pnames = _code_uses(ROOT / "kg" / "views" / "stats.py")
    assert "Article" in pnames                      # SPARQL text in kg/views/stats.py
    assert {"Evidence", "hosts", "sentence"} <= set(_code_uses(Path(__file__).parent / "test_eval.py")[0])


def test_every_gov_prefixed_name_in_queries_and_shapes_exists():
    terms = set(ontology_terms())
    files = sorted((ROOT / "queries").glob("*.rq")) + [ontology_dir() / "shapes.ttl"]
    missing = [f"{f.name}: gov:{m}" for f in files
               for m in PNAME.findall(f.read_text(encoding="utf-8")) if m not in terms]
    assert not missing, missing


def test_closed_namespace_rejects_typos():
    with pytest.raises(AttributeError):
        GOV.Persn  # noqa: B018


def test_the_schema_read_without_rdflib_equals_rdflib_parse(onto):
    """kg.graph.vocab reads govkg.ttl with regexes (start-up); every field must equal a full parse.
    The entity classes and the scored relations are the classes and object properties that carry
    gov:contractOrder, in that order: adding one to the ontology adds it everywhere they are read."""
    def local(t):
        return str(t)[len(GOV_IRI):]

    marked = sorted((int(o), local(s)) for s, o in onto.subject_objects(rdflib.URIRef(str(GOV.contractOrder))))
    assert ENTITY_TYPES == tuple(n for _, n in marked if (GOV[n], RDF.type, OWL.Class) in onto)
    assert SCORED_RELATIONS == tuple(n for _, n in marked if (GOV[n], RDF.type, OWL.ObjectProperty) in onto)
    assert len(ENTITY_TYPES) == 7 and len(SCORED_RELATIONS) == 9
    assert RELATIONS[:9] == SCORED_RELATIONS      # the graph's relations: the contract's, then others
    assert all((rdflib.URIRef(GOV_IRI + r), RDF.type, OWL.ObjectProperty) in onto for r in RELATIONS)
    assert ONTOLOGY.kinds == {local(s): str(t).rsplit("#", 1)[1] for t in DECLARING for s in onto.subjects(RDF.type, t)
                              if str(s).startswith(GOV_IRI)}
    labels = {}
    for s, lab in onto.subject_objects(RDFS.label):
        if str(s).startswith(GOV_IRI) and lab.language in ("zh", "en"):
            labels.setdefault(local(s), {})[lab.language] = str(lab)
    assert ONTOLOGY.labels == labels
    for c in ONTOLOGY.terms:
        supers = {local(o) for o in onto.objects(GOV[c], RDFS.subClassOf) if str(o).startswith(GOV_IRI)}
        assert set(ONTOLOGY.parents.get(c, ())) == supers, c
        closure = {local(o) for o in onto.transitive_objects(GOV[c], RDFS.subClassOf)}
        tops = closure & set(ENTITY_TYPES)
        assert ONTOLOGY.top_class(c) == (tops.pop() if tops else None), c


def schema_gaps(schema) -> list[str]:
    """What the consumers that keep a table of their own lack for the classes and relations of
    SCHEMA: the view's legend (a colour and shape per class), the shapes (one targeting each class,
    one property shape per relation) and the labels the view and report print."""
    from kg.views.view import CLASS_STYLE

    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    shapes = rdflib.Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")
    targets = {str(o)[len(GOV_IRI):] for o in shapes.objects(None, sh.targetClass)}
    paths = {str(o)[len(GOV_IRI):] for o in shapes.objects(None, sh.path)}
    gaps = []
    for c in schema.classes:
        gaps += [f"view legend (kg.views.view.CLASS_STYLE): no style for {c}"] * (c not in CLASS_STYLE)
        gaps += [f"shapes.ttl: no sh:targetClass gov:{c}"] * (c not in targets)
    for r in schema.relations:
        gaps += [f"shapes.ttl: no property shape with sh:path gov:{r}"] * (r not in paths)
    for n in schema.classes + schema.relations:
        gaps += [f"govkg.ttl: {n} lacks an rdfs:label in zh or en"] * (set(schema.labels.get(n, ())) < {"zh", "en"})
    return gaps


def test_every_consumer_with_a_table_of_its_own_covers_the_schema():
    assert schema_gaps(ONTOLOGY) == []


def test_a_class_added_to_the_ontology_is_missed_where_a_consumer_lacks_it(tmp_path):
    """The check above is not vacuous: an ontology with one more entity class and relation (an
    invented gov:Fund, and gov:funds) reports every table that lacks them."""
    text = (ontology_dir() / "govkg.ttl").read_text(encoding="utf-8")
    text += ('\ngov:Fund a owl:Class ;\n    gov:contractOrder 8 ;\n    rdfs:label "Fund"@en , "基金"@zh .\n'
             '\ngov:funds a owl:ObjectProperty ;\n    gov:contractOrder 10 ;\n    rdfs:domain gov:Fund ; '
             'rdfs:range gov:Project ;\n    rdfs:label "funds"@en , "资助"@zh .\n')
    (tmp_path / "govkg.ttl").write_text(text, encoding="utf-8")
    schema = read_schema(tmp_path / "govkg.ttl")
    assert schema.classes == ENTITY_TYPES + ("Fund",) and schema.scored_relations[-1] == "funds"
    assert schema_gaps(schema) == ["view legend (kg.views.view.CLASS_STYLE): no style for Fund",
                                   "shapes.ttl: no sh:targetClass gov:Fund",
                                   "shapes.ttl: no property shape with sh:path gov:funds"]


def test_stats_report_export_and_eval_show_every_class(tmp_path):
    """One entity of each class of the ontology (and one of a subclass): kg stats counts each,
    the report's class table and the export's labels name each, eval scores each type."""
    import pyoxigraph as ox

    from kg.views import evaluate, export, report
    from kg.views.graphdata import read_store
    from kg.views.stats import compute_stats

    lines = ["@prefix gov: <%s> ." % GOV_IRI, "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> ."]
    for i, c in enumerate(ENTITY_TYPES):
        sub = ONTOLOGY.subclasses(c)
        types = ", ".join(f"gov:{t}" for t in [c] + sub[:1])
        lines.append(f'<https://w3id.org/govkg/resource/x/{i}> a {types} ; rdfs:label "实体{i}"@zh .')
    st = ox.Store()
    st.load("\n".join(lines).encode(), format=ox.RdfFormat.TURTLE)
    stats = compute_stats(st)["classes"]
    assert list(stats) == list(ENTITY_TYPES) and all(stats[c]["count"] == 1 for c in ENTITY_TYPES)
    assert [c for c, _, _ in report.class_table(read_store(st))] == list(ENTITY_TYPES)
    index = report.render_site(read_store(st))["index.html"]
    assert all(ONTOLOGY.labels[c]["zh"] in index for c in ENTITY_TYPES)
    gd = read_store(st)
    assert sorted(n.cls for n in gd.nodes.values()) == sorted(ENTITY_TYPES)
    nodes, _ = export.neo4j_csv(gd)
    assert {row.split(",")[-1].split(";")[0] for row in nodes.decode().splitlines()[1:]} == set(ENTITY_TYPES)
    assert evaluate.TYPES == ENTITY_TYPES and evaluate.PREDS == SCORED_RELATIONS


def test_every_scored_relation_has_a_legend_entry_and_a_stats_row(tmp_path):
    """No relation of the ontology goes missing from what the view and kg stats show."""
    import pyoxigraph as ox

    from kg.views.stats import compute_stats
    from kg.views.view import predicate_zh

    legend = predicate_zh()
    assert set(RELATIONS) <= set(legend) and all(legend[r] != r for r in RELATIONS)   # a Chinese name each
    st = ox.Store()
    st.load(path=str(Path(__file__).parent / "fixtures" / "graphs_stats" / "small.ttl"), format=ox.RdfFormat.TURTLE)
    assert set(RELATIONS) <= set(compute_stats(st)["predicates"])
