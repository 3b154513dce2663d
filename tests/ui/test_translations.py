"""The one Spanish catalogue: resources/i18n/nap_es.ts is what pyside6-lupdate makes of the code, every
entry is translated, nap_es.qm is its lrelease, and pyside6-lupdate sees every string the code translates."""

from __future__ import annotations

import ast
import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "update_translations.py"
TS = ROOT / "resources" / "i18n" / "nap_es.ts"


def _tool():
    spec = importlib.util.spec_from_file_location("update_translations", TOOL)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("update_translations", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    """nap_es.ts after pyside6-lupdate has merged in the code as it is now (a copy: the file is not touched)."""
    copy = tmp_path_factory.mktemp("i18n") / TS.name
    shutil.copyfile(TS, copy)
    _tool().lupdate(copy)
    return copy


def test_one_translation_catalogue_per_language():
    assert sorted(p.name for p in TS.parent.glob("*.ts")) == ["nap_es.ts"]
    assert sorted(p.name for p in TS.parent.glob("*.qm")) == ["nap_es.qm"]


def test_the_catalogue_has_every_string_of_the_code_and_no_other(fresh):
    tool = _tool()
    new = sorted(tool.messages(fresh) - tool.messages(TS))
    gone = sorted(tool.messages(TS) - tool.messages(fresh))
    assert not new, f"strings new in the code (run tools/update_translations.py, then translate them): {new}"
    assert not gone, f"strings the code no longer has (run tools/update_translations.py): {gone}"


def test_every_entry_is_translated():
    assert _tool().unfinished(TS) == [], "translate these (Qt Linguist), then run tools/update_translations.py"


def test_the_compiled_catalogue_is_the_lrelease_of_the_source(tmp_path):
    qm = tmp_path / "nap_es.qm"
    _tool().lrelease(TS, qm)
    assert qm.read_bytes() == TS.with_suffix(".qm").read_bytes(), "run tools/update_translations.py"


# ---- what the code translates, read from its syntax tree --------------------------------------------
def _literal(node) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


QT_OWNERS = ("QCoreApplication", "QApplication", "QGuiApplication")  # str.translate(table) is not Qt's


def _translated_in_code() -> tuple[set[tuple[str, str]], list[str]]:
    """(context, source) of every tr()/translate() call in nap_desktop/ui, and the calls lupdate cannot read.

    lupdate reads ``self.tr("...")`` (the enclosing class), ``Name.tr("...")`` (context ``Name``) and
    ``translate("Context", "...")`` with literal strings only.
    """
    found: set[tuple[str, str]] = set()
    unreadable: list[str] = []

    def visit(node, cls: str | None, path: Path) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Call):
                func = child.func
                name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
                where = f"{path.relative_to(ROOT)}:{child.lineno}: {ast.unparse(child)[:80]}"
                if name == "tr" and isinstance(func, ast.Attribute):
                    owner = func.value
                    context = cls if isinstance(owner, ast.Name) and owner.id == "self" else (
                        owner.id if isinstance(owner, ast.Name) else None)
                    text = _literal(child.args[0]) if child.args else None
                    if context and text is not None:
                        found.add((context, text))
                    elif not (path.name == "i18n.py" and cls == "TranslationContext"):
                        unreadable.append(where)
                elif name == "QT_TRANSLATE_NOOP" or (name == "translate" and isinstance(func, ast.Attribute)
                                                     and ast.unparse(func.value) in QT_OWNERS):
                    context, text = (_literal(a) for a in child.args[:2]) if len(child.args) >= 2 else (None, None)
                    if context is not None and text is not None:
                        found.add((context, text))
                    elif not (path.name == "i18n.py" and cls == "TranslationContext"):
                        unreadable.append(where)
                elif name in ("tr", "_tr", "QT_TR_NOOP"):  # a bare tr(): lupdate gives it no context
                    unreadable.append(where)
            visit(child, child.name if isinstance(child, ast.ClassDef) else cls, path)

    for path in sorted((ROOT / "nap_desktop" / "ui").rglob("*.py")):
        visit(ast.parse(path.read_text(encoding="utf-8")), None, path)
    return found, unreadable


def test_lupdate_sees_every_string_the_code_translates(fresh):
    found, unreadable = _translated_in_code()
    assert not unreadable, ("lupdate cannot read these calls (write self.tr(\"...\"), Name.tr(\"...\") or "
                            f"QCoreApplication.translate(\"Context\", \"...\") with literal strings): {unreadable}")
    missed = sorted(found - _tool().messages(fresh))  # e.g. a tr() call inside an f-string
    assert not missed, f"translated by the code but not extracted by lupdate: {missed}"


def test_a_translation_context_is_its_class_name(qapp):
    from PySide6.QtCore import QCoreApplication

    from nap_desktop.ui.i18n import TranslationContext, translations

    class PrintHandout(TranslationContext):
        pass

    translations().set_language("es")
    try:
        assert PrintHandout.tr("Print handout") == QCoreApplication.translate("PrintHandout", "Print handout")
        assert PrintHandout.tr("Print handout") != "Print handout"
    finally:
        translations().set_language("en")
