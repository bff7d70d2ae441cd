"""biennien (biên niên, "chronicle"): a time-aware knowledge base of actors and events from Vietnamese news."""
from .pipeline import analyse
from .records import Analysis, Article, EventMention, Mention, RoleObservation, Sentence, Source, TimeExpr

__version__ = "0.1.0"


def open(path):  # noqa: A001 - biennien.open("kb.db"), as sqlite3.connect
    """Open a knowledge base for questions from Python: see biennien/kb.py and the README."""
    from .kb import KnowledgeBase
    return KnowledgeBase(path)

__all__ = ["analyse", "Analysis", "Article", "EventMention", "Mention", "RoleObservation", "Sentence", "Source",
           "TimeExpr"]
