"""Stories told: a crisis act done in a film, a show, a book, a song or a game, not by a person.

A means (:mod:`carelens.analysis.crisis_methods`), a farewell
(:mod:`carelens.analysis.crisis_farewells`), an overdose or another person's risk
(:mod:`carelens.analysis.crisis_context`) told inside a story is the story's, not the writer's
nor another person's risk: "in the movie he jumps off a bridge at the end", "the episode where
she writes goodbye letters to everyone was so sad", "that book where the main character hangs
himself wrecked me", "i read a story about a girl who took every last one of her pills".
:func:`in_a_story` is the one reading of them all. A story frames the act in its sentence: the
act follows "in the movie", "the episode where", "a book about", "the main character" with
nothing between them that turns to the writer or to real life (the writer, "now", "since", "in
real life", "made me"), or "in the movie" follows the act in a sentence where the writer does
not act. The writer's own act after a story stays a cue ("after that show I've been writing
goodbye letters to my family"), and so does a person's that a story came before ("my sister
watched that show and now she's writing goodbye letters"), a wish modelled on one ("she wants to
jump off a bridge like in the movie"), a story read as a real person's ("... and i'm worried
it's about her") and the wish of the same act after a character's
("the character in the book killed himself and I want to do the same":
:func:`carelens.analysis.crisis_methods.same_act`, which does not read stories). A game frames
its player's acts too ("in gta i jumped off the tallest building", "the character in the game
can jump off the cliff to skip the level"), unless words of a real risk stand in its sentence
("... and i wanted to do it for real"). A missed crisis being worse than a story's false cue,
the reading is narrow: the act is told of the story's third person, not in the writer's words
("a poem about cutting myself"); a real-life episode, scene or character frames nothing ("a
manic episode where she tried to jump", "my mom caused a scene when she said"); a real person
speaking or texting after the frame is a turn ("after the movie ended my sister said"); and the
message turns nowhere else to the writer or a real person ("... i wrote mine tonight", "... i
want to do that", "... she has cuts on her arms"); every other clause of the message is about
the work, its parts, its third person or pure evaluation ("so sad", "wrecked me"), not "did that
yesterday", "mood", "have 40 of them", and no name speaks in the act's sentence ("during the
movie jake said", "jake in the game says"), while a story's person may ("the main character in
the game says she wants to die", "the mc keeps saying"). This module only reads; it states no
cue.
"""

from __future__ import annotations

import re

from carelens.analysis.words import sentence_after, sentence_before

