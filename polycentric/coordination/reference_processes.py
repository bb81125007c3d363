"""Reference processes: a coordinating body and one process on a top issue with no home, with a
dated roadmap, meetings, minutes and attendance, so the process pages, the calendars, the feeds
and the upcoming page show real content on a fresh site.

- The **Polycentric Coordination Group** (slug ``coordination-group``), the coordinating body of
  the reference bodies (bodies/reference/bodies.yaml), which runs the reference prioritisation
  round. Only when it is missing (a site loaded without the reference bodies) is a stand-in made
  here: one seat for every default stakeholder group in each UN regional group, deciding by
  consensus with a fallback of a majority inside every group and every region (P4 passes).
- **Jurisdiction and applicable law: a shared approach** (slug ``jurisdiction-applicable-law``)
  on the map's "jurisdiction" issue (else "data-governance"; both have aspects no venue covers),
  kept by the group: scoping done, the consultation open with its deadline ahead, drafting
  announced and next, the decision and implementation oversight still to be announced.
- Three meetings: an opening hearing held a month ago with minutes and attendance, a drafting
  workshop announced for next month, and a decision meeting planned but not yet announced.
- Seven of the example participants of the reference prioritisation round (accounts named
  ``example-...`` that cannot log in; made here if that round is not loaded) attended the
  hearing, so its counts by group and region are filled.

Dates are relative to the day of loading; loading again changes nothing (everything is matched by
slug or username). Everything is written through the services, as the system, with the times
given: the notice rules hold for the reference data too.
"""

from __future__ import annotations

import datetime
import secrets
import zoneinfo
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from polycentric.accounts import services as account_services
from polycentric.accounts.models import Country, Participant, StakeholderGroup
from polycentric.bodies import services as body_services
from polycentric.bodies.models import Body
from polycentric.coordination import services
from polycentric.coordination.models import Meeting, Process
from polycentric.issuemap.models import Issue

BODY_SLUG = "coordination-group"
PROCESS_SLUG = "jurisdiction-applicable-law"
ISSUES = ("jurisdiction", "data-governance")
GROUPS = ("governments", "private_sector", "civil_society", "technical_community", "academia",
          "igos")
REGIONS = ("african", "asia_pacific", "eastern_european", "grulac", "weog")

COORDINATION_GROUP = {
    "name": "Polycentric Coordination Group",
    "purpose": (
        "Coordinates the distributed handling of internet policy issues without deciding "
        "policy itself: it sets priorities with the community, recommends a way forward for "
        "each priority issue, and keeps the roadmaps of the processes it starts. One seat for "
        "every stakeholder group in each UN regional group. It decides by consensus; its "
        "fallback vote needs a majority inside every group and every region."
    ),
    "groups": list(GROUPS),
    "regions": list(REGIONS),
    "seats": [{"name": f"{group}_{region}", "group": group, "region": region, "count": 1}
              for group in GROUPS for region in REGIONS],
    "rule": {"consensus": True},
    "fallback_rule": {"all": [{"each": "group", "majority": "simple"},
                              {"each": "region", "majority": "simple"}]},
}

BACKGROUND = {
    "scoping": {
        "aim_and_purpose": "Agree which questions of applicable law and jurisdiction need a "
                           "shared global approach, and which are best left to existing venues.",
        "modalities": "Written input through the platform, in any UN language; one online "
                      "call per UN region, at times that suit that region.",
        "significance": "No venue on the map covers conflicts of applicable law or the "
                        "recognition of judgments: this scoping decides what the process takes on.",
    },
    "consultation": {
        "aim_and_purpose": "Collect views on the options paper: a common test for applicable "
                           "law, mutual recognition of judgments, and a clearing mechanism.",
        "modalities": "Paragraph-level public comments open to anyone, with the author's group "
                      "and region shown; two online hearings with interpretation.",
        "significance": "Every comment receives a disposition with a reason; the draft approach "
                        "is built on this input.",
    },
    "drafting": {
        "aim_and_purpose": "Write the draft approach from the consultation's input, with a "
                           "public report of how each comment was handled.",
        "modalities": "A drafting group of one member per stakeholder group; drafts are "
                      "published every two weeks for open comment.",
        "significance": "The draft goes to the decision meeting; what is not in it cannot be "
                        "decided there.",
    },
}

