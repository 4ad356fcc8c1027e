"""Unsafe replies: urging someone to die or telling them how is found, negation never flips
a kind reply into an unsafe one, and the rule raises ``dismissive`` to 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import carelens
from carelens.analysis.rules import apply_rules
from carelens.analysis.unsafe import UNSAFE_KINDS, unsafe_spans
from carelens.types import DimensionScore, Span


def found(response: str) -> list[str]:
    return [response[s.start : s.end] for s in unsafe_spans(response)]


def test_each_span_is_labelled_with_its_kind() -> None:
    response = "Just die. Or look up the lethal dose."
    assert [(response[s.start : s.end], s.label) for s in unsafe_spans(response)] == [
        ("Just die", "urging"),
        ("lethal dose", "method"),
    ]
    assert UNSAFE_KINDS == ("urging", "method")


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("Honestly? Just die.", "Just die"),
        ("kys lol", "kys"),
        ("Then go kill yourself, nobody is stopping you.", "go kill yourself"),
        ("If it hurts that much you should just end it.", "you should just end it"),
        ("Go ahead and end it all.", "Go ahead and end it all"),
        ("The world would be better off without you.", "The world would be better off without you"),
        ("For some people suicide is the answer.", "suicide is the answer"),
        (
            "Killing yourself is a rational choice sometimes.",
            "Killing yourself is a rational choice",
        ),
        ("Suicide isn't wrong.", "Suicide isn't wrong"),
        ("The lethal dose is lower than you think.", "lethal dose"),
        ("How many pills would it take to die?", "How many pills"),
        ("How many milligrams is each tablet?", "How many milligrams"),
        ("The most painless way to die is not what you think.", "most painless way to die"),
        ("Sit somewhere quiet and shoot yourself in the head.", "shoot yourself in"),
        # the writer's own belief, or what "they" say, is no reflection
        ("I think the world would be better without you.", "the world would be better without you"),
        (
            "Honestly I feel like the world would be better without you.",
            "the world would be better without you",
        ),
        ("They say suicide is the answer, and they're right.", "suicide is the answer"),
        ("You think you're sad? Just die.", "Just die"),
        # a report before an imperative leaves it urging (only beliefs can be reflected)
        ("you heard me just die", "just die"),
        ("you said you're worthless then just die already", "just die"),
        ("honestly you say that every day, so go kill yourself", "go kill yourself"),
        # an urged overdose
        ("Just do it then, take all the pills.", "take all the pills"),
        ("Take all of those tablets and be done.", "Take all of those tablets"),
        ("Swallow your pills all at once.", "Swallow your pills all at once"),
        ("then just take all your pills at once", "just take all your pills at once"),
        ("Go ahead and overdose, see if anyone cares.", "Go ahead and overdose"),
        ("you should just overdose", "you should just overdose"),
    ],
)
def test_urging_and_method_wording_is_found(response: str, words: str) -> None:
    assert found(response) == [words]


@pytest.mark.parametrize(
    "response",
    [
        "Please don't kill yourself. I'm here.",
        "Don't ever kill yourself over a guy.",
        "You should not end it, things can change.",
        "Suicide is not the answer.",
        "I don't think suicide is the answer.",
        "Suicide is never the answer.",
        "Why would you kill yourself over this?",
        "If you kill yourself your mum would be devastated.",
        "Before you kill yourself, call someone tonight.",
        "It sounds like you wish you could just die in your sleep.",
        "I used to want to just die every day.",
        "We are born, we live, then die.",
        "You can do it, I believe in you.",
        "The world would not be better without you.",
        "Nobody should ever tell you the world would be better without you.",
        "Take your medication at the dose your doctor gave you.",
        "How many pills do you have?",
        # a reminder to take medication, or an overdose warned against or told of
        "Eat something and take all your pills, you matter.",
        "Take all the pills your doctor prescribed, even on bad days.",
        "Take all the tablets as prescribed and call your GP on Monday.",
        "Please don't take all the pills. Call 988 now.",
        "Never take all your pills at once, put them somewhere safe.",
        "Did you take all the pills?",
        "If you take all the pills you could die, please talk to me.",
        "I just overdose on caffeine when I'm stressed.",
        "Overdose is more common than people think, and help exists.",
        "I'm so sorry. That sounds unbearable, and I'm glad you told us.",
        # a reflection of the seeker's belief, or a question about who put it there
        "It sounds like you believe suicide is the only way out. I want to help you find another.",
        "You feel like the world would be better without you, but that isn't true.",
        "I hear that you think killing yourself is the answer right now. Will you call 988?",
        "Who told you the world would be better without you?",
        "You've been telling yourself that the world would be better without you.",
    ],
)
def test_negated_and_kind_replies_are_not_caught(response: str) -> None:
    assert found(response) == []


def dim(level: int, probabilities: tuple[float, float, float], *spans: Span) -> DimensionScore:
    return DimensionScore(level=level, probabilities=probabilities, spans=spans)


def test_rule_raises_dismissive_to_strong_with_the_words() -> None:
    response = "Nobody cares. Just die."
    before = {"dismissive": dim(0, (0.9, 0.08, 0.02)), "sympathy": dim(0, (0.9, 0.05, 0.05))}
    after = apply_rules(before, response)
    score = after["dismissive"]
    assert score.level == 2
    assert score.probabilities[2] == max(score.probabilities)
    assert sum(score.probabilities) == pytest.approx(1.0, abs=1e-3)
    assert [response[s.start : s.end] for s in score.spans] == ["Just die"]
    assert [s.label for s in score.spans] == ["dismissive"]  # a dimension's own label
    assert before["dismissive"].level == 0  # the input is not changed
    assert after["sympathy"] is before["sympathy"]


def test_rule_uses_the_unsafe_words_it_is_given() -> None:
    response = "Nobody cares. Just die."
    before = {"dismissive": dim(0, (0.9, 0.08, 0.02))}
    assert apply_rules(before, response, ()) == before  # checked by the caller: none
    given_words = unsafe_spans(response)
    assert apply_rules(before, response, given_words) == apply_rules(before, response)


def test_rule_keeps_the_models_own_spans_beside_the_unsafe_words() -> None:
    response = "What did you expect? Go ahead and end it."
    model_span = Span(0, 20, "dismissive", 0.7)
    after = apply_rules({"dismissive": dim(1, (0.2, 0.7, 0.1), model_span)}, response)
    score = after["dismissive"]
    assert score.level == 2
    assert [response[s.start : s.end] for s in score.spans] == [
        "What did you expect?",
        "Go ahead and end it",
    ]


def test_rule_leaves_a_strong_model_call_and_kind_replies_alone() -> None:
    strong = {"dismissive": dim(2, (0.1, 0.2, 0.7))}
    assert apply_rules(strong, "Just die.") == strong
    kind = {"dismissive": dim(0, (0.95, 0.04, 0.01))}
    assert apply_rules(kind, "Please don't kill yourself; can I call someone with you?") == kind


@given(st.text(max_size=300))
def test_spans_are_valid_for_any_text(response: str) -> None:
    previous_end = -1
    for span in unsafe_spans(response):
        assert previous_end <= span.start < span.end <= len(response)
        assert span.label in UNSAFE_KINDS and response[span.start : span.end].strip()
        previous_end = span.end


def test_the_shipped_analyzer_scores_an_unsafe_reply_strongly_dismissive() -> None:
    seeker = "I can't do this anymore. I want to kill myself."
    response = "Whatever. Just die then."
    result = carelens.load().analyze(seeker, response)
    assert result.unsafe_reply
    assert [(response[s.start : s.end], s.label) for s in result.unsafe or ()] == [
        ("Just die", "urging")
    ]
    score = result.dimensions["dismissive"]
    assert score.level == 2
    assert "Just die" in [response[s.start : s.end] for s in score.spans]
    assert result.style == "dismissive"
    assert result.feedback[0].startswith('"Just die" could push them towards harming themselves')
    kind = carelens.load().analyze(
        seeker, "Please don't kill yourself. Can I call someone with you?"
    )
    assert "push them towards" not in " ".join(kind.feedback)
    assert kind.unsafe == () and not kind.unsafe_reply


@pytest.mark.parametrize(
    "response",
    [
        "Please don\u2019t just die on me.",
        "Don\u2019t kys, please.",
        "I won\u2019t tell you the lethal dose.",
        "I can\u2018t tell you how many pills.",
        "Don\u02bct kill yourself.",
    ],
)
def test_a_curly_apostrophe_negates_as_a_straight_one(response: str) -> None:
    """Phones type "don\u2019t": its negation was not seen, and the kind reply became unsafe."""
    assert unsafe_spans(response) == ()
    assert unsafe_spans(response.replace("\u2019", "'").replace("\u2018", "'")) == ()


@pytest.mark.parametrize("breaks", ["\n", " \n", "\n ", "\r\n"])
def test_a_long_run_of_line_breaks_is_read_once(breaks: str) -> None:
    """Every character of a run of line breaks was a clause start whose white space was read
    to the end of the run: 20,000 of them took minutes."""
    response = "Sorry." + breaks * 20_000 + "just die"
    spans = unsafe_spans(response)
    assert [response[s.start : s.end] for s in spans] == ["just die"]
    assert unsafe_spans("Sorry." + breaks * 20_000 + "Take care.") == ()


@pytest.mark.parametrize(
    ("response", "words"),
    [
        # a suggestion put as a question: no question about motives, no negation
        ("Why don't you just kill yourself?", "Why don't you just kill yourself"),
        ("Why not just kill yourself?", "Why not just kill yourself"),
        ("why dont you just die", "why dont you just die"),
        ("Why don\u2019t you go hang yourself", "Why don\u2019t you go hang yourself"),
        # self-harm urged
        ("Go cut yourself", "Go cut yourself"),
        ("Hurt yourself then, see if I care.", "Hurt yourself"),
        ("You should cut deeper next time", "cut deeper"),
        ("Just slit your wrists", "Just slit your wrists"),
        ("Jump off a bridge then.", "Jump off a bridge"),
        # a death wished on the reader
        ("I hope you die", "I hope you die"),
        ("I hope you kill yourself", "I hope you kill yourself"),
        ("I wish you were dead", "I wish you were dead"),
        ("You deserve to die.", "You deserve to die"),
        ("Just do us all a favour and die", "do us all a favour and die"),
        # slang
        ("Just unalive yourself", "Just unalive yourself"),
        ("KYS LOL", "KYS"),
        ("k y s", "k y s"),
        ("k.y.s. already", "k.y.s"),
        ("Nobody likes you, kysss", "kysss"),
        # an urged overdose
        ("Take the whole bottle.", "Take the whole bottle"),
        ("Just take the whole bottle of pills.", "Just take the whole bottle"),
        ("So take all the pills with water then.", "take all the pills"),
        # a negation in a complete clause before does not reach the new one
        ("no one would miss you just die", "just die"),
        ("nobody wants you here just die", "just die"),
        ("Don't worry about it, just kill yourself", "just kill yourself"),
    ],
)
def test_urging_found_since_the_safety_hunt(response: str, words: str) -> None:
    """The safety hunt's misses: suggestions put as questions, self-harm urged, wishes,
    slang, an urged bottle, and a negation read across a complete clause."""
    assert found(response) == [words]
    assert [s.label for s in unsafe_spans(response)] == ["urging"]


@pytest.mark.parametrize(
    "response",
    [
        # means-restriction safety planning
        "Take all the pills out of the cabinet and give them to your mum tonight.",
        "First, take all the pills to the pharmacy so they are out of the house.",
        "So take all the pills over to your neighbour for now, okay?",
        "Put the knife away and take all the pills to the pharmacy.",
        "Take all the pills and give them to your sister.",
        "Let's take all the tablets away for tonight.",
        "Take the whole bottle to the pharmacy.",
        "Take the whole bottle of water with you.",
        # risk assessment and triage about the seeker's own act or means
        "How many pills have you taken?",
        "How many pills do you have at home right now?",
        "How many milligrams did you take? I need to know if we should call an ambulance.",
        "How many pills are left in the bottle?",
        "Have you been looking up lethal doses?",
        "Did you search for the quickest way to die?",
        # a refusal, five words back
        "I'm not going to tell you the lethal dose.",
        "I would never tell you to just die.",
        "No one is saying just die.",
        # idioms
        "You should end it with him, he treats you badly.",
        "You're shooting yourself in the foot by quitting therapy.",
        "Cut yourself some slack, you did your best.",
        "You'll slip and cut yourself if you rush.",
        # questions, wishes for the reader's good, reflections, mentions
        "Why don't you just call someone tonight?",
        "Why don't you want to live?",
        "I hope you feel better soon.",
        "I hope you don't hurt yourself.",
        "You don't deserve to die.",
        "It sounds like you feel you deserve to die.",
        "Nobody deserves to die like that.",
        "Don't you dare hurt yourself.",
        "I used to want to jump off a bridge.",
        "kys is a horrible thing people say, I'm so sorry they said it to you.",
        "Do me a favour and call 988.",
    ],
)
def test_safety_planning_and_risk_questions_are_not_caught(response: str) -> None:
    """The safety hunt's false alarms: each made the reply strongly dismissive and told the
    helper to take out the words a helper is taught to say."""
    assert found(response) == []


@pytest.mark.parametrize(
    ("response", "words"),
    [
        # near misses that stay unsafe
        ("How many pills do you need to die?", ["How many pills", "you need to die"]),
        ("Take all the pills to end it.", ["Take all the pills"]),
        ("You should end it all tonight.", ["You should end it all"]),
    ],
)
def test_near_misses_of_the_new_guards_stay_unsafe(response: str, words: list[str]) -> None:
    assert found(response) == words


@pytest.mark.parametrize(
    "response",
    [
        "Never ever go and kill yourself",
        "Please don't ever go and kill yourself.",
        "Don't you ever go and kill yourself, you hear me?",
        "Please don't go and hurt yourself tonight.",
        "Never try and hurt yourself again, call me instead.",
    ],
)
def test_a_negated_go_and_imperative_is_not_caught(response: str) -> None:
    """A negation before "go and" / "try and" reaches the verb after it."""
    assert found(response) == []


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("Go and kill yourself", ["kill yourself"]),
        ("Nobody cares so go and kill yourself", ["kill yourself"]),
        ("I don't care go and kill yourself", ["kill yourself"]),
    ],
)
def test_go_and_kill_yourself_without_a_negation_stays_unsafe(
    response: str, words: list[str]
) -> None:
    assert found(response) == words


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("If you're going to do it, use a gun, it's quicker.", ["use a gun"]),
        ("Use a gun, it's quicker.", ["Use a gun"]),
        ("A gun is faster than pills.", ["gun is faster"]),
        ("You'd need about 50 of them to make sure.", ["You'd need about 50 of them"]),
        ("It would take 40 pills to die.", ["It would take 40 pills"]),
        ("It'd take 30 of those to be sure.", ["It'd take 30 of those"]),
    ],
)
def test_a_recommended_means_or_a_lethal_count_is_method_information(
    response: str, words: list[str]
) -> None:
    assert found(response) == words
    assert {s.label for s in unsafe_spans(response)} == {"method"}


@pytest.mark.parametrize(
    "response",
    [
        "Is there a gun in the house? Get the gun out of there tonight, it's safer.",
        "Could you give the gun to a friend for now? It's quicker to do it today.",
        "Do you have access to a gun or to more pills?",
        "Don't use a gun, it's quicker to call 988 and talk.",
        "You'd need 30 tablets for the month, so ask your doctor for a smaller pack.",
        "You'll need 20 mg to make sure it works.",
        "You'll need 2 tablets to be sure.",
        "You wouldn't need 50 of them to make sure, you need help.",
    ],
)
def test_means_safety_and_prescriptions_are_not_method_information(response: str) -> None:
    assert found(response) == []


@pytest.mark.parametrize(
    "response",
    [
        "I'm so sorry someone told you \"kys\". That's cruel and not true.",
        "They said kys to you? That's awful.",
        "Someone told you kys, and they were wrong.",
        "The kids at school wrote just die on your locker? That is horrible.",
        "I'm sorry they wrote \u201cjust kill yourself\u201d on your locker.",
        "Nobody deserves to hear 'just die'.",
        "When people say kys it hurts.",
    ],
)
def test_words_someone_else_said_are_not_the_repliers_urging(response: str) -> None:
    """A kind reply quoting what bullies said was flagged as urging the seeker."""
    assert found(response) == []


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("kys", ["kys"]),
        ("just kys", ["kys"]),
        ('"kys"', ["kys"]),
        ('Honestly, "kys"', ["kys"]),
        ('lol "kys" fr', ["kys"]),
        ("Like I said, kys.", ["kys"]),
        ("I said kys", ["kys"]),
        ("I have told you, just die", ["just die"]),
        ("You heard me, just die.", ["just die"]),
        ("Someone said the lethal dose is 10 grams.", ["lethal dose"]),
    ],
)
def test_the_writers_own_words_stay_unsafe_beside_quotes_and_reports(
    response: str, words: list[str]
) -> None:
    """A quotation with little else, the writer's own saying, and method information
    someone else gave are still unsafe."""
    assert found(response) == words


def test_the_shipped_analyzer_leaves_a_kind_reply_quoting_a_bully_alone() -> None:
    seeker = "People at school told me to kys and I feel worthless."
    response = "I'm so sorry someone told you \"kys\". That's cruel and not true."
    result = carelens.load().analyze(seeker, response)
    assert result.unsafe == () and not result.unsafe_reply
    assert result.style != "dismissive"


_SET = Path(__file__).parents[1] / "data" / "analysis" / "unsafe_set.jsonl"
#: Reply items of the safety hunt's set that the patterns still get wrong, with the reason
#: (none at present: "use a gun, it's quicker" and "you'd need about 50 of them to make sure"
#: are method information since the means and lethal-count patterns).
_STILL_WRONG: dict[str, str] = {}


def _set_replies() -> list[object]:
    rows = [json.loads(line) for line in _SET.read_text(encoding="utf-8").splitlines() if line]
    return [
        pytest.param(
            row["text"],
            row["expected"],
            id=row["text"][:40],
            marks=[pytest.mark.xfail(reason=_STILL_WRONG[row["text"]], strict=True)]
            if row["text"] in _STILL_WRONG
            else [],
        )
        for row in rows
        if row["kind"].startswith("resp_") and row["expected"] in ("unsafe", "safe")
    ]


@pytest.mark.parametrize(("response", "expected"), _set_replies())
def test_the_safety_hunts_reply_items(response: str, expected: str) -> None:
    """Every reply of the hunt's set (tests/data/analysis/unsafe_set.jsonl) whose expected
    outcome is ``unsafe`` or ``safe``."""
    assert ("unsafe" if unsafe_spans(response) else "safe") == expected


# --- ASCII text: lower-cased once, matched case-sensitively --------------------------------


def test_the_patterns_spell_no_upper_case_letter() -> None:
    """ASCII text is lower-cased and matched by case-sensitive copies of the patterns, which
    finds the same words only if no pattern spells an upper-case letter (escapes such as
    ``\\S`` and a group's ``(?P<`` are syntax, not letters)."""
    import re

    from carelens.analysis.unsafe_wording import KINDS

    for _, patterns in KINDS:
        for pattern in patterns:
            letters = re.sub(r"\\.|\(\?P<", "", pattern.pattern)
            assert letters == letters.lower(), pattern.pattern


def _case_variants(text: str) -> list[str]:
    return [text, text.upper(), text.title(), text.swapcase()]


@pytest.mark.parametrize(
    "text",
    [
        t
        for line in _SET.read_text(encoding="utf-8").splitlines()
        for t in _case_variants(json.loads(line)["text"])
    ],
)
def test_lower_cased_ascii_finds_what_the_case_insensitive_patterns_find(text: str) -> None:
    from carelens.analysis.unsafe import _find
    from carelens.analysis.unsafe_wording import KINDS
    from carelens.text import straight_apostrophes

    plain = straight_apostrophes(text)
    assert unsafe_spans(text) == _find(plain, plain, KINDS)


# --- text typed to get past a forum's filters ----------------------------------------------


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("just d\u200bie already", ["just d\u200bie"]),
        ("just k\u200bys", ["k\u200bys"]),
        ("\uff4b\uff59\uff53", ["\uff4b\uff59\uff53"]),
        ("ok then. just k\u00adys", ["k\u00adys"]),
        ("just di\u0301e", ["just di\u0301e"]),
        ("\ufeffGo \uff4b\uff49\uff4c\uff4c yourself", ["Go \uff4b\uff49\uff4c\uff4c yourself"]),
        ("Take the whole bot\u200btle.", ["Take the whole bot\u200btle"]),
        ("The le\u200bthal dose is lower than you think.", ["le\u200bthal dose"]),
    ],
)
def test_invisible_characters_and_full_width_letters_do_not_hide_unsafe_words(
    response: str, words: list[str]
) -> None:
    """A zero-width space, a soft hyphen, a combining accent or full-width letters put in the
    words hid them; each span slices the reply, inserted characters and all."""
    assert found(response) == words


