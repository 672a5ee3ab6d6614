; Kit Libre's Windows installer for NSIS 3 (Modern UI 2): per user, no administrator rights.
;
; Build (makensis from NSIS 3.x; Debian: apt-get install nsis):
;
;   makensis -DVERSION=0.1.0 -DBINDIR=/abs/path/to/bin -DOUTFILE=/abs/path/kitlibre-0.1.0-setup.exe \
;            packaging/windows/kitlibre.nsi
;
;   (on Windows: makensis /DVERSION=0.1.0 /DBINDIR=C:\path\to\bin /DOUTFILE=C:\path\setup.exe ...)
;
; All three defines are required. makensis changes into this script's folder before it
; reads the script, so relative BINDIR and OUTFILE paths are relative to packaging/windows:
; pass absolute paths. BINDIR must hold kitlibre.exe (the GUI program), kitlibre.com (the
; same program built for the console subsystem: cmd and PowerShell pick .com before .exe
; when someone types "kitlibre"), README.txt and LICENSE.txt. VERSION is MAJOR.MINOR.PATCH,
; optionally followed by "-something" (the Windows file version gets MAJOR.MINOR.PATCH.0).
;
; This file is UTF-8 with a byte-order mark: that is how makensis knows it is UTF-8.
;
; What it does:
;   - installs into %LOCALAPPDATA%\Programs\Kit Libre (RequestExecutionLevel user: no UAC
;     prompt, ever), 64-bit installer (amd64-unicode stub);
;   - Start menu shortcuts for the current user: "Kit Libre", the workshop mode
;     (--workshop) and the public computer session (--public-session);
;   - an entry in "Apps & features" (HKCU\...\Uninstall\io.frama.kitlibre.KitLibre);
;   - French or English, from the language of Windows; on a Windows in another language,
;     a small dialog asks which one (French is the default).
;
; Command line:
;   setup.exe /S                 silent install (no dialog at all; exit code 0 = success,
;                                 2 = aborted, e.g. Kit Libre was running)
;   setup.exe /S /D=C:\Some\Dir  silent install elsewhere (first install only; /D must be
;                                 last and unquoted). An upgrade always goes into the folder
;                                 of the existing installation.
;   uninstall.exe /S             silent uninstall (see below about waiting for it)
;
; Upgrades: running a newer setup.exe over an installed version overwrites the files in
; the same folder and the same uninstall entry (one entry only). No need to uninstall first.
;
; Waiting for the uninstaller: like every NSIS uninstaller, uninstall.exe copies itself to
; %TEMP%\~nsuN.tmp\Un.exe, starts that copy with "_?=<install folder>" and returns at once
; (exit code 0), so that the copy can delete uninstall.exe and the folder. A script that
; must wait can either:
;   - run it in place, which waits and gives the real exit code (2 if Kit Libre was running):
;       "%LOCALAPPDATA%\Programs\Kit Libre\uninstall.exe" /S _?=%LOCALAPPDATA%\Programs\Kit Libre
;     (_?= last and unquoted, even with spaces). uninstall.exe itself, and so the folder,
;     stay: delete them afterwards; or
;   - poll until the uninstall key (or %LOCALAPPDATA%\Programs\Kit Libre\kitlibre.exe) is gone.
;   Under Wine, "wineserver -w" waits until every process of the prefix has ended.
;
; The uninstaller removes exactly what this script installs: the listed files, the
; uninstaller, the shortcuts, the uninstall key, and the folder only if it is then empty
; (never "RMDir /r": a person may have put their own files there). The user's settings and
; data (%APPDATA%\Kit Libre, %LOCALAPPDATA%\Kit Libre) are never touched: people expect to
; find them again after a reinstall; the kit's Settings screen removes them.
; kitlibre-portable.txt (the portable-mode marker) is deliberately not installed.

;--------------------------------
; Target and compression (must come first)

Target amd64-unicode
SetCompressor /SOLID /FINAL lzma

;--------------------------------
; Parameters

!ifndef VERSION
  !error "Pass the version: makensis -DVERSION=0.1.0 ..."
!endif
!ifndef BINDIR
  !error "Pass the folder holding kitlibre.exe, kitlibre.com, README.txt, LICENSE.txt: -DBINDIR=..."
