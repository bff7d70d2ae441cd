"""The store: schema and migrations, and the only code that speaks SQL."""
from .db import DiskFull, Missing, Store, StoreError

__all__ = ["DiskFull", "Missing", "Store", "StoreError"]
