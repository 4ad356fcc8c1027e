"""Feedback under redaction: no quote shows part of the personal data the redacted texts hide.

The feedback is redacted line by line (:func:`carelens.output.records.result_record`), so a
quote that starts or ends inside an e-mail address, a web address or a street address would
leave a piece that redaction no longer recognises ("sarah.jones@mail.", "London NW1 6XE").
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import carelens
from carelens.analysis.crisis import PATTERN_LABELS, RESOURCE_CONTACTS
from carelens.analysis.crisis_model import LABEL as LEARNED
from carelens.analysis.empathy import EmpathyAnalyzer
from carelens.analysis.feedback import CRISIS_LINES, feedback_for, seeker_clause
from carelens.output.records import result_record
from carelens.privacy import KINDS, redact
from carelens.types import DimensionScore, Exchange, ResponseAnalysis, SeekerSignals, Span, Turn

#: Personal data of each kind the privacy module finds, with the parts of it that must never
#: show in redacted feedback (made-up names, so that no other word of a text holds them).
EMAILS = [
    ("zorvek.quillan@mailbox-zq.co.uk", ("zorvek.quillan", "mailbox-zq")),
    ("z.quillan+zq@uni.brixby.ac.uk", ("z.quillan+zq", "uni.brixby")),
    ("zorvek@quillzy-zq.org", ("zorvek", "quillzy-zq")),
]
URLS = [
    ("https://brixby-zq.org/team/zorvek.quillan", ("brixby-zq", "zorvek.quillan")),
    ("www.brixby-zq.org/team/zorvek.quillan", ("brixby-zq", "zorvek.quillan")),
    ("calendly.com/zorvek-quillan/30min", ("calendly", "zorvek-quillan")),
]
PHONES = [
    ("+44 20 7946 0958", ("7946 0958",)),
    ("555-867-5309", ("555-867-5309",)),
    ("07700 900123", ("07700 900123",)),
]
ADDRESSES = [
    ("221B Brixby Street, Quillton NW1 6XE", ("221B Brixby", "Quillton", "NW1 6XE")),
    ("42 Zorvek Street, Quillton, IL 62704", ("Zorvek", "Quillton", "IL 62704")),
    ("Flat 3, 12 Brixby Road, Quillton LS6 2AB", ("Brixby", "Quillton", "LS6 2AB")),
    ("500 Zorvek St Apt 4B, Quillton, TX 78701", ("Zorvek", "Quillton", "TX 78701")),
]
PERSONAL = EMAILS + URLS + PHONES + ADDRESSES
#: Seeker sentences with feelings, and where personal data goes in them.
SEEKER_TEMPLATES = [
    "I live at {x} and I feel so alone since my wife died.",
    "I moved to {x} last month and I feel so lonely.",
    "Please help me, I'm at {x} and I feel so hopeless.",
    "I'm so scared and alone, write to {x} if anyone can help me.",
    "I lost my job and I feel like a failure. My contact is {x}.",
    "{x} is where I wrote it all down. I feel so ashamed and tired.",
    "He found me at {x}. I am terrified and I can't sleep.",
    'They found "{x}" and I feel so scared.',
]
RESPONSE_TEMPLATES = [
    "Losing a job is so hard. You could try {x}, they are kind.",
    "Book a free session here: {x}. It helped me a lot.",
    "I'm sorry. Try {x} for support.",
    "I can help you find a counsellor, write to me at {x} and I'll send you a list.",
    "That sounds really lonely. You can reach me any time at {x}. I can help you.",
    "I'm so sorry, that sounds really hard. What happened at {x}?",
    "You are not a failure. If you want, visit {x} and we can talk.",
    # a feeling the reply names, quoted with the words around it
    "You must feel so isolated at {x}, with nobody around.",
    "It sounds like the shame of {x} weighs on you.",
    "At {x} you must feel so isolated.",
]


def leaks(line: str, secrets: tuple[str, ...]) -> list[str]:
    """The pieces of four characters or more of ``secrets`` that ``line`` shows (outside the
    placeholders: "[email]" holds "mail")."""
    for kind in KINDS:
        line = line.replace(f"[{kind}]", "[]")
    return [
        secret[i : i + 4]
        for secret in secrets
        for i in range(len(secret) - 3)
        if secret[i : i + 4] in line
    ]


def test_the_secrets_are_in_no_other_words() -> None:
    """Without this the checks below could flag the feedback's own wording."""
    others = " ".join(SEEKER_TEMPLATES + RESPONSE_TEMPLATES) + CRISIS_LINES
    for _, secrets in PERSONAL:
        assert not leaks(others, secrets)
    for text, _ in PERSONAL:
        assert redact(text).startswith("[") and redact(text).endswith("]"), text


@pytest.fixture(scope="module")
def analyzer() -> EmpathyAnalyzer:
    return carelens.load(threads=1)


