"""Bytes to text: BOMs, strict UTF-8, then charset-normalizer's detection.

Order (the WHATWG encoding sniffing order, simplified):
1. a byte-order mark names the encoding (UTF-8, UTF-16 LE/BE, UTF-32);
2. bytes that decode as strict UTF-8 are UTF-8;
3. otherwise charset-normalizer chooses; when cp1252 fits the bytes as well
   as its first choice (it reports equivalent code pages), or it guesses
   Latin-1, the text is read as cp1252, the WHATWG default for Western text
   and what browsers do for ISO-8859-1 labelled pages.
Bytes with NUL characters and no UTF-16/32 structure are reported as binary.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

from pipeline.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_LATIN1_NAMES = {"latin_1", "latin-1", "iso8859_1", "iso8859-1", "iso-8859-1", "l1"}
_CONTROL_OK = {"\t", "\n", "\r", "\f", "\v"}


@dataclass(frozen=True)
class Decoded:
    """Decoded text and the encoding it was read with."""

    text: str
    encoding: str


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:20000]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in _CONTROL_OK) or ch == "\ufffd")
    return bad / len(sample)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM shows NULs at every other byte for ASCII."""
    if len(data) < 4:
        return None
    even, odd = data[0::2], data[1::2]
    for zeros, enc in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros.count(0) > 0.4 * len(zeros):
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                return None
    return None


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode ``data``; raise :class:`InputError` for empty, binary or undecodable bytes.

    ``declared`` is an encoding the container names (an HTML ``<meta charset>``);
    it is used when the bytes are not UTF-8 and it decodes them cleanly.
    """
    if not data.strip():
        raise InputError("empty file")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(enc)
            except UnicodeDecodeError as err:
                raise InputError(f"undecodable bytes: {enc} byte-order mark but {err.reason}") from err
            if not text.strip():
                raise InputError("empty file")
            return Decoded(text, enc)
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is not None and _control_ratio(text) < 0.01:
            return Decoded(text, "utf-16")
        raise InputError("binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _control_ratio(text) > 0.05:
            raise InputError("binary file (mostly control characters)")
        return Decoded(text, "utf-8")
    if declared:
        try:
            name = codecs.lookup(declared).name
            if name in _LATIN1_NAMES:
                name = "cp1252"
            return Decoded(data.decode(name), name)
        except (LookupError, UnicodeDecodeError):
            pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError("undecodable bytes: no text encoding fits")
    encoding = best.encoding
    if encoding.lower() in _LATIN1_NAMES or "cp1252" in best.could_be_from_charset:
        try:
            return Decoded(data.decode("cp1252"), "cp1252")
        except UnicodeDecodeError:
            pass
    text = str(best)
    if _control_ratio(text) > 0.05:
        raise InputError(f"binary file (decodes as {encoding} only to control characters)")
    return Decoded(text, encoding)
