"""Whether a clause opens with an imperative (:func:`opens_imperative`): it addresses
someone ("Tell my mom I'm sorry", "Please don't hate me", "Don't tell my mom I'm sad"), so
"It sounds like" cannot start it, and no suggested opening is built on it
(:mod:`carelens.analysis.openings_clauses`). A clause whose "I" the seeker left out is no
imperative ("had to put my cat down", "Don't know what to do with my life").
"""

from __future__ import annotations

from carelens.analysis.pronouns import ADVERBS
from carelens.analysis.words import DROPPED_I_VERBS, WORD, plain

#: Verbs that open an imperative clause ("Tell my mom I'm sorry", "Please don't hate me"): it
#: addresses someone, so "It sounds like" cannot start it. The verbs of a clause whose "I" the
#: seeker left out (:data:`carelens.analysis.words.DROPPED_I_VERBS`: "had to put my cat
#: down", "feel like a burden") are not among them.
IMPERATIVES = frozenset([
    "tell", "say", "give", "let", "let's", "lets", "please", "go", "come", "make", "take", "call",
    "stop", "leave", "forget", "remember", "look", "listen", "help", "get", "put", "send",
    "bring", "ask", "try", "wait", "be", "do", "pray", "promise", "kiss", "hug", "bury",
    "delete", "read",
]) - DROPPED_I_VERBS  # fmt: skip
#: A "don't" that opens a clause is the seeker's own, its "I" left out, only before one of
#: these verbs (after any adverbs: "Don't really know what to do"); before any other it may
#: open an imperative ("Don't tell my mom I'm sad", "dont judge me", "Don't feel bad for me"),
#: which addresses someone.
_AFTER_DONT = frozenset([
    "know", "want", "wanna", "understand", "care", "need", "deserve", "belong", "have",
    "remember",
])  # fmt: skip


def opens_imperative(clause: str) -> bool:
    """Whether ``clause`` opens with an imperative (:data:`IMPERATIVES`: "Tell my mom I'm
    sorry"), or a "don't" or "dont" before no verb of :data:`_AFTER_DONT` ("Don't tell my
    mom I'm sad"; not "Don't know what to do with my life")."""
    words = [plain(word) for word in WORD.findall(clause, 0, 200)]
    if not words:
        return False
    if words[0] in IMPERATIVES:
        return True
    if words[0] not in ("don't", "dont"):
        return False
    verb = next((word for word in words[1:] if word not in ADVERBS), "")
    return verb not in _AFTER_DONT
