"""Words of a helper's reply that judge, blame or make light of the feeling it gives the seeker.

:mod:`carelens.analysis.reply_feelings` reads the feeling a reply names or says back to the
seeker ("You're angry", "That sounds exhausting"). The same words hand the seeker a feeling
to hold it against them: "you're lonely because you push everyone away", "You're just bitter
because she dumped you", "you get annoyed too easily", "You're scared of nothing", "You're
too proud to ask for help, that's your problem", "You look happy in all your pictures
though?". Such a feeling is no understanding, and feedback must not praise it.
:func:`blames` finds the words that blame the seeker anywhere in a reply ("you have no right
to be angry", "that's your problem", "the problem is you", "it's your own fault", "sounds
like a you problem", "you chose this", "you saw this coming", "You probably deserved it
though", "you should've worked harder"; never their denials: "it's not your fault", "he had
no right to", nor blame granted only as a condition: "even if you saw it coming", nor blame
reported as someone else's: "Anyone telling you that you have no right to be angry is
wrong", nor the seeker's own sense or past said back: "you feel like you have no right to be
sad", "You learned you had no right to be anxious", "It's like you had no right to be sad in
that house", nor blame kind in its context, read by :mod:`carelens.analysis.reply_kind_blame`:
"You have no right to be this hard on yourself", "you chose this. it was brave.");
:func:`judging_words` finds them, words that tell the seeker not to feel what
they feel ("you shouldn't feel that way", "you shouldn't be so upset about a party"; not
where the seeker blames themselves and it comforts: "You shouldn't feel guilty", "You
shouldn't feel that way, it's not your fault", nor where it wishes them company: "You
shouldn't be sad alone, come to ours!", "you shouldn't be upset tonight, want me to come
over?"), or a trait held against them ("you're so careless", "you are needy", "you were
probably a bit too clingy"), for feedback to quote as judging (and for
:mod:`carelens.analysis.rules` to raise ``dismissive`` with, so the style says so too);
:func:`judged` reads the clause of one feeling word: words after it that hold it against them,
read first ("because you" and a habit: "because you push everyone away", not "because you care
so much"; "over little things", "of nothing", "for no reason", "too easily"), "just" or "too"
right before it after a bare "you're" ("you're just bitter", "you're too proud"; not "it sounds
like you're just exhausted", nor "too scared to go"), with a cause after "just" held against
them too ("you're just bitter because you're single"; not after a denial: "you're not lazy,
you're just exhausted because..."), "always" or "constantly" between "you" and it where the
seeker wrote no such word ("you always get upset", held against them before "about this
stuff"), the feeling alone in a bare question ("You're angry?"), and a "though" that ends in a
question ("You were happy before the reunion though, right?"). Words the seeker wrote
themselves are theirs said back ("I'm just tired" -> "You're just tired"). :func:`judged` tells
how it judges (:data:`Judgment`): words that hold it against them (:data:`HELD_AGAINST`) are
said to be judging too, while "just" alone is also said kindly ("you're not lazy, you're just
exhausted"). These are word rules: a judgment in other words is left to the model's dismissive
score, which :mod:`carelens.analysis.feedback` reads.
"""

from __future__ import annotations

import re
from typing import Literal

from carelens.analysis.reply_kind_blame import (
    CLEARED,
    KIND_CAUSE,
    VALIDATED_NEXT,
    kind_no_right,
    praised,
)
from carelens.analysis.reply_remarks import CLAUSE_END
from carelens.analysis.words import SENTENCE_MARK

