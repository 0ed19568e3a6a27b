"""The indicator catalogue (seeds/indicators.csv), for callers outside extraction; the engine
itself is lawgov.extract.reading."""

from lawgov.extract.reading import Indicator, catalogue, headline_codes

__all__ = ["Indicator", "catalogue", "headline_codes"]
