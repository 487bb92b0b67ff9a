"""Every `$ kg ...` example of README.md is run, in order, in one scratch directory, and what the
README shows under it is what kg prints (issue 15: its figures had gone stale unnoticed).

Generic over whatever examples the README holds: a command is a ```-fenced line starting with
`$ kg ` (continued while its quotes are open or it ends in a backslash); its output is the lines
after it up to the next command or the end of the fence. In the shown output, a line `…` stands for
any lines, a line ending in `…` for any line that starts so, and durations (`0.9 s`) and rates
(`8.1 MB/s`) for any number. A command shown with no output must only succeed. Examples that read
`../shared` (the project's shared development data, not shipped) skip when it is absent.
"""
from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# the shared data beside the clone; GOVKG_SHARED names another place (a path that does not exist: as
# on a fresh clone)
SHARED = Path(os.environ.get("GOVKG_SHARED", ROOT.parent / "shared"))
FENCE = re.compile(r"^```(\S*)\s*$")
# what changes from run to run: how long it took, how fast
VARYING = [(re.compile(r"\b\d+(?:\.\d+)? s\b"), "<time> s"), (re.compile(r"\b\d+(?:\.\d+)? MB/s\b"), "<rate> MB/s")]


@dataclass
class Example:
    line: int            # of README.md, 1-based
    command: str
    shown: list

    @property
    def args(self) -> list:
        return shlex.split(self.command, comments=True)

    @property
    def needs_shared(self) -> bool:
        return any(a.startswith("../shared") for a in self.args)


def _complete(command: str) -> bool:
    if command.endswith("\\"):
        return False
    try:
        shlex.split(command, comments=True)
    except ValueError:      # a quote still open
        return False
    return True


def examples(text: str) -> list[Example]:
    found, fence = [], None
    current = None
    for n, line in enumerate(text.splitlines(), 1):
        m = FENCE.match(line)
        if m:
            fence = None if fence is not None else m[1]
            current = None
            continue
        if fence is None or fence not in ("", "console", "shell", "sh", "bash"):
            continue
        if current is not None and not _complete(current.command):
            current.command += "\n" + line
            continue
        if line.startswith("$ "):
            current = Example(n, line[2:], [])
            if not _complete(current.command) or current.args[:1] == ["kg"]:
                found.append(current)
            continue
        if current is not None:
            current.shown.append(line)
    for ex in found:
        while ex.shown and not ex.shown[-1].strip():
            ex.shown.pop()
        ex.command = ex.command.replace("\\\n", " ")
    return [ex for ex in found if ex.args[:1] == ["kg"]]


def _normal(line: str) -> str:
    line = line.rstrip()
    for pattern, repl in VARYING:
        line = pattern.sub(repl, line)
    return line


def matches(shown: list, printed: list) -> bool:
    """Whether PRINTED is what SHOWN shows, its `…` lines standing for any lines."""
    shown = [_normal(s) for s in shown]
    printed = [_normal(p) for p in printed]

    def at(i: int, j: int) -> bool:
        if i == len(shown):
            return j == len(printed)
        if shown[i].strip() == "…":
            return any(at(i + 1, k) for k in range(j, len(printed) + 1))
        if j == len(printed):
            return False
        s, p = shown[i], printed[j]
        same = p.startswith(s[:-1].rstrip()) if s.endswith("…") else s == p
        return same and at(i + 1, j + 1)

    return at(0, 0)


README = (ROOT / "README.md").read_text(encoding="utf-8")
EXAMPLES = examples(README)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    """A directory like a fresh clone's root (kg/samples and queries/ in it), ../shared beside it
    when the project's shared data is there."""
    base = tmp_path_factory.mktemp("readme")
    work = base / "clone"
    work.mkdir()
    (work / "kg").mkdir()
    (work / "kg" / "samples").symlink_to(ROOT / "kg" / "samples")
    (work / "queries").symlink_to(ROOT / "queries")
    if SHARED.is_dir():
        (base / "shared").symlink_to(SHARED)
    return work


def test_the_readme_has_examples_to_run():
    assert len(EXAMPLES) >= 10 and all(ex.args[0] == "kg" for ex in EXAMPLES)


