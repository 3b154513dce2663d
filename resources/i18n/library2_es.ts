<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX" sourcelanguage="en">
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
</context>
</TS>
