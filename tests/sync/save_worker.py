"""A client process that saves one ticket as the form does (a new organization, a new applicant, the
ticket, its files and the draft's deletion, in one unit of work) for the atomicity tests.

    python -m tests.sync.save_worker --db PATH --files DIR [--files-count N] [--hold]

With ``--hold`` it stops inside the unit of work, after every write, says ``inside`` and waits for
the test to SIGKILL it; without, it commits and says ``saved TICKET_ID``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ksdesk_desktop.core.attachments import KeptFile, LocalFiles, attach
from ksdesk_desktop.core.tickets import OrganizationChoice, TicketDraft, save_ticket
from ksdesk_desktop.store.db import LocalStore
from ksdesk_desktop.store.directory import Directory
from ksdesk_desktop.store.drafts import Drafts
from ksdesk_desktop.store.replica import Batch, Replica
from sync.ids import new_id
from tests.fixtures.identities import make_inn


def new_ticket_draft(files: list[KeptFile]) -> TicketDraft:
    """A filled form whose organization and applicant are new: saving it writes 3 + N records."""
    inn = make_inn(42, "78")
    organization = OrganizationChoice(None, "ООО «Атомарность»", inn, "780101001",
                                      new_record={"inn": inn, "kpp": "780101001", "name": "ООО «Атомарность»"})
    return TicketDraft(organization=organization, applicant_name="Орлова Мария", email="orlova@example.ru",
                       phone="+7 812 555-12-34",
                       complex_id=str(new_id()), ticket_type="bug", channel="phone", priority="high",
                       subject="Не формируется отчёт", text="Ошибка при открытии.",
                       files=[f.as_dict() for f in files])


def keep_files(files: LocalFiles, folder: Path, count: int) -> list[KeptFile]:
    kept = []
    for i in range(count):
        source = folder / f"файл-{i}.txt"
        source.write_text(f"содержимое {i}", encoding="utf-8")
        kept.append(files.keep(source))
    return kept


def save(batch: Batch, store: LocalStore, files: LocalFiles, ticket_id: str, draft: TicketDraft) -> None:
    """What the form's save does on the DB lane (``TicketForm.save``)."""
    save_ticket(batch, Directory(store), ticket_id, draft)
    for entry in draft.files:
        attach(batch, files, ticket_id, KeptFile.from_dict(entry))
    Drafts(store).delete(ticket_id)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True, type=Path)
    parser.add_argument("--files", required=True, type=Path)
    parser.add_argument("--files-count", type=int, default=3)
    parser.add_argument("--hold", action="store_true")
    args = parser.parse_args(argv)
    store = LocalStore(args.db)
    replica, files = Replica(store), LocalFiles(store, args.files / "copies")
    draft = new_ticket_draft(keep_files(files, args.files, args.files_count))
    ticket_id = str(new_id())
    Drafts(store).save(ticket_id, {"subject": draft.subject})
    with replica.batch() as batch:
        save(batch, store, files, ticket_id, draft)
        if args.hold:
            print("inside", flush=True)
            sys.stdin.read()  # until the test kills this process
            raise SystemExit(3)  # the pipe closed instead: nothing is written
    print("saved", ticket_id, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
