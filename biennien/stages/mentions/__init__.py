"""The mentions stage: names in an article (persons with their ranks and titles, organisations,
countries, places). `scan` runs the one pass and finds organisations and places, `persons` the
persons and their titles; `doc` is what they share."""
from .scan import find

__all__ = ["find"]
