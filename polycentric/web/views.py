"""Site-wide pages: the home page with the map at a glance, and the operators' health check."""

from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from polycentric.engines.gaps import GapStatus
from polycentric.web.glance import map_at_a_glance


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/home.html", map_at_a_glance())


@never_cache
@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any database failure means unhealthy
        return JsonResponse({"status": "unavailable", "database": str(exc)[:200]}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


__all__ = ["GapStatus", "healthz", "home"]
