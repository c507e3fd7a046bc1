"""YAML files -> Dataset. Reads every file, reports every problem at its file and line.

PyYAML's constructors forget where things were; this loader keeps the line of every mapping key
and list item, so a wrong value is reported where the user wrote it. Duplicate keys, which PyYAML
silently collapses, are reported too.
"""

from __future__ import annotations

import bisect
import datetime as dt
import gc
import math
import os
import re
from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

import yaml

from .controls import escape_controls, has_controls
from .errors import DataError, Problem, UsageError
from .model import (
    COMPARATORS,
    DIRECTIONS,
    KINDS,
    MAX_VALUE,
    UNREAD_PERIOD,
    Comparator,
    Dataset,
    Direction,
    Figure,
    Kind,
    Level,
    Location,
    Metric,
    Plan,
    Population,
    Region,
    Reported,
    Status,
)
from .paths import data_paths, display_path
from .records import field, made, record, replace

E = TypeVar("E", bound=StrEnum)


class _Map(dict[str, Any]):
    line: int = 0
    key_lines: dict[str, int]


class _Seq(list[Any]):
    line: int = 0
    item_lines: list[int]


_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


#: Where YAML ends a line and editors, grep -n and the rest of ipcompare do not (NEL, LS and PS).
_YAML_ONLY_BREAKS = re.compile("[\x85\u2028\u2029]")


class _Lines:
    """The line of a place PyYAML marks, counted as an editor counts it: lines end at \\n.

    PyYAML also ends a line at U+0085, U+2028 and U+2029 (text pasted from a web page may hold them), so
    after one its line numbers run ahead; the mark's character index does not. The C parser puts the end
    of a file without a final line break on a line of its own: a place there is on the file's last line.
    """

    def __init__(self, text: str) -> None:
        self.last = max(1, text.count("\n") + (0 if text.endswith("\n") else 1))
        self.ends = [m.start() for m in re.finditer("\n", text)] if _YAML_ONLY_BREAKS.search(text) else None

    def __call__(self, mark: yaml.Mark) -> int:
        line = mark.line + 1 if self.ends is None else bisect.bisect_left(self.ends, mark.index) + 1
        return min(line, self.last)


class _Loader(_BaseLoader):  # type: ignore[valid-type,misc]
    duplicates: list[tuple[int, str]]
    lines: _Lines
    #: How many of a mapping's pairs came from its merge keys (`<<: *common`), by node: PyYAML flattens a node
    #: in place (a merged mapping's own merges too), so this is known only when it happens.
    merged: dict[int, int]

    def flatten_mapping(self, node: yaml.MappingNode) -> None:
        """The pairs of a mapping's merge keys, then its own: a later pair wins, so a key written here overrides a
        merged one, and of a list of merged mappings (`<<: [*a, *b]`) the first wins, as YAML's merge key says.

        Written here rather than PyYAML's: PyYAML 6.0.4 drops merged pairs whose key *string object* it has seen,
        so that `<<: {<<: *c, x: 2}` lost its own x to c's (equal keys are often one interned object).
        """
        if id(node) in self.merged:
            return
        merge: list[tuple[yaml.Node, yaml.Node]] = []
        own: list[tuple[yaml.Node, yaml.Node]] = []
        for key_node, value_node in node.value:
            if key_node.tag != "tag:yaml.org,2002:merge":
                if key_node.tag == "tag:yaml.org,2002:value":
                    key_node.tag = "tag:yaml.org,2002:str"
                own.append((key_node, value_node))
                continue
            merged = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
            for sub in reversed(merged):
                if not isinstance(sub, yaml.MappingNode):
                    raise yaml.constructor.ConstructorError(
                        "while constructing a mapping",
                        node.start_mark,
                        f"expected a mapping or list of mappings for merging, but found {sub.id}",
                        sub.start_mark,
                    )
                self.flatten_mapping(sub)
                merge.extend(sub.value)
        node.value = merge + own
        self.merged[id(node)] = len(merge)


#: What a value tagged explicitly (!!int x) must be, for the tags whose PyYAML constructor fails without a line.
_TAGGED = {"int": "a whole number", "float": "a number", "bool": "true or false", "map": "a mapping", "seq": "a list"}


def _misfit(node: yaml.Node) -> yaml.constructor.ConstructorError:
    """A value that its explicit tag does not fit (!!int x, !!map [1], !!seq x), at its line.

    PyYAML's constructors raise ValueError, KeyError or TypeError for these, with no line at all.
    """
    name = str(node.tag).rsplit(":", 1)[-1]
    message = f"a value tagged !!{name} must be {_TAGGED[name]}: remove the tag"
    return yaml.constructor.ConstructorError(None, None, message, node.start_mark)


def _construct_map(loader: _Loader, node: yaml.MappingNode) -> _Map:
    if not isinstance(node, yaml.MappingNode):
        raise _misfit(node)
    loader.flatten_mapping(node)  # the pairs of `<<: *common` come first, then the mapping's own
    merged = loader.merged[id(node)]
    result = _Map()
    result.line = loader.lines(node.start_mark)
    result.key_lines = {}
    written: set[str] = set()
    for index, (key_node, value_node) in enumerate(node.value):
        key = loader.construct_object(key_node, deep=True)
        key = key if isinstance(key, str) else str(key)
        line = loader.lines(key_node.start_mark)
        if index >= merged:  # a key written here overrides a merged one; written twice here, it is a slip
            if key in written:
                loader.duplicates.append((line, f"duplicate key {key!r} (first at line {result.key_lines[key]})"))
            written.add(key)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


def _construct_seq(loader: _Loader, node: yaml.SequenceNode) -> _Seq:
    if not isinstance(node, yaml.SequenceNode):
        raise _misfit(node)
    result = _Seq(loader.construct_object(child, deep=True) for child in node.value)
    result.line = loader.lines(node.start_mark)
    result.item_lines = [loader.lines(child.start_mark) for child in node.value]
    return result


def _construct_timestamp(loader: _Loader, node: yaml.ScalarNode) -> Any:
    # An impossible date (2021-13-45), or text tagged !!timestamp that is no date, makes PyYAML raise
    # without a line; keep the text and let the field check report it where it stands.
    text = loader.construct_scalar(node)
    if not yaml.SafeLoader.timestamp_regexp.match(text):
        return text
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return text


