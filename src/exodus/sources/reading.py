"""Turn inputs (paths, directories, `-`) into a stream of documents and input problems.

A bad input never stops the stream: it is yielded as an `InputError` (with `file` or
`file:line` and what is wrong) and reading goes on with the next one.
"""
from __future__ import annotations

import hashlib
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from exodus.errors import InputError, InputNotice
from exodus.schema import Document
from exodus.settings import Settings, get_settings
from exodus.sources.archives import COMPRESSIONS, DAMAGED_STREAM, damaged_stream_problem, open_decompressed, warc_pages
from exodus.sources.decoding import decode_document, decode_line, looks_binary, unpaired_surrogate
from exodus.sources.feeds import FEED_ROOTS, FEED_SUFFIXES, OPML_ROOT, FeedEntry, feed_entries, xml_root
from exodus.sources.fetching import Fetched, Fetcher
from exodus.sources.frontmatter import split_front_matter
from exodus.sources.html import html_fragment_to_text, html_to_article
from exodus.sources.sitemaps import SITEMAP_ROOTS
from exodus.sources.urllists import is_url, is_url_list

WARC_SUFFIXES = (".warc", ".warc.gz")
CONTAINER_SUFFIXES = (*COMPRESSIONS, *WARC_SUFFIXES, *FEED_SUFFIXES)
"""Files that hold any number of documents, known only by reading them through."""
SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", *CONTAINER_SUFFIXES)
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")

ReadResult = Document | InputError | InputNotice
if TYPE_CHECKING:
    from exodus.sources.web import WebReader
_SKIP_PIECE = 1 << 20  # bytes read at once past the end of a line that is too long
# A page piped in (`curl ... | exodus extract -`): a doctype or <html> first, after any comments.
_HTML_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)


def normalize_published(value: object, where: str) -> str | None:
    """An ISO date of any precision ("2024", "2024-05", "2024-05-28", or a timestamp) or None."""
    if value is None or value == "":
        return None
    match = _ISO.match(str(value).strip())
    if not match:
        raise InputError(where, f"published date {value!r} is not an ISO date like 2024-05-28")
    year, month, day = match.groups()
    if month and not 1 <= int(month) <= 12 or day and not 1 <= int(day) <= 31:
        raise InputError(where, f"published date {value!r} is not a valid date")
    return "-".join(p for p in (year, month, day) if p)


def _check_size(size: int, where: str, settings: Settings) -> None:
    if size > settings.max_document_bytes:
        raise InputError(where, f"document of {size:,} bytes is larger than the limit of "
                                f"{settings.max_document_bytes:,} (EXODUS_MAX_DOCUMENT_BYTES)")


def _check_text(text: str, where: str, settings: Settings) -> None:
    if len(text.strip()) < settings.min_document_chars:
        raise InputError(where, "empty document (no text)")


def _check_unicode(value: str, field: str, where: str) -> None:
    position = unpaired_surrogate(value)
    if position is not None:
        raise InputError(where, f"'{field}' holds a lone surrogate (\\u{ord(value[position]):04x} at character "
                                f"{position}), which is not Unicode text")


def _decoded(data: bytes, where: str, settings: Settings) -> Iterator[ReadResult | str]:
    """The text of a whole file, preceded by a notice when it was read in a fallback character set."""
    _check_size(len(data), where, settings)
    decoded = decode_document(data, where)
    if decoded.fallback:
        yield InputNotice(where, f"not UTF-8; read as {decoded.fallback} (convert it to UTF-8 to be sure)")
    yield decoded.text


def _from_text_file(data: bytes, doc_id: str, where: str, published: str | None,
                    settings: Settings) -> Iterator[ReadResult]:
    *notices, raw = _decoded(data, where, settings)
    yield from notices
    meta, body = split_front_matter(raw)
    body = body.strip("\r\n")
    _check_text(body, where, settings)
    yield Document(
        id=str(meta.get("id") or doc_id),
        text=body,
        published=normalize_published(meta.get("published") or meta.get("date"), where) or published,
        url=meta.get("url"),
        title=meta.get("title"),
        source=where,
    )


def _from_html_file(data: bytes, doc_id: str, where: str, published: str | None,
                    settings: Settings, url: str | None = None) -> Iterator[ReadResult]:
    """The article of a page; `url` (where the page was fetched from) wins over the page's own."""
    *notices, raw = _decoded(data, where, settings)
    yield from notices
    article = html_to_article(raw, where)
    text = article["text"] or ""
    _check_text(text, where, settings)
    yield Document(
        id=doc_id, text=text,
        published=normalize_published(article["published"], where) or published,
        url=url or article["url"], title=article["title"], source=where,
    )


