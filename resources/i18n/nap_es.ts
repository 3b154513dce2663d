<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es_MX" sourcelanguage="en">
<context>
    <name>ChartView</name>
    <message>
        <location filename="../../nap_desktop/ui/chart_view.py" line="230" />
        <source>Show chart</source>
        <translation>Ver gráfica</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/chart_view.py" line="230" />
        <source>Show table</source>
        <translation>Ver tabla</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/chart_view.py" line="231" />
        <source>Switch between the chart and the same data as a table</source>
        <translation>Alternar entre la gráfica y los mismos datos en una tabla</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/chart_view.py" line="232" />
        <source>Copy data</source>
        <translation>Copiar datos</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/chart_view.py" line="233" />
        <source>Copy the data as tab-separated text (pastes into Excel)</source>
        <translation>Copiar los datos como texto separado por tabuladores (se pega en Excel)</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/chart_view.py" line="446" />
        <source>North America</source>
        <translation>América del Norte</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/chart_view.py" line="446" />
        <source>Rest of the world</source>
        <translation>Resto del mundo</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/chart_view.py" line="544" />
        <source>No date for:</source>
        <translation>Sin fecha para:</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/chart_view.py" line="551" />
        <source>Year</source>
        <translation>Año</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/chart_view.py" line="582" />
        <source>No data</source>
        <translation>Sin datos</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/chart_view.py" line="602" />
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/chart_view.py" line="643" />
        <source>no value published</source>
        <translation>no se publicó el valor</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/chart_view.py" line="646" />
        <source>Missing values (never estimated):</source>
        <translation>Valores faltantes (nunca se estiman):</translation>
    </message>
