"""Words of another language than English in a seeker's message.

Messages often mix English with Spanish, Portuguese, French, German or Italian ("Mi mamá no me
entiende and I feel so alone", "Eu me sinto tão sozinha"). :func:`foreign_words` finds such
words (not English words with accents, "café", nor names, "Los Angeles"), and
:func:`foreign_parts` the parts of a clause that hold one, whose "me" or "mi" is no English
pronoun (:mod:`carelens.analysis.pronouns`).
"""

from __future__ import annotations

import re

from carelens.analysis.words import WORD

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


def foreign_parts(clause: str) -> list[tuple[int, int]]:
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
