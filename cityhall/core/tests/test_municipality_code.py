import pytest
from django.core.exceptions import ValidationError

from cityhall.core.municipality_code import check_digit, is_valid, validate_municipality_code


@pytest.mark.parametrize(
    ("code5", "digit"),
    [("01100", "2"), ("09210", "0"), ("13101", "6"), ("09201", "1"), ("27100", "4"), ("47201", "8")],
)
def test_check_digit_matches_published_codes(code5, digit):
    assert check_digit(code5) == digit
    assert is_valid(code5 + digit)


def test_remainder_zero_gives_one_and_remainder_one_gives_zero():
    assert check_digit("11000") == "1"  # 6+5 = 11, remainder 0
    assert check_digit("00040") == "0"  # 4*3 = 12, remainder 1


@pytest.mark.parametrize("value", ["92100", "0921000", "O92100", "０９２１００", "09210a", ""])
def test_malformed_codes_are_refused_with_a_format_message(value):
    with pytest.raises(ValidationError) as excinfo:
        validate_municipality_code(value)
    assert excinfo.value.code == "format"
    assert "半角数字6桁" in excinfo.value.messages[0]


def test_wrong_check_digit_names_the_expected_digit():
    with pytest.raises(ValidationError) as excinfo:
        validate_municipality_code("092101")
    assert excinfo.value.code == "check_digit"
    assert "6桁目は 0 です" in excinfo.value.messages[0]
    assert not is_valid("092101")
