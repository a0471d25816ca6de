#!/usr/bin/env python3
"""Benchmarks: ``python benchmarks/run.py NAME [ARG ...]`` prints figures and writes
``benchmarks/results/NAME.json`` as ``{"figures": [{"name", "value", "unit", "target", "ok"}]}``.

Each benchmark is a module ``benchmarks/bench_NAME.py`` with ``run(*args) -> list[Figure]`` (the
arguments after NAME, where the benchmark takes any: ``fuzz sqlite``).
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.figures import Figure


def available() -> list[str]:
    return sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in available():
        print(f"usage: python benchmarks/run.py NAME [ARG ...]   (NAME: {', '.join(available())})")
        return 2
    name, *args = argv
    module = importlib.import_module(f"benchmarks.bench_{name}")
    figures: list[Figure] = module.run(*args)
    for fig in figures:
        mark = "ok " if fig.ok else "MISS"
        target = f" (target {fig.target})" if fig.target else ""
        if fig.ratio is not None:
            target += f", {fig.ratio:.0%} of it"
        print(f"[{mark}] {fig.name}: {fig.value:g} {fig.unit}{target}")
    out = HERE / "results" / f"{name}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"figures": [f.as_dict() for f in figures]}, ensure_ascii=False, indent=2))
    print(f"written {out}")
    return 0 if all(f.ok for f in figures) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
