"""CSV text → blocks of records, with a str.split fast path.

csv.reader walks every character through a state machine and builds a list per row, which the engine
then transposes into columns. Most chunks of a real file hold no quote character at all (or quote every
field, none holding a quote or a line break); for those, one `str.split` over the whole chunk gives every
field row-major in one C call, and a strided slice `fields[i::width]` is column i. The result is exactly
what csv.reader (excel dialect, strict=False) would return; a chunk takes the csv path whenever that cannot
be shown cheaply: other quoting, a line break csv.reader does not end a record at (\\x85, \\u2028…), a blank
line, a row of the wrong width, a chunk long enough to hold an over-long field.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

CHUNK_CHARS = 1 << 16  # about 250 rows of a typical dataset; small enough to stay in the CPU cache
BATCH = 256  # records per block on the csv path


@dataclass(frozen=True, slots=True)
class Block:
    """Consecutive records starting at row `first_row` (header = 1).

    Exactly one of `fields` (fast path: `width` fields per record, row-major) and `records` (csv path:
    records as csv.reader returns them, blank and wrong-length ones included) is set.
    """

    first_row: int
    fields: list[str] | None = None
    records: list[list[str]] | None = None


class _Lines:
    """Lines of `text` from `pos` on, as io.StringIO(newline="") yields them, remembering where they end."""

    def __init__(self, text: str, pos: int) -> None:
        self.text, self.pos = text, pos

    def __iter__(self) -> Iterator[str]:
        text = self.text
        while self.pos < len(text):
            end = _chunk_end(text, self.pos)
            for line in io.StringIO(text[self.pos : end], newline=""):
                self.pos += len(line)
                yield line


def _chunk_end(text: str, pos: int) -> int:
    """End of the chunk starting at `pos`: just after the first line feed past CHUNK_CHARS, or the end."""
    end = text.find("\n", pos + CHUNK_CHARS)
    return len(text) if end < 0 else end + 1


def read_header(source: str | Iterable[str]) -> tuple[list[str] | None, Iterator[Block]]:
    """The first record and the blocks of records after it."""
    if not isinstance(source, str):
        reader = csv.reader(source, strict=False)
        return next(reader, None), _csv_blocks(reader)
    lines = _Lines(source, 0)
    header = next(csv.reader(lines, strict=False), None)
    return header, _text_blocks(source, lines.pos, len(header) if header else 0)


def _csv_blocks(reader: Iterator[list[str]]) -> Iterator[Block]:
    first_row = 2
    while records := list(islice(reader, BATCH)):
        yield Block(first_row, records=records)
        first_row += len(records)


def _text_blocks(text: str, pos: int, width: int) -> Iterator[Block]:
    first_row, limit = 2, csv.field_size_limit()
    while pos < len(text):
        end = _chunk_end(text, pos)
        chunk = text[pos:end]
        fields = _split_chunk(chunk, width) if len(chunk) <= limit else None
        if fields is not None:
            yield Block(first_row, fields=fields)
            first_row += len(fields) // width
            pos = end
            continue
        # The csv path reads whole records, so it may end past `end` when a quoted field spans the cut.
        lines = _Lines(text, pos)
        reader = csv.reader(lines, strict=False)
        records = []
        while lines.pos < end and (record := next(reader, None)) is not None:
            records.append(record)
        yield Block(first_row, records=records)
        first_row += len(records)
        pos = lines.pos


def _has_other_line_breaks(chunk: str) -> bool:
    """Whether the chunk holds a character str.splitlines() breaks at but csv.reader keeps in a field.

    (Both end a record at \\r, \\n and \\r\\n.)
    """
    return (
        "\v" in chunk
        or "\f" in chunk
        or "\x1c" in chunk
        or "\x1d" in chunk
        or "\x1e" in chunk
        or "\x85" in chunk
        or "\u2028" in chunk
        or "\u2029" in chunk
    )


def _split_chunk(chunk: str, width: int) -> list[str] | None:
    """Every field of the chunk, row-major, or None when csv.reader could read it differently."""
    if width < 2 or _has_other_line_breaks(chunk):
        return None
    if '"' not in chunk:
        return _split_plain(chunk, width)
    if chunk.startswith('"') and "\x1f" not in chunk:
        return _split_quoted(chunk, width)
    return None


def _split_plain(chunk: str, width: int) -> list[str] | None:
    lines = chunk.splitlines()
    # A line feed marks the first field of every line but the first (no field holds one now).
    fields = ",\n".join(lines).split(",")
    return _unmark(fields, len(lines), width, "\n")


def _split_quoted(chunk: str, width: int) -> list[str] | None:
    """Chunks where every field is quoted ("a","b,c","") and no field holds a quote or a line break.

    Many municipal systems export CSV this way. Between the first and the last quote, '","' then separates
    every two fields; the quote count shows that no quote is left inside a field.
    """
    lines = chunk.splitlines()
    # Every line must end and the next begin with a quote; \x1f marks the first field of each line.
    text = "\n".join(lines).replace('"\n"', '","\x1f')
    if "\n" in text or not text.endswith('"') or text.count('"') != 2 * width * len(lines):
        return None
    return _unmark(text[1:-1].split('","'), len(lines), width, "\x1f")


def _unmark(fields: list[str], lines: int, width: int, mark: str) -> list[str] | None:
    """`fields` without the marks, if the marks (one at the start of each line's first field) are all in
    column 0 and every line has `width` fields; None otherwise (a row wider or narrower than the header,
    a blank line)."""
    if len(fields) != lines * width:
        return None
    firsts = "".join(fields[::width])
    if firsts.count(mark) != lines - 1:
        return None
    fields[::width] = firsts.split(mark)
    return fields
