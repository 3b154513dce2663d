"""A user's PowerPoint template, made safe before a deck is built on it.

A template is a file from anywhere (a shared drive, an e-mail). Before python-pptx sees it we read its
zip directory and parts ourselves and:

- refuse macro-enabled content (a VBA project, a .pptm/.potm content type) and zip bombs (the
  uncompressed sizes the zip directory declares, and their ratio to the compressed sizes, are checked
  before anything is decompressed), with an :class:`ExportError` that says what to do;
- strip every external relationship (``TargetMode="External"``: hyperlinks to ``file://`` shares,
  linked images, OLE links) together with the shapes or links that use it, embedded OLE objects and
  ActiveX controls, and any part over :data:`MAX_PART_BYTES`;
- drop what would carry the template's identity into our output: core, app and custom properties,
  the thumbnail, comments, comment authors and custom XML;
- refuse a template with no slide master or no slide layout.

:func:`open_template` returns the python-pptx ``Presentation`` built from the cleaned package.
"""

from __future__ import annotations

import io
import os
import posixpath
import re
import stat
import zipfile
from pathlib import Path
from typing import Any

from nap_desktop.exporters.files import ExportError

MAX_TEMPLATE_BYTES = 100 * 1024 * 1024  # the file on disk
MAX_TOTAL_UNCOMPRESSED = 256 * 1024 * 1024  # what its parts add up to once decompressed
MAX_PART_BYTES = 32 * 1024 * 1024  # one part (a picture, a font); larger ones are dropped
MAX_RATIO = 200  # decompressed / compressed, for any part over 1 MB (XML compresses ~10-30x)
MAX_PARTS = 5000

RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

_TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
_PRESENTATION_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
_MACRO_NAME = re.compile(r"(^|/)(vbaProject\.bin|vbaData\.xml)$", re.I)
_MACRO_TYPE = re.compile(r"macroEnabled|vbaProject|vbaData", re.I)
# Relationship types whose targets are never carried over (last path segment of the type URI).
_DROP_REL_TYPES = {
    "oleObject", "package", "activeXControl", "activeXControlBinary", "control",
    "comments", "commentAuthors", "authors", "modernComment", "people",
    "customXml", "customXmlProps", "custom-properties", "core-properties", "extended-properties",
    "metadata/core-properties", "metadata/thumbnail", "thumbnail", "attachedTemplate", "frame",
    "revisionInfo", "changesInfo", "legacyDocTextInfo",
}
# Parts dropped by name whatever points at them.
_DROP_NAME = re.compile(
    r"^(docProps/|customXml/|ppt/comments/|ppt/commentAuthors\.xml$|ppt/authors\.xml$|ppt/people\.xml$"
    r"|ppt/embeddings/oleObject|ppt/activeX/|ppt/revisionInfo\.xml$|ppt/changesInfos/)", re.I)
# Elements that are removed whole when they use a dropped relationship.
_CONTAINERS = {"pic", "sp", "graphicFrame", "cxnSp", "bg", "contentPart"}
_LINK_ELEMENTS = {"hlinkClick", "hlinkHover", "hlinkMouseOver", "snd", "wavAudioFile", "audioFile", "videoFile",
                  "quickTimeFile"}


def _fail(path: Path, what: str) -> ExportError:
    return ExportError(f"The template {path.name} cannot be used: {what}")


