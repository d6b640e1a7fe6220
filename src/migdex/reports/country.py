"""What a country report says: built from the tidy scores by the index library, no I/O.

:func:`build_country_report` returns a :class:`CountryReport` — plain strings,
rows and chart specs in the report's language — which :mod:`migdex.reports.render`
turns into HTML and PDF. The web explorer can call the same function and show
the same sentences and charts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import pandas as pd

from migdex.errors import InputError
from migdex.index.compare import (
    band_of,
    builtin_groups,
    changes,
    group_means,
    rank_countries,
)
from migdex.index.framework import Framework
from migdex.reports.i18n import country_name, number, ordinal, t

MAX_INDICATORS_LISTED = 12


@dataclass(frozen=True)
class CountryReport:
    """Everything the template shows, already in the report's language."""

    iso3: str
    country: str
    year: int
    lang: str
    framework_line: str
    banners: list[str]
    summary: list[str]
    approach: list[str]
    area_rows: list[dict]
    area_texts: list[dict]
    charts: dict[str, dict] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    methods: list[str] = field(default_factory=list)
    is_synthetic: bool = False
    reconstruction: bool = False


def build_country_report(
    scores: pd.DataFrame,
    framework: Framework,
    *,
    iso3: str,
    year: int | None = None,
    lang: str = "en",
    from_year: int | None = None,
    group: str = "EU28",
    is_synthetic: bool = False,
    source: str = "",
    uncertainty=None,
) -> CountryReport:
    """Compose the report of ``iso3`` in ``year`` against all countries and ``group``.

    ``uncertainty`` is an optional :class:`migdex.index.sensitivity.SensitivityResult`
    for the same year, adding the rank interval and its chart.
    """
    iso3 = iso3.upper()
    year, from_year = _years(scores, iso3, year, from_year)
    members = {"ALL": sorted(scores["iso3"].unique())}
    present = set(scores.loc[scores["year"] == year, "iso3"])
    if set(builtin_groups().get(group, [])) & present:
        members[group] = builtin_groups()[group]
    means = group_means(scores[scores["year"].isin([year, from_year])], members)
    ctx = _Context(scores, framework, iso3, year, from_year, lang, members, means)
    spec = framework.spec
    return CountryReport(
        iso3=iso3,
        country=country_name(iso3, lang),
        year=year,
        lang=lang,
        framework_line=framework.describe(lang),
        banners=_banners(lang, is_synthetic, spec.reconstruction),
        summary=ctx.summary(uncertainty),
        approach=ctx.approach_lines(),
        area_rows=ctx.area_rows(),
        area_texts=ctx.area_texts(),
        charts=ctx.charts(uncertainty),
        sources=_sources(framework, lang, source),
        methods=_methods(ctx, uncertainty),
        is_synthetic=is_synthetic,
        reconstruction=spec.reconstruction,
    )


def _years(scores, iso3, year, from_year) -> tuple[int, int | None]:
    mine = sorted(int(y) for y in scores.loc[scores["iso3"] == iso3, "year"].unique())
    if not mine:
        raise InputError(f"no scores for country {iso3!r}")
    year = mine[-1] if year is None else int(year)
    if year not in mine:
        raise InputError(f"no scores for {iso3} in {year}; available: {mine}")
    earlier = [y for y in mine if y < year]
    if from_year is None:
        from_year = year - 5 if year - 5 in earlier else (earlier[0] if earlier else None)
    elif from_year not in earlier:
        raise InputError(f"no scores for {iso3} in {from_year} before {year}; available: {mine}")
    return year, from_year


def _banners(lang: str, is_synthetic: bool, reconstruction: bool) -> list[str]:
    out = [t("synthetic_banner", lang)] if is_synthetic else []
    return out + ([t("reconstruction_banner", lang)] if reconstruction else [])


