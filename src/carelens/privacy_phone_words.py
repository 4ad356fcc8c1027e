"""What the words around a number tell of it, for :mod:`carelens.privacy_phones`: a phone
number, an id, or nothing.

A run of digits that may as well be an id, a barcode or a list of ratings is a phone number
only after words that name one (:func:`told`): "call", "my number is", "电话", "연락처", and
not after a word for an id ("order", "passport", "订单", "주문"). The last such word before
the number decides; a sentence's end after it ends what it tells, and so does a Chinese or
Japanese comma after the words that follow a word for an id ("订单出问题了" and a comma before
"找我…"), and a word
that names a phone right after a number outweighs a word for an id some words before it
("주문한 게 안 와서 그러는데 01012345678로 연락 주세요"). "X number" names an id unless X names a
phone ("helpline number"), is someone's ("my mum's number", "whose number") or leaves it to
the words before ("the number"); so do 号码, 番号 and 번호 after a person ("我妈号码",
"언니 번호"), and after a person, a home, a shop or an office with 的, の or 의 ("我妈的号码",
"実家の番号", "店の番号"); "número de" names a phone before a carrier ("número de
Movistar"). A word for a phone glued before a number (:data:`PHONE_WORD`,
"tel.07700900123"), a reference's "#" (:data:`REFERENCE_HASH`, "ticket #555-1234") and a
word for an id of a purchase, a delivery or a case right before a number in any shape
(:func:`named_id`, "order number 555-123-4567"; not after a word for a call, "ring the
booking number 0161 496 0000", nor where words after the number name it a phone, "ticket
44817 555-0142 is my direct line") are told here too; :mod:`carelens.privacy_named_ids`
reads such words in Chinese, Japanese and Korean, and after the number.
"""

from __future__ import annotations

import re
import string

from carelens.privacy_reading import MARKS, UNSPACED_CHAR, words

