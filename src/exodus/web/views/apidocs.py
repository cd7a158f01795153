"""API documentation at /docs, rendered here from the OpenAPI description (no CDN, no script)."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from exodus.web.templating import render

router = APIRouter(include_in_schema=False)


def _schema_name(schema: dict) -> str:
    """A short readable type: `string`, `integer`, `string | null`, `joined | left | ...`."""
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in schema:
        return " | ".join(_schema_name(s) for s in schema["anyOf"])
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    if schema.get("type") == "array":
        return f"list of {_schema_name(schema.get('items', {}))}"
    return str(schema.get("type", "any"))


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    spec = request.app.openapi()
    endpoints = []
    for path, methods in spec["paths"].items():
        for method, op in methods.items():
            params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                       "type": _schema_name(p.get("schema", {})), "description": p.get("description", ""),
                       "example": (p.get("examples") or [None])[0] if isinstance(p.get("examples"), list) else None}
                      for p in op.get("parameters", [])]
            responses = [{"status": status, "description": r.get("description", ""),
                          "model": _schema_name(next(iter(r.get("content", {}).values()), {}).get("schema", {}))
                          if r.get("content") else ""} for status, r in op.get("responses", {}).items()]
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            endpoints.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                              "description": op.get("description", ""), "params": params, "responses": responses,
                              "body": _schema_name(body) if body else None})
    return render(request, "docs.html", spec=spec, endpoints=endpoints)
