"""The state behind the screens: one project, whose judgments are edited, and its history.

No Textual here. The app owns one :class:`Session`; screens read it and ask it to change
judgments, respondents, units and ratings. The class is assembled from one file per job:
judgments and undo (:mod:`.core`), respondents (:mod:`.respondents`), units and ratings
(:mod:`.ratings`), the analysis views (:mod:`.analysis`).
"""

from ahp.tui.session.analysis import NodeCR, disagreement
from ahp.tui.session.core import Edit, Pair, Question, Removal
from ahp.tui.session.session import Session

__all__ = ["Edit", "NodeCR", "Pair", "Question", "Removal", "Session", "disagreement"]
