"""Fixtures shared by several test modules."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def reference():
    """jieba's own full dictionary: a separate Tokenizer initialized the usual way, and posseg's
    tags; what kg.extract.segment and kg.extract.dictcache must agree with."""
    import logging

    jieba = pytest.importorskip("jieba")
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    return tk, jieba.posseg.dt.word_tag_tab


try:
    from hypothesis import settings as _settings
except ImportError:      # the fuzz suite skips itself
    pass
else:
    # few examples by default, so `make test` stays fast; HYPOTHESIS_PROFILE=ci (what CI runs) or
    # long (the 10,000 of issue 15) for more (each example is a kg build: no deadline)
    _settings.register_profile("default", max_examples=25, deadline=None)
    _settings.register_profile("ci", max_examples=500, deadline=None)       # .ci/run: ~15 s more
    _settings.register_profile("long", max_examples=10_000, deadline=None)
    import os as _os

    _settings.load_profile(_os.environ.get("HYPOTHESIS_PROFILE", "default"))
