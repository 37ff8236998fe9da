"""The frame of the HTML report: its stylesheet, its small script, the chart markers, and
the document around a body.

One self-contained file: nothing is fetched, ever. A Content-Security-Policy in the page
says so to the browser (``default-src 'none'``) and lets only this stylesheet and this
script run (by their SHA-256), so even text that slipped through escaping could load and
run nothing. The page reads the same with scripts off: the script only adds sorting,
a filter box and a status filter, whose controls stay hidden without it.
"""

from __future__ import annotations

import base64
import hashlib
from html import escape

# Okabe-Ito, the palette for colour-blind readers: black for the nation, then orange, sky
# blue, bluish green, blue, vermillion, reddish purple (yellow is left out: too light on
# white). Each series also has its own marker shape: (colour, SVG of the marker).
SERIES = (
    ("#000000", '<circle r="3.6" fill="#000000"/>'),
    ("#E69F00", '<rect x="-3.4" y="-3.4" width="6.8" height="6.8" fill="#E69F00"/>'),
    ("#56B4E9", '<path d="M0,-4.4 L4,3 L-4,3 Z" fill="#56B4E9"/>'),
    ("#009E73", '<path d="M0,-4.4 L4.4,0 L0,4.4 L-4.4,0 Z" fill="#009E73"/>'),
    ("#0072B2", '<path d="M0,4.4 L4,-3 L-4,-3 Z" fill="#0072B2"/>'),
    ("#D55E00", '<path d="M-3.4,-3.4 L3.4,3.4 M3.4,-3.4 L-3.4,3.4" stroke="#D55E00" stroke-width="2.2"/>'),
    ("#CC79A7", '<path d="M0,-4 L0,4 M-4,0 L4,0" stroke="#CC79A7" stroke-width="2.4"/>'),
)

MARKERS = (
    '<svg class="defs" width="0" height="0" aria-hidden="true" focusable="false"><defs>'
    + "".join(
        f'<marker id="m{i}" viewBox="-5 -5 10 10" markerWidth="10" markerHeight="10" '
        f'markerUnits="userSpaceOnUse" orient="0">{shape}</marker>'
        for i, (_, shape) in enumerate(SERIES)
    )
    + "</defs></svg>"
)

_SERIES_CSS = "".join(
    f".s{i}{{stroke:{colour};marker:url(#m{i})}}.key .s{i}{{marker:none;marker-mid:url(#m{i})}}"
    for i, (colour, _) in enumerate(SERIES)
)