_FLAGS = re.IGNORECASE
# Whose or which work: "the", "that", "my", "netflix's", then at most three words ("the last
# episode", "that new netflix show").
_DET = r"(?:the|a|an|that|this|one|some|my|our|his|her|their|your|[a-z]+'s)\s+(?:[\w'-]+\s+){0,3}?"
# A told work, not a video or a post of a real person ("a video where she says goodbye", "her
# instagram story"), nor a verb ("my sister who plays piano"), nor real life's drama: a story
# only as one read, written or made up ("read a story about", "a short story").
_WORK = (
    r"(?:movies?|films?|(?:tv\s+)?show|episodes?|series|sitcoms?|k-?dramas?|books?|novels?"
    r"|novellas?|(?:short|sad|fictional|bedtime|ghost|love|fan)\s*stor(?:y|ies)|fan\s*fics?|fics?"
    r"|poems?|comics?|manga|anime|cartoons?|play|musicals?|operas?|songs?|lyrics|scenes?"
    r"|finales?)"
)
_READ_STORY = (
    r"\b(?:read|reading|reads|wrote|writing|write|writes)\s+(?:a|the|this|that)\s+"
    r"(?:[\w'-]+\s+)?stor(?:y|ies)\b"
)
# What a frame opens with after the work: "where", "when", "in which", "about", "ends".
_OPENS = r"(?:\s+[\w'-]+){0,4}?\s+(?:where|when|in\s+which|about|ends?|ended|ending|opens|starts)\b"
#: A work framing the words after it: "in the movie", "on that show", "the episode where",
#: "a book about", "the show was so sad when", "read a story about", "the main character".
_WORK_FRAME = re.compile(
    rf"\b(?:in|on|from|during|throughout|at\s+the\s+end\s+of)\s+{_DET}{_WORK}\b"
    rf"|\b{_DET}{_WORK}\b{_OPENS}|{_READ_STORY}{_OPENS}"
    r"|\b(?:the|a|an|this|that|my|our|his|her|their)\s+(?:[\w'-]+\s+){0,2}?(?:characters?"
    r"|protagonists?|narrator|mc)\b"
    # a work's person named by the work: "the show's villain", "that film's hero"
    rf"|\b(?:the|a|an|this|that)\s+(?:[\w'-]+\s+)?{_WORK}'s\s+(?:[\w'-]+\s+)?(?:villain|hero"
    r"|heroine|antagonist|killer|lead)\b",
    _FLAGS,
)
_GAME = (
    r"(?:(?:video\s*|computer\s+|mobile\s+|vr\s+)?games?|gta(?:\s*(?:v|5))?|minecraft|fortnite"
    r"|roblox|skyrim|the\s+sims)"
)
#: A game framing the words after it: "in the game", "in gta", "the game where", "minecraft
#: lets you", "my character"; not "after the game when he got home" (a match played).
_GAME_FRAME = re.compile(
    rf"\b(?:in|on|during)\s+(?:{_DET})?{_GAME}\b|\b(?:{_DET})?{_GAME}\b(?:\s+[\w'-]+){{0,4}}?"
    r"\s+(?:where|in\s+which|lets|let|makes\s+you|has\s+you)\b"
    r"|\bmy\s+(?:character|avatar|sim|guy|player)\b",
    _FLAGS,
)
# The same after the act, in its sentence: "he jumps off a bridge in the movie", "... at the end
# of that episode", "... in gta lol"; not "like in the movie", "as in the book" (a wish
# modelled on a story).
_AFTER = r"^[^.!?\n]{0,80}?(?<!\blike\s)(?<!\bas\s)\b(?:in|on|during|at\s+the\s+end\s+of)\s+"
_WORK_AFTER = re.compile(rf"{_AFTER}{_DET}{_WORK}\b", _FLAGS)
_GAME_AFTER = re.compile(rf"{_AFTER}(?:{_DET})?{_GAME}\b", _FLAGS)
# Between a work's frame and the act, words that turn to the writer or to real life: "after
# that show I've been writing", "the movie made me", "... and now she's", "since then".
# A real person or their message is a turn too: "after the movie ended my sister said", "i was
# on the game when she texted", "he keeps saying".
_TURN = re.compile(
    r"\b(?:i|i'm|im|i've|ive|i'd|i'll|me|myself|my|mine|we|us|our|now|nowadays|since|lately"
    r"|these\s+days|irl|real\s+life|for\s+real|made|makes|making|reminded|inspired|triggered"
    r"|texted|texts|texting|messaged|whispered|called|keeps?\s+saying|kept\s+saying)\b",
    _FLAGS,
)
# The act's own words or those up to it in the first person: "a poem about cutting myself",
# "my song is about slitting my wrists", "in the game we...": the writer's own act.
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|me|my|myself|mine|we|us|our)\b", _FLAGS)
# A story's third person in the frame, up to the act or in it: "she", "the main character",
# "a girl who", "himself"; a story's act is told of one.
_THIRD_PERSON = re.compile(
    r"\b(?:he|she|they|him|her|his|hers|himself|herself|themselves|themself|their|them|someone"
    r"|somebody|everyone|everybody|people|person|guy|girl|man|woman|boy|kid|teen|characters?"
    r"|protagonist|narrator|mc|hero|heroine|villain|killer|singer|mother|father|mom|mum|dad|son"
    r"|daughter|brother|sister|wife|husband|friend|boyfriend|girlfriend|soldier|student)\b",
    _FLAGS,
)
# A real-life "episode" or "scene" or "character": "a manic episode", "had an episode", "caused a
# scene", "his whole character has changed"; none frames a story.
_REAL_LIFE_WORK = re.compile(
    r"\b(?:manic|hypomanic|psychotic|depressive|dissociative|mixed|bipolar|psychiatric|panic|rage"
    r"|mental|had|has|have|having|another)\b(?:\s+[\w'-]+){0,3}?\s+episodes?\b"
    r"|\b(?:caus\w*|made|make|makes|making)\s+(?:[\w'-]+\s+){0,2}?scenes?\b"
    r"|\b(?:whole|entire|true)\s+character\b|\bcharacter\s+(?:has|had|is|was|'s)\s+"
    r"(?:[\w'-]+\s+)?(?:changed|changing|different|gone)\b",
    _FLAGS,
)
# Anywhere else in the message, the writer or a real person turned to the act: "i wrote mine
# tonight", "i want to do that", "i did it again last night", "i think about that every time",
# "i have both in my room", "she has cuts on her arms", "my sister did the same".
_TURN_ELSEWHERE = re.compile(
    r"\bmine\b|\b(?:i|i'm|im|i've|ive|i'd|i'll|ill|me)\s+(?:[\w'-]+\s+){0,2}?(?:do|did|doing"
    r"|done|try|tried|trying|want|wanted|wanting|wanna|gonna|going\s+to|will|plan\w*|start\w*"
    r"|keep|keeps|kept|wish\w*|can'?t\s+stop|cant\s+stop|stood|standing|have|had|got|get\s+it"
    r"|relate|agree|understand|need|should|took|take|cut|hurt|count\w*|sav(?:e|ed|ing)|bought"
    r"|(?:think|thinking|thought)\s+(?:about|of)|looked\s+up|looking\s+(?:at|up)|same|too"
    r"|again)\b|\b(?:she|he|they)\s+(?:has|have|had|'s|is|was)\s+(?:[\w'-]+\s+){0,2}?(?:cuts"
    r"|scars|burns|pills|a\s+rope|razors?|blades?|a\s+gun)\b|\bmy\s+(?:[\w'-]+\s+){0,2}?"
    r"(?:did|does|tried|tries|wants?|wanted|said|says|texted|keeps|is\s+going|'s\s+going)\b",
    _FLAGS,
)
# After the act, words that read a story as a real person's: "i'm worried it's about her",
# "it's not just a story", "based on his own life", "he says he relates", "that's me", "gave
# away his guitar".
_REAL_AFTER = re.compile(
    r"\b(?:about\s+(?:her|him|them|me)(?:sel(?:f|ves))?|about\s+myself|based\s+on\s+(?:her|his|their"
    r"|my)|(?:her|his|their|my)\s+own\s+(?:life|feelings|story|plan)|not\s+(?:just\s+)?(?:a\s+)?"
    r"(?:story|fiction|song|poem)|real\s+life|irl|relat(?:e|es|ed|ing|able)|that'?s\s+(?:me|him|her"
    r"|them|us)|same\s+as\s+(?:me|him|her|them)|(?:gave|giving|gives|give)\s+away)\b",
    _FLAGS,
)
# After a game's frame, a real person or their message: "i was on the game when my sister
# texted", "my guy keeps saying he'll jump".
_GAME_TURN = re.compile(
    r"\b(?:my|our|said|says|saying|told|tells|texted|texts|texting|messaged|whispered|called)\b",
    _FLAGS,
)
# In the sentence of a game, words of a real risk ("in real life", "for real", "i want to die"):
# a game's deaths ("... and died lol") are none.
_REAL_RISK = re.compile(
    r"\b(?:irl|real\s+life|for\s+real|suicid\w*|kill\s+myself|end\s+it|on\s+purpose"
    r"|(?:want|wanted|wanna)\s+to\s+die|(?:didn'?t|don'?t|dont|didnt)\s+want\s+to\s+(?:live"
    r"|be\s+here|exist))\b",
    _FLAGS,
)

