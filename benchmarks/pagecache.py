"""The operating system's page cache for a store's files: fill it (warm) or empty it (cold).

Latency depends on whether the pages a question reads are in memory. A server
whose store fits in memory has them there after a while: `warm` reads the files
once, as that server would have. `evict` drops them (posix_fadvise DONTNEED, clean
pages only), as after a reboot: every page a question needs is read from disk.

Some machines drop cached file pages on their own. The VM these benchmarks were
measured on runs the kernel's DAMON reclaim, which pages out file pages that no
one has touched for about 30 seconds, so a store read a minute ago is cold again;
`warm` is then called before each series of queries.
"""
from __future__ import annotations

import os
from pathlib import Path


def store_files(db: str | Path) -> list[Path]:
    return [p for p in (Path(f"{db}{suffix}") for suffix in ("", "-wal")) if p.exists()]


def warm(db: str | Path) -> int:
    """Read the store's files through the page cache; returns the bytes read."""
    total = 0
    for path in store_files(db):
        with path.open("rb", buffering=0) as fh:
            while chunk := fh.read(1 << 22):
                total += len(chunk)
    return total


def evict(db: str | Path) -> None:
    """Drop the store's files from the page cache, as far as the kernel lets us."""
    for path in store_files(db):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)
