"""What the user library and the table reader tell the user, in English and Mexican Spanish (Qt-free).

Core code never writes a sentence for the user directly: it gives a ``Message`` (a code and its
parameters); whoever shows it formats it in the language the user reads (the window in its
interface language, the command line in English or ``--lang``). ``str(message)`` is the English
text, so logs, tests and older callers keep working.

    Message(code, params)                      frozen; .text(lang) ; str() = English
    msg(code, **params) -> Message
    render(item, lang="en") -> str             a Message, a loader Problem (FILE:LINE: message), a
                                               TableProblem, or plain English text from the loader
    render_table_problem(problem, lang) -> str "row 3, column 'Exports': '12x' is not a number"
    table_message(problem, lang) -> str        the same without where ("'12x' is not a number")
    number(value) -> str                       1,234.5 (the style English and Mexican Spanish share)
    TEMPLATES                                  code -> (English, Spanish)

Parameters are formatted for the language: numbers as 1,234.5, a nested Message in the same
language, a list joined with commas. English templates quote values the way the loader always
has ('x'); Spanish ones use “x”.

The loader (loader.py, rules.py, derive.py, charts/build.py) still writes its problems as English
text with the file and line; ``render`` recognises the ones a user library can produce
(``LOADER_PATTERNS``) and gives their Spanish. A message it does not know is shown in English,
introduced by a Spanish sentence that says so, never silently dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

LANGS = ("en", "es")


@dataclass(frozen=True)
class Message:
    code: str
    params: tuple[tuple[str, Any], ...] = ()

    def text(self, lang: str = "en") -> str:
        return render(self, lang)

    def param(self, name: str, default: Any = None) -> Any:
        return dict(self.params).get(name, default)

    def __str__(self) -> str:
        return self.text("en")


def msg(code: str, **params: Any) -> Message:
    if code not in TEMPLATES:
        raise KeyError(f"no template for message {code!r}")
    return Message(code, tuple(params.items()))


def number(value: float | int) -> str:
    """1,234.5 / 12 / 1,000: comma thousands, point decimals (English and Mexican Spanish alike)."""
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


# --- templates: code -> (English, Spanish) ------------------------------------------------------
TEMPLATES: dict[str, tuple[str, str]] = {
    # places a message is about
    "where.source": ("source", "fuente"),
    "where.fact": ("fact {id}", "dato {id}"),
    "where.fact_source": ("fact {id}, source {n}", "dato {id}, fuente {n}"),
    "where.table": ("table", "tabla"),
    # names of a source's fields
    "field.publisher": ("publisher", "el organismo o editor"),
    "field.title": ("title", "el título"),
    "field.url": ("URL", "la URL"),
    "field.date": ("date", "la fecha"),
    "field.status": ("status", "el tipo de fuente (oficial, informe o secundaria)"),
    # sources
    "source.missing": ("{where}: missing {field}", "{where}: falta {field}"),
    "source.bad_status": ("{where}: status {status!r} must be one of {choices}",
                          "{where}: el tipo de fuente “{status}” no existe; debe ser official (oficial), report (informe) "
                          "o secondary (secundaria)"),
    "source.bad_url": ("{where}: URL {url!r} must start with http:// or https:// (the table or release itself)",
                       "{where}: la URL “{url}” debe empezar con http:// o https:// (la de la tabla o la "
                       "publicación misma)"),
    "source.unknown_id": ("source: unknown source id {id!r}", "fuente: no hay ninguna fuente con el identificador “{id}”"),
    # facts
    "fact.id_taken_fact": ("fact {id}: there is already a fact with this id (edit it, or choose another id)",
                           "dato {id}: ya hay un dato con este identificador (edítelo o elija otro identificador)"),
    "fact.id_taken_chart": ("fact {id}: there is already a chart with this id (edit it, or choose another id)",
                            "dato {id}: ya hay una gráfica con este identificador (edítela o elija otro identificador)"),
    "fact.missing_text_en": ("fact {id}: missing English statement (text_en)",
                             "dato {id}: falta el enunciado en inglés (text_en)"),
    "fact.no_source": ("fact {id}: a fact needs at least one source "
                       "(publisher, title, URL, date and status: official, report or secondary)",
                       "dato {id}: un dato necesita al menos una fuente "
                       "(editor, título, URL, fecha y tipo: oficial, informe o secundaria)"),
    "fact.unknown_source": ("{where}: unknown source {entry!r}", "{where}: fuente desconocida “{entry}”"),
    "fact.bundled": ("fact {id} is a bundled fact: only your own facts can be changed",
                     "el dato {id} viene con la aplicación: solo puede cambiar sus propios datos"),
    "fact.not_in_library": ("fact {id} is not in the library", "el dato {id} no está en su biblioteca"),
    "fact.in_chart": ("fact {id} is illustrated by chart {charts}: remove it from the chart's facts first",
                      "el dato {id} se ilustra con la gráfica {charts}: quítelo primero de los datos de la gráfica"),
    # tables saved as a dataset and a chart
    "table.problem": ("table, {problem}", "tabla, {problem}"),
    "table.unconfirmed": ("table: decimal commas detected; confirm the decimal style first",
                          "tabla: se detectaron comas decimales; confirme primero cómo se escriben los decimales"),
    "table.bad_orientation": ("table: orientation {orientation!r} must be one of {choices}",
                              "tabla: la disposición “{orientation}” no existe; debe ser {choices}"),
    "table.nothing": ("table: nothing to save (no categories or no series)",
                      "tabla: no hay nada que guardar (faltan las categorías o las series)"),
    "table.id_taken": ("{id}: there is already a dataset, chart or fact with this id; choose another id",
                       "{id}: ya hay un conjunto de datos, una gráfica o un dato con este identificador; "
                       "elija otro"),
    "chart.missing_title_en": ("chart {id}: missing English title", "gráfica {id}: falta el título en inglés"),
    "chart.bad_kind": ("chart {id}: kind {kind!r} must be one of {choices}",
                       "gráfica {id}: el tipo de gráfica “{kind}” no existe; debe ser {choices}"),
    "chart.bad_decimals": ("chart {id}: decimals must be 0–6", "gráfica {id}: los decimales deben ser de 0 a 6"),
    "dataset.unknown_unit": ("dataset {id}: unknown unit {unit!r} (known: {known})",
                             "conjunto de datos {id}: unidad desconocida “{unit}” (conocidas: {known})"),
    "dataset.bad_status": ("dataset {id}: status {status!r} must be one of {choices}",
                           "conjunto de datos {id}: el tipo de fuente “{status}” no existe; debe ser official (oficial), "
                           "report (informe) o secondary (secundaria)"),
    # the table reader (core.catalog.tables): problems of cells, rows and the header
    "tables.where_row_column": ("row {row}, column {column!r}: {message}", "fila {row}, columna “{column}”: {message}"),
    "tables.where_row": ("row {row}: {message}", "fila {row}: {message}"),
    "tables.where_column": ("column {column!r}: {message}", "columna “{column}”: {message}"),
    "tables.empty": ("the table is empty", "la tabla está vacía"),
    "tables.empty_header": ("the header row has an empty column name (column {n})",
                            "la fila de encabezados tiene una columna sin nombre (columna {n})"),
    "tables.duplicate_series": ("column name {name!r} appears twice in the header",
                                "el nombre de columna “{name}” aparece dos veces en el encabezado"),
    "tables.duplicate_category": ("category {name!r} appears twice (first in row {first})",
                                  "la categoría “{name}” aparece dos veces (primero en la fila {first})"),
    "tables.empty_category": ("a row with numbers has no category in the first column",
                              "una fila con números no tiene categoría en la primera columna"),
    "tables.not_number": ("{text!r} is not a number", "“{text}” no es un número"),
    "tables.mixed": ("{text!r} uses decimal commas but other cells use decimal points (mixed styles)",
                     "“{text}” usa coma decimal, pero otras celdas usan punto decimal (estilos mezclados)"),
    "tables.unconfirmed": ("{text!r} uses a decimal comma: confirm the table uses decimal commas (decimal=\"comma\")",
                           "“{text}” usa coma decimal: confirme que la tabla escribe los decimales con coma"),
    "tables.too_few_columns": ("the table needs a category column and at least one series column",
                               "la tabla necesita una columna de categorías y al menos una columna de series"),
    "tables.no_rows": ("the table has a header but no rows", "la tabla tiene encabezados pero ninguna fila"),
    # a table that cannot be read at all (core.catalog.tables.TableError)
    "tables.cannot_read": ("Cannot read {name}: {reason}.", "No se puede leer {name}: {reason}."),
    "tables.no_such_file": ("Cannot read {name}: no such file.", "No se puede leer {name}: el archivo no existe."),
    "tables.not_xlsx": ("{name} is not an Excel workbook (.xlsx) that can be read.",
                        "{name} no es un libro de Excel (.xlsx) que se pueda leer."),
    "tables.no_sheet": ("{name} has no sheet {sheet!r} (sheets: {sheets}).",
                        "{name} no tiene una hoja “{sheet}” (hojas: {sheets})."),
    "tables.missing_file": ("{name}: no such file", "{name}: el archivo no existe"),
    "tables.sheet_only_xlsx": ("--sheet applies to .xlsx files only", "--sheet solo se aplica a archivos .xlsx"),
    # a loader problem: where it is
    "problem.file_line": ("{file}:{line}: {message}", "{file}, línea {line}: {message}"),
    "problem.file_key": ("{file} [{key}]: {message}", "{file} [{key}]: {message}"),
    "problem.file": ("{file}: {message}", "{file}: {message}"),
    "problem.untranslated": ("{message}", "(mensaje del verificador de datos, sin traducir) {message}"),
}

#: the Spanish names of the kinds of item the loader's messages name ("fact user.x" -> "dato user.x")
KIND_ES = {"fact": "dato", "source": "fuente", "dataset": "conjunto de datos", "chart": "gráfica",
           "section": "sección", "check": "verificación"}

_FIELD = re.compile(r"\{(\w+)(![rs])?\}")


def _value(value: Any, lang: str) -> str:
    if isinstance(value, Message):
        return value.text(lang)
    if hasattr(value, "message") and hasattr(value, "row") and hasattr(value, "column"):
        return render_table_problem(value, lang)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return number(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(_value(v, lang) for v in value)
    return str(value)


def _fill(template: str, params: dict[str, Any], lang: str) -> str:
    def one(m: re.Match[str]) -> str:
        name, conv = m.group(1), m.group(2)
        if name not in params:
            return m.group(0)
        raw = params[name]
        if conv == "!r":
            return repr(raw if isinstance(raw, str) else _value(raw, lang))
        return _value(raw, lang)

    return _FIELD.sub(one, template)


def _template(code: str, lang: str) -> str:
    en, es = TEMPLATES[code]
    return es if lang == "es" else en


def render(item: Any, lang: str = "en") -> str:
    """The text of a Message, a loader Problem, a TableProblem or loader text, in ``lang``."""
    if lang not in LANGS:
        lang = "en"
    if isinstance(item, Message):
        return _fill(_template(item.code, lang), dict(item.params), lang)
    if hasattr(item, "row") and hasattr(item, "column") and hasattr(item, "message"):
        return render_table_problem(item, lang)
    if hasattr(item, "file") and hasattr(item, "line") and hasattr(item, "message"):
        return render_problem(item, lang)
    text = str(item)
    if lang == "en":
        return text
    return _loader_text(text, lang)


def table_message(problem: Any, lang: str = "en") -> str:
    """What is wrong with a TableProblem's cell, row or table (without where), in ``lang``."""
    code = getattr(problem, "code", "")
    if code and f"tables.{code}" in TEMPLATES:
        return _fill(_template(f"tables.{code}", lang), dict(getattr(problem, "params", ()) or ()), lang)
    return problem.message


