"""Brush-offs in a helper's reply: words that wave the seeker's feeling away rather than blame
them, in wording :mod:`carelens.analysis.reply_putdowns` does not hold.

The codebook counts minimising as dismissal ("it's just a dog", "at least ..."). Beside the
phrases :mod:`carelens.analysis.rules` and :mod:`carelens.analysis.reply_putdowns` read,
helpers wave a feeling away in a few more recurring kinds of wording:

- a platitude: "everything happens for a reason", "it is what it is", "look on the bright
  side", "just stay positive", "worse things happen", "loads of people have it harder than
  you", "first world problem", "you'll live", a loss every life holds ("Happens to all of us
  eventually.", "we all die sometime"), a diagnosis said to be everyone's ("Everyone's on the
  spectrum these days", "we're all a bit OCD");
- the feeling said to be pointless or small: "no point being upset about it", "nothing to
  cry about", "it's just an anniversary", "it's probably just stress", "therapists are all
  basically the same", "whatever, ..." to open a reply;
- an order to stop feeling it or to put up with it: "stop stressing", "stop overthinking
  it", "snap out of it", "just deal with it", "you'll have to deal", "you need to let it
  go", "get used to it", "you just have to get on with it like the rest of us", gratitude
  ordered ("so honestly, be grateful", "kids in some countries don't even get to go to
  school");
- a replacement offered for what they lost: "get another one", "you can always have
  another baby", "plenty of fish in the sea", "there are billions of other girls", "You'll
  find another.";
- agreement that others tire of them: "people do get tired of hearing about the same
  thing", "maybe give them a break";
- a curt reply that is no answer: "k", "ok?", "so?", "whatever", "lol", or a shrug alone:
  "Happens.", "That's life.", "Oh well.", and no time given with someone else sent for
  ("busy rn, try the helpline").

Near misses the patterns leave alone: comfort ("there's no point blaming yourself" is not a
feeling waved away, "give yourself a break", "it's okay to let it go when you're ready"),
the same words about the helper ("it took me months to snap out of it") or in a question
that asks ("are you able to let it go?"), outrage on their side ("ugh, men are all the
same"), hope with a reason ("you'll find another job that values you"), comfort in common
lot ("we all have bad days, be gentle with yourself") and a busy helper who comes back ("I'm
busy right now but call me tonight"). :mod:`carelens.analysis.rules` reads
:func:`brushoff_spans` as it reads the put-downs (``dismissive`` raised to 1, and not where a
negation, someone else's words or quotation marks come before them: "don't let anyone tell
you to just deal with it").
"""

from __future__ import annotations

import re

from carelens.analysis.reply_blame import felt_before
from carelens.analysis.reply_spans import needled_spans, straight

