"""What someone else told the seeker to do, and whether the seeker takes it up as their own.

"someone told me to kill myself", 'my mom said "just kill yourself"', '"Kill yourself," my
brother said' report abuse, not the writer's intent: :func:`told_to_writer` finds such a telling
before a cue's words (a verb of telling and then nothing but the words of an order) or after
them (a quotation that a telling follows), and none where the writer is the one telling ("I
always say I should kys"), where nobody told them ("Nobody told me to kill myself", "I wasn't
told to by anyone") or where the telling comes from inside ("the voices tell me to kill
myself", "my brain keeps telling me I should kys", 'my ocd goes "just kill yourself"', "the
shadows whisper that I should": a whisper, a mutter or a hiss is inside unless a person is named
before it), which is the seeker's own risk.
:func:`taken_up_after` reads the words after the telling, up to the end of the sentence they
reach into, for the seeker taking it up: an intent or a plan ("... and honestly I want to",
"... I've written my note"), a thought of it ("I'm thinking about it", "I'll think about it",
"honestly I've thought about it", "I've considered it")
or agreement ("... and they're not wrong", "... i agree idk", "maybe I should"), unless what
follows the agreement clearly turns elsewhere ("... I agree it was cruel", "... maybe I should
try therapy", "... I agree with my therapist"), it is with someone else's saying in between
("my mom says a cat is easier and I think she's right") or the intent is denied ("... i'm not
going to, obviously"; not a denial denied: "I won't pretend I'm not tempted"). No turn elsewhere
holds beside a sign of the writer's own risk in the rest of its sentence
(:data:`~carelens.analysis.crisis_patterns.OWN_RISK`: "... I agree, my life is awful", "...
maybe I should take a walk into traffic"). :mod:`carelens.analysis.crisis_context` decides with
them which words are the writer's own, with a cue of their own risk elsewhere in the message as
a taking-up too.
"""

from __future__ import annotations

import functools
import re

from carelens.analysis.crisis_patterns import OWN_RISK
from carelens.analysis.words import SENTENCE_MARK, sentence_before

