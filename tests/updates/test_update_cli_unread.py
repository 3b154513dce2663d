"""`nap-desktop update` on files it cannot read says that nothing was read, not that the catalog already
holds their figures, in the language asked for; exit 2; the library is not created."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("lang, said, not_said", [
    ("en", "Nothing was changed: no file could be read", "the catalog already holds these figures"),
    ("es", "No se cambió nada: no se pudo leer ningún archivo", "el catálogo ya tiene estas cifras"),
])
def test_an_unreadable_file_is_not_reported_as_already_held(tmp_path, lang, said, not_said):
    other = tmp_path / "notes.csv"
    other.write_text("a,b\n1,2\n", encoding="utf-8")
    library = tmp_path / "lib"
    for files in ([str(tmp_path / "nosuch.csv")], [str(other)]):
        run = subprocess.run([sys.executable, "-m", "nap_desktop", "--lang", lang, "update", *files,
                              "--library", str(library)], capture_output=True, text=True, timeout=120)
        assert run.returncode == 2, run.stdout + run.stderr
        assert said in run.stdout and not_said not in run.stdout
        assert ("no se cambió nada" if lang == "es" else "nothing was changed") in run.stderr
        assert not (library / "updates").exists()