#: Words that name a phone number right before it, glued to it ("tel.07700900123").
PHONE_WORD = re.compile(
    r"(?<![^\W\d_])(?:tel|telephone|phone|mobile|mob|cell|cellphone|call|text|sms|whatsapp|fax)"
    r"\Z",
    re.IGNORECASE,
)
#: "#" after a word for a case or ticket ("ticket #555-1234", "Case #2024-123456"): a
#: reference, not a phone number.
REFERENCE_HASH = re.compile(
    r"(?<![^\W\d_])(?:tickets?|case|incident|order|ref|reference|invoice|issue|bug|report|"
    r"claim|complaint|booking|confirmation|request|job|task|item|patient|student|member|policy|"
    r"account|id)\.?[ \t]?#[ \t]?\Z",
    re.IGNORECASE,
)
#: Words for an id of a purchase, a delivery or a case (:data:`BARE_ID_WORDS` on their own,
#: :data:`MARKED_ID_WORDS` before :data:`ID_MARKER`), also read after a number by
#: :mod:`carelens.privacy_named_ids`.
# Such a word names a number right before it whatever its shape (see named_id): on its own,
# in the singular ("order 555-123-4567", "tracking 0123 4567 8901", "pedido 55 1234 5678";
# "Orders: 0800…" and "Bookings: 020…" name a line to call) or, for words that name other
# things too, before "number", "no.", "id", "code" ("reference number", "student id",
# "booking no."); then ":", "#", "is" or "was" and a space, and the letters and digits of
# the id that come before the digits in a phone's shape ("tracking number 1Z 999 AA1 0123
# 4567 84"). Not words for the ids that are personal data (an account, a card, a passport, a
# patient: "my account number is 07700900123" stays redacted), nor "id" alone ("my ID is
# …"), which may be any of those.
BARE_ID_WORDS = words(
    "order invoice tracking barcode ean isbn upc gtin sku serial ref ticket parcel shipment "
    "consignment transaction receipt voucher confirmation case "
    "pedido factura folio rastreo seguimiento expediente"
)
MARKED_ID_WORDS = words(
    "reference booking reservation claim incident student member membership customer "
    "employee staff policy appointment application item product model package complaint "
    "prescription"
)
ID_MARKER = r"[ \t]+(?:numbers?|nos?\.?|num\.?|nr\.?|ids?|codes?)"
_NAMED_ID = re.compile(
    r"(?<![^\W\d_])(?:(?P<kind>" + "|".join(BARE_ID_WORDS) + r")(?P<marker>" + ID_MARKER + r")?"
    r"|(?:" + "|".join(MARKED_ID_WORDS) + r")" + ID_MARKER + r")"
    r"(?:[ \t]*[:#=][ \t]*|[ \t]+(?:is|was|es|era)[ \t]*:?[ \t]+|[ \t]+)"
    r"(?:[^\W_]*\d[^\W_]*[ \t]+){0,4}\Z",
    re.IGNORECASE,
)
_ID_WORDS = frozenset(BARE_ID_WORDS + MARKED_ID_WORDS)
# Punctuation read as a space where the last words before a number are looked at (see
# named_id): "order#", "(order", "no.".
_ID_PUNCTUATION = str.maketrans(dict.fromkeys(string.punctuation, " "))
# "to" or "in" before a word of _NAMED_ID on its own: a verb or "in case" ("to order 0800…",
# "in case 07700 900123 is busy").
_VERB_BEFORE = re.compile(r"(?<![^\W\d_])(?:to|in)[ \t]+\Z", re.IGNORECASE)
# "case" on its own after these words is an idiom, not a case to look up: "in that case",
# "worst case", "in any case", "just in case".
_CASE_IDIOM = re.compile(
    r"(?<![^\W\d_])(?:that|this|any|worst|best|which|either|such|each|every|no|some|in|just)"
    r"[ \t]+\Z",
    re.IGNORECASE,
)
# A word for a call, and "the", "my", … or "me on" after it, before a word of _NAMED_ID: the
# number is a line to call ("call the appointment number 020 7946 0958", "ring the booking
# number 0161 496 0000", "call us on the booking number …"; not "call about order …" nor
# "text me the order number …").
_CALL_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:call|calls|called|calling|ring|rings|rang|ringing|dial|dials|dialed|"
    r"dialled|dialing|dialling|text|txt|texted|phone|phoned|reach|contact|llama|ll[áa]mame|"
    r"marca|m[áa]rcame)[ \t]+(?:(?:me|us|them|him|her)[ \t]+(?:on|at|al)[ \t]+)?"
    r"(?:(?:the|my|your|our|their|his|her|this|that|a|el|la|al|mi|tu|su)[ \t]+)?\Z",
    re.IGNORECASE,
)
# A word after a number that names it a phone, which outweighs a word for an id before it:
# "ticket 44817 555-0142 is my direct line", "order #88213 555-0199 is my cell", "Case:
# 555-0193 is my mobile", "in any case 555-0142 works, call whenever", "… no wait thats my
# phone", "pedido 55 1234 5678 es mi cel"; not "is my order number" (see phone_named_after:
# a word for an id between "my" and the word for a phone), nor "es mi número de cliente".
_PHONE_NAMED_AFTER = re.compile(
    r"[^\S\r\n]*[,;:?!)\-]*(?:[^\S\r\n]*[^\W\d_]+[,.!?]*){0,3}?[^\S\r\n]*"
    r"(?:(?:is|was|that['\u2019]?s|it['\u2019]?s|its|es|era)[^\S\r\n]+"
    r"(?:my|his|her|our|their|your|mi|su|tu)[^\S\r\n]+(?:(?P<whose>[^\W\d_]+)[^\S\r\n]+)?"
    r"(?:cell|cellphone|mobile|phone|landline|number|line|whatsapp|digits|cel|celular|"
    r"n[úu]mero|tel[ée]fono|m[óo]vil)"
    r"|works[,;]?[^\S\r\n]+(?:call|text|ring|txt|whatsapp))(?![^\W\d_])"
    r"(?![ \t]+(?:of|de)(?![^\W\d_]))",
    re.IGNORECASE,
)
#: How far back from a number :data:`_NAMED_ID` looks.
_NAMED_ID_REACH = 64


