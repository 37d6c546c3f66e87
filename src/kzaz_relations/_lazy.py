"""Module-level ``__getattr__``/``__dir__`` for packages that import on first use (PEP 562)."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_attributes(
    module_name: str, lazy: Mapping[str, str], namespace: dict[str, Any]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """Return ``(__getattr__, __dir__)`` for the module *module_name*.

    *lazy* maps each public name to the module that defines it, relative to the module's
    package; the first access imports that module and caches the value in *namespace*, the
    module's ``globals()``, so later look-ups never come back here.
    """
    package = namespace["__package__"]

    def __getattr__(name: str) -> Any:
        module = lazy.get(name)
        if module is None:
            raise AttributeError(f"module {module_name!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, package), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *lazy})

    return __getattr__, __dir__


def require(module: str, feature: str, extra: str) -> Any:
    """Import an optional dependency, or raise :class:`ImportError` naming the extra that installs it.

    Example:
        >>> require("json", "reading", "none").__name__
        'json'
        >>> require("no_such_module_here", "to_pandas()", "pandas")
        Traceback (most recent call last):
        ...
        ImportError: to_pandas() needs no_such_module_here: pip install 'kzaz_relations[pandas]'
    """
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ImportError(f"{feature} needs {module}: pip install 'kzaz_relations[{extra}]'") from exc
