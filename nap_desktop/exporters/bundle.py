"""The meeting bundle: one zip with the deck, the workbook, the handout and ``manifest.json``.

The manifest records what was handed over and where each figure came from: the app and data
versions, the pack as saved, every file's SHA-256 and size, and every source used with its URL,
date and status. The zip is deterministic for the same pack and clock (fixed member order and
timestamps), so two exports of one pack can be compared byte for byte.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import unicodedata
import zipfile
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from nap_desktop import __version__
from nap_desktop.core.deck import used_sources
from nap_desktop.exporters.files import ExportError, write_atomically

if TYPE_CHECKING:
    from nap_desktop.core.catalog.model import Catalog
    from nap_desktop.core.pack.packfile import Pack

MANIFEST = "manifest.json"
MANIFEST_FORMAT = "napbrief-bundle"
MANIFEST_VERSION = 1


def file_stem(pack: Pack, lang: str) -> str:
    """'USMCA review: what's at stake' + es -> 'USMCA-review-whats-at-stake-es' (ASCII, safe everywhere)."""
    title = unicodedata.normalize("NFKD", pack.title or "")
    title = title.encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[A-Za-z0-9]+", title.replace("'", ""))
    stem = "-".join(words)[:60].strip("-") or "briefing"
    return f"{stem}-{lang}"


WORK_PREFIX = "nap-bundle-"


def remove_stale_work_folders(older_than_s: float = 3600.0) -> list[Path]:
    """The work folders (``nap-bundle-*`` in the system's temp folder) that a killed bundle export left,
    over an hour old and ours (same owner), removed; links and anything else are left alone."""
    import os
    import shutil
    import stat
    import tempfile
    import time

    removed: list[Path] = []
    cutoff = time.time() - older_than_s
    try:
        entries = list(os.scandir(tempfile.gettempdir()))
    except OSError:
        return removed
    for entry in entries:
        if not entry.name.startswith(WORK_PREFIX):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if (stat.S_ISDIR(info.st_mode) and info.st_mtime < cutoff
                    and (not hasattr(os, "getuid") or info.st_uid == os.getuid())):
                shutil.rmtree(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _build_member(writer: Callable[..., Any], pack: Pack, catalog: Catalog, name: str, *, lang: str,
                  now: datetime, tmpdir: Path, **kw: Any) -> bytes:
    dest = tmpdir / name
    writer(pack, catalog, dest, lang=lang, now=now, **kw)
    return dest.read_bytes()


def bundle_manifest(pack: Pack, catalog: Catalog, files: dict[str, bytes], *, lang: str, now: datetime) -> dict[str, Any]:
    from nap_desktop.core.catalog.updates.apply import manifest_updates

    sources = []
    for sid in used_sources(pack, catalog):
        src = catalog.sources[sid]
        sources.append({"id": sid, "publisher": src.publisher, "title": src.title, "url": src.url,
                        "date": src.date, "status": src.status,
                        **({"why_no_link_or_date": src.reasons(lang)} if src.reasons(lang) else {})})
    return {
        "format": MANIFEST_FORMAT,
        "version": MANIFEST_VERSION,
        "app_version": __version__,
        "data_version": catalog.version,
        "exported": now.isoformat(),
        "language": lang,
        "files": [{"name": name, "sha256": _sha256(data), "bytes": len(data)} for name, data in files.items()],
        "sources": sources,
        # the agency files (nap-desktop update) behind the figures: each update, its files' names and SHA-256
        "updates": manifest_updates(catalog, [s["id"] for s in sources]),
        "pack": pack.to_json(),
    }


def export_bundle(pack: Pack, catalog: Catalog, dest: Path | str, *, lang: str, now: datetime,
                  paper: str | None = None, template: Path | str | None = None,
                  progress: Callable[[float], None] | None = None, **_: Any) -> Path:
    """Write the bundle zip to ``dest``: deck, workbook, handout, manifest (temp file + rename)."""
    import tempfile

    from nap_desktop.exporters.handout_pdf import export_pdf
    from nap_desktop.exporters.pptx_exporter import export_pptx
    from nap_desktop.exporters.xlsx_exporter import export_xlsx

    dest = Path(dest)
    stem = file_stem(pack, lang)
    files: dict[str, bytes] = {}
    remove_stale_work_folders()
    with tempfile.TemporaryDirectory(prefix=WORK_PREFIX) as tmp:
        tmpdir = Path(tmp)
        steps = [(f"{stem}.pptx", export_pptx, {"template": template} if template else {}),
                 (f"{stem}.xlsx", export_xlsx, {}),
                 (f"{stem}.pdf", export_pdf, {"paper": paper} if paper else {})]
        for n, (name, writer, kw) in enumerate(steps):
            files[name] = _build_member(writer, pack, catalog, name, lang=lang, now=now, tmpdir=tmpdir, **kw)
            if progress:
                progress((n + 1) / (len(steps) + 1))
    # the pack, with a copy of every item, so it reopens from the bundle on any machine (with or without the
    # user's library); hashed in the manifest like every other member
    from nap_desktop.core.pack.snapshot import with_copies

    files[f"{stem}.napbrief"] = (json.dumps(with_copies(pack, catalog).to_json(), ensure_ascii=False, indent=1)
                                 + "\n").encode("utf-8")
    manifest = bundle_manifest(pack, catalog, files, lang=lang, now=now)
    files[MANIFEST] = (json.dumps(manifest, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    stamp = (max(now.year, 1980), now.month, now.day, now.hour, now.minute, now.second)
    buffer = io.BytesIO()
    try:
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name, data in files.items():
                info = zipfile.ZipInfo(name, date_time=stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                zf.writestr(info, data)
    except (OSError, ValueError) as exc:  # pragma: no cover - in-memory
        raise ExportError(f"Cannot build the bundle {dest}: {exc}") from exc
    write_atomically(dest, buffer.getvalue())
    if progress:
        progress(1.0)
    return dest


def verify_bundle(path: Path | str) -> list[str]:
    """Problems found checking a bundle against its manifest (empty = every hash matches)."""
    problems = []
    with zipfile.ZipFile(path) as zf:
        manifest = json.loads(zf.read(MANIFEST))
        names = set(zf.namelist())
        for entry in manifest["files"]:
            if entry["name"] not in names:
                problems.append(f"{entry['name']}: listed in the manifest but not in the bundle")
            elif _sha256(zf.read(entry["name"])) != entry["sha256"]:
                problems.append(f"{entry['name']}: SHA-256 does not match the manifest")
        listed = {entry["name"] for entry in manifest["files"]} | {MANIFEST}
        problems += [f"{name}: in the bundle but not in the manifest" for name in sorted(names - listed)]
    return problems
