"""Who says an unsafe reply's words: a report of someone else's saying before them or a speech
tag after them, or the writer's own saying.

:mod:`carelens.analysis.unsafe_frames` tells whose words the words of an unsafe reply are (its
docstring has the whole policy); the sayings it reads them by live here: a report of the
seeker's belief (:data:`REPORTED_BEFORE`), a report of someone else's words before the words
(:data:`REPORTED_SPEECH`; before marked words, with verbs of hearing and reading too:
:data:`MARKS_REPORTED`), a speech tag after them (:data:`TAGGED_AFTER`), words after them that
make them their subject or tell who said them (:func:`told_after`), and the writer's own
saying, said again, framed as to be done now or asked for (:func:`said_by_the_writer`: "like I
said, "kys"", '"Kill yourself," I said.', "Can you tell him "kys""), which reports nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left

# A report of what the seeker believes, feels or was told (not what the writer or "people"
# say), before a belief (``_URGING_BELIEFS`` of :mod:`carelens.analysis.unsafe_wording`): "it sounds
# like you believe suicide is the only way out", "you feel like the world would be better
# without you", "who told you the world would be better without you?". Imperatives stay urging
# after it ("you heard me, just die").
_REPORTER = r"(?:you|you'?re|you\s+are|you'?ve|you\s+have|who)"
_REPORTING = (
    r"(?:believ|think|thought|feel|felt|say|said|tell|told|hear|heard|convinc|wonder|worr|fear"
    r"|imagin|assum|decid|conclud|sure)\w*"
)
REPORTED_BEFORE = re.compile(
    rf"\b{_REPORTER}\s+(?:[\w']+\s+){{0,2}}?{_REPORTING}(?:\s+[\w']+){{0,3}}\s*$",
    re.IGNORECASE,
)

# What someone else said, reported by the writer: "someone told you kys", "they said kys to
# you", "the kids at school wrote just die", "my ex texted me:", "people say". The speaker is not
# the writer ("I said kys", "I have told you, just die" stay urging, and so does "here's what
# I'd tell you:" with the writer between a word and the verb), and the auxiliaries and adverbs
# that may stand before the verb are no speaker either. Nor is a saying framed as the writer's
# own, to be said or heard now (:data:`_FRAMING`): "let me tell you:", "I want to tell you:",
# "I must say:", "gotta say:", "someone should tell you:", "you need to hear:" urge what follows.
_WRITER = r"i|i'm|i've|i'd|i'll|im|we|we've|we'd|we'll"
_AUXILIARIES = (
    r"have|has|had|would|will|just|even|actually|literally|really|once|always|keep|keeps|kept"
    r"|ever|then|also|and|so|never|still|used\s+to|use\s+to"
)
#: Words right before a verb of saying or hearing that make it no report of someone else's
#: words: an infinitive ("want to tell you", "need to hear"), the writer as its object ("let me
#: tell you", "lemme"), a modal ("must", "should", "can", "gotta", "gonna") or an imperative
#: ("please tell him", "go tell them").
_FRAMING = (
    r"to|me|us|let|lets|let's|lemme|gotta|gonna|wanna|hafta|must|should|shall|can|cannot|could"
    r"|may|might|please|pls|plz|go"
)
_NOT_SPEAKERS = rf"{_WRITER}|{_AUXILIARIES}|{_FRAMING}"
#: A word that may be who said something (:data:`_NOT_SPEAKERS` are not).
_SPEAKER = rf"(?!(?:{_NOT_SPEAKERS})\b)[\w']+"
#: A modal that asks the reader (or anyone) to pass words on, and the one asked: "can you tell
#: him:", "could someone tell her", "will you text him" (not a reproach: "how could you tell
#: him", "why can you say"; "would you" is left out, as it asks what the reader would do as
#: often: "would you tell a friend that?"). The one asked is no speaker of a report
#: (:func:`_reported_with`), and the saying is the writer's (:data:`_OWN_SAYING`).
_ASKING_MODALS = ("can", "could", "will")
_ASKED_ONE = r"(?:you|u|ya|someone|somebody|anyone|anybody)\b"
_ASKED = r"(?<!\bhow\s)(?<!\bwhy\s)\b(?:" + "|".join(_ASKING_MODALS) + rf")\s+{_ASKED_ONE}"
#: At a word: not the one a modal asks (:data:`_ASKED`).
_NOT_ASKED = (
    "(?!(?:"
    + "|".join(rf"(?<=(?<!\bhow\s)(?<!\bwhy\s)\b{modal}\s)" for modal in _ASKING_MODALS)
    + rf"){_ASKED_ONE})"
)
_SAYING = (
    r"(?:told|tell|tells|telling|said|say|says|saying|wrote|write|writes|writing|texted|texts"
    r"|messaged|commented|posted|called|yelled|shouted|screamed|typed|replied|sent)"
)
#: After a verb of saying, up to the words said: maybe whom they were said to ("me", "you"),
#: then (:data:`_SAID_WHERE`) where ("on my post"), "this", "that" or "like", and a colon, a
#: comma or a quotation mark.
_SAID_TO = r"(?:\s+(?:you|u|ya|me|him|her|them|us|it))?"
_SAID_WHERE = (
    r"(?:\s+(?:on|in|under|to)\s+(?:my|your|ur|his|her|their|the|a|an)\s+[\w']+)?"
    r"(?:\s+(?:this|these)(?:\s*\.)?)?(?:\s+(?:that|like))?\s*[:,]?"
    r"\s*[\"'\u201c\u201d\u00ab]?\s*$"
)


def _reported_with(verbs: str, *, unheard: str = "") -> re.Pattern[str]:
    """What someone else said, reported with one of ``verbs`` right before it: its speaker
    (:data:`_SPEAKER`, not one a modal asks to pass words on: "can you tell him:"), the verb,
    maybe whom it was said to ("me", "you") or where ("on my post"), "this", "that" or
    "like", and a colon, a comma or a quotation mark ("My ex texted me:", "Your ex said,",
    "Someone commented on my post:", "they said kys"), or a full stop after "this" ("He
    texted me this."). With ``unheard``, the verbs may also follow "nobody" or "no one" and a
    few words of a clause ("Nobody deserves to hear", "no one should have to read"): words
    that no one should hear are someone else's."""
    speaker = rf"(?<![\w']){_NOT_ASKED}{_SPEAKER}\s+(?:(?:{_AUXILIARIES})\s+){{0,3}}"
    if unheard:
        speaker = (
            rf"(?:{speaker}|\b(?:nobody|no\s*one|no-one)\b(?:\s+[\w']+){{0,3}}?\s+"
            rf"(?:to\s+)?(?={unheard}))"
        )
    return re.compile(rf"{speaker}{verbs}{_SAID_TO}{_SAID_WHERE}", re.IGNORECASE)


REPORTED_SPEECH = _reported_with(_SAYING)
#: The writer's own saying right before a quotation, or one framed as to be done now
#: (:data:`_FRAMING`) or asked for (:data:`_ASKED`): "like I said, "kys"", "I told you before,
#: "just die"", "Let me tell you: "kys"", "Can you tell him "kys"". The quotation is the
#: writer's urging, as the words would be without the quotation marks
#: (:func:`said_by_the_writer`).
_OWN_SAYING = re.compile(
    rf"(?:(?<![\w'])(?:(?:{_WRITER})\s+(?:(?:{_AUXILIARIES})\s+){{0,3}}|(?:{_FRAMING})\s+)"
    rf"|{_ASKED}\s+){_SAYING}{_SAID_TO}(?:\s+(?:before|already|earlier|again|above))?"
    rf"{_SAID_WHERE}",
    re.IGNORECASE,
)
#: A negation in the sentence of the writer's saying: "I would never say "kys"", "You don't
#: have to tell him "kys"", "Nobody wants to say "just die"": no urging.
_NEGATION = re.compile(r"\b(?:not|never|no|nobody|no\s*one|no-one)\b|n'?t\b", re.IGNORECASE)
_SENTENCE_ENDS = re.compile(r"[.!?\n][^.!?\n]*$")
# A report before marked words (:func:`_reported_with`), with verbs of hearing and reading too:
# "Some troll wrote: *kill yourself*", "someone told me *kys*", "nobody deserves to hear *just
# die*"; not "you need to hear *kys*".
_HEARD = rf"(?:{_SAYING}|hear|hears|heard|hearing|read|reads|reading)"
MARKS_REPORTED = _reported_with(_HEARD, unheard=_HEARD)
#: What a report before marked words (:data:`MARKS_REPORTED`) holds, found once in the whole
#: text: where none ends near the words, there is no report. How far before the words it is
#: looked for.
_HEARD_WORD = re.compile(rf"\b{_HEARD}\b", re.IGNORECASE)
_REPORT_REACH = 120
#: After quoted or marked words, a finite verb that makes them its subject ("~kys~ is what they
#: wrote", "*kill yourself* is a cruel thing to read", '"kys" hurts', '"kys" would get them
#: banned', '"kys" doesn't define you'), maybe after an adverb ('"kys" never helps'): a form of
#: "be" (maybe after a comma or a bracket: "(*kys*, *just die*) were vile"), a denial or a
#: rule broken (:data:`_AUXILIARY_SUBJECT_OF`: "doesn't", "would get them banned", "won't
#: fix"), or a verb of harm (:data:`_SUBJECT_VERBS`). Not before the writer's own claim
#: ("**kill yourself** is my advice", '"kys" would be best', :data:`_CLAIMED`), not a bare
#: form that may be the writer's imperative ('I told you "kys" do it', '"kys" hurt
#: yourself'), and not an auxiliary before a pronoun, which may ask ('I said "kys" did you
#: hear me?', :data:`_ASKING`).
_SUBJECT_ADVERB = (
    r"(?:(?:never|really|only|always|still|also|actually|literally|usually|often|sometimes"
    r"|even|just|probably)[ \t]++)?"
)
_AUXILIARY_SUBJECT_OF = (
    r"doesn't|didn't|does[ \t]+not|did[ \t]+not"
    r"|(?:would|will|could|can|might|may)[ \t]+(?:get|got)[ \t]+(?:them|him|her|you|u|people"
    r"|someone|anyone|us|me)[ \t]+(?:banned|reported|removed|suspended|blocked|kicked)"
    r"|(?:won't|wouldn't|will[ \t]+not|would[ \t]+not|can't|cannot)[ \t]+(?:solve|fix|help"
    r"|change|undo|make[ \t]+(?:it|things|anything)[ \t]+better)"
)
#: The "-s" and past forms of verbs that tell what the words did to someone ('"kys" hurts',
#: '"kys" got them banned', '"kys" never helps'): only verbs of harm or of a rule broken, so
#: the writer's own praise of the words is no mention ('"kys" works', '"kys" sounds like a
#: plan', '"kys" would make everyone happier' urge); "hurt", "cut" and "upset" are bare forms
#: too, so not before "yourself".
_SUBJECT_VERBS = (
    r"hurts|hurt|cuts|cut|upsets|upset|stings|stung|crosses|crossed|violates|violated"
    r"|triggers|triggered|haunts|haunted|bothers|bothered|scares|scared|shocks|shocked"
    r"|(?:gets|got)[ \t]+(?:them|him|her|you|u|people|someone|us|me)[ \t]+(?:banned|reported"
    r"|removed|suspended|blocked|kicked)"
    r"|never[ \t]+(?:helps|helped|solves|solved|fixes|fixed)"
)
#: After a verb of :data:`_SUBJECT_OF`, the writer's own claim about the words, or an
#: imperative after them: "is my advice", "would be best", "would solve everything", "hurt
#: yourself".
_CLAIMED = (
    r"[ \t]+(?:my|our|yourself|urself|your[ \t]*self|ur[ \t]*self"
    r"|be[ \t]+(?:my|our|the[ \t]+(?:best|answer|solution|way)|best|better|easier"
    r"|a[ \t]+(?:favou?r|mercy|relief|gift|blessing))|solve|fix|end|help|save|free)\b"
)
#: After an auxiliary of :data:`_SUBJECT_OF`, a pronoun that makes it ask ("did you hear me?",
#: "will you").
_ASKING = r"[ \t]+(?:i|you|u|ya|we|they|he|she)\b"
_SUBJECT_OF = re.compile(
    r"[ \t]*+(?:[,)\]]?[ \t]*+(?:is|was|are|were|isn't|wasn't|aren't|weren't|means|meant)\b"
    r"(?![ \t]+(?:my|our)\b)"
    rf"|[)\]]?[ \t]*+{_SUBJECT_ADVERB}(?:(?:{_AUXILIARY_SUBJECT_OF})\b(?!{_ASKING})"
    rf"|(?:{_SUBJECT_VERBS})\b)(?!{_CLAIMED}))",
    re.IGNORECASE,
)
#: After quoted or marked words, a noun that makes them the kind of words someone else writes
#: ("*kys* comments are cruel", "`kys` messages").
_KIND_OF_WORDS = re.compile(
    r"[ \t]*+(?:comments?|messages?|repl(?:y|ies)|posts?|texts?|dms?|tweets?|e-?mails?|words"
    r"|phrases?|spam)\b",
    re.IGNORECASE,
)
# A speech tag after quoted or marked words, then the end of its clause: who said them before a
# verb of saying ("he said.", "my ex texted me.", "Tom wrote,") or after one of the verbs that
# open an inverted tag ("said he.", "said my brother.", "wrote Tom"): "he", "she" or "they", a
# possessive, "the" or "some" and a word or two, or a capitalized name. Not the writer ("I
# said.", "said I"), not a verb before a word that is no speaker ("said it before", "said
# that."), and not the writer's own "enough said", "nuff said" or "well said".
_SAID_BY = (
    r"(?:said|says|wrote|writes|texted|texts|messaged|commented|posted|yelled|shouted|screamed"
    r"|typed|replied)"
)
_INVERTED_SPEAKER = (
    r"(?:he|she|they|(?:my|his|her|their|your|ur|the|some)\s+[\w']+(?:\s+[\w']+)?"
    rf"|(?=(?-i:[A-Z])){_SPEAKER}(?:\s+(?-i:[A-Z])[\w']*)?)"
)
_SPEECH_TAG = (
    r"(?:(?!(?:enough|nuff|'nuff|well|all|nothing)\s+said\b)"
    rf"{_SPEAKER}(?:\s+{_SPEAKER})?\s+(?:(?:{_AUXILIARIES})\s+){{0,3}}{_SAYING}"
    r"(?:\s+(?:to\s+)?(?:you|u|me|him|her|them|us))?"
    rf"|{_SAID_BY}\s+{_INVERTED_SPEAKER})[ \t]*+(?:[.!?,\n]|$)"
)
# After quoted or marked words (maybe after a dash), words that tell someone else said them: a
# sentence that says so ("That's what he told me", "Is that what they wrote?", "that's what my
# bully used to say", "what a horrible thing to write"), that calls them words or a comment
# ("Those words hurt", "That comment was cruel") or words nobody should hear ("No one deserves
# to hear that"), or a speech tag (:data:`_SPEECH_TAG`); not where the writer said them
# ("That's what I'd tell you", "I said.", "that's what someone should tell you") and not the
# writer's own claim ("that's my answer", "nobody would hear you anyway").
_AFTER_THE_WORDS = r"\s*+[.!?,\u2026\-\u2013\u2014]*+\s*+"
_SAID_AFTER = re.compile(
    rf"{_AFTER_THE_WORDS}(?:"
    r"(?:(?:that|this|which|it)(?:'s|\s+is|\s+was)|those\s+were|(?:is|was)\s+(?:that|this))"
    rf"\s+(?:exactly\s+|just\s+)?(?:what|how)\s+(?!(?:{_WRITER})\b)[\w']+"
    rf"(?:\s+{_SPEAKER}){{0,3}}?\s+(?:(?:{_AUXILIARIES})\s+){{0,3}}{_SAYING}\b"
    r"|(?:those|these|that|this|such)\s+(?:words?|comments?|messages?|repl(?:y|ies)|texts?"
    r"|posts?)\b"
    r"|(?:what|such)\s+an?\s+(?:[\w']+\s+){0,2}thing\s+to\s+(?:say|write|tell|text|hear|read)\b"
    r"|(?:nobody|no\s*one|no-one)\s+(?:[\w']+\s+){0,3}(?:hear|read|be\s+told|get\s+told)"
    r"\s+(?:that|this|those|these|it|such)\b"
    rf"|{_SPEECH_TAG})",
    re.IGNORECASE,
)
#: A speech tag right after quoted or marked words (:data:`_SPEECH_TAG`), maybe after a comma
#: or a mark that ends a sentence: '"Kill yourself," he said.', '"Kill yourself." he said.'
TAGGED_AFTER = re.compile(rf"{_AFTER_THE_WORDS}{_SPEECH_TAG}", re.IGNORECASE)
#: The writer's own speech tag right after quoted words, then the end of its clause: '"Kill
#: yourself," I said.', '"kys," I told him', '"Kill yourself," said I.' (the writer says the
#: words again: :func:`said_by_the_writer`).
_OWN_TAG_AFTER = re.compile(
    rf"{_AFTER_THE_WORDS}(?:\b(?:{_WRITER})\s+(?:(?:{_AUXILIARIES})\s+){{0,3}}{_SAYING}"
    rf"(?:\s+(?:to\s+)?(?:you|u|me|him|her|them|us))?|{_SAID_BY}\s+i)[ \t]*+(?:[.!?,\n]|$)",
    re.IGNORECASE,
)


def heard_in(text: str) -> list[int]:
    """Where each report verb of ``text`` (:data:`_HEARD_WORD`) ends, in order."""
    return [found.end() for found in _HEARD_WORD.finditer(text)]


def said_before(saying: re.Pattern[str], text: str, start: int, heard: list[int]) -> bool:
    """Whether ``saying`` (a report of someone else's words: :data:`REPORTED_SPEECH`,
    :data:`MARKS_REPORTED`; or the writer's own saying: :data:`_OWN_SAYING`), which ends in a
    verb of :data:`_HEARD_WORD` and the words after it, ends right before ``start``. ``heard``
    is where the text's report verbs end (:func:`heard_in`): where none ends near before
    ``start``, ``saying`` is not looked for."""
    reach = max(0, start - _REPORT_REACH)
    verb = bisect_left(heard, reach)  # the first report verb ending in reach
    return (
        verb < len(heard) and heard[verb] <= start and saying.search(text, reach, start) is not None
    )


def said_by_the_writer(text: str, start: int, end: int, heard: list[int]) -> bool:
    """Whether the quotation at ``start``-``end`` (its quotation marks included) is the
    writer's own saying, as the words would be without the quotation marks: right after the
    writer's saying, or one framed as to be done now or asked for (:data:`_OWN_SAYING`: "like
    I said, "kys"", "Can you tell him "kys"") that is no report of someone else's
    (:data:`REPORTED_SPEECH`: "My bully used to say "kys""), or right before the writer's
    speech tag (:data:`_OWN_TAG_AFTER`: '"Kill yourself," I said.'). Not where a negation
    stands in the saying's sentence or tag ("I would never say "kys"") nor where the words
    after the quotation make it their subject or tell that someone else said it
    (:func:`told_after`: 'I told them "kys" is a slur'). ``heard`` is where the text's
    report verbs end (:func:`heard_in`)."""
    if said_before(_OWN_SAYING, text, start, heard):
        if said_before(REPORTED_SPEECH, text, start, heard):
            return False
        reach = max(0, start - _REPORT_REACH)
        sentence = _SENTENCE_ENDS.search(text, reach, start)
        saying = text[reach if sentence is None else sentence.start() : start]
    else:
        tag = _OWN_TAG_AFTER.match(text, end)
        if tag is None:
            return False
        saying = tag[0]
    return _NEGATION.search(saying) is None and not told_after(text, end)


def told_after(text: str, end: int) -> bool:
    """Whether the words after ``end`` make what ends there their subject
    (:data:`_SUBJECT_OF`), the kind of words someone writes (:data:`_KIND_OF_WORDS`), or tell
    who said it (:data:`_SAID_AFTER`)."""
    return (
        _SUBJECT_OF.match(text, end) is not None
        or _KIND_OF_WORDS.match(text, end) is not None
        or _SAID_AFTER.match(text, end) is not None
    )
