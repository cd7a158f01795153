"""Bytes to text: detect binary input and the character set before decoding."""
from __future__ import annotations

from charset_normalizer import from_bytes

from exodus.errors import InputError

_CONTROL = set(range(0, 32)) - {9, 10, 12, 13}


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or many control characters, in the first 8 kB mean not text."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b in _CONTROL)
    return bool(head) and controls / len(head) > 0.05


def decode_text(data: bytes, where: str) -> str:
    """Decode `data` as UTF-8 when it is, otherwise as the detected charset."""
    if looks_binary(data):
        raise InputError(where, "binary data, not text (expected a .txt, .md, .html or .jsonl article)")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    encoding = detect_encoding(data)
    if encoding is None:
        raise InputError(where, "not UTF-8 and no character set could be detected; convert it to UTF-8")
    return data.decode(encoding, errors="replace")


# Among encodings that explain the bytes equally well, the ones English-language news
# is most often written in. charset-normalizer breaks such ties by name, and Windows-1250
# (Central European) then wins over Windows-1252, turning "Muñoz" into "Muńoz".
_PREFERRED_ON_TIE = ("cp1252", "iso8859_15", "latin_1", "utf_16", "mac_roman")
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
