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

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, ClosedNamespace

GOV_IRI = "https://w3id.org/govkg/ontology#"
RES_IRI = "https://w3id.org/govkg/resource/"
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
RES = Namespace(RES_IRI)

# The nine relation predicates of the annotation contract, in its order.
RELATIONS = ("holdsPost", "memberOf", "attended", "chaired", "inspected", "locatedIn",
             "heldAt", "organizedBy", "reviewed")
# Scored entity classes (the annotation's types), in its order.
ENTITY_TYPES = ("Person", "Post", "Organization", "Place", "Event", "Project", "Document")

PREFIXES = {"gov": GOV_IRI, "res": RES_IRI, "rdf": str(RDF), "rdfs": str(RDFS), "owl": str(OWL),
            "xsd": str(XSD), "skos": str(SKOS), "dcterms": str(DCTERMS), "prov": str(PROV),
            "schema": str(SCHEMA), "org": str(ORG), "foaf": str(FOAF)}


def ontology_dir() -> Path:
    """The directory holding govkg.ttl and shapes.ttl, installed (package data) or in a checkout."""
    try:
        d = Path(str(resources.files("kg") / "ontology"))
        if (d / "govkg.ttl").is_file():
            return d
    except (ModuleNotFoundError, TypeError):  # pragma: no cover - zipped installs
        pass
    return Path(__file__).resolve().parent.parent / "ontology"


def ontology_files() -> list[Path]:
    return sorted(ontology_dir().glob("*.ttl"))


@lru_cache(maxsize=None)
def ontology_terms() -> tuple[str, ...]:
    """Local names declared in govkg.ttl (``gov:X a owl:...``), read without parsing RDF.

    A regex over one small file keeps ``import kg.vocab`` cheap for shell start-up; the
    test suite checks the result against a full rdflib parse of the same file.
    """
    text = (ontology_dir() / "govkg.ttl").read_text(encoding="utf-8")
    return tuple(sorted(set(re.findall(r"^gov:(\w+)\s+a\s+owl:", text, flags=re.M))))


GOV = ClosedNamespace(GOV_IRI, list(ontology_terms()))
