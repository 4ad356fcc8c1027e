"""Contempt inside advice and help given grudgingly, read as dismissal; and the near misses
(kind conditions, reassurance about a slip, gentle limits, a kind time given, shared
laughter) the patterns leave alone."""

from __future__ import annotations

import pytest

from carelens.analysis.reply_grudging import grudging_spans
from carelens.analysis.rules import minimising_spans


def found(response: str) -> list[str]:
    return [response[s:e] for s, e in grudging_spans(response)]


@pytest.mark.parametrize(
    ("response", "words"),
    [
        # an insult inside advice
        ("Tell him no. Have a little dignity.", "Have a little dignity"),
        ("Grow a backbone and ask for the raise.", "Grow a backbone"),
        ("Act your age and apologise.", "Act your age"),
        ("Honestly this is getting embarrassing.", "this is getting embarrassing"),
        ("Stop texting him, you're embarrassing yourself.", "embarrassing yourself"),
        ("It's painfully obvious what you're doing wrong.", "obvious what you're doing wrong"),
        ("Maybe try actually listening to your teacher.", "try actually listening"),
        ("Go for a run instead of moaning about your weight.", "instead of moaning"),
        ("If you still can't cook an egg at your age, take a class.", "at your age"),
        ("Probably your pitch was just boring.", "your pitch was just boring"),
        ("Maybe you're just not cut out for nursing.", "just not cut out"),
        ("You're obviously too thin-skinned for sales.", "too thin-skinned"),
        # help on a condition that reproaches
        ("I could drive you, if you actually show up on time for once.", "if you actually show"),
        ("We can help, as long as you really listen this time.", "as long as you really"),
        ("I'll lend it to you if you ask me politely.", "if you ask me politely"),
        ("If you are that desperate I'll come.", "If you are that desperate"),
        ("Sort your budget out before asking others.", "before asking others"),
        # help held against them
        ("I'll watch the kids, but it's a one-off thing.", "one-off thing"),
        ("Sure, I'll come. I have a life too though.", "I have a life too"),
        ("Other people have their own lives, you know.", "Other people have their own lives"),
        ("I'm not your maid, but fine.", "I'm not your maid"),
        ("Here's the money. You never even said thanks last time.", "never even said thanks"),
        ("What's this, the fourth time this month?", "the fourth time"),
        ("Call me, just don't drone on about work again.", "drone on about work again"),
    ],
)
def test_grudging_or_contempt_is_found(response: str, words: str) -> None:
    assert any(words in hit for hit in found(response)), found(response)


@pytest.mark.parametrize(
    "response",
    [
        "I can come over if you actually want company tonight.",
        "I'll stay as long as you need.",
        "If you really are struggling, call me any time.",
        "It was a one-time thing, don't beat yourself up.",
        "I'm not a therapist, but I'm here to listen.",
        "Put yourself first for once.",
        "Oh no, that must have been so embarrassing.",
        "Thank you for telling me.",
        "You'd break her heart if you actually left without saying goodbye.",
        "At your age I was just as lost, it's normal.",
    ],
)
def test_near_misses_are_left_alone(response: str) -> None:
    assert minimising_spans(response) == (), minimising_spans(response)


def test_grudging_help_after_an_offer_is_dismissive() -> None:
    response = "Fine, I'll help you move, but this is a one-time thing."
    assert minimising_spans(response)


def test_grudging_words_leave_out_the_white_space_at_their_ends() -> None:
    response = "  Before asking people for help again ."
    assert found(response) == ["Before asking people for help again"]