# Someone else telling the seeker to do it, the abuse a seeker reports: "someone told me I
# should kys", "people tell me to kill myself", 'my mom said "just kill yourself"', "I was told
# to kill myself". A verb of telling, maybe "(to) me" or "I" after it, maybe a comma or a colon
# and a quotation's opening mark, and then nothing but the words of an order up to the cue's
# own word ("that I should just go", "to"); not "told me to call if I want to kill myself",
# "people tell me I shouldn't kill myself".
_TELLING = (
    r"(?:told|tell|tells|telling|said|say|says|saying|wrote|write|writes|writing|texted|texts"
    r"|texting|messaged|messaging|commented|comments|posted|replied|replies|yelled|yells|shouted"
    r"|shouts|screamed|screams|whisper(?:ed|s|ing)?|mutter(?:ed|s|ing)?|hiss(?:ed|es|ing)?"
    r"|dm'?d|dmed|dms|dming|snapchatted|tweeted|tweets|typed|types)"
)
# A quotation opened after "went", "goes" or "was like": 'my sister went "kill yourself lol"'.
_QUOTING = r"(?:went|goes|was\s+like|is\s+like)"
_QUOTE_MARK = "[\"'\u201c\u201d\u2018]"
_ORDER = (
    r"(?:to|should|shall|ought\s+to|needs?\s+to|ha(?:ve|s|d)\s+to|must|gotta|got\s+to|better"
    r"|might\s+as\s+well|may\s+as\s+well|just|go|and|fucking|fuckin|fkn|please|pls|plz|already"
    r"|why\s+don'?t\s+(?:you|u))"
)
_TOLD_TO_DO = re.compile(
    rf"\b(?:{_TELLING}(?:\s+(?:(?:to|at)\s+)?(?:me|i))?\s*(?:[,:]\s*)?(?:{_QUOTE_MARK}\s*)?"
    rf"|{_QUOTING}\s*[,:]?\s*{_QUOTE_MARK}\s*)(?:that\s+)?(?:(?:i|you|u|ya)\s+)?(?:{_ORDER}\s+)*$",
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
    r"|(?:do|does|did|have|has|had|would|could|should|wo|ca|is|are|was|were)n'?t)\s+){0,3}"
    r"(?:(?:catch|catches|caught|find|finds|found|hear|heard)\s+myself\s+)?$|\bmyself\s+$",
    re.IGNORECASE,
)
# A telling from inside: voices the seeker hears, their own mind, a god ("the voices tell me
# to kill myself", "my brain keeps telling me I should kys"): the seeker's own risk, a cue; not
# a voice message ("sent me a voice memo saying").
_INNER_TELLER = re.compile(
    r"\b(?:voices?(?!\s+(?:memos?|messages?|notes?|mail|chats?|calls?|texts?|recordings?|clips?"
    r"|msgs?))|hallucinat\w*|brain|head|mind|thoughts?|depression|demons?|intrusive|inner"
    r"|part\s+of\s+me|inside\s+(?:of\s+)?me|everything\s+in\s+me|something|god|devil|satan"
    r"|spirits?|ocd|anxiety|(?:my|the)\s+ed|eating\s+disorder|disorder|adhd|bpd|c?-?ptsd|illness"
    r"|trauma|self[\s-]*hat\w*|psychosis|schizo\w*|paranoi\w*|delusions?|shadows|shadow\s+(?:people"
    r"|figures?|man|men|person)|(?:own\s+)?reflection|mirror|(?:man|woman|figure|person|thing|guy"
    r"|girl|lady|face|people|shape)\s+(?:that\s+|who\s+)?i\s+(?:see|hear|keep\s+seeing)|not\s+real)\b",
    re.IGNORECASE,
)
# After the telling, in its sentence, the teller told as unreal: "... whispers kill yourself to
# me every night, i know he's not real".
_UNREAL_AFTER = re.compile(
    r"[^.!?\n]{0,120}?\b(?:not\s+real|isn'?t\s+real|aren'?t\s+real|hallucinat\w*|in\s+my\s+head)\b",
    re.IGNORECASE,
)
# Verbs of telling that are mostly a voice the seeker hears ("the shadows whisper that I
# should", "something hisses"): a telling only from a real person named in their sentence
# before them (:data:`_REAL_TELLER`: "my classmate whispered").
_HUSHED = re.compile(r"whisper\w*|mutter\w*|hiss\w*", re.IGNORECASE)
_REAL_TELLER = re.compile(
    r"\b(?:mom|mum|mother|mama|dad|father|papa|sister|sis|brother|bro|aunt\w*|uncle|cousin|grand\w+"
    r"|nan|nana|granny|step\w+|son|daughter|niece|nephew|wife|husband|partner|ex|bf|gf|boyfriend"
    r"|girlfriend|friends?|classmates?|kids?|guys?|girls?|boys?|people|ppl|someone|somebody|teacher"
    r"|coach|boss|bull(?:y|ies)|stranger|he|she|they|him|her|them|teammates?|coworkers?|roommates?)\b",
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
    r"|hurtful|vile|(?:hate\s+)?crime|criminal|jerk|asshole|bully|abuser|(?:emotional|verbal"
    r"|psychological|mental)\s+abuse|(?:emotionally|verbally|psychologically)\s+abusive)\b"
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
# Before a reading that turns elsewhere: no sign of the writer's own risk in the rest of the
# sentence (:data:`~carelens.analysis.crisis_patterns.OWN_RISK`: "I agree, my life is awful",
# "maybe I should take a walk into traffic", "she's right when she says nobody would miss me"),
# which leaves the telling taken up: a missed crisis is far worse than a false cue.
_NO_RISK = rf"(?![^.!?\n]*?{OWN_RISK})"
# For "maybe I should" and an act of help: no sign of risk in the next 150 characters, past the
# sentence's end too ("maybe I should delete my account. and then delete myself").
_NO_RISK_AHEAD = rf"(?![^\n]{{0,150}}?{OWN_RISK})"
_OWN_RISK = re.compile(OWN_RISK, re.IGNORECASE)
# A cause told of what was said, not a verdict on the writer: "it's because he was drunk", "it
# was because I broke her vase".
_CAUSE = (
    r"(?:it|that|this)(?:'s|s|\s+(?:is|was|happened))(?:\s+(?:only|just|all|mostly|partly))?"
    r"\s+(?:because|cause|cuz|bc|since|due\s+to)\b(?![^.!?\n]*\b(?:i'?m|im|i\s+am|i\s+deserve"
    r"|nobody|no\s+one|worthless|useless|pathetic|burden|failure|waste)\b)"
)
# Acts of seeking help or keeping safe from the teller: "try therapy", "tell my mom", "report
# him", "go no contact", "move out", "go to the police", "stay at my grandma's", or of looking
# after oneself ("get off the internet", "get some sleep", "join a different lunch table"); not
# with a farewell or a death in its clause ("tell everyone goodbye", "leave them forever",
# "feel better when I'm gone").
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
    r"|go\s+(?:over\s+)?to\s+(?:(?:my|the|a|an|his|her|our)\s+)?(?:[\w']+\s+)?(?:grand\w*|aunt\w*|sister\w*|brother\w*"
    r"|uncle\w*|friend\w*|cousin\w*|dad\w*|mom\w*|mum\w*|house|place|school|counsel\w*|principal"
    r"|police|cops|teacher|nurse|doctor|hospital|er|office|therapist|work|class|church|bed|hr)\b"
    r"|delete\s+(?:my|the|this|that|her|his|their)\s+[\w'-]+|change\s+(?:schools?|classes"
    r"|(?:my|the)\s+(?:number|school|class|name|account|username|phone|password))"
    r"|not\s+(?:listen|let|take\s+it|talk|reply|respond|engage|believe)"
    # everyday acts of looking after oneself: "stop reading the replies", "get off the
    # internet", "get some sleep", "spend the summer with my grandparents", "feel better",
    # "join a different lunch table", "take a break from gaming" (not "from life")
    r"|(?:stop|quit)\s+(?:reading|checking|looking\s+at|going\s+on|using|playing|posting"
    r"|scrolling|opening)|(?:get|log|stay|go)\s+off\s+(?:of\s+)?(?:the\s+|my\s+|this\s+)?"
    r"(?:internet|phone|app|social\s+media|reddit|discord|twitter|tiktok|instagram|insta|snap\w*"
    r"|line|computer|games?|xbox|console|online|here)"
    r"|get\s+some\s+(?:sleep|rest|air|fresh\s+air|food"
    r"|sun)|sleep\s+on\s+it|(?:take|have)\s+a\s+(?:nap|shower|bath|walk)|take\s+a\s+break\s+from"
    r"\s+(?!(?:life|living|everything|existing|this\s+world|it\s+all|being\s+alive)\b)"
    r"|spend\s+(?:(?:the|some|more|less|a\s+few|a\s+couple\s+of)\s+)?(?:[\w']+\s+){0,2}?"
    r"(?:with|at)\b|feel\s+better\b|join\s+(?:a|an|the|another|some|different|new)\b"
    r"|(?:switch|transfer)\s+(?:schools?|classes|teams?)|study\b|wear\s+(?:headphones|earbuds"
    r"|earphones)|laugh\s+it\s+off|look\s+for\s+(?:a\s+)?(?:new|another|different)\b|post\s+"
    r"(?:this|it)\s+(?:in|on|to|somewhere))"
    r"(?![^.!?\n]{0,30}\b(?:good\s*-?\s*bye|bye|farewell|forever|for\s+good|permanently"
    r"|one\s+last\s+time|for\s+the\s+last\s+time|never\s+wake|dead|die|gone|heaven)\b))"
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
_ELSEWHERE = rf"(?:{_NO_RISK}(?:{_JUDGED}|{_THEY_NEED}|{_CAUSE}|{_I_SHOULD_HELP}))"
# Agreeing ("I agree", "I don't disagree", "I can't say I disagree") takes the telling up
# unless what follows it, maybe after whom it is with, turns to something else: "I agree it was
# cruel", "I agree with my mom that it was abuse", "I agree that he needs help", "I agree with
# you, I should report it", "I agreed to see the school counselor" (a verdict on the writer
# stays one: "I agree that I'm a burden").
_AGREES = (
    r"(?P<agree>agree[sd]?|agreeing|(?:don'?t|dont|do\s+not|can'?t|cant|cannot)(?:\s+(?:even"
    r"|really|totally|exactly|entirely))?\s+disagree|(?:can'?t|cant|cannot|couldn'?t)\s+(?:really"
    r"\s+)?(?:say|pretend)\s+(?:that\s+)?i\s+disagree)(?![\w'])"
    r"(?!(?:\s+(?:with|w/?)(?:\s+(?!(?:and|but|so|because|cause|though)\b)[\w']+){1,4}?)?"
    r"(?:\s+(?:completely|totally|fully|100\s*%|a\s+bit|a\s+little|tho|though|now))*"
    rf"(?:\s+that|\s*[,:-])?\s+{_ELSEWHERE}"
    # agreeing to an act: "I agreed to see the school counselor", not "I agreed to do it"
    rf"|{_NO_RISK}\s+to\s+(?!(?:do\s+(?:it|that|this|so|what)|die|kill|end|go|it|that|this|them|him|her|what"
    r"|everything|some|a|an|the|certain|every)\b)[a-z]+\b)"
)
# Believing the teller or the telling ("I believe him", "I believe what he said", "I believe
# it", "I believe that more every day") takes it up unless a clause about something else
# follows: "I believe it was cruel", "I believe that's harassment", "I believe it's because he
# was drunk", "I believe it's time to move out", "I believe him when he says he's sorry".
_BELIEVES = (
    rf"believ(?:e[sd]?|ing)(?!{_NO_RISK}\s+(?:that\s+)?(?:{_ELSEWHERE}|(?:it'?s|its)\s+time\s+(?:for\s+me\s+)?"
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
    r"(?!(?:life|family|everything|everyone|whole|entire|heart|hearts|\w+'s\s+heart)\b)[\w'-]+"
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
    rf"(?!{_NO_RISK}\s+(?:about|on(?!\s+the\s+money\b)|regarding|when\s+it\s+comes\s+to)\s+(?:(?:my|the|his"
    r"|her|their|our)\s+"
    rf"(?:[\w']+\s+)?{_EVERYDAY_TOPIC}\b|(?:him|her|them)\b|one\s+thing\s*[,:]?\s+"
    rf"{_EVERYDAY_FAULT}))(?!{_NO_RISK}(?:\s+that|\s*[,:-])\s+(?:{_I_SHOULD_HELP}|{_EVERYDAY_FAULT}"
    r"|it'?s\s+not\s+my\s+fault|it\s+(?:is|was)n'?t\s+my\s+fault))"
)
_WRONG_ELSE = rf"(?!{_NO_RISK}\s+to\s+(?:{_HELP_ACT}|tell\s+on))"
# ... of a place or a time ("right in the middle of class", "right at the lunch table", "right
# on it", "right with me", "right after school", "right then and there", "right when I walked
# in"), of the teller's feeling ("he's right to be mad") or an act of help ("my parents were
# right to call the school"); not "right after all", "right after everything", "right then."
# nor "right up to a point", nor "right when she says ...", and none with a sign of the
# writer's own risk in the rest of the sentence ("right when she says nobody would miss me").
_RIGHT_ELSE = (
    rf"(?!{_NO_RISK}(?:[\s-]+wing\b|\s+(?:there|here|next|behind|around|away|now|across|by|beside"
    r"|outside|inside|in\s+front|over|under|up(?!\s+to\s+a\s+point)|down|after(?!\s+(?:all"
    r"|everything))|before|back|off|then(?=\s+and\s+there)|in\s+(?:the\s+)?(?:middle"
    r"|center|centre)|at\s+(?:the|my|his|her|our|their|school|lunch|home|work|me|us|him|them)"
    r"|on\s+(?:it|time|top|cue|schedule)|with\s+(?:me|us)|when(?!\s+(?:he|she|they|you|u)\s+"
    r"(?:says?|said|tells?|told|calls?|called))|as\s+(?:i|he|she|they|we|the"
    r"|soon)|where|into|through)\b|\s+to\s+(?:be|feel)\s+(?:so\s+|really\s+|a\s+bit\s+)?(?:mad"
    r"|angry|upset|annoyed|pissed|worried|concerned|disappointed|furious|scared|frustrated)\b))"
    rf"{_ABOUT_ELSE}{_WRONG_ELSE}"
)
# After what someone told them, the seeker taking it up as their own: an intent or a plan
# ("... and honestly I want to", "I'm going to do it tonight", "I'm done", "I've written my
# note", "I wish I had the guts"), a thought of it ("I'm thinking about it") or agreement
# ("maybe they're right", "she's not wrong", "I agree", "part of me believes it", "maybe I
# should", "why not"). Agreement takes it up unless what follows turns to something else
# (:data:`_AGREES`, :data:`_BELIEVES`, :data:`_RIGHT_ELSE`, :data:`_HELP_ACT`); an intent
# that is denied ("I'm not going to, obviously") is none. Compiled on first use
# (:func:`_taken_up`).
_TAKEN_UP = (
    r"(?P<intent>\b(?:i|i'?m|im|i\s+am|i'?ve|i'?ll|i'?d)\s+(?:(?!(?:not|never|no|dont|wont|cant"
    r"|aint|i)\b)\w+\s+){0,3}?(?:want|wanna|need|gonna|going|plan|planning|tempted|ready|about(?=\s+to\b)"
    r"|considering|might|may|will|should|could|almost\s+did|nearly\s+did|did|try|tried|attempted"
    r"|done|doing\s+(?:it|this|that))(?:\s+to)?(?:\s+(?:just|actually|really|finally|do\s+it"
    r"|do\s+that|it|that|too|as\s+well|now|tonight|today|tomorrow|soon|this\s+time|anyway"
    rf"|so\s+bad(?:ly)?|so\s+much|badly)){{0,3}}{_UPTAKE_END})"
    r"|\b(?:i|i'?m|im|i\s+am|i'?ve|ive|i\s+have|i\s+had|i'?ll|ill|i'?d)\s+(?:\w+\s+){0,3}?(?:thinking"
    r"|think|thought|considering|consider|considered|contemplat(?:e|ed|ing))"
    rf"(?!\s+(?:that\s+)?{_ELSEWHERE})\s+(?:about\s+|abt\s+|bout\s+|of\s+|on\s+)?"
    r"(?:it|that(?!\s+(?:comment|message|text|post|remark|day|night|moment|conversation|words?"
    r"|fight|argument|video|tweet|dm)\b)|doing\s+(?:it|that|so)|(?:doing\s+)?the\s+same)\b"
    rf"(?!{_NO_RISK}\s+and\s+(?:decided|chose)\s+to\s+{_HELP_ACT})"
    r"|\b(?:i'?ll|ill|i\s+will|i'?d|i\s+would)\s+(?:\w+\s+){0,2}?(?:give\s+it\s+(?:some\s+|a\s+)?"
    r"(?:thought|consideration)|take\s+it\s+into\s+consideration)\b"
    rf"(?!{_NO_RISK}\s+(?:whether|if|about\s+(?:whether|if|telling|reporting|how)))"
    # a denial denied: "I'm not going to pretend I don't want to", "I won't say I'm not
    # tempted", "I can't say I don't want to", "I'm not saying I won't", "I don't not want to"
    r"|\b(?:i'?m|im|i\s+am|i)\s+(?:not\s+(?:going\s+to|gonna|gunna)|won'?t|wont|will\s+not|can'?t"
    r"|cant|cannot|couldn'?t|not)\s+(?:(?:lie|lying)\s*(?:,|and)?\s+)?(?:pretend(?:ing)?"
    r"|say(?:ing)?|deny(?:ing)?|tell\s+(?:you|u))\s+(?:that\s+)?(?:i'?m|im|i\s+am|i|it'?s|its"
    r"|it\s+is|that'?s|thats)\s+(?:not|never|(?:do|would|will|wo|ca|is)n'?t|dont|wont|cant"
    r"|wouldnt|isnt|do\s+not"
    r"|will\s+not|would\s+not|can\s+not)(?:\s+(?:really|even|exactly|totally|sometimes|ever|kind"
    r"\s+of|kinda|a\s+little))*(?:\s+(?:want|wanna|tempted|tempting|appealing|going|gonna|thinking"
    rf"|considering|consider|think|planning|plan|agree|believe|like\s+the\s+idea)\b|{_UPTAKE_END})"
    r"|\b(?:don'?t|dont|do\s+not)\s+not\s+(?:want|wanna|wish|like\s+the\s+idea)\b"
    # doing it: "fine, I'll do it.", "imma do it fr", "I'd do it if I had the means", "might as
    # well do it", "I'll go through with it", "I'll listen to him for once"; agreement: "can't
    # argue with that", "fair enough", "sounds like a plan", "I'll take her advice", "who am I to
    # argue", "tbh same"; a date picked
    r"|\b(?:i'?ll|ill|i\s+will|(?:i'?m|im)\s+(?:gonna|going\s+to|finna)|ima|imma|i'?ma|finna)\s+"
    rf"(?:just\s+|actually\s+|really\s+|finally\s+)?do\s+it{_UPTAKE_END}"
    r"|\bi(?:'?d|\s+would)\s+(?:\w+\s+)?do\s+it\s+if\s+i\b"
    r"|\b(?:might|may)\s+as\s+well\s+(?:just\s+)?(?:do\s+it|go\s+through\s+with\s+it|listen"
    r"(?!\s+to\s+(?:music|a\s+podcast|some|something|my\s+(?:music|playlist)))|do\s+what)\b"
    r"|(?P<argue>\b(?:can'?t|cant|cannot|couldn'?t)\s+(?:really\s+|even\s+)?argue\s+with\s+(?:that"
    rf"|them|him|her|it)\b|\bfair\s+enough{_UPTAKE_END}|\bsounds\s+like\s+a\s+plan\b|\btake\s+"
    r"(?:him|her|them)\s+up\s+on\s+(?:it|that)\b|\btake\s+(?:his|her|their)\s+advice\b"
    r"|\bwho\s+am\s+i\s+to\s+(?:argue|disagree|say\s+(?:no|otherwise))\b)"
    r"|\b(?:i'?ll|ill|i\s+will|gonna|going\s+to|might|want\s+to|wanna)\s+(?:just\s+|finally\s+"
    r"|actually\s+)?(?:go\s+through\s+with\s+it\b|listen\s+to\s+(?:him|her|them)(?:\s+for\s+once)?"
    rf"{_UPTAKE_END})"
    rf"|(?:\b(?:tbh|honestly|ngl|lowkey|and|lol|lmao|fr)|[.!?,;:])\s*same\b{_UPTAKE_END}"
    rf"|\b(?:picked|chosen|chose|set)\s+(?:a|the)\s+(?:date|day){_UPTAKE_END}"
    r"|(?P<right>(?:(?<!what)'re|(?<!what)'s|\b(?:are|is|were|was|might\s+be|may\s+be|could\s+be"
    r"|must\s+be)|\b(?:hes|shes|theyre|thats))\s+(?:(?:probably|totally|so|just|absolutely"
    rf"|kinda|actually|honestly|really|completely|definitely)\s+)?(?:right\b{_RIGHT_ELSE}"
    rf"|(?:correct|spot\s+on|onto\s+something)\b{_ABOUT_ELSE}"
    rf"|not\s+(?:even\s+)?wrong\b{_ABOUT_ELSE}{_WRONG_ELSE}))"
    r"|(?P<wrong>(?:\b(?:aren'?t|isn'?t|wasn'?t|weren'?t|ain'?t|aint|isnt|arent)\s+(?:\w+\s+)?"
    r"|\b(?:don'?t|dont|do\s+not)\s+think\s+(?:that\s+)?(?:he|she|they)(?:'s|'re|s|re|\s+is|\s+are"
    rf"|\s+was|\s+were)\s+)wrong\b{_ABOUT_ELSE}{_WRONG_ELSE})"
    r"|(?P<point>(?:\b(?:have|has|had|got)\s+a\s+(?:good\s+|fair\s+|valid\s+)?|\bsee\s+(?:their|his"
    rf"|her|the)\s+)point\b{_ABOUT_ELSE}(?!\s+to\s+(?:make|prove)))"
    # agreement: "I agree (with them)", "I kinda believe it", "part of me believes it"
    r"|\b(?:i|i'?m|im|i\s+am|i'?ve|ive|me)\s+(?:(?:kinda|kind\s+of|sort\s+of|actually|really"
    r"|honestly|totally|fully|partly|half|almost|somewhat|starting|beginning|started|begun|been"
    r"|still|genuinely|completely|definitely|100\s*%|to|do|might|think)\s+){0,3}"
    rf"(?:{_AGREES}|{_BELIEVES})"
    r"|\bpart\s+of\s+me\s+(?:\w+\s+){0,2}?(?:believes?|agrees?|wants?\s+to(?!\s+(?:prove|show"
    r"|fight|report|tell|scream|cry|hurt\s+them))|thinks?\s+(?:they|he|she|it|that|thats|its)"
    r"|wonders?"
    r"|knows?\s+(?:they|he|she|it))\b"
    rf"|\bshould\s+(?:just\s+|really\s+)?listen(?:\s+to\s+(?:them|him|her|it))?{_UPTAKE_END}"
    # "maybe I should", unless an act of help or safety or an everyday one follows ("maybe I
    # should try therapy", "... not go tomorrow", "... get a new phone number", "... quit the
    # team") and no sign of the writer's own risk ("... take a walk into traffic")
    r"|\bmaybe\s+(?:i\s+(?:should|will|could|might|ought\s+to)|i'?ll|ill)\b(?!"
    rf"{_NO_RISK_AHEAD}(?:\s+(?:just|really|actually|finally|honestly|seriously|probably|definitely))*"
    rf"\s+(?:{_HELP_ACT}|(?:not|tell|call|talk|ask|go\s+to|report|get|see|block|ignore|leave|move"
    r"|change|quit|stop)\b))"
    r"|\bwhy\s+not\b(?=\s*(?:[.!?,;\n]|$|(?:lol|lmao|haha|honestly|tbh|ngl)\b))"
    # a plan: "do it tonight", "I've written my note", "I wish I had the guts"
    r"|\b(?:do|doing)\s+it\s+(?:tonight|today|tomorrow|soon|now|this\s+(?:week|weekend|time))\b"
    r"|\bdone\s+with\s+(?:life|living|everything|it\s+all|this\s+life|this\s+world)\b"
    r"|\b(?:written|wrote|writing|write)\s+(?:(?:my|a|the)\s+(?:suicide|goodbye|farewell|last)"
    r"\s+(?:note|letters?)|my\s+note)\b"
    r"|\b(?:wish|if\s+only)\s+i\s+(?:had|have)\s+(?:the\s+)?(?:guts|courage|balls|nerve|strength)"
    rf"\b(?!{_NO_RISK}\s+to\s+(?:{_HELP_ACT}|stand\s+up|speak\s+up|fight\s+back|say\s+no|leave|tell))"
    r"|\b(?:guts|courage|balls|nerve)\s+to\s+(?:do\s+it|go\s+through\s+with\s+it"
    r"|follow\s+through)\b"
)


@functools.cache
def _taken_up() -> re.Pattern[str]:
    """:data:`_TAKEN_UP` compiled, the first time a telling is read: the pattern holds
    :data:`~carelens.analysis.crisis_patterns.OWN_RISK` once for every turn elsewhere it
    guards (over 100,000 characters in all), and compiling it takes about a third of a
    second, which a process that meets no telling (most messages hold none) never spends."""
    return re.compile(_TAKEN_UP, re.IGNORECASE)


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
        verb = told.group()
        if _WRITER_TELLS.search(text, max(0, telling - 40), telling) is not None:
            return False
        if _no_teller(text, max(opens, telling - 60), telling, end):
            return False
    elif _QUOTE_OPENS.search(sentence) is not None:
        after = _QUOTE_THEN_TOLD.match(text, end)
        if after is None:
            return False
        telling = after.end()
        verb = after.group().split()[-1]  # the telling's verb ends it
    else:
        return False
    if _INNER_TELLER.search(text, max(0, telling - 150), telling) is not None:
        return False
    if _UNREAL_AFTER.match(text, end) is not None:
        return False
    if _HUSHED.match(verb) is None:
        return True
    # whispered, muttered or hissed: a real person's only where one is named in its sentence
    said_by = sentence_before(text, telling)
    return _REAL_TELLER.search(said_by) is not None


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
    r"\b(?:everything|anything|whatever|all|best|than|(?<!\bi\s)(?:said|says|say))\s+$",
    re.IGNORECASE,
)
# Before "right": a thought of it denied ("I don't think he's right") or thanks to the helper
# that ends the sentence ("thanks, you're right.", not "thanks, you're right, I should just
# die").
_NOT_RIGHT_BEFORE = re.compile(
    r"\b(?:don'?t|dont|do\s+not|never)\s+(?:really\s+)?(?:think|believe|feel\s+like)\s+"
    r"(?:that\s+)?(?:[\w']+\s+){0,2}?[\w']+\s*$",
    re.IGNORECASE,
)
_THANKS_BEFORE = re.compile(
    r"\b(?:thanks|thank\s+you|thx|ty)(?:\s+(?:everyone|everybody|all|guys|y'?all|so\s+much))?\b"
    r"[\s,.!]*(?:you|u)(?:\s+(?:guys|all))?$",
    re.IGNORECASE,
)
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
# Someone's saying between a telling and agreement with "right", "not wrong", "a point" or "can't
# argue with": "my mom says a cat is easier and I think she's right" is about what the mom said.
_REPORT = re.compile(
    r"\b(?:(?:my|the|our)\s+(?:[\w']+\s+)?(?P<reporter>[\w']+)|(?P<bare>mom|mum|dad|hr|mods))\s+"
    r"(?:says?|said|thinks?|thought"
    r"|suggest(?:s|ed)?|recommend(?:s|ed)?|reckons?|advised|told\s+me|tells\s+me)\b",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"\b(?:he|she|they|him|her|them|his|hers|their)\b", re.IGNORECASE)
