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
fit-drop-in = remplace à l'identique
fit-close = remplacement proche
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

## Fenêtre : généralités
platform-web = sur le web
difficulty-easy = facile à prendre en main
difficulty-medium = demande un peu d'apprentissage
difficulty-advanced = pour public averti
kind-proprietary-software = logiciel propriétaire
kind-proprietary-service = service propriétaire
kind-proprietary-os = système propriétaire
kind-proprietary-store = magasin d'applications propriétaire
kind-proprietary-font = police de caractères propriétaire
ui-loading = Chargement du catalogue…
ui-catalog-failed-title = Le catalogue n'a pas pu être ouvert
ui-catalog-failed = Le dossier de catalogue indiqué est illisible : { $detail }. Fermez la fenêtre et relancez Kit Libre sans l'option --catalog pour utiliser le catalogue intégré.
ui-back = Retour
ui-home = Accueil
ui-text-smaller = Plus petit
ui-text-bigger = Plus grand
ui-high-contrast = Contraste élevé
ui-settings = Réglages
ui-close = Fermer
ui-settings-not-saved = Vos réglages s'appliquent, mais n'ont pas pu être enregistrés pour la prochaine fois : { $detail }
ui-link-not-opened = Le navigateur n'a pas pu s'ouvrir. Vous pouvez recopier cette adresse : { $url }
ui-catalog-problems = { $count } fichier(s) du catalogue ont été ignorés car ils contiennent des erreurs.

## Accueil et recherche
ui-home-title = Que voulez-vous remplacer ?
ui-search-placeholder = Un logiciel, un service ou un besoin : Word, WhatsApp, retouche photo…
ui-search-hint = Tapez le nom d'un logiciel ou d'un service que vous utilisez, ou ce que vous voulez faire. Les fautes de frappe ne gênent pas.
ui-why-short = Les logiciels libres respectent votre vie privée, coûtent peu ou rien, et font durer vos appareils plus longtemps.
ui-learn-more = En savoir plus
ui-categories = Choisir par thème
ui-entries-count = { $count ->
        [one] { $count } fiche
       *[other] { $count } fiches
    }
ui-search-none = Rien trouvé pour « { $query } ». Essayez un autre mot, par exemple le nom du logiciel que vous utilisez, ou choisissez un thème.
ui-you-use = Vous utilisez
ui-free-results = Logiciels libres et services éthiques
ui-alternatives-short = À la place :
ui-see-product = Voir la fiche { $name }

## Fiche d'un produit propriétaire
ui-vendor-platforms = Éditeur : { $vendor } · Fonctionne sur : { $platforms }
ui-end-of-support = Plus de mises à jour de sécurité depuis le { $date }.
ui-why-leave = Pourquoi envisager de le quitter
concern-tracking = Vos données sont collectées
concern-lock-in = Difficile d'en sortir
concern-cost = Ça coûte cher
concern-end-of-support = Plus de mises à jour
concern-account-required = Un compte est obligatoire
concern-jurisdiction = Vos données partent à l'étranger
concern-closed-source = Personne ne peut vérifier le code
concern-security = Des problèmes de sécurité
ui-alternatives-ranked = { $count ->
        [one] L'alternative libre
       *[other] Les { $count } alternatives, de la plus conseillée à la moins
    }
ui-on-platforms = Pour : { $platforms }
ui-carries-over = Ce que vous gardez
ui-left-behind = Ce qui ne suit pas
ui-see-alternative = Voir { $name }
ui-parts = Ce produit comprend
ui-part-of = Fait partie de { $name }

## Fiche d'un logiciel libre ou d'un service éthique
ui-free-software = Logiciel libre
ui-ethical-not-free = Service éthique, non libre
ui-license-platforms = Licence : { $license } · Fonctionne sur : { $platforms }
ui-service = Qui propose ce service
ui-signup = Créer un compte
ui-how-to-get = Comment l'obtenir
ui-get-winget = Windows : avec le gestionnaire winget, identifiant « { $id } »
ui-get-flathub = Linux : sur Flathub, identifiant « { $id } »
ui-get-debian = Linux (Debian, Ubuntu, Mint) : paquet « { $id } »
ui-get-homebrew = macOS : avec Homebrew, « { $id } »
ui-get-fdroid = Android : dans F-Droid, « { $id } »
ui-get-play = Android : dans Google Play, « { $id } »
ui-get-app-store = iPhone et iPad : dans l'App Store
ui-open-service = Ouvrir le service
ui-download-page = Page de téléchargement
ui-homepage = Site officiel
ui-source-code = Code source
ui-on-your-phone = Sur votre téléphone
ui-scan-hint = Ouvrez l'appareil photo de votre téléphone et visez le code : il ouvre la bonne page.
ui-open-link = Ouvrir ce lien
ui-replaces = Remplace

