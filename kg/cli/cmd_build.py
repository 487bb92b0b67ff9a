"""``kg build``: article text in, RDF out (a file, an on-disk store, or cluster shards)."""
from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

import click

from kg.atomic import check_writable
from kg.build.engine_dask import DaskEngine, is_dir_output, shard_dir_for
from kg.build.pipeline import build as run_build
from kg.build.workpool import usable_cores
from kg.errors import KgError
from kg.extract.homes import Homes, load_manifest, parse_home
from kg.graph import rdf
from kg.samples import paths

DEFAULT_OUTPUT = "out/graph.ttl"


class _Workers(click.ParamType):
    """A worker count, or auto: the cores this process may run on (kg.build.workpool.usable_cores),
    at most 64."""
    name = "N|auto"

    def convert(self, value, param, ctx):
        if str(value).strip().lower() == "auto":
            return min(usable_cores(), 64)
        try:
            n = int(value)
        except ValueError:
            self.fail(f"{value!r} is neither a number nor auto", param, ctx)
        if not 1 <= n <= 64:
            self.fail(f"{n} is not in the range 1-64", param, ctx)
        return n


_WORKERS = _Workers()


@click.command("build")
@click.argument("inputs", nargs=-1)
@click.option("-o", "--output", metavar="FILE", default=None,
              help=f"Output graph; the extension picks the format: .ttl .nt .jsonld .trig .nq "
                   f"[default: {DEFAULT_OUTPUT}, or none with --store]. With --engine dask, a directory "
                   f"here gets only the shards.")
@click.option("--store", metavar="DIR", help="Also (or only) write an on-disk Oxigraph store that kg stats/query/"
                                             "view open without parsing; adding pages extracts only the new ones.")
@click.option("-w", "--workers", default="auto", show_default=True, type=_WORKERS,
              help="Worker processes for extraction (pages are independent): a number, or auto for one "
                   "per core this process may use. Any number writes the same bytes.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: this machine's processes; dask: a dask.distributed cluster (--scheduler).")
@click.option("--scheduler", metavar="ADDR", help="dask scheduler address, e.g. tcp://10.0.0.5:8786.")
@click.option("--cache", "cache_dir", metavar="DIR",
              help="Page-result cache for file builds [default: .kgcache beside the output].")
@click.option("--no-cache", is_flag=True, help="Extract every page again; do not read or write the cache.")
@click.option("--home", metavar="AREA",
              help="The home of every input: the district or county whose paper or site published it, "
                   "e.g. 八公山区 or 八公山区,淮南市,安徽省. A bare 区委 or 县政府 and 我区/我县 are its. "
                   "[default: inferred from each page]")
@click.option("--manifest", metavar="FILE",
              help="A JSON list of {\"file\", \"district\", \"city\", \"province\", \"date\"}: each "
                   "file's home and publication date (files relative to the manifest). Pages it does not "
                   "name get --home, or an inferred home.")
@click.option("--date", "published", metavar="YYYY-MM-DD",
              help="Publication date of every input: gives a month-day date in the text its year.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary line.")
def build(inputs, output, store, workers, engine, scheduler, cache_dir, no_cache, home, manifest, published,
          quiet):
    """Extract a knowledge graph from article text and write it as RDF.

    INPUTS are page files, directories (read recursively for *.txt) or - for standard
    input; UTF-8, UTF-8 with BOM and GB18030/GBK are detected. With no INPUTS the
    built-in sample corpus is used. Every relation keeps its evidence: the article and
    the sentence that states it (gov:Evidence nodes). Output is sorted: the same pages give
    the same bytes, whatever the number of workers.

    Results are cached per page by content hash, so rebuilding unchanged pages extracts
    nothing, and a store only ever extracts the pages it has not seen.

    Every page has a home: the district or county (with its city and province) whose paper
    published it, which a bare 区委, 县政府, 市委 or 我县 refers to. Give it with --home (one home
    for all) or --manifest (per file); otherwise each page's home is inferred from the areas it
    names, with a national gazetteer. The graph records each article's home and how it was
    decided (gov:home, gov:homeSource); kg stats counts them.

    \b
    Examples:
      kg build                                   # the built-in samples -> out/graph.ttl
      kg build ../shared/corpus/jingzhou -o out/jz.ttl --workers 1   # one process (default: one per core)
      kg build pages/ --store out/jz.store       # then: kg stats out/jz.store
      kg build more-pages/ --store out/jz.store  # adds only the new pages
      cat page.txt | kg build - -o out/page.jsonld
      kg build pages/ --engine dask --scheduler tcp://10.0.0.5:8786 -o out/shards/
      kg build county-site/ --home 八公山区 -o out/bgs.ttl     # every page is 八公山区's
      kg build articles/ --manifest articles/manifest.json -o out/ext.ttl
    """
    if output is None and store is None:
        output = DEFAULT_OUTPUT
    shards = eng = None
    if engine == "dask":
        if not scheduler:
            raise KgError("--engine dask needs --scheduler ADDR (e.g. tcp://127.0.0.1:8786)")
        shards = shard_dir_for(output, store)
        if output is not None and is_dir_output(output):
            output = str(shards)
    elif scheduler:
        raise KgError("--scheduler is for --engine dask")
    if output is not None and (shards is None or Path(output) != shards):
        rdf.output_format(output)  # a bad extension fails before any work
        check_writable(output)     # and so does a place no file can be written
    if not inputs:
        inputs = [str(p) for p in paths()]
    _check_inputs(inputs, output, store)
    homes = _homes(home, manifest, published)
    if engine == "dask":
        eng = DaskEngine(scheduler, shards)
    show = not quiet and sys.stderr.isatty()
    t0 = time.perf_counter()
    bar = None
    if show:
        bar = click.progressbar(length=0, label="extracting", file=sys.stderr, show_pos=True)
        bar.__enter__()

    def progress(r):
        if bar is not None:
            bar.length = (bar.length or 0) + 1
            bar.update(1)

    try:
        report = run_build(list(inputs), output, workers=workers, progress=progress, store=store,
                           cache_dir=cache_dir, use_cache=not no_cache and engine == "local", engine=eng,
                           shards=shards, homes=homes)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    dt = time.perf_counter() - t0
    if report.articles == 0:
        click.echo("kg: warning: no article found in the input (no 本报讯, byline or photo caption); "
                   "the graph is empty", err=True)
    if not quiet:
        where = " and ".join(x for x in (output if shards is None or output != str(shards) else None,
                                          store and f"store {store}") if x)
        what = f"{len(report.shards)} shards in {shards}" if shards is not None and not report.triples \
            else f"{report.triples} triples"
        how = "up to date, nothing extracted" if report.up_to_date else \
            f"{report.extracted} extracted, {report.cached} from cache"
        click.echo(f"{where or shards}: {what} from {report.articles} articles on {report.pages} page(s) "
                   f"({how}) in {dt:.1f} s", err=True)


def _homes(home, manifest, published):
    """The pages' homes and dates as the options give them (None: all inferred, no date)."""
    if published is not None and not re.match(r"^\d{4}-\d{2}-\d{2}$", published):
        raise KgError(f"--date {published}: give the publication date as YYYY-MM-DD")
    if not (home or manifest or published):
        return None
    homes = load_manifest(manifest) if manifest else Homes()
    homes.home = parse_home(home) if home else ""
    homes.date = published or ""
    return homes


def _check_inputs(inputs, output, store):
    outs = [os.path.abspath(p) for p in (output, store) if p]
    for i in inputs:
        if i == "-":
            continue
        a = os.path.abspath(i)
        if a in outs:
            raise KgError(f"{i}: the output would overwrite an input")
