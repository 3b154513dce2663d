"""The review as text, in English or Mexican Spanish (Qt-free): the command line prints it, the
review dialog shows its reasons.

    refusal_text(refusal, lang) -> str
    not_used_text(code, reason, n, lang) -> str
    error_text(UpdateFileError, lang) -> str
    review_text(review, impacts, lang, applied=None) -> str
    fmt_number(value) -> str              1,234.5 with the decimals the value has (up to 6)
"""

from __future__ import annotations

from typing import Any

FORMATS_KNOWN_ES = (
    "«Download CSV» de FRED (observation_date o DATE y una columna por serie)",
    "archivos dot1 de TransBorder de la BTS, mensuales o anuales, en CSV o dentro del ZIP que distribuye la BTS",
    "archivos top-5 por estado de exportaciones o importaciones agropecuarias del ERS del USDA, y U.S. Food Imports del ERS",
    "tabla completa en CSV de Statistics Canada (REF_DATE, GEO, DGUID, …, VALUE, STATUS, …), CSV o ZIP",
)

_ES = {
    "missing": "{what}: sin valor en el archivo (FRED no tiene observación para esa fecha)",
    "bad_value": "{what}: {text!r} no es un número (línea {line})",
    "bad_period": "línea {line}: no es un periodo válido",
    "future": "línea {line}: periodo posterior a hoy, fuera de rango",
    "truncated": "el archivo termina a mitad de una línea (parece cortado): {what} no se usa",
    "bad_row": "la línea {line} no tiene los campos del encabezado",
    "bad_code": "línea {line}: código desconocido {code}",
    "duplicate": "{what}: repetido en la línea {line} (mismo valor que la línea {first}); la repetición no se usa",
    "duplicate_conflict": "{what}: el archivo da dos valores distintos (líneas {first} y {line}); no se usa ninguno",
    "partial_year": "{what}: total de un año fiscal incompleto (el archivo tiene {quarters}, no el 4.º trimestre)",
    "suppressed": "{what}: valor suprimido o no disponible (símbolo de Statistics Canada {status!r})",
    "unit": "{series}: la unidad del archivo ({file_unit}) no es la del conjunto de datos ({unit}); se rechaza",
    "frequency": "{series}: el archivo es {got}, el conjunto de datos {wanted}; se rechaza (descargue la serie {wanted})",
    "scale": "{series}: los valores del archivo son {ratio} los del catálogo para los mismos periodos; su unidad o "
             "escala no coincide ({unit}); se rechaza",
    "unknown_series": "{series}: el catálogo no tiene un conjunto de datos de esa serie de FRED (toma {known})",
    "nothing_taken": "{name}: nada en él es una serie del catálogo ({label})",
    "same_file": "{name}: es el mismo archivo que {first}, dado dos veces; se lee una vez",
    "duplicate_file": "{name}: {n} valores que también da {first}; se usa el primer archivo",
}
_WORDS_ES = {"monthly": "mensual", "quarterly": "trimestral", "annual": "anual", "semiannual": "semestral",
             "daily or weekly": "diario o semanal", "irregular": "irregular"}
_NOT_USED_ES = {"before": "{n} valores anteriores al primer periodo del conjunto de datos: no se usan ({reason})",
                "excluded": "{n} valores que el conjunto de datos deja fuera a propósito",
                "partial_year": "{n} valores de un año incompleto: un año se forma solo con sus doce meses de una "
                                "misma versión ({reason})"}


def fmt_number(value: float | None) -> str:
    if value is None:
        return "—"
    if float(value).is_integer():
        return f"{int(value):,}"
    text = f"{value:,.6f}".rstrip("0").rstrip(".")
    return text


def refusal_text(refusal: Any, lang: str = "en") -> str:
    if lang != "es":
        return refusal.reason
    template = _ES.get(refusal.code)
    params = dict(refusal.params or {})
    for key in ("got", "wanted"):
        if key in params:
            params[key] = ", ".join(_WORDS_ES.get(p.strip(), p.strip()) for p in str(params[key]).split(","))
    if template:
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):
            pass
    return f"(en inglés) {refusal.reason}"


def not_used_text(code: str, reason: str, n: int, lang: str = "en") -> str:
    if lang == "es" and code in _NOT_USED_ES:
        return _NOT_USED_ES[code].format(n=f"{n:,}", reason=reason)
    return f"{n:,} value{'s' if n != 1 else ''} not used: {reason}"


