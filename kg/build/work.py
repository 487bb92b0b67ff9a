"""The unit of work of a build: one page's text to its triples (``extract_source``), a batch of
pages at a time (``extract_batch``), as a pool process or a dask task runs it.

Extraction is a pure function of one page, so pages go to workers in any order and their
triples merge by union. This module and what it imports decide a page's triples: the page
cache's fingerprint (kg.build.cache.EXTRACTION_FILES) lists them.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from kg.build.workpool import dump, load
from kg.extract import extract_page
from kg.extract.resolve import context_from_spec
from kg.graph import rdf
from kg.text.articles import split_page


@dataclass(frozen=True)
class PageResult:
    """One page's triples and counts. The triples are canonical N-Triples in subject blocks
    (``blocks``: each one subject's lines, sorted and unique; the blocks in order), as the page
    was written. They stay blocks from the worker to the sorter: joining them for the pipe and
    cutting them again in the parent cost the parent a copy of every byte (~115 MB per 10 MB)."""
    source: str
    articles: int
    blocks: tuple                # of bytes
    holdings: tuple = ()         # (person key, post key, article date or "")
    chars: int = 0
    key: str = ""                # content hash (kg.build.cache.page_key)

    @property
    def nt(self) -> bytes:
        """The page's N-Triples, sorted and unique."""
        return b"".join(self.blocks)

    @property
    def cuts(self) -> bytes:
        """Where each block ends in ``nt`` (array('I') bytes), as the page cache keeps them."""
        return rdf.block_ends(self.blocks)



def extract_source(name: str, text: str, spec: str = "") -> PageResult:
    """Text of one page file → its triples (N-Triples bytes) and holding dates. Pure.

    ``spec`` is what the build knows of the page besides its text (:func:`page_spec`): its home
    ("district,city,province"; empty: inferred from the page) and its publication date."""
    return _extract(name, text, *_placed(name, text, spec))


def _placed(name: str, text: str, spec: str) -> tuple:
    """The page split into articles, and its home (given in ``spec``, or inferred)."""
    home, _, published = spec.partition("|")
    page = split_page(name, text, published)
    return page, context_from_spec(home, page.text)


def _extract(name: str, text: str, page, ctx) -> PageResult:
    ids = [rdf.article_id(a.body) for a in page.articles]
    facts = extract_page(page, ids, ctx)
    triples = rdf.page_triples(list(zip(page.articles, ids)), facts, ctx)
    date_of = {aid: a.date for a, aid in zip(page.articles, ids)}
    holdings = tuple(sorted({(f.s.key, f.o.key, date_of.get(f.article) or "") for f in facts.facts
                             if f.p == "holdsPost"}))
    return PageResult(name, len(page.articles), tuple(triples), holdings, len(text))


def extract_batch(batch) -> list:
    """[(name, text, key)] → [PageResult]: the unit of work a worker process or a dask task runs.

    Each page comes back in subject blocks, sorted: the workers pay for that in parallel, and
    the parent sorts blocks, not lines.
    """
    # Every page of the batch is split and placed first, then each is extracted: inferring a
    # home scans the page with the national gazetteer's automaton (megabytes of trie), which page
    # after page stays in the CPU's caches, where between two extractions it did not (the homes
    # of tp3000: 0.27-0.32 s of CPU a page at a time, 0.20 s ten at a time). Same results: each
    # step is a pure function of its page.
    placed = [_placed(name, text, spec) for name, text, _, spec in batch]
    return [replace(_extract(name, text, page, ctx), key=key)
            for (name, text, key, _), (page, ctx) in zip(batch, placed)]


def extract_batch_spooled(batch, spool: str):
    """:func:`extract_batch` in a pool process, the results pickled into a file in ``spool``
    (kg.build.workpool). Returns ("file", path), or ("inline", results) when the file cannot be
    written (a full /dev/shm): they then go through the pipe."""
    results = extract_batch(batch)
    try:
        return ("file", dump(results, spool))
    except OSError:
        return ("inline", results)


def unspool(value):
    """The build's side of :func:`extract_batch_spooled`."""
    how, payload = value
    return payload if how == "inline" else load(payload)
