<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="ru_RU">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/about_dialog.py" line="23"/>
        <source>О программе</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/about_dialog.py" line="25"/>
        <source>&lt;b&gt;КС Деск&lt;/b&gt; — рабочее место сотрудника поддержки, версия {v}</source>
        <translation>&lt;b&gt;KS Desk&lt;/b&gt; — support operator workplace, version {v}</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/about_dialog.py" line="30"/>
        <source>Скопировать в буфер</source>
        <translation>Copy to clipboard</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/about_dialog.py" line="33"/>
        <source>Скопировать сведения о системе (Ctrl+C)</source>
        <translation>Copy the system information (Ctrl+C)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/about_dialog.py" line="47"/>
        <source>Сведения скопированы — вставьте их в поле «Информация о системе».</source>
        <translation>Copied — paste it into the «System information» field.</translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="92"/>
        <source>Поиск: наименование, ИНН или КПП (Ctrl+F)</source>
        <translation>Search: name, INN or KPP (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="94"/>
        <source>Создать</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="96"/>
        <source>Новая организация (Ctrl+N)</source>
        <translation>New organization (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="97"/>
        <source>Открыть</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="99"/>
        <source>Открыть карточку (Enter)</source>
        <translation>Open the card (Enter)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="109"/>
        <source>Наименование</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="110"/>
        <source>ИНН</source>
        <translation>INN</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="111"/>
        <source>КПП</source>
        <translation>KPP</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="112"/>
        <source>Статус</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="128"/>
        <source>ФИО</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="129"/>
        <source>Должность</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="130"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="131"/>
        <source>Телефон</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="139"/>
        <source>Добавить контакт</source>
        <translation>Add contact</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="141"/>
        <source>Новый контакт организации (Ctrl+Shift+N)</source>
        <translation>New contact of the organization (Ctrl+Shift+N)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="195"/>
        <source>Найдено: %n</source>
        <translation>
            <numerusform>Found: %n</numerusform>
            <numerusform>Found: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="236"/>
        <source>Выберите организацию в списке.</source>
        <translation>Choose an organization in the list.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="255"/>
        <source>Есть изменения, ещё не отправленные на сервер.</source>
        <translation>Has changes not yet sent to the server.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="267"/>
        <source>сама организация</source>
        <translation>the organization itself</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="272"/>
        <source>действует</source>
        <translation>valid</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="273"/>
        <source>не действует</source>
        <translation>not valid</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/contact_dialog.py" line="26"/>
        <source>Контакт</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/contact_dialog.py" line="31"/>
        <source>Организация</source>
        <translation>Organization</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/contact_dialog.py" line="32"/>
        <source>ФИО</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/contact_dialog.py" line="32"/>
        <source>Должность</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/contact_dialog.py" line="32"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/contact_dialog.py" line="34"/>
        <source>Телефон</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/contact_dialog.py" line="23"/>
        <source>Открыть существующий</source>
        <translation>Open the existing one</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/contact_dialog.py" line="74"/>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/contact_dialog.py" line="75"/>
        <source>телефон</source>
        <translation>phone</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/contact_dialog.py" line="75"/>
        <source>Контакт с таким %s у организации уже есть: %s.</source>
        <translation>The organization already has a contact with this %s: %s.</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../../ksdesk_desktop/app.py" line="141"/>
        <source>Запуск встроенного сервера…</source>
        <translation>Starting the embedded server…</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/app.py" line="150"/>
        <source>Вход в систему</source>
        <translation>Logging in</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/app.py" line="169"/>
        <source>Восстановление сеанса</source>
        <translation>Restoring the session</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/app.py" line="195"/>
        <source>Вход не выполнен.</source>
        <translation>Not logged in.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/app.py" line="217"/>
        <source>Хранилище паролей недоступно: при следующем запуске нужно будет войти снова.</source>
        <translation>The password store is unavailable: you will have to log in again next time.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/app.py" line="251"/>
        <source>встроенный</source>
        <translation>embedded</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/app.py" line="251"/>
        <source>внешний</source>
        <translation>external</translation>
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
        <location filename="../../ksdesk_desktop/ui/pages.py" line="66"/>
        <source>Текущие задачи</source>
        <translation>Current tasks</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="68"/>
        <source>Служба поддержки Кейсистемс</source>
        <translation>Keysystems support service</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="69"/>
        <source>Обращение</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="70"/>
        <source>Список доступных документов</source>
        <translation>Available documents</translation>
    </message>
</context>
<context>
    <name>DesktopPage</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="77"/>
        <source>Рабочий стол</source>
        <translation>Desktop</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="78"/>
        <source>Лента обращений</source>
        <translation>Ticket feed</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="80"/>
        <source>Создать обращение</source>
        <translation>Create ticket</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="83"/>
        <source>Форма обращения появится в следующей версии.</source>
        <translation>The ticket form comes in the next version.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="84"/>
        <source>Обращений пока нет.</source>
        <translation>No tickets yet.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/login_dialog.py" line="38"/>
        <source>Вход — КС Деск</source>
        <translation>Log in — KS Desk</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/login_dialog.py" line="55"/>
        <source>Войти</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/login_dialog.py" line="66"/>
        <source>Хранилище паролей системы недоступно: пароль нужно вводить при каждом входе.</source>
        <translation>The system password store is unavailable: enter the password at every login.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/login_dialog.py" line="82"/>
        <source>Укажите адрес сервера, начиная с http:// или https://.</source>
        <translation>Enter the server address, starting with http:// or https://.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/login_dialog.py" line="85"/>
        <source>Укажите логин.</source>
        <translation>Enter the login.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/login_dialog.py" line="88"/>
        <source>Укажите пароль.</source>
        <translation>Enter the password.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/login_dialog.py" line="98"/>
        <source>Вход…</source>
        <translation>Logging in…</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/login_dialog.py" line="101"/>
        <source>Вход в систему</source>
        <translation>Logging in</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/login_dialog.py" line="112"/>
        <source>Не удалось подключиться к серверу {url}. Проверьте адрес и сеть.</source>
        <translation>Cannot connect to the server {url}. Check the address and the network.</translation>
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
    <name>MainWindow</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="31"/>
        <source>КС Деск — рабочее место сотрудника поддержки</source>
        <translation>KS Desk — support operator workplace</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="62"/>
        <source>Панель быстрого доступа</source>
        <translation>Quick access panel</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="67"/>
        <source>Панель быстрого
доступа</source>
        <translation>Quick access
panel</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="74"/>
        <source>Навигатор</source>
        <translation>Navigator</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="75"/>
        <source>Текущие задачи</source>
        <translation>Current tasks</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="76"/>
        <source>Рабочий стол</source>
        <translation>Desktop</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="91"/>
        <source>&amp;Меню</source>
        <translation>&amp;Menu</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="93"/>
        <source>&amp;О программе…</source>
        <translation>&amp;About…</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="99"/>
        <source>&amp;Выход</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="104"/>
        <source>&amp;Вид</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="107"/>
        <source>&amp;Справочники</source>
        <translation>&amp;Directories</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="114"/>
        <source>&amp;Клиенты</source>
        <translation>&amp;Clients</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="117"/>
        <source>Справочник «Клиенты» (Ctrl+K)</source>
        <translation>The Clients directory (Ctrl+K)</translation>
    </message>
</context>
<context>
    <name>NavigatorPage</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="47"/>
        <source>Навигатор</source>
        <translation>Navigator</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="49"/>
        <source>УЧЁТ ОБРАЩЕНИЙ ЗАКАЗЧИКОВ</source>
        <translation>CUSTOMER TICKETS</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="49"/>
        <source>Обращение</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="50"/>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="51"/>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="52"/>
        <source>СПРАВОЧНИКИ</source>
        <translation>DIRECTORIES</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="50"/>
        <source>Клиенты</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="51"/>
        <source>Программные комплексы</source>
        <translation>Software complexes</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="52"/>
        <source>Контракты</source>
        <translation>Contracts</translation>
    </message>
</context>
<context>
    <name>OrganizationDialog</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="45"/>
        <source>Организация</source>
        <translation>Organization</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="50"/>
        <source>Организация ИНН</source>
        <translation>Organization INN</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="50"/>
        <source>КПП</source>
        <translation>KPP</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="50"/>
        <source>ОГРН</source>
        <translation>OGRN</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="51"/>
        <source>Наименование</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="51"/>
        <source>Полное наименование</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="51"/>
        <source>Адрес</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="57"/>
        <source>10 или 12 цифр; Enter — поиск в ЕГРЮЛ</source>
        <translation>10 or 12 digits; Enter looks it up in EGRUL</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="61"/>
        <source>Найти в ЕГРЮЛ</source>
        <translation>Look up in EGRUL</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="63"/>
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
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="43"/>
        <source>Открыть существующую</source>
        <translation>Open the existing one</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="102"/>
        <source>нет (своего контракта нет)</source>
        <translation>none (no contract of its own)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="128"/>
        <source>Поиск в ЕГРЮЛ…</source>
        <translation>Looking up in EGRUL…</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="135"/>
        <source>Поиск не удался: %s</source>
        <translation>The lookup failed: %s</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="161"/>
        <source>Эта организация уже есть в справочнике: %s. Откройте её, а не создавайте новую.</source>
        <translation>This organization is already in the directory: %s. Open it instead of creating a new one.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="164"/>
        <source>Внимание: по данным ЕГРЮЛ организация — «%s».</source>
        <translation>Attention: according to EGRUL the organization is «%s».</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="167"/>
        <source>Данные заполнены из ЕГРЮЛ.</source>
        <translation>Filled in from EGRUL.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="172"/>
        <source>филиал</source>
        <translation>branch</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="173"/>
        <source>головная организация</source>
        <translation>head office</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="173"/>
        <source>, в справочнике</source>
        <translation>, in the directory</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="214"/>
        <source>Организация с ИНН %s%s уже есть в справочнике: %s.</source>
        <translation>An organization with INN %s%s is already in the directory: %s.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="215"/>
        <source> и КПП %s</source>
        <translation> and KPP %s</translation>
    </message>
</context>
<context>
    <name>ProblemBar</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/notices.py" line="54"/>
        <source>Запись «{title}» изменена на сервере, пока вы её правили. Ваш вариант сохранён и ещё не отправлен.</source>
        <translation>Record “{title}” was changed on the server while you were editing it. Your version is kept and not sent yet.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/notices.py" line="55"/>
        <source>Загрузить</source>
        <translation>Load</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/notices.py" line="56"/>
        <source>Взять версию с сервера, ваши правки этой записи будут отменены</source>
        <translation>Take the server version; your edits of this record are discarded</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/notices.py" line="57"/>
        <source>Оставить моё</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/notices.py" line="58"/>
        <source>Отправить ваш вариант поверх версии с сервера</source>
        <translation>Send your version on top of the server version</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/notices.py" line="61"/>
        <source>Сервер не принял изменение записи «{title}»: {reason} Исправьте запись или отмените изменение.</source>
        <translation>The server refused the change of record “{title}”: {reason} Correct the record or discard the change.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/notices.py" line="62"/>
        <source>Отменить изменение</source>
        <translation>Discard change</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/notices.py" line="63"/>
        <source>Вернуть запись к версии с сервера</source>
        <translation>Return the record to the server version</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/record_dialog.py" line="35"/>
        <source>Сохранить</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/record_dialog.py" line="37"/>
        <source>Сохранить (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/record_dialog.py" line="38"/>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SyncRunner</name>
    <message>
        <location filename="../../ksdesk_desktop/sync_runner.py" line="180"/>
        <source>Ошибка синхронизации: {error}</source>
        <translation>Sync error: {error}</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/status_bar.py" line="36"/>
        <source>Остановить</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/status_bar.py" line="37"/>
        <source>Остановить загрузку данных; её можно продолжить позже с того же места</source>
        <translation>Stop loading data; it can be resumed later from the same place</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/status_bar.py" line="40"/>
        <source>Продолжить синхронизацию</source>
        <translation>Resume sync</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/status_bar.py" line="86"/>
        <source>Загрузка данных с сервера</source>
        <translation>Loading data from the server</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/status_bar.py" line="91"/>
        <source>Исходящие: {n}</source>
        <translation>Outbox: {n}</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/status_bar.py" line="92"/>
        <source>Изменения, ещё не отправленные на сервер</source>
        <translation>Changes not yet sent to the server</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/status_bar.py" line="96"/>
        <source>ещё не было</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/status_bar.py" line="96"/>
        <source>Синхронизация: {when}</source>
        <translation>Last sync: {when}</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/status_bar.py" line="101"/>
        <source>В сети</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/status_bar.py" line="103"/>
        <source>Подключение…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/status_bar.py" line="105"/>
        <source>Нет связи</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/status_bar.py" line="109"/>
        <source>сервер не выбран</source>
        <translation>no server chosen</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/status_bar.py" line="112"/>
        <source>Вход не выполнен</source>
        <translation>Not logged in</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ksdesk_desktop/app.py" line="291"/>
        <source>КС Деск</source>
        <translation>KS Desk</translation>
    </message>
</context>
</TS>