def redacted_feedback(analyzer: EmpathyAnalyzer, seeker: str, response: str) -> list[str]:
    """The feedback as ``carelens analyze --redact`` writes it."""
    pair = Exchange(seeker=Turn(id="s", text=seeker), response=Turn(id="r", text=response))
    record = result_record(pair, analyzer.analyze(seeker, response), redact=True)
    return list(record["feedback"])


@pytest.mark.parametrize(
    ("seeker", "response", "shown", "hidden"),
    [
        (
            "I lost my job last week and I feel like a total failure, I can't sleep.",
            "Losing a job is so hard. You could try sarah.jones@mail.example.co.uk, they are kind.",
            '"You could try [email]',
            ("sarah.jones", "mail."),
        ),
        (
            "I lost my job last week and I feel like a total failure, I can't sleep.",
            "Book a free session here: s.jones@example.com. It helped me a lot.",
            '"Book a free session here: [email]',
            ("s.jones", "example."),
        ),
        (
            "I lost my job last week and I feel like a total failure, I can't sleep.",
            "I'm sorry. Try sarah@counselling.example.org for job support.",
            # the rationale span is the whole sentence: a full stop inside an address ends none
            '"Try [email] for job support."',
            ("sarah", "counselling"),
        ),
        (
            "I lost my job last week and I feel like a total failure, I can't sleep.",
            "You are not a failure. If you want, write to www.example.org/team/sarah.jones "
            "and we can talk.",
            "[url]",
            ("org/team", "sarah.jones", "www."),
        ),
        (
            "I lost my job last week and I feel like a total failure, I can't sleep.",
            "Book a free session here: https://example.org/team/sarah.jones. It helped me a lot.",
            "[url]",
            ("jones.", "sarah", "https"),
        ),
        (
            "I lost my job last week and I feel like a total failure, I can't sleep.",
            "Losing a job is so hard. You could try calendly.com/sarah-jones/30min, they are kind.",
            '"You could try [url]',
            ("calendly", "sarah-jones"),
        ),
        (
            "I live at 221B Baker Street, London NW1 6XE and I feel so alone since my wife died.",
            "I'm so sorry, that sounds really hard.",
            '"I live at [address] and I feel so alone since my wife died"',
            ("London", "NW1 6XE"),
        ),
        (
            "I moved to 42 Elm Street, Springfield, IL 62704 last month and I feel so lonely.",
            "I'm so sorry, that sounds really hard.",
            '"I moved to [address] last month and I feel so lonely"',
            ("IL 62704", "Springfield"),
        ),
        (
            "Since we moved to Flat 3, 12 High Road, Leeds LS6 2AB I feel trapped and scared.",
            "I'm so sorry, that sounds really hard.",
            '"Since we moved to [address] I feel trapped and scared"',
            ("Leeds", "LS6 2AB"),
        ),
        (
            "My ex found my new place at 500 Main St Apt 4B, Austin, TX 78701 and I am terrified.",
            "I'm so sorry, that sounds really hard.",
            '"My ex found my new place at [address] and I am terrified"',
            ("TX 78701", "Austin"),
        ),
        (
            "He found me at 1600 Pennsylvania Ave NW, Washington, DC 20500 and I am so scared.",
            "I'm so sorry, that sounds really hard.",
            '"He found me at [address] and I am so scared"',
            ("DC 20500", "Washington"),
        ),
    ],
)
def test_redacted_feedback_quotes_no_part_of_personal_data(
    analyzer: EmpathyAnalyzer, seeker: str, response: str, shown: str, hidden: tuple[str, ...]
) -> None:
    """The rationale span ended at the full stop inside "sarah.jones@mail.example.co.uk" and
    the quote kept "sarah.jones@mail."; the clause after the comma of "221B Baker Street,
    London NW1 6XE" kept "London NW1 6XE": the line's redaction recognised neither."""
    lines = redacted_feedback(analyzer, seeker, response)
    assert any(shown in line for line in lines), lines
    for line in lines:
        assert not any(part in line for part in hidden), line


def test_a_clause_is_not_cut_at_a_comma_inside_an_address() -> None:
    """The comma of ", London NW1 6XE" broke the clause there; it is one clause now."""
    assert seeker_clause(
        "I live at 221B Baker Street, London NW1 6XE and I feel so alone since my wife died."
    ) == ("I live at 221B Baker Street, London NW1 6XE and I feel so alone since my wife died")


def test_a_clause_starts_after_an_address_its_sentence_starts_in() -> None:
    """The full stop of "St." ends a sentence, so the next one starts inside the address
    "42 Elm St., Springfield, IL 62704": its clause starts after it, not at "IL 62704"."""
    seeker = "I live at 42 Elm St., Springfield, IL 62704 and I feel so alone."
    assert "62704" not in redact(seeker)
    assert seeker_clause(seeker) == "I feel so alone"


