"""Everyday idioms on crisis words: "I overdosed on ice cream", "I'd rather die than go there".

A match of :data:`~carelens.analysis.crisis_patterns.OVERDOSE` or
:data:`~carelens.analysis.crisis_patterns.RATHER_DIE` that is one of these idioms is no cue, and
its words are set aside from the learned flag too
(:func:`carelens.analysis.crisis_context.not_own_mentions`). A quantity of pills taken
(:data:`~carelens.analysis.crisis_patterns.TOOK_MANY`) is no cue either where
:func:`everyday_taking` reads it as carried or a usual dose ("took a whole bottle of tylenol with
me on vacation", "took 5 advil over the day for my migraine"). :func:`everyday_overdose` reads an
everyday thing after "overdosed" ("on ice cream", "on way too much coffee", "on my netflix")
with no drug named in the rest of its sentence ("overdosed on xanax and ice cream", "on coffee
and then a bottle of tylenol" are none), but for one in a clause of everyday life ("overdosed on
coffee because I forgot my meds"), and none meant to harm ("on caffeine on purpose").
:func:`everyday_rather` reads "than" and an everyday outing, chore, food or thing to wear after
"rather die" ("than go to that party"; not "than keep living like this"). Each takes a match's
``(text, start, end)``, as the checks of :mod:`carelens.analysis.crisis_context` do, and reads
only the words after it.
"""

from __future__ import annotations

import re

from carelens.analysis.crisis_patterns import DRUGS

