<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX" sourcelanguage="en">
<context>
    <name>AppliedUpdatesDialog</name>
    <message>
        <source>Applied data updates</source>
        <translation>Actualizaciones de datos aplicadas</translation>
    </message>
    <message>
        <source>Each update holds rows read from an agency&apos;s file, over the bundled data (which is never changed). Removing one brings back the figures it replaced, exactly.</source>
        <translation>Cada actualización contiene filas leídas del archivo de un organismo, sobre los datos incluidos (que nunca se modifican). Al retirar una, vuelven exactamente las cifras que reemplazó.</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Actualización</translation>
    </message>
    <message>
        <source>Read on</source>
        <translation>Leída el</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <source>Rows and datasets</source>
        <translation>Filas y conjuntos de datos</translation>
    </message>
    <message>
        <source>&amp;Remove update</source>
        <translation>&amp;Retirar actualización</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>Browse</name>
    <message>
        <source>&amp;Facts</source>
        <translation>&amp;Datos</translation>
    </message>
    <message>
        <source>Show the fact cards (%1)</source>
        <translation>Mostrar las fichas de datos (%1)</translation>
    </message>
    <message>
        <source>&amp;Charts</source>
        <translation>&amp;Gráficas</translation>
    </message>
    <message>
        <source>&amp;Sources</source>
        <translation>&amp;Fuentes</translation>
    </message>
    <message>
        <source>Charts  (%1)</source>
        <translation>Gráficas  (%1)</translation>
    </message>
    <message>
        <source>Every chart, including those no fact links to and the report charts that are not available (%1)</source>
        <translation>Todas las gráficas, incluidas aquellas a las que no remite ningún dato y las gráficas del informe que no están disponibles (%1)</translation>
    </message>
    <message>
        <source>Sources  (%1)</source>
        <translation>Fuentes  (%1)</translation>
    </message>
    <message>
        <source>Every source with its status, and the facts and charts that use it (%1)</source>
        <translation>Todas las fuentes con su estatus, y los datos y gráficas que las usan (%1)</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <source>Show chart</source>
        <translation>Ver gráfica</translation>
    </message>
    <message>
        <source>Show table</source>
        <translation>Ver tabla</translation>
    </message>
    <message>
        <source>Switch between the chart and the same data as a table</source>
        <translation>Alternar entre la gráfica y los mismos datos en una tabla</translation>
    </message>
    <message>
        <source>Copy data</source>
        <translation>Copiar datos</translation>
    </message>
    <message>
        <source>North America</source>
        <translation>América del Norte</translation>
    </message>
    <message>
        <source>Rest of the world</source>
        <translation>Resto del mundo</translation>
    </message>
    <message>
        <source>No date for:</source>
        <translation>Sin fecha para:</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Sin datos</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>no value published</source>
        <translation>no se publicó el valor</translation>
    </message>
    <message>
        <source>Missing values (never estimated):</source>
        <translation>Valores faltantes (nunca se estiman):</translation>
    </message>
    <message>
        <source>Unit: %1</source>
        <translation>Unidad: %1</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Copy the title, unit, data and source line (the table pastes into Excel as cells)</source>
        <translation>Copiar el título, la unidad, los datos y la línea de la fuente (la tabla se pega en Excel como celdas)</translation>
    </message>
</context>
<context>
    <name>ChartsBrowser</name>
    <message>
        <source>Line</source>
        <translation>Líneas</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columnas</translation>
    </message>
    <message>
        <source>Bars</source>
        <translation>Barras</translation>
    </message>
    <message>
        <source>Grouped bars</source>
        <translation>Barras agrupadas</translation>
    </message>
    <message>
        <source>Stacked bars</source>
        <translation>Barras apiladas</translation>
    </message>
    <message>
        <source>Diverging bars</source>
        <translation>Barras divergentes</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>Participaciones</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Línea de tiempo</translation>
    </message>
    <message>
        <source>Map of states</source>
        <translation>Mapa de estados</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Cuadro</translation>
    </message>
    <message>
        <source>1 fact</source>
        <translation>1 dato</translation>
    </message>
    <message>
        <source>%n facts</source>
        <translation>%n datos</translation>
    </message>
    <message>
        <source>1 chart</source>
        <translation>1 gráfica</translation>
    </message>
    <message>
        <source>%n charts</source>
        <translation>%n gráficas</translation>
    </message>
    <message>
        <source>Other charts</source>
        <translation>Otras gráficas</translation>
    </message>
    <message>
        <source>Not available</source>
        <extracomment>narrower than this, the list shows one column: the title with kind, period and facts under it</extracomment>
        <translation>No disponible</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>Suya</translation>
    </message>
    <message>
        <source>Bundled</source>
        <translation>Incluida</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Gráficas</translation>
    </message>
    <message>
        <source>Filter charts: title, kind, section, year, source — English or Spanish</source>
        <translation>Filtrar gráficas: título, tipo, sección, año, fuente — en español o inglés</translation>
    </message>
    <message>
        <source>Accents and capitals do not matter</source>
        <translation>No importan los acentos ni las mayúsculas</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Gráfica</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>Datos</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>How many facts link to the chart</source>
        <translation>Cuántos datos remiten a la gráfica</translation>
    </message>
    <message>
        <source>Open chart</source>
        <translation>Abrir gráfica</translation>
    </message>
    <message>
        <source>Show the chart full size (Enter or a double click)</source>
        <translation>Mostrar la gráfica en tamaño completo (Intro o doble clic)</translation>
    </message>
    <message>
        <source>+ Add chart to pack</source>
        <translation>+ Agregar gráfica al paquete</translation>
    </message>
    <message>
        <source>Add the chart as its own slide in the briefing pack (Ctrl+D). You can also drag charts from the list into the pack.</source>
        <translation>Agregar la gráfica como diapositiva propia en el paquete informativo (Ctrl+D). También puede arrastrar gráficas de la lista al paquete.</translation>
    </message>
    <message>
        <source>Double-click or Enter opens a chart; Ctrl+D adds it to the pack; drag charts into the pack</source>
        <translation>Doble clic o Intro abre una gráfica; Ctrl+D la agrega al paquete; arrastre gráficas al paquete</translation>
    </message>
    <message>
        <source>%1 of %2 charts (%3 not available)</source>
        <translation>%1 de %2 gráficas (%3 no disponibles)</translation>
    </message>
    <message>
        <source>Sources: %1</source>
        <translation>Fuentes: %1</translation>
    </message>
    <message>
        <source>This chart cannot be added: %1</source>
        <translation>Esta gráfica no se puede agregar: %1</translation>
    </message>
    <message>
        <source>Back to the list of charts (Esc)</source>
        <translation>Volver a la lista de gráficas (Esc)</translation>
    </message>
    <message>
        <source>Facts this report chart illustrates (double-click to open, Ctrl+D adds the fact)</source>
        <translation>Datos que ilustra esta gráfica del informe (doble clic para abrir; Ctrl+D agrega el dato)</translation>
    </message>
    <message>
        <source>Facts that link to this chart (double-click to open, Ctrl+D adds the fact)</source>
        <translation>Datos que remiten a esta gráfica (doble clic para abrir; Ctrl+D agrega el dato)</translation>
    </message>
    <message>
        <source>No fact links to this chart: it is reachable only from here.</source>
        <translation>Ningún dato remite a esta gráfica: solo se llega a ella desde aquí.</translation>
    </message>
    <message>
        <source>This chart is not available: %1</source>
        <translation>Esta gráfica no está disponible: %1</translation>
    </message>
    <message>
        <source>Select a chart first.</source>
        <translation>Primero seleccione una gráfica.</translation>
    </message>
    <message>
        <source>← Back to the charts</source>
        <extracomment>kind names in both languages, for the filter (the UI shows the translated one)</extracomment>
        <translation>← Volver a las gráficas</translation>
    </message>
    <message>
        <source>Add the chart as its own slide in the briefing pack (Ctrl+D)</source>
        <translation>Agregar la gráfica como diapositiva propia en el paquete informativo (Ctrl+D)</translation>
    </message>
    <message>
        <source>Facts that link to this chart</source>
        <translation>Datos que remiten a esta gráfica</translation>
    </message>
    <message>
        <source>No fact links to this chart: it is reachable only from the Charts view.</source>
        <translation>Ningún dato remite a esta gráfica: solo se llega a ella desde la vista Gráficas.</translation>
    </message>