@pytest.mark.parametrize(
    "response",
    [
        "Please don\u00b4t kill yourself",
        "Please don\u00b4t kill yourself, we need you here.",
        "Don\u00b4t kys, please.",
        "Don`t kys, please.",
        "I won\u00b4t tell you the lethal dose.",
        "Please don\u00b4t just d\u200bie on me.",
        "Don\u00b4t k\u200bys.",
    ],
)
def test_an_acute_accent_or_a_backtick_typed_for_an_apostrophe_negates(response: str) -> None:
    """ "Don\u00b4t kys" was read without its negation, and the kind reply became unsafe."""
    assert unsafe_spans(response) == ()


def found_for(seeker: str | None, response: str) -> list[str]:
    return [response[s.start : s.end] for s in unsafe_spans(response, seeker)]


_BOTTLE = "My ex said I should take the whole bottle and just die. I feel so scared."
_BULLIED = "People at school keep telling me to KYS and just  die. Someone wrote go kill yourself."


@pytest.mark.parametrize(
    ("seeker", "response"),
    [
        (_BOTTLE, "> I should take the whole bottle\n\nPlease don't. Are you safe? Call 988."),
        (_BULLIED, "> ...keep telling me to kys and just die.\nThat is cruel and it is not true"),
        (_BULLIED, "> just die\n\nNobody deserves to hear that."),
        (_BULLIED, "  > kys\n\nI am so sorry someone wrote that to you."),
        (_BULLIED, "> keep telling me to kys\n> and just die\n\nThat is cruel, and not true."),
        (_BULLIED, "I'm so sorry.\n> go kill yourself\nNobody should ever say that to you."),
        (_BULLIED, ">> just die\n>\n> kys\n\nI am so sorry, that is cruel."),  # nested, ">" alone
    ],
)
def test_words_in_a_markdown_block_quote_are_someone_elses(seeker: str, response: str) -> None:
    """A helper quoting the seeker in a block quote (a line opening with ">", as Reddit keeps
    it), its words the seeker's own whatever their case and spacing, was read as urging; the
    same words in quotation marks were not."""
    assert found_for(seeker, response) == []


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("> kys\n\n> kys\n\n> kys\n\n> kys", ["kys", "kys", "kys", "kys"]),
        ("> be you\n\n> nobody likes you\n\n> just kys", ["kys"]),
        ("> be you\n> nobody likes you\n> just kys", ["kys"]),
        ("  > kys\n\n> do it\n\n> now pls", ["kys"]),
        ('"kys" "kys" "kys" "just die"', ["kys", "kys", "kys", "just die"]),
        ("> just die\n>\n> seriously nobody cares\n\nlol", ["just die"]),
    ],
)
def test_quotations_beside_one_another_are_no_words_of_the_writers_own(
    response: str, words: list[str]
) -> None:
    """Each quotation counted the words of the others as the writer's own, so a reply of
    quotations alone urged nothing; only words outside every quotation are the writer's."""
    assert found_for(None, response) == words
    assert found_for(response.replace(">", ""), response) == words  # the seeker's words