#: Words anywhere in a reply that blame the seeker: no feeling given in it is understanding
#: ("it's kind of your fault", "you must have known this was coming").
#: Written so that a denial of them ("it's not your fault", "that isn't your problem to fix")
#: or someone else's lack of right ("he had no right to say that") does not match.
_BLAME = re.compile(
    r"\b(?:you|u)(?:['\u2019]ve|\s+have|\s+had)?\s+(?:got\s+)?no\s+right\s+to\b"
    r"|\b(?:that|this|it)(?:['\u2019]s|\s+is)\s+(?:(?:all|just|kind\s+of|kinda|partly|partially"
    r"|mostly|honestly|really|probably|a\s+bit)\s+)*(?:your|ur)\s+(?:own\s+)?(?:problem|fault)\b"
    # "you must have known this was coming"
    r"|\b(?:you|u)\s+(?:must|should)(?:['\u2019]?ve|\s+have)\s+(?:known|seen)\s+(?:this|it|that)"
    r"\s+(?:was\s+)?coming\b"
    r"|\bthe\s+(?:real\s+)?problem\s+is\s+(?:you|u)\b(?!['\u2019])(?=\s*(?:[.!?,;]|$))"
    r"|\b(?:you['\u2019]re|youre|you\s+are)\s+the\s+(?:real\s+)?problem\b"
    # "sounds like a you problem", "you chose this", "you saw this coming"
    r"|\ba\s+(?:you|u)\s+problem\b"
    r"|\b(?:you|u)\s+chose\s+(?:this|that|it)\b(?=\s*(?:[.!?,;]|$|\s+(?:though|tho|lol)\b))"
    r"|\b(?:you|u)\s+(?:saw|should(?:['\u2019]?ve|\s+have)\s+seen)\s+(?:this|that|it)\s+coming\b"
    # "You probably deserved it though" (not "you deserved it!" to good news)
    r"|\b(?:you|u)\s+(?:probably|prob|kinda|kind\s+of|sort\s+of|honestly)\s+deserved"
    r"\s+(?:it|this|that)\b|\b(?:you|u)\s+deserved\s+(?:it|this|that)\s+(?:though|tho)\b"
    # hindsight held against them: "you should've worked harder", "should have known better"
    r"|\b(?:you|u)\s+(?:really\s+)?should(?:['\u2019]?ve|\s+have|a)\s+(?:worked|studied|tried"
    r"|practi[cs]ed|saved)\s+(?:harder|more)\b"
    r"|\b(?:you|u)\s+should(?:['\u2019]?ve|\s+have|a)\s+known\s+better\b",
    re.IGNORECASE,
)
#: A trait held against the seeker ("you're so careless", "he's right tho, you are needy",
#: "you're just impatient", "you were probably a bit too clingy for him"); not what a trait
#: keeps them from ("you're so impatient to start"), and, as blame, not denied ("you're not
#: lazy", "you were never clingy"), granted only as a condition ("even if you were a bit
#: needy") nor reported.
_TRAIT = re.compile(
    r"\b(?:you['\u2019]re|youre|you\s+are|(?:you|u)\s+(?:were|was|act|acted|sound|seem|seemed)"
    r"(?:\s+so)?|(?:you|u)(?:['\u2019]ve|\s+have)\s+been|(?:you|u)\s+can\s+be)\s+"
    r"(?:(?:so|such\s+an?|being|just|really|too|always|kind\s+of|kinda|a\s+bit|a\s+little|pretty"
    r"|very|honestly|literally|probably|prob|maybe|clearly|obviously)\s+)*"
    r"(?:careless|lazy|selfish|needy|clingy|immature|irresponsible|ungrateful|entitled|spoiled"
    r"|spoilt|pathetic|whiny|impatient|stupid|dumb|childish|petty|annoying)\b(?!\s+to\b)",
    re.IGNORECASE,
)
#: Words before blame in its clause that grant it only as a condition ("even if you saw it
#: coming, it still hurts", "even though you chose this, you're allowed to grieve").
_CONCEDED_BEFORE = re.compile(
    r"\b(?:even\s+(?:if|though|when)|although|though|whether\s+or\s+not)\s+"
    r"(?:[\w'\u2019]+\s+){0,3}$",
    re.IGNORECASE,
)
#: A negation a few words before judging words reverses them ("I don't think it's your
#: fault", "not that you shouldn't feel that way", "none of this is your fault").
_NEGATED_BEFORE = re.compile(
    r"(?:\bnot|n['\u2019]t|\bnever|\bno\s*one|\bnobody|\bnone\s+of)\s+(?:[\w'\u2019]+\s+){0,4}$",
    re.IGNORECASE,
)
#: Words right before judging words that report them as someone else's ("Anyone telling you
#: that you have no right to be angry is wrong", "hearing her say you have no right to be
#: sad", "they act like you have no right to complain", "he makes you feel like it's your
#: fault", "people around you assume you should be over it"); not the helper's own ("I
#: think that's your own fault").
_REPORTED_BEFORE = re.compile(
    r"(?<!\bi\s)(?<!\bi\sjust\s)(?<!\bi\sreally\s)(?<!\bi\shonestly\s)(?<!\bi\sdo\s)"
    r"(?<!\bi['\u2019]m\s)"
    r"\b(?:tell|tells|told|telling|say|says|said|saying|think|thinks|thought|believe|believes"
    r"|mean|means|meant|insist|insists|insisted|claim|claims|claimed|imply|implies|implied"
    r"|hear|heard|hearing|assume|assumes|assumed|assuming|expect|expects|expected|expecting)\s+"
    r"(?:(?:you|u|me|us|them|him|her)\s+)?(?:that\s+)?$"
    r"|\b(?:act|acts|acted|acting|treat|treats|treated|treating)\s+(?:(?:you|u)\s+)?"
    r"(?:like|as\s+if|as\s+though)\s+$"
    r"|\b(?:make|makes|made|making)\s+(?:you|u)\s+(?:feel|think|believe)\s+(?:like\s+|that\s+)?$"
    # the seeker's own sense or what they were taught, said back: "you feel like you have no
    # right to be sad", "You learned you had no right to be anxious", "they taught you that"
    r"|\b(?:you|u)\s+(?:(?:always|often|still|have|had)\s+)?(?:feel|felt|feeling)\s+"
    r"(?:like|as\s+if|as\s+though)\s+$"
    r"|\b(?:you|u)\s+(?:(?:always|have|had|just)\s+)?(?:learned|learnt|were\s+taught"
    r"|grew\s+up\s+(?:believing|thinking|feeling))\s+(?:that\s+)?$"
    r"|\btaught\s+(?:you|u)\s+(?:that\s+)?$",
    re.IGNORECASE,
)
#: Words right before judging words in the past that tell how it was for the seeker, no
#: judgment of the helper's ("I know it felt like you had no right to feel hurt back then",
#: "It's like you had no right to be sad in that house"): :data:`_PAST_AT` after them.
_PAST_FRAME = re.compile(
    r"\b(?:felt|seemed|it['\u2019]s|it\s+is|it\s+was|was|were)\s+(?:just\s+)?"
    r"(?:like|as\s+if|as\s+though)\s+$",
    re.IGNORECASE,
)
_PAST_AT = re.compile(r"(?:you|u)\s+(?:had|were|weren['\u2019]?t)\b", re.IGNORECASE)
#: A thought, a saying or a letting denied earlier in a sentence: judging words after it in
#: that sentence are what the helper says not to believe ("dont think for a second, because
#: someone else is suffering more than you, that you have no right to express yourself",
#: "It doesn't mean you have no right to be upset").
_DENIED_THOUGHT = re.compile(
    r"(?:n['\u2019]?t|\bnot|\bnever)\s+(?:[\w'\u2019]+\s+){0,2}?"
    r"(?:think|thinking|believe|believing|mean|means|say|saying|tell|let|feel|listen)\b",
    re.IGNORECASE,
)
#: A "but" after a denied thought ends it: what follows is the helper's own again ("I'm not
#: saying you're a bad mom, but if you were more organised ...").
_BUT = re.compile(r"\bbut\b", re.IGNORECASE)
#: Words that tell the seeker not to feel what they feel ("you shouldn't feel that way",
#: "you shouldn't be so upset about a party", "You shouldn't be angry at her"). Not the
#: feelings they are told not to hold against themselves ("You shouldn't feel guilty", "you
#: shouldn't be ashamed", "you shouldn't be disappointed in yourself"), nor "you shouldn't
#: have to feel this way".
_INVALIDATING = re.compile(
    r"\b(?:you|u)\s+(?:(?:really|just|honestly|definitely|seriously)\s+)?"
    r"(?:shouldn['\u2019]?t|should\s+not)\s+(?:feel|be|get)(?:\s+feeling)?\s+"
    r"(?:(?:so|this|that|too|as|that\s+much|this\s+much)\s+)?"
    r"(?:(?:that|this)\s+way|like\s+(?:that|this)|upset|sad|angry|mad|hurt|jealous|bitter"
    r"|annoyed|offended|bothered|worked\s+up|butthurt|salty|pissed(?:\s+off)?|frustrated"
    r"|disappointed|heartbroken|devastated)\b"
    r"(?!\s+(?:in|with|at|about|towards?)\s+yourself)",
    re.IGNORECASE,
)
#: Words after :data:`_INVALIDATING` that make it a wish for their company, no judgment
#: ("You shouldn't be sad alone, come to ours!", "you shouldn't be upset by yourself tonight").
_ALONE_AFTER = re.compile(
    r"\s+(?:[\w'\u2019]+\s+){0,2}?(?:all\s+)?(?:alone|by\s+yourself|on\s+your\s+own)\b",
    re.IGNORECASE,
)
#: An invitation or offer of company soon after :data:`_INVALIDATING` (its sentence or the
#: next): "you shouldn't be upset tonight, want me to come over?", "... Come stay with us".
_INVITED_AFTER = re.compile(
    r"\b(?:come\s+(?:over|round|around|by|stay|join|to\s+(?:ours|mine|my\s+place|our\s+place))"
    r"|want\s+me\s+to|(?:would|do)\s+you\s+(?:like|want)\s+(?:me\s+to|to\s+come|company)"
    r"|(?:I|we)(?:['\u2019]ll|\s+will|\s+can|\s+could)\s+(?:come|be\s+there|sit|stay|call"
    r"|keep\s+you\s+company|pick\s+you\s+up)|join\s+us|stay\s+with\s+(?:us|me)"
    r"|you(?:['\u2019]re|\s+are)\s+(?:always\s+)?(?:welcome|invited))\b",
    re.IGNORECASE,
)
#: How far after :data:`_INVALIDATING` an invitation (:data:`_INVITED_AFTER`) is read.
_INVITED_WITHIN = 80
#: The seeker's own "shouldn't": after it the reply's says theirs back ("My friends say I
#: shouldn't feel this way").
_SHOULD_NOT = re.compile(r"\bshouldn['\u2019]?t\b|\bshould\s+not\b", re.IGNORECASE)
#: The seeker's own "no right to": after it the reply's says theirs back ("My mom says I
#: have no right to be sad").
_NO_RIGHT = re.compile(r"\bno\s+right\s+to\b", re.IGNORECASE)
#: The seeker's words of blaming themselves: after them, "you shouldn't feel that way"
#: comforts ("I feel like it's my fault my parents split up").
_SELF_BLAME = re.compile(
    r"\b(?:guilt|guilty|ashamed|shame|fault|blame\s+myself|hate\s+myself|worthless|failure"
    r"|useless|burden|stupid|selfish|inadequate|embarrassed|not\s+good\s+enough"
    r"|(?:terrible|bad|awful|horrible)\s+(?:person|mother|father|mom|dad|friend|son"
    r"|daughter|wife|husband|partner))\b",
    re.IGNORECASE,
)
#: The end of the part of a clause before a feeling word that makes it "just" that feeling or
#: "too" much of it, after a bare "you're", "you get", "you seem" ("You're just bitter",
#: "you're way too proud").
_BARE_BEFORE = re.compile(
    r"\b(?:you['\u2019]re|youre|you\s+are|(?:you|u)\s+(?:get|got|seem|feel))\s+"
    r"(?:(?:always|so|way|far|a\s+bit|a\s+little|just)\s+)*(?P<word>just|too)\s+$",
    re.IGNORECASE,
)
#: Words before a feeling that soften "just" into a guess about them ("It sounds like
#: you're just exhausted", "you must just be drained").
_SOFTENED = re.compile(r"\b(?:sounds?|seems?|must|like|maybe|probably)\b", re.IGNORECASE)
#: "too" before a feeling and "to" and a verb after it tells what the feeling keeps them
#: from ("too scared to go to the dentist"), no judgment of it; a few feelings are one
#: however it goes on ("too proud to ask for help").
_TOO_TO = re.compile(r"\s+to\s+[a-z]", re.IGNORECASE)
_ALWAYS_TOO = frozenset(["proud"])
#: A habit word between "you" and the feeling ("you always get upset", "you're constantly
#: angry"): the feeling made their character; not a history ("you've always been anxious").
_HABIT = re.compile(
    r"\b(?:(?:you|u)\s+(?:\w+\s+)?(?:always|constantly)\s+(?:get|got|feel|seem|act|sound)"
    r"|(?:you['\u2019]re|youre|you\s+are)\s+(?:\w+\s+)?(?:always|constantly))\b",
    re.IGNORECASE,
)
#: The seeker's own words of a habit: after them "you always get upset" says theirs back.
_SEEKER_HABIT = re.compile(
    r"\b(?:always|constantly|every\s*time|all\s+the\s+time|whenever)\b", re.IGNORECASE
)
#: A feeling said back as a bare question, the frame and the feeling alone ("You're
#: angry?", "Wait, you're scared?"): disbelief, not hearing them.
_BARE_ECHO = re.compile(
    r"\s*(?:(?:so|wait|oh|hold\s+on)\s+)?(?:you['\u2019]re|youre|you\s+are|(?:you|u)\s+feel)"
    r"(?:\s+(?:so|really|that|very|feeling))*\s+",
    re.IGNORECASE,
)
_ASKED_NEXT = re.compile(r"\s*\?")
#: Words after a feeling in its clause that hold it against them. After "because you" only
#: a habit blamed on them counts ("because you push everyone away", "because you never let
#: anyone in"), not a cause that blames no one ("because you care so much", "because you
#: keep getting let down", "because you never got to say goodbye").
_AFTER = re.compile(
    r"\bbecause\s+(?:you|u)\s+(?:(?:just|always|never|keep|still|constantly|really)\s+)*"
    r"(?:push(?:ed|ing)?|refuse[ds]?|refusing|overthink\w*|overreact\w*|isolate|isolating"
    r"|dwell|dwelling|complain|complaining|whine|whining"
    r"|let\s+(?:people|them|him|her|it|everyone|others|anyone|anybody)"
    r"|(?:don['\u2019]?t|won['\u2019]?t)\s+(?:even\s+)?(?:try|listen|let|bother)"
    r"|take\s+(?:things|everything|it)\s+(?:so\s+|too\s+)?personally)\b"
    r"|\b(?:over|about)\s+(?:(?:such|the|every|all|these|those|some)\s+)?(?:little|small|tiny"
    r"|silly|stupid|petty|dumb|minor)\s+(?:things?|stuff|stuffs)\b"
    r"|\bover\s+every(?:thing|\s+little)\b"
    r"|\b(?:of|about|over)\s+nothing\s*(?=[.!?,;]|$)"
    r"|\bfor\s+no\s+(?:good\s+|real\s+)?reason\b"
    r"|\b(?:too\s+)?easily\b"
    r"|\btoo\s+(?:quickly|fast|often|soon|seriously|personally)\b",
    re.IGNORECASE,
)
#: Words after a habit made of a feeling that make light of what it is about ("you always
#: get upset about this stuff"): held against them as :data:`_AFTER` is.
_HABIT_LIGHT = re.compile(
    r"\b(?:over|about|at)\s+(?:this|that|such|the\s+same)\s+(?:stuff|crap|kind\s+of\s+(?:thing|stuff)"
    r"|sort\s+of\s+(?:thing|stuff)|things?)\b|\b(?:over|about|at)\s+every(?:thing|\s+little)\b",
    re.IGNORECASE,
)
#: A cause given after "just" a feeling (:func:`_just_because`).
_BECAUSE = re.compile(r"\b(?:because|cause|cuz|coz|since)\b", re.IGNORECASE)
#: A denial earlier in the sentence of "just" a feeling, which makes "just" kind ("You're not
#: lazy, you're just exhausted because ...").
_DENIAL = re.compile(r"\b(?:not|never|no)\b|n['\u2019]t\b", re.IGNORECASE)
#: A "though" after the feeling in its sentence that ends in a question challenges it ("You
#: look happy in your pictures though?", "You were happy before, though, right?").
_THOUGH_ASKED = re.compile(r"\bthough\b[^.!?\n]{0,40}\?", re.IGNORECASE)