def named_id(text: str, position: int, end: int | None = None) -> bool:
    """Whether a word for an id of a purchase, a delivery or a case names the number at
    ``position`` right before it (see :data:`_NAMED_ID`): "order number 555-123-4567", "my
    student id is 2019 4455 6677"; not "in case 07700 900123", "in that case …", "to order
    0800 123 4567", "call the appointment number 020 7946 0958". With ``end``, where the
    number ends, a word after it that names it a phone outweighs the word for an id
    ("ticket 44817 555-0142 is my direct line", see :data:`_PHONE_NAMED_AFTER`)."""
    start = max(0, position - _NAMED_ID_REACH)
    # The common case, told without the pattern's search: no word for an id among the last
    # words before the number (an id word, its marker, "is", four parts of the id).
    near = text[start:position].lower().translate(_ID_PUNCTUATION).split()
    if _ID_WORDS.isdisjoint(near[-8:]):
        return False
    found = _NAMED_ID.search(text, start, position)
    if found is None:
        return False
    before = max(0, found.start() - 40)
    if _CALL_BEFORE.search(text, before, found.start()):
        return False  # "ring the booking number 0161 496 0000"
    kind = found.group("kind")
    if kind is not None and found.group("marker") is None:
        if _VERB_BEFORE.search(text, max(0, found.start() - 4), found.start()):
            return False  # "to order 0800 …", "in case 07700 900123 is busy"
        if kind.lower() == "case" and _CASE_IDIOM.search(text, before, found.start()):
            return False  # "in that case 555-123-4567 is my cell", "worst case 07700 …"
    return end is None or not phone_named_after(text, end)


def phone_named_after(text: str, end: int) -> bool:
    """Whether the words after a number that ends at ``end`` name it a phone ("… is my cell",
    "… es mi cel"; see :data:`_PHONE_NAMED_AFTER`), unless a word for an id stands between
    "my" and the word for a phone ("is my order number")."""
    after = _PHONE_NAMED_AFTER.match(text, end)
    if after is None:
        return False
    whose = after.group("whose")
    return whose is None or whose.lower() not in _ID_WORDS


