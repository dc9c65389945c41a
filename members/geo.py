"""Postal code and place name → coordinates, offline, and distances.

Coordinates come from the countrystatecity-postal-codes package: every Canadian forward sortation
area (the first three characters of a postal code) with its centroid and locality name
(data © GeoNames / postal code datasets, ODbL licence, credited on the directory page).
"""

import math
import re
from dataclasses import dataclass
from functools import cache

from countrystatecity_postal_codes import get_postcodes_of_country

from home.text import fold

EARTH_RADIUS_KM = 6371.0
# Letters Canada Post never uses in postal codes: D, F, I, O, Q, U (and W, Z in first place).
POSTAL_CODE_RE = re.compile(r"^([ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z])(?:([0-9][ABCEGHJ-NPRSTV-Z][0-9]))?$")
# "Lévis North", "Saint-Hyacinthe Southwest": the compass part is not part of the town's name.
_COMPASS_SUFFIX_RE = re.compile(r"\s+(north|south|east|west|central|northeast|northwest|southeast|southwest)$")


@dataclass(frozen=True)
class Place:
    latitude: float
    longitude: float
    label: str


def compact_postal_code(value):
    return "".join(value.split()).upper()


def is_postal_code_like(value):
    """True if it looks like someone tried to type a postal code (letter, digit, letter…)."""
    compact = compact_postal_code(value)
    return bool(re.fullmatch(r"[A-Z][0-9][A-Z]([0-9][A-Z][0-9])?", compact))


def normalize_postal_code(value):
    """Return a full postal code as "A1A 1A1"; raise ValueError if it is not a valid one."""
    match = POSTAL_CODE_RE.match(compact_postal_code(value))
    if not match or not match.group(2):
        raise ValueError(value)
    return f"{match.group(1)} {match.group(2)}"


def forward_sortation_area(value):
    """The FSA ("G6V") of a full or partial postal code, or None if it is not a valid one."""
    match = POSTAL_CODE_RE.match(compact_postal_code(value))
    return match.group(1) if match else None


@cache
def _fsa_places():
    return {
        postcode.code: Place(postcode.latitude, postcode.longitude, postcode.localityName or postcode.code)
        for postcode in get_postcodes_of_country("CA")
        if postcode.latitude is not None and postcode.longitude is not None
    }


def _locality_names(locality):
    """Names a locality answers to: "Capitale-Nationale (Stoneham)" → both parts."""
    names = []
    for part in re.split(r"[()/]", locality):
        if part.strip():
            names.append(_town_key(part))
    return names


@cache
def _localities():
    """Folded town name → centroid of all its sortation areas (Quebec's first, then the rest)."""
    groups = {}
    for postcode in get_postcodes_of_country("CA"):
        if postcode.latitude is None or not postcode.localityName:
            continue
        for name in _locality_names(postcode.localityName):
            key = (name, postcode.stateCode == "QC")
            groups.setdefault(key, []).append(postcode)
    places = {}
    # Quebec wins when a town name exists in several provinces.
    for (name, _in_quebec), postcodes in sorted(groups.items(), key=lambda item: item[0][1]):
        latitude = sum(p.latitude for p in postcodes) / len(postcodes)
        longitude = sum(p.longitude for p in postcodes) / len(postcodes)
        places[name] = Place(latitude, longitude, postcodes[0].localityName)
    return places


def postal_areas():
    """Every sortation area as [code, latitude, longitude], for the browser's "use my location"."""
    return [[code, place.latitude, place.longitude] for code, place in sorted(_fsa_places().items())]


def place_for_postal_code(value):
    fsa = forward_sortation_area(value)
    return _fsa_places().get(fsa) if fsa else None


_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mont"}


def _town_key(text):
    words = _COMPASS_SUFFIX_RE.sub("", fold(text)).split()
    return " ".join(_ABBREVIATIONS.get(word, word) for word in words)


def place_for_town(value):
    """Centroid of a town or city, from the names of its sortation areas; None if unknown.

    "Lévis" finds "Lévis North"/"Lévis South"; "Québec" finds the "Quebec City …" areas.
    """
    key = _town_key(value)
    if len(key) < 2:
        return None
    localities = _localities()
    for candidate in (key, f"{key} city"):
        if candidate in localities:
            return localities[candidate]
        parts = [place for name, place in localities.items() if name.startswith(candidate + " ")]
        if parts:
            return Place(
                sum(p.latitude for p in parts) / len(parts), sum(p.longitude for p in parts) / len(parts), value
            )
    return None


def distance_km(latitude1, longitude1, latitude2, longitude2):
    """Great-circle (haversine) distance."""
    phi1, phi2 = math.radians(latitude1), math.radians(latitude2)
    delta_phi = phi2 - phi1
    delta_lambda = math.radians(longitude2 - longitude1)
    a = math.sin(delta_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(delta_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))
