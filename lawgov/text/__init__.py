"""Stage 2, text: a decoded report → normalised text and its structure.

In: the text `ingest` decoded. Out: `NormalText` (Simplified, half-width, glosses removed,
with an exact offset map back to the original, so evidence and spans always refer to what
was published), the spans of its paragraphs, sentences and clauses, and tables printed one
cell per line joined back into rows. Both document
metadata and extraction read this one normalised text.
"""

from .cells import join_cell_lines, join_tables
from .normal import NormalText, normalise
from .structure import clauses, paragraphs, sentences

__all__ = ["NormalText", "normalise", "join_cell_lines", "join_tables", "paragraphs", "sentences", "clauses"]
