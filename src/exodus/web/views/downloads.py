"""A list a page shows, as a CSV file to download (the index pages' "Download CSV" links)."""
from __future__ import annotations

import io
from collections.abc import Callable
from typing import TextIO
from urllib.parse import quote

from fastapi.responses import Response

CSV_LIMIT = 100_000
"""The most rows one download holds."""


def csv_download(filename: str, write: Callable[[TextIO], None]) -> Response:
    """What `write` writes, sent as the attachment `filename` (any characters: the header encodes them)."""
    out = io.StringIO()
    write(out)
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": f"attachment; filename*=UTF-8''{quote(filename, safe='')}"})
