"""Issue 16, classes 4 and 7 and the text rule of class 3, on the shared models alone (no server):
whatever JSON a client sends, only a pydantic ValidationError comes out of a writable model or a
request body, and its message is Russian; identifiers are one normal form; control characters and
lone surrogates are refused in every text. The same through a real server: tests/server/test_hostile_input.py."""

from __future__ import annotations

import json
import re
import uuid
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from sync import identifiers, protocol
from sync.identifiers import InvalidIdentifier
from sync.records import SPECS, explain
from sync.text import bad_character

WRITABLE = sorted({(m.__name__, m) for s in SPECS.values() for m in (s.update, s.create) if m is not None},
                  key=lambda pair: pair[0])
BODIES = [(m.__name__, m) for m in (protocol.LoginRequest, protocol.RefreshRequest, protocol.Mutation,
                                    protocol.PushRequest)]
MODELS = [pytest.param(model, id=name) for name, model in WRITABLE + BODIES]
FEW = settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

# values close to valid ones reach deeper than random text: the checks behind the type checks
NEAR_VALID = ["7707083893", "７７０７０８３８９３", "0000000000", "770101001", "1027700132195", "+7 495 123-45-67",
              "ivanov@example.ru", "2024-01-31", str(uuid.UUID(int=7)), "organization", "ticket", "upsert",
              "a" * 64, "", " ", "\x00", "\ud800", "x\x85y", "consultation", "phone"]
ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=20) | st.sampled_from(NEAR_VALID)
SCALARS = (st.none() | st.booleans() | st.integers() | st.integers(-(2**70), 2**70)
           | st.floats(allow_nan=True, allow_infinity=True) | ANY_TEXT)
JSON = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(ANY_TEXT, inner, max_size=4), max_leaves=12)


def fields_of(model: type[BaseModel]) -> st.SearchStrategy[dict[str, Any]]:
    """A body with (some of) the model's own field names, each mapped to any JSON value."""
    return st.fixed_dictionaries({}, optional={name: JSON for name in model.model_fields})


def only_validation_errors(model: type[BaseModel], value: Any) -> None:
    """``value`` is accepted, or refused with a ValidationError whose explanation is Russian; what is
    accepted can be written out as UTF-8 JSON (a lone surrogate never gets through)."""
    try:
        checked = model.model_validate(value)
    except ValidationError as exc:
        field, message = explain(exc, model)
        words = message.replace(str(field), "").replace("E-mail", "")  # a field's name; the form's label
        assert message and not re.search(r"[A-Za-z]{3,}", words), message
        return
    json.dumps(checked.model_dump(mode="json"), ensure_ascii=False).encode()


@pytest.mark.parametrize("model", MODELS)
@FEW
@given(value=JSON)
def test_hostile_any_json_at_the_top_is_a_validation_error(model: type[BaseModel], value: Any) -> None:
    only_validation_errors(model, value)


@pytest.mark.parametrize("model", MODELS)
@FEW
@given(data=st.data())
def test_hostile_any_json_in_the_fields_is_a_validation_error(model: type[BaseModel], data: st.DataObject) -> None:
    only_validation_errors(model, data.draw(fields_of(model)))


@pytest.mark.parametrize("value", [7707083893, 7.7e9, True, [], {"inn": "7707083893"}])
@pytest.mark.parametrize("field", ["inn", "kpp", "ogrn"])
def test_hostile_a_number_or_an_object_for_an_identifier_is_refused(field: str, value: Any) -> None:
    """The examples of the issue: these were TypeErrors (a 500 on the server)."""
    body = {"inn": "7707083893", "name": "ПАО Сбербанк", field: value}
    model = SPECS["organization"].model(creating=True)
    with pytest.raises(ValidationError) as caught:
        model.model_validate(body)
    assert explain(caught.value, model) == (field, f"Поле «{model.model_fields[field].title}»: ожидается текст.")


# --- class 7: one normal form for identifiers ------------------------------------------------------

SAME_INN = ["７７０７０８３８９３", " 7707 083 893 ", "7707-083-893", "7707\u00a0083\u2009893", "٧٧٠٧٠٨٣٨٩٣",
            "77０7083893"]
SAME_KPP = ["７７３６０１００１", "7736 01 001", "7736-01-001", "\u2003773601001\u2003"]
SAME_OGRN = ["１０２７７００１３２１９５", "1 027 700 132 195", "1027-700-132-195"]
SAME_PHONE = ["＋７ ４９５ １２３－４５－６７", "+7\u00a0495\u00a0123-45-67", " 8 (495) 123 45 67 "]
SAME_EMAIL = ["ＩＶＡＮＯＶ＠ＥＸＡＭＰＬＥ．ＲＵ", " ivanov@example.ru ", "Ivanov @Example.ru"]


