"""kg.shards: the line sort every page and build goes through."""
import random

from kg.shards import sorted_unique


def _reference(nt: bytes) -> bytes:
    """sorted_unique as first written: every line ends in \\n, lines sorted by bytes, no repeats."""
    lines = sorted({ln if ln.endswith(b"\n") else ln + b"\n" for ln in nt.splitlines(keepends=True)})
    return b"".join(lines)


def test_sorted_unique_on_random_bytes_with_every_kind_of_line_end():
    rng = random.Random(5)
    pieces = [b"<a>", b"<b>", b" ", b"\n", b"\r", b"\r\n", b"\x01", b"\xe4\xb8\x87", b'"x"@zh']
    for _ in range(5000):
        nt = b"".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert sorted_unique(nt) == _reference(nt), nt


def test_sorted_unique_orders_a_line_before_its_longer_neighbour():
    nt = b'<a> <p> "x!" .\n<a> <p> "x" .\n<a> <p> "x" .\n<a> <p> "x\\t" .'
    assert sorted_unique(nt) == b'<a> <p> "x!" .\n<a> <p> "x" .\n<a> <p> "x\\t" .\n'
