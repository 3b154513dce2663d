<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX">
<context>
    <name>ExportDialog</name>
    <message>
        <source>%1 item(s) have no Spanish text yet: %2. The Spanish files show their English text marked %3.</source>
        <translation>%1 elemento(s) aún sin texto en español: %2. Los archivos en español muestran su texto en inglés marcado %3.</translation>
    </message>
</context>
</TS>
