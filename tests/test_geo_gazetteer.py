"""The gazetteer on the real committed data: ids, names, priors, containment, bad input."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
import shapely

from geo import GeoDataError, JurisdictionNotFound, load_gazetteer, load_geometries
from geo.boundaries import load_basemap
from geo.gazetteer import DEFAULT_PATH, read_gazetteer

BAY_AREA = "region:san-francisco-bay-area"


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


@pytest.mark.parametrize(
    ("jurisdiction_id", "name", "display_name", "kind", "state"),
    [
        ("48", "Texas", "Texas", "state", "48"),
        ("48453", "Travis County", "Travis County, TX", "county", "48"),
        ("4805000", "Austin", "Austin, TX", "place", "48"),
        ("5548000", "Madison", "Madison, WI", "place", "55"),
        ("55025", "Dane County", "Dane County, WI", "county", "55"),
        ("1150000", "Washington", "Washington, DC", "place", "11"),
        ("3651000", "New York", "New York, NY", "place", "36"),
        ("0667000", "San Francisco", "San Francisco, CA", "place", "06"),
        ("22071", "Orleans Parish", "Orleans Parish, LA", "county", "22"),
        ("72", "Puerto Rico", "Puerto Rico", "state", "72"),
        ("11", "District of Columbia", "District of Columbia", "state", "11"),
    ],
)
def test_seed_jurisdictions_by_id(gaz, jurisdiction_id, name, display_name, kind, state):
    j = gaz.get(jurisdiction_id)
    assert (j.name, j.display_name, j.kind, j.state) == (name, display_name, kind, state)


def test_counts_cover_every_state_county_and_place(gaz):
    kinds = {}
    for j in gaz:
        kinds[j.kind] = kinds.get(j.kind, 0) + 1
    assert kinds["state"] >= 52  # 50 states, DC, Puerto Rico (and the island areas)
    assert kinds["county"] >= 3140
    assert kinds["place"] >= 29_000


def test_six_austins_ranked_with_texas_first(gaz):
    austins = gaz.lookup("Austin")
    assert len(austins) == 6
    assert austins[0].id == "4805000"
    assert {a.state_abbr for a in austins} == {"TX", "MN", "PA", "AR", "IN", "NV"}


@pytest.mark.parametrize(("state", "expected"), [("OR", "4159000"), ("Oregon", "4159000"),
                                                 ("ME", "2360545"), ("Maine", "2360545"),
                                                 ("23", "2360545")])
def test_portland_by_state(gaz, state, expected):
    assert gaz.lookup("Portland", state=state)[0].id == expected


def test_portland_without_state_prefers_oregon(gaz):
    assert [p.id for p in gaz.lookup("Portland")[:2]] == ["4159000", "2360545"]


@pytest.mark.parametrize(("alias", "expected"), [
    ("NYC", "3651000"), ("New York City", "3651000"), ("Philly", "4260000"), ("D.C.", "1150000"),
    ("Washington, D.C.", "1150000"), ("the District", "1150000"), ("L.A.", "0644000"),
    ("Brooklyn", "36047"), ("Manhattan", "36061"), ("the Bronx", "36005"), ("Staten Island", "36085"),
    ("Queens", "36081"), ("Bay Area", BAY_AREA), ("St. Louis", "2965000"), ("Saint Louis", "2965000"),
])
def test_aliases(gaz, alias, expected):
    assert expected in [j.id for j in gaz.lookup(alias)]


@pytest.mark.parametrize(("jurisdiction_id", "name", "legal_name"), [
    ("1608830", "Boise", "Boise City"),  # Census "Boise City city"; news and GeoNames: Boise
    ("4752006", "Nashville", "Nashville-Davidson metropolitan government (balance)"),
    ("2148006", "Louisville", "Louisville/Jefferson County metro government (balance)"),
    ("1303440", "Athens", "Athens-Clarke County unified government (balance)"),
    ("1349008", "Macon", "Macon-Bibb County"),
    ("1836003", "Indianapolis", "Indianapolis city (balance)"),
    ("1571550", "Honolulu", "Urban Honolulu"),
    ("2146027", "Lexington", "Lexington-Fayette"),
])
def test_legal_descriptions_are_aliases_of_the_name_news_uses(gaz, jurisdiction_id, name,
                                                             legal_name):
    place = gaz.get(jurisdiction_id)
    assert place.name == name
    assert legal_name in place.aliases
    assert jurisdiction_id in [j.id for j in gaz.lookup(legal_name)]


def test_a_consolidated_city_takes_its_population_and_a_hyphenated_town_keeps_its_name(gaz):
    assert gaz.get("1608830").population and gaz.get("1349008").population
    assert gaz.lookup("Boise", state="ID")[0].id == "1608830"
    # The part after the hyphen names a county the town does not cover: no consolidation.
    assert [j.id for j in gaz.lookup("Melcher-Dallas")] == ["1950935"]
    assert gaz.get("1950935").name == "Melcher-Dallas"
    assert gaz.get("3929652").name == "Geneva-on-the-Lake"


def test_boroughs_are_parts_of_new_york_city(gaz):
    assert set(gaz.get("3651000").parents[:-1]) == {"36005", "36047", "36061", "36081", "36085"}


def test_containment(gaz):
    austin = gaz.get("4805000")
    assert austin.parents[0] == "48453"  # most of Austin lies in Travis County
    assert austin.parents[-1] == "48"
    assert [p.id for p in gaz.parents("5548000")] == ["55025", "55"]
    assert "4805000" in [c.id for c in gaz.children("48453")]
    assert "48453" in [c.id for c in gaz.children("48")]


def test_bay_area_has_its_nine_counties(gaz):
    bay = gaz.get(BAY_AREA)
    assert bay.kind == "region"
    assert set(bay.members) == {"06001", "06013", "06041", "06055", "06075", "06081", "06085",
                                "06095", "06097"}
    assert {c.name for c in gaz.children(BAY_AREA)} >= {"Alameda County", "Santa Clara County"}


def test_bay_area_geometry_is_the_union_of_its_members():
    frame = load_geometries([BAY_AREA, *load_gazetteer().get(BAY_AREA).members])
    region = frame.geometry.iloc[0]
    members = shapely.union_all(frame.geometry.iloc[1:].to_numpy())
    assert region.symmetric_difference(members).area / members.area < 0.02


def test_san_francisco_land_area_excludes_water(gaz):
    # TIGER's San Francisco is ~600 km² with the bay and ocean; its land is ~121 km².
    assert gaz.get("0667000").land_km2 == pytest.approx(121, rel=0.10)


def test_state_lookups(gaz):
    assert gaz.state("TX").id == gaz.state("Texas").id == gaz.state("Tex.").id == "48"
    assert gaz.state("Massachusetts").id == "25"
    assert gaz.state("Narnia") is None


def test_unknown_id_and_name_are_not_found(gaz):
    with pytest.raises(JurisdictionNotFound, match="no US jurisdiction found for '99999'"):
        gaz.get("99999")
    assert gaz.find("99999") is None
    assert gaz.lookup("Xqzzyville") == []
    assert gaz.lookup("Austin", state="Narnia") == []
    with pytest.raises(JurisdictionNotFound, match="Xqzzyville"):
        gaz.resolve("Xqzzyville")
    with pytest.raises(JurisdictionNotFound):
        load_geometries(["48453", "not-an-id"])
    assert list(load_geometries(["48453", "not-an-id"], strict=False)["id"]) == ["48453"]


def test_geometries_are_valid_ordered_and_in_wgs84():
    ids = ["4805000", "48453", "48", BAY_AREA, "3651000"]
    frame = load_geometries(ids)
    assert list(frame["id"]) == ids
    assert frame.crs.to_epsg() == 4326
    assert frame.geometry.is_valid.all()
    assert set(frame.geometry.geom_type) <= {"Polygon", "MultiPolygon"}
    austin = frame.geometry.iloc[0]
    assert austin.contains(shapely.Point(-97.7431, 30.2672))  # downtown Austin


def test_basemap_has_nation_and_state_borders():
    basemap = load_basemap()
    assert list(basemap["name"]) == ["nation", "states"]
    assert basemap.geometry.iloc[1].length > basemap.geometry.iloc[0].boundary.length * 0.5


def test_missing_file_names_the_file_and_the_rebuild_command(tmp_path):
    missing = tmp_path / "gazetteer.sqlite"
    with pytest.raises(GeoDataError) as error:
        read_gazetteer(missing)
    assert str(missing) in str(error.value)
    assert "python -m geo.build" in str(error.value)


def test_corrupt_file_is_a_clear_error(tmp_path: Path):
    corrupt = tmp_path / "gazetteer.sqlite"
    corrupt.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(GeoDataError, match="unreadable"):
        read_gazetteer(corrupt)
    with pytest.raises(GeoDataError, match=r"python -m geo\.build"):
        load_geometries(["48"], path=corrupt)


def test_file_of_another_schema_is_a_clear_error(tmp_path: Path):
    copy = tmp_path / "gazetteer.sqlite"
    shutil.copy(DEFAULT_PATH, copy)
    with sqlite3.connect(copy) as connection:
        connection.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    with pytest.raises(GeoDataError, match="schema"):
        read_gazetteer(copy)
