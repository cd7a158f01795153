"""`exodus serve`: the dashboard and REST API over the store."""
from __future__ import annotations

import argparse
import sys

from exodus.cli.storeargs import add_store_arguments

NAME = "serve"
HELP = "serve the dashboard and REST API over the store (read-only unless --allow-writes)"
DESCRIPTION = """\
Serve the store as a web dashboard (a Sankey of who went where, people,
organizations on a date, every fact with its sources) and a REST API with
OpenAPI docs at /docs. Listens on 127.0.0.1 (this machine only) unless told
otherwise. The store is opened read-only; --allow-writes adds the correction
endpoints, which require `Authorization: Bearer TOKEN` (a token of at least 16
characters). A store that cannot be read is refused before the server starts.

example:
  exodus serve --db exodus.db
  exodus serve --port 8080 --allow-writes --token "$(openssl rand -hex 16)"
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_store_arguments(parser, json_output=False)
    parser.add_argument("--host", help="address to listen on (default: 127.0.0.1, or EXODUS_WEB_HOST)")
    parser.add_argument("--port", type=int, help="port (default: 8000, or EXODUS_WEB_PORT)")
    parser.add_argument("--allow-writes", action="store_true",
                        help="add the endpoints that change the store (corrections, removing an article)")
    parser.add_argument("--token", help="the token write requests must send (or EXODUS_WEB_TOKEN), at least 16 "
                                        "characters; required with --allow-writes")


def run(args: argparse.Namespace) -> int:
    from exodus.errors import ExodusError
    from exodus.settings import get_settings

    settings = get_settings()
    token = args.token or settings.web_token
    if args.allow_writes and not token:
        print("exodus serve: error: --allow-writes needs --token TOKEN (or EXODUS_WEB_TOKEN)", file=sys.stderr)
        return 2
    try:
        import uvicorn

        from exodus.web import create_app
        from exodus.web.app import token_problem
    except ImportError as exc:
        raise ExodusError(f"the web server needs the web extra ({exc.name} is missing): "
                          "pip install 'exodus[web]'") from exc
    problem = token_problem(token, "--token" if args.token else "EXODUS_WEB_TOKEN") if args.allow_writes else None
    if problem:
        print(f"exodus serve: error: {problem}", file=sys.stderr)
        return 2
    app = create_app(args.db, allow_writes=args.allow_writes, token=token)
    host, port = args.host or settings.web_host, args.port or settings.web_port
    mode = "read-write (token required)" if args.allow_writes else "read-only"
    print(f"exodus: serving {app.state.web.db} ({mode}) at http://{host}:{port}/ - API docs at /docs; "
          "Ctrl-C to stop", file=sys.stderr, flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
    return 0
