"""Crisis cues: suicide and self-harm language in seeker messages, flagged for a person to read.

carelens does not assess risk and gives no risk score. It finds wording that a helper or
moderator should read now — thoughts of suicide or of dying, plans, self-harm — and returns
each as a :class:`~carelens.types.Span` of the *seeker* text (label ``suicide`` or
``self_harm``), together with :data:`CRISIS_RESOURCES`.

These are transparent patterns rather than a model, on purpose: every flag can be traced to
the words that raised it, and the patterns lean towards flagging (a person reads the result).
For a message they do not flag, the analyzer also asks a small learned model
(:mod:`carelens.analysis.crisis_model`) about veiled wording the patterns miss.
A mention is skipped only when it is plainly negated by the writer about themselves ("I'm not
suicidal", "I would never hurt myself"); wording that is itself negative ("I don't want to
live", "I don't want to wake up") is a cue, and so is an effort against the urge ("give me a
reason not to kill myself"), and so is ideation beside a denial ("I'm not going to end it, but
I think about it every day"). Words with everyday senses count only in context (_CONTEXT): an
overdose someone took, not a topic; "end it" of the writer, not of another; self-harm words
without an accident. A third party's risk that the seeker describes is a cue (codebook v1.1). A
farewell is a cue when it points to an ending ("goodbye everyone, thank you for everything",
"this is my last post, take care of my cat", "by the time you read this I'll be gone"), not
beside an everyday leaving ("goodbye everyone, I'm moving to Canada", "my last post before my
holiday"); so is a farewell told by its acts, two warning signs together: possessions given
away, goodbyes or letters to everyone, a calm after them ("I've been giving away my things and
saying goodbye to people. I feel calm now."), not one act alone nor an everyday giving ("giving
away my old clothes to charity"). Everyday figures of speech on death words ("this commute is
killing me", "my boss will kill me") are no cue (the learned flag does not read their words
either: :func:`carelens.analysis.crisis_model.figurative_mentions`). Slang counts as its words
do: "kms", "ctb", "off myself", and "kys" said of oneself after a desire or an intent ("I just
want to kys", "gonna kys", "i might kys", "ready to kys", in the writer's own saying too: "I
always say I want to kys"); "kys" said to or about the seeker is abuse they report, not their
intent ("someone told me to kys", "people say kys to me", "kys is so toxic", "my mom said I
should kys"), and another's ("you should kys") is no cue. Curly
apostrophes (and an acute accent or a backtick typed for one: "can\\u00b4t") are read as
straight ones, and the text is read without the invisible characters and combining marks put
inside words to get past a forum's filters ("sui\\u00adcide", "over\\u200bdose", "di\\u0301e"),
full-width letters as ASCII, and a Cyrillic or Greek letter that looks like a Latin one as that
letter inside an English word ("k\\u0456ll myself" with a Cyrillic "\\u0456":
:func:`carelens.text.fold`), as in a word wholly of such letters that spells a crisis word
("\\u043a\\u0456\\u04cf\\u04cf myself") or stands in a message otherwise in Latin letters; a
Russian or Greek sentence is read as it is. A negation counts only when it reads as one with
those letters as typed too ("I'm n\\u043et going to kill myself", with a Cyrillic "\\u043e", is
a cue). Masked words are read too (:func:`carelens.disguises.unmask`): spelled out with one mark
between their letters ("d-i-e", "k.i.l.l myself", "k.i.l.l. myself", "s u i c i d e"), with a
"*" for a vowel ("k*ll myself", "su*cide"), and a crisis word
(:data:`carelens.disguises.CRISIS_WORDS`, and "kys") with digits or symbols typed for its letters
("k1ll myself", "su!cide", "0verdose", "$uicide", "want to d1e", "want to ky5", "ki|| myself",
"pi||s") or a "*" at its edge for one letter ("*verdose", "*ill myself", "*sigh* I want to kil*
myself"); that second reading runs only for a message that holds such a word
(:func:`carelens.disguises.has_masks`), and a cue found either way is a cue. Abbreviations,
initials, masked swearing ("U.S.A.", "J. K. L.", "s**t", "f*cking", "d-i-y", "I nearly sh*t
myself laughing": :data:`_MASKED_AS`), words too short to tell ("d**": dad or die), Markdown's
emphasis ("I was *ill myself* last week", "*ill" and "myself*" on two lines too) and other
words with digits or symbols ("h0w", "k1", "v1.2", "$5", "2die4", "a||b") spell no cue. A
cue's offsets are the original text's, covering what was left out inside its words and the
marks of a masked word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from carelens.disguises import (
    MASKED_LETTER,
    Folded,
    has_masks,
    unmask,
    vowels_masked,
)
from carelens.inference.spans import merge_overlapping
from carelens.text import fold, folded_as_typed
from carelens.types import Span

#: Shown with every flag (and in the docs). Not a substitute for local emergency services.
CRISIS_RESOURCES: tuple[str, ...] = (
    "US: call or text 988 (Suicide & Crisis Lifeline)",
    "US: text HOME to 741741 (Crisis Text Line)",
    "Elsewhere: findahelpline.com lists free, confidential lines by country",
    "If someone is in immediate danger, call local emergency services",
)
#: The public contacts in the resources and in feedback; redaction leaves them in place.
RESOURCE_CONTACTS: tuple[str, ...] = ("988", "741741", "findahelpline.com")

_ME = r"(?:my\s*self|me)"
#: The self-harm verbs take "myself" only: "the one who hurt me", "the news hit me hard",
#: "it cut me deep" tell what others or events did (4 such posts of train and dev flagged,
#: none annotated a crisis; every annotated one says "myself").
_MYSELF = r"my\s*self"
# After "to live": not "to live in a city", "to live with my parents".
_NOT_A_PLACE = r"(?!\s+(?:in|at|with|near|here|there|on|by|abroad|alone|together)\b)"
# After "wake up": a time or an occasion ("I never wake up before noon", "did not wake up in
# time", "would not wake up for school") tells of a habit or a morning, not of a wish.
_NOT_A_TIME = (
    r"(?!\s+(?:before|until|till|in\s+time|on\s+time|early|late|at\s+\d|when|for\s+(?:school|"
    r"work|class|my|the|a|an)\b))"
)
# Patterns read with their context too (_CONTEXT, below).
_OVERDOSE = r"\boverdos\w*"
# Like every pattern it starts with \b: the one alternation of them all (_ANY) is quick only
# while each branch does (one that opened with its lookbehind made it six times slower).
_END_IT = r"\b(?<!\bthe\s)end(?:ing)?\s+(?:things|everything|it)\b(?!\s+(?:all|with)\b)"
# Not "cut myself a slice (of cake) / some slack", nor "cut myself off (from everyone)" or "cut
# myself out (of the photos, of their lives)"; but "cut myself out of anger / sheer boredom",
# a reason, is self-harm.
_CUT_MYSELF = (
    r"\bcut(?:ting|s)?\s+" + _MYSELF + r"\b(?!\s+(?:(?:a|an|some)\s+(?:slice|piece|break|bit|"
    r"slack|deal|portion)|off|loose|free|out(?!\s+of\s+(?!(?:the|their|his|her|my|our|your|"
    r"its|this|that|these|those|every\w*|all|a|an|it|them|him|us|me|there|here|[\w-]+'s)\b)))\b)"
)
_BURN_MYSELF = r"\b(?:burn|burning|burned|burnt)\s+" + _MYSELF + r"\b"
_HURT_MYSELF = r"\b(?:hurt|hurting|harm|harming)\s+" + _MYSELF + r"\b"
_HIT_MYSELF = r"\b(?:hit|hitting|punch\w*|mutilat\w*)\s+" + _MYSELF + r"\b"
_CUT_MY_SKIN = (
    r"\b(?:slic|cut|carv|burn)\w*\s+(?:open\s+)?(?:my\s+)?(?:arms?|wrists?|skin|thighs?|legs?)\b"
)
# A third party's self-harm that the seeker describes (codebook v1.1).
_HURT_THEMSELVES = (
    r"\b(?:cut|cutting|cuts|hurt|hurting|hurts|harm|harming|harms)\s+(?:him|her|them)sel(?:f|ves)\b"
)
# A farewell that points to suicide: a goodbye or a "last post" near words of an ending (thanks
# for everything, an apology, a pet left in care: _FINAL, checked by _final_farewell), "by the
# time you read this I'll be gone", "I won't need them where I'm going". A goodbye alone
# ("goodbye everyone, I'm moving to Canada") is not one, nor is any of them near an everyday
# leaving (_ORDINARY_LEAVING). Each starts with a rare word and the checks read the words
# around it: the alternation of all patterns stays quick.
_BYE = r"(?:goodbye|good\s*-?\s*bye|farewell)"
_FINAL = (
    r"(?:thank\s+you\s+(?:all\s+|guys\s+|so\s+much\s+)?for\s+everything|thanks\s+for\s+everything"
    r"|i'?m\s+(?:so\s+)?sorry|i\s+love\s+you\s+(?:all|guys)|love\s+you\s+all|forgive\s+me"
    r"|take\s+(?:good\s+|better\s+)?care\s+of\s+(?:my|him|her|them)|won'?t\s+be\s+(?:here|around)"
    r"|forever|for\s+good|one\s+last\s+time)"
)
_GOODBYE = rf"\b{_BYE}\b"
# Not "my last post before my holiday", "my last post got no replies" (and not "in my last
# post": _last_words).
_LAST_POST = (
    r"\blast\s+(?:post|message|words|note|letter|entry)\b(?!\s+(?:on|in|here|before|until|till|"
    r"for|of|about|from|was|is|got|had|i\s+(?:made|wrote|posted|said))\b)"
)
# A farewell told by its acts, the warning signs helpers are taught to read: possessions given
# away, goodbyes or letters to everyone, a calm after them. An act is a cue only beside
# another sign (_farewell_acts): "I've been giving away my things and saying goodbye to
# people. I feel calm now.", "I wrote letters to everyone I love. I'm ready now."; not beside
# an everyday giving or leaving ("giving away my old clothes to charity", "saying goodbye to
# people at my leaving party").
_GIVEN_AWAY = (
    r"\b(?:giv(?:e|es|ing)|gave|given)\s+away\s+(?:(?:all|most|some|a\s+lot|many)\s+(?:of\s+)?)?"
    r"my\s+\w+"
)
_LETTERS = (
    r"\b(?:wr[io]te|written|writing|write)\s+(?:(?:a\s+)?(?:\w+\s+)?(?:letters?|notes?))\s+(?:to|for)"
    r"\s+(?:everyone|everybody|all\s+(?:of\s+)?(?:my|the)|each\s+of|my\s+(?:family|kids|children"
    r"|parents|loved\s+ones|friends|wife|husband|partner))\b"
)
_GOODBYES_TO = (
    r"\b(?:say|says|saying|said)\s+(?:my\s+)?(?:goodbyes?|good\s*-?\s*byes?)\s+to\s+(?:people"
    r"|everyone|everybody|all|my\s+(?:family|friends|loved\s+ones|kids|parents))\b"
)
_FAREWELL_ACTS = (_GIVEN_AWAY, _LETTERS, _GOODBYES_TO)
_FAREWELLS = (
    *_FAREWELL_ACTS,
    _GOODBYE,
    _LAST_POST,
    r"\bby\s+the\s+time\s+(?:you|u|anyone|someone|somebody|people)\s+(?:\w+\s+)?(?:read|reads|"
    r"see|sees|find|finds|get|gets)\s+(?:this|it|these)\b[\s,]*(?:i'?ll|ill|i\s+will|i'?m|i\s+am)"
    r"\s+(?:already\s+|probably\s+|hopefully\s+)?(?:be\s+)?(?:gone|dead)\b(?!\s+(?:on|to|for|from|"
    r"away|camping|fishing|shopping|home|back|out)\b)",
    r"\bwon'?t\s+need\s+(?:them|it|this|those|these|any\s+of\s+(?:it|this|them)|anything)\s+"
    r"where\s+i'?m\s+(?:going|gone)\b",
    # The seeker's own "I won't be around much longer", not "she's 82, she won't be around".
    r"\bi\s+(?:\w+\s+)?won'?t\s+be\s+(?:here|around|alive)\s+(?:after\s+(?:tonight|today|this\s+(?:week|weekend))"
    r"|(?:for\s+)?much\s+longer|anymore|any\s+more|by\s+(?:tomorrow|morning|then))\b",
)
# "kys" ("kill yourself") said of oneself after a desire or an intent: "I just want to kys",
# "gonna kys", "i might kys", "ready to kys". Said alone, to or about others, it is the abuse a
# seeker reports ("someone told me to kys", "people say kys to me", "kys is so toxic"), not
# their own intent, and so is "I should kys" after someone else's telling ("people say I should
# kys"; :func:`_own_kys`).
_KYS = (
    r"\b(?:(?:want|wants|wanted|wanting|need|needs|tempted|ready|about|going|plan|planning"
    r"|decided|try|trying)\s+to|wanna|gonna|might|should|i'?ll|i\s+will|i\s+could"
    r"|wish\s+i\s+could)\s+(?:(?:just|fucking|really|finally|literally|actually|honestly"
    r"|seriously|totally|probably|prob|definitely|def)\s+){0,2}kys\b"
)
_SHOOT = r"\b(?:shoot|shooting|shot)\s+"
# _SHOOT as a masked letter may stand in it (:func:`_masked`): "sh*ot", "sho*t", one "o" shown;
# "sh*t" and "sh**t" mask a swear word ("I nearly sh*t myself laughing", "my boss sh*t me down").
_SHOOT_MASKED = rf"\b(?:sh(?:o[o{MASKED_LETTER}]|{MASKED_LETTER}o)t(?:ing)?|shot)\s+"
_PATTERNS: dict[str, tuple[str, ...]] = {
    "suicide": (
        # Also "sucide", "su1cidal", "s*icidal", "sewerslide".
        r"\bs[u*][i1*]?c[i1]d\w*|\bsewer\s*slide\w*",
        # Not the effort idiom "killing myself at work / to finish this"; "kil" is a typo.
        r"\bkill?(?:ing|ed)?\s+my\s*self\b(?!\s+(?:at\s+(?:work|the\s+gym|my\s+job|school)|"
        r"working|studying|to\s+(?:finish|get|meet|make|pay|keep|pass)\b))",
        r"\bkms\b",
        _KYS,
        r"\bend(?:ing)?\s+(?:it\s+all|my\s+(?:own\s+)?life)\b(?!\s+with\b)",
        _END_IT,
        r"\btak(?:e|ing)\s+my\s+(?:own\s+)?life\b",
        r"\b(?:want|wnat|wanna|wanted|wanting|wish|wished|wishing|hope|hoping|desperate|pray|"
        r"praying)\s+(?:(?:that\s+)?i\s+(?:could\s+|would\s+|will\s+|can\s+)?|to\s+|too\s+|2\s+)?"
        r"(?:(?:just|fucking|really|finally|to)\s+){0,2}(?:die+|be\s+dead|disappear\s+forever)\b",
        r"\bwish\s+(?:i\s+(?:was|were|had)|i'?d)\s+never\s+(?:been\s+)?born\b",
        r"\bwish\s+i\s+(?:wasn'?t|weren'?t|was\s+not|were\s+not)\s+(?:alive|here|born)\b",
        r"\b(?:i'?m|im|i\s+am|feel)\s+(?:so\s+|just\s+)?ready\s+to\s+die\b",
        # A death wish asked as a question: "why can't I just die", "why cant I be dead".
        r"\bwhy\s+(?:can'?t|cannot|can\s+not|couldn'?t)\s+i\s+(?:just\s+|simply\s+)?"
        r"(?:die|be\s+dead)\b",
        r"\b(?:what'?s|whats|what\s+is)\s+the\s+point\s+(?:of|in)\s+(?:liv\w+|being\s+alive|going\s+"
        r"on|existing)\b",
        r"\bdeath\s+(?:sounds|seems|feels|looks)\s+(?:so\s+)?(?:peaceful|nice|good|better|"
        r"appealing|like\s+a\s+relief)\b",
        r"\bif\s+i\s+(?:died|was\s+dead|were\s+dead|was\s+gone|were\s+gone)\b",
        r"\b(?:may|might)\s+as\s+well\s+(?:just\s+)?be\s+(?:gone|dead)\b",
        r"\b(?:just\s+)?(?:want|wanna|wish)\s+(?:it|this|everything|it\s+all|this\s+shit|the\s+"
        r"(?:suffering|pain))\s+(?:all\s+)?to\s+(?:end|be\s+over|stop)\b",
        r"\b(?:deserve|deserved)\s+(?:to\s+die|death)\b",
        r"\b(?:please|just)\s+kill\s+me\b",
        r"\breason\s+i(?:'m|\s+am)\s+(?:still\s+)?(?:alive|here|not\s+dead)\b",
        r"\bnever\s+(?:have\s+to\s+)?wake\s+up\b" + _NOT_A_TIME,
        r"\b(?:painless\s+)?ways?\s+to\s+(?:die|kill\s+(?:my|your)self|end\s+(?:it|my\s+life|your\s+"
        r"life)|commit\s+sui?cide)\b",
        r"\bhow\s+to\s+(?:die|kill\s+my\s*self|end\s+my\s+life)\b",
        r"\bleave\s+this\s+world\b",
        r"\b(?:continue|go\s+on|be\s+(?:better|happier|fine))\s+(?:\w+\s+)?without\s+me\b",
        r"\bnoose\b",
        r"\b(?:bullet|gun)\s+(?:\w+\s+){0,2}(?:to|through|in|into)\s+my\s+head\b",
        r"\bwish(?:ed|ing)?\s+i\s+(?:was|were|could\s+be)\s+dead\b",
        r"\bbetter\s+off\s+dead\b",
        r"\bbetter\s+off\s+without\s+me\b",
        r"\b(?:don'?t|do\s+not|didn'?t|never|no\s+longer)\s+(?:\w+\s+)?want\s+to\s+"
        r"(?:live|be\s+alive|exist|wake\s+up|be\s+here)\b",
        r"\bno\s+(?:reason|point)\s+(?:to|in)\s+(?:liv\w+|going\s+on|being\s+alive)\b",
        # Not "go on the trip / stage / a date": an outing, not going on living.
        r"\bcan'?t\s+go\s+on\b(?!\s+(?:the|a|an|my|our|his|her|their|stage|air|tour|holidays?|"
        r"vacations?|trips?|dates?|leave|break|camp|line|online|social\s+media)\b)",
        r"\bnot\s+wake\s+up\b" + _NOT_A_TIME,
        r"\bunalive\w*",
        # Added from the misses on the annotated train and dev seeker messages (codebook v1.1).
        r"\bkill(?:ing)?\s+your\s*self\b",  # generic "you" in a seeker's own message
        r"\b(?:somebody|someone|some\s+one|please|pls|just)\s+(?:\w+\s+){0,2}kill\s+me\b",
        # "Kill me." opening a sentence; \b first, so the look-behinds run at word starts only.
        r"\b(?<![,;'\u2019])(?<![\w,;'\u2019]\s)kill\s+me\b",
        r"\bnothing\s+(?:left\s+)?to\s+live\s+for\b",
        r"\breasons?\s+(?:\w+\s+){0,2}to\s+(?:live|stay\s+alive|keep\s+living)\b" + _NOT_A_PLACE,
        r"\b(?:lost|losing|no|any|a|the)\s+(?:will|desire)\s+to\s+live\b",
        r"\b(?:what|why)\s+(?:am\s+i|i'?m|im)\s+(?:even\s+|still\s+)?(?:living\s+for|alive)\b",
        r"\bwhy\s+(?:even\s+|should\s+i\s+|do\s+i\s+|would\s+i\s+(?:want\s+to\s+)?)?"
        r"(?:live|stay\s+alive|keep\s+living|continue\s+living)\b" + _NOT_A_PLACE,
        r"\b(?:not|no|isn'?t|whether|weather|if)\s+(?:\w+\s+){0,3}worth\s+living\b",
        r"\b(?:tired|sick|bored)\s+of\s+(?:\w+\s+){0,2}(?:living|being\s+alive|existing)\b",
        r"\b(?:want|wanna|wish|wished|rather)\s+(?:(?:i|to|is|just|really|could|would)\s+){0,3}"
        r"(?:not|never|didn'?t|stop|cease\s+to)\s+exist(?:ed|ing)?\b",
        r"\b(?:so|i'?m|im|am)\s+(?:so\s+)?(?:over|done)\s+existing\b|\bout\s+of\s+existence\b",
        # Not "shot myself in the foot", "shot myself a reminder email".
        _SHOOT + _ME + r"\b(?!\s+in\s+the\s+foot|\s+(?:a|an)\s+(?:\w+\s+)?"
        r"(?:e-?mail|text|message|note|reminder|dm|pm|line)\b)",
        r"\bblow\w*\s+my\s+brains?\s+out\b|\beat(?:ing)?\s+a\s+bullet\b",
        r"\bslit\w*\s+my\s+throat\b",
        r"\b(?:hope|hoping|pray|praying|wish)\s+(?:that\s+)?i\s+(?:don'?t|won'?t|never|do\s+not)\s+"
        r"wake\s+up\b",
        r"\bdie\s+in\s+my\s+sleep\b|\bwaiting\s+to\s+die\b",
        r"\bjust\s+be\s+done\b(?!\s+with\b)",
        r"\b(?:drive|driving|drove|crash\w*|slam\w*|turn\w*)\s+my\s+(?:car|bike|motorcycle)\s+"
        r"(?:\w+\s+){0,3}(?:into|onto)\s+(?:(?:a|the|an|oncoming)\s+)*(?:pole|wall|tree|barrier|"
        r"traffic|truck|train|river|lake|ditch)\b",
        # The writer (or a generic "you") is the one hit: not "I hope my landlord gets hit".
        r"\b(?:hope|hoping|wish|wishing|pray|praying)\s+(?:that\s+)?(?:i|you)\s+(?:\w+\s+){0,2}"
        r"(?:get|got)\s+(?:hit|run\s+over)\b",
        r"\b(?:hope|hoping|wish|wishing|pray|praying)\s+(?:that\s+)?(?:a|the|some)\s+(?:\w+\s+){0,2}"
        r"(?:hits|runs\s+over|kills|crashes\s+into)\s+me\b",
        r"\blife\s+to\s+be\s+over\b",
        r"\b(?:think|thinking|thoughts?)\s+(?:about|of)\s+(?:dying|death|ending\s+it)\b",
        r"\b(?:hang|hanging|hanged)\s+" + _ME + r"\b",
        r"\b(?:jump|jumping|yeet\w*|throw\w*)\s+(?:my\s*self\s+)?(?:off|from)\s+(?:a|the)\s+"
        r"(?:bridge|building|roof|cliff)\b",
        r"\bjump\w*\s+(?:in\s+front\s+of|under)\s+(?:a|the)\s+(?:train|bus|truck|car)\b",
        r"\b(?:think|thinking|thought)\s+(?:about|of)\s+jumping\b(?!\s+(?:ship|in|into|at|on|the))",
        r"\brather\s+(?:just\s+)?(?:be\s+dead|die)\b",
        r"\b(?:want|wanna|wish|just)\s+(?:to\s+)?(?:go\s+to\s+)?sleep\s+forever\b",
        r"\bif\s+i\s+(?:just\s+)?(?:wasn'?t|weren'?t|was\s+not|were\s+not)\s+(?:here|around|alive)\b",
        r"\b(?:hope|hoping|wish|pray\w*)\s+(?:that\s+)?i\s+(?:\w+\s+){1,4}and\s+die\b",
        r"\bto\s+use\s+on\s+my\s*self\b",
        r"\b(?:he|she|they)\s+(?:\w+\s+)?(?:wants?|wanted|wishes|wished)\s+to\s+die\b",
        r"\b(?:a|my)\s+(?:suicide\s+)?note\b(?=.{0,40}\b(?:goodbye|family|wrote|written)\b)",
        # Slang: "kms" above, "ctb" (catch the bus), "off myself".
        r"\bctb\b|\b(?:to|wanna|gonna|just|i'?ll|might|could|should|will)\s+off\s+my\s*self\b",
        # A third party's risk that the seeker describes (codebook v1.1).
        # An attempt, a wish, a plan or a threat, not a death told of ("killed himself last
        # year", "people who kill themselves"), which the writer grieves.
        r"\b(?:tried|tries|try|trying|attempted|attempting|wants?|wanted|wanting|going|threaten\w*|"
        r"plans?|planned|planning|thinking\s+(?:about|of)|talk\w*\s+about)\s+(?:to\s+)?kill(?:ing)?"
        r"\s+(?:him|her|them)sel(?:f|ves)\b",
        # Stated means: pills saved up, at hand, counted; a rope bought; a place chosen.
        r"\b(?:stockpil\w*|hoard\w*|sav(?:e|ed|ing)\s+up)\s+(?:(?:my|all|of|the|some|about|\d+|"
        r"a\s+lot\s+of)\s+)*(?:\w+\s+)?(?:pills|meds|medications?|tablets)\b",
        r"\b(?:bottle|handful|pile)\s+of\s+(?:\w+\s+)?(?:pills|tablets|meds)\s+(?:right\s+)?"
        r"(?:next\s+to|beside|in\s+front\s+of)\s+me\b",
        r"\bhow\s+many\s+(?:\w+\s+)?(?:pills|tablets|paracetamol|tylenol)\s+(?:it\s+)?(?:would|will|"
        r"does|do)\s+(?:it\s+)?(?:take|kill|be\s+(?:lethal|fatal|enough))\b",
        r"\b(?:bought|buy|buying|got)\s+(?:a|the|some)\s+rope\b(?!\s+for\b)",
        r"\bwhich\s+(?:bridge|building|roof|cliff|train|rope|gun)\s+(?:i'?m|im|i\s+am|i'?ll|i\s+will)"
        r"\s+(?:going\s+to\s+|gonna\s+)?(?:use|jump|take)\b",
        *_FAREWELLS,
    ),
    "self_harm": (
        r"\bself[\s-]*harm\w*",
        r"\bself[\s-]*injur\w*",
        r"\bsh'ing\b|\bsh\s+(?:urges?|again|relapse|scars?)\b",  # "sh" for self-harm
        # Not "cut myself a slice (of cake) / some slack".
        _CUT_MYSELF,
        r"\b(?:started|start|stop|stopped|urge\s+to)\s+cutting\b",
        r"\bcutting\s+(?:again|urges?)\b",
        _BURN_MYSELF,
        _HURT_MYSELF,
        _OVERDOSE,
        r"\b(?:tried\s+to|try\s+to|going\s+to|gonna|wanna|want\s+to|could\s+i|almost|nearly)\s+od\b",
        _HIT_MYSELF,
        r"\buntil\s+(?:i|it|they)\s+(?:bleed|bleeds|bled)\b",
        r"\burges?\s+to\s+(?:cut|burn|hurt|harm)\b",
        r"\bslit\w*\s+(?:my|your|their)\s+wrists?\b",
        _CUT_MY_SKIN,
        r"\bcarv\w*\s+(?:\w+\s+){0,3}(?:into|in|on)\s+my\s+(?:arm|wrist|skin|thigh|leg|stomach)s?\b",
        r"\bknife\s+(?:into|in|to|across)\s+my\b",
        r"\b(?:took|take|taking|swallow\w*|down(?:ing)?)\s+(?:a\s+lot\s+of|all\s+(?:of\s+)?"
        r"(?:my|the|those)|about\s+\d+|(?:[5-9]|[1-9]\d+)(?!\d)|a\s+bunch\s+of|a\s+handful\s+of|half\s+of)\s+"
        r"(?:\w+\s+)?(?:pills|paracetamol|tylenol|lorazepam|sleeping\s+pills|meds|medication|"
        r"tablets|xanax|ibuprofen|benzos)\b(?!\s+(?:every|each|daily|a\s+day|as\s+prescribed)\b)",
        r"\b(?:have|saved|stockpil\w*|hoard\w*)\s+(?:about\s+)?(?:\d+|a\s+lot\s+of)\s+pills\b",
        r"\b(?:relapsed?|relapsing)\s+(?:on|into)\s+(?:self[\s-]*harm|cutting)\b",
        r"\brelaps\w*(?=[^\n]{0,60}\b(?:cut|cutting|self[\s-]*harm\w*|sh)\b)",
        r"\b(?:want|wanna|need)\s+(?:to\s+)?cut\s+(?:so\s+bad(?:ly)?|again|tonight|right\s+now|"
        r"deeper)\b",
        # A third party's self-harm that the seeker describes (codebook v1.1).
        _HURT_THEMSELVES,
    ),
}
#: The labels of the patterns' cues (the learned flag adds
#: :data:`~carelens.analysis.crisis_model.LABEL`).
PATTERN_LABELS: tuple[str, ...] = tuple(_PATTERNS)
_FLAGS = re.IGNORECASE | re.DOTALL
_COMPILED = {
    label: [re.compile(p, _FLAGS) for p in patterns] for label, patterns in _PATTERNS.items()
}
# Every pattern in one alternation: most messages carry no cue, and one scan for any of them
# costs about a quarter of running each pattern, so the full scan runs only after a hit.
_ANY = re.compile("|".join(f"(?:{p})" for ps in _PATTERNS.values() for p in ps), _FLAGS)
# The same patterns, case-sensitive, for ASCII text lower-cased first (see crisis_cues). The
# patterns spell every letter in lower case (a test checks), so they match that text exactly
# where the case-insensitive ones match the original; comparing characters as they are makes
# the quick check about three times faster.
_FOLDED = {
    label: [re.compile(p, re.DOTALL) for p in patterns] for label, patterns in _PATTERNS.items()
}
_ANY_FOLDED = re.compile(_ANY.pattern, re.DOTALL)


@lru_cache(maxsize=1)
def _masked_patterns() -> tuple[re.Pattern[str], dict[str, list[re.Pattern[str]]]]:
    """The quick check and the patterns for text with a masked letter ("k*ll myself" as
    :func:`~carelens.disguises.unmask` reads it): each vowel of a pattern's words may be one
    (:func:`_masked`). Compiled the first time such a text comes."""
    compiled = {
        label: [re.compile(_masked(p), _FLAGS) for p in patterns]
        for label, patterns in _PATTERNS.items()
    }
    alternation = "|".join(f"(?:{p.pattern})" for ps in compiled.values() for p in ps)
    return re.compile(alternation, _FLAGS), compiled


# The writer's negation of the cue: "not", "never", "no longer" or a contraction ("won't",
# "wouldn't", "isn't", "haven't"; also spelt without the apostrophe), followed by nothing but
# words that let it reach the cue ("I'm not going to", "I would never ever"). A negation of
# another word ("not ok", "not afraid to", "wouldn't mind if", "not sure") leaves the cue
# standing. "do / does / did not" (and "don't", "didn't") do not negate, spelt either way:
# "I don't want to die", "I didn't hurt myself (this time)" are read by a person, as the
# patterns lean towards flagging; so are "can't" and "shouldn't", which speak of the urge
# ("I can't stop cutting", "I shouldn't hurt myself").
_NEGATOR = (
    r"(?:(?<!\bdo\s)(?<!\bdid\s)(?<!\bdoes\s)not|never|no\s+longer|"
    r"(?:wo|would|is|are|was|were|have|has|had)n['\u2019]?t)"
)
_THROUGH = (
    r"(?:going|gonna|to|ever|really|actually|seriously|be|been|being|try|trying|tried|plan|"
    r"planning|planned|on|about|want|wanting|wanted|wanna|do|even|currently|feel|feeling|"
    r"think|thinking|thought|consider|considering|i|i['\u2019]d|would|will|intend|intending|"
    r"attempt|attempting|go|at|all)"
)
_NEGATED = re.compile(rf"\b{_NEGATOR}\s+(?:{_THROUGH}\s+){{0,4}}$", re.IGNORECASE)
# Any negation, to find a second one before the writer's: "I have never not wanted to die",
# "I can't say I'm not suicidal" deny the denial.
_ANY_NEGATION = re.compile(
    r"\b(?:not|never|no|cannot|\w+n['\u2019]t|(?:do|does|did|ca|wo|would|could|should|is|are"
    r"|was|were|have|has|had|ai)nt)\b",
    re.IGNORECASE,
)
# After the cue, words that turn "never" into "never so much": "I've never wanted to die
# more than now", "I never wanted to kill myself until this year".
_UNDONE_AFTER = re.compile(
    r"^[\s,]*(?:\w+\s+){0,2}?(?:more\s+than|as\s+(?:much|badly)\s+as|until|till|before\s+"
    r"(?:now|today|this))\b",
    re.IGNORECASE,
)
# "(trying) not to", "to not": an effort against the urge, not a denial of it ("reasons to not
# kill myself", "I manage not to hurt myself").
_EFFORT_NOT = re.compile(r"\b(?:to\s+not|not\s+to)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# Cues that already contain the writer's negation are never treated as negated.
_INHERENTLY_NEGATIVE = re.compile(
    r"^(?:don'?t|do\s+not|didn'?t|no\s|can'?t|not\s|never\s)", re.IGNORECASE
)
# Where the cue's clause starts or ends: sentence punctuation, a comma or a conjunction.
_CLAUSE_BREAK = re.compile(r"[.!?\n,;]|\b(?:and|but|so|because)\b", re.IGNORECASE)


# In chat written without punctuation a new "I" starts a new clause ("I'm not crazy I would
# never hurt myself"), except after a verb of saying or knowing, whose clause it continues
# ("I can't say I'm not suicidal").
_NEW_SUBJECT = re.compile(r"\b(\w+)\s+i\b(?!')|\b(\w+)\s+(?=i'[a-z])", re.IGNORECASE)
_REPORTING = frozenset(
    (
        *("say", "said", "saying", "think", "thought", "believe", "know", "knew", "promise"),
        *("guarantee", "tell", "told", "claim", "pretend", "that", "sure", "mean", "feel"),
    )
)
# After a denied cue, in its sentence: the writer still thinks of it ("I'm not going to end
# it, but I think about it every day"); the codebook flags such ideation.
_STILL_THINKS = re.compile(
    r"^[^.!?\n]{0,40}?\bbut\s+(?:i\s+)?(?:\w+\s+){0,2}?(?:think|thinking|thought|dream|"
    r"dreaming|fantasi[sz]\w*)\s+(?:about|of)\s+(?:it|that|doing\s+it)\b",
    re.IGNORECASE,
)


def _own_clause(before: str) -> str:
    """The part of ``before`` (text up to a cue, already cut at clause breaks) from the last
    new first-person subject on."""
    cut = 0
    for match in _NEW_SUBJECT.finditer(before):
        word = match.group(1) or match.group(2)
        if word.lower() not in _REPORTING:
            cut = match.end(1) if match.group(1) else match.end(2)
    return before[cut:]


def _negated(text: str, start: int, end: int) -> bool:
    """Whether the writer plainly denies the cue at ``text[start:end]``."""
    if _INHERENTLY_NEGATIVE.match(text[start:end]):
        return False
    # Only the cue's own clause counts: in "I'm not okay and want to die" the "not" is about
    # something else.
    clause, after = _clauses(text, start, end)
    negation = _NEGATED.search(clause)
    if negation is None or _EFFORT_NOT.search(clause):
        return False
    if _ANY_NEGATION.search(_own_clause(clause[: negation.start()])):
        return False
    if _UNDONE_AFTER.match(after) is not None:
        return False
    return _STILL_THINKS.match(text[end : end + 120]) is None


# Words that make a match someone's act: a person in its clause ("I", "my", "he", "my
# friend's"), or nothing before it ("Overdosed last night").
_PERSON = re.compile(
    r"\b(?:i|me|my|myself|we|us|our|he|him|his|she|her|they|them|their|someone|somebody)\b",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"\b(?:i|me|my|myself|im|ive|id)\b", re.IGNORECASE)
# A subject other than the writer: "she wanted to end it", "let's end things", "can you end it".
_OTHER_SUBJECT = re.compile(r"\b(?:he|she|they|we|you|let's|lets)\b", re.IGNORECASE)
# An accident, said in the cue's clause: "I accidentally cut my leg shaving", "burned myself
# on the stove", "hurt myself at the gym".
_ACCIDENT = re.compile(
    r"\b(?:accident(?:al)?ly|accidently|(?:by|on)\s+accident|by\s+mistake)\b", re.IGNORECASE
)
_ACCIDENT_AFTER = re.compile(
    r"^\s*(?:\w+\s+){0,3}?(?:(?:on|with)\s+(?:the|a|my)\s+(?:stove|oven|pan|iron|kettle|hob|grill|"
    r"curling\s+iron)|at\s+(?:the\s+)?gym|(?:while\s+)?(?:shaving|cooking|lifting|working\s+out|"
    r"playing|skating|skiing|climbing|gardening))\b",
    re.IGNORECASE,
)


def _clauses(text: str, start: int, end: int) -> tuple[str, str]:
    """The cue's clause before ``start`` and after ``end``."""
    before = _CLAUSE_BREAK.split(text[max(0, start - 60) : start])[-1]
    after = _CLAUSE_BREAK.split(text[end : end + 60], maxsplit=1)[0]
    return before, after


