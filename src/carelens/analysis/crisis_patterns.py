"""The crisis-cue patterns: the regular expressions that find suicide and self-harm wording.

:data:`PATTERNS` holds them by the label of their cues (``suicide``, ``self_harm``), each
spelled in lower case and opening with ``\\b`` (:mod:`carelens.analysis.crisis` compiles
them, and runs them all as one alternation first). A few of them have everyday senses too
(:data:`OVERDOSE`, :data:`END_IT`, :data:`KYS`, :data:`RATHER_DIE`, the farewells, the
self-harm verbs of :data:`ON_PURPOSE`, the jumps of :data:`JUMPS` and :data:`SLIT_WRISTS` told in
a story), and a few are no cue in what someone else told the seeker (:data:`KILL_MYSELF`,
:data:`KILL_YOURSELF`, :data:`KYS`, :data:`KYS_TOLD`): their names are public here so that
:mod:`carelens.analysis.crisis_context` can say which check of the words around a match each
one needs. :data:`OWN_RISK` holds the signs of the writer's own risk that leave no everyday
reading standing. :func:`masked_pattern` gives a pattern as it reads a text with a masked
letter ("k*ll myself", as :func:`carelens.disguises.unmask` reads it). Three groups of patterns
are stated in modules of their own and joined here: an overdose told by its quantity, with
:data:`DRUGS`, the one list of drugs ("took a whole bottle of tylenol", "gonna take the whole
bottle": :mod:`carelens.analysis.crisis_overdose_patterns`); going on living given up ("I
don't want to go on anymore", "maybe I should stop going on.":
:mod:`carelens.analysis.crisis_giving_up`); and a means (hanging, shooting, a jump from a
height, "od'd", "cutting") and the same act after another's, with their checks
(:mod:`carelens.analysis.crisis_methods`); and a means come near, a gun to the mouth or the
head, a gun in reach, a jump wished on a height, a ledge or an edge, alcohol with pills
(:mod:`carelens.analysis.crisis_means_near`). The veiled cues (preparations, plans, questions
that seek a means, passive ideation, masked words, another person at risk now, self-harm coming
back, the writer's time told as ending, a burden lifted by their death, death talk owned as
meant, what the writer leaves for after their death, a step off a height weighed:
:mod:`carelens.analysis.crisis_veiled`; and the newer ones gathered by
:mod:`carelens.analysis.crisis_veiled_joins`) are joined too, each pattern with the words one of
its cues must hold (:data:`SCREENED`). This module only states the
patterns; the scanning lives in :mod:`carelens.analysis.crisis`.
"""

from __future__ import annotations

