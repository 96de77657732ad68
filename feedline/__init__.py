"""feedline: headless file feeds."""
