"""A helper's sarcastic remark on what the seeker told: mockery dressed as a remark.

"What a surprise.", "How original.", "Shocker.", "Who would have thought", "Boo hoo" and "Cry me
a river" make light of what the seeker told: the codebook's dismissal, though they look like the
remarks of sympathy :mod:`carelens.analysis.reply_remarks` reads ("How sad.", "How dare he.").
:func:`sarcasm` finds the first clause that is such a remark and nothing more, for
:mod:`carelens.analysis.feedback` to quote as judging. A feigned surprise ("What a surprise!",
"How original!") is sincere to good news ("I got engaged!"), so it counts only where the message
tells no glad news (nor an achievement: "I aced my calc final", "my band's first gig went
amazing"), said flat (not "What a surprise!") and beside no glad words or praise ("I'm so happy
for you", "you crushed it", "You did it!", "😄"); mockery ("Boo hoo", "skill issue", "touch
grass", "sucks to be you", "Congrats, you played yourself", "Want a medal?", "Totally normal
behaviour lol") counts always, and
feigned grief ("wow what a tragedy", "gee, what a shame", "how tragic lol") where it is the
whole reply. A knowing remark ("How typical.", "Typical.", "Figures.", "Story of your life.",
"Of course you did.") counts where the reply holds nothing else, or where it is aimed at the
seeker ("How typical of you", "Of course you did", said flat), never to glad news, nor as
agreement with a feeling they tell that the reply goes on to explain ("Of course you do. When
any call might be bad news, your body learns to brace for it" to "I feel sick every time");
outrage at someone else ("How typical of them to leave you alone with this") is sympathy, which
:mod:`carelens.analysis.reply_remarks` reads. Bare praise ("Great job. Really nailed it", "Nice
going.", "Well done.") counts where the reply holds nothing else, said flat, and the message
ends on a mishap of the seeker's (:data:`_MISHAP`: "I finished my thesis draft but it got
rejected", "my supervisor sent my draft back with red all over it"); praise of something ("Great
job reaching out, that took courage") is sincere. These are word rules: sarcasm in other words
("Oh great, another breakup story") is left to the model's dismissive score. Where the reply
holds no such remark, two kinds of mockery in longer words count too: sympathy overplayed for
a small trouble ("Wow, poor you, having a job. My heart bleeds.", "such tragedy", "someone
call an ambulance", "So sorry for the loss of your night out"), which
:func:`carelens.analysis.reply_mock_sympathy.mock_sympathy` finds given the seeker's message,
and doubt of their trouble as an excuse ("Ah yes, another handy flare-up right when there's a
party", "How convenient."), which :func:`carelens.analysis.reply_doubt.doubted_excuse` finds.

"Of course you do" alone agrees with a longing the seeker tells (:data:`_LONGING`: "I miss my
dad", "I still love her"): validation, not a knowing remark.
"""

from __future__ import annotations

import re

from carelens.analysis.reply_doubt import doubted_excuse
from carelens.analysis.reply_mock_sympathy import mock_sympathy
from carelens.analysis.reply_remarks import CLAUSE_END

