"""User names given after the name of a messaging, gaming or social platform, for
:mod:`carelens.privacy`.

:func:`platform_handles` gives the ``(start, end)`` of each user name that a platform word
names, without the "@" that :func:`carelens.privacy_online.handles` needs: "my snap is
sadgirl_22", "add me on discord: nightowl#4821", "psn id: ghost_88", "LINEのIDは yuki_0312
です", "카톡 아이디 sunny0917", "微信号: lihua_1990"; and of each Discord tag ("nightowl#4821")
wherever it stands. The span is the name alone, never the platform word.

A name is one run of ASCII letters, digits, "_", "." and "-" (the last two only inside),
with a Discord "#" and four digits at its end, and it is read by its shape:

* a **user name's shape**: an "_", "#" and four digits, or a letter first and then letters
  and digits mixed, more than a short product code (``sadgirl_22``, ``ghost88``,
  ``sunny0917``): taken after any platform word;
* a **shape that may be a user name**: letters with a "." between (``jay.r``), a capital
  after a small letter (``xXgrimXx``), up to four letters and one or two digits
  (``lily22``): taken where the words before say whose account it is (below), or after ":"
  or "is" where the clause ends after it ("snapchat: jay.r", not "snapchat: iOS17 update");
* a **plain word** (``lily``, ``Ghost``): taken only where the words before say whose
  account it is, and after ":" ("my snap: lily", "psn id: ghost", "add me on discord:
  lily"), after a word for the name and "is" ("my gamertag is ghost"), or after "is" when it
  is written with a capital ("my discord is Nightowl"); only when it is no everyday word
  (:data:`_EVERYDAY`, :data:`_DESCRIBING`) and the clause ends after it. After "my insta is"
  a plain word in small letters is a description ("private", "dead", "art"), and stays;
* **no name**: a number, a time or a size ("10pm"), a version, an abbreviation ("e.g"), a
  console or a game with its number ("ps4", "GTA5").

The words that say whose account it is: "my", "his", "her", "your", … before the platform
word ("my discord is …"), a request to add or write ("add me on", "hmu on", "find me on",
"I'm on"), the platform word used as a verb ("snap me: …"), a word for the name after it
("id", "username", "handle", "gamertag", "ign", "tag" after "discord"), and the Chinese,
Japanese and Korean ones ("微信号", "LINEのID", "카톡 아이디"). A name of the first two shapes
is found before the platform word too ("I'm sadgirl_22 on snap"). Numbers alone ("QQ号
12345678") are no name here: the phone rules read them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from carelens.privacy_reading import MARKS, UNSPACED, words

# The platform words, as whole words. "line" counts only with a word for the name after it
# ("line id", "LINEのID"), "ig" (also "I guess") only after "my", … or before ":" or
# "is"; "gamertag", "battletag" and "ign" are a word for the name themselves.
_LATIN_PLATFORM = (
    r"snap(?:chat)?|discord|kik|steam|psn|playstation(?:[ \t]+network)?|xbox(?:[ \t]+live)?|"
    r"xbl|ig|insta(?:gram)?|telegram|wechat|weixin|tik[ \t]?tok|reddit|twitter|twitch|"
    r"tumblr|roblox|skype|kakao(?:[ \t]?talk)?|youtube|minecraft|battle\.net|line|"
    r"gamer[ \t]?tag|battle[ \t]?tag|ign"
)
_CJK_PLATFORM = (
    r"微信|微訊|カカオ(?:トーク)?|카카오톡|카카오|카톡|ライン|라인|インスタ(?:グラム)?|"
    r"인스타(?:그램)?|ディスコード?|디스코드|디코"
)
_PLATFORM_WORD = (
    r"(?<![A-Za-z0-9_])(?P<word>"
    + _LATIN_PLATFORM
    + r")(?![A-Za-z0-9_]|\.[A-Za-z0-9])|(?P<cjk>"
    + _CJK_PLATFORM
    + ")"
)
_PLATFORM = re.compile(_PLATFORM_WORD, re.IGNORECASE)
# The same, read in a text in small letters: several times faster (see _platform_words).
_PLATFORM_IN_SMALL = re.compile(_PLATFORM_WORD)
_NEEDS_NAME_WORD = frozenset(words("line ライン 라인"))
_IS_NAME_WORD = frozenset(words("gamertag battletag ign"))
# A user name: ASCII letters and digits, "_" anywhere after the first, "." and "-" inside,
# and a Discord tag ("#" and four digits) at the end. It goes on in no letter of a script
# written with spaces, no mark and no "@" or "/" (an e-mail or a web address), nor in "'s".
_NAME = (
    r"(?P<name>[A-Za-z0-9](?:[A-Za-z0-9_]|[.-](?=[A-Za-z0-9_])){0,31}(?:#\d{4})?)"
    r"(?![A-Za-z0-9_@/#]|['\u2019][A-Za-z]|(?-i:[" + MARKS + r"])|[^\W\d_" + UNSPACED + "])"
)
# What follows the platform word: "me" ("snap me: …"), a word for the name ("id",
# "username", "号", "아이디", "のID"), then the link to the name: ":" (also "is:", "=", a
# dash between spaces, a Chinese, Japanese or Korean particle or "是"), "is" or "'s", a
# comma, "at" or "as", or nothing but spaces (or nothing after such a script). Markdown's
# "**" may wrap the platform word or the name.
_AFTER = re.compile(
    r"(?:\*\*|__)?"
    r"(?P<me>[ \t]+me(?![A-Za-z0-9_'\u2019]))?"
    r"(?:[ \t]*(?:の|的)?[ \t]*(?P<account>"
    r"(?:ids?|usernames?|user[ \t]?names?|users?|names?|handles?|tag|gamer[ \t]?tags?|ign|"
    r"nick(?:name)?|addy)(?![A-Za-z0-9_])"
    r"|(?P<filler>accounts?|acc|acct|profile|page)(?![A-Za-z0-9_])"
    r"|[号號]|[账帳][号號]|아이디|아디|\uff29\uff24|アイディー?|ユーザー名))?"
    r"(?:\*\*|__)?"
    r"(?:(?P<colon>[ \t]*(?:[:=\uff1a\uff1d]|is[ \t]*[:\uff1a])[ \t]*(?:\*\*|__)?[ \t]*\n?[ \t]*"
    r"|[ \t]+[-\u2013\u2014][ \t]+|[ \t]*[はが는은是为為][ \t]*)"
    r"|(?P<is>[ \t]+(?:is|was)[ \t]+|['\u2019]s[ \t]+)"
    r"|(?P<weak>[ \t]*,[ \t]*|[ \t]+(?:at|as)[ \t]+)"
    r"|[ \t]+|(?<=[" + UNSPACED + "]))"
    r"(?P<mark>\*{1,2}|_{1,2})?" + _NAME,
    re.IGNORECASE,
)
# "my", "his", … right before the platform word ("my discord", "my alt insta").
_OWN = re.compile(
    r"(?<![A-Za-z0-9_'\u2019])(?:my|his|her|their|your|ur|our)"
    r"(?:[ \t]+(?:new|main|old|alt|other|second|backup|spam|private|priv|personal|real|"
    r"actual|only))?[ \t]+\Z",
    re.IGNORECASE,
)
# A request to add or write on the platform, or being on it, right before it ("add me on",
# "hmu on", "find me on the", "I'm on").
_ASK = re.compile(
    r"(?<![A-Za-z0-9_'\u2019])(?:(?:add|hmu|hit[ \t]+me[ \t]+up|message|msg|dm|pm|text|follow|"
    r"find|reach|contact|friend|ping|catch|talk[ \t]+to|chat[ \t]+with|write)"
    r"(?:[ \t]+(?:me|us))?|i['\u2019]?m|i[ \t]+am)"
    r"[ \t]+(?:on|at|via|in|over|through|thru)(?:[ \t]+(?:the|my))?[ \t]+\Z",
    re.IGNORECASE,
)
_REACH_BEFORE = 32
# The last word before the platform word that each of them may end in, told first.
_OWN_LAST = frozenset(
    words(
        "my his her their your ur our new main old alt other second backup spam private priv "
        "personal real actual only"
    )
)
_ASK_LAST = frozenset(words("on at via in over through thru the my"))
# "I'm sadgirl_22 on snap": a name before the platform word.
_NAME_ON = re.compile(
    r"(?<![A-Za-z0-9_'\u2019])(?:i['\u2019]?m|i[ \t]+am|i[ \t]+go[ \t]+by)[ \t]+"
    + _NAME
    + r"[ \t]+(?:on|in|at)[ \t]+(?:the[ \t]+)?(?:"
    + _LATIN_PLATFORM
    + r")(?![A-Za-z0-9_])",
    re.IGNORECASE,
)
# A Discord tag on its own: a name and "#" and four digits ("nightowl#4821"), not a
# reference ("ticket#1234", "issue#2048", "room#1234").
_TAG_NUMBER = re.compile(r"#\d{4}(?![\w#])")
_TAG_NAME = re.compile(r"(?<![\w@#/.+'\u2019-])[A-Za-z][A-Za-z0-9_.]{1,31}\Z")
_REFERENCES = frozenset(
    words(
        "ticket case order issue bug pr mr room no num nr number item invoice ref job id "
        "episode ep page pg version ver build model lot unit apt suite flat part table chapter "
        "ch step tweet post comment thread question q rule patch level lvl rank day week year "
        "class section sec fig figure line seat gate bus route flight platform task story card "
        "game match round test lab ward bed code pin site store branch batch season vol volume "
        "book track song pack box bin slot row tab"
    )
)
# The shapes (see the module's docstring).
_DISCORD_TAG = re.compile(r".+#\d{4}")
_LETTERS_AND_DIGITS = re.compile(r"[A-Za-z][A-Za-z0-9]*\d[A-Za-z0-9]*")
_SHORT_CODE = re.compile(r"[A-Za-z]{1,4}\d{1,2}")
_SEPARATED = re.compile(r"[.-]")
_DIGIT = re.compile(r"\d")
_SMALL_THEN_CAPITAL = re.compile(r"[a-z][A-Z]")
# A number (with a unit: "10pm", "50k", "2nd"), a version, an abbreviation ("e.g"), a
# console, game or system with its number ("ps4", "GTA5", "iOS17", "win10", "ep3").
_NOT_A_NAME = re.compile(
    r"\d+(?:[.,]\d+)*[A-Za-z]{0,3}|v\d+(?:\.\d+)*[A-Za-z]?|(?:[A-Za-z]\.)+[A-Za-z]?"
    r"|(?:ps|psp|xb|gta|cod|mw|bo|cs|ios|win|fifa|nba|wii|ds|mp|top|ep|pg|ch|no|s|e)\d{1,2}",
    re.IGNORECASE,
)
# The endings of words that describe rather than name ("my discord username is changing").
# (Not "-ly", as names end too: Lily, Emily, Holly; the adverbs are in _EVERYDAY.)
_DESCRIBING = ("ing", "ed", "ous", "ful", "less", "able", "ible", "ish")
_PLAIN = re.compile(r"(?=[A-Za-z-]{3,20}\Z)[A-Za-z]+(?:-[A-Za-z]+)*")
# Where a clause ends after a name: the end of the text or line, a full stop, "!", "?", a
# bracket, an emoji or another symbol, or a letter of an unspaced script; and, for a plain
# word, also a comma, ";" or ":" and the words that start another clause or end a chat line.
_STRICT_END = re.compile(
    r"(?:\*\*|__)?[ \t]*(?:\Z|[\n.,;!?)\]}\u2026\u3002\uff01\uff1f\uff0c\u3001]"
    r"|[^\w\s\"'(\[{<,;:*_~`#&%$+=/\\|^-]|[" + UNSPACED + "])"
)
_SOFT_END = re.compile(
    r"[ \t]*(?:[,;:(]|(?:and|but|or|if|so|lol|lmao|haha|btw|hmu|add|dm|pm|msg|message|text|"
    r"thanks|thx|ty|pls|please|too|also|i|im|i'm|you|u|for|on|when|whenever|anytime|cause|"
    r"because|bc|cuz|feel|just|xx|x)(?![A-Za-z0-9_]))",
    re.IGNORECASE,
)
#: Everyday words that are no user name after a platform word ("my insta: private",
#: "discord: the server…", "add me on discord: same as here", "psn id: none").
_EVERYDAY = frozenset(
    words(
        "the this that these those its mine you your yours him his she her hers they them "
        "their our ours not nope nah yes yeah yep okay sure same here there where what who "
        "why how when which whatever anything something nothing everything everyone someone "
        "anyone nobody all any some one two both either neither just only also too very "
        "really literally basically actually kinda pretty still always never ever already "
        "again anymore now then today tonight tomorrow yesterday later soon sometime "
        "sometimes anytime whenever asap and but for off out down over under from with "
        "without about like than into onto none null nil idk idc dunno dont don cant wont "
        "didnt doesnt isnt aint private public hidden locked blocked banned deleted "
        "deactivated disabled suspended hacked dead gone broken dry quiet empty full new old "
        "open closed active inactive offline online available busy free fine good bad great "
        "cool nice weird boring trash garbage toxic lame cringe mid random unknown secret "
        "changed different same lol lmao lmfao rofl haha hahaha tbh btw imo fyi omg pls "
        "please thanks thx dms pms msg message text add hmu follow friend friends hey hello "
        "tba tbd pending nope maybe probably link below above here same name names username "
        "usernames handle account profile tag gamertag server servers group groups chat "
        "channel update updates sale app down lagging broke normal real fake mine yours ask "
        "taken stupid dumb silly funny cute cringy basic generic unique obvious simple easy "
        "hard similar irrelevant ridiculous childish outdated awesome terrible awful long short "
        "mostly usually honestly totally completely rarely barely finally currently lately "
        "recently hardly seriously definitely obviously clearly nearly mainly simply ugly "
        "dm pm me us it is am are was were be been being do does did have has had no yes ok "
        "on in at by to of as up so or if my we an"
    )
)


def platform_handles(text: str) -> Iterator[tuple[int, int]]:
    found: set[tuple[int, int]] = set()
    if "#" in text:
        found.update(_tags(text))
    if _names_a_platform(text):
        found.update(_named(text, _platform_words(text)))
        for m in _NAME_ON.finditer(text):
            if _shape(m.group("name")) in ("user", "maybe"):
                found.add(m.span("name"))
    yield from sorted(found)


# The cheap test first (a regular expression of all the platform words reads each text
# several times slower): the words of the text, its ASCII letters and digits between
# anything else, in small letters (_WORDS_OF), hold the first word of a platform's name
# ("snapchat", "battle" of "battle.net", "line" of "LINEのID"), or a Chinese, Japanese or
# Korean text holds one of its own.
_FIRST_WORDS = frozenset(
    word.encode()
    for word in words(
        "snap snapchat discord kik steam psn playstation xbox xbl ig insta instagram telegram "
        "wechat weixin tiktok tik reddit twitter twitch tumblr roblox skype kakao kakaotalk "
        "youtube minecraft battle line gamertag gamer battletag ign"
    )
)
_WORDS_OF = bytes(
    code + 32 if 65 <= code <= 90 else code if 48 <= code <= 57 or 97 <= code <= 122 else 32
    for code in range(256)
)
_CJK_PARTS = words(
    "微信 微訊 カカオ 카카오 카톡 ライン 라인 インスタ 인스타 ディスコ 디스코드 디코"
)


def _names_a_platform(text: str) -> bool:
    """Whether ``text`` may hold a platform word (:data:`_PLATFORM`)."""
    read = text.encode("utf-8", "surrogatepass").translate(_WORDS_OF).split()
    if not _FIRST_WORDS.isdisjoint(read):
        return True
    return not text.isascii() and any(part in text for part in _CJK_PARTS)


def _platform_words(text: str) -> list[re.Match[str]]:
    """The platform words in ``text`` (:data:`_PLATFORM`), read in small letters where that
    keeps every character's place."""
    small = text.lower()
    if len(small) == len(text):
        return list(_PLATFORM_IN_SMALL.finditer(small))
    return list(_PLATFORM.finditer(text))


