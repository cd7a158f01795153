"""`python -m exodus` is the `exodus` command."""
from exodus.cli.main import main

raise SystemExit(main())