def _someones_act(text: str, start: int, end: int) -> bool:
    """An overdose that someone took on purpose: not a topic ("Paracetamol overdose is on my
    exam"), a question ("Is it possible to overdose on caffeine?"), a figure ("overdoses are
    up") or an accident."""
    before, after = _clauses(text, start, end)
    if _ACCIDENT.search(before) or _ACCIDENT.search(after):
        return False
    return not before.strip() or _PERSON.search(before) is not None


def _own_act(text: str, start: int, end: int) -> bool:
    """ "end it / things" said of the writer's own act, not another's ("she wanted to end it",
    "let's end things on a good note")."""
    before = _clauses(text, start, end)[0]
    return _OTHER_SUBJECT.search(before) is None or _FIRST_PERSON.search(before) is not None


# Someone else telling the seeker: "someone told me I should kys", "people say I should kys".
_TOLD_TO_ME = re.compile(
    r"\b(?:told|tell|tells|telling|said|say|says|saying|wrote|texted|messaged"
    r"|commented|yelled|shouted|screamed)\s+(?:to\s+)?(?:me|i)\b",
    re.IGNORECASE,
)
# The writer as the subject of such a verb, maybe with auxiliaries or adverbs between: their
# own telling ("I said I want to kys", "I always say I want to kys", "I've honestly said I
# wanna kys"), not someone else's after it ("I think my mom said I should kys").
_WRITER_TELLS = re.compile(
    r"\b(?:i|i'?ve|i'?d|i'?ll|i'?m)\s+(?:(?:have|had|would|will|do|did|just|even|really|always"
    r"|often|sometimes|usually|keep|kept|once|also|still|ever|used\s+to|\w+ly)\s+){0,3}$",
    re.IGNORECASE,
)


