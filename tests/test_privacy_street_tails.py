"""The postcode after an English-language address or PO box (carelens.privacy_street_tails,
through carelens.privacy)."""

from __future__ import annotations

import pytest

from carelens.privacy import find_personal, redact


def addresses(text: str) -> list[str]:
    return [r.text for r in find_personal(text) if r.kind == "address"]


FOUND = [
    # Canadian: after the province (was "[address] M5H 2N2")
    ("I live at 88 Queen St W, Toronto ON M5H 2N2 now.", "88 Queen St W, Toronto ON M5H 2N2"),
    ("88 Queen St W, Toronto, ON M5H 2N2", "88 Queen St W, Toronto, ON M5H 2N2"),
    ("12 Main Street, Halifax NS B3H4R2", "12 Main Street, Halifax NS B3H4R2"),
    # New Zealand: four digits after a town that are no year (were kept as a year)
    ("I'm at 3/41 Ponsonby Rd, Auckland 1011 these days.", "3/41 Ponsonby Rd, Auckland 1011"),
    ("Write to PO Box 4471, Wellington 6140 please.", "PO Box 4471, Wellington 6140"),
    ("12 Beach Road, Mount Maunganui 3116", "12 Beach Road, Mount Maunganui 3116"),
    # UK: after a comma, a county, a town of several words, or a line break
    ("12 High Road, Leeds, LS1 4AB", "12 High Road, Leeds, LS1 4AB"),
    (
        "5 Mill Lane, Cambridge, Cambridgeshire CB2 1RX",
        "5 Mill Lane, Cambridge, Cambridgeshire CB2 1RX",
    ),
    ("5 Mill Lane, Newcastle upon Tyne NE1 4ST", "5 Mill Lane, Newcastle upon Tyne NE1 4ST"),
    ("5 Mill Lane, LS1 4AB", "5 Mill Lane, LS1 4AB"),
    ("5 Mill Lane\nLeeds\nLS1 4AB", "5 Mill Lane\nLeeds\nLS1 4AB"),
    ("PO Box 12, Leeds LS1 4AB", "PO Box 12, Leeds LS1 4AB"),
    ("5 Mill Lane, Leeds, West Yorkshire, LS1 4AB", "5 Mill Lane, Leeds, West Yorkshire, LS1 4AB"),
]


@pytest.mark.parametrize(("text", "address"), FOUND)
def test_the_postcode_after_the_town_is_part_of_the_address(text: str, address: str) -> None:
    assert addresses(text) == [address]
    assert redact(text).count("[address]") == 1


KEPT = [
    # a year after a town, as before
    ("12 Elm Street, Springfield 2024", "12 Elm Street, Springfield", " 2024"),
    ("PO Box 4471, Wellington 1998", "PO Box 4471", ", Wellington 1998"),
    # digits with no town before them, or that go on as a range, time or decimal
    ("I lived at 12 Elm Street 1995-2000", "12 Elm Street", " 1995-2000"),
    ("12 Elm Street, Springfield 1011-1020", "12 Elm Street, Springfield", " 1011-1020"),
    ("12 Elm Street, Springfield 1130.5", "12 Elm Street, Springfield", " 1130.5"),
    ("PO Box 4471, 6140 of them", "PO Box 4471", ", 6140 of them"),
    # a town without a postcode after a PO box, and words that name no town
    ("PO Box 12, Leeds is where", "PO Box 12", ", Leeds is where"),
    ("5 Mill Lane, Mum said 2019", "5 Mill Lane", ", Mum said 2019"),
]


@pytest.mark.parametrize(("text", "address", "rest"), KEPT)
def test_years_ranges_and_lone_numbers_stay(text: str, address: str, rest: str) -> None:
    assert addresses(text) == [address]
    assert redact(text).endswith("[address]" + rest)
