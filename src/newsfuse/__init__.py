"""newsfuse: multi-document news summarization with attribution.

    >>> import newsfuse
    >>> brief = newsfuse.summarize(["First outlet's article ...", "Second outlet's ..."], words=80)
    >>> print(brief.render("markdown"))
"""

from newsfuse.errors import InputError, NewsfuseError
from newsfuse.model import Brief, BriefSentence, Cluster, Document, Source
from newsfuse.pipeline import summarize

__all__ = [
    "Brief",
    "BriefSentence",
    "Cluster",
    "Document",
    "InputError",
    "NewsfuseError",
    "Source",
    "summarize",
]
__version__ = "0.1.0"
