"""Feeling words in a text: whose they are, which are denied (carelens.analysis.feelings,
carelens.analysis.persons), which a reply names (carelens.analysis.reply_feelings), and the
sentences they are read in (carelens.analysis.words); the feedback built on them is tested in
test_feedback.py."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carelens.analysis import feelings, persons, words
from carelens.analysis.feeling_words import FEELING_WORDS
from carelens.analysis.feelings import seeker_feelings
from carelens.analysis.reply_feelings import named_feeling

CURLY = "\u2019"  # the right single quotation mark phones type as an apostrophe
RELAPSE = "I relapsed last night after 8 months sober. I feel like such a failure."


def test_seeker_feelings_keep_order_and_spelling_without_repeats() -> None:
    assert seeker_feelings("I'm Lonely, so lonely and SAD, and hopeless.") == [
        "Lonely",
        "SAD",
        "hopeless",
    ]
    assert seeker_feelings("Nothing to see here.") == []


@pytest.mark.parametrize(
    ("seeker", "expressed"),
    [
        ("I'm not sad, just tired", ["tired"]),
        (f"I{CURLY}m not sad, just tired", ["tired"]),
        ("I'm not sad but tired", ["tired"]),
        ("I don't feel lonely anymore", []),
        (f"I don{CURLY}t feel lonely anymore", []),
        ("I dont feel lonely", []),
        ("I'm no longer scared.", []),
        ("I never feel hopeless.", []),
        ("I'm not really that sad", []),
        ("I'm not feeling very anxious", []),
        ("I wouldn't say I am depressed", []),
        ("Nothing makes me angry.", []),
        ("I'm neither sad nor lonely", []),
        ("I'm not sad, lonely or angry", []),
        ("I'm not sad and I feel lonely", ["lonely"]),
        ("I can't sleep and I feel so alone", ["alone"]),
        ("I don't know why I feel so sad", ["sad"]),
        ("I can't stop feeling guilty", ["guilty"]),
        ("It isn't my job, I feel useless", ["useless"]),
        ("I'm not just sad. I'm angry.", ["sad", "angry"]),
        # A later plain use counts; the spelling is that of the first plain use.
        ("I'm not Sad. Okay, I am SAD.", ["SAD"]),
    ],
)
def test_seeker_feelings_leave_out_feelings_they_deny(seeker: str, expressed: list[str]) -> None:
    assert seeker_feelings(seeker) == expressed


@pytest.mark.parametrize("feeling", sorted(FEELING_WORDS))
def test_every_feeling_word_can_be_denied(feeling: str) -> None:
    assert seeker_feelings(f"I feel {feeling}") == [feeling]
    assert seeker_feelings(f"I don't feel {feeling}") == []
    assert seeker_feelings(f"I{CURLY}m not {feeling}, no") == []


@pytest.mark.parametrize(
    ("seeker", "expressed"),
    [
        # A negation governs the feeling across "feel like I'm", "someone who gets", ...
        ("I don't feel like I'm depressed, just bored with everything lately.", []),
        (f"I don{CURLY}t feel like I{CURLY}m depressed", []),
        ("I'm not someone who gets depressed easily", []),
        ("I'm not the type of person who gets anxious", []),
        ("I don't really feel like I'm that lonely", []),
        ("I'm not feeling like I'm very sad", []),
        # ... but not across a clause boundary.
        ("I don't feel like I'm depressed, just lonely", ["lonely"]),
        ("I don't feel like I'm depressed; I'm lonely.", ["lonely"]),
        ("I don't feel like I'm depressed. I'm lonely.", ["lonely"]),
        ("I don't feel like I'm depressed but I'm lonely", ["lonely"]),
        ("I'm not sad, just tired", ["tired"]),
        # A negation of another verb is no denial of the feeling.
        ("I don't know why I feel so alone", ["alone"]),
        ("I don't know how I feel so alone", ["alone"]),
        ("I don't sleep and feel so alone", ["alone"]),
        ("I can't sleep and I feel so alone", ["alone"]),
        ("I can't find a job I feel useless", ["useless"]),
        ("I don't feel like eating and I feel so alone", ["alone"]),
        ("I don't feel like myself, I'm so depressed", ["depressed"]),
        ("I don't feel like anyone cares, lonely as ever", ["lonely"]),
        # A list of feelings after a negation stays denied.
        ("I don't feel sad and alone", []),
        ("I'm not sad, lonely or angry", []),
    ],
)
def test_a_negation_reaches_the_feeling_across_filler_but_not_across_clauses(
    seeker: str, expressed: list[str]
) -> None:
    assert seeker_feelings(seeker) == expressed


@pytest.mark.parametrize(
    ("seeker", "expressed"),
    [
        # A feeling word used as a verb with an object is something that happened.
        ("I lost my job today and I don't know what to do.", []),
        ("I just lost my dad.", []),
        ("I've lost all hope", []),
        ("Lost my job today.", []),
        ("I hurt my back at work", []),
        ("I disappointed my parents again", []),
        ("The news crushed my mom", []),
        # ... but the feeling word used as a feeling counts.
        ("I feel lost", ["lost"]),
        ("I'm lost", ["lost"]),
        ("I'm so lost since I lost my job", ["lost"]),
        ("I hurt so much", ["hurt"]),
        ("I panicked at work", ["panicked"]),
        # Done to the seeker ("me"), the feeling is theirs.
        ("He hurt me", ["hurt"]),
        ("It crushed me", ["crushed"]),
        ("She left me feeling so alone", ["alone"]),
        ("My mom makes me so angry", ["angry"]),
        # A feeling attributed to someone else is not the seeker's.
        ("My mom is so lonely since dad died.", []),
        ("He was angry.", []),
        ("She feels hopeless about her job", []),
        ("They are worried about me", []),
        ("My mom is sad and lonely", []),
        ("I made my mom sad", []),
        ("I have a friend who is so lonely", []),
        ("I know that he is angry", []),
        ("My brother, he is so depressed", []),
        ("I talked to Sarah and she is so upset", []),
        ("His life is hopeless", []),
        ("Mike is lonely.", []),
        ("Everyone is angry at me", []),
        ("My best friend is so depressed and I feel useless", ["useless"]),
        # The seeker's own feeling next to someone else's.
        ("My mom is sick and I'm so lonely", ["lonely"]),
        ("I miss my mom and feel so alone", ["alone"]),
        ("I told my mom I'm sad", ["sad"]),
        ("My life is hopeless", ["hopeless"]),
        ("My heart is broken", ["broken"]),
        ("I'm someone who gets anxious easily", ["anxious"]),
        ("Since my dad died, I feel so alone", ["alone"]),
        ("Everything is hopeless", ["hopeless"]),
        ("It's so lonely here", ["lonely"]),
        ("When you lose a parent you feel so empty", ["empty"]),
        ("Nights are so lonely", ["lonely"]),
        ("This Christmas is so lonely", ["lonely"]),
        ("My sister and I are both depressed", ["depressed"]),
        ("I'm So lonely", ["lonely"]),
        ("I worried that I would fail", ["worried"]),
        ("I feel sad/lonely", ["sad", "lonely"]),
        # A word inside a web address is no feeling.
        ("I posted on reddit.com/r/lonely", []),
        ("I posted on r/lonely", []),
        # "lost" after a team (or anyone else) is what happened to it.
        ("I feel sad that @our_team lost.", ["sad"]),
        ("I feel sad that my team lost.", ["sad"]),
        ("I feel sad that they lost.", ["sad"]),
        ("I feel sad that the team lost.", ["sad"]),
        ("Our team lost and I feel so lost.", ["lost"]),
        ("My team is so stressed.", []),
    ],
)
def test_only_the_seekers_own_feelings_count(seeker: str, expressed: list[str]) -> None:
    assert seeker_feelings(seeker) == expressed


@pytest.mark.parametrize(
    ("seeker", "response", "named"),
    [
        (RELAPSE, "It sounds like the shame is weighing on you.", "shame"),
        (RELAPSE, "You must feel so alone right now.", "alone"),
        ("I'm so lonely since the move.", "You must feel so alone right now.", None),
        ("I'm so ashamed of myself.", "The shame must be so heavy.", None),
        ("I'm exhausted.", "Sorry you're this exhausted.", None),
        (RELAPSE, "You're not alone in this.", None),  # denied
        (RELAPSE, "I'm so sad to hear that.", None),  # the helper's own
        (RELAPSE, "Sorry you lost your streak.", None),  # what happened
        (RELAPSE, "Your sponsor must be worried.", None),  # someone else's
        (RELAPSE, "See r/lonely for others.", None),  # an address
        (RELAPSE, "That is rough.", None),
        (RELAPSE, "Play with things you are scared to do.", None),  # advice
        (RELAPSE, "You should call someone when you feel lonely.", None),
        (RELAPSE, "Maybe talk to someone, you seem so lonely.", "lonely"),
        (RELAPSE, "I think the shame is the heaviest part.", "shame"),  # framed by the helper
        (RELAPSE, "I imagine it's so lonely at night.", "lonely"),
        (RELAPSE, "I can tell you're exhausted.", "exhausted"),
        (RELAPSE, "I think I'm just sad for you.", None),  # the helper's own again
        (RELAPSE, "I feel so sad reading this.", None),
        ("I think I might have depression.", "Because you're depressed?", None),  # an echo
        ("My anxiety is through the roof.", "You must be so anxious.", None),
    ],
)
def test_named_feeling_is_one_given_to_them_they_have_not_written(
    seeker: str, response: str, named: str | None
) -> None:
    assert named_feeling(response, seeker) == named


def _holder_read_back(words: list[str], i: int, person: object) -> object:
    """Whose feeling the word at ``i`` is, read back word by word to the start of its clause
    (the definition :func:`feelings._holders` computes in one pass)."""
    found = None
    crossed = False
    for j in range(i - 1, -1, -1):
        word, before, after = words[j], words[j - 1] if j else "", words[j + 1]
        if word in (",", "and", "or") and before in FEELING_WORDS:
            continue
        if not word[0].isalpha() or word in feelings._HOLDER_BREAKS:
            break
        if word in ("and", "or"):
            crossed = True
            continue
        if word == "who" or (word == "that" and after in feelings._RELATIVE_VERBS):
            return feelings._antecedent(words, j)
        kind = person(j)  # type: ignore[operator]
        if kind is not None:
            if not crossed:
                return kind
            found = kind
    return found


def _tokens(text: str) -> tuple[list[re.Match[str]], list[str]]:
    tokens = list(words.TOKEN.finditer(text))
    return tokens, [words.plain(token.group(0)) for token in tokens]


HOLDER_WORDS = [
    "I", "i'm", "my", "me", "we", "he", "she", "they", "her", "mom", "friend", "Sarah", "Mike",
    "it", "everything", "you", "who", "that", "is", "was", "feels", "and", "or", "but",
    "because", "when", "so", "very", "not", "the", "someone", "a", "person", "Monday", ",",
    ".", ";", "\n", "-", "sad", "lonely", "lost", "hurt", "angry", "scared", "alone", "job",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(HOLDER_WORDS), max_size=40))
def test_holders_read_in_one_pass_are_those_read_back_word_by_word(picked: list[str]) -> None:
    tokens, words = _tokens(" ".join(picked))
    feeling_at = [i for i, word in enumerate(words) if word in FEELING_WORDS]

    def person(j: int) -> object:
        return persons.person(tokens, words, j)

    expected = [_holder_read_back(words, i, person) for i in feeling_at]
    assert feelings._holders(tokens, words, feeling_at) == expected


def test_a_feeling_word_is_only_passed_over_when_reading_back() -> None:
    # Reading back from a feeling word may stop at the one before it only because that one
    # is never a person, a clause break, an "and" or a "who".
    for feeling in FEELING_WORDS:
        for text in (f"my mom {feeling} is", f"and {feeling.capitalize()} is", f"{feeling} was"):
            tokens, words = _tokens(text)
            j = words.index(feeling)
            assert feelings._mark(tokens, words, j) == ("skip", None), text


def test_address_runs_are_found_from_each_feeling_word() -> None:
    text = "see reddit.com/r/sad,lonely and r/sad or sad/lonely @sad sad"
    tokens = [t for t in words.TOKEN.finditer(text) if t.group(0) in FEELING_WORDS]
    runs = feelings._address_runs(text, tokens)
    spans = [None if run is None else text[run[0] : run[1]] for run in runs]
    assert spans == [
        "reddit.com/r/sad,lonely", "reddit.com/r/sad,lonely", "r/sad", None, None, "@sad", None,
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # The full stops of an abbreviation end no sentence ("...at I." was once quoted).
        ("I started at I.B.M. I feel so alone.", ["I started at I.B.M.", " I feel so alone."]),
        ("I work at I.B.M. and I feel alone.", ["I work at I.B.M. and I feel alone."]),
        ("We moved to the U.S.A. last year.", ["We moved to the U.S.A. last year."]),
        # ... while a real sentence end still splits, also without a space or after one letter.
        ("Work is awful.I feel so alone.", ["Work is awful.", "I feel so alone."]),
        ("I got an A. and then I cried", ["I got an A.", " and then I cried"]),
    ],
)
def test_a_sentence_is_not_cut_inside_an_abbreviation(text: str, sentences: list[str]) -> None:
    assert [found.group(0) for found in words.SENTENCE.finditer(text)] == sentences


DOG = "My dog died last week and I can't stop crying."


@pytest.mark.parametrize(
    ("response", "named"),
    [
        # The helper's own sympathy, a remark on what they read, names nothing of theirs.
        ("That's so sad. I'm sorry.", None),
        ("That's really sad news", None),
        ("What a sad day.", None),
        ("How sad. Sorry.", None),
        (f"Oh, that{CURLY}s so sad.", None),
        ("That is really sad for you.", None),
        # ... while a feeling given to them is named, also after "how" or "what a".
        ("That sounds so lonely.", "lonely"),
        ("That must feel lonely.", "lonely"),
        ("How lonely you must feel.", "lonely"),
        ("What a lonely time this must be.", "lonely"),
        ("That's so sad, you must be heartbroken.", "heartbroken"),
    ],
)
def test_the_helpers_remark_that_it_is_sad_names_no_feeling(
    response: str, named: str | None
) -> None:
    """ "That's so sad" was read as naming the seeker's feeling, as "that's" is no one's."""
    assert named_feeling(response, DOG) == named


