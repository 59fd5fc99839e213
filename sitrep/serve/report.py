"""Render an event brief as markdown or as one self-contained HTML page.

Every piece of text that comes from an article (values, spans, outlet names, reasons
quoting them) is escaped: article text is untrusted. The HTML page loads nothing: no
scripts, no stylesheets, no fonts, no map tiles, no links; the map position is an inline
SVG of the longitude/latitude grid with one dot.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

from sitrep.model import Article, Event
from sitrep.serve.brief import Brief, Position, SourceSummary, build_brief, framing_line
from sitrep.serve.grid import Cell, field_label

__all__ = ["REPORT_FORMATS", "render_html", "render_markdown", "render_report"]

REPORT_FORMATS: tuple[str, ...] = ("md", "html")

# Characters that start markup mid-line: emphasis, code, links and images (the brackets), table cells.
# Parentheses, "#" and "+" only mean something after "]" or at the start of a line, and every value is
# written mid-line on one line, so they stay readable.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|~])")


def _md(text: str) -> str:
    """Markdown-safe text: HTML characters as entities, markdown ones backslash-escaped, one line."""
    flat = " ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", flat)


def _cell_md(cells: tuple[Cell, ...]) -> str:
    if not cells:
        return "–"
    parts = []
    for c in cells:
        part = _md(c.value)
        if c.hedged:
            part += " *(hedged)*"
        if c.origin:
            part += f" *via {_md(c.origin)}*"
        parts.append(part)
    return "<br>".join(parts)


def _position_text(p: Position | None) -> str:
    if p is None:
        return "no position: the place could not be geocoded"
    ns = "N" if p.latitude >= 0 else "S"
    ew = "E" if p.longitude >= 0 else "W"
    return f"{abs(p.latitude):.4f}°{ns}, {abs(p.longitude):.4f}°{ew} ({p.precision}): {p.label}"


def _source_lines(s: SourceSummary) -> list[str]:
    lines = [f"articles: {', '.join(s.article_ids)}"]
    if s.agency:
        lines.append(f"wire agency: {s.agency}")
    if s.credits:
        lines.append(f"credits: {', '.join(s.credits)}")
    lines += s.responsibility
    lines.append(f"hedged claims: {s.hedged_claims} of {s.claims}")
    if s.framing is not None:
        lines.append("framing: " + framing_line(s.framing))
    return lines


def render_markdown(brief: Brief) -> str:
    """The brief as a markdown document."""
    out = [f"# Event {_md(brief.event_id)}: {_md(brief.title)}", "", _md(brief.summary), ""]
    out += ["## Map position", "", _md(_position_text(brief.position)), ""]
    for title, items, empty in (
        (
            "Confirmed (two or more independent sources)",
            brief.confirmed,
            "nothing is confirmed independently",
        ),
        ("Disputed", brief.disputed, "no contradictions between sources"),
        ("Resting on one source", brief.single_source, "every uncontested value has two sources or more"),
    ):
        out += [f"## {title}", ""]
        out += [f"- {_md(i)}" for i in items] or [f"_{empty}_"]
        out.append("")
    out += ["## Sources", ""]
    for s in brief.sources:
        out += [f"### {_md(s.name)}", ""] + [f"- {_md(line)}" for line in _source_lines(s)] + [""]
    out += ["## Claims side by side", ""]
    out.append("| field | " + " | ".join(_md(c) for c in brief.columns) + " | agreement |")
    out.append("|---" * (len(brief.columns) + 2) + "|")
    for row in brief.rows:
        agreement = "<br>".join(
            _md(f"{a.value}: {a.independent_sources}") + (" *disputed*" if a.contradicted else "")
            for a in row.agreement
        )
        cells = " | ".join(_cell_md(c) for c in row.cells)
        out.append(f"| {field_label(row.field)} | {cells} | {agreement or '–'} |")
    return "\n".join(out) + "\n"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _svg(p: Position) -> str:
    """A link-free, asset-free map position: the world's lon/lat grid with a dot."""
    x = (p.longitude + 180.0) / 360.0 * 360.0
    y = (90.0 - p.latitude) / 180.0 * 180.0
    grid = "".join(
        f'<line x1="{gx}" y1="0" x2="{gx}" y2="180" class="g"/>' for gx in range(0, 361, 30)
    ) + "".join(f'<line x1="0" y1="{gy}" x2="360" y2="{gy}" class="g"/>' for gy in range(0, 181, 30))
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 180" width="360" height="180" '
        'role="img" aria-label="map position">'
        '<rect x="0" y="0" width="360" height="180" class="sea"/>'
        f'{grid}<line x1="0" y1="90" x2="360" y2="90" class="eq"/>'
        f'<circle cx="{x:.2f}" cy="{y:.2f}" r="4" class="dot"/></svg>'
    )


