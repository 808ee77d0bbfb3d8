"""Boundary geometries, read by id from the gazetteer file without loading the rest."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

import geopandas as gpd
import shapely

from geo.gazetteer import DEFAULT_PATH, GeoDataError, JurisdictionNotFound, _connect

# SQLite allows 32,766 host parameters; stay well under it.
_CHUNK = 900


def load_geometries(
    ids: Iterable[str], path: Path | None = None, *, tolerance: float = 0.0, strict: bool = True
) -> gpd.GeoDataFrame:
    """Return the (already simplified) boundaries of some jurisdictions.

    Only the requested rows are read: a few dozen ids cost a few milliseconds whatever the
    size of the file.

    Parameters
    ----------
    ids : iterable of str
        Jurisdiction ids, in the order wanted; duplicates are dropped.
    path : Path, optional
        A gazetteer file; the committed one by default.
    tolerance : float, optional
        Extra simplification in degrees (0 keeps the stored geometry).
    strict : bool, optional
        Raise for unknown ids (default); with False they are left out.

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``id``, ``kind``, ``geometry``, in EPSG:4326, in the order of ``ids``.

    Raises
    ------
    JurisdictionNotFound
        When ``strict`` and an id is unknown.
    GeoDataError
        When the file is missing or corrupt.
    """
    wanted = list(dict.fromkeys(ids))
    path = Path(path) if path is not None else DEFAULT_PATH
    rows: dict[str, tuple[str, bytes]] = {}
    connection = _connect(path)
    try:
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start:start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            for jid, kind, wkb in connection.execute(
                f"SELECT id, kind, wkb FROM geometries WHERE id IN ({marks})", chunk
            ):
                rows[jid] = (kind, wkb)
    except sqlite3.DatabaseError as error:
        raise GeoDataError(path, f"the geometry table is unreadable ({error})") from None
    finally:
        connection.close()
    missing = [i for i in wanted if i not in rows]
    if missing and strict:
        raise JurisdictionNotFound(", ".join(missing))
    found = [i for i in wanted if i in rows]
    geometries = shapely.from_wkb([rows[i][1] for i in found])
    if tolerance and len(geometries):
        geometries = shapely.simplify(geometries, tolerance, preserve_topology=True)
    return gpd.GeoDataFrame(
        {"id": found, "kind": [rows[i][0] for i in found]}, geometry=list(geometries), crs="EPSG:4326"
    )


def load_basemap(path: Path | None = None) -> gpd.GeoDataFrame:
    """Return the light basemap: the nation's land and the state borders.

    Returns
    -------
    geopandas.GeoDataFrame
        Two rows, ``name`` "nation" (polygons) and "states" (lines), in EPSG:4326.
    """
    path = Path(path) if path is not None else DEFAULT_PATH
    connection = _connect(path)
    try:
        rows = connection.execute("SELECT name, wkb FROM basemap ORDER BY name").fetchall()
    except sqlite3.DatabaseError as error:
        raise GeoDataError(path, f"the basemap table is unreadable ({error})") from None
    finally:
        connection.close()
    return gpd.GeoDataFrame(
        {"name": [r[0] for r in rows]}, geometry=list(shapely.from_wkb([r[1] for r in rows])),
        crs="EPSG:4326",
    )
