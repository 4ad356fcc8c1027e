"""What the words around a crisis pattern's match decide: the writer's negation, everyday senses.

A match of :data:`carelens.analysis.crisis_patterns.PATTERNS` is a cue unless the words around
it say otherwise, and these are the checks that read them, in the match's own clause (cut at
sentence punctuation, a comma or a conjunction); the writer's own denial of a mention ("I'm
not suicidal") is read by :func:`carelens.analysis.crisis_denials.writer_denies`, here for the
cues of the writer's own risk beside a telling. :data:`CONTEXT_CHECKS` holds, for the patterns
whose words have everyday senses
too, what makes a match a cue: an overdose someone took or means, not a topic nor an everyday
idiom ("I overdosed on ice cream": :mod:`carelens.analysis.crisis_idioms`); a quantity of pills
swallowed, not carried nor a usual dose ("took a whole bottle of tylenol with me on vacation",
"took 5 advil over the day for my migraine"), or one to be taken after an intent ("gonna take
a whole bottle of tylenol"; the older quantity pattern
:data:`~carelens.analysis.crisis_overdose_patterns.TAKE_MANY` is read with no check, as it was
before); "stop going on" given up, not a chatter's closing ("... thanks for reading my rant");
"rather die", not "rather die than go to that party"; others better off without the writer,
not for a while or in a place nor a team so (:mod:`carelens.analysis.crisis_without_me`: "my
team would be better off without me for the next two weeks"); "end it" of the writer, not of another
without a means at hand told before it ("... locked himself in with a razor and said he's going to
end it" is a cue);
"kys", "kill myself" and "kill yourself" of the writer, not of another nor what someone else
told them ("someone told me to kill myself", 'my mom said "just kill yourself"'), unless the
writer takes it up ("... and honestly I want to", "... and they're not wrong":
:mod:`carelens.analysis.crisis_tellings`) or the message holds a cue of their own risk besides
("They told me to kill myself. I want to die."); self-harm words without an accident; a
farewell that points to an ending, not an everyday leaving
(:mod:`carelens.analysis.crisis_farewells`: "goodbye everyone, I'm moving to Canada", "a
goodbye letter to my old job"); a means told of a risk, not of a
death told of nor an idiom (:mod:`carelens.analysis.crisis_methods`: "he tried to hang
himself", not "my uncle shot himself last spring" nor "he shot himself in the foot"); a means
come near, not a toy, a jump for joy nor wine with pizza
(:mod:`carelens.analysis.crisis_means_near`: "i put the gun in my mouth", "stood on the bridge
... wanted to jump", "wine and pills tonight, then nothing"); "od'd" as an overdose, not the
name "Oded". None of the means, farewells, overdoses, jumps and third parties' risks is a cue
told in a story (:mod:`carelens.analysis.crisis_stories`: "in the movie he jumps off a bridge
at the end"), nor is a death wish laughed off nor a jump for sport
(:mod:`carelens.analysis.crisis_unreal`: "the movie was so bad i wanted to die lol"). The veiled
cues' checks are joined from :mod:`carelens.analysis.crisis_veiled`; the bare words read as a
topic or a story person's ("suicide prevention", "the character's suicide":
:mod:`carelens.analysis.crisis_topics`) and, for every pattern, clean time kept and a crisis
told as history beside how the writer is now ("6 months clean from self harm today", "I tried
to kill myself twelve years ago. Now I'm married and life is good":
:mod:`carelens.analysis.crisis_recovered`) are no cue.
:mod:`carelens.analysis.crisis` runs them. :func:`not_own_mentions` gives the words set aside
as another's telling or an idiom, which the learned flag does not read either.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from carelens.analysis.crisis_denials import clauses as _clauses
from carelens.analysis.crisis_denials import writer_denies
from carelens.analysis.crisis_farewells import FAREWELL_CHECKS
from carelens.analysis.crisis_giving_up import (
    CANT_GO_ON,
    DESPAIR_BESIDE,
    GIVING_UP,
    LIKE_THIS_MATTER,
    STOP_GOING_ON,
)
from carelens.analysis.crisis_idioms import (
    chatter_going_on,
    everyday_overdose,
    everyday_rather,
    everyday_taking,
    planned_taking,
)
from carelens.analysis.crisis_means_near import NEAR_CHECKS
from carelens.analysis.crisis_methods import METHOD_CHECKS, OD_PAST
from carelens.analysis.crisis_overdose_patterns import TAKE_PLANNED, TOOK_MANY
from carelens.analysis.crisis_patterns import (
    END_IT,
    JUMPS,
    KILL_MYSELF,
    KILL_YOURSELF,
    KYS,
    KYS_TOLD,
    ON_PURPOSE,
    OVERDOSE,
    PATTERNS,
    RATHER_DIE,
    SLIT_WRISTS,
    THIRD_PARTY,
    masked_pattern,
)
from carelens.analysis.crisis_recovered import with_recovered
from carelens.analysis.crisis_stories import in_a_story, not_in_a_story
from carelens.analysis.crisis_tellings import taken_up_after, told_to_writer
from carelens.analysis.crisis_topics import with_topics
from carelens.analysis.crisis_unreal import with_unreal
from carelens.analysis.crisis_veiled import with_veiled
from carelens.analysis.crisis_without_me import WITHOUT_ME_CHECKS
from carelens.disguises import MASKED_LETTER

# Words that make a match someone's act: a person in its clause ("I", "my", "he", "my
# friend's"), or nothing before it ("Overdosed last night").
_PERSON = re.compile(
    r"\b(?:i|me|my|myself|we|us|our|he|him|his|she|her|they|them|their|someone|somebody)\b",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"\b(?:i|me|my|myself|im|ive|id)\b", re.IGNORECASE)
# A subject other than the writer: "she wanted to end it", "let's end things", "can you end it".
_OTHER_SUBJECT = re.compile(r"\b(?:he|she|they|we|you|let's|lets)\b", re.IGNORECASE)
# An accident, said in the cue's clause: "I accidentally cut my leg shaving", "burned myself
# on the stove", "hurt myself at the gym".
_ACCIDENT = re.compile(
    r"\b(?:accident(?:al)?ly|accidently|(?:by|on)\s+accident|by\s+mistake)\b", re.IGNORECASE
)
_ACCIDENT_AFTER = re.compile(
    r"^\s*(?:\w+\s+){0,3}?(?:(?:on|with)\s+(?:the|a|my)\s+(?:stove|oven|pan|iron|kettle|hob|grill|"
    r"curling\s+iron)|at\s+(?:the\s+)?gym|(?:while\s+)?(?:shaving|cooking|lifting|working\s+out|"
    r"playing|skating|skiing|climbing|gardening))\b",
    re.IGNORECASE,
)


# A clause that opens with a desire, an intent or a thought of the writer's whose "I" chat
# leaves out ("thinking about overdose tonight", "gonna overdose", "want to take an overdose"):
# their own, as in "I'm thinking about overdose tonight".
_DROPPED_I_INTENT = re.compile(
    r"\s*(?:(?:just|really|so|still|honestly|seriously|literally|kinda|been|keep|kept|always)\s+)"
    r"{0,3}(?:(?:want|wanted|wanting|need|needing|going|about|plan|planning|planned|tempted"
    r"|ready|decided|trying|tried|hoping)\s+to|wanna|gonna|might|(?:think|thinking|thought"
    r"|dreaming|fantasi[sz]\w*)\s+(?:about|of))\s+(?:(?:just|really|finally|actually|seriously"
    r"|probably|maybe)\s+){0,2}(?:(?:take|taking)\s+)?(?:an?\s+)?",
    re.IGNORECASE,
)
# After "overdose": a noun it qualifies, a topic ("thinking about overdose prevention").
_TOPIC_AFTER = re.compile(
    r"\s*(?:prevention|statistics|stats|rates?|deaths?|awareness|crisis|epidemic|data|risks?"
    r"|symptoms|signs|kits?|reversal|training|research|cases|numbers|figures|treatment"
    r"|antidote|education|response|policy|policies|unit|ward)\b",
    re.IGNORECASE,
)


def _someones_act(text: str, start: int, end: int) -> bool:
    """An overdose that someone took or means to take on purpose: a person in its clause, or
    nothing before it ("Overdosed last night"), or the writer's desire, intent or thought with
    its "I" left out (:data:`_DROPPED_I_INTENT`: "thinking about overdose tonight", not
    "thinking about overdose prevention"); not a topic ("Paracetamol overdose is on my
    exam"), a question ("Is it possible to overdose on caffeine?"), a figure ("overdoses are
    up"), an accident or the idiom of an everyday thing had too much of ("I overdosed on ice
    cream": :func:`~carelens.analysis.crisis_idioms.everyday_overdose`), or a story's
    (:func:`~carelens.analysis.crisis_stories.in_a_story`: "at the end of the film he
    overdoses"). Another's death by it stays a cue: the crisis feedback reads it as a loss
    (:mod:`carelens.analysis.crisis_loss_overdose`)."""
    before, after = _clauses(text, start, end)
    if _ACCIDENT.search(before) or _ACCIDENT.search(after):
        return False
    if in_a_story(text, start, end):
        return False
    if everyday_overdose(text, start, end):
        return False
    if not before.strip() or _PERSON.search(before) is not None:
        return True
    # the clause's start, not one the 60 characters read cut into
    whole = len(before) < 60 or start <= 60
    intent = whole and _DROPPED_I_INTENT.fullmatch(before) is not None
    return intent and _TOPIC_AFTER.match(text, end) is None


def _od_act(text: str, start: int, end: int) -> bool:
    """ "od'd", "ODed" read as an overdose is (:func:`_someones_act`), not the name "Oded"."""
    return text[start:end] != "Oded" and _someones_act(text, start, end)


def _swallowed(text: str, start: int, end: int) -> bool:
    """A quantity of a drug taken that is not carried nor a usual dose ("took a whole bottle of
    tylenol with me", "took 5 advil over the day for my migraine":
    :func:`~carelens.analysis.crisis_idioms.everyday_taking`), nor a story's ("in the movie
    she swallowed the whole bottle": :func:`~carelens.analysis.crisis_stories.in_a_story`)."""
    return not everyday_taking(text, start, end) and not in_a_story(text, start, end)


def _not_everyday_rather(text: str, start: int, end: int) -> bool:
    """ "rather die / be dead" that is not the idiom "rather die than go to that party"
    (:func:`~carelens.analysis.crisis_idioms.everyday_rather`)."""
    return not everyday_rather(text, start, end)


def _not_chatter(text: str, start: int, end: int) -> bool:
    """ "stop going on" that is not a chatter's closing ("... thanks for reading my rant":
    :func:`~carelens.analysis.crisis_idioms.chatter_going_on`)."""
    return not chatter_going_on(text, start, end)


# A means at hand or a locking away told before another's "end it" in its sentence: their
# risk, not a breakup ("my partner locked himself in the bathroom with a razor and said he's
# going to end it").
_MEANS_AT_HAND = re.compile(
    r"\b(?:razors?|blades?|knife|knives|guns?|pistol|rifle|pills|rope|noose|cord|ledge"
    r"|locked\s+(?:him|her|them)sel(?:f|ves)\s+in|barricaded\s+(?:him|her|them)sel(?:f|ves))\b",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"[.!?\n]")


def _own_act(text: str, start: int, end: int) -> bool:
    """ "end it / things" said of the writer's own act, not another's ("she wanted to end it",
    "let's end things on a good note"); another's counts with a means at hand or a locking away
    told before it in its sentence (:data:`_MEANS_AT_HAND`), a third party's risk."""
    before = _clauses(text, start, end)[0]
    if _OTHER_SUBJECT.search(before) is None or _FIRST_PERSON.search(before) is not None:
        return True
    sentence = _SENTENCE_BREAK.split(text[max(0, start - 200) : start])[-1]
    return _MEANS_AT_HAND.search(sentence) is not None


def _taken_up(text: str, start: int, end: int) -> bool:
    """Whether the writer takes up what they were told, the cue at ``text[start:end]``: after
    it (:func:`~carelens.analysis.crisis_tellings.taken_up_after`), or by a cue of their own
    risk elsewhere in the message (:func:`_own_risk_elsewhere`: "They told me to kill myself.
    I want to die.")."""
    return taken_up_after(text, start, end) or _own_risk_elsewhere(text, start, end)


def _reported(text: str, start: int, end: int) -> bool:
    """Words that someone else told the writer ("someone told me to kill myself", 'my mom
    said "kill yourself"') and that the writer does not take up ("... and honestly I want
    to")."""
    return told_to_writer(text, start, end) and not _taken_up(text, start, end)


def _not_told(text: str, start: int, end: int) -> bool:
    """Words that are not what someone else told the writer, or that the writer takes up
    (:func:`_reported`)."""
    return not _reported(text, start, end)


_LAST_WORD = re.compile(r"\S+$")


def _reported_kys(text: str, start: int, end: int) -> bool:
    """ "kys", maybe after a desire or an intent (KYS), that someone else told the writer and
    the writer does not take up (:func:`_reported`: "my mom said I should kys"); its own
    word is the match's last."""
    kys = _LAST_WORD.search(text, start, end)
    return _reported(text, start if kys is None else kys.start(), end)


def _own_kys(text: str, start: int, end: int) -> bool:
    """ "kys" after a desire or an intent (KYS) said of the writer, not another's ("you
    should kys", "she wants to kys": :func:`_own_act`) and not what someone else told them
    (:func:`_reported_kys`: "my mom said I should kys")."""
    return not _reported_kys(text, start, end) and _own_act(text, start, end)


def _kys_taken_up(text: str, start: int, end: int) -> bool:
    """ "kys" alone (KYS_TOLD) that someone else told the writer and the writer takes up
    ("someone told me to kys and honestly I want to")."""
    return told_to_writer(text, start, end) and _taken_up(text, start, end)


# In the clause after self-harm words, the act told as meant: "burnt myself with the curling
# iron on purpose" is no accident with the iron.
_DELIBERATE = re.compile(
    r"\b(?:on\s+purpose|deliberately|intentionally|to\s+(?:feel|punish)|so\s+(?:that\s+)?i'?d"
    r"\s+feel)\b",
    re.IGNORECASE,
)


def _on_purpose(text: str, start: int, end: int) -> bool:
    """Self-harm words that do not tell of an accident ("I burned myself on the stove"; but
    "... with the curling iron on purpose" is meant: :data:`_DELIBERATE`) nor of
    a story ("a poem about a girl who cuts herself":
    :func:`~carelens.analysis.crisis_stories.in_a_story`)."""
    before, after = _clauses(text, start, end)
    if _ACCIDENT.search(before) or _ACCIDENT.search(after):
        return False
    if _ACCIDENT_AFTER.match(after) is not None and _DELIBERATE.search(after) is None:
        return False
    return not in_a_story(text, start, end)


_LIKE_THIS_MATTER = re.compile(LIKE_THIS_MATTER, re.IGNORECASE)
_DESPAIR = re.compile("|".join((DESPAIR_BESIDE, *GIVING_UP)), re.IGNORECASE)


def _not_everyday_matter(text: str, start: int, end: int) -> bool:
    """ "I can't go on" but for "like this with my landlord", an everyday complaint
    (:data:`~carelens.analysis.crisis_giving_up.LIKE_THIS_MATTER`), unless despair stands
    elsewhere in the message (:data:`~carelens.analysis.crisis_giving_up.DESPAIR_BESIDE` or a
    pattern of going on given up: "i cant go on like this at school ... i dont see the point
    anymore")."""
    matter = _LIKE_THIS_MATTER.match(text, end)
    if matter is None:
        return True
    return any(
        found.end() <= start or found.start() >= matter.end() for found in _DESPAIR.finditer(text)
    )


#: Patterns whose words have everyday senses too: a match is a cue only when its check holds.
_CONTEXT: dict[str, Callable[[str, int, int], bool]] = {
    OVERDOSE: _someones_act,
    OD_PAST: _od_act,
    TOOK_MANY: _swallowed,
    TAKE_PLANNED: planned_taking,
    END_IT: _own_act,
    KYS: _own_kys,
    KYS_TOLD: _kys_taken_up,
    KILL_MYSELF: _not_told,
    KILL_YOURSELF: _not_told,
    RATHER_DIE: _not_everyday_rather,
    STOP_GOING_ON: _not_chatter,
    CANT_GO_ON: _not_everyday_matter,
    **FAREWELL_CHECKS,
    **dict.fromkeys((*THIRD_PARTY, *JUMPS, SLIT_WRISTS), not_in_a_story),
    **dict.fromkeys(ON_PURPOSE, _on_purpose),
    **METHOD_CHECKS,
    **NEAR_CHECKS,
    **WITHOUT_ME_CHECKS,
}
# Joined: a hyperbole laughed off, a jump for sport (:mod:`carelens.analysis.crisis_unreal`);
# the veiled cues' checks (:mod:`carelens.analysis.crisis_veiled`); the bare words as a topic
# or a story's (:mod:`carelens.analysis.crisis_topics`); for every pattern, clean time kept and
# a crisis told as history (:mod:`carelens.analysis.crisis_recovered`).
_CONTEXT = with_recovered(
    with_topics(with_veiled(with_unreal(_CONTEXT))),
    tuple(pattern for patterns in PATTERNS.values() for pattern in patterns),
)
#: The checks by the pattern they read, as written and as it reads a masked letter
#: (:func:`~carelens.analysis.crisis_patterns.masked_pattern`).
CONTEXT_CHECKS: dict[str, Callable[[str, int, int], bool]] = {
    **_CONTEXT,
    **{masked_pattern(p): check for p, check in _CONTEXT.items()},
}


# The patterns of the words someone else may tell the writer, read by their own checks when
# they stand beside a telling (:func:`_own_risk_spans`).
_TOLD_WORDS = (KILL_MYSELF, KILL_YOURSELF, KYS, KYS_TOLD)


def _untold(text: str, start: int, end: int) -> bool:
    """Words that are not what someone else told the writer
    (:func:`~carelens.analysis.crisis_tellings.told_to_writer`), read without asking whether
    they take it up (which reads the other cues)."""
    return not told_to_writer(text, start, end)


def _untold_kys(text: str, start: int, end: int) -> bool:
    """ "kys" after a desire or an intent said of the writer (:func:`_own_act`) and not what
    someone else told them (:func:`~carelens.analysis.crisis_tellings.told_to_writer`)."""
    kys = _LAST_WORD.search(text, start, end)
    told = told_to_writer(text, start if kys is None else kys.start(), end)
    return not told and _own_act(text, start, end)


@lru_cache(maxsize=2)
def _own_risk_checks(
    masked: bool,
) -> tuple[tuple[re.Pattern[str], Callable[[str, int, int], bool] | None], ...]:
    """The patterns of the writer's own risk and their checks: every pattern but a third
    party's (:data:`~carelens.analysis.crisis_patterns.THIRD_PARTY`), those of a telling read
    as not told (:func:`_untold`, :func:`_untold_kys`; "kys" alone is none); with ``masked``,
    as they read a masked letter. Compiled the first time a telling needs them."""
    checks: dict[str, Callable[[str, int, int], bool] | None] = {
        pattern: CONTEXT_CHECKS.get(pattern)
        for patterns in PATTERNS.values()
        for pattern in patterns
        if pattern not in _TOLD_WORDS and pattern not in THIRD_PARTY
    }
    checks.update({KILL_MYSELF: _untold, KILL_YOURSELF: _untold, KYS: _untold_kys})
    return tuple(
        (
            re.compile(masked_pattern(pattern) if masked else pattern, re.IGNORECASE | re.DOTALL),
            check,
        )
        for pattern, check in checks.items()
    )


@lru_cache(maxsize=8)
def _own_risk_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where ``text`` holds a cue of the writer's own risk (:func:`_own_risk_checks`) that
    the writer does not deny (:func:`writer_denies`), as (start, end) offsets. Read once for a
    text however many tellings it holds."""
    checks = _own_risk_checks(MASKED_LETTER in text)
    return tuple(
        match.span()
        for pattern, check in checks
        for match in pattern.finditer(text)
        if (check is None or check(text, *match.span())) and not writer_denies(text, *match.span())
    )


def _own_risk_elsewhere(text: str, start: int, end: int) -> bool:
    """Whether ``text`` holds a cue of the writer's own risk apart from ``text[start:end]``
    (:func:`_own_risk_spans`): "They told me to kill myself. I want to die." takes the
    telling up."""
    return any(
        other_end <= start or other_start >= end for other_start, other_end in _own_risk_spans(text)
    )


# The patterns whose matches are set aside as words that are not the writer's own, and what
# tells them: what someone else told them, an everyday idiom.
_NOT_OWN: tuple[tuple[re.Pattern[str], Callable[[str, int, int], bool]], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), check)
    for pattern, check in (
        (KILL_MYSELF, _reported),
        (KILL_YOURSELF, _reported),
        (KYS, _reported_kys),
        (KYS_TOLD, _reported_kys),
        (RATHER_DIE, everyday_rather),
        (OVERDOSE, everyday_overdose),
        (OD_PAST, everyday_overdose),
    )
)


def not_own_mentions(text: str) -> tuple[tuple[int, int], ...]:
    """Where ``text`` (folded: :func:`carelens.text.fold`) holds crisis words that the checks
    set aside as not the writer's own, as (start, end) offsets: what someone else told them
    ("someone told me to kill myself", 'my mom said "just kill yourself"') and the everyday
    idioms "I'd rather die than go to that party", "I overdosed on ice cream". No pattern
    flags them, and the learned flag (:mod:`carelens.analysis.crisis_model`) does not read
    their words either."""
    return tuple(
        sorted(
            match.span()
            for pattern, check in _NOT_OWN
            for match in pattern.finditer(text)
            if check(text, *match.span())
        )
    )
