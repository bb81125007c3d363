"""The API object: one NinjaAPI under /api/, routers from each app, errors turned into JSON once."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from polycentric.bodies.api import router as bodies_router
from polycentric.coordination.api import router as coordination_router
from polycentric.core.errors import ApplicationError
from polycentric.issuemap.api import router as issuemap_router

api = NinjaAPI(
    title="Polycentric API",
    version="1",
    description="The internet governance map: issues, aspects, venues, mandates and gaps. "
    "Reads are public; writes need an editor (session with CSRF, or a bearer token).",
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs",
)


@api.exception_handler(ApplicationError)
def application_error(request: HttpRequest, exc: ApplicationError) -> HttpResponse:
    return api.create_response(request, exc.as_dict(), status=exc.status)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors: dict[str, list[str]] = {}
    for err in exc.errors:
        loc = [str(p) for p in err.get("loc", []) if p not in ("body", "payload", "query", "path")]
        errors.setdefault(".".join(loc) or "__all__", []).append(err.get("msg", "invalid"))
    summary = "; ".join(f"{k}: {' '.join(v)}" for k, v in errors.items())
    return api.create_response(
        request, {"detail": f"Invalid input: {summary}", "errors": errors}, status=422
    )


@api.exception_handler(AuthenticationError)
def authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return api.create_response(
        request, {"detail": "Authentication required: sign in or send a bearer token.", "errors": {}},
        status=401,
    )


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    """ninja's own refusals (e.g. a body that is not JSON), in the same shape as the others."""
    detail = str(exc)
    errors = {"body": [f"{detail}: send a JSON object."]} if exc.status_code == 400 else {}
    return api.create_response(request, {"detail": detail, "errors": errors},
                               status=exc.status_code)


api.add_router("/", issuemap_router)
api.add_router("/", bodies_router)
api.add_router("/", coordination_router)
