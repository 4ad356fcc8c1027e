"""The rules: minimising / blaming phrases and offers of help, what they catch, and what
negation, wishes and conditions keep them from catching."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carelens.analysis.rules import apply_rules, minimising_spans, offer_spans
from carelens.taxonomy import headline_style
from carelens.types import DimensionScore


def texts(response: str) -> list[str]:
    return [response[s.start : s.end] for s in minimising_spans(response)]


@pytest.mark.parametrize(
    ("response", "phrase"),
    [
        ("At least you have a job.", "At least you have a job"),
        ("Well, at least it's over now", "at least it's over now"),
        ("Honestly, get over it.", "get over it"),
        ("What did you expect?", "What did you expect"),
        ("You're being too sensitive about this.", "You're being too sensitive"),
        ("You are overreacting.", "You are overreacting"),
        ("It's not that bad.", "It's not that bad"),
        ("It could be worse, you know.", "It could be worse"),
        ("Other people have it way worse.", "Other people have it way worse"),
        ("It's just a dog.", "It's just a dog"),
        ("Stop whining and do something.", "Stop whining"),
        ("You brought this on yourself.", "You brought this on yourself"),
        ("Just cheer up!", "Just cheer up"),
        ("Well what did you expect to happen?", "what did you expect"),
        ("Tbh that's kind of on you.", "that's kind of on you"),
        ("Six months isn't really that long.", "Six months isn't really that long"),
        ("a few dates isn't that long", "a few dates isn't that long"),
        ("You'll be over it in a couple of weeks.", "You'll be over it in a couple"),
        ("you'll be so over him by next month", "you'll be so over him by next"),
    ],
)
def test_minimising_phrases_are_found(response: str, phrase: str) -> None:
    assert texts(response) == [phrase]


@pytest.mark.parametrize(
    "response",
    [
        "It's not your fault.",
        "I'm not sorry I said it: you deserved better.",
        "You're not too sensitive, that was cruel.",
        "Not that you should just get over it.",
        "Nobody gets to tell you it's not that bad. I wouldn't say it's not that bad.",
        "I go at least twice a week.",
        "It took at least three tries.",
        "What did you expect to happen at the interview?",
        "It's really on you to decide what feels right.",
        "Two weeks isn't that long to wait, the results will come.",
        "It wasn't that long ago that you were doing so well.",
        "You'll feel lighter in a couple of weeks, there's no rush.",
        "That sounds so hard. What happened next?",
        "",
    ],
)
def test_negated_quantities_and_kind_replies_are_not_caught(response: str) -> None:
    assert texts(response) == []


@pytest.mark.parametrize(
    ("response", "phrase"),
    [
        ("Why don't you just get over it?", "just get over it"),
        ("Why can't you just get over it already?", "just get over it"),
        ("Why don\u2019t you just get over it?", "just get over it"),
        ("Can't you just cheer up?", "just cheer up"),
        ("Honestly, couldn't you just get over it?", "just get over it"),
        ("Why not just cheer up?", "just cheer up"),
    ],
)
def test_a_rhetorical_question_urging_the_phrase_is_no_negation(response: str, phrase: str) -> None:
    """The "n't" of "why don't you ..." was read as negating the phrase, and a hostile
    question went through as a kind reply."""
    assert texts(response) == [phrase]
    raised = apply_rules({"dismissive": dim(0, (0.9, 0.08, 0.02))}, response)
    assert raised["dismissive"].level == 1


@pytest.mark.parametrize(
    "response",
    [
        "You can't just get over it, grief takes time.",
        "Don't you tell yourself to get over it.",
        "Nobody should ask you why can't you just get over it.",
        "I won't tell you why don't you just cheer up.",
        "Not that you should just get over it.",
    ],
)
def test_a_negation_beside_a_question_still_negates(response: str) -> None:
    assert texts(response) == []


@pytest.mark.parametrize(
    ("response", "phrase"),
    [
        ("you have no right to be upset about that", "you have no right to be upset"),
        ("You have no right to be sad, millions have it worse.", "You have no right to be sad"),
        ("You've got no right to be angry, he's the boss.", "You've got no right to be angry"),
        ("u have no right to complain", "u have no right to complain"),
        ("You have no right to feel that way.", "You have no right to feel that way"),
        ("Honestly you have no right to be so upset.", "you have no right to be so upset"),
        ("You had no right to get mad at her.", "You had no right to get mad"),
    ],
)
def test_a_feeling_denied_them_is_found(response: str, phrase: str) -> None:
    """A feeling denied them ("no right to be upset") judges what they feel (codebook:
    judging, invalidating); the model scored such replies as sympathy or nothing."""
    assert texts(response) == [phrase]
    raised = apply_rules({"dismissive": dim(0, (0.83, 0.1, 0.07))}, response)
    assert raised["dismissive"].level == 1


@pytest.mark.parametrize(
    "response",
    [
        "He had no right to talk to you like that.",
        "You have every right to be angry.",
        "I'm not saying you have no right to be upset.",
        "Anyone telling you that you have no right to be angry is wrong.",
        "Don't let anyone tell you that you have no right to be mad.",
        "It sounds like hearing her say you have no right to be sad really hurt.",
        "They act like you have no right to complain.",
        "You have no right to take his things.",
    ],
)
def test_no_right_of_someone_else_negated_or_reported_is_not_caught(response: str) -> None:
    assert texts(response) == []


def dim(level: int, probabilities: tuple[float, float, float]) -> DimensionScore:
    return DimensionScore(level=level, probabilities=probabilities)


def test_rule_raises_dismissive_to_weak_with_its_span() -> None:
    response = "At least you have your health."
    before = {"dismissive": dim(0, (0.9, 0.08, 0.02)), "sympathy": dim(1, (0.2, 0.7, 0.1))}
    after = apply_rules(before, response)
    assert before["dismissive"].level == 0  # the input is not changed
    score = after["dismissive"]
    assert score.level == 1
    assert score.probabilities[1] == max(score.probabilities)
    assert sum(score.probabilities) == pytest.approx(1.0, abs=1e-3)
    assert [response[s.start : s.end] for s in score.spans] == ["At least you have your health"]
    assert after["sympathy"] is before["sympathy"]


def test_rule_leaves_model_levels_above_zero_and_kind_replies_alone() -> None:
    strong = {"dismissive": dim(2, (0.1, 0.2, 0.7))}
    assert apply_rules(strong, "What did you expect?") == strong
    kind = {"dismissive": dim(0, (0.95, 0.04, 0.01))}
    assert apply_rules(kind, "It's not your fault, and I'm here.") == kind
    assert apply_rules({}, "At least you tried.") == {}


@given(st.text(max_size=300))
def test_spans_are_valid_for_any_text(response: str) -> None:
    previous_end = -1
    for span in minimising_spans(response):
        assert previous_end <= span.start < span.end <= len(response)
        assert span.label == "dismissive"
        previous_end = span.end


def offers(response: str) -> list[str]:
    return [response[s.start : s.end] for s in offer_spans(response)]


@pytest.mark.parametrize(
    ("response", "sentence"),
    [
        (
            "I can sit with you while you call your sponsor.",
            "I can sit with you while you call your sponsor.",
        ),
        (
            "That's a lot. I'll drive you to the meeting on Thursday.",
            "I'll drive you to the meeting on Thursday.",
        ),
        ("Feel free to PM me if you want to vent", "Feel free to PM me if you want to vent"),
        ("You can always message me.", "You can always message me."),
        ("Hang in there. PM me anytime", "PM me anytime"),
        ("My DMs are always open.", "My DMs are always open."),
        ("I'm here if you need anything!", "I'm here if you need anything!"),
        ("If you ever want to talk, I'm here.", "If you ever want to talk, I'm here."),
        ("I'm happy to listen.", "I'm happy to listen."),
        ("Would you like me to come over tonight?", "Would you like me to come over tonight?"),
        ("Would it help if I sat with you?", "Would it help if I sat with you?"),
        (
            "Let me know if there's anything I can do.",
            "Let me know if there's anything I can do.",
        ),
        ("We will be there for you, always.", "We will be there for you, always."),
    ],
)
def test_offers_of_help_are_found_as_their_sentence(response: str, sentence: str) -> None:
    assert offers(response) == [sentence]


@pytest.mark.parametrize(
    "response",
    [
        "I wish I could help you feel better.",
        "If I could talk to you in person I would.",
        "I can't talk to you right now.",
        "I'm not here to talk about that.",
        "Don't message me again.",
        "You should call your sponsor.",  # advice to turn to someone else: the model's call
        "Maybe see a therapist?",
        "I'm here for you.",  # on its own, 2 of 5 annotated 0 in the training part
        "I can relate, I went through it too.",
        "I talk to my sister when I feel like that.",
        "",
    ],
)
def test_wishes_conditions_negations_and_advice_are_no_offer(response: str) -> None:
    assert offers(response) == []


def test_two_offers_in_neighbouring_sentences_make_one_span() -> None:
    response = "So sorry. I can call you tonight. PM me whenever. Take care."
    assert offers(response) == ["I can call you tonight. PM me whenever."]


def test_rule_raises_compassion_to_weak_with_the_offer_sentence() -> None:
    response = "That sounds so hard. I can sit with you while you call your sponsor."
    before = {"compassion": dim(0, (0.87, 0.12, 0.01)), "sympathy": dim(1, (0.2, 0.7, 0.1))}
    after = apply_rules(before, response)
    assert before["compassion"].level == 0
    score = after["compassion"]
    assert score.level == 1
    assert score.probabilities[1] == max(score.probabilities)
    assert sum(score.probabilities) == pytest.approx(1.0, abs=1e-3)
    assert [(response[s.start : s.end], s.label) for s in score.spans] == [
        ("I can sit with you while you call your sponsor.", "compassion")
    ]
    assert after["sympathy"] is before["sympathy"]


def test_offer_rule_leaves_levels_the_model_gave_and_replies_without_offers() -> None:
    strong = {"compassion": dim(2, (0.1, 0.2, 0.7))}
    assert apply_rules(strong, "PM me.") == strong
    weak = {"compassion": dim(1, (0.3, 0.6, 0.1))}
    assert apply_rules(weak, "I'll drive you there.") == weak
    none = {"compassion": dim(0, (0.95, 0.04, 0.01))}
    assert apply_rules(none, "I wish I could help you.") == none


@given(st.text(max_size=300))
def test_offer_spans_are_valid_for_any_text(response: str) -> None:
    previous_end = -1
    for span in offer_spans(response):
        assert previous_end < span.start < span.end <= len(response)
        assert span.label == "compassion"
        assert response[span.start : span.end] == response[span.start : span.end].strip()
        previous_end = span.end


@pytest.mark.parametrize(
    ("response", "kind"),
    [
        ("I don\u2019t mean you should cheer up. Grief takes time.", "minimising"),
        ("Nobody gets to say it\u2019s not that bad.", "minimising"),
        ("I can\u2019t say I'll come with you, but I'm sorry.", "offer"),
        ("I didn\u2019t mean I'll call you tonight.", "offer"),
    ],
)
def test_a_curly_apostrophe_negates_as_a_straight_one(response: str, kind: str) -> None:
    """Phones type "don\u2019t": a negated phrase matched and flipped a kind reply."""
    found = minimising_spans if kind == "minimising" else offer_spans
    assert found(response) == ()
    assert found(response.replace("\u2019", "'")) == ()


def test_a_long_run_of_line_breaks_before_an_offer_is_read_once() -> None:
    """Each line break of a run was a clause start whose white space was read to the end."""
    response = "Sorry." + "\n" * 20_000 + "PM me anytime"
    assert offers(response) == ["PM me anytime"]


# --- a review of the judging words (F3, F8) -----------------------------------------------


@pytest.mark.parametrize(
    ("response", "phrase"),
    [
        ("quit whining", "quit whining"),
        ("that sucks. quit whining though", "quit whining"),
        ("honestly thats on you", "thats on you"),
        ("It was just a dog. You can get another one.", "It was just a dog"),
        ("you're just being dramatic for attention", "you're just being dramatic"),
    ],
)
def test_more_minimising_phrases_are_found(response: str, phrase: str) -> None:
    assert [response[s.start : s.end] for s in minimising_spans(response)] == [phrase]


@pytest.mark.parametrize(
    "response",
    [
        "I know it felt like you had no right to feel hurt back then.",
        "It's like you had no right to be sad in that house.",
        "You learned you had no right to be anxious. That's a lot to carry.",
        "They made you feel like you had no right to be upset.",
        "It was not just a dog, she was family.",
    ],
)
def test_their_past_said_back_and_denials_are_not_minimising(response: str) -> None:
    assert minimising_spans(response) == ()


def test_the_helpers_own_no_right_is_still_minimising() -> None:
    response = "I feel like you have no right to be upset."
    assert [response[s.start : s.end] for s in minimising_spans(response)] == [
        "you have no right to be upset"
    ]


@pytest.mark.parametrize(
    "response",
    [
        "quit being so hard on yourself",
        "Stop being so hard on yourself. freezing once doesn't erase everything",
        "Quit being so critical of yourself, you were nervous, that's all.",
        "stop being so harsh on yourself",
        "quit being so mean to yourself",
        "You have no right to be this hard on yourself. You lost a baby.",
        "you have no right to be sorry, none of it was your fault",
        "So at home you have no right to be sad, even when you're hurting. "
        "That sounds suffocating.",
    ],
)
def test_self_criticism_told_off_kindly_is_not_minimising(response: str) -> None:
    assert minimising_spans(response) == ()


@pytest.mark.parametrize(
    "response",
    [
        "quit being so dramatic",
        "stop being so sensitive about it",
        "quit whining",
        "you have no right to be sad",
    ],
)
def test_stop_and_quit_being_so_still_minimise(response: str) -> None:
    assert minimising_spans(response) != ()


# --- session 33: remarks of sympathy, sarcasm, "stop being dramatic", reported demands ----

DOG = "My dog died this morning"


def scored(level: int) -> DimensionScore:
    """A score at ``level``, most probable there."""
    listed = [0.1, 0.1, 0.1]
    listed[level] = 0.8
    return dim(level, (listed[0], listed[1], listed[2]))


@pytest.mark.parametrize(
    ("seeker", "response"),
    [
        (DOG, "How sad."),
        ("my ex showed up to my mom's funeral with his new girlfriend", "How dare he."),
        (
            "my boss yelled at me in front of everyone",
            "how dare your boss do that to you in front of everyone. that's humiliating",
        ),
        ("my family left me at the hospital", "How typical of them to leave you alone with this"),
        # beside a feeling given them or a reflection
        ("my best friend ghosted me", "How hurtful. You probably feel rejected."),
        (
            "my parents are fighting again and I'm stuck in the middle",
            "How awful. It sounds like you're caught in the middle of their fights.",
        ),
    ],
)
def test_remarks_the_model_calls_dismissive_are_sympathy_in_the_style(
    seeker: str, response: str
) -> None:
    dims = apply_rules(
        {"dismissive": scored(2), "sympathy": scored(0)}, response, unsafe=(), seeker=seeker
    )
    assert dims["dismissive"].level == 0
    assert sum(dims["dismissive"].probabilities[1:]) <= 0.5
    assert dims["sympathy"].level == 1
    assert headline_style(dims) == "sympathy"


def test_a_remark_leaves_the_models_sympathy_as_it_was() -> None:
    dims = apply_rules(
        {"dismissive": scored(1), "sympathy": scored(2)}, "How sad.", unsafe=(), seeker=DOG
    )
    assert dims["dismissive"].level == 0
    assert dims["sympathy"].level == 2


@pytest.mark.parametrize(
    "response",
    [
        # more than remarks: left to the model
        "How sad. Maybe adopt a new puppy?",
        "How sad. You probably deserved it though.",
        "How awful. Sounds like you're overreacting though.",
        # at the seeker: no remark
        "How dare you.",
        "That was so cruel of you.",
        "How selfish of you.",
    ],
)
def test_other_replies_keep_the_models_dismissal(response: str) -> None:
    dims = apply_rules(
        {"dismissive": scored(2), "sympathy": scored(0)}, response, unsafe=(), seeker=DOG
    )
    assert dims["dismissive"].level == 2
    assert headline_style(dims) == "dismissive"


@pytest.mark.parametrize(
    ("seeker", "response", "phrase"),
    [
        ("my brother took credit for my project again", "How typical.", "How typical"),
        ("I feel so anxious all the time", "touch grass", "touch grass"),
        (
            "I finished my thesis draft but it got rejected",
            "Great job. Really nailed it",
            "Great job",
        ),
    ],
)
def test_sarcasm_raises_dismissive_given_the_message(
    seeker: str, response: str, phrase: str
) -> None:
    dims = apply_rules({"dismissive": scored(0)}, response, unsafe=(), seeker=seeker)
    assert dims["dismissive"].level == 1
    assert [response[s.start : s.end] for s in dims["dismissive"].spans] == [phrase]
    # without the message, no sarcasm is read
    assert apply_rules({"dismissive": scored(0)}, response, unsafe=())["dismissive"].level == 0


def test_skill_issue_is_contempt_with_or_without_the_message() -> None:
    # sarcasm given the message, and laughing advice of reply_grudging without it
    for seeker in ("I lost my ranked match again", None):
        dims = apply_rules({"dismissive": scored(0)}, "skill issue", unsafe=(), seeker=seeker)
        assert dims["dismissive"].level == 1


@pytest.mark.parametrize(
    ("seeker", "response"),
    [
        ("I got engaged!", "What a surprise."),
        ("I finally finished my thesis draft", "Great job. Really nailed it"),
        ("I finally called the helpline today", "Great job reaching out, that took courage"),
    ],
)
def test_sincere_surprise_and_praise_raise_nothing(seeker: str, response: str) -> None:
    assert (
        apply_rules({"dismissive": scored(0)}, response, unsafe=(), seeker=seeker)[
            "dismissive"
        ].level
        == 0
    )


@pytest.mark.parametrize(
    ("response", "phrase"),
    [
        ("stop being dramatic", "stop being dramatic"),
        ("Quit being such a baby about it.", "Quit being such a baby"),
        ("stop overreacting", "stop overreacting"),
        ("Stop crying about it.", "Stop crying about it"),
        ("get over it already", "get over it"),
    ],
)
def test_stop_being_dramatic_minimises(response: str, phrase: str) -> None:
    assert texts(response) == [phrase]


@pytest.mark.parametrize(
    "response",
    [
        "Your mom telling you to stop being dramatic was so unfair.",
        "People who tell you to just get over it don't get it.",
        "They expect you to cheer up overnight.",
        "Stop being hard on yourself.",
        "Stop crying alone, come over.",
    ],
)
def test_reported_demands_and_comfort_are_not_minimising(response: str) -> None:
    assert texts(response) == []


@pytest.mark.parametrize(
    ("response", "sympathy"),
    [
        ("That was so cruel of him.", 1),
        ("How typical of them to leave you alone with this", 1),
        # more than remarks: the model's
        ("How sad. Maybe adopt a new puppy?", 0),
        ("That was so cruel of you.", 0),
    ],
)
def test_remarks_alone_the_model_scored_nothing_are_sympathy(response: str, sympathy: int) -> None:
    dims = apply_rules(
        {"dismissive": scored(0), "sympathy": scored(0)}, response, unsafe=(), seeker=DOG
    )
    assert dims["dismissive"].level == 0
    assert dims["sympathy"].level == sympathy
    assert headline_style(dims) == ("sympathy" if sympathy else "other")


# --- session 33, a second review: contempt, quoted words, kind words, tasks offered -------


@pytest.mark.parametrize(
    ("response", "phrase"),
    [
        (
            "Why would you put your savings into crypto??",
            "Why would you put your savings into crypto?",
        ),
        ("Just set more alarms. Not that hard.", "Not that hard"),
        ("Meh, happens to everyone", "Meh, happens to everyone"),
        # beside a phrase of the codebook's, both
        ("Just get over it, it's not rocket science.", "Just get over it"),
    ],
)
def test_contempt_is_minimising(response: str, phrase: str) -> None:
    assert texts(response)[0] == phrase


@pytest.mark.parametrize(
    ("response", "phrase"),
    [
        # a "but" ends the negation's reach
        (
            "not being funny but you did bring this on yourself by staying quiet",
            "you did bring this on yourself",
        ),
        ("Not being funny but that's kind of on you.", "that's kind of on you"),
        # a negation inside a condition does not reach the main clause's own subject
        (
            "if you're not speaking up in meetings that's kind of on you.",
            "that's kind of on you",
        ),
        ("when you don't look after yourself it's kind of on you", "it's kind of on you"),
        ("you've brought it on yourself", "you've brought it on yourself"),
    ],
)
def test_a_negation_past_a_but_or_in_a_condition_does_not_reverse(
    response: str, phrase: str
) -> None:
    assert texts(response) == [phrase]


@pytest.mark.parametrize(
    "response",
    [
        "it's not that you brought this on yourself",
        "I don't think that's on you",
        "not that you brought this on yourself, but it hurts",
        "if you don't just get over it you'll lose him",
        "you didn't bring this on yourself",
        "Did you bring this on yourself? Of course not.",
        "Do you bring it on yourself? No.",
    ],
)
def test_negations_of_the_phrase_itself_and_questions_still_hold(response: str) -> None:
    assert texts(response) == []


@pytest.mark.parametrize(
    "response",
    [
        "There's no 'get over it already' deadline on grief.",
        'Nobody should tell you to "just cheer up".',
        "They said “it could be worse” like that helps.",
        "I don't think it's not that hard for you.",
    ],
)
def test_quoted_and_negated_words_are_not_minimising(response: str) -> None:
    assert texts(response) == []


@pytest.mark.parametrize(
    ("seeker", "response"),
    [
        ("I cried at work after my review", "Don't let anyone say you're overreacting."),
        ("my husband died a year ago", "There's no 'get over it already' deadline on grief."),
        ("my dad has cancer", "Oof."),
        ("my landlord kept my deposit", "Ugh, I'm so angry on your behalf"),
        (
            "I keep thinking the divorce was my fault",
            "It's not your fault. It sounds like you're carrying all of it.",
        ),
    ],
)
def test_kind_words_the_model_calls_dismissive_are_set_aside(seeker: str, response: str) -> None:
    dims = apply_rules(
        {"dismissive": scored(1), "sympathy": scored(0)}, response, unsafe=(), seeker=seeker
    )
    assert dims["dismissive"].level == 0
    assert headline_style(dims) == "sympathy"


@pytest.mark.parametrize(
    "response",
    [
        # a sentence with more in it than kind words
        "That sucks, but believe me, self medicating only makes things worse.",
        "It's not your fault, but you should have studied harder.",
        "Stop blaming yourself. You should really see a therapist.",
    ],
)
def test_kind_words_beside_more_keep_the_models_dismissal(response: str) -> None:
    dims = apply_rules(
        {"dismissive": scored(1), "sympathy": scored(0)}, response, unsafe=(), seeker=DOG
    )
    assert dims["dismissive"].level == 1


@pytest.mark.parametrize(
    "response",
    [
        "I can take the kids on Sunday so you can rest.",
        "I'll bring dinner over tonight.",
        "I could lend you my car this week if that helps.",
        "I could cover your shift on Friday.",
        "We can walk your dogs for you this week.",
    ],
)
def test_a_task_done_for_them_is_an_offer(response: str) -> None:
    assert [response[s.start : s.end] for s in offer_spans(response)] == [response]


@pytest.mark.parametrize(
    "response",
    [
        "I can take a guess at what that's like.",
        "I can't take the kids this week, sorry.",
        "I wish I could bring you dinner.",
        "I'll take that as a compliment.",
        "I will only have one junk food today, then I will do something else.",
    ],
)
def test_tasks_not_offered_to_them_are_no_offer(response: str) -> None:
    assert offer_spans(response) == ()