def _own_kys(text: str, start: int, end: int) -> bool:
    """ "kys" after a desire or an intent (_KYS) said of the writer, not another's ("you
    should kys", "she wants to kys": :func:`_own_act`) and not in what someone else told
    them ("my mom said I should kys")."""
    before = _clauses(text, start, end)[0]
    told = any(
        _WRITER_TELLS.search(before, 0, telling.start()) is None
        for telling in _TOLD_TO_ME.finditer(before)
    )
    return not told and _own_act(text, start, end)


def _on_purpose(text: str, start: int, end: int) -> bool:
    """Self-harm words that do not tell of an accident ("I burned myself on the stove")."""
    before, after = _clauses(text, start, end)
    if _ACCIDENT.search(before) or _ACCIDENT.search(after):
        return False
    return _ACCIDENT_AFTER.match(after) is None


# An everyday leaving near a farewell (_FAREWELLS): a move, a trip, a new job, a break.
_ORDINARY_LEAVING = re.compile(
    r"\b(?:moving|move\s+(?:to|abroad|away|out|house)|moved|relocat\w*|holidays?|vacation|trip"
    r"|travel\w*|flight|flying|plane|abroad|new\s+(?:job|city|country|school|account|team|home"
    r"|house|place)|leaving\s+(?:for|the\s+(?:company|team|job|country|city|forum|sub|subreddit"
    r"|group|site|server|app))|quit(?:ting)?\s+(?:my\s+job|reddit|the\s+(?:forum|sub|app|site))"
    r"|graduat\w*|retir\w*|hiatus|(?:a|my)\s+break|logging\s+off|signing\s+off|offline"
    r"|delet\w*\s+(?:my\s+)?(?:account|reddit|app)|see\s+(?:you|ya|u)\s+(?:all\s+|guys\s+)?"
    r"(?:soon|later|in|next|when|after|again|on|around)|be\s+back|for\s+now|for\s+a\s+(?:while"
    r"|bit|few)|camp(?:ing)?|wedding|honeymoon|deploy\w*|semester|internship)\b",
    re.IGNORECASE,
)


