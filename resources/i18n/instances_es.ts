<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX" sourcelanguage="en">
<context>
    <name>FileController</name>
    <message>
        <source>The pack changed on disk</source>
        <translation>El paquete cambió en el disco</translation>
    </message>
    <message>
        <source>“%1” was changed by another program or another NAP Briefing window since you opened it.</source>
        <translation>Otro programa u otra ventana de NAP Briefing modificó “%1” después de que usted lo abrió.</translation>
    </message>
    <message>
        <source>Overwrite it with your version, save yours under another name, or cancel?</source>
        <translation>¿Sobrescribirlo con su versión, guardar la suya con otro nombre o cancelar?</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>Sobrescribir</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>Guardar como…</translation>
    </message>
    <message>
        <source>Autosave works again: your changes are protected.</source>
        <translation>El guardado automático funciona de nuevo: sus cambios están protegidos.</translation>
    </message>
    <message>
        <source>Autosave failed (%1): your latest changes are not protected.</source>
        <translation>Falló el guardado automático (%1): sus últimos cambios no están protegidos.</translation>
    </message>
    <message>
        <source>Save the pack (Ctrl+S) or use Save As.</source>
        <translation>Guarde el paquete (Ctrl+S) o use Guardar como.</translation>
    </message>
    <message>
        <source>Autosave failed</source>
        <translation>Falló el guardado automático</translation>
    </message>
    <message>
        <source>The last autosaved copy (%1) is %2.</source>
        <translation>La última copia guardada automáticamente (%1) es %2.</translation>
    </message>
    <message>
        <source>The last saved version is %1.</source>
        <translation>La última versión guardada es %1.</translation>
    </message>
    <message>
        <source>No copy has been saved yet: use Save As to save the pack to a folder you can write to.</source>
        <translation>Aún no se ha guardado ninguna copia: use Guardar como para guardar el paquete en una carpeta donde pueda escribir.</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>el disco está lleno</translation>
    </message>
    <message>
        <source>the folder is read-only</source>
        <translation>la carpeta es de solo lectura</translation>
    </message>
    <message>
        <source>no permission to write there</source>
        <translation>no hay permiso para escribir ahí</translation>
    </message>
    <message>
        <source>the settings folder cannot be created</source>
        <translation>no se puede crear la carpeta de configuración</translation>
    </message>
</context>
</TS>
