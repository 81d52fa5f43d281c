"""Short Japanese labels of the problem codes, for summaries a clerk reads ("団体コードの検査数字がない: 12件")."""

from __future__ import annotations

PROBLEM_LABELS: dict[str, str] = {
    # the file as a whole
    "missing_column": "必須項目の列がない",
    "duplicate_header": "同じ項目の列が2つある",
    "header_blank": "見出しが空欄の列",
    "header_repeated": "見出しと同じ行がある",
    "row_length": "列の数が見出しと違う",
    # any column
    "required_empty": "必須項目が空欄",
    "count_blank": "数の欄が空欄（該当なしは0）",
    "total_mismatch": "総数が内訳の合計と合わない",
    "formula": "数式として実行されるおそれ",
    "line_break": "セル内改行",
    "text_whitespace": "タブや末尾の空白",
    "kana_halfwidth": "カナが半角",
    "width": "全角文字や余分な空白",
    # codes and identifiers
    "code6_format": "団体コードの形式が違う",
    "code6_leading_zero": "団体コードの先頭の0がない",
    "code6_check_digit_missing": "団体コードの検査数字がない",
    "code6_check_digit": "団体コードの検査数字が合わない",
    "code6_other_municipality": "他の団体のコード",
    "id_format": "IDに使えない文字",
    "id_duplicate": "IDが重複している",
    # numbers, dates and times
    "integer_format": "整数の書き方が違う",
    "number_format": "数値の書き方が違う",
    "date_format": "日付の書き方が違う",
    "date_invalid": "日付として読めない",
    "time_format": "時刻の書き方が違う",
    "time_invalid": "時刻として読めない",
    # position
    "lat_format": "緯度の書き方が違う",
    "lon_format": "経度の書き方が違う",
    "latlon_pair": "緯度・経度の片方だけ入力",
    "latlon_swapped": "緯度と経度が入れ替わっている",
    "lat_range": "緯度が日本の範囲外",
    "lon_range": "経度が日本の範囲外",
    "latlon_outside_area": "位置が市区町村の範囲外",
    # contact details and choices
    "phone_format": "電話番号の書き方が違う",
    "postal_format": "郵便番号の書き方が違う",
    "url_format": "URLの書き方が違う",
    "email_format": "メールアドレスの書き方が違う",
    "flag_value": "有無・該当の値が違う",
    "flag_unknown": "値が「不明」の列（空欄は該当なしの意味）",
    "enum_value": "選択肢にない値",
    "list_format": "複数の値の区切りが違う",
}
