"""Chinese, Japanese and Korean street addresses (carelens.privacy_streets_cjk, through
carelens.privacy)."""

from __future__ import annotations

import pytest

from carelens.privacy import find_personal, redact
from carelens.privacy_streets_cjk import cjk_addresses


def addresses(text: str) -> list[str]:
    return [r.text for r in find_personal(text) if r.kind == "address"]


FOUND = [
    # Japanese: place words, the district's name, the block numbers, a building and room
    (
        "私は東京都世田谷区北沢3-14-7 ハイツ北沢201に住んでいます。",
        "東京都世田谷区北沢3-14-7 ハイツ北沢201",
    ),
    ("住所は大阪府大阪市北区梅田1-2-3です。", "大阪府大阪市北区梅田1-2-3"),
    ("北区梅田3丁目1番3号", "北区梅田3丁目1番3号"),
    ("住所は東京都世田谷区北沢三丁目14番7号です", "東京都世田谷区北沢三丁目14番7号"),
    (
        "東京都新宿区西新宿\uff12\uff0d\uff18\uff0d\uff11",
        "東京都新宿区西新宿\uff12\uff0d\uff18\uff0d\uff11",
    ),
    ("京都市左京区吉田本町36-1", "京都市左京区吉田本町36-1"),
    ("横浜市中区山下町1-2 メゾン山下3F 302号室", "横浜市中区山下町1-2 メゾン山下3F 302号室"),
    ("〒150-0001 東京都渋谷区神宮前1-2-3", "〒150-0001 東京都渋谷区神宮前1-2-3"),
    # Chinese: place words, a road, its number with 号, buildings, units and rooms
    ("我住在北京市朝阳区建国路88号3单元1102室。", "北京市朝阳区建国路88号3单元1102室"),
    ("台北市大安區忠孝東路四段100號5樓", "台北市大安區忠孝東路四段100號5樓"),
    ("建国路88号", "建国路88号"),
    ("上海市徐汇区漕溪北路1200弄3号", "上海市徐汇区漕溪北路1200弄3号"),
    ("广东省深圳市南山区科技园路1号", "广东省深圳市南山区科技园路1号"),
    ("我家在成都市武侯区人民南路四段12号", "成都市武侯区人民南路四段12号"),
    (
        "地址\uff1a杭州市西湖区文三路90号东部软件园2号楼301室。谢谢",
        "杭州市西湖区文三路90号东部软件园2号楼301室",
    ),
    ("香港九龍彌敦道123號", "香港九龍彌敦道123號"),
    # Korean: province, city, districts, a road or a lot, the number, a block and flat
    (
        "저는 서울시 마포구 월드컵북로12길 34, 502호에 살아요.",
        "서울시 마포구 월드컵북로12길 34, 502호",
    ),
    ("경기도 성남시 분당구 정자동 178-1", "경기도 성남시 분당구 정자동 178-1"),
    ("서울특별시 강남구 테헤란로 152", "서울특별시 강남구 테헤란로 152"),
    ("부산광역시 해운대구 해운대로 570", "부산광역시 해운대구 해운대로 570"),
    ("서울 강남구 테헤란로 152", "서울 강남구 테헤란로 152"),
    ("주소는 서울시 마포구 서교동 123-45번지예요", "서울시 마포구 서교동 123-45번지"),
    ("우리 집은 인천시 남동구 구월로 12, 101동 1203호야", "인천시 남동구 구월로 12, 101동 1203호"),
    ("월드컵북로12길 34", "월드컵북로12길 34"),
]


@pytest.mark.parametrize(("text", "address"), FOUND)
def test_finds_addresses_from_the_place_words_to_the_room(text: str, address: str) -> None:
    assert addresses(text) == [address]
    assert address not in redact(text)


NOT_FOUND = [
    # Japanese: scores, counts, months and a date beside place words
    "東京都で2-3回遊んだ",
    "試合は2-1で勝った",
    "柔道2-3で負けた。",
    "大阪の友達と3-4時間話した",
    "京都市は3-4月が一番きれい",
    "大阪市で2-3日過ごした。",
    "2024年5月12日に東京都へ行った。",
    "東京都に2-3回行った。",
    # Chinese: days of the month, metro lines, classmates' numbers, durations
    "东京3-4天就够了",
    "我们班3号同学",
    "马路上3号车",
    "我12号去上海市",
    "我在上海市住了2年3个月",
    "北京市3月5号下雨",
    "上海市3号线",
    "地铁2号线在建国路。",
    "这条路3号线很挤。",
    "我知道3号要考试。",
    "这个城市3-4月最美",
    "我家住3楼。",
    # Korean: years, people, times, the particle 로 after a place
    "서울시 마포구 3년째 살고 있어요",
    "서울로 2명 갔어요",
    "서울시로 3명이 갔어요.",
    "친구 동네 3번 가봤어",
    "친구 학교로 3번 갔어요.",
    "학교로 3 정거장 가면 돼요.",
    "강남구 테헤란로 3시에 만나",
    "서울시 2024년 5월",
    "마포구 34명",
    "서울시 마포구에서 3년 살았어요.",
]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_counts_dates_and_scores_are_no_address(text: str) -> None:
    assert addresses(text) == []
    assert list(cjk_addresses(text)) == []


def test_long_text_of_place_words_and_numbers_finishes() -> None:
    text = "東京都3-4回 서울시 마포구 34 北京市建国路3号线 " * 3000 + "电话号码邮箱" * 20000
    assert list(cjk_addresses(text)) == []
