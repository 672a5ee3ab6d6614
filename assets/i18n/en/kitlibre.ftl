# Kit Libre — interface texts, in English.
# French (../fr/kitlibre.ftl) is the reference: every id there must exist here.

## Severity of catalogue problems
severity-error = error
severity-warning = warning

## Catalogue problems (catalog check)
problem-unreadable = unreadable file: { $detail }
problem-syntax = TOML error: { $detail }
problem-unknown-file = .toml file in a place the catalogue does not use (expected: categories.toml, proprietary/, free/ or replacements/)
problem-bad-id = "{ $id }" is not a valid id (lower case, digits and hyphens, e.g. "microsoft-word")
problem-duplicate-id = the id "{ $id }" is already taken by { $other }
problem-unknown-reference = { $target } "{ $id }" does not exist in the catalogue
problem-replacement-file-name = this file must be named { $expected } (proprietary--free)
problem-no-replacement = no replacement is offered for this product (add a file in replacements/)
problem-missing-text = missing { $lang ->
        [fr] French
       *[en] English
    } text
problem-empty = this field is empty
problem-duplicate = "{ $value }" appears twice
problem-bad-url = "{ $url }" is not a valid web address
problem-not-https = "{ $url }" must start with https://
problem-bad-identifier = "{ $value }" does not have the form of a { $scheme } identifier
problem-winget-unknown = the winget id "{ $id }" is not in the winget index
problem-winget-unknown-suggest = the winget id "{ $id }" is not in the winget index (did you mean "{ $suggestion }"?)
problem-shell-metacharacters = "{ $value }" contains blanks or shell special characters: refused
problem-unknown-license = "{ $license }" is not a valid SPDX licence expression ({ $detail })
problem-not-free-license = the licence "{ $license }" is not a free licence (neither OSI nor FSF): only an ethical service may have one
problem-bad-pattern = the detection pattern "{ $pattern }" is not a valid regular expression: { $detail }
problem-service-mismatch = a service (kind = "service") must have a [service] table, and only a service may have one (here: { $kind })
problem-platform-mismatch = the install method { $method } is for the { $platform } platform, which is not in "platforms"
problem-replacement-platform = the free program does not run on the { $platform } platform
problem-no-install-method = no way to get it (add at least one method under [install])
problem-no-concern = no reason to leave it is given (add at least one [[concerns]] entry)
problem-no-source = no source (add at least one address in provenance.sources)
problem-checked-in-future = the check date { $date } is in the future
problem-stale = last checked on { $date }: check it again
problem-unused-category = no entry uses this category
problem-self-reference = an entry cannot point to itself

## Replacement levels
fit-drop-in = drop-in replacement
fit-close = close replacement
fit-different = a different way of working

## Kinds of entries
kind-proprietary = proprietary program or service
kind-free = free or ethical

## Command line
cli-bad-usage = Wrong command or option. See "kitlibre --help".
cli-catalog-has-problems = Warning: { $count } catalogue file(s) were skipped (see "kitlibre catalog check").
cli-not-a-directory = "{ $path }" is not a catalogue directory.
cli-unreadable = Cannot read "{ $path }": { $detail }
cli-winget-index-bad = Unreadable winget index: { $detail }
cli-search-none = Nothing found for "{ $query }". Try another word, for example the name of the program you use.
cli-show-unknown = No entry "{ $id }" in the catalogue.
cli-did-you-mean = Did you mean: { $ids }?
cli-vendor = Vendor: { $vendor }
cli-why-leave = Why consider leaving it:
cli-alternatives = Free alternatives:
cli-license = Licence: { $license }
cli-homepage = Website: { $url }
cli-platforms = Platforms: { $platforms }
cli-install-methods = How to get it:
cli-replaces = Replaces:
cli-stats-totals = { $proprietary } proprietary products, { $free } free or ethical alternatives, { $replacements } replacements, { $categories } categories.
cli-stats-free-software = { $count } free software programs (OSI or FSF licence), { $services } services of which { $chatons } CHATONS members, { $sill } in the SILL.
cli-stats-by-kind = By kind (proprietary, free):
cli-stats-by-category = By category (proprietary, free):
cli-stats-by-platform = By platform (proprietary, free, replacements):
cli-stats-install = Known install methods:
cli-stats-languages = Translated texts per language:
cli-stats-detectable = { $count } of { $total } proprietary products have detection hints.
cli-check-winget-skipped = Note: winget ids not checked against the index (no --winget-index option).
cli-check-summary = { $files } files checked: { $errors } error(s), { $warnings } warning(s).

