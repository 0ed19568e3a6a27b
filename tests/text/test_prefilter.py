"""The pre-filter may only rule out a pattern that has no match: what extraction finds must
not depend on it."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from lawgov.extract.mentions import window_prefilter
from lawgov.text import normalise
from lawgov.text.prefilter import Prefilter, Unsupported, hyperscan, looser

pytestmark = pytest.mark.skipif(hyperscan is None, reason="no Hyperscan on this platform")

REPORTS = Path(__file__).resolve().parents[2] / "data" / "reports"


def _sound(pf: Prefilter, text: str):
    possible = pf.possible(text)
    if possible is None:
        return 0
    ruled_out = [rx for rx in pf.patterns if rx not in possible]
    for rx in ruled_out:
        assert rx.search(text) is None, f"{rx.pattern!r} was ruled out but matches {text!r}"
    return len(ruled_out)


def test_no_pattern_with_a_match_in_a_report_is_ruled_out():
    for pf in (window_prefilter("traps"), window_prefilter("reading"), window_prefilter("cues"),
               window_prefilter("sentences")):
        ruled_out = 0
        for path in sorted(REPORTS.glob("*.txt")):
            text = normalise(path.read_text(encoding="utf-8")).text
            for a in range(0, len(text), 400):       # pieces, so that many patterns are ruled out
                ruled_out += _sound(pf, text[a:a + 600])
        assert ruled_out > 0


def test_no_pattern_with_a_match_in_random_text_is_ruled_out():
    """Texts made of the patterns' own characters, digits, spaces and marks: near misses."""
    for pf in (window_prefilter("traps"), window_prefilter("reading"), window_prefilter("cues"),
               window_prefilter("sentences")):
        alphabet = sorted({ch for rx in pf.patterns for ch in rx.pattern if ord(ch) > 0x2000}
                          | set("0123456789 .,:-%()\n\x01|年月日"))
        rnd = random.Random(16)
        for _ in range(300):
            _sound(pf, "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 120))))


def test_classes_and_look_arounds_are_loosened_not_dropped():
    pf = Prefilter([re.compile(r"(?<!\d)\d{2}\s*件"), re.compile(r"出庭(?:应诉)?率"), re.compile(r"[^，。]{1,3}纠错")])
    assert _sound(pf, "全年出庭率95%") == 2
    assert _sound(pf, "共12 件,纠错3件") == 1
    # \d is read as [0-9]: a text with another decimal digit (full-width, Arabic-Indic) is
    # not filtered at all (normalised text has only 0-9)
    assert pf.possible("共１２件") is None
    assert pf.possible("共٣٤件") is None


def test_what_cannot_be_loosened_always_runs():
    with pytest.raises(Unsupported):
        looser(re.compile(r"(?i)abc"))
    with pytest.raises(Unsupported):
        looser(re.compile(r"\s*(?:年)?"))                # matches the empty text
    rx = re.compile(r"(a)\1")
    possible = Prefilter([rx, re.compile("出庭")]).possible("xyz")
    assert rx in possible and re.compile("出庭") not in possible


def test_ends_in_any_order_of_report_are_the_same():
    """ends() counts character offsets on from one end to the next, as Hyperscan reports them;
    hits in another order (the fallback) give the same lists, and patterns with no end share
    one empty tuple that no caller may mutate."""
    from lawgov.text.prefilter import EndFilter, _append

    pf = EndFilter([re.compile(r"(?<!\d)\d{2}\s*件"), re.compile(r"出庭(?:应诉)?率"), re.compile(r"纠错"),
                    re.compile(r"没有的词")])
    text = "全年出庭率95%,共12 件,纠错3件;出庭应诉率100%,纠错率12%,收到45件。"
    ends = pf.ends(text)
    assert ends[id(pf.patterns[3])] == ()
    for rx in pf.patterns:
        want = sorted(m.end() for m in rx.finditer(text))
        assert set(want) <= set(ends[id(rx)])
    data = text.encode("utf-8")
    hits = []
    pf._db.scan(data, match_event_handler=_append, context=hits.append, scratch=pf._scratch.s)
    assert [to for _i, to in hits] == sorted(to for _i, to in hits)      # reported in order
    shuffled = list(reversed(hits))
    again = pf._unordered(data, shuffled, dict(pf._none))
    assert again == ends
    assert pf.ends("没有数字") == {id(rx): () for rx in pf.patterns}
