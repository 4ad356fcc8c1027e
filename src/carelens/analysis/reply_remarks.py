"""A helper's remark on what the seeker told them: sympathy for their situation.

"That's so discouraging", "How heartbreaking", "What a devastating thing to happen", "Oh no,
that's awful", "Ugh, that sucks" and "I'm so sad to hear that" react to what happened to the
seeker: the codebook's sympathy (feeling *for* them), not a feeling the reply names as theirs,
nor the helper's own state. :func:`is_remark` tells such a feeling word from one the clause goes
on to give them ("How lonely that must be", "What a lonely time this must be"), which
:mod:`carelens.analysis.reply_feelings` reads as named or said back. :func:`reactions` finds the
clauses that are such a remark and nothing more: a word of :data:`REACTION_WORDS` after
"that's", "how", "what a"... (:data:`REMARK_BEFORE`) and a few words after it ("to hear", "for
you", "thing to go through"; not "that you still let him do that"), "that sucks", "that's a lot
(to deal with)", the helper's feeling for them ("I'm so sad to hear that", "I'm heartbroken for
you", "my heart goes out to you") or anger on their behalf ("I'm furious for you", "I'm so angry
on your behalf"; not "I'm so angry at you"), outrage on their behalf at someone else ("How dare
he", "How immature of them", "How typical of them to leave you alone with this", "That was so
cruel of him", "He had no right to talk to you like that", "they can't treat you like that",
"Shame on them", "your boss is such a jerk"; not "How selfish of you", "That was so cruel of
you", nor "How typical", which does not say of whom and :mod:`carelens.analysis.reply_sarcasm`
reads as sarcasm), and, where the reply holds no other remark, a sympathetic interjection as a
sentence of its own ("Oof.", "Ouch.", "Oh no."; not "lol oof" nor "big oof") or with a detail
they told echoed after it ("oof, 8 months."). Beside such
outrage or anger, a remark on how wrong the deed was is one too ("How dare he. That's so
unprofessional.", "That's ridiculous, I'm furious for you", which alone may judge the seeker),
and so is disbelief asked ("Forty minutes??", "Seriously?!"). :func:`only_reactions` says
whether a text (a reply, a rationale span) holds nothing but such remarks, interjections ("Oh
no", "Wow", "Oof"), a trailing word ("How sad, honestly"), a plain "I'm so sorry (to hear that /
you went through that)" and reassurance that takes their side ("You didn't deserve that", "It's
not your fault"); :func:`sympathy_only`, the same without needing a remark among them. Judging
words ("How pathetic", "That's so dramatic") are no reaction words, and a remark with a word not
listed after it ("That's so sad lol") is left to the model; so is sarcasm ("What a surprise."),
which :mod:`carelens.analysis.reply_sarcasm` reads. :mod:`carelens.analysis.feedback` reads a
remark as sympathy where the model read it as understanding, as nothing, or as dismissive. The
remarks without a reaction word (interjections, "that's a lot", "that stings", anger on
their behalf, disbelief) are read in :mod:`carelens.analysis.reply_exclamations`.
"""

from __future__ import annotations

import re

from carelens.analysis.reply_exclamations import (
    angry_for_them,
    disbelief,
    echoed,
    exclaimed,
    short_remark,
)
from carelens.analysis.words import WORD

