"""What someone else told the seeker to do, and whether the seeker takes it up as their own.

"someone told me to kill myself", 'my mom said "just kill yourself"', '"Kill yourself," my
brother said' report abuse, not the writer's intent: :func:`told_to_writer` finds such a telling
before a cue's words (a verb of telling and then nothing but the words of an order) or after
them (a quotation that a telling follows), and none where the writer is the one telling ("I
always say I should kys"), where nobody told them ("Nobody told me to kill myself", "I wasn't
told to by anyone") or where the telling comes from inside ("the voices tell me to kill
myself", "my brain keeps telling me I should kys"), which is the seeker's own risk.
:func:`taken_up_after` reads the words after the telling, up to the end of the sentence they
reach into, for the seeker taking it up: an intent or a plan ("... and honestly I want to",
"... I've written my note"), a thought of it ("I'm thinking about it") or agreement ("... and
they're not wrong", "... i agree idk", "maybe I should"), unless what follows the agreement
clearly turns elsewhere ("... I agree it was cruel", "... maybe I should try therapy", "... I
agree with my therapist") or the intent is denied ("... i'm not going to, obviously").
:mod:`carelens.analysis.crisis_context` decides with them which words are the writer's own,
with a cue of their own risk elsewhere in the message as a taking-up too.
"""

from __future__ import annotations

import re

