"""The build: sources → pages → facts → triples → one sorted RDF file.

Extraction is a pure function of one page (``extract_source``), so pages go to worker
processes in any order and their triples merge by union; the parent only de-duplicates,
adds the post-holding summary, sorts and writes.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field

from kg.resolve import Context


@dataclass(frozen=True)
class PageResult:
    source: str
    articles: int
    nt: bytes                    # the page's triples as N-Triples
    holdings: tuple = ()         # (person key, post key, article date or None)
    chars: int = 0


@dataclass
class BuildReport:
    pages: int = 0
    articles: int = 0
    triples: int = 0
    chars: int = 0
    warnings: list = field(default_factory=list)


def extract_source(name: str, text: str, ctx: Context | None = None) -> PageResult:
    """Text of one page file → its triples (N-Triples bytes) and holding dates. Pure."""
    import pyoxigraph as ox

    from kg import rdf
    from kg.articles import split_page
    from kg.extract import extract_page

    page = split_page(name, text)
    ids = [rdf.article_id(a.body) for a in page.articles]
    facts = extract_page(page, ids, ctx)
    triples = rdf.page_triples(list(zip(page.articles, ids)), facts)
    date_of = {aid: a.date for a, aid in zip(page.articles, ids)}
    holdings = tuple(sorted({(f.s.key, f.o.key, date_of.get(f.article) or "") for f in facts.facts
                             if f.p == "holdsPost"}))
    return PageResult(name, len(page.articles), ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES),
                      holdings, len(text))


def _work(args):
    name, text = args
    return extract_source(name, text)


def summarise_holdings(results) -> dict:
    """(person, post) -> (first, last) full ISO date seen, or ("", "") when only undated."""
    spans: dict = {}
    for r in results:
        for person, post, date in r.holdings:
            first, last = spans.get((person, post), ("", ""))
            if len(date) == 10 and not date.startswith("--"):
                first = min(first, date) if first else date
                last = max(last, date) if last else date
            spans[(person, post)] = (first, last)
    return spans


def run_extraction(sources, workers: int = 1, progress=None):
    """Yield PageResults for (name, text) pairs, in input order."""
    if workers <= 1:
        for name, text in sources:
            r = extract_source(name, text)
            if progress:
                progress(r)
            yield r
        return
    import multiprocessing as mp

    ctx = mp.get_context("fork") if sys.platform.startswith("linux") else mp.get_context()
    with ctx.Pool(workers, initializer=_warm) as pool:
        for r in pool.imap(_work, sources, chunksize=4):
            if progress:
                progress(r)
            yield r


def _warm():
    """Load jieba's dictionary once per worker, before the first page arrives."""
    from kg.segment import _jieba

    _jieba()


def build(inputs, output, workers: int = 1, progress=None) -> BuildReport:
    import pyoxigraph as ox

    from kg import rdf
    from kg.readers import iter_sources

    report = BuildReport()
    results = []
    triples = set()

    def pairs():
        for src in iter_sources(inputs):
            yield src.name, src.text

    for r in run_extraction(pairs(), workers, progress):
        report.pages += 1
        report.articles += r.articles
        report.chars += r.chars
        triples.update(ox.parse(r.nt, format=ox.RdfFormat.N_TRIPLES))
        results.append(r)
    if report.pages == 0:
        from kg.errors import KgError

        raise KgError("no input text: give files, directories of *.txt, or - for standard input")
    triples.update(rdf.holding_triples(summarise_holdings(results)))
    report.triples = rdf.serialize(triples, output)
    return report