def _document_from_json(line: str, where: str, published: str | None, settings: Settings) -> Document:
    _check_size(len(line.encode("utf-8", "surrogatepass")), where, settings)
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(where, f"malformed JSON ({err.msg} at column {err.colno})") from None
    if not isinstance(obj, dict):
        raise InputError(where, "a document must be a JSON object with 'id' and 'text'")
    if obj.get("id") in (None, "") or "text" not in obj:
        missing = [k for k in ("id", "text") if obj.get(k) in (None, "") and (k == "id" or k not in obj)]
        raise InputError(where, f"document without {' and '.join(missing) or 'id'}")
    if not isinstance(obj["text"], str):
        raise InputError(where, "'text' must be a string")
    for field in ("id", "text", "title", "url", "published"):
        if isinstance(obj.get(field), str):
            _check_unicode(obj[field], field, where)
    _check_text(obj["text"], where, settings)
    return Document(
        id=str(obj["id"]), text=obj["text"],
        published=normalize_published(obj.get("published"), where) or published,
        url=obj.get("url"), title=obj.get("title"), source=where,
    )


def _read_jsonl(stream: BinaryIO, name: str, published: str | None,
                settings: Settings, compression: str | None = None) -> Iterator[ReadResult]:
    """Documents JSONL line by line (a compressed stream too, never rewound); memory stays bounded
    by the size limit, since a longer line is skipped unread."""
    number = 0
    try:
        head = stream.read(8192)
        # A documents JSONL starts with "{"; one binary line further on is that line's problem alone.
        if looks_binary(head) and not head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
            yield InputError(name, "binary data, not documents JSONL (one JSON object a line, UTF-8)")
            return
        limit = settings.max_document_bytes
        lines = _bounded_lines(io.BytesIO(head + stream.readline(limit + 1)), stream, limit)
        for number, (raw, size) in enumerate(lines, 1):
            where = f"{name}:{number}"
            if not raw.strip():
                continue
            try:
                _check_size(size, where, settings)
                line = decode_line(raw, where)
                yield _document_from_json(line, where, published, settings)
            except InputError as err:
                yield err
    except DAMAGED_STREAM as err:
        if compression is None:
            raise
        yield InputError(name, damaged_stream_problem(err, compression, number + 1))


def _bounded_lines(head: BinaryIO, rest: BinaryIO, limit: int) -> Iterator[tuple[bytes, int]]:
    """The lines of `head` then `rest` with their sizes; a line longer than `limit` comes cut (its size
    still whole), the rest of it read past in pieces."""
    streams = [head, rest]

    def readline(size: int) -> bytes:
        while streams:
            if line := streams[0].readline(size):
                return line
            streams.pop(0)
        return b""

    while line := readline(limit + 1):
        size = len(line)
        if size > limit and not line.endswith(b"\n"):
            while piece := readline(_SKIP_PIECE):
                size += len(piece)
                if piece.endswith(b"\n"):
                    break
        yield line, size


def _document_id(path: Path, root: Path | None) -> str:
    """A file's id: its path below the directory given as input (no suffix), else its name."""
    if root is None:
        return path.stem
    return path.relative_to(root).with_suffix("").as_posix()


def input_suffix(path: Path) -> str | None:
    """The supported suffix `path` ends with, the longest one (`.jsonl.gz` over `.gz`); None if none."""
    name = path.name.lower()
    matching = [suffix for suffix in SUPPORTED_SUFFIXES if name.endswith(suffix) and len(name) > len(suffix)]
    return max(matching, key=len, default=None)


def supported_files(directory: Path) -> list[Path]:
    """The files `read_documents` reads in `directory` and below, sorted: those of a supported suffix,
    of `.xml` and `.opml` files only feeds (a folder of pages may hold sitemaps and configs), and no URL
    list: nothing found in a directory makes Exodus fetch (name a list, sitemap or OPML file as an input)."""
    return sorted(p for p in directory.rglob("*")
                  if p.is_file() and input_suffix(p) and not is_url_list(p)
                  and (input_suffix(p) not in (".xml", ".opml") or xml_root(p) in FEED_ROOTS))


