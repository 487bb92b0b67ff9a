"""--engine dask on a local cluster (127.0.0.1 only): shards and merged output equal a local build."""
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.dev.synth import write_corpus

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, protocol="tcp://", host="127.0.0.1",
                      dashboard_address=None) as c:
        yield c.scheduler_address


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    d = tmp_path_factory.mktemp("dask") / "pages"
    write_corpus(60, d, seed=21, per_page=2)  # 30 pages: more than one batch
    return d


def lines(path):
    return set(path.read_bytes().splitlines())


def test_dask_build_equals_the_local_build(cluster, pages, tmp_path):
    local = tmp_path / "local.nt"
    assert CliRunner().invoke(cli, ["build", str(pages), "-o", str(local), "--no-cache", "-q"]).exit_code == 0
    out = tmp_path / "dask.nt"
    r = CliRunner().invoke(cli, ["build", str(pages), "-o", str(out), "--engine", "dask", "--scheduler", cluster])
    assert r.exit_code == 0, r.output
    assert out.read_bytes() == local.read_bytes()
    shards = sorted((tmp_path / "dask.shards").glob("part-*.nt"))
    assert len(shards) >= 2  # pages really were split into tasks
    union = set().union(*(lines(s) for s in shards)) | lines(tmp_path / "dask.shards" / "holdings.nt")
    assert union == lines(local)
    for s in shards:  # every shard parses on its own, as a bulk loader reads it
        assert sum(1 for _ in ox.parse(path=str(s), format=ox.RdfFormat.N_TRIPLES)) == len(lines(s))


def test_dask_shards_only_into_a_directory(cluster, pages, tmp_path):
    out = tmp_path / "shards"
    (out).mkdir()
    (out / "part-999999.nt").write_bytes(b"<http://stale> <http://p> <http://o> .\n")
    r = CliRunner().invoke(cli, ["build", str(pages), "-o", f"{out}/", "--engine", "dask", "--scheduler", cluster])
    assert r.exit_code == 0, r.output
    assert not (out / "part-999999.nt").exists()  # an earlier run's shard would join the union
    local = tmp_path / "local.nt"
    CliRunner().invoke(cli, ["build", str(pages), "-o", str(local), "--no-cache", "-q"])
    union = set().union(*(lines(s) for s in out.glob("*.nt")))
    assert union == lines(local)


def test_unreachable_scheduler_is_a_clear_error(pages, tmp_path, capsys):
    from kg.cli import main

    with pytest.raises(SystemExit) as ex:
        main(["build", str(pages), "-o", str(tmp_path / "g.nt"), "--engine", "dask",
              "--scheduler", "tcp://127.0.0.1:9"])
    assert ex.value.code == 1
    err = capsys.readouterr().err
    assert "tcp://127.0.0.1:9: cannot reach the dask scheduler" in err
