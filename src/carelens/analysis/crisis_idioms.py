"""Everyday idioms on crisis words: "I overdosed on ice cream", "I'd rather die than go there".

A match of :data:`~carelens.analysis.crisis_patterns.OVERDOSE` or
:data:`~carelens.analysis.crisis_patterns.RATHER_DIE` that is one of these idioms is no cue, and
its words are set aside from the learned flag too
(:func:`carelens.analysis.crisis_context.not_own_mentions`). :func:`everyday_overdose` reads an
everyday thing after "overdosed" ("on ice cream", "on way too much coffee", "on my netflix")
with no drug named in the rest of its sentence ("overdosed on xanax and ice cream", "on coffee
and then a bottle of tylenol" are none), but for one in a clause of everyday life ("overdosed on
coffee because I forgot my meds"). :func:`everyday_rather` reads "than" and an everyday outing,
chore, food or thing to wear after "rather die" ("than go to that party"; not "than keep living
like this"). Both take a match's ``(text, start, end)``, as the checks of
:mod:`carelens.analysis.crisis_context` do, and read only the words after it.
"""

from __future__ import annotations

import re

# After "overdosed": an everyday thing had too much of, the idiom "I overdosed on ice cream /
# Netflix / caffeine". The everyday word comes right after "on", maybe after a determiner or a
# quantifier ("on so much sugar", "on way too much coffee", "on my netflix"), and no drug or
# medicine is named in the rest of its sentence (:func:`everyday_overdose`): not "overdosed
# on caffeine pills", "on pills and ice cream", "on xanax and pizza" (any word before the
# everyday one read "on xanax and pizza" as the idiom), "on coffee and then a bottle of
# tylenol", "on caffeine (like 40 tablets)", "on sugar and whatever was in the medicine
# cabinet". "doses" is a drug's unless "of" follows ("three doses of espresso"), "tabs" unless
# "open" does ("40 tabs open").
_DRUGS = (
    r"(?:pills?|tablets?|tabs(?!\s+open)|capsules?|supplements?|meds|medications?|medicines?"
    r"|drugs?|aids?|gummies|edibles|syrup|drops|powder|doses?(?!\s+of\b)|prescriptions?|xanax"
    r"|xans?|xannies|oxy\w*|heroin|fentanyl|morphine|codeine|opi(?:oid|ate)s?|methadone"
    r"|percocets?|percs?|vicodin|tramadol|hydrocodone|norco|dilaudid|suboxone|benzos?|valium"
    r"|klonopin|ativan|lorazepam|diazepam|clonazepam|alprazolam|ambien|zolpidem|zopiclone"
    r"|seroquel|quetiapine|lithium|insulin|tylenol|paracetamol|acetaminophen|ibuprofen|advil"
    r"|motrin|aleve|naproxen|excedrin|aspirin|benadryl|diphenhydramine|nyquil|dayquil|zzzquil"
    r"|unisom|melatonin|painkillers?|antidepressants?|sertraline|zoloft|prozac|fluoxetine"
    r"|lexapro|escitalopram|citalopram|wellbutrin|bupropion|trazodone|mirtazapine|amitriptyline"
    r"|effexor|venlafaxine|cymbalta|duloxetine|gabapentin|pregabalin|lyrica|abilify|adderall"
    r"|ritalin|vyvanse|concerta|laxatives|cocaine|coke|meth|crack|ketamine|mdma|molly|ecstasy"
    r"|lsd|alcohol|booze|vodka)"
)
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
# usual dose ("then took my meds like normal": "my meds" and no more, not "took my whole
# prescription"), alcohol given up ("because I quit alcohol"), no drug ("no pills involved"),
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
    r"|water)|and|lol|lmao|haha|later|then)\b))"
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


def everyday_overdose(text: str, start: int, end: int) -> bool:
    """The idiom "I overdosed on ice cream": an everyday thing after "overdosed"
    (:data:`_EVERYDAY_THING`) and no drug in the rest of its sentence (:data:`_SENTENCE_REST`)
    but in a clause of everyday life (:data:`_EVERYDAY_DOSE`: "because I forgot to take my
    meds")."""
    thing = _EVERYDAY_THING.match(text, end)
    if thing is None:
        return False
    rest = _SENTENCE_REST.match(text, thing.end())
    assert rest is not None  # it matches the empty string
    # the everyday clauses read on past the sentence's end: "then took my meds. All of them."
    # is no usual dose
    aside = [m.span() for m in _EVERYDAY_DOSE.finditer(text, thing.end(), rest.end() + 40)]
    return all(
        any(low <= drug.start() < high for low, high in aside)
        for drug in _DRUG.finditer(text, thing.end(), rest.end())
    )


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
