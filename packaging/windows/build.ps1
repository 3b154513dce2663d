# Windows build of NAP Briefing: PowerShell, from the repository root.
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1 [-NoSmoke] [-Installer]
# Creates build\venv, installs the app with PyInstaller (pip install ".[build]"), builds dist\nap-briefing\
# (nap-briefing.exe windowed, nap-desktop.exe for the command line), checks the size budget (250 MB),
# runs the smoke test against nap-desktop.exe and, with -Installer, compiles the Inno Setup installer.
# NOT RUN HERE: written on Linux; see packaging/README.md.
param([switch]$NoSmoke, [switch]$Installer)
$ErrorActionPreference = "Stop"
$repo = Resolve-Path "$PSScriptRoot\..\.."
Set-Location $repo
$python = if ($env:PYTHON) { $env:PYTHON } else { "build\venv\Scripts\python.exe" }
if (-not $env:PYTHON) {
    if (-not (Test-Path $python)) { py -3.11 -m venv build\venv }
    & $python -m pip install --upgrade pip
    & $python -m pip install ".[build]"
}
$started = Get-Date
& $python -m PyInstaller --noconfirm --clean packaging\nap-briefing-windows.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }
$seconds = [int]((Get-Date) - $started).TotalSeconds
$bytes = (Get-ChildItem dist\nap-briefing -Recurse -File | Measure-Object -Property Length -Sum).Sum
$mb = [math]::Round($bytes / 1MB)
Write-Host "build: $seconds s; size: $mb MB unpacked in dist\nap-briefing (budget 250 MB)"
if ($mb -gt 250) { throw "the build is over the 250 MB budget" }
if (-not $NoSmoke) {
    & $python packaging\smoke_test.py dist\nap-briefing --exe nap-desktop.exe
    if ($LASTEXITCODE -ne 0) { throw "smoke test failed" }
}
if ($Installer) {
    iscc packaging\windows\nap-briefing.iss
    if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
}