</context>
<context>
    <name>DetailView</name>
    <message>
        <source>Copy link</source>
        <translation>Copiar enlace</translation>
    </message>
    <message>
        <source>Copy the address to the clipboard (the app never opens links)</source>
        <translation>Copiar la dirección al portapapeles (la aplicación nunca abre enlaces)</translation>
    </message>
    <message>
        <source>Period: %1</source>
        <translation>Periodo: %1</translation>
    </message>
    <message>
        <source>← Back to the facts</source>
        <translation>← Volver a los datos</translation>
    </message>
    <message>
        <source>Back to the fact cards (Esc)</source>
        <translation>Volver a las fichas de datos (Esc)</translation>
    </message>
    <message>
        <source>+ Add fact to pack</source>
        <translation>+ Agregar dato al paquete</translation>
    </message>
    <message>
        <source>Add this fact to the briefing pack (Ctrl+D)</source>
        <translation>Agregar este dato al paquete informativo (Ctrl+D)</translation>
    </message>
    <message>
        <source>+ Add chart to pack</source>
        <translation>+ Agregar gráfica al paquete</translation>
    </message>
    <message>
        <source>Add this chart as its own slide in the briefing pack</source>
        <translation>Agregar esta gráfica como diapositiva propia en el paquete informativo</translation>
    </message>
    <message>
        <source>Notes and caveats</source>
        <translation>Notas y advertencias</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
</context>
<context>
    <name>DialogGuard</name>
    <message>
        <source>Discard your changes?</source>
        <translation>¿Descartar los cambios?</translation>
    </message>
    <message>
        <source>What you typed in this dialog has not been saved.</source>
        <translation>Lo que escribió en este cuadro de diálogo no se ha guardado.</translation>
    </message>
    <message>
        <source>Discard it, or go back and keep editing?</source>
        <translation>¿Descartarlo, o volver y seguir editando?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Seguir editando</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export briefing</source>
        <translation>Exportar el paquete</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Formats</source>
        <translation>Formatos</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Nombre del archivo</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>Exportar a la carpeta</translation>
    </message>
    <message>
        <source>Replace files?</source>
        <translation>¿Reemplazar los archivos?</translation>
    </message>
    <message>
        <source>These files already exist and will be replaced:</source>
        <translation>Estos archivos ya existen y se reemplazarán:</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>No se pudo exportar</translation>
    </message>
    <message>
        <source>The folder {0} does not exist.</source>
        <translation>La carpeta {0} no existe.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <source>The export stopped with an unexpected error: {0}</source>
        <translation>La exportación se detuvo por un error inesperado: {0}</translation>
    </message>
    <message>
        <source>Writes: %1</source>
        <translation>Se escribirá: %1</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>Abrir el archivo</translation>
    </message>
    <message>
        <source>Show folder</source>
        <translation>Mostrar la carpeta</translation>
    </message>
    <message>
        <source>Saved %1 in %2</source>
        <translation>Guardado en %2: %1</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>Carta (EE. UU.)</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Print the talking points on the handout</source>
        <translation>Imprimir los puntos para la conversación en la hoja</translation>
    </message>
    <message>
        <source>Use a PowerPoint template…</source>
        <translation>Usar una plantilla de PowerPoint…</translation>
    </message>
    <message>
        <source>Use ours</source>
        <translation>Usar la nuestra</translation>
    </message>
    <message>
        <source>Handout</source>
        <translation>Hoja informativa</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>Choose a PowerPoint template</source>
        <translation>Elija una plantilla de PowerPoint</translation>
    </message>
    <message>
        <source>PowerPoint templates (*.pptx *.potx)</source>
        <translation>Plantillas de PowerPoint (*.pptx *.potx)</translation>
    </message>
    <message>
        <source>NAP Briefing&apos;s own</source>
        <translation>La de NAP Briefing</translation>
    </message>
    <message>
        <source>One item has no Spanish text yet: %2. The Spanish files show its English text marked %3.</source>
        <translation>Un elemento aún no tiene texto en español: %2. Los archivos en español muestran su texto en inglés marcado %3.</translation>
    </message>
    <message>
        <source>%1 items have no Spanish text yet: %2. The Spanish files show their English text marked %3.</source>
        <translation>%1 elementos aún no tienen texto en español: %2. Los archivos en español muestran su texto en inglés marcado %3.</translation>
    </message>
</context>
<context>
    <name>FactCardWidget</name>
    <message>
        <source>✓ In the pack</source>
        <translation>✓ En el paquete</translation>
    </message>
    <message>
        <source>This fact is already in the briefing pack</source>
        <translation>Este dato ya está en el paquete informativo</translation>
    </message>
    <message>
        <source>+ Add to pack</source>
        <translation>+ Agregar al paquete</translation>
    </message>
    <message>
        <source>Add this fact to the briefing pack (Space or Ctrl+D)</source>
        <translation>Agregar este dato al paquete informativo (Espacio o Ctrl+D)</translation>
    </message>
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
<context>
    <name>FactCards</name>
    <message>
        <source>Matched in the Spanish text</source>
        <extracomment>How a matched word is marked in a card&apos;s rich text (the test of the highlight looks for it).</extracomment>
        <translation>Coincide en el texto en español</translation>
    </message>
    <message>
        <source>Matched in the English text</source>
        <translation>Coincide en el texto en inglés</translation>
    </message>
    <message>
        <source>the English text</source>
        <translation>el texto en inglés</translation>
    </message>
    <message>
        <source>the Spanish text</source>
        <translation>el texto en español</translation>
    </message>
    <message>
        <source>the note</source>
        <translation>la nota</translation>
    </message>
    <message>
        <source>source</source>
        <translation>fuente</translation>
    </message>
    <message>
        <source>country</source>
        <translation>país</translation>
    </message>
    <message>
        <source>section</source>
        <translation>sección</translation>
    </message>
    <message>
        <source>topic</source>
        <translation>tema</translation>
    </message>
    <message>
        <source>period</source>
        <translation>periodo</translation>
    </message>
    <message>
        <source>fact id</source>
        <translation>identificador del dato</translation>
    </message>
    <message>
        <source>Matched in: %1</source>
        <translation>Coincide en: %1</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>&amp;Add to pack</source>
        <translation>A&amp;gregar al paquete</translation>
    </message>
    <message>
        <source>&amp;Remove from pack</source>
        <translation>&amp;Quitar del paquete</translation>
    </message>
    <message>
        <source>&amp;Copy with citation</source>
        <translation>&amp;Copiar con la cita</translation>
    </message>
    <message>
        <source>Open c&amp;hart</source>
        <translation>Abrir la &amp;gráfica</translation>
    </message>
    <message>
        <source>Removed from the briefing pack.</source>
        <translation>Se quitó del paquete informativo.</translation>
    </message>
