"""Whose words an unsafe reply's words are (:mod:`carelens.analysis.unsafe_frames`,
:mod:`carelens.analysis.unsafe_sayings`): the writer's own urging, in Markdown's marks or in
quotation marks too, or what someone else said (reported, quoted beside a speech tag, a title,
code, a list under a report). One table of each, by what frames the words."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import carelens.analysis.unsafe_frames as unsafe_frames
import carelens.analysis.unsafe_sayings as unsafe_sayings
import carelens.analysis.unsafe_wording as unsafe_wording
from carelens.analysis.unsafe import _spans, unsafe_spans


def found(response: str) -> list[str]:
    return [response[s.start : s.end] for s in unsafe_spans(response)]


def _imported(module: object) -> set[str | None]:
    tree = ast.parse(Path(str(getattr(module, "__file__", ""))).read_text(encoding="utf-8"))
    return {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}


def test_the_frames_and_the_wording_do_not_import_the_reading() -> None:
    """The reading (:mod:`carelens.analysis.unsafe`) reads the wording, the frames and the
    sayings; they read nothing of it, and the wording nothing of the frames, so the modules
    import in one direction only."""
    reading = "carelens.analysis.unsafe"
    assert reading not in _imported(unsafe_frames)
    assert reading not in _imported(unsafe_sayings)
    assert not {reading, "carelens.analysis.unsafe_frames", "carelens.analysis.unsafe_sayings"} & (
        _imported(unsafe_wording)
    )
    assert "carelens.analysis.unsafe_frames" not in _imported(unsafe_sayings)


@pytest.mark.parametrize(
    ("response", "words"),
    [
        # --- the writer's own emphasis, nested or mismatched too, or one that none closes
        ("nobody likes you. *kill yourself*", ["kill yourself"]),
        ("you should **kill yourself**", ["you should **kill yourself"]),
        ("honestly just _kys_", ["kys"]),
        ("**kill yourself** loser", ["kill yourself"]),
        ("just *kill yourself*", ["just *kill yourself"]),
        ("_just die_ already", ["just die"]),
        ("~~kill yourself~~ nobody would care", ["kill yourself"]),
        ("**kill yourself** is my advice", ["kill yourself"]),  # a verb, but the writer's claim
        ("I said *kys* and I meant it", ["kys"]),  # a report with the writer as its speaker
        ("nobody likes you. ***kill yourself***", ["kill yourself"]),
        ("nobody likes you. **_kill yourself_**", ["kill yourself"]),
        ("nobody likes you. *__kill yourself__*", ["kill yourself"]),
        ("nobody likes you. ~~*kill yourself*~~", ["kill yourself"]),
        ("nobody likes you. **kill yourself*", ["kill yourself"]),
        ("nobody likes you. *kill yourself**", ["kill yourself"]),
        ("nobody likes you. *kill yourself", ["kill yourself"]),
        ("nobody likes you. **kill yourself", ["kill yourself"]),
        ("you should *kill yourself", ["you should *kill yourself"]),
        ("honestly just _kys", ["kys"]),
        ("*kill yourself\nloser*", ["kill yourself"]),  # emphasis does not span lines
        # a span covers the words and the marks between them, not those around them
        ("*kill* yourself", ["kill* yourself"]),
        # --- emphasis that is no title
        ("nobody likes you. *Kill Yourself*", ["Kill Yourself"]),
        ("*kill yourself* by tonight", ["kill yourself"]),
        ("*Kill Yourself* by Friday, loser", ["Kill Yourself"]),
        ("*Kill Yourself* by jumping off a bridge", ["Kill Yourself"]),
        ("nobody likes you. *kill yourself (seriously)*", ["kill yourself"]),
        ("nobody likes you. *KILL YOURSELF (NOW)*", ["KILL YOURSELF"]),
        # --- code marks without a label that names such words, or beside little else
        ("go `kill yourself`", ["go `kill yourself"]),
        ("`kys`", ["kys"]),
        ("My words: `kys`", ["kys"]),
        ("My advice: `kill yourself`", ["kill yourself"]),
        ("```\nkys\n```", ["kys"]),
        ("I am so sorry this happened.\n```\nkys", ["kys"]),  # a fence left open
        ("I am so sorry this happened.\n````\nkys\n```", ["kys"]),  # a shorter fence
        ("nobody likes you.\n```\nkys\n``` lol", ["kys"]),  # words after a fence: none
        # --- quotation marks around the writer's own sentence, or beside little else
        ('"kill yourself"', ["kill yourself"]),
        ('lol "kys"', ["kys"]),
        ('lol "kill yourself"', ["kill yourself"]),
        ('"kill yourself". that\'s my answer', ["kill yourself"]),
        ('"kys". that\'s my answer', ["kys"]),
        ("\u201cgo hurt yourself\u201d. My honest advice.", ["go hurt yourself"]),
        ('nobody likes you.\n"kill yourself"\nthat is all I have to say', ["kill yourself"]),
        ('"Kill yourself." That\'s what I would tell you.', ["Kill yourself"]),
        ('"kys". these are my words to you', ["kys"]),
        ("*kill yourself*. nobody would hear you anyway", ["kill yourself"]),
        # no speech tag: the writer's own "enough said", "said it" with nobody saying it
        ('"kill yourself". enough said.', ["kill yourself"]),
        ('"kys". said that.', ["kys"]),
        ('"kys" "kys" he said', ["kys"]),  # a tag frames only the quotation beside it
        # --- the writer's own saying, said again, in quotation marks too however many words
        # the reply holds: these were mentions beside three words of the writer's own
        ('"Kill yourself," I said.', ["Kill yourself"]),
        ('"Kill yourself," said I.', ["Kill yourself"]),
        ('I said, "Kill yourself."', ["Kill yourself"]),
        ('"Kill yourself," I said. And I meant every word of it.', ["Kill yourself"]),
        ('You asked for my honest answer. "Kill yourself," I said.', ["Kill yourself"]),
        ('I said, "Kill yourself." And I meant every word of it.', ["Kill yourself"]),
        ('"kys," I told him, and I meant it.', ["kys"]),
        ('like I said, "kys"', ["kys"]),
        ('Like I said: "kys"', ["kys"]),
        ('I told you, "kys"', ["kys"]),
        ('I told you already, "kys"', ["kys"]),
        ('As I said before, "kys"', ["kys"]),
        ('I have told you, "just die"', ["just die"]),
        ("like I said, kys", ["kys"]),
        ("I wrote: kys", ["kys"]),
        ("This is what I said: kys", ["kys"]),
        # --- a saying framed as the writer's, to be done or heard now
        ("Let me tell you: kill yourself", ["kill yourself"]),
        ("I want to tell you: kill yourself", ["kill yourself"]),
        ("I must say: kill yourself", ["kill yourself"]),
        ("I should tell you: kys", ["kys"]),
        ("All I can say: kill yourself", ["kill yourself"]),
        ("Gotta say: kys", ["kys"]),
        ("Lemme tell ya: kys", ["kys"]),
        ("I just want to say: go kill yourself", ["go kill yourself"]),
        ("I'm going to say it: just die", ["just die"]),
        ("someone should tell you: kill yourself", ["kill yourself"]),
        ("Let me tell you: *kill yourself*", ["kill yourself"]),
        ("Here's what you need to hear: *kill yourself*", ["kill yourself"]),
        ("You deserve to hear it: *just die*", ["just die"]),
        ("People like you need to hear *kys* more often", ["kys"]),
        ("Let me tell you this. *kys*", ["kys"]),
        ('Let me tell you: "kys"', ["kys"]),
        ('someone should tell you: "kill yourself"', ["kill yourself"]),
        ("My advice: kill yourself", ["kill yourself"]),
        # --- a saying the writer asks someone to pass on: these were reports
        ("Can you tell him: kys", ["kys"]),
        ("could you tell him: kill yourself", ["kill yourself"]),
        ("could someone tell her: just die", ["just die"]),
        ("Will you tell her: just die", ["just die"]),
        ('Can you tell him "kys" from me', ["kys"]),
        ("Can you tell him *kys*", ["kys"]),
        ("Can you tell him:\n- kys", ["kys"]),
        # --- a list under the writer's own line
        ("Here's my advice:\n- kill yourself", ["kill yourself"]),
        ("- kill yourself", ["kill yourself"]),
        ("I told him:\n- kill yourself", ["kill yourself"]),
        ("Here's what I'd tell you:\n- kill yourself", ["kill yourself"]),
        ("Here's what we would say:\n* just die", ["just die"]),
        ("My ex texted me:\n- kill yourself\n\nMy advice:\n- just die", ["just die"]),
        ("Let me tell you:\n- kill yourself", ["kill yourself"]),
        ("I must say:\n- just die\n- nobody cares", ["just die"]),
    ],
)
def test_the_writers_own_words_urge(response: str, words: list[str]) -> None:
    assert found(response) == words


@pytest.mark.parametrize(
    "response",
    [
        # --- emphasis after a report, before a verb that makes it its subject, a noun for such
        # words or words that tell who said it; a title
        "Some troll wrote: *kill yourself*.",
        "Some troll wrote: *kill yourself",
        "someone told me *kys* yesterday",
        "someone told me *kys",
        "~kys~ is what they wrote",
        "*kill yourself* is what he said to you",
        "Your ex said, **go kill yourself**, and that was abuse.",
        "The replies (`kys`, `just die`) were vile and I reported them.",
        "*Kill Yourself (Part III)* by $uicideboy$ is a great song.",
        "*Kill Yourself (Part III)* got me through my worst year.",
        "Try *Just Die Already* by some band, it's weirdly comforting.",
        "*Kill yourself* - that's what my bully used to say. It's not true.",
        "*kys* - what a horrible thing to write to you",
        "*kys* comments are cruel",
        "He texted me this.\n*kill yourself*\nI am so sorry.",
        "*kill yourself*. That's what he told me, and it was cruel.",
        # --- a negation in marks or before them
        "you should *never* kill yourself",
        "**Don't** kill yourself",
        # --- code: in code marks, or under a label that names such words beside little else
        "The mod bot blocks `kys` and `kill yourself` automatically",
        "Add these to the automod filter: `kys`, `kill yourself`",
        "Use ``kill yourself`` as the test string in the filter",
        "Filter words: ``kill yourself``, ``kys``",
        "Filter words: `kill yourself`, `kys`",
        "Blocked phrases:\n```\nkys\n```",
        "Banned terms: `kys` / `just die`",
        "The bot filters:\n```\nkys\n```\nand more.",
        "Add these to the automod list:\n```text\nkys\nkill yourself\n```",
        "I am so sorry this happened.\n~~~\njust die\n~~~",
        "I am so sorry this happened.\n   ````\nkys\n   ````  ",
        "I am so sorry this happened.\n```\n```py\nkys\n```",  # an info string: code, no end
        # --- a quotation someone else said, or that a speech tag frames beside few words
        'He said "kill yourself" to me',
        'He said "kys" to me',
        'someone told me "kys"',
        '"kill yourself" is what they wrote',
        '"Kill yourself." That\'s what he told me, and it was cruel.',
        '"Kill yourself." my ex texted me. I am so sorry.',
        'Some troll wrote:\n"kill yourself"\nI am so sorry, nobody deserves that.',
        'I am so sorry. "Kill yourself" is a horrible thing to hear.',
        'Your ex said, "go kill yourself", and that was abuse.',
        'The "just die" messages are lies.',
        '"Kill yourself."\nThat\'s what my dad said to me when I was 15. You will get through it.',
        '"Kill yourself." Those words hurt, I know.',
        '"Just die." That comment was cruel and I reported it.',
        '"Kill yourself." No one deserves to be told that.',
        '"Kill yourself," he said. That must have hurt.',
        '"Kill yourself", she wrote. I am so sorry.',
        'He texted me this. "Kill yourself."',
        '"Kill yourself," he said.',
        '"Kill yourself", he said.',
        '"Kill yourself!" he screamed.',
        '"Kill yourself." he said.',
        '"Kill yourself" he said',
        'He said, "Kill yourself."',
        'She said "kill yourself"',
        'Tom said, "Kill yourself."',
        '"Kill yourself," said he.',
        '"Kill yourself," said Tom.',
        '"Kill yourself." Said my brother.',
        "\u201cKill yourself,\u201d he said.",
        "\u201cKill yourself!\u201d she screamed.",
        "She said, \u201cKill yourself.\u201d",
        '"kys" he said',
        '"Kill yourself," he said, "nobody cares."',
        "*kill yourself*, he said.",
        "*kys* he said",
        # --- the writer's saying, but negated, someone else's habit, or a subject; a reproach
        'I would never say "kys" to anyone.',
        'I\'d never tell you "kill yourself", you matter.',
        'My bully used to say "kys" every day.',
        'My bully used to say: "kys"',
        'I said "kys" is a slur and should be banned.',
        'I told them "kys" was a horrible thing to say',
        'Why would you tell him "kys"? That is cruel.',
        'How could you tell him "kys"? That is cruel.',
        'Would you tell a friend "just die"? No.',
        "why would you tell him: kys",
        "How can you tell him: kys",
        "Did he tell you: kys?",
        "Can you believe he told me: kys",
        "Can people say: kys",
        # --- reported speech, with a colon too
        "Some troll wrote: kill yourself",
        "They texted me: kys. That is cruel.",
        "he said: kill yourself",
        "they wrote: kys",
        "someone told me: kill yourself",
        "my ex texted me: kys",
        "people say: just die",
        "My bully used to say: kys",
        "Nobody deserves to hear *just die*.",
        "No one should ever have to read *kys*.",
        "You should never have to hear *kill yourself* from anyone.",
        # --- a list under a report of someone else's words
        "My ex texted me:\n- kill yourself\n- nobody wants you",
        "Someone commented on my post:\n\n* kys\n* just die\n\nIs that normal?",
        "They told me this:\n1) go hurt yourself\n2) nobody likes you",
        "My ex texted me: - kill yourself - nobody wants you",
    ],
)
def test_someone_elses_or_negated_words_urge_nothing(response: str) -> None:
    assert found(response) == []


@pytest.mark.parametrize(
    "response",
    [
        # once urging: only "is", "was", "means" and their like made the quotation a subject
        'Like I said, "kys" hurts. How are you holding up?',
        'I told you "kys" would get them banned, and it did.',
        'Like I said, "kys" got him suspended.',
        'Like I said, "kys" doesn\'t define you.',
        'I told you, "kys" never helps anyone',
        'I said "kys" can get you banned from the server.',
        'I told you "kys" gets you banned, so report it.',
        'Like I said, "kys" hurt you, and that matters.',
        "*kys* hurts, I know",
    ],
)
def test_the_writers_saying_before_a_verb_that_makes_it_its_subject_urges_nothing(
    response: str,
) -> None:
    assert found(response) == []


@pytest.mark.parametrize(
    "response",
    [
        'like I said, "kys"',
        'I told you, "kys"',
        'Like I said, "kys". Nobody would miss you.',
        'Like I said, "kys." Nobody would miss you.',
        'I told you "kys" do it',  # a bare form: an imperative
        'like I said, "kys" hurt yourself',
        'I said "kys" did you hear me?',  # a verb before a pronoun asks
        'I told you "kys" will you listen',
        'like I said "kys" would be best',  # the writer's own claim
        'like I said, "kys" would solve everything',
        'Like I said, "kys" guys',
        'I said "kys" pls',
        "**kill yourself** is my advice",
        # the writer's praise of the words: no verb of harm or of a rule broken
        'Like I said, "kys" would make everyone happier.',
        'I told you "kill yourself" might be your best option.',
        'I told you "kill yourself" sounds like a plan to me.',
        'Like I said, "kys" works, trust me.',
        'Like I said, "kys" feels right for you.',
        'Like I said, "kys" would be for the best.',
        'Like I said, "kys" can\'t hurt.',
        'Like I said, "kys" takes one second.',
    ],
)
def test_the_writers_saying_before_no_verb_of_its_own_urges(response: str) -> None:
    assert found(response) == ["kill yourself" if "kill" in response else "kys"]


def test_many_fences_are_read_once() -> None:
    # 20,000 fences that open and never close: each searched the 200 lines after it.
    assert found("```a\nx\n" * 20_000 + "kys") == ["kys"]


def test_a_long_run_of_marked_words_is_read_once() -> None:
    """The words after each of many marked words were read to the end of their run, and the
    spaces between them split every way: 20,000 of them never finished."""
    assert found("**x** " * 20_000 + ". kill yourself") == ["kill yourself"]
    assert found("*a* and " * 20_000 + "kill yourself") == ["kill yourself"]
    assert found("I am sorry. " + "`k`, " * 20_000 + "`kill yourself` is what they wrote") == []


_MARKED_PIECES = [
    *("*", "**", "_", "~", "`", "``", "```", "~~~", "\n", "kill", "yourself", "kys", "just"),
    *("die", "Filter", "words:", "n.e.v.e.r.", ".", "someone", "told", "me", "go", "*kill"),
    *("yourself*", "`kys`", "so", "sorry", "d-i-e", "k1ll", "\u0435", '"kys"', "he", "said"),
    *("said,", "Tom", "I", "like", "can", "you", "tell", "him:", "*kill*"),
]


@given(st.lists(st.sampled_from(_MARKED_PIECES), max_size=16).map(" ".join))
def test_marked_text_gives_valid_spans_and_the_quick_reading_hides_none(response: str) -> None:
    """The spans lie in the reply, in order, and leave out the marks around marked words
    ("*kill* yourself" gives "kill* yourself")."""
    spans = unsafe_spans(response)
    previous = 0
    for span in spans:
        assert previous <= span.start < span.end <= len(response)
        assert response[span.start] not in "*_~`" and response[span.end - 1] not in "*_~`"
        previous = span.end
    assert spans == _spans(response, quick=False)
