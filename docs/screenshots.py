"""Regenerate the screenshots in docs/: the real client with the embedded demo server, offscreen.

.venv/bin/python docs/screenshots.py [--lang en]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication

from ksdesk_desktop.app import apply_style
from ksdesk_desktop.controller import Controller
from ksdesk_desktop.core.config import UserSettings
from ksdesk_desktop.core.options import Options
from ksdesk_desktop.core.paths import Paths
from ksdesk_desktop.i18n import install_translators
from ksdesk_desktop.store.db import LocalStore
from ksdesk_desktop.store.recovery import open_store
from ksdesk_desktop.store.replica import Replica
from ksdesk_desktop.ui.login_dialog import LoginDialog
from sync.records import Kind

DOCS = Path(__file__).resolve().parent


def wait_for(condition, timeout_ms: int = 90_000) -> None:  # type: ignore[no-untyped-def]
    loop = QEventLoop()
    poll = QTimer(interval=50)
    poll.timeout.connect(lambda: condition() and loop.quit())
    QTimer.singleShot(timeout_ms, loop.quit)
    poll.start()
    if not condition():
        loop.exec()
    poll.stop()
    if not condition():
        raise SystemExit("timed out waiting for the client")


def card_shots(app: QApplication, controller: Controller, suffix: str) -> None:
    """A ticket of the demo operator taken through a few actions (W2, W3): its card with the actions
    it still offers, and its history."""
    user = controller.connection.user
    assert user is not None
    with controller.store.engine.connect() as conn:
        ticket_id = conn.exec_driver_sql(
            "SELECT id FROM tickets WHERE status = 'registered' AND assignee_id = ? AND route = 'line_1' "
            "ORDER BY registration_number DESC LIMIT 1", (str(user.id),)).scalar()
    assert ticket_id, "the demo operator has no registered ticket"
    for action, text in (("take", ""), ("comment", "Позвонил заявителю: ошибка повторяется на тестовой базе."),
                         ("resolve", "Установите обновление 24.3.1: в нём исправлен расчёт отчёта 0503317.")):
        payload = {"action": action, "text": text} if text else {"action": action}
        with controller.replica.batch() as batch:
            batch.act(Kind.TICKET, ticket_id, payload)
        controller.sync.request_sync()
        wait_for(lambda: controller.store.pending_count() == 0)
    opened: list[Any] = []
    controller.tickets.card_opened.connect(opened.append)
    controller.tickets.open_ticket(ticket_id)
    wait_for(lambda: bool(opened))
    card = opened[0]
    card.resize(900, 560)
    app.processEvents()
    card.grab().save(str(DOCS / f"ticket-card-actions{suffix}.png"))
    card.tabs.setCurrentIndex(2)
    wait_for(lambda: card.history.source == "server" and len(card.history.model.stringList()) >= 4)
    app.processEvents()
    card.grab().save(str(DOCS / f"ticket-history{suffix}.png"))
    card.close()


def users_shot(app: QApplication, controller: Controller, folder: Path, lang: str, suffix: str) -> None:
    """«Пользователи» as the demo supervisor sees it (W3): a second client, signed in as «supervisor», on
    the first one's embedded server."""
    paths = Paths.under(folder).ensure()
    boss = Controller(Options(server=controller.connection.server_url, lang=lang), paths, LocalStore(paths.local_db),
                      UserSettings(paths.settings_file))
    boss.start()
    wait_for(lambda: boss.login_dialog is not None)
    login = boss.login_dialog
    assert login is not None
    login.login_edit.setText("supervisor")
    login.password_edit.setText("demo")
    login.remember_check.setChecked(False)
    login.ok_button.click()
    wait_for(lambda: boss.connection.user is not None and boss.sync.last_sync is not None)
    window, page = boss.window, boss.users_page
    window.resize(1280, 720)
    window.show_page(page)
    wait_for(lambda: page.table.rowCount() > 0 and page.message.text() == "")
    page.table.selectRow(next(r for r in range(page.table.rowCount()) if page.table.item(r, 0).text() == "operator"))
    app.processEvents()
    window.grab().save(str(DOCS / f"users-admin{suffix}.png"))
    window.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="ru", choices=["ru", "en"])
    args = parser.parse_args()
    suffix = "" if args.lang == "ru" else f"-{args.lang}"
    app = QApplication(sys.argv[:1])
    apply_style(app)
    with tempfile.TemporaryDirectory() as tmp:
        paths = Paths.under(Path(tmp)).ensure()
        keep = install_translators(app, args.lang, paths.cache)  # noqa: F841
        controller = Controller(
            Options(lang=args.lang), paths, LocalStore(paths.local_db), UserSettings(paths.settings_file)
        )
        controller.start()
        wait_for(lambda: controller.connection.online and controller.sync.last_sync is not None)
        window = controller.window
        window.resize(1280, 720)  # the default size: the smallest screen operators have (issue 22)
        window.show_page(window.navigator_page)
        app.processEvents()
        window.grab().save(str(DOCS / f"main-window{suffix}.png"))
        window.show_page(window.desktop_page)
        feed = controller.ticket_pages[2]
        wait_for(lambda: feed.model.rowCount() > 0)
        app.processEvents()
        window.grab().save(str(DOCS / f"desktop{suffix}.png"))
        tickets = controller.ticket_pages[0]
        window.show_page(tickets)
        wait_for(lambda: tickets.model.rowCount() > 0)
        app.processEvents()
        window.grab().save(str(DOCS / f"main-window-1280x720{suffix}.png"))  # issue 22: nothing clipped
        tickets.filter_action.setChecked(True)
        searched: list[int] = []
        tickets.listed.connect(searched.append)
        tickets.search_edit.setText("отчет")
        wait_for(lambda: bool(searched) and tickets.model.rowCount() > 0)
        app.processEvents()
        window.grab().save(str(DOCS / f"tickets{suffix}.png"))
        about = window.show_about()
        app.processEvents()
        about.grab().save(str(DOCS / f"about{suffix}.png"))
        about.close()
        clients = window.page("clients")
        window.show_page(clients)
        clients.search_edit.setText("сбер")
        wait_for(lambda: clients.organizations.rowCount() >= 1 and "7707083893" in clients.details.text())
        window.grab().save(str(DOCS / f"clients{suffix}.png"))
        contracts = window.page("contracts")
        window.show_page(contracts)
        wait_for(lambda: contracts.contracts.rowCount() >= 1 and bool(contracts.contracts.data(
            contracts.contracts.index(0, 5))))
        window.grab().save(str(DOCS / f"contracts{suffix}.png"))
        dialog = clients.open_organization(None)
        dialog.edits["inn"].setText("7707083893")
        dialog.edits["kpp"].setText("540602001")
        results = []
        dialog.lookup_finished.connect(results.append)
        dialog.lookup()
        wait_for(lambda: bool(results))
        app.processEvents()
        dialog.grab().save(str(DOCS / f"organization{suffix}.png"))
        dialog.close()
        form = controller.tickets.new_ticket()
        wait_for(lambda: form.catalog is not None)
        form.inn_edit.setText("7707083893")
        found = []
        form.lookup_finished.connect(found.append)
        form.lookup()
        wait_for(lambda: bool(found) and form.organization is not None)
        form.applicant_edit.setText("Петрова Анна Сергеевна")
        form.email_edit.setText("a.petrova@sberbank.ru")
        form.phone_edit.setText("+7 495 500-55-50 доб. 1234")
        covered = sorted(form.organization.covered)
        form.complex_combo.setCurrentIndex(form.complex_combo.findData(covered[0]) if covered else 0)
        form.channel_combo.setCurrentIndex(0)
        form.subject_edit.setText("Не формируется отчёт 0503317")
        app.processEvents()
        form.grab().save(str(DOCS / f"ticket-form{suffix}.png"))
        combo = form.complex_combo  # the drop-down's keyboard cursor on a green (under contract) complex, then
        combo.setCurrentIndex(-1)  # on a white one beside it
        combo.showPopup()
        shots = []
        green = combo.findData(covered[0]) if covered else 0
        for row in (green, (green + 1) % combo.count()):
            combo.view().setCurrentIndex(combo.model().index(row, 0))
            app.processEvents()
            shots.append(combo.view().window().grab())
        combo.hidePopup()
        both = QPixmap(sum(p.width() for p in shots) + 16, max(p.height() for p in shots))
        both.fill(QColor("#ffffff"))
        painter = QPainter(both)
        painter.drawPixmap(0, 0, shots[0])
        painter.drawPixmap(shots[0].width() + 16, 0, shots[1])
        painter.end()
        both.save(str(DOCS / f"dropdown-highlight{suffix}.png"))
        form.email_edit.setText("a.petrova@sberbank")  # issue 22: Save shows each problem at its field
        form.save()
        app.processEvents()
        form.grab().save(str(DOCS / f"ticket-form-problems{suffix}.png"))
        form.close()
        login = LoginDialog(controller.tasks, server_url="https://ksdesk.example.ru", login="operator")
        login.show()
        login.show_message(login.tr("Неверный логин или пароль."))
        app.processEvents()
        login.grab().save(str(DOCS / f"login{suffix}.png"))
        login.show_message(login.tr("Слишком много неудачных попыток входа. Повторите через {wait}.").format(
            wait=login._wait_text(120)))  # what a throttled login says (issue 16, class 8)
        app.processEvents()
        login.grab().save(str(DOCS / f"login-throttled{suffix}.png"))
        login.close()
        card_shots(app, controller, suffix)
        users_shot(app, controller, Path(tmp) / "supervisor", args.lang, suffix)
        window.close()
        recovered_cache(paths, args.lang, suffix)
    print("screenshots written to", DOCS)
    return 0