!endif
!ifndef OUTFILE
  !error "Pass the installer's path: -DOUTFILE=.../kitlibre-${VERSION}-setup.exe"
!endif

; "0.1.0" or "0.2.0-rc.1" -> 0.1.0.0 / 0.2.0.0 for the Windows version resource.
!searchparse /noerrors "${VERSION}" "" KL_V_MAJOR "." KL_V_MINOR "." KL_V_REST
!ifndef KL_V_MAJOR | KL_V_MINOR | KL_V_REST
  !error "VERSION must be MAJOR.MINOR.PATCH (got ${VERSION})"
!endif
!searchparse /noerrors "${KL_V_REST}-" "" KL_V_PATCH "-"
!define KL_VERSION4 "${KL_V_MAJOR}.${KL_V_MINOR}.${KL_V_PATCH}.0"

!define KL_NAME "Kit Libre"
!define KL_ID "io.frama.kitlibre.KitLibre"
!define KL_PUBLISHER "Kit Libre contributors"
!define KL_URL "https://kitlibre.frama.io"
; Never change the key name: upgrades find the existing installation through it.
!define KL_UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${KL_ID}"
!define KL_UNINSTALLER "uninstall.exe"
; The icon of setup.exe and uninstall.exe (kitlibre.exe carries the same one, from
; build.rs). Relative to this script, since makensis changes into its folder;
; ${__FILEDIR__} would not do: it is the path as given to makensis, possibly relative.
!define KL_ICON "..\icons\kitlibre.ico"

; Shortcut names in both languages: the uninstaller (and an upgrade in the other language)
; removes both, whatever the language it runs in.
!define KL_SC_MAIN "${KL_NAME}"
!define KL_SC_WORKSHOP_FR "Kit Libre (atelier)"
!define KL_SC_WORKSHOP_EN "Kit Libre (workshop)"
!define KL_SC_PUBLIC_FR "Kit Libre (ordinateur public)"
!define KL_SC_PUBLIC_EN "Kit Libre (public computer)"

;--------------------------------
; General

Name "${KL_NAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${KL_NAME}"
; Only used when .onInit finds no valid installation (see there).
InstallDirRegKey HKCU "${KL_UNINST_KEY}" "InstallLocation"
RequestExecutionLevel user
ManifestDPIAware true
BrandingText "${KL_NAME} ${VERSION}"
ShowInstDetails hide
ShowUninstDetails hide
; A file that cannot be replaced (the program is still running) must stop the install,
; not be skipped silently: without this, "/S" would ignore the error.
AllowSkipFiles off

!include "MUI2.nsh"
!include "LogicLib.nsh"

Var KL_Upgrade

;--------------------------------
; Modern UI

!define MUI_ICON "${KL_ICON}"
!define MUI_UNICON "${KL_ICON}"
!define MUI_ABORTWARNING
!define MUI_UNABORTWARNING

; Language dialog, only shown when Windows is neither in French nor in English (.onInit).
; The choice is kept in the uninstall key: an upgrade (even silent) reuses it without
; asking again, and the uninstaller speaks it (un.onInit).
!define MUI_LANGDLL_ALLLANGUAGES
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "${KL_UNINST_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "NSIS:Language"
!define MUI_LANGDLL_WINDOWTITLE "Kit Libre"
!define MUI_LANGDLL_INFO "Choisissez une langue / Please select a language"

!define MUI_WELCOMEPAGE_TEXT "$(KL_WELCOME_TEXT)"
!insertmacro MUI_PAGE_WELCOME
!define MUI_PAGE_CUSTOMFUNCTION_PRE KL_DirectoryPre
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\kitlibre.exe"
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(KL_UNINSTALL_TEXT)"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; French first: it is the default when Windows is in a language the installer lacks.
!insertmacro MUI_LANGUAGE "French"
!insertmacro MUI_LANGUAGE "English"

; Plug-ins used in .onInit go first in the solid archive, so that they start fast.
!insertmacro MUI_RESERVEFILE_LANGDLL
ReserveFile /plugin System.dll

;--------------------------------
; Strings

