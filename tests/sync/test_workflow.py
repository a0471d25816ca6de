"""The one status machine (sync.workflow): every action × role × situation, written out (W2, W3)."""

from __future__ import annotations

import pytest

from sync.errors import ErrorCode
from sync.workflow import Action, MailKind, Refusal, allowed, effect, parse, predicted, refusal

ME, OTHER = "u-me", "u-other"
TICKETS = {
    "reg_l1_free": dict(status="registered", route="line_1", assignee_id=None, author_id=OTHER),
    "reg_l1_mine": dict(status="registered", route="line_1", assignee_id=ME, author_id=ME),
    "reg_l2_free": dict(status="registered", route="line_2", assignee_id=None, author_id=OTHER),
    "work_l1_mine": dict(status="in_progress", route="line_1", assignee_id=ME, author_id=ME),
    "work_l2_mine": dict(status="in_progress", route="line_2", assignee_id=ME, author_id=OTHER),
    "work_l2_other": dict(status="in_progress", route="line_2", assignee_id=OTHER, author_id=OTHER),
    "info_l2_mine": dict(status="awaiting_info", route="line_2", assignee_id=ME, author_id=OTHER),
    "resolved_mine": dict(status="resolved", route="line_2", assignee_id=ME, author_id=OTHER),
    "closed_mine": dict(status="closed", route="line_2", assignee_id=ME, author_id=OTHER),
}
# what the card offers each role (the user is ME) on each ticket — the matrix of W3
EXPECTED = {
    "reg_l1_free": {"operator": "take escalate", "specialist": "comment",
                    "supervisor": "take escalate request_info comment"},
    "reg_l1_mine": {"operator": "take escalate comment", "specialist": "comment",
                    "supervisor": "take escalate request_info comment"},
    "reg_l2_free": {"operator": "", "specialist": "take request_info comment",
                    "supervisor": "take request_info comment"},
    "work_l1_mine": {"operator": "escalate reply resolve comment", "specialist": "reply resolve comment",
                     "supervisor": "escalate request_info reply resolve comment"},
    "work_l2_mine": {"operator": "reply resolve comment", "specialist": "request_info reply resolve comment",
                     "supervisor": "request_info reply resolve comment"},
    "work_l2_other": {"operator": "", "specialist": "comment", "supervisor": "request_info reply resolve comment"},
    "info_l2_mine": {"operator": "reply resolve comment", "specialist": "take reply resolve comment",
                     "supervisor": "take reply resolve comment"},
    "resolved_mine": {"operator": "close reopen comment", "specialist": "close reopen comment",
                      "supervisor": "close reopen comment"},
    "closed_mine": {"operator": "reopen", "specialist": "reopen", "supervisor": "reopen"},
}
CELLS = [(t, r) for t in TICKETS for r in ("operator", "specialist", "supervisor")]


@pytest.mark.parametrize(("ticket", "role"), CELLS)
def test_w3_matrix_cell(ticket: str, role: str) -> None:
    assert " ".join(allowed(role, ME, TICKETS[ticket])) == EXPECTED[ticket][role]


@pytest.mark.parametrize(("ticket", "role"), CELLS)
def test_w3_every_refused_cell_names_a_code(ticket: str, role: str) -> None:
    for action in Action:
        found = refusal(action, role, ME, TICKETS[ticket], "текст")
        if action.value in EXPECTED[ticket][role].split():
            assert found is None
        else:
            assert isinstance(found, Refusal) and found.code in {
                ErrorCode.FORBIDDEN, ErrorCode.INVALID_TRANSITION, ErrorCode.WRONG_LINE, ErrorCode.NOT_ASSIGNEE}
            assert found.message


def test_w2_request_info_without_a_comment_makes_the_ticket_the_specialists() -> None:
    ticket = TICKETS["reg_l2_free"]
    assert refusal(Action.REQUEST_INFO, "specialist", ME, ticket, "") is None
    done = effect(Action.REQUEST_INFO, ME, ticket, "")
    assert done.changes == {"status": "awaiting_info", "assignee_id": ME}
    assert done.mail is MailKind.REQUEST_INFO


