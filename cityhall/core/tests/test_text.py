import pytest

from cityhall.core import text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ｼﾞｭｳﾐﾝﾋｮｳ", "ジュウミンヒョウ"),
        ("１２３－４５６７", "123-4567"),
        ("ＡＢＣ　ｄｅｆ", "ABC def"),
        ("  大田原市\u3000\u3000本町  ", "大田原市 本町"),
        ("9時～17時", "9時〜17時"),
        ("a\x00b\x07c\u200bd", "abcd"),
        ("一行目\r\n二行目  \r三行目", "一行目\n二行目\n三行目"),
    ],
)
def test_fold(raw, expected):
    assert text.fold(raw) == expected


def test_number_like_values_fold_every_dash():
    assert text.number_like("０２８７ー２３ー１１１１") == "0287-23-1111"
    assert text.number_like("324 − 8641") == "324-8641"


def test_search_key_matches_kana_and_width_variants():
    keys = {text.search_key(v) for v in ("じゅうみんひょう", "ジュウミンヒョウ", "ｼﾞｭｳﾐﾝﾋｮｳ", "じゅうみん ひょう")}
    assert keys == {"じゅうみんひょう"}
    assert text.search_key("ＡＢＣ") == text.search_key("abc")


def test_furigana_is_stored_in_katakana():
    assert text.to_katakana("おおたわら") == "オオタワラ"
    assert text.to_katakana("ｵｵﾀﾜﾗ") == "オオタワラ"


def test_prose_keeps_everything_but_control_characters_and_line_endings():
    typed = "（注）「住民票」～・ー－ＡＢＣ１２３\u3000ｶﾅ  二つの空白\r\n次の行\x00"
    assert text.prose(typed) == "（注）「住民票」～・ー－ＡＢＣ１２３\u3000ｶﾅ  二つの空白\n次の行"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  山田　　太郎 ", "山田\u3000太郎"),
        ("山田 太郎", "山田\u3000太郎"),
        ("John \u3000Smith", "John Smith"),
        ("ＮＰＯ法人　おおたわら", "ＮＰＯ法人\u3000おおたわら"),
        ("大田原 Smith", "大田原 Smith"),
        ("ｵｵﾀﾜﾗ ﾀﾛｳ", "オオタワラ\u3000タロウ"),
    ],
)
def test_names_are_trimmed_with_one_space_between_parts(raw, expected):
    assert text.name(raw) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("避難所一覧", "ひなんじょいちらん"),
        ("公衆トイレ", "こうしゅうといれ"),
        ("AED設置箇所", "AEDせっちかしょ"),
        ("", ""),
    ],
)
def test_readings_for_search_keys(text, expected):
    from cityhall.core.readings import reading

    assert reading(text) == expected
