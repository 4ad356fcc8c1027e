"""The crisis-cue patterns of an overdose told by its quantity: pills taken, swallowed, to be taken.

:data:`DRUGS` is the one list of drugs that "took" and the overdose idiom
(:mod:`carelens.analysis.crisis_idioms`) read; :data:`TOOK_MANY` finds a quantity of them taken
("took a whole bottle of tylenol", "i've taken every last one of my sleeping pills", "ate a
whole bottle of pills", "took like 40 tylenols", "took the whole bottle."), :data:`TAKE_PLANNED`
one to be taken ("gonna take a whole bottle of tylenol", "imma take the whole bottle") and
:data:`TAKE_MANY` the older list of quantities read with no check. They join
:data:`carelens.analysis.crisis_patterns.PATTERNS` (label ``self_harm``), and
:mod:`carelens.analysis.crisis_context` reads the first two with the words around them (carried,
a usual dose, an intent: :func:`carelens.analysis.crisis_idioms.everyday_taking`,
:func:`carelens.analysis.crisis_idioms.planned_taking`). This module only states the patterns.
"""

from __future__ import annotations

#: The medicines and drugs an overdose is taken of, as a pattern of words: what "took" counts
#: (:data:`TOOK_MANY`) and what undoes the idiom "I overdosed on coffee"
#: (:mod:`carelens.analysis.crisis_idioms`, which adds alcohol). "doses" is a drug's unless "of"
#: follows ("three doses of espresso"), "tabs" unless "open" does ("40 tabs open"). A medicine's
#: name may take a plural "s" ("took like 40 tylenols", "a bunch of advils"); a street drug's
#: does not ("cokes" are soft drinks, "cracks" are tries).
DRUGS = (
    r"(?:pills?|tablets?|tabs(?!\s+open)|capsules?|supplements?|meds|medications?|medicines?"
    r"|drugs?|aids?|gummies|edibles|syrup|drops|powder|doses?(?!\s+of\b)|prescriptions?"
    r"|(?:xanax|morphine|codeine|methadone|vicodin|tramadol|hydrocodone|norco|dilaudid|suboxone"
    r"|valium|klonopin|ativan|lorazepam|diazepam|clonazepam|alprazolam|ambien|zolpidem|zopiclone"
    r"|seroquel|quetiapine|lithium|insulin|tylenol|paracetamol|panadol|acetaminophen|ibuprofen"
    r"|advil|motrin|aleve|naproxen|excedrin|aspirin|benadryl|diphenhydramine|nyquil|dayquil"
    r"|zzzquil|unisom|melatonin|no-?doz|sertraline|zoloft|prozac|fluoxetine|lexapro|escitalopram"
    r"|citalopram|wellbutrin|bupropion|trazodone|mirtazapine|amitriptyline|effexor|venlafaxine"
    r"|cymbalta|duloxetine|gabapentin|pregabalin|lyrica|abilify|adderall|ritalin|vyvanse"
    r"|concerta)s?|xans?|xannies|oxy\w*|heroin|fentanyl|opi(?:oid|ate)s?|percocets?|percs?"
    r"|benzos?|painkillers?|antidepressants?|laxatives|cocaine|coke|meth|crack|ketamine|mdma"
    r"|molly|ecstasy|lsd)"
)
# Words before a drug's word that make it none: "visual aids", "hearing aids", "maple syrup",
# "coffee capsules", "dishwasher tablets", "probiotic capsules".
_NOT_A_DRUG_BEFORE = "".join(
    rf"(?<!\b{word}\s)"
    for word in (
        *("visual", "teaching", "study", "hearing", "learning", "walking", "maple", "chocolate"),
        *(
            "pancake",
            "corn",
            "simple",
            "coffee",
            "nespresso",
            "espresso",
            "dishwasher",
            "probiotic",
        ),
        *("salt", "chlorine", "fish", "dog", "cat"),
    )
)
# What "took" counts as swallowed: a drug, not a soft drink, sweets, lozenges or a powder ("took
# a whole bottle of coke", "way too many cough drops", "melatonin gummies"), nor vitamins ("way
# too many vitamin c tablets"), oxygen, batteries ("lithium batteries") or the things of
# :data:`_NOT_A_DRUG_BEFORE`.
_SWALLOWED = (
    rf"(?!(?:coke|gummies|drops|powder|supplements?|oxygen)\b){_NOT_A_DRUG_BEFORE}{DRUGS}\b"
    r"(?!\s+(?:gumm|batter|tanks?\b|cylinders?\b|ion\b))"
)
# A quantity taken: "way too many", "way too much of", "a ton of", "a shit ton of", "hella", "so
# many", "a whole bottle of", "an entire bottle of", "the rest of", "3 packs of", "every", "every
# last one of" ("evry" too), "all 90 of", "like 30", "twenty", "a million".
_TOOK_QUANTITY = (
    r"(?:(?:way\s+|far\s+)?(?:too|so)\s+(?:many|much)(?:\s+of)?|hella(?:\s+of)?|(?:a\s+(?:whole\s+)?(?:(?:shit|fuck"
    r"|crap|metric|butt)\s*)?(?:ton|load|lot|bunch|handful|fistful)|(?:shit|fuck|crap|butt)?(?:tons"
    r"|loads)|lots|handfuls|fistfuls|dozens|hundreds|thousands|millions)\s+of|(?:(?:a|an|the|one"
    r"|\d+|two|three|four|five|several|a\s+few|half\s+(?:of\s+)?(?:a|an|the|my))\s+(?:(?:whole"
    r"|full|entire|blister)\s+)*|(?:my|his|her|their)\s+(?:whole|full|entire)\s+(?:blister\s+)?)"
    r"(?:bottles?|box(?:es)?|packs?|packets?|strips?|sheets?|blisters?|jars?|tubs?|containers?"
    r"|vials?|sleeves?|cards?)\s+of|(?:my|the|his|her)\s+(?:whole|entire)\s+(?:prescription"
    r"|supply|stash|stock)(?:\s+of)?|(?:the|all\s+the)\s+(?:rest|remainder)\s+of"
    r"|all\s+(?:[5-9]|[1-9]\d+)(?!\d)(?:\s+of)?|all\s+(?:of\s+)?(?:the|my"
    r"|those|these|his|her|their|our|\w+'s)|eve?ry(?:\s+(?:single|last))?(?:\s+one\s+of)?"
    r"|(?:[5-9]|[1-9]\d+)(?!\d)"
    r"(?:\s+or\s+(?:so|more|\d+))?(?:\s+of)?|(?:five|six|seven|eight|nine|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty"
    r"|sixty|a\s+dozen|a\s+(?:hundred|thousand|million|billion|gazillion|zillion|bajillion))"
    r"(?:-\w+)?(?:\s+of)?)"
)
# A word between a quantity and what it is of: "my", "mom's", "sleeping" ("took a whole bottle
# of my mom's sleeping pills"), not a dose's unit ("took 10 mg adderall"), a time ("took 20
# minutes for my meds to kick in"), kinds ("6 different antidepressants"), vitamins or a
# clause's turn.
_TOOK_WORD = (
    r"(?:(?!(?:to|for|with|at|in|into|on|of|from|and|or|but|then|i|it|me|mg|mgs|ml|mcg|milligrams?"
    r"|grams?|g|minutes?|mins?|hours?|hrs?|seconds?|secs?|days?|weeks?|months?|years?|times?"
    r"|different|kinds?|types?|sorts?|brands?|vitamins?|gummy|fish|protein)\b)[\w']+\s+)"
)
_ROUGHLY = (
    r"(?:(?:like|around|over|nearly|almost|about|at\s+least|maybe|probably|just|literally)\s+)?"
)
# A container with no drug named after it, which "swallow" takes as one of pills ("i swallowed
# the whole bottle last night"); not its cap or lid, nor a drink "of" names ("the whole bottle
# of water": a drink is no drug, :data:`_SWALLOWED`).
_CONTAINER_ALONE = (
    r"(?:a|an|the|my|his|her|their|one|two|three|\d+|half\s+(?:of\s+)?(?:a|an|the|my))\s+(?:(?:whole"
    r"|full|entire|blister)\s+)*(?:bottles?|packs?|packets?|strips?|blisters?)\b(?!\s+(?:of|caps?"
    r"|tops?|lids?|openers?|necks?)\b)"
)
# A drink of alcohol taken with the drug, which alone is none: "downed a bottle of vodka and a
# bunch of pills", "drank the whole bottle of wine with 20 tylenol", "with like 30 of my
# seroquel".
_WITH_ALCOHOL = (
    r"(?:(?:a|an|the|half\s+a|my|two|three|\d+)\s+(?:(?:whole|full|entire)\s+)?(?:bottles?|cans?"
    r"|glass(?:es)?|shots?|fifths?|handles?)\s+of\s+(?:\w+\s+)?(?:wine|vodka|whiske?y|rum|gin"
    rf"|tequila|beer|liquor|alcohol|booze)\s+(?:and|with|plus|along\s+with)\s+{_ROUGHLY})?"
)
# A whole container with no drug named after it, which "take" and "took" read as one of pills
# only where nothing follows it but the clause's end, a time or a defiance ("ima take the whole
# bottle", "i took the whole bottle. please dont be mad", "i will take the whole bottle tonight",
# "... and nobody can stop me"); not "took the whole bottle with me", "to the party".
_WHOLE_ALONE = (
    r"(?:a|an|the|my|his|her|their)\s+(?:whole|full|entire)\s+(?:blister\s+)?(?:bottle|pack"
    r"|packet|strip|blister)s?(?=\s*(?:[.,;!?\n)]|$)|\s+(?:(?:tonight|tonite|tn|today|now|rn"
    r"|right\s+now|last\s+night|this\s+(?:morning|afternoon|evening)|(?:an?|one|two|few|\d+)\s+"
    r"(?:minutes?|mins?|hours?|hrs?)\s+ago|earlier|yesterday|already|on\s+purpose|lol|tbh|idk"
    r"|honestly|ngl)\b|and\s+(?:nobody|no\s*one|noone)\s+(?:can|will|could)\s+stop\s+me\b))"
)
# All that a medicine cabinet holds: "everything in the medicine cabinet", "whatever was in my
# mom's pill drawer".
_CABINET = (
    r"(?:everything|all|whatever\s+(?:was|is))\s+(?:in|from)\s+(?:the|my|our|his|her|\w+'s)\s+"
    r"(?:medicine|meds?|pill|first\s+aid)\s+(?:cabinet|cupboard|drawer|box|chest|kit|bag)s?\b"
)
#: Pills or drugs taken in a quantity, told in the past: "took a whole bottle of tylenol", "took
#: an entire bottle of pills", "took the rest of my oxy", "took way too many of my dad's
#: sleeping pills", "took like 30 of my pills", "took 12 trazodone", "took every last one of my
#: sleeping pills", "took hella pills", "downed a bottle of vodka and a bunch of pills",
#: "swallowed the whole bottle", "took the whole bottle.", "downed the whole bottle an hour
#: ago" (a drink named in its sentence makes it one of that:
#: :func:`carelens.analysis.crisis_idioms.everyday_taking`), "took everything in the medicine
#: cabinet", and by the other verbs of swallowing
#: ("i've taken a whole bottle of pills", "ate a whole bottle of sleeping pills", "just had a
#: whole bottle of pills", "consumed my entire prescription of lithium", "necked a whole box of
#: pills"), not "took 2 advil", "took 10 mg adderall", "drank the whole bottle of wine"; a cue
#: unless the words after it tell of carrying them or of a usual dose
#: (:func:`carelens.analysis.crisis_idioms.everyday_taking`: "with me on vacation", "over the
#: day for my migraine").
TOOK_MANY = (
    r"\b(?:(?:took|taken|swall?owed|downed|popped|chugged|drank|ate|eaten|consumed|necked|just\s+had)"
    rf"\s+{_ROUGHLY}(?:{_WITH_ALCOHOL}{_TOOK_QUANTITY}\s+{_TOOK_WORD}{{0,3}}?{_SWALLOWED}|{_CABINET})"
    rf"|swall?owed\s+{_ROUGHLY}{_CONTAINER_ALONE}|took\s+{_ROUGHLY}{_WHOLE_ALONE}"
    # apart from "took", not "(?:took|downed)": the alternation of all patterns stays quick
    rf"|downed\s+{_ROUGHLY}{_WHOLE_ALONE})"
)
#: The same quantities to be taken: "(gonna) take a whole bottle of tylenol", "(i could)
#: swallow the whole bottle", "(thinking about) taking every last one of my pills", "(imma)
#: take the whole bottle", "(i'm gonna swallow) every pill i have"; a cue only after an intent,
#: a plan or a wish, and not where the words after it tell of carrying them or of a usual dose
#: (:func:`carelens.analysis.crisis_idioms.planned_taking`). The rest of a supply and "every"
#: dose are none: "I'll take the rest of my meds", "I will take every dose on time", "I'll take
#: every pill on time" tell of a course kept; every pill one has is not.
TAKE_PLANNED = (
    r"\b(?:(?:take|taking|swallow|swallowing|down|pop|eat)\s+"
    rf"{_ROUGHLY}(?:(?!(?:the|all\s+the)\s+(?:rest"
    r"|remainder)\b|eve?ry\s+(?!(?:single|last|one\s+of)\b|(?:pill|tablet|capsule|med)s?\s+(?:i"
    r"\s+(?:have|own|got|can\s+find|could\s+find|can\s+get)|i'?ve\s+got|in\s+(?:the|this|my)\s+"
    r"(?:house|home|cabinet|bottle|drawer|room|apartment)|left|at\s+once)\b))"
    rf"{_WITH_ALCOHOL}{_TOOK_QUANTITY}\s+{_TOOK_WORD}{{0,3}}?{_SWALLOWED}|{_CABINET})"
    rf"|swallow(?:ing)?\s+{_ROUGHLY}{_CONTAINER_ALONE}|(?:take|taking|pop)\s+{_ROUGHLY}{_WHOLE_ALONE})"
)
#: The present and the past of a quantity of pills ("I take a handful of pills", "took all my
#: meds", "about 20 tablets", "gonna take all my meds to school and swallow them"), not the usual
#: dose right after it ("every day", "as prescribed"): a cue whatever else the words around it
#: say, as it was before the everyday readings of :data:`TOOK_MANY` (no check of
#: :mod:`carelens.analysis.crisis_context` reads it: "took all my pills back to back", "when I
#: was 16", "along with a bottle of wine" were set aside as carried or a usual dose).
TAKE_MANY = (
    r"\b(?:took|take|taking|swallow\w*|down(?:ing)?)\s+(?:a\s+lot\s+of|all\s+(?:of\s+)?"
    r"(?:my|the|those)|about\s+\d+|(?:[5-9]|[1-9]\d+)(?!\d)|a\s+bunch\s+of|a\s+handful\s+of"
    r"|half\s+of)\s+(?:\w+\s+)?(?:pills|paracetamol|tylenol|lorazepam|sleeping\s+pills|meds"
    r"|medication|tablets|xanax|ibuprofen|benzos)\b"
    r"(?!\s+(?:every|each|daily|a\s+day|as\s+prescribed)\b)"
)
