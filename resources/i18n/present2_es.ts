<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX" sourcelanguage="en">
<context>
    <name>PresenterView</name>
    <message><source>Slide only</source><translation>Solo la diapositiva</translation></message>
    <message><source>Show the slide alone (N)</source><translation>Mostrar solo la diapositiva (N)</translation></message>
    <message><source>One screen: N switches between the slide and your presenter view (notes, next slide, timer).</source><translation>Una pantalla: N alterna entre la diapositiva y su vista del presentador (notas, diapositiva siguiente, cronómetro).</translation></message>
</context>
<context>
    <name>FirstRunHint</name>
    <message><source>Search or pick a section, add facts to the pack with {add}, then present ({present}) or export ({export}). {help} for help.</source><translation>Busque o elija una sección, agregue datos al paquete con {add} y luego presente ({present}) o exporte ({export}). {help} para la ayuda.</translation></message>
    <message><source>Close this hint (it does not come back)</source><translation>Cerrar esta sugerencia (no volverá a aparecer)</translation></message>
</context>
</TS>