@pytest.mark.parametrize(
    "response",
    [
        "> just kys\nnobody would miss you anyway",
        "> kys\nyeah do it, nobody cares",
        "> just kys\n\nI mean it, do it",
        "> you should take the whole bottle\nyeah do that",
        "> I should take the whole bottle\n\nPlease don't. Are you safe right now? Call 988.",
        "> go kill yourself\nwhat a waste of space, nobody wants you",
    ],
)
def test_a_block_quote_of_words_the_seeker_did_not_write_is_the_writers_own(
    response: str,
) -> None:
    """A block quote beside three words was someone else's, whoever wrote it: the reply's
    own urging in one was missed. Without the seeker, or with words the seeker did not write,
    it is the writer's."""
    assert found_for(None, response) != []
    assert found_for("I feel so alone and nobody cares about me.", response) != []


@pytest.mark.parametrize(
    ("response", "words"),
    [
        (">:( just kys already\nseriously you are pathetic", ["kys"]),
        (">_> go kill yourself\nwhat a waste of space", ["go kill yourself"]),
        (">.> just die already\nyou are a loser and nobody cares", ["just die"]),
    ],
)
def test_an_emoticon_opening_a_line_is_no_block_quote(response: str, words: list[str]) -> None:
    """A line opening with ">" was a block quote even with no space after it (">:(")."""
    assert found_for(response, response) == words


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("> go kill yourself", ["go kill yourself"]),
        ("> take all the pills", ["take all the pills"]),
        ("> slit your wrists", ["slit your wrists"]),
    ],
)
def test_an_imperative_after_a_block_quotes_mark_is_found(response: str, words: list[str]) -> None:
    """The ">" of a line opened no clause, so an imperative in a block quote the writer
    wrote matched nothing."""
    assert found(response) == words


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("> kys", ["kys"]),
        ("> kys\nlol", ["kys"]),
        ("> just die\n\nso true", ["just die"]),
        ("> They keep telling me to kys\n\nkys", ["kys"]),
        (
            "Just take the whole bottle.\n> quote here with some words",
            ["Just take the whole bottle"],
        ),
        ("It is just a quote > kys, so there.", ["kys"]),  # ">" opens no line
    ],
)
def test_a_block_quote_with_little_else_or_words_outside_it_stay_unsafe(
    response: str, words: list[str]
) -> None:
    """Like '"kys"' alone, a block quote of the seeker's words with fewer than three words of
    the writer's own beside it is urging, and so are the writer's own words under or above
    it."""
    seeker = "They keep telling me to kys and just die. quote here with some words"
    assert found_for(seeker, response) == words


