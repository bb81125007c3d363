"""Importing a map file: all or nothing, idempotent, and every problem named by file, entry and
field (docs/map-format.md)."""

from __future__ import annotations

import json

import pytest

from polycentric.core.errors import ImportRejected
from polycentric.core.models import Event
from polycentric.engines.gaps import GapStatus
from polycentric.issuemap.exporter import map_document
from polycentric.issuemap.importer import map_import
from polycentric.issuemap.models import (
    ActionLine,
    Aspect,
    Basket,
    Issue,
    Mandate,
    Participation,
    Venue,
)
from polycentric.issuemap.reference import MAP_FILE
from polycentric.issuemap.selectors import gap_report
from tests.issuemap import mapfiles
from tests.issuemap.mapfiles import database_counts, good_map, shared_database, write_map

pytestmark = pytest.mark.django_db

people_once, reference = mapfiles.people_once, mapfiles.reference  # load the vocabularies once


# ---- a good file --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["map.yaml", "map.yml", "map.json"])
def test_a_good_file_creates_the_map(reference, wanjiru, tmp_path, name):
    path = write_map(tmp_path, good_map(), name)

    result = map_import(path=path, actor=wanjiru)

    assert dict(result.created) == {
        "basket": 2, "action_line": 3, "issue": 2, "aspect": 3, "venue": 3,
        "participation": 10, "mandate": 3,
    }
    assert sum(result.updated.values()) == 0
    spam = Issue.objects.get(slug="spam")
    assert spam.basket.slug == "security"
    assert [a.code for a in spam.action_lines.all()] == ["C5"]
    assert [(a.slug, a.needs_global_policy) for a in spam.aspects.order_by("order")] == [
        ("enforcement", True), ("filtering", False),
    ]
    assert Issue.objects.get(slug="jurisdiction").priority == 1
    assert ActionLine.objects.get(code="C7.e-health").parent.code == "C7"
    assert ActionLine.objects.get(code="C7.e-health").co_facilitators == "ITU"
    africa = Venue.objects.get(slug="aaf-africa")
    assert africa.parent.slug == "anti-abuse-forum"
    assert [f"{r.scheme.slug}:{r.slug}" for r in africa.regions.all()] == ["un:african"]
    assert dict(africa.participation.values_list("group__slug", "mode")) == {
        "governments": "member", "civil_society": "observer",
    }
    states = Venue.objects.get(slug="states-group")
    assert (states.can_decide, states.can_recommend, states.outputs) == (True, True, "partly_binding")
    whole = Mandate.objects.get(venue=africa)
    assert (whole.aspect, whole.extent) == (None, "partial")
    assert Mandate.objects.get(venue__slug="anti-abuse-forum").aspect.slug == "enforcement"


def test_a_good_file_records_one_event_by_the_actor(reference, wanjiru, tmp_path):
    before = Event.objects.count()

    map_import(path=write_map(tmp_path, good_map()), actor=wanjiru)

    assert Event.objects.count() == before + 1
    event = Event.objects.order_by("-id").first()
    assert (event.kind, event.actor, event.object_id) == ("map.imported", wanjiru, "map.yaml")
    assert event.payload["created"]["issue"] == 2
    assert "map.yaml" in event.summary


def test_the_imported_map_has_the_gaps_its_data_implies(reference, tmp_path):
    map_import(path=write_map(tmp_path, good_map()), actor=None)

    statuses = {(g.issue, g.aspect): g.status for g in gap_report().aspects}

    assert statuses == {
        ("spam", "enforcement"): GapStatus.COVERED,
        ("jurisdiction", "applicable-law"): GapStatus.HOME_EXCLUDES_GROUPS,
    }


def test_importing_twice_changes_nothing(reference, tmp_path):
    path = write_map(tmp_path, good_map())
    map_import(path=path, actor=None)
    counts, document = database_counts(), map_document()

    again = map_import(path=path, actor=None)

    assert sum(again.created.values()) == sum(again.updated.values()) == 0
    assert again.summary() == "nothing to import"
    assert database_counts() == counts
    assert map_document() == document


def test_the_same_map_in_yaml_and_json_imports_the_same(reference, tmp_path):
    map_import(path=write_map(tmp_path, good_map(), "map.yaml"), actor=None)
    document, counts = map_document(), database_counts()

    result = map_import(path=write_map(tmp_path, good_map(), "map.json"), actor=None)

    assert sum(result.created.values()) == sum(result.updated.values()) == 0
    assert (map_document(), database_counts()) == (document, counts)


