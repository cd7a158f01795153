"""The `exodus` command: one module per subcommand, each a thin wrapper over a library function."""
