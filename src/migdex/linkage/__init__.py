"""Cross-script person resolution for re-entry-ban registers (no Django).

One verb links a register of agency records into persons; a few pure
functions expose the name keys it is built on.

Examples
--------
>>> from migdex.linkage import skeleton, romanise
>>> romanise("Фарход Тожиев"), skeleton("Farhod Tadjiyev") == skeleton("Фарход Тожиев")
('FARKHOD TOZHIEV', True)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from migdex.linkage.backends import Backend, BackendUnavailableError, get_backend
from migdex.linkage.clusters import Clusters, explain_links, summarise_records
from migdex.linkage.features import (
    REGISTER_COLUMNS,
    RegisterError,
    build_features,
    normalise_document_number,
    parse_birth_date,
    validate_register,
)
from migdex.linkage.names import (
    name_variants,
    normalise_latin,
    parse_mrz_name,
    patronymic_root,
    skeleton,
)
from migdex.linkage.romanise import SYSTEMS, cyrillic_candidates, romanisations, romanise
from migdex.linkage.settings import LinkageSettings, LinkageSettingsError

__all__ = [
    "REGISTER_COLUMNS",
    "SYSTEMS",
    "BackendUnavailableError",
    "Clusters",
    "LinkageSettings",
    "LinkageSettingsError",
    "RegisterError",
    "cyrillic_candidates",
    "link_records",
    "name_variants",
    "normalise_document_number",
    "normalise_latin",
    "parse_birth_date",
    "parse_mrz_name",
    "patronymic_root",
    "romanisations",
    "romanise",
    "skeleton",
    "validate_register",
]


def link_records(
    register: pd.DataFrame,
    settings: LinkageSettings | None = None,
    *,
    backend: str | Backend = "duckdb",
    backend_options: dict[str, Any] | None = None,
    source: str = "register",
    progress: Callable[[str], None] | None = None,
) -> Clusters:
    """Link a register of agency records into persons.

    Parameters
    ----------
    register
        One row per agency record with the columns of :data:`REGISTER_COLUMNS`
        (strings in any script; missing values as NA).
    settings
        The linkage model; default the bundled ``linkage-v1``.
    backend
        ``"duckdb"`` (default) or ``"spark"``, or a backend instance.
    backend_options
        Passed to the backend: ``threads`` for DuckDB, ``spark`` (a session) for Spark.
    source
        How error messages name the register (e.g. its file name).
    progress
        Called with a short description before each long step.

    Returns
    -------
    Clusters
        One row per record with its person, plus an explanation of every link.

    Raises
    ------
    RegisterError, MissingColumnError
        The register lacks a column or has a bad value (every problem listed).
    BackendUnavailableError
        The engine is not installed (``pip install 'migdex[spark]'``).

    Examples
    --------
    >>> rows = [("a1", "Тожиев", "Фарход", "1990-05-03", "AA1234567"),
    ...         ("b1", "TOJIEV", "FARXOD", "03.05.1990", "AA1234567"),
    ...         ("c1", "Karimova", "Dilnoza", "1985-01-20", None)]
    >>> register = pd.DataFrame(rows, columns=["record_id", "surname", "given_name",
    ...                                        "birth_date", "document_number"])
    >>> register = register.assign(agency="FMS", patronymic=None, citizenship="UZB")
    >>> link_records(register).records["person_id"].tolist()  # doctest: +SKIP
    ['P-a1', 'P-a1', 'P-c1']
    """
    from migdex.linkage.model import score_pairs, train_model

    settings = settings or LinkageSettings.load()
    report = progress or (lambda _: None)
    validate_register(register, source=source)
    engine = get_backend(backend, **(backend_options or {}))
    features = build_features(register, progress=report)
    model = train_model(features, settings, engine, progress=report)
    report("scoring and clustering pairs")
    pairs, clusters = score_pairs(
        model,
        review_probability=settings.review_probability,
        match_probability=settings.match_probability,
    )
    record_ids = register["record_id"].astype(str)
    records = summarise_records(
        record_ids, clusters, pairs, match_probability=settings.match_probability
    )
    links = explain_links(
        pairs, clusters, model.level_labels(), match_probability=settings.match_probability
    )
    return Clusters(records=records, links=links, settings=settings, model=model.to_json())