def _final_farewell(text: str, start: int, end: int) -> bool:
    """A farewell without an everyday leaving near it ("goodbye everyone, I'm moving to
    Canada", "by the time you read this I'll be gone on holiday")."""
    return _ORDINARY_LEAVING.search(text, max(0, start - 150), end + 150) is None


_FINAL_WORDS = re.compile(rf"\b{_FINAL}\b", re.IGNORECASE)
_FINAL_OR_BYE = re.compile(rf"\b(?:{_FINAL}|{_BYE})\b", re.IGNORECASE)
# "my last post", "the very last message", not "in my last post", "see my last post".
_OWN_LAST = re.compile(
    r"(?<!\bin\s)(?<!\bon\s)(?<!\bof\s)(?<!\bto\s)(?<!\bsee\s)(?<!\babout\s)\b(?:my|the)\s+"
    r"(?:very\s+)?$",
    re.IGNORECASE,
)


_FAREWELL_ACT = re.compile("|".join(f"(?:{p})" for p in _FAREWELL_ACTS), re.IGNORECASE)
# The calm after the acts: "I feel calm now", "I feel at peace now, finally", "I'm ready now".
_CALM = re.compile(
    r"\b(?:feel|feeling|felt|i'?m|im|i\s+am)\s+(?:(?:so|very|really|strangely|weirdly|oddly"
    r"|finally|completely|totally|just|a\s+lot\s+more|more|much)\s+)*(?:calm|at\s+peace|peaceful"
    r"|ready)\b(?!\s+(?:for|to|with|about)\b)",
    re.IGNORECASE,
)
# An everyday giving or leaving near the acts, besides _ORDINARY_LEAVING.
_ORDINARY_GIVING = re.compile(
    r"\b(?:charity|charities|donat\w*|thrift|goodwill|declutter\w*|garage\s+sale|yard\s+sale"
    r"|outgrown|old\s+(?:clothes|stuff|things|toys|books)|spare|minimalis\w*|tidy\w*|party"
    r"|christmas|birthday|thank[\s-]you|cards?|funeral|memorial|passed\s+away|died|vet"
    r"|put\s+(?:down|to\s+sleep)|hospice)\b",
    re.IGNORECASE,
)


