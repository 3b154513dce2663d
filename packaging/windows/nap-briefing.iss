; Inno Setup script: the Windows installer of NAP Briefing, from dist\nap-briefing\ (built by
; packaging\windows\build.ps1 with packaging\nap-briefing-windows.spec). Per-user install, no admin rights:
; Start menu entry, optional desktop icon, and the .napbrief file type (double-click opens the pack in the
; app, with the app's icon). Compile with Inno Setup 6: iscc packaging\windows\nap-briefing.iss
; NOT RUN HERE: written and reviewed on Linux; see packaging/README.md.

#define AppName "NAP Briefing"
#define AppVersion "0.1.0"
#define AppExe "nap-briefing.exe"

[Setup]
AppId={{6C0F2F4E-6E0B-4C52-9D7B-2B1B7B5E4A11}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=NAP Briefing
DefaultDirName={localappdata}\Programs\NAP Briefing
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename=nap-briefing-{#AppVersion}-windows-setup
SetupIconFile=..\nap-briefing.ico
UninstallDisplayIcon={app}\{#AppExe}
ChangesAssociations=yes
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "es"; MessagesFile: "compiler:Languages\Spanish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\nap-briefing\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\nap-briefing.ico"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .napbrief -> NAPBriefing.Pack (per user: HKCU\Software\Classes), opened by the windowed program
Root: HKA; Subkey: "Software\Classes\.napbrief"; ValueType: string; ValueName: ""; ValueData: "NAPBriefing.Pack"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.napbrief"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-napbrief"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\NAPBriefing.Pack"; ValueType: string; ValueName: ""; ValueData: "NAP Briefing pack"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\NAPBriefing.Pack\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\nap-briefing.ico,0"
Root: HKA; Subkey: "Software\Classes\NAPBriefing.Pack\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".napbrief"; ValueData: ""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
