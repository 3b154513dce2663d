<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX" sourcelanguage="en">
<context>
    <name>PackPanel</name>
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
    <name>PackDocument</name>
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
</context>
</TS>
