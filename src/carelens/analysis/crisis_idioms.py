"""Everyday idioms on crisis words: "I overdosed on ice cream", "I'd rather die than go there".

A match of :data:`~carelens.analysis.crisis_patterns.OVERDOSE` or
:data:`~carelens.analysis.crisis_patterns.RATHER_DIE` that is one of these idioms is no cue, and
its words are set aside from the learned flag too
(:func:`carelens.analysis.crisis_context.not_own_mentions`). A quantity of pills taken
(:data:`~carelens.analysis.crisis_overdose_patterns.TOOK_MANY`) is no cue either where
:func:`everyday_taking` reads it as carried or a usual dose ("took a whole bottle of tylenol with
me on vacation", "took 5 advil over the day for my migraine"), never for ten or more or all of a
supply but where it was carried or spread over a season ("every last one of my allergy pills
over the spring"), and never beside a sign of the writer's own risk
(:data:`~carelens.analysis.crisis_patterns.OWN_RISK`: "... when i was 16 and ended up in the
icu"). The same quantities to be taken
(:data:`~carelens.analysis.crisis_overdose_patterns.TAKE_PLANNED`) are a cue only after an
intent, a plan or a wish (:func:`planned_taking`: "gonna take a whole bottle of tylenol",
"imma take the whole bottle", "I'd rather take ...", not "I take a whole box of meds with
me"), and by the same everyday readings. :func:`chatter_going_on` reads a chatter's "I should
stop going on" (:data:`~carelens.analysis.crisis_giving_up.STOP_GOING_ON`) after an apology
for a long post or before thanks for reading. :func:`everyday_overdose` reads an
everyday thing after "overdosed" ("on ice cream", "on way too much coffee", "on my netflix")
with no drug named in the rest of its sentence ("overdosed on xanax and ice cream", "on coffee
and then a bottle of tylenol" are none), but for one in a clause of everyday life ("overdosed on
coffee because I forgot my meds"), and none meant to harm ("on caffeine on purpose").
:func:`everyday_rather` reads "than" and an everyday outing, chore, food or thing to wear after
"rather die" ("than go to that party"; not "than keep living like this"). Each takes a match's
``(text, start, end)``, as the checks of :mod:`carelens.analysis.crisis_context` do, and reads
the words after it (and, for a quantity taken, those of its sentence before it).
"""

from __future__ import annotations

import re

from carelens.analysis.crisis_overdose_patterns import DRUGS
from carelens.analysis.crisis_patterns import OWN_RISK, OWN_RISK_WORDS

# After "overdosed": an everyday thing had too much of, the idiom "I overdosed on ice cream /
# Netflix / caffeine". The everyday word comes right after "on", maybe after a determiner or a
# quantifier ("on so much sugar", "on way too much coffee", "on my netflix"), and no drug or
# medicine is named in the rest of its sentence (:func:`everyday_overdose`): not "overdosed
# on caffeine pills", "on pills and ice cream", "on xanax and pizza" (any word before the
# everyday one read "on xanax and pizza" as the idiom), "on coffee and then a bottle of
# tylenol", "on caffeine (like 40 tablets)", "on sugar and whatever was in the medicine
# cabinet". A drug is one of :data:`~carelens.analysis.crisis_overdose_patterns.DRUGS` or
# alcohol: an overdose of alcohol is a real one.
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
    r"(?:[,;.!?)](?![^\w\n]*(?:(?:and\s+)?(?:then\s+)?(?:(?:my|his|her|their|our)\s+[\w]+'s|all|every"
    r"|each|whole|the\s+whole|like|about|over|\d)))|$|(?:like\s+normal|as\s+usual|as\s+normal|as\s+prescribed|on\s+time|this"
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


