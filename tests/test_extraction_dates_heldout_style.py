"""News sentences in the style of the held-out set, expected values by eval/GUIDELINES.md.

Each case: language, publication date, sentence, and the expected date claims
as (a piece of the span, value). Spans are scored by overlap, so the test
only asks that the expected text and the claim's text contain one another;
the values must be exact and there must be no other date claim.

Publication 2024-11-20 is a Wednesday unless a case says otherwise.
Where the guidelines are silent, the comment says which reading we chose.
"""

from __future__ import annotations

import pytest

from factcheck.extraction import extract

PUB = "2024-11-20"


def d(value: str) -> dict:
    return {"date": value}


def r(start: str, end: str) -> dict:
    return {"start": start, "end": end}


EN = [
    # -- absolute dates, all common formats
    (
        "The Senate confirmed her on Nov. 15, 2024, by a narrow margin.",
        [("Nov. 15, 2024", d("2024-11-15"))],
    ),
    (
        "EU leaders gathered in Brussels on 15 Nov 2024 for an emergency summit.",
        [("15 Nov 2024", d("2024-11-15"))],
    ),
    (
        "The jury is expected to return its verdict on November 25th.",
        [("November 25th", d("2024-11-25"))],
    ),
    (
        "Voters went to the polls on the 15th of November amid heavy rain.",
        [("15th of November", d("2024-11-15"))],
    ),
    (
        "The filing, dated 2024-11-04, was made public by the court clerk.",
        [("2024-11-04", d("2024-11-04"))],
    ),
    ("The treaty was signed in June 2023 in Vilnius.", [("June 2023", d("2023-06"))]),
    (
        "On March 3, 2022, the court struck down the ordinance.",
        [("March 3, 2022", d("2022-03-03"))],
    ),
    ("Growth is forecast to pick up by mid-2025, the IMF said.", [("mid-2025", d("2025"))]),
    ("The reform was adopted in late 2019 after months of protests.", [("late 2019", d("2019"))]),
    ("Shares of the carmaker slumped in early March.", [("early March", d("2024-03"))]),
    # -- decades and seasons
    ("The company was founded in the 1990s by two engineers.", [("1990s", d("199"))]),
    ("Oil prices surged in the early 2000s as demand from China rose.", [("2000s", d("200"))]),
    ("Crime rates peaked in the '90s, the report found.", [("'90s", d("199"))]),
    # "last spring" in November: the spring that has just passed.
    (
        "The factory closed last spring, putting 300 people out of work.",
        [("last spring", d("2024"))],
    ),
    ("The festival moved to a new site in the summer of 2022.", [("summer of 2022", d("2022"))]),
    # -- relative to publication
    ("Inflation has eased this year, the central bank said.", [("this year", d("2024"))]),
    ("The minister resigned on Tuesday after a week of pressure.", [("Tuesday", d("2024-11-19"))]),
    ("The committee will vote on Tuesday on the final text.", [("Tuesday", d("2024-11-26"))]),
    ("Negotiators meet again next Tuesday in Geneva.", [("next Tuesday", d("2024-11-26"))]),
    (
        "Prices fell sharply last week on fears of a slowdown.",
        [("last week", r("2024-11-11", "2024-11-17"))],
    ),
    (
        "The deal was signed two weeks ago in Riyadh.",
        [("two weeks ago", r("2024-11-04", "2024-11-10"))],
    ),
    ("The storm made landfall three days ago.", [("three days ago", d("2024-11-17"))]),
    ("The plant shut down two years ago.", [("two years ago", d("2022"))]),
    (
        "Ministers met yesterday and will meet again tomorrow.",
        [("yesterday", d("2024-11-19")), ("tomorrow", d("2024-11-21"))],
    ),
    ("The party's membership fell last year.", [("last year", d("2023"))]),
    ("Unemployment fell to 4.1% in October, official figures showed.", [("October", d("2024-10"))]),
    (
        "WASHINGTON (Reuters) - The Federal Reserve held rates steady on Wednesday.",
        [("Wednesday", d("2024-11-20"))],
    ),
    (
        "The trial, which began in September, is due to end on Dec. 12.",
        [("September", d("2024-09")), ("Dec. 12", d("2024-12-12"))],
    ),
    ("Elections are due in May, the prime minister confirmed.", [("May", d("2025-05"))]),
    ("The airline will resume flights to Kyiv on January 6.", [("January 6", d("2025-01-06"))]),
    ("Parliament was dissolved on 9 June after the European vote.", [("9 June", d("2024-06-09"))]),
    ("The ceasefire has largely held since Oct. 10.", [("Oct. 10", d("2024-10-10"))]),
    # -- deadlines look ahead
    ("Companies must file their returns by March 31.", [("March 31", d("2025-03-31"))]),
    ("The border will stay closed until Friday.", [("Friday", d("2024-11-22"))]),
    ("The new line will be completed by 2030.", [("2030", d("2030"))]),
    ("The hearing was postponed to Dec. 3.", [("Dec. 3", d("2024-12-03"))]),
    # -- quarters
    ("Revenue rose 12% in Q3 2024, beating forecasts.", [("Q3 2024", r("2024-07", "2024-09"))]),
    (
        "Sales fell in the third quarter, the retailer said.",
        [("third quarter", r("2024-07", "2024-09"))],
    ),
    # Silent in the guidelines: "fiscal 2025" is a year like "l'exercice 2025",
    # not a name; a fact-checker reads it as the year 2025.
    ("The group expects profit to grow in fiscal 2025.", [("2025", d("2025"))]),
    # -- holidays
    ("Shops will close early on Christmas Eve.", [("Christmas Eve", d("2024-12-24"))]),
    ("The new tax took effect on New Year's Day.", [("New Year's Day", d("2024-01-01"))]),
    (
        "Fireworks are planned for Independence Day in the capital.",
        [("Independence Day", d("2025-07-04"))],
    ),
    ("The president will attend the parade on Bastille Day.", [("Bastille Day", d("2025-07-14"))]),
    ("Stores will open at 5 a.m. on Thanksgiving.", [("Thanksgiving", d("2024-11-28"))]),
    (
        "The mayor said the roadworks will be finished before Christmas.",
        [("Christmas", d("2024-12-25"))],
    ),
    # A holiday used as a noun's modifier names a thing, not a day.
    ("The Christmas market opens in Trafalgar Square.", []),
    ("The Christmas tree in Rockefeller Center was lit on Friday.", [("Friday", d("2024-11-15"))]),
    ("Visitors flocked to Christmas markets across Germany.", []),
    # -- ranges and lists
    ("Talks ran from March 3-5 in Vienna.", [("March 3-5", r("2024-03-03", "2024-03-05"))]),
    (
        "The hearings are scheduled for March 3 to 5.",
        [("March 3 to 5", r("2025-03-03", "2025-03-05"))],
    ),
    ("Emissions fell by 12% between 2010 and 2015.", [("2010 and 2015", r("2010", "2015"))]),
    ("The league was suspended from 2018 to 2020.", [("2018 to 2020", r("2018", "2020"))]),
    ("The company posted losses in 2018 and 2019.", [("2018", d("2018")), ("2019", d("2019"))]),
    ("Exports rose in May and June.", [("May", d("2024-05")), ("June", d("2024-06"))]),
    (
        "The museum will be closed from Dec. 24 to Jan. 2.",
        [("Dec. 24 to Jan. 2", r("2024-12-24", "2025-01-02"))],
    ),
    ("The law was passed in 1998 and amended in 2004.", [("1998", d("1998")), ("2004", d("2004"))]),
    ("During the 2008 financial crisis, the bank was nationalised.", [("2008", d("2008"))]),
    # -- not dates
    ("The ministry will publish the figures in the coming weeks.", []),
    ("The 45-year-old defendant pleaded not guilty.", []),
    ("A man aged 45 was arrested at the scene.", []),
    ("Arsenal won 3-1 at home, with two goals in the last 10 minutes.", []),
    ("Liverpool beat Chelsea 2-1 on Saturday.", [("Saturday", d("2024-11-16"))]),
    ("The appeals court ruled 2-1 in favour of the company.", []),
    ("The session opens at 10:30 and closes at 6 p.m.", []),
    ("Delegates gathered in Baku for COP29.", []),
    ("Spain won Euro 2024 in Berlin.", []),
    ("Saudi Arabia's Vision 2030 plan aims to diversify the economy.", []),
    # A year that opens a capitalized event name is part of the name, as in
    # "Euro 2024"; "the 2008 financial crisis" above is a year.
    ("Security costs for the 2024 Paris Olympics doubled.", []),
    ("G20 leaders met in Rio de Janeiro.", []),
    ("Microsoft will end support for Windows 10, pushing users to Windows 11.", []),
    ("The bill passed 52-47, with 1 senator absent.", []),
    ("Prices rose 2.4% while rents climbed 11%.", []),
    ("Each household will receive $2,024 in rebates.", []),
    ("The report runs to 2,024 pages.", []),
    ("Readers can call 020 7946 0958 for details.", []),
    ("Protesters gathered outside 10 Downing Street.", []),
    ("The motel sits on Route 66 in Arizona.", []),
    ("Lawmakers want to repeal Section 230 of the Communications Decency Act.", []),
    ("The House passed H.R. 2024 last month.", [("last month", d("2024-10"))]),
    ("The strike lasted for two weeks.", []),
    ("He served three years in prison for fraud.", []),
    ("The agency employs 2,500 people in 14 countries.", []),
    ("Unemployment stood at 5% in 2023, against 6% a year earlier.", [("2023", d("2023"))]),
    ("The 19th century mill was converted into flats.", []),
]

