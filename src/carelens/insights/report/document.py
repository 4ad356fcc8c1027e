"""The page shell and the entry points: :func:`build_report` and :func:`write_report`.

The shell is the HTML head (inline CSS, a Content-Security-Policy that forbids loading
anything), the header with the table of contents, and the sections in order. The table of
contents is made last, from the sections the page holds: a page with nothing to show has
only its overview and methods, and a link to a section it lacks would lead nowhere. The
page is deterministic: the same insights give the same bytes (no clock is read).
"""

from __future__ import annotations

import os
import re
import secrets
import stat
from collections.abc import Collection, Mapping, Sequence
from contextlib import suppress
from pathlib import Path, PurePath
from typing import Any

from carelens._version import __version__
from carelens.insights.frames import Insights
from carelens.insights.report import charts
from carelens.insights.report.examples import examples_section, pick_examples
from carelens.insights.report.format import bdi, esc, plural
from carelens.insights.report.helper_sections import (
    helper_section,
    helpers_section,
    signals_overview,
)
from carelens.insights.report.methods import methods, model_id_of
from carelens.insights.report.names import position_of
from carelens.insights.report.overview import Overview
from carelens.insights.report.page import Page
from carelens.insights.rows import ResponseRow

#: The report's style sheet (inline in the report; the dashboards of ``carelens serve`` load
#: it as ``/static/report.css``, so their sections look the same). Names, ids and communities
#: come from the data and may be one long word (a helper name of 512 characters): the header
#: and the sections break them anywhere rather than scroll the page sideways; tables keep
#: their words (a long name is cut short in a row header, and a table scrolls in its frame).
#: A quoted text (``dir="auto"``) has its bar on the side it starts from: the right for
#: Hebrew or Arabic (logical borders).
#: Chart text gets its colour from here only where it has no ``fill`` of its own: a style
#: rule beats an SVG attribute, and the labels inside bars carry the black or white that
#: reads on their bar. In forced colours (Windows high contrast) a chart is kept as drawn, on
#: a white panel, like an image: forced to the theme's colours its bars would lose what tells
#: them apart, and a black series or label would vanish on a black page; legend swatches
#: keep their colours too, framed in the theme's text colour.
CSS = """
:root{color-scheme:light;--ink:#1d1d1f;--muted:#5b6067;--line:#d9dce1;--soft:#f5f7fa}
*{box-sizing:border-box}
body{margin:0;color:var(--ink);background:#fff;
font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
header.top{background:var(--soft);border-bottom:1px solid var(--line);padding:20px 0 14px}
header.top>div,main{max-width:1240px;margin:0 auto;padding:0 24px}
main{padding-bottom:48px}
h1{font-size:1.7rem;margin:0 0 4px}
h2{font-size:1.35rem;margin:2.2em 0 .6em;padding-bottom:4px;border-bottom:2px solid var(--line)}
h3{font-size:1.1rem;margin:1.6em 0 .3em}
h4{font-size:.98rem;margin:1em 0 .3em}
header.top h1,header.top p,main section{overflow-wrap:anywhere}
main section table{overflow-wrap:normal}
a{color:#0b5cad}
.muted{color:var(--muted)}
nav.toc ul{list-style:none;padding:0;margin:10px 0 0;display:flex;flex-wrap:wrap;gap:4px 18px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(128px,1fr));gap:12px;
margin:18px 0}
.card{border:1px solid var(--line);border-radius:8px;padding:10px 14px;background:#fff}
.card .value{display:block;font-size:1.45rem;font-weight:600}
.card .value.small{font-size:1.05rem;line-height:2.1rem}
.card .label{color:var(--muted);font-size:.85rem}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(440px,100%),1fr));
gap:4px 28px}
.grid2>*{min-width:0}
figure{margin:8px 0 18px}
figcaption{font-weight:600;font-size:.95rem;margin-bottom:2px}
svg.chart{display:block;max-width:100%;height:auto}
svg.chart.only-narrow{display:none}
svg text{font-size:12px}
svg text:not([fill]){fill:#222}
svg text.muted:not([fill]){fill:#5b6067}
svg text.small{font-size:10.5px}
svg .grid{stroke:#e1e3e6;stroke-width:1}
.legend{list-style:none;display:flex;flex-wrap:wrap;gap:2px 16px;padding:0;margin:2px 0 6px;
font-size:.85rem}
.swatch{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:6px;
vertical-align:-1px}
.swatch-line{margin-right:6px;vertical-align:middle}
.table-wrap{overflow:auto;max-width:100%}
.table-wrap:focus-visible{outline:2px solid #0b5cad;outline-offset:2px}
details.figures{margin:4px 0 0;font-size:.9rem}
details.figures summary{cursor:pointer;color:#0b5cad}
.table-wrap.tall{max-height:75vh;border:1px solid var(--line)}
table{border-collapse:collapse;font-size:.84rem}
th,td{padding:4px 5px;border-bottom:1px solid #eceef1;text-align:left;vertical-align:top}
thead th{background:#fff;position:sticky;top:0;border-bottom:2px solid var(--line);z-index:1}
th.num,td.num{text-align:right;font-variant-numeric:tabular-nums}
td.num{white-space:nowrap}
thead th{font-size:.78rem;line-height:1.25;font-weight:600}
tbody tr:nth-child(even){background:#fafbfc}
tbody th{white-space:nowrap;max-width:16em;overflow:hidden;text-overflow:ellipsis}
small.few{color:var(--muted);font-size:.72rem;white-space:nowrap}
.note{background:var(--soft);border-left:4px solid var(--line);padding:8px 14px;margin:10px 0}
.signals{background:#fff8e8;border-left:4px solid #E69F00;padding:6px 14px 10px;margin:10px 0}
.signals ul{margin:4px 0;padding-left:20px}
.crisis{background:#fdf0f4;border-left:4px solid #CC79A7;padding:8px 14px;margin:10px 0}
section.helper{border-top:1px solid var(--line);margin-top:22px}
dl.metrics{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(250px,100%),1fr));
gap:2px 24px;
margin:6px 0;font-size:.9rem}
dt{font-weight:600}
dd{margin:0 0 6px 18px}
dl.metrics dt{font-weight:400}
dl.metrics div{display:flex;justify-content:space-between;border-bottom:1px dotted #e2e4e8}
dl.metrics dt{color:var(--muted)}
dl.metrics dd{margin:0;padding-left:8px;white-space:nowrap;font-variant-numeric:tabular-nums}
article.response{border:1px solid var(--line);border-radius:8px;padding:8px 14px;margin:10px 0}
article.response:target{outline:3px solid #0072B2}
.response .meta{font-size:.82rem;color:var(--muted)}
.text{white-space:pre-wrap;overflow-wrap:anywhere;margin:6px 0}
blockquote.text{margin:6px 0;padding-inline-start:12px;
border-inline-start:3px solid var(--line)}
mark{color:inherit;border-radius:2px;padding:0 1px;background:#fff1a8}
mark.empathy{background:#d3e7f7;box-shadow:inset 0 -2px #0072B2}
mark.compassion{background:#d2f0e5;box-shadow:inset 0 -2px #009E73}
mark.distress{background:#fde3d2;box-shadow:inset 0 -2px #D55E00}
code{font-size:.88em}
pre{overflow-x:auto;max-width:100%}
@media (max-width:640px){header.top>div,main{padding-left:14px;padding-right:14px}
.table-wrap td:not(.num){min-width:10em}}
@media print{.table-wrap.tall{max-height:none;overflow:visible}details{display:block}}
@media (forced-colors:active){svg.chart,.swatch,.swatch-line{forced-color-adjust:none}
svg.chart,.swatch-line{background:#fff}
.swatch{border:1px solid CanvasText}}
""" + (
    f"@media {charts.NARROW_MEDIA}{{svg.chart.only-wide{{display:none}}"
    "svg.chart.only-narrow{display:block}}\n"
)

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