def recovered_cache(paths: Paths, lang: str, suffix: str) -> None:
    """The start after the cache was cut short with two tickets not yet sent (issue 16, class 12): the
    notice of what was rebuilt and saved, over the desktop filled again from the server."""
    store = LocalStore(paths.local_db)
    replica = Replica(store)
    with store.engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT id FROM tickets WHERE contact_id IS NOT NULL LIMIT 1").scalar_one()
    source = replica.get(Kind.TICKET, row)
    assert source is not None
    for subject in ("Не проводится платёжное поручение", "Ошибка при закрытии периода"):
        replica.create(Kind.TICKET, {
            **{k: source[k] for k in ("organization_id", "contact_id", "applicant_name", "email", "phone",
                                      "complex_id")},
            "ticket_type": "consultation", "channel": "phone", "priority": "normal", "subject": subject,
            "text": "Создано без связи.",
        })
    store.close()
    os.truncate(paths.local_db, paths.local_db.stat().st_size // 2)
    store, recovery = open_store(paths.local_db)
    controller = Controller(Options(lang=lang), paths, store, UserSettings(paths.settings_file), recovery=recovery)
    controller.start()
    wait_for(lambda: controller.connection.online and controller.sync.last_sync is not None
             and controller.ticket_pages[2].model.rowCount() > 10)  # filled again from the server
    window = controller.window
    window.resize(1100, 680)
    window.show_page(window.desktop_page)
    QApplication.processEvents()
    window.grab().save(str(DOCS / f"recovered-cache{suffix}.png"))
    window.close()


if __name__ == "__main__":
    raise SystemExit(main())
