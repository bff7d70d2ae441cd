"""Tunables: settings.toml beside this module holds every default, documented; a user's file named
by $BIENNIEN_SETTINGS overrides the keys it holds. Modules bind what they use at import
(`BATCH = settings.get("ingest", "batch")`), so tests still monkeypatch the module's name."""
from __future__ import annotations

import functools
import os
import tomllib
from importlib import resources

ENV = "BIENNIEN_SETTINGS"


class SettingsError(ValueError):
    pass


@functools.cache
def defaults() -> dict[str, dict]:
    return tomllib.loads((resources.files(__package__) / "settings.toml").read_text(encoding="utf-8"))


@functools.cache
def table() -> dict[str, dict]:
    """The defaults with the user's file laid over them."""
    merged = {section: dict(values) for section, values in defaults().items()}
    path = os.environ.get(ENV)
    if not path:
        return merged
    try:
        with open(path, "rb") as handle:
            user = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SettingsError(f"{path}: {exc}") from None
    for section, values in user.items():
        if section not in merged or not isinstance(values, dict):
            raise SettingsError(f"{path}: unknown section [{section}]")
        for key, value in values.items():
            if key not in merged[section]:
                raise SettingsError(f"{path}: unknown setting {section}.{key}")
            default = merged[section][key]
            if type(value) is not type(default) and not (isinstance(default, float) and type(value) is int):
                raise SettingsError(f"{path}: {section}.{key} must be a {type(default).__name__}")
            merged[section][key] = type(default)(value)
    return merged


def get(section: str, key: str):
    return table()[section][key]