def render_table_problem(problem: Any, lang: str = "en") -> str:
    """A core.catalog.tables.TableProblem: where (row, column name) and what, in ``lang``."""
    message = table_message(problem, lang)
    code = getattr(problem, "code", "")
    column = problem.column
    if code == "empty_header" and lang == "es":
        column = ""  # "column 3" is the reader's own name for it; the Spanish message says "columna 3"
    params = {"row": problem.row, "column": column, "message": message}
    if problem.row and column:
        return _fill(_template("tables.where_row_column", lang), params, lang)
    if problem.row:
        return _fill(_template("tables.where_row", lang), params, lang)
    if column:
        return _fill(_template("tables.where_column", lang), params, lang)
    return message


def render_problem(problem: Any, lang: str = "en") -> str:
    """A loader Problem (FILE:LINE: message) in ``lang``; English is exactly ``str(problem)``."""
    if lang != "es":
        return str(problem)
    message = _loader_message(problem.message, lang)
    if problem.line:
        return _fill(_template("problem.file_line", lang),
                     {"file": problem.file, "line": problem.line, "message": message}, lang)
    if getattr(problem, "key", ""):
        return _fill(_template("problem.file_key", lang),
                     {"file": problem.file, "key": problem.key, "message": message}, lang)
    return _fill(_template("problem.file", lang), {"file": problem.file, "message": message}, lang)