def _read_warc(path: Path, published: str | None, settings: Settings) -> Iterator[ReadResult]:
    """Every HTML page a WARC archive holds as a document known by its URL; the archive's date of
    the capture stands in for a page that gives none."""
    for page in warc_pages(path, settings.max_document_bytes):
        if isinstance(page, InputError):
            yield page
            continue
        try:
            _check_size(page.size, page.where, settings)
            captured = _fallback_date(page.warc_date)
            yield from _from_html_file(page.html, page.url, page.where, captured or published, settings,
                                       url=page.url)
        except InputError as err:
            yield err


def _fallback_date(value: str | None) -> str | None:
    try:
        return normalize_published(value, "")
    except InputError:
        return None  # a capture date it cannot read is no reason to lose the page


def _read_feed(path: Path, root: Path | None, published: str | None, settings: Settings) -> Iterator[ReadResult]:
    """Every entry of a feed file with text as a document known by its link (else its guid, else
    the file's id and the entry's number)."""
    for number, entry in enumerate(feed_entries(path, settings.max_feed_bytes), 1):
        if isinstance(entry, (InputError, InputNotice)):
            yield entry
        else:
            yield document_from_entry(entry, f"{_document_id(path, root)}#{number}", published, settings)


def document_from_entry(entry: FeedEntry, fallback_id: str, published: str | None,
                        settings: Settings) -> ReadResult:
    """The document of a feed entry's own text (known by its link, else its guid, else `fallback_id`), or
    the problem with it."""
    try:
        text = html_fragment_to_text(entry.content) if entry.is_html else entry.content.strip()
        for field, value in (("text", text), ("title", entry.title or ""), ("url", entry.url or "")):
            _check_unicode(value, field, entry.where)
        _check_size(len(text.encode("utf-8")), entry.where, settings)
        if not text.strip():
            return InputNotice(entry.where, "entry without text (its content is markup only); skipped")
        return Document(id=entry.id or fallback_id, text=text,
                        published=normalize_published(entry.published, entry.where) or published,
                        url=entry.url, title=entry.title, source=entry.where)
    except InputError as err:
        return err


def from_fetched_page(fetched: Fetched, url: str, where: str, published: str | None,
                      settings: Settings) -> Iterator[ReadResult]:
    """The article of a fetched page, known by `url` (as listed or given, before redirects): HTML through
    the HTML path, plain text as a text file; any other type is an `InputError`."""
    kind = fetched.content_type
    try:
        if kind in ("text/html", "application/xhtml+xml") or not kind and _HTML_START.match(fetched.body[:4096]):
            yield from _from_html_file(fetched.body, url, where, published, settings, url=fetched.url)
        elif kind in ("text/plain", "text/markdown"):
            for result in _from_text_file(fetched.body, url, where, published, settings):
                yield replace(result, url=result.url or fetched.url) if isinstance(result, Document) else result
        else:
            yield InputError(where, f"a {kind or 'page without a Content-Type'}, not an article (HTML or text), "
                                    f"feed, sitemap or OPML list; skipped")
    except InputError as err:
        yield err


def _read_file(path: Path, root: Path | None, published: str | None, settings: Settings,
               web: WebReader) -> Iterator[ReadResult]:
    where = str(path)
    suffix = input_suffix(path) or path.suffix.lower()
    try:
        if is_url_list(path):
            yield from web.read_url_list(path)
            return
        if suffix in (".xml", ".opml") and (kind := xml_root(path)) in (*SITEMAP_ROOTS, OPML_ROOT):
            size = path.stat().st_size
            if size > settings.max_feed_bytes:
                raise InputError(where, f"list of {size:,} bytes is larger than the limit of "
                                        f"{settings.max_feed_bytes:,} (EXODUS_MAX_FEED_BYTES)")
            data = path.read_bytes()
            yield from (web.read_opml(data, where) if kind == OPML_ROOT else web.read_sitemap(data, where))
            return
        if suffix == ".jsonl":
            with path.open("rb") as fh:
                yield from _read_jsonl(fh, where, published, settings)
            return
        if suffix in COMPRESSIONS:
            with open_decompressed(path, COMPRESSIONS[suffix]) as stream:
                yield from _read_jsonl(stream, where, published, settings, COMPRESSIONS[suffix])
            return
        if suffix in WARC_SUFFIXES:
            yield from _read_warc(path, published, settings)
            return
        if suffix in FEED_SUFFIXES:
            yield from _read_feed(path, root, published, settings)
            return
        data = path.read_bytes()
        if suffix in (".html", ".htm"):
            yield from _from_html_file(data, _document_id(path, root), where, published, settings)
        else:
            yield from _from_text_file(data, _document_id(path, root), where, published, settings)
    except InputError as err:
        yield err
    except OSError as err:
        yield InputError(where, f"cannot be read ({err.strerror or err})")


