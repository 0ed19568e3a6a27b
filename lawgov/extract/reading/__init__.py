"""Reading a report as a reader does: its structure, the state carried through it (subject,
actor, period), each quantity's role, then its indicator. The rules are data (rules.py
loads lawgov/extract/rules/); the modules here are the one engine that applies them."""

from lawgov.extract.reading.classified import Classified
from lawgov.extract.reading.engine import Analysis
from lawgov.extract.reading.rules import Indicator, catalogue, headline_codes, phrase_facts

__all__ = ["Analysis", "Classified", "Indicator", "catalogue", "headline_codes", "phrase_facts"]
