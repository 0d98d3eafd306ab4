"""Spreadsheets staff download from the admin (contact messages, readers' comments) hold
text readers typed. A cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return, which some programs skip before one) is run as a formula by Excel, LibreOffice and
Google Sheets when the file is opened: ``=HYPERLINK(...)`` sends the sheet's data anywhere,
``=cmd|...`` asks to run a program. Such a cell is written with a leading single quote
(OWASP's advice), which spreadsheets read as "this is text" in CSV and XLSX alike.

Wagtail's export (``SpreadsheetExportMixin``) writes every value through
``preprocess_field_value`` and every heading through ``get_heading``; views exporting
readers' text mix in ``FormulaSafeExportMixin``, which neutralises what those return, for
both formats (the contact form's submissions, the comments' listing).
"""

from functools import cache

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """``value`` as a spreadsheet shows it, never runs it: a text starting with a formula
    character gets a leading single quote. Numbers, dates and the rest are left alone."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class FormulaSafeExportMixin:
    """For a view using Wagtail's ``SpreadsheetExportMixin``: no cell is a formula."""

    def preprocess_field_value(self, field, value, export_format):
        return neutralise_formula(super().preprocess_field_value(field, value, export_format))

    def get_heading(self, queryset, field):
        return neutralise_formula(super().get_heading(queryset, field))


@cache
def formula_safe(view_class):
    """``view_class`` (a Wagtail view with spreadsheet export) with ``FormulaSafeExportMixin``
    mixed in; one class for each view class."""
    return type(f"FormulaSafe{view_class.__name__}", (FormulaSafeExportMixin, view_class), {})
