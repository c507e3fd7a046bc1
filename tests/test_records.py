"""Records behave as the frozen dataclasses they replaced, for everything ipcompare relies on."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from ipcompare import records
from ipcompare.records import field, record


@record
class Point:
    """A keyword-only frozen record, as most of ipcompare's types are."""

    x: int
    y: int = 0
    tags: list[str] = field(default_factory=list)
    note: str = field(default="", metadata={"inline": True})


@dataclasses.dataclass(frozen=True, kw_only=True)
class DataPoint:
    x: int
    y: int = 0
    tags: list[str] = dataclasses.field(default_factory=list)
    note: str = dataclasses.field(default="", metadata={"inline": True})


@record
class Labelled(Point):
    label: str = "a"


@record(kw_only=False, order=True)
class Where:
    file: str
    line: int | None


@record(frozen=False, kw_only=False)
class Tally:
    seen: list[str] = field(default_factory=list)
    count: int = 0


def test_a_record_is_made_compared_and_shown_as_the_dataclass_is() -> None:
    a, d = Point(x=1, tags=["t"]), DataPoint(x=1, tags=["t"])
    assert repr(a).replace("Point", "DataPoint", 1) == repr(d)
    assert a == Point(x=1, y=0, tags=["t"]) and a != Point(x=2, tags=["t"])
    assert a != d  # type: ignore[comparison-overlap]  # a record equals only records of its own type, as a dataclass does
    assert [f.name for f in records.fields(Point)] == [f.name for f in dataclasses.fields(DataPoint)]
    assert records.fields(a)[3].metadata == {"inline": True}
    assert Point(x=1).tags is not Point(x=1).tags  # a factory makes a new list each time
    assert "tags" not in vars(Point)  # a factory leaves no class attribute, as dataclasses does


def test_a_frozen_record_cannot_change_and_hashes_by_its_fields() -> None:
    a = Point(x=1, y=2, tags=[])
    with pytest.raises(AttributeError):  # as for a dataclass (FrozenInstanceError is an AttributeError)
        a.x = 5  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del a.y
    assert hash(Where("f", 1)) == hash(Where(file="f", line=1)) and len({Where("f", 1), Where("f", 1)}) == 1
    with pytest.raises(TypeError):
        hash(Tally())  # equal by value yet mutable: unhashable, as a dataclass is


@pytest.mark.parametrize(
    ("make", "message"),
    [
        # mypy refuses each of these too, as it would for a dataclass
        (lambda: Point(), r"Point.__init__\(\) missing 1 required keyword-only argument: 'x'"),  # type: ignore[call-arg]
        (lambda: Point(x=1, z=2), "unexpected keyword argument 'z'"),  # type: ignore[call-arg]
        (lambda: Point(1), "takes 1 positional argument but 2 were given"),  # type: ignore[call-arg]
        (lambda: Where("f", 1, "extra"), "takes 3 positional arguments but 4 were given"),  # type: ignore[call-arg]
        (lambda: Where("f", file="g", line=1), "multiple values for argument 'file'"),  # type: ignore[misc]
    ],
)
def test_wrong_arguments_are_refused_as_python_refuses_them(make: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        make()  # type: ignore[operator]


def test_replace_copies_fields_and_changes_only_those_named() -> None:
    a = Point(x=1, y=2, tags=["t"])
    b = records.replace(a, y=3)
    assert (b.x, b.y, b.tags, a.y) == (1, 3, ["t"], 2) and type(b) is Point
    with pytest.raises(TypeError, match="no field 'z'"):
        records.replace(a, z=1)


def test_a_record_extends_another_with_its_fields_first() -> None:
    item = Labelled(x=1, label="b")
    assert [f.name for f in records.fields(item)] == ["x", "y", "tags", "note", "label"]
    assert item != Point(x=1) and repr(item).startswith("Labelled(x=1, y=0, tags=[], note='', label='b')")


def test_ordered_records_sort_by_their_fields_in_order() -> None:
    assert sorted([Where("b", 1), Where("a", 2), Where("a", 1)]) == [Where("a", 1), Where("a", 2), Where("b", 1)]


def test_a_mutable_record_can_change() -> None:
    tally = Tally()
    tally.count += 1
    tally.seen.append("x")
    assert tally == Tally(["x"], 1)


def test_records_survive_pickle_and_made_equals_init() -> None:
    a = Point(x=1, tags=["t"])
    assert pickle.loads(pickle.dumps(a)) == a
    assert records.made(Point, {"x": 1, "y": 0, "tags": ["t"], "note": ""}) == a


def test_a_class_written_method_is_kept() -> None:
    from ipcompare.errors import Problem

    assert str(Problem("f.yaml", 3, "bad")) == "f.yaml:3: bad" and Problem("f.yaml", 3, "bad") < Problem("g", 1, "")


def test_no_ipcompare_type_is_a_dataclass() -> None:
    """What records are for: no command pays for dataclasses' compiled methods at start-up."""
    import importlib
    import pkgutil

    import ipcompare

    names = [m.name for m in pkgutil.walk_packages(ipcompare.__path__, "ipcompare.")]
    types = [t for name in names for t in vars(importlib.import_module(name)).values() if isinstance(t, type)]
    assert len(types) > 50 and sum(records.is_record(t) for t in types) > 40
    assert [t for t in types if dataclasses.is_dataclass(t)] == []


def test_replace_leaves_behind_what_was_worked_out_from_the_old_fields() -> None:
    from functools import cached_property

    @record
    class Total:
        parts: tuple[int, ...]

        @cached_property
        def sum(self) -> int:
            return sum(self.parts)

    old = Total(parts=(1, 2))
    assert old.sum == 3
    assert records.replace(old, parts=(5,)).sum == 5


def test_each_class_gets_its_own_init_whichever_is_made_first() -> None:
    """`__init__` is compiled at a class's first instance: a record extending another, and a plain subclass,
    each take their own fields, whether the parent or the child was made first."""

    @record
    class Parent:
        a: int
        b: list[int] = field(default_factory=list)

    @record
    class Child(Parent):
        c: str = "c"

    class Plain(Child):
        pass

    assert Child(a=1, c="x") == Child(a=1, b=[], c="x") and Parent(a=2).b == [] and Plain(a=3).c == "c"
    assert Parent(a=1, b=[5]).b == [5] and Child(a=1).b is not Child(a=1).b
    with pytest.raises(TypeError, match="unexpected keyword argument 'c'"):
        Parent(a=1, c="x")  # type: ignore[call-arg]
    assert records.fields(Plain(a=4, c="y")) == records.fields(Child)


def test_a_positional_field_without_default_after_one_with_is_refused_where_the_class_is_defined() -> None:
    with pytest.raises(TypeError, match="non-default argument 'b' follows default argument"):

        @record(kw_only=False)
        class Wrong:
            a: int = 0
            b: int  # type: ignore[misc]


def test_fill_sets_the_named_fields_of_a_record_in_place_and_refuses_unknown_names() -> None:
    a = Point(x=1)
    records.fill(a, y=4)
    assert a == Point(x=1, y=4) and a.y == 4
    with pytest.raises(TypeError, match="no field 'z'"):
        records.fill(a, z=1)
