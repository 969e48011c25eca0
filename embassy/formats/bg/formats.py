"""Bulgarian (and Russian and Belarusian) dates, times and numbers, day first on a 24-hour clock:
"30 ноември 2026 г., 15:15", "30.11.2026 15:15", "1 234,5". Django's Bulgarian formats lack most
of them, which left the admin writing "Ноем. 30, 2026, 3:15 след обяд"."""

DATE_FORMAT = r"j E Y \г."
TIME_FORMAT = "H:i"
DATETIME_FORMAT = r"j E Y \г., H:i"
YEAR_MONTH_FORMAT = r"F Y \г."
MONTH_DAY_FORMAT = "j E"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday

# What forms accept, the first of each being how the admin's date inputs (and their calendar)
# write a value. Django adds the ISO formats (2026-11-30); times are Django's own (15:15:00).
DATE_INPUT_FORMATS = [
    "%d.%m.%Y",  # 30.11.2026
    "%d.%m.%y",  # 30.11.26
]
DATETIME_INPUT_FORMATS = [
    "%d.%m.%Y %H:%M:%S",  # 30.11.2026 15:15:00
    "%d.%m.%Y %H:%M",  # 30.11.2026 15:15
    "%d.%m.%Y %H:%M:%S.%f",
    "%d.%m.%y %H:%M:%S",
    "%d.%m.%y %H:%M",
]

DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
