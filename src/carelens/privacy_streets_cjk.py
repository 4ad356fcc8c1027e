"""Chinese, Japanese and Korean street addresses with numbers, for :mod:`carelens.privacy_streets`.

:func:`cjk_addresses` gives the ``(start, end)`` of each address written the way these
languages write one, from the largest place to the smallest: from the first place word
(prefecture, province, city, district: "東京都", "北京市", "서울시", "마포구") through the
numbers to the building and room.

* Japanese: the names before the numbers hold a prefecture, city, ward, county, town or
  village word (都 道 府 県 市 区 郡 町 村) after a name, then come the block numbers joined by
  dashes or written with 丁目 番地 号 ("東京都世田谷区北沢3-14-7 ハイツ北沢201",
  "大阪府大阪市北区梅田1-2-3", "北区梅田3丁目1番3号"), and a building with its floor and room
  number where they follow. Two numbers alone ("梅田1-2") need two place words or a building:
  after one they are as often a score ("柔道2-3で").
* Chinese: the names end in a road (路 街 大街 大道 胡同 巷 弄 道, and its section 段) before
  the number with 号 or 號 (or 弄), then buildings, units, floors and rooms
  ("北京市朝阳区建国路88号3单元1102室", "台北市大安區忠孝東路四段100號5樓", "建国路88号"); a road
  in 道 needs a place word (省 市 区 县 镇 …) before it ("知道3号" is "know the 3rd").
* Korean: a province or city and its districts (시 도 구 군, 동 읍 면) before a road (로 길,
  "월드컵북로12길") and the building's number, or before the lot number ("정자동 178-1"), then a
  block and flat (동 호) where they follow ("서울시 마포구 월드컵북로12길 34, 502호"). A road of the
  "…로12길" shape, or a flat after the number, counts without a place before it.

The names run back from the number over Han and katakana to the first word of a sentence
that no name holds ("我住在北京市…" gives "北京市…", "私は東京都…" gives "東京都…"). A number that a
counter follows is a count, not an address ("東京都で2-3回", "서울시 마포구로 3명"), and "号线" is
a metro line ("建国路3号线").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from carelens.privacy_reading import UNSPACED, words

_D = "[0-9\uff10-\uff19]"
_DASH = "[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uff0d\u30fc\uff70]"
_SPACE = "[ \t\u3000]"
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヵヶ"
_KANA = "\u30a1-\u30fa\u30fc"

# --- Japanese and Chinese: the names run back from the number -------------------------------

# Words of a sentence that stand before a place and are in no place's name.
_STOPS: Final = frozenset(
    "我你他她它们們在住是的了到去从從说說想要就也还還很这這那个個条條有没沒不给給把被让讓叫私"
)
_NAME_CHAR = re.compile(f"[{_HAN}{_KANA}]")
# How far back the names before a number may go.
_REACH = 24

_JA_PLACE = re.compile("[都道府県市区郡町村]")
_ZH_PLACE = re.compile(
    "省|自治区|自治區|市|区|區|县|縣|州|镇|鎮|乡|鄉|街道|香港|九龍|九龙|新界|澳門|澳门"
)
_ZH_ROAD_END = re.compile(r"(?:大街|大道|胡同|路|街|巷|弄|道)(?:[一二三四五六七八九十]{1,2}段)?$")

_JA_NUMBER = re.compile(
    f"(?P<number>{_D}{{1,4}}(?:{_DASH}{_D}{{1,4}}){{1,3}}"
    f"|{_D}{{1,2}}丁目(?:{_D}{{1,4}}(?:番地?|{_DASH}))?(?:{_D}{{1,4}}号?)?"
    f"|{_D}{{1,5}}(?P<lot>番地?)(?:{_D}{{1,4}}号?)?)"
    # a building with its floor and room ("ハイツ北沢201", "メゾン 3F 302号室")
    f"(?:{_SPACE}?[{_HAN}{_KANA}A-Za-z\uff21-\uff3a\uff41-\uff5a]{{1,15}}?{_SPACE}?"
    f"(?:{_D}{{1,2}}(?:階|F){_SPACE}?)?{_D}{{1,4}}(?:号室|号)?(?![0-9\uff10-\uff19]))?"
)
_ZH_NUMBER = re.compile(
    f"(?:{_D}{{1,2}}段)?(?:{_D}{{1,4}}[巷弄])?(?P<number>{_D}{{1,5}}[号號弄])(?!线|線)"
    f"(?:之{_D}{{1,3}})?"
    # a building's name before its number ("…90号东部软件园2号楼301室")
    f"(?:(?:(?![{''.join(_STOPS)}])[{_HAN}]){{1,12}}?(?={_D}))?"
    f"(?:{_D}{{1,5}}(?:{_DASH}{_D}{{1,5}})?(?:号楼|號樓|号院|號院|栋|棟|幢|座|单元|單元|楼|樓|层|層|"
    f"室|号|號|户|戶|[Ff])){{0,5}}"
)

# --- Korean: spaced words before the number ------------------------------------------------

_HANGUL = "\uac00-\ud7a3"
_KO_CITIES = "서울|부산|대구|인천|광주|대전|울산|세종|제주"
_KO_PROVINCE = (
    f"(?:(?:{_KO_CITIES})(?:특별시|광역시|특별자치시|특별자치도|시)?"
    f"|(?:경기|강원|충청북|충청남|충북|충남|전라북|전라남|전북|전남|경상북|경상남|경북|경남)(?:특별자치)?도)"
)
# Common words that end as a district or neighbourhood does ("친구" a friend, "다시" again).
_KO_NOT_PLACES: Final = frozenset(
    words(
        "친구 다시 요구 연구 도구 가구 입구 출구 야구 축구 농구 배구 역시 혹시 당시 동시 즉시 잠시 "
        "무시 도시 항시 감시 표시 지시 수시 평시 전시 정도 온도 속도 태도 제도 지도 기도 포도 "
        "어디도 누구 운동 행동 활동 감동 충동 자동 이동 변동 노동 작동 출동 소동"
    )
)
_KO_DISTRICT = f"[{_HANGUL}]{{1,5}}(?:시|군|구)"
_KO_NEIGHBOURHOOD = f"[{_HANGUL}]{{1,5}}{_D}?(?:동|읍|면|리|가)"
_KO = re.compile(
    f"(?<![{_HANGUL}])(?P<places>(?:{_KO_PROVINCE}{_SPACE})?(?:{_KO_DISTRICT}{_SPACE}){{0,2}}"
    f"(?:{_KO_NEIGHBOURHOOD}{_SPACE})?)"
    # a road ("테헤란로", "월드컵북로12길"), not a word with the particle "으로"; or a lot's
    # neighbourhood ("정자동 178-1")
    f"(?:(?P<road>[{_HANGUL}]{{1,10}}?{_D}{{0,3}}(?<!으)(?:대로|로|길)"
    f"(?P<side>{_D}{{1,4}}번?(?:길|가길))?){_SPACE}?"
    f"|(?P<lot>[{_HANGUL}]{{1,5}}{_D}?(?:동|읍|면|리|가)){_SPACE}?)"
    f"(?P<number>{_D}{{1,5}}(?:-{_D}{{1,4}})?)(?!{_D})(?:번지)?"
    f"(?P<unit>,?{_SPACE}{{0,2}}(?:[{_HANGUL}A-Za-z]{{1,12}}{_SPACE})?"
    f"(?:{_D}{{1,4}}동{_SPACE}?)?{_D}{{1,5}}호)?"
)
_KO_WORD_START = re.compile(f"(?<![{_HANGUL}])[{_HANGUL}]")

# Counters and units after a number: a count, time or amount, not an address.
_COUNTER = re.compile(
    f"{_SPACE}?(?:回|日|年|月|時|时|分|秒|人|歳|岁|個|个|件|円|元|万|萬|度|倍|週|周|次|天|名|枚|本|冊|"
    f"杯|点|點|位|線|线|번(?!지|길)|명|개|시|분|일|살|년|월|회|시간|주|원|차|등|위|점|권|장|"
    f"잔|병|대|마리|킬로|미터|km|%)"
)
_DASHES = re.compile(_DASH)

# A number written onto a word of these scripts ("北沢3", "路88", "로12"), or after a space
# after a Korean word ("테헤란로 152"): only there are the words before it read.
_AFTER_A_WORD = re.compile(f"{_D}(?:(?<=[{UNSPACED}]{_D})|(?<=[{_HANGUL}]{_SPACE}{_D}))")


def _names_before(text: str, number: int, floor: int) -> int:
    """Where the run of Han and katakana names that ends at ``number`` starts (back to a word
    in :data:`_STOPS`, another script, ``floor`` or :data:`_REACH` characters); a が or の
    between two such characters is part of it ("自由が丘")."""
    start = number
    low = max(floor, number - _REACH)
    while start > low:
        ch = text[start - 1]
        if ch in _STOPS:
            break
        if _NAME_CHAR.match(ch) is None and not (
            ch in "がの"
            and start - 2 >= low
            and start < number
            and _NAME_CHAR.match(text[start - 2])
        ):
            break
        start -= 1
    return start


# A Japanese postcode with its mark before the address ("〒150-0001 東京都…").
_POSTCODE_BEFORE = re.compile(f"〒{_SPACE}?{_D}{{3}}{_DASH}?{_D}{{4}}{_SPACE}{{0,2}}$")


def _han_address(text: str, number: int, floor: int) -> tuple[int, int] | None:
    """The Chinese or Japanese address whose first number starts at ``number``, if any."""
    start = _names_before(text, number, floor)
    names = text[start:number]
    if not names:
        return None
    zh = _ZH_NUMBER.match(text, number)
    if zh is not None and (road := _ZH_ROAD_END.search(names)) is not None:
        before_road = names[: road.start()]
        if not names.startswith("道", road.start()) or _ZH_PLACE.search(before_road):
            return start, zh.end()
    ja = _JA_NUMBER.match(text, number)
    if ja is None or _JA_PLACE.search(names, 1) is None:
        return None
    if _COUNTER.match(text, ja.end("number")):
        return None
    if ja["lot"] == "番" and not names.endswith("丁目"):
        return None  # "3番" alone is "number 3"; after 丁目 it is the block
    # "1-2" after one place word is as often a score: it needs a second one or a building.
    parts = len(_DASHES.split(ja["number"]))
    if parts == 2 and len(_JA_PLACE.findall(names, 1)) < 2 and ja.end() == ja.end("number"):
        return None
    postcode = _POSTCODE_BEFORE.search(text, max(floor, start - 12), start)
    return (start if postcode is None else postcode.start()), ja.end()


def _korean_address(text: str, number: int, floor: int) -> tuple[int, int] | None:
    """The Korean address whose number starts at or after ``number``, if any: its words are
    read from up to five words back."""
    starts = [m.start() for m in _KO_WORD_START.finditer(text, max(floor, number - 40), number)]
    for start in starts[-5:]:
        m = _KO.match(text, start)
        if m is None or m.end("number") <= number:
            continue
        places = m["places"].split()
        if any(w in _KO_NOT_PLACES for w in places) or m["lot"] in _KO_NOT_PLACES:
            continue
        if m["unit"] is None and _COUNTER.match(text, m.end("number")):
            continue
        if places or (m["lot"] is None and (m["side"] is not None or m["unit"] is not None)):
            return m.span()
    return None


def cjk_addresses(text: str) -> Iterator[tuple[int, int]]:
    """The ``(start, end)`` of each Chinese, Japanese or Korean address in ``text``."""
    if text.isascii():
        return
    position = 0
    for found in _AFTER_A_WORD.finditer(text):
        number = found.start()
        if number < position:
            continue
        before = text[number - 1]
        if "\uac00" <= before <= "\ud7a3" or before in " \t\u3000":
            span = _korean_address(text, number, position)
        else:
            span = _han_address(text, number, position)
        if span is not None:
            yield span
            position = span[1]