def _read_stdin(published: str | None, settings: Settings, stdin: BinaryIO) -> Iterator[ReadResult]:
    data = stdin.read()
    head = data.lstrip()[:1]
    if head == b"{":
        yield from _read_jsonl(io.BytesIO(data), "<stdin>", published, settings)
        return
    # No path to name it by: the id is the content's hash, the same for the same text.
    doc_id = f"stdin-{hashlib.sha256(data).hexdigest()[:12]}"
    try:
        if _HTML_START.match(data[:4096]):
            yield from _from_html_file(data, doc_id, "<stdin>", published, settings)
        else:
            yield from _from_text_file(data, doc_id, "<stdin>", published, settings)
    except InputError as err:
        yield err


def unique_ids(results: Iterable[ReadResult]) -> Iterator[ReadResult]:
    """`results` with every document whose id an earlier one of the same stream has replaced by
    an `InputError` naming both: two documents with one id would overwrite each other's facts."""
    first_seen: dict[str, str] = {}
    for result in results:
        if isinstance(result, Document):
            where = result.source or result.id
            if result.id in first_seen:
                yield InputError(where, f"document id {result.id!r} is already used by {first_seen[result.id]} "
                                        f"in this run; skipped (give each document its own id)")
                continue
            first_seen[result.id] = where
        yield result


def read_documents(inputs: Iterable[str | Path], published: str | None = None,
                   settings: Settings | None = None,
                   stdin: BinaryIO | None = None, *, allow_hosts: Iterable[str] = (),
                   fetcher: Fetcher | None = None) -> Iterator[ReadResult]:
    """Yield a `Document` for every article in `inputs`, an `InputError` for what cannot be read
    (skipped), and an `InputNotice` for what was read but should be known (a fallback charset).

    `inputs` are paths of .txt/.md/.html/.jsonl files, compressed documents JSONL
    (.jsonl.gz, .jsonl.zst), web archives (.warc, .warc.gz: their HTML responses),
    feed files (.rss, .atom, .xml: their entries), directories (read recursively,
    in sorted order) or `-` for stdin (JSONL when it starts with `{`, a page when it
    starts with a doctype or `<html>`, else one text).
    A file's id is its front matter's `id`, else its path below the directory given as
    input without the suffix (`a/news.txt` in `corpus/` is `a/news`), else its name;
    text from stdin is known by a hash of its content; a page of a web archive by its URL,
    a feed entry by its link (else its guid). A document whose id an earlier
    one already has is an `InputError`, never a silent overwrite.
    `published` is the date for documents that do not carry their own.

    Web inputs (`exodus.sources.web`): an http(s) URL (a page, feed, sitemap or OPML list, told
    by its content), a URL list (`urls.txt`, `*.urls.txt`: one URL a line), a sitemap file
    (`.xml` whose root is `<urlset>` or `<sitemapindex>`) and an OPML file (its feeds). They are
    fetched by `fetcher`, else by one `Fetcher` made for this call, which refuses loopback and
    private addresses except those of `allow_hosts` (and of the `allow_hosts` setting). A page's
    id is its URL as given or listed; a feed entry's, its link.
    """
    settings = settings or get_settings()
    default_published = normalize_published(published, "--published") if published else None
    from exodus.sources.web import WebReader

    web = WebReader(settings, default_published, allow_hosts, fetcher)
    try:
        yield from unique_ids(_read_inputs(inputs, default_published, settings, stdin, web))
    finally:
        web.close()


def _read_inputs(inputs: Iterable[str | Path], published: str | None, settings: Settings,
                 stdin: BinaryIO | None, web: WebReader) -> Iterator[ReadResult]:
    for item in inputs:
        if str(item) == "-":
            yield from _read_stdin(published, settings, stdin or sys.stdin.buffer)
            continue
        if isinstance(item, str) and is_url(item):
            yield from web.read_url(item.strip())
            continue
        path = Path(item)
        if path.is_dir():
            files = supported_files(path)
            if not files:
                yield InputError(str(path), f"directory has no {', '.join(SUPPORTED_SUFFIXES)} files")
            for file in files:
                yield from _read_file(file, path, published, settings, web)
        elif path.is_file():
            if input_suffix(path) is None:
                yield InputError(str(path), f"unsupported file type {path.suffix or '(none)'}; "
                                            f"expected one of {', '.join(SUPPORTED_SUFFIXES)}")
                continue
            yield from _read_file(path, None, published, settings, web)
        else:
            yield InputError(str(path), "no such file or directory")