def test_a_changed_entry_is_updated_and_nothing_absent_is_deleted(reference, tmp_path):
    map_import(path=write_map(tmp_path, good_map()), actor=None)
    changed = good_map()
    changed["issues"][0]["title"] = "Spam and unsolicited messages"
    del changed["issues"][1]
    changed["mandates"] = changed["mandates"][:2]

    result = map_import(path=write_map(tmp_path, changed), actor=None)

    assert dict(result.updated) == {"issue": 1}
    assert Issue.objects.get(slug="spam").title == "Spam and unsolicited messages"
    assert Issue.objects.filter(slug="jurisdiction").exists()
    assert Mandate.objects.count() == 3


def test_a_group_no_longer_listed_takes_no_part(reference, tmp_path):
    map_import(path=write_map(tmp_path, good_map()), actor=None)
    changed = good_map()
    changed["venues"][0]["participation"] = {
        g: m for g, m in changed["venues"][0]["participation"].items() if g != "civil_society"
    }
    before = Event.objects.count()

    map_import(path=write_map(tmp_path, changed), actor=None)

    forum = Venue.objects.get(slug="anti-abuse-forum")
    assert not forum.participation.filter(group__slug="civil_society").exists()
    assert gap_report().issues["spam"].status is GapStatus.HOME_EXCLUDES_GROUPS
    assert Event.objects.count() == before + 1


def test_baskets_keep_their_file_order(reference, tmp_path):
    document = good_map()
    document["baskets"][1]["order"] = 0
    document["baskets"][0]["order"] = 7

    map_import(path=write_map(tmp_path, document), actor=None)

    assert list(Basket.objects.values_list("slug", "order")) == [("legal", 0), ("security", 7)]


# ---- bad files ----------------------------------------------------------------------------------


def _set(path, value):
    """A change to the document: set the value at a path of keys and indexes."""
    def change(document):
        target = document
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


def _append(section, entry):
    return lambda document: document[section].append(entry)


def _delete(path):
    def change(document):
        target = document
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
    return change


SPAM = "issues[0] (spam)"
FORUM = "venues[0] (anti-abuse-forum)"

