"""Sarcastic remarks in a reply (:func:`sarcasm`): feigned surprise or praise at what the
seeker told, and mockery, told from sincere surprise at glad news."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carelens.analysis.reply_sarcasm import sarcasm

FIRED = "I got fired for being late too many times"


def sarcastic_in(response: str, seeker: str = FIRED) -> str | None:
    found = sarcasm(response, seeker)
    return response[found[0] : found[1]] if found is not None else None


@pytest.mark.parametrize(
    ("seeker", "response", "words"),
    [
        (FIRED, "what a surprise.", "what a surprise"),
        ("I feel so lonely since I moved", "How original. Everyone's lonely.", "How original"),
        ("my girlfriend dumped me again", "oh wow, shocker lol", "shocker lol"),
        ("I failed the test", "Big surprise there.", "Big surprise there"),
        ("my dog died", "boo hoo", "boo hoo"),
        ("I got the job but I'm scared", "Cry me a river.", "Cry me a river"),
        (FIRED, "Well, who would've thought", "who would've thought"),
    ],
)
def test_sarcasm_is_found_as_its_clause(seeker: str, response: str, words: str) -> None:
    assert sarcastic_in(response, seeker) == words


@pytest.mark.parametrize(
    ("seeker", "response"),
    [
        # sincere surprise: glad news, said with "!", beside glad words
        ("I got engaged!", "What a surprise."),
        (FIRED, "What a surprise!"),
        ("I quit my job to travel", "What a surprise, I'm so happy for you"),
        # surprise inside a longer clause is no remark
        (FIRED, "That must have come as a surprise."),
        (FIRED, "I was surprised too when it happened to me."),
        (FIRED, "How sad."),
    ],
)
def test_sincere_surprise_and_other_words_are_no_sarcasm(seeker: str, response: str) -> None:
    assert sarcasm(response, seeker) is None


@given(st.text(max_size=200))
def test_a_found_clause_lies_inside_the_reply(response: str) -> None:
    found = sarcasm(response, FIRED)
    if found is not None:
        assert 0 <= found[0] < found[1] <= len(response)


@pytest.mark.parametrize(
    ("seeker", "response"),
    [
        ("I aced my calc final", "shocker, you aced it lol"),
        (
            "I ran my first 10k today without stopping",
            "Big surprise, you crushed it. Told you the training would pay off!",
        ),
        ("I ran my first 10k today without stopping", "What a surprise. You did it!"),
        ("my band's first gig went amazing last night", "what a surprise, of course it did 😄"),
        # praise alone after it, to news the list does not know
        ("I tried out for the play", "What a surprise. You did it!"),
        ("I tried out for the play", "big surprise, you nailed it"),
    ],
)
def test_surprise_at_achievements_or_with_praise_is_no_sarcasm(seeker: str, response: str) -> None:
    assert sarcasm(response, seeker) is None


@pytest.mark.parametrize(
    ("seeker", "response"),
    [
        ("I got fired again, third job this year", "Wow. What a surprise."),
        ("I got fired again", "what a surprise, you did it again"),
        ("I got dumped again", "big surprise. told you so"),
    ],
)
def test_surprise_at_bad_news_without_praise_stays_sarcasm(seeker: str, response: str) -> None:
    assert sarcasm(response, seeker) is not None


# --- session 33: knowing remarks, mocking praise, mockery in other words -------------------

CREDIT = "my brother took credit for my project again"


@pytest.mark.parametrize(
    ("seeker", "response", "words"),
    [
        # a knowing remark, the whole reply
        (CREDIT, "How typical.", "How typical"),
        (CREDIT, "Typical.", "Typical"),
        (CREDIT, "Figures.", "Figures"),
        ("I failed my exam again", "how typical lol", "how typical lol"),
        ("I failed my exam again", "Story of your life lol", "Story of your life lol"),
        # aimed at the seeker, beside other words too
        (
            "I forgot my keys again",
            "Of course you did. Maybe write it down next time.",
            "Of course you did",
        ),
        ("I failed my exam again", "How typical of you.", "How typical of you"),
        # bare praise to a mishap
        (
            "I finished my thesis draft but it got rejected",
            "Great job. Really nailed it",
            "Great job",
        ),
        ("I crashed my car", "Nice going.", "Nice going"),
        ("I relapsed after 6 months sober", "Well done.", "Well done"),
        # mockery
        ("I feel so anxious all the time", "touch grass", "touch grass"),
        ("I feel so anxious all the time", "go touch some grass lol", "go touch some grass lol"),
        ("I lost my ranked match again and I'm so upset", "skill issue", "skill issue"),
        ("my girlfriend dumped me", "sucks to be you", "sucks to be you"),
        ("my girlfriend dumped me", "cry about it", "cry about it"),
    ],
)
def test_knowing_remarks_praise_and_mockery_are_sarcasm(
    seeker: str, response: str, words: str
) -> None:
    assert sarcastic_in(response, seeker) == words


@pytest.mark.parametrize(
    ("seeker", "response"),
    [
        # outrage at someone else is sympathy (reply_remarks), not sarcasm
        (
            "my family left me at the hospital by myself",
            "How typical of them to leave you alone with this",
        ),
        ("my family left me at the hospital by myself", "How typical of them."),
        ("my boyfriend cheated again", "Typical men."),
        # a knowing word beside more words, not at the seeker: left to the model
        ("my dad forgot my birthday", "Figures, he never cared."),
        ("my dad forgot my birthday", "Typical. He never cared about you."),
        # glad news
        ("I passed my exam!", "Of course you did!"),
        ("I passed my exam", "Of course you did."),
        # sincere praise: of something, to glad news, with "!", beside a question
        ("I finally called the helpline today", "Great job reaching out, that took courage"),
        ("I finally finished my thesis draft", "Great job. Really nailed it"),
        ("I failed the first time but finally passed", "Great job."),
        ("I told my mom I'm depressed", "Good job."),
        ("I failed my exam but I studied really hard", "Good job!"),
        ("I crashed my car", "Great job. Are you okay though?"),
        # mockery words inside a longer clause
        ("I feel so anxious all the time", "maybe go outside and touch some grass, it helps me"),
        ("I lost my ranked match again", "It's not a skill issue, the matchmaking is rigged"),
        ("my girlfriend dumped me", "That sucks, I'm sorry."),
        ("my girlfriend dumped me", "It's okay to cry about it."),
    ],
)
def test_outrage_sincere_praise_and_longer_clauses_are_no_sarcasm(
    seeker: str, response: str
) -> None:
    assert sarcasm(response, seeker) is None


# --- session 33, a second review: mishaps in other words, feigned grief, more mockery -----


@pytest.mark.parametrize(
    ("seeker", "response", "words"),
    [
        # bare praise to a mishap told in other words than a rejection
        (
            "my supervisor sent my draft back with red all over it",
            "Great job. Really nailed it.",
            "Great job",
        ),
        ("my teacher handed my essay back covered in red ink", "Well done.", "Well done"),
        ("my boss tore my presentation apart in front of the team", "Nice going.", "Nice going"),
        ("I tripped on stage during my recital", "Smooth.", "Smooth"),
        ("I got a D on my midterm", "Great job.", "Great job"),
        ("I got scammed out of $300", "Congrats.", "Congrats"),
        # feigned grief, the whole reply
        ("my mom passed away last week", "wow what a tragedy", "wow what a tragedy"),
        ("my grandpa died yesterday", "wow, what a tragedy lol", "wow, what a tragedy lol"),
        ("I broke up with my girlfriend", "gee what a shame", "gee what a shame"),
        ("my wifi has been out all day", "how tragic lol", "how tragic lol"),
        # mockery
        (
            "I lent my ex money and she never paid it back",
            "Congrats, you played yourself",
            "you played yourself",
        ),
        ("I lost my bet", "well you played yourself", "well you played yourself"),
        (
            "I lied to my boss and got caught",
            "Play stupid games, win stupid prizes.",
            "Play stupid games",
        ),
        ("I finally cleaned my room after weeks", "Want a medal?", "Want a medal"),
        ("I did the dishes for once", "Do you want a cookie?", "Do you want a cookie"),
        ("my phone screen cracked", "first world problems", "first world problems"),
        (
            "I've been crying all week because my cat died.",
            "Sure, crying for a week over a cat. Totally normal behaviour lol",
            "Totally normal behaviour lol",
        ),
    ],
)
def test_more_sarcasm_is_found(seeker: str, response: str, words: str) -> None:
    assert sarcastic_in(response, seeker) == words


@pytest.mark.parametrize(
    ("seeker", "response"),
    [
        # praise to glad news, or of something
        ("I finally handed in my thesis", "Great job."),
        ("I got into grad school", "Congrats."),
        ("I got an email from my professor", "Great job."),
        (
            "my supervisor sent my draft back with red all over it",
            "Great job getting a full draft done, that's huge.",
        ),
        ("my supervisor sent it back and said it's ready", "Great job."),
        ("I fell in love", "Well done."),
        # sorrow said sincerely, or in more words
        ("my dad died last month", "What a tragedy. I'm so sorry."),
        ("my brother died in a car crash", "What a tragedy."),
        ("my dad died last month", "Oh what a tragedy."),
        ("my concert got cancelled", "Wow, what a shame, you were so excited."),
        ("my dog died", "Such a tragedy, my heart goes out to you."),
        ("I cry every time I see his photo", "That's totally normal, grief comes in waves."),
    ],
)
def test_sincere_praise_and_sorrow_are_no_sarcasm(seeker: str, response: str) -> None:
    assert sarcasm(response, seeker) is None


@pytest.mark.parametrize(
    ("seeker", "response"),
    [
        (
            "I feel sick every time my landlord emails",
            "Of course you do. After the last eviction notice, your body expects bad news.",
        ),
        (
            "I get so anxious before every family dinner",
            "Of course you would, with how those dinners usually go for you.",
        ),
    ],
)
def test_agreeing_with_a_told_feeling_and_explaining_it_is_no_sarcasm(
    seeker: str, response: str
) -> None:
    assert sarcasm(response, seeker) is None


@pytest.mark.parametrize(
    ("seeker", "response"),
    [
        ("I crashed the car again", "Of course you did. Maybe look at the road next time."),
        ("I feel like I always mess things up", "Of course you do."),
        ("I lost my keys again", "Of course you do, you always do this."),
    ],
)
def test_of_course_alone_or_at_a_deed_stays_sarcasm(seeker: str, response: str) -> None:
    assert sarcasm(response, seeker) is not None


@pytest.mark.parametrize(
    ("seeker", "response"),
    [
        ("I miss my mum so much", "Of course you do."),
        ("I still love her even after everything", "Of course you do"),
        ("i really miss how things were before the move", "oh of course you do"),
    ],
)
def test_of_course_to_a_longing_is_validation_even_alone(seeker: str, response: str) -> None:
    assert sarcasm(response, seeker) is None
