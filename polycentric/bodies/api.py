"""The bodies API: bodies with their scorecards, and analysis of a posted body file, under /api/.

Reads and ``POST /api/analysis`` (which saves nothing) are public. Creating and changing bodies
needs an editor, identified by a bearer token or the site's session (with CSRF), and calls the
same services as the editors' forms. A body file that cannot be read is refused with 422 and
errors keyed by field path (``seats[1].count``), each naming its line; one over the size limit
with 413.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest
from django.urls import reverse
from ninja import Query, Router

from polycentric.accounts.api_auth import BearerTokenAuth, SessionAuth
from polycentric.bodies import analysis, selectors, services
from polycentric.bodies.models import Body
from polycentric.bodies.permissions import can_edit_bodies
from polycentric.bodies.schemas import (
    BodyDetail,
    BodyIn,
    BodyPage,
    BodyPatch,
    ErrorOut,
    PageQuery,
    body_detail_out,
    body_summary_out,
)
from polycentric.core.errors import NotFound, ValidationFailed
from polycentric.issuemap.models import Venue

router = Router(tags=["bodies"])

DENIED = "Only editors may change bodies."
EDITORS = [
    BearerTokenAuth(permission=can_edit_bodies, denied_message=DENIED),
    SessionAuth(permission=can_edit_bodies, denied_message=DENIED),
]
READ_ERRORS: dict[int, Any] = {404: ErrorOut, 422: ErrorOut}
WRITE_ERRORS: dict[int, Any] = {
    401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 413: ErrorOut, 422: ErrorOut,
}
YAML_TYPES = ("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain")
REQUEST_LIMIT = 2 * analysis.MAX_DOCUMENT_BYTES
"""The most bytes a request to analyse may carry: a body file in a JSON string grows when its
line breaks and quotes are escaped; the file itself is then held to MAX_DOCUMENT_BYTES."""


def _actor(request: HttpRequest) -> Any:
    return request.auth  # type: ignore[attr-defined]


def _body_or_404(slug: str) -> Body:
    try:
        return selectors.body_get(slug)
    except Body.DoesNotExist:
        message = f"No body {slug!r}."
        raise NotFound(message, errors={"slug": [message]}) from None


def _venue(slug: str | None) -> Venue | None:
    if slug is None:
        return None
    venue = Venue.objects.filter(slug=slug).first()
    if venue is None:
        message = f"Unknown venue {slug!r}."
        raise ValidationFailed(f"Invalid input: venue: {message}", errors={"venue": [message]})
    return venue


def _detail(slug: str) -> dict[str, Any]:
    body = _body_or_404(slug)
    return body_detail_out(
        body, services.body_document(body),
        reverse("api:body_analysis", kwargs={"slug": body.slug}),
    )


def _document_size_check(document: str | dict[str, Any]) -> None:
    if isinstance(document, str):
        analysis.document_size_check(len(document.encode("utf-8")))
    else:
        analysis.document_size_check(len(json.dumps(document).encode("utf-8")))


# ---- reads --------------------------------------------------------------------------------------


@router.get("/bodies", response={200: BodyPage, **READ_ERRORS}, url_name="bodies",
            summary="List bodies with their scorecards at a glance")
def body_list(request: HttpRequest, page: Query[PageQuery]) -> Any:
    bodies = selectors.body_list()
    return {
        "count": bodies.count(),
        "limit": page.limit,
        "offset": page.offset,
        "items": [body_summary_out(b) for b in bodies[page.offset : page.offset + page.limit]],
    }


@router.get("/bodies/{slug}", response={200: BodyDetail, **READ_ERRORS}, url_name="body",
            summary="One body: seats with their power, charter, members and body file")
def body_detail(request: HttpRequest, slug: str) -> Any:
    return _detail(slug)


@router.get("/bodies/{slug}/analysis", response={200: dict[str, Any], **READ_ERRORS},
            url_name="body_analysis",
            summary="The body's scorecard (as `polycentric analyze --format json`)")
def body_analysis(request: HttpRequest, slug: str) -> Any:
    """The stored scorecard document: exactly what `polycentric analyze --format json` prints
    for the body's file (`/bodies/{slug}/body.yaml`)."""
    body = Body.objects.filter(slug=slug).only("analysis").first()
    if body is None:
        message = f"No body {slug!r}."
        raise NotFound(message, errors={"slug": [message]})
    return body.analysis


