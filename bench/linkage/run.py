"""Run the linkage benchmark: migdex's model vs plain-name Splink on the same synthetic registers.

Each (size, model) runs in a fresh process so that its peak memory is its own.
Results go to ``bench/results/linkage.md`` (and a JSON twin for tools).

Examples
--------
``python -m bench.linkage --records 10000 100000`` (quality),
``python -m bench.linkage --records 1000000 --models migdex`` (time and memory),
``python -m bench.linkage --records 50000 --models migdex --export-parameters
src/migdex/linkage/linkage-v1.parameters.json`` (the stored parameters for small registers).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import multiprocessing
import os
import platform
import resource
import shlex
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent
RESULTS = HERE.parent / "results"
MODELS = {
    "migdex": None,  # the bundled linkage-v1 settings
    "baseline": HERE / "baseline.yaml",
}
LABELS = {
    "migdex": "migdex linkage-v1 (variants + skeletons)",
    "baseline": "Splink, plain names (one romanisation, no variants/skeleton)",
}


def _run_job(n_records: int, seed: int, model: str, threads: int, train: bool) -> dict:
    """Generate, link and score one register in this (fresh) process."""
    from bench.linkage.evaluate import score_clusters
    from bench.linkage.generate import generate_register
    from migdex.linkage import LinkageSettings, link_records

    started = time.perf_counter()
    register = generate_register(n_records, seed=seed)
    generated = time.perf_counter() - started
    settings = LinkageSettings.load(MODELS[model])
    if train:
        settings = settings.replace(min_records_to_train=0)
    started = time.perf_counter()
    clusters = link_records(
        register.drop(columns="true_person"), settings, backend_options={"threads": threads}
    )
    wall = time.perf_counter() - started
    scores = score_clusters(clusters.records["person_id"], register["true_person"])
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "model": model, "records": len(register), "true_persons": register["true_person"].nunique(),
        "persons": clusters.summary()["persons"], "review": clusters.summary()["records_to_review"],
        "wall_s": round(wall, 1), "generate_s": round(generated, 1),
        "peak_memory_mb": round(peak_kib / 1024), **scores, "model_json": clusters.model,
    }  # fmt: skip


def _in_fresh_process(*args: object) -> dict:
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(_run_job, *args).result()


def _markdown(results: list[dict], command: str, threads: int) -> str:
    lines = [
        "# Linkage benchmark (SYNTHETIC DATA)",
        "",
        f"Command: `{command}`  ",
        f"Machine: {os.cpu_count()} CPUs visible, DuckDB threads = {threads}, "
        f"Python {platform.python_version()}, {platform.machine()}.  ",
        "Data: `bench/linkage/generate.py`, nine agencies with their own romanisation habits, "
        "typos, swapped name order, dropped endings, missing fields, new passports; relatives "
        "(siblings, twins) and namesakes as hard negatives. Wall time covers feature "
        "engineering, training, prediction and clustering (not data generation); peak memory is "
        "the maximum resident set size of the process that ran the model.",
        "",
        "| model | records | true persons | persons found | review | pairwise P | pairwise R "
        "| pairwise F1 | B³ P | B³ R | B³ F1 | wall s | peak MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {LABELS[r['model']]} | {r['records']:,} | {r['true_persons']:,} | "
            f"{r['persons']:,} | {r['review']:,} | {r['pairwise_precision']:.4f} | "
            f"{r['pairwise_recall']:.4f} | {r['pairwise_f1']:.4f} | {r['bcubed_precision']:.4f} | "
            f"{r['bcubed_recall']:.4f} | {r['bcubed_f1']:.4f} | {r['wall_s']:,} | "
            f"{r['peak_memory_mb']:,} |"
        )
    goals = (
        "Goals: pairwise F1 ≥ 0.95 with precision ≥ 0.98; 1,000,000 records in under 5 minutes "
        "on 2 cores."
    )
    return "\n".join([*lines, "", goals, ""])


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.linkage", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--records", type=int, nargs="+", default=[10_000], help="register sizes")
    parser.add_argument("--models", nargs="+", choices=list(MODELS), default=list(MODELS))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--threads", type=int, default=2, help="DuckDB threads (cores)")
    parser.add_argument("--out", type=Path, default=RESULTS / "linkage.md")
    parser.add_argument(
        "--export-parameters", type=Path, default=None,
        help="write the migdex model's parameters (trained on the first size) to this JSON file",
    )  # fmt: skip
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    """Run every (size, model) pair, print each result, write the Markdown report."""
    from migdex.linkage.model import parameters_from_model

    args = _parse(argv)
    command = "python -m bench.linkage " + shlex.join(sys.argv[1:] if argv is None else argv)
    results = []
    for n in args.records:
        for model in args.models:
            train = args.export_parameters is not None
            result = _in_fresh_process(n, args.seed, model, args.threads, train)
            if train and model == "migdex" and not args.export_parameters.exists():
                parameters = parameters_from_model(result["model_json"])
                args.export_parameters.write_text(json.dumps(parameters, indent=2) + "\n")
            del result["model_json"]
            print(json.dumps(result), flush=True)
            results.append(result)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(_markdown(results, command, args.threads), encoding="utf-8")
    args.out.with_suffix(".json").write_text(json.dumps(results, indent=2) + "\n")
    print(f"Wrote {args.out}")
