"""Plan documents as text: plain text, HTML pages, .docx and .pdf files, as analysts download them.

Text is decoded strictly, never with replacement characters, which would hide a wrong guess: UTF-8
(a byte-order mark is dropped), else GB18030 (which covers GBK and GB2312), or UTF-16 after its
byte-order mark. An HTML page becomes the text a browser shows, its title first. Word (.docx) and PDF
files are read through the optional extra `docs` (python-docx and pypdf), imported only when needed.

Every failure is a `DataError` with one `Problem` naming the file, so it prints as `file: message`.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import DataError, Problem
from .paths import display_path

if TYPE_CHECKING:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

#: The largest document read, in bytes: a plan is a few MB at most, so a larger file is the wrong one.
MAX_BYTES = 50 * 1024 * 1024
#: File names that say HTML; a page saved without one is recognised by how it starts.
HTML_SUFFIXES = frozenset({".html", ".htm", ".shtml", ".xhtml"})

_EXTRA = "pip install 'ipcompare[docs]'"
#: Word 97-2003 (.doc), WPS and old Excel files are OLE2 compound files; they start with this.
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_ENCODING_NAMES = {"utf-8": "UTF-8", "gb18030": "GB18030", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16"}


def read_document(path: str | Path) -> str:
    """The text of a plan document: plain text, an HTML page, a .docx or a .pdf file.

    Raises `DataError` naming the file when it cannot be read, is larger than `MAX_BYTES`, or is not
    text in an encoding this module reads.
    """
    name = display_path(path)
    data = _read_bytes(Path(path), name)
    suffix = Path(path).suffix.lower()
    if suffix == ".docx":
        return _docx_text(data, name)
    if suffix == ".pdf" or data.startswith(b"%PDF-"):
        return _pdf_text(data, name)
    if data.startswith(_OLE2):
        raise _problem(name, "is an old Office file (Word 97-2003 .doc, .wps or .xls): save it as .docx")
    return decode(data, name)


def decode(data: bytes, name: str) -> str:
    """The text of a plain-text or HTML file's bytes; an HTML page becomes its visible text.

    `name` is the file's name: its suffix says whether it is HTML (as does how the bytes start), and
    messages call the file by it. Line ends become `\\n`, as Python's text mode reads them.
    """
    html = _is_html(data, name)
    text = _decode_text(data, name, _declared_encoding(data) if html else None)
    if "\x00" in text:
        where = text.index("\x00")
        raise _problem(name, f"has NUL characters (the first at character {where}): not a text file")
    return html_text(text) if html else text.replace("\r\n", "\n").replace("\r", "\n")


def _is_html(data: bytes, name: str) -> bool:
    """Whether a file is an HTML page: by its suffix, or by `<!doctype html` or `<html` at its start."""
    return Path(name).suffix.lower() in HTML_SUFFIXES or _HTML_START.match(data) is not None


def html_text(markup: str) -> str:
    """The visible text of an HTML page: its title, then one line per block, empty lines dropped.

    Scripts and styles are dropped; entities become their characters; whitespace collapses as a
    browser shows it (a line break in the source between two Chinese characters disappears, as CSS
    says); table cells are separated by a tab. A no-break space becomes a plain space (what a browser
    copies), and spaces, full-width spaces included, are stripped from the ends of each line.
    """
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    return parser.text()


def _problem(name: str, message: str) -> DataError:
    return DataError([Problem(name, None, message)])


def _read_bytes(path: Path, name: str) -> bytes:
    """At most MAX_BYTES of a regular file; a pipe or device is refused, never waited on."""
    from .files import ReadError, read_bytes

    try:
        return read_bytes(path, MAX_BYTES, "a document")
    except ReadError as e:
        raise _problem(name, str(e)) from None


# -- decoding ---------------------------------------------------------------------------------------------


def _decode_text(data: bytes, name: str, declared: str | None) -> str:
    """Strictly decoded text: after a byte-order mark its encoding, else UTF-8, the declared one, GB18030."""
    failures: list[tuple[int, UnicodeDecodeError]] = []
    candidates = _candidates(data, declared)
    for encoding, start in candidates:
        try:
            return data[start:].decode(encoding).removeprefix("\ufeff")
        except UnicodeDecodeError as e:
            failures.append((start + e.start, e))
    # The encoding that got furthest is the likeliest meant: say where it stopped.
    offset, error = max(failures, key=lambda failure: failure[0])
    tried = " or ".join(dict.fromkeys(_ENCODING_NAMES.get(e, e) for e, _ in candidates))
    found = " ".join(f"0x{b:02x}" for b in error.object[error.start : error.end])
    raise _problem(name, f"not {tried} text (byte {found} at offset {offset}): save it as UTF-8")


def _candidates(data: bytes, declared: str | None) -> list[tuple[str, int]]:
    """The encodings to try in turn, each with where its text starts (after a byte-order mark)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return [(encoding, len(bom))]
    # Text that is valid UTF-8 and not ASCII is UTF-8 whatever a page declares (pages saved again as
    # UTF-8 often keep their old gb2312 declaration); GBK text is practically never valid UTF-8.
    return [(encoding, 0) for encoding in dict.fromkeys(["utf-8", declared or "utf-8", "gb18030"])]


