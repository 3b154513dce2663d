"""TOML parsing for the catalog loader: tomli's compiled wheel when installed, else the stdlib.

tomli is the project tomllib was made from (same grammar, same results); its mypyc-compiled wheels
parse about 3x faster, which is most of the start-up cost of a large user library (a 1,000-fact
library is 1,000 small files). Any error is re-raised by the stdlib parser on the same text, so
callers keep catching ``tomllib.TOMLDecodeError`` / ``RecursionError`` with tomllib's messages.
"""

from __future__ import annotations

import tomllib
from typing import Any

try:
    from tomli import loads as _fast_loads
except ImportError:  # pragma: no cover - tomli is a dependency; the stdlib parser is the fallback
    _fast_loads = tomllib.loads


def loads(text: str) -> dict[str, Any]:
    try:
        return _fast_loads(text)
    except Exception:  # noqa: BLE001 - the stdlib parser re-raises it with its own message and type
        return tomllib.loads(text)
