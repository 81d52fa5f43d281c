"""The dataset page's point map: Web Mercator so a base map fits under it, tap targets, a list beside it."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from cityhall.opendata import charts

AREA = (36.80, 139.95, 36.95, 140.10)


def test_points_are_placed_where_a_tile_server_draws_them():
    mapped = charts.point_map([(36.8713, 140.0155, "市役所")], AREA)
    assert mapped is not None
    (point,) = mapped.points
    # The area fits at zoom 11, where 140.0155°E, 36.8713°N is in slippy-map tile x 1820, y 798
    # (x = (lon + 180) / 360 × 2^z; y = (1 − ln(tan φ + sec φ) / π) / 2 × 2^z).
    assert mapped.zoom == 11
    assert 1820 * 256 < point.x < 1821 * 256 and 798 * 256 < point.y < 799 * 256
    assert mapped.left <= point.x <= mapped.left + 640 and mapped.top <= point.y <= mapped.top + 420


def test_tiles_cover_the_whole_view_only_when_configured():
    plain = charts.point_map([(36.87, 140.01, "a")], AREA)
    assert plain is not None and plain.tiles == []
    tiled = charts.point_map([(36.87, 140.01, "a")], AREA, tiles_url="https://t.example.jp/{z}/{x}/{y}.png")
    assert tiled is not None and tiled.tiles
    xs = sorted({t.x for t in tiled.tiles})
    ys = sorted({t.y for t in tiled.tiles})
    assert xs[0] <= tiled.left and xs[-1] + 256 >= tiled.left + 640
    assert ys[0] <= tiled.top and ys[-1] + 256 >= tiled.top + 420
    assert tiled.tiles[0].url.startswith("https://t.example.jp/11/18")


def test_points_outside_the_area_are_left_off_the_map():
    mapped = charts.point_map([(36.87, 140.01, "中"), (35.68, 139.76, "東京")], AREA)
    assert mapped is not None and [p.label for p in mapped.points] == ["中"]


@pytest.mark.parametrize("tiles", ["", "https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png"])
def test_the_page_links_every_point_to_its_line_in_the_list(demo_catalogue, settings, tiles):
    settings.CITYHALL_MAP_TILES_URL = tiles
    settings.CITYHALL_MAP_TILES_ATTRIBUTION = "地理院タイル" if tiles else ""
    page = Client().get(reverse("opendata:dataset", args=["evacuation-sites"])).content.decode()
    assert "ポインター" not in page and "地点の一覧" in page
    assert 'href="#point-1" id="map-point-1"' in page and 'id="point-1"' in page and 'href="#map-point-1"' in page
    assert ('<image href="https://cyberjapandata.gsi.go.jp/xyz/std/' in page) == bool(tiles)
    assert ("背景地図：地理院タイル" in page) == bool(tiles)


def test_a_tile_url_that_is_not_https_with_z_x_y_is_refused_at_start():
    from django.core.exceptions import ImproperlyConfigured

    from config.settings.base import _map_tiles_origin

    assert _map_tiles_origin("https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png") == [
        "https://cyberjapandata.gsi.go.jp"
    ]
    for bad in ("http://tiles.example.jp/{z}/{x}/{y}.png", "https://tiles.example.jp/map.png"):
        with pytest.raises(ImproperlyConfigured):
            _map_tiles_origin(bad)
