"""The layout is the architecture: the import graph of kg/ follows the flow (the contracts of
.importlinter: layers, and no circle in any package), and the page cache's fingerprint covers
every file extraction runs, whatever else was imported first."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

import kg
from kg.build.cache import EXTRACTION_FILES, extraction_files

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"

# kg modules extraction imports that do not decide a page's triples: they name, move, store or
# sort results (and kg/__init__'s version is hashed by itself).
# (kg.recache makes the patterns re would make: equal, code and all)
NOT_DECIDING = {"kg", "kg.atomic", "kg.errors", "kg.tempfiles", "kg.recache", "kg.samples", "kg.build",
                "kg.build.cache", "kg.build.workpool", "kg.graph", "kg.graph.shards"}


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=ROOT).stdout.strip()


def test_the_import_graph_keeps_the_contracts():
    if not LINT_IMPORTS.exists():
        pytest.fail(f"{LINT_IMPORTS} is missing: make install (import-linter is a test dependency)")
    r = subprocess.run([str(LINT_IMPORTS), "--config", str(ROOT / ".importlinter"), "--no-cache"],
                       capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-2000:]
    assert "2 kept, 0 broken" in r.stdout
    # an ignored edge would let a circle back in unseen: a circle is removed, never waived
    assert "ignore_imports" not in (ROOT / ".importlinter").read_text(encoding="utf-8")


def test_the_layers_contract_catches_an_edge_against_the_flow(tmp_path):
    """The contract is not vacuous: a kg.text module importing kg.views breaks it."""
    pkg = tmp_path / "kg"
    (pkg / "text").mkdir(parents=True)
    (pkg / "views").mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "text" / "__init__.py").write_text("")
    (pkg / "views" / "__init__.py").write_text("")
    (pkg / "views" / "stats.py").write_text("")
    (pkg / "text" / "clean.py").write_text("from kg.views import stats\n")
    cfg = tmp_path / ".importlinter"
    cfg.write_text("[importlinter]\nroot_package = kg\n\n[importlinter:contract:flow]\nname = flow\ntype = layers\n"
                   "layers =\n    kg.views\n    kg.text\n")
    r = subprocess.run([str(LINT_IMPORTS), "--config", str(cfg), "--no-cache"], capture_output=True, text=True,
                       cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(tmp_path)})
    assert r.returncode != 0 and "kg.text.clean -> kg.views.stats" in r.stdout


def test_the_fingerprint_does_not_depend_on_what_was_imported_first():
    plain = _run("from kg.build.cache import fingerprint; print(fingerprint())")
    after_views = _run("import kg.views.view, kg.views.report, kg.cli.cmd_build\n"
                       "from kg.build.cache import fingerprint; print(fingerprint())")
    assert plain == after_views


def test_every_module_extraction_runs_is_in_the_fingerprint():
    code = ("import sys\nfrom kg.build.work import extract_source\nfrom kg.samples import paths\n"
            "for p in paths():\n    extract_source(p.name, p.read_text(encoding='utf-8'))\n"
            "print('\\n'.join(f'{n} {m.__file__}' for n, m in sorted(sys.modules.items())\n"
            "                 if n.split('.')[0] == 'kg' and getattr(m, '__file__', None)))")
    listed = {p.resolve() for p in extraction_files()}
    loaded = dict(line.split(" ", 1) for line in _run(code).splitlines())
    missing = sorted(n for n, f in loaded.items() if Path(f).resolve() not in listed and n not in NOT_DECIDING)
    assert not missing, f"extraction imports {missing}: add them to kg.build.cache.EXTRACTION_FILES"
    assert "kg.extract.mentions" in loaded and "kg.text.clean" in loaded   # (the run did extract)


def test_the_fingerprint_lists_only_files_that_exist_and_changes_with_them(tmp_path, monkeypatch):
    root = Path(kg.__file__).parent
    for pattern in EXTRACTION_FILES:
        assert list(root.glob(pattern)), f"{pattern} matches no file under kg/"
    import kg.build.cache as cache

    before = cache.fingerprint()
    table = next(p for p in extraction_files() if p.suffix == ".tsv")
    cache.fingerprint.cache_clear()
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda p: real(p) + (b"#edited\n" if p == table else b""))
    try:
        assert cache.fingerprint() != before
    finally:
        cache.fingerprint.cache_clear()
