"""Makes a synthetic data folder N times larger than data/: every fact, dataset, chart and check copied
N times with renamed ids (``<id>-x<k>``), sections, sources and layouts kept once. The copy is a
valid catalog, so the loader, search and exporters can be timed on it exactly as on the real one.

    python tests/benchmarks/synthetic.py OUT_DIR [--factor 100] [--data data/]
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tomllib
from pathlib import Path

if __package__ in (None, ""):  # run as a script from a source checkout
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

_QUOTED = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
_MULTIPLIED = ("facts", "charts", "datasets")


def _ids_in(folder: Path) -> set[str]:
    """Every id a copy must rename: facts, charts, checks (from their blocks) and datasets (file stems)."""
    ids: set[str] = set()
    for sub in ("facts", "charts"):
        for path in sorted((folder / sub).glob("*.toml")):
            data = tomllib.loads(path.read_text("utf-8"))
            for blocks in data.values():
                if isinstance(blocks, list):
                    ids.update(b["id"] for b in blocks if isinstance(b, dict) and isinstance(b.get("id"), str))
    ids.update(p.stem for p in (folder / "datasets").glob("*.toml"))
    checks = folder / "checks.toml"
    if checks.is_file():
        for blocks in tomllib.loads(checks.read_text("utf-8")).values():
            if isinstance(blocks, list):
                ids.update(b["id"] for b in blocks if isinstance(b, dict) and isinstance(b.get("id"), str))
    return ids


def _renamer(ids: set[str], suffix: str):
    def rename(text: str) -> str:
        return _QUOTED.sub(lambda m: f'"{m.group(1)}{suffix}"' if m.group(1) in ids else m.group(0), text)

    return rename


def make_synthetic_data(dest: Path, *, factor: int = 100, source: Path | None = None) -> Path:
    """Write a data folder `factor` times the size of `source` (the bundled data/ by default) into `dest`."""
    if source is None:
        from nap_desktop.paths import data_dir

        source = data_dir()
    source, dest = Path(source), Path(dest)
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    ids = _ids_in(source)
    # Kept once: catalog.toml (sections), sources, layouts, anything else that is not per-fact.
    for item in source.iterdir():
        if item.name in _MULTIPLIED or item.name == "checks.toml":
            continue
        if item.is_dir():
            shutil.copytree(item, dest / item.name)
        else:
            shutil.copy2(item, dest / item.name)
    for sub in _MULTIPLIED:
        (dest / sub).mkdir()
    checks = source / "checks.toml"
    checks_parts: list[str] = []
    for k in range(factor):
        suffix = f"-x{k}"
        rename = _renamer(ids, suffix)
        for sub in ("facts", "charts"):
            for path in sorted((source / sub).glob("*.toml")):
                (dest / sub / f"{path.stem}{suffix}.toml").write_text(rename(path.read_text("utf-8")), "utf-8")
        for path in sorted((source / "datasets").glob("*.toml")):
            (dest / "datasets" / f"{path.stem}{suffix}.toml").write_text(rename(path.read_text("utf-8")), "utf-8")
            rows = path.with_suffix(".csv")
            if rows.is_file():
                shutil.copyfile(rows, dest / "datasets" / f"{path.stem}{suffix}.csv")
        if checks.is_file():
            checks_parts.append(rename(checks.read_text("utf-8")))
    if checks_parts:
        (dest / "checks.toml").write_text("\n".join(checks_parts), "utf-8")
    return dest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--factor", type=int, default=100)
    parser.add_argument("--data", type=Path, default=None)
    args = parser.parse_args(argv)
    out = make_synthetic_data(args.out, factor=args.factor, source=args.data)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
