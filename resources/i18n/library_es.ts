<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX" sourcelanguage="en">
<context>
    <name>FactEditor</name>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elija…</translation>
    </message>
    <message>
        <source>Statement (&amp;English)</source>
        <translation>Enunciado (&amp;inglés)</translation>
    </message>
    <message>
        <source>Statement (&amp;Spanish)</source>
        <translation>Enunciado (&amp;español)</translation>
    </message>
    <message>
        <source>Headline &amp;value</source>
        <translation>&amp;Cifra principal</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>&amp;Periodo</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Países</translation>
    </message>
    <message>
        <source>Sectio&amp;n</source>
        <translation>Secció&amp;n</translation>
    </message>
    <message>
        <source>Spanish may be left empty: Spanish outputs then show the English text, marked as untranslated.</source>
        <translation>El español puede quedar vacío: entonces los documentos en español muestran el texto en inglés, marcado como sin traducir.</translation>
    </message>
    <message>
        <source>One sentence with the figure, e.g. Mexico bought USD 1.2 billion of our state's exports in 2025.</source>
        <translation>Una oración con la cifra, p. ej., México compró 1.2 mil millones de dólares de las exportaciones de nuestro estado en 2025.</translation>
    </message>
    <message>
        <source>The same sentence in Spanish (optional)</source>
        <translation>La misma oración en español (opcional)</translation>
    </message>
    <message>
        <source>Choose a section…</source>
        <translation>Elija una sección…</translation>
    </message>
    <message>
        <source>Sources (at least one)</source>
        <translation>Fuentes (al menos una)</translation>
    </message>
    <message>
        <source>&amp;Add this source</source>
        <translation>&amp;Agregar esta fuente</translation>
    </message>
    <message>
        <source>&amp;Remove source</source>
        <translation>&amp;Quitar fuente</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>&amp;Publisher</source>
        <translation>&amp;Organismo o editor</translation>
    </message>
    <message>
        <source>T&amp;itle</source>
        <translation>T&amp;ítulo</translation>
    </message>
    <message>
        <source>&amp;URL</source>
        <translation>&amp;URL</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>&amp;Tipo de fuente</translation>
    </message>
    <message>
        <source>the source's publisher</source>
        <translation>el organismo o editor de la fuente</translation>
    </message>
    <message>
        <source>the source's title</source>
        <translation>el título de la fuente</translation>
    </message>
    <message>
        <source>the source's URL</source>
        <translation>la URL de la fuente</translation>
    </message>
    <message>
        <source>the source's date</source>
        <translation>la fecha de la fuente</translation>
    </message>
    <message>
        <source>the source's status</source>
        <translation>el tipo de fuente (oficial, informe o secundaria)</translation>
    </message>
    <message>
        <source>the statement in English</source>
        <translation>el enunciado en inglés</translation>
    </message>
    <message>
        <source>a section</source>
        <translation>una sección</translation>
    </message>
    <message>
        <source>New fact</source>
        <translation>Nuevo dato</translation>
    </message>
    <message>
        <source>Edit fact</source>
        <translation>Editar dato</translation>
    </message>
    <message>
        <source>a source URL that starts with https:// and names the table or release</source>
        <translation>una URL de la fuente que empiece con https:// y lleve al cuadro o la publicación</translation>
    </message>
    <message>
        <source>a headline value written as a number (1,234.5)</source>
        <translation>una cifra principal escrita como número (1,234.5)</translation>
    </message>
    <message>
        <source>the unit of the headline value</source>
        <translation>la unidad de la cifra principal</translation>
    </message>
    <message>
        <source>the period of the headline value</source>
        <translation>el periodo de la cifra principal</translation>
    </message>
    <message>
        <source>at least one source (publisher, title, URL, date and status)</source>
        <translation>al menos una fuente (editor, título, URL, fecha y tipo)</translation>
    </message>
    <message>
        <source>Still needed: %1.</source>
        <translation>Hace falta: %1.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>the header row has an empty column name (column %n)</source>
        <translation>la fila de encabezado tiene una columna sin nombre (columna %n)</translation>
    </message>
    <message>
        <source>column name %name appears twice in the header</source>
        <translation>el nombre de columna %name aparece dos veces en el encabezado</translation>
    </message>
    <message>
        <source>category %name appears twice (first in row %first)</source>
        <translation>la categoría %name aparece dos veces (primero en la fila %first)</translation>
    </message>
    <message>
        <source>a row with numbers has no category in the first column</source>
        <translation>una fila con números no tiene categoría en la primera columna</translation>
    </message>
    <message>
        <source>%text is not a number</source>
        <translation>%text no es un número</translation>
    </message>
    <message>
        <source>%text uses decimal commas but other cells use decimal points (mixed styles)</source>
        <translation>%text usa coma decimal, pero otras celdas usan punto decimal (estilos mezclados)</translation>
    </message>
    <message>
        <source>%text uses a decimal comma: confirm above that the table uses decimal commas</source>
        <translation>%text usa coma decimal: confirme arriba que la tabla usa coma decimal</translation>
    </message>
    <message>
        <source>the table needs a category column and at least one series column</source>
        <translation>la tabla necesita una columna de categorías y al menos una columna de series</translation>
    </message>
    <message>
        <source>the table has a header but no rows</source>
        <translation>la tabla tiene encabezado pero no tiene filas</translation>
    </message>
    <message>
        <source>Import a CSV file</source>
        <translation>Importar un archivo CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>Archivos CSV (*.csv *.txt)</translation>
    </message>
    <message>
        <source>Import an Excel sheet</source>
        <translation>Importar una hoja de Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Libros de Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Pasted cells</source>
        <translation>Celdas pegadas</translation>
    </message>
    <message>
        <source>Import a table</source>
        <translation>Importar una tabla</translation>
    </message>
    <message>
        <source>CSV &amp;file…</source>
        <translation>&amp;Archivo CSV…</translation>
    </message>
    <message>
        <source>E&amp;xcel sheet…</source>
        <translation>Hoja de E&amp;xcel…</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Hoja:</translation>
    </message>
    <message>
        <source>&amp;Paste (Ctrl+V)</source>
        <translation>&amp;Pegar (Ctrl+V)</translation>
    </message>
    <message>
        <source>This table seems to write decimals with a comma (1.234,5). How are its numbers written?</source>
        <translation>Esta tabla parece escribir los decimales con coma (1.234,5). ¿Cómo están escritos sus números?</translation>
    </message>
    <message>
        <source>1,234.5 (decimal point)</source>
        <translation>1,234.5 (punto decimal)</translation>
    </message>
    <message>
        <source>1.234,5 (decimal comma)</source>
        <translation>1.234,5 (coma decimal)</translation>
    </message>
    <message>
        <source>Categories in rows, series in columns</source>
        <translation>Categorías en filas, series en columnas</translation>
    </message>
    <message>
        <source>Categories in columns, series in rows (transpose)</source>
        <translation>Categorías en columnas, series en filas (transponer)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elija…</translation>
    </message>
    <message>
        <source>Optional: Spanish outputs show the English title, marked untranslated</source>
        <translation>Opcional: los documentos en español muestran el título en inglés, marcado como sin traducir</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>The clipboard holds no cells. Copy a range in Excel or LibreOffice, then press Ctrl+V here.</source>
        <translation>El portapapeles no contiene celdas. Copie un rango en Excel o LibreOffice y luego presione Ctrl+V aquí.</translation>
    </message>
    <message>
        <source>a table (CSV, Excel sheet or Ctrl+V)</source>
        <translation>una tabla (CSV, hoja de Excel o Ctrl+V)</translation>
    </message>
    <message>
        <source>your answer on decimal commas</source>
        <translation>su respuesta sobre la coma decimal</translation>
    </message>
    <message>
        <source>a title in English</source>
        <translation>un título en inglés</translation>
    </message>
    <message>
        <source>the unit</source>
        <translation>la unidad</translation>
    </message>
    <message>
        <source>Choose a file, or copy cells in Excel or LibreOffice and press Ctrl+V.</source>
        <translation>Elija un archivo, o copie celdas en Excel o LibreOffice y presione Ctrl+V.</translation>
    </message>
    <message>
        <source>Title (&amp;English)</source>
        <translation>Título (&amp;inglés)</translation>
    </message>
    <message>
        <source>Title (Spa&amp;nish)</source>
        <translation>Título (espa&amp;ñol)</translation>
    </message>
    <message>
        <source>&amp;Layout</source>
        <translation>&amp;Disposición</translation>
    </message>
    <message>
        <source>&amp;Chart</source>
        <translation>&amp;Gráfica</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>&amp;Unidad</translation>
    </message>
    <message>
        <source>P&amp;eriod</source>
        <translation>P&amp;eriodo</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>Fila %1</translation>
    </message>
    <message>
        <source>column “%1”</source>
        <translation>columna “%1”</translation>
    </message>
    <message>
        <source>The table could not be read.</source>
        <translation>No se pudo leer la tabla.</translation>
    </message>
    <message>
        <source>a table without bad cells (fix them in the file and import it again)</source>
        <translation>una tabla sin celdas erróneas (corríjalas en el archivo e impórtelo de nuevo)</translation>
    </message>
    <message>
        <source>1 cell needs fixing:</source>
        <translation>1 celda necesita corrección:</translation>
    </message>
    <message>
        <source>Still needed: %1.</source>
        <translation>Hace falta: %1.</translation>
    </message>
    <message>
        <source>“%1” could not be read as a UTF-8 CSV file.</source>
        <translation>No se pudo leer “%1” como archivo CSV UTF-8.</translation>
    </message>
    <message>
        <source>“%1” could not be read as an Excel workbook.</source>
        <translation>No se pudo leer “%1” como libro de Excel.</translation>
    </message>
    <message>
        <source>%n cells need fixing:</source>
        <translation>%n celdas necesitan corrección:</translation>
    </message>