_WHERE_TEXT = re.compile(r"^(?P<file>[^\s:][^:]*?\.(?:toml|csv|json)|[^\s:]+/):(?P<line>\d+): (?P<message>.*)$", re.S)


def _loader_text(text: str, lang: str) -> str:
    """Loader text already formatted as FILE:LINE: message (a str(Problem))."""
    m = _WHERE_TEXT.match(text)
    if m:
        return _fill(_template("problem.file_line", lang), {"file": m.group("file"), "line": int(m.group("line")),
                                                            "message": _loader_message(m.group("message"), lang)}, lang)
    return _loader_message(text, lang)


# --- the loader's English messages, recognised and given in Spanish -------------------------------
_Q = r"(?P<{0}>'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|None|-?(?:[\d.e+]+|inf|nan)|True|False|\[.*?\]|\{{.*?\}})"  # a repr()
_KIND = r"(?P<kind>fact|source|dataset|chart|section|check)"


def _q(name: str) -> str:
    return _Q.format(name)


#: (regex on the English message, Spanish template). Groups named in the template are filled in;
#: ``what`` ("fact user.x") and ``kind`` ("fact") are translated; quoted values keep their text in “”.
#: what core/catalog/files.kind_of calls a file that is not an ordinary file, as a regex, and in Spanish
_SPECIAL_KINDS = ((r"a pipe \(FIFO\)", "una tubería (FIFO)"), ("a device", "un dispositivo"), ("a socket", "un socket"),
                  ("a folder", "una carpeta"), ("an unknown kind of file", "un tipo de archivo desconocido"))