#: How an HTML page starts: a byte-order mark, space, comments (`<!-- saved from url=... -->`) or an XML
#: declaration, then the doctype or the html element.
_HTML_START = re.compile(
    rb"(?:\xef\xbb\xbf)?(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE | re.DOTALL
)
#: `<meta charset="gb2312">`, `<meta ... content="text/html; charset=gb2312">`, `<?xml ... encoding="gbk"?>`.
_DECLARATION = re.compile(
    rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([\w.:-]+)|<\?xml[^>]*?encoding\s*=\s*[\"']([\w.:-]+)", re.IGNORECASE
)
#: Declared names read as a browser reads them (the WHATWG Encoding standard): GB2312 and GBK as GB18030,
#: Latin-1 and ASCII as windows-1252, UTF-16 in a meta element (which cannot be right) as nothing.
_AS_DECLARED = {"gb2312": "gb18030", "gbk": "gb18030", "iso8859-1": "cp1252", "ascii": "cp1252"}


def _declared_encoding(data: bytes) -> str | None:
    """The encoding an HTML page declares near its start, as a Python codec name (None: none, or unknown)."""
    match = _DECLARATION.search(data[:4096])
    if match is None:
        return None
    try:
        codec = codecs.lookup((match.group(1) or match.group(2)).decode("ascii")).name
    except LookupError:
        return None
    codec = _AS_DECLARED.get(codec, codec)
    return None if codec.startswith(("utf-16", "utf-32")) else codec


# -- HTML ---------------------------------------------------------------------------------------------------

#: Elements whose content is not shown. (The rest of <head> holds no text but the title's.)
_HIDDEN = frozenset({"script", "style", "template"})
#: Elements that start and end a line.
_BLOCKS = frozenset(
    {"address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details", "dialog"}
    | {"dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4"}
    | {"h5", "h6", "head", "header", "hgroup", "hr", "html", "legend", "li", "listing", "main", "menu", "nav"}
    | {"ol", "option", "p", "plaintext", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr"}
    | {"ul", "xmp"}
)
_CELLS = frozenset({"td", "th"})
#: Elements whose whitespace is kept as written.
_PREFORMATTED = frozenset({"pre", "textarea", "listing", "plaintext", "xmp"})
#: Whitespace that HTML collapses (not the no-break space, nor the full-width space U+3000).
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
#: Before each table cell but a row's first until the line is finished, then a tab (decoded text has no NUL
#: in it): an empty cell stays an empty field between two tabs, so the cells after it keep their columns.
_CELL = "\x00"
_AROUND_CELL = re.compile(r"[^\S\n]*\x00[^\S\n]*")


class _TextParser(HTMLParser):
    """Collects a page's visible text, line by line, and its title."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._title: list[str] = []
        self._lines: list[list[str]] = [[]]
        self._hidden = 0
        self._preformatted = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_title = tag == "title" or (self._in_title and tag not in _BLOCKS)
        self._hidden += tag in _HIDDEN
        self._preformatted += tag in _PREFORMATTED
        self._boundary(tag, start=True)

    def handle_endtag(self, tag: str) -> None:
        self._in_title = self._in_title and tag != "title"
        self._hidden = max(0, self._hidden - (tag in _HIDDEN))
        self._preformatted = max(0, self._preformatted - (tag in _PREFORMATTED))
        self._boundary(tag, start=False)

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        if self._in_title:
            self._title.append(data)
        elif self._preformatted:
            self._add_preformatted(data)
        else:
            self._add(_HTML_SPACE.sub(_collapsed, data))

    def text(self) -> str:
        title = _HTML_SPACE.sub(_collapsed, "".join(self._title))
        lines = (_finish_line(line) for line in [title, *("".join(pieces) for pieces in self._lines)])
        return "\n".join(line for line in lines if line)

    def _boundary(self, tag: str, *, start: bool) -> None:
        line = self._lines[-1]
        if tag in _BLOCKS and line:
            self._lines.append([])
        elif tag in _CELLS and line and start:
            line.append(_CELL)

    def _add(self, text: str) -> None:
        line = self._lines[-1]
        if text.startswith(" ") and (not line or line[-1].endswith((" ", _CELL))):
            text = text[1:]
        if text:
            line.append(text)

    def _add_preformatted(self, text: str) -> None:
        first, *rest = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self._lines[-1].append(first)
        for line in rest:
            self._lines.append([line])


def _collapsed(space: re.Match[str]) -> str:
    """A run of HTML whitespace as shown: one space, or nothing for a line break between two Chinese
    characters (CSS Text 3, segment break transformation), so that a wrapped sentence reads as one."""
    text, before, after = space.string, space.start() - 1, space.end()
    if before < 0 or after >= len(text) or not ("\n" in space.group() or "\r" in space.group()):
        return " "
    widths = {_width(text[before]), _width(text[after])}
    # CSS asks for both sides wide; Chinese quotation marks (“”) are "ambiguous", so one side is enough.
    return "" if widths <= {"W", "A"} and "W" in widths else " "


def _width(char: str) -> str:
    """W for a wide character (not Hangul, which separates words by spaces), A for an ambiguous one."""
    width = unicodedata.east_asian_width(char)
    if width in "FWH" and not unicodedata.name(char, "").startswith("HANGUL"):
        return "W"
    return "A" if width == "A" else "N"


def _finish_line(line: str) -> str:
    line = _AROUND_CELL.sub("\t", line.replace("\u00a0", " "))
    return line.strip()


# -- Word and PDF ------------------------------------------------------------------------------------------


def _docx_text(data: bytes, name: str) -> str:
    """Paragraphs and table rows of a .docx file in document order, one a line (a row's cells between tabs)."""
    try:
        import docx
    except ImportError:
        raise _problem(name, f"reading .docx needs the optional extra: {_EXTRA}") from None
    unpacked = _unpacked_size(data)
    if unpacked > MAX_BYTES * 4:  # a .docx is a zip: a small one can unpack to gigabytes (a zip bomb)
        raise _problem(name, f"unpacks to {unpacked // 2**20} MB: not read (a plan document is far smaller)")
    try:
        document = docx.Document(BytesIO(data))
        return _lines(_docx_blocks(document.iter_inner_content()))
    except Exception as e:  # a damaged or misnamed file: python-docx lets zip, XML and key errors through
        raise _problem(name, f"not a readable .docx file ({_reason(e)})") from None


def _unpacked_size(data: bytes) -> int:
    """What a zip file's members add up to, as its directory says (0 when it is no zip: python-docx says so)."""
    import zipfile

    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            return sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return 0


def _docx_blocks(blocks: Iterable[Paragraph | Table]) -> Iterator[str]:
    from docx.table import Table

    for block in blocks:
        if isinstance(block, Table):
            yield from _docx_rows(block)
        else:
            yield block.text


def _docx_rows(table: Table) -> Iterator[str]:
    """Each row of a table as one line, its cells separated by a tab as an HTML table's are, so that the reader
    reads an indicator table by its rows (指标名称 2020年 2025年 属性) as it does a web page's.

    A cell merged across columns is said once, as HTML's colspan; one merged down rows (a 类别 column, a header
    over two rows) is said in each of its rows, so every row has its columns. A table nested in a cell follows
    its row's line.
    """
    from docx.table import Table

    seen: set[object] = set()
    for row in table.rows:
        cells: list[str] = []
        nested: list[str] = []
        previous = None
        for cell in row.cells:  # a cell merged across n columns comes n times in a row
            if cell._tc is previous:
                continue
            previous = cell._tc
            texts, first = [], cell._tc not in seen
            seen.add(cell._tc)
            for block in cell.iter_inner_content():
                if not isinstance(block, Table):
                    texts.append(block.text)
                elif first:
                    nested += _docx_rows(block)
            cells.append(_joined(texts))
        if any(cells):
            yield "\t".join(cells)
        yield from nested


def _joined(paragraphs: Iterable[str]) -> str:
    """A cell's paragraphs as one cell's text: joined by nothing between two Chinese characters (每万人口发明专利
    拥有量 / （件）), else by a space; a tab or line break in them becomes a space, as it would start a cell."""
    out = ""
    for text in paragraphs:
        text = " ".join(text.split())
        if text and out:
            out += "" if _width(out[-1]) == _width(text[0]) == "W" else " "
        out += text
    return out


def _pdf_text(data: bytes, name: str) -> str:
    """The text of each page of a PDF, in order; a PDF without any (scanned pages) is an error."""
    try:
        import pypdf
    except ImportError:
        raise _problem(name, f"reading .pdf needs the optional extra: {_EXTRA}") from None
    chatty = logging.getLogger("pypdf")  # it logs what it repairs ("EOF marker not found") on standard error
    level = chatty.level
    chatty.setLevel(logging.CRITICAL)
    try:
        text = _lines(page.extract_text() for page in pypdf.PdfReader(BytesIO(data)).pages)
    except Exception as e:  # a damaged, encrypted or misnamed file: pypdf raises many kinds of error
        raise _problem(name, f"not a readable PDF ({_reason(e)})") from None
    finally:
        chatty.setLevel(level)
    if not text:
        raise _problem(name, "has no text to read (scanned pages?): the PDF needs text recognition (OCR) first")
    return text


def _lines(texts: Iterable[str]) -> str:
    lines = (line.strip() for text in texts for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _reason(error: Exception) -> str:
    """An exception from a library as a short phrase on one line."""
    reason = " ".join(str(error).split()) or type(error).__name__
    return reason if len(reason) <= 200 else reason[:199] + "…"
