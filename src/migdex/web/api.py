"""The site's one NinjaAPI at /api/v1: each app adds its Router; errors map to HTTP here, once."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from ninja import NinjaAPI
from ninja.errors import ValidationError

from migdex.errors import InputError
from migdex.web.explorer.api import router as explorer_router
from migdex.web.explorer.services import NotFoundError, ParameterError

api = NinjaAPI(
    title="migdex API",
    version="1",
    description=(
        "Read-only access to the migrant-integration policy index: frameworks, indicators, "
        "countries, datasets, scores, comparisons (group means, ranks, changes), approaches "
        "and exports. Datasets flagged `is_synthetic` hold generated demo data, not real MIPEX "
        "answers. Never rank or chart two series together. Errors are JSON: `detail` names "
        "the parameter."
    ),
    urls_namespace="api-v1",
    docs_url="/docs",
)
api.add_router("/", explorer_router)


def _first_location(errors: list[dict]) -> str:
    for error in errors:
        loc = [str(p) for p in error.get("loc", ()) if p not in ("query", "path", "body")]
        if loc:
            return ".".join(loc)
    return "request"


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError):
    errors = [
        {"parameter": ".".join(str(p) for p in e.get("loc", ())[1:]), "message": e.get("msg", "")}
        for e in exc.errors
    ]
    name = _first_location(exc.errors)
    message = errors[0]["message"] if errors else "invalid input"
    return api.create_response(
        request, {"detail": f"{name}: {message}", "parameter": name, "errors": errors}, status=422
    )


@api.exception_handler(ParameterError)
def parameter_error(request: HttpRequest, exc: ParameterError):
    return api.create_response(
        request, {"detail": str(exc), "parameter": exc.parameter}, status=422
    )


@api.exception_handler(NotFoundError)
def not_found(request: HttpRequest, exc: NotFoundError):
    return api.create_response(request, {"detail": str(exc)}, status=404)


@api.exception_handler(Http404)
def http_not_found(request: HttpRequest, exc: Http404):
    return api.create_response(request, {"detail": str(exc) or "not found"}, status=404)


@api.exception_handler(InputError)
def input_error(request: HttpRequest, exc: InputError):
    return api.create_response(request, {"detail": str(exc)}, status=422)
