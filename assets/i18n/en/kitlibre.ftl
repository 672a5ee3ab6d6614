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
fit-close = close
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
