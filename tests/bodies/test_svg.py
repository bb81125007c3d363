"""The seats-against-power chart is an accessible image whose bars match the numbers."""

from __future__ import annotations

from polycentric.bodies.svg import ShareRow, percent, power_chart_svg


def test_the_chart_is_a_labelled_image_with_a_title_and_description():
    svg = power_chart_svg([ShareRow("Government", 9 / 21, 0.25, 0.077)], chart_id="groups",
                          title="Seats and power", description="Bars per group.")

    assert 'role="img"' in svg
    assert 'aria-label="Seats and power"' in svg
    assert '<title id="groups-title">Seats and power</title>' in svg
    assert '<desc id="groups-desc">Bars per group.</desc>' in svg


def test_each_group_has_three_bars_scaled_to_its_shares():
    svg = power_chart_svg(
        [ShareRow("Government", 0.5, 0.25, 1.0), ShareRow("Civil society", 0.5, 0.75, 0.0)],
        chart_id="g", title="t", description="d",
    )

    assert svg.count('<g class="bar ') == 6
    assert 'width="190.0"' in svg  # half of the 380-pixel scale
    assert 'width="95.0"' in svg and 'width="380.0"' in svg and 'width="0.0"' in svg
    assert "<title>Government: Banzhaf power 25.0%</title>" in svg


def test_labels_are_escaped():
    svg = power_chart_svg([ShareRow("<script>", 1, 1, 1)], chart_id="g", title="a & b",
                          description="d")

    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg and "a &amp; b" in svg


def test_percentages_have_one_decimal():
    assert percent(9 / 21) == "42.9%"
    assert percent(0) == "0.0%"