#: What ends a clause, reading around a word.
CLAUSE_END = re.compile(r"[.!?\n,;:]|\bbut\b", re.IGNORECASE)
#: The start of a clause that makes a feeling word after it a remark on what they told
#: ("That's so sad", "How sad", "What a sad day", "Oh, that is really sad news", "So sad"),
#: interjections and intensifiers between them.
REMARK_BEFORE = re.compile(
    r"\s*(?:(?:oh|aw+|wow|man|gosh|god|omg|ugh|oof|ouch|yeah|honestly|well|and)\s+)*"
    r"(?:(?:that|this)(?:['\u2019]s|\s+is|\s+was)|how|what\s+an?|so)\s+"
    r"(?:(?:so|really|very|just|truly|such|a|an|too|incredibly|awfully|terribly|deeply|pretty"
    r"|quite|super|utterly|genuinely|absolutely)\s+)*",
    re.IGNORECASE,
)
#: ... unless the clause goes on to give it to the seeker ("How lonely you must feel", "What
#: a lonely time this must be", "That's so lonely, it sounds like").
_GIVEN_AFTER = re.compile(
    r"\b(?:must|feel|feels|feeling|felt|sounds?|seems?|you['\u2019]re|you\s+are)\b",
    re.IGNORECASE,
)
#: Words that react to what happened to the seeker in a remark ("How heartbreaking", "That's
#: so hard"): the painful ones, not those that judge them ("How pathetic", "That's so weak").
REACTION_WORDS: frozenset[str] = frozenset([
    "sad", "heartbreaking", "awful", "terrible", "horrible", "horrific", "dreadful", "hard",
    "tough", "rough", "unfair", "cruel", "tragic", "brutal", "painful", "hurtful",
    "devastating", "discouraging", "disappointing", "depressing", "frustrating",
    "infuriating", "maddening", "upsetting", "distressing", "scary", "terrifying",
    "frightening", "stressful", "exhausting", "overwhelming", "draining", "isolating",
    "lonely", "humiliating", "confusing", "shocking", "unsettling", "agonizing", "agonising",
    "crushing", "gutting", "heavy", "unbearable", "harsh", "sucky", "crappy", "shitty",
    "demoralizing", "demoralising", "disheartening", "annoying", "nightmare", "gut",
    "outrageous", "appalling",
])  # fmt: skip
#: Words that may follow a reaction word in a remark that is only a remark: "to hear that",
#: "for you", "news", "thing to go through", "situation to be in", "man".
_TAIL_WORDS = frozenset([
    "to", "hear", "read", "see", "learn", "that", "this", "about", "news", "for", "you", "u",
    "thing", "things", "situation", "day", "time", "week", "year", "experience", "loss",
    "place", "position", "spot", "be", "in", "go", "through", "deal", "with", "happen",
    "face", "man", "dude", "friend", "mate", "bro", "hun", "honestly", "really", "omg",
    "though", "indeed", "too", "all", "so", "much", "of", "a", "an", "the", "it", "and", "or",
    "punch",
])  # fmt: skip
#: "That sucks", "this really sucks so much".
_SUCKS = re.compile(
    r"\s*(?:(?:oh|aw+|wow|man|gosh|god|omg|ugh|oof|ouch|yeah|honestly|well|and|damn|dang)\s+)*"
    r"(?:that|this|it)(?:\s+(?:really|totally|just|truly|so))*\s+sucks?\b"
    r"(?:\s+(?:so|really|big|time|hard|man|dude|bro))*\s*",
    re.IGNORECASE,
)
#: The helper's own feeling for them: "I'm so sad to hear that", "I feel so sad for you",
#: "I'm heartbroken for you", "my heart goes out to you".
_FOR_THEM = re.compile(
    r"\s*(?:(?:oh|aw+|wow|man|gosh|god|omg|ugh|honestly|and)\s+)*"
    r"(?:i(?:['\u2019]m|\s+am|\s+feel|\s+felt|m)\s+(?:(?:so|really|very|truly|deeply|just"
    r"|absolutely|genuinely)\s+)*(?:sad|heartbroken|devastated|gutted|upset)"
    r"\s+(?:for\s+(?:you|u)|to\s+(?:hear|read|see|learn)(?:\s+(?:that|this|about\s+(?:that|this"
    r"|it|your\s+\w+)))?|about\s+(?:that|this|your\s+\w+))"
    r"|my\s+heart\s+(?:goes\s+out|breaks|aches|hurts|bleeds)\s+(?:to|for)\s+(?:you|u))\s*",
    re.IGNORECASE,
)
#: Who a remark of outrage is at: someone else, never the seeker ("How dare he", "How
#: immature of them", "How convenient for your landlord"; not "How selfish of you").
_OTHERS = (
    r"(?:he|she|they|him|her|them|people|anyone|someone|everyone"
    r"|(?:your|the|that|this|those|these|such\s+a)\s+[\w'\u2019]+)"
)
#: Words of outrage at someone else's doing ("How immature of them", "How convenient for
#: him"): :data:`_OUTRAGE` after "how", before "of" or "for" someone else.
_OUTRAGE_WORDS = frozenset([
    "immature", "rude", "cruel", "selfish", "convenient", "typical", "petty", "disrespectful",
    "cowardly", "low", "nasty", "mean", "heartless", "inconsiderate", "unprofessional",
    "thoughtless", "insensitive", "shameful", "disgusting", "unfair", "childish",
    "hypocritical", "callous", "spiteful", "vile", "awful", "horrible", "terrible",
    "ridiculous", "gross", "shady", "sneaky", "pathetic",
])  # fmt: skip
#: Insults at someone else that take the seeker's side ("your boss is such a jerk", "he
#: sounds like a total creep", "they're so toxic").
_INSULT_WORDS = frozenset([
    "jerk", "asshole", "arsehole", "ass", "idiot", "creep", "bully", "coward", "monster",
    "prick", "dick", "douche", "douchebag", "clown", "narcissist", "moron", "tool", "scumbag",
    "snake", "pos", "loser", "psycho", "toxic", "vile", "heartless", "selfish", "cruel", "trash",
    "garbage", "awful", "horrible", "terrible", "disgusting", "nasty", "mean", "manipulative",
    "abusive",
])  # fmt: skip
_INSULTS = (
    "|".join(sorted(_INSULT_WORDS, key=len, reverse=True)) + r"|piece\s+of\s+(?:work|shit|crap)"
)
#: Intensifiers before a word of outrage.
_VERY = r"(?:(?:so|very|really|incredibly|utterly|unbelievably|truly|just|such|pretty|super)\s+)*"
#: What someone else may not do to the seeker, said in outrage ("they can't treat you like
#: that", "he can't just cut your hours", "they don't get to talk to you like that").
_CANT_DO = (
    r"\s+(?:can['\u2019]?t|cannot|can\s+not|shouldn['\u2019]?t|should\s+not"
    r"|(?:don['\u2019]?t|doesn['\u2019]?t|do\s+not|does\s+not)\s+get\s+to)\s+(?:just\s+)?"
    r"(?:treat|talk\s+to|speak\s+to|do\s+(?:that|this)|get\s+away\s+with|say\s+(?:that|this|those)"
    r"|yell\s+at|disrespect|keep|fire|withhold|cut|take)\b"
)
#: Outrage on the seeker's behalf at someone else: "How dare he", "how dare they treat you
#: like that", "How immature of them", "How convenient for him", "How typical of them to
#: leave you alone with this", "That was so cruel of him", "He had no right to talk to you
#: like that", "Shame on them", "your boss is such a jerk".
_OUTRAGE = re.compile(
    r"\s*(?:(?:oh|wow|man|gosh|god|omg|ugh|honestly|seriously|and|like|um|uh|well)\s+)*"
    r"(?:how\s+dare\s+" + _OTHERS + r"\b[^.!?\n]*"
    r"|(?:how|(?:that|this)(?:['\u2019]s|\s+is|\s+was))\s+"
    + _VERY
    + r"(?:"
    + "|".join(sorted(_OUTRAGE_WORDS | REACTION_WORDS))
    + r")\s+(?:of|for|from)\s+"
    + _OTHERS
    + r"\b"
    r"(?:\s+(?:to\s+(?:do|say)\s+(?:that|this)|honestly|really|though))*"
    # "How typical of them to leave you alone with this"
    r"(?:\s+to\s+[^.!?\n]*)?"
    r"|" + _OTHERS + r"\s+(?:had|has|have)\s+no\s+(?:right|business)\s+to\s+[^.!?\n]*"
    r"|shame\s+on\s+" + _OTHERS + r"\b"
    # "they can't treat you like that", "your boss can't just cut your hours"
    r"|" + _OTHERS + _CANT_DO + r"[^.!?\n]*"
    r"|" + _OTHERS + r"(?:['\u2019]s|['\u2019]re|\s+(?:is|are|was|were|sounds?(?:\s+like)?"
    r"|seems?(?:\s+like)?))\s+" + _VERY + r"(?:(?:a|an|total|real|complete|absolute|such)\s+)*"
    r"(?:" + _INSULTS + r")(?:\s+(?:honestly|tbh|really|though))?)\s*",
    re.IGNORECASE,
)
#: A remark on how wrong someone else's deed was, read beside outrage at them or anger on
#: their behalf ("How dare he. That's so unprofessional.", "that's so messed up", "That was
#: completely uncalled for", "That's ridiculous", "That's a huge violation").
_WRONG = re.compile(
    r"\s*(?:(?:oh|wow|man|gosh|god|omg|ugh|honestly|seriously|and|like)\s+)*"
    r"(?:that|this)(?:['\u2019]s|\s+is|\s+was)\s+"
    + _VERY
    + r"(?:(?:completely|totally|absolutely|not)\s+)?(?:"
    + "|".join(sorted(_OUTRAGE_WORDS | REACTION_WORDS))
    + r"|unprofessional|inappropriate|unacceptable|wrong|messed\s+up|uncalled\s+for|okay|ok"
    r"|fair|right|abuse|abusive|harassment|bullying|bs|bullshit|insane|absurd|unbelievable"
    r"|crazy|(?:a|an)\s+(?:(?:huge|total|complete|massive|serious|real|gross)\s+)?(?:violation"
    r"|betrayal|breach\s+of\s+trust|invasion\s+of\s+(?:your\s+)?privacy))"
    r"(?:\s+(?:and\s+)?(?:not\s+)?(?:"
    + "|".join(sorted(_OUTRAGE_WORDS | REACTION_WORDS))
    + r"|unprofessional|inappropriate|unacceptable|wrong|okay|ok|fair|right))*"
    r"(?:\s+(?:of\s+(?:him|her|them)|honestly|really|though|to\s+do\s+to\s+(?:you|someone)))?\s*",
    re.IGNORECASE,
)
#: A clause that only sympathises without a reaction word: interjections, a trailing word
#: ("How sad, honestly"), "I'm so sorry (to hear that / for your loss / that happened)",
#: "sending hugs".
_FILLER = re.compile(
    r"\s*(?:(?:oh|no|aw+|wow|man|gosh|god|my|omg|ugh|oof|ouch|yikes|damn|dang|jeez|geez|dude"
    r"|hugs|sending|big|virtual|honestly|and)\s+)*"
    r"(?:(?:oh|no|aw+|wow|man|gosh|god|omg|ugh|oof|ouch|yikes|damn|dang|jeez|geez|hugs"
    r"|honestly|really|truly|seriously|tbh|dude|friend|hun)"
    r"|(?:i(?:['\u2019]m|\s+am|m)\s+)?(?:(?:so|really|very|truly|deeply|terribly)\s+)*sorry"
    r"(?:\s+(?:to\s+(?:hear|read)(?:\s+(?:that|this|about\s+(?:that|this|it)))?"
    r"|for\s+(?:your|the)\s+loss|(?:that|this)\s+happened(?:\s+to\s+you)?"
    r"|you['\u2019]re\s+going\s+through\s+(?:this|that)|about\s+(?:that|this|it)"
    r"|(?:that\s+)?you\s+(?:went|had\s+to\s+go)\s+through\s+(?:that|this|it)"
    r"|(?:that\s+)?you\s+had\s+to\s+(?:deal\s+with|face|experience)\s+(?:that|this|it)))?"
    # reassurance that takes their side: "You didn't deserve that", "you deserve better"
    r"|you\s+(?:(?:didn['\u2019]?t|did\s+not)\s+deserve\s+(?:that|this|it|any\s+of\s+(?:that|this"
    r"|it))|deserve\s+(?:so\s+much\s+|way\s+|much\s+|a\s+lot\s+)?better)"
    r"|(?:it|that|this)(?:['\u2019]s\s+not|\s+is\s+not|\s+was\s+not|\s+isn['\u2019]?t"
    r"|\s+wasn['\u2019]?t)\s+(?:your|ur)\s+fault(?:\s+at\s+all)?)?\s*",
    re.IGNORECASE,
)
#: A reaction word said of the seeker ("That was so cruel of you"): no remark of sympathy.
_OF_THEM = re.compile(r"\s+of\s+(?:you|u)\b", re.IGNORECASE)
#: What may follow a reaction word: tail words and more reaction words ("so hard and unfair").
_TAIL = _TAIL_WORDS | REACTION_WORDS
#: The words without one of which no clause is a remark (:func:`reactions` reads no further).
_TRIGGERS = (
    REACTION_WORDS
    | _OUTRAGE_WORDS
    | {
        "dare",
        "sucks",
        "suck",
        "heartbroken",
        "devastated",
        "gutted",
        "upset",
        "heart",
        "shame",
        "piece",
        # anger on their behalf: "I'm furious for you", "this makes my blood boil"
        "angry",
        "furious",
        "mad",
        "livid",
        "pissed",
        "outraged",
        "fuming",
        "seething",
        "raging",
        "enraged",
        "heated",
        "incensed",
        "blood",
        # a remark that it hurts: "third time really stings", "that must hurt"
        "sting",
        "stings",
        "hurt",
        "hurts",
        "bite",
        "bites",
    }
    | _INSULT_WORDS
)
#: Phrases without one of which (nor a word of :data:`_TRIGGERS`) no clause is a remark, each
#: looked for only where the words it needs are in the text (:func:`_triggered`): "He had no
#: right to talk to you like that", "they can't treat you like that", "That's a lot", "Oof."
_TRIGGER_PHRASES: tuple[tuple[frozenset[str], frozenset[str], re.Pattern[str]], ...] = (
    (
        frozenset(["right", "business"]),
        frozenset(),
        re.compile(r"\bno\s+(?:right|business)\b", re.IGNORECASE),
    ),
    (
        frozenset(["can't", "can\u2019t", "cant", "cannot", "can", "shouldn't", "shouldn\u2019t",
                   "shouldnt", "should", "get"]),
        frozenset(["treat", "talk", "speak", "do", "get", "say", "yell", "disrespect", "keep",
                   "fire", "withhold", "cut", "take"]),
        re.compile(
            r"\b(?:can['\u2019]?t|cannot|can\s+not|shouldn['\u2019]?t|should\s+not|get\s+to)\s+"
            r"(?:just\s+)?(?:treat|talk\s+to|speak\s+to|do\s+(?:that|this)|get\s+away|say\s+(?:that"
            r"|this|those)|yell|disrespect|keep|fire|withhold|cut|take)\b",
            re.IGNORECASE,
        ),
    ),
    (
        frozenset(["lot", "much"]),
        frozenset(),
        re.compile(
            r"\b(?:that|this|it)(?:['\u2019]s|\s+is|\s+was|\s+sounds|\s+seems)\s+(?:\w+\s+){0,3}?"
            r"(?:a\s+lot|so\s+much)\b",
            re.IGNORECASE,
        ),
    ),
    (
        frozenset(["oof", "ooof", "oooof", "ouch", "damn", "dang", "aw", "aww", "awww", "god",
                   "goodness", "dear", "gosh", "no", "man", "ugh", "ughh", "ughhh", "uggh", "wow",
                   "yikes", "geez", "jeez", "friend", "honey", "hun", "love", "mate"]),
        frozenset(),
        re.compile(
            r"\b(?:oo+f+|ouch|oh\s+no+|oh\s+man|oh\s+(?:my\s+)?god(?:ness)?|oh\s+dear|oh\s+gosh"
            r"|aw+(?:\s+(?:man|no+))?|damn|dang|my\s+god|u+g+h+|wow|yikes|geez|jeez"
            r"|(?:oh|aw+)\s+(?:friend|honey|hun|love|mate))(?:\s+(?:man|dude|friend|hun|mate))?\s*"
            r"(?:[.!?\n,]|$)",
            re.IGNORECASE,
        ),
    ),
)  # fmt: skip