# After "overdosed": an everyday thing had too much of, the idiom "I overdosed on ice cream /
# Netflix / caffeine". The everyday word comes right after "on", maybe after a determiner or a
# quantifier ("on so much sugar", "on way too much coffee", "on my netflix"), and no drug or
# medicine is named in the rest of its sentence (:func:`everyday_overdose`): not "overdosed
# on caffeine pills", "on pills and ice cream", "on xanax and pizza" (any word before the
# everyday one read "on xanax and pizza" as the idiom), "on coffee and then a bottle of
# tylenol", "on caffeine (like 40 tablets)", "on sugar and whatever was in the medicine
# cabinet". A drug is one of :data:`~carelens.analysis.crisis_patterns.DRUGS` or alcohol: an
# overdose of alcohol is a real one.
_DRUGS = rf"(?:{DRUGS}|alcohol|booze|vodka)"
_EVERYDAY_THING = re.compile(
    r"\s+on\s+(?:(?:so\s+much|too\s+much|way\s+too\s+much|(?:so|too|way\s+too)\s+many|a\s+lot"
    r"\s+of|lots\s+of|all\s+(?:the|that|those|this|these|my)|the|that|those|this|these|some|my"
    r"|our)\s+){0,2}(?:ice\s+cream|chocolates?|candy|sweets|sugar|cake|cookies|pizza|junk\s+food"
    r"|fast\s+food|food|carbs|snacks|cheese|fries|coffee|caffeine|tea|energy\s+drinks?|netflix|tv"
    r"|television|anime|k-?dramas?|movies|films|youtube|tiktok|memes|reddit|social\s+media"
    r"|video\s+games|games|gaming|music|podcasts|books|christmas|nostalgia|cuteness|sunshine|sun"
    r"|sleep|naps?|exercise|cardio|work)\b",
    re.IGNORECASE,
)
# The rest of the everyday thing's sentence, at most 150 characters: brackets, colons, dashes
# and an ellipsis do not end it ("on caffeine (pills)", "on caffeine... pills").
_SENTENCE_REST = re.compile(r"(?:[^.!?\n]|\.{2,}){0,150}")
_DRUG = re.compile(rf"\b{_DRUGS}\b", re.IGNORECASE)
# A drug in a clause of everyday life, which leaves the idiom standing: a dose forgotten,
# skipped or not taken ("because I forgot to take my meds", "bc I skipped my adderall"), the
# usual dose ("then took my meds like normal", "took my meds late": "my meds" and no more, not
# "took my whole prescription"; "took two tylenol for the headache", "had to take an advil"), a
# dose run out of or left behind ("ran out of my adderall", "left my adhd meds at home"),
# alcohol given up ("because I quit alcohol"), no drug ("no pills involved"),
# a remedy ("now I need an advil", "they gave me ibuprofen", "it interacts with my meds") or the
# medicine's own failing ("my meds made it worse", "my insulin couldn't keep up", "my adhd meds
# wear off at night"). A quantity, "then" and a drug, "as many ... as" are none.
_EVERYDAY_DOSE = re.compile(
    r"\b(?:forgot|forget|forgetting|forgotten|skipped|skip|skipping|missed|miss|missing"
    r"|(?:didn'?t|didnt|did\s+not|don'?t|dont|haven'?t|hadn'?t|never)\s+(?:take|taken|took)"
    r"|instead\s+of\s+taking|without\s+taking)\s+(?:to\s+take\s+|taking\s+)?(?:my|his|her|their"
    rf"|the|today'?s|morning|evening|night)\s+(?:[\w'-]+\s+){{0,2}}?{_DRUGS}\b"
    r"|\b(?:took|take|taking|taken)\s+my\s+(?:(?:usual|normal|regular|daily|morning|evening"
    r"|night|nightly|adhd|anxiety|prescribed)\s+)?(?:meds|medications?|medicine)\b(?=[^\S\n]*"
    r"(?:[,;.!?)](?![^\w\n]*(?:all|every|each|whole|the\s+whole|like|about|over|\d))|$|(?:like\s+normal|as\s+usual|as\s+normal|as\s+prescribed|on\s+time|this"
    r"\s+morning|tonight|today|at\s+night|after|before|with\s+(?:food|breakfast|lunch|dinner"
    r"|water)|and|lol|lmao|haha|later|then|late|early|already|yet)\b))"
    # one or two of a drug, the usual dose: "took a melatonin to fall asleep", "took two
    # tylenol for the headache", "had to take an advil"
    r"|\b(?:took|take|taking|taken|popped|pop)\s+(?:an?|one|two|[12](?!\d)|a\s+couple(?:\s+of)?)"
    r"\s+(?!(?:whole|full|entire|bottles?|box(?:es)?|packs?|packets?|strips?|sheets?|handful|bunch"
    rf"|lot|ton|load|few)\b)(?:[\w'-]+\s+)?{_DRUGS}\b"
    # a dose run out of or left behind: "ran out of my adderall", "left my adhd meds at home"
    r"|\b(?:ran|run|running|runs)\s+out\s+of\s+(?:my|his|her|the)\s+(?:[\w'-]+\s+){0,2}?"
    rf"{_DRUGS}\b|\bleft\s+my\s+(?:[\w'-]+\s+){{0,2}}?{_DRUGS}\s+(?:at|in|on)\b"
    r"|\b(?:quit|quitting|stopped|stopping|gave\s+up|giving\s+up|cut\s+out|off|sober\s+from)"
    r"\s+(?:the\s+)?(?:alcohol|booze|drinking|vodka)\b"
    rf"|\bno\s+(?:(?:actual|real)\s+)?{_DRUGS}\b"
    r"|\bneed\s+(?:an?|some)\s+(?:advil|tylenol|ibuprofen|aspirin|paracetamol|excedrin|motrin"
    r"|aleve|painkiller)s?\b"
    r"|\b(?:they|doctor|dentist|nurse|pharmacist|doc|gp)\s+(?:gave|prescribed|gives|give)\s+me"
    rf"\s+(?:some\s+)?(?:[\w'-]+\s+)?{_DRUGS}\b"
    rf"|\b(?:interacts?|interfere[sd]?|fine|okay|ok|safe)\s+with\s+my\s+(?:[\w'-]+\s+)?{_DRUGS}\b"
    rf"|\bmy\s+(?:[\w'-]+\s+){{0,2}}?{_DRUGS}\s+(?:(?:made|make|makes"
    r"|making)\s+it\s+worse|(?:can'?t|cant|cannot|couldn'?t|could\s+not)\s+keep\s+up|(?:aren'?t"
    r"|arent|isn'?t|isnt|wasn'?t|weren'?t|didn'?t|didnt|don'?t|dont|do\s+not|did\s+not)\s+(?:work"
    r"|working|help|helping|helped)|(?:wear|wears|wore)\s+off|(?:ran|run|runs)\s+out)\b",
    re.IGNORECASE,
)


# In the rest of the sentence, an overdose meant to harm: "on caffeine on purpose", "because I
# wanted my heart to stop", "hoping it would kill me".
_MEANT = re.compile(
    r"\b(?:on\s+purpose|intentionally|deliberately|purposely|purposefully|(?:want|wanted|wanting"
    r"|trying|tried|hoping|hoped|meant|make|making|made)\s+(?:for\s+)?(?:(?:my\s+heart|it)\s+"
    r"(?:to\s+)?(?:stop|give\s+out)(?!\s+(?:racing|pounding|hammering|beating))|to\s+(?:die"
    r"|end\s+it|kill\s+myself))|hop(?:e|ed|ing)\s+(?:that\s+)?it\s+(?:would\s+|will\s+|might\s+)?(?:kills?"
    r"\s+me|killed\s+me|kill\s+me|works?\s+this\s+time))\b",
    re.IGNORECASE,
)


