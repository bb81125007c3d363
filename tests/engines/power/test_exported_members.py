"""The power engine's public API is what `__all__` says, and nothing is missing from it."""

import polycentric.engines.power as power

EXPECTED = [
    "ALL_SEATS",
    "AllOf",
    "AllSeats",
    "AnyOf",
    "Consensus",
    "Each",
    "EntryPower",
    "Game",
    "Majority",
    "Method",
    "PowerError",
    "PowerResult",
    "PowerTotal",
    "Rule",
    "RuleError",
    "Scope",
    "Seat",
    "SeatError",
    "Threshold",
    "Within",
    "check_rule",
    "check_seats",
    "compute_power",
    "is_winning",
    "parse_rule",
    "rule_document",
    "winning_without",
]


def test_all_is_pinned():
    assert power.__all__ == EXPECTED


def test_every_exported_name_exists():
    for name in power.__all__:
        assert getattr(power, name) is not None, name


def test_public_names_are_all_exported():
    public = {
        name
        for name, value in vars(power).items()
        if not name.startswith("_") and getattr(value, "__module__", "").startswith(power.__name__)
    }
    assert public <= set(power.__all__)
