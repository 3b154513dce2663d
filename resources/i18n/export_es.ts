<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX" sourcelanguage="en">
<context>
    <name>ExportDialog</name>
    <message><source>US Letter</source><translation>Carta (EE. UU.)</translation></message>
    <message><source>A4</source><translation>A4</translation></message>
    <message><source>Print the talking points on the handout</source><translation>Imprimir los puntos para la conversación en la hoja</translation></message>
    <message><source>Use a PowerPoint template…</source><translation>Usar una plantilla de PowerPoint…</translation></message>
    <message><source>Use ours</source><translation>Usar la nuestra</translation></message>
    <message><source>Handout</source><translation>Hoja informativa</translation></message>
    <message><source>Template</source><translation>Plantilla</translation></message>
    <message><source>Choose a PowerPoint template</source><translation>Elija una plantilla de PowerPoint</translation></message>
    <message><source>PowerPoint templates (*.pptx *.potx)</source><translation>Plantillas de PowerPoint (*.pptx *.potx)</translation></message>
    <message><source>NAP Briefing&apos;s own</source><translation>La de NAP Briefing</translation></message>
</context>
</TS>
