<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX" sourcelanguage="en">
<context>
    <name>FileController</name>
    <message><source>The pack was repaired</source><translation>Se reparó la presentación</translation></message>
    <message><source>“%1” contained text that could not be kept as it was (for example half of an emoji cut by another program). It was repaired; save the pack to keep the repaired version.</source><translation>«%1» contenía texto que no podía conservarse tal cual (por ejemplo, medio emoji cortado por otro programa). Se reparó; guarde la presentación para conservar la versión reparada.</translation></message>
</context>
</TS>