## Services
cost-free = free of charge
cost-donation = free of charge, donations welcome
cost-freemium = free with paid options
cost-paid = paid
provider-association = non-profit association
provider-cooperative = cooperative
provider-company = company
provider-foundation = foundation
provider-public-body = public service
provider-federation = network of independent servers
cli-service-provider = Run by: { $provider } ({ $kind }, { $country })
cli-service-cost = Price: { $cost }
cli-service-chatons = Member of the CHATONS collective (ethical hosts).
cli-service-signup = Sign up: { $url }
cli-service-before = Before you sign up: { $text }
cli-not-free-software = Note: this service is not free software (its code is not public), but it respects your privacy better.

## Window: general
platform-web = on the web
difficulty-easy = easy to pick up
difficulty-medium = takes a little learning
difficulty-advanced = for experienced users
kind-proprietary-software = proprietary program
kind-proprietary-service = proprietary service
kind-proprietary-os = proprietary system
kind-proprietary-store = proprietary app store
kind-proprietary-font = proprietary font
ui-loading = Loading the catalogue…
ui-catalog-failed-title = The catalogue could not be opened
ui-catalog-failed = The catalogue folder given cannot be read: { $detail }. Close the window and start Kit Libre again without the --catalog option to use the built-in catalogue.
ui-back = Back
ui-home = Home
ui-text-smaller = Smaller
ui-text-bigger = Bigger
ui-high-contrast = High contrast
ui-settings = Settings
ui-close = Close
ui-settings-not-saved = Your settings apply, but could not be saved for next time: { $detail }
ui-link-not-opened = The browser could not be opened. You can copy this address: { $url }
ui-catalog-problems = { $count } catalogue file(s) were skipped because they contain errors.

## Home and search
ui-home-title = What do you want to replace?
ui-search-placeholder = A program, a service or a need: Word, WhatsApp, photo editing…
ui-search-hint = Type the name of a program or service you use, or what you want to do. Typing mistakes are fine.
ui-why-short = Free software respects your privacy, costs little or nothing, and makes your devices last longer.
ui-learn-more = Learn more
ui-categories = Choose a topic
ui-entries-count = { $count ->
        [one] { $count } entry
       *[other] { $count } entries
    }
ui-search-none = Nothing found for "{ $query }". Try another word, for example the name of the program you use, or choose a topic.
ui-you-use = You use
ui-free-results = Free software and ethical services
ui-alternatives-short = Instead:
ui-see-product = See the { $name } page

## Proprietary product page
ui-vendor-platforms = Vendor: { $vendor } · Runs on: { $platforms }
ui-end-of-support = No more security updates since { $date }.
ui-why-leave = Why consider leaving it
concern-tracking = Your data is collected
concern-lock-in = Hard to leave
concern-cost = It costs a lot
concern-end-of-support = No more updates
concern-account-required = An account is required
concern-jurisdiction = Your data goes abroad
concern-closed-source = Nobody can check the code
concern-security = Security problems
ui-alternatives-ranked = { $count ->
        [one] The free alternative
       *[other] The { $count } alternatives, most recommended first
    }
ui-on-platforms = For: { $platforms }
ui-carries-over = What you keep
ui-left-behind = What does not carry over
ui-see-alternative = See { $name }
ui-parts = This product includes
ui-part-of = Part of { $name }

