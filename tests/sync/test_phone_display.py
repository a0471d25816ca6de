"""T4, issue 22: a phone is shown split by its real area code — 3, 4 or 5 digits — by the one function
every display uses (``sync.identifiers.format_phone``)."""

from __future__ import annotations

import pytest

from sync.identifiers import format_phone, parse_phone


@pytest.mark.parametrize(("typed", "shown"), [
    ("8 (4852) 75-25-29", "+7 4852 75-25-29"),  # Yaroslavl: phonenumbers alone says «+7 485 275-25-29»
    ("+7 48536 1-23-45", "+7 48536 1-23-45"),  # Rostov (Yaroslavl oblast): a 5-digit code
    ("+7 (4012) 12-34-56 доб. 7", "+7 4012 12-34-56 доб. 7"),  # Kaliningrad
    ("+7 3435 12-34-56", "+7 3435 12-34-56"),  # Nizhny Tagil, inside Yekaterinburg's zone 343 …
    ("+7 343 212-34-56", "+7 343 212-34-56"),  # … and Yekaterinburg itself
    ("8 495 123 45 67", "+7 495 123-45-67"),  # Moscow
    ("+7 916 123-45-67", "+7 916 123-45-67"),  # a mobile
    ("8 800 200-06-00", "+7 800 200-06-00"),  # toll-free
])
def test_t4_phone_is_shown_split_by_its_area_code(typed: str, shown: str) -> None:
    phone = parse_phone(typed)
    assert phone.display() == format_phone(phone.number, phone.extension) == shown
    assert parse_phone(shown) == phone  # what is shown reads back as the same phone


def test_t4_a_stored_value_that_is_not_a_phone_is_shown_as_it_is() -> None:
    assert format_phone("") == ""
    assert format_phone("не телефон") == "не телефон"