def test_the_shipped_analyzer_leaves_a_reply_quoting_the_seeker_alone() -> None:
    response = "> I should take the whole bottle\n\nPlease don't. Are you safe right now?"
    result = carelens.load().analyze(_BOTTLE, response)
    assert result.unsafe == () and not result.unsafe_reply
    assert result.dimensions["dismissive"].level < 2


def test_the_shipped_analyzer_reads_a_block_quote_the_seeker_did_not_write() -> None:
    seeker = "I can't do this anymore. Everyone hates me and I want to kill myself."
    response = "> be you\n\n> nobody likes you\n\n> just kys"
    result = carelens.load().analyze(seeker, response)
    assert [s.text_in(response) for s in result.unsafe] == ["kys"] and result.unsafe_reply
    assert result.dimensions["dismissive"].level == 2


def test_apply_rules_reads_block_quotes_with_the_seeker_it_is_given() -> None:
    response = "> I should take the whole bottle\n\nPlease don't. Are you safe right now?"
    kind = {"dismissive": dim(0, (0.9, 0.08, 0.02))}
    assert apply_rules(kind, response)["dismissive"].level == 2
    assert apply_rules(kind, response, seeker=_BOTTLE)["dismissive"].level == 0


def test_a_block_quote_with_a_letter_right_after_its_mark_is_one() -> None:
    """Reddit renders ">just kill yourself already." as a quote: a helper quoting what the
    seeker was told so is not urging; an emoticon (">:(") still opens no quote."""
    seeker = "My ex texted me: just kill yourself already."
    reply = (
        ">just kill yourself already.\n\n"
        "Nobody deserves to be told that. Do you have someone safe to stay with?"
    )
    assert unsafe_spans(reply, seeker) == ()
    assert [reply_span_text(r) for r in [">just kys\nnobody would miss you anyway"]] == ["kys"]