def everyday_overdose(text: str, start: int, end: int) -> bool:
    """The idiom "I overdosed on ice cream": an everyday thing after "overdosed"
    (:data:`_EVERYDAY_THING`) and no drug in the rest of its sentence (:data:`_SENTENCE_REST`)
    but in a clause of everyday life (:data:`_EVERYDAY_DOSE`: "because I forgot to take my
    meds"), nor a harm meant (:data:`_MEANT`: "on caffeine on purpose")."""
    thing = _EVERYDAY_THING.match(text, end)
    if thing is None:
        return False
    rest = _SENTENCE_REST.match(text, thing.end())
    assert rest is not None  # it matches the empty string
    if _MEANT.search(text, thing.end(), rest.end()) is not None:
        return False
    # the everyday clauses read on past the sentence's end: "then took my meds. All of them."
    # is no usual dose
    aside = [m.span() for m in _EVERYDAY_DOSE.finditer(text, thing.end(), rest.end() + 40)]
    return all(
        any(low <= drug.start() < high for low, high in aside)
        for drug in _DRUG.finditer(text, thing.end(), rest.end())
    )


# After a quantity of a drug taken (:data:`~carelens.analysis.crisis_patterns.TOOK_MANY`), maybe
# after a word of its name ("xanax bars"): it was carried, not swallowed ("with me on vacation",
# "to the pharmacy", "back to the pharmacy", "to school in my backpack", "to my grandma at the
# hospital", "from the school nurse"), or is a usual dose ("every day", "as prescribed").
_CARRIED = re.compile(
    r"(?:\s+(?:bars?|pills?|tablets?|caps|capsules?|gels?|liquid|pm|tabs))?\s+(?:with\s+(?:me|us)\b"
    r"|back\b(?!\s+(?:in|then|when))|along\b|away\s+from\b|(?:to|into)\s+(?:(?:the|my|a|an|his"
    r"|her|our|their|\w+'s)\s+)*"
    r"(?:[\w'-]+\s+)?(?:school|work|class|college|uni|university|campus|office|church|camp|pharmacy"
    r"|chemist|drugstore|store|shop|pharmacist|nurse|doctor|hospital|clinic|party|trip|vacation"
    r"|holiday|beach|gym|practice|dorm|grandma|grandpa|grandparents|granny|nan|nana|mom|mum|dad"
    r"|aunt|uncle|cousin|friend|neighbou?r|nursing\s+home|care\s+home|take[\s-]?back|drop[\s-]?off"
    r"|disposal|first\s+aid\s+kit)s?\b|(?:on|for)\s+(?:(?:the|a|my|our|his|her)\s+)?(?:[\w'-]+\s+)?"
    r"(?:vacation|holiday|trip|flight|plane|camping|hike|field\s+trip)\b|in\s+(?:my|his|her|a|the)"
    r"\s+(?:backpack|bag|purse|pocket|suitcase|luggage|locker|desk|first\s+aid\s+kit)\b|from\s+"
    r"(?:the|my|a)\s+(?:[\w'-]+\s+)?(?:nurse|pharmacy|pharmacist|chemist|store|shop|doctor|clinic)"
    r"\b|(?:every|each)\s+(?:day|morning|night|evening|\d+\s+hours)\b|daily\b|a\s+day\b|as\s+"
    r"(?:prescribed|directed|instructed)\b)",
    re.IGNORECASE,
)
# Anywhere in the rest of its sentence, a usual dose: taken as a child, on a doctor's word ("as a
# kid", "like my doctor said", "doctor said it's fine", "like the antibiotic course said",
# "because my doctor doubled my dose").
_USUAL = re.compile(
    r"\b(?:as\s+(?:a|an)\s+(?:kid|child|teen\w*|baby|toddler)|when\s+i\s+was\s+(?:a\s+(?:kid|child"
    r"|teen\w*|baby)|little|younger|small|\d+)|growing\s+up|(?:like|as)\s+(?:my|the|his|her)\s+"
    r"(?:[\w'-]+\s+)?(?:doctor|doc|dentist|gp|nurse|pharmacist|psych\w*|prescription|label|box"
    r"|bottle|instructions|course|directions)\s+(?:said|says|told|prescribed|recommended|suggested"
    r"|directed|instructed)|(?:doctor|doc|dentist|gp|nurse|pharmacist|psych\w*)\s+(?:said|says)\s+"
    r"(?:it'?s|its|it\s+(?:is|was)|that'?s|thats|that\s+(?:is|was))\s+(?:totally\s+|perfectly\s+)?"
    r"(?:fine|ok|okay|safe|normal|alright)|(?:because|since|cause|bc|cuz)\s+my\s+(?:doctor|doc"
    r"|psych\w*|gp)\s+(?:doubled|upped|increased|raised|changed|adjusted|bumped))\b",
    re.IGNORECASE,
)
# Right after it, a dose spread over days ("over the weekend", "over two days", "during my
# wisdom teeth recovery"), unless it was too many or the rest of a supply.
_SPREAD = re.compile(
    r"(?:\s+(?:bars?|pills?|tablets?|caps|capsules?|gels?|liquid|pm|tabs))?\s+(?:over\s+(?:the\s+"
    r"(?:course\s+of\s+(?:a|the|\w+)\s+)?|a\s+|two\s+|three\s+|\d+\s+|several\s+|a\s+few\s+"
    r"|a\s+couple\s+(?:of\s+)?)?(?:day|days|weekend|week|weeks|month|months|year|years)"
    r"|during\s+(?:my|the|a)\s+(?:[\w'-]+\s+){0,2}?"
    r"(?:recovery|flu|cold|illness|treatment|period|surgery|pregnancy))\b",
    re.IGNORECASE,
)
_TOO_MANY = re.compile(r"\btoo\s+many\b|\b(?:rest|remainder)\s+of\b", re.IGNORECASE)
# A modest quantity, which an ailment after it makes a usual dose ("took 5 advil for my
# migraine", "a ton of advil for my back"); not a container, "too many", ten or more.
_MODEST = re.compile(
    r"\s(?:[5-9]|five|six|seven|eight|nine|a\s+(?:shit\s*)?ton|tons|loads|a\s+load|a\s+lot|lots"
    r"|a\s+bunch)\s",
    re.IGNORECASE,
)
_AILMENT = re.compile(
    r"\bfor\s+(?:my|the|a|an|his|her|this|that)\s+(?:[\w'-]+\s+){0,2}?(?:migraines?|headaches?"
    r"|cramps|back|pain|aches?|asthma|allerg\w*|cold|flu|fever|cough|tooth\w*|teeth|knee|ankle"
    r"|period|arthritis|injury|sprain\w*|hangover|sinus\w*|infection|throat|stomach|muscles?|neck"
    r"|shoulders?)\b",
    re.IGNORECASE,
)


