"""The explorer's filters: what the form over a corpus's results asks for, and the form.

:func:`parse_filters` reads the query string leniently (every query parameter is text) into
:class:`Filters`; what cannot be used is listed in its ``problems``, which the page explains
(422) instead of a JSON error, and the fields they are about in ``invalid``, which the form
marks (``aria-invalid``, described by the message) with the value as it was given, so that
it can be corrected. :meth:`Filters.store_arguments` are the arguments of
``Store.results``, and :meth:`Filters.link` the query string of the same view with changes
(a plain GET form, so every view is a link). The ``to`` date is inclusive (the store's
``until`` is exclusive, so a bare date is moved to the next day). ``page`` is a whole number
from 1 (:func:`~.navigation.page_number`; a problem otherwise); a page past the last one,
however far, asks the store for its last offset and gets no replies. :func:`filter_form` is
the form: its menus count the corpus's replies by style and topic, and its helper field
suggests the corpus's helpers. Helpers are named as the insights group them
(:func:`~carelens.insights.rows.group_name`: NFC, without surrounding spaces, a speaker named
``(unknown)`` quoted), so that the dashboards' names find their replies:
:func:`helper_spellings` turns such a name into the stored speakers it stands for.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any
from urllib.parse import quote, urlencode

from carelens.insights.report.format import esc
from carelens.insights.rows import group_name, known_name
from carelens.service.pages.layout import isolate_text
from carelens.service.pages.navigation import page_number
from carelens.store.base import ATTENTION_FILTERS, MAX_SEQ, normalize_timestamp
from carelens.taxonomy import STYLES
from carelens.types import MAX_ID_CHARS

#: Results per page the form offers, and the default.
PAGE_SIZES: tuple[int, ...] = (10, 20, 50, 100)
DEFAULT_PAGE_SIZE = 20
#: The choices of the "needs a person" filter (the store's ``attention``).
_ATTENTION: tuple[tuple[str, str], ...] = (
    ("", "every reply"),
    ("any", "crisis cues or unsafe wording"),
    ("crisis", "crisis cues in their message"),
    ("unsafe", "unsafe wording in the reply"),
)
#: Longest filter value read from the query string, in characters; ``helper`` may be as long
#: as a stored speaker name (the dashboards link to every helper's replies).
MAX_FILTER_CHARS = 200
FILTER_LIMITS: Mapping[str, int] = {"helper": MAX_ID_CHARS}


@dataclass(frozen=True, slots=True)
class Filters:
    """What the explorer's form asks for (empty strings mean "any")."""

    q: str = ""
    style: str = ""
    dimension: str = ""
    min_level: str = ""
    helper: str = ""
    attention: str = ""
    topic: str = ""
    since: str = ""
    until: str = ""
    page: int = 1
    per_page: int = DEFAULT_PAGE_SIZE
    problems: tuple[str, ...] = field(default=(), compare=False)
    #: The names of the fields whose value cannot be used (``problems`` says why).
    invalid: tuple[str, ...] = field(default=(), compare=False)

    _FIELDS = (
        "q",
        "style",
        "dimension",
        "min_level",
        "helper",
        "topic",
        "attention",
        "since",
        "until",
    )

    @property
    def active(self) -> bool:
        return any(getattr(self, name) for name in self._FIELDS)

    def link(self, **changes: Any) -> str:
        """The query string of these filters with ``changes`` (defaults left out)."""
        values = replace(self, **changes)
        pairs = [(name, getattr(values, name)) for name in self._FIELDS if getattr(values, name)]
        if values.per_page != DEFAULT_PAGE_SIZE:
            pairs.append(("per_page", str(values.per_page)))
        if values.page != 1:
            pairs.append(("page", str(values.page)))
        return "?" + urlencode(pairs) if pairs else "?"

    @property
    def level(self) -> int:
        """The lowest level of the chosen dimension shown: 1 (weak) unless the form asks for
        another; a reply that does not show the dimension (level 0) matches only ``0``."""
        return int(self.min_level) if self.min_level else 1

    def store_arguments(self) -> dict[str, Any]:
        """The arguments of ``Store.results`` for these filters."""
        until: str | None = self.until
        if until and _is_date(until):  # the page's "to" day is included: up to the next one
            day = date.fromisoformat(until)
            until = None if day == date.max else (day + timedelta(days=1)).isoformat()
        return {
            # A page past anything the store can hold is past the last page: asked as the
            # store's last offset, it gets no replies (and the total).
            "offset": min((self.page - 1) * self.per_page, MAX_SEQ),
            "limit": self.per_page,
            "query": self.q or None,
            "style": self.style or None,
            "dimension": self.dimension or None,
            "min_level": self.level if self.dimension else None,
            "helper": self.helper or None,
            "topic": self.topic or None,
            "attention": self.attention or None,
            "since": self.since or None,
            "until": until or None,
        }


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def parse_filters(params: Mapping[str, str], dimensions: Sequence[str]) -> Filters:
    """The filters of a query string; what cannot be used is listed in ``problems``."""
    problems: list[str] = []
    invalid: list[str] = []

    def problem(name: str, message: str) -> None:
        problems.append(message)
        invalid.append(name)

    def text(name: str, limit: int) -> str:
        value = params.get(name, "").strip()
        if len(value) > limit:
            problem(name, f"{name} is longer than {limit} characters; shorten it.")
            return value[:limit]
        return value

    values = {
        name: text(name, FILTER_LIMITS.get(name, MAX_FILTER_CHARS)) for name in Filters._FIELDS
    }
    if values["dimension"] and values["dimension"] not in dimensions:
        problem(
            "dimension",
            f"There is no dimension “{isolate_text(values['dimension'])}”; pick one of "
            f"{', '.join(dimensions)}.",
        )
    if values["attention"] and values["attention"] not in ATTENTION_FILTERS:
        problem("attention", "“Needs a person” is any, crisis or unsafe; pick one from the list.")
    if values["min_level"] and values["min_level"] not in ("0", "1", "2"):
        problem("min_level", "The minimum level is 0, 1 or 2.")
    elif values["min_level"] and not values["dimension"]:
        problem("min_level", "A minimum level needs a dimension; pick one, or clear the level.")
    for name, label in (("since", "from"), ("until", "to")):
        if values[name] and normalize_timestamp(values[name]) is None:
            problem(
                name,
                f"The “{label}” date “{isolate_text(values[name])}” is not a date (2024-12-03).",
            )
    page = 1
    page_text = params.get("page", "").strip()
    if page_text:
        number = page_number(page_text)
        if number is None:
            shown = page_text if len(page_text) <= 30 else page_text[:30] + "…"
            problem(
                "page",
                f"“{isolate_text(shown)}” is not a page number: page is a whole number, "
                "1 for the first page.",
            )
        else:
            page = number
    try:
        per_page = int(params.get("per_page", str(DEFAULT_PAGE_SIZE)))
    except ValueError:
        per_page = DEFAULT_PAGE_SIZE
    if per_page not in PAGE_SIZES:
        per_page = DEFAULT_PAGE_SIZE
    return Filters(
        **values,
        page=page,
        per_page=per_page,
        problems=tuple(problems),
        invalid=tuple(invalid),
    )


