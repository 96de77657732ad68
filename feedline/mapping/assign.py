"""Globally optimal one-to-one assignment of source columns to fields."""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from feedline.mapping.enums import load_country_names
from feedline.mapping.lsap import linear_sum_assignment
from feedline.mapping.scorers import Candidate
from feedline.mapping.vocabulary import header_lexicon

MIN_CONFIDENCE = 0.5  # weaker pairs are never used; the column stays unmapped
AMBIGUITY_MARGIN = 0.05
AMBIGUOUS_CAP = 0.8  # a close competitor makes a mapping "moderate" at best
_FORBIDDEN = 1e6
TIE_STEP = 1e-6  # far below any score difference: it only breaks exact ties
_TRAILING_NUMBER = re.compile(r"(?<!\d)(\d{1,2})\s*$")


def _ordinal(header: str) -> int:
    """The small number a header ends with (``NARRATIVE_2`` -> 2), 0 without one: numbered
    columns of one kind are usually the main one first, then its continuations."""
    m = _TRAILING_NUMBER.search(header)
    return int(m.group(1)) if m and m.start() > 0 else 0


def assign(
    candidates: Sequence[dict[str, Candidate]],
    fields: Sequence[str],
    headers: Sequence[str] | None = None,
) -> list[Candidate | None]:
    """Pick at most one field per column and one column per field, maximizing confidence.

    Each column may also stay unmapped; pairs below :data:`MIN_CONFIDENCE` are never used.
    Returns per column the chosen candidate (capped when a competitor is close) or None.
    """
    n, m = len(candidates), len(fields)
    if n == 0:
        return []
    col = {k: j for j, k in enumerate(fields)}
    conf = np.zeros((n, m))
    for i, cands in enumerate(candidates):
        for key, c in cands.items():
            if key in col:
                conf[i, col[key]] = c.confidence
    # Columns 0..m-1 are fields, m..m+n-1 are each source's own "unmapped" slot.
    cost = np.full((n, m + n), _FORBIDDEN)
    usable = conf >= MIN_CONFIDENCE
    cost[:, :m][usable] = -conf[usable]
    if headers is not None:  # of numbered look-alikes (Narrative 1, Narrative 2) the first wins a tie
        cost[:, :m] += np.array([[_ordinal(h) * TIE_STEP] for h in headers])
    cost[np.arange(n), m + np.arange(n)] = 0.0
    rows, cols = linear_sum_assignment(cost)
    chosen: list[int | None] = [None] * n
    for r, c in zip(rows, cols, strict=True):
        if c < m and usable[r, c]:
            chosen[r] = int(c)
    owner = {j: i for i, j in enumerate(chosen) if j is not None}

    result: list[Candidate | None] = []
    for i, j in enumerate(chosen):
        if j is None:
            result.append(None)
            continue
        cand = candidates[i][fields[j]]
        rival = _rival(conf, i, j, chosen, owner, fields, headers)
        if rival is not None and cand.confidence < 0.99 and cand.group is None:
            other_conf, other_name = rival
            if other_conf >= cand.confidence - AMBIGUITY_MARGIN:
                cand = replace(
                    cand,
                    confidence=min(cand.confidence, AMBIGUOUS_CAP),
                    ambiguous=True,
                    reason=f"{cand.reason}; ambiguous with {other_name} ({other_conf:.2f})",
                )
        result.append(cand)
    return result


def _rival(
    conf: np.ndarray,
    i: int,
    j: int,
    chosen: list[int | None],
    owner: dict[int, int],
    fields: Sequence[str],
    headers: Sequence[str] | None,
) -> tuple[float, str] | None:
    """The strongest competing pair for (i, j) not already claimed by a stronger pair."""
    mine = conf[i, j]
    best: tuple[float, str] | None = None
    for jj in np.nonzero(conf[i] >= MIN_CONFIDENCE)[0].tolist():
        if jj == j:
            continue
        holder = owner.get(jj)
        if holder is not None and conf[holder, jj] > mine:
            continue  # that field went to a column that fits it better
        if best is None or conf[i, jj] > best[0]:
            best = (float(conf[i, jj]), f'field "{fields[jj]}"')
    for ii in np.nonzero(conf[:, j] >= MIN_CONFIDENCE)[0].tolist():
        if ii == i:
            continue
        own = chosen[ii]
        if own is not None and conf[ii, own] > conf[ii, j]:
            continue  # that column has a better field of its own
        if best is None or conf[ii, j] > best[0]:
            best = (float(conf[ii, j]), f'column "{headers[ii]}"' if headers else f"column #{ii + 1}")
    return best


def warm_up() -> threading.Thread:
    """Start loading what the first plan needs, on a thread (a caller about to read a file
    while it loads): the vocabulary files and the country name tables. The first
    :func:`assign` then finds them loaded."""

    def load() -> None:
        header_lexicon()
        load_country_names()

    thread = threading.Thread(target=load, daemon=True, name="feedline-warm-up")
    thread.start()
    return thread