</context>
<context>
    <name>FactEditor</name>
    <message>
        <source>Source</source>
        <extracomment>Country codes offered as check boxes, North America first.</extracomment>
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
        <source>One sentence with the figure, e.g. Mexico bought USD 1.2 billion of our state&apos;s exports in 2025.</source>
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
        <source>the source&apos;s publisher</source>
        <translation>el organismo o editor de la fuente</translation>
    </message>
    <message>
        <source>the source&apos;s title</source>
        <translation>el título de la fuente</translation>
    </message>
    <message>
        <source>the source&apos;s URL</source>
        <translation>la URL de la fuente</translation>
    </message>
    <message>
        <source>the source&apos;s date</source>
        <translation>la fecha de la fuente</translation>
    </message>
    <message>
        <source>the source&apos;s status</source>
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
        <extracomment>called on Save once the dialog is complete; the dialog closes only when it returns true, so a fact the library refuses stays in the dialog, as typed, next to the message that says why</extracomment>
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
    <name>FileController</name>
    <message>
        <source>Open briefing pack</source>
        <extracomment>One recovery file per running instance, each guarded by a QLockFile held while the instance runs. Our temp files (core.pack.packfile: .~nap-*.tmp) older than this are left by killed saves. Changes are written to the recovery file this soon after they happen (typing is coalesced). (path, (mtime_ns, size), sha256) of the pack file as last opened or saved</extracomment>
        <translation>Abrir paquete informativo</translation>
    </message>
    <message>
        <source>Save briefing pack</source>
        <translation>Guardar paquete informativo</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>The pack “%1” has changes that are not saved.</source>
        <translation>El paquete “%1” tiene cambios sin guardar.</translation>
    </message>
    <message>
        <source>Do you want to save them first?</source>
        <translation>¿Desea guardarlos primero?</translation>
    </message>
    <message>
        <source>Untitled pack</source>
        <translation>Paquete sin título</translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation>¿Restaurar el trabajo sin guardar?</translation>
    </message>
    <message>
        <source>Cannot open the pack</source>
        <translation>No se puede abrir el paquete</translation>
    </message>
    <message>
        <source>“%1” could not be opened.</source>
        <translation>No se pudo abrir “%1”.</translation>
    </message>
    <message>
        <source>Your current pack has not been changed.</source>
        <translation>Su paquete actual no se modificó.</translation>
    </message>
    <message>
        <source>Some items are missing from the catalog</source>
        <translation>Faltan algunos elementos en el catálogo</translation>
    </message>
    <message>
        <source>Cannot save the pack</source>
        <translation>No se puede guardar el paquete</translation>
    </message>
    <message>
        <source>“%1” could not be saved: %2</source>
        <translation>No se pudo guardar “%1”: %2</translation>
    </message>
    <message>
        <source>Nothing was lost: the pack is still open, and any earlier copy of the file is unchanged. Try Save As to another folder.</source>
        <translation>No se perdió nada: el paquete sigue abierto y cualquier copia anterior del archivo está intacta. Pruebe Guardar como en otra carpeta.</translation>
    </message>
    <message>
        <source>Autosave unreadable</source>
        <translation>Copia automática ilegible</translation>
    </message>
    <message>
        <source>An autosaved pack was found but it is damaged and cannot be restored. It has been set aside as %1.</source>
        <translation>Se encontró un paquete guardado automáticamente, pero está dañado y no se puede restaurar. Se apartó como %1.</translation>
    </message>
    <message>
        <source>File not found</source>
        <translation>Archivo no encontrado</translation>
    </message>
    <message>
        <source>“%1” no longer exists; it has been removed from the recent files.</source>
        <translation>“%1” ya no existe; se quitó de los archivos recientes.</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>No recent packs</source>
        <translation>No hay paquetes recientes</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation>Vaciar la lista</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Deshacer %1</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Rehacer %1</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>Add fact</source>
        <translation>Agregar dato</translation>
    </message>
    <message>
        <source>Add chart</source>
        <translation>Agregar gráfica</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Agregar nota</translation>
    </message>
    <message>
        <source>Add divider</source>
        <translation>Agregar separador</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>Quitar elemento</translation>
    </message>
    <message>
        <source>Move item</source>
        <translation>Mover elemento</translation>
    </message>
    <message>
        <source>Edit talking points</source>
        <translation>Editar puntos para exponer</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Editar nota</translation>
    </message>
    <message>
        <source>Edit divider</source>
        <translation>Editar separador</translation>
    </message>
    <message>
        <source>Edit pack details</source>
        <translation>Editar datos del paquete</translation>
    </message>
    <message>
        <source>Edit title</source>
        <translation>Editar título</translation>
    </message>
    <message>
        <source>Edit audience</source>
        <translation>Editar público</translation>
    </message>
    <message>
        <source>Edit meeting date</source>
        <translation>Editar fecha de la reunión</translation>
    </message>
    <message>
        <source>Change pack language</source>
        <translation>Cambiar idioma del paquete</translation>
    </message>
    <message>
        <source>&amp;New Pack</source>
        <translation>&amp;Nuevo paquete</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Guardar &amp;como…</translation>
    </message>
    <message>
        <source>NAP Briefing packs (*.napbrief);;All files (*)</source>
        <translation>Paquetes de NAP Briefing (*.napbrief);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Briefing pack</source>
        <translation>Paquete informativo</translation>
    </message>
    <message>
        <source>The pack changed on disk</source>
        <translation>El paquete cambió en el disco</translation>
    </message>
    <message>
        <source>“%1” was changed by another program or another NAP Briefing window since you opened it.</source>
        <translation>Otro programa u otra ventana de NAP Briefing modificó “%1” después de que usted lo abrió.</translation>
    </message>
    <message>
        <source>Overwrite it with your version, save yours under another name, or cancel?</source>
        <translation>¿Sobrescribirlo con su versión, guardar la suya con otro nombre o cancelar?</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>Sobrescribir</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>Guardar como…</translation>
    </message>
    <message>
        <source>NAP Briefing did not close normally. An autosaved copy of “%1” (%2 items) was found; it was saved %3.</source>
        <translation>NAP Briefing no se cerró correctamente. Se encontró una copia guardada automáticamente de “%1” (%2 elementos); se guardó %3.</translation>
    </message>
    <message>
        <source>Restore opens it now. Later keeps the copy and asks again at the next start. Discard deletes it.</source>
        <translation>Restaurar la abre ahora. Más tarde conserva la copia y vuelve a preguntar la próxima vez que inicie la aplicación. Descartar la elimina.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Más tarde</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>today at %1</source>
        <translation>hoy a las %1</translation>
    </message>
    <message>
        <source>yesterday at %1</source>
        <translation>ayer a las %1</translation>
    </message>
    <message>
        <source>on %1 at %2</source>
        <translation>el %1 a las %2</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>alguien</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>esta computadora</translation>
    </message>
    <message>
        <source>The pack is already open</source>
        <translation>El paquete ya está abierto</translation>
    </message>
    <message>
        <source>“%1” is open in another NAP Briefing window.</source>
        <translation>“%1” está abierto en otra ventana de NAP Briefing.</translation>
    </message>
    <message>
        <source>Opened by %1 on %2, %3.</source>
        <translation>Lo abrió %1 en %2, %3.</translation>
    </message>
    <message>
        <source>If both windows change it, the one that saves second is asked before it overwrites the other&apos;s work. Open it here anyway?</source>
        <translation>Si ambas ventanas lo modifican, a la que guarde en segundo lugar se le preguntará antes de sobrescribir el trabajo de la otra. ¿Abrirlo aquí de todos modos?</translation>
    </message>
    <message>
        <source>Open anyway</source>
        <translation>Abrir de todos modos</translation>
    </message>
    <message>
        <source>Autosave works again: your changes are protected.</source>
        <translation>El guardado automático funciona de nuevo: sus cambios están protegidos.</translation>
    </message>
    <message>
        <source>Autosave failed (%1): your latest changes are not protected.</source>
        <translation>Falló el guardado automático (%1): sus últimos cambios no están protegidos.</translation>
    </message>
    <message>
        <source>Save the pack (Ctrl+S) or use Save As.</source>
        <translation>Guarde el paquete (Ctrl+S) o use Guardar como.</translation>
    </message>
    <message>
        <source>Autosave failed</source>
        <translation>Falló el guardado automático</translation>
    </message>
    <message>
        <source>The last autosaved copy (%1) is %2.</source>
        <translation>La última copia guardada automáticamente (%1) es %2.</translation>
    </message>
    <message>
        <source>The last saved version is %1.</source>
        <translation>La última versión guardada es %1.</translation>
    </message>
    <message>
        <source>No copy has been saved yet: use Save As to save the pack to a folder you can write to.</source>
        <translation>Aún no se ha guardado ninguna copia: use Guardar como para guardar el paquete en una carpeta donde pueda escribir.</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>el disco está lleno</translation>
    </message>
    <message>
        <source>the folder is read-only</source>
        <translation>la carpeta es de solo lectura</translation>
    </message>
    <message>
        <source>no permission to write there</source>
        <translation>no hay permiso para escribir ahí</translation>
    </message>
    <message>
        <source>the settings folder cannot be created</source>
        <translation>no se puede crear la carpeta de configuración</translation>
    </message>
    <message>
        <source>Duplicate item</source>
        <translation>Duplicar elemento</translation>
    </message>
    <message>
        <source>Duplicate items</source>
        <translation>Duplicar elementos</translation>
    </message>
    <message>
        <source>Remove items</source>
        <translation>Quitar elementos</translation>
    </message>
    <message>
        <source>Move items</source>
        <translation>Mover elementos</translation>
    </message>
    <message>
        <source>Move to top</source>
        <translation>Mover al principio</translation>
    </message>
    <message>
        <source>Move to bottom</source>
        <translation>Mover al final</translation>
    </message>
    <message>
        <source>Add facts</source>
        <translation>Agregar datos</translation>
    </message>
    <message>
        <source>Add charts</source>
        <translation>Agregar gráficas</translation>
    </message>
    <message>
        <source>Edit presenter</source>
        <translation>Editar quién presenta</translation>
    </message>
    <message>
        <source>One item in this pack refers to a fact or chart that is no longer in the catalog: %2. It is kept and marked in the pack.</source>
        <translation>Un elemento de este paquete remite a un dato o una gráfica que ya no está en el catálogo: %2. Se conserva y se marca en el paquete.</translation>
    </message>
    <message>
        <source>%1 items in this pack refer to facts or charts that are no longer in the catalog: %2. They are kept and marked in the pack.</source>
        <translation>%1 elementos de este paquete remiten a datos o gráficas que ya no están en el catálogo: %2. Se conservan y se marcan en el paquete.</translation>
    </message>
    <message>
        <source>The pack was repaired</source>
        <translation>Se reparó la presentación</translation>
    </message>
    <message>
        <source>“%1” contained text that could not be kept as it was (for example half of an emoji cut by another program). It was repaired; save the pack to keep the repaired version.</source>
        <translation>«%1» contenía texto que no podía conservarse tal cual (por ejemplo, medio emoji cortado por otro programa). Se reparó; guarde la presentación para conservar la versión reparada.</translation>
    </message>
