"""What the words around a crisis pattern's match decide: the writer's negation, everyday senses.

A match of :data:`carelens.analysis.crisis_patterns.PATTERNS` is a cue unless the words around
it say otherwise, and these are the checks that read them, in the match's own clause (cut at
sentence punctuation, a comma or a conjunction). :func:`writer_denies` tells a mention the
writer plainly denies about themselves ("I'm not suicidal", "I would never hurt myself") from
wording that is itself negative ("I don't want to live"), an effort against the urge ("reasons
to not kill myself") and ideation beside a denial ("I'm not going to end it, but I think about
it every day"). :data:`CONTEXT_CHECKS` holds, for the patterns whose words have everyday senses
too, what makes a match a cue: an overdose someone took or means, not a topic nor the idiom "I
overdosed on ice cream" (never with a drug named in its sentence: "overdosed on xanax and ice
cream", "on coffee and then a bottle of tylenol", but for one in a clause of everyday life:
"overdosed on coffee because I forgot my meds"); "rather die", not "rather die than go to that
party"; "end it" of the writer, not of another; "kys", "kill myself" and "kill yourself" of the
writer, not of another nor what someone else told them ("someone told me to kill myself", 'my
mom said "just kill yourself"'; "Nobody told me to" is no telling), unless the writer takes it
up ("... and honestly I want to", "... and they're not wrong", "... I've written my note",
agreement whatever follows it but a clear turn to something else: "... i agree idk" is one, "...
I agree it was cruel", "... maybe I should try therapy", "... i'm not going to, obviously" are
none) or the message holds a cue of their own risk besides ("They told me to kill myself. I want
to die."); self-harm words without an accident; a farewell that points to an ending, not an
everyday leaving.
:mod:`carelens.analysis.crisis` runs them. :func:`not_own_mentions` gives the words set aside
as another's telling or an idiom, which the learned flag does not read either.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from carelens.analysis.crisis_patterns import (
    BYE,
    END_IT,
    FAREWELL_ACTS,
    FINAL,
    FINAL_FAREWELLS,
    GOODBYE,
    KILL_MYSELF,
    KILL_YOURSELF,
    KYS,
    KYS_TOLD,
    LAST_POST,
    ON_PURPOSE,
    OVERDOSE,
    PATTERNS,
    RATHER_DIE,
    THIRD_PARTY,
    masked_pattern,
)
from carelens.disguises import MASKED_LETTER

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


def _clauses(text: str, start: int, end: int) -> tuple[str, str]:
    """The cue's clause before ``start`` and after ``end``."""
    before = _CLAUSE_BREAK.split(text[max(0, start - 60) : start])[-1]
    after = _CLAUSE_BREAK.split(text[end : end + 60], maxsplit=1)[0]
    return before, after


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


def writer_denies(text: str, start: int, end: int) -> bool:
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


# A clause that opens with a desire, an intent or a thought of the writer's whose "I" chat
# leaves out ("thinking about overdose tonight", "gonna overdose", "want to take an overdose"):
# their own, as in "I'm thinking about overdose tonight".
_DROPPED_I_INTENT = re.compile(
    r"\s*(?:(?:just|really|so|still|honestly|seriously|literally|kinda|been|keep|kept|always)\s+)"
    r"{0,3}(?:(?:want|wanted|wanting|need|needing|going|about|plan|planning|planned|tempted"
    r"|ready|decided|trying|tried|hoping)\s+to|wanna|gonna|might|(?:think|thinking|thought"
    r"|dreaming|fantasi[sz]\w*)\s+(?:about|of))\s+(?:(?:just|really|finally|actually|seriously"
    r"|probably|maybe)\s+){0,2}(?:(?:take|taking)\s+)?(?:an?\s+)?",
    re.IGNORECASE,
)
# After "overdose": a noun it qualifies, a topic ("thinking about overdose prevention").
_TOPIC_AFTER = re.compile(
    r"\s*(?:prevention|statistics|stats|rates?|deaths?|awareness|crisis|epidemic|data|risks?"
    r"|symptoms|signs|kits?|reversal|training|research|cases|numbers|figures|treatment"
    r"|antidote|education|response|policy|policies|unit|ward)\b",
    re.IGNORECASE,
)


# After "overdosed": an everyday thing had too much of, the idiom "I overdosed on ice cream /
# Netflix / caffeine". The everyday word comes right after "on", maybe after a determiner or a
# quantifier ("on so much sugar", "on way too much coffee", "on my netflix"), and no drug or
# medicine is named in the rest of its sentence (:func:`_everyday_overdose`): not "overdosed
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


def _someones_act(text: str, start: int, end: int) -> bool:
    """An overdose that someone took or means to take on purpose: a person in its clause, or
    nothing before it ("Overdosed last night"), or the writer's desire, intent or thought with
    its "I" left out (:data:`_DROPPED_I_INTENT`: "thinking about overdose tonight", not
    "thinking about overdose prevention"); not a topic ("Paracetamol overdose is on my
    exam"), a question ("Is it possible to overdose on caffeine?"), a figure ("overdoses are
    up"), an accident or the idiom of an everyday thing had too much of ("I overdosed on ice
    cream": :func:`_everyday_overdose`)."""
    before, after = _clauses(text, start, end)
    if _ACCIDENT.search(before) or _ACCIDENT.search(after):
        return False
    if _everyday_overdose(text, start, end):
        return False
    if not before.strip() or _PERSON.search(before) is not None:
        return True
    # the clause's start, not one the 60 characters read cut into
    whole = len(before) < 60 or start <= 60
    intent = whole and _DROPPED_I_INTENT.fullmatch(before) is not None
    return intent and _TOPIC_AFTER.match(text, end) is None


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


