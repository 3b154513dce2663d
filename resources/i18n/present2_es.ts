<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX" sourcelanguage="en">
<context>
    <name>PresenterView</name>
    <message><source>Slide only</source><translation>Solo la diapositiva</translation></message>
    <message><source>Show the slide alone (N)</source><translation>Mostrar solo la diapositiva (N)</translation></message>
    <message><source>One screen: N switches between the slide and your presenter view (notes, next slide, timer).</source><translation>Una pantalla: N alterna entre la diapositiva y su vista del presentador (notas, diapositiva siguiente, cronómetro).</translation></message>
</context>
</TS>
