//! Synthetic French news with planted facts: ground truth for the claim comparison at any scale.
//!
//! Each event (an earthquake, a forest fire, a demonstration, a storm, an inauguration) is told by
//! several outlets: a wire dispatch, copies of it (verbatim, with an outlet's header and footer,
//! cut short), and rewrites in other words, some published the next day. The facts of an event
//! (a toll, a magnitude, a crowd, a cost) are stated in real French sentence shapes, and each fact
//! is planted with what a careful reader would say of it: all sources agree; one rewrite changed
//! the figure (conflict); one gives a rounder figure (precision); the next day's articles give a
//! higher toll (timeline); the police and a union give their own counts (attributed difference).
//! The truth file lists, per fact, the documents and character spans that state it and that
//! verdict, so that slot recall and verdict accuracy can be measured on a million documents.

use chrono::NaiveDate;
use serde::Serialize;

use super::Rng;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewsDoc {
    pub id: String,
    pub title: String,
    pub source: String,
    pub published: String,
    pub lang: &'static str,
    pub text: String,
    /// The wire dispatch this document copies (the dispatch has its own id here); `None` for a
    /// rewrite in other words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
}

/// One planted fact of one event, with the verdict its slot should have.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlantedFact {
    pub event: String,
    pub fact: &'static str,
    /// `agree`, `conflict`, `precision`, `timeline` or `attributed_difference`, as the report's
    /// JSON names verdicts.
    pub verdict: &'static str,
    pub claims: Vec<PlantedClaim>,
}

/// Where a document states a planted fact.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlantedClaim {
    pub document: String,
    /// The document's wire cluster, or its own id: copies of one dispatch are one source.
    pub source: String,
    /// Character offsets of the figure (with its modifier) in the document's text.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Whether this is the changed side of the fact (the changed figure, the rounder one, the
    /// next day's toll, the union's count).
    pub variant: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewsParams {
    pub documents: usize,
    /// Number of events the documents tell; by default one per about seven documents.
    pub events: Option<usize>,
    pub seed: u64,
    /// Events that start on one day: how dense the archive is.
    pub events_per_day: usize,
}

impl Default for NewsParams {
    fn default() -> Self {
        NewsParams {
            documents: 1000,
            events: None,
            seed: 7,
            events_per_day: 12,
        }
    }
}

/// How a fact's figure is drawn and written.
#[derive(Debug, Clone, Copy)]
enum Shape {
    /// A whole count between the bounds.
    Count(u32, u32),
    /// A figure with one decimal (`5,8`), between tenths.
    Tenths(u32, u32),
    /// A time of day.
    Clock,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Planted {
    Agree,
    Conflict,
    Precision,
    Timeline,
    Attributed,
}

impl Planted {
    fn name(self) -> &'static str {
        match self {
            Planted::Agree => "agree",
            Planted::Conflict => "conflict",
            Planted::Precision => "precision",
            Planted::Timeline => "timeline",
            Planted::Attributed => "attributed_difference",
        }
    }
}

struct FactKind {
    name: &'static str,
    shape: Shape,
    /// Sentences stating it; `{v}` is the figure (`{V}` at the start of a sentence), with
    /// alternatives in brackets as in [`EventKind::fillers`].
    templates: &'static [&'static str],
    /// The verdicts this fact may be planted with. A running tally (a toll, arrests) is not
    /// planted as a same-day conflict: two tolls of one day are two updates as often as a
    /// contradiction, which the report leaves to a reader.
    verdicts: &'static [Planted],
}

struct EventKind {
    titles: &'static [&'static str],
    /// First sentences: what happened, where (an article names its event in its lead).
    leads: &'static [&'static str],
    facts: &'static [FactKind],
    /// Sentences without figures that every article of such an event may tell, with
    /// alternatives in brackets (`[a|b]`), one taken per article: two outlets do not word a
    /// background sentence alike unless one copies the other.
    fillers: &'static [&'static str],
}

use Planted::*;

const EARTHQUAKE: EventKind = EventKind {
    titles: &[
        "Séisme dans la région de {ville}",
        "La terre a tremblé près de {ville}",
        "Un violent séisme frappe {ville} et ses environs",
    ],
    leads: &[
        "Un séisme a [frappé|secoué] [la région de {ville}|{ville} et ses environs] [dans la nuit|au petit matin].",
        "La terre a tremblé [dans la nuit|avant l'aube] autour de {ville}, semant [la panique|l'effroi|l'inquiétude] parmi les habitants.",
        "Les habitants de {ville} ont été réveillés [en pleine nuit|brutalement] par un [violent|puissant] tremblement de terre.",
    ],
    facts: &[
        FactKind {
            name: "magnitude",
            shape: Shape::Tenths(38, 69),
            templates: &[
                "Un séisme de magnitude {v} a [frappé|secoué|touché] [la région de {ville}|les environs de {ville}|le secteur de {ville}] [dans la nuit|en pleine nuit|peu avant l'aube].",
                "La secousse, d'une magnitude de {v}, a été [ressentie|perçue|nettement ressentie] jusqu'à {ville2}[| et au-delà| selon les habitants].",
                "D'une magnitude de {v}, le tremblement de terre a [surpris|réveillé|terrifié] les habitants [dans leur sommeil|en pleine nuit|de toute la vallée].",
            ],
            verdicts: &[Agree, Agree, Conflict],
        },
        FactKind {
            name: "morts",
            shape: Shape::Count(3, 180),
            templates: &[
                "[Le séisme|Le tremblement de terre|La secousse] a fait {v} morts [dans la région de {ville}|autour de {ville}|dans les villages touchés].",
                "{V} personnes ont [perdu la vie|péri|trouvé la mort] dans [le tremblement de terre|le séisme|la catastrophe][| autour de {ville}].",
                "Le bilan [humain du séisme|de la catastrophe|du tremblement de terre] [s'élève à|atteint|est de] {v} morts.",
            ],
            verdicts: &[Agree, Precision, Timeline, Timeline],
        },
        FactKind {
            name: "blessés",
            shape: Shape::Count(60, 900),
            templates: &[
                "{V} personnes ont été blessées [par le séisme|dans le tremblement de terre|lors de la secousse][, dont plusieurs grièvement|, certaines gravement|].",
                "[Les secours|Les hôpitaux de la région|Les services d'urgence] ont pris en charge {v} blessés [après le séisme|dans la nuit|depuis la secousse].",
                "[Le tremblement de terre|Le séisme] a [également|aussi] fait {v} blessés[| dans la région| à {ville}].",
            ],
            verdicts: &[Agree, Precision, Timeline],
        },
        FactKind {
            name: "heure",
            shape: Shape::Clock,
            templates: &[
                "La [secousse|première secousse|secousse principale] s'est produite à {v}[, heure locale|, heure de Paris|].",
                "Il était {v} lorsque la terre a tremblé [à {ville}|dans la vallée|sous {ville}].",
            ],
            verdicts: &[Agree, Agree, Conflict],
        },
        FactKind {
            name: "habitations",
            shape: Shape::Count(40, 2000),
            templates: &[
                "{V} [habitations|maisons] ont été endommagées par [le séisme|la secousse][| autour de {ville}].",
                "Le séisme a endommagé {v} maisons, [selon les premières estimations des services techniques|d'après un premier recensement|dans la commune et ses environs].",
            ],
            verdicts: &[Agree, Precision, Conflict],
        },
    ],
    fillers: &[
        "[Les secours|Les sauveteurs|Des équipes de secouristes|Les pompiers] [ont travaillé toute la nuit pour|se relaient depuis l'aube pour|s'efforcent toujours de] [dégager les décombres|retrouver d'éventuels survivants|sécuriser les bâtiments fragilisés][| à {ville}| dans les villages voisins| malgré les répliques].",
        "[De nombreux habitants|Beaucoup de familles|Des centaines de riverains] ont [passé la nuit|dormi] [dehors|dans leur voiture|sous des tentes][, par crainte des répliques|, de peur de nouvelles secousses|].",
        "[Le maire de {ville}, {personne}, a appelé|{personne}, maire de {ville}, appelle|Le maire, {personne}, a invité] [la population|les habitants] [au calme|à la prudence|à ne pas rentrer chez eux].",
        "« [Nous avons été réveillés|On a été réveillés|J'ai été réveillée] par un [grondement terrible|bruit sourd|fracas épouvantable] », [raconte|témoigne|confie] une habitante[| de {ville}| du centre-ville].",
        "[Des renforts venus de toute la région|Des équipes spécialisées|Des secouristes de {ville2}] ont été [dépêchés|envoyés|acheminés] sur place[| dans la matinée| dès les premières heures].",
        "Les écoles [de la commune|de {ville}|du secteur] [resteront fermées|sont fermées|n'ouvriront pas] [jusqu'à nouvel ordre|le temps des vérifications|par précaution].",
        "[Plusieurs routes de montagne|Des axes secondaires|Certaines routes] ont été [coupées|bloquées|rendues impraticables] par des [éboulements|chutes de pierres|glissements de terrain].",
        "Le gouvernement a [annoncé|promis|débloqué] [une aide d'urgence|un fonds exceptionnel|des moyens supplémentaires] pour [les sinistrés|les familles touchées|les communes concernées].",
    ],
};

