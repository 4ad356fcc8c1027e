"""Contempt in a helper's advice and help given grudgingly, in wording
:mod:`carelens.analysis.reply_putdowns` and :mod:`carelens.analysis.reply_blame` do not hold.

Advice or an offer can carry a put-down: the codebook counts that as dismissal, however
useful the rest. The recurring kinds of wording:

- an insult inside advice: "get some self-respect", "grow a spine", "act like one", "act
  your age", "this is embarrassing", "it's pretty obvious what the problem is", "try
  actually studying", "instead of expecting everyone to slow down for you", "instead of
  crying about how hard it is", "if you can't figure out a CV at your age", "maybe your art's
  just not good", "you're clearly too soft", "stop turning everything into a crisis",
  "martyring yourself helps nobody";
- help on a condition that reproaches: "if you actually have stuff boxed up", "as long as
  you're actually going to pay attention", "if you ask nicely", "if you're really that
  desperate", "before asking people";
- help held against them: "you owe me big time", "a day off I really can't spare", "I did
  have plans, but obviously yours matter more", "if u break it ur paying for it", "u broke ur
  last one too", "this is a one-time thing", "I have my own life too", "other
  people have busy lives", "I'm not doing all of it for you", "last time you didn't even say
  thank you", "what's this, the third time?", "not to go on about your ex for an hour again",
  "maybe next time think before you blow your wages";
- help given with a sigh or a jab: "Fine, send it over", "I suppose I can look at it", "I'll
  drop round some soup I suppose", "when I get a minute", "if I can be bothered", "Again.",
  "since apparently nobody else can be bothered";
- a limit that shames: "I'm not cleaning up after you forever", "I'm not going to keep
  bailing you out", "don't make a habit of it", "don't get used to it", "I've got my own
  life too", "I'm not a bank", "you can't keep relying on me";
- an order to fix themselves beside the help: "you need to sort yourself out", "you really
  should learn to do these things yourself", "time you stood on your own two feet";
- help framed as exposing their failings: "I'll tell you everything that's wrong with it",
  "brace yourself, it's probably a lot";
- laughing advice: "lmao just block him", "lol just ...", "just ring them lmao", "skill
  issue, just wake up earlier".

Near misses the patterns leave alone: a kind condition ("if you actually want to talk", "if
you really are struggling", "as long as you need"), reassurance about a slip ("it was a
one-time thing"), the helper's own limits said gently ("I'm not a therapist, but I'm
here", "I can't do Saturday but I could do Sunday"), a kind time given ("happy to look at it
when I get a minute tonight"), help without judgement ("no judgement at all", "you could
learn it together with me", "I'll give you honest feedback"), shared laughter ("haha I did
the same, just ring them"), "put yourself first for once" and sympathy for an embarrassing
moment ("that must have been embarrassing").
:mod:`carelens.analysis.rules` reads :func:`grudging_spans` as it reads the put-downs
(``dismissive`` raised to 1, not after a negation, someone else's words or quotation marks).
"""

from __future__ import annotations

import re

from carelens.analysis.reply_spans import gated_spans

