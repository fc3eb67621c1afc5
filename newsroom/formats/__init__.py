"""One date style per language (FORMAT_MODULE_PATH): the long one, everywhere, 24-hour clock.

Django's defaults mix "Oct. 5, 2018", "12/02/2026 5:04 a.m." and "5 October
2018" on one page; these override the display formats only (input formats
stay Django's). Times are in the site's TIME_ZONE.
"""
