"""Reading CSV catalog files robustly: BOM, CRLF, Excel's cp1252, extra and missing columns, line numbers."""

from __future__ import annotations

import codecs
import csv
import functools
import html
import io
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from catalog.errors import CatalogError, ValidationError
from catalog.money import parse_amount
from catalog.text import _BAD_CHAR, _BOMS, MAX_DESCRIPTION, MAX_STOCK, Warn, check_text, decode

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
    by_lower: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.by_lower:
            for h in self.columns:
                self.by_lower.setdefault(h.lower(), h)

    def error(self, message: str, row: Row | None = None, field: str | None = None) -> ValidationError:
        return ValidationError(message, file=self.file, line=row.line if row else 1, field=field)


_DELIMITERS = ((";", "semicolons (;)"), ("\t", "tabs"), ("|", "vertical bars (|)"))


def read_table(path: str | Path, *, required: Sequence[str] = (), warn: Warn | None = None,
               encoding: str | None = None) -> Table:
    """Read a comma-separated file: strict UTF-8 (Windows-1252 with a warning), any newline style,
    quoted cells with newlines; control characters, other delimiters and a file without rows are errors."""
    stream = open_table(path, required=required, warn=warn, encoding=encoding)
    return Table(stream.file, stream.columns, list(stream.records()))


@dataclass(frozen=True)
class StreamTable(Table):
    """A CSV file read row by row: :meth:`records` opens the file again on every call and yields its records
    (validated cell by cell), so a million-row file is never held in memory. ``lines`` is the file's number
    of physical lines (an upper bound on its records, for progress)."""

    opener: Callable[[], TextIO] | None = field(default=None, compare=False, repr=False)
    lines: int = 0

    def records(self, *, check: bool = True, skip_if: str | None = None) -> Iterator[Row]:
        """The file's records; ``skip_if``: a column whose non-empty rows are skipped unread (cheaply)."""
        assert self.opener is not None
        with self.opener() as fh:
            reader = csv.reader(fh)
            next(reader, None)  # the header, checked by open_table
            header = self.columns
            width = len(header)
            start = 2
            count = 0
            skip = header.index(column(self, skip_if) or "") if skip_if and column(self, skip_if) else -1
            named = all(header)  # every column has a name: a row is its cells zipped with the header
            try:
                for cells in reader:
                    line, start = start, reader.line_num + 1
                    if skip >= 0 and len(cells) > skip and cells[skip].strip():
                        count += 1
                        continue
                    if not "".join(cells).strip():  # only empty or blank cells
                        continue
                    row = (dict(zip(header, cells, strict=False)) if named
                           else {header[i]: c for i, c in enumerate(cells) if i < width and header[i]})
                    if check and _suspect(row.values()):
                        for name, value in row.items():
                            _check_cell(self.file, line, name, value)
                    count += 1
                    yield Row(line, row)
            except csv.Error as exc:
                raise ValidationError(f"broken CSV: {exc}", file=self.file, line=start) from None
        if not count:
            raise ValidationError("the file has a header but no product rows", file=self.file, line=2)


    def cell_lists(self) -> Iterator[tuple[int, list[str]]]:
        """The file's records as (first line, cells) without a dict per row, checked like :meth:`records`
        (the same errors, file, line and field); a cell is ``cells[index(column)]`` when the list is long
        enough (see :meth:`index`). Blank rows are skipped; a file without records is an error."""
        assert self.opener is not None
        with self.opener() as fh:
            reader = csv.reader(fh)
            next(reader, None)  # the header, checked by open_table
            width = len(self.columns)
            start = 2
            count = 0
            try:
                for cells in reader:
                    line, start = start, reader.line_num + 1
                    if not "".join(cells).strip():  # only empty or blank cells
                        continue
                    if _suspect(cells if len(cells) <= width else cells[:width]):
                        self._check_row(line, cells)
                    count += 1
                    yield line, cells
            except csv.Error as exc:
                raise ValidationError(f"broken CSV: {exc}", file=self.file, line=start) from None
        if not count:
            raise ValidationError("the file has a header but no product rows", file=self.file, line=2)

    def _check_row(self, line: int, cells: list[str]) -> None:
        """The cell checks of :meth:`records` on one row, in the same order (a dict by column name)."""
        header = self.columns
        row = (dict(zip(header, cells, strict=False)) if all(header)
               else {header[i]: c for i, c in enumerate(cells) if i < len(header) and header[i]})
        for name, value in row.items():
            _check_cell(self.file, line, name, value)

    def index(self, name: str) -> int:
        """The position of column ``name`` (case-insensitive) in a record's cells, -1 when the file lacks it:
        of columns with the same header, the last, as the record dicts of :meth:`records` keep it."""
        found = column(self, name)
        if found is None:
            return -1
        return len(self.columns) - 1 - self.columns[::-1].index(found)


def _suspect(values: Iterable[str]) -> bool:
    """Whether any cell may fail :func:`_check_cell` (one regex over the row instead of one per cell)."""
    joined = "\n".join(values)
    return _BAD_CHAR.search(joined) is not None or len(joined) > MAX_DESCRIPTION


_CHUNK = 1 << 20