</context>
<context>
    <name>FirstRunHint</name>
    <message>
        <source>Search or pick a section, add facts to the pack with {add}, then present ({present}) or export ({export}). {help} for help.</source>
        <translation>Busque o elija una sección, agregue datos al paquete con {add} y luego presente ({present}) o exporte ({export}). {help} para la ayuda.</translation>
    </message>
    <message>
        <source>Close this hint (it does not come back)</source>
        <translation>Cerrar esta sugerencia (no volverá a aparecer)</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>NAP Briefing help</source>
        <extracomment>placeholder in the HTML -&gt; the key sequence shown (translated by Qt: &quot;Control+F&quot; in Spanish)</extracomment>
        <translation>Ayuda de NAP Briefing</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>%text uses a decimal comma: confirm above that the table uses decimal commas</source>
        <translation>%text usa coma decimal: confirme arriba que la tabla usa coma decimal</translation>
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
        <source>(one series)</source>
        <translation>(una sola serie)</translation>
    </message>
    <message>
        <source>Import a table</source>
        <extracomment>called on Save once the dialog is complete; the dialog closes only when it returns true (a table the library refuses stays here, with everything the user chose, next to the message)</extracomment>
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
        <source>This table has one observation per row. Pick the columns that hold the category, the series and the value.</source>
        <translation>Esta tabla tiene una observación por fila. Elija las columnas que contienen la categoría, la serie y el valor.</translation>
    </message>
    <message>
        <source>Category column:</source>
        <translation>Columna de categoría:</translation>
    </message>
    <message>
        <source>Series column:</source>
        <translation>Columna de serie:</translation>
    </message>
    <message>
        <source>Value column:</source>
        <translation>Columna de valor:</translation>
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
    <name>LibraryController</name>
    <message>
        <source>… and %1 more</source>
        <translation>… y %1 más</translation>
    </message>
    <message>
        <source>Your library folder could not be written: %1 (%2)</source>
        <translation>No se pudo escribir en la carpeta de su biblioteca: %1 (%2)</translation>
    </message>
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
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>Present se&amp;ttings…</source>
        <translation>Con&amp;figuración de la presentación…</translation>
    </message>
    <message>
        <source>Choose the slides&apos; language and the screens, then present (%1)</source>
        <translation>Elegir el idioma de las diapositivas y las pantallas, y luego presentar (%1)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <source>&amp;Add fact to pack</source>
        <translation>&amp;Agregar dato al paquete</translation>
    </message>
    <message>
        <source>&amp;Back to the facts</source>
        <translation>&amp;Volver a los datos</translation>
    </message>
    <message>
        <source>Briefing &amp;pack panel</source>
        <translation>Panel del &amp;paquete informativo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;About NAP Briefing</source>
        <translation>&amp;Acerca de NAP Briefing</translation>
    </message>
    <message>
        <source>Briefing pack</source>
        <translation>Paquete informativo</translation>
    </message>
    <message>
        <source>Accents and capitals do not matter: “exportacion” finds “exportación”</source>
        <translation>No importan acentos ni mayúsculas: “exportacion” encuentra “exportación”</translation>
    </message>
    <message>
        <source>Show only facts about one country</source>
        <translation>Mostrar solo los datos de un país</translation>
    </message>
    <message>
        <source>Sections of the report</source>
        <translation>Secciones del informe</translation>
    </message>
    <message>
        <source>All countries</source>
        <translation>Todos los países</translation>
    </message>
    <message>
        <source>1 fact</source>
        <translation>1 dato</translation>
    </message>
    <message>
        <source>%n facts</source>
        <translation>%n datos</translation>
    </message>
    <message>
        <source>The catalog has no facts yet.</source>
        <translation>El catálogo aún no tiene datos.</translation>
    </message>
    <message>
        <source>No fact matches “%1”. Try fewer or shorter words, the other language, or clear the country and section filters.</source>
        <translation>Ningún dato coincide con “%1”. Pruebe con menos palabras o más cortas, con el otro idioma, o quite los filtros de país y sección.</translation>
    </message>
    <message>
        <source>No fact matches these filters. Choose “All countries” or “All sections”.</source>
        <translation>Ningún dato coincide con estos filtros. Elija “Todos los países” o “Todas las secciones”.</translation>
    </message>
    <message>
        <source>All sections</source>
        <translation>Todas las secciones</translation>
    </message>
    <message>
        <source>Added to the briefing pack.</source>
        <translation>Agregado al paquete informativo.</translation>
    </message>
    <message>
        <source>Already in the briefing pack.</source>
        <translation>Ya está en el paquete informativo.</translation>
    </message>
    <message>
        <source>Select a fact card first (arrow keys or a click).</source>
        <translation>Primero seleccione una ficha de dato (con las flechas o un clic).</translation>
    </message>
    <message>
        <source>No brief for this state</source>
        <translation>No hay resumen para este estado</translation>
    </message>
    <message>
        <source>The brief is now the open pack: edit, save (Ctrl+S), export or present it.</source>
        <translation>El resumen es ahora el paquete abierto: edítelo, guárdelo (Ctrl+S), expórtelo o preséntelo.</translation>
    </message>
    <message>
        <source>NAP Briefing %1</source>
        <translation>NAP Briefing %1</translation>
    </message>
    <message>
        <source>Data version %1</source>
        <translation>Versión de los datos %1</translation>
    </message>
    <message>
        <source>The figures of The North American Project (México, ¿cómo vamos? and the U.S.-Mexico Foundation, April 2026 update), each with its source. Works offline.</source>
        <translation>Las cifras de The North American Project (México, ¿cómo vamos? y la U.S.-Mexico Foundation, actualización de abril de 2026), cada una con su fuente. Funciona sin conexión.</translation>
    </message>
    <message>
        <source>About NAP Briefing</source>
        <translation>Acerca de NAP Briefing</translation>
    </message>
    <message>
        <source>&amp;Chart</source>
        <translation>&amp;Gráfico</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Barra de herramientas</translation>
    </message>
    <message>
        <source>&amp;Present</source>
        <translation>&amp;Presentar</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>Save chart &amp;image…</source>
        <translation>Guardar &amp;imagen del gráfico…</translation>
    </message>
    <message>
        <source>Save the chart shown as a PNG (2× resolution) or SVG image</source>
        <translation>Guardar el gráfico mostrado como imagen PNG (resolución 2×) o SVG</translation>
    </message>
    <message>
        <source>PNG image, 2× resolution (*.png)</source>
        <translation>Imagen PNG, resolución 2× (*.png)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>Imagen SVG (*.svg)</translation>
    </message>
    <message>
        <source>Save chart image</source>
        <translation>Guardar imagen del gráfico</translation>
    </message>
    <message>
        <source>Open a fact with a chart first.</source>
        <translation>Primero abra un dato que tenga gráfico.</translation>
    </message>
    <message>
        <source>Could not save the chart image:
%1</source>
        <translation>No se pudo guardar la imagen del gráfico:
%1</translation>
    </message>
    <message>
        <source>Chart saved to %1.</source>
        <translation>Gráfico guardado en %1.</translation>
    </message>
    <message>
        <source>&amp;Print handout…</source>
        <translation>Im&amp;primir la hoja…</translation>
    </message>
    <message>
        <source>NAP Briefing &amp;help</source>
        <translation>&amp;Ayuda de NAP Briefing</translation>
    </message>
    <message>
        <source>&amp;Copy fact with citation</source>
        <translation>&amp;Copiar el dato con su cita</translation>
    </message>
    <message>
        <source>Copy the statement, figure, period and source of the selected fact (%1)</source>
        <translation>Copiar el enunciado, la cifra, el periodo y la fuente del dato seleccionado (%1)</translation>
    </message>
    <message>
        <source>Copied with its source.</source>
        <translation>Copiado con su fuente.</translation>
    </message>
    <message>
        <source>Present the briefing pack full screen (%1)</source>
        <translation>Presentar el paquete informativo en pantalla completa (%1)</translation>
    </message>
    <message>
        <source>Export the briefing pack to PowerPoint, Excel and other formats (%1)</source>
        <translation>Exportar el paquete informativo a PowerPoint, Excel y otros formatos (%1)</translation>
    </message>
    <message>
        <source>Search facts, sources, countries, topics (%1) — English or Spanish</source>
        <translation>Buscar datos, fuentes, países, temas (%1), en español o inglés</translation>
    </message>
    <message>
        <source>Print the briefing pack&apos;s one-page handout (%1)</source>
        <translation>Imprimir la hoja informativa de una página de la presentación (%1)</translation>
    </message>
</context>
<context>
    <name>PackListModel</name>
    <message>
        <source>Fact “%1” — missing from the catalog</source>
        <extracomment>Items of this pack being dragged (their uids, JSON list). Facts dragged from elsewhere in the app (e.g. a fact card): JSON list of fact ids, inserted at the drop row. Charts dragged from elsewhere in the app (the Charts view): JSON list of chart ids, inserted at the drop row. a short note on where the item&apos;s figures come from, shown on its caption line: the pack&apos;s copy of an item this catalog lacks, or a copy the catalog now differs from (&quot;&quot; when neither)</extracomment>
        <translation>Dato “%1”: no está en el catálogo</translation>
    </message>
    <message>
        <source>Chart “%1” — missing from the catalog</source>
        <translation>Gráfica “%1”: no está en el catálogo</translation>
    </message>
    <message>
        <source>(untitled section)</source>
        <translation>(sección sin título)</translation>
    </message>
    <message>
        <source>(empty note)</source>
        <translation>(nota vacía)</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Nota: %1</translation>
    </message>
    <message>
        <source>Chart: %1</source>
        <translation>Gráfica: %1</translation>
    </message>
    <message>
        <source>%1 [copy saved in the pack]</source>
        <translation>%1 [copia guardada en el paquete]</translation>
    </message>
    <message>
        <source>%1 [the catalog now has another version]</source>
        <translation>%1 [el catálogo tiene ahora otra versión]</translation>
    </message>
    <message>
        <source>state figures</source>
        <translation>cifras del estado</translation>
    </message>
    <message>
        <source>pack copy</source>
        <translation>copia del paquete</translation>
    </message>
    <message>
        <source>catalog differs</source>
        <translation>el catálogo difiere</translation>
    </message>
    <message>
        <source>This item refers to “%1”, which is no longer in the catalog. It is kept in the pack so nothing is lost; remove it or replace it.</source>
        <translation>Este elemento remite a “%1”, que ya no está en el catálogo. Se conserva en el paquete para no perder nada; quítelo o reemplácelo.</translation>
    </message>
    <message>
        <source>Shown as the pack saved it: this data version does not have it.</source>
        <translation>Se muestra como lo guardó el paquete: esta versión de datos no lo incluye.</translation>
    </message>
    <message>
        <source>Shown, presented and exported as the pack saved it; the catalog now has another version (offered when the pack opens: keep the copy or take the update).</source>
        <translation>Se muestra, presenta y exporta como lo guardó el paquete; el catálogo tiene ahora otra versión (se ofrece al abrir el paquete: conservar la copia o tomar la actualización).</translation>
    </message>
    <message>
        <source>Period: %1</source>
        <translation>Periodo: %1</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Fuente: %1</translation>
    </message>
    <message>
        <source>Talking points: %1</source>
        <translation>Puntos para exponer: %1</translation>
    </message>
</context>
<context>
    <name>PackPanel</name>
    <message>
        <source>New note</source>
        <translation>Nota nueva</translation>
    </message>
    <message>
        <source>New section</source>
        <translation>Sección nueva</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>Texto de la nota</translation>
    </message>
    <message>
        <source>Section title</source>
        <translation>Título de la sección</translation>
    </message>
    <message>
        <source>What you will say about this item (speaker notes).</source>
        <translation>Lo que dirá sobre este elemento (notas del orador).</translation>
    </message>
    <message>
        <source>Select an item to write its talking points.</source>
        <translation>Seleccione un elemento para escribir sus puntos para exponer.</translation>
    </message>
    <message>
        <source>Briefing pack</source>
        <translation>Paquete informativo</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Título</translation>
    </message>
    <message>
        <source>&amp;Audience</source>
        <translation>&amp;Público</translation>
    </message>
    <message>
        <source>Meeting &amp;date</source>
        <translation>&amp;Fecha de la reunión</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>e.g. USMCA joint review briefing</source>
        <translation>p. ej., reunión informativa sobre la revisión conjunta del T-MEC</translation>
    </message>
    <message>
        <source>e.g. House Ways and Means staff</source>
        <translation>p. ej., personal del Comité de Medios y Arbitrios</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>Sin fecha</translation>
    </message>
    <message>
        <source>Clear the meeting date</source>
        <translation>Borrar la fecha de la reunión</translation>
    </message>
    <message>
        <source>The language of the exported deck and workbook</source>
        <translation>El idioma de la presentación y el libro exportados</translation>
    </message>
    <message>
        <source>&amp;Items (drag or Alt+Up/Down to reorder)</source>
        <translation>&amp;Elementos (arrastre o Alt+Arriba/Abajo para reordenar)</translation>
    </message>
    <message>
        <source>Your pack is empty.