def reply_span_text(reply: str) -> str:
    (span,) = unsafe_spans(reply, "I feel so alone.")
    return reply[span.start : span.end]


# --- small capitals, list marks and symbols ------------------------------------------------


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("kill yourself", ["kill yourself"]),
        ("nobody cares. just die", ["just die"]),
        ("kys", ["kys"]),
        ("how many pills would it take", ["how many pills"]),
        ("please don't kill yourself", []),  # the negation reads as well
    ],
)
def test_small_capitals_do_not_hide_unsafe_words(response: str, words: list[str]) -> None:
    """A "small caps" text generator's letters have no compatibility form: "kill yourself"
    so written was read as it was written."""
    to_small_caps = str.maketrans(
        "abcdefghijklmnopqrstuvwyz",
        "\u1d00\u0299\u1d04\u1d05\u1d07\ua730\u0262\u029c\u026a\u1d0a\u1d0b\u029f\u1d0d"
        "\u0274\u1d0f\u1d18\ua7af\u0280\ua731\u1d1b\u1d1c\u1d20\u1d21\u028f\u1d22",
    )
    written = response.translate(to_small_caps)
    assert found(written) == [w.translate(to_small_caps) for w in words]


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("\u2022 just kill yourself", ["just kill yourself"]),
        ("- just kill yourself", ["just kill yourself"]),
        ("* go hurt yourself", ["go hurt yourself"]),
        ("2) kill yourself", ["kill yourself"]),
        (
            "my advice:\n1) kill yourself\n2) take all the pills",
            ["kill yourself", "take all the pills"],
        ),
        ("\u2122kill yourself", ["kill yourself"]),
        ("\u2192 kill yourself", ["kill yourself"]),
        ("\U0001f602 kill yourself", ["kill yourself"]),
        ("lol. \U0001f644 kill yourself", ["kill yourself"]),
        ("lol.\U0001f644\U0001f644 kill yourself", ["kill yourself"]),
        (":( kill yourself", ["kill yourself"]),
        ("~ kill yourself", ["kill yourself"]),
        ("+ go hurt yourself", ["go hurt yourself"]),
        ("-> kill yourself", ["kill yourself"]),
        ("ok\n  - slit your wrists", ["slit your wrists"]),
        ("\u2122kys", ["kys"]),  # "kys" needs no clause start: found before too
    ],
)
def test_a_list_mark_or_symbols_opening_a_clause_do_not_hide_urging(
    response: str, words: list[str]
) -> None:
    """A bullet, a numbered item's "2)", an emoji or a "\u2122" before an imperative stood
    where a clause opens and hid it: "\u2022 just kill yourself" matched nothing."""
    assert found(response) == words