@pytest.mark.parametrize("ex", EXAMPLES, ids=[f"L{ex.line}-{' '.join(ex.args[1:3])}" for ex in EXAMPLES])
def test_readme_example(scratch, ex):
    if ex.needs_shared and not SHARED.is_dir():
        pytest.skip("needs ../shared, the project's shared development data")
    # (the scratch kg/, with no __init__.py, does not hide the installed package: a regular package
    # anywhere on the path wins over a namespace directory)
    r = subprocess.run([sys.executable, "-c", "from kg.cli import main; main()", *ex.args[1:]], cwd=scratch,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, f"README.md:{ex.line}: $ {ex.command}\n{r.stderr}"
    printed = (r.stdout + r.stderr).splitlines()
    if ex.shown:
        assert matches(ex.shown, printed), (f"README.md:{ex.line}: $ {ex.command}\nshown:\n" + "\n".join(ex.shown)
                                            + "\nprinted:\n" + "\n".join(printed))


def test_matches_allows_times_and_elisions_only():
    shown = ["a: 12 triples in 0.9 s", "…", "row 1…", "end"]
    assert matches(shown, ["a: 12 triples in 3.25 s", "x", "y", "row 1 and more", "end"])
    assert matches(shown, ["a: 12 triples in 3.25 s", "row 1", "end"])
    assert not matches(shown, ["a: 13 triples in 0.9 s", "row 1", "end"])
    assert not matches(shown, ["a: 12 triples in 0.9 s", "row 2", "end"])
    assert not matches(shown, ["a: 12 triples in 0.9 s", "row 1", "end", "more"])


def test_examples_are_found_with_their_continuations():
    text = "```\n$ kg query g 'SELECT\n  ?x'\nx\n-\n\n$ kg eval g --gold a \\\n   --gold b\nok\n```\n" \
           "```sparql\n$ kg not this\n```\n"
    found = examples(text)
    assert [ex.args for ex in found] == [["kg", "query", "g", "SELECT\n  ?x"], ["kg", "eval", "g", "--gold", "a",
                                                                                "--gold", "b"]]
    assert found[0].shown == ["x", "-"] and found[1].shown == ["ok"]


# ------------------------------------------------------------------ the examples of every command's --help

def _help_examples() -> list:
    """The `kg ...` lines of each command's --help that read only the built graph (out/graph.ttl)
    and files of the project: no pipes, no ../shared, no placeholders for the user's files."""
    import click

    from kg.cli import COMMANDS, cli

    found = []
    # kg serve runs until it is stopped: run to completion, its example only ended at the
    # subprocess timeout (300 s) and failed; tests/test_serve.py starts and stops the server
    for name in sorted(set(COMMANDS) - {"serve"}):
        command = cli.get_command(click.Context(cli), name)
        text = command.help or ""
        for line in text.split("Examples:")[-1].splitlines() if "Examples:" in text else []:
            line = line.strip().replace("\\\\", "\\")
            if not line.startswith("kg ") or "|" in line or line.endswith("\\"):
                continue
            args = shlex.split(line, comments=True)
            if name == "serve":
                continue     # a server runs until stopped: tests/test_serve.py runs it
            if len(args) > 2 and args[2] == "out/graph.ttl" and not any(
                    a.startswith(("../", "pages", "G.json")) or a == "-" for a in args):
                found.append(args)
    return found


HELP_EXAMPLES = _help_examples()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    work = tmp_path_factory.mktemp("help")
    (work / "queries").symlink_to(ROOT / "queries")
    r = subprocess.run([sys.executable, "-c", "from kg.cli import main; main()", "build", "-o", "out/graph.ttl", "-q"],
                       cwd=work, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    return work


@pytest.mark.parametrize("args", HELP_EXAMPLES, ids=[" ".join(a[1:2] + a[3:5]) for a in HELP_EXAMPLES])
def test_help_example_works_on_the_built_in_sample(built, args):
    """Two did not: a DESCRIBE of a person the sample does not have printed nothing, a --focus on
    one was refused."""
    r = subprocess.run([sys.executable, "-c", "from kg.cli import main; main()", *args[1:]], cwd=built,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, f"{' '.join(args)}\n{r.stderr}"
    if args[1] == "query":
        body = [ln for ln in r.stdout.splitlines() if ln.strip() and not ln.startswith("@prefix")]
        assert body and body != ["(0 rows)"], f"{' '.join(args)} prints nothing"


def test_there_are_help_examples_to_run():
    assert {a[1] for a in HELP_EXAMPLES} >= {"query", "view", "stats", "validate", "export"}