@dataclass
class _Context:
    scores: pd.DataFrame
    framework: Framework
    iso3: str
    year: int
    from_year: int | None
    lang: str
    members: dict[str, list[str]]
    means: pd.DataFrame

    def score(self, code: str, year: int | None = None, *, indicator: bool = False) -> float:
        """This country's score (an indicator's when ``indicator``: codes may repeat by level)."""
        return self._own.get((indicator, year or self.year, code), np.nan)

    @cached_property
    def _own(self) -> dict[tuple[bool, int, str], float]:
        """This country's scores by (is indicator, year, code), looked up many times."""
        s = self.scores[self.scores["iso3"] == self.iso3]
        keys = zip(s["level"] == "indicator", s["year"].astype(int), s["code"].astype(str))
        return dict(zip(keys, s["score"]))

    @cached_property
    def _means(self) -> dict[tuple[str, str, int], float]:
        m = self.means
        return dict(zip(zip(m["group"], m["code"], m["year"].astype(int)), m["score"]))

    def mean(self, group: str, code: str, year: int | None = None) -> float:
        return self._means.get((group, code, year or self.year), np.nan)

    def n(self, group: str) -> int:
        m = self.means
        row = m[(m["group"] == group) & (m["code"] == "overall") & (m["year"] == self.year)]
        return int(row["n_countries"].iloc[0]) if len(row) else 0

    def fmt(self, value: float, *, signed: bool = False, decimals: int = 0) -> str:
        return (
            "–" if np.isnan(value) else number(value, self.lang, decimals=decimals, signed=signed)
        )

    @property
    def other(self) -> str | None:
        return next((g for g in self.members if g != "ALL"), None)

    def summary(self, uncertainty) -> list[str]:
        lang, overall = self.lang, self.score("overall")
        _, band = band_of(overall, self.framework, lang)
        name = country_name(self.iso3, lang)
        lines = [
            t(
                "overall_line",
                lang,
                country=name,
                score=self.fmt(overall),
                year=self.year,
                band=band or "–",
            ),
        ]
        if self.other:
            lines.append(
                t(
                    "means_line",
                    lang,
                    n_all=self.n("ALL"),
                    all_mean=self.fmt(self.mean("ALL", "overall")),
                    group=self.other,
                    n_group=self.n(self.other),
                    group_mean=self.fmt(self.mean(self.other, "overall")),
                )
            )
        else:
            lines.append(
                t(
                    "all_mean_line",
                    lang,
                    n_all=self.n("ALL"),
                    all_mean=self.fmt(self.mean("ALL", "overall")),
                )
            )
        lines += self._rank_lines(uncertainty) + self._change_lines()
        return lines

    def _rank_lines(self, uncertainty) -> list[str]:
        ranks = rank_countries(self.scores, year=self.year)
        mine = ranks[ranks["iso3"] == self.iso3]
        if mine.empty:
            return []
        r = mine.iloc[0]
        tied = bool(r["is_tied"])
        lines = [
            t(
                "rank_line",
                self.lang,
                rank=ordinal(int(r["rank"]), self.lang, tied=tied),
                n=int(r["n"]),
                bottom=ordinal(int(r["rank_from_bottom"]), self.lang, tied=tied),
            )
        ]
        if uncertainty is not None:
            u = uncertainty.summary.set_index("iso3")
            if self.iso3 in u.index:
                row = u.loc[self.iso3]
                lines.append(
                    t(
                        "uncertainty_line",
                        self.lang,
                        runs=f"{uncertainty.settings['runs']:,}",
                        low=int(row["rank_p05"]),
                        high=int(row["rank_p95"]),
                        median=int(row["median_rank"]),
                    )
                )
        return lines

    def _change_lines(self) -> list[str]:
        if self.from_year is None:
            return []
        ch = changes(self.scores, year_from=self.from_year, year_to=self.year)
        mine = ch[ch["iso3"] == self.iso3]
        if mine.empty:
            return []
        c = mine.iloc[0]
        versus = t(f"versus_{c['versus_average']}", self.lang)
        return [
            t(
                "change_line",
                self.lang,
                from_year=self.from_year,
                year=self.year,
                change=self.fmt(c["change"], signed=True, decimals=1),
                average=self.fmt(c["average_change"], signed=True, decimals=1),
                versus=versus,
            )
        ]

    def approach_lines(self) -> list[str]:
        """The approach group and the rule's reason, in the report's language."""
        from migdex.index.approaches import choose_approaches

        rule, dims = self.framework.spec.approach_rule, self.framework.spec.approach_dimensions
        if rule is None or not dims:
            return []
        values = np.array([self.score(d.code) for d in dims])
        if np.isnan(values).any():
            return [t("approach_line", self.lang, group=t("not_classified", self.lang))]
        chosen, top = choose_approaches(values[None, :], self.framework)
        approach = rule.approaches[int(chosen[0])]
        title = self.framework.text(approach.title, self.lang)
        group = f"{title} ({rule.top_suffix})" if top[0] else title
        parts = [
            f"{self.framework.text(d.title, self.lang)} {self.fmt(v, decimals=1)} "
            f"{'≥' if v >= rule.favourable_min else '<'} {rule.favourable_min:g}"
            for d, v in zip(dims, values)
        ]
        why = t("matches", self.lang) if approach.requires else t("fallback", self.lang)
        reason = f"{'; '.join(parts)} → {title}: {why}"
        if top[0]:
            reason += "; " + t("top_group", self.lang, top_min=f"{rule.top_min:g}")
        return [
            t("approach_line", self.lang, group=group),
            t("approach_why", self.lang, reason=reason),
        ]

    def area_rows(self) -> list[dict]:
        codes = [("overall", t("overall", self.lang))] + [
            (a.code, self.framework.text(a.title, self.lang)) for a in self.framework.areas
        ]
        rows = []
        for code, title in codes:
            score, all_mean = self.score(code), self.mean("ALL", code)
            change = np.nan
            if self.from_year is not None:
                change = score - self.score(code, self.from_year)
            rows.append(
                {
                    "title": title,
                    "is_overall": code == "overall",
                    "score": self.fmt(score),
                    "all_mean": self.fmt(all_mean),
                    "group_mean": self.fmt(self.mean(self.other, code)) if self.other else "",
                    "difference": self.fmt(score - all_mean, signed=True),
                    "change": self.fmt(change, signed=True, decimals=1),
                }
            )
        return rows

    def area_texts(self) -> list[dict]:
        out = []
        for area in self.framework.areas:
            score, all_mean = self.score(area.code), self.mean("ALL", area.code)
            if self.from_year is None:
                change_text = t("no_change_year", self.lang)
            else:
                diff = score - self.score(area.code, self.from_year)
                change_text = t(
                    "area_change",
                    self.lang,
                    from_year=self.from_year,
                    change=self.fmt(diff, signed=True, decimals=1),
                )
            changed, more = self._changed_indicators(area.code)
            out.append(
                {
                    "title": self.framework.text(area.title, self.lang),
                    "line": t(
                        "area_line",
                        self.lang,
                        score=self.fmt(score),
                        all_mean=self.fmt(all_mean),
                        change_text=change_text,
                    ),
                    "changed": changed,
                    "more": t("more_indicators", self.lang, n=more) if more else "",
                    "changed_head": self._changed_head(changed),
                }
            )
        return out

    def _changed_head(self, changed: list[str]) -> str:
        if self.from_year is None:
            return ""
        key = "changed_indicators" if changed else "no_changed_indicators"
        return t(key, self.lang, from_year=self.from_year)

    def _changed_indicators(self, area: str) -> tuple[list[str], int]:
        if self.from_year is None:
            return [], 0
        codes = [p.indicator.code for p in self.framework.places if p.area == area]
        lines = []
        for code in codes:
            before = self.score(code, self.from_year, indicator=True)
            now = self.score(code, indicator=True)
            if (np.isnan(before) and np.isnan(now)) or abs(before - now) <= 1e-9:
                continue
            title = self.framework.text(self.framework.indicators[code].title, self.lang)
            lines.append(f"{code}. {title}: {self.fmt(before)} → {self.fmt(now)}")
        return lines[:MAX_INDICATORS_LISTED], max(0, len(lines) - MAX_INDICATORS_LISTED)

    def charts(self, uncertainty) -> dict[str, dict]:
        from migdex.index.charts import profile_chart, rank_uncertainty_chart, time_series_chart

        name = country_name(self.iso3, self.lang)
        groups = [
            (g, t("all_mean", self.lang) if g == "ALL" else t("mean_of", self.lang, group=g))
            for g in self.members
        ]
        items = [("overall", t("overall", self.lang))] + [
            (a.code, self.framework.text(a.title, self.lang)) for a in self.framework.areas
        ]
        rows = [(title, name, self.score(code)) for code, title in items]
        rows += [(title, label, self.mean(g, code)) for code, title in items for g, label in groups]
        profile = pd.DataFrame(rows, columns=["item", "series", "score"]).dropna()
        charts = {
            "areas": profile_chart(
                profile, x_title=t("score", self.lang), y_title=t("area", self.lang)
            ),
            "time": time_series_chart(
                self._time_frame(name, groups),
                x_title=t("year", self.lang),
                y_title=t("overall", self.lang),
            ),
        }
        if uncertainty is not None:
            summary = uncertainty.summary.assign(
                label=lambda f: [country_name(c, self.lang) for c in f["iso3"]]
            )
            charts["rank"] = rank_uncertainty_chart(
                summary, title=t("rank_chart", self.lang), highlight=self.iso3
            )
        return charts

    def _time_frame(self, name: str, groups) -> pd.DataFrame:
        s = self.scores[self.scores["code"] == "overall"]
        mine = s[s["iso3"] == self.iso3][["year", "score"]].assign(series=name)
        frames = [mine]
        for g, label in groups:
            m = group_means(s, {g: self.members[g]})
            frames.append(m[["year", "score"]].assign(series=label))
        return pd.concat(frames, ignore_index=True).sort_values("year")


