"""Bytes to text, strictly: UTF-8 (or UTF-8/16/32 with a byte-order mark) as it is; another
character set only for a whole file that holds no UTF-8 at all, and then said so.

A UTF-8 file with one bad byte is an error naming the byte, never a file silently read
in another character set ("Łukasz" read as Windows-1250 becomes "ŇĀukasz").
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from exodus.errors import InputError

_CONTROL = set(range(0, 32)) - {9, 10, 12, 13}
# Longest first: the UTF-32 little-endian mark begins with the UTF-16 one.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# A well-formed UTF-8 sequence of two to four bytes: text that holds one is UTF-8 text.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


@dataclass(frozen=True)
class Decoded:
    text: str
    fallback: str | None = None
    """The character set used when the data was not Unicode (None for UTF-8/16/32)."""


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or many control characters, in the first 8 kB mean not text."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b in _CONTROL)
    return bool(head) and controls / len(head) > 0.05


def bom_encoding(data: bytes) -> str | None:
    """The Unicode encoding a byte-order mark at the start of `data` announces."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def decode_document(data: bytes, where: str) -> Decoded:
    """Decode one whole file: Unicode strictly, else (no UTF-8 in it at all) its detected charset."""
    marked = bom_encoding(data)
    if marked:
        try:
            return Decoded(data.decode(marked))
        except UnicodeDecodeError as err:
            raise InputError(where, f"invalid {marked.removesuffix('-sig').upper()} at byte {err.start} "
                                    f"despite its byte-order mark") from None
    if looks_binary(data):
        raise InputError(where, "binary data, not text (expected a .txt, .md, .html or .jsonl article)")
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError as err:
        if _UTF8_MULTIBYTE.search(data):
            raise InputError(where, f"invalid UTF-8 at byte {err.start} (0x{data[err.start]:02x}) in a file that "
                                    f"is otherwise UTF-8; fix the byte or convert the file") from None
    encoding = detect_encoding(data)
    if encoding is None:
        raise InputError(where, "not UTF-8 and no character set could be detected; convert it to UTF-8")
    return Decoded(data.decode(encoding, errors="replace"), fallback=encoding)


def decode_line(data: bytes, where: str) -> str:
    """One line of a documents JSONL: UTF-8 only (JSON text is UTF-8), a byte-order mark allowed."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(where, f"invalid UTF-8 at byte {err.start} of the line (JSON lines must be UTF-8)") from None


def unpaired_surrogate(text: str) -> int | None:
    """The position of the first lone surrogate in `text` (not Unicode text; JSON allows "\\ud800"), or None."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as err:
        return err.start
    return None


# Among encodings that explain the bytes equally well, the ones English-language news
# is most often written in. charset-normalizer breaks such ties by name, and Windows-1250
# (Central European) then wins over Windows-1252, turning "Muñoz" into "Muńoz".
_PREFERRED_ON_TIE = ("cp1252", "iso8859_15", "latin_1", "mac_roman")
_TIE = 0.005


def detect_encoding(data: bytes) -> str | None:
    """The character set that best explains `data`, or None when nothing does."""
    matches = list(from_bytes(data))
    if not matches:
        return None
    best = matches[0]
    tied = {m.encoding for m in matches
            if abs(m.chaos - best.chaos) <= _TIE and abs(m.coherence - best.coherence) <= _TIE}
    for encoding in _PREFERRED_ON_TIE:
        if encoding in tied:
            return encoding
    return best.encoding
