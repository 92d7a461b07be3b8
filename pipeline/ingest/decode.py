"""Bytes to text: BOMs, strict UTF-8, UTF-8 with a few stray bytes, cp1252, then detection.

Order (the WHATWG encoding sniffing order, with Western defaults first):
1. a byte-order mark names the encoding (UTF-8, UTF-16 LE/BE, UTF-32);
2. bytes that decode as strict UTF-8 are UTF-8;
3. UTF-8 with a few stray bytes (valid multi-byte sequences outnumber the
   invalid ones at least ``UTF8_MIN_VALID_RATIO`` to one) is UTF-8, the stray
   bytes replaced by U+FFFD and counted in :attr:`Decoded.replaced`;
4. an encoding the container declares (HTML ``<meta charset>``), when it
   decodes the bytes cleanly (Latin-1 labels read as cp1252, as browsers do);
5. line by line, when some lines are UTF-8 with non-ASCII characters and the others are not
   UTF-8 but Western cp1252 (a file joined from two exports);
6. cp1252, whenever the bytes decode as cp1252 (Python's cp1252 leaves its five
   undefined bytes undecodable, so no C1 control character can appear) and
   the text is Western-looking: at most ``CP1252_MAX_HIGH_SHARE`` of its
   letters are non-ASCII (legacy CJK or Cyrillic bytes decode as runs of
   accented letters and fail this);
7. only then charset-normalizer's guess.
Bytes with NUL characters and no UTF-16/32 structure are reported as binary.
:func:`decode_note` says, in one line, when a decoding could not be proven
right (not UTF-8, or replaced characters), for the ingest log.
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
UTF8_MIN_VALID_RATIO = 4.0
CP1252_MAX_HIGH_SHARE = 0.2
MIXED = "utf-8+cp1252"  # line by line (_mixed_lines)
_UNPROVEN_OK = {"utf-8", "ascii", "utf-16", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"}


@dataclass(frozen=True)
class Decoded:
    """Decoded text and the encoding it was read with."""

    text: str
    encoding: str
    replaced: int = 0  # stray bytes decoded as U+FFFD


def decode_note(decoded: Decoded) -> str:
    """A one-line note when the decoding is a choice, not a proof ("" for UTF-8/UTF-16/BOM)."""
    if decoded.replaced:
        share = decoded.replaced / max(len(decoded.text), 1)
        return (f"decoded as {decoded.encoding} with {decoded.replaced} undecodable byte(s) "
                f"replaced ({share:.2%} of characters)")
    if decoded.encoding == MIXED:
        return "decoded line by line: UTF-8, and cp1252 for the lines that are not UTF-8"
    if decoded.encoding.lower() not in _UNPROVEN_OK:
        return f"not UTF-8: decoded as {decoded.encoding}"
    return ""


def _utf8_with_strays(data: bytes) -> Decoded | None:
    """UTF-8 text with a few invalid bytes: decoded with replacement, or None."""
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    if invalid > 0 and valid >= UTF8_MIN_VALID_RATIO * invalid:
        return Decoded(text, "utf-8", replaced=invalid)
    return None


def _mixed_lines(data: bytes) -> Decoded | None:
    """Files joined from UTF-8 and cp1252 parts (exports concatenated, a row pasted from another
    tool): each line read as UTF-8 when it is, else as Western cp1252; None unless some line is
    UTF-8 with non-ASCII characters and every other line decodes as cp1252."""
    lines = data.splitlines(keepends=True)
    out: list[str] = []
    utf8 = legacy = 0
    for line in lines:
        try:
            text = line.decode("utf-8")
            utf8 += any(ord(ch) > 127 for ch in text)
        except UnicodeDecodeError:
            western = _western_cp1252(line)
            if western is None:
                return None
            text, legacy = western, legacy + 1
        out.append(text)
    return Decoded("".join(out), MIXED) if utf8 and legacy else None


def _western_cp1252(data: bytes) -> str | None:
    """The cp1252 reading of ``data`` when it decodes and looks like Western text."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [ch for ch in text if ch.isalpha()]
    high = sum(1 for ch in letters if ord(ch) > 127)
    if letters and high > CP1252_MAX_HIGH_SHARE * len(letters):
        return None
    return text


def _control_ratio(text: str, replacement_counts: bool = True) -> float:
    """Share of control characters (and, unless the bytes held them literally, U+FFFD) in ``text``."""
    if not text:
        return 0.0
    sample = text[:20000]
    bad = sum(1 for ch in sample
              if (ord(ch) < 32 and ch not in _CONTROL_OK) or (replacement_counts and ch == "\ufffd"))
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
        # valid UTF-8: a U+FFFD is in the file itself (text once decoded lossily), not a decoding failure
        if _control_ratio(text, replacement_counts=False) > 0.05:
            raise InputError("binary file (mostly control characters)")
        return Decoded(text, "utf-8")
    strays = _utf8_with_strays(data)
    if strays is not None:
        return strays
    if declared:
        try:
            name = codecs.lookup(declared).name
            if name in _LATIN1_NAMES:
                name = "cp1252"
            return Decoded(data.decode(name), name)
        except (LookupError, UnicodeDecodeError):
            pass
    mixed = _mixed_lines(data)
    if mixed is not None and _control_ratio(mixed.text) <= 0.05:
        return mixed
    western = _western_cp1252(data)
    if western is not None and _control_ratio(western) <= 0.05:
        return Decoded(western, "cp1252")
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError("undecodable bytes: no text encoding fits")
    encoding = best.encoding
    if encoding.lower() in _LATIN1_NAMES:
        encoding = "cp1252"  # what browsers read ISO-8859-1 as; the undefined bytes stay latin-1
        text = data.decode("cp1252", errors="replace")
        if "\ufffd" in text:
            text, encoding = data.decode("latin-1"), "latin-1"
    else:
        text = str(best)
    if _control_ratio(text) > 0.05:
        raise InputError(f"binary file (decodes as {encoding} only to control characters)")
    return Decoded(text, encoding)
