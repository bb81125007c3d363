"""Helpers for the accounts tests: a complete, valid sign-up form for a new participant."""

from __future__ import annotations

import pytest

from polycentric.accounts.models import Country, StakeholderGroup

NEW_PASSWORD = "kiswahili-and-english-2025"


@pytest.fixture
def signup_data(reference) -> dict[str, str]:
    """Amani, an academic from Tanzania, as the sign-up form posts her."""
    return {
        "username": "amani",
        "email": "amani@example.ac.tz",
        "password": NEW_PASSWORD,
        "password_confirm": NEW_PASSWORD,
        "display_name": "Amani Mrisho",
        "stakeholder_group": str(StakeholderGroup.objects.get(slug="academia").pk),
        "country": str(Country.objects.get(code="TZ").pk),
        "organisation": "University of Dar es Salaam",
        "languages": "Kiswahili ,English,,",
        "constituency": "East African internet researchers",
    }
