"""`polycentric analyze BODY.yaml`: a scorecard from a body file, with no database.

The in-process tests make Django setup fail loudly, so they prove `analyze` never needs it; one
test runs the real command with a database URL that points nowhere.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import polycentric.cli
from polycentric.cli import main

BODIES = Path(__file__).parent / "engines" / "principles" / "bodies"
CGI_BR = BODIES / "cgi_br.yaml"


@pytest.fixture(autouse=True)
def no_django(monkeypatch):
    def refuse() -> None:
        raise AssertionError("analyze must not set up Django")

    monkeypatch.setattr(polycentric.cli, "_django", refuse)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_text_explains_why_cgi_br_fails_p4(capsys):
    code, out, err = run(capsys, "analyze", str(CGI_BR))

    assert (code, err) == (0, "")
    assert out.startswith("Brazilian Internet Steering Committee (CGI.br)\n")
    assert "  [FAIL] P4 No group decides alone" in out.splitlines()
    assert "can pass a decision without civil society" in out
    assert "the 12 seats outside government alone hold 12 votes, and 11 pass a decision" in out


def test_json_is_the_scorecard_document(capsys):
    code, out, err = run(capsys, "analyze", str(CGI_BR), "--format", "json")

    assert (code, err) == (0, "")
    document = json.loads(out)
    assert (document["body"], document["seats"], document["method"]) == (
        "Brazilian Internet Steering Committee (CGI.br)",
        21,
        "exact",
    )
    assert {key: p["passed"] for key, p in document["principles"].items()} == {
        "all_groups": True,
        "global": False,
        "no_group_decides_alone": False,
        "no_region_decides_alone": True,
    }
    assert document["veto"] == []


@pytest.mark.parametrize("name", ["cgi_br_concurrent.yaml", "wgec.yaml", "wgec_majority_vote.yaml"])
def test_exit_code_is_0_whatever_the_analysis_found(capsys, name):
    code, out, _ = run(capsys, "analyze", str(BODIES / name), "--format", "json")
    assert code == 0
    assert json.loads(out)["body"]


def test_an_invalid_file_exits_2_naming_file_line_and_field(capsys, tmp_path):
    path = tmp_path / "cgi_br.yaml"
    path.write_text(
        CGI_BR.read_text(encoding="utf-8").replace("count: 3}", "count: 0}"), encoding="utf-8"
    )

    code, out, err = run(capsys, "analyze", str(path))

    assert (code, out) == (2, "")
    assert err == "polycentric: cgi_br.yaml: line 12: seats[3].count: must be at least 1, got 0\n"


def test_every_problem_gets_a_line(capsys, tmp_path):
    path = tmp_path / "body.yaml"
    path.write_text(
        "name: Broken\ngroups: [g]\nseats:\n  - {name: a, group: g, weight: -1}\n"
        "rule: {quota: 1, majorty: simple}\n",
        encoding="utf-8",
    )

    code, out, err = run(capsys, "analyze", str(path), "--format", "json")

    assert (code, out) == (2, "")
    assert err.splitlines() == [
        "polycentric: body.yaml: line 4: seats[0].weight: must be at least 0, got -1",
        "polycentric: body.yaml: line 5: rule.majorty: unknown key; expected consensus, quota, "
        "majority, within, each, all or any (did you mean majority?)",
    ]


def test_malformed_yaml_exits_2_with_its_line(capsys, tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("name: Broken\ngroups: [g\nseats: []\n", encoding="utf-8")

    code, _, err = run(capsys, "analyze", str(path))

    assert code == 2
    assert err.startswith("polycentric: broken.yaml: line 3: malformed YAML")


def test_a_missing_file_exits_2(capsys, tmp_path):
    code, out, err = run(capsys, "analyze", str(tmp_path / "missing.yaml"))

    assert (code, out) == (2, "")
    assert err == f"polycentric: analyze: BODY: no such file: {tmp_path / 'missing.yaml'}\n"


def test_a_file_that_is_not_text_exits_2(capsys, tmp_path):
    path = tmp_path / "body.yaml"
    path.write_bytes(b"name: \xff\xfe\n")

    code, _, err = run(capsys, "analyze", str(path))

    assert code == 2
    assert "body.yaml: cannot read the file" in err


def test_an_unknown_format_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["analyze", str(CGI_BR), "--format", "xml"])
    assert exit_.value.code == 2
    assert "invalid choice: 'xml'" in capsys.readouterr().err


def test_the_real_command_needs_no_database(tmp_path):
    """Run as an operator would, with a database URL that points nowhere and settings that do not
    exist: setting up Django would fail, so the analysis proves it never does."""
    env = {
        **os.environ,
        "DATABASE_URL": "postgres://nobody@nowhere.invalid:1/none",
        "DJANGO_SETTINGS_MODULE": "polycentric.config.settings.does_not_exist",
    }
    result = subprocess.run(
        [sys.executable, "-m", "polycentric.cli", "analyze", str(CGI_BR), "--format", "json"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert (result.returncode, result.stderr) == (0, "")
    assert json.loads(result.stdout)["principles"]["no_group_decides_alone"]["passed"] is False

    missing = subprocess.run(
        [sys.executable, "-m", "polycentric.cli", "analyze", "missing.yaml"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert missing.returncode == 2
    assert "no such file: missing.yaml" in missing.stderr