def everyday_taking(text: str, start: int, end: int) -> bool:
    """A quantity of a drug taken in everyday life, not an overdose: carried
    (:data:`_CARRIED`: "took a whole bottle of tylenol with me on vacation"), a usual dose
    (:data:`_USUAL`: "as a kid", "like my doctor said"), spread over days (:data:`_SPREAD`:
    "took like 8 advil over the weekend"), or a modest one for an ailment (:data:`_MODEST`,
    :data:`_AILMENT`: "took 5 advil for my migraine")."""
    if _CARRIED.match(text, end) is not None:
        return True
    rest = _SENTENCE_REST.match(text, end)
    assert rest is not None  # it matches the empty string
    if _USUAL.search(text, end, rest.end()) is not None:
        return True
    taken = text[start:end]
    if _TOO_MANY.search(taken) is None and _SPREAD.match(text, end) is not None:
        return True
    modest = _MODEST.search(f" {taken} ") is not None
    return modest and _AILMENT.search(text, end, rest.end()) is not None


# After "rather die": "than" and an everyday outing, chore, food or thing to wear, the idiom
# "I'd rather die than go to that party with my ex"; not "than keep living like this", "than
# go back to him", "than ask for help".
_EVERYDAY_RATHER = re.compile(
    r"\s+than\s+(?:[\w'-]+\s+){0,5}?(?:(?:go|going|be|being|sit|sitting)\s+(?:\w+\s+){0,3}?"
    r"(?:party|parties|wedding|prom|dinner|lunch|brunch|breakfast|meeting|concert|gym|karaoke"
    r"|lecture|presentation|mall|movie|musical|game|match|reunion|baby\s+shower|barbecue|bbq"
    r"|club|disco|church\s+camp|camping|shopping)s?|wear|wearing|eat|eating|sing|singing|dance"
    r"|dancing|watch|watching|listen\s+to|listening\s+to|cheer\s+for|vote\s+for|root\s+for"
    r"|apologi[sz]e|admit\s+(?:he|she|they|you)|be\s+seen\s+(?:with|in|at)|do\s+(?:the\s+)?"
    r"(?:dishes|laundry|homework|chores)|small\s+talk|text\s+(?:him|her|them)\s+first)\b",
    re.IGNORECASE,
)


def everyday_rather(text: str, start: int, end: int) -> bool:
    """The idiom "I'd rather die than go to that party" (:data:`_EVERYDAY_RATHER`)."""
    return _EVERYDAY_RATHER.match(text, end) is not None
