"""The store: schema and migrations, and the only code that speaks SQL."""
from .db import Store, StoreError

__all__ = ["Store", "StoreError"]