def blames(response: str) -> bool:
    """Whether ``response`` blames the seeker anywhere ("You have no right to be angry at
    him", "that's your problem", "maybe the problem is you"; not "it's not your fault", nor
    "I don't think it's your fault", nor blame it reports: "Anyone telling you that you have
    no right to be angry is wrong": :func:`own_words`)."""
    return _blame(response) is not None


def _blame(response: str) -> re.Match[str] | None:
    """The first words of :data:`_BLAME` in ``response`` that are the helper's own
    (:func:`own_words`) and not kind in context (:mod:`carelens.analysis.reply_kind_blame`:
    "no right to be this hard on yourself", "you chose this. it was brave."); None without
    one."""
    for found in _BLAME.finditer(response):
        head = CLAUSE_END.split(response[max(0, found.start() - 60) : found.start()])[-1]
        if (
            own_words(response, found.start())
            and not _CONCEDED_BEFORE.search(head)
            and not kind_no_right(response, found.start())
            and not praised(response, found)
        ):
            return found
    return None


def own_words(text: str, at: int) -> bool:
    """Whether the words at ``at`` in ``text`` are the helper's own judgment: no negation a
    few words before them in their clause ("I don't think it's your fault", "not that you
    shouldn't feel that way"), and not reported as someone else's (:func:`said_by_others`)."""
    head = CLAUSE_END.split(text[max(0, at - 60) : at])[-1]
    return not _NEGATED_BEFORE.search(head) and not said_by_others(text, at)


