"""The block reader gives exactly what csv.reader gives, whichever path (str.split or csv) each chunk takes."""

from __future__ import annotations

import csv
import io
import random

import pytest

from cityhall.opendata.validation import load_schemas, validate
from cityhall.opendata.validation import reader as reader_module
from cityhall.opendata.validation.reader import read_header

TOILETS = load_schemas()["public_toilets"]


def _records(text: str) -> tuple[list[str] | None, list[list[str]], list[int]]:
    """Header, records and the row number of each, flattened from the blocks."""
    header, blocks = read_header(text)
    width = len(header or ())
    records: list[list[str]] = []
    rows: list[int] = []
    for block in blocks:
        if block.fields is not None:
            got = [block.fields[k : k + width] for k in range(0, len(block.fields), width)]
        else:
            got = block.records or []
        rows += range(block.first_row, block.first_row + len(got))
        records += got
    return header, records, rows


def _expected(text: str) -> tuple[list[str] | None, list[list[str]], list[int]]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=False)
    header = next(reader, None)
    records = list(reader)
    return header, records, list(range(2, 2 + len(records)))


TRICKY = [
    "a,b,c\r\n1,2,3\r\n4,5,6\r\n",
    "a,b,c\n1,2,3\n4,5,6",  # LF, no final line break
    "a,b,c\r1,2,3\r4,5,6\r",  # old Mac line ends
    "a,b,c\r\n1,2,3\n4,5,6\r7,8,9\r\n",  # mixed
    "a,b,c\r\n1,2,3\r\n\r\n4,5,6\r\n\r\n",  # blank lines count as rows
    "a,b,c\r\n1,2\r\n4,5,6,7\r\n8,9,10\r\n",  # short and long rows
    'a,b,c\r\n1,"2,5",3\r\n"x\r\ny",5,6\r\n7,8,9\r\n',  # quoted comma and line break
    'a,b,c\r\n1,x"y,3\r\n4,5,6\r\n',  # stray quote inside a field
    '"a","b","c"\r\n"1","2,5",""\r\n"4","5","6"\r\n',  # every field quoted
    '"a","b","c"\r\n"1","2""5",""\r\n"4","5","6"\r\n',  # … with a doubled quote
    '"a","b","c"\r\n"1","2\r\n5",""\r\n"4","5","6"\r\n',  # … with a line break
    '"a","b","c"\r\n"1",2,"3"\r\n"4","5","6" \r\n"7","8","9"\r\n',  # … mostly
    '"a","b","c"\r\n"1","\x1f","3"\r\n"4","5","6"',
    "a,b,c\r\n1,x\x85y,3\r\n4,5\u2028,6\r\n7,\x1c,\x0c\r\n",  # line breaks for splitlines, not for csv
    "a,b,c\r\n1,\x00,3\r\n",  # NUL
    "\ufeffa,b,c\r\n1,2,3\r\n",
    "a,b\r\n,\r\n,\r\n",
    "a\r\n1\r\n\r\n2\r\n",  # one column: blank lines are rows without a field
    "a,b,c",
    "",
]


@pytest.mark.parametrize("chunk_chars", [1, 5, 64, 1 << 16])
@pytest.mark.parametrize("text", TRICKY)
def test_blocks_match_csv_reader(text, chunk_chars, monkeypatch):
    monkeypatch.setattr(reader_module, "CHUNK_CHARS", chunk_chars)
    assert _records(text) == _expected(text)


def test_blocks_match_csv_reader_on_random_text(monkeypatch):
    rng = random.Random(20260801)
    alphabet = ["a", "b", "1", "", ",", ",", ",", '"', '"', '","', "\r\n", "\n", "\r", " ", "公", "\x85", "\x1f"]
    for _ in range(1000):
        monkeypatch.setattr(reader_module, "CHUNK_CHARS", rng.choice([1, 3, 8, 40]))
        quoted = rng.random() < 0.5
        lines = ['"h1","h2","h3"' if quoted else "h1,h2,h3"]
        for _ in range(rng.randint(0, 12)):
            if rng.random() < 0.7:  # mostly well-formed rows, so the fast paths get their chance
                cells = ["".join(rng.choices("ab1公 ,", k=rng.randint(0, 3))) for _ in range(3)]
                if quoted:
                    lines.append(",".join(f'"{cell}"' for cell in cells))
                else:
                    lines.append(",".join(cell.replace(",", "") for cell in cells))
            else:
                lines.append("".join(rng.choices(alphabet, k=rng.randint(0, 12))))
        text = rng.choice(["\r\n", "\n"]).join(lines) + rng.choice(["", "\r\n", "\n"])
        assert _records(text) == _expected(text), repr(text)


@pytest.mark.parametrize("rows", ["1,2,3\r\n" * 10, '"1","2,5",""\r\n' * 10])
def test_fast_path_is_taken_for_plain_and_fully_quoted_rows(rows):
    _, blocks = read_header("a,b,c\r\n" + rows)
    assert [block.fields is not None for block in blocks] == [True]


def test_validate_text_and_line_iterable_agree(monkeypatch):
    """The text goes through the split fast path, the file-like object through csv.reader only."""
    monkeypatch.setattr(reader_module, "CHUNK_CHARS", 300)
    header = ",".join(rule.name for rule in TOILETS.columns)
    good = (
        "092011,LL{n},栃木県宇都宮市,公園トイレ{n},コウエン,Park {n},092011,0001001,栃木県宇都宮市本町1-{n},栃木県,"
        "宇都宮市,本町,1-{n},,入口横,36.5{n:04d},139.8{n:04d},階数,1,1,0,0,1,1,0,1,0,0,0,0,有,無,有,09:00,18:00,,"
        "https://example.jp/{n}.jpg,PDL1.0,"
    )
    rows = [good.format(n=n) for n in range(1, 120)]
    rows[10] = rows[10].replace("092011,LL11", "92011,LL11")
    rows[20] = rows[20].replace(",公園トイレ21,", ',"公園\r\nトイレ21",')
    rows[30] = rows[30].replace("LL31", "LL5")
    rows[40] = rows[40].replace(",09:00,", ",9:00,")
    rows[50] = rows[50] + ",extra"
    rows[60] = ""
    rows[70] = header
    rows[80] = rows[80].replace(",1,1,0,0,", ",１,1,0,0,")
    rows[90] = rows[90].replace("36.50091,139.80091", "139.80091,36.50091")
    rows[100] = rows[100].replace(",入口横,", ",=1+1,")
    text = header + "\r\n" + "\r\n".join(rows) + "\r\n"

    fast = validate(text, TOILETS)
    plain = validate(io.StringIO(text, newline=""), TOILETS)

    assert fast.problems == plain.problems
    assert fast.counts == plain.counts and fast.fixes == plain.fixes and fast.fix_codes == plain.fix_codes
    assert fast.rows_checked == plain.rows_checked == 117  # 119 rows less a blank one and a repeated header
    assert {p.code for p in fast.problems} == {
        "code6_leading_zero",
        "line_break",
        "id_duplicate",
        "time_format",
        "row_length",
        "header_repeated",
        "width",
        "latlon_swapped",
        "formula",
    }
    assert [p.row for p in fast.problems] == sorted(p.row for p in fast.problems)
