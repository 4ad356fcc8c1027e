"""Crisis cues and stories (:mod:`carelens.analysis.crisis_stories`): a means, a farewell, an
overdose or another's risk told inside a film, a show, a book, a song or a game is the story's
("the episode where she writes goodbye letters to everyone was so sad", "in the movie he jumps
off a bridge at the end"), not a cue; the writer's own act or wish after a story, a person's act
a story came before and a story read as a real person's stay cues; so does a story's act the
writer turns to themselves ("... that'll be me by friday"). A story's person who says the wish
("the main character in the game says she wants to die") is the story's, a real person who says
it beside a game ("jake in the game says") is not. The cases are those a review of the crisis
cues found flagged wrongly, and the near misses beside them.
"""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues
from carelens.analysis.crisis_stories import in_a_story


def cue_words(text: str) -> list[str]:
    """The words of each cue the patterns find in ``text``."""
    return [span.text_in(text) for span in crisis_cues(text)]


@pytest.mark.parametrize(
    "text",
    [
        # the review's three
        "the episode where she writes goodbye letters to everyone was so sad",
        "in the movie he jumps off a bridge at the end",
        "that book where the main character hangs himself wrecked me",
        # farewells, means, overdoses and another's risk in a story
        "the episode where she writes goodbye letters to her family wrecked me. what a show",
        "that song where he says goodbye to everyone gets me every time",
        "the movie ends with her jumping off the bridge, such a bleak ending",
        "she jumps off the roof in the season finale and i still can't believe it",
        "i read a story about a girl who took every last one of her pills, it made me sad",
        "in the movie she swallowed the whole bottle and it was so hard to watch",
        "at the end of the film he overdoses in his car. the soundtrack is amazing though",
        "in my creative writing class i wrote a poem about a girl who cuts herself",
        "in that netflix series the girl records tapes and then slits her wrists in the bathtub",
        "the play we're rehearsing ends with juliet stabbing herself",
        "the main character in that anime shoots himself at the end",
        "in the show she wants to die after the war",
        # a game's, the player's own too
        "the character in the game can jump off the cliff to skip the level",
        "in gta i jumped off the tallest building in the city lol",
    ],
)
def test_an_act_told_in_a_story_is_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # the writer's own, after a story or wished like one
        ("I watched a movie about suicide and now I want to kill myself", "kill myself"),
        ("after that show I've been writing goodbye letters to my family", "goodbye letters"),
        ("i want to jump off the overpass like in the movie", "jump off the overpass"),
        (
            "in the movie theater i wanted to jump off the balcony, i'm not okay",
            "jump off the balcony",
        ),
        # the wish of the same after a character's act
        ("the character in the book killed himself and I want to do the same", "do the same"),
        (
            "in the movie she hangs herself and honestly i think about doing the same",
            "think about doing the same",
        ),
        # a person's act that a story came before
        (
            "my sister watched that show and now she's writing goodbye letters to her friends",
            "goodbye letters",
        ),
        ("after the game he got home and tried to hang himself in the garage", "hang himself"),
        # a video of a real person is no story
        (
            "my friend sent me a video where she says goodbye and thanks everyone for everything",
            "goodbye",
        ),
        # a story read as a real person's
        (
            "my daughter wrote a story where the girl says goodbye forever to her family and "
            "i'm worried it's about her",
            "goodbye",
        ),
        (
            "my brother keeps playing the song where the singer says goodbye forever, he says he "
            "relates and gave away his guitar",
            "goodbye",
        ),
        # a game's jump with words of a real risk
        ("in gta i keep jumping off the bridge and honestly i want to die irl", "want to die"),
    ],
)
def test_the_writers_or_a_persons_act_beside_a_story_stays_a_cue(text: str, words: str) -> None:
    assert words in cue_words(text)


@pytest.mark.parametrize(
    ("text", "act", "story"),
    [
        ("in the movie he jumps off a bridge", "jumps off a bridge", True),
        ("he jumps off a bridge in the movie", "jumps off a bridge", True),
        ("she wants to jump off a bridge like in the movie", "jump off a bridge", False),
        ("after that show i jumped off a bridge", "jumped off a bridge", False),
        ("the movie made me want to jump off a bridge", "jump off a bridge", False),
        ("i jumped off the roof in minecraft", "jumped off the roof", True),
        ("after the game when he got home he jumped off the roof", "jumped off the roof", False),
        ("long story short, she jumped off a bridge", "jumped off a bridge", False),
    ],
)
def test_a_story_frames_the_act_in_its_sentence(text: str, act: str, story: bool) -> None:
    start = text.index(act)
    assert in_a_story(text, start, start + len(act)) is story


