"""Option values turned into their types without pydantic, for the types ipcompare's options have.

Typer 0.29 coerces every option through a pydantic TypeAdapter: importing pydantic and building the
adapters costs ~60 ms at every start, more than everything else ipcompare does for a small dataset.
Our options are strings, paths, integers, flags and enums, which need none of that. `quicken` gives each
parameter of a command a coercer of its own for those types; a value it cannot take (`--year abc`), or a
type it does not know, goes to Typer's own coercion, so every error message stays Typer's. With a Typer
whose parameters work differently (no `type_descriptor`), nothing is changed.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin


class _Fallback(Exception):
    """The quick path cannot take this value: Typer's own coercion decides (and words the error)."""


def _enum(annotation: type[Enum], case_sensitive: bool) -> Callable[[Any], Any]:
    by_value = {str(member.value): member for member in annotation}

    def convert(value: Any) -> Any:
        if isinstance(value, annotation):
            return value
        if case_sensitive and str(value) in by_value:
            return by_value[str(value)]
        raise _Fallback

    return convert


def _int(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lstrip("+-").isdigit() and value.isascii():
        return int(value)
    raise _Fallback


def _str(value: Any) -> str:
    if isinstance(value, str):
        return value
    raise _Fallback


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise _Fallback


def _path(value: Any) -> Path:
    if isinstance(value, (str, Path)):
        return Path(value)
    raise _Fallback


def _leaf(annotation: Any, info: Any) -> Callable[[Any], Any] | None:
    """The converter of one value of `annotation`, or None for a type the quick path leaves to Typer."""
    parser = getattr(info, "parser", None)
    plain = all(getattr(info, flag, None) in (None, False) for flag in ("exists", "min", "max", "clamp", "formats"))
    if not plain:
        return None
    if parser is not None:
        return parser  # type: ignore[no-any-return]
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return _enum(annotation, bool(getattr(info, "case_sensitive", True)))
    return {str: _str, int: _int, bool: _bool, Path: _path}.get(annotation)


class _Quick:
    """Coerces as Typer's RuntimeParam does (`coerce(value, param, ctx)`), for the types `_leaf` knows."""

    def __init__(self, convert: Callable[[Any], Any], many: bool) -> None:
        self.convert, self.many = convert, many

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        multi = param.multiple or param.nargs == -1
        if value is None:
            return () if multi else None
        try:
            if multi:
                if isinstance(value, str):
                    raise _Fallback
                return [self.convert(v) for v in value]
            return self.convert(value)
        except _Fallback:
            param._runtime_param = None  # Typer builds its own, which words the error as it always has
            return param.get_runtime_param().coerce(value, param=param, ctx=ctx)


def quicken(params: list[Any]) -> None:
    """Give each parameter whose type the quick path knows a `_Quick` coercer (once)."""
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or getattr(param, "_runtime_param", False) is not None:
            continue  # not a Typer parameter of this kind, or already given its coercer
        annotation, many = descriptor.annotation, False
        if get_origin(annotation) is list and len(get_args(annotation)) == 1:
            annotation, many = get_args(annotation)[0], True
        convert = _leaf(annotation, descriptor.parameter_info)
        if convert is not None and (many or not (param.multiple or param.nargs == -1)):
            param._runtime_param = _Quick(convert, many)