Add facts with “Add to pack” on a fact card (or select a card and press Space or Ctrl+D). Then add notes and section dividers with the buttons below.</source>
        <translation>Su paquete está vacío.

Agregue datos con “Agregar al paquete” en una ficha (o seleccione una ficha y pulse Espacio o Ctrl+D). Luego agregue notas y separadores de sección con los botones de abajo.</translation>
    </message>
    <message>
        <source>Add &amp;note</source>
        <translation>+ &amp;Nota</translation>
    </message>
    <message>
        <source>Add di&amp;vider</source>
        <translation>+ Se&amp;parador</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Remove the selected item (Delete)</source>
        <translation>Quitar el elemento seleccionado (Supr)</translation>
    </message>
    <message>
        <source>Move up (Alt+Up)</source>
        <translation>Subir (Alt+Arriba)</translation>
    </message>
    <message>
        <source>Move down (Alt+Down)</source>
        <translation>Bajar (Alt+Abajo)</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Tal&amp;king points</source>
        <translation>Pu&amp;ntos para exponer</translation>
    </message>
    <message>
        <source>Fact</source>
        <extracomment>QDateEdit cannot be empty: its minimum date stands for &quot;no date&quot; and shows the special text. An item shows at most this many lines of its text (the full text is in its tooltip and the detail): whole statements made one item fill the list, which showed two at 1024x640 with real facts.</extracomment>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Gráfica</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>talking points ✓</source>
        <translation>puntos para exponer ✓</translation>
    </message>
    <message>
        <source>Details</source>
        <extracomment>the user asked to open an item in the detail view: (kind &quot;fact&quot; | &quot;chart&quot;, its id) a short confirmation for the status bar (e.g. after &quot;Copy with citation&quot;) below this panel height the details form folds away (unless the user unfolded it)</extracomment>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Add a note slide after the selected item</source>
        <translation>Agregar una diapositiva de nota después del elemento seleccionado</translation>
    </message>
    <message>
        <source>Add a section divider after the selected item</source>
        <translation>Agregar un separador de sección después del elemento seleccionado</translation>
    </message>
    <message>
        <source>Copied with its source.</source>
        <translation>Copiado con su fuente.</translation>
    </message>
    <message>
        <source>%1 items copied with their sources.</source>
        <translation>%1 elementos copiados con sus fuentes.</translation>
    </message>
    <message>
        <source>&amp;Edit text</source>
        <translation>&amp;Editar texto</translation>
    </message>
    <message>
        <source>&amp;Edit section title</source>
        <translation>&amp;Editar título de la sección</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>&amp;Copy with citation</source>
        <translation>&amp;Copiar con su cita</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplicar</translation>
    </message>
    <message>
        <source>Move to &amp;top</source>
        <translation>Mover al &amp;principio</translation>
    </message>
    <message>
        <source>Move to &amp;bottom</source>
        <translation>Mover al &amp;final</translation>
    </message>
    <message>
        <source>&amp;Remove %1 items</source>
        <translation>&amp;Quitar %1 elementos</translation>
    </message>
    <message>
        <source>Hide the title, audience, presenter, date and language</source>
        <translation>Ocultar el título, el público, quién presenta, la fecha y el idioma</translation>
    </message>
    <message>
        <source>Show the title, audience, presenter, date and language</source>
        <translation>Mostrar el título, el público, quién presenta, la fecha y el idioma</translation>
    </message>
    <message>
        <source>&amp;Presented by</source>
        <translation>P&amp;resenta</translation>
    </message>
    <message>
        <source>Your name or organization</source>
        <translation>Su nombre u organización</translation>
    </message>
    <message>
        <source>Shown on the deck’s cover, the handout and the workbook</source>
        <translation>Aparece en la portada de la presentación, en la hoja informativa y en el libro</translation>
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
        <extracomment>keep one item&apos;s copy, marked as of its date (core/pack/kept.py)</extracomment>
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
    <name>Presenter</name>
    <message>
        <source>(No talking points for this slide.)</source>
        <translation>(Esta diapositiva no tiene puntos para exponer.)</translation>
    </message>
    <message>
        <source>Black out (B)</source>
        <translation>Pantalla negra (B)</translation>
    </message>
    <message>
        <source>Black screen</source>
        <translation>Pantalla negra</translation>
    </message>
    <message>
        <source>Current slide</source>
        <translation>Diapositiva actual</translation>
    </message>
    <message>
        <source>End of the presentation</source>
        <translation>Fin de la presentación</translation>
    </message>
    <message>
        <source>End the presentation (Esc)</source>
        <translation>Terminar la presentación (Esc)</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Terminar</translation>
    </message>
    <message>
        <source>Go to slide {n}</source>
        <translation>Ir a la diapositiva {n}</translation>
    </message>
    <message>
        <source>Language of the slides:</source>
        <translation>Idioma de las diapositivas:</translation>
    </message>
    <message>
        <source>Next slide (Right, PageDown, Space)</source>
        <translation>Diapositiva siguiente (Derecha, AvPág, Espacio)</translation>
    </message>
    <message>
        <source>Next slide</source>
        <translation>Diapositiva siguiente</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Siguiente ▶</translation>
    </message>
    <message>
        <source>Nothing to present</source>
        <translation>Nada que presentar</translation>
    </message>
    <message>
        <source>Present the briefing pack full screen (F5)</source>
        <translation>Presentar el paquete informativo en pantalla completa (F5)</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Presentar</translation>
    </message>
    <message>
        <source>Presentation — NAP Briefing</source>
        <extracomment>the keys that move the show on or back, as in PowerPoint one screen: the presenter view (current, next, notes, timer) shown instead of the slide on N</extracomment>
        <translation>Presentación — NAP Briefing</translation>
    </message>
    <message>
        <source>Presenter view — NAP Briefing</source>
        <translation>Vista del presentador — NAP Briefing</translation>
    </message>
    <message>
        <source>Previous slide (Left, PageUp)</source>
        <translation>Diapositiva anterior (Izquierda, RePág)</translation>
    </message>
    <message>
        <source>Reset timer</source>
        <translation>Reiniciar el cronómetro</translation>
    </message>
    <message>
        <source>Screens:</source>
        <translation>Pantallas:</translation>
    </message>
    <message>
        <source>Show slide</source>
        <translation>Mostrar la diapositiva</translation>
    </message>
    <message>
        <source>Show the slides on the other screen and this view here</source>
        <translation>Mostrar las diapositivas en la otra pantalla y esta vista aquí</translation>
    </message>
    <message>
        <source>Slide {n} of {total}</source>
        <translation>Diapositiva {n} de {total}</translation>
    </message>
    <message>
        <source>Slides on {a}; presenter view on {p}.</source>
        <translation>Diapositivas en {a}; vista del presentador en {p}.</translation>
    </message>
    <message>
        <source>Start the elapsed time from zero</source>
        <translation>Poner el tiempo transcurrido en cero</translation>
    </message>
    <message>
        <source>Swap screens</source>
        <translation>Intercambiar pantallas</translation>
    </message>
    <message>
        <source>Talking points</source>
        <translation>Puntos para exponer</translation>
    </message>
    <message>
        <source>The audience sees a black screen (B to return)</source>
        <translation>El público ve una pantalla negra (B para regresar)</translation>
    </message>
    <message>
        <source>The audience sees a white screen (W to return)</source>
        <translation>El público ve una pantalla blanca (W para regresar)</translation>
    </message>
    <message>
        <source>Time of day</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Time since the presentation started</source>
        <translation>Tiempo desde que empezó la presentación</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Anterior</translation>
    </message>
    <message>
        <source>This briefing pack is empty, so there is nothing to present. Add facts, charts or notes to it first.</source>
        <translation>Este paquete informativo está vacío, así que no hay nada que presentar. Agregue primero datos, gráficas o notas.</translation>
    </message>
    <message>
        <source>NAP Briefing · The North American Project</source>
        <extracomment>The logical canvas every slide is laid out on (16:9); it is scaled, never stretched. small print (gaps, caveats): 18 logical px is 14 screen px on a 1280×720 projector the smallest source line (long lists of sources): 13 screen px at 1280×720 (slide kind, element) of text that did not fit at its smallest size (tests look at it) (element, pixel size) of every text drawn in the last paint (tests look at it) (element, text) of every text drawn in the last paint the source line&apos;s box: left of the status pill and the slide number</extracomment>
        <translation>NAP Briefing · The North American Project</translation>
    </message>
    <message>
        <source>Keys: → / Space next · ← previous · number + Enter go to slide · B black · W white · N presenter view · Esc end</source>
        <translation>Teclas: → / Espacio siguiente · ← anterior · número + Intro ir a la diapositiva · B negro · W blanco · N vista del presentador · Esc terminar</translation>
    </message>
    <message>
        <source>None of the items in this pack is in the catalog any more (data version {version}), so there is nothing to present: {refs}. Replace them with current facts or charts, then present.</source>
        <translation>Ninguno de los elementos de este paquete sigue en el catálogo (versión de datos {version}), así que no hay nada que presentar: {refs}. Reemplácelos con datos o gráficas actuales y luego presente.</translation>
    </message>
    <message>
        <source>{n} items of this pack are no longer in the catalog; their slides say so: {refs}. Remove them before presenting to avoid showing them.</source>
        <translation>{n} elementos de este paquete ya no están en el catálogo; sus diapositivas lo indican: {refs}. Quítelos antes de presentar para no mostrarlos.</translation>
    </message>
