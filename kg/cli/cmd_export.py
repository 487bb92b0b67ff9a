"""`kg export`: the command-line face of kg/views/export.py."""
from __future__ import annotations

import click

from kg.views.export import export as run, FORMATS


@click.command("export")
@click.argument("graph", metavar="GRAPH")
@click.option("-o", "--output", required=True, metavar="FILE",
              help="Output file; its extension picks the format: " + " ".join(FORMATS) + ".")
def export(graph, output):
    """Convert GRAPH for other tools; the output's extension picks the format.

    \b
      .graphml .gexf   the entity graph for Gephi, yEd, networkx (label, class, aliases;
                       relations with predicate, evidence count, first sentence)
      .csv             Neo4j: FILE-nodes.csv and FILE-relationships.csv in the header
                       format of `neo4j-admin database import`
      .nt .ttl .trig .jsonld   every triple, sorted (N-Triples, Turtle, TriG, JSON-LD)

    \b
    Examples:
      kg export out/graph.ttl -o out/graph.gexf
      kg export out/graph.ttl -o out/neo4j.csv
      neo4j-admin database import full --nodes=out/neo4j-nodes.csv \\
          --relationships=out/neo4j-relationships.csv govkg
      kg export out/graph.ttl -o out/graph.jsonld
    """
    from pathlib import Path

    if Path(output).suffix.lower() not in FORMATS:
        raise click.BadParameter(f"{output}: unknown extension; use one of {' '.join(FORMATS)}",
                                 param_hint="'-o' / '--output'")
    for p in run(graph, output):
        click.echo(f"{p}: written", err=True)
