"""biennien (biên niên, "chronicle"): a time-aware knowledge base of actors and events from Vietnamese news."""
from .pipeline import analyse
from .records import Analysis, Article, EventMention, Mention, RoleObservation, Sentence, Source, TimeExpr

__version__ = "0.1.0"
__all__ = ["analyse", "Analysis", "Article", "EventMention", "Mention", "RoleObservation", "Sentence", "Source",
           "TimeExpr"]
