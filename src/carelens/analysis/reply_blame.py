"""Blame, hostile questions and demeaning help in a helper's reply, in wording
:mod:`carelens.analysis.reply_putdowns` and :mod:`carelens.analysis.reply_contempt` do not
hold.

Warm words often come first and the blame after them ("I'm so sorry ... That said, there
were probably red flags you chose to ignore"), so these are read wherever they stand. The
recurring kinds of wording:

- their part in what happened pointed out: "red flags you chose to ignore", "you threw it
  all away", "it's probably partly your lifestyle", "meds aren't an excuse to let yourself
  go", "hopefully you've learned your lesson", "maybe there's a reason they didn't pick
  you", "I'm not sure why you thought it would work", "everyone knows that", "you knew he
  was married", "serves you right", "whose fault is that?";
- their feeling said to be about themselves: "stop making it about your guilt", "it's not
  all about you", "the world doesn't revolve around you", "do you ever think about anyone but
  yourself?";
- a verdict of drama: "bit dramatic to leave a wedding over nerves", "you're being a bit
  dramatic", "isn't that a little over the top?", "you're blowing it up into something
  bigger", "making a mountain out of a molehill";
- a habit held against them: "you'd just waste the time like you always do", "you always
  do this", "you never get your life together", "you can't manage your own life", "so
  what's the point";
- a hostile or rhetorical question: "did you even think about the people on the road?",
  "what do you think you're doing to push people away?", "have you thought about what
  you're doing wrong?", "is it really that hard?";
- a condition that blames: "people would hang out with you if you put yourself out there
  instead of posting about it", "they'd like you more if you stopped complaining";
- help that demeans: "you better not come crying to me", "this is the last time I bail you
  out", "if you finally admit you can't cope", "don't expect me to hold your hand", "put the
  crisps down".

Near misses the patterns leave alone: blame denied or lifted ("you didn't throw anything
away", "it's not about you, it's about his insecurity", "there's a reason they didn't tell
you: they wanted to protect you"), outrage at someone else ("that's a bit dramatic of
him"), a question that asks what happened or what they want ("did you even get to say
goodbye?", "have you thought about what you want?") and the seeker's fear said back ("you
feel like you threw it all away"). :mod:`carelens.analysis.rules` reads :func:`blame_spans`
as it reads the put-downs (``dismissive`` raised to 1, not after a negation, someone else's
words or quotation marks). The questions are not read for the ``exploration`` score, which
stays EPITOME's.
"""

from __future__ import annotations

import re

from carelens.analysis.reply_spans import needled_spans

