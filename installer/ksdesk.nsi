; KS Desk: a per-user 64-bit installer (no administrator rights, no UAC prompt).
; Built by installer/build.py, which passes VERSION, STAGE (the install tree), OUTFILE and COMPRESSOR:
;   makensis -X"Target amd64-unicode" -DVERSION=0.1.0 -DSTAGE=... -DOUTFILE=... -DCOMPRESSOR=zlib ksdesk.nsi
;
; Installs to %LOCALAPPDATA%\Programs\KSDesk. The user's data (cache with unsent tickets, drafts,
; settings, logs, the embedded server) lives in %LOCALAPPDATA%\KSDesk, where platformdirs puts it:
; an upgrade replaces only the program folders below, and uninstall leaves the data unless asked
; (the «Данные пользователя» component, or /PURGE on a silent uninstall: uninstall.exe /S /PURGE).

Unicode true
ManifestSupportedOS all
ManifestDPIAware true
!ifdef NOCOMPRESS
  SetCompress off  ; build.py --fast, for the tests: the same files, built in a fraction of the time
!else
  SetCompressor ${COMPRESSOR}
!endif

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "x64.nsh"

!define APP "KSDesk"
!define TITLE "КС Деск"
!define PUBLISHER "KS Desk"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"
!define SHORTCUT "$SMPROGRAMS\${TITLE}.lnk"
!define USER_DATA "$LOCALAPPDATA\${APP}"

Name "${TITLE}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
BrandingText "${TITLE} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${TITLE}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "FileDescription" "Установка ${TITLE}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"

!define MUI_ICON "${STAGE}\ksdesk.ico"
!define MUI_UNICON "${STAGE}\ksdesk.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\Python\pythonw.exe"
!define MUI_FINISHPAGE_RUN_PARAMETERS "-m ksdesk_desktop"
!define MUI_FINISHPAGE_RUN_TEXT "Запустить ${TITLE}"
!define MUI_COMPONENTSPAGE_NODESC

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Russian"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "${TITLE} работает только в 64-разрядной Windows." /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  SetShellVarContext current
FunctionEnd

Section "Программа" SecProgram
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; An upgrade replaces the program wholesale, so no file of the older version is left behind.
  ; The user's data is not here (see the top of this file) and stays as it is.
  RMDir /r "$INSTDIR\Python"
  RMDir /r "$INSTDIR\lib"
  RMDir /r "$INSTDIR\app"
  File /r "${STAGE}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "${SHORTCUT}" "$INSTDIR\Python\pythonw.exe" "-m ksdesk_desktop" "$INSTDIR\ksdesk.ico" 0 \
    SW_SHOWNORMAL "" "${TITLE} — рабочее место сотрудника поддержки"

  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${TITLE}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\ksdesk.ico"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "un.Программа" SecUnProgram
  SectionIn RO
  Delete "${SHORTCUT}"
  RMDir /r "$INSTDIR\Python"
  RMDir /r "$INSTDIR\lib"
  RMDir /r "$INSTDIR\app"
  Delete "$INSTDIR\ksdesk.exe"
  Delete "$INSTDIR\ksdesk.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINST_KEY}"
SectionEnd

; Off unless chosen on the components page or given as /PURGE: the user's tickets not yet sent,
; drafts, settings and logs. Saved logins stay in the Windows credential store either way.
Section /o "un.Данные пользователя (неотправленные обращения, черновики, настройки, журналы)" SecPurge
  RMDir /r "${USER_DATA}"
SectionEnd

Function un.onInit
  SetRegView 64
  SetShellVarContext current
  ${un.GetParameters} $R0
  ClearErrors
  ${un.GetOptions} $R0 "/PURGE" $R1
  ${IfNot} ${Errors}
    SectionSetFlags ${SecPurge} ${SF_SELECTED}
  ${EndIf}
FunctionEnd
