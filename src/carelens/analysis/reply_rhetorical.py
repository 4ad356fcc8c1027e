"""Questions in a helper's reply that blame instead of asking: the answer is the reproach.

"Didn't you read the requirements before you applied?", "How can you resent your own mother
after everything she's done for you?", "And you're surprised?", "How many chances were you
planning to give him?", "So what's the plan, just sit around at your parents' forever?",
"Where were you while all this was starting?", "Why didn't you leave him sooner?", "what were u
even doing in all those revision sessions then??", "Why was she on the sofa on her own in the
first place?", "what would you have done if she wasn't fine?", "what did you do to set him
off?", "Didn't your group tell you to keep away from pubs?". The codebook
counts a rhetorical or hostile question as no exploration, and the blame in it as dismissal;
:func:`rhetorical_spans` finds them for :mod:`carelens.analysis.rules`, which reads them as it
reads the codebook's minimising phrases (raising ``dismissive``, not where a negation or a
report comes before them). Not blame: a question that asks what they did or said ("Didn't you
say you had an appointment?", "Why didn't you tell me sooner? I'd have come"), one of concern
("How can you look after your own kids when you're this exhausted?", "How many times did he
hit you?", "Where were you when you heard?", "What did you do to deserve that? Nothing!") nor a
question they are asked about their feeling ("Are you surprised by how angry you feel?", "Why
did you feel you had to hide it in the first place?").
"""

from __future__ import annotations

import re

from carelens.analysis.reply_spans import gated_spans

