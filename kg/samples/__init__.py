"""The built-in sample corpus: invented pages in the genre of the district paper, with the
noise of real extracted pages, for `kg build` without arguments, demos and tests."""
from __future__ import annotations

from importlib import resources
from pathlib import Path


def _dir() -> Path:
    return Path(str(resources.files("kg.samples")))


def paths() -> list[Path]:
    """The sample page files, in order (sample_01.txt, sample_02.txt, ...)."""
    return sorted(_dir().glob("sample_*.txt"))


def expected_path() -> Path:
    """expected.json: per sample file, the articles, entities and relations a careful reader
    finds (the gold format of the annotation contract)."""
    return _dir() / "expected.json"
