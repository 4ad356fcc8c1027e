"""The wording of feedback sentences on a reply's craft, which
:mod:`carelens.analysis.feedback` chooses among.

:func:`dismissive_sentence` quotes the words that may minimise or judge (the model's
rationale, or the words the rules found) and suggests acknowledging first, or credits the
acknowledgement the reply made before them and suggests letting it stand alone;
:func:`sympathy_sentence` credits sympathy that names no feeling ("You shared their sorrow",
"You responded warmly" to glad news, "You validated what they feel" for validation) and offers
the seeker's own feeling words and an opening; :func:`next_step` ends a sentence on a reply
that shows understanding with what to do next, as far as the reply asked already
(:data:`Asked`); :func:`span_text` quotes the start of a dimension's best rationale span.
:func:`own_story_sentence` speaks of a reply whose understanding is the helper's own story:
it says so, and credits what else the reply does for the seeker (a reflection of theirs, a
reassurance, a question) rather than ask for it again, or says it moved to advice;
:func:`one_upping_sentence` quotes words that set that story against theirs as minimising.
:func:`offer_sentence` speaks of help without understanding: it credits help after kind words
("I'm so sorry. Let me take the food") and otherwise asks to show understanding first;
:func:`help_sentence` credits understanding with help; :func:`distress_sentence` asks what
would help where distress is high, crediting a question the reply asked.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from carelens.analysis.quoting import quote
from carelens.analysis.reply_feelings import feeling_family
from carelens.analysis.words import WORD
from carelens.types import DimensionScore, ResponseAnalysis


def span_text(score: DimensionScore | None, response: str, words: int = 10) -> str | None:
    """The start of the best rationale span of ``score`` in ``response`` (``words`` words at
    most, :func:`carelens.analysis.quoting.quote`); None where it is level 0 or has none."""
    if score is None or score.level == 0 or not score.spans:
        return None
    best = max(score.spans, key=lambda s: s.score)
    return quote(response, best.start, best.end, words)


#: Whether a reply asks a question: one the model scored as exploration, another, or none.
Asked = Literal["scored", "asked", "no"]


def next_step(asked: Asked) -> str:
    """The end of the sentence on a reply that shows understanding: a question to ask next
    where it ``asked`` none, else room for the answer; its question is said to invite them to
    say more only where the model scored it, as any question is not ("Did you see the
    game?")."""
    if asked == "scored":
        return " and your question invites them to say more; give them room to answer."
    if asked == "asked":
        return " and asked them a question; give them room to answer."
    return "; a question about how they feel now can invite them to go on."


def dismissive_sentence(
    analysis: ResponseAnalysis,
    response: str,
    judging: tuple[int, int] | None,
    acknowledged: tuple[int, int] | None = None,
) -> str:
    """The sentence about a dismissive reply: its dismissive words quoted, where the model
    marked them, else the ``judging`` words (:func:`~carelens.analysis.reply_judging.judging_words`
    or a feeling held against them), and a suggestion to acknowledge first; where the reply
    ``acknowledged`` them before those words ("That sounds really rough, but honestly it's
    just a job"), that is credited, quoted, and the suggestion is to let it stand alone."""
    if judging is not None:
        quoted: str | None = quote(response, judging[0], judging[1], 10)
    else:
        quoted = span_text(analysis.dimensions.get("dismissive"), response)
    if quoted and acknowledged is not None:
        return (
            f'You acknowledged what they shared ("{quote(response, *acknowledged, 10)}"), but '
            f'"{quoted}" may come across as minimising or judging it and take that back; leave '
            "those words out and let the acknowledgement stand."
        )
    where = f'"{quoted}" ' if quoted else "Parts of your reply "
    return (
        f"{where}may come across as minimising or judging what they shared; acknowledge how "
        "hard it is for them before offering another view."
    )


def sympathy_sentence(
    response: str,
    feelings: Sequence[str],
    opening: str | None,
    low_distress: bool,
    validated: tuple[int, int] | None,
) -> str:
    """The sentence on sympathy that names no feeling: "You shared their sorrow" ("You
    responded warmly" where the message shows no distress, ``low_distress``: "I got the job!"
    has no sorrow to share; "You validated what they feel" with the words quoted, where the
    reply validates their feeling at ``validated``), and a suggestion to name what they may
    feel underneath, with the seeker's own feeling words (``feelings``) the reply has not used
    already and an ``opening`` built on their clause."""
    used = {feeling_family(word) for word in WORD.findall(response)}
    offered = [word for word in feelings if feeling_family(word) not in used]
    words = " and ".join(f'"{w}"' for w in offered[:2])
    hint = f"they may be feeling what they called {words}" if offered else None
    detail = "; ".join(part for part in (hint, opening) if part) or None
    shared = "responded warmly" if low_distress else "shared their sorrow"
    if validated is not None:
        # "You have every right to be angry": a response to the feeling, credited
        shared = f'validated what they feel ("{quote(response, *validated, 10)}")'
    return f"You {shared}; try naming what they may feel underneath" + (
        f" — {detail}." if detail else "."
    )


def own_story_sentence(
    story: str,
    theirs: str | None,
    comfort: str | None,
    asked: Asked,
    advised: bool,
) -> str:
    """The sentence on a reply whose understanding is the helper's own ``story`` (its words
    quoted): with the words that put the seeker's experience into words too (``theirs``: "It
    does sound like you're running on nothing"), those that reassure them (``comfort``) and
    a question it ``asked``, it credits them and asks only what is missing; a reply that
    moved to advice (``advised``) is told to say what it is like for them first."""
    told = f'You related it to your own experience ("{story}")'
    if theirs is not None:
        told += f', then put theirs into words ("{theirs}")'
        if asked != "no":
            return (
                f"{told} and asked them about it; keep your story short so the focus stays on "
                "them, and give them room to answer."
            )
        return (
            f"{told}; keep your story short so the focus stays on them, and ask how they feel now."
        )
    if asked != "no":
        return (
            f"{told} and your question invites them to say more; say what you think it is like "
            "for them too, and give them room to answer."
        )
    if comfort is not None:
        return (
            f'{told} and reassured them ("{comfort}"); say what you think it is like for them, '
            "and ask how they feel now."
        )
    if advised:
        return (
            f"{told} and moved to advice; say what you think it is like for them before "
            "suggesting what worked for you."
        )
    return f"{told}; say what you think it is like for them, and ask how they feel now."


def offer_sentence(offer: str | None, kind: bool, reflect: str) -> str:
    """The sentence on help without understanding: the ``offer`` quoted (where there are words
    to quote); after ``kind`` words (sympathy, validation: "I'm so sorry. Let me take the
    food") the help is credited and they are asked to check it fits, else to show first that
    they understood, with ``reflect``, a suggested reflection."""
    quoted = f' ("{offer}")' if offer else ""
    if kind:
        return (
            f"You acknowledged what they shared and offered help{quoted}; check with them that "
            "the help fits what they want."
        )
    return (
        f"You offered help{quoted}; show first that you understood what they are going "
        "through, so the help fits — " + reflect
    )


def help_sentence(quoted: str | None) -> str:
    """The sentence on understanding and help: the help ``quoted`` (the helper's own offer
    where the reply makes one, not a question beside it)."""
    return (
        "You showed understanding and moved to help"
        + (f' ("{quoted}")' if quoted else "")
        + "; check with them that the help fits what they want."
    )


def one_upping_sentence(words: str) -> str:
    """The sentence on a reply that sets the helper's own story against the seeker's or
    shrinks theirs beside it (``words`` quoted: "That's nothing, my nan didn't recognise…")."""
    return (
        f'Telling your own story this way ("{words}") may come across as minimising what they '
        "shared; acknowledge how hard it is for them before telling yours."
    )


def distress_sentence(asked: Asked, understood: bool) -> str:
    """The sentence on understanding without help where distress is high: ask what would help
    or offer something, crediting a question the reply ``asked`` already ("Day four of ten,
    and your mind keeps sliding back. How are you getting through the evenings?")."""
    if asked == "no":
        return (
            "You showed you understood; with this much distress, ask what would help right "
            "now or offer something concrete you can do."
        )
    done = (
        "You showed you understood and asked them about it"
        if understood
        else ("Your question invites them to say more")
    )
    return (
        done + "; give them room to answer, and with this much distress, ask too what would "
        "help right now or offer something concrete you can do."
    )
