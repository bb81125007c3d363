"""Analyses run within limits: large bodies in a child process that is stopped at the time limit,
with the same result as in the request's own process."""

from __future__ import annotations

import pytest

from polycentric.bodies import analysis
from polycentric.bodies.analysis import AnalysisTooSlow, BodyTooLarge
from polycentric.core.errors import ValidationFailed
from polycentric.engines.principles import analyze, scorecard_document
from tests.bodies.support import CGI_BR

SLOW = "\n".join([
    "name: Slow body",
    "groups: [" + ", ".join(f"g{n}" for n in range(6)) + "]",
    "seats:",
    *(f"  - {{name: s{n}, group: g{n % 6}, region: r{n % 5}, weight: {1 + n % 10}}}"
      for n in range(1000)),
    "rule:",
    "  all:",
    "    - {majority: simple}",
    "    - {each: group, majority: simple}",
    "",
])
"""A thousand seats of unequal weights under concurrent majorities: minutes of sampling."""


def test_a_body_over_the_inline_limit_is_analysed_in_a_child_with_the_same_result(settings):
    spec = analysis.body_file_read(CGI_BR, name="cgi_br.yaml")
    settings.BODIES_ANALYSIS_INLINE_SEATS = 0

    assert analysis.scorecard_compute(spec) == scorecard_document(analyze(spec))


def test_an_analysis_that_takes_too_long_is_stopped(settings):
    settings.BODIES_ANALYSIS_TIMEOUT = 0.5
    spec = analysis.body_file_read(SLOW, name="slow.yaml")

    with pytest.raises(AnalysisTooSlow) as caught:
        analysis.scorecard_compute(spec)

    assert caught.value.status == 422
    assert "did not finish within 0.5 seconds" in caught.value.errors["seats"][0]


def test_a_file_is_measured_in_bytes():
    text = "é" * (analysis.MAX_DOCUMENT_BYTES // 2 + 1)  # two bytes each in UTF-8

    with pytest.raises(BodyTooLarge):
        analysis.body_file_read(text, name="accents.yaml")


def test_a_yaml_value_error_names_its_line():
    with pytest.raises(ValidationFailed) as caught:
        analysis.yaml_value_read("all:\n  - {majority: [\n", field="rule")

    assert caught.value.errors["rule"][0].startswith("line 3: malformed YAML")
