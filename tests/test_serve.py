"""kg serve: the Oxigraph server answers the ready-made queries over HTTP as kg query does."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import KgError

ROOT = Path(__file__).resolve().parent.parent
QUERIES = sorted((ROOT / "queries").glob("*.rq"))
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

pytestmark = pytest.mark.skipif(
    not (Path(sys.executable).parent / "oxigraph").exists(), reason="the oxigraph server package is not installed")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    d = tmp_path_factory.mktemp("serve")
    r = CliRunner().invoke(cli, ["build", "-o", str(d / "graph.ttl"), "--store", str(d / "store"), "--quiet"])
    assert r.exit_code == 0, r.output
    return d


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, graph):
        self.port = free_port()
        self.proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", str(graph),
                                      "--bind", f"127.0.0.1:{self.port}"],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.line = self.proc.stdout.readline()    # printed once the server listens

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(2)              # Ctrl-C
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.err = self.proc.stderr.read()
        self.proc.stdout.close()
        self.proc.stderr.close()
        return self.proc.returncode

    def ask(self, sparql: str) -> dict:
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}/query",
                                     data=urllib.parse.urlencode({"query": sparql}).encode(),
                                     headers={"Accept": "application/sparql-results+json",
                                              "Content-Type": "application/x-www-form-urlencoded"})
        with urllib.request.urlopen(req, timeout=60) as r:
            return json.load(r)


def rows(results: dict) -> list:
    """Bindings as comparable strings, in order (every ready-made query has an ORDER BY; ties
    are compared as a multiset)."""
    out = []
    for b in results["results"]["bindings"]:
        norm = {}
        for k, v in b.items():
            v = dict(v)
            if v.get("datatype") == XSD_STRING:
                del v["datatype"]
            v["type"] = "literal" if v["type"] == "typed-literal" else v["type"]
            norm[k] = v
        out.append(json.dumps(norm, sort_keys=True, ensure_ascii=False))
    return sorted(out)


@pytest.mark.parametrize("which", ["graph.ttl", "store"])
def test_queries_over_http_match_kg_query(built, which):
    graph = built / which
    expected = {}
    for q in QUERIES:
        r = CliRunner().invoke(cli, ["query", str(graph), "--file", str(q), "--format", "json"])
        assert r.exit_code == 0, r.output
        expected[q.name] = rows(json.loads(r.output))
    assert sum(len(v) for v in expected.values()) > 0
    srv = Server(graph)
    try:
        assert srv.line.startswith("kg: SPARQL endpoint http://127.0.0.1:"), srv.line + srv.proc.stderr.read()
        assert f":{srv.port}/query" in srv.line
        for q in QUERIES:
            got = rows(srv.ask(q.read_text(encoding="utf-8")))
            assert got == expected[q.name], q.name
    finally:
        rc = srv.stop()
    assert rc == 130, srv.err      # Ctrl-C: the project's interrupt status, and the server is gone


def test_file_is_loaded_once_and_again_when_changed(built, tmp_path):
    from kg.views.serve import CACHE_KEY, cached_store

    g = tmp_path / "g.ttl"
    g.write_bytes((built / "graph.ttl").read_bytes())
    said = []
    first = cached_store(g, said.append)
    assert first == tmp_path / ".g.ttl.serve" and (first / CACHE_KEY).is_file() and len(said) == 1
    os.utime(g, ns=(time.time_ns(), time.time_ns() + 5_000_000_000))   # touched, same content
    assert cached_store(g, said.append) == first and len(said) == 1
    g.write_text('<https://example.org/a> <https://example.org/b> "c" .\n', encoding="utf-8")
    cached_store(g, said.append)
    assert len(said) == 2
    import pyoxigraph as ox
    st = ox.Store.read_only(str(first))
    assert len(st) == 1


def test_missing_server_is_one_line(monkeypatch, tmp_path):
    import kg.views.serve

    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(KgError, match=r"not installed: pip install oxigraph=="):
        kg.views.serve.server_binary()


def test_bad_bind_and_busy_port(built):
    r = CliRunner().invoke(cli, ["serve", str(built / "store"), "--bind", "nohost"])
    assert r.exit_code == 1 and "--bind nohost: expected HOST:PORT" in str(r.exception)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        p = subprocess.run([sys.executable, "-m", "kg.cli", "serve", str(built / "store"),
                            "--bind", f"127.0.0.1:{port}"], capture_output=True, text=True, timeout=60)
    assert p.returncode == 1 and p.stderr.count("\n") == 1 and "kg: error: cannot serve" in p.stderr


def test_not_a_graph_file(tmp_path):
    f = tmp_path / "g.jsonld"
    f.write_text("{}", encoding="utf-8")
    r = CliRunner().invoke(cli, ["serve", str(f)])
    assert r.exit_code == 1 and "Turtle (.ttl) or N-Triples (.nt)" in str(r.exception)
