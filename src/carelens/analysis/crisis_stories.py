"""Stories told: a crisis act done in a film, a show, a book, a song or a game, not by a person.

A means (:mod:`carelens.analysis.crisis_methods`), a farewell
(:mod:`carelens.analysis.crisis_farewells`), an overdose or another person's risk
(:mod:`carelens.analysis.crisis_context`) told inside a story is the story's, not the writer's
nor another person's risk: "in the movie he jumps off a bridge at the end", "the episode where
she writes goodbye letters to everyone was so sad", "that book where the main character hangs
himself wrecked me", "i read a story about a girl who took every last one of her pills".
:func:`in_a_story` is the one reading of them all. A story frames the act in its sentence: the
act follows "in the movie", "the episode where", "a book about", "the main character" with
nothing between them that turns to the writer or to real life (the writer, "now", "since", "in
real life", "made me"), or "in the movie" follows the act in a sentence where the writer does
not act. The writer's own act after a story stays a cue ("after that show I've been writing
goodbye letters to my family"), and so does a person's that a story came before ("my sister
watched that show and now she's writing goodbye letters"), a wish modelled on one ("she wants to
jump off a bridge like in the movie"), a story read as a real person's ("... and i'm worried
it's about her") and the wish of the same act after a character's
("the character in the book killed himself and I want to do the same":
:func:`carelens.analysis.crisis_methods.same_act`, which does not read stories). A game frames
its player's acts too ("in gta i jumped off the tallest building", "the character in the game
can jump off the cliff to skip the level"), unless words of a real risk stand in its sentence
("... and i wanted to do it for real"). This module only reads; it states no cue.
"""

from __future__ import annotations

import re

from carelens.analysis.words import SENTENCE_MARK