#: The rest of a clause, up to its mark.
_REST = r"[^.!?\n,;]*"
#: Where a clause ends: a mark or the reply's end.
_END = r"(?=\s*(?:[.!?,;:\n]|$))"
#: The helper's offer earlier in the sentence, whose condition follows ("I guess I could help,
#: if you actually ..."): the span holds both.
_OFFERED = r"\b(?:I|we)\b[^.!?\n]{0,60}?\b"
#: Where a sentence opens: the reply's start or after a mark.
_SENTENCE = r"(?:^|(?<=[.!?\n]))\s*"
#: The rest of the sentence after a sigh, so that the jab after it is quoted with it ("Fine,
#: I'll take you, but this is a one-time thing").
_SIGHED = r"[^.!?\n]*"
#: Where a clause ends, or goes on with a "but" or "though".
_CLAUSE_END = r"(?=\s*(?:[.!?,;:\n]|$|but\b|though\b|tho\b))"
#: The helper's own offer ("I'll drop round some soup", "I can lend you", "You can call me").
_OFFER = (
    r"(?:\b(?:I|we)(?:'ll|'d|\s+will|\s+can|\s+could|\s+would)\s+"
    r"|\b(?:you|u)\s+can\s+(?:call|text|ring|message|borrow|use|have|stay|come)\b)"
)
#: No kind time after "when I get a minute" ("... tonight", "... after work").
_NO_TIME = (
    r"(?!\s*,?\s*(?:tonight|today|tomorrow|this\s+(?:evening|afternoon|weekend|morning)|later"
    r"|after\s+work|on\s+\w+day|at\s+\d))"
)
#: What the helper will not keep doing for them ("cleaning up after you", "bailing you out").
_CHORE = (
    r"(?:cleaning|picking|tidying|mopping|bailing|babysitting|rescuing|covering|sorting\s+out"
    r"|fixing|doing\s+(?:this|that|it|your)|be\s+there\s+to)\b"
)
#: A duty put on them ("you should", "you really need to", "time you").
_MUST = (
    r"\b(?:should|need\s+to|needs\s+to|have\s+to|gotta|got\s+to|ought\s+to|must|time\s+(?:to|you))"
    r"\s+(?:really\s+|seriously\s+|honestly\s+|just\s+|probably\s+|actually\s+|finally\s+)?"
)
_GRUDGING = (
    # an insult inside advice
    r"\b(?:get|have|show)\s+(?:some|a\s+little|a\s+bit\s+of)\s+(?:self[-\s]respect|dignity"
    r"|backbone|spine)\b",
    r"\bgrow\s+(?:a\s+)?(?:spine|pair|backbone|thicker\s+skin)\b",
    r"\bact\s+(?:like\s+(?:one|an?\s+(?:adult|grown[-\s]up|parent|man|woman))|your\s+age)\b",
    r"\bthis\s+is\s+(?:honestly\s+|frankly\s+|just\s+|kind\s+of\s+|kinda\s+|getting\s+)?"
    r"(?:embarrassing|cringe|pathetic)" + _END,
    r"\b(?:you(?:'re|\s+are)\s+)?embarrassing\s+yourself\b",
    r"\b(?:it's|it\s+is|its)\s+(?:pretty|kind\s+of|kinda|really|so|painfully)?\s*obvious\s+what"
    r"\s+(?:the\s+(?:problem|issue)|(?:you're|you\s+are)\s+doing\s+wrong|is\s+wrong)\b" + _REST,
    r"\b(?:try|maybe)\s+(?:try\s+)?actually\s+\w+ing\b" + _REST,
    r"\binstead\s+of\s+(?:expecting\s+(?:everyone|everybody|people|others|the\s+world)"
    r"|crying|whining|complaining|moaning|sitting\s+around|feeling\s+sorry)\b" + _REST,
    r"\b(?:can't|cannot|can\s+not|still\s+can't|don't\s+know\s+how\s+to)\b[^.!?\n]{0,40}?"
    r"\bat\s+your\s+age\b",
    r"\b(?:maybe|probably|perhaps)\s+(?:your|ur)\s+[\w']+?(?:'s|\s+is|\s+are|\s+was)\s+just\s+"
    r"(?:not\s+(?:good|very\s+good|that\s+good|interesting|funny)|bad|boring|mediocre)\b",
    r"\bmaybe\s+(?:you're|you\s+are|ur)\s+just\s+not\s+(?:good|talented|smart|cut\s+out)\b" + _REST,
    r"\b(?:you're|you\s+are|ur)\s+(?:clearly|just|way|obviously)\s+too\s+(?:soft|weak|needy"
    r"|sensitive|thin[-\s]skinned)\b",
    # help on a condition that reproaches
    _OFFERED
    + r"(?:if\s+(?:you|u)\s+actually\s+(?!want|need|feel|like|wanna|mean)\w+"
    + r"|as\s+long\s+as\s+(?:you're|you\s+are|you)\s+(?:actually|really)\b"
    + r"|if\s+(?:you|u)\s+ask\s+(?:me\s+)?(?:nicely|politely)\b)"
    + _REST,
    r"\bif\s+(?:you're|you\s+are|ur)\s+(?:really|that|so)\s+(?:that\s+)?desperate\b",
    r"\bbefore\s+asking\s+(?:people|others|anyone|everyone|me)\b" + _REST,
    # help held against them
    r"\b(?:but\s+)?(?:this|it)(?:'s|\s+is)\s+(?:a|just\s+a)\s+one[-\s](?:time|off)\s+(?:thing"
    r"|deal)\b",
    r"\bI(?:'ve|\s+have)(?:\s+got)?\s+(?:my\s+own\s+(?:life|stuff|problems|things)|a\s+life"
    r"(?!\s+(?:coach|insurance|story|lesson)))\b" + _REST,
    r"\bother\s+people\s+have\s+(?:busy\s+|their\s+own\s+)?lives\b" + _REST,
    r"\bI'm\s+not\s+(?:doing\s+(?:all\s+of\s+it|everything|it\s+all)\s+for\s+you|your\s+(?:"
    r"personal\s+)?(?:mum|mom|mother|maid|servant|babysitter|bank|cleaner|chauffeur|taxi|slave"
    r"|secretary|butler)|(?:a|an)\s+(?:bank|cash\s+machine|ATM|charity|taxi(?:\s+service)?"
    r"|free\s+\w+))\b",
    r"\b(?:you|u)\s+(?:didn't|did\s+not|never)\s+(?:even\s+)?(?:say|said)\s+thank(?:s|\s+you)\b"
    + _REST,
    r"\bwhat's\s+this,?\s+the\s+(?:second|third|fourth|fifth|tenth|\d+(?:st|nd|rd|th))\s+time\b",
    r"\b(?:not\s+to\s+)?(?:go|going|drone|droning)\s+on\s+about\s+[^.!?\n]{0,40}?\bagain\b",
    r"\b(?:next\s+time,?\s+(?:maybe\s+|just\s+|try\s+to\s+)?|maybe\s+(?:next\s+time\s+)?)think"
    r"\s+(?:before|twice|first)\b" + _REST,
    # help given with a sigh ("Fine, send it over", "I suppose I can", "..., I guess") or a jab
    _SENTENCE + r"(?:(?:ok(?:ay)?|alright|ugh|sigh)[,.!]*\s+)?fine[,.!]+\s+(?:(?:I|we)\b|send"
    r"|give|bring|come|hand|pass|drop)" + _SIGHED,
    r"\bI\s+suppose\s+(?:I|we)(?:'ll|\s+will|\s+can|\s+could|\s+might)\b" + _SIGHED,
    _OFFER + r"[^.!?\n;]{0,60}?,?\s+I\s+(?:suppose|guess)" + _CLAUSE_END + _SIGHED,
    r"\b(?:when|if|whenever)\s+I\s+(?:get|have|find)\s+(?:a\s+(?:spare\s+)?(?:minute|sec(?:ond)?"
    r"|moment)|(?:a|the)\s+spare\s+(?:minute|moment)|round\s+to\s+it|around\s+to\s+it)\b"
    r"(?!\s+(?:of|to\s+(?:my|breathe|think)))"  # not "when I get a moment of happiness"
    + _NO_TIME
    + r"|\bif\s+I\s+(?:can\s+be\s+bothered|(?:have|'ve\s+got)\s+nothing\s+better\s+to\s+do)\b",
    # "Again." closing the reply (not "Again. Don't do it.", a plea said twice)
    _SENTENCE + r"(?:again|yet\s+again|as\s+usual|as\s+always)\s*[.!]+(?=\s*$)",
    r"\b(?:bail|bailing|bailed|rescue|rescuing|rescued)\s+you\s+out\s+(?:again|yet\s+again"
    r"|once\s+more)\b|\bhere\s+we\s+go\s+again\b|\bsince\s+apparently\b" + _REST,
    # a debt named for the help: "you owe me big time"
    r"\b(?:you|u)\s+owe\s+me\s+(?:big\s*time|big|so\s+much|a\s+lot|for\s+this(?:\s+one)?|forever)\b"
    + _REST,
    # the cost rubbed in: "a day off I really can't spare", "money I don't have"
    r"\b(?:day|days|time|morning|afternoon|evening|hours?|money|cash|holiday|leave)\s+(?:off\s+)?"
    r"(?:that\s+|which\s+)?I\s+(?:really\s+|honestly\s+)?(?:can't|cant|cannot|don't|dont|do\s+not)"
    r"\s+(?:really\s+)?(?:spare|afford|have)\b",
    # their needs said to come first again: "obviously yours matter more, as usual", "I did
    # have plans"
    r"\b(?:obviously|clearly|apparently|of\s+course)\s+(?:yours|your\s+(?:plans|needs|life|time"
    r"|stuff|problems|things))\s+(?:matters?|comes?|is|are)\s+(?:more(?:\s+important)?|first)\b"
    + _REST,
    r"\bI\s+did\s+(?:actually\s+)?have\s+(?:plans|other\s+plans|stuff\s+on|things\s+on)\b" + _REST,
    # a lent thing held over them: "if u break it ur paying for it", "you broke your last one"
    r"\bif\s+(?:you|u)\s+(?:break|lose|scratch|damage|wreck|crash|smash|ruin)\s+(?:it|this|that"
    r"|them)\s*,?\s+(?:then\s+)?(?:you're|youre|ur|you\s+are|you|u)\s+(?:paying|buying|replacing"
    r"|pay|buy|replace|owe)\b" + _REST,
    r"\b(?:you|u)\s+(?:broke|wrecked|crashed|smashed)\s+(?:your|ur)\s+(?:last|other|old|previous)"
    r"\s+one\b" + _REST,
    # a limit that shames
    r"\bI(?:'m|\s+am)\s+not\s+(?:going\s+to\s+|gonna\s+)?keep\s+"
    + _CHORE
    + r"|\bI\s+(?:can't|cannot|won't)\s+(?:keep|always\s+be)\s+"
    + _CHORE
    + r"|\bI(?:'m|\s+am)\s+not\s+"
    + _CHORE
    + r"[^.!?\n,;]{0,40}?\b(?:forever|for\s+ever"
    r"|every\s+time|each\s+time|all\s+the\s+time|any\s?more|again|indefinitely|for\s+good)\b",
    r"\b(?:don't|do\s+not)\s+(?:make\s+(?:a\s+)?habit\s+of\s+(?:it|this|that)|get\s+used\s+to\s+(?:it"
    r"|this)\b|expect\s+(?:this|it|that)\s+(?:every|each|all\s+the|again|next)"
    r"|expect\s+me\s+to\s+(?:do\s+(?:this|it|that)|keep|always|bail|help))" + _REST,
    r"\b(?:this|it)\s+(?:isn't|is\s+not|won't\s+be)\s+(?:going\s+to\s+be\s+|gonna\s+be\s+)?a\s+"
    r"(?:regular|weekly|every\s?day|monthly|permanent)\s+thing\b",
    r"\b(?:you|u)\s+(?:can't|cannot)\s+(?:keep\s+|always\s+)?(?:relying|rely|leaning|lean|depending"
    r"|depend|running|run|coming|come)\s+(?:on|to)\s+me\b" + _REST,
    # an order to fix themselves beside the help
    r"(?:\b(?:need\s+to|needs\s+to|have\s+to|should|gotta|got\s+to|must|better|ought\s+to"
    r"|time\s+(?:to|you))\s+(?:really\s+|seriously\s+|finally\s+|just\s+|actually\s+)?"
    r"|(?:^|(?<=[.!?,;\n]))\s*(?:(?:so|and|just|now|then|seriously|honestly)\s+)*)"
    r"(?:sort\s+(?:yourself|your\s+(?:life|act|shit))\s+out|get\s+your\s+(?:life|act|shit)\s+"
    r"(?:together|sorted)|straighten\s+(?:yourself|your\s+life)\s+out"
    r"|st(?:and|ood)\s+on\s+your\s+own\s+(?:two\s+)?feet)\b" + _REST,
    _MUST
    + r"(?:learn(?:ed|t)?|figure\s+out)\s+(?:how\s+)?(?:to\s+)?(?:do|manage|handle|sort|fix|deal"
    r"\s+with|cope\s+with|figure|work\s+out|cook|budget|use|pay)\b[^.!?\n,;]{0,40}?\b(?:yourself"
    r"|on\s+your\s+own|by\s+now|at\s+your\s+age|like\s+an\s+adult|like\s+everyone\s+else)\b"
    + _REST,
    _MUST + r"learn(?:ed|t)?\s+(?:how\s+)?to\s+(?:manage|handle|run|sort\s+out)\s+your\s+"
    r"(?:own\s+)?(?:money|life|finances|time|affairs)\b",
    # help framed as exposing their failings
    r"\b(?:tell|show)\s+(?:you\s+)?(?:everything|all|every\s+thing|exactly\s+what)\s+(?:that's"
    r"|that\s+is|thats|(?:you(?:'re|\s+are)?|u)\s+(?:doing|did|got|do))\s+wrong\b" + _REST,
    r"\b(?:brace|prepare)\s+yourself\b[\s,.!:;-]*(?:(?:it's|its|it\s+is|there's|it'll\s+be)\s+"
    r"(?:probably|likely|gonna\s+be|going\s+to\s+be)\s+(?:a\s+lot|bad|ugly|rubbish|terrible|a\s+mess"
    r"|not\s+pretty)\b|I(?:'m|\s+am)?\s+(?:not\s+going\s+to|won't|not\s+gonna)\s+(?:hold\s+back"
    r"|go\s+easy|sugar[-\s]?coat))" + _REST,
    # laughing advice: "lmao just block him", "just ring them lmao", "skill issue, just ..."
    r"\b(?:skill\s+issue|git\s+gud)\b" + _REST,
    r"\b(?:lmf?ao+|rofl|lol+|haha+|ha\s+ha|hah)\b[\s,.!]*(?:(?:so|then|bro|dude|mate|literally)\s+)?"
    r"(?:just|simply)\s+\w+" + _REST,
    _SENTENCE + r"(?:(?:so|then|bro|dude|mate)\s+)?(?:just|simply)\s+[a-z]+\b[^.!?\n]{0,60}?\s"
    r"(?:lmf?ao+|rofl)\b",
    # a put-down of how they cope
    r"\bstop\s+(?:turning|making|blowing)\s+(?:everything|every\s+little\s+thing|it|this|things)"
    r"\s+(?:into\s+(?:a\s+|such\s+a\s+)?(?:crisis|drama|big\s+deal|catastrophe|disaster|tragedy)"
    r"|up|out\s+of\s+proportion|about\s+(?:you|yourself))\b" + _REST,
    r"\b(?:martyring\s+yourself|play(?:ing)?\s+(?:the\s+)?martyr|(?:being|be)\s+(?:such\s+)?a"
    r"\s+martyr)\b" + _REST,
)
_PATTERNS = [re.compile(p, re.IGNORECASE) for p in _GRUDGING]
#: Words one of the patterns needs: a reply with none is read no further (most replies).
_GATE = re.compile(
    r"respect|dignity|backbone|spine|grow|act |embarrass|cringe|pathetic|obvious|actually"
    r"|instead of|your age|just not|just bad|just boring|too soft|too weak|too needy"
    r"|too sensitive|skinned|really|nicely|politely|desperate|before asking|one-time|one time"
    r"|one-off|one off|own life|a life|own stuff|own problems|own things|busy lives|own lives"
    r"|not doing|i'm not|thank|this, the|this the|on about|think|fine|suppose|guess|minute| sec"
    r"|moment|round to it|bothered|nothing better|again|as usual|as always|apparently"
    r"|keep|always be|habit|used to|expect|thing|rely|lean|depend|running to|coming to|come to"
    r"|sort|get your|straighten|own two|own feet|learn|figure|wrong|brace|prepare|lmao|lmfao"
    r"|rofl|lol|haha|ha ha|hah|stop |martyr|skill|git gud|owe|spare|afford|don't have"
    r"|dont have|do not have|obviously|clearly|of course|did have|did actually|break|lose|scratch"
    r"|damage|wreck|crash|smash|ruin|broke",
)


def grudging_spans(response: str) -> list[tuple[int, int]]:
    """Start and end of each insult in advice or grudging term of help in ``response``
    (:data:`_GRUDGING`), white space at its ends left out, in order
    (:func:`carelens.analysis.reply_spans.gated_spans`); the caller reads negation and
    quotation before them."""
    return gated_spans(response, _GATE, _PATTERNS)
