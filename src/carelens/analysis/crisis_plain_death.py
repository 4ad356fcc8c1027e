"""Crisis cues of the writer's death decided, prepared or wished in plain words, often buried in
an everyday post: a death decided by a day, pills saved for when it gets too much, death as the
only way out, goodbye emails drafted, not eating let to end the writer, a burden
to be fixed, and wishes for a fatal accident.

The patterns join :data:`carelens.analysis.crisis_patterns.PATTERNS` (label ``suicide``,
through :mod:`carelens.analysis.crisis_veiled_joins`) and their checks join
:mod:`carelens.analysis.crisis_context`'s (:data:`PLAIN_DEATH_CHECKS`, through
:mod:`carelens.analysis.crisis_veiled`). None is a cue told in a story
(:func:`carelens.analysis.crisis_stories.in_a_story`) nor laughed off (the joined checks read
that: :func:`carelens.analysis.crisis_veiled.with_veiled`).

- :data:`DECIDED_GONE`: "i've kind of decided i won't be", "i've made my mind up that i won't
  be around to see the house sold", "done with life not just ivf, and i mean that"; not a trip
  or a move told (:func:`not_away`), not "decided i won't be at the party".
- :data:`MEANS_SAVED`: "i've got my pills saved up for when it all gets too much"; not
  "saving my pills for when the migraine comes" (the pattern needs the end of bearing it).
- :data:`ONLY_WAY_OUT`: "the only way out of all this is to not be here"; not "the only way out
  is to sell the house".
- :data:`GOODBYE_DRAFTS`: "writing goodbye emails in my drafts folder at night"; not with a job
  left, a move or a retirement told (:func:`not_away`).
- :data:`LET_IT_END_ME`: "i'll just stop eating altogether and let that finish me off"; not
  "stopped eating sugar, let's see" (the pattern needs the end).
- :data:`BURDEN_FIXED`: "i'm a burden to my whole family and i've figured out how to fix that".
- :data:`FATAL_WISH`: "i caught myself hoping the plane would just go down", "i hope the big
  tree falls on my room", "so much easier if i just got in an accident on the way to work", "if
  a doctor told me i had something terminal i'd feel relief", "they want to live and i really
  don't", "i've stopped being careful ... whatever happens happens"; not "hoping the swelling
  would go down", "hope the tree doesn't fall on my car" (:func:`wish_of_harm`).
"""

from __future__ import annotations

import re

from carelens.analysis.crisis_check import Check
from carelens.analysis.crisis_stories import in_a_story

_FLAGS = re.IGNORECASE

#: The writer's death decided (:func:`not_away`).
DECIDED_GONE = (
    r"\b(?:decided|made\s+(?:up\s+)?my\s+mind(?:\s+up)?|settled\s+it|made\s+the\s+decision)\s+"
    r"(?:that\s+)?i\s+(?:won'?t|wont|will\s+not|am\s+not\s+going\s+to|'m\s+not\s+going\s+to)\s+be"
    r"(?:\s+(?:around|here|alive)(?=\s+(?:to\s+see|after|by|for\s+(?:long|much\s+longer)|much"
    r"\s+longer|anymore|any\s+more|when|past|at\s+the\s+end)\b|[\s.,!;]*(?:$|[.,!;]))|(?=[\s.,!;]*"
    r"(?:$|[.!;]|,\s*(?:whatever|anyway|idk|tbh|honestly))))",
    r"\bdone\s+with\s+(?:life|living|being\s+alive)\b(?=[,\s]+(?:not\s+just|and\s+i\s+mean|i\s+mean"
    r"\s+(?:it|that)|for\s+real|for\s+good))",
)
# In the message, a trip, a move or a job left: where the writer will be instead.
_AWAY = re.compile(
    r"\b(?:trip|travel\w*|holiday|vacation|abroad|moving|move|relocat\w*|emigrat\w*|visa|flight"
    r"|new\s+job|leaving\s+(?:the|my)\s+(?:job|company|team)|last\s+day|notice|resign\w*|retir\w*"
    r"|farewell\s+(?:party|lunch|drinks)|party|wedding|christmas\s+dinner|graduat\w*|contract\s+ends"
    r"|maternity|paternity|sabbatical)\b",
    _FLAGS,
)


