"""The dashboard and REST API over the knowledge graph (`exodus serve`).

`create_app(db)` gives the FastAPI application; `exodus.web.queries` holds the
plain functions it adds to `exodus.questions` (fact pages, lists, the Sankey).
Needs the `web` extra: `pip install 'exodus[web]'`.
"""
from exodus.web.app import create_app

__all__ = ["create_app"]
