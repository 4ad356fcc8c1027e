"""Reproach in a helper's reply: hindsight blame, siding with whoever hurt the seeker,
minimising by comparison or by telling them their feeling is no use, and shaming questions,
in wording :mod:`carelens.analysis.reply_putdowns`, :mod:`carelens.analysis.reply_blame` and
:mod:`carelens.analysis.reply_contempt` do not hold.

Such a sentence often follows warm words ("I'm so sorry, that's brutal. But honestly ...")
and is read wherever it stands. The recurring kinds of wording:

- hindsight blame: "you really should have asked for a deposit", "you should've learned the
  language before moving", "if you'd trained her properly from day one", "some of this is
  on you", "this one's kind of on you", "was always going to catch up with you", "you knew
  that going in", "you did choose to take those loans", "ask yourself what you were choosing
  to ignore", "you have to wonder why anyone would send money";
- siding with whoever hurt them: "you can't really blame her", "I kinda get why he
  snapped", "he's not totally wrong", "you can't expect them to remember everything",
  "Maybe she's got a point" (not "... a point about you needing a break");
- a verdict on them or a doubt of what they saw: "you probably have been a bit snippy",
  "you might just be reading into it", "are you sure you're not just being clingy?";
- minimising: "nine grand isn't that much in the grand scheme of things", "plenty of
  couples owe way more", "lots of people just take a painkiller and push through", "being
  angry doesn't really help anything", "you should be used to this stuff by now", "not
  worth getting down over", "kind of a lot to cry at work over a hamster", "quit comparing
  and be grateful", "plenty of people would kill for a degree", "don't make a whole thing
  of it";
- a shaming question: "how do you not remember spending that much?", "were you even paying
  attention?", "or is that too obvious?", "four years and you never once asked him?",
  "what did you expect when you married him?", "are you waiting for friends to just knock
  on your door?".

Near misses the patterns leave alone: what others should have done ("they should have told
you", "you should have been told"), the helper's own part ("you should've called me"),
comfort about the seeker's self-blame ("you can't blame yourself", "you can't expect
yourself to know"), encouragement about a step ("it isn't that much to ask"), a kind
question ("are you sure you're not hurt?", "are you even sleeping?") and the seeker's
struggle named ("lots of people struggle to push through this"). :mod:`carelens.analysis.rules`
reads :func:`reproach_spans` as it reads the put-downs (``dismissive`` raised to 1, not
after a negation, someone else's words or quotation marks).
"""

from __future__ import annotations

import re

from carelens.analysis.reply_spans import gated_spans

