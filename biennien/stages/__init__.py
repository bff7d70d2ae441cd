"""Per-article stages: pure functions of one article plus read-only resources (see pipeline.py)."""