</context>
<context>
    <name>PackUpdatesDialog</name>
    <message>
        <source>In the pack (its copy)</source>
        <translation>En el paquete (su copia)</translation>
    </message>
    <message>
        <source>In the catalog now</source>
        <translation>En el catálogo ahora</translation>
    </message>
    <message>
        <source>Keep copy</source>
        <translation>Conservar copia</translation>
    </message>
    <message>
        <source>Take update</source>
        <translation>Tomar actualización</translation>
    </message>
    <message>
        <source>Items in this pack have changed</source>
        <translation>Hay elementos de este paquete que cambiaron</translation>
    </message>
    <message>
        <source>Take all updates</source>
        <translation>Tomar todas las actualizaciones</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Update taken</source>
        <translation>Actualización tomada</translation>
    </message>
    <message>
        <source>The pack keeps its copy</source>
        <translation>El paquete conserva su copia</translation>
    </message>
    <message>
        <source>The pack keeps showing its copy until you take an update.</source>
        <translation>El paquete sigue mostrando su copia hasta que usted tome una actualización.</translation>
    </message>
    <message>
        <source>1 item in this pack has changed in the catalog since it was added.</source>
        <translation>1 elemento de este paquete cambió en el catálogo desde que se agregó.</translation>
    </message>
    <message>
        <source>%n items in this pack have changed in the catalog since they were added.</source>
        <translation>%n elementos de este paquete cambiaron en el catálogo desde que se agregaron.</translation>
    </message>
