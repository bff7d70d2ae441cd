"""The store: schema and migrations, and the only code that speaks SQL."""
from .db import Missing, Store, StoreError

__all__ = ["Missing", "Store", "StoreError"]