class Odd:
    """A scalar that YAML 1.1 reads as something other than what it looks like (010 is 8, 1:30 is 90), or a
    number no plan states (.nan, .inf, 1.0e+300). The field that holds it reports `reason` at its line."""

    def __init__(self, text: str, reason: str) -> None:
        self.text, self.reason = text, reason

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text


#: What to write instead, for numbers plans never write this way.
_AS_WRITTEN = "write the number as the plan does (85000, or 8.5 with unit 万件)"


def _odd_number(text: str, value: float) -> str | None:
    """Why a number YAML has read from `text` is not the number it looks like, or None when it is."""
    plain = text.replace("_", "").lstrip("+-")
    if ":" in plain:
        read = _written(value)
        return f"YAML reads {text} as a base-60 number ({read}): write the number itself, or quote text ('{text}')"
    if re.fullmatch(r"0[0-7]+", plain) and int(plain) != abs(value):  # 07 is 7 either way; 010 is not 10
        return f"a leading zero makes YAML read {text} as octal ({_written(value)}): write {plain.lstrip('0')}"
    if plain[:2].lower() in ("0x", "0b"):
        base = "hexadecimal" if plain[1] in "xX" else "binary"
        return f"YAML reads {text} as {base} ({_written(value)}): {_AS_WRITTEN}"
    if math.isnan(value) or math.isinf(value):
        return f"{text} is not a figure a plan can state: write its number, or a direction for a qualitative one"
    if "e" in plain.lower():
        return f"{text} is in exponent notation: {_AS_WRITTEN}"
    return None


def _fitted(construct: Callable[[_Loader, yaml.ScalarNode], Any]) -> Callable[[_Loader, yaml.ScalarNode], Any]:
    """PyYAML's int, float or bool constructor, refusing text that its explicit tag does not fit (!!int x)."""

    def constructor(loader: _Loader, node: yaml.ScalarNode) -> Any:
        try:
            return construct(loader, node)
        except (ValueError, IndexError, KeyError):
            raise _misfit(node) from None

    return constructor


def _checked(construct: Callable[[_Loader, yaml.ScalarNode], Any]) -> Callable[[_Loader, yaml.ScalarNode], Any]:
    """PyYAML's int or float constructor, with a number that is not what it looks like turned into an Odd."""

    def constructor(loader: _Loader, node: yaml.ScalarNode) -> Any:
        text = str(node.value)
        if sum(c.isdigit() for c in text.partition(".")[0]) > _MOST_DIGITS:
            return Odd(_shortened(text), _too_large(_shortened(text)))
        value = construct(loader, node)
        try:
            reason = _odd_number(text, value)
        except OverflowError:  # base 60 or octal, read to more than a float holds
            reason = _too_large(_shortened(text))
        return Odd(_shortened(text), reason) if reason else value

    return constructor


#: More digits than any figure has (MAX_VALUE has 16): such a number is refused before Python reads it, which
#: would take long for a million digits, or fail beyond 4,300.
_MOST_DIGITS = 30


def _written(value: float) -> str:
    """A number in a message as a plan would write it (1000000000000000, not 1e+15)."""
    from .format import number

    return number(value)


def _too_large(number: str) -> str:
    return f"{number} is too large to be a figure a plan states: {_AS_WRITTEN}"


def _shortened(text: str) -> str:
    return text if len(text) <= 40 else f"{text[:20]}…({len(text)} characters)"


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_Loader.add_constructor("tag:yaml.org,2002:int", _checked(_fitted(yaml.SafeLoader.construct_yaml_int)))
_Loader.add_constructor("tag:yaml.org,2002:float", _checked(_fitted(yaml.SafeLoader.construct_yaml_float)))
_Loader.add_constructor("tag:yaml.org,2002:bool", _fitted(yaml.SafeLoader.construct_yaml_bool))

#: Text that looks like a number but that YAML 1.1 leaves as text: 1e300, 1.5e3, 08.
_NUMBER_LIKE = re.compile(r"[-+]?(\d[\d_]*)?\.?\d*([eE][-+]?\d+)?")
#: Years a plan, a figure or a population can be about.
YEARS = (1900, 2100)


def _number_text_problem(text: str) -> str | None:
    """Why number-like text is not read as a number, and what to write instead."""
    if not any(c.isdigit() for c in text) or not _NUMBER_LIKE.fullmatch(text.strip()):
        return None
    if "e" in text.lower():
        return f"{text} is in exponent notation: {_AS_WRITTEN}"
    plain = text.strip().lstrip("+-")
    if plain.startswith("0") and len(plain) > 1 and plain[1].isdigit():
        return f"{text} has a leading zero: write {plain.lstrip('0') or '0'}"
    return None


def read_text(path: str | Path) -> tuple[str | None, list[Problem]]:
    """A data file's text, or the problem that kept it from being read (a pipe, a device, a huge file)."""
    from . import files

    name = display_path(path)
    if os.path.isdir(path):  # paths._data_files found no files in it
        return None, [Problem(name, None, "a folder with no data files in it (.yaml or .yml)")]
    try:
        data = files.read_bytes(path, files.MAX_DATA_BYTES, "a data file")
    except files.ReadError as e:
        return None, [Problem(name, None, str(e))]
    return decoded(data, name)


def decoded(data: bytes, name: str) -> tuple[str | None, list[Problem]]:
    """A data file's bytes as text with \\n line ends, or the problem that they are not UTF-8."""
    try:
        return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n"), []
    except UnicodeDecodeError as e:
        # Chinese files are often saved as GBK or GB18030: say where, and what to do.
        line = data[: e.start].count(b"\n") + 1
        return None, [Problem(name, line, f"not UTF-8 text ({e.reason} at byte {e.start}): save the file as UTF-8")]


def read_yaml(path: str | Path) -> tuple[Any, list[Problem]]:
    """Parse one file; on failure the problems say why, with the line where PyYAML stopped."""
    text, problems = read_text(path)
    if text is None:
        return None, problems
    return read_yaml_quickly(text, display_path(path))


class _Careful(Exception):
    """The quick reader met something it leaves to the careful one (an alias, a tag, a duplicate key, an odd
    number, a syntax error): the file is read again by `read_yaml_text`, which reports what is wrong."""


_TAG = "tag:yaml.org,2002:"
_IMPLICIT = yaml.resolver.Resolver.yaml_implicit_resolvers
_PLAIN_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]{0,15})")
_PLAIN_FLOAT = re.compile(r"[-+]?[0-9]{1,16}\.[0-9]{1,16}")
_PLAIN_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_BOOLS = {"yes": True, "no": False, "true": True, "false": False, "on": True, "off": False}