def _sources(framework: Framework, lang: str, source: str) -> list[str]:
    lines = [t("framework_source", lang, framework=framework.describe(lang))]
    if source:
        lines.append(t("data_source", lang, source=source))
    return lines + list(framework.spec.sources)


def _methods(ctx: _Context, uncertainty) -> list[str]:
    fw, lang = ctx.framework, ctx.lang
    overall = ctx.scores[(ctx.scores["level"] == "overall") & (ctx.scores["code"] == "overall")]
    coverage = overall["coverage"].min() if "coverage" in overall.columns else np.nan
    coverage_text = "–" if pd.isna(coverage) else f"{float(coverage):.0%}"
    lines = [t("method_cascade", lang)]
    lines.append(
        t("method_missing", lang, rule=fw.spec.aggregation.missing_rule, coverage=coverage_text)
    )
    if any(i.is_numeric for i in fw.indicators.values()):
        lines.append(t("method_numeric", lang))
    if fw.spec.bands:
        bands = "; ".join(f"{fw.text(b.title, lang)} ≥ {b.min:g}" for b in fw.spec.bands)
        lines.append(t("method_bands", lang, bands=bands))
    if fw.spec.approach_rule is not None:
        rule = fw.spec.approach_rule
        lines.append(t("method_approach", lang, favourable_min=f"{rule.favourable_min:g}"))
    if uncertainty is not None:
        s = uncertainty.settings
        lines.append(t("method_uncertainty", lang, runs=f"{s['runs']:,}", noise=s["weight_noise"]))
    notice = fw.text(fw.spec.notice, lang) if fw.spec.notice else ""
    return lines + ([notice] if notice else [])