## Thème
ui-maybe-you-use = Ce que vous utilisez peut-être
ui-free-alternatives = Les alternatives libres et éthiques
ui-alternatives-count = { $count ->
        [one] 1 alternative
       *[other] { $count } alternatives
    }

## En savoir plus
about-title = Pourquoi les logiciels libres ?
about-intro = Un logiciel libre est un logiciel que chacun peut utiliser, étudier, modifier et partager. Ce n'est pas seulement une question de prix : c'est vous qui gardez la main.
about-privacy-title = Votre vie privée
about-privacy = Beaucoup de services « gratuits » vivent de vos données : ce que vous cherchez, écrivez, regardez. Les logiciels libres et les services éthiques n'ont pas besoin de vous surveiller pour vivre.
about-cost-title = Votre porte-monnaie
about-cost = Pas de licence à acheter ni d'abonnement qui augmente chaque année. Les services éthiques sont souvent gratuits ou demandent une petite participation, annoncée clairement.
about-durable-title = Des appareils qui durent
about-durable = Un système libre comme Linux fait revivre un ordinateur trop ancien pour Windows 11. Moins d'appareils jetés, c'est bon pour la planète et pour le budget.
about-free-title = Ce que « libre » veut dire ici
about-free = Un logiciel est libre quand sa licence est reconnue comme libre par l'Open Source Initiative ou la Free Software Foundation. Kit Libre l'affiche sur chaque fiche, avec la licence exacte.
about-ethical-title = Et un service éthique ?
about-ethical = C'est un service en ligne tenu par une organisation connue, sans publicité ciblée ni revente de données, ouvert au public. Quelques-uns ne publient pas leur code : Kit Libre le dit clairement sur leur fiche.
about-kit-title = Ce que fait Kit Libre
about-kit = Kit Libre ne vous piste pas, ne demande aucun compte et fonctionne sans internet. Il vous dit honnêtement ce que chaque alternative fait bien, et ce qu'elle ne fait pas.

## Réglages
ui-language = Langue
ui-text-size = Taille du texte
ui-text-size-keys = Au clavier : Ctrl + et Ctrl - ; Ctrl 0 revient à 100 %.
ui-colours = Couleurs
ui-theme-light = Clair
ui-theme-dark = Sombre
ui-font = Police de caractères
ui-font-legible = Andika, très lisible
ui-font-dyslexic = OpenDyslexic, pour la dyslexie
ui-accessibility = Accessibilité
ui-screen-readers = Tout se fait au clavier : Tab et Maj+Tab pour se déplacer, Entrée pour choisir, Échap pour revenir. Les lecteurs d'écran ne sont pas encore pris en charge par la bibliothèque graphique de Kit Libre (iced) ; en attendant, utilisez le texte agrandi et le contraste élevé.
ui-where-settings = Où sont gardés vos réglages
ui-settings-file = Dans le fichier { $path }.
ui-settings-portable = Mode portable : vos réglages restent à côté du programme, dans { $path }.
ui-settings-nowhere = Aucun dossier personnel trouvé : vos réglages ne sont pas enregistrés.
ui-window-failed = La fenêtre n'a pas pu s'ouvrir : { $detail }. Sans écran graphique, utilisez les commandes (kitlibre --help).
cli-settings-bad = Valeur « { $value } » impossible pour { $key }. Valeurs possibles : lang fr, en ou system ; text-scale de 100 à 200 ; theme light, dark ou high-contrast ; font legible ou dyslexic.
cli-settings-unknown-key = Réglage inconnu : « { $key } ». Réglages possibles : lang, text-scale, theme, font.
cli-settings-not-saved = Les réglages n'ont pas pu être enregistrés : { $detail }
cli-settings-file = Fichier des réglages : { $path } (emplacement : { $placement })

