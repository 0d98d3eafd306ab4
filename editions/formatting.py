"""Dates and numbers as each edition's readers write them."""

import datetime
import re

import jdatetime
from django.utils import formats, timezone, translation

PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


# A decimal point between two digits ("2.9 KB") becomes the Persian decimal separator.
_DECIMAL_POINT = re.compile(r"(?<=[0-9])\.(?=[0-9])")


def persian_digits(value):
    return str(value).translate(PERSIAN_DIGITS)


def localize_digits(value, language=None):
    """Digits in the script the edition reads: Persian digits (and the Persian decimal
    separator “٫”) for Persian, Latin elsewhere.

    Decision: Arabic keeps Latin (“Western Arabic”) digits, as Django's Arabic formats,
    the Arabic dates above and most Arabic news sites do (Arabic-Indic digits “٠١٢” would
    be a one-line change here if the Arabic editors ask for them). Albanian and English use
    Latin digits.
    """
    language = language or translation.get_language()
    if language == "fa":
        return persian_digits(_DECIMAL_POINT.sub("\u066b", str(value)))
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


def format_year(value, language=None):
    """The year of a date as the edition counts it: the Solar Hijri year in Persian digits in
    Persian (a book of April 2024 is from ۱۴۰۳), the Gregorian year elsewhere."""
    if value in (None, ""):
        return ""
    language = language or translation.get_language()
    day = _local_date(value)
    if language == "fa":
        return persian_digits(jdatetime.date.fromgregorian(date=day).year)
    return str(day.year)


def format_month(year, month, language=None):
    """A month heading for archives: “December 2011”; in Persian “دسامبر ۲۰۱۱”.

    Archives are by Gregorian month (``/2011/12/``), which straddles two Solar Hijri months
    (Azar and Dey), so Persian names the Gregorian month, as Iranian media do, with Persian
    digits, rather than a Solar Hijri month that would be wrong for part of the list."""
    language = language or translation.get_language()
    with translation.override(language):
        text = formats.date_format(datetime.date(year, month, 1), "YEAR_MONTH_FORMAT")
    return localize_digits(text, language)
