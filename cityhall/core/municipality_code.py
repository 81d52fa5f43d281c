"""全国地方公共団体コード (local government code): five digits plus a check digit.

総務省: multiply digits 1-5 by 6,5,4,3,2, sum, take the remainder mod 11; the
check digit is the last digit of (11 - remainder).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

_WEIGHTS = (6, 5, 4, 3, 2)


def check_digit(code5: str) -> str:
    if len(code5) != 5 or not code5.isascii() or not code5.isdigit():
        raise ValueError("code5 must be five ASCII digits")
    total = sum(int(digit) * weight for digit, weight in zip(code5, _WEIGHTS, strict=True))
    return str((11 - total % 11) % 10)


def is_valid(code6: str) -> bool:
    return len(code6) == 6 and code6.isascii() and code6.isdigit() and check_digit(code6[:5]) == code6[5]


def validate_municipality_code(value: str) -> None:
    """Django validator with a message a clerk can act on."""
    if len(value) != 6 or not value.isascii() or not value.isdigit():
        raise ValidationError(
            _("全国地方公共団体コードは半角数字6桁で入力してください（例: 092100）。"),
            code="format",
        )
    expected = check_digit(value[:5])
    if value[5] != expected:
        raise ValidationError(
            _("全国地方公共団体コードの検査数字が一致しません。先頭5桁が %(code5)s の場合、6桁目は %(digit)s です。"),
            code="check_digit",
            params={"code5": value[:5], "digit": expected},
        )
