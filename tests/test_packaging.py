"""`make install` (and so `make demo`) from a fresh clone prints no warning wall (issue 15)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_every_directory_of_kg_is_a_package_setuptools_configures():
    """setuptools printed ~40 lines of BuildBackendWarning for each directory of package data
    (kg/data, kg/ontology, kg/templates) that its `packages` did not name, on every install."""
    setupcfg = pytest.importorskip("setuptools.config.setupcfg")
    cwd = os.getcwd()
    os.chdir(ROOT)      # find_namespace: looks where it is run
    try:
        options = setupcfg.read_configuration("setup.cfg")["options"]
    finally:
        os.chdir(cwd)
    dirs = {".".join(p.relative_to(ROOT).parts) for p in (ROOT / "kg").rglob("*")
            if p.is_dir() and "__pycache__" not in p.parts and any(f.is_file() for f in p.iterdir())}
    dirs.add("kg")
    packages = set(options["packages"])
    assert dirs <= packages, sorted(dirs - packages)
    assert not any("__pycache__" in p for p in packages)


def test_the_editable_install_is_a_plain_path_entry():
    """Without the flat layout said outright, setuptools installs a meta path finder and prints
    an 'Editable installation' box about it."""
    setupcfg = pytest.importorskip("setuptools.config.setupcfg")
    options = setupcfg.read_configuration(str(ROOT / "setup.cfg"), ignore_option_errors=True)["options"]
    assert options.get("package_dir") == {"": "."}