</context>
<context>
    <name>DetailView</name>
    <message>
        <location filename="../../nap_desktop/ui/detail_view.py" line="83" />
        <source>Copy link</source>
        <translation>Copiar enlace</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/detail_view.py" line="84" />
        <source>Copy the address to the clipboard (the app never opens links)</source>
        <translation>Copiar la dirección al portapapeles (la aplicación nunca abre enlaces)</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/detail_view.py" line="225" />
        <location filename="../../nap_desktop/ui/detail_view.py" line="244" />
        <source>Period: %1</source>
        <translation>Periodo: %1</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/detail_view.py" line="233" />
        <source>← Back to the facts</source>
        <translation>← Volver a los datos</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/detail_view.py" line="234" />
        <source>Back to the fact cards (Esc)</source>
        <translation>Volver a las fichas de datos (Esc)</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/detail_view.py" line="235" />
        <source>+ Add fact to pack</source>
        <translation>+ Agregar dato al paquete</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/detail_view.py" line="236" />
        <source>Add this fact to the briefing pack (Ctrl+D)</source>
        <translation>Agregar este dato al paquete informativo (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/detail_view.py" line="237" />
        <source>+ Add chart to pack</source>
        <translation>+ Agregar gráfica al paquete</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/detail_view.py" line="238" />
        <source>Add this chart as its own slide in the briefing pack</source>
        <translation>Agregar esta gráfica como diapositiva propia en el paquete informativo</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/detail_view.py" line="241" />
        <source>Notes and caveats</source>
        <translation>Notas y advertencias</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/detail_view.py" line="242" />
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../nap_desktop/ui/export_dialog.py" line="55" />
        <source>Export briefing</source>
        <translation>Exportar el paquete</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/export_dialog.py" line="80" />
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/export_dialog.py" line="92" />
        <source>Formats</source>
        <translation>Formatos</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/export_dialog.py" line="93" />
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/export_dialog.py" line="94" />
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/export_dialog.py" line="95" />
        <source>File name</source>
        <translation>Nombre del archivo</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/export_dialog.py" line="106" />
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/export_dialog.py" line="120" />
        <source>Export to folder</source>
        <translation>Exportar a la carpeta</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/export_dialog.py" line="124" />
        <source>Replace files?</source>
        <translation>¿Reemplazar los archivos?</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/export_dialog.py" line="125" />
        <source>These files already exist and will be replaced:</source>
        <translation>Estos archivos ya existen y se reemplazarán:</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/export_dialog.py" line="129" />
        <source>Export failed</source>
        <translation>No se pudo exportar</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/export_dialog.py" line="186" />
        <source>The folder {0} does not exist.</source>
        <translation>La carpeta {0} no existe.</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/export_dialog.py" line="205" />
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/export_dialog.py" line="221" />
        <source>Saved:</source>
        <translation>Guardado:</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/export_dialog.py" line="227" />
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
</context>
<context>
    <name>FactCardWidget</name>
    <message>
        <location filename="../../nap_desktop/ui/fact_cards.py" line="243" />
        <source>✓ In the pack</source>
        <extracomment>Narrowest a card may get before the grid drops a column (device-independent pixels).</extracomment>
        <translation>✓ En el paquete</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/fact_cards.py" line="244" />
        <source>This fact is already in the briefing pack</source>
        <translation>Este dato ya está en el paquete informativo</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/fact_cards.py" line="247" />
        <source>+ Add to pack</source>
        <translation>+ Agregar al paquete</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/fact_cards.py" line="248" />
        <source>Add this fact to the briefing pack (Space or Ctrl+D)</source>
        <translation>Agregar este dato al paquete informativo (Espacio o Ctrl+D)</translation>
    </message>
</context>
<context>
    <name>FileController</name>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="85" />
        <source>Open briefing pack</source>
        <extracomment>Changes are written to the recovery file this soon after they happen (typing is coalesced).</extracomment>
        <translation>Abrir paquete informativo</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="89" />
        <source>Save briefing pack</source>
        <translation>Guardar paquete informativo</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="95" />
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="96" />
        <source>The pack “%1” has changes that are not saved.</source>
        <translation>El paquete “%1” tiene cambios sin guardar.</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="99" />
        <source>Do you want to save them first?</source>
        <translation>¿Desea guardarlos primero?</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="117" />
        <location filename="../../nap_desktop/ui/file_controller.py" line="344" />
        <source>Untitled pack</source>
        <translation>Paquete sin título</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="118" />
        <source>NAP Briefing did not close normally. An autosaved copy of “%1” (%2 items, saved %3) was found.</source>
        <translation>NAP Briefing no se cerró correctamente. Se encontró una copia guardada automáticamente de “%1” (%2 elementos, guardada %3).</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="121" />
        <source>Restore unsaved work?</source>
        <translation>¿Restaurar el trabajo sin guardar?</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="122" />
        <source>Restore it? If you choose No, the autosaved copy is deleted.</source>
        <translation>¿Restaurarla? Si elige No, la copia automática se elimina.</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="150" />
        <source>Cannot open the pack</source>
        <translation>No se puede abrir el paquete</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="151" />
        <source>“%1” could not be opened.</source>
        <translation>No se pudo abrir “%1”.</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="152" />
        <source>Your current pack has not been changed.</source>
        <translation>Su paquete actual no se modificó.</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="160" />
        <source>Some items are missing from the catalog</source>
        <translation>Faltan algunos elementos en el catálogo</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="161" />
        <source>%1 item(s) in this pack refer to facts or charts that are no longer in the catalog: %2. They are kept and marked in the pack.</source>
        <translation>%1 elemento(s) de este paquete remiten a datos o gráficas que ya no están en el catálogo: %2. Se conservan y se marcan en el paquete.</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="206" />
        <source>Cannot save the pack</source>
        <translation>No se puede guardar el paquete</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="207" />
        <source>“%1” could not be saved: %2</source>
        <translation>No se pudo guardar “%1”: %2</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="209" />
        <source>Nothing was lost: the pack is still open, and any earlier copy of the file is unchanged. Try Save As to another folder.</source>
        <translation>No se perdió nada: el paquete sigue abierto y cualquier copia anterior del archivo está intacta. Pruebe Guardar como en otra carpeta.</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="261" />
        <source>Autosave unreadable</source>
        <translation>Copia automática ilegible</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="262" />
        <source>An autosaved pack was found but it is damaged and cannot be restored. It has been set aside as %1.</source>
        <translation>Se encontró un paquete guardado automáticamente, pero está dañado y no se puede restaurar. Se apartó como %1.</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="315" />
        <source>File not found</source>
        <translation>Archivo no encontrado</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="316" />
        <source>“%1” no longer exists; it has been removed from the recent files.</source>
        <translation>“%1” ya no existe; se quitó de los archivos recientes.</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="323" />
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="332" />
        <source>No recent packs</source>
        <translation>No hay paquetes recientes</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="336" />
        <source>Clear the list</source>
        <translation>Vaciar la lista</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="352" />
        <source>&amp;Undo %1</source>
        <translation>&amp;Deshacer %1</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="353" />
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="354" />
        <source>&amp;Redo %1</source>
        <translation>&amp;Rehacer %1</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="355" />
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="360" />
        <source>Add fact</source>
        <translation>Agregar dato</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="360" />
        <source>Add chart</source>
        <translation>Agregar gráfica</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="360" />
        <source>Add note</source>
        <translation>Agregar nota</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="361" />
        <source>Add divider</source>
        <translation>Agregar separador</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="361" />
        <source>Remove item</source>
        <translation>Quitar elemento</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="362" />
        <source>Move item</source>
        <translation>Mover elemento</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="362" />
        <source>Edit talking points</source>
        <translation>Editar puntos para exponer</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="363" />
        <source>Edit note</source>
        <translation>Editar nota</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="363" />
        <source>Edit divider</source>
        <translation>Editar separador</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="364" />
        <source>Edit pack details</source>
        <translation>Editar datos del paquete</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="364" />
        <source>Edit title</source>
        <translation>Editar título</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="365" />
        <source>Edit audience</source>
        <translation>Editar público</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="365" />
        <source>Edit meeting date</source>
        <translation>Editar fecha de la reunión</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="366" />
        <source>Change pack language</source>
        <translation>Cambiar idioma del paquete</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="371" />
        <source>&amp;New Pack</source>
        <translation>&amp;Nuevo paquete</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="371" />
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="371" />
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="372" />
        <source>Save &amp;As…</source>
        <translation>Guardar &amp;como…</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="394" />
        <source>NAP Briefing packs (*.napbrief);;All files (*)</source>
        <translation>Paquetes de NAP Briefing (*.napbrief);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/file_controller.py" line="402" />
        <source>Briefing pack</source>
        <translation>Paquete informativo</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="252" />
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="253" />
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="254" />
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="255" />
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="256" />
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="257" />
        <source>&amp;Find…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="258" />
        <source>&amp;Add fact to pack</source>
        <translation>&amp;Agregar dato al paquete</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="259" />
        <source>&amp;Back to the facts</source>
        <translation>&amp;Volver a los datos</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="260" />
        <source>Briefing &amp;pack panel</source>
        <translation>Panel del &amp;paquete informativo</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="261" />
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="262" />
        <source>&amp;About NAP Briefing</source>
        <translation>&amp;Acerca de NAP Briefing</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="263" />
        <source>Briefing pack</source>
        <translation>Paquete informativo</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="265" />
        <source>Search facts, sources, countries, topics (Ctrl+F) — English or Spanish</source>
        <translation>Buscar datos, fuentes, países, temas (Ctrl+F), en español o inglés</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="266" />
        <source>Accents and capitals do not matter: “exportacion” finds “exportación”</source>
        <translation>No importan acentos ni mayúsculas: “exportacion” encuentra “exportación”</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="267" />
        <source>Show only facts about one country</source>
        <translation>Mostrar solo los datos de un país</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="268" />
        <source>Sections of the report</source>
        <translation>Secciones del informe</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="276" />
        <source>All countries</source>
        <translation>Todos los países</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="305" />
        <source>1 fact</source>
        <translation>1 dato</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="305" />
        <source>%n facts</source>
        <translation>%n datos</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="308" />
        <source>The catalog has no facts yet.</source>
        <translation>El catálogo aún no tiene datos.</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="310" />
        <source>No fact matches “%1”. Try fewer or shorter words, the other language, or clear the country and section filters.</source>
        <translation>Ningún dato coincide con “%1”. Pruebe con menos palabras o más cortas, con el otro idioma, o quite los filtros de país y sección.</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="313" />
        <source>No fact matches these filters. Choose “All countries” or “All sections”.</source>
        <translation>Ningún dato coincide con estos filtros. Elija “Todos los países” o “Todas las secciones”.</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="320" />
        <source>All sections</source>
        <translation>Todas las secciones</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="389" />
        <source>Added to the briefing pack.</source>
        <translation>Agregado al paquete informativo.</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="391" />
        <source>Already in the briefing pack.</source>
        <translation>Ya está en el paquete informativo.</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="401" />
        <source>Select a fact card first (arrow keys or a click).</source>
        <translation>Primero seleccione una ficha de dato (con las flechas o un clic).</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="415" />
        <source>NAP Briefing %1</source>
        <translation>NAP Briefing %1</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="416" />
        <source>Data version %1</source>
        <translation>Versión de los datos %1</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="417" />
        <source>The figures of The North American Project (México, ¿cómo vamos? and the U.S.-Mexico Foundation, April 2026 update), each with its source. Works offline.</source>
        <translation>Las cifras de The North American Project (México, ¿cómo vamos? y la U.S.-Mexico Foundation, actualización de abril de 2026), cada una con su fuente. Funciona sin conexión.</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="421" />
        <source>About NAP Briefing</source>
        <translation>Acerca de NAP Briefing</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="0" />
        <source>&amp;Chart</source>
        <translation>&amp;Gráfico</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="0" />
        <source>Toolbar</source>
        <translation>Barra de herramientas</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="0" />
        <source>&amp;Present</source>
        <translation>&amp;Presentar</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="0" />
        <source>Present the briefing pack full screen (F5)</source>
        <translation>Presentar el paquete informativo en pantalla completa (F5)</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="0" />
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="0" />
        <source>Export the briefing pack to PowerPoint, Excel and other formats (Ctrl+E)</source>
        <translation>Exportar el paquete informativo a PowerPoint, Excel y otros formatos (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="0" />
        <source>Save chart &amp;image…</source>
        <translation>Guardar &amp;imagen del gráfico…</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="0" />
        <source>Save the chart shown as a PNG (2× resolution) or SVG image</source>
        <translation>Guardar el gráfico mostrado como imagen PNG (resolución 2×) o SVG</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="0" />
        <source>PNG image, 2× resolution (*.png)</source>
        <translation>Imagen PNG, resolución 2× (*.png)</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="0" />
        <source>SVG image (*.svg)</source>
        <translation>Imagen SVG (*.svg)</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="0" />
        <source>Save chart image</source>
        <translation>Guardar imagen del gráfico</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="0" />
        <source>Open a fact with a chart first.</source>
        <translation>Primero abra un dato que tenga gráfico.</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="0" />
        <source>Could not save the chart image:
%1</source>
        <translation>No se pudo guardar la imagen del gráfico:
%1</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/main_window.py" line="0" />
        <source>Chart saved to %1.</source>
        <translation>Gráfico guardado en %1.</translation>
    </message>
    <message>
        <source>&amp;Print handout…</source>
        <translation>Im&amp;primir la hoja…</translation>
    </message>
    <message>
        <source>Printing the pack's one-page handout is not available in this version yet</source>
        <translation>La impresión de la hoja de una página del paquete aún no está disponible en esta versión</translation>
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
</context>
<context>
    <name>PackListModel</name>
    <message>
        <location filename="../../nap_desktop/ui/pack_model.py" line="67" />
        <source>Fact “%1” — missing from the catalog</source>
        <extracomment>Items of this pack being dragged (their uids, JSON list). Facts dragged from elsewhere in the app (e.g. a fact card): JSON list of fact ids, inserted at the drop row.</extracomment>
        <translation>Dato “%1”: no está en el catálogo</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/pack_model.py" line="76" />
        <source>Chart “%1” — missing from the catalog</source>
        <translation>Gráfica “%1”: no está en el catálogo</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/pack_model.py" line="79" />
        <source>(untitled section)</source>
        <translation>(sección sin título)</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/pack_model.py" line="80" />
        <source>(empty note)</source>
        <translation>(nota vacía)</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/pack_model.py" line="90" />
        <source>Note: %1</source>
        <translation>Nota: %1</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/pack_model.py" line="92" />
        <source>Chart: %1</source>
        <translation>Gráfica: %1</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/pack_model.py" line="123" />
        <source>This item refers to “%1”, which is no longer in the catalog. It is kept in the pack so nothing is lost; remove it or replace it.</source>
        <translation>Este elemento remite a “%1”, que ya no está en el catálogo. Se conserva en el paquete para no perder nada; quítelo o reemplácelo.</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/pack_model.py" line="129" />
        <source>Period: %1</source>
        <translation>Periodo: %1</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/pack_model.py" line="131" />
        <source>Source: %1</source>
        <translation>Fuente: %1</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/pack_model.py" line="133" />
        <source>Talking points: %1</source>
        <translation>Puntos para exponer: %1</translation>
    </message>
</context>
<context>
    <name>PackPanel</name>
    <message>
        <location filename="../../nap_desktop/ui/pack_panel.py" line="319" />
        <source>New note</source>
        <translation>Nota nueva</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/pack_panel.py" line="325" />
        <source>New section</source>
        <translation>Sección nueva</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/pack_panel.py" line="428" />
        <source>Note text</source>
        <translation>Texto de la nota</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/pack_panel.py" line="428" />
        <source>Section title</source>
        <translation>Título de la sección</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/pack_panel.py" line="436" />
        <source>What you will say about this item (speaker notes).</source>
        <translation>Lo que dirá sobre este elemento (notas del orador).</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/pack_panel.py" line="437" />
        <source>Select an item to write its talking points.</source>
        <translation>Seleccione un elemento para escribir sus puntos para exponer.</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/pack_panel.py" line="454" />
        <source>Briefing pack</source>
        <translation>Paquete informativo</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/pack_panel.py" line="455" />
        <source>&amp;Title</source>
        <translation>&amp;Título</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/pack_panel.py" line="456" />
        <source>&amp;Audience</source>
        <translation>&amp;Público</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/pack_panel.py" line="457" />
        <source>Meeting &amp;date</source>
        <translation>&amp;Fecha de la reunión</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/pack_panel.py" line="458" />
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/pack_panel.py" line="459" />
        <source>e.g. USMCA joint review briefing</source>
        <translation>p. ej., reunión informativa sobre la revisión conjunta del T-MEC</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/pack_panel.py" line="460" />
        <source>e.g. House Ways and Means staff</source>
        <translation>p. ej., personal del Comité de Medios y Arbitrios</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/pack_panel.py" line="461" />
        <source>No date</source>
        <translation>Sin fecha</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/pack_panel.py" line="462" />
        <location filename="../../nap_desktop/ui/pack_panel.py" line="478" />
        <source>Clear the meeting date</source>
        <translation>Borrar la fecha de la reunión</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/pack_panel.py" line="463" />
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/pack_panel.py" line="464" />
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/pack_panel.py" line="465" />
        <source>The language of the exported deck and workbook</source>
        <translation>El idioma de la presentación y el libro exportados</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/pack_panel.py" line="466" />
        <source>&amp;Items (drag or Alt+Up/Down to reorder)</source>
        <translation>&amp;Elementos (arrastre o Alt+Arriba/Abajo para reordenar)</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/pack_panel.py" line="468" />
        <source>Your pack is empty.

Add facts with “Add to pack” on a fact card (or select a card and press Space or Ctrl+D). Then add notes and section dividers with the buttons below.</source>
        <translation>Su paquete está vacío.

Agregue datos con “Agregar al paquete” en una ficha (o seleccione una ficha y pulse Espacio o Ctrl+D). Luego agregue notas y separadores de sección con los botones de abajo.</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/pack_panel.py" line="470" />
        <source>Add &amp;note</source>
        <translation>+ &amp;Nota</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/pack_panel.py" line="471" />
        <source>Add di&amp;vider</source>
        <translation>+ Se&amp;parador</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/pack_panel.py" line="472" />
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/pack_panel.py" line="473" />
        <source>Remove the selected item (Delete)</source>
        <translation>Quitar el elemento seleccionado (Supr)</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/pack_panel.py" line="474" />
        <source>Move up (Alt+Up)</source>
        <translation>Subir (Alt+Arriba)</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/pack_panel.py" line="475" />
        <source>Move down (Alt+Down)</source>
        <translation>Bajar (Alt+Abajo)</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/pack_panel.py" line="476" />
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/pack_panel.py" line="477" />
        <source>Move down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <location filename="../../nap_desktop/ui/pack_panel.py" line="479" />
        <source>Tal&amp;king points</source>
        <translation>Pu&amp;ntos para exponer</translation>
    </message>
    <message>
        <source>Fact</source>
        <extracomment>QDateEdit cannot be empty: its minimum date stands for "no date" and shows the special text.</extracomment>
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
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Hide the title, audience, date and language</source>
        <translation>Ocultar el título, el público, la fecha y el idioma</translation>
    </message>
    <message>
        <source>Show the title, audience, date and language</source>
        <translation>Mostrar el título, el público, la fecha y el idioma</translation>
    </message>
    <message>
        <source>Add a note slide after the selected item</source>
        <translation>Agregar una diapositiva de nota después del elemento seleccionado</translation>
    </message>
    <message>
        <source>Add a section divider after the selected item</source>
        <translation>Agregar un separador de sección después del elemento seleccionado</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>NAP Briefing help</source>
        <translation>Ayuda de NAP Briefing</translation>
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
        <source>One screen: slides only (press N to see your notes).</source>
        <translation>Una pantalla: solo las diapositivas (pulse N para ver sus notas).</translation>
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
</context>
</TS>
