"""The vendored map assets are served by the app itself, with types a browser will run."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("path", "ctype"), [
    ("/app/static/vendor/leaflet/leaflet.js", "javascript"),
    ("/app/static/vendor/leaflet/leaflet.css", "text/css"),
    ("/app/static/vendor/jquery/jquery.min.js", "javascript"),
    ("/app/static/vendor/leaflet/images/marker-icon.png", "image/png"),
])
def test_vendored_asset_is_served(page, app_url, path, ctype):
    response = page.request.get(app_url + path)
    assert response.status == 200
    assert ctype in response.headers["content-type"]


def test_leaflet_runs_from_the_app(page, app_url, requests_log):
    page.set_content(f'<script src="{app_url}/app/static/vendor/leaflet/leaflet.js"></script>'
                     f'<div id="m" style="height:200px"></div>')
    page.wait_for_function("typeof L !== 'undefined' && typeof L.map === 'function'")
    assert page.evaluate("L.version").startswith("1.9")
    requests_log.assert_offline()
