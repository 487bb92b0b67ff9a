"""`kg eval`: score a graph against gold annotation files."""
from __future__ import annotations

import json

import click

from kg.views.evaluate import evaluate, render


@click.command("eval")
@click.argument("graph", type=click.Path())
@click.option("--gold", "gold", multiple=True, type=click.Path(), metavar="F.json",
              help="A gold annotation file (repeat for several pages; they are pooled).")
@click.option("--per-page", is_flag=True,
              help="Also score each gold file against the part of the graph from its page.")
@click.option("--errors", is_flag=True,
              help="List every false positive and false negative with the reason and evidence.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON (score.py's shape).")
def eval_(graph, gold, per_page, errors, as_json):
    """Score GRAPH against gold annotation files (shared/spec/ANNOTATION.md).

    Entities per type and relations per predicate get precision, recall, F1 and the
    tp/fp/fn counts; several --gold files are pooled as one multi-page gold.

    \b
    Examples:
      kg eval out/jz.ttl --gold ../shared/gold/001_6317821200febec2.txt.json
      kg eval out/jz.ttl --per-page --gold ../shared/gold/000_badc0d47d6c03c70.txt.json \\
                                    --gold ../shared/gold/001_6317821200febec2.txt.json
      kg eval out/jz.ttl --gold G.json --errors     # why each miss and each false hit
      kg eval out/jz.ttl --gold G.json --json | jq .relations.all.f1
    """
    res = evaluate(graph, list(gold), per_page=per_page, errors=errors)
    if as_json:
        click.echo(json.dumps(res, ensure_ascii=False, sort_keys=False))
        return
    if not per_page:
        click.echo(render(res))
        return
    parts = [render(p, title=f"{p['source']}  ({p['gold']})") for p in res["pages"]]
    parts.append(render(res["pooled"], title=f"pooled: {len(res['pages'])} gold files against the whole graph"))
    click.echo("\n\n".join(parts))
