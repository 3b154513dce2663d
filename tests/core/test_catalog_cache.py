"""core/catalog/cache.py: start-up takes back what it loaded only while nothing it was made from changed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from nap_desktop.core.catalog.cache import cached, fingerprint
from nap_desktop.core.catalog.library import add_fact, init_library
from nap_desktop.core.catalog.loader import load_catalog, load_second_root
from nap_desktop.paths import data_dir

FACT = {"section": "usmca", "countries": ["MX"], "value": 3, "unit": "count", "period": "2025",
        "text_en": "Three member firms opened plants in Nuevo León in 2025.", "text_es": "",
        "sources": [{"publisher": "Example Manufacturers Association", "title": "Member survey 2025",
                     "url": "https://example.org/survey-2025", "date": "2025-12-01", "status": "report"}]}


def counting(build):
    calls = []

    def wrapped():
        calls.append(1)
        return build()

    return wrapped, calls


def test_the_bundled_catalog_from_the_cache_is_the_loaded_one(tmp_path):
    build, calls = counting(lambda: (load_catalog(rules=False), True))
    key = fingerprint(data_dir())
    first = cached("bundled", [data_dir()], tmp_path, build)
    second = cached("bundled", [data_dir()], tmp_path, build)
    if fingerprint(data_dir()) == key:  # (a shared checkout: someone may edit data/ or core/ meanwhile)
        assert len(calls) == 1
    assert second == first == load_catalog(rules=False)
    assert len(list(tmp_path.glob("bundled-*.pickle"))) == 1


def test_any_change_to_a_file_loads_the_files_again(tmp_path):
    data = shutil.copytree(data_dir(), tmp_path / "data")
    cache = tmp_path / "cache"
    build, calls = counting(lambda: (load_catalog(data, rules=False), True))
    cached("bundled", [data], cache, build)
    fact_file = next((data / "facts").glob("*.toml"))
    text = fact_file.read_text(encoding="utf-8")
    fact_file.write_text(text + "\n", encoding="utf-8")  # one more byte
    cached("bundled", [data], cache, build)
    assert len(calls) == 2
    os.utime(fact_file, ns=(1, 1))  # same size, another time
    cached("bundled", [data], cache, build)
    assert len(calls) == 3
    (data / "facts" / "extra.txt").write_text("x", encoding="utf-8")  # an added file
    cached("bundled", [data], cache, build)
    assert len(calls) == 4
    assert len(list(cache.glob("bundled-*.pickle"))) == 1  # old entries are removed


def test_a_library_with_problems_is_never_cached_and_a_broken_cache_is_ignored(tmp_path):
    base = load_catalog(rules=False)
    library = init_library(tmp_path / "lib")
    add_fact(library, FACT)
    cache = tmp_path / "cache"

    def build():
        catalog, problems = load_second_root(base, library)
        return (catalog, problems), not problems

    catalog, problems = cached("with-library", [data_dir(), library], cache, build)
    assert not problems and any(f.origin == "user" for f in catalog.facts)
    entry = next(cache.glob("with-library-*.pickle"))
    entry.write_bytes(b"not a pickle")  # a cut write, another Python: load the files instead
    again, _ = cached("with-library", [data_dir(), library], cache, build)
    assert again == catalog
    (library / "facts" / "broken.toml").write_text("[[fact]\n", encoding="utf-8")
    _, problems = cached("with-library", [data_dir(), library], cache, build)
    assert problems
    _, problems = cached("with-library", [data_dir(), library], cache, build)
    assert problems  # checked again, not taken from a cache


def test_no_cache_folder_or_a_read_only_one_still_loads(tmp_path):
    assert cached("bundled", [data_dir()], None, lambda: ("value", True)) == "value"
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    assert cached("bundled", [data_dir()], blocked / "cache", lambda: ("value", True)) == "value"


def test_the_fingerprint_names_the_folders_and_their_files(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    assert fingerprint(a) != fingerprint(b)  # two empty folders are two libraries
    (a / "f.toml").write_text("x", encoding="utf-8")
    assert fingerprint(a) != fingerprint(tmp_path / "a" / ".." / "b")
    assert len(fingerprint(Path(a))) == 64