#: Interjections and openers that may come before a sarcastic remark in its clause.
_OPENERS = r"\s*(?:(?:oh|wow|well|gee|gosh|yeah|and|so|lol|lmao|haha)\s+)*"
#: Surprise or praise feigned at what they told: sarcasm unless the news is glad.
_FEIGNED = re.compile(
    _OPENERS + r"(?:(?:what|such)\s+an?\s+(?:big\s+|huge\s+|total\s+)?(?:surprise|shocker)"
    r"|(?:big|huge)\s+surprise(?:\s+there)?|shocker|how\s+(?:very\s+|so\s+)?(?:original"
    r"|unexpected|surprising|unique)"
    r"|(?:colou?r|call)\s+me\s+(?:surprised|shocked)"
    r"|who\s+(?:would|could)(?:['\u2019]?ve|\s+have|a)?\s+(?:thought|guessed|known"
    r"|seen\s+(?:that|this|it)\s+coming))\s*(?:lol|lmao|haha)?\s*",
    re.IGNORECASE,
)
#: Glad words in a reply that make a feigned surprise in it sincere ("What a surprise, I'm
#: so happy for you").
_GLAD = re.compile(
    r"\b(?:congrat\w*|happy\s+for\s+you|so\s+happy|proud\s+of\s+you|amazing|wonderful"
    r"|awesome|fantastic|well\s+done"
    # praise of what they did: "you crushed it", "You did it!" (not "you did it again")
    r"|(?:you|u)\s+(?:crushed|nailed|aced|smashed|killed|rocked)\s+it"
    r"|(?:you|u)\s+did\s+it\b(?!\s+again)|told\s+(?:you|ya)\b(?!\s+so)"
    r"|of\s+course\s+(?:it|you|they|she|he)\s+(?:did|were|was|are|is)\b(?=\s*\W*\s*(?:"
    r"[\U0001F600-\U0001F60F\U0001F389\U0001F973\u2764]|!)))"
    r"|[\U0001F600-\U0001F60F\U0001F389\U0001F973\u2764]",
    re.IGNORECASE,
)
#: Words of glad news in the seeker's message, to which a surprise may be sincere ("I got
#: engaged!", "I'm pregnant", "I got the job").
_GLAD_NEWS = re.compile(
    r"\b(?:happy|excited|thrilled|glad|proud|engaged|pregnant|promot\w*|accepted|won|passed"
    r"|married|got\s+(?:the|a|my|into)|hired|finally|yay|woo+h?o+|best\s+day"
    # what the seeker achieved: "I aced my calc final", "I ran my first 10k", "my band's
    # first gig went amazing", "I did it"
    r"|aced|nailed|crushed|finished|completed|graduated|ran\s+(?:my|a|the|\d)"
    r"|went\s+(?:(?:so|really|super)\s+)?(?:amazing|amazingly|great|well|perfectly|brilliantly"
    r"|fine|awesome)|(?:my|our|[a-z]+['\u2019]s)\s+first|did\s+it)\b",
    re.IGNORECASE,
)
#: Mockery of their sorrow, whatever they told ("Boo hoo", "skill issue", "go touch grass",
#: "sucks to be you", "cry about it", "you played yourself", "Want a medal?", "the horror"):
#: not "it's not a skill issue", which is a longer clause.
_MOCKING = re.compile(
    _OPENERS + r"(?:boo+\s*-?\s*hoo+|cry\s+me\s+a\s+river|(?:wah|waa)+h*"
    r"|(?:get\s+)?the\s+world['\u2019]?s\s+smallest\s+violin"
    r"|(?:(?:sounds\s+like\s+)?(?:a\s+)?|major\s+|huge\s+)skill\s+issue"
    r"|(?:(?:just|maybe|pls|please)\s+)?(?:go\s+)?touch\s+(?:some\s+)?grass"
    r"|sucks\s+to\s+(?:be\s+(?:you|u)|suck)|(?:go\s+)?cry\s+(?:about\s+it|harder)"
    r"|cope\s+(?:harder|and\s+seethe)|git\s+gud|womp\s+womp|stay\s+mad"
    # "Congrats, you played yourself", "play stupid games, win stupid prizes", "Want a medal?"
    r"|(?:well\s+)?(?:you|u)\s+(?:really\s+)?played\s+yourself|play\s+stupid\s+games"
    r"|win\s+stupid\s+prizes|(?:do\s+(?:you|u)\s+|(?:you|u)\s+)?want\s+a\s+(?:medal|cookie"
    r"|trophy|gold\s+star|prize|parade|pat\s+on\s+the\s+back)(?:\s+or\s+something)?"
    r"|the\s+(?:horror|humanity)|first\s+world\s+problems"
    # "Totally normal behaviour lol" to what they told
    r"|(?:totally|perfectly|completely|very)\s+normal\s+(?:behaviou?r|thing\s+to\s+do)\s*"
    r"(?:lol|lmao|haha|/s))"
    r"\s*(?:lol|lmao|haha|tbh|bro|dude)?\s*",
    re.IGNORECASE,
)
#: A knowing remark on what they told, as if it were to be expected ("How typical.",
#: "Typical.", "Figures.", "Story of your life."); with "of you" aimed at the seeker ("How
#: typical of you"), which :data:`_AIMED` tells.
_KNOWING = re.compile(
    _OPENERS + r"(?:(?:how|so)\s+(?:very\s+)?typical(?:\s+of\s+(?:you|u))?|typical(?:\s+(?:you|u))?"
    r"|(?:that\s+|it\s+)?figures|(?:the\s+)?story\s+of\s+(?:your|ur)\s+life"
    r"|of\s+course\s+(?:you|u)\s+(?:did|do|would|are|were|have|had)(?:n['\u2019]?t)?)"
    r"\s*(?:lol|lmao|haha|smh|honestly|tbh)?\s*",
    re.IGNORECASE,
)
#: A knowing remark aimed at the seeker: it counts beside other words too ("Of course you
#: did. Maybe listen next time.").
_AIMED = re.compile(
    r"\b(?:of\s+(?:you|u)|typical\s+(?:you|u)|of\s+course\s+(?:you|u))\b", re.IGNORECASE
)
#: Bare praise, feigned where it answers a mishap ("Great job.", "Really nailed it", "Nice
#: going", "Well done", "Way to go", "Smooth move", "Bravo", "Congrats."); not praise of
#: something ("Great job reaching out"), which is a longer clause.
_PRAISE = re.compile(
    _OPENERS + r"(?:(?:really\s+|you\s+(?:really\s+)?)?nailed\s+it|(?:(?:great|good|nice|amazing"
    r"|excellent|fantastic|stellar|top\s+notch)\s+(?:job|work|going|one|move)"
    r"|well\s+done|way\s+to\s+go|smooth(?:\s+move)?|real\s+smooth|bravo|genius|slow\s+clap"
    r"|congrats|congratulations)"
    r"(?:\s+(?:there|buddy|champ|mate|bro|genius|again))?)\s*(?:lol|lmao|haha)?\s*",
    re.IGNORECASE,
)
#: A mishap or failure the seeker tells of (what bare praise mocks): "I failed", "got
#: rejected", "crashed my car", "I relapsed", "messed up", and criticism or mishaps in other
#: words ("sent my draft back with red all over it", "tore my presentation apart", "I tripped
#: on stage", "I got a D", "got scammed").
_MISHAP = re.compile(
    r"\b(?:fail(?:ed|ing)?|flunk\w*|fired|rejected|dumped|crash(?:ed)?|wreck(?:ed)?|broke"
    r"|ruin(?:ed)?|(?:messed|screwed|fucked|effed)\s+(?:up|it)|blew\s+it|bombed|relaps\w*"
    r"|got\s+caught|overslept|forgot|lost|locked\s+(?:myself\s+)?out|kicked\s+out|suspended"
    r"|expelled|evicted|arrested|laid\s+off|let\s+go|missed|spilled|dropped\s+out"
    # criticism and other mishaps in other words: "my supervisor sent my draft back with red
    # all over it", "tore my presentation apart", "I tripped on stage", "I got a D"
    r"|(?:sent|handed|gave)\s+(?:it|(?:my|the|our)\s+(?:\w+\s+)?\w+)\s+back\s+(?:to\s+me\s+)?"
    r"(?:with|covered|full|marked|for)\b"
    r"|red\s+(?:ink\s+)?all\s+over|covered\s+in\s+red|(?:tore|ripped|torn)\s+(?:\w+\s+){0,3}?apart"
    r"|shredded|trashed|critici[sz]ed|scolded|yelled\s+at|laughed\s+at|chewed\s+out"
    r"|told\s+off|turned\s+down|tripped|fell\s+(?:down|over|off|on)|burn(?:ed|t)|scammed"
    r"|hacked|stolen|ghosted|blocked|towed|got\s+(?:an?\s+)?(?:(?-i:[DEF])|zero)"
    r"|(?:bad|low|terrible|awful)\s+(?:grade|mark|score|review))\b",
    re.IGNORECASE,
)
#: Grief feigned at what they told, as the whole reply: "wow what a tragedy", "gee, what a
#: shame", "what a tragedy lol", "how tragic lol"; not a plain "What a tragedy." nor one
#: beside more words ("What a tragedy. I'm so sorry."), which may be sincere.
_FEIGNED_GRIEF = re.compile(
    r"\s*(?:(?:oh|well)[\s,]+)?(?:(?:wow|gee|gosh|golly|welp)[\s,.!]+(?:just\s+)?(?:what|such)\s+an?"
    r"\s+(?:absolute\s+|total\s+|real\s+|utter\s+)?tragedy"
    r"|(?:gee|gosh|golly|welp)[\s,.!]+(?:just\s+)?(?:what|such)\s+an?\s+(?:absolute\s+|total\s+"
    r"|real\s+|utter\s+)?(?:catastrophe|disaster|shame|pity)"
    r"|(?:(?:what|such)\s+an?\s+(?:absolute\s+|total\s+|real\s+|utter\s+)?(?:tragedy|catastrophe"
    r"|disaster|shame|pity)|(?:how|so)\s+tragic)(?=\s*(?:lol|lmao|haha|/s)))"
    r"(?:\s*(?:lol|lmao|haha|smh|/s))?[\s.!]*",
    re.IGNORECASE,
)
#: Fillers a reply of a knowing remark or bare praise may hold beside it.
_FILLER = re.compile(
    r"\s*(?:(?:oh|wow|well|lol|lmao|haha|smh|yeah|ok|okay|so|and|honestly)\s*)*", re.IGNORECASE
)
#: Words one of the remarks holds: a reply with none is read no further (most replies).
_GATE = re.compile(
    r"\b(?:surpris|shock|original|unexpected|unique|who\s+(?:would|could)|boo+\s*-?\s*hoo|river"
    r"|violin|wa+h|skill\s+issue|grass|sucks\s+to|cry\s+(?:about|harder)|cope\s|git\s+gud"
    r"|womp|stay\s+mad|typical|figures|story\s+of|of\s+course\s+(?:you|u)\b|nailed"
    r"|played\s+yourself|stupid\s+(?:games|prizes)|want\s+a\s+\w|horror|humanity|first\s+world"
    r"|congrat|traged|tragic|catastroph|disaster|shame|pity|normal"
    r"|(?:great|good|nice|amazing|excellent|fantastic|stellar|notch)\s+(?:job|work|going|one"
    r"|move)|well\s+done|way\s+to\s+go|smooth|real\s+smooth|bravo|genius|slow\s+clap)",
    re.IGNORECASE,
)


