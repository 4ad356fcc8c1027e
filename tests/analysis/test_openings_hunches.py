"""Suggested openings for what the seeker only believes, and for a main clause after a time
clause: a hedge ("I think", "I guess", "I suppose") kept before a belief ("I think my husband
is cheating on me" once offered "It sounds like your husband is cheating on you…") and taken
off only before the seeker's own feeling or need ("I guess I'm just lonely"), a hedge at a
clause's end moved to the opening's start ("... about you you guess" once), and a main clause
after a time clause with a noun object ("After I lost the baby my husband stopped touching
me" once offered none: read as "the baby my husband stopped touching me")."""

from __future__ import annotations

import pytest
from opening_helpers import opening_of

from carelens.analysis.feelings import read_feelings
from carelens.analysis.openings import suggested_opening
from carelens.analysis.openings_hedges import hedge_alone, trailing_hedge

# --- a hedge before a belief stays ------------------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # each once without its hedge: "It sounds like your husband is cheating on you…"
        (
            "(throwaway) I think my husband is cheating on me and I dont know what to do.",
            "It sounds like you think your husband is cheating on you and you dont know…",
        ),
        (
            "I guess my mom just doesn't care about me.",
            "It sounds like you guess your mom just doesn't care about you…",
        ),
        (
            "I suppose my friends are tired of me.",
            "It sounds like you suppose your friends are tired of you…",
        ),
        ("I think I'm a failure.", "It sounds like you think you're a failure…"),
        (
            "I guess I'm a burden to everyone.",
            "It sounds like you guess you're a burden to everyone…",
        ),
        ("I think I ruined everything.", "It sounds like you think you ruined everything…"),
        (
            "So I think my boyfriend is lying to me.",
            "It sounds like you think your boyfriend is lying to you…",
        ),
        ("Honestly I think my parents hate me.", "It sounds like you think your parents hate you…"),
        (
            "I think I'm pregnant and I'm scared.",
            "It sounds like you think you're pregnant and you're scared…",
        ),
        ("I think im not pretty :(", "It sounds like you think you're not pretty…"),
        # once none: "I'm depressed" alone was too short to offer
        ("I think I'm depressed.", "It sounds like you think you're depressed…"),
    ],
)
def test_a_hedge_before_a_belief_stays_in_the_opening(seeker: str, opening: str) -> None:
    assert opening_of(seeker) == opening


def test_the_feedback_quotes_the_hedge_with_the_clause() -> None:
    seeker = "(throwaway) I think my husband is cheating on me and I dont know what to do."
    assert suggested_opening(seeker, read_feelings(seeker)) == (
        'they wrote "I think my husband is cheating on me and I dont know…" — a reflection '
        'could start: "It sounds like you think your husband is cheating on you and you dont '
        'know…"'
    )


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once "It sounds like your mom doesn't care about you…", "... hates you you think…"
        (
            "my mom doesn't care about me I guess",
            "It sounds like you guess your mom doesn't care about you…",
        ),
        ("Sarah hates me I think", "It sounds like you think Sarah hates you…"),
        ("Lost my job I guess", "It sounds like you guess you lost your job…"),
    ],
)
def test_a_hedge_at_the_end_opens_the_opening(seeker: str, opening: str) -> None:
    assert opening_of(seeker) == opening


def test_a_hedge_at_the_end_of_words_not_the_seekers_is_no_clause_of_theirs() -> None:
    # once "It sounds like every day you think…": "think" is the verb, the "I" all that is theirs
    assert opening_of("Every day I think; this can't get any worse.") is None
    assert opening_of("It just makes existing a little more tolerable I guess") is None
    assert trailing_hedge("Every day I think") is None
    assert trailing_hedge("Sarah hates me I think") == ("Sarah hates me", "I think")


def test_a_hedge_before_no_statement_is_not_offered() -> None:
    assert opening_of("I think i am but is depression just an excuse") is None
    assert hedge_alone("I think i am")
    assert hedge_alone("I guess I do")
    assert not hedge_alone("I think I'm depressed")


