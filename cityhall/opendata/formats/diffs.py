"""What changed between two published versions of a file (rows added, removed, changed; columns)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TypedDict

from cityhall.opendata.formats.table import (
    open_rows,
    picker,
)


class DiffSummary(TypedDict):
    rows_before: int
    rows_after: int
    added: int
    removed: int
    changed: int
    columns_added: list[str]
    columns_removed: list[str]
    keyed_by: str | None


def _projector(header: Sequence[str], names: Sequence[str]) -> Callable[[list[str]], tuple[str, ...]]:
    first = {name: i for i, name in reversed(list(enumerate(header)))}
    return picker([first[name] for name in names], len(header))


def _multiset_diff(old: Iterable[int], new: Iterable[int]) -> tuple[int, int, int]:
    """(added, removed, changed) between two multisets of row hashes; unmatched pairs count as changed."""
    remaining = Counter(old)
    total_old = remaining.total()
    total_new = common = 0
    for digest in new:
        total_new += 1
        if remaining[digest] > 0:
            remaining[digest] -= 1
            common += 1
    extra_old, extra_new = total_old - common, total_new - common
    changed = min(extra_old, extra_new)
    return extra_new - changed, extra_old - changed, changed


def diff_summary(old_text: str, new_text: str, key_columns: Sequence[str] = ("ID",)) -> DiffSummary:
    """What changed between two published versions of a file.

    Rows are matched on the first of `key_columns` present in both headers; a matched row whose values differ
    counts as changed. Without a key, whole rows are compared as a multiset (changed is then 0). Only columns
    present in both versions are compared, so adding a column does not mark every row as changed.
    Rows are held as 64-bit hashes, never as lists.
    """
    old_header, old_rows = open_rows(old_text)
    new_header, new_rows = open_rows(new_text)
    old_names, new_names = set(old_header), set(new_header)
    common = [name for name in old_header if name in new_names]
    key = next((name for name in key_columns if name in old_names and name in new_names), None)
    summary = DiffSummary(
        rows_before=0,
        rows_after=0,
        added=0,
        removed=0,
        changed=0,
        columns_added=[name for name in new_header if name not in old_names],
        columns_removed=[name for name in old_header if name not in new_names],
        keyed_by=key,
    )
    old_tuples = map(_projector(old_header, common), old_rows)
    new_tuples = map(_projector(new_header, common), new_rows)
    if key is None:
        _unkeyed_diff(summary, old_tuples, new_tuples)
    else:
        _keyed_diff(summary, old_tuples, new_tuples, common.index(key))
    return summary


def _unkeyed_diff(
    summary: DiffSummary, old_rows: Iterable[tuple[str, ...]], new_rows: Iterable[tuple[str, ...]]
) -> None:
    remaining = Counter(map(hash, old_rows))
    summary["rows_before"] = remaining.total()
    for row in new_rows:
        summary["rows_after"] += 1
        digest = hash(row)
        if remaining[digest] > 0:
            remaining[digest] -= 1
        else:
            summary["added"] += 1
    summary["removed"] = remaining.total()


def _keyed_diff(
    summary: DiffSummary, old_rows: Iterable[tuple[str, ...]], new_rows: Iterable[tuple[str, ...]], key_index: int
) -> None:
    # key → row hash, None once matched. Keys repeated in the old file move to `repeated` and are compared
    # there as multisets, so a key column full of duplicates (or blanks) stays linear.
    index: dict[str, int | None] = {}
    repeated: dict[str, list[int]] = {}
    for row in old_rows:
        summary["rows_before"] += 1
        key, digest = row[key_index], hash(row)
        if key in repeated:
            repeated[key].append(digest)
        elif key in index:
            repeated[key] = [index.pop(key) or 0, digest]  # never None before the new file is read
        else:
            index[key] = digest
    new_repeated: dict[str, list[int]] = {}
    for row in new_rows:
        summary["rows_after"] += 1
        key, digest = row[key_index], hash(row)
        if key in repeated:
            new_repeated.setdefault(key, []).append(digest)
        elif index.get(key) is None:
            summary["added"] += 1  # a new key, or a key repeated within the new file
        else:
            summary["changed"] += index[key] != digest
            index[key] = None
    summary["removed"] += sum(1 for digest in index.values() if digest is not None)
    for key, digests in repeated.items():
        added, removed, changed = _multiset_diff(digests, new_repeated.get(key, ()))
        summary["added"] += added
        summary["removed"] += removed
        summary["changed"] += changed
