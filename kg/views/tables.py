"""Aligned plain-text tables for the shell, shared by stats, eval and query.

Chinese characters take two terminal columns, so widths are counted in display cells
(East Asian Wide/Fullwidth = 2), not in code points; otherwise a column of names such as
万玲玲 pushes every number after it out of line.
"""
from __future__ import annotations

import unicodedata
from typing import Iterable, Sequence

def cell_width(text: str) -> int:
    """Terminal columns taken by ``text`` (wide CJK characters count two, combining marks zero)."""
    w = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


def fmt_cell(value) -> str:
    """How one value prints: None as empty, floats with three decimals, the rest as str."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.3f}"
    # Newlines or tabs inside a value would break the row; a table shows one line per row.
    return " ".join(str(value).split()) if any(c in str(value) for c in "\n\r\t") else str(value)


def _is_numeric(cells: Iterable[str]) -> bool:
    """Every non-empty cell a number (dates such as 2023-03-06 are not, and stay left)."""
    seen = False
    for c in cells:
        if c == "":
            continue
        try:
            float(c[:-1] if c.endswith("%") else c)
        except ValueError:
            return False
        seen = True
    return seen


def _pad(text: str, width: int, right: bool) -> str:
    fill = " " * (width - cell_width(text))
    return fill + text if right else text + fill


def render_table(headers: Sequence[str], rows: Iterable[Sequence], *, title: str | None = None,
                 indent: str = "", max_width: int = 60) -> str:
    """One table as text: a header row, a rule, then rows; numeric columns right-aligned.

    Cells longer than ``max_width`` display cells are cut with an ellipsis so one long
    evidence sentence does not stretch the whole table.
    """
    body = [[_clip(fmt_cell(v), max_width) for v in r] for r in rows]
    heads = [str(h) for h in headers]
    ncol = len(heads)
    for r in body:
        if len(r) != ncol:
            raise ValueError(f"row has {len(r)} cells, table has {ncol} columns")
    widths = [max([cell_width(heads[i])] + [cell_width(r[i]) for r in body]) for i in range(ncol)]
    right = [_is_numeric(r[i] for r in body) for i in range(ncol)]
    lines = []
    if title:
        lines.append(indent + title)
    lines.append(indent + "  ".join(_pad(heads[i], widths[i], right[i]) for i in range(ncol)).rstrip())
    lines.append(indent + "  ".join("-" * widths[i] for i in range(ncol)))
    for r in body:
        lines.append(indent + "  ".join(_pad(r[i], widths[i], right[i]) for i in range(ncol)).rstrip())
    return "\n".join(lines)


def _clip(text: str, max_width: int) -> str:
    if max_width <= 0 or cell_width(text) <= max_width:
        return text
    out, w = [], 0
    for ch in text:
        cw = cell_width(ch)
        if w + cw > max_width - 1:
            break
        out.append(ch)
        w += cw
    return "".join(out) + "…"