# name: (change, entry, field, problem)
BAD_DOCUMENTS = {
    "reserved issue slug": (
        _append("issues", {"slug": "new", "title": "New", "basket": "legal"}),
        "issues[2] (new)", "slug", "'new' is reserved"),
    "unknown basket": (
        _set(("issues", 0, "basket"), "securty"), SPAM, "basket", "unknown basket 'securty'"),
    "duplicate issue slug": (
        _append("issues", {"slug": "spam", "title": "Spam again", "basket": "legal"}),
        "issues[2] (spam)", "slug", "duplicate slug 'spam'"),
    "duplicate venue slug": (
        _append("venues", {"slug": "states-group", "name": "Again", "kind": "treaty",
                           "reach": "global"}),
        "venues[3] (states-group)", "slug", "duplicate slug 'states-group'"),
    "duplicate aspect slug in an issue": (
        lambda d: d["issues"][1]["aspects"].append({"slug": "applicable-law", "title": "Again"}),
        "issues[1] (jurisdiction).aspects[1] (applicable-law)", "slug", "duplicate aspect slug"),
    "duplicate mandate": (
        _append("mandates", {"venue": "aaf-africa", "issue": "spam", "aspect": None}),
        "mandates[3] (aaf-africa -> spam)", "venue", "duplicate mandate"),
    "mandate to a missing venue": (
        _append("mandates", {"venue": "nowhere", "issue": "spam"}),
        "mandates[3] (nowhere -> spam)", "venue", "unknown venue 'nowhere'"),
    "mandate to a missing issue": (
        _append("mandates", {"venue": "states-group", "issue": "taxes"}),
        "mandates[3] (states-group -> taxes)", "issue", "unknown issue 'taxes'"),
    "mandate to a missing aspect": (
        _append("mandates", {"venue": "states-group", "issue": "spam",
                             "aspect": "applicable-law"}),
        "mandates[3] (states-group -> spam/applicable-law)", "aspect",
        "issue 'spam' has no aspect 'applicable-law'"),
    "unknown mandate extent": (
        _set(("mandates", 1, "extent"), "most"), "mandates[1] (aaf-africa -> spam)", "extent",
        "unknown value 'most'"),
    "unknown participation mode": (
        _set(("venues", 0, "participation", "civil_society"), "boss"), FORUM,
        "participation.civil_society", "unknown participation mode 'boss'"),
    "unknown stakeholder group": (
        _set(("venues", 2, "participation", "aliens"), "member"), "venues[2] (states-group)",
        "participation.aliens", "unknown stakeholder group 'aliens'"),
    "unknown region": (
        _set(("venues", 1, "regions"), ["un:atlantis"]), "venues[1] (aaf-africa)", "regions",
        "unknown region 'un:atlantis'"),
    "unknown venue kind": (
        _set(("venues", 2, "kind"), "club"), "venues[2] (states-group)", "kind",
        "unknown value 'club'"),
    "unknown action line": (
        _set(("issues", 0, "action_lines"), ["C99"]), SPAM, "action_lines",
        "unknown action line 'C99'"),
    "unknown parent venue": (
        _set(("venues", 1, "parent"), "nowhere"), "venues[1] (aaf-africa)", "parent",
        "unknown venue 'nowhere'"),
    "a parent cycle": (
        _set(("venues", 0, "parent"), "aaf-africa"), FORUM, "parent", "cycle"),
    "unknown top-level section": (
        _set(("venue",), []), "document", "venue", "unknown section"),
    "unknown field in an issue": (
        _set(("issues", 1, "colour"), "red"), "issues[1] (jurisdiction)", "colour",
        "unknown field"),
    "unknown field in an aspect": (
        _set(("issues", 0, "aspects", 0, "needs_global"), True),
        "issues[0] (spam).aspects[0] (enforcement)", "needs_global", "unknown field"),
    "unknown field in a venue": (
        _set(("venues", 0, "website"), "https://example.org"), FORUM, "website",
        "unknown field"),
    "a required field missing": (
        _delete(("venues", 2, "kind")), "venues[2] (states-group)", "kind", "is required"),
    "global: yes": (
        _set(("issues", 0, "aspects", 1, "global"), "yes"),
        "issues[0] (spam).aspects[1] (filtering)", "global", "must be true or false, not 'yes'"),
    "can_decide: 1": (
        _set(("venues", 2, "can_decide"), 1), "venues[2] (states-group)", "can_decide",
        "must be true or false"),
    "a title that is a number": (
        _set(("issues", 1, "title"), 42), "issues[1] (jurisdiction)", "title", "must be text"),
    "a bad source link": (
        _set(("mandates", 0, "source"), "example.org/aaf/charter"),
        "mandates[0] (anti-abuse-forum -> spam/enforcement)", "source",
        "'example.org/aaf/charter' is not an http(s) link"),
    "a bad venue url": (
        _set(("venues", 0, "url"), "ftp://example.org"), FORUM, "url", "not an http(s) link"),
    "a venue url too long for the database": (
        _set(("venues", 0, "url"), "https://example.org/" + "a" * 200), FORUM, "url",
        "longer than 200 characters"),
    "a source link too long for the database": (
        _set(("mandates", 0, "source"), "https://example.org/" + "a" * 500),
        "mandates[0] (anti-abuse-forum -> spam/enforcement)", "source",
        "longer than 500 characters"),
    "a bad slug": (
        _set(("issues", 1, "slug"), "Juris Diction"), "issues[1] (Juris Diction)", "slug",
        "not a valid slug"),
    "a slug that is a list": (
        _set(("issues", 1, "slug"), ["juris", "diction"]), "issues[1]", "slug",
        "not a valid slug"),
    "a basket that is a list": (
        _set(("issues", 0, "basket"), ["security"]), SPAM, "basket", "unknown basket"),
    "a mandate venue that is a mapping": (
        _set(("mandates", 2, "venue"), {"slug": "states-group"}),
        "mandates[2] ({'slug': 'states-group'} -> jurisdiction/applicable-law)", "venue",
        "unknown venue"),
    "a basket slug too long for the database": (
        _set(("baskets", 1, "slug"), "b" * 65), f"baskets[1] ({'b' * 65})", "slug",
        "longer than 64 characters"),
    "a basket order that is text": (
        _set(("baskets", 1, "order"), "first"), "baskets[1] (legal)", "order",
        "must be a whole number"),
    "a priority of true": (
        _set(("issues", 1, "priority"), True), "issues[1] (jurisdiction)", "priority",
        "must be a whole number"),
    "a negative priority": (
        _set(("issues", 1, "priority"), -1), "issues[1] (jurisdiction)", "priority",
        "must be a whole number"),
    "sub-lines that are not a list": (
        _set(("action_lines", 1, "sub_lines"), "C7.e-health"), "action_lines[1] (C7)",
        "sub_lines", "must be a list"),
    "a section that is not a list": (
        _set(("venues",), {"slug": "itu"}), "venues", "venues", "must be a list"),
    "an entry that is not a mapping": (
        _set(("issues", 1), "jurisdiction"), "issues[1]", "issues", "must be a mapping"),
}


