"""SHACL shapes compiled to SPARQL and run in pyoxigraph: `kg validate` at the speed of the build.

pySHACL walks the graph node by node in Python (42 s for the 2,000-article graph the build writes
in 2.5 s). The shapes the ontology needs use a small part of SHACL Core, and every constraint of
that part is one SPARQL query over the data: the focus nodes of the shape's targets joined with
the values on its path, filtered by the negation of the constraint. Oxigraph runs those in Rust.

The part compiled: targets sh:targetClass (with the ontology's rdfs:subClassOf links, as pySHACL
with ``ont_graph``), sh:targetSubjectsOf, sh:targetObjectsOf, sh:targetNode; property shapes with an
IRI sh:path; constraints sh:minCount sh:maxCount sh:class sh:datatype sh:nodeKind sh:in
sh:languageIn and sh:or of shapes made of those value constraints; sh:message, sh:severity,
sh:deactivated. A shapes file that uses anything else (or a constraint with no sh:message, whose
wording only pySHACL knows) is reported as not compilable, and kg.views.validate hands it to pySHACL:
the report is the same either way (tests/test_validate.py compares the two).
"""
from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

SH = "http://www.w3.org/ns/shacl#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"

# a shape's own keys that the compiler understands (anything else under sh: -> pySHACL)
_VALUE_KEYS = {"class", "datatype", "nodeKind", "in", "languageIn", "or"}
_SHAPE_KEYS = _VALUE_KEYS | {"targetClass", "targetSubjectsOf", "targetObjectsOf", "targetNode", "property",
                             "path", "minCount", "maxCount", "message", "severity", "deactivated", "name",
                             "description", "order", "group"}
# lexical checks for the datatypes whose ill-formed literals pySHACL rejects (an XSD cast fails on them)
_CASTS = {"date", "dateTime", "gMonthDay", "gYear", "gYearMonth", "integer", "decimal", "double", "float",
          "boolean", "int", "long", "time", "duration"}


class NotCompilable(Exception):
    """The shapes use SHACL beyond the compiled part."""


@dataclass
class Check:
    """One query for the constraints of one node shape that fail: rows ?focus ?k (?value), where
    ?k indexes ``kinds`` (severity, message, path term or None)."""
    sparql: str
    kinds: list


def _iri(t) -> str:
    return f"<{t.value}>"


def _term(t) -> str:
    if isinstance(t, ox.NamedNode):
        return _iri(t)
    if isinstance(t, ox.Literal):
        return str(t)     # N-Triples form, a valid SPARQL literal
    raise NotCompilable("a blank node in sh:in")


