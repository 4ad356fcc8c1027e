"""Crisis words told as a past the writer has come through: clean time kept, a crisis told as
history beside how they are now.

Two readings set a match of :data:`carelens.analysis.crisis_patterns.PATTERNS` aside, on top of
the checks :mod:`carelens.analysis.crisis_context` gives it (:func:`with_recovered` joins them):

- :func:`clean_time`: the words name what a streak is kept from ("6 months clean from self
  harm today", "1 year since I last hurt myself", "seven years without a suicide attempt",
  "self harm free for 2 years"). A streak that ended ("I was 6 months clean from self harm"),
  and any message with words of a slip or a pull back (:data:`SLIPPING`: "... but I want to
  cut again tonight", "... and I relapsed", "... struggling with urges") stay cues.
- :func:`told_as_history`: a crisis told with a time long past in its sentence (:data:`_PAST`:
  "5 years ago", "in 2016", "when I was 16", "used to", "my old diary", "there was a time")
  in a message that says how well the writer (or the one told of) is now (:data:`_NOW_WELL`:
  "today im planting tomatoes", "I'm 34 now, married", "it can change", "I don't have those
  thoughts anymore"; an age alone, "I'm 16 now", is no such word)
  and holds no word of the crisis now (:data:`SLIPPING`, :data:`_STILL`: "again", "lately",
  "still", "tonight", a wish or an intent). "Last year" and "since 2019" are not long past;
  a wish now in a sentence of its own ("... I'm 30 now. I want to die.") keeps its own cue.

A loss or a past risk told with the writer's wish to follow or a wish of their own now keeps
its cue: those words are in :data:`SLIPPING` ("I want to join him", "want to do it").
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from carelens.analysis.crisis_check import Check
from carelens.analysis.crisis_loss import losses
from carelens.analysis.words import sentence_after, sentence_before

_FLAGS = re.IGNORECASE

_COUNT = r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+few)"
_SPAN = r"(?:days?|weeks?|months?|years?|yrs?)"
# Before the match, the streak kept: "6 months clean from", "a year free of", "1 year since i
# last", "seven years without a", "2 years since my last"; not "was 6 months clean from".
_CLEAN_BEFORE = re.compile(
    rf"(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bhad\s)\b{_COUNT}\s+{_SPAN}\s+(?:(?:clean|free)"
    r"\s+(?:from|of)\s+|since\s+(?:i\s+(?:last\s+)?|my\s+last\s+)|without\s+(?:a\s+|any\s+)?)"
    r"(?:\w+\s+)?$",
    _FLAGS,
)
# After the match, the streak kept: "self harm free for 2 years", "(attempt) clean since 2019".
_CLEAN_AFTER = re.compile(
    rf"\s*(?:attempts?\s+)?[\s-]?(?:free|clean)\s+(?:for\s+{_COUNT}\s+{_SPAN}|since)\b", _FLAGS
)
#: Anywhere in the message: a slip, a pull back, a wish or an intent now (also read by
#: :mod:`carelens.analysis.crisis_topics`).
SLIPPING = re.compile(
    r"\b(?:relaps\w*|slip(?:s|ped|ping)?(?:\s+up)?|broke|broken|break\s+(?:it|my|the)|reset\w*"
    r"|ruin\w*|back\s+to\s+(?:day|zero|square)|again|urges?|tempt\w*|crav\w*|tonight"
    r"|right\s+now|struggl\w*|can'?t\s+(?:stop|cope|do\s+this|go\s+on|take)|miss(?:ing)?\s+"
    r"(?:it|cutting|the\s+(?:blade|pain|feeling))|blades?|razors?|same\s+(?:way|thoughts?|feelings?"
    r"|place)|(?:want|wanted|wanna|wish|need|going|gonna|plan\w*|ready|think\w*|thought)\s+"
    r"(?:to\s+|of\s+|about\s+)?(?:\w+\s+){0,2}?(?:die|dead|do\s+it|try\s+(?:it|again)|end\b|cut"
    r"|hurt|harm|kill|disappear|be\s+gone|join|follow|give\s+up|overdose|od\b|jump|hang|not\s+"
    r"(?:be|exist|live|wake)))|\b(?:brings?|bringing|comes?|coming|came)\s+(?:\w+\s+){0,2}?back"
    r"|\banniversar\w*|\bhang(?:ing)?\s+(?:on|by)\b|\bpush(?:ing)?\s+(?:through|on)\b|\bkeep\s+going"
    r"|\bhold(?:ing)?\s+on\b|\bget(?:ting)?\s+through\b|\bcope\b|\b(?:hard(?:er|est)?|bad|dark|rough)"
    r"\s+(?:times?|days?|nights?|place|weeks?|months?|thoughts)\b|\b(?:burden\w*|worthless|useless"
    r"|hopeless|pointless|numb|empty|no\s+point|better\s+off\s+(?:without\s+me|dead|gone)|nobody\s+cares"
    r"|no\s*one\s+cares|giving\s+up|gave\s+up|tired\s+of\s+(?:living|life|everything|fighting)"
    # Distress or a means now: "it never stopped", "nothing has changed", "what's the point",
    # "the thoughts are back", "getting worse", "i'm not okay", "i feel nothing", "the rope".
    r"|never\s+stopped|(?:nothing|not\s+much)\s+(?:has\s+|have\s+)?changed|(?:see|is|what'?s|whats)"
    r"\s+(?:the|no|a)\s+point|(?:thoughts?|urges?|feelings?|it)\s+(?:are|is|have|has|came|come|keeps?"
    r"\s+coming)\s+back|worse|not\s+(?:ok|okay|fine|good|well|safe|doing\s+(?:well|ok|okay|good))"
    r"|feel(?:s|ing)?\s+(?:nothing|empty|numb|dead|awful|terrible)|ropes?|pills|noose|guns?"
    r"|plan(?:s|ned)?\b|scared\s+(?:of\s+myself|i'?ll|i\s+will))\b",
    _FLAGS,
)
# Anywhere in the message, for a crisis told as history: words of it going on now.
_STILL = re.compile(
    r"\b(?:still|lately|recently|these\s+days|currently|every\s+(?:day|night)|anymore(?<!thoughts"
    r"\sanymore)|any\s+more|since\s+then|these\s+thoughts|nowadays\s+i\s+(?:feel|think))\b",
    _FLAGS,
)
# In the match's sentence, a time long past.
_PAST = re.compile(
    r"\b(?:\d+|a\s+few|several|many|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|\w+teen|twenty|thirty|forty)(?:[\s-]+\w+)?\s+years?\s+ago\b|\b(?:in|back\s+in|that\s+was|during)\s+(?:19|20)\d\d\b|\bwhen\s+i\s+was"
    r"\s+(?:\d+|a\s+(?:teen\w*|kid|child|student)|young(?:er)?|little|in\s+(?:my\s+)?(?:teens"
    r"|twenties|20s|thirties|30s|high\s+school|school|uni|college))\b|\b(?:at|aged)\s+1\d\b|\bas\s+"
    r"a\s+(?:teen\w*|kid|child)\b|\bin\s+my\s+(?:teens|twenties|20s)\b|\bused\s+to\b|\bmy\s+(?:old"
    r"|past|former|younger)\s+|\bthere\s+was\s+a\s+time\b",
    _FLAGS,
)
# Anywhere in the message, how the writer or the one told of is now: well, older, living on.
_NOW_WELL = re.compile(
    r"\b(?:i'?m|im|i\s+am|she'?s|shes|he'?s|hes)\s+(?:now\s+(?:a|an)\s|doing\s+"
    r"(?:well|better|ok(?:ay)?|good|great)|(?:so\s+)?(?:glad|grateful|happy|proud|safe)\b)"
    r"|\b(?:now|today)\b[^.!?\n]{0,40}\b(?:happy|well|better|proud|grateful|glad|thriving|married"
    r"|career|degree|nurse|volunteer\w*|planting|papers|job|girlfriend|boyfriend|partner)\b"
    r"|\b(?:it|things|life)\s+(?:can\s+change|gets?\s+better|becomes?\s+better|got\s+better"
    r"|is\s+(?:good|better|weird\s+and\s+good))\b|\bdon'?t\s+have\s+(?:those|these|the)\s+"
    r"thoughts\s+(?:any\s*more|now)\b|\b(?:she|he|i)\s+made\s+it\b|\bso\s+(?:glad|proud)\b"
    r"|\bbest\s+decision\b|\bjust\s+hope\b|\bstay\s+and\s+see\b",
    _FLAGS,
)


def _rest(text: str, start: int, end: int) -> str:
    """``text`` without the match at ``text[start:end]``: the words a slip or the crisis now
    is read in (a wish told as history holds its own "want to die")."""
    return text[:start] + " \n " + text[end:]


def clean_time(text: str, start: int, end: int) -> bool:
    """Whether the crisis words at ``text[start:end]`` name what a streak is kept from
    (:data:`_CLEAN_BEFORE`, :data:`_CLEAN_AFTER`) in a message without a slip or a pull back
    (:data:`SLIPPING`)."""
    before = sentence_before(text, start, reach=80)
    kept = _CLEAN_BEFORE.search(before) is not None or _CLEAN_AFTER.match(text, end) is not None
    return kept and SLIPPING.search(_rest(text, start, end)) is None


def told_as_history(text: str, start: int, end: int) -> bool:
    """Whether the crisis words at ``text[start:end]`` are told as history: a time long past
    in their sentence (:data:`_PAST`), how things are now in the message (:data:`_NOW_WELL`),
    no word of the crisis now in it (:data:`SLIPPING`, :data:`_STILL`), and no death by
    suicide told in them (:func:`~carelens.analysis.crisis_loss.losses`)."""
    sentence = sentence_before(text, start) + " " + sentence_after(text, end)
    if _PAST.search(sentence) is None or _NOW_WELL.search(text) is None:
        return False
    rest = _rest(text, start, end)
    if SLIPPING.search(rest) is not None or _STILL.search(rest) is not None:
        return False
    return not any(s < end and start < e for s, e in losses(text))


def _recovered(text: str, start: int, end: int) -> bool:
    return clean_time(text, start, end) or told_as_history(text, start, end)


def _both(check: Check | None) -> Check:
    """``check`` (none: every match) and not :func:`_recovered`."""

    def joined(text: str, start: int, end: int) -> bool:
        if check is not None and not check(text, start, end):
            return False
        return not _recovered(text, start, end)

    return joined


def with_recovered(checks: Mapping[str, Check], patterns: tuple[str, ...]) -> dict[str, Check]:
    """``checks`` (a pattern's check of the words around a match) with the readings of this
    module joined for each of ``patterns``: a match is a cue only where its own check holds and
    it is neither clean time kept (:func:`clean_time`) nor a crisis told as history
    (:func:`told_as_history`)."""
    joined = dict(checks)
    for pattern in patterns:
        joined[pattern] = _both(checks.get(pattern))
    return joined
