"""`kg query`: run SPARQL against a graph."""
from __future__ import annotations

from pathlib import Path

import click

from kg.errors import KgError
from kg.graph.store import open_store
from kg.views.query import render_result, run_query


@click.command("query")
@click.argument("graph", type=click.Path())
@click.argument("sparql", required=False)
@click.option("--file", "-f", "qfile", type=click.Path(), metavar="Q.rq", help="Read the query from a file.")
@click.option("--format", "fmt", default="table", show_default=True,
              type=click.Choice(["table", "csv", "json", "turtle", "nt"]),
              help="SELECT: table, csv or json (W3C results). CONSTRUCT/DESCRIBE: turtle "
                   "(also for table), nt, or json (JSON-LD). ASK prints true or false.")
def query(graph, sparql, qfile, fmt):
    """Run a SPARQL query against GRAPH (a graph file or a store directory).

    The prefixes gov: res: rdf: rdfs: owl: xsd: skos: dcterms: prov: schema: org: foaf:
    are predeclared; a PREFIX in the query overrides one of the same name.

    \b
    Examples:
      kg query out/graph.ttl 'SELECT ?name WHERE { ?p a gov:Person ; rdfs:label ?name } LIMIT 5'
      kg query out/graph.ttl --file queries/attended_meetings.rq --format csv
      kg query out/graph.ttl 'ASK { ?p gov:chaired ?m }'
      kg query out/graph.ttl 'DESCRIBE ?p WHERE { ?p rdfs:label "邹建平"@zh }'    # a person of the built-in sample
    """
    if (sparql is None) == (qfile is None):
        raise KgError("give the query either as an argument or with --file Q.rq (exactly one)")
    where = "query"
    if qfile is not None:
        try:
            sparql = Path(qfile).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise KgError(f"{qfile}: cannot read the query file ({e.__class__.__name__}: {e})") from None
        where = qfile
    store = open_store(graph)
    click.echo(render_result(run_query(store, sparql, where=where), fmt))
