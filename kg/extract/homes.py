"""What a build knows of each page besides its text: its home and its publication date.

The home is the county-level area whose paper or site published the page (kg.resolve.Context):
given for every input (``kg build --home``), per file (``--manifest``), or inferred from each
page when neither names it. The publication date gives a month-day date in the text its year.
Both travel with the page as one string (its *spec*: ``"district,city,province|YYYY-MM-DD"``), part of
its cache key, so the same text under another home is extracted again.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KgError

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def page_spec(home: str = "", date: str = "") -> str:
    return f"{home}|{date}" if date else home


def parse_home(value: str) -> str:
    """``--home`` as "district,city,province": 八公山区 alone is completed from the gazetteer;
    a name it does not hold must come with its city and province."""
    from kg.extract.gazetteer import resolve_home

    parts = [p.strip() for p in re.split(r"[,，、]", value) if p.strip()]
    if not parts or len(parts) > 3:
        raise KgError(f"--home {value!r}: give a district or county, optionally with its city and province "
                      "(八公山区 or 八公山区,淮南市,安徽省)")
    try:
        h = resolve_home(",".join(parts))
    except ValueError as e:
        raise KgError(f"--home {value}: {e}") from None
    return ",".join((h.district, h.city, h.province))


@dataclass
class Homes:
    """Home and date per page: one for all (``home``/``date``), or per file from a manifest."""
    home: str = ""                                   # "district,city,province" for every page
    date: str = ""
    by_path: dict = field(default_factory=dict)      # absolute path -> (home, date)
    by_name: dict = field(default_factory=dict)      # file name as written in the manifest -> (home, date)

    def spec(self, src) -> str:
        got = self.by_path.get(src.path) or self.by_name.get(src.name) or \
            self.by_name.get(os.path.basename(src.name)) if (self.by_path or self.by_name) else None
        return page_spec(*got) if got is not None else page_spec(self.home, self.date)


def load_manifest(path: str) -> Homes:
    """A JSON list of {"file", "district", "city", "province", "date"} (file relative to the
    manifest; date the publication date, or null). Any fault is one KgError naming the file."""
    p = Path(path)
    try:
        rows = json.loads(p.read_text(encoding="utf-8-sig"))
    except OSError as e:
        raise KgError(f"{path}: cannot read the manifest ({e.strerror or e})") from None
    except (ValueError, UnicodeDecodeError) as e:
        raise KgError(f"{path}: not a JSON manifest ({e})") from None
    if not isinstance(rows, list):
        raise KgError(f"{path}: a manifest is a JSON list of {{\"file\", \"district\", \"city\", \"province\", \"date\"}}")
    homes = Homes()
    for k, row in enumerate(rows, 1):
        if not isinstance(row, dict) or not isinstance(row.get("file"), str) or not row["file"]:
            raise KgError(f"{path}: entry {k} has no \"file\"")
        vals = []
        for f in ("district", "city", "province"):
            v = row.get(f) or ""
            if not isinstance(v, str) or "," in v or "|" in v:
                raise KgError(f"{path}: entry {k} ({row['file']}): \"{f}\" must be a name")
            vals.append(v.strip())
        date = row.get("date") or ""
        if not isinstance(date, str) or (date and not _DATE.match(date)):
            raise KgError(f"{path}: entry {k} ({row['file']}): \"date\" must be YYYY-MM-DD or null")
        home = ",".join(vals) if vals[0] else ""
        homes.by_path[str((p.parent / row["file"]).resolve())] = (home, date)
        homes.by_name[row["file"]] = (home, date)
    return homes
