"""SYNTHETIC demo texts for the portal: invented, simplified, not verified legal advice.

English and Russian are written in full; Uzbek, Tajik and Kyrgyz are partial machine drafts
(marked unreviewed on the pages). Every figure here is illustrative, not a current fee.
"""

from __future__ import annotations

DEMO_SOURCE = "Demo text written for migdex (SYNTHETIC, invented): not verified legal advice"

# iso3 → language → fields (the "en" entry has every field).
DESTINATIONS: dict[str, dict[str, dict[str, str]]] = {
    "RUS": {
        "en": {
            "name": "Russia",
            "summary": "Visa-free entry for citizens of Uzbekistan and Tajikistan; work needs a "
            "patent. Citizens of Kyrgyzstan (EAEU) work without a patent. (Demo text.)",
            "entry_steps": "Enter with a valid foreign passport and fill in the migration card "
            "at the border: write 'work' as the purpose of the visit if you plan to work.",
            "registration": "Your host or employer registers you at your address within 7 "
            "working days of arrival (demo figure). Keep the tear-off slip.",
            "work_routes": "Apply for a patent within 30 days of entry: medical check, "
            "language and history test, fingerprinting, then monthly advance payments.",
            "costs_and_deadlines": "Patent: a monthly advance payment (example: about 6,000 "
            "roubles, varies by region). A late payment cancels the patent. (Illustrative.)",
            "rights_summary": "You have the right to a written contract, to be paid on time and "
            "to emergency medical care. Your employer may not keep your passport.",
            "help": "Call the migrants' hotline or the regional ombudsman. Keep copies of all "
            "documents and payment receipts.",
        },
        "ru": {
            "name": "Россия",
            "summary": "Безвизовый въезд для граждан Узбекистана и Таджикистана; для работы "
            "нужен патент. Граждане Кыргызстана (ЕАЭС) работают без патента. (Демо-текст.)",
            "entry_steps": "Въезжайте с действующим заграничным паспортом и заполните "
            "миграционную карту: укажите цель визита «работа», если собираетесь работать.",
            "registration": "Принимающая сторона или работодатель ставит вас на учёт по месту "
            "пребывания в течение 7 рабочих дней (демо-цифра). Храните отрывную часть.",
            "work_routes": "Подайте на патент в течение 30 дней после въезда: медосмотр, "
            "экзамен по языку и истории, дактилоскопия, затем ежемесячные авансовые платежи.",
            "costs_and_deadlines": "Патент: ежемесячный авансовый платёж (пример: около 6 000 "
            "рублей, зависит от региона). Просрочка платежа аннулирует патент. (Условно.)",
            "rights_summary": "Вы имеете право на письменный договор, своевременную оплату и "
            "экстренную медицинскую помощь. Работодатель не вправе забирать ваш паспорт.",
            "help": "Звоните на горячую линию для мигрантов или региональному омбудсмену. "
            "Храните копии всех документов и квитанций.",
        },
        "uz": {
            "name": "Rossiya",
            "summary": "O'zbekiston fuqarolari uchun vizasiz kirish; ishlash uchun patent "
            "kerak. (Demo matn.)",
        },
        "tg": {"name": "Русия", "summary": "Барои кор патент лозим аст. (Матни намоишӣ.)"},
        "ky": {"name": "Россия", "summary": "ЕАЭБ жарандары патентсиз иштейт. (Демо текст.)"},
    },
    "KAZ": {
        "en": {
            "name": "Kazakhstan",
            "summary": "Visa-free entry for citizens of Central Asian neighbours; a permit "
            "for work with individuals, or an employer's permit. (Demo text.)",
            "entry_steps": "Enter with your passport; the stay without registration is "
            "limited (demo: 30 days in a row).",
            "registration": "Register at your address through the host or an online service "
            "within the deadline shown on your migration card (demo).",
            "work_routes": "Work for private households needs a monthly permit paid in "
            "advance; company jobs need an employer's permit quota.",
            "costs_and_deadlines": "Monthly permit fee (example: a few thousand tenge). Pay "
            "before the month starts. (Illustrative.)",
            "rights_summary": "Equal pay for equal work, the right to keep your documents and "
            "to complain to the labour inspection.",
            "help": "The labour inspection and migrants' NGOs in Almaty and Astana give free "
            "advice.",
        },
        "ru": {
            "name": "Казахстан",
            "summary": "Безвизовый въезд для граждан соседних стран Центральной Азии; "
            "разрешение на работу у физлиц или разрешение работодателя. (Демо-текст.)",
            "entry_steps": "Въезжайте по паспорту; срок пребывания без регистрации ограничен "
            "(демо: 30 дней подряд).",
            "registration": "Встаньте на учёт по месту пребывания через принимающую сторону "
            "или онлайн-сервис в срок, указанный в миграционной карточке (демо).",
            "work_routes": "Работа у физических лиц: ежемесячное разрешение с оплатой вперёд; "
            "работа в компании: разрешение работодателя в рамках квоты.",
            "costs_and_deadlines": "Ежемесячный сбор за разрешение (пример: несколько тысяч "
            "тенге). Платите до начала месяца. (Условно.)",
            "rights_summary": "Равная оплата за равный труд, право хранить свои документы и "
            "жаловаться в трудовую инспекцию.",
            "help": "Трудовая инспекция и НКО для мигрантов в Алматы и Астане консультируют "
            "бесплатно.",
        },
        "uz": {"name": "Qozog'iston"},
        "ky": {"name": "Казакстан"},
    },
    "TUR": {
        "en": {
            "name": "Turkey",
            "summary": "Entry is easy, but legal work needs a work permit that the employer "
            "applies for. Much work is informal. (Demo text.)",
            "entry_steps": "Check whether you need a visa or e-visa for your passport before "
            "you buy a ticket.",
            "registration": "Stays beyond the visa-free period need a residence permit, applied "
            "for online before the period ends.",
            "work_routes": "Only an employer can apply for your work permit. Working without "
            "one can lead to a fine and a re-entry ban.",
            "costs_and_deadlines": "Permit fees are paid by the employer or shared (example "
            "only). Apply before the visa-free period ends.",
            "rights_summary": "With a permit you are insured and covered by labour law; "
            "without one you are at risk of deportation.",
            "help": "Migrants' associations and bar associations offer free legal advice.",
        },
        "ru": {
            "name": "Турция",
            "summary": "Въехать просто, но для легальной работы нужно разрешение, которое "
            "оформляет работодатель. Много неформальной работы. (Демо-текст.)",
            "entry_steps": "До покупки билета проверьте, нужна ли виза или электронная виза "
            "для вашего паспорта.",
            "registration": "Для пребывания дольше безвизового срока нужен вид на жительство; "
            "подайте заявление онлайн до окончания срока.",
            "work_routes": "Разрешение на работу может оформить только работодатель. Работа "
            "без него грозит штрафом и запретом на въезд.",
            "costs_and_deadlines": "Сборы платит работодатель или делит с вами (только пример). "
            "Подайте документы до окончания безвизового срока.",
            "rights_summary": "С разрешением вы застрахованы и защищены трудовым правом; без "
            "него есть риск депортации.",
            "help": "Объединения мигрантов и коллегии адвокатов дают бесплатные консультации.",
        },
        "uz": {"name": "Turkiya"},
    },
    "KOR": {
        "en": {
            "name": "South Korea",
            "summary": "Work through a government-to-government scheme with a language test "
            "and a fixed-term contract. (Demo text.)",
            "entry_steps": "Pass the Korean language test at home, sign the contract offered "
            "through the scheme, then get the work visa.",
            "registration": "Register as a foreign resident within 90 days of arrival (demo).",
            "work_routes": "Only through the employment permit scheme; changing employer is "
            "limited.",
            "costs_and_deadlines": "Test and medical fees are paid at home (example amounts). "
            "Contracts run for a fixed term.",
            "rights_summary": "Minimum wage, insurance and the right to complain apply to you "
            "as to Korean workers.",
            "help": "Migrant worker support centres in industrial areas, with interpreters.",
        },
        "ru": {
            "name": "Южная Корея",
            "summary": "Работа по межгосударственной программе с экзаменом по языку и срочным "
            "договором. (Демо-текст.)",
            "entry_steps": "Сдайте экзамен по корейскому языку на родине, подпишите договор по "
            "программе и получите рабочую визу.",
            "registration": "Встаньте на учёт как иностранный резидент в течение 90 дней (демо).",
            "work_routes": "Только по программе разрешений на трудоустройство; смена "
            "работодателя ограничена.",
            "costs_and_deadlines": "Сборы за экзамен и медосмотр оплачиваются на родине "
            "(примерные суммы). Договор срочный.",
            "rights_summary": "На вас распространяются минимальная зарплата, страхование и "
            "право на жалобу, как на корейских работников.",
            "help": "Центры поддержки трудовых мигрантов в промышленных районах, с переводчиками.",
        },
        "uz": {"name": "Janubiy Koreya"},
    },
    "DEU": {
        "en": {
            "name": "Germany",
            "summary": "A visa is needed before travel; skilled workers and seasonal schemes "
            "are the main legal routes. (Demo text.)",
            "entry_steps": "Apply for the national visa at the embassy with your contract or "
            "recognised qualification.",
            "registration": "Register your address at the local office within two weeks of "
            "moving in (demo).",
            "work_routes": "Skilled-worker visa, seasonal work schemes, or the job-seeker "
            "route for recognised qualifications.",
            "costs_and_deadlines": "Visa fee and recognition fees (example amounts). Book the "
            "embassy appointment months ahead.",
            "rights_summary": "Equal treatment at work, health insurance from the first day of "
            "work, and a path to permanent residence.",
            "help": "Advice centres for fair mobility give free advice in several languages.",
        },
        "ru": {
            "name": "Германия",
            "summary": "Виза нужна до поездки; основные легальные пути — квалифицированные "
            "работники и сезонные программы. (Демо-текст.)",
            "entry_steps": "Подайте на национальную визу в посольстве с договором или "
            "признанной квалификацией.",
            "registration": "Зарегистрируйте адрес в местном ведомстве в течение двух недель "
            "после заселения (демо).",
            "work_routes": "Виза квалифицированного работника, сезонные программы или поиск "
            "работы при признанной квалификации.",
            "costs_and_deadlines": "Визовый сбор и сборы за признание (примерные суммы). "
            "Записывайтесь в посольство за несколько месяцев.",
            "rights_summary": "Равное обращение на работе, медицинская страховка с первого дня "
            "работы и путь к постоянному виду на жительство.",
            "help": "Консультационные центры бесплатно помогают на нескольких языках.",
        },
    },
}

