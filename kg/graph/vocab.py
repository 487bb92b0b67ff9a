"""The vocabulary: namespaces, and the govkg terms read from the ontology file itself.

The ontology (``ontology/govkg.ttl``) is the single source of class and property names:
``GOV`` is a closed namespace built from the local names the ontology declares, so a typo
such as ``GOV.Persn`` fails at once instead of writing a dangling IRI.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

GOV_IRI = "https://w3id.org/govkg/ontology#"
RES_IRI = "https://w3id.org/govkg/resource/"

# The relations (SCORED_RELATIONS: those the annotation contract scores; RELATIONS: all the graph
# draws between entities) are read from the ontology, after ontology_dir below.
# Scored entity classes (the annotation's types), in its order.
ENTITY_TYPES = ("Person", "Post", "Organization", "Place", "Event", "Project", "Document")

PREFIXES = {"gov": GOV_IRI, "res": RES_IRI, "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
            "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "owl": "http://www.w3.org/2002/07/owl#",
            "xsd": "http://www.w3.org/2001/XMLSchema#", "skos": "http://www.w3.org/2004/02/skos/core#",
            "dcterms": "http://purl.org/dc/terms/", "prov": "http://www.w3.org/ns/prov#",
            "schema": "https://schema.org/", "org": "http://www.w3.org/ns/org#", "foaf": "http://xmlns.com/foaf/0.1/"}


def ontology_dir() -> Path:
    """The directory holding govkg.ttl and shapes.ttl, installed (package data) or in a checkout."""
    try:
        d = Path(str(resources.files("kg") / "ontology"))
        if (d / "govkg.ttl").is_file():
            return d
    except (ModuleNotFoundError, TypeError):  # pragma: no cover - zipped installs
        pass
    return Path(__file__).resolve().parents[2] / "ontology"   # (kg/graph/vocab.py: the checkout root)


def ontology_files() -> list[Path]:
    return sorted(ontology_dir().glob("*.ttl"))


@lru_cache(maxsize=None)
def ontology_terms() -> tuple[str, ...]:
    """Local names declared in govkg.ttl (``gov:X a owl:...``), read without parsing RDF.

    A regex over one small file keeps ``import kg.graph.vocab`` cheap for shell start-up; the
    test suite checks the result against a full rdflib parse of the same file.
    """
    text = (ontology_dir() / "govkg.ttl").read_text(encoding="utf-8")
    return tuple(sorted(set(re.findall(r"^gov:(\w+)\s+a\s+owl:", text, flags=re.M))))


# rdflib's namespace objects (GOV, RDF, SCHEMA ...) are made when first asked for: importing
# rdflib costs ~70 ms of start-up, and ``kg build`` writes its IRIs as text (kg.graph.rdf) without them.
_NAMESPACES = ("GOV", "RES", "SCHEMA", "ORG", "FOAF", "DCTERMS", "OWL", "PROV", "RDF", "RDFS", "SKOS", "XSD")


def __getattr__(name: str):
    if name not in _NAMESPACES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import rdflib.namespace as ns   # (deferred: kg/__init__.py says why)

    g = globals()
    g["GOV"] = ns.ClosedNamespace(GOV_IRI, list(ontology_terms()))
    g["RES"] = ns.Namespace(RES_IRI)
    for k in ("SCHEMA", "ORG", "FOAF"):
        g[k] = ns.Namespace(PREFIXES[k.lower()])
    for k in ("DCTERMS", "OWL", "PROV", "RDF", "RDFS", "SKOS", "XSD"):
        g[k] = getattr(ns, k)
    return g[name]


def contract_relations() -> tuple[str, ...]:
    """The relations the annotation contract scores, in its order: the object properties of
    govkg.ttl that carry ``gov:contractOrder`` (read without parsing RDF, like ontology_terms)."""
    text = (ontology_dir() / "govkg.ttl").read_text(encoding="utf-8")
    found = []
    for block in text.split("\n\n"):
        m = re.match(r"gov:(\w+)\s+a\s+owl:ObjectProperty\b", block.strip())
        order = re.search(r"gov:contractOrder\s+(\d+)", block)
        if m and order:
            found.append((int(order.group(1)), m.group(1)))
    return tuple(name for _, name in sorted(found))


def graph_relations() -> tuple[str, ...]:
    """Every relation the graph draws between entities: the contract's, then any other object
    property of govkg.ttl whose domain and range are entity classes (in name order)."""
    text = (ontology_dir() / "govkg.ttl").read_text(encoding="utf-8")
    scored = contract_relations()
    extra = []
    for block in text.split("\n\n"):
        m = re.match(r"gov:(\w+)\s+a\s+owl:ObjectProperty\b", block.strip())
        dom = re.search(r"rdfs:domain\s+gov:(\w+)", block)
        rng = re.search(r"rdfs:range\s+gov:(\w+)", block)
        if m and dom and rng and m.group(1) not in scored and \
                dom.group(1) in _ENTITY_CLASSES and rng.group(1) in _ENTITY_CLASSES:
            extra.append(m.group(1))
    return scored + tuple(sorted(extra))


_ENTITY_CLASSES = frozenset(ENTITY_TYPES)
# The relations the annotation contract scores (kg eval), in its order.
SCORED_RELATIONS = contract_relations()
# The relations of the graph between entities (kg stats, kg view, kg report, exports).
RELATIONS = graph_relations()