@pytest.mark.parametrize(
    "text",
    [
        # a real-life episode, scene or character
        "my sister had a manic episode where she tried to jump off the bridge",
        "my mom had a psychotic episode last night where she slit her wrists",
        "my brother had an episode where he wanted to jump in front of a train",
        "my husband is not himself, his whole character has changed and he keeps saying he "
        "wants to kill himself",
        "my mom caused a scene when she said she was going to kill herself",
        "my mom caused a scene when she said she was going to jump off the roof",
        "she told me the story about how she took all her pills last week",
        # a real person speaks or texts the act beside a film, a show or a game
        "my guy keeps saying he'll jump off the bridge",
        "i was on the game when my sister texted that she is going to jump off the bridge",
        "in the middle of the film my gf whispered that she wants to die",
        "on the way home from the movie my brother said he's going to jump off the bridge",
        "after the movie ended my sister said she wants to kill herself",
        "at the end of the show my friend said she wants to hang herself",
        # the act's words the writer's own
        "i wrote a poem about cutting myself",
        "my poem is about cutting myself, its the only way i can say it",
        "wrote a song about hurting myself last week",
        "i wrote a poem about wanting to jump off a bridge",
        "my song is about slitting my wrists",
        "i wrote a story about slitting my wrists and i think i will",
        # the message turns to the writer or a real person after the story
        "there's an episode where she writes goodbye letters to everyone. i wrote mine tonight",
        "like that episode where she writes goodbye letters, i've started writing mine",
        "i read a story where she slits her wrists and i want to do that",
        "the book where she slits her wrists, i want to do that",
        "watched a movie where he slits his wrists. i tried it last night",
        "in the show she overdoses and i want to do that",
        "i wrote a poem about cutting myself, i did it again last night",
        "the show where she slits her wrists. i did mine last night",
        "the book where she writes goodbye letters, mine are in my drawer now",
        "the episode where he jumps in front of a train, i think about that every time i'm on "
        "the platform",
        "there's a scene where she slits her wrists in the bath. i keep running baths and "
        "thinking about it",
        "my daughter's fanfic is about a girl who cuts herself and she has cuts on her arms",
    ],
)
def test_a_real_crisis_beside_a_story_word_stays_a_cue(text: str) -> None:
    assert crisis_cues(text) != ()


@pytest.mark.parametrize(
    "text",
    [
        "the show's villain takes a bunch of pills with whiskey to frame his wife, so twisted",
        "my screenplay has a scene where the brother writes goodbye letters before going to war",
    ],
)
def test_a_story_person_named_by_the_work_is_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        # a name that speaks in the act's sentence
        "during the movie jake said he wants to kill himself",
        # another clause of the message not about the work: subjectless, the writer's, a time
        "the show where the girl cuts herself. been doing that since march",
        "the song where she says she wants to die. mood. every day",
        "the show where he overdoses on sleeping pills. have 40 of them in my drawer",
        "in the movie the girl slits her wrists. did that yesterday",
        "the series where the girl slits her wrists \u2014 been there, still there",
        "in the book she overdoses. got a full bottle of them here",
        "the episode where he cuts himself. did the same last night",
        "in the movie she slits her wrists. tried that on sunday",
        # the story's act turned to the writer, a gun in the writer's reach after it
        # (crisis_turned_to_me, crisis_means_near)
        "the movie where the guy jumps off a building. that'll be me by friday",
        "in the movie he puts a gun to his head. dad keeps his in the nightstand and i know the "
        "code",
        "my poem is about a boy who wants to die, the boy is me",
    ],
)
def test_a_story_beside_words_not_about_the_work_stays_a_cue(text: str) -> None:
    assert crisis_cues(text) != ()


@pytest.mark.parametrize(
    "text",
    [
        "the main character in the game says she wants to die",
        "the npc in the game says he wants to die",
        "in the game the mc keeps saying she wants to die",
        "the main character of the game keeps saying she wants to die lol",
        "In This Game The Protagonist Keeps Saying He Wants To Die",
        "the main character in the anime says she wants to kill herself",
    ],
)
def test_a_story_person_who_says_the_wish_is_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        # a real person speaks, in or beside the game
        "jake in the game says he wants to die",
        "my friend in the game keeps saying she wants to die",
        "my sister in the game chat says she wants to die",
        "in the game my sister says she wants to die",
        "my guy keeps saying he wants to die",
        # the message turns to the writer after the story person's saying
        "in the game the main character says she wants to die. same tbh",
        "the main character keeps saying she wants to die and so do i",
        "that game character who says she wants to die is so relatable",
    ],
)
def test_a_real_persons_saying_or_a_turn_beside_a_game_stays_a_cue(text: str) -> None:
    assert crisis_cues(text) != ()