MEETING_BACKGROUND = {
    "aim_and_purpose": "Hear the stakeholder groups on the options for handling conflicts of "
                       "applicable law online.",
    "modalities": "In person and online with interpretation into English, French and Spanish; "
                  "anyone may ask to speak, remote speakers first.",
    "significance": "The hearing's minutes are part of the consultation record.",
}

EXAMPLE_PEOPLE = (
    # (username, display name, group, country, took part remotely): the example participants of
    # the reference prioritisation round (reference/priorities.csv), made here if missing.
    ("example-gov-ke", "Example government delegate (Kenya)", "governments", "KE", False),
    ("example-biz-de", "Example business member (Germany)", "private_sector", "DE", False),
    ("example-cs-ar", "Example civil society member (Argentina)", "civil_society", "AR", True),
    ("example-tech-jp", "Example technical community member (Japan)", "technical_community",
     "JP", True),
    ("example-tech-pl", "Example technical community member (Poland)", "technical_community",
     "PL", False),
    ("example-acad-fr", "Example academic (France)", "academia", "FR", False),
    ("example-igo-eg", "Example intergovernmental official (Egypt)", "igos", "EG", False),
)


def _at(today: datetime.date, days: int, hour: int, zone: str = "UTC") -> datetime.datetime:
    day = today + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=zoneinfo.ZoneInfo(zone))


def _coordination_group(actor: Any) -> tuple[Body, bool]:
    body = Body.objects.filter(slug=BODY_SLUG).first()
    if body is not None:
        return body, False
    body = body_services.body_create_from_data(
        document=COORDINATION_GROUP, actor=actor, slug=BODY_SLUG, acronym="PCG",
        source="Instructive: the coordinating function of DESIGN.md, in the reference data.",
        charter={"fallback_when": "When the chair finds, after two meetings announced with the "
                                  "item on their agenda, that consensus cannot be reached."},
    )
    return body, True


def _example_people(actor: Any) -> tuple[list[tuple[Participant, bool]], int]:
    """The example participants with whether each took part remotely; how many were new."""
    groups = {g.slug: g for g in StakeholderGroup.objects.filter(
        slug__in=[p[2] for p in EXAMPLE_PEOPLE])}
    countries = {c.code: c for c in Country.objects.filter(code__in=[p[3] for p in EXAMPLE_PEOPLE])}
    people, created = [], 0
    for username, name, group, country, remote in EXAMPLE_PEOPLE:
        participant = Participant.objects.filter(user__username=username).first()
        if participant is None:
            participant = account_services.participant_register(
                username=username, email=f"{username}@example.org",
                password=secrets.token_urlsafe(32), display_name=name,
                stakeholder_group=groups.get(group), country=countries.get(country),
                organisation="Example data", actor=actor)
            user = User.objects.get(pk=participant.user_id)
            user.set_unusable_password()
            user.save(update_fields=["password"])
            created += 1
        people.append((participant, remote))
    return people, created


