"""Crime reports that name someone's origin are flagged; origin without a crime is not."""

from __future__ import annotations

import pytest

from migdex.media import CRIME_ORIGIN, check_text


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Вчера задержан уроженец Таджикистана.", "уроженец Таджикистана"),
        ("Гражданин Узбекистана задержан за кражу.", "Гражданин Узбекистана"),
        ("Полиция задержала гражданку Киргизии.", "гражданку Киргизии"),
        ("Выходец из Средней Азии подозревается в убийстве.", "Выходец из Средней Азии"),
        ("Двое таджиков ограбили магазин.", "таджиков"),
        ("Мужчина азиатской внешности напал на прохожего.", "азиатской внешности"),
        ("Узбекский мигрант задержан.", "Узбекский мигрант"),
        ("A Kyrgyz national was arrested on Monday.", "Kyrgyz national"),
        ("Police detained a citizen of Uzbekistan.", "citizen of Uzbekistan"),
        (
            "The suspect, a former citizen of Tajikistan, was charged.",
            "former citizen of Tajikistan",
        ),
        ("An Uzbekistan-born man was convicted of fraud.", "Uzbekistan-born"),
        ("An ethnic Uzbek was arrested.", "ethnic Uzbek"),
        ("Мигрант из Узбекистана задержан за кражу.", "Мигрант из Узбекистана"),
        ("Мужчина из Средней Азии подозревается в убийстве.", "Мужчина из Средней Азии"),
        ("Полиция задержала иностранца из Киргизии.", "иностранца из Киргизии"),
        ("Задержан молдаванин, подозреваемый в краже.", "молдаванин"),
        ("Сириец обвиняется в мошенничестве.", "Сириец"),
        ("Полиция задержала молдавских рабочих.", "молдавских рабочих"),
        ("An Albanian man was charged with murder.", "Albanian man"),
        ("Police arrested a 25-year-old man from Kyrgyzstan.", "man from Kyrgyzstan"),
        ("A Romanian national was detained after the theft.", "Romanian national"),
        ("Two Eastern European men were convicted.", "Eastern European men"),
    ],
)
def test_origin_in_a_crime_report_is_flagged(text, found):
    findings = [f for f in check_text(text) if f.kind == CRIME_ORIGIN]
    assert [f.found for f in findings] == [found]
    assert findings[0].suggested in {
        "без указания происхождения, если оно не важно для сюжета",
        "omit origin unless relevant to the story",
    }


@pytest.mark.parametrize(
    "text",
    [
        "Уроженец Кыргызстана открыл в Казани пекарню.",  # origin, no crime
        "Полиция задержала гражданина России.",  # host country
        "Вора задержали. Уроженец Таджикистана помог полиции.",  # different sentences
        "A Kyrgyz chef opened a cafe in Moscow.",
        "He was born in Russia and arrested in 2020.",
        "Uzbek workers built the new bridge.",
        "Мужчина из Самары задержан за кражу.",  # a home town in the host country
        "Задержан иностранный гражданин.",  # names no origin
        "Из Узбекистана привезли краденый телефон.",  # a place, no person
        "A man from Manchester was arrested.",
        "A British man was arrested in Moscow.",
        "Police arrested a man from the UK.",
    ],
)
def test_origin_without_crime_or_host_country_is_not_flagged(text):
    assert [f for f in check_text(text) if f.kind == CRIME_ORIGIN] == []