def _farewell_acts(text: str, start: int, end: int) -> bool:
    """A farewell act (_FAREWELL_ACTS) with another act or the calm after them (_CALM) within
    150 characters, and no everyday giving or leaving near it (_ORDINARY_GIVING,
    _ORDINARY_LEAVING): one act alone is how everyday life reads too."""
    low, high = max(0, start - 150), end + 150
    other = any(
        not (match.start() < end and start < match.end())
        for match in _FAREWELL_ACT.finditer(text, low, high)
    )
    if not other and _CALM.search(text, low, high) is None:
        return False
    return (
        _ORDINARY_GIVING.search(text, low, high) is None
        and _ORDINARY_LEAVING.search(text, low, high) is None
    )


def _goodbye(text: str, start: int, end: int) -> bool:
    """A goodbye with words of an ending within 100 characters ("Goodbye. I love you all.",
    "she'll take better care of him. Goodbye everyone.")."""
    near = _FINAL_WORDS.search(text, max(0, start - 100), end + 100) is not None
    return near and _final_farewell(text, start, end)


def _last_words(text: str, start: int, end: int) -> bool:
    """The writer's own "last post" with a goodbye or words of an ending near it ("this is my
    last post, take care of my cat")."""
    if _OWN_LAST.search(text, max(0, start - 20), start) is None:
        return False
    after = _FINAL_OR_BYE.search(text, end, end + 100) is not None
    near = after or _FINAL_OR_BYE.search(text, max(0, start - 100), start) is not None
    return near and _final_farewell(text, start, end)


