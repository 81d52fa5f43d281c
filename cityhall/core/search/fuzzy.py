"""Approximate matching of a query term against a short field (titles, readings, keywords)."""

from __future__ import annotations


def best_window(pattern: str, text: str, max_distance: int) -> tuple[int, int, int] | None:
    """(distance, start, end) of the substring of `text` closest to `pattern`, or None if too far.

    Semi-global optimal-string-alignment distance: the window may start and end anywhere.
    Among equally close windows the one nearest the pattern's length wins (a wrong kanji
    is likelier than a missing one), then the leftmost.
    """
    m, n = len(pattern), len(text)
    prev2_d: list[int] = []
    prev2_s: list[int] = []
    prev_d, prev_s = [0] * (n + 1), list(range(n + 1))
    prev_min = 0
    for i in range(1, m + 1):
        pc = pattern[i - 1]
        cur_d, cur_s = [i] * (n + 1), [0] * (n + 1)
        for j in range(1, n + 1):
            tc = text[j - 1]
            best, start = prev_d[j - 1] + (pc != tc), prev_s[j - 1]
            if prev_d[j] + 1 < best:
                best, start = prev_d[j] + 1, prev_s[j]
            if cur_d[j - 1] + 1 < best:
                best, start = cur_d[j - 1] + 1, cur_s[j - 1]
            swapped = i > 1 and j > 1 and pc != tc and pc == text[j - 2] and pattern[i - 2] == tc
            if swapped and prev2_d[j - 2] + 1 < best:
                best, start = prev2_d[j - 2] + 1, prev2_s[j - 2]
            cur_d[j], cur_s[j] = best, start
        row_min = min(cur_d)
        if row_min > max_distance and prev_min > max_distance:
            return None  # a transposition can lower a row by one below the row before, not more
        prev_min = row_min
        prev2_d, prev2_s, prev_d, prev_s = prev_d, prev_s, cur_d, cur_s
    found = [
        (prev_d[j], abs(j - prev_s[j] - m), prev_s[j], j)
        for j in range(1, n + 1)
        if prev_d[j] <= max_distance and prev_s[j] < j
    ]
    if not found:
        return None
    distance, _, start, end = min(found)
    return distance, start, end
