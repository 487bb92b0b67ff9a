"""`kg validate`: check a graph against the SHACL shapes of the ontology."""
from __future__ import annotations

import json
import sys

import click

from kg.graph.store import load_graph, open_store
from kg.views.shacl_sparql import NotCompilable
from kg.views.validate import render_report, shapes_graph, validate_graph, validate_store


@click.command("validate")
@click.argument("graph", type=click.Path())
@click.option("--shapes", type=click.Path(), default=None, metavar="SHAPES.ttl",
              help="Other SHACL shapes instead of the packaged ontology/shapes.ttl.")
@click.option("--limit", default=30, show_default=True, type=click.IntRange(min=0),
              help="Findings listed one by one (all are counted).")
@click.option("--json", "as_json", is_flag=True, help="Print the verdict and findings as JSON.")
def validate(graph, shapes, limit, as_json):
    """Check GRAPH against the SHACL shapes (ontology/shapes.ttl) and the ontology.

    Checks that every entity has one @zh rdfs:label, that the nine relations join the
    right classes, that every gov:Evidence names one subject, predicate, object, article
    and sentence, that articles have a source file, that dates are xsd:date or
    xsd:gMonthDay, and that post holdings have a holder and a post. Exits 1 when the
    graph does not conform (warnings alone do not fail it).

    \b
    Examples:
      kg validate out/graph.ttl
      kg validate out/graph.ttl --limit 100
      kg validate out/graph.ttl --json | jq '.violations | length'
    """
    from dataclasses import asdict

    # the shapes compiled to SPARQL in Oxigraph (kg.views.shacl_sparql); pySHACL only for shapes that
    # use SHACL beyond that part -- both give the same report
    try:
        rep = validate_store(open_store(graph), shapes)
    except NotCompilable:
        rep = validate_graph(load_graph(graph), shapes_graph(shapes) if shapes else None)
    if as_json:
        click.echo(json.dumps({"graph": str(graph), "conforms": rep.conforms,
                               "violations": [asdict(f) for f in rep.violations],
                               "warnings": [asdict(f) for f in rep.warnings]}, ensure_ascii=False))
    else:
        click.echo(render_report(rep, source=str(graph), limit=limit))
    if not rep.conforms:
        sys.exit(1)
