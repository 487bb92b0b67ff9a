"""What every HTML page of the views is made with: its templates, the JSON it embeds, the hash its
CSP allows a script by, and the fonts for Chinese text (the canvas page kg.views.view, the pyvis
page kg.views.view_vis, the report)."""
from __future__ import annotations

import base64
import hashlib
import json
import re
from importlib import resources
from pathlib import Path

CJK_FONTS = ('"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", '
             '"Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif')


def template_text(name: str) -> str:
    try:
        return (resources.files("kg") / "templates" / name).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):  # pragma: no cover - running from an odd layout
        return (Path(__file__).resolve().parents[1] / "templates" / name).read_text(encoding="utf-8")


def json_for_script(obj) -> str:
    """JSON safe inside <script type=application/json>: no <, >, & or line separators left raw."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def fill(template: str, values: dict[str, str]) -> str:
    """Replace {{NAME}} markers in one pass, so inserted text is never scanned for markers."""
    return re.sub(r"\{\{([A-Z_]+)\}\}", lambda m: values[m.group(1)], template)
