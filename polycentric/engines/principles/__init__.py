"""The principles engine: does a body let every stakeholder group and region take part, and can
any one of them be left out of a decision?

Read a body file (`parse_body_document`), check it against P1 (all stakeholder groups), P3
(global) and P4 (no group or region decides alone) and compute the voting power of its seats
(`analyze`), then present the `Scorecard` as JSON (`scorecard_document`) or text
(`scorecard_text`). P2 (inclusive, transparent, accountable) checks the stages and meetings of a
process rather than a body: `check_transparency` reports every one announced late, not announced,
announced without background, or with minutes overdue. Pure Python: plain typed data in and
out, deterministic order.

>>> from polycentric.engines.principles import analyze, parse_body_document
>>> spec = parse_body_document('''
... name: CGI.br
... groups: [government, private_sector, civil_society, science_technology, expert]
... regions: [GRULAC]
... seats:
...   - {name: government,   group: government,         region: GRULAC, count: 9}
...   - {name: business,     group: private_sector,     region: GRULAC, count: 4}
...   - {name: third_sector, group: civil_society,      region: GRULAC, count: 4}
...   - {name: academia,     group: science_technology, region: GRULAC, count: 3}
...   - {name: expert,       group: expert,             region: GRULAC, count: 1}
... rule: {majority: simple}
... ''', name="cgi_br.yaml")
>>> card = analyze(spec)
>>> [(p.key.value, p.passed) for p in card.principles]
[('all_groups', True), ('global', False), ('no_group_decides_alone', False), ('no_region_decides_alone', True)]
>>> print(card.principle("no_group_decides_alone").violations[2].reason)
government and business seats (13 of 21) can pass a decision without civil society; the 17 seats outside civil society alone hold 17 votes, and 11 pass a decision
"""

from polycentric.engines.principles.bodyfile import parse_body_data, parse_body_document
from polycentric.engines.principles.checks import (
    TITLES,
    AllGroupsDetails,
    DecidesAloneDetails,
    GlobalDetails,
    PrincipleDetails,
    PrincipleKey,
    PrincipleResult,
    RegionShare,
    Scorecard,
    Shortfall,
    Violation,
    all_groups,
    analyze,
    decides_alone,
    global_reach,
)
from polycentric.engines.principles.errors import BodyFileError, Problem
from polycentric.engines.principles.report import scorecard_document, scorecard_text
from polycentric.engines.principles.spec import (
    DEFAULT_MAX_REGION_SHARE,
    DEFAULT_MIN_GROUP_SEATS,
    DEFAULT_MIN_REGION_SEATS,
    BodySpec,
    Thresholds,
)
from polycentric.engines.principles.transparency import (
    TRANSPARENCY_TITLE,
    Finding,
    FindingCode,
    ItemReport,
    Notice,
    NoticePeriods,
    ProcessItem,
    TransparencyDetails,
    TransparencyKey,
    TransparencyResult,
    check_transparency,
    date_words,
    stage_notice,
    transparency_document,
)
from polycentric.engines.principles.words import rule_words

__all__ = [
    "DEFAULT_MAX_REGION_SHARE",
    "DEFAULT_MIN_GROUP_SEATS",
    "DEFAULT_MIN_REGION_SEATS",
    "TITLES",
    "TRANSPARENCY_TITLE",
    "AllGroupsDetails",
    "BodyFileError",
    "BodySpec",
    "DecidesAloneDetails",
    "Finding",
    "FindingCode",
    "GlobalDetails",
    "ItemReport",
    "Notice",
    "NoticePeriods",
    "PrincipleDetails",
    "PrincipleKey",
    "PrincipleResult",
    "Problem",
    "ProcessItem",
    "RegionShare",
    "Scorecard",
    "Shortfall",
    "Thresholds",
    "TransparencyDetails",
    "TransparencyKey",
    "TransparencyResult",
    "Violation",
    "all_groups",
    "analyze",
    "check_transparency",
    "date_words",
    "decides_alone",
    "global_reach",
    "parse_body_data",
    "parse_body_document",
    "rule_words",
    "scorecard_document",
    "scorecard_text",
    "stage_notice",
    "transparency_document",
]