</context>
<context>
    <name>PresenterView</name>
    <message>
        <source>One item of this pack is no longer in the catalog; its slide says so: {refs}. Remove it before presenting to avoid showing it.</source>
        <translation>Un elemento de este paquete ya no está en el catálogo; su diapositiva lo indica: {refs}. Quítelo antes de presentar para no mostrarlo.</translation>
    </message>
    <message>
        <source>Slide only</source>
        <translation>Solo la diapositiva</translation>
    </message>
    <message>
        <source>Show the slide alone (N)</source>
        <translation>Mostrar solo la diapositiva (N)</translation>
    </message>
    <message>
        <source>One screen: N switches between the slide and your presenter view (notes, next slide, timer).</source>
        <translation>Una pantalla: N alterna entre la diapositiva y su vista del presentador (notas, diapositiva siguiente, cronómetro).</translation>
    </message>
</context>
<context>
    <name>PrintHandout</name>
    <message>
        <source>Handout</source>
        <translation>Hoja informativa</translation>
    </message>
    <message>
        <source>Print handout</source>
        <translation>Imprimir hoja informativa</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>No se pudo iniciar la impresora.</translation>
    </message>
    <message>
        <source>The handout could not be printed: %1</source>
        <translation>No se pudo imprimir la hoja informativa: %1</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>Look in:</source>
        <translation>Buscar en:</translation>
    </message>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Buscar en:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Archivos de &amp;tipo:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Archivos de tipo:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>&amp;Nombre de archivo:</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Carpeta:</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Adelante</translation>
    </message>
</context>
<context>
    <name>QPrintDialog</name>
    <message>
        <source>Print To File ...</source>
        <translation>Imprimir a archivo…</translation>
    </message>
    <message>
        <source>File %1 is not writable.
Please choose a different file name.</source>
        <translation>No se puede escribir en el archivo %1.
Elija otro nombre de archivo.</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Collate</source>
        <translation>Intercalar</translation>
    </message>
</context>
<context>
    <name>QPrintWidget</name>
    <message>
        <source>Output &amp;file:</source>
        <translation>&amp;Archivo de salida:</translation>
    </message>
</context>
<context>
    <name>SourcesBrowser</name>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>Filter sources: publisher, title, year, status — English or Spanish</source>
        <translation>Filtrar fuentes: editor, título, año, estatus — en español o inglés</translation>
    </message>
    <message>
        <source>Accents and capitals do not matter</source>
        <translation>No importan los acentos ni las mayúsculas</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estatus</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>Datos</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Gráficas</translation>
    </message>
    <message>
        <source>How many facts cite the source</source>
        <translation>Cuántos datos citan la fuente</translation>
    </message>
    <message>
        <source>How many charts draw rows from the source</source>
        <translation>Cuántas gráficas toman filas de la fuente</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copiar enlace</translation>
    </message>
    <message>
        <source>Copy the address to the clipboard (the app never opens links)</source>
        <translation>Copiar la dirección al portapapeles (la aplicación nunca abre enlaces)</translation>
    </message>
    <message>
        <source>Select and copy the address; the app never opens links</source>
        <translation>Seleccione y copie la dirección; la aplicación nunca abre enlaces</translation>
    </message>
    <message>
        <source>No address recorded for this source.</source>
        <translation>No hay dirección registrada para esta fuente.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Open the selected fact or chart (Enter or a double click)</source>
        <translation>Abrir el dato o la gráfica seleccionados (Intro o doble clic)</translation>
    </message>
    <message>
        <source>+ Add to pack</source>
        <translation>+ Agregar al paquete</translation>
    </message>
    <message>
        <source>Add the selected facts and charts to the briefing pack (Ctrl+D)</source>
        <translation>Agregar los datos y gráficas seleccionados al paquete informativo (Ctrl+D)</translation>
    </message>
    <message>
        <source>+ Add all to pack</source>
        <translation>+ Agregar todos al paquete</translation>
    </message>
    <message>
        <source>Add every fact and chart that uses this source to the briefing pack</source>
        <translation>Agregar al paquete informativo todos los datos y gráficas que usan esta fuente</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Fact or chart</source>
        <translation>Dato o gráfica</translation>
    </message>
    <message>
        <source>%1 of %2 sources</source>
        <translation>%1 de %2 fuentes</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Gráfica</translation>
    </message>
    <message>
        <source>Used by %1 and %2 (double-click or Enter opens one; Ctrl+D adds it)</source>
        <translation>La usan %1 y %2 (doble clic o Intro abre uno; Ctrl+D lo agrega)</translation>
    </message>
    <message>
        <source>No fact or chart uses this source.</source>
        <translation>Ningún dato ni gráfica usa esta fuente.</translation>
    </message>
    <message>
        <source>Address copied.</source>
        <translation>Dirección copiada.</translation>
    </message>
    <message>
        <source>Select a fact or chart of this source first.</source>
        <translation>Primero seleccione un dato o una gráfica de esta fuente.</translation>
    </message>
    <message>
        <source>yours</source>
        <translation>suya</translation>
    </message>