# In the rest of the sentence, or past its end, all of a supply taken after all: "because I forgot
# to take my meds, so I took all of them at once", "took my meds. and then my mom's".
_TOOK_ALL = re.compile(
    r"\b(?:took|take|taking|swallowed|downed|popped|ate)\s+(?:them\s+all|all\s+of\s+them|all"
    r"\s+(?:of\s+)?(?:the|my|those|these|his|her|their)|(?:the\s+)?(?:whole|entire|rest)|every\s+"
    r"(?:last|single|one))\b",
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
    if _TOOK_ALL.search(text, thing.end(), rest.end() + 40) is not None:
        return False
    # the everyday clauses read on past the sentence's end: "then took my meds. All of them."
    # is no usual dose
    aside = [m.span() for m in _EVERYDAY_DOSE.finditer(text, thing.end(), rest.end() + 40)]
    return all(
        any(low <= drug.start() < high for low, high in aside)
        for drug in _DRUG.finditer(text, thing.end(), rest.end())
    )


# After a quantity of a drug taken
# (:data:`~carelens.analysis.crisis_overdose_patterns.TOOK_MANY`), maybe after a word of its
# name ("xanax bars"): it was carried to a place or a person, not swallowed ("with me on
# vacation", "with me to the cabin", "with me everywhere", "to the pharmacy", "back to the
# pharmacy", "to school in my backpack", "to my grandma at the hospital", "from the school
# nurse", "through customs", "to Mexico", "off the shelves", "out of the pyxis", "to restock"),
# or it was sent, changed or kept ("delivered", "changed"). A destination is needed: "back"
# ("took 30 pills back to back", "back at home"), "along" ("along with a bottle of wine") and
# "with me" alone carry nothing, nor does "with me to" a place not named here ("to the woods").
_CARRIED = re.compile(
    r"(?:\s+(?:bars?|pills?|tablets?|caps|capsules?|gels?|liquid|pm|tabs|pens))?(?:\s+with\s+(?:me"
    r"|us)\b)?(?:\s+back\b)?\s+(?:(?:to|into)\s+(?:(?:the|my|a|an|his|her|our|their|\w+'s)\s+)*"
    r"(?:[\w'-]+\s+)?(?:school|work|class|classroom|college|uni|university|campus|office|church"
    r"|camp|pharmacy|chemist|drugstore|store|shop|pharmacist|nurse|doctor|hospital|clinic|party"
    r"|trip|vacation|holiday|beach|gym|practice|dorm|grandma|grandpa|grandparents|granny|nan|nana"
    r"|mom|mum|dad|aunt|uncle|cousin|friend|neighbou?r|nursing\s+home|care\s+home|take[\s-]?back"
    r"|drop[\s-]?off|disposal|first\s+aid\s+kit|register|ward|safe|kennel|back\s+room|library"
    r"|daycare|audiologist|vet|patient|presentation|apartment|flat|house|car|trash|bin|garbage"
    r"|dump|recycling|cabin|cottage|lake\s+house|hotel|motel|airbnb|resort|festival|hostel)s?\b(?:\s+(?:at|in)\s+(?:the|a|an|his|her|my"
    r"|their)\s+(?:hospital|clinic|nursing\s+home|care\s+home|hospice|ward))?"
    r"|(?:to|into)\s+(?-i:[A-Z])[a-z]+\b|to\s+restock\b|(?:on|for)\s+(?:(?:the|a|my|our|his|her)\s+)?"
    r"(?:[\w'-]+\s+)?(?:vacation|holiday|trip|flight|plane|camping|hike|field\s+trip|ferry|cruise"
    r"|boat)\b|camping\b|through\s+(?:the\s+)?(?:airport\s+)?(?:customs|security)\b|in\s+(?:my|his"
    r"|her|a|the)\s+(?:backpack|bag|purse|pocket|suitcase|luggage|locker|desk|first\s+aid\s+kit"
    r"|carry-?on)\b|from\s+(?:the|my|a)\s+(?:[\w'-]+\s+)?(?:nurse|pharmacy|pharmacist|chemist"
    r"|store|shop|doctor|clinic)\b|off\s+(?:the\s+)?shel(?:f|ves)\b|out\s+of\s+(?:the\s+)?"
    r"(?:[\w'-]+\s+)?(?:pyxis|crate|safe|drone)\b|out\s+of\s+(?:the|a|my)\s+(?:blister\s+packs?"
    r"|box(?:es)?|bottles?)\s+and\s+(?:put|sorted|placed|organi[sz]ed)\b|over\s+the\s+phone\b|at\s+the\s+drive[\s-]?thru"
    r"\b"
    # "with me" before a time or a place of any kind ("with me everywhere", "with me just in
    # case", "with me when i travel"): the carrying ends there, and the words after it are
    # read for a risk; "with me to the woods" names no place of the list above and stays a cue
    r"|with\s+(?:me|us)\s+(?=(?:everywhere|wherever|(?:just\s+)?in\s+case|when|whenever|while)\b)"
    # or sent, changed or kept from the writer: "just had a whole bottle of pills delivered",
    # "just had a bunch of meds changed"
    r"|(?:delivered|refilled|shipped|mailed|changed|switched|adjusted|added|increased|upped"
    r"|lowered|renewed|approved|denied|stolen|confiscated)\b)",
    re.IGNORECASE,
)
# In the sentence of a quantity carried, words of swallowing it after all: "took all my pills to
# school and swallowed them in the bathroom", "with me to the bathroom and took them all".
_SWALLOWING = re.compile(
    r"\b(?:swallow\w*|downed|ate\s+(?:them|it)|overdos\w*|(?:took|take|taking|popped|pop)\s+(?:them"
    r"|it\s+all|all|every|the\s+(?:whole|entire|rest)))\b",
    re.IGNORECASE,
)
# Right after it, the usual dose: "every day", "each morning", "daily", "as prescribed".
_USUAL_AFTER = re.compile(
    r"(?:\s+(?:bars?|pills?|tablets?|caps|capsules?|gels?|liquid|pm|tabs))?\s+(?:(?:every|each)"
    r"\s+(?:day|morning|night|evening|\d+\s+hours)\b|daily\b|a\s+day\b|as\s+(?:prescribed|directed"
    r"|instructed)\b)",
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
# wisdom teeth recovery").
_SPREAD = re.compile(
    r"(?:\s+(?:bars?|pills?|tablets?|caps|capsules?|gels?|liquid|pm|tabs))?\s+(?:over\s+(?:the\s+"
    r"(?:course\s+of\s+(?:a|the|\w+)\s+)?|a\s+|two\s+|three\s+|\d+\s+|several\s+|a\s+few\s+"
    r"|a\s+couple\s+(?:of\s+)?)?(?:day|days|weekend|week|weeks|month|months|year|years)"
    r"|during\s+(?:my|the|a)\s+(?:[\w'-]+\s+){0,2}?"
    r"(?:recovery|flu|cold|illness|treatment|period|surgery|pregnancy))\b",
    re.IGNORECASE,
)
# A quantity that is never a usual dose: ten or more, all, the whole or the rest of a supply, too
# many, a handful ("took 40 tylenol when i was 16", "all my pills as a kid", "60 tylenol over
# the weekend"); a whole or an entire container ("a whole bottle of tylenol") is none either,
# but spread over days ("a whole bottle of cough syrup over the week for my cold").
_LARGE = re.compile(
    r"\b(?:[1-9]\d+|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty"
    r"|ninety|hundreds?|dozens?|thousands?|millions?|billions?|all|(?:the|my|his|her|their)\s+(?:whole"
    r"|entire|full)|rest|remainder|eve?ry|everything|too\s+(?:many|much)|handfuls?|fistfuls?)\b",
    re.IGNORECASE,
)
_WHOLE = re.compile(r"\b(?:whole|entire|full)\b", re.IGNORECASE)
# In the rest of its sentence, a stretch of time too long for one overdose, what even all of a
# supply is spread over ("every last one of my allergy pills over the spring", "all my meds over
# the last few months"); a weekend or a few days is not.
_SEASON = re.compile(
    r"\b(?:over|during|through(?:out)?|across)\s+(?:the\s+)?(?:(?:whole|entire|last|past|course\s+of"
    r"(?:\s+the)?|few|couple\s+(?:of\s+)?|\d+|two|three|several)\s+){0,2}(?:spring|summer|fall"
    r"|autumn|winter|season|semester|term|school\s+year|months?|years?)\b",
    re.IGNORECASE,
)
# Before it in its clause, a subject who is no person at risk, a pet or a small child ("my dog
# swallowed", "the puppy took", "my 2 year old swallowed").
_PET_OR_CHILD = re.compile(
    r"\b(?:dog|cat|puppy|pup|kitten|kitty|pet|horse|rabbit|bunny|hamster|ferret|parrot|labrador"
    r"|retriever|terrier|poodle|beagle|spaniel|husky|toddler|baby|infant|[1-5]\s*(?:-\s*)?(?:year|yr)s?"
    r"(?:\s*-\s*|\s+)old)\b",
    re.IGNORECASE,
)
# In its clause, an accident: "accidentally", "by mistake".
_ACCIDENT = re.compile(
    r"\b(?:accident(?:al)?ly|accidently|(?:by|on)\s+accident|by\s+mistake)\b", re.IGNORECASE
)
_OWN_RISK_WORDS = re.compile(OWN_RISK_WORDS, re.IGNORECASE)
# A modest quantity, which an ailment after it makes a usual dose ("took 5 advil for my
# migraine", "a ton of advil for my back", "hella advil for my cramps"); not a container, "too
# many", ten or more.
_MODEST = re.compile(
    r"\s(?:[5-9]|five|six|seven|eight|nine|a\s+(?:whole\s+)?(?:(?:shit|fuck|crap|metric|butt)\s*)?"
    r"(?:ton|load|lot|bunch)|(?:shit|fuck|crap|butt)?(?:tons|loads)|lots|hella|so\s+(?:many|much))\s",
    re.IGNORECASE,
)
_AILMENT = re.compile(
    r"\bfor\s+(?:my|the|a|an|his|her|this|that)\s+(?:(?!emotional|mental)[\w'-]+\s+){0,2}?"
    r"(?:migraines?|headaches?|cramps|back|pain|aches?|asthma|allerg\w*|cold|flu|fever|cough"
    r"|tooth\w*|teeth|knee|ankle|period|arthritis|injury|sprain\w*|hangover|sinus\w*|infection"
    r"|throat|stomach|muscles?|neck|shoulders?)\b(?!\s+of\b)",
    re.IGNORECASE,
)
_OWN_RISK = re.compile(OWN_RISK, re.IGNORECASE)
# A whole container downed or taken with no drug named ("downed the whole bottle last night")
# in a sentence that names a drink, a hangover or thirst and no drug: the bottle was one of that
# ("... worst hangover ever", "... wine night with the girls", "... lol so thirsty after the
# run"); one swallowed is read as pills.
_DRINK = re.compile(
    r"\b(?:wine|vodka|whiske?y|bourbon|rum|gin|tequila|beer|liquor|alcohol|booze|champagne"
    r"|prosecco|soju|sake|cider|water|soda|coke|juice|gatorade|kombucha|milk|hangover"
    r"|hungover|thirsty|dehydrated)\b",
    re.IGNORECASE,
)
_A_DRUG = re.compile(rf"\b{DRUGS}\b", re.IGNORECASE)
# The start of a sentence: the 150 characters before a match cut at its last sentence end.
_SENTENCE_START = re.compile(r"[.!?\n](?:[^.!?\n]|\.{2,})*$")
# Where a clause starts: a comma, a semicolon or a conjunction ("my toddler got into my purse
# and swallowed 5 of my tylenol" keeps its subject, as "and" with no new subject does not cut).
_CLAUSE_START = re.compile(r"[,;]|\b(?:but|so|because|then)\b", re.IGNORECASE)


def everyday_taking(text: str, start: int, end: int) -> bool:
    """A quantity of a drug taken in everyday life, not an overdose: carried to a place or a
    person and not swallowed in its sentence (:data:`_CARRIED`, :data:`_SWALLOWING`: "took a
    whole bottle of tylenol with me on vacation"), taken by a pet or a small child or by
    accident (:data:`_PET_OR_CHILD`, :data:`_ACCIDENT`), spread over a season or months
    whatever its quantity (:data:`_SEASON`: "every last one of my allergy pills over the
    spring"), or, for a quantity under ten and not
    all, the whole or the rest of a supply (:data:`_LARGE`), spread over days (:data:`_SPREAD`:
    "took like 8 advil over the weekend"), and, for one that is no whole container either
    (:data:`_WHOLE`), a usual dose (:data:`_USUAL_AFTER`, :data:`_USUAL`: "as a kid", "like my
    doctor said") or a modest one for an ailment (:data:`_MODEST`, :data:`_AILMENT`: "took 5
    advil for my migraine"), or a whole container with no drug named in a sentence that names a
    drink and no drug, downed or taken, not swallowed (:data:`_DRINK`: "downed the whole bottle
    last night, worst hangover ever"). None where its sentence holds a sign of the writer's own risk
    (:data:`~carelens.analysis.crisis_patterns.OWN_RISK`: "... and ended up in the icu", "...
    because i gave up")."""
    rest = _SENTENCE_REST.match(text, end)
    assert rest is not None  # it matches the empty string
    opening = _SENTENCE_START.search(text, max(0, start - 150), start)
    low = max(0, start - 150) if opening is None else opening.start() + 1
    clause = _CLAUSE_START.split(text[low:start])[-1]
    if _PET_OR_CHILD.search(clause) is not None:
        return _OWN_RISK_WORDS.search(text, low, rest.end()) is None
    carried = _CARRIED.match(text, end)
    # the place it was carried to is no sign ("to my grandma at the hospital")
    after = end if carried is None else carried.end()
    if _OWN_RISK.search(text, low, start) or _OWN_RISK.search(text, after, rest.end()):
        return False
    if carried is not None:
        return _SWALLOWING.search(text, low, start) is None and (
            _SWALLOWING.search(text, end, rest.end()) is None
        )
    taken = text[start:end]
    drunk = taken.lower().startswith(("downed", "took"))
    if drunk and _A_DRUG.search(taken) is None and _DRINK.search(text, low, rest.end()):
        return _A_DRUG.search(text, low, rest.end()) is None
    clause_end = _CLAUSE_START.search(text, end, rest.end())
    if _ACCIDENT.search(clause) or _ACCIDENT.search(
        text, end, rest.end() if clause_end is None else clause_end.start()
    ):
        return True
    if _SEASON.search(text, end, rest.end()) is not None:
        return True
    if _LARGE.search(taken) is not None:
        return False
    if _SPREAD.match(text, end) is not None:
        return True
    if _WHOLE.search(taken) is not None:
        return False
    if _USUAL_AFTER.match(text, end) is not None:
        return True
    if _USUAL.search(text, end, rest.end()) is not None:
        return True
    modest = _MODEST.search(f" {taken} ") is not None
    return modest and _AILMENT.search(text, end, rest.end()) is not None


# Before a quantity to be taken, in its clause: an intent, a plan or a wish ("gonna", "imma",
# "going to", "about to", "want to", "I'll", "could", "I'd rather", "thinking about"), maybe
# with an adverb or "go and" between ("gonna just", "gonna go and").
_INTENT_BEFORE = re.compile(
    r"\b(?:gonna|gunna|finna|imma|ima|i'?mma|i'?ma|going\s+to|about\s+to|(?:want|wanted|wanting|need|plan|planning"
    r"|planned|ready|decided|tempted|trying|try|tried|considering)\s+to|wanna|will|'ll|ill|i'?d"
    r"|would|should|shall|might|could|may|(?:thinking|thought|think|considering)\s+(?:about|of)"
    r"|(?:plan|planning)\s+on)\s+(?:(?:just|finally|really|actually|probably|prob|literally"
    r"|seriously|honestly|definitely|def|maybe|rather|sooner|go|and)\s+){0,2}$",
    re.IGNORECASE,
)


def planned_taking(text: str, start: int, end: int) -> bool:
    """A quantity of a drug to be taken
    (:data:`~carelens.analysis.crisis_overdose_patterns.TAKE_PLANNED`) after an intent, a plan
    or a wish (:data:`_INTENT_BEFORE`: "gonna take a whole bottle of tylenol", "i could swallow
    the whole bottle", "imma take the whole bottle"), not carried nor a usual dose
    (:func:`everyday_taking`: "going to take a whole bottle of tylenol with me on vacation")."""
    intent = _INTENT_BEFORE.search(text, max(0, start - 60), start)
    return intent is not None and not everyday_taking(text, start, end)


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


# A chatter's closing on "stop going on"
# (:data:`~carelens.analysis.crisis_giving_up.STOP_GOING_ON`): after it, thanks for reading,
# nobody wanting to hear it, the rant or a turn back to the topic ("i'm gonna stop going on.
# thanks for reading my rant", "... nobody wants to hear about my fantasy football team", "...
# anyway, back to the question"); not "my last post".
_CHATTER_AFTER = re.compile(
    r"(?:thanks?|thank\s+you|thx|ty)\s+(?:\w+\s+){0,2}?for\s+(?:reading|listening|letting\s+me"
    r"\s+(?:vent|rant))|(?:nobody|no\s*one|noone)\s+(?:\w+\s+)?(?:wants?|needs?|cares?|likes?)\s+to"
    r"\s+(?:hear|read)|\b(?:my|this|the|that)\s+(?!(?:last|final)\b)(?:\w+\s+)?(?:rant|essay"
    r"|ramble|rambling|novel|wall\s+of\s+text)\b|\b(?:rant|vent)\s+over\b|\bend\s+(?:of\s+)?"
    r"rant\b|\b(?:anyway|anyways|back\s+to)\b",
    re.IGNORECASE,
)
# Before it, an apology for the length of the post ("ugh sorry for the essay.", "sorry for
# rambling", "this got so long").
_LENGTH_APOLOGY = re.compile(
    r"\b(?:sorry|apologies|apologi[sz]e|my\s+bad)\s+(?:\w+\s+){0,2}?(?:for|about)\s+(?:(?:the|this"
    r"|my|such\s+a|a|that|all\s+(?:the|this))\s+)?(?:\w+\s+)?(?:essay|novel|rant|vent|post|wall\s+of"
    r"\s+text|ramble|rambling|ranting|venting|book|length|text|message)\b|\bthis\s+(?:got|is|was)"
    r"\s+(?:so\s+|way\s+too\s+|really\s+|super\s+)?long\b|\btl;?dr\b",
    re.IGNORECASE,
)
# The sentences around a match: up to its sentence's end and the next one's, and back to the
# previous sentence's start.
# A last post or message, which no chatter's closing stands beside ("... this is my last post").
_LAST_POST = re.compile(r"\b(?:last|final)\s+(?:post|message|words)\b", re.IGNORECASE)
_NEXT_SENTENCE = re.compile(r"(?:[^.!?\n]|\.{2,})*[.!?\n]*(?:[^.!?\n]|\.{2,}){0,150}")
_PREVIOUS_SENTENCE = re.compile(r"(?:[^.!?\n]*[.!?\n]+)?[^.!?\n]*$")


def chatter_going_on(text: str, start: int, end: int) -> bool:
    """A chatter's "I should stop going on": thanks for reading, nobody wanting to hear it or
    the rant in the words after it up to the next sentence's end (:data:`_CHATTER_AFTER`), or
    an apology for a long post in its sentence or the one before (:data:`_LENGTH_APOLOGY`:
    "ugh sorry for the essay. maybe i should stop going on."); never where the message holds
    a sign of the writer's own risk besides those words
    (:data:`~carelens.analysis.crisis_patterns.OWN_RISK`: "... nobody would even notice") or
    a last post (:data:`_LAST_POST`)."""
    after = _NEXT_SENTENCE.match(text, end)
    before = _PREVIOUS_SENTENCE.search(text, max(0, start - 200), start)
    assert after is not None and before is not None  # both match the empty string
    chatter = [
        *(m.span() for m in _CHATTER_AFTER.finditer(text, end, after.end())),
        *(m.span() for m in _LENGTH_APOLOGY.finditer(text, before.start(), start)),
    ]
    if not chatter or _LAST_POST.search(text) is not None:
        return False
    return not any(
        not any(low < risk.end() and risk.start() < high for low, high in chatter)
        for risk in _OWN_RISK.finditer(text)
        if not (start <= risk.start() and risk.end() <= end)
    )