# --- a hedge before the seeker's own feeling or need is a filler, as before -----------------


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # a statement of need: the hedge only softens it
        ("I think I just need to vent.", "It sounds like you just need to vent…"),
        ("well I guess I'm just lonely", "It sounds like you're just lonely…"),
        ("I think I'm just tired.", "It sounds like you're just tired…"),
        ("I mean I'm just so tired.", "It sounds like you're just so tired…"),
        ("I feel so alone I guess", "It sounds like you feel so alone…"),
        # hedges no reader takes off
        (
            "I feel like nobody cares about me.",
            "It sounds like you feel like nobody cares about you…",
        ),
        (
            "I'm afraid that my son is using drugs.",
            "It sounds like you're afraid that your son is using drugs…",
        ),
        ("I suspect my boss hates me.", "It sounds like you suspect your boss hates you…"),
        ("maybe my friends are tired of me", "It sounds like maybe your friends are tired of you…"),
        (
            "I'm pretty sure my wife wants a divorce.",
            "It sounds like you're pretty sure your wife wants a divorce…",
        ),
        ("I believe my sister lied to me", "It sounds like you believe your sister lied to you…"),
        (
            "i kinda think my roommate hates me",
            "It sounds like you kinda think your roommate hates you…",
        ),
        ("I worry that my kids hate me", "It sounds like you worry that your kids hate you…"),
        ("I'm scared that I'm failing", "It sounds like you're scared that you're failing…"),
        ("probably my parents hate me", "It sounds like probably your parents hate you…"),
    ],
)
def test_other_hedges_and_fillers_stay_as_they_were(seeker: str, opening: str) -> None:
    assert opening_of(seeker) == opening


# --- a main clause after a time clause with a noun object ------------------------------------


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # each once none: read as a noun and its clause ("the baby my husband stopped ...")
        (
            "After I lost the baby my husband stopped touching me.",
            "It sounds like after you lost the baby your husband stopped touching you…",
        ),
        (
            "Since I lost the baby my husband won't touch me.",
            "It sounds like since you lost the baby your husband won't touch you…",
        ),
        (
            "After I had the baby my husband became distant.",
            "It sounds like after you had the baby your husband became distant…",
        ),
        (
            "When I lost the baby my husband was so cold to me.",
            "It sounds like when you lost the baby your husband was so cold to you…",
        ),
        (
            "After I failed the exam my parents stopped talking to me.",
            "It sounds like after you failed the exam your parents stopped talking to you…",
        ),
        (
            "Since I quit the team my coach ignores me.",
            "It sounds like since you quit the team your coach ignores you…",
        ),
        # a verb in "-s" once not read as one
        (
            "Since my mom died my dad drinks every night.",
            "It sounds like since your mom died your dad drinks every night…",
        ),
        (
            "Since the day my son was born my wife ignores me",
            "It sounds like since the day your son was born your wife ignores you…",
        ),
    ],
)
def test_a_main_clause_after_a_time_clause_is_offered(seeker: str, opening: str) -> None:
    assert opening_of(seeker) == opening


def test_the_whole_clause_is_quoted_with_its_time_clause() -> None:
    seeker = "After I lost the baby my husband stopped touching me."
    assert suggested_opening(seeker, read_feelings(seeker)) == (
        'they wrote "After I lost the baby my husband stopped touching me" — a reflection '
        'could start: "It sounds like after you lost the baby your husband stopped touching you…"'
    )


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # the noun before may be the object of the clause after it: as before, none
        ("After I lost the baby my husband left me.", None),  # "the letter my dad left me"
        ("When I think about the way my dad treated me.", None),
        ("When I got the news my grandma had passed away.", None),
        ("When I saw the messages my husband sent her.", None),
        ("When I read the things my dad said to me.", None),
        ("When I heard the names my classmates called me.", None),
        ("When I remember the house my dad built for us.", None),
        ("After I saw the photos my ex posted of me.", None),
        ("When I met the man my mom is dating.", None),
        ("When I saw the girl my boyfriend was with.", None),
        ("When I see my best friends", None),
        # as before
        ("Since my mom died I can't sleep.", "It sounds like since your mom died you can't sleep…"),
        (
            "Ever since the accident my hands shake.",
            "It sounds like ever since the accident your hands shake…",
        ),
        (
            "Ever since the miscarriage my husband won't touch me.",
            "It sounds like ever since the miscarriage your husband won't touch you…",
        ),
        (
            "After I lost the baby, my husband stopped touching me.",
            "It sounds like your husband stopped touching you…",
        ),
    ],
)
def test_a_time_clause_alone_or_before_a_comma_stays_as_it_was(
    seeker: str, opening: str | None
) -> None:
    assert opening_of(seeker) == opening