const FIRE: EventKind = EventKind {
    titles: &[
        "Incendie près de {ville} : le feu toujours pas fixé",
        "Un important incendie ravage la forêt près de {ville}",
        "Feu de forêt autour de {ville} : les pompiers mobilisés",
    ],
    leads: &[
        "Un [violent|important|gigantesque] incendie s'est déclaré [près de {ville}|aux portes de {ville}|dans le massif proche de {ville}].",
        "Les pompiers luttent [toujours|encore] contre l'incendie qui ravage [la forêt|les collines] autour de {ville}.",
        "Un feu de forêt est parti [en début d'après-midi|en fin de matinée|dans la journée] à proximité de {ville}.",
    ],
    facts: &[
        FactKind {
            name: "hectares",
            shape: Shape::Count(120, 9000),
            templates: &[
                "L'incendie a [parcouru|ravagé|brûlé] {v} hectares [de forêt|de végétation|de garrigue] [près de {ville}|autour de {ville}|depuis son départ].",
                "[Au total|En tout|Au dernier point], {v} hectares de végétation sont partis en fumée [autour de {ville}|dans le massif|en quelques heures].",
                "Le feu a [détruit|dévoré|réduit en cendres] {v} hectares [de pinède|de forêt|de broussailles][| près de {ville}].",
            ],
            verdicts: &[Agree, Precision, Conflict],
        },
        FactKind {
            name: "pompiers",
            shape: Shape::Count(80, 1500),
            templates: &[
                "{V} pompiers [sont mobilisés|sont engagés|luttent] [pour contenir le feu|contre les flammes|sur le terrain][| depuis le début de l'incendie].",
                "Le dispositif [de lutte contre l'incendie|déployé sur place|mis en place par la préfecture] compte {v} sapeurs-pompiers.",
            ],
            verdicts: &[Agree, Conflict, Precision],
        },
        FactKind {
            name: "évacués",
            shape: Shape::Count(40, 3000),
            templates: &[
                "{V} personnes ont été évacuées [par précaution|dans la nuit|des hameaux menacés][| autour de {ville}].",
                "[Les autorités|La préfecture|Les gendarmes] ont fait évacuer {v} habitants [des hameaux voisins|des lotissements exposés|de plusieurs quartiers].",
            ],
            verdicts: &[Agree, Timeline, Precision],
        },
        FactKind {
            name: "avions",
            shape: Shape::Count(2, 14),
            templates: &[
                "{V} avions bombardiers d'eau ont été [engagés|mobilisés|déployés] [contre les flammes|sur le feu|dans la journée].",
                "Les pompiers sont [appuyés|soutenus|épaulés] par {v} Canadair[| et des hélicoptères| depuis le matin].",
            ],
            verdicts: &[Agree, Conflict],
        },
    ],
    fillers: &[
        "Le feu a [repris|redoublé d'intensité|progressé] [dans la soirée|en fin d'après-midi|dans la nuit], [attisé|poussé] par [un vent violent|le mistral|des rafales tournantes].",
        "Les habitants de {ville} ont été [invités|appelés] à [rester chez eux|fermer leurs volets|éviter les déplacements][| jusqu'à nouvel ordre].",
        "[La préfecture|Les autorités|Le préfet] [a interdit|ont interdit|a fermé] l'accès aux massifs forestiers [du département|de la zone|autour de {ville}].",
        "« La situation [reste très difficile|est encore préoccupante|n'est pas stabilisée] », a [déclaré|reconnu|souligné] {personne}, [préfet du département|préfète|directrice de cabinet du préfet].",
        "L'origine [du sinistre|de l'incendie|du feu] n'est [pas encore connue|toujours pas établie|pas déterminée à ce stade].",
        "Une enquête a été ouverte [pour déterminer les causes de l'incendie|afin d'établir l'origine du feu|par le parquet][| de {ville}].",
        "Une [épaisse|immense|impressionnante] [fumée|colonne de fumée|fumée noire] était visible depuis {ville2}[| et au-delà| toute la journée].",
        "La circulation a été [interrompue|coupée|déviée] sur [plusieurs routes départementales|l'autoroute|les routes d'accès à {ville}].",
    ],
};