@transaction.atomic
def processes_reference_load(*, actor: Any = None) -> dict[str, int]:
    """Create the reference coordinating body, process, meetings and example participants when
    missing; return how many of each were created (all zero on a second load). Without the map's
    issues, no process is created."""
    counts = {"bodies": 0, "participants": 0, "processes": 0, "meetings": 0}
    body, made = _coordination_group(actor)
    counts["bodies"] += made
    if Process.objects.filter(slug=PROCESS_SLUG).exists():
        return counts
    issue = next((i for slug in ISSUES for i in Issue.objects.filter(slug=slug)), None)
    if issue is None:
        return counts
    today = timezone.localdate()

    def day(offset: int) -> datetime.date:
        return today + datetime.timedelta(days=offset)

    process = services.process_create(
        issue=issue, slug=PROCESS_SLUG, actor=actor, lead_body=body,
        title="Jurisdiction and applicable law: a shared approach",
        description=(
            "No venue covers conflicts of applicable law or the recognition of judgments online. "
            "The coordination group takes the issue forward itself, in the open, with every "
            "stakeholder group and region, and will hand the outcome to the venues that apply it."
        ),
        stages=[
            {"kind": "scoping", "title": "Scoping the questions", "starts_on": day(-75),
             "ends_on": day(-46)},
            {"kind": "consultation", "title": "Public comment on the options paper",
             "starts_on": day(-45), "ends_on": day(20)},
            {"kind": "drafting", "title": "Drafting the shared approach", "starts_on": day(21),
             "ends_on": day(60)},
            {"kind": "decision", "title": "Deciding on the shared approach",
             "starts_on": day(75), "ends_on": day(76)},
            {"kind": "implementation_oversight", "title": "Following the uptake by venues",
             "starts_on": day(120)},
        ],
    )
    counts["processes"] += 1
    stages = {stage.kind: stage for stage in process.stages.all()}
    services.stage_announce(stage=stages["scoping"], actor=actor,
                            at=_at(today, -110, 9), **BACKGROUND["scoping"])
    services.stage_open(stage=stages["scoping"], actor=actor, at=_at(today, -75, 9))
    services.stage_announce(stage=stages["consultation"], actor=actor,
                            at=_at(today, -80, 9), **BACKGROUND["consultation"])
    services.stage_open(stage=stages["consultation"], actor=actor, at=_at(today, -45, 9))
    services.stage_announce(stage=stages["drafting"], actor=actor,
                            at=_at(today, -2, 9), **BACKGROUND["drafting"])

    hearing = services.meeting_create(
        process=process, stage=stages["consultation"], actor=actor,
        title="Opening hearing on applicable law", kind=Meeting.Kind.OTHER,
        starts_at=_at(today, -30, 13, "Africa/Nairobi"), ends_at=_at(today, -30, 16,
                                                                     "Africa/Nairobi"),
        timezone="Africa/Nairobi", place="Nairobi, and online",
        remote_url="https://meet.example.org/polycentric/jurisdiction-hearing",
        agenda="1. Welcome and the aim of the hearing\n2. The options paper\n"
               "3. Statements by stakeholder group\n4. Questions from remote participants\n"
               "5. Next steps",
        **MEETING_BACKGROUND,
    )
    services.meeting_announce(meeting=hearing, actor=actor, at=_at(today, -52, 9))
    people, counts["participants"] = _example_people(actor)
    services.attendance_record(meeting=hearing, actor=actor,
                               participants=[p for p, remote in people if not remote])
    services.attendance_record(meeting=hearing, actor=actor, remote=True,
                               participants=[p for p, remote in people if remote])
    services.minutes_publish(
        meeting=hearing, actor=actor, at=_at(today, -24, 10),
        minutes=(
            "Seven participants from the six stakeholder groups and the five regions took part, "
            "two of them remotely. The secretariat presented the three options. Governments and "
            "intergovernmental organisations favoured a common test for applicable law; civil "
            "society asked that any mechanism protect users' access to remedies in their own "
            "country; the technical community warned against rules that require platforms to "
            "localise data. Participants agreed that the consultation stays open until its "
            "deadline and that a drafting group of one member per stakeholder group be formed."
        ),
    )
    workshop = services.meeting_create(
        process=process, stage=stages["drafting"], actor=actor,
        title="Drafting workshop", kind=Meeting.Kind.OTHER,
        starts_at=_at(today, 28, 10, "America/Sao_Paulo"),
        ends_at=_at(today, 28, 13, "America/Sao_Paulo"), timezone="America/Sao_Paulo",
        place="São Paulo, and online",
        remote_url="https://meet.example.org/polycentric/jurisdiction-drafting",
        agenda="1. The consultation report\n2. Structure of the draft\n3. Open questions",
        aim_and_purpose="Agree the structure of the draft approach from the consultation report.",
        modalities="In person and online; the drafting group speaks first, then anyone.",
        significance="The structure agreed here is the draft put to the decision meeting.",
    )
    services.meeting_announce(meeting=workshop, actor=actor, at=_at(today, -3, 9))
    services.meeting_create(
        process=process, stage=stages["decision"], actor=actor,
        title="Decision meeting on the shared approach", kind=Meeting.Kind.DECISION,
        starts_at=_at(today, 75, 14, "Asia/Kolkata"), ends_at=_at(today, 75, 18, "Asia/Kolkata"),
        timezone="Asia/Kolkata", place="New Delhi, and online",
        agenda="1. The draft approach\n2. Consensus call\n3. Hand-over to the venues",
    )
    counts["meetings"] += 3
    return counts
