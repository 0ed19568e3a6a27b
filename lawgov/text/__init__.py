"""Stage 2, text: a decoded report → normalised text and its structure.

In: the text `ingest` decoded. Out: `NormalText` (Simplified, half-width, glosses removed,
with an exact offset map back to the original, so evidence and spans always refer to what
was published) and the spans of its paragraphs, sentences and clauses. Both document
metadata and extraction read this one normalised text.
"""

from .normal import NormalText, normalise
from .structure import clauses, paragraphs, sentences

__all__ = ["NormalText", "normalise", "paragraphs", "sentences", "clauses"]