@router.post(
    "/analysis", response={200: dict[str, Any], 413: ErrorOut, 422: ErrorOut},
    url_name="analysis", summary="Analyse a body file without saving it",
    openapi_extra={"requestBody": {"required": True, "content": {
        "application/json": {"schema": {"oneOf": [
            {"type": "object", "required": ["document"],
             "properties": {"document": {"type": "string",
                                         "description": "The body file's YAML or JSON text."}}},
            {"type": "object", "description": "A body file as a JSON object: name, groups, "
                                              "regions, seats, rule, fallback_rule, thresholds."},
        ]}},
        "application/yaml": {"schema": {"type": "string"}},
    }}},
)
def analysis_create(request: HttpRequest) -> Any:
    """The scorecard of a posted body file (the same document as `polycentric analyze --format
    json`), without saving anything. Send `{"document": "<YAML text>"}`, the body file as a JSON
    object, or the YAML itself with Content-Type application/yaml."""
    length = request.headers.get("Content-Length") or "0"
    if length.isdigit() and int(length) > REQUEST_LIMIT:
        analysis.document_size_check(int(length), field="body")
    try:
        raw = request.body
    except RequestDataTooBig:
        analysis.document_size_check(REQUEST_LIMIT + 1, field="body")
        raise
    if len(raw) > REQUEST_LIMIT:
        analysis.document_size_check(len(raw), field="body")
    content_type = (request.content_type or "").lower()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        message = "The request body is not UTF-8 text."
        raise ValidationFailed(message, errors={"body": [message]}) from None
    if content_type in YAML_TYPES:
        spec = analysis.body_file_read(text, name="document")
        return analysis.scorecard_compute(spec)
    try:
        payload = json.loads(text)
    except ValueError as exc:
        message = f"The request body is not JSON ({exc}); send {{\"document\": \"<YAML>\"}}."
        raise ValidationFailed(message, errors={"body": [message]}) from None
    if not isinstance(payload, dict):
        message = "Send a JSON object: {\"document\": \"<YAML text>\"} or a body file object."
        raise ValidationFailed(message, errors={"body": [message]})
    if "document" in payload:
        extra = sorted(set(payload) - {"document"})
        if extra:
            message = (f"Unknown field(s) next to document: {', '.join(extra)}; send the body "
                       "file in document, or the body file object alone.")
            raise ValidationFailed(message, errors={name: ["Unknown field."] for name in extra})
        document = payload["document"]
        if isinstance(document, str):
            spec = analysis.body_file_read(document, name="document")
        elif isinstance(document, dict):
            spec = analysis.body_data_read(document, name="document")
        else:
            message = "document must be the body file's text or a JSON object."
            raise ValidationFailed(message, errors={"document": [message]})
    else:
        spec = analysis.body_data_read(payload, name="document")
    return analysis.scorecard_compute(spec)


# ---- writes -------------------------------------------------------------------------------------


@router.post("/bodies", response={201: BodyDetail, **WRITE_ERRORS}, auth=EDITORS,
             url_name="body_create", summary="Create a body from a body file")
def body_create(request: HttpRequest, payload: BodyIn) -> Any:
    _document_size_check(payload.document)
    venue = _venue(payload.venue)
    charter = payload.charter.model_dump(exclude_none=True) if payload.charter else None
    values = {"actor": _actor(request), "venue": venue, "slug": payload.slug,
              "acronym": payload.acronym, "source": payload.source, "charter": charter}
    if isinstance(payload.document, str):
        body = services.body_create_from_document(text=payload.document, name="document",
                                                  **values)
    else:
        body = services.body_create_from_data(document=payload.document, **values)
    return 201, _detail(body.slug)


@router.patch("/bodies/{slug}", response={200: BodyDetail, **WRITE_ERRORS}, auth=EDITORS,
              url_name="body_update", summary="Change a body, or replace its body file")
def body_update(request: HttpRequest, slug: str, payload: BodyPatch) -> Any:
    body = _body_or_404(slug)
    values = payload.model_dump(exclude_unset=True)
    document = values.pop("document", None)
    charter = values.pop("charter", None)
    if charter is not None:
        charter = {k: v for k, v in charter.items() if v is not None}
    if "venue" in values:
        values["venue"] = _venue(values["venue"])
    file: dict[str, Any] = {}
    if isinstance(document, str):
        _document_size_check(document)
        file = {"text": document, "file_name": "document"}
    elif document is not None:
        _document_size_check(document)
        file = {"document": document}
    body = services.body_update(body=body, actor=_actor(request), charter=charter, **file,
                                **values)
    return _detail(body.slug)
