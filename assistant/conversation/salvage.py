"""What is still readable in a damaged SQLite file, like the sqlite3 shell's ``.recover``
(which Python's sqlite3 module does not offer).

``readable_rows`` asks SQLite first: a plain scan gives the rows up to the first bad page,
then each rowid is looked up on its own, so a bad page costs only the rows on it. When a
table's root or inner pages are destroyed, SQLite cannot reach the leaves below them, though
the rows there are intact: ``leaf_records`` walks every page and decodes the cells of each
table leaf (overflow chains followed). Pages on the free list are skipped, so rows the user
deleted stay deleted. Every bound is checked: garbage gives fewer rows, never an exception.
"""
from __future__ import annotations

import sqlite3
import struct
from pathlib import Path
from typing import Callable, Iterator, Sequence

MAX_PROBE = 2_000_000       # rowids looked up one by one, at most
MAX_SCAN_BYTES = 1 << 30    # files read page by page only below this size

_MAGIC = b"SQLite format 3\x00"
_TABLE_LEAF = 0x0D
_INT_SIZES = (1, 2, 3, 4, 6, 8)


class _Bad(Exception):
    pass


def readable_rows(path: Path, table: str, columns: Sequence[str],
                  accept: Callable[[int, list], tuple | None]) -> list[tuple]:
    """Every row of ``table`` still readable in the file at ``path``, by rowid.

    ``columns`` are the table's, its INTEGER PRIMARY KEY first; ``accept(rowid, values)``
    turns a record into the row to keep, or None for one of another table or garbled.
    """
    select = f"SELECT {', '.join(columns)} FROM {table}"
    rows: dict[int, tuple] = {}
    try:
        db = sqlite3.connect(str(path))
    except sqlite3.Error:
        return []
    try:
        try:
            for row in db.execute(f"{select} ORDER BY {columns[0]}"):
                _keep(rows, row[0], list(row), accept)
        except sqlite3.Error:
            pass
        # Up to the highest rowid known, and on past it until 1000 in a row are not there;
        # a garbled number from a damaged page cannot make this run for ever.
        top = min(max([*rows, *_known_tops(db, table, columns[0])], default=0), MAX_PROBE)
        rowid = 0
        while rowid < top + 1000:
            rowid += 1
            if rowid in rows:
                continue
            try:
                row = db.execute(f"{select} WHERE {columns[0]} = ?", (rowid,)).fetchone()
            except sqlite3.Error:
                continue
            if row is not None and _keep(rows, rowid, list(row), accept):
                top = min(max(top, rowid), MAX_PROBE)
    finally:
        db.close()
    try:
        if path.stat().st_size <= MAX_SCAN_BYTES:
            # Every cell, not the first per rowid: SQLite's own tables (the schema on page 1,
            # sqlite_sequence) number their rows 1, 2… too, and are read first.
            for rowid, values in leaf_cells(path.read_bytes()):
                if rowid not in rows:
                    _keep(rows, rowid, values, accept)
    except OSError:
        pass
    return [rows[k] for k in sorted(rows)]


def _keep(rows: dict[int, tuple], rowid: object, values: list,
          accept: Callable[[int, list], tuple | None]) -> bool:
    row = accept(rowid, values) if isinstance(rowid, int) else None
    if row is not None:
        rows[rowid] = row
    return row is not None


