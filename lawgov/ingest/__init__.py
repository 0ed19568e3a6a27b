"""Stage 1, ingest: a file in the reports folder → its text, or the reason it cannot be read.

In: a path under the reports folder. Out: a `Source` (the decoded text, its format and
charset, or a quarantine reason). `sources` walks the folder and dispatches by what the
bytes are; `charsets` decodes text (BOM, UTF-8, GBK/GB18030, UTF-16); `webpage`, `pdf` and
`word` take the main text out of HTML, PDF and DOCX.
"""
