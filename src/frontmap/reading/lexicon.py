"""Word lists the reader uses to tell place names from the other capitalised words of news pages.

All lists are lower case and written for this project.  They encode how news is written: capitalised
function words open sentences, titles and given names precede people, organisation words follow the
place names they contain ("Kyiv Independent", "Moscow Times"), and many ordinary English words are also
the names of small towns somewhere ("Most", "Police", "March", "Reading").
"""

from __future__ import annotations

__all__ = [
    "COMMON_WORDS",
    "DEMONYMS",
    "GIVEN_NAMES",
    "LOCATIVE",
    "METONYMY_NOUNS",
    "METONYMY_VERBS",
    "MONTHS",
    "NOBLE_TITLES",
    "NOT_PLACES",
    "ORG_WORDS",
    "TITLES",
    "WEEKDAYS",
]

MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())

#: Words that precede a person's name.
TITLES = frozenset(
    """
    president vice prime minister deputy secretary general gen colonel col lieutenant lt major maj
    captain capt sergeant sgt commander admiral marshal governor mayor senator sen rep congressman
    congresswoman ambassador chancellor chairman chairwoman chair spokesman spokeswoman spokesperson
    adviser advisor aide director chief head leader envoy official commissioner ombudsman
    ombudsperson mr mrs ms miss dr prof professor sir dame lord lady pope patriarch king queen
    prince princess duke duchess earl emperor sheikh judge justice analyst correspondent reporter
    editor columnist author writer blogger presenter host anchor actor actress singer star player
    coach manager ceo founder resident soldier private corporal pilot father bishop archbishop
    metropolitan saint st
    """.split()
)

#: Titles of the form "<title> of <place>" that name a person, not the place.
NOBLE_TITLES = frozenset(
    "prince princess duke duchess earl countess king queen bishop archbishop lord baron patriarch "
    "metropolitan".split()
)

#: Common given names (English, Ukrainian, Russian, other European), so that "Vitaly Kim",
#: "Kate Middleton" or "Leon Panetta" are read as people.
GIVEN_NAMES = frozenset(
    """
    aaron adam adrian alan alastair albert alex alexander alexandra alexei alexey alexandr aleksandr
    aleksei aleksey alice alina alla allison amanda amy andrea andrei andrew andrey andriy andrii
    angela angelina ann anna anne anton antonio antony arseniy arseny artem artyom arthur ashley
    barbara ben benjamin bernard beth betty bill bob bogdan bohdan boris brad brian bruce carl
    carlos caroline catherine charles charlie charlotte chris christian christina christopher claire
    colin craig dan daniel danylo daria darya dave david dean denis denys diana dmitri dmitriy dmitry
    dmytro donald doug douglas edward elena elizabeth ellen emily emma emmanuel eric erik eugene evgeny
    fedir fyodor frank fred gary george georgiy gerald gleb grace greg gregory hanna hannah harry
    heather helen henry herman hugh ian igor ihor ilya ivan iryna irina jack jacob james jamie jane
    janet jason jeff jeffrey jennifer jens jeremy jessica jim joan joe john jonathan jose joseph josh
    julia julian julie justin karen karl kate katherine kateryna kathy keir kevin kim kirill kyrylo
    kristen larry laura lauren leon leonid liam linda lisa liz lloyd luke lyudmila lyudmyla margaret
    maria mariia marina mark martin mary matt matthew maxim maksym melinda michael michel mike mikhail
    mykhailo mykola nadia natalia nataliya natalya neil nicholas nick nicola nikolai nikolay nina
    oleg oleh olena oleksandr oleksii oleksiy olga olha oliver olivia pam paul peter petro petr
    philip phil rachel ralph rebecca richard rishi rob robert roman ron ronald rosa ruslan ryan sam
    samantha sarah scott sean sergei sergey sergiy serhii serhiy simon sofia sophie stanislav stephen
    steve steven stuart susan svetlana taras ted terry thomas tim timothy todd tom tony ursula valentyn
    valery valeriy vadim vadym vasyl veronika victor victoria viktor viktoriia vitali vitaliy vitaly
    vitalii vladimir vladislav vladyslav volodymyr walter wes william yana yaroslav yevgeny yevhen
    yulia yuliia yuri yuriy yury zelensky zhanna
    """.split()
)

