"""Whose story a reply's understanding tells: the helper's own, or the seeker's.

EPITOME counts "Same thing happened to me" as an interpretation; for feedback it is the
helper's own story, and :mod:`carelens.analysis.feedback` says so rather than praise it as
putting the seeker's experience into words. :func:`about_the_helper` reads the words the
feedback would quote: first-person words and a word of a story of the helper's ("I went
through that too", "my mom passed two years ago") or a verb in the past after the helper or
someone of theirs (:func:`_tells_the_past`: "I came out to my family at 20", "My best friend
moved abroad", "my nan didn't recognise us"), with no word addressing the seeker nor a
"sorry", or "same" among chat words only ("lol same"); a story word after "he", "she",
"they" or "what's" is none of theirs ("what's been the hardest part?"), nor is a death not
their own ("I'm glad she passed peacefully"), nor a reaction to the message ("My heart broke
reading this"). :func:`story_sentences` finds the sentences of a reply that tell such a
story, so the feedback can quote it apart from the words that speak to the seeker ("I lost
my mum in 2020. I'm so sorry."). :func:`one_upping` finds words beside such a story that
set it against theirs or shrink theirs ("That's nothing, my nan didn't recognise any of
us", "it's honestly nothing once you get used to it", "you should be celebrating", "the easy
bit compared to what I went through", "I'd have given anything to be at eighteen months",
"way harder to get into than nursing"), or a claim to know how it is followed by a story of
the helper's that never turns back to them ("I know exactly how you feel, when my hours got
cut I ended up selling my car ..."), which the feedback reads as minimising, not as
understanding. :func:`own_exhaustion` finds the
helper's own exhaustion (the helper's distress cue, "I'm exhausted") inside those words.
:func:`story_sentence` gives the feedback's sentence on a reply whose understanding is such
a story: the story quoted, and what else the reply does for the seeker (a reflection that
speaks to them, reassurance, a question, advice) credited or said, so that nothing it holds
is asked for again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from carelens.analysis.feedback_sentences import Asked, own_story_sentence
from carelens.analysis.personal_distress import CUE_LABEL as EXHAUSTION_CUE
from carelens.analysis.quoting import quote
from carelens.analysis.reply_reflections import plain_reflection
from carelens.analysis.rules_readings import kind_clauses
from carelens.analysis.words import SENTENCE, WORD, plain
from carelens.types import DimensionScore, ResponseAnalysis

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


#: Verbs in the past that tell a story after the helper ("I came out", "we split up", "I
#: quit"), besides those ending in "-ed" (:func:`_past`).
_PAST = frozenset([
    "came", "went", "got", "lost", "quit", "left", "found", "had", "was", "were", "did",
    "made", "took", "gave", "told", "grew", "spent", "kept", "fell", "broke", "ran", "began",
    "sat", "met", "held", "paid", "sold", "won", "wrote", "drove", "split", "cut", "hit",
    "became", "didn't", "wasn't", "weren't", "couldn't", "hadn't", "never", "once",
])  # fmt: skip
#: Words in "-ed" that tell no story of the helper's: what they think, want or take from the
#: message ("I wanted to say", "I noticed you posted", "I'm so relieved"), and others.
_NOT_PAST = frozenset([
    "need", "needed", "feed", "indeed", "wanted", "hoped", "wondered", "noticed", "figured",
    "guessed", "imagined", "assumed", "supposed", "loved", "liked", "enjoyed", "appreciated",
    "shared", "tired", "bored", "scared", "worried", "relieved", "touched", "pleased",
    "excited", "interested", "concerned", "impressed", "amazed",
])  # fmt: skip
#: Words that may stand between the helper (or someone of theirs) and such a verb ("I also
#: went", "I honestly had", "we finally split").
_BETWEEN = frozenset([
    "also", "just", "finally", "honestly", "literally", "actually", "eventually", "then",
    "too", "first", "still", "even", "really", "totally", "once",
])  # fmt: skip
#: Words of a reaction to the message, not a story ("My heart broke reading this", "I was so
#: sad to hear it"; not "Reading novels helps").
_REACTING = re.compile(
    r"\b(?:reading|hearing)\s+(?:this|that|your|about|it)\b|\bto\s+(?:read|hear)\b",
    re.IGNORECASE,
)


def _past(word: str) -> bool:
    """Whether ``word`` (plain) is a verb in the past that may tell a story: one of
    :data:`_PAST`, or one ending in "-ed" not in :data:`_NOT_PAST` ("deleted", "moved"...)."""
    return word in _PAST or (word.endswith("ed") and len(word) > 4 and word not in _NOT_PAST)


def _tells_the_past(words: Sequence[str]) -> bool:
    """Whether ``words`` (plain, in order) hold a verb in the past (:func:`_past`) right after
    the helper ("I", "we", "mine": "I came out to my family", "Mine was finalised") or after
    "my" or "our" and a word or two ("My best friend moved abroad", "my nan didn't recognise
    us"), :data:`_BETWEEN` words aside."""
    for j, word in enumerate(words):
        if word in ("i", "we", "mine"):
            starts: tuple[int, ...] = (j + 1,)
        elif word in ("my", "our"):
            starts = (j + 2, j + 3)
        else:
            continue
        for k in starts:
            while k < len(words) and words[k] in _BETWEEN:
                k += 1
            if k < len(words) and _past(words[k]):
                return True
    return False


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
    if (
        not words & (_HELPER_WORDS | {"we", "our", "mine"})
        or words & _SEEKER_ADDRESS
        or "sorry" in words
        or _REACTING.search(quote)
    ):
        return False
    return _tells_the_past(ordered) or (
        bool(words & _HELPER_WORDS)
        and any(
            word in _OWN_STORY
            and not (k and ordered[k - 1] in _NOT_THE_HELPERS)
            and (word not in _DEATH or _the_helpers_loss(ordered, k))
            for k, word in enumerate(ordered)
        )
    )


def opens_with_story(words: str) -> bool:
    """Whether the first sentence of ``words`` tells the helper's own story
    (:func:`about_the_helper`), whatever follows it ("I lost my mum in 2020. I'm so sorry.")."""
    first = SENTENCE.search(words)
    return first is not None and about_the_helper(first.group(0))


def story_sentences(response: str) -> list[tuple[int, int]]:
    """Start and end of each sentence of ``response`` that tells the helper's own story
    (:func:`about_the_helper`: "I lost my mum in 2020." beside "I'm so sorry."), in order."""
    found = []
    for sentence in SENTENCE.finditer(response):
        words = sentence.group(0)
        if about_the_helper(words):
            start = sentence.start() + len(words) - len(words.lstrip())
            found.append((start, sentence.start() + len(words.rstrip())))
    return found


#: Words beside the helper's own story that set it against the seeker's or shrink theirs: "That's
#: nothing" (not "that's nothing to be ashamed of", "... to worry about"), "back pain is nothing",
#: "you think that's bad", "mine was way worse", "fought way worse than that", "I had it worse",
#: "you're lucky", "at least you still have him", "you should be celebrating", "it's honestly
#: nothing once you get used to it" (not "it's nothing you did"); not a hedge ("for me at least").
_ONE_UP = re.compile(
    r"\b(?:that['\u2019]?s|thats|that\s+is|it['\u2019]?s|its|it\s+is)\s+(?:honestly\s+|really\s+"
    r"|literally\s+|actually\s+|just\s+)?(?:nothing|no\s+big\s+deal|not\s+a\s+big\s+deal)"
    r"(?!\s+(?:to\b|wrong|you|like|compared\s+to\s+what\s+you))\b"
    r"|\byou\s+think\s+(?:that['\u2019]?s|thats|that\s+is|this\s+is)\s+(?:bad|hard|rough)\b"
    r"|\b(?:mine|my\s+\w+|ours)\s+(?:was|were|is)\s+(?:way\s+|much\s+|even\s+|a\s+lot\s+"
    r"|so\s+much\s+)?"
    r"worse\b|\b(?:way|much|far|even|a\s+lot|so\s+much)\s+worse\s+than\s+(?:that|this|yours|you"
    r"|what\s+you)\b"
    # "Back pain is nothing, I've had three spinal surgeries"
    r"|\b(?!there\b|here\b|what\b|which\b|who\b|that\b|this\b|it\b)[a-z]+\s+(?:is|are)\s+"
    r"nothing\b(?!\s+(?:to\b|wrong|you|like|compared|but|i\b|we\b|any|that|more|less|else|new"
    r"|short|if|without|on\b))|\b(?:i|we)\s+had\s+it\s+(?:way\s+|much\s+|even\s+|a\s+lot\s+"
    r"|so\s+much\s+)?worse\b"
    r"|\byou(?:['\u2019]re|\s+are)\s+(?:so\s+|really\s+|actually\s+)?lucky\b"
    r"|\bat\s+least\s+(?:you|your|yours)\b"
    r"|\byou\s+should\s+be\s+(?:celebrating|happy|glad|grateful|thankful|relieved|excited)\b",
    re.IGNORECASE,
)
#: More such words, read after :data:`_ONE_UP` (whose words are quoted first where both
#: are there): "the easy bit compared to what I went through", "lucky you", "you've got it
#: easy", "I'd have given anything to be at eighteen months", "way harder to get into than
#: nursing", "try doing it for 30 years", "it gets a lot worse", "compared to that", "don't
#: come close", "would have been a dream", "easy mode", "times three".
_ONE_UP_MORE = re.compile(
    # "the easy bit compared to what I went through", "nothing compared with mine"
    r"\bcompared\s+(?:to|with)\s+(?:what\s+(?:i|we)\b|mine\b|ours\b|my\s)"
    # "you've got it easy", "count yourself lucky", "lucky you", "you got off lightly"
    r"|\byou(?:['\u2019]ve|\s+have)?\s+(?:got\s+)?it\s+(?:so\s+|pretty\s+|really\s+)?easy\b"
    r"|\b(?:count|consider)\s+yourself\s+lucky\b|\blucky\s+you\b"
    r"|\byou\s+got\s+off\s+(?:lightly|light|easy)\b"
    # "I'd have given anything to be at eighteen months", "I'd kill for your problems"
    r"|\b(?:i['\u2019]d|i\s+would)\s+(?:have\s+)?(?:given|give|kill(?:ed)?)\s+(?:anything|"
    r"everything)?\s*(?:to\s+(?:be\s+(?:at|where|in)\b|(?:only\s+)?have\s+(?:your|that|just"
    r"|only)\b)"
    r"|for\s+(?:your|that|just|only)\b)"
    r"|\bi\s+wish\s+(?:my\s+only\s+problem|i\s+(?:only\s+)?had\s+your\s+problems?)\b"
    # "which is way harder to get into than nursing" (not "harder than people think")
    r"|\b(?:way|much|far|a\s+lot|so\s+much)\s+(?:harder|tougher|worse)\b(?:\s+[\w'\u2019]+){0,4}?"
    r"\s+than\s+(?!(?:people|most|anyone|others|it|you['\u2019]?d|you\s+(?:think|realis"
    r"|realiz|expect|might)|expected|i\s+(?:thought|expected))\b)"
    # "try doing it for 30 years", "try thirty years of it", "trust me, it gets way worse"
    r"|\btry\s+doing\s+it\s+(?:for|with|on)\b|\btry\s+(?:\d+|two|three|four|five|six|seven"
    r"|eight|nine|ten|twenty|thirty|forty|fifty)\s+(?:years|months|decades)\b"
    r"|\b(?:it|things)\s+(?:gets?|can\s+get)\s+(?:a\s+lot\s+|much\s+|way\s+|far\s+"
    r"|so\s+much\s+)worse\b"
    # "Compared to that, bad-mouthing is par for the course", "Nerves don't really come close
    # to that", "Two hours would have been a dream!", "Berlin's practically easy mode",
    # "alcohol's the easier one to kick", "I know exactly what it's like, times three", "at
    # least the roof's still up", "seven months feels like the very beginning", "Try caring
    # for both parents at once while working full time"
    r"|\bcompared\s+(?:to|with)\s+(?:that|this)\b|\b(?:don['\u2019]?t|doesn['\u2019]?t|do\s+not"
    r"|does\s+not)\s+(?:really\s+|even\s+)?come\s+close\b"
    r"|\b(?:would|['\u2019]d)(?:\s+have|['\u2019]ve)\s+(?:been|felt\s+like)\s+(?:a\s+)?(?:dream"
    r"|luxury"
    r"|holiday|heaven|bliss|walk\s+in\s+the\s+park)\b|\beasy\s+mode\b|\bthe\s+easier\s+one\b"
    r"|\btimes\s+(?:two|three|four|five|ten|a\s+hundred)(?=\s*[.!,;]|$)"
    r"|\bat\s+least\s+the\s+\w+(?:['\u2019]s|\s+is|\s+are|\s+was)\s+(?:still\s+)?\w+"
    r"|\bfeels?\s+like\s+(?:the\s+very\s+beginning|nothing|a\s+walk\s+in\s+the\s+park)\b"
    r"|(?:^|(?<=[.!?]\s))\s*try\s+(?:caring|looking\s+after|working|raising|juggling|doing\s+(?:it"
    r"|that|this))\b[^.!?\n]*\b(?:while|with|on\s+top)\b",
    re.IGNORECASE,
)
#: Words that claim the helper knows how it is for them ("I know exactly how you feel", "I
#: know the feeling", "been there"): before a story of theirs that never comes back to the
#: seeker, the story takes their place (:func:`one_upping`).
_KNOW_HOW = re.compile(
    r"\bi\s+(?:know|get|understand)\s+(?:(?:exactly|just|totally|completely|really)\s+)?"
    r"(?:how\s+(?:you\s+feel|it\s+feels|that\s+feels)|what\s+you['\u2019]?re\s+going\s+through"
    r"|the\s+feeling)\b|\bi['\u2019]?ve\s+been\s+there\b|\bbeen\s+there(?:\s+(?:too|myself|mate"
    r"|man))?"
    r"\s*[.!,]",
    re.IGNORECASE,
)
#: Words that turn back to the seeker after the helper's story: a word addressing them, a
#: question, a "sorry".
_BACK_TO_THEM = re.compile(
    r"\b(?:you|your|you['\u2019]\w+|yours|yourself|u|ur|sorry)\b|\?", re.IGNORECASE
)
#: The fewest words after a claim to know how it is that make the helper's story take over.
_AFTER_CLAIM = 15


#: The most words of their clause before words of :data:`_ONE_UP` that a quote of them
#: starts with (a longer run is left out, so the quote shows them).
_WORDS_BEFORE = 5
#: What ends a clause before words of :data:`_ONE_UP`.
_CLAUSE_MARK = re.compile(r"[.!?\n,;:]")


def one_upping(response: str) -> tuple[int, int] | None:
    """Start and end of the words of ``response`` that set the helper's own story against
    the seeker's or shrink theirs (:data:`_ONE_UP`), from the start of their clause to the
    end of their sentence, where the reply tells such a story (:func:`story_sentences`, or
    the rest of a sentence after a claim to know how it is, :data:`_KNOW_HOW`): "That's
    nothing, my nan didn't recognise any of us for five years.", "it's honestly nothing once
    you get used to it."; else a story that takes the seeker's place (:func:`_taken_over`);
    None without either."""
    claim = _KNOW_HOW.search(response)
    found = _ONE_UP.search(response) or _ONE_UP_MORE.search(response)
    if found is None:
        return _taken_over(response, claim)
    if not story_sentences(response) and not (claim and about_the_helper(_rest(response, claim))):
        return None
    start = max((m.end() for m in _CLAUSE_MARK.finditer(response, 0, found.start())), default=0)
    if len(WORD.findall(response, start, found.start())) > _WORDS_BEFORE:
        start = found.start()  # "My dad walked out when I was six and mine was way worse"
    return _to_sentence_end(response, start, found.end())


def _rest(response: str, claim: re.Match[str]) -> str:
    """The words of ``claim``'s sentence after it ("I know exactly how you feel, we tried for
    six years" gives "we tried for six years")."""
    end = re.search(r"[.!?\n]", response[claim.end() :])
    return response[claim.end() : claim.end() + end.start() if end else len(response)]


def _to_sentence_end(response: str, start: int, after: int) -> tuple[int, int]:
    """``start`` past spaces, and the end of the sentence that holds ``after``."""
    ends = [m.start() for m in re.finditer(r"[.!?\n]", response[after:])]
    end = after + ends[0] if ends else len(response)
    while start < end and response[start].isspace():
        start += 1
    return start, end


def _taken_over(response: str, claim: re.Match[str] | None) -> tuple[int, int] | None:
    """The words where the helper's own story takes the seeker's place: a claim to know how
    it is (:data:`_KNOW_HOW`), a story of theirs after it in its sentence
    (:func:`about_the_helper`), :data:`_AFTER_CLAIM` words or more to the reply's end and none
    that turns back to them (:data:`_BACK_TO_THEM`: "you", a question, a "sorry"): "I know
    exactly how you feel, when my hours got cut I ended up selling my car ...", quoted from
    the claim's clause to its sentence's end. None otherwise ("I know how you feel, I lost
    my mum too. I'm so sorry.", a story with no claim before it: "lol same")."""
    if (
        claim is None
        or not about_the_helper(_rest(response, claim))
        or _BACK_TO_THEM.search(response, claim.end())
        or len(WORD.findall(response, claim.end())) < _AFTER_CLAIM
    ):
        return None
    start = max((m.end() for m in _CLAUSE_MARK.finditer(response, 0, claim.start())), default=0)
    return _to_sentence_end(response, start, claim.end())


def upping_only(analysis: ResponseAnalysis, upped: tuple[int, int]) -> bool:
    """Whether every dismissive word of ``analysis`` (its rationale spans) lies within the
    words ``upped`` that set the helper's story against the seeker's (:func:`one_upping`):
    the dismissal is the one-upping alone, and the feedback names it so."""
    score = analysis.dimensions.get("dismissive")
    if score is None or not score.spans:
        return score is None or score.level == 0
    return all(upped[0] <= span.start and span.end <= upped[1] for span in score.spans)


def own_exhaustion(analysis: ResponseAnalysis, response: str, quoted: str | None) -> str | None:
    """The helper's own exhaustion (an exhaustion cue of ``analysis.helper``, "I'm exhausted")
    inside the reply's ``quoted`` understanding, as written; None without one."""
    if quoted is None or analysis.helper is None:
        return None
    for span in analysis.helper.spans:
        if span.label == EXHAUSTION_CUE and (words := response[span.start : span.end]) in quoted:
            return words
    return None


def story_sentence(
    analysis: ResponseAnalysis,
    response: str,
    quoted: str | None,
    shown: DimensionScore,
    reacted: Sequence[tuple[int, int]],
    asked: Asked,
) -> str:
    """The sentence on a reply whose understanding (``shown``, quoted from its start as
    ``quoted``) is the helper's own story: ``quoted``, or the span's first sentence where
    that alone tells the story ("I lost my mum in 2020." of "I lost my mum in 2020. I'm so
    sorry."), and what else the reply does for the seeker outside the story credited
    (:func:`~carelens.analysis.feedback_sentences.own_story_sentence`): a reflection
    standing alone that speaks to them
    (:func:`~carelens.analysis.reply_reflections.plain_reflection`; not a feeling word alone:
    beside a story it is often the helper's or someone else's),
    reassurance or validation (kind words but the remarks ``reacted``), the question it
    ``asked``, or advice (the ``advice`` flag)."""
    story = story_sentences(response)
    told = quoted or ""
    if shown.spans and not about_the_helper(told):
        # "I lost my mum in 2020. I'm so sorry.": the story's sentence alone
        best = max(shown.spans, key=lambda s: s.score)
        first = SENTENCE.search(response, best.start, best.end)
        if first is not None and about_the_helper(first.group(0)):
            told = quote(response, first.start(), first.end(), 10)
    found = plain_reflection(response, story, addressed=True)
    comfort = [
        (s, e)
        for s, e in kind_clauses(response, reacted)
        if (s, e) not in reacted and not any(a < e and s < b for a, b in story)
    ]
    return own_story_sentence(
        told,
        quote(response, *found, 10) if found is not None else None,
        quote(response, *comfort[0], 10) if comfort else None,
        asked,
        analysis.flags.get("advice", 0.0) >= 0.5,
    )
