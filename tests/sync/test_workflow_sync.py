"""W2, W3 offline (S2, S4) through the real sync engine and server, on both backends: actions queued
with no network reach the server once they sync; one the ticket no longer allows by then is refused
with the server's reason and waits in the outbox for the operator, nothing else lost."""

from __future__ import annotations

from sync.records import Kind
from tests.fixtures.replicas import NodeFactory
from tests.fixtures.servers import ServerProcess
from tests.server.test_attachments import make_ticket


def test_w3_offline_actions_sync_and_an_invalid_one_is_refused(live_server: ServerProcess,
                                                               make_node: NodeFactory) -> None:
    ticket_id = make_ticket(live_server)  # op1's, on line 1
    operator, supervisor = make_node("op1"), make_node("boss")
    operator.sync()
    supervisor.sync()
    # offline: op1 takes the ticket and then escalates it; meanwhile nothing else happens to it
    operator.replica.act(Kind.TICKET, ticket_id, {"action": "take"})
    operator.replica.act(Kind.TICKET, ticket_id, {"action": "escalate", "text": "Нужна 2-я линия"})
    shown = operator.replica.get(Kind.TICKET, ticket_id)
    assert shown is not None and (shown["status"], shown["route"]) == ("registered", "line_2")  # predicted
    assert operator.replica.pending_count() == 2
    operator.sync()  # back online: both apply, in order
    synced = operator.replica.get(Kind.TICKET, ticket_id)
    assert synced is not None and (synced["status"], synced["route"], synced["assignee_id"]) == (
        "registered", "line_2", None)
    assert operator.replica.pending_count() == 0

    # now the operator queues «Взять в работу» offline, while the supervisor takes the ticket first
    operator.replica.act(Kind.TICKET, ticket_id, {"action": "take"})
    supervisor.sync()
    supervisor.replica.act(Kind.TICKET, ticket_id, {"action": "request_info"})
    supervisor.sync()
    operator.sync()
    problems = operator.replica.problems()
    assert [(p.state, p.error_code) for p in problems] == [("rejected", "wrong_line")]
    assert problems[0].error_message == "Обращение на другой линии."
    after = operator.replica.get(Kind.TICKET, ticket_id)
    assert after is not None and after["status"] == "awaiting_info"  # the server's, not the refused guess
    assert operator.replica.revert(Kind.TICKET, ticket_id) == 1  # the operator discards it
    assert operator.replica.problems() == []