def sarcasm(response: str, seeker: str) -> tuple[int, int] | None:
    """Start and end of the first clause of ``response`` that is a sarcastic remark and
    nothing more, None without one: mockery (:data:`_MOCKING`: "Boo hoo", "Cry me a
    river", "skill issue"), feigned surprise (:data:`_FEIGNED`: "What a surprise.", "How
    original.", "Shocker", "Who would have thought") said flat, beside no glad words
    (:data:`_GLAD`) and where the ``seeker``'s message tells no glad news
    (:data:`_GLAD_NEWS`: "What a surprise, I'm so happy for you!" to "I got engaged!" is
    sincere), feigned grief as the whole reply (:data:`_FEIGNED_GRIEF`: "wow what a
    tragedy"), a knowing remark (:data:`_KNOWING`: "How typical.", "Figures.") and bare
    praise (:data:`_PRAISE`: "Great job. Really nailed it") as :func:`_knowing` and
    :func:`_mocking_praise` read them; without any, sympathy overplayed for a small trouble
    (:func:`_mockery`: "My heart bleeds.", "someone call an ambulance") or doubt of it
    ("Ah yes, another handy flare-up right when there's a party")."""
    if _GATE.search(response) is None:
        return _mockery(response, seeker)  # most replies: no word the remarks need
    if _FEIGNED_GRIEF.fullmatch(response):
        lead = len(response) - len(response.lstrip())
        return lead, len(response.rstrip(" \t\n.!"))
    bounds = [0]
    for mark in CLAUSE_END.finditer(response):
        bounds += [mark.start(), mark.end()]
    bounds.append(len(response))
    clauses = list(zip(bounds[::2], bounds[1::2], strict=True))
    for start, stop in clauses:
        clause = response[start:stop]
        if (
            _MOCKING.fullmatch(clause)
            or (
                _FEIGNED.fullmatch(clause)
                and not response.startswith("!", stop)
                and _GLAD.search(response) is None
                and _GLAD_NEWS.search(seeker) is None
            )
            or _knowing(response, clause, clauses, seeker)
            or _mocking_praise(response, clause, clauses, seeker)
        ):
            lead = len(clause) - len(clause.lstrip())
            return start + lead, start + len(clause.rstrip())
    return _mockery(response, seeker)


