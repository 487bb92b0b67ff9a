"""The vocabulary: namespaces, and the govkg terms read from the ontology file itself.

The ontology (``ontology/govkg.ttl``) is the single source of class and property names:
``GOV`` is a closed namespace built from the local names the ontology declares, so a typo
such as ``GOV.Persn`` fails at once instead of writing a dangling IRI.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

GOV_IRI = "https://w3id.org/govkg/ontology#"
RES_IRI = "https://w3id.org/govkg/resource/"

# The entity classes (ENTITY_TYPES), the relations (SCORED_RELATIONS: those the annotation contract
# scores; RELATIONS: all the graph draws between entities) and every term's labels are read from
# the ontology once, into ONTOLOGY (below).

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


def ontology_terms() -> tuple[str, ...]:
    """Local names declared in govkg.ttl (``gov:X a owl:...``), sorted."""
    return ONTOLOGY.terms


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


@dataclass(frozen=True)
class Schema:
    """What govkg.ttl says, read once: every consumer (extraction's output, stats, the view's
    legend, the report, export, eval, the tests of shapes.ttl) takes its classes, relations and
    labels from here, so a class or relation added to the ontology reaches all of them."""
    terms: tuple            # every local name declared (gov:X a owl:...), sorted
    kinds: dict             # local name -> its OWL kind: "Class", "ObjectProperty", ...
    classes: tuple          # the entity classes (gov:contractOrder on a class), in the contract's order
    scored_relations: tuple  # the relations the contract scores (gov:contractOrder), in its order
    relations: tuple        # those, then other relations between entity classes (by name)
    parents: dict           # class -> its direct gov: superclasses
    labels: dict            # local name -> {"zh": ..., "en": ...} (rdfs:label; either may be absent)

    def top_class(self, name: str) -> str | None:
        """The entity class NAME is (itself, or the one it is a subclass of), else None."""
        seen, todo = set(), [name]
        while todo:
            c = todo.pop()
            if c in self.classes:
                return c
            if c not in seen:
                seen.add(c)
                todo += self.parents.get(c, ())
        return None

    def subclasses(self, top: str) -> list:
        """The gov: classes under entity class TOP (transitively, not TOP itself), sorted."""
        return sorted(c for c, k in self.kinds.items() if k == "Class" and c != top and self.top_class(c) == top)


def _statements(text: str):
    """The statements of a Turtle file written as govkg.ttl is: comment lines dropped, each
    statement ended by " ." at the end of a line (its strings are single-line)."""
    lines = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            lines.append(line)
            if line.endswith(" ."):
                yield " ".join(lines)
                lines = []
    if lines:
        yield " ".join(lines)


def read_schema(path: Path) -> Schema:
    """The schema of an ontology file, read without parsing RDF: a regex over one small file
    keeps ``import kg.graph.vocab`` cheap for shell start-up (rdflib costs ~70 ms); the test
    suite checks every field against a full rdflib parse of the same file."""
    kinds, order, parents, labels, ends = {}, {}, {}, {}, {}
    for st in _statements(path.read_text(encoding="utf-8")):
        m = re.match(r"gov:(\w+)\s+a\s+owl:(\w+)", st)
        if not m:
            continue
        name, kinds[name] = m.group(1), m.group(2)
        if (o := re.search(r"gov:contractOrder\s+(\d+)", st)):
            order[name] = int(o.group(1))
        if (sup := re.search(r"rdfs:subClassOf\s+([^;]+)", st)):
            parents[name] = tuple(re.findall(r"gov:(\w+)", sup.group(1)))
        if (lab := re.search(r'rdfs:label\s+((?:"[^"]*"@[\w-]+\s*,?\s*)+)', st)):
            labels[name] = {lang: text for text, lang in re.findall(r'"([^"]*)"@([\w-]+)', lab.group(1))
                            if lang in ("zh", "en")}
        dom, rng = re.search(r"rdfs:domain\s+gov:(\w+)", st), re.search(r"rdfs:range\s+gov:(\w+)", st)
        ends[name] = (dom and dom.group(1), rng and rng.group(1))

    def ordered(kind):
        return tuple(sorted((n for n in order if kinds[n] == kind), key=order.__getitem__))

    classes, scored = ordered("Class"), ordered("ObjectProperty")
    extra = sorted(n for n, k in kinds.items() if k == "ObjectProperty" and n not in scored
                   and ends[n][0] in classes and ends[n][1] in classes)
    return Schema(terms=tuple(sorted(kinds)), kinds=kinds, classes=classes, scored_relations=scored,
                  relations=scored + tuple(extra), parents=parents, labels=labels)


ONTOLOGY = read_schema(ontology_dir() / "govkg.ttl")
# The entity classes the annotation contract scores (its types), in its order.
ENTITY_TYPES = ONTOLOGY.classes
# The relations the annotation contract scores (kg eval), in its order.
SCORED_RELATIONS = ONTOLOGY.scored_relations
# The relations of the graph between entities (kg stats, kg view, kg report, exports).
RELATIONS = ONTOLOGY.relations