## Free software or ethical service page
ui-free-software = Free software
ui-ethical-not-free = Ethical service, not free software
ui-license-platforms = Licence: { $license } · Runs on: { $platforms }
ui-service = Who runs this service
ui-signup = Create an account
ui-how-to-get = How to get it
ui-get-winget = Windows: with the winget package manager, id "{ $id }"
ui-get-flathub = Linux: on Flathub, id "{ $id }"
ui-get-debian = Linux (Debian, Ubuntu, Mint): package "{ $id }"
ui-get-homebrew = macOS: with Homebrew, "{ $id }"
ui-get-fdroid = Android: in F-Droid, "{ $id }"
ui-get-play = Android: in Google Play, "{ $id }"
ui-get-app-store = iPhone and iPad: in the App Store
ui-open-service = Open the service
ui-download-page = Download page
ui-homepage = Official website
ui-source-code = Source code
ui-on-your-phone = On your phone
ui-scan-hint = Open your phone's camera and point it at the code: it opens the right page.
ui-open-link = Open this link
ui-replaces = Replaces

## Topic
ui-maybe-you-use = What you may be using
ui-free-alternatives = The free and ethical alternatives
ui-alternatives-count = { $count ->
        [one] 1 alternative
       *[other] { $count } alternatives
    }

## Learn more
about-title = Why free software?
about-intro = Free software is software anyone may use, study, change and share. It is not only about price: you stay in control.
about-privacy-title = Your privacy
about-privacy = Many "free" services live off your data: what you search, write and watch. Free software and ethical services do not need to watch you to survive.
about-cost-title = Your wallet
about-cost = No licence to buy, no subscription that goes up every year. Ethical services are often free or ask for a small contribution, stated clearly.
about-durable-title = Devices that last
about-durable = A free system like Linux brings back to life a computer too old for Windows 11. Fewer devices thrown away is good for the planet and for the budget.
about-free-title = What "free" means here
about-free = Software is free when its licence is recognised as free by the Open Source Initiative or the Free Software Foundation. Kit Libre shows it on every page, with the exact licence.
about-ethical-title = And an ethical service?
about-ethical = An online service run by a known organisation, without targeted advertising or sale of data, open to the public. A few do not publish their code: Kit Libre says so clearly on their page.
about-kit-title = What Kit Libre does
about-kit = Kit Libre does not track you, asks for no account and works without the internet. It tells you honestly what each alternative does well, and what it does not.

## Settings
ui-language = Language
ui-text-size = Text size
ui-text-size-keys = With the keyboard: Ctrl + and Ctrl -; Ctrl 0 goes back to 100%.
ui-colours = Colours
ui-theme-light = Light
ui-theme-dark = Dark
ui-font = Font
ui-font-legible = Andika, very legible
ui-font-dyslexic = OpenDyslexic, for dyslexia
ui-accessibility = Accessibility
ui-screen-readers = Everything works with the keyboard: Tab and Shift+Tab to move, Enter to choose, Esc to go back. Screen readers are not yet supported by Kit Libre's graphics library (iced); meanwhile, use bigger text and high contrast.
ui-where-settings = Where your settings are kept
ui-settings-file = In the file { $path }.
ui-settings-portable = Portable mode: your settings stay next to the program, in { $path }.
ui-settings-nowhere = No home folder found: your settings are not saved.
ui-window-failed = The window could not open: { $detail }. Without a graphical display, use the commands (kitlibre --help).
cli-settings-bad = "{ $value }" is not possible for { $key }. Possible values: lang fr, en or system; text-scale from 100 to 200; theme light, dark or high-contrast; font legible or dyslexic.
cli-settings-unknown-key = Unknown setting: "{ $key }". Possible settings: lang, text-scale, theme, font.
cli-settings-not-saved = The settings could not be saved: { $detail }
cli-settings-file = Settings file: { $path } (placement: { $placement })

