"""The house date formats in Japanese: 2026年12月8日, 2026年12月8日 9:05 (templates use `|date` and
`|date:"DATETIME_FORMAT"`; pages about 年度 use `|wareki_date`: 令和8年12月8日)."""

DATE_FORMAT = "Y年n月j日"
DATETIME_FORMAT = "Y年n月j日 G:i"
TIME_FORMAT = "G:i"
MONTH_DAY_FORMAT = "n月j日"
YEAR_MONTH_FORMAT = "Y年n月"
SHORT_DATE_FORMAT = "Y年n月j日"
SHORT_DATETIME_FORMAT = "Y年n月j日 G:i"
