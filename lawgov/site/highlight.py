"""A document's text cut into plain runs and highlighted numbers, for the template.

Spans are character offsets into the text kept in the warehouse (raw.documents.text), so
slicing the Python string at them lands on the number as written. Overlapping spans keep the
first; every fact at a span gets an anchor there."""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape


@dataclass
class Mark:
    start: int
    end: int
    fact_ids: list[str] = field(default_factory=list)
    title: str = ""


@dataclass
class Segment:
    text: str
    mark: Mark | None = None


def segments(text: str, spans: list[tuple[int, int, str, str]]) -> list[Segment]:
    """Cut ``text`` at the spans (start, end, fact_id, title); a span outside the text or
    overlapping an earlier one is left out (its fact still lists in the table above)."""
    marks: list[Mark] = []
    for start, end, fact_id, title in sorted(spans, key=lambda s: (s[0], s[1], s[2])):
        if start is None or end is None or not (0 <= start < end <= len(text)):
            continue
        last = marks[-1] if marks else None
        if last and (start, end) == (last.start, last.end):
            if fact_id not in last.fact_ids:
                last.fact_ids.append(fact_id)
                last.title += f"; {title}"
            continue
        if last and start < last.end:
            continue
        marks.append(Mark(start, end, [fact_id], title))
    out, pos = [], 0
    for m in marks:
        if m.start > pos:
            out.append(Segment(text[pos:m.start]))
        out.append(Segment(text[m.start:m.end], m))
        pos = m.end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out


def to_html(parts: list[Segment]) -> Markup:
    """The segments as escaped HTML: each mark with an id per fact (#f-<fact_id>) and a title.

    Built here rather than looped over in the template: a report has hundreds of runs, and at
    10,000 reports the template loop alone took most of the site's build time."""
    out = []
    for s in parts:
        if s.mark is None:
            out.append(escape(s.text))
            continue
        first, *others = s.mark.fact_ids
        out.extend(f'<span id="f-{escape(fid)}"></span>' for fid in others)
        out.append(f'<mark id="f-{escape(first)}" title="{escape(s.mark.title)}">{escape(s.text)}</mark>')
    return Markup("".join(out))
