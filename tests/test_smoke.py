import pytest

from polycentric.issuemap.selectors import gap_document


@pytest.mark.django_db
def test_small_map_has_one_issue_per_status(small_map):
    doc = gap_document()
    assert doc["summary"] == {
        "covered": 1, "home_cannot_act": 1, "home_excludes_groups": 1,
        "home_not_global": 1, "no_home": 1,
    }
    assert doc["issues"] == 5 and doc["venues"] == 4 and doc["aspects"] == 6
