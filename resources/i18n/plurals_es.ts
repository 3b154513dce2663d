<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX">
<context>
    <name>ExportDialog</name>
    <message>
        <source>One item has no Spanish text yet: %2. The Spanish files show its English text marked %3.</source>
        <translation>Un elemento aún no tiene texto en español: %2. Los archivos en español muestran su texto en inglés marcado %3.</translation>
    </message>
    <message>
        <source>%1 items have no Spanish text yet: %2. The Spanish files show their English text marked %3.</source>
        <translation>%1 elementos aún no tienen texto en español: %2. Los archivos en español muestran su texto en inglés marcado %3.</translation>
    </message>
</context>
<context>
    <name>FileController</name>
    <message>
        <source>One item in this pack refers to a fact or chart that is no longer in the catalog: %2. It is kept and marked in the pack.</source>
        <translation>Un elemento de este paquete remite a un dato o una gráfica que ya no está en el catálogo: %2. Se conserva y se marca en el paquete.</translation>
    </message>
    <message>
        <source>%1 items in this pack refer to facts or charts that are no longer in the catalog: %2. They are kept and marked in the pack.</source>
        <translation>%1 elementos de este paquete remiten a datos o gráficas que ya no están en el catálogo: %2. Se conservan y se marcan en el paquete.</translation>
    </message>
</context>
</TS>