# Carriers: "my Vodafone number", "número de Movistar" name a phone (see _NAMED and
# _PHONE_BEFORE_NUMBER).
_CARRIERS = words(
    "vodafone verizon att tmobile sprint giffgaff lebara lyca tesco virgin ee telstra optus "
    "airtel jio bsnl vodacom mtn safaricom telcel movistar claro telus fido koodo "
    "orange yoigo digi simyo pepephone lowi masmovil jazztel tigo entel bitel"
)
# What tells, in the words before a number, whether it is a phone number: a word that names
# one ("call", "text me on", "my number is", "mi cel es", "our line is", "hotline", "front
# desk", "电话", "找我", "연락처"; not "bottom line", "in line", "line of"), or a word
# that names an id ("order", "invoice", "tracking", "barcode", "policy", "case", "EAN",
# "ISBN", "订单"). The last one before the number decides; a sentence's end after it ends
# what it tells, and a Chinese or Japanese comma ends what a word for an id tells (see told).
# A number named by the word before it ("appointment number", "受付番号", "预约号",
# "예약번호") is an id unless that word names a phone, is someone's ("my mum's number", "Sam's
# number") or is "my", "the", "this", … (see _numbered).
_NAMED = re.compile(
    r"(?<![^\W\d_])(?:(?P<phone>tel|t[ée]l[ée]phone|phones?|phoned|phoning|mobile|mob|cell|"
    r"cellphone|(?<!bottom )(?<!\bin )(?:land|hot|help|warm|life|care|crisis|text|phone)?"
    r"lines?(?![ \t]+of(?![^\W\d_]))|desk|switchboard|extension|"
    r"calls?|called|calling|ring|rings|rang|ringing|text|texts|texted|"
    r"texting|txt|sms|whats\s?app|viber|signal|telegram|wechat|fax|dial|reach|contact|handy|"
    r"telefon|telefono|tel[ée]fono|telefone|celular|cel|m[óo]vil|portable|"
    r"(?<!\bse[ \t])ll[áa]m(?:a|ame|eme|enme|en|anos|ar|arme|ada|adas)|llamó|"
    r"(?<!\bme[ \t])llamo|m[áa]rc(?:ame|ale|anos)|"
    r"escr[íi]beme|m[áa]ndame|mensaje|cont[áa]ctame|"
    r"n[úu]mero[ \t]+de[ \t]+(?:" + "|".join(_CARRIERS) + r")|"
    r"n[úu]mero(?![ \t]+de(?![^\W\d_]))|телефон|тел|звони|"
    r"звоните|позвони|позвоните|رقمي|هاتف|هاتفي|جوال|جوالي|موبايل|اتصل|اتصلي|واتساب|फ़ोन|"
    r"फोन|मोबाइल|मेरा[ \t]+नंबर|"
    r"(?:my|his|her|your|our|their|phone|mobile|cell|contact|home|work|office|new|o2|at&t)"
    r"[ \t]+number(?![ \t]+of(?![^\W\d_])))"
    r"|(?P<id>orders?|invoices?|tracking|barcode|bar[ \t]code|policy|case|claim|ean|isbn|upc|"
    r"gtin|sku|serial|ref|reference|account|acct|customer|member|membership|patient|student|"
    r"ticket|parcel|package|shipment|transaction|receipt|booking|confirmation|voucher|card|"
    r"id|passport|licen[cs]e|iban|item|product|model|incident|issue|report|application|"
    r"prescription|pedidos?|factura|folio|expediente|rastreo|seguimiento|cliente|p[óo]liza|"
    r"tarjeta|pasaporte|matr[íi]cula)"
    r"|(?P<numbered>(?:[^\W\d_]|(?-i:[" + MARKS + r"])){2,24}(?P<owner>['\u2019]s?)?"
    r"[ \t]+(?:numbers?|नंबर)"
    r"(?![ \t]+of(?![^\W\d_]))))(?![^\W\d_])"
    r"|(?P<unspaced_phone>手[机機]|[电電]話|电话|携帯|ケータイ|連絡|[联聯][系繫络絡]|연락|전화|"
    r"휴대폰|핸드폰|微信|找我)"
    r"|(?P<unspaced_id>[订訂]单|[订訂]單|注文|[单單][号號]|[学學][号號]|[学學]生|会[员員]|"
    r"회원|주문|송장)"
    r"|(?P<unspaced_numbered>番号|[号號][码碼]?|번호)"
    r"|(?P<end>[!?\n。\uff01\uff1f]|\.(?=\s+[^\W\d_]))"
    r"|(?P<comma>[\uff0c\u3001])",
    re.IGNORECASE,
)
#: How far back from a number :data:`_NAMED` looks.
_NAMED_REACH = 48
# The words before "number" that leave what it names to the words before them ("the number",
# "this number", "the same number"), and those that name a phone ("helpline number", "whose
# number", "आपका नंबर"; "phone", "my", "new" and the others of _NAMED are read there).
_NEUTRAL_BEFORE_NUMBER = frozenset(
    words(
        "the a an this that these those same old other another correct right wrong real actual "
        "full whole own current usual main only second first last previous private personal "
        "direct any which what no one its uk us usa eu local international foreign "
        "overseas emergency british english scottish welsh irish american canadian "
        "australian german french spanish italian dutch polish indian "
        "यह वह ये वो इस उस पुराना दूसरा"
    )
)
_PHONE_BEFORE_NUMBER = frozenset(
    words(
        "helpline hotline crisis support pager skype voice burner backup spare business "
        "daytime evening free toll tollfree whose "
        "आपका तुम्हारा उसका उनका हमारा नया"
    )
    + _CARRIERS
)
# Words whose "'s" before "number" is "is" or "has", not someone's: "that's number 3",
# "here's number 5".
_NOT_OWNERS = frozenset(words("it that what there here he she who where how let this"))
# Before 番号, 号, 号码 or 번호 (a space between allowed), what names a phone: a word for one,
# "my", "your", … ("我的号码", "私の番号", "제 번호"), "this", "that", "new" ("这个号码",
# "この番号", "이 번호", "새 번호"), as "my number" and "new number" do (not the 他 of 其他的,
# "other": "其他的号码").
_PHONE_BEFORE_UNSPACED = re.compile(
    r"(?:[电電][话話]|手[机機]|携帯|ケータイ|スマホ|連絡先|[联聯][系繫络絡]|微信|座[机機]|"
    r"固[话話]|전화|폰|연락처|(?<!其)[我你他她您][们們]?的|(?:私|僕|俺|あなた)の|"
    r"[这這那该該此新旧舊同个個]|この|その|あの|新しい|"
    r"(?<![가-힣])(?:제|내|나의|저의|이|그|새|저))[ \t]?\Z"
)
# Before 号码, 番号 or 번호 (not 号 alone: "3号"), a person or a home, whose number it is, as
# "my mum's number", also with 的, の or 의 ("'s") between: "我号码是", "我妈号码", "我妈的号码",
# "他号码", "엄마 번호", "언니 번호는", "엄마의 번호", "実家の番号" ("the family home's number"),
# "母の番号", "彼氏の番号" (not the 他 of 其他, "other", nor a Korean word that ends in such a
# one: "유형 번호", nor a Japanese one of two Chinese characters that ends in one: "工夫").
_PERSON_BEFORE_UNSPACED = re.compile(
    r"(?:(?<!其)[我你他她您][们們]?|[妈媽爸哥姐弟妹]{1,2}|老[公婆]|[男女]?朋友|[闺閨]蜜|"
    r"[爷爺奶]{2}|外[公婆]|老[师師]|家里|家裡|"
    r"(?<![가-힣])(?:엄마|아빠|어머니|아버지|언니|오빠|누나|형|동생|친구|남편|아내|와이프|"
    r"남친|여친|남자친구|여자친구|할머니|할아버지|선생님|집)|"
    r"実家|自宅|[母父]親|両親|祖[母父]|お[母父]さん|お[兄姉]ちゃん|お[兄姉]さん|ママ|パパ|"
    r"おばあちゃん|おじいちゃん|彼氏|彼女|友達|友人|旦那|主人|"
    r"(?<![\u4e00-\u9fff])[母父兄姉弟妹夫妻親家])(?:[ \t]?|[的の의][ \t]?)\Z"
)
# Before 号码, 番号 or 번호, a shop, a firm, an office or a workplace with 的, の or 의 between
# (in Korean also a space): its number is one to call, "店の番号", "会社の番号", "公司的号码",
# "가게 번호", "회사의 번호" (without the particle, "店番号" is a shop's id).
_PLACE_BEFORE_UNSPACED = re.compile(
    r"(?:(?:店|会社|職場|事務所|オフィス|公司|办公室|辦公室|单位|單位)[的の]"
    r"|(?<![가-힣])(?:가게|회사|사무실|직장|매장)(?:의|[ \t]))[ \t]?\Z"
)
# "Other" before 号码 ("其他的号码", "别的号码", "另外的号码"), and a trunk 0 at the start of
# the number it names, perhaps after the "-", "/", "," or "#" it is read from (see _numbered).
_OTHER_BEFORE_UNSPACED = re.compile(r"(?:其他|其它|[别別]的|另外)的?[ \t]?\Z")
_TRUNK_AT = re.compile(r"[-/,._#]*0")
# The groups of _NAMED that the word before them tells (see _numbered).
_NUMBERED = ("numbered", "unspaced_numbered")
#: A word that names a phone right after a number, a particle between allowed: "로 연락 주세요",
#: "に連絡ください", "打不通", "发短信".
PHONE_AFTER = re.compile(
    r"(?:으?로|에게|에|に|へ|まで|で)?[ \t]?(?:연락|전화|문자|카톡|連絡|[电電]話|电话|打不通|"
    r"打给|[发發]短信|[联聯][系繫]|ショートメール)"
)


