"""Plain words for names, shares, coalitions and decision rules, as a participant would say them.

>>> join_words(["government", "business", "expert"])
'government, business and expert'
>>> percent(Fraction(9, 21))
'42.9%'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction

from polycentric.engines.power import (
    AllOf,
    AllSeats,
    AnyOf,
    Consensus,
    Each,
    Majority,
    Rule,
    Seat,
    Threshold,
    Within,
)

MAJORITY_WORDS = {
    Majority.SIMPLE: "a simple majority",
    Majority.TWO_THIRDS: "a two-thirds majority",
    Majority.THREE_QUARTERS: "a three-quarters majority",
}


def label(name: str) -> str:
    """A group, region or seat name as words: ``civil_society`` is "civil society"."""
    return name.replace("_", " ")


def join_words(items: Sequence[str], conjunction: str = "and") -> str:
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def percent(share: Fraction) -> str:
    """A share as a percentage: whole when it is whole, else to one decimal."""
    hundredths = share * 100
    if hundredths.denominator == 1:
        return f"{hundredths.numerator}%"
    return f"{float(hundredths):.1f}%"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``plural(1, "seat")`` is "1 seat", ``plural(3, "seat")`` is "3 seats"."""
    word = singular if count == 1 else (plural_form or f"{singular}s")
    return f"{count} {word}"


def coalition_words(coalition: Mapping[str, int], seats: Sequence[Seat]) -> str:
    """The seats of a coalition by entry, in the order of the entries: "government and business
    seats"; a stakeholder group whose several entries are all held whole is named once
    ("government, civil society seats"); "2 of the 4 business seats" when it holds only some.

    >>> seats = [Seat("gov_a", "government", count=2), Seat("gov_b", "government", count=3),
    ...          Seat("business", "private_sector", count=4)]
    >>> coalition_words({"gov_a": 2, "gov_b": 3, "business": 2}, seats)
    'government seats and 2 of the 4 business seats'
    """
    counts = {seat.name: seat.count for seat in seats}
    entries_of: dict[str, list[str]] = {}
    for seat in seats:
        entries_of.setdefault(seat.group, []).append(seat.name)
    whole: list[str] = []
    partial: list[str] = []
    named: set[str] = set()
    for seat in seats:
        held = coalition.get(seat.name, 0)
        if not held or seat.group in named:
            continue
        members = entries_of[seat.group]
        if len(members) > 1 and all(coalition.get(e, 0) == counts[e] for e in members):
            whole.append(label(seat.group))
            named.add(seat.group)
        elif held == counts[seat.name]:
            whole.append(label(seat.name))
        else:
            partial.append(f"{held} of the {counts[seat.name]} {label(seat.name)} seats")
    parts = [f"{join_words(whole)} seats"] if whole else []
    return join_words(parts + partial)


def rule_words(rule: Rule, seats: Sequence[Seat]) -> str:
    """A decision rule in words, with the votes a threshold over all seats needs.

    >>> seats = [Seat("government", "government", count=9), Seat("business", "business", count=4)]
    >>> rule_words(Threshold(Majority.SIMPLE), seats)
    'a simple majority of all seats (7 of 13 votes)'
    >>> concurrent = AllOf((Threshold(Majority.SIMPLE), Threshold(Majority.SIMPLE, Each("group"))))
    >>> print(rule_words(concurrent, seats))
    a simple majority of all seats (7 of 13 votes) and a simple majority inside every stakeholder group
    """
    if isinstance(rule, Consensus):
        return "consensus (every seat must agree)"
    if isinstance(rule, AllOf | AnyOf):
        conjunction = "and" if isinstance(rule, AllOf) else "or"
        parts = [
            f"({rule_words(part, seats)})"
            if isinstance(part, AllOf | AnyOf)
            else rule_words(part, seats)
            for part in rule.parts
        ]
        return join_words(parts, conjunction)
    assert isinstance(rule, Threshold)
    if isinstance(rule.quota, Majority):
        needed = MAJORITY_WORDS[rule.quota]
    else:
        needed = f"at least {plural(rule.quota, 'vote')}"
    scope = rule.scope
    if isinstance(scope, AllSeats):
        total = sum(seat.count * seat.weight for seat in seats)
        if isinstance(rule.quota, Majority):
            return f"{needed} of all seats ({rule.required(total)} of {total} votes)"
        return f"{needed} of the {total} of all seats"
    if isinstance(scope, Within):
        kind = "stakeholder group" if scope.kind == "group" else scope.kind
        if scope.kind == "seat":
            return f"{needed} of the {label(scope.name)} seats"
        return f"{needed} of the seats of the {kind} {label(scope.name)}"
    assert isinstance(scope, Each)
    kind = "stakeholder group" if scope.kind == "group" else "region"
    return f"{needed} inside every {kind}"