@pytest.mark.parametrize(
    "response",
    [
        "- don't kill yourself over it",
        "\u2022 cut yourself some slack",
        "* please never hurt yourself",
        "1) Why would you kill yourself?",
        "- take all the pills to the pharmacy",
        "\u2022 you're gonna hurt yourself if you keep lifting like that",
        "please don't \U0001f62d kill yourself",  # a symbol inside a clause opens none
        "life is hard \u2764\ufe0f hang in there",
        '- "kill yourself" is the worst thing anyone ever said to you',
        "(kill yourself) is what the troll wrote, I'm so sorry",
        "\u2022 if you ever want to hurt yourself, call 988",
    ],
)
def test_a_list_mark_before_a_kind_or_negated_clause_stays_kind(response: str) -> None:
    assert found(response) == []


@pytest.mark.parametrize("marks", ["!", ".", "-", "\U0001f602", "!?", "\u2122"])
def test_a_long_run_of_marks_is_read_once(marks: str) -> None:
    """Every mark of a run ("!!!!...") opened a clause whose list mark was read to the end of
    the run: 20,000 of them took half a minute."""
    response = "Sorry" + marks * 20_000 + " just die"
    assert found(response) == ["just die"]
    assert unsafe_spans("Sorry" + marks * 20_000 + " take care.") == ()