def _plain(value: str) -> Any:
    """A plain scalar as YAML 1.1 reads it, for the forms plans use (text, 12, 8.5, true, 2021-10-09, ~);
    any other form raises _Careful."""
    resolvers = _IMPLICIT.get(value[:1] if value else "")
    if not resolvers:
        return value
    # The numbers figures are written in, tried before YAML's own patterns (a fifth of the time): YAML reads text
    # of these forms as these numbers (no '_', ':' or exponent; an int's leading zero, octal, is never one).
    if _PLAIN_INT.fullmatch(value):
        return int(value)
    if _PLAIN_FLOAT.fullmatch(value):
        return float(value)
    tag = next((tag for tag, pattern in resolvers if pattern.match(value)), None)
    if tag is None or tag == _TAG + "str":
        return value
    if tag == _TAG + "bool":
        return _BOOLS[value.lower()]
    if tag == _TAG + "null":
        return None
    if tag == _TAG + "timestamp" and _PLAIN_DATE.fullmatch(value):
        try:
            return dt.date(int(value[:4]), int(value[5:7]), int(value[8:]))
        except ValueError:
            raise _Careful from None
    raise _Careful


class _Quick:
    """The file's tree from libyaml's events, built without PyYAML's per-node constructors.

    A file of thousands of plans is millions of nodes: PyYAML's composer and constructors spend most of
    their time in Python calls per node, and this is several times faster. It builds the same tree, lines
    included, for the YAML that data files are made of, and raises _Careful for anything else.
    """

    def __init__(self, text: str) -> None:
        self.last = max(1, text.count("\n") + (0 if text.endswith("\n") else 1))
        self.stack: list[Any] = []
        self.current: Any = None
        self.key: Any = None
        self.root: Any = None
        self.seen: dict[str, Any] = {}  # plain scalars so far: keys, ids, units and years repeat thousands of times

    def line(self, event: Any) -> int:
        line: int = event.start_mark.line + 1
        return line if line <= self.last else self.last

    def start(self, event: Any, new: Any) -> None:
        if event.anchor is not None or event.tag is not None or len(self.stack) >= MAX_DEPTH:
            raise _Careful
        new.line = line = self.line(event)
        current = self.current
        if type(current) is _Map:
            if self.key is None:
                raise _Careful  # a mapping or a list used as a key
            current[self.key] = new
            self.key = None
        elif type(current) is _Seq:
            current.append(new)
            current.item_lines.append(line)
        else:
            self.root = new
        self.stack.append(current)
        self.current = new

    def build(self, text: str) -> Any:
        try:
            from yaml._yaml import CParser
        except ImportError:  # PyYAML built without libyaml
            raise _Careful from None
        try:
            return self._run(CParser(text).get_event)
        except yaml.YAMLError:
            raise _Careful from None

    def _run(self, get: Callable[[], Any]) -> Any:  # noqa: C901 (one loop over millions of events, kept inline)
        from yaml import events

        start, seen, last = self.start, self.seen, self.last
        documents = 0
        while True:
            event = get()
            kind = type(event)
            if kind is events.ScalarEvent:
                # self.scalar(event), inline: a call per scalar is a quarter of the time
                if event.anchor is not None or (event.tag is not None and event.tag != "!"):
                    raise _Careful
                value = event.value
                if not event.style and event.implicit[0]:  # plain: text, or a number, a date, true, ~
                    known = seen.get(value, seen)
                    if known is not seen:
                        value = known
                    elif len(value) > 32:  # long text (a quote) comes once: not worth keeping
                        value = _plain(value)
                    else:
                        value = seen[value] = _plain(value)
                current = self.current
                if type(current) is _Map:
                    if self.key is None:
                        if type(value) is not str or value in current or value == "<<":
                            raise _Careful  # a key that is not text, one written twice, or a merge
                        self.key = value
                        line = event.start_mark.line + 1
                        current.key_lines[value] = line if line <= last else last
                        continue
                    current[self.key] = value
                    self.key = None
                elif type(current) is _Seq:
                    current.append(value)
                    line = event.start_mark.line + 1
                    current.item_lines.append(line if line <= last else last)
                else:
                    self.root = value
            elif kind is events.MappingStartEvent:
                mapping = _Map()
                mapping.key_lines = {}
                start(event, mapping)
            elif kind is events.SequenceStartEvent:
                sequence = _Seq()
                sequence.item_lines = []
                start(event, sequence)
            elif kind is events.MappingEndEvent or kind is events.SequenceEndEvent:
                self.current = self.stack.pop()
            elif kind is events.StreamEndEvent:
                return self.root
            elif kind is events.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Careful
            elif kind is not events.StreamStartEvent and kind is not events.DocumentEndEvent:
                raise _Careful  # an alias


def _quick_tree(text: str) -> Any:
    return _Quick(text).build(text)


def read_yaml_quickly(text: str, name: str) -> tuple[Any, list[Problem]]:
    """read_yaml_text's result, by the quick path when the file allows it (see _quick_tree)."""
    if _YAML_ONLY_BREAKS.search(text) or _character_problem(text, name) is not None:
        return read_yaml_text(text, name)
    try:
        return _quick_tree(text), []
    except _Careful:
        return read_yaml_text(text, name)


def read_yaml_text(text: str, name: str) -> tuple[Any, list[Problem]]:
    """Parse YAML already read (a file, or a file at a git revision); `name` is how messages call it.

    The structure is checked first (`_shape_problem`), so that a hostile file is refused in
    milliseconds instead of exhausting memory or the stack while it is built.
    """
    lines = _Lines(text)
    problem = _character_problem(text, name) or _shape_problem(text, name, lines)
    if problem is not None:
        return None, [problem]
    loader = _Loader(text)
    loader.duplicates = []
    loader.merged = {}
    loader.lines = lines
    try:
        tree = loader.get_single_data()
    except yaml.MarkedYAMLError as e:
        return None, [_syntax_problem(name, text, e, lines)]
    except yaml.YAMLError as e:
        return None, [Problem(name, None, "YAML error: " + " ".join(str(e).split()))]
    finally:
        loader.dispose()
    return tree, [Problem(name, line, msg) for line, msg in loader.duplicates]