def _mockery(response: str, seeker: str) -> tuple[int, int] | None:
    """Where ``response`` first mocks the ``seeker``'s trouble in longer words: sympathy
    overplayed for it (:func:`~carelens.analysis.reply_mock_sympathy.mock_sympathy`) or doubt
    of it as an excuse (:func:`~carelens.analysis.reply_doubt.doubted_excuse`); None
    without."""
    found = [at for at in (mock_sympathy(response, seeker), doubted_excuse(response, seeker)) if at]
    return min(found) if found else None


def _only(response: str, clauses: list[tuple[int, int]], remark: re.Pattern[str]) -> bool:
    """Whether every clause of ``response`` is a ``remark`` or a filler (:data:`_FILLER`)."""
    return all(
        remark.fullmatch(response, start, stop) or _FILLER.fullmatch(response, start, stop)
        for start, stop in clauses
    )


#: "Of course you do", "Of course you would": agreement that validates a feeling the seeker
#: tells (:data:`_FEELING_TOLD`: "I feel sick every time my phone rings") where the reply goes
#: on to say why ("Of course you do. When any call might be bad news, ...").
_OF_COURSE_NOW = re.compile(
    r"\s*(?:(?:oh|well|and)\s+)?of\s+course\s+(?:you|u)\s+(?:do|would|are|feel|get)\s*",
    re.IGNORECASE,
)
#: A longing or love the seeker tells ("I miss my dad", "I still love her", "I really miss
#: how things were"), which "Of course you do" validates even alone.
_LONGING = re.compile(
    r"\bI\s+(?:(?:still|really|just|so|really\s+do)\s+)*(?:miss|love|long\s+for|grieve)\b",
    re.IGNORECASE,
)
_FEELING_TOLD = re.compile(
    r"\bI\s+(?:feel|felt|get|am|cry|panic|worry|dread)\b|\bI['\u2019]m\b|\bmakes\s+me\b",
    re.IGNORECASE,
)


