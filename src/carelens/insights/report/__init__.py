"""The offline HTML report: one self-contained page over :class:`~carelens.insights.Insights`.

:func:`build_report` returns a single HTML document with inline CSS and inline SVG charts
(drawn by :mod:`.charts`); it references no script, font, image or stylesheet, and its
Content-Security-Policy forbids the browser to load any, so the page works offline and
leaks nothing when opened. The sections, in order: a summary, the community overview
(style distribution, mean level per dimension, monthly trends), the helpers table (every
helper), strain signals across helpers, one section per helper for the ``max_helpers``
helpers with most responses, examples of the strongest empathic and compassionate
responses with their rationale spans marked, crisis cues, and a methods note. The numbers are
those of the Insights tables, computed from one grouping of the rows (:mod:`.rollup`). All
text from the data is HTML-escaped (:mod:`.format`). The modules: :mod:`.document` (the page
shell, :func:`build_report`, :func:`write_report`), :mod:`.overview` (the figures and the
community-level sections, shared with the dashboards of ``carelens serve``), :mod:`.sections`
(overview, communities, trends, crisis cues), :mod:`.helper_sections` (helpers, strain
signals, helper details), :mod:`.examples`, :mod:`.methods`, :mod:`.rollup`, :mod:`.format`,
:mod:`.names` (how a response is named where ids are shared), :mod:`.page` and
:mod:`.charts`. Responses are linked, anchored and picked by their position in the input,
never by their id: several responses of one input may share an id (two files, or two
threads whose message numbers restart), and a shared id is shown with what tells it apart.
"""

from __future__ import annotations

from carelens.insights.report.document import build_report, write_report
from carelens.insights.report.examples import pick_examples
from carelens.insights.report.format import highlight_spans
from carelens.insights.report.overview import Overview

__all__ = ["Overview", "build_report", "highlight_spans", "pick_examples", "write_report"]