# code → language → fields; order follows the list.
JOURNEY: list[tuple[str, dict[str, dict[str, str]]]] = [
    (
        "decide",
        {
            "en": {
                "title": "Decide",
                "body": "Compare destinations: pay, legal routes, rights and costs.",
                "what_can_go_wrong": "A recruiter promises a job that does not exist.",
                "what_to_do": "Ask an information centre to check the offer before you pay.",
            },
            "ru": {
                "title": "Решение",
                "body": "Сравните страны: заработок, легальные пути, права и расходы.",
                "what_can_go_wrong": "Посредник обещает работу, которой нет.",
                "what_to_do": "Попросите информационный центр проверить предложение до оплаты.",
            },
            "uz": {"title": "Qaror"},
            "tg": {"title": "Қарор"},
            "ky": {"title": "Чечим"},
        },
    ),
    (
        "documents",
        {
            "en": {
                "title": "Documents",
                "body": "A valid passport, your diploma, and copies of everything.",
                "what_can_go_wrong": "A re-entry ban you were never told about.",
                "what_to_do": "Check for a ban with the ombudsman's look-up before you travel.",
            },
            "ru": {
                "title": "Документы",
                "body": "Действующий паспорт, диплом и копии всех документов.",
                "what_can_go_wrong": "Запрет на въезд, о котором вам не сообщили.",
                "what_to_do": "Проверьте запрет через сервис омбудсмена до поездки.",
            },
            "uz": {"title": "Hujjatlar"},
        },
    ),
    (
        "entry",
        {
            "en": {
                "title": "Entry",
                "body": "Fill in the migration card truthfully and keep it.",
                "what_can_go_wrong": "Refused entry at the border.",
                "what_to_do": "Ask for the written reason and the legal basis.",
            },
            "ru": {
                "title": "Въезд",
                "body": "Заполните миграционную карту правдиво и сохраните её.",
                "what_can_go_wrong": "Отказ во въезде на границе.",
                "what_to_do": "Попросите письменное основание отказа.",
            },
        },
    ),
    (
        "registration",
        {
            "en": {
                "title": "Registration",
                "body": "Register your address within the deadline.",
                "what_can_go_wrong": "The landlord refuses to register you.",
                "what_to_do": "Use an official registration service and keep the receipt.",
            },
            "ru": {
                "title": "Регистрация",
                "body": "Встаньте на учёт по месту пребывания в срок.",
                "what_can_go_wrong": "Хозяин жилья отказывается вас регистрировать.",
                "what_to_do": "Обратитесь в официальный сервис и сохраните квитанцию.",
            },
        },
    ),
    (
        "legal_work",
        {
            "en": {
                "title": "Legal work",
                "body": "Get the permit or patent and a written contract.",
                "what_can_go_wrong": "The employer keeps your passport or does not pay.",
                "what_to_do": "Complain to the labour inspection or the ombudsman.",
            },
            "ru": {
                "title": "Легальная работа",
                "body": "Оформите разрешение или патент и письменный договор.",
                "what_can_go_wrong": "Работодатель забирает паспорт или не платит.",
                "what_to_do": "Жалуйтесь в трудовую инспекцию или омбудсмену.",
            },
        },
    ),
    (
        "family",
        {
            "en": {
                "title": "Family",
                "body": "Find out whether your family may join you and on what terms.",
                "what_can_go_wrong": "Children cannot enrol in school.",
                "what_to_do": "Ask the education office in writing; schools may not refuse.",
            },
            "ru": {
                "title": "Семья",
                "body": "Узнайте, может ли семья приехать к вам и на каких условиях.",
                "what_can_go_wrong": "Детей не берут в школу.",
                "what_to_do": "Обратитесь письменно в управление образования.",
            },
        },
    ),
    (
        "long_term",
        {
            "en": {
                "title": "Long-term",
                "body": "Permanent residence and citizenship: count the years you need.",
                "what_can_go_wrong": "A gap in legal stay resets the count.",
                "what_to_do": "Renew permits before they expire and keep proof of stay.",
            },
            "ru": {
                "title": "Долгосрочная перспектива",
                "body": "ВНЖ и гражданство: посчитайте, сколько лет нужно.",
                "what_can_go_wrong": "Перерыв в легальном пребывании обнуляет срок.",
                "what_to_do": "Продлевайте разрешения заранее и храните подтверждения.",
            },
        },
    ),
]

