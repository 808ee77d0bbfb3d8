"""Curated name tables: state abbreviations, aliases news uses, and named regions.

These are the few facts no Census package carries: how newspapers abbreviate states (AP style),
the nicknames of big cities, the boroughs of New York City, and regions that news treats as
one place although no Census entity matches them.
"""

from __future__ import annotations

import re
import unicodedata

# AP-style abbreviations as they appear in datelines ("Portland, Ore."); postal codes are the
# state's own `state_abbr`.
AP_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "AL": ("Ala.",), "AK": (), "AZ": ("Ariz.",), "AR": ("Ark.",), "CA": ("Calif.", "Cal."),
    "CO": ("Colo.",), "CT": ("Conn.",), "DE": ("Del.",), "DC": ("D.C.",), "FL": ("Fla.",),
    "GA": ("Ga.",), "HI": (), "ID": (), "IL": ("Ill.",), "IN": ("Ind.",), "IA": (),
    "KS": ("Kan.", "Kans."), "KY": ("Ky.",), "LA": ("La.",), "ME": (), "MD": ("Md.",),
    "MA": ("Mass.",), "MI": ("Mich.",), "MN": ("Minn.",), "MS": ("Miss.",), "MO": ("Mo.",),
    "MT": ("Mont.",), "NE": ("Neb.", "Nebr."), "NV": ("Nev.",), "NH": ("N.H.",), "NJ": ("N.J.",),
    "NM": ("N.M.", "N.Mex."), "NY": ("N.Y.",), "NC": ("N.C.",), "ND": ("N.D.",), "OH": (),
    "OK": ("Okla.",), "OR": ("Ore.", "Oreg."), "PA": ("Pa.", "Penn."), "RI": ("R.I.",),
    "SC": ("S.C.",), "SD": ("S.D.",), "TN": ("Tenn.",), "TX": ("Tex.",), "UT": (),
    "VT": ("Vt.",), "VA": ("Va.",), "WA": ("Wash.",), "WV": ("W.Va.", "W. Va."),
    "WI": ("Wis.", "Wisc."), "WY": ("Wyo.",), "PR": ("P.R.",),
}

# Aliases keyed by Census id. Only names that, in running news text, mean this jurisdiction.
ALIASES: dict[str, tuple[str, ...]] = {
    "3651000": ("New York City", "NYC", "N.Y.C.", "the Big Apple"),
    "0644000": ("L.A.", "LA"),
    "4260000": ("Philly",),
    "1150000": ("Washington D.C.", "Washington, D.C.", "Washington DC", "Washington, DC",
                "D.C.", "DC", "the District", "the nation's capital"),
    "0667000": ("SF", "S.F.", "San Fran"),
    "1714000": ("Chi-Town",),
    "2255000": ("NOLA",),
    "3240000": ("Vegas",),
    # The five boroughs are counties; news names them as parts of New York City.
    "36061": ("Manhattan",),
    "36047": ("Brooklyn",),
    "36081": ("Queens",),
    "36005": ("The Bronx", "the Bronx", "Bronx"),
    "36085": ("Staten Island",),
}

# Named regions: id slug -> (name, member ids, aliases). Members are counties or states.
REGIONS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "san-francisco-bay-area": (
        "San Francisco Bay Area",
        ("06001", "06013", "06041", "06055", "06075", "06081", "06085", "06095", "06097"),
        ("Bay Area", "the Bay Area", "SF Bay Area", "San Francisco Bay Area"),
    ),
    "pacific-northwest": (
        "Pacific Northwest",
        ("53", "41", "16"),
        ("Pacific Northwest", "the Northwest"),
    ),
    "rio-grande-valley": (
        "Rio Grande Valley",
        ("48061", "48215", "48427", "48489"),
        ("Rio Grande Valley", "the Valley"),
    ),
    "twin-cities": (
        "Twin Cities",
        ("2743000", "2758000"),
        ("Twin Cities", "the Twin Cities"),
    ),
}

_PUNCT = re.compile("[.'`\u2019]")
# Whitespace, commas and every hyphen and dash (U+2010 to U+2014) separate words.
_SPACE = re.compile("[\\s,\\-\u2010-\u2014]+")


def normalize(name: str) -> str:
    """Normalize a place name for lookup.

    Lowercases, strips accents and periods and apostrophes, folds "Saint"/"Ste." to "st"/"ste",
    and collapses whitespace, hyphens and commas to one space.

    Parameters
    ----------
    name : str
        A place name as written ("St. Louis", "Cañon City", "Coeur d'Alene").

    Returns
    -------
    str
        The normalized key ("st louis", "canon city", "coeur dalene").
    """
    decomposed = unicodedata.normalize("NFKD", name)
    ascii_name = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    key = _PUNCT.sub("", ascii_name.lower())
    key = _SPACE.sub(" ", key).strip()
    key = re.sub(r"^saint ", "st ", key)
    key = re.sub(r" saint ", " st ", key)
    key = re.sub(r"^sainte ", "ste ", key)
    return key