# Where a clause of a message ends: a sentence's mark, a comma, a dash, "and", "but".
_CLAUSE_BREAK = re.compile(
    r"[.!?\n;:,]|\s[-\u2013\u2014]+\s|[\u2013\u2014]|\b(?:and|but)\b", _FLAGS
)
# Words that carry nothing in a clause: "lol", "honestly", "anyway", "though".
_FILLER = re.compile(
    r"\b(?:lol|lmao|haha\w*|omg|ugh|wow|honestly|tbh|anyway|anyways|ok|okay|so|though|too"
    r"|also|then|just|yeah|god|damn|man|bro)\b|[^\w\s']",
    _FLAGS,
)
# A clause that names the work or its parts: "the soundtrack is amazing", "such a bleak
# ending", "what a show", "the acting was incredible".
_WORK_PART = re.compile(
    rf"\b(?:{_WORK}|{_GAME}|plot|plots|endings?|the\s+end|acting|actors?|actress\w*|cast"
    r"|seasons?|characters?|writers?|writing|director|directing|soundtrack|script|storyline"
    r"|chapters?|author|cinematography|story|screen|credits|quest|level|mission)\b",
    _FLAGS,
)
# A clause told of a story's third person: "she jumps off the roof", "the girl dies".
_STORY_SUBJECT = re.compile(
    r"^(?:he|she|they|it|(?:the|that|this)\s+(?:[\w'-]+\s+)?(?:girl|guy|boy|man|woman|kid|teen"
    r"|character|protagonist|narrator|mc|hero|heroine|villain|singer|lead))\b",
    _FLAGS,
)
# A clause of pure evaluation, the writer's too: "so sad", "it was beautiful", "cried so
# hard", "wrecked me", "gets me every time", "i still can't believe it".
_EVALUATION = re.compile(
    r"^(?:(?:it|that|this|which|what)\s*(?:'s|s|is|was|were)?\s+)?(?:(?:such|a|an|really|very"
    r"|pretty|kinda|super|absolutely|literally|still|the|most)\s+)*(?:sad|beautiful|bleak|dark"
    r"|heavy|intense|good|great|amazing|powerful|moving|brutal|haunting|devastating|depressing"
    r"|graphic|tragic|twisted|gut-?wrenching|heartbreaking|disturbing|upsetting|messed\s+up"
    r"|well\s+(?:done|made|written|acted)|hard\s+to\s+watch|painful\s+to\s+watch"
    r"|(?:a\s+)?masterpiece)(?:\s+(?:to\s+watch|to\s+read|ending|show|movie|film|book))?$"
    r"|^(?:it\s+|that\s+|this\s+)?(?:wrecked|destroyed|broke|gutted|gets|got|made)\s+me"
    r"(?:\s+(?:every\s+time|cry|sob|sad|tear\s+up))?$"
    r"|^(?:i\s+)?(?:cried|sobbed|bawled)(?:\s+(?:so|really|very|my\s+eyes|for\s+hours"
    r"|hard|out))*$"
    r"|^(?:the\s+[\w'-]+|everyone|everybody|people|they|he|she)\s+(?:loved|liked|hated|praised)"
    r"\s+it$"
    r"|^i\s+(?:still\s+)?(?:can'?t|cannot|couldn'?t)\s+believe\s+it$"
    r"|^(?:i\s+)?(?:couldn'?t|could\s+not|can'?t)\s+(?:watch|stop\s+crying)$",
    _FLAGS,
)
# In a clause, the writer, a real person's word, or a time of real life: "the boy is me",
# "jake said", "since march", "by friday", "every day": the clause is none of the work's.
_REAL_CLAUSE = re.compile(
    r"\b(?:i|i'm|im|i've|ive|i'd|i'll|ill|me|my|myself|mine|we|us|our|you|your|said|says|told"
    r"|tells|texted|texts|messaged|irl|real|actually|yesterday|today|tonight|tomorrow|last\s+night"
    r"|since|every\s+day|everyday|week|weekend|month|year|monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday|morning|night|mood|same|relate\w*)\b",
    _FLAGS,
)
# In the act's sentence, one who speaks or texts, maybe named with the work ("the main
# character in the game says"); a story's pronoun or person may ("the song where she says"), a
# name or a real person may not ("during the movie jake said", "jake in the game says"), and one
# named with the work only a made-up person (:data:`_MADE_UP`: not "this guy in the game says",
# a player).
_SPEAKER = re.compile(
    rf"\b([\w']+)(\s+(?:in|of|on|from)\s+{_DET}(?:{_WORK}|{_GAME}))?\s+(?:said|says|told|tells"
    r"|texted|texts|messaged|whispered)\b",
    _FLAGS,
)
_MADE_UP = re.compile(
    r"(?:character|protagonist|narrator|mc|npc|hero|heroine|villain|antagonist)$", _FLAGS
)
_STORY_SPEAKER = re.compile(
    r"(?:he|she|they|it|who|and|then|character|protagonist|narrator|mc|npc|hero|heroine|villain"
    r"|singer|girl|guy|boy|man|woman|kid|lyrics?|song|line|poem)$",
    _FLAGS,
)
# A story's person who keeps saying the act, right after the frame that names them: "the mc
# keeps saying", "the main character of the game keeps saying" (a real person's saying is a
# turn: "my guy keeps saying").
_PERSON_FRAME = re.compile(r"(?:characters?|protagonists?|narrator|mc)$", _FLAGS)
_KEEPS_SAYING = re.compile(
    rf"^\s*(?:(?:in|of|on|from)\s+{_DET}(?:{_WORK}|{_GAME})\s+)?(?:keeps?|kept)\s+saying$",
    _FLAGS,
)