const DEMONSTRATION: EventKind = EventKind {
    titles: &[
        "Mobilisation contre {reforme} : les manifestants dans la rue à {ville}",
        "Nouvelle journée de grève à {ville}",
        "À {ville}, le cortège contre {reforme}",
    ],
    leads: &[
        "Une nouvelle journée de mobilisation contre {reforme} a eu lieu à {ville}[| ce {jour}].",
        "Les opposants à {reforme} ont de nouveau [manifesté|défilé|battu le pavé] à {ville}.",
        "À l'appel des syndicats, un cortège contre {reforme} a [traversé|parcouru] le centre de {ville}.",
    ],
    facts: &[
        FactKind {
            name: "manifestants",
            shape: Shape::Count(2000, 40000),
            templates: &[
                "{V} personnes ont [défilé|manifesté|marché] à {ville}, selon {qui}.",
                "Selon {qui}, le cortège a [réuni|rassemblé|compté] {v} manifestants [dans les rues de {ville}|à {ville}|dans le centre de {ville}].",
            ],
            verdicts: &[Attributed, Attributed, Agree],
        },
        FactKind {
            name: "interpellations",
            shape: Shape::Count(3, 60),
            templates: &[
                "{V} personnes ont été interpellées [en marge du cortège|en fin de journée|lors de heurts][| à {ville}].",
                "[La police a|Les forces de l'ordre ont] procédé à {v} interpellations [en fin de manifestation|dans la soirée|en marge du défilé].",
            ],
            verdicts: &[Agree, Precision],
        },
        FactKind {
            name: "policiers blessés",
            shape: Shape::Count(2, 40),
            templates: &[
                "{V} policiers ont été [légèrement blessés|blessés|touchés] [lors de heurts|par des projectiles|en fin de cortège].",
                "Les [heurts|affrontements|échauffourées] ont fait {v} blessés parmi les forces de l'ordre.",
            ],
            verdicts: &[Agree],
        },
        FactKind {
            name: "cars",
            shape: Shape::Count(4, 60),
            templates: &[
                "[Les syndicats avaient|L'intersyndicale avait|Les organisations avaient] affrété {v} cars pour [acheminer les manifestants|venir de tout le département|l'occasion].",
                "{V} cars venus [de tout le département|des communes voisines|de toute la région] ont convergé vers [le centre-ville|{ville}|la préfecture].",
            ],
            verdicts: &[Agree, Conflict],
        },
    ],
    fillers: &[
        "Le cortège s'est [élancé|ébranlé|mis en marche] [en début d'après-midi|vers 14 heures|peu après midi] de la place de la République.",
        "[Les syndicats|L'intersyndicale|Les organisations syndicales] [appellent à|prévoient|annoncent] une nouvelle journée de mobilisation[| très vite| prochainement].",
        "« [Nous ne lâcherons rien|On ne lâchera rien|Nous irons jusqu'au bout] », a [lancé|martelé|prévenu] {personne}, [responsable syndical|secrétaire départementale|porte-parole de l'intersyndicale].",
        "[Quelques vitrines|Des abribus|Plusieurs devantures] ont été [brisées|dégradées|vandalisées] en fin de [journée|cortège|manifestation][| à {ville}].",
        "Le gouvernement [n'entend pas revenir sur le texte|maintient son projet|refuse de reculer][| malgré la mobilisation| pour l'instant].",
        "Les transports en commun ont été [fortement|très] perturbés [toute la journée|dans l'agglomération de {ville}|jusqu'en soirée].",
        "[L'intersyndicale doit|Les syndicats doivent] se réunir [dans la soirée|rapidement|prochainement] pour [décider de la suite du mouvement|fixer les prochaines dates].",
    ],
};

const STORM: EventKind = EventKind {
    titles: &[
        "Tempête {tempete} : le littoral balayé par les vents",
        "La tempête {tempete} frappe la région de {ville}",
        "Vents violents et coupures de courant après le passage de {tempete}",
    ],
    leads: &[
        "La tempête {tempete} a [balayé|frappé|traversé] la région de {ville} [dans la nuit|en fin de journée].",
        "Le passage de la tempête {tempete} a [provoqué|causé] d'importants dégâts autour de {ville}.",
        "La tempête {tempete} a [frappé|balayé] le littoral, de {ville} à {ville2}.",
    ],
    facts: &[
        FactKind {
            name: "rafales",
            shape: Shape::Count(90, 210),
            templates: &[
                "Des rafales de {v} km/h ont été [enregistrées|mesurées|relevées] [à {ville}|près de {ville}|sur les hauteurs de {ville}].",
                "Le vent a soufflé jusqu'à {v} km/h [sur le littoral|sur la côte|dans la nuit][| autour de {ville}].",
            ],
            verdicts: &[Agree, Conflict],
        },
        FactKind {
            name: "foyers",
            shape: Shape::Count(5000, 400000),
            templates: &[
                "{V} foyers étaient privés [d'électricité|de courant] [après le passage de la tempête|au petit matin|dans la région][| de {ville}].",
                "La tempête a privé [d'électricité|de courant] {v} foyers [dans la région|dans le département|autour de {ville}].",
            ],
            verdicts: &[Agree, Precision, Timeline, Conflict],
        },
        FactKind {
            name: "départements",
            shape: Shape::Count(3, 25),
            templates: &[
                "{V} départements ont été placés en vigilance orange[| pour vents violents| par Météo-France].",
                "La vigilance orange [concerne|touche|vise] {v} départements[| de l'ouest| du littoral].",
            ],
            verdicts: &[Agree, Conflict],
        },
    ],
    fillers: &[
        "Des arbres sont tombés sur [plusieurs routes du département|des voitures|des lignes électriques][| autour de {ville}| dans la nuit].",
        "Les trains ont été [interrompus|suspendus|supprimés] entre {ville} et {ville2}[| une bonne partie de la journée| jusqu'à midi].",
        "Les pompiers sont intervenus [à de nombreuses reprises|des centaines de fois|toute la nuit] pour des [toitures arrachées|arbres tombés|caves inondées].",
        "« On n'avait [jamais vu ça|rien vu de tel depuis des années|pas connu pareil vent] », [témoigne|raconte|confie] un [commerçant|habitant|retraité] de {ville}.",
        "Les autorités [recommandent|conseillent] de [limiter les déplacements|rester chez soi|ne pas s'approcher du littoral][| jusqu'à nouvel ordre].",
        "Les techniciens [travaillent|sont mobilisés|s'activent] pour rétablir le courant [au plus vite|sans relâche|d'arrache-pied].",
        "[Plusieurs écoles|Des établissements scolaires|Les collèges du secteur] sont restés fermés [par précaution|toute la journée|à {ville}].",
    ],
};

