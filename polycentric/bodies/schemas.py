# PATCH bodies declare fields as `name: str = Field(None)`: optional to send, never null. Mypy
# reads the None default as a type error; pydantic (and the OpenAPI document) read it right.
# mypy: disable-error-code="assignment, arg-type"
"""The shapes of the bodies API (django-ninja schemas) and the functions that fill them.

A body's scorecard is served as stored: ``GET /api/bodies/{slug}/analysis`` returns exactly the
document ``polycentric analyze --format json`` prints for the body's file. Request bodies refuse
unknown fields and values of the wrong type.
"""

from __future__ import annotations

import datetime
from typing import Any

from ninja import Field, Schema
from pydantic import ConfigDict, StrictInt

from polycentric.bodies.models import Body
from polycentric.bodies.selectors import body_glance

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 50
NOTICE_DAYS_MAX = 365


class ErrorOut(Schema):
    detail: str = Field(..., description="What went wrong, in a sentence.")
    errors: dict[str, list[str]] = Field(
        ..., description="Problems per field: a body file's field path (e.g. `seats[1].count`, "
        "each message starting with its line when the file was text), `document` for the file "
        "as a whole, or a request field."
    )


class PageQuery(Schema):
    limit: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE,
                       description=f"Items per page, at most {MAX_PAGE_SIZE}.")
    offset: int = Field(0, ge=0, description="How many items to skip.")


# ---- read shapes --------------------------------------------------------------------------------


class BodySummary(Schema):
    slug: str
    name: str
    acronym: str
    venue: str | None = Field(..., description="Slug of the venue on the map this body is.")
    seats: int | None = Field(..., description="Seats in all; null if not analysed.")
    rule: dict[str, Any] = Field(..., description="The decision rule, as in a body file.")
    rule_summary: str = Field(..., description="The decision rule in words.")
    passed: bool | None = Field(..., description="Every principle check passes.")
    principles: dict[str, bool | None] = Field(
        ..., description="Whether each principle passes: all_groups, global, "
        "no_group_decides_alone, no_region_decides_alone (null: not analysed)."
    )
    analysed_at: datetime.datetime | None
    url: str = Field(..., description="The body's page.")


class BodyPage(Schema):
    count: int = Field(..., description="Bodies on every page.")
    limit: int
    offset: int
    items: list[BodySummary]


class SeatOut(Schema):
    name: str
    group: str
    region: str | None
    count: int
    weight: int
    description: str
    banzhaf: float | None = Field(..., description="Normalised Banzhaf index of one seat.")
    shapley_shubik: float | None = Field(..., description="Shapley-Shubik index of one seat.")
    veto: bool
    powerless: bool


class CharterOut(Schema):
    purpose: str
    groups: list[str] = Field(..., description="Stakeholder groups the body must include.")
    regions: list[str] = Field(..., description="Regions the body must include.")
    rule: dict[str, Any]
    fallback_rule: dict[str, Any] | None
    fallback_when: str
    thresholds: dict[str, Any] = Field(..., description="The body's own thresholds, if any.")
    consultation_notice_days: int
    decision_meeting_notice_days: int
    meeting_notice_days: int
    minutes_days: int


class MemberOut(Schema):
    participant: str = Field(..., description="The member's display name.")
    participant_id: int
    seat_entry: str
    start: datetime.date
    end: datetime.date | None


class BodyDetail(BodySummary):
    purpose: str
    source: str
    charter: CharterOut
    entries: list[SeatOut]
    members: list[MemberOut]
    document: dict[str, Any] = Field(..., description="The body file, as data.")
    analysis_url: str = Field(..., description="The stored scorecard document.")


# ---- request bodies -----------------------------------------------------------------------------


class CharterExtraIn(Schema):
    """Charter fields a body file does not carry."""

    model_config = ConfigDict(extra="forbid")

    fallback_when: str = Field(None, max_length=5000)
    consultation_notice_days: StrictInt = Field(None, ge=0, le=NOTICE_DAYS_MAX)
    decision_meeting_notice_days: StrictInt = Field(None, ge=0, le=NOTICE_DAYS_MAX)
    meeting_notice_days: StrictInt = Field(None, ge=0, le=NOTICE_DAYS_MAX)
    minutes_days: StrictInt = Field(None, ge=0, le=NOTICE_DAYS_MAX)


class BodyIn(Schema):
    model_config = ConfigDict(extra="forbid")

    document: str | dict[str, Any] = Field(
        ..., description="The body file: its YAML (or JSON) text, or the same as a JSON object."
    )
    slug: str | None = Field(None, max_length=80, pattern=r"^[-a-zA-Z0-9_]+$",
                             description="Made from the name when left out.")
    acronym: str = Field("", max_length=40)
    venue: str | None = Field(None, max_length=80, description="Slug of a venue on the map.")
    source: str = Field("", max_length=10_000)
    charter: CharterExtraIn | None = None


class BodyPatch(Schema):
    model_config = ConfigDict(extra="forbid")

    document: str | dict[str, Any] = Field(
        None, description="A body file replacing the name, groups, regions, seats and rules; "
        "seat entries keep their members by name."
    )
    name: str = Field(None, min_length=1, max_length=200)
    slug: str = Field(None, max_length=80, pattern=r"^[-a-zA-Z0-9_]+$")
    acronym: str = Field(None, max_length=40)
    purpose: str = Field(None, max_length=10_000)
    venue: str | None = Field(None, max_length=80, description="Slug of a venue; null for none.")
    source: str = Field(None, max_length=10_000)
    charter: CharterExtraIn = None


# ---- filling them -------------------------------------------------------------------------------


def body_summary_out(body: Body) -> dict[str, Any]:
    glance = body_glance(body)
    return {
        "slug": body.slug,
        "name": body.name,
        "acronym": body.acronym,
        "venue": body.venue.slug if body.venue_id and body.venue else None,
        **glance,
        "analysed_at": body.analysed_at,
        "url": body.get_absolute_url(),
    }


def body_detail_out(body: Body, document: dict[str, Any], analysis_url: str) -> dict[str, Any]:
    charter = body.charter
    power = (body.analysis or {}).get("power") or {}
    banzhaf, shapley = power.get("banzhaf") or {}, power.get("shapley_shubik") or {}
    veto, powerless = set(power.get("veto") or []), set(power.get("powerless") or [])
    return {
        **body_summary_out(body),
        "purpose": body.purpose,
        "source": body.source,
        "charter": {
            "purpose": charter.purpose,
            "groups": charter.required_groups,
            "regions": charter.required_regions,
            "rule": charter.decision_rule,
            "fallback_rule": charter.fallback_rule,
            "fallback_when": charter.fallback_when,
            "thresholds": charter.thresholds,
            "consultation_notice_days": charter.consultation_notice_days,
            "decision_meeting_notice_days": charter.decision_meeting_notice_days,
            "meeting_notice_days": charter.meeting_notice_days,
            "minutes_days": charter.minutes_days,
        },
        "entries": [
            {
                "name": entry.name, "group": entry.group, "region": entry.region or None,
                "count": entry.count, "weight": entry.weight, "description": entry.description,
                "banzhaf": banzhaf.get(entry.name), "shapley_shubik": shapley.get(entry.name),
                "veto": entry.name in veto, "powerless": entry.name in powerless,
            }
            for entry in body.seat_entries.all()
        ],
        "members": [
            {
                "participant": member.participant.display_name,
                "participant_id": member.participant_id,
                "seat_entry": member.seat_entry.name,
                "start": member.start,
                "end": member.end,
            }
            for member in body.members.all()
        ],
        "document": document,
        "analysis_url": analysis_url,
    }
