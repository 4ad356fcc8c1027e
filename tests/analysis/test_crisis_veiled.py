"""The veiled cues joined to the scan (:mod:`carelens.analysis.crisis_veiled`, and their words
in :mod:`carelens.analysis.crisis`): each veiled pattern comes with the words one of its cues
must hold (``SCREENED``), so the quick scan, which skips a pattern in a message without such a
word, finds what a scan of every pattern finds; a passive wish is read with the hyperbole
laughed off."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carelens.analysis.crisis import _lowered, _scanned, crisis_cues
from carelens.analysis.crisis_affairs import AFFAIRS
from carelens.analysis.crisis_burden import BURDEN
from carelens.analysis.crisis_context import CONTEXT_CHECKS
from carelens.analysis.crisis_found_after import FOUND_AFTER
from carelens.analysis.crisis_harm_now import HARM_NOW
from carelens.analysis.crisis_masked_words import MASKED_WORDS
from carelens.analysis.crisis_means_questions import HOW_DEEP, MEANS_QUESTIONS
from carelens.analysis.crisis_meant import MEANT
from carelens.analysis.crisis_not_around import NOT_AROUND
from carelens.analysis.crisis_others_danger import OTHERS_DANGER
from carelens.analysis.crisis_others_now import OTHERS_NOW
from carelens.analysis.crisis_passive import PASSIVE
from carelens.analysis.crisis_patterns import PATTERNS, SCREENED
from carelens.analysis.crisis_plans import PLANS
from carelens.analysis.crisis_preparations import PREPARATIONS
from carelens.analysis.crisis_screen import alternatives
from carelens.analysis.crisis_self_harm_back import SELF_HARM_BACK
from carelens.analysis.crisis_step_off import STEP_OFF
from carelens.analysis.crisis_veiled import with_veiled
from carelens.analysis.crisis_veiled_joins import NEWER_SELF_HARM, NEWER_SUICIDE
from carelens.analysis.crisis_ways_out import WAYS_OUT
from carelens.analysis.crisis_welcomed import WELCOMED

#: Cues and near misses of every veiled module, and texts that mix them with other cues.
TEXTS = [
    "i wrote letters for after. they're in my desk drawer",
    "Left notes for my family so they'll find them tomorrow morning.",
    "scheduled an email to my sister for when it won't matter anymore",
    "gave my guitar and my books to my cousin. i won't need them",
    "bought paracetamol at three different shops so nobody notices",
    "every night i count my pills and line them up on the desk",
    "cant do this anymore. i have the pills in front of me",
    "went up to check if the roof access door is unlocked. would it be high enough",
    "looked up the tide times. i know when i'm going",
    "i've decided. sunday.",
    "i keep staring at the bottle of pills in the cabinet. tonight might be the night",
    "how many benadryl is too many, not asking for a friend",
    "how high does a building have to be so you don't survive",
    "i just wish a bus would hit me",
    "wouldn't be so bad if i crashed on the way home",
    "my mum died in march. i want to be wherever she is",
    "i wish they hadn't pulled me back",
    "i'm gonna d* it tonight",
    "I'm going to d*e tonight",
    "he sent me a photo of pills and the word goodbye",
    "she posted she's standing on a bridge and this is her last message",
    "my friend told me 'you won't have to deal with me much longer'",
    "i used to cut but i stopped two years ago. today i really wanted to again",
    "i still keep a blade hidden just in case",
    "people keep asking if i'm suicidal... i'm not",
    "giving away clothes before we move house",
    "how many eggs is too many for one person in a week",
    "i wish the bus would come on time for once",
    "my friend won't be around for christmas, she's flying to her parents",
    "I want to die. I wrote letters for after and gave my cat away, i won't need her.",
    "someone told me to k**l myself and honestly i agree. tonight's the night, i have the pills",
    "**I wish they hadn't pulled me back** and i still keep a blade hidden just in case",
    # full-width letters
    "\uff29 \uff57\uff49\uff53\uff48 \uff41 \uff42\uff55\uff53 \uff57\uff4f\uff55\uff4c\uff44 "
    "\uff48\uff49\uff54 \uff4d\uff45",
    "i wish a bus would hit me \u2014 \u0442\u043e\u0436\u0435",
    # the writer's time told as ending, a burden lifted, death talk owned as meant, a word that
    # starts inside another's ("around" in "be around")
    "i'm not gonna be around much longer. standing on the bridge, i don't think i'll step back",
    "thank you all for everything. take care of each other. it's been real",
    "they'd save so much if i stopped existing. soon they won't have to deal with me",
    "picked the song for my funeral. not really joking. might find out soon",
    "whats the least painful way. how deep would a cut have to be to be fatal",
    "relapsed last night and i can't stop. i'm so tired of waking up",
    "she has a blade in her bag and plans to use it on herself tonight",
    "she's saying she's cut really badly and won't call anyone. what do i do",
    "my last post. thanks for the good times. if i'm not online tomorrow, just know i tried",
    "is the railway bridge quiet after midnight? don't ask why. looked up how high it is",
    "i've started hoping the lump is cancer. it wouldn't be the worst thing if i just died",
    "need my will sorted before thursday, after that it won't matter. promise you'll keep him",
    "sat with a bag of pills for an hour. which meds would be enough, putting aside my tablets",
    "snapping the hair tie on my wrist so hard it's bleeding, digging my nails into my arms",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_quick_scan_finds_what_every_pattern_finds(text: str) -> None:
    assert _scanned(text, quick=True) == _scanned(text, quick=False)


_WORDS = sorted({word for text in TEXTS for word in text.split()})


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=30).map(" ".join))
def test_the_words_screens_never_hide_a_cue(text: str) -> None:
    assert _scanned(text, quick=True) == _scanned(text, quick=False)


def test_every_veiled_pattern_has_its_words() -> None:
    """Each veiled module's patterns are read by their words (``SCREENED``), spelled in lower
    case, each alternative opening with a letter or an apostrophe (what the grouping of the
    words by their first character needs), and no other pattern is spelled as one of them."""
    veiled = (*PREPARATIONS, *PLANS, *MEANS_QUESTIONS, *PASSIVE, *MASKED_WORDS, *OTHERS_NOW)
    veiled += (*NOT_AROUND, *BURDEN, *MEANT, *FOUND_AFTER, *STEP_OFF)
    veiled += (*WELCOMED, *OTHERS_DANGER, *AFFAIRS, *WAYS_OUT, *NEWER_SUICIDE)
    assert set(SCREENED) == {*veiled, *SELF_HARM_BACK, *HOW_DEEP, *HARM_NOW, *NEWER_SELF_HARM}
    in_order = [p for patterns in PATTERNS.values() for p in patterns]
    for pattern, words in SCREENED.items():
        assert in_order.count(pattern) == 1
        assert words == words.lower()
        assert all(re.match(r"[a-z']", alternative) for alternative in alternatives(words))


ROOT = Path(__file__).resolve().parents[2]


def _texts_of_the_crisis_tests() -> list[str]:
    """Every string written in the crisis tests and every message of the project's crisis
    sets, lower-cased: thousands of cues and near misses."""
    texts: set[str] = set()
    for module in sorted((ROOT / "tests" / "analysis").glob("test_crisis*.py")):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                texts.add(node.value)
    sets = [*(ROOT / "annotations").glob("crisis-written-*/*.jsonl")]
    sets += [*(ROOT / "tests" / "data" / "analysis").glob("crisis_*.jsonl")]
    for path in sets:
        with path.open(encoding="utf-8") as fh:
            texts.update(json.loads(line)["text"] for line in fh if line.strip())
    return sorted(text.lower() for text in texts if text.isascii())


def _cue_of(pattern: re.Pattern[str], text: str) -> bool:
    """Whether ``pattern`` finds a match in ``text`` that its check of the words around
    keeps (:data:`~carelens.analysis.crisis_context.CONTEXT_CHECKS`)."""
    check = CONTEXT_CHECKS.get(pattern.pattern)
    return any(check is None or check(text, *m.span()) for m in pattern.finditer(text))


def test_a_message_a_veiled_pattern_finds_a_cue_in_holds_its_words() -> None:
    """The words each veiled pattern is read by are ones every message with a cue of it
    holds: over every text of the crisis tests and sets, a pattern that finds a cue (its
    match, kept by its check) is one the screen asks for. The screen may ask for more; it
    must never leave such a pattern out."""
    patterns = _lowered()
    compiled = {
        i: re.compile(p, re.DOTALL) for i, (_, p) in enumerate(patterns.sources) if p in SCREENED
    }
    texts = _texts_of_the_crisis_tests()
    assert len(texts) > 3000
    missed = [
        (text, patterns.sources[i][1])
        for text in texts
        for i in compiled.keys() - patterns.words.needed(text)
        if _cue_of(compiled[i], text)
    ]
    assert missed == []


def test_a_passive_wish_is_read_with_the_laugh() -> None:
    joined = with_veiled({})
    text = "this exam was so bad i wish a bus would hit me lol"
    found = [m for p in PASSIVE for m in re.finditer(p, text)]
    assert found
    assert not any(joined[m.re.pattern](text, *m.span()) for m in found)
    assert crisis_cues("i wish a bus would hit me lol")
