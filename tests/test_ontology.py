"""The ontology is the single source of govkg terms: it parses, is labelled, and the code uses only its terms."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import rdflib
from rdflib import OWL, RDF, RDFS

from kg.graph.vocab import (ENTITY_TYPES, GOV, GOV_IRI, RELATIONS, SCORED_RELATIONS, ontology_dir, ontology_files,
                            ontology_terms)

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


def test_the_scored_relations_are_read_from_the_ontology(onto):
    """The relations the annotation contract scores are the object properties that carry
    gov:contractOrder, in that order: adding one to the ontology adds it everywhere they are read."""
    order = GOV.contractOrder
    marked = sorted((int(o), str(s)[len(GOV_IRI):]) for s, o in onto.subject_objects(rdflib.URIRef(str(order))))
    assert SCORED_RELATIONS == tuple(name for _, name in marked) and len(SCORED_RELATIONS) == 9
    assert RELATIONS[:9] == SCORED_RELATIONS      # the graph's relations: the contract's, then others
    assert all((rdflib.URIRef(GOV_IRI + r), RDF.type, OWL.ObjectProperty) in onto for r in RELATIONS)


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
