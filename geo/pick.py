"""Which jurisdiction a click on the map landed on, from its coordinates.

Plain Python (no Streamlit): an index over the shapes a view draws, queried with shapely's
STRtree. Where shapes overlap (a county in its state, a region over its counties) the smallest
one containing the point wins, so a big jurisdiction never hides a small one; a city drawn as a
point inside a county is clicked on its point (see ``ui.map``), and the county around it
anywhere else.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely


@dataclass(frozen=True)
class JurisdictionIndex:
    """Shapes by jurisdiction id, ready for point queries (build with :meth:`build`)."""

    ids: tuple[str, ...]
    geometries: np.ndarray
    areas: np.ndarray
    tree: shapely.STRtree

    @classmethod
    def build(cls, ids: Sequence[str], geometries: Sequence[Any]) -> JurisdictionIndex:
        """Index ``geometries`` (EPSG:4326) under ``ids``; empty or missing ones are left out.

        Parameters
        ----------
        ids : sequence of str
            Jurisdiction ids, one per geometry.
        geometries : sequence of shapely geometries or None
            Their shapes, as drawn.

        Returns
        -------
        JurisdictionIndex
        """
        keep = [(i, g) for i, g in zip(ids, geometries, strict=True)
                if g is not None and not g.is_empty]
        geoms = np.array([g for _, g in keep], dtype=object)
        return cls(tuple(i for i, _ in keep), geoms,
                   shapely.area(geoms) if len(geoms) else np.array([]), shapely.STRtree(geoms))

    def at(self, lon: float, lat: float) -> str | None:
        """Return the id of the smallest shape containing (``lon``, ``lat``), or None.

        Parameters
        ----------
        lon, lat : float
            The clicked position in degrees.

        Returns
        -------
        str or None
        """
        if not self.ids:
            return None
        hits = self.tree.query(shapely.Point(lon, lat), predicate="intersects")
        if not len(hits):
            return None
        best = hits[np.argmin(self.areas[hits])]
        return self.ids[int(best)]
