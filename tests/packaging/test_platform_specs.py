"""The Windows and macOS builds, checked by simulation (PyInstaller cannot cross-build, and this machine is
Linux): each platform's spec runs with PyInstaller's build steps replaced by recorders, so what it would
build is read back: the programs, their console/windowed mode, icons, version resource, the macOS
bundle's .napbrief document type, and the installer's .napbrief association."""

from __future__ import annotations

import plistlib
import sys
import types
from pathlib import Path

import pytest

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


class Recorder:
    def __init__(self, kind: str, built: list):
        self.kind, self.built = kind, built

    def __call__(self, *args, **kwargs):
        step = types.SimpleNamespace(kind=self.kind, args=args, kwargs=kwargs, scripts=[], pure=[], binaries=[],
                                     datas=[], **({"name": kwargs["name"]} if "name" in kwargs else {}))
        self.built.append(step)
        return step


def run_spec(spec: str, monkeypatch) -> list:
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_data_files = lambda *a, **k: []
    hooks.collect_submodules = lambda *a, **k: ["nap_desktop"]
    bindepend = types.ModuleType("PyInstaller.depend.bindepend")
    bindepend.get_imports = lambda *a, **k: []
    for name, module in {"PyInstaller": types.ModuleType("PyInstaller"),
                         "PyInstaller.utils": types.ModuleType("PyInstaller.utils"),
                         "PyInstaller.utils.hooks": hooks,
                         "PyInstaller.depend": types.ModuleType("PyInstaller.depend"),
                         "PyInstaller.depend.bindepend": bindepend}.items():
        monkeypatch.setitem(sys.modules, name, module)
    built: list = []
    namespace = {"SPECPATH": str(PACKAGING), "SIMULATE": True, "__file__": str(PACKAGING / spec)}
    for kind in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"):
        namespace[kind] = Recorder(kind, built)
    path = PACKAGING / spec
    monkeypatch.setattr(sys, "path", list(sys.path))
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)
    return built


def steps(built: list, kind: str) -> list:
    return [s for s in built if s.kind == kind]


def test_windows_spec_builds_a_windowed_app_and_a_console_command(monkeypatch):
    built = run_spec("nap-briefing-windows.spec", monkeypatch)
    exes = {s.kwargs["name"]: s.kwargs for s in steps(built, "EXE")}
    assert set(exes) == {"nap-briefing", "nap-desktop"}
    assert exes["nap-briefing"]["console"] is False and exes["nap-desktop"]["console"] is True
    for kwargs in exes.values():
        assert kwargs["icon"] == str(PACKAGING / "nap-briefing.ico") and Path(kwargs["icon"]).is_file()
        assert Path(kwargs["version"]).is_file() and kwargs["argv_emulation"] is False
    collected = steps(built, "COLLECT")[0]
    assert len([a for a in collected.args if getattr(a, "kind", "") == "EXE"]) == 2
    assert steps(built, "BUNDLE") == []


def test_macos_spec_builds_an_app_that_owns_napbrief_documents(monkeypatch):
    built = run_spec("nap-briefing-macos.spec", monkeypatch)
    (exe,) = steps(built, "EXE")
    assert exe.kwargs["console"] is False and exe.kwargs["argv_emulation"] is True
    assert exe.kwargs["icon"] == str(PACKAGING / "nap-briefing.icns") and Path(exe.kwargs["icon"]).is_file()
    (bundle,) = steps(built, "BUNDLE")
    plist = bundle.kwargs["info_plist"]
    plistlib.dumps(plist)  # a valid Info.plist
    (doc,) = plist["CFBundleDocumentTypes"]
    (uti,) = plist["UTExportedTypeDeclarations"]
    assert doc["LSItemContentTypes"] == [uti["UTTypeIdentifier"]] and doc["LSHandlerRank"] == "Owner"
    assert uti["UTTypeTagSpecification"]["public.filename-extension"] == ["napbrief"]
    assert bundle.kwargs["name"] == "NAP Briefing.app" and bundle.kwargs["icon"].endswith(".icns")


def test_linux_spec_is_unchanged_in_shape(monkeypatch):
    built = run_spec("nap-briefing.spec", monkeypatch) if sys.platform.startswith("linux") else pytest.skip("Linux")
    (exe,) = steps(built, "EXE")
    assert exe.kwargs["name"] == "nap-briefing" and exe.kwargs["console"] is True and exe.kwargs["icon"] is None
    assert steps(built, "BUNDLE") == []


def test_a_spec_refuses_to_cross_build(monkeypatch):
    other = "nap-briefing-windows.spec" if sys.platform != "win32" else "nap-briefing-macos.spec"
    path = PACKAGING / other
    with pytest.raises(SystemExit, match="does not cross-build"):
        namespace = {"SPECPATH": str(PACKAGING)}
        exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)


def test_the_windows_installer_associates_napbrief_with_the_windowed_program():
    iss = (PACKAGING / "windows" / "nap-briefing.iss").read_text(encoding="utf-8")
    assert 'Subkey: "Software\\Classes\\.napbrief"; ValueType: string; ValueName: ""; ValueData: "NAPBriefing.Pack"' in iss
    assert '"Software\\Classes\\NAPBriefing.Pack\\shell\\open\\command"' in iss
    assert '"""{app}\\{#AppExe}"" ""%1"""' in iss and '#define AppExe "nap-briefing.exe"' in iss
    assert "ChangesAssociations=yes" in iss and "PrivilegesRequired=lowest" in iss


def test_icons_for_every_platform_are_rendered_from_the_window_icon():
    from PIL import Image

    with Image.open(PACKAGING / "nap-briefing.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    with Image.open(PACKAGING / "nap-briefing.icns") as icns:
        assert max(size[0] * size[2] for size in icns.info["sizes"]) >= 1024  # 512@2x for Retina
    with Image.open(PACKAGING / "nap-briefing.png") as png:
        assert png.size == (256, 256)