def said_by_others(text: str, at: int) -> bool:
    """Whether the words at ``at`` in ``text`` are reported as someone else's, or as the
    seeker's own sense or past, right after words that report them in their clause
    (:data:`_REPORTED_BEFORE`: "hearing her say you have no right to be sad", "Don't let
    anyone tell you that you have no right to be mad", "they act like you have no right to
    complain", "you feel like you have no right to be sad", "You learned you had no right
    to be anxious"), after "it felt like", "it's like"... where they are in the past
    (:data:`_PAST_FRAME`: "It's like you had no right to be sad in that house"; not "It's
    like you have no right to be upset"), or after a denied thought earlier in their
    sentence (:data:`_DENIED_THOUGHT`: "don't think for a second, because someone else is
    suffering more, that you have no right to express yourself"), with no "but" between
    them ("I'm not saying you're a bad mom, but if you were more organised ..." is the
    helper's own)."""
    head = CLAUSE_END.split(text[max(0, at - 60) : at])[-1]
    if _REPORTED_BEFORE.search(head) or (_PAST_FRAME.search(head) and _PAST_AT.match(text, at)):
        return True
    sentence = _BUT.split(SENTENCE_MARK.split(text[max(0, at - 200) : at])[-1])[-1]
    return _DENIED_THOUGHT.search(sentence) is not None


