"""Near-duplicate articles (syndicated wire copy): bottom-k MinHash over word shingles."""
from __future__ import annotations

import hashlib
import sqlite3

from exodus.extraction.lexicon import fold_name

SKETCH_SIZE = 64
SHINGLE_WORDS = 5


def sketch(text: str) -> list[int]:
    """The SKETCH_SIZE smallest 63-bit hashes of the text's word 5-grams."""
    words = fold_name(text).split()
    shingles = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    hashes = {int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "big") >> 1 for s in shingles}
    return sorted(hashes)[:SKETCH_SIZE]


def similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of the two shingle sets from their sketches."""
    if not a or not b:
        return 0.0
    union = sorted(set(a) | set(b))[:SKETCH_SIZE]
    both = set(a) & set(b)
    return sum(1 for h in union if h in both) / len(union)


def find_original(conn: sqlite3.Connection, document_id: int, hashes: list[int], threshold: float) -> int | None:
    """The earliest stored article this one is a copy of, or None."""
    if not hashes:
        return None
    marks = ",".join("?" * len(hashes))
    # A copy shares most of its sketch; require a good part of it before comparing.
    needed = max(1, int(len(hashes) * threshold / 2))
    candidates = [row[0] for row in conn.execute(
        f"SELECT document_id FROM document_sketches WHERE hash IN ({marks}) AND document_id != ? "
        "GROUP BY document_id HAVING count(*) >= ? ORDER BY document_id LIMIT 20", (*hashes, document_id, needed))]
    for candidate in candidates:
        other = [row[0] for row in conn.execute(
            "SELECT hash FROM document_sketches WHERE document_id = ? ORDER BY hash", (candidate,))]
        if similarity(hashes, other) >= threshold:
            root = conn.execute("SELECT coalesce(duplicate_of, id) FROM documents WHERE id = ?",
                                (candidate,)).fetchone()[0]
            return int(root)
    return None


def store_sketch(conn: sqlite3.Connection, document_id: int, hashes: list[int]) -> None:
    conn.execute("DELETE FROM document_sketches WHERE document_id = ?", (document_id,))
    conn.executemany("INSERT OR IGNORE INTO document_sketches(document_id, hash) VALUES (?, ?)",
                     [(document_id, h) for h in hashes])
