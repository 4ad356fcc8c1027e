"""Whom the seeker addresses in their own words: a "you" of theirs, a name or kin they call on.

A suggested opening turns the seeker's "I" to "you" (:mod:`carelens.analysis.pronouns`), so a
clause that speaks to someone ("Dad, I miss you so much", "I'm sorry Mom", "My dad (Dad, if you
ever read this, I'm sorry) was a good man") would read "you miss you so much": such words put
the clause in doubt. A "you" that may be anyone's ("I feel like you can't win", "it makes you
feel small") addresses no one, nor does a list of people that ends with the seeker ("Mom, Dad
and I fought again"), their subject. Quoted speech and web addresses are no one's words
(:mod:`carelens.analysis.quoted_speech`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from carelens.analysis.feeling_words import FEELING_WORDS
from carelens.analysis.quoted_speech import quoted_speech, web_addresses, within
from carelens.analysis.words import COMMON_WORDS, SENTENCE, WORD, plain

#: The seeker's own second-person words ("u", "ur" in lower case only: "U.S.A."): "you" is
#: already the helper's word for the seeker,
#: so a clause that holds one addressed to someone ("Dad, I miss you so much", "You're the only
#: one I can talk to", "I need you guys to know") would read "you miss you so much".
_SECOND_PERSON = frozenset([
    "you", "your", "you're", "youre", "you've", "you'd", "you'll", "yours", "yourself",
    "yourselves", "u", "ur", "y'all", "yall",
])  # fmt: skip
#: After these a "you" may be anyone's, no one addressed ("I feel like you can't win", "you
#: know when you just feel empty", "it makes you feel"): the verb after it ...
_GENERIC_AFTER_YOU = frozenset([
    "know", "can", "can't", "cant", "cannot", "could", "couldn't", "should", "have", "get",
    "feel", "do", "never", "just", "start", "try", "lose", "realize",
    "realise", "think", "see", "find", "go", "end", "want", "need", "gotta", "must", "might",
    "would", "will", "won't", "always", "wake", "spend", "put",
])  # fmt: skip
#: ... or the verb before it.
_GENERIC_BEFORE_YOU = frozenset([
    "make", "makes", "made", "making", "let", "lets", "gets", "leaves", "keeps", "if", "when",
    "what", "whatever", "unless", "until", "once",
])  # fmt: skip


#: Verbs of :data:`_GENERIC_BEFORE_YOU` whose "you" is addressed after the seeker as their
#: subject ("I just want to make you proud", "I'm sorry I let you down"; not "it makes you
#: feel small", "how school makes you feel"): "makes" and "lets" take no "I" or "we", so
#: their subject is someone or something else ("The job I have makes you feel worthless").
#: "hope" too: the seeker hopes something for whom they address ("I hope you have a great
#: day"), not for anyone.
_CAUSING = frozenset(["make", "made", "making", "let", "letting", "hope", "hoped", "hoping"])
#: Words between the seeker as a subject and a verb of :data:`_CAUSING`: auxiliaries, adverbs
#: and verbs before an infinitive ("I just want to make you proud", "I'll never let you go").
_BEFORE_CAUSING = frozenset([
    "just", "only", "really", "still", "ever", "even", "never", "always", "again", "to", "want",
    "wanted", "wanna", "need", "needed", "hope", "hoped", "try", "tried", "trying", "keep",
    "kept", "can", "can't", "cant", "cannot", "could", "couldn't", "couldnt", "will", "won't",
    "wont", "would", "wouldn't", "wouldnt", "should", "shouldn't", "do", "don't", "dont", "did",
    "didn't", "didnt", "have", "had", "am", "was", "going", "gonna", "promise", "promised",
])  # fmt: skip
#: The seeker as a subject.
_SEEKER_SUBJECTS = frozenset(["i", "i'm", "im", "i'll", "ill", "i'd", "i've", "ive", "we"])
#: Whom the seeker may call by name or kin ("Mom", "Dad", "guys"): a vocative
#: (:func:`_vocatives`).
_VOCATIVES = frozenset([
    "mom", "mum", "mommy", "mummy", "mama", "momma", "dad", "daddy", "papa", "grandma",
    "grandpa", "granny", "nana", "guys", "everyone", "everybody", "bro", "sis", "babe",
])  # fmt: skip
#: Words after which a word of :data:`_VOCATIVES` without a comma before it is whom the seeker
#: addresses ("I let you down Mom", "I love you Dad"; not "I told Mom", "with Dad").
_BEFORE_VOCATIVE = frozenset([
    "you", "u", "down", "up", "out", "away", "off", "so", "too", "again", "anymore", "now",
    "much", "sorry", "please", "back", "though", "anyway",
])  # fmt: skip


def _vocatives(
    clause: str, words: Sequence[re.Match[str]], addressee: bool = False
) -> list[tuple[int, int]]:
    """Where ``clause`` names whom the seeker addresses (:data:`_VOCATIVES`): at its start
    before a comma ("Mom, I'm sorry I let you down"), or at the end of a part after a comma
    ("I'm sorry, Mom."), after a feeling word or a word of :data:`_BEFORE_VOCATIVE` ("I let you
    down Mom and I feel like a failure", "I'm sorry Mom"); the end of a part is the end of the
    clause, a mark or "and", "but" or "so". A name in a list of people that ends with the
    seeker is none (:func:`_listed_with_seeker`: "Mom, Dad and I fought again", also after
    the readers called on: "Guys, Mom, Dad and I had the worst fight"), unless the seeker
    writes to someone as "you" (``addressee``: elsewhere in the message, or after the list:
    "Dad, Mom and I miss you")."""
    found: list[tuple[int, int]] = []
    listed: tuple[int, int] | None = None  # where a list of people opens and ends
    for k, match in enumerate(words):
        if plain(match.group(0)) not in _VOCATIVES:
            continue
        if listed is None:
            # the readers called on before the list: "Guys, Mom, Dad and I"
            begin = (
                1
                if plain(words[0].group(0)) in _ALL_READERS and _gap(clause, words, 1) == ","
                else 0
            )
            listed = (begin, _listed_with_seeker(clause, words, begin, addressee))
        if listed[0] <= k < listed[1]:
            continue  # "Mom, Dad and I fought": the subjects, no one addressed
        after = clause[match.end() : words[k + 1].start()] if k + 1 < len(words) else ""
        if k == 0:
            if "," in after:
                found.append(match.span())
            continue
        ends = (
            k + 1 == len(words)
            or any(mark in after for mark in ",.!?;:")
            or plain(words[k + 1].group(0)) in ("and", "but", "so")
        )
        before = plain(words[k - 1].group(0))
        if ends and (
            "," in clause[words[k - 1].end() : match.start()]
            or before in _BEFORE_VOCATIVE
            or before in FEELING_WORDS
        ):
            found.append(match.span())
    return found


#: Words of :data:`_VOCATIVES` that call on readers, never one of a list of people
#: ("Guys, my mom and I fought" addresses the readers).
_READERS = frozenset(["guys", "everyone", "everybody", "bro", "sis", "babe"])
#: Words of :data:`_READERS` that call on more than one reader: a list of people after one
#: is the subject ("Guys, Mom, Dad and I had the worst fight"); "Sis," may be one of it.
_ALL_READERS = frozenset(["guys", "everyone", "everybody"])
#: Kin a list of people may name without "my" ("Ma, Pa and I lost the farm"), beside the
#: words of :data:`_VOCATIVES` that are no readers.
_KIN = (_VOCATIVES - _READERS) | frozenset([
    "ma", "pa", "mother", "father", "grandmother", "grandfather", "granddad", "grandad",
    "gran", "nan", "nanny", "pop", "pops", "auntie", "aunty", "uncle",
])  # fmt: skip
#: Capitalised words that name no one in a list of people: whom the seeker calls on or
#: prays to, and asides before a clause ("Doc, Mom and I", "Reddit, Tom and I"); words of
#: :data:`carelens.analysis.words.COMMON_WORDS` and adverbs in "-ly" are none either
#: ("Sadly", "Today", "Update").
_NO_NAMES = frozenset([
    "god", "lord", "jesus", "christ", "doc", "doctor", "pastor", "sir", "madam", "maam",
    "ma'am", "coach", "teacher", "kids", "friends", "folks", "ladies", "gentlemen", "people",
    "dude", "man", "reddit", "redditors", "throwaway", "tldr", "edit", "background", "context",
    "ps", "hello", "unfortunately", "anyways", "btw",
])  # fmt: skip
#: Words that open a noun phrase naming someone in a list of people ("my sister", "the kids").
_PERSON_OPENERS = frozenset(["my", "our", "the", "his", "her", "their"])
#: Words after a list of people that ends with the seeker that are no verb of theirs ("Mom,
#: Dad and I we never talk"): the list is then no subject.
_NO_VERB_AFTER_LIST = _SEEKER_SUBJECTS | frozenset([
    "you", "he", "she", "they", "it", "and", "or", "but", "so", "too", "either",
])  # fmt: skip


def listed_with_seeker(clause: str, addressee: bool = False) -> bool:
    """Whether ``clause`` opens with a list of people that ends with the seeker, the first
    before a comma, and a verb after it (:func:`_listed_with_seeker`: "Mom, Dad and I fought
    again"): their subject, no one addressed; with ``addressee``, the seeker writes to someone
    as "you" elsewhere in their message, so that kin or a name first in the list may be whom
    they write to ("Dad, Mom and I are okay. We miss you every day")."""
    return _listed_with_seeker(clause, list(WORD.finditer(clause, 0, 400)), 0, addressee) >= 0


def _listed_with_seeker(
    clause: str, words: Sequence[re.Match[str]], begin: int = 0, addressee: bool = False
) -> int:
    """Where a list of people that opens ``clause`` (at ``words[begin]``) with a name or kin
    before a comma ends with the seeker and is the subject of the verb after it: the index in
    ``words`` of its "I" or "me" after "and" or "&" ("Mom, Dad and I fought again", "Sarah,
    Tom and I were friends", "My mom, my dad and I fought"); -1 when the clause opens with no
    such list. The names in the list are all kin or names (:data:`_KIN`, :func:`_is_name`)
    or all noun phrases of :data:`_PERSON_OPENERS` and one word, a comma between two of them.
    A word before "my ..." is whom the seeker addresses or an aside ("Mom, my therapist and I
    think I should go inpatient", "Guys, my mom and I fought", "Unfortunately, my wife and
    I"), as is the list before no verb ("Mom, Dad and I, we never talk"), and kin or a name
    first in a list at the clause's start where the seeker writes to someone as "you"
    (``addressee``, or a "you" after the list: "Dad, Mom and I miss you every day"). After
    the readers called on (``begin`` past "Guys,") the list needs no comma ("Guys, Mom and I
    fought")."""
    j = begin
    kinds: set[bool] = set()  # whether each name is a noun phrase ("my sister")
    while j < min(len(words), begin + 12):
        first = j == begin
        word = plain(words[j].group(0))
        if word in _PERSON_OPENERS and _gap(clause, words, j + 1) == "":
            j += 1  # "my sister"
            kinds.add(True)
        elif word in _KIN or _is_name(words[j].group(0)):
            kinds.add(False)
        else:
            return -1
        if len(kinds) > 1:
            return -1  # "Mom, my brother and I": "Mom" may be addressed
        gap = _gap(clause, words, j + 1)
        if first and begin == 0 and gap != ",":
            return -1  # a list read as addressed opens with a comma: "Mom, Dad and I"
        if gap in ("&", ",&"):
            last = j + 1
        elif gap in ("", ",") and j + 1 < len(words) and plain(words[j + 1].group(0)) == "and":
            last = j + 2  # "Dad and I", "Dad, and I"
        elif gap == ",":
            j += 1
            continue
        else:
            return -1
        if not (
            last + 1 < len(words)
            and plain(words[last].group(0)) in ("i", "me")
            and _gap(clause, words, last + 1) == ""
            and plain(words[last + 1].group(0)) not in _NO_VERB_AFTER_LIST
        ):
            return -1
        if begin == 0 and kinds == {False} and (addressee or _you_after(clause, words, last)):
            return -1  # "Dad, Mom and I miss you": "Dad" may be whom they write to
        return last
    return -1


def _you_after(clause: str, words: Sequence[re.Match[str]], k: int) -> bool:
    """Whether a second-person word (:data:`_SECOND_PERSON`) follows ``words[k]`` in
    ``clause`` outside quoted speech, not a "you" that may be anyone's
    (:data:`_GENERIC_AFTER_YOU`, :data:`_GENERIC_BEFORE_YOU`: "Mom, Dad and I fought again,
    you know how it is")."""
    quoted = quoted_speech(clause)[0]
    for j in range(k + 1, len(words)):
        word = plain(words[j].group(0))
        if word not in _SECOND_PERSON or within(quoted, words[j].start()):
            continue
        after = plain(words[j + 1].group(0)) if j + 1 < len(words) else ""
        before = plain(words[j - 1].group(0))
        if word in ("you", "u") and (after in _GENERIC_AFTER_YOU or before in _GENERIC_BEFORE_YOU):
            continue
        return True
    return False


def addresses_someone(text: str) -> bool:
    """Whether ``text`` holds, in one of its sentences, a second-person word of the seeker's
    addressed to someone (:func:`addressed`: "We miss you every day", "I know you loved
    it") or kin they call on ("I'm sorry Mom"; not the readers: "sorry guys"): kin or a name
    first in a list of people may then be whom they write to (:func:`listed_with_seeker`)."""
    for found in SENTENCE.finditer(text):
        sentence = found.group(0)
        for a, b in addressed(sentence):
            word = plain(sentence[a:b])
            if word in _SECOND_PERSON or word in _KIN:
                return True
    return False


def _is_name(word: str) -> bool:
    """Whether ``word`` may be someone's name in a list of people: capitalised, not all in
    capitals, and none of :data:`_NO_NAMES`, :data:`_READERS`,
    :data:`carelens.analysis.words.COMMON_WORDS` or the adverbs in "-ly" ("Sarah", "Emily"
    (:data:`_LY_NAMES`), not "Sadly", "Today", "TLDR", "Doc", "Sis")."""
    folded = plain(word)
    return (
        word[0].isupper()
        and not word.isupper()
        and folded not in _NO_NAMES
        and folded not in _READERS
        and folded not in COMMON_WORDS
        and folded not in _SEEKER_SUBJECTS
        and (not folded.endswith("ly") or folded in _LY_NAMES)
    )


#: Names that end in "-ly" as adverbs do ("Emily, Kelly and I were best friends").
_LY_NAMES = frozenset([
    "emily", "kelly", "billy", "molly", "holly", "ally", "lily", "sally", "polly", "shelly",
    "kimberly", "beverly", "dolly", "nelly", "milly", "tilly",
])  # fmt: skip


def _gap(clause: str, words: Sequence[re.Match[str]], k: int) -> str:
    """What stands between the word before ``words[k]`` and it, without spaces ("" at the
    clause's end too)."""
    if not 0 < k < len(words):
        return ""
    return "".join(clause[words[k - 1].end() : words[k].start()].split())


#: Words between "hope" and the "you" the seeker hopes something for: "that", "all of", a
#: "when" or "if" clause's opener ("I hope that you have a great day", "I hope all of you
#: are well", "I hope when you read this you don't think I'm crazy").
_AFTER_HOPE = frozenset(["that", "all", "both", "each", "of", "when", "if"])
#: The forms of "hope" among the verbs of :data:`_CAUSING`.
_HOPE = frozenset(["hope", "hoped", "hoping"])


def _seeker_causes(words: Sequence[re.Match[str]], k: int) -> bool:
    """Whether the "you" at ``words[k]`` follows a verb of :data:`_CAUSING` whose subject is
    the seeker (:data:`_SEEKER_SUBJECTS`), maybe with words of :data:`_BEFORE_CAUSING` between:
    "I just want to make you proud", "I'm sorry I let you down", "I hope you have a great
    day"; after "hope", words of :data:`_AFTER_HOPE` may stand before the "you" ("I hope that
    you have a great day", "I hope all of you are well")."""
    h = k - 1
    while h > 0 and k - h <= 3 and plain(words[h].group(0)) in _AFTER_HOPE:
        h -= 1
    if h < k - 1 and plain(words[h].group(0)) in _HOPE:
        k = h + 1  # "I hope that you": read as "I hope you"
    if k == 0 or plain(words[k - 1].group(0)) not in _CAUSING:
        return False
    j = k - 2
    while j >= 0 and plain(words[j].group(0)) in _BEFORE_CAUSING:
        j -= 1
    return j >= 0 and plain(words[j].group(0)) in _SEEKER_SUBJECTS


#: A first-person object or possessive: after a "you" it tells that the "you" is addressed.
_FIRST_OBJECT = re.compile(r"\b(?:me|my|myself|mine)\b", re.IGNORECASE)


def addressed(clause: str, addressee: bool = False) -> list[tuple[int, int]]:
    """Where ``clause`` holds second-person words of the seeker's own, addressed to someone
    (:data:`_SECOND_PERSON`: "Dad, I miss you so much", "You're the only one I can talk to"),
    outside quoted speech and web addresses, and where it names whom the seeker addresses
    (:func:`_vocatives`: "I'm sorry Mom"): an opening would turn the seeker's "I" to "you"
    beside them ("It sounds like you miss you so much…"), so such words put the clause in
    doubt (:func:`carelens.analysis.pronouns.turn_clause`). A "you" that may be anyone's is
    not counted (:data:`_GENERIC_AFTER_YOU`, :data:`_GENERIC_BEFORE_YOU`: "I feel like you
    can't win", "it makes you feel small"), unless a first-person object follows it ("I wish
    you could see me"), the seeker makes or lets it do something (:func:`_seeker_causes`: "I
    just want to make you proud", "I let you down") or the clause names whom the seeker
    addresses ("I feel like you never listen, Dad"; with ``addressee``, kin first in a list of
    people too, the seeker writing to someone as "you" elsewhere: :func:`_listed_with_seeker`)."""
    words = list(WORD.finditer(clause))
    # quoted speech and web addresses: no one the seeker addresses, for both readings
    unread = [*quoted_speech(clause)[0], *web_addresses(clause)]
    vocatives = [
        span for span in _vocatives(clause, words, addressee) if not within(unread, span[0])
    ]
    found: list[tuple[int, int]] = list(vocatives)
    anyones = False  # a "you" before was anyone's
    for k, match in enumerate(words):
        folded = plain(match.group(0))
        if (
            folded not in _SECOND_PERSON
            or (folded in ("u", "ur") and not match.group(0).islower())  # "U.S.A.", "UR"
            or within(unread, match.start())
        ):
            continue
        after = plain(words[k + 1].group(0)) if k + 1 < len(words) else ""
        before = plain(words[k - 1].group(0)) if k > 0 else ""
        # one "you" that may be anyone's makes the next ones so: "no matter what you do, you
        # fail"
        generic = (
            folded in ("you", "u")
            and not vocatives
            and not _seeker_causes(words, k)
            and (anyones or after in _GENERIC_AFTER_YOU or before in _GENERIC_BEFORE_YOU)
        )
        if generic and not _FIRST_OBJECT.search(clause, match.end()):
            anyones = True
            continue
        found.append(match.span())
    return sorted(found)


#: What brackets inside a clause hold ("my dad (Dad, if you ever read this, I'm sorry)"),
#: up to the clause's end where one is left open by a clip.
_IN_BRACKETS = re.compile(r"\(([^()]*)(?:\)|$)|\[([^\[\]]*)(?:\]|$)")


def you_in_brackets(clause: str) -> bool:
    """Whether brackets inside ``clause`` hold a second-person word (:data:`_SECOND_PERSON`;
    "u", "ur" in lower case only): an aside that may speak to someone ("My dad (Dad, if you
    ever read this, I'm sorry) was a good man", "My son (you know who you are, buddy, I'm
    proud of you)"), whose "I" an opening would turn beside it ("you're proud of you"); in
    doubt, even a "you" that may be anyone's counts."""
    for found in _IN_BRACKETS.finditer(clause):
        for word in WORD.findall(found.group(found.lastindex or 0)):
            folded = plain(word)
            if folded in _SECOND_PERSON and (folded not in ("u", "ur") or word.islower()):
                return True
    return False