#: The table of contents: each section's anchor and link text, in page order.
TOC: tuple[tuple[str, str], ...] = (
    ("overview", "Overview"),
    ("communities", "Communities"),
    ("trends", "Trends"),
    ("helpers", "Helpers"),
    ("signals", "Strain signals"),
    ("helper-details", "Helper details"),
    ("examples", "Examples"),
    ("crisis", "Crisis cues, unsafe replies"),
    ("methods", "Methods"),
)
_SECTION_ID = re.compile(r'<section id="([^"]+)"')


def _header(
    title: str, source: str | None, model: Mapping[str, Any] | None, sections: Collection[str]
) -> str:
    """The page header; its table of contents links to those of :data:`TOC` in ``sections``
    (the ids of the sections the page holds)."""
    facts = []
    if source:
        facts.append(f"Data: <strong>{bdi(PurePath(source).name or source)}</strong>")
    model_id = model_id_of(model)
    if model_id:
        facts.append(f"Model: <strong>{bdi(model_id)}</strong>")
    facts.append(f"Made with carelens {esc(__version__)}, offline")
    links = "".join(f'<li><a href="#{a}">{t}</a></li>' for a, t in TOC if a in sections)
    return (
        f'<header class="top"><div><h1>{esc(title)}</h1>'
        f'<p class="muted">{" · ".join(facts)}</p>'
        f'<nav class="toc" aria-label="Sections"><ul>{links}</ul></nav></div></header>'
    )


def _document(
    title: str, source: str | None, model: Mapping[str, Any] | None, sections: Sequence[str]
) -> str:
    """The whole page: head, header (its table of contents from ``sections``), sections."""
    ids = {found for part in sections for found in _SECTION_ID.findall(part)}
    body = [_header(title, source, model, ids), "<main>", *sections]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="carelens {esc(__version__)}">'
        '<link rel="icon" href="data:,">'
        f"<title>{esc(title)}</title><style>{CSS}</style></head><body>"
        + "".join(body)
        + "</main></body></html>\n"
    )


