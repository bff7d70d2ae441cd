"""The HTTP surface: JSON under /api/, HTML pages and static files, over the same query functions."""
from .app import create_app

__all__ = ["create_app"]