LOADER_PATTERNS: list[tuple[str, str]] = [
    # files that cannot be read
    (r"(?P<base>.*) \(fix this first: (?P<n>\d+) follow-on problems? from what this file defines are not listed\)",
     "{base} (corrija esto primero: no se listan {n} problemas derivados de lo que define este archivo)"),
    (r"malformed TOML: arrays or tables nested too deeply", "TOML mal formado: listas o tablas anidadas a demasiada profundidad"),
    (r"malformed TOML: (?P<toml>.*)", "TOML mal formado: {toml}"),
    (r"unreadable encoding: not UTF-8 \(byte (?P<byte>0x[0-9a-f]+)\)",
     "codificación ilegible: el archivo no está en UTF-8 (byte {byte})"),
    (r"cannot read the file: (?P<reason>.*)", "no se puede leer el archivo: {reason}"),
    (r"a folder where a file belongs", "hay una carpeta donde debería haber un archivo"),
    # files the app will not read (core/catalog/files.read_regular): pipes, devices, sockets, giants
    (r"it is a link to (?P<target>.*), which does not exist", "es un enlace a {target}, que no existe"),
    *[(rf"it is a link to (?P<target>.*), {en}, not an ordinary file; it was not read",
       f"es un enlace a {{target}}, {es}, no un archivo ordinario; no se leyó") for en, es in _SPECIAL_KINDS],
    *[(rf"it is {en}, not an ordinary file; it was not read", f"es {es}, no un archivo ordinario; no se leyó")
      for en, es in _SPECIAL_KINDS],
    # a library as a whole (core/catalog/library._library_problems)
    (r"version (?P<v>.*): this library was written by another version of NAP Briefing \(this one reads version "
     r"(?P<mine>\d+)\); its files were read as version (?P=mine): check them, or open it with that version",
     "versión {v}: esta biblioteca la escribió otra versión de NAP Briefing (esta lee la versión {mine}); sus "
     "archivos se leyeron como versión {mine}: revíselos, o ábrala con esa versión"),
    (r"source (?P<id>\S+): url holds a control character \((?P<ch>U\+[0-9A-F]{4})\): write the address as the "
     r"agency's page gives it",
     "fuente {id}: la dirección (url) contiene un carácter de control ({ch}): escriba la dirección como la da la "
     "página de la dependencia"),
    (r"fact (?P<id>\S+): value (?P<value>\S+) is too large to be a figure \(at most (?P<max>\S+)\)",
     "dato {id}: el valor {value} es demasiado grande para ser una cifra (a lo más {max})"),
    (r"too large to read: (?P<size>.*) \(a data file may hold at most (?P<cap>.*)\); it was not read",
     "demasiado grande para leerlo: {size} (un archivo de datos puede tener a lo más {cap}); no se leyó"),
    (r"too large to read \(over (?P<cap>.*), the most a data file may hold\); it was not read",
     "demasiado grande para leerlo (más de {cap}, lo más que puede tener un archivo de datos); no se leyó"),
    (r"a file where a folder belongs", "hay un archivo donde debería haber una carpeta"),
    (r"not a folder", "no es una carpeta"),
    (r"'(?P<table>\w+)' must be written as \[\[(?P=table)\]\] blocks", "“{table}” debe escribirse como bloques [[{table}]]"),
    # ids
    (_KIND + r" without an 'id'", "{kind} sin “id”"),
    (_KIND + r" id " + _q("id") + r" must be lower-case letters, digits, '-', '_' or '\.'",
     "el identificador {id} de {kind} solo puede tener minúsculas, dígitos, “-”, “_” o “.”"),
    (_KIND + r" id " + _q("id") + r" must start with " + _q("prefix") + r": ids in a user library live in their own namespace",
     "el identificador {id} de {kind} debe empezar con {prefix}: los identificadores de una biblioteca propia "
     "tienen su propio espacio de nombres"),
    (r"duplicate " + _KIND + r" id " + _q("id") + r" \(first defined at (?P<at>.*)\)",
     "identificador de {kind} repetido {id} (definido antes en {at})"),
    (r"dataset id " + _q("id") + r" must match its file name " + _q("name"),
     "el identificador de conjunto de datos {id} debe coincidir con el nombre de su archivo {name}"),
    # fields of a block
    (r"(?P<what>.+?): missing English text", "{what}: falta el texto en inglés"),
    (r"(?P<what>.+?): missing Spanish text", "{what}: falta el texto en español"),
    (r"(?P<what>.+?): missing English title", "{what}: falta el título en inglés"),
    (r"(?P<what>.+?): missing Spanish title", "{what}: falta el título en español"),
    (r"(?P<what>.+?): missing (?P<lang>English|Spanish) title \((?P<key>\w+): the fact's message in ~12 words\)",
     "{what}: falta el título en {lang} ({key}: el mensaje del dato en unas 12 palabras)"),
    (r"(?P<what>.+?): missing " + _q("key"), "{what}: falta {key}"),
    (r"(?P<what>.+?): " + _q("key") + r" must be text", "{what}: {key} debe ser texto"),
    (r"(?P<what>.+?): unknown field " + _q("key"), "{what}: campo desconocido {key}"),
    (r"(?P<what>.+?): unknown section " + _q("value") + r" \(known: (?P<known>.*)\)",
     "{what}: sección desconocida {value} (conocidas: {known})"),
    (r"(?P<what>.+?): value " + _q("value") + r" is not a number", "{what}: el valor {value} no es un número"),
    (r"(?P<what>.+?): value_max " + _q("value") + r" is not a number", "{what}: value_max {value} no es un número"),
    (r"(?P<what>.+?): unknown unit " + _q("value") + r" \(known: (?P<known>.*)\)",
     "{what}: unidad desconocida {value} (conocidas: {known})"),
    (r"(?P<what>.+?): unknown unit " + _q("value"), "{what}: unidad desconocida {value}"),
    (r"(?P<what>.+?): a value needs a unit", "{what}: un valor necesita su unidad"),
    (r"(?P<what>.+?): unknown qualifier " + _q("value") + r" \(known: (?P<known>.*)\)",
     "{what}: calificador desconocido {value} (conocidos: {known})"),
    (r"(?P<what>.+?): a value needs its period", "{what}: un valor necesita su periodo"),
    (r"(?P<what>.+?): countries must be a list of codes", "{what}: countries debe ser una lista de códigos"),
    (r"(?P<what>.+?): unknown country code " + _q("value"), "{what}: código de país desconocido {value}"),
    (r"(?P<what>.+?): sources must be a list of source ids", "{what}: sources debe ser una lista de identificadores de fuente"),
    (r"(?P<what>.+?): every fact needs at least one source", "{what}: todo dato necesita al menos una fuente"),
    (r"(?P<what>.+?): unknown source id " + _q("value"), "{what}: identificador de fuente desconocido {value}"),
    (r"unknown source id " + _q("value"), "identificador de fuente desconocido {value}"),
    (r"(?P<what>.+?): decimals must be 0–6", "{what}: los decimales deben ser de 0 a 6"),
    (r"(?P<what>.+?): status " + _q("value") + r" must be one of (?P<choices>.*)",
     "{what}: el tipo de fuente {value} no existe; debe ser {choices}"),
    (r"status " + _q("value") + r" must be one of (?P<choices>.*)", "el tipo de fuente {value} no existe; debe ser {choices}"),
    (r"(?P<what>.+?): (?P<key>\w+) has (?P<n>\d+) words \(at most (?P<max>\d+)\): an action title is the message in ~12 words",
     "{what}: {key} tiene {n} palabras (máximo {max}): un título de acción es el mensaje en unas 12 palabras"),
    # datasets and their rows
    (r"a dataset file needs one \[dataset\] table", "un archivo de conjunto de datos necesita una tabla [dataset]"),
    (r"rows without a dataset: (?P<file>\S+) is missing", "filas sin conjunto de datos: falta {file}"),
    (r"(?P<what>.+?): its rows file is missing", "{what}: falta su archivo de filas"),
    (r"(?P<what>.+?): no rows", "{what}: no tiene filas"),
    (r"malformed CSV: (?P<detail>.*)", "CSV mal formado: {detail}"),
    (r"malformed CSV header: needs columns (?P<cols>.*?) \(and optionally source, status, note\)",
     "encabezado de CSV mal formado: necesita las columnas {cols} (y, si se quiere, source, status, note)"),
    (r"unclosed quote: the quoted field that starts on line (?P<start>\d+) runs on to line (?P<end>\d+)",
     "comillas sin cerrar: el campo entre comillas que empieza en la línea {start} sigue hasta la línea {end}"),
    (r"malformed row: more fields than the header", "fila mal formada: tiene más campos que el encabezado"),
    (r"a missing value needs a note saying why it is missing", "un valor que falta necesita una nota que diga por qué falta"),
    (r"value " + _q("value") + r" is not a number", "el valor {value} no es un número"),
    (r"duplicate row (?P<key>\(.*\)) \(first at line (?P<at>\d+)\)", "fila repetida {key} (antes en la línea {at})"),
    # provenance rules (rules.py)
    (r"source (?P<id>\S+): a (?P<key>no_url_reason|no_date_reason) without (?P=key)_es; Spanish outputs would show it "
     r"in English", "fuente {id}: {key} sin {key}_es; las salidas en español lo mostrarían en inglés"),
    # the status-definition rule (core/catalog/rules.check_status_definition)
    (r"source (?P<id>\S+): official but no specific URL of the agency's release or file",
     "fuente {id}: oficial pero sin la URL específica de la publicación o el archivo de la agencia"),
    (r"source (?P<id>\S+): official, but its note says it was read from a transcription, a processed or machine "
     r"copy or a mirror: that is secondary",
     "fuente {id}: oficial, pero su nota dice que se leyó de una transcripción, una copia procesada o automática o "
     "un espejo: eso es secundaria"),
    (r"source (?P<id>\S+): official, read from a copy, but the note does not say how the copy was verified to be "
     r"the agency's file \(e\.g\. \"Verified: its totals equal \.\.\.\"\)",
     "fuente {id}: oficial, leída de una copia, pero la nota no dice cómo se verificó que la copia es el archivo de "
     "la agencia (p. ej., \"Verificado: sus totales coinciden con ...\")"),
    (r"source (?P<id>\S+): its status is (?P<status>'\w+') but its note or title calls it official",
     "fuente {id}: su estatus es {status} pero su nota o su título la llaman oficial"),
    (r"row (?P<key>\S+): status (?P<a>'\w+') is stronger than its source (?P<src>\S+) \((?P<b>'\w+')\)",
     "fila {key}: el estatus {a} es más fuerte que el de su fuente {src} ({b})"),
    (r"source (?P<id>\S+): no URL; give the specific table or release URL, or a no_url_reason saying why none exists",
     "fuente {id}: no tiene URL; dé la URL de la tabla o la publicación misma, o un no_url_reason que diga por qué "
     "no existe"),
    (r"source (?P<id>\S+): a homepage URL \((?P<url>.*)\); give the specific table or release URL, or a no_url_reason "
     r"saying why none exists",
     "fuente {id}: la URL es la página de inicio de un sitio ({url}); dé la URL de la tabla o la publicación misma, "
     "o un no_url_reason que diga por qué no existe"),
    (r"source (?P<id>\S+): no URL at all; a bundled source names at least its publisher's page \(with no_url_reason\); "
     r"where the report names no identifiable publisher, cite the report alone and say in the fact's note whom it names",
     "fuente {id}: no tiene ninguna URL; una fuente incluida da al menos la página de su editor (con no_url_reason); "
     "cuando el informe no nombra a un editor identificable, cite solo el informe y diga en la nota del dato a quién nombra"),
    (r"source (?P<id>\S+): date " + _q("date") + r" but (?P<key>\S+) says it is cited without a date: the date was "
     r"guessed; leave date empty \(shown as n\.d\.\) with a no_date_reason",
     "fuente {id}: tiene la fecha {date}, pero {key} dice que se cita sin fecha: la fecha se supuso; deje date vacío "
     "(se muestra como s. f.) con un no_date_reason"),
    (r"source (?P<id>\S+): a date \((?P<date>.*)\) and a no_date_reason contradict each other; keep one",
     "fuente {id}: una fecha ({date}) y un no_date_reason se contradicen; conserve solo uno"),
    (r"fact (?P<id>\S+): period " + _q("period") + r" is the report's own date \((?P<month>[\d-]+)\), not the period "
     r"of the figure; write \"undated\" where the report gives none",
     "dato {id}: el periodo {period} es la fecha del propio informe ({month}), no el periodo de la cifra; escriba "
     "\"undated\" cuando el informe no da ninguno"),
    (r"source (?P<id>\S+): a note without note_es; Spanish outputs would show it in English",
     "fuente {id}: una nota sin note_es; las salidas en español la mostrarían en inglés"),
    (r"source (?P<id>\S+): no date; give the date of the release, or a no_date_reason saying why none is known",
     "fuente {id}: no tiene fecha; dé la fecha de la publicación, o un no_date_reason que diga por qué no se conoce"),
    (r"source (?P<id>\S+): a date that is not YYYY, YYYY-MM or YYYY-MM-DD \((?P<date>.*)\); give the date of the "
     r"release, or a no_date_reason saying why none is known",
     "fuente {id}: la fecha no tiene la forma AAAA, AAAA-MM o AAAA-MM-DD ({date}); dé la fecha de la publicación, "
     "o un no_date_reason que diga por qué no se conoce"),
    (r"low-credibility source " + _q("domain") + r" \(content farm, vendor blog or anonymous mirror\): not a source an "
     r"official accepts; cite the agency or leave a gap with its reason",
     "fuente de baja credibilidad {domain} (granja de contenidos, blog de un proveedor o espejo anónimo): un "
     "funcionario no la acepta; cite al organismo o deje un hueco con su razón"),
    (r"dataset (?P<id>\S+): status " + _q("typed") + r" is stronger than its rows \((?P<rows>.*)\); a dataset's status "
     r"is its weakest row's",
     "conjunto de datos {id}: el tipo {typed} es más fuerte que el de sus filas ({rows}); el tipo de un conjunto de "
     "datos es el de su fila más débil"),
    (r"Spanish text names (?P<short>\S+) before spelling it out: write \"(?P<full>.+)\" at its first mention, the "
     r"short form after",
     "el texto en español nombra a {short} antes de escribir su nombre completo: escriba «{full}» la primera vez "
     "y la forma corta después"),
    (r"Spanish text uses " + _q("avoid") + r": the glossary says " + _q("use"),
     "el texto en español usa {avoid}: el glosario dice {use}"),
    (r"cannot read (?P<what>.+?): (?P<error>\w+): (?P<detail>.*)", "no se pudo leer {what}: {error}: {detail}"),
    # catalog.toml and sections (the bundled data; a copy of data/ checked with `data check`)
    (r"missing file: the data folder needs catalog\.toml \(version and sections\)",
     "falta un archivo: la carpeta de datos necesita catalog.toml (versión y secciones)"),
    (r"missing file: the U\.S\. tile-grid layout \(state,name,row,col\)",
     "falta un archivo: la cuadrícula de estados de EE. UU. (state,name,row,col)"),
    (r"missing 'version' \(the data version, e\.g\. \"(?P<v>.*)\"\)", "falta “version” (la versión de los datos, p. ej. “{v}”)"),
    (r"no \[\[section\]\] blocks: every fact names its section, defined here",
     "no hay bloques [[section]]: cada dato nombra su sección, que se define aquí"),
    (r"(?P<what>.+?): order " + _q("value") + r" must be a whole number", "{what}: order {value} debe ser un número entero"),
    (r"(?P<what>.+?): color " + _q("value") + r" must be #RRGGBB", "{what}: el color {value} debe escribirse #RRGGBB"),
    # charts (core/charts/build.py): "chart ID: …"
    (r"(?P<what>.+?): (?P<key>\w+) must be a table \((?P<example>.*)\)", "{what}: {key} debe ser una tabla ({example})"),
    (r"(?P<what>.+?): (?P<key>\w+) must be a list of categories", "{what}: {key} debe ser una lista de categorías"),
    (r"(?P<what>.+?): (?P<key>\w+) must be a list of series keys", "{what}: {key} debe ser una lista de claves de serie"),
    (r"(?P<what>.+?): (?P<key>\w+) must be a list of tables", "{what}: {key} debe ser una lista de tablas"),
    (r"(?P<what>.+?): unknown kind " + _q("value") + r" \(known: (?P<known>.*)\)",
     "{what}: tipo de gráfica desconocido {value} (conocidos: {known})"),
    (r"(?P<what>.+?): unknown dataset " + _q("value"), "{what}: conjunto de datos desconocido {value}"),
    (r"(?P<what>.+?): facts must be a list of fact ids", "{what}: facts debe ser una lista de identificadores de datos"),
    (r"(?P<what>.+?): unknown fact id " + _q("value"), "{what}: identificador de dato desconocido {value}"),
    (r"(?P<what>.+?): missing value (?P<cell>.+?) needs gap_reasons\.(?P<key>\".*?\") with the reason in both languages "
     r"\(en, es\); dataset note: (?P<note>.*)",
     "{what}: el valor que falta en {cell} necesita gap_reasons.{key} con la razón en los dos idiomas (en, es); "
     "nota del conjunto de datos: {note}"),
    (r"(?P<what>.+?): x must be 'category' or 'period', not " + _q("value"),
     "{what}: x debe ser 'category' o 'period', no {value}"),
    (r"(?P<what>.+?): series_from " + _q("value") + r" must be another dimension than x",
     "{what}: series_from {value} debe ser otra dimensión que x"),
    (r"(?P<what>.+?): unknown compute " + _q("value") + r" \(known: (?P<known>.*)\)",
     "{what}: cálculo desconocido {value} (conocidos: {known})"),
    (r"(?P<what>.+?): where\.(?P<dim>\w+) is needed: the dataset has several \((?P<values>.*)\)",
     "{what}: falta where.{dim}: el conjunto de datos tiene varios ({values})"),
    (r"(?P<what>.+?): categories and series must be lists", "{what}: categories y series deben ser listas"),
    (r"(?P<what>.+?): (?P<dim>category|series|period) " + _q("value") + r" not in dataset (?P<ds>\S+)",
     "{what}: {dim} {value} no está en el conjunto de datos {ds}"),
    (r"(?P<what>.+?): colour " + _q("value") + r" is not a palette name or #RRGGBB",
     "{what}: el color {value} no es un nombre de la paleta ni #RRGGBB"),
    (r"(?P<what>.+?): derived date base " + _q("value") + r" is not a category of the chart",
     "{what}: la fecha base {value} no es una categoría de la gráfica"),
    (r"(?P<what>.+?): dataset (?P<ds>\S+) has category " + _q("value") + r", not a state code",
     "{what}: el conjunto de datos {ds} tiene la categoría {value}, que no es un código de estado"),
    (r"(?P<what>.+?): state (?P<state>\S+) has no rows: gap_reasons needs (?P<a>\".*?\") or \"\*\" \(en, es\)",
     "{what}: el estado {state} no tiene filas: gap_reasons necesita {a} o \"*\" (en, es)"),
    (r"follow-on: chart (?P<id>\S+) not built: the rows of dataset (?P<ds>\S+) could not be read",
     "consecuencia: la gráfica {id} no se construyó: no se pudieron leer las filas del conjunto de datos {ds}"),
    (r"chart (?P<id>\S+): cannot build it: (?P<error>\w+): (?P<detail>.*)",
     "gráfica {id}: no se puede construir: {error}: {detail}"),
    # core/catalog/fact_figures.py: a fact's value against the figure its own words write
    (r"fact (?P<id>\S+): (?P<key>(?:title|text)_(?:en|es)): its value (?P<value>\S+) \((?P<unit>\w+)\) is not "
     r"the figure its text writes \((?P<shown>.*)\)",
     "dato {id}: {key}: su valor {value} ({unit}) no es la cifra que escribe su texto ({shown})"),
]