def _last(frame: re.Pattern[str], before: str, offset: int, text: str) -> re.Match[str] | None:
    """The last match of ``frame`` in ``before`` (which starts at ``offset`` of ``text``) that
    is no real-life episode, scene or character (:data:`_REAL_LIFE_WORK`)."""
    found = None
    for match in frame.finditer(before):
        near = text[max(0, offset + match.start() - 40) : offset + match.end() + 40]
        if _REAL_LIFE_WORK.search(near) is None:
            found = match
    return found


def _turned(before: str, frame: re.Match[str]) -> bool:
    """Whether ``before`` (the act's sentence up to it) turns to the writer, a real person or
    real life after the work's ``frame`` (:data:`_TURN`); a story's person named by the frame
    who keeps saying the act is no turn (:data:`_KEEPS_SAYING`: "the mc keeps saying")."""
    for turn in _TURN.finditer(before, frame.end()):
        said = _KEEPS_SAYING.match(before[frame.end() : turn.end()]) is not None
        if not said or _PERSON_FRAME.search(frame.group()) is None:
            return True
    return False


# A saying word of _GAME_TURN: "the npc in the game says", its speaker named before the frame.
_SAYS = re.compile(r"(?:said|says|saying|told|tells)$", _FLAGS)


def _game_turned(before: str, frame: re.Match[str]) -> bool:
    """Whether ``before`` turns to a real person or their message after a game's ``frame``
    (:data:`_GAME_TURN`); a saying right after the frame ("the npc in the game says") is left
    to the reading of its speaker (:data:`_SPEAKER`), named before the frame."""
    for turn in _GAME_TURN.finditer(before, frame.end()):
        if _SAYS.search(turn.group()) is None or before[frame.end() : turn.start()].strip():
            return True
    return False


