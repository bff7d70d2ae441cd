"""Compiled knowledge, built once per process from resources/vi: `names` (the one scan of names,
titles, places, organisations), `shapes` (what a capitalised run is), `events` (triggers and
cues), `dates` (the time grammar)."""