def test_the_words_around_a_named_feeling_start_outside_an_address() -> None:
    """The part after the comma of "221B Brixby Street, Quillton NW1 6XE" held the feeling
    the reply names, and the quote of it started at "Quillton NW1 6XE"."""
    response = "At 221B Brixby Street, Quillton NW1 6XE you must feel so isolated."
    analysis = ResponseAnalysis(dimensions={}, model_id="test")
    (line,) = feedback_for(analysis, "I live at home and I feel so tired.", response)
    assert line.startswith("You named what they may feel")
    assert not leaks(redact(line), ADDRESSES[0][1]), line


def test_a_double_quote_before_personal_data_does_not_hide_it_from_redaction() -> None:
    """Double quotes became single ones in a quote, and redaction finds no street address
    right after a single one: "'42 Zorvek Street'" stayed in the redacted feedback."""
    seeker = 'I wrote "42 Zorvek Street" on the card and I feel so stupid now.'
    clause = seeker_clause(seeker)
    assert clause is not None and "42 Zorvek Street" in clause
    assert not leaks(redact(f'they wrote "{clause}"'), ("Zorvek",))


def test_an_escaped_underscore_stays_in_a_quote_so_redaction_finds_the_handle() -> None:
    """Reddit writes "_" as "\\_": a quote took the escaped "_" for a Markdown mark and left it
    out, so "u/kind\\_otter" became "u/kind\\otter" and its redaction kept "otter"."""
    from carelens.analysis.quoting import unmarked

    assert unmarked(r"see u/kind\_otter _now_") == r"see u/kind\_otter now"
    assert (
        redact(unmarked(r"write to u/kind\_otter or _@sad\_sam_"))
        == "write to [handle] or [handle]"
    )


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    seeker_template=st.sampled_from(SEEKER_TEMPLATES),
    response_template=st.sampled_from(RESPONSE_TEMPLATES),
    in_seeker=st.sampled_from(PERSONAL),
    in_response=st.sampled_from(PERSONAL),
)
def test_redacted_feedback_of_the_model_shows_no_personal_data(
    analyzer: EmpathyAnalyzer,
    seeker_template: str,
    response_template: str,
    in_seeker: tuple[str, tuple[str, ...]],
    in_response: tuple[str, tuple[str, ...]],
) -> None:
    """The shipped model's analysis, redacted as ``--redact`` writes it."""
    seeker = seeker_template.format(x=in_seeker[0])
    response = response_template.format(x=in_response[0])
    for line in redacted_feedback(analyzer, seeker, response):
        assert not leaks(line, in_seeker[1] + in_response[1]), (seeker, response, line)


def _dim(level: int, span: tuple[int, int]) -> DimensionScore:
    probabilities = [0.1, 0.1, 0.1]
    probabilities[level] = 0.8
    return DimensionScore(level, tuple(probabilities), (Span(*span, "rationale", 0.9),))


@settings(max_examples=200, deadline=None)
@given(
    seeker_template=st.sampled_from(SEEKER_TEMPLATES),
    response_template=st.sampled_from(RESPONSE_TEMPLATES),
    in_seeker=st.sampled_from(PERSONAL),
    in_response=st.sampled_from(PERSONAL),
    dimension=st.sampled_from(["compassion", "dismissive", "reflection", "unsafe", "cue", ""]),
    data=st.data(),
)
def test_feedback_quotes_cut_anywhere_show_no_personal_data(
    seeker_template: str,
    response_template: str,
    in_seeker: tuple[str, tuple[str, ...]],
    in_response: tuple[str, tuple[str, ...]],
    dimension: str,
    data: st.DataObject,
) -> None:
    """Whatever the span, cue or unsafe words quoted, wherever they start and end (inside
    personal data too), the redacted feedback shows no part of it; without any (``""``), the
    feedback quotes the words around a feeling the reply names."""
    seeker = seeker_template.format(x=in_seeker[0])
    response = response_template.format(x=in_response[0])
    text = seeker if dimension == "cue" else response
    start = data.draw(st.integers(0, len(text) - 1), label="start")
    span = (start, data.draw(st.integers(start + 1, len(text)), label="end"))
    base = ResponseAnalysis(dimensions={}, model_id="test")
    if dimension == "unsafe":
        analysis = replace(base, unsafe=(Span(*span, "unsafe", 1.0),))
    elif dimension == "cue":
        label = data.draw(st.sampled_from([LEARNED, PATTERN_LABELS[0]]), label="label")
        cue = Span(*span, label, 1.0)
        analysis = replace(base, seeker=SeekerSignals(crisis_cues=(cue,)))
    elif dimension:
        analysis = replace(base, dimensions={dimension: _dim(1, span)})
    else:
        analysis = base
    for line in feedback_for(analysis, seeker, response):
        redacted = redact(line, keep=RESOURCE_CONTACTS)
        assert not leaks(redacted, in_seeker[1] + in_response[1]), (span, line)