FR = [
    # -- absolute dates
    (
        "Le Parlement a définitivement adopté le texte le 15 novembre 2024.",
        [("15 novembre 2024", d("2024-11-15"))],
    ),
    ("Le jugement rendu le 03/10/2024 a été annulé en appel.", [("03/10/2024", d("2024-10-03"))]),
    (
        "Le traité est entré en vigueur le 1er janvier 2025.",
        [("1er janvier 2025", d("2025-01-01"))],
    ),
    (
        "Depuis le 7 octobre 2023, la région vit au rythme des sirènes.",
        [("7 octobre 2023", d("2023-10-07"))],
    ),
    ("Le sommet du G7 s'est tenu en juin dans les Pouilles.", [("juin", d("2024-06"))]),
    ("La croissance devrait rebondir mi-2025, selon l'Insee.", [("mi-2025", d("2025"))]),
    ("La réforme a été adoptée fin 2019.", [("fin 2019", d("2019"))]),
    ("Les prix ont flambé à la mi-novembre.", [("mi-novembre", d("2024-11"))]),
    ("L'usine a fermé en mars dernier.", [("mars dernier", d("2024-03"))]),
    (
        "Le procès s'ouvrira le 6 janvier devant la cour d'assises.",
        [("6 janvier", d("2025-01-06"))],
    ),
    (
        "Le ministre sera auditionné le 2 décembre prochain.",
        [("2 décembre prochain", d("2024-12-02"))],
    ),
    (
        "Le 15 novembre, le gouvernement a annoncé un plan d'urgence.",
        [("15 novembre", d("2024-11-15"))],
    ),
    ("Les faits remontent au samedi 16 novembre.", [("samedi 16 novembre", d("2024-11-16"))]),
    (
        "L'acte a été signé le vingt-sept mars deux mille vingt-deux.",
        [("vingt-sept mars", d("2022-03-27"))],
    ),
    # -- years, periods, decades, seasons
    ("Le chantier doit s'achever courant 2025.", [("courant 2025", d("2025"))]),
    ("La France vise la neutralité carbone d'ici 2050.", [("2050", d("2050"))]),
    ("Le réseau sera entièrement électrifié à l'horizon 2030.", [("2030", d("2030"))]),
    ("Depuis 2015, la commune a doublé son budget culturel.", [("2015", d("2015"))]),
    (
        "Le festival a eu lieu au printemps 2023 sur l'île de Nantes.",
        [("printemps 2023", d("2023"))],
    ),
    (
        "La ville a perdu un tiers de ses habitants au cours des années 1980.",
        [("années 1980", d("198"))],
    ),
    ("Dans les années 90, le club dominait le championnat.", [("années 90", d("199"))]),
    ("Le chômage a reculé en début d'année, selon la Dares.", [("début d'année", d("2024"))]),
    ("L'entreprise a racheté son concurrent l'an dernier.", [("l'an dernier", d("2023"))]),
    ("Les travaux reprendront l'année prochaine.", [("l'année prochaine", d("2025"))]),
    ("Le budget sera voté d'ici la fin de l'année.", [("fin de l'année", d("2024"))]),
    ("Le déficit s'est creusé cette année.", [("cette année", d("2024"))]),
    ("Il y a trois ans, la mairie avait lancé le projet.", [("Il y a trois ans", d("2021"))]),
    # -- relative days and weeks
    ("Le ministre a démissionné mardi.", [("mardi", d("2024-11-19"))]),
    ("Le conseil municipal votera mardi le budget primitif.", [("mardi", d("2024-11-26"))]),
    ("Les discussions reprendront mardi prochain à Genève.", [("mardi prochain", d("2024-11-26"))]),
    (
        "Les prix ont chuté la semaine dernière.",
        [("semaine dernière", r("2024-11-11", "2024-11-17"))],
    ),
    (
        "L'accord a été signé il y a deux semaines.",
        [("il y a deux semaines", r("2024-11-04", "2024-11-10"))],
    ),
    ("Le rapport sera publié cette semaine.", [("cette semaine", r("2024-11-18", "2024-11-24"))]),
    (
        "Les deux dirigeants se sont parlé hier et se reverront demain.",
        [("hier", d("2024-11-19")), ("demain", d("2024-11-21"))],
    ),
    # -- deadlines
    ("Les inscriptions sont ouvertes jusqu'au 31 mars.", [("31 mars", d("2025-03-31"))]),
    ("La frontière restera fermée jusqu'à vendredi.", [("vendredi", d("2024-11-22"))]),
    # -- quarters
    (
        "Le PIB a progressé de 0,4 % au troisième trimestre 2024.",
        [("troisième trimestre 2024", r("2024-07", "2024-09"))],
    ),
    ("Les ventes ont reculé au T3 2024.", [("T3 2024", r("2024-07", "2024-09"))]),
    # -- holidays
    (
        "Le défilé du 14-Juillet a réuni des milliers de spectateurs.",
        [("14-Juillet", d("2024-07-14"))],
    ),
    ("Les syndicats défileront le 1er-Mai.", [("1er-Mai", d("2025-05-01"))]),
    (
        "Les commémorations du 11-Novembre se sont déroulées lundi.",
        [("11-Novembre", d("2024-11-11")), ("lundi", d("2024-11-18"))],
    ),
    ("Le texte sera voté avant Noël.", [("Noël", d("2024-12-25"))]),
    ("Il a neigé le jour de Noël dans les Vosges.", [("jour de Noël", d("2023-12-25"))]),
    ("Les cadeaux commandés seront livrés pour Noël.", [("Noël", d("2024-12-25"))]),
    # pub 2024-10-15: the next Toussaint is 1 November 2024.
    ("Les négociations reprendront après la Toussaint.", [("Toussaint", d("2024-11-01"))]),
    (
        "Les fleuristes ont vendu deux fois plus de chrysanthèmes pour la Toussaint.",
        [("Toussaint", d("2024-11-01"))],
    ),
    (
        "Le lundi de Pentecôte reste travaillé dans de nombreuses entreprises.",
        [("lundi de Pentecôte", d("2024-05-20"))],
    ),
    # A holiday as a noun's complement names a thing, not a day.
    ("Le marché de Noël ouvrira vendredi place Kléber.", [("vendredi", d("2024-11-22"))]),
    ("Les illuminations de Noël coûteront 40 000 euros à la commune.", []),
    ("Les vacances de la Toussaint ont été prolongées.", []),
    ("Noël Le Graët a quitté la présidence de la fédération.", []),
    # -- ranges and lists
    (
        "La conférence se tiendra entre le 3 et le 5 mars.",
        [("3 et le 5 mars", r("2025-03-03", "2025-03-05"))],
    ),
    (
        "Le salon aura lieu du 3 au 5 mars 2025.",
        [("3 au 5 mars 2025", r("2025-03-03", "2025-03-05"))],
    ),
    ("Les déficits se sont creusés en 2018 et 2019.", [("2018", d("2018")), ("2019", d("2019"))]),
    (
        "Les élections ont eu lieu les 7 et 8 mai 2018.",
        [("7", d("2018-05-07")), ("8 mai 2018", d("2018-05-08"))],
    ),
    ("La population a augmenté de 3 % entre 2014 et 2020.", [("2014 et 2020", r("2014", "2020"))]),
    # -- not dates
    ("Les chiffres seront publiés dans les prochaines semaines.", []),
    ("Un homme âgé de 45 ans a été interpellé.", []),
    ("Le PSG s'est imposé 3-1 face à Lens.", []),
    ("À la mi-temps, le score était de 2-1.", []),
    ("La séance reprendra à 10 h 30.", []),
    ("La COP29 s'est ouverte à Bakou.", []),
    ("L'Euro 2024 a rapporté gros à l'Allemagne.", []),
    ("Le G20 réunit les principales économies.", []),
    ("Le gouvernement a engagé l'article 49.3 pour la troisième fois.", []),
    ("Plus de 2 000 manifestants ont défilé dans le calme.", []),
    ("La prime atteint 2 024 euros par foyer.", []),
    ("Le candidat a obtenu 52,3 % des voix.", []),
    ("Le texte a été adopté par 289 voix contre 12.", []),
    ("Les manifestants se sont rassemblés au 10, rue de Rivoli.", []),
    ("Un accident a eu lieu sur la RN 7 près de Valence.", []),
    ("Pour tout renseignement, appelez le 01 45 67 89 10.", []),
    ("Il a été condamné à cinq ans de prison ferme.", []),
    ("Les négociations ont duré pendant trois ans.", []),
    ("Le Louvre a accueilli 8,7 millions de visiteurs.", []),
    ("L'église date du XIIe siècle.", []),
]