_FEMALE = frozenset(
    (
        *("mom", "mum", "mother", "mama", "sister", "sis", "aunt", "auntie", "grandma", "granny"),
        *("nan", "nana", "girlfriend", "gf", "wife", "stepmom", "stepmother", "stepsister"),
        *("daughter", "niece"),
    )
)
_MALE = frozenset(
    (
        *("dad", "father", "papa", "brother", "bro", "uncle", "grandpa", "boyfriend", "bf"),
        *("husband", "stepdad", "stepfather", "stepbrother", "son", "nephew"),
    )
)


# What was said that is of a piece with the telling, a verdict on the writer: "my mom says I'm
# worthless too and she's right".
_VERDICT_ON_ME = re.compile(
    r"\b(?:worthless|useless|pathetic|burden|failure|waste|disgrace|mistake|loser|better\s+off"
    r"|deserve\w*|nobody|no\s+one|die|dead|kill\w*|kys|disappear|hates?\s+me|ruin\w*)\b",
    re.IGNORECASE,
)
# What was said is advice of an act: "(that) I should go no contact", "we should all run laps",
# "to get a dog".
_ADVICE = re.compile(
    r"\s*(?:(?:that\s+)?(?:i|we|you|u)\s+(?:(?:all|really|probably|just)\s+)*(?:should|could|need\s+to"
    r"|have\s+to|must|ought\s+to|gotta|can)|to)\s+[\w']+",
    re.IGNORECASE,
)
# The agreement's own subject when its words hold it: "shes right", "I don't think he's wrong".
_OWN_SUBJECT = re.compile(
    r"(?:(?:don'?t|dont|do\s+not)\s+think\s+(?:that\s+)?)?(?P<who>hes|shes|theyre|he|she|they)\b",
    re.IGNORECASE,
)


