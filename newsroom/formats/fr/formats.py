"""French: 5 octobre 2018, 5 octobre 2018 à 17 h 04 (the typographic style of French news)."""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = DATE_FORMAT
DATETIME_FORMAT = r"j F Y à G \h i"
SHORT_DATETIME_FORMAT = DATETIME_FORMAT
TIME_FORMAT = r"G \h i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