def _knowing(response: str, clause: str, clauses: list[tuple[int, int]], seeker: str) -> bool:
    """Whether ``clause`` is a knowing remark (:data:`_KNOWING`) that mocks: aimed at the
    seeker (:data:`_AIMED`: "How typical of you", "Of course you did") or the whole reply
    ("How typical.", "Figures lol"), beside no glad words and not to glad news; not
    agreement with a feeling they tell, said with more (:data:`_OF_COURSE_NOW`: "Of course
    you do. Your body learns to brace for it"), nor, even alone, with a longing they tell
    (:data:`_LONGING`: "Of course you do." to "I miss my dad")."""
    if _KNOWING.fullmatch(clause) is None:
        return False
    only = _only(response, clauses, _KNOWING)
    if _OF_COURSE_NOW.fullmatch(clause) and (
        _LONGING.search(seeker) or (not only and _FEELING_TOLD.search(seeker))
    ):
        return False
    return (
        (_AIMED.search(clause) is not None or only)
        and _GLAD.search(response) is None
        and _GLAD_NEWS.search(seeker) is None
    )


def _mocking_praise(
    response: str, clause: str, clauses: list[tuple[int, int]], seeker: str
) -> bool:
    """Whether ``clause`` is bare praise (:data:`_PRAISE`) that mocks: the whole reply, said
    flat (no "!", no emoji), to a message that ends on a mishap of the seeker's
    (:data:`_MISHAP` after any glad news: "I finished my thesis draft but it got
    rejected")."""
    if (
        _PRAISE.fullmatch(clause) is None
        or "!" in response
        or not _only(response, clauses, _PRAISE)  # so no glad words nor emoji beside it
    ):
        return False
    mishaps = [found.span() for found in _MISHAP.finditer(seeker)]
    if not mishaps:
        return False
    # glad news inside a mishap's words is none ("got a" in "I got a D")
    glad = [
        found.start()
        for found in _GLAD_NEWS.finditer(seeker)
        if not any(start <= found.start() < end for start, end in mishaps)
    ]
    return not glad or glad[-1] < mishaps[-1][0]
