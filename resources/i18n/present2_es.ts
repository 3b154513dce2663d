<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX" sourcelanguage="en">
<context>
    <name>PresenterView</name>
    <message><source>One item of this pack is no longer in the catalog; its slide says so: {refs}. Remove it before presenting to avoid showing it.</source><translation>Un elemento de este paquete ya no está en el catálogo; su diapositiva lo indica: {refs}. Quítelo antes de presentar para no mostrarlo.</translation></message>
    <message><source>Slide only</source><translation>Solo la diapositiva</translation></message>
    <message><source>Show the slide alone (N)</source><translation>Mostrar solo la diapositiva (N)</translation></message>
    <message><source>One screen: N switches between the slide and your presenter view (notes, next slide, timer).</source><translation>Una pantalla: N alterna entre la diapositiva y su vista del presentador (notas, diapositiva siguiente, cronómetro).</translation></message>
</context>
<context>
    <name>Presenter</name>
    <message><source>This briefing pack is empty, so there is nothing to present. Add facts, charts or notes to it first.</source><translation>Este paquete informativo está vacío, así que no hay nada que presentar. Agregue primero datos, gráficas o notas.</translation></message>
    <message><source>NAP Briefing · The North American Project</source><translation>NAP Briefing · The North American Project</translation></message>
    <message><source>Keys: → / Space next · ← previous · number + Enter go to slide · B black · W white · N presenter view · Esc end</source><translation>Teclas: → / Espacio siguiente · ← anterior · número + Intro ir a la diapositiva · B negro · W blanco · N vista del presentador · Esc terminar</translation></message>
    <message><source>None of the items in this pack is in the catalog any more (data version {version}), so there is nothing to present: {refs}. Replace them with current facts or charts, then present.</source><translation>Ninguno de los elementos de este paquete sigue en el catálogo (versión de datos {version}), así que no hay nada que presentar: {refs}. Reemplácelos con datos o gráficas actuales y luego presente.</translation></message>
    <message><source>{n} items of this pack are no longer in the catalog; their slides say so: {refs}. Remove them before presenting to avoid showing them.</source><translation>{n} elementos de este paquete ya no están en el catálogo; sus diapositivas lo indican: {refs}. Quítelos antes de presentar para no mostrarlos.</translation></message>
</context>
<context>
    <name>FirstRunHint</name>
    <message><source>Search or pick a section, add facts to the pack with {add}, then present ({present}) or export ({export}). {help} for help.</source><translation>Busque o elija una sección, agregue datos al paquete con {add} y luego presente ({present}) o exporte ({export}). {help} para la ayuda.</translation></message>
    <message><source>Close this hint (it does not come back)</source><translation>Cerrar esta sugerencia (no volverá a aparecer)</translation></message>
</context>
<context>
    <name>ChartView</name>
    <message><source>Copy the title, unit, data and source line (the table pastes into Excel as cells)</source><translation>Copiar el título, la unidad, los datos y la línea de la fuente (la tabla se pega en Excel como celdas)</translation></message>
</context>
</TS>