#: The rest of a clause, up to its mark.
_REST = r"[^.!?\n,;]*"
#: Adverbs that may soften a reproach ("you really should have", "kind of on you").
_SOFT = r"(?:(?:really|honestly|probably|kind\s+of|kinda|sort\s+of|a\s+bit|partly|just|all)\s+)*"
#: What a seeker "should have" done in hindsight: planning, care, learning, asking ("should've
#: seen this coming" is left to :func:`carelens.analysis.reply_judging.judging_words`, which
#: reads it with the message).
_HINDSIGHT_VERBS = (
    r"(?:prepared|planned|asked\s+for|learn(?:ed|t)|checked|double[-\s]checked|read|proofread"
    r"|saved|budgeted|listened|trained|studied|thought|pushed|noticed|known\s+better|left\s+(?:him|her|them|sooner|earlier)|been\s+(?:more\s+)?"
    r"(?:careful|prepared|responsible|organi[sz]ed)|paid\s+attention|got\s+(?:it\s+)?in\s+writing"
    r"|started|gone\s+to\s+(?:a|the)\s+doctor)"
)
#: A feeling they are told is of no use ("being angry doesn't really help anything").
_USELESS_FEELING = (
    r"(?:(?:being|getting|staying|feeling)\s+(?:so\s+)?(?:angry|upset|sad|mad|bitter|down"
    r"|worked\s+up|resentful)|crying|dwelling|moping|sulking|whining|complaining)"
)
_REPROACH = (
    # hindsight blame: "you really should have asked for a deposit", "you should've learned
    # the language", "the sort of thing you really should have prepared for"
    r"\b(?:you|u)\s+" + _SOFT + r"should(?:'ve|\s+have|a)\s+" + _SOFT + _HINDSIGHT_VERBS + r"\b"
    r"(?!\s+(?:me|to\s+me)\b)" + _REST,
    # "you should be proofreading better", "you should really learn to manage your money"
    r"\b(?:you|u)\s+"
    + _SOFT
    + r"should\s+"
    + _SOFT
    + r"be\s+\w+ing\s+(?:better|more\s+carefully)\b",
    r"\b(?:learn|learned|learnt)\s+to\s+(?:manage|budget|plan|handle|organi[sz]e)\s+(?:your\s+)?"
    r"(?:money|finances|time|spending)\b" + _REST,
    # "if you'd trained her properly from day one this wouldn't be happening"
    r"\bif\s+(?:you|u)(?:'d|\s+had)\s+[^.!?\n]{0,50}?\b(?:properly|earlier|sooner|from\s+(?:day"
    r"\s+one|the\s+start|the\s+beginning)|in\s+the\s+first\s+place)\b[^.!?\n]*",
    # "some of this is on you", "this one's kind of on you", "that part's on you"
    r"\b(?:(?:some|part|most|all)\s+of\s+(?:this|that|it)|this(?:\s+one|\s+part)?|that(?:\s+one"
    r"|\s+part)?)(?:'s|\s+is)\s+" + _SOFT + r"on\s+(?:you|u)\b",
    r"\b(?:was|were|is)\s+always\s+going\s+to\s+(?:catch\s+up\s+with|come\s+back\s+to\s+bite)"
    r"\s+(?:you|u)\b",
    r"\b(?:you|u)\s+knew\s+(?:that|this|it|the\s+risks?|what\s+you\s+were\s+getting\s+into)\s+"
    r"(?:going\s+in|when\s+you|before\s+you)\b" + _REST,
    r"\b(?:you|u)\s+did\s+choose\s+to\b" + _REST + r"|\b(?:you|u)\s+signed\s+up\s+for\s+(?:this"
    r"|it|that)\b",
    r"\bask\s+yourself\s+(?:what|why)\s+(?:you|u)\s+(?:were|did|kept|chose|let|missed|ignored)\b"
    + _REST,
    r"\bwonder\s+why\s+(?:you|anyone|anybody|someone)\s+would\s+(?:ever\s+)?(?:send|give|lend"
    r"|trust|pay|believe|fall|buy|sign|agree|wire|transfer)\b" + _REST,
    # siding with whoever hurt them: "you can't really blame her", "I kinda get why he
    # snapped", "he's not totally wrong", "you can't expect them to remember everything"
    r"\b(?:you|u)\s+can(?:'t|not|\s+not)\s+(?:really\s+)?blame\s+(?:her|him|them|the\s+\w+)\b",
    r"\bI\s+" + _SOFT + r"(?:get|see|understand)\s+why\s+(?:he|she|they|your\s+\w+)\s+(?:snapped"
    r"|yelled|shouted|lost\s+(?:it|(?:his|her|their)\s+temper)|got\s+(?:mad|angry|annoyed"
    r"|frustrated|fed\s+up)|was\s+(?:annoyed|mad|angry|frustrated|fed\s+up)|were\s+(?:annoyed"
    r"|mad|angry|frustrated|fed\s+up))\b",
    r"\b(?:he|she|they|your\s+\w+)(?:'s|'re|\s+is|\s+are|\s+was|\s+were)\s+not\s+(?:totally"
    r"|entirely|completely|wholly|all\s+that|exactly|100%)\s+wrong\b",
    r"\b(?:you|u)\s+can(?:'t|not|\s+not)\s+(?:really\s+)?expect\s+(?:them|people|everyone"
    r"|everybody|others|him|her|the\s+world)\s+to\b" + _REST,
    # a verdict or a doubt: "you probably have been a bit snippy", "you might just be reading
    # into it", "are you sure you're not just being clingy?"
    r"\b(?:you|u)\s+(?:probably|might|may|must)\s+(?:have\s+)?(?:been|be)\s+(?:(?:a\s+bit|a\s+little"
    r"|kind\s+of|kinda|too|pretty|quite)\s+)+(?:snippy|clingy|needy|rude|harsh|moody|negative"
    r"|dramatic|sensitive|difficult|touchy|defensive|short|much|intense|grumpy|cold)\b",
    r"\b(?:you|u)(?:'re|\s+are|\s+might|\s+may|\s+could)?\s+(?:just\s+)?(?:be\s+)?(?:just\s+)?"
    r"reading\s+(?:too\s+much\s+)?into\s+(?:it|this|that|things)\b",
    r"\bare\s+(?:you|u)\s+sure\s+(?:you're|you\s+are|ur)\s+not\s+(?:just\s+)?(?:being\s+\w+"
    r"|overreacting|exaggerating|imagining|making|reading|the\s+(?:problem|one))\b" + _REST,
    # minimising: "nine grand isn't that much in the grand scheme of things", "plenty of
    # couples owe way more", "lots of people just take a painkiller and push through"
    r"\b(?:isn't|is\s+not|aren't|are\s+not|wasn't|not)\s+(?:really\s+)?(?:that|so|all\s+that)\s+"
    r"(?:much|big|bad|serious|important|long)\b[^.!?\n]{0,25}?\bin\s+the\s+grand\s+scheme"
    r"(?:\s+of\s+things)?",
    r"\b(?:plenty|lots|loads|tons)\s+of\s+(?:people|couples|families|folks|others|kids|parents)\s+"
    r"(?:\w+\s+){1,2}(?:way|much|far|a\s+lot)\s+(?:more|worse)\b",
    r"\b(?:(?:plenty|lots|loads|tons)\s+of|most)\s+people\s+(?:just\s+)?(?!struggle|can't|cannot"
    r"|find)[^.!?\n]{0,40}?\b(?:push(?:es)?\s+through|get\s+on\s+with\s+it|deal\s+with\s+it"
    r"|manage\s+(?:just\s+)?fine|suck\s+it\s+up)\b",
    r"\b(?:plenty|lots|loads|tons)\s+of\s+people\s+would\s+(?:kill|give\s+anything|love)\s+"
    r"(?:for|to)\b" + _REST,
    r"\b(?:(?:quit|stop)\s+\w+\s+and|just)\s+be\s+(?:more\s+)?grateful\b" + _REST,
    r"\b" + _USELESS_FEELING + r"\s+(?:about\s+it\s+|over\s+it\s+)?(?:doesn't|does\s+not|won't"
    r"|will\s+not|isn't\s+going\s+to|is\s+not\s+going\s+to)\s+(?:really\s+)?(?:help|change"
    r"|fix|solve)\b" + _REST,
    r"\bthere(?:'s|\s+is)\s+no\s+(?:point|use|sense)\s+(?:in\s+)?"
    + _USELESS_FEELING
    + r"\b"
    + _REST,
    r"\b(?:you|u)\s+(?:should|ought\s+to)\s+(?:really\s+)?be\s+used\s+to\s+(?:this|it|that)\b"
    + _REST,
    r"\bnot\s+worth\s+getting\s+(?:so\s+)?(?:down|sad|upset|bent\s+out\s+of\s+shape)\b" + _REST,
    r"\b(?:kind\s+of|kinda|a\s+bit|bit)\s+(?:a\s+lot|much|extreme|excessive|over\s+the\s+top)\s+"
    r"to\s+(?:cry|get\s+(?:upset|worked\s+up)|be\s+(?:upset|sad)|freak\s+out|grieve)\b"
    + r"[^.!?\n]*",
    r"\bdon't\s+make\s+(?:a\s+)?(?:whole\s+|big\s+)?(?:thing|deal|drama|fuss)\s+(?:of|out\s+of"
    r"|about)\s+(?:it|this|that)\b",
    # a shaming question: "How do you not remember spending that much money?", "Were you
    # even paying attention?", "Or is that too obvious?"
    r"\bhow\s+(?:do|did|could|can)\s+(?:you|u)\s+not\s+(?:remember|know|notice|see|realise"
    r"|realize|check|read)\b[^.!?\n]*\?",
    r"\b(?:were|are|did|do)\s+(?:you|u)\s+even\s+(?:paying\s+attention|listening|trying|thinking"
    r"|looking|reading|checking|bothering)\b[^.!?\n]*\?",
    r"\bor\s+is\s+(?:that|it|this)\s+(?:too\s+(?:obvious|hard|much\s+to\s+ask|simple"
    r"|complicated)|asking\s+too\s+much)\s*\?",
    r"\b(?:you|u)\s+(?:didn't|did\s+not|never)\s+(?:once\s+|even\s+)?(?:see|saw|notice|noticed"
    r"|catch|caught|spot|spotted|pick(?:ed)?\s+up\s+on|ask|asked|check|checked)\b[^.!?\n]*\?",
    r"\bwhat\s+did\s+(?:you|u)\s+expect\s+when\s+(?:you|u)\s+(?:married|signed|moved|took|chose"
    r"|agreed|had|started|got)\b[^.!?\n]*",
    r"\bisn't\s+(?:she|he|it|that|this)\s+your\s+(?:family\s+now|job|responsibility|problem)\b"
    r"[^.!?\n]*\?",
    r"\b(?:waiting|expecting|hoping)\s+(?:for\s+)?(?:[\w']+\s+){1,3}to\s+(?:just\s+|magically\s+)?"
    r"(?:knock\s+on\s+your\s+door|fall\s+into\s+your\s+lap|come\s+to\s+you|show\s+up\s+at\s+your"
    r"\s+door)\b[^.!?\n]*",
    # siding with whoever hurt them: "Maybe she's got a point", "tbh he has a point"
    r"\b(?:maybe|perhaps|i\s+think|i\s+mean|honestly|tbh|to\s+be\s+fair)\s*,?\s+(?:she|he|they"
    r"|your\s+\w+)\s*(?:'s|\s+has|'ve|\s+have|\s+might\s+have|\s+may\s+have|\s+does\s+have)\s+"
    r"(?:got\s+)?(?:a\s+(?:bit\s+of\s+a\s+)?(?:point|fair\s+point))\b(?!\s+about\s+(?:you\s+)?"
    r"(?:needing|taking|getting|having)\s+(?:a\s+|some\s+)?(?:break|rest|help|support|time\s+off))",
)
_PATTERNS = [re.compile(p, re.IGNORECASE) for p in _REPROACH]
#: Words one of the patterns needs: a reply with none is read no further (most replies).
_GATE = re.compile(
    r"should|if you|if u|on you|on u|always going|knew|choose|signed up|ask yourself|wonder"
    r"|blame|why|wrong|expect|been|reading|sure|grand scheme|plenty|lots|loads|tons|most of"
    r"|grateful|ought|used to|help|change|fix|solve|no point|no use|no sense|worth|a lot to"
    r"|much to|extreme"
    r"|excessive|over the top|make a|most people|not remember|not know|not notice|not see|not reali"
    r"|not check|not read|even|obvious|asking too|didn't|did not|never|isn't|waiting|hoping"
    r"|point",
)


def reproach_spans(response: str) -> list[tuple[int, int]]:
    """Start and end of each reproach in ``response`` (:data:`_REPROACH`), white space at
    its ends left out, in order (:func:`carelens.analysis.reply_spans.gated_spans`); the
    caller reads negation and quotation before them."""
    return gated_spans(response, _GATE, _PATTERNS)
