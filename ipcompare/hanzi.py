"""Traditional characters as simplified ones, through OpenCC (a well-kept converter, not a map of our own).

Plans scraped from some sites are in traditional characters (知識產權, 萬件, 億元); ipcompare reads them
as simplified text and keeps the source's own characters in every quote. The converter is loaded
only when a text has characters to convert.
"""

from __future__ import annotations

from functools import cache
from typing import Protocol


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


@cache
def _converter() -> _Converter:
    import opencc

    converter: _Converter = opencc.OpenCC("t2s")
    return converter


def simplify(text: str) -> str:
    """Traditional characters as simplified ones, one for one, so offsets keep their place."""
    if text.isascii():
        return text
    converter = _converter()
    converted = converter.convert(text)
    if len(converted) == len(text):
        return converted
    # A phrase converted to another length: fall back to one character at a time.
    return "".join(c if len(c := converter.convert(ch)) == 1 else ch for ch in text)