#: Patterns whose words have everyday senses too: a match is a cue only when its check holds.
_CONTEXT: dict[str, Callable[[str, int, int], bool]] = {
    _OVERDOSE: _someones_act,
    _END_IT: _own_act,
    _KYS: _own_kys,
    **dict.fromkeys(_FAREWELL_ACTS, _farewell_acts),
    _GOODBYE: _goodbye,
    _LAST_POST: _last_words,
    **dict.fromkeys(_FAREWELLS[len(_FAREWELL_ACTS) + 2 :], _final_farewell),
    **dict.fromkeys(
        (_CUT_MYSELF, _BURN_MYSELF, _HURT_MYSELF, _HIT_MYSELF, _CUT_MY_SKIN, _HURT_THEMSELVES),
        _on_purpose,
    ),
}


def _masked(pattern: str) -> str:
    """``pattern`` as it reads text with a masked letter (:func:`~carelens.disguises.unmask`):
    each vowel of its words may be one (:func:`~carelens.disguises.vowels_masked`), but not where
    that would read a common masked swear word (:data:`_MASKED_AS`)."""
    for words, masked in _MASKED_AS.items():
        if pattern.startswith(words):
            return masked + vowels_masked(pattern[len(words) :])
    return vowels_masked(pattern)


#: Words that open a pattern, each with how a masked letter may stand in it: "sh*t myself"
#: is no "shot myself".
_MASKED_AS = {_SHOOT: _SHOOT_MASKED}
#: The checks by the pattern they read, masked too (:func:`_masked_patterns`).
_CHECKS = {**_CONTEXT, **{_masked(p): check for p, check in _CONTEXT.items()}}


