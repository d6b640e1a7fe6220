"""The report's own words in English and Russian: a small table, ordinals, numbers, names.

Framework texts (areas, indicators, bands, approaches) come translated from
the framework file; this table holds only the report's sentences. A key
missing in a language falls back to English, so a new language can start
partial.
"""

from __future__ import annotations

from migdex.index.compare import countries

LANGUAGES = ("en", "ru")

TEXT: dict[str, dict[str, str]] = {
    "report_title": {"en": "Country report", "ru": "Доклад по стране"},
    "synthetic_banner": {
        "en": "SYNTHETIC DATA — invented for demonstration; no figure here is real",
        "ru": "SYNTHETIC / СИНТЕТИЧЕСКИЕ ДАННЫЕ — придуманы для демонстрации; "
        "ни одна цифра не реальна",
    },
    "reconstruction_banner": {
        "en": "RECONSTRUCTION of the framework — not the official questionnaire",
        "ru": "RECONSTRUCTION / РЕКОНСТРУКЦИЯ структуры — не официальная анкета",
    },
    "summary": {"en": "Summary", "ru": "Основные выводы"},
    "overall_line": {
        "en": "{country} scores {score} out of 100 in {year} ({band}).",
        "ru": "{country}: общий балл {score} из 100 в {year} году ({band}).",
    },
    "means_line": {
        "en": "Mean of all {n_all} countries: {all_mean}; {group} mean ({n_group}): {group_mean}.",
        "ru": "Среднее по всем {n_all} странам: {all_mean}; среднее по {group} "
        "({n_group}): {group_mean}.",
    },
    "all_mean_line": {
        "en": "Mean of all {n_all} countries: {all_mean}.",
        "ru": "Среднее по всем {n_all} странам: {all_mean}.",
    },
    "rank_line": {
        "en": "Rank: {rank} of {n} ({bottom} from the bottom).",
        "ru": "Место: {rank} из {n} ({bottom} снизу).",
    },
    "uncertainty_line": {
        "en": "Under other reasonable assumptions ({runs} runs) its rank lies between {low} and "
        "{high} in 90% of runs (median {median}).",
        "ru": "При других обоснованных допущениях ({runs} расчётов) место находится между {low} "
        "и {high} в 90% расчётов (медиана {median}).",
    },
    "change_line": {
        "en": "Change {from_year}→{year}: {change} points; the average change was {average} "
        "({versus}).",
        "ru": "Изменение {from_year}→{year}: {change} балла; среднее изменение {average} "
        "({versus}).",
    },
    "versus_above": {"en": "above the average", "ru": "выше среднего"},
    "versus_below": {"en": "below the average", "ru": "ниже среднего"},
    "versus_similar": {"en": "similar to the average", "ru": "на уровне среднего"},
    "approach": {"en": "Approach", "ru": "Подход"},
    "approach_line": {
        "en": "Approach group: {group}.",
        "ru": "Группа по подходу: {group}.",
    },
    "approach_why": {"en": "Why: {reason}", "ru": "Почему: {reason}"},
    "fallback": {
        "en": "no other approach's requirements hold (fallback)",
        "ru": "условия остальных подходов не выполнены (подход по умолчанию)",
    },
    "matches": {"en": "its requirements hold", "ru": "его условия выполнены"},
    "top_group": {
        "en": "every dimension reaches {top_min}: top group",
        "ru": "все измерения не ниже {top_min}: высшая группа",
    },
    "not_classified": {"en": "not classified", "ru": "не классифицирована"},
    "areas": {"en": "Areas", "ru": "Области"},
    "area": {"en": "Area", "ru": "Область"},
    "score": {"en": "Score", "ru": "Балл"},
    "all_mean": {"en": "All countries", "ru": "Все страны"},
    "difference": {"en": "Difference from all", "ru": "Разница со всеми"},
    "change": {"en": "Change", "ru": "Изменение"},
    "year": {"en": "Year", "ru": "Год"},
    "overall": {"en": "Overall", "ru": "Общий балл"},
    "mean_of": {"en": "{group} mean", "ru": "Среднее {group}"},
    "areas_chart": {
        "en": "Areas against group means",
        "ru": "Области в сравнении со средними по группам",
    },
    "time_chart": {"en": "Overall score over time", "ru": "Общий балл по годам"},
    "rank_chart": {"en": "Rank uncertainty", "ru": "Неопределённость места"},
    "by_area": {"en": "Area by area", "ru": "По областям"},
    "area_line": {
        "en": "{score} (all countries {all_mean}); {change_text}",
        "ru": "{score} (все страны {all_mean}); {change_text}",
    },
    "area_change": {
        "en": "change since {from_year}: {change}.",
        "ru": "изменение с {from_year} года: {change}.",
    },
    "no_change_year": {"en": "no earlier year to compare.", "ru": "нет более раннего года."},
    "changed_indicators": {
        "en": "Indicators that changed since {from_year}:",
        "ru": "Индикаторы, изменившиеся с {from_year} года:",
    },
    "no_changed_indicators": {
        "en": "No indicator changed since {from_year}.",
        "ru": "С {from_year} года ни один индикатор не изменился.",
    },
    "more_indicators": {"en": "… and {n} more.", "ru": "… и ещё {n}."},
    "sources": {"en": "Sources", "ru": "Источники"},
    "data_source": {"en": "Data: {source}", "ru": "Данные: {source}"},
    "framework_source": {"en": "Framework: {framework}", "ru": "Структура: {framework}"},
    "methods": {"en": "Methods", "ru": "Методика"},
    "method_cascade": {
        "en": "Indicator scores (0–100) are averaged into dimensions, dimensions into areas and "
        "areas into the overall score, with the framework's weights (equal unless stated). "
        "Scores keep full precision and are rounded half up only for display; ranks use the "
        "displayed whole numbers, so equal scores share a rank (marked “=”).",
        "ru": "Баллы индикаторов (0–100) усредняются в измерения, измерения — в области, "
        "области — в общий балл с весами из структуры (равными, если не указано иное). "
        "Баллы хранятся с полной точностью и округляются (половина вверх) только при показе; "
        "места считаются по показанным целым баллам, равные баллы делят место (знак «=»).",
    },
    "method_missing": {
        "en": "Missing or not-applicable answers: rule “{rule}”; the lowest coverage of an "
        "overall score in this report is {coverage}.",
        "ru": "Пропущенные и неприменимые ответы: правило «{rule}»; наименьшее покрытие общего "
        "балла в этом докладе — {coverage}.",
    },
    "method_numeric": {
        "en": "Numeric indicators are normalised to 0–100 across all country-years compared "
        "(min-max, z-score as 50 + 10·z, or distance to a target), so their scores depend "
        "on which countries and years are included.",
        "ru": "Числовые индикаторы приводятся к шкале 0–100 по всем сравниваемым "
        "странам и годам (мин-макс, z-оценка как 50 + 10·z или расстояние до цели), поэтому "
        "их баллы зависят от набора стран и лет.",
    },
    "method_bands": {"en": "Verbal bands: {bands}.", "ru": "Словесные оценки: {bands}."},
    "method_approach": {
        "en": "Approaches: an approach dimension is favourable at {favourable_min} or above; "
        "the first approach whose requirements hold is chosen. This rule is this project's "
        "own and is shown with every result.",
        "ru": "Подходы: измерение подхода благоприятно при {favourable_min} и выше; выбирается "
        "первый подход, условия которого выполнены. Это правило — собственное правило проекта, "
        "оно показывается с каждым результатом.",
    },
    "method_uncertainty": {
        "en": "Rank uncertainty: {runs} recomputations varying the weights (±{noise:.0%}), "
        "arithmetic or geometric aggregation, the missing-data rule and leaving one area or "
        "indicator out (Monte Carlo with a Saltelli design, as in the JRC's COINr).",
        "ru": "Неопределённость места: {runs} пересчётов с изменением весов (±{noise:.0%}), "
        "арифметическим или геометрическим средним, правилом для пропусков и исключением "
        "одной области или индикатора (Монте-Карло по плану Сальтелли, как в COINr JRC).",
    },
    "page": {"en": "Page", "ru": "Стр."},
    "generated": {"en": "Generated by migdex", "ru": "Подготовлено migdex"},
    "points": {"en": "points", "ru": "балла"},
}


