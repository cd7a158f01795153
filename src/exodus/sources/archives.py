"""Archives: compressed documents JSONL (.jsonl.gz, .jsonl.zst) and web archives (.warc, .warc.gz).

This module opens and walks archives; turning lines and pages into documents stays in
`exodus.sources.reading`, so every input kind shares one set of checks and messages.
"""
from __future__ import annotations

import gzip
import io
import logging
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

import zstandard

from exodus.errors import InputError

# warcio logs what it repairs in a record (spaces in a URL); Exodus reports problems itself.
logging.getLogger("warcio").setLevel(logging.CRITICAL)

COMPRESSIONS = {".jsonl.gz": "gzip", ".jsonl.zst": "zstd"}
"""Suffixes of compressed documents JSONL and the compression each names."""

DAMAGED_STREAM = (EOFError, zlib.error, gzip.BadGzipFile, zstandard.ZstdError)
"""What reading a damaged or cut-short compressed stream raises."""

# Compressed bytes handed to zstd at once: the output of one call stays bounded (a zstd
# block of 128 kB can be a few bytes, so a bigger feed could unpack to gigabytes at once).
_ZSTD_FEED_BYTES = 1024
_READ_BYTES = 64 * 1024
_HTML_TYPES = ("text/html", "application/xhtml+xml")


class _ZstdReader(io.RawIOBase):
    """The frames of a zstd stream one after another, decompressed as they are read.

    Input that ends inside a frame raises EOFError: zstandard's own stream readers end
    such a stream silently, and a cut-short file would pass for a complete one.
    """

    def __init__(self, raw: BinaryIO):
        self._raw = raw
        self._decompressor = zstandard.ZstdDecompressor()
        self._frame: zstandard.ZstdDecompressionObj | None = None
        self._input = b""
        self._output = b""
        self._position = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        while self._position >= len(self._output):
            if not self._input:
                self._input = self._raw.read(_READ_BYTES)
                if not self._input:
                    if self._frame is not None and not self._frame.eof:
                        raise EOFError("the data ends inside a zstd frame (the file is cut short)")
                    return 0
            if self._frame is None or self._frame.eof:
                self._frame = self._decompressor.decompressobj()
            feed, self._input = self._input[:_ZSTD_FEED_BYTES], self._input[_ZSTD_FEED_BYTES:]
            self._output, self._position = self._frame.decompress(feed), 0
            if self._frame.eof:
                self._input = self._frame.unused_data + self._input
        size = min(len(buffer), len(self._output) - self._position)
        buffer[:size] = self._output[self._position:self._position + size]
        self._position += size
        return size


@contextmanager
def open_decompressed(path: Path, compression: str) -> Iterator[BinaryIO]:
    """`path` decompressed as it is read (`compression` is "gzip" or "zstd")."""
    with path.open("rb") as raw:
        if compression == "gzip":
            with gzip.GzipFile(fileobj=raw) as stream:
                yield stream  # type: ignore[misc]
        else:
            with io.BufferedReader(_ZstdReader(raw), _READ_BYTES) as stream:
                yield stream


def damaged_stream_problem(err: Exception, compression: str, line: int) -> str:
    """One line on a compressed stream that could not be read on from `line` on."""
    if line == 1:
        return f"not {compression} data, or damaged from the start ({one_line(err)})"
    return (f"{compression} data is damaged or cut short at line {line:,} ({one_line(err)}); "
            f"the {line - 1:,} lines before it were read")


def one_line(err: BaseException, limit: int = 120) -> str:
    """An exception's message as one short printable line (libraries put raw bytes in theirs)."""
    text = (str(err).strip().splitlines() or [type(err).__name__])[0]
    text = "".join(c if c.isprintable() else "?" for c in text)
    return text if len(text) <= limit else text[:limit] + "..."


@dataclass(frozen=True)
class WarcPage:
    """An HTML page a WARC archive holds: the response's body and what the archive says about it."""

    url: str
    html: bytes
    size: int
    """Bytes of the body; `html` holds at most the size limit plus one of them."""
    warc_date: str | None
    where: str
    """`FILE:URL`, for messages."""


def warc_pages(path: Path, max_bytes: int) -> Iterator[WarcPage | InputError]:
    """The HTML pages of `path` (responses with status 200 and an HTML content type); other records are
    skipped silently. A damaged record is an `InputError` and reading goes on; a damaged or cut-short
    archive is one `InputError` and ends the file."""
    from warcio.archiveiterator import ArchiveIterator

    class QuietArchiveIterator(ArchiveIterator):
        INC_RECORD = ""  # warcio writes this warning to stderr itself; the digest check reports damage

    record_offset = 0
    with path.open("rb") as fh:
        records = QuietArchiveIterator(fh, check_digests=True)
        try:
            for record in records:
                page = _html_response(record, max_bytes)
                truncated = _drain(record)
                record_offset = records.get_record_offset()
                if truncated:
                    yield InputError(str(path), f"archive cut short in the record at byte {record_offset:,} "
                                                f"(the records before it were read)")
                    return
                if page is not None:
                    yield _checked(page, record, path, record_offset)
                record_offset = records.offset
            # warcio ends quietly at a record it cannot begin to parse (a gzip member cut short).
            if record_offset < path.stat().st_size:
                yield InputError(str(path), f"archive cut short or damaged at byte {record_offset:,} "
                                            f"(the records before it were read)")
        # warcio has no single error type for damaged data: ArchiveLoadFailed, zlib.error, ValueError
        # from a header it cannot parse, EOFError, ... all mean the archive cannot be read on from here.
        except Exception as err:  # noqa: BLE001
            if record_offset == 0:
                yield InputError(str(path), f"not a WARC archive, or damaged from the start ({one_line(err)})")
            else:
                yield InputError(str(path), f"damaged archive at byte {record_offset:,} ({one_line(err)}); "
                                            f"the records before it were read")


def _checked(page: WarcPage, record, path: Path, offset: int) -> WarcPage | InputError:
    """`page` named by its URL, or the problem of its record."""
    if not page.url:
        return InputError(f"{path}:byte {offset}", "HTML response without a WARC-Target-URI; skipped")
    page = replace(page, where=f"{path}:{page.url}")
    if record.digest_checker.problems:
        return InputError(page.where, "damaged record (its digest does not match its content); skipped")
    return page


def _html_response(record, max_bytes: int) -> WarcPage | None:
    """The page a record holds when it is a 200 response with HTML; its body read up to the limit."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    content_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if content_type not in _HTML_TYPES:
        return None
    html = record.content_stream().read(max_bytes + 1)
    size = len(html)
    if size > max_bytes:
        size += _drain_count(record.raw_stream)
    return WarcPage(url=(record.rec_headers.get_header("WARC-Target-URI") or "").strip().strip("<>"),
                    html=html, size=size, warc_date=record.rec_headers.get_header("WARC-Date"), where="")


def _drain(record) -> bool:
    """Read the rest of a record (so its digests are checked); True when the archive ended inside it."""
    _drain_count(record.raw_stream)
    return getattr(record.raw_stream, "limit", 0) > 0


def _drain_count(stream) -> int:
    total = 0
    while chunk := stream.read(_READ_BYTES):
        total += len(chunk)
    return total
