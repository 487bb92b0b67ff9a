"""`kg serve`: a SPARQL 1.1 Protocol endpoint over a graph (the Oxigraph server)."""
from __future__ import annotations

import sys

import click

from kg.errors import KgError
from kg.views.serve import serve as run


@click.command("serve")
@click.argument("graph", type=click.Path())
@click.option("--bind", default="127.0.0.1:7878", show_default=True, metavar="HOST:PORT",
              help="Address to listen on; the default answers this machine only.")
@click.option("--timeout", "timeout_s", type=click.IntRange(min=1), default=None, metavar="SECONDS",
              help="Stop a query that runs longer than this.")
def serve(graph, bind, timeout_s):
    """Serve GRAPH as a read-only SPARQL endpoint (a store directory, or a .ttl/.nt file).

    A graph file is loaded once into a store cached beside it (.NAME.serve/) and loaded again
    when the file changes. Queries read the union of all graphs, as kg query does. The endpoint
    is at http://HOST:PORT/query (SPARQL 1.1 Protocol, GET or POST); http://HOST:PORT/ is the
    YASGUI query page, served offline. Ctrl-C stops it.

    \b
    Examples:
      kg serve out/store
      kg serve out/graph.ttl --bind 127.0.0.1:3030
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * { ?s ?p ?o } LIMIT 3' \\
           http://127.0.0.1:7878/query
    """
    def ready(url):
        click.echo(f"kg: SPARQL endpoint {url}/query (query page {url}/), serving {graph}; Ctrl-C stops it")
        sys.stdout.flush()

    rc = run(graph, bind, ready=ready, timeout_s=timeout_s)
    if rc:
        raise KgError(f"the Oxigraph server serving {graph} stopped with status {rc}")