const INAUGURATION: EventKind = EventKind {
    titles: &[
        "{Projet} de {ville} : enfin l'inauguration",
        "{ville} inaugure {projet}",
        "Après des années de travaux, {projet} de {ville} ouvre ses portes",
    ],
    leads: &[
        "{Projet} de {ville} a ouvert ses portes [{jour}|ce {jour}].",
        "Après [des années d'attente|une longue attente|plusieurs reports], {ville} dispose enfin de son nouvel équipement : {projet}.",
        "Les habitants de {ville} ont [découvert|pu visiter] {projet}, ouvert au public [{jour}|ce {jour}].",
    ],
    facts: &[
        FactKind {
            name: "coût",
            shape: Shape::Tenths(21, 950),
            templates: &[
                "Le [chantier|projet|nouvel équipement] a coûté {v} millions d'euros[| au total| à la collectivité].",
                "D'un montant de {v} millions d'euros, les travaux ont été financés [par la région|par l'État et la commune|en partie par l'Europe].",
                "[L'équipement|Le bâtiment|Le projet] représente un investissement de {v} millions d'euros[| pour la commune| au total].",
            ],
            verdicts: &[Agree, Conflict, Precision],
        },
        FactKind {
            name: "durée",
            shape: Shape::Count(8, 40),
            templates: &[
                "Les travaux ont duré {v} mois[| au total| malgré les intempéries].",
                "Après {v} mois de chantier, [le bâtiment|l'équipement|le site] [ouvre enfin ses portes|accueille ses premiers visiteurs|est livré].",
            ],
            verdicts: &[Agree, Conflict],
        },
        FactKind {
            name: "places",
            shape: Shape::Count(120, 3000),
            templates: &[
                "[Le nouvel équipement|Le bâtiment|La structure] compte {v} places[| assises| en tout].",
                "Le bâtiment pourra accueillir {v} [visiteurs|personnes|spectateurs] à la fois.",
            ],
            verdicts: &[Agree, Precision, Conflict],
        },
    ],
    fillers: &[
        "Le bâtiment a été inauguré [{jour}|ce {jour}] en présence du maire, {personne}[| et de nombreux habitants| et du préfet].",
        "Le projet avait pris du retard en raison [de la hausse du prix des matériaux|de recours en justice|de difficultés sur le chantier].",
        "Les habitants pourront le découvrir lors de [journées portes ouvertes|visites guidées|deux journées de fête][| prochainement| dès que possible].",
        "« C'est une [fierté|belle réussite|étape importante] pour [toute la commune|{ville}|les habitants] », a [déclaré|salué|souligné] l'élu.",
        "L'architecte a [privilégié|fait le choix|misé sur] [le bois et les matériaux locaux|la lumière naturelle|des matériaux durables].",
        "[Une partie de l'opposition municipale|L'opposition|Certains élus] avait [critiqué|contesté|dénoncé] l'ampleur du projet.",
    ],
};

const EVENTS: [&EventKind; 5] = [&EARTHQUAKE, &FIRE, &DEMONSTRATION, &STORM, &INAUGURATION];

#[rustfmt::skip]
const TOWNS: &[&str] = &[
    "Grenoble", "Chambéry", "Annecy", "Gap", "Digne-les-Bains", "Nice", "Toulon", "Draguignan",
    "Avignon", "Nîmes", "Montpellier", "Béziers", "Perpignan", "Carcassonne", "Toulouse", "Albi",
    "Rodez", "Cahors", "Agen", "Pau", "Tarbes", "Bayonne", "Mont-de-Marsan", "Bordeaux",
    "Périgueux", "Angoulême", "Limoges", "Tulle", "Aurillac", "Clermont-Ferrand", "Vichy",
    "Moulins", "Le Puy-en-Velay", "Saint-Étienne", "Lyon", "Villefranche-sur-Saône",
    "Bourg-en-Bresse", "Mâcon", "Dijon", "Besançon", "Belfort", "Mulhouse", "Colmar", "Strasbourg",
    "Metz", "Nancy", "Épinal", "Bar-le-Duc", "Verdun", "Reims", "Troyes", "Chaumont", "Auxerre",
    "Nevers", "Bourges", "Châteauroux", "Tours", "Blois", "Orléans", "Chartres", "Évreux", "Rouen",
    "Le Havre", "Dieppe", "Caen", "Cherbourg", "Saint-Lô", "Alençon", "Le Mans", "Laval", "Angers",
    "Nantes", "Saint-Nazaire", "La Roche-sur-Yon", "Niort", "Poitiers", "La Rochelle", "Rochefort",
    "Saintes", "Brest", "Quimper", "Lorient", "Vannes", "Rennes", "Saint-Brieuc", "Saint-Malo",
    "Amiens", "Abbeville", "Beauvais", "Compiègne", "Laon", "Saint-Quentin", "Arras", "Lens",
    "Lille", "Dunkerque", "Calais", "Boulogne-sur-Mer", "Valenciennes", "Charleville-Mézières",
    "Sedan", "Ajaccio", "Bastia", "Valence", "Montélimar", "Privas", "Mende", "Millau", "Foix",
    "Auch", "Montauban", "Bergerac", "Guéret", "Vesoul", "Lons-le-Saunier", "Pontarlier",
    "Thonon-les-Bains", "Albertville", "Briançon", "Manosque", "Arles", "Aix-en-Provence",
    "Cannes", "Fréjus", "Sète",
];

/// Villages near an event's town: a first part and a second, as French communes are named.
#[rustfmt::skip]
const VILLAGE_HEADS: &[&str] = &[
    "Saint-Martin", "Saint-Jean", "Sainte-Marie", "Villeneuve", "Neuville", "Montigny",
    "Beaumont", "Châteauneuf", "Fontaine", "Saint-Germain", "Bourg-Saint-Pierre", "Mareuil",
];

#[rustfmt::skip]
const VILLAGE_TAILS: &[&str] = &[
    "-sur-Loire", "-sur-Mer", "-la-Forêt", "-en-Vallée", "-lès-Bains", "-sur-Seine",
    "-le-Château", "-sur-Lot", "-en-Bresse", "-du-Lac", "-les-Vignes", "-sur-Ourthe",
];

#[rustfmt::skip]
const FIRST_NAMES: &[&str] = &[
    "Marie", "Jean", "Sophie", "Pierre", "Nathalie", "Michel", "Isabelle", "Philippe", "Catherine",
    "Alain", "Sylvie", "Patrick", "Christine", "Nicolas", "Valérie", "Laurent", "Sandrine",
    "Christophe", "Céline", "Frédéric", "Claire", "Olivier", "Anne", "Thierry", "Julie",
    "Stéphane", "Hélène", "Éric", "Camille", "Julien", "Aurélie", "Sébastien",
];

