"""The US jurisdiction gazetteer: every state, county, Census place and named region.

Names and facts only; geometry lives in :mod:`geo.boundaries`. Everything is read from the
committed ``data/geo/gazetteer.sqlite`` built by ``python -m geo.build``.
"""

from __future__ import annotations

import functools
import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from geo.names import normalize

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "geo" / "gazetteer.sqlite"
SCHEMA_VERSION = 2
# List columns are stored as text joined by this (no Census or curated name contains it).
LIST_SEPARATOR = "|"
REBUILD_COMMAND = "pip install -r requirements-build.txt && python -m geo.build"
KINDS = ("state", "county", "place", "region")


class GeoDataError(RuntimeError):
    """The gazetteer file is missing, unreadable or of another schema."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}. Rebuild it with: {REBUILD_COMMAND}")


class JurisdictionNotFound(KeyError):
    """No jurisdiction has this id or name."""

    def __init__(self, what: str) -> None:
        self.what = what
        super().__init__(what)

    def __str__(self) -> str:
        return f"no US jurisdiction found for {self.what!r}"


@dataclass(frozen=True, slots=True)
class Jurisdiction:
    """One state, county, place or region.

    Attributes
    ----------
    id : str
        State FIPS ("48"), county FIPS ("48453"), place GEOID ("4805000") or "region:<slug>".
    name : str
        Official short name: "Texas", "Travis County", "Austin", "San Francisco Bay Area".
    display_name : str
        Name with state for counties and places: "Travis County, TX", "Austin, TX".
    kind : str
        One of "state", "county", "place", "region".
    state : str | None
        State FIPS (a state's own id for a state; None for a region across states).
    state_abbr : str | None
        Postal code of ``state``.
    lsad : str
        Legal/statistical area description: "County", "Parish", "city", "place", "state", ...
    parents : tuple[str, ...]
        Containing ids, counties first (largest share first), then the state.
    members : tuple[str, ...]
        For regions, the member ids; empty otherwise.
    population : int | None
        Population where known (GeoNames, for places of 15,000 or more).
    lat, lon : float
        A representative point inside the jurisdiction (or the GeoNames city centre).
    land_km2 : float | None
        Land area of the boundary, in km².
    aliases : tuple[str, ...]
        Other names that mean this jurisdiction in news text ("NYC", "Philly", "the Bay Area").
    abbreviations : tuple[str, ...]
        For states: postal code and AP abbreviations ("TX", "Tex."). Case-sensitive.
    """

    id: str
    name: str
    display_name: str
    kind: str
    state: str | None
    state_abbr: str | None
    lsad: str
    parents: tuple[str, ...]
    members: tuple[str, ...]
    population: int | None
    lat: float
    lon: float
    land_km2: float | None
    aliases: tuple[str, ...]
    abbreviations: tuple[str, ...]


def _prior(jurisdiction: Jurisdiction) -> tuple[int, float]:
    """Sort key: states first, then by population, then by land area."""
    rank = {"state": 0, "region": 1, "place": 2, "county": 3}[jurisdiction.kind]
    if jurisdiction.kind == "place" and not jurisdiction.population:
        rank = 4
    weight = jurisdiction.population or (jurisdiction.land_km2 or 0.0)
    return rank, -weight


def build_name_index(jurisdictions: list[Jurisdiction]) -> dict[str, tuple[str, ...]]:
    """Map each normalized name and alias to the ids it may mean, best prior first.

    Parameters
    ----------
    jurisdictions : list[Jurisdiction]
        Every jurisdiction to index.

    Returns
    -------
    dict[str, tuple[str, ...]]
        Normalized name -> ids ranked by prior (see :meth:`Gazetteer.lookup`).
    """
    by_id = {j.id: j for j in jurisdictions}
    names: dict[str, list[str]] = defaultdict(list)
    for j in jurisdictions:
        for name in (j.name, *j.aliases):
            key = normalize(name)
            if key and j.id not in names[key]:
                names[key].append(j.id)
    return {key: tuple(sorted(ids, key=lambda i: _prior(by_id[i]))) for key, ids in names.items()}


class Gazetteer:
    """Lookups over every US jurisdiction.

    Build it with :func:`load_gazetteer`; it is read-only and safe to share between threads.
    """

    def __init__(
        self,
        jurisdictions: list[Jurisdiction],
        path: Path | None = None,
        names: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.path = path
        self._by_id = {j.id: j for j in jurisdictions}
        self._names = names if names is not None else build_name_index(jurisdictions)
        children: dict[str, list[str]] = defaultdict(list)
        for j in jurisdictions:
            if j.kind == "place" and j.parents:
                for parent in j.parents[:-1]:
                    children[parent].append(j.id)
            elif j.kind == "county":
                children[j.parents[0]].append(j.id)
        self._children = {k: tuple(v) for k, v in children.items()}
        self._states: dict[str, str] = {}
        for j in jurisdictions:
            if j.kind == "state":
                for key in (j.id, j.name, j.state_abbr or "", *j.abbreviations):
                    if key:
                        self._states[normalize(key)] = j.id

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[Jurisdiction]:
        return iter(self._by_id.values())

    def __contains__(self, jurisdiction_id: object) -> bool:
        return jurisdiction_id in self._by_id

    @staticmethod
    def normalize(name: str) -> str:
        """Return the lookup key of a name (see :func:`geo.names.normalize`)."""
        return normalize(name)

    def get(self, jurisdiction_id: str) -> Jurisdiction:
        """Return the jurisdiction with this id.

        Raises
        ------
        JurisdictionNotFound
            When no jurisdiction has this id.
        """
        try:
            return self._by_id[jurisdiction_id]
        except (KeyError, TypeError):
            raise JurisdictionNotFound(str(jurisdiction_id)) from None

    def find(self, jurisdiction_id: str) -> Jurisdiction | None:
        """Return the jurisdiction with this id, or None."""
        return self._by_id.get(jurisdiction_id)

    def state(self, key: str) -> Jurisdiction | None:
        """Return a state by FIPS, name, postal code or AP abbreviation ("48", "Texas", "TX")."""
        state_id = self._states.get(normalize(key)) if key else None
        return self._by_id[state_id] if state_id else None

    def names(self) -> dict[str, tuple[str, ...]]:
        """Map each normalized name and alias to the ids it may mean, best prior first."""
        return self._names

    def lookup(self, name: str, state: str | None = None, kind: str | None = None) -> list[Jurisdiction]:
        """Return every jurisdiction a name may mean, ranked by prior.

        Parameters
        ----------
        name : str
            A name as written: "Austin", "travis county", "NYC", "Bay Area".
        state : str, optional
            Restrict to one state, given as FIPS, name or abbreviation.
        kind : str, optional
            Restrict to one kind ("state", "county", "place", "region").

        Returns
        -------
        list[Jurisdiction]
            Best first: states, then by population, then by land area. Empty when nothing matches
            (also when ``state`` names no state).
        """
        state_id = None
        if state is not None:
            found = self.state(state)
            if found is None:
                return []
            state_id = found.id
        ids = self._names.get(normalize(name), ())
        matches = [self._by_id[i] for i in ids]
        if state_id is not None:
            matches = [j for j in matches
                       if j.state == state_id or (j.kind == "region" and state_id in j.parents)]
        if kind is not None:
            matches = [j for j in matches if j.kind == kind]
        return matches

    def resolve(self, name: str, state: str | None = None, kind: str | None = None) -> Jurisdiction:
        """Return the best-ranked match of :meth:`lookup`.

        Raises
        ------
        JurisdictionNotFound
            When nothing matches.
        """
        matches = self.lookup(name, state=state, kind=kind)
        if not matches:
            where = f" in {state}" if state else ""
            raise JurisdictionNotFound(f"{name}{where}")
        return matches[0]

    def parents(self, jurisdiction_id: str) -> list[Jurisdiction]:
        """Return the containing jurisdictions: counties (largest share first), then the state."""
        return [self._by_id[p] for p in self.get(jurisdiction_id).parents if p in self._by_id]

    def children(self, jurisdiction_id: str) -> list[Jurisdiction]:
        """Return what lies in a jurisdiction: a state's counties, a county's places, a region's members."""
        jurisdiction = self.get(jurisdiction_id)
        if jurisdiction.kind == "region":
            ids = jurisdiction.members
        else:
            ids = self._children.get(jurisdiction_id, ())
        return sorted((self._by_id[i] for i in ids), key=_prior)


def _connect(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise GeoDataError(path, "the gazetteer file is missing")
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        version = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.DatabaseError as error:
        raise GeoDataError(path, f"the gazetteer file is unreadable ({error})") from None
    if version is None or version[0] != str(SCHEMA_VERSION):
        connection.close()
        raise GeoDataError(path, f"the gazetteer file has schema {version}, expected {SCHEMA_VERSION}")
    return connection


def _split(value: str) -> tuple[str, ...]:
    return tuple(value.split(LIST_SEPARATOR)) if value else ()


def read_gazetteer(path: Path = DEFAULT_PATH) -> Gazetteer:
    """Read a gazetteer file: every jurisdiction and the precomputed name index.

    Raises
    ------
    GeoDataError
        When the file is missing, corrupt or of another schema; the message names the file and
        the command that rebuilds it.
    """
    connection = _connect(path)
    try:
        rows = connection.execute(
            "SELECT id, name, display_name, kind, state, state_abbr, lsad, parents, members,"
            " population, lat, lon, land_km2, aliases, abbreviations FROM jurisdictions"
        ).fetchall()
        name_rows = connection.execute("SELECT key, ids FROM names").fetchall()
    except sqlite3.DatabaseError as error:
        raise GeoDataError(path, f"the gazetteer file is unreadable ({error})") from None
    finally:
        connection.close()
    if not rows:
        raise GeoDataError(path, "the gazetteer file holds no jurisdiction")
    jurisdictions = [
        Jurisdiction(r[0], r[1], r[2], r[3], r[4], r[5], r[6], _split(r[7]), _split(r[8]),
                     r[9], r[10], r[11], r[12], _split(r[13]), _split(r[14]))
        for r in rows
    ]
    return Gazetteer(jurisdictions, path, {key: _split(ids) for key, ids in name_rows})


@functools.cache
def _load(path: Path) -> Gazetteer:
    return read_gazetteer(path)


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Return the gazetteer, loaded once per process and file.

    Parameters
    ----------
    path : Path, optional
        A gazetteer file; the committed ``data/geo/gazetteer.sqlite`` by default.

    Raises
    ------
    GeoDataError
        When the file is missing, corrupt or of another schema.
    """
    return _load(Path(path) if path is not None else DEFAULT_PATH)
