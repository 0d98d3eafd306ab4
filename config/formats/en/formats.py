# News sites write dates in full: “December 29, 2011”.
DATE_FORMAT = "F j, Y"
DATETIME_FORMAT = "F j, Y, P"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "F j"