#: tomllib's messages (after "malformed TOML: ")
TOML_ES: list[tuple[str, str]] = [
    (r"Expected '=' after a key in a key/value pair", "se esperaba “=” después de una clave"),
    (r"Expected newline or end of document after a statement",
     "se esperaba un salto de línea o el fin del documento después de una instrucción"),
    (r"Invalid value", "valor no válido"),
    (r"Invalid statement", "instrucción no válida"),
    (r"Invalid initial character for a key part", "carácter inicial no válido en una clave"),
    (r"Unterminated string", "texto sin cerrar (faltan las comillas finales)"),
    (r"Unclosed array", "lista sin cerrar (falta “]”)"),
    (r"Unclosed inline table", "tabla en línea sin cerrar (falta “}}”)"),
    (r"Expected ']' at the end of a table declaration", "se esperaba “]” al final de la declaración de una tabla"),
    (r"Expected ']]' at the end of an array declaration", "se esperaba “]]” al final de la declaración de un bloque"),
    (r"Cannot overwrite a value", "no se puede sobrescribir un valor"),
    (r"Cannot declare (?P<key>.*) twice", "no se puede declarar {key} dos veces"),
    (r"Cannot redefine namespace (?P<key>.*)", "no se puede redefinir el espacio de nombres {key}"),
    (r"Cannot mutate immutable namespace (?P<key>.*)", "no se puede modificar el espacio de nombres inmutable {key}"),
    (r"Duplicate inline table key (?P<key>.*)", "clave repetida en una tabla en línea: {key}"),
    (r"Invalid date or datetime", "fecha u hora no válida"),
    (r"Invalid hex value", "valor hexadecimal no válido"),
    (r"Illegal character (?P<char>.*)", "carácter no permitido {char}"),
    (r"Found invalid character (?P<char>.*)", "se encontró un carácter no válido {char}"),
    (r"Unescaped '\\' in a string", "“\\” sin escapar dentro de un texto"),
    (r"Escaped character is not a Unicode scalar value", "el carácter escapado no es un valor Unicode"),
    (r"Expected (?P<expect>.*)", "se esperaba {expect}"),
]