def _known_tops(db: sqlite3.Connection, table: str, key: str) -> list[int]:
    """The highest rowid, from wherever in a damaged file it can still be read."""
    tops = []
    for query, args in ((f"SELECT max({key}) FROM {table}", ()),
                        ("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,))):
        try:
            value = db.execute(query, args).fetchone()
        except sqlite3.Error:
            continue
        if value and isinstance(value[0], int):
            tops.append(value[0])
    return tops


def leaf_records(data: bytes) -> dict[int, list]:
    """Every readable record on a table leaf page, by rowid (the first copy found wins)."""
    records: dict[int, list] = {}
    for rowid, values in leaf_cells(data):
        records.setdefault(rowid, values)
    return records


def leaf_cells(data: bytes) -> Iterator[tuple[int, list]]:
    """Every readable cell on every table leaf page, in page order: (rowid, values); rows of
    different tables may share a rowid."""
    if len(data) < 512:
        return
    page_size, usable, free = 4096, 4096, set()   # SQLite's default when page 1 is gone
    if data.startswith(_MAGIC):
        size = int.from_bytes(data[16:18], "big")
        size = 65536 if size == 1 else size
        if 512 <= size <= 65536 and size & (size - 1) == 0:
            page_size, usable = size, size - data[20]
            free = _free_pages(data, page_size)
    for number in range(1, len(data) // page_size + 1):
        if number in free:
            continue
        base = (number - 1) * page_size
        head = base + (100 if number == 1 else 0)
        if data[head] != _TABLE_LEAF:
            continue
        cells = int.from_bytes(data[head + 3:head + 5], "big")
        for n in range(min(cells, page_size // 4)):
            at = head + 8 + 2 * n
            pointer = int.from_bytes(data[at:at + 2], "big")
            try:
                yield _cell(data, base + pointer, page_size, usable)
            except (_Bad, IndexError, ValueError, UnicodeDecodeError, struct.error):
                continue


def _free_pages(data: bytes, page_size: int) -> set[int]:
    """The free-list pages named by the header (trunks and their leaves), as far as readable."""
    free: set[int] = set()
    trunk = int.from_bytes(data[32:36], "big")
    pages = len(data) // page_size
    while 0 < trunk <= pages and trunk not in free:
        free.add(trunk)
        base = (trunk - 1) * page_size
        count = int.from_bytes(data[base + 4:base + 8], "big")
        for n in range(min(count, page_size // 4 - 2)):
            at = base + 8 + 4 * n
            free.add(int.from_bytes(data[at:at + 4], "big"))
        trunk = int.from_bytes(data[base:base + 4], "big")
    return free


def _varint(data: bytes, at: int) -> tuple[int, int]:
    value = 0
    for k in range(8):
        byte = data[at + k]
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, at + k + 1
    return (value << 8) | data[at + 8], at + 9


def _cell(data: bytes, at: int, page_size: int, usable: int) -> tuple[int, list]:
    size, at = _varint(data, at)
    rowid, at = _varint(data, at)
    if size > 1 << 30:
        raise _Bad
    most = usable - 35
    if size <= most:
        payload = data[at:at + size]
    else:   # the rest of the record is on a chain of overflow pages
        least = (usable - 12) * 32 // 255 - 23
        local = least + (size - least) % (usable - 4)
        local = local if local <= most else least
        parts = [data[at:at + local]]
        have = local
        page = int.from_bytes(data[at + local:at + local + 4], "big")
        seen = set()
        while have < size and page and page not in seen:
            seen.add(page)
            base = (page - 1) * page_size
            if base + usable > len(data):
                raise _Bad
            parts.append(data[base + 4:base + usable])
            have += usable - 4
            page = int.from_bytes(data[base:base + 4], "big")
        payload = b"".join(parts)[:size]
    if len(payload) != size:
        raise _Bad
    return rowid, _record(payload)


def _record(payload: bytes) -> list:
    header, at = _varint(payload, 0)
    if not 0 < header <= len(payload):
        raise _Bad
    types = []
    while at < header:
        kind, at = _varint(payload, at)
        types.append(kind)
    values, at = [], header
    for kind in types:
        if kind == 0:
            value, n = None, 0
        elif kind <= 6:
            n = _INT_SIZES[kind - 1]
            value = int.from_bytes(payload[at:at + n], "big", signed=True)
        elif kind == 7:
            n = 8
            value = struct.unpack(">d", payload[at:at + 8])[0]
        elif kind in (8, 9):
            value, n = kind - 8, 0
        elif kind >= 12:
            n = (kind - 12) // 2
            raw = payload[at:at + n]
            value = bytes(raw) if kind % 2 == 0 else raw.decode("utf-8")
        else:
            raise _Bad
        if at + n > len(payload):
            raise _Bad
        values.append(value)
        at += n
    return values