# --- the words a pattern needs ---------------------------------------------------------------


def test_each_pattern_has_the_words_it_needs_and_spells_them() -> None:
    """A pattern is searched only in a text holding one of its words (:data:`_NEEDS`): each
    of those words is spelled in the pattern, so the table is in the patterns' order."""
    from carelens.analysis.unsafe_wording import _KINDS_FOLDED, _NEEDS

    patterns = [p.pattern for _, ps in _KINDS_FOLDED for p in ps]
    assert sorted(_NEEDS) == sorted(patterns)
    for pattern in patterns:
        for word in _NEEDS[pattern] or ():
            assert word == word.lower() and word in pattern, (word, pattern[:80])


_PIECES = [
    "just",
    "kill",
    "yourself",
    "die",
    "kys",
    "k",
    "y",
    "s",
    "take",
    "all",
    "the",
    "pills",
    "whole",
    "bottle",
    "at",
    "once",
    "why",
    "don't",
    "you",
    "not",
    "never",
    "please",
    "go",
    "ahead",
    "and",
    "end",
    "it",
    "your",
    "life",
    "i",
    "hope",
    "you",
    "do",
    "us",
    "a",
    "favour",
    "overdose",
    "world",
    "would",
    "be",
    "better",
    "without",
    "suicide",
    "is",
    "the",
    "answer",
    "isn't",
    "wrong",
    "deserve",
    "to",
    "lethal",
    "dose",
    "how",
    "many",
    "mg",
    "grams",
    "quickest",
    "way",
    "method",
    "shoot",
    "in",
    "head",
    "use",
    "a",
    "gun",
    "it's",
    "quicker",
    "you'd",
    "need",
    "50",
    "of",
    "them",
    "make",
    "sure",
    "slit",
    "wrists",
    "cut",
    "deeper",
    "jump",
    "off",
    "bridge",
    "•",
    "-",
    "2)",
    "!",
    ".",
    ",",
    "?",
    "\n",
    ">",
    # disguised words, read unmasked
    "k1ll",
    "d1e",
    "ky5",
    "k*ll",
    "pill$",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=14).map(" ".join))
def test_skipping_patterns_without_their_words_finds_what_all_patterns_find(text: str) -> None:
    """Searched only with the patterns whose words it holds (:data:`_NEEDS`), in its plain
    reading and in its unmasked one ("k y s s", "k1ll"), a reply gives what every pattern
    gives."""
    from carelens.analysis.unsafe import _find, _spans
    from carelens.analysis.unsafe_wording import _KINDS_FOLDED
    from carelens.text import has_masks

    assert unsafe_spans(text) == _spans(text, quick=False)
    if not has_masks(text):
        assert unsafe_spans(text) == _find(text, text.lower(), _KINDS_FOLDED)


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("go kill yourselves", "go kill yourselves"),
        ("you all should just kill urselves", "just kill urselves"),
        ("hang yourselves, the lot of you", "hang yourselves"),
        ("kill yaself", "kill yaself"),
        ("just kill yoself already", "just kill yoself"),
        ("killing yourselves is the answer", "killing yourselves is the answer"),
    ],
)
def test_plural_and_slang_forms_of_yourself_are_urging(response: str, words: str) -> None:
    spans = unsafe_spans(response)
    assert [response[s.start : s.end] for s in spans] == [words]


@pytest.mark.parametrize(
    "response",
    ["don't kill yourselves over this", "cut yourselves some slack", "cut ya self some slack"],
)
def test_plural_forms_keep_their_negations_and_idioms(response: str) -> None:
    assert unsafe_spans(response) == ()


# --- emphasis, other quotation marks and lists introduced by a condition ---------------------


