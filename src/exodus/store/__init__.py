"""The knowledge-graph store: SQLite, WAL, versioned schema, one transaction per document."""
from exodus.store.database import Store, open_store
from exodus.store.ingest import (IngestReport, build_store, bulk_ingest, delete_document, ingest_extracted,
                                 ingest_inputs)

__all__ = ["Store", "open_store", "IngestReport", "ingest_extracted", "bulk_ingest", "ingest_inputs", "build_store",
           "delete_document"]