#: Where the writer plainly negates a crisis mention about themselves, as (start, end).
Mentions = tuple[tuple[int, int], ...]


@lru_cache(maxsize=16)
def crisis_scan(seeker_text: str) -> tuple[tuple[Span, ...], Mentions]:
    """One pass over ``seeker_text``: its cues (:func:`crisis_cues`) and the mentions the
    writer negates (:func:`negated_mentions`). The last few texts' answers are kept (they are
    immutable): the analyzer scans a seeker message and the feedback of its reply reads the
    same scan again."""
    return _scanned(seeker_text, quick=True)


def crisis_cues(seeker_text: str) -> tuple[Span, ...]:
    """Suicide and self-harm cues in ``seeker_text``, in order, overlapping matches merged."""
    return crisis_scan(seeker_text)[0]


def negated_mentions(seeker_text: str) -> Mentions:
    """Where ``seeker_text`` mentions crisis wording that the writer plainly negates about
    themselves ("I'm not suicidal"), as (start, end) offsets: the matches
    :func:`crisis_cues` leaves out. The learned flag is not asked about their sentences."""
    return crisis_scan(seeker_text)[1]


def _scan(seeker_text: str) -> tuple[Span, ...]:
    """Every case-insensitive pattern over ``seeker_text``, without the quick check or the
    lower-cased copy (what :func:`crisis_cues` must equal; the tests compare them)."""
    return _scanned(seeker_text, quick=False)[0]


