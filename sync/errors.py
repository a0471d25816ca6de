"""Stable error codes shared by the server (API answers) and the client (messages to the user).

The code is the contract: clients branch on it, never on the message. The Russian message is the
default text shown to an operator; the client may translate it by code.
"""

from __future__ import annotations

from enum import StrEnum

from sync.texts import QT_TRANSLATE_NOOP


class ErrorCode(StrEnum):
    VALIDATION_ERROR = "validation_error"
    INVALID_JSON = "invalid_json"
    NOT_FOUND = "not_found"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    REQUEST_TIMEOUT = "request_timeout"  # the request's body did not arrive in time
    AUTH_REQUIRED = "auth_required"
    INVALID_CREDENTIALS = "invalid_credentials"
    TOKEN_EXPIRED = "token_expired"
    INVALID_TOKEN = "invalid_token"
    USER_DISABLED = "user_disabled"
    FORBIDDEN = "forbidden"
    CONFLICT = "conflict"
    ALREADY_EXISTS = "already_exists"
    RATE_LIMITED = "rate_limited"
    TOO_MANY_ATTEMPTS = "too_many_attempts"  # logins throttled per login and per address (issue 16)
    LOGIN_BUSY = "login_busy"  # every password check of the process busy for long: come back in a moment
    REFRESH_TOKEN_REUSED = "refresh_token_reused"  # a rotated refresh token came back: its family is revoked
    SERVICE_UNAVAILABLE = "service_unavailable"
    INTERNAL_ERROR = "internal_error"
    UNKNOWN_KIND = "unknown_kind"
    NOT_WRITABLE = "not_writable"
    IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused"
    BATCH_TOO_LARGE = "batch_too_large"
    TYPE_NOT_ALLOWED = "type_not_allowed"  # T8: the ticket type needs a contract covering the complex
    ID_TAKEN = "id_taken"  # a creation under an id that already names a record (of any kind) or an alias
    INVALID_DATA = "invalid_data"  # an entry the database cannot store (a NUL, a lone surrogate …)
    FIELD_FORBIDDEN = "field_forbidden"  # this role may not set or change this field (sync.roles)
    DELETED = "deleted"  # the record was deleted; only a supervisor brings it back
    # a ticket's actions (W2, W3; sync.workflow)
    INVALID_TRANSITION = "invalid_transition"  # the action does not start from the ticket's status
    WRONG_LINE = "wrong_line"  # the ticket waits on another line
    NOT_ASSIGNEE = "not_assignee"  # the ticket is another user's
    # user administration (W3)
    LAST_SUPERVISOR = "last_supervisor"  # the last active supervisor may not be demoted or disabled
    # the state registry (EGRUL) provider, behind our server (T2)
    REGISTRY_NOT_CONFIGURED = "registry_not_configured"
    REGISTRY_ACCESS_DENIED = "registry_access_denied"
    REGISTRY_RATE_LIMITED = "registry_rate_limited"
    REGISTRY_TIMEOUT = "registry_timeout"
    REGISTRY_UNAVAILABLE = "registry_unavailable"
    # ticket attachments and their resumable upload (T12)
    FILE_TOO_LARGE = "file_too_large"
    UPLOAD_OFFSET_MISMATCH = "upload_offset_mismatch"
    UPLOAD_RANGE_INVALID = "upload_range_invalid"
    UPLOAD_HASH_MISMATCH = "upload_hash_mismatch"
    UPLOAD_BUSY = "upload_busy"
    ATTACHMENT_INCOMPLETE = "attachment_incomplete"
    # the agent desk (A2, A5, A8; sync.agent_desk)
    TEXT_TOO_LONG = "text_too_long"  # A5: a text the agent desk edits is longer than 2000 characters
    TAG_EMPTY = "tag_empty"
    TAG_TOO_LONG = "tag_too_long"  # A8: longer than 50 characters after trimming
    TAG_DUPLICATE = "tag_duplicate"  # A8: the activity has this tag already, in some case
    TASK_TAKEN = "task_taken"  # the task was accepted by someone else first
    TASK_CLOSED = "task_closed"  # the task is no longer in the queue (closed or cancelled)
    AGENT_BUSY = "agent_busy"  # A2: the agent holds an accepted task already
    TASK_NOT_HELD = "task_not_held"  # the task is not in this agent's hands
    OFFER_EXPIRED = "offer_expired"  # A4: the offer is no longer pending (its time ran out, or it was withdrawn)