@pytest.mark.parametrize(
    ("response", "words"),
    [
        # help given with a sigh or a jab
        ("Fine, send it over, I'll look.", "Fine, send it over"),
        ("Ugh fine, I'll drive you.", "fine, I'll drive you"),
        ("Okay fine. Send it and I'll have a look.", "fine. Send it"),
        ("I suppose we could lend you the van.", "I suppose we could lend you the van"),
        ("I'll drop round some soup I suppose.", "I'll drop round some soup I suppose"),
        ("You can stay at mine I guess, but only tonight.", "You can stay at mine I guess"),
        ("I'll read it when I get round to it.", "when I get round to it"),
        ("I'll look at it when I get a minute.", "when I get a minute"),
        ("I might come over if I can be bothered.", "if I can be bothered"),
        ("Okay, I'll sort the forms for you. Again.", "Again."),
        ("Here we go again, I'll ring them for you.", "Here we go again"),
        ("I'll do it, since apparently nobody else will.", "since apparently nobody else will"),
        ("Here's twenty. Next time think before you spend it.", "Next time think before"),
        # a limit that shames
        ("I'll help, but I'm not cleaning up after you forever.", "not cleaning up after you"),
        ("I'm not going to keep bailing you out.", "I'm not going to keep bailing"),
        ("I can't keep picking up the pieces for you.", "I can't keep picking"),
        ("I'll pay this once, don't make a habit of it.", "don't make a habit of it"),
        ("Here's the tenner, don't get used to it.", "don't get used to it"),
        ("Don't expect me to do this every week.", "Don't expect me to do this"),
        ("I've got my own life too, you know.", "I've got my own life too"),
        ("I'll lend it, but I'm not a cash machine.", "I'm not a cash machine"),
        ("You can't keep relying on me for everything.", "You can't keep relying on me"),
        ("Fine, but this isn't going to be a regular thing.", "a regular thing"),
        # an order to fix themselves beside the help
        ("I'll come round. You need to sort yourself out.", "need to sort yourself out"),
        ("I'll help, but you really need to get your life together.", "get your life together"),
        ("I'll come this once. Time you stood on your own two feet.", "stood on your own two"),
        ("You really should learn to do these things yourself.", "learn to do these things"),
        ("You should figure out how to do it yourself by now.", "figure out how to do it"),
        ("You need to learn to manage your own money.", "learn to manage your own money"),
        # help framed as exposing their failings
        ("Send it and I'll tell you everything that's wrong with it.", "everything that's wrong"),
        ("I'll show you exactly what you did wrong.", "exactly what you did wrong"),
        ("Brace yourself, it's probably a lot.", "Brace yourself, it's probably a lot"),
        ("Send it over. Prepare yourself, I won't sugarcoat it.", "Prepare yourself, I won't"),
        # laughing advice
        ("lmao just block him", "lmao just block him"),
        ("lol just get a new job then", "lol just get a new job then"),
        ("haha so just stop texting her", "haha so just stop texting her"),
        ("just ring them lmao", "just ring them lmao"),
        ("skill issue, just wake up earlier", "skill issue"),
        # a put-down of how they cope
        ("Stop turning everything into a crisis.", "Stop turning everything into a crisis"),
        ("Stop making everything about you and call her.", "Stop making everything about you"),
        ("Quit playing the martyr and hire a cleaner.", "playing the martyr"),
    ],
)
def test_grudging_help_and_laughing_advice_are_found(response: str, words: str) -> None:
    assert any(words in hit for hit in found(response)), found(response)
    assert minimising_spans(response), response


@pytest.mark.parametrize(
    "response",
    [
        "I'll come round and help, no judgement at all.",
        "Happy to look at it when I get a minute tonight.",
        "Sometimes when I get a moment of calm it feels strange.",
        "I can't do Saturday but I could do Sunday.",
        "You could learn it together with me.",
        "I'll give you honest feedback, it's usually a few small fixes.",
        "haha I did the same, just ring them tomorrow.",
        "That's fine, I'll bring the car round at 6.",
        "Fine by me, I'll take you.",
        "I'm not going anywhere, I'll be here.",
        "You can always rely on me.",
        "It's okay to lean on me, that's what I'm here for.",
        "You'll learn to do it yourself in no time, I'll show you once.",
        "You should learn to be kinder to yourself.",
        "You need to look after yourself first.",
        "I'll help you sort your stuff out this weekend.",
        "You'll get your life back together, I believe in you.",
        "Take your time, you don't have to sort yourself out today.",
        "You don't have to be a martyr, ask for help.",
        "Don't expect it to go away overnight, grief takes time.",
        "I have a life coach who helped me with this.",
        "Brace yourself for a tough week, but you'll get through it.",
        "Again. Don't do it. Please call someone.",
        "I'll come over, I guess we could get food after?",
        "I'll call you when I get a chance tomorrow.",
        "I'd be happy to babysit again any time.",
        "lol same, I cried for an hour.",
        "It's not a skill issue, the course is hard.",
        "I can lend you the money, no need to pay it back.",
    ],
)
def test_kind_help_and_shared_laughter_are_left_alone(response: str) -> None:
    assert minimising_spans(response) == (), minimising_spans(response)


def test_a_sigh_is_quoted_with_the_jab_after_it() -> None:
    response = "Fine, I'll take you, but this is a one-time thing."
    assert found(response)[0] == "Fine, I'll take you, but this is a one-time thing"


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("ugh ok i'll come. you owe me big time", "you owe me big time"),
        (
            "even though it means taking a day off i really can't spare",
            "day off i really can't spare",
        ),
        (
            "I mean, I did have plans, but obviously yours matter more, as usual.",
            "obviously yours matter more",
        ),
        ("I'll have them. I did have plans.", "I did have plans"),
        ("u can borrow my old one i guess.", "u can borrow my old one i guess"),
        ("if u break it ur paying for it", "if u break it ur paying for it"),
        ("and u broke ur last one too", "u broke ur last one"),
    ],
)
def test_more_grudging_help_is_found(response: str, words: str) -> None:
    """Help with a debt, a cost rubbed in, their needs said to come first again, a lent
    thing held over them."""
    spans = [response[span.start : span.end] for span in minimising_spans(response)]
    assert any(words in span for span in spans), spans
    assert any(words in response[start:end] for start, end in grudging_spans(response))


@pytest.mark.parametrize(
    "response",
    [
        "You owe me nothing, honestly.",
        "I'll cover it, don't worry about the money.",
        "I had plans but I've cancelled them, I'm coming.",
        "I'm so sorry, I know you lost your last one too.",
    ],
)
def test_near_misses_of_added_grudging_help_are_not_found(response: str) -> None:
    assert minimising_spans(response) == ()
