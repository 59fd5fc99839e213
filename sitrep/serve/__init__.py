"""Showing events to people: the side-by-side claims grid and shareable markdown / HTML briefs."""

from __future__ import annotations

from sitrep.serve.brief import Brief, build_brief, framing_line
from sitrep.serve.grid import claims_grid, field_label
from sitrep.serve.report import REPORT_FORMATS, render_html, render_markdown, render_report

__all__ = [
    "REPORT_FORMATS",
    "Brief",
    "build_brief",
    "claims_grid",
    "field_label",
    "framing_line",
    "render_html",
    "render_markdown",
    "render_report",
]