## Computer scan
cli-bad-registry = "{ $path }" is not a readable registry snapshot: { $detail }
cli-identify-empty = The program name is empty.
os-memory = { $gib } GB of memory
os-disk = { $free } GB free of { $total } GB
os-unknown = unidentified system (data captured on another computer)
advice-windows-eos = Windows { $version } has received no security updates since { $date }. Your files are not in danger, but this computer is more exposed on the internet. You can keep it for offline use, or move to a free system such as Linux Mint, Ubuntu or Emmabuntüs, free of charge and kept up to date.
advice-windows-eos-old = Windows { $version } has received no security updates for years. This computer is exposed on the internet: a free system such as Linux Mint, Ubuntu or Emmabuntüs can replace it.
advice-linux-fit-good = This computer has enough memory and disk for Linux Mint or Ubuntu.
advice-linux-fit-light = This computer can run Linux, preferably a light edition (Linux Mint Xfce or Emmabuntüs).
advice-linux-fit-too-small = This computer has little memory or disk: ask a digital mediator or a repair café for advice before installing a new system.
advice-linux-fit-unknown = A digital mediator can check whether this computer can move to Linux.
advice-windows-ending-soon = Windows { $version } will receive no security updates after { $date }. It is a good time to try free software.
advice-low-memory = This computer has { $gib } GB of memory: prefer light programs and avoid opening many at once.
advice-low-disk = { $gib } GB are left free on the disk: make some room before installing new programs.
advice-not-admin = You are not an administrator of this computer: some installations will need the IT department's help.
reason-key = { $kind } identifier "{ $value }"
reason-pattern = name recognised (pattern "{ $pattern }")
reason-name = same name ("{ $name }")
source-ok = read
source-absent = absent
source-failed = failed
source-timeout = too slow
scan-computer = Your computer: { $summary }.
scan-admin = You are an administrator of this computer.
scan-you-use = Proprietary programs found, with their free alternatives:
scan-no-proprietary = No proprietary program of the catalogue was found.
scan-already-installed = { $name } (already installed)
scan-free-installed = Free programs already installed: { $names }.
scan-sources = Sources read (status, programs, time):
scan-skipped = { $count } unreadable item(s) skipped
scan-total = { $count } programs found in { $ms } ms.
scan-all-hint = The full list: kitlibre scan --all
identify-confidence = Confidence: { $confidence }%; recognised by { $reason }.
identify-unknown = "{ $name }" matches no entry of the catalogue.

## My computer
ui-computer = My computer
ui-computer-intro = Kit Libre looks at the programs installed on this computer and tells you what to replace them with. Nothing leaves the computer.
ui-scan-start = Scan this computer
ui-scan-again = Scan again
ui-scan-progress = Reading the installed programs…
ui-scan-progress-source = Reading the installed programs… ({ $source }, { $done } of { $total })
ui-cancel = Cancel
ui-you-use-could-use = You use → you could use
ui-seen-as = Seen on this computer as: { $names }
ui-free-already = Free programs already here
ui-all-programs = All the programs found ({ $count })
ui-show-list = Show the full list
ui-hide-list = Hide the list
ui-list-more = … and { $count } more (the command "kitlibre scan --all" lists them all).