class _Shapes:
    def __init__(self, shapes, subclass_pairs):
        self.g = shapes
        self.sub = {}      # class -> set of its subclasses, itself included
        for c, sup in subclass_pairs:
            self.sub.setdefault(sup, set()).add(c)

    def objects(self, s, local):
        return [q.object for q in self.g.quads_for_pattern(s, ox.NamedNode(SH + local), None)]

    def one(self, s, local):
        vals = self.objects(s, local)
        if len(vals) > 1:
            raise NotCompilable(f"more than one sh:{local}")
        return vals[0] if vals else None

    def keys(self, s) -> set:
        out = set()
        for q in self.g.quads_for_pattern(s, None, None):
            p = q.predicate.value
            if p.startswith(SH):
                out.add(p[len(SH):])
            elif p not in (RDF + "type", RDFS + "comment", RDFS + "label"):
                pass          # non-SHACL annotations are ignored, as by any SHACL engine
        if out - _SHAPE_KEYS:
            raise NotCompilable("uses " + ", ".join(f"sh:{k}" for k in sorted(out - _SHAPE_KEYS)))
        return out

    def items(self, head) -> list:
        out, nil = [], RDF + "nil"
        while not (isinstance(head, ox.NamedNode) and head.value == nil):
            firsts = [q.object for q in self.g.quads_for_pattern(head, ox.NamedNode(RDF + "first"), None)]
            rests = [q.object for q in self.g.quads_for_pattern(head, ox.NamedNode(RDF + "rest"), None)]
            if len(firsts) != 1 or len(rests) != 1:
                raise NotCompilable("a malformed RDF list")
            out.append(firsts[0])
            head = rests[0]
        return out

    def closure(self, c) -> list:
        seen, todo = set(), [c.value]
        while todo:
            x = todo.pop()
            if x not in seen:
                seen.add(x)
                todo.extend(self.sub.get(x, ()))
        return sorted(seen)

    # -- value constraints as SPARQL boolean expressions over ?v
    def conditions(self, s) -> list:
        """The value constraints of shape S, each (key, SPARQL expression true when ?v conforms)."""
        keys = self.keys(s)
        out = []
        for k in sorted(keys & _VALUE_KEYS):
            for val in self.objects(s, k):
                out.append((k, self.condition(k, val)))
        return out

    def condition(self, k, val) -> str:
        if k == "class":
            values = " ".join(f"<{c}>" for c in self.closure(val))
            return f"EXISTS {{ VALUES ?c__ {{ {values} }} ?v a ?c__ }}"
        if k == "datatype":
            if val.value == RDF + "langString":
                return '(isLiteral(?v) && lang(?v) != "")'
            cond = f'(isLiteral(?v) && lang(?v) = "" && datatype(?v) = {_iri(val)}'
            local = val.value[len(XSD):] if val.value.startswith(XSD) else None
            if local in _CASTS:
                cond += f" && COALESCE(isLiteral({_iri(val)}(STR(?v))), false)"
            return cond + ")"
        if k == "nodeKind":
            kinds = {"IRI": "isIRI(?v)", "BlankNode": "isBlank(?v)", "Literal": "isLiteral(?v)",
                     "BlankNodeOrIRI": "(isIRI(?v) || isBlank(?v))", "BlankNodeOrLiteral": "(isBlank(?v) || isLiteral(?v))",
                     "IRIOrLiteral": "(isIRI(?v) || isLiteral(?v))"}
            name = val.value[len(SH):] if val.value.startswith(SH) else ""
            if name not in kinds:
                raise NotCompilable(f"sh:nodeKind {val}")
            return kinds[name]
        if k == "in":
            return "(" + " || ".join(f"sameTerm(?v, {_term(x)})" for x in self.items(val)) + ")" if self.items(val) \
                else "false"
        if k == "languageIn":
            tags = [x.value for x in self.items(val) if isinstance(x, ox.Literal)]
            return "(isLiteral(?v) && (" + " || ".join(f'langMatches(lang(?v), "{t}")' for t in tags) + "))" \
                if tags else "false"
        if k == "or":
            parts = []
            for member in self.items(val):
                mk = self.keys(member)
                if not mk or mk - _VALUE_KEYS:
                    raise NotCompilable("an sh:or member beyond value constraints")
                parts.append("(" + " && ".join(c for _, c in self.conditions(member)) + ")")
            return "(" + " || ".join(parts) + ")" if parts else "false"
        raise NotCompilable(f"sh:{k}")  # pragma: no cover

    def targets(self, s) -> str:
        pats = []
        for c in self.objects(s, "targetClass"):
            values = " ".join(f"<{x}>" for x in self.closure(c))
            pats.append(f"{{ VALUES ?t__ {{ {values} }} ?focus a ?t__ }}")
        for p in self.objects(s, "targetSubjectsOf"):
            pats.append(f"{{ ?focus {_iri(p)} ?o__ }}")
        for p in self.objects(s, "targetObjectsOf"):
            pats.append(f"{{ ?s__ {_iri(p)} ?focus }}")
        for n in self.objects(s, "targetNode"):
            pats.append(f"{{ VALUES ?focus {{ {_term(n)} }} }}")
        if not pats:
            return ""
        return f"{{ SELECT DISTINCT ?focus WHERE {{ {' UNION '.join(pats)} }} }}"

    def severity(self, s, default="Violation") -> str:
        sev = self.one(s, "severity")
        return sev.value[len(SH):] if sev is not None and sev.value.startswith(SH) else default

    def message(self, s) -> str:
        msgs = sorted(m.value for m in self.objects(s, "message"))
        if not msgs:
            raise NotCompilable("a constraint without sh:message")
        return msgs[0]

    def deactivated(self, s) -> bool:
        d = self.one(s, "deactivated")
        return d is not None and d.value == "true"


