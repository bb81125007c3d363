"""Fixtures for the bodies app: the reference bodies and small hand-built bodies.

- `cgi_br`: CGI.br's 21 seats under a simple majority (the example of DESIGN.md);
- `council`: a two-group, two-region council (3 government seats in Africa, 2 civil society
  seats in WEOG) under a simple majority: governments decide alone;
- `reference_bodies`: every body of polycentric/bodies/reference/bodies.yaml.
"""

from __future__ import annotations

import pytest
from django.test import Client

from polycentric.bodies import services
from polycentric.bodies.models import Body
from polycentric.bodies.reference import bodies_reference_load
from tests.bodies.support import CGI_BR, COUNCIL


@pytest.fixture
def anon() -> Client:
    return Client()


@pytest.fixture
def reference_bodies(reference):
    """Every reference body, loaded as `polycentric setup` does (without the map: no venues)."""
    bodies_reference_load()
    return {body.slug: body for body in Body.objects.all()}


@pytest.fixture
def cgi_br(reference, wanjiru) -> Body:
    return services.body_create_from_document(text=CGI_BR, name="cgi_br.yaml", actor=wanjiru,
                                              slug="cgi-br", acronym="CGI.br")


@pytest.fixture
def council(reference, wanjiru) -> Body:
    return services.body_create_from_document(text=COUNCIL, name="council.yaml",
                                              actor=wanjiru, slug="council")