def told(text: str, position: int, end: int | None = None) -> str | None:
    """What the last words before ``position`` tell of a number there (see :data:`_NAMED`):
    "phone", "id", or None where nothing in its sentence does.

    A word for an id tells nothing past a Chinese or Japanese comma (U+FF0C, U+3001) that
    stands some words after it ("学生证丢了" and a comma before "找我…"; not one right after it,
    as after "会員番号").
    With ``end``, where the number ends, a word that names a phone right after the number
    outweighs a word for an id before it, unless that word names the number itself ("주문번호",
    "订单" right before it)."""
    last, last_end, itself = _last_told(text, position)
    if (
        last == "id"
        and end is not None
        and not itself
        and _letters(text, last_end, position) >= 2
        and PHONE_AFTER.match(text, end)
    ):
        return "phone"
    return last


def phone_word_end(text: str, position: int, since: int = 0) -> int | None:
    """Where the word ends that names a phone number at ``position``, read from ``since`` on
    (see :func:`told`); None where the words before it tell no phone number."""
    last, last_end, _ = _last_told(text, position, since)
    return last_end if last == "phone" else None


def _last_told(text: str, position: int, since: int = 0) -> tuple[str | None, int, bool]:
    """What the last words before ``position`` (from ``since`` on) tell of a number there,
    where the word that tells it ends, and whether that word names the number itself
    ("受付番号", "order number"); see :func:`told`."""
    last: str | None = None
    last_end = 0
    itself = False
    for found in _NAMED.finditer(text, max(since, position - _NAMED_REACH), position):
        group = found.lastgroup
        if group == "comma":
            if last == "id" and _letters(text, last_end, found.start()):
                last = None
            continue
        said = _numbered(text, found, position) if group in _NUMBERED else group
        if said is not None:
            last = {"unspaced_phone": "phone", "unspaced_id": "id", "end": None}.get(said, said)
            last_end, itself = found.end(), group in _NUMBERED
    return last, last_end, itself


