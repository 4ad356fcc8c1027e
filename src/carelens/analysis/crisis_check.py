"""What a crisis pattern's check is: a reading of the words around one of its matches.

Each module of crisis patterns pairs some of its patterns with a check
(:data:`carelens.analysis.crisis_context.CONTEXT_CHECKS` joins them): given the message and
the match's start and end, whether the match is a cue there ("end it" of the writer, not of a
film; an overdose taken, not a topic).
"""

from __future__ import annotations

from collections.abc import Callable

#: A check of the words around a match, given the message and the match's (start, end):
#: whether it is a cue.
Check = Callable[[str, int, int], bool]