LangString KL_SC_WORKSHOP ${LANG_FRENCH} "${KL_SC_WORKSHOP_FR}"
LangString KL_SC_WORKSHOP ${LANG_ENGLISH} "${KL_SC_WORKSHOP_EN}"
LangString KL_SC_PUBLIC ${LANG_FRENCH} "${KL_SC_PUBLIC_FR}"
LangString KL_SC_PUBLIC ${LANG_ENGLISH} "${KL_SC_PUBLIC_EN}"

; Shortcut comments (tooltips), as in the Linux desktop entry.
LangString KL_DESC_MAIN ${LANG_FRENCH} "Trouver des alternatives libres aux logiciels et services que vous utilisez"
LangString KL_DESC_MAIN ${LANG_ENGLISH} "Find free alternatives to the programs and services you use"
LangString KL_DESC_WORKSHOP ${LANG_FRENCH} "Mode atelier (vidéoprojecteur)"
LangString KL_DESC_WORKSHOP ${LANG_ENGLISH} "Workshop mode (projector)"
LangString KL_DESC_PUBLIC ${LANG_FRENCH} "Session ordinateur public (rien n'est gardé)"
LangString KL_DESC_PUBLIC ${LANG_ENGLISH} "Public computer session (nothing kept)"

LangString KL_WELCOME_TEXT ${LANG_FRENCH} "Cet assistant va installer Kit Libre ${VERSION} pour votre compte seulement. Aucun droit d'administrateur n'est nécessaire.$\r$\n$\r$\nSi Kit Libre est déjà installé, il sera mis à jour ; vos réglages sont conservés.$\r$\n$\r$\n$_CLICK"
LangString KL_WELCOME_TEXT ${LANG_ENGLISH} "This wizard will install Kit Libre ${VERSION} for your account only. No administrator rights are needed.$\r$\n$\r$\nIf Kit Libre is already installed, it will be updated; your settings are kept.$\r$\n$\r$\n$_CLICK"
LangString KL_UNINSTALL_TEXT ${LANG_FRENCH} "Kit Libre va être désinstallé de votre ordinateur. Vos réglages et vos données personnelles sont conservés."
LangString KL_UNINSTALL_TEXT ${LANG_ENGLISH} "Kit Libre will be uninstalled from your computer. Your settings and personal data are kept."
LangString KL_RUNNING ${LANG_FRENCH} "Kit Libre est ouvert. Fermez-le, puis cliquez sur Réessayer."
LangString KL_RUNNING ${LANG_ENGLISH} "Kit Libre is running. Close it, then click Retry."