def not_away(text: str, start: int, end: int) -> bool:
    """A death decided (:data:`DECIDED_GONE`) or goodbye emails drafted
    (:data:`GOODBYE_DRAFTS`) with no trip, move or job left told (:data:`_AWAY`); not in a story."""
    if _AWAY.search(text) is not None:
        return False
    return _plain(text, start, end)


#: Pills saved for when bearing it ends (:func:`_plain`).
MEANS_SAVED = (
    r"\b(?:pills|meds|tablets|medication|painkillers|sleeping\s+pills)\s+(?:saved|stashed|stored"
    r"|hidden|put\s+away|kept|stockpiled)\s+(?:up\s+)?(?:for\s+when|for\s+if|in\s+case)\s+(?:it"
    r"|it\s+all|things|everything|life|this)\s+(?:gets?|becomes?|is)\s+(?:too\s+much|too\s+hard"
    r"|unbearable|too\s+heavy)\b",
    r"\b(?:saved|saving|stashed|stashing|stockpil\w*|hoard\w*)\s+(?:up\s+)?(?:my\s+|some\s+)?(?:pills"
    r"|meds|tablets|medication|painkillers)\s+(?:for\s+when|for\s+if|in\s+case)\s+(?:it|it\s+all"
    r"|things|everything|life|this)\s+(?:gets?|becomes?|is)\s+(?:too\s+much|too\s+hard|unbearable"
    r"|too\s+heavy)\b",
)
#: Death as the only way out (:func:`_plain`).
ONLY_WAY_OUT = (
    r"\bonly\s+(?:way\s+out|escape|answer|solution|option)\b(?:\s+[\w']+){0,4}?\s+(?:is|would\s+be"
    r"|'s)\s+(?:for\s+me\s+)?(?:to\s+)?(?:not\s+(?:be\s+here|exist|be\s+alive|wake\s+up|be\s+around)"
    r"|die|dying|death|end\s+it|end\s+my\s+life|stop\s+existing|disappear\s+for\s+good)\b",
)
#: Goodbye emails, messages or videos drafted (:func:`not_away`; goodbye letters and notes are
#: the farewells', :mod:`carelens.analysis.crisis_farewells`, with their recipients read).
GOODBYE_DRAFTS = (
    r"\b(?:writ\w*|wrote|drafted|drafting|started|have|got|typed|typing|saved)\s+(?:\w+\s+){0,2}?"
    r"goodbye\s+(?:emails?|messages?|texts?|videos?)\b",
)
#: Not eating, sleeping or being treated, let to end the writer (:func:`_plain`).
LET_IT_END_ME = (
    r"\b(?:stop|stopped|stopping|quit)\s+(?:eating|drinking\s+water|taking\s+my\s+(?:meds"
    r"|insulin|medication))\b[^.!?]{0,60}?\blet\s+(?:that|it|this|them)\s+(?:finish\s+me\s+off"
    r"|kill\s+me|take\s+me|end\s+me|do\s+the\s+job)\b",
)
#: A burden to be fixed (:func:`_plain`).
BURDEN_FIXED = (
    r"\bburden\b[^.!?]{0,80}?\b(?:figured|worked|found)\s+out\s+(?:how|a\s+way)\s+to\s+(?:fix|solve"
    r"|sort|end|stop)\s+(?:that|it|this)\b",
)
_NOT = r"(?:(?!(?:doesn'?t|don'?t|won'?t|wont|not|never|isn'?t)\b)[\w']+\s+)"
#: Wishes for a fatal accident or illness (:func:`wish_of_harm`).
FATAL_WISH = (
    r"\bhop(?:e|ed|ing)\s+(?:that\s+)?(?:it|the\s+plane|the\s+flight|we|the\s+bus|the\s+train)\s+"
    r"(?:would|will|'d|might)\s+(?:just\s+)?(?:go\s+down|crash|fall\s+out\s+of\s+the\s+sky)\b",
    r"\bhope\s+(?:that\s+)?(?:the\s+|a\s+)" + _NOT + r"{0,4}?(?:falls?|crash(?:es)?|collapses?"
    r"|lands?)\s+on\s+(?:me|my\s+(?:room|bed|head|bedroom))\b",
    r"\b(?:easier|better|simpler|nicer|a\s+relief)\s+if\s+i\s+(?:just\s+)?(?:got|get|was|were"
    r"|had)\s+(?:in|into|killed\s+in|hit\s+by)\s+(?:an?\s+|some\s+)?(?:accident|crash|car\s+crash"
    r"|fatal\s+\w+)\b",
    r"\bif\s+(?:a\s+|the\s+|my\s+)?(?:doctor|dr|gp|they|someone|anyone)\s+(?:told|said)\s+(?:me\s+)?"
    r"(?:that\s+)?i\s+(?:had|have|was)\s+(?:got\s+)?(?:something\s+|a\s+)?(?:terminal|dying"
    r"|incurable|months\s+to\s+live|weeks\s+to\s+live)\b[^.!?]{0,60}?\b(?:relief|relieved|glad"
    r"|happy|grateful|thankful)\b",
    r"\b(?:they|he|she|who)\s+(?:want|wants|wanted)\s+to\s+live\s+and\s+i\s+(?:really\s+|just\s+)?"
    r"(?:don'?t|do\s+not|dont)\b",
    r"\bi'?(?:ve|\s+have)\s+stopped\s+being\s+careful\b(?!\s+(?:with|about|what))",
)
# In the message, the fatal event's setting: a flight, a storm, a road, the night alone.
_HARM_SETTING = re.compile(
    r"\b(?:plane|flight|flying|turbulence|storm|tree|wind|crash|accident|road|cross\w*|traffic"
    r"|whatever\s+happens|don'?t\s+care\s+(?:if|what)|3\s*am|at\s+night|alone|park|dying"
    r"|terminal|live)\b",
    _FLAGS,
)


