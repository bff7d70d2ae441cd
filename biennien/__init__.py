"""biennien (biên niên, "chronicle"): a time-aware knowledge base of actors and events from Vietnamese news."""
from .records import Analysis, Article, EventMention, Mention, RoleObservation, Sentence, Source, TimeExpr

__version__ = "0.1.0"


def open(path):  # noqa: A001 - biennien.open("kb.db"), as sqlite3.connect
    """Open a knowledge base for questions from Python: see biennien/kb.py and the README."""
    from .kb import KnowledgeBase
    return KnowledgeBase(path)


def __getattr__(name: str):
    """`biennien.analyse` imports the pipeline (every stage and its data) when first asked for, so a
    command that only reads the store (`biennien who ...`) starts without it."""
    if name == "analyse":
        from .pipeline import analyse
        return analyse
    raise AttributeError(f"module 'biennien' has no attribute {name!r}")


__all__ = ["analyse", "Analysis", "Article", "EventMention", "Mention", "RoleObservation", "Sentence", "Source",
           "TimeExpr"]