#[rustfmt::skip]
const LAST_NAMES: &[&str] = &[
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
    "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
    "Vincent", "Fournier", "Morel", "Girard", "André", "Lefèvre", "Mercier", "Dupont", "Lambert",
    "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin",
    "Muller", "Henry", "Roussel", "Nicolas", "Perrin", "Morin", "Mathieu", "Clément", "Gauthier",
    "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin",
];

/// One season's names: a storm's name tells it from the other storms of the week.
#[rustfmt::skip]
const STORMS: &[&str] = &[
    "Alix", "Bruno", "Ciara", "Dorine", "Eliott", "Fleur", "Gaspard", "Hélia", "Ingrid", "Jules",
    "Karine", "Léon", "Maëlle", "Noé", "Odile", "Pablo", "Rosa", "Serge", "Tania", "Victor",
    "Armelle", "Basile", "Capucine", "Désiré", "Estelle", "Fabien", "Gisèle", "Hector", "Iris",
    "Joachim", "Kenza", "Lucien", "Mireille", "Nestor", "Ophélie", "Paulin", "Romane", "Sacha",
    "Thelma", "Ulysse", "Valentine", "Wilfried", "Yvette", "Zacharie", "Adèle", "Barnabé",
    "Colette", "Dimitri", "Eugénie", "Firmin",
];

const UNIONS: &[&str] = &[
    "la CGT",
    "les syndicats",
    "l'intersyndicale",
    "les organisateurs",
];

const POLICE: &[&str] = &["la préfecture", "la police"];

const REFORMS: &[&str] = &[
    "la réforme des retraites",
    "la réforme de l'assurance chômage",
    "la loi sur le logement",
    "la fermeture de la maternité",
];

const PROJECTS: &[&str] = &[
    "la nouvelle médiathèque",
    "le centre aquatique",
    "le nouveau pont",
    "la salle de spectacles",
    "le pôle culturel",
];

const OUTLETS: &[&str] = &[
    "Le Courrier du Centre",
    "La Dépêche de l'Ouest",
    "Le Journal du Soir",
    "Info Continu",
    "Radio Horizon",
    "Le Quotidien des Régions",
    "L'Écho du Midi",
    "La Voix de l'Est",
    "Le Petit Républicain",
    "Actu Locale",
    "Le Réveil Normand",
    "La Gazette des Alpes",
    "Nord Matin",
    "Le Télégramme du Littoral",
    "France Régions Info",
];

const WIRE: &str = "Agence Hexa-Presse";

const WEEKDAYS: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];

/// One event's cast.
struct Cast<'a> {
    town: &'static str,
    town2: &'a str,
    person: String,
    storm: &'static str,
    reform: &'static str,
    project: &'static str,
    /// The weekday of the event, as its articles name it (`samedi`).
    weekday: &'static str,
}

/// A fact's values: the base, and the other side of its planted difference.
#[derive(Debug, Clone, Copy)]
enum Figure {
    Whole(u32),
    Tenths(u32),
    Clock(u32, u32),
}

/// How a document states a figure.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Stated {
    Exact,
    /// `près de`, `environ`, `plus de` with a rounder figure.
    Rounded(usize),
    /// `au moins`.
    AtLeast,
}

struct FactPlan {
    kind: &'static FactKind,
    planted: Planted,
    base: Figure,
    variant: Figure,
    /// Claimants of the base and the variant (attributed differences only).
    claimants: (&'static str, &'static str),
}

/// Generates the news corpus, handing over each document and, once an event's documents are
/// all handed over, the planted facts of that event with two sources or more. The same
/// parameters give the same corpus on every machine; memory holds one event at a time.
pub fn generate_each<E>(
    params: &NewsParams,
    mut document: impl FnMut(&NewsDoc) -> Result<(), E>,
    mut fact: impl FnMut(&PlantedFact) -> Result<(), E>,
) -> Result<(), E> {
    let mut rng = Rng(params.seed ^ 0x6e65_7773);
    let events = params
        .events
        .unwrap_or_else(|| params.documents.div_ceil(7))
        .clamp(1, params.documents.max(1));
    let base = NaiveDate::from_ymd_opt(2023, 1, 2).unwrap_or_default();
    // Towns and villages come round in a shuffled order, storms in their season's order, so
    // that a name is one event's within the days around it, as in real news.
    let mut towns: Vec<&'static str> = TOWNS.to_vec();
    for i in (1..towns.len()).rev() {
        towns.swap(i, rng.below(i + 1));
    }
    let mut villages: Vec<String> = VILLAGE_HEADS
        .iter()
        .flat_map(|h| VILLAGE_TAILS.iter().map(move |t| format!("{h}{t}")))
        .collect();
    for i in (1..villages.len()).rev() {
        villages.swap(i, rng.below(i + 1));
    }
    let mut storms = 0;
    let mut written = 0;
    for e in 0..events {
        // Documents spread over events as evenly as the count allows, each at least two.
        let left = params.documents - written;
        if left == 0 {
            break;
        }
        let share = left / (events - e);
        let n = if e + 1 == events {
            left
        } else if params.events.is_some() {
            share.max(1)
        } else {
            (share + rng.range(0, 6))
                .saturating_sub(3)
                .clamp(2, left.max(2))
        }
        .min(left);
        let day = base + chrono::Days::new((e / params.events_per_day.max(1)) as u64);
        let kind = EVENTS[rng.below(EVENTS.len())];
        let storm = STORMS[storms % STORMS.len()];
        storms += usize::from(std::ptr::eq(kind, &STORM));
        let places = (
            towns[e % towns.len()],
            villages[e % villages.len()].as_str(),
        );
        let (docs, facts) = event(&mut rng, (e, kind), written, n, day, places, storm);
        written += docs.len();
        for d in &docs {
            document(d)?;
        }
        for f in &facts {
            fact(f)?;
        }
    }
    Ok(())
}

/// A sentence in the making, with where it states a planted fact.
struct Piece {
    text: String,
    /// (fact index, character span of the figure, whether it is the variant)
    states: Option<(usize, usize, usize, bool)>,
}