def _turned_elsewhere(text: str, start: int, end: int, frame_start: int) -> bool:
    """Whether the message turns to the writer or a real person outside the story's clause
    (:data:`_TURN_ELSEWHERE`, :data:`_REAL_AFTER`): before the frame at ``frame_start`` or
    anywhere after the act at ``text[start:end]``, in later sentences too."""
    if _REAL_AFTER.search(text, end) is not None:
        return True
    return (
        _TURN_ELSEWHERE.search(text, end) is not None
        or _TURN_ELSEWHERE.search(text, 0, frame_start) is not None
    )


def _of_the_work(clause: str) -> bool:
    """Whether ``clause``, one of a message beside a story's act, is plainly about the work:
    empty, or with no writer, real person's word nor time of real life (:data:`_REAL_CLAUSE`)
    and naming the work or its parts (:data:`_WORK_PART`) or told of a story's third person
    (:data:`_STORY_SUBJECT`); or pure evaluation (:data:`_EVALUATION`: "wrecked me")."""
    words = " ".join(_FILLER.sub(" ", clause).split())
    if not words or _EVALUATION.search(words) is not None:
        return True
    if _REAL_CLAUSE.search(words) is not None:
        return False
    return _WORK_PART.search(words) is not None or _STORY_SUBJECT.search(words) is not None


