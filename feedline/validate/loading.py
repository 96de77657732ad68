"""Install hooks named ``module:function`` (feed configs, ``feedline run --hooks``)."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from feedline.blueprint.computed import HOOK, load_callable
from feedline.errors import ConfigError
from feedline.validate.hooks import Hook

if TYPE_CHECKING:
    from feedline.listener import Listener


def resolve(ref: str, base: Path | None = None) -> Any:
    """Import ``module:attr``; a module beside ``base`` (the feed's folder) is found too."""
    if not isinstance(ref, str) or not HOOK.match(ref):
        raise ConfigError(f"hook {ref!r}: expected 'module:function'")
    try:
        return load_callable(ref)
    except ModuleNotFoundError as exc:
        folder = str(base) if base else None
        if folder is None or folder in sys.path or exc.name != ref.partition(":")[0].split(".")[0]:
            raise ConfigError(f"hook {ref!r}: cannot import: {exc}") from None
        sys.path.insert(0, folder)
        try:
            return load_callable(ref)
        except Exception as again:
            raise ConfigError(f"hook {ref!r}: cannot import: {again}") from None
    except Exception as exc:
        raise ConfigError(f"hook {ref!r}: cannot import: {type(exc).__name__}: {exc}") from None


def install(listener: Listener, refs: Iterable[str], base: Path | None = None) -> None:
    """Each ref names a function taking the Listener (it registers hooks), a :class:`Hook`,
    or a list of Hooks."""
    for ref in refs:
        target = resolve(ref, base)
        items = target if isinstance(target, list | tuple) else [target]
        for item in items:
            if isinstance(item, Hook):
                listener.add_hook(item)
            elif callable(item):
                try:
                    listener.use(item)
                except Exception as exc:
                    raise ConfigError(f"hook {ref!r} failed to register: "
                                      f"{type(exc).__name__}: {exc}") from None
            else:
                raise ConfigError(f"hook {ref!r} is a {type(item).__name__}, not a function "
                                  "taking the Listener or a Hook")