</context>
<context>
    <name>LibraryController</name>
    <message>
        <source>New &amp;fact…</source>
        <translation>Nuevo &amp;dato…</translation>
    </message>
    <message>
        <source>Add one of your own figures, with its source, to your library</source>
        <translation>Agregar una cifra propia, con su fuente, a su biblioteca</translation>
    </message>
    <message>
        <source>&amp;Import table…</source>
        <translation>&amp;Importar tabla…</translation>
    </message>
    <message>
        <source>Make a chart from a CSV file, an Excel sheet or pasted cells</source>
        <translation>Crear una gráfica a partir de un archivo CSV, una hoja de Excel o celdas pegadas</translation>
    </message>
    <message>
        <source>Edit &amp;your fact…</source>
        <translation>Editar &amp;su dato…</translation>
    </message>
    <message>
        <source>De&amp;lete your fact…</source>
        <translation>E&amp;liminar su dato…</translation>
    </message>
    <message>
        <source>Delete your fact?</source>
        <translation>¿Eliminar su dato?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Conservar</translation>
    </message>
    <message>
        <source>Your library did not load</source>
        <translation>Su biblioteca no se cargó</translation>
    </message>
    <message>
        <source>Only your own facts can be edited or deleted: select one of the cards marked “Yours”.</source>
        <translation>Solo se pueden editar o eliminar sus propios datos: seleccione una de las tarjetas marcadas “Propio”.</translation>
    </message>
    <message>
        <source>Delete “%1” from your library?</source>
        <translation>¿Eliminar “%1” de su biblioteca?</translation>
    </message>
    <message>
        <source>The open pack uses this fact. The pack keeps its own copy, so its slides do not change.</source>
        <translation>El paquete abierto usa este dato. El paquete conserva su propia copia, así que sus diapositivas no cambian.</translation>
    </message>
    <message>
        <source>Your fact was not saved</source>
        <translation>Su dato no se guardó</translation>
    </message>
    <message>
        <source>Saved to your library: %1</source>
        <translation>Guardado en su biblioteca: %1</translation>
    </message>
    <message>
        <source>Your fact was not deleted</source>
        <translation>Su dato no se eliminó</translation>
    </message>
    <message>
        <source>The table was not saved</source>
        <translation>La tabla no se guardó</translation>
    </message>
    <message>
        <source>The window shows the bundled catalog. Your library folder %1 has not been changed; fix these problems and restart:</source>
        <translation>La ventana muestra el catálogo incluido. Su carpeta de biblioteca %1 no se modificó; corrija estos problemas y reinicie:</translation>
    </message>
</context>
<context>
    <name>FactCardWidget</name>
    <message>
        <source>Yours</source>
        <translation>Propio</translation>
    </message>
    <message>
        <source>Yours · untranslated</source>
        <translation>Propio · sin traducir</translation>
    </message>
    <message>
        <source>A fact from your own library</source>
        <translation>Un dato de su propia biblioteca</translation>
    </message>
</context>
</TS>