# Someone else telling the seeker to do it, the abuse a seeker reports: "someone told me I
# should kys", "people tell me to kill myself", 'my mom said "just kill yourself"', "I was told
# to kill myself". A verb of telling, maybe "(to) me" or "I" after it, maybe a comma or a colon
# and a quotation's opening mark, and then nothing but the words of an order up to the cue's
# own word ("that I should just go", "to"); not "told me to call if I want to kill myself",
# "people tell me I shouldn't kill myself".
_TELLING = (
    r"(?:told|tell|tells|telling|said|say|says|saying|wrote|write|writes|writing|texted|texts"
    r"|messaged|commented|comments|posted|replied|replies|yelled|yells|shouted|shouts|screamed"
    r"|screams)"
)
_QUOTE_MARK = "[\"'\u201c\u201d\u2018]"
_ORDER = (
    r"(?:to|should|shall|ought\s+to|needs?\s+to|ha(?:ve|s|d)\s+to|must|gotta|got\s+to|better"
    r"|might\s+as\s+well|may\s+as\s+well|just|go|and|fucking|fuckin|fkn|please|pls|plz|already"
    r"|why\s+don'?t\s+(?:you|u))"
)
_TOLD_TO_DO = re.compile(
    rf"\b{_TELLING}(?:\s+(?:to\s+)?(?:me|i))?\s*(?:[,:]\s*)?(?:{_QUOTE_MARK}\s*)?(?:that\s+)?"
    rf"(?:(?:i|you|u|ya)\s+)?(?:{_ORDER}\s+)*$",
    re.IGNORECASE,
)
# The same told in a quotation the telling follows: '"Kill yourself," my brother said'.
_QUOTE_OPENS = re.compile(rf"{_QUOTE_MARK}\s*(?:{_ORDER}\s+)*$", re.IGNORECASE)
_QUOTE_THEN_TOLD = re.compile(
    rf"[,.!?]*\s*[\"'\u201d\u2019][,.!?]*\s*(?:(?!i\b|i'|me\b)\w+\s+){{0,3}}?{_TELLING}\b",
    re.IGNORECASE,
)
# The writer as the subject of such a verb, maybe with auxiliaries, adverbs or a negation
# between: their own telling ("I said I should kys", "I always say I should kill myself", "I
# never said I should kys"), not someone else's after it ("I think my mom said I should kys").
_WRITER_TELLS = re.compile(
    r"\b(?:i|i'?ve|i'?d|i'?ll|i'?m)\s+(?:(?:have|had|would|will|do|did|just|even|really|always"
    r"|often|sometimes|usually|keep|kept|once|also|still|ever|used\s+to|\w+ly|never|not|cannot"
    r"|(?:do|does|did|have|has|had|would|could|should|wo|ca|is|are|was|were)n'?t)\s+){0,3}$",
    re.IGNORECASE,
)
# A telling from inside: voices the seeker hears, their own mind, a god ("the voices tell me
# to kill myself", "my brain keeps telling me I should kys"): the seeker's own risk, a cue.
_INNER_TELLER = re.compile(
    r"\b(?:voices?|hallucinat\w*|brain|head|mind|thoughts?|depression|demons?|intrusive|inner"
    r"|part\s+of\s+me|inside\s+(?:of\s+)?me|everything\s+in\s+me|something|god|devil|satan"
    r"|spirits?)\b",
    re.IGNORECASE,
)
# Where a taking-up ends: its clause's end, a mark that is no word (an emoji, ":(", "...") or
# a word that closes it ("... and I might lol", "... I might idk").
_UPTAKE_END = (
    r"(?=[^\S\n]*(?:[^\w\s']|\n|$|(?:lol|lmao|haha|honestly|tbh|ngl|idk|fr|tho|though|and|but"
    r"|rn|anyway|anyways)\b))"
)
# The rest of a clause with nothing of the writer's own in it ("... and my mom agrees"), up to
# its end: a verdict on something else holds only there ("I agree it was cruel", not "I agree
# it was wrong of me to exist").
_NOTHING_OF_MINE = (
    r"(?:(?!\b(?:i|i'?m|im|i'?d|i'?ll|i'?ve|me|myself|my\s+(?:life|existence|death)|and|but|so"
    r"|because|cause|cuz|though|tho)\b)[^.!?\n,;])*(?:[.!?\n,;]|$|\b(?:and|but|so|because|cause"
    r"|cuz|though|tho)\b)"
)
# A verdict on what was told or on the teller, not on the writer: "it was cruel", "that's not
# normal", "this counts as emotional abuse", "he was out of line".
_JUDGED = (
    r"(?:that|this|it|what\s+(?:he|she|they)\s+(?:did|said|says|does)|he|she|they"
    r"|(?:my|his|her|their|the)\s+[\w']+)(?:'s|s|\s+(?:is|was|were|are|counts\s+as|sounds\s+like"
    r"|seems|seemed|felt|feels|looks))(?:\s+(?:called|considered|classed\s+as|a\s+form\s+of))?"
    r"(?:\s+(?:so|really|totally|completely|pretty|super|very|kinda|kind\s+of|just|definitely"
    r"|absolutely|clearly|obviously|actually|literally|fucking|such|an?))*\s+(?:cruel|wrong"
    r"|abus\w*|harass\w*|bully\w*|(?:messed|fucked|screwed)\s+up|not\s+(?:ok|okay|normal|fine"
    r"|right|acceptable|cool|alright|appropriate)|unacceptable|illegal|awful|horrible|terrible"
    r"|disgusting|toxic|evil|mean|out\s+of\s+line|uncalled\s+for|inappropriate|too\s+far|unfair"
    r"|hurtful|vile|crime|criminal|jerk|asshole|bully|abuser|(?:emotional|verbal|psychological"
    r"|mental)\s+abuse|(?:emotionally|verbally|psychologically)\s+abusive)\b"
    rf"{_NOTHING_OF_MINE}"
)
# The teller (or another) in need of help or in the wrong: "he needs help", "she should
# leave", "he crossed a line".
_THEY_NEED = (
    r"(?:he|she|they|(?:my|his|her|their|the)\s+[\w']+(?:\s+[\w']+)?)(?:\s+(?:really|clearly"
    r"|obviously|seriously|definitely|honestly|just|probably))*\s+(?:(?:needs?|needed)\s+(?:(?:some"
    r"|professional|serious|real|to\s+get|to\s+see|to\s+go\s+to)\s+)*(?:help|therapy|rehab"
    r"|counsel\w*|a\s+therapist)|should(?:\s+(?:really|probably|definitely|just))?\s+(?:be|get"
    r"|leave|move|apologi[sz]e|go|stop|see|know|not|never|seek|face|lose|pay|grow)\b|crossed\s+(?:a"
    r"|the)\s+line|went\s+too\s+far)"
    rf"{_NOTHING_OF_MINE}"
)
# A cause told of what was said, not a verdict on the writer: "it's because he was drunk", "it
# was because I broke her vase".
_CAUSE = (
    r"(?:it|that|this)(?:'s|s|\s+(?:is|was|happened))(?:\s+(?:only|just|all|mostly|partly))?"
    r"\s+(?:because|cause|cuz|bc|since|due\s+to)\b(?![^.!?\n]*\b(?:i'?m|im|i\s+am|i\s+deserve"
    r"|nobody|no\s+one|worthless|useless|pathetic|burden|failure|waste)\b)"
)
# Acts of seeking help or keeping safe from the teller: "try therapy", "tell my mom", "report
# him", "go no contact", "move out", "go to the police", "stay at my grandma's"; not with a
# farewell in its clause ("tell everyone goodbye", "leave them forever").
_HELP_ACT = (
    r"(?:(?:(?:try|start|get|find|see|book|look\s+(?:for|into)|ask\s+for|go\s+(?:to|back\s+to))"
    r"\s+(?:(?:a|an|some|my|the|more|professional)\s+)*(?:therap\w*|counsel\w*|psycholog\w*"
    r"|psychiatr\w*|doctor|gp|help|support|treatment|hotline|helpline|crisis\s+line|lawyer"
    r"|restraining\s+order|cps|social\s+worker)"
    r"|(?:tell|talk\s+to|speak\s+(?:to|with)|ask|reach\s+out\s+to|call|text|message|email|dm"
    r"|contact|report|block|mute|unfriend|unfollow|ignore|record|screenshot|document|confront"
    r"|avoid|warn|show)\s+(?!(?:it\s+(?:quits|a\s+day)|myself|me)\b)[\w'-]+"
    r"|press\s+charges|set\s+(?:some\s+)?boundaries|go\s+(?:no|low)\s+contact|cut\s+(?:off\s+)?"
    r"(?:contact|ties)|cut\s+(?:him|her|them)\s+off|(?:stop|quit)\s+(?:talking|texting"
    r"|speaking|replying|answering|responding|seeing|visiting|hanging\s+out|listening\s+to)"
    r"|move\s+(?:out|away|in\s+with|back\s+in\s+with|schools?)|(?:go\s+)?(?:live|stay)\s+(?:with"
    r"|at|over)|stay\s+away|leave\s+(?:home|the\s+house|(?:him|her|them)\b|for\s+a\s+(?:while|bit"
    r"|few))|leave(?:\s*,\s*|\s+and\s+)(?:go\s+)?(?:live|stay|move)|get\s+(?:away\s+from\s+(?:him|her"
    r"|them|there|home)|out\s+of\s+(?:there|(?:the|that|this|his|her|their|my)\s+(?:house|home"
    r"|place|relationship)))"
    r"|go\s+(?:over\s+)?to\s+(?:(?:my|the|a|an|his|her|our)\s+)?(?:[\w']+\s+)?(?:grand\w*|aunt\w*"
    r"|uncle\w*|friend\w*|cousin\w*|dad\w*|mom\w*|mum\w*|house|place|school|counsel\w*|principal"
    r"|police|cops|teacher|nurse|doctor|hospital|er|office|therapist|work|class|church|bed|hr)\b"
    r"|delete\s+(?:my|the|this|that|her|his|their)\s+[\w'-]+|change\s+(?:schools?|classes"
    r"|(?:my|the)\s+(?:number|school|class|name|account|username|phone|password))"
    r"|not\s+(?:listen|let|take\s+it|talk|reply|respond|engage|believe))"
    r"(?![^.!?\n]{0,30}\b(?:good\s*-?\s*bye|bye|farewell|forever|for\s+good|permanently"
    r"|one\s+last\s+time|for\s+the\s+last\s+time)\b))"
)
# The writer meaning such an act: "I should report him", "I need to set boundaries", "I'll
# call the hotline".
_I_SHOULD_HELP = (
    r"(?:i(?:\s+(?:really|probably|definitely|just|do|still))*\s+(?:should|need\s+to|have\s+to"
    r"|gotta|must|will|could|might|ought\s+to)|i'?ll|ill|i'?m\s+(?:going\s+to|gonna))"
    rf"(?:\s+(?:just|really|probably|definitely|finally|actually))*\s+{_HELP_ACT}"
)
# What agreement or belief turns to when it is not the telling's: a verdict on it or on the
# teller, the teller's need, a cause, the writer's act of help or safety.
_ELSEWHERE = rf"(?:{_JUDGED}|{_THEY_NEED}|{_CAUSE}|{_I_SHOULD_HELP})"
# Agreeing ("I agree", "I don't disagree", "I can't say I disagree") takes the telling up
# unless what follows it, maybe after whom it is with, turns to something else: "I agree it was
# cruel", "I agree with my mom that it was abuse", "I agree that he needs help", "I agree with
# you, I should report it" (a verdict on the writer stays one: "I agree that I'm a burden").
_AGREES = (
    r"(?P<agree>agree[sd]?|agreeing|(?:don'?t|dont|do\s+not|can'?t|cant|cannot)(?:\s+(?:even"
    r"|really|totally|exactly|entirely))?\s+disagree|(?:can'?t|cant|cannot|couldn'?t)\s+(?:really"
    r"\s+)?(?:say|pretend)\s+(?:that\s+)?i\s+disagree)"
    r"(?!(?:\s+(?:with|w/?)(?:\s+(?!(?:and|but|so|because|cause|though)\b)[\w']+){1,4}?)?"
    r"(?:\s+(?:completely|totally|fully|100\s*%|a\s+bit|a\s+little|tho|though|now))*"
    rf"(?:\s+that|\s*[,:-])?\s+{_ELSEWHERE})"
)
# Believing the teller or the telling ("I believe him", "I believe what he said", "I believe
# it", "I believe that more every day") takes it up unless a clause about something else
# follows: "I believe it was cruel", "I believe that's harassment", "I believe it's because he
# was drunk", "I believe it's time to move out", "I believe him when he says he's sorry".
_BELIEVES = (
    rf"believ(?:e[sd]?|ing)(?!\s+(?:that\s+)?(?:{_ELSEWHERE}|(?:it'?s|its)\s+time\s+(?:for\s+me\s+)?"
    rf"to\s+{_HELP_ACT}|(?:him|her|them)\s+when\s+(?:he|she|they)\s+(?:says?|said|tells?|told)))"
    r"\s+(?:them|him|her|em|'em|it|its|that|this|every\s+word|(?:what|everything|all)\s+(?:they"
    r"|he|she)\s+(?:say|says|said|told\s+me)|they'?re\s+right)\b"
)
# After "right", "not wrong" or "a point": what makes it about something else than what was
# told ("she has a point about my chores", "she's right about my grades", "my therapist was
# right about her", "he's right that I failed my exam", "he's right about one thing, I do need
# to study more"), the writer's act of help ("you're right, I should report him", "I wasn't
# wrong to report her") or a place ("he's right behind me", "right across from mine").
_EVERYDAY_FAULT = (
    r"(?:i(?:'m|\s+am|m|'ve\s+been|\s+have\s+been|ve\s+been|\s+was|\s+can\s+be)?(?:\s+(?:so|really"
    r"|too|kinda|a\s+bit|pretty|very))*\s+(?:messy|lazy|loud|late|rude|disorganized|a\s+slob"
    r"|bad\s+at\s+(?:math|school|\w+ing))\b"
    r"|i\s+(?:failed|flunked|skipped|missed|forgot|broke)\s+(?:my|the|a|an|her|his|their)\s+"
    r"(?!(?:life|family|everything|everyone)\b)[\w'-]+"
    r"|i(?:\s+(?:do|really|definitely))*\s+(?:need|have)\s+to\s+(?:study|work\s+harder|try\s+harder"
    r"|clean|do\s+(?:my|more)\s+\w+|get\s+(?:better|my)\s+grades?|be\s+more\s+\w+))"
)
_EVERYDAY_TOPIC = (
    r"(?:grades?|chores|room|bedroom|homework|school\w*|job|work|hair|clothes|outfits?"
    r"|car|phone|money|spending|exams?|tests?|class(?:es)?|studies|studying|mess|messiness"
    r"|attitude|habits?|sleep\w*|schedule|curfew|cooking|driving|music|games|gaming|grammar"
    r"|spelling|manners|cleaning|laundry|dishes|bills|rent)"
)
_ABOUT_ELSE = (
    r"(?!\s+(?:about|on|regarding|when\s+it\s+comes\s+to)\s+(?:(?:my|the|his|her|their|our)\s+"
    rf"(?:[\w']+\s+)?{_EVERYDAY_TOPIC}\b|(?:him|her|them)\b|one\s+thing\s*[,:]?\s+"
    rf"{_EVERYDAY_FAULT}))(?!(?:\s+that|\s*[,:-])\s+(?:{_I_SHOULD_HELP}|{_EVERYDAY_FAULT}"
    r"|it'?s\s+not\s+my\s+fault|it\s+(?:is|was)n'?t\s+my\s+fault))"
)
_RIGHT_ELSE = (
    r"(?![\s-]+wing\b|\s+(?:there|here|next|behind|around|away|now|across|by|beside|outside"
    r"|inside|in\s+front|over|under|up|down|after|before|back|off|then)\b)"
    rf"{_ABOUT_ELSE}"
)
_WRONG_ELSE = rf"(?!\s+to\s+(?:{_HELP_ACT}|tell\s+on))"
# After what someone told them, the seeker taking it up as their own: an intent or a plan
# ("... and honestly I want to", "I'm going to do it tonight", "I'm done", "I've written my
# note", "I wish I had the guts"), a thought of it ("I'm thinking about it") or agreement
# ("maybe they're right", "she's not wrong", "I agree", "part of me believes it", "maybe I
# should", "why not"). Agreement takes it up unless what follows turns to something else
# (:data:`_AGREES`, :data:`_BELIEVES`, :data:`_RIGHT_ELSE`, :data:`_HELP_ACT`); an intent
# that is denied ("I'm not going to, obviously") is none.
_TAKEN_UP = re.compile(
    r"(?P<intent>\b(?:i|i'?m|im|i\s+am|i'?ve|i'?ll|i'?d)\s+(?:(?!(?:not|never|no|dont|wont|cant"
    r"|aint|i)\b)\w+\s+){0,3}?(?:want|wanna|need|gonna|going|plan|planning|tempted|ready|about(?=\s+to\b)"
    r"|considering|might|may|will|should|could|almost\s+did|nearly\s+did|did|try|tried|attempted"
    r"|done|doing\s+(?:it|this|that))(?:\s+to)?(?:\s+(?:just|actually|really|finally|do\s+it"
    r"|do\s+that|it|that|too|as\s+well|now|tonight|today|tomorrow|soon|this\s+time|anyway"
    rf"|so\s+bad(?:ly)?|so\s+much|badly)){{0,3}}{_UPTAKE_END})"
    r"|\b(?:i|i'?m|im|i\s+am|i'?ve\s+been|ive\s+been)\s+(?:\w+\s+){0,3}?(?:thinking|think|thought"
    rf"|considering)(?!\s+(?:that\s+)?{_ELSEWHERE})\s+(?:about\s+|abt\s+|bout\s+|of\s+)?"
    r"(?:it|that(?!\s+(?:comment|message|text|post|remark|day|night|moment|conversation|words?"
    r"|fight|argument|video|tweet|dm)\b)|doing\s+it)\b"
    rf"(?!\s+and\s+(?:decided|chose)\s+to\s+{_HELP_ACT})"
    r"|(?P<right>(?:(?<!what)'re|(?<!what)'s|\b(?:are|is|were|was|might\s+be|may\s+be|could\s+be"
    r"|must\s+be)|\b(?:hes|shes|theyre|thats))\s+(?:(?:probably|totally|so|just|absolutely"
    rf"|kinda|actually|honestly|really|completely|definitely)\s+)?(?:right\b{_RIGHT_ELSE}"
    rf"|not\s+(?:even\s+)?wrong\b{_ABOUT_ELSE}{_WRONG_ELSE}))"
    r"|(?:\b(?:aren'?t|isn'?t|wasn'?t|weren'?t|ain'?t|aint|isnt|arent)\s+(?:\w+\s+)?|\b(?:don'?t"
    r"|dont|do\s+not)\s+think\s+(?:that\s+)?(?:he|she|they)(?:'s|'re|s|re|\s+is|\s+are|\s+was"
    rf"|\s+were)\s+)wrong\b{_ABOUT_ELSE}{_WRONG_ELSE}"
    r"|\b(?:have|has|had|got)\s+a\s+(?:good\s+|fair\s+|valid\s+)?point\b"
    rf"{_ABOUT_ELSE}(?!\s+to\s+(?:make|prove))"
    # agreement: "I agree (with them)", "I kinda believe it", "part of me believes it"
    r"|\b(?:i|i'?m|im|i\s+am|i'?ve|ive|me)\s+(?:(?:kinda|kind\s+of|sort\s+of|actually|really"
    r"|honestly|totally|fully|partly|half|almost|somewhat|starting|beginning|started|begun|been"
    r"|still|genuinely|completely|definitely|100\s*%|to|do|might|think)\s+){0,3}"
    rf"(?:{_AGREES}|{_BELIEVES})"
    r"|\bpart\s+of\s+me\s+(?:\w+\s+){0,2}?(?:believes?|agrees?|wants?\s+to(?!\s+(?:prove|show"
    r"|fight|report|tell|scream|cry|hurt\s+them))|thinks?\s+(?:they|he|she|it|that)|wonders?"
    r"|knows?\s+(?:they|he|she|it))\b"
    rf"|\bshould\s+(?:just\s+|really\s+)?listen(?:\s+to\s+(?:them|him|her|it))?{_UPTAKE_END}"
    # "maybe I should", unless an act of help or safety follows ("maybe I should try therapy")
    r"|\bmaybe\s+(?:i\s+(?:should|will|could|might|ought\s+to)|i'?ll|ill)\b(?!(?:\s+(?:just"
    rf"|really|actually|finally|honestly|seriously|probably|definitely))*\s+{_HELP_ACT})"
    r"|\bwhy\s+not\b(?=\s*(?:[.!?,;\n]|$|(?:lol|lmao|haha|honestly|tbh|ngl)\b))"
    # a plan: "do it tonight", "I've written my note", "I wish I had the guts"
    r"|\b(?:do|doing)\s+it\s+(?:tonight|today|tomorrow|soon|now|this\s+(?:week|weekend|time))\b"
    r"|\bdone\s+with\s+(?:life|living|everything|it\s+all|this\s+life|this\s+world)\b"
    r"|\b(?:written|wrote|writing|write)\s+(?:(?:my|a|the)\s+(?:suicide|goodbye|farewell|last)"
    r"\s+(?:note|letters?)|my\s+note)\b"
    r"|\b(?:wish|if\s+only)\s+i\s+(?:had|have)\s+(?:the\s+)?(?:guts|courage|balls|nerve|strength)"
    r"\b|\b(?:guts|courage|balls|nerve)\s+to\s+(?:do\s+it|go\s+through\s+with\s+it"
    r"|follow\s+through)\b",
    re.IGNORECASE,
)
# Before a telling, a teller that is none: "Nobody told me to kill myself", "No one ever said I
# should", "It's not like anyone told me to"; after it, "I wasn't told to ... by anyone".
_NO_TELLER = re.compile(
    r"\b(?:nobody|no\s*-?\s*one|not\s+(?:a\s+)?(?:single\s+)?(?:one|soul|person)|none\s+of"
    r"\s+(?:them|you|us|my\s+\w+))\s+(?:\w+\s+){0,2}$"
    r"|(?:\b(?:not|never|no)\b|n'?t\b)[^.!?\n]{0,40}?\b(?:anyone|anybody|any\s+one)\s+"
    r"(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_NEGATED_BEFORE = re.compile(r"(?:\b(?:not|never)\b|n'?t\b)[^.!?\n]{0,40}$", re.IGNORECASE)
_BY_ANYONE = re.compile(r"\s*,?\s*by\s+(?:anyone|anybody|any\s+one)\b", re.IGNORECASE)


def told_to_writer(text: str, lead_end: int, end: int) -> bool:
    """Whether someone else told the writer to do what a cue ending at ``end`` says, its own
    word starting at ``lead_end``: a telling before it (:data:`_TOLD_TO_DO`), not the
    writer's own (:data:`_WRITER_TELLS`) nor a negated teller's (:func:`_no_teller`: "Nobody
    told me to kill myself"), or a quotation that a telling follows
    (:data:`_QUOTE_THEN_TOLD`); not a telling from inside (:data:`_INNER_TELLER`)."""
    sentence = re.split(r"[.!?\n]", text[max(0, lead_end - 80) : lead_end])[-1]
    told = _TOLD_TO_DO.search(sentence)
    if told is not None:
        opens = lead_end - len(sentence)
        telling = opens + told.start()
        if _WRITER_TELLS.search(text, max(0, telling - 40), telling) is not None:
            return False
        if _no_teller(text, max(opens, telling - 60), telling, end):
            return False
    elif _QUOTE_OPENS.search(sentence) is not None:
        after = _QUOTE_THEN_TOLD.match(text, end)
        if after is None:
            return False
        telling = after.end()
    else:
        return False
    return _INNER_TELLER.search(text, max(0, telling - 150), telling) is None


def _no_teller(text: str, low: int, telling: int, end: int) -> bool:
    """Whether the telling at ``telling`` (its sentence's words from ``low``) has no teller:
    "Nobody told me to", "It's not like anyone said I should" (:data:`_NO_TELLER`), "I wasn't
    told to kill myself by anyone", the cue ending at ``end``."""
    if _NO_TELLER.search(text, low, telling) is not None:
        return True
    negated = _NEGATED_BEFORE.search(text, low, telling) is not None
    return negated and _BY_ANYONE.match(text, end) is not None


# Before an intent, a word that makes it a relative clause or another's saying: "I did
# everything I could.", "as best I could", "like you said I should".
_RELATIVE_BEFORE = re.compile(
    r"\b(?:everything|anything|whatever|all|best|said|says|say|than)\s+$", re.IGNORECASE
)
# Before "right": a thought of it denied ("I don't think he's right") or thanks to the helper
# that ends the sentence ("thanks, you're right.", not "thanks, you're right, I should just
# die").
_NOT_RIGHT_BEFORE = re.compile(
    r"\b(?:don'?t|dont|do\s+not|never)\s+(?:really\s+)?(?:think|believe|feel\s+like)\s+"
    r"(?:that\s+)?(?:[\w']+\s+){0,2}?[\w']+\s*$",
    re.IGNORECASE,
)
_THANKS_BEFORE = re.compile(r"\b(?:thanks|thank\s+you|thx|ty)\b[\s,.!]*(?:you|u)$", re.IGNORECASE)
_THANKS_AFTER = re.compile(r"[^\w\n]*(?:[.!?\n]|$)")
# After "I agree": with a helper or the forum, and no more ("I agree with my therapist", "I
# agree with the mods", "I agree with the other comments here"), unless the teller is one.
_AGREED_WITH_HELPER = re.compile(
    r"\s+(?:with|w/?)\s+(?:(?:my|the|our|this|that|these|those|all|every|everyone)\s+){0,2}"
    r"(?P<helper>therapist|counsel+ors?|psycholog\w+|psychiatrists?|doctors?|mods|moderators?"
    r"|sub|subreddit|(?:other|top|best)\s+(?:comments?|commenters?|replies|answers?|responses?)"
    r"|comments\s+here|people\s+here|everyone\s+here)\b"
    r"(?=[^\S\n]*(?:[^\w\s']|\n|$)|\s+(?:here|too|on\s+(?:this|that)|lol|tbh|honestly)\b)",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?\n]")


def _uptake_window(text: str, end: int) -> tuple[int, int]:
    """Where the text a taking-up of a telling that ends at ``end`` is read in ends, and where
    a taking-up must start by: the 150 characters after the telling and on to the end of the
    sentence they reach into (at most 150 characters more), so that a clause's end is the
    text's own, never the window's edge ("I agree" cut from "I agree it was cruel"). Without a
    sentence's end there, the text runs on 100 characters past where a taking-up must start,
    for what follows it."""
    reach = end + 150
    stop = _SENTENCE_END.search(text, reach, reach + 150)
    if stop is not None:
        return stop.end(), stop.end()
    return reach + 250, reach + 150


def _set_aside(text: str, start: int, match: re.Match[str], endpos: int) -> bool:
    """Whether a reading of :data:`_TAKEN_UP` (in ``text`` up to ``endpos``) is none by the
    words before it, or by whom the writer agrees with: an intent in a relative clause
    (:data:`_RELATIVE_BEFORE`), "right" after a denied thought or thanks
    (:data:`_NOT_RIGHT_BEFORE`, :data:`_THANKS_BEFORE`), agreement with a helper who is not the
    teller (:data:`_AGREED_WITH_HELPER`: "My therapist says it's abuse and I agree with my
    therapist"), the telling's cue starting at ``start``."""
    if match.group("intent") is not None:
        at = match.start("intent")
        return _RELATIVE_BEFORE.search(text, max(0, at - 20), at) is not None
    if match.group("right") is not None:
        at = match.start("right")
        if _NOT_RIGHT_BEFORE.search(text, max(0, at - 40), at) is not None:
            return True
        thanks = _THANKS_BEFORE.search(text, max(0, at - 20), at) is not None
        return thanks and _THANKS_AFTER.match(text, match.end(), endpos) is not None
    if match.group("agree") is not None:
        helper = _AGREED_WITH_HELPER.match(text, match.end("agree"), endpos)
        if helper is None:
            return False
        telling = _SENTENCE_END.split(text[max(0, start - 150) : start])[-1].lower()
        return helper.group("helper").split()[-1][:5].lower() not in telling
    return False


def taken_up_after(text: str, start: int, end: int) -> bool:
    """Whether the words after a telling's cue at ``text[start:end]`` take it up as the
    writer's own: a reading of :data:`_TAKEN_UP` in :func:`_uptake_window` that
    :func:`_set_aside` does not set aside ("... and honestly I want to", not "... I agree it
    was cruel"). A cue of the writer's own risk elsewhere in the message takes a telling up
    too; :mod:`carelens.analysis.crisis_context` reads that."""
    endpos, limit = _uptake_window(text, end)
    at = end
    while (match := _TAKEN_UP.search(text, at, endpos)) is not None and match.start() < limit:
        if not _set_aside(text, start, match, endpos):
            return True
        at = match.start() + 1
    return False