## Analyse de l'ordinateur
cli-bad-registry = « { $path } » n'est pas un relevé de registre lisible : { $detail }
cli-identify-empty = Le nom du programme est vide.
os-memory = { $gib } Go de mémoire
os-disk = { $free } Go libres sur { $total } Go
os-unknown = système non identifié (données relevées sur un autre ordinateur)
advice-windows-eos = Windows { $version } ne reçoit plus de mises à jour de sécurité depuis le { $date }. Rien ne presse pour vos fichiers, mais cet ordinateur devient plus exposé sur internet. Vous pouvez le garder pour des usages hors ligne, ou passer à un système libre comme Linux Mint, Ubuntu ou Emmabuntüs, gratuit et mis à jour.
advice-windows-eos-old = Windows { $version } ne reçoit plus de mises à jour de sécurité depuis des années. Cet ordinateur est exposé sur internet : un système libre comme Linux Mint, Ubuntu ou Emmabuntüs peut le remplacer.
advice-linux-fit-good = Cet ordinateur a assez de mémoire et de disque pour Linux Mint ou Ubuntu.
advice-linux-fit-light = Cet ordinateur peut faire tourner Linux, de préférence une version légère (Linux Mint Xfce ou Emmabuntüs).
advice-linux-fit-too-small = Cet ordinateur a peu de mémoire ou de disque : demandez conseil à un médiateur numérique ou à un repair café avant d'installer un nouveau système.
advice-linux-fit-unknown = Un médiateur numérique peut vérifier si cet ordinateur peut passer à Linux.
advice-windows-ending-soon = Windows { $version } ne recevra plus de mises à jour de sécurité après le { $date }. C'est le bon moment pour découvrir les logiciels libres.
advice-low-memory = Cet ordinateur a { $gib } Go de mémoire : préférez des logiciels légers et évitez d'ouvrir beaucoup de programmes à la fois.
advice-low-disk = Il reste { $gib } Go libres sur le disque : faites un peu de place avant d'installer de nouveaux logiciels.
advice-not-admin = Vous n'êtes pas administrateur de cet ordinateur : certaines installations demanderont l'aide du service informatique.
reason-key = identifiant { $kind } « { $value } »
reason-pattern = nom reconnu (motif « { $pattern } »)
reason-name = même nom (« { $name } »)
source-ok = lu
source-absent = absent
source-failed = en échec
source-timeout = trop lent
scan-computer = Votre ordinateur : { $summary }.
scan-admin = Vous êtes administrateur de cet ordinateur.
scan-you-use = Logiciels propriétaires trouvés, avec leurs alternatives libres :
scan-no-proprietary = Aucun logiciel propriétaire du catalogue n'a été trouvé.
scan-already-installed = { $name } (déjà installé)
scan-free-installed = Logiciels libres déjà installés : { $names }.
scan-sources = Sources lues (état, programmes, durée) :
scan-skipped = { $count } élément(s) illisible(s) ignoré(s)
scan-total = { $count } programmes trouvés en { $ms } ms.
scan-all-hint = La liste complète : kitlibre scan --all
identify-confidence = Confiance : { $confidence } % ; reconnu par { $reason }.
identify-unknown = « { $name } » ne correspond à aucune fiche du catalogue.

## Mon ordinateur
ui-computer = Mon ordinateur
ui-computer-intro = Kit Libre regarde les logiciels installés sur cet ordinateur et vous dit par quoi les remplacer. Rien ne quitte l'ordinateur.
ui-scan-start = Analyser cet ordinateur
ui-scan-again = Analyser de nouveau
ui-scan-progress = Lecture des logiciels installés…
ui-scan-progress-source = Lecture des logiciels installés… ({ $source }, { $done } sur { $total })
ui-cancel = Annuler
ui-you-use-could-use = Vous utilisez → vous pourriez utiliser
ui-seen-as = Vu sur cet ordinateur comme : { $names }
ui-free-already = Logiciels libres déjà là
ui-all-programs = Tous les programmes trouvés ({ $count })
ui-show-list = Afficher la liste complète
ui-hide-list = Masquer la liste
ui-list-more = … et { $count } autres (la commande « kitlibre scan --all » les liste tous).

