"""kg build from the command line: outputs, determinism, store, errors, file modes."""
import json
import os
import stat

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import cli, main
from kg.samples import expected_path, paths
from kg.dev.synth import write_corpus


def run(*args):
    return CliRunner().invoke(cli, list(args))


def kg(capsys, *args):
    """Through kg.cli.main, as a user runs it: (exit code, stderr)."""
    with pytest.raises(SystemExit) as ex:
        main(list(args))
        raise SystemExit(0)
    return ex.value.code, capsys.readouterr().err


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    d = tmp_path_factory.mktemp("synth") / "pages"
    write_corpus(60, d, seed=11)
    return d


def test_one_and_two_workers_write_the_same_bytes(pages, tmp_path):
    a, b = tmp_path / "a.ttl", tmp_path / "b.ttl"
    r1 = run("build", str(pages), "-o", str(a), "--no-cache", "-q")
    r2 = run("build", str(pages), "-o", str(b), "--workers", "2", "--no-cache", "-q")
    assert r1.exit_code == 0 and r2.exit_code == 0, r1.output + r2.output
    assert a.read_bytes() == b.read_bytes()
    g = {q.triple for q in ox.parse(path=str(a), format=ox.RdfFormat.TURTLE)}
    assert len(g) > 1000


def test_output_is_world_readable_and_no_temp_files_remain(tmp_path):
    old = os.umask(0o022)
    try:
        out = tmp_path / "g.nt"
        r = run("build", str(paths()[0]), "-o", str(out), "-q")
    finally:
        os.umask(old)
    assert r.exit_code == 0, r.output
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert sorted(p.name for p in tmp_path.iterdir()) == [".kgcache", "g.nt"]


def test_summary_line_names_the_output_and_counts(tmp_path):
    out = tmp_path / "g.ttl"
    r = run("build", *map(str, paths()), "-o", str(out))
    assert r.exit_code == 0
    n = len(paths())
    articles = sum(len(d["articles"]) for d in json.loads(expected_path().read_text(encoding="utf-8")).values())
    assert f"{out}: " in r.output and f"{articles} articles on {n} page(s)" in r.output and f"{n} extracted" in r.output


def test_store_only_build_is_read_by_stats_and_query(pages, tmp_path):
    st = tmp_path / "g.store"
    r = run("build", str(pages), "--store", str(st), "-q")
    assert r.exit_code == 0, r.output
    assert not (tmp_path / "out").exists()
    file_ = tmp_path / "g.nt"
    assert run("build", str(pages), "-o", str(file_), "-q").exit_code == 0
    articles = sum(1 for t in ox.parse(path=str(file_), format=ox.RdfFormat.N_TRIPLES)
                   if t.object == ox.NamedNode("https://w3id.org/govkg/ontology#Article"))
    assert articles >= 60
    s = run("stats", str(st))
    assert s.exit_code == 0 and f" {articles} articles" in s.output, s.output
    q = run("query", str(st), "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv")
    assert q.exit_code == 0
    n_file = sum(1 for _ in ox.parse(path=str(file_), format=ox.RdfFormat.N_TRIPLES))
    assert str(n_file) in q.output.split()


@pytest.mark.parametrize("args, message", [
    (["-o", "{tmp}/g.xyz"], "unknown output format .xyz"),
    (["{tmp}/missing.txt", "-o", "{tmp}/g.ttl"], "missing.txt: no such file"),
    (["{tmp}/in.ttl", "-o", "{tmp}/in.ttl"], "the output would overwrite an input"),
    (["--store", "{tmp}/afile"], "afile: exists and is not a directory"),
    (["--store", "{tmp}/notastore"], "notastore: a non-empty directory that is not a govkg store"),
    (["--engine", "dask"], "--engine dask needs --scheduler"),
    (["--scheduler", "tcp://127.0.0.1:1"], "--scheduler is for --engine dask"),
])
def test_bad_input_is_one_line_naming_the_problem(tmp_path, capsys, args, message):
    (tmp_path / "in.ttl").write_text("本报讯 无关内容。", encoding="utf-8")
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    (tmp_path / "notastore").mkdir()
    (tmp_path / "notastore" / "keep.txt").write_text("x", encoding="utf-8")
    code, err = kg(capsys, "build", *[a.format(tmp=tmp_path) for a in args])
    assert code in (1, 2)
    assert message in err and err.startswith("kg: error: ") and len(err.strip().splitlines()) == 1, err
    assert (tmp_path / "afile").read_text() == "x"  # inputs are never overwritten
    assert not (tmp_path / "g.ttl").exists() and not (tmp_path / "g.xyz").exists()


def test_undecodable_input_names_the_file(tmp_path, capsys):
    bad = tmp_path / "bin.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    code, err = kg(capsys, "build", str(bad), "-o", str(tmp_path / "g.ttl"))
    assert code == 1 and "bin.txt" in err
    assert not (tmp_path / "g.ttl").exists()


def test_help_has_examples():
    r = run("build", "--help")
    assert r.exit_code == 0
    for flag in ("--store", "--engine", "--scheduler", "--no-cache", "kg build pages/ --store"):
        assert flag in r.output
