"""The events stage: event mentions coded in PLOVER/CAMEO. `triggers` runs the stage (one pass of
the trigger trie, then per trigger), `arguments` finds a trigger's arguments in its sentence,
`article` decides what needs the whole article."""
from .triggers import MAX_HITS, find

__all__ = ["MAX_HITS", "find"]
