"""Street addresses in the word order of continental Europe and Latin America, for
:mod:`carelens.privacy_streets`.

:func:`european_addresses` gives the ``(start, end)`` of each street address with a house
number written the way German, Dutch, French, Spanish, Italian and Portuguese write them:

* the name, ending in or followed by its street type, then the number: "Hauptstraße 15",
  "Bahnhofstr. 3a", "Karl-Marx-Allee 12", "Berliner Straße 5", "Prinsengracht 418-2", and
  with "Am", "An der", "Zum", … before the name ("Am Markt 7");
* the type, the name, then the number: "Calle Mayor 24", "C/ Alcalá 45", "Via Garibaldi 9",
  "Piazza della Signoria 3", "Corso Buenos Aires 12", "Rua Augusta, 1200", "Avenida Paulista
  1578", "Av. Insurgentes Sur 1457", "Rue de la Loi 16";
* the number, then the type and the name (French): "12 rue des Lilas", "3 bis avenue Victor
  Hugo", "5 boulevard Haussmann", "8 place de la Bourse";

then a floor, door or flat ("3º izquierda", "apto 53", "int. 5"), a colonia or bairro ("Col.
Insurgentes Mixcoac") and a postcode and town ("10115 Berlin", "1016 JA Amsterdam", "75020
Paris", "28013 Madrid", "20121 Milano (MI)", "São Paulo 01304-001", "03920 CDMX") where they
follow. The street's name is written with a capital, so the everyday words these types also
are stay ("via email 3 times", "la calle 5 minutos", "Piazza 4 stagioni", "Rua 1 is closed",
"Platz 1 in the ranking", "Am 15 Mai"), and a number that a count or time word follows is no
house number ("Via Zoom 3 times", "Hauptweg 20 Minuten"), nor is one before a time, decimal or
percentage. Where the type is also an English or everyday word ("via", "plaza", "largo",
"Am", "Im", …) the number must end the address: a punctuation mark, the end of the line, or
the postcode follows it ("Im" needs the postcode: "Im Sarah 25." is "I'm"); a French type that
is also an English word ("place", "route", "passage", …) needs "de", "du", "des" or "d'" after
it, a "bis" or a postcode. Only a number after a word with a capital, or before a French
type, is looked at, and the words before it only where one of them is a street word, so most
texts cost a pass or two of a simple pattern.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Final

from carelens.privacy_reading import MARKS, start_after, words

# Capital and small letters of the Latin script (to Latin Extended-B), and the marks a
# decomposed accent is written with.
_UPPER = "".join(chr(c) for c in range(0x250) if chr(c).isupper())
_LOWER = "".join(chr(c) for c in range(0x250) if chr(c).islower()) + MARKS
_UP = f"[{_UPPER}]"
_LO = f"[{_LOWER}]"
_END = r"(?![^\W_])"
_SP = r"[ \t]{1,2}"

# A word of a name: capitalised ("Garibaldi", "Victor-Hugo", "Saint-Germain-des-Prés"),
# written in capitals ("XX", "CDMX") or abbreviated ("Gral.", "Sta.").
_PLAIN_WORD = (
    f"(?:{_UP}(?:{_LO}|['\u2019]){{1,24}}|{_UP}{{2,5}}{_END})"
    f"(?:-(?:{_UP}|{_LO})(?:{_LO}|['\u2019]){{0,24}}){{0,3}}"
)
_WORD = f"(?:{_UP}{_LO}{{0,3}}\\.|{_PLAIN_WORD})"
# Small words inside a name ("de la", "dei", "do", "van der"), and "d'" and "l'" glued.
_PARTICLE = (
    r"(?:de|del|della|delle|dello|dei|degli|di|da|do|dos|das|du|des|la|le|les|los|las|el|il|"
    r"lo|y|e|i|sur|sous|en|al|alla|alle|van|der|den|het|ten|ter|am|an|im|zum|zur|und)"
)
_GLUED = r"(?:[dlDL]['\u2019])"
_NAME_PART = f"(?:{_PARTICLE}{_SP}){{0,2}}{_GLUED}?{_WORD}"
# A date as a name ("Rua 25 de Março", "Avenida 9 de Julio", "Via XX Settembre" is a word).
_DATE_NAME = rf"\d{{1,2}}{_SP}(?:de|di){_SP}{_UP}{_LO}{{2,12}}"
_NAME = f"(?:{_DATE_NAME}|{_NAME_PART})(?:{_SP}{_NAME_PART}){{0,4}}"

# German, Austrian, Swiss and Dutch street types written onto the name ("Hauptstraße"); "ring"
# only after a consonant ("Kaiserring", not "Sharing"), see _compound_ok.
_COMPOUND_TYPES = words(
    "straße strasse str. str gasse weg allee platz damm ufer chaussee zeile graben ring "
    "straat gracht laan plein kade singel dijk steeg dreef markt"
)
_COMPOUND = (
    f"(?P<compound>(?:{_UP}{_LO}{{1,20}}-){{0,3}}{_UP}{_LO}{{1,30}}?(?:"
    + "|".join(re.escape(t) for t in _COMPOUND_TYPES)
    + f")|(?:{_UP}{_LO}{{1,20}}-){{1,3}}(?:Straße|Strasse|Str\\.|Gasse|Weg|Allee|Platz|Damm|"
    f"Ufer|Ring|Chaussee|Straat|Laan|Plein|Kade))(?:(?<=\\.)[ \\t]{{0,2}}|{_SP})"
)
# Compounds of those types that are no street ("Parkplatz 3", "Arbeitsplatz").
_NOT_STREETS: Final = frozenset(
    words(
        "parkplatz sitzplatz stellplatz arbeitsplatz spielplatz studienplatz ausbildungsplatz "
        "kitaplatz krippenplatz campingplatz stehplatz schlafplatz heimweg rückweg umweg "
        "ausweg schulweg arbeitsweg lebensweg mittelweg holzweg"
    )
)
# The type a word apart after the name ("Berliner Straße", "Alte Gasse").
_SEPARATE = (
    f"(?P<adjective>{_UP}{_LO}{{1,20}}(?:er|e|en)){_SP}(?:Straße|Strasse|Str\\.|Gasse|Weg|Allee|"
    f"Platz|Damm|Ufer|Chaussee|Markt|Graben){_SP}"
)
# Words of that shape that make no street's name ("Unter", "Erster Platz").
_NOT_ADJECTIVES: Final = frozenset(
    words(
        "Unter Hinter Über Oder Aber Der Die Eine Ihre Seine Meine Deine Unsere Eure Jeder Jede "
        "Keine Diese Dieser Jene Welche Welcher Alle Andere Anderer Erste Erster Zweiter Dritter "
        "Vierter Fünfter Letzte Letzter Nächste Nächster Gleiche Ganze Immer Wieder Weiter Other "
        "Under Over After Never Ever Water Either Whether The"
    )
)
# "Am Markt", "An der Alster", "Zum Hafen", "Op de Berg".
_PREPOSITION = (
    r"(?P<preposition>(?:Am|Im|Zum|Zur|An der|An den|Auf der|Auf dem|Auf den|In der|In den|"
    r"Unter den|Hinter der|Hinter dem|Vor dem|Bei der|Op de|Aan de|In de|Op het))"
    f"{_SP}(?P<after>{_UP}{_LO}{{2,24}}(?:{_SP}{_UP}{_LO}{{2,24}})?){_SP}"
)
_GERMAN_NUMBER = (
    r"(?P<number>\d{1,4}[a-zA-Z]?(?:[ \t]?[-/][ \t]?\d{1,4}[a-zA-Z]?|-(?:I{1,3}|IV|hs))?"
    r"(?:[ \t](?:hs|bis|huis))?)" + _END
)


def _either_form(types: tuple[str, ...]) -> tuple[str, ...]:
    """``types`` and those with an accent also as written decomposed (NFD: "praça" as "prac",
    U+0327 and "a")."""
    return types + tuple(nfd for t in types if (nfd := unicodedata.normalize("NFD", t)) != t)


# Types before the name: Spanish, Italian, Portuguese, and French where the number follows
# the name (Belgium, Switzerland). Those that are also everyday words in English or another
# language need the number to end the address (see _STRICT).
_TYPES_FIRST = _either_form(
    words(
        "calle c/ avenida avda. avda av. paseo plaza pza. ronda rambla camino carretera ctra. "
        "travesía glorieta carrera calzada bulevar callejón via viale v.le piazza p.za p.zza "
        "piazzale corso c.so largo vicolo lungomare lungotevere strada borgo contrada salita rua "
        "travessa praça alameda estrada rodovia rue chaussée"
    )
)
_STRICT: Final = frozenset(words("via plaza largo camino alameda strada borgo carrera ronda"))
_TYPE_FIRST = (
    r"(?P<first>(?i:"
    + "|".join(re.escape(t) for t in sorted(_TYPES_FIRST, key=len, reverse=True))
    + r"))"
    + r"(?:(?<=/)[ \t]{0,2}|"
    + _SP
    + ")"
    + f"(?P<first_name>{_NAME})"
)
# French types before the name, the number before them. Those that are also English words
# need a particle after them ("place de la Bourse"), a "bis" or a postcode.
_FRENCH_TYPES = _either_form(
    words(
        "rue avenue av. boulevard bd bld blvd allée allee impasse chemin quai faubourg fg ruelle "
        "sentier cité résidence esplanade chaussée place route passage square cours promenade "
        "villa voie parvis montée traverse"
    )
)
_FRENCH_PLAIN: Final = frozenset(
    _either_form(
        words("rue avenue av. boulevard bd bld blvd allée allee impasse chemin quai faubourg fg")
        + words("ruelle sentier cité résidence esplanade chaussée")
    )
)
_FRENCH = (
    start_after(".,/$£€¥@:+'-")
    + r"(?P<french_number>\d{1,4}(?:[ \t]?(?:bis|ter|quater)"
    + _END
    + r"|[A-D]"
    + _END
    + r")?),?"
    + _SP
    + r"(?P<french>(?i:"
    + "|".join(re.escape(t) for t in sorted(_FRENCH_TYPES, key=len, reverse=True))
    + r"))"
    + _END
    + _SP
    + f"(?P<french_name>{_NAME})"
)
_NUMBER = (
    r"(?:,[ \t]{0,2}|[ \t]{1,2})(?:(?i:nº|n°|no\.|n\.|nr\.|núm\.|num\.|número)[ \t]?)?"
    r"(?P<number_first>\d{1,5}[a-zA-Z]?(?:[-/]\d{1,4}[a-zA-Z]?)?)" + _END
)

# What may follow the number: a floor and door, a flat, a colonia or bairro, then a postcode
# and town (or a town and a Brazilian CEP).
_FLOOR = (
    r",?[ \t]{1,2}\d{1,2}[ \t]?[º°ª]\.?(?:[ \t]?(?i:izquierda|izqda\.?|izq\.?|derecha|dcha\.?|"
    r"dcho\.?|centro|ctro\.?|interior|int\.|exterior|ext\.)|[ \t]?[A-H]" + _END + r"|"
    r"[ \t]?\d{1,2}[ \t]?[ºª°])?"
)
_FLAT = (
    r",?[ \t]{1,2}(?i:piso|planta|puerta|pta\.?|esc\.?|escalera|portal|bloque|apto\.?|apt\.?|"
    r"ap\.|apartamento|depto\.?|dpto\.?|departamento|int\.|interno|scala|piano|sala|bloco|"
    r"casa|andar|conj\.?|lote|local|loja|oficina|torre|appt\.?|whg\.?|wohnung|bus)"
    r"[ \t]?(?:n[º°.][ \t]?)?[\dA-Z]{1,5}" + _END
)
_COLONIA = (
    r",?[ \t]{1,2}(?i:col\.|colonia|bairro|barrio|fracc\.|fraccionamiento|urb\.|urbanización)"
    + _SP
    + _NAME
)
_TOWN = f"{_PLAIN_WORD}(?:[ \\t-](?:{_PARTICLE}[ \\t-])?{_PLAIN_WORD}){{0,3}}"
_PLACE = (
    r"(?P<place>(?:,[ \t]{0,3}|[ \t]{1,3}|[ \t]?[-\u2013][ \t]?|,?[ \t]{0,3}\n[ \t]{0,3})(?:"
    r"(?:[A-Z]{1,2}-)?\d{5}"
    + _SP
    + _TOWN
    + r"(?:[ \t]?\([A-Z]{2}\))?"
    + r"|\d{4}[ \t]?[A-Z]{2}"
    + _SP
    + _TOWN
    + r"|\d{4}(?:-\d{3})?"
    + _SP
    + _TOWN
    + r"|"
    + _TOWN
    + r"(?:[ \t]?[-\u2013/,][ \t]?[A-Z]{2})?,?[ \t]{1,2}(?:CEP:?[ \t]?)?\d{5}-?\d{3}"
    + r")"
    + _END
    + ")?"
)
_AFTER = f"(?:{_FLOOR}|{_FLAT}){{0,3}}(?:{_COLONIA})?{_PLACE}"

_START = r"(?:(?<![\w" + MARKS + r"\-'/.])|(?<=_)(?<![^\W_]_))"
_ADDRESS = re.compile(
    _START
    + r"(?:"
    + _FRENCH
    + "|(?:"
    + _TYPE_FIRST
    + _NUMBER
    + ")|(?:(?:"
    + _COMPOUND
    + "|"
    + _SEPARATE
    + "|"
    + _PREPOSITION
    + ")"
    + _GERMAN_NUMBER
    + "))"
    + _AFTER
)

# Words that say the number before them counts something or is a time: no house number.
_COUNTED: Final = frozenset(
    words(
        "times time years year yrs days day weeks week months month hours hour hrs minutes "
        "minute mins min seconds secs people persons kids friends stars points pm percent "
        "euros euro dollars pounds km miles meters metres of jahre jahren jahr tage tagen tag "
        "mal stunden stunde minuten wochen woche monate monaten monat leute personen kinder "
        "uhr prozent ans jours jour fois heures heure semaines semaine mois personnes gens "
        "enfants años año días día veces vez horas hora semanas semana meses mes personas "
        "niños pesos anni anno giorni giorno volte volta ore ora settimane settimana mesi mese "
        "persone bambini anos ano dias dia vezes horas semanas meses pessoas crianças reais "
        "jaar dagen dag keer uur weken week maanden maand mensen kinderen"
    )
)
# Names after "Am", "Im", … that are times or phrases ("Im Jahr 2019", "Zum Beispiel 3").
_NOT_PLACES: Final = frozenset(
    words(
        "Jahr Jahre Ende Anfang Moment Tag Abend Morgen Mittag Nachmittag Vormittag Wochenende "
        "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Januar Februar März April "
        "Mai Juni Juli August September Oktober November Dezember Sommer Winter Frühling Herbst "
        "Schnitt Durchschnitt Prinzip Grunde Ganzen Alter Vergleich Monat Beispiel Glück "
        "Schluss Teil Zeit Moment Vorfeld Endeffekt Prinzip Allgemeinen Nachhinein Kopf Leben"
    )
)
# Months, in the languages above and English: a number before one is a date ("Calle Mayor 24
# de mayo", "Hauptstraße 15 Mai").
_MONTHS: Final = frozenset(
    words(
        "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre "
        "noviembre diciembre gennaio febbraio aprile maggio giugno luglio settembre ottobre "
        "dicembre janeiro fevereiro março maio junho julho setembro outubro novembro dezembro "
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre "
        "januar februar märz juni juli oktober dezember januari februari maart mei augustus "
        "january february march april may june july august september october november december"
    )
)
# Capitalised words that start no street's name ("via The Guardian 3", "Via My 2").
_NOT_NAMES: Final = frozenset(
    words("The My Your His Her Our Their This That It We You He She They Me Him Us Them")
)
_NEXT_WORD = re.compile(r"[ \t]{0,2}([^\W\d_]+)(?:[ \t]{1,2}([^\W\d_]+))?")
_NUMBER_GOES_ON = re.compile(r"[.,:]\d|[ \t]?%")
_ENDS = re.compile(r"[ \t]*(?:$|[\n,.;:!?)\]])")
_YEAR = re.compile(r"(?:19|20)\d\d")


def _address_ok(text: str, m: re.Match[str]) -> bool:
    number_end = m.end("number") if m["number"] is not None else None
    if number_end is None:
        number_end = m.end("number_first") if m["number_first"] is not None else m.end("french")
    after = text[number_end : number_end + 30]
    if m["number"] is not None or m["number_first"] is not None:
        if _NUMBER_GOES_ON.match(after):
            return False
        word = _NEXT_WORD.match(after)
        if word is not None and _counts_or_dates(word[1].lower(), (word[2] or "").lower()):
            return False
    name = m["first_name"] or m["french_name"]
    if name is not None and name.split()[0].strip(".") in _NOT_NAMES:
        return False
    if m["adjective"] is not None and m["adjective"] in _NOT_ADJECTIVES:
        return False
    if m["compound"] is not None and not _compound_ok(m["compound"]):
        return False
    if m["number"] is not None and _YEAR.fullmatch(m["number"]):
        return False  # "Im Jahr 2019"-like; German and Dutch numbers are shorter
    strict = m["preposition"] is not None or (
        m["first"] is not None and m["first"].lower() in _STRICT
    )
    if m["preposition"] is not None and any(w in _NOT_PLACES for w in m["after"].split()):
        return False
    if m["preposition"] == "Im" and m["place"] is None:
        return False  # "Im Sarah 25." is "I'm" written without its apostrophe
    if m["french"] is not None:
        return _french_ok(m)
    return not strict or m["place"] is not None or _ENDS.match(text, m.end()) is not None


def _counts_or_dates(word: str, then: str) -> bool:
    """Whether the words after a number say it counts or dates something."""
    return (
        word in _COUNTED
        or word in _MONTHS
        or (word in ("de", "di", "del", "du") and then in _MONTHS)
    )


def _compound_ok(word: str) -> bool:
    name = word.rstrip(".").lower()
    if name.rsplit("-", 1)[-1] in _NOT_STREETS:
        return False
    if name.endswith(("spring", "string", "earring", "keyring")):
        return False  # English words: "Offspring 2", "Hamstring 3"
    if name.endswith("ring"):  # "Kaiserring", "Nordring"; not "Sharing", "Spring", "During"
        stem = name[:-4].rsplit("-", 1)[-1]
        return len(stem) >= 3 and stem[-1] not in "aeiouyäöü"
    return True


def _french_ok(m: re.Match[str]) -> bool:
    if m["french"].lower() in _FRENCH_PLAIN:
        return True
    name = m["french_name"]
    return (
        re.match(r"(?:" + _PARTICLE + r")[ \t]|[dlDL]['\u2019]", name) is not None
        or m["french_number"][-1:].isalpha()
        or m["place"] is not None
    )


# Where a house number may be. After a street's name, whose last word has a capital
# ("Mayor 24", "Hauptstraße 15", "Bahnhofstr.3a", "Toledo nº 12"): the words before it are
# read. Before a French type: the space after a number (and its "bis" or letter) before a
# letter that starts a French type ("12 rue"), where the number is read back. Each pattern
# starts with a plain character class and looks around only there, so a text of digits, or
# of words in small letters, costs little.
_AFTER_A_NAME = re.compile(
    f"{_UP}(?:[^\\W\\d_]|[{MARKS}]|['\u2019.-]){{0,40}}+"
    r"(?:[ \t]{1,2}(?i:nº|n°|no\.|n\.|nr\.|núm\.|num\.|número))?(?:,[ \t]{0,2}|[ \t]{1,2})?"
    r"(?=[0-9])"
)
_BEFORE_A_TYPE = re.compile(
    r"[ \t](?=["
    + "".join(sorted({t[0] + t[0].upper() for t in _FRENCH_TYPES}))
    + r"])(?:(?<=[0-9][ \t])|(?<=[0-9],[ \t])|(?<=[0-9][A-D][ \t])|(?<=[ \t0-9]bis[ \t])"
    r"|(?<=[ \t0-9]ter[ \t])|(?<=quater[ \t]))"
)
_FRENCH_NUMBER = re.compile(r"(?<![0-9])[0-9]{1,4}(?:[ \t]?(?:bis|ter|quater)|[A-D])?,?[ \t]{1,2}$")
_OPENING = "(\"'\u201c\u2018\u00ab*_["
_FIRST_WORDS: Final = frozenset(_TYPES_FIRST)
_PREPOSITION_WORDS: Final = frozenset(words("Am Im Zum Zur An Auf In Unter Hinter Vor Bei Op Aan"))
_SEPARATE_TYPES: Final = frozenset(
    words("Straße Strasse Str. Gasse Weg Allee Platz Damm Ufer Chaussee Markt Graben")
)
_PREPOSITIONS_LOW: Final = frozenset(w.lower() for w in _PREPOSITION_WORDS)
_SEPARATE_LOW: Final = frozenset(w.lower() for w in _SEPARATE_TYPES)
# The opening marks and the comma, read as spaces where the words are first looked at.
_APART: Final = str.maketrans(dict.fromkeys(_OPENING + ",", " "))
_SUFFIXES: Final = tuple(_COMPOUND_TYPES) + tuple(
    t.lower() for t in words("Straße Strasse Str. Gasse Weg Allee Platz Damm Ufer Ring Chaussee")
)


def _starts_before(text: str, number: int, floor: int) -> list[int]:
    """Where, in the words before the digit at ``number`` (not before ``floor``), a street's
    name or type that the number may follow starts."""
    low_end = max(floor, number - 80)
    chunk = text[low_end:number]
    # Most numbers follow no street word: tell that from the words alone, in lower case.
    lowered = chunk.lower().translate(_APART).split()[-8:]
    if not lowered or (
        _FIRST_WORDS.isdisjoint(lowered)
        and "c/" not in chunk.lower()
        and _PREPOSITIONS_LOW.isdisjoint(lowered[-4:])
        and not lowered[-1].endswith(_SUFFIXES)
        and (len(lowered) < 2 or lowered[-1] not in _SEPARATE_LOW)
    ):
        return []
    tokens = []
    at = len(chunk)
    for word in reversed(chunk.split()[-8:]):
        at = chunk.rfind(word, 0, at)
        bare = word.lstrip(_OPENING)
        tokens.append((low_end + at + len(word) - len(bare), bare))
    tokens.reverse()
    starts = []
    last = len(tokens) - 1
    for i, (start, word) in enumerate(tokens):
        low = word.lower().rstrip(",")
        if (
            low in _FIRST_WORDS
            or low.startswith("c/")
            or (i >= last - 3 and word in _PREPOSITION_WORDS)
            or (i == last and low.endswith(_SUFFIXES))
            or (i == last - 1 and tokens[last][1] in _SEPARATE_TYPES)
        ):
            starts.append(start)
    return starts


def european_addresses(text: str) -> Iterator[tuple[int, int]]:
    """The ``(start, end)`` of each street address in a European word order in ``text``."""
    numbers = [(found.end(), False) for found in _AFTER_A_NAME.finditer(text)]
    for space in _BEFORE_A_TYPE.finditer(text):
        french = _FRENCH_NUMBER.search(text, max(0, space.start() - 12), space.end())
        if french is not None:
            numbers.append((french.start(), True))
    numbers.sort()
    position = 0
    for number, before_a_type in numbers:
        if number < position:
            continue
        for start in [number] if before_a_type else _starts_before(text, number, position):
            m = _ADDRESS.match(text, start)
            if m is not None and m.end() > number and _address_ok(text, m):
                yield m.span()
                position = m.end()
                break
