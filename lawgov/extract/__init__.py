"""Stage 4, extract: a report's text → every number in it, and the facts among them.

In: the text and the report's year. Out: an `Extraction`: every quantity as a `Mention`
(classified or not, so nothing is lost) and the reporting body's own `Fact`s, each with its
evidence sentence and span in the original text. `numbers` reads numerals; `mentions` scans
the quantities and the traps; `reading/` reads the text as a reader does (structure, the
subject, actor and period carried through it, each quantity's role, then its indicator)
with the rules in `rules/` (data a domain expert can extend); `facts` assembles them.
"""

from lawgov.extract.facts import Extraction, Fact, Mention, extract

__all__ = ["Extraction", "Fact", "Mention", "extract"]