## Installation
outcome-done = C'est installé.
outcome-already-installed = C'était déjà installé : rien à faire.
outcome-restart-needed = C'est installé. Redémarrez l'ordinateur pour terminer.
outcome-needs-admin = Il faut les droits d'administrateur. Demandez au service informatique : Kit Libre prépare une fiche avec la commande exacte.
outcome-refused = L'installation a été refusée ou la fenêtre du mot de passe a été fermée. Rien n'a changé.
outcome-blocked-by-policy = Une règle de votre organisation interdit cette installation. Demandez au service informatique.
outcome-another-install = Une autre installation est en cours. Attendez qu'elle se termine, puis réessayez.
outcome-in-use = Le programme est ouvert. Fermez-le, puis réessayez.
outcome-disk-full = Il n'y a pas assez de place sur le disque. Libérez de la place, puis réessayez.
outcome-no-network = Pas de connexion internet, ou le serveur ne répond pas. Vérifiez la connexion, puis réessayez.
outcome-not-found = Le logiciel n'a pas été trouvé dans sa source. Le catalogue est peut-être ancien : mettez-le à jour, ou passez par la page de téléchargement.
outcome-corrupted = Le fichier téléchargé ne correspond pas à celui que le catalogue garantit : il a été supprimé sans être lancé. Réessayez plus tard.
outcome-dependency-missing = Il manque un composant nécessaire. Le service informatique peut l'installer.
outcome-cancelled = Installation annulée. Rien d'autre n'a été fait.
outcome-failed = L'installation n'a pas abouti. Les détails sont ci-dessous ; vous pouvez les transmettre au service informatique.
route-flatpak-user = Avec Flatpak, pour vous seulement, depuis Flathub.
route-distribution-package = Avec le gestionnaire de paquets du système : le mot de passe administrateur sera demandé.
route-winget-user = Avec winget, pour vous seulement.
route-winget-machine = Avec winget, pour tous les utilisateurs (administrateur).
route-official-installer = Avec l'installateur officiel, téléchargé puis vérifié (empreinte SHA-256 du catalogue).
route-official-installer-for-user = Avec l'installateur officiel, vérifié puis installé dans votre dossier personnel : aucun droit administrateur nécessaire.
route-homebrew = Avec Homebrew, dans votre dossier Applications.
route-app-image = Fichier AppImage officiel, vérifié puis rangé dans votre dossier Applications.
route-phone = Sur votre téléphone : scannez le code ou ouvrez le lien du magasin d'applications.
route-web-service = C'est un service en ligne : rien à installer, il s'ouvre dans le navigateur.
route-download-page = La page de téléchargement officielle s'ouvrira dans le navigateur.
route-guide-only = Cet ordinateur ne permet pas d'installer ce logiciel sans aide. Voici ce que vous pouvez faire, et une fiche pour le service informatique.
step-add-flathub = Ajouter la source Flathub (si elle manque)
step-flatpak-install = Installer avec Flatpak
step-package-install = Installer le paquet du système
step-winget-install = Installer avec winget
step-download = Télécharger l'installateur et vérifier son empreinte
step-msi-install = Lancer l'installateur (MSI)
step-msi-unpack = Installer dans votre dossier personnel (MSI)
step-exe-install = Lancer l'installateur
step-dmg-install = Copier l'application dans votre dossier Applications
step-app-image-install = Ranger l'AppImage dans votre dossier Applications
step-brew-install = Installer avec Homebrew
step-open-page = Ouvrir la page officielle
plan-needs-admin = Un mot de passe administrateur sera demandé.
plan-no-admin = Aucun mot de passe administrateur n'est nécessaire.
plan-size = Taille du téléchargement : { $mb } Mo.
plan-will-run = Ce qui sera lancé :
plan-considered = Autres façons examinées :
why-not-not-in-catalogue = pas d'identifiant dans le catalogue
why-not-tool-missing = { $tool } n'est pas présent sur cet ordinateur
why-not-needs-admin = demande les droits d'administrateur
why-not-no-installer-for-arch = pas d'installateur pour ce processeur
cli-install-plan = Installer { $name } : { $route }
cli-install-dry-run = (simulation : rien n'a été lancé)
cli-install-verified = Vérification : { $name } est bien présent sur cet ordinateur.
cli-install-not-verified = Vérification : { $name } n'a pas été retrouvé sur cet ordinateur. Il faudra peut-être fermer puis rouvrir votre session.
cli-install-unknown = « { $id } » n'est pas un logiciel libre du catalogue.
cli-install-refused = Installation refusée : un identifiant du catalogue n'est pas sûr (« { $detail } »).
cli-install-nothing = Rien à installer pour cette plateforme.
cli-sheet-saved = Fiche pour le service informatique enregistrée : { $path }
sheet-title = Demande d'installation : { $name }
sheet-date = Date : { $date }
sheet-intro = Merci d'installer { $name } sur ce poste. Cette fiche a été préparée par Kit Libre, le kit d'accès aux logiciels libres.
sheet-commands = Commande(s) à lancer en administrateur :
sheet-identifiers = Identifiants :
sheet-footer = Les identifiants viennent du catalogue de Kit Libre, vérifié par ses contributeurs. Aucune donnée n'a été envoyée par Kit Libre.
ui-install-button = Installer { $name }
ui-install-title = Installer { $name }
ui-install-now = Installer maintenant
ui-installing = Installation de { $name }…
ui-install-step = Étape { $done } sur { $total } : { $step }
ui-install-details = Détails
ui-save-sheet = Enregistrer la fiche pour le service informatique

## Migration of documents to LibreOffice (docs inventory, convert, fonts, default format)
docs-f-empty = Le fichier est vide (0 octet) : il n'y a rien à convertir.
docs-f-not-a-document = Ce n'est pas un document bureautique, malgré son nom.
docs-f-damaged = Le fichier est abîmé ou incomplet ({ $detail }).
docs-f-encrypted = Protégé par un mot de passe : ouvrez-le dans LibreOffice avec le mot de passe, puis enregistrez-le.
docs-f-macros-vba = Contient des macros VBA : LibreOffice les garde mais ne les fera peut-être pas marcher. À réécrire ou à remplacer.
docs-f-macros-xlm = Contient d'anciennes macros Excel 4.0 (feuilles de macros) : à réécrire.
docs-f-macros-lo = Contient des macros LibreOffice : vérifiez qu'elles marchent toujours.
docs-f-activex = Contient des contrôles ActiveX (boutons, champs) : LibreOffice ne les fait pas marcher.
docs-f-template = Lié au modèle « { $target } » : ce lien ne suivra pas. Refaites le modèle dans LibreOffice.
docs-f-mail-merge = Publipostage avec la source « { $source } » : à refaire avec l'assistant de LibreOffice.
docs-f-mail-merge-unknown = Publipostage : à refaire avec l'assistant de LibreOffice.
docs-f-external-links = Liens vers d'autres classeurs ({ $targets }) : vérifiez-les après la conversion.
docs-f-connections = { $count } connexion(s) à des données externes : à recréer dans LibreOffice.
docs-f-pivots = { $count } tableau(x) croisé(s) dynamique(s) : vérifiez-les après la conversion.
docs-f-embedded = { $count } objet(s) intégré(s) : vérifiez qu'ils s'ouvrent.
docs-f-older-format = Ancien format Office 97-2003 : relisez le résultat (polices et modèles ne sont pas lus dans ce format).
docs-f-is-template = C'est un modèle : il deviendra un modèle LibreOffice, à ranger dans les modèles de LibreOffice.
docs-f-extension = Son nom dit autre chose : c'est en fait un fichier .{ $real }.
docs-f-font-to-install = Police { $font } : installez { $substitute }, de même taille, pour garder la mise en page.
docs-f-font-no-equivalent = Police { $font } : pas d'équivalent libre de même taille, le texte peut bouger.
docs-f-font-missing = Police { $font } : absente de cet ordinateur, une autre sera utilisée.
docs-ready = Prêt
docs-check = À vérifier après conversion
docs-needs-work = Demande du travail
docs-font-installed = installée
docs-font-replaced = remplacée par { $by } (même taille)
docs-font-to-install = { $by } à installer (même taille)
docs-font-no-equivalent = sans équivalent libre, le texte peut bouger
docs-font-missing = absente de cet ordinateur
docs-font-symbols = police de symboles (LibreOffice a la sienne)
docs-skip-lock-file = fichier de verrouillage (document ouvert, ou reste d'un plantage)
docs-skip-loop = lien symbolique qui tourne en rond
docs-skip-unreadable = illisible : { $detail }
docs-inv-title = Inventaire des documents : { $path }
docs-inv-totals = { $documents } document(s) : { $ready } prêt(s), { $check } à vérifier, { $needs } demandent du travail.
docs-inv-details = Macros : { $macros } · Mots de passe : { $encrypted } · Vides ou abîmés : { $damaged } · Modèles : { $templates } · Publipostages : { $merges }
docs-inv-fonts = Polices utilisées :
docs-inv-font-line = { $font } ({ $count } document(s)) : { $status }
docs-inv-attention = Documents qui demandent de l'attention :
docs-inv-skipped = { $count } élément(s) laissé(s) de côté :
docs-inv-cancelled = Inventaire interrompu : les résultats sont partiels.
docs-inv-none = Aucun document bureautique dans ce dossier.
docs-inv-progress = { $count } document(s) lu(s)…
docs-csv-saved = Tableau enregistré : { $path }
docs-conv-title = Conversion de { $path } vers { $out } ({ $format })
docs-conv-plan = { $convert } fichier(s) à convertir, { $skip } laissé(s) de côté.
docs-conv-batch = LibreOffice convertit { $count } fichier(s)…
docs-conv-progress = { $done } sur { $total }
docs-conv-summary = { $converted } converti(s), { $failed } en échec, { $skipped } laissé(s) de côté, en { $seconds } s ({ $runs } lancement(s) de LibreOffice).
docs-conv-originals = Les originaux n'ont pas été modifiés.
docs-conv-report = Rapport : { $path }
docs-conv-cancelled = Conversion interrompue. Relancez-la pour reprendre là où elle s'est arrêtée.
docs-conv-converted = Convertis :
docs-conv-failed = En échec :
docs-conv-skipped = Laissés de côté :
docs-why-password = protégé par un mot de passe
docs-why-cannot-open = vide, abîmé ou pas un document
docs-why-already-format = déjà dans ce format
docs-why-already-converted = déjà converti ({ $dest })
docs-why-no-conversion = pas de conversion possible vers ce format
docs-fail-no-output = LibreOffice n'a pas pu l'ouvrir ou le convertir
docs-fail-bad-output = LibreOffice a produit un fichier vide ou inutilisable
docs-fail-timeout = LibreOffice n'a pas fini à temps (fichier peut-être abîmé)
docs-fail-not-started = LibreOffice n'a pas pu démarrer : { $detail }
docs-fail-cannot-write = impossible d'écrire le résultat : { $detail }
docs-target-odf = OpenDocument (.odt, .ods, .odp)
docs-target-ooxml = Microsoft Office (.docx, .xlsx, .pptx)
docs-target-pdf = PDF (lecture et impression)
docs-error-no-libreoffice = LibreOffice n'est pas installé sur cet ordinateur. Installez-le d'abord : kitlibre install libreoffice
docs-error-out-contains-source = Le dossier de sortie ne doit pas contenir le dossier des documents. Choisissez un autre dossier.
docs-error-cannot-create = Impossible de créer « { $path } » : { $detail }
docs-error-not-found = « { $path } » n'existe pas.
docs-error-unreadable = Impossible de lire « { $path } » : { $detail }
docs-bad-target = Format « { $value } » inconnu. Formats possibles : odf, ooxml, pdf.
docs-bad-format = Format « { $value } » inconnu. Formats possibles : odf, ooxml.
docs-format-current = Format d'enregistrement de LibreOffice ({ $profile }) : { $format }
docs-format-mixed = mixte (selon le type de document)
docs-format-set = Format d'enregistrement réglé : { $format }. Copie de l'ancien fichier : { $backup }
docs-format-set-new = Format d'enregistrement réglé : { $format }.
docs-format-unchanged = Rien à changer : LibreOffice enregistre déjà en { $format }.
docs-xcu-running = LibreOffice est ouvert. Fermez toutes ses fenêtres, puis recommencez.
docs-xcu-invalid = Le fichier de réglages de LibreOffice est illisible ({ $detail }). Il n'a pas été modifié.
docs-fonts-title = Polices de même taille que celles de Microsoft (la mise en page ne bouge pas) :
docs-fonts-line = { $font } pour { $original } : { $status }
docs-fonts-ok = installée
docs-fonts-install = à installer : kitlibre install { $entry }
docs-checklist-title = Liste de vérification : passage à LibreOffice
docs-checklist-date = Date : { $date }
docs-checklist-folder = Dossier : { $path }
docs-checklist-macros = Macros à réécrire (ne comptez pas sur leur fonctionnement) :
docs-checklist-passwords = Documents protégés par un mot de passe (ouvrir avec le mot de passe, puis enregistrer) :
docs-checklist-templates = Modèles, et documents liés à un modèle (refaire les modèles dans LibreOffice) :
docs-checklist-merges = Publipostages (refaire avec l'assistant de LibreOffice, vérifier où sont les sources) :
docs-checklist-links = Liens, connexions de données et tableaux croisés (vérifier après conversion) :
docs-checklist-damaged = Fichiers vides ou abîmés (retrouver une copie saine) :
docs-checklist-fonts = Polices :
docs-checklist-by-hand = À vérifier à la main sur les premiers documents convertis :
docs-checklist-hand-1 = La mise en page : sauts de page, tableaux, en-têtes et pieds de page.
docs-checklist-hand-2 = Les formules et les tableaux croisés dynamiques des classeurs.
docs-checklist-hand-3 = Les boutons et les macros : notez ceux qui ne marchent plus.
docs-checklist-hand-4 = Les documents envoyés à l'extérieur : envoyez un PDF quand la personne n'a pas à les modifier.
docs-checklist-format = Format d'enregistrement de LibreOffice : { $format }
docs-checklist-conversion = Conversion :
docs-checklist-none = (aucun)
docs-checklist-more = … et { $count } autre(s)
docs-checklist-footer = Préparé par Kit Libre, le kit d'accès aux logiciels libres. Aucune donnée n'a été envoyée.
docs-checklist-saved = Liste de vérification enregistrée : { $path }
docs-ui-title = Passer mes documents à LibreOffice
docs-ui-intro = L'assistant lit vos documents Word, Excel et PowerPoint, dit ce qui passera tout seul et ce qui demande de l'attention, puis en fait des copies pour LibreOffice.
docs-ui-originals-safe = Vos fichiers d'origine ne sont jamais modifiés, déplacés ni supprimés.
docs-ui-step = Étape { $n } : { $title }
docs-ui-step-choose = choisir un dossier
docs-ui-step-inventory = ce que contiennent vos documents
docs-ui-step-preview = ce que la conversion va faire
docs-ui-step-convert = conversion
docs-ui-step-report = résultat
docs-ui-folder = Dossier de documents à lire :
docs-ui-my-documents = Mes documents
docs-ui-desktop = Bureau
docs-ui-read = Lire ce dossier
docs-ui-reading = Lecture de { $path }…
docs-ui-other-folder = Choisir un autre dossier
docs-ui-install-font = Installer { $font }
docs-ui-save-checklist = Enregistrer la liste de vérification
docs-ui-format = Format des copies :
docs-ui-out = Dossier où ranger les copies :
docs-ui-already-done = déjà converti lors d'une fois précédente
docs-ui-no-libreoffice = LibreOffice n'est pas installé sur cet ordinateur : installez-le d'abord.
docs-ui-convert = Convertir maintenant
docs-ui-cancel-resumes = Vous pouvez arrêter : ce qui est fait est gardé, et la conversion reprendra là où elle s'est arrêtée.
docs-ui-open-out = Ouvrir le dossier des copies
docs-ui-resume = Reprendre la conversion
docs-ui-default-format = Format d'enregistrement de LibreOffice
docs-ui-default-format-help = Choisissez selon la règle de votre organisation. Fermez LibreOffice avant. Vos autres réglages sont gardés, et une copie de l'ancien réglage est faite.
docs-ui-save-as-odf = Enregistrer en OpenDocument
docs-ui-save-as-ooxml = Enregistrer au format Microsoft
docs-ui-open-failed = Impossible d'ouvrir le dossier : { $path }
ui-documents = Mes documents
ui-documents-card = Vous passez de Microsoft Office à LibreOffice ? L'assistant vérifie vos documents et en fait des copies, sans toucher aux originaux.
