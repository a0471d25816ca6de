"""The agent desk's shared rules (``sync.agent_desk``): A5's 2000 characters and A8's tags, as
properties over any text (hypothesis) and at their edges."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from sync.agent_desk import (
    MAX_AGENT_TEXT,
    MAX_TAG,
    ActivityEdit,
    Problem,
    add_tag,
    checked_tags,
    merged_tags,
    tag_key,
    tag_problem,
    text_problem,
)
from sync.errors import ErrorCode
from sync.text import bad_character

# printable text, and text with the characters the one text rule refuses
PLAIN = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=80)
TAGS = st.lists(PLAIN, max_size=12)


@given(st.text(max_size=MAX_AGENT_TEXT + 50))
def test_a5_a_text_is_taken_exactly_when_it_has_at_most_2000_characters_and_no_refused_one(value: str) -> None:
    problem = text_problem("note", "Заметка", value)
    if len(value) > MAX_AGENT_TEXT:
        assert problem is not None and problem.code == ErrorCode.TEXT_TOO_LONG and "2000" in problem.message
    elif bad_character(value) is not None:
        assert problem is not None and problem.code == ErrorCode.VALIDATION_ERROR
    else:
        assert problem is None


def test_a5_the_edge_is_2000_code_points() -> None:
    assert text_problem("note", "Заметка", "ж" * MAX_AGENT_TEXT) is None
    assert text_problem("note", "Заметка", "😀" * MAX_AGENT_TEXT) is None  # a character, not a UTF-16 unit
    too_long = text_problem("note", "Заметка", "ж" * (MAX_AGENT_TEXT + 1))
    assert too_long == Problem(ErrorCode.TEXT_TOO_LONG,
                               "Поле «Заметка» длиннее 2000 символов (2001): сократите его.", "note")


@given(PLAIN)
def test_a8_a_tag_is_taken_trimmed_exactly_when_1_to_50_characters_remain(tag: str) -> None:
    problem = tag_problem(tag)
    trimmed = tag.strip()
    if not trimmed:
        assert problem is not None and problem.code == ErrorCode.TAG_EMPTY
    elif len(trimmed) > MAX_TAG:
        assert problem is not None and problem.code == ErrorCode.TAG_TOO_LONG
    else:
        assert problem is None
        assert add_tag([], tag) == [trimmed]


def test_a8_the_edge_is_50_characters_after_trimming() -> None:
    assert add_tag([], "  " + "т" * MAX_TAG + "\t") == ["т" * MAX_TAG]
    refused = add_tag([], "т" * (MAX_TAG + 1))
    assert isinstance(refused, Problem) and refused.code == ErrorCode.TAG_TOO_LONG and "50" in refused.message


@given(TAGS)
def test_a8_a_list_of_tags_is_kept_only_when_unique_without_regard_to_case(tags: list[str]) -> None:
    checked = checked_tags(tags)
    keys = [tag_key(t) for t in tags]
    if any(tag_problem(t) for t in tags):
        assert isinstance(checked, Problem)
    elif len(set(keys)) < len(keys):
        assert isinstance(checked, Problem) and checked.code == ErrorCode.TAG_DUPLICATE
    else:
        assert checked == [t.strip() for t in tags]


@given(TAGS, PLAIN)
def test_a8_adding_a_tag_already_there_in_any_case_is_refused_naming_the_first_spelling(tags: list[str],
                                                                                       tag: str) -> None:
    kept = checked_tags(tags)
    if isinstance(kept, Problem) or tag_problem(tag) is not None or not kept:
        return
    again = add_tag(kept, kept[0].swapcase())
    if tag_key(kept[0].swapcase()) == tag_key(kept[0]):
        assert isinstance(again, Problem) and again.code == ErrorCode.TAG_DUPLICATE
        assert again.message == f"Тег «{kept[0]}» уже есть."


@given(TAGS, TAGS)
def test_a8_merged_tags_are_a_set_with_the_first_spelling_kept(first: list[str], second: list[str]) -> None:
    a = [t.strip() for t in first if t.strip()]
    b = [t.strip() for t in second if t.strip()]
    merged = merged_tags(a, b)
    assert {tag_key(t) for t in merged} == {tag_key(t) for t in (*a, *b)}
    assert len({tag_key(t) for t in merged}) == len(merged)
    for tag in merged:  # the spelling kept is the first one met, in a then b
        assert tag == next(t for t in (*a, *b) if tag_key(t) == tag_key(tag))
    assert merged_tags(merged, merged) == merged


def test_a8_a_tag_like_a_german_sharp_s_is_one_tag_in_any_case() -> None:
    refused = add_tag(["Straße"], "STRASSE")
    assert isinstance(refused, Problem) and refused.code == ErrorCode.TAG_DUPLICATE


@pytest.mark.parametrize(("body", "code"), [
    ({"note": "ж" * (MAX_AGENT_TEXT + 1)}, "text_too_long"),
    ({"tags": ["a" * (MAX_TAG + 1)]}, "tag_too_long"),
    ({"tags": ["Счёт", "СЧЁТ"]}, "tag_duplicate"),
    ({"tags": ["  "]}, "tag_empty"),
])
def test_a5_a8_the_api_body_refuses_with_the_rules_code(body: dict[str, object], code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        ActivityEdit.model_validate(body)
    assert caught.value.errors()[0]["type"] == code


def test_a8_the_api_body_stores_tags_trimmed() -> None:
    assert ActivityEdit.model_validate({"tags": [" Счёт ", "акт"]}).tags == ["Счёт", "акт"]