#: Where a clause starts: the reply's start or after a mark that ends one.
_START = r"(?:^|(?<=[.!?,;:\n]))\s*"
#: Where a clause ends: a mark, the reply's end, or a casual tag before one.
_END = r"(?=\s*(?:lol|lmao|tbh|though|tho|honestly|man|dude|mate|hun)?\s*(?:[.!?,;:\n]|$))"
#: The rest of a clause, up to its mark.
_REST = r"[^.!?\n,;]*"
#: Where an order is said to the seeker: a clause's start, "just", or "you need to".
_TO_YOU = (
    r"(?:" + _START + r"(?:(?:honestly|seriously|so|then|and|but|now|look|maybe|mate|dude|hun"
    r"|babe)[,\s]+)*|(?<!\bi\s)(?<!\bwe\s)(?<!\bhe\s)(?<!\bshe\s)(?<!\bthey\s)\bjust\s+"
    r"|\b(?:you|u)\s+(?:(?:just|really|kind\s+of|kinda|honestly|simply|will|'ll)\s+)*"
    r"(?:need\s+to|have\s+to|gotta|got\s+to|should|must|better)\s+)(?:just\s+)?"
)
#: Feelings a brush-off calls pointless ("no point being upset").
_UPSET = (
    r"(?:upset|sad|down|angry|mad|worked\s+up|stressed|anxious|worried|scared|hurt|bitter"
    r"|jealous|embarrassed|ashamed|gutted|miserable)"
)
#: Small things a brush-off says the seeker's loss or trouble only was ("it's just an
#: anniversary", "it was only one exam").
_SMALL_THINGS = (
    r"(?:anniversary|birthday|dinner|party|game|match|exam|test|quiz|grade|haircut|date|holiday"
    r"|trip|wedding|dance|prom|concert|promotion|crush|fling|hamster|goldfish|fish|bird|rabbit"
    r"|guinea\s+pig|car|phone|job|pet|dog|cat|breakup|break\s+up|rejection)"
)
#: What a helper offers as a replacement for what was lost.
_REPLACEMENTS = (
    r"(?:one|dog|cat|pet|puppy|kitten|hamster|baby|kid|child|boyfriend|girlfriend|bf|gf"
    r"|partner|guy|girl|man|woman|husband|wife)"
)
#: Each brush-off, with words one of which a reply must hold (lower-cased) for it to be
#: looked for: most replies hold none, and are read no further.
_BRUSHOFFS: tuple[tuple[tuple[str, ...], str], ...] = (
    # a platitude: "everything happens for a reason", "it is what it is"
    (
        ("reason",),
        r"\b(?:everything|things|it\s+all|all\s+things)\s+happens?\s+for\s+a\s+reason\b",
    ),
    (
        ("what it is",),
        _START + r"(?:(?:well|honestly|but|and|so|look|eh|meh)[,\s]+)*it\s+is\s+what\s+it\s+is\b",
    ),
    (("bright",), r"\blook\s+on\s+the\s+bright\s+side\b"),
    (("worse things",), r"\bworse\s+things\s+happen\b"),
    (
        ("harder", "worse"),
        r"\b(?:loads\s+of|lots\s+of|plenty\s+of|many|most|so\s+many)\s+people\s+have\s+it\s+"
        r"(?:much\s+|way\s+|so\s+much\s+|a\s+lot\s+|far\s+)?(?:harder|worse)\b" + _REST,
    ),
    (("world problem",), r"\b(?:a\s+)?first[-\s]world\s+problems?\b"),
    (
        ("live", "survive"),
        _START + r"(?:(?:eh|meh|well|honestly|relax|chill)[,\s]+)*(?:you'll|you\s+will|u'll)\s+"
        r"(?:live|survive)" + _END,
    ),
    (("positive", "vibes"), r"\bjust\s+(?:stay|think|be)\s+positive\b|\bgood\s+vibes\s+only\b"),
    (
        ("that's life", "thats life", "that is life", "such is life"),
        _START + r"(?:(?:well|oh\s+well|eh|meh|honestly)[,\s]+)*(?:that's|that\s+is|thats|such"
        r"\s+is)\s+life" + _END,
    ),
    # pointless feelings: "no point being upset about it", "nothing to cry about"
    (
        ("no point", "no use", "no sense"),
        r"\bno\s+(?:point|use|sense)\s+(?:in\s+)?(?:(?:being|getting|feeling)\s+(?:so\s+)?"
        + _UPSET
        + r"|crying|moping|sulking|whining|dwelling)\b"
        + _REST,
    ),
    (
        ("nothing to",),
        r"\bnothing\s+to\s+(?:cry|get\s+upset|be\s+upset|whine|moan|complain|freak\s+out|stress)"
        r"\s+(?:about|over)\b",
    ),
    # "it's just an anniversary", "it was only one exam"
    (
        ("just", "only"),
        r"\b(?:it|that|this)(?:'s|\s+is|\s+was)\s+(?:(?:really|honestly|literally|still)\s+)?"
        r"(?:just|only)\s+(?:a|an|one|some)\s+(?:(?:stupid|silly|little|dumb|single|bad|crappy)"
        r"\s+)?" + _SMALL_THINGS + r"s?\b",
    ),
    # "it's probably just stress", "it's all in your head"
    (
        ("probably just", "prob just", "likely just", "in your head"),
        r"\b(?:it|that)(?:'s|\s+is)\s+(?:probably|prob|most\s+likely|likely)\s+just\s+(?:stress"
        r"|nerves|hormones|a\s+phase|your\s+imagination|in\s+your\s+head|anxiety|tiredness)\b"
        r"|\b(?:it's|it\s+is|that's|that\s+is)\s+all\s+in\s+your\s+head\b",
    ),
    # "therapists are all basically the same" (not "ugh, men are all the same", on their side)
    (
        ("are all",),
        r"\b(?!(?:we|you|they|these|those|men|guys|boys|women|girls|people|exes|parents|days"
        r"|weeks|months|years|nights|things|feelings|memories|moments)\b)"
        r"[a-z]+s\s+are\s+all\s+(?:(?:basically|pretty\s+much|kind\s+of|kinda|just|really)\s+)?"
        r"the\s+same\b",
    ),
    # "whatever, kids get suspended all the time" to open a reply (not "Whatever, I'm just
    # glad you're safe")
    (
        ("whatever",),
        r"^\s*(?:(?:meh|eh|ok|okay|well)[,\s]+)?whatever\s*(?=[,.!;:\n-]\s*+(?!(?:i|i'm|im)\b))",
    ),
    # the helper's own trouble set above theirs: "That's nothing, my nan ...", "it's honestly
    # nothing once you get used to it" (not "that's nothing to be ashamed of", nor "nothing
    # compared to what you're going through")
    (
        ("nothing",),
        _START + r"(?:(?:honestly|oh|pfft|lol|pff|mate|dude|babe)[,\s]+)*(?:that|it|this)"
        r"(?:'s|\s+is|s)\s+(?:(?:honestly|really|literally|seriously|basically)\s+)?nothing"
        r"(?=\s*(?:[,.;!:\n]|$)|\s+once\b|\s+compared\s+to\s+(?!what\s+(?:you|u)|yours|your))",
    ),
    # a feeling they do not have, told them instead: "you should be celebrating"
    (
        ("should",),
        r"\b(?:you|u)\s+should\s+(?:(?:really|honestly|just|actually)\s+)?be\s+(?:celebrating"
        r"|relieved|(?:happy|glad)(?=\s*(?:[.!?,;:\n]|$)))",
    ),
    # an order to stop feeling it: "stop stressing", "stop overthinking it" (not "stop
    # worrying about what they think")
    (
        ("stop", "quit"),
        r"\b(?:just\s+)?(?:stop|quit)\s+(?:stressing|overthinking|over[-\s]thinking|freaking\s+out"
        r"|panicking|obsessing|fretting|being\s+(?:so\s+)?(?:negative|stressed|upset|worked\s+up))"
        r"(?:\s+(?:about\s+it|over\s+it|so\s+much|out|it|this))?\b(?!\s+(?:about|over)\s+"
        r"(?:what\s+)?"
        r"(?:him|her|them|he|she|they|people|others|other\s+people|your\s+(?:mum|mom|dad|boss"
        r"|friend|partner)))",
    ),
    # an order to put up with it: "snap out of it", "just deal with it", "you need to let
    # it go (and be happy for her)", "calm down", "try harder next time"
    (
        (
            "snap",
            "shake",
            "over yourself",
            "used to it",
            "live with it",
            "deal with it",
            "let it go",
        ),
        _TO_YOU + r"(?:snap\s+out\s+of\s+it|shake\s+it\s+off|get\s+over\s+yourself"
        r"|get\s+used\s+to\s+it|live\s+with\s+it|deal\s+with\s+it|let\s+it\s+go)"
        r"(?:" + _END + r"|(?=\s+and\s))",
    ),
    (
        ("calm", "get on", "harder"),
        _TO_YOU + r"(?:calm\s+down|get\s+on\s+with\s+it|(?:maybe\s+)?try\s+harder"
        r"(?:\s+next\s+time)?)" + _END,
    ),
    (("get on",), r"\b(?:just|and)\s+get\s+on\s+with\s+it\b"),
    # "just move on", "you need to move on" (not "you should move on", advice)
    (
        ("move on",),
        r"(?:(?<!\bi\s)(?<!\bwe\s)\bjust\s+|\b(?:you|u)\s+(?:(?:just|really|honestly)\s+)*(?:need"
        r"|have|gotta|got)\s+to\s+(?:just\s+)?)move\s+on" + _END,
    ),
    (
        ("have to", "need to", "gotta"),
        r"\b(?:you|u)(?:'ll|\s+will|\s+are\s+going\s+to|'re\s+going\s+to|'re\s+gonna|\s+are"
        r"\s+gonna)\s+(?:just\s+)?(?:have|need|gotta)\s+to\s+(?:deal(?:\s+with\s+it)?|get\s+used"
        r"\s+to\s+it|live\s+with\s+it|suck\s+it\s+up|get\s+over\s+it|accept\s+it)" + _END,
    ),
    # "crying about it won't bring her back", "worrying won't change anything"
    (
        ("crying", "upset", "moping", "sulking", "worrying", "stressing", "dwelling", "being sad"),
        r"\b(?:crying|being\s+upset|getting\s+upset|moping|sulking|worrying|stressing|dwelling"
        r"|being\s+sad)\b[^.!?\n]{0,40}?\b(?:won't|will\s+not|doesn't|does\s+not|isn't\s+going"
        r"\s+to)\s+(?:bring\s+(?:her|him|them|it)\s+back|change\s+anything|change\s+(?:it|that"
        r"|what))\b",
    ),
    # "he was 94, so it's not exactly a shock" (not "it's not exactly a surprise that you're
    # exhausted")
    (
        ("exactly",),
        r"\b(?:it|that)(?:'s|\s+is|\s+was)\s+not\s+exactly\s+(?:a\s+)?(?:shock|surprise"
        r"|surprising|unexpected|shocking|news)(?=\s*(?:[.!?,;:\n]|$))",
    ),
    # "you're overthinking this", "are you just being paranoid", "you should be over it by now"
    (
        ("thinking", "just being"),
        r"\b(?:you|u)(?:'re|\s+are)\s+(?:just\s+|totally\s+|really\s+|way\s+|so\s+)?"
        r"over[-\s]?thinking\s+(?:this|things|everything)\b|\bjust\s+being\s+(?:paranoid"
        r"|dramatic|sensitive|oversensitive|precious)\b",
    ),
    (
        ("should",),
        r"\b(?:you|u)\s+should\s+(?:(?:really|honestly|just|surely|probably)\s+)?(?:be\s+over"
        r"\s+(?:it|this|that|him|her|them)|have\s+moved\s+on)\b(?:\s+by\s+now)?",
    ),
    # a replacement: "Get another one", "you can always have another baby"
    (
        ("another", "a new"),
        _START + r"(?:(?:so|just|then|well)[,\s]+)*(?:get|adopt|buy|find)\s+(?:(?:yourself"
        r"|urself)\s+)?(?:another|a\s+new)\s+" + _REPLACEMENTS + r"\b",
    ),
    (
        ("another", "a new"),
        r"\b(?:you|u)\s+(?:can|could|'ll|will)\s+(?:always|just)\s+(?:get|adopt|have|find|buy)"
        r"\s+(?:another|a\s+new)(?:\s+" + _REPLACEMENTS + r")?\b",
    ),
    (
        ("fish", "other girls", "other guys", "other men", "other women", "other boys"),
        r"\bplenty\s+(?:more|of\s+(?:other\s+)?)\s*fish\b|\bother\s+fish\s+in\s+the\s+sea\b"
        r"|\b(?:billions|millions|plenty|loads|lots|tons)\s+of\s+other\s+(?:girls|guys|men|women"
        r"|boys|fish)\b",
    ),
    (
        ("another", "someone else", "better"),
        _START + r"(?:(?:eh|meh|well|oh\s+well|don't\s+worry|dw|chin\s+up|relax)[,\s]+)*(?:you'll"
        r"|youll|you\s+will|u'll|ull|u\s+will)\s+(?:(?:easily|soon|just)\s+)?(?:find|get|meet)\s+"
        r"(?:another(?:\s+one)?|a\s+new\s+one|someone\s+else|some(?:one|thing)\s+better|better)"
        r"(?:\s+[a-z]+)?(?=\s*(?:lol|tbh|mate|hun)?\s*(?:[.!]|$))",
    ),
    # put up with it as everyone does: "you just have to get on with it like the rest of us"
    (
        ("rest of us", "everyone else", "everybody else", "we all do"),
        r"(?<!\bhad\sto\s)\b(?:get\s+on\s+with\s+it|deal\s+with\s+it|suck\s+it\s+up|push"
        r"\s+through(?:\s+it)?|put\s+up\s+with\s+it|get\s+over\s+it)\s+like\s+(?:the\s+rest\s+of"
        r"\s+us|everyone\s+else|everybody\s+else|we\s+all\s+do)\b",
    ),
    # a loss every life holds: "Happens to all of us eventually.", "we all die sometime"
    (
        ("eventually", "sooner or later", "sometime", "at some point"),
        _START + r"(?:(?:well|eh|meh|oh\s+well|honestly)[,\s]+)*(?:(?:it|that|this|death)\s+)?"
        r"happens\s+to\s+(?:all\s+of\s+us|us\s+all|everyone|everybody)\s+(?:eventually"
        r"|sooner\s+or\s+later|at\s+some\s+point)\b|\b(?:we|everyone|everybody)\s+(?:all\s+)?"
        r"(?:dies?|has\s+to\s+go|have\s+to\s+go|goes|go)\s+(?:eventually|sometime|at\s+some"
        r"\s+point|sooner\s+or\s+later)\b",
    ),
    # a diagnosis said to be everyone's: "Everyone's on the spectrum these days"
    (
        ("everyone", "everybody", "every kid", "all kids", "half the", "we're all", "we are all"),
        r"\b(?:every(?:one|body)|every\s+(?:kid|child)|all\s+(?:kids|children)|half\s+(?:the|of"
        r"\s+the)\s+(?:world|country|class|kids|population))(?:'s|\s+is|\s+are|\s+has|\s+gets?"
        r"|\s+seems\s+to\s+be)\s+(?:(?:a\s+bit|a\s+little|kind\s+of|kinda|basically|apparently"
        r"|got|diagnosed(?:\s+with)?|being\s+diagnosed(?:\s+with)?)\s+)*(?:on\s+the\s+spectrum"
        r"|autistic|adhd|ocd|bipolar|dyslexic|neurodivergent|diagnosed\b|a\s+diagnosis)"
        r"[^.!?\n]*|\bwe(?:'re|\s+are)\s+all\s+(?:a\s+(?:bit|little)\s+)?(?:on\s+the\s+spectrum"
        r"|autistic|adhd|ocd|bipolar|neurodivergent)\b",
    ),
    # gratitude ordered, or others' want held up: "so honestly, be grateful", "kids in some
    # countries don't even get to go to school"
    (
        ("grateful", "thankful"),
        _START + r"(?:(?:so|just|honestly|seriously|and|but|you\s+should|you\s+need\s+to"
        r"|you\s+ought\s+to|learn\s+to)[,\s]+)*be\s+(?:(?:more|a\s+bit\s+more|a\s+little\s+more)"
        r"\s+)?(?:grateful|thankful)\b" + _REST,
    ),
    (
        ("countries",),
        r"\b(?:kids|people|children|families)\s+in\s+(?:some|other|poorer|poor|developing"
        r"|third[\s-]world|war[\s-]torn)\s+countries\s+(?:don't|can't|cannot|would|have|are|go"
        r"|never|live)\b" + _REST,
    ),
    # "busy rn, try the helpline": no time, and someone else sent for
    (
        ("busy",),
        _START + r"(?:(?:sorry|soz|ugh|eh|look)[,\s]+)*(?:(?:i'm|im|i\s+am)\s+)?(?:(?:too|kinda"
        r"|a\s+bit|really|pretty|super)\s+)?busy(?:\s+(?:rn|right\s+now|atm|at\s+the\s+moment"
        r"|now|today|for\s+this))?\s*[,.;:!-]+\s*(?:just\s+|maybe\s+)?(?:try(?!\s+(?:to|and)\b)"
        r"|ask|call(?!\s+me\b)|ring(?!\s+me\b)|text(?!\s+me\b)|go\s+to|talk\s+to(?!\s+me\b)"
        r"|google|message(?!\s+me\b))\b" + _REST,
    ),
    # agreement that others tire of them: "people do get tired of hearing about it"
    (
        ("tired of", "sick of", "bored of"),
        r"\b(?:people|they|friends|everyone|anyone|others)\s+(?:(?:do|will|would|probably|must"
        r"|eventually|can)\s+)*(?:get|got|are|be|grow)\s+(?:tired|sick|bored)\s+of\s+(?:hearing"
        r"|listening)\b" + _REST,
    ),
    (
        ("give",),
        r"\b(?:maybe|just|so)\s+give\s+(?:them|him|her|people|everyone|your\s+friends|your"
        r"\s+family)\s+a\s+(?:break|rest)\b",
    ),
)
#: Each brush-off's pattern, after the words it needs (one search of the lower-cased reply).
_PATTERNS = [
    (re.compile("|".join(map(re.escape, needles))), re.compile(p, re.IGNORECASE))
    for needles, p in _BRUSHOFFS
]
#: A curt reply that is no answer, as the whole reply: "k", "ok?", "so?", "whatever", "lol",
#: and a shrug: "Happens.", "Shit happens.", "That's life.", "Oh well."
_CURT = re.compile(
    r"\s*(?:k+|kk+|ok(?:ay)?|so|and|whatever|noted|lol|lmao|lmfao|haha|ha|cool\s+story"
    r"|(?:it\s+|shit\s+|stuff\s+)?happens|(?:that's|thats|such\s+is)\s+life|oh\s+well)\s*"
    r"[.?!]*\s*",
    re.IGNORECASE,
)


def brushoff_spans(response: str) -> list[tuple[int, int]]:
    """Start and end of each brush-off in ``response`` (:data:`_BRUSHOFFS`, or the whole
    reply where it is a curt non-answer: :data:`_CURT`), white space at its ends left out,
    in order (:func:`carelens.analysis.reply_spans.needled_spans`); not where it is told as
    the seeker's own sense or the helper's guess
    (:func:`carelens.analysis.reply_blame.felt_before`: "do you feel like you should be over
    it by now?"). The caller reads negation and quotation before them."""
    text = straight(response)
    if _CURT.fullmatch(text) and text.strip():
        return [(len(text) - len(text.lstrip()), len(text.rstrip()))]
    return needled_spans(text, _PATTERNS, unless=felt_before)
