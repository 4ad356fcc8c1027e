"""Street addresses in the word order of continental Europe and Latin America
(carelens.privacy_streets_europe, through carelens.privacy)."""

from __future__ import annotations

import unicodedata

import pytest

from carelens.privacy import find_personal, redact
from carelens.privacy_streets_europe import european_addresses


def addresses(text: str) -> list[str]:
    return [r.text for r in find_personal(text) if r.kind == "address"]


FOUND = [
    # German, Austrian, Swiss: the type written onto the name or after it, then the number
    (
        "Ich wohne in der Hauptstraße 15, 10115 Berlin, seit zwei Jahren.",
        "Hauptstraße 15, 10115 Berlin",
    ),
    ("Meine Adresse ist Bahnhofstr. 3a in Köln.", "Bahnhofstr. 3a"),
    ("Bahnhofstr.3a", "Bahnhofstr.3a"),
    ("Wir treffen uns Am Markt 7.", "Am Markt 7"),
    ("Sie wohnt in der Karl-Marx-Allee 12, 10243 Berlin.", "Karl-Marx-Allee 12, 10243 Berlin"),
    ("Berliner Straße 5, 8001 Zürich", "Berliner Straße 5, 8001 Zürich"),
    ("Schreib mir an Kaiserring 10, 68161 Mannheim", "Kaiserring 10, 68161 Mannheim"),
    ("Mariahilfer Straße 45/3, 1060 Wien", "Mariahilfer Straße 45/3, 1060 Wien"),
    ("Treffpunkt: An der Alster 3, 20099 Hamburg", "An der Alster 3, 20099 Hamburg"),
    ("Im Winkel 4, 50667 Köln", "Im Winkel 4, 50667 Köln"),
    # Dutch
    (
        "Ons huis is Prinsengracht 418-2, 1016 JA Amsterdam.",
        "Prinsengracht 418-2, 1016 JA Amsterdam",
    ),
    ("ik woon op Kalverstraat 92 sinds vorig jaar", "Kalverstraat 92"),
    ("Coolsingel 40, 3011 AD Rotterdam", "Coolsingel 40, 3011 AD Rotterdam"),
    ("stuur het naar Dorpsweg 12A", "Dorpsweg 12A"),
    ("we zitten op het Leidseplein 5, 1017 PS Amsterdam", "Leidseplein 5, 1017 PS Amsterdam"),
    # French: the number first; Belgian and Swiss French: the number after the name
    ("J'habite au 12 rue des Lilas, 75020 Paris depuis mai.", "12 rue des Lilas, 75020 Paris"),
    ("Écris-moi au 3 bis avenue Victor Hugo, merci.", "3 bis avenue Victor Hugo"),
    ("C'est au 5 boulevard Haussmann.", "5 boulevard Haussmann"),
    ("On se voit 8 place de la Bourse, 33000 Bordeaux", "8 place de la Bourse, 33000 Bordeaux"),
    ("12, rue de Rivoli", "12, rue de Rivoli"),
    ("Rue de la Loi 16, 1000 Bruxelles", "Rue de la Loi 16, 1000 Bruxelles"),
    # Spanish
    (
        "Vivo en Calle Mayor 24, 3º izquierda, 28013 Madrid.",
        "Calle Mayor 24, 3º izquierda, 28013 Madrid",
    ),
    ("mi piso está en C/ Alcalá 45, 2º B", "C/ Alcalá 45, 2º B"),
    ("Paseo de la Castellana 100, 28046 Madrid", "Paseo de la Castellana 100, 28046 Madrid"),
    ("vivo en calle de Toledo nº 12", "calle de Toledo nº 12"),
    (
        "Avenida Diagonal 640, piso 4, 08017 Barcelona",
        "Avenida Diagonal 640, piso 4, 08017 Barcelona",
    ),
    # Mexican
    (
        "Vivo en Av. Insurgentes Sur 1457, Col. Insurgentes Mixcoac, 03920 CDMX.",
        "Av. Insurgentes Sur 1457, Col. Insurgentes Mixcoac, 03920 CDMX",
    ),
    ("Calzada de Tlalpan 3000, 04220 Coyoacán", "Calzada de Tlalpan 3000, 04220 Coyoacán"),
    # Italian
    ("Abito in Via Garibaldi 9, 20121 Milano.", "Via Garibaldi 9, 20121 Milano"),
    ("abito in via dei Mille 12, 80121 Napoli (NA)", "via dei Mille 12, 80121 Napoli (NA)"),
    ("ci vediamo in Piazza della Signoria 3", "Piazza della Signoria 3"),
    ("Corso Buenos Aires 12, Milano", "Corso Buenos Aires 12"),
    ("Viale Monza 140, int. 5", "Viale Monza 140, int. 5"),
    ("Via XX Settembre 5", "Via XX Settembre 5"),
    # Portuguese and Brazilian
    (
        "Moro na Rua Augusta 1200, apto 53, São Paulo 01304-001.",
        "Rua Augusta 1200, apto 53, São Paulo 01304-001",
    ),
    ("O consultório fica na Avenida Paulista 1578.", "Avenida Paulista 1578"),
    ("Rua das Flores, 45 - Curitiba", "Rua das Flores, 45"),
    ("Rua 25 de Março 1000", "Rua 25 de Março 1000"),
    ("Travessa do Carmo 7, 1200-095 Lisboa", "Travessa do Carmo 7, 1200-095 Lisboa"),
    ("Praça da Sé 1, São Paulo - SP, 01001-000", "Praça da Sé 1, São Paulo - SP, 01001-000"),
]