@pytest.fixture(scope="class")
def loaded_once(people_once, django_db_blocker, tmp_path_factory):
    """The good map imported once for the class; a bad import must leave exactly this behind."""
    with shared_database(django_db_blocker):
        map_import(path=write_map(tmp_path_factory.mktemp("base"), good_map()), actor=None)
        yield database_counts(), map_document()


@pytest.fixture
def loaded(loaded_once, db):
    return loaded_once


def assert_unchanged(loaded):
    counts, document = loaded
    assert database_counts() == counts
    assert map_document() == document


def _broken(change):
    """The good map with new things (that must not be written) and one problem."""
    document = good_map()
    document["baskets"].append({"slug": "economic", "name": "Economic"})
    document["issues"][0]["title"] = "Changed title that must not be saved"
    change(document)
    return document


class TestBadFiles:
    """Each bad file is refused with its problems named, and the database keeps the good map."""

    @pytest.mark.parametrize("name", ["map.yaml", "map.json"])
    @pytest.mark.parametrize(
        ("change", "entry", "field", "problem"),
        [pytest.param(*case, id=case_name) for case_name, case in BAD_DOCUMENTS.items()],
    )
    def test_a_bad_entry_is_named_and_nothing_is_written(self, loaded, tmp_path, name, change, entry,
                                                         field, problem):
        path = write_map(tmp_path, _broken(change), name)

        with pytest.raises(ImportRejected) as caught:
            map_import(path=path, actor=None)

        where = f"{name}: {entry}: {field}"
        assert f"{where}: " in caught.value.message
        assert problem in caught.value.message
        assert "nothing was imported" in caught.value.message
        assert any(key.startswith(where) for key in caught.value.errors), caught.value.errors
        assert_unchanged(loaded)


    def test_every_problem_is_listed_not_only_the_first(self, loaded, tmp_path):
        document = good_map()
        document["issues"][0]["basket"] = "securty"
        document["venues"][0]["participation"]["civil_society"] = "boss"
        document["mandates"].append({"venue": "nowhere", "issue": "spam"})

        with pytest.raises(ImportRejected) as caught:
            map_import(path=write_map(tmp_path, document), actor=None)

        assert caught.value.message.startswith("map.yaml: 3 problem(s); nothing was imported.")
        assert len(caught.value.errors) == 3


    def test_malformed_yaml_names_the_file_and_line(self, loaded, tmp_path):
        path = tmp_path / "broken.yaml"
        path.write_text("baskets:\n  - slug: security\n    name: Security: the basket\n")

        with pytest.raises(ImportRejected) as caught:
            map_import(path=path, actor=None)

        assert caught.value.message.startswith("broken.yaml: line 3: malformed YAML")
        assert_unchanged(loaded)


    def test_malformed_json_names_the_file_and_line(self, loaded, tmp_path):
        path = tmp_path / "broken.json"
        path.write_text('{"baskets": [\n  {"slug": "security", "name": "Security",}\n]}\n')

        with pytest.raises(ImportRejected) as caught:
            map_import(path=path, actor=None)

        assert caught.value.message.startswith("broken.json: line 2: malformed JSON")
        assert_unchanged(loaded)


    def test_yaml_in_a_json_file_is_malformed_json(self, loaded, tmp_path):
        path = tmp_path / "map.json"
        path.write_text("baskets: []\n")

        with pytest.raises(ImportRejected, match=r"^map\.json: line 1: malformed JSON"):
            map_import(path=path, actor=None)
        assert_unchanged(loaded)


    @pytest.mark.parametrize("content", ["", "- just\n- a list\n", "42\n"],
                             ids=["empty", "a list", "a number"])
    def test_a_document_that_is_not_a_mapping_is_refused(self, loaded, tmp_path, content):
        path = tmp_path / "map.yaml"
        path.write_text(content)

        with pytest.raises(ImportRejected, match=r"map\.yaml: document: document: must be a mapping"):
            map_import(path=path, actor=None)
        assert_unchanged(loaded)


    def test_a_file_that_is_not_text_is_refused(self, loaded, tmp_path):
        path = tmp_path / "map.yaml"
        path.write_bytes(b"\xff\xfe\x00baskets")

        with pytest.raises(ImportRejected, match=r"map\.yaml: cannot read the file"):
            map_import(path=path, actor=None)
        assert_unchanged(loaded)


    def test_a_failure_while_writing_rolls_everything_back(self, loaded, tmp_path, monkeypatch):
        """Belt and braces: if the database refuses a row the checks let through, nothing stays."""
        from polycentric.issuemap import importer

        def refuse(*args, **kwargs):
            raise RuntimeError("the database said no")

        monkeypatch.setattr(importer, "event_record", refuse)
        document = good_map()
        document["baskets"].append({"slug": "economic", "name": "Economic"})

        with pytest.raises(RuntimeError):
            map_import(path=write_map(tmp_path, document), actor=None)
        assert_unchanged(loaded)


