"""Fixtures shared by several test modules."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def reference():
    """jieba's own full dictionary: a separate Tokenizer initialized the usual way, and posseg's
    tags; what kg.segment and kg.dictcache must agree with."""
    import logging

    jieba = pytest.importorskip("jieba")
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    return tk, jieba.posseg.dt.word_tag_tab
