"""The `polycentric` command: setup, gaps, import and export.

Most tests call `polycentric.cli.main` in-process on the test database; one runs the real command
in a subprocess against a fresh SQLite file, as an operator would.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from polycentric.cli import main
from polycentric.issuemap.exporter import map_document
from polycentric.issuemap.models import Issue
from tests.issuemap import mapfiles
from tests.issuemap.mapfiles import database_counts, good_map, write_map

people_once, reference = mapfiles.people_once, mapfiles.reference  # load the vocabularies once

STATUSES = {"covered", "home_cannot_act", "home_excludes_groups", "home_not_global", "no_home"}


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# ---- gaps ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_gaps_json_has_the_documented_shape(small_map, capsys):
    code, out, err = run(capsys, "gaps", "--format", "json")

    assert (code, err) == (0, "")
    document = json.loads(out)
    assert {"issues", "venues", "aspects", "gaps", "summary"} <= set(document)
    assert (document["issues"], document["venues"], document["aspects"]) == (5, 4, 6)
    assert document["summary"] == dict.fromkeys(sorted(STATUSES), 1)
    assert [(g["issue"], g["aspect"], g["status"]) for g in document["gaps"]] == [
        ("connectivity", "affordability", "home_cannot_act"),
        ("cyber-norms", "state-behaviour", "home_excludes_groups"),
        ("data-flows", "transfers", "home_not_global"),
        ("jurisdiction", "applicable-law", "no_home"),
    ]
    for gap in document["gaps"]:
        assert set(gap) == {"issue", "aspect", "status", "reasons"}
        assert gap["reasons"]


@pytest.mark.django_db
def test_gaps_text_lists_the_counts_and_each_gap_with_its_reasons(small_map, capsys):
    code, out, _ = run(capsys, "gaps")

    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Gaps on the map (aspects that need global policy-making)"
    assert any(line.split() == ["no_home", "1"] for line in lines)
    assert "jurisdiction / applicable-law: no_home" in lines
    assert "  - No venue on the map covers this aspect." in lines
    assert "spam / enforcement" not in out, "covered aspects are not gaps"


@pytest.mark.django_db
def test_gaps_on_an_empty_map(reference, capsys):
    code, out, _ = run(capsys, "gaps", "--format", "json")

    assert code == 0
    document = json.loads(out)
    assert (document["issues"], document["gaps"]) == (0, [])
    assert document["summary"] == dict.fromkeys(sorted(STATUSES), 0)


def test_an_unknown_format_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["gaps", "--format", "xml"])

    assert exited.value.code == 2
    assert "--format" in capsys.readouterr().err


# ---- import -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_import_a_good_file(reference, capsys, tmp_path):
    path = write_map(tmp_path, good_map())

    code, out, err = run(capsys, "import", str(path))

    assert (code, err) == (0, "")
    assert out.startswith("Imported map.yaml: baskets: 2 new, 0 updated;")
    assert Issue.objects.count() == 2


@pytest.mark.django_db
def test_import_a_bad_file_names_the_problem_and_changes_nothing(reference, capsys, tmp_path):
    run(capsys, "import", str(write_map(tmp_path, good_map(), "base.json")))
    counts = database_counts()
    document = good_map()
    document["issues"][0]["basket"] = "securty"
    document["issues"][1]["title"] = "Changed"
    path = write_map(tmp_path, document)

    code, out, err = run(capsys, "import", str(path))

    assert (code, out) == (2, "")
    assert "map.yaml: issues[0] (spam): basket: unknown basket 'securty'" in err
    assert "nothing was imported" in err
    assert database_counts() == counts
    assert Issue.objects.get(slug="jurisdiction").title == "Jurisdiction"


@pytest.mark.django_db
def test_import_malformed_yaml_names_the_line(reference, capsys, tmp_path):
    path = tmp_path / "broken.yml"
    path.write_text("issues:\n  - slug: spam\n    title: Spam: again\n")
    counts = database_counts()

    code, _, err = run(capsys, "import", str(path))

    assert code == 2
    assert "broken.yml: line 3: malformed YAML" in err
    assert database_counts() == counts


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "message"),
    [
        pytest.param("missing.yaml", "no such file", id="missing file"),
        pytest.param("map.txt", "expected a .yaml, .yml or .json file", id="wrong kind of file"),
    ],
)
def test_import_refuses_what_is_not_a_map_file(reference, capsys, tmp_path, name, message):
    if name.endswith(".txt"):
        (tmp_path / name).write_text("baskets: []\n")
    counts = database_counts()

    code, out, err = run(capsys, "import", str(tmp_path / name))

    assert (code, out) == (2, "")
    assert err.startswith("polycentric: import: FILE:")
    assert message in err
    assert database_counts() == counts


# ---- export -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_export_json_to_standard_output_is_the_map_document(small_map, capsys):
    code, out, _ = run(capsys, "export", "--format", "json")

    assert code == 0
    assert json.loads(out) == json.loads(json.dumps(map_document()))


@pytest.mark.django_db
def test_export_json_to_a_folder_then_import_changes_nothing(small_map, capsys, tmp_path):
    code, out, _ = run(capsys, "export", "--format", "json", "--out", str(tmp_path / "out"))
    assert code == 0
    written = tmp_path / "out" / "map.json"
    assert out.strip() == str(written)
    counts = database_counts()

    code, out, _ = run(capsys, "import", str(written))

    assert code == 0
    assert "nothing to import" in out
    assert database_counts() == counts


@pytest.mark.django_db
def test_export_csv_writes_tables_with_headers_and_rows(small_map, capsys, tmp_path):
    folder = tmp_path / "tables"

    code, out, _ = run(capsys, "export", "--format", "csv", "--out", str(folder))

    assert code == 0
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["aspects.csv", "gaps.csv", "issues.csv", "mandates.csv",
                     "participation.csv", "venues.csv"]
    assert sorted(Path(line).name for line in out.split()) == names
    issues = list(csv.reader(io.StringIO((folder / "issues.csv").read_text(encoding="utf-8"))))
    assert issues[0][:5] == ["slug", "title", "basket", "status", "gap_status"]
    assert sorted(row[0] for row in issues[1:]) == sorted(small_map["issues"])
    gaps = list(csv.reader(io.StringIO((folder / "gaps.csv").read_text(encoding="utf-8"))))
    assert len(gaps) == 1 + 5


# ---- the real command, in a subprocess ----------------------------------------------------------

MAP_TABLES = ("issuemap_basket", "issuemap_actionline", "issuemap_issue", "issuemap_aspect",
              "issuemap_venue", "issuemap_participation", "issuemap_mandate", "core_event",
              "accounts_stakeholdergroup", "accounts_country")


def polycentric(tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'polycentric.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "polycentric.config.settings.dev",
        "POLYCENTRIC_VAR_DIR": str(tmp_path),
    }
    return subprocess.run([sys.executable, "-m", "polycentric.cli", *argv], env=env,
                          capture_output=True, text=True, timeout=180, check=False)


def table_counts(database: Path) -> dict[str, int]:
    with sqlite3.connect(database) as connection:
        return {t: connection.execute(f"select count(*) from {t}").fetchone()[0]
                for t in MAP_TABLES}


def test_setup_is_idempotent_and_gaps_reports_the_reference_map(tmp_path):
    first = polycentric(tmp_path, "setup")
    assert first.returncode == 0, first.stderr
    counts = table_counts(tmp_path / "polycentric.sqlite3")
    assert counts["issuemap_issue"] >= 60 and counts["issuemap_venue"] >= 40

    second = polycentric(tmp_path, "setup")

    assert second.returncode == 0, second.stderr
    assert "Map: nothing to import." in second.stdout
    assert table_counts(tmp_path / "polycentric.sqlite3") == counts

    gaps = polycentric(tmp_path, "gaps", "--format", "json")
    assert gaps.returncode == 0, gaps.stderr
    document = json.loads(gaps.stdout)
    assert document["issues"] == counts["issuemap_issue"]
    assert document["venues"] == counts["issuemap_venue"]
    assert document["aspects"] == counts["issuemap_aspect"]
    assert set(document["summary"]) == STATUSES
    assert all(document["summary"][status] > 0 for status in STATUSES)
    assert sum(document["summary"].values()) - document["summary"]["covered"] == len(
        document["gaps"])
    assert any(g["issue"] == "jurisdiction" and g["status"] == "no_home"
               for g in document["gaps"])


def test_gaps_before_setup_says_to_run_setup(tmp_path):
    result = polycentric(tmp_path, "gaps")

    assert result.returncode == 2
    assert "polycentric setup" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.django_db
def test_export_into_a_path_that_is_a_file_is_a_usage_error(small_map, capsys, tmp_path):
    target = tmp_path / "not-a-folder"
    target.write_text("keep me")

    assert main(["export", "--format", "csv", "--out", str(target)]) == 2

    assert "--out" in capsys.readouterr().err
    assert target.read_text() == "keep me"
