"""Turn a scorer's raw combined score into a calibrated probability of being right.

Each automatic decision belongs to a calibration *group* (its reason code, split by
whether a close rival made it ambiguous; unmapped columns by whether any field was still
free). Per group a monotone, piecewise-linear table maps the raw score to the share of
such decisions that were right on the public benchmark and the partner fixtures (see
``bench/automap_calibrate.py``, which fits and writes :mod:`calibration_table`).
Memory, renames and elimination are evidence kinds of their own (``person-space``,
``person-other``, ``automap-space``, ``renamed``, ``eliminated``, …; see
:mod:`feedline.mapping.evidence`), fitted on simulated learning loops; a person's decision
in the plan being executed is not calibrated.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence

from feedline.mapping.calibration_table import TABLE

Table = Mapping[str, Sequence[tuple[float, float]]]
# Another space's decision is strong evidence at most: partners differ, even on one blueprint.
OTHER_SPACE_CAP = 0.98
CALIBRATED_CODES = (
    "exact", "alias", "normalized", "fuzzy", "cognate", "values", "eliminated", "remembered", "renamed",
    "unmapped",
)
# Groups whose score is the scorers' (derived from the reason code); memory, renames and
# elimination name their group themselves (see feedline.mapping.evidence).
_SCORER_CODES = ("exact", "alias", "normalized", "fuzzy", "cognate", "values", "unmapped")


def calibration_group(reason_code: str, *, ambiguous: bool = False, free: bool = True,
                      open_shape: bool = False, foreign: bool = False,
                      shape: str | None = None) -> str | None:
    """The calibration group of a scorer's decision, or None when it names its own.

    An unmapped column is ``unmapped-full`` when no field was free, ``unmapped-open`` when
    a free field has the column's value shape (a number column while a number field is
    free: only the unknown name says "nowhere") and ``unmapped-foreign`` when besides most
    of the file's headers name no field (a language or vocabulary feedline cannot read),
    else ``unmapped``. A values-only decision is calibrated
    per value shape (``values-enum``, ``values-email``, ``values-boolean``, …).
    """
    if reason_code not in _SCORER_CODES:
        return None
    if reason_code == "unmapped":
        if not free:
            return "unmapped-full"
        if open_shape:
            return "unmapped-foreign" if foreign else "unmapped-open"
        return "unmapped"
    if ambiguous:
        return f"{reason_code}-ambiguous"
    return f"values-{shape}" if reason_code == "values" and shape else reason_code


def calibrate(score: float, group: str | None, table: Table | None = None) -> float:
    """The probability that a decision of ``group`` with raw ``score`` is right.

    Interpolates linearly between the group's (score, probability) breakpoints and holds
    the end values beyond them; a group without a table keeps its raw score (0..1).
    Evidence from another space is never taken as certain (:data:`OTHER_SPACE_CAP`).
    """
    p = _interpolate(score, (TABLE if table is None else table).get(group or ""))
    if group and "-other" in group:
        p = min(p, OTHER_SPACE_CAP)
    return p


def _interpolate(score: float, points: Sequence[tuple[float, float]] | None) -> float:
    if not points:
        return min(max(score, 0.0), 1.0)
    xs = [x for x, _ in points]
    i = bisect_right(xs, score)
    if i == 0:
        return points[0][1]
    if i == len(points):
        return points[-1][1]
    (x0, p0), (x1, p1) = points[i - 1], points[i]
    return p0 if x1 == x0 else p0 + (p1 - p0) * (score - x0) / (x1 - x0)


__all__ = ["CALIBRATED_CODES", "TABLE", "Table", "calibrate", "calibration_group"]