def error_text(error: Any, lang: str = "en") -> str:
    if lang != "es":
        return error.message
    p = dict(error.params or {})
    name = p.get("name", "")
    if error.code == "unknown_format":
        return (f"{name} no es un archivo de organismo que la aplicación conozca. Empieza {p.get('start', '')!r} "
                f"({p.get('columns', '?')} columnas, {p.get('lines', '?')} líneas, {p.get('encoding', '')}). La "
                "aplicación lee: " + "; ".join(FORMATS_KNOWN_ES) + ". No se cambió nada.")
    if error.code == "missing_columns":
        return (f"{name} parece {p.get('kind', '')} pero a su encabezado le falta {p.get('missing', '')} (empieza "
                f"{p.get('start', '')!r}): pudo editarse o cortarse; descárguelo de nuevo. No se cambió nada.")
    simple = {"missing": "{name}: no existe el archivo.", "folder": "{name} es una carpeta: indique el archivo descargado.",
              "not_regular": "{name} no es un archivo normal (dispositivo, tubería o socket).",
              "too_large": "{name} es más grande que cualquier descarga de un organismo.",
              "empty": "{name} está vacío.", "binary": "{name} no es una descarga CSV de un organismo.",
              "html": "{name} es una página web guardada, no el archivo de descarga: use el enlace de descarga (CSV).",
              "office": "{name} es un libro de Excel o documento de Office: descargue el CSV.",
              "bad_zip": "{name} es un ZIP dañado o incompleto: descárguelo de nuevo.",
              "zip_no_csv": "{name} es un ZIP sin archivos CSV.",
              "zip_bomb": "{name}: el ZIP se descomprime a un tamaño que la aplicación rechaza."}
    if error.code in simple:
        return simple[error.code].format(name=name)
    return f"(en inglés) {error.message}"


def _t(lang: str, en: str, es: str) -> str:
    return es if lang == "es" else en


