<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX" sourcelanguage="en">
<context>
    <name>FactCards</name>
    <message>
        <source>Matched in the Spanish text</source>
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
</TS>