def wish_of_harm(text: str, start: int, end: int) -> bool:
    """A fatal wish (:data:`FATAL_WISH`) with its setting in the message
    (:data:`_HARM_SETTING`); not in a story."""
    if _HARM_SETTING.search(text) is None:
        return False
    return _plain(text, start, end)


def _plain(text: str, start: int, end: int) -> bool:
    """Not in a story."""
    return not in_a_story(text, start, end)


#: The patterns of this module (label ``suicide``) and their checks.
PLAIN_DEATH = (
    *DECIDED_GONE,
    *MEANS_SAVED,
    *ONLY_WAY_OUT,
    *GOODBYE_DRAFTS,
    *LET_IT_END_ME,
    *BURDEN_FIXED,
    *FATAL_WISH,
)
PLAIN_DEATH_CHECKS: dict[str, Check] = {
    **dict.fromkeys((*DECIDED_GONE, *GOODBYE_DRAFTS), not_away),
    **dict.fromkeys((*MEANS_SAVED, *ONLY_WAY_OUT, *LET_IT_END_ME, *BURDEN_FIXED), _plain),
    **dict.fromkeys(FATAL_WISH, wish_of_harm),
}
#: For each pattern, the words one of its cues must hold: a message without any of them is not
#: read by it (:mod:`carelens.analysis.crisis_screen`).
PLAIN_DEATH_WORDS: dict[str, str] = {
    DECIDED_GONE[0]: r"decided|made\s+(?:up\s+)?my\s+mind|made\s+the\s+decision|settled\s+it",
    DECIDED_GONE[1]: r"done\s+with\s+(?:life|living|being\s+alive)",
    MEANS_SAVED[0]: r"pills|meds|tablets|medication|painkillers|sleeping\s+pills",
    MEANS_SAVED[1]: r"saved|saving|stashed|stashing|stockpil|hoard",
    ONLY_WAY_OUT[0]: r"only\s+(?:way\s+out|escape|answer|solution|option)",
    GOODBYE_DRAFTS[0]: r"goodbye",
    LET_IT_END_ME[0]: r"let\s+(?:that|it|this|them)\s+(?:finish|kill|take|end|do)\s",
    BURDEN_FIXED[0]: r"burden",
    FATAL_WISH[0]: r"go\s+down|crash|fall\s+out",
    FATAL_WISH[1]: r"falls?\s+on|crash(?:es)?\s+on|collapses?\s+on|lands?\s+on",
    FATAL_WISH[2]: r"accident|crash|car\s+crash|fatal",
    FATAL_WISH[3]: r"terminal|dying|incurable|months\s+to\s+live|weeks\s+to\s+live",
    FATAL_WISH[4]: r"wants?\s+to\s+live|wanted\s+to\s+live",
    FATAL_WISH[5]: r"stopped\s+being\s+careful",
}
