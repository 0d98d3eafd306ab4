"""Dates and numbers as each edition's readers write them."""

import datetime

import jdatetime
from django.utils import formats, timezone, translation

PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def persian_digits(value):
    return str(value).translate(PERSIAN_DIGITS)


def localize_digits(value, language=None):
    """Digits in the script the edition reads: Persian digits for Persian, Latin elsewhere.

    Arabic keeps Latin (“Western Arabic”) digits, as Django's Arabic formats and most
    Arabic news sites do.
    """
    language = language or translation.get_language()
    if language == "fa":
        return persian_digits(value)
    return str(value)


def _local_date(value):
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    return value


def format_date(value, language=None):
    """A reader-facing date: “December 29, 2011”, “29 دی ۱۳۹۰” in Persian (Solar Hijri)."""
    if value in (None, ""):
        return ""
    language = language or translation.get_language()
    day = _local_date(value)
    if language == "fa":
        jalali = jdatetime.date.fromgregorian(date=day, locale="fa_IR")
        return persian_digits(f"{jalali.day} {jalali.j_months_fa[jalali.month - 1]} {jalali.year}")
    with translation.override(language):
        return formats.date_format(day, "DATE_FORMAT")


def format_month(year, month, language=None):
    """A month heading for archives: “December 2011”, or the Solar Hijri month in Persian."""
    language = language or translation.get_language()
    if language == "fa":
        jalali = jdatetime.date.fromgregorian(date=datetime.date(year, month, 15))
        return persian_digits(f"{jalali.j_months_fa[jalali.month - 1]} {jalali.year}")
    with translation.override(language):
        return formats.date_format(datetime.date(year, month, 1), "YEAR_MONTH_FORMAT")