STYLE = (
    """
:root{--ink:#1b1b1b;--muted:#555;--line:#d4d4d4;--soft:#f5f5f5}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;color:var(--ink);background:#fff;
font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans","Liberation Sans",Arial,sans-serif}
main{max-width:1060px;margin:0 auto;padding:16px}
h1{font-size:1.55rem;margin:.1em 0 .2em;line-height:1.2}
h2{font-size:1.2rem;margin:1.8em 0 .5em;padding-bottom:.2em;border-bottom:2px solid var(--ink)}
h3{font-size:1.05rem;margin:0 0 .3em;line-height:1.3}
a{color:#0a4f8a}
.asof{font-size:1.05rem;margin:0}
.muted{color:var(--muted)}
code{font-size:.9em;background:var(--soft);padding:0 .25em;overflow-wrap:anywhere}
.verdict{border:3px solid;padding:10px 14px;margin:14px 0;display:flex;gap:14px;align-items:center}
.verdict p{margin:0}
.verdict.failed{border-color:#D55E00;background:#fdf1e8}
.verdict.passed{border-color:#009E73;background:#e9f6f1}
.verdict .mark{font-size:2rem;font-weight:700;line-height:1}
.tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(9.5em,1fr));gap:8px;list-style:none;padding:0;margin:.4em 0 1em}
.tiles li{border:1px solid var(--line);padding:6px 10px}
.tiles b{display:block;font-size:1.4rem;font-variant-numeric:tabular-nums}
.badge{display:inline-block;padding:0 .4em;border:1px solid;border-radius:3px;white-space:nowrap;font-weight:600}
.st-pass{color:#00634a;border-color:#009E73;background:#e9f6f1}
.st-fail{color:#9c3a00;border-color:#D55E00;background:#fdf1e8}
.st-overdue{color:#7b2d5b;border-color:#CC79A7;background:#f9edf4}
.st-pending{color:#00507f;border-color:#0072B2;background:#e8f2f9}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.9rem}
caption{text-align:left;font-weight:600;padding:.3em 0}
th,td{padding:4px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
thead th{border-bottom:2px solid var(--ink);vertical-align:bottom}
.n{text-align:right;font-variant-numeric:tabular-nums}
.d{white-space:nowrap}
th button{font:inherit;font-weight:700;border:0;background:none;padding:0;cursor:pointer;color:inherit;
white-space:normal;text-align:inherit}
th[aria-sort=ascending] button::after{content:" \\25B2"}
th[aria-sort=descending] button::after{content:" \\25BC"}
.controls{margin:.4em 0}
.controls input,.controls select{font:inherit;padding:2px 6px;margin-left:.4em}
section.target{border-top:1px solid var(--line);padding:16px 0 8px}
.tid{margin:0 0 .4em;font-size:.9rem}
blockquote{margin:.6em 0;padding:.2em .9em;border-left:4px solid var(--line);font-style:italic}
.source{font-size:.9rem;margin:.2em 0 .6em}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:.5em 0}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
figure{margin:.6em 0 0}
figcaption{font-size:.9rem;color:var(--muted)}
.nochart{font-style:italic;color:var(--muted)}
svg.defs{position:absolute;width:0;height:0;overflow:hidden}
svg.chart{display:block;width:100%;max-width:760px;height:auto;font-size:13px;font-family:inherit}
.chart .grid{stroke:#e6e6e6}
.chart .axis,.chart .tickmark{stroke:#666}
.chart text{fill:#222}
.chart .note{font-size:12px}
.chart .axis-label{font-size:12px;fill:#555}
polyline{fill:none;stroke-width:2;stroke-linejoin:round}
.s0{stroke-width:2.6}
.level{stroke:#009E73;stroke-width:2;stroke-dasharray:9 4}
.due{stroke:#444;stroke-width:1.5;stroke-dasharray:3 3}
.fit{stroke:#6a6a6a;stroke-width:1.6;stroke-dasharray:12 3 2 3}
.projection{stroke:#6a6a6a;stroke-width:2;stroke-dasharray:2 4}
.projected{fill:#fff;stroke:#000;stroke-width:1.6}
.baseline{fill:#fff;stroke:#000;stroke-width:1.6}
.legend{list-style:none;padding:0;margin:.3em 0;display:flex;flex-wrap:wrap;gap:2px 16px;font-size:.88rem}
.key{width:30px;height:12px;vertical-align:middle;margin-right:5px;overflow:visible}
details.numbers{margin:.4em 0 .6em;font-size:.9rem}
footer{margin-top:2em;padding-top:.6em;border-top:1px solid var(--line);font-size:.85rem;color:var(--muted)}
@media (max-width:600px){main{padding:10px}h1{font-size:1.3rem}.tiles{grid-template-columns:repeat(auto-fill,minmax(8em,1fr))}
.chart text,.chart .note,.chart .axis-label{font-size:19px}
dl.facts{grid-template-columns:1fr;gap:0}dl.facts dd{margin-bottom:.35em}}
tbody th{min-width:9em}
@page{size:A4;margin:14mm 12mm}
@media print{
body{font-size:10pt}
table{font-size:8.5pt}
th,td{padding:2px 4px}
tbody th{min-width:0}
main{max-width:none;padding:0}
.controls,details.numbers{display:none!important}
h2,h3{break-after:avoid}
section.target,figure,tr,.verdict{break-inside:avoid}
.scroll{overflow:visible}
svg.chart{max-width:17cm}
.verdict,.badge{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.source a[href]::after{content:" (" attr(href) ")";font-size:.85em;overflow-wrap:anywhere}
}
""".strip()
    + "\n"
    + _SERIES_CSS
    + "\n"
)

# Sorting (a click on a column heading), a filter box for a table and a status filter for
# the target sections. It reads and moves what is on the page; it never writes markup.
SCRIPT = """
(function () {
  "use strict";
  var each = function (list, f) { Array.prototype.forEach.call(list, f); };
  each(document.querySelectorAll(".controls"), function (c) { c.hidden = false; });
  each(document.querySelectorAll("table.sortable"), function (table) {
    var heads = table.tHead.rows[0].cells;
    each(heads, function (th, col) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var up = th.getAttribute("aria-sort") !== "ascending";
        var numeric = th.classList.contains("n");
        each(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", up ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col].textContent, y = b.cells[col].textContent;
          var order = numeric ? parseFloat(x.replace(/[^0-9-]/g, "")) - parseFloat(y.replace(/[^0-9-]/g, ""))
                              : x.localeCompare(y);
          return up ? order : -order;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
  each(document.querySelectorAll("input[data-rows]"), function (input) {
    var table = document.getElementById(input.getAttribute("data-rows"));
    input.addEventListener("input", function () {
      var q = input.value.trim().toLowerCase();
      each(table.tBodies[0].rows, function (r) {
        r.hidden = q !== "" && r.textContent.toLowerCase().indexOf(q) < 0;
      });
    });
  });
  each(document.querySelectorAll("select[data-sections]"), function (select) {
    var scope = document.getElementById(select.getAttribute("data-sections"));
    select.addEventListener("change", function () {
      var v = select.value;
      each(scope.querySelectorAll("section.target"), function (s) {
        s.hidden = v !== "" && s.getAttribute("data-status") !== v;
      });
    });
  });
})();
""".strip()


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


POLICY = (
    f"default-src 'none'; style-src {_sha256(STYLE)}; script-src {_sha256(SCRIPT)}; "
    "img-src 'none'; base-uri 'none'; form-action 'none'"
)


def document(lang: str, title: str, body: str, *, script: bool = True) -> str:
    """The whole page; ``title`` is plain text (escaped here), ``body`` is markup."""
    tail = f"<script>{SCRIPT}</script>\n" if script else ""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(lang, quote=True)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="dxcheck">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"{MARKERS}\n<main>\n{body}</main>\n{tail}</body>\n</html>\n"
    )
