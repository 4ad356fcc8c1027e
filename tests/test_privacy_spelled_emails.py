"""E-mail addresses written out to dodge scrapers (``carelens.privacy_spelled_emails``).

Found in a review (session 33): "anon dot helper at example dot com", "sam [at] example
[dot] org" and the like were left as they were. An "at" and a domain with its dots written
as words, ending in a known top-level domain, is read as an address here; prose with "at"
and "dot" in it ("i was at home dot dot dot", "she works at amazon dot com") stays.
"""

from __future__ import annotations

import pytest

from carelens.privacy import find_personal, redact
from carelens.privacy_spelled_emails import _hinted


def found(text: str) -> list[tuple[str, str]]:
    return [(r.kind, r.text) for r in find_personal(text)]


# (text, the address found)
SPELLED = [
    ("anna dot kowalski at gmail dot com", "anna dot kowalski at gmail dot com"),
    ("sam [at] example [dot] org", "sam [at] example [dot] org"),
    ("j.smith (at) mail (dot) co (dot) uk", "j.smith (at) mail (dot) co (dot) uk"),
    ("name at gmail dot com", "name at gmail dot com"),
    (
        "You can write to me at anon dot helper at example dot com if you'd rather not post.",
        "anon dot helper at example dot com",
    ),
    ("kim AT example DOT com", "kim AT example DOT com"),
    ("anna{at}gmail{dot}com", "anna{at}gmail{dot}com"),
    ("mail sam <at> example <dot> com please", "sam <at> example <dot> com"),
    ("sam[at]example.org", "sam[at]example.org"),
    ("my email is sam at example dot org.", "sam at example dot org"),
    ("reach me: lily at protonmail dot com", "lily at protonmail dot com"),
    ("mike_r at yahoo dot co dot uk", "mike_r at yahoo dot co dot uk"),
    ("jane.doe at outlook dot com", "jane.doe at outlook dot com"),
    ("sam at example [.] com", "sam at example [.] com"),
    ("(jo ( at ) example ( dot ) net)", "jo ( at ) example ( dot ) net"),
]


@pytest.mark.parametrize(("text", "address"), SPELLED)
def test_an_address_written_out_is_an_email(text: str, address: str) -> None:
    assert found(text) == [("email", address)]
    assert redact(text) == text.replace(address, "[email]")


# Prose with "at" and "dot" in it.
PROSE = [
    "i was at home dot dot dot",
    "look at that dot",
    "at least one dot",
    "meet me at the gym dot com",
    "meet me at gym dot com",
    "she works at amazon dot com now",
    "I worked at a dot com startup",
    "the dot com bubble",
    "I'm at work dot com lol",
    "bad at math dot com",
    "sitting at home dot com",
    "I WAS AT HOME DOT COM",
    "check out my blog at medium dot com",
    "join at discord dot gg",
    "he was at the park dot org meeting",
    "connect the dots at school",
    "say hi at sam dot me",
    "a dot at the end (at last)",
]


@pytest.mark.parametrize("text", PROSE)
def test_prose_with_at_and_dot_stays(text: str) -> None:
    assert [kind for kind, _ in found(text)] == []


def test_an_at_before_a_domain_with_plain_dots_is_as_before() -> None:
    """ "at" written plainly with a domain of plain dots: the domain is a web address."""
    assert redact("lily at gmail.com") == "lily at [url]"


def test_only_texts_with_a_dot_or_a_bracketed_at_are_read() -> None:
    assert not _hinted("I honestly feel so tired of everything lately (at times)")
    assert not _hinted("look at that :)")
    for text, _ in SPELLED:
        assert _hinted(text)
