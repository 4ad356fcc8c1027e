"""Turning the seeker's own words to the second person, for a suggested opening.

Word swaps only, nothing added: "I feel like a burden" -> "you feel like a burden", "ive", "im"
-> "you've", "you're", "I was" -> "you were"; "we", "our" are turned as well (an opening uses a
clause of those only in a message without "I", :mod:`carelens.analysis.openings`). A curly
apostrophe stays curly, a name keeps its capital ("Sarah left me" -> "Sarah left you") and a
time stays ("4 am"). Nothing inside a web address or handle is turned ("@our_team"), nor quoted
speech ('My mom says "I give up on you"'), nor the "my" of "Oh my god", nor the "I" of an
abbreviation ("I.B.M.") or the numeral of "World War I", nor a name joined by an underscore
("my_score"); an all-capitals "US" or "ME" is turned only in a clause written in capitals ("I
HATE MY LIFE"), or for a lone emphasised "ME" ("nobody cares about ME"). A word whose turning is
in doubt ("I have ME", "Henry I was a king", "Part I and", "id", a quotation cut open, the
seeker's own "you" addressed to someone (:func:`addressed`: "Dad, I miss you"), a word in
a part in another language such as "me" of "Eu me sinto tão sozinha" (:func:`foreign_words`), a
lone "i" among letters spelled out as in "s u i c i d e") is reported, so that the clause is not
offered for an opening.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from carelens.analysis.feeling_words import FEELING_WORDS
from carelens.analysis.quoting import NO_SPACE_RUN
from carelens.analysis.words import (
    ADDRESS,
    COMMON_WORDS,
    DROPPED_I_VERBS,
    SENTENCE,
    WORD,
    plain,
)

#: First-person words; an "I" of an abbreviation ("I.B.M.") is none.
FIRST_PERSON = re.compile(
    r"\b(?:i|i['\u2019]m|im|i['\u2019]ve|ive|i feel|i felt|i am|my)\b(?!\.[^\W\d_])",
    re.IGNORECASE,
)
_SWAPS = {
    "i": "you",
    "i'm": "you're",
    "im": "you're",
    "i've": "you've",
    "ive": "you've",
    "i'd": "you'd",
    "i'll": "you'll",
    "me": "you",
    "my": "your",
    "mine": "yours",
    "myself": "yourself",
    "am": "are",
    # the seeker and others with them ("We moved across the country for my partner's job")
    "we": "you",
    "we're": "you're",
    "we've": "you've",
    "we'd": "you'd",
    "we'll": "you'll",
    "us": "you",
    "our": "your",
    "ours": "yours",
    "ourselves": "yourselves",
}
#: Words of another language than English, common in messages that mix one with English
#: ("Mi mamá no me entiende and I feel so alone", "Eu me sinto tão sozinha"): function words
#: and frequent words of feeling and family of Spanish, Portuguese, French, German and
#: Italian that English does not write ("me", "no", "a", "die", "son", "sin", "con", "per",
#: "bin", "was", "will", "pour", "encore", "solo", "soy", "nada", "amigo", "mutter" are left
#: out). "me" or "mi" in such a part is no English pronoun.
_FOREIGN = frozenset([
    # Spanish
    "que", "qué", "mis", "mí", "tú", "él", "los", "las", "por", "para", "pero", "muy", "estoy",
    "estás", "está", "están", "estaba", "estar", "eres", "somos", "fue", "porque", "porqué",
    "nadie", "siento", "sentir", "tengo", "tiene", "tienes", "quiero", "quiere", "quieres", "nunca",
    "también", "tambien", "más", "mamá", "papá", "entiende", "entiendo", "entienden", "una", "unos",
    "unas", "conmigo", "contigo", "ellos", "ellas", "hoy", "aquí", "ahí", "ahora", "triste",
    "tristeza", "sola", "cansada", "cansado", "puedo", "puede", "puedes", "hermano", "hermana",
    "amiga", "amigas", "novio", "novia", "esposo", "esposa", "hijo", "hija", "hijos", "dios",
    "pues", "nos", "sé", "mío", "mía", "dijo", "dijeron", "quería", "sabe", "sabes", "vez", "mucho",
    "mucha", "muchos", "muchas", "usted", "ustedes", "cuando", "cuándo", "donde", "dónde", "cómo",
    "todos", "toda", "siempre", "alguien", "hacer", "hago", "necesito", "ayuda", "ayúdame",
    "ayudame", "morir", "morirme", "muerte", "muerto", "muerta", "matarme", "vivir", "llorar",
    "lloro", "odio", "feliz", "mejor", "peor", "madre", "familia", "trabajo", "escuela", "corazón",
    "bien", "bueno", "buena", "malo", "eso", "esto", "esta", "este", "ese", "nosotros", "quién",
    "hola", "pq", "xq",
    # Portuguese
    "não", "nao", "você", "voce", "vc", "minha", "meu", "meus", "minhas", "muito", "muita", "estou",
    "tô", "tá", "sou", "ninguém", "ninguem", "mãe", "ele", "nós", "tão", "sozinha", "sozinho",
    "quero", "sinto", "tenho", "isso", "isto", "essa", "esse", "aqui", "obrigado", "obrigada",
    "morrer", "comigo", "mim", "pra", "nem", "vou", "vai", "ainda", "tudo", "coisa", "então",
    "porquê", "é", "já", "só", "sei", "acho", "gente",
    # French
    "je", "j'ai", "j'suis", "j'sais", "j'en", "j'me", "c'est", "n'est", "qu'il", "qu'elle", "t'es",
    "suis", "moi", "toi", "mais", "très", "avec", "rien", "vous", "nous", "parce", "qui", "quoi",
    "une", "toute", "tous", "seul", "seule", "comme", "quand", "pourquoi", "oui", "vraiment",
    "beaucoup", "toujours", "jamais", "aussi", "avoir", "être", "ça", "déjà", "fatigué", "fatiguée",
    "veux", "peux", "sais", "mère", "père", "ils", "elles", "mourir", "personne", "sur", "copain",
    "copine",
    # German
    "ich", "mich", "mein", "meine", "meinen", "meiner", "dich", "dein", "deine", "nicht", "und",
    "habe", "hab", "sehr", "aber", "ein", "eine", "einen", "kein", "keine", "keiner", "auch", "nur",
    "noch", "wie", "weil", "dass", "allein", "traurig", "müde", "niemand", "immer", "nichts",
    "vater", "leben", "sterben", "hilfe", "bitte", "zu", "sich", "wir", "ihr", "sie", "bist",
    "sind", "fühle", "kann", "können", "möchte", "weiß", "weiss", "wieder", "einfach", "heute",
    "schule", "freunde", "freundin", "freund", "familie", "hier", "jetzt", "warum", "nein", "schon",
    "doch", "oder", "alles", "wenn", "denn", "dann", "geht", "zum", "zur", "vom", "beim", "ganz",
    "viel", "scheiße", "scheisse", "dir",
    # Italian
    "sono", "mio", "miei", "mie", "perché", "perche", "anche", "molto", "niente", "nessuno",
    "nessuna", "voglio", "posso", "dello", "questo", "questa", "loro", "morire", "aiuto", "aiutami",
    "stanca", "stanco", "più", "però", "cosa", "tutto", "tutti", "è", "sto", "stai", "piango",
    "gli", "dei",
])  # fmt: skip
#: ... and words of another language that English writes in capitals as an abbreviation or
#: a code ("LA", "MI", "EST", "MIT", "EU", "DU"): of another language only when not all
#: capitals.
_FOREIGN_SMALL = frozenset([
    "la", "le", "el", "de", "en", "un", "se", "il", "et", "est", "du", "ne", "mi", "es", "tu",
    "te", "eu", "ao", "ja", "ni", "io", "ti", "ci", "mit", "mir", "der", "das", "dem", "mes",
    "ist", "y",
])  # fmt: skip
#: ... and words of another language that are names in English ("Mia", "Ella", "Del",
#: "Mon"): of another language only in lower case.
_FOREIGN_NAMES = frozenset([
    "mia", "ella", "elle", "vida", "mas", "lei", "lui", "mai", "pai", "ela", "les", "des",
    "si", "che", "del", "mal", "dans", "mon", "vita", "casa", "su", "ami", "pas", "della",
    "nel", "uma", "esa",
])  # fmt: skip
#: Foreign letters: a lower-case word with one of these is of another language
#: ("sozinha", "scheiße", "müde"), unless English borrowed it (:data:`_BORROWED`); an English
#: word may carry other accents ("café", "naïve", "résumé", "fiancé").
_FOREIGN_LETTERS = re.compile("[ãõñßçäöü]")
#: English words written with a letter of :data:`_FOREIGN_LETTERS`.
_BORROWED = frozenset([
    "jalapeño", "jalapeños", "piñata", "piñatas", "piña", "señor", "señora", "señorita",
    "niño", "niña", "mañana", "cañon", "cañón", "façade", "façades", "garçon", "soupçon",
    "aperçu", "curaçao", "über", "doppelgänger",
])  # fmt: skip
#: A Spanish question or exclamation opens with one of these ("¿por qué?", "¡no puedo!").
_INVERTED_MARK = re.compile("[¿¡]")
#: What splits a clause into the parts one of which may be in another language: marks and
#: English conjunctions ("Eu me sinto tão sozinha and I feel so alone").
_FOREIGN_PART_BREAK = re.compile(
    r"[,;:.!?()\u2013\u2014]|\s-\s|\b(?:and|but|so|because|or)\b", re.IGNORECASE
)
#: Letters spelled out one by one, three or more ("s u i c i d e"): a lone "i" among them is
#: no pronoun.
SPELLED_OUT = re.compile(r"(?<![\w'\u2019])[^\W\d_](?:[ \t]+[^\W\d_]){2,}(?![\w'\u2019])")
#: "am" right after a number is the time of day ("4 am", "10:30am", "at five am"), not a verb.
_TIME_BEFORE_AM = re.compile(
    r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\s*$",
    re.IGNORECASE,
)
#: "I" before a full stop and a letter is part of an abbreviation ("I.B.M."), no pronoun.
_ABBREVIATION_AFTER = re.compile(r"\.[^\W\d_]")
#: An all-capitals word after one of these is a noun, not a pronoun ("the US", "THE US").
_ARTICLES = frozenset(["the", "a", "an"])
#: Lower-case words that may follow the pronoun "I" ("Sarah I miss you", "At Christmas I
#: feel alone"); after a capitalised word inside a sentence, an "I" followed by anything else
#: may be a numeral ("World War I and", "after Henry I", "Part I").
_AFTER_I = DROPPED_I_VERBS | frozenset([
    "am", "was", "wasn't", "were", "do", "did", "does", "can", "could", "would", "will",
    "should", "shall", "may", "might", "must", "won't", "wouldn't", "couldn't", "shouldn't",
    "haven't", "hadn't", "just", "really", "never", "always", "still", "also", "only", "even",
    "often", "usually", "sometimes", "finally", "recently", "already", "feel", "think",
    "wish", "hope", "say", "said", "see", "get", "go", "try", "mean", "like", "hear", "lost",
    "cry", "cried", "cannot", "kinda", "literally", "actually", "honestly",
    "basically", "totally", "probably", "definitely", "barely", "hardly", "almost", "used",
])  # fmt: skip
#: An "I" after one of these is the pronoun ("Then I", "And I", "My I..."), never a numeral.
_NO_NUMERAL_AFTER = COMMON_WORDS | frozenset(_SWAPS)
#: A capital "I" right after "World War" is the numeral, whatever follows ("World War I was
#: brutal"): no pronoun, and nothing in doubt.
_WORLD_WAR_BEFORE = re.compile(r"\bworld\s+war\s+$", re.IGNORECASE)
#: Names that monarchs bear with the numeral "I" ("Henry I", "Elizabeth I"). Written with a
#: capital right before a capital "I", they make it a numeral in doubt wherever they stand,
#: also first in a sentence ("Henry I was a king"), where any word has a capital: so only
#: these names do, never "Then I was", "Mom I was", "Sorry I was" or "Sarah I was wrong".
_REGNAL_NAMES = frozenset([
    "henry", "elizabeth", "charles", "james", "richard", "william", "edward", "george",
    "mary", "louis", "peter", "catherine", "alexander", "nicholas", "frederick", "philip",
    "napoleon", "ferdinand", "isabella", "leopold", "wilhelm", "francis",
])  # fmt: skip
#: Nouns numbered with Roman numerals ("Part I", "Type I diabetes", "Stage I cancer"):
#: capitalised right before a capital "I", they make it a numeral in doubt, first in a
#: sentence too ("Type I diabetes runs in my family").
_NUMBERED = frozenset([
    "part", "chapter", "act", "volume", "book", "phase", "stage", "type", "season", "episode",
])  # fmt: skip
#: After "I and", these open the others the seeker names with themselves ("On Monday I and
#: the team said we'd finish it"), after a word of :data:`_TIME_NAMES`.
_WITH_OTHERS = frozenset([
    "the", "my", "our", "his", "her", "their", "a", "an", "some", "two", "three", "both",
])  # fmt: skip
#: Capitalised words that name a day, a month or a holiday ("On Monday", "In March", "At
#: Christmas"): an "I" after one, before "and" and a word of :data:`_WITH_OTHERS`, is the
#: pronoun. After a name it may be a numeral whatever follows ("about Henryk I and his
#: court", "the Mark I and the Mark II").
_TIME_NAMES = frozenset([
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "christmas", "easter", "thanksgiving", "halloween", "xmas",
    "ramadan", "eid", "diwali", "hanukkah", "passover", "valentine's",
])  # fmt: skip
#: After one of these, a name is the one told something and the "I" after it begins what
#: they were told ("I told James I was sad"): the pronoun, even after a monarch's name.
_TOLD = frozenset([
    "told", "tell", "tells", "telling", "ask", "asks", "asked", "text", "texts", "texted",
    "promise", "promised", "remind", "reminded", "warned", "assured", "wrote", "emailed",
    "messaged", "show", "showed",
])  # fmt: skip
#: A lone all-capitals "ME" in a clause with lower-case letters is the emphasised pronoun
#: ("nobody cares about ME") right after one of these words, whose object it is and after
#: which neither the illness ("I have ME", "living with ME", "a cure for ME") nor the state
#: ("moved to ME", "in ME") is written.
_ME_AFTER = frozenset([
    "at", "against", "than", "over", "without", "except", "toward", "towards", "why", "hate",
    "hates", "hated", "love", "loves", "loved", "likes", "liked", "blame", "blames", "blamed",
    "ignore", "ignores", "ignored", "left", "hurt", "hurts", "chose", "picked",
])  # fmt: skip
#: ... or right after one of these prepositions when one of its words comes before it:
#: "cares about ME", "listens to ME", "there for ME" ("read about ME" and "moved to ME"
#: stay in doubt).
_ME_AFTER_PAIR = {
    "about": frozenset([
        "care", "cares", "cared", "caring", "think", "thinks", "thought", "thinking", "worry",
        "worries", "worried", "ask", "asks", "asked", "forget", "forgets", "forgot",
        "forgotten", "all", "what", "how",
    ]),
    "to": frozenset([
        "listen", "listens", "listened", "listening", "talk", "talks", "talked", "talking",
        "speak", "speaks", "spoke", "lie", "lies", "lied", "lying", "nice", "mean", "rude",
        "cruel", "kind", "matter", "matters", "mattered",
    ]),
    "for": frozenset(["there", "here"]),
}  # fmt: skip
#: The words that may follow an emphasised "ME" in its clause (else only a mark or the end
#: of the clause may): "nobody cares about ME anymore", "they blame ME for everything".
#: "ME symptoms", "ME is real" are the illness.
_AFTER_ME = frozenset([
    "anymore", "too", "either", "again", "ever", "at", "for", "and", "or", "because", "so",
    "when", "instead", "now", "anyway", "though",
])  # fmt: skip
#: First-person subjects: the object of a verb whose subject is "I" would be "myself", so an
#: "ME" whose nearest subject is one of these is not an emphasised "me" ("I hate ME", "I'm
#: so mad at ME").
_I_SUBJECT = frozenset(["i", "i'm", "im", "i've", "ive", "i'd", "i'll"])
#: Other subjects: an "ME" after one of these has it for subject ("I know everyone hates ME").
_OTHER_SUBJECT = frozenset([
    "he", "she", "it", "we", "you", "they", "he's", "she's", "it's", "we're", "you're",
    "they're", "he'd", "she'd", "we'd", "you'd", "they'd", "everyone", "everybody", "nobody",
    "one", "someone", "somebody", "anyone", "anybody", "people", "who",
])  # fmt: skip
#: Adverbs that may stand between "I" and "was" ("I really was devastated" -> "you really
#: were devastated") and before the verb of a clause that left out its "I" ("Really miss my
#: mom" -> "you really miss your mom").
ADVERBS = frozenset([
    "really", "just", "honestly", "actually", "also", "always", "never", "still", "literally",
    "truly", "genuinely", "seriously", "totally", "kinda", "sometimes", "often", "finally",
    "already", "even", "only", "so", "very", "pretty", "extremely", "completely", "absolutely",
    "basically", "definitely", "probably", "recently", "lately",
])  # fmt: skip
#: "my" before these is an exclamation ("Oh my god I feel so stupid"), not the seeker's.
_EXCLAIMED = frozenset(["god", "gosh", "goodness", "lord", "gawd", "heavens"])
#: Nouns that open a seeker's clause and name no one ("People at school laugh at me",
#: "Friends stopped calling"): capitalised there only as the sentence's first word. "Mom",
#: "Dad" and other words a seeker writes as names are not among them.
_COMMON_NOUNS = frozenset([
    "people", "person", "friends", "family", "parents", "kids", "children", "guys", "girls",
    "boys", "men", "women", "others", "teachers", "classmates", "coworkers", "colleagues",
    "things", "stuff",
])  # fmt: skip
#: A suggested opening starts with one of these lower-cased; any other capitalised word may be
#: a name ("Sarah left me"), so it keeps its capital.
_LOWER_AT_START = COMMON_WORDS | FEELING_WORDS | _COMMON_NOUNS


def second_person(clause: str) -> str:
    """The seeker's clause turned to the second person (word swaps only, nothing added);
    a curly apostrophe (U+2019) stays curly. "am" after a number is the time of day and
    stays ("4 am"); the first word is lower-cased only when it is a common word
    (:data:`_LOWER_AT_START`: "Nobody cares about me" -> "nobody cares about you", "People at
    school laugh at me" -> "people at school laugh at you"), so a name keeps its capital
    ("Sarah left me" -> "Sarah left you"). What is not surely a pronoun stays as written
    (:func:`turn_clause`)."""
    return turn_clause(clause)[0]


def turn_clause(clause: str) -> tuple[str, bool, bool]:
    """:func:`second_person`, whether a word of ``clause`` is in doubt (the clause is then
    not offered for an opening, :mod:`carelens.analysis.openings`), and whether a word was
    turned.

    Nothing inside a web address or handle is turned ("example.com/my-story",
    "@our_team"), nor an "I" of an abbreviation ("I.B.M.") or of "World War I". An
    all-capitals form of two or more letters is a pronoun only in a clause written in
    capitals ("I HATE MY LIFE"): "the US" is the country, and in a clause with lower-case
    letters "ME" may be the illness or the state, so it is in doubt, unless it is a lone
    emphasised "me" (:func:`_emphasised_me`: "nobody cares about ME"); an "AM" right after
    "I" is still the verb. An "I" that may be a numeral (:func:`_maybe_numeral`: "Henry I
    was", "Part I and") is in doubt too, and so is a clause with a second-person word in
    brackets inside it (:func:`_you_in_brackets`: "My dad (Dad, if you ever read this, I'm
    sorry) was a good man")."""
    capitals = not any(c.islower() for c in clause)
    addresses = _web_addresses(clause)
    words = list(WORD.finditer(clause))
    quoted, unclosed = quoted_speech(clause)
    foreign = _foreign_parts(clause)
    spelled = [run.span() for run in SPELLED_OUT.finditer(clause)]
    out: list[str] = []
    done = 0  # where the text copied to ``out`` ends
    # a quotation opened and never closed (cut open, say): whose words are they? And words the
    # seeker addressed to someone: "Dad, I miss you" -> "you miss you".
    doubt = unclosed is not None or bool(addressed(clause)) or _you_in_brackets(clause)
    swapped_i = -1  # the index of the last "I" turned to "you"
    for k, match in enumerate(words):
        word = match.group(0)
        folded = plain(word)
        before = plain(words[k - 1].group(0)) if k > 0 else ""
        if any(first < match.start() < last for first, last in quoted):
            continue  # quoted speech: 'My mom always says "I give up on you"'
        if folded in ("was", "wasn't") and swapped_i >= 0 and _after_i(clause, words, swapped_i, k):
            # "I was", "I really was" -> "you were", "you really were" ("it was" stays)
            turned = ("WERE" if word[:3].isupper() else word[0] + "ere") + word[3:]
        elif folded == "id":
            doubt = True  # "id" may be "I'd" or an ID
            continue
        elif folded not in _SWAPS or _no_pronoun(clause, match, addresses):
            continue
        elif _within(foreign, match.start()):
            doubt = True  # "Eu me sinto tão sozinha": no English pronoun
            continue
        elif folded == "i" and _within(spelled, match.start()):
            doubt = True  # a spelled-out word: "s u i c i d e"
            continue
        elif folded == "my" and _exclaimed(clause, words, k):
            continue  # "Oh my god", "oh my"
        elif folded == "i" and _maybe_numeral(clause, words, k):
            doubt = True
            continue
        elif len(word) > 1 and word.isupper() and "'" not in folded and before in _ARTICLES:
            continue  # "the US", "THE US"
        elif len(word) > 1 and word.isupper() and "'" not in folded and not capitals:
            if not (folded == "am" and swapped_i == k - 1) and not _emphasised_me(clause, words, k):
                doubt = True
                continue
            turned = _SWAPS[folded]
        else:
            turned = _SWAPS[folded]
            if folded == "i":
                swapped_i = k
        out.append(clause[done : match.start()])
        out.append(turned.replace("'", "\u2019") if "\u2019" in word else turned)
        done = match.end()
    turned_any = bool(out)
    out.append(clause[done:])
    turned_clause = "".join(out)
    first = WORD.match(turned_clause)
    if first is not None:
        word = first.group(0)
        if word[1:] == word[1:].lower() and plain(word) in _LOWER_AT_START:
            turned_clause = word.lower() + turned_clause[first.end() :]
    return turned_clause, doubt, turned_any


#: The seeker's own second-person words ("u", "ur" in lower case only: "U.S.A."): "you" is
#: already the helper's word for the seeker,
#: so a clause that holds one addressed to someone ("Dad, I miss you so much", "You're the only
#: one I can talk to", "I need you guys to know") would read "you miss you so much".
_SECOND_PERSON = frozenset([
    "you", "your", "you're", "youre", "you've", "you'd", "you'll", "yours", "yourself",
    "yourselves", "u", "ur", "y'all", "yall",
])  # fmt: skip
#: After these a "you" may be anyone's, no one addressed ("I feel like you can't win", "you
#: know when you just feel empty", "it makes you feel"): the verb after it ...
_GENERIC_AFTER_YOU = frozenset([
    "know", "can", "can't", "cant", "cannot", "could", "couldn't", "should", "have", "get",
    "feel", "do", "never", "just", "start", "try", "lose", "realize",
    "realise", "think", "see", "find", "go", "end", "want", "need", "gotta", "must", "might",
    "would", "will", "won't", "always", "wake", "spend", "put",
])  # fmt: skip
#: ... or the verb before it.
_GENERIC_BEFORE_YOU = frozenset([
    "make", "makes", "made", "making", "let", "lets", "gets", "leaves", "keeps", "if", "when",
    "what", "whatever", "unless", "until", "once",
])  # fmt: skip


#: Verbs of :data:`_GENERIC_BEFORE_YOU` whose "you" is addressed after the seeker as their
#: subject ("I just want to make you proud", "I'm sorry I let you down"; not "it makes you
#: feel small", "how school makes you feel"): "makes" and "lets" take no "I" or "we", so
#: their subject is someone or something else ("The job I have makes you feel worthless").
#: "hope" too: the seeker hopes something for whom they address ("I hope you have a great
#: day"), not for anyone.
_CAUSING = frozenset(["make", "made", "making", "let", "letting", "hope", "hoped", "hoping"])
#: Words between the seeker as a subject and a verb of :data:`_CAUSING`: auxiliaries, adverbs
#: and verbs before an infinitive ("I just want to make you proud", "I'll never let you go").
_BEFORE_CAUSING = frozenset([
    "just", "only", "really", "still", "ever", "even", "never", "always", "again", "to", "want",
    "wanted", "wanna", "need", "needed", "hope", "hoped", "try", "tried", "trying", "keep",
    "kept", "can", "can't", "cant", "cannot", "could", "couldn't", "couldnt", "will", "won't",
    "wont", "would", "wouldn't", "wouldnt", "should", "shouldn't", "do", "don't", "dont", "did",
    "didn't", "didnt", "have", "had", "am", "was", "going", "gonna", "promise", "promised",
])  # fmt: skip
#: The seeker as a subject.
_SEEKER_SUBJECTS = frozenset(["i", "i'm", "im", "i'll", "ill", "i'd", "i've", "ive", "we"])
#: Whom the seeker may call by name or kin ("Mom", "Dad", "guys"): a vocative
#: (:func:`_vocatives`).
_VOCATIVES = frozenset([
    "mom", "mum", "mommy", "mummy", "mama", "momma", "dad", "daddy", "papa", "grandma",
    "grandpa", "granny", "nana", "guys", "everyone", "everybody", "bro", "sis", "babe",
])  # fmt: skip
#: Words after which a word of :data:`_VOCATIVES` without a comma before it is whom the seeker
#: addresses ("I let you down Mom", "I love you Dad"; not "I told Mom", "with Dad").
_BEFORE_VOCATIVE = frozenset([
    "you", "u", "down", "up", "out", "away", "off", "so", "too", "again", "anymore", "now",
    "much", "sorry", "please", "back", "though", "anyway",
])  # fmt: skip


def _vocatives(
    clause: str, words: Sequence[re.Match[str]], addressee: bool = False
) -> list[tuple[int, int]]:
    """Where ``clause`` names whom the seeker addresses (:data:`_VOCATIVES`): at its start
    before a comma ("Mom, I'm sorry I let you down"), or at the end of a part after a comma
    ("I'm sorry, Mom."), after a feeling word or a word of :data:`_BEFORE_VOCATIVE` ("I let you
    down Mom and I feel like a failure", "I'm sorry Mom"); the end of a part is the end of the
    clause, a mark or "and", "but" or "so". A name in a list of people that ends with the
    seeker is none (:func:`_listed_with_seeker`: "Mom, Dad and I fought again", also after
    the readers called on: "Guys, Mom, Dad and I had the worst fight"), unless the seeker
    writes to someone as "you" (``addressee``: elsewhere in the message, or after the list:
    "Dad, Mom and I miss you")."""
    found: list[tuple[int, int]] = []
    listed: tuple[int, int] | None = None  # where a list of people opens and ends
    for k, match in enumerate(words):
        if plain(match.group(0)) not in _VOCATIVES:
            continue
        if listed is None:
            # the readers called on before the list: "Guys, Mom, Dad and I"
            begin = (
                1
                if plain(words[0].group(0)) in _ALL_READERS and _gap(clause, words, 1) == ","
                else 0
            )
            listed = (begin, _listed_with_seeker(clause, words, begin, addressee))
        if listed[0] <= k < listed[1]:
            continue  # "Mom, Dad and I fought": the subjects, no one addressed
        after = clause[match.end() : words[k + 1].start()] if k + 1 < len(words) else ""
        if k == 0:
            if "," in after:
                found.append(match.span())
            continue
        ends = (
            k + 1 == len(words)
            or any(mark in after for mark in ",.!?;:")
            or plain(words[k + 1].group(0)) in ("and", "but", "so")
        )
        before = plain(words[k - 1].group(0))
        if ends and (
            "," in clause[words[k - 1].end() : match.start()]
            or before in _BEFORE_VOCATIVE
            or before in FEELING_WORDS
        ):
            found.append(match.span())
    return found


#: Words of :data:`_VOCATIVES` that call on readers, never one of a list of people
#: ("Guys, my mom and I fought" addresses the readers).
_READERS = frozenset(["guys", "everyone", "everybody", "bro", "sis", "babe"])
#: Words of :data:`_READERS` that call on more than one reader: a list of people after one
#: is the subject ("Guys, Mom, Dad and I had the worst fight"); "Sis," may be one of it.
_ALL_READERS = frozenset(["guys", "everyone", "everybody"])
#: Kin a list of people may name without "my" ("Ma, Pa and I lost the farm"), beside the
#: words of :data:`_VOCATIVES` that are no readers.
_KIN = (_VOCATIVES - _READERS) | frozenset([
    "ma", "pa", "mother", "father", "grandmother", "grandfather", "granddad", "grandad",
    "gran", "nan", "nanny", "pop", "pops", "auntie", "aunty", "uncle",
])  # fmt: skip
#: Capitalised words that name no one in a list of people: whom the seeker calls on or
#: prays to, and asides before a clause ("Doc, Mom and I", "Reddit, Tom and I"); words of
#: :data:`carelens.analysis.words.COMMON_WORDS` and adverbs in "-ly" are none either
#: ("Sadly", "Today", "Update").
_NO_NAMES = frozenset([
    "god", "lord", "jesus", "christ", "doc", "doctor", "pastor", "sir", "madam", "maam",
    "ma'am", "coach", "teacher", "kids", "friends", "folks", "ladies", "gentlemen", "people",
    "dude", "man", "reddit", "redditors", "throwaway", "tldr", "edit", "background", "context",
    "ps", "hello", "unfortunately", "anyways", "btw",
])  # fmt: skip
#: Words that open a noun phrase naming someone in a list of people ("my sister", "the kids").
_PERSON_OPENERS = frozenset(["my", "our", "the", "his", "her", "their"])
#: Words after a list of people that ends with the seeker that are no verb of theirs ("Mom,
#: Dad and I we never talk"): the list is then no subject.
_NO_VERB_AFTER_LIST = _SEEKER_SUBJECTS | frozenset([
    "you", "he", "she", "they", "it", "and", "or", "but", "so", "too", "either",
])  # fmt: skip


def listed_with_seeker(clause: str, addressee: bool = False) -> bool:
    """Whether ``clause`` opens with a list of people that ends with the seeker, the first
    before a comma, and a verb after it (:func:`_listed_with_seeker`: "Mom, Dad and I fought
    again"): their subject, no one addressed; with ``addressee``, the seeker writes to someone
    as "you" elsewhere in their message, so that kin or a name first in the list may be whom
    they write to ("Dad, Mom and I are okay. We miss you every day")."""
    return _listed_with_seeker(clause, list(WORD.finditer(clause, 0, 400)), 0, addressee) >= 0


def _listed_with_seeker(
    clause: str, words: Sequence[re.Match[str]], begin: int = 0, addressee: bool = False
) -> int:
    """Where a list of people that opens ``clause`` (at ``words[begin]``) with a name or kin
    before a comma ends with the seeker and is the subject of the verb after it: the index in
    ``words`` of its "I" or "me" after "and" or "&" ("Mom, Dad and I fought again", "Sarah,
    Tom and I were friends", "My mom, my dad and I fought"); -1 when the clause opens with no
    such list. The names in the list are all kin or names (:data:`_KIN`, :func:`_is_name`)
    or all noun phrases of :data:`_PERSON_OPENERS` and one word, a comma between two of them.
    A word before "my ..." is whom the seeker addresses or an aside ("Mom, my therapist and I
    think I should go inpatient", "Guys, my mom and I fought", "Unfortunately, my wife and
    I"), as is the list before no verb ("Mom, Dad and I, we never talk"), and kin or a name
    first in a list at the clause's start where the seeker writes to someone as "you"
    (``addressee``, or a "you" after the list: "Dad, Mom and I miss you every day"). After
    the readers called on (``begin`` past "Guys,") the list needs no comma ("Guys, Mom and I
    fought")."""
    j = begin
    kinds: set[bool] = set()  # whether each name is a noun phrase ("my sister")
    while j < min(len(words), begin + 12):
        first = j == begin
        word = plain(words[j].group(0))
        if word in _PERSON_OPENERS and _gap(clause, words, j + 1) == "":
            j += 1  # "my sister"
            kinds.add(True)
        elif word in _KIN or _is_name(words[j].group(0)):
            kinds.add(False)
        else:
            return -1
        if len(kinds) > 1:
            return -1  # "Mom, my brother and I": "Mom" may be addressed
        gap = _gap(clause, words, j + 1)
        if first and begin == 0 and gap != ",":
            return -1  # a list read as addressed opens with a comma: "Mom, Dad and I"
        if gap in ("&", ",&"):
            last = j + 1
        elif gap in ("", ",") and j + 1 < len(words) and plain(words[j + 1].group(0)) == "and":
            last = j + 2  # "Dad and I", "Dad, and I"
        elif gap == ",":
            j += 1
            continue
        else:
            return -1
        if not (
            last + 1 < len(words)
            and plain(words[last].group(0)) in ("i", "me")
            and _gap(clause, words, last + 1) == ""
            and plain(words[last + 1].group(0)) not in _NO_VERB_AFTER_LIST
        ):
            return -1
        if begin == 0 and kinds == {False} and (addressee or _you_after(clause, words, last)):
            return -1  # "Dad, Mom and I miss you": "Dad" may be whom they write to
        return last
    return -1


def _you_after(clause: str, words: Sequence[re.Match[str]], k: int) -> bool:
    """Whether a second-person word (:data:`_SECOND_PERSON`) follows ``words[k]`` in
    ``clause`` outside quoted speech, not a "you" that may be anyone's
    (:data:`_GENERIC_AFTER_YOU`, :data:`_GENERIC_BEFORE_YOU`: "Mom, Dad and I fought again,
    you know how it is")."""
    quoted = quoted_speech(clause)[0]
    for j in range(k + 1, len(words)):
        word = plain(words[j].group(0))
        if word not in _SECOND_PERSON or _within(quoted, words[j].start()):
            continue
        after = plain(words[j + 1].group(0)) if j + 1 < len(words) else ""
        before = plain(words[j - 1].group(0))
        if word in ("you", "u") and (after in _GENERIC_AFTER_YOU or before in _GENERIC_BEFORE_YOU):
            continue
        return True
    return False


def addresses_someone(text: str) -> bool:
    """Whether ``text`` holds, in one of its sentences, a second-person word of the seeker's
    addressed to someone (:func:`addressed`: "We miss you every day", "I know you loved
    it") or kin they call on ("I'm sorry Mom"; not the readers: "sorry guys"): kin or a name
    first in a list of people may then be whom they write to (:func:`listed_with_seeker`)."""
    for found in SENTENCE.finditer(text):
        sentence = found.group(0)
        for a, b in addressed(sentence):
            word = plain(sentence[a:b])
            if word in _SECOND_PERSON or word in _KIN:
                return True
    return False


def _is_name(word: str) -> bool:
    """Whether ``word`` may be someone's name in a list of people: capitalised, not all in
    capitals, and none of :data:`_NO_NAMES`, :data:`_READERS`,
    :data:`carelens.analysis.words.COMMON_WORDS` or the adverbs in "-ly" ("Sarah", "Emily"
    (:data:`_LY_NAMES`), not "Sadly", "Today", "TLDR", "Doc", "Sis")."""
    folded = plain(word)
    return (
        word[0].isupper()
        and not word.isupper()
        and folded not in _NO_NAMES
        and folded not in _READERS
        and folded not in COMMON_WORDS
        and folded not in _SEEKER_SUBJECTS
        and (not folded.endswith("ly") or folded in _LY_NAMES)
    )


#: Names that end in "-ly" as adverbs do ("Emily, Kelly and I were best friends").
_LY_NAMES = frozenset([
    "emily", "kelly", "billy", "molly", "holly", "ally", "lily", "sally", "polly", "shelly",
    "kimberly", "beverly", "dolly", "nelly", "milly", "tilly",
])  # fmt: skip


def _gap(clause: str, words: Sequence[re.Match[str]], k: int) -> str:
    """What stands between the word before ``words[k]`` and it, without spaces ("" at the
    clause's end too)."""
    if not 0 < k < len(words):
        return ""
    return "".join(clause[words[k - 1].end() : words[k].start()].split())


#: Words between "hope" and the "you" the seeker hopes something for: "that", "all of", a
#: "when" or "if" clause's opener ("I hope that you have a great day", "I hope all of you
#: are well", "I hope when you read this you don't think I'm crazy").
_AFTER_HOPE = frozenset(["that", "all", "both", "each", "of", "when", "if"])
#: The forms of "hope" among the verbs of :data:`_CAUSING`.
_HOPE = frozenset(["hope", "hoped", "hoping"])


def _seeker_causes(words: Sequence[re.Match[str]], k: int) -> bool:
    """Whether the "you" at ``words[k]`` follows a verb of :data:`_CAUSING` whose subject is
    the seeker (:data:`_SEEKER_SUBJECTS`), maybe with words of :data:`_BEFORE_CAUSING` between:
    "I just want to make you proud", "I'm sorry I let you down", "I hope you have a great
    day"; after "hope", words of :data:`_AFTER_HOPE` may stand before the "you" ("I hope that
    you have a great day", "I hope all of you are well")."""
    h = k - 1
    while h > 0 and k - h <= 3 and plain(words[h].group(0)) in _AFTER_HOPE:
        h -= 1
    if h < k - 1 and plain(words[h].group(0)) in _HOPE:
        k = h + 1  # "I hope that you": read as "I hope you"
    if k == 0 or plain(words[k - 1].group(0)) not in _CAUSING:
        return False
    j = k - 2
    while j >= 0 and plain(words[j].group(0)) in _BEFORE_CAUSING:
        j -= 1
    return j >= 0 and plain(words[j].group(0)) in _SEEKER_SUBJECTS


def addressed(clause: str, addressee: bool = False) -> list[tuple[int, int]]:
    """Where ``clause`` holds second-person words of the seeker's own, addressed to someone
    (:data:`_SECOND_PERSON`: "Dad, I miss you so much", "You're the only one I can talk to"),
    outside quoted speech and web addresses, and where it names whom the seeker addresses
    (:func:`_vocatives`: "I'm sorry Mom"): an opening would turn the seeker's "I" to "you"
    beside them ("It sounds like you miss you so much…"), so such words put the clause in
    doubt (:func:`turn_clause`). A "you" that may be anyone's is not counted
    (:data:`_GENERIC_AFTER_YOU`, :data:`_GENERIC_BEFORE_YOU`: "I feel like you can't win", "it
    makes you feel small"), unless a first-person object follows it ("I wish you could see
    me"), the seeker makes or lets it do something (:func:`_seeker_causes`: "I just want to
    make you proud", "I let you down") or the clause names whom the seeker addresses ("I feel
    like you never listen, Dad"; with ``addressee``, kin first in a list of people too, the
    seeker writing to someone as "you" elsewhere: :func:`_listed_with_seeker`)."""
    words = list(WORD.finditer(clause))
    # quoted speech and web addresses: no one the seeker addresses, for both readings
    unread = [*quoted_speech(clause)[0], *_web_addresses(clause)]
    vocatives = [
        span for span in _vocatives(clause, words, addressee) if not _within(unread, span[0])
    ]
    found: list[tuple[int, int]] = list(vocatives)
    anyones = False  # a "you" before was anyone's
    for k, match in enumerate(words):
        folded = plain(match.group(0))
        if (
            folded not in _SECOND_PERSON
            or (folded in ("u", "ur") and not match.group(0).islower())  # "U.S.A.", "UR"
            or _within(unread, match.start())
        ):
            continue
        after = plain(words[k + 1].group(0)) if k + 1 < len(words) else ""
        before = plain(words[k - 1].group(0)) if k > 0 else ""
        # one "you" that may be anyone's makes the next ones so: "no matter what you do, you
        # fail"
        generic = (
            folded in ("you", "u")
            and not vocatives
            and not _seeker_causes(words, k)
            and (anyones or after in _GENERIC_AFTER_YOU or before in _GENERIC_BEFORE_YOU)
        )
        if generic and not _FIRST_OBJECT.search(clause, match.end()):
            anyones = True
            continue
        found.append(match.span())
    return sorted(found)


#: What brackets inside a clause hold ("my dad (Dad, if you ever read this, I'm sorry)"),
#: up to the clause's end where one is left open by a clip.
_IN_BRACKETS = re.compile(r"\(([^()]*)(?:\)|$)|\[([^\[\]]*)(?:\]|$)")


def _you_in_brackets(clause: str) -> bool:
    """Whether brackets inside ``clause`` hold a second-person word (:data:`_SECOND_PERSON`;
    "u", "ur" in lower case only): an aside that may speak to someone ("My dad (Dad, if you
    ever read this, I'm sorry) was a good man", "My son (you know who you are, buddy, I'm
    proud of you)"), whose "I" an opening would turn beside it ("you're proud of you"); in
    doubt, even a "you" that may be anyone's counts."""
    for found in _IN_BRACKETS.finditer(clause):
        for word in WORD.findall(found.group(found.lastindex or 0)):
            folded = plain(word)
            if folded in _SECOND_PERSON and (folded not in ("u", "ur") or word.islower()):
                return True
    return False


def _web_addresses(clause: str) -> list[tuple[int, int]]:
    """Where ``clause`` holds runs of text without spaces that are web addresses or handles
    (:data:`carelens.analysis.words.ADDRESS`: "example.com/my-story", "@our_team"), whose
    words are no one's pronouns."""
    return [
        run.span()
        for run in NO_SPACE_RUN.finditer(clause)
        if ADDRESS.search(clause, *run.span()) is not None
    ]


def _within(spans: Sequence[tuple[int, int]], at: int) -> bool:
    """Whether the position ``at`` lies in one of ``spans`` (start included, end not)."""
    return any(first <= at < last for first, last in spans)


#: A first-person object or possessive: after a "you" it tells that the "you" is addressed.
_FIRST_OBJECT = re.compile(r"\b(?:me|my|myself|mine)\b", re.IGNORECASE)


#: A quotation mark, straight or curly (a straight or curly apostrophe too).
_QUOTE_MARK = re.compile("[\"'\u2018\u2019\u201c\u201d]")


#: An apostrophe that starts a word: no quotation ("'cause", "'til", "'em", "the '90s").
_ELISION = re.compile(
    "['\u2019](?:cause|cos|cuz|til|till|em|bout|round|n|tis|twas|\\d\\ds?)\\b", re.IGNORECASE
)


def quoted_speech(clause: str) -> tuple[list[tuple[int, int]], int | None]:
    """Where quoted speech lies in ``clause`` (the positions of its two marks: 'I told him
    "I love you"'), and where a quotation opened that is never closed (or None). A mark
    between two letters or digits is an apostrophe ("don't"); one after a space or at the
    start, before a character that is no space, opens; one after a character that is no
    space, before no letter or digit, closes ("friends' houses" closes none)."""
    regions: list[tuple[int, int]] = []
    opened: int | None = None
    for mark in _QUOTE_MARK.finditer(clause):
        at = mark.start()
        before = clause[at - 1] if at > 0 else " "
        after = clause[at + 1] if at + 1 < len(clause) else " "
        if before.isalnum() and after.isalnum():
            continue
        if opened is None:
            if not before.isalnum() and not after.isspace() and not _ELISION.match(clause, at):
                opened = at
        elif not before.isspace() and not after.isalnum():
            regions.append((opened, at))
            opened = None
    return regions, opened


def _after_i(clause: str, words: Sequence[re.Match[str]], i: int, k: int) -> bool:
    """Whether the word at ``k`` of ``clause`` follows the "I" at ``i``, with nothing
    between but spaces and adverbs (:data:`ADVERBS`: "I really was")."""
    return all(_adjacent(clause, words, j) for j in range(i + 1, k + 1)) and all(
        plain(words[j].group(0)) in ADVERBS for j in range(i + 1, k)
    )


def _exclaimed(clause: str, words: Sequence[re.Match[str]], k: int) -> bool:
    """Whether the "my" at ``k`` of ``clause`` is part of an exclamation ("my god", "oh my
    gosh", "oh my" on its own), not the seeker's."""
    if k + 1 < len(words) and _adjacent(clause, words, k + 1):
        return plain(words[k + 1].group(0)) in _EXCLAIMED
    return k > 0 and _adjacent(clause, words, k) and plain(words[k - 1].group(0)) == "oh"


def _adjacent(clause: str, words: Sequence[re.Match[str]], k: int) -> bool:
    """Whether the word at ``k`` of ``clause`` directly follows the one before it (only
    spaces between)."""
    return 0 < k < len(words) and not clause[words[k - 1].end() : words[k].start()].strip()


def _no_pronoun(clause: str, match: re.Match[str], addresses: Sequence[tuple[int, int]]) -> bool:
    """Whether the pronoun form ``match`` of ``clause`` is surely no pronoun: inside a web
    address or handle (``addresses``) or a name joined by an underscore ("my_score"), the
    "am" of a time ("4 am") or the "I" of an abbreviation ("I.B.M.")."""
    folded = plain(match.group(0))
    return (
        _within(addresses, match.start())
        or "_" in (clause[match.start() - 1 : match.start()], clause[match.end() : match.end() + 1])
        or (folded == "am" and _TIME_BEFORE_AM.search(clause, 0, match.start()) is not None)
        or (folded == "i" and _ABBREVIATION_AFTER.match(clause, match.end()) is not None)
        or (
            match.group(0) == "I" and _WORLD_WAR_BEFORE.search(clause, 0, match.start()) is not None
        )
    )


def _maybe_numeral(clause: str, words: Sequence[re.Match[str]], k: int) -> bool:
    """Whether the "I" at ``k`` of ``clause`` may be a Roman numeral: a capital "I" right
    after a capitalised monarch's name (:data:`_REGNAL_NAMES`, unless a word of telling
    comes before it: "I told James I was sad") or a numbered noun (:data:`_NUMBERED`), also
    first in the clause ("Henry I was a king", "Part I was long"); or right after any other
    capitalised word that is not the first of the clause, nor a common word or a pronoun
    ("after Henryk I and"), and not followed by a lower-case word that may follow a
    pronoun ("Sarah I miss") nor, after a word that names a time (:data:`_TIME_NAMES`), by
    "and" and the others the seeker names with themselves (:data:`_WITH_OTHERS`: "On Monday I
    and the team"; not "about Henryk I and his court")."""
    if not _adjacent(clause, words, k):
        return False
    before = words[k - 1].group(0)
    if not before[0].isupper():
        return False
    named = plain(before)
    if words[k].group(0) == "I" and (
        named in _NUMBERED
        or (named in _REGNAL_NAMES and not (k >= 2 and plain(words[k - 2].group(0)) in _TOLD))
    ):
        return True
    if k < 2 or before.isupper() or named in _NO_NUMERAL_AFTER:
        return False
    after = words[k + 1].group(0) if k + 1 < len(words) else ""
    follows = plain(after)
    if (
        follows == "and"
        and named in _TIME_NAMES
        and k + 2 < len(words)
        and plain(words[k + 2].group(0)) in _WITH_OTHERS
    ):
        return False  # the seeker and others: "On Monday I and the team said"
    return not (after[:1].islower() and (follows in _AFTER_I or follows.endswith(("ed", "n't"))))


def _emphasised_me(clause: str, words: Sequence[re.Match[str]], k: int) -> bool:
    """Whether the all-capitals "ME" at ``k`` of ``clause`` (a clause with lower-case
    letters) is an emphasised "me" ("nobody cares about ME", "why ME"), not the illness
    ("I have ME") nor the state ("moved to ME"): the only all-capitals word of two or more
    letters in the clause, right after a word whose object it is and after which neither is
    written (:data:`_ME_AFTER`, :data:`_ME_AFTER_PAIR`), whose subject, when one of the four
    words before it is one, is not "I" (that object would be "myself": "I hate ME" is the
    illness), and at the end of the clause, before a mark, or before a word of
    :data:`_AFTER_ME`."""
    if words[k].group(0) != "ME" or not _adjacent(clause, words, k):
        return False
    if any(len(w.group(0)) > 1 and w.group(0).isupper() for j, w in enumerate(words) if j != k):
        return False  # not alone: "ME/CFS", "ME and IBS", "I'M" ...
    before = words[k - 1].group(0)
    if before != before.lower():
        return False
    if plain(before) not in _ME_AFTER:
        heads = _ME_AFTER_PAIR.get(plain(before))
        if heads is None or not _adjacent(clause, words, k - 1):
            return False
        if plain(words[k - 2].group(0)) not in heads:
            return False
    for word in reversed(words[max(0, k - 4) : k]):  # its subject, if near
        if plain(word.group(0)) in _I_SUBJECT:
            return False
        if plain(word.group(0)) in _OTHER_SUBJECT:
            break
    if _adjacent(clause, words, k + 1):
        after = words[k + 1].group(0)
        return after.islower() and plain(after) in _AFTER_ME
    return True


def foreign_words(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Where ``text[start:end]`` holds words of another language than English (in order):
    a word of :data:`_FOREIGN` ("entiende", "sinto", "tão"), of :data:`_FOREIGN_SMALL` not
    in capitals ("mi", not "MI"), of :data:`_FOREIGN_NAMES` in lower case ("ella", not
    "Ella"), a lower-case word with a letter English does not use (:data:`_FOREIGN_LETTERS`:
    "sozinha", "müde"; not "jalapeño"), and a Spanish "¿" or "¡". A word joined to another
    by a hyphen is none ("de-stress"), nor a capitalised one next to another capitalised
    word, nor a lower-case one between two, which are part of a name ("Los Angeles", "Lana
    Del Rey", "Ponce de León")."""
    stop = len(text) if end is None else end
    found: list[tuple[int, int]] = []
    for match in WORD.finditer(text, start, stop):
        word = match.group(0)
        folded = word.lower()
        if "\u2019" in folded:
            folded = folded.replace("\u2019", "'")
        if folded in _FOREIGN:
            pass
        elif folded in _FOREIGN_SMALL:
            if len(word) > 1 and word.isupper():
                continue  # "LA", "MI", "EST"
        elif folded in _FOREIGN_NAMES:
            if word != folded:
                continue  # "Mia", "Ella"
        elif (
            word.isascii()
            or word != folded
            or not _FOREIGN_LETTERS.search(word)
            or folded in _BORROWED
        ):
            continue
        at, to = match.span()
        if (at > 0 and text[at - 1] == "-") or text[to : to + 1] == "-":
            continue  # "de-stress", "un-believable"
        name_before = _name_before(text, start, at)
        name_after = _name_after(text, to, stop)
        if (_titled(word) and (name_before or name_after)) or (name_before and name_after):
            continue  # part of a name: "Los Angeles", "Lana Del Rey", "Ponce de León"
        found.append((at, to))
    if "\u00bf" in text or "\u00a1" in text:
        found.extend(mark.span() for mark in _INVERTED_MARK.finditer(text, start, stop))
        found.sort()
    return found


def _titled(word: str) -> bool:
    """Whether ``word`` is written with a capital and then lower case ("Angeles", not "I",
    "MAMÁ")."""
    return len(word) > 1 and word[0].isupper() and word[1:] == word[1:].lower()


def _name_before(text: str, start: int, at: int) -> bool:
    """Whether the word that ends one space before ``at`` in ``text`` (not before ``start``)
    is written as a name is (:func:`_titled`)."""
    if at - 2 < start or text[at - 1] != " ":
        return False
    first = at - 1
    while first > start and text[first - 1].isalpha():
        first -= 1
    return _titled(text[first : at - 1])


def _name_after(text: str, to: int, stop: int) -> bool:
    """Whether the word that starts one space after ``to`` in ``text`` (and ends by
    ``stop``) is written as a name is (:func:`_titled`)."""
    if text[to : to + 1] != " ":
        return False
    after = WORD.match(text, to + 1, stop)
    return after is not None and _titled(after.group(0))


def _foreign_parts(clause: str) -> list[tuple[int, int]]:
    """The parts of ``clause`` (between marks and English conjunctions,
    :data:`_FOREIGN_PART_BREAK`) that hold a word of another language (:func:`foreign_words`):
    "me" in "Eu me sinto tão sozinha" is no English pronoun."""
    found = foreign_words(clause)
    if not found:
        return []
    bounds = [0]
    for cut in _FOREIGN_PART_BREAK.finditer(clause):
        bounds += cut.span()
    bounds.append(len(clause))
    parts = zip(bounds[::2], bounds[1::2], strict=True)
    return [(a, b) for a, b in parts if any(a <= at < b for at, _ in found)]
