"""`kg view`: the command-line face of kg/views/view.py."""
from __future__ import annotations

import click

from kg.graph.store import open_store
from kg.graph.vocab import RELATIONS
from kg.views import graphdata as gd
from kg.views.view import build_focus_view, build_view


def _names(values):
    return [v for v in values or ()]


@click.command("view")
@click.argument("graph", metavar="GRAPH")
@click.option("-o", "--output", required=True, metavar="FILE.html", help="The page to write (one self-contained file).")
@click.option("--focus", metavar="NAME",
              help="Only the neighbourhood of this entity (any of its names); read without loading the whole "
                   "graph, and at most 1,000 evidence sentences listed (the page says when some are left out).")
@click.option("--max-neighbours", type=click.IntRange(0), default=200, show_default=True, metavar="N",
              help="With --focus: each hop keeps at most N new entities, the most strongly linked (a hub "
                   "official has thousands of meetings); the page and stderr say how many were left out. 0: all.")
@click.option("--depth", type=click.IntRange(0, 20), default=2, show_default=True, help="Hops around --focus.")
@click.option("--types", multiple=True, metavar="LIST",
              help="Only these classes, comma separated (Person,Event or subclasses like Meeting,Village).")
@click.option("--predicates", multiple=True, metavar="LIST",
              help="Only these relations, comma separated (attended,chaired,inspected,...).")
@click.option("--max-nodes", type=click.IntRange(1), default=1500, show_default=True,
              help="Draw at most this many entities (the most connected); the page says what was left out.")
@click.option("--coattendance", is_flag=True, help="Draw people linked by the events they attended together.")
@click.option("--title", metavar="TEXT", help="Page title (default: the graph file name).")
@click.option("--renderer", type=click.Choice(["canvas", "vis"]), default="canvas", show_default=True,
              help="canvas: the page's own renderer, fast at 5,000 nodes. vis: the classic pyvis page "
                   "(vis-network), simpler, for small graphs: it stays responsive up to about "
                   "1,000 entities and 2,000 drawn lines (docs/VIEWS.md).")
def view(graph, output, focus, depth, types, predicates, max_nodes, max_neighbours, coattendance, title, renderer):
    """Write an interactive HTML view of GRAPH that works offline.

    One file, no network: the script is inlined, the layout is computed here. Search
    any name, tick types and relations on and off, click a node for its posts and every
    relation with its evidence sentence, article headline and date.

    The default page draws with its own canvas renderer (level of detail, time range,
    exports). --renderer vis writes the classic pyvis page instead: pyvis's Network
    drawn by the vis-network script pyvis ships, with search, legend filters and the
    evidence panel; suited to small graphs (combine it with --focus or --max-nodes).

    \b
    Examples:
      kg view out/graph.ttl -o out/graph.html
      kg view out/graph.ttl -o zou.html --focus 邹建平 --depth 2
      kg view out/graph.ttl -o meetings.html --types Person,Meeting --predicates attended,chaired
      kg view out/graph.ttl -o co.html --coattendance
      kg view out/graph.ttl -o classic.html --renderer vis --max-nodes 300
    """
    import time

    t0 = time.perf_counter()
    out = gd.check_output(output, graph)
    type_set = gd.parse_names(_names(types), gd.all_classes(), "type")
    pred_set = gd.parse_names(_names(predicates), list(RELATIONS) + [gd.COATTENDED], "predicate")
    if focus and not coattendance:  # read only the neighbourhood, not the whole graph
        page = build_focus_view(open_store(graph), str(graph), focus=focus, depth=depth, types=type_set,
                                predicates=pred_set, max_nodes=max_nodes, title=title,
                                renderer=renderer, max_neighbours=max_neighbours or None,
                                say=lambda line: click.echo(f"kg view: {line}", err=True))
    else:
        base = gd.read_graph(graph)
        page = build_view(base, focus=focus, depth=depth, types=type_set, predicates=pred_set,
                          max_nodes=max_nodes, coattendance=coattendance, title=title, renderer=renderer)
    gd.write_atomic(out, page)
    click.echo(f"{out}: {len(page.encode('utf-8')) / 1e6:.1f} MB page written in {time.perf_counter() - t0:.2f} s",
               err=True)
