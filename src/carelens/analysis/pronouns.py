"""Turning the seeker's own words to the second person, for a suggested opening.

Word swaps only, nothing added: "I feel like a burden" -> "you feel like a burden", "ive", "im"
-> "you've", "you're", "I was" -> "you were", "ima fail" -> "you're gonna fail"; a word said
twice with a hyphen is turned once ("I-I don't know" -> "you don't know"), and an age or sex in
brackets after "I" is left out ("I (28F) have" -> "you have"); "we", "our" are turned as well
(an opening uses a clause of those only in a message without "I",
:mod:`carelens.analysis.openings`). A curly
apostrophe stays curly, a name keeps its capital ("Sarah left me" -> "Sarah left you") and a
time stays ("4 am"). Nothing inside a web address or handle is turned ("@our_team"), nor quoted
speech ('My mom says "I give up on you"', :mod:`carelens.analysis.quoted_speech`), nor the "my"
of "Oh my god", nor the "I" of an abbreviation ("I.B.M.") or a road ("I-95"), nor the numeral of
"World War I" or "type I diabetes", "stage I cancer", "level I certification", nor a name
joined by an underscore ("my_score"); an all-capitals "US" or "ME" is turned only in a
clause written in capitals ("I HATE MY LIFE"), or for a lone emphasised "ME" ("nobody cares
about ME"). A word whose turning is in doubt ("I have ME", "Henry I was a king", "Part I and",
"id", a quotation cut open, the seeker's own "you" addressed to someone
(:mod:`carelens.analysis.addressees`: "Dad, I miss you"), a word in a part in another language
such as "me" of "Eu me sinto tão sozinha" (:mod:`carelens.analysis.foreign_words`), a lone "i"
among letters spelled out as in "s u i c i d e") is reported, so that the clause is not offered
for an opening.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from carelens.analysis.addressees import addressed, you_in_brackets
from carelens.analysis.feeling_words import FEELING_WORDS
from carelens.analysis.foreign_words import foreign_parts
from carelens.analysis.quoted_speech import quoted_speech, web_addresses, within
from carelens.analysis.words import COMMON_WORDS, DROPPED_I_VERBS, WORD, plain

#: First-person words; an "I" of an abbreviation ("I.B.M.") is none.
FIRST_PERSON = re.compile(
    r"\b(?:i|i['\u2019]m|im|i['\u2019]ve|ive|i feel|i felt|i am|my)\b(?!\.[^\W\d_]|-\d)",
    re.IGNORECASE,
)
_SWAPS = {
    "i": "you",
    "i'm": "you're",
    "im": "you're",
    "i've": "you've",
    "ive": "you've",
    "i'd": "you'd",
    "i'll": "you'll",
    "me": "you",
    "my": "your",
    "mine": "yours",
    "myself": "yourself",
    "am": "are",
    # "I'm gonna" as texted ("i think ima fail this class"); before "a", "an" or "the" it may
    # be "I'm a" ("ima mess"), in doubt
    "imma": "you're gonna",
    "ima": "you're gonna",
    "i'ma": "you're gonna",
    # the seeker and others with them ("We moved across the country for my partner's job")
    "we": "you",
    "we're": "you're",
    "we've": "you've",
    "we'd": "you'd",
    "we'll": "you'll",
    "us": "you",
    "our": "your",
    "ours": "yours",
    "ourselves": "yourselves",
}
#: Letters spelled out one by one, three or more ("s u i c i d e"): a lone "i" among them is
#: no pronoun.
SPELLED_OUT = re.compile(r"(?<![\w'\u2019])[^\W\d_](?:[ \t]+[^\W\d_]){2,}(?![\w'\u2019])")
#: "am" right after a number is the time of day ("4 am", "10:30am", "at five am"), not a verb.
_TIME_BEFORE_AM = re.compile(
    r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\s*$",
    re.IGNORECASE,
)
#: "I" before a full stop and a letter is part of an abbreviation ("I.B.M."), no pronoun, and
#: "I" before a hyphen and a number names a road ("I-95", "I-5").
_ABBREVIATION_AFTER = re.compile(r"\.[^\W\d_]|-\d")
#: An all-capitals word after one of these is a noun, not a pronoun ("the US", "THE US").
_ARTICLES = frozenset(["the", "a", "an"])
#: Lower-case words that may follow the pronoun "I" ("Sarah I miss you", "At Christmas I
#: feel alone"); after a capitalised word inside a sentence, an "I" followed by anything else
#: may be a numeral ("World War I and", "after Henry I", "Part I").
_AFTER_I = DROPPED_I_VERBS | frozenset([
    "am", "was", "wasn't", "were", "do", "did", "does", "can", "could", "would", "will",
    "should", "shall", "may", "might", "must", "won't", "wouldn't", "couldn't", "shouldn't",
    "haven't", "hadn't", "just", "really", "never", "always", "still", "also", "only", "even",
    "often", "usually", "sometimes", "finally", "recently", "already", "feel", "think",
    "wish", "hope", "say", "said", "see", "get", "go", "try", "mean", "like", "hear", "lost",
    "cry", "cried", "cannot", "kinda", "literally", "actually", "honestly",
    "basically", "totally", "probably", "definitely", "barely", "hardly", "almost", "used",
])  # fmt: skip
#: An "I" after one of these is the pronoun ("Then I", "And I", "My I..."), never a numeral.
_NO_NUMERAL_AFTER = COMMON_WORDS | frozenset(_SWAPS)
#: An "I" right after "World War" is the numeral, whatever follows ("World War I was
#: brutal", "world war i"): no pronoun, and nothing in doubt.
_WORLD_WAR_BEFORE = re.compile(r"\bworld\s+war\s+$", re.IGNORECASE)
#: Names that monarchs bear with the numeral "I" ("Henry I", "Elizabeth I"). Written with a
#: capital right before a capital "I", they make it a numeral in doubt wherever they stand,
#: also first in a sentence ("Henry I was a king"), where any word has a capital: so only
#: these names do, never "Then I was", "Mom I was", "Sorry I was" or "Sarah I was wrong".
_REGNAL_NAMES = frozenset([
    "henry", "elizabeth", "charles", "james", "richard", "william", "edward", "george",
    "mary", "louis", "peter", "catherine", "alexander", "nicholas", "frederick", "philip",
    "napoleon", "ferdinand", "isabella", "leopold", "wilhelm", "francis",
])  # fmt: skip
#: Nouns numbered with Roman numerals ("Part I", "Type I diabetes", "Stage I cancer"):
#: capitalised right before a capital "I", they make it a numeral in doubt, first in a
#: sentence too ("Type I diabetes runs in my family").
_NUMBERED = frozenset([
    "part", "chapter", "act", "volume", "book", "phase", "stage", "type", "season", "episode",
    "grade", "title", "class", "level", "tier", "category", "schedule", "article", "section",
    "bipolar",
])  # fmt: skip
#: Words that follow a Roman numeral "I" after a numbered noun written in lower case ("type I
#: diabetes", "stage I cancer", "grade I tear", "phase I trial", "bipolar I disorder", "level I
#: certification"): the
#: "I" is then surely the numeral, kept, and nothing is in doubt (:func:`_after_numbered`).
_AFTER_NUMERAL = frozenset([
    "diabetes", "diabetic", "diabetics", "cancer", "cancers", "tumor", "tumour", "tumors",
    "tumours", "breast", "lung", "colon", "ovarian", "prostate", "melanoma", "lymphoma",
    "carcinoma", "disorder", "hypertension", "obesity", "sprain", "tear", "strain", "burn",
    "burns", "concussion", "trial", "trials", "study", "school", "schools", "funding",
    "student", "students", "teacher", "felony", "misdemeanor", "drug", "drugs", "substance",
    "error", "errors", "diagnosis", "survivor", "survivors", "patients", "patient",
    "certification", "certificate", "exam", "exams", "test", "tests", "license", "licence",
    "course", "courses", "training", "coach", "trauma", "centre", "center", "nurse",
    "qualification", "assessment", "inspection", "offense", "offence", "offender",
])  # fmt: skip
#: After "I and", these open the others the seeker names with themselves ("On Monday I and
#: the team said we'd finish it"), after a word of :data:`_TIME_NAMES`.
_WITH_OTHERS = frozenset([
    "the", "my", "our", "his", "her", "their", "a", "an", "some", "two", "three", "both",
])  # fmt: skip
#: Capitalised words that name a day, a month or a holiday ("On Monday", "In March", "At
#: Christmas"): an "I" after one, before "and" and a word of :data:`_WITH_OTHERS`, is the
#: pronoun. After a name it may be a numeral whatever follows ("about Henryk I and his
#: court", "the Mark I and the Mark II").
_TIME_NAMES = frozenset([
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "christmas", "easter", "thanksgiving", "halloween", "xmas",
    "ramadan", "eid", "diwali", "hanukkah", "passover", "valentine's",
])  # fmt: skip
#: After one of these, a name is the one told something and the "I" after it begins what
#: they were told ("I told James I was sad"): the pronoun, even after a monarch's name.
_TOLD = frozenset([
    "told", "tell", "tells", "telling", "ask", "asks", "asked", "text", "texts", "texted",
    "promise", "promised", "remind", "reminded", "warned", "assured", "wrote", "emailed",
    "messaged", "show", "showed",
])  # fmt: skip
#: A lone all-capitals "ME" in a clause with lower-case letters is the emphasised pronoun
#: ("nobody cares about ME") right after one of these words, whose object it is and after
#: which neither the illness ("I have ME", "living with ME", "a cure for ME") nor the state
#: ("moved to ME", "in ME") is written.
_ME_AFTER = frozenset([
    "at", "against", "than", "over", "without", "except", "toward", "towards", "why", "hate",
    "hates", "hated", "love", "loves", "loved", "likes", "liked", "blame", "blames", "blamed",
    "ignore", "ignores", "ignored", "left", "hurt", "hurts", "chose", "picked",
])  # fmt: skip
#: ... or right after one of these prepositions when one of its words comes before it:
#: "cares about ME", "listens to ME", "there for ME" ("read about ME" and "moved to ME"
#: stay in doubt).
_ME_AFTER_PAIR = {
    "about": frozenset([
        "care", "cares", "cared", "caring", "think", "thinks", "thought", "thinking", "worry",
        "worries", "worried", "ask", "asks", "asked", "forget", "forgets", "forgot",
        "forgotten", "all", "what", "how",
    ]),
    "to": frozenset([
        "listen", "listens", "listened", "listening", "talk", "talks", "talked", "talking",
        "speak", "speaks", "spoke", "lie", "lies", "lied", "lying", "nice", "mean", "rude",
        "cruel", "kind", "matter", "matters", "mattered",
    ]),
    "for": frozenset(["there", "here"]),
}  # fmt: skip
#: The words that may follow an emphasised "ME" in its clause (else only a mark or the end
#: of the clause may): "nobody cares about ME anymore", "they blame ME for everything".
#: "ME symptoms", "ME is real" are the illness.
_AFTER_ME = frozenset([
    "anymore", "too", "either", "again", "ever", "at", "for", "and", "or", "because", "so",
    "when", "instead", "now", "anyway", "though",
])  # fmt: skip
#: First-person subjects: the object of a verb whose subject is "I" would be "myself", so an
#: "ME" whose nearest subject is one of these is not an emphasised "me" ("I hate ME", "I'm
#: so mad at ME").
_I_SUBJECT = frozenset(["i", "i'm", "im", "i've", "ive", "i'd", "i'll"])
#: Other subjects: an "ME" after one of these has it for subject ("I know everyone hates ME").
_OTHER_SUBJECT = frozenset([
    "he", "she", "it", "we", "you", "they", "he's", "she's", "it's", "we're", "you're",
    "they're", "he'd", "she'd", "we'd", "you'd", "they'd", "everyone", "everybody", "nobody",
    "one", "someone", "somebody", "anyone", "anybody", "people", "who",
])  # fmt: skip
#: Adverbs that may stand between "I" and "was" ("I really was devastated" -> "you really
#: were devastated") and before the verb of a clause that left out its "I" ("Really miss my
#: mom" -> "you really miss your mom").
ADVERBS = frozenset([
    "really", "just", "honestly", "actually", "also", "always", "never", "still", "literally",
    "truly", "genuinely", "seriously", "totally", "kinda", "sometimes", "often", "finally",
    "already", "even", "only", "so", "very", "pretty", "extremely", "completely", "absolutely",
    "basically", "definitely", "probably", "recently", "lately",
])  # fmt: skip
#: "my" before these is an exclamation ("Oh my god I feel so stupid"), not the seeker's.
_EXCLAIMED = frozenset(["god", "gosh", "goodness", "lord", "gawd", "heavens"])
#: Nouns that open a seeker's clause and name no one ("People at school laugh at me",
#: "Friends stopped calling"): capitalised there only as the sentence's first word. "Mom",
#: "Dad" and other words a seeker writes as names are not among them.
_COMMON_NOUNS = frozenset([
    "people", "person", "friends", "family", "parents", "kids", "children", "guys", "girls",
    "boys", "men", "women", "others", "teachers", "classmates", "coworkers", "colleagues",
    "things", "stuff",
])  # fmt: skip
#: A suggested opening starts with one of these lower-cased; any other capitalised word may be
#: a name ("Sarah left me"), so it keeps its capital.
_LOWER_AT_START = COMMON_WORDS | FEELING_WORDS | _COMMON_NOUNS


def second_person(clause: str) -> str:
    """The seeker's clause turned to the second person (word swaps only, nothing added);
    a curly apostrophe (U+2019) stays curly. "am" after a number is the time of day and
    stays ("4 am"); the first word is lower-cased only when it is a common word
    (:data:`_LOWER_AT_START`: "Nobody cares about me" -> "nobody cares about you", "People at
    school laugh at me" -> "people at school laugh at you"), so a name keeps its capital
    ("Sarah left me" -> "Sarah left you"). What is not surely a pronoun stays as written
    (:func:`turn_clause`)."""
    return turn_clause(clause)[0]


def turn_clause(clause: str) -> tuple[str, bool, bool]:
    """:func:`second_person`, whether a word of ``clause`` is in doubt (the clause is then
    not offered for an opening, :mod:`carelens.analysis.openings`), and whether a word was
    turned.

    Nothing inside a web address or handle is turned ("example.com/my-story",
    "@our_team"), nor an "I" of an abbreviation ("I.B.M.") or of "World War I". An
    all-capitals form of two or more letters is a pronoun only in a clause written in
    capitals ("I HATE MY LIFE"): "the US" is the country, and in a clause with lower-case
    letters "ME" may be the illness or the state, so it is in doubt, unless it is a lone
    emphasised "me" (:func:`_emphasised_me`: "nobody cares about ME"); an "AM" right after
    "I" is still the verb. An "I" after a numbered noun in lower case is kept where it is
    surely the numeral (:func:`_after_numbered`: "type I diabetes", "stage I cancer"). An "I"
    that may be a numeral (:func:`_maybe_numeral`: "Henry I was", "Part I and"; "in stage
    I.") is in doubt too, and so is a clause with a second-person word in
    brackets inside it (:func:`carelens.analysis.addressees.you_in_brackets`: "My dad (Dad,
    if you ever read this, I'm sorry) was a good man")."""
    capitals = not any(c.islower() for c in clause)
    addresses = web_addresses(clause)
    words = list(WORD.finditer(clause))
    quoted, unclosed = quoted_speech(clause)
    foreign = foreign_parts(clause)
    spelled = [run.span() for run in SPELLED_OUT.finditer(clause)]
    out: list[str] = []
    done = 0  # where the text copied to ``out`` ends
    # a quotation opened and never closed (cut open, say): whose words are they? And words the
    # seeker addressed to someone: "Dad, I miss you" -> "you miss you".
    doubt = unclosed is not None or bool(addressed(clause)) or you_in_brackets(clause)
    swapped_i = -1  # the index of the last "I" turned to "you"
    for k, match in enumerate(words):
        word = match.group(0)
        folded = plain(word)
        before = plain(words[k - 1].group(0)) if k > 0 else ""
        if any(first < match.start() < last for first, last in quoted):
            continue  # quoted speech: 'My mom always says "I give up on you"'
        if folded in ("was", "wasn't") and swapped_i >= 0 and _after_i(clause, words, swapped_i, k):
            # "I was", "I really was" -> "you were", "you really were" ("it was" stays)
            turned = ("WERE" if word[:3].isupper() else word[0] + "ere") + word[3:]
        elif folded == "id":
            doubt = True  # "id" may be "I'd" or an ID
            continue
        elif folded not in _SWAPS or _no_pronoun(clause, match, addresses):
            continue
        elif within(foreign, match.start()):
            doubt = True  # "Eu me sinto tão sozinha": no English pronoun
            continue
        elif folded == "i" and within(spelled, match.start()):
            doubt = True  # a spelled-out word: "s u i c i d e"
            continue
        elif folded == "my" and _exclaimed(clause, words, k):
            continue  # "Oh my god", "oh my"
        elif folded == "i" and (numeral := _after_numbered(clause, words, k)) is not None:
            doubt = doubt or not numeral  # "type I diabetes" stays; "in stage I." in doubt
            continue
        elif folded == "i" and _maybe_numeral(clause, words, k):
            doubt = True
            continue
        elif folded in _GONNA and plain(_next_word(words, k)) in _ARTICLES | _IM_A_NOUNS:
            doubt = True  # "ima mess": "I'm a mess" or "I'm gonna"?
            continue
        elif _stuttered(clause, words, k):
            out.append(clause[done : match.start()])  # "I-I don't know" -> "you don't know"
            done = words[k + 1].start()
            continue
        elif len(word) > 1 and word.isupper() and "'" not in folded and before in _ARTICLES:
            continue  # "the US", "THE US"
        elif len(word) > 1 and word.isupper() and "'" not in folded and not capitals:
            if not (folded == "am" and swapped_i == k - 1) and not _emphasised_me(clause, words, k):
                doubt = True
                continue
            turned = _SWAPS[folded]
        else:
            turned = _SWAPS[folded]
            if folded == "i":
                swapped_i = k
        out.append(clause[done : match.start()])
        out.append(turned.replace("'", "\u2019") if "\u2019" in word else turned)
        done = match.end()
        if folded == "i" and (tag := _AGE_TAG.match(clause, done)) is not None:
            done = tag.end()  # "I (28F) have been" -> "you have been"
    turned_any = bool(out)
    out.append(clause[done:])
    turned_clause = "".join(out)
    first = WORD.match(turned_clause)
    if first is not None:
        word = first.group(0)
        if word[1:] == word[1:].lower() and plain(word) in _LOWER_AT_START:
            turned_clause = word.lower() + turned_clause[first.end() :]
    return turned_clause, doubt, turned_any


#: Forms of "I'm gonna" as texted (:data:`_SWAPS`).
_GONNA = frozenset(["imma", "ima", "i'ma"])
#: Nouns after such a form that make it "I'm a" ("ima mess", "ima failure"): in doubt.
_IM_A_NOUNS = frozenset([
    "mess", "wreck", "loser", "failure", "joke", "burden", "disappointment", "idiot", "fraud",
])  # fmt: skip
#: An age, a sex or both in brackets right after "I" ("I (28F) have been", "I [m22]", "I
#: (14)"): the opening leaves it out ("you have been"), as "you (28F)" reads as no one's words.
_AGE_TAG = re.compile(
    r"\s*[(\[]\s*(?:\d{1,2}\s*[/,]?\s*(?:[mf]|nb)?|(?:[mf]|nb)\s*[/,]?\s*\d{1,2})\s*[)\]]",
    re.IGNORECASE,
)


def _next_word(words: Sequence[re.Match[str]], k: int) -> str:
    """The word after the one at ``k``, or ""."""
    return words[k + 1].group(0) if k + 1 < len(words) else ""


def _stuttered(clause: str, words: Sequence[re.Match[str]], k: int) -> bool:
    """Whether the word at ``k`` of ``clause`` is said twice, with a hyphen between ("I-I
    don't know", "my-my mom"): the first is left out of the turned clause."""
    return (
        k + 1 < len(words)
        and clause[words[k].end() : words[k + 1].start()] == "-"
        and plain(words[k].group(0)) == plain(words[k + 1].group(0))
    )


def _after_i(clause: str, words: Sequence[re.Match[str]], i: int, k: int) -> bool:
    """Whether the word at ``k`` of ``clause`` follows the "I" at ``i``, with nothing
    between but spaces and adverbs (:data:`ADVERBS`: "I really was")."""
    return all(_adjacent(clause, words, j) for j in range(i + 1, k + 1)) and all(
        plain(words[j].group(0)) in ADVERBS for j in range(i + 1, k)
    )


def _exclaimed(clause: str, words: Sequence[re.Match[str]], k: int) -> bool:
    """Whether the "my" at ``k`` of ``clause`` is part of an exclamation ("my god", "oh my
    gosh", "oh my" on its own), not the seeker's."""
    if k + 1 < len(words) and _adjacent(clause, words, k + 1):
        return plain(words[k + 1].group(0)) in _EXCLAIMED
    return k > 0 and _adjacent(clause, words, k) and plain(words[k - 1].group(0)) == "oh"


def _adjacent(clause: str, words: Sequence[re.Match[str]], k: int) -> bool:
    """Whether the word at ``k`` of ``clause`` directly follows the one before it (only
    spaces between)."""
    return 0 < k < len(words) and not clause[words[k - 1].end() : words[k].start()].strip()


def _no_pronoun(clause: str, match: re.Match[str], addresses: Sequence[tuple[int, int]]) -> bool:
    """Whether the pronoun form ``match`` of ``clause`` is surely no pronoun: inside a web
    address or handle (``addresses``) or a name joined by an underscore ("my_score"), the
    "am" of a time ("4 am"), the "I" of an abbreviation ("I.B.M.") or a road ("I-95"), or
    the numeral of "World War I"."""
    folded = plain(match.group(0))
    return (
        within(addresses, match.start())
        or "_" in (clause[match.start() - 1 : match.start()], clause[match.end() : match.end() + 1])
        or (folded == "am" and _TIME_BEFORE_AM.search(clause, 0, match.start()) is not None)
        or (folded == "i" and _ABBREVIATION_AFTER.match(clause, match.end()) is not None)
        or (folded == "i" and _WORLD_WAR_BEFORE.search(clause, 0, match.start()) is not None)
    )


def _maybe_numeral(clause: str, words: Sequence[re.Match[str]], k: int) -> bool:
    """Whether the "I" at ``k`` of ``clause`` may be a Roman numeral: a capital "I" right
    after a capitalised monarch's name (:data:`_REGNAL_NAMES`, unless a word of telling
    comes before it: "I told James I was sad") or a numbered noun (:data:`_NUMBERED`), also
    first in the clause ("Henry I was a king", "Part I was long"); or right after any other
    capitalised word that is not the first of the clause, nor a common word or a pronoun
    ("after Henryk I and"), and not followed by a lower-case word that may follow a
    pronoun ("Sarah I miss") nor, after a word that names a time (:data:`_TIME_NAMES`), by
    "and" and the others the seeker names with themselves (:data:`_WITH_OTHERS`: "On Monday I
    and the team"; not "about Henryk I and his court")."""
    if not _adjacent(clause, words, k):
        return False
    before = words[k - 1].group(0)
    if not before[0].isupper():
        return False
    named = plain(before)
    if words[k].group(0) == "I" and (
        named in _NUMBERED
        or (named in _REGNAL_NAMES and not (k >= 2 and plain(words[k - 2].group(0)) in _TOLD))
    ):
        return True
    if k < 2 or before.isupper() or named in _NO_NUMERAL_AFTER:
        return False
    after = words[k + 1].group(0) if k + 1 < len(words) else ""
    follows = plain(after)
    if (
        follows == "and"
        and named in _TIME_NAMES
        and k + 2 < len(words)
        and plain(words[k + 2].group(0)) in _WITH_OTHERS
    ):
        return False  # the seeker and others: "On Monday I and the team said"
    return not (after[:1].islower() and (follows in _AFTER_I or follows.endswith(("ed", "n't"))))


def _after_numbered(clause: str, words: Sequence[re.Match[str]], k: int) -> bool | None:
    """Whether the "I" at ``k`` of ``clause``, right after a numbered noun written in lower
    case (:data:`_NUMBERED`: "type", "stage", "grade"...), is a Roman numeral: True, surely,
    before a word that follows one (:data:`_AFTER_NUMERAL`: "I have type I diabetes", "stage
    I cancer"); False, in doubt, for a capital "I" last, before a mark, "and", "or" or "of"
    ("I'm in stage I.", "part I and"); None where it reads as the pronoun ("the type I like",
    "in class I feel stupid") or no such noun comes before it. A capitalised noun makes it a
    numeral in doubt (:func:`_maybe_numeral`)."""
    if not _adjacent(clause, words, k):
        return None
    before = words[k - 1].group(0)
    if not before.islower() or before not in _NUMBERED:
        return None
    after = words[k + 1].group(0) if _adjacent(clause, words, k + 1) else ""
    if plain(after) in _AFTER_NUMERAL:
        return True
    if words[k].group(0) != "I":
        return None
    rest = clause[words[k].end() :].lstrip()
    if not rest or (not after and rest[0] in ",.;:!?)\u2026"):
        return False  # "I'm in stage I."
    return False if plain(after) in ("and", "or", "of") else None


def _emphasised_me(clause: str, words: Sequence[re.Match[str]], k: int) -> bool:
    """Whether the all-capitals "ME" at ``k`` of ``clause`` (a clause with lower-case
    letters) is an emphasised "me" ("nobody cares about ME", "why ME"), not the illness
    ("I have ME") nor the state ("moved to ME"): the only all-capitals word of two or more
    letters in the clause, right after a word whose object it is and after which neither is
    written (:data:`_ME_AFTER`, :data:`_ME_AFTER_PAIR`), whose subject, when one of the four
    words before it is one, is not "I" (that object would be "myself": "I hate ME" is the
    illness), and at the end of the clause, before a mark, or before a word of
    :data:`_AFTER_ME`."""
    if words[k].group(0) != "ME" or not _adjacent(clause, words, k):
        return False
    if any(len(w.group(0)) > 1 and w.group(0).isupper() for j, w in enumerate(words) if j != k):
        return False  # not alone: "ME/CFS", "ME and IBS", "I'M" ...
    before = words[k - 1].group(0)
    if before != before.lower():
        return False
    if plain(before) not in _ME_AFTER:
        heads = _ME_AFTER_PAIR.get(plain(before))
        if heads is None or not _adjacent(clause, words, k - 1):
            return False
        if plain(words[k - 2].group(0)) not in heads:
            return False
    for word in reversed(words[max(0, k - 4) : k]):  # its subject, if near
        if plain(word.group(0)) in _I_SUBJECT:
            return False
        if plain(word.group(0)) in _OTHER_SUBJECT:
            break
    if _adjacent(clause, words, k + 1):
        after = words[k + 1].group(0)
        return after.islower() and plain(after) in _AFTER_ME
    return True