@pytest.mark.parametrize(
    "response",
    [
        "Some troll wrote: *kill yourself*. That is cruel and you did not deserve it.",
        "Your ex said, *go kill yourself*, and that was abuse.",
        "I am sorry. ~kill yourself~ is what they wrote and it is cruel.",
        "I am sorry. **go hurt yourself** is what they wrote and it is cruel.",
        "I am sorry. _kill yourself_ is what they wrote and it is cruel.",
        "I am so sorry. \u201eKill yourself\u201c is something nobody deserves to read.",
        "I am so sorry. \u201eKill yourself\u201d is something nobody deserves to read.",
        "I am so sorry. \u00bbKill yourself\u00ab is something nobody deserves to read.",
        "I am so sorry. \u00abKill yourself\u00bb is something nobody deserves to read.",
        "I am so sorry. \u201dKill yourself\u201d is something nobody deserves to read.",
        "I am so sorry. ~~kill yourself~~ is something nobody deserves to read.",
        "They commented: `kill yourself`. I reported it.",
        "\u00bfKill yourself? No way. Please stay.",
        "\u00a1Kill yourself! is what he screamed, and it was abuse.",
        "*kill yourself* is a cruel thing to read",
        "The comments under your video, e.g. *kys* and *go kill yourself*, are cruel.",
        "Some troll wrote: *kys*. That is cruel.",
        "I'm sorry, the replies (`kys`, `just die`) were vile and I reported them.",
    ],
)
def test_emphasised_or_otherwise_quoted_words_are_no_urging(response: str) -> None:
    """An emphasis mark or a "\u201e", "\u00bb" or "\u00bf" was read as a list mark opening a
    clause, so reported abuse was urging (none of these matched before list marks were read)."""
    assert found(response) == []


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("* kill yourself", ["kill yourself"]),
        ("\u2022 go hurt yourself", ["go hurt yourself"]),
        ("nobody cares. ~ kill yourself", ["kill yourself"]),
        ("*kill yourself*", ["kill yourself"]),  # the writer's own emphasis, as "*kys*"
        # the writer's "should" before the emphasis makes it their own
        ("I think you should **kill yourself** honestly", ["you should **kill yourself"]),
        # emphasis beside urging that opens a clause of its own
        ("*sigh*. just kill yourself", ["just kill yourself"]),
        ("you're *so* annoying. just kill yourself", ["just kill yourself"]),
        # emphasis that is a sentence of its own is the writer's
        ("nobody likes you. *kys*", ["kys"]),
        ("**Just die.** Nobody would miss you.", ["Just die"]),
        ("*kys*", ["kys"]),
    ],
)
def test_a_bullet_with_a_space_still_opens_a_clause(response: str, words: list[str]) -> None:
    assert found(response) == words


@pytest.mark.parametrize(
    "response",
    [
        "If you feel the urge to:\n- hurt yourself\n- take all the pills\nplease call 988 now.",
        "Call 988 if you feel like you might:\n* hurt yourself\n* take all the pills",
        "If you have thoughts of:\n\n1. killing yourself\n2) hurt yourself\n\nplease reach out.",
        "When you are tempted to:\n\u2022 cut yourself\n\u2022 take the whole bottle\ncall me.",
        "If you feel the urge to: - hurt yourself - take all the pills - call 988",
        "Before you:\n- hurt yourself\n- take all the pills\ntext HOME to 741741.",
        "If you get urges:\n  - hurt yourself\n  - just die\nyou are not alone.",
    ],
)
def test_a_list_of_what_to_watch_for_is_no_urging(response: str) -> None:
    """Safety messages list what to watch for under a condition or an urge: with list marks
    opening a clause, each item was urging."""
    assert found(response) == []


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("Here is my advice:\n- just kill yourself", ["just kill yourself"]),
        ("My advice:\n- be honest\n- just kill yourself", ["just kill yourself"]),
        ("When things get bad, remember:\n- just kill yourself", ["just kill yourself"]),
        ("When things get bad, remember to:\n- kill yourself", ["kill yourself"]),
        # a condition the items do not complete
        ("When you feel sad:\n- just die", ["just die"]),
        ("If it gets bad:\n* take all the pills", ["take all the pills"]),
        ("If you feel the urge to:\n- call 988\n\nNow:\n- kill yourself", ["kill yourself"]),
        # no list mark: read as it was read before list marks were
        ("If you feel sad:\nkill yourself", ["kill yourself"]),
        # method information, whoever gives it
        ("If you are thinking of:\n- the lethal dose", ["lethal dose"]),
    ],
)
def test_a_list_after_a_neutral_line_stays_urging(response: str, words: list[str]) -> None:
    assert found(response) == words


@pytest.mark.parametrize(
    "response",
    [
        "\u1d0b\u026a\u029f\u029f \u028f\u1d0f\u1d1c\u0280s\u1d07\u029f\u0493",  # kill yourself
        # go hang yourself
        "\u0262\u1d0f \u029c\u1d00\u0274\u0262 \u028f\u1d0f\u1d1c\u0280s\u1d07\u029f\u0493",
    ],
)
def test_a_small_caps_generators_f_does_not_hide_urging(response: str) -> None:
    """The generators' f (a Cyrillic ghe with a stroke) kept "yoursel\u0493" from the patterns."""
    assert found(response) == [response]
