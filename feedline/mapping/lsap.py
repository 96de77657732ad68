"""The rectangular linear sum assignment problem, solved by shortest augmenting paths.

The algorithm (Crouse, "On implementing 2D rectangular assignment algorithms", IEEE TAES
2016) is the one SciPy's ``linear_sum_assignment`` runs, with the same order of visiting
columns and the same choice among equal costs, so both give the same assignment. It lives
here because importing ``scipy.optimize`` costs about 0.3 s of CPU in every process that
plans a file, more than the matrices of a plan (a few dozen columns) take to solve.
"""

from __future__ import annotations

import numpy as np


def linear_sum_assignment(cost: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Row and column indexes of a minimum-cost assignment of every row to a column.

    ``cost`` has at most as many rows as columns and only finite entries; returns
    ``(rows, columns)`` with ``rows`` = ``0..n-1``.
    """
    cost = np.asarray(cost, dtype=np.float64)
    if cost.ndim != 2 or cost.shape[0] > cost.shape[1]:
        raise ValueError("cost must be a matrix with no more rows than columns")
    if not np.isfinite(cost).all():
        raise ValueError("cost must hold finite numbers only")
    nr, nc = cost.shape
    u, v = np.zeros(nr), np.zeros(nc)
    col4row = np.full(nr, -1, dtype=np.int64)
    row4col = np.full(nc, -1, dtype=np.int64)
    for current in range(nr):
        sink, shortest, path, seen_rows, seen_cols, lowest = _augmenting_path(
            cost, u, v, row4col, col4row, current)
        # Update the dual variables, then augment along the path.
        u[current] += lowest
        rows = seen_rows.copy()
        rows[current] = False
        u[rows] += lowest - shortest[col4row[rows]]
        v[seen_cols] -= lowest - shortest[seen_cols]
        j = sink
        while True:
            i = int(path[j])
            row4col[j] = i
            col4row[i], j = j, int(col4row[i])
            if i == current:
                break
    return np.arange(nr), col4row


def _augmenting_path(cost: np.ndarray, u: np.ndarray, v: np.ndarray, row4col: np.ndarray,
                     col4row: np.ndarray, current: int) -> tuple[
                         int, np.ndarray, np.ndarray, np.ndarray, np.ndarray, float]:
    """The shortest augmenting path from row ``current`` to a free column (Dijkstra over
    reduced costs): its end, the path costs and predecessors, the rows and columns seen,
    and the path's cost."""
    nr, nc = cost.shape
    shortest = np.full(nc, np.inf)
    path = np.full(nc, -1, dtype=np.int64)
    seen_rows = np.zeros(nr, dtype=bool)
    seen_cols = np.zeros(nc, dtype=bool)
    # Columns left to visit, in SciPy's order: last first, a visited one swapped out.
    remaining = list(range(nc - 1, -1, -1))
    lowest_so_far = 0.0
    i = current
    while True:
        seen_rows[i] = True
        order = np.array(remaining)
        reduced = lowest_so_far + cost[i, order] - u[i] - v[order]
        better = reduced < shortest[order]
        path[order[better]] = i
        shortest[order[better]] = reduced[better]
        costs = shortest[order]
        lowest = costs.min()
        if not np.isfinite(lowest):
            raise ValueError("cost matrix is infeasible")
        ties = np.flatnonzero(costs == lowest)
        free = ties[row4col[order[ties]] == -1]
        # The first of the cheapest columns, or the last free one among them.
        index = int(free[-1]) if free.size else int(ties[0])
        lowest_so_far = float(lowest)
        j = remaining[index]
        seen_cols[j] = True
        remaining[index] = remaining[-1]
        remaining.pop()
        if row4col[j] == -1:
            return j, shortest, path, seen_rows, seen_cols, lowest_so_far
        i = int(row4col[j])