_COMPILED: list[tuple[re.Pattern[str], str]] | None = None
_COMPILED_TOML: list[tuple[re.Pattern[str], str]] | None = None


def _patterns() -> tuple[list[tuple[re.Pattern[str], str]], list[tuple[re.Pattern[str], str]]]:
    global _COMPILED, _COMPILED_TOML
    if _COMPILED is None:  # compiled on first use: nothing at start-up pays for them
        _COMPILED = [(re.compile("^" + rx + "$", re.S), es) for rx, es in LOADER_PATTERNS]
        _COMPILED_TOML = [(re.compile("^" + rx + "$", re.S), es) for rx, es in TOML_ES]
    return _COMPILED, _COMPILED_TOML  # type: ignore[return-value]


def _quoted_es(value: str) -> str:
    """'x' / "x" (a repr) -> “x”; anything else unchanged."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return "“" + value[1:-1] + "”"
    return value


def _what_es(what: str) -> str:
    """'fact user.x' -> 'dato user.x'; 'fact user.x, source 2' -> 'dato user.x, fuente 2'."""
    parts = []
    for part in what.split(", "):
        head, _, rest = part.partition(" ")
        parts.append(f"{KIND_ES[head]} {rest}".strip() if head in KIND_ES else part)
    return ", ".join(parts)


def _loader_message(message: str, lang: str) -> str:
    if lang != "es":
        return message
    loader, toml = _patterns()
    for rx, es in loader:
        m = rx.match(message)
        if not m:
            continue
        groups = {k: v for k, v in m.groupdict().items() if v is not None}
        if "toml" in groups:
            groups["toml"] = _toml_es(groups["toml"])
        if "base" in groups:
            groups["base"] = _loader_message(groups["base"], lang)
        for key in ("what",):
            if key in groups:
                groups[key] = _what_es(groups[key])
        if "kind" in groups:
            groups["kind"] = KIND_ES.get(groups["kind"], groups["kind"])
        if "lang" in groups:
            groups["lang"] = {"English": "inglés", "Spanish": "español"}[groups["lang"]]
        for key, value in list(groups.items()):
            if key not in ("toml", "base", "what", "kind", "lang"):
                groups[key] = _quoted_es(value)
        return es.format(**groups)
    return _fill(_template("problem.untranslated", lang), {"message": message}, lang)


def _toml_es(detail: str) -> str:
    _, toml = _patterns()
    for rx, es in toml:
        m = rx.match(detail)
        if m:
            return es.format(**{k: _quoted_es(v) for k, v in m.groupdict().items() if v is not None})
    return detail


# --- why a pack file does not open (core.pack.packfile.PackFileError), given in Spanish ----------------
_TYPE_ES = {"true/false": "verdadero/falso", "a number": "un número", "a list": "una lista",
            "a group of fields": "un grupo de campos", "text": "texto", "nothing": "nada"}
_EXPECTED_ES = {"a number or nothing": "un número o nada", "a number": "un número", "a whole number": "un número entero",
                "a list": "una lista", "a group of fields": "un grupo de campos", "[row, column]": "[fila, columna]",
                "a copy (a group of fields)": "una copia (un grupo de campos)",
                "a source (a group of fields)": "una fuente (un grupo de campos)",
                "a series (a group of fields)": "una serie (un grupo de campos)",
                "a gap (a group of fields)": "un valor faltante (un grupo de campos)",
                "a fact's copy (a group of fields)": "la copia de un dato (un grupo de campos)"}
_KIND_ES = {"fact": "dato", "chart": "gráfica", "note": "nota", "divider": "separador"}
_DAMAGED = r"The pack file is damaged: "
_DAMAGED_ES = "El archivo del paquete está dañado: "

#: (regex on PackFileError's English text, Spanish template); {type} and {detail} are translated
PACK_PATTERNS: list[tuple[str, str]] = [
    (r"This is not a NAP Briefing pack \(\.napbrief\) file\.", "Este no es un archivo de paquete de NAP Briefing (.napbrief)."),
    (r"The pack file has no valid format version\.", "El archivo del paquete no tiene una versión de formato válida."),
    (r"This pack was saved by a newer version of NAP Briefing \(file format (?P<v>\d+); this version reads up to "
     r"(?P<max>\d+)\)\. Update the app to open it\.",
     "Este paquete se guardó con una versión más reciente de NAP Briefing (formato {v}; esta versión lee hasta el "
     "{max}). Actualice la aplicación para abrirlo."),
    (_DAMAGED + r"its item list is not a list\.", _DAMAGED_ES + "su lista de elementos no es una lista."),
    (_DAMAGED + r"item (?P<n>\d+) is not a fact, chart, note or divider\.",
     _DAMAGED_ES + "el elemento {n} no es un dato, una gráfica, una nota ni un separador."),
    (_DAMAGED + r"it is nested more than (?P<n>\d+) levels deep\.", _DAMAGED_ES + "tiene más de {n} niveles de anidamiento."),
    (_DAMAGED + r"meeting_date: (?P<shown>.*) is not a date \(YYYY-MM-DD, years (?P<a>\d+)–(?P<b>\d+)\)\.",
     _DAMAGED_ES + "meeting_date: {shown} no es una fecha (AAAA-MM-DD, años {a}–{b})."),
    (_DAMAGED + r"items: its item list is not a list \(got (?P<type>.*)\)\.",
     _DAMAGED_ES + "items: su lista de elementos no es una lista (hay {type})."),
    (_DAMAGED + r"items\[(?P<i>\d+)\]: item (?P<n>\d+) is not a fact, chart, note or divider \(got (?P<type>.*)\)\.",
     _DAMAGED_ES + "items[{i}]: el elemento {n} no es un dato, una gráfica, una nota ni un separador (hay {type})."),
    (_DAMAGED + r"(?P<where>.*): expected text, got (?P<type>.*)\.", _DAMAGED_ES + "{where}: se esperaba texto y hay {type}."),
    # an item's copy, field by field (core/pack/copycheck.py): the field's path, then what is wrong
    (_DAMAGED + r"(?P<where>.*): expected (?P<expected>a number or nothing|a number|a whole number|a list|"
     r"a group of fields|\[row, column\]|a (?:copy|source|series|gap|fact's copy) \(a group of fields\)), "
     r"got (?P<type>.*)\.", _DAMAGED_ES + "{where}: se esperaba {expected} y hay {type}."),
    (_DAMAGED + r"(?P<where>.*): (?P<value>\S+) is out of range \(at most (?P<most>\S+)\)\.",
     _DAMAGED_ES + "{where}: {value} está fuera del intervalo admitido (como máximo {most})."),
    (_DAMAGED + r"(?P<where>.*): (?P<value>.+) is out of range \((?P<low>-?\d+) to (?P<high>-?\d+)\)\.",
     _DAMAGED_ES + "{where}: {value} está fuera del intervalo admitido (de {low} a {high})."),
    (_DAMAGED + r"(?P<where>.*): has (?P<n>\d+) (?:label|labels) for (?P<m>\d+) (?:category|categories)\.",
     _DAMAGED_ES + "{where}: tiene {n} etiqueta(s) para {m} categoría(s)."),
    (_DAMAGED + r"(?P<where>.*): has (?P<n>\d+) (?:value|values) for (?P<m>\d+) (?:category|categories)\.",
     _DAMAGED_ES + "{where}: tiene {n} valor(es) para {m} categoría(s)."),
    (_DAMAGED + r"(?P<where>.*): (?P<shown>.*) is not a colour \(#RRGGBB\)\.",
     _DAMAGED_ES + "{where}: {shown} no es un color (#RRGGBB)."),
    (_DAMAGED + r"(?P<where>.*): expected a colour \(#RRGGBB\), got (?P<type>.*)\.",
     _DAMAGED_ES + "{where}: se esperaba un color (#RRGGBB) y hay {type}."),
    (_DAMAGED + r"(?P<where>.*): is empty: a chart's copy holds at least one (?P<what>category|series)\.",
     _DAMAGED_ES + "{where}: está vacío; la copia de una gráfica tiene al menos una categoría y una serie."),
    (_DAMAGED + r"(?P<where>.*): missing: a chart's copy holds its spec\.",
     _DAMAGED_ES + "{where}: falta; la copia de una gráfica contiene su especificación."),
    (_DAMAGED + r"(?P<where>.*): a copy of a (?P<a>fact|chart|note|divider) on a (?P<b>fact|chart) item\.",
     _DAMAGED_ES + "{where}: una copia de tipo {a} en un elemento de tipo {b}."),
    (_DAMAGED + r"it holds a number with (?P<n>\d+) digits\.", _DAMAGED_ES + "contiene un número de {n} dígitos."),
    (_DAMAGED + r"it holds a number (?P<n>\d+) characters long\.", _DAMAGED_ES + "contiene un número de {n} caracteres."),
    (_DAMAGED + r"it holds a number too large to use\.", _DAMAGED_ES + "contiene un número demasiado grande para usarse."),
    (_DAMAGED + r"(?P<name>.*) is not a number a pack can hold\.",
     _DAMAGED_ES + "{name} no es un número que un paquete pueda contener."),
    (r"Cannot read (?P<name>.*): it is a folder, not a pack file\.",
     "No se puede leer {name}: es una carpeta, no un archivo de paquete."),
    (r"Cannot read (?P<name>.*): it is not a regular file \(it is a device, pipe or socket\); packs are opened only "
     r"from ordinary files\.",
     "No se puede leer {name}: no es un archivo normal (es un dispositivo, una tubería o un socket); los paquetes "
     "solo se abren desde archivos normales."),
    (r"Cannot read (?P<name>.*): (?P<reason>.*)\.", "No se puede leer {name}: {reason}."),
    (r"(?P<name>.*) is too large to be a pack \((?P<n>[\d,]+) MB; packs are at most (?P<m>[\d,]+) MB\)\.",
     "{name} es demasiado grande para ser un paquete ({n} MB; un paquete tiene como máximo {m} MB)."),
    (r"(?P<name>.*) is too large to be a pack \(over (?P<m>[\d,]+) MB\)\.",
     "{name} es demasiado grande para ser un paquete (más de {m} MB)."),
    (r"(?P<name>.*) is not a regular file; packs are opened only from ordinary files\.",
     "{name} no es un archivo normal; los paquetes solo se abren desde archivos normales."),
    (r"(?P<name>.*) is not a pack file \(it is not UTF-8 text\)\.",
     "{name} no es un archivo de paquete (no es texto UTF-8)."),
    (r"(?P<name>.*) is damaged: it is nested more than (?P<n>\d+) levels deep\.",
     "{name} está dañado: tiene más de {n} niveles de anidamiento."),
    (r"(?P<name>.*) is damaged or incomplete \(line (?P<line>\d+): (?P<detail>.*)\); nothing was changed\.",
     "{name} está dañado o incompleto (línea {line}: {detail}); no se cambió nada."),
    (r"(?P<name>.*) is damaged: it holds a number too large to use\.",
     "{name} está dañado: contiene un número demasiado grande para usarse."),
]

#: the JSON reader's own words (after "line N: ")
JSON_ES: list[tuple[str, str]] = [
    (r"Expecting value", "se esperaba un valor"),
    (r"Expecting ',' delimiter", "se esperaba una coma"),
    (r"Expecting ':' delimiter", "se esperaban dos puntos"),
    (r"Expecting property name enclosed in double quotes", "se esperaba un nombre de campo entre comillas dobles"),
    (r"Unterminated string starting at", "texto sin cerrar"),
    (r"Invalid control character at", "carácter de control no válido"),
    (r"Invalid \\escape", "secuencia de escape no válida"),
    (r"Extra data", "hay datos de más después del final"),
]


def render_pack_error(error: Any, lang: str = "en") -> str:
    """Why a pack does not open (a PackFileError or its text), in ``lang``; English is the text itself."""
    text = str(error)
    if lang != "es":
        return text
    for rx, es in PACK_PATTERNS:
        m = re.fullmatch(rx, text, re.S)
        if m:
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            if "type" in groups:
                groups["type"] = _TYPE_ES.get(groups["type"], groups["type"])
            if "detail" in groups:
                groups["detail"] = next((j_es for j_rx, j_es in JSON_ES if re.match(j_rx, groups["detail"])),
                                        groups["detail"])
            if "shown" in groups:
                groups["shown"] = _quoted_es(groups["shown"])
            if "expected" in groups:
                groups["expected"] = _EXPECTED_ES.get(groups["expected"], groups["expected"])
            for key in ("a", "b"):
                if key in groups:
                    groups[key] = _KIND_ES.get(groups[key], groups[key])
            return es.format(**groups)
    return _fill(_template("problem.untranslated", lang), {"message": text}, lang)