@pytest.mark.parametrize(
    ("seeker", "expressed"),
    [
        ("I feel so alone here in Lost Springs, Wyoming.", ["alone"]),
        ("I live in Broken Arrow and nobody talks to me.", []),
        ("I'm watching Lost again because I can't sleep.", []),
        ('I keep listening to "Hurt" by Johnny Cash.', []),
        ("I keep reading Lonely Planet guides.", []),
        ("I keep listening to Broken Social Scene.", []),
        ("We went to Sad Hill last year.", []),
        ("Mr. Stressed is my boss's nickname.", []),
        ("Dr. Lonely is my therapist's nickname.", []),
        # First in a sentence, after the seeker's "I'm" / "I feel", or in a title-case or
        # capitals sentence after a linking word, it is still a feeling.
        ("Lonely again tonight.", ["Lonely"]),
        ("Work is awful. Lonely too.", ["Lonely"]),
        ("I'm so Lonely and nobody cares about it", ["Lonely"]),
        ("I Feel So Lonely Tonight", ["Lonely"]),
        ("Feeling Lost\nI don't know what to do anymore.", ["Lost"]),
        ("I'm Watching Lost Again", []),
    ],
)
def test_a_capitalised_feeling_word_inside_a_sentence_is_a_name(
    seeker: str, expressed: list[str]
) -> None:
    """Places, shows, songs and nicknames ("Lost Springs", "Lost", "Hurt") were offered as
    the seeker's feeling."""
    assert seeker_feelings(seeker) == expressed


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Mr. Stressed is my boss. I feel sad.", ["Mr. Stressed is my boss.", " I feel sad."]),
        ("I saw Dr. Lee and Mrs. Hurt.", ["I saw Dr. Lee and Mrs. Hurt."]),
        ("Ask Mr.\nI feel sad.", ["Ask Mr.", "I feel sad."]),
    ],
)
def test_a_title_ends_no_sentence(text: str, sentences: list[str]) -> None:
    assert [found.group(0) for found in words.SENTENCE.finditer(text)] == sentences


