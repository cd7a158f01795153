"""URL lists: a `urls.txt` or `*.urls.txt` file of one http(s) URL a line (blank lines and `#` comments
skipped). Reading the URLs is `exodus.sources.web`'s."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from exodus.errors import InputError

URL_LIST_NAME = "urls.txt"
URL_LIST_SUFFIX = ".urls.txt"


def is_url(text: str) -> bool:
    """True for what names a web input (http:// or https://), as opposed to a path."""
    return text[:8].lower().startswith(("http://", "https://"))


def is_url_list(path: Path) -> bool:
    name = path.name.lower()
    return name == URL_LIST_NAME or (name.endswith(URL_LIST_SUFFIX) and len(name) > len(URL_LIST_SUFFIX))


def listed_urls(path: Path) -> Iterator[tuple[str, str] | InputError]:
    """`(FILE:LINE, URL)` for every URL of the list; a line that is no http(s) URL is an `InputError`."""
    try:
        text = path.read_bytes().decode("utf-8-sig", "replace")
    except OSError as err:
        yield InputError(str(path), f"cannot be read ({err.strerror or err})")
        return
    found = False
    for number, line in enumerate(text.splitlines(), 1):
        line = line.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        where = f"{path}:{number}"
        if not is_url(line) or any(c.isspace() for c in line):
            yield InputError(where, f"not an http(s) URL: {line[:80]!r}; skipped")
            continue
        found = True
        yield where, line
    if not found:
        yield InputError(str(path), "URL list without URLs (one http:// or https:// URL a line)")