def judging_words(response: str, seeker: str) -> tuple[int, int] | None:
    """Start and end of the first words of ``response`` that judge or blame the seeker for
    what they feel or did, to its clause's end: blame (:func:`blames`: "you have no right to
    be upset about that", "that's your own fault"), words that tell them not to feel what
    they feel (:data:`_INVALIDATING`: "you shouldn't feel that way", "you shouldn't be so
    upset about a party"; not where they wish them company: :func:`_company`), or a trait
    held against them (:data:`_TRAIT`: "you're so careless"). Telling them not to feel so
    is comfort, no judgment, where the seeker blames themselves (:data:`_SELF_BLAME`: "I
    feel like it's my fault" -> "You shouldn't feel that way") or the reply clears them
    (:data:`~carelens.analysis.reply_kind_blame.CLEARED`: "..., it's not your fault"); words
    the seeker wrote themselves ("My friends say I shouldn't feel this way", "My mom says I
    have no right to be sad") are theirs said back. None without any."""
    found = _blame(response)
    # the seeker's message is read only once words are found (most replies have none)
    if found is not None and "no right to" in found.group(0).lower() and _NO_RIGHT.search(seeker):
        found = None
    if found is None:
        found = next(
            (m for m in _INVALIDATING.finditer(response) if own_words(response, m.start())),
            None,
        )
        if found is not None and (
            CLEARED.search(response)
            or _company(response, found.end())
            or _SHOULD_NOT.search(seeker)
            or _SELF_BLAME.search(seeker)
        ):
            found = None
    if found is None:
        found = next(
            (
                m
                for m in _TRAIT.finditer(response)
                if own_words(response, m.start())
                and not _CONCEDED_BEFORE.search(
                    CLAUSE_END.split(response[max(0, m.start() - 60) : m.start()])[-1]
                )
            ),
            None,
        )
    if found is None:
        return None
    rest = CLAUSE_END.search(response, found.end())
    return found.start(), rest.start() if rest is not None else len(response.rstrip())