#: Where a clause starts: the reply's start or after a mark that ends one.
_START = r"(?:^|(?<=[.!?,;:\n]))\s*"
#: The rest of a clause, up to its mark.
_REST = r"[^.!?\n,;]*"
#: Not a verdict on someone else ("that's a bit dramatic of him"; "of you" is one).
_NOT_OF_OTHERS = r"\b(?!\s+(?:of|for|from)\s+(?!(?:you|u|yourself)\b)\w)"
#: A verdict of drama on the seeker or on what they did.
_DRAMA = (
    r"(?:dramatic|overdramatic|melodramatic|over\s+the\s+top|hysterical|precious"
    r"|of\s+an\s+overreaction)"
)
#: Understatements that make a verdict of drama a judgment ("a bit", "kinda").
_A_BIT = r"(?:a\s+)?(?:bit|little|tad|kinda|kind\s+of|touch|wee\s+bit)"
#: Words of having done wrong that a habit is held against ("waste", "screw up").
_BAD_HABIT = (
    r"(?:wast\w*|screw\w*\s+(?:it\s+|this\s+|things\s+)?up|mess\w*\s+(?:it\s+|this\s+|things\s+)?up"
    r"|ruin\w*|blow\s+it|blew\s+it|quit\w*|give\s+up|gave\s+up|flake\w*|bail\w*|sabotag\w*)"
)
#: Each kind of blame, with words one of which a reply must hold (lower-cased) for it to be
#: looked for: most replies hold none, and are read no further.
_BLAME: tuple[tuple[tuple[str, ...], str], ...] = (
    # their part: "red flags you chose to ignore", "you chose to ignore the signs"
    (
        ("flags", "signs"),
        r"\b(?:red\s+flags|(?:warning\s+)?signs)\s+(?:that\s+)?(?:you|u)\s+(?:(?:chose|decided"
        r"|preferred|wanted)\s+(?:to\s+)?ignore|ignored|just\s+ignored)\b"
        + _REST
        + r"|\b(?:you|u)\s+(?:chose|decided)\s+(?:not\s+to\s+see|to\s+(?:ignore|overlook))\s+"
        r"(?:the\s+|all\s+(?:the\s+)?)?(?:red\s+flags|(?:warning\s+)?signs|warnings?)\b",
    ),
    # "you threw it all away", "you threw eight months away"
    (
        ("away",),
        r"\b(?:you|u)\s+(?:just\s+|really\s+|basically\s+)?(?:threw|thrown|tossed|pissed)\s+"
        r"(?:it|that|this|everything|it\s+all|all\s+(?:of\s+)?(?:it|that|this)|(?:\w+\s+){1,3}?"
        r"(?:months|years|weeks|days|sobriety|progress|chance|career))\s+away\b" + _REST,
    ),
    # "it's probably partly your lifestyle", "that's your own doing"
    (
        ("lifestyle", "diet", "attitude", "doing", "habits", "mindset", "drinking", "choices"),
        r"\b(?:it|that|this)(?:'s|\s+is|\s+was)\s+(?:(?:probably|prob|partly|mostly|largely"
        r"|kind\s+of|kinda|honestly|just|all|at\s+least\s+partly)\s+)*(?:your|ur)\s+(?:own\s+)?"
        r"(?:lifestyle|diet|attitude|doing|habits|mindset|drinking|choices\s+catching\s+up)\b",
    ),
    # "meds aren't an excuse to let yourself go", "you've let yourself go"
    (
        ("excuse",),
        r"\b(?:isn't|aren't|is\s+not|are\s+not|is\s+no|are\s+no|not)\s+an?\s+excuse\s+(?:to|for)"
        r"\s+(?:let(?:ting)?\s+yourself|being\b|be\b|not\b|stop|giv\w+\s+up|(?:you|u)\b)" + _REST,
    ),
    (
        ("yourself go",),
        r"\b(?:you(?:'ve|\s+have)?\s+(?:really\s+|just\s+|totally\s+)?|excuse\s+to\s+)let(?:ting)?"
        r"\s+yourself\s+go\b(?=\s*(?:[.!?,;:\n]|$))",
    ),
    # "you knew what you were getting into", "you left it to the last minute", "serves you
    # right", "you made your bed", "you only have yourself to blame", "you kind of brought
    # it on yourself", "you wouldn't be in this mess"
    (
        ("knew",),
        r"\b(?:you|u)\s+knew\s+(?:what\s+(?:you\s+were\s+getting\s+(?:into|yourself\s+into)|(?:he"
        r"|she|they|it)\s+(?:was|were)\s+like)|(?:he|she|they)\s+(?:was|were)\s+(?:married|taken"
        r"|engaged|seeing\s+someone|with\s+someone|an\s+addict|a\s+cheater|like\s+that))\b" + _REST,
    ),
    # "whose fault is that?", "do you ever think about anyone but yourself?"
    (
        ("whose fault", "but yourself", "other than yourself"),
        r"\bwhose\s+fault\s+(?:is|was)\s+(?:that|this|it)\b|\banyone\s+(?:but|other\s+than|except)"
        r"\s+yourself\b",
    ),
    # "don't expect me to hold your hand"
    (
        ("expect me",),
        r"\b(?:don't|do\s+not|never)\s+expect\s+me\s+to\b" + _REST,
    ),
    (
        ("last minute", "last second"),
        r"\b(?:you|u)\s+(?:did\s+)?(?:left|leave)\s+(?:it|everything|things)\s+(?:to|until|till"
        r"|'til)\s+the\s+last\s+(?:minute|second)\b",
    ),
    (
        ("serves", "bed", "blame"),
        r"\bserves\s+(?:you|u)\s+right\b|\b(?:you|u)\s+made\s+your\s+(?:own\s+)?bed\b"
        r"|\b(?:you|u)\s+(?:only\s+have|have\s+only|have\s+no\s*one\s+but|have\s+nobody\s+but)"
        r"\s+yourself\s+to\s+blame\b|\bnobody\s+to\s+blame\s+but\s+yourself\b",
    ),
    (
        ("brought",),
        r"\b(?:you|u)\s+(?:(?:kind\s+of|kinda|sort\s+of|basically|really|honestly|totally|pretty"
        r"\s+much|partly)\s+)+brought\s+(?:this|it|that|all\s+(?:of\s+)?this)\s+on\s+yourself\b",
    ),
    (
        ("wouldn't be in", "would not be in", "wouldnt be in"),
        r"\b(?:you|u)\s+(?:wouldn't|would\s+not|wouldnt)\s+be\s+in\s+(?:this|that|such\s+a)\s+"
        r"(?:mess|state|hole|pickle)\b",
    ),
    # a habit of overreacting: "you do tend to overreact to this stuff"
    (
        ("overreact", "over-react", "proportion", "exaggerate", "deal", "drama", "mountain"),
        r"\b(?:you|u)\s+(?:(?:do|really|always|kind\s+of|kinda|often|constantly)\s+)+(?:tend\s+"
        r"to\s+)?(?:overreact|over-react|blow\s+(?:things|it|everything|stuff)\s+out\s+of\s+"
        r"proportion|exaggerate|make\s+(?:a\s+)?(?:big\s+)?(?:deal|drama|mountains?)\s+(?:out"
        r"\s+of|of|about))\b" + _REST + r"|\b(?:you|u)\s+tend\s+to\s+(?:overreact|over-react"
        r"|blow\s+(?:things|it|everything|stuff)\s+out\s+of\s+proportion|exaggerate|make\s+"
        r"(?:a\s+)?(?:big\s+)?deal)\b" + _REST,
    ),
    # "that's what happens when you leave it late" (not "... when you love someone")
    (
        ("what happens", "what you get"),
        r"\b(?:that's|that\s+is|this\s+is|thats)\s+what\s+(?:happens|you\s+get)\s+when\s+(?:you"
        r"|u)\s+(?!(?:love|care|lose|grieve|miss|give|put\s+your\s+heart|trust)\b)" + _REST,
    ),
    # "hopefully you've learned your lesson"
    (("lesson",), r"\blearn(?:ed|t)?\s+your\s+lesson\b"),
    # "maybe there's a reason they didn't pick you" (not "... he didn't call")
    (
        ("reason",),
        r"\b(?:maybe|probably|must\s+be|surely|clearly)\s+(?:there(?:'s|\s+is|\s+was)\s+)?a\s+"
        r"reason\s+(?:why\s+)?(?:they|he|she|people|nobody|no\s+one|everyone|your\s+\w+)\s+"
        r"(?:didn't|don't|won't|never|doesn't|keeps?|left|dumped|chose|picked)\s+(?:[\w']+\s+)"
        r"{0,3}?(?:you|u)\b" + _REST,
    ),
    # "I'm not sure why you thought it would", "everyone knows that"
    (
        ("why you", "why u"),
        r"\b(?:not\s+sure|no\s+idea|don't\s+know|dunno|idk)\s+why\s+(?:you|u)\s+(?:ever\s+|even"
        r"\s+)?(?:thought|expected|believed|assumed)\s+(?:it|that|this|things|he|she|they|long"
        r"\s+distance)\s+(?:would|was\s+going\s+to|could|were\s+going\s+to)\b(?![^.!?\n]*\b(?:fault"
        r"|yourself|burden)\b)" + _REST,
    ),
    (
        ("knows", "could have", "could've"),
        r"\b(?:everyone|everybody|anyone|anybody)\s+(?:knows|could\s+(?:have\s+)?(?:told|seen))"
        r"\s+(?:that|this)(?=\s*(?:[.!?,;:\n]|$))",
    ),
    # their feeling made about them: "stop making it about your guilt", "it's not all about
    # you" (not "it's not about you, it's about his insecurity")
    (
        ("making", "all about", "everything is about"),
        r"\b(?:stop|quit|don't|do\s+not)\s+making\s+(?:it|this|that|everything)\s+(?:all\s+)?"
        r"about\s+(?:you|yourself|your\s+\w+)\b"
        r"|\b(?:it(?:'s|\s+is)|this\s+is|that's)\s+not\s+all\s+about\s+(?:you|u)\b"
        r"|\bnot\s+everything\s+is\s+about\s+(?:you|u)\b",
    ),
    (
        ("revolve",),
        r"\b(?:the\s+world|everything|life)\s+(?:doesn't|does\s+not)\s+revolve\s+around\s+"
        r"(?:you|u)\b",
    ),
    # drama: "Bit dramatic to leave a wedding", "you're being a bit dramatic", "you're kind of
    # overreacting" (not "that's a bit dramatic of him")
    (
        ("dramatic", "over the top", "hysterical", "precious", "overreaction"),
        _START + r"(?:(?:honestly|tbh|still|but|and|well|i\s+mean|ok|okay|come\s+on)[,\s]+)*"
        r"(?:(?:that|it|this)(?:'s|\s+is|\s+was|\s+seems|\s+sounds)\s+|isn't\s+(?:that|it|this)"
        r"\s+|(?:you|u)(?:'re|\s+are|\s+were)\s+(?:being\s+)?)?"
        + _A_BIT
        + r"\s+"
        + _DRAMA
        + _NOT_OF_OTHERS,
    ),
    (
        ("dramatic", "hysterical", "over the top", "reacting"),
        r"\b(?:you|u)(?:'re|\s+are)\s+(?:being\s+)?(?:(?:really|so|way|pretty|quite|rather|just"
        r"|a\s+bit|a\s+little|kinda|kind\s+of|a\s+tad)\s+)*(?:dramatic|overdramatic|melodramatic"
        r"|hysterical|over\s+the\s+top)\b"
        r"|\b(?:you|u)(?:'re|\s+are)\s+(?:(?:a\s+bit|a\s+little|kinda|kind\s+of|a\s+tad|totally"
        r"|massively|seriously|definitely)\s+)+over[-\s]?reacting\b",
    ),
    # "you're blowing it up into something bigger", "making a mountain out of a molehill"
    (
        ("blowing", "blew", "making", "mountain"),
        r"\b(?:you're|you\s+are|youre|ur|u\s+r)\s+(?:(?:kind\s+of|kinda|a\s+bit|just|really"
        r"|totally|maybe|probably|honestly|massively|completely)\s+)*(?:blowing|making)\s+(?:it"
        r"|this|that|things|everything|the\s+whole\s+thing)\s+(?:up\s+into\s+(?:something|a)\b"
        r"|out\s+of\s+(?:all\s+)?proportion|into\s+(?:a\s+(?:bigger\s+|huge\s+)?(?:deal|thing"
        r"|drama|crisis)|something\s+(?:bigger|it's\s+not|it\s+isn't)))[^.!?\n]*"
        r"|\bmak(?:e|es|ing)\s+(?:a\s+)?mountains?\s+out\s+of\s+(?:a\s+)?molehills?\b",
    ),
    # a habit: "you'd just waste the time like you always do", "you always do this", "you
    # never get your life together", "so what's the point"
    (
        ("always",),
        r"\b" + _BAD_HABIT + r"\b[^.!?\n,;]{0,40}?\blike\s+(?:you|u)\s+always\s+do\b"
        r"|\b(?:you|u)\s+always\s+(?:do\s+(?:this|that)|" + _BAD_HABIT + r")\b",
    ),
    (
        ("together",),
        r"\b(?:you|u)\s+(?:never|still\s+(?:haven't|can't|don't))\s+(?:get|got|have)\s+your\s+"
        r"(?:life|act|shit|stuff)\s+together\b",
    ),
    (
        ("own ",),
        r"\b(?:you|u)\s+(?:can't|cannot|can\s+not|couldn't)\s+(?:even\s+)?(?:manage|run|handle"
        r"|sort\s+out|organi[sz]e)\s+your\s+own\s+(?:life|money|finances|affairs|time)\b",
    ),
    (("point",), r"\bso\s+what(?:'s|\s+is)\s+the\s+point(?=\s*(?:[.!?;\n]|$))"),
    # hostile questions: "did you even think about the people on the road?", "why are you
    # even upset about this?", "what do you think you're doing to push people away?", "is it
    # really that hard?" (not "did you even get to say goodbye?", "is it really that hard for
    # them to call you back?")
    (
        (
            "even upset",
            "even sad",
            "even crying",
            "even bothered",
            "even worried",
            "even stressed",
            "even mad",
            "even angry",
            "even surprised",
            "even care",
            "even think",
            "even consider",
            "even bother",
            "even stop",
            "even listen",
            "even try",
        ),
        r"\bwhy\s+(?:are|r)\s+(?:you|u)\s+even\s+(?:upset|sad|crying|bothered|worried|stressed"
        r"|mad|angry|surprised)\b" + _REST + r"|\bwhy\s+do\s+(?:you|u)\s+even\s+care\b"
        r"|\bdid\s+(?:you|u)\s+even\s+(?:think|consider|care|bother|stop\s+to\s+think|listen"
        r"|try)\b" + _REST,
    ),
    (
        ("doing",),
        r"\bwhat\s+(?:do\s+(?:you|u)\s+think\s+)?(?:you(?:'re|\s+are)|are\s+(?:you|u))\s+doing\s+"
        r"(?:wrong|to\s+(?:push|drive|scare|chase|turn|keep)\s+(?:people|them|him|her|everyone"
        r"|others|friends|\w+)\s+(?:away|off))\b",
    ),
    (
        ("hard", "difficult", "complicated"),
        r"\bis\s+(?:it|that)\s+(?:really|honestly|seriously|actually|truly)\s+(?:that|so)\s+(?:hard"
        r"|difficult|complicated)\b(?!\s+for\s+(?!(?:you|u)\b))",
    ),
    # a condition that blames: "people would hang out with you if you put yourself out there
    # instead of posting about it", "they'd like you more if you stopped complaining"
    (
        ("instead of", "stopped", "quit", "weren't", "didn't", "out there", "effort", "harder"),
        r"\b(?:would|might|'d)\s+(?:\w+\s+){0,4}?(?:you|u)\s+(?:more\s+|better\s+)?if\s+(?:you|u)"
        r"\s+(?:(?:just\s+|actually\s+)?(?:stopped|quit|weren't|didn't|put\s+yourself\s+out\s+"
        r"there|made\s+(?:an|more|some)\s+effort|tried\s+harder)\b|[^.!?\n,;]{0,50}?\binstead"
        r"\s+of\s+[a-z]+ing\b)" + _REST,
    ),
    # help that demeans: "you better not come crying to me", "the last time I bail you out",
    # "only if you don't cry", "this is the last time", "not like you'd manage on your own"
    (
        ("come crying", "come running"),
        r"\b(?:(?:you|u)(?:'d|\s+had)?\s+better\s+not|don't|do\s+not|never)\s+come\s+(?:crying"
        r"|running)\s+(?:back\s+)?to\s+me\b" + _REST,
    ),
    (
        ("last time", "final time"),
        r"\b(?:the\s+)?last\s+time\s+I\s+(?:ever\s+)?(?:bail|rescue|cover\s+for|clean\s+up|lend"
        r"|help|do\s+this|do\s+that|pay|pick\s+up\s+after)\b"
        + _REST
        + r"|\bthis\s+is\s+the\s+(?:last|final)\s+time(?=\s*(?:[.!?,;:\n]|$))",
    ),
    (
        ("only if", "finally", "actually"),
        r"\bonly\s+if\s+(?:you|u)\s+(?:don't|stop|promise|quit|finally|actually)\b"
        + _REST
        + r"|\b(?:if|once|as\s+long\s+as|provided)\s+(?:you|u)\s+(?:(?:finally|actually)\s+"
        r"(?:admit|accept|listen|grow\s+up|learn)|finally\s+stop)\b" + _REST,
    ),
    (
        ("not like", "not that"),
        r"\bnot\s+(?:like|that)\s+(?:you|u)(?:'d|\s+would|\s+could|\s+can)\s+(?:ever\s+)?(?:manage"
        r"|cope|handle|do\s+it)\b" + _REST,
    ),
    (("pick",), r"\b(?:you|u)\s+(?:really|sure)\s+know\s+how\s+to\s+pick\s+(?:them|em|'em)\b"),
    (
        ("don't be", "dont be"),
        r"\bdon'?t\s+be\s+(?:so\s+|such\s+)?(?:(?:a|an)\s+(?:baby|crybaby|wimp|drama\s+queen"
        r"|snowflake)|dramatic|overdramatic|melodramatic|sensitive|hysterical)\b",
    ),
    (
        ("grateful", "thankful"),
        r"\bbe\s+(?:grateful|thankful)\s+(?:that\s+)?(?:you|u)\s+(?:even\s+)?(?:have|got|had)\b",
    ),
    (
        ("down",),
        _START + r"(?:(?:then|so|just|maybe)\s+)*put\s+(?:the|that|those|your)\s+(?:crisps|chips"
        r"|fork|cake|donuts?|doughnuts?|cookies|biscuits|snacks|sweets|candy|pizza|burgers?"
        r"|bottle|beers?|booze|drink|wine)\s+down\b",
    ),
)
#: Each kind of blame's pattern, after the words it needs (one search of the lower-cased
#: reply).
_PATTERNS = [
    (re.compile("|".join(map(re.escape, needles))), re.compile(p, re.IGNORECASE))
    for needles, p in _BLAME
]
#: Words right before a stretch that tell it as the seeker's own fear or sense, or someone
#: else's ("you feel like you threw it all away", "you're scared it's your lifestyle", "it
#: might feel like", "you think you should be over it"); not the helper's own opinion ("I
#: feel like you're being dramatic", "I think you need to move on").
_FELT_BEFORE = re.compile(
    r"(?<!\bi\s)(?<!\bi\sjust\s)(?<!\bi\sreally\s)(?<!\bi\shonestly\s)"
    r"\b(?:feel|feels|felt|feeling|seem|seems|seemed|worry|worried|worrying|afraid|scared"
    r"|fear|fearing|wonder|wondering)\s+(?:like\s+|that\s+|as\s+if\s+)?$"
    r"|\b(?:you|u|they|people|everyone|others)\s+(?:\w+\s+)?(?:think|thinks|thinking|thought)\s+"
    r"(?:that\s+)?$",
    re.IGNORECASE,
)


def blame_spans(response: str) -> list[tuple[int, int]]:
    """Start and end of each stretch of ``response`` that blames the seeker, asks a hostile
    question or demeans the help it offers (:data:`_BLAME`), white space at its ends left
    out, in order (:func:`carelens.analysis.reply_spans.needled_spans`); not where it is told
    as the seeker's own fear (:func:`felt_before`: "you feel like you threw it all away").
    The caller reads negation and quotation before them."""
    return needled_spans(response, _PATTERNS, unless=felt_before)


def felt_before(text: str, at: int) -> bool:
    """Whether the words at ``at`` of ``text`` come right after words that tell them as the
    seeker's own fear or sense, or the helper's guess (:data:`_FELT_BEFORE`: "you feel like
    you threw it all away", "does it feel like people think ...")."""
    return _FELT_BEFORE.search(text, max(0, at - 30), at) is not None
