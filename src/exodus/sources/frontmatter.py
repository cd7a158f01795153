"""Front matter of Markdown/text articles: a `---` block of `key: value` lines at the top."""
from __future__ import annotations

import re

_BLOCK = re.compile(r"\A---[ \t]*\r?\n(?:(.*?)\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)
_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Return (metadata, body). Text without a front-matter block is all body."""
    match = _BLOCK.match(text)
    if not match:
        return {}, text
    meta: dict[str, str] = {}
    for line in (match.group(1) or "").splitlines():
        found = _LINE.match(line)
        if found:
            value = found.group(2)
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                value = value[1:-1]
            meta[found.group(1).lower()] = value
    return meta, text[match.end():]