def _tags(text: str) -> Iterator[tuple[int, int]]:
    """The Discord tags in ``text``: found from each "#" and four digits back to the name."""
    for tag in _TAG_NUMBER.finditer(text):
        name = _TAG_NAME.search(text, max(0, tag.start() - 32), tag.start())
        if name is not None and name.group().lower().rstrip(".") not in _REFERENCES:
            yield name.start(), tag.end()


def _named(text: str, platforms: list[re.Match[str]]) -> Iterator[tuple[int, int]]:
    """The names after the platform words ``platforms`` found in ``text``. What is cheap to
    tell is told first: a text of many platform words may be long."""
    for platform in platforms:
        after = _AFTER.match(text, platform.end())
        if after is None:
            continue
        start, end = after.span("name")
        mark = after.group("mark") or ""
        if mark.startswith("_") and text.endswith(mark, start, end) and end - start > len(mark):
            end -= len(mark)  # the "_" that closes Markdown's emphasis
        name = text[start:end]
        shape = _shape(name)
        if shape == "none" or (shape == "plain" and name.lower() in _EVERYDAY):
            continue
        cjk = platform.group("cjk")
        word = cjk or "".join(platform.group("word").lower().split())
        account = after.group("account") is not None and after.group("filler") is None
        if account and word != "discord" and after.group("account").lower() == "tag":
            account = False  # a tag is Discord's name, elsewhere a topic ("tiktok tag: fyp")
        if word in _NEEDS_NAME_WORD and not account:
            continue
        link = (
            "colon"
            if after.group("colon")
            else "is"
            if after.group("is")
            else "weak"
            if after.group("weak")
            else None
        )
        if shape == "user" and word != "ig":
            yield start, end
            continue
        before = text[max(0, platform.start() - _REACH_BEFORE) : platform.start()]
        last = before.lower().split()[-1:] if before[-1:].isspace() else []
        last_word = last[0].lstrip("([{<\"'*_~") if last else ""
        own = last_word in _OWN_LAST and _OWN.search(before) is not None
        if word == "ig" and not (own or link in ("colon", "is")):
            continue  # "ig" is also "I guess"
        named = account or word in _IS_NAME_WORD
        framed = (
            shape == "user"
            or cjk is not None
            or own
            or named
            or after.group("me") is not None
            or (last_word in _ASK_LAST and _ASK.search(before) is not None)
        )
        if _takes(
            text, name, end, shape, framed=framed, named=named, cjk=cjk is not None, link=link
        ):
            yield start, end