def _about_a_report(text: str, start: int, end: int, at: int, *, subjectless: bool = False) -> bool:
    """Whether agreement at ``at`` is with someone's saying after the telling (its cue at
    ``text[start:end]``) rather than with the telling: the last report before it
    (:data:`_REPORT`) is by someone the telling does not name, nobody else is named in what
    was said (a "he" or "she" there is the reporter only when a kin word tells its sex: "my
    aunt says I can stay with her"), what was said is no verdict on the writer
    (:data:`_VERDICT_ON_ME`), and the agreement's subject may be the reporter ("she" for a
    mother or a counselor, not "he" for a mother). Agreement without a subject ("can't argue
    with that", "fair enough", "who am I to argue": ``subjectless``) is the writer's, with
    advice only (:data:`_ADVICE`: "my therapist said i should go no contact. cant argue with
    that"; not "my mom says everyone would be happier. fair enough")."""
    reports = list(_REPORT.finditer(text, end, at))
    if not reports:
        return False
    report = reports[-1]
    reporter = (report.group("reporter") or report.group("bare")).lower()
    telling = sentence_before(text, start).lower()
    if reporter[:5] in telling:
        return False
    sex = _sex(reporter)
    said = text[report.end() : at]
    if subjectless:
        if _ADVICE.match(said) is None:
            return False
        own, subject = None, "i"
    else:
        own = _OWN_SUBJECT.match(text, at)
        subject = own.group("who") if own is not None else said.split()[-1] if said.split() else ""
        if own is None and subject:
            said = said[: said.rstrip().rindex(subject)]
    if any(sex in ("", "they") or _sex(p.group()) != sex for p in _PRONOUN.finditer(said)):
        return False
    if _VERDICT_ON_ME.search(said) is not None or _OWN_RISK.search(said) is not None:
        return False
    who = _sex(subject.rstrip("'"))
    if who in ("he", "she", "they"):
        return sex in ("", who)
    # a noun: the reporter again ("my mom is right"), not the teller; "I" or "you": the writer
    # or a helper ("I can't argue with that", "you're right")
    return subject.lower() in ("i", "you", "u") or subject.lower()[:5] == reporter[:5]


