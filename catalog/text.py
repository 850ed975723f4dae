"""Reading catalog files safely: encodings, control characters, field lengths, number sizes, JSON depth.

Everything here raises :class:`catalog.errors.ValidationError` naming the file, the line and, where there
is one, the field, so a crafted or mis-saved file gives one clear sentence instead of a traceback.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable

from catalog.errors import ValidationError

MAX_TEXT = 255  # names, aliases, tags, categories, brands, option names and values
MAX_DESCRIPTION = 65_536
MAX_JSON_DEPTH = 32
MAX_NUMBER_DIGITS = 15  # 10**15 cents is far beyond any price; stock is capped lower
MAX_CENTS = 10**12 - 1  # 9,999,999,999.99
MAX_STOCK = 10**9

Warn = Callable[[str], None]

_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32 (little-endian)"), (codecs.BOM_UTF32_BE, "UTF-32 (big-endian)"),
    (codecs.BOM_UTF16_LE, "UTF-16 (little-endian)"), (codecs.BOM_UTF16_BE, "UTF-16 (big-endian)"),
)
# C0 controls except tab/newline/carriage return, DEL, C1 controls, lone surrogates, and U+FFFD (a
# replacement character means the file was already damaged by a bad conversion)
_BAD_CHAR = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffd]")
_LINE_BREAK = re.compile("[\n\r\u2028\u2029\x85]")
_NAMES = {"\x00": "NUL", "\x07": "BEL", "\x08": "BS", "\x0b": "VT", "\x0c": "FF", "\x1b": "ESC", "\x7f": "DEL",
          "\ufffd": "U+FFFD (a character already lost by a bad conversion)"}


def char_name(ch: str) -> str:
    if ch in _NAMES:
        return _NAMES[ch]
    if "\ud800" <= ch <= "\udfff":
        return f"a lone surrogate U+{ord(ch):04X} (not a character)"
    return f"control character U+{ord(ch):04X}"


def decode(raw: bytes, *, file: str, warn: Warn | None = None, encoding: str | None = None) -> str:
    """Bytes of a catalog file as text: UTF-8 (with or without BOM); a Windows-1252 file (Excel's "CSV")
    is read as such with a warning; UTF-16/32 and broken UTF-8 are errors naming the line."""
    if encoding:
        try:
            return raw.decode(encoding)
        except LookupError:
            raise ValidationError(f"unknown encoding {encoding!r}", file=file) from None
        except UnicodeDecodeError as exc:
            column = exc.start - raw.rfind(b"\n", 0, exc.start)
            raise ValidationError(f"not valid {encoding}: byte 0x{raw[exc.start]:02X} at column {column}", file=file,
                                  line=raw.count(b"\n", 0, exc.start) + 1) from None
    for bom, name in _BOMS:
        if raw.startswith(bom):
            raise ValidationError(f"the file is encoded as {name}; save it as UTF-8 (in Excel: \"CSV UTF-8\")",
                                  file=file, line=1)
    head = raw[:4096]
    if head and head.count(b"\x00") * 4 >= len(head):
        raise ValidationError("the file looks like UTF-16 without a byte order mark (every other byte is NUL); "
                              "save it as UTF-8", file=file, line=1)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = exc.start
    line = raw.count(b"\n", 0, bad) + 1
    column = bad - raw.rfind(b"\n", 0, bad)
    # a file with no valid multi-byte UTF-8 sequence that reads cleanly as Windows-1252 is one
    looks_utf8 = re.search(rb"[\xc2-\xf4][\x80-\xbf]+", raw) is not None
    if not looks_utf8:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            if warn is not None:
                warn(f"{file}: not UTF-8 (byte 0x{raw[bad]:02X} on line {line}); read as Windows-1252")
            return text
    raise ValidationError(f"not valid UTF-8: byte 0x{raw[bad]:02X} at column {column}; save the file as UTF-8",
                          file=file, line=line)


def check_text(value: str, *, field: str, file: str | None = None, line: int | None = None,
               multiline: bool = False, limit: int = MAX_TEXT) -> None:
    """Reject control characters, lone surrogates, line breaks (unless ``multiline``) and overlong text."""
    m = _BAD_CHAR.search(value)
    if m is not None:
        raise ValidationError(f"contains {char_name(m.group())} at character {m.start() + 1}",
                              file=file, line=line, field=field)
    if not multiline:
        m = _LINE_BREAK.search(value)
        if m is not None:
            raise ValidationError(f"contains a line break at character {m.start() + 1}",
                                  file=file, line=line, field=field)
    if len(value) > limit:
        raise ValidationError(f"is {len(value)} characters long; at most {limit} are allowed",
                              file=file, line=line, field=field)


def one_line(text: str) -> str:
    """Line breaks (including U+2028/U+2029) and runs of spaces become one space."""
    return " ".join(_LINE_BREAK.sub(" ", text).split())


def check_whole(value: int, *, field: str, file: str | None = None, line: int | None = None,
                limit: int) -> None:
    if value > limit or value < -limit:
        raise ValidationError(f"{value if len(str(value)) <= 20 else str(value)[:12] + '…'} is too large "
                              f"(at most {limit:,})", file=file, line=line, field=field)


_JSON_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|[\[\]{}]|-?\d[\d.eE+\-]*')


def check_json_shape(text: str, *, file: str, depth: int = 0, first_line: int = 1) -> None:
    """Before parsing: nesting deeper than :data:`MAX_JSON_DEPTH` and numbers longer than
    :data:`MAX_NUMBER_DIGITS` digits are errors naming the line (the parser would raise otherwise). ``depth``:
    how deep ``text`` is nested in its document; ``first_line``: the document's line ``text`` starts on."""
    for m in _JSON_TOKEN.finditer(text):
        tok = m.group()
        c = tok[0]
        if c in "[{":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                raise ValidationError(f"nested more than {MAX_JSON_DEPTH} levels deep", file=file,
                                      line=text.count("\n", 0, m.start()) + first_line)
        elif c in "]}":
            depth -= 1
        elif c != '"':
            digits = len(tok.split("e")[0].split("E")[0].replace("-", "").replace(".", "").lstrip("0"))
            if digits > MAX_NUMBER_DIGITS or len(tok) > 40:
                raise ValidationError(f"a number with {digits} digits; at most {MAX_NUMBER_DIGITS} are allowed",
                                      file=file, line=text.count("\n", 0, m.start()) + first_line)
