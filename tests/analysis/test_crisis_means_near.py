"""Crisis cues of a means come near (:mod:`carelens.analysis.crisis_means_near`): a gun put to
the writer's mouth, temple or head, a gun in reach or to be used on the writer, a jump wished
with a height near it, a ledge sat on or an edge looked over, alcohol with pills told as a plan,
an ending or a whole supply; and the everyday sentences beside them (a dentist's mirror, a water
gun, a robber's gun, clippers, a jump into a lake or for joy, a lunch on the ledge, wine and
pizza, a warning) that stay no cue. The cases are those a review of the crisis cues found
missed, and the near misses beside them.
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


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # a gun bought or held to be used on the writer, or in the writer's reach
        ("i bought a gun and i'm going to use it on myself", "use it on myself"),
        ("got a gun today. gonna use it on myself", "use it on myself"),
        ("i have my dads pistol and i want to turn it on myself", "turn it on myself"),
        ("bought a shotgun, planning to use it on myself this weekend", "use it on myself"),
        ("got some rope and i'm going to use it on myself", "use it on myself"),
        ("loaded my rifle and sat with it in my mouth", "sat with it in my mouth"),
        (
            "i took my dad's glock and sat with it in my mouth for an hour",
            "sat with it in my mouth",
        ),
        ("i know where my dad keeps his gun", "know where my dad keeps"),
        ("my dad keeps a gun in his safe and i know the code", "know the code"),
        ("I Found The Key To My Dads Gun Cabinet", "Found The Key"),
        ("found the key to the gun safe. thinking about it", "found the key"),
        # a gun to the writer's own head
        ("i held a gun to my head last night", "gun to my head"),
        ("i put a gun to my head", "gun to my head"),
        ("had a gun to my head last night", "gun to my head"),
        ("someone please put a bullet in my head", "bullet in my head"),
        ("i wish someone would put a gun to my head", "gun to my head"),
        ("he held a gun to my head and i wanted him to pull the trigger", "gun to my head"),
    ],
)
def test_a_gun_in_reach_or_to_be_used_on_the_writer_is_a_cue(text: str, words: str) -> None:
    assert words in cue_words(text)


@pytest.mark.parametrize(
    "text",
    [
        # a robber's or another's gun held on the writer
        "he held a gun to my head and took my wallet",
        "the robber put a gun to my head and took my phone",
        "a guy held a gun to my head during the robbery",
        "got mugged last night, some dude pressed a gun to my head",
        "they held a gun to my head and made me empty the register",
        "my ex held a gun to my head once",
        # no means, a means for grooming, no gun near the code
        "bought a face mask and i'm going to use it on myself tonight",
        "got new hair clippers, gonna use them on myself",
        "i bought a new razor, gonna use it on myself for my legs",
        "loaded my rifle and went hunting with my dad",
        "i know the code to the wifi",
        "i know where my dad keeps the spare key",
        "i know where my mom hides the christmas presents",
        "my dad found the key to his gun safe after a week",
    ],
)
def test_a_gun_another_held_or_no_means_is_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("mixing my xanax with alcohol so i just don't wake up", "mixing my xanax with alcohol"),
        (
            "i've got my sleeping pills and a bottle of wine, that should do it",
            "pills and a bottle of wine",
        ),
        ("gonna take all my xanax with vodka so i dont wake up", "take all my xanax with vodka"),
        (
            "sleeping pills and a bottle of vodka tonight, that should do the trick",
            "pills and a bottle of vodka",
        ),
        (
            "got my pills and a bottle of whiskey. hopefully i won't wake up",
            "pills and a bottle of whiskey",
        ),
        ("Mixing My Meds With Wine So I Never Wake Up", "Mixing My Meds With Wine"),
    ],
)
def test_pills_and_a_drink_for_not_waking_up_are_a_cue(text: str, words: str) -> None:
    assert words in cue_words(text)


@pytest.mark.parametrize(
    "text",
    [
        "i've got my allergy pills and a bottle of wine for the party",
        "mixing my meds with alcohol is a bad idea, my doctor said so",
        "sleeping pills and a bottle of wine, that's my saturday night lol",
        "i had a glass of wine with my pills tonight, is it ok?",
    ],
)
def test_pills_and_a_bottle_of_a_drink_without_a_plan_are_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("sat on the ledge for an hour", "sat on the ledge"),
        (
            "been looking over the edge of the bridge again tonight",
            "looking over the edge of the bridge",
        ),
        (
            "i sat on the edge of the roof last night and thought about it",
            "sat on the edge of the roof",
        ),
        ("stood on the ledge of the parking garage for like an hour", "stood on the ledge"),
        (
            "keep looking over the edge of the balcony every night",
            "looking over the edge of the balcony",
        ),
        ("Sitting On The Ledge Of The Bridge rn", "Sitting On The Ledge"),
        ("i stood at the railing of the bridge for an hour", "stood at the railing"),
        (
            "i've been here two hours on the top level of the parking garage looking over the edge",
            "looking over the edge",
        ),
    ],
)
def test_a_ledge_sat_on_or_an_edge_looked_over_is_a_cue(text: str, words: str) -> None:
    assert words in cue_words(text)


@pytest.mark.parametrize(
    "text",
    [
        "sat on the ledge eating my lunch",
        "the cat sat on the window ledge all afternoon",
        "we looked over the edge of the grand canyon, amazing view",
        "looking over the edge of the cliff made me dizzy, scared of heights",
        "i sat on the edge of the bed and cried",
        "sitting on the edge of my seat the whole movie",
        "i looked down from the roof and saw my friends",
        "we climbed on the railing for a photo",
        "my cat loves to sit on the balcony railing",
        "living on the edge lol",
    ],
)
def test_an_everyday_ledge_or_edge_is_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()
