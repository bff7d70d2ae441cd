"""What a question may ask, checked once for the CLI, the API and the pages: dates, countries,
limits and offsets, and the one-line error (`QueryError`, `NotFound`) a bad question gets."""
from __future__ import annotations

import calendar
import re
from datetime import date

from . import settings
from .store import read

DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
COUNTRY = re.compile(r"^[A-Za-z]{3}$")
MAX_LIMIT = settings.get("answers", "max_limit")   # the most items of one list in one answer; `offset` pages through the rest
MAX_OFFSET = settings.get("answers", "max_offset")


class QueryError(ValueError):
    """A bad question, answered in one line. str() is the English line the CLI and the API print;
    `code` and `values` let an interface say the same in its own words (the web pages speak
    Vietnamese, their rows are `error.query.<code>` in web/static/strings.json)."""

    def __init__(self, message: str, code: str = "bad", **values):
        super().__init__(message)
        self.code, self.values = code, values


class NotFound(QueryError):
    """A well-formed question about something the knowledge base does not hold."""


def check_date(value: str | None, what: str = "date") -> str | None:
    if value is None or value == "":
        return None
    if not DATE.match(value):
        raise QueryError(f"{what} must be YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}", "date_format",
                         field=what.lstrip("-"), value=value)
    try:
        _as_date(value)
    except ValueError:
        raise QueryError(f"{what} {value!r} is not a real date", "date_unreal", field=what.lstrip("-"),
                         value=value) from None
    return value


def check_country(value: str | None) -> str | None:
    if not value:
        return None
    if not COUNTRY.match(value):
        raise QueryError(f"country must be an ISO 3166 alpha-3 code such as VNM or LAO, got {value!r}",
                         "country_code", value=value)
    return value.upper()


def check_confidence(value: float | None) -> float | None:
    if value is None:
        return None
    if not 0 <= value <= 1:
        raise QueryError(f"min_confidence must be between 0 and 1, got {value}", "confidence_range", value=value)
    return value


def check_participants(value: str | None) -> str:
    """Which events by who takes part: named (default), none (no identifiable participant), any."""
    value = value or "named"
    if value not in read.PARTICIPANTS:
        raise QueryError(f"participants must be one of {', '.join(read.PARTICIPANTS)}, got {value!r}",
                         "participants_value", value=value)
    return value


def check_limit(limit: int) -> int:
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}, got {limit}", "limit_range", value=limit,
                         max=MAX_LIMIT)
    return limit


def check_offset(offset: int) -> int:
    if not 0 <= offset <= MAX_OFFSET:
        raise QueryError(f"offset must be between 0 and {MAX_OFFSET}, got {offset}", "offset_range", value=offset,
                         max=MAX_OFFSET)
    return offset


def _as_date(value: str, end: bool = False) -> date:
    """A date at any precision as a day: its first day, or its last with end=True."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        y, m = parts
        return date(y, m, calendar.monthrange(y, m)[1] if end else 1)
    return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)
