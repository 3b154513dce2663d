<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX" sourcelanguage="en">
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
        <translation>← Volver a las gráficas</translation>
    </message>
    <message>
        <source>Back to the list of charts (Esc goes back to the fact cards)</source>
        <translation>Volver a la lista de gráficas (Esc vuelve a las fichas de datos)</translation>
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
</TS>