def test_w2_escalation_moves_the_ticket_to_line_2_nobodys_and_needs_a_reason() -> None:
    ticket = TICKETS["work_l1_mine"]
    assert refusal(Action.ESCALATE, "operator", ME, ticket, " ") == Refusal(
        ErrorCode.VALIDATION_ERROR, "Заполните поле «Причина эскалации».", "text")
    done = effect(Action.ESCALATE, ME, ticket, "нужна 2-я линия")
    assert done.changes == {"status": "registered", "route": "line_2", "assignee_id": None}
    assert done.mail is None


def test_w2_an_operator_may_not_request_information() -> None:
    found = refusal(Action.REQUEST_INFO, "operator", ME, TICKETS["reg_l2_free"])
    assert found is not None and found.code is ErrorCode.FORBIDDEN
    assert "Запросить информацию" in found.message


def test_w3_resolve_close_reopen_effects() -> None:
    assert effect(Action.RESOLVE, ME, TICKETS["work_l2_mine"], "сделано").changes == {"status": "resolved"}
    assert effect(Action.RESOLVE, ME, TICKETS["work_l2_mine"], "сделано").mail is MailKind.SOLUTION
    assert effect(Action.CLOSE, ME, TICKETS["resolved_mine"]).changes == {"status": "closed", "closed_at": "now"}
    closed = {**TICKETS["closed_mine"], "closed_at": "2026-01-01T00:00:00+00:00"}
    assert effect(Action.REOPEN, ME, closed).changes == {"status": "in_progress", "closed_at": None}
    assert effect(Action.COMMENT, ME, TICKETS["work_l2_mine"], "x").changes == {}


def test_w3_unknown_status_and_role_are_refused() -> None:
    assert refusal(Action.TAKE, "admin", ME, TICKETS["reg_l1_free"]).code is ErrorCode.FORBIDDEN  # type: ignore[union-attr]
    found = refusal(Action.TAKE, "operator", ME, {**TICKETS["reg_l1_free"], "status": "closed"})
    assert found is not None and found.code is ErrorCode.INVALID_TRANSITION and "«Закрыто»" in found.message


def test_w3_parse_refuses_bad_payloads() -> None:
    assert parse({"action": "take"}) == (Action.TAKE, "")
    assert parse({"action": "request_info", "text": None}) == (Action.REQUEST_INFO, "")
    for bad in ({"action": "fly"}, {"action": "take", "text": 5}, {"action": "take", "status": "closed"},
                {"action": "take", "text": "x" * 20001}, {"action": "comment", "text": "a\x00b"}):
        found = parse(bad)
        assert isinstance(found, Refusal) and found.code is ErrorCode.VALIDATION_ERROR


def test_w2_predicted_shows_the_queued_action() -> None:
    shown = predicted(TICKETS["reg_l2_free"], {"action": "request_info"}, ME)
    assert shown["status"] == "awaiting_info" and shown["assignee_id"] == ME
    assert predicted(TICKETS["reg_l2_free"], {"action": "fly"}) == TICKETS["reg_l2_free"]


def test_w3_a_users_own_line_decides_where_they_work() -> None:
    """A supervisor moved an operator to the second line (``users.line``): line 2's free ticket is theirs
    to take, line 1's no longer; without a line set, the role's line holds."""
    assert " ".join(allowed("operator", ME, TICKETS["reg_l2_free"], "line_2")) == "take"
    assert allowed("operator", ME, TICKETS["reg_l1_free"], "line_2") == []  # neither take nor escalate
    assert refusal(Action.ESCALATE, "operator", ME, TICKETS["reg_l1_free"], "причина", line="line_2") == Refusal(
        ErrorCode.WRONG_LINE, "Эскалирует сотрудник 1-й линии.", "route")  # escalation is line 1's hand-over
    assert refusal(Action.TAKE, "operator", ME, TICKETS["reg_l1_free"], line="line_2") == Refusal(
        ErrorCode.WRONG_LINE, "Обращение на другой линии.", "route")
    assert " ".join(allowed("specialist", ME, TICKETS["reg_l1_free"], "line_1")) == "take request_info comment"
    assert allowed("operator", ME, TICKETS["reg_l1_free"], None) == allowed("operator", ME, TICKETS["reg_l1_free"])
