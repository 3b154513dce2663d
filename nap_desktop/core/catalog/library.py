"""The user library: the user's own facts, sources, datasets and charts (Qt-free).

A library is a folder in the same plain-text format as ``data/`` (so ``nap-desktop data check DIR``
validates it and a colleague can copy or version it):

    library.toml                 format = "nap-library", version = 1 (marks the folder as a library)
    sources/<id>.toml            one [[source]] block per file
    facts/<id>.toml              one [[fact]] block per file
    datasets/<id>.toml + .csv    as in data/
    charts/<id>.toml             one [[chart]] block per file

It has no catalog.toml: its facts use the bundled sections, and may cite bundled sources as well
as its own. Every user id starts with ``USER_PREFIX`` ("user."), and no bundled id may (the loader
enforces both), so a user id can never collide with a bundled one, now or after a data update.
User items follow every rule bundled ones do: a source with a status on every fact and row,
nothing estimated. Items loaded from a library have ``origin == "user"``.

The default folder (QStandardPaths.AppDataLocation) is a Qt matter and lives in ``ui``; here:

    USER_PREFIX = "user."
    LibraryError(problems: list[str])               every problem at once, messages for the user
    resolve_library(arg) -> Path | None             --library DIR, else $NAP_LIBRARY, else None
    is_library(path) -> bool                        has library.toml
    init_library(path) -> Path                      create the folder layout (idempotent)
    user_id(text) -> str                            "Members surveyed" -> "user.members-surveyed"
    load_catalog_with_library(library, data_root=None) -> Catalog        raises CatalogError
    load_library_with_problems(library, data_root=None) -> (Catalog, list[Problem])
    add_fact(library, fact: dict) -> str            fact in data/'s [[fact]] shape (see below)
    update_fact(library, fact_id, fact: dict) -> str
    remove_fact(library, fact_id) -> None
    add_source(library, source: dict) -> str        publisher, title, url, date, status [, id, note]
    list_items(library) -> list[LibraryItem]        kind "fact"|"source"|"dataset"|"chart", id, title, file
    save_table(library, table, *, id, kind, title_en, title_es="", unit, source, status,
               orientation="categories_in_rows", period="", decimals=None,
               subtitle_en="", subtitle_es="", notes_en="", notes_es="") -> (dataset_id, chart_id)
    fact_to_toml(fact: dict) -> str                 the text written to facts/<id>.toml

A fact dict uses data/'s keys: id (optional: made from text_en; "user." added when missing),
section, topic, countries, value, value_max, unit, period, qualifier, decimals, label_en, label_es,
text_en, text_es (may be ""), note_en, note_es, and ``sources``: a list whose entries are source
ids (bundled or user) or source dicts {publisher, title, url, date, status[, note, id]}, which are
written as user sources. A fact must have at least one source, and every new source needs
publisher, title, URL, date and a status (official|report|secondary). Anything wrong raises
LibraryError listing every problem; nothing is written unless the whole library still validates
(the write is checked by loading the library with the same rules as data/, and undone on failure).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nap_desktop.core.catalog.loader import Problem
    from nap_desktop.core.catalog.model import Catalog
    from nap_desktop.core.catalog.tables import ParsedTable

USER_PREFIX = "user."
MARKER = "library.toml"
ENV_VAR = "NAP_LIBRARY"
ORIENTATIONS = ("categories_in_rows", "categories_in_columns")
#: chart kinds a user table can be drawn as (the Import dialog offers these)
TABLE_KINDS = ("line", "column", "bar", "grouped", "stacked", "share", "diverging", "table")


class LibraryError(Exception):
    """A change the library cannot take; ``problems`` lists every reason, for the user."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class LibraryItem:
    kind: str  # "fact", "source", "dataset", "chart"
    id: str
    title: str
    file: str  # relative to the library folder


def resolve_library(arg: Path | str | None) -> Path | None:
    """The library folder: the --library argument, else $NAP_LIBRARY, else None (the UI then uses its default)."""
    raise NotImplementedError


def is_library(path: Path | str) -> bool:
    raise NotImplementedError


def init_library(path: Path | str) -> Path:
    raise NotImplementedError


def user_id(text: str) -> str:
    raise NotImplementedError


def load_library_with_problems(library: Path | str | None, data_root: Path | str | None = None) -> tuple[Catalog, list[Problem]]:
    raise NotImplementedError


def load_catalog_with_library(library: Path | str | None, data_root: Path | str | None = None) -> Catalog:
    raise NotImplementedError


def add_fact(library: Path | str, fact: dict[str, Any]) -> str:
    raise NotImplementedError


def update_fact(library: Path | str, fact_id: str, fact: dict[str, Any]) -> str:
    raise NotImplementedError


def remove_fact(library: Path | str, fact_id: str) -> None:
    raise NotImplementedError


def add_source(library: Path | str, source: dict[str, Any]) -> str:
    raise NotImplementedError


def list_items(library: Path | str) -> list[LibraryItem]:
    raise NotImplementedError


def save_table(library: Path | str, table: ParsedTable, *, id: str, kind: str, title_en: str, title_es: str = "",
               unit: str, source: dict[str, Any] | str, status: str, orientation: str = "categories_in_rows",
               period: str = "", decimals: int | None = None, subtitle_en: str = "", subtitle_es: str = "",
               notes_en: str = "", notes_es: str = "") -> tuple[str, str]:
    raise NotImplementedError


def fact_to_toml(fact: dict[str, Any]) -> str:
    raise NotImplementedError