#: What YAML allows in a document (YAML 1.1 "printable"): anything else stops the parser.
_NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _character_problem(text: str, name: str) -> Problem | None:
    """A character YAML refuses (a NUL byte, a terminal escape), at its line, in one line."""
    found = _NOT_PRINTABLE.search(text)
    if found is None:
        return None
    code = ord(found.group())
    what = "a NUL character" if code == 0 else f"the control character U+{code:04X}"
    line = text.count("\n", 0, found.start()) + 1
    return Problem(name, line, f"{what} is not allowed in a YAML file: remove it (is this a text file?)")


#: Deeper than any data file needs (a target's baseline is five levels down); deep nesting is an attack.
MAX_DEPTH = 32
#: Values that aliases may add beyond those a file writes out (a billion-laughs file adds billions).
MAX_ALIAS_VALUES = 10_000

_STARTS = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_ENDS = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


@record(frozen=False, kw_only=False)
class _Open:
    """A list or mapping the shape check is inside: where its values start, and how many it has had."""

    anchor: str | None
    start: int
    mapping: bool
    children: int = 0


class _Shape:
    """Counts what a document would build, event by event: depth, values written, values aliases add."""

    def __init__(self) -> None:
        self.sizes: dict[str, int] = {}  # anchor -> how many values its node holds
        self.stack: list[_Open] = []
        self.written = self.added = 0

    def problem(self, event: yaml.Event) -> str | None:
        """What is wrong at `event`, or None."""
        if isinstance(event, _ENDS):
            node = self.stack.pop()
            if node.anchor:
                self.sizes[node.anchor] = self.written + self.added - node.start
            return None
        is_key = bool(self.stack) and self.stack[-1].mapping and self.stack[-1].children % 2 == 0
        if self.stack:
            self.stack[-1].children += 1
        if isinstance(event, yaml.AliasEvent):
            return self._alias(str(event.anchor), is_key)
        if isinstance(event, yaml.ScalarEvent):
            self.written += 1
            if event.anchor:
                self.sizes[event.anchor] = 1
        elif isinstance(event, _STARTS):
            if is_key:
                return "a key must be text, not a list or mapping"
            if len(self.stack) >= MAX_DEPTH:
                return f"nested more than {MAX_DEPTH} levels deep: not a data file"
            mapping = isinstance(event, yaml.MappingStartEvent)
            self.stack.append(_Open(event.anchor, self.written + self.added, mapping))
            self.written += 1
        return None

    def _alias(self, anchor: str, is_key: bool) -> str | None:
        if anchor not in self.sizes and any(o.anchor == anchor for o in self.stack):
            return f"alias *{anchor} is inside the node it names (a loop)"
        size = self.sizes.get(anchor, 1)  # an unknown anchor is the parser's to report
        if is_key and size > 1:
            return f"a key must be text, not alias *{anchor} to a list or mapping"
        self.added += size
        if self.added > MAX_ALIAS_VALUES + self.written:
            return f"aliases expand to more than {MAX_ALIAS_VALUES:,} values: write the values out"
        return None


def _shape_problem(text: str, name: str, lines: _Lines) -> Problem | None:
    """Nesting too deep, aliases that expand too far, or a list or mapping used as a key: refused at its line.

    Reads the C parser's events (no objects are built): each value counts once, and an alias counts
    as many values as the node it names, so the expansion is known before anything is expanded.
    A syntax error is left to the real parse, which stops at the same place and reports it.
    """
    loader = _BaseLoader(text)
    shape = _Shape()
    try:
        while loader.check_event():
            event = loader.get_event()  # type: ignore[no-untyped-call]
            message = shape.problem(event)
            if message is not None:
                return Problem(name, lines(event.start_mark), message)
    except yaml.YAMLError as error:
        # PyYAML 6.0.4 and newer stop a deep flow collection ([[[[...) themselves, while scanning ahead: the same
        # problem as ours, said the same way. Any other syntax error is left to the real parse.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        if "maximum nesting depth" in str(error) and mark is not None:
            return Problem(name, lines(mark), f"nested more than {MAX_DEPTH} levels deep: not a data file")
        return None
    finally:
        loader.dispose()
    return None


def _syntax_problem(name: str, text: str, error: yaml.MarkedYAMLError, lines: _Lines) -> Problem:
    """PyYAML's message as one line, at the line to look at.

    Something left open (a quote, a bracket) fails where the file ends; the line where it was opened
    is the one to fix, so an error at the end of the file is reported there.
    """
    problem_line = lines(error.problem_mark) if error.problem_mark is not None else None
    context_line = lines(error.context_mark) if error.context_mark is not None else None
    at_end = error.problem_mark is not None and not text[error.problem_mark.index :].strip()
    line = context_line if context_line is not None and (at_end or problem_line is None) else problem_line
    message = " ".join((error.problem or "invalid YAML").split())
    if error.context:
        if context_line == line:
            message += f" ({error.context} that starts here)"
        elif context_line:
            message += f" ({error.context} that starts at line {context_line})"
        else:
            message += f" ({error.context})"
    return Problem(name, line, f"YAML syntax error: {message}")