def _sex(word: str) -> str:
    """The sex a pronoun or a kin word tells: "she" ("her", "mom"), "he" ("him", "dad"), "they"
    ("them", "their"), or "" (any other word: "counselor")."""
    word = word.lower()
    if word in ("she", "her", "hers", "shes") or word in _FEMALE:
        return "she"
    if word in ("he", "him", "his", "hes") or word in _MALE:
        return "he"
    return "they" if word in ("they", "them", "their", "theyre") else ""


def _uptake_window(text: str, end: int) -> tuple[int, int]:
    """Where the text a taking-up of a telling that ends at ``end`` is read in ends, and where
    a taking-up must start by: the 150 characters after the telling and on to the end of the
    sentence they reach into (at most 150 characters more), so that a clause's end is the
    text's own, never the window's edge ("I agree" cut from "I agree it was cruel"). Without a
    sentence's end there, the text runs on 100 characters past where a taking-up must start,
    for what follows it."""
    reach = end + 150
    stop = SENTENCE_MARK.search(text, reach, reach + 150)
    if stop is not None:
        return stop.end(), stop.end()
    return reach + 250, reach + 150


def _set_aside(text: str, start: int, end: int, match: re.Match[str], endpos: int) -> bool:
    """Whether a reading of :data:`_TAKEN_UP` (in ``text`` up to ``endpos``) is none by the
    words before it, or by whom the writer agrees with: an intent in a relative clause
    (:data:`_RELATIVE_BEFORE`), "right" after a denied thought or thanks
    (:data:`_NOT_RIGHT_BEFORE`, :data:`_THANKS_BEFORE`), agreement with a helper who is not the
    teller (:data:`_AGREED_WITH_HELPER`: "My therapist says it's abuse and I agree with my
    therapist") or with someone else's saying (:func:`_about_a_report`: "my mom says a cat is
    easier and I think she's right"), the telling's cue at ``text[start:end]``."""
    agreement = any(match.group(name) is not None for name in ("right", "wrong", "point", "argue"))
    subjectless = match.group("argue") is not None
    if agreement and _about_a_report(text, start, end, match.start(), subjectless=subjectless):
        return True
    if match.group("intent") is not None:
        at = match.start("intent")
        if _RELATIVE_BEFORE.search(text, max(0, at - 20), at) is None:
            return False
        stop = SENTENCE_MARK.search(text, at, endpos)
        return _OWN_RISK.search(text, at, endpos if stop is None else stop.start()) is None
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
        telling = sentence_before(text, start).lower()
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
    taken_up = _taken_up()
    while (match := taken_up.search(text, at, endpos)) is not None and match.start() < limit:
        if not _set_aside(text, start, end, match, endpos):
            return True
        at = match.start() + 1
    return False