</context>
<context>
    <name>StaleDatasetsPanel</name>
    <message>
        <source>Newer figures likely out since %1</source>
        <translation>Probablemente hay cifras más recientes desde %1</translation>
    </message>
    <message>
        <source>Newer figures likely out (%1 datasets)</source>
        <translation>Puede haber cifras nuevas (%1 conjuntos de datos)</translation>
    </message>
    <message>
        <source>Datasets whose agency has probably published newer figures since the last period shown; download the file from the page given and use File &gt; Update data from a file…</source>
        <translation>Conjuntos de datos cuyo organismo probablemente ya publicó cifras posteriores al último periodo mostrado; descargue el archivo de la página indicada y use Archivo &gt; Actualizar datos desde un archivo…</translation>
    </message>
</context>
<context>
    <name>States</name>
    <message>
        <source>S&amp;tates</source>
        <translation>&amp;Estados</translation>
    </message>
    <message>
        <source>States  (%1)</source>
        <translation>Estados  (%1)</translation>
    </message>
    <message>
        <source>A brief for any U.S. state: its trade with Mexico and Canada (%1)</source>
        <translation>Un resumen para cualquier estado de EE. UU.: su comercio con México y Canadá (%1)</translation>
    </message>
    <message>
        <source>No state matches “%1”.</source>
        <translation>Ningún estado coincide con «%1».</translation>
    </message>
    <message>
        <source>Charts in the brief: %1</source>
        <translation>Gráficas del resumen: %1</translation>
    </message>
    <message>
        <source>Find a state: name or postal code (Enter shows its brief)</source>
        <translation>Buscar un estado: nombre o código postal (Intro muestra su resumen)</translation>
    </message>
    <message>
        <source>Make a pack for this state</source>
        <translation>Crear un paquete para este estado</translation>
    </message>
    <message>
        <source>Open this state&apos;s brief as a pack you can edit, save, export and present</source>
        <translation>Abrir el resumen de este estado como un paquete que puede editar, guardar, exportar y presentar</translation>
    </message>
    <message>
        <source>Choose a state on the map or in the list to see its brief.</source>
        <translation>Elija un estado en el mapa o en la lista para ver su resumen.</translation>
    </message>
    <message>
        <source>Make a pack for %1</source>
        <translation>Crear un paquete para %1</translation>
    </message>
</context>
<context>
    <name>UpdateReviewDialog</name>
    <message>
        <source>What the update would change could not be worked out: %1</source>
        <translation>No se pudo determinar qué cambiaría la actualización: %1</translation>
    </message>
    <message>
        <source>new period</source>
        <translation>periodo nuevo</translation>
    </message>
    <message>
        <source>revised</source>
        <translation>revisado</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>confirmado</translation>
    </message>
    <message>
        <source>already from this file</source>
        <translation>ya tomado de este archivo</translation>
    </message>
    <message>
        <source>Values in %1.</source>
        <translation>Valores en %1.</translation>
    </message>
    <message>
        <source>%1 more rows are in the review (not listed here).</source>
        <translation>Hay %1 filas más en la revisión (no se listan aquí).</translation>
    </message>
    <message>
        <source>Nothing refused.</source>
        <translation>No se rechazó nada.</translation>
    </message>
    <message>
        <source>Tick a series to see what it would change.</source>
        <translation>Marque una serie para ver qué cambiaría.</translation>
    </message>
    <message>
        <source>Computed figures</source>
        <translation>Cifras calculadas</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Gráficas</translation>
    </message>
    <message>
        <source>1 value revised, %2 added</source>
        <translation>1 valor revisado, %2 agregados</translation>
    </message>
    <message>
        <source>%1 values revised, %2 added</source>
        <translation>%1 valores revisados, %2 agregados</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Message no longer shown (the subtitle is)</source>
        <translation>Mensaje que ya no se muestra (se muestra el subtítulo)</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Señalado</translation>
    </message>
    <message>
        <source>Facts (the report&apos;s figure stays; a newer one is noted)</source>
        <translation>Datos (se conserva la cifra del informe; se anota una más reciente)</translation>
    </message>
    <message>
        <source>Saved packs</source>
        <translation>Paquetes guardados</translation>
    </message>
    <message>
        <source>it keeps its copies until you take the update</source>
        <translation>conserva sus copias hasta que tome la actualización</translation>
    </message>
    <message>
        <source>No chart, fact or pack shows a different figure.</source>
        <translation>Ninguna gráfica, dato o paquete muestra una cifra distinta.</translation>
    </message>
    <message>
        <source>Ticked: %1 new, %2 revised, %3 confirmed.</source>
        <translation>Marcadas: %1 nuevos, %2 revisados, %3 confirmados.</translation>
    </message>
    <message>
        <source>Nothing changes until you apply; an applied update can be removed.</source>
        <translation>Nada cambia hasta que aplique; una actualización aplicada se puede retirar.</translation>
    </message>
    <message>
        <source>Update data from agency files</source>
        <translation>Actualizar datos desde archivos de organismos</translation>
    </message>
    <message>
        <source>Read on %1. Nothing changes until you apply: the accepted rows go to your library as a layer over the bundled data, each sourced to its file, and can be removed.</source>
        <translation>Leído el %1. Nada cambia hasta que aplique: las filas aceptadas van a su biblioteca como una capa sobre los datos incluidos, cada una con su archivo como fuente, y se pueden retirar.</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>filas</translation>
    </message>
    <message>
        <source>Series (tick to accept)</source>
        <translation>Series (marque para aceptar)</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuevos</translation>
    </message>
    <message>
        <source>Revised</source>
        <translation>Revisados</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmados</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Rechazados</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <source>In the catalog</source>
        <translation>En el catálogo</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>En el archivo</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Diferencia</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
    <message>
        <source>Refused (%1)</source>
        <translation>Rechazados (%1)</translation>
    </message>
    <message>
        <source>What would change</source>
        <translation>Qué cambiaría</translation>
    </message>
    <message>
        <source>&amp;Apply ticked series</source>
        <translation>&amp;Aplicar las series marcadas</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>UpdatesController</name>
    <message>
        <source>&amp;Update data from a file…</source>
        <translation>&amp;Actualizar datos desde un archivo…</translation>
    </message>
    <message>
        <source>Bring figures up to date from an agency&apos;s download (FRED, BTS TransBorder, USDA ERS, Statistics Canada): review what changes before anything does</source>
        <translation>Actualizar cifras con la descarga de un organismo (FRED, TransBorder de la BTS, ERS del USDA, Statistics Canada): revise qué cambia antes de que cambie</translation>
    </message>
    <message>
        <source>Applied data &amp;updates…</source>
        <translation>Act&amp;ualizaciones de datos aplicadas…</translation>
    </message>
    <message>
        <source>The agency files applied to your library, and removing one</source>
        <translation>Los archivos de organismos aplicados a su biblioteca, y cómo retirar uno</translation>
    </message>
    <message>
        <source>Update data from agency files</source>
        <translation>Actualizar datos desde archivos de organismos</translation>
    </message>
    <message>
        <source>Agency downloads (*.csv *.zip *.txt);;All files (*)</source>
        <translation>Descargas de organismos (*.csv *.zip *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Leyendo %1…</translation>
    </message>
    <message>
        <source>The files were not read</source>
        <translation>No se leyeron los archivos</translation>
    </message>
    <message>
        <source>The update was not applied</source>
        <translation>No se aplicó la actualización</translation>
    </message>
    <message>
        <source>Nothing to do: these figures are already applied.</source>
        <translation>Nada que hacer: estas cifras ya están aplicadas.</translation>
    </message>
    <message>
        <source>Applied update %1: %2 rows from %3. File &gt; Applied data updates… removes it.</source>
        <translation>Actualización %1 aplicada: %2 filas de %3. Archivo &gt; Actualizaciones de datos aplicadas… la retira.</translation>
    </message>
    <message>
        <source>The update was not removed</source>
        <translation>No se retiró la actualización</translation>
    </message>
    <message>
        <source>Removed update %1: the previous figures are back.</source>
        <translation>Actualización %1 retirada: volvieron las cifras anteriores.</translation>
    </message>
</context>
</TS>
