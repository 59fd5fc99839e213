"""Lossless conversion of sitrep model objects to JSON-able dicts and back.

One generic codec, driven by :func:`dataclasses.fields` and
:func:`typing.get_type_hints`, covers every dataclass of :mod:`sitrep.model`:
nested dataclasses, ``list``/``tuple`` (variadic and fixed-length), ``dict``,
``Optional`` and other unions of a type with ``None``, :class:`enum.Enum`
(``StrEnum`` is written as its value), :class:`datetime.date` and
:class:`datetime.datetime` (ISO 8601 strings).

The dicts contain only ``dict``, ``list``, ``str``, ``int``, ``float``, ``bool``
and ``None``, so ``json.loads(json.dumps(to_dict(x)))`` decodes to an object
equal to ``x``. Decoding ignores unknown keys and fills missing keys from the
dataclass defaults, so payloads written by an older sitrep still load.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import types
import typing
from typing import Any, TypeVar

from sitrep.model import Article, Event

__all__ = ["article_from_dict", "event_from_dict", "from_dict", "to_dict", "to_json_value"]

T = TypeVar("T")


def to_dict(obj: Any) -> dict[str, Any]:
    """Convert a model dataclass instance (recursively) to a JSON-able dict.

    Raises:
        TypeError: when ``obj`` is not a dataclass instance.
    """
    if not dataclasses.is_dataclass(obj) or isinstance(obj, type):
        raise TypeError(f"to_dict expects a dataclass instance, got {type(obj).__name__}")
    return {f.name: to_json_value(getattr(obj, f.name)) for f in dataclasses.fields(obj)}


def to_json_value(value: Any) -> Any:
    """Convert any value found in a model object to its JSON-able form."""
    if isinstance(value, enum.Enum):  # before str: a StrEnum member is also a str
        return value.value
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dt.date):  # includes datetime
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_dict(value)
    if isinstance(value, list | tuple | set | frozenset):
        return [to_json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json_value(v) for k, v in value.items()}
    raise TypeError(f"cannot serialise a {type(value).__name__} value: {value!r}")


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild an instance of the dataclass ``cls`` from :func:`to_dict` output.

    Raises:
        TypeError: when ``cls`` is not a dataclass or ``data`` is not a dict.
        ValueError: when a value cannot be converted (bad date, unknown enum value,
            a span whose text does not match its offsets, ...).
    """
    if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)):
        raise TypeError(f"from_dict expects a dataclass type, got {cls!r}")
    if not isinstance(data, dict):
        raise TypeError(f"expected a dict to build {cls.__name__}, got {type(data).__name__}")
    hints = _hints(cls)
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if not f.init or f.name not in data:
            continue
        kwargs[f.name] = _decode(hints[f.name], data[f.name], f"{cls.__name__}.{f.name}")
    return cls(**kwargs)


def article_from_dict(data: dict[str, Any]) -> Article:
    """Rebuild an :class:`~sitrep.model.Article`, with all its mentions, from :func:`to_dict` output."""
    return from_dict(Article, data)


def event_from_dict(data: dict[str, Any]) -> Event:
    """Rebuild an :class:`~sitrep.model.Event`, with its mentions and claims, from :func:`to_dict` output."""
    return from_dict(Event, data)


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _decode(tp: Any, value: Any, where: str) -> Any:
    """Convert the JSON-able ``value`` to the annotated type ``tp``."""
    if tp is Any:
        return value
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        args = typing.get_args(tp)
        if value is None:
            if type(None) in args:
                return None
            raise ValueError(f"{where}: null is not allowed")
        options = [a for a in args if a is not type(None)]
        if len(options) == 1:
            return _decode(options[0], value, where)
        errors = []
        for option in options:
            try:
                return _decode(option, value, where)
            except (TypeError, ValueError) as exc:
                errors.append(str(exc))
        raise ValueError(f"{where}: {value!r} matches none of {options}: {errors}")
    if value is None:
        raise ValueError(f"{where}: null is not allowed")
    if origin is list:
        (item,) = typing.get_args(tp) or (Any,)
        return [_decode(item, v, f"{where}[{i}]") for i, v in enumerate(_sequence(value, where))]
    if origin is tuple:
        args = typing.get_args(tp)
        items = _sequence(value, where)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v, f"{where}[{i}]") for i, v in enumerate(items))
        if len(args) != len(items):
            raise ValueError(f"{where}: expected {len(args)} items, got {len(items)}")
        return tuple(_decode(a, v, f"{where}[{i}]") for i, (a, v) in enumerate(zip(args, items, strict=True)))
    if origin is dict:
        key_tp, val_tp = typing.get_args(tp) or (Any, Any)
        if not isinstance(value, dict):
            raise TypeError(f"{where}: expected an object, got {type(value).__name__}")
        return {_decode(key_tp, k, where): _decode(val_tp, v, f"{where}[{k!r}]") for k, v in value.items()}
    if isinstance(tp, type):
        return _decode_scalar(tp, value, where)
    raise TypeError(f"{where}: unsupported annotation {tp!r}")


def _decode_scalar(tp: type, value: Any, where: str) -> Any:
    if dataclasses.is_dataclass(tp):
        return from_dict(tp, value)
    if issubclass(tp, enum.Enum):
        return tp(value)
    if tp is dt.datetime:
        return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(_str(value, where))
    if tp is dt.date:
        if isinstance(value, dt.datetime):
            return value.date()
        return value if isinstance(value, dt.date) else dt.date.fromisoformat(_str(value, where))
    if tp is bool:
        if not isinstance(value, bool):
            raise TypeError(f"{where}: expected true/false, got {value!r}")
        return value
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError(f"{where}: expected a number, got {value!r}")
        return float(value)
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{where}: expected an integer, got {value!r}")
        return value
    if tp is str:
        return _str(value, where)
    if isinstance(value, tp):
        return value
    raise TypeError(f"{where}: cannot build a {tp.__name__} from {value!r}")


def _str(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{where}: expected a string, got {value!r}")
    return value


def _sequence(value: Any, where: str) -> list[Any] | tuple[Any, ...]:
    if not isinstance(value, list | tuple):
        raise TypeError(f"{where}: expected a list, got {type(value).__name__}")
    return value