def build_report(
    insights: Insights,
    *,
    title: str = "carelens report",
    model: Mapping[str, Any] | None = None,
    source: str | None = None,
    max_helpers: int = 50,
    examples: int = 5,
) -> str:
    """One self-contained HTML page over ``insights`` (see :mod:`carelens.insights.report`).

    ``model`` is the model's manifest (its id, taxonomy and evaluation figures are shown
    where present), ``source`` the input file's name (only the name is shown),
    ``max_helpers`` how many helpers get a section of their own (most responses first) and
    ``examples`` how many responses to show per dimension.
    """
    if max_helpers < 0 or examples < 0:
        raise ValueError("max_helpers and examples must be 0 or more")
    body: list[str] = []
    rows = insights.rows
    if not rows:
        body.append(
            '<section id="overview"><h2>Overview</h2><p class="note" id="nothing">Nothing to '
            "show: there are no analysed responses in this input.</p></section>"
        )
        body.append(methods(insights, model))
        return _document(title, source, model, body)

    overview = Overview.of(insights)
    figures = overview.rollup
    helper_records = overview.helper_records
    page = Page(overview.names)

    # Responses are told apart by their position in the input: ids may be shared.
    picks: list[tuple[str, Sequence[ResponseRow]]] = []
    taken: set[int] = set()
    for dimension in ("empathy", "compassion"):
        chosen = pick_examples(rows, dimension, examples, exclude=taken)
        taken.update(position_of(r) for r in chosen)
        picks.append((dimension, chosen))
    for k, row in enumerate(r for _, chosen in picks for r in chosen):
        page.examples[position_of(row)] = f"ex-{k + 1}"

    detailed = helper_records[:max_helpers]
    links = {str(rec["helper"]): f"#h-{i + 1}" for i, rec in enumerate(detailed)}
    body.append(overview.summary())
    body.append(overview.communities(page))
    body.append(overview.trends(page))
    few = insights.thresholds.min_trend_responses
    body.append(
        helpers_section(
            helper_records, links, overview.signal_count(), max_helpers, min_trend_responses=few
        )
    )
    details = ['<section id="helper-details"><h2>Helper details</h2>']
    if detailed:
        details.append(
            f'<p class="muted">The {plural(len(detailed), "helper")} with most responses'
            + (f" of {len(helper_records):,}" if len(helper_records) > len(detailed) else "")
            + ".</p>"
        )
    else:
        details.append("<p>No helper sections were asked for.</p>")
    for i, rec in enumerate(detailed):
        helper = str(rec["helper"])
        details.append(
            helper_section(
                page,
                i + 1,
                rec,
                figures.by_helper[helper],
                figures.months_of(helper),
                overview.signals_by_helper.get(helper, []),
                min_trend_responses=few,
            )
        )
    details.append("</section>")
    # After the helper sections, so that it can link to the evidence they show.
    body.append(signals_overview(overview.signals, links, page.anchor, page.names))
    body.append("".join(details))
    body.append(examples_section(page, picks, figures.any_text))
    body.append(overview.crisis(page.anchor))
    body.append(methods(insights, model))
    return _document(title, source, model, body)


def write_report(
    insights: Insights,
    path: str | os.PathLike[str],
    *,
    title: str = "carelens report",
    model: Mapping[str, Any] | None = None,
    source: str | None = None,
    max_helpers: int = 50,
    examples: int = 5,
) -> Path:
    """Write :func:`build_report` to ``path`` atomically (a temporary file, then a rename).

    A reader of ``path`` sees the old file or the whole new one, never half of it. The file
    gets the permissions of every other output (read-write for all, less the umask: under
    ``umask 077`` only its owner reads it). A symbolic link is written where it points (the
    link stays); a named pipe or a device (``/dev/stdout``) is written straight into. A
    write that fails (a full disk) raises its OSError and leaves no temporary file. Returns
    the path written.
    """
    text = build_report(
        insights,
        title=title,
        model=model,
        source=source,
        max_helpers=max_helpers,
        examples=examples,
    )
    target = Path(path)
    if target.is_symlink():  # written where the link points: the link stays
        target = Path(os.path.realpath(target))
    if _written_straight(target):  # a named pipe, a device: nothing put in its place
        with target.open("w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        return target
    fd, tmp = _new_temporary(target)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with suppress(OSError):  # never hides why it failed
            Path(tmp).unlink(missing_ok=True)
        raise
    return target


def _written_straight(target: Path) -> bool:
    """Whether ``target`` is an existing file that is neither a regular file nor a folder
    (a named pipe, a device such as ``/dev/stdout``): written into as it is."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _new_temporary(target: Path) -> tuple[int, str]:
    """A new file beside ``target`` (its descriptor and path), created as ``open`` creates
    an output: mode 0666 less the umask (``mkstemp`` would make it 0600 whatever the umask,
    and a chmod to a fixed mode would ignore it)."""
    for _ in range(100):
        tmp = target.parent / f".{target.name}.{secrets.token_hex(6)}.tmp"
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), str(tmp)
        except FileExistsError:
            continue
    raise FileExistsError(f"{target.parent}: no free name for a temporary file")