@pytest.mark.parametrize(("text", "address"), FOUND)
def test_finds_addresses_in_their_own_word_order(text: str, address: str) -> None:
    assert addresses(text) == [address]
    assert address not in redact(text)


@pytest.mark.parametrize("form", ["NFC", "NFD"])
@pytest.mark.parametrize(
    "text",
    ["C/ Alcalá 45", "Praça da Sé 1", "Rue de l'Église 4, 67000 Strasbourg", "Mühlenstraße 3"],
)
def test_accents_written_either_way(form: str, text: str) -> None:
    written = unicodedata.normalize(form, text)
    assert redact(written) == "[address]"


def test_markdown_marks_and_soft_hyphens_stay_around_or_inside() -> None:
    assert redact("_Hauptstraße 15_") == "_[address]_"
    assert redact("Haupt\u00adstraße 15, 10115 Berlin") == "[address]"


NOT_FOUND = [
    # English prose with the types' words
    "I reached out via email 3 times and nobody answered.",
    "I heard it via Zoom 2 days ago.",
    "Via 3 people I found the group.",
    "Sent it via Facebook 2 weeks ago.",
    "via Reddit 10 minutes ago",
    "I rue the day I met him, 5 years ago.",
    "the calle 5 minutes away from my flat",
    "Plaza 2 was closed and Corso 2 starts monday.",
    "We ordered a Piazza 4 stagioni and a Rua 1 is closed sign.",
    "Our team got Platz 1 in the ranking.",
    "I am Sarah 25, from Leeds.",
    "Im Sarah 25.",
    "Im Emily 17, and I need advice",
    "I found 1 place Tom likes.",
    "my Offspring 2 tickets and a Hamstring 3 weeks ago",
    "Sharing 3 tips, Spring 2020, During 2019",
    # German
    "Am 15 Mai hatte ich Geburtstag.",
    "Im Jahr 2019 ging es mir schlecht.",
    "Am Ende 3 Tage ohne Schlaf.",
    "Am Montag 5 Leute, am Dienstag 3.",
    "Zum Beispiel 3, oder mehr.",
    "Der Heimweg 20 Minuten ist zu lang.",
    "Ich stand auf Parkplatz 3 und weinte.",
    "Auf Platz 1 der Liste steht mein Name.",
    "Die Hauptstraße ist 2 km lang.",
    "Ich habe 3 Mal angerufen.",
    # Dutch
    "Ik heb 3 keer gebeld.",
    "In de Kalverstraat zijn 20 winkels.",
    "Om 5 uur naar het Leidseplein.",
    "We waren met 4 mensen op de Dam.",
    "Ik wacht al 3 weken op de gracht.",
    # French
    "J'ai attendu 3 heures dans la rue.",
    "Il y a 5 rues dans le quartier.",
    "Je suis à la place 3 du classement.",
    "Elle habite rue des Lilas depuis 12 ans.",
    "J'ai 3 cours demain.",
    # Spanish
    "Esperé en la calle 5 minutos.",
    "Vivo en la calle Mayor desde hace 24 años.",
    "Calle Mayor 24 de mayo fue el día.",
    "Di un paseo de 20 minutos por la Avenida.",
    "En la Plaza Mayor 2 veces al año.",
    "Hace 3 años que no salgo de casa.",
    # Italian
    "Corso di Inglese 2 volte a settimana.",
    "Via Roma 5 volte al giorno passo.",
    "Ho preso una Piazza 4 stagioni.",
    "Ho fatto 3 corsi in piazza.",
    "È via da 2 anni.",
    "La strada 3 km più avanti.",
    # Portuguese
    "Rua 1 está fechada.",
    "Fiquei 3 horas na rua.",
    "Moro na Rua Augusta há 12 anos.",
    "A Avenida Paulista tem 3 km.",
    "Andei 2 vezes pela avenida.",
    # times, decimals and percentages after a street's name
    "Calle Mayor 10:30 es la hora.",
    "Avenida Paulista 3,5 km de trânsito",
    "Rua Augusta 20% mais cara",
]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_everyday_words_dates_and_counts_are_no_address(text: str) -> None:
    assert addresses(text) == []
    assert list(european_addresses(text)) == []


def test_english_addresses_are_unchanged() -> None:
    assert addresses("Flat 3, 12 High Road, Leeds") == ["Flat 3, 12 High Road, Leeds"]
    assert addresses("5 Avenue Road") == ["5 Avenue Road"]


def test_long_text_of_street_words_and_numbers_finishes() -> None:
    text = ("Calle Mayor 24 y Am Ende 3 Tage, 12 rue X 3 " * 5000) + "7 " * 50000
    found = list(european_addresses(text))
    assert len(found) == 5000
