"""What the e-mail channel keeps of a message (``sync.server.inbound_mail.parse``): the parts the
SMTP tests do not reach cheaply — the 50 MB rule on attachments, an HTML-only body, a subject with
control characters, a Message-ID too long to index."""

from __future__ import annotations

from email.message import EmailMessage

from sync.reference import MAX_ATTACHMENT_BYTES
from sync.server.inbound_mail import parse


def _message(subject: str = "Тема") -> EmailMessage:
    message = EmailMessage()
    message["From"] = "Ivan <IVAN@Example.RU>"
    message["To"] = "support@ksdesk.local"
    message["Subject"] = subject
    message["Message-ID"] = "<abc@client.example>"
    return message


def test_a11_an_attachment_over_50_mb_is_not_kept_and_the_text_says_so() -> None:
    message = _message()
    message.set_content("Текст письма.")
    message.add_attachment(b"x" * (MAX_ATTACHMENT_BYTES + 1), maintype="application", subtype="zip",
                           filename="архив.zip")
    message.add_attachment(b"y" * 1000, maintype="application", subtype="octet-stream",
                           filename="C:\\temp\\мал.bin")
    mail = parse(message.as_bytes())
    assert [(f.file_name, len(f.data)) for f in mail.files] == [("мал.bin", 1000)]
    assert mail.text == "Текст письма.\n\nФайл «архив.zip» (50,1 МБ) больше 50 МБ и не прикреплён."


def test_a11_an_html_only_mail_is_kept_as_its_text_and_control_characters_go() -> None:
    message = _message("Счёт\x07 не\tпроведён")
    message.set_content("<html><style>p{}</style><p>Не проводится&nbsp;счёт</p><script>x()</script></html>",
                        subtype="html")
    mail = parse(message.as_bytes())
    assert mail.subject == "Счёт не проведён" and mail.sender == "ivan@example.ru"
    assert " ".join(mail.text.split()) == "Не проводится счёт"  # the entity is a (no-break) space
    assert mail.message_id == "abc@client.example"


def test_a11_a_message_id_too_long_to_index_is_kept_as_its_hash_and_a_reply_refers_to_the_same() -> None:
    long_id = "a" * 1200 + "@client.example"
    message = _message()
    message.replace_header("Message-ID", f"<{long_id}>")
    message.set_content("x")
    reply = _message("Re: Тема")
    reply.replace_header("Message-ID", "<reply@client.example>")
    reply["In-Reply-To"] = f"<{long_id}>"
    reply.set_content("y")
    kept, answer = parse(message.as_bytes()), parse(reply.as_bytes())
    assert kept.message_id.startswith("sha256:") and answer.refers_to == (kept.message_id,)