def _letters(text: str, start: int, end: int) -> int:
    """How many letters stand in ``text[start:end]``."""
    return sum(c.isalpha() for c in text[start:end])


def _numbered(text: str, found: re.Match[str], position: int) -> str | None:
    """What a number at ``position`` named by the word before it is (see :data:`_NAMED`):
    "phone", "id", or None where that word leaves it to the words before it ("the number",
    "会員の番号")."""
    if found.lastgroup == "numbered":
        before = found.group().split()[0].lower()
        if found.group("owner") and re.split("['\u2019]", before)[0] not in _NOT_OWNERS:
            return "phone"  # "my mum's number", "my parents' number"
        if before in _PHONE_BEFORE_NUMBER or before.endswith(("phone", "mobile", "cell", "line")):
            return "phone"  # "helpline number", "smartphone number", "landline number"
        return None if before in _NEUTRAL_BEFORE_NUMBER else "id"
    start = found.start()
    if _PHONE_BEFORE_UNSPACED.search(text, max(0, start - 6), start):
        return "phone"
    if found.group() not in ("号", "號") and _PERSON_BEFORE_UNSPACED.search(
        text, max(0, start - 8), start
    ):
        return "phone"
    if found.group() not in ("号", "號") and _PLACE_BEFORE_UNSPACED.search(
        text, max(0, start - 8), start
    ):
        return "phone"
    if found.group() in ("号码", "號碼") and _OTHER_BEFORE_UNSPACED.search(
        text, max(0, start - 4), start
    ):
        # "the other number", as "这个号码": a phone number where it has a trunk 0
        # ("其他的号码是02187654321"), nothing where it may be an id ("其他的号码2021123456").
        return "phone" if _TRUNK_AT.match(text, position) else None
    spaced = start > 0 and text[start - 1] in " \t"
    word = text[start - 1 - spaced] if start > spaced else ""
    if word in ("的", "の", "의"):  # another word's: "会員の番号", "카드의 번호"
        return None
    if UNSPACED_CHAR.match(word):  # "受付番号", "预约号", "예약번호", "주문 번호"
        return "id"
    # Nothing of such a script before it: 号码, 番号 and 번호 ("number", as in "号码" and a
    # colon) name a phone, 号 alone ("3号", "No. 3") nothing.
    return None if found.group() in ("号", "號") else "phone"
