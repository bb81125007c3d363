"""`polycentric rank BALLOTS.csv`: a ranking from a ballot file, with no database.

The in-process tests make Django setup fail loudly, so they prove `rank` never needs it; one test
runs the real command with a database URL that points nowhere.
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

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = Path(__file__).parent / "engines" / "ranking" / "ballots" / "priorities_small.csv"
SHARED_EXAMPLE = ROOT.parent / "shared" / "examples" / "priorities_small.csv"
HEADER = "voter,group,region,ranking\n"
VALID = "gov-ke,government,African,access>cybersecurity>spam\n"


@pytest.fixture(autouse=True)
def no_django(monkeypatch):
    def refuse() -> None:
        raise AssertionError("rank must not set up Django")

    monkeypatch.setattr(polycentric.cli, "_django", refuse)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, text: str, name: str = "priorities.csv") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_the_example_with_group_balance_ranks_and_explains(capsys):
    code, out, err = run(capsys, "rank", str(EXAMPLE), "--balance", "group")

    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Schulze ranking of 5 candidates from 6 ballots in 4 stakeholder groups"
    assert lines[1] == "Balance: group (each stakeholder group carries the same total weight)"
    assert lines[3:10] == [
        "Overall ranking",
        "  place  candidate",
        "  1=     access",
        "  1=     cybersecurity",
        "  3=     jurisdiction",
        "  3=     spam",
        "  5      privacy_data_protection",
    ]
    assert any(line.split() == ["civil_society", "2", "1", "0.5"] for line in lines)
    assert any(line.split() == ["private_sector", "1", "1", "1"] for line in lines)


def test_the_example_as_json(capsys):
    code, out, err = run(capsys, "rank", str(EXAMPLE), "--balance", "group", "--format", "json")

    assert (code, err) == (0, "")
    document = json.loads(out)
    assert {"method", "balance", "ranking", "tiers", "by_group", "ballots", "weights",
            "agreement"} <= set(document)
    assert (document["method"], document["balance"], document["ballots"]) == ("schulze", "group", 6)
    # Each group weighs 1: access and cybersecurity tie 2 to 2 (pairwise counts in group units),
    # as do access and spam, and jurisdiction and spam; nobody beats access or cybersecurity.
    assert document["tiers"] == [
        ["access", "cybersecurity"], ["jurisdiction", "spam"], ["privacy_data_protection"],
    ]
    assert document["ranking"] == [
        "access", "cybersecurity", "jurisdiction", "spam", "privacy_data_protection",
    ]
    assert document["weights"] == {
        "civil_society": 1, "government": 1, "private_sector": 1, "technical_community": 1,
    }
    assert document["by_group"]["government"]["tiers"] == [
        ["access", "jurisdiction"], ["cybersecurity"], ["spam"], ["privacy_data_protection"],
    ]
    assert document["by_group"]["technical_community"]["ranking"] == [
        "spam", "cybersecurity", "access", "jurisdiction", "privacy_data_protection",
    ]
    assert document["pairwise"]["access"]["privacy_data_protection"] == 3.5
    assert set(document["agreement"]["matrix"]) == set(document["by_group"])


def test_without_balance_every_ballot_counts_one(capsys):
    code, out, _ = run(capsys, "rank", str(EXAMPLE), "--format", "json")

    document = json.loads(out)
    assert code == 0
    assert document["balance"] == "none"
    assert document["weights"] == {
        "civil_society": 2, "government": 2, "private_sector": 1, "technical_community": 1,
    }
    assert document["tiers"][0] == ["access"]


@pytest.mark.parametrize("method", ["ranked-pairs", "borda"])
def test_every_ranked_method_runs_on_the_example(capsys, method):
    code, out, err = run(capsys, "rank", str(EXAMPLE), "--method", method, "--format", "json")

    assert (code, err) == (0, "")
    assert json.loads(out)["method"] == method


def test_approval_reads_quoted_lists(capsys, tmp_path):
    path = write(tmp_path, HEADER + 'v1,government,African,"access,spam"\nv2,civil_society,,spam\n')

    code, out, err = run(capsys, "rank", path, "--method", "approval", "--format", "json")

    assert (code, err) == (0, "")
    assert json.loads(out)["scores"] == {"access": 1, "spam": 2}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("voter,group,region,ranking,weight\n" + "v1,g,r,A,1\n",
         "line 1: unknown column 'weight'; expected voter, group, region, ranking"),
        ("voter,group,ranking\n" + "v1,g,A\n",
         "line 1: missing column 'region'; expected voter, group, region, ranking"),
        (HEADER + VALID + "v2,government,GRULAC,\n",
         "line 3: ranking: empty; rank at least one candidate, e.g. A>B=C>D"),
        (HEADER + VALID + VALID.replace("gov-ke", "gov-br") + "cs-in,civil_society,,access>spam>access\n",
         "line 4: ranking: candidate 'access' appears twice"),
        (HEADER + VALID + "gov-ke,civil_society,,spam\n",
         "line 3: voter: 'gov-ke' appears twice (first on line 2)"),
        (HEADER + VALID + "v2,civil_society,,access>>spam\n",
         "line 3: ranking: malformed ranking 'access>>spam': a candidate name is missing; "
         "expected names separated by > and =, e.g. A>B=C>D"),
        (HEADER + VALID + ",civil_society,,spam\n",
         "line 3: voter: empty; every ballot names its voter"),
        (HEADER + "\n" + VALID + "v2,,,spam\n",
         "line 4: group: empty; every ballot names a stakeholder group"),
        (HEADER + VALID + "v2,civil_society,,spam,extra\n",
         'line 3: expected 4 fields (voter,group,region,ranking), found 5 (quote a field that '
         'holds commas, e.g. "A,B")'),
    ],
    ids=["unknown-column", "missing-column", "empty-ranking", "candidate-twice", "voter-twice",
         "malformed-ranking", "empty-voter", "empty-group", "extra-field"],
)
def test_an_invalid_row_exits_2_with_its_line_and_prints_nothing(capsys, tmp_path, text, message):
    code, out, err = run(capsys, "rank", write(tmp_path, text), "--format", "json")

    assert (code, out) == (2, "")
    assert err == f"polycentric: priorities.csv: {message}\n"


def test_every_invalid_row_gets_a_line_up_to_twenty(capsys, tmp_path):
    rows = "".join(f"v{k},,,A\n" for k in range(25))

    code, out, err = run(capsys, "rank", write(tmp_path, HEADER + rows))

    assert (code, out) == (2, "")
    lines = err.splitlines()
    assert len(lines) == 21
    assert lines[0] == (
        "polycentric: priorities.csv: line 2: group: empty; every ballot names a stakeholder group"
    )
    assert lines[19].startswith("polycentric: priorities.csv: line 21: group: empty")
    assert lines[20] == "polycentric: priorities.csv: ... and 5 more problems"


def test_a_ranking_file_read_as_approvals_is_refused(capsys):
    code, out, err = run(capsys, "rank", str(EXAMPLE), "--method", "approval")

    assert (code, out) == (2, "")
    assert err.splitlines()[0] == (
        "polycentric: priorities_small.csv: line 2: ranking: malformed approvals "
        "'access>cybersecurity>jurisdiction>spam': list the approved candidates separated by "
        "commas, e.g. A,B (> and = rank candidates, for ranked methods)"
    )


def test_a_file_without_ballots_exits_2(capsys, tmp_path):
    code, out, err = run(capsys, "rank", write(tmp_path, HEADER))

    assert (code, out) == (2, "")
    assert err == "polycentric: priorities.csv: no ballots: the file has a header but no rows\n"


def test_a_missing_file_exits_2(capsys, tmp_path):
    code, out, err = run(capsys, "rank", str(tmp_path / "missing.csv"))

    assert (code, out) == (2, "")
    assert err == f"polycentric: rank: BALLOTS: no such file: {tmp_path / 'missing.csv'}\n"


def test_a_file_that_is_not_utf8_exits_2(capsys, tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes((HEADER + "v1,gov,,caf\xe9\n").encode("latin-1"))

    code, out, err = run(capsys, "rank", str(path))

    assert (code, out) == (2, "")
    assert err.startswith("polycentric: rank: BALLOTS: latin1.csv: cannot read the file: ")


def test_an_unknown_method_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["rank", str(EXAMPLE), "--method", "copeland"])

    assert caught.value.code == 2
    assert "invalid choice: 'copeland'" in capsys.readouterr().err


def test_the_real_command_runs_without_a_database(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'nowhere' / 'db.sqlite3'}"}

    result = subprocess.run(
        [sys.executable, "-m", "polycentric.cli", "rank", str(EXAMPLE), "--balance", "group",
         "--format", "json"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False,
    )

    assert (result.returncode, result.stderr) == (0, "")
    assert json.loads(result.stdout)["tiers"][0] == ["access", "cybersecurity"]
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.skipif(not SHARED_EXAMPLE.exists(), reason="shared/ is not beside the project")
def test_the_shared_example_is_the_one_the_tests_use(capsys, monkeypatch):
    assert SHARED_EXAMPLE.read_text(encoding="utf-8") == EXAMPLE.read_text(encoding="utf-8")
    monkeypatch.chdir(ROOT)

    code, out, err = run(capsys, "rank", "../shared/examples/priorities_small.csv",
                         "--balance", "group")

    assert (code, err) == (0, "")
    assert "  1=     access" in out.splitlines()