def compile_shapes(shapes, subclass_pairs) -> list:
    """Checks for every constraint of every node shape with a target in SHAPES (a pyoxigraph Store).

    SUBCLASS_PAIRS: (subclass IRI, superclass IRI) from the ontology and the data. The constraints
    of a property shape share two queries: one counting its values, one testing each value.
    """
    sh = _Shapes(shapes, subclass_pairs)
    checks = []
    target_keys = ("targetClass", "targetSubjectsOf", "targetObjectsOf", "targetNode")
    nodes = set()
    for k in target_keys:
        for q in shapes.quads_for_pattern(None, ox.NamedNode(SH + k), None):
            nodes.add(q.subject)
    for s in sorted(nodes, key=str):
        keys = sh.keys(s)
        if sh.deactivated(s):
            continue
        if "path" in keys:
            raise NotCompilable("a property shape with a target")
        if keys & {"minCount", "maxCount"}:
            raise NotCompilable("sh:minCount on a node shape")
        target = sh.targets(s)
        conds = sh.conditions(s)
        if conds:
            kinds = [(sh.severity(s), sh.message(s), None)]
            test = " && ".join(f"({c})" for _, c in conds)
            checks.append(Check(f"SELECT ?focus ?k ?value WHERE {{ {target} BIND(?focus AS ?v) "
                                f"FILTER(!({test})) BIND(0 AS ?k) BIND(?v AS ?value) }}", kinds))
        for ps in sh.objects(s, "property"):
            pk = sh.keys(ps)
            if sh.deactivated(ps):
                continue
            path = sh.one(ps, "path")
            if not isinstance(path, ox.NamedNode):
                raise NotCompilable("a property path other than one IRI")
            if pk & set(target_keys):
                raise NotCompilable("a target on a property shape")
            if "property" in pk:
                raise NotCompilable("nested property shapes")
            kinds = [(sh.severity(ps), sh.message(ps), path)]
            p = _iri(path)
            lo, hi = sh.one(ps, "minCount"), sh.one(ps, "maxCount")
            bounds = []
            if lo is not None and int(lo.value) > 0:
                bounds.append(f"COUNT(DISTINCT ?v) < {int(lo.value)}")
            if hi is not None:
                bounds.append(f"COUNT(DISTINCT ?v) > {int(hi.value)}")
            if bounds:
                checks.append(Check(f"""SELECT ?focus ?k ?value WHERE {{ {{ SELECT ?focus WHERE {{ {target}
                    OPTIONAL {{ ?focus {p} ?v }} }} GROUP BY ?focus HAVING ({" || ".join(bounds)}) }} BIND(0 AS ?k) }}""",
                                    kinds))
            pconds = sh.conditions(ps)
            if pconds:
                test = " && ".join(f"({c})" for _, c in pconds)
                checks.append(Check(f"""SELECT DISTINCT ?focus ?k ?value WHERE {{ {target}
                    ?focus {p} ?v FILTER(!({test})) BIND(0 AS ?k) BIND(?v AS ?value) }}""", kinds))
    return checks


def run_checks(store, checks) -> list:
    """(severity, focus term, path term or None, value term or None, message) of every failure."""
    out = []
    for c in checks:
        for sol in store.query(c.sparql, use_default_graph_as_union=True):
            sev, msg, path = c.kinds[int(sol["k"].value)]
            out.append((sev, sol["focus"], path, sol["value"], msg))
    return out
