"""A faster ``__init__`` for the frozen, slotted dataclasses made once per result.

A frozen dataclass's ``__init__`` stores each field with ``object.__setattr__`` (its own
``__setattr__`` refuses). At commune scale evaluation makes 132,000 results, each with a
trend and an observation, and those calls were a fifth of evaluating. ``quick_init``
gives the class an ``__init__`` with the same parameters and defaults that stores each
field through its slot's descriptor instead, which is what ``object.__setattr__`` ends up
calling: about half the cost. Everything else (frozen, eq, hash, repr, ``replace``,
pickling) is the dataclass's own.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

T = TypeVar("T")


def quick_init(cls: type[T]) -> type[T]:
    """Apply to a ``@dataclass(frozen=True, slots=True)`` class whose fields all have a
    plain default or none (no factories, no ``init=False``, no ``__post_init__``)."""
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen or "__slots__" not in cls.__dict__:
        raise TypeError(f"{cls.__name__} is not a frozen, slotted dataclass")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} has a __post_init__")
    names: dict[str, Any] = {}
    signature: list[str] = []
    stores: list[str] = []
    for i, field in enumerate(dataclasses.fields(cls)):  # type: ignore[arg-type]
        if not field.init or field.default_factory is not dataclasses.MISSING:
            raise TypeError(f"{cls.__name__}.{field.name}: only plain fields and defaults")
        names[f"_store{i}"] = cls.__dict__[field.name].__set__
        if field.default is dataclasses.MISSING:
            signature.append(field.name)
        else:
            names[f"_default{i}"] = field.default
            signature.append(f"{field.name}=_default{i}")
        stores.append(f"    _store{i}(self, {field.name})\n")
    source = f"def __init__(self, {', '.join(signature)}):\n{''.join(stores)}"
    exec(source, names)  # the text is made above from the field names alone
    init = names["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__doc__ = cls.__init__.__doc__
    cls.__init__ = init  # type: ignore[method-assign]
    return cls
