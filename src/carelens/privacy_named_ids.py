"""Words that name a number an id of an order, a booking, a membership or a case, whatever
its shape, for :mod:`carelens.privacy_phones`: :func:`id_named` tells whether a number in a
phone's shape is such an id, which is kept.

Three readings: the English and Spanish words right before the number
(:func:`carelens.privacy_phone_words.named_id`: "order number 555-123-4567"); a Chinese,
Japanese or Korean word for such an id right before it, a particle or a colon between
allowed ("注文番号は123-4567-8901", "회원 번호 010-1234-5678", "订单号是138-0013-8000"); and
such a word right after it ("2019 4455 6677 is my student id", "12345678 is my order
number", "612 345 678 es mi número de pedido", "13800138000是我的订单号",
"09012345678は会員番号です"). As before the number, the ids that are personal data themselves
(an account, a card, a passport, a patient; 口座番号, 卡号, 계좌번호) are not among them and
stay redacted, and so does a number that words after it name a phone ("… is my number", "…
is my mobile", "주문번호 010-1234-5678로 연락 주세요").
"""

from __future__ import annotations

import re

from carelens.privacy_phone_words import (
    BARE_ID_WORDS,
    ID_MARKER,
    MARKED_ID_WORDS,
    PHONE_AFTER,
    named_id,
    phone_named_after,
    told,
)

# A Chinese, Japanese or Korean word for an id and its "number" (番号, 号, 号码, 编号, 번호,
# "No.", "ID"), or a word that is one by itself (学号, 工号, 单号, 학번, 사번): an order, a
# booking, a membership, a reception or an inquiry, a delivery slip, a student, an employee.
# Not an account (口座番号, 账号, 계좌번호), a card (カード番号, 卡号, 카드번호), a passport, a
# patient or a phone (電話番号, 手机号, 전화번호).
_CJK_ID = (
    r"(?:(?:注文|受注|発注|会員|予約|受付|お?問い?合わせ|伝票|追跡|配送|学籍|学生|社員|整理|"
    r"請求書?|領収書|チケット|申し?込み?|顧客|お客様)"
    r"(?:番号|ナンバー|No\.?|ID|コード)"
    r"|(?:[订訂][单單]|会[员員]|會員|[预預][约約订訂]|快[递遞][单單]?|[运運][单單]|物流[单單]?|"
    r"[发發]票|挂号|掛號|取件|客[户戶]|[学學]|工|[单單]|票)卡?[编編]?[号號][码碼]?"
    r"|(?<![가-힣])(?:(?:주문|회원|예약|접수|송장|운송장|택배|고객|티켓|영수증|수험|사원|직원)"
    r"[ \t]?(?:번호|코드|아이디|ID)|학번|사번))"
)
# Such a word right before the number: then a topic or subject particle, "是", a colon (also
# the fullwidth one, U+FF1A), "#" or "No." ("注文番号は", "회원 번호는", "订单号是", "学号:").
_CJK_ID_BEFORE = re.compile(
    _CJK_ID + r"[ \t]*(?:[はが是为為은는이가]|[:=\uff1a\uff1d])?[ \t]*[,:\u3001\uff0c\uff1a]?"
    r"[ \t]*(?:[#\uff03]|No\.?)?[ \t]*\Z",
    re.IGNORECASE,
)
#: How far back from a number :data:`_CJK_ID_BEFORE` looks.
_CJK_REACH = 16
# An English word for an id right after the number: after "is", "was" or "'s" and "my",
# "the", …, or after a comma, a bracket or a dash ("2019 4455 6677 is my student id",
# "12345678 is the order number", "4412 5567 8890 (order no.)"); a word of BARE_ID_WORDS
# without its marker only where the words end there ("… is my order."; not "… is my ticket
# to …") and "case" only with its marker ("… is the case" is an idiom). Not where "is", ":"
# or a number follows, which names another number ("07700 900123, order number 4412").
# Spanish "es mi número de pedido" (not "de teléfono") and "es mi pedido". Chinese,
# Japanese and Korean after a particle or "是" ("是我的订单号", "は会員番号です", "은
# 회원번호예요").
_MARKER_AFTER = ID_MARKER + r"|[ \t]+ref(?:erence)?"
_WORDS_END = r"(?=[ \t]*(?:[).,;:!?\r\n]|\Z))"
_ID_AFTER = re.compile(
    r"[ \t]*(?:(?:is|was|['\u2019]s)[ \t]+(?:my|the|our|your|his|her|their|its|an?)[ \t]+"
    r"|[,(\-\u2013\u2014][ \t]*(?:(?:my|the|our|your|his|her|their)[ \t]+)?)"
    r"(?:(?P<bare>" + "|".join(BARE_ID_WORDS) + r")(?:(?P<marker>" + _MARKER_AFTER + r")"
    r"|(?<!case)" + _WORDS_END + r")"
    r"|(?:" + "|".join(MARKED_ID_WORDS) + r")(?:" + _MARKER_AFTER + r"))"
    r"(?![^\W\d_])(?![ \t]*(?:[:#=]|is|was|es)?[ \t]*#?\d)"
    r"|[ \t]+(?:es|era)[ \t]+(?:mi|el|su|tu|nuestro)[ \t]+"
    r"(?:(?:n[úu]mero|n[°º]|num\.?|c[óo]digo)[ \t]+de[ \t]+(?:pedido|factura|cliente|socio|"
    r"seguimiento|rastreo|reserva|expediente|folio|orden|compra|ticket|matr[íi]cula)"
    r"|pedido|factura|folio|expediente)(?![^\W\d_])"
    r"|[ \t]*(?:[はが是为為은는이가][ \t]*)"
    r"(?:(?:[我你他她][们們]?|您)的|(?:私|僕|俺)の|제|내|저의|나의)?[ \t]*" + _CJK_ID,
    re.IGNORECASE,
)


def id_named(text: str, start: int, end: int) -> bool:
    """Whether words right before or right after the number at ``[start, end)`` name it an
    id that is no personal data (see the module's docstring), and no word after it names
    it a phone."""
    if named_id(text, start, end):
        return True  # "order number 555-123-4567", "my student id is 2019 4455 6677"
    reach = max(0, start - _CJK_REACH)
    if not text[reach:start].isascii() and _CJK_ID_BEFORE.search(text, reach, start):
        # "注文番号は123-4567-8901"; not "주문번호 010-1234-5678로 연락 주세요"
        return PHONE_AFTER.match(text, end) is None and not phone_named_after(text, end)
    # After the number, unless a word right before it names a phone ("text me, 0412 345 678
    # is my student id" stays redacted).
    return _ID_AFTER.match(text, end) is not None and told(text, start) != "phone"
