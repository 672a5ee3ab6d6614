; Kit Libre's Windows installer (Inno Setup 6). How to build it: packaging/README.md.
;
;   cargo build --release --locked
;   iscc packaging\windows\kitlibre.iss
;
; or, with another version or binary:  iscc /DAppVersion=0.2.0 /DBinDir=C:\path\to\dir kitlibre.iss
;
; The file is UTF-8 with a byte-order mark: Inno Setup reads Unicode scripts only so.
;
; It installs for the current user without administrator rights (library and office PCs
; rarely give them): into %LOCALAPPDATA%\Programs\Kit Libre, with a Start menu shortcut
; and an uninstaller in "Apps & features". An administrator may choose an install for
; all users in the first dialog instead.
; tests/package.rs checks that the id and the version below agree with Cargo.toml.

#define AppId "io.frama.kitlibre.KitLibre"
#define AppName "Kit Libre"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
; The folder holding kitlibre.exe, relative to this script (or absolute).
#ifndef BinDir
  #define BinDir "..\..\target\release"
#endif

[Setup]
; The id names the uninstall entry ("io.frama.kitlibre.KitLibre_is1"): never change it,
; or upgrades would install a second copy.
AppId={#AppId}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Kit Libre contributors
AppPublisherURL=https://kitlibre.frama.io
AppSupportURL=https://kitlibre.frama.io
AppUpdatesURL=https://kitlibre.frama.io
VersionInfoVersion={#AppVersion}
; Per user, no administrator rights; the dialog lets an administrator install for all.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
; {autopf} is %LOCALAPPDATA%\Programs for a per-user install, Program Files otherwise.
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableWelcomePage=no
LicenseFile=..\..\LICENSE
SetupIconFile=..\icons\kitlibre.ico
UninstallDisplayIcon={app}\kitlibre.ico
UninstallDisplayName={#AppName}
OutputDir=..\..\target\windows
OutputBaseFilename=kitlibre-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; The binary is built for 64-bit x86; Windows on Arm runs it through emulation.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Languages: the one of Windows when it is French or English, else a choice.
ShowLanguageDialog=auto

[Languages]
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
fr.AppComment=Trouver des alternatives libres aux logiciels et services que vous utilisez
en.AppComment=Find free alternatives to the programs and services you use
fr.PublicSession=Kit Libre (ordinateur public, rien n'est gardé)
en.PublicSession=Kit Libre (public computer, nothing kept)
fr.PublicSessionTask=Raccourci « ordinateur public » (médiathèques, espaces numériques)
en.PublicSessionTask="Public computer" shortcut (libraries, digital spaces)

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "publicsession"; Description: "{cm:PublicSessionTask}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BinDir}\kitlibre.exe"; DestDir: "{app}"; Flags: ignoreversion
; The program carries no icon of its own: shortcuts and the uninstall entry use this one.
Source: "..\icons\kitlibre.ico"; DestDir: "{app}"; Flags: ignoreversion
Source: "..\..\README.md"; DestDir: "{app}"; Flags: ignoreversion
Source: "..\..\LICENSE"; DestDir: "{app}"; DestName: "LICENSE.txt"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\kitlibre.exe"; IconFilename: "{app}\kitlibre.ico"; Comment: "{cm:AppComment}"
Name: "{autoprograms}\{cm:PublicSession}"; Filename: "{app}\kitlibre.exe"; Parameters: "--public-session"; IconFilename: "{app}\kitlibre.ico"; Tasks: publicsession
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\kitlibre.exe"; IconFilename: "{app}\kitlibre.ico"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\kitlibre.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; Settings, progress and downloaded catalogues stay in the user's folders after an
; uninstall (%APPDATA%\kitlibre ...), as people expect when they reinstall; the kit's
; Settings screen and `kitlibre settings reset` remove them.