def _company(response: str, end: int) -> bool:
    """Whether words telling the seeker not to feel so, ending at ``end`` of ``response``, go
    on to wish them company: "alone" or "by yourself" right after them
    (:data:`_ALONE_AFTER`), or an invitation soon after (:data:`_INVITED_AFTER`)."""
    return _ALONE_AFTER.match(response, end) is not None or (
        _INVITED_AFTER.search(response, end, end + _INVITED_WITHIN) is not None
    )


def as_said(seeker: str) -> str:
    """The seeker's message as :func:`judged` compares the reply's words with it: lower-cased,
    each run of spaces one space (read once per reply)."""
    return " ".join(seeker.lower().split())


#: How :func:`judged` finds a feeling held against the seeker: "just" or "too" before it
#: ("you're just bitter"; also said kindly: "you're not lazy, you're just exhausted"), a
#: habit made of it ("you always get upset"), a bare echo question ("You're angry?"), words
#: after it that blame or make light of it ("because you push everyone away", "too
#: easily", and "just" it with a cause after: "you're just bitter because you're single",
#: a habit made of it about "this stuff": :data:`HELD_AGAINST`), or a "though" ending in a
#: question.
Judgment = Literal["just or too", "habit", "echo", "after", "though"]
#: The judgment by words after the feeling, which blame them for it or make light of it:
#: :mod:`carelens.analysis.feedback` says such a reply may come across as judging.
HELD_AGAINST: Judgment = "after"


