"""Bulgarian dates and numbers: "6 септември 2021 г.", "1 234,5"."""

DATE_FORMAT = r"j E Y \г."
YEAR_MONTH_FORMAT = r"F Y \г."
SHORT_DATE_FORMAT = "d.m.Y"
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
