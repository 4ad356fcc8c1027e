"""User names named by a platform word (``carelens.privacy_platform_handles``).

Found in a review (session 33): a handle was found only after "@", "u/" or "/u/", so "Snap
me: sunflower_kid22", "my discord is lily.22", Discord's "nightowl#4821", "LINEのIDは
yuki_0312 です" and "微信号: lihua_1990" kept the name. What a platform word says about the
word after it is read here, and what it does not ("my snap is broken", "discord: the server
got nuked lol") stays.
"""

from __future__ import annotations

import pytest

from carelens.privacy import find_personal, redact
from carelens.privacy_platform_handles import _names_a_platform, _shape, platform_handles


def found(text: str) -> list[tuple[str, str]]:
    return [(r.kind, r.text) for r in find_personal(text)]


# (text, the name found): each after a platform word, the span the name alone.
NAMED = [
    # a user name's shape: after any platform word, with any link
    ("my snap is sadgirl_22", "sadgirl_22"),
    ("snapchat: sadgirl_22 if you wanna talk", "sadgirl_22"),
    ("add me on discord: nightowl#4821", "nightowl#4821"),
    ("kik: davey_b_1987", "davey_b_1987"),
    ("psn id: ghost_88", "ghost_88"),
    ("xbox: ghost_rider88", "ghost_rider88"),
    ("wechat: lihua_1990", "lihua_1990"),
    ("reddit username is quiet_fern", "quiet_fern"),
    ("Snap me: sunflower_kid22", "sunflower_kid22"),
    ("snap - sadgirl_22", "sadgirl_22"),
    ("insta is jay.r_art", "jay.r_art"),
    ("telegram sunny0917 works best for me", "sunny0917"),
    ("My SNAPCHAT is SadGirl_22", "SadGirl_22"),
    ("**Discord:** nightowl#4821", "nightowl#4821"),
    ("my snap is **sadgirl_22** btw", "sadgirl_22"),
    # a shape that may be a user name: where the words say whose account it is ...
    ("my discord is lily.22", "lily.22"),
    ("you can add my snap emma.xlea i know music wont help", "emma.xlea"),
    ("my psn is sam22 but i rarely play", "sam22"),
    ("find me on insta as jay.r", "jay.r"),
    ("my kik is davey.b and my ig is jay.r", "davey.b"),
    # ... or after ":" or "is" at the end of a clause
    ("snapchat: jay.r", "jay.r"),
    ("steam: xXgrimXx", "xXgrimXx"),
    ("tiktok: lily22.", "lily22"),
    ("snapchat: jay.r, kik: davey_b", "jay.r"),
    # a plain word: after ":" where the words say whose account it is, or a word for the name
    ("add me on kik: davey", "davey"),
    ("my snap: lily", "lily"),
    ("psn id: ghost", "ghost"),
    ("discord tag: nightowl", "nightowl"),
    ("my gamertag is ghost", "ghost"),
    ("my snapchat username is lilyrose", "lilyrose"),
    ("hmu on discord: Nightowl", "Nightowl"),
    # ... or after "is" with a capital
    ("my gamertag is Ghost", "Ghost"),
    ("my discord is Nightowl if anyone wants to talk", "Nightowl"),
    # Chinese, Japanese and Korean words for the platform and its id
    ("LINEのIDは yuki_0312 です", "yuki_0312"),
    ("LINE IDはyuki_0312です", "yuki_0312"),
    ("카톡 아이디 sunny0917", "sunny0917"),
    ("카톡 아이디는 sunny0917이에요", "sunny0917"),
    ("카카오톡 ID: sunny0917", "sunny0917"),
    ("微信号: lihua_1990", "lihua_1990"),
    ("我的微信是lihua_1990", "lihua_1990"),
    ("微信\uff1alihua", "lihua"),
    ("インスタのIDはyuki.0312です", "yuki.0312"),
    # the name before the platform word; a Discord tag on its own
    ("I'm sadgirl_22 on snap", "sadgirl_22"),
    ("hit me up nightowl#4821", "nightowl#4821"),
]