/// The documents and planted facts of event number `e`, of kind `kind`, told in `n` documents
/// numbered from `first_doc`, on `day` (and the day after), in `places` (the town, and another).
fn event(
    rng: &mut Rng,
    (e, kind): (usize, &EventKind),
    first_doc: usize,
    n: usize,
    day: NaiveDate,
    (town, town2): (&'static str, &str),
    storm: &'static str,
) -> (Vec<NewsDoc>, Vec<PlantedFact>) {
    let cast = Cast {
        town,
        town2,
        person: format!(
            "{} {}",
            FIRST_NAMES[rng.below(FIRST_NAMES.len())],
            LAST_NAMES[rng.below(LAST_NAMES.len())]
        ),
        storm,
        reform: REFORMS[rng.below(REFORMS.len())],
        project: PROJECTS[rng.below(PROJECTS.len())],
        weekday: WEEKDAYS[chrono::Datelike::weekday(&day).num_days_from_monday() as usize],
    };
    // Who tells it: the dispatch, copies of it, rewrites (the later ones perhaps the next day).
    let copies = if n >= 3 {
        rng.range(0, 2.min(n - 2))
    } else {
        0
    };
    let rewrites = n - 1 - copies;
    let next_day = if rewrites >= 2 && rng.chance(0.5) {
        rewrites / 2
    } else {
        0
    };
    let is_next_day = |r: usize| r >= rewrites - next_day;
    let plans: Vec<FactPlan> = kind
        .facts
        .iter()
        .map(|k| plan(rng, k, rewrites, next_day))
        .collect();
    let event_id = format!("event{e:06}");
    let wire_id = format!("news{first_doc:07}");
    let mut docs = Vec::with_capacity(n);
    let mut stated: Vec<Vec<PlantedClaim>> = vec![Vec::new(); plans.len()];
    let nbsp = |rng: &mut Rng| rng.chance(0.3);

    // The dispatch: every fact, base values (the police's count of a crowd).
    let spaces = nbsp(rng);
    let wire_pieces = article(rng, kind, &cast, &plans, &|_| Some(false), spaces);
    let (wire_text, wire_spans) = render(&wire_pieces);
    let title = fill(kind.titles[rng.below(kind.titles.len())], &cast);
    let mut record = |doc: &NewsDoc, spans: &[(usize, usize, usize, bool)], source: &str| {
        let chars: Vec<char> = doc.text.chars().collect();
        for &(f, start, end, variant) in spans {
            stated[f].push(PlantedClaim {
                document: doc.id.clone(),
                source: source.to_string(),
                start,
                end,
                text: chars[start..end].iter().collect(),
                variant,
            });
        }
    };
    let wire = NewsDoc {
        id: wire_id.clone(),
        title: title.clone(),
        source: WIRE.to_string(),
        published: day.to_string(),
        lang: "fr",
        text: wire_text.clone(),
        cluster: (copies > 0).then(|| wire_id.clone()),
    };
    record(&wire, &wire_spans, &wire_id);
    docs.push(wire);

    let mut outlets: Vec<&str> = OUTLETS.to_vec();
    for i in (1..outlets.len()).rev() {
        outlets.swap(i, rng.below(i + 1));
    }
    let outlet = |k: usize| {
        if k < outlets.len() {
            outlets[k].to_string()
        } else {
            format!("{} ({})", outlets[k % outlets.len()], k / outlets.len() + 1)
        }
    };
    for c in 0..copies {
        let id = format!("news{:07}", first_doc + docs.len());
        let source = outlet(c);
        let (text, spans) = if rng.chance(0.5) {
            // With the outlet's header and footer.
            let header = format!("Par la rédaction {}\n\n", of(&source));
            let offset = header.chars().count();
            let text = format!(
                "{header}{wire_text}\n\nÀ lire aussi : notre dossier sur l'actualité de la région.\n\nAbonnez-vous à notre newsletter pour ne rien manquer."
            );
            let spans = wire_spans
                .iter()
                .map(|&(f, s, t, v)| (f, s + offset, t + offset, v))
                .collect::<Vec<_>>();
            (text, spans)
        } else {
            // Cut after its first paragraphs.
            let paragraphs = wire_pieces.len();
            let keep = (paragraphs * rng.range(55, 80) / 100).max(1);
            render(&wire_pieces[..keep])
        };
        let doc = NewsDoc {
            id,
            title: title.clone(),
            source,
            published: day.to_string(),
            lang: "fr",
            text,
            cluster: Some(wire_id.clone()),
        };
        record(&doc, &spans, &wire_id);
        docs.push(doc);
    }
    for r in 0..rewrites {
        let id = format!("news{:07}", first_doc + docs.len());
        let later = is_next_day(r);
        let side = |f: usize| -> Option<bool> {
            let p = &plans[f];
            match p.planted {
                Agree => Some(false),
                Conflict | Precision => Some(r == 0),
                Timeline => Some(later),
                // The first rewrite gives the union's count; the others either.
                Attributed => Some(r == 0 || (r % 2 == 1)),
            }
        };
        let spaces = nbsp(rng);
        let pieces = article(rng, kind, &cast, &plans, &side, spaces);
        let (text, spans) = render(&pieces);
        let published = if later {
            day.succ_opt().unwrap_or(day)
        } else {
            day
        };
        let doc = NewsDoc {
            title: fill(kind.titles[rng.below(kind.titles.len())], &cast),
            source: outlet(copies + r),
            published: published.to_string(),
            lang: "fr",
            text,
            cluster: None,
            id,
        };
        record(&doc, &spans, &doc.id.clone());
        docs.push(doc);
    }
    let facts = plans
        .iter()
        .zip(stated)
        .filter_map(|(p, claims)| {
            let mut sources: Vec<&str> = claims.iter().map(|c| c.source.as_str()).collect();
            sources.sort_unstable();
            sources.dedup();
            let sides = |v: bool| claims.iter().any(|c| c.variant == v);
            let told = sources.len() >= 2 && (p.planted == Agree || (sides(true) && sides(false)));
            told.then(|| PlantedFact {
                event: event_id.clone(),
                fact: p.kind.name,
                verdict: p.planted.name(),
                claims,
            })
        })
        .collect();
    (docs, facts)
}

/// What is planted for one fact, and its two figures.
fn plan(rng: &mut Rng, kind: &'static FactKind, rewrites: usize, next_day: usize) -> FactPlan {
    let mut planted = kind.verdicts[rng.below(kind.verdicts.len())];
    // A difference needs a rewrite to carry it; a timeline, articles of the next day.
    if (rewrites == 0 && planted != Agree) || (planted == Timeline && next_day == 0) {
        planted = Agree;
    }
    let base = match kind.shape {
        Shape::Count(lo, hi) => {
            let mut v = rng.range(lo as usize, hi as usize) as u32;
            // An exact count is rarely round; a rounder figure must differ from it.
            if v >= 20 && v.is_multiple_of(10) {
                v += 1 + rng.below(9) as u32;
            }
            Figure::Whole(v)
        }
        Shape::Tenths(lo, hi) => {
            let mut v = rng.range(lo as usize, hi as usize) as u32;
            if v.is_multiple_of(10) {
                v += 1 + rng.below(9) as u32;
            }
            Figure::Tenths(v)
        }
        Shape::Clock => Figure::Clock(rng.range(0, 23) as u32, rng.range(1, 59) as u32),
    };
    let variant = match (base, planted) {
        (Figure::Whole(v), Conflict | Timeline | Attributed) => {
            let factor = match planted {
                Attributed => 2.0 + rng.below(15) as f64 / 10.0,
                _ => 1.3 + rng.below(6) as f64 / 10.0,
            };
            let mut w = ((v as f64 * factor).round() as u32).max(v + 2);
            if w >= 20 && w.is_multiple_of(10) {
                w += 3;
            }
            Figure::Whole(w)
        }
        (Figure::Tenths(v), Conflict) => {
            // A magnitude moves by tenths; a cost by a share of itself.
            let step = if v < 100 {
                4 + rng.below(6) as u32
            } else {
                v * 3 / 10 + 7
            };
            Figure::Tenths(v + step)
        }
        (Figure::Clock(h, m), Conflict) => {
            Figure::Clock((h + 1 + rng.below(2) as u32) % 24, (m + 25) % 60)
        }
        (b, _) => b,
    };
    // A precision difference needs a figure that rounds to something else.
    if planted == Precision
        && !matches!(base, Figure::Whole(v) if v >= 20)
        && !matches!(base, Figure::Tenths(v) if v >= 100)
    {
        planted = Agree;
    }
    let claimants = (
        POLICE[rng.below(POLICE.len())],
        UNIONS[rng.below(UNIONS.len())],
    );
    FactPlan {
        kind,
        planted,
        base,
        variant,
        claimants,
    }
}

/// An article about the event: a lead paragraph, then paragraphs of facts and background. `side`
/// says which figure of each fact the article gives (`None`: it does not state the fact).
fn article(
    rng: &mut Rng,
    kind: &EventKind,
    cast: &Cast,
    plans: &[FactPlan],
    side: &dyn Fn(usize) -> Option<bool>,
    nbsp: bool,
) -> Vec<Vec<Piece>> {
    let mut facts: Vec<usize> = (0..plans.len()).collect();
    // The lead keeps the first fact; the rest come in any order, some left out.
    for i in (2..facts.len()).rev() {
        let j = 1 + rng.below(i);
        facts.swap(i, j);
    }
    let mut pieces: Vec<Piece> = Vec::new();
    for &f in &facts {
        let Some(variant) = side(f) else { continue };
        let p = &plans[f];
        let must = p.planted != Agree && variant;
        if f != 0 && !must && !rng.chance(0.85) {
            continue;
        }
        let figure = if variant { p.variant } else { p.base };
        let how = match p.planted {
            Precision if variant => Stated::Rounded(rng.below(3)),
            Timeline if !variant => Stated::AtLeast,
            _ => Stated::Exact,
        };
        let words = rng.chance(0.5);
        let value = phrase(figure, how, nbsp, words);
        let claimant = if variant {
            p.claimants.1
        } else {
            p.claimants.0
        };
        let template = vary(p.kind.templates[rng.below(p.kind.templates.len())], rng);
        let template = template.replace("{qui}", claimant);
        pieces.push(state(&fill(&template, cast), &value, f, variant));
    }
    let fillers = rng.range(3, kind.fillers.len().min(6));
    let mut order: Vec<usize> = (0..kind.fillers.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i + 1));
    }
    let mut paragraphs: Vec<Vec<Piece>> = Vec::new();
    let mut fill_iter = order.into_iter().take(fillers);
    let mut facts = pieces.into_iter();
    // Lead: what happened, the first fact stated and one background sentence.
    let lead_sentence = vary(kind.leads[rng.below(kind.leads.len())], rng);
    let mut lead = vec![plain(fill(&lead_sentence, cast))];
    lead.extend(facts.next());
    if let Some(k) = fill_iter.next() {
        lead.push(plain(fill(&vary(kind.fillers[k], rng), cast)));
    }
    paragraphs.push(lead);
    loop {
        let mut paragraph = Vec::new();
        for _ in 0..rng.range(1, 2) {
            if let Some(p) = facts.next() {
                paragraph.push(p);
            }
        }
        if let Some(k) = fill_iter.next() {
            paragraph.push(plain(fill(&vary(kind.fillers[k], rng), cast)));
        }
        if paragraph.is_empty() {
            break;
        }
        paragraphs.push(paragraph);
    }
    paragraphs
}