def clause_head(text: str, word: re.Match[str]) -> str:
    """The part of ``word``'s clause in ``text`` before it (80 characters at most)."""
    return CLAUSE_END.split(text[max(0, word.start() - 80) : word.start()])[-1]


def _clause_rest(text: str, end: int) -> str:
    """The part of the clause of ``text`` from ``end`` on (80 characters at most)."""
    return CLAUSE_END.split(text[end : end + 80], maxsplit=1)[0]


def remark_given(text: str, word: re.Match[str]) -> bool | None:
    """How the feeling ``word`` in the reply ``text`` stands after the start of a remark
    ("that's", "how", "what a"... at the start of its clause: :data:`REMARK_BEFORE`): None
    where its clause does not start so; True where the clause goes on to give it to the
    seeker (:data:`_GIVEN_AFTER`: "How lonely that must be", "What a lonely time this must
    be"); False where it is a remark on what they told ("That's so sad", "How sad", "What
    a sad day": :func:`is_remark`)."""
    if not REMARK_BEFORE.fullmatch(clause_head(text, word)):
        return None
    return _GIVEN_AFTER.search(_clause_rest(text, word.end())) is not None


def is_remark(text: str, word: re.Match[str]) -> bool:
    """Whether the feeling ``word`` in the reply ``text`` is a remark on what they told
    (:func:`remark_given` False): such sympathy names no feeling of the seeker's, while
    "That sounds so lonely", "That must feel lonely" and "How lonely that must be" do."""
    return remark_given(text, word) is False


