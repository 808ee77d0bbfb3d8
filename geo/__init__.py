"""US jurisdictions: the gazetteer, toponym resolution and boundaries. No Streamlit, no news."""

from __future__ import annotations

from typing import TYPE_CHECKING

from geo.gazetteer import (
    Gazetteer,
    GeoDataError,
    Jurisdiction,
    JurisdictionNotFound,
    load_gazetteer,
)

if TYPE_CHECKING:
    from geo.boundaries import load_basemap, load_geometries


def __getattr__(name: str) -> object:
    # Geometry needs geopandas, which costs ~0.5 s to import; name lookups must not pay for it.
    if name in ("load_basemap", "load_geometries"):
        from geo import boundaries

        return getattr(boundaries, name)
    raise AttributeError(f"module 'geo' has no attribute {name!r}")


__all__ = [
    "Gazetteer",
    "GeoDataError",
    "Jurisdiction",
    "JurisdictionNotFound",
    "load_basemap",
    "load_gazetteer",
    "load_geometries",
]
