"""CPU-time measurement for the linear-time tests.

The machine is shared, so wall time lies: these tests compare the best CPU
time of a small and a large input (a ratio, never an absolute duration).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any


def cpu_seconds(run: Callable[[], Any], runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        began = time.process_time()
        run()
        best = min(best, time.process_time() - began)
    return best


def assert_linear(
    run: Callable[[str], Any], small: str, factor: int = 10, max_ratio: float = 30
) -> None:
    """`factor` times the text may cost about `factor` times the time, never its square.

    A floor keeps a near-zero small run (a cheap case) from making any ratio fail.
    """
    large = small * factor
    small_time = max(cpu_seconds(lambda: run(small)), 0.002)
    large_time = cpu_seconds(lambda: run(large), runs=2)
    assert large_time < max_ratio * small_time, (small_time, large_time)