def _takes(
    text: str,
    name: str,
    end: int,
    shape: str,
    *,
    framed: bool,
    named: bool,
    cjk: bool,
    link: str | None,
) -> bool:
    """Whether ``name`` of ``shape`` (:func:`_shape`), which ends at ``end`` of ``text``, is a
    user name after a platform word: ``framed`` where the words say it is someone's account,
    ``named`` where a word for the name stands before it, ``cjk`` after a Chinese, Japanese
    or Korean platform word, and ``link`` the kind of link between ("colon", "is", "weak" or
    None: spaces)."""
    if shape == "user":
        return True
    if shape == "maybe":
        return framed or (link in ("colon", "is") and _STRICT_END.match(text, end) is not None)
    if not framed:
        return False
    capitalised = name[0].isupper() and name[1:].islower()
    if not (cjk or link == "colon" or (link == "is" and (named or capitalised))):
        return False
    if not cjk and name.islower() and name.endswith(_DESCRIBING):
        return False
    return _STRICT_END.match(text, end) is not None or _SOFT_END.match(text, end) is not None


def _shape(name: str) -> str:
    """The shape of ``name``: "user" (a user name's), "maybe" (one that may be a user
    name's), "plain" (a word) or "none" (a number, a time, a size, a version, an
    abbreviation)."""
    if "_" in name or _DISCORD_TAG.fullmatch(name):
        return "user"
    if _NOT_A_NAME.fullmatch(name):
        return "none"
    if _LETTERS_AND_DIGITS.fullmatch(name):
        return "maybe" if _SHORT_CODE.fullmatch(name) else "user"
    if "." in name or _DIGIT.search(name):
        # "jay.r", "lily.22", "covid-19"; not "e.g" (letters one by one)
        parts = _SEPARATED.split(name)
        return "maybe" if any(len(part) > 1 for part in parts) else "none"
    if _SMALL_THEN_CAPITAL.search(name):
        return "maybe"
    return "plain" if _PLAIN.fullmatch(name) else "none"