def judged(text: str, start: int, end: int, head: str, said: str) -> Judgment | None:
    """How the feeling word at ``start``-``end`` of the reply ``text``, after ``head`` (the
    part of its clause before it), is held against the seeker in its clause
    (:data:`Judgment`), None where it is not: words after it, read first (:data:`_AFTER`:
    "because you push everyone away", "over little things", "of nothing", "too easily"),
    "just" or "too" right before it after a bare "you're" (:data:`_BARE_BEFORE`, not
    softened by "it sounds like", "must"...; "too" not before "to" and a verb; "just" with
    a cause after it is held against them as words after it are: :func:`_just_because`),
    "always" or "constantly" before it after "you" where the seeker wrote no such word
    (:data:`_HABIT`; before "about this stuff", :data:`_HABIT_LIGHT`, held against them
    too), the feeling alone in a bare question ("You're angry?"), or a "though" ending in a
    question later in its sentence. Words the seeker wrote themselves (``said``, their message as
    :func:`as_said` gives it: "I'm just tired", "I get sad for no reason") are theirs said
    back, no judgment."""
    word = text[start:end].lower()
    window = text[end : end + 120]
    clause = CLAUSE_END.split(window, maxsplit=1)[0]
    # words after it that hold it against them come first: "you're just lonely because you
    # push everyone away" is quoted as judging, not only "just" that feeling
    after = _AFTER.search(clause)
    if after is not None and " ".join(after.group(0).lower().split()) not in said:
        return "after"
    bare = _BARE_BEFORE.search(head)
    if (
        bare is not None
        and not _SOFTENED.search(head[: bare.start()])
        and f"{bare.group('word').lower()} {word}" not in said
        and (
            bare.group("word").lower() == "just"
            or word in _ALWAYS_TOO
            or not _TOO_TO.match(text, end)
        )
    ):
        if bare.group("word").lower() == "just" and _just_because(text, start - len(head), clause):
            return "after"
        return "just or too"
    if _HABIT.search(head) and not _SEEKER_HABIT.search(said):
        return "after" if _HABIT_LIGHT.search(clause) else "habit"
    if _BARE_ECHO.fullmatch(head) and _ASKED_NEXT.match(text, end):
        return "echo"
    sentence = window[: m.end()] if (m := SENTENCE_MARK.search(window)) else window
    return "though" if _THOUGH_ASKED.search(sentence) is not None else None


def _just_because(text: str, head_start: int, clause: str) -> bool:
    """Whether "just" a feeling, its clause starting at ``head_start`` of ``text`` and going
    on in ``clause`` after the word, puts it down to a cause (:data:`_BECAUSE`: "you're just
    bitter because you're single", "you're just anxious because you drink too much coffee"),
    and neither the cause nor what follows makes it kind: a denial earlier in its sentence
    ("You're not lazy, you're just exhausted because you've been working nonstop":
    :data:`_DENIAL`), a cause that is no fault of theirs ("because you miss him":
    :data:`~carelens.analysis.reply_kind_blame.KIND_CAUSE`), or a next sentence that says
    the feeling is all right ("That's normal and okay.", "of course you are":
    :data:`~carelens.analysis.reply_kind_blame.VALIDATED_NEXT`)."""
    cause = _BECAUSE.search(clause)
    if cause is None or KIND_CAUSE.match(clause, cause.end()):
        return False
    before = SENTENCE_MARK.split(text[max(0, head_start - 120) : head_start])[-1]
    if _DENIAL.search(before) is not None:
        return False
    at = text.find(clause, head_start)
    mark = SENTENCE_MARK.search(text, at + len(clause)) if at >= 0 else None
    return mark is None or VALIDATED_NEXT.match(text, mark.end()) is None