def _scanned(seeker_text: str, *, quick: bool) -> tuple[tuple[Span, ...], Mentions]:
    """The cues and negated mentions of ``seeker_text``, read folded (:func:`fold`), and
    read unmasked too (:func:`~carelens.disguises.unmask`: "d-i-e", "k*ll myself") when it holds
    a masked word: a cue found either way is a cue, and a mention negated one way that is a
    cue the other ("I'm n-o-t suicidal") is a cue only. A negation holds only when it reads
    so with its look-alike letters as typed too (:func:`~carelens.disguises.has_look_alikes`: in
    "I'm n\u043et going to kill myself", with a Cyrillic "\u043e", it does not). What is
    found is mapped back to ``seeker_text``'s offsets, a masked word's covering its marks."""
    # The patterns spell an apostrophe "'"; phones type U+2019 ("I can\u2019t go on"). They
    # read the folded text (no "sui\u200bcide"), and what they find is mapped back.
    folded = fold(seeker_text)
    typed = folded_as_typed(seeker_text, folded.text)
    cues, negated = _search(folded.text, quick=quick, typed=typed)
    if has_masks(folded.text):
        unmasked = unmask(folded.text)
        typed_unmasked = None if typed is None else unmask(typed).text
        if typed_unmasked is not None and len(typed_unmasked) != len(unmasked.text):
            typed_unmasked = None  # not the same words: read as the patterns read them
        more, more_negated = _search(
            unmasked.text,
            quick=quick,
            masked=MASKED_LETTER in unmasked.text,
            typed=typed_unmasked,
        )
        if more or more_negated:
            cues = merge_overlapping(
                [*cues, *(Span(*unmasked.span(c.start, c.end), c.label, c.score) for c in more)]
            )
            mentions = {*negated, *(unmasked.span(*m) for m in more_negated)}
            negated = tuple(
                (start, end)
                for start, end in sorted(mentions)
                if not any(cue.start < end and start < cue.end for cue in cues)
            )
    return _unfolded(folded, cues, negated)


def _search(
    text: str, *, quick: bool, masked: bool = False, typed: str | None = None
) -> tuple[tuple[Span, ...], Mentions]:
    """The cues and negated mentions of ``text`` (folded, maybe unmasked); with ``masked``,
    by the patterns that read a masked letter (:func:`_masked_patterns`: for text
    :func:`~carelens.disguises.unmask` gave one, never for a "\u01c2" the writer typed); with
    ``quick``, after the one-pass check, and ASCII text lower-cased. ``typed`` is ``text``
    with its look-alike letters as typed, where a negation must read too."""
    if masked:
        any_cue, compiled = _masked_patterns()
        searched = text
    elif quick and text.isascii():
        # For ASCII text, lower() changes only A-Z, one character for one, and a
        # case-insensitive pattern matches an ASCII character exactly where its lower-case
        # form matches: the same cues at the same offsets, found faster (_FOLDED).
        searched, any_cue, compiled = text.lower(), _ANY_FOLDED, _FOLDED
    else:
        searched, any_cue, compiled = text, _ANY, _COMPILED
    if quick and any_cue.search(searched) is None:
        return (), ()
    return _find(text, searched, compiled, typed)


def _unfolded(
    folded: Folded, cues: tuple[Span, ...], negated: Mentions
) -> tuple[tuple[Span, ...], Mentions]:
    """``cues`` and ``negated``, found in ``folded.text``, at the original text's offsets."""
    if folded.origins is None:
        return cues, negated
    return (
        merge_overlapping([Span(*folded.span(c.start, c.end), c.label, c.score) for c in cues]),
        tuple(sorted({folded.span(start, end) for start, end in negated})),
    )


def _find(
    text: str,
    searched: str,
    compiled: dict[str, list[re.Pattern[str]]],
    typed: str | None = None,
) -> tuple[tuple[Span, ...], Mentions]:
    """The cues of ``text`` where the ``compiled`` patterns match ``searched`` (``text`` itself,
    or its lower-cased copy with the same offsets), merged, and apart from them the matches
    the writer negates; negation is read in ``text``, and in ``typed`` too where given (the
    same offsets, look-alike letters as typed): a negation only one of them holds is none."""
    found: list[Span] = []
    negated: set[tuple[int, int]] = set()
    for label, patterns in compiled.items():
        for pattern in patterns:
            check = _CHECKS.get(pattern.pattern)
            for match in pattern.finditer(searched):
                start, end = match.span()
                if check is not None and not check(text, start, end):
                    continue
                if _negated(text, start, end) and (typed is None or _negated(typed, start, end)):
                    negated.add((start, end))
                else:
                    found.append(Span(start, end, label, 1.0))
    return merge_overlapping(found), tuple(sorted(negated))