def _scan_utf8(p: Path) -> int | None:
    """The number of lines of a clean UTF-8 file (read in chunks, never whole), or None when the file needs
    a closer look (empty, a UTF-16/32 byte order mark, NUL bytes, not UTF-8): :func:`decode` then reads it
    whole and says what is wrong (or reads Windows-1252 with a warning)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    lines = 0
    content = False
    with p.open("rb") as fh:
        head = fh.read(_CHUNK)
        if not head or any(head.startswith(bom) for bom, _ in _BOMS) or head[:4096].count(b"\x00") * 4 >= len(head[:4096]):
            return None
        chunk = head
        while chunk:
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                return None
            lines += chunk.count(b"\n")
            content = content or bool(chunk.replace(b"\xef\xbb\xbf", b"").strip())
            chunk = fh.read(_CHUNK)
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return None
    return lines + 1 if content else None


def open_table(path: str | Path, *, required: Sequence[str] = (), warn: Warn | None = None,
               encoding: str | None = None) -> StreamTable:
    """Check a CSV file's encoding and header; its records come from :meth:`StreamTable.records`. A clean
    UTF-8 file is streamed from disk; anything else is read whole (see :func:`read_table`)."""
    p = Path(path)
    try:
        lines = None if encoding else _scan_utf8(p)
        if lines is None:
            raw = p.read_bytes()
    except OSError as exc:
        raise ValidationError(f"cannot read the file: {exc.strerror or exc}", file=str(p)) from None
    opener: Callable[[], TextIO]
    if lines is None:
        text = decode(raw, file=str(p), warn=warn, encoding=encoding)
        del raw
        if not text.strip():
            raise ValidationError("the file is empty", file=str(p), line=1)
        text = text.lstrip("\ufeff")
        lines = text.count("\n") + 1

        def opener() -> TextIO:
            return io.StringIO(text, newline="")
    else:
        def opener() -> TextIO:
            return p.open(encoding="utf-8-sig", newline="")
    with opener() as fh:
        reader = csv.reader(fh)
        try:
            header = [h.strip().lstrip("\ufeff") for h in next(reader)]
        except (csv.Error, StopIteration) as exc:
            raise ValidationError(f"cannot read the header row: {exc}", file=str(p), line=1) from None
        fh.seek(0)
        first_line = fh.readline().lstrip("\ufeff").rstrip("\r\n")
    for i, h in enumerate(header):
        _check_cell(str(p), 1, f"column {i + 1}", h)
    lower = {h.lower(): h for h in header if h}
    missing = [c for c in required if c.lower() not in lower]
    if missing:
        for sep, name in _DELIMITERS:
            if len(header) <= 2 and first_line.count(sep) >= max(1, len(required) - 1):
                raise ValidationError(f"the columns are separated by {name}, not commas; export the file as "
                                      f"comma-separated CSV", file=str(p), line=1)
        raise ValidationError(
            f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)} (the header has: "
            f"{', '.join(h for h in header if h)[:200]})", file=str(p), line=1, field=missing[0])
    return StreamTable(str(p), tuple(header), [], opener=opener, lines=lines)


def _check_cell(file: str, line: int, column: str, value: str) -> None:
    if len(value) > MAX_DESCRIPTION:
        raise ValidationError(f"is {len(value):,} characters long; at most {MAX_DESCRIPTION:,} are allowed",
                              file=file, line=line, field=column)
    check_text(value, field=column, file=file, line=line, multiline=True, limit=MAX_DESCRIPTION)


def column(table: Table, name: str) -> str | None:
    """The header spelling of ``name`` (case-insensitive), or None when the file lacks it."""
    found = table.by_lower.get(name)
    return found if found is not None else table.by_lower.get(name.lower())


def cell(table: Table, row: Row, name: str) -> str:
    found = table.by_lower.get(name)  # column(), inlined: called for every cell of a million rows
    if found is None:
        found = table.by_lower.get(name.lower())
        if found is None:
            return ""
    return (row.cells.get(found) or "").strip()


def price_cents(table: Table, row: Row, field: str, text: str, *, allow_negative: bool = False,
                currency: str = "USD") -> int:
    try:
        cents = parse_amount(text, currency)
    except CatalogError:
        raise table.error(f"not a price: {text[:40]!r}{'…' if len(text) > 40 else ''} (write it like 4.50)",
                          row, field) from None
    if cents < 0 and not allow_negative:
        raise table.error(f"price cannot be negative: {text!r}", row, field)
    return cents


_WHOLE = re.compile(r"-?\d+(\.0+)?")


def whole_number(table: Table, row: Row, field: str, text: str, *, limit: int = MAX_STOCK) -> int:
    if text.isascii() and text.isdigit() and len(text) < len(str(limit)):  # plain digits below the limit
        return int(text)
    t = text.strip().replace(",", "")
    if _WHOLE.fullmatch(t) is None:
        raise table.error(f"not a whole number: {text[:40]!r}", row, field)
    digits = t.lstrip("-").split(".")[0].lstrip("0")
    if len(digits) > len(str(limit)) or int(digits or "0") > limit:
        raise table.error(f"{t[:20]}{'…' if len(t) > 20 else ''} is too large (at most {limit:,})", row, field)
    return int(t.split(".")[0])


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
    """The items of a list cell, split at any of ``seps``, stripped, without empty items or repeats."""
    for sep in seps[1:]:  # every separator as the first: one split
        if sep in text:
            text = text.replace(sep, seps[0])
    parts = text.split(seps[0]) if seps else [text]
    if len(parts) == 1:  # one item or none, the usual cell
        item = text.strip()
        return (item,) if item else ()
    return tuple(dict.fromkeys(filter(None, map(str.strip, parts))))


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@functools.lru_cache(maxsize=65536)
def slug(text: str) -> str:
    s = _NOT_SLUG.sub("_", text.strip().lower()).strip("_")
    return s or "x"


def strip_html(text: str) -> str:
    """Plain text of an HTML body: tags dropped, common entities decoded, all whitespace (including
    U+2028/U+2029 line separators) one space."""
    text = re.sub(r"<(br|/p|/li|/div|/h\d)[^>]*>", " ", text, flags=re.I)
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    text = re.sub("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffd]", " ", text)  # from entities like &#27;
    return re.sub(r"\s+", " ", text).strip()