## Installation
outcome-done = It is installed.
outcome-already-installed = It was already installed: nothing to do.
outcome-restart-needed = It is installed. Restart the computer to finish.
outcome-needs-admin = Administrator rights are needed. Ask the IT department: Kit Libre prepares a sheet with the exact command.
outcome-refused = The installation was refused or the password window was closed. Nothing changed.
outcome-blocked-by-policy = A rule of your organisation forbids this installation. Ask the IT department.
outcome-another-install = Another installation is running. Wait for it to finish, then try again.
outcome-in-use = The program is open. Close it, then try again.
outcome-disk-full = There is not enough room on the disk. Free some space, then try again.
outcome-no-network = No internet connection, or the server does not answer. Check the connection, then try again.
outcome-not-found = The program was not found in its source. The catalogue may be old: update it, or use the download page.
outcome-corrupted = The downloaded file does not match the one the catalogue vouches for: it was deleted without being run. Try again later.
outcome-dependency-missing = A required component is missing. The IT department can install it.
outcome-cancelled = Installation cancelled. Nothing else was done.
outcome-failed = The installation did not succeed. The details are below; you can pass them on to the IT department.
route-flatpak-user = With Flatpak, for you only, from Flathub.
route-distribution-package = With the system's package manager: the administrator password will be asked.
route-winget-user = With winget, for you only.
route-winget-machine = With winget, for every user (administrator).
route-official-installer = With the official installer, downloaded then checked (SHA-256 fingerprint from the catalogue).
route-official-installer-for-user = With the official installer, checked then installed in your own folder: no administrator rights needed.
route-homebrew = With Homebrew, into your Applications folder.
route-app-image = The official AppImage file, checked then put in your Applications folder.
route-phone = On your phone: scan the code or open the app store link.
route-web-service = It is an online service: nothing to install, it opens in the browser.
route-download-page = The official download page will open in the browser.
route-guide-only = This computer does not allow installing this program without help. Here is what you can do, and a sheet for the IT department.
step-add-flathub = Add the Flathub source (if missing)
step-flatpak-install = Install with Flatpak
step-package-install = Install the system package
step-winget-install = Install with winget
step-download = Download the installer and check its fingerprint
step-msi-install = Run the installer (MSI)
step-msi-unpack = Install into your own folder (MSI)
step-exe-install = Run the installer
step-dmg-install = Copy the application into your Applications folder
step-app-image-install = Put the AppImage in your Applications folder
step-brew-install = Install with Homebrew
step-open-page = Open the official page
plan-needs-admin = An administrator password will be asked.
plan-no-admin = No administrator password is needed.
plan-size = Download size: { $mb } MB.
plan-will-run = What will run:
plan-considered = Other ways considered:
why-not-not-in-catalogue = no identifier in the catalogue
why-not-tool-missing = { $tool } is not on this computer
why-not-needs-admin = needs administrator rights
why-not-no-installer-for-arch = no installer for this processor
cli-install-plan = Install { $name }: { $route }
cli-install-dry-run = (dry run: nothing was started)
cli-install-verified = Check: { $name } is indeed on this computer.
cli-install-not-verified = Check: { $name } was not found on this computer. You may need to log out and back in.
cli-install-unknown = "{ $id }" is not a free program of the catalogue.
cli-install-refused = Installation refused: an identifier of the catalogue is not safe ("{ $detail }").
cli-install-nothing = Nothing to install for this platform.
cli-sheet-saved = Sheet for the IT department saved: { $path }
sheet-title = Installation request: { $name }
sheet-date = Date: { $date }
sheet-intro = Please install { $name } on this computer. This sheet was prepared by Kit Libre, the free software access kit.
sheet-commands = Command(s) to run as administrator:
sheet-identifiers = Identifiers:
sheet-footer = The identifiers come from Kit Libre's catalogue, checked by its contributors. Kit Libre sent no data anywhere.
ui-install-button = Install { $name }
ui-install-title = Install { $name }
ui-install-now = Install now
ui-installing = Installing { $name }…
ui-install-step = Step { $done } of { $total }: { $step }
ui-install-details = Details
ui-save-sheet = Save the sheet for the IT department