fn plain(text: String) -> Piece {
    Piece { text, states: None }
}

/// `template` with `{v}` (or `{V}`, capitalised) replaced by `value`, and where it stands.
fn state(template: &str, value: &str, fact: usize, variant: bool) -> Piece {
    let (at, capital) = match (template.find("{V}"), template.find("{v}")) {
        (Some(at), _) => (at, true),
        (None, Some(at)) => (at, false),
        (None, None) => return plain(template.to_string()),
    };
    let value = if capital {
        capitalise(value)
    } else {
        value.to_string()
    };
    let start = template[..at].chars().count();
    let end = start + value.chars().count();
    let text = format!("{}{}{}", &template[..at], value, &template[at + 3..]);
    Piece {
        text,
        states: Some((fact, start, end, variant)),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// `template` with one alternative of each `[a|b|c]` taken.
fn vary(template: &str, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find(']') else {
            break;
        };
        let choices: Vec<&str> = rest[open + 1..open + close].split('|').collect();
        out.push_str(choices[rng.below(choices.len())]);
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// `de` before a name, as French writes it: `d'Albi`, `du Havre`, `de Lyon`.
fn of(name: &str) -> String {
    if let Some(rest) = name.strip_prefix("Le ") {
        format!("du {rest}")
    } else if name.starts_with(['A', 'E', 'É', 'I', 'O', 'U', 'Y']) {
        format!("d'{name}")
    } else {
        format!("de {name}")
    }
}

/// The template with the event's cast in place.
fn fill(template: &str, cast: &Cast) -> String {
    let mut template = template.to_string();
    for (placeholder, town) in [("{ville}", cast.town), ("{ville2}", cast.town2)] {
        template = template.replace(&format!("de {placeholder}"), &of(town));
        if let Some(rest) = town.strip_prefix("Le ") {
            template = template.replace(&format!("à {placeholder}"), &format!("au {rest}"));
        }
    }
    template
        .replace("{ville}", cast.town)
        .replace("{ville2}", cast.town2)
        .replace("{personne}", &cast.person)
        .replace("{tempete}", cast.storm)
        .replace("{reforme}", cast.reform)
        .replace("{Projet}", &capitalise(cast.project))
        .replace("{projet}", cast.project)
        .replace("{jour}", cast.weekday)
}

/// The text, and the absolute character spans of the planted figures.
fn render(paragraphs: &[Vec<Piece>]) -> (String, Vec<(usize, usize, usize, bool)>) {
    let mut text = String::new();
    let mut chars = 0;
    let mut spans = Vec::new();
    for (p, paragraph) in paragraphs.iter().enumerate() {
        if p > 0 {
            text.push_str("\n\n");
            chars += 2;
        }
        for (s, piece) in paragraph.iter().enumerate() {
            if s > 0 {
                text.push(' ');
                chars += 1;
            }
            if let Some((f, start, end, variant)) = piece.states {
                spans.push((f, chars + start, chars + end, variant));
            }
            text.push_str(&piece.text);
            chars += piece.text.chars().count();
        }
    }
    (text, spans)
}

#[rustfmt::skip]
const SMALL: [&str; 10] = [
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
];

/// A figure as a French article writes it.
fn phrase(figure: Figure, how: Stated, nbsp: bool, words: bool) -> String {
    let separator = if nbsp { '\u{a0}' } else { ' ' };
    let whole = |v: u32| -> String {
        if words && v < 10 && v != 1 {
            return SMALL[v as usize].to_string();
        }
        let digits = v.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(separator);
            }
            out.push(c);
        }
        out
    };
    match (figure, how) {
        (Figure::Whole(v), Stated::Exact) => whole(v),
        (Figure::Whole(v), Stated::AtLeast) => format!("au moins {}", whole(v)),
        // `près de X` is [0.95 X, X] and `environ X` [0.95 X, 1.05 X] (the dev set's
        // conventions): a rounder figure is written so that it holds the exact one.
        (Figure::Whole(v), Stated::Rounded(k)) => {
            let magnitude = 10u32.pow((v as f64).log10().floor() as u32).max(10) / 10;
            let rounded = ((v as f64 / magnitude as f64).round() as u32).max(1) * magnitude;
            let above = v.div_ceil(magnitude) * magnitude;
            let floor = (v / magnitude).max(1) * magnitude;
            match k {
                0 if above as f64 * 0.95 <= v as f64 => format!("près de {}", whole(above)),
                2 if floor < v => format!("plus de {}", whole(floor)),
                _ => format!("environ {}", whole(rounded)),
            }
        }
        (Figure::Tenths(v), Stated::Rounded(_)) => {
            let above = v.div_ceil(10);
            if above as f64 * 9.5 <= v as f64 {
                format!("près de {above}")
            } else {
                format!("environ {}", (v as f64 / 10.0).round() as u32)
            }
        }
        (Figure::Tenths(v), _) => format!("{},{}", v / 10, v % 10),
        (Figure::Clock(h, m), _) => {
            if words {
                format!("{h}h{m:02}")
            } else {
                format!("{h} h {m:02}")
            }
        }
    }
}

/// The corpus and its planted facts in memory (tests; small corpora).
pub fn generate(params: &NewsParams) -> (Vec<NewsDoc>, Vec<PlantedFact>) {
    let (mut docs, mut facts) = (Vec::new(), Vec::new());
    generate_each(
        params,
        |d| {
            docs.push(d.clone());
            Ok::<(), std::convert::Infallible>(())
        },
        |f| {
            facts.push(f.clone());
            Ok(())
        },
    )
    .unwrap_or_else(|e| match e {});
    (docs, facts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_with_the_asked_size_and_spans_that_point_at_the_figures() {
        let params = NewsParams {
            documents: 300,
            ..NewsParams::default()
        };
        let (docs, facts) = generate(&params);
        assert_eq!((docs.clone(), facts.clone()), generate(&params));
        assert_eq!(docs.len(), 300);
        let by_id: std::collections::HashMap<&str, &NewsDoc> =
            docs.iter().map(|d| (d.id.as_str(), d)).collect();
        for f in &facts {
            for c in &f.claims {
                let text: String = by_id[c.document.as_str()]
                    .text
                    .chars()
                    .skip(c.start)
                    .take(c.end - c.start)
                    .collect();
                assert_eq!(text, c.text);
                assert!(c.text.chars().any(|ch| ch.is_alphanumeric()));
            }
        }
        // Every kind of planted verdict occurs in a corpus of this size.
        for v in [
            "agree",
            "conflict",
            "precision",
            "timeline",
            "attributed_difference",
        ] {
            assert!(facts.iter().any(|f| f.verdict == v), "no {v}");
        }
    }

    #[test]
    fn one_event_on_one_day_when_asked() {
        let (docs, facts) = generate(&NewsParams {
            documents: 50,
            events: Some(1),
            ..NewsParams::default()
        });
        assert_eq!(docs.len(), 50);
        let days: std::collections::BTreeSet<&str> =
            docs.iter().map(|d| d.published.as_str()).collect();
        assert!(days.len() <= 2, "{days:?}");
        assert!(facts.iter().all(|f| f.event == "event000000"));
    }

    #[test]
    fn background_sentences_vary_from_one_article_to_the_next() {
        let mut rng = Rng(3);
        let said: std::collections::BTreeSet<String> = (0..40)
            .map(|_| {
                vary(
                    "[Les secours|Les pompiers] ont [agi|aidé][| vite].",
                    &mut rng,
                )
            })
            .collect();
        assert_eq!(said.len(), 8, "{said:?}");
        assert!(said.contains("Les pompiers ont aidé vite."));
    }

    #[test]
    fn figures_written_as_french_news_writes_them() {
        assert_eq!(
            phrase(Figure::Whole(12345), Stated::Exact, false, false),
            "12 345"
        );
        assert_eq!(
            phrase(Figure::Whole(1287), Stated::Rounded(0), false, false),
            "près de 1 300"
        );
        assert_eq!(
            phrase(Figure::Whole(1287), Stated::Rounded(2), false, false),
            "plus de 1 200"
        );
        assert_eq!(
            phrase(Figure::Whole(7), Stated::AtLeast, false, true),
            "au moins sept"
        );
        assert_eq!(
            phrase(Figure::Tenths(58), Stated::Exact, false, false),
            "5,8"
        );
        assert_eq!(
            phrase(Figure::Tenths(124), Stated::Rounded(0), false, false),
            "près de 13"
        );
        assert_eq!(
            phrase(Figure::Tenths(21), Stated::Rounded(0), false, false),
            "environ 2"
        );
        assert_eq!(
            phrase(Figure::Whole(1213), Stated::Rounded(1), false, false),
            "environ 1 200"
        );
        assert_eq!(
            phrase(Figure::Clock(3, 7), Stated::Exact, false, false),
            "3 h 07"
        );
    }
}
