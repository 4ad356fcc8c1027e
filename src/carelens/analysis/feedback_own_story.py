"""Whose story a reply's understanding tells: the helper's own, or the seeker's.

EPITOME counts "Same thing happened to me" as an interpretation; for feedback it is the
helper's own story, and :mod:`carelens.analysis.feedback` says so rather than praise it as
putting the seeker's experience into words. :func:`about_the_helper` reads the words the
feedback would quote: first-person words and a word of a story of the helper's ("I went
through that too", "my mom passed two years ago"), with no word addressing the seeker nor
a "sorry", or "same" among chat words only ("lol same"); a story word after "he", "she",
"they" or "what's" is none of theirs ("what's been the hardest part?"), nor is a death not
their own ("I'm glad she passed peacefully"). :func:`own_exhaustion` finds the helper's own
exhaustion (the helper's distress cue, "I'm exhausted") inside those words.
"""

from __future__ import annotations

from collections.abc import Sequence

from carelens.analysis.personal_distress import CUE_LABEL as EXHAUSTION_CUE
from carelens.analysis.words import WORD, plain
from carelens.types import ResponseAnalysis

#: Words of the helper about themselves, and words that address the seeker.
_HELPER_WORDS = frozenset(["i", "i'm", "im", "i've", "ive", "i'd", "i'll", "me", "my", "myself"])
_SEEKER_ADDRESS = frozenset([
    "you", "your", "you're", "youre", "you've", "you'd", "you'll", "yours", "yourself", "u",
    "ur",
])  # fmt: skip


#: Words that tell a story of the helper's own ("same thing happened to me", "I went through
#: that too", "I've been there", "my mom passed two years ago") rather than an understanding
#: ("I know how hard that is").
_OWN_STORY = frozenset([
    "same", "too", "also", "similar", "happened", "went", "been", "was", "had", "did",
    "used", "remember", "lost", "passed", "died", "felt",
])  # fmt: skip
#: Words after which a word of :data:`_OWN_STORY` tells of someone else or asks ("I'm glad
#: she went peacefully", "I'm sure she was", "what's been the hardest part?").
_NOT_THE_HELPERS = frozenset(["he", "she", "they", "what's", "whats", "how's", "hows"])
#: Words of a death: the helper's own story only where the helper's own words come a little
#: before it (:func:`_the_helpers_loss`: "my mom passed", "I've known a few people who
#: died"); "I'm glad Grandpa passed peacefully" comforts the seeker about theirs.
_DEATH = frozenset(["passed", "died"])
#: The helper's own words that make a death after them theirs ("I", "we", "my", "our"; not
#: "I'm", which says how the helper takes it: "I'm glad she passed peacefully").
_HELPERS_OWN = frozenset(["i", "we", "i've", "ive", "we've", "i'd", "my", "our", "me", "us"])
#: How many words before a death :data:`_HELPERS_OWN` may stand.
_OWN_LOSS_WORDS = 8
#: A short reply of these words, "same" among them, is the helper's own too ("lol same",
#: "same here omg"): it says the same happened to them.
_SAME_ALONE = frozenset([
    "same", "here", "lol", "lmao", "haha", "omg", "tbh", "honestly", "literally", "fr", "ngl",
    "bro", "dude", "girl", "mood",
])  # fmt: skip


def _the_helpers_loss(words: Sequence[str], k: int) -> bool:
    """Whether the death at ``k`` in ``words`` (plain, in order) is the helper's own: one of
    :data:`_HELPERS_OWN` among the few words before it ("my mom passed", "our dog died last
    year", "I've known a few people who died")."""
    return any(w in _HELPERS_OWN for w in words[max(0, k - _OWN_LOSS_WORDS) : k])


def about_the_helper(quote: str) -> bool:
    """Whether ``quote`` tells the helper's own story ("Same thing happened to me last
    year", "I went through that too", "My mom passed two years ago"): first-person words and
    a word of a story of theirs, and no word addressing the seeker nor a "sorry"; or
    "same" with only chat words around it ("lol same"). A story word after "he", "she",
    "they" or "what's" tells of no story of theirs ("what's been the hardest part?"), nor
    does a death not their own (:func:`_the_helpers_loss`: "I'm glad she passed
    peacefully")."""
    ordered = [plain(word) for word in WORD.findall(quote)]
    words = set(ordered)
    if "same" in words and words <= _SAME_ALONE:
        return True
    if not words & _HELPER_WORDS or words & _SEEKER_ADDRESS or "sorry" in words:
        return False
    return any(
        word in _OWN_STORY
        and not (k and ordered[k - 1] in _NOT_THE_HELPERS)
        and (word not in _DEATH or _the_helpers_loss(ordered, k))
        for k, word in enumerate(ordered)
    )


def own_exhaustion(analysis: ResponseAnalysis, response: str, quoted: str | None) -> str | None:
    """The helper's own exhaustion (an exhaustion cue of ``analysis.helper``, "I'm exhausted")
    inside the reply's ``quoted`` understanding, as written; None without one."""
    if quoted is None or analysis.helper is None:
        return None
    for span in analysis.helper.spans:
        if span.label == EXHAUSTION_CUE and (words := response[span.start : span.end]) in quoted:
            return words
    return None
