"""Feedback for the helper: one or two specific sentences built from an analysis.

Feedback is assembled from the analysis (levels, rationale spans, style, flags, crisis cues),
from the seeker's own words and from the reply's. It never states facts about the seeker:
anything about their situation is quoted from their message (:mod:`carelens.analysis.quoting`:
no quote starts or ends inside personal data), and a suggested opening line only turns the
seeker's own clause to the second person (:mod:`carelens.analysis.openings`,
:mod:`carelens.analysis.pronouns`). Only the seeker's own feelings are offered: not those they
deny, those that tell what happened, nor another person's (:mod:`carelens.analysis.feelings`
reads them, by word rules). When the seeker message has nothing quotable, the feedback stays
general.

Rules, first match wins for the main sentence:

0. the reply urges them to die or gives a means (the analysis's ``unsafe`` words, from
   :mod:`carelens.analysis.unsafe`) -> quote those words, ask the helper to take them out,
   check on safety and share crisis resources;
1. crisis cues of the patterns in the seeker message (suicide or self-harm wording) -> read
   them now, ask directly, share crisis resources; for a cue about someone else (codebook
   v1.1's third party: "My son said he wants to kill himself"), ask about that person and
   whether they are safe now, share a line for them to use or pass on, and ask how the seeker
   is coping; what the reply already did (asked directly, named a crisis line, asked how they
   cope) is said so, and only the rest asked for (both in
   :mod:`carelens.analysis.crisis_feedback`); a reply that is also dismissive gets rule 2's
   sentence after it ("At least he isn't suffering anymore" to a loss to suicide);
2. dismissive, or words that judge or blame them (:mod:`carelens.analysis.reply_judging`:
   "you have no right to be upset about that", "you shouldn't feel that way", "you get
   annoyed too easily", "you saw this coming", "you're so careless") or mock them
   (:mod:`carelens.analysis.reply_sarcasm`: "What a surprise.", "Boo hoo", "How typical.",
   "skill issue", "Great job. Really nailed it" to a mishap, "wow what a tragedy"), also
   beside a remark of sympathy ("How sad. You probably deserved it though."); the rules'
   readings of blame and contempt ("Why would you put your savings into crypto??", "Not
   that hard.") come as the analysis's dismissal -> quote those words (the rules' own before
   the model's sentence, which may lie on warm words before them; a sentence the model
   marked that only acknowledges them is passed for the one after it), suggest acknowledging
   before anything else, or, where the reply acknowledged them before those words ("That
   sounds really rough, but honestly it's just a job":
   :func:`carelens.analysis.feedback_readings.acknowledged_before`), credit that and ask to
   let it stand without them; words beside the helper's own story that set it against theirs or
   shrink theirs (:func:`carelens.analysis.feedback_own_story.one_upping`: "That's nothing,
   my nan didn't recognise any of us", "mine was way worse") -> quote them as minimising,
   however the model scored the story's understanding;
3. an offer of the helper's own help without understanding
   (:func:`carelens.analysis.feedback_offers.helper_offers`: "I'll drive you to the
   meeting", "I'll feed her", "I can come Saturday with my car"; not one grudged: "Fine, I'll
   drive you. Don't expect it every week."), whatever the model scored for help -> quote the
   offer, suggest showing first that they understood, with an opening from the seeker's
   words; where kind words stand beside it ("I'm so sorry. Let me take the food":
   :func:`carelens.analysis.feedback_readings.kind_beside_help`) credit both and ask them to
   check the help fits;
4. advice without understanding (the advice style, or help the ``advice`` flag marks as
   suggestions, beside sympathy too: "You should try going for a walk", or asked as a
   question: "Have you tried melatonin?",
   :func:`carelens.analysis.reply_questions.advice_questions`) -> quote the help,
   reflect first, with an opening from the seeker's words; other help without understanding
   (a resource) -> as an offer;
5. sympathy that names no feeling, a remark on what they told among it
   (:mod:`carelens.analysis.reply_remarks`: "How heartbreaking.") -> "You shared their
   sorrow; try naming what they may feel underneath" ("You responded warmly; ..." when the
   message's distress is low: "I got the job!" has no sorrow; "You validated what they feel
   (...)" for words that validate their feeling, :mod:`carelens.analysis.reply_validation`:
   "You have every right to be angry", or in other words,
   :mod:`carelens.analysis.feedback_acknowledged`: "that doesn't make you a bad carer",
   "That makes total sense."), with the seeker's own feeling words (those the reply has not
   already used) and an opening built on their clause; words that say back what it is like
   for them, which the model scored nothing for ("I wonder if part of what hurts is ...",
   "You were counting on that") -> "You put their experience into words", quoted, and what
   to do next; no such words nor sympathy goes on to rule 9;
6. understanding and help (compassion, or the helper's own offer the model did not score:
   "if you want, we could look at what to tweak") -> say what worked, quoting the offer
   (not a question beside it: "What does a normal day look like?");
7. understanding without action when distress is high -> ask what would help or offer
   something, crediting a question the reply asked ("Your question invites them to say
   more; give them room to answer, and ...");
8. understanding -> say what worked, and suggest a question where the reply asks none (where
   it asks one, say so and leave them room to answer); a feeling the reply names or says back
   is quoted as what worked when the model scored no interpretation or reflection; suggest a
   reflection when it was only a question, unless the reply validates them or says back what
   it is like for them in other words (:mod:`carelens.analysis.feedback_acknowledged`: "I
   get that it can feel like something cracked"), which is credited instead; the quote
   skips words the helper sets aside at the rationale's start
   (:func:`carelens.analysis.feedback_readings.past_the_frame`: "I'm not going to say 'it
   could be worse'."); when the words behind it (those quoted, the
   whole rationale span or its first sentence) are the helper's own story
   (:mod:`carelens.analysis.feedback_own_story`: "Same thing happened to me", "lol same",
   "my mom passed two years ago", "I came out to my family at 20"; not "I'm glad she passed
   peacefully", of the seeker's own person), say so, quote the story, and credit what else
   the reply does for them (a reflection outside the story, reassurance, a question) or say
   it moved to advice, asking only for what is missing;
9. anything else -> acknowledge what they shared first.

A part of empathy the model scored only on such remarks counts for none, and a reply of
remarks alone is no dismissal ("How sad." to "My dog died this morning", "Oof.") nor
self-focus; nor are kind words (remarks, reassurance, validation:
:func:`carelens.analysis.rules_readings.kind_clauses`) beside a feeling given the seeker or
a reflection, with nothing judging ("How hurtful. You probably feel rejected.", "Don't let
anyone say you're overreacting.": :func:`carelens.analysis.rules.remarks_not_dismissive`,
which the rules apply to the analysis too). A reflection beside kind words
(:mod:`carelens.analysis.reply_reflections`: "That's awful. It sounds like you're caught in
the middle of their fights.", "Stop blaming yourself. It sounds like you're carrying all of
it.", or beside sympathy the model scored: :func:`carelens.analysis.rules_readings.warm_reflection`)
is understanding, quoted as what worked where the model scored no interpretation or
reflection; so is a reflection standing alone where the model does not lean to dismissal
and nothing judges them (:func:`carelens.analysis.reply_reflections.plain_reflection`:
"You must feel so let down.", "That sounds like a lot to be carrying."), though the rules
leave the style to the model there. A feeling inside words that validate it ("You have
every right to be angry") is validation, not a feeling named. The rules give the analysis
these readings too (:mod:`carelens.analysis.rules_readings`), so its style says what the
feedback says, but for a reflection standing alone.

"Understanding" is empathy (interpretation, exploration or reflection at level 1 or more),
or a reply that names a feeling the seeker has not written (:func:`named_feeling`: "It
sounds like the shame weighs on you" to "I feel like such a failure", "That sounds
exhausting") or says their own feeling back to them ("You feel alone since the divorce",
"It sounds like you're exhausted": :func:`carelens.analysis.reply_feelings.read_reply`):
the model may score such a reply 0, and feedback then must not ask the helper to name a
feeling they named, nor to reflect first. A feeling the reply only echoes in sympathy
("sorry you're this tired" to "I'm tired") is sympathy, and one the reply denies ("you're
not alone"), one they were ("You were happy before you met him"), one it holds against them
("you're lonely because you push everyone away", "You're angry? You have no right to be":
:mod:`carelens.analysis.reply_judging`) and any in a reply the model finds more likely
dismissive than not, though it chose level 0, names nothing.

A reply is said to ask only with a question of the helper's own
(:mod:`carelens.analysis.reply_questions`): a "?" inside a quotation is someone else's
('Hearing "why can't you be like your brother?" ...'), a tag asks nothing ("Happens to
everyone though, right?"), a question that advises or offers asks nothing of their
experience ("Have you tried melatonin?", "Want me to call you tonight?"), and a question the
model scored is not claimed where the reply neither asks nor invites them to go on ("How
infuriating that must be."). The sentences' wording is in
:mod:`carelens.analysis.feedback_sentences`, the readings they are built on in
:mod:`carelens.analysis.feedback_readings`.

When only the learned crisis flag (:mod:`carelens.analysis.crisis_model`) marked the seeker
message, a sentence comes before the main one: it says the message :data:`LEARNED_HINT`,
quotes the sentence the flag marked and asks the helper to read it closely and, if anything
worries them, to ask gently whether the person is safe. Whatever marks a crisis is read
before the reply's craft, so it comes first; the flag reads words, not meaning, and can mark
a message with no risk in it (grief: "Our dog died this morning", before 2026-12-07), so it
is a hint beside the feedback on the reply, not, like a pattern cue, the whole of it. No
suggested opening is built on a clause a crisis cue covers (pattern or learned), nor on one
with other words of danger (:mod:`carelens.analysis.openings`): "It sounds like you bought a
gun to use on yourself…" would echo the danger as a casual reflection. Otherwise a second
sentence is
added when the helper's own story takes over the reply (self-focus), unless the main sentence
already said so ("You related it to your own experience").

The names other modules use from the modules this one draws on (:data:`CRISIS_LINES`,
:func:`seeker_clause`, ...) are importable from here too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from carelens.analysis.crisis_feedback import (
    CRISIS_LINES,
    LEARNED_HINT,
    crisis_sentence,
    learned_hint,
    unsafe_sentence,
)
from carelens.analysis.crisis_model import LABEL as LEARNED_CUE
from carelens.analysis.feedback_acknowledged import acknowledgement
from carelens.analysis.feedback_offers import helper_offers
from carelens.analysis.feedback_own_story import (
    about_the_helper,
    one_upping,
    opens_with_story,
    own_exhaustion,
    story_sentence,
    upping_only,
)
from carelens.analysis.feedback_readings import (
    acknowledged_before,
    dismissal_words,
    given_at,
    kind_beside_help,
    leans_dismissive,
    level_of,
    own_offer,
    span_words,
    understanding_levels,
    understanding_quote,
    validates_feeling,
)
from carelens.analysis.feedback_sentences import (
    Asked,
    dismissive_sentence,
    distress_sentence,
    help_sentence,
    next_step,
    offer_sentence,
    one_upping_sentence,
    span_text,
    sympathy_sentence,
)
from carelens.analysis.feelings import own_feelings, read_feelings
from carelens.analysis.openings import reflection_opening, seeker_clause, suggested_opening
from carelens.analysis.pronouns import second_person
from carelens.analysis.quoting import around, quote
from carelens.analysis.reply_feelings import reply_reading
from carelens.analysis.reply_judging import judging_words
from carelens.analysis.reply_questions import advice_questions, aside_questions, asks, invites
from carelens.analysis.reply_reflections import first_reflection, plain_reflection
from carelens.analysis.reply_remarks import only_reactions, reactions
from carelens.analysis.reply_sarcasm import sarcasm
from carelens.analysis.reply_validation import validation
from carelens.analysis.rules import minimising_spans, remarks_not_dismissive
from carelens.analysis.rules_readings import kind_clauses, warm_reflection
from carelens.types import ResponseAnalysis

__all__ = [
    "CRISIS_LINES",
    "LEARNED_HINT",
    "feedback_for",
    "quoted_fragments",
    "reflection_opening",
    "second_person",
    "seeker_clause",
]


def feedback_for(analysis: ResponseAnalysis, seeker: str, response: str) -> tuple[str, ...]:
    """One or two feedback sentences for the helper who wrote ``response``."""
    sentences: list[str] = []
    unsafe = analysis.unsafe
    # remarks of sympathy ("How heartbreaking.", "That's so discouraging."): no understanding,
    # nor dismissal, where they are all the model marked for it
    reacted = reactions(response)
    # questions that advise, offer or blame ("Have you tried melatonin?"), read once for the
    # levels and for whether the reply asks
    asides = aside_questions(response) if "?" in response else ()
    levels = understanding_levels(analysis, response, reacted, asides)
    empathy = max(levels.values())
    exploration = levels["exploration"]
    interpreted = max(levels["interpretation"], levels["reflection"])
    # whether the reply asks already: a question the model scored, where the reply asks or
    # invites them to go on ("How infuriating that must be." does not), or a question of the
    # helper's own (none inside quotation marks, nor a tag: "..., right?", nor one that
    # advises, offers or blames: "Have you tried melatonin?")
    own_question = asks(response, asides)
    asked: Asked = (
        "scored"
        if exploration >= 1 and (own_question or invites(response))
        else "asked"
        if own_question
        else "no"
    )
    sympathy = max(
        level_of(analysis, "sympathy"),
        level_of(analysis, "emotional_reaction"),
        1 if reacted else 0,
    )
    signals = analysis.seeker.distress if analysis.seeker is not None else None
    distress = signals.level if signals is not None else 0
    low_distress = signals is not None and signals.level == 0
    read = read_feelings(seeker)  # the seeker's feeling words, read once for all
    feelings = own_feelings(read)
    cues = analysis.seeker.crisis_cues if analysis.seeker is not None else ()
    covered = [(cue.start, cue.end) for cue in cues]

    @cache
    def opening() -> str | None:
        """The suggested opening, built only where a sentence needs it (it reads the whole
        seeker message: the costliest part of the feedback). No opening on the crisis words
        themselves (a learned cue covers its sentence)."""
        return suggested_opening(seeker, read, covered)

    def reflect() -> str:
        """What to suggest next when nothing else fits: a reflection on their own words."""
        found = opening()
        return found + "." if found else "say back in your words what they told you."

    named, reflected, held = reply_reading(response, seeker)
    # kind words (remarks, reassurance, validation) and a reflection beside them ("How
    # awful. It sounds like you're caught in the middle", "Stop blaming yourself. It sounds
    # like you're carrying all of it"), which the model may not score beside them
    dismissive = level_of(analysis, "dismissive")
    first = first_reflection(response)
    kind = (
        kind_clauses(response, reacted)
        if dismissive > 0 or leans_dismissive(analysis) or first is not None
        else reacted  # nothing the other kind words would change (most replies)
    )
    reflection = warm_reflection(response, kind, analysis.dimensions, first)
    # "You have every right to be angry": validated, no feeling named
    if named is not None and validates_feeling(response, named):
        named = None
    if reflected is not None and validates_feeling(response, reflected):
        reflected = None
    # "How sad." to "My dog died this morning", "How hurtful. You probably feel rejected.",
    # "Don't let anyone say you're overreacting.": sympathy and understanding, not a
    # dismissal (a reply with more in it, "How sad. Maybe adopt a new puppy?", is left to the
    # model), as the rules read them too
    remarked = (
        bool(kind)
        and not unsafe
        and (dismissive > 0 or leans_dismissive(analysis))
        and remarks_not_dismissive(response, seeker, kind, given_at(named, reflected, reflection))
    )
    if remarked:
        dismissive = 0
    # words that judge or blame them ("you have no right to be upset about that", "you
    # shouldn't feel that way", "you're lonely because you push everyone away"), or mock
    # them ("What a surprise.", "Boo hoo"); they win over remarks of sympathy beside them
    judging = (
        None if dismissive else judging_words(response, seeker) or held or sarcasm(response, seeker)
    )
    if leans_dismissive(analysis) and not remarked:
        # "You're just bitter because she dumped you.": no feeling given as understanding
        named = reflected = None
    elif reflection is None and first is not None and not dismissive and judging is None:
        # "You must feel so let down.", "That sounds like a lot to be carrying.": a
        # reflection standing alone, which the model may not score, is understanding too
        # (not one inside kind words: "No wonder you feel invisible" is validation)
        alone = plain_reflection(response)
        if alone is not None and not any(s < alone[1] and alone[0] < e for s, e in kind):
            reflection = alone
    felt = named if named is not None else reflected  # a feeling given them: named, said back
    understood = empathy >= 1 or felt is not None or reflection is not None
    # words that validate their feeling ("You have every right to be angry"), read where a
    # reply shows no understanding nor help (rule 5 or 9)
    validated: tuple[int, int] | None = None
    compassion = level_of(analysis, "compassion")
    own_story = False  # the reply's understanding is the helper's own story
    worded = [cue for cue in cues if cue.label != LEARNED_CUE]  # the patterns' cues
    # the helper's own story set against theirs: where it is all the dismissal the rules and
    # the model found, and no minimising phrase of the codebook's ("it's not a big deal") is
    # its words, the feedback says so in its own words (rule 2)
    upped = one_upping(response)
    upped_only = (
        upped is not None
        and judging is None
        and upping_only(analysis, upped)
        and not minimising_spans(response)
    )
    if unsafe:
        sentences.append(unsafe_sentence(response, unsafe[0]))
    elif worded:
        sentences.append(crisis_sentence(seeker, worded, response))
        if dismissive >= 1 or judging is not None:
            # "At least he isn't suffering anymore" to a seeker who lost their dad to suicide:
            # a crisis is read first, and a reply that minimises it is said so too.
            sentences.append(dismissive_sentence(analysis, response, judging))
    elif (dismissive >= 1 or judging is not None) and not upped_only:
        # "That sounds really rough, but honestly it's just a job": the words the rules read
        # as minimising are quoted (the model's sentence may lie on the acknowledgement), and
        # the acknowledgement before them is credited
        words = dismissal_words(analysis, response, judging)
        before = acknowledged_before(response, seeker, words)
        sentences.append(dismissive_sentence(analysis, response, words, before))
    elif upped is not None:
        # "That's nothing, my nan didn't recognise any of us", "I had panic attacks for
        # years... it's honestly nothing once you get used to it": the helper's own story set
        # against theirs minimises it, however the model scored its understanding
        own_story = True
        sentences.append(one_upping_sentence(quote(response, *upped, 10)))
    elif (offers := own_offer(analysis, response, understood, compassion)) is not None:
        # The helper's own offer ("I'll drive you to the meeting on Thursday", "I'll feed
        # her") comes before the advice sentence: an offer is no advice. The model's rationale
        # is quoted where it lies in the offer's sentence, else that sentence; an offer after
        # kind words ("I'm so sorry. Let me take the food") is credited with them.
        score = analysis.dimensions.get("compassion")
        best = max(score.spans, key=lambda s: s.score) if score and score.spans else None
        if best is None or not (best.start < offers.end and offers.start < best.end):
            best = offers
        offer = quote(response, best.start, best.end, 10).removesuffix(".")
        sentences.append(offer_sentence(offer, kind_beside_help(response, reacted), reflect()))
    elif not understood and (
        analysis.style == "advice"
        or (
            compassion >= 1
            and (analysis.flags.get("advice", 0.0) >= 0.5 or advice_questions(response))
        )
    ):
        # Suggestions ("You should try going for a walk"), also beside sympathy; the model's
        # rationale for the help, if any, is quoted.
        quoted = span_text(analysis.dimensions.get("compassion"), response)
        sentences.append(
            "You moved to solutions before showing you understood"
            + (f' ("{quoted}")' if quoted else "")
            + "; reflect first — "
            + reflect()
        )
    elif compassion >= 1 and not understood:
        # Help that is neither the helper's own offer nor advice (a resource, say).
        quoted = span_text(analysis.dimensions.get("compassion"), response)
        sentences.append(offer_sentence(quoted, kind_beside_help(response, reacted), reflect()))
    elif not understood and (
        sympathy >= 1
        or (validated := validation(response)) is not None
        or acknowledgement(response) is not None
    ):
        # sympathy, or words that validate them ("You have every right to be angry", "That
        # doesn't make you a bad carer") or say back what it is like for them ("I wonder if
        # part of what hurts is ...": :mod:`carelens.analysis.feedback_acknowledged`)
        validated = validation(response)
        acknowledged = acknowledgement(response) if validated is None else None
        if acknowledged is not None and acknowledged[0] == "reflection":
            said = quote(response, *acknowledged[1], 10)
            warm = "responded warmly and " if sympathy >= 1 else ""
            sentences.append(
                f'You {warm}put their experience into words ("{said}")' + next_step(asked)
            )
        else:
            if acknowledged is not None:
                validated = acknowledged[1]
            sentences.append(
                sympathy_sentence(response, feelings, opening(), low_distress, validated)
            )
    elif understood and (compassion >= 1 or helper_offers(response)):
        # help beside understanding: the offer quoted where the reply makes one ("If there's a
        # walking group near you, I'd be glad to help you find one"), not a question beside it
        helped = helper_offers(response)
        quoted = span_text(analysis.dimensions.get("compassion"), response)
        if helped:
            # the model's rationale where it starts in an offer, else the first offer
            score = analysis.dimensions.get("compassion")
            best = max(score.spans, key=lambda s: s.score) if score and score.spans else None
            if best is None or not any(s <= best.start < e for s, e in helped):
                quoted = quote(response, *helped[0], 10).removesuffix(".")
        sentences.append(help_sentence(quoted))
    elif understood and distress >= 2:
        sentences.append(
            distress_sentence(asked, interpreted >= 1 or felt is not None or reflection is not None)
        )
    elif felt is not None and (empathy == 0 or interpreted == 0):
        # A feeling named ("That must feel so lonely") or said back ("You feel alone since
        # the divorce") is understanding the model may not score, beside a question too.
        done = "named what they may feel" if named is not None else "said back what they feel"
        sentences.append(f'You {done} ("{around(response, felt.match)}")' + next_step(asked))
    elif reflection is not None and interpreted == 0:
        # "That's awful. It sounds like you're caught in the middle of their fights.": the
        # reflection beside a remark, which the model scored on the remark or not at all
        said = quote(response, *reflection, 10)
        sentences.append(f'You put their experience into words ("{said}")' + next_step(asked))
    elif empathy >= 1:
        if exploration >= 1 and interpreted == 0:
            acknowledged = acknowledgement(response)
            held_up = validation(response)
            if held_up is not None:
                acknowledged = ("validation", held_up)
            if acknowledged is not None:
                # "I get that it can feel like something cracked. What does the B+ mean to
                # you?": the reply acknowledges them already; no reflection asked for again
                said = quote(response, *acknowledged[1], 10)
                done = (
                    "put their experience into words"
                    if acknowledged[0] == "reflection"
                    else "validated what they feel"
                )
                sentences.append(f'You {done} ("{said}")' + next_step(asked))
            else:
                sentences.append(
                    "Your question invites them to say more; pairing it with a reflection "
                    "shows you heard them — "
                    + (f"{found}." if (found := opening()) else "say back what they told you.")
                )
        else:
            shown = [
                analysis.dimensions[name]
                for name in ("reflection", "interpretation")
                if levels[name] >= 1
            ]
            quoted = understanding_quote(shown[0], response) if shown else None
            tired = own_exhaustion(analysis, response, quoted)
            # the words quoted from the span's start, the whole span or its first sentence
            # tell whose story it is ("I totally get it. When my dog died…" goes on "I was a
            # wreck for months"; "I lost my mum in 2020. I'm so sorry.")
            whole = span_words(shown[0], response) if shown else None
            own_story = quoted is not None and (
                about_the_helper(quoted)
                or (whole is not None and (about_the_helper(whole) or opens_with_story(whole)))
                or tired is not None
            )
            if tired is not None:
                # "I'm exhausted. Just try to get some sleep.": the helper's own state, not
                # theirs put into words (the exhaustion cue of the helper's distress).
                sentences.append(
                    f'You wrote about how you feel yourself ("{tired}"); say what you think it '
                    "is like for them, and ask how they feel now."
                )
            elif own_story:
                # EPITOME counts "same thing happened to me" as an interpretation: it is the
                # helper's own story, so the feedback says so rather than praise it as theirs,
                # and credits what else the reply does for them rather than ask for it again
                sentences.append(
                    story_sentence(analysis, response, quoted, shown[0], reacted, asked)
                )
            else:
                sentences.append(
                    "You put their experience into words"
                    + (f' ("{quoted}")' if quoted else "")
                    + next_step(asked)
                )
    else:
        sentences.append(
            "Your reply does not yet respond to what they shared; start by acknowledging it — "
            + reflect()
        )
    if cues and not worded and not unsafe:
        # The hint comes first: a crisis is read before the reply's craft.
        sentences.insert(0, learned_hint(seeker, cues[0]))
    elif (
        analysis.flags.get("self_focus", 0.0) >= 0.5
        and not own_story
        and len(sentences) == 1
        and not (reacted and only_reactions(response))
    ):
        # Not after "You related it to your own experience": that sentence says it already;
        # nor after a crisis sentence and a dismissive one (two sentences at most); nor on
        # a reply of remarks on what they told ("How awful."), which is about them.
        sentences.append("Much of the reply is about your own experience; bring it back to theirs.")
    return tuple(sentences)


def quoted_fragments(sentences: Sequence[str]) -> list[str]:
    """Every double-quoted fragment in ``sentences`` (for checking what feedback quotes)."""
    return [m.group(1) for s in sentences for m in re.finditer(r'"([^"]+)"', s)]
