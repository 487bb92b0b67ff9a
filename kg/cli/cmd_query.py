"""`kg query`: run SPARQL against a graph."""
from __future__ import annotations

from pathlib import Path

import click

from kg.errors import KgError
from kg.graph.store import open_store
from kg.views.query import page_note, render_result, run_query

TABLE_ROWS = 100   # a table is read on a screen: rows past these need --limit/--offset


@click.command("query")
@click.argument("graph", type=click.Path())
@click.argument("sparql", required=False)
@click.option("--file", "-f", "qfile", type=click.Path(), metavar="Q.rq", help="Read the query from a file.")
@click.option("--format", "fmt", default="table", show_default=True,
              type=click.Choice(["table", "csv", "json", "turtle", "nt"]),
              help="SELECT: table, csv or json (W3C results). CONSTRUCT/DESCRIBE: turtle "
                   "(also for table), nt, or json (JSON-LD). ASK prints true or false.")
@click.option("--limit", type=click.IntRange(0), metavar="N",
              help=f"SELECT: print at most N rows (0: all) and say when more follow. "
                   f"Default: {TABLE_ROWS} for a table, all for csv and json.")
@click.option("--offset", type=click.IntRange(0), default=0, metavar="N",
              help="SELECT: skip the first N rows (with --limit: page through a long result).")
def query(graph, sparql, qfile, fmt, limit, offset):
    """Run a SPARQL query against GRAPH (a graph file or a store directory).

    The prefixes gov: res: rdf: rdfs: owl: xsd: skos: dcterms: prov: schema: org: foaf:
    are predeclared; a PREFIX in the query overrides one of the same name.

    \b
    Examples:
      kg query out/graph.ttl 'SELECT ?name WHERE { ?p a gov:Person ; rdfs:label ?name } LIMIT 5'
      kg query out/graph.ttl --file queries/attended_meetings.rq --offset 100   # the next page
      kg query out/graph.ttl --file queries/attended_meetings.rq --format csv  # every row
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
    if limit is None:
        limit = TABLE_ROWS if fmt == "table" else 0
    store = open_store(graph)
    res = run_query(store, sparql, where=where, limit=limit or None, offset=offset)
    click.echo(render_result(res, fmt))
    if res.kind == "select" and fmt != "table" and (res.more or res.offset):
        click.echo(f"kg query: {len(res.rows)} rows{page_note(res)}", err=True)   # csv/json on stdout stay clean
