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
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="75"/>
        <source>Поиск: наименование, ИНН или КПП (Ctrl+F)</source>
        <translation>Search: name, INN or KPP (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="77"/>
        <source>Создать</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="79"/>
        <source>Новая организация (Ctrl+N)</source>
        <translation>New organization (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="80"/>
        <source>Открыть</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="82"/>
        <source>Открыть карточку (Enter)</source>
        <translation>Open the card (Enter)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="92"/>
        <source>Наименование</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="93"/>
        <source>ИНН</source>
        <translation>INN</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="94"/>
        <source>КПП</source>
        <translation>KPP</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="95"/>
        <source>Статус</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="109"/>
        <source>ФИО</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="110"/>
        <source>Должность</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="111"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="112"/>
        <source>Телефон</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="120"/>
        <source>Добавить контакт</source>
        <translation>Add contact</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="122"/>
        <source>Новый контакт организации (Ctrl+Shift+N)</source>
        <translation>New contact of the organization (Ctrl+Shift+N)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="176"/>
        <source>Найдено: %n</source>
        <translation>
            <numerusform>Found: %n</numerusform>
            <numerusform>Found: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="217"/>
        <source>Выберите организацию в списке.</source>
        <translation>Choose an organization in the list.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="236"/>
        <source>Есть изменения, ещё не отправленные на сервер.</source>
        <translation>Has changes not yet sent to the server.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="248"/>
        <source>сама организация</source>
        <translation>the organization itself</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="253"/>
        <source>действует</source>
        <translation>valid</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/clients_page.py" line="254"/>
        <source>не действует</source>
        <translation>not valid</translation>
    </message>
</context>
<context>
    <name>ComplexDialog</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="123"/>
        <source>Программный комплекс</source>
        <translation>Software complex</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="125"/>
        <source>Код</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="126"/>
        <source>Наименование</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="127"/>
        <source>Порядок</source>
        <translation>Order</translation>
    </message>
</context>
<context>
    <name>ComplexesByContract</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_complexes.py" line="64"/>
        <source>Зелёным выделены комплексы, на которые у заказчика есть действующий контракт.</source>
        <translation>Complexes under a valid contract of the customer are green.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_complexes.py" line="89"/>
        <source>Вид обращения изменён на «%s»: на выбранный комплекс нет действующего контракта.</source>
        <translation>The ticket type was changed to «%s»: there is no valid contract for the chosen complex.</translation>
    </message>
</context>
<context>
    <name>ComplexesPage</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="128"/>
        <source>Программные комплексы</source>
        <translation>Software complexes</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="130"/>
        <source>&amp;Программные комплексы</source>
        <translation>&amp;Software complexes</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="134"/>
        <source>Код</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="135"/>
        <source>Наименование</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="136"/>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="141"/>
        <source>Порядок</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="140"/>
        <source>Компонент</source>
        <translation>Component</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="145"/>
        <source>Добавить комплекс</source>
        <translation>Add complex</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="146"/>
        <source>Новый программный комплекс</source>
        <translation>New software complex</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="147"/>
        <source>Открыть</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="148"/>
        <source>Открыть карточку комплекса (Enter)</source>
        <translation>Open the complex&apos;s card (Enter)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="150"/>
        <source>Удалить</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="151"/>
        <source>Удалить программный комплекс</source>
        <translation>Delete the software complex</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="152"/>
        <source>Добавить компонент</source>
        <translation>Add component</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="153"/>
        <source>Новый компонент выбранного комплекса</source>
        <translation>New component of the selected complex</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="155"/>
        <source>Удалить компонент</source>
        <translation>Delete component</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="156"/>
        <source>Удалить выбранный компонент</source>
        <translation>Delete the selected component</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="239"/>
        <source>Удалить программный комплекс «%s»?</source>
        <translation>Delete the software complex «%s»?</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="243"/>
        <source>Удалить компонент «%s»?</source>
        <translation>Delete the component «%s»?</translation>
    </message>
</context>
<context>
    <name>ComponentDialog</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="139"/>
        <source>Компонент</source>
        <translation>Component</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="144"/>
        <source>Программный комплекс</source>
        <translation>Software complex</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="145"/>
        <source>Наименование</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="146"/>
        <source>Порядок</source>
        <translation>Order</translation>
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
    <name>ContractDialog</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="170"/>
        <source>Контракт</source>
        <translation>Contract</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="182"/>
        <source>Заказчик</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="183"/>
        <source>Номер</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="184"/>
        <source>Партнёр</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="184"/>
        <source>пусто — контракт с вендором</source>
        <translation>empty — a contract with the vendor</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="186"/>
        <source>Действует с</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="187"/>
        <source>Действует по</source>
        <translation>Valid to</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="200"/>
        <source>Программные комплексы</source>
        <translation>Software complexes</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="209"/>
        <source>Выберите заказчика.</source>
        <translation>Choose the customer.</translation>
    </message>
</context>
<context>
    <name>ContractsPage</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="258"/>
        <source>Контракты</source>
        <translation>Contracts</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="260"/>
        <source>К&amp;онтракты</source>
        <translation>C&amp;ontracts</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="263"/>
        <source>Заказчик: наименование или ИНН</source>
        <translation>Customer: name or INN</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="265"/>
        <source>Добавить контракт</source>
        <translation>Add contract</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="266"/>
        <source>Новый контракт</source>
        <translation>New contract</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="267"/>
        <source>Открыть</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="267"/>
        <source>Открыть контракт (Enter)</source>
        <translation>Open the contract (Enter)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="269"/>
        <source>Удалить</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="270"/>
        <source>Удалить выбранный контракт</source>
        <translation>Delete the selected contract</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="278"/>
        <source>Заказчик</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="279"/>
        <source>Номер</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="280"/>
        <source>Партнёр</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="281"/>
        <source>Действует с</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="282"/>
        <source>Действует по</source>
        <translation>Valid to</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="283"/>
        <source>Программные комплексы</source>
        <translation>Software complexes</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="305"/>
        <source>Найдено: %n</source>
        <translation>
            <numerusform>Found: %n</numerusform>
            <numerusform>Found: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="325"/>
        <source>Удалить контракт %s заказчика «%s»?</source>
        <translation>Delete contract %s of the customer «%s»?</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../../ksdesk_desktop/controller.py" line="170"/>
        <source>Запуск встроенного сервера…</source>
        <translation>Starting the embedded server…</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/controller.py" line="179"/>
        <source>Вход в систему</source>
        <translation>Logging in</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/controller.py" line="197"/>
        <source>Восстановление сеанса</source>
        <translation>Restoring the session</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/controller.py" line="223"/>
        <source>Вход не выполнен.</source>
        <translation>Not logged in.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/controller.py" line="245"/>
        <source>Хранилище паролей недоступно: при следующем запуске нужно будет войти снова.</source>
        <translation>The password store is unavailable: you will have to log in again next time.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/controller.py" line="289"/>
        <source>встроенный</source>
        <translation>embedded</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/controller.py" line="289"/>
        <source>внешний</source>
        <translation>external</translation>
    </message>
    <message>
        <source>Встроенный сервер перезапущен, связь восстановлена.</source>
        <translation>The embedded server was restarted; connection restored.</translation>
    </message>
    <message>
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
        <location filename="../../ksdesk_desktop/ui/pages.py" line="74"/>
        <source>Текущие задачи</source>
        <translation>Current tasks</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="76"/>
        <source>Служба поддержки Кейсистемс</source>
        <translation>Keysystems support service</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="77"/>
        <source>Обращение</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="78"/>
        <source>Список доступных документов</source>
        <translation>Available documents</translation>
    </message>
</context>
<context>
    <name>DesktopPage</name>
    <message>
        <source>Черновики (%d)</source>
        <translation>Drafts (%d)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="84"/>
        <source>Рабочий стол</source>
        <translation>Desktop</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="87"/>
        <source>Создать обращение</source>
        <translation>Create ticket</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="89"/>
        <source>Обращений пока нет.</source>
        <translation>No tickets yet.</translation>
    </message>
</context>
<context>
    <name>EmbeddedServer</name>
    <message>
        <source>аварийно</source>
        <translation>unexpectedly</translation>
    </message>
    <message>
        <source>с кодом {code}</source>
        <translation>with code {code}</translation>
    </message>
    <message>
        <source>Встроенный сервер остановился {how}; перезапуск через {s} с. Пока работа идёт без сети; подробности в журнале {log}.</source>
        <translation>The embedded server stopped {how}; restarting in {s} s. Working offline meanwhile; details in the log {log}.</translation>
    </message>
    <message>
        <source>Не удалось запустить встроенный сервер ({exe}); следующая попытка через {s} с.</source>
        <translation>Could not start the embedded server ({exe}); next attempt in {s} s.</translation>
    </message>
</context>
<context>
    <name>FilesPanel</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/card_files.py" line="54"/>
        <source>Имя файла</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/card_files.py" line="55"/>
        <source>Размер</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/card_files.py" line="56"/>
        <source>Состояние</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/card_files.py" line="60"/>
        <source>&amp;Открыть</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/card_files.py" line="92"/>
        <source>Отправлен</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/card_files.py" line="92"/>
        <source>Ожидает отправки</source>
        <translation>Waiting to be sent</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/card_files.py" line="93"/>
        <source>Ошибка: %s</source>
        <translation>Error: %s</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/card_files.py" line="109"/>
        <source>Дождитесь, пока откроется предыдущий файл.</source>
        <translation>Wait until the previous file opens.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/card_files.py" line="130"/>
        <source>Загрузка с сервера: %p%</source>
        <translation>Downloading from the server: %p%</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/card_files.py" line="144"/>
        <source>Не удалось открыть файл «%s»: в системе нет программы для файлов этого типа. Он сохранён здесь: %s</source>
        <translation>Could not open the file “%s”: no program for files of this type is installed. It is saved here: %s</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/card_files.py" line="154"/>
        <source>Не удалось сохранить файл на этом компьютере: %s</source>
        <translation>Could not save the file on this computer: %s</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/card_history.py" line="92"/>
        <source>Загрузка истории…</source>
        <translation>Loading the history…</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/card_history.py" line="96"/>
        <source>Обращение ещё не отправлено на сервер: показана история из локального кэша.</source>
        <translation>The ticket has not been sent to the server yet: the history is from the local cache.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/card_history.py" line="98"/>
        <location filename="../../ksdesk_desktop/ui/card_history.py" line="112"/>
        <source>Нет связи с сервером: показана история из локального кэша.</source>
        <translation>No connection to the server: the history is from the local cache.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/card_history.py" line="115"/>
        <source>Сервер не отдал историю (%s): показана история из локального кэша.</source>
        <translation>The server did not return the history (%s): it is from the local cache.</translation>
    </message>
</context>
<context>
    <name>ListItemDialog</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="231"/>
        <source>Список</source>
        <translation>List</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="232"/>
        <source>Код</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="236"/>
        <source>Наименование</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="237"/>
        <source>Наименование (англ.)</source>
        <translation>Name (English)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="238"/>
        <source>Порядок</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="239"/>
        <source>используется в формах</source>
        <translation>used in forms</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="242"/>
        <source>Используется</source>
        <translation>In use</translation>
    </message>
</context>
<context>
    <name>ListsPage</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="335"/>
        <source>Списки</source>
        <translation>Lists</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="337"/>
        <source>&amp;Списки</source>
        <translation>&amp;Lists</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="341"/>
        <source>Все списки</source>
        <translation>All lists</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="344"/>
        <source>Изменить</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="345"/>
        <source>Изменить выбранный элемент списка (Enter)</source>
        <translation>Change the selected list item (Enter)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="347"/>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="352"/>
        <source>Список</source>
        <translation>List</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="353"/>
        <source>Код</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="354"/>
        <source>Наименование</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="355"/>
        <source>Наименование (англ.)</source>
        <translation>Name (English)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="356"/>
        <source>Порядок</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="357"/>
        <source>Используется</source>
        <translation>In use</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="357"/>
        <source>да</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="357"/>
        <source>нет</source>
        <translation>no</translation>
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
    <message>
        <location filename="../../ksdesk_desktop/ui/login_dialog.py" line="111"/>
        <source>{n} с</source>
        <translation>{n} s</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/login_dialog.py" line="112"/>
        <source>{n} мин</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/login_dialog.py" line="122"/>
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
    <name>MainWindow</name>
    <message>
        <source>Карточка последнего сохранённого обращения (Ctrl+Shift+T)</source>
        <translation>The card of the ticket saved last (Ctrl+Shift+T)</translation>
    </message>
    <message>
        <source>Открыть &amp;последнее обращение</source>
        <translation>Open the &amp;last ticket</translation>
    </message>
    <message>
        <source>Обращения, зарегистрированные мной (Ctrl+Shift+R)</source>
        <translation>Tickets I registered (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>П&amp;оследние</source>
        <translation>&amp;Recent</translation>
    </message>
    <message>
        <source>Черновики обращений: открыть и дописать (Ctrl+Shift+D)</source>
        <translation>Ticket drafts: open and finish (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <source>Ч&amp;ерновики</source>
        <translation>&amp;Drafts</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="39"/>
        <source>КС Деск — рабочее место сотрудника поддержки</source>
        <translation>KS Desk — support operator workplace</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="100"/>
        <source>Панель быстрого доступа</source>
        <translation>Quick access panel</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="106"/>
        <source>Панель быстрого
доступа</source>
        <translation>Quick access
panel</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="113"/>
        <source>Навигатор</source>
        <translation>Navigator</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="114"/>
        <source>Текущие задачи</source>
        <translation>Current tasks</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="115"/>
        <source>Рабочий стол</source>
        <translation>Desktop</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="130"/>
        <source>&amp;Меню</source>
        <translation>&amp;Menu</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="132"/>
        <source>&amp;О программе…</source>
        <translation>&amp;About…</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="138"/>
        <source>&amp;Выход</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="143"/>
        <source>&amp;Вид</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="146"/>
        <source>&amp;Справочники</source>
        <translation>&amp;Directories</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="153"/>
        <source>&amp;Клиенты</source>
        <translation>&amp;Clients</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="156"/>
        <source>Справочник «Клиенты» (Ctrl+K)</source>
        <translation>The Clients directory (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="163"/>
        <source>&amp;Создать обращение</source>
        <translation>&amp;Create ticket</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="166"/>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="172"/>
        <source>Создать обращение (Ctrl+T)</source>
        <translation>Create a ticket (Ctrl+T)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="168"/>
        <source>&amp;Обращения</source>
        <translation>&amp;Tickets</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="187"/>
        <source>&amp;Список обращений</source>
        <translation>Ticket &amp;list</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/main_window.py" line="188"/>
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
</context>
<context>
    <name>NavigatorPage</name>
    <message>
        <source>Последние</source>
        <translation>Recent</translation>
    </message>
    <message>
        <source>Черновики</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="62"/>
        <source>Навигатор</source>
        <translation>Navigator</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="64"/>
        <source>УЧЁТ ОБРАЩЕНИЙ ЗАКАЗЧИКОВ</source>
        <translation>CUSTOMER TICKETS</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="64"/>
        <source>Обращение</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="65"/>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="66"/>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="67"/>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="68"/>
        <source>СПРАВОЧНИКИ</source>
        <translation>DIRECTORIES</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="65"/>
        <source>Клиенты</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="66"/>
        <source>Программные комплексы</source>
        <translation>Software complexes</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="67"/>
        <source>Контракты</source>
        <translation>Contracts</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/pages.py" line="68"/>
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
        <location filename="../../ksdesk_desktop/ui/organization_picker.py" line="203"/>
        <source>Организация найдена в справочнике «Клиенты».</source>
        <translation>Found in the Clients directory.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_picker.py" line="210"/>
        <source>филиал</source>
        <translation>branch</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_picker.py" line="210"/>
        <source>головная организация</source>
        <translation>head office</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_picker.py" line="215"/>
        <source>Внимание: по данным ЕГРЮЛ организация ликвидирована или закрывается.</source>
        <translation>Attention: according to EGRUL the organization is liquidated or closing.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_picker.py" line="218"/>
        <source>Данные заполнены из ЕГРЮЛ.</source>
        <translation>Filled in from EGRUL.</translation>
    </message>
</context>
<context>
    <name>OrganizationDialog</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="46"/>
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
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="77"/>
        <source>Статус в ЕГРЮЛ</source>
        <translation>EGRUL status</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="81"/>
        <source>Заказчик</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="44"/>
        <source>Открыть существующую</source>
        <translation>Open the existing one</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="103"/>
        <source>нет (своего контракта нет)</source>
        <translation>none (no contract of its own)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="129"/>
        <source>Поиск в ЕГРЮЛ…</source>
        <translation>Looking up in EGRUL…</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="162"/>
        <source>Эта организация уже есть в справочнике: %s. Откройте её, а не создавайте новую.</source>
        <translation>This organization is already in the directory: %s. Open it instead of creating a new one.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="165"/>
        <source>Внимание: по данным ЕГРЮЛ организация — «%s».</source>
        <translation>Attention: according to EGRUL the organization is «%s».</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="168"/>
        <source>Данные заполнены из ЕГРЮЛ.</source>
        <translation>Filled in from EGRUL.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="173"/>
        <source>филиал</source>
        <translation>branch</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="174"/>
        <source>головная организация</source>
        <translation>head office</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="174"/>
        <source>, в справочнике</source>
        <translation>, in the directory</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="215"/>
        <source>Организация с ИНН %s%s уже есть в справочнике: %s.</source>
        <translation>An organization with INN %s%s is already in the directory: %s.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_dialog.py" line="216"/>
        <source> и КПП %s</source>
        <translation> and KPP %s</translation>
    </message>
</context>
<context>
    <name>OrganizationPicker</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/organization_picker.py" line="57"/>
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
        <location filename="../../ksdesk_desktop/ui/record_dialog.py" line="36"/>
        <source>Сохранить</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/record_dialog.py" line="38"/>
        <source>Сохранить (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/record_dialog.py" line="39"/>
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
        <location filename="../../ksdesk_desktop/ui/recovery_notice.py" line="42"/>
        <source>Локальный кэш был повреждён и пересоздан ({reason}): справочники и обращения загружаются с сервера заново.</source>
        <translation>The local cache was damaged and has been rebuilt ({reason}): directories and tickets are being downloaded from the server again.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/recovery_notice.py" line="45"/>
        <source>Файл неотправленных изменений был повреждён ({reason}). Восстановлено изменений: из файла — {salvaged}, по копии в кэше — {requeued}.</source>
        <translation>The file of unsent changes was damaged ({reason}). Changes recovered: from the file — {salvaged}, from the copy in the cache — {requeued}.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/recovery_notice.py" line="49"/>
        <source>Часть файла прочитать не удалось: изменения оттуда, которых не было в кэше, потеряны.</source>
        <translation>Part of the file could not be read: changes from it that were not in the cache are lost.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/recovery_notice.py" line="51"/>
        <source>Неотправленные обращения сохранены: {tickets} (всего сохранено неотправленных изменений: {pending}, черновиков: {drafts}).</source>
        <translation>Unsent tickets kept: {tickets} (unsent changes kept in all: {pending}, drafts: {drafts}).</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/recovery_notice.py" line="55"/>
        <source>Повреждённые файлы сохранены для службы поддержки: {names}.</source>
        <translation>The damaged files are kept for the support service: {names}.</translation>
    </message>
</context>
<context>
    <name>ReferenceDialog</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="39"/>
        <source>Изменять справочник может только супервизор.</source>
        <translation>Only a supervisor may change this directory.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="42"/>
        <source>Вид обращения</source>
        <translation>Ticket type</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="43"/>
        <source>Тип связи</source>
        <translation>Contact channel</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="44"/>
        <source>Приоритет</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="45"/>
        <source>Статус обращения</source>
        <translation>Ticket status</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_dialogs.py" line="101"/>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ReferencePage</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/reference_pages.py" line="47"/>
        <source>Удаление</source>
        <translation>Deleting</translation>
    </message>
</context>
<context>
    <name>SyncRunner</name>
    <message>
        <location filename="../../ksdesk_desktop/sync_runner.py" line="180"/>
        <source>Ошибка синхронизации: {error}</source>
        <translation>Sync error: {error}</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/sync_runner.py" line="258"/>
        <source>Ошибка отправки файлов: {error}</source>
        <translation>File upload error: {error}</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
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
    <name>TicketCard</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="110"/>
        <source>Обращение %s</source>
        <translation>Ticket %s</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="65"/>
        <source>&amp;Поля</source>
        <translation>&amp;Fields</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="73"/>
        <source>&amp;История</source>
        <translation>&amp;History</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="90"/>
        <source>Учётный номер</source>
        <translation>Registration number</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="113"/>
        <source>%s (предварительный)</source>
        <translation>%s (provisional)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="90"/>
        <source>Статус</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="39"/>
        <source>Ожидает регистрации</source>
        <translation>Awaiting registration</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="90"/>
        <source>Организация</source>
        <translation>Organization</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="90"/>
        <source>Заявитель</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="91"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="91"/>
        <source>Телефон</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="91"/>
        <source>Программный комплекс</source>
        <translation>Software complex</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="91"/>
        <source>Компонент</source>
        <translation>Component</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="92"/>
        <source>Вид обращения</source>
        <translation>Ticket type</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="92"/>
        <source>Тип связи</source>
        <translation>Contact channel</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="92"/>
        <source>Приоритет</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="93"/>
        <source>Тема обращения</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="102"/>
        <source>Текст обращения</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_card.py" line="151"/>
        <source>&amp;Файлы (%s)</source>
        <translation>F&amp;iles (%s)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/card_history.py" line="32"/>
        <source>Информация о системе</source>
        <translation>System information</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/card_history.py" line="33"/>
        <source>Добавочный</source>
        <translation>Extension</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/card_history.py" line="35"/>
        <source>Предварительный номер</source>
        <translation>Provisional number</translation>
    </message>
    <message>
        <source>Исполнитель</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>Заказчик</source>
        <translation>Customer</translation>
    </message>
</context>
<context>
    <name>TicketFiles</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_files.py" line="33"/>
        <source>Прикрепить файлы (Ctrl+O); можно перетащить их в список</source>
        <translation>Attach files (Ctrl+O); you can also drop them on the list</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_files.py" line="34"/>
        <source>Убрать выбранный файл (Delete)</source>
        <translation>Remove the selected file (Delete)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_files.py" line="44"/>
        <source>Прикрепить файлы</source>
        <translation>Attach files</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_files.py" line="68"/>
        <source>Копирование файлов…</source>
        <translation>Copying files…</translation>
    </message>
</context>
<context>
    <name>TicketForm</name>
    <message>
        <source>Вст&amp;авить информацию о системе</source>
        <translation>Insert system inform&amp;ation</translation>
    </message>
    <message>
        <source>Заполните это поле.</source>
        <translation>Fill in this field.</translation>
    </message>
    <message>
        <source>Сведения о программе, системе и сервере, как в «О программе»</source>
        <translation>The program, system and server details, as in «About»</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_form.py" line="94"/>
        <source>Обращение (новое)</source>
        <translation>Ticket (new)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_form.py" line="169"/>
        <source>Выберите…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_form.py" line="170"/>
        <source>(не указан)</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_form.py" line="180"/>
        <source>Сохранить и зарегистрировать (Ctrl+S)</source>
        <translation>Save and register (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_form.py" line="181"/>
        <source>Закрыть форму (Esc); черновик сохраняется</source>
        <translation>Close the form (Esc); the draft is kept</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_form.py" line="635"/>
        <source>Черновик сохранён в %s</source>
        <translation>Draft saved at %s</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_form.py" line="665"/>
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
        <location filename="../../forms/ticket_form.ui" line="62"/>
        <source>Вставьте из «Меню / О программе / Скопировать в буфер» программы клиента</source>
        <translation>Paste from «Menu / About / Copy to clipboard» of the customer&apos;s program</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_form.ui" line="63"/>
        <source>&amp;Файлы:</source>
        <translation>&amp;Files:</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_form.ui" line="67"/>
        <source>&amp;Прикрепить…</source>
        <translation>Atta&amp;ch…</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_form.ui" line="68"/>
        <source>&amp;Убрать</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_form.ui" line="79"/>
        <source>&amp;Сохранить</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../forms/ticket_form.ui" line="80"/>
        <source>&amp;Закрыть</source>
        <translation>C&amp;lose</translation>
    </message>
</context>
<context>
    <name>TicketHistory</name>
    <message>
        <location filename="../../ksdesk_desktop/ticket_history.py" line="86"/>
        <source>Зарегистрировано, номер %s</source>
        <translation>Registered, number %s</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ticket_history.py" line="88"/>
        <source>Изменено: %s</source>
        <translation>Changed: %s</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ticket_history.py" line="91"/>
        <source>Добавлен файл «%s»</source>
        <translation>File “%s” added</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ticket_history.py" line="94"/>
        <source>Создано (предварительный номер %s)</source>
        <translation>Created (provisional number %s)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ticket_history.py" line="113"/>
        <source>пользователь не известен</source>
        <translation>unknown user</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ticket_history.py" line="115"/>
        <source>Система</source>
        <translation>System</translation>
    </message>
    <message>
        <source>1-я линия</source>
        <translation>line 1</translation>
    </message>
    <message>
        <source>2-я линия</source>
        <translation>line 2</translation>
    </message>
    <message>
        <source>запрос информации</source>
        <translation>request for information</translation>
    </message>
    <message>
        <source>ответ</source>
        <translation>reply</translation>
    </message>
    <message>
        <source>решение</source>
        <translation>solution</translation>
    </message>
    <message>
        <source>обращение зарегистрировано</source>
        <translation>ticket registered</translation>
    </message>
    <message>
        <source>в очереди</source>
        <translation>queued</translation>
    </message>
    <message>
        <source>отправлено</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>не доставлено</source>
        <translation>not delivered</translation>
    </message>
    <message>
        <source>Письмо заявителю (%s) на %s — %s</source>
        <translation>E-mail to the applicant (%s) to %s — %s</translation>
    </message>
    <message>
        <source>назначено исполнителю</source>
        <translation>assigned</translation>
    </message>
    <message>
        <source>исполнитель снят</source>
        <translation>unassigned</translation>
    </message>
</context>
<context>
    <name>TicketListPage</name>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="119"/>
        <source>Список обновляется…</source>
        <translation>The list is being updated…</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="131"/>
        <source>Поиск: номер, тема, текст, организация (Ctrl+F)</source>
        <translation>Search: number, subject, text, organization (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="137"/>
        <source>Обращения</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="138"/>
        <source>Список доступных документов</source>
        <translation>Available documents</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="174"/>
        <source>Номер</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="176"/>
        <source>Дата</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="177"/>
        <source>Организация</source>
        <translation>Organization</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="178"/>
        <source>Тема</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="179"/>
        <source>Статус</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="180"/>
        <source>Ожидает регистрации</source>
        <translation>Awaiting registration</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="181"/>
        <source>Приоритет</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="183"/>
        <source>Исполнитель</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="205"/>
        <source>Создать</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="205"/>
        <source>Создать обращение</source>
        <translation>Create ticket</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="207"/>
        <source>Обновить</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="207"/>
        <source>Обновить список</source>
        <translation>Refresh the list</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="209"/>
        <source>Открыть</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="209"/>
        <source>Открыть карточку обращения</source>
        <translation>Open the ticket card</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="211"/>
        <source>Фильтр</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="212"/>
        <source>Показать или скрыть фильтр</source>
        <translation>Show or hide the filter</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="215"/>
        <source>Поиск</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="215"/>
        <source>Поиск по обращениям</source>
        <translation>Search tickets</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="231"/>
        <source>Все статусы</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="232"/>
        <source>Все, кроме закрытых</source>
        <translation>All but closed</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="238"/>
        <source>Любой приоритет</source>
        <translation>Any priority</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="243"/>
        <source>наименование или ИНН</source>
        <translation>name or INN</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="249"/>
        <source>Сбросить</source>
        <translation>Reset</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="251"/>
        <source>Сбросить фильтр</source>
        <translation>Reset the filter</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="253"/>
        <source>&amp;Статус:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="255"/>
        <source>&amp;Приоритет:</source>
        <translation>&amp;Priority:</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="257"/>
        <source>&amp;Исполнитель:</source>
        <translation>&amp;Assignee:</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="259"/>
        <source>&amp;Дата с</source>
        <translation>&amp;Date from</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="261"/>
        <source>п&amp;о</source>
        <translation>&amp;to</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="264"/>
        <source>Ор&amp;ганизация:</source>
        <translation>Or&amp;ganization:</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="304"/>
        <source>Любой исполнитель</source>
        <translation>Any assignee</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="305"/>
        <source>Не назначен</source>
        <translation>Unassigned</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="380"/>
        <source>Войдите в систему, чтобы увидеть свои задачи.</source>
        <translation>Log in to see your tasks.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="382"/>
        <source>Обращений: %n</source>
        <translation>
            <numerusform>Tickets: %n</numerusform>
            <numerusform>Tickets: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ksdesk_desktop/ui/ticket_list.py" line="384"/>
        <source>Обращений: %n и более…</source>
        <translation>
            <numerusform>Tickets: %n or more…</numerusform>
            <numerusform>Tickets: %n or more…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Toast</name>
    <message>
        <source>Открыть: Ctrl+Shift+T.</source>
        <translation>Open: Ctrl+Shift+T.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/toast.py" line="30"/>
        <source>Закрыть уведомление</source>
        <translation>Close the notice</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/toast.py" line="44"/>
        <source>Обращение %s зарегистрировано.</source>
        <translation>Ticket %s is registered.</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/toast.py" line="46"/>
        <source>Обращение %s сохранено и регистрируется…</source>
        <translation>Ticket %s is saved and being registered…</translation>
    </message>
    <message>
        <location filename="../../ksdesk_desktop/ui/toast.py" line="49"/>
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
        <location filename="../../ksdesk_desktop/quick_start.py" line="280"/>
        <source>КС Деск</source>
        <translation>KS Desk</translation>
    </message>
</context>
<context>
    <name>DraftsPage</name>
    <message>
        <source>Удалить черновик «%s»? Всё, что в нём набрано, пропадёт.</source>
        <translation>Delete the draft «%s»? Everything typed in it will be lost.</translation>
    </message>
    <message>
        <source>Удалить черновик</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <source>без темы</source>
        <translation>without a subject</translation>
    </message>
    <message>
        <source>Удалить выбранный черновик (Delete)</source>
        <translation>Delete the selected draft (Delete)</translation>
    </message>
    <message>
        <source>Удалить…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Открыть</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Черновиков нет.</source>
        <translation>No drafts.</translation>
    </message>
    <message>
        <source>Тема обращения</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Заявитель</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Организация</source>
        <translation>Organization</translation>
    </message>
    <message>
        <source>Изменён</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Обращения, закрытые до сохранения. Enter — открыть и дописать.</source>
        <translation>Tickets closed before they were saved. Enter opens one to finish it.</translation>
    </message>
    <message>
        <source>Черновики</source>
        <translation>Drafts</translation>
    </message>
</context>
<context>
    <name>RecentTicketsPage</name>
    <message>
        <source>Обращения, зарегистрированные мной, новые сверху. Enter — открыть карточку.</source>
        <translation>Tickets I registered, newest first. Enter opens the card.</translation>
    </message>
    <message>
        <source>Последние</source>
        <translation>Recent</translation>
    </message>
</context>
<context>
    <name>TicketWindows</name>
    <message>
        <source>В этом сеансе обращений ещё не сохраняли; все ваши — в «Обращения / Последние».</source>
        <translation>No ticket saved in this session yet; all of yours are in «Tickets / Recent».</translation>
    </message>
    <message>
        <source>Черновик %s сохранён: он в «Обращения / Черновики» (Ctrl+Shift+D).</source>
        <translation>Draft %s saved: it is in «Tickets / Drafts» (Ctrl+Shift+D).</translation>
    </message>
    <message>
        <source>без темы</source>
        <translation>without a subject</translation>
    </message>
</context>
<context>
    <name>ListActions</name>
    <message>
        <source>Открыть</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>TicketActions</name>
    <message>
        <source>Взять в работу</source>
        <translation>Take</translation>
    </message>
    <message>
        <source>Эскалировать на 2-ю линию</source>
        <translation>Escalate to line 2</translation>
    </message>
    <message>
        <source>Запросить информацию</source>
        <translation>Request information</translation>
    </message>
    <message>
        <source>Ответить заявителю</source>
        <translation>Reply to applicant</translation>
    </message>
    <message>
        <source>Решить</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <source>Закрыть обращение</source>
        <translation>Close ticket</translation>
    </message>
    <message>
        <source>Вернуть в работу</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>Комментарий</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Причина эскалации</source>
        <translation>Reason for escalation</translation>
    </message>
    <message>
        <source>Комментарий (необязательно)</source>
        <translation>Comment (optional)</translation>
    </message>
    <message>
        <source>Ответ заявителю</source>
        <translation>Reply to the applicant</translation>
    </message>
    <message>
        <source>Решение</source>
        <translation>Solution</translation>
    </message>
    <message>
        <source>Причина (необязательно)</source>
        <translation>Reason (optional)</translation>
    </message>
    <message>
        <source>«%s»: отправляется на сервер.</source>
        <translation>“%s”: being sent to the server.</translation>
    </message>
</context>
</TS>
