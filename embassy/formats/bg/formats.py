DATE_FORMAT = r"j E Y \г."
# When an entry was saved, as the admin names it: "6 септември 2021 г., 14:03".
DATETIME_FORMAT = r"j E Y \г., H:i"
YEAR_MONTH_FORMAT = r"F Y \г."
SHORT_DATE_FORMAT = "d.m.Y"
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
