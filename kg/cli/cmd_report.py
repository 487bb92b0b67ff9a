"""`kg report`: the command-line face of kg/views/report.py."""
from __future__ import annotations

import click

from kg.views.graphdata import read_graph
from kg.views.report import render_site, write_site


@click.command("report")
@click.argument("graph", metavar="GRAPH")
@click.option("-o", "--output", required=True, metavar="DIR", help="Directory to write the site into (replaced whole).")
@click.option("--top", type=click.IntRange(1), default=20, show_default=True, help="Rows in each ranking.")
def report(graph, output, top):
    """Write a static report site for GRAPH: open DIR/index.html in a browser, no network needed.

    index.html has counts per class and predicate, activity per month, the most active
    officials (meetings attended and chaired, visits), the most visited places and
    projects and a co-attendance ranking, with charts as inline SVG. Each official has a
    page with posts held (first and last article dates) and a dated timeline of meetings
    and visits with evidence. graph.html and coattendance.html are `kg view` pages.

    \b
    Example:
      kg report out/graph.ttl -o out/report
      xdg-open out/report/index.html
    """
    import time

    t0 = time.perf_counter()
    gd = read_graph(graph)
    pages = render_site(gd, top=top)
    write_site(pages, output, inputs=[graph])
    n = sum(1 for p in pages if p.endswith(".html"))
    click.echo(f"{output}: {n} pages written in {time.perf_counter() - t0:.2f} s", err=True)