@pytest.mark.parametrize("typed", SAME_INN)
def test_hostile_t7_an_inn_written_another_way_is_the_same_inn(typed: str) -> None:
    assert identifiers.validate_inn(typed) == "7707083893"
    assert identifiers.organization_key(typed, "７７３６ ０１ ００１") == ("7707083893", "773601001")


@pytest.mark.parametrize("typed", SAME_KPP)
def test_hostile_t7_a_kpp_written_another_way_is_the_same_kpp(typed: str) -> None:
    assert identifiers.validate_kpp(typed, "7707083893") == "773601001"


@pytest.mark.parametrize("typed", SAME_OGRN)
def test_hostile_t7_an_ogrn_written_another_way_is_the_same_ogrn(typed: str) -> None:
    assert identifiers.validate_ogrn(typed) == "1027700132195"


@pytest.mark.parametrize("typed", SAME_PHONE)
def test_hostile_t4_a_phone_written_another_way_is_the_same_phone(typed: str) -> None:
    assert identifiers.parse_phone(typed).number == "+74951234567"


@pytest.mark.parametrize("typed", SAME_EMAIL)
def test_hostile_t4_an_email_written_another_way_is_the_same_email(typed: str) -> None:
    assert identifiers.normalize_email(typed) == "ivanov@example.ru"
    assert identifiers.email_key(typed) == "ivanov@example.ru"


def test_hostile_t7_the_records_store_the_normal_form() -> None:
    organization = SPECS["organization"].model(creating=True).model_validate(
        {"inn": SAME_INN[0], "kpp": SAME_KPP[0], "ogrn": SAME_OGRN[0], "name": "ПАО Сбербанк"})
    assert (organization.inn, organization.kpp, organization.ogrn) == ("7707083893", "773601001", "1027700132195")  # type: ignore[attr-defined]
    contact = SPECS["contact"].model(creating=True).model_validate({
        "organization_id": str(uuid.UUID(int=1)), "full_name": "Иванов", "email": SAME_EMAIL[0],
        "phone": SAME_PHONE[0]})
    assert (contact.email, contact.phone) == ("ivanov@example.ru", "+74951234567")  # type: ignore[attr-defined]


@pytest.mark.parametrize(("check", "value", "message"), [
    (identifiers.validate_inn, "0000000000", "ИНН не может состоять из одних нулей."),
    (identifiers.validate_inn, "000000000000", "ИНН не может состоять из одних нулей."),
    (identifiers.validate_inn, "０００ ０００ ００００", "ИНН не может состоять из одних нулей."),
    (identifiers.validate_kpp, "000000000", "КПП не может состоять из одних нулей."),
    (identifiers.validate_ogrn, "0000000000000", "ОГРН не может состоять из одних нулей."),
    (identifiers.validate_ogrn, "000000000000000", "ОГРН не может состоять из одних нулей."),
])
def test_hostile_t7_all_zero_numbers_are_refused(check: Any, value: str, message: str) -> None:
    with pytest.raises(InvalidIdentifier) as caught:
        check(value)
    assert caught.value.message == message


# every way these checks can refuse, to read their messages: wrong digits, letters, lengths, scripts
REFUSED_INPUTS = ["", " ", "0", "abc", "77070838AB", "7707083894", "770708389", "77070838931", "0000000000",
                  "٧٧٠٧٠٨٣٨٩٤", "¹²³⁴⁵⁶⁷⁸⁹⁰", "ⅠⅡⅢ", "770101001", "7701010O1", "1027700132194", "0027700132195",
                  "502700132195", "304500116000157", "504500116000157", "+1 202 555 0100", "+7 123", "8 (495) 123",
                  "ivanov", "ivanov@", "@example.ru", "a@b", "a b@c.ru", "+7 495 123-45-67 доб. 12345678901",
                  "\x00", "７", "0" * 13, "0" * 15, "1" * 12, "1" * 13, "3" * 15]
CHECKS = [identifiers.validate_inn, identifiers.validate_ogrn, identifiers.parse_phone, identifiers.normalize_email,
          lambda v: identifiers.validate_kpp(v, "7707083893"), lambda v: identifiers.validate_kpp(v, "500100732259")]


def test_hostile_t7_no_message_of_the_identifier_checks_has_latin_letters() -> None:
    messages: set[str] = set()
    for check in CHECKS:
        for value in REFUSED_INPUTS:
            try:
                check(value)
            except InvalidIdentifier as exc:
                messages.add(exc.message)
    assert len(messages) >= 15  # the sweep does reach the checks' many messages
    latin = sorted(m for m in messages if re.search(r"[A-Za-z]", m))
    assert latin == []


# --- class 3: one rule for control characters ------------------------------------------------------

REFUSED_CHARACTERS = [chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0))]
REFUSED_CHARACTERS += ["\ud800", "\udfff", "\udc00"]