MESSAGES_RU: dict[ErrorCode, str] = {
    ErrorCode.VALIDATION_ERROR: QT_TRANSLATE_NOOP(
        "ErrorCode", "Неверные данные в запросе."),
    ErrorCode.INVALID_JSON: QT_TRANSLATE_NOOP(
        "ErrorCode", "Тело запроса не является корректным JSON."),
    ErrorCode.NOT_FOUND: QT_TRANSLATE_NOOP(
        "ErrorCode", "Запись не найдена."),
    ErrorCode.METHOD_NOT_ALLOWED: QT_TRANSLATE_NOOP(
        "ErrorCode", "Метод не поддерживается."),
    ErrorCode.PAYLOAD_TOO_LARGE: QT_TRANSLATE_NOOP(
        "ErrorCode", "Запрос слишком большой."),
    ErrorCode.REQUEST_TIMEOUT: QT_TRANSLATE_NOOP(
        "ErrorCode", "Запрос передавался слишком долго и прерван. Проверьте связь и повторите."),
    ErrorCode.AUTH_REQUIRED: QT_TRANSLATE_NOOP(
        "ErrorCode", "Требуется вход в систему."),
    ErrorCode.INVALID_CREDENTIALS: QT_TRANSLATE_NOOP(
        "ErrorCode", "Неверный логин или пароль."),
    ErrorCode.TOKEN_EXPIRED: QT_TRANSLATE_NOOP(
        "ErrorCode", "Сеанс истёк, войдите снова."),
    ErrorCode.INVALID_TOKEN: QT_TRANSLATE_NOOP(
        "ErrorCode", "Сеанс недействителен, войдите снова."),
    ErrorCode.USER_DISABLED: QT_TRANSLATE_NOOP(
        "ErrorCode", "Учётная запись отключена."),
    ErrorCode.FORBIDDEN: QT_TRANSLATE_NOOP(
        "ErrorCode", "Недостаточно прав для этого действия."),
    ErrorCode.CONFLICT: QT_TRANSLATE_NOOP(
        "ErrorCode", "Запись уже изменена другим пользователем."),
    ErrorCode.ALREADY_EXISTS: QT_TRANSLATE_NOOP(
        "ErrorCode", "Такая запись уже существует."),
    ErrorCode.RATE_LIMITED: QT_TRANSLATE_NOOP(
        "ErrorCode", "Слишком много запросов, попробуйте позже."),
    ErrorCode.TOO_MANY_ATTEMPTS: QT_TRANSLATE_NOOP(
        "ErrorCode", "Слишком много неудачных попыток входа. Повторите позже."),
    ErrorCode.LOGIN_BUSY: QT_TRANSLATE_NOOP(
        "ErrorCode", "Сервер сейчас проверяет много входов сразу. Повторите через несколько секунд."),
    ErrorCode.REFRESH_TOKEN_REUSED: QT_TRANSLATE_NOOP(
        "ErrorCode", "Сеанс завершён: его ключ использовали повторно, возможно, с другого компьютера. Войдите снова."),
    ErrorCode.SERVICE_UNAVAILABLE: QT_TRANSLATE_NOOP(
        "ErrorCode", "Сервис временно недоступен."),
    ErrorCode.INTERNAL_ERROR: QT_TRANSLATE_NOOP(
        "ErrorCode", "Внутренняя ошибка сервера."),
    ErrorCode.UNKNOWN_KIND: QT_TRANSLATE_NOOP(
        "ErrorCode", "Неизвестный вид записи."),
    ErrorCode.NOT_WRITABLE: QT_TRANSLATE_NOOP(
        "ErrorCode", "Эту запись нельзя изменить отсюда."),
    ErrorCode.IDEMPOTENCY_KEY_REUSED: QT_TRANSLATE_NOOP(
        "ErrorCode", "Ключ изменения уже использован для другого изменения."),
    ErrorCode.BATCH_TOO_LARGE: QT_TRANSLATE_NOOP(
        "ErrorCode", "Слишком много изменений в одном запросе."),
    ErrorCode.TYPE_NOT_ALLOWED: QT_TRANSLATE_NOOP(
        "ErrorCode", "Этот вид обращения недоступен без действующего контракта."),
    ErrorCode.ID_TAKEN: QT_TRANSLATE_NOOP(
        "ErrorCode", "Идентификатор новой записи уже занят другой записью; запись не создана."),
    ErrorCode.INVALID_DATA: QT_TRANSLATE_NOOP(
        "ErrorCode", "Изменение содержит данные, которые нельзя сохранить (например, недопустимые символы); оно не "
        "применено."),
    ErrorCode.FIELD_FORBIDDEN: QT_TRANSLATE_NOOP(
        "ErrorCode", "Это поле нельзя задать или изменить с вашими правами; изменение не применено."),
    ErrorCode.DELETED: QT_TRANSLATE_NOOP(
        "ErrorCode", "Запись удалена супервизором; восстановить её может только супервизор."),
    ErrorCode.INVALID_TRANSITION: QT_TRANSLATE_NOOP(
        "ErrorCode", "Это действие невозможно в текущем статусе обращения."),
    ErrorCode.WRONG_LINE: QT_TRANSLATE_NOOP(
        "ErrorCode", "Обращение находится на другой линии."),
    ErrorCode.NOT_ASSIGNEE: QT_TRANSLATE_NOOP(
        "ErrorCode", "Обращение в работе у другого сотрудника."),
    ErrorCode.REGISTRY_NOT_CONFIGURED: QT_TRANSLATE_NOOP(
        "ErrorCode", "Поиск в ЕГРЮЛ не настроен на сервере. Введите данные организации вручную."),
    ErrorCode.REGISTRY_ACCESS_DENIED: QT_TRANSLATE_NOOP(
        "ErrorCode", "Сервис ЕГРЮЛ отказал в доступе: неверный ключ или исчерпан дневной лимит запросов. Сообщите "
        "администратору; данные можно ввести вручную."),
    ErrorCode.REGISTRY_RATE_LIMITED: QT_TRANSLATE_NOOP(
        "ErrorCode", "Сервис ЕГРЮЛ перегружен запросами. Повторите через минуту."),
    ErrorCode.REGISTRY_TIMEOUT: QT_TRANSLATE_NOOP(
        "ErrorCode", "Сервис ЕГРЮЛ не ответил вовремя. Повторите позже или введите данные вручную."),
    ErrorCode.REGISTRY_UNAVAILABLE: QT_TRANSLATE_NOOP(
        "ErrorCode", "Сервис ЕГРЮЛ недоступен или ответил с ошибкой. Повторите позже или введите данные вручную."),
    ErrorCode.FILE_TOO_LARGE: QT_TRANSLATE_NOOP(
        "ErrorCode", "Файл больше 50 МБ и не прикреплён."),
    ErrorCode.UPLOAD_OFFSET_MISMATCH: QT_TRANSLATE_NOOP(
        "ErrorCode", "Сервер уже получил другую часть файла: загрузка продолжится с неё."),
    ErrorCode.UPLOAD_RANGE_INVALID: QT_TRANSLATE_NOOP(
        "ErrorCode", "Неверный диапазон загружаемой части файла."),
    ErrorCode.UPLOAD_HASH_MISMATCH: QT_TRANSLATE_NOOP(
        "ErrorCode", "Файл дошёл до сервера повреждённым (не совпала контрольная сумма); загрузка начнётся заново."),
    ErrorCode.UPLOAD_BUSY: QT_TRANSLATE_NOOP(
        "ErrorCode", "Этот файл уже загружается; загрузка будет продолжена позже."),
    ErrorCode.ATTACHMENT_INCOMPLETE: QT_TRANSLATE_NOOP(
        "ErrorCode", "Файл ещё не загружен на сервер полностью."),
    ErrorCode.LAST_SUPERVISOR: QT_TRANSLATE_NOOP(
        "ErrorCode", "Это последний активный супервизор: его нельзя отключить или сменить ему роль."),
    ErrorCode.TEXT_TOO_LONG: QT_TRANSLATE_NOOP(
        "ErrorCode", "Текст длиннее 2000 символов: сократите его."),
    ErrorCode.TAG_EMPTY: QT_TRANSLATE_NOOP(
        "ErrorCode", "Пустой тег не добавлен."),
    ErrorCode.TAG_TOO_LONG: QT_TRANSLATE_NOOP(
        "ErrorCode", "Тег длиннее 50 символов и не добавлен."),
    ErrorCode.TAG_DUPLICATE: QT_TRANSLATE_NOOP(
        "ErrorCode", "Такой тег уже есть."),
    ErrorCode.TASK_TAKEN: QT_TRANSLATE_NOOP(
        "ErrorCode", "Задача уже принята другим оператором."),
    ErrorCode.TASK_CLOSED: QT_TRANSLATE_NOOP(
        "ErrorCode", "Задача уже закрыта."),
    ErrorCode.AGENT_BUSY: QT_TRANSLATE_NOOP(
        "ErrorCode", "У вас уже есть задача в работе: закройте её, чтобы принять следующую."),
    ErrorCode.TASK_NOT_HELD: QT_TRANSLATE_NOOP(
        "ErrorCode", "Эта задача не в работе у вас."),
    ErrorCode.OFFER_EXPIRED: QT_TRANSLATE_NOOP(
        "ErrorCode", "Время предложения истекло: задача вернулась в очередь."),
}


def message_ru(code: ErrorCode | str) -> str:
    """The default Russian message for a code (a generic one for codes this build does not know)."""
    try:
        return MESSAGES_RU[ErrorCode(code)]
    except ValueError:
        return QT_TRANSLATE_NOOP("ErrorCode", "Ошибка сервера.")
