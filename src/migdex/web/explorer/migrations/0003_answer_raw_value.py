"""A numeric indicator's raw number gets its own column, ``Answer.raw_value``.

Before, it was stored in ``Answer.score`` (beside the options' 0–100 scores). The data step
moves such numbers: for each computed dataset, the indicators its framework file marks
numeric have their stored number moved from ``score`` to ``raw_value``.
"""

import yaml
from django.db import migrations, models


def _numeric_codes(yaml_text: str) -> set[str]:
    """Codes of the numeric indicators of a stored framework file (empty if unreadable)."""
    from migdex.index.framework import parse_framework

    try:
        fw = parse_framework(yaml.safe_load(yaml_text), source="stored framework")
    except Exception:  # a file this version cannot read has nothing to move
        return set()
    return {code for code, ind in fw.indicators.items() if ind.is_numeric}


def move_raw_numbers(apps, schema_editor):
    Answer = apps.get_model("explorer", "Answer")
    Dataset = apps.get_model("explorer", "Dataset")
    for dataset in Dataset.objects.select_related("framework").exclude(framework=None):
        codes = _numeric_codes(dataset.framework.yaml_text)
        if codes:
            rows = Answer.objects.filter(dataset=dataset, indicator__in=codes, raw_value=None)
            rows.update(raw_value=models.F("score"), score=None)


def move_back(apps, schema_editor):
    Answer = apps.get_model("explorer", "Answer")
    Answer.objects.exclude(raw_value=None).update(score=models.F("raw_value"))


class Migration(migrations.Migration):
    dependencies = [
        ("explorer", "0002_score_country_year_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="answer",
            name="raw_value",
            field=models.FloatField(
                blank=True,
                help_text=(
                    "A numeric indicator's number as given (its normalised 0–100 score is "
                    "stored with the scores)."
                ),
                null=True,
                verbose_name="raw value",
            ),
        ),
        migrations.RunPython(move_raw_numbers, move_back),
    ]