class _Fields:
    """Typed access to one YAML mapping; every miss becomes a Problem at the key's line."""

    def __init__(self, data: _Map, file: str, what: str, problems: list[Problem]) -> None:
        self.data, self.file, self.what, self.problems = data, file, what, problems
        self.broken: set[str] = set()  # keys present but of the wrong type or value

    def line(self, key: str | None = None) -> int:
        return self.data.key_lines.get(key, self.data.line) if key else self.data.line

    def error(self, message: str, key: str | None = None) -> None:
        if key is not None:
            self.broken.add(key)
        self.problems.append(Problem(self.file, self.line(key), f"{self.what}: {message}"))

    def location(self) -> Location:
        return _located(self.data, self.file)

    def identify(self, kind: str, allowed: Sequence[str]) -> str | None:
        """Read `id` first so that every later message names the object, then report unknown keys."""
        ident = self.text("id")
        if ident is not None:
            self.what = f"{kind} {ident!r}"
        self.check_keys(allowed)
        return ident

    def check_keys(self, allowed: Sequence[str]) -> None:
        for key in self.data:
            if key not in allowed:
                self.error(f"unknown key {key!r} (expected one of: {', '.join(allowed)})", key)

    def _get(self, key: str, required: bool) -> Any:
        if key not in self.data or self.data[key] is None:
            if required:
                self.error(f"missing field {key!r}")
            return None
        value = self.data[key]
        if isinstance(value, Odd):
            self.error(f"{key}: {value.reason}", key)
            return None
        return value

    def has(self, key: str) -> bool:
        return key in self.data

    def text(self, key: str, required: bool = True) -> str | None:
        raw = self.data.get(key)
        if isinstance(raw, Odd | int | float) and not isinstance(raw, bool):
            # doc_number: 010 is read as the number 8: text that looks like a number needs quotes
            self.error(f"{key} must be text: YAML reads {raw} as a number; put it in quotes ('{raw}')", key)
            return None
        value = self._get(key, required)
        if value is None:
            return None
        if not isinstance(value, str):
            self.error(f"{key} must be text, not {_describe(value)}", key)
            return None
        if not value.strip():
            self.error(f"{key} is empty", key)
            return None
        if has_controls(value):
            self.error(f"{key} contains a control character", key)
            return None
        return value

    def integer(self, key: str, required: bool = True) -> int | None:
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(f"{key} must be a whole number, not {_describe(value)}{_hint(value)}", key)
            return None
        if abs(value) > MAX_VALUE:
            self.error(f"{key} {_too_large(str(value))}", key)
            return None
        return value

    def number(self, key: str, required: bool = True) -> float | None:
        value = self._get(key, required)
        if value is None:
            return None
        problem = _number_problem(value)
        if problem:
            self.error(f"{key} {problem}", key)
            return None
        return float(value)

    def year(self, key: str, required: bool = True) -> int | None:
        raw = self.data.get(key)
        # A number too large for any figure is no year either, and is said as a year too far out is.
        too_large = isinstance(raw, Odd) and raw.reason == _too_large(raw.text)
        if too_large or (isinstance(raw, int) and not isinstance(raw, bool) and abs(raw) > MAX_VALUE):
            low, high = YEARS
            self.error(f"{key} {raw} is not a year a plan can be about ({low}-{high}): write the four-digit year", key)
            return None
        value = self.integer(key, required)
        if value is not None and not YEARS[0] <= value <= YEARS[1]:
            low, high = YEARS
            self.error(
                f"{key} {value} is not a year a plan can be about ({low}-{high}): write the four-digit year", key
            )
            return None
        return value

    def flag(self, key: str, required: bool = True) -> bool | None:
        value = self._get(key, required)
        if value is None:
            return None
        if not isinstance(value, bool):
            self.error(f"{key} must be true or false, not {_describe(value)}", key)
            return None
        return value

    def date(self, key: str) -> dt.date | None:
        value = self._get(key, False)
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            value = value.date()
        if not isinstance(value, dt.date):
            self.error(f"{key} must be a date written YYYY-MM-DD, not {_describe(value)}", key)
            return None
        if not YEARS[0] <= value.year <= YEARS[1]:
            self.error(f"{key} {value.isoformat()} is not a date a plan can have: check the year", key)
            return None
        return value

    def choice(self, key: str, enum: type[E], required: bool = True) -> E | None:
        value = self._get(key, required)
        if value is None:
            return None
        try:
            return enum(value)
        except ValueError:
            allowed = ", ".join(e.value for e in enum)
            self.error(f"{key} {value!r} is not one of: {allowed}", key)
            return None

    def texts(self, key: str) -> tuple[str, ...]:
        value = self._get(key, False)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.error(f"{key} must be a list of text", key)
            return ()
        if any(has_controls(v) for v in value):
            self.error(f"{key} contains a control character", key)
            return ()
        return tuple(value)

    def mapping(self, key: str, required: bool = True) -> _Fields | None:
        value = self._get(key, required)
        if value is None:
            return None
        if not isinstance(value, _Map):
            self.error(f"{key} must be a mapping of fields, not {_describe(value)}", key)
            return None
        return _Fields(value, self.file, f"{self.what}: {key}", self.problems)

    def items(self, key: str, label: str) -> list[_Fields]:
        """The mappings of a list field; a non-mapping item is a problem at its own line."""
        value = self._get(key, False)
        if value is None:
            return []
        if not isinstance(value, _Seq):
            self.error(f"{key} must be a list, not {_describe(value)}", key)
            return []
        out = []
        for index, (item, line) in enumerate(zip(value, value.item_lines, strict=True), start=1):
            what = f"{self.what}: {label} {index}"
            if isinstance(item, _Map):
                out.append(_Fields(item, self.file, what, self.problems))
            else:
                self.problems.append(
                    Problem(self.file, line, f"{what}: must be a mapping of fields, not {_describe(item)}")
                )
        return out


def _hint(value: Any) -> str:
    """': write 8' and the like, for text that a reader would take for a number."""
    problem = _number_text_problem(value) if isinstance(value, str) else None
    return f" ({problem})" if problem else ""


def _number_problem(value: Any) -> str | None:
    """Why a value read from YAML is not a number a plan states (after 'value '), or None."""
    if isinstance(value, Odd):
        return value.reason
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"must be a number, not {_describe(value)}{_hint(value)}"
    if abs(value) > MAX_VALUE:
        return _too_large(_written(value))
    return None


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()} (a boolean)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, str):
        return f"text {value!r}"
    if isinstance(value, dt.date):  # YAML reads 2025-01-01 as a date
        return f"a date ({value.isoformat()})"
    return repr(value)


METRIC_KEYS = ("id", "name_zh", "name_en", "unit", "higher_is_better", "parent", "aliases", "related", "note")
REGION_KEYS = ("id", "name_zh", "name_en", "level", "parent", "population", "aliases", "note")
POPULATION_KEYS = ("value", "year", "source", "document", "quote")
PLAN_KEYS = (
    "id",
    "region",
    "title_zh",
    "title_en",
    "short_zh",
    "short_en",
    "issuer",
    "doc_number",
    "issued",
    "published",
    "period",
    "status",
    "source",
    "notes",
    "targets",
    "baselines",
)
PERIOD_KEYS = ("start", "end")
FIGURE_KEYS = (
    "metric",
    "year",
    "since",
    "value",
    "range",
    "unit",
    "comparator",
    "kind",
    "scope",
    "direction",
    "quote",
    "note",
)
#: An outcome: a figure (without a direction: an outcome is a number) with the region that reported it and where.
OUTCOME_KEYS = ("region", *(k for k in FIGURE_KEYS if k != "direction"), "source", "document")
_OUTCOME_ONLY = ("region", "source", "document")
TOP_KEYS = ("schema", "metrics", "regions", "plans", "outcomes")