;--------------------------------
; Version information of setup.exe (Explorer's Properties > Details)

VIProductVersion "${KL_VERSION4}"
VIFileVersion "${KL_VERSION4}"
VIAddVersionKey /LANG=${LANG_FRENCH} "ProductName" "${KL_NAME}"
VIAddVersionKey /LANG=${LANG_FRENCH} "CompanyName" "${KL_PUBLISHER}"
VIAddVersionKey /LANG=${LANG_FRENCH} "LegalCopyright" "© ${KL_PUBLISHER}, GPL-3.0-or-later"
VIAddVersionKey /LANG=${LANG_FRENCH} "FileDescription" "Installation de ${KL_NAME}"
VIAddVersionKey /LANG=${LANG_FRENCH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_FRENCH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "${KL_NAME}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "CompanyName" "${KL_PUBLISHER}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "© ${KL_PUBLISHER}, GPL-3.0-or-later"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "${KL_NAME} Setup"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"

;--------------------------------
; Helpers

; Stops (Retry / Cancel; Cancel when silent) while FILE cannot be opened for writing,
; i.e. while Kit Libre is running from it. Nothing has been changed at that point.
!macro KL_ENSURE_CLOSED FILE
  ${Do}
    ClearErrors
    ${IfNot} ${FileExists} "${FILE}"
      ${Break}
    ${EndIf}
    FileOpen $R9 "${FILE}" a
    ${IfNot} ${Errors}
      FileClose $R9
      ${Break}
    ${EndIf}
    ${IfNot} ${Cmd} `MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(KL_RUNNING)" /SD IDCANCEL IDRETRY`
      Abort
    ${EndIf}
  ${Loop}
!macroend

; The Start menu shortcuts, in both languages (see KL_SC_*).
!macro KL_DELETE_SHORTCUTS
  Delete "$SMPROGRAMS\${KL_SC_MAIN}.lnk"
  Delete "$SMPROGRAMS\${KL_SC_WORKSHOP_FR}.lnk"
  Delete "$SMPROGRAMS\${KL_SC_WORKSHOP_EN}.lnk"
  Delete "$SMPROGRAMS\${KL_SC_PUBLIC_FR}.lnk"
  Delete "$SMPROGRAMS\${KL_SC_PUBLIC_EN}.lnk"
!macroend

; Adds the size of FILE, in KiB rounded up, to $R0.
!macro KL_ADD_SIZE FILE
  ClearErrors
  FileOpen $R9 "${FILE}" r
  ${IfNot} ${Errors}
    FileSeek $R9 0 END $R8
    FileClose $R9
    IntOp $R8 $R8 + 1023
    IntOp $R8 $R8 / 1024
    IntOp $R0 $R0 + $R8
  ${EndIf}
!macroend

;--------------------------------
; Installer

Function .onInit
  SetShellVarContext current

  ; An existing installation (its uninstaller still there) is upgraded in place, in its
  ; own folder: this also overrides /D, so that there is never a second copy behind the
  ; one uninstall entry.
  StrCpy $KL_Upgrade 0
  ReadRegStr $0 HKCU "${KL_UNINST_KEY}" "InstallLocation"
  ${If} $0 != ""
  ${AndIf} ${FileExists} "$0\${KL_UNINSTALLER}"
    StrCpy $INSTDIR $0
    StrCpy $KL_Upgrade 1
  ${EndIf}

  ; NSIS already picked French or English from Windows' display language (French when
  ; neither matches). Only when Windows is in neither language (primary language ids
  ; 0x0C French, 0x09 English): take the language stored by a previous install, else ask
  ; (never when silent: the macro checks; a silent first install is then in French).
  System::Call 'kernel32::GetUserDefaultUILanguage() i .r0'
  IntOp $0 $0 & 0x3FF
  ${If} $0 <> 0x0C
  ${AndIf} $0 <> 0x09
    !insertmacro MUI_LANGDLL_DISPLAY
  ${EndIf}
FunctionEnd

; On an upgrade the folder is the existing one: no directory page.
Function KL_DirectoryPre
  ${If} $KL_Upgrade = 1
    Abort
  ${EndIf}
FunctionEnd

Section "-${KL_NAME}" SecMain
  SetShellVarContext current
  SetOutPath "$INSTDIR"

  !insertmacro KL_ENSURE_CLOSED "$INSTDIR\kitlibre.exe"
  !insertmacro KL_ENSURE_CLOSED "$INSTDIR\kitlibre.com"

  ; Keep this list in sync with the uninstaller's and with the size below.
  SetOverwrite on
  File "${BINDIR}\kitlibre.exe"
  File "${BINDIR}\kitlibre.com"
  File "${BINDIR}\README.txt"
  File "${BINDIR}\LICENSE.txt"
  WriteUninstaller "$INSTDIR\${KL_UNINSTALLER}"

  ; Shortcuts directly in the Start menu, not in a folder: the three names begin with
  ; "Kit Libre", so they sort together, and the public-computer one is found without
  ; opening a folder (Windows 10/11 show a folder as one collapsed entry).
  ; Shortcuts of a previous install in the other language go first.
  !insertmacro KL_DELETE_SHORTCUTS
  ; Icons: the one inside kitlibre.exe (build.rs links packaging/icons/kitlibre.ico in).
  CreateShortCut "$SMPROGRAMS\${KL_SC_MAIN}.lnk" "$INSTDIR\kitlibre.exe" "" \
    "$INSTDIR\kitlibre.exe" 0 SW_SHOWNORMAL "" "$(KL_DESC_MAIN)"
  CreateShortCut "$SMPROGRAMS\$(KL_SC_WORKSHOP).lnk" "$INSTDIR\kitlibre.exe" "--workshop" \
    "$INSTDIR\kitlibre.exe" 0 SW_SHOWNORMAL "" "$(KL_DESC_WORKSHOP)"
  CreateShortCut "$SMPROGRAMS\$(KL_SC_PUBLIC).lnk" "$INSTDIR\kitlibre.exe" "--public-session" \
    "$INSTDIR\kitlibre.exe" 0 SW_SHOWNORMAL "" "$(KL_DESC_PUBLIC)"

  ; "Apps & features" entry, for the current user only.
  WriteRegStr HKCU "${KL_UNINST_KEY}" "DisplayName" "${KL_NAME}"
  WriteRegStr HKCU "${KL_UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${KL_UNINST_KEY}" "Publisher" "${KL_PUBLISHER}"
  WriteRegStr HKCU "${KL_UNINST_KEY}" "DisplayIcon" "$INSTDIR\kitlibre.exe"
  WriteRegStr HKCU "${KL_UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${KL_UNINST_KEY}" "UninstallString" '"$INSTDIR\${KL_UNINSTALLER}"'
  WriteRegStr HKCU "${KL_UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\${KL_UNINSTALLER}" /S'
  WriteRegStr HKCU "${KL_UNINST_KEY}" "URLInfoAbout" "${KL_URL}"
  WriteRegDWORD HKCU "${KL_UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${KL_UNINST_KEY}" "NoRepair" 1
  ; The installer's language (also when silent), for upgrades and the uninstaller.
  WriteRegStr HKCU "${MUI_LANGDLL_REGISTRY_KEY}" "${MUI_LANGDLL_REGISTRY_VALUENAME}" "$LANGUAGE"

  ; EstimatedSize (KiB): what this installer wrote, not the whole folder.
  StrCpy $R0 0
  !insertmacro KL_ADD_SIZE "$INSTDIR\kitlibre.exe"
  !insertmacro KL_ADD_SIZE "$INSTDIR\kitlibre.com"
  !insertmacro KL_ADD_SIZE "$INSTDIR\README.txt"
  !insertmacro KL_ADD_SIZE "$INSTDIR\LICENSE.txt"
  !insertmacro KL_ADD_SIZE "$INSTDIR\${KL_UNINSTALLER}"
  WriteRegDWORD HKCU "${KL_UNINST_KEY}" "EstimatedSize" $R0
SectionEnd

;--------------------------------
; Uninstaller

Function un.onInit
  SetShellVarContext current
  ReadRegStr $0 HKCU "${MUI_LANGDLL_REGISTRY_KEY}" "${MUI_LANGDLL_REGISTRY_VALUENAME}"
  ${If} $0 != ""
    StrCpy $LANGUAGE $0
  ${EndIf}
FunctionEnd

Section "Uninstall"
  SetShellVarContext current

  !insertmacro KL_ENSURE_CLOSED "$INSTDIR\kitlibre.exe"
  !insertmacro KL_ENSURE_CLOSED "$INSTDIR\kitlibre.com"

  ; The shortcuts and the uninstall entry belong to the registered installation: another
  ; copy's uninstaller (a folder copied by hand) leaves them alone.
  ReadRegStr $0 HKCU "${KL_UNINST_KEY}" "InstallLocation"
  ${If} $0 == ""
  ${OrIf} $0 == $INSTDIR
    !insertmacro KL_DELETE_SHORTCUTS
  ${EndIf}

  ; Exactly the installed files; never "RMDir /r", never the user's data
  ; (%APPDATA%\Kit Libre, %LOCALAPPDATA%\Kit Libre).
  Delete "$INSTDIR\kitlibre.exe"
  Delete "$INSTDIR\kitlibre.com"
  Delete "$INSTDIR\README.txt"
  Delete "$INSTDIR\LICENSE.txt"
  ; Works because this runs from a copy in %TEMP% (not when started with _?=).
  Delete "$INSTDIR\${KL_UNINSTALLER}"
  ; Only if empty: files a person put there stay, and so does the folder.
  RMDir "$INSTDIR"

  ${If} $0 == ""
  ${OrIf} $0 == $INSTDIR
    DeleteRegKey HKCU "${KL_UNINST_KEY}"
  ${EndIf}
SectionEnd
