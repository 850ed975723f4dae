"""Reading CSV catalog files robustly: BOM, CRLF, Excel's cp1252, extra and missing columns, line numbers."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from catalog.errors import CatalogError, ValidationError
from catalog.money import parse_price

_TRUE = {"true", "yes", "y", "1", "active", "on", "t"}
_FALSE = {"false", "no", "n", "0", "draft", "archived", "off", "f", "inactive"}


@dataclass(frozen=True)
class Row:
    """One CSV record: its first line number in the file and its cells by (stripped) column name."""

    line: int
    cells: dict[str, str]

    def get(self, column: str) -> str:
        return (self.cells.get(column) or "").strip()


@dataclass(frozen=True)
class Table:
    file: str
    columns: tuple[str, ...]
    rows: list[Row]

    def error(self, message: str, row: Row | None = None, field: str | None = None) -> ValidationError:
        return ValidationError(message, file=self.file, line=row.line if row else 1, field=field)


def read_table(path: str | Path, *, required: Sequence[str] = ()) -> Table:
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise ValidationError(f"cannot read the file: {exc.strerror or exc}", file=str(p)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # spreadsheets saved as "CSV (Windows)"
    if not text.strip():
        raise ValidationError("the file is empty", file=str(p), line=1)
    lines = text.splitlines(keepends=True)
    reader = csv.reader(lines)
    try:
        header = [h.strip().lstrip("\ufeff") for h in next(reader)]
    except (csv.Error, StopIteration) as exc:
        raise ValidationError(f"cannot read the header row: {exc}", file=str(p), line=1) from None
    lower = {h.lower(): h for h in header if h}
    missing = [c for c in required if c.lower() not in lower]
    if missing:
        raise ValidationError(
            f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)} (the header has: "
            f"{', '.join(h for h in header if h)[:200]})", file=str(p), line=1, field=missing[0])
    rows: list[Row] = []
    start = 2
    try:
        for cells in reader:
            line, start = start, reader.line_num + 1
            if not any(c.strip() for c in cells):
                continue
            rows.append(Row(line, {header[i]: c for i, c in enumerate(cells) if i < len(header) and header[i]}))
    except csv.Error as exc:
        raise ValidationError(f"broken CSV: {exc}", file=str(p), line=start) from None
    return Table(str(p), tuple(header), rows)


def column(table: Table, name: str) -> str | None:
    """The header spelling of ``name`` (case-insensitive), or None when the file lacks it."""
    for h in table.columns:
        if h.lower() == name.lower():
            return h
    return None


def cell(table: Table, row: Row, name: str) -> str:
    col = column(table, name)
    return row.get(col) if col else ""


def price_cents(table: Table, row: Row, field: str, text: str, *, allow_negative: bool = False) -> int:
    try:
        cents = parse_price(text)
    except CatalogError:
        raise table.error(f"not a price: {text!r} (write it like 4.50)", row, field) from None
    if cents < 0 and not allow_negative:
        raise table.error(f"price cannot be negative: {text!r}", row, field)
    return cents


def whole_number(table: Table, row: Row, field: str, text: str) -> int:
    t = text.strip().replace(",", "")
    if re.fullmatch(r"-?\d+(\.0+)?", t) is None:
        raise table.error(f"not a whole number: {text!r}", row, field)
    return int(float(t)) if "." in t else int(t)


def boolean(table: Table, row: Row, field: str, text: str, default: bool) -> bool:
    t = text.strip().lower()
    if not t:
        return default
    if t in _TRUE:
        return True
    if t in _FALSE:
        return False
    raise table.error(f"not yes/no: {text!r} (write true or false)", row, field)


def split_list(text: str, seps: str = "|;") -> tuple[str, ...]:
    parts: Iterable[str] = [text]
    for sep in seps:
        parts = [p for chunk in parts for p in chunk.split(sep)]
    return tuple(dict.fromkeys(p.strip() for p in parts if p.strip()))


def slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "_", text.strip().lower()).strip("_")
    return s or "x"


def strip_html(text: str) -> str:
    text = re.sub(r"<(br|/p|/li|/div)[^>]*>", " ", text, flags=re.I)
    text = re.sub(r"<[^>]+>", "", text)
    for entity, ch in (("&nbsp;", " "), ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&#39;", "'")):
        text = text.replace(entity, ch)
    return re.sub(r"\s+", " ", text).strip()