def _reacts(clause: str) -> bool:
    """Whether ``clause`` (a whole clause) is a remark of sympathy and nothing more."""
    if _SUCKS.fullmatch(clause) or _FOR_THEM.fullmatch(clause) or _OUTRAGE.fullmatch(clause):
        return True
    if short_remark(clause):
        return True
    for word in WORD.finditer(clause):
        if word.group(0).lower() in REACTION_WORDS:
            head = clause[: word.start()]
            rest = clause[word.end() :]
            if _OF_THEM.match(rest):
                return False  # "That was so cruel of you": at the seeker
            return (
                REMARK_BEFORE.fullmatch(head) is not None
                and _GIVEN_AFTER.search(rest) is None
                and all(w.lower() in _TAIL for w in WORD.findall(rest))
            )
    return False


def _clauses(text: str) -> list[tuple[int, int]]:
    """Start and end of each clause of ``text`` with a word in it."""
    found: list[tuple[int, int]] = []
    start = 0
    for mark in CLAUSE_END.finditer(text):
        if WORD.search(text, start, mark.start()):
            found.append((start, mark.start()))
        start = mark.end()
    if WORD.search(text, start):
        found.append((start, len(text)))
    return found


def _reacting(text: str) -> list[tuple[int, int, bool]]:
    """Each clause of ``text`` with a word in it, and whether it is a remark of sympathy and
    nothing more (:func:`_reacts`); beside outrage at someone else (:data:`_OUTRAGE`: "How
    dare he."), also a remark on how wrong their deed was (:data:`_WRONG`: "That's so
    unprofessional.", "that's so messed up"), which alone may judge the seeker."""
    found = [(s, e, _reacts(text[s:e])) for s, e in _clauses(text)]
    if not any(r for _, _, r in found):
        # an interjection is the remark where there is no other ("Oof.", not the "oof" of
        # "oof. that's harsh"), also with a detail they told echoed ("oof, 8 months.")
        found = [(s, e, exclaimed(text, s, e)) for s, e, _ in found]
        for at in range(len(found) - 1):
            (s, e, _), (s2, e2, _) = found[at], found[at + 1]
            if echoed(text, s, e, s2, e2):
                found[at], found[at + 1] = (s, e, True), (s2, e2, True)
    if any(
        r and (_OUTRAGE.fullmatch(text, s, e) or angry_for_them(text, s, e)) for s, e, r in found
    ):
        found = [
            (s, e, r or _WRONG.fullmatch(text, s, e) is not None or disbelief(text, s, e))
            for s, e, r in found
        ]
    return found