# ---- the bundled reference map ------------------------------------------------------------------


@pytest.fixture(scope="class")
def reference_map_once(people_once, django_db_blocker):
    with shared_database(django_db_blocker):
        if not MAP_FILE.exists():
            pytest.fail(f"the bundled reference map {MAP_FILE} is missing")
        yield map_import(path=MAP_FILE, actor=None)


@pytest.fixture
def reference_map(reference_map_once, db):
    return reference_map_once


class TestReferenceMap:
    """The bundled reference map (polycentric/issuemap/reference/map.yaml), imported once."""

    def test_the_reference_map_imports_cleanly_and_twice_changes_nothing(self, reference_map):
        counts = database_counts()

        again = map_import(path=MAP_FILE, actor=None)

        assert sum(again.created.values()) == sum(again.updated.values()) == 0
        assert database_counts() == counts


    def test_the_reference_map_is_big_enough(self, reference_map):
        assert Issue.objects.count() >= 60
        assert Venue.objects.count() >= 40
        sizes = {i.slug: i.aspects.count() for i in Issue.objects.prefetch_related("aspects")}
        assert {slug: n for slug, n in sizes.items() if not 1 <= n <= 4} == {}
        assert Mandate.objects.count() >= Issue.objects.count() // 2


    def test_the_reference_map_has_every_action_line(self, reference_map):
        codes = set(ActionLine.objects.filter(parent=None).values_list("code", flat=True))
        assert {f"C{n}" for n in range(1, 12)} <= codes
        sub_lines = ActionLine.objects.filter(parent__code="C7")
        assert sub_lines.count() >= 2
        assert all(line.code.startswith("C7") for line in sub_lines)


    def test_the_reference_map_cites_its_sources(self, reference_map):
        assert list(Issue.objects.filter(source="").values_list("slug", flat=True)) == []
        assert list(Venue.objects.filter(source="").values_list("slug", flat=True)) == []


    def test_the_reference_map_shows_every_kind_of_gap(self, reference_map):
        report = gap_report()

        found = {g.status for g in report.aspects}
        assert set(GapStatus) - {GapStatus.NOT_ASSESSED} <= found
        jurisdiction = [g for g in report.aspects if g.issue == "jurisdiction"]
        assert GapStatus.NO_HOME in {g.status for g in jurisdiction}
        assert Participation.objects.exists()
        assert Aspect.objects.filter(needs_global_policy=True).count() == len(report.aspects)


    def test_the_reference_map_round_trips_through_json(self, reference_map, tmp_path):
        """What `polycentric export` writes, `polycentric import` reads back as no change."""
        path = tmp_path / "export.json"
        path.write_text(json.dumps(map_document()), encoding="utf-8")

        result = map_import(path=path, actor=None)

        assert sum(result.created.values()) == sum(result.updated.values()) == 0