def _rels_name(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def _source_of(rels_name: str) -> str:
    folder, base = posixpath.split(rels_name)
    return posixpath.join(posixpath.dirname(folder), base[: -len(".rels")]) if base != ".rels" else ""


def _resolve(source: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _read_file(path: Path) -> bytes:
    try:
        info = os.stat(path)
    except FileNotFoundError as exc:
        raise ExportError(f"The template {path} does not exist.") from exc
    except OSError as exc:
        raise ExportError(f"The template {path} cannot be read ({exc.strerror or exc}).") from exc
    if not stat.S_ISREG(info.st_mode):
        raise _fail(path, "it is not a regular file.")
    if info.st_size > MAX_TEMPLATE_BYTES:
        raise _fail(path, f"it is {info.st_size // (1024 * 1024)} MB; templates are at most "
                          f"{MAX_TEMPLATE_BYTES // (1024 * 1024)} MB.")
    try:
        with open(path, "rb") as handle:
            return handle.read(MAX_TEMPLATE_BYTES + 1)
    except OSError as exc:
        raise ExportError(f"The template {path} cannot be read ({exc.strerror or exc}).") from exc


def _check_directory(path: Path, zf: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The zip directory, checked for bombs and macros before any part is decompressed."""
    infos = zf.infolist()
    if len(infos) > MAX_PARTS:
        raise _fail(path, f"it has {len(infos)} parts (a PowerPoint template has a few hundred at most).")
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise _fail(path, f"its parts would take {total / 1e9:.1f} GB once unpacked (a zip bomb, or not a "
                          "template); nothing was unpacked.")
    for info in infos:
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _fail(path, f"its part {info.filename} unpacks to {info.file_size // (1024 * 1024)} MB from "
                              f"{info.compress_size // 1024} KB (a zip bomb); nothing was unpacked.")
        if _MACRO_NAME.search(info.filename):
            raise _macro(path)
        if info.flag_bits & 0x1:
            raise _fail(path, "it is encrypted (password-protected). Save a copy without a password.")
    return infos


def _macro(path: Path) -> ExportError:
    return _fail(path, "it contains macros (a VBA project). Open it in PowerPoint and save it as a "
                       "PowerPoint Presentation (.pptx) or Template without macros, then try again.")


def _read_parts(path: Path, zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> dict[str, bytes]:
    parts: dict[str, bytes] = {}
    for info in infos:
        if info.is_dir():
            continue
        if info.file_size > MAX_PART_BYTES:
            parts[info.filename] = b""  # marked for removal below; never decompressed
            continue
        try:
            with zf.open(info) as member:
                data = member.read(MAX_PART_BYTES + 1)
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError) as exc:
            raise _fail(path, f"its part {info.filename} is damaged ({exc}).") from exc
        if len(data) > MAX_PART_BYTES:  # a directory that lied about the size
            raise _fail(path, f"its part {info.filename} is larger than its zip directory says (a zip bomb).")
        parts[info.filename] = data
    return parts


def _parse(path: Path, name: str, data: bytes) -> Any:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise _fail(path, f"its part {name} is not valid XML ({exc}).") from exc


def _remove_uses(root: Any, rids: set[str]) -> bool:
    """Remove what uses the relationships ``rids`` in a part's XML: a link element, or the shape holding it."""
    changed = False
    for el in list(root.iter()):
        if el.getparent() is None and el is not root:
            continue  # already removed with an ancestor
        uses = [k for k, v in el.attrib.items() if k.startswith(f"{{{R_NS}}}") and v in rids]
        if not uses:
            continue
        changed = True
        if _local(el.tag) in _LINK_ELEMENTS:
            target = el
        else:
            target = el
            while target is not None and _local(target.tag) not in _CONTAINERS:
                target = target.getparent()
            if target is None or target is root:
                for k in uses:
                    del el.attrib[k]
                continue
        parent = target.getparent()
        if parent is not None:
            parent.remove(target)
    return changed


def clean_template_bytes(path: Path, raw: bytes) -> tuple[bytes, list[str]]:
    """The template's package rebuilt without anything hostile; returns (bytes, what was removed)."""
    from lxml import etree

    try:
        zf = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _fail(path, "it is not a PowerPoint file (not a valid .pptx package).") from exc
    with zf:
        infos = _check_directory(path, zf)
        parts = _read_parts(path, zf, infos)
    removed: list[str] = []
    if "[Content_Types].xml" not in parts:
        raise _fail(path, "it is not a PowerPoint file (it has no [Content_Types].xml).")
    ct_root = _parse(path, "[Content_Types].xml", parts["[Content_Types].xml"])
    for el in ct_root:
        if _MACRO_TYPE.search(el.get("ContentType", "")):
            raise _macro(path)
        if _local(el.tag) == "Override" and el.get("ContentType") == _TEMPLATE_MAIN:
            el.set("ContentType", _PRESENTATION_MAIN)  # a .potx opens as a presentation
    oversized = {i.filename for i in infos if i.file_size > MAX_PART_BYTES}
    removed += [f"{name} (over {MAX_PART_BYTES // (1024 * 1024)} MB)" for name in sorted(oversized)]
    drop = {name for name in parts if _DROP_NAME.search(name)} | oversized
    # Relationships: drop external ones, dropped types, and links to dropped or missing parts.
    rels_roots: dict[str, Any] = {}
    changed = True
    while changed:  # dropping a part can orphan what it pointed at; the loop settles in a few rounds
        changed = False
        for name in [n for n in parts if n.endswith(".rels") and n not in drop]:
            source = _source_of(name)
            if source and (source in drop or source not in parts):
                drop.add(name)
                changed = True
                continue
            root = rels_roots.get(name)
            if root is None:
                root = rels_roots[name] = _parse(path, name, parts[name])
            for rel in list(root):
                rtype = rel.get("Type", "")
                if _MACRO_TYPE.search(rtype):
                    raise _macro(path)
                short = rtype.rsplit("/relationships/", 1)[-1]
                external = rel.get("TargetMode", "").lower() == "external"
                target = "" if external else _resolve(source, rel.get("Target", ""))
                if external or short in _DROP_REL_TYPES or short.rsplit("/", 1)[-1] in _DROP_REL_TYPES \
                        or target in drop or target not in parts:
                    root.remove(rel)
                    rels_roots.setdefault("__dropped__:" + name, set()).add(rel.get("Id", ""))
                    if external:
                        removed.append(f"external link in {source or 'the package'} "
                                       f"({(rel.get('Target') or '')[:80]})")
                    elif target and target not in drop and target in parts and short in _DROP_REL_TYPES:
                        drop.add(target)
                        changed = True
    # Remove what used a dropped relationship from each part's XML.
    for key, rids in list(rels_roots.items()):
        if not key.startswith("__dropped__:"):
            continue
        rels_name = key.split(":", 1)[1]
        source = _source_of(rels_name)
        if not source or source in drop or not source.endswith(".xml") or source not in parts:
            continue
        root = _parse(path, source, parts[source])
        if _remove_uses(root, {r for r in rids if r}):
            parts[source] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    for name, root in rels_roots.items():
        if not name.startswith("__dropped__:") and name not in drop:
            parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    # Content types: no overrides for parts that are gone.
    for el in list(ct_root):
        if _local(el.tag) == "Override" and el.get("PartName", "").lstrip("/") in drop:
            ct_root.remove(el)
    parts["[Content_Types].xml"] = etree.tostring(ct_root, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zw:
        for name, data in parts.items():
            if name not in drop:
                zw.writestr(name, data)
    return out.getvalue(), removed


def open_template(path: Path | str) -> Any:
    """The python-pptx Presentation of a user's template, cleaned (see the module docstring).

    Raises :class:`ExportError` with a message for the user on any problem."""
    from pptx import Presentation

    path = Path(path)
    if path.suffix.lower() not in (".pptx", ".potx"):
        raise ExportError(f"The template {path} is not a PowerPoint .pptx file (save it as .pptx and try again).")
    cleaned, _removed = clean_template_bytes(path, _read_file(path))
    try:
        prs = Presentation(io.BytesIO(cleaned))
    except Exception as exc:  # noqa: BLE001 - python-pptx raises many kinds on a damaged package
        raise ExportError(f"The template {path} cannot be opened as a PowerPoint file ({exc}).") from exc
    try:
        masters = list(prs.slide_masters)
        layouts = [layout for master in masters for layout in master.slide_layouts]
    except Exception as exc:  # noqa: BLE001
        raise _fail(path, f"its slide layouts cannot be read ({exc}).") from exc
    if not masters or not layouts:
        raise _fail(path, "it has no slide layouts. Use a PowerPoint template with at least one layout "
                          "(for example Title Only).")
    return prs
