<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX" sourcelanguage="en">
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
    <name>MainWindow</name>
    <message>
        <source>Print the briefing pack&apos;s one-page handout (%1)</source>
        <translation>Imprimir la hoja informativa de una página de la presentación (%1)</translation>
    </message>
</context>
</TS>
