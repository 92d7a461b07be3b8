"""Decoding: BOMs, UTF-8, UTF-16, cp1252 fallback, and the bad-byte cases."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.errors import InputError
from pipeline.ingest.decode import decode_bytes, decode_note

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


def test_utf8_with_literal_replacement_characters_is_text() -> None:
    # a file once decoded lossily keeps its U+FFFD characters as valid UTF-8 (hypothesis found "\ufffd")
    for text in ("\ufffd", "Parkinson\ufffds disease \ufffd\ufffd\ufffd"):
        assert decode_bytes(text.encode("utf-8")).text == text


# Written for these tests: Western text with curly quotes, dashes and accented names.
WESTERN = [
    "The patient’s “response” – measured at week 12 — was durable.\n",
    "Dr. José Müller and Françoise Lefèvre reported it in Zürich.\n",
    "Smart ‘single’ quotes, an ellipsis… and a bullet • list.\n",
]


@pytest.mark.parametrize("text", WESTERN)
def test_cp1252_wins_over_detector_guesses(text: str) -> None:
    decoded = decode_bytes(text.encode("cp1252"))
    assert (decoded.text, decoded.encoding) == (text, "cp1252")
    assert decode_note(decoded) == "not UTF-8: decoded as cp1252"


@pytest.mark.parametrize(
    "text",
    ["Parkinson's disease in Köln and Orléans, naïve patients.\n",
     "Café au lait spots: 3 of 10 patients (señor García).\n" * 3],
)
def test_latin1_english_is_not_cjk(text: str) -> None:
    decoded = decode_bytes(text.encode("latin-1"))
    assert decoded.text == text
    assert decoded.encoding == "cp1252"


def test_utf8_with_a_stray_byte_stays_utf8() -> None:
    good = "MSCs’ “paracrine” effects — IL-10, TGF-β.\n" * 20
    data = good.encode("utf-8") + b"A stray \x92 byte.\n"
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8"
    assert decoded.text == good + "A stray \ufffd byte.\n"
    assert decoded.replaced == 1
    assert "1 undecodable byte(s) replaced" in decode_note(decoded)


def test_utf8_is_not_noted() -> None:
    assert decode_note(decode_bytes("plain – text".encode())) == ""


def test_cjk_legacy_bytes_still_detected() -> None:
    text = "间充质干细胞通过旁分泌作用调节免疫反应。" * 20
    decoded = decode_bytes(text.encode("gb18030"))
    assert decoded.encoding != "cp1252"
    assert decoded.text == text


def test_utf8_and_cp1252_lines_are_each_read_right() -> None:
    data = "title,abstract\nT\u00e9,IL-6 \u2013 rises.\n".encode() + b"T2,caf\xe9 ok\n"
    decoded = decode_bytes(data)
    assert decoded.text == "title,abstract\nT\u00e9,IL-6 \u2013 rises.\nT2,caf\u00e9 ok\n"
    assert decode_note(decoded).startswith("decoded line by line")
    # all lines cp1252: the whole file is cp1252, as before
    assert decode_bytes(b"caf\xe9 \x96 ok\n").encoding == "cp1252"
