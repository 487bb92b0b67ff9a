"""`kg stats`: counts and rankings of a graph."""
from __future__ import annotations

import json

import click

from kg.graph.store import is_store_dir, open_store
from kg.views.stats import KEEP_TOP, compute_stats, read_kept, render_stats


@click.command("stats")
@click.argument("graph", type=click.Path())
@click.option("--top", default=10, show_default=True, type=click.IntRange(min=1),
              help="Rows in each ranking.")
@click.option("--json", "as_json", is_flag=True, help="Print the numbers as JSON for scripts.")
def stats(graph, top, as_json):
    """Counts and rankings of GRAPH (.ttl .nt .jsonld .trig file or a store directory).

    Entities per class and subclass, triples and evidence per predicate, articles
    (news/photo), the most active officials (meetings attended or chaired, places
    inspected), the most visited places and projects, and the connected components of
    the entity graph.

    \b
    Examples:
      kg stats out/graph.ttl
      kg stats out/store --top 20
      kg stats out/graph.ttl --json | jq '.classes.Person.count'
    """
    # a store keeps the figures its build computed (kg.views.stats.keep): the same numbers, read at once
    d = read_kept(graph, top) if is_store_dir(graph) else None
    if d is None:
        if is_store_dir(graph) and top <= KEEP_TOP:
            # minutes on a large store instead of a blink: say why, and how to get the blink back
            click.echo(f"kg: {graph} keeps no statistics of this version of kg (its build was older or "
                       "stopped); counting them from the store, which takes a while on a large one. "
                       "Building it again with kg build --store keeps them.", err=True)
        d = compute_stats(open_store(graph), top=top)
    if as_json:
        click.echo(json.dumps({"graph": str(graph), **d}, ensure_ascii=False))
    else:
        click.echo(render_stats(d, source=str(graph)))
