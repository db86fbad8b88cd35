"""Exceptions namefix raises on purpose."""

from __future__ import annotations

__all__ = ["GazetteerError", "NamefixError"]


class NamefixError(Exception):
    """Base class of every error namefix raises deliberately."""


class GazetteerError(NamefixError, ValueError):
    """A gazetteer file that cannot be used, with where and why.

    `path`, `line` (1-based), `entry` (the entity's id or its position) and `field` say
    where the problem is, as far as they are known.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        entry: str | None = None,
        field: str | None = None,
    ) -> None:
        self.path = path
        self.line = line
        self.entry = entry
        self.field = field
        self.reason = message
        where = ", ".join(
            part
            for part in (
                f"{path}" if path else "",
                f"line {line}" if line else "",
                f"entry {entry}" if entry else "",
                f"field {field!r}" if field else "",
            )
            if part
        )
        super().__init__(f"{where}: {message}" if where else message)
