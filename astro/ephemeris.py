"""The JPL DE421 ephemeris and skyfield's time scale, loaded once per process from skyfield-data.

Nothing is downloaded: skyfield-data ships de421.bsp (1900-2050) inside the installed package,
and the Loader is told its files never expire.
"""

from functools import cache
from importlib.resources import files

from skyfield.api import Loader
from skyfield.jpllib import SpiceKernel
from skyfield.timelib import Timescale

EPHEMERIS_FILE = "de421.bsp"


@cache
def _loader() -> Loader:
    # The package's own folder, found without skyfield_data.get_skyfield_data_path(), which warns
    # that its IERS table has "expired" on every call; the time scale below does not read it.
    return Loader(str(files("skyfield_data") / "data"), expire=False, verbose=False)


@cache
def timescale() -> Timescale:
    """Skyfield's time scale: leap seconds and IERS ΔT (measured, then its predictions)."""
    return _loader().timescale(builtin=True)


@cache
def ephemeris() -> SpiceKernel:
    """DE421's positions of the Sun, Moon and planets (memory-mapped, shared by all callers)."""
    return _loader()(EPHEMERIS_FILE)
