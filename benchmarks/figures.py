from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    unit: str
    target: str = ""
    ok: bool = True
    ratio: float | None = None  # value / target limit, where there is a numeric target

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def at_most(name: str, value: float, unit: str, limit: float) -> Figure:
    return Figure(name, round(value, 3), unit, f"<= {limit:g} {unit}", value <= limit, round(value / limit, 3))


def percentile(values: list[float], p: float) -> float:
    """Nearest rank: the smallest value with at least ``p`` % of the values at or below it."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, -(-len(ordered) * p // 100) - 1))]
