"""HTTP: one FastAPI app (`create_app(db)`, app.py) serving the JSON API (api.py), the pages
(pages.py) and the questions answered as either from the same parameters (answers.py)."""
from .app import create_app

__all__ = ["create_app"]
