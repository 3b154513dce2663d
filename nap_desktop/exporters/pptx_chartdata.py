"""Chart data for the deck's native charts: literal text in the embedded workbook, linear in the rows.

python-pptx writes each chart's data into a small workbook inside the deck (PowerPoint's "Edit
Data" opens it). Its own writer opens that workbook with XlsxWriter's defaults, so a category or
series name such as ``=HYPERLINK(…)``, ``=1+1`` or ``cmd|' /C calc'!A0`` was written as a formula
that Edit Data evaluates, and a name starting with ``http://`` as a link. Here every name goes
through the text-safety boundary (exporters/textsafe.py) and is written with ``write_string``.

python-pptx also finds each category's position by walking the category list from its start
(``Categories.index``), once per category: a chart of 100,000 categories never finished. The
positions here are counted once, so building the chart is linear in its rows.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any

from pptx.chart.data import Categories, CategoryChartData
from pptx.chart.xlsx import CategoryWorkbookWriter

from nap_desktop.exporters.textsafe import XLSX_LITERAL_OPTIONS, cell_text


class LinearCategories(Categories):
    """Single- or multi-level categories whose offsets are counted once (python-pptx: once per lookup)."""

    def __init__(self) -> None:
        super().__init__()
        self._offsets: dict[int, int] | None = None
        self._depth: int | None = None

    def add_category(self, label: Any) -> Any:
        self._offsets = None
        self._depth = None
        return super().add_category(label)

    def index(self, category: Any) -> int:
        if self._offsets is None:
            offsets, at = {}, 0
            for this in self._categories:
                offsets[id(this)] = at
                at += this.leaf_count
            self._offsets = offsets
        try:
            return self._offsets[id(category)]
        except KeyError:
            raise ValueError("category not in top-level categories") from None

    @property
    def depth(self) -> int:
        if self._depth is None:
            self._depth = Categories.depth.fget(self)
        return self._depth


class LiteralWorkbookWriter(CategoryWorkbookWriter):
    """The embedded workbook with every name written as a literal string (never a formula or a link)."""

    @contextmanager
    def _open_worksheet(self, xlsx_file: Any):
        from xlsxwriter import Workbook

        workbook = Workbook(xlsx_file, {"in_memory": True, **XLSX_LITERAL_OPTIONS})
        worksheet = workbook.add_worksheet()
        yield workbook, worksheet
        workbook.close()

    def _write_cat_column(self, worksheet: Any, col: int, level: Any, num_format: Any) -> None:
        worksheet.set_column(col, col, 10)  # wide enough for a date
        for off, name in level:
            if isinstance(name, str):
                worksheet.write_string(off + 1, col, cell_text(name), num_format)
            else:
                worksheet.write(off + 1, col, name, num_format)

    def _write_series(self, workbook: Any, worksheet: Any) -> None:
        col_offset = self._chart_data.categories.depth
        for idx, series in enumerate(self._chart_data):
            num_format = workbook.add_format({"num_format": series.number_format})
            series_col = idx + col_offset
            worksheet.write_string(0, series_col, cell_text(series.name))
            # a missing value stays an empty cell (never 0)
            worksheet.write_column(1, series_col, series.values, num_format)


class LiteralChartData(CategoryChartData):
    """CategoryChartData writing its workbook through :class:`LiteralWorkbookWriter`, its categories
    through :class:`LinearCategories`; names are cleaned at the text-safety boundary."""

    @property
    def categories(self) -> LinearCategories:
        if not getattr(self, "_categories", False):
            self._categories = LinearCategories()
        return self._categories

    @categories.setter
    def categories(self, category_labels: Any) -> None:
        categories = LinearCategories()
        for label in category_labels:
            categories.add_category(cell_text(label) if isinstance(label, str) else label)
        self._categories = categories

    def add_series(self, name: Any, values: Any = (), number_format: Any = None) -> Any:
        return super().add_series(cell_text(name), values, number_format)

    @property
    def _workbook_writer(self) -> LiteralWorkbookWriter:
        writer = self.__dict__.get("_literal_writer")
        if writer is None:
            writer = self.__dict__["_literal_writer"] = LiteralWorkbookWriter(self)
        return writer


__all__ = ["LiteralChartData", "LinearCategories", "LiteralWorkbookWriter"]
