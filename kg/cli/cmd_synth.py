"""``kg synth``: write synthetic pages in the genre of the district paper, for benchmarks."""
from __future__ import annotations

import click

from kg.dev.synth import write_corpus
from kg.errors import KgError


@click.command("synth")
@click.argument("n", type=int)
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Directory for the page files (created; must be empty unless --force).")
@click.option("--seed", default=1, show_default=True, help="Same seed, same pages, byte for byte.")
@click.option("--per-page", default=10, show_default=True, help="Articles per page file.")
@click.option("--noise", default="normal", show_default=True,
              type=click.Choice(["none", "light", "normal", "heavy"]),
              help="PDF-extraction damage: broken lines, spaced names, doubled and detached headlines.")
@click.option("--truth", "truth_path", type=click.Path(dir_okay=False),
              help="Also write the planted entities and relations, one gold-shaped JSON object per page.")
@click.option("--force", is_flag=True, help="Write into a non-empty directory, replacing earlier synthetic pages.")
@click.option("--quiet", is_flag=True, help="Print nothing on success.")
def synth(n, out_dir, seed, per_page, noise, truth_path, force, quiet):
    """Write N synthetic articles, PER-PAGE to a page file, into OUT.

    People, towns, villages, companies, meetings, projects and documents are invented from
    the project's own lexicons and templates; the pages carry the noise of PDF extraction so
    a build on them costs what a build on real pages costs. Use them to measure scale
    (`make bench`) and, with --truth, extraction recall on text whose facts are known.

    \b
    Example:
      kg synth 1000 -o out/synth --seed 7 --truth out/synth.truth.jsonl
      kg build out/synth -o out/synth.ttl
    """
    if n < 0:
        raise KgError(f"N must be >= 0, got {n}")
    s = write_corpus(n, out_dir, seed=seed, per_page=per_page, noise=noise, truth_path=truth_path, force=force)
    if not quiet:
        click.echo(f"{out_dir}: {s.articles} articles on {s.pages} pages, {s.bytes / 1e6:.1f} MB "
                   f"in {s.seconds:.1f} s ({s.mb_per_s:.1f} MB/s)" + (f"; truth in {truth_path}" if truth_path else ""))
