import datetime as dt

from cityhall.core import wareki
from cityhall.core.fiscal_year import FiscalYear, Half, HalfYear


def test_fiscal_year_runs_april_to_march():
    assert FiscalYear.containing(dt.date(2023, 4, 1)) == FiscalYear(2023)
    assert FiscalYear.containing(dt.date(2024, 3, 31)) == FiscalYear(2023)
    assert FiscalYear.containing(dt.date(2024, 4, 1)) == FiscalYear(2024)
    fy = FiscalYear(2023)
    assert (fy.starts_on, fy.ends_on) == (dt.date(2023, 4, 1), dt.date(2024, 3, 31))
    assert dt.date(2024, 1, 15) in fy
    assert dt.date(2024, 4, 1) not in fy


def test_fiscal_year_labels_in_wareki():
    assert FiscalYear(2023).label == "令和5年度"
    assert FiscalYear(2025).label == "令和7年度"
    # FY2019 began on 1 April 2019, still 平成31.
    assert FiscalYear(2019).label == "平成31年度"
    assert FiscalYear(2020).label == "令和2年度"
    assert FiscalYear(1989).label == "平成元年度"


def test_half_years_split_at_october():
    first = HalfYear.containing(dt.date(2023, 9, 30))
    second = HalfYear.containing(dt.date(2023, 10, 1))
    assert first == HalfYear(FiscalYear(2023), Half.FIRST)
    assert second == HalfYear(FiscalYear(2023), Half.SECOND)
    assert HalfYear.containing(dt.date(2024, 2, 1)) == second
    assert (second.starts_on, second.ends_on) == (dt.date(2023, 10, 1), dt.date(2024, 3, 31))
    assert first.label == "令和5年度上期"
    assert second.label == "令和5年度下期"
    assert second.next() == HalfYear(FiscalYear(2024), Half.FIRST)
    assert first < second < second.next()


def test_wareki_dates_use_gannen_and_era_boundaries():
    assert wareki.format_date(dt.date(2019, 5, 1)) == "令和元年5月1日"
    assert wareki.format_date(dt.date(2019, 4, 30)) == "平成31年4月30日"
    assert wareki.format_date(dt.date(2023, 4, 1)) == "令和5年4月1日"
    assert wareki.format_date(dt.date(1989, 1, 7)) == "昭和64年1月7日"


def test_labels_follow_the_active_language():
    from django.utils import translation

    with translation.override("en"):
        assert FiscalYear(2025).label == "FY2025 (Reiwa 7)"
        assert HalfYear(FiscalYear(2025), Half.FIRST).label == "FY2025 (Reiwa 7) First half"
    assert FiscalYear(2025).label == "令和7年度"