_FLAGS = re.IGNORECASE
# Whose or which work: "the", "that", "my", "netflix's", then at most three words ("the last
# episode", "that new netflix show").
_DET = r"(?:the|a|an|that|this|one|some|my|our|his|her|their|your|[a-z]+'s)\s+(?:[\w'-]+\s+){0,3}?"
# A told work, not a video or a post of a real person ("a video where she says goodbye", "her
# instagram story"), nor a verb ("my sister who plays piano"), nor real life's drama: a story
# only as one read, written or made up ("read a story about", "a short story").
_WORK = (
    r"(?:movies?|films?|(?:tv\s+)?show|episodes?|series|sitcoms?|k-?dramas?|books?|novels?"
    r"|novellas?|(?:short|sad|fictional|bedtime|ghost|love|fan)\s*stor(?:y|ies)|fan\s*fics?|fics?"
    r"|poems?|comics?|manga|anime|cartoons?|play|musicals?|operas?|songs?|lyrics|scenes?"
    r"|finales?)"
)
_READ_STORY = (
    r"\b(?:read|reading|reads|wrote|writing|write|writes|told)\s+(?:me\s+)?(?:a|the|this|that)\s+"
    r"(?:[\w'-]+\s+)?stor(?:y|ies)\b"
)
# What a frame opens with after the work: "where", "when", "in which", "about", "ends".
_OPENS = r"(?:\s+[\w'-]+){0,4}?\s+(?:where|when|in\s+which|about|ends?|ended|ending|opens|starts)\b"
#: A work framing the words after it: "in the movie", "on that show", "the episode where",
#: "a book about", "the show was so sad when", "read a story about", "the main character".
_WORK_FRAME = re.compile(
    rf"\b(?:in|on|from|during|throughout|at\s+the\s+end\s+of)\s+{_DET}{_WORK}\b"
    rf"|\b{_DET}{_WORK}\b{_OPENS}|{_READ_STORY}{_OPENS}"
    r"|\b(?:the|a|an|this|that|my|our|his|her|their)\s+(?:[\w'-]+\s+){0,2}?(?:characters?"
    r"|protagonists?|narrator|mc)\b",
    _FLAGS,
)
_GAME = (
    r"(?:(?:video\s*|computer\s+|mobile\s+|vr\s+)?games?|gta(?:\s*(?:v|5))?|minecraft|fortnite"
    r"|roblox|skyrim|the\s+sims)"
)
#: A game framing the words after it: "in the game", "in gta", "the game where", "minecraft
#: lets you", "my character"; not "after the game when he got home" (a match played).
_GAME_FRAME = re.compile(
    rf"\b(?:in|on|during)\s+(?:{_DET})?{_GAME}\b|\b(?:{_DET})?{_GAME}\b(?:\s+[\w'-]+){{0,4}}?"
    r"\s+(?:where|in\s+which|lets|let|makes\s+you|has\s+you)\b"
    r"|\bmy\s+(?:character|avatar|sim|guy|player)\b",
    _FLAGS,
)
# The same after the act, in its sentence: "he jumps off a bridge in the movie", "... at the end
# of that episode", "... in gta lol"; not "like in the movie", "as in the book" (a wish
# modelled on a story).
_AFTER = r"^[^.!?\n]{0,80}?(?<!\blike\s)(?<!\bas\s)\b(?:in|on|during|at\s+the\s+end\s+of)\s+"
_WORK_AFTER = re.compile(rf"{_AFTER}{_DET}{_WORK}\b", _FLAGS)
_GAME_AFTER = re.compile(rf"{_AFTER}(?:{_DET})?{_GAME}\b", _FLAGS)
# Between a work's frame and the act, words that turn to the writer or to real life: "after
# that show I've been writing", "the movie made me", "... and now she's", "since then".
_TURN = re.compile(
    r"\b(?:i|i'm|im|i've|ive|i'd|i'll|me|myself|now|nowadays|since|lately|these\s+days|irl"
    r"|real\s+life|for\s+real|made|makes|making|reminded|inspired|triggered)\b",
    _FLAGS,
)
# After the act, words that read a story as a real person's: "i'm worried it's about her",
# "it's not just a story", "based on his own life", "he says he relates", "that's me", "gave
# away his guitar".
_REAL_AFTER = re.compile(
    r"\b(?:about\s+(?:her|him|them|me)(?:sel(?:f|ves))?|about\s+myself|based\s+on\s+(?:her|his|their"
    r"|my)|(?:her|his|their|my)\s+own\s+(?:life|feelings|story|plan)|not\s+(?:just\s+)?(?:a\s+)?"
    r"(?:story|fiction|song|poem)|real\s+life|irl|relat(?:e|es|ed|ing)|that'?s\s+(?:me|him|her"
    r"|them|us)|same\s+as\s+(?:me|him|her|them)|(?:gave|giving|gives|give)\s+away)\b",
    _FLAGS,
)
# In the sentence of a game, words of a real risk ("in real life", "for real", "i want to die"):
# a game's deaths ("... and died lol") are none.
_REAL_RISK = re.compile(
    r"\b(?:irl|real\s+life|for\s+real|suicid\w*|kill\s+myself|end\s+it|on\s+purpose"
    r"|(?:want|wanted|wanna)\s+to\s+die|(?:didn'?t|don'?t|dont|didnt)\s+want\s+to\s+(?:live"
    r"|be\s+here|exist))\b",
    _FLAGS,
)


def _sentence_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The words of ``text`` before ``start`` and after ``end`` in their sentence, at most
    150 characters each way."""
    before = SENTENCE_MARK.split(text[max(0, start - 150) : start])[-1]
    after = SENTENCE_MARK.split(text[end : end + 150], maxsplit=1)[0]
    return before, after


def _last(frame: re.Pattern[str], before: str) -> re.Match[str] | None:
    """The last match of ``frame`` in ``before``."""
    found = None
    for match in frame.finditer(before):
        found = match
    return found


def in_a_story(text: str, start: int, end: int) -> bool:
    """Whether the act at ``text[start:end]`` is told inside a story: a work's frame before it
    in its sentence (:data:`_WORK_FRAME`) with no turn to the writer or real life after the
    frame (:data:`_TURN`), or a work named after it ("in the movie") in a sentence where the
    writer does not act; or a game's frame before or after it (:data:`_GAME_FRAME`), the
    player's own acts too, without words of a real risk in its sentence
    (:data:`_REAL_RISK`). Never where the words after it read the story as a real person's
    (:data:`_REAL_AFTER`: "my daughter wrote a story where the girl says goodbye forever to her
    family and i'm worried it's about her")."""
    before, after = _sentence_around(text, start, end)
    if _REAL_AFTER.search(text, end, end + 200) is not None:
        return False
    work = _last(_WORK_FRAME, before)
    if work is not None and _TURN.search(before, work.end()) is None:
        return True
    if _WORK_AFTER.match(after) is not None and _TURN.search(before) is None:
        return True
    if _GAME_FRAME.search(before) is None and _GAME_AFTER.match(after) is None:
        return False
    return _REAL_RISK.search(before + text[start:end] + after) is None
