"""Reading progress CSVs (the package's modules, in the order a row meets them):

- ``columns``: the columns of a progress CSV and the reader's limits;
- ``source``: opening a file or standard input, its encoding, lines of bounded length;
- ``header``: the header row, and where a cell starts for a located finding;
- ``index``: ``ProgressIndex``, which drives the row loop (dxcheck.rowscan) over a file
  into a ``store`` of series by target and entity, with the ``entities`` met;
- ``checks``: the row loop's slow paths, cell by cell (``numbers``: a file's decimal mark);
- ``duplicates``, ``charts``: the second passes (duplicate lines, the HTML charts' points);
- ``halves``: a large file read in two halves at once;
- ``summary``: what evaluation and coverage get, as values (``SeriesSummary``, ``Arrivals``).
"""

from dxcheck.progress.columns import COLUMNS, ProgressRow
from dxcheck.progress.index import ProgressIndex
from dxcheck.progress.source import InputFile, bounded_lines, bundled_sample, spool_stdin
from dxcheck.progress.summary import Arrivals, SeriesSummary

__all__ = [
    "COLUMNS",
    "Arrivals",
    "InputFile",
    "ProgressIndex",
    "ProgressRow",
    "SeriesSummary",
    "bounded_lines",
    "bundled_sample",
    "spool_stdin",
]
