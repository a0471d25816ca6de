"""Typing as a gate (style.md §13): the shared rules (``sync/``) and the client's cache (``store/``) pass
``mypy --strict``; the rest of the client is checked by mypy with the project's settings against a
baseline of errors per file that may only shrink (``tests/mypy_baseline.json``: when a file gets
better, lower its number there; a new file starts at none)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "tests" / "mypy_baseline.json"
STRICT = ("sync", "ksdesk_desktop/store")
RATCHETED = ("ksdesk_desktop",)
ERROR = re.compile(r"^(?P<path>[^:\n]+\.py):\d+: error:", re.MULTILINE)

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]  # mypy on a fresh clone, beside other workers


def mypy(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "mypy", "--no-error-summary", "--show-error-codes", *args],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def errors_per_file(output: str) -> Counter[str]:
    return Counter(Path(m["path"]).as_posix() for m in ERROR.finditer(output))


def over_baseline(found: Counter[str], baseline: dict[str, int]) -> list[str]:
    """The files with more errors than the baseline allows, and those that now have fewer (the
    baseline must follow them down, so that what was fixed stays fixed)."""
    problems = []
    for path in sorted(set(found) | set(baseline)):
        now, allowed = found.get(path, 0), baseline.get(path, 0)
        if now > allowed:
            problems.append(f"{path}: {now} mypy errors, the baseline allows {allowed}")
        elif now < allowed:
            problems.append(f"{path}: {now} mypy errors, fewer than the baseline's {allowed}: lower it in "
                            f"{BASELINE.name}")
    return problems


@pytest.fixture(scope="module")
def outputs() -> dict[str, str]:
    """Both runs at once (each takes a while on a fresh clone)."""
    runs = {"strict": mypy("--strict", *STRICT), "ratcheted": mypy(*RATCHETED)}
    try:
        return {name: run.communicate(timeout=600)[0] for name, run in runs.items()}
    finally:  # also when interrupted: no process or pipe is left to a later test
        for run in runs.values():
            run.kill()
            run.communicate()


def test_the_shared_rules_and_the_store_are_strictly_typed(outputs: dict[str, str]) -> None:
    assert ERROR.findall(outputs["strict"]) == [], outputs["strict"]


def test_the_rest_of_the_client_is_typed_no_worse_than_its_baseline(outputs: dict[str, str]) -> None:
    found = errors_per_file(outputs["ratcheted"])
    strict = {p for p in found if any(p.startswith(s + "/") for s in STRICT)}
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    assert over_baseline(found - Counter({p: found[p] for p in strict}), baseline) == [], outputs["ratcheted"]


def test_the_ratchet_sees_a_new_error_and_a_fixed_one() -> None:
    output = "a.py:3: error: x  [misc]\na.py:9: error: y  [misc]\nb.py:1: note: z\n"
    assert errors_per_file(output) == Counter({"a.py": 2})
    assert over_baseline(errors_per_file(output), {"a.py": 1, "c.py": 2}) == [
        "a.py: 2 mypy errors, the baseline allows 1",
        "c.py: 0 mypy errors, fewer than the baseline's 2: lower it in mypy_baseline.json",
    ]


def write_baseline() -> None:
    """``python tests/test_typing.py``: write today's counts (review the diff: numbers only go down)."""
    found = errors_per_file(mypy(*RATCHETED).communicate(timeout=600)[0])
    kept = {p: n for p, n in sorted(found.items()) if not any(p.startswith(s + "/") for s in STRICT)}
    BASELINE.write_text(json.dumps(kept, indent=1) + "\n", encoding="utf-8")
    print(f"{BASELINE}: {sum(kept.values())} errors in {len(kept)} files")


if __name__ == "__main__":
    write_baseline()