def t(key: str, lang: str = "en", **values: object) -> str:
    """The text for ``key`` in ``lang`` (English if missing), formatted with ``values``.

    Examples
    --------
    >>> t("rank_line", "ru", rank="54-е", n=56, bottom="3-е")
    'Место: 54-е из 56 (3-е снизу).'
    """
    entry = TEXT[key]
    return entry.get(lang, entry["en"]).format(**values)


def ordinal(n: int, lang: str = "en", *, tied: bool = False) -> str:
    """1st / 2nd … in English, 1-е / 2-е … in Russian; ``=`` marks a shared rank.

    Examples
    --------
    >>> ordinal(3), ordinal(22, tied=True), ordinal(3, "ru")
    ('3rd', '=22nd', '3-е')
    """
    mark = "=" if tied else ""
    if lang == "ru":
        return f"{mark}{n}-е"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{mark}{n}{suffix}"


def number(value: float, lang: str = "en", *, decimals: int = 0, signed: bool = False) -> str:
    """A number as the language writes it (Russian: decimal comma, minus sign).

    Examples
    --------
    >>> number(2.25, "ru", decimals=1, signed=True), number(-3, "en", signed=True)
    ('+2,3', '−3')
    """
    from migdex.index.scoring import round_half_up

    shown = round_half_up(value, decimals)
    text = f"{abs(shown):.{decimals}f}"
    if lang == "ru":
        text = text.replace(".", ",")
    sign = "−" if shown < 0 else ("+" if signed and shown > 0 else "")
    return sign + text


def country_name(iso3: str, lang: str = "en") -> str:
    """The bundled country name in ``lang``; the ISO3 code when the country is not listed."""
    table = countries().set_index("iso3")
    column = "name_ru" if lang == "ru" else "name_en"
    return str(table[column].get(iso3, iso3)) if iso3 in table.index else iso3