def valid_body(model: type[BaseModel]) -> dict[str, Any]:
    """A body each writable model accepts, so that the text rule is the only reason for a refusal."""
    one = str(uuid.UUID(int=1))
    bodies: dict[str, dict[str, Any]] = {
        "OrganizationData": {"inn": "7707083893", "kpp": "773601001", "ogrn": "1027700132195", "name": "ПАО Сбербанк",
                             "full_name": "Публичное акционерное общество", "address": "Москва"},
        "ContactData": {"organization_id": one, "full_name": "Иванов", "position": "Бухгалтер",
                        "email": "ivanov@example.ru", "phone": "+7 495 123-45-67", "phone_ext": "12"},
        "SoftwareComplexData": {"code": "ЗУП", "name": "Зарплата"},
        "ComponentData": {"complex_id": one, "name": "Отчётность"},
        "ContractData": {"customer_id": one, "number": "12/24", "partner": "Партнёр", "valid_from": "2024-01-01",
                         "valid_to": "2024-12-31", "complex_ids": [one]},
        "ListItemData": {"label_ru": "Ошибка", "label_en": "Bug"},
        "TicketData": {"organization_id": one, "applicant_name": "Иванов", "email": "ivanov@example.ru",
                       "phone": "+7 495 123-45-67", "phone_ext": "", "complex_id": one, "ticket_type": "consultation",
                       "channel": "phone", "priority": "normal", "system_info": "Windows", "subject": "Тема",
                       "text": "Текст", "provisional_number": "П-1"},
        "TicketUpdateData": {"subject": "Тема", "text": "Текст", "system_info": "Windows"},
        "AttachmentData": {"ticket_id": one, "file_name": "отчёт.pdf", "size": 1, "sha256": "a" * 64,
                           "content_type": "application/pdf"},
        "AttachmentUpdateData": {"file_name": "отчёт.pdf"},
    }
    return dict(bodies[model.__name__])


def text_fields(model: type[BaseModel]) -> list[str]:
    return [name for name, info in model.model_fields.items() if info.annotation in (str, str | None)]


TEXT_FIELDS = [pytest.param(model, name, id=f"{model_name}.{name}") for model_name, model in WRITABLE
               for name in text_fields(model)]


def test_every_writable_model_has_a_valid_body_here() -> None:
    for _name, model in WRITABLE:
        model.model_validate(valid_body(model))


@pytest.mark.parametrize(("model", "field"), TEXT_FIELDS)
def test_hostile_each_control_character_in_each_text_field_is_refused(model: type[BaseModel], field: str) -> None:
    for char in REFUSED_CHARACTERS:
        body = valid_body(model)
        body[field] = f"{body.get(field) or 'текст'}{char}ещё"
        with pytest.raises(ValidationError) as caught:
            model.model_validate(body)
        named, message = explain(caught.value, model)
        assert named == field and f"U+{ord(char):04X}" in message and "недопустимый символ" in message, message


@pytest.mark.parametrize(("model", "field"), TEXT_FIELDS)
def test_hostile_tab_and_newlines_are_text(model: type[BaseModel], field: str) -> None:
    """Tab, line feed and carriage return are ordinary text where any text is (free text fields)."""
    body = valid_body(model)
    body[field] = f"{body.get(field) or 'текст'}\tещё\r\nи ещё"
    try:
        model.model_validate(body)
    except ValidationError as exc:  # a field with a format of its own (INN, e-mail …) refuses it by that format
        assert explain(exc, model)[0] == field and exc.errors()[0]["type"] != "text_character"


def test_hostile_free_text_keeps_tabs_and_line_breaks() -> None:
    model = SPECS["ticket"].model(creating=False)
    text = "Строка 1\r\nСтрока 2\n\tс отступом"
    assert model.model_validate({"subject": "Тема", "text": text}).text == text  # type: ignore[attr-defined]


@pytest.mark.parametrize("body", [{"login": "op1\x00", "password": "secret-pass"},
                                  {"login": "op1", "password": "\ud800secret-pass"},
                                  {"refresh_token": "z" * 20 + "\x00"}])
def test_hostile_request_bodies_refuse_control_characters(body: dict[str, Any]) -> None:
    model = protocol.RefreshRequest if "refresh_token" in body else protocol.LoginRequest
    with pytest.raises(ValidationError):
        model.model_validate(body)


def test_the_rule_names_the_first_refused_character() -> None:
    assert bad_character("обычный текст\tс табуляцией\r\n") is None
    assert bad_character("a\x07b\x00") == "U+0007"
    assert bad_character("\u0085") == "U+0085" and bad_character("\x7f") == "U+007F"
    assert bad_character("\ud83d") == "U+D83D" and bad_character("😀") is None
