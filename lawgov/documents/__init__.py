"""Stage 3, documents: who reported, where, for which year.

In: a report's text (and its manifest row, if any). Out: a `DocumentMeta` (title, reporting
body, region code with its parents and confidence, level, report year, published date, and
the passages about other bodies). `regions` is the gazetteer of China's divisions;
`metadata` describes a document from the parts: `head` (the prepared text, its lines and
title), `body` (who reports), `placing` (the body's region and level), `years` (the year
covered and the publication date); `manifest` reads what an analyst states better than
the text does.
"""

from lawgov.documents.manifest import load_manifest
from lawgov.documents.metadata import DocumentMeta, OtherBody, describe_document, warm

__all__ = ["DocumentMeta", "OtherBody", "describe_document", "load_manifest", "warm"]