# A second batch, wire and long-form style.
EN += [
    # "through Sunday" is a deadline, as "until Friday" is.
    ("Britain left the European Union on Jan. 31, 2020.", [("Jan. 31, 2020", d("2020-01-31"))]),
    (
        "The company said on Monday it would cut 1,200 jobs by the end of the year.",
        [("Monday", d("2024-11-18")), ("end of the year", d("2024"))],
    ),
    ("Polls close at 8 p.m. on Nov. 5.", [("Nov. 5", d("2024-11-05"))]),
    (
        "The central bank raised rates in July 2022 for the first time since 2011.",
        [("July 2022", d("2022-07")), ("2011", d("2011"))],
    ),
    ("Police said the suspect, 32, was arrested on Sunday night.", [("Sunday", d("2024-11-17"))]),
    (
        "The bridge, built in 1932, will reopen in spring 2026.",
        [("1932", d("1932")), ("2026", d("2026"))],
    ),
    ("Turnout was 67.3 percent, up from 61 percent in 2019.", [("2019", d("2019"))]),
    ("The Supreme Court will hear arguments on Dec. 4.", [("Dec. 4", d("2024-12-04"))]),
    (
        "Manchester City drew 2-2 with Brighton on Saturday, their fourth game without a win.",
        [("Saturday", d("2024-11-16"))],
    ),
    ("The minister will travel to Beijing later this month.", [("this month", d("2024-11"))]),
    ("The trial is set to begin on February 10, 2025.", [("February 10, 2025", d("2025-02-10"))]),
    ("The tournament runs through Sunday.", [("Sunday", d("2024-11-24"))]),
    (
        "Since January, more than 3,000 migrants have crossed the Channel.",
        [("January", d("2024-01"))],
    ),
    ("The measure expires at the end of March.", [("March", d("2025-03"))]),
    ("The policy dates back to the 1970s.", [("1970s", d("197"))]),
    (
        "On Thursday, the European Commission fined the firm 1.8 billion euros.",
        [("Thursday", d("2024-11-14"))],
    ),
    (
        "Sales in the first quarter of 2024 rose 8%.",
        [("first quarter of 2024", r("2024-01", "2024-03"))],
    ),
    ("The Olympic Games will be held in Los Angeles in 2028.", [("2028", d("2028"))]),
    ("The scheme ran from 2015 until 2019.", [("2015 until 2019", r("2015", "2019"))]),
    ("Officials expect the report before the end of 2025.", [("end of 2025", d("2025"))]),
    ("The 2-1 ruling was handed down late Friday.", [("Friday", d("2024-11-15"))]),
    ("Apple unveiled the iPhone 16 in September.", [("September", d("2024-09"))]),
    ("The vote is expected next month.", [("next month", d("2024-12"))]),
    ("Tesla shares have risen 40% since the Nov. 5 election.", [("Nov. 5", d("2024-11-05"))]),
    ("The law, in force since July 1, bans single-use plastics.", [("July 1", d("2024-07-01"))]),
    ("A 7.1-magnitude earthquake struck at 4:15 a.m. local time.", []),
    ("The team finished 3rd in 2023 and 5th in 2022.", [("2023", d("2023")), ("2022", d("2022"))]),
    ("The company employs 2,024 workers at its plant on Highway 401.", []),
    (
        "Voters will return to the polls on the first Sunday in March.",
        [("first Sunday in March", d("2025-03-02"))],
    ),
    (
        "Congress must pass a funding bill by Dec. 20 to avoid a shutdown.",
        [("Dec. 20", d("2024-12-20"))],
    ),
    ("Inflation hit a 40-year high in June 2022.", [("June 2022", d("2022-06"))]),
    (
        "The accord, signed in Paris in December 2015, took effect in November 2016.",
        [("December 2015", d("2015-12")), ("November 2016", d("2016-11"))],
    ),
    ("He was born on 4 July 1976 in Ohio.", [("4 July 1976", d("1976-07-04"))]),
    ("Over the past decade, rents have doubled.", []),
    (
        "The Fed cut rates in September, its first cut since March 2020.",
        [("September", d("2024-09")), ("March 2020", d("2020-03"))],
    ),
    ("Trump will be sworn in on January 20.", [("January 20", d("2025-01-20"))]),
    ("The company was fined in 2021 under Article 83 of the GDPR.", [("2021", d("2021"))]),
    (
        "The strike began on Christmas Day and ended on New Year's Eve.",
        [("Christmas Day", d("2023-12-25")), ("New Year's Eve", d("2023-12-31"))],
    ),
    ("Retailers reported strong Black Friday sales.", []),
]
FR += [
    (
        "Le Conseil constitutionnel rendra sa décision le 12 décembre.",
        [("12 décembre", d("2024-12-12"))],
    ),
    ("Le scrutin a eu lieu dimanche 17 novembre.", [("dimanche 17 novembre", d("2024-11-17"))]),
    (
        "La loi, promulguée le 14 avril 2023, relève l'âge légal à 64 ans.",
        [("14 avril 2023", d("2023-04-14"))],
    ),
    ("Les Bleus se sont inclinés 2-0 face à l'Italie jeudi soir.", [("jeudi", d("2024-11-14"))]),
    ("Le procès doit reprendre début janvier.", [("début janvier", d("2025-01"))]),
    (
        "La grève a débuté le 5 décembre 2019 et a duré plus de 50 jours.",
        [("5 décembre 2019", d("2019-12-05"))],
    ),
    ("Le tribunal a fixé l'audience au 3 février.", [("3 février", d("2025-02-03"))]),
    (
        "Entre janvier et septembre, le chômage a baissé de 2 %.",
        [("janvier et septembre", r("2024-01", "2024-09"))],
    ),
    ("Ce projet, lancé en 2017, sera achevé en 2027.", [("2017", d("2017")), ("2027", d("2027"))]),
    ("La ministre s'est rendue lundi à Marseille.", [("lundi", d("2024-11-18"))]),
    (
        "Le décret paru au Journal officiel samedi entre en vigueur le 1er décembre.",
        [("samedi", d("2024-11-16")), ("1er décembre", d("2024-12-01"))],
    ),
    (
        "Le sommet de l'Otan se tiendra les 24 et 25 juin à La Haye.",
        [("24", d("2025-06-24")), ("25 juin", d("2025-06-25"))],
    ),
    ("Les JO de Paris 2024 ont coûté 8,8 milliards d'euros.", []),
    ("L'an 2000 avait suscité bien des craintes.", [("2000", d("2000"))]),
    ("Il est mort le 9 novembre 1970 à Colombey.", [("9 novembre 1970", d("1970-11-09"))]),
    (
        "Depuis le début de l'année, 1 200 entreprises ont fait faillite.",
        [("début de l'année", d("2024"))],
    ),
    ("Les soldes d'hiver débuteront le 8 janvier 2025.", [("8 janvier 2025", d("2025-01-08"))]),
    ("La réforme des retraites de 2023 reste impopulaire.", [("2023", d("2023"))]),
    ("Le prix du gaz a augmenté de 10 % au 1er juillet.", [("1er juillet", d("2024-07-01"))]),
    (
        "Il y a dix jours, le préfet avait interdit la manifestation.",
        [("Il y a dix jours", d("2024-11-10"))],
    ),
]

# Cases published on another day than PUB.
OTHER_PUB = {"Les négociations reprendront après la Toussaint.": "2024-10-15"}
CASES = [("en", PUB, text, exp) for text, exp in EN] + [
    ("fr", OTHER_PUB.get(text, PUB), text, exp) for text, exp in FR
]


def found(lang: str, published: str, text: str) -> list[tuple[str, dict]]:
    claims = extract(text, lang=lang, published=published)
    return [(c.text, c.value) for c in claims if c.kind == "date"]


@pytest.mark.parametrize(("lang", "published", "text", "expected"), CASES)
def test_heldout_style(lang: str, published: str, text: str, expected: list) -> None:
    got = found(lang, published, text)
    assert len(got) == len(expected), got
    for (span, value), (want_span, want_value) in zip(got, expected, strict=True):
        assert want_span in span or span in want_span, got
        assert value == want_value, got


def test_enough_cases_per_language() -> None:
    assert len(EN) >= 60 and len(FR) >= 60
