# Kit Libre — textes de l'interface, en français (langue de référence).
# Chaque identifiant doit exister aussi dans ../en/kitlibre.ftl (un test le vérifie).

## Gravité des problèmes du catalogue
severity-error = erreur
severity-warning = avertissement

## Problèmes du catalogue (catalog check)
problem-unreadable = fichier illisible : { $detail }
problem-syntax = erreur TOML : { $detail }
problem-unknown-file = fichier .toml à un endroit que le catalogue n'utilise pas (attendu : categories.toml, proprietary/, free/ ou replacements/)
problem-bad-id = « { $id } » n'est pas un identifiant valide (minuscules, chiffres et tirets, par exemple « microsoft-word »)
problem-duplicate-id = l'identifiant « { $id } » est déjà pris par { $other }
problem-unknown-reference = { $target } « { $id } » n'existe pas dans le catalogue
problem-replacement-file-name = ce fichier doit s'appeler { $expected } (propriétaire--libre)
problem-no-replacement = aucun remplacement n'est proposé pour ce produit (ajouter un fichier dans replacements/)
problem-missing-text = texte manquant en { $lang ->
        [fr] français
       *[en] anglais
    }
problem-empty = ce champ est vide
problem-duplicate = « { $value } » apparaît deux fois
problem-bad-url = « { $url } » n'est pas une adresse web valide
problem-not-https = « { $url } » doit commencer par https://
problem-bad-identifier = « { $value } » n'a pas la forme d'un identifiant { $scheme }
problem-winget-unknown = l'identifiant winget « { $id } » n'existe pas dans l'index winget
problem-winget-unknown-suggest = l'identifiant winget « { $id } » n'existe pas dans l'index winget (vouliez-vous dire « { $suggestion } » ?)
problem-shell-metacharacters = « { $value } » contient des espaces ou des caractères spéciaux du shell : refusé
problem-unknown-license = « { $license } » n'est pas une expression de licence SPDX valide ({ $detail })
problem-not-free-license = la licence « { $license } » n'est pas une licence libre (ni OSI ni FSF) : seul un service éthique peut l'avoir
problem-bad-pattern = le motif de détection « { $pattern } » n'est pas une expression régulière valide : { $detail }
problem-service-mismatch = un service (kind = "service") doit avoir une table [service], et seul un service peut en avoir une (ici : { $kind })
problem-platform-mismatch = la méthode d'installation { $method } concerne la plateforme { $platform }, absente de « platforms »
problem-replacement-platform = le logiciel libre ne fonctionne pas sur la plateforme { $platform }
problem-no-install-method = aucune façon de l'obtenir (ajouter au moins une méthode dans [install])
problem-no-concern = aucune raison de le quitter n'est donnée (ajouter au moins une entrée [[concerns]])
problem-no-source = aucune source (ajouter au moins une adresse dans provenance.sources)
problem-checked-in-future = la date de vérification { $date } est dans le futur
problem-stale = vérifié pour la dernière fois le { $date } : à revérifier
problem-unused-category = aucune entrée n'utilise cette catégorie
problem-self-reference = une entrée ne peut pas se désigner elle-même

## Niveaux de remplacement
fit-drop-in = remplace directement
fit-close = proche
fit-different = autre façon de faire

## Sortes d'entrées
kind-proprietary = logiciel ou service propriétaire
kind-free = libre ou éthique

## Ligne de commande
cli-bad-usage = Commande ou option incorrecte. Voir « kitlibre --help ».
cli-catalog-has-problems = Attention : { $count } fichier(s) du catalogue ont été ignorés (voir « kitlibre catalog check »).
cli-not-a-directory = « { $path } » n'est pas un dossier de catalogue.
cli-unreadable = Impossible de lire « { $path } » : { $detail }
cli-winget-index-bad = Index winget illisible : { $detail }
cli-search-none = Rien trouvé pour « { $query } ». Essayez un autre mot, par exemple le nom du logiciel que vous utilisez.
cli-show-unknown = Aucune entrée « { $id } » dans le catalogue.
cli-did-you-mean = Vouliez-vous dire : { $ids } ?
cli-vendor = Éditeur : { $vendor }
cli-why-leave = Pourquoi envisager de le quitter :
cli-alternatives = Alternatives libres :
cli-license = Licence : { $license }
cli-homepage = Site : { $url }
cli-platforms = Plateformes : { $platforms }
cli-install-methods = Comment l'obtenir :
cli-replaces = Remplace :
cli-stats-totals = { $proprietary } produits propriétaires, { $free } alternatives libres ou éthiques, { $replacements } remplacements, { $categories } catégories.
cli-stats-free-software = { $count } logiciels libres (licence OSI ou FSF), { $services } services dont { $chatons } membres des CHATONS, { $sill } au SILL.
cli-stats-by-kind = Par sorte (propriétaires, libres) :
cli-stats-by-category = Par catégorie (propriétaires, libres) :
cli-stats-by-platform = Par plateforme (propriétaires, libres, remplacements) :
cli-stats-install = Méthodes d'installation connues :
cli-stats-languages = Textes traduits par langue :
cli-stats-detectable = { $count } produits propriétaires sur { $total } ont des indices de détection.
cli-check-winget-skipped = Note : identifiants winget non vérifiés contre l'index (option --winget-index absente).
cli-check-summary = { $files } fichiers vérifiés : { $errors } erreur(s), { $warnings } avertissement(s).

## Services
cost-free = gratuit
cost-donation = gratuit, dons bienvenus
cost-freemium = gratuit avec options payantes
cost-paid = payant
provider-association = association
provider-cooperative = coopérative
provider-company = entreprise
provider-foundation = fondation
provider-public-body = service public
provider-federation = réseau de serveurs indépendants
cli-service-provider = Proposé par : { $provider } ({ $kind }, { $country })
cli-service-cost = Prix : { $cost }
cli-service-chatons = Membre du collectif CHATONS (hébergeurs éthiques).
cli-service-signup = Inscription : { $url }
cli-service-before = À savoir avant de s'inscrire : { $text }
cli-not-free-software = Attention : ce service n'est pas un logiciel libre (son code n'est pas public), mais il respecte mieux votre vie privée.