@pytest.mark.parametrize(("text", "name"), NAMED)
def test_a_name_after_a_platform_word_is_a_handle(text: str, name: str) -> None:
    assert ("handle", name) in found(text)
    assert "[handle]" in redact(text)
    assert name not in redact(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my snap is sadgirl_22", "my snap is [handle]"),
        ("add me on discord: nightowl#4821 :)", "add me on discord: [handle] :)"),
        ("LINEのIDは yuki_0312 です", "LINEのIDは [handle] です"),
        ("카톡 아이디는 sunny0917이에요", "카톡 아이디는 [handle]이에요"),
        ("my snap is _sadgirl_22_", "my snap is _[handle]_"),  # Markdown's "_" stays
        ("my snap is sadgirl\\_22", "my snap is [handle]"),  # Reddit's escape, read past
        ("my ig is @jay.r", "my ig is [handle]"),  # the "@" handle, as before
        ("İstanbul now, my snap is sadgirl_22", "İstanbul now, my snap is [handle]"),
    ],
)
def test_the_span_is_the_name_alone(text: str, expected: str) -> None:
    assert redact(text) == expected
    assert redact(expected) == expected


# What a platform word does not name: a state, a description, a thing, no name at all.
NOT_NAMED = [
    "my snap is broken",
    "snapchat is down",
    "discord: the server got nuked lol",
    "steam: sale starts tomorrow",
    "my insta is private",
    "my discord is dead",
    "add me on discord if you want",
    "psn is down again",
    "kik is dead",
    "my snap got hacked",
    "my snap is so dry lately",
    "My Insta is Private.",
    "my insta is art",
    "my insta is full of pics of my ex",
    "my discord server is toxic",
    "my discord username is changing",
    "my ig: none, deleted it",
    "add me on snapchat lol",
    "add me on snap tho",
    "add me on steam, same name",
    "discord: 3 people online",
    "discord: everyone ignores me",
    "my discord: people are mean",
    "my insta: pictures of my cat",
    "snapchat: 10pm every night",
    "snapchat: 2019 was the year",
    "snapchat: iOS17 update broke it",
    "my tiktok: 50k followers",
    "steam: Half-Life 2 is 90% off",
    "xbox: Halo 3",
    "my xbox one is broken",
    "my twitch is live",
    "my steam library is huge",
    "line id: none",
    "Drop me a line (for real) if the meds thing gets worse.",
    "ig I'm fine",
    "ig: i think so",
    "snap out of it",
    "I use discord and WhatsApp if that's your thing.",
    "Exactly the reason I stay away from Instagram, facebook, and snapchat now.",
    "to find people to add on either PS4 or Xbox one I know",
    "I watch youtube videos all day",
    "let off some steam, bounce something off another person",
    "ticket#1234 is still open",
    "see issue#2048 and room#1234",
    "reddit: r/depression helped me",
    "add me on psn: PS4 only",
    "steam: GTA5 on sale",
    "my xbox: ps5 too",
    "tiktok tag: fyp",
]


@pytest.mark.parametrize("text", NOT_NAMED)
def test_no_name_after_a_platform_word_stays(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("name", "shape"),
    [
        ("sadgirl_22", "user"),
        ("nightowl#4821", "user"),
        ("ghost88", "user"),
        ("sunny0917", "user"),
        ("lily22", "maybe"),
        ("ps5", "none"),
        ("GTA5", "none"),
        ("jay7", "maybe"),
        ("jay.r", "maybe"),
        ("lily.22", "maybe"),
        ("xXgrimXx", "maybe"),
        ("lily", "plain"),
        ("Ghost", "plain"),
        ("half-dead", "plain"),
        ("10pm", "none"),
        ("50k", "none"),
        ("2019", "none"),
        ("v1.2", "none"),
        ("e.g", "none"),
        ("jo", "none"),
    ],
)
def test_the_shape_of_a_name(name: str, shape: str) -> None:
    assert _shape(name) == shape


def test_only_texts_with_a_platform_word_are_read() -> None:
    """The cheap test before the patterns: a text without a platform's word is not read."""
    assert not _names_a_platform("I honestly feel so tired of everything lately")
    assert not _names_a_platform("the online deadline was big")  # "line", "ig" inside words
    for text, _ in NAMED:
        assert _names_a_platform(text) or "#" in text
    assert list(platform_handles("no platform here, nor a tag")) == []
