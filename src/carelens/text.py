"""Text normalisations shared by the analysis rules and the insights.

Phones and word processors type U+2019 (and a few other characters) for an apostrophe;
patterns that look for "don't", and names such as "O'Brien", must read them as ``'``.
"""

from __future__ import annotations

#: Typed for an apostrophe, read as ``'``: U+2019 (phones), U+2018, the modifier letter
#: U+02BC, the prime U+2032 and the fullwidth U+FF07. One character for one, so offsets found
#: in the straightened text are the text's own.
APOSTROPHES = str.maketrans(dict.fromkeys("\u2019\u2018\u02bc\u2032\uff07", "'"))


def straight_apostrophes(text: str) -> str:
    """``text`` with every apostrophe of :data:`APOSTROPHES` made ``'`` (same length)."""
    return text.translate(APOSTROPHES)
