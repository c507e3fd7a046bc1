"""Record types: what `dataclasses.dataclass` gives ipcompare, without its cost at every start.

A dataclass compiles source code for each method it writes (`__init__`, `__repr__`, `__eq__`, `__hash__`,
`__setattr__`, `__delattr__`): about 0.6 ms a class, 20-30 ms of every command for ipcompare's types, more
than the command's own work. A record's methods are shared functions that read the class's field list, so
defining a class costs microseconds; only `__init__`, which runs by the thousand, is compiled for its class,
at the class's first instance (_init). The behaviour is the dataclass's, for what ipcompare uses: keyword and
positional fields with defaults and factories, frozen or not, equality and hashing by fields in order,
`order=True`, a dataclass-style repr, `fields`, `replace`. Type checkers see dataclasses (PEP 681).
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T")


class FrozenInstanceError(AttributeError):
    """Assigning to a field of a frozen record (as dataclasses raises)."""


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


class Field:
    """One field of a record: its name, default and metadata (`fields()` returns these, in order)."""

    __slots__ = ("default", "default_factory", "metadata", "name")

    def __init__(self, default: Any, default_factory: Any, metadata: dict[str, Any] | None) -> None:
        self.name = ""
        self.default = default
        self.default_factory = default_factory
        self.metadata: dict[str, Any] = metadata or {}

    def __repr__(self) -> str:
        return f"Field(name={self.name!r})"


@overload
def field(*, default: T, metadata: dict[str, Any] | None = None) -> T: ...
@overload
def field(*, default_factory: Callable[[], T], metadata: dict[str, Any] | None = None) -> T: ...
@overload
def field(*, metadata: dict[str, Any] | None = None) -> Any: ...
def field(*, default: Any = MISSING, default_factory: Any = MISSING, metadata: dict[str, Any] | None = None) -> Any:
    """A field with a default factory or metadata, as `dataclasses.field`."""
    return Field(default, default_factory, metadata)


class _Spec:
    """What the shared methods need to know about one record class, worked out once when it is defined."""

    __slots__ = ("fields", "init", "key", "known", "names", "positional")

    def __init__(self, fields: tuple[Field, ...], kw_only: bool) -> None:
        self.fields = fields
        self.names = tuple(f.name for f in fields)
        self.known = frozenset(self.names)
        self.positional = () if kw_only else self.names
        self.init: Callable[..., None] | None = None  # written at the first instance (_init)
        get = attrgetter(*self.names) if self.names else (lambda _: ())
        # attrgetter of one name returns the value, not a 1-tuple: compare and hash a tuple all the same.
        self.key: Callable[[Any], tuple[Any, ...]] = get if len(self.names) > 1 else (lambda obj: (get(obj),))


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    """The first `__init__` of a record class: compiles the class's own (_compiled), puts it in its place, calls it."""
    cls = type(self)
    spec: _Spec = cls.__record__
    if spec.init is None:
        spec.init = _compiled(spec, cls)
        owner = next(c for c in cls.__mro__ if c.__dict__.get("__record__") is spec)
        if owner.__dict__.get("__init__") is _init:
            owner.__init__ = spec.init  # type: ignore[misc]
    spec.init(self, *args, **kwargs)


