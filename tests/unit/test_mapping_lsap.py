"""The assignment solver gives SciPy's answer, ties included, on the matrices plans make."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import linear_sum_assignment as scipy_assignment

from feedline.mapping.lsap import linear_sum_assignment


def _plan_matrix(rng: np.random.Generator) -> np.ndarray:
    """A cost matrix as :func:`feedline.mapping.assign.assign` builds one: confidences on
    a coarse grid (many exact ties), forbidden weak pairs, an own "unmapped" slot per row."""
    n, m = int(rng.integers(1, 14)), int(rng.integers(0, 14))
    conf = np.round(rng.random((n, m)) * 4) / 4 * (rng.random((n, m)) < 0.6)
    cost = np.full((n, m + n), 1e6)
    usable = conf >= 0.5
    cost[:, :m][usable] = -conf[usable]
    cost[np.arange(n), m + np.arange(n)] = 0.0
    return cost


def test_plan_matrices_get_scipys_assignment() -> None:
    rng = np.random.default_rng(11)
    for _ in range(3000):
        cost = _plan_matrix(rng)
        rows, cols = linear_sum_assignment(cost)
        want_rows, want_cols = scipy_assignment(cost)
        assert rows.tolist() == want_rows.tolist()
        assert cols.tolist() == want_cols.tolist(), cost


@pytest.mark.parametrize("kind", ["uniform", "integer ties", "additive ties"])
def test_larger_matrices_get_scipys_assignment(kind: str) -> None:
    rng = np.random.default_rng(5)
    for _ in range(150):
        n = int(rng.integers(10, 50))
        m = n + int(rng.integers(0, 60))
        if kind == "uniform":
            cost = rng.random((n, m))
        elif kind == "integer ties":
            cost = np.round(rng.random((n, m)) * 5)
        else:
            cost = np.add.outer(rng.random(n), rng.random(m)).round(2)
        got = linear_sum_assignment(cost)[1]
        assert got.tolist() == scipy_assignment(cost)[1].tolist()
        assert len(set(got.tolist())) == n  # one column per row


def test_the_optimum_on_a_small_case() -> None:
    cost = np.array([[4.0, 1.0, 3.0], [2.0, 0.0, 5.0], [3.0, 2.0, 2.0]])
    rows, cols = linear_sum_assignment(cost)
    assert cols.tolist() == [1, 0, 2]
    assert cost[rows, cols].sum() == 5.0


@pytest.mark.parametrize("cost", [np.zeros((3, 2)), np.array([[1.0, np.inf]]),
                                  np.array([[np.nan, 1.0]]), np.zeros(3)])
def test_bad_matrices_are_refused(cost: np.ndarray) -> None:
    with pytest.raises(ValueError):
        linear_sum_assignment(cost)


def test_no_rows_assign_nothing() -> None:
    rows, cols = linear_sum_assignment(np.zeros((0, 3)))
    assert rows.tolist() == [] and cols.tolist() == []