def _triggered(text: str) -> bool:
    """Whether ``text`` holds a word of :data:`_TRIGGERS` or a phrase of
    :data:`_TRIGGER_PHRASES` (each looked for only where its words are in the text)."""
    words = {word.lower() for word in WORD.findall(text)}
    if not words.isdisjoint(_TRIGGERS):
        return True
    return any(
        not words.isdisjoint(needed)
        and (not also or not words.isdisjoint(also))
        and phrase.search(text) is not None
        for needed, also, phrase in _TRIGGER_PHRASES
    )


def reactions(text: str) -> tuple[tuple[int, int], ...]:
    """Start and end of each clause of ``text`` that is a remark of sympathy and nothing
    more ("That's so discouraging", "How heartbreaking for you", "Ugh, that sucks", "I'm so
    sad to hear that"); none in "How sad that you still let him do that"."""
    if not _triggered(text):
        return ()  # most replies: no word a remark needs
    return tuple((s, e) for s, e, r in _reacting(text) if r)


def only_reactions(text: str) -> bool:
    """Whether ``text`` holds at least one remark of sympathy (:func:`reactions`) and no
    clause but such remarks, interjections, a plain "I'm so sorry" and reassurance that takes
    their side ("Oh no, how heartbreaking. I'm so sorry.", "How dare he. You didn't deserve
    that."; not "How sad. Have you tried dating apps?")."""
    reacted = _reacting(text)
    return any(r for _, _, r in reacted) and all(
        r or _FILLER.fullmatch(text[s:e]) is not None for s, e, r in reacted
    )


def sympathy_only(text: str) -> bool:
    """Whether every clause of ``text`` (one at least) is a remark of sympathy, an
    interjection, plain sorrow or reassurance that takes their side, as :func:`only_reactions`
    reads them, a remark among them or not ("I'm so sorry.", "How awful.")."""
    reacted = _reacting(text)
    return bool(reacted) and all(
        r or _FILLER.fullmatch(text[s:e]) is not None for s, e, r in reacted
    )
