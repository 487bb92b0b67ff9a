"""Where ../shared lives beside the checkout, and the reference scorer loaded from it by path.

Tests that use it skip when ../shared is absent (CI has it; a bare clone does not).
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SCORER = SHARED / "eval" / "score.py"


def load_scorer():
    """shared/eval/score.py as a module (it is a script, not an installed package)."""
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod
