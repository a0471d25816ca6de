"""The vendor's software complexes with their components, partners, and organization name patterns."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ComplexSpec:
    code: str
    name: str
    components: tuple[str, ...]
    popularity: int  # relative share of contracts and tickets


COMPLEXES: tuple[ComplexSpec, ...] = (
    ComplexSpec("budget_smart", "Бюджет-СМАРТ", (
        "Планирование", "Исполнение", "Казначейство", "Доходы", "Отчётность",
        "Электронный документооборот", "Администрирование",
    ), 20),
    ComplexSpec("svod_smart", "Свод-СМАРТ", (
        "Сбор отчётности", "Контрольные соотношения", "Консолидация", "Аналитика", "Администрирование",
    ), 16),
    ComplexSpec("web_consolidation", "Web-Консолидация", (
        "Сбор отчётности", "Консолидация", "Контроль", "Публикация", "Администрирование",
    ), 10),
    ComplexSpec("salary_smart", "Зарплата-СМАРТ", (
        "Расчёт заработной платы", "Кадры", "Табель", "Отчётность в СФР и ФНС", "Депонирование",
        "Администрирование",
    ), 12),
    ComplexSpec("property_smart", "Имущество-СМАРТ", (
        "Реестр имущества", "Аренда", "Приватизация", "Земельные участки", "Отчётность",
    ), 6),
    ComplexSpec("web_torgi", "WEB-Торги-КС", (
        "Планирование закупок", "Проведение закупок", "Контракты", "Интеграция с ЕИС", "Администрирование",
    ), 8),
    ComplexSpec("smeta_smart", "Смета-СМАРТ", (
        "План ФХД", "Бюджетная смета", "Обоснования", "Отчётность", "Администрирование",
    ), 9),
    ComplexSpec("accounting_smart", "Бухгалтерия-СМАРТ", (
        "Учёт операций", "Касса и банк", "Основные средства", "Материальные запасы",
        "Расчёты с контрагентами", "Главная книга", "Отчётность", "Администрирование",
    ), 14),
    ComplexSpec("project_smart", "Проект-СМАРТ Про", (
        "Бюджетные проекты", "Сценарии", "Государственные программы", "Аналитика",
    ), 4),
    ComplexSpec("ks_desk", "Учёт обращений (КС Деск)", (
        "Регистрация обращений", "Маршруты", "Почтовые уведомления",
    ), 1),
)

PARTNERS = (
    "ООО «Бюджетные системы Урала»", "АО «Региональный центр информатизации»",
    "ООО «СмартСофт-Сибирь»", "ООО «Финансовые технологии Поволжья»", "ООО «ИТ-Бюджет»",
    "ООО «Дальневосточный сервисный центр»",
)


@dataclass(frozen=True, slots=True)
class OrgPattern:
    """How one kind of organization is named. ``title`` may use {city}, {city_gen}, {district},
    {region_gen}, {n}, {brand}; ``slug`` the same fields plus {city_slug}, {district_slug}, {brand_slug}."""

    short_opf: str  # «МКУ»; "" when the name carries no legal form
    full_opf: str
    title: str
    slug: str
    weight: int
    public: bool = True


ORG_PATTERNS: tuple[OrgPattern, ...] = (
    OrgPattern("", "", "Финансовое управление администрации {district} района", "fu-{district_slug}", 8),
    OrgPattern("", "", "Администрация {district} района", "adm-{district_slug}", 4),
    OrgPattern("", "", "Министерство финансов {region_gen}", "minfin-{region_slug}", 1),
    OrgPattern("", "", "Департамент финансов администрации г. {city_gen}", "depfin-{city_slug}", 1),
    OrgPattern("", "", "Контрольно-счётная палата г. {city_gen}", "ksp-{city_slug}", 1),
    OrgPattern("МКУ", "Муниципальное казённое учреждение",
               "«Централизованная бухгалтерия г. {city_gen}»", "cb-{city_slug}", 6),
    OrgPattern("МКУ", "Муниципальное казённое учреждение",
               "«Централизованная бухгалтерия учреждений образования {district} района»",
               "cbo-{district_slug}", 4),
    OrgPattern("ГБУЗ", "Государственное бюджетное учреждение здравоохранения",
               "«Городская больница № {n} г. {city_gen}»", "gb{n}-{city_slug}", 6),
    OrgPattern("ГАУЗ", "Государственное автономное учреждение здравоохранения",
               "«Городская поликлиника № {n} г. {city_gen}»", "gp{n}-{city_slug}", 4),
    OrgPattern("МБОУ", "Муниципальное бюджетное общеобразовательное учреждение",
               "«Средняя общеобразовательная школа № {n}» г. {city_gen}", "school{n}-{city_slug}", 10),
    OrgPattern("МАДОУ", "Муниципальное автономное дошкольное образовательное учреждение",
               "«Детский сад № {n}» г. {city_gen}", "ds{n}-{city_slug}", 6),
    OrgPattern("МБУ ДО", "Муниципальное бюджетное учреждение дополнительного образования",
               "«Детская школа искусств № {n}» г. {city_gen}", "dshi{n}-{city_slug}", 3),
    OrgPattern("МБУК", "Муниципальное бюджетное учреждение культуры",
               "«Централизованная библиотечная система г. {city_gen}»", "cbs-{city_slug}", 2),
    OrgPattern("ГКУ", "Государственное казённое учреждение",
               "«Центр занятости населения г. {city_gen}»", "czn-{city_slug}", 2),
    OrgPattern("ГБУ", "Государственное бюджетное учреждение",
               "«Комплексный центр социального обслуживания населения {district} района»",
               "kcson-{district_slug}", 3),
    OrgPattern("ГАПОУ", "Государственное автономное профессиональное образовательное учреждение",
               "«Политехнический колледж № {n} г. {city_gen}»", "pk{n}-{city_slug}", 2),
    OrgPattern("МУП", "Муниципальное унитарное предприятие",
               "«Водоканал г. {city_gen}»", "vodokanal-{city_slug}", 1),
    OrgPattern("МУП", "Муниципальное унитарное предприятие",
               "«Тепловые сети г. {city_gen}»", "teplo-{city_slug}", 1),
    OrgPattern("ООО", "Общество с ограниченной ответственностью", "«{brand}»", "{brand_slug}", 7, False),
    OrgPattern("АО", "Акционерное общество", "«{brand}»", "{brand_slug}", 2, False),
)

BRAND_HEADS = (
    "Техно", "Инфо", "Сиб", "Урал", "Волга", "Бизнес", "Проф", "Гранд", "Альфа", "Вектор", "Стандарт",
    "Север", "Юг", "Регион", "Компьютер", "Гарант", "Мега", "Строй", "Агро", "Энерго", "Мед", "Эко",
)
BRAND_TAILS = (
    "Сервис", "Софт", "Консалт", "Торг", "Строй", "Пром", "Снаб", "Телеком", "Инвест", "Проект",
    "Системы", "Ресурс", "Учёт", "Аудит", "Лайн", "Плюс", "Центр", "Групп",
)


@dataclass(frozen=True, slots=True)
class RealOrganization:
    """Public organizations from egrul-provider.md, so that the demo EGRUL lookup has known data."""

    name: str
    full_name: str
    inn: str
    kpp: str
    ogrn: str
    address: str
    domain: str
    area_code: str


REAL_ORGANIZATIONS: tuple[RealOrganization, ...] = (
    RealOrganization("ПАО СБЕРБАНК", 'ПУБЛИЧНОЕ АКЦИОНЕРНОЕ ОБЩЕСТВО "СБЕРБАНК РОССИИ"', "7707083893",
                     "773601001", "1027700132195", "117312, г. Москва, ул. Вавилова, д. 19", "sberbank.ru",
                     "495"),
    RealOrganization('ООО "МОТОРИКА"', 'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "МОТОРИКА"', "7719402047",
                     "773101001", "1157746078984", "121205, г. Москва, тер. Инновационного центра Сколково, "
                     "б-р Большой, д. 42, стр. 1", "motorica.org", "499"),
    RealOrganization('ПАО "МАГНИТ"', 'ПУБЛИЧНОЕ АКЦИОНЕРНОЕ ОБЩЕСТВО "МАГНИТ"', "2309085638", "231101001",
                     "1032304945947", "350072, Краснодарский край, г. Краснодар, ул. Солнечная, д. 15/5",
                     "magnit.ru", "861"),
    RealOrganization('ООО "ЯНДЕКС"', 'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "ЯНДЕКС"', "7736207543",
                     "770401001", "1027700229193", "119021, г. Москва, ул. Льва Толстого, д. 16", "yandex.ru",
                     "495"),
)

FREE_MAIL = ("mail.ru", "yandex.ru", "bk.ru", "list.ru", "inbox.ru", "rambler.ru", "gmail.com")
