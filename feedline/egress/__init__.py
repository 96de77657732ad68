"""Egress: delivering records to destinations (one module per destination kind)."""