#: Fields a catalogue entry must have once every file's entries for its id are put together.
METRIC_REQUIRED = ("name_zh", "name_en", "higher_is_better")
REGION_REQUIRED = ("name_zh", "name_en", "level")
#: List fields that a later entry adds to rather than contradicts (a user's aliases for a shipped metric).
LIST_FIELDS = ("aliases", "related")


@record(frozen=False, kw_only=False)
class Entry:
    """A metric or region as one file writes it: only the fields given there, each with its place.

    A file may name a shipped id to add fields to it (a population for hubei); the entries of one id
    are put together by `assemble` before the object is built.
    """

    kind: str
    id: str
    file: str
    line: int | None
    fields: dict[str, Any] = field(default_factory=dict)
    places: dict[str, tuple[str, int | None]] = field(default_factory=dict)
    broken: set[str] = field(default_factory=set)  # written, but wrong: already a problem of its own

    def give(self, key: str, value: Any, line: int | None, file: str | None = None) -> None:
        if value is not None and value != ():
            self.fields[key] = value
            self.places[key] = (file or self.file, line)

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"

    @classmethod
    def of(cls, obj: Metric | Region, keys: Sequence[str]) -> Entry:
        """A built object as an entry, so that an old version's partial entry can be completed by it."""
        entry = cls(type(obj).__name__.lower(), obj.id, obj.loc.file, obj.loc.line)
        for key in keys:
            if key != "id":
                file, line = obj.loc.place(key)
                entry.give(key, getattr(obj, key), line, file)
        return entry


def _population(f: _Fields) -> Population | None:
    pop = f.mapping("population", required=False)
    if pop is None:
        return None
    pop.check_keys(POPULATION_KEYS)
    value, year, source = pop.integer("value"), pop.year("year"), pop.text("source")
    document, quote = pop.text("document", False), pop.text("quote", False)
    if value is not None and value <= 0:
        pop.error(f"value must be positive, not {value}", "value")
    elif value is not None and year is not None and source is not None:
        return Population(value=value, year=year, source=source, document=document, quote=quote)
    return None


def _metric_entry(f: _Fields) -> Entry | None:
    ident = f.identify("metric", METRIC_KEYS)
    if ident is None:
        return None
    entry = Entry("metric", ident, f.file, f.line())
    for key in ("name_zh", "name_en", "unit", "parent", "note"):
        entry.give(key, f.text(key, False), f.line(key))
    entry.give("higher_is_better", f.flag("higher_is_better", False), f.line("higher_is_better"))
    for key in LIST_FIELDS:
        entry.give(key, f.texts(key), f.line(key))
    entry.broken = set(f.broken)
    return entry


def _region_entry(f: _Fields) -> Entry | None:
    ident = f.identify("region", REGION_KEYS)
    if ident is None:
        return None
    entry = Entry("region", ident, f.file, f.line())
    for key in ("name_zh", "name_en", "parent", "note"):
        entry.give(key, f.text(key, False), f.line(key))
    entry.give("level", f.choice("level", Level, False), f.line("level"))
    entry.give("aliases", f.texts("aliases"), f.line("aliases"))
    entry.give("population", _population(f), f.line("population"))
    entry.broken = set(f.broken)
    return entry


def _same(key: str, a: Any, b: Any) -> bool:
    """Does a later entry's value agree with an earlier one? A population agrees on its number and year."""
    if key == "population":
        return bool((a.value, a.year) == (b.value, b.year))
    return bool(a == b)


def _show(value: Any) -> str:
    if isinstance(value, Population):
        return f"{value.value} ({value.year})"
    return repr(value.value if isinstance(value, StrEnum) else value)


def assemble(entries: Sequence[Entry], problems: list[Problem], *, override: bool = False) -> list[Entry]:
    """One entry per id, in the order ids first appear.

    A second entry of an id in the same file is a duplicate. One in a later file adds its fields (and
    its aliases to the earlier ones); a field that disagrees is a problem naming both places. With
    `override` (an old version of the data read with today's catalogue) the later value wins instead.
    """
    merged: dict[str, Entry] = {}
    in_file: dict[tuple[str, str], Entry] = {}  # the first entry of each id in each file
    for entry in entries:
        first = merged.get(entry.id)
        earlier = in_file.setdefault((entry.id, entry.file), entry)
        if first is None:
            merged[entry.id] = replace(
                entry, fields=dict(entry.fields), places=dict(entry.places), broken=set(entry.broken)
            )
        elif earlier is not entry and not override:
            message = f"duplicate {entry.kind} id {entry.id!r} (first defined at {earlier.where})"
            problems.append(Problem(entry.file, entry.line, message))
        else:
            first.broken |= entry.broken
            for key, value in entry.fields.items():
                _extend(first, entry, key, value, override, problems)
    return list(merged.values())


def _extend(first: Entry, later: Entry, key: str, value: Any, override: bool, problems: list[Problem]) -> None:
    old = first.fields.get(key)
    if key in LIST_FIELDS and old is not None:
        first.fields[key] = tuple(dict.fromkeys((*old, *value)))
    elif old is None or override:
        first.fields[key], first.places[key] = value, later.places[key]
    elif not _same(key, old, value):
        file, line = first.places[key]
        where = f"{file}:{line}" if line is not None else file
        message = f"{later.kind} {later.id!r}: {key} {_show(value)} contradicts {_show(old)} at {where}"
        problems.append(Problem(later.file, later.places[key][1], message))


def _location(entry: Entry) -> Location:
    return Location(
        entry.file,
        entry.line,
        tuple((k, line) for k, (_, line) in entry.places.items() if line is not None),
        tuple((k, file) for k, (file, _) in entry.places.items() if file != entry.file),
    )


def _missing(entry: Entry, required: Sequence[str], problems: list[Problem]) -> bool:
    """Report the required fields no file gives; a field given but wrong has been reported already."""
    absent = [k for k in required if k not in entry.fields]
    for key in absent:
        if key not in entry.broken:
            problems.append(Problem(entry.file, entry.line, f"{entry.kind} {entry.id!r}: missing field {key!r}"))
    return bool(absent)


B = TypeVar("B", Metric, Region)