# origin, city, address, contact, language → {name, notes}
CENTRES: list[tuple[str, str, str, str, dict[str, dict[str, str]]]] = [
    (
        "UZB",
        "Tashkent",
        "1 Example Street (fictional)",
        "+998 00 000 00 00 (demo)",
        {
            "en": {"name": "Pre-departure centre (demo)", "notes": "Contracts checked free."},
            "ru": {"name": "Центр перед выездом (демо)", "notes": "Бесплатная проверка договоров."},
            "uz": {"name": "Jo'nab ketishdan oldingi markaz (demo)"},
        },
    ),
    (
        "UZB",
        "Samarkand",
        "5 Sample Avenue (fictional)",
        "info@example.org (demo)",
        {"en": {"name": "Migrants' advice desk (demo)", "notes": "Language courses."}},
    ),
    (
        "TJK",
        "Dushanbe",
        "10 Placeholder Road (fictional)",
        "+992 00 000 0000 (demo)",
        {
            "en": {"name": "Information centre (demo)", "notes": "Patent and documents advice."},
            "ru": {"name": "Информационный центр (демо)", "notes": "Консультации по патенту."},
            "tg": {"name": "Маркази иттилоотӣ (намоишӣ)"},
        },
    ),
    (
        "KGZ",
        "Bishkek",
        "3 Demo Square (fictional)",
        "+996 000 000 000 (demo)",
        {
            "en": {"name": "Labour migration office (demo)", "notes": "EAEU rights explained."},
            "ru": {"name": "Офис трудовой миграции (демо)", "notes": "Права в ЕАЭС."},
            "ky": {"name": "Эмгек миграциясы кеңсеси (демо)"},
        },
    ),
]

# destination, phone, url, language → {name, notes}
HELP: list[tuple[str, str, str, dict[str, dict[str, str]]]] = [
    (
        "RUS",
        "8 800 000 00 00 (demo)",
        "https://example.org/hotline",
        {
            "en": {"name": "Migrants' hotline (demo)", "notes": "Free, in Russian and Uzbek."},
            "ru": {"name": "Горячая линия для мигрантов (демо)", "notes": "Бесплатно."},
        },
    ),
    (
        "KAZ",
        "",
        "https://example.org/kz-ngo",
        {"en": {"name": "Migrants' rights NGO (demo)", "notes": "Legal advice in Almaty."}},
    ),
    (
        "TUR",
        "",
        "https://example.org/tr-bar",
        {"en": {"name": "Bar association legal aid (demo)", "notes": "Free first advice."}},
    ),
    (
        "KOR",
        "1577-0000 (demo)",
        "",
        {"en": {"name": "Migrant worker centre (demo)", "notes": "Interpreters available."}},
    ),
    (
        "DEU",
        "",
        "https://example.org/fair",
        {"en": {"name": "Fair mobility advice (demo)", "notes": "Advice in Russian."}},
    ),
]