from carelens.analysis.crisis_burden import BURDEN, BURDEN_WORDS
from carelens.analysis.crisis_found_after import FOUND_AFTER, FOUND_AFTER_WORDS
from carelens.analysis.crisis_giving_up import CANT_GO_ON, GIVING_UP
from carelens.analysis.crisis_masked_words import KILL_LETTERS, MASKED_WORD_WORDS, MASKED_WORDS
from carelens.analysis.crisis_means_near import SELF_HARM_NEAR, SUICIDE_NEAR
from carelens.analysis.crisis_means_questions import HOW_DEEP, MEANS_QUESTION_WORDS, MEANS_QUESTIONS
from carelens.analysis.crisis_meant import MEANT, MEANT_WORDS
from carelens.analysis.crisis_methods import SELF_HARM_MEANS, SUICIDE_MEANS, THEY_MEANS
from carelens.analysis.crisis_not_around import NOT_AROUND, NOT_AROUND_WORDS
from carelens.analysis.crisis_others_now import OTHERS_NOW, OTHERS_NOW_WORDS, THEY_NOW
from carelens.analysis.crisis_overdose_patterns import TAKE_MANY, TAKE_PLANNED, TOOK_MANY
from carelens.analysis.crisis_passive import PASSIVE, PASSIVE_WORDS
from carelens.analysis.crisis_plans import PLAN_WORDS, PLANS
from carelens.analysis.crisis_preparations import PREPARATION_WORDS, PREPARATIONS
from carelens.analysis.crisis_self_harm_back import SELF_HARM_BACK, SELF_HARM_BACK_WORDS
from carelens.analysis.crisis_step_off import STEP_OFF, STEP_OFF_WORDS
from carelens.analysis.crisis_veiled_joins import (
    NEWER_SELF_HARM,
    NEWER_SUICIDE,
    NEWER_THIRD_PARTY,
    NEWER_WORDS,
)
from carelens.disguises import MASKED_LETTER, vowels_masked

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
#: Signs of the writer's own risk in the words an everyday reading reads, which then sets
#: nothing aside: a missed crisis is far worse than a false cue. A negative verdict on
#: themselves ("a burden", "worthless", "I failed my whole life", "bad at everything", "my life
#: is awful", "I'm too much", "nobody would miss me", "better off without me"; "awful", "too
#: much", "fucked up" or "broken" only said of the writer, as "that's fucked up" judges the
#: teller), words of death or a way out ("traffic", "the toaster", "a break from breathing",
#: "my existence", "a new way out", "a different method than last time", "one more time and
#: then do it") or of an attempt ("ended up in the icu", "the er doc", "liver damage", "my
#: sister found me", "and then kept going", "because I gave up", "I couldn't take it", "I just
#: snapped", "for the pain of losing him", "for the emotional pain"). Read by
#: :mod:`carelens.analysis.crisis_idioms` and :mod:`carelens.analysis.crisis_tellings`;
#: :data:`OWN_RISK_WORDS` holds the verdicts and the words of death or a way out alone, what a
#: pet's or a small child's swallowing is read with ("my 2 year old swallowed 10 of my iron
#: pills, poison control said go to the ER" tells of their care).
OWN_RISK_WORDS = (
    r"\b(?:burden\w*|worthless|useless|pathetic|waste(?!\s+of\s+(?:(?:my|your|his|her|their|our"
    r"|so\s+much)\s+)?(?:time|money|energy|effort|food|talent))|failure|fail(?:ed|ing)?\s+(?:at\s+)?"
    r"(?:my\s+)?(?:whole\s+|entire\s+)?life|bad\s+at\s+(?:everything|existing|life|living|being"
    r"\s+alive)|disappointment|lost\s+cause|hopeless|pointless|ruin(?:ed|s|ing)?\s+(?:everything"
    r"|every\w+|my\s+(?:life|family)|(?:their|his|her|everyone'?s)\s+li(?:fe|ves))|broke\s+(?:[\w']+"
    r"\s+){0,2}hearts?|better\s+off\s+(?:without\s+me|dead|gone)|better\s+for\s+every(?:one|body)"
    r"|(?:nobody|no\s*one|noone)\s+(?:[\w']+\s+){0,2}?(?:miss|misses|want|wants|care|cares|need"
    r"|needs|love|loves|notice|notices)\b|(?:don'?t|dont|do\s+not)\s+deserve"
    r"|(?:i'?m|im|i\s+am|i\s+was|i\s+feel|i\s+felt|i'?ve\s+been|ive\s+been|my\s+(?:life|brain|head"
    r"|mind|existence)(?:'s|\s+is|\s+was|\s+has\s+been|\s+feels))\s+(?:(?:so|just|really|such|totally"
    r"|completely|too|a|an|literally|fucking|honestly|kinda|pretty)\s+){0,3}(?:awful|terrible"
    r"|horrible|(?:fucked|messed|screwed)\s+up|broken|too\s+much|a\s+mess|nothing|garbage|trash"
    r"|a\s+mistake|unlovable|unwanted|a\s+problem)"
    # death and a way out
    r"|di(?:e|es|ed|ing)|dead|death|gone|kill\w*|suicid\w*|traffic|toaster|bridge|rope|noose|gun"
    r"|breathing(?!\s+(?:exercises?|techniques?))|existence|exist(?:ing)?|way\s+out|method|last"
    r"\s+time|one\s+more\s+time|do\s+it|end\s+(?:it|things|everything|my\s+life)|over\s+with"
    r"|(?:it|this|everything)\s+(?:all\s+)?over|sleep\s+forever|forever|for\s+good|permanently"
    r"|heaven|this\s+world|good\s*-?\s*bye|(?:never|not)\s+wake\s+up|(?:not|no\s+longer)\s+(?:be\s+)?"
    r"(?:here|around|alive)|(?:delete|erase|unalive|unaliving)\s+myself|unaliv(?:e|ing)|graves?|coffin|life\s+itself"
    r"|rather\s+(?:just\s+)?do\s+what\s+(?:s?he|they|you)\s+(?:said|says|wants?|told\s+me))\b"
)
_ATTEMPT_CONTEXT = (
    r"\b(?:icu|(?:the|an|in\s+the)\s+er|er\s+(?:doc\w*|nurses?|staff)|hospital\w*|poison\s+control"
    r"|liver|stomach\s+pumped|pumped\s+my\s+stomach|found\s+me|ambulance|passed\s+out|kept\s+going"
    r"|on\s+purpose|(?:gave|give|giving)\s+up|(?:can'?t|cant|cannot|couldn'?t|couldnt)\s+(?:take"
    r"|handle|do)\s+(?:it|this)|snapped|(?:emotional|mental)\s+pain|pain\s+of\s+(?:losing|living"
    r"|being|life|existing|everything|it\s+all|loss|heartbreak|him|her|them)|feel\s+nothing"
    r"|so\s+it\s+works|(?:i'?m|im|i\s+am)\s+done|(?:a\s+bunch|a\s+lot|lots|\d+|some|a\s+few)\s+more)\b"
)
OWN_RISK = rf"(?:{OWN_RISK_WORDS}|{_ATTEMPT_CONTEXT})"
# Patterns read with the words around them too (:mod:`carelens.analysis.crisis_context`).
OVERDOSE = r"\boverdos\w*"
# Like every pattern it starts with \b: the one alternation of them all is quick only
# while each branch does (one that opened with its lookbehind made it six times slower).
END_IT = r"\b(?<!\bthe\s)end(?:ing)?\s+(?:things|everything|it)\b(?!\s+(?:all|with)\b)"
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
#: The self-harm verbs, a cue only where they tell of no accident ("I burned myself on the
#: stove").
ON_PURPOSE = (_CUT_MYSELF, _BURN_MYSELF, _HURT_MYSELF, _HIT_MYSELF, _CUT_MY_SKIN, _HURT_THEMSELVES)
# A farewell that points to suicide: a goodbye or a "last post" near words of an ending (thanks
# for everything, an apology, a pet left in care: FINAL), "by the
# time you read this I'll be gone", "I won't need them where I'm going". A goodbye alone
# ("goodbye everyone, I'm moving to Canada") is not one, nor is any of them near an everyday
# leaving (:mod:`carelens.analysis.crisis_context` checks). Each starts with a rare word and the
# checks read the words around it: the alternation of all patterns stays quick.
BYE = r"(?:goodbye|good\s*-?\s*bye|farewell)"
FINAL = (
    r"(?:thank\s+you\s+(?:all\s+|guys\s+|so\s+much\s+)?for\s+everything|thanks\s+(?:(?:all|everyone"
    r"|everybody|guys|y'?all)\s+)?for\s+everything"
    r"|i'?m\s+(?:so\s+)?sorry|i\s+love\s+you\s+(?:all|guys)|love\s+you\s+all|forgive\s+me"
    r"|take\s+(?:good\s+|better\s+)?care\s+of\s+(?:my|him|her|them)|won'?t\s+be\s+(?:here|around)"
    r"|forever|for\s+good|one\s+last\s+time)"
)
GOODBYE = rf"\b{BYE}\b"
# Not "my last post before my holiday", "my last post got no replies" (and not "in my last
# post": a check of the words before it).
LAST_POST = (
    r"\blast\s+(?:post|message|words|note|letter|entry)\b(?!\s+(?:on|in|here|before|until|till|"
    r"for|of|about|from|was|is|got|had|i\s+(?:made|wrote|posted|said))\b)"
)
# A farewell told by its acts, the warning signs helpers are taught to read: possessions given away,
# goodbyes or letters to everyone, a calm after them. An act is a cue only beside another sign (a
# check of the words around it): "I've been giving away my things and saying goodbye to people. I
# feel calm now.", "I wrote letters to everyone I love. I'm ready now."; not beside an everyday
# giving or leaving ("giving away my old clothes to charity", "saying goodbye to people at my
# leaving party").
_GIVEN_AWAY = (
    r"\b(?:giv(?:e|es|ing)|gave|given)\s+away\s+(?:(?:all|most|some|a\s+lot|many)\s+(?:of\s+)?)?"
    r"my\s+\w+"
)
_LETTERS = (
    r"\b(?:wr[io]te|written|writing|write)\s+(?:(?:a\s+)?(?:\w+\s+)?(?:letters?|notes?))\s+(?:to|for)"
    r"\s+(?:everyone|everybody|all\s+(?:of\s+)?(?:my|the)|each\s+of|my\s+(?:family|kids|children"
    r"|parents|loved\s+ones|friends|wife|husband|partner))\b"
)
# Goodbyes said to everyone, or the writer's own goodbyes said ("I have been saying my goodbyes
# quietly this week"), not "saying my goodbye to the house".
_GOODBYES_TO = (
    r"\b(?:say|says|saying|said)\s+(?:my\s+)?(?:goodbyes?|good\s*-?\s*byes?)\s+to\s+(?:people"
    r"|everyone|everybody|all|my\s+(?:family|friends|loved\s+ones|kids|parents))\b"
    r"|\b(?:say|says|saying|said)\s+my\s+(?:(?:quiet|last|final|silent)\s+)?(?:goodbyes"
    r"|good\s*-?\s*byes)\b(?!\s+to\b)"
)
FAREWELL_ACTS = (_GIVEN_AWAY, _LETTERS, _GOODBYES_TO)
#: Goodbye letters or notes written, a warning sign alone: "I wrote my goodbye letters tonight",
#: "writing goodbye letters to my family", "my goodbye notes are done"; a check of the words
#: around them reads the writing (the match starts at the rarer word, which keeps the one
#: alternation of all patterns quick) and sets aside an everyday recipient or leaving ("a
#: goodbye letter to my old job", "... to my eating disorder", "a farewell letter to my team
#: before I retire").
GOODBYE_LETTERS = rf"\b{BYE}\s+(?:letters?|notes?)\b"
#: The writer's own note, a suicide note unnamed: "i wrote my note tonight", "finished writing
#: my note to my family", "my note is done"; a check reads its writing and sets aside an
#: everyday recipient or use ("wrote my note for the teacher", "left my note on the fridge,
#: grocery list"); "a note", "my notes", "my thank-you note" are none.
OWN_NOTE = r"\bmy\s+(?:(?:last|final)\s+)?note\b"
#: The other farewells, a cue without an everyday leaving near them.
FINAL_FAREWELLS = (
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
_FAREWELLS = (*FAREWELL_ACTS, GOODBYE_LETTERS, OWN_NOTE, GOODBYE, LAST_POST, *FINAL_FAREWELLS)
# "kys" ("kill yourself") said of oneself after a desire or an intent: "I just want to kys",
# "gonna kys", "i might kys", "ready to kys". Said alone, to or about others, it is the abuse a
# seeker reports ("someone told me to kys", "people say kys to me", "kys is so toxic"), not
# their own intent, and so is "I should kys" after someone else's telling ("people say I should
# kys": :mod:`carelens.analysis.crisis_tellings`).
KYS = (
    r"\b(?:(?:want|wants|wanted|wanting|need|needs|tempted|ready|about|going|plan|planning"
    r"|decided|try|trying)\s+to|wanna|gonna|might|should|i'?ll|i\s+will|i\s+could"
    r"|wish\s+i\s+could)\s+(?:(?:just|fucking|really|finally|literally|actually|honestly"
    r"|seriously|totally|probably|prob|definitely|def)\s+){0,2}kys\b"
)
# "kys" alone ("someone told me to kys"): a cue only where someone else told it to the seeker
# and the seeker takes it up ("... and honestly I want to": a check of the words around it).
KYS_TOLD = r"\bkys\b"
# Not the effort idiom "killing myself at work / to finish this"; "kil" is a typo, "kll",
# "k.ll", "k**l" are masks the unmasking leaves (crisis_masked_words.KILL_LETTERS). Like
# KILL_YOURSELF, no cue in what someone else told the seeker ("someone told me to kill myself",
# 'my mom said "kill yourself"': the abuse they report, as with "kys"), unless the seeker takes
# it up ("... and honestly I want to").
KILL_MYSELF = (
    rf"\b{KILL_LETTERS}(?:ing|ed)?\s+my\s*self\b(?!\s+(?:at\s+(?:work|the\s+gym|my\s+job|school)|"
    r"working|studying|to\s+(?:finish|get|meet|make|pay|keep|pass)\b))"
)
# The generic "you" in a seeker's own message (codebook v1.1).
KILL_YOURSELF = r"\bkill(?:ing)?\s+your\s*self\b"
#: A wish to die: "I want to die", "wanna die", "wish I could just die", "hoping to be dead";
#: not a hyperbole laughed off over an everyday thing ("the movie was so bad i wanted to die
#: lol": :mod:`carelens.analysis.crisis_unreal`).
WANT_TO_DIE = (
    r"\b(?:want|wnat|wanna|wanted|wanting|wish|wished|wishing|hope|hoping|desperate|pray|"
    r"praying)\s+(?:(?:that\s+)?i\s+(?:could\s+|would\s+|will\s+|can\s+)?|to\s+|too\s+|2\s+)?"
    r"(?:(?:just|fucking|really|finally|to)\s+){0,2}(?:die+|be\s+dead|disappear\s+forever)\b"
)
# Not the idiom "I'd rather die than go to that party" (a check of the words after it).
RATHER_DIE = r"\brather\s+(?:just\s+)?(?:be\s+dead|die)\b"
_SHOOT = r"\b(?:shoot|shooting|shot)\s+"
# _SHOOT as a masked letter may stand in it (:func:`masked_pattern`): "sh*ot", "sho*t", one "o"
# shown; "sh*t" and "sh**t" mask a swear word ("I nearly sh*t myself laughing", "my boss sh*t me
# down").
_SHOOT_MASKED = rf"\b(?:sh(?:o[o{MASKED_LETTER}]|{MASKED_LETTER}o)t(?:ing)?|shot)\s+"
# A third party's risk that the seeker describes (codebook v1.1): a death wish ("she wants to
# die"); an attempt, a wish, a plan or a threat, not a death told of ("killed himself last
# year", "people who kill themselves"), which the writer grieves.
_THEY_WANT_TO_DIE = r"\b(?:he|she|they)\s+(?:\w+\s+)?(?:wants?|wanted|wishes|wished)\s+to\s+die\b"
_THEY_KILL_THEMSELVES = (
    r"\b(?:tried|tries|try|trying|attempted|attempting|wants?|wanted|wanting|going|threaten\w*|"
    r"plans?|planned|planning|thinking\s+(?:about|of)|talk\w*\s+about)\s+(?:to\s+)?kill(?:ing)?"
    r"\s+(?:him|her|them)sel(?:f|ves)\b"
)
# Another's life to be ended: "he is going to end his life", "she tried to end her life".
_THEY_END_THEIR_LIFE = (
    r"\b(?:going\s+to|gonna|wants?\s+to|wanted\s+to|threaten\w*\s+to|plans?\s+to|planning\s+to"
    r"|tried\s+to|trying\s+to|try\s+to|decided\s+to|about\s+to)\s+end\s+(?:his|her|their)\s+(?:own\s+)?"
    r"li(?:fe|ves)\b"
)
#: The patterns of a third party's risk, not the writer's own (beside a telling the writer
#: reports they do not count as the writer's own risk: :mod:`carelens.analysis.crisis_context`).
THIRD_PARTY = (
    _THEY_WANT_TO_DIE,
    _THEY_KILL_THEMSELVES,
    _THEY_END_THEIR_LIFE,
    _HURT_THEMSELVES,
    THEY_MEANS,
    *THEY_NOW,
    *NEWER_THIRD_PARTY,
)
#: A jump from a height or before a vehicle, in the present ("I want to jump off a bridge",
#: "jumping in front of a train"): a cue but in a story ("the movie ends with her jumping off
#: the bridge": :mod:`carelens.analysis.crisis_context` checks).
JUMPS = (
    r"\b(?:jump|jumping|yeet\w*|throw\w*)\s+(?:my\s*self\s+)?(?:off|from)\s+(?:a|the)\s+"
    r"(?:bridge|building|roof|cliff)\b",
    r"\bjump\w*\s+(?:in\s+front\s+of|under)\s+(?:a|the)\s+(?:train|bus|truck|car)\b",
)
#: The bare words: "suicide", "suicidal" (also "sucide", "su1cidal", "s*icidal", "sewerslide"),
#: "self harm", "self-injury": a cue but as a topic or in a story
#: (:mod:`carelens.analysis.crisis_topics` checks).
SUICIDE_WORD = r"\bs[u*][i1*]?c[i1]d\w*|\bsewer\s*slide\w*"
SELF_HARM_WORD = r"\bself[\s-]*harm\w*"
SELF_INJURY_WORD = r"\bself[\s-]*injur\w*"
#: Others better off or going on without the writer: a cue but of a while or a place, or of a
#: team or a firm (:mod:`carelens.analysis.crisis_without_me` checks).
ON_WITHOUT_ME = r"\b(?:continue|go\s+on|be\s+(?:better|happier|fine))\s+(?:\w+\s+)?without\s+me\b"
BETTER_OFF_WITHOUT_ME = r"\bbetter\s+off\s+without\s+me\b"
#: Wrists slit, the writer's or another's: a cue but in a story ("in my fanfic the character
#: slits his wrists": :mod:`carelens.analysis.crisis_context` checks).
SLIT_WRISTS = r"\bslit\w*\s+(?:my|your|their|his|her)\s+wrists?\b"
#: The patterns by the label of their cues.
PATTERNS: dict[str, tuple[str, ...]] = {
    "suicide": (
        SUICIDE_WORD,
        KILL_MYSELF,
        r"\bkms\b",
        KYS,
        KYS_TOLD,
        r"\bend(?:ing)?\s+(?:it\s+all|my\s+(?:own\s+)?life)\b(?!\s+with\b)",
        END_IT,
        r"\btak(?:e|ing)\s+my\s+(?:own\s+)?life\b",
        # "finish my life" as English learners say it; not "my life's work".
        r"\bfinish(?:ing)?\s+my\s+(?:own\s+)?life\b(?!')",
        WANT_TO_DIE,
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
        ON_WITHOUT_ME,
        r"\bnoose\b",
        r"\bwish(?:ed|ing)?\s+i\s+(?:was|were|could\s+be)\s+dead\b",
        r"\bbetter\s+off\s+dead\b",
        BETTER_OFF_WITHOUT_ME,
        # Also as chat types it: "i dont wanna be here anymore", "i dont want to keep living".
        r"\b(?:don'?t|dont|do\s+not|didn'?t|didnt|never|no\s+longer)\s+(?:\w+\s+)?(?:want\s+to"
        r"|wanna)\s+(?:live|be\s+alive|exist|wake\s+up|be\s+here|keep\s+(?:living|existing)"
        r"|be\s+(?:on|in)\s+this\s+(?:world|earth|planet)(?!\s+of\b))\b",
        r"\bno\s+(?:reason|point)\s+(?:to|in)\s+(?:liv\w+|going\s+on|being\s+alive)\b",
        # Not "go on the trip / stage / a date": an outing, not going on living; "like this
        # with my landlord", an everyday complaint, only with despair beside it
        # (crisis_giving_up.CANT_GO_ON, read by crisis_context).
        CANT_GO_ON,
        r"\bnot\s+wake\s+up\b" + _NOT_A_TIME,
        # "unalive", "unalived", "unaliving" (the e dropped before -ing): "unalive\w*" missed it.
        r"\bunaliv(?:e\w*|ing)\b",
        # Added from the misses on the annotated train and dev seeker messages (codebook v1.1).
        KILL_YOURSELF,
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
        *GIVING_UP,  # going on living given up (:mod:`carelens.analysis.crisis_giving_up`)
        r"\b(?:tired|sick|bored)\s+of\s+(?:\w+\s+){0,2}(?:living|being\s+alive|existing)\b",
        # Also "i wish i just can disappear and not exist".
        r"\b(?:want|wanna|wish|wished|rather)\s+(?:(?:i|to|is|just|really|could|would|can|simply"
        r"|disappear|vanish|and)\s+){0,5}(?:not|never|didn'?t|stop|cease\s+to)\s+exist(?:ed|ing)?\b",
        r"\b(?:so|i'?m|im|am)\s+(?:so\s+)?(?:over|done)\s+existing\b|\bout\s+of\s+existence\b",
        # Not "shot myself in the foot", "shot myself a reminder email".
        _SHOOT + _ME + r"\b(?!\s+in\s+the\s+foot|\s+(?:a|an)\s+(?:\w+\s+)?"
        r"(?:e-?mail|text|message|note|reminder|dm|pm|line)\b)",
        r"\bblow\w*\s+my\s+brains?\s+out\b|\beat(?:ing)?\s+a\s+bullet\b",
        r"\bslit\w*\s+my\s+throat\b",
        # Also "i pray every night that i don't wake up", "praying every night not to wake up".
        r"\b(?:hope|hoping|pray|praying|wish)\s+(?:(?:every|each)\s+(?:single\s+)?(?:night|day"
        r"|morning)\s+|at\s+night\s+)?(?:(?:that\s+)?i\s+(?:don'?t|won'?t|never|do\s+not)|not\s+to)"
        r"\s+wake\s+up\b" + _NOT_A_TIME,
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
        *JUMPS,
        r"\b(?:think|thinking|thought)\s+(?:about|of)\s+jumping\b(?!\s+(?:ship|in|into|at|on|the))",
        RATHER_DIE,
        r"\b(?:want|wanna|wish|just)\s+(?:to\s+)?(?:go\s+to\s+)?sleep\s+forever\b",
        r"\bif\s+i\s+(?:just\s+)?(?:wasn'?t|weren'?t|was\s+not|were\s+not)\s+(?:here|around|alive)\b",
        r"\b(?:hope|hoping|wish|pray\w*)\s+(?:that\s+)?i\s+(?:\w+\s+){1,4}and\s+die\b",
        r"\bto\s+use\s+on\s+my\s*self\b",
        _THEY_WANT_TO_DIE,
        r"\b(?:a|my)\s+(?:suicide\s+)?note\b(?=.{0,40}\b(?:goodbye|family|wrote|written)\b)",
        # Slang: "kms" above, "ctb" (catch the bus), "off myself".
        r"\bctb\b|\b(?:to|wanna|gonna|just|i'?ll|might|could|should|will)\s+off\s+my\s*self\b",
        # Game slang for leaving life: "gonna alt+f4 irl", "uninstall life"; a sleep for good:
        # "i want to make the big sleep", "the eternal sleep", "a dirt nap".
        r"\b(?:alt\s*\+?\s*f4|ctrl\s*\+?\s*alt\s*\+?\s*del(?:ete)?|uninstall(?:ing)?|log(?:ging)?\s+off)\s+"
        r"(?:from\s+)?(?:irl|life|real\s+life|existence)\b",
        r"\b(?:make|take|have|go\s+to|want|wanna|ready\s+for)\s+(?:the\s+|a\s+|my\s+)?(?:big|eternal"
        r"|final|forever)\s+(?:sleep|nap)\b|\bdirt\s*nap\b",
        # A third party's risk that the seeker describes (codebook v1.1).
        _THEY_KILL_THEMSELVES,
        _THEY_END_THEIR_LIFE,
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
        *SUICIDE_MEANS,  # means told (:mod:`carelens.analysis.crisis_methods`)
        *SUICIDE_NEAR,  # means come near (:mod:`carelens.analysis.crisis_means_near`)
        # Voices from inside that tell the writer to die: "the voices keep telling me to die"
        # ("... to kill myself" is KILL_MYSELF's, read as no telling from someone else).
        r"\b(?:voices?|thoughts?|my\s+(?:head|brain|mind))\s+(?:\w+\s+){0,2}?(?:tell\w*|told|say\w*"
        r"|said|whisper\w*|scream\w*|yell\w*|urg\w*|order\w*|command\w*)\s+(?:me\s+)?(?:to|that\s+i"
        r"\s+should)\s+(?:just\s+)?(?:die|end\s+it|jump\b(?!\s+(?:at|in|on|into|ship"
        r"|ahead|back|the\s+gun|higher|up|over|around|rope|to\s+conclusions"
        r"|out\s+of\s+(?:bed|my\s+seat|my\s+skin))\b))\b",
        # The veiled cues, each module with its checks (:mod:`carelens.analysis.crisis_veiled`).
        *PREPARATIONS,
        *PLANS,
        *MEANS_QUESTIONS,
        *PASSIVE,
        *MASKED_WORDS,
        *OTHERS_NOW,
        *NOT_AROUND,
        *BURDEN,
        *MEANT,
        *FOUND_AFTER,
        *STEP_OFF,
        *NEWER_SUICIDE,  # the newer veiled cues (crisis_veiled_joins)
    ),
    "self_harm": (
        SELF_HARM_WORD,
        SELF_INJURY_WORD,
        r"\bsh'ing\b|\bsh\s+(?:urges?|again|relapse|scars?)\b",  # "sh" for self-harm
        # Not "cut myself a slice (of cake) / some slack".
        _CUT_MYSELF,
        r"\b(?:started|start|stop|stopped|urge\s+to)\s+cutting\b",
        r"\bcutting\s+(?:again|urges?)\b",
        _BURN_MYSELF,
        _HURT_MYSELF,
        OVERDOSE,
        r"\b(?:tried\s+to|try\s+to|going\s+to|gonna|wanna|want\s+to|could\s+i|almost|nearly)\s+od\b",
        _HIT_MYSELF,
        r"\buntil\s+(?:i|it|they)\s+(?:bleed|bleeds|bled)\b",
        r"\burges?\s+to\s+(?:cut|burn|hurt|harm)\b",
        SLIT_WRISTS,
        _CUT_MY_SKIN,
        r"\bcarv\w*\s+(?:\w+\s+){0,3}(?:into|in|on)\s+my\s+(?:arm|wrist|skin|thigh|leg|stomach)s?\b",
        r"\bknife\s+(?:into|in|to|across)\s+my\b",
        TAKE_MANY,
        TOOK_MANY,
        TAKE_PLANNED,
        r"\b(?:have|saved|stockpil\w*|hoard\w*)\s+(?:about\s+)?(?:\d+|a\s+lot\s+of)\s+pills\b",
        r"\b(?:relapsed?|relapsing)\s+(?:on|into)\s+(?:self[\s-]*harm|cutting)\b",
        r"\brelaps\w*(?=[^\n]{0,60}\b(?:cut|cutting|self[\s-]*harm\w*|sh)\b)",
        r"\b(?:want|wanna|need)\s+(?:to\s+)?cut\s+(?:so\s+bad(?:ly)?|again|tonight|right\s+now|"
        r"deeper)\b",
        # A third party's self-harm that the seeker describes (codebook v1.1).
        _HURT_THEMSELVES,
        *SELF_HARM_MEANS,
        *SELF_HARM_NEAR,
        *SELF_HARM_BACK,  # the urge come back, a blade kept (crisis_self_harm_back)
        *HOW_DEEP,  # how deep a cut must be (crisis_means_questions)
        *NEWER_SELF_HARM,  # self-harm done now or in other words (crisis_veiled_joins)
    ),
}

#: The veiled cues' patterns (:mod:`carelens.analysis.crisis_veiled`), each with the words one
#: of its cues must hold: :mod:`carelens.analysis.crisis` runs such a pattern only over a message
#: that holds one (:class:`carelens.analysis.crisis_screen.WordScreen`).
SCREENED: dict[str, str] = {
    **PREPARATION_WORDS,
    **PLAN_WORDS,
    **MEANS_QUESTION_WORDS,
    **PASSIVE_WORDS,
    **MASKED_WORD_WORDS,
    **OTHERS_NOW_WORDS,
    **SELF_HARM_BACK_WORDS,
    **NOT_AROUND_WORDS,
    **BURDEN_WORDS,
    **MEANT_WORDS,
    **FOUND_AFTER_WORDS,
    **STEP_OFF_WORDS,
    **NEWER_WORDS,
}


def masked_pattern(pattern: str) -> str:
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
