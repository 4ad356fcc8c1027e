"""Crisis cues of a means come near (:mod:`carelens.analysis.crisis_means_near`): a gun put to
the writer's mouth or temple, a jump wished with a height near it, alcohol with pills told as a
plan, an ending or a whole supply; and the everyday sentences beside them (a dentist's mirror, a
water gun, a jump into a lake or for joy, wine and pizza, a warning) that stay no cue. The cases
are those a review of the crisis cues found missed, and the near misses beside them.
"""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues


def cue_words(text: str) -> list[str]:
    """The words of each cue the patterns find in ``text``."""
    return [span.text_in(text) for span in crisis_cues(text)]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("i put the gun in my mouth last night", "gun in my mouth"),
        (
            "i put the gun in my mouth last night. couldnt pull the trigger. i dont know if i'm "
            "relieved",
            "gun in my mouth",
        ),
        ("held my dad's pistol to my temple for ten minutes last night", "pistol to my temple"),
        (
            "i keep a gun under my pillow and last night i put it to my temple",
            "put it to my temple",
        ),
    ],
)
def test_a_gun_put_to_the_writer_is_a_cue(text: str, words: str) -> None:
    assert words in cue_words(text)


@pytest.mark.parametrize(
    "text",
    [
        "the dentist put the mirror in my mouth",
        "my kid shot the water gun in my mouth lol",
        "my toddler put the toy gun in my mouth and said bang, kids are weird",
        "the cake was so good i put it in my mouth all at once",
    ],
)
def test_no_gun_or_a_toy_one_is_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("stood on the bridge for an hour last night. wanted to jump so bad", "wanted to jump"),
        (
            "i stood on the bridge for like an hour tonight. wanted to jump so bad. came home and "
            "ate cereal like nothing happened",
            "wanted to jump",
        ),
        ("sat on the ledge of the roof for two hours. almost jumped", "almost jumped"),
        (
            "the bridge near my house is tall enough. i want to jump. i'm not kidding",
            "want to jump",
        ),
        ("went up to the 12th floor balcony and wanted to jump so badly", "wanted to jump"),
    ],
)
def test_a_jump_wished_near_a_height_is_a_cue(text: str, words: str) -> None:
    assert words in cue_words(text)


@pytest.mark.parametrize(
    "text",
    [
        "i almost jumped when the door slammed",
        "i almost jumped out of my skin when the cat knocked the vase over",
        "stood on the cliff over the lake, wanted to jump in",
        "we were on the bridge over the river and i wanted to jump in so bad, it was so hot",
        "i wanted to jump so bad at the concert when they played my song",
        "we were at the top of the tower, i wanted to jump up and down i was so happy",
    ],
)
def test_a_jump_of_fright_play_or_joy_is_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("wine and pills tonight, then nothing", "wine and pills"),
        ("wine and pills tonight. this is it", "wine and pills"),
        ("i mixed all my pills with vodka and drank it", "mixed all my pills with vodka"),
        ("vodka and my sleeping pills tonight, then nothing", "vodka and my sleeping pills"),
        ("pills and wine. goodbye", "pills and wine"),
        ("whiskey and xanax tonight. don't call anyone", "whiskey and xanax"),
    ],
)
def test_alcohol_with_pills_meant_is_a_cue(text: str, words: str) -> None:
    assert words in cue_words(text)


@pytest.mark.parametrize(
    "text",
    [
        "wine and pizza tonight",
        "wine and cheese tonight, then bed",
        "never mix wine and pills",
        "don't mix wine and pills, my doctor warned me",
        "is it safe to have wine with my pills tonight?",
        "beer and advil now for my headache",
        "wine and tylenol tonight for my headache, rough day",
        "beer and pills don't mix, learned that the hard way at a party years ago",
    ],
)
def test_food_a_usual_dose_or_a_warning_is_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        # a start at a fright, a jump for joy
        "i almost jumped when the bird hit the window",
        "i live on the 9th floor and the fire alarm went off so loud i nearly jumped",
        "at the top of the tower i wanted to jump with joy, the view was amazing",
        # a gun another person holds
        "got mugged, he held a gun to my temple and took my wallet",
        "the robber put a gun in my mouth and made me open the safe. i'm still shaking",
        # a head or a voice that tells of no death
        "my brain keeps telling me to jump out of bed at 5am to study",
        "my coach's voice in my head telling me to jump higher",
        # a drink with an everyday pill, a thirsty bottle
        "took my allergy pills and beer now im sleepy lol",
        "downed the whole bottle lol so thirsty after the run",
    ],
)
def test_everyday_jumps_guns_voices_and_drinks_are_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "he held a gun to my temple and i wanted him to pull the trigger",
        "i almost jumped when i was on the bridge last night",
        "the voices are telling me to jump out the window",
        "downed the whole bottle an hour ago, i'm so sorry",
    ],
)
def test_the_near_means_beside_them_stay_cues(text: str) -> None:
    assert crisis_cues(text) != ()