def _story_alone(text: str, start: int, end: int, frame_start: int) -> bool:
    """Whether the story's act at ``text[start:end]``, its clause opening before
    ``frame_start``, stands alone: no one but the story's own speaks in its sentence
    (:data:`_SPEAKER`: "during the movie jake said"), the message turns nowhere to the writer
    or a real person (:func:`_turned_elsewhere`), and every other clause of the message is
    about the work (:func:`_of_the_work`: not "been doing that since march", "mood", "have 40 of
    them in my drawer", "that'll be me by friday")."""
    before, after = sentence_before(text, start), sentence_after(text, end)
    for match in _SPEAKER.finditer(before + text[start:end] + after):
        story = _STORY_SPEAKER if match.group(2) is None else _MADE_UP
        if story.search(match.group(1)) is None:
            return False
    if _turned_elsewhere(text, start, end, frame_start):
        return False
    breaks = list(_CLAUSE_BREAK.finditer(text, 0, frame_start))
    clause_start = breaks[-1].end() if breaks else 0
    tail = _CLAUSE_BREAK.search(text, end)
    clause_end = len(text) if tail is None else tail.start()
    rest = text[:clause_start] + "\n" + text[clause_end:]
    return all(_of_the_work(clause) for clause in _CLAUSE_BREAK.split(rest))


def in_a_story(text: str, start: int, end: int) -> bool:
    """Whether the act at ``text[start:end]`` is told inside a story, of a story's third person
    and nowhere turned to the writer or a real person. A work's frame before it in its
    sentence (:data:`_WORK_FRAME`, not a real-life episode, scene or character:
    :data:`_REAL_LIFE_WORK`) with no turn to the writer, a real person or real life after the
    frame (:data:`_TURN`), or a work named after it ("in the movie") in a sentence where the
    writer does not act; the act and the words up to it in no first person
    (:data:`_FIRST_PERSON`: "a poem about cutting myself") and told of a third person
    (:data:`_THIRD_PERSON`: "she", "the main character"). Or a game's frame before or after it
    (:data:`_GAME_FRAME`), the player's own acts too, without a turn to a real person after the
    frame nor words of a real risk in its sentence (:data:`_REAL_RISK`). Never where the message
    turns to the writer or a real person before the frame or anywhere after the act
    (:func:`_turned_elsewhere`: "there's an episode where she writes goodbye letters. i wrote
    mine tonight", "my daughter wrote a story where the girl says goodbye forever to her
    family and i'm worried it's about her"): a missed crisis is worse than a story's false
    cue."""
    before, after = sentence_before(text, start), sentence_after(text, end)
    offset = start - len(before)
    act = text[start:end]
    work = _last(_WORK_FRAME, before, offset, text)
    if work is not None and not _turned(before, work):
        told = before[work.start() :] + act
        if _FIRST_PERSON.search(act) is None and _THIRD_PERSON.search(told) is not None:
            return _story_alone(text, start, end, offset + work.start())
    if (
        _WORK_AFTER.match(after) is not None
        and _TURN.search(before) is None
        and _FIRST_PERSON.search(act) is None
        and _THIRD_PERSON.search(before + act) is not None
    ):
        return _story_alone(text, start, end, start)
    game = _last(_GAME_FRAME, before, offset, text)
    if game is None and _GAME_AFTER.match(after) is None:
        return False
    if game is not None and _game_turned(before, game):
        return False
    if _REAL_RISK.search(before + act + after) is not None:
        return False
    return _story_alone(text, start, end, start if game is None else offset + game.start())


def not_in_a_story(text: str, start: int, end: int) -> bool:
    """A cue's check for patterns that need no other: the words at ``text[start:end]`` are not
    told in a story (:func:`in_a_story`: "in the show she wants to die")."""
    return not in_a_story(text, start, end)