def _compiled(spec: _Spec, cls: type) -> Callable[..., None]:
    """An `__init__` written for the class's fields, as dataclasses writes one: a call with named arguments is
    Python's own work, 2-3 times quicker than reading a field list at each call (figures and rows are made by
    the thousand). Compiled at the class's first instance, not its definition: most commands make instances
    of few of ipcompare's types, and compiling costs about 0.1 ms a class."""
    names: dict[str, Any] = {}  # the values the function's defaults and body refer to, by the names it gives them
    params, body = [], []
    for f in spec.fields:
        if f.default_factory is not MISSING:
            names[f"_factory_{f.name}"] = f.default_factory
            params.append(f"{f.name}=_MISSING")
            body.append(f"    values[{f.name!r}] = _factory_{f.name}() if {f.name} is _MISSING else {f.name}")
            continue
        if f.default is not MISSING:
            names[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        else:
            params.append(f.name)
        body.append(f"    values[{f.name!r}] = {f.name}")
    positional, keyword = params[: len(spec.positional)], params[len(spec.positional) :]
    signature = ", ".join(["self", *positional, *(["*", *keyword] if keyword else [])])
    source = f"def __init__({signature}):\n    values = self.__dict__\n" + "\n".join(body or ["    pass"]) + "\n"
    scope: dict[str, Any] = {"_MISSING": MISSING, **names}
    exec(compile(source, f"<record {cls.__qualname__}>", "exec"), scope)  # source made of field names only
    init: Callable[..., None] = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


def _repr(self: Any) -> str:
    spec: _Spec = type(self).__record__
    inner = ", ".join(f"{name}={value!r}" for name, value in zip(spec.names, spec.key(self), strict=True))
    return f"{type(self).__qualname__}({inner})"


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    key = type(self).__record__.key
    return key(self) == key(other)


def _hash(self: Any) -> int:
    return hash(type(self).__record__.key(self))


def _frozen_setattr(self: Any, name: str, value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _order(compare: Callable[[tuple[Any, ...], tuple[Any, ...]], bool]) -> Callable[[Any, Any], Any]:
    def method(self: Any, other: Any) -> Any:
        if other.__class__ is not self.__class__:
            return NotImplemented
        key = type(self).__record__.key
        return compare(key(self), key(other))

    return method


_ORDER = {
    "__lt__": _order(lambda a, b: a < b),
    "__le__": _order(lambda a, b: a <= b),
    "__gt__": _order(lambda a, b: a > b),
    "__ge__": _order(lambda a, b: a >= b),
}


def _fields_of(cls: type) -> tuple[Field, ...]:
    """The fields of the records `cls` extends, then its own, as dataclasses orders them."""
    out: dict[str, Field] = {}
    for base in reversed(cls.__mro__[1:]):
        inherited = base.__dict__.get("__record__")
        if inherited is not None:
            out.update((f.name, f) for f in inherited.fields)
    # The class's own annotations, in order (inspect.get_annotations would cost the inspect module's import).
    for name, annotation in cls.__dict__.get("__annotations__", {}).items():  # noqa: RUF063
        if str(annotation).startswith(("ClassVar", "typing.ClassVar")):
            continue
        value = cls.__dict__.get(name, MISSING)
        if isinstance(value, Field):
            spec = value
            if spec.default is MISSING:
                delattr(cls, name)  # a factory or metadata only: no class attribute, as dataclasses leaves it
            else:
                setattr(cls, name, spec.default)
        else:
            spec = Field(value, MISSING, None)
        spec.name = name
        out[name] = spec
    return tuple(out.values())


@overload
def record(cls: type[T], /) -> type[T]: ...
@overload
def record(*, frozen: bool = True, kw_only: bool = True, order: bool = False) -> Callable[[type[T]], type[T]]: ...
@dataclass_transform(kw_only_default=True, frozen_default=True, field_specifiers=(field, Field))
def record(
    cls: type[T] | None = None, /, *, frozen: bool = True, kw_only: bool = True, order: bool = False
) -> type[T] | Callable[[type[T]], type[T]]:
    """Make `cls` a record: frozen and keyword-only unless told, as `@dataclass(frozen=True, kw_only=True)`."""

    def make(cls: type[T]) -> type[T]:
        spec = _Spec(_fields_of(cls), kw_only)
        if not kw_only:  # refused here, as dataclasses refuses it, not at the first instance (_compiled)
            defaulted = [f.default is not MISSING or f.default_factory is not MISSING for f in spec.fields]
            for f, previous, this in zip(spec.fields[1:], defaulted, defaulted[1:], strict=False):
                if previous and not this:
                    raise TypeError(f"non-default argument {f.name!r} follows default argument")
        methods: dict[str, Any] = {"__record__": spec, "__init__": _init, "__repr__": _repr, "__eq__": _eq}
        if frozen:
            methods.update(__hash__=_hash, __setattr__=_frozen_setattr, __delattr__=_frozen_delattr)
        else:
            methods["__hash__"] = None  # equal by value yet mutable: unhashable, as a dataclass is
        if order:
            methods.update(_ORDER)
        for name, method in methods.items():
            # Methods the class writes itself are kept, as dataclasses keeps them (Python sets __hash__ to None
            # in a class that defines __eq__, which is not one of ours to keep).
            if name not in cls.__dict__ or name == "__record__" or (name == "__hash__" and cls.__dict__[name] is None):
                setattr(cls, name, method)
        setattr(cls, "__match_args__", spec.positional)  # noqa: B010 (mypy refuses the plain assignment)
        return cls

    return make if cls is None else make(cls)


def fields(obj: Any) -> tuple[Field, ...]:
    """The fields of a record class or instance, in order."""
    spec: _Spec = obj.__record__
    return spec.fields


def is_record(obj: Any) -> bool:
    return hasattr(obj, "__record__")


def replace(obj: T, /, **changes: Any) -> T:
    """A copy of a record with some fields changed, as `dataclasses.replace` (derived caches not copied)."""
    spec: _Spec = obj.__record__  # type: ignore[attr-defined]
    unknown = changes.keys() - spec.known
    if unknown:
        raise TypeError(f"{type(obj).__name__} has no field {min(unknown)!r}")
    new = object.__new__(type(obj))
    values = new.__dict__
    old = obj.__dict__
    if len(old) == len(spec.names):
        values.update(old)  # only fields: copied at C speed
    else:  # cached derived values too, which the changes may make wrong: fields only
        for name in spec.names:
            values[name] = old[name]
    values.update(changes)
    return new


def fill(obj: Any, /, **values: Any) -> None:
    """Set fields of a frozen record that has not yet left the function that made it (as a dataclass's
    `__post_init__` does with object.__setattr__): a copy per change would cost thousands of copies where a
    comparison works out ranks for rows it has already made. Never for a record anyone else may hold."""
    spec: _Spec = obj.__record__
    unknown = values.keys() - spec.known
    if unknown:
        raise TypeError(f"{type(obj).__name__} has no field {min(unknown)!r}")
    obj.__dict__.update(values)


def made(cls: type[T], values: dict[str, Any]) -> T:
    """A record from values already checked, every field given, without `__init__`'s checks.

    Loading and reading the index make hundreds of thousands of figures; this is the cheapest way. The object
    equals one made by `__init__` with the same values.
    """
    obj = object.__new__(cls)
    obj.__dict__.update(values)
    return obj