#: Capitalised words after a place that make it part of an organisation or publication name.
ORG_WORDS = frozenset(
    """
    independent post times news herald tribune telegraph journal gazette daily weekly pravda
    television tv radio agency institute university college school academy library museum theatre
    theater ministry council committee commission administration company corporation corp group
    holdings bank airlines airways railways metro dynamo shakhtar fc club team federation union
    patriarchate church cathedral mosque stadium arena hotel hospital clinic court tribunal prison
    convention protocol format accords agreement treaty summit declaration process initiative
    operation doctrine memorandum charter pact deal grain corridor fleet flotilla regiment brigade
    battalion division corps legion battalions brigades stream pipeline
    """.split()
)

#: Demonyms and adjectives of place, capitalised in English but not place names themselves.
DEMONYMS = frozenset(
    """
    ukrainian ukrainians russian russians belarusian belarusians polish pole poles british briton
    britons english scottish welsh irish american americans european europeans western eastern
    northern southern german germans french italian spanish chinese japanese korean iranian turkish
    israeli palestinian soviet crimean moldovan romanian hungarian slovak czech georgian chechen
    syrian afghan nato kremlin
    """.split()
)

#: Capitalised words that are ordinary English (sentence openers, page furniture, directions) and
#: happen to be the names of small towns somewhere: never a place on their own.
COMMON_WORDS = frozenset(
    """
    a an the this that these those there here it its he she they we you i his her their our my your
    in on at to from by for of with without into onto over under above below near after before since
    until during while when where why how what which who whom whose as if then than but and or nor so
    yet also only just even still already again once all any each every both either neither some many
    much more most less least few several other another such same no not none nothing one two three
    first second third last next new old big great greater small good bad high low long short full free
    north south east west northeast northwest southeast southwest central centre center middle upper
    lower inner outer front rear left right top bottom side border line frontline front-line
    share read more news home world live update updates related latest video photo photos watch
    listen subscribe sign join follow comment comments advertisement sponsored story stories
    analysis insight opinion blog source sources report reports reporting editor editorial
    breaking exclusive pictured picture image images map maps click login register email print
    page menu search contact about help terms privacy cookies copyright rights reserved
    mission victory peace liberty independence union unity hope faith grace glory justice freedom
    friendship progress dawn sunrise spring summer autumn winter police army navy air force forces
    marine marines guard guards border bridge lake river sea bay port harbour harbor island islands
    hill hills valley field fields forest park garden station airport base camp city town village
    state states republic kingdom empire federation province region district county territory
    capital church castle palace tower gate market square street road avenue
    god lord christ christmas easter orthodox catholic muslim islamic jewish
    reading bath sale split nice mobile orange aurora paradise march may
    monday tuesday wednesday thursday friday saturday sunday
    however meanwhile elsewhere moreover furthermore although though because therefore thus
    according despite including instead besides nearby beyond across along around throughout
    earlier later today tonight yesterday tomorrow now ago soon recently currently
    mr mrs ms sir madam
    """.split()
)

#: Names that the gazetteer knows as translations of a foreign place name but that English news uses
#: for something else ("White House" is a translation of Casablanca).
NOT_PLACES = frozenset({"white house", "red army", "black sea fleet", "green party"})

#: Prepositions that introduce a location ("in Kharkiv", "near Izium").
LOCATIVE = frozenset(
    "in near at from to into outside around towards toward across through via of inside beyond "
    "within between along off".split()
)

#: After a place, these verbs make it stand for its government ("Moscow said", "Kyiv denies").
METONYMY_VERBS = frozenset(
    """
    said says say claimed claims claim denied denies deny accused accuses accuse warned warns warn
    announced announces insisted insists wants want wanted demanded demands rejected rejects agreed
    agrees signed signs threatened threatens vowed vows hopes hoped believes believed urged urges
    asked asks called calls responded responds blamed blames refused refuses acknowledged
    acknowledges confirmed confirms reported reports sanctioned sanctions recognised recognized
    """.split()
)

#: After a possessive place, these nouns make it stand for its state ("Kyiv's military").
METONYMY_NOUNS = frozenset(
    """
    military army forces troops soldiers government officials leadership president leader allies
    defence defense ministry foreign envoy ambassador diplomats negotiators delegation war invasion
    offensive counteroffensive counter-offensive gains losses strategy position demands response
    authorities intelligence navy economy sanctions policy
    """.split()
)
