"""Decoding: BOMs, UTF-8, UTF-16, cp1252 fallback, and the bad-byte cases."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.errors import InputError
from pipeline.ingest.decode import decode_bytes

TEXT = "Parkinson’s disease — MSCs secrete “BDNF” and TGF-β; café.\n" * 20


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8"), ("utf-16", "utf-16"), ("utf-16-le", "utf-16"),
     ("utf-16-be", "utf-16")],
)
def test_unicode_encodings(encoding: str, expected: str) -> None:
    decoded = decode_bytes(TEXT.encode(encoding))
    assert decoded.text == TEXT
    assert decoded.encoding.startswith(expected)


def test_cp1252_fallback() -> None:
    text = TEXT.replace("β", "beta")
    decoded = decode_bytes(text.encode("cp1252"))
    assert decoded.text == text
    assert decoded.encoding == "cp1252"


def test_latin1_declared_reads_as_cp1252() -> None:
    data = "Smart quotes ’ and dashes —.".encode("cp1252")
    assert decode_bytes(data, declared="iso-8859-1").text == "Smart quotes ’ and dashes —."


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", "empty"), (b"  \n\t \n", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01", "binary"),
     (bytes(range(256)) * 4, "binary")],
)
def test_bad_bytes(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode_bytes(data)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1))
def test_utf8_round_trip(text: str) -> None:
    if not text.strip():
        return
    assert decode_bytes(text.encode("utf-8")).text == text