def review_text(review: Any, impacts: Any, lang: str = "en", applied: Any = None, dry_run: bool = False,
                limit: int = 12) -> str:
    lines: list[str] = []
    for path, error in review.errors:
        lines.append(_t(lang, "Not read: ", "No se leyó: ") + error_text(error, lang))
    for f in review.files:
        lines.append(_t(lang, f"File {f.name}: {f.description}; SHA-256 {f.sha256}",
                        f"Archivo {f.name}: {f.description}; SHA-256 {f.sha256}"))
        for note in f.notes:
            lines.append(f"  ({note})")
    for s in review.series:
        label = s.label_es if lang == "es" else s.label_en
        lines.append("")
        lines.append(_t(lang, f"Series {s.key}: {label}", f"Serie {s.key}: {label}"))
        lines.append(_t(lang, f"  {s.count('new'):,} new, {s.count('revised'):,} revised, {s.count('confirmed'):,} "
                              f"confirmed (same value, the file becomes their source), {s.count('unchanged'):,} "
                              "already from this file",
                        f"  {s.count('new'):,} nuevos, {s.count('revised'):,} revisados, {s.count('confirmed'):,} "
                        f"confirmados (mismo valor; el archivo pasa a ser su fuente), {s.count('unchanged'):,} ya "
                        "tomados de este archivo"))
        periods = s.new_periods()
        if periods:
            shown = ", ".join(periods[:limit]) + (" …" if len(periods) > limit else "")
            lines.append(_t(lang, f"  new periods: {shown}", f"  periodos nuevos: {shown}"))
        revised = [c for c in s.changes if c.kind == "revised"]
        for c in revised[:limit]:
            lines.append(_t(lang, "  revised ", "  revisado ") + f"{c.category}/{c.series}/{c.period}: "
                         f"{fmt_number(c.old)} → {fmt_number(c.new)} ({'+' if c.difference >= 0 else ''}"
                         f"{fmt_number(c.difference)}) {s.unit}")
        if len(revised) > limit:
            lines.append(_t(lang, f"  … and {len(revised) - limit:,} more revisions",
                            f"  … y {len(revised) - limit:,} revisiones más"))
        for code, reason, n in s.not_used:
            lines.append("  " + not_used_text(code, reason, n, lang))
        for r in s.refused[:limit]:
            lines.append(_t(lang, "  refused: ", "  rechazado: ") + refusal_text(r, lang))
        if len(s.refused) > limit:
            lines.append(_t(lang, f"  … and {len(s.refused) - limit:,} more refused",
                            f"  … y {len(s.refused) - limit:,} rechazos más"))
    if review.refused:
        lines.append("")
        lines.append(_t(lang, f"Refused rows of the files ({len(review.refused):,}):",
                        f"Filas rechazadas de los archivos ({len(review.refused):,}):"))
        for r in review.refused[:limit]:
            where = f"{r.file}:{r.line}: " if r.line else f"{r.file}: "
            lines.append("  " + where + refusal_text(r, lang))
        if len(review.refused) > limit:
            lines.append(_t(lang, f"  … and {len(review.refused) - limit:,} more", f"  … y {len(review.refused) - limit:,} más"))
    if impacts is not None:
        if impacts.derived:
            lines.append("")
            lines.append(_t(lang, "Computed figures that follow:", "Cifras calculadas que cambian:"))
            for d in impacts.derived[:limit]:
                key = "/".join(d["key"])
                lines.append(f"  {d['dataset']} {key}: {fmt_number(d['old'])} → {fmt_number(d['new'])} ({d['reason']})"
                             if d["kind"] != "kept_mixed" else f"  {d['dataset']} {key}: {d['reason']}")
        if impacts.charts:
            lines.append("")
            lines.append(_t(lang, "Charts that change:", "Gráficas que cambian:"))
            for cid, info in impacts.charts.items():
                title = info.get("title_es" if lang == "es" else "title_en", cid)
                lines.append(_t(lang, f"  {cid} ({title}): {info['changed']:,} value{'s' if info['changed'] != 1 else ''} revised, {info['new']:,} added",
                                f"  {cid} ({title}): {info['changed']:,} valores revisados, {info['new']:,} agregados"))
                for key, (old, new) in info.get("rewritten", {}).items():
                    if key.endswith("_es" if lang == "es" else "_en"):
                        lines.append(_t(lang, f"    message: “{old}” → “{new}”", f"    mensaje: «{old}» → «{new}»"))
                suffix = "_es" if lang == "es" else "_en"
                for key, text in info.get("dropped", {}).items():
                    if key.endswith(suffix):
                        lines.append(_t(lang, f"    message not shown (the subtitle is): “{text}”",
                                        f"    mensaje que ya no se muestra (se muestra el subtítulo): «{text}»"))
                for key, reason in info.get("flags_es" if lang == "es" else "flags", []):
                    if key.endswith(suffix):
                        lines.append(_t(lang, f"    FLAGGED {key}: {reason}", f"    SEÑALADO {key}: {reason}"))
        if impacts.facts:
            lines.append("")
            lines.append(_t(lang, "Facts with a newer figure (the report's figure stays):",
                            "Datos con una cifra más reciente (se conserva la del informe):"))
            for fid, info in impacts.facts.items():
                lines.append(f"  {fid}: " + (info["text_es"] if lang == "es" else info["text_en"]))
        if impacts.packs:
            lines.append("")
            lines.append(_t(lang, "Saved packs that would change:", "Paquetes guardados que cambiarían:"))
            for p in impacts.packs:
                refs = ", ".join(i["ref"] for i in p["items"][:6])
                lines.append(f"  {p['path']}: {refs}")
    lines.append("")
    acceptable = review.acceptable()
    if applied is not None:
        lines.append(_t(lang, f"Applied as update {applied.id} ({len(applied.rows):,} rows); "
                              f"`nap-desktop update --remove {applied.id}` takes it out.",
                        f"Aplicada como actualización {applied.id} ({len(applied.rows):,} filas); "
                        f"`nap-desktop update --remove {applied.id}` la retira."))
    elif dry_run and acceptable:
        lines.append(_t(lang, "Dry run: nothing was changed.", "Prueba: no se cambió nada."))
    elif not acceptable and review.errors and not review.series:
        # no file was read: "the catalog already holds these figures" would be false
        lines.append(_t(lang, "Nothing was changed: no file could be read (see above).",
                        "No se cambió nada: no se pudo leer ningún archivo (vea arriba)."))
    elif not acceptable:
        lines.append(_t(lang, "Nothing to do: the catalog already holds these figures from these files, or none "
                              "of them is one it takes.",
                        "Nada que hacer: el catálogo ya tiene estas cifras de estos archivos, o ninguna es de las "
                        "que toma."))
    return "\n".join(lines).strip() + "\n"