_CSS = (
    "body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222}"
    "table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3rem;vertical-align:top;"
    "text-align:left}th{background:#f3f3f3}.h{color:#8a5a00;font-size:.85em}.o{color:#555;font-size:.85em}"
    ".d{color:#b00}.sea{fill:#eef4fa}.g{stroke:#c9d6e3;stroke-width:.5}.eq{stroke:#9fb3c8;stroke-width:.8}"
    ".dot{fill:#c00;stroke:#fff;stroke-width:1}"
)


def _cell_html(cells: tuple[Cell, ...]) -> str:
    if not cells:
        return "–"
    parts = []
    for c in cells:
        part = f'<span title="{_e(c.text)}">{_e(c.value)}</span>'
        if c.hedged:
            part += ' <span class="h">(hedged)</span>'
        if c.origin:
            part += f' <span class="o">via {_e(c.origin)}</span>'
        parts.append(part)
    return "<br>".join(parts)


def _list_html(items: list[str], empty: str) -> str:
    if not items:
        return f"<p><em>{_e(empty)}</em></p>"
    return "<ul>" + "".join(f"<li>{_e(i)}</li>" for i in items) + "</ul>"


def render_html(brief: Brief) -> str:
    """The brief as one self-contained HTML page (no external assets, every text escaped)."""
    body = [f"<h1>Event {_e(brief.event_id)}: {_e(brief.title)}</h1>", f"<p>{_e(brief.summary)}</p>"]
    body.append("<h2>Map position</h2>")
    if brief.position is not None:
        body.append(_svg(brief.position))
    body.append(f"<p>{_e(_position_text(brief.position))}</p>")
    body += ["<h2>Confirmed (two or more independent sources)</h2>"]
    body.append(_list_html(brief.confirmed, "nothing is confirmed independently"))
    body += ["<h2>Disputed</h2>", _list_html(brief.disputed, "no contradictions between sources")]
    body += ["<h2>Resting on one source</h2>"]
    body.append(_list_html(brief.single_source, "every uncontested value has two sources or more"))
    body.append("<h2>Sources</h2>")
    for s in brief.sources:
        body += [f"<h3>{_e(s.name)}</h3>", _list_html(_source_lines(s), "")]
    body.append("<h2>Claims side by side</h2><table><tr><th>field</th>")
    body += [f"<th>{_e(c)}</th>" for c in brief.columns] + ["<th>agreement</th></tr>"]
    for row in brief.rows:
        cells = "".join(f"<td>{_cell_html(c)}</td>" for c in row.cells)
        agreement = "<br>".join(
            f"{_e(a.value)}: {a.independent_sources}"
            + (' <span class="d">disputed</span>' if a.contradicted else "")
            for a in row.agreement
        )
        body.append(f"<tr><th>{_e(field_label(row.field))}</th>{cells}<td>{agreement or '–'}</td></tr>")
    body.append("</table>")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<title>{_e(brief.title)} ({_e(brief.event_id)})</title><style>{_CSS}</style></head>"
        f"<body>{''.join(body)}</body></html>\n"
    )


def render_report(event: Event, fmt: str, articles: Mapping[str, Article] | None = None) -> str:
    """``event``'s brief in ``fmt`` (``md`` or ``html``)."""
    if fmt not in REPORT_FORMATS:
        raise ValueError(f"unknown report format {fmt!r}: use one of {', '.join(REPORT_FORMATS)}")
    brief = build_brief(event, articles)
    return render_markdown(brief) if fmt == "md" else render_html(brief)