def helper_spellings(wanted: str, stored: Iterable[str]) -> tuple[str, ...]:
    """The stored speakers (``stored``: a corpus's) that the helper filter ``wanted`` stands
    for: those the insights group under the name it stands for (:func:`known_name`: ``vol-1``
    stands for ``vol-1 ``, a composed ``Zoë`` for a decomposed one, ``"(unknown)"`` for a
    speaker named ``(unknown)``); else ``wanted`` as it is (which matches nothing stored)."""
    grouped = {name: group_name(name) for name in stored}
    key = known_name(wanted, {group for group in grouped.values() if group is not None})
    return tuple(name for name, group in grouped.items() if group == key) or (wanted,)


def grouped_helpers(facet: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
    """The helper facet (stored speaker, replies) as the insights name helpers: spellings of
    one name together, their replies added up; most replies first, then by name."""
    counts: dict[str, int] = {}
    for name, n in facet:
        grouped = group_name(name)
        if grouped is not None:
            counts[grouped] = counts.get(grouped, 0) + n
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


#: The id of the message that lists the filters that cannot be used (the explorer writes it;
#: each field it is about names it in ``aria-describedby``).
ERRORS_ID = "filter-errors"


def _options(values: Sequence[tuple[str, str]], chosen: str) -> str:
    """The options of a menu, ``chosen`` selected; a ``chosen`` value that is none of them
    (one typed into the address: a dimension that does not exist) is added as it is, so the
    menu shows what is asked for, not "any"."""
    if chosen and chosen not in {value for value, _ in values}:
        values = [*values, (chosen, isolate_text(chosen))]
    return "".join(
        f'<option value="{esc(value)}"{" selected" if value == chosen else ""}>{esc(label)}'
        "</option>"
        for value, label in values
    )


def _marked(filters: Filters, name: str) -> str:
    """The attributes of a field whose value cannot be used: invalid, and described by the
    message that says why; "" for the others."""
    if name not in filters.invalid:
        return ""
    return f' aria-invalid="true" aria-describedby="{ERRORS_ID}"'


def _date_field(filters: Filters, name: str, field_id: str) -> str:
    """A date input; one whose value is not a date is a text field instead, which keeps the
    value (a date input would show it empty) for the user to correct."""
    kind = "text" if name in filters.invalid else "date"
    value = getattr(filters, name)
    return (
        f'<input type="{kind}" id="{field_id}" name="{name}" value="{esc(value)}"'
        f"{_marked(filters, name)}>"
    )


def _counted(facet: Sequence[tuple[str, int]]) -> dict[str, int]:
    return dict(facet)


def filter_form(
    corpus_id: str, filters: Filters, dimensions: Sequence[str], facets: Mapping[str, Any]
) -> str:
    styles = _counted(facets.get("style", ()))
    style_values = [("", "any style")] + [
        (s, f"{s} ({styles[s]:,})" if s in styles else s) for s in STYLES
    ]
    style_values += [
        (s, f"{isolate_text(s)} ({n:,})") for s, n in styles.items() if s not in STYLES
    ]
    dimension_values = [("", "any dimension")] + [(d, d.replace("_", " ")) for d in dimensions]
    # A dimension alone keeps the replies that show it (level 1 or more): every reply has a
    # level on every dimension, so "any level" would keep them all. 0 is offered only when a
    # link asks for it.
    level_values = [("", "1 weak or 2 strong"), ("2", "2 strong only")]
    if filters.min_level == "0":
        level_values.append(("0", "0 none or more (every reply)"))
    chosen_level = "" if filters.min_level == "1" else filters.min_level
    topics = facets.get("topic", [])
    if topics:
        topic_values = [("", "any topic")] + [(t, f"{isolate_text(t)} ({n:,})") for t, n in topics]
        topic_field = (
            f'<select id="f-topic" name="topic"{_marked(filters, "topic")}>'
            f"{_options(topic_values, filters.topic)}"
        )
    else:
        topic_field = (
            '<select id="f-topic" name="topic" disabled><option>no topics assigned</option>'
        )
    helpers = "".join(
        f'<option value="{esc(h)}"></option>' for h, _ in grouped_helpers(facets.get("helper", []))
    )
    return (
        # autocomplete off: after Back, a browser would put the values typed last into the
        # form, which would then disagree with the address and the results shown.
        f'<form class="filters" method="get" action="/explorer/{quote(corpus_id, safe="")}" '
        'role="search" aria-label="Filter the results" autocomplete="off">'
        '<div class="field wide"><label for="f-q">Search the texts</label>'
        f'<input type="search" id="f-q" name="q" value="{esc(filters.q)}" maxlength="200" '
        f'placeholder="words in what they said or in the reply"{_marked(filters, "q")}></div>'
        f'<div class="field"><label for="f-style">Style</label><select id="f-style" name="style">'
        f"{_options(style_values, filters.style)}</select></div>"
        '<div class="field"><label for="f-dimension">Dimension</label>'
        f'<select id="f-dimension" name="dimension"{_marked(filters, "dimension")}>'
        f"{_options(dimension_values, filters.dimension)}"
        "</select></div>"
        '<div class="field"><label for="f-level">at level</label>'
        f'<select id="f-level" name="min_level"{_marked(filters, "min_level")}>'
        f"{_options(level_values, chosen_level)}"
        "</select></div>"
        '<div class="field"><label for="f-helper">Helper</label>'
        f'<input type="text" id="f-helper" name="helper" value="{esc(filters.helper)}" '
        f'list="helpers" maxlength="{MAX_ID_CHARS}" autocomplete="off"'
        f"{_marked(filters, 'helper')}>"
        f'<datalist id="helpers">{helpers}'
        "</datalist></div>"
        f'<div class="field"><label for="f-topic">Topic</label>{topic_field}</select></div>'
        # wide: the choices are phrases, cut short in a one-column field
        '<div class="field wide"><label for="f-attention">Needs a person</label>'
        f'<select id="f-attention" name="attention"{_marked(filters, "attention")}>'
        f"{_options(_ATTENTION, filters.attention)}"
        "</select></div>"
        '<div class="field"><label for="f-since">From</label>'
        f"{_date_field(filters, 'since', 'f-since')}</div>"
        '<div class="field"><label for="f-until">To (inclusive)</label>'
        f"{_date_field(filters, 'until', 'f-until')}</div>"
        '<div class="field"><label for="f-per-page">Per page</label>'
        '<select id="f-per-page" name="per_page">'
        f"{_options([(str(n), str(n)) for n in PAGE_SIZES], str(filters.per_page))}</select></div>"
        '<div class="actions"><button type="submit">Apply</button>'
        f'<a class="button quiet" href="/explorer/{quote(corpus_id, safe="")}">Clear</a></div>'
        "</form>"
    )
