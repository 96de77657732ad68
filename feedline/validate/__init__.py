"""Validation: cast source text to typed values, run hooks, check constraints, vectorized.

>>> result = validate(frame, sheet, enum_maps, hooks=listener.hooks_for("contacts"))  # doctest: +SKIP
>>> result.valid, result.messages, result.record_frame()   # doctest: +SKIP
"""

from feedline.validate.engine import validate
from feedline.validate.hooks import Hook, HookFailure, Record
from feedline.validate.result import Validated, message_counts

__all__ = ["Hook", "HookFailure", "Record", "Validated", "message_counts", "validate"]