def _build(entry: Entry, cls: type[B], required: Sequence[str], problems: list[Problem]) -> B | None:
    """The object of an assembled entry; its keys are the object's field names."""
    if _missing(entry, required, problems):
        return None
    return cls(id=entry.id, **entry.fields, loc=_location(entry))


_FIGURE_KEY_SET = frozenset(FIGURE_KEYS)


def _located(data: _Map, file: str) -> Location:
    """Where a mapping is written, down to its keys' lines."""
    return made(
        Location, {"file": file, "line": data.line, "key_lines": tuple(data.key_lines.items()), "key_files": ()}
    )


def _fine_text(value: Any, required: bool = False) -> bool:
    if value is None:
        return not required
    return type(value) is str and bool(value.strip()) and not has_controls(value)


def _fine_year(value: Any, required: bool = False) -> bool:
    if value is None:
        return not required
    return type(value) is int and YEARS[0] <= value <= YEARS[1]


def _quick_figure(data: _Map, file: str) -> Figure | None:
    """The figure of a well-formed mapping (as most are), made without _Fields' checks one by one; None for
    one with anything to report, which `_figure` reads and reports as always."""
    values = figure_values(data)
    if values is None:
        return None
    values["loc"] = _located(data, file)
    return made(Figure, values)


def _fine_number(value: Any) -> bool:
    return type(value) in (int, float) and _number_problem(value) is None


def figure_values(data: dict[str, Any]) -> dict[str, Any] | None:
    """The fields of the Figure a well-formed mapping makes, all but `loc`; None for one that `_figure` would
    find anything to report in. bulk._row does the same for the index's cold build (a test compares them)."""
    get = data.get
    value, comparator, kind, direction = get("value"), get("comparator"), get("kind"), get("direction")
    span = get("range")
    if not (
        _FIGURE_KEY_SET.issuperset(data)
        and _fine_text(get("metric"), True)
        and _fine_year(get("year"), True)
        and _fine_year(get("since"))
        and all(_fine_text(get(k)) for k in ("quote", "unit", "scope", "note"))
        and (span is None or (isinstance(span, list) and len(span) == 2 and all(map(_fine_number, span))))
        and (value is None or _fine_number(value))
        and (comparator is None or (type(comparator) is str and comparator in COMPARATORS))
        and (kind is None or (type(kind) is str and kind in KINDS))
        and (direction is None or (type(direction) is str and direction in DIRECTIONS))
    ):
        return None
    return {
        "metric": data["metric"],
        "year": data["year"],
        "quote": get("quote") or "",
        "value": None if value is None else float(value),
        "low": None if span is None else float(span[0]),
        "high": None if span is None else float(span[1]),
        "unit": get("unit"),
        "comparator": None if comparator is None else COMPARATORS[comparator],
        "kind": None if kind is None else KINDS[kind],
        "direction": None if direction is None else DIRECTIONS[direction],
        "since": get("since"),
        "note": get("note"),
        "scope": get("scope"),
    }


def _figure(f: _Fields) -> Figure | None:
    quick = _quick_figure(f.data, f.file)
    if quick is not None:
        return quick
    f.check_keys(FIGURE_KEYS)
    metric, year, quote = f.text("metric"), f.year("year"), f.text("quote", required=False)
    since, value = f.year("since", False), f.number("value", False)
    low = high = None
    if f.data.get("range") is not None:
        rng = f.data["range"]
        if not isinstance(rng, list) or len(rng) != 2:
            f.error("range must be a list of two numbers, e.g. [7, 10]", "range")
        elif problem := next(filter(None, map(_number_problem, rng)), None):
            f.error(escape_controls(f"range [{rng[0]}, {rng[1]}]: {problem}"), "range")
        else:
            low, high = float(rng[0]), float(rng[1])
    unit = f.text("unit", False)
    comparator = f.choice("comparator", Comparator, False)
    kind = f.choice("kind", Kind, False)
    scope = f.text("scope", False)
    direction = f.choice("direction", Direction, False)
    note = f.text("note", False)
    if metric is None or year is None or f.broken:
        # Checking the rest would only repeat the broken field's problem in other words.
        return None
    return Figure(
        metric=metric,
        year=year,
        quote=quote or "",
        value=value,
        low=low,
        high=high,
        unit=unit,
        comparator=comparator,
        kind=kind,
        direction=direction,
        since=since,
        note=note,
        loc=f.location(),
        scope=scope,
    )


def _over_the_period(target: Figure, start: int | None) -> Figure:
    """An increment target that names no start (培育5个) counts over the plan's period up to its year."""
    if target.kind == Kind.INCREMENT and target.since is None and start is not None and start <= target.year:
        return replace(target, since=start)
    return target


def _plan(f: _Fields) -> Plan | None:
    """A plan, kept even when some of its fields are wrong so that its targets are checked too.

    A wrong field is already a problem, so the load fails whatever the placeholder says; keeping
    the plan means one run reports the mistakes in its targets as well.
    """
    ident = f.identify("plan", PLAN_KEYS)
    if ident is None:
        return None
    region, zh, en = f.text("region"), f.text("title_zh"), f.text("title_en")
    status = f.choice("status", Status)
    start = end = None
    period = f.mapping("period")
    if period is not None:
        period.check_keys(PERIOD_KEYS)
        start, end = period.year("start"), period.year("end")
    source, issuer, number = f.text("source", False), f.text("issuer", False), f.text("doc_number", False)
    issued, published, notes = f.date("issued"), f.date("published"), f.text("notes", False)
    short_zh, short_en = f.text("short_zh", False), f.text("short_en", False)
    targets = [_figure(t) for t in f.items("targets", "target")]
    baselines = [_figure(b) for b in f.items("baselines", "baseline")]
    return Plan(
        id=ident,
        region=region or "",
        title_zh=zh or "",
        title_en=en or "",
        period_start=start if start is not None else UNREAD_PERIOD[0],
        period_end=end if end is not None else UNREAD_PERIOD[1],
        status=status or Status.FINAL,
        source=source,
        issuer=issuer,
        doc_number=number,
        issued=issued,
        published=published,
        notes=notes,
        targets=tuple(_over_the_period(t, start) for t in targets if t),
        baselines=tuple(b for b in baselines if b),
        loc=f.location(),
        short_zh=short_zh,
        short_en=short_en,
    )


