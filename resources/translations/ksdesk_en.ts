<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="ru_RU">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/about_dialog.py" line="26"/>
        <source>О программе</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/about_dialog.py" line="28"/>
        <source>&lt;b&gt;КС Деск&lt;/b&gt; — рабочее место сотрудника поддержки, версия {v}</source>
        <translation>&lt;b&gt;KS Desk&lt;/b&gt; — support operator workplace, version {v}</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/about_dialog.py" line="35"/>
        <source>Скопировать в буфер</source>
        <translation>Copy to clipboard</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/about_dialog.py" line="38"/>
        <source>Скопировать сведения о системе (Ctrl+C)</source>
        <translation>Copy the system information (Ctrl+C)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/about_dialog.py" line="62"/>
        <source>Сведения скопированы — вставьте их в поле «Информация о системе».</source>
        <translation>Copied — paste it into the «System information» field.</translation>
    </message>
</context>
<context>
    <name>AgentPage</name>
    <message>
        <source>Нет ответа</source>
        <translation>No answer</translation>
    </message>
    <message>
        <source>Нет связи</source>
        <translation>No connection</translation>
    </message>
    <message>
        <source>Готов</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Не готов («{reason}»)</source>
        <translation>Not ready (“{reason}”)</translation>
    </message>
    <message>
        <source>Не готов</source>
        <translation>Not ready</translation>
    </message>
    <message>
        <source>Готов / Не готов</source>
        <translation>Ready / Not ready</translation>
    </message>
    <message>
        <source>Вам предложена задача</source>
        <translation>A task is offered to you</translation>
    </message>
    <message>
        <source>Принять (Enter)</source>
        <translation>Accept (Enter)</translation>
    </message>
    <message>
        <source>Отклонить</source>
        <translation>Decline</translation>
    </message>
    <message>
        <source>Состояние</source>
        <translation>State</translation>
    </message>
    <message>
        <source>неизвестно</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Не готов (F9)</source>
        <translation>Not ready (F9)</translation>
    </message>
    <message>
        <source>Готов (F9)</source>
        <translation>Ready (F9)</translation>
    </message>
    <message>
        <source>Перестать получать предложения задач (F9)</source>
        <translation>Stop receiving task offers (F9)</translation>
    </message>
    <message>
        <source>Получать предложения задач (F9)</source>
        <translation>Receive task offers (F9)</translation>
    </message>
    <message>
        <source>Чтение состояния…</source>
        <translation>Reading the state…</translation>
    </message>
    <message>
        <source>Смена состояния…</source>
        <translation>Changing the state…</translation>
    </message>
    <message>
        <source>Осталось {n} с</source>
        <translation>{n} s left</translation>
    </message>
    <message>
        <source>Время на ответ вышло.</source>
        <translation>The time to answer is up.</translation>
    </message>
    <message>
        <source>Отклонение задачи…</source>
        <translation>Declining the task…</translation>
    </message>
    <message>
        <source>Задача отклонена и вернулась в очередь.</source>
        <translation>The task was declined and went back to the queue.</translation>
    </message>
    <message>
        <source>Предложенная задача не принята вовремя и вернулась в очередь; новые задачи не предлагаются. Нажмите «Готов» (F9), чтобы продолжить.</source>
        <translation>The offered task was not accepted in time and went back to the queue; no new tasks are offered. Press “Ready” (F9) to continue.</translation>
    </message>
    <message>
        <source>Предложение отозвано: задачу принял другой оператор или вы больше не «Готов».</source>
        <translation>The offer was withdrawn: another agent took the task, or you are no longer “Ready”.</translation>
    </message>
    <message>
        <source>&amp;Принять</source>
        <translation>&amp;Accept</translation>
    </message>
    <message>
        <source>&amp;Закрыть</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>О&amp;бновить</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Служба поддержки</source>
        <translation>Support desk</translation>
    </message>
    <message>
        <source>Очередь</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Клиент</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Тема</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Ожидает</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Тип связи</source>
        <translation>Contact channel</translation>
    </message>
    <message>
        <source>Очередь пуста.</source>
        <translation>The queue is empty.</translation>
    </message>
    <message>
        <source>Задача до принятия</source>
        <translation>Task before accepting</translation>
    </message>
    <message>
        <source>Выберите задачу в очереди: здесь будет всё, что о ней известно.</source>
        <translation>Select a task in the queue: everything known about it will be shown here.</translation>
    </message>
    <message>
        <source>Выполняется</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Открыть обращение</source>
        <translation>Open the ticket</translation>
    </message>
    <message>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Одновременно обрабатывается только одна задача: закройте задачу в работе, чтобы принять следующую.</source>
        <translation>Only one task is handled at a time: close the task in progress to accept the next one.</translation>
    </message>
    <message>
        <source>Нет связи с сервером: принять задачу нельзя.</source>
        <translation>No connection to the server: a task cannot be accepted.</translation>
    </message>
    <message>
        <source>Выберите задачу в очереди.</source>
        <translation>Select a task in the queue.</translation>
    </message>
    <message>
        <source>Принять выбранную задачу (Enter, Ctrl+Enter)</source>
        <translation>Accept the selected task (Enter, Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Задачи в работе нет. Выберите задачу в очереди и нажмите «Принять».</source>
        <translation>No task in progress. Select a task in the queue and press «Accept».</translation>
    </message>
    <message>
        <source>Активность добавлена к открытому обращению клиента {number}.</source>
        <translation>The activity was added to the customer's open ticket {number}.</translation>
    </message>
    <message>
        <source>Открытых обращений у клиента не было: зарегистрировано новое обращение {number}.</source>
        <translation>The customer had no open ticket: a new ticket {number} was registered.</translation>
    </message>
    <message>
        <source>Отправитель не найден в справочнике: обращение не создано, сначала заведите клиента.</source>
        <translation>The sender is not in the directory: no ticket was created; create the customer first.</translation>
    </message>
    <message>
        <source>Нет связи с сервером: очередь задач доступна только при связи с сервером. Ничего не откладывается для отправки позже.</source>
        <translation>No connection to the server: the task queue is available only while connected. Nothing is kept to be sent later.</translation>
    </message>
    <message>
        <source>Загрузка очереди…</source>
        <translation>Loading the queue…</translation>
    </message>
    <message>
        <source>Принятие задачи…</source>
        <translation>Accepting the task…</translation>
    </message>
    <message>
        <source>Задача принята.</source>
        <translation>Task accepted.</translation>
    </message>
    <message>
        <source>Закрытие задачи…</source>
        <translation>Closing the task…</translation>
    </message>
    <message>
        <source>Взаимодействие завершено: можно принять следующую задачу.</source>
        <translation>Interaction closed: you can accept the next task.</translation>
    </message>
    <message>
        <source>Клиент: {name}</source>
        <translation>Customer: {name}</translation>
    </message>
    <message>
        <source>Новый клиент: {sender}</source>
        <translation>New customer: {sender}</translation>
    </message>
    <message>
        <source>Тема: {subject}</source>
        <translation>Subject: {subject}</translation>
    </message>
    <message>
        <source>Поступила: {when}; приоритет: {priority}</source>
        <translation>Arrived: {when}; priority: {priority}</translation>
    </message>
    <message>
        <source>Организация</source>
        <translation>Organization</translation>
    </message>
    <message>
        <source>не найден в справочнике (новый клиент)</source>
        <translation>not in the directory (a new customer)</translation>
    </message>
    <message>
        <source>Отправитель</source>
        <translation>Sender</translation>
    </message>
    <message>
        <source>Приоритет</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Поступила</source>
        <translation>Arrived</translation>
    </message>
    <message>
        <source>Файлы</source>
        <translation>Files</translation>
    </message>
</context>
<context>
    <name>ApiClient</name>
    <message>
        <location filename="../../ksdesk_desktop/core/api_client.py" line="129"/>
        <location filename="../../ksdesk_desktop/core/api_client.py" line="227"/>
        <location filename="../../ksdesk_desktop/core/api_client.py" line="245"/>
        <source>Сервер прислал непонятный ответ.</source>
        <translation>The server sent a reply the program does not understand.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/api_client.py" line="212"/>
        <source>Нет связи с сервером {url}. Работа продолжается без сети.</source>
        <translation>Cannot reach the server {url}. Work goes on offline.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/api_client.py" line="236"/>
        <source>Сервер ответил ошибкой {status}.</source>
        <translation>The server answered with error {status}.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/api_client.py" line="248"/>
        <source>Нет связи с сервером {url}.</source>
        <translation>Cannot reach the server {url}.</translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <location filename="../../ksdesk_desktop/core/attachment_open.py" line="56"/>
        <source>Файл «{name}» ещё не загружен на этот компьютер. Он откроется, когда появится связь с сервером.</source>
        <translation>The file «{name}» is not on this computer yet. It will open once the server can be reached.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/attachment_open.py" line="60"/>
        <source>Файл «{name}» ещё не отправлен на сервер с компьютера, где его прикрепили. Он откроется, когда отправка завершится.</source>
        <translation>The file «{name}» has not yet been sent to the server from the computer it was attached on. It will open once it has been sent.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/attachment_open.py" line="81"/>
        <source>Файл «{name}» пришёл с сервера повреждённым. Попробуйте открыть его ещё раз.</source>
        <translation>The file «{name}» arrived from the server damaged. Try opening it again.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/attachments.py" line="84"/>
        <source>«{name}» — это папка; прикрепить можно только файлы.</source>
        <translation>«{name}» is a folder; only files can be attached.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/attachments.py" line="90"/>
        <source>Файл «{name}» не прикреплён: {reason}.</source>
        <translation>The file «{name}» was not attached: {reason}.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/attachments.py" line="97"/>
        <source>его больше нет на диске</source>
        <translation>it is no longer on the disk</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/attachments.py" line="99"/>
        <source>нет прав на чтение</source>
        <translation>no permission to read it</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/attachments.py" line="99"/>
        <source>ошибка чтения ({error})</source>
        <translation>read error ({error})</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/attachments.py" line="231"/>
        <source>Копия файла «{name}» пропала с диска: прикрепите его заново.</source>
        <translation>The copy of the file «{name}» is gone from the disk: attach it again.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/attachments.py" line="328"/>
        <source>Копия файла пропала с диска ({reason}): прикрепите файл заново.</source>
        <translation>The copy of the file is gone from the disk ({reason}): attach the file again.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/attachments.py" line="340"/>
        <source>Копия файла на этом компьютере повреждена: прикрепите файл заново.</source>
        <translation>The copy of the file on this computer is damaged: attach the file again.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/attachments.py" line="343"/>
        <source>Сервер не принимает части файла.</source>
        <translation>The server does not accept the parts of the file.</translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="75"/>
        <source>Клиенты</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="79"/>
        <source>Поиск: наименование, ИНН или КПП (Ctrl+F)</source>
        <translation>Search: name, INN or KPP (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="81"/>
        <source>Создать</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="83"/>
        <source>Новая организация (Ctrl+N)</source>
        <translation>New organization (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="84"/>
        <source>Открыть</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="86"/>
        <source>Открыть карточку (Enter)</source>
        <translation>Open the card (Enter)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="96"/>
        <source>Наименование</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="97"/>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="227"/>
        <source>ИНН</source>
        <translation>INN</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="98"/>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="227"/>
        <source>КПП</source>
        <translation>KPP</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="99"/>
        <source>Статус</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="113"/>
        <source>ФИО</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="114"/>
        <source>Должность</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="115"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="116"/>
        <source>Телефон</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="121"/>
        <source>Добавить контакт</source>
        <translation>Add contact</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="123"/>
        <source>Новый контакт организации (Ctrl+Shift+N)</source>
        <translation>New contact of the organization (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="127"/>
        <source>Контакты</source>
        <translation>Contacts</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="178"/>
        <source>Найдено: %n</source>
        <translation>
            <numerusform>Found: %n</numerusform>
            <numerusform>Found: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="219"/>
        <source>Выберите организацию в списке.</source>
        <translation>Choose an organization in the list.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="228"/>
        <source>ОГРН</source>
        <translation>OGRN</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="239"/>
        <source>Есть изменения, ещё не отправленные на сервер.</source>
        <translation>Has changes not yet sent to the server.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="250"/>
        <source>&lt;b&gt;Заказчик:&lt;/b&gt; нет — контракта на сопровождение нет</source>
        <translation>&lt;b&gt;Customer:&lt;/b&gt; none — there is no support contract</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="251"/>
        <source>сама организация</source>
        <translation>the organization itself</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="252"/>
        <source>&lt;b&gt;Заказчик:&lt;/b&gt; %s</source>
        <translation>&lt;b&gt;Customer:&lt;/b&gt; %s</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="254"/>
        <source>Контракт</source>
        <translation>Contract</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="256"/>
        <source>действует</source>
        <translation>valid</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="257"/>
        <source>не действует</source>
        <translation>not valid</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="257"/>
        <source>, партнёр %s</source>
        <translation>, partner %s</translation>
    </message>
</context>
<context>
    <name>ComplexDialog</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="130"/>
        <source>Программный комплекс</source>
        <translation>Software complex</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="132"/>
        <source>Код</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="133"/>
        <source>Наименование</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="134"/>
        <source>Порядок</source>
        <translation>Order</translation>
    </message>
</context>
<context>
    <name>ComplexesByContract</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_complexes.py" line="67"/>
        <source>Зелёным выделены комплексы, на которые у заказчика есть действующий контракт.</source>
        <translation>Complexes under a valid contract of the customer are green.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_complexes.py" line="92"/>
        <source>Вид обращения изменён на «%s»: на выбранный комплекс нет действующего контракта.</source>
        <translation>The ticket type was changed to «%s»: there is no valid contract for the chosen complex.</translation>
    </message>
</context>
<context>
    <name>ComplexesPage</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="136"/>
        <source>Программные комплексы</source>
        <translation>Software complexes</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="56"/>
        <source>&amp;Программные комплексы</source>
        <translation>&amp;Software complexes</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="141"/>
        <source>Код</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="142"/>
        <source>Наименование</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="143"/>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="148"/>
        <source>Порядок</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="147"/>
        <source>Компонент</source>
        <translation>Component</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="152"/>
        <source>Добавить комплекс</source>
        <translation>Add complex</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="153"/>
        <source>Новый программный комплекс</source>
        <translation>New software complex</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="154"/>
        <source>Открыть</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="155"/>
        <source>Открыть карточку комплекса (Enter)</source>
        <translation>Open the complex&apos;s card (Enter)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="157"/>
        <source>Удалить</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="158"/>
        <source>Удалить программный комплекс</source>
        <translation>Delete the software complex</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="159"/>
        <source>Добавить компонент</source>
        <translation>Add component</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="160"/>
        <source>Новый компонент выбранного комплекса</source>
        <translation>New component of the selected complex</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="162"/>
        <source>Удалить компонент</source>
        <translation>Delete component</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="163"/>
        <source>Удалить выбранный компонент</source>
        <translation>Delete the selected component</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="170"/>
        <source>Компоненты</source>
        <translation>Components</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="247"/>
        <source>Удалить программный комплекс «%s»?</source>
        <translation>Delete the software complex «%s»?</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="251"/>
        <source>Удалить компонент «%s»?</source>
        <translation>Delete the component «%s»?</translation>
    </message>
</context>
<context>
    <name>ComponentDialog</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="146"/>
        <source>Компонент</source>
        <translation>Component</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="151"/>
        <source>Программный комплекс</source>
        <translation>Software complex</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="152"/>
        <source>Наименование</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="153"/>
        <source>Порядок</source>
        <translation>Order</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/contact_dialog.py" line="27"/>
        <source>Контакт</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/contact_dialog.py" line="32"/>
        <source>Организация</source>
        <translation>Organization</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/contact_dialog.py" line="33"/>
        <source>ФИО</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/contact_dialog.py" line="33"/>
        <source>Должность</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/contact_dialog.py" line="33"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/contact_dialog.py" line="35"/>
        <source>Телефон</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/contact_dialog.py" line="24"/>
        <source>Открыть существующий</source>
        <translation>Open the existing one</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/contact_dialog.py" line="76"/>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/contact_dialog.py" line="77"/>
        <source>телефон</source>
        <translation>phone</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/contact_dialog.py" line="77"/>
        <source>Контакт с таким %s у организации уже есть: %s.</source>
        <translation>The organization already has a contact with this %s: %s.</translation>
    </message>
</context>
<context>
    <name>ContractDialog</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="177"/>
        <source>Контракт</source>
        <translation>Contract</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="189"/>
        <source>Заказчик</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="190"/>
        <source>Номер</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="191"/>
        <source>Партнёр</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="191"/>
        <source>пусто — контракт с вендором</source>
        <translation>empty — a contract with the vendor</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="193"/>
        <source>Действует с</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="194"/>
        <source>Действует по</source>
        <translation>Valid to</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="207"/>
        <source>Программные комплексы</source>
        <translation>Software complexes</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="216"/>
        <source>Выберите заказчика.</source>
        <translation>Choose the customer.</translation>
    </message>
</context>
<context>
    <name>ContractsPage</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="266"/>
        <source>Контракты</source>
        <translation>Contracts</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="58"/>
        <source>К&amp;онтракты</source>
        <translation>C&amp;ontracts</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="270"/>
        <source>Заказчик: наименование или ИНН</source>
        <translation>Customer: name or INN</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="272"/>
        <source>Добавить контракт</source>
        <translation>Add contract</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="273"/>
        <source>Новый контракт</source>
        <translation>New contract</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="274"/>
        <source>Открыть</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="274"/>
        <source>Открыть контракт (Enter)</source>
        <translation>Open the contract (Enter)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="276"/>
        <source>Удалить</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="277"/>
        <source>Удалить выбранный контракт</source>
        <translation>Delete the selected contract</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="285"/>
        <source>Заказчик</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="286"/>
        <source>Номер</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="287"/>
        <source>Партнёр</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="288"/>
        <source>Действует с</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="289"/>
        <source>Действует по</source>
        <translation>Valid to</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="290"/>
        <source>Программные комплексы</source>
        <translation>Software complexes</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="312"/>
        <source>Найдено: %n</source>
        <translation>
            <numerusform>Found: %n</numerusform>
            <numerusform>Found: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="332"/>
        <source>Удалить контракт %s заказчика «%s»?</source>
        <translation>Delete contract %s of the customer «%s»?</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../../ksdesk_desktop/controller.py" line="226"/>
        <source>Запуск встроенного сервера…</source>
        <translation>Starting the embedded server…</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/controller.py" line="242"/>
        <source>Вход в систему</source>
        <translation>Logging in</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/controller.py" line="264"/>
        <source>Восстановление сеанса</source>
        <translation>Restoring the session</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/controller.py" line="290"/>
        <source>Вход не выполнен.</source>
        <translation>Not logged in.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/controller.py" line="312"/>
        <source>Хранилище паролей недоступно: при следующем запуске нужно будет войти снова.</source>
        <translation>The password store is unavailable: you will have to log in again next time.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/controller.py" line="366"/>
        <source>Язык интерфейса</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/controller.py" line="367"/>
        <source>Язык интерфейса сменится при следующем запуске программы.</source>
        <translation>The interface language will change the next time the program starts.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/controller.py" line="379"/>
        <source>встроенный</source>
        <translation>embedded</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/controller.py" line="379"/>
        <source>внешний</source>
        <translation>external</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/controller.py" line="238"/>
        <source>Встроенный сервер перезапущен, связь восстановлена.</source>
        <translation>The embedded server was restarted; connection restored.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/controller.py" line="246"/>
        <source>Перезапуск встроенного сервера…</source>
        <translation>Restarting the embedded server…</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <location filename="../../ksdesk_desktop/crash.py" line="56"/>
        <source>Непредвиденная ошибка</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/crash.py" line="60"/>
        <source>В программе произошла непредвиденная ошибка. Введённые данные сохранены.
Отчёт об ошибке: {path}
Передайте его в службу поддержки.</source>
        <translation>An unexpected error occurred. Your entered data is saved.
Error report: {path}
Please send it to support.</translation>
    </message>
</context>
<context>
    <name>CurrentTasksPage</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="138"/>
        <source>Текущие задачи</source>
        <translation>Current tasks</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="62"/>
        <source>Служба поддержки Кейсистемс</source>
        <translation>Keysystems support service</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="62"/>
        <source>Обращение</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="63"/>
        <source>Список доступных документов</source>
        <translation>Available documents</translation>
    </message>
    <message>
        <source>Служба поддержки</source>
        <translation>Support desk</translation>
    </message>
</context>
<context>
    <name>DesktopPage</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="178"/>
        <source>Черновики (%d)</source>
        <translation>Drafts (%d)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="144"/>
        <source>Рабочий стол</source>
        <translation>Desktop</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="146"/>
        <source>Лента обращений</source>
        <translation>Ticket feed</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="148"/>
        <source>Создать обращение</source>
        <translation>Create ticket</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="151"/>
        <source>Обращений пока нет.</source>
        <translation>No tickets yet.</translation>
    </message>
</context>
<context>
    <name>DraftsPage</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/drafts_page.py" line="120"/>
        <source>Удалить черновик «%s»? Всё, что в нём набрано, пропадёт.</source>
        <translation>Delete the draft «%s»? Everything typed in it will be lost.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/drafts_page.py" line="119"/>
        <source>Удалить черновик</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/drafts_page.py" line="119"/>
        <source>без темы</source>
        <translation>without a subject</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/drafts_page.py" line="72"/>
        <source>Удалить выбранный черновик (Delete)</source>
        <translation>Delete the selected draft (Delete)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/drafts_page.py" line="70"/>
        <source>Удалить…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/drafts_page.py" line="67"/>
        <source>Открыть</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/drafts_page.py" line="65"/>
        <source>Черновиков нет.</source>
        <translation>No drafts.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/drafts_page.py" line="57"/>
        <source>Тема обращения</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/drafts_page.py" line="57"/>
        <source>Заявитель</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/drafts_page.py" line="57"/>
        <source>Организация</source>
        <translation>Organization</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/drafts_page.py" line="57"/>
        <source>Изменён</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/drafts_page.py" line="53"/>
        <source>Обращения, закрытые до сохранения. Enter — открыть и дописать.</source>
        <translation>Tickets closed before they were saved. Enter opens one to finish it.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/drafts_page.py" line="51"/>
        <source>Черновики</source>
        <translation>Drafts</translation>
    </message>
</context>
<context>
    <name>EmbeddedServer</name>
    <message>
        <location filename="../../ksdesk_desktop/embedded.py" line="109"/>
        <source>аварийно</source>
        <translation>unexpectedly</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/embedded.py" line="110"/>
        <source>с кодом {code}</source>
        <translation>with code {code}</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/embedded.py" line="118"/>
        <source>Встроенный сервер остановился {how}; перезапуск через {s} с. Пока работа идёт без сети; подробности в журнале {log}.</source>
        <translation>The embedded server stopped {how}; restarting in {s} s. Working offline meanwhile; details in the log {log}.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/embedded.py" line="124"/>
        <source>Не удалось запустить встроенный сервер ({exe}); следующая попытка через {s} с.</source>
        <translation>Could not start the embedded server ({exe}); next attempt in {s} s.</translation>
    </message>
</context>
<context>
    <name>ErrorCode</name>
    <message>
        <location filename="../../sync/errors.py" line="65"/>
        <source>Неверные данные в запросе.</source>
        <translation>The request holds invalid data.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="67"/>
        <source>Тело запроса не является корректным JSON.</source>
        <translation>The request body is not valid JSON.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="69"/>
        <source>Запись не найдена.</source>
        <translation>Record not found.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="71"/>
        <source>Метод не поддерживается.</source>
        <translation>Method not supported.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="73"/>
        <source>Запрос слишком большой.</source>
        <translation>The request is too large.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="75"/>
        <source>Запрос передавался слишком долго и прерван. Проверьте связь и повторите.</source>
        <translation>The request took too long to send and was cut off. Check the connection and try again.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="77"/>
        <source>Требуется вход в систему.</source>
        <translation>Please sign in.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="79"/>
        <source>Неверный логин или пароль.</source>
        <translation>Wrong login or password.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="81"/>
        <source>Сеанс истёк, войдите снова.</source>
        <translation>The session has expired; sign in again.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="83"/>
        <source>Сеанс недействителен, войдите снова.</source>
        <translation>The session is not valid; sign in again.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="85"/>
        <source>Учётная запись отключена.</source>
        <translation>The account is disabled.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="87"/>
        <source>Недостаточно прав для этого действия.</source>
        <translation>You do not have the rights for this action.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="89"/>
        <source>Запись уже изменена другим пользователем.</source>
        <translation>The record has already been changed by another user.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="91"/>
        <source>Такая запись уже существует.</source>
        <translation>Such a record already exists.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="93"/>
        <source>Слишком много запросов, попробуйте позже.</source>
        <translation>Too many requests; try again later.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="95"/>
        <source>Слишком много неудачных попыток входа. Повторите позже.</source>
        <translation>Too many failed sign-in attempts. Try again later.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="97"/>
        <source>Сервер сейчас проверяет много входов сразу. Повторите через несколько секунд.</source>
        <translation>The server is checking many sign-ins at once. Try again in a few seconds.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="99"/>
        <source>Сеанс завершён: его ключ использовали повторно, возможно, с другого компьютера. Войдите снова.</source>
        <translation>The session was ended: its key was used again, perhaps from another computer. Sign in again.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="101"/>
        <source>Сервис временно недоступен.</source>
        <translation>The service is temporarily unavailable.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="103"/>
        <source>Внутренняя ошибка сервера.</source>
        <translation>Internal server error.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="105"/>
        <source>Неизвестный вид записи.</source>
        <translation>Unknown kind of record.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="107"/>
        <source>Эту запись нельзя изменить отсюда.</source>
        <translation>This record cannot be changed from here.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="109"/>
        <source>Ключ изменения уже использован для другого изменения.</source>
        <translation>The change key has already been used for another change.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="111"/>
        <source>Слишком много изменений в одном запросе.</source>
        <translation>Too many changes in one request.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="113"/>
        <source>Этот вид обращения недоступен без действующего контракта.</source>
        <translation>This ticket type is not available without a valid contract.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="115"/>
        <source>Идентификатор новой записи уже занят другой записью; запись не создана.</source>
        <translation>The new record&apos;s identifier is already taken by another record; the record was not created.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="118"/>
        <source>Изменение содержит данные, которые нельзя сохранить (например, недопустимые символы); оно не применено.</source>
        <translation>The change holds data that cannot be stored (invalid characters, for example); it was not applied.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="120"/>
        <source>Это поле нельзя задать или изменить с вашими правами; изменение не применено.</source>
        <translation>Your rights do not allow setting or changing this field; the change was not applied.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="122"/>
        <source>Запись удалена супервизором; восстановить её может только супервизор.</source>
        <translation>The record was deleted by a supervisor; only a supervisor can restore it.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="124"/>
        <source>Это действие невозможно в текущем статусе обращения.</source>
        <translation>This action is not possible in the ticket&apos;s current status.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="126"/>
        <source>Обращение находится на другой линии.</source>
        <translation>The ticket is on another line.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="128"/>
        <source>Обращение в работе у другого сотрудника.</source>
        <translation>Another employee is working on the ticket.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="130"/>
        <source>Поиск в ЕГРЮЛ не настроен на сервере. Введите данные организации вручную.</source>
        <translation>The EGRUL lookup is not set up on the server. Enter the organization&apos;s details by hand.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="133"/>
        <source>Сервис ЕГРЮЛ отказал в доступе: неверный ключ или исчерпан дневной лимит запросов. Сообщите администратору; данные можно ввести вручную.</source>
        <translation>The EGRUL service refused access: a wrong key or the daily request limit is used up. Tell the administrator; the details can be entered by hand.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="135"/>
        <source>Сервис ЕГРЮЛ перегружен запросами. Повторите через минуту.</source>
        <translation>The EGRUL service is overloaded with requests. Try again in a minute.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="137"/>
        <source>Сервис ЕГРЮЛ не ответил вовремя. Повторите позже или введите данные вручную.</source>
        <translation>The EGRUL service did not answer in time. Try again later or enter the details by hand.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="139"/>
        <source>Сервис ЕГРЮЛ недоступен или ответил с ошибкой. Повторите позже или введите данные вручную.</source>
        <translation>The EGRUL service is unavailable or answered with an error. Try again later or enter the details by hand.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="141"/>
        <source>Файл больше 50 МБ и не прикреплён.</source>
        <translation>The file is larger than 50 MB and was not attached.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="143"/>
        <source>Сервер уже получил другую часть файла: загрузка продолжится с неё.</source>
        <translation>The server already has another part of the file: the upload will go on from there.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="145"/>
        <source>Неверный диапазон загружаемой части файла.</source>
        <translation>Invalid range of the uploaded part of the file.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="147"/>
        <source>Файл дошёл до сервера повреждённым (не совпала контрольная сумма); загрузка начнётся заново.</source>
        <translation>The file reached the server damaged (the checksum does not match); the upload will start again.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="149"/>
        <source>Этот файл уже загружается; загрузка будет продолжена позже.</source>
        <translation>This file is already being uploaded; the upload will go on later.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="151"/>
        <source>Файл ещё не загружен на сервер полностью.</source>
        <translation>The file has not been fully uploaded to the server yet.</translation>
    </message>
    <message>
        <location filename="../../sync/errors.py" line="161"/>
        <source>Ошибка сервера.</source>
        <translation>Server error.</translation>
    </message>
    <message>
        <source>Это последний активный супервизор: его нельзя отключить или сменить ему роль.</source>
        <translation>This is the last active supervisor: they cannot be disabled or given another role.</translation>
    </message>
    <message>
        <source>Текст длиннее 2000 символов: сократите его.</source>
        <translation>The text is longer than 2000 characters: shorten it.</translation>
    </message>
    <message>
        <source>Пустой тег не добавлен.</source>
        <translation>An empty tag was not added.</translation>
    </message>
    <message>
        <source>Тег длиннее 50 символов и не добавлен.</source>
        <translation>The tag is longer than 50 characters and was not added.</translation>
    </message>
    <message>
        <source>Такой тег уже есть.</source>
        <translation>This tag is already there.</translation>
    </message>
    <message>
        <source>Задача уже принята другим оператором.</source>
        <translation>The task has already been accepted by another operator.</translation>
    </message>
    <message>
        <source>Задача уже закрыта.</source>
        <translation>The task is already closed.</translation>
    </message>
    <message>
        <source>У вас уже есть задача в работе: закройте её, чтобы принять следующую.</source>
        <translation>You already have a task in hand: close it to accept the next one.</translation>
    </message>
    <message>
        <source>Эта задача не в работе у вас.</source>
        <translation>This task is not in your hands.</translation>
    </message>
    <message>
        <source>Время предложения истекло: задача вернулась в очередь.</source>
        <translation>The offer's time ran out: the task went back to the queue.</translation>
    </message>
</context>
<context>
    <name>FilesPanel</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/card_files.py" line="55"/>
        <source>Имя файла</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/card_files.py" line="56"/>
        <source>Размер</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/card_files.py" line="57"/>
        <source>Состояние</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/card_files.py" line="61"/>
        <source>&amp;Открыть</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/card_files.py" line="93"/>
        <source>Отправлен</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/card_files.py" line="93"/>
        <source>Ожидает отправки</source>
        <translation>Waiting to be sent</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/card_files.py" line="94"/>
        <source>Ошибка: %s</source>
        <translation>Error: %s</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/card_files.py" line="110"/>
        <source>Дождитесь, пока откроется предыдущий файл.</source>
        <translation>Wait until the previous file opens.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/card_files.py" line="131"/>
        <source>Загрузка с сервера: %p%</source>
        <translation>Downloading from the server: %p%</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/card_files.py" line="145"/>
        <source>Не удалось открыть файл «%s»: в системе нет программы для файлов этого типа. Он сохранён здесь: %s</source>
        <translation>Could not open the file “%s”: no program for files of this type is installed. It is saved here: %s</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/card_files.py" line="155"/>
        <source>Не удалось сохранить файл на этом компьютере: %s</source>
        <translation>Could not save the file on this computer: %s</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/card_history.py" line="93"/>
        <source>Загрузка истории…</source>
        <translation>Loading the history…</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/card_history.py" line="97"/>
        <source>Обращение ещё не отправлено на сервер: показана история из локального кэша.</source>
        <translation>The ticket has not been sent to the server yet: the history is from the local cache.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/card_history.py" line="99"/>
        <location filename="../../ksdesk_desktop/ui/card_history.py" line="113"/>
        <source>Нет связи с сервером: показана история из локального кэша.</source>
        <translation>No connection to the server: the history is from the local cache.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/card_history.py" line="116"/>
        <source>Сервер не отдал историю (%s): показана история из локального кэша.</source>
        <translation>The server did not return the history (%s): it is from the local cache.</translation>
    </message>
</context>
<context>
    <name>ListActions</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_actions.py" line="184"/>
        <source>Открыть</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>ListItemDialog</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="239"/>
        <source>Список</source>
        <translation>List</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="240"/>
        <source>Код</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="244"/>
        <source>Наименование</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="245"/>
        <source>Наименование (англ.)</source>
        <translation>Name (English)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="246"/>
        <source>Порядок</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="247"/>
        <source>используется в формах</source>
        <translation>used in forms</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="250"/>
        <source>Используется</source>
        <translation>In use</translation>
    </message>
</context>
<context>
    <name>ListsPage</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="342"/>
        <source>Списки</source>
        <translation>Lists</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="60"/>
        <source>&amp;Списки</source>
        <translation>&amp;Lists</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="347"/>
        <source>Все списки</source>
        <translation>All lists</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="350"/>
        <source>Изменить</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="351"/>
        <source>Изменить выбранный элемент списка (Enter)</source>
        <translation>Change the selected list item (Enter)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="353"/>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="358"/>
        <source>Список</source>
        <translation>List</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="359"/>
        <source>Код</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="360"/>
        <source>Наименование</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="361"/>
        <source>Наименование (англ.)</source>
        <translation>Name (English)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="362"/>
        <source>Порядок</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="363"/>
        <source>Используется</source>
        <translation>In use</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="363"/>
        <source>да</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="363"/>
        <source>нет</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>LocalStore</name>
    <message>
        <location filename="../../ksdesk_desktop/store/db.py" line="192"/>
        <source>Файл неотправленных изменений {path} создан более новой версией программы. Обновите программу.</source>
        <translation>The file of unsent changes {path} was made by a newer version of the program. Update the program.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/store/db.py" line="212"/>
        <source>Локальный кэш {path} создан более новой версией программы (схема {version}). Обновите программу.</source>
        <translation>The local cache {path} was made by a newer version of the program (schema {version}). Update the program.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/login_dialog.py" line="39"/>
        <source>Вход — КС Деск</source>
        <translation>Log in — KS Desk</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/login_dialog.py" line="56"/>
        <source>Войти</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/login_dialog.py" line="67"/>
        <source>Хранилище паролей системы недоступно: пароль нужно вводить при каждом входе.</source>
        <translation>The system password store is unavailable: enter the password at every login.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/login_dialog.py" line="88"/>
        <source>Укажите адрес сервера, начиная с http:// или https://.</source>
        <translation>Enter the server address, starting with http:// or https://.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/login_dialog.py" line="91"/>
        <source>Укажите логин.</source>
        <translation>Enter the login.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/login_dialog.py" line="94"/>
        <source>Укажите пароль.</source>
        <translation>Enter the password.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/login_dialog.py" line="104"/>
        <source>Вход…</source>
        <translation>Logging in…</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/login_dialog.py" line="107"/>
        <source>Вход в систему</source>
        <translation>Logging in</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/login_dialog.py" line="123"/>
        <source>Не удалось подключиться к серверу {url}. Проверьте адрес и сеть.</source>
        <translation>Cannot connect to the server {url}. Check the address and the network.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/login_dialog.py" line="116"/>
        <source>{n}&#xa0;с</source>
        <translation>{n}&#xa0;s</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/login_dialog.py" line="117"/>
        <source>{n}&#xa0;мин</source>
        <translation>{n}&#xa0;min</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/login_dialog.py" line="127"/>
        <source>Слишком много неудачных попыток входа. Повторите через {wait}.</source>
        <translation>Too many failed login attempts. Try again in {wait}.</translation>
    </message>
</context>
<context>
    <name>LoginForm</name>
    <message>
        <location filename="../../forms/login_form.ui" line="17"/>
        <source>&amp;Сервер:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <location filename="../../forms/login_form.ui" line="23"/>
        <source>https://ksdesk.example.ru</source>
        <translation>https://ksdesk.example.com</translation>
    </message>
    <message>
        <location filename="../../forms/login_form.ui" line="28"/>
        <source>&amp;Логин:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <location filename="../../forms/login_form.ui" line="37"/>
        <source>&amp;Пароль:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../forms/login_form.ui" line="48"/>
        <source>&amp;Запомнить</source>
        <translation>&amp;Remember</translation>
    </message>
</context>
<context>
    <name>Lookup</name>
    <message>
        <location filename="../../ksdesk_desktop/core/lookup.py" line="54"/>
        <source>Организация уже есть в справочнике: {organization}.</source>
        <translation>The organization is already in the directory: {organization}.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/lookup.py" line="57"/>
        <location filename="../../ksdesk_desktop/core/lookup.py" line="62"/>
        <source>Нет связи с сервером.</source>
        <translation>Cannot reach the server.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/lookup.py" line="66"/>
        <source>Организация с ИНН {inn} и КПП {kpp} не найдена в ЕГРЮЛ. Проверьте ИНН или введите наименование вручную.</source>
        <translation>No organization with INN {inn} and KPP {kpp} was found in EGRUL. Check the INN or enter the name by hand.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/lookup.py" line="68"/>
        <source>Организация с ИНН {inn} не найдена в ЕГРЮЛ. Проверьте ИНН или введите наименование вручную.</source>
        <translation>No organization with INN {inn} was found in EGRUL. Check the INN or enter the name by hand.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/lookup.py" line="72"/>
        <source>У ИНН {inn} несколько подразделений (КПП): выберите нужное.</source>
        <translation>INN {inn} has several divisions (KPP): choose one.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/lookup.py" line="78"/>
        <source>В справочнике есть организации с ИНН {inn}: выберите нужную.</source>
        <translation>The directory has organizations with INN {inn}: choose one.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/lookup.py" line="81"/>
        <source>В справочнике нет организации с ИНН {inn}: введите наименование вручную — при синхронизации оно будет проверено в ЕГРЮЛ.</source>
        <translation>The directory has no organization with INN {inn}: enter the name by hand — it will be checked against EGRUL when syncing.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="74"/>
        <source>Карточка последнего сохранённого обращения (Ctrl+Shift+T)</source>
        <translation>The card of the ticket saved last (Ctrl+Shift+T)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="73"/>
        <source>Открыть &amp;последнее обращение</source>
        <translation>Open the &amp;last ticket</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="72"/>
        <source>Обращения, зарегистрированные мной (Ctrl+Shift+R)</source>
        <translation>Tickets I registered (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="71"/>
        <source>П&amp;оследние</source>
        <translation>&amp;Recent</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="69"/>
        <source>Черновики обращений: открыть и дописать (Ctrl+Shift+D)</source>
        <translation>Ticket drafts: open and finish (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="68"/>
        <source>Ч&amp;ерновики</source>
        <translation>&amp;Drafts</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="63"/>
        <source>КС Деск — рабочее место сотрудника поддержки</source>
        <translation>KS Desk — support operator workplace</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="132"/>
        <source>Панель быстрого доступа</source>
        <translation>Quick access panel</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="138"/>
        <source>Панель быстрого
доступа</source>
        <translation>Quick access
panel</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="145"/>
        <source>Навигатор</source>
        <translation>Navigator</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="146"/>
        <source>Текущие задачи</source>
        <translation>Current tasks</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="147"/>
        <source>Рабочий стол</source>
        <translation>Desktop</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="162"/>
        <source>&amp;Меню</source>
        <translation>&amp;Menu</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="164"/>
        <source>&amp;О программе…</source>
        <translation>&amp;About…</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="171"/>
        <source>&amp;Выход</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="176"/>
        <source>&amp;Вид</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="179"/>
        <source>&amp;Справочники</source>
        <translation>&amp;Directories</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="183"/>
        <source>&amp;Язык</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="53"/>
        <source>&amp;Клиенты</source>
        <translation>&amp;Clients</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="54"/>
        <source>Справочник «Клиенты» (Ctrl+K)</source>
        <translation>The Clients directory (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="65"/>
        <source>&amp;Создать обращение</source>
        <translation>&amp;Create ticket</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="66"/>
        <source>Создать обращение (Ctrl+T)</source>
        <translation>Create a ticket (Ctrl+T)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="224"/>
        <source>&amp;Обращения</source>
        <translation>&amp;Tickets</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="51"/>
        <source>&amp;Список обращений</source>
        <translation>Ticket &amp;list</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="64"/>
        <source>&amp;Доступные документы</source>
        <translation>Available &amp;documents</translation>
    </message>
    <message>
        <source>&amp;Администрирование</source>
        <translation>&amp;Administration</translation>
    </message>
    <message>
        <source>&amp;Пользователи и журнал</source>
        <translation>&amp;Users and audit log</translation>
    </message>
    <message>
        <source>Пользователи и журнал изменений, для супервизора (Ctrl+Shift+U)</source>
        <translation>Users and the audit log, for a supervisor (Ctrl+Shift+U)</translation>
    </message>
    <message>
        <source>Служба &amp;поддержки: очередь задач</source>
        <translation>Support &amp;desk: task queue</translation>
    </message>
    <message>
        <source>Служба поддержки: очередь входящих задач и задача в работе (Ctrl+Shift+A)</source>
        <translation>Support desk: the queue of incoming tasks and the task in progress (Ctrl+Shift+A)</translation>
    </message>
</context>
<context>
    <name>NavigatorPage</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="70"/>
        <source>Последние</source>
        <translation>Recent</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="67"/>
        <source>Черновики</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="132"/>
        <source>Навигатор</source>
        <translation>Navigator</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="48"/>
        <source>УЧЁТ ОБРАЩЕНИЙ ЗАКАЗЧИКОВ</source>
        <translation>CUSTOMER TICKETS</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="50"/>
        <source>Обращение</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="49"/>
        <source>СПРАВОЧНИКИ</source>
        <translation>DIRECTORIES</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="52"/>
        <source>Клиенты</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="55"/>
        <source>Программные комплексы</source>
        <translation>Software complexes</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="57"/>
        <source>Контракты</source>
        <translation>Contracts</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="59"/>
        <source>Списки</source>
        <translation>Lists</translation>
    </message>
    <message>
        <source>АДМИНИСТРИРОВАНИЕ</source>
        <translation>ADMINISTRATION</translation>
    </message>
    <message>
        <source>Пользователи</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Служба поддержки</source>
        <translation>Support desk</translation>
    </message>
</context>
<context>
    <name>OrganizationChooser</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_picker.py" line="106"/>
        <source>ИНН и Enter: КПП и наименование из ЕГРЮЛ</source>
        <translation>INN and Enter: KPP and name from EGRUL</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_picker.py" line="163"/>
        <source>нет (своего контракта нет)</source>
        <translation>none (no contract of its own)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_picker.py" line="192"/>
        <source>Поиск организации с ИНН %s…</source>
        <translation>Looking up the organization with INN %s…</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_picker.py" line="202"/>
        <location filename="../../ksdesk_desktop/ui/organization_picker.py" line="207"/>
        <source>КПП</source>
        <translation>KPP</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_picker.py" line="204"/>
        <source>Организация найдена в справочнике «Клиенты».</source>
        <translation>Found in the Clients directory.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_picker.py" line="211"/>
        <source>филиал</source>
        <translation>branch</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_picker.py" line="212"/>
        <source>головная организация</source>
        <translation>head office</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_picker.py" line="216"/>
        <source>Внимание: по данным ЕГРЮЛ организация ликвидирована или закрывается.</source>
        <translation>Attention: according to EGRUL the organization is liquidated or closing.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_picker.py" line="219"/>
        <source>Данные заполнены из ЕГРЮЛ.</source>
        <translation>Filled in from EGRUL.</translation>
    </message>
</context>
<context>
    <name>OrganizationDialog</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="47"/>
        <source>Организация</source>
        <translation>Organization</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="51"/>
        <source>Организация ИНН</source>
        <translation>Organization INN</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="51"/>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="164"/>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="175"/>
        <source>КПП</source>
        <translation>KPP</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="51"/>
        <source>ОГРН</source>
        <translation>OGRN</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="52"/>
        <source>Наименование</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="52"/>
        <source>Полное наименование</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="52"/>
        <source>Адрес</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="58"/>
        <source>10 или 12 цифр; Enter — поиск в ЕГРЮЛ</source>
        <translation>10 or 12 digits; Enter looks it up in EGRUL</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="62"/>
        <source>Найти в ЕГРЮЛ</source>
        <translation>Look up in EGRUL</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="64"/>
        <source>Поиск по ИНН в справочнике и в ЕГРЮЛ (Enter в поле ИНН)</source>
        <translation>Look the INN up in the directory and in EGRUL (Enter in the INN field)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="76"/>
        <source>Статус в ЕГРЮЛ</source>
        <translation>EGRUL status</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="80"/>
        <source>Заказчик</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="45"/>
        <source>Открыть существующую</source>
        <translation>Open the existing one</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="107"/>
        <source>нет (своего контракта нет)</source>
        <translation>none (no contract of its own)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="125"/>
        <source>Поиск в ЕГРЮЛ…</source>
        <translation>Looking up in EGRUL…</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="154"/>
        <source>Эта организация уже есть в справочнике: %s. Откройте её, а не создавайте новую.</source>
        <translation>This organization is already in the directory: %s. Open it instead of creating a new one.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="157"/>
        <source>Внимание: по данным ЕГРЮЛ организация — «%s».</source>
        <translation>Attention: according to EGRUL the organization is «%s».</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="160"/>
        <source>Данные заполнены из ЕГРЮЛ.</source>
        <translation>Filled in from EGRUL.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="165"/>
        <source>филиал</source>
        <translation>branch</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="166"/>
        <source>головная организация</source>
        <translation>head office</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="166"/>
        <source>, в справочнике</source>
        <translation>, in the directory</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="202"/>
        <source>Организация с ИНН %s%s уже есть в справочнике: %s.</source>
        <translation>An organization with INN %s%s is already in the directory: %s.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="203"/>
        <source> и КПП %s</source>
        <translation> and KPP %s</translation>
    </message>
</context>
<context>
    <name>OrganizationPicker</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_picker.py" line="63"/>
        <source>Поиск не удался: %s</source>
        <translation>The lookup failed: %s</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Временный пароль</source>
        <translation>Temporary password</translation>
    </message>
    <message>
        <source>Временный пароль пользователя «%1». Он показан только сейчас: передайте его пользователю. Прежние сеансы пользователя завершены.</source>
        <translation>The temporary password of «%1». It is shown only now: pass it on to the user. The user's earlier sessions have ended.</translation>
    </message>
    <message>
        <source>&amp;Копировать</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Phone</name>
    <message>
        <location filename="../../ksdesk_desktop/i18n.py" line="67"/>
        <location filename="../../sync/identifiers.py" line="174"/>
        <source>доб.</source>
        <translation>ext.</translation>
    </message>
</context>
<context>
    <name>ProblemBar</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/notices.py" line="59"/>
        <source>Запись «{title}» изменена на сервере, пока вы её правили. Ваш вариант сохранён и ещё не отправлен.</source>
        <translation>Record “{title}” was changed on the server while you were editing it. Your version is kept and not sent yet.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/notices.py" line="60"/>
        <source>Загрузить</source>
        <translation>Load</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/notices.py" line="61"/>
        <source>Взять версию с сервера, ваши правки этой записи будут отменены</source>
        <translation>Take the server version; your edits of this record are discarded</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/notices.py" line="62"/>
        <source>Оставить моё</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/notices.py" line="63"/>
        <source>Отправить ваш вариант поверх версии с сервера</source>
        <translation>Send your version on top of the server version</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/notices.py" line="66"/>
        <source>Сервер не принял изменение записи «{title}»: {reason} Исправьте запись или отмените изменение.</source>
        <translation>The server refused the change of record “{title}”: {reason} Correct the record or discard the change.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/notices.py" line="67"/>
        <source>Отменить изменение</source>
        <translation>Discard change</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/notices.py" line="68"/>
        <source>Вернуть запись к версии с сервера</source>
        <translation>Return the record to the server version</translation>
    </message>
</context>
<context>
    <name>RecentTicketsPage</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/recent_tickets.py" line="41"/>
        <source>Обращения, зарегистрированные мной, новые сверху. Enter — открыть карточку.</source>
        <translation>Tickets I registered, newest first. Enter opens the card.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/recent_tickets.py" line="39"/>
        <source>Последние</source>
        <translation>Recent</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/record_dialog.py" line="37"/>
        <source>Сохранить</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/record_dialog.py" line="39"/>
        <source>Сохранить (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/record_dialog.py" line="40"/>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RecoveryNotice</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/recovery_notice.py" line="41"/>
        <source>Локальный кэш повреждён ({reason}): программа пересоздаст его при следующем запуске. Неотправленные изменения хранятся отдельно и не пострадают.</source>
        <translation>The local cache is damaged ({reason}): the program will rebuild it at the next start. Unsent changes are kept apart and are not affected.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/recovery_notice.py" line="25"/>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/recovery_notice.py" line="32"/>
        <source>файл пуст</source>
        <translation>the file is empty</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/recovery_notice.py" line="33"/>
        <source>испорчен заголовок файла</source>
        <translation>the file header is broken</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/recovery_notice.py" line="34"/>
        <source>файл обрезан</source>
        <translation>the file is cut short</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/recovery_notice.py" line="35"/>
        <source>файл пропал</source>
        <translation>the file is missing</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/recovery_notice.py" line="36"/>
        <source>испорчены данные внутри файла</source>
        <translation>the data inside the file is broken</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/recovery_notice.py" line="46"/>
        <source>Локальный кэш был повреждён и пересоздан ({reason}): справочники и обращения загружаются с сервера заново.</source>
        <translation>The local cache was damaged and has been rebuilt ({reason}): directories and tickets are being downloaded from the server again.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/recovery_notice.py" line="49"/>
        <source>Файл неотправленных изменений был повреждён ({reason}). Восстановлено изменений: из файла — {salvaged}, по копии в кэше — {requeued}.</source>
        <translation>The file of unsent changes was damaged ({reason}). Changes recovered: from the file — {salvaged}, from the copy in the cache — {requeued}.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/recovery_notice.py" line="53"/>
        <source>Часть файла прочитать не удалось: изменения оттуда, которых не было в кэше, потеряны.</source>
        <translation>Part of the file could not be read: changes from it that were not in the cache are lost.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/recovery_notice.py" line="55"/>
        <source>Неотправленные обращения сохранены: {tickets} (всего сохранено неотправленных изменений: {pending}, черновиков: {drafts}).</source>
        <translation>Unsent tickets kept: {tickets} (unsent changes kept in all: {pending}, drafts: {drafts}).</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/recovery_notice.py" line="59"/>
        <source>Повреждённые файлы сохранены для службы поддержки: {names}.</source>
        <translation>The damaged files are kept for the support service: {names}.</translation>
    </message>
</context>
<context>
    <name>ReferenceDialog</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="40"/>
        <source>Изменять справочник может только супервизор.</source>
        <translation>Only a supervisor may change this directory.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="43"/>
        <source>Вид обращения</source>
        <translation>Ticket type</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="44"/>
        <source>Тип связи</source>
        <translation>Contact channel</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="45"/>
        <source>Приоритет</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="46"/>
        <source>Статус обращения</source>
        <translation>Ticket status</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="96"/>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ReferencePage</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="52"/>
        <source>Удаление</source>
        <translation>Deleting</translation>
    </message>
</context>
<context>
    <name>RegistryStatus</name>
    <message>
        <location filename="../../sync/registry.py" line="30"/>
        <source>Действующая</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../sync/registry.py" line="31"/>
        <source>Ликвидируется</source>
        <translation>Being liquidated</translation>
    </message>
    <message>
        <location filename="../../sync/registry.py" line="32"/>
        <source>Ликвидирована</source>
        <translation>Liquidated</translation>
    </message>
    <message>
        <location filename="../../sync/registry.py" line="33"/>
        <source>Реорганизуется</source>
        <translation>Being reorganized</translation>
    </message>
    <message>
        <location filename="../../sync/registry.py" line="34"/>
        <source>Банкротство</source>
        <translation>Bankrupt</translation>
    </message>
    <message>
        <location filename="../../sync/registry.py" line="35"/>
        <source>Не проверена в ЕГРЮЛ</source>
        <translation>Not checked in EGRUL</translation>
    </message>
    <message>
        <location filename="../../sync/registry.py" line="36"/>
        <source>Не найдена в ЕГРЮЛ</source>
        <translation>Not found in EGRUL</translation>
    </message>
</context>
<context>
    <name>Replica</name>
    <message>
        <location filename="../../ksdesk_desktop/store/replica.py" line="273"/>
        <source>Такие записи создаются только на сервере.</source>
        <translation>Such records are created on the server only.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/store/replica.py" line="284"/>
        <source>Эти записи нельзя изменять.</source>
        <translation>These records cannot be changed.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/store/replica.py" line="290"/>
        <location filename="../../ksdesk_desktop/store/replica.py" line="327"/>
        <source>Запись не найдена: возможно, её уже удалили.</source>
        <translation>Record not found: it may have been deleted already.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/store/replica.py" line="356"/>
        <source>Поле «{field}» нельзя изменять.</source>
        <translation>The field «{field}» cannot be changed.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/store/replica.py" line="434"/>
        <source>Конфликт уже разрешён.</source>
        <translation>The conflict has already been resolved.</translation>
    </message>
</context>
<context>
    <name>SharedRules</name>
    <message>
        <location filename="../../sync/attachments.py" line="46"/>
        <source>Файл «{name}» ({size}) больше {limit} и не прикреплён.</source>
        <translation>The file «{name}» ({size}) is larger than {limit} and was not attached.</translation>
    </message>
    <message>
        <location filename="../../sync/identifiers.py" line="88"/>
        <source>Введите ИНН.</source>
        <translation>Enter the INN.</translation>
    </message>
    <message>
        <location filename="../../sync/identifiers.py" line="90"/>
        <location filename="../../sync/identifiers.py" line="101"/>
        <source>ИНН состоит только из цифр.</source>
        <translation>An INN consists of digits only.</translation>
    </message>
    <message>
        <location filename="../../sync/identifiers.py" line="93"/>
        <source>ИНН должен содержать 10 цифр (организация) или 12 цифр (ИП), а введено {count} {digits}.</source>
        <translation>An INN has 10 digits (an organization) or 12 digits (an individual entrepreneur); {count} were entered.</translation>
    </message>
    <message>
        <location filename="../../sync/identifiers.py" line="96"/>
        <source>ИНН не может состоять из одних нулей.</source>
        <translation>An INN cannot be all zeros.</translation>
    </message>
    <message>
        <location filename="../../sync/identifiers.py" line="98"/>
        <source>Неверный ИНН: не сходится контрольное число. Проверьте цифры.</source>
        <translation>Invalid INN: the check digit does not match. Check the digits.</translation>
    </message>
    <message>
        <location filename="../../sync/identifiers.py" line="100"/>
        <source>ИНН должен содержать 10 цифр (организация) или 12 цифр (ИП).</source>
        <translation>An INN has 10 digits (an organization) or 12 digits (an individual entrepreneur).</translation>
    </message>
    <message>
        <location filename="../../sync/identifiers.py" line="102"/>
        <source>Неверный ИНН. Проверьте цифры.</source>
        <translation>Invalid INN. Check the digits.</translation>
    </message>
    <message>
        <location filename="../../sync/identifiers.py" line="121"/>
        <source>У индивидуального предпринимателя (ИНН из 12 цифр) нет КПП.</source>
        <translation>An individual entrepreneur (a 12-digit INN) has no KPP.</translation>
    </message>
    <message>
        <location filename="../../sync/identifiers.py" line="124"/>
        <source>КПП должен содержать 9 символов, а введено {count}.</source>
        <translation>A KPP has 9 characters; {count} were entered.</translation>
    </message>
    <message>
        <location filename="../../sync/identifiers.py" line="126"/>
        <source>КПП не может состоять из одних нулей.</source>
        <translation>A KPP cannot be all zeros.</translation>
    </message>
    <message>
        <location filename="../../sync/identifiers.py" line="130"/>
        <source>Неверный КПП: 4 цифры, затем 2 цифры или латинские буквы, затем 3 цифры (например, 773601001).</source>
        <translation>Invalid KPP: 4 digits, then 2 digits or Latin letters, then 3 digits (for example, 773601001).</translation>
    </message>
    <message>
        <location filename="../../sync/identifiers.py" line="140"/>
        <location filename="../../sync/identifiers.py" line="160"/>
        <source>ОГРН состоит только из цифр.</source>
        <translation>An OGRN consists of digits only.</translation>
    </message>
    <message>
        <location filename="../../sync/identifiers.py" line="143"/>
        <source>ОГРН должен содержать 13 цифр (ОГРНИП — 15), а введено {count} {digits}.</source>
        <translation>An OGRN has 13 digits (an OGRNIP 15); {count} were entered.</translation>
    </message>
    <message>
        <location filename="../../sync/identifiers.py" line="146"/>
        <source>ОГРН не может состоять из одних нулей.</source>
        <translation>An OGRN cannot be all zeros.</translation>
    </message>
    <message>
        <location filename="../../sync/identifiers.py" line="148"/>
        <source>Неверный ОГРН: не сходится контрольное число. Проверьте цифры.</source>
        <translation>Invalid OGRN: the check digit does not match. Check the digits.</translation>
    </message>
    <message>
        <location filename="../../sync/identifiers.py" line="152"/>
        <source>Неверный ОГРНИП: он начинается с 3 или 4.</source>
        <translation>Invalid OGRNIP: it starts with 3 or 4.</translation>
    </message>
    <message>
        <location filename="../../sync/identifiers.py" line="158"/>
        <source>Неверный ОГРН: он не может начинаться с 0.</source>
        <translation>Invalid OGRN: it cannot start with 0.</translation>
    </message>
    <message>
        <location filename="../../sync/identifiers.py" line="159"/>
        <source>ОГРН должен содержать 13 цифр (ОГРНИП — 15).</source>
        <translation>An OGRN has 13 digits (an OGRNIP 15).</translation>
    </message>
    <message>
        <location filename="../../sync/identifiers.py" line="161"/>
        <source>Неверный ОГРН. Проверьте цифры.</source>
        <translation>Invalid OGRN. Check the digits.</translation>
    </message>
    <message>
        <location filename="../../sync/identifiers.py" line="191"/>
        <source>Введите телефон.</source>
        <translation>Enter the phone.</translation>
    </message>
    <message>
        <location filename="../../sync/identifiers.py" line="196"/>
        <source>Неверный телефон. Пример: {example}.</source>
        <translation>Invalid phone. Example: {example}.</translation>
    </message>
    <message>
        <location filename="../../sync/identifiers.py" line="199"/>
        <source>Телефон должен начинаться с +7 (или 8).</source>
        <translation>The phone must start with +7 (or 8).</translation>
    </message>
    <message>
        <location filename="../../sync/identifiers.py" line="203"/>
        <source>Неверный телефон: нужны код города или оператора и номер, всего 10 цифр после +7. Пример: {example}.</source>
        <translation>Invalid phone: it needs the area or operator code and the number, 10 digits after +7 in all. Example: {example}.</translation>
    </message>
    <message>
        <location filename="../../sync/identifiers.py" line="206"/>
        <source>Добавочный номер — не больше 10 цифр.</source>
        <translation>An extension has at most 10 digits.</translation>
    </message>
    <message>
        <location filename="../../sync/identifiers.py" line="240"/>
        <source>Введите адрес электронной почты.</source>
        <translation>Enter the e-mail address.</translation>
    </message>
    <message>
        <location filename="../../sync/identifiers.py" line="245"/>
        <source>Неверный адрес электронной почты: нужен вид имя@домен.зона.</source>
        <translation>Invalid e-mail address: it must look like name@domain.zone.</translation>
    </message>
    <message>
        <location filename="../../sync/numbers.py" line="30"/>
        <source>Поле «{label}» должно быть не меньше {n}.</source>
        <translation>The field «{label}» must be at least {n}.</translation>
    </message>
    <message>
        <location filename="../../sync/numbers.py" line="31"/>
        <source>Поле «{label}» должно быть не больше {n}.</source>
        <translation>The field «{label}» must be at most {n}.</translation>
    </message>
    <message>
        <location filename="../../sync/numbers.py" line="32"/>
        <source>Поле «{label}» должно быть больше {n}.</source>
        <translation>The field «{label}» must be greater than {n}.</translation>
    </message>
    <message>
        <location filename="../../sync/numbers.py" line="33"/>
        <source>Поле «{label}» должно быть меньше {n}.</source>
        <translation>The field «{label}» must be less than {n}.</translation>
    </message>
    <message>
        <location filename="../../sync/numbers.py" line="37"/>
        <source>Поле «{label}»: число слишком велико.</source>
        <translation>The field «{label}»: the number is too large.</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="120"/>
        <source>целое число</source>
        <translation>a whole number</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="121"/>
        <source>«да» или «нет»</source>
        <translation>«yes» or «no»</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="122"/>
        <source>идентификатор записи</source>
        <translation>a record identifier</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="123"/>
        <source>дата (ГГГГ-ММ-ДД)</source>
        <translation>a date (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="124"/>
        <source>объект</source>
        <translation>an object</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="125"/>
        <source>текст</source>
        <translation>text</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="128"/>
        <source>список</source>
        <translation>a list</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="129"/>
        <source>одно из значений списка</source>
        <translation>one of the list&apos;s values</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="149"/>
        <source>В поле «{label}» недопустимый символ {char}: уберите его.</source>
        <translation>The field «{label}» holds the invalid character {char}: remove it.</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="151"/>
        <source>В записи недопустимый символ {char}: уберите его.</source>
        <translation>The record holds the invalid character {char}: remove it.</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="153"/>
        <source>Заполните поле «{label}».</source>
        <translation>Fill in the field «{label}».</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="155"/>
        <source>Поле «{label}» длиннее {n} символов.</source>
        <translation>The field «{label}» is longer than {n} characters.</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="159"/>
        <source>Поле «{label}» нельзя задать в этой записи.</source>
        <translation>The field «{label}» cannot be set in this record.</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="163"/>
        <source>Данные записи должны быть набором её полей.</source>
        <translation>A record&apos;s data must be a set of its fields.</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="163"/>
        <source>Поле «{label}»: ожидается {what}.</source>
        <translation>The field «{label}»: {what} expected.</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="166"/>
        <source>Неверное значение поля «{label}».</source>
        <translation>Invalid value of the field «{label}».</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="170"/>
        <source>Неверные данные записи.</source>
        <translation>Invalid record data.</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="171"/>
        <source>ИНН</source>
        <translation>INN</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="172"/>
        <source>КПП</source>
        <translation>KPP</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="173"/>
        <source>ОГРН</source>
        <translation>OGRN</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="174"/>
        <location filename="../../sync/records.py" line="219"/>
        <location filename="../../sync/records.py" line="225"/>
        <location filename="../../sync/records.py" line="261"/>
        <source>Наименование</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="175"/>
        <source>Полное наименование</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="176"/>
        <source>Адрес</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="177"/>
        <location filename="../../sync/records.py" line="232"/>
        <source>Заказчик</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="196"/>
        <location filename="../../sync/records.py" line="272"/>
        <location filename="../../sync/tickets.py" line="20"/>
        <source>Организация</source>
        <translation>Organization</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="197"/>
        <source>ФИО</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="198"/>
        <source>Должность</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="199"/>
        <location filename="../../sync/records.py" line="275"/>
        <location filename="../../sync/tickets.py" line="22"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="201"/>
        <location filename="../../sync/records.py" line="276"/>
        <location filename="../../sync/tickets.py" line="23"/>
        <source>Телефон</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="202"/>
        <location filename="../../sync/records.py" line="277"/>
        <source>Добавочный</source>
        <translation>Extension</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="213"/>
        <source>Добавочный номер указан без телефона.</source>
        <translation>An extension is given without a phone.</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="218"/>
        <source>Код</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="224"/>
        <location filename="../../sync/records.py" line="278"/>
        <location filename="../../sync/tickets.py" line="24"/>
        <source>Программный комплекс</source>
        <translation>Software complex</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="226"/>
        <location filename="../../sync/records.py" line="263"/>
        <source>Порядок</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="233"/>
        <source>Номер</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="234"/>
        <source>Партнёр</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="235"/>
        <source>Действует с</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="236"/>
        <source>Действует по</source>
        <translation>Valid to</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="238"/>
        <source>Программные комплексы</source>
        <translation>Software complexes</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="245"/>
        <source>Укажите хотя бы один программный комплекс контракта.</source>
        <translation>Name at least one software complex of the contract.</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="253"/>
        <source>Дата окончания контракта раньше даты начала.</source>
        <translation>The contract&apos;s end date is before its start date.</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="262"/>
        <source>Наименование (англ.)</source>
        <translation>Name (English)</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="264"/>
        <source>Используется</source>
        <translation>In use</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="273"/>
        <location filename="../../sync/records.py" line="274"/>
        <location filename="../../sync/tickets.py" line="21"/>
        <source>Заявитель</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="279"/>
        <source>Компонент</source>
        <translation>Component</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="280"/>
        <location filename="../../sync/tickets.py" line="25"/>
        <source>Вид обращения</source>
        <translation>Ticket type</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="281"/>
        <location filename="../../sync/tickets.py" line="26"/>
        <source>Тип связи</source>
        <translation>Contact channel</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="282"/>
        <location filename="../../sync/tickets.py" line="27"/>
        <source>Приоритет</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="284"/>
        <location filename="../../sync/records.py" line="308"/>
        <source>Информация о системе</source>
        <translation>System information</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="285"/>
        <location filename="../../sync/records.py" line="304"/>
        <location filename="../../sync/tickets.py" line="28"/>
        <source>Тема обращения</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="286"/>
        <location filename="../../sync/records.py" line="306"/>
        <location filename="../../sync/tickets.py" line="29"/>
        <source>Текст обращения</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="288"/>
        <source>Предварительный номер</source>
        <translation>Provisional number</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="316"/>
        <source>Обращение</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="318"/>
        <location filename="../../sync/records.py" line="340"/>
        <source>Имя файла</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="319"/>
        <source>Размер</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="320"/>
        <source>Контрольная сумма</source>
        <translation>Checksum</translation>
    </message>
    <message>
        <location filename="../../sync/records.py" line="323"/>
        <source>Тип файла</source>
        <translation>File type</translation>
    </message>
    <message>
        <location filename="../../sync/roles.py" line="202"/>
        <source>Поле «{label}» заполняет сервер; его нельзя задать или изменить.</source>
        <translation>The server fills in the field «{label}»; it cannot be set or changed.</translation>
    </message>
    <message>
        <location filename="../../sync/roles.py" line="206"/>
        <source>Поле «{label}» задаётся при создании записи и потом не меняется.</source>
        <translation>The field «{label}» is set when the record is created and never changes after.</translation>
    </message>
    <message>
        <location filename="../../sync/roles.py" line="210"/>
        <source>Поле «{label}» может задать только супервизор.</source>
        <translation>Only a supervisor can set the field «{label}».</translation>
    </message>
    <message>
        <location filename="../../sync/roles.py" line="211"/>
        <source>Поле «{label}» может изменить только супервизор.</source>
        <translation>Only a supervisor can change the field «{label}».</translation>
    </message>
    <message>
        <location filename="../../sync/roles.py" line="213"/>
        <source>Поле «{label}» нельзя задать с вашими правами.</source>
        <translation>Your rights do not allow setting the field «{label}».</translation>
    </message>
    <message>
        <location filename="../../sync/roles.py" line="214"/>
        <source>Поле «{label}» нельзя изменить с вашими правами.</source>
        <translation>Your rights do not allow changing the field «{label}».</translation>
    </message>
    <message>
        <location filename="../../sync/tickets.py" line="47"/>
        <source>Заполните обязательное поле: {field}.</source>
        <translation>Fill in the required field: {field}.</translation>
    </message>
    <message>
        <location filename="../../sync/tickets.py" line="48"/>
        <source>Заполните обязательные поля: {fields}.</source>
        <translation>Fill in the required fields: {fields}.</translation>
    </message>
    <message>
        <location filename="../../sync/tickets.py" line="100"/>
        <source>У организации нет действующего контракта: доступен только вид обращения «Консультация».</source>
        <translation>The organization has no valid contract: only the ticket type «Consultation» is available.</translation>
    </message>
    <message>
        <location filename="../../sync/tickets.py" line="116"/>
        <source>Без действующего контракта на выбранный программный комплекс доступен только вид обращения «Консультация».</source>
        <translation>Without a valid contract for the chosen software complex only the ticket type «Consultation» is available.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/ticket_history.py" line="34"/>
        <source>Статус</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/ticket_history.py" line="35"/>
        <source>Маршрут</source>
        <translation>Route</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/ticket_history.py" line="37"/>
        <source>Исполнитель</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <location filename="../../sync/workflow.py" line="179"/>
        <source>Неизвестное действие с обращением.</source>
        <translation>Unknown action on a ticket.</translation>
    </message>
    <message>
        <location filename="../../sync/workflow.py" line="216"/>
        <location filename="../../sync/workflow.py" line="223"/>
        <source>Обращение уже на 2-й линии.</source>
        <translation>The ticket is already on line 2.</translation>
    </message>
    <message>
        <location filename="../../sync/workflow.py" line="219"/>
        <source>Обращение на другой линии.</source>
        <translation>The ticket is on another line.</translation>
    </message>
    <message>
        <location filename="../../sync/workflow.py" line="227"/>
        <source>Комментировать можно свои обращения.</source>
        <translation>You can comment only on your own tickets.</translation>
    </message>
    <message>
        <source>Эскалирует сотрудник 1-й линии.</source>
        <translation>Escalation is done by the first line.</translation>
    </message>
</context>
<context>
    <name>Sizes</name>
    <message>
        <location filename="../../sync/attachments.py" line="34"/>
        <source>{n} байт</source>
        <translation>{n} bytes</translation>
    </message>
    <message>
        <location filename="../../sync/attachments.py" line="35"/>
        <source>МБ</source>
        <translation>MB</translation>
    </message>
    <message>
        <location filename="../../sync/attachments.py" line="35"/>
        <source>КБ</source>
        <translation>KB</translation>
    </message>
    <message>
        <location filename="../../sync/attachments.py" line="38"/>
        <location filename="../../sync/attachments.py" line="45"/>
        <source>,</source>
        <translation>.</translation>
    </message>
</context>
<context>
    <name>SyncRunner</name>
    <message>
        <location filename="../../ksdesk_desktop/sync_runner.py" line="235"/>
        <source>Ошибка синхронизации: {error}</source>
        <translation>Sync error: {error}</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/sync_runner.py" line="267"/>
        <source>Ошибка отправки файлов: {error}</source>
        <translation>File upload error: {error}</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Агент: {state}</source>
        <translation>Agent: {state}</translation>
    </message>
    <message>
        <source>Состояние в службе поддержки (F9 на странице «Служба поддержки»)</source>
        <translation>Your state in the service desk (F9 on the “Service desk” page)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/status_bar.py" line="39"/>
        <source>Остановить</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/status_bar.py" line="40"/>
        <source>Остановить загрузку данных; её можно продолжить позже с того же места</source>
        <translation>Stop loading data; it can be resumed later from the same place</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/status_bar.py" line="43"/>
        <source>Продолжить синхронизацию</source>
        <translation>Resume sync</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/status_bar.py" line="101"/>
        <source>Загрузка данных с сервера</source>
        <translation>Loading data from the server</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/status_bar.py" line="106"/>
        <source>Исходящие: {n}</source>
        <translation>Outbox: {n}</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/status_bar.py" line="107"/>
        <source>Изменения, ещё не отправленные на сервер</source>
        <translation>Changes not yet sent to the server</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/status_bar.py" line="111"/>
        <source>ещё не было</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/status_bar.py" line="111"/>
        <source>Синхронизация: {when}</source>
        <translation>Last sync: {when}</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/status_bar.py" line="122"/>
        <source>В сети</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/status_bar.py" line="116"/>
        <location filename="../../ksdesk_desktop/ui/status_bar.py" line="124"/>
        <source>Подключение…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/status_bar.py" line="126"/>
        <source>Нет связи</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/status_bar.py" line="130"/>
        <source>сервер не выбран</source>
        <translation>no server chosen</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/status_bar.py" line="119"/>
        <location filename="../../ksdesk_desktop/ui/status_bar.py" line="133"/>
        <source>Вход не выполнен</source>
        <translation>Not logged in</translation>
    </message>
</context>
<context>
    <name>SystemInfo</name>
    <message>
        <location filename="../../ksdesk_desktop/sysinfo.py" line="31"/>
        <source>Б</source>
        <translation>B</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/sysinfo.py" line="31"/>
        <source>КБ</source>
        <translation>KB</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/sysinfo.py" line="31"/>
        <source>МБ</source>
        <translation>MB</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/sysinfo.py" line="32"/>
        <source>ГБ</source>
        <translation>GB</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/sysinfo.py" line="44"/>
        <source>нет связи</source>
        <translation>offline</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/sysinfo.py" line="45"/>
        <source>Программа</source>
        <translation>Program</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/sysinfo.py" line="46"/>
        <source>КС Деск (KS Desk Desktop) {v}</source>
        <translation>KS Desk (KS Desk Desktop) {v}</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/sysinfo.py" line="47"/>
        <source>ОС</source>
        <translation>OS</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/sysinfo.py" line="51"/>
        <source>Сервер</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/sysinfo.py" line="52"/>
        <source>Версия сервера</source>
        <translation>Server version</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/sysinfo.py" line="52"/>
        <location filename="../../ksdesk_desktop/sysinfo.py" line="53"/>
        <source>неизвестна</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/sysinfo.py" line="53"/>
        <source>База данных сервера</source>
        <translation>Server database</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/sysinfo.py" line="54"/>
        <source>Локальный кэш</source>
        <translation>Local cache</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/sysinfo.py" line="55"/>
        <source>Пользователь</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/sysinfo.py" line="55"/>
        <source>не выполнен вход</source>
        <translation>not signed in</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/sysinfo.py" line="56"/>
        <source>Язык</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/sysinfo.py" line="57"/>
        <source>Графическая платформа</source>
        <translation>Graphics platform</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../../ksdesk_desktop/core/texts.py" line="22"/>
        <source>{name} (ИНН {inn}, КПП {kpp})</source>
        <translation>{name} (INN {inn}, KPP {kpp})</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/texts.py" line="23"/>
        <source>{name} (ИНН {inn})</source>
        <translation>{name} (INN {inn})</translation>
    </message>
</context>
<context>
    <name>TicketActions</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_actions.py" line="37"/>
        <source>Взять в работу</source>
        <translation>Take</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_actions.py" line="38"/>
        <source>Эскалировать на 2-ю линию</source>
        <translation>Escalate to line 2</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_actions.py" line="39"/>
        <source>Запросить информацию</source>
        <translation>Request information</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_actions.py" line="40"/>
        <source>Ответить заявителю</source>
        <translation>Reply to applicant</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_actions.py" line="41"/>
        <source>Решить</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_actions.py" line="42"/>
        <source>Закрыть обращение</source>
        <translation>Close ticket</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_actions.py" line="43"/>
        <source>Вернуть в работу</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_actions.py" line="44"/>
        <source>Комментарий</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_actions.py" line="45"/>
        <source>Причина эскалации</source>
        <translation>Reason for escalation</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_actions.py" line="46"/>
        <source>Комментарий (необязательно)</source>
        <translation>Comment (optional)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_actions.py" line="47"/>
        <source>Ответ заявителю</source>
        <translation>Reply to the applicant</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_actions.py" line="48"/>
        <source>Решение</source>
        <translation>Solution</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_actions.py" line="49"/>
        <source>Причина (необязательно)</source>
        <translation>Reason (optional)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_actions.py" line="150"/>
        <source>«%s»: отправляется на сервер.</source>
        <translation>“%s”: being sent to the server.</translation>
    </message>
</context>
<context>
    <name>TicketCard</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="125"/>
        <source>Обращение %s</source>
        <translation>Ticket %s</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="66"/>
        <source>&amp;Поля</source>
        <translation>&amp;Fields</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="79"/>
        <source>&amp;История</source>
        <translation>&amp;History</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="99"/>
        <source>Учётный номер</source>
        <translation>Registration number</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="128"/>
        <source>%s (предварительный)</source>
        <translation>%s (provisional)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="99"/>
        <source>Статус</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="40"/>
        <source>Ожидает регистрации</source>
        <translation>Awaiting registration</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="99"/>
        <source>Организация</source>
        <translation>Organization</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="100"/>
        <source>Заявитель</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="100"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="100"/>
        <source>Телефон</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="101"/>
        <source>Программный комплекс</source>
        <translation>Software complex</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="101"/>
        <source>Компонент</source>
        <translation>Component</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="101"/>
        <source>Вид обращения</source>
        <translation>Ticket type</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="102"/>
        <source>Тип связи</source>
        <translation>Contact channel</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="102"/>
        <source>Приоритет</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="103"/>
        <source>Тема обращения</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="112"/>
        <source>Текст обращения</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="171"/>
        <source>&amp;Файлы (%s)</source>
        <translation>F&amp;iles (%s)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/card_history.py" line="33"/>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="117"/>
        <source>Информация о системе</source>
        <translation>System information</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/card_history.py" line="34"/>
        <source>Добавочный</source>
        <translation>Extension</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/card_history.py" line="36"/>
        <source>Предварительный номер</source>
        <translation>Provisional number</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="99"/>
        <source>Исполнитель</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="100"/>
        <source>Заказчик</source>
        <translation>Customer</translation>
    </message>
</context>
<context>
    <name>TicketFiles</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_files.py" line="34"/>
        <source>Прикрепить файлы (Ctrl+O); можно перетащить их в список</source>
        <translation>Attach files (Ctrl+O); you can also drop them on the list</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_files.py" line="35"/>
        <source>Убрать выбранный файл (Delete)</source>
        <translation>Remove the selected file (Delete)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_files.py" line="45"/>
        <source>Прикрепить файлы</source>
        <translation>Attach files</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_files.py" line="69"/>
        <source>Копирование файлов…</source>
        <translation>Copying files…</translation>
    </message>
</context>
<context>
    <name>TicketForm</name>
    <message>
        <location filename="../../forms/ticket_form.ui" line="65"/>
        <source>Вст&amp;авить информацию о системе</source>
        <translation>Insert system inform&amp;ation</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_form.py" line="285"/>
        <location filename="../../ksdesk_desktop/ui/ticket_form.py" line="314"/>
        <source>Заполните это поле.</source>
        <translation>Fill in this field.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_form.py" line="148"/>
        <source>Сведения о программе, системе и сервере, как в «О программе»</source>
        <translation>The program, system and server details, as in «About»</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_form.py" line="78"/>
        <source>Обращение (новое)</source>
        <translation>Ticket (new)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_form.py" line="136"/>
        <source>Выберите…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_form.py" line="137"/>
        <source>(не указан)</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_form.py" line="146"/>
        <source>Сохранить и зарегистрировать (Ctrl+S)</source>
        <translation>Save and register (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_form.py" line="147"/>
        <source>Закрыть форму (Esc); черновик сохраняется</source>
        <translation>Close the form (Esc); the draft is kept</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_form.py" line="387"/>
        <source>Черновик сохранён в %s</source>
        <translation>Draft saved at %s</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_form.py" line="413"/>
        <source>Копия файла «%s» пропала с диска: уберите его и прикрепите заново.</source>
        <translation>The copy of «%s» is gone from the disk: remove it and attach it again.</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_form.ui" line="11"/>
        <source>Организация &amp;ИНН:</source>
        <translation>Organization &amp;INN:</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_form.ui" line="12"/>
        <source>10 или 12 цифр, затем Enter</source>
        <translation>10 or 12 digits, then Enter</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_form.ui" line="13"/>
        <source>КПП:</source>
        <translation>KPP:</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_form.ui" line="15"/>
        <source>&amp;Организация:</source>
        <translation>&amp;Organization:</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_form.ui" line="16"/>
        <source>Название или ИНН из справочника «Клиенты»</source>
        <translation>Name or INN from the Clients directory</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_form.ui" line="17"/>
        <source>Заказчик:</source>
        <translation>Customer:</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_form.ui" line="19"/>
        <source>&amp;Заявитель:</source>
        <translation>&amp;Applicant:</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_form.ui" line="20"/>
        <source>ФИО: выберите из контактов или введите</source>
        <translation>Full name: choose a contact or type it</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_form.ui" line="21"/>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_form.ui" line="22"/>
        <source>текст@текст.текст</source>
        <translation>name@domain.zone</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_form.ui" line="23"/>
        <source>&amp;Телефон:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_form.ui" line="24"/>
        <source>+7 (495) 123-45-67 доб. 12</source>
        <translation>+7 (495) 123-45-67 ext. 12</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_form.ui" line="31"/>
        <source>Программный &amp;комплекс:</source>
        <translation>Software &amp;complex:</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_form.ui" line="33"/>
        <source>Ко&amp;мпонент:</source>
        <translation>Co&amp;mponent:</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_form.ui" line="35"/>
        <source>&amp;Вид обращения:</source>
        <translation>Ticket &amp;type:</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_form.ui" line="37"/>
        <source>Тип &amp;связи:</source>
        <translation>C&amp;ontact channel:</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_form.ui" line="39"/>
        <source>П&amp;риоритет:</source>
        <translation>P&amp;riority:</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_form.ui" line="51"/>
        <source>Т&amp;ема обращения:</source>
        <translation>S&amp;ubject:</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_form.ui" line="53"/>
        <source>Кратко: что случилось</source>
        <translation>Briefly: what happened</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_form.ui" line="56"/>
        <source>Те&amp;кст обращения:</source>
        <translation>Te&amp;xt:</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_form.ui" line="58"/>
        <source>Подробно: проблема или ошибка, шаги, что ожидалось</source>
        <translation>In detail: the problem or error, the steps, what was expected</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_form.ui" line="61"/>
        <source>&amp;Информация о системе:</source>
        <translation>System &amp;information:</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_form.ui" line="63"/>
        <source>Вставьте из «Меню / О программе / Скопировать в буфер» программы клиента</source>
        <translation>Paste from «Menu / About / Copy to clipboard» of the customer&apos;s program</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_form.ui" line="69"/>
        <source>&amp;Файлы:</source>
        <translation>&amp;Files:</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_form.ui" line="73"/>
        <source>&amp;Прикрепить…</source>
        <translation>Atta&amp;ch…</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_form.ui" line="74"/>
        <source>&amp;Убрать</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_form.ui" line="85"/>
        <source>&amp;Сохранить</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_form.ui" line="86"/>
        <source>&amp;Закрыть</source>
        <translation>C&amp;lose</translation>
    </message>
</context>
<context>
    <name>TicketHistory</name>
    <message>
        <location filename="../../ksdesk_desktop/core/ticket_history.py" line="106"/>
        <source>Зарегистрировано, номер %s</source>
        <translation>Registered, number %s</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/ticket_history.py" line="108"/>
        <source>Изменено: %s</source>
        <translation>Changed: %s</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/ticket_history.py" line="111"/>
        <source>Добавлен файл «%s»</source>
        <translation>File “%s” added</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/ticket_history.py" line="121"/>
        <source>Создано (предварительный номер %s)</source>
        <translation>Created (provisional number %s)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/ticket_history.py" line="157"/>
        <source>пользователь не известен</source>
        <translation>unknown user</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/ticket_history.py" line="159"/>
        <source>Система</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/ticket_history.py" line="50"/>
        <source>1-я линия</source>
        <translation>line 1</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/ticket_history.py" line="51"/>
        <source>2-я линия</source>
        <translation>line 2</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/ticket_history.py" line="52"/>
        <source>запрос информации</source>
        <translation>request for information</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/ticket_history.py" line="53"/>
        <source>ответ</source>
        <translation>reply</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/ticket_history.py" line="54"/>
        <source>решение</source>
        <translation>solution</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/ticket_history.py" line="55"/>
        <source>обращение зарегистрировано</source>
        <translation>ticket registered</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/ticket_history.py" line="56"/>
        <source>в очереди</source>
        <translation>queued</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/ticket_history.py" line="57"/>
        <source>отправлено</source>
        <translation>sent</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/ticket_history.py" line="58"/>
        <source>не доставлено</source>
        <translation>not delivered</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/ticket_history.py" line="116"/>
        <source>Письмо заявителю (%s) на %s — %s</source>
        <translation>E-mail to the applicant (%s) to %s — %s</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/ticket_history.py" line="135"/>
        <source>назначено исполнителю</source>
        <translation>assigned</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/core/ticket_history.py" line="136"/>
        <source>исполнитель снят</source>
        <translation>unassigned</translation>
    </message>
    <message>
        <source>Активность (%s) от %s: «%s»</source>
        <translation>Activity (%s) from %s: «%s»</translation>
    </message>
    <message>
        <source>Заявитель ответил</source>
        <translation>The applicant replied</translation>
    </message>
</context>
<context>
    <name>TicketListPage</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="114"/>
        <source>Список обновляется…</source>
        <translation>The list is being updated…</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="126"/>
        <source>Поиск: номер, тема, текст, организация (Ctrl+F)</source>
        <translation>Search: number, subject, text, organization (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="132"/>
        <source>Обращения</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="133"/>
        <source>Список доступных документов</source>
        <translation>Available documents</translation>
    </message>
    <message>
        <source>Номер</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Дата</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Организация</source>
        <translation>Organization</translation>
    </message>
    <message>
        <source>Тема</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Статус</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ожидает регистрации</source>
        <translation>Awaiting registration</translation>
    </message>
    <message>
        <source>Приоритет</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Исполнитель</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="184"/>
        <source>Создать</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="184"/>
        <source>Создать обращение</source>
        <translation>Create ticket</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="187"/>
        <source>Обновить</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="187"/>
        <source>Обновить список</source>
        <translation>Refresh the list</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="190"/>
        <source>Открыть</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="190"/>
        <source>Открыть карточку обращения</source>
        <translation>Open the ticket card</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="193"/>
        <source>Фильтр</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="194"/>
        <source>Показать или скрыть фильтр</source>
        <translation>Show or hide the filter</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="197"/>
        <source>Поиск</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="197"/>
        <source>Поиск по обращениям</source>
        <translation>Search tickets</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="214"/>
        <source>Все статусы</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="215"/>
        <source>Все, кроме закрытых</source>
        <translation>All but closed</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="221"/>
        <source>Любой приоритет</source>
        <translation>Any priority</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="226"/>
        <source>наименование или ИНН</source>
        <translation>name or INN</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="232"/>
        <source>Сбросить</source>
        <translation>Reset</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="234"/>
        <source>Сбросить фильтр</source>
        <translation>Reset the filter</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="236"/>
        <source>&amp;Статус:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="238"/>
        <source>&amp;Приоритет:</source>
        <translation>&amp;Priority:</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="240"/>
        <source>&amp;Исполнитель:</source>
        <translation>&amp;Assignee:</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="242"/>
        <source>&amp;Дата с</source>
        <translation>&amp;Date from</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="244"/>
        <source>п&amp;о</source>
        <translation>&amp;to</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="247"/>
        <source>Ор&amp;ганизация:</source>
        <translation>Or&amp;ganization:</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="287"/>
        <source>Любой исполнитель</source>
        <translation>Any assignee</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="288"/>
        <source>Не назначен</source>
        <translation>Unassigned</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="363"/>
        <source>Войдите в систему, чтобы увидеть свои задачи.</source>
        <translation>Log in to see your tasks.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="365"/>
        <source>Обращений: %n</source>
        <translation>
            <numerusform>Tickets: %n</numerusform>
            <numerusform>Tickets: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="367"/>
        <source>Обращений: %n и более…</source>
        <translation>
            <numerusform>Tickets: %n or more…</numerusform>
            <numerusform>Tickets: %n or more…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TicketWindows</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_windows.py" line="125"/>
        <source>В этом сеансе обращений ещё не сохраняли; все ваши — в «Обращения / Последние».</source>
        <translation>No ticket saved in this session yet; all of yours are in «Tickets / Recent».</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_windows.py" line="81"/>
        <source>Черновик %s сохранён: он в «Обращения / Черновики» (Ctrl+Shift+D).</source>
        <translation>Draft %s saved: it is in «Tickets / Drafts» (Ctrl+Shift+D).</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_windows.py" line="80"/>
        <source>без темы</source>
        <translation>without a subject</translation>
    </message>
</context>
<context>
    <name>Toast</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/toast.py" line="59"/>
        <source>Открыть: Ctrl+Shift+T.</source>
        <translation>Open: Ctrl+Shift+T.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/toast.py" line="36"/>
        <source>Закрыть уведомление</source>
        <translation>Close the notice</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/toast.py" line="53"/>
        <source>Обращение %s зарегистрировано.</source>
        <translation>Ticket %s is registered.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/toast.py" line="55"/>
        <source>Обращение %s сохранено и регистрируется…</source>
        <translation>Ticket %s is saved and being registered…</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/toast.py" line="58"/>
        <source>Обращение сохранено под предварительным номером %s. Учётный номер будет присвоен при синхронизации с сервером.</source>
        <translation>The ticket is saved under the provisional number %s. It gets its registration number when the client syncs with the server.</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Новый пользователь</source>
        <translation>New user</translation>
    </message>
    <message>
        <source>Пользователь</source>
        <translation>User</translation>
    </message>
    <message>
        <source>&amp;Логин</source>
        <translation>&amp;Login</translation>
    </message>
    <message>
        <source>&amp;ФИО</source>
        <translation>&amp;Full name</translation>
    </message>
    <message>
        <source>&amp;Роль</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <source>Л&amp;иния</source>
        <translation>L&amp;ine</translation>
    </message>
    <message>
        <source>&amp;Пароль</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Сохранить</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Логин: латинские буквы, цифры, точка, дефис и подчёркивание, до 64 символов.</source>
        <translation>Login: Latin letters, digits, dot, hyphen and underscore, up to 64 characters.</translation>
    </message>
    <message>
        <source>Заполните поле «ФИО».</source>
        <translation>Fill in «Full name».</translation>
    </message>
    <message>
        <source>Пароль: не короче %1 символов.</source>
        <translation>Password: at least %1 characters.</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Пользователи</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Журнал</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>&amp;Создать</source>
        <translation>&amp;Create</translation>
    </message>
    <message>
        <source>&amp;Изменить</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Отключить</source>
        <translation>&amp;Disable</translation>
    </message>
    <message>
        <source>&amp;Включить</source>
        <translation>&amp;Enable</translation>
    </message>
    <message>
        <source>Сбросить &amp;пароль</source>
        <translation>Reset &amp;password</translation>
    </message>
    <message>
        <source>О&amp;бновить</source>
        <translation>Re&amp;fresh</translation>
    </message>
    <message>
        <source>Логин</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>ФИО</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Роль</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Линия</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Активен</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>&amp;Ранее</source>
        <translation>&amp;Older</translation>
    </message>
    <message>
        <source>Когда</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Кто</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Что</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Изменения</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>Пользователями управляет только супервизор.</source>
        <translation>Only a supervisor manages users.</translation>
    </message>
    <message>
        <source>Нет связи с сервером: управление пользователями и журнал доступны только при связи с сервером. Изменения не сохраняются для отправки позже.</source>
        <translation>No connection to the server: users and the audit log are available only while connected. Changes are not kept to be sent later.</translation>
    </message>
    <message>
        <source>Загрузка пользователей…</source>
        <translation>Loading users…</translation>
    </message>
    <message>
        <source>Загрузка журнала…</source>
        <translation>Loading the audit log…</translation>
    </message>
    <message>
        <source>да</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>нет</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Создание пользователя…</source>
        <translation>Creating the user…</translation>
    </message>
    <message>
        <source>Сохранение…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Сброс пароля…</source>
        <translation>Resetting the password…</translation>
    </message>
    <message>
        <source>Пароль пользователя «%1» сброшен.</source>
        <translation>The password of «%1» was reset.</translation>
    </message>
    <message>
        <source>система</source>
        <translation>system</translation>
    </message>
    <message>
        <source>Пользователь</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Обращение</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>создан</source>
        <translation>created</translation>
    </message>
    <message>
        <source>изменён</source>
        <translation>changed</translation>
    </message>
    <message>
        <source>сброшен пароль</source>
        <translation>password reset</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Оператор</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Специалист</source>
        <translation>Specialist</translation>
    </message>
    <message>
        <source>Супервизор</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>1-я линия</source>
        <translation>First line</translation>
    </message>
    <message>
        <source>2-я линия</source>
        <translation>Second line</translation>
    </message>
    <message>
        <source>Администрирование</source>
        <translation>Administration</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ksdesk_desktop/quick_start.py" line="203"/>
        <source>КС Деск</source>
        <translation>KS Desk</translation>
    </message>
</context>
</TS>