def _not_everyday_rather(text: str, start: int, end: int) -> bool:
    """ "rather die / be dead" that is not the idiom "rather die than go to that party"
    (:func:`_everyday_rather`)."""
    return not _everyday_rather(text, start, end)


def _own_act(text: str, start: int, end: int) -> bool:
    """ "end it / things" said of the writer's own act, not another's ("she wanted to end it",
    "let's end things on a good note")."""
    before = _clauses(text, start, end)[0]
    return _OTHER_SUBJECT.search(before) is None or _FIRST_PERSON.search(before) is not None


# Someone else telling the seeker to do it, the abuse a seeker reports: "someone told me I
# should kys", "people tell me to kill myself", 'my mom said "just kill yourself"', "I was told
# to kill myself". A verb of telling, maybe "(to) me" or "I" after it, maybe a comma or a colon
# and a quotation's opening mark, and then nothing but the words of an order up to the cue's
# own word ("that I should just go", "to"); not "told me to call if I want to kill myself",
# "people tell me I shouldn't kill myself".
_TELLING = (
    r"(?:told|tell|tells|telling|said|say|says|saying|wrote|write|writes|writing|texted|texts"
    r"|messaged|commented|comments|posted|replied|replies|yelled|yells|shouted|shouts|screamed"
    r"|screams)"
)
_QUOTE_MARK = "[\"'\u201c\u201d\u2018]"
_ORDER = (
    r"(?:to|should|shall|ought\s+to|needs?\s+to|ha(?:ve|s|d)\s+to|must|gotta|got\s+to|better"
    r"|might\s+as\s+well|may\s+as\s+well|just|go|and|fucking|fuckin|fkn|please|pls|plz|already"
    r"|why\s+don'?t\s+(?:you|u))"
)
_TOLD_TO_DO = re.compile(
    rf"\b{_TELLING}(?:\s+(?:to\s+)?(?:me|i))?\s*(?:[,:]\s*)?(?:{_QUOTE_MARK}\s*)?(?:that\s+)?"
    rf"(?:(?:i|you|u|ya)\s+)?(?:{_ORDER}\s+)*$",
    re.IGNORECASE,
)
# The same told in a quotation the telling follows: '"Kill yourself," my brother said'.
_QUOTE_OPENS = re.compile(rf"{_QUOTE_MARK}\s*(?:{_ORDER}\s+)*$", re.IGNORECASE)
_QUOTE_THEN_TOLD = re.compile(
    rf"[,.!?]*\s*[\"'\u201d\u2019][,.!?]*\s*(?:(?!i\b|i'|me\b)\w+\s+){{0,3}}?{_TELLING}\b",
    re.IGNORECASE,
)
# The writer as the subject of such a verb, maybe with auxiliaries, adverbs or a negation
# between: their own telling ("I said I should kys", "I always say I should kill myself", "I
# never said I should kys"), not someone else's after it ("I think my mom said I should kys").
_WRITER_TELLS = re.compile(
    r"\b(?:i|i'?ve|i'?d|i'?ll|i'?m)\s+(?:(?:have|had|would|will|do|did|just|even|really|always"
    r"|often|sometimes|usually|keep|kept|once|also|still|ever|used\s+to|\w+ly|never|not|cannot"
    r"|(?:do|does|did|have|has|had|would|could|should|wo|ca|is|are|was|were)n'?t)\s+){0,3}$",
    re.IGNORECASE,
)
# A telling from inside: voices the seeker hears, their own mind, a god ("the voices tell me
# to kill myself", "my brain keeps telling me I should kys"): the seeker's own risk, a cue.
_INNER_TELLER = re.compile(
    r"\b(?:voices?|hallucinat\w*|brain|head|mind|thoughts?|depression|demons?|intrusive|inner"
    r"|part\s+of\s+me|inside\s+(?:of\s+)?me|everything\s+in\s+me|something|god|devil|satan"
    r"|spirits?)\b",
    re.IGNORECASE,
)
# Where a taking-up ends: its clause's end, a mark that is no word (an emoji, ":(", "...") or
# a word that closes it ("... and I might lol", "... I might idk").
_UPTAKE_END = (
    r"(?=[^\S\n]*(?:[^\w\s']|\n|$|(?:lol|lmao|haha|honestly|tbh|ngl|idk|fr|tho|though|and|but"
    r"|rn|anyway|anyways)\b))"
)
# The rest of a clause with nothing of the writer's own in it ("... and my mom agrees"), up to
# its end: a verdict on something else holds only there ("I agree it was cruel", not "I agree
# it was wrong of me to exist").
_NOTHING_OF_MINE = (
    r"(?:(?!\b(?:i|i'?m|im|i'?d|i'?ll|i'?ve|me|myself|my\s+(?:life|existence|death)|and|but|so"
    r"|because|cause|cuz|though|tho)\b)[^.!?\n,;])*(?:[.!?\n,;]|$|\b(?:and|but|so|because|cause"
    r"|cuz|though|tho)\b)"
)
# A verdict on what was told or on the teller, not on the writer: "it was cruel", "that's not
# normal", "this counts as emotional abuse", "he was out of line".
_JUDGED = (
    r"(?:that|this|it|what\s+(?:he|she|they)\s+(?:did|said|says|does)|he|she|they"
    r"|(?:my|his|her|their|the)\s+[\w']+)(?:'s|s|\s+(?:is|was|were|are|counts\s+as|sounds\s+like"
    r"|seems|seemed|felt|feels|looks))(?:\s+(?:called|considered|classed\s+as|a\s+form\s+of))?"
    r"(?:\s+(?:so|really|totally|completely|pretty|super|very|kinda|kind\s+of|just|definitely"
    r"|absolutely|clearly|obviously|actually|literally|fucking|such|an?))*\s+(?:cruel|wrong"
    r"|abus\w*|harass\w*|bully\w*|(?:messed|fucked|screwed)\s+up|not\s+(?:ok|okay|normal|fine"
    r"|right|acceptable|cool|alright|appropriate)|unacceptable|illegal|awful|horrible|terrible"
    r"|disgusting|toxic|evil|mean|out\s+of\s+line|uncalled\s+for|inappropriate|too\s+far|unfair"
    r"|hurtful|vile|crime|criminal|jerk|asshole|bully|abuser|(?:emotional|verbal|psychological"
    r"|mental)\s+abuse|(?:emotionally|verbally|psychologically)\s+abusive)\b"
    rf"{_NOTHING_OF_MINE}"
)
# The teller (or another) in need of help or in the wrong: "he needs help", "she should
# leave", "he crossed a line".
_THEY_NEED = (
    r"(?:he|she|they|(?:my|his|her|their|the)\s+[\w']+(?:\s+[\w']+)?)(?:\s+(?:really|clearly"
    r"|obviously|seriously|definitely|honestly|just|probably))*\s+(?:(?:needs?|needed)\s+(?:(?:some"
    r"|professional|serious|real|to\s+get|to\s+see|to\s+go\s+to)\s+)*(?:help|therapy|rehab"
    r"|counsel\w*|a\s+therapist)|should(?:\s+(?:really|probably|definitely|just))?\s+(?:be|get"
    r"|leave|move|apologi[sz]e|go|stop|see|know|not|never|seek|face|lose|pay|grow)\b|crossed\s+(?:a"
    r"|the)\s+line|went\s+too\s+far)"
    rf"{_NOTHING_OF_MINE}"
)
# A cause told of what was said, not a verdict on the writer: "it's because he was drunk", "it
# was because I broke her vase".
_CAUSE = (
    r"(?:it|that|this)(?:'s|s|\s+(?:is|was|happened))(?:\s+(?:only|just|all|mostly|partly))?"
    r"\s+(?:because|cause|cuz|bc|since|due\s+to)\b(?![^.!?\n]*\b(?:i'?m|im|i\s+am|i\s+deserve"
    r"|nobody|no\s+one|worthless|useless|pathetic|burden|failure|waste)\b)"
)
# Acts of seeking help or keeping safe from the teller: "try therapy", "tell my mom", "report
# him", "go no contact", "move out", "go to the police", "stay at my grandma's"; not with a
# farewell in its clause ("tell everyone goodbye", "leave them forever").
_HELP_ACT = (
    r"(?:(?:(?:try|start|get|find|see|book|look\s+(?:for|into)|ask\s+for|go\s+(?:to|back\s+to))"
    r"\s+(?:(?:a|an|some|my|the|more|professional)\s+)*(?:therap\w*|counsel\w*|psycholog\w*"
    r"|psychiatr\w*|doctor|gp|help|support|treatment|hotline|helpline|crisis\s+line|lawyer"
    r"|restraining\s+order|cps|social\s+worker)"
    r"|(?:tell|talk\s+to|speak\s+(?:to|with)|ask|reach\s+out\s+to|call|text|message|email|dm"
    r"|contact|report|block|mute|unfriend|unfollow|ignore|record|screenshot|document|confront"
    r"|avoid|warn|show)\s+(?!(?:it\s+(?:quits|a\s+day)|myself|me)\b)[\w'-]+"
    r"|press\s+charges|set\s+(?:some\s+)?boundaries|go\s+(?:no|low)\s+contact|cut\s+(?:off\s+)?"
    r"(?:contact|ties)|cut\s+(?:him|her|them)\s+off|(?:stop|quit)\s+(?:talking|texting"
    r"|speaking|replying|answering|responding|seeing|visiting|hanging\s+out|listening\s+to)"
    r"|move\s+(?:out|away|in\s+with|back\s+in\s+with|schools?)|(?:go\s+)?(?:live|stay)\s+(?:with"
    r"|at|over)|stay\s+away|leave\s+(?:home|the\s+house|(?:him|her|them)\b|for\s+a\s+(?:while|bit"
    r"|few))|leave(?:\s*,\s*|\s+and\s+)(?:go\s+)?(?:live|stay|move)|get\s+(?:away\s+from\s+(?:him|her"
    r"|them|there|home)|out\s+of\s+(?:there|(?:the|that|this|his|her|their|my)\s+(?:house|home"
    r"|place|relationship)))"
    r"|go\s+(?:over\s+)?to\s+(?:(?:my|the|a|an|his|her|our)\s+)?(?:[\w']+\s+)?(?:grand\w*|aunt\w*"
    r"|uncle\w*|friend\w*|cousin\w*|dad\w*|mom\w*|mum\w*|house|place|school|counsel\w*|principal"
    r"|police|cops|teacher|nurse|doctor|hospital|er|office|therapist|work|class|church|bed|hr)\b"
    r"|delete\s+(?:my|the|this|that|her|his|their)\s+[\w'-]+|change\s+(?:schools?|classes"
    r"|(?:my|the)\s+(?:number|school|class|name|account|username|phone|password))"
    r"|not\s+(?:listen|let|take\s+it|talk|reply|respond|engage|believe))"
    r"(?![^.!?\n]{0,30}\b(?:good\s*-?\s*bye|bye|farewell|forever|for\s+good|permanently"
    r"|one\s+last\s+time|for\s+the\s+last\s+time)\b))"
)
# The writer meaning such an act: "I should report him", "I need to set boundaries", "I'll
# call the hotline".
_I_SHOULD_HELP = (
    r"(?:i(?:\s+(?:really|probably|definitely|just|do|still))*\s+(?:should|need\s+to|have\s+to"
    r"|gotta|must|will|could|might|ought\s+to)|i'?ll|ill|i'?m\s+(?:going\s+to|gonna))"
    rf"(?:\s+(?:just|really|probably|definitely|finally|actually))*\s+{_HELP_ACT}"
)
# What agreement or belief turns to when it is not the telling's: a verdict on it or on the
# teller, the teller's need, a cause, the writer's act of help or safety.
_ELSEWHERE = rf"(?:{_JUDGED}|{_THEY_NEED}|{_CAUSE}|{_I_SHOULD_HELP})"
# Agreeing ("I agree", "I don't disagree", "I can't say I disagree") takes the telling up
# unless what follows it, maybe after whom it is with, turns to something else: "I agree it was
# cruel", "I agree with my mom that it was abuse", "I agree that he needs help", "I agree with
# you, I should report it" (a verdict on the writer stays one: "I agree that I'm a burden").
_AGREES = (
    r"(?P<agree>agree[sd]?|agreeing|(?:don'?t|dont|do\s+not|can'?t|cant|cannot)(?:\s+(?:even"
    r"|really|totally|exactly|entirely))?\s+disagree|(?:can'?t|cant|cannot|couldn'?t)\s+(?:really"
    r"\s+)?(?:say|pretend)\s+(?:that\s+)?i\s+disagree)"
    r"(?!(?:\s+(?:with|w/?)(?:\s+(?!(?:and|but|so|because|cause|though)\b)[\w']+){1,4}?)?"
    r"(?:\s+(?:completely|totally|fully|100\s*%|a\s+bit|a\s+little|tho|though|now))*"
    rf"(?:\s+that|\s*[,:-])?\s+{_ELSEWHERE})"
)
# Believing the teller or the telling ("I believe him", "I believe what he said", "I believe
# it", "I believe that more every day") takes it up unless a clause about something else
# follows: "I believe it was cruel", "I believe that's harassment", "I believe it's because he
# was drunk", "I believe it's time to move out", "I believe him when he says he's sorry".
_BELIEVES = (
    rf"believ(?:e[sd]?|ing)(?!\s+(?:that\s+)?(?:{_ELSEWHERE}|(?:it'?s|its)\s+time\s+(?:for\s+me\s+)?"
    rf"to\s+{_HELP_ACT}|(?:him|her|them)\s+when\s+(?:he|she|they)\s+(?:says?|said|tells?|told)))"
    r"\s+(?:them|him|her|em|'em|it|its|that|this|every\s+word|(?:what|everything|all)\s+(?:they"
    r"|he|she)\s+(?:say|says|said|told\s+me)|they'?re\s+right)\b"
)
# After "right", "not wrong" or "a point": what makes it about something else than what was
# told ("she has a point about my chores", "she's right about my grades", "my therapist was
# right about her", "he's right that I failed my exam", "he's right about one thing, I do need
# to study more"), the writer's act of help ("you're right, I should report him", "I wasn't
# wrong to report her") or a place ("he's right behind me", "right across from mine").
_EVERYDAY_FAULT = (
    r"(?:i(?:'m|\s+am|m|'ve\s+been|\s+have\s+been|ve\s+been|\s+was|\s+can\s+be)?(?:\s+(?:so|really"
    r"|too|kinda|a\s+bit|pretty|very))*\s+(?:messy|lazy|loud|late|rude|disorganized|a\s+slob"
    r"|bad\s+at\s+(?:math|school|\w+ing))\b"
    r"|i\s+(?:failed|flunked|skipped|missed|forgot|broke)\s+(?:my|the|a|an|her|his|their)\s+"
    r"(?!(?:life|family|everything|everyone)\b)[\w'-]+"
    r"|i(?:\s+(?:do|really|definitely))*\s+(?:need|have)\s+to\s+(?:study|work\s+harder|try\s+harder"
    r"|clean|do\s+(?:my|more)\s+\w+|get\s+(?:better|my)\s+grades?|be\s+more\s+\w+))"
)
_EVERYDAY_TOPIC = (
    r"(?:grades?|chores|room|bedroom|homework|school\w*|job|work|hair|clothes|outfits?"
    r"|car|phone|money|spending|exams?|tests?|class(?:es)?|studies|studying|mess|messiness"
    r"|attitude|habits?|sleep\w*|schedule|curfew|cooking|driving|music|games|gaming|grammar"
    r"|spelling|manners|cleaning|laundry|dishes|bills|rent)"
)
_ABOUT_ELSE = (
    r"(?!\s+(?:about|on|regarding|when\s+it\s+comes\s+to)\s+(?:(?:my|the|his|her|their|our)\s+"
    rf"(?:[\w']+\s+)?{_EVERYDAY_TOPIC}\b|(?:him|her|them)\b|one\s+thing\s*[,:]?\s+"
    rf"{_EVERYDAY_FAULT}))(?!(?:\s+that|\s*[,:-])\s+(?:{_I_SHOULD_HELP}|{_EVERYDAY_FAULT}"
    r"|it'?s\s+not\s+my\s+fault|it\s+(?:is|was)n'?t\s+my\s+fault))"
)
_RIGHT_ELSE = (
    r"(?![\s-]+wing\b|\s+(?:there|here|next|behind|around|away|now|across|by|beside|outside"
    r"|inside|in\s+front|over|under|up|down|after|before|back|off|then)\b)"
    rf"{_ABOUT_ELSE}"
)
_WRONG_ELSE = rf"(?!\s+to\s+(?:{_HELP_ACT}|tell\s+on))"
# After what someone told them, the seeker taking it up as their own: an intent or a plan
# ("... and honestly I want to", "I'm going to do it tonight", "I'm done", "I've written my
# note", "I wish I had the guts"), a thought of it ("I'm thinking about it") or agreement
# ("maybe they're right", "she's not wrong", "I agree", "part of me believes it", "maybe I
# should", "why not"). Agreement takes it up unless what follows turns to something else
# (:data:`_AGREES`, :data:`_BELIEVES`, :data:`_RIGHT_ELSE`, :data:`_HELP_ACT`); an intent
# that is denied ("I'm not going to, obviously") is none.
_TAKEN_UP = re.compile(
    r"(?P<intent>\b(?:i|i'?m|im|i\s+am|i'?ve|i'?ll|i'?d)\s+(?:(?!(?:not|never|no|dont|wont|cant"
    r"|aint|i)\b)\w+\s+){0,3}?(?:want|wanna|need|gonna|going|plan|planning|tempted|ready|about(?=\s+to\b)"
    r"|considering|might|may|will|should|could|almost\s+did|nearly\s+did|did|try|tried|attempted"
    r"|done|doing\s+(?:it|this|that))(?:\s+to)?(?:\s+(?:just|actually|really|finally|do\s+it"
    r"|do\s+that|it|that|too|as\s+well|now|tonight|today|tomorrow|soon|this\s+time|anyway"
    rf"|so\s+bad(?:ly)?|so\s+much|badly)){{0,3}}{_UPTAKE_END})"
    r"|\b(?:i|i'?m|im|i\s+am|i'?ve\s+been|ive\s+been)\s+(?:\w+\s+){0,3}?(?:thinking|think|thought"
    rf"|considering)(?!\s+(?:that\s+)?{_ELSEWHERE})\s+(?:about\s+|abt\s+|bout\s+|of\s+)?"
    r"(?:it|that(?!\s+(?:comment|message|text|post|remark|day|night|moment|conversation|words?"
    r"|fight|argument|video|tweet|dm)\b)|doing\s+it)\b"
    rf"(?!\s+and\s+(?:decided|chose)\s+to\s+{_HELP_ACT})"
    r"|(?P<right>(?:(?<!what)'re|(?<!what)'s|\b(?:are|is|were|was|might\s+be|may\s+be|could\s+be"
    r"|must\s+be)|\b(?:hes|shes|theyre|thats))\s+(?:(?:probably|totally|so|just|absolutely"
    rf"|kinda|actually|honestly|really|completely|definitely)\s+)?(?:right\b{_RIGHT_ELSE}"
    rf"|not\s+(?:even\s+)?wrong\b{_ABOUT_ELSE}{_WRONG_ELSE}))"
    r"|(?:\b(?:aren'?t|isn'?t|wasn'?t|weren'?t|ain'?t|aint|isnt|arent)\s+(?:\w+\s+)?|\b(?:don'?t"
    r"|dont|do\s+not)\s+think\s+(?:that\s+)?(?:he|she|they)(?:'s|'re|s|re|\s+is|\s+are|\s+was"
    rf"|\s+were)\s+)wrong\b{_ABOUT_ELSE}{_WRONG_ELSE}"
    r"|\b(?:have|has|had|got)\s+a\s+(?:good\s+|fair\s+|valid\s+)?point\b"
    rf"{_ABOUT_ELSE}(?!\s+to\s+(?:make|prove))"
    # agreement: "I agree (with them)", "I kinda believe it", "part of me believes it"
    r"|\b(?:i|i'?m|im|i\s+am|i'?ve|ive|me)\s+(?:(?:kinda|kind\s+of|sort\s+of|actually|really"
    r"|honestly|totally|fully|partly|half|almost|somewhat|starting|beginning|started|begun|been"
    r"|still|genuinely|completely|definitely|100\s*%|to|do|might|think)\s+){0,3}"
    rf"(?:{_AGREES}|{_BELIEVES})"
    r"|\bpart\s+of\s+me\s+(?:\w+\s+){0,2}?(?:believes?|agrees?|wants?\s+to(?!\s+(?:prove|show"
    r"|fight|report|tell|scream|cry|hurt\s+them))|thinks?\s+(?:they|he|she|it|that)|wonders?"
    r"|knows?\s+(?:they|he|she|it))\b"
    rf"|\bshould\s+(?:just\s+|really\s+)?listen(?:\s+to\s+(?:them|him|her|it))?{_UPTAKE_END}"
    # "maybe I should", unless an act of help or safety follows ("maybe I should try therapy")
    r"|\bmaybe\s+(?:i\s+(?:should|will|could|might|ought\s+to)|i'?ll|ill)\b(?!(?:\s+(?:just"
    rf"|really|actually|finally|honestly|seriously|probably|definitely))*\s+{_HELP_ACT})"
    r"|\bwhy\s+not\b(?=\s*(?:[.!?,;\n]|$|(?:lol|lmao|haha|honestly|tbh|ngl)\b))"
    # a plan: "do it tonight", "I've written my note", "I wish I had the guts"
    r"|\b(?:do|doing)\s+it\s+(?:tonight|today|tomorrow|soon|now|this\s+(?:week|weekend|time))\b"
    r"|\bdone\s+with\s+(?:life|living|everything|it\s+all|this\s+life|this\s+world)\b"
    r"|\b(?:written|wrote|writing|write)\s+(?:(?:my|a|the)\s+(?:suicide|goodbye|farewell|last)"
    r"\s+(?:note|letters?)|my\s+note)\b"
    r"|\b(?:wish|if\s+only)\s+i\s+(?:had|have)\s+(?:the\s+)?(?:guts|courage|balls|nerve|strength)"
    r"\b|\b(?:guts|courage|balls|nerve)\s+to\s+(?:do\s+it|go\s+through\s+with\s+it"
    r"|follow\s+through)\b",
    re.IGNORECASE,
)
# Before a telling, a teller that is none: "Nobody told me to kill myself", "No one ever said I
# should", "It's not like anyone told me to"; after it, "I wasn't told to ... by anyone".
_NO_TELLER = re.compile(
    r"\b(?:nobody|no\s*-?\s*one|not\s+(?:a\s+)?(?:single\s+)?(?:one|soul|person)|none\s+of"
    r"\s+(?:them|you|us|my\s+\w+))\s+(?:\w+\s+){0,2}$"
    r"|(?:\b(?:not|never|no)\b|n'?t\b)[^.!?\n]{0,40}?\b(?:anyone|anybody|any\s+one)\s+"
    r"(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_NEGATED_BEFORE = re.compile(r"(?:\b(?:not|never)\b|n'?t\b)[^.!?\n]{0,40}$", re.IGNORECASE)
_BY_ANYONE = re.compile(r"\s*,?\s*by\s+(?:anyone|anybody|any\s+one)\b", re.IGNORECASE)


def _told_to_writer(text: str, lead_end: int, end: int) -> bool:
    """Whether someone else told the writer to do what a cue ending at ``end`` says, its own
    word starting at ``lead_end``: a telling before it (:data:`_TOLD_TO_DO`), not the
    writer's own (:data:`_WRITER_TELLS`) nor a negated teller's (:func:`_no_teller`: "Nobody
    told me to kill myself"), or a quotation that a telling follows
    (:data:`_QUOTE_THEN_TOLD`); not a telling from inside (:data:`_INNER_TELLER`)."""
    sentence = re.split(r"[.!?\n]", text[max(0, lead_end - 80) : lead_end])[-1]
    told = _TOLD_TO_DO.search(sentence)
    if told is not None:
        opens = lead_end - len(sentence)
        telling = opens + told.start()
        if _WRITER_TELLS.search(text, max(0, telling - 40), telling) is not None:
            return False
        if _no_teller(text, max(opens, telling - 60), telling, end):
            return False
    elif _QUOTE_OPENS.search(sentence) is not None:
        after = _QUOTE_THEN_TOLD.match(text, end)
        if after is None:
            return False
        telling = after.end()
    else:
        return False
    return _INNER_TELLER.search(text, max(0, telling - 150), telling) is None


def _no_teller(text: str, low: int, telling: int, end: int) -> bool:
    """Whether the telling at ``telling`` (its sentence's words from ``low``) has no teller:
    "Nobody told me to", "It's not like anyone said I should" (:data:`_NO_TELLER`), "I wasn't
    told to kill myself by anyone", the cue ending at ``end``."""
    if _NO_TELLER.search(text, low, telling) is not None:
        return True
    negated = _NEGATED_BEFORE.search(text, low, telling) is not None
    return negated and _BY_ANYONE.match(text, end) is not None


# Before an intent, a word that makes it a relative clause or another's saying: "I did
# everything I could.", "as best I could", "like you said I should".
_RELATIVE_BEFORE = re.compile(
    r"\b(?:everything|anything|whatever|all|best|said|says|say|than)\s+$", re.IGNORECASE
)
# Before "right": a thought of it denied ("I don't think he's right") or thanks to the helper
# that ends the sentence ("thanks, you're right.", not "thanks, you're right, I should just
# die").
_NOT_RIGHT_BEFORE = re.compile(
    r"\b(?:don'?t|dont|do\s+not|never)\s+(?:really\s+)?(?:think|believe|feel\s+like)\s+"
    r"(?:that\s+)?(?:[\w']+\s+){0,2}?[\w']+\s*$",
    re.IGNORECASE,
)
_THANKS_BEFORE = re.compile(r"\b(?:thanks|thank\s+you|thx|ty)\b[\s,.!]*(?:you|u)$", re.IGNORECASE)
_THANKS_AFTER = re.compile(r"[^\w\n]*(?:[.!?\n]|$)")
# After "I agree": with a helper or the forum, and no more ("I agree with my therapist", "I
# agree with the mods", "I agree with the other comments here"), unless the teller is one.
_AGREED_WITH_HELPER = re.compile(
    r"\s+(?:with|w/?)\s+(?:(?:my|the|our|this|that|these|those|all|every|everyone)\s+){0,2}"
    r"(?P<helper>therapist|counsel+ors?|psycholog\w+|psychiatrists?|doctors?|mods|moderators?"
    r"|sub|subreddit|(?:other|top|best)\s+(?:comments?|commenters?|replies|answers?|responses?)"
    r"|comments\s+here|people\s+here|everyone\s+here)\b"
    r"(?=[^\S\n]*(?:[^\w\s']|\n|$)|\s+(?:here|too|on\s+(?:this|that)|lol|tbh|honestly)\b)",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?\n]")


def _uptake_window(text: str, end: int) -> tuple[int, int]:
    """Where the text a taking-up of a telling that ends at ``end`` is read in ends, and where
    a taking-up must start by: the 150 characters after the telling and on to the end of the
    sentence they reach into (at most 150 characters more), so that a clause's end is the
    text's own, never the window's edge ("I agree" cut from "I agree it was cruel"). Without a
    sentence's end there, the text runs on 100 characters past where a taking-up must start,
    for what follows it."""
    reach = end + 150
    stop = _SENTENCE_END.search(text, reach, reach + 150)
    if stop is not None:
        return stop.end(), stop.end()
    return reach + 250, reach + 150


def _set_aside(text: str, start: int, match: re.Match[str], endpos: int) -> bool:
    """Whether a reading of :data:`_TAKEN_UP` (in ``text`` up to ``endpos``) is none by the
    words before it, or by whom the writer agrees with: an intent in a relative clause
    (:data:`_RELATIVE_BEFORE`), "right" after a denied thought or thanks
    (:data:`_NOT_RIGHT_BEFORE`, :data:`_THANKS_BEFORE`), agreement with a helper who is not the
    teller (:data:`_AGREED_WITH_HELPER`: "My therapist says it's abuse and I agree with my
    therapist"), the telling's cue starting at ``start``."""
    if match.group("intent") is not None:
        at = match.start("intent")
        return _RELATIVE_BEFORE.search(text, max(0, at - 20), at) is not None
    if match.group("right") is not None:
        at = match.start("right")
        if _NOT_RIGHT_BEFORE.search(text, max(0, at - 40), at) is not None:
            return True
        thanks = _THANKS_BEFORE.search(text, max(0, at - 20), at) is not None
        return thanks and _THANKS_AFTER.match(text, match.end(), endpos) is not None
    if match.group("agree") is not None:
        helper = _AGREED_WITH_HELPER.match(text, match.end("agree"), endpos)
        if helper is None:
            return False
        telling = _SENTENCE_END.split(text[max(0, start - 150) : start])[-1].lower()
        return helper.group("helper").split()[-1][:5].lower() not in telling
    return False


def _taken_up(text: str, start: int, end: int) -> bool:
    """Whether the writer takes up what they were told, the cue at ``text[start:end]``: after
    it (:data:`_TAKEN_UP`, in :func:`_uptake_window`, not set aside by :func:`_set_aside`), or
    by a cue of their own risk elsewhere in the message (:func:`_own_risk_elsewhere`: "They
    told me to kill myself. I want to die.")."""
    endpos, limit = _uptake_window(text, end)
    at = end
    while (match := _TAKEN_UP.search(text, at, endpos)) is not None and match.start() < limit:
        if not _set_aside(text, start, match, endpos):
            return True
        at = match.start() + 1
    return _own_risk_elsewhere(text, start, end)


def _reported(text: str, start: int, end: int) -> bool:
    """Words that someone else told the writer ("someone told me to kill myself", 'my mom
    said "kill yourself"') and that the writer does not take up ("... and honestly I want
    to")."""
    return _told_to_writer(text, start, end) and not _taken_up(text, start, end)


def _not_told(text: str, start: int, end: int) -> bool:
    """Words that are not what someone else told the writer, or that the writer takes up
    (:func:`_reported`)."""
    return not _reported(text, start, end)


_LAST_WORD = re.compile(r"\S+$")


def _reported_kys(text: str, start: int, end: int) -> bool:
    """ "kys", maybe after a desire or an intent (KYS), that someone else told the writer and
    the writer does not take up (:func:`_reported`: "my mom said I should kys"); its own
    word is the match's last."""
    kys = _LAST_WORD.search(text, start, end)
    return _reported(text, start if kys is None else kys.start(), end)


def _own_kys(text: str, start: int, end: int) -> bool:
    """ "kys" after a desire or an intent (KYS) said of the writer, not another's ("you
    should kys", "she wants to kys": :func:`_own_act`) and not what someone else told them
    (:func:`_reported_kys`: "my mom said I should kys")."""
    return not _reported_kys(text, start, end) and _own_act(text, start, end)


def _kys_taken_up(text: str, start: int, end: int) -> bool:
    """ "kys" alone (KYS_TOLD) that someone else told the writer and the writer takes up
    ("someone told me to kys and honestly I want to")."""
    return _told_to_writer(text, start, end) and _taken_up(text, start, end)


def _on_purpose(text: str, start: int, end: int) -> bool:
    """Self-harm words that do not tell of an accident ("I burned myself on the stove")."""
    before, after = _clauses(text, start, end)
    if _ACCIDENT.search(before) or _ACCIDENT.search(after):
        return False
    return _ACCIDENT_AFTER.match(after) is None


# An everyday leaving near a farewell: a move, a trip, a new job, a break.
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


_FINAL_WORDS = re.compile(rf"\b{FINAL}\b", re.IGNORECASE)
_FINAL_OR_BYE = re.compile(rf"\b(?:{FINAL}|{BYE})\b", re.IGNORECASE)
# "my last post", "the very last message", not "in my last post", "see my last post".
_OWN_LAST = re.compile(
    r"(?<!\bin\s)(?<!\bon\s)(?<!\bof\s)(?<!\bto\s)(?<!\bsee\s)(?<!\babout\s)\b(?:my|the)\s+"
    r"(?:very\s+)?$",
    re.IGNORECASE,
)


_FAREWELL_ACT = re.compile("|".join(f"(?:{p})" for p in FAREWELL_ACTS), re.IGNORECASE)
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
    """A farewell act (FAREWELL_ACTS) with another act or the calm after them (_CALM) within
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
    OVERDOSE: _someones_act,
    END_IT: _own_act,
    KYS: _own_kys,
    KYS_TOLD: _kys_taken_up,
    KILL_MYSELF: _not_told,
    KILL_YOURSELF: _not_told,
    RATHER_DIE: _not_everyday_rather,
    **dict.fromkeys(FAREWELL_ACTS, _farewell_acts),
    GOODBYE: _goodbye,
    LAST_POST: _last_words,
    **dict.fromkeys(FINAL_FAREWELLS, _final_farewell),
    **dict.fromkeys(ON_PURPOSE, _on_purpose),
}
#: The checks by the pattern they read, as written and as it reads a masked letter
#: (:func:`~carelens.analysis.crisis_patterns.masked_pattern`).
CONTEXT_CHECKS: dict[str, Callable[[str, int, int], bool]] = {
    **_CONTEXT,
    **{masked_pattern(p): check for p, check in _CONTEXT.items()},
}


def _everyday_overdose(text: str, start: int, end: int) -> bool:
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


def _everyday_rather(text: str, start: int, end: int) -> bool:
    """The idiom "I'd rather die than go to that party" (:data:`_EVERYDAY_RATHER`)."""
    return _EVERYDAY_RATHER.match(text, end) is not None


# The patterns of the words someone else may tell the writer, read by their own checks when
# they stand beside a telling (:func:`_own_risk_spans`).
_TOLD_WORDS = (KILL_MYSELF, KILL_YOURSELF, KYS, KYS_TOLD)


def _untold(text: str, start: int, end: int) -> bool:
    """Words that are not what someone else told the writer (:func:`_told_to_writer`), read
    without asking whether they take it up (which reads the other cues)."""
    return not _told_to_writer(text, start, end)


def _untold_kys(text: str, start: int, end: int) -> bool:
    """ "kys" after a desire or an intent said of the writer (:func:`_own_act`) and not what
    someone else told them (:func:`_told_to_writer`)."""
    kys = _LAST_WORD.search(text, start, end)
    told = _told_to_writer(text, start if kys is None else kys.start(), end)
    return not told and _own_act(text, start, end)


@lru_cache(maxsize=2)
def _own_risk_checks(
    masked: bool,
) -> tuple[tuple[re.Pattern[str], Callable[[str, int, int], bool] | None], ...]:
    """The patterns of the writer's own risk and their checks: every pattern but a third
    party's (:data:`~carelens.analysis.crisis_patterns.THIRD_PARTY`), those of a telling read
    as not told (:func:`_untold`, :func:`_untold_kys`; "kys" alone is none); with ``masked``,
    as they read a masked letter. Compiled the first time a telling needs them."""
    checks: dict[str, Callable[[str, int, int], bool] | None] = {
        pattern: CONTEXT_CHECKS.get(pattern)
        for patterns in PATTERNS.values()
        for pattern in patterns
        if pattern not in _TOLD_WORDS and pattern not in THIRD_PARTY
    }
    checks.update({KILL_MYSELF: _untold, KILL_YOURSELF: _untold, KYS: _untold_kys})
    return tuple(
        (
            re.compile(masked_pattern(pattern) if masked else pattern, re.IGNORECASE | re.DOTALL),
            check,
        )
        for pattern, check in checks.items()
    )


@lru_cache(maxsize=8)
def _own_risk_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where ``text`` holds a cue of the writer's own risk (:func:`_own_risk_checks`) that
    the writer does not deny (:func:`writer_denies`), as (start, end) offsets. Read once for a
    text however many tellings it holds."""
    checks = _own_risk_checks(MASKED_LETTER in text)
    return tuple(
        match.span()
        for pattern, check in checks
        for match in pattern.finditer(text)
        if (check is None or check(text, *match.span())) and not writer_denies(text, *match.span())
    )


def _own_risk_elsewhere(text: str, start: int, end: int) -> bool:
    """Whether ``text`` holds a cue of the writer's own risk apart from ``text[start:end]``
    (:func:`_own_risk_spans`): "They told me to kill myself. I want to die." takes the
    telling up."""
    return any(
        other_end <= start or other_start >= end for other_start, other_end in _own_risk_spans(text)
    )


# The patterns whose matches are set aside as words that are not the writer's own, and what
# tells them: what someone else told them, an everyday idiom.
_NOT_OWN: tuple[tuple[re.Pattern[str], Callable[[str, int, int], bool]], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), check)
    for pattern, check in (
        (KILL_MYSELF, _reported),
        (KILL_YOURSELF, _reported),
        (KYS, _reported_kys),
        (KYS_TOLD, _reported_kys),
        (RATHER_DIE, _everyday_rather),
        (OVERDOSE, _everyday_overdose),
    )
)


def not_own_mentions(text: str) -> tuple[tuple[int, int], ...]:
    """Where ``text`` (folded: :func:`carelens.text.fold`) holds crisis words that the checks
    set aside as not the writer's own, as (start, end) offsets: what someone else told them
    ("someone told me to kill myself", 'my mom said "just kill yourself"') and the everyday
    idioms "I'd rather die than go to that party", "I overdosed on ice cream". No pattern
    flags them, and the learned flag (:mod:`carelens.analysis.crisis_model`) does not read
    their words either."""
    return tuple(
        sorted(
            match.span()
            for pattern, check in _NOT_OWN
            for match in pattern.finditer(text)
            if check(text, *match.span())
        )
    )
