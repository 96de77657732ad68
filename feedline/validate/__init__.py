"""Validation: cast source text to typed values and check constraints, all vectorized.

>>> result = validate(frame, sheet, enum_maps)   # doctest: +SKIP
>>> result.valid, result.messages, result.to_records()   # doctest: +SKIP
"""

from feedline.validate.engine import Validated, validate

__all__ = ["Validated", "validate"]