## Migration of documents to LibreOffice (docs inventory, convert, fonts, default format)
docs-f-empty = The file is empty (0 bytes): there is nothing to convert.
docs-f-not-a-document = This is not an office document, whatever its name says.
docs-f-damaged = The file is damaged or incomplete ({ $detail }).
docs-f-encrypted = Protected by a password: open it in LibreOffice with the password, then save it.
docs-f-macros-vba = Has VBA macros: LibreOffice keeps them but may not run them. Rewrite or replace them.
docs-f-macros-xlm = Has old Excel 4.0 macros (macro sheets): rewrite them.
docs-f-macros-lo = Has LibreOffice macros: check they still work.
docs-f-activex = Has ActiveX controls (buttons, fields): LibreOffice does not run them.
docs-f-template = Attached to the template "{ $target }": this link will not follow. Rebuild the template in LibreOffice.
docs-f-mail-merge = Mail merge with the source "{ $source }": redo it with LibreOffice's wizard.
docs-f-mail-merge-unknown = Mail merge: redo it with LibreOffice's wizard.
docs-f-external-links = Links to other workbooks ({ $targets }): check them after conversion.
docs-f-connections = { $count } connection(s) to outside data: recreate them in LibreOffice.
docs-f-pivots = { $count } pivot table(s): check them after conversion.
docs-f-embedded = { $count } embedded object(s): check that they open.
docs-f-older-format = Old Office 97-2003 format: look over the result (fonts and templates are not read from this format).
docs-f-is-template = This is a template: it becomes a LibreOffice template, to keep in LibreOffice's templates.
docs-f-extension = Its name says otherwise: it is really a .{ $real } file.
docs-f-font-to-install = Font { $font }: install { $substitute }, the same size, to keep the layout.
docs-f-font-no-equivalent = Font { $font }: no free font of the same size, the text may move.
docs-f-font-missing = Font { $font }: not on this computer, another one will be used.
docs-ready = Ready
docs-check = Check after conversion
docs-needs-work = Needs work
docs-font-installed = installed
docs-font-replaced = replaced by { $by } (same size)
docs-font-to-install = { $by } to install (same size)
docs-font-no-equivalent = no free equivalent, the text may move
docs-font-missing = not on this computer
docs-font-symbols = symbol font (LibreOffice has its own)
docs-skip-lock-file = lock file (a document is open, or left after a crash)
docs-skip-loop = symbolic link going round in a loop
docs-skip-unreadable = unreadable: { $detail }
docs-inv-title = Document inventory: { $path }
docs-inv-totals = { $documents } document(s): { $ready } ready, { $check } to check, { $needs } need work.
docs-inv-details = Macros: { $macros } · Passwords: { $encrypted } · Empty or damaged: { $damaged } · Templates: { $templates } · Mail merges: { $merges }
docs-inv-fonts = Fonts used:
docs-inv-font-line = { $font } ({ $count } document(s)): { $status }
docs-inv-attention = Documents that need attention:
docs-inv-skipped = { $count } item(s) left out:
docs-inv-cancelled = Inventory stopped: the results are partial.
docs-inv-none = No office documents in this folder.
docs-inv-progress = { $count } document(s) read…
docs-csv-saved = Table saved: { $path }
docs-conv-title = Converting { $path } into { $out } ({ $format })
docs-conv-plan = { $convert } file(s) to convert, { $skip } left out.
docs-conv-batch = LibreOffice is converting { $count } file(s)…
docs-conv-progress = { $done } of { $total }
docs-conv-summary = { $converted } converted, { $failed } failed, { $skipped } left out, in { $seconds } s ({ $runs } LibreOffice start(s)).
docs-conv-originals = The originals were not changed.
docs-conv-report = Report: { $path }
docs-conv-cancelled = Conversion stopped. Run it again to resume where it stopped.
docs-conv-converted = Converted:
docs-conv-failed = Failed:
docs-conv-skipped = Left out:
docs-why-password = protected by a password
docs-why-cannot-open = empty, damaged or not a document
docs-why-already-format = already in this format
docs-why-already-converted = already converted ({ $dest })
docs-why-no-conversion = cannot be converted to this format
docs-fail-no-output = LibreOffice could not open or convert it
docs-fail-bad-output = LibreOffice wrote an empty or unusable file
docs-fail-timeout = LibreOffice did not finish in time (the file may be damaged)
docs-fail-not-started = LibreOffice could not start: { $detail }
docs-fail-cannot-write = cannot write the result: { $detail }
docs-target-odf = OpenDocument (.odt, .ods, .odp)
docs-target-ooxml = Microsoft Office (.docx, .xlsx, .pptx)
docs-target-pdf = PDF (reading and printing)
docs-error-no-libreoffice = LibreOffice is not installed on this computer. Install it first: kitlibre install libreoffice
docs-error-out-contains-source = The output folder must not contain the documents folder. Choose another folder.
docs-error-cannot-create = Cannot create "{ $path }": { $detail }
docs-error-not-found = "{ $path }" does not exist.
docs-error-unreadable = Cannot read "{ $path }": { $detail }
docs-bad-target = Unknown format "{ $value }". Possible formats: odf, ooxml, pdf.
docs-bad-format = Unknown format "{ $value }". Possible formats: odf, ooxml.
docs-format-current = LibreOffice's save format ({ $profile }): { $format }
docs-format-mixed = mixed (depends on the kind of document)
docs-format-set = Save format set: { $format }. Copy of the old file: { $backup }
docs-format-set-new = Save format set: { $format }.
docs-format-unchanged = Nothing to change: LibreOffice already saves in { $format }.
docs-xcu-running = LibreOffice is open. Close all its windows, then try again.
docs-xcu-invalid = LibreOffice's settings file cannot be read ({ $detail }). It was not changed.
docs-fonts-title = Fonts the same size as Microsoft's (the layout does not move):
docs-fonts-line = { $font } for { $original }: { $status }
docs-fonts-ok = installed
docs-fonts-install = to install: kitlibre install { $entry }
docs-checklist-title = Checklist: moving to LibreOffice
docs-checklist-date = Date: { $date }
docs-checklist-folder = Folder: { $path }
docs-checklist-macros = Macros to rewrite (do not count on them working):
docs-checklist-passwords = Documents protected by a password (open with the password, then save):
docs-checklist-templates = Templates, and documents attached to a template (rebuild the templates in LibreOffice):
docs-checklist-merges = Mail merges (redo with LibreOffice's wizard, check where the sources are):
docs-checklist-links = Links, data connections and pivot tables (check after conversion):
docs-checklist-damaged = Empty or damaged files (find a sound copy):
docs-checklist-fonts = Fonts:
docs-checklist-by-hand = To check by hand on the first converted documents:
docs-checklist-hand-1 = The layout: page breaks, tables, headers and footers.
docs-checklist-hand-2 = The formulas and pivot tables of workbooks.
docs-checklist-hand-3 = Buttons and macros: note the ones that no longer work.
docs-checklist-hand-4 = Documents sent outside: send a PDF when the other person does not need to edit.
docs-checklist-format = LibreOffice's save format: { $format }
docs-checklist-conversion = Conversion:
docs-checklist-none = (none)
docs-checklist-more = … and { $count } more
docs-checklist-footer = Prepared by Kit Libre, the free software access kit. No data was sent.
docs-checklist-saved = Checklist saved: { $path }
docs-ui-title = Bring my documents to LibreOffice
docs-ui-intro = The assistant reads your Word, Excel and PowerPoint documents, tells what will carry over by itself and what needs attention, then makes copies for LibreOffice.
docs-ui-originals-safe = Your original files are never changed, moved or deleted.
docs-ui-step = Step { $n }: { $title }
docs-ui-step-choose = choose a folder
docs-ui-step-inventory = what your documents hold
docs-ui-step-preview = what the conversion will do
docs-ui-step-convert = conversion
docs-ui-step-report = result
docs-ui-folder = Folder of documents to read:
docs-ui-my-documents = My documents
docs-ui-desktop = Desktop
docs-ui-read = Read this folder
docs-ui-reading = Reading { $path }…
docs-ui-other-folder = Choose another folder
docs-ui-install-font = Install { $font }
docs-ui-save-checklist = Save the checklist
docs-ui-format = Format of the copies:
docs-ui-out = Folder for the copies:
docs-ui-already-done = already converted last time
docs-ui-no-libreoffice = LibreOffice is not installed on this computer: install it first.
docs-ui-convert = Convert now
docs-ui-cancel-resumes = You can stop: what is done is kept, and the conversion will resume where it stopped.
docs-ui-open-out = Open the folder of copies
docs-ui-resume = Resume the conversion
docs-ui-default-format = LibreOffice's save format
docs-ui-default-format-help = Choose according to your organisation's rule. Close LibreOffice first. Your other settings are kept, and a copy of the old setting is made.
docs-ui-save-as-odf = Save as OpenDocument
docs-ui-save-as-ooxml = Save in Microsoft format
docs-ui-open-failed = Cannot open the folder: { $path }
ui-documents = My documents
ui-documents-card = Moving from Microsoft Office to LibreOffice? The assistant checks your documents and makes copies, without touching the originals.
