"""SHACL validation of a graph against ontology/shapes.ttl, with the ontology mixed in.

The ontology is mixed into the data (pyshacl's ``ont_graph``) so that sh:class sees the
rdfs:subClassOf links: a node typed only gov:Meeting is still a gov:Event. No inference
beyond that runs, so a graph is judged on the triples it actually states.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pyoxigraph as ox

from kg.errors import KgError
from kg.graph.vocab import ontology_dir, PREFIXES
from kg.views.shacl_sparql import compile_shapes, run_checks
from kg.views.tables import render_table

SH = "http://www.w3.org/ns/shacl#"


@dataclass(frozen=True)
class Finding:
    severity: str       # Violation, Warning or Info
    focus: str          # the node that fails, shortened for reading
    path: str           # the property, shortened ("" for a node-level constraint)
    value: str          # the offending value, shortened ("" when absent)
    message: str


@dataclass
class ValidationReport:
    conforms: bool      # no Violation (warnings allowed)
    findings: list      # sorted Findings, violations first

    @property
    def violations(self) -> list:
        return [f for f in self.findings if f.severity == "Violation"]

    @property
    def warnings(self) -> list:
        return [f for f in self.findings if f.severity != "Violation"]


def _load_rdf(path, what: str):
    import rdflib   # (deferred: kg/__init__.py says why)

    g = rdflib.Graph()
    try:
        g.parse(str(path), format="turtle")
    except Exception as e:  # rdflib raises many types; name the file and the reason
        raise KgError(f"{path}: not a readable {what} ({' '.join(str(e).split())})") from None
    return g


def shapes_graph(path=None):
    return _load_rdf(path or ontology_dir() / "shapes.ttl", "SHACL shapes file")


def ontology_graph():
    return _load_rdf(ontology_dir() / "govkg.ttl", "ontology file")


def _short(term) -> str:
    import rdflib   # (deferred: kg/__init__.py says why)

    if term is None:
        return ""
    if isinstance(term, rdflib.Literal):
        return str(term)
    if isinstance(term, rdflib.BNode):
        return "[blank node]"
    s = str(term)
    best = max((ns for ns in PREFIXES.values() if s.startswith(ns)), key=len, default=None)
    if best is None:
        return f"<{s}>"
    prefix = next(p for p, ns in PREFIXES.items() if ns == best)
    return f"{prefix}:{s[len(best):]}"


def validate_graph(data, shapes=None) -> ValidationReport:
    """Validate an rdflib Graph (see kg.graph.store.load_graph) against the shapes and ontology."""
    import rdflib   # (deferred: kg/__init__.py says why)
    from pyshacl import validate

    sg = shapes if shapes is not None else shapes_graph()
    _, results, _ = validate(data, shacl_graph=sg, ont_graph=ontology_graph(), inference="none",
                             abort_on_first=False, allow_warnings=True, advanced=False, meta_shacl=False)
    sh = rdflib.Namespace(SH)
    findings = set()
    for r in results.subjects(rdflib.RDF.type, sh.ValidationResult):
        sev = results.value(r, sh.resultSeverity)
        msgs = sorted(str(m) for m in results.objects(r, sh.resultMessage))
        findings.add(Finding(
            severity=str(sev)[len(SH):] if sev is not None else "Violation",
            focus=_short(results.value(r, sh.focusNode)),
            path=_short(results.value(r, sh.resultPath)),
            value=_short(results.value(r, sh.value)),
            message=msgs[0] if msgs else _short(results.value(r, sh.sourceConstraintComponent))))
    return _report(findings)


def _short_ox(term) -> str:
    """A pyoxigraph term as _short writes the rdflib one, so both engines print the same report."""
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.BlankNode):
        return "[blank node]"
    s = term.value
    best = max((ns for ns in PREFIXES.values() if s.startswith(ns)), key=len, default=None)
    if best is None:
        return f"<{s}>"
    prefix = next(p for p, ns in PREFIXES.items() if ns == best)
    return f"{prefix}:{s[len(best):]}"


def _ox_turtle(path, what: str):
    st = ox.Store()
    try:
        with open(path, "rb") as f:
            st.load(f, format=ox.RdfFormat.TURTLE, to_graph=ox.DefaultGraph())
    except (SyntaxError, ValueError, OSError) as e:
        raise KgError(f"{path}: not a readable {what} ({' '.join(str(e).split())})") from None
    return st


def _subclass_pairs(*stores) -> set:
    pairs = set()
    for st in stores:
        for row in st.query("SELECT ?a ?b WHERE { ?a <http://www.w3.org/2000/01/rdf-schema#subClassOf> ?b "
                            "FILTER(isIRI(?a) && isIRI(?b)) }", use_default_graph_as_union=True):
            pairs.add((row["a"].value, row["b"].value))
    return pairs


def compiled_checks(store, shapes_path=None):
    """The shapes compiled to SPARQL checks for STORE (kg.views.shacl_sparql); NotCompilable when they
    use SHACL beyond the compiled part."""
    shapes = _ox_turtle(shapes_path or ontology_dir() / "shapes.ttl", "SHACL shapes file")
    onto = _ox_turtle(ontology_dir() / "govkg.ttl", "ontology file")
    return compile_shapes(shapes, _subclass_pairs(onto, store))


def validate_store(store, shapes_path=None) -> ValidationReport:
    """Validate a pyoxigraph store (kg.graph.store.open_store) with the shapes compiled to SPARQL.

    The same findings as validate_graph (pySHACL) on the same data, 20-40x sooner; raises
    kg.views.shacl_sparql.NotCompilable for shapes beyond the compiled part of SHACL.
    """
    findings = {Finding(sev, _short_ox(focus), _short_ox(path), _short_ox(value), msg)
                for sev, focus, path, value, msg in run_checks(store, compiled_checks(store, shapes_path))}
    return _report(findings)


def _report(findings) -> ValidationReport:
    order = {"Violation": 0, "Warning": 1, "Info": 2}
    ordered = sorted(findings, key=lambda f: (order.get(f.severity, 3), f.message, f.focus, f.path, f.value))
    return ValidationReport(conforms=not any(f.severity == "Violation" for f in ordered), findings=ordered)


def render_report(rep: ValidationReport, *, source: str = "", limit: int = 30) -> str:
    """A short summary: the verdict, counts per message, then the first ``limit`` findings."""
    head = f"{source}: " if source else ""
    nv, nw = len(rep.violations), len(rep.warnings)
    if rep.conforms:
        out = [f"{head}conforms to the govkg shapes" + (f" ({nw} warnings)" if nw else "")]
    else:
        out = [f"{head}does NOT conform: {nv} violations" + (f", {nw} warnings" if nw else "")]
    if not rep.findings:
        return out[0]
    per = Counter((f.severity, f.message) for f in rep.findings)
    out.append("")
    out.append(render_table(["severity", "count", "problem"],
                            [[s, n, m] for (s, m), n in sorted(per.items(), key=lambda x: (x[0][0] != "Violation", -x[1], x[0][1]))],
                            max_width=90))
    shown = rep.findings[:limit]
    out.append("")
    out.append(render_table(["severity", "focus node", "path", "value", "message"],
                            [[f.severity, f.focus, f.path, f.value, f.message] for f in shown],
                            max_width=50))
    if len(rep.findings) > limit:
        out.append(f"... and {len(rep.findings) - limit} more (use --limit N to see them)")
    return "\n".join(out)