_FLAGS = re.IGNORECASE
#: The rest of a question, to its mark.
_TO_MARK = r"[^.!?\n]*\?"
#: Who a "your own ..." question may set against them.
_OWN = (
    r"(?:mother|mum|mom|mam|father|dad|child|children|kids?|son|daughter|family|parents?|sister"
    r"|brother|wife|husband|partner|grandma|grandmother|nan|gran|grandad|grandfather|friend)"
)
_RHETORICAL = (
    # "Didn't you read the requirements before you applied?", "did you not think to check?"
    r"\b(?:did(?:n't|\s+not|nt)\s+(?:you|u)|did\s+(?:you|u)\s+not)\s+(?:(?:even|ever|just|at\s+least)\s+)?"
    r"(?:read|check|think|notice|reali[sz]e|know|learn|plan|bother|listen|research|google"
    r"|consider|wonder|stop\s+to\s+think)\b" + _TO_MARK,
    # "Isn't that literally the whole point?"
    r"\bis(?:n't|nt|\s+that\s+not)\s+(?:that\s+)?(?:(?:literally|kind\s+of|basically|exactly"
    r"|sort\s+of)\s+)?the\s+whole\s+point\b" + _TO_MARK,
    # "How can you resent your own mother", "how could you say that to your own kids"
    r"\bhow\s+(?:can|could|dare)\s+(?:you|u)\s+(?!not\b|be\s+(?:so\s+)?sure\b|tell\b|know\b"
    r"|help\b|cope\b|manage\b|get\b|find\b|make\b|do\b|look\b|take\b|care\b|support\b|protect"
    r"\b|keep\b|feed\b|raise\b)(?:[\w']+\s+){1,3}?your\s+own\s+" + _OWN + r"\b",
    # "after everything she's done for you" set against what they feel
    r"\bafter\s+(?:everything|all)\s+(?:(?:that|which)\s+)?(?:she|he|they|your\s+\w+)\s*(?:'s|'ve"
    r"|\s+has|\s+have|\s+did)?\s+(?:done|sacrificed|given\s+up)\s+for\s+(?:you|u)\b",
    # "And you're surprised?", "are you really surprised?"
    r"(?:^|(?<=[.!?,;:\n]))\s*(?:(?:and|so|but|honestly|seriously)\s+)?(?:you're|youre|you\s+are"
    r"|are\s+(?:you|u)|ur)\s+(?:(?:really|even|honestly|actually|still|seriously)\s+)?surprised"
    r"(?=\s*\?)",
    # "How many chances were you planning to give him?", "how many times do you need telling?"
    r"\bhow\s+many\s+(?:more\s+)?(?:chances|times|warnings|second\s+chances)\s+(?:were|are|do"
    r"|will|would)\s+(?:you|u)\s+(?:planning|going|gonna|need|have|expecting|want|honestly"
    r"|seriously|really)\b" + _TO_MARK,
    # "just sit around at your parents' forever?"
    r"\bjust\s+(?:sit|lie|lay|hang|mope|sulk|stay|live|hide|wait|cry)\b[^.!?\n]*\b(?:forever"
    r"|for\s+ever|all\s+day|for\s+the\s+rest\s+of)\b" + _TO_MARK,
    # "where were you while all this was starting?"
    r"\bwhere\s+were\s+(?:you|u)\s+while\s+(?:all\s+)?(?:this|that)\b" + _TO_MARK,
    # "Why didn't you leave him sooner?", not "why didn't you tell me sooner?"
    r"\bwhy\s+(?:(?:didn't|didnt|haven't|havent)\s+(?:you|u)|did\s+(?:you|u)\s+not)\s+(?:just\s+)?+"
    r"(?!tell|say|call|text|message|reach|ask|come|talk|ring|let\s+(?:me|us))"
    r"[^.!?\n]*\b(?:sooner|earlier|beforehand|in\s+the\s+first\s+place)\s*\?",
    # "what were u even doing in all those revision sessions then??"
    r"\bwhat\s+(?:were|was|are)\s+(?:you|u)\s+(?:even|actually|honestly|seriously)\s+(?:doing"
    r"|thinking|playing\s+at)\b" + _TO_MARK,
    # "Why were you there in the first place?", "Why was she on the sofa on her own in the
    # first place?" (not "why did you feel you had to hide it in the first place?")
    r"\bwhy\s+(?:(?:was|were|did|would|do)\s+(?:you|u)\s+(?!not\b|feel|think|believe|want|need|have\s+to)"
    r"|(?:was|were|is|are)\s+(?:she|he|they|(?:your|the)\s+(?:kids?|baby|toddler|son|daughter"
    r"|child|children|dog|puppy)\b)[^.!?\n]*\b(?:on\s+(?:her|his|their|its)\s+own|alone"
    r"|unsupervised|unattended|left))[^.!?\n]*\bin\s+the\s+first\s+place\s*\?",
    # "And what would you have done if she wasn't fine?"
    r"\bwhat\s+would\s+(?:you|u)\s+have\s+done\s+if\s+(?:she|he|they|it|the\s+\w+|your\s+\w+)"
    r"\s+(?:wasn't|weren't|hadn't|had|was|were|didn't|did|got)\b" + _TO_MARK,
    # "what did you do to set him off?" (not "what did you do to deserve that?": outrage)
    r"\bwhat\s+did\s+(?:you|u)\s+(?:do|say)\s+(?:this\s+time\s+)?to\s+(?:set\s+(?:him|her|them"
    r"|it)\s+off|(?:make|get)\s+(?:him|her|them)\s+(?:so\s+)?(?:angry|mad|upset|cross|shout|yell"
    r"|snap|react|kick\s+off|go\s+off|like\s+that)|provoke|trigger|piss\s+(?:him|her|them)\s+off"
    r"|annoy|wind\s+(?:him|her|them)\s+up|upset)\b" + _TO_MARK,
    # "Didn't your group tell you to keep away from pubs?"
    r"\bdid(?:n't|nt|\s+not)\s+(?:your|ur)\s+\w+(?:\s+\w+)?\s+(?:tell|warn|advise|remind)\s+"
    r"(?:you|u)\s+(?:not\s+)?to\b" + _TO_MARK,
)
_PATTERNS = tuple(re.compile(p, _FLAGS) for p in _RHETORICAL)
#: Words one of the patterns holds: a reply with none is read no further (most replies).
_GATE = re.compile(
    r"\bdid(?:n't|\s+not|nt|\s+(?:you|u)\s+not)\s|\bwhole\s+point|\bhow\s+(?:can|could|dare)\s|after\s+(?:every"
    r"|all)|surprised|\bhow\s+many\s|\bjust\s+\w+\b.*\b(?:forever|for\s+ever|all\s+day|rest\s+of)"
    r"|\bwhere\s+were\s|\bwhy\s+(?:didn't|didnt|did\s|haven't|havent)|\bwhat\s+(?:were|was|are"
    r"|would|did)\s|first\s+place"
)


def rhetorical_spans(response: str) -> list[tuple[int, int]]:
    """Start and end of each question of ``response`` that blames (:data:`_RHETORICAL`),
    leading white space left out, in order; the caller reads negation and quotation before
    them."""
    return gated_spans(response, _GATE, _PATTERNS)