def _outcome(f: _Fields) -> Reported | None:
    """An outcome: its figure read as a plan's figures are (_figure), with its region and source around it."""
    f.check_keys(OUTCOME_KEYS)
    region, source, document = f.text("region"), f.text("source"), f.text("document", False)
    inner = _Map((k, v) for k, v in f.data.items() if k not in _OUTCOME_ONLY)
    inner.line, inner.key_lines = f.data.line, f.data.key_lines
    inner.setdefault("comparator", "stated")  # a reported figure is as stated unless the report says 以上 or 突破
    figure = _figure(_Fields(inner, f.file, f.what, f.problems))
    if region is None or source is None or figure is None or f.broken:
        return None
    return Reported(region=region, figure=figure, source=source, document=document, loc=f.location())


@record(frozen=False, kw_only=False)
class Part:
    """What one file holds, before the catalogue entries of all files are put together."""

    file: str
    metrics: list[Entry] = field(default_factory=list)
    regions: list[Entry] = field(default_factory=list)
    plans: list[Plan] = field(default_factory=list)
    outcomes: list[Reported] = field(default_factory=list)


def parse(tree: Any, file: str, plan: Callable[[_Fields], Plan | None] = _plan) -> tuple[Part, list[Problem]]:
    """Read the entries and plans of one file; what cannot be read is left out and reported.

    `plan` reads each plan (the index's cold build reads their figures into rows on the way, bulk.py).
    """
    problems: list[Problem] = []
    part = Part(file)
    if tree is None:
        return part, [Problem(file, None, "the file is empty")]
    if not isinstance(tree, _Map):
        return part, [Problem(file, 1, "the file must be a mapping with metrics, regions and/or plans")]
    top = _Fields(tree, file, "file", problems)
    top.check_keys(TOP_KEYS)
    schema = top.integer("schema", required=False)
    if schema is not None and schema != 1:
        top.error(f"schema {schema} is not supported (this ipcompare reads schema 1)", "schema")
    part.metrics = [e for e in map(_metric_entry, top.items("metrics", "metric")) if e]
    part.regions = [e for e in map(_region_entry, top.items("regions", "region")) if e]
    part.plans = [p for p in map(plan, top.items("plans", "plan")) if p]
    part.outcomes = [o for o in map(_outcome, top.items("outcomes", "outcome")) if o]
    return part, problems


def build(parts: Sequence[Part], problems: list[Problem], base: Dataset | None = None) -> Dataset:
    """The dataset of the parts: catalogue entries of one id put together, then built.

    With `base` (the catalogue a version of a data file is read with), the parts' entries override
    the base's objects field by field, and the base's other objects are kept.
    """
    metric_entries = assemble([e for part in parts for e in part.metrics], problems)
    region_entries = assemble([e for part in parts for e in part.regions], problems)
    if base is not None:
        metric_entries = _over(base.metrics, metric_entries, METRIC_KEYS, problems)
        region_entries = _over(base.regions, region_entries, REGION_KEYS, problems)
    metrics = [_build(e, Metric, METRIC_REQUIRED, problems) for e in metric_entries]
    regions = [_build(e, Region, REGION_REQUIRED, problems) for e in region_entries]
    return Dataset(
        metrics=tuple(m for m in metrics if m),
        regions=tuple(r for r in regions if r),
        plans=tuple(p for part in parts for p in part.plans),
        files=tuple(part.file for part in parts),
        outcomes=tuple(o for part in parts for o in part.outcomes),
    )


def _over(
    objects: Sequence[Metric | Region], entries: list[Entry], keys: Sequence[str], problems: list[Problem]
) -> list[Entry]:
    """`entries` laid over the base objects of the same id, field by field (a partial entry is completed)."""
    base = {obj.id: obj for obj in objects}
    return [
        assemble([Entry.of(base[e.id], keys), e], problems, override=True)[0] if e.id in base else e for e in entries
    ]


def merge(parts: Sequence[Dataset]) -> Dataset:
    return Dataset(
        metrics=tuple(m for d in parts for m in d.metrics),
        regions=tuple(r for d in parts for r in d.regions),
        plans=tuple(p for d in parts for p in d.plans),
        files=tuple(f for d in parts for f in d.files),
        outcomes=tuple(o for d in parts for o in d.outcomes),
    )


def _failed(problems: list[Problem]) -> DataError:
    return DataError(sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.message)))


def load(paths: Sequence[str | Path] = (), *, bundled: bool = True, env: bool = True) -> Dataset:
    """Load the shipped data plus the user's files, validated; raises DataError listing every problem.

    `env` adds the files named by IPCOMPARE_DATA, as every command does.
    """
    files = data_paths(paths, bundled=bundled, env=env)
    collecting = gc.isenabled()
    gc.disable()  # the objects made here live as long as the dataset: walking them for cycles is wasted time
    try:
        return _load(files)
    finally:
        if collecting:
            gc.enable()


def _load(files: Sequence[str | Path]) -> Dataset:
    from .validate import check

    if not files:
        raise UsageError(
            "no data to read: the shipped data is left out, and no data file is given",
            "data",
            remedy="data",
        )
    parts, problems = [], []
    for path in files:
        tree, read_problems = read_yaml(path)
        problems += read_problems
        if tree is not None or not read_problems:
            part, parse_problems = parse(tree, display_path(path))
            parts.append(part)
            problems += parse_problems
    dataset = build(parts, problems)
    problems += check(dataset)
    if problems:
        raise _failed(problems)
    return dataset


def load_version(text: str, name: str, catalogue: Dataset) -> Dataset:
    """The plans of one version of a data file, read with `catalogue`'s metrics and regions.

    The version may carry metrics and regions of its own (a whole targets.yaml at an old revision);
    their fields take the place of the catalogue's for the same id. Raises DataError.
    """
    from .validate import check

    tree, problems = read_yaml_text(text, name)
    part = Part(name)
    if tree is not None or not problems:
        part, parse_problems = parse(tree, name)
        problems += parse_problems
    own = build([part], problems, base=catalogue)
    own_metrics, own_regions = {m.id for m in own.metrics}, {r.id for r in own.regions}
    dataset = Dataset(
        metrics=(*own.metrics, *(m for m in catalogue.metrics if m.id not in own_metrics)),
        regions=(*own.regions, *(r for r in catalogue.regions if r.id not in own_regions)),
        plans=own.plans,
        files=(name,),
        outcomes=own.outcomes,
    )
    problems += check(dataset, catalogue=False)
    if problems:
        raise _failed(problems)
    return dataset