@pytest.mark.parametrize(
    ("seeker", "expressed"),
    [
        # Someone else's word for them, denied after it.
        ("Friends say I'm depressed but I'm not", []),
        ("My therapist thinks I'm depressed and I don't agree.", []),
        ("Everyone thinks I'm a failure but I know I'm trying my best.", []),
        (f"My mom says I{CURLY}m lazy and depressed, but I{CURLY}m not.", []),
        # "far from", "anything but", "stopped feeling", "used to" with the present after it.
        ("I'm far from lonely", []),
        ("I'm anything but sad", []),
        ("I stopped feeling anxious after therapy", []),
        ("I used to be depressed but now I'm fine", []),
        ("I used to feel so hopeless, now my life is better.", []),
        ("I used to feel so hopeless. Now my life is better.", []),
        # Not denied: agreed with, in doubt of their own, a later plain use, no contrast.
        ("My therapist says I'm depressed and she's right.", ["depressed"]),
        ("I think I'm depressed but I'm not sure.", ["depressed"]),
        ("I used to be depressed and it's coming back.", ["depressed"]),
        ("I used to feel lonely, now I feel lonely all the time.", ["lonely"]),
        ("I can't stop feeling sad", ["sad"]),
        ("I haven't stopped feeling anxious since the crash.", ["anxious"]),
        ("I never stopped feeling lonely after she left.", ["lonely"]),
        ("I live far from home and I'm lonely", ["lonely"]),
        ("I used to be happy, now I'm so sad.", ["sad"]),
    ],
)
def test_feelings_denied_after_or_left_behind_are_not_theirs(
    seeker: str, expressed: list[str]
) -> None:
    """A negation was only read forward, so feelings others gave them and they denied, and
    feelings of the past, were offered as theirs."""
    assert seeker_feelings(seeker) == expressed


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("I feel so alone\u2026 Nobody calls", ["I feel so alone\u2026", " Nobody calls"]),
        ("I feel so alone\rNobody calls", ["I feel so alone", "Nobody calls"]),
        ("I feel so alone\u2028Nobody calls", ["I feel so alone", "Nobody calls"]),
        ("\u6211\u5f88\u7d2f\u3002I feel alone", ["\u6211\u5f88\u7d2f\u3002", "I feel alone"]),
        ("I lost 2.5 years.", ["I lost 2.5 years."]),
    ],
)
def test_sentences_end_where_the_rationale_spans_end(text: str, sentences: list[str]) -> None:
    """The feedback's sentences end at the marks and line breaks that end a rationale span
    (carelens.text): an ellipsis character, a lone CR, U+2028, a CJK full stop."""
    assert [found.group(0) for found in words.SENTENCE.finditer(text)] == sentences
