<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
    <context>
        <name>AllianceOfTerritories</name>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="41" />
            <source>no data</source>
            <translation>pas de données</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="61" />
            <source>yes</source>
            <translation>oui</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="61" />
            <source>no</source>
            <translation>non</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="200" />
            <source>no consumption</source>
            <translation>aucune consommation</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="243" />
            <source>Resource balance: self-sufficiency per resource (production / consumption)</source>
            <translation>Bilan de ressources : autosuffisance par ressource (production / consommation)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="250" />
            <source>Add evidence with:</source>
            <translation>Compléter avec :</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="302" />
            <source>No territory selected.</source>
            <translation>Aucun territoire sélectionné.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="315" />
            <source>Status of the recommendation: the most urgent of its measured indicators</source>
            <translation>Statut de la recommandation : le plus urgent de ses indicateurs mesurés</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="40" />
            <location filename="../processing/report/words.py" line="13" />
            <source>priority</source>
            <translation>prioritaire</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="40" />
            <location filename="../processing/report/words.py" line="13" />
            <source>watch</source>
            <translation>à surveiller</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="40" />
            <location filename="../processing/report/words.py" line="13" />
            <source>strong</source>
            <translation>solide</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="41" />
            <location filename="../processing/report/words.py" line="14" />
            <location filename="../alliance_plugin/core/scorecard.py" line="70" />
            <source>not measurable</source>
            <translation>non mesurable</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="87" />
            <source>jobs per 100 workers</source>
            <translation>emplois pour 100 actifs</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="87" />
            <source>inhabitants</source>
            <translation>habitants</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="88" />
            <source>per 1000 inhabitants</source>
            <translation>pour 1 000 habitants</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="88" />
            <source>inhabitants per km²</source>
            <translation>habitants par km²</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="89" />
            <source>min</source>
            <translation>min</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="94" />
            <source>dominant</source>
            <translation>dominant</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="94" />
            <source>dominated</source>
            <translation>dominé</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="94" />
            <source>intermediate</source>
            <translation>intermédiaire</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="95" />
            <source>independent</source>
            <translation>indépendant</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="95" />
            <source>isolated</source>
            <translation>isolé</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="95" />
            <source>pole</source>
            <translation>pôle</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="96" />
            <source>interdependent</source>
            <translation>interdépendant</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="96" />
            <source>dependent</source>
            <translation>dépendant</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="96" />
            <source>autonomous</source>
            <translation>autonome</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="97" />
            <source>city core</source>
            <translation>centre-ville</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="97" />
            <source>commuting zone</source>
            <translation>zone de navettage</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="98" />
            <source>outside</source>
            <translation>hors aire</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="145" />
            <source>Recommendations with measured evidence</source>
            <translation>Recommandations appuyées sur une mesure</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="289" />
            <source>No indicator of this recommendation in the project yet: run one of the algorithms below.</source>
            <translation>Aucun indicateur de cette recommandation dans le projet pour l'instant : lancez l'un des algorithmes ci-dessous.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="127" />
            <location filename="../alliance_plugin/gui/cards.py" line="140" />
            <source>Field: {field}</source>
            <translation>Champ : {field}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="227" />
            <source>Strategic urban planning at local level</source>
            <translation>Planification urbaine stratégique à l'échelle locale</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="227" />
            <source>Interdependencies and complementarities between territories</source>
            <translation>Interdépendances et complémentarités entre territoires</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="227" />
            <source>Intermediary and new city networks</source>
            <translation>Villes intermédiaires et nouveaux réseaux de villes</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="227" />
            <source>Land management and tenure security</source>
            <translation>Gestion foncière et sécurité de la tenure</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="227" />
            <source>Environment- and climate-friendly planning</source>
            <translation>Aménagement respectueux de l'environnement et du climat</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="227" />
            <source>Circular economy</source>
            <translation>Économie circulaire</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="227" />
            <source>Urban and peri-urban mobility against socio-spatial inequality</source>
            <translation>Mobilité urbaine et périurbaine contre les inégalités socio-spatiales</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="227" />
            <source>Local capacities and territorial intelligence</source>
            <translation>Capacités locales et intelligence territoriale</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="129" />
            <source>Layer: {layer}</source>
            <translation>Couche : {layer}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="131" />
            <location filename="../alliance_plugin/gui/cards.py" line="140" />
            <source>Rule: {rule}</source>
            <translation>Règle : {rule}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="134" />
            <source>Source: {source}</source>
            <translation>Source : {source}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="146" />
            <source>{n} of 8</source>
            <translation>{n} sur 8</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="259" />
            <source>{name}: open its dialog with the territories, the code field, the flows and the population field already filled in</source>
            <translation>{name} : ouvre sa fenêtre avec les territoires, le champ de code, les flux et le champ de population déjà renseignés</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="333" />
            <source>{label}: {value}</source>
            <translation>{label} : {value}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="133" />
            <location filename="../alliance_plugin/gui/cards.py" line="142" />
            <source>Why not measurable: {reason}</source>
            <translation>Pourquoi non mesurable : {reason}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="294" />
            <source>Not in the project yet: {list}.</source>
            <translation>Pas encore dans le projet : {list}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/cards.py" line="198" />
            <source>{resource}: production {production} {unit}, consumption {consumption} {unit}</source>
            <translation>{resource} : production {production} {unit}, consommation {consumption} {unit}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dependencies_dialog.py" line="34" />
            <source>present</source>
            <translation>présente</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dependencies_dialog.py" line="34" />
            <source>missing</source>
            <translation>absente</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dependencies_dialog.py" line="35" />
            <source>too old</source>
            <translation>trop ancienne</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dependencies_dialog.py" line="35" />
            <source>broken</source>
            <translation>défectueuse</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dependencies_dialog.py" line="80" />
            <source>Only scripts/tenure_batch.py (a dask cluster, outside QGIS)</source>
            <translation>Seulement scripts/tenure_batch.py (une grappe dask, hors de QGIS)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dependencies_dialog.py" line="82" />
            <source>Optional: faster GeoPackage input and output (land-tenure overlay, access algorithms)</source>
            <translation>Facultative : GeoPackage lus et écrits plus vite (croisement foncier, algorithmes d'accès)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dependencies_dialog.py" line="84" />
            <source>Optional: Leiden and the igraph engine of Flow regions</source>
            <translation>Facultative : Leiden et le moteur igraph des régions de flux</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dependencies_dialog.py" line="86" />
            <source>Every algorithm</source>
            <translation>Tous les algorithmes</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dependencies_dialog.py" line="99" />
            <source>Alliance of Territories: check dependencies</source>
            <translation>Alliance des territoires : vérifier les dépendances</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dependencies_dialog.py" line="104" />
            <source>The Python libraries the plugin uses, tried in the Python that QGIS runs.</source>
            <translation>Les bibliothèques Python qu'utilise l'extension, essayées dans le Python que QGIS exécute.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dependencies_dialog.py" line="128" />
            <source>Restart QGIS after installing: a library already loaded is seen again only then.</source>
            <translation>Redémarrez QGIS après l'installation : une bibliothèque déjà chargée n'est relue qu'à ce moment-là.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dependencies_dialog.py" line="134" />
            <source>Copy command</source>
            <translation>Copier la commande</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dependencies_dialog.py" line="136" />
            <source>Check again</source>
            <translation>Vérifier à nouveau</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dependencies_dialog.py" line="138" />
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dependencies_dialog.py" line="38" />
            <source>{state} ({version})</source>
            <translation>{state} ({version})</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dependencies_dialog.py" line="45" />
            <source>In the OSGeo4W Shell (Start menu, QGIS folder; as administrator when QGIS was installed for all users):</source>
            <translation>Dans l'OSGeo4W Shell (menu Démarrer, dossier QGIS ; en administrateur si QGIS a été installé pour tous les utilisateurs) :</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dependencies_dialog.py" line="47" />
            <source>In the Terminal, with the Python inside the QGIS application:</source>
            <translation>Dans le Terminal, avec le Python contenu dans l'application QGIS :</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dependencies_dialog.py" line="48" />
            <source>In a terminal (needs the KDE SDK: flatpak install flathub org.kde.Sdk):</source>
            <translation>Dans un terminal (il faut le SDK KDE : flatpak install flathub org.kde.Sdk) :</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dependencies_dialog.py" line="49" />
            <source>In the conda environment QGIS runs from:</source>
            <translation>Dans l'environnement conda d'où QGIS est lancé :</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dependencies_dialog.py" line="50" />
            <location filename="../alliance_plugin/gui/dependencies_dialog.py" line="51" />
            <location filename="../alliance_plugin/gui/dependencies_dialog.py" line="52" />
            <source>In a terminal, with the distribution's packages:</source>
            <translation>Dans un terminal, avec les paquets de la distribution :</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dependencies_dialog.py" line="53" />
            <source>In a terminal, with pip for the Python that QGIS runs:</source>
            <translation>Dans un terminal, avec pip pour le Python que QGIS exécute :</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dependencies_dialog.py" line="89" />
            <source>Every algorithm but: {names}</source>
            <translation>Tous les algorithmes sauf : {names}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dependencies_dialog.py" line="108" />
            <source>Library</source>
            <translation>Bibliothèque</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dependencies_dialog.py" line="108" />
            <location filename="../processing/report/html_page.py" line="58" />
            <location filename="../processing/styling/names.py" line="73" />
            <location filename="../alliance_plugin/core/indicators.py" line="248" />
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dependencies_dialog.py" line="108" />
            <source>Needed by</source>
            <translation>Nécessaire à</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dependencies_dialog.py" line="108" />
            <source>Reason</source>
            <translation>Raison</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dependencies_dialog.py" line="174" />
            <source>Nothing to install: every library the plugin uses in QGIS works.</source>
            <translation>Rien à installer : toutes les bibliothèques qu'utilise l'extension dans QGIS fonctionnent.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dock.py" line="73" />
            <source>unknown algorithm</source>
            <translation>algorithme inconnu</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dock.py" line="119" />
            <location filename="../alliance_plugin/gui/dock.py" line="532" />
            <location filename="../alliance_plugin/gui/dock.py" line="531" />
            <location filename="../alliance_plugin/plugin.py" line="51" />
            <location filename="../processing/provider.py" line="47" />
            <source>Alliance of Territories</source>
            <translation>Alliance des territoires</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dock.py" line="164" />
            <source>Polygon layers holding at least one indicator of the scorecard</source>
            <translation>Couches de polygones contenant au moins un indicateur du tableau de bord</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dock.py" line="168" />
            <source>The field holding the territory codes; other layers are joined on it</source>
            <translation>Le champ qui porte les codes des territoires ; les autres couches y sont jointes</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dock.py" line="175" />
            <location filename="../processing/report/html_page.py" line="93" />
            <source>Layer</source>
            <translation>Couche</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dock.py" line="176" />
            <source>Code field</source>
            <translation>Champ de code</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dock.py" line="177" />
            <source>Territory</source>
            <translation>Territoire</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dock.py" line="181" />
            <source>Sample data</source>
            <translation>Données d'exemple</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dock.py" line="182" />
            <source>Load the Austrian sample and run Flow dependencies on it</source>
            <translation>Charger l'exemple autrichien et y lancer Dépendances de flux</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dock.py" line="184" />
            <source>Check dependencies</source>
            <translation>Vérifier les dépendances</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dock.py" line="185" />
            <source>The Python libraries the plugin uses, their state and the command that installs the missing ones</source>
            <translation>Les bibliothèques Python qu'utilise l'extension, leur état et la commande qui installe celles qui manquent</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dock.py" line="191" />
            <source>How each indicator is computed, its rule and its sources</source>
            <translation>Comment chaque indicateur est calculé, sa règle et ses sources</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dock.py" line="281" />
            <source>No layer with indicators in the project: run an algorithm of the Alliance of Territories, or click Sample data.</source>
            <translation>Aucune couche avec des indicateurs dans le projet : lancez un algorithme de l'Alliance des territoires, ou cliquez sur Données d'exemple.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dock.py" line="284" />
            <source>Select a territory on the map or in the list.</source>
            <translation>Sélectionnez un territoire sur la carte ou dans la liste.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dock.py" line="404" />
            <source>No indicator for this territory yet: run one of the algorithms below.</source>
            <translation>Aucun indicateur pour ce territoire pour l'instant : lancez l'un des algorithmes ci-dessous.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dock.py" line="190" />
            <location filename="../processing/report/html_page.py" line="100" />
            <location filename="../processing/report/pdf.py" line="115" />
            <source>Method notes</source>
            <translation>Notes de méthode</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dock.py" line="382" />
            <source>a partner not named in the layers</source>
            <translation>un partenaire que les couches ne nomment pas</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dock.py" line="383" />
            <source>a territory not named in the layers</source>
            <translation>un territoire que les couches ne nomment pas</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dock.py" line="384" />
            <source>an area not named in the layers</source>
            <translation>une aire que les couches ne nomment pas</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dock.py" line="509" />
            <source>Cannot open {alg}: {error}</source>
            <translation>Impossible d'ouvrir {alg} : {error}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dock.py" line="520" />
            <source>Flow dependencies failed on the sample: {error}</source>
            <translation>Dépendances de flux a échoué sur l'exemple : {error}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/dock.py" line="393" />
            <source>in {layer}</source>
            <translation>dans {layer}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/layers.py" line="439" />
            <source>Austria NUTS 2</source>
            <translation>Autriche NUTS 2</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/layers.py" line="449" />
            <location filename="../processing/provider.py" line="136" />
            <location filename="../processing/styling/names.py" line="12" />
            <source>Flow lines (dependencies)</source>
            <translation>Lignes de flux (dépendances)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/layers.py" line="450" />
            <source>Austria: flow dependencies</source>
            <translation>Autriche : dépendances de flux</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/gui/layers.py" line="441" />
            <source>The sample data is missing from the plugin folder.</source>
            <translation>Les données d'exemple sont absentes du dossier de l'extension.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/plugin.py" line="87" />
            <source>&amp;Alliance of Territories</source>
            <translation>&amp;Alliance des territoires</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/plugin.py" line="59" />
            <source>Alliance of Territories panel</source>
            <translation>Panneau Alliance des territoires</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/plugin.py" line="73" />
            <source>Check dependencies…</source>
            <translation>Vérifier les dépendances…</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/plugin.py" line="49" />
            <source>The Alliance of Territories panel needs: {what}. Install it with: {hint}</source>
            <translation>Le panneau Alliance des territoires a besoin de : {what}. Installez-le avec : {hint}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/qgis_io/fast_path.py" line="243" />
            <location filename="../alliance_plugin/qgis_io/frame_writer.py" line="271" />
            <source>Writing {n:,} features with pyogrio to {path}.</source>
            <translation>Écriture de {n:,} entités avec pyogrio dans {path}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/qgis_io/flows.py" line="59" />
            <source>The flow table or layer is empty: it holds no rows.</source>
            <translation>La table ou la couche de flux est vide : elle ne contient aucune ligne.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/qgis_io/flows.py" line="52" />
            <source>CSV file {path} ({encoding}, delimiter '{delimiter}')</source>
            <translation>Fichier CSV {path} ({encoding}, délimiteur '{delimiter}')</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/qgis_io/flows.py" line="63" />
            <source>layer {name}</source>
            <translation>couche {name}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/qgis_io/layers.py" line="53" />
            <source>{crs} is not in metres: areas, buffers and distances are computed in a Lambert azimuthal equal-area projection centred on {lon:.4f}, {lat:.4f}.</source>
            <translation>{crs} n'est pas en mètres : les surfaces, tampons et distances sont calculés dans une projection azimutale équivalente de Lambert centrée sur {lon:.4f}, {lat:.4f}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/qgis_io/postgis.py" line="223" />
            <source>PostGIS {table}: {error}</source>
            <translation>PostGIS {table} : {error}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/qgis_io/postgis.py" line="134" />
            <source>The authentication configuration '{id}' of the PostGIS connection could not be used.</source>
            <translation>La configuration d'authentification '{id}' de la connexion PostGIS n'a pas pu être utilisée.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/qgis_io/postgis.py" line="311" />
            <source>Writing {n:,} features with pyogrio to PostGIS {table}.</source>
            <translation>Écriture de {n:,} entités avec pyogrio dans PostGIS {table}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/qgis_io/postgis.py" line="400" />
            <source>PostGIS {table}: written, but it could not be opened.</source>
            <translation>PostGIS {table} : écrite, mais elle n'a pas pu être ouverte.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/qgis_io/postgis.py" line="352" />
            <source>PostGIS {table}: the server cannot be reached ({error}); nothing was written under that name.</source>
            <translation>PostGIS {table} : le serveur est injoignable ({error}) ; rien n'a été écrit sous ce nom.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/qgis_io/rasters.py" line="16" />
            <source>The raster's cells are not squares ({x:g} x {y:g}).</source>
            <translation>Les cellules du raster ne sont pas carrées ({x:g} x {y:g}).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/qgis_io/rasters.py" line="23" />
            <source>Band {band} of the raster cannot be read as numbers.</source>
            <translation>La bande {band} du raster ne peut pas être lue comme des nombres.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/qgis_io/reading.py" line="46" />
            <location filename="../processing/base.py" line="225" />
            <source>Canceled.</source>
            <translation>Annulé.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/qgis_io/reading.py" line="257" />
            <source>{n} feature(s) of '{layer}' have invalid geometries: they are repaired (make_valid), never dropped, whatever the Processing setting for invalid features.</source>
            <translation>{n} entité(s) de « {layer} » ont une géométrie invalide : elles sont réparées (make_valid), jamais écartées, quel que soit le réglage de Processing pour les entités invalides.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/qgis_io/reading.py" line="216" />
            <source>The field '{name}' is not in the layer; its fields are: {fields}.</source>
            <translation>Le champ '{name}' n'est pas dans la couche ; ses champs sont : {fields}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/qgis_io/writing.py" line="112" />
            <source>Could not write features: {error}</source>
            <translation>Impossible d'écrire les entités : {error}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/toolbelt/dependencies.py" line="103" />
            <source>a WKB round trip changed the geometry</source>
            <translation>un aller-retour en WKB a modifié la géométrie</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/toolbelt/dependencies.py" line="183" />
            <source>its GDAL cannot write GeoPackages</source>
            <translation>son GDAL ne sait pas écrire de GeoPackage</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/toolbelt/dependencies.py" line="332" />
            <source>wrong result</source>
            <translation>résultat faux</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/toolbelt/dependencies.py" line="268" />
            <source>{name} &gt;= {minimum} is not installed ({error})</source>
            <translation>{name} &gt;= {minimum} n'est pas installée ({error})</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/toolbelt/dependencies.py" line="275" />
            <source>{name} lacks a feature the plugin uses: {minimum} or newer is needed ({feature} failed: {error})</source>
            <translation>il manque à {name} une fonction qu'utilise l'extension : la version {minimum} ou plus récente est nécessaire ({feature} a échoué : {error})</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/toolbelt/dependencies.py" line="284" />
            <source>{name} is installed but does not work ({error})</source>
            <translation>{name} est installée mais ne fonctionne pas ({error})</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/toolbelt/dependencies.py" line="272" />
            <source>{name} {version} is too old: {minimum} or newer is needed ({feature} failed: {error})</source>
            <translation>{name} {version} est trop ancienne : la version {minimum} ou plus récente est nécessaire ({feature} a échoué : {error})</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/toolbelt/dependencies.py" line="280" />
            <source>shapely {version} does not work inside QGIS ({error}): its wheel bundles a GEOS library that clashes with QGIS's; install it built against the system GEOS: python3 -m pip install --no-binary shapely shapely</source>
            <translation>shapely {version} ne fonctionne pas dans QGIS ({error}) : sa wheel embarque une bibliothèque GEOS en conflit avec celle de QGIS ; installez-la compilée avec le GEOS du système : python3 -m pip install --no-binary shapely shapely</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/toolbelt/dependencies.py" line="320" />
            <source>the {name} API</source>
            <translation>l'API de {name}</translation>
        </message>
        <message>
            <location filename="../processing/access_inputs.py" line="121" />
            <location filename="../processing/flow_inputs.py" line="74" />
            <location filename="../processing/land_consumption.py" line="57" />
            <location filename="../processing/provider.py" line="130" />
            <location filename="../processing/report/content.py" line="173" />
            <location filename="../processing/report/html_page.py" line="48" />
            <source>Territories</source>
            <translation>Territoires</translation>
        </message>
        <message>
            <location filename="../processing/access_inputs.py" line="122" />
            <location filename="../processing/flow_inputs.py" line="74" />
            <location filename="../processing/land_tenure.py" line="152" />
            <location filename="../processing/provider.py" line="130" />
            <location filename="../processing/urban_growth.py" line="54" />
            <source>Territory code field</source>
            <translation>Champ de code des territoires</translation>
        </message>
        <message>
            <location filename="../processing/access_inputs.py" line="135" />
            <source>Method (network or euclidean proxy)</source>
            <translation>Méthode (network ou euclidean proxy)</translation>
        </message>
        <message>
            <location filename="../processing/access_inputs.py" line="115" />
            <source>Population field (default: 1 per feature)</source>
            <translation>Champ de population (défaut : 1 par entité)</translation>
        </message>
        <message>
            <location filename="../processing/access_inputs.py" line="127" />
            <source>Street network</source>
            <translation>Réseau viaire</translation>
        </message>
        <message>
            <location filename="../processing/access_inputs.py" line="128" />
            <source>Snap tolerance to the street network (m)</source>
            <translation>Tolérance d'accrochage au réseau viaire (m)</translation>
        </message>
        <message>
            <location filename="../processing/access_inputs.py" line="129" />
            <source>Topology tolerance: ends joined within (m)</source>
            <translation>Tolérance topologique : extrémités jointes à (m)</translation>
        </message>
        <message>
            <location filename="../processing/access_inputs.py" line="167" />
            <source>The population layer is empty.</source>
            <translation>La couche de population est vide.</translation>
        </message>
        <message>
            <location filename="../processing/access_inputs.py" line="228" />
            <source>Choose the code field of the territories.</source>
            <translation>Choisissez le champ de code des territoires.</translation>
        </message>
        <message>
            <location filename="../processing/access_inputs.py" line="290" />
            <source>No street network: distances are straight lines (the Euclidean proxy); every output says so.</source>
            <translation>Pas de réseau viaire : les distances sont à vol d'oiseau (l'approximation euclidienne) ; chaque sortie le signale.</translation>
        </message>
        <message>
            <location filename="../processing/access_inputs.py" line="296" />
            <source>The street network has no line to walk along.</source>
            <translation>Le réseau viaire n'a aucune ligne à parcourir à pied.</translation>
        </message>
        <message>
            <location filename="../processing/access_inputs.py" line="306" />
            <source>Street network: {lines:,} lines, {segments:,} segments, {nodes:,} junctions, {km:,.1f} km.</source>
            <translation>Réseau viaire : {lines:,} lignes, {segments:,} segments, {nodes:,} nœuds, {km:,.1f} km.</translation>
        </message>
        <message>
            <location filename="../processing/access_inputs.py" line="173" />
            <source>Population read with pyogrio from {path}.</source>
            <translation>Population lue avec pyogrio depuis {path}.</translation>
        </message>
        <message>
            <location filename="../processing/access_inputs.py" line="179" />
            <source>{n} population features have no geometry: they are counted without access.</source>
            <translation>{n} entités de population n'ont pas de géométrie : elles sont comptées sans accès.</translation>
        </message>
        <message>
            <location filename="../processing/access_inputs.py" line="275" />
            <source>{n} population features lie in no territory: they count in the whole area only.</source>
            <translation>{n} entités de population ne sont dans aucun territoire : elles ne comptent que dans l'ensemble de la zone.</translation>
        </message>
        <message>
            <location filename="../processing/access_inputs.py" line="310" />
            <source>The street network has {parts} disconnected parts; the largest holds {share:.1f} % of its length. Nobody walks from one part to another.</source>
            <translation>Le réseau viaire a {parts} parties déconnectées ; la plus grande porte {share:.1f} % de sa longueur. On ne passe pas à pied d'une partie à l'autre.</translation>
        </message>
        <message>
            <location filename="../processing/access_inputs.py" line="341" />
            <source>{n:,} population features are farther than the snap tolerance from any street: they are kept and counted without access.</source>
            <translation>{n:,} entités de population sont plus loin de toute rue que la tolérance d'accrochage : elles sont conservées et comptées sans accès.</translation>
        </message>
        <message>
            <location filename="../processing/access_inputs.py" line="345" />
            <source>{n:,} population features sit on parts of the network that hold no {what}: they have no access.</source>
            <translation>{n:,} entités de population se trouvent sur des parties du réseau qui ne contiennent aucun {what} : elles n'ont aucun accès.</translation>
        </message>
        <message>
            <location filename="../processing/access_inputs.py" line="185" />
            <source>{n} features have no population in '{field}': they count 0.</source>
            <translation>{n} entités n'ont pas de population dans '{field}' : elles comptent pour 0.</translation>
        </message>
        <message>
            <location filename="../processing/access_inputs.py" line="190" />
            <source>{n} features have a negative population in '{field}' (feature ids {ids}): fix them first.</source>
            <translation>{n} entités ont une population négative dans '{field}' (identifiants des entités {ids}) : corrigez-les d'abord.</translation>
        </message>
        <message>
            <location filename="../processing/base.py" line="99" />
            <source>Mobility and access</source>
            <translation>Mobilité et accessibilité</translation>
        </message>
        <message>
            <location filename="../processing/base.py" line="99" />
            <source>Flows and dependencies</source>
            <translation>Flux et dépendances</translation>
        </message>
        <message>
            <location filename="../processing/base.py" line="99" />
            <source>Urban growth and land</source>
            <translation>Croissance urbaine et foncier</translation>
        </message>
        <message>
            <location filename="../processing/base.py" line="99" />
            <source>Land and tenure</source>
            <translation>Foncier et tenure</translation>
        </message>
        <message>
            <location filename="../processing/base.py" line="99" />
            <source>Resources and reciprocity</source>
            <translation>Ressources et réciprocité</translation>
        </message>
        <message>
            <location filename="../processing/base.py" line="99" />
            <source>Recommendations</source>
            <translation>Recommandations</translation>
        </message>
        <message>
            <location filename="../processing/base.py" line="117" />
            <source>This algorithm needs Python libraries that are missing or unusable:
{problems}
Install them into the Python that QGIS uses, for example:
{command}
Plugins &gt; Alliance of Territories &gt; Check dependencies lists every library with its state and the command for your system.</source>
            <translation>Cet algorithme a besoin de bibliothèques Python absentes ou inutilisables :
{problems}
Installez-les dans le Python qu'utilise QGIS, par exemple :
{command}
Extensions &gt; Alliance des territoires &gt; Vérifier les dépendances liste chaque bibliothèque avec son état et la commande pour votre système.</translation>
        </message>
        <message>
            <location filename="../processing/base.py" line="140" />
            <source>The output '{output}' would overwrite the input '{input}' ({path}): choose another file.</source>
            <translation>La sortie '{output}' écraserait l'entrée '{input}' ({path}) : choisissez un autre fichier.</translation>
        </message>
        <message>
            <location filename="../processing/base.py" line="145" />
            <source>The output '{output}' would replace the GeoPackage {path}, which holds {count} layers ({names}): all of them would be deleted. Choose another file, or save into this GeoPackage as a new layer (Save to GeoPackage… in the output's menu; with qgis_process: ogr:dbname='{path}' table="new_layer" (geom)).</source>
            <translation>La sortie « {output} » remplacerait le GeoPackage {path}, qui contient {count} couches ({names}) : toutes seraient supprimées. Choisissez un autre fichier, ou enregistrez dans ce GeoPackage comme nouvelle couche (Enregistrer dans un GeoPackage… dans le menu de la sortie ; avec qgis_process : ogr:dbname='{path}' table="nouvelle_couche" (geom)).</translation>
        </message>
        <message>
            <location filename="../processing/city_network.py" line="34" />
            <source>City network: rank-size, centralities, intermediary cities</source>
            <translation>Réseau de villes : rang-taille, centralités, villes intermédiaires</translation>
        </message>
        <message>
            <location filename="../processing/city_network.py" line="37" />
            <source>Rank-size exponent (Gabaix-Ibragimov), primacy, flow centralities and intermediary cities.</source>
            <translation>Exposant rang-taille (Gabaix-Ibragimov), primatie, centralités de flux et villes intermédiaires.</translation>
        </message>
        <message>
            <location filename="../processing/city_network.py" line="41" />
            <source>&lt;p&gt;For cities (points or polygons) with their population at one or several dates (recommendation 3):&lt;/p&gt;
&lt;ul&gt;&lt;li&gt;&lt;b&gt;Rank-size&lt;/b&gt;: the Gabaix-Ibragimov estimator (ln(rank - 1/2) regressed on ln(size)), the exponent b and its standard error b&amp;radic;(2/n), n and the size cut-off, per date; per city, its rank and its deviation from the fitted line (size_deviation, in log units: positive when the city is larger than the line predicts). &lt;b&gt;Primacy&lt;/b&gt; P1/P2 and the &lt;b&gt;four-city index&lt;/b&gt; P1/(P2+P3+P4). The table output holds one row per date.&lt;/li&gt;
&lt;li&gt;With flows: &lt;b&gt;centralities&lt;/b&gt; on the directed flow graph: in and out strength and degree, PageRank, and betweenness with 1/volume as the length of a link (ours: paths follow the strongest flows), per connected component; exact when cheap, otherwise from sampled sources, with the method and the number of sources written in each city's fields and in the log.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Intermediary cities&lt;/b&gt; (our rule, not an official one): a size inside the band, a betweenness in the top share, and an intermediate place in the Nystuen-Dacey hierarchy (see Dominant flows); intermediary_score counts how many of the three hold.&lt;/li&gt;&lt;/ul&gt;
&lt;p&gt;&lt;b&gt;Flows&lt;/b&gt;: a table or layer loaded in QGIS, or a CSV file (delimiter, UTF-8/BOM/cp1252 and decimal commas detected; codes always read as text, so 01004 keeps its zero). Fields are detected from their names when left empty, including INSEE's commuting files (CODGEO/DCLT/NBFLUX_C20_ACTOCC15P, or COMMUNE/DCLT/IPONDI summed per pair). Rows repeating a pair and type are summed with a warning; missing or negative volumes stop the run and name the rows; codes that match no territory are counted, listed and left out.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Pour des villes (points ou polygones) avec leur population à une ou plusieurs dates (recommandation 3) :&lt;/p&gt;
&lt;ul&gt;&lt;li&gt;&lt;b&gt;Rang-taille&lt;/b&gt; : l'estimateur de Gabaix-Ibragimov (ln(rang - 1/2) régressé sur ln(taille)), l'exposant b et son erreur type b&amp;radic;(2/n), n et le seuil de taille, par date ; pour chaque ville, son rang et son écart à la droite ajustée (size_deviation, en unités logarithmiques : positif quand la ville est plus grande que ne le prévoit la droite). &lt;b&gt;Primatie&lt;/b&gt; P1/P2 et &lt;b&gt;indice des quatre villes&lt;/b&gt; P1/(P2+P3+P4). La sortie table contient une ligne par date.&lt;/li&gt;
&lt;li&gt;Avec des flux : &lt;b&gt;centralités&lt;/b&gt; sur le graphe orienté des flux : force et degré entrants et sortants, PageRank, et intermédiarité avec 1/volume comme longueur d'un lien (notre choix : les chemins suivent les flux les plus forts), par composante connexe ; exacte quand c'est peu coûteux, sinon à partir de sources échantillonnées, la méthode et le nombre de sources étant écrits dans les champs de chaque ville et dans le journal.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Villes intermédiaires&lt;/b&gt; (notre règle, pas une règle officielle) : une taille comprise dans la fourchette, une intermédiarité dans la part la plus haute, et une place intermédiaire dans la hiérarchie de Nystuen-Dacey (voir Flux dominants) ; intermediary_score compte combien des trois conditions sont remplies.&lt;/li&gt;&lt;/ul&gt;
&lt;p&gt;&lt;b&gt;Flux&lt;/b&gt; : une table ou une couche chargée dans QGIS, ou un fichier CSV (délimiteur, UTF-8/BOM/cp1252 et virgules décimales détectés ; codes toujours lus comme du texte, donc 01004 garde son zéro). Les champs sont détectés d'après leur nom quand ils sont laissés vides, y compris dans les fichiers de navettes domicile-travail de l'INSEE (CODGEO/DCLT/NBFLUX_C20_ACTOCC15P, ou COMMUNE/DCLT/IPONDI sommé par couple). Les lignes qui répètent un couple et un type sont sommées avec un avertissement ; des volumes manquants ou négatifs arrêtent le traitement et les lignes sont citées ; les codes qui ne correspondent à aucun territoire sont comptés, listés et écartés.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/city_network.py" line="96" />
            <source>No flows: only the city-size distribution is computed.</source>
            <translation>Pas de flux : seule la distribution des tailles de villes est calculée.</translation>
        </message>
        <message>
            <location filename="../processing/city_network.py" line="46" />
            <source>Population fields (one per date, last = now)</source>
            <translation>Champs de population (un par date, dernier = actuel)</translation>
        </message>
        <message>
            <location filename="../processing/city_network.py" line="55" />
            <source>Cities with rank-size and network fields</source>
            <translation>Villes avec champs rang-taille et réseau</translation>
        </message>
        <message>
            <location filename="../processing/city_network.py" line="57" />
            <source>City-size distribution per date</source>
            <translation>Distribution des tailles de villes par date</translation>
        </message>
        <message>
            <location filename="../processing/city_network.py" line="58" />
            <source>Rank-size exponent b at the last date</source>
            <translation>Exposant rang-taille b à la dernière date</translation>
        </message>
        <message>
            <location filename="../processing/city_network.py" line="59" />
            <source>Primacy P1/P2 at the last date</source>
            <translation>Primatie P1/P2 à la dernière date</translation>
        </message>
        <message>
            <location filename="../processing/city_network.py" line="60" />
            <source>Number of intermediary cities</source>
            <translation>Nombre de villes intermédiaires</translation>
        </message>
        <message>
            <location filename="../processing/city_network.py" line="49" />
            <source>Rank-size: smallest city size fitted</source>
            <translation>Rang-taille : plus petite taille de ville ajustée</translation>
        </message>
        <message>
            <location filename="../processing/city_network.py" line="49" />
            <source>Intermediary cities: smallest size</source>
            <translation>Villes intermédiaires : taille minimale</translation>
        </message>
        <message>
            <location filename="../processing/city_network.py" line="49" />
            <source>Intermediary cities: largest size</source>
            <translation>Villes intermédiaires : taille maximale</translation>
        </message>
        <message>
            <location filename="../processing/city_network.py" line="49" />
            <source>Intermediary cities: top share of betweenness (%)</source>
            <translation>Villes intermédiaires : part la plus haute de l'intermédiarité (%)</translation>
        </message>
        <message>
            <location filename="../processing/city_network.py" line="49" />
            <source>Betweenness: sources sampled (0 = automatic)</source>
            <translation>Intermédiarité : sources tirées (0 = auto)</translation>
        </message>
        <message>
            <location filename="../processing/crs_rule.py" line="102" />
            <source>{names}: no coordinate reference system (CRS). This algorithm measures areas or distances and puts layers together by location, which needs the CRS of every layer: set it in Layer Properties &gt; Source (Assigned coordinate reference system), or with Processing's 'Assign projection', then run again.</source>
            <translation>{names} : aucun système de coordonnées de référence (SCR). Cet algorithme mesure des surfaces ou des distances et croise des couches selon leur localisation, ce qui demande le SCR de chaque couche : définissez-le dans Propriétés de la couche &gt; Source (Système de coordonnées de référence assigné), ou avec l'algorithme « Assigner une projection » de Processing, puis relancez.</translation>
        </message>
        <message>
            <location filename="../processing/crs_rule.py" line="108" />
            <source>{names}: no coordinate reference system (CRS). The coordinates are used as they are, only to draw the results (nothing is measured with them); the outputs have no CRS either. Set the layer's CRS in Layer Properties &gt; Source to place them on a map.</source>
            <translation>{names} : aucun système de coordonnées de référence (SCR). Les coordonnées sont utilisées telles quelles, seulement pour dessiner les résultats (rien n'est mesuré avec elles) ; les sorties n'ont pas de SCR non plus. Définissez le SCR de la couche dans Propriétés de la couche &gt; Source pour les placer sur une carte.</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="48" />
            <source>Degree of urbanisation (DEGURBA)</source>
            <translation>Degré d'urbanisation (DEGURBA)</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="51" />
            <source>Urban centres, urban clusters and rural cells of a population grid, and local units classed as cities, towns and semi-dense areas, or rural areas.</source>
            <translation>Centres urbains, agglomérations urbaines et carreaux ruraux d'une grille de population, et unités locales classées en villes, villes moyennes et zones semi-denses, ou zones rurales.</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="55" />
            <source>&lt;p&gt;The degree of urbanisation (UN Statistical Commission 2020; Eurostat et al., &lt;i&gt;Applying the Degree of Urbanisation&lt;/i&gt;, 2021), from your own population data (recommendations 1 and 3).&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Population grid&lt;/b&gt;, one of: grid polygons with a population field (cells taken as given: they must be the squares of one grid in a projected CRS in metres, cells cut along a coast allowed; an optional land-share field gives the density per km2 of land); population points summed into a grid of the given cell size (1 km by default, aligned on multiples of the cell; points in a geographic CRS are reprojected to a Lambert azimuthal equal-area projection centred on them, and the log says so); or a population raster in a projected CRS in metres with square cells (no-data and negative cells are no data).&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Grid classes&lt;/b&gt;, every threshold a parameter: urban centres are 4-connected cells (no diagonals) of at least 1,500 inhabitants per km2 of land whose cluster holds at least 50,000 inhabitants, their gaps below 15 km2 filled and their edges smoothed by the majority rule (a cell joins when at least 5 of its 8 neighbours belong to the centre), repeated until nothing changes; urban clusters are 8-connected cells of at least 300 inhabitants per km2 (urban-centre cells included) holding at least 5,000 inhabitants; every other cell is a rural grid cell (no data: a given cell without population). Centres and clusters are numbered from the most populated; each cell gets its class, centre and cluster ids and their populations. Cells without inhabitants outside any cluster are left out of a grid built from points or a raster unless asked for.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Local units&lt;/b&gt; (optional): each cell's population is given to the unit containing the cell's centre (for given polygons, a point inside the polygon, the centre of a full square; a centre on a border goes to the smaller code). A unit is a &lt;i&gt;city&lt;/i&gt; when at least 50 % of its population lives in urban centres, a &lt;i&gt;rural area&lt;/i&gt; when at least 50 % lives in rural cells, else a &lt;i&gt;town and semi-dense area&lt;/i&gt;; units without inhabitants get no class. Their population, population and share in urban centres, in urban clusters (centres included) and in rural cells are added to the units as given. The params field records the thresholds.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Le degré d'urbanisation (Commission de statistique des Nations unies 2020 ; Eurostat et al., &lt;i&gt;Applying the Degree of Urbanisation&lt;/i&gt;, 2021), à partir de vos propres données de population (recommandations 1 et 3).&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Grille de population&lt;/b&gt;, au choix : des carreaux (polygones) avec un champ de population (carreaux pris tels quels : ce doivent être les carrés d'une même grille dans un SCR projeté en mètres, les carreaux découpés le long d'une côte étant admis ; un champ facultatif de part de terre donne la densité par km2 de terre) ; des points de population sommés dans une grille de la taille de carreau donnée (1 km par défaut, alignée sur des multiples de la taille ; des points dans un SCR géographique sont reprojetés dans une projection azimutale équivalente de Lambert centrée sur eux, et le journal le signale) ; ou un raster de population dans un SCR projeté en mètres à cellules carrées (les cellules sans donnée et négatives sont sans donnée).&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Classes de la grille&lt;/b&gt;, chaque seuil étant un paramètre : les centres urbains sont des carreaux 4-connexes (sans diagonales) d'au moins 1 500 habitants par km2 de terre dont l'agrégat compte au moins 50 000 habitants, leurs trous de moins de 15 km2 comblés et leurs bords lissés par la règle de la majorité (un carreau est ajouté quand au moins 5 de ses 8 voisins appartiennent au centre), répété jusqu'à ce que plus rien ne change ; les agglomérations urbaines sont des carreaux 8-connexes d'au moins 300 habitants par km2 (carreaux des centres urbains compris) comptant au moins 5 000 habitants ; tout autre carreau est un carreau rural (sans donnée : un carreau fourni sans population). Centres et agglomérations sont numérotés du plus peuplé au moins peuplé ; chaque carreau reçoit sa classe, les identifiants de son centre et de son agglomération et leurs populations. Les carreaux sans habitant hors de toute agglomération sont omis d'une grille construite à partir de points ou d'un raster, sauf demande contraire.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Unités locales&lt;/b&gt; (facultatif) : la population de chaque carreau est attribuée à l'unité qui contient le centre du carreau (pour des polygones fournis, un point à l'intérieur du polygone, le centre d'un carré complet ; un centre situé sur une limite va au plus petit code). Une unité est une &lt;i&gt;ville&lt;/i&gt; quand au moins 50 % de sa population vit dans des centres urbains, une &lt;i&gt;zone rurale&lt;/i&gt; quand au moins 50 % vit dans des carreaux ruraux, sinon une &lt;i&gt;ville moyenne ou zone semi-dense&lt;/i&gt; ; les unités sans habitant ne reçoivent pas de classe. Leur population, la population et la part dans les centres urbains, dans les agglomérations urbaines (centres compris) et dans les carreaux ruraux sont ajoutées aux unités telles que fournies. Le champ params enregistre les seuils.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="98" />
            <source>The local units layer</source>
            <translation>La couche des unités locales</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="178" />
            <source>The population layer</source>
            <translation>La couche de population</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="235" />
            <source>The population grid</source>
            <translation>La grille de population</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="262" />
            <source>The population raster</source>
            <translation>Le raster de population</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="61" />
            <source>Choose the population field of the grid cells or points.</source>
            <translation>Choisissez le champ de population des carreaux ou des points.</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="101" />
            <source>Choose the code field of the local units.</source>
            <translation>Choisissez le champ de code des unités locales.</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="180" />
            <source>Give the population either as a vector layer (grid cells or points) or as a raster, one of them.</source>
            <translation>Donnez la population soit comme couche vecteur (carreaux ou points), soit comme raster, l'un des deux.</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="186" />
            <source>Choose the population field.</source>
            <translation>Choisissez le champ de population.</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="216" />
            <source>No population point has a geometry.</source>
            <translation>Aucun point de population n'a de géométrie.</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="247" />
            <source>Land shares above 1: read as percentages.</source>
            <translation>Parts de terre supérieures à 1 : lues comme des pourcentages.</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="66" />
            <source>Population: grid cells or points</source>
            <translation>Population : carreaux ou points</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="68" />
            <source>Population field of the cells or points</source>
            <translation>Champ de population des carreaux ou points</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="70" />
            <source>Land share of each cell (0-1 or %)</source>
            <translation>Part de terre de chaque carreau (0-1 ou %)</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="72" />
            <source>Population raster</source>
            <translation>Raster de population</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="73" />
            <source>Band of the raster</source>
            <translation>Bande du raster</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="74" />
            <source>Cell size of the grid built from points (m)</source>
            <translation>Taille des carreaux de la grille construite à partir de points (m)</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="81" />
            <source>Urban centre smoothing: neighbours of 8 (0 = off)</source>
            <translation>Lissage des centres : voisins sur 8 (0 = aucun)</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="83" />
            <source>Local units (communes)</source>
            <translation>Unités locales (communes)</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="84" />
            <source>Local unit code field</source>
            <translation>Champ de code des unités locales</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="85" />
            <source>Local units: population share of the rules (%)</source>
            <translation>Unités locales : part de population des règles (%)</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="87" />
            <source>Write the empty rural cells of a built grid</source>
            <translation>Écrire aussi les carreaux ruraux vides</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="88" />
            <source>Classified grid cells</source>
            <translation>Carreaux classés</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="89" />
            <source>Local units (degree of urbanisation)</source>
            <translation>Unités locales (degré d'urbanisation)</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="91" />
            <source>Urban centres</source>
            <translation>Centres urbains</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="92" />
            <source>Urban clusters</source>
            <translation>Agglomérations urbaines</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="142" />
            <source>The local units output is skipped: only the cells say their unit.</source>
            <translation>La sortie des unités locales est ignorée : seuls les carreaux indiquent leur unité.</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="163" />
            <source>{centres} urban centres and {clusters} urban clusters ({rounds} rounds of gap filling and smoothing); {c:.1%} of the population in urban centres, {u:.1%} in urban clusters outside them.</source>
            <translation>{centres} centres urbains et {clusters} agglomérations urbaines ({rounds} passes de comblement et de lissage) ; {c:.1%} de la population dans les centres urbains, {u:.1%} dans les agglomérations urbaines hors centres.</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="220" />
            <source>{n} points summed into a grid of {rows} x {cols} cells of {cell:g} m.</source>
            <translation>{n} points sommés dans une grille de {rows} x {cols} carreaux de {cell:g} m.</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="249" />
            <source>{n} grid cells of {cell:g} m, {rows} rows x {cols} columns; {missing} cells of that frame are not given (no data).</source>
            <translation>{n} carreaux de {cell:g} m, {rows} lignes x {cols} colonnes ; {missing} carreaux de cette emprise ne sont pas fournis (sans donnée).</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="273" />
            <source>Raster of {rows} x {cols} cells of {cell:g} m.</source>
            <translation>Raster de {rows} x {cols} cellules de {cell:g} m.</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="329" />
            <source>Local units: {city} cities, {town} towns and semi-dense areas, {rural} rural areas, {none} without inhabitants.</source>
            <translation>Unités locales : {city} villes, {town} villes moyennes et zones semi-denses, {rural} zones rurales, {none} sans habitant.</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="107" />
            <source>Cells of {cell:g} m: the official method uses 1 km2 cells, and its thresholds (per km2 and per cluster) are kept as given.</source>
            <translation>Carreaux de {cell:g} m : la méthode officielle utilise des carreaux de 1 km2, et ses seuils (par km2 et par agglomération) sont conservés tels quels.</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="193" />
            <source>{what} is in {crs}, not in metres: its cells would not be squares of equal area once reprojected. Use a grid in a projected CRS in metres (the official grid is in EPSG:3035; GHS-POP in World Mollweide), or population points, which are reprojected.</source>
            <translation>{what} est en {crs}, pas en mètres : ses carreaux ne seraient plus des carrés de même surface une fois reprojetés. Utilisez une grille dans un SCR projeté en mètres (la grille officielle est en EPSG:3035 ; GHS-POP en World Mollweide), ou des points de population, qui sont reprojetés.</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="211" />
            <source>{n} points have no geometry: left out.</source>
            <translation>{n} points n'ont pas de géométrie : écartés.</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="242" />
            <source>{n} grid cells have no geometry: remove them first.</source>
            <translation>{n} carreaux n'ont pas de géométrie : supprimez-les d'abord.</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="269" />
            <source>{n} raster cells are negative: read as no data.</source>
            <translation>{n} cellules du raster sont négatives : lues comme sans donnée.</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="326" />
            <source>{pop:,.0f} inhabitants live in cells whose centre lies in no local unit.</source>
            <translation>{pop:,.0f} habitants vivent dans des carreaux dont le centre n'est dans aucune unité locale.</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="75" />
            <source>Urban centre: minimum density (inh./km2)</source>
            <translation>Centre urbain : densité minimale (hab./km2)</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="75" />
            <source>Urban centre: minimum population</source>
            <translation>Centre urbain : population minimale</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="75" />
            <source>Urban centre: gaps filled below (km2; 0 = none)</source>
            <translation>Centre urbain : trous comblés en dessous de (km2 ; 0 = aucun)</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="75" />
            <source>Urban cluster: minimum density (inh./km2)</source>
            <translation>Agglomération : densité minimale (hab./km2)</translation>
        </message>
        <message>
            <location filename="../processing/degurba.py" line="75" />
            <source>Urban cluster: minimum population</source>
            <translation>Agglomération urbaine : population minimale</translation>
        </message>
        <message>
            <location filename="../processing/dominant_flows.py" line="29" />
            <source>Dominant flows (Nystuen-Dacey)</source>
            <translation>Flux dominants (Nystuen-Dacey)</translation>
        </message>
        <message>
            <location filename="../processing/dominant_flows.py" line="32" />
            <source>The urban hierarchy from flows: dominant, intermediate and dominated territories and the dominant-flow lines.</source>
            <translation>La hiérarchie urbaine à partir des flux : territoires dominants, intermédiaires et dominés, et lignes des flux dominants.</translation>
        </message>
        <message>
            <location filename="../processing/dominant_flows.py" line="36" />
            <source>&lt;p&gt;Nystuen and Dacey (1961): a territory is &lt;b&gt;dominated&lt;/b&gt; by the territory receiving its largest flow to another territory when that one is larger. The dominant flows form a forest: the urban hierarchy (recommendations 2 and 3).&lt;/p&gt;
&lt;p&gt;Size: the total inflow, internal flow included (for commuting: the jobs), by default; the inflow from other territories (Nystuen and Dacey's original, which had no internal flows); or a field such as the population. Sizes must be strictly larger along a dominant flow, so there is never a cycle; ties between destinations go to the smallest code.&lt;/p&gt;
&lt;p&gt;Classes (our wording): &lt;i&gt;dominant&lt;/i&gt; tops a tree; &lt;i&gt;intermediate&lt;/i&gt; is dominated and dominates others; &lt;i&gt;dominated&lt;/i&gt; is a leaf; &lt;i&gt;independent&lt;/i&gt; has flows but its largest goes to a territory that is not larger; &lt;i&gt;isolated&lt;/i&gt; has no flow with another territory. Fields: nd_class, nd_parent, nd_root (top of its tree), nd_level (0 at the top), nd_direct and nd_subordinates (territories below, directly and in all), nd_size, nd_flow (volume of its dominant flow).&lt;/p&gt;
&lt;p&gt;The lines are the dominant flows, drawn between points inside the territories; DOMINANT_SHARE is the share of all flows between different territories that they carry.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Flows&lt;/b&gt;: a table or layer loaded in QGIS, or a CSV file (delimiter, UTF-8/BOM/cp1252 and decimal commas detected; codes always read as text, so 01004 keeps its zero). Fields are detected from their names when left empty, including INSEE's commuting files (CODGEO/DCLT/NBFLUX_C20_ACTOCC15P, or COMMUNE/DCLT/IPONDI summed per pair). Rows repeating a pair and type are summed with a warning; missing or negative volumes stop the run and name the rows; codes that match no territory are counted, listed and left out.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Nystuen et Dacey (1961) : un territoire est &lt;b&gt;dominé&lt;/b&gt; par le territoire qui reçoit son plus grand flux vers un autre territoire quand celui-ci est plus grand. Les flux dominants forment une forêt : la hiérarchie urbaine (recommandations 2 et 3).&lt;/p&gt;
&lt;p&gt;Taille : le flux entrant total, flux interne compris (pour les navettes domicile-travail : les emplois), par défaut ; le flux entrant depuis les autres territoires (la version originale de Nystuen et Dacey, sans flux internes) ; ou un champ comme la population. Les tailles doivent être strictement croissantes le long d'un flux dominant, il n'y a donc jamais de cycle ; en cas d'égalité entre destinations, le plus petit code l'emporte.&lt;/p&gt;
&lt;p&gt;Classes (nos termes) : &lt;i&gt;dominant&lt;/i&gt; est au sommet d'un arbre ; &lt;i&gt;intermédiaire&lt;/i&gt; est dominé et en domine d'autres ; &lt;i&gt;dominé&lt;/i&gt; est une feuille ; &lt;i&gt;indépendant&lt;/i&gt; a des flux mais son plus grand va vers un territoire qui n'est pas plus grand ; &lt;i&gt;isolé&lt;/i&gt; n'a aucun flux avec un autre territoire. Champs : nd_class, nd_parent, nd_root (sommet de son arbre), nd_level (0 au sommet), nd_direct et nd_subordinates (territoires en dessous, directement et en tout), nd_size, nd_flow (volume de son flux dominant).&lt;/p&gt;
&lt;p&gt;Les lignes sont les flux dominants, tracés entre des points situés à l'intérieur des territoires ; DOMINANT_SHARE est la part de l'ensemble des flux entre territoires différents qu'ils portent.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Flux&lt;/b&gt; : une table ou une couche chargée dans QGIS, ou un fichier CSV (délimiteur, UTF-8/BOM/cp1252 et virgules décimales détectés ; codes toujours lus comme du texte, donc 01004 garde son zéro). Les champs sont détectés d'après leur nom quand ils sont laissés vides, y compris dans les fichiers de navettes domicile-travail de l'INSEE (CODGEO/DCLT/NBFLUX_C20_ACTOCC15P, ou COMMUNE/DCLT/IPONDI sommé par couple). Les lignes qui répètent un couple et un type sont sommées avec un avertissement ; des volumes manquants ou négatifs arrêtent le traitement et les lignes sont citées ; les codes qui ne correspondent à aucun territoire sont comptés, listés et écartés.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/dominant_flows.py" line="42" />
            <source>Size of a territory</source>
            <translation>Taille d'un territoire</translation>
        </message>
        <message>
            <location filename="../processing/dominant_flows.py" line="43" />
            <source>Size field (when the size is a field)</source>
            <translation>Champ de taille (quand la taille est un champ)</translation>
        </message>
        <message>
            <location filename="../processing/dominant_flows.py" line="45" />
            <source>Territories with their place in the hierarchy</source>
            <translation>Territoires avec leur place dans la hiérarchie</translation>
        </message>
        <message>
            <location filename="../processing/dominant_flows.py" line="47" />
            <location filename="../processing/provider.py" line="137" />
            <location filename="../processing/styling/names.py" line="14" />
            <source>Dominant flows</source>
            <translation>Flux dominants</translation>
        </message>
        <message>
            <location filename="../processing/dominant_flows.py" line="48" />
            <source>Share of the flows between territories carried by dominant flows</source>
            <translation>Part des flux entre territoires portée par les flux dominants</translation>
        </message>
        <message>
            <location filename="../processing/dominant_flows.py" line="50" />
            <source>Number of dominant territories (tops of the hierarchy)</source>
            <translation>Nombre de territoires dominants (sommets de la hiérarchie)</translation>
        </message>
        <message>
            <location filename="../processing/dominant_flows.py" line="51" />
            <location filename="../processing/flow_dependencies.py" line="59" />
            <location filename="../processing/flow_regions.py" line="75" />
            <location filename="../processing/functional_areas.py" line="81" />
            <location filename="../processing/reciprocity.py" line="76" />
            <location filename="../processing/resource_balance.py" line="103" />
            <source>Flow rows whose codes match no territory</source>
            <translation>Lignes de flux dont les codes ne correspondent à aucun territoire</translation>
        </message>
        <message>
            <location filename="../processing/dominant_flows.py" line="85" />
            <source>{roots} dominant territories; dominant flows carry {share:.1%} of the flows between territories.</source>
            <translation>{roots} territoires dominants ; les flux dominants portent {share:.1%} des flux entre territoires.</translation>
        </message>
        <message>
            <location filename="../processing/dominant_flows.py" line="42" />
            <source>Total inflow (internal flow included)</source>
            <translation>Flux entrant total (flux interne compris)</translation>
        </message>
        <message>
            <location filename="../processing/dominant_flows.py" line="42" />
            <source>Inflow from other territories</source>
            <translation>Flux entrant depuis les autres territoires</translation>
        </message>
        <message>
            <location filename="../processing/dominant_flows.py" line="42" />
            <source>A field (population, jobs)</source>
            <translation>Un champ (population, emplois)</translation>
        </message>
        <message>
            <location filename="../processing/flow_dependencies.py" line="35" />
            <source>Flow dependencies between territories</source>
            <translation>Dépendances de flux entre territoires</translation>
        </message>
        <message>
            <location filename="../processing/flow_dependencies.py" line="38" />
            <source>Outflows, inflows, self-containment, main partner, concentration and roles of territories from an origin-destination table, and styled flow lines.</source>
            <translation>Flux sortants, flux entrants, autocontention, partenaire principal, concentration et rôles des territoires à partir d'une table origine-destination, et lignes de flux stylées.</translation>
        </message>
        <message>
            <location filename="../processing/flow_dependencies.py" line="42" />
            <source>&lt;p&gt;Reads a layer of territories (polygons with a code field) and an origin-destination table of flows, and computes for each territory, per flow type and in total:&lt;/p&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;outflow&lt;/b&gt; O&lt;sub&gt;i&lt;/sub&gt; and &lt;b&gt;inflow&lt;/b&gt; D&lt;sub&gt;i&lt;/sub&gt; (both including the internal flow), &lt;b&gt;internal&lt;/b&gt; T&lt;sub&gt;ii&lt;/sub&gt;;&lt;/li&gt;
&lt;li&gt;&lt;b&gt;sc_supply&lt;/b&gt; = T&lt;sub&gt;ii&lt;/sub&gt;/O&lt;sub&gt;i&lt;/sub&gt; and &lt;b&gt;sc_demand&lt;/b&gt; = T&lt;sub&gt;ii&lt;/sub&gt;/D&lt;sub&gt;i&lt;/sub&gt; (self-containment), &lt;b&gt;net_balance&lt;/b&gt; = D&lt;sub&gt;i&lt;/sub&gt; - O&lt;sub&gt;i&lt;/sub&gt;;&lt;/li&gt;
&lt;li&gt;&lt;b&gt;jci&lt;/b&gt; = 100 D&lt;sub&gt;i&lt;/sub&gt;/O&lt;sub&gt;i&lt;/sub&gt;, INSEE's job concentration index, for commuting flows only;&lt;/li&gt;
&lt;li&gt;&lt;b&gt;main_partner&lt;/b&gt; (largest flow to another territory; ties to the smallest code) and &lt;b&gt;main_share&lt;/b&gt; of the outflow, &lt;b&gt;hhi&lt;/b&gt; the concentration of the flows to other territories, &lt;b&gt;n_partners&lt;/b&gt;, &lt;b&gt;n_dependents&lt;/b&gt; (territories whose main-partner share to this one reaches the threshold);&lt;/li&gt;
&lt;li&gt;&lt;b&gt;role&lt;/b&gt;, our rule (not an official one): &lt;i&gt;isolated&lt;/i&gt; no flow to or from other territories; &lt;i&gt;interdependent&lt;/i&gt; depends on its main partner (share at least the threshold) and that partner depends on it in return or others depend on it; &lt;i&gt;dependent&lt;/i&gt; depends on its main partner only; &lt;i&gt;pole&lt;/i&gt; others depend on it and it depends on none; &lt;i&gt;autonomous&lt;/i&gt; otherwise;&lt;/li&gt;
&lt;li&gt;with several flow types, the same fields prefixed by the type, and the cross-type coupling (&lt;b&gt;coupled&lt;/b&gt; = 1 when one partner ranks first for two types or more, &lt;b&gt;coupled_partner&lt;/b&gt;, &lt;b&gt;coupled_types&lt;/b&gt;).&lt;/li&gt;
&lt;/ul&gt;
&lt;p&gt;Undefined ratios (zero denominators) are NULL. A flow table without internal flows (no row with origin = destination, as in most migration tables between regions) cannot measure what stays inside a territory: internal, sc_supply, sc_demand and jci are then NULL, not 0, and the log says so. The &lt;b&gt;params&lt;/b&gt; field records the settings used.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Flows&lt;/b&gt;: a table or layer loaded in QGIS, or a CSV file (delimiter, UTF-8/BOM/cp1252 and decimal commas detected; codes always read as text, so 01004 keeps its zero). Fields are detected from their names when left empty, including INSEE's commuting files (CODGEO/DCLT/NBFLUX_C20_ACTOCC15P, or COMMUNE/DCLT/IPONDI summed per pair). Rows repeating a pair and type are summed with a warning; missing or negative volumes stop the run and name the rows; codes that match no territory are counted, listed and left out.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Flow lines&lt;/b&gt; join points inside the territories, one per pair and flow type, with the volume, the share of the origin's outflow and of the destination's inflow, the reverse volume, asymmetry (T&lt;sub&gt;ij&lt;/sub&gt;-T&lt;sub&gt;ji&lt;/sub&gt;)/(T&lt;sub&gt;ij&lt;/sub&gt;+T&lt;sub&gt;ji&lt;/sub&gt;), reciprocity min(T&lt;sub&gt;ij&lt;/sub&gt;/O&lt;sub&gt;i&lt;/sub&gt;, T&lt;sub&gt;ji&lt;/sub&gt;/O&lt;sub&gt;j&lt;/sub&gt;) and the rank within the origin. The line options keep only the flows worth drawing (a share of 5 % or the 5 largest per origin read well); shares are always computed on all flows.&lt;/p&gt;
&lt;p&gt;Territories stored in several features with the same code share one set of indicators; the largest part holds the line ends. Invalid polygons are repaired (make_valid) before points are taken.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Lit une couche de territoires (polygones avec un champ de code) et une table origine-destination de flux, et calcule pour chaque territoire, par type de flux et au total :&lt;/p&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;flux sortant&lt;/b&gt; O&lt;sub&gt;i&lt;/sub&gt; et &lt;b&gt;flux entrant&lt;/b&gt; D&lt;sub&gt;i&lt;/sub&gt; (tous deux flux interne compris), flux &lt;b&gt;interne&lt;/b&gt; T&lt;sub&gt;ii&lt;/sub&gt; ;&lt;/li&gt;
&lt;li&gt;&lt;b&gt;sc_supply&lt;/b&gt; = T&lt;sub&gt;ii&lt;/sub&gt;/O&lt;sub&gt;i&lt;/sub&gt; et &lt;b&gt;sc_demand&lt;/b&gt; = T&lt;sub&gt;ii&lt;/sub&gt;/D&lt;sub&gt;i&lt;/sub&gt; (autocontention), &lt;b&gt;net_balance&lt;/b&gt; = D&lt;sub&gt;i&lt;/sub&gt; - O&lt;sub&gt;i&lt;/sub&gt; ;&lt;/li&gt;
&lt;li&gt;&lt;b&gt;jci&lt;/b&gt; = 100 D&lt;sub&gt;i&lt;/sub&gt;/O&lt;sub&gt;i&lt;/sub&gt;, l'indice de concentration de l'emploi de l'INSEE, pour les seuls flux de navettes domicile-travail ;&lt;/li&gt;
&lt;li&gt;&lt;b&gt;main_partner&lt;/b&gt; (plus grand flux vers un autre territoire ; en cas d'égalité, le plus petit code) et &lt;b&gt;main_share&lt;/b&gt; du flux sortant, &lt;b&gt;hhi&lt;/b&gt; la concentration des flux vers les autres territoires, &lt;b&gt;n_partners&lt;/b&gt;, &lt;b&gt;n_dependents&lt;/b&gt; (territoires dont la part vers celui-ci comme partenaire principal atteint le seuil) ;&lt;/li&gt;
&lt;li&gt;&lt;b&gt;role&lt;/b&gt;, notre règle (pas une règle officielle) : &lt;i&gt;isolé&lt;/i&gt; aucun flux vers ou depuis d'autres territoires ; &lt;i&gt;interdépendant&lt;/i&gt; dépend de son partenaire principal (part au moins égale au seuil) et ce partenaire dépend de lui en retour ou d'autres dépendent de lui ; &lt;i&gt;dépendant&lt;/i&gt; dépend seulement de son partenaire principal ; &lt;i&gt;pôle&lt;/i&gt; d'autres dépendent de lui et il ne dépend d'aucun ; &lt;i&gt;autonome&lt;/i&gt; sinon ;&lt;/li&gt;
&lt;li&gt;avec plusieurs types de flux, les mêmes champs préfixés par le type, et le couplage entre types (&lt;b&gt;coupled&lt;/b&gt; = 1 quand un même partenaire arrive en tête pour au moins deux types, &lt;b&gt;coupled_partner&lt;/b&gt;, &lt;b&gt;coupled_types&lt;/b&gt;).&lt;/li&gt;
&lt;/ul&gt;
&lt;p&gt;Les ratios indéfinis (dénominateur nul) sont NULL. Une table de flux sans flux internes (aucune ligne où l'origine est la destination, comme la plupart des tables de migrations entre régions) ne peut pas mesurer ce qui reste à l'intérieur d'un territoire : internal, sc_supply, sc_demand et jci sont alors NULL, et non 0, et le journal le signale. Le champ &lt;b&gt;params&lt;/b&gt; enregistre les réglages utilisés.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Flux&lt;/b&gt; : une table ou une couche chargée dans QGIS, ou un fichier CSV (délimiteur, UTF-8/BOM/cp1252 et virgules décimales détectés ; codes toujours lus comme du texte, donc 01004 garde son zéro). Les champs sont détectés d'après leur nom quand ils sont laissés vides, y compris dans les fichiers de navettes domicile-travail de l'INSEE (CODGEO/DCLT/NBFLUX_C20_ACTOCC15P, ou COMMUNE/DCLT/IPONDI sommé par couple). Les lignes qui répètent un couple et un type sont sommées avec un avertissement ; des volumes manquants ou négatifs arrêtent le traitement et les lignes sont citées ; les codes qui ne correspondent à aucun territoire sont comptés, listés et écartés.&lt;/p&gt;&lt;p&gt;Les &lt;b&gt;lignes de flux&lt;/b&gt; relient des points situés à l'intérieur des territoires, une par couple et par type de flux, avec le volume, la part du flux sortant de l'origine et du flux entrant de la destination, le volume inverse, l'asymétrie (T&lt;sub&gt;ij&lt;/sub&gt;-T&lt;sub&gt;ji&lt;/sub&gt;)/(T&lt;sub&gt;ij&lt;/sub&gt;+T&lt;sub&gt;ji&lt;/sub&gt;), la réciprocité min(T&lt;sub&gt;ij&lt;/sub&gt;/O&lt;sub&gt;i&lt;/sub&gt;, T&lt;sub&gt;ji&lt;/sub&gt;/O&lt;sub&gt;j&lt;/sub&gt;) et le rang au sein de l'origine. Les options des lignes ne gardent que les flux qui valent d'être dessinés (une part de 5 % ou les 5 plus grands par origine se lisent bien) ; les parts sont toujours calculées sur tous les flux.&lt;/p&gt;
&lt;p&gt;Les territoires stockés dans plusieurs entités avec le même code partagent un seul jeu d'indicateurs ; la plus grande partie porte les extrémités des lignes. Les polygones invalides sont réparés (make_valid) avant que les points soient pris.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/flow_dependencies.py" line="48" />
            <source>Dependency threshold (% to the main partner)</source>
            <translation>Seuil de dépendance (% vers le 1er partenaire)</translation>
        </message>
        <message>
            <location filename="../processing/flow_dependencies.py" line="50" />
            <source>Lines: minimum share of the origin's outflow (%)</source>
            <translation>Lignes : part minimale du flux sortant de l'origine (%)</translation>
        </message>
        <message>
            <location filename="../processing/flow_dependencies.py" line="52" />
            <source>Lines: minimum volume</source>
            <translation>Lignes : volume minimal</translation>
        </message>
        <message>
            <location filename="../processing/flow_dependencies.py" line="53" />
            <source>Lines: N largest flows per origin (0 = all)</source>
            <translation>Lignes : N plus grands flux par origine (0 = tous)</translation>
        </message>
        <message>
            <location filename="../processing/flow_dependencies.py" line="55" />
            <source>Territories with dependency indicators</source>
            <translation>Territoires avec indicateurs de dépendance</translation>
        </message>
        <message>
            <location filename="../processing/flow_dependencies.py" line="56" />
            <location filename="../processing/report/content.py" line="182" />
            <source>Flow lines</source>
            <translation>Lignes de flux</translation>
        </message>
        <message>
            <location filename="../processing/flow_dependencies.py" line="57" />
            <source>Total volume of the flows used</source>
            <translation>Volume total des flux utilisés</translation>
        </message>
        <message>
            <location filename="../processing/flow_dependencies.py" line="58" />
            <source>Origin-destination pairs used</source>
            <translation>Couples origine-destination utilisés</translation>
        </message>
        <message>
            <location filename="../processing/flow_dependencies.py" line="60" />
            <source>Volume of the flow rows that match no territory</source>
            <translation>Volume des lignes de flux qui ne correspondent à aucun territoire</translation>
        </message>
        <message>
            <location filename="../processing/flow_dependencies.py" line="61" />
            <source>Flow lines written</source>
            <translation>Lignes de flux écrites</translation>
        </message>
        <message>
            <location filename="../processing/flow_dependencies.py" line="62" />
            <source>Flow types used</source>
            <translation>Types de flux utilisés</translation>
        </message>
        <message>
            <location filename="../processing/flow_dependencies.py" line="112" />
            <source>{pairs} pairs, total volume {total:,.0f}; {lines} lines drawn.</source>
            <translation>{pairs} couples, volume total {total:,.0f} ; {lines} lignes dessinées.</translation>
        </message>
        <message>
            <location filename="../processing/flow_dependencies.py" line="80" />
            <source>The flow table has no internal flows (no row with origin = destination) for: {types}. What stays inside a territory is unknown, so self-containment (sc_supply, sc_demand), the internal flow and the job concentration index (jci) are undefined: they are written as NULL, not 0, and the recommendations scorecard reads them as not measurable. The shares to partners (main_share) are shares of the flows leaving each territory. Add the flows inside each territory (for commuting: people working where they live) to measure them.</source>
            <translation>La table de flux n'a pas de flux internes (aucune ligne où l'origine est la destination) pour : {types}. Ce qui reste à l'intérieur d'un territoire est inconnu : l'autocontention (sc_supply, sc_demand), le flux interne et l'indice de concentration de l'emploi (jci) ne sont pas définis. Ils sont écrits NULL, et non 0, et le tableau de bord des recommandations les lit comme non mesurables. Les parts vers les partenaires (main_share) sont des parts des flux qui quittent chaque territoire. Ajoutez les flux internes à chaque territoire (pour les navettes : les actifs qui travaillent dans leur commune de résidence) pour les mesurer.</translation>
        </message>
        <message>
            <location filename="../processing/flow_inputs.py" line="80" />
            <location filename="../processing/provider.py" line="133" />
            <source>Flows (table, layer or CSV file)</source>
            <translation>Flux (table, couche ou fichier CSV)</translation>
        </message>
        <message>
            <location filename="../processing/flow_inputs.py" line="86" />
            <source>Flow types to keep (comma-separated)</source>
            <translation>Types de flux à garder (séparés par des virgules)</translation>
        </message>
        <message>
            <location filename="../processing/flow_inputs.py" line="87" />
            <source>Flow type when there is no type field</source>
            <translation>Type de flux sans champ de type</translation>
        </message>
        <message>
            <location filename="../processing/flow_inputs.py" line="88" />
            <source>Minimum volume of a flow row</source>
            <translation>Volume minimal d'une ligne de flux</translation>
        </message>
        <message>
            <location filename="../processing/flow_inputs.py" line="132" />
            <source>The territories layer is empty.</source>
            <translation>La couche des territoires est vide.</translation>
        </message>
        <message>
            <location filename="../processing/flow_inputs.py" line="206" />
            <source>No territory has a code in the chosen field.</source>
            <translation>Aucun territoire n'a de code dans le champ choisi.</translation>
        </message>
        <message>
            <location filename="../processing/flow_inputs.py" line="107" />
            <source>Flows: {source}; origin '{o}', destination '{d}', volume '{v}', type '{t}'.</source>
            <translation>Flux : {source} ; origine '{o}', destination '{d}', volume '{v}', type '{t}'.</translation>
        </message>
        <message>
            <location filename="../processing/flow_inputs.py" line="147" />
            <source>{rows} flow rows ({volume:,.0f} in volume) have codes that match no territory and were left out: {codes}.</source>
            <translation>{rows} lignes de flux ({volume:,.0f} en volume) ont des codes qui ne correspondent à aucun territoire et ont été écartées : {codes}.</translation>
        </message>
        <message>
            <location filename="../processing/flow_inputs.py" line="152" />
            <source>Some codes look like numbers that lost their leading zero (read the codes as text, for example 01004 and not 1004).</source>
            <translation>Certains codes ressemblent à des nombres qui ont perdu leur zéro initial (lisez les codes comme du texte, par exemple 01004 et non 1004).</translation>
        </message>
        <message>
            <location filename="../processing/flow_inputs.py" line="81" />
            <source>Origin code field</source>
            <translation>Champ du code d'origine</translation>
        </message>
        <message>
            <location filename="../processing/flow_inputs.py" line="81" />
            <source>Destination code field</source>
            <translation>Champ du code de destination</translation>
        </message>
        <message>
            <location filename="../processing/flow_inputs.py" line="81" />
            <source>Volume field</source>
            <translation>Champ du volume</translation>
        </message>
        <message>
            <location filename="../processing/flow_inputs.py" line="81" />
            <source>Flow type field</source>
            <translation>Champ du type de flux</translation>
        </message>
        <message>
            <location filename="../processing/flow_inputs.py" line="119" />
            <source>{below} rows below the minimum volume and {other} rows of other flow types were left out.</source>
            <translation>{below} lignes sous le volume minimal et {other} lignes d'autres types de flux ont été écartées.</translation>
        </message>
        <message>
            <location filename="../processing/flow_inputs.py" line="157" />
            <source>No flow row matches the territory codes of '{field}' (for example {ids}; the flows hold {codes}): check the code fields.</source>
            <translation>Aucune ligne de flux ne correspond aux codes de territoire de '{field}' (par exemple {ids} ; les flux contiennent {codes}) : vérifiez les champs de code.</translation>
        </message>
        <message>
            <location filename="../processing/flow_inputs.py" line="195" />
            <source>{n} territories have no code: their indicators are NULL.</source>
            <translation>{n} territoires n'ont pas de code : leurs indicateurs sont NULL.</translation>
        </message>
        <message>
            <location filename="../processing/flow_inputs.py" line="200" />
            <source>{n} features repeat a territory code ({codes}): they are treated as parts of one territory and share its indicators.</source>
            <translation>{n} entités répètent un code de territoire ({codes}) : elles sont traitées comme les parties d'un même territoire et partagent ses indicateurs.</translation>
        </message>
        <message>
            <location filename="../processing/flow_inputs.py" line="229" />
            <source>{n} flows have an end without geometry and are not drawn.</source>
            <translation>{n} flux ont une extrémité sans géométrie et ne sont pas dessinés.</translation>
        </message>
        <message>
            <location filename="../processing/flow_inputs.py" line="68" />
            <source>The flow file {path} is empty: it holds no header and no rows.</source>
            <translation>Le fichier de flux {path} est vide : il ne contient ni en-tête ni lignes.</translation>
        </message>
        <message>
            <location filename="../processing/flow_regions.py" line="51" />
            <source>Flow regions (Intramax, Louvain, Leiden)</source>
            <translation>Régions de flux (Intramax, Louvain, Leiden)</translation>
        </message>
        <message>
            <location filename="../processing/flow_regions.py" line="54" />
            <source>Regions of territories that exchange most with each other, with their self-containment.</source>
            <translation>Régions de territoires qui échangent le plus entre eux, avec leur autocontention.</translation>
        </message>
        <message>
            <location filename="../processing/flow_regions.py" line="57" />
            <source>&lt;p&gt;Groups territories into regions that exchange most with each other (recommendations 1 and 2).&lt;/p&gt;
&lt;p&gt;By default, &lt;b&gt;Louvain&lt;/b&gt; chooses the number of regions itself: the partition that maximises the modularity (the log says how many regions it found and why). The log warns when the result is degenerate: every region a single territory, or a modularity at or below 0 (the regions do not reflect the flows).&lt;/p&gt;
&lt;ul&gt;&lt;li&gt;&lt;b&gt;Intramax&lt;/b&gt; (Masser and Brown 1975): merges, step by step, the two regions with the highest I = T&lt;sub&gt;ij&lt;/sub&gt;/(O&lt;sub&gt;i&lt;/sub&gt;D&lt;sub&gt;j&lt;/sub&gt;) + T&lt;sub&gt;ji&lt;/sub&gt;/(O&lt;sub&gt;j&lt;/sub&gt;D&lt;sub&gt;i&lt;/sub&gt;) (flows inside a region left out, totals recomputed after each merge) until the number of regions is reached; optionally only between neighbouring territories (touching polygons). When no pair exchanges anything (or no neighbours do), it stops earlier and says so. The optional merges table records every step (the hierarchy).&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Louvain&lt;/b&gt; and &lt;b&gt;Leiden&lt;/b&gt;: communities maximising the modularity Q of the flow graph (directions summed), with a resolution (above 1: smaller regions) and a seed (same seed, same regions). Louvain uses our own implementation (at most 20 passes per level; about 16 s on 35,000 territories and a million flows), or igraph's multilevel when python-igraph is installed (faster); Leiden needs python-igraph.&lt;/li&gt;&lt;/ul&gt;
&lt;p&gt;Outputs: each territory's region (the code of its region's main member) and whether it is isolated (no flow), and the dissolved regions with their number of territories, internal flow, outflow, inflow and supply- and demand-side self-containment (T&lt;sub&gt;AA&lt;/sub&gt;/O&lt;sub&gt;A&lt;/sub&gt;, T&lt;sub&gt;AA&lt;/sub&gt;/D&lt;sub&gt;A&lt;/sub&gt;); the modularity Q of the partition and the number of regions as numbers. Several flow types are summed.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Flows&lt;/b&gt;: a table or layer loaded in QGIS, or a CSV file (delimiter, UTF-8/BOM/cp1252 and decimal commas detected; codes always read as text, so 01004 keeps its zero). Fields are detected from their names when left empty, including INSEE's commuting files (CODGEO/DCLT/NBFLUX_C20_ACTOCC15P, or COMMUNE/DCLT/IPONDI summed per pair). Rows repeating a pair and type are summed with a warning; missing or negative volumes stop the run and name the rows; codes that match no territory are counted, listed and left out.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Regroupe les territoires en régions qui échangent le plus entre elles (recommandations 1 et 2).&lt;/p&gt;
&lt;p&gt;Par défaut, &lt;b&gt;Louvain&lt;/b&gt; choisit lui-même le nombre de régions : la partition qui maximise la modularité (le journal indique combien de régions il a trouvées et pourquoi). Le journal avertit quand le résultat est dégénéré : chaque région réduite à un seul territoire, ou une modularité nulle ou négative (les régions ne reflètent pas les flux).&lt;/p&gt;
&lt;ul&gt;&lt;li&gt;&lt;b&gt;Intramax&lt;/b&gt; (Masser et Brown 1975) : fusionne, pas à pas, les deux régions ayant le plus fort I = T&lt;sub&gt;ij&lt;/sub&gt;/(O&lt;sub&gt;i&lt;/sub&gt;D&lt;sub&gt;j&lt;/sub&gt;) + T&lt;sub&gt;ji&lt;/sub&gt;/(O&lt;sub&gt;j&lt;/sub&gt;D&lt;sub&gt;i&lt;/sub&gt;) (flux internes à une région écartés, totaux recalculés après chaque fusion) jusqu'à atteindre le nombre de régions ; éventuellement seulement entre territoires voisins (polygones qui se touchent). Quand aucun couple n'échange plus rien (ou aucun couple de voisins), l'algorithme s'arrête plus tôt et le signale. La table facultative des fusions enregistre chaque étape (la hiérarchie).&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Louvain&lt;/b&gt; et &lt;b&gt;Leiden&lt;/b&gt; : communautés maximisant la modularité Q du graphe des flux (sens additionnés), avec une résolution (au-dessus de 1 : régions plus petites) et une graine (même graine, mêmes régions). Louvain utilise notre propre implémentation (au plus 20 passes par niveau ; environ 16 s pour 35 000 territoires et un million de flux), ou le multilevel d'igraph quand python-igraph est installé (plus rapide) ; Leiden nécessite python-igraph.&lt;/li&gt;&lt;/ul&gt;
&lt;p&gt;Sorties : la région de chaque territoire (le code du membre principal de sa région) et s'il est isolé (aucun flux), et les régions fusionnées avec leur nombre de territoires, flux interne, flux sortant, flux entrant et autocontention côté offre et côté demande (T&lt;sub&gt;AA&lt;/sub&gt;/O&lt;sub&gt;A&lt;/sub&gt;, T&lt;sub&gt;AA&lt;/sub&gt;/D&lt;sub&gt;A&lt;/sub&gt;) ; la modularité Q de la partition et le nombre de régions comme nombres. Plusieurs types de flux sont sommés.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Flux&lt;/b&gt; : une table ou une couche chargée dans QGIS, ou un fichier CSV (délimiteur, UTF-8/BOM/cp1252 et virgules décimales détectés ; codes toujours lus comme du texte, donc 01004 garde son zéro). Les champs sont détectés d'après leur nom quand ils sont laissés vides, y compris dans les fichiers de navettes domicile-travail de l'INSEE (CODGEO/DCLT/NBFLUX_C20_ACTOCC15P, ou COMMUNE/DCLT/IPONDI sommé par couple). Les lignes qui répètent un couple et un type sont sommées avec un avertissement ; des volumes manquants ou négatifs arrêtent le traitement et les lignes sont citées ; les codes qui ne correspondent à aucun territoire sont comptés, listés et écartés.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/flow_regions.py" line="18" />
            <source>Flow types {types} are summed; keep one with the flow types parameter.</source>
            <translation>Les types de flux {types} sont sommés ; gardez-en un avec le paramètre des types de flux.</translation>
        </message>
        <message>
            <location filename="../processing/flow_regions.py" line="161" />
            <source>Every region holds a single territory: these regions say nothing about which territories belong together. Ask Intramax for fewer regions, or use Louvain (the default).</source>
            <translation>Chaque région ne compte qu'un seul territoire : ces régions ne disent rien des territoires qui vont ensemble. Demandez moins de régions à Intramax, ou utilisez Louvain (la méthode par défaut).</translation>
        </message>
        <message>
            <location filename="../processing/flow_regions.py" line="63" />
            <location filename="../processing/functional_areas.py" line="66" />
            <source>Method</source>
            <translation>Méthode</translation>
        </message>
        <message>
            <location filename="../processing/flow_regions.py" line="64" />
            <source>Intramax: number of regions</source>
            <translation>Intramax : nombre de régions</translation>
        </message>
        <message>
            <location filename="../processing/flow_regions.py" line="65" />
            <source>Intramax: merge only neighbouring territories</source>
            <translation>Intramax : ne fusionner que des territoires voisins</translation>
        </message>
        <message>
            <location filename="../processing/flow_regions.py" line="66" />
            <source>Louvain/Leiden: resolution (&gt; 1: smaller)</source>
            <translation>Louvain/Leiden : résolution (&gt; 1 : plus petites)</translation>
        </message>
        <message>
            <location filename="../processing/flow_regions.py" line="68" />
            <source>Louvain/Leiden: random seed</source>
            <translation>Louvain/Leiden : graine aléatoire</translation>
        </message>
        <message>
            <location filename="../processing/flow_regions.py" line="69" />
            <source>Territories with their region</source>
            <translation>Territoires avec leur région</translation>
        </message>
        <message>
            <location filename="../processing/flow_regions.py" line="70" />
            <source>Regions</source>
            <translation>Régions</translation>
        </message>
        <message>
            <location filename="../processing/flow_regions.py" line="71" />
            <location filename="../processing/styling/names.py" line="17" />
            <source>Intramax merges</source>
            <translation>Fusions Intramax</translation>
        </message>
        <message>
            <location filename="../processing/flow_regions.py" line="73" />
            <source>Number of regions</source>
            <translation>Nombre de régions</translation>
        </message>
        <message>
            <location filename="../processing/flow_regions.py" line="74" />
            <source>Modularity Q of the regions</source>
            <translation>Modularité Q des régions</translation>
        </message>
        <message>
            <location filename="../processing/flow_regions.py" line="113" />
            <source>{n} regions, modularity {q:.3f}.</source>
            <translation>{n} régions, modularité {q:.3f}.</translation>
        </message>
        <message>
            <location filename="../processing/flow_regions.py" line="148" />
            <source>Intramax merged the territories until {n} regions were left: the number of regions you asked for. Louvain (the default method) chooses the number itself, the one that maximises the modularity.</source>
            <translation>Intramax a fusionné les territoires jusqu'à ce qu'il reste {n} régions : le nombre de régions demandé. Louvain (la méthode par défaut) choisit lui-même ce nombre, celui qui maximise la modularité.</translation>
        </message>
        <message>
            <location filename="../processing/flow_regions.py" line="153" />
            <source>{method} chose {n} regions: the partition that maximises the modularity Q (how much more the territories exchange within their regions than expected from their total flows). Raise the resolution for smaller regions.</source>
            <translation>{method} a retenu {n} régions : la partition qui maximise la modularité Q (de combien les territoires échangent davantage au sein de leur région que ne le laisseraient attendre leurs flux totaux). Augmentez la résolution pour obtenir des régions plus petites.</translation>
        </message>
        <message>
            <location filename="../processing/flow_regions.py" line="165" />
            <source>The modularity is {q:.3f}, not positive: the territories exchange no more within these regions than between them, so the regions do not reflect the flows. Try fewer regions, or Louvain (the default), which maximises the modularity.</source>
            <translation>La modularité vaut {q:.3f}, elle n'est pas positive : les territoires n'échangent pas plus au sein de ces régions qu'entre elles, les régions ne reflètent donc pas les flux. Essayez moins de régions, ou Louvain (la méthode par défaut), qui maximise la modularité.</translation>
        </message>
        <message>
            <location filename="../processing/flow_regions.py" line="63" />
            <location filename="../processing/flow_regions.py" line="156" />
            <location filename="../processing/functional_areas.py" line="66" />
            <source>Intramax</source>
            <translation>Intramax</translation>
        </message>
        <message>
            <location filename="../processing/flow_regions.py" line="63" />
            <location filename="../processing/flow_regions.py" line="156" />
            <location filename="../processing/functional_areas.py" line="66" />
            <source>Louvain (modularity)</source>
            <translation>Louvain (modularité)</translation>
        </message>
        <message>
            <location filename="../processing/flow_regions.py" line="63" />
            <location filename="../processing/flow_regions.py" line="156" />
            <location filename="../processing/functional_areas.py" line="66" />
            <source>Leiden (modularity, needs python-igraph)</source>
            <translation>Leiden (modularité, nécessite python-igraph)</translation>
        </message>
        <message>
            <location filename="../processing/flow_regions.py" line="63" />
            <location filename="../processing/flow_regions.py" line="156" />
            <location filename="../processing/functional_areas.py" line="66" />
            <source>EU-OECD functional urban areas</source>
            <translation>Aires urbaines fonctionnelles UE-OCDE</translation>
        </message>
        <message>
            <location filename="../processing/flow_regions.py" line="63" />
            <location filename="../processing/flow_regions.py" line="156" />
            <location filename="../processing/functional_areas.py" line="66" />
            <source>INSEE aires d'attraction des villes</source>
            <translation>Aires d'attraction des villes INSEE</translation>
        </message>
        <message>
            <location filename="../processing/functional_areas.py" line="52" />
            <source>Functional areas from commuting</source>
            <translation>Aires fonctionnelles à partir des navettes</translation>
        </message>
        <message>
            <location filename="../processing/functional_areas.py" line="55" />
            <source>Functional urban areas (EU-OECD) or aires d'attraction des villes (INSEE) rebuilt from your own commuting flows.</source>
            <translation>Aires urbaines fonctionnelles (UE-OCDE) ou aires d'attraction des villes (INSEE) reconstituées à partir de vos propres flux de navetteurs.</translation>
        </message>
        <message>
            <location filename="../processing/functional_areas.py" line="59" />
            <source>&lt;p&gt;Rebuilds functional areas from your own commuting flows (recommendations 1 and 2).&lt;/p&gt;
&lt;p&gt;&lt;b&gt;EU-OECD functional urban areas&lt;/b&gt; (Dijkstra, Poelman and Veneri 2019): cities are the territories marked in the city field, or with at least the given share of their population in an urban centre; touching city territories form one city (our reading when the urban centres themselves are not given); two cities are merged when one sends at least the polycentric threshold of its employed residents to the other (repeated); every other territory sending at least the commuting threshold of its employed residents to a whole city joins its commuting zone (the city it sends most to); with contiguity, commuting-zone exclaves not connected to their city are removed and enclaves surrounded by one area are added.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;INSEE aires d'attraction des villes&lt;/b&gt; (2020): poles are the candidate territories (the city field, or all) with at least the minimum number of jobs (jobs = all flows arriving in the territory); touching poles form one pole; a pole sending at least the commuting threshold of its workers to a pole with more jobs is attached to it (secondary pole); the crown is the territories sending at least the threshold to the pole; attraction is not recursive.&lt;/p&gt;
&lt;p&gt;Outputs: every territory with its area id (the code of the most populated territory of its city or main pole), role (city core, commuting zone or outside; pole, secondary pole, crown or outside) and share of its workers going to the area's core; and the dissolved areas with population, number of territories, internal flow, outflow, inflow and supply- and demand-side self-containment. The params field records the thresholds used.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Flows&lt;/b&gt;: a table or layer loaded in QGIS, or a CSV file (delimiter, UTF-8/BOM/cp1252 and decimal commas detected; codes always read as text, so 01004 keeps its zero). Fields are detected from their names when left empty, including INSEE's commuting files (CODGEO/DCLT/NBFLUX_C20_ACTOCC15P, or COMMUNE/DCLT/IPONDI summed per pair). Rows repeating a pair and type are summed with a warning; missing or negative volumes stop the run and name the rows; codes that match no territory are counted, listed and left out.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Reconstitue des aires fonctionnelles à partir de vos propres flux de navettes domicile-travail (recommandations 1 et 2).&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Aires urbaines fonctionnelles UE-OCDE&lt;/b&gt; (Dijkstra, Poelman et Veneri 2019) : les villes sont les territoires marqués dans le champ des villes, ou ayant au moins la part donnée de leur population dans un centre urbain ; des territoires-villes contigus forment une seule ville (notre lecture quand les centres urbains eux-mêmes ne sont pas fournis) ; deux villes sont fusionnées quand l'une envoie vers l'autre au moins le seuil polycentrique de ses actifs occupés résidents (répété) ; tout autre territoire envoyant au moins le seuil de navettes de ses actifs occupés résidents vers une ville entière rejoint sa zone de navettage (la ville vers laquelle il en envoie le plus) ; avec la contiguïté, les exclaves de zone de navettage non reliées à leur ville sont retirées et les enclaves entourées par une seule aire sont ajoutées.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Aires d'attraction des villes INSEE&lt;/b&gt; (2020) : les pôles sont les territoires candidats (le champ des villes, ou tous) ayant au moins le nombre minimal d'emplois (emplois = tous les flux arrivant dans le territoire) ; des pôles contigus forment un seul pôle ; un pôle envoyant au moins le seuil de navettes de ses actifs vers un pôle ayant plus d'emplois lui est rattaché (pôle secondaire) ; la couronne est formée des territoires envoyant au moins le seuil vers le pôle ; l'attraction n'est pas récursive.&lt;/p&gt;
&lt;p&gt;Sorties : chaque territoire avec l'identifiant de son aire (le code du territoire le plus peuplé de sa ville ou de son pôle principal), son rôle (centre-ville, zone de navettage ou hors aire ; pôle, pôle secondaire, couronne ou hors aire) et la part de ses actifs allant vers le cœur de l'aire ; et les aires fusionnées avec population, nombre de territoires, flux interne, flux sortant, flux entrant et autocontention côté offre et côté demande. Le champ params enregistre les seuils utilisés.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Flux&lt;/b&gt; : une table ou une couche chargée dans QGIS, ou un fichier CSV (délimiteur, UTF-8/BOM/cp1252 et virgules décimales détectés ; codes toujours lus comme du texte, donc 01004 garde son zéro). Les champs sont détectés d'après leur nom quand ils sont laissés vides, y compris dans les fichiers de navettes domicile-travail de l'INSEE (CODGEO/DCLT/NBFLUX_C20_ACTOCC15P, ou COMMUNE/DCLT/IPONDI sommé par couple). Les lignes qui répètent un couple et un type sont sommées avec un avertissement ; des volumes manquants ou négatifs arrêtent le traitement et les lignes sont citées ; les codes qui ne correspondent à aucun territoire sont comptés, listés et écartés.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/functional_areas.py" line="113" />
            <source>No functional area: no territory passes the city or pole rule (check the city field, the urban-centre share or the minimum jobs).</source>
            <translation>Aucune aire fonctionnelle : aucun territoire ne satisfait la règle de ville ou de pôle (vérifiez le champ des villes, la part en centre urbain ou le nombre minimal d'emplois).</translation>
        </message>
        <message>
            <location filename="../processing/functional_areas.py" line="64" />
            <location filename="../processing/provider.py" line="132" />
            <source>Population field</source>
            <translation>Champ de population</translation>
        </message>
        <message>
            <location filename="../processing/functional_areas.py" line="67" />
            <source>City (EU-OECD) or pole candidate (INSEE) field</source>
            <translation>Champ ville (UE-OCDE) ou pôle candidat (INSEE)</translation>
        </message>
        <message>
            <location filename="../processing/functional_areas.py" line="69" />
            <source>Population share in an urban centre</source>
            <translation>Part de la population en centre urbain</translation>
        </message>
        <message>
            <location filename="../processing/functional_areas.py" line="75" />
            <source>INSEE: minimum number of jobs of a pole</source>
            <translation>INSEE : nombre minimal d'emplois d'un pôle</translation>
        </message>
        <message>
            <location filename="../processing/functional_areas.py" line="76" />
            <source>Use contiguity (enclaves, exclaves)</source>
            <translation>Utiliser la contiguïté (enclaves, exclaves)</translation>
        </message>
        <message>
            <location filename="../processing/functional_areas.py" line="77" />
            <source>Territories with their functional area</source>
            <translation>Territoires avec leur aire fonctionnelle</translation>
        </message>
        <message>
            <location filename="../processing/functional_areas.py" line="78" />
            <location filename="../processing/styling/names.py" line="19" />
            <source>Functional areas</source>
            <translation>Aires fonctionnelles</translation>
        </message>
        <message>
            <location filename="../processing/functional_areas.py" line="79" />
            <source>Number of functional areas</source>
            <translation>Nombre d'aires fonctionnelles</translation>
        </message>
        <message>
            <location filename="../processing/functional_areas.py" line="80" />
            <source>Territories inside a functional area</source>
            <translation>Territoires situés dans une aire fonctionnelle</translation>
        </message>
        <message>
            <location filename="../processing/functional_areas.py" line="126" />
            <source>{areas} functional areas holding {units} of {total} territories.</source>
            <translation>{areas} aires fonctionnelles regroupant {units} territoires sur {total}.</translation>
        </message>
        <message>
            <location filename="../processing/functional_areas.py" line="155" />
            <source>Urban-centre shares above 1: read as percentages.</source>
            <translation>Parts en centre urbain supérieures à 1 : lues comme des pourcentages.</translation>
        </message>
        <message>
            <location filename="../processing/functional_areas.py" line="99" />
            <source>{n} pairs of touching territories.</source>
            <translation>{n} couples de territoires contigus.</translation>
        </message>
        <message>
            <location filename="../processing/functional_areas.py" line="71" />
            <source>City: minimum population share in a centre (%)</source>
            <translation>Ville : part minimale en centre urbain (%)</translation>
        </message>
        <message>
            <location filename="../processing/functional_areas.py" line="71" />
            <source>Commuting threshold (% of employed residents)</source>
            <translation>Seuil de navettes (% des actifs occupés résidents)</translation>
        </message>
        <message>
            <location filename="../processing/functional_areas.py" line="71" />
            <source>Polycentric cities: merge threshold (%)</source>
            <translation>Villes polycentriques : seuil de fusion (%)</translation>
        </message>
        <message>
            <location filename="../processing/growth_buffers.py" line="23" />
            <source>urban core</source>
            <translation>cœur urbain</translation>
        </message>
        <message>
            <location filename="../processing/growth_buffers.py" line="23" />
            <source>inner peri-urban</source>
            <translation>périurbain proche</translation>
        </message>
        <message>
            <location filename="../processing/growth_buffers.py" line="24" />
            <source>outer peri-urban</source>
            <translation>périurbain lointain</translation>
        </message>
        <message>
            <location filename="../processing/growth_buffers.py" line="24" />
            <source>rural</source>
            <translation>rural</translation>
        </message>
        <message>
            <location filename="../processing/growth_buffers.py" line="63" />
            <source>Growth buffers and peri-urban rings</source>
            <translation>Tampons de croissance et couronnes périurbaines</translation>
        </message>
        <message>
            <location filename="../processing/growth_buffers.py" line="66" />
            <source>Dissolved, non-overlapping distance rings around the built-up (urban core, inner and outer peri-urban, rural), and the band that would hold a projected population.</source>
            <translation>Anneaux de distance fusionnés et sans recouvrement autour de la tache urbaine (cœur urbain, périurbain proche et lointain, rural), et la bande qui accueillerait une population projetée.</translation>
        </message>
        <message>
            <location filename="../processing/growth_buffers.py" line="70" />
            <source>&lt;p&gt;Growth fronts drawn from the data rather than by hand (recommendations 1 and 5); both outputs can be given directly to the land-tenure overlay (as growth fronts: only the peri-urban rings count by default, see &lt;i&gt;role&lt;/i&gt;; or as zoning with the class field &lt;i&gt;label&lt;/i&gt; or &lt;i&gt;role&lt;/i&gt;).&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Rings&lt;/b&gt;: the built-up (or urban cores) is dissolved; ring k lies between the previous distance and distance k, so rings never overlap and each is dissolved. Default labels: &lt;i&gt;urban core&lt;/i&gt; (band 0, the cores themselves), &lt;i&gt;inner peri-urban&lt;/i&gt; (the first ring), &lt;i&gt;outer peri-urban&lt;/i&gt; (the rings between), &lt;i&gt;rural&lt;/i&gt; (the last ring, with 3 rings or more); or your own, separated by ';'. The default labels are written in your language; the field &lt;i&gt;role&lt;/i&gt; holds a code whatever the language and the labels: &lt;i&gt;urban_core&lt;/i&gt; (band 0), &lt;i&gt;rural&lt;/i&gt; (the last ring, with 3 rings or more), &lt;i&gt;peri_urban&lt;/i&gt; (the others); the land-tenure overlay takes only the peri_urban rings as growth fronts unless told otherwise. Each ring has its band number, label, role, inner and outer distance (m) and area (m2). Buffers are round, with the given segments per quarter circle (QGIS's native buffer uses 5).&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Prospective buffer&lt;/b&gt; (an optional output): the band around the urban edge that would hold the land demand of a projected population. The population in &lt;i&gt;horizon&lt;/i&gt; years is &lt;i&gt;P x (1 + r)^years&lt;/i&gt; (compound annual rate r); the land demand is the added population at the density given, or at the observed density (population over the dissolved urban area); or give the target area directly. The band's width is found by bisection on its area; open land inside the urban area narrower than twice the width counts as available. Its fields: distance (m), land_demand, band_area and urban_area (m2), current, projected and added population, density (inhabitants per km2) and a note when the demand is nil or the search stopped early.&lt;/p&gt;
&lt;p&gt;Distances are in metres: a geographic CRS, one in feet or Web Mercator is replaced by a Lambert azimuthal equal-area projection centred on the data (the log says so), where distances and areas are computed; the outputs are written in the input's CRS. The params field records the options.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Des fronts de croissance tirés des données plutôt que tracés à la main (recommandations 1 et 5) ; les deux sorties peuvent être fournies directement au croisement foncier (comme fronts de croissance : seuls les anneaux périurbains comptent par défaut, voir &lt;i&gt;role&lt;/i&gt; ; ou comme zonage avec le champ de classe &lt;i&gt;label&lt;/i&gt; ou &lt;i&gt;role&lt;/i&gt;).&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Anneaux&lt;/b&gt; : la tache urbaine (ou les cœurs urbains) est fusionnée ; l'anneau k se situe entre la distance précédente et la distance k, les anneaux ne se recouvrent donc jamais et chacun est fusionné. Libellés par défaut : &lt;i&gt;cœur urbain&lt;/i&gt; (bande 0, les cœurs eux-mêmes), &lt;i&gt;périurbain proche&lt;/i&gt; (le premier anneau), &lt;i&gt;périurbain lointain&lt;/i&gt; (les anneaux intermédiaires), &lt;i&gt;rural&lt;/i&gt; (le dernier anneau, à partir de 3 anneaux) ; ou les vôtres, séparés par ';'. Les libellés par défaut sont écrits dans votre langue ; le champ &lt;i&gt;role&lt;/i&gt; contient un code, quels que soient la langue et les libellés : &lt;i&gt;urban_core&lt;/i&gt; (bande 0), &lt;i&gt;rural&lt;/i&gt; (le dernier anneau, à partir de 3 anneaux), &lt;i&gt;peri_urban&lt;/i&gt; (les autres) ; le croisement foncier ne prend comme fronts de croissance que les anneaux peri_urban, sauf indication contraire. Chaque anneau a son numéro de bande, son libellé, son rôle, ses distances intérieure et extérieure (m) et sa surface (m2). Les tampons sont arrondis, avec le nombre de segments par quart de cercle donné (le tampon natif de QGIS en utilise 5).&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Tampon prospectif&lt;/b&gt; (une sortie facultative) : la bande autour de la limite urbaine qui accueillerait le besoin foncier d'une population projetée. La population dans &lt;i&gt;horizon&lt;/i&gt; ans est &lt;i&gt;P x (1 + r)^années&lt;/i&gt; (taux annuel composé r) ; le besoin foncier est la population supplémentaire à la densité donnée, ou à la densité observée (population rapportée à la surface urbaine fusionnée) ; ou donnez directement la surface cible. La largeur de la bande est trouvée par dichotomie sur sa surface ; les espaces libres à l'intérieur de la zone urbaine plus étroits que deux fois la largeur comptent comme disponibles. Ses champs : distance (m), land_demand, band_area et urban_area (m2), population actuelle, projetée et supplémentaire, densité (habitants par km2) et une note quand le besoin est nul ou que la recherche s'est arrêtée tôt.&lt;/p&gt;
&lt;p&gt;Les distances sont en mètres : un SCR géographique, un SCR en pieds ou Web Mercator est remplacé par une projection azimutale équivalente de Lambert centrée sur les données (le journal le signale), où distances et surfaces sont calculées ; les sorties sont écrites dans le SCR de la couche en entrée. Le champ params enregistre les options.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/growth_buffers.py" line="97" />
            <location filename="../processing/growth_inputs.py" line="114" />
            <location filename="../processing/urban_growth.py" line="65" />
            <source>The built-up layer</source>
            <translation>La couche de la tache urbaine</translation>
        </message>
        <message>
            <location filename="../processing/growth_buffers.py" line="105" />
            <source>Give at least one distance, for example 500, 1000, 2000, 5000.</source>
            <translation>Donnez au moins une distance, par exemple 500, 1000, 2000, 5000.</translation>
        </message>
        <message>
            <location filename="../processing/growth_buffers.py" line="150" />
            <source>The prospective buffer needs the current population (a field or a value) or a target area.</source>
            <translation>Le tampon prospectif nécessite la population actuelle (un champ ou une valeur) ou une surface cible.</translation>
        </message>
        <message>
            <location filename="../processing/growth_buffers.py" line="175" />
            <source>Give the current population as a field or as a value, not both.</source>
            <translation>Donnez la population actuelle sous forme de champ ou de valeur, pas les deux.</translation>
        </message>
        <message>
            <location filename="../processing/growth_buffers.py" line="74" />
            <source>Built-up or urban cores</source>
            <translation>Tache urbaine ou cœurs urbains</translation>
        </message>
        <message>
            <location filename="../processing/growth_buffers.py" line="75" />
            <source>Outer distances of the rings (m or km)</source>
            <translation>Distances extérieures des anneaux (m ou km)</translation>
        </message>
        <message>
            <location filename="../processing/growth_buffers.py" line="76" />
            <source>Labels: the cores, then one per ring (;)</source>
            <translation>Libellés : les cœurs, puis un par anneau (;)</translation>
        </message>
        <message>
            <location filename="../processing/growth_buffers.py" line="77" />
            <source>Include the cores themselves (band 0)</source>
            <translation>Inclure les cœurs eux-mêmes (bande 0)</translation>
        </message>
        <message>
            <location filename="../processing/growth_buffers.py" line="78" />
            <location filename="../processing/urban_growth.py" line="50" />
            <source>Buffer segments per quarter circle</source>
            <translation>Segments du tampon par quart de cercle</translation>
        </message>
        <message>
            <location filename="../processing/growth_buffers.py" line="80" />
            <source>Prospective buffer: population field</source>
            <translation>Tampon prospectif : champ de population</translation>
        </message>
        <message>
            <location filename="../processing/growth_buffers.py" line="82" />
            <source>Prospective buffer: current population</source>
            <translation>Tampon prospectif : population actuelle</translation>
        </message>
        <message>
            <location filename="../processing/growth_buffers.py" line="83" />
            <source>Prospective buffer: growth rate (% a year)</source>
            <translation>Tampon prospectif : croissance (% par an)</translation>
        </message>
        <message>
            <location filename="../processing/growth_buffers.py" line="84" />
            <source>Prospective buffer: horizon (years)</source>
            <translation>Tampon prospectif : horizon (années)</translation>
        </message>
        <message>
            <location filename="../processing/growth_buffers.py" line="85" />
            <source>Prospective buffer: density (inh./km2)</source>
            <translation>Tampon prospectif : densité (hab./km2)</translation>
        </message>
        <message>
            <location filename="../processing/growth_buffers.py" line="86" />
            <source>Prospective buffer: target area (ha)</source>
            <translation>Tampon prospectif : surface cible (ha)</translation>
        </message>
        <message>
            <location filename="../processing/growth_buffers.py" line="87" />
            <source>Growth rings</source>
            <translation>Anneaux de croissance</translation>
        </message>
        <message>
            <location filename="../processing/growth_buffers.py" line="88" />
            <source>Prospective growth buffer</source>
            <translation>Tampon de croissance prospectif</translation>
        </message>
        <message>
            <location filename="../processing/growth_buffers.py" line="90" />
            <source>Width of the prospective buffer (m)</source>
            <translation>Largeur du tampon prospectif (m)</translation>
        </message>
        <message>
            <location filename="../processing/growth_buffers.py" line="127" />
            <source>{n} rings out to {d:g} m.</source>
            <translation>{n} anneaux jusqu'à {d:g} m.</translation>
        </message>
        <message>
            <location filename="../processing/growth_buffers.py" line="133" />
            <source>The prospective buffer is not computed: its output is skipped.</source>
            <translation>Le tampon prospectif n'est pas calculé : sa sortie est ignorée.</translation>
        </message>
        <message>
            <location filename="../processing/growth_buffers.py" line="158" />
            <source>Prospective buffer: {area:,.0f} m2 of land demand, a band of {d:,.1f} m.</source>
            <translation>Tampon prospectif : {area:,.0f} m2 de besoin foncier, une bande de {d:,.1f} m.</translation>
        </message>
        <message>
            <location filename="../processing/growth_buffers.py" line="139" />
            <source>Current population: {pop:,.0f} (sum of '{field}').</source>
            <translation>Population actuelle : {pop:,.0f} (somme de '{field}').</translation>
        </message>
        <message>
            <location filename="../processing/growth_buffers.py" line="101" />
            <source>'{item}' is not a distance: give metres separated by commas, for example 500, 1000, 2000, 5000 (or 2 km).</source>
            <translation>'{item}' n'est pas une distance : donnez des mètres séparés par des virgules, par exemple 500, 1000, 2000, 5000 (ou 2 km).</translation>
        </message>
        <message>
            <location filename="../processing/growth_inputs.py" line="116" />
            <source>The built-up layer of the first date</source>
            <translation>La couche de la tache urbaine de la première date</translation>
        </message>
        <message>
            <location filename="../processing/growth_inputs.py" line="68" />
            <source>Built-up at the second date (or both dates)</source>
            <translation>Tache urbaine à la seconde date (ou aux deux)</translation>
        </message>
        <message>
            <location filename="../processing/growth_inputs.py" line="70" />
            <source>Built-up at the first date</source>
            <translation>Tache urbaine à la première date</translation>
        </message>
        <message>
            <location filename="../processing/growth_inputs.py" line="72" />
            <source>Date or year field (one layer for both dates)</source>
            <translation>Champ de date ou d'année (une seule couche)</translation>
        </message>
        <message>
            <location filename="../processing/growth_inputs.py" line="120" />
            <source>Give the first date either as a second layer or as a year field, not both.</source>
            <translation>Donnez la première date soit comme seconde couche, soit comme champ d'année, pas les deux.</translation>
        </message>
        <message>
            <location filename="../processing/growth_inputs.py" line="131" />
            <source>The built-up at the first date is missing: give a second layer, or a date or year field and a cut-off year.</source>
            <translation>La tache urbaine de la première date manque : donnez une seconde couche, ou un champ de date ou d'année et une année de coupure.</translation>
        </message>
        <message>
            <location filename="../processing/growth_inputs.py" line="135" />
            <source>With a year field, give the cut-off year of the first date.</source>
            <translation>Avec un champ d'année, donnez l'année de coupure de la première date.</translation>
        </message>
        <message>
            <location filename="../processing/growth_inputs.py" line="128" />
            <source>No built-up at the first date: all the built-up is new.</source>
            <translation>Pas de tache urbaine à la première date : toute la surface bâtie est nouvelle.</translation>
        </message>
        <message>
            <location filename="../processing/growth_inputs.py" line="148" />
            <source>Built-up from '{field}': {before} polygons up to {cutoff:g}, {after} up to {end}.</source>
            <translation>Tache urbaine d'après '{field}' : {before} polygones jusqu'à {cutoff:g}, {after} jusqu'à {end}.</translation>
        </message>
        <message>
            <location filename="../processing/growth_inputs.py" line="125" />
            <source>Built-up: {before} polygons at the first date, {after} at the second.</source>
            <translation>Tache urbaine : {before} polygones à la première date, {after} à la seconde.</translation>
        </message>
        <message>
            <location filename="../processing/growth_inputs.py" line="137" />
            <source>The last year ({end:g}) is before the cut-off year ({cutoff:g}).</source>
            <translation>La dernière année ({end:g}) est antérieure à l'année de coupure ({cutoff:g}).</translation>
        </message>
        <message>
            <location filename="../processing/growth_inputs.py" line="143" />
            <source>{n} built-up features have no year in '{field}': they are left out.</source>
            <translation>{n} entités bâties n'ont pas d'année dans '{field}' : elles sont écartées.</translation>
        </message>
        <message>
            <location filename="../processing/growth_inputs.py" line="150" />
            <source>the last year</source>
            <translation>la dernière année</translation>
        </message>
        <message>
            <location filename="../processing/growth_inputs.py" line="152" />
            <source>No built-up up to the cut-off year {cutoff:g}.</source>
            <translation>Pas de tache urbaine jusqu'à l'année de coupure {cutoff:g}.</translation>
        </message>
        <message>
            <location filename="../processing/growth_inputs.py" line="85" />
            <source>{what} is empty.</source>
            <translation>{what} est vide.</translation>
        </message>
        <message>
            <location filename="../processing/land_consumption.py" line="46" />
            <source>Land consumption (SDG 11.3.1)</source>
            <translation>Consommation d'espace (ODD 11.3.1)</translation>
        </message>
        <message>
            <location filename="../processing/land_consumption.py" line="49" />
            <source>Land consumption rate, population growth rate, their ratio and built-up area per capita per territory, with a flag where the ratio means nothing; UN-Habitat urban extent.</source>
            <translation>Taux de consommation d'espace, taux de croissance démographique, leur rapport et surface bâtie par habitant pour chaque territoire, avec un signalement quand le rapport n'a pas de sens ; étendue urbaine ONU-Habitat.</translation>
        </message>
        <message>
            <location filename="../processing/land_consumption.py" line="53" />
            <source>&lt;p&gt;SDG 11.3.1, the ratio of land consumption rate to population growth rate, per territory and offline (recommendations 1, 3 and 5).&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Built-up area&lt;/b&gt; of each territory at each date: the exact area of the union of the built-up polygons inside it (overlapping polygons count once; polygons crossing a border are cut). &lt;b&gt;Formulas&lt;/b&gt; (y years between the dates): LCR = ln(Urb1/Urb0)/y, PGR = ln(Pop1/Pop0)/y, LCRPGR = LCR/PGR; beside them, built-up area per inhabitant at both dates (m2), built-up and population added, and built-up area added per new inhabitant (m2, only when the population grew).&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Flags&lt;/b&gt;: LCRPGR is left NULL, never infinite, and the territory flagged with a plain explanation when the ratio is meaningless: &lt;i&gt;declining&lt;/i&gt; population (PGR at or below minus the stagnation rate), &lt;i&gt;stagnating&lt;/i&gt; (|PGR| below it, 0.1 % a year by default), &lt;i&gt;no_built_up&lt;/i&gt; or &lt;i&gt;no_population&lt;/i&gt; at a date, or &lt;i&gt;missing&lt;/i&gt; values; otherwise &lt;i&gt;ok&lt;/i&gt;. Flagged territories are listed in the log, with the figures for the whole area.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;UN-Habitat urban extent&lt;/b&gt; (optional, as Trends.Earth): the built-up polygons are put on a grid (10 m cells by default; the share of each cell covered); a cell is built-up from the given cover; the built-up share within 500 m classes it as urban (over 50 %), suburban (25 to 50 %) or rural built-up (below 25 %); open cells within 100 m of urban or suburban built-up are fringe open space; enclosed open patches below 200 ha are captured open space. One dissolved polygon per class and date (rural open space, everything else, is left out); in_extent marks the classes of the urban extent. A built-up raster of the second date can be given instead of the polygons (0/1 classes, shares 0-1 or percentages, in the territories' projected CRS): its cells are the grid.&lt;/p&gt;
&lt;p&gt;Areas are in metres: a geographic CRS, one in feet or Web Mercator is replaced by a Lambert azimuthal equal-area projection centred on the territories (the log says so); built-up in other CRSs is reprojected. The territories are written as given, with the indicators added; the params field records the options. With one built-up layer and a year field, the first date is the built-up up to the first year and the second date up to the second year.&lt;/p&gt;</source>
            <translation>&lt;p&gt;ODD 11.3.1, le rapport entre le taux de consommation d'espace et le taux de croissance démographique, par territoire et hors ligne (recommandations 1, 3 et 5).&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Surface bâtie&lt;/b&gt; de chaque territoire à chaque date : la surface exacte de l'union des polygones bâtis qu'il contient (les polygones superposés comptent une fois ; les polygones qui traversent une limite sont découpés). &lt;b&gt;Formules&lt;/b&gt; (y années entre les dates) : LCR = ln(Urb1/Urb0)/y, PGR = ln(Pop1/Pop0)/y, LCRPGR = LCR/PGR ; à côté, la surface bâtie par habitant aux deux dates (m2), la surface bâtie et la population ajoutées, et la surface bâtie ajoutée par nouvel habitant (m2, seulement quand la population a augmenté).&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Signalements&lt;/b&gt; : LCRPGR est laissé NULL, jamais infini, et le territoire est signalé avec une explication en clair quand le rapport n'a pas de sens : population &lt;i&gt;declining&lt;/i&gt; (en déclin : PGR inférieur ou égal à moins le taux de stagnation), &lt;i&gt;stagnating&lt;/i&gt; (en stagnation : |PGR| inférieur à ce taux, 0,1 % par an par défaut), &lt;i&gt;no_built_up&lt;/i&gt; ou &lt;i&gt;no_population&lt;/i&gt; à une date, ou valeurs &lt;i&gt;missing&lt;/i&gt; (manquantes) ; sinon &lt;i&gt;ok&lt;/i&gt;. Les territoires signalés sont listés dans le journal, avec les chiffres pour l'ensemble de la zone.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Étendue urbaine ONU-Habitat&lt;/b&gt; (facultatif, comme Trends.Earth) : les polygones bâtis sont placés sur une grille (carreaux de 10 m par défaut ; la part couverte de chaque carreau) ; un carreau est bâti à partir de la couverture donnée ; la part bâtie dans un rayon de 500 m le classe en urbain (plus de 50 %), suburbain (25 à 50 %) ou bâti rural (moins de 25 %) ; les carreaux ouverts à moins de 100 m du bâti urbain ou suburbain sont des espaces ouverts de frange ; les espaces ouverts enclavés de moins de 200 ha sont des espaces ouverts captifs. Un polygone fusionné par classe et par date (l'espace ouvert rural, tout le reste, est omis) ; in_extent marque les classes de l'étendue urbaine. Un raster du bâti à la seconde date peut être fourni à la place des polygones (classes 0/1, parts 0-1 ou pourcentages, dans le SCR projeté des territoires) : ses cellules forment la grille.&lt;/p&gt;
&lt;p&gt;Les surfaces sont en mètres : un SCR géographique, un SCR en pieds ou Web Mercator est remplacé par une projection azimutale équivalente de Lambert centrée sur les territoires (le journal le signale) ; le bâti dans d'autres SCR est reprojeté. Les territoires sont écrits tels que fournis, avec les indicateurs ajoutés ; le champ params enregistre les options. Avec une seule couche de bâti et un champ d'année, la première date correspond au bâti jusqu'à la première année et la seconde date au bâti jusqu'à la seconde année.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/land_consumption.py" line="53" />
            <location filename="../processing/urban_growth.py" line="41" />
            <source>&lt;p&gt;&lt;b&gt;Built-up at two dates&lt;/b&gt;: either two polygon layers (the second holds all the built-up at the second date, the first date's included or not), or one layer with a date or year field: the first date is every feature whose year is at or before the cut-off year, the second every feature up to the last year (all when it is empty). Date and datetime fields count by their year; text fields by a number or a four-digit year in them; features without a year are left out and counted in the log. Invalid polygons are repaired with make_valid; layers in different CRSs are reprojected into one CRS in metres: the built-up layer's own, or, when it is geographic, in feet or Web Mercator, a Lambert azimuthal equal-area projection centred on the data (the log says which). Areas and distances are computed in that CRS; outputs that are new geometries are written in the built-up layer's CRS.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Tache urbaine à deux dates&lt;/b&gt; : soit deux couches de polygones (la seconde contient tout le bâti à la seconde date, celui de la première date inclus ou non), soit une couche avec un champ de date ou d'année : la première date regroupe chaque entité dont l'année est inférieure ou égale à l'année de coupure, la seconde chaque entité jusqu'à la dernière année (toutes quand elle est vide). Les champs date et date-heure comptent par leur année ; les champs texte par un nombre ou une année à quatre chiffres qu'ils contiennent ; les entités sans année sont écartées et comptées dans le journal. Les polygones invalides sont réparés avec make_valid ; les couches dans des SCR différents sont reprojetées dans un même SCR en mètres : celui de la couche du bâti, ou, quand il est géographique, en pieds ou Web Mercator, une projection azimutale équivalente de Lambert centrée sur les données (le journal indique lequel). Surfaces et distances sont calculées dans ce SCR ; les sorties qui sont de nouvelles géométries sont écrites dans le SCR de la couche du bâti.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/land_consumption.py" line="90" />
            <location filename="../processing/urban_growth.py" line="69" />
            <source>The territories layer</source>
            <translation>La couche des territoires</translation>
        </message>
        <message>
            <location filename="../processing/land_consumption.py" line="88" />
            <source>Choose an output for the urban extent classes.</source>
            <translation>Choisissez une sortie pour les classes d'étendue urbaine.</translation>
        </message>
        <message>
            <location filename="../processing/land_consumption.py" line="195" />
            <source>The urban-extent grid cell must be positive.</source>
            <translation>Le carreau de la grille d'étendue urbaine doit être positif.</translation>
        </message>
        <message>
            <location filename="../processing/land_consumption.py" line="58" />
            <source>Territory code or name field</source>
            <translation>Champ de code ou de nom des territoires</translation>
        </message>
        <message>
            <location filename="../processing/land_consumption.py" line="62" />
            <source>Year of the first date</source>
            <translation>Année de la première date</translation>
        </message>
        <message>
            <location filename="../processing/land_consumption.py" line="63" />
            <source>Year of the second date</source>
            <translation>Année de la seconde date</translation>
        </message>
        <message>
            <location filename="../processing/land_consumption.py" line="65" />
            <source>Stagnation below (% a year, either way)</source>
            <translation>Stagnation en dessous de (% par an, ±)</translation>
        </message>
        <message>
            <location filename="../processing/land_consumption.py" line="66" />
            <source>Unit of the built-up areas</source>
            <translation>Unité des surfaces bâties</translation>
        </message>
        <message>
            <location filename="../processing/land_consumption.py" line="67" />
            <source>Also compute the UN-Habitat urban extent classes</source>
            <translation>Calculer aussi les classes d'étendue urbaine ONU-Habitat</translation>
        </message>
        <message>
            <location filename="../processing/land_consumption.py" line="68" />
            <source>Urban extent from a built-up raster</source>
            <translation>Emprise urbaine d'après un raster de bâti</translation>
        </message>
        <message>
            <location filename="../processing/land_consumption.py" line="69" />
            <source>Band of the built-up raster</source>
            <translation>Bande du raster du bâti</translation>
        </message>
        <message>
            <location filename="../processing/land_consumption.py" line="76" />
            <source>Land consumption per territory</source>
            <translation>Consommation d'espace par territoire</translation>
        </message>
        <message>
            <location filename="../processing/land_consumption.py" line="77" />
            <source>Urban extent classes</source>
            <translation>Classes d'étendue urbaine</translation>
        </message>
        <message>
            <location filename="../processing/land_consumption.py" line="78" />
            <source>Territories flagged (ratio meaningless)</source>
            <translation>Territoires signalés (rapport sans signification)</translation>
        </message>
        <message>
            <location filename="../processing/land_consumption.py" line="150" />
            <source>Urban extent from the raster {name}: {rows} x {cols} cells of {cell:g} m{pct}.</source>
            <translation>Étendue urbaine à partir du raster {name} : {rows} x {cols} cellules de {cell:g} m{pct}.</translation>
        </message>
        <message>
            <location filename="../processing/land_consumption.py" line="177" />
            <source>Whole area: built-up {u0:,.2f} -&gt; {u1:,.2f} {unit}, population {p0:,.0f} -&gt; {p1:,.0f}; LCR {lcr:.4%}, PGR {pgr:.4%} a year, LCRPGR {ratio} ({flag}).</source>
            <translation>Ensemble de la zone : bâti {u0:,.2f} -&gt; {u1:,.2f} {unit}, population {p0:,.0f} -&gt; {p1:,.0f} ; LCR {lcr:.4%}, PGR {pgr:.4%} par an, LCRPGR {ratio} ({flag}).</translation>
        </message>
        <message>
            <location filename="../processing/land_consumption.py" line="94" />
            <source>The second year ({y1:g}) must come after the first ({y0:g}).</source>
            <translation>La seconde année ({y1:g}) doit être postérieure à la première ({y0:g}).</translation>
        </message>
        <message>
            <location filename="../processing/land_consumption.py" line="144" />
            <source>The built-up raster is in {raster}, the territories are measured in {crs}: warp the raster to the territories' projected CRS first (Raster &gt; Projections &gt; Warp).</source>
            <translation>Le raster du bâti est en {raster}, les territoires sont mesurés en {crs} : reprojetez d'abord le raster dans le SCR projeté des territoires (Raster &gt; Projections &gt; Projection (warp)).</translation>
        </message>
        <message>
            <location filename="../processing/land_consumption.py" line="152" />
            <source>, read as percentages</source>
            <translation>, lues comme des pourcentages</translation>
        </message>
        <message>
            <location filename="../processing/land_consumption.py" line="212" />
            <source>Urban extent {year:g}: {area:,.0f} m2 (urban and suburban built-up, fringe and captured open space).</source>
            <translation>Étendue urbaine {year:g} : {area:,.0f} m2 (bâti urbain et suburbain, espaces ouverts de frange et captifs).</translation>
        </message>
        <message>
            <location filename="../processing/land_consumption.py" line="59" />
            <location filename="../processing/land_consumption.py" line="70" />
            <source>Population at the first date</source>
            <translation>Population à la première date</translation>
        </message>
        <message>
            <location filename="../processing/land_consumption.py" line="59" />
            <location filename="../processing/land_consumption.py" line="70" />
            <source>Population at the second date</source>
            <translation>Population à la seconde date</translation>
        </message>
        <message>
            <location filename="../processing/land_consumption.py" line="59" />
            <location filename="../processing/land_consumption.py" line="70" />
            <source>Urban extent: grid cell (m)</source>
            <translation>Étendue urbaine : carreau de la grille (m)</translation>
        </message>
        <message>
            <location filename="../processing/land_consumption.py" line="59" />
            <location filename="../processing/land_consumption.py" line="70" />
            <source>Urban extent: radius of the built-up density (m)</source>
            <translation>Étendue urbaine : rayon de la densité du bâti (m)</translation>
        </message>
        <message>
            <location filename="../processing/land_consumption.py" line="59" />
            <location filename="../processing/land_consumption.py" line="70" />
            <source>Urban extent: cover of a built-up cell (%)</source>
            <translation>Emprise : couverture d'une cellule bâtie (%)</translation>
        </message>
        <message>
            <location filename="../processing/land_consumption.py" line="59" />
            <location filename="../processing/land_consumption.py" line="70" />
            <source>Urban extent: fringe open space within (m)</source>
            <translation>Étendue urbaine : espace ouvert de frange jusqu'à (m)</translation>
        </message>
        <message>
            <location filename="../processing/land_consumption.py" line="59" />
            <location filename="../processing/land_consumption.py" line="70" />
            <source>Urban extent: captured open space below (ha)</source>
            <translation>Étendue urbaine : espace ouvert captif en dessous de (ha)</translation>
        </message>
        <message>
            <location filename="../processing/land_consumption.py" line="174" />
            <source>{name}: {flag}. {explanation}</source>
            <translation>{name} : {flag}. {explanation}</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="120" />
            <source>Land-tenure overlay</source>
            <translation>Croisement foncier</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="123" />
            <source>Parcels x tenure x constraint layers (growth fronts, hazards, protected and agricultural land, zoning): exact areas, flags, summary and SDG 1.4.2 proxies.</source>
            <translation>Parcelles x tenure x couches de contraintes (fronts de croissance, aléas, espaces protégés et agricoles, zonage) : surfaces exactes, signalements, synthèse et indicateurs approchés de l'ODD 1.4.2.</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="127" />
            <source>&lt;p&gt;&lt;b&gt;Parcel code&lt;/b&gt;: the field naming each parcel in the cadastre, carried into the intersection pieces so that they join back to it. When empty, a known field is used: &lt;i&gt;geo_parcelle&lt;/i&gt;, then &lt;i&gt;idu&lt;/i&gt; (the Cadastre plugin's &lt;i&gt;geo_parcelle&lt;/i&gt; table and &lt;i&gt;parcelle_info&lt;/i&gt;), then a text &lt;i&gt;id&lt;/i&gt; (Etalab's PCI); the log says which.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Code parcellaire&lt;/b&gt; : le champ qui désigne chaque parcelle dans le cadastre, reporté dans les morceaux d'intersection pour qu'ils se joignent à lui. S'il est vide, un champ connu est utilisé : &lt;i&gt;geo_parcelle&lt;/i&gt;, puis &lt;i&gt;idu&lt;/i&gt; (la table &lt;i&gt;geo_parcelle&lt;/i&gt; et &lt;i&gt;parcelle_info&lt;/i&gt; du plugin Cadastre), puis un &lt;i&gt;id&lt;/i&gt; texte (le PCI d'Etalab) ; le journal indique lequel.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="127" />
            <source>&lt;p&gt;Crosses cadastral parcels with their tenure and with constraint layers (recommendations 4 and 5).&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Tenure classes&lt;/b&gt;: documented, customary, informal, public, unknown. Values of the tenure field are matched case-, accent- and punctuation-insensitively to defaults (for example titre foncier, registered, freehold: documented; coutumier: customary; squatter: informal; domaine public, state: public), or to your mapping (value=class; ...). NULL or unmapped values are unknown, and the unmapped ones are listed in the log.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Constraints&lt;/b&gt;: growth fronts (the rings and buffers of the urban-growth algorithms), hazard zones, protected areas, agricultural land and zoning (classes from the class field). Areas are exact polygon intersections: parcels entirely inside a zone keep their own area, only parcels crossing a zone boundary are intersected, and overlapping zones of one class are not counted twice. Invalid polygons are repaired with make_valid (never buffer(0)); NULL geometries have area 0. A geographic CRS is replaced by an equal-area projection centred on the parcels (the log says so); constraint layers in other CRSs are reprojected.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Outputs&lt;/b&gt;: every parcel with its tenure class, area, the area and share covered by each class (area_*, share_*) and the documented flags: flag_insecure_growth (informal, customary or unknown tenure inside a growth front), flag_hazard (any tenure inside a hazard zone), flag_agriculture_growth (agricultural land inside a growth front); a summary table of parcels and area by tenure class x constraint class per territory (a parcel belongs to the territory holding a point inside it) or for the whole area; and the SDG 1.4.2 &lt;i&gt;spatial proxies&lt;/i&gt; (population from a field of the parcels, or from a point layer whose points are summed in the parcel containing them; points outside every parcel are counted in the log) (share of parcels, area and population with documented rights; share of growth-front, hazard and protected land under informal, customary or unknown tenure). They are proxies from a cadastre, not the survey-based indicator.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Croise les parcelles cadastrales avec leur tenure et avec des couches de contraintes (recommandations 4 et 5).&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Classes de tenure&lt;/b&gt; : documented (titrée), customary (coutumière), informal (informelle), public (publique), unknown (inconnue). Les valeurs du champ de tenure sont rapprochées, sans tenir compte de la casse, des accents ni de la ponctuation, des valeurs par défaut (par exemple titre foncier, registered, freehold : documented ; coutumier : customary ; squatter : informal ; domaine public, state : public), ou de votre correspondance (valeur=classe; ...). Les valeurs NULL ou sans correspondance sont unknown, et celles sans correspondance sont listées dans le journal.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Contraintes&lt;/b&gt; : fronts de croissance (les anneaux et tampons des algorithmes de croissance urbaine), zones d'aléa, espaces protégés, terres agricoles et zonage (classes tirées du champ de classe). Les surfaces sont des intersections exactes de polygones : les parcelles entièrement dans une zone gardent leur propre surface, seules les parcelles qui traversent une limite de zone sont intersectées, et les zones superposées d'une même classe ne sont pas comptées deux fois. Les polygones invalides sont réparés avec make_valid (jamais buffer(0)) ; les géométries NULL ont une surface nulle. Un SCR géographique est remplacé par une projection équivalente centrée sur les parcelles (le journal le signale) ; les couches de contraintes dans d'autres SCR sont reprojetées.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Sorties&lt;/b&gt; : chaque parcelle avec sa classe de tenure, sa surface, la surface et la part couvertes par chaque classe (area_*, share_*) et les signalements documentés : flag_insecure_growth (tenure informelle, coutumière ou inconnue dans un front de croissance), flag_hazard (toute tenure dans une zone d'aléa), flag_agriculture_growth (terre agricole dans un front de croissance) ; une table de synthèse des parcelles et des surfaces par classe de tenure x classe de contrainte pour chaque territoire (une parcelle appartient au territoire qui contient un point situé à l'intérieur) ou pour l'ensemble de la zone ; et les &lt;i&gt;indicateurs spatiaux approchés&lt;/i&gt; de l'ODD 1.4.2 (population tirée d'un champ des parcelles, ou d'une couche de points dont les points sont sommés dans la parcelle qui les contient ; les points hors de toute parcelle sont comptés dans le journal) (part des parcelles, de la surface et de la population avec des droits documentés ; part des terres en front de croissance, en zone d'aléa et protégées sous tenure informelle, coutumière ou inconnue). Ce sont des approximations tirées d'un cadastre, pas l'indicateur fondé sur des enquêtes.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="127" />
            <source>&lt;p&gt;&lt;b&gt;Growth fronts from rings&lt;/b&gt;: the rings of alliance:growthbuffers carry a field &lt;i&gt;role&lt;/i&gt; (urban_core, peri_urban, rural; codes whatever the language of the labels): by default only the &lt;i&gt;peri_urban&lt;/i&gt; rings are growth fronts, not the urban core (the built-up itself) nor the rural ring. The parameter &lt;i&gt;Growth fronts: ring roles counted&lt;/i&gt; lists the roles that count (for example peri_urban, rural), or 'all' for every feature. A growth layer without a role field (the prospective buffer, urban growth patches, your own fronts) counts whole. To measure every ring separately, give the rings as zoning too, with the class field &lt;i&gt;label&lt;/i&gt; or &lt;i&gt;role&lt;/i&gt;.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Fronts de croissance à partir d'anneaux&lt;/b&gt; : les anneaux d'alliance:growthbuffers portent un champ &lt;i&gt;role&lt;/i&gt; (urban_core, peri_urban, rural ; des codes, quelle que soit la langue des libellés) : par défaut seuls les anneaux &lt;i&gt;peri_urban&lt;/i&gt; sont des fronts de croissance, ni le cœur urbain (le bâti lui-même) ni l'anneau rural. Le paramètre &lt;i&gt;Fronts de croissance : rôles retenus&lt;/i&gt; liste les rôles qui comptent (par exemple peri_urban, rural), ou 'all' pour toutes les entités. Une couche de croissance sans champ de rôle (le tampon prospectif, les taches d'extension urbaine, vos propres fronts) compte entièrement. Pour mesurer chaque anneau séparément, fournissez aussi les anneaux comme zonage, avec le champ de classe &lt;i&gt;label&lt;/i&gt; ou &lt;i&gt;role&lt;/i&gt;.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="207" />
            <source>No constraint layer, or only empty ones: every covered area is 0.</source>
            <translation>Aucune couche de contraintes, ou seulement des couches vides : toutes les surfaces couvertes valent 0.</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="274" />
            <source>The parcel layer is empty.</source>
            <translation>La couche des parcelles est vide.</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="342" />
            <source>Choose the population field of the population layer.</source>
            <translation>Choisissez le champ de population de la couche de population.</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="370" />
            <location filename="../processing/urban_growth.py" line="73" />
            <source>Choose the territory code field.</source>
            <translation>Choisissez le champ de code des territoires.</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="134" />
            <source>Parcels</source>
            <translation>Parcelles</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="135" />
            <source>Parcel code field (if empty: geo_parcelle, idu or id when present)</source>
            <translation>Champ du code parcellaire (si vide : geo_parcelle, idu ou id s'il existe)</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="137" />
            <source>Tenure field (if empty: all unknown)</source>
            <translation>Champ de tenure (si vide : tout inconnu)</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="138" />
            <source>Tenure mapping (value=class; ...)</source>
            <translation>Correspondance de tenure (valeur=classe; ...)</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="139" />
            <source>Population field of the parcels</source>
            <translation>Champ de population des parcelles</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="141" />
            <source>Or a population layer (points)</source>
            <translation>Ou une couche de population (points)</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="143" />
            <source>Population field of that layer</source>
            <translation>Champ de population de cette couche</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="147" />
            <source>Growth fronts: ring roles counted</source>
            <translation>Fronts de croissance : rôles retenus</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="149" />
            <source>Class field of the zoning layers</source>
            <translation>Champ de classe des couches de zonage</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="150" />
            <location filename="../processing/urban_growth.py" line="52" />
            <source>Territories for the summary</source>
            <translation>Territoires pour la synthèse</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="153" />
            <source>Inside a zone from this share of a parcel (%)</source>
            <translation>Dans une zone à partir de cette part (%)</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="155" />
            <source>Parcels with tenure, constraint areas and flags</source>
            <translation>Parcelles avec tenure, surfaces sous contrainte et signalements</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="157" />
            <source>Summary: tenure x constraint</source>
            <translation>Synthèse : tenure x contrainte</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="158" />
            <source>SDG 1.4.2 spatial proxies</source>
            <translation>Indicateurs spatiaux approchés de l'ODD 1.4.2</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="159" />
            <source>Intersection pieces</source>
            <translation>Morceaux d'intersection</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="161" />
            <source>Parcels read</source>
            <translation>Parcelles lues</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="162" />
            <source>Tenure values not mapped (unknown)</source>
            <translation>Valeurs de tenure sans correspondance (inconnues)</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="236" />
            <source>Parcels with tenure</source>
            <translation>Parcelles avec tenure</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="289" />
            <source>Parcel code field detected: {name} ({origin}); the intersection pieces carry it.</source>
            <translation>Champ du code parcellaire détecté : {name} ({origin}) ; les morceaux d'intersection le portent.</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="306" />
            <source>{n} parcels; NULL tenure: {m} (unknown).</source>
            <translation>{n} parcelles ; tenure NULL : {m} (inconnue).</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="353" />
            <source>Population from {layer}: {total:,.0f} in parcels, {lost:,.0f} outside every parcel.</source>
            <translation>Population d'après {layer} : {total:,.0f} dans les parcelles, {lost:,.0f} hors de toute parcelle.</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="271" />
            <source>Parcels read with pyogrio from {path}.</source>
            <translation>Parcelles lues avec pyogrio depuis {path}.</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="284" />
            <source>Parcel code field: {name}.</source>
            <translation>Champ du code parcellaire : {name}.</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="304" />
            <source>Tenure values with no class, counted as unknown: {values}.</source>
            <translation>Valeurs de tenure sans classe, comptées comme inconnues : {values}.</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="381" />
            <source>{n} parcels lie in no territory (territory NULL).</source>
            <translation>{n} parcelles ne sont dans aucun territoire (territoire NULL).</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="145" />
            <source>Growth fronts (growth buffers, rings)</source>
            <translation>Fronts de croissance (tampons de croissance, anneaux)</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="145" />
            <source>Hazard zones (flood...)</source>
            <translation>Zones d'aléa (inondation...)</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="145" />
            <source>Protected areas</source>
            <translation>Espaces protégés</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="145" />
            <source>Agricultural land</source>
            <translation>Terres agricoles</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="145" />
            <source>Zoning (classes from the class field)</source>
            <translation>Zonage (classes tirées du champ de classe)</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="184" />
            <source>{role}: {layer}, {n} zones.</source>
            <translation>{role} : {layer}, {n} zones.</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="282" />
            <source>The parcel code field '{name}' is not in the parcel layer.</source>
            <translation>Le champ du code parcellaire '{name}' n'est pas dans la couche des parcelles.</translation>
        </message>
        <message>
            <location filename="../processing/land_tenure.py" line="180" />
            <source>{layer}: {kept} of {n} features are growth fronts (role {roles}).</source>
            <translation>{layer} : {kept} entités sur {n} sont des fronts de croissance (rôle {roles}).</translation>
        </message>
        <message>
            <location filename="../processing/provider.py" line="50" />
            <source>Alliance of Territories: territorial intelligence</source>
            <translation>Alliance des territoires : intelligence territoriale</translation>
        </message>
        <message>
            <location filename="../processing/provider.py" line="128" />
            <source>Territorial diagnosis from flows</source>
            <translation>Diagnostic territorial à partir des flux</translation>
        </message>
        <message>
            <location filename="../processing/provider.py" line="128" />
            <source>Models</source>
            <translation>Modèles</translation>
        </message>
        <message>
            <location filename="../processing/provider.py" line="129" />
            <source>Territorial diagnosis from flows: flow dependencies, attraction areas (INSEE method), dominant flows, flow regions (Louvain), the recommendations scorecard and the territorial report (HTML and PDF, with maps), in one run. The help button opens the method notes.</source>
            <translation>Diagnostic territorial à partir des flux : dépendances de flux, aires d'attraction (méthode INSEE), flux dominants, régions de flux (Louvain), tableau de bord des recommandations et rapport territorial (HTML et PDF, avec cartes), en une seule exécution. Le bouton d'aide ouvre les notes de méthode.</translation>
        </message>
        <message>
            <location filename="../processing/provider.py" line="131" />
            <location filename="../processing/territorial_report.py" line="52" />
            <source>Territory name field</source>
            <translation>Champ du nom des territoires</translation>
        </message>
        <message>
            <location filename="../processing/provider.py" line="135" />
            <source>Territory of the report (empty: atlas of all)</source>
            <translation>Territoire du rapport (vide : atlas de tous)</translation>
        </message>
        <message>
            <location filename="../processing/provider.py" line="136" />
            <source>Dependencies</source>
            <translation>Dépendances</translation>
        </message>
        <message>
            <location filename="../processing/provider.py" line="137" />
            <source>Attraction areas</source>
            <translation>Aires d'attraction</translation>
        </message>
        <message>
            <location filename="../processing/provider.py" line="138" />
            <location filename="../processing/styling/names.py" line="16" />
            <source>Flow regions</source>
            <translation>Régions de flux</translation>
        </message>
        <message>
            <location filename="../processing/provider.py" line="138" />
            <source>Scorecard</source>
            <translation>Tableau de bord</translation>
        </message>
        <message>
            <location filename="../processing/provider.py" line="139" />
            <source>Scorecard (HTML)</source>
            <translation>Tableau de bord (HTML)</translation>
        </message>
        <message>
            <location filename="../processing/provider.py" line="140" />
            <source>Territorial report (HTML)</source>
            <translation>Rapport territorial (HTML)</translation>
        </message>
        <message>
            <location filename="../processing/provider.py" line="141" />
            <source>Territorial report (PDF)</source>
            <translation>Rapport territorial (PDF)</translation>
        </message>
        <message>
            <location filename="../processing/provider.py" line="142" />
            <source>Territorial diagnosis with resources</source>
            <translation>Diagnostic territorial avec les ressources</translation>
        </message>
        <message>
            <location filename="../processing/provider.py" line="142" />
            <source>Territorial diagnosis with resources: the territorial diagnosis from flows (flow dependencies, attraction areas, dominant flows, flow regions, scorecard, report) and the resource balances of the territories (self-sufficiency, import dependency, local sourcing, resource-sheds) from a table of resource values, in one run.</source>
            <translation>Diagnostic territorial avec les ressources : le diagnostic territorial à partir des flux (dépendances de flux, aires d'attraction, flux dominants, régions de flux, tableau de bord, rapport) et les bilans de ressources des territoires (autosuffisance, dépendance aux importations, approvisionnement local, bassins d'approvisionnement) à partir d'une table de valeurs par ressource, en une seule exécution.</translation>
        </message>
        <message>
            <location filename="../processing/provider.py" line="144" />
            <source>Resource values (territory, resource, production, consumption, unit)</source>
            <translation>Valeurs par ressource (territoire, ressource, production, consommation, unité)</translation>
        </message>
        <message>
            <location filename="../processing/provider.py" line="145" />
            <location filename="../processing/resource_balance.py" line="95" />
            <source>Territories with resource indicators</source>
            <translation>Territoires avec les indicateurs de ressources</translation>
        </message>
        <message>
            <location filename="../processing/provider.py" line="146" />
            <source>Resource balances</source>
            <translation>Bilans de ressources</translation>
        </message>
        <message>
            <location filename="../processing/provider.py" line="146" />
            <location filename="../processing/styling/names.py" line="24" />
            <source>Resource-sheds</source>
            <translation>Bassins d'approvisionnement</translation>
        </message>
        <message>
            <location filename="../processing/provider.py" line="71" />
            <source>Could not read the model {path}</source>
            <translation>Impossible de lire le modèle {path}</translation>
        </message>
        <message>
            <location filename="../processing/reciprocity.py" line="46" />
            <location filename="../processing/report/pdf.py" line="103" />
            <location filename="../processing/report/pdf.py" line="104" />
            <location filename="../processing/report/reciprocity.py" line="134" />
            <source>Reciprocity between classes of territories</source>
            <translation>Réciprocité entre classes de territoires</translation>
        </message>
        <message>
            <location filename="../processing/reciprocity.py" line="49" />
            <source>What each class of territories (urban, peri-urban, rural...) provides to the others, per flow type, and a reciprocity index of each pair of classes.</source>
            <translation>Ce que chaque classe de territoires (urbain, périurbain, rural...) apporte aux autres, par type de flux, et un indice de réciprocité de chaque couple de classes.</translation>
        </message>
        <message>
            <location filename="../processing/reciprocity.py" line="53" />
            <source>&lt;p&gt;Territories grouped into classes (any class field: the degree of urbanisation of alliance:degurba, the role in a functional urban area or an INSEE attraction area, or your own classes) and flows of several types: what each class provides to the others.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Direction of each type&lt;/b&gt;: a flow origin -&gt; destination is read as &lt;i&gt;the origin provides to the destination&lt;/i&gt; (food, water, energy, materials shipped), except for the types listed as provided by the destination, where people travel to what is provided: commuting (workers go from home to their jobs: the destination provides the jobs) and services (people travel to the service). By default: the commuting types (commuting, navettes, domicile-travail, mobpro, work...), home-work and services; types are compared case aside. Flows inside a class and flows with an end without class are left out (counted).&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Class x class x type&lt;/b&gt; table, for each ordered pair of classes (A, B) and type, each type in its own unit: &lt;b&gt;provided_ab&lt;/b&gt; (what A provides to B), &lt;b&gt;provided_ba&lt;/b&gt;, &lt;b&gt;balance&lt;/b&gt; = provided_ab - provided_ba, &lt;b&gt;share_a&lt;/b&gt; = provided_ab / (provided_ab + provided_ba), NULL when both are 0.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Pairs of classes&lt;/b&gt;: &lt;b&gt;types_a_provides&lt;/b&gt; (types with share_a above 0.5), &lt;b&gt;types_b_provides&lt;/b&gt; (below 0.5), &lt;b&gt;n_types&lt;/b&gt; the types exchanged, and our &lt;b&gt;reciprocity&lt;/b&gt; index (not an official one): R = 1 - |2 x mean(share_a) - 1| over the types exchanged. Each type counts once as a share in its own unit, so tonnes and commuters are never added: R = 1 when, on average over the types, each side provides as much as it receives (the rural class gives food, the city gives jobs); R = 0 when one side provides everything of every type.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Territories&lt;/b&gt; (their own fields kept): &lt;b&gt;class&lt;/b&gt;; &lt;b&gt;gives&lt;/b&gt; and &lt;b&gt;receives&lt;/b&gt;, the types it provides to other classes more than it receives from them, and the reverse; &lt;b&gt;net_contribution&lt;/b&gt; = mean over the types it exchanges of (gives - receives) / (gives + receives), from -1 (only receives) to 1 (only gives), NULL without exchange; &lt;b&gt;n_types&lt;/b&gt;; &lt;b&gt;partner_class&lt;/b&gt;, the class its class exchanges most with (the largest sum over types of its share of the class's exchanges of that type; ties to the first class in text order), and the &lt;b&gt;reciprocity&lt;/b&gt; of that pair. The contributions table gives, per territory and type, &lt;b&gt;gives_to_other_classes&lt;/b&gt;, &lt;b&gt;receives_from_other_classes&lt;/b&gt; and &lt;b&gt;net&lt;/b&gt; in the type's unit.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Lines&lt;/b&gt; between class centroids (the mean of the member territories' inner points), one per ordered pair of classes and type with something provided: &lt;b&gt;class_a&lt;/b&gt; provides &lt;b&gt;provided_ab&lt;/b&gt; of &lt;b&gt;flow_type&lt;/b&gt; to &lt;b&gt;class_b&lt;/b&gt;.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Flows&lt;/b&gt;: a table or layer loaded in QGIS, or a CSV file (delimiter, UTF-8/BOM/cp1252 and decimal commas detected; codes always read as text, so 01004 keeps its zero). Fields are detected from their names when left empty, including INSEE's commuting files (CODGEO/DCLT/NBFLUX_C20_ACTOCC15P, or COMMUNE/DCLT/IPONDI summed per pair). Rows repeating a pair and type are summed with a warning; missing or negative volumes stop the run and name the rows; codes that match no territory are counted, listed and left out.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Des territoires regroupés en classes (tout champ de classe : le degré d'urbanisation d'alliance:degurba, le rôle dans une aire urbaine fonctionnelle ou une aire d'attraction des villes INSEE, ou vos propres classes) et des flux de plusieurs types : ce que chaque classe apporte aux autres.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Sens de chaque type&lt;/b&gt; : un flux origine -&gt; destination se lit &lt;i&gt;l'origine apporte à la destination&lt;/i&gt; (alimentation, eau, énergie, matériaux expédiés), sauf pour les types listés comme apportés par la destination, où les personnes se déplacent vers ce qui est apporté : les navettes domicile-travail (les actifs vont de leur domicile à leur emploi : la destination apporte les emplois) et les services (les personnes se rendent au service). Par défaut : les types de navettes (commuting, navettes, domicile-travail, mobpro, work...), home-work et services ; les types sont comparés sans tenir compte de la casse. Les flux internes à une classe et les flux dont une extrémité n'a pas de classe sont écartés (comptés).&lt;/p&gt;
&lt;p&gt;Table &lt;b&gt;classe x classe x type&lt;/b&gt;, pour chaque couple ordonné de classes (A, B) et chaque type, chaque type dans son unité : &lt;b&gt;provided_ab&lt;/b&gt; (ce que A apporte à B), &lt;b&gt;provided_ba&lt;/b&gt;, &lt;b&gt;balance&lt;/b&gt; = provided_ab - provided_ba, &lt;b&gt;share_a&lt;/b&gt; = provided_ab / (provided_ab + provided_ba), NULL quand les deux sont nuls.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Couples de classes&lt;/b&gt; : &lt;b&gt;types_a_provides&lt;/b&gt; (les types dont share_a dépasse 0,5), &lt;b&gt;types_b_provides&lt;/b&gt; (en dessous de 0,5), &lt;b&gt;n_types&lt;/b&gt;, les types échangés, et notre indice de &lt;b&gt;reciprocity&lt;/b&gt; (réciprocité ; ce n'est pas un indice officiel) : R = 1 - |2 x moyenne(share_a) - 1| sur les types échangés. Chaque type compte une fois, comme une part dans son unité, de sorte que tonnes et navetteurs ne sont jamais additionnés : R = 1 quand, en moyenne sur les types, chaque côté apporte autant qu'il reçoit (la classe rurale donne l'alimentation, la ville donne les emplois) ; R = 0 quand un côté apporte tout de chaque type.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Territoires&lt;/b&gt; (leurs propres champs conservés) : &lt;b&gt;class&lt;/b&gt; ; &lt;b&gt;gives&lt;/b&gt; et &lt;b&gt;receives&lt;/b&gt;, les types qu'il apporte aux autres classes plus qu'il n'en reçoit, et l'inverse ; &lt;b&gt;net_contribution&lt;/b&gt; = moyenne sur les types qu'il échange de (donné - reçu) / (donné + reçu), de -1 (ne fait que recevoir) à 1 (ne fait que donner), NULL sans échange ; &lt;b&gt;n_types&lt;/b&gt; ; &lt;b&gt;partner_class&lt;/b&gt;, la classe avec laquelle sa classe échange le plus (la plus grande somme sur les types de sa part des échanges de ce type de la classe ; ex aequo : la première classe dans l'ordre du texte), et la &lt;b&gt;reciprocity&lt;/b&gt; de ce couple. La table des contributions donne, par territoire et type, &lt;b&gt;gives_to_other_classes&lt;/b&gt;, &lt;b&gt;receives_from_other_classes&lt;/b&gt; et &lt;b&gt;net&lt;/b&gt; dans l'unité du type.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Lignes&lt;/b&gt; entre les centroïdes des classes (la moyenne des points intérieurs des territoires membres), une par couple ordonné de classes et type avec un apport : &lt;b&gt;class_a&lt;/b&gt; apporte &lt;b&gt;provided_ab&lt;/b&gt; de &lt;b&gt;flow_type&lt;/b&gt; à &lt;b&gt;class_b&lt;/b&gt;.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Flux&lt;/b&gt; : une table ou une couche chargée dans QGIS, ou un fichier CSV (délimiteur, UTF-8/BOM/cp1252 et virgules décimales détectés ; codes toujours lus comme du texte, donc 01004 garde son zéro). Les champs sont détectés d'après leur nom quand ils sont laissés vides, y compris dans les fichiers de navettes domicile-travail de l'INSEE (CODGEO/DCLT/NBFLUX_C20_ACTOCC15P, ou COMMUNE/DCLT/IPONDI sommé par couple). Les lignes qui répètent un couple et un type sont sommées avec un avertissement ; des volumes manquants ou négatifs arrêtent le traitement et les lignes sont citées ; les codes qui ne correspondent à aucun territoire sont comptés, listés et écartés.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/reciprocity.py" line="58" />
            <source>Class field (degree of urbanisation, functional area role...)</source>
            <translation>Champ de classe (degré d'urbanisation, rôle dans l'aire fonctionnelle...)</translation>
        </message>
        <message>
            <location filename="../processing/reciprocity.py" line="62" />
            <source>Flow types provided by the destination (comma-separated)</source>
            <translation>Types de flux apportés par la destination (séparés par des virgules)</translation>
        </message>
        <message>
            <location filename="../processing/reciprocity.py" line="65" />
            <source>Territories with their contribution</source>
            <translation>Territoires avec leur contribution</translation>
        </message>
        <message>
            <location filename="../processing/reciprocity.py" line="67" />
            <location filename="../processing/styling/names.py" line="26" />
            <source>Reciprocity: class x class x flow type</source>
            <translation>Réciprocité : classe x classe x type de flux</translation>
        </message>
        <message>
            <location filename="../processing/reciprocity.py" line="69" />
            <location filename="../processing/styling/names.py" line="27" />
            <source>Reciprocity of each pair of classes</source>
            <translation>Réciprocité de chaque paire de classes</translation>
        </message>
        <message>
            <location filename="../processing/reciprocity.py" line="71" />
            <source>Contributions per territory and flow type</source>
            <translation>Contributions par territoire et type de flux</translation>
        </message>
        <message>
            <location filename="../processing/reciprocity.py" line="74" />
            <source>Lines between class centroids</source>
            <translation>Lignes entre les centroïdes des classes</translation>
        </message>
        <message>
            <location filename="../processing/reciprocity.py" line="77" />
            <source>Flow rows with an end without class</source>
            <translation>Lignes de flux dont une extrémité n'a pas de classe</translation>
        </message>
        <message>
            <location filename="../processing/reciprocity.py" line="99" />
            <source>Flow types read as provided by the destination: {types}; every other type is provided by the origin.</source>
            <translation>Types de flux lus comme apportés par la destination : {types} ; tous les autres types sont apportés par l'origine.</translation>
        </message>
        <message>
            <location filename="../processing/reciprocity.py" line="129" />
            <source>{classes} classes, {pairs} pairs of classes exchanging, {types} flow types.</source>
            <translation>{classes} classes, {pairs} couples de classes en échange, {types} types de flux.</translation>
        </message>
        <message>
            <location filename="../processing/reciprocity.py" line="97" />
            <source>{rows} flow rows have an end whose territory has no class: they are left out.</source>
            <translation>{rows} lignes de flux ont une extrémité dont le territoire n'a pas de classe : elles sont écartées.</translation>
        </message>
        <message>
            <location filename="../processing/report/content.py" line="195" />
            <source>How to read the statuses: each rule reads one indicator of our algorithms and compares it with thresholds; the status says where to act first (priority), what to follow (watch) and what works (strong). When the data cannot measure an indicator, the status is 'not measurable' and the reason is given: it is never counted as a problem. When several rules speak to one recommendation, the most urgent status is shown. The thresholds are defaults; those that come from an official definition name it, the others are ours. The rules:</source>
            <translation>Comment lire les statuts : chaque règle lit un indicateur de nos algorithmes et le compare à des seuils ; le statut dit où agir d'abord (prioritaire), ce qu'il faut suivre (à surveiller) et ce qui fonctionne (solide). Quand les données ne permettent pas de mesurer un indicateur, le statut est « non mesurable » et la raison est donnée : ce n'est jamais compté comme un problème. Quand plusieurs règles portent sur une recommandation, le statut le plus urgent est retenu. Les seuils sont des valeurs par défaut ; ceux qui viennent d'une définition officielle la citent, les autres sont les nôtres. Les règles :</translation>
        </message>
        <message>
            <location filename="../processing/report/content.py" line="67" />
            <source>{indicator}: {value} ({status})</source>
            <translation>{indicator} : {value} ({status})</translation>
        </message>
        <message>
            <location filename="../processing/report/content.py" line="105" />
            <location filename="../processing/report/content.py" line="112" />
            <location filename="../processing/report/content.py" line="117" />
            <source>The territory</source>
            <translation>Le territoire</translation>
        </message>
        <message>
            <location filename="../processing/report/content.py" line="108" />
            <source>Main flows to and from the territory</source>
            <translation>Principaux flux depuis et vers le territoire</translation>
        </message>
        <message>
            <location filename="../processing/report/content.py" line="109" />
            <source>Location of the territory</source>
            <translation>Situation du territoire</translation>
        </message>
        <message>
            <location filename="../processing/report/content.py" line="182" />
            <source>Flows</source>
            <translation>Flux</translation>
        </message>
        <message>
            <location filename="../processing/report/content.py" line="62" />
            <source>{indicator}: {status}</source>
            <translation>{indicator} : {status}</translation>
        </message>
        <message>
            <location filename="../processing/report/content.py" line="69" />
            <source>{evidence}; rule: {rule}</source>
            <translation>{evidence} ; règle : {rule}</translation>
        </message>
        <message>
            <location filename="../processing/report/content.py" line="145" />
            <source>The flow lines have no origin, destination and volume fields: the map of the main flows is left out.</source>
            <translation>Les lignes de flux n'ont pas de champs origine, destination et volume : la carte des principaux flux est omise.</translation>
        </message>
        <message>
            <location filename="../processing/report/content.py" line="180" />
            <source>Indicators</source>
            <translation>Indicateurs</translation>
        </message>
        <message>
            <location filename="../processing/report/content.py" line="84" />
            <source>No evidence yet. What would add it: {what}</source>
            <translation>Aucune mesure pour l'instant. Ce qui en apporterait : {what}</translation>
        </message>
        <message>
            <location filename="../processing/report/html_page.py" line="36" />
            <location filename="../processing/report/pdf.py" line="67" />
            <location filename="../processing/territorial_report.py" line="36" />
            <source>Territorial report</source>
            <translation>Rapport territorial</translation>
        </message>
        <message>
            <location filename="../processing/report/html_page.py" line="46" />
            <source>How to read this report</source>
            <translation>Comment lire ce rapport</translation>
        </message>
        <message>
            <location filename="../processing/report/html_page.py" line="92" />
            <location filename="../processing/report/pdf.py" line="109" />
            <location filename="../processing/report/pdf.py" line="110" />
            <source>Data sources and parameters</source>
            <translation>Sources des données et paramètres</translation>
        </message>
        <message>
            <location filename="../processing/report/html_page.py" line="93" />
            <source>Data</source>
            <translation>Données</translation>
        </message>
        <message>
            <location filename="../processing/report/html_page.py" line="94" />
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <location filename="../processing/report/html_page.py" line="94" />
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../processing/report/html_page.py" line="95" />
            <source>Fields used</source>
            <translation>Champs utilisés</translation>
        </message>
        <message>
            <location filename="../processing/report/html_page.py" line="96" />
            <source>Parameters</source>
            <translation>Paramètres</translation>
        </message>
        <message>
            <location filename="../processing/report/html_page.py" line="103" />
            <source>The method notes of every algorithm (help shipped with the plugin)</source>
            <translation>Les notes de méthode de chaque algorithme (aide fournie avec l'extension)</translation>
        </message>
        <message>
            <location filename="../processing/report/html_page.py" line="56" />
            <location filename="../processing/report/pdf.py" line="89" />
            <source>The 8 recommendations</source>
            <translation>Les 8 recommandations</translation>
        </message>
        <message>
            <location filename="../processing/report/html_page.py" line="57" />
            <source>Recommendation</source>
            <translation>Recommandation</translation>
        </message>
        <message>
            <location filename="../processing/report/html_page.py" line="59" />
            <source>What the data say</source>
            <translation>Ce que disent les données</translation>
        </message>
        <message>
            <location filename="../processing/report/html_page.py" line="60" />
            <source>Evidence</source>
            <translation>Éléments mesurés</translation>
        </message>
        <message>
            <location filename="../processing/report/html_page.py" line="71" />
            <source>Statuses</source>
            <translation>Statuts</translation>
        </message>
        <message>
            <location filename="../processing/report/html_page.py" line="72" />
            <location filename="../processing/report/html_page.py" line="74" />
            <source>Number of recommendations per status</source>
            <translation>Nombre de recommandations par statut</translation>
        </message>
        <message>
            <location filename="../processing/report/html_page.py" line="75" />
            <source>Maps</source>
            <translation>Cartes</translation>
        </message>
        <message>
            <location filename="../processing/report/html_page.py" line="45" />
            <source>Written on {date}; {n} territories.</source>
            <translation>Rédigé le {date} ; {n} territoire(s).</translation>
        </message>
        <message>
            <location filename="../processing/report/html_page.py" line="81" />
            <source>All territories, this one in black</source>
            <translation>Tous les territoires, celui-ci en noir</translation>
        </message>
        <message>
            <location filename="../processing/report/inputs.py" line="91" />
            <source>{layer}: {fields}.</source>
            <translation>{layer} : {fields}.</translation>
        </message>
        <message>
            <location filename="../processing/report/inputs.py" line="97" />
            <source>None of our indicator fields was found ({fields}): give the outputs of our algorithms as territories or indicator layers.</source>
            <translation>Aucun de nos champs d'indicateurs n'a été trouvé ({fields}) : fournissez les sorties de nos algorithmes comme territoires ou comme couches d'indicateurs.</translation>
        </message>
        <message>
            <location filename="../processing/report/inputs.py" line="104" />
            <source>{rule}: not measurable for {n} territories: {reason}.</source>
            <translation>{rule} : non mesurable pour {n} territoires : {reason}.</translation>
        </message>
        <message>
            <location filename="../processing/report/inputs.py" line="36" />
            <source>Indicator layers (same code field)</source>
            <translation>Couches d'indicateurs (même champ de code)</translation>
        </message>
        <message>
            <location filename="../processing/report/inputs.py" line="83" />
            <source>{layer} has no field '{field}': left out.</source>
            <translation>{layer} n'a pas de champ '{field}' : écartée.</translation>
        </message>
        <message>
            <location filename="../processing/report/maps.py" line="84" />
            <source>Other territories (no value)</source>
            <translation>Autres territoires (sans valeur)</translation>
        </message>
        <message>
            <location filename="../processing/report/maps.py" line="199" />
            <source>Main flows</source>
            <translation>Principaux flux</translation>
        </message>
        <message>
            <location filename="../processing/report/maps.py" line="217" />
            <source>Largest outflows (width: volume)</source>
            <translation>Plus gros flux sortants (épaisseur : volume)</translation>
        </message>
        <message>
            <location filename="../processing/report/maps.py" line="218" />
            <source>Largest inflows (width: volume)</source>
            <translation>Plus gros flux entrants (épaisseur : volume)</translation>
        </message>
        <message>
            <location filename="../processing/report/maps.py" line="75" />
            <source>{recommendations}: {indicator}</source>
            <translation>{recommendations} : {indicator}</translation>
        </message>
        <message>
            <location filename="../processing/report/pdf.py" line="97" />
            <source>Maps of the indicators</source>
            <translation>Cartes des indicateurs</translation>
        </message>
        <message>
            <location filename="../processing/report/pdf.py" line="118" />
            <source>The method notes of every algorithm: {path}</source>
            <translation>Les notes de méthode de chaque algorithme : {path}</translation>
        </message>
        <message>
            <location filename="../processing/report/pdf.py" line="58" />
            <source>Could not write the PDF report {path} (error {code}).</source>
            <translation>Impossible d'écrire le rapport PDF {path} (erreur {code}).</translation>
        </message>
        <message>
            <location filename="../processing/report/pdf.py" line="77" />
            <source>Territorial report, {date}. Statuses: {p} priority, {w} watch, {s} strong, {n} not measurable, {e} without evidence.</source>
            <translation>Rapport territorial, {date}. Statuts : {p} prioritaire(s), {w} à surveiller, {s} solide(s), {n} non mesurable(s), {e} sans mesure.</translation>
        </message>
        <message>
            <location filename="../processing/report/pdf.py" line="113" />
            <source>Source: {path}
Date: {date}
Fields used: {fields}
Parameters: {params}</source>
            <translation>Source : {path}
Date : {date}
Champs utilisés : {fields}
Paramètres : {params}</translation>
        </message>
        <message>
            <location filename="../processing/report/reciprocity.py" line="73" />
            <source>Reciprocity index (ours, not an official one): R = 1 - |2 x mean share - 1|, where each flow type counts once, as the share of the pair's exchanges of that type the first class provides, in the type's own unit: 100 % when, on average over the types, each side provides as much as it receives; 0 % when one side provides everything of every type.</source>
            <translation>Indice de réciprocité (le nôtre, non officiel) : R = 1 - |2 x part moyenne - 1|, où chaque type de flux compte une fois, comme la part des échanges de ce type de la paire fournie par la première classe, dans l'unité propre du type : 100 % quand, en moyenne sur les types, chaque côté fournit autant qu'il reçoit ; 0 % quand un côté fournit tout de chaque type.</translation>
        </message>
        <message>
            <location filename="../processing/report/reciprocity.py" line="114" />
            <source>{a} and {b}: reciprocity {r}</source>
            <translation>{a} et {b} : réciprocité {r}</translation>
        </message>
        <message>
            <location filename="../processing/report/reciprocity.py" line="120" />
            <source>{a} provides: {types}</source>
            <translation>{a} fournit : {types}</translation>
        </message>
        <message>
            <location filename="../processing/report/reciprocity.py" line="121" />
            <source>{b} provides: {types}</source>
            <translation>{b} fournit : {types}</translation>
        </message>
        <message>
            <location filename="../processing/report/reciprocity.py" line="146" />
            <source>Share provided by {a} (blue) and by {b} (orange), per flow type</source>
            <translation>Part fournie par {a} (bleu) et par {b} (orange), par type de flux</translation>
        </message>
        <message>
            <location filename="../processing/report/reciprocity.py" line="123" />
            <source>{type}: {a} provides {ab} to {b}, {b} provides {ba} to {a} ({share} by {a})</source>
            <translation>{type} : {a} fournit {ab} à {b}, {b} fournit {ba} à {a} ({share} par {a})</translation>
        </message>
        <message>
            <location filename="../processing/report/reciprocity.py" line="139" />
            <source>Flow type</source>
            <translation>Type de flux</translation>
        </message>
        <message>
            <location filename="../processing/report/reciprocity.py" line="139" />
            <source>{a} provides to {b}</source>
            <translation>{a} fournit à {b}</translation>
        </message>
        <message>
            <location filename="../processing/report/reciprocity.py" line="140" />
            <source>{b} provides to {a}</source>
            <translation>{b} fournit à {a}</translation>
        </message>
        <message>
            <location filename="../processing/report/reciprocity.py" line="141" />
            <source>Share provided by {a}</source>
            <translation>Part fournie par {a}</translation>
        </message>
        <message>
            <location filename="../processing/report/words.py" line="14" />
            <source>no evidence</source>
            <translation>aucune mesure</translation>
        </message>
        <message>
            <location filename="../processing/report/words.py" line="59" />
            <source>Territory {code}</source>
            <translation>Territoire {code}</translation>
        </message>
        <message>
            <location filename="../processing/resource_balance.py" line="52" />
            <source>Resource balances and resource-sheds</source>
            <translation>Bilans de ressources et bassins d'approvisionnement</translation>
        </message>
        <message>
            <location filename="../processing/resource_balance.py" line="55" />
            <source>Production, consumption, self-sufficiency, import dependency, local sourcing and resource-sheds of territories, per resource.</source>
            <translation>Production, consommation, autosuffisance, dépendance aux importations, approvisionnement local et bassins d'approvisionnement des territoires, par ressource.</translation>
        </message>
        <message>
            <location filename="../processing/resource_balance.py" line="59" />
            <source>&lt;p&gt;Resource balances of territories (polygons or points with a code), per resource (food, water, energy, materials, waste treatment...), each in its own unit, stated by the units parameter (food=t, water=m3) or a unit column and carried into every output.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Values&lt;/b&gt;: either fields of the territories named per resource (&lt;i&gt;food: prod_food / cons_food, water: prod_water / cons_water&lt;/i&gt;) or a table of values (layer or CSV file) with one row per territory and resource (territory, resource, production, consumption, unit; names detected when the fields are left empty). Consumption may be derived: population field x per-capita rate (&lt;i&gt;food=0.5, water=55&lt;/i&gt;) for a resource without a consumption field or column. Missing, non-numeric or negative values, a territory and resource given twice, and two units for one resource stop the run and name the rows (territory and resource); rows of the table whose code is no territory are counted and left out. Territories stored in several features take the values of the first.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Per territory and resource&lt;/b&gt; (table of balances): &lt;b&gt;net&lt;/b&gt; = production - consumption; &lt;b&gt;self_sufficiency&lt;/b&gt; = production / consumption, NULL when consumption is 0 (never an infinity). With flows whose type is the resource's name (origin -&gt; destination: shipped from the origin to the destination): &lt;b&gt;inflow&lt;/b&gt; from other territories, &lt;b&gt;import_dependency&lt;/b&gt; = inflow / consumption (NULL when consumption is 0; above 1 for a territory that re-exports), &lt;b&gt;local_sourcing&lt;/b&gt; the share of the inflow from suppliers whose inner point lies within the local distance, or from the same functional area when an area field is given, &lt;b&gt;hhi&lt;/b&gt; the concentration of the suppliers (sum of their squared shares, 0 to 1), &lt;b&gt;main_supplier&lt;/b&gt; (ties to the smallest code) and &lt;b&gt;n_suppliers&lt;/b&gt;. Without inflow, local_sourcing, hhi and main_supplier are NULL; a resource whose type has no flow row has every flow field NULL.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Resource-shed&lt;/b&gt; of a territory in deficit (net &amp;lt; 0), as in foodshed studies (Peters et al. 2009; Zumkehr and Campbell 2015): the nearest territories in surplus, by straight distance between inner points (in metres), whose surpluses cover its deficit. &lt;i&gt;Independent&lt;/i&gt; rule (default): each territory in deficit takes on its own the whole surpluses of the nearest surplus territories (ties to the smallest code) until its deficit is covered; surpluses are not shared out, so two cities may count the same suppliers (a potential supply area); a deficit larger than all the surpluses has no shed. &lt;i&gt;Shared&lt;/i&gt; rule: deficits are served from the largest, each taking what is left of the surpluses, nearest first; a deficit that what is left cannot cover takes it all. &lt;b&gt;shed_radius_m&lt;/b&gt; the distance to the farthest member taken, &lt;b&gt;shed_n&lt;/b&gt; the number of members, &lt;b&gt;shed_covered&lt;/b&gt; 1 when they cover the deficit (NULL for territories not in deficit). The resource-shed lines join each territory in deficit to its members with the &lt;b&gt;distance_m&lt;/b&gt; and the &lt;b&gt;amount&lt;/b&gt; each gives (its surplus, the last one only what completes the deficit).&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Per territory&lt;/b&gt; (the territories, their own fields kept): &lt;b&gt;self_sufficiency_min&lt;/b&gt; over the resources it consumes and that &lt;b&gt;worst_resource&lt;/b&gt;, &lt;b&gt;import_dependency_max&lt;/b&gt;, &lt;b&gt;local_sourcing_min&lt;/b&gt;, &lt;b&gt;shed_radius_max_m&lt;/b&gt; (largest radius among its resource-sheds), &lt;b&gt;deficit_resources&lt;/b&gt; (comma-separated, empty when none; NULL for a territory without values) and &lt;b&gt;params&lt;/b&gt;.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Flows&lt;/b&gt;: a table or layer loaded in QGIS, or a CSV file (delimiter, UTF-8/BOM/cp1252 and decimal commas detected; codes always read as text, so 01004 keeps its zero). Fields are detected from their names when left empty, including INSEE's commuting files (CODGEO/DCLT/NBFLUX_C20_ACTOCC15P, or COMMUNE/DCLT/IPONDI summed per pair). Rows repeating a pair and type are summed with a warning; missing or negative volumes stop the run and name the rows; codes that match no territory are counted, listed and left out.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Bilans de ressources des territoires (polygones ou points avec un code), par ressource (alimentation, eau, énergie, matériaux, traitement des déchets...), chacune dans son unité, indiquée par le paramètre des unités (food=t, water=m3) ou une colonne d'unité et reportée dans chaque sortie.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Valeurs&lt;/b&gt; : soit des champs des territoires nommés par ressource (&lt;i&gt;food: prod_food / cons_food, water: prod_water / cons_water&lt;/i&gt;), soit une table de valeurs (couche ou fichier CSV) à une ligne par territoire et ressource (territoire, ressource, production, consommation, unité ; noms détectés quand les champs sont laissés vides). La consommation peut être calculée : champ de population x taux par habitant (&lt;i&gt;food=0.5, water=55&lt;/i&gt;) pour une ressource sans champ ni colonne de consommation. Des valeurs manquantes, non numériques ou négatives, un territoire et une ressource donnés deux fois et deux unités pour une ressource arrêtent le traitement et citent les lignes (territoire et ressource) ; les lignes de la table dont le code n'est pas un territoire sont comptées et écartées. Les territoires stockés dans plusieurs entités prennent les valeurs de la première.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Par territoire et ressource&lt;/b&gt; (table des bilans) : &lt;b&gt;net&lt;/b&gt; = production - consommation ; &lt;b&gt;self_sufficiency&lt;/b&gt; (autosuffisance) = production / consommation, NULL quand la consommation est nulle (jamais l'infini). Avec des flux dont le type est le nom de la ressource (origine -&gt; destination : expédié de l'origine vers la destination) : &lt;b&gt;inflow&lt;/b&gt;, les apports des autres territoires, &lt;b&gt;import_dependency&lt;/b&gt; (dépendance aux importations) = apports / consommation (NULL quand la consommation est nulle ; au-dessus de 1 pour un territoire qui réexporte), &lt;b&gt;local_sourcing&lt;/b&gt;, la part des apports venant de fournisseurs dont le point intérieur est à moins de la distance locale, ou de la même aire fonctionnelle quand un champ d'aire est donné, &lt;b&gt;hhi&lt;/b&gt;, la concentration des fournisseurs (somme de leurs parts au carré, de 0 à 1), &lt;b&gt;main_supplier&lt;/b&gt; (ex aequo : le plus petit code) et &lt;b&gt;n_suppliers&lt;/b&gt;. Sans apport, local_sourcing, hhi et main_supplier sont NULL ; une ressource dont le type n'a aucune ligne de flux a tous ses champs de flux NULL.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Bassin d'approvisionnement&lt;/b&gt; d'un territoire en déficit (net &amp;lt; 0), comme dans les études de foodshed (Peters et al. 2009 ; Zumkehr et Campbell 2015) : les territoires excédentaires les plus proches, en distance à vol d'oiseau entre points intérieurs (en mètres), dont les excédents couvrent son déficit. Règle &lt;i&gt;indépendante&lt;/i&gt; (par défaut) : chaque territoire en déficit prend à lui seul les excédents entiers des territoires excédentaires les plus proches (ex aequo : le plus petit code) jusqu'à couvrir son déficit ; les excédents ne sont pas répartis, deux villes peuvent donc compter les mêmes fournisseurs (une aire d'approvisionnement potentielle) ; un déficit plus grand que tous les excédents n'a pas de bassin. Règle &lt;i&gt;partagée&lt;/i&gt; : les déficits sont servis du plus grand au plus petit, chacun prenant ce qui reste des excédents, du plus proche au plus lointain ; un déficit que le reste ne peut couvrir prend tout ce reste. &lt;b&gt;shed_radius_m&lt;/b&gt;, la distance au membre pris le plus lointain, &lt;b&gt;shed_n&lt;/b&gt;, le nombre de membres, &lt;b&gt;shed_covered&lt;/b&gt;, 1 quand ils couvrent le déficit (NULL pour les territoires sans déficit). Les lignes des bassins relient chaque territoire en déficit à ses membres avec la distance &lt;b&gt;distance_m&lt;/b&gt; et la quantité &lt;b&gt;amount&lt;/b&gt; que chacun donne (son excédent, le dernier seulement ce qui complète le déficit).&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Par territoire&lt;/b&gt; (les territoires, leurs propres champs conservés) : &lt;b&gt;self_sufficiency_min&lt;/b&gt; sur les ressources qu'il consomme et cette ressource &lt;b&gt;worst_resource&lt;/b&gt;, &lt;b&gt;import_dependency_max&lt;/b&gt;, &lt;b&gt;local_sourcing_min&lt;/b&gt;, &lt;b&gt;shed_radius_max_m&lt;/b&gt; (le plus grand rayon de ses bassins), &lt;b&gt;deficit_resources&lt;/b&gt; (séparées par des virgules, vide s'il n'y en a aucune ; NULL pour un territoire sans valeurs) et &lt;b&gt;params&lt;/b&gt;.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Flux&lt;/b&gt; : une table ou une couche chargée dans QGIS, ou un fichier CSV (délimiteur, UTF-8/BOM/cp1252 et virgules décimales détectés ; codes toujours lus comme du texte, donc 01004 garde son zéro). Les champs sont détectés d'après leur nom quand ils sont laissés vides, y compris dans les fichiers de navettes domicile-travail de l'INSEE (CODGEO/DCLT/NBFLUX_C20_ACTOCC15P, ou COMMUNE/DCLT/IPONDI sommé par couple). Les lignes qui répètent un couple et un type sont sommées avec un avertissement ; des volumes manquants ou négatifs arrêtent le traitement et les lignes sont citées ; les codes qui ne correspondent à aucun territoire sont comptés, listés et écartés.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/resource_balance.py" line="64" />
            <source>Resource fields (food: production field / consumption field, ...)</source>
            <translation>Champs des ressources (food: champ de production / champ de consommation, ...)</translation>
        </message>
        <message>
            <location filename="../processing/resource_balance.py" line="67" />
            <source>Or a table of values (territory, resource, production, consumption, unit)</source>
            <translation>Ou une table de valeurs (territoire, ressource, production, consommation, unité)</translation>
        </message>
        <message>
            <location filename="../processing/resource_balance.py" line="77" />
            <source>Population field (for per-capita consumption)</source>
            <translation>Champ de population (pour la consommation par habitant)</translation>
        </message>
        <message>
            <location filename="../processing/resource_balance.py" line="80" />
            <source>Per-capita consumption rates (food=0.5, water=55)</source>
            <translation>Consommation par habitant (food=0.5, water=55)</translation>
        </message>
        <message>
            <location filename="../processing/resource_balance.py" line="82" />
            <source>Units (food=t, water=m3, energy=MWh)</source>
            <translation>Unités (food=t, water=m3, energy=MWh)</translation>
        </message>
        <message>
            <location filename="../processing/resource_balance.py" line="85" />
            <source>Local sourcing: distance (m)</source>
            <translation>Approvisionnement local : distance (m)</translation>
        </message>
        <message>
            <location filename="../processing/resource_balance.py" line="88" />
            <source>Local sourcing: functional area field (instead of the distance)</source>
            <translation>Approvisionnement local : champ d'aire fonctionnelle (au lieu de la distance)</translation>
        </message>
        <message>
            <location filename="../processing/resource_balance.py" line="91" />
            <source>Resource-shed allocation rule</source>
            <translation>Règle d'allocation des bassins d'approvisionnement</translation>
        </message>
        <message>
            <location filename="../processing/resource_balance.py" line="97" />
            <location filename="../processing/styling/names.py" line="23" />
            <source>Resource balances (territory x resource)</source>
            <translation>Bilans de ressources (territoire x ressource)</translation>
        </message>
        <message>
            <location filename="../processing/resource_balance.py" line="99" />
            <source>Resource-sheds (lines to the supplying territories)</source>
            <translation>Bassins d'approvisionnement (lignes vers les territoires fournisseurs)</translation>
        </message>
        <message>
            <location filename="../processing/resource_balance.py" line="102" />
            <source>Territory and resource pairs in deficit</source>
            <translation>Couples territoire et ressource en déficit</translation>
        </message>
        <message>
            <location filename="../processing/resource_balance.py" line="122" />
            <source>Give the resources either as fields of the territories (food: production field / consumption field, ...) or as a table of values (territory, resource, production, consumption).</source>
            <translation>Donnez les ressources soit comme champs des territoires (food: champ de production / champ de consommation, ...), soit comme table de valeurs (territoire, ressource, production, consommation).</translation>
        </message>
        <message>
            <location filename="../processing/resource_balance.py" line="75" />
            <source>Table of values: territory code field</source>
            <translation>Table de valeurs : champ de code du territoire</translation>
        </message>
        <message>
            <location filename="../processing/resource_balance.py" line="75" />
            <source>Table of values: resource field</source>
            <translation>Table de valeurs : champ de la ressource</translation>
        </message>
        <message>
            <location filename="../processing/resource_balance.py" line="75" />
            <source>Table of values: production field</source>
            <translation>Table de valeurs : champ de production</translation>
        </message>
        <message>
            <location filename="../processing/resource_balance.py" line="75" />
            <source>Table of values: consumption field</source>
            <translation>Table de valeurs : champ de consommation</translation>
        </message>
        <message>
            <location filename="../processing/resource_balance.py" line="75" />
            <source>Table of values: unit field</source>
            <translation>Table de valeurs : champ d'unité</translation>
        </message>
        <message>
            <location filename="../processing/resource_balance.py" line="232" />
            <source>{rows} territory and resource pairs, {deficits} in deficit, {members} resource-shed members.</source>
            <translation>{rows} couples territoire et ressource, {deficits} en déficit, {members} membres de bassins d'approvisionnement.</translation>
        </message>
        <message>
            <location filename="../processing/resource_balance.py" line="92" />
            <source>Independent: each deficit takes the nearest surpluses</source>
            <translation>Indépendante : chaque déficit prend les excédents les plus proches</translation>
        </message>
        <message>
            <location filename="../processing/resource_balance.py" line="93" />
            <source>Shared: surpluses consumed once, largest deficit first</source>
            <translation>Partagée : excédents consommés une seule fois, le plus grand déficit d'abord</translation>
        </message>
        <message>
            <location filename="../processing/resource_balance.py" line="140" />
            <source>{rows} rows of the table of values have codes that match no territory and were left out: {codes}.</source>
            <translation>{rows} lignes de la table de valeurs ont des codes qui ne correspondent à aucun territoire et ont été écartées : {codes}.</translation>
        </message>
        <message>
            <location filename="../processing/resource_balance.py" line="187" />
            <source>The field '{field}' is not in the territories.</source>
            <translation>Le champ « {field} » n'est pas dans les territoires.</translation>
        </message>
        <message>
            <location filename="../processing/resource_balance.py" line="197" />
            <source>No unit is stated for '{resource}': give it in the units parameter ({resource}=t) or a unit column.</source>
            <translation>Aucune unité n'est indiquée pour « {resource} » : donnez-la dans le paramètre des unités ({resource}=t) ou une colonne d'unité.</translation>
        </message>
        <message>
            <location filename="../processing/resource_balance.py" line="209" />
            <source>No flow row has the type of {resources}: their inflow, import dependency, local sourcing and suppliers are NULL.</source>
            <translation>Aucune ligne de flux n'a le type de {resources} : leurs apports, dépendance aux importations, approvisionnement local et fournisseurs sont NULL.</translation>
        </message>
        <message>
            <location filename="../processing/resource_balance.py" line="213" />
            <source>Flow types that are no resource were left out: {types}.</source>
            <translation>Les types de flux qui ne sont pas des ressources ont été écartés : {types}.</translation>
        </message>
        <message>
            <location filename="../processing/scorecard.py" line="33" />
            <location filename="../processing/scorecard.py" line="107" />
            <source>Recommendations scorecard</source>
            <translation>Tableau de bord des recommandations</translation>
        </message>
        <message>
            <location filename="../processing/scorecard.py" line="36" />
            <source>Reads the indicators of our algorithms against the 8 recommendations of the Alliance of Territories, with a status and a sentence per territory.</source>
            <translation>Lit les indicateurs de nos algorithmes au regard des 8 recommandations de l'Alliance des territoires, avec un statut et une phrase par territoire.</translation>
        </message>
        <message>
            <location filename="../processing/scorecard.py" line="46" />
            <source>&lt;p&gt;Reads the outputs of our algorithms (flow dependencies, functional areas, dominant flows, city network; given as the territories layer itself or as indicator layers sharing its code field) against the 8 recommendations of The Alliance of Territories, and gives, per territory and recommendation, a status (&lt;i&gt;priority&lt;/i&gt;, &lt;i&gt;watch&lt;/i&gt;, &lt;i&gt;strong&lt;/i&gt;, or &lt;i&gt;not measurable&lt;/i&gt; when the data cannot measure the indicator, with the reason, for example a flow table without internal flows) and the sentences that explain it. The most urgent measured status of a recommendation's rules wins. Every status names its rule, its threshold and its source (listed below); the thresholds below replace the defaults and are written in the params field. Recommendation 8 (territorial intelligence) reads the evidence base itself, our rule: strong when 6 or more of the 8 recommendations have measured evidence, watch from 3 to 5, priority from 0 to 2; its text names the layers and dates of the evidence and the algorithms and data that would complete the diagnosis. Outputs: the territories with r1_status..r8_status and r1_text..r8_text, the long scorecard table, an optional HTML page, and a one-line summary string.&lt;/p&gt;&lt;p&gt;Rules:&lt;/p&gt;</source>
            <translation>&lt;p&gt;Lit les sorties de nos algorithmes (dépendances de flux, aires fonctionnelles, flux dominants, réseau de villes ; fournies comme la couche des territoires elle-même ou comme couches d'indicateurs partageant son champ de code) au regard des 8 recommandations de l'Alliance des territoires, et donne, par territoire et par recommandation, un statut (&lt;i&gt;prioritaire&lt;/i&gt;, &lt;i&gt;à surveiller&lt;/i&gt;, &lt;i&gt;solide&lt;/i&gt;, ou &lt;i&gt;non mesurable&lt;/i&gt; quand les données ne permettent pas de mesurer l'indicateur, avec la raison, par exemple une table de flux sans flux internes) et les phrases qui l'expliquent. Le statut mesuré le plus urgent parmi les règles d'une recommandation l'emporte. Chaque statut cite sa règle, son seuil et sa source (listés ci-dessous) ; les seuils ci-dessous remplacent les valeurs par défaut et sont écrits dans le champ params. La recommandation 8 (intelligence territoriale) lit la base de connaissances elle-même, selon notre règle : solide quand au moins 6 des 8 recommandations ont une donnée mesurée, à surveiller de 3 à 5, prioritaire de 0 à 2 ; son texte cite les couches et les dates des données, et les algorithmes et données qui compléteraient le diagnostic. Sorties : les territoires avec r1_status..r8_status et r1_text..r8_text, la table détaillée du tableau de bord, une page HTML facultative et une chaîne de synthèse d'une ligne.&lt;/p&gt;&lt;p&gt;Règles :&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/scorecard.py" line="99" />
            <source>{n} territories: {p} priority, {w} watch, {s} strong, {m} not measurable (territory x recommendation).</source>
            <translation>{n} territoires : {p} prioritaire, {w} à surveiller, {s} solide, {m} non mesurable (territoire x recommandation).</translation>
        </message>
        <message>
            <location filename="../processing/scorecard.py" line="57" />
            <source>Territories with a status per recommendation</source>
            <translation>Territoires avec un statut par recommandation</translation>
        </message>
        <message>
            <location filename="../processing/scorecard.py" line="59" />
            <source>Scorecard (one row per rule)</source>
            <translation>Tableau de bord (une ligne par règle)</translation>
        </message>
        <message>
            <location filename="../processing/scorecard.py" line="60" />
            <source>Scorecard report</source>
            <translation>Rapport du tableau de bord</translation>
        </message>
        <message>
            <location filename="../processing/scorecard.py" line="60" />
            <location filename="../processing/territorial_report.py" line="60" />
            <source>HTML files (*.html)</source>
            <translation>Fichiers HTML (*.html)</translation>
        </message>
        <message>
            <location filename="../processing/scorecard.py" line="61" />
            <source>Scorecard summary</source>
            <translation>Synthèse du tableau de bord</translation>
        </message>
        <message>
            <location filename="../processing/scorecard.py" line="51" />
            <source>Dependency: watch from (% to the main partner)</source>
            <translation>Dépendance : à surveiller à partir de (% vers le partenaire principal)</translation>
        </message>
        <message>
            <location filename="../processing/scorecard.py" line="51" />
            <source>Dependency: priority from (%)</source>
            <translation>Dépendance : prioritaire à partir de (%)</translation>
        </message>
        <message>
            <location filename="../processing/scorecard.py" line="51" />
            <source>Self-containment: minimum (%)</source>
            <translation>Autocontention : minimum (%)</translation>
        </message>
        <message>
            <location filename="../processing/scorecard.py" line="51" />
            <source>Self-containment: target (%)</source>
            <translation>Autocontention : cible (%)</translation>
        </message>
        <message>
            <location filename="../processing/scorecard.py" line="88" />
            <source>Rule: {rules}</source>
            <translation>Règle : {rules}</translation>
        </message>
        <message>
            <location filename="../processing/service_access.py" line="40" />
            <source>Access to services and its inequality</source>
            <translation>Accès aux services et ses inégalités</translation>
        </message>
        <message>
            <location filename="../processing/service_access.py" line="43" />
            <source>Distance to the nearest school, clinic or market along the streets, two-step floating catchment scores, and their inequality between territories and territory classes.</source>
            <translation>Distance à l'école, au centre de santé ou au marché le plus proche par les rues, scores d'aire de chalandise flottante à deux étapes, et leur inégalité entre territoires et entre classes de territoires.</translation>
        </message>
        <message>
            <location filename="../processing/service_access.py" line="47" />
            <source>&lt;p&gt;Access to services (recommendation 7, feeding 1 and 3): how far people live from schools, clinics or markets, how much capacity each can count on, and how unequal that is between territories and between urban, peri-urban and rural areas.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Nearest facility&lt;/b&gt;: the walking distance along the street network (or the straight line) from every demand feature to the nearest facility, and the time at the walking speed. NULL when no facility can be reached.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Two-step floating catchment area&lt;/b&gt; (Luo and Wang 2003): each facility's ratio is its capacity over the population within the catchment distance, &lt;i&gt;R_j = S_j / sum P_k&lt;/i&gt;; each person's score is the sum of the ratios of the facilities within that distance, &lt;i&gt;A_i = sum R_j&lt;/i&gt;, written per 1000 inhabitants. Facilities with nobody within reach have a NULL ratio; people with no facility within reach score 0. Capacity is a field (places, beds, staff) or 1 per facility.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Inequality&lt;/b&gt;: with territories, the population-weighted mean score and mean distance of each territory (&lt;i&gt;service_score_per_1000&lt;/i&gt; and &lt;i&gt;service_distance_m&lt;/i&gt;, read by the recommendations scorecard), and their population-weighted Gini coefficient and Theil index between territories; with a class field (for example the class of alliance:degurba's local units or the role of alliance:functionalareas), the mean per class, the ratio of the highest to the lowest class mean (NULL when the lowest is 0) and the Theil index between classes (the between-class part of the total Theil). The whole area's Gini and Theil of the score between people are given too. All are numeric outputs, so a model can use them.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Accès aux services (recommandation 7, alimentant les recommandations 1 et 3) : à quelle distance les habitants vivent des écoles, des centres de santé ou des marchés, sur quelle capacité chacun peut compter, et à quel point cela est inégal entre territoires et entre zones urbaines, périurbaines et rurales.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Équipement le plus proche&lt;/b&gt; : la distance à pied le long du réseau viaire (ou à vol d'oiseau) de chaque entité de demande à l'équipement le plus proche, et le temps à la vitesse de marche. NULL quand aucun équipement ne peut être atteint.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Aire de chalandise flottante à deux étapes&lt;/b&gt; (Luo et Wang 2003) : le ratio de chaque équipement est sa capacité rapportée à la population située à moins de la distance de chalandise, &lt;i&gt;R_j = S_j / sum P_k&lt;/i&gt; ; le score de chaque personne est la somme des ratios des équipements situés à cette distance, &lt;i&gt;A_i = sum R_j&lt;/i&gt;, exprimé pour 1000 habitants. Les équipements sans personne à portée ont un ratio NULL ; les personnes sans équipement à portée ont un score de 0. La capacité est un champ (places, lits, personnel) ou vaut 1 par équipement.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Inégalité&lt;/b&gt; : avec des territoires, le score moyen et la distance moyenne de chaque territoire, pondérés par la population (&lt;i&gt;service_score_per_1000&lt;/i&gt; et &lt;i&gt;service_distance_m&lt;/i&gt;, lus par le tableau de bord des recommandations), ainsi que leur coefficient de Gini et leur indice de Theil entre territoires, pondérés par la population ; avec un champ de classe (par exemple la classe des unités locales d'alliance:degurba ou le rôle d'alliance:functionalareas), la moyenne par classe, le rapport entre la plus forte et la plus faible moyenne de classe (NULL quand la plus faible vaut 0) et l'indice de Theil entre classes (la part inter-classes du Theil total). Le Gini et le Theil du score entre personnes sur l'ensemble de la zone sont aussi fournis. Ce sont toutes des sorties numériques : un modèle peut donc les utiliser.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/service_access.py" line="47" />
            <location filename="../processing/transit_access.py" line="81" />
            <source>&lt;p&gt;&lt;b&gt;Street network&lt;/b&gt; (optional): lines, walked in both directions. Line ends closer than the topology tolerance are one junction; lines that cross without sharing a vertex are not connected (as in QGIS's network analysis). Points, stops and facilities are snapped to the nearest point of the nearest street (not to the nearest vertex) when it lies within the snap tolerance, and that straight snap distance is added to their walk. Points farther away are kept, counted in the log and in the numeric outputs, and get no access (the denominator keeps them: nobody is lost). The graph is built once per run; one multi-source shortest-path search per access distance, with a cut-off, gives every distance. A network in several disconnected parts is reported with the population sitting on parts that hold no stop or facility.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Without a network&lt;/b&gt;, distances are straight lines: every output says &lt;i&gt;euclidean proxy&lt;/i&gt; in its method field and the log says it too.&lt;/p&gt;
&lt;p&gt;Distances are in metres: a geographic CRS, one in feet, or Web Mercator is replaced by a Lambert azimuthal equal-area projection centred on the population (the log says so), into which the other layers are reprojected.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Réseau viaire&lt;/b&gt; (facultatif) : des lignes, parcourues dans les deux sens. Les extrémités de lignes plus proches que la tolérance topologique forment un seul nœud ; les lignes qui se croisent sans partager de sommet ne sont pas connectées (comme dans l'analyse de réseau de QGIS). Les points, arrêts et équipements sont accrochés au point le plus proche de la rue la plus proche (et non au sommet le plus proche) quand il se trouve dans la tolérance d'accrochage, et cette distance d'accrochage en ligne droite est ajoutée à leur trajet à pied. Les points plus éloignés sont conservés, comptés dans le journal et dans les sorties numériques, et n'ont pas d'accès (le dénominateur les garde : personne n'est perdu). Le graphe est construit une fois par exécution ; une recherche de plus courts chemins multi-sources par distance d'accès, avec une distance limite, donne toutes les distances. Un réseau en plusieurs parties déconnectées est signalé, avec la population située sur les parties qui ne contiennent aucun arrêt ni équipement.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Sans réseau&lt;/b&gt;, les distances sont à vol d'oiseau : chaque sortie indique &lt;i&gt;euclidean proxy&lt;/i&gt; dans son champ method, et le journal le signale aussi.&lt;/p&gt;
&lt;p&gt;Les distances sont en mètres : un SCR géographique, un SCR en pieds ou Web Mercator est remplacé par une projection azimutale équivalente de Lambert centrée sur la population (le journal le signale), dans laquelle les autres couches sont reprojetées.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/service_access.py" line="214" />
            <source>facility</source>
            <translation>équipement</translation>
        </message>
        <message>
            <location filename="../processing/service_access.py" line="114" />
            <source>The facilities layer has no facility with a geometry.</source>
            <translation>La couche des équipements ne contient aucun équipement avec une géométrie.</translation>
        </message>
        <message>
            <location filename="../processing/service_access.py" line="179" />
            <location filename="../processing/service_access.py" line="64" />
            <source>Population with access to services</source>
            <translation>Population et son accès aux services</translation>
        </message>
        <message>
            <location filename="../processing/service_access.py" line="230" />
            <source>No population feature lies in a territory: the Gini and Theil between territories are empty. Check that the territories cover the population.</source>
            <translation>Aucune entité de population ne se trouve dans un territoire : le Gini et le Theil entre territoires sont vides. Vérifiez que les territoires couvrent la population.</translation>
        </message>
        <message>
            <location filename="../processing/service_access.py" line="51" />
            <source>Facilities (schools, clinics, markets...)</source>
            <translation>Équipements (écoles, centres de santé, marchés...)</translation>
        </message>
        <message>
            <location filename="../processing/service_access.py" line="53" />
            <source>Facility identifier field</source>
            <translation>Champ d'identifiant des équipements</translation>
        </message>
        <message>
            <location filename="../processing/service_access.py" line="54" />
            <source>Capacity field (places, beds...)</source>
            <translation>Champ de capacité (places, lits...)</translation>
        </message>
        <message>
            <location filename="../processing/service_access.py" line="57" />
            <source>Catchment distance of the floating catchment (m)</source>
            <translation>Distance de l'aire de chalandise flottante (m)</translation>
        </message>
        <message>
            <location filename="../processing/service_access.py" line="59" />
            <source>Walking speed for times (km/h)</source>
            <translation>Vitesse de marche pour les temps (km/h)</translation>
        </message>
        <message>
            <location filename="../processing/service_access.py" line="62" />
            <source>Territory class field (urban, rural...)</source>
            <translation>Champ de classe des territoires (urbain, rural...)</translation>
        </message>
        <message>
            <location filename="../processing/service_access.py" line="65" />
            <source>Inequality of access</source>
            <translation>Inégalité d'accès</translation>
        </message>
        <message>
            <location filename="../processing/service_access.py" line="66" />
            <source>Facilities with their catchment</source>
            <translation>Équipements avec leur aire de chalandise</translation>
        </message>
        <message>
            <location filename="../processing/service_access.py" line="68" />
            <source>Territories with their access</source>
            <translation>Territoires avec leur accès</translation>
        </message>
        <message>
            <location filename="../processing/service_access.py" line="70" />
            <source>Access per territory class</source>
            <translation>Accès par classe de territoires</translation>
        </message>
        <message>
            <location filename="../processing/service_access.py" line="72" />
            <source>Mean distance to the nearest facility (m)</source>
            <translation>Distance moyenne à l'équipement le plus proche (m)</translation>
        </message>
        <message>
            <location filename="../processing/service_access.py" line="73" />
            <source>Mean floating catchment score (capacity per 1000 inhabitants)</source>
            <translation>Score moyen d'aire de chalandise flottante (capacité pour 1000 habitants)</translation>
        </message>
        <message>
            <location filename="../processing/service_access.py" line="74" />
            <source>Gini of the score between territories</source>
            <translation>Gini du score entre territoires</translation>
        </message>
        <message>
            <location filename="../processing/service_access.py" line="75" />
            <source>Theil of the score between territories</source>
            <translation>Theil du score entre territoires</translation>
        </message>
        <message>
            <location filename="../processing/service_access.py" line="76" />
            <source>Ratio of the highest to the lowest class mean score</source>
            <translation>Rapport entre le plus fort et le plus faible score moyen de classe</translation>
        </message>
        <message>
            <location filename="../processing/service_access.py" line="77" />
            <source>Theil of the score between classes</source>
            <translation>Theil du score entre classes</translation>
        </message>
        <message>
            <location filename="../processing/service_access.py" line="78" />
            <source>Gini of the distance between territories</source>
            <translation>Gini de la distance entre territoires</translation>
        </message>
        <message>
            <location filename="../processing/service_access.py" line="79" />
            <source>Theil of the distance between territories</source>
            <translation>Theil de la distance entre territoires</translation>
        </message>
        <message>
            <location filename="../processing/service_access.py" line="80" />
            <source>Ratio of the highest to the lowest class mean distance</source>
            <translation>Rapport entre la plus forte et la plus faible distance moyenne de classe</translation>
        </message>
        <message>
            <location filename="../processing/service_access.py" line="81" />
            <source>Population with no facility reachable</source>
            <translation>Population sans équipement accessible</translation>
        </message>
        <message>
            <location filename="../processing/service_access.py" line="233" />
            <source>All the population lies in one territory: the Gini and Theil between territories are 0, there is nothing to compare.</source>
            <translation>Toute la population se trouve dans un seul territoire : le Gini et le Theil entre territoires valent 0, il n'y a rien à comparer.</translation>
        </message>
        <message>
            <location filename="../processing/service_access.py" line="56" />
            <source>Demand: population (points, polygons or grid cells)</source>
            <translation>Demande : population (points, polygones ou carreaux de grille)</translation>
        </message>
        <message>
            <location filename="../processing/service_access.py" line="103" />
            <source>{n} facilities have no capacity in '{field}': they count 0.</source>
            <translation>{n} équipements n'ont pas de capacité dans '{field}' : ils comptent pour 0.</translation>
        </message>
        <message>
            <location filename="../processing/service_access.py" line="107" />
            <source>{n} facilities have a negative capacity in '{field}'.</source>
            <translation>{n} équipements ont une capacité négative dans '{field}'.</translation>
        </message>
        <message>
            <location filename="../processing/service_access.py" line="111" />
            <source>{n} facilities have no geometry: they are left out.</source>
            <translation>{n} équipements n'ont pas de géométrie : ils sont écartés.</translation>
        </message>
        <message>
            <location filename="../processing/service_access.py" line="165" />
            <source>{pop:,.0f} people reach no facility (not placed on the network, or on a part without facilities): their distance is NULL and left out of the mean distance; their score is 0.</source>
            <translation>{pop:,.0f} personnes n'atteignent aucun équipement (non placées sur le réseau, ou sur une partie sans équipement) : leur distance est NULL et exclue de la distance moyenne ; leur score vaut 0.</translation>
        </message>
        <message>
            <location filename="../processing/service_access.py" line="216" />
            <source>{n} facilities are farther than the snap tolerance from any street: nobody reaches them.</source>
            <translation>{n} équipements sont plus loin de toute rue que la tolérance d'accrochage : personne ne les atteint.</translation>
        </message>
        <message>
            <location filename="../processing/service_access.py" line="224" />
            <source>Inequality of the {indicator} across {scope}: Gini {gini}, Theil {theil}, ratio {ratio}.</source>
            <translation>Inégalité de l'indicateur {indicator} (portée {scope}) : Gini {gini}, Theil {theil}, rapport {ratio}.</translation>
        </message>
        <message>
            <location filename="../processing/service_access.py" line="236" />
            <source>Nobody in the territories has a facility within the catchment distance: every territory scores 0, so the Gini and Theil of the score are undefined and left empty. Raise the catchment distance.</source>
            <translation>Personne dans les territoires n'a d'équipement à moins de la distance de l'aire de chalandise : chaque territoire a un score de 0, le Gini et le Theil du score sont donc indéfinis et laissés vides. Augmentez la distance de l'aire de chalandise.</translation>
        </message>
        <message>
            <location filename="../processing/spatial_interaction.py" line="38" />
            <source>Spatial interaction model (gravity)</source>
            <translation>Modèle d'interaction spatiale (gravitaire)</translation>
        </message>
        <message>
            <location filename="../processing/spatial_interaction.py" line="41" />
            <source>Unconstrained, production-, attraction- or doubly-constrained gravity models with power or exponential distance decay, fitted as Poisson GLMs.</source>
            <translation>Modèles gravitaires non contraint, contraint à l'origine, contraint à la destination ou doublement contraint, avec décroissance de la distance en puissance ou exponentielle, ajustés comme GLM de Poisson.</translation>
        </message>
        <message>
            <location filename="../processing/spatial_interaction.py" line="45" />
            <source>&lt;p&gt;Fits a spatial interaction (gravity) model to the flows by Poisson maximum likelihood (recommendations 2 and 3):&lt;/p&gt;
&lt;ul&gt;&lt;li&gt;&lt;b&gt;Unconstrained&lt;/b&gt;: log T&lt;sub&gt;ij&lt;/sub&gt; = k + &amp;mu; log V&lt;sub&gt;i&lt;/sub&gt; + &amp;alpha; log W&lt;sub&gt;j&lt;/sub&gt; + &amp;beta; f(d&lt;sub&gt;ij&lt;/sub&gt;);&lt;/li&gt;
&lt;li&gt;&lt;b&gt;production-constrained&lt;/b&gt;: origin effects instead of V&lt;sub&gt;i&lt;/sub&gt; (the fitted flows keep each origin's total);&lt;/li&gt;
&lt;li&gt;&lt;b&gt;attraction-constrained&lt;/b&gt;: destination effects instead of W&lt;sub&gt;j&lt;/sub&gt;;&lt;/li&gt;
&lt;li&gt;&lt;b&gt;doubly-constrained&lt;/b&gt;: both (the fitted flows keep the origin and destination totals).&lt;/li&gt;&lt;/ul&gt;
&lt;p&gt;f(d) = log d (power decay) or d (exponential decay). Distances come from a field of the flows, or are computed between points inside the territories, in km (on the WGS84 ellipsoid for a geographic CRS, never in degrees). Masses V&lt;sub&gt;i&lt;/sub&gt; and W&lt;sub&gt;j&lt;/sub&gt; come from fields of the territories (population, jobs) or default to each territory's outflow and inflow. Only the listed pairs are modelled (a pair absent from the table is not a zero flow); flows inside a territory are left out unless asked for. The parametrisation follows PySAL's spint, whose published results on the Austrian migration data these estimates reproduce.&lt;/p&gt;
&lt;p&gt;Outputs: the parameters with standard errors (inverse Fisher information; with overdispersed flows they are too small), z and p-values; the flow lines with observed, expected, residual and Pearson residual; pseudo R2 (McFadden), SRMSE, Sorensen similarity index and AIC as numbers, and a one-line summary.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Flows&lt;/b&gt;: a table or layer loaded in QGIS, or a CSV file (delimiter, UTF-8/BOM/cp1252 and decimal commas detected; codes always read as text, so 01004 keeps its zero). Fields are detected from their names when left empty, including INSEE's commuting files (CODGEO/DCLT/NBFLUX_C20_ACTOCC15P, or COMMUNE/DCLT/IPONDI summed per pair). Rows repeating a pair and type are summed with a warning; missing or negative volumes stop the run and name the rows; codes that match no territory are counted, listed and left out.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Ajuste un modèle d'interaction spatiale (modèle gravitaire) aux flux par maximum de vraisemblance de Poisson (recommandations 2 et 3) :&lt;/p&gt;
&lt;ul&gt;&lt;li&gt;&lt;b&gt;Non contraint&lt;/b&gt; : log T&lt;sub&gt;ij&lt;/sub&gt; = k + &amp;mu; log V&lt;sub&gt;i&lt;/sub&gt; + &amp;alpha; log W&lt;sub&gt;j&lt;/sub&gt; + &amp;beta; f(d&lt;sub&gt;ij&lt;/sub&gt;) ;&lt;/li&gt;
&lt;li&gt;&lt;b&gt;contraint à l'origine&lt;/b&gt; : des effets d'origine au lieu de V&lt;sub&gt;i&lt;/sub&gt; (les flux ajustés conservent le total de chaque origine) ;&lt;/li&gt;
&lt;li&gt;&lt;b&gt;contraint à la destination&lt;/b&gt; : des effets de destination au lieu de W&lt;sub&gt;j&lt;/sub&gt; ;&lt;/li&gt;
&lt;li&gt;&lt;b&gt;doublement contraint&lt;/b&gt; : les deux (les flux ajustés conservent les totaux des origines et des destinations).&lt;/li&gt;&lt;/ul&gt;
&lt;p&gt;f(d) = log d (décroissance en puissance) ou d (décroissance exponentielle). Les distances viennent d'un champ des flux, ou sont calculées entre des points situés à l'intérieur des territoires, en km (sur l'ellipsoïde WGS84 pour un SCR géographique, jamais en degrés). Les masses V&lt;sub&gt;i&lt;/sub&gt; et W&lt;sub&gt;j&lt;/sub&gt; viennent de champs des territoires (population, emplois) ou valent par défaut le flux sortant et le flux entrant de chaque territoire. Seuls les couples listés sont modélisés (un couple absent de la table n'est pas un flux nul) ; les flux internes à un territoire sont écartés sauf demande contraire. Le paramétrage suit spint de PySAL, dont ces estimations reproduisent les résultats publiés sur les données de migration autrichiennes.&lt;/p&gt;
&lt;p&gt;Sorties : les paramètres avec leurs erreurs types (inverse de l'information de Fisher ; avec des flux surdispersés, elles sont trop petites), z et valeurs p ; les lignes de flux avec valeurs observées, attendues, résidus et résidus de Pearson ; pseudo-R2 (McFadden), SRMSE, indice de similarité de Sørensen et AIC comme nombres, et une synthèse d'une ligne.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Flux&lt;/b&gt; : une table ou une couche chargée dans QGIS, ou un fichier CSV (délimiteur, UTF-8/BOM/cp1252 et virgules décimales détectés ; codes toujours lus comme du texte, donc 01004 garde son zéro). Les champs sont détectés d'après leur nom quand ils sont laissés vides, y compris dans les fichiers de navettes domicile-travail de l'INSEE (CODGEO/DCLT/NBFLUX_C20_ACTOCC15P, ou COMMUNE/DCLT/IPONDI sommé par couple). Les lignes qui répètent un couple et un type sont sommées avec un avertissement ; des volumes manquants ou négatifs arrêtent le traitement et les lignes sont citées ; les codes qui ne correspondent à aucun territoire sont comptés, listés et écartés.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/spatial_interaction.py" line="112" />
            <source>{family} model, {decay} decay: beta = {beta:.4f}, pseudo R2 = {r2:.3f}, SRMSE = {srmse:.3f}, SSI = {ssi:.3f}, {n} pairs.</source>
            <translation>Modèle {family}, décroissance {decay} : beta = {beta:.4f}, pseudo-R2 = {r2:.3f}, SRMSE = {srmse:.3f}, SSI = {ssi:.3f}, {n} couples.</translation>
        </message>
        <message>
            <location filename="../processing/spatial_interaction.py" line="51" />
            <source>Model</source>
            <translation>Modèle</translation>
        </message>
        <message>
            <location filename="../processing/spatial_interaction.py" line="52" />
            <source>Distance decay</source>
            <translation>Décroissance avec la distance</translation>
        </message>
        <message>
            <location filename="../processing/spatial_interaction.py" line="54" />
            <source>Distance field of the flows (km)</source>
            <translation>Champ de distance des flux (km)</translation>
        </message>
        <message>
            <location filename="../processing/spatial_interaction.py" line="56" />
            <source>Origin mass field (default: outflow)</source>
            <translation>Champ de masse d'origine (défaut : sortant)</translation>
        </message>
        <message>
            <location filename="../processing/spatial_interaction.py" line="58" />
            <source>Destination mass field (default: inflow)</source>
            <translation>Champ de masse de destination (défaut : entrant)</translation>
        </message>
        <message>
            <location filename="../processing/spatial_interaction.py" line="60" />
            <source>Model the flows inside a territory too</source>
            <translation>Modéliser aussi les flux internes à un territoire</translation>
        </message>
        <message>
            <location filename="../processing/spatial_interaction.py" line="61" />
            <source>Flow lines: observed, expected, residual</source>
            <translation>Lignes de flux : observé, attendu, résidu</translation>
        </message>
        <message>
            <location filename="../processing/spatial_interaction.py" line="62" />
            <source>Model parameters</source>
            <translation>Paramètres du modèle</translation>
        </message>
        <message>
            <location filename="../processing/spatial_interaction.py" line="66" />
            <source>Summary of the fit</source>
            <translation>Synthèse de l'ajustement</translation>
        </message>
        <message>
            <location filename="../processing/spatial_interaction.py" line="132" />
            <source>Distances in km between points inside the territories ({how}).</source>
            <translation>Distances en km entre des points situés à l'intérieur des territoires ({how}).</translation>
        </message>
        <message>
            <location filename="../processing/spatial_interaction.py" line="52" />
            <source>Power (log distance)</source>
            <translation>Puissance (log de la distance)</translation>
        </message>
        <message>
            <location filename="../processing/spatial_interaction.py" line="53" />
            <source>Exponential (distance)</source>
            <translation>Exponentielle (distance)</translation>
        </message>
        <message>
            <location filename="../processing/spatial_interaction.py" line="83" />
            <source>Flow types {types} are summed.</source>
            <translation>Les types de flux {types} sont sommés.</translation>
        </message>
        <message>
            <location filename="../processing/spatial_interaction.py" line="133" />
            <source>on the WGS84 ellipsoid</source>
            <translation>sur l'ellipsoïde WGS84</translation>
        </message>
        <message>
            <location filename="../processing/spatial_interaction.py" line="133" />
            <source>planar, in the layer's CRS</source>
            <translation>planes, dans le SCR de la couche</translation>
        </message>
        <message>
            <location filename="../processing/spatial_interaction.py" line="51" />
            <source>Unconstrained</source>
            <translation>Non contraint</translation>
        </message>
        <message>
            <location filename="../processing/spatial_interaction.py" line="51" />
            <source>Production-constrained</source>
            <translation>Contraint à l'origine</translation>
        </message>
        <message>
            <location filename="../processing/spatial_interaction.py" line="51" />
            <source>Attraction-constrained</source>
            <translation>Contraint à la destination</translation>
        </message>
        <message>
            <location filename="../processing/spatial_interaction.py" line="51" />
            <source>Doubly-constrained</source>
            <translation>Doublement contraint</translation>
        </message>
        <message>
            <location filename="../processing/spatial_interaction.py" line="63" />
            <source>Distance-decay parameter beta</source>
            <translation>Paramètre de décroissance avec la distance beta</translation>
        </message>
        <message>
            <location filename="../processing/spatial_interaction.py" line="63" />
            <source>Pseudo R2 (McFadden)</source>
            <translation>Pseudo-R2 (McFadden)</translation>
        </message>
        <message>
            <location filename="../processing/spatial_interaction.py" line="63" />
            <source>SRMSE</source>
            <translation>SRMSE</translation>
        </message>
        <message>
            <location filename="../processing/spatial_interaction.py" line="63" />
            <source>Sorensen similarity index</source>
            <translation>Indice de similarité de Sørensen</translation>
        </message>
        <message>
            <location filename="../processing/spatial_interaction.py" line="63" />
            <source>AIC</source>
            <translation>AIC</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="11" />
            <source>Flow dependencies: main partner's share</source>
            <translation>Dépendances de flux : part du partenaire principal</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="13" />
            <source>Urban hierarchy (Nystuen-Dacey classes)</source>
            <translation>Hiérarchie urbaine (classes de Nystuen-Dacey)</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="15" />
            <source>Territories by flow region</source>
            <translation>Territoires par région de flux</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="18" />
            <source>Functional areas: role of each territory</source>
            <translation>Aires fonctionnelles : rôle de chaque territoire</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="20" />
            <source>Flow lines (spatial interaction)</source>
            <translation>Lignes de flux (interaction spatiale)</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="21" />
            <source>Spatial interaction: model parameters</source>
            <translation>Interaction spatiale : paramètres du modèle</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="22" />
            <source>Resource balances: lowest self-sufficiency</source>
            <translation>Bilans de ressources : autosuffisance la plus faible</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="25" />
            <source>Reciprocity: class of each territory</source>
            <translation>Réciprocité : classe de chaque territoire</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="28" />
            <source>Reciprocity: contributions per territory</source>
            <translation>Réciprocité : contributions par territoire</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="29" />
            <source>Reciprocity: what each class provides</source>
            <translation>Réciprocité : ce que fournit chaque classe</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="36" />
            <source>Pole</source>
            <translation>Pôle</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="36" />
            <source>Interdependent</source>
            <translation>Interdépendant</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="36" />
            <source>Dependent</source>
            <translation>Dépendant</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="37" />
            <source>Autonomous</source>
            <translation>Autonome</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="37" />
            <source>Isolated</source>
            <translation>Isolé</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="38" />
            <source>Dominant</source>
            <translation>Dominant</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="38" />
            <source>Intermediate</source>
            <translation>Intermédiaire</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="38" />
            <source>Dominated</source>
            <translation>Dominé</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="39" />
            <source>Independent</source>
            <translation>Indépendant</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="40" />
            <source>City core</source>
            <translation>Ville-centre</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="40" />
            <source>Commuting zone</source>
            <translation>Zone de navettage</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="40" />
            <source>Outside</source>
            <translation>Hors aire</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="41" />
            <source>Secondary pole</source>
            <translation>Pôle secondaire</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="41" />
            <source>Crown</source>
            <translation>Couronne</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="42" />
            <source>Infill</source>
            <translation>Remplissage</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="42" />
            <source>Edge expansion</source>
            <translation>Extension en frange</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="42" />
            <source>Outlying</source>
            <translation>Isolée (mitage)</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="43" />
            <source>Urban built-up</source>
            <translation>Bâti urbain</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="43" />
            <source>Suburban built-up</source>
            <translation>Bâti suburbain</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="44" />
            <source>Fringe open space</source>
            <translation>Espace ouvert de frange</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="44" />
            <source>Captured open space</source>
            <translation>Espace ouvert enclavé</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="45" />
            <source>Rural built-up</source>
            <translation>Bâti rural</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="46" />
            <source>Ratio defined</source>
            <translation>Ratio défini</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="46" />
            <source>Population stagnating</source>
            <translation>Population stable</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="47" />
            <source>Population declining</source>
            <translation>Population en baisse</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="47" />
            <source>No built-up</source>
            <translation>Pas de bâti</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="48" />
            <source>No population</source>
            <translation>Pas de population</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="48" />
            <source>Missing data</source>
            <translation>Données manquantes</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="49" />
            <source>Urban centre</source>
            <translation>Centre urbain</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="49" />
            <source>Urban cluster</source>
            <translation>Agglomération urbaine</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="50" />
            <source>Rural grid cell</source>
            <translation>Maille rurale</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="50" />
            <source>No data</source>
            <translation>Pas de donnée</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="51" />
            <source>City</source>
            <translation>Ville</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="51" />
            <source>Town and semi-dense area</source>
            <translation>Ville moyenne et zone semi-dense</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="52" />
            <source>Rural area</source>
            <translation>Zone rurale</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="53" />
            <source>Documented</source>
            <translation>Documentée</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="53" />
            <source>Public</source>
            <translation>Publique</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="53" />
            <source>Customary</source>
            <translation>Coutumière</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="54" />
            <source>Informal</source>
            <translation>Informelle</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="54" />
            <source>Unknown</source>
            <translation>Inconnue</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="55" />
            <source>Priority</source>
            <translation>Prioritaire</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="55" />
            <source>Watch</source>
            <translation>À surveiller</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="55" />
            <source>Strong</source>
            <translation>Solide</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="56" />
            <source>Not measurable</source>
            <translation>Non mesurable</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="63" />
            <location filename="../alliance_plugin/core/indicators.py" line="65" />
            <source>Role in the flow network</source>
            <translation>Rôle dans le réseau de flux</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="64" />
            <source>Place in the urban hierarchy</source>
            <translation>Place dans la hiérarchie urbaine</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="65" />
            <location filename="../alliance_plugin/core/indicators.py" line="81" />
            <source>Role in the functional urban area</source>
            <translation>Rôle dans l'aire urbaine fonctionnelle</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="66" />
            <source>Role in the catchment area</source>
            <translation>Rôle dans l'aire d'attraction</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="67" />
            <source>Growth type</source>
            <translation>Type de croissance</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="68" />
            <source>Urban extent class</source>
            <translation>Classe d'extension urbaine</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="69" />
            <source>SDG 11.3.1 ratio</source>
            <translation>Ratio ODD 11.3.1</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="70" />
            <source>Degree of urbanisation of the grid cells</source>
            <translation>Degré d'urbanisation des mailles</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="71" />
            <location filename="../alliance_plugin/core/indicators.py" line="196" />
            <location filename="../alliance_plugin/core/indicators.py" line="197" />
            <source>Degree of urbanisation</source>
            <translation>Degré d'urbanisation</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="72" />
            <location filename="../alliance_plugin/core/indicators.py" line="158" />
            <source>Tenure class</source>
            <translation>Classe de tenure foncière</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="74" />
            <location filename="../processing/styling/names.py" line="75" />
            <location filename="../alliance_plugin/core/indicators.py" line="101" />
            <location filename="../alliance_plugin/core/indicators.py" line="102" />
            <source>Flow region</source>
            <translation>Région de flux</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="76" />
            <location filename="../alliance_plugin/core/indicators.py" line="88" />
            <source>Functional area</source>
            <translation>Aire fonctionnelle</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="77" />
            <location filename="../alliance_plugin/core/indicators.py" line="152" />
            <location filename="../alliance_plugin/core/indicators.py" line="153" />
            <source>Growth ring</source>
            <translation>Anneau de croissance</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="78" />
            <location filename="../alliance_plugin/core/indicators.py" line="61" />
            <source>Main partner's share of the outflow</source>
            <translation>Part du flux sortant vers le partenaire principal</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="79" />
            <location filename="../alliance_plugin/core/indicators.py" line="70" />
            <source>Flow volume</source>
            <translation>Volume du flux</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="89" />
            <source>Class of territories (reciprocity)</source>
            <translation>Classe de territoires (réciprocité)</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="90" />
            <source>What each class provides, by flow type</source>
            <translation>Ce que fournit chaque classe, par type de flux</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="91" />
            <source>Resource-sheds: amount supplied</source>
            <translation>Bassins d'approvisionnement : quantité fournie</translation>
        </message>
        <message>
            <location filename="../processing/styling/names.py" line="106" />
            <source>Status of recommendation {n}</source>
            <translation>Statut de la recommandation {n}</translation>
        </message>
        <message>
            <location filename="../processing/styling/renderers.py" line="229" />
            <source>Yes</source>
            <translation>Oui</translation>
        </message>
        <message>
            <location filename="../processing/styling/renderers.py" line="229" />
            <source>No</source>
            <translation>Non</translation>
        </message>
        <message>
            <location filename="../processing/territorial_report.py" line="39" />
            <source>A report per territory, or an atlas of all: maps of the main flows and of each recommendation's indicator, the 8 recommendations with status, evidence and sentence, charts, the data sources, parameters and method notes, as HTML and PDF.</source>
            <translation>Un rapport par territoire, ou un atlas de tous : cartes des principaux flux et de l'indicateur de chaque recommandation, les 8 recommandations avec statut, éléments mesurés et phrase, graphiques, sources des données, paramètres et notes de méthode, en HTML et en PDF.</translation>
        </message>
        <message>
            <location filename="../processing/territorial_report.py" line="44" />
            <source>&lt;p&gt;A report for decision-makers about one territory (its code in &lt;b&gt;Territory code&lt;/b&gt;) or, when the code is left empty, an atlas of every territory in one file. For each territory: a map of its largest flows (from the flow lines of &lt;i&gt;Flow dependencies&lt;/i&gt; or from a flow table), a map per recommendation of the indicator that measures it, with the territory outlined, a legend and a scale bar, the 8 recommendations with their status (priority, watch, strong, or not measurable with the reason), the indicator values behind each status with their units and the rule applied, a chart of the statuses, and the territory's name beside its code (the name field is detected: name, nom, libelle...). At the end: the data used (layers, files, dates, fields, parameters) and the method notes in plain words.&lt;/p&gt;&lt;p&gt;The HTML page holds its images; the PDF places every map, legend, scale bar and text in fixed frames of an A4 page, and text that does not fit continues on the next page. The print layout can also be saved as a template to adjust it in QGIS. Runs from qgis_process and in models.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Un rapport pour les élus sur un territoire (son code dans &lt;b&gt;Code du territoire&lt;/b&gt;) ou, si le code est laissé vide, un atlas de tous les territoires dans un seul fichier. Pour chaque territoire : une carte de ses plus gros flux (d'après les lignes de flux de &lt;i&gt;Dépendances de flux&lt;/i&gt; ou une table de flux), une carte par recommandation de l'indicateur qui la mesure, avec le territoire entouré, une légende et une échelle, les 8 recommandations avec leur statut (prioritaire, à surveiller, solide, ou non mesurable avec la raison), les valeurs des indicateurs qui fondent chaque statut avec leurs unités et la règle appliquée, un graphique des statuts, et le nom du territoire à côté de son code (le champ de nom est détecté : name, nom, libelle…). À la fin : les données utilisées (couches, fichiers, dates, champs, paramètres) et les notes de méthode en termes simples.&lt;/p&gt;&lt;p&gt;La page HTML contient ses images ; le PDF place chaque carte, légende, échelle et texte dans des cadres fixes d'une page A4, et le texte qui ne tient pas continue sur la page suivante. La mise en page peut aussi être enregistrée comme modèle pour l'ajuster dans QGIS. Fonctionne avec qgis_process et dans les modèles.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/territorial_report.py" line="53" />
            <source>Flow lines (map of the main flows)</source>
            <translation>Lignes de flux (carte des principaux flux)</translation>
        </message>
        <message>
            <location filename="../processing/territorial_report.py" line="59" />
            <source>Territory code (empty: atlas of all)</source>
            <translation>Code du territoire (vide : atlas de tous)</translation>
        </message>
        <message>
            <location filename="../processing/territorial_report.py" line="60" />
            <source>Report (HTML)</source>
            <translation>Rapport (HTML)</translation>
        </message>
        <message>
            <location filename="../processing/territorial_report.py" line="61" />
            <source>Report (PDF)</source>
            <translation>Rapport (PDF)</translation>
        </message>
        <message>
            <location filename="../processing/territorial_report.py" line="61" />
            <source>PDF files (*.pdf)</source>
            <translation>Fichiers PDF (*.pdf)</translation>
        </message>
        <message>
            <location filename="../processing/territorial_report.py" line="62" />
            <source>Print layout template of the PDF</source>
            <translation>Modèle de mise en page du PDF</translation>
        </message>
        <message>
            <location filename="../processing/territorial_report.py" line="63" />
            <source>Layout templates (*.qpt)</source>
            <translation>Modèles de mise en page (*.qpt)</translation>
        </message>
        <message>
            <location filename="../processing/territorial_report.py" line="119" />
            <source>Report of {n} territories written to {path}.</source>
            <translation>Rapport de {n} territoires écrit dans {path}.</translation>
        </message>
        <message>
            <location filename="../processing/territorial_report.py" line="79" />
            <source>The territory '{code}' is not in the field '{field}' of the territories layer (its codes are, for example, {ids}).</source>
            <translation>Le territoire « {code} » n'est pas dans le champ « {field} » de la couche des territoires (ses codes sont par exemple {ids}).</translation>
        </message>
        <message>
            <location filename="../processing/territorial_report.py" line="87" />
            <source>Territory names: field '{field}'.</source>
            <translation>Noms des territoires : champ « {field} ».</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="74" />
            <source>Access to public transport (SDG 11.2.1)</source>
            <translation>Accès aux transports en commun (ODD 11.2.1)</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="77" />
            <source>Share of the population within walking distance of a frequently served stop, along the street network, from a stops layer or a GTFS feed; per territory and group.</source>
            <translation>Part de la population à distance à pied d'un arrêt fréquemment desservi, le long du réseau viaire, à partir d'une couche d'arrêts ou d'un flux GTFS ; par territoire et par groupe.</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="81" />
            <source>&lt;p&gt;SDG 11.2.1 (recommendation 7, feeding 1 and 3): the share of the population within walking distance of a public transport stop with frequent service. Low-capacity stops (bus, tram) count within 500 m, high-capacity ones (rail, metro, ferry) within 1 000 m: both are parameters.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Stops&lt;/b&gt; come from a point layer or a GTFS feed. With a layer, every stop qualifies unless a departures-per-hour field is given; the capacity field holds a mode (bus, tram, trolleybus, coach: low; rail, train, RER, metro, subway, ferry: high; in English or French) or a GTFS route type; unknown or empty values count as low capacity (the shorter distance) and are listed in the log. With a GTFS zip (stops, routes, trips, stop_times, and calendar and/or calendar_dates; frequencies.txt is honoured), departures are counted on one day in the window (default: the feed's Tuesday with the most services, 06:00 to 20:00; times after 24:00 belong to the previous service day). A departure is a call where a passenger can board: the last stop of a trip and calls with pickup_type 1 (no pickup) do not count; stops without times are served at times interpolated as the GTFS reference says. A stop qualifies when its average departures per hour reach the minimum; it is high capacity when its rail, metro and ferry departures alone reach it. Stops with no service in the window never qualify; if none qualifies the run still ends, with nobody having access and a warning.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Population&lt;/b&gt;: points, polygons or grid cells with a population field (or 1 per feature). Polygons stand at a point inside them. Optional sex, age group and disability fields disaggregate the shares; with territories (polygons and a code field) the shares are given per territory too. Features without geometry, outside the territories or beyond the snap tolerance are counted in the denominators without access, and the log says how many.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Outputs&lt;/b&gt;: the population layer with &lt;i&gt;access&lt;/i&gt; (1/0), &lt;i&gt;distance_m&lt;/i&gt; to the nearest qualifying stop (walked, snap distances included; NULL beyond the longest access distance, or beyond the advanced search distance when given), the nearest stop and its capacity, &lt;i&gt;placed&lt;/i&gt; and &lt;i&gt;snap_m&lt;/i&gt;; the shares table (territory, group, value, population, with_access, share_pct); optionally the territories with their share (&lt;i&gt;transit_share&lt;/i&gt;, 0 to 1, read by the recommendations scorecard); the service areas of the stops (along the network: the street pieces reached within the stop's distance, cut at the exact reach, each piece given to the nearest stop, so a stop whose streets are all nearer another has no geometry; no interpolation, no unreachable land; without a network: discs); the stops with their departures, capacity and whether they qualify. Every output has a &lt;i&gt;method&lt;/i&gt; field (&lt;i&gt;network&lt;/i&gt; or &lt;i&gt;euclidean proxy&lt;/i&gt;) and a params field; the numeric outputs (share, population, qualifying stops, unplaced features) feed models.&lt;/p&gt;</source>
            <translation>&lt;p&gt;ODD 11.2.1 (recommandation 7, alimentant les recommandations 1 et 3) : la part de la population à distance à pied d'un arrêt de transports en commun à service fréquent. Les arrêts de faible capacité (bus, tram) comptent jusqu'à 500 m, ceux de forte capacité (train, métro, ferry) jusqu'à 1 000 m : les deux sont des paramètres.&lt;/p&gt;
&lt;p&gt;Les &lt;b&gt;arrêts&lt;/b&gt; viennent d'une couche de points ou d'un flux GTFS. Avec une couche, tous les arrêts sont retenus sauf si un champ de départs par heure est fourni ; le champ de capacité contient un mode (bus, tram, trolleybus, coach : faible ; rail, train, RER, metro, subway, ferry : forte ; en anglais ou en français) ou un type de ligne GTFS (route_type) ; les valeurs inconnues ou vides comptent comme faible capacité (la distance la plus courte) et sont listées dans le journal. Avec un zip GTFS (stops, routes, trips, stop_times, et calendar et/ou calendar_dates ; frequencies.txt est pris en compte), les départs sont comptés sur un jour, dans la plage horaire (par défaut : le mardi du flux qui a le plus de services, de 06:00 à 20:00 ; les horaires après 24:00 appartiennent au jour de service précédent). Un départ est un passage où un voyageur peut monter : le dernier arrêt d'un trajet et les passages avec pickup_type 1 (pas de montée) ne comptent pas ; les arrêts sans heure sont desservis à des heures interpolées comme le dit la référence GTFS. Un arrêt est retenu quand son nombre moyen de départs par heure atteint le minimum ; il est de forte capacité quand ses seuls départs de train, de métro et de ferry l'atteignent. Les arrêts sans service dans la plage horaire ne sont jamais retenus ; si aucun n'est retenu, le traitement va tout de même à son terme, personne n'ayant accès, avec un avertissement.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Population&lt;/b&gt; : des points, polygones ou carreaux de grille avec un champ de population (ou 1 par entité). Les polygones sont placés en un point situé à l'intérieur. Des champs facultatifs de sexe, de tranche d'âge et de handicap ventilent les parts ; avec des territoires (polygones et champ de code), les parts sont aussi données par territoire. Les entités sans géométrie, hors des territoires ou au-delà de la tolérance d'accrochage sont comptées dans les dénominateurs, sans accès, et le journal indique combien.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Sorties&lt;/b&gt; : la couche de population avec &lt;i&gt;access&lt;/i&gt; (1/0), &lt;i&gt;distance_m&lt;/i&gt; jusqu'à l'arrêt retenu le plus proche (à pied, distances d'accrochage comprises ; NULL au-delà de la plus grande distance d'accès, ou au-delà de la distance de recherche avancée si elle est donnée), l'arrêt le plus proche et sa capacité, &lt;i&gt;placed&lt;/i&gt; et &lt;i&gt;snap_m&lt;/i&gt; ; la table des parts (territory, group, value, population, with_access, share_pct) ; en option, les territoires avec leur part (&lt;i&gt;transit_share&lt;/i&gt;, de 0 à 1, lue par le tableau de bord des recommandations) ; les zones de desserte des arrêts (le long du réseau : les tronçons de rue atteints dans la distance de l'arrêt, coupés exactement à la limite atteinte, chaque tronçon étant attribué à l'arrêt le plus proche, si bien qu'un arrêt dont toutes les rues sont plus proches d'un autre n'a pas de géométrie ; sans interpolation ni terrain inatteignable ; sans réseau : des disques) ; les arrêts avec leurs départs, leur capacité et le fait qu'ils soient retenus ou non. Chaque sortie a un champ &lt;i&gt;method&lt;/i&gt; (&lt;i&gt;network&lt;/i&gt; ou &lt;i&gt;euclidean proxy&lt;/i&gt;) et un champ params ; les sorties numériques (part, population, arrêts retenus, entités non placées) alimentent les modèles.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="131" />
            <source>Give the stops either as a layer or as a GTFS feed, not both.</source>
            <translation>Donnez les arrêts soit comme couche, soit comme flux GTFS, pas les deux.</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="133" />
            <source>Give the stops: a point layer or a GTFS feed (zip).</source>
            <translation>Donnez les arrêts : une couche de points ou un flux GTFS (zip).</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="152" />
            <source>The GTFS feed has no calendar.txt: services come from calendar_dates.txt alone.</source>
            <translation>Le flux GTFS n'a pas de calendar.txt : les services viennent du seul calendar_dates.txt.</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="249" />
            <source>qualifying stop</source>
            <translation>arrêt retenu</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="276" />
            <location filename="../processing/transit_access.py" line="109" />
            <location filename="../processing/transit_access.py" line="118" />
            <location filename="../alliance_plugin/core/indicators.py" line="172" />
            <source>Population with access</source>
            <translation>Population ayant accès</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="302" />
            <source>No stop qualifies: nobody has access. Check the window, the weekday and the minimum departures per hour.</source>
            <translation>Aucun arrêt n'est retenu : personne n'a accès. Vérifiez la plage horaire, le jour de la semaine et le nombre minimal de départs par heure.</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="89" />
            <source>Stops (points) (or a GTFS feed)</source>
            <translation>Arrêts (points) (ou un flux GTFS)</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="91" />
            <source>Stop identifier field</source>
            <translation>Champ d'identifiant des arrêts</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="92" />
            <source>Capacity or mode field of the stops</source>
            <translation>Champ de capacité ou de mode des arrêts</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="93" />
            <source>Departures per hour field of the stops</source>
            <translation>Champ des départs par heure des arrêts</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="95" />
            <source>GTFS feed (zip) (or a stops layer)</source>
            <translation>Flux GTFS (zip) (ou une couche d'arrêts)</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="95" />
            <source>GTFS feeds (*.zip *.ZIP)</source>
            <translation>Flux GTFS (*.zip *.ZIP)</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="97" />
            <source>GTFS: weekday counted</source>
            <translation>GTFS : jour de semaine compté</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="98" />
            <source>GTFS: date counted instead, YYYY-MM-DD</source>
            <translation>GTFS : date comptée à la place, AAAA-MM-JJ</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="99" />
            <source>GTFS: window start (HH:MM)</source>
            <translation>GTFS : début de la plage horaire (HH:MM)</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="100" />
            <source>GTFS: window end (HH:MM)</source>
            <translation>GTFS : fin de la plage horaire (HH:MM)</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="101" />
            <source>Minimum departures per hour in the window (average)</source>
            <translation>Nombre minimal de départs par heure dans la plage horaire (moyenne)</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="103" />
            <source>Walk to low-capacity stops (m)</source>
            <translation>Marche vers les arrêts à faible capacité (m)</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="104" />
            <source>Walk to high-capacity stops (m)</source>
            <translation>Marche vers les arrêts à forte capacité (m)</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="105" />
            <source>Nearest-stop distances reported up to (m)</source>
            <translation>Distances à l'arrêt indiquées jusqu'à (m)</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="110" />
            <source>Shares of population with access</source>
            <translation>Parts de la population ayant accès</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="111" />
            <source>Territories with their share</source>
            <translation>Territoires avec leur part</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="113" />
            <source>Service areas of the stops</source>
            <translation>Zones de desserte des arrêts</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="115" />
            <source>Stops and their service</source>
            <translation>Arrêts et leur desserte</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="116" />
            <source>Share of the population with access (%)</source>
            <translation>Part de la population ayant accès (%)</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="117" />
            <source>Population</source>
            <translation>Population</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="119" />
            <source>Qualifying stops</source>
            <translation>Arrêts retenus</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="120" />
            <source>Population features not placed on the network</source>
            <translation>Entités de population non placées sur le réseau</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="156" />
            <source>GTFS {name}: {stops:,} stops, departures counted on {day} from {start} to {end} ({served:,} stops served in the window).</source>
            <translation>GTFS {name} : {stops:,} arrêts, départs comptés le {day} de {start} à {end} ({served:,} arrêts desservis dans la plage horaire).</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="262" />
            <source>{method}: {reached:,.0f} of {total:,.0f} people have access ({share}).</source>
            <translation>{method} : {reached:,.0f} personnes sur {total:,.0f} ont accès ({share}).</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="299" />
            <source>{q:,} of {n:,} stops qualify ({high:,} high capacity).</source>
            <translation>{q:,} arrêts sur {n:,} sont retenus ({high:,} de forte capacité).</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="85" />
            <source>Population (points, polygons or grid cells)</source>
            <translation>Population (points, polygones ou carreaux de grille)</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="166" />
            <source>{n} qualifying stops have no coordinates in stops.txt: they are left out.</source>
            <translation>{n} arrêts retenus n'ont pas de coordonnées dans stops.txt : ils sont écartés.</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="204" />
            <source>Capacity values not recognised, counted as low capacity: {values}.</source>
            <translation>Valeurs de capacité non reconnues, comptées comme faible capacité : {values}.</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="208" />
            <source>{n} stops have no geometry: they are left out.</source>
            <translation>{n} arrêts n'ont pas de géométrie : ils sont écartés.</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="315" />
            <source>{n} qualifying stops reach no street within the snap tolerance: no service area.</source>
            <translation>{n} arrêts retenus n'atteignent aucune rue dans la tolérance d'accrochage : pas de zone de desserte.</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="86" />
            <source>Sex field</source>
            <translation>Champ du sexe</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="86" />
            <source>Age group field</source>
            <translation>Champ de la tranche d'âge</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="86" />
            <source>Disability field</source>
            <translation>Champ du handicap</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="97" />
            <source>Monday</source>
            <translation>Lundi</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="97" />
            <source>Tuesday</source>
            <translation>Mardi</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="97" />
            <source>Wednesday</source>
            <translation>Mercredi</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="97" />
            <source>Thursday</source>
            <translation>Jeudi</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="97" />
            <source>Friday</source>
            <translation>Vendredi</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="97" />
            <source>Saturday</source>
            <translation>Samedi</translation>
        </message>
        <message>
            <location filename="../processing/transit_access.py" line="97" />
            <source>Sunday</source>
            <translation>Dimanche</translation>
        </message>
        <message>
            <location filename="../processing/urban_growth.py" line="34" />
            <source>Urban growth patches</source>
            <translation>Taches de croissance urbaine</translation>
        </message>
        <message>
            <location filename="../processing/urban_growth.py" line="37" />
            <source>New built-up patches between two dates with their landscape expansion index (infill, edge expansion, outlying) and the growth per territory.</source>
            <translation>Nouvelles taches bâties entre deux dates avec leur indice d'expansion paysagère (remplissage, extension en continuité, urbanisation isolée) et la croissance par territoire.</translation>
        </message>
        <message>
            <location filename="../processing/urban_growth.py" line="41" />
            <source>&lt;p&gt;New built-up patches between two dates and how the city grew (recommendations 1, 3 and 5).&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Patches&lt;/b&gt;: the new built-up is the built-up of the second date minus that of the first; new pieces sharing at least a point form one patch (which may be a MultiPolygon); pieces at or below the sliver area are dropped (1 m2 by default: the coordinate noise of layers in different CRSs). Each patch gets its area (m2), the &lt;b&gt;landscape expansion index&lt;/b&gt; of Liu et al. (2010), &lt;i&gt;LEI = 100 x A_old / (A_old + A_vacant)&lt;/i&gt; over a ring of the given width around it (ring_area, old_area), its growth class (&lt;i&gt;infill&lt;/i&gt; when LEI &amp;gt; 50, &lt;i&gt;edge_expansion&lt;/i&gt; when 0 &amp;lt; LEI &amp;lt;= 50, &lt;i&gt;outlying&lt;/i&gt; when LEI = 0; land built during the period counts as vacant) and its distance to the earlier built-up (m; 0 when touching, NULL when there is none; patches farther than the ring have no ring_area). Patches are numbered from the largest.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Summary&lt;/b&gt;: with territories, the territories as given with the area added per class (area_infill, area_edge_expansion, area_outlying, area_added, m2), the number of patches per class, the share of outlying growth (NULL without growth) and the area-weighted mean LEI (awmei); a patch counts whole in the territory holding its representative point (area outside every territory is reported in the log). Without territories, one row for the whole area. The params field records the options.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Nouvelles taches bâties entre deux dates et la façon dont la ville a grandi (recommandations 1, 3 et 5).&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Taches&lt;/b&gt; : le nouveau bâti est le bâti de la seconde date moins celui de la première ; les nouveaux morceaux qui partagent au moins un point forment une tache (qui peut être un MultiPolygone) ; les morceaux d'une surface inférieure ou égale au seuil des résidus sont supprimés (1 m2 par défaut : le bruit de coordonnées de couches dans des SCR différents). Chaque tache reçoit sa surface (m2), l'&lt;b&gt;indice d'expansion paysagère&lt;/b&gt; de Liu et al. (2010), &lt;i&gt;LEI = 100 x A_old / (A_old + A_vacant)&lt;/i&gt; sur un anneau de la largeur donnée autour d'elle (ring_area, old_area), sa classe de croissance (&lt;i&gt;infill&lt;/i&gt;, remplissage, quand LEI &amp;gt; 50, &lt;i&gt;edge_expansion&lt;/i&gt;, extension en continuité, quand 0 &amp;lt; LEI &amp;lt;= 50, &lt;i&gt;outlying&lt;/i&gt;, urbanisation isolée, quand LEI = 0 ; les terrains bâtis pendant la période comptent comme vacants) et sa distance au bâti antérieur (m ; 0 quand elle le touche, NULL quand il n'y en a pas ; les taches plus éloignées que l'anneau n'ont pas de ring_area). Les taches sont numérotées de la plus grande à la plus petite.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Synthèse&lt;/b&gt; : avec des territoires, les territoires tels que fournis avec la surface ajoutée par classe (area_infill, area_edge_expansion, area_outlying, area_added, m2), le nombre de taches par classe, la part de croissance isolée (NULL sans croissance) et le LEI moyen pondéré par la surface (awmei) ; une tache compte entièrement dans le territoire qui contient son point représentatif (la surface hors de tout territoire est indiquée dans le journal). Sans territoires, une ligne pour l'ensemble de la zone. Le champ params enregistre les options.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/urban_growth.py" line="46" />
            <source>Cut-off year of the first date</source>
            <translation>Année de coupure de la première date</translation>
        </message>
        <message>
            <location filename="../processing/urban_growth.py" line="47" />
            <source>Last year of the second date</source>
            <translation>Dernière année de la seconde date</translation>
        </message>
        <message>
            <location filename="../processing/urban_growth.py" line="48" />
            <source>Ring width of the expansion index (m)</source>
            <translation>Largeur de l'anneau de l'indice d'expansion (m)</translation>
        </message>
        <message>
            <location filename="../processing/urban_growth.py" line="49" />
            <source>Slivers: drop new pieces up to (m2)</source>
            <translation>Éclats : écarter les pièces jusqu'à (m2)</translation>
        </message>
        <message>
            <location filename="../processing/urban_growth.py" line="55" />
            <location filename="../processing/urban_growth.py" line="57" />
            <source>New built-up patches</source>
            <translation>Nouvelles taches bâties</translation>
        </message>
        <message>
            <location filename="../processing/urban_growth.py" line="56" />
            <source>Growth per territory</source>
            <translation>Croissance par territoire</translation>
        </message>
        <message>
            <location filename="../processing/urban_growth.py" line="58" />
            <source>Built-up area added (m2)</source>
            <translation>Surface bâtie ajoutée (m2)</translation>
        </message>
        <message>
            <location filename="../processing/urban_growth.py" line="88" />
            <source>{n} new patches, {area:,.0f} m2: {infill} infill, {edge} edge expansion, {outlying} outlying.</source>
            <translation>{n} nouvelles taches, {area:,.0f} m2 : {infill} en remplissage, {edge} en extension en continuité, {outlying} isolées.</translation>
        </message>
        <message>
            <location filename="../processing/urban_growth.py" line="123" />
            <source>{area:,.0f} m2 of new built-up lie in no territory: left out of the summary.</source>
            <translation>{area:,.0f} m2 de nouveau bâti ne sont dans aucun territoire : omis de la synthèse.</translation>
        </message>
        <message>
            <location filename="../processing/urban_growth.py" line="147" />
            <source>{n} territories have no code: their growth is NULL.</source>
            <translation>{n} territoires n'ont pas de code : leur croissance est NULL.</translation>
        </message>
        <message>
            <location filename="../processing/urban_growth.py" line="150" />
            <source>No territory has a code in '{field}'.</source>
            <translation>Aucun territoire n'a de code dans '{field}'.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard.py" line="47" />
            <source>the flow table has no internal flows (origin = destination), so self-containment and the job concentration index are undefined</source>
            <translation>la table de flux n'a pas de flux internes (origine = destination) : l'autocontention et l'indice de concentration de l'emploi ne sont donc pas définis</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard.py" line="49" />
            <source>no flow starts in this territory, so the share is undefined</source>
            <translation>aucun flux ne part de ce territoire : la part n'est donc pas définie</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard.py" line="50" />
            <source>the value is missing (NULL) in the indicator layer</source>
            <translation>la valeur manque (NULL) dans la couche d'indicateurs</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard.py" line="51" />
            <source>the ratio is undefined here (population declining or stagnating, or no built-up area); see the flag field of Land consumption</source>
            <translation>le ratio n'est pas défini ici (population en baisse ou stagnante, ou aucune surface bâtie) ; voir le champ flag de Consommation d'espace</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard.py" line="53" />
            <source>no new built-up area between the two dates</source>
            <translation>aucune nouvelle surface bâtie entre les deux dates</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard.py" line="54" />
            <source>no parcel, or no growth front, in this territory</source>
            <translation>aucune parcelle, ou aucun front de croissance, dans ce territoire</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard.py" line="55" />
            <source>no population in this territory</source>
            <translation>aucune population dans ce territoire</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard.py" line="56" />
            <source>no service can be reached from this territory</source>
            <translation>aucun service n'est accessible depuis ce territoire</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard.py" line="57" />
            <source>the territory consumes none of the resources, so self-sufficiency is undefined</source>
            <translation>le territoire ne consomme aucune des ressources : l'autosuffisance n'est pas définie</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard.py" line="58" />
            <source>no flow of the resources reaches this territory, or no flow table was given</source>
            <translation>aucun flux des ressources n'atteint ce territoire, ou aucune table de flux n'a été donnée</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard.py" line="59" />
            <source>no resource is in deficit here, or the surpluses of the other territories cannot cover the deficit, so there is no resource-shed</source>
            <translation>aucune ressource n'est en déficit ici, ou les excédents des autres territoires ne peuvent pas couvrir le déficit : il n'y a pas de bassin d'approvisionnement</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard.py" line="61" />
            <source>the territory exchanges nothing with territories of other classes</source>
            <translation>le territoire n'échange rien avec des territoires d'autres classes</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard.py" line="64" />
            <source>{status} at {bound} or more</source>
            <translation>{status} à partir de {bound}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard.py" line="65" />
            <source>{status} from {lower} to under {upper}</source>
            <translation>{status} de {lower} à moins de {upper}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard.py" line="66" />
            <source>{status} under {upper}</source>
            <translation>{status} sous {upper}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard.py" line="67" />
            <source>{status} for {values}</source>
            <translation>{status} pour {values}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard.py" line="68" />
            <source>{indicator} is not measurable: {reason}.</source>
            <translation>{indicator} : non mesurable, {reason}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard.py" line="69" />
            <source>{indicator} ({field}): {bands}</source>
            <translation>{indicator} ({field}) : {bands}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard.py" line="71" />
            <source>R{number}: {what}</source>
            <translation>R{number} : {what}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard.py" line="72" />
            <source>; </source>
            <translation> ; </translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard.py" line="73" />
            <source>1,234.5</source>
            <translation>1 234,5</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard.py" line="74" />
            <source>a territory the layers do not name</source>
            <translation>un territoire que les couches ne nomment pas</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard.py" line="81" />
            <source>Functional areas or Flow regions (commuting flows with their internal flows, population)</source>
            <translation>Aires fonctionnelles ou Régions de flux (navettes domicile-travail avec leurs flux internes, population)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard.py" line="82" />
            <source>Flow dependencies (an origin-destination table of flows between the territories)</source>
            <translation>Dépendances de flux (une table origine-destination des flux entre les territoires)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard.py" line="83" />
            <source>Dominant flows or City network (flows between the territories, city populations)</source>
            <translation>Flux dominants ou Réseau de villes (flux entre les territoires, population des villes)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard.py" line="84" />
            <source>Land tenure overlay (cadastral parcels with their tenure, growth fronts)</source>
            <translation>Croisement foncier (parcelles cadastrales avec leur statut foncier, fronts de croissance)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard.py" line="85" />
            <source>Land consumption or Urban growth (built-up areas at two dates, population at both dates)</source>
            <translation>Consommation d'espace ou Croissance urbaine (surfaces bâties à deux dates, population aux deux dates)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard.py" line="86" />
            <source>Flow dependencies with several flow types (for example commuting and goods or waste flows), or Resource balances (production and consumption per resource)</source>
            <translation>Dépendances de flux avec plusieurs types de flux (par exemple navettes et flux de marchandises ou de déchets), ou Bilans de ressources (production et consommation par ressource)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard.py" line="88" />
            <source>Transit access or Service access (a GTFS feed or stops, services, population), or commuting flows</source>
            <translation>Accès aux transports ou Accès aux services (un flux GTFS ou des arrêts, des services, la population), ou des navettes domicile-travail</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard.py" line="89" />
            <source>Any of the algorithms above: the evidence base is the diagnosis itself</source>
            <translation>N'importe lequel des algorithmes ci-dessus : la base de connaissances est le diagnostic lui-même</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard.py" line="95" />
            <source>strong when 6 or more of the 8 recommendations have measured evidence, watch from 3 to 5, priority from 0 to 2 (R8 counts itself once any evidence is measured)</source>
            <translation>solide quand au moins 6 des 8 recommandations ont une donnée mesurée, à surveiller de 3 à 5, prioritaire de 0 à 2 (R8 se compte elle-même dès qu'une donnée est mesurée)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard.py" line="97" />
            <source>{value} of the 8 recommendations have measured evidence: a solid evidence base (R8). Measured: {measured}.</source>
            <translation>{value} des 8 recommandations ont une donnée mesurée : une base de connaissances solide (R8). Mesurées : {measured}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard.py" line="99" />
            <source>{value} of the 8 recommendations have measured evidence (R8). Measured: {measured}. To complete the diagnosis: {missing}.</source>
            <translation>{value} des 8 recommandations ont une donnée mesurée (R8). Mesurées : {measured}. Pour compléter le diagnostic : {missing}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard.py" line="101" />
            <source>Only {value} of the 8 recommendations have measured evidence: build the local evidence base first (R8). Measured: {measured}. To complete the diagnosis: {missing}.</source>
            <translation>Seules {value} des 8 recommandations ont une donnée mesurée : constituer d'abord la base de connaissances locale (R8). Mesurées : {measured}. Pour compléter le diagnostic : {missing}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard.py" line="103" />
            <source>Our rule: a count of the recommendations with a measured indicator (none, one or two: priority; three to five: watch; six or more: strong).</source>
            <translation>Notre règle : le nombre de recommandations ayant un indicateur mesuré (aucune, une ou deux : prioritaire ; trois à cinq : à surveiller ; six ou plus : solide).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="16" />
            <source>{value:.0%} of the outflow goes to {partner}: high dependency; consider inter-territorial cooperation on mobility (R2, R7).</source>
            <translation>{value:.0%} des flux sortants vont vers {partner} : forte dépendance ; envisager une coopération interterritoriale sur les mobilités (R2, R7).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="18" />
            <source>{value:.0%} of the outflow goes to {partner}: a dependency to follow (R2).</source>
            <translation>{value:.0%} des flux sortants vont vers {partner} : une dépendance à suivre (R2).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="19" />
            <source>No partner takes more than {value:.0%} of the outflow: diversified links (R2).</source>
            <translation>Aucun partenaire ne reçoit plus de {value:.0%} des flux sortants : des liens diversifiés (R2).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="21" />
            <source>15 % is the EU-OECD commuting threshold (Dijkstra et al. 2019); 50 % is ours.</source>
            <translation>15 % est le seuil de navettes UE-OCDE (Dijkstra et al. 2019) ; 50 % est notre seuil.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="24" />
            <source>Only {value:.0%} of the flows starting here stay here: the territory cannot plan alone; plan with its partners (R1, R2).</source>
            <translation>Seuls {value:.0%} des flux partant d'ici y restent : le territoire ne peut pas planifier seul ; planifier avec ses partenaires (R1, R2).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="26" />
            <source>{value:.0%} of the flows stay inside: close to the self-containment target (R1).</source>
            <translation>{value:.0%} des flux restent sur place : proche de la cible d'autocontention (R1).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="27" />
            <source>{value:.0%} of the flows stay inside: a self-contained territory (R1).</source>
            <translation>{value:.0%} des flux restent sur place : un territoire autocontenu (R1).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="29" />
            <source>OECD (2020) labour-market areas: minimum 0.6667, target 0.75.</source>
            <translation>Zones d'emploi de l'OCDE (2020) : minimum 0,6667, cible 0,75.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="32" />
            <source>{value:.0f} jobs per 100 employed residents: a residential territory whose workers must commute; plan mobility and local jobs (R7, R1).</source>
            <translation>{value:.0f} emplois pour 100 actifs occupés résidents : un territoire résidentiel dont les actifs doivent se déplacer ; planifier mobilités et emplois locaux (R7, R1).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="34" />
            <source>{value:.0f} jobs per 100 employed residents: more residents than jobs (R7).</source>
            <translation>{value:.0f} emplois pour 100 actifs occupés résidents : plus d'actifs que d'emplois (R7).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="35" />
            <source>{value:.0f} jobs per 100 employed residents: a job centre (R7).</source>
            <translation>{value:.0f} emplois pour 100 actifs occupés résidents : un pôle d'emploi (R7).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="37" />
            <source>INSEE indicateur de concentration d'emploi; the 50 and 80 bands are ours.</source>
            <translation>Indicateur de concentration d'emploi de l'INSEE ; les seuils de 50 et 80 sont les nôtres.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="40" />
            <source>The same partner comes first for several flow types: resource and commuting dependencies overlap; a candidate for circular-economy cooperation (R6, R2).</source>
            <translation>Le même partenaire arrive en tête pour plusieurs types de flux : les dépendances de ressources et de navettes se recouvrent ; une piste de coopération en économie circulaire (R6, R2).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="42" />
            <source>No partner dominates several flow types (R6).</source>
            <translation>Aucun partenaire ne domine plusieurs types de flux (R6).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="43" />
            <source>watch when the same partner comes first for two flow types or more; strong otherwise</source>
            <translation>à surveiller quand le même partenaire arrive en tête pour au moins deux types de flux ; solide sinon</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="45" />
            <source>Our rule: watch when one partner ranks first for two flow types or more (cross-type coupling).</source>
            <translation>Notre règle : à surveiller quand un même partenaire arrive en tête pour au moins deux types de flux (couplage entre types).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="48" />
            <source>Role in its functional urban area: {value} (R1).</source>
            <translation>Rôle dans son aire urbaine fonctionnelle : {value} (R1).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="49" />
            <source>Part of the commuting zone of {area}: plan jointly with the city (R1, R2).</source>
            <translation>Dans la couronne (zone de navettage) de {area} : planifier conjointement avec la ville (R1, R2).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="50" />
            <source>EU-OECD functional urban areas (Dijkstra, Poelman and Veneri 2019).</source>
            <translation>Aires urbaines fonctionnelles UE-OCDE (Dijkstra, Poelman et Veneri 2019).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="54" />
            <source>Nystuen-Dacey class: {value} (R3).</source>
            <translation>Classe de Nystuen-Dacey : {value} (R3).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="55" />
            <source>Nystuen-Dacey class: {value}, dominated by {parent}: a relay in the urban hierarchy (R3).</source>
            <translation>Classe de Nystuen-Dacey : {value}, dominé par {parent} : un relais dans la hiérarchie urbaine (R3).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="56" />
            <source>No flow with another territory: isolated from the city network (R3, R7).</source>
            <translation>Aucun flux avec un autre territoire : isolé du réseau de villes (R3, R7).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="57" />
            <source>Nystuen and Dacey (1961); the statuses are ours.</source>
            <translation>Nystuen et Dacey (1961) ; les statuts sont les nôtres.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="60" />
            <source>Land is consumed {value:.1f} times as fast as the population grows (SDG 11.3.1): densify and protect open land (R5, R1).</source>
            <translation>L'espace est consommé {value:.1f} fois plus vite que la population ne croît (ODD 11.3.1) : densifier et protéger les espaces ouverts (R5, R1).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="62" />
            <source>Land consumption at {value:.1f} times the population growth: to follow (R5).</source>
            <translation>Consommation d'espace à {value:.1f} fois la croissance de la population : à suivre (R5).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="63" />
            <source>Land consumption below the population growth (ratio {value:.1f}) (R5).</source>
            <translation>Consommation d'espace inférieure à la croissance de la population (rapport {value:.1f}) (R5).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="64" />
            <source>UN SDG 11.3.1 metadata (a ratio above 1: land consumed faster than population grows); the 0.5 band is ours.</source>
            <translation>Métadonnées de l'ODD 11.3.1 des Nations unies (un ratio supérieur à 1 : l'espace est consommé plus vite que la population ne croît) ; le seuil de 0,5 est le nôtre.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="69" />
            <source>{value:.0%} of the new built-up area is outlying (leapfrog) growth: steer growth to infill and edges (R5, R1).</source>
            <translation>{value:.0%} de la nouvelle surface bâtie est une extension isolée (par sauts) : orienter la croissance vers le comblement et les franges (R5, R1).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="71" />
            <source>{value:.0%} of the new built-up area is outlying growth (R5).</source>
            <translation>{value:.0%} de la nouvelle surface bâtie est une extension isolée (R5).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="72" />
            <source>Only {value:.0%} of the new built-up area is outlying: compact growth (R5).</source>
            <translation>Seuls {value:.0%} de la nouvelle surface bâtie sont une extension isolée : une croissance compacte (R5).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="74" />
            <source>Landscape expansion index classes (Liu et al. 2010); the 25 and 50 % bands are ours.</source>
            <translation>Classes de l'indice d'expansion paysagère (Liu et al. 2010) ; les seuils de 25 et 50 % sont les nôtres.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="78" />
            <source>Only {value:.0%} of the parcel area has documented rights (a spatial proxy of SDG 1.4.2): secure tenure first (R4).</source>
            <translation>Seuls {value:.0%} de la surface des parcelles ont des droits documentés (indicateur approché de l'ODD 1.4.2) : sécuriser d'abord le foncier (R4).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="80" />
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="81" />
            <source>{value:.0%} of the parcel area has documented rights (SDG 1.4.2 proxy) (R4).</source>
            <translation>{value:.0%} de la surface des parcelles ont des droits documentés (indicateur approché de l'ODD 1.4.2) (R4).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="83" />
            <source>SDG 1.4.2 metadata, as a cadastral proxy; the 50 and 80 % bands are ours.</source>
            <translation>Métadonnées de l'ODD 1.4.2, en approximation cadastrale ; les seuils de 50 et 80 % sont les nôtres.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="87" />
            <source>{value:.0%} of the growth-front land is under informal, customary or unknown tenure: regularise before the city reaches it (R4, R5).</source>
            <translation>{value:.0%} du front d'urbanisation relève d'un foncier informel, coutumier ou inconnu : régulariser avant que la ville ne l'atteigne (R4, R5).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="89" />
            <source>{value:.0%} of the growth-front land has insecure tenure (R4).</source>
            <translation>{value:.0%} du front d'urbanisation a un foncier non sécurisé (R4).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="90" />
            <source>Only {value:.0%} of the growth-front land has insecure tenure (R4).</source>
            <translation>Seuls {value:.0%} du front d'urbanisation ont un foncier non sécurisé (R4).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="92" />
            <source>Our rule, beside the SDG 1.4.2 spatial proxies (UN-Habitat and World Bank metadata): the share of growth-front land under informal, customary or unknown tenure; the 20 and 50 % bands are ours.</source>
            <translation>Notre règle, à côté des approximations spatiales de l'ODD 1.4.2 (métadonnées d'ONU-Habitat et de la Banque mondiale) : la part des terrains des fronts de croissance en tenure informelle, coutumière ou inconnue ; les seuils de 20 et 50 % sont les nôtres.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="96" />
            <source>Only {value:.0%} of the population lives within walking distance of frequent public transport (SDG 11.2.1): extend or densify the service (R7, R1).</source>
            <translation>Seuls {value:.0%} de la population vivent à distance à pied de transports en commun fréquents (ODD 11.2.1) : étendre ou densifier l'offre (R7, R1).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="98" />
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="100" />
            <source>{value:.0%} of the population lives within walking distance of frequent public transport (SDG 11.2.1) (R7).</source>
            <translation>{value:.0%} de la population vit à distance à pied de transports en commun fréquents (ODD 11.2.1) (R7).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="103" />
            <source>UN SDG 11.2.1 metadata (500 m and 1 000 m walks); the 50 and 80 % bands are ours.</source>
            <translation>Métadonnées de l'ODD 11.2.1 des Nations unies (marches de 500 m et 1 000 m) ; les seuils de 50 et 80 % sont les nôtres.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="106" />
            <source>People walk {value:,.0f} m on average to the nearest service: bring services closer or link the territory to a nearby centre (R7, R3).</source>
            <translation>Les habitants marchent en moyenne {value:,.0f} m jusqu'au service le plus proche : rapprocher les services ou relier le territoire à un pôle voisin (R7, R3).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="108" />
            <source>People walk {value:,.0f} m on average to the nearest service (R7).</source>
            <translation>Les habitants marchent en moyenne {value:,.0f} m jusqu'au service le plus proche (R7).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="109" />
            <source>The nearest service is {value:,.0f} m away on average (R7).</source>
            <translation>Le service le plus proche est en moyenne à {value:,.0f} m (R7).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="111" />
            <source>Our rule, on the SDG 11.2.1 walking distances (500 m and 1 000 m).</source>
            <translation>Notre règle, sur les distances de marche de l'ODD 11.2.1 (500 m et 1 000 m).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="114" />
            <source>An intermediary city: middle size, high intermediation, intermediate place in the hierarchy; reinforce its role in the network (R3).</source>
            <translation>Une ville intermédiaire : taille moyenne, forte intermédiation, place intermédiaire dans la hiérarchie ; renforcer son rôle dans le réseau (R3).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="116" />
            <source>Not an intermediary city by our rule (R3).</source>
            <translation>Pas une ville intermédiaire selon notre règle (R3).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="117" />
            <source>strong when the city meets the three intermediary criteria (middle size, betweenness in the top share, intermediate in the Nystuen-Dacey hierarchy); watch otherwise</source>
            <translation>solide quand la ville remplit les trois critères de ville intermédiaire (taille moyenne, intermédiarité dans la tranche haute, place intermédiaire dans la hiérarchie de Nystuen-Dacey) ; à surveiller sinon</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="120" />
            <source>Our rule: a city is intermediary when its size is inside the band, its betweenness in the top share and it is intermediate in the Nystuen-Dacey hierarchy (UCLG CIMES intermediary cities).</source>
            <translation>Notre règle : une ville est intermédiaire quand sa taille est dans la tranche, son intermédiarité dans la tranche haute et sa place intermédiaire dans la hiérarchie de Nystuen-Dacey (villes intermédiaires CGLU-CIMES).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="125" />
            <source>Local production covers only {value:.0%} of the consumption of {resource}: secure its supply with partner territories and plan a circular economy of resources (R6, R2).</source>
            <translation>La production locale ne couvre que {value:.0%} de la consommation de {resource} : sécuriser son approvisionnement avec des territoires partenaires et planifier une économie circulaire des ressources (R6, R2).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="127" />
            <source>Local production covers {value:.0%} of the consumption of {resource}: a deficit to plan with the supplying territories (R6).</source>
            <translation>La production locale couvre {value:.0%} de la consommation de {resource} : un déficit à planifier avec les territoires fournisseurs (R6).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="129" />
            <source>Every resource is produced at least at the level of its consumption ({value:.0%} for {resource}): a territory that can supply its neighbours (R6, R2).</source>
            <translation>Chaque ressource est produite au moins au niveau de sa consommation ({value:.0%} pour {resource}) : un territoire qui peut approvisionner ses voisins (R6, R2).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="132" />
            <source>Our rule (priority under 50 %, watch under 100 %, strong from 100 %); self-sufficiency as production / consumption in the foodshed studies (Peters et al. 2009; Zumkehr and Campbell 2015).</source>
            <translation>Notre règle (priorité sous 50 %, vigilance sous 100 %, atout à partir de 100 %) ; l'autosuffisance comme production / consommation dans les études de bassins alimentaires (Peters et al. 2009 ; Zumkehr et Campbell 2015).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="136" />
            <source>Flows from other territories bring {value:.0%} of the consumption of a resource: a strong dependency; diversify and secure the supply (R6).</source>
            <translation>Les flux venant d'autres territoires apportent {value:.0%} de la consommation d'une ressource : une forte dépendance ; diversifier et sécuriser l'approvisionnement (R6).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="138" />
            <source>Flows from other territories bring {value:.0%} of the consumption of a resource (R6).</source>
            <translation>Les flux venant d'autres territoires apportent {value:.0%} de la consommation d'une ressource (R6).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="139" />
            <source>Flows from other territories bring at most {value:.0%} of the consumption of any resource (R6).</source>
            <translation>Les flux venant d'autres territoires apportent au plus {value:.0%} de la consommation de chaque ressource (R6).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="142" />
            <source>Ours: the 50 and 75 % bands; import dependency as inflow / consumption (urban metabolism and foodshed studies: Peters et al. 2009; Zumkehr and Campbell 2015).</source>
            <translation>Les nôtres : les seuils de 50 et 75 % ; la dépendance aux importations comme flux entrant / consommation (études du métabolisme urbain et des bassins alimentaires : Peters et al. 2009 ; Zumkehr et Campbell 2015).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="146" />
            <source>Only {value:.0%} of the inflow of a resource comes from nearby territories: build short supply chains with the neighbouring territories (R6, R2).</source>
            <translation>Seuls {value:.0%} du flux entrant d'une ressource viennent de territoires proches : construire des circuits courts avec les territoires voisins (R6, R2).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="148" />
            <source>{value:.0%} of the inflow of a resource comes from nearby territories (R6).</source>
            <translation>{value:.0%} du flux entrant d'une ressource viennent de territoires proches (R6).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="149" />
            <source>At least {value:.0%} of the inflow of every resource comes from nearby territories: short supply chains (R6).</source>
            <translation>Au moins {value:.0%} du flux entrant de chaque ressource viennent de territoires proches : des circuits courts (R6).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="152" />
            <source>Ours: the 25 and 50 % bands on the local share of the inflow (within the local distance or the same functional area).</source>
            <translation>Les nôtres : les seuils de 25 et 50 % sur la part locale du flux entrant (dans la distance locale ou la même aire fonctionnelle).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="156" />
            <source>Covering the deficit takes territories up to {value:,.0f} m away: a wide resource-shed; cooperate with the supplying territories and produce closer (R6, R2).</source>
            <translation>Couvrir le déficit demande des territoires jusqu'à {value:,.0f} m : un bassin d'approvisionnement étendu ; coopérer avec les territoires fournisseurs et produire plus près (R6, R2).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="158" />
            <source>Covering the deficit takes territories up to {value:,.0f} m away (R6).</source>
            <translation>Couvrir le déficit demande des territoires jusqu'à {value:,.0f} m (R6).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="159" />
            <source>The deficit is covered by territories within {value:,.0f} m: a compact resource-shed (R6).</source>
            <translation>Le déficit est couvert par des territoires à moins de {value:,.0f} m : un bassin d'approvisionnement compact (R6).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="162" />
            <source>Ours: the 50 and 100 km bands; the radius of the foodshed as its measure follows Peters et al. (2009) and Zumkehr and Campbell (2015).</source>
            <translation>Les nôtres : les seuils de 50 et 100 km ; le rayon du bassin alimentaire comme mesure suit Peters et al. (2009) et Zumkehr et Campbell (2015).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="167" />
            <source>Reciprocity {value:.0%} with the class {partner_class}: one side provides almost everything; move from redistribution to reciprocity and win-win partnerships (R2).</source>
            <translation>Réciprocité de {value:.0%} avec la classe {partner_class} : un côté fournit presque tout ; passer de la redistribution à la réciprocité et à des partenariats gagnant-gagnant (R2).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="169" />
            <source>Reciprocity {value:.0%} with the class {partner_class}: the exchanges run mostly one way (R2).</source>
            <translation>Réciprocité de {value:.0%} avec la classe {partner_class} : les échanges vont surtout dans un sens (R2).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="171" />
            <source>Reciprocity {value:.0%} with the class {partner_class}: each side provides something to the other (R2).</source>
            <translation>Réciprocité de {value:.0%} avec la classe {partner_class} : chaque côté fournit quelque chose à l'autre (R2).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="174" />
            <source>Our rule and our index (not an official one): R = 1 - |2 x mean share - 1| over the flow types the pair of classes exchanges; priority under 25 %, watch under 50 %.</source>
            <translation>Notre règle et notre indice (non officiel) : R = 1 - |2 x part moyenne - 1| sur les types de flux que la paire de classes échange ; priorité sous 25 %, vigilance sous 50 %.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="178" />
            <source>Net contribution {value:+.2f} (from -1, only receives, to 1, only gives): the exchanges with the other classes run mostly one way; look for what could flow back (R2).</source>
            <translation>Contribution nette {value:+.2f} (de -1, ne fait que recevoir, à 1, ne fait que donner) : les échanges avec les autres classes vont surtout dans un sens ; chercher ce qui pourrait circuler en retour (R2).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="180" />
            <source>Net contribution {value:+.2f}: the territory gives and receives in balance with the other classes (R2).</source>
            <translation>Contribution nette {value:+.2f} : le territoire donne et reçoit de manière équilibrée avec les autres classes (R2).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="182" />
            <source>watch when the territory mostly gives (0.5 or more) or mostly receives (under -0.5); strong in between</source>
            <translation>vigilance quand le territoire donne surtout (0,5 ou plus) ou reçoit surtout (sous -0,5) ; atout entre les deux</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/scorecard_rules.py" line="185" />
            <source>Our rule: watch when the net contribution is 0.5 or more, or under -0.5.</source>
            <translation>Notre règle : vigilance quand la contribution nette est de 0,5 ou plus, ou sous -0,5.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="249" />
            <source>Recommendations with measured evidence (of 8)</source>
            <translation>Recommandations avec une donnée mesurée (sur 8)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="53" />
            <source>Outflow (internal flow included)</source>
            <translation>Flux sortant (flux interne compris)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="54" />
            <source>Inflow (internal flow included)</source>
            <translation>Flux entrant (flux interne compris)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="55" />
            <source>Flow staying inside the territory</source>
            <translation>Flux restant à l'intérieur du territoire</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="56" />
            <source>Self-containment (share of the outflow staying inside)</source>
            <translation>Autocontention (part du flux sortant qui reste à l'intérieur)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="57" />
            <source>Self-containment (share of the inflow coming from inside)</source>
            <translation>Autocontention (part du flux entrant venant de l'intérieur)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="58" />
            <source>Net balance (inflow minus outflow)</source>
            <translation>Solde (flux entrant moins flux sortant)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="59" />
            <source>Job concentration index</source>
            <translation>Indice de concentration de l'emploi</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="60" />
            <source>Main partner</source>
            <translation>Partenaire principal</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="62" />
            <source>Concentration of the flows to other territories (Herfindahl)</source>
            <translation>Concentration des flux vers les autres territoires (Herfindahl)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="63" />
            <source>Number of partner territories</source>
            <translation>Nombre de territoires partenaires</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="64" />
            <source>Number of territories depending on this one</source>
            <translation>Nombre de territoires qui dépendent de celui-ci</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="66" />
            <source>Same main partner for several flow types</source>
            <translation>Même partenaire principal pour plusieurs types de flux</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="67" />
            <source>Partner first for several flow types</source>
            <translation>Partenaire en tête pour plusieurs types de flux</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="68" />
            <source>Number of flow types with that partner first</source>
            <translation>Nombre de types de flux où ce partenaire est en tête</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="71" />
            <source>Share of the origin's outflow</source>
            <translation>Part du flux sortant de l'origine</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="72" />
            <source>Share of the destination's inflow</source>
            <translation>Part du flux entrant de la destination</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="73" />
            <source>Flow in the opposite direction</source>
            <translation>Flux en sens inverse</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="74" />
            <source>Asymmetry of the flow pair (-1 to 1)</source>
            <translation>Asymétrie du couple de flux (-1 à 1)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="77" />
            <source>Reciprocity of the exchanges (pair of classes, or flow pair)</source>
            <translation>Réciprocité des échanges (paire de classes, ou paire de flux)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="78" />
            <source>Rank of the flow from its origin</source>
            <translation>Rang du flux depuis son origine</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="80" />
            <source>Functional urban area</source>
            <translation>Aire urbaine fonctionnelle</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="82" />
            <source>City of the functional urban area</source>
            <translation>Ville de l'aire urbaine fonctionnelle</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="83" />
            <source>Share of the workers going to the city</source>
            <translation>Part des actifs allant travailler dans la ville</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="84" />
            <source>Catchment area (aire d'attraction)</source>
            <translation>Aire d'attraction</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="85" />
            <source>Role in the catchment area (aire d'attraction)</source>
            <translation>Rôle dans l'aire d'attraction</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="86" />
            <source>Pole of the catchment area</source>
            <translation>Pôle de l'aire d'attraction</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="87" />
            <source>Share of the workers going to the pole</source>
            <translation>Part des actifs allant travailler dans le pôle</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="89" />
            <source>Number of territories in the area</source>
            <translation>Nombre de territoires de l'aire</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="90" />
            <source>Number of territories in the core</source>
            <translation>Nombre de territoires du cœur</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="92" />
            <source>Place in the urban hierarchy (Nystuen-Dacey)</source>
            <translation>Place dans la hiérarchie urbaine (Nystuen-Dacey)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="93" />
            <source>Territory receiving the dominant flow</source>
            <translation>Territoire qui reçoit le flux dominant</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="94" />
            <source>Top of the hierarchy tree</source>
            <translation>Sommet de l'arbre hiérarchique</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="95" />
            <source>Level in the hierarchy (0 at the top)</source>
            <translation>Niveau dans la hiérarchie (0 au sommet)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="96" />
            <source>Territories directly dominated</source>
            <translation>Territoires directement dominés</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="97" />
            <source>Territories dominated in all</source>
            <translation>Territoires dominés au total</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="98" />
            <source>Size used for the hierarchy</source>
            <translation>Taille utilisée pour la hiérarchie</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="99" />
            <source>Volume of the dominant flow</source>
            <translation>Volume du flux dominant</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="103" />
            <source>No flow with another territory</source>
            <translation>Aucun flux avec un autre territoire</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="104" />
            <source>Number of territories in the region</source>
            <translation>Nombre de territoires de la région</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="106" />
            <source>Deviation from the rank-size line (log units)</source>
            <translation>Écart à la droite rang-taille (en log)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="107" />
            <source>Primacy (largest city / second)</source>
            <translation>Primatie (première ville / deuxième)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="108" />
            <source>Four-city index</source>
            <translation>Indice des quatre villes</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="109" />
            <source>Rank-size exponent</source>
            <translation>Exposant rang-taille</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="110" />
            <source>Standard error of the rank-size exponent</source>
            <translation>Erreur type de l'exposant rang-taille</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="111" />
            <source>Inflow from other cities</source>
            <translation>Flux entrant depuis les autres villes</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="112" />
            <source>Outflow to other cities</source>
            <translation>Flux sortant vers les autres villes</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="113" />
            <source>Number of cities sending flows</source>
            <translation>Nombre de villes émettrices</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="114" />
            <source>Number of cities receiving flows</source>
            <translation>Nombre de villes réceptrices</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="115" />
            <source>PageRank centrality</source>
            <translation>Centralité PageRank</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="116" />
            <source>Betweenness centrality</source>
            <translation>Centralité d'intermédiarité</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="117" />
            <source>Intermediary city</source>
            <translation>Ville intermédiaire</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="118" />
            <source>Intermediary criteria met (out of 3)</source>
            <translation>Critères de ville intermédiaire remplis (sur 3)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="119" />
            <source>Size in the intermediary band</source>
            <translation>Taille dans la tranche intermédiaire</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="120" />
            <source>Betweenness in the top share</source>
            <translation>Intermédiarité dans la tranche haute</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="121" />
            <source>Intermediate in the urban hierarchy</source>
            <translation>Intermédiaire dans la hiérarchie urbaine</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="123" />
            <source>Built-up area, first date</source>
            <translation>Surface bâtie, première date</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="124" />
            <source>Built-up area, second date</source>
            <translation>Surface bâtie, seconde date</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="125" />
            <source>Population, first date</source>
            <translation>Population, première date</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="126" />
            <source>Population, second date</source>
            <translation>Population, seconde date</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="127" />
            <source>Land consumption rate (per year)</source>
            <translation>Taux de consommation d'espace (par an)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="128" />
            <source>Population growth rate (per year)</source>
            <translation>Taux de croissance de la population (par an)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="129" />
            <source>Land consumption to population growth (SDG 11.3.1)</source>
            <translation>Consommation d'espace rapportée à la croissance de la population (ODD 11.3.1)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="130" />
            <source>Built-up area per inhabitant, first date</source>
            <translation>Surface bâtie par habitant, première date</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="131" />
            <source>Built-up area per inhabitant, second date</source>
            <translation>Surface bâtie par habitant, seconde date</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="132" />
            <source>Built-up area added</source>
            <translation>Surface bâtie ajoutée</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="133" />
            <source>Population added</source>
            <translation>Population supplémentaire</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="134" />
            <source>Built-up area added per new inhabitant</source>
            <translation>Surface bâtie ajoutée par nouvel habitant</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="135" />
            <source>Why the SDG 11.3.1 ratio is undefined</source>
            <translation>Pourquoi le ratio de l'ODD 11.3.1 n'est pas défini</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="136" />
            <source>Part of the urban extent</source>
            <translation>Partie de l'emprise urbaine</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="137" />
            <source>Urban extent area</source>
            <translation>Surface de l'emprise urbaine</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="139" />
            <source>Landscape expansion index</source>
            <translation>Indice d'expansion paysagère</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="140" />
            <source>Growth type (infill, edge, outlying)</source>
            <translation>Type de croissance (comblement, extension, isolée)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="141" />
            <source>Area added by infill</source>
            <translation>Surface ajoutée par comblement</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="142" />
            <source>Area added by edge expansion</source>
            <translation>Surface ajoutée par extension en continuité</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="143" />
            <source>Area added by outlying growth</source>
            <translation>Surface ajoutée par croissance isolée</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="144" />
            <source>New built-up area</source>
            <translation>Nouvelle surface bâtie</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="145" />
            <source>Number of new built-up patches</source>
            <translation>Nombre de nouvelles taches bâties</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="146" />
            <source>Infill patches</source>
            <translation>Taches de comblement</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="147" />
            <source>Edge-expansion patches</source>
            <translation>Taches d'extension en continuité</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="148" />
            <source>Outlying patches</source>
            <translation>Taches isolées</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="149" />
            <source>Share of the new built-up area that is outlying</source>
            <translation>Part de la nouvelle surface bâtie isolée</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="150" />
            <source>Area-weighted mean expansion index</source>
            <translation>Indice d'expansion moyen pondéré par la surface</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="154" />
            <source>Land demand of the projected population</source>
            <translation>Besoin foncier de la population projetée</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="155" />
            <source>Projected population</source>
            <translation>Population projetée</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="156" />
            <source>Population to house</source>
            <translation>Population à loger</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="159" />
            <source>Insecure tenure in a growth front</source>
            <translation>Tenure précaire dans un front de croissance</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="160" />
            <source>Parcel in a hazard zone</source>
            <translation>Parcelle en zone de risque</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="161" />
            <source>Farmland in a growth front</source>
            <translation>Terre agricole dans un front de croissance</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="162" />
            <source>Parcels with documented rights (SDG 1.4.2 proxy)</source>
            <translation>Parcelles avec droits documentés (approximation ODD 1.4.2)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="163" />
            <source>Parcel area with documented rights (SDG 1.4.2 proxy)</source>
            <translation>Surface des parcelles avec droits documentés (approximation ODD 1.4.2)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="164" />
            <source>Population on parcels with documented rights (SDG 1.4.2 proxy)</source>
            <translation>Population sur des parcelles avec droits documentés (approximation ODD 1.4.2)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="166" />
            <source>Growth-front land under insecure tenure</source>
            <translation>Terrains des fronts de croissance en tenure précaire</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="167" />
            <source>Number of parcels</source>
            <translation>Nombre de parcelles</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="169" />
            <source>Within walking distance of frequent public transport</source>
            <translation>À distance de marche d'un transport public fréquent</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="170" />
            <location filename="../alliance_plugin/core/indicators.py" line="171" />
            <source>Population near frequent public transport (SDG 11.2.1)</source>
            <translation>Population proche d'un transport public fréquent (ODD 11.2.1)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="173" />
            <source>Nearest qualifying stop</source>
            <translation>Arrêt qualifiant le plus proche</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="174" />
            <source>Capacity of the nearest stop</source>
            <translation>Capacité de l'arrêt le plus proche</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="175" />
            <source>Stop with frequent service</source>
            <translation>Arrêt à desserte fréquente</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="176" />
            <source>Departures per hour</source>
            <translation>Départs par heure</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="177" />
            <source>Departures in the window</source>
            <translation>Départs dans la plage horaire</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="179" />
            <source>Distance to the nearest stop or service</source>
            <translation>Distance à l'arrêt ou au service le plus proche</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="180" />
            <source>Walking time to the nearest service</source>
            <translation>Temps de marche jusqu'au service le plus proche</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="181" />
            <source>Service capacity within reach per 1000 inhabitants (2SFCA)</source>
            <translation>Capacité de service accessible pour 1000 habitants (2SFCA)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="183" />
            <source>Facilities within reach</source>
            <translation>Équipements accessibles</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="184" />
            <location filename="../alliance_plugin/core/indicators.py" line="189" />
            <source>Mean distance to the nearest service</source>
            <translation>Distance moyenne au service le plus proche</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="185" />
            <location filename="../alliance_plugin/core/indicators.py" line="187" />
            <source>Mean service capacity within reach per 1000 inhabitants</source>
            <translation>Capacité de service accessible moyenne pour 1000 habitants</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="190" />
            <source>Service score compared with the best-served territory</source>
            <translation>Score de service rapporté au territoire le mieux desservi</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="191" />
            <source>Gini coefficient</source>
            <translation>Coefficient de Gini</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="192" />
            <source>Theil index</source>
            <translation>Indice de Theil</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="194" />
            <location filename="../alliance_plugin/core/indicators.py" line="195" />
            <source>Grid class (degree of urbanisation)</source>
            <translation>Classe de la grille (degré d'urbanisation)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="198" />
            <source>Population density</source>
            <translation>Densité de population</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="199" />
            <location filename="../alliance_plugin/core/indicators.py" line="202" />
            <source>Population in urban centres</source>
            <translation>Population des centres urbains</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="200" />
            <location filename="../alliance_plugin/core/indicators.py" line="203" />
            <source>Population in urban clusters</source>
            <translation>Population des agglomérats urbains</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="201" />
            <location filename="../alliance_plugin/core/indicators.py" line="204" />
            <source>Population in rural cells</source>
            <translation>Population des mailles rurales</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="206" />
            <source>Observed flow</source>
            <translation>Flux observé</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="207" />
            <source>Flow expected by the gravity model</source>
            <translation>Flux attendu par le modèle gravitaire</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="208" />
            <source>Observed minus expected flow</source>
            <translation>Flux observé moins flux attendu</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="209" />
            <source>Pearson residual</source>
            <translation>Résidu de Pearson</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="211" />
            <source>Lowest self-sufficiency across resources (production / consumption)</source>
            <translation>Autosuffisance la plus faible parmi les ressources (production / consommation)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="213" />
            <source>Least self-sufficient resource</source>
            <translation>Ressource la moins autosuffisante</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="214" />
            <source>Highest import dependency across resources (inflow / consumption)</source>
            <translation>Dépendance aux importations la plus forte parmi les ressources (flux entrant / consommation)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="216" />
            <source>Lowest share of the inflow from nearby territories (local sourcing)</source>
            <translation>Part la plus faible du flux entrant venant de territoires proches (approvisionnement local)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="217" />
            <source>Largest resource-shed radius</source>
            <translation>Plus grand rayon de bassin d'approvisionnement</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="218" />
            <source>Resources in deficit</source>
            <translation>Ressources en déficit</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="220" />
            <source>Resource</source>
            <translation>Ressource</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="221" />
            <source>Production</source>
            <translation>Production</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="222" />
            <source>Consumption</source>
            <translation>Consommation</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="223" />
            <source>Net position (production minus consumption)</source>
            <translation>Position nette (production moins consommation)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="224" />
            <source>Self-sufficiency (production / consumption)</source>
            <translation>Autosuffisance (production / consommation)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="225" />
            <source>Import dependency (inflow / consumption)</source>
            <translation>Dépendance aux importations (flux entrant / consommation)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="226" />
            <source>Share of the inflow from nearby territories (local sourcing)</source>
            <translation>Part du flux entrant venant de territoires proches (approvisionnement local)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="227" />
            <source>Main supplier</source>
            <translation>Principal fournisseur</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="228" />
            <source>Number of suppliers</source>
            <translation>Nombre de fournisseurs</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="229" />
            <source>Resource-shed radius</source>
            <translation>Rayon du bassin d'approvisionnement</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="230" />
            <source>Territories in the resource-shed</source>
            <translation>Territoires du bassin d'approvisionnement</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="231" />
            <source>Deficit covered by the resource-shed</source>
            <translation>Déficit couvert par le bassin d'approvisionnement</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="233" />
            <source>Net contribution to the other classes (-1 receives only, 1 gives only)</source>
            <translation>Contribution nette aux autres classes (-1 ne fait que recevoir, 1 ne fait que donner)</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="235" />
            <source>Class exchanging most with the territory's class</source>
            <translation>Classe qui échange le plus avec la classe du territoire</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="236" />
            <source>Flow types the territory provides to other classes</source>
            <translation>Types de flux que le territoire fournit aux autres classes</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="237" />
            <source>Flow types the territory receives from other classes</source>
            <translation>Types de flux que le territoire reçoit des autres classes</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="238" />
            <source>Number of flow types exchanged</source>
            <translation>Nombre de types de flux échangés</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="239" />
            <source>Share of the exchange provided by the first class</source>
            <translation>Part de l'échange fournie par la première classe</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="240" />
            <source>Provided by the first class to the second</source>
            <translation>Fourni par la première classe à la seconde</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/indicators.py" line="241" />
            <source>Provided by the second class to the first</source>
            <translation>Fourni par la seconde classe à la première</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/citynet/centrality.py" line="224" />
            <source>distance must be 'inverse_volume' or 'hops'; got '{distance}'.</source>
            <translation>distance doit valoir « inverse_volume » ou « hops » ; reçu « {distance} ».</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/citynet/centrality.py" line="226" />
            <source>alpha (PageRank damping) must be between 0 and 1; got {alpha}.</source>
            <translation>alpha (amortissement du PageRank) doit être compris entre 0 et 1 ; reçu {alpha}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/citynet/centrality.py" line="228" />
            <source>sample_size must be at least 2 sources or None; got {sample_size}.</source>
            <translation>sample_size doit valoir au moins 2 sources ou None ; reçu {sample_size}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/citynet/intermediary.py" line="69" />
            <source>top_share must be a share in (0, 1]; got {top_share}.</source>
            <translation>top_share doit être une part dans ]0, 1] ; reçu {top_share}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/citynet/intermediary.py" line="75" />
            <source>size_quantiles must be two shares, low &lt;= high; got {size_quantiles}.</source>
            <translation>size_quantiles doit être deux parts, basse &lt;= haute ; reçu {size_quantiles}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/citynet/intermediary.py" line="80" />
            <source>min_size ({min_size}) must not exceed max_size ({max_size}).</source>
            <translation>min_size ({min_size}) ne doit pas dépasser max_size ({max_size}).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/citynet/pagerank.py" line="44" />
            <location filename="../alliance_plugin/core/citynet/pagerank.py" line="35" />
            <source>PageRank needs scipy, which cannot be imported here ({exc}).</source>
            <translation>Le PageRank a besoin de scipy, qui ne peut pas être importé ici ({exc}).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/citynet/pagerank.py" line="46" />
            <source>PageRank did not converge in {max_iter} iterations (tolerance {tol:g}): raise the maximum number of iterations.</source>
            <translation>Le PageRank n'a pas convergé en {max_iter} itérations (tolérance {tol:g}) : augmentez le nombre maximal d'itérations.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/citynet/sizes.py" line="86" />
            <source>top_n must be a positive whole number or None; got {top_n!r}.</source>
            <translation>top_n doit être un nombre entier positif ou None ; reçu {top_n!r}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/citynet/sizes.py" line="88" />
            <source>min_size must be a size of 0 or more; got {min_size!r}.</source>
            <translation>min_size doit être une taille supérieure ou égale à 0 ; reçu {min_size!r}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/citynet/sizes.py" line="108" />
            <source>{n_bad} values of '{column}' are not numbers ({labels}).</source>
            <translation>{n_bad} valeurs de « {column} » ne sont pas des nombres ({labels}).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/citynet/sizes.py" line="115" />
            <source>{n_negative} values of '{column}' are negative ({labels}); expected sizes of 0 or more.</source>
            <translation>{n_negative} valeurs de « {column} » sont négatives ({labels}) ; des tailles supérieures ou égales à 0 sont attendues.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/citynet/sizes.py" line="189" />
            <source>The city table has no rows: expected one row per city and date.</source>
            <translation>La table des villes n'a aucune ligne : une ligne par ville et par date est attendue.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/citynet/sizes.py" line="193" />
            <source>The city table has no column {missing}; its columns are {columns}.</source>
            <translation>La table des villes n'a pas de colonne {missing} ; ses colonnes sont {columns}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/citynet/sizes.py" line="200" />
            <source>Some rows have no city code or no date (row {index}).</source>
            <translation>Des lignes n'ont pas de code de ville ou pas de date (ligne {index}).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/citynet/sizes.py" line="204" />
            <source>{n_repeated} rows repeat a city at a date already seen (row {index}): expected one size per city and date.</source>
            <translation>{n_repeated} lignes répètent une ville à une date déjà vue (ligne {index}) : une taille par ville et par date est attendue.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/citynet/sizes.py" line="107" />
            <source>{n_bad} sizes are not numbers ({labels}).</source>
            <translation>{n_bad} tailles ne sont pas des nombres ({labels}).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/citynet/sizes.py" line="113" />
            <source>{n_negative} sizes are negative ({labels}); expected sizes of 0 or more.</source>
            <translation>{n_negative} tailles sont négatives ({labels}) ; des tailles supérieures ou égales à 0 sont attendues.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/degurba/cells.py" line="164" />
            <source>The population grid must be 2-D; got {ndim} dimension(s).</source>
            <translation>La grille de population doit être en 2 dimensions ; reçu {ndim} dimension(s).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/degurba/cells.py" line="166" />
            <source>Populations must not be negative; {n} cells are.</source>
            <translation>Les populations ne doivent pas être négatives ; {n} carreaux le sont.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/degurba/cells.py" line="169" />
            <source>land_share has the shape {shape}, the grid {grid_shape}.</source>
            <translation>land_share a la forme {shape}, la grille {grid_shape}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/degurba/cells.py" line="173" />
            <source>land_share holds shares between 0 and 1.</source>
            <translation>land_share contient des parts entre 0 et 1.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/degurba/cells.py" line="223" />
            <source>The majority counts neighbours out of 8 and must be 5 to 8 (None: off); got {majority}.</source>
            <translation>La majorité compte des voisins sur 8 et doit valoir de 5 à 8 (None : désactivée) ; reçu {majority}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/degurba/cells.py" line="226" />
            <source>The cell area must be positive; got {cell_area}.</source>
            <translation>La surface des carreaux doit être positive ; reçu {cell_area}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/degurba/units.py" line="54" />
            <source>cell_class, cell_pop and unit_of_cell differ in size: {n_cls}, {n_pop}, {n_units}.</source>
            <translation>cell_class, cell_pop et unit_of_cell n'ont pas la même taille : {n_cls}, {n_pop}, {n_units}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/degurba/units.py" line="58" />
            <location filename="../alliance_plugin/core/grid.py" line="94" />
            <source>Populations must not be negative; {n} are.</source>
            <translation>Les populations ne doivent pas être négatives ; {n} le sont.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/degurba/units.py" line="61" />
            <source>Unknown cell classes: {classes} (expected 0 to 3).</source>
            <translation>Classes de carreaux inconnues : {classes} (attendu de 0 à 3).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/dependencies.py" line="174" />
            <source>threshold is a share between 0 and 1</source>
            <translation>le seuil est une part comprise entre 0 et 1</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/dominant.py" line="83" />
            <source>size must be one of {sizes} or a Series; got '{size}'.</source>
            <translation>size doit valoir l'une de {sizes} ou une Series ; reçu « {size} ».</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/dominant.py" line="87" />
            <source>The size Series must have one value per territory; repeated: {index}.</source>
            <translation>La Series des tailles doit avoir une valeur par territoire ; répétés : {index}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/dominant.py" line="92" />
            <source>The size Series must give a number for every territory; {n_bad} have none ({ids}).</source>
            <translation>La Series des tailles doit donner un nombre pour chaque territoire ; {n_bad} n'en ont pas ({ids}).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/flows/pairs.py" line="73" />
            <source>No territory was given: expected at least one territory id.</source>
            <translation>Aucun territoire n'a été fourni : au moins un identifiant de territoire est attendu.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/flows/pairs.py" line="75" />
            <location filename="../alliance_plugin/core/interaction/pairs.py" line="45" />
            <source>Territory ids must be unique; repeated: {ids}.</source>
            <translation>Les identifiants de territoire doivent être uniques ; répétés : {ids}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/flows/pairs.py" line="124" />
            <source>A flow table needs the columns origin, destination, flow_type, value; missing: {missing}.</source>
            <translation>Une table de flux doit avoir les colonnes origin, destination, flow_type, value ; manquantes : {missing}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/flows/pairs.py" line="131" />
            <source>{n_unknown} flow codes are not territories ({unknown}): expected flows between the given territories (see match_territories).</source>
            <translation>{n_unknown} codes de flux ne sont pas des territoires ({unknown}) : des flux entre les territoires fournis sont attendus (voir match_territories).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/flows/pairs.py" line="137" />
            <location filename="../alliance_plugin/core/flows/table.py" line="118" />
            <source>{n_missing} rows have a missing or non-numeric volume in '{volume}' ({rows}).</source>
            <translation>{n_missing} lignes ont un volume manquant ou non numérique dans « {volume} » ({rows}).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/flows/pairs.py" line="141" />
            <location filename="../alliance_plugin/core/flows/table.py" line="123" />
            <source>{n_negative} rows have a negative volume in '{volume}' ({rows}).</source>
            <translation>{n_negative} lignes ont un volume négatif dans « {volume} » ({rows}).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/flows/pairs.py" line="192" />
            <source>The flow type '{flow_type}' is not in the table; its types are {types}.</source>
            <translation>Le type de flux « {flow_type} » n'est pas dans la table ; ses types sont {types}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/flows/reading.py" line="80" />
            <source>The volume field '{name}' is not in the table; its columns are {columns}.</source>
            <translation>Le champ de volume « {name} » n'est pas dans la table ; ses colonnes sont {columns}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/flows/reading.py" line="72" />
            <source>No volume field found among the columns {columns}; name it in the volume field parameter.</source>
            <translation>Aucun champ de volume trouvé parmi les colonnes {columns} ; indiquez-le dans le paramètre du champ de volume.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/flows/reading.py" line="75" />
            <source>The origin field '{name}' is not in the table; its columns are {columns}.</source>
            <translation>Le champ d'origine « {name} » n'est pas dans la table ; ses colonnes sont {columns}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/flows/reading.py" line="78" />
            <source>The destination field '{name}' is not in the table; its columns are {columns}.</source>
            <translation>Le champ de destination « {name} » n'est pas dans la table ; ses colonnes sont {columns}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/flows/reading.py" line="109" />
            <source>The flow-type field '{flow_type}' is not in the table; its columns are {columns}.</source>
            <translation>Le champ de type de flux « {flow_type} » n'est pas dans la table ; ses colonnes sont {columns}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/flows/reading.py" line="139" />
            <source>The flow file {path} is empty.</source>
            <translation>Le fichier de flux {path} est vide.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/flows/reading.py" line="203" />
            <source>The field '{missing}' is not in {path}; its columns are {columns}.</source>
            <translation>Le champ « {missing} » n'est pas dans {path} ; ses colonnes sont {columns}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/flows/reading.py" line="216" />
            <source>The flow file {path} has a header but no rows.</source>
            <translation>Le fichier de flux {path} a un en-tête mais aucune ligne.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/flows/reading.py" line="67" />
            <source>No origin field found among the columns {columns}; name it in the origin field parameter.</source>
            <translation>Aucun champ d'origine trouvé parmi les colonnes {columns} ; indiquez-le dans le paramètre du champ d'origine.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/flows/reading.py" line="70" />
            <source>No destination field found among the columns {columns}; name it in the destination field parameter.</source>
            <translation>Aucun champ de destination trouvé parmi les colonnes {columns} ; indiquez-le dans le paramètre du champ de destination.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/flows/reading.py" line="190" />
            <source>{path} cannot be read as a table near line {line} ({reason}): check the quotes (one opened and never closed) and the delimiter ('{delimiter}').</source>
            <translation>{path} ne se lit pas comme un tableau vers la ligne {line} ({reason}) : vérifiez les guillemets (un guillemet ouvert et jamais fermé) et le séparateur (« {delimiter} »).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/flows/reading.py" line="156" />
            <source>Cannot find the delimiter of {path}: its first line is '{header}'.</source>
            <translation>Impossible de trouver le séparateur de {path} : sa première ligne est « {header} ».</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/flows/reading.py" line="187" />
            <source>{path} cannot be read as a table ({reason}): check the quotes and the delimiter ('{delimiter}').</source>
            <translation>{path} ne se lit pas comme un tableau ({reason}) : vérifiez les guillemets et le séparateur (« {delimiter} »).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/flows/table.py" line="104" />
            <location filename="../alliance_plugin/core/interaction/pairs.py" line="171" />
            <source>The flow table has no rows.</source>
            <translation>La table des flux n'a aucune ligne.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/flows/table.py" line="127" />
            <source>Some volumes in '{volume}' are infinite.</source>
            <translation>Des volumes de « {volume} » sont infinis.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/flows/table.py" line="131" />
            <source>The volumes in '{volume}' add up to more than a number can hold (the largest is {largest:g}): check the unit of the column.</source>
            <translation>Les volumes de « {volume} » dépassent ensemble ce qu'un nombre peut contenir (le plus grand vaut {largest:g}) : vérifiez l'unité de la colonne.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/flows/table.py" line="114" />
            <source>{n_missing} rows have no destination code in '{column}' ({rows}).</source>
            <translation>{n_missing} lignes n'ont pas de code de destination dans « {column} » ({rows}).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/flows/table.py" line="147" />
            <source>None of the flow types to keep ({wanted}) is in the table; its types are {present}.</source>
            <translation>Aucun des types de flux à conserver ({wanted}) n'est dans la table ; ses types sont {present}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/flows/table.py" line="157" />
            <source>No flow reaches the minimum volume {min_volume:g}: lower the minimum volume.</source>
            <translation>Aucun flux n'atteint le volume minimal {min_volume:g} : abaissez le volume minimal.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/flows/table.py" line="113" />
            <source>{n_missing} rows have no origin code in '{column}' ({rows}).</source>
            <translation>{n_missing} lignes n'ont pas de code d'origine dans « {column} » ({rows}).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/functional_areas.py" line="251" />
            <source>Say which units are cities: a city field, or the share of population in an urban centre.</source>
            <translation>Indiquez quelles unités sont des villes : un champ ville, ou la part de la population dans un centre urbain.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/geometry.py" line="256" />
            <source>{what}: coordinates between {xmin} and {xmax} (x) and {ymin} and {ymax} (y) look like degrees; reproject to a projected CRS in metres first.</source>
            <translation>{what} : des coordonnées entre {xmin} et {xmax} (x) et entre {ymin} et {ymax} (y) ressemblent à des degrés ; reprojetez d'abord dans un SCR projeté en mètres.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/grid.py" line="50" />
            <source>A grid of {rows:,.0f} x {cols:,.0f} cells of {cell:g} m is too large (limit {limit:,}): choose larger cells or a smaller area.</source>
            <translation>Une grille de {rows:,.0f} x {cols:,.0f} carreaux de {cell:g} m est trop grande (limite {limit:,}) : choisissez des carreaux plus grands ou une zone plus petite.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/grid.py" line="89" />
            <source>x, y and population must have the same length; got {n_x}, {n_y}, {n_pop}.</source>
            <translation>x, y et la population doivent avoir la même longueur ; reçu {n_x}, {n_y}, {n_pop}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/grid.py" line="92" />
            <source>The cell size must be positive; got {cell}.</source>
            <translation>La taille des carreaux doit être positive ; reçu {cell}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/grid.py" line="110" />
            <source>{n} points lie outside the bounds {bounds}.</source>
            <translation>{n} points sont hors de l'emprise {bounds}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/grid.py" line="211" />
            <source>The polygons are not the square cells of a grid.</source>
            <translation>Les polygones ne sont pas les carreaux carrés d'une grille.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/grid.py" line="220" />
            <source>{n} polygons are not cells of a regular grid of {cell:g} m squares (the first: bounds {b}); give the cells of one grid, or points.</source>
            <translation>{n} polygones ne sont pas des carreaux d'une grille régulière de carrés de {cell:g} m (le premier : emprise {b}) ; fournissez les carreaux d'une même grille, ou des points.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/grid.py" line="277" />
            <source>{n} grid cells are given more than once (overlapping polygons): one polygon per cell.</source>
            <translation>{n} carreaux sont fournis plusieurs fois (polygones superposés) : un polygone par carreau.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/grid.py" line="100" />
            <source>No point with coordinates: the grid would be empty.</source>
            <translation>Aucun point n'a de coordonnées : la grille serait vide.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/growth/extent.py" line="90" />
            <source>No built-up polygon to put on the grid.</source>
            <translation>Aucun polygone bâti à placer sur la grille.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/growth/extent.py" line="97" />
            <source>A grid of {rows:,} x {cols:,} cells of {cell} m is too large (limit {limit:,}): choose larger cells or a smaller area.</source>
            <translation>Une grille de {rows:,} x {cols:,} carreaux de {cell} m est trop grande (limite {limit:,}) : choisissez des carreaux plus grands ou une zone plus petite.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/growth/extent.py" line="167" />
            <source>The built-up grid must be 2-D with a positive cell size.</source>
            <translation>La grille du bâti doit être en 2 dimensions avec une taille de carreau positive.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/growth/extent.py" line="171" />
            <source>A radius of {radius} m spans {cells:,.0f} cells of {cell}: is the cell size in metres?</source>
            <translation>Un rayon de {radius} m couvre {cells:,.0f} carreaux de {cell} : la taille des carreaux est-elle en mètres ?</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/growth/patches.py" line="234" />
            <source>The ring width must be a positive number of metres; got {ring}.</source>
            <translation>La largeur de l'anneau doit être un nombre positif de mètres ; reçu {ring}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/growth/patches.py" line="236" />
            <source>min_area must be 0 or more and quad_segs 1 or more; got {min_area}, {quad_segs}.</source>
            <translation>min_area doit valoir 0 ou plus et quad_segs 1 ou plus ; reçu {min_area}, {quad_segs}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/growth/patches.py" line="332" />
            <source>{n_patches} patches but {n_codes} territory codes.</source>
            <translation>{n_patches} taches mais {n_codes} codes de territoire.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/growth/patches.py" line="336" />
            <source>Unknown growth classes: {unknown}.</source>
            <translation>Classes de croissance inconnues : {unknown}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/growth/rings.py" line="86" />
            <source>The distances must be positive and increasing; got {distances}.</source>
            <translation>Les distances doivent être positives et croissantes ; reçu {distances}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/growth/rings.py" line="90" />
            <source>{n} distances need {needed} labels (the cores first); got {given}.</source>
            <translation>{n} distances demandent {needed} libellés (les cœurs en premier) ; reçu {given}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/growth/rings.py" line="94" />
            <source>No core polygon: the rings need at least one.</source>
            <translation>Aucun polygone de cœur : les anneaux en demandent au moins un.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/growth/rings.py" line="157" />
            <source>No urban polygon: the prospective buffer needs the current urban area.</source>
            <translation>Aucun polygone urbain : le tampon prospectif a besoin de la surface urbaine actuelle.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/growth/rings.py" line="165" />
            <source>A positive current population, a growth rate above -100 % and a horizon of 0 years or more are needed (or a target area).</source>
            <translation>Il faut une population actuelle positive, un taux de croissance supérieur à -100 % et un horizon de 0 an ou plus (ou une surface cible).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/growth/rings.py" line="171" />
            <source>The density must be positive; got {density}.</source>
            <translation>La densité doit être positive ; reçu {density}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/growth/sdg11_3_1.py" line="32" />
            <source>{name} holds {n_values} values for {n_index} territories.</source>
            <translation>{name} contient {n_values} valeurs pour {n_index} territoires.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/growth/sdg11_3_1.py" line="75" />
            <source>area_unit must be one of {units}; got {area_unit!r}.</source>
            <translation>area_unit doit valoir l'une de {units} ; reçu {area_unit!r}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/growth/sdg11_3_1.py" line="86" />
            <source>years between the dates must be positive.</source>
            <translation>Le nombre d'années entre les dates doit être positif.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/growth/sdg11_3_1.py" line="83" />
            <source>{name} must not be negative; it is for {index}.</source>
            <translation>{name} ne doit pas être négatif ; il l'est pour {index}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/growth/tiles.py" line="392" />
            <source>A growth patch kept growing past {rounds} windows around {region}.</source>
            <translation>Une tache de croissance a continué de s'étendre au-delà de {rounds} fenêtres autour de {region}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/growth/tiles.py" line="307" />
            <source>The tile size must be a positive number of metres; got {size}.</source>
            <translation>La taille des tuiles doit être un nombre positif de mètres ; reçu : {size}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/growth/tiles.py" line="148" />
            <source>A SQL filter (where) needs a GDAL source, not GeoParquet: {path}.</source>
            <translation>Un filtre SQL (where) demande une source GDAL, pas du GeoParquet : {path}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/gtfs/__init__.py" line="74" />
            <source>{member} in {feed} would take {size:,} bytes once decompressed: more than a GTFS feed holds; check the file</source>
            <translation>{member} dans {feed} occuperait {size:,} octets une fois décompressé : plus que ne contient un flux GTFS ; vérifiez le fichier</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/gtfs/__init__.py" line="77" />
            <source>{member} in {feed} is compressed {ratio:,.0f} times ({size:,} bytes from {compressed:,}): refused as a damaged or malicious archive</source>
            <translation>{member} dans {feed} est compressé {ratio:,.0f} fois ({size:,} octets à partir de {compressed:,}) : refusé comme archive endommagée ou malveillante</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/gtfs/__init__.py" line="119" />
            <source>a GTFS feed needs {files}; {name} lacks {missing}</source>
            <translation>un flux GTFS a besoin de {files} ; il manque {missing} à {name}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/gtfs/__init__.py" line="123" />
            <source>a GTFS feed needs calendar.txt or calendar_dates.txt; {name} has neither</source>
            <translation>un flux GTFS a besoin de calendar.txt ou de calendar_dates.txt ; {name} n'a ni l'un ni l'autre</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/gtfs/__init__.py" line="113" />
            <source>expected a GTFS zip file or folder, got {path!r} which is neither</source>
            <translation>un fichier zip ou un dossier GTFS est attendu, reçu {path!r} qui n'est ni l'un ni l'autre</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/gtfs/__init__.py" line="115" />
            <source>expected a GTFS zip file or folder, got {path!r} which does not exist</source>
            <translation>un fichier zip ou un dossier GTFS est attendu, reçu {path!r} qui n'existe pas</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/gtfs/calls.py" line="88" />
            <source>stop_times.txt: trip {trip!r} has no time at its last stop (stop_sequence {sequence}); the GTFS reference requires the times of the first and last stops of every trip (trips lacking one: {count})</source>
            <translation>stop_times.txt : le trajet {trip!r} n'a pas d'heure à son dernier arrêt (stop_sequence {sequence}) ; la référence GTFS exige les heures du premier et du dernier arrêt de chaque trajet (trajets sans l'une d'elles : {count})</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/gtfs/calls.py" line="43" />
            <source>stop_times.txt needs departure_time or arrival_time; it has neither</source>
            <translation>stop_times.txt a besoin de departure_time ou arrival_time ; il n'a ni l'un ni l'autre</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/gtfs/calls.py" line="85" />
            <source>stop_times.txt: trip {trip!r} has no time at its first stop (stop_sequence {sequence}); the GTFS reference requires the times of the first and last stops of every trip (trips lacking one: {count})</source>
            <translation>stop_times.txt : le trajet {trip!r} n'a pas d'heure à son premier arrêt (stop_sequence {sequence}) ; la référence GTFS exige les heures du premier et du dernier arrêt de chaque trajet (trajets sans l'une d'elles : {count})</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/gtfs/calls.py" line="50" />
            <source>stop_times.txt: trip {trip!r} has the stop_sequence {value!r}; expected a whole number</source>
            <translation>stop_times.txt : le trajet {trip!r} a le stop_sequence {value!r} ; un nombre entier est attendu</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/gtfs/calls.py" line="67" />
            <source>stop_times.txt: trip {trip!r} has the {column} {value!r} at stop_sequence {sequence}; expected a time as HH:MM:SS</source>
            <translation>stop_times.txt : le trajet {trip!r} a le {column} {value!r} au stop_sequence {sequence} ; une heure HH:MM:SS est attendue</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/gtfs/departures.py" line="87" />
            <source>expected a window with start before end, got {start} to {end}</source>
            <translation>une plage horaire dont le début précède la fin est attendue, reçu {start} à {end}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/gtfs/departures.py" line="103" />
            <source>expected services running on {day} ({weekday}); none does in calendar or calendar_dates</source>
            <translation>des services circulant le {day} ({weekday}) sont attendus ; aucun ne circule d'après calendar ou calendar_dates</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/gtfs/departures.py" line="164" />
            <source>expected departures from stop_departures (attrs['hours'] the window length), got attrs {attrs!r}</source>
            <translation>des départs issus de stop_departures sont attendus (attrs['hours'] la durée de la plage), reçu attrs {attrs!r}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/gtfs/departures.py" line="167" />
            <source>expected a non-negative frequency and distances, got {min_per_hour}, {low_distance}, {high_distance}</source>
            <translation>une fréquence et des distances positives ou nulles sont attendues, reçu {min_per_hour}, {low_distance}, {high_distance}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/gtfs/departures.py" line="91" />
            <source>expected a feed from read_gtfs holding {name}; it is missing</source>
            <translation>un flux issu de read_gtfs contenant {name} est attendu ; il manque</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/gtfs/service.py" line="88" />
            <source>expected a weekday among {weekdays}, got {weekday!r}</source>
            <translation>un jour de la semaine parmi {weekdays} est attendu, reçu {weekday!r}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/gtfs/service.py" line="96" />
            <source>expected services running on a {weekday} in calendar.txt or calendar_dates.txt; none runs on any of the feed's dates</source>
            <translation>des services circulant un {weekday} sont attendus dans calendar.txt ou calendar_dates.txt ; aucun ne circule à l'une des dates du flux</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/gtfs/service.py" line="82" />
            <source>expected a date as YYYY-MM-DD, got {date!r}</source>
            <translation>une date au format AAAA-MM-JJ est attendue, reçu {date!r}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/gtfs/spec.py" line="47" />
            <source>{name}.txt needs the columns {columns}; it lacks {missing}</source>
            <translation>{name}.txt doit avoir les colonnes {columns} ; il lui manque {missing}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/gtfs/spec.py" line="67" />
            <location filename="../alliance_plugin/core/gtfs/spec.py" line="65" />
            <source>expected a time as HH:MM or HH:MM:SS, got {value!r}</source>
            <translation>une heure au format HH:MM ou HH:MM:SS est attendue, reçu {value!r}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/inequality.py" line="27" />
            <source>expected as many weights as values, got {weights_shape} and {values_shape}</source>
            <translation>autant de poids que de valeurs sont attendus, reçu {weights_shape} et {values_shape}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/inequality.py" line="31" />
            <source>expected non-negative values for an inequality index, got negative ones</source>
            <translation>des valeurs positives ou nulles sont attendues pour un indice d'inégalité, reçu des valeurs négatives</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/distances.py" line="31" />
            <source>Point ids must be unique; repeated: {repeated}.</source>
            <translation>Les identifiants des points doivent être uniques ; répétés : {repeated}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/distances.py" line="50" />
            <source>{n_bad} territories have no point: {codes}.</source>
            <translation>{n_bad} territoires n'ont pas de point : {codes}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/distances.py" line="136" />
            <source>unit must be 'm' or 'km'; given {unit!r}.</source>
            <translation>unit doit valoir « m » ou « km » ; reçu {unit!r}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/distances.py" line="138" />
            <source>method must be 'ellipsoid' or 'haversine'; given {method!r}.</source>
            <translation>method doit valoir « ellipsoid » ou « haversine » ; reçu {method!r}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/distances.py" line="142" />
            <source>{n_origins} origins but {n_destinations} destinations were given.</source>
            <translation>{n_origins} origines mais {n_destinations} destinations ont été fournies.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/distances.py" line="34" />
            <source>Points need columns 'x' and 'y'; given {columns}.</source>
            <translation>Les points doivent avoir les colonnes « x » et « y » ; reçu {columns}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/distances.py" line="150" />
            <source>Geographic points must be longitude and latitude in degrees; some latitudes exceed 90 or longitudes 360: is the layer projected?</source>
            <translation>Les points géographiques doivent être en longitude et latitude en degrés ; des latitudes dépassent 90 ou des longitudes 360 : la couche est-elle projetée ?</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/estimation.py" line="80" />
            <source>The {what} did not converge in {max_iter} iterations (expected gain still {half_decrement:.3g}); raise max_iter or check the flows.</source>
            <translation>L'estimation ({what}) n'a pas convergé en {max_iter} itérations (gain attendu encore {half_decrement:.3g}) ; augmentez max_iter ou vérifiez les flux.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/estimation.py" line="161" />
            <source>The regressors are collinear (the information matrix is singular): a mass or the distance is constant or explained by the fixed effects (a doubly-constrained model needs four territories or more when distances are symmetric).</source>
            <translation>Les régresseurs sont colinéaires (la matrice d'information est singulière) : une masse ou la distance est constante ou expliquée par les effets fixes (un modèle doublement contraint demande au moins quatre territoires quand les distances sont symétriques).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/estimation.py" line="61" />
            <source>The {what} went astray at iteration {iteration} (the Newton system is not positive definite): are some regressors collinear?</source>
            <translation>L'estimation ({what}) a divergé à l'itération {iteration} (le système de Newton n'est pas défini positif) : des variables explicatives sont-elles colinéaires ?</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/estimation.py" line="308" />
            <source>method='irls' needs the pairs to link every territory (their fixed effects are not identified across the {components} separate groups): use method='profile'.</source>
            <translation>method='irls' exige que les paires relient tous les territoires (leurs effets fixes ne sont pas identifiés entre les {components} groupes séparés) : utilisez method='profile'.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/estimation.py" line="312" />
            <source>method='irls' handles at most max_dense={max_dense} parameters; this model has {n_parameters}: use method='profile'.</source>
            <translation>method='irls' traite au plus max_dense={max_dense} paramètres ; ce modèle en a {n_parameters} : utilisez method='profile'.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/estimation.py" line="74" />
            <source>The {what} could not improve the likelihood at iteration {iteration}; the model may not be identified by these flows.</source>
            <translation>L'estimation ({what}) n'a pas pu améliorer la vraisemblance à l'itération {iteration} ; le modèle n'est peut-être pas identifié par ces flux.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/estimation.py" line="280" />
            <source>The standard errors could not be computed: the conjugate gradient solve stopped at a relative residual of {residual:.2g}.</source>
            <translation>Les erreurs types n'ont pas pu être calculées : la résolution par gradient conjugué s'est arrêtée à un résidu relatif de {residual:.2g}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/families.py" line="84" />
            <source>The {side} mass '{name}' must be positive and finite (its logarithm is a regressor); {n_bad} pairs have {kinds} values: {pairs}.</source>
            <translation>La masse ({side}) « {name} » doit être positive et finie (son logarithme est une variable explicative) ; {n_bad} paires ont des valeurs {kinds} : {pairs}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/families.py" line="72" />
            <source>The {side} masses repeat territories: {index}.</source>
            <translation>Les masses ({side}) répètent des territoires : {index}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/families.py" line="79" />
            <source>{n_unknown} {side}s have no {side} mass: {labels}.</source>
            <translation>{n_unknown} territoires ({side}) n'ont pas de masse ({side}) : {labels}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/families.py" line="115" />
            <source>The {family}-constrained model has destination effects: it cannot also take a destination mass; leave destination_mass empty.</source>
            <translation>Le modèle contraint ({family}) a des effets de destination : il ne peut pas prendre aussi une masse de destination ; laissez destination_mass vide.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/families.py" line="113" />
            <source>The {family}-constrained model has origin effects: it cannot also take an origin mass; leave origin_mass empty.</source>
            <translation>Le modèle contraint ({family}) a des effets d'origine : il ne peut pas prendre aussi une masse d'origine ; laissez origin_mass vide.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/families.py" line="144" />
            <source>A {family}-constrained model needs a positive total flow for every destination (its destination effect would be minus infinity); {n_empty} destinations have only zero flows: {labels}. Remove their pairs or use another model.</source>
            <translation>Un modèle contraint ({family}) exige un flux total positif pour chaque destination (son effet de destination serait moins l'infini) ; {n_empty} destinations n'ont que des flux nuls : {labels}. Retirez leurs paires ou utilisez un autre modèle.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/families.py" line="140" />
            <source>A {family}-constrained model needs a positive total flow for every origin (its origin effect would be minus infinity); {n_empty} origins have only zero flows: {labels}. Remove their pairs or use another model.</source>
            <translation>Un modèle contraint ({family}) exige un flux total positif pour chaque origine (son effet d'origine serait moins l'infini) ; {n_empty} origines n'ont que des flux nuls : {labels}. Retirez leurs paires ou utilisez un autre modèle.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/model.py" line="67" />
            <source>family must be one of {families}; given {family!r}.</source>
            <translation>family doit valoir l'une de {families} ; reçu {family!r}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/model.py" line="70" />
            <source>decay must be 'power' or 'exponential'; given {decay!r}.</source>
            <translation>decay doit valoir « power » ou « exponential » ; reçu {decay!r}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/model.py" line="72" />
            <source>method must be 'auto', 'profile' or 'irls'; given {method!r}.</source>
            <translation>method doit valoir « auto », « profile » ou « irls » ; reçu {method!r}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/model.py" line="165" />
            <source>The model has {k} parameters but only {n_y} pairs.</source>
            <translation>Le modèle a {k} paramètres mais seulement {n_y} paires.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/pairs.py" line="50" />
            <source>{n} territories make {total:,} pairs, more than max_pairs={max_pairs:,}.</source>
            <translation>{n} territoires forment {total:,} paires, plus que max_pairs={max_pairs:,}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/pairs.py" line="54" />
            <source>The flows hold several flow types ({kinds}): select one first.</source>
            <translation>Les flux contiennent plusieurs types de flux ({kinds}) : sélectionnez-en d'abord un.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/pairs.py" line="59" />
            <source>{n_unknown} flows have codes that are not territories.</source>
            <translation>{n_unknown} flux ont des codes qui ne sont pas des territoires.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/pairs.py" line="98" />
            <source>{n_pairs} pairs have different distances in their rows of different flow types ({pairs}): the flow types are summed per pair, which needs one distance per pair. Give each pair the same distance in every row, or keep one flow type.</source>
            <translation>{n_pairs} couples ont des distances différentes selon leurs lignes de types de flux différents ({pairs}) : les types de flux sont additionnés par couple, ce qui demande une seule distance par couple. Donnez à chaque couple la même distance sur toutes ses lignes, ou gardez un seul type de flux.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/pairs.py" line="146" />
            <source>The {role} column '{name}' is not in the flow table; its columns are {columns}.</source>
            <translation>La colonne ({role}) « {name} » n'est pas dans la table des flux ; ses colonnes sont {columns}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/pairs.py" line="154" />
            <source>{n_missing} flows have no {role} code (rows {index}).</source>
            <translation>{n_missing} flux n'ont pas de code ({role}) (lignes {index}).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/pairs.py" line="192" />
            <source>{n_repeated} rows repeat a pair ({pairs}): give one row per origin and destination.</source>
            <translation>{n_repeated} lignes répètent une paire ({pairs}) : donnez une ligne par origine et destination.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/pairs.py" line="208" />
            <source>No pair is left to model (intrazonal pairs are left out unless intrazonal=True).</source>
            <translation>Il ne reste aucun couple à modéliser (les couples intrazonaux sont écartés sauf avec intrazonal=True).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/pairs.py" line="219" />
            <source>Power decay takes the logarithm of distance, which must be positive; {n_pairs} pairs have a zero distance: {pairs}. Use exponential decay or positive distances.</source>
            <translation>La décroissance puissance prend le logarithme de la distance, qui doit être positive ; {n_pairs} paires ont une distance nulle : {pairs}. Utilisez la décroissance exponentielle ou des distances positives.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/pairs.py" line="224" />
            <source>Every flow is zero: there is nothing to fit.</source>
            <translation>Tous les flux sont nuls : il n'y a rien à ajuster.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/pairs.py" line="168" />
            <source>The flow table needs an '{name}' column; its columns are {columns}.</source>
            <translation>La table des flux doit avoir une colonne « {name} » ; ses colonnes sont {columns}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/pairs.py" line="175" />
            <source>The flows hold {n_kinds} flow types ({kinds}): choose one with flow_type=.</source>
            <translation>Les flux contiennent {n_kinds} types de flux ({kinds}) : choisissez-en un avec flow_type=.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/pairs.py" line="215" />
            <source>{n_pairs} pairs have {label}: {pairs}.</source>
            <translation>{n_pairs} paires ont {label} : {pairs}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/interaction/pairs.py" line="179" />
            <source>No flow of type '{flow_type}'; the types are {kinds}.</source>
            <translation>Aucun flux de type « {flow_type} » ; les types sont {kinds}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/network/graph.py" line="35" />
            <source>expected {name} as an (n, 2) array of x, y, got shape {shape}</source>
            <translation>{name} attendus sous forme de tableau (n, 2) de x, y, reçu la forme {shape}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/network/graph.py" line="73" />
            <source>expected segments as an (n, 4) array x0, y0, x1, y1 or a pair of (n, 2) arrays, got shape {shape}</source>
            <translation>des segments sont attendus sous forme de tableau (n, 4) x0, y0, x1, y1 ou d'une paire de tableaux (n, 2), reçu la forme {shape}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/network/graph.py" line="181" />
            <source>expected street segments, got none</source>
            <translation>des tronçons de rue sont attendus, il n'y en a aucun</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/network/graph.py" line="183" />
            <source>expected finite segment coordinates, got NaN or infinite values</source>
            <translation>des coordonnées de tronçons finies sont attendues, reçu des valeurs NaN ou infinies</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/network/graph.py" line="185" />
            <source>expected a positive node tolerance in metres, got {tolerance}</source>
            <translation>une tolérance de nœuds positive en mètres est attendue, reçu {tolerance}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/network/graph.py" line="250" />
            <source>expected a non-negative snap tolerance in metres, got {tolerance}</source>
            <translation>une tolérance d'accrochage positive ou nulle en mètres est attendue, reçu {tolerance}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/network/graph.py" line="68" />
            <source>expected as many segment starts as ends, got {n_a} and {n_b}</source>
            <translation>autant de débuts que de fins de segments sont attendus, reçu {n_a} et {n_b}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/network/graph.py" line="194" />
            <source>expected street segments, got only zero-length ones</source>
            <translation>des tronçons de rue sont attendus, il n'y a que des tronçons de longueur nulle</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/regions/intramax.py" line="61" />
            <source>The contiguity table needs the columns a and b; it has {columns}.</source>
            <translation>La table de contiguïté doit avoir les colonnes a et b ; elle a {columns}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/regions/intramax.py" line="69" />
            <source>{n_unknown} contiguity pairs name codes that are not territories: {codes}.</source>
            <translation>{n_unknown} paires de contiguïté citent des codes qui ne sont pas des territoires : {codes}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/regions/intramax.py" line="152" />
            <location filename="../alliance_plugin/core/regions/intramax.py" line="354" />
            <source>The number of regions must be at least 1; it is {n_regions}.</source>
            <translation>Le nombre de régions doit être au moins 1 ; il vaut {n_regions}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/regions/intramax.py" line="360" />
            <source>The history names regions that are not territories of this run.</source>
            <translation>L'historique nomme des régions qui ne sont pas des territoires de ce calcul.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/regions/modularity.py" line="96" />
            <source>Unknown community method '{method}': use louvain or leiden.</source>
            <translation>Méthode de communautés inconnue « {method} » : utilisez louvain ou leiden.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/regions/modularity.py" line="98" />
            <source>Unknown engine '{engine}': use core, networkx or igraph.</source>
            <translation>Moteur inconnu « {engine} » : utilisez core, networkx ou igraph.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/regions/modularity.py" line="100" />
            <source>The number of passes must be at least 1; it is {max_passes}.</source>
            <translation>Le nombre de passes doit être au moins 1 ; il vaut {max_passes}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/regions/modularity.py" line="222" />
            <source>The igraph engine needs the python-igraph package, which is not installed: install it into QGIS's Python (pip install igraph), or use Louvain with the core engine.</source>
            <translation>Le moteur igraph a besoin du paquet python-igraph, qui n'est pas installé : installez-le dans le Python de QGIS (pip install igraph), ou utilisez Louvain avec le moteur core.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/regions/modularity.py" line="219" />
            <source>Leiden needs the python-igraph package, which is not installed: install it into QGIS's Python (pip install igraph), or use Louvain with the core engine.</source>
            <translation>Leiden a besoin du paquet python-igraph, qui n'est pas installé : installez-le dans le Python de QGIS (pip install igraph), ou utilisez Louvain avec le moteur core.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/regions/partition.py" line="94" />
            <source>{n_missing} territories have no region: {missing}.</source>
            <translation>{n_missing} territoires n'ont pas de région : {missing}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/regions/partition.py" line="98" />
            <source>Territories without a region: {ids}.</source>
            <translation>Territoires sans région : {ids}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/regions/partition.py" line="89" />
            <source>The membership table needs a 'region' column.</source>
            <translation>La table d'appartenance a besoin d'une colonne 'region'.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/regions/partition.py" line="42" />
            <source>The flows hold several types ({kinds}); regions are built from one type: choose it.</source>
            <translation>Les flux contiennent plusieurs types ({kinds}) ; les régions sont construites à partir d'un seul type : choisissez-le.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/resources/balance.py" line="142" />
            <source>The resource-shed rule '{rule}' is unknown; expected one of {rules}.</source>
            <translation>La règle de bassin d'approvisionnement « {rule} » est inconnue ; attendu : {rules}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/resources/balance.py" line="158" />
            <source>{n} rows of values are of codes that are not territories ({codes}): expected values of the given territories (see match_values).</source>
            <translation>{n} lignes de valeurs ont des codes qui ne sont pas des territoires ({codes}) : des valeurs des territoires donnés sont attendues (voir match_values).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/resources/values.py" line="102" />
            <source>The resource '{resource}' has no consumption: give its consumption field or column, or a population field and a per-capita rate ({resource}=...).</source>
            <translation>La ressource « {resource} » n'a pas de consommation : donnez son champ ou sa colonne de consommation, ou un champ de population et un taux par habitant ({resource}=...).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/resources/values.py" line="106" />
            <source>The consumption of '{resource}' is derived from a per-capita rate, but no population field was given.</source>
            <translation>La consommation de « {resource} » est calculée à partir d'un taux par habitant, mais aucun champ de population n'a été donné.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/resources/values.py" line="111" />
            <source>{n} territories have a missing or negative population, needed for the consumption of '{resource}' ({rows}).</source>
            <translation>{n} territoires ont une population manquante ou négative, nécessaire à la consommation de « {resource} » ({rows}).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/resources/values.py" line="168" />
            <source>{n} rows of the table of values have no territory code or no resource ({rows}).</source>
            <translation>{n} lignes de la table de valeurs n'ont pas de code de territoire ou pas de ressource ({rows}).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/resources/values.py" line="275" />
            <source>{n} rows give the same territory and resource twice: {rows}.</source>
            <translation>{n} lignes donnent deux fois le même territoire et la même ressource : {rows}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/resources/values.py" line="281" />
            <source>The resource '{resource}' is given in several units ({units}): one unit per resource.</source>
            <translation>La ressource « {resource} » est donnée dans plusieurs unités ({units}) : une unité par ressource.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/resources/values.py" line="54" />
            <source>'{part}' is not of the form resource=value (for example food=0.5).</source>
            <translation>« {part} » n'est pas de la forme ressource=valeur (par exemple food=0.5).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/resources/values.py" line="72" />
            <source>The per-capita rate of '{resource}' is '{value}': expected a number, zero or more.</source>
            <translation>Le taux par habitant de « {resource} » est « {value} » : un nombre positif ou nul est attendu.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/resources/values.py" line="91" />
            <source>The resource '{resource}' has no production field: write resource: production field / consumption field.</source>
            <translation>La ressource « {resource} » n'a pas de champ de production : écrivez ressource: champ de production / champ de consommation.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/resources/values.py" line="162" />
            <source>The column '{field}' is not in the table of values; its columns are {fields}.</source>
            <translation>La colonne « {field} » n'est pas dans la table de valeurs ; ses colonnes sont {fields}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/resources/values.py" line="213" />
            <source>No column for '{role}' found among the columns {columns} of the table of values; name it in its field parameter.</source>
            <translation>Aucune colonne pour « {role} » parmi les colonnes {columns} de la table de valeurs ; nommez-la dans son paramètre de champ.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/resources/values.py" line="263" />
            <source>{n} rows have a missing or non-numeric consumption: {rows}.</source>
            <translation>{n} lignes ont une consommation manquante ou non numérique : {rows}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/resources/values.py" line="270" />
            <source>{n} rows have a negative consumption: {rows}.</source>
            <translation>{n} lignes ont une consommation négative : {rows}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/resources/values.py" line="135" />
            <source>The field '{field}' of the resource '{resource}' is not in the territories; their fields are {fields}.</source>
            <translation>Le champ « {field} » de la ressource « {resource} » n'est pas dans les territoires ; leurs champs sont {fields}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/resources/values.py" line="261" />
            <source>{n} rows have a missing or non-numeric production: {rows}.</source>
            <translation>{n} lignes ont une production manquante ou non numérique : {rows}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/resources/values.py" line="268" />
            <source>{n} rows have a negative production: {rows}.</source>
            <translation>{n} lignes ont une production négative : {rows}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/services.py" line="137" />
            <source>expected a positive catchment radius in metres, got {radius}</source>
            <translation>un rayon de desserte positif en mètres est attendu, reçu {radius}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/services.py" line="196" />
            <source>expected finite non-negative {name} values, got missing or negative ones</source>
            <translation>des valeurs finies et positives ou nulles sont attendues pour {name}, reçu des valeurs manquantes ou négatives</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/tenure/classes.py" line="113" />
            <source>Tenure classes must be one of {classes}; the mapping gives {wrong}.</source>
            <translation>Les classes foncières doivent être l'une de {classes} ; la correspondance donne {wrong}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/tenure/dask_engine.py" line="71" />
            <source>No data file found in: {items}.</source>
            <translation>Aucun fichier de données trouvé dans : {items}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/tenure/dask_engine.py" line="89" />
            <source>Expected GeoParquet (a 'geo' metadata key); this Parquet file has none.</source>
            <translation>GeoParquet attendu (une clé de métadonnées « geo ») ; ce fichier Parquet n'en a pas.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/tenure/dask_engine.py" line="364" />
            <source>The zones have no CRS; give them one (for example with ogr2ogr -a_srs).</source>
            <translation>Les zones n'ont pas de SCR ; donnez-leur en un (par exemple avec ogr2ogr -a_srs).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/tenure/dask_engine.py" line="366" />
            <source>Expected the class field {field!r} in the zones; they have {columns}.</source>
            <translation>Le champ de classe {field!r} est attendu dans les zones ; elles ont {columns}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/tenure/dask_engine.py" line="473" />
            <source>{path}: the parcels have no CRS; give them one (ogr2ogr -a_srs).</source>
            <translation>{path} : les parcelles n'ont pas de SCR ; donnez-leur en un (ogr2ogr -a_srs).</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/tenure/dask_engine.py" line="418" />
            <source>Expected the parcel id field {field!r} in {path}; it has {columns}.</source>
            <translation>Le champ d'identifiant de parcelle {field!r} est attendu dans {path} ; il a {columns}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/tenure/dask_engine.py" line="597" />
            <source>Expected the parcel id column {parcel_id!r}; the parcels have {columns}.</source>
            <translation>La colonne d'identifiant de parcelle {parcel_id!r} est attendue ; les parcelles ont {columns}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/tenure/overlay.py" line="415" />
            <source>Expected one parcel id per parcel; got {n_ids} ids for {n_parcels} parcels.</source>
            <translation>Un identifiant par parcelle est attendu ; reçu {n_ids} identifiants pour {n_parcels} parcelles.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/tenure/overlay.py" line="418" />
            <source>Parcel ids must be unique; repeated: {ids}.</source>
            <translation>Les identifiants de parcelle doivent être uniques ; répétés : {ids}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/tenure/overlay.py" line="427" />
            <source>Expected one class per zone; got {n_classes} classes for {n_zones} zones.</source>
            <translation>Une classe par zone est attendue ; reçu {n_classes} classes pour {n_zones} zones.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/tenure/overlay.py" line="432" />
            <source>Every zone needs a class (give the layer name where the class field is NULL); zones without one at positions {where}.</source>
            <translation>Chaque zone doit avoir une classe (donnez le nom de la couche là où le champ de classe est NULL) ; zones sans classe aux positions {where}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/tenure/summary.py" line="82" />
            <source>Expected the parcel table to have the columns {missing}; it has {columns}.</source>
            <translation>La table des parcelles doit avoir les colonnes {missing} ; elle a {columns}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/tenure/summary.py" line="87" />
            <source>Expected every parcel of the table in the overlay (same ids); not there: {unknown}.</source>
            <translation>Chaque parcelle de la table est attendue dans le croisement (mêmes identifiants) ; absentes : {unknown}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/tenure/summary.py" line="92" />
            <source>Expected tenure classes ({classes}, see tenure_classes); the column {tenure!r} holds {wrong}.</source>
            <translation>Des classes foncières sont attendues ({classes}, voir tenure_classes) ; la colonne {tenure!r} contient {wrong}.</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/transit/access.py" line="39" />
            <source>expected stops as a DataFrame with x, y, access_distance, got {kind}</source>
            <translation>des arrêts sont attendus sous forme de DataFrame avec x, y, access_distance, reçu {kind}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/transit/access.py" line="43" />
            <source>expected stops with the columns x, y, access_distance (metres); they lack {missing}</source>
            <translation>des arrêts avec les colonnes x, y, access_distance (mètres) sont attendus ; il leur manque {missing}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/transit/access.py" line="48" />
            <source>expected finite stop coordinates and non-negative access distances</source>
            <translation>des coordonnées d'arrêts finies et des distances d'accès positives ou nulles sont attendues</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/transit/shares.py" line="48" />
            <source>expected as many access flags as population values, got {flags_shape} and {population_shape}</source>
            <translation>autant d'indicateurs d'accès que de valeurs de population sont attendus, reçu {flags_shape} et {population_shape}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/transit/shares.py" line="51" />
            <source>expected finite non-negative population values, got missing or negative ones</source>
            <translation>des valeurs de population finies et positives ou nulles sont attendues, reçu des valeurs manquantes ou négatives</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/transit/shares.py" line="58" />
            <source>expected group columns of {n_pop} rows, got {n_groups}</source>
            <translation>des colonnes de groupe de {n_pop} lignes sont attendues, reçu {n_groups}</translation>
        </message>
        <message>
            <location filename="../alliance_plugin/core/transit/shares.py" line="97" />
            <source>expected {n_pop} territory values, got {n_keys}</source>
            <translation>{n_pop} valeurs de territoire sont attendues, reçu {n_keys}</translation>
        </message>
        <message>
            <source>Flow dependencies with several flow types (for example commuting and goods or waste flows)</source>
            <translation type="vanished">Dépendances de flux avec plusieurs types de flux (par exemple navettes et flux de marchandises ou de déchets)</translation>
        </message>
        <message>
            <source>Reciprocity of the flow pair</source>
            <translation type="vanished">Réciprocité du couple de flux</translation>
        </message>
        <message>
            <source>&lt;p&gt;SDG 11.2.1 (recommendation 7, feeding 1 and 3): the share of the population within walking distance of a public transport stop with frequent service. Low-capacity stops (bus, tram) count within 500 m, high-capacity ones (rail, metro, ferry) within 1 000 m: both are parameters.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Stops&lt;/b&gt; come from a point layer or a GTFS feed. With a layer, every stop qualifies unless a departures-per-hour field is given; the capacity field holds a mode (bus, tram, trolleybus, coach: low; rail, train, RER, metro, subway, ferry: high; in English or French) or a GTFS route type; unknown or empty values count as low capacity (the shorter distance) and are listed in the log. With a GTFS zip (stops, routes, trips, stop_times, and calendar and/or calendar_dates; frequencies.txt is honoured), departures are counted on one day in the window (default: the feed's Tuesday with the most services, 06:00 to 20:00; times after 24:00 belong to the previous service day). A stop qualifies when its average departures per hour reach the minimum; it is high capacity when its rail, metro and ferry departures alone reach it. Stops with no service in the window never qualify; if none qualifies the run still ends, with nobody having access and a warning.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Population&lt;/b&gt;: points, polygons or grid cells with a population field (or 1 per feature). Polygons stand at a point inside them. Optional sex, age group and disability fields disaggregate the shares; with territories (polygons and a code field) the shares are given per territory too. Features without geometry, outside the territories or beyond the snap tolerance are counted in the denominators without access, and the log says how many.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Outputs&lt;/b&gt;: the population layer with &lt;i&gt;access&lt;/i&gt; (1/0), &lt;i&gt;distance_m&lt;/i&gt; to the nearest qualifying stop (walked, snap distances included; NULL beyond the longest access distance, or beyond the advanced search distance when given), the nearest stop and its capacity, &lt;i&gt;placed&lt;/i&gt; and &lt;i&gt;snap_m&lt;/i&gt;; the shares table (territory, group, value, population, with_access, share_pct); optionally the territories with their share (&lt;i&gt;transit_share&lt;/i&gt;, 0 to 1, read by the recommendations scorecard); the service areas of the stops (along the network: the street pieces reached within the stop's distance, cut at the exact reach, each piece given to the nearest stop, so a stop whose streets are all nearer another has no geometry; no interpolation, no unreachable land; without a network: discs); the stops with their departures, capacity and whether they qualify. Every output has a &lt;i&gt;method&lt;/i&gt; field (&lt;i&gt;network&lt;/i&gt; or &lt;i&gt;euclidean proxy&lt;/i&gt;) and a params field; the numeric outputs (share, population, qualifying stops, unplaced features) feed models.&lt;/p&gt;</source>
            <translation type="vanished">&lt;p&gt;ODD 11.2.1 (recommandation 7, alimentant les recommandations 1 et 3) : la part de la population à distance à pied d'un arrêt de transports en commun à service fréquent. Les arrêts de faible capacité (bus, tram) comptent jusqu'à 500 m, ceux de forte capacité (train, métro, ferry) jusqu'à 1 000 m : les deux sont des paramètres.&lt;/p&gt;
&lt;p&gt;Les &lt;b&gt;arrêts&lt;/b&gt; viennent d'une couche de points ou d'un flux GTFS. Avec une couche, tous les arrêts sont retenus sauf si un champ de départs par heure est fourni ; le champ de capacité contient un mode (bus, tram, trolleybus, coach : faible ; rail, train, RER, metro, subway, ferry : forte ; en anglais ou en français) ou un type de ligne GTFS (route_type) ; les valeurs inconnues ou vides comptent comme faible capacité (la distance la plus courte) et sont listées dans le journal. Avec un zip GTFS (stops, routes, trips, stop_times, et calendar et/ou calendar_dates ; frequencies.txt est pris en compte), les départs sont comptés sur un jour, dans la plage horaire (par défaut : le mardi du flux qui a le plus de services, de 06:00 à 20:00 ; les horaires après 24:00 appartiennent au jour de service précédent). Un arrêt est retenu quand son nombre moyen de départs par heure atteint le minimum ; il est de forte capacité quand ses seuls départs de train, de métro et de ferry l'atteignent. Les arrêts sans service dans la plage horaire ne sont jamais retenus ; si aucun n'est retenu, le traitement va tout de même à son terme, personne n'ayant accès, avec un avertissement.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Population&lt;/b&gt; : des points, polygones ou carreaux de grille avec un champ de population (ou 1 par entité). Les polygones sont placés en un point situé à l'intérieur. Des champs facultatifs de sexe, de tranche d'âge et de handicap ventilent les parts ; avec des territoires (polygones et champ de code), les parts sont aussi données par territoire. Les entités sans géométrie, hors des territoires ou au-delà de la tolérance d'accrochage sont comptées dans les dénominateurs, sans accès, et le journal indique combien.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Sorties&lt;/b&gt; : la couche de population avec &lt;i&gt;access&lt;/i&gt; (1/0), &lt;i&gt;distance_m&lt;/i&gt; jusqu'à l'arrêt retenu le plus proche (à pied, distances d'accrochage comprises ; NULL au-delà de la plus grande distance d'accès, ou au-delà de la distance de recherche avancée si elle est donnée), l'arrêt le plus proche et sa capacité, &lt;i&gt;placed&lt;/i&gt; et &lt;i&gt;snap_m&lt;/i&gt; ; la table des parts (territory, group, value, population, with_access, share_pct) ; en option, les territoires avec leur part (&lt;i&gt;transit_share&lt;/i&gt;, de 0 à 1, lue par le tableau de bord des recommandations) ; les zones de desserte des arrêts (le long du réseau : les tronçons de rue atteints dans la distance de l'arrêt, coupés exactement à la limite atteinte, chaque tronçon étant attribué à l'arrêt le plus proche, si bien qu'un arrêt dont toutes les rues sont plus proches d'un autre n'a pas de géométrie ; sans interpolation ni terrain inatteignable ; sans réseau : des disques) ; les arrêts avec leurs départs, leur capacité et le fait qu'ils soient retenus ou non. Chaque sortie a un champ &lt;i&gt;method&lt;/i&gt; (&lt;i&gt;network&lt;/i&gt; ou &lt;i&gt;euclidean proxy&lt;/i&gt;) et un champ params ; les sorties numériques (part, population, arrêts retenus, entités non placées) alimentent les modèles.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>flows hold codes that are not territories: call match_territories first</source>
            <translation type="vanished">les flux contiennent des codes qui ne sont pas des territoires : appelez d'abord match_territories</translation>
        </message>
        <message>
            <source>Some flows have codes that are not territories: match the flows to the territories first.</source>
            <translation type="vanished">Des flux ont des codes qui ne sont pas des territoires : appariez d'abord les flux aux territoires.</translation>
        </message>
        <message>
            <source>The flow type '{flow_type}' is not in the table; its types are {kinds}.</source>
            <translation type="vanished">Le type de flux « {flow_type} » n'est pas dans la table ; ses types sont {kinds}.</translation>
        </message>
    </context>
</TS>
