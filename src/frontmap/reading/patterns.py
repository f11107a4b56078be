"""The patterns the claim finder (:mod:`frontmap.reading.claimtext`) uses, compiled once.

Every pattern is linear: no nested unbounded repetition.  Patterns that scan a whole text start with a
character class (digits, the first letters of number words) so that the regex engine can skip ahead;
qualifiers and the "a"/"one" of fractions are found by looking back from a match
(:class:`frontmap.reading._claims_found.Widened`).
"""

from __future__ import annotations

import re

from frontmap.quantities.numbers import DIRECTIONS, QUALIFIERS, SCALES
from frontmap.reading import lexicon


def leading(words: list[str]) -> str:
    """A pattern for whole ``words`` that starts with a character class, so that the regex engine can
    skip ahead quickly (an alternation of words, or a case-insensitive flag, defeats that)."""
    firsts = sorted({w[0] for w in words})
    cls = "[" + "".join(firsts) + "".join(f.upper() for f in firsts) + "]"
    return cls + r"(?<![\w]" + cls + r")(?:" + lexicon.phrases(w[1:] for w in words) + r")\b"


WORDNUM = leading(list(lexicon.NUMBER_WORDS))
#: The verbs that say where a place is (lexicon.LOCATION_VERBS), as alternations: "lies", "sit" ...
LIES = "|".join(lexicon.LOCATION_VERBS["finite"])
LYING = "|".join(lexicon.LOCATION_VERBS["continuous"])  # ... "lying" ...
#: ... and "located", "positioned".
LOCATED = "|".join(lexicon.LOCATION_VERBS["participle"])
#: After a figure's first digit: it does not continue a word, a number or an expression ("x5", "1.5",
#: "10^3", "1e3", "1/2", "2*3", "1e+3"), nor carry a minus sign ("-5", "−5", "–5"; a range "5-10" is
#: fine): such a figure is unreadable or impossible, never read as the digits after the sign.
FIGURE_START = r"(?<![\w.,^/*+]\d)(?<!(?<!\d)[-−–]\d)"
#: Thousands separated by commas ("6,000"), points ("1.234.567"), spaces, no-break or thin spaces ("188 600"),
#: decimals with a point or a comma ("486,5": a comma before one or two final digits), then a scale word.
DIGITS = (
    r"\d" + FIGURE_START + r"(?:\d{0,2}(?:(?:,\d{3})+|(?:\.\d{3}){2,})|\d{0,2}(?:[ \xa0\u2009\u202f]\d{3})+"
    r"(?!\d|,(?!\d{1,2}(?![\d,.])))|\d*)"  # "3 267,1": a decimal comma after thousands spaced apart
    r"(?:(?:\.|,(?=\d{1,2}(?![\d,.])))\d+)?(?![.,]?\d)"
)
#: Not a scale word alone: "several hundred metres" is no figure of 100 m (but "a hundred" is one).
NOT_A_SCALE = r"(?!(?i:" + "|".join(SCALES) + r")\b)"
NUM = (
    r"(?:" + DIGITS + r"(?:\s+(?:million|thousand))?"
    # "two and a half miles", "one and a half kilometre zone"
    r"|" + NOT_A_SCALE + WORDNUM + r"(?:[\s-]+" + WORDNUM + r"){0,3}(?:\s+and\s+a\s+half\b)?"
    # "another dozen kilometres": a scale word that is a figure after "another"
    r"|(?<=another\s)(?i:dozen)\b"
    # "a kilometre", "half a mile": a lone article counts only right before a unit of length or area
    r"|[aAhH](?<![\w][aAhH])(?:alf\s+an?|n?)(?=\s+(?:kilomet|km\b|mile|met(?:re|er)|square\b|sq\b|hectare)))"
)
#: "a kilometre and a half"
AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b", re.IGNORECASE)
QUAL = (
    r"(?:"
    + "|".join(sorted((re.escape(q).replace(r"\ ", r"\s+") for q in QUALIFIERS), key=len, reverse=True))
    + r")"
)
AREA_UNIT = (
    # "200 square kilometres", "a 200-square-kilometer area", "500-sq-km", "107 square meters. km" (кв. км)
    r"(?:square[\s-]+met(?:re|er)s?\.?\s+km\b|square[\s-]+(?:kilomet(?:re|er)s?|km|miles?|mi|met(?:re|er)s?)"
    r"|sq\.?[\s-]*(?:km|kilomet(?:re|er)s?|mi(?:les)?|m)\b"
    # "27,000 km ²": a space before the square, as pages converted from other formats write it
    r"|km ?²|km2|kmsq|km\s+sq\b|mi ?²|mi2|m ?²|hectares?|ha\b|acres?\b)"
)
DIST_UNIT = r"(?:kilomet(?:re|er)s?|kms?\b|(?:nautical\s+|sea\s+)?miles?\b|n?mi\b|met(?:re|er)s?\b|m\b)"
QTY = re.compile(
    r"(?P<num>" + NUM + r")(?:\s*-\s*|\s*)(?i:(?P<area>" + AREA_UNIT + r")|(?P<dist>" + DIST_UNIT + r"))"
)
#: The signs of the qualifiers ("~130 km"): written right before the number, or before a space.
QUAL_SIGNS = "".join(q for q in QUALIFIERS if len(q) == 1 and not q.isalnum())
QUAL_BEFORE = re.compile(
    r"(?<![\w" + QUAL_SIGNS + r"])(" + QUAL + r")(?:\s+|(?<=[" + QUAL_SIGNS + r"]))$", re.IGNORECASE
)
#: The lower end of a range before a figure: "28 to 35 km", "10-15 km", "1−2 km", "between 10 and 15 km",
#: "500 metres to 1 km" (a unit of length of its own, before "to": "10 km - 6 miles" is a conversion).
RANGE_LOW = re.compile(
    r"(?:\b[Bb]etween\s+(?P<between>" + DIGITS + r"|" + WORDNUM + r")\s+and"
    r"|(?P<low>" + DIGITS + r"|" + WORDNUM + r")\s*(?:-|–|—|−|\bto)"
    r"|(?P<low_with_unit>" + DIGITS + r"|" + WORDNUM + r")\s*(?P<low_unit>(?i:" + DIST_UNIT + r"))\s+to)\s*$"
)
#: A month before a number: "on May 23 to 124 km²" is a date, then the figure, not a range from 23.
_MONTH_BEFORE = re.compile(
    r"\b(?:" + "|".join(sorted(lexicon.MONTHS, key=len, reverse=True)) + r")\.?\s+$", re.IGNORECASE
)


def range_low(text: str, lo: int, hi: int) -> re.Match | None:
    """:data:`RANGE_LOW` in ``text[lo:hi]``, unless its number is a day after a month."""
    r = RANGE_LOW.search(text, lo, hi)
    return None if r is None or _MONTH_BEFORE.search(text, max(0, r.start() - 12), r.start()) else r


FRACTION_WORDS = leading(list(lexicon.FRACTION_WORDS))
#: The sign or word of a percentage: "%", "per cent", "percent".
PERCENT_SIGN = r"(?:%|(?i:per\s?cent|percent)\b)"
#: The digits of a percentage after its first: "18.7%", a decimal comma before 1-2 final digits ("5,9%").
PERCENT_DIGITS = r"\d{0,2}(?:\.\d+|,\d{1,2}(?!\d))?"
SHARE = re.compile(
    r"(?P<frac>\d"
    + FIGURE_START
    + PERCENT_DIGITS
    + r"\s*"
    + PERCENT_SIGN
    + r"|"
    # "Sixty-eight percent of ...": a number in words
    + r"(?i:"
    + WORDNUM
    + r"(?:[\s-]+"
    + WORDNUM
    + r")?\s+per\s?cent\b)|"
    + FRACTION_WORDS
    + r")"
    # "18% — roughly a fifth — of Ukraine", "18 percent, of Ukraine's territory", '"55%" of': an aside
    # or a mark
    r"(?:\s*[—–(][^—–()\n]{1,40}?[—–)]|\s*[,—–\"”’'])?"
    # "19% occupation of Ukraine's total territory", "75% control in Donetsk": the holding named between
    r"(?:\s+(?:occupation|control)\s+(?:of|over|in)|\s+of|(?<=[Hh]alf)(?=\s+(?:the|its|their)\s))\s+"
    r"(?:(?:all|the\s+whole)\s+of\s+)?"  # "20% of all of Ukraine's territory"
)
#: The share each wording of ALL_OF says, and the canonical qualifiers that must stand before it.
WHOLE_SHARES = {"all": 1.0, "the entire": 1.0, "the whole": 1.0, "the entirety": 1.0}
WHOLE_QUALIFIERS = frozenset({"nearly"})
#: "nearly all of Luhansk Oblast", "almost the entire Lugansk region": the whole, less a little (only after
#: a qualifier that says so, :data:`WHOLE_QUALIFIERS`; "all of Donetsk" is mostly a goal).
ALL_OF = re.compile(
    r"(?P<frac>" + leading(list(WHOLE_SHARES)) + r")"
    r"(?:(?<=ll|ty)(?=\s+of\s)|(?<!ll|ty))\s+(?:of\s+)?"  # "all" and "the entirety" only before "of"
)
#: A percentage with no "of" after it: "that figure was 19%" names again the share just given.
BARE_PERCENT = re.compile(
    r"(?P<frac>\d" + FIGURE_START + PERCENT_DIGITS + r"\s*" + PERCENT_SIGN + r")(?!\s*[—–(,]?\s*of\b)"
)
FRACTION_BEFORE = re.compile(r"\b((?:an?|one|two|three|four)[\s-]+)$", re.IGNORECASE)

#: What a distance is said to be across ("500 metres across the river", "two miles across the Dnieper River
#: from", "across the Dnipro"): a water or a border, or a river named alone.
_NAMED = r"(?-i:[A-Z])[\w'’-]+"
WATERS = rf"(?:{_NAMED}\s+)?(?:river|water|strait|border|lake|estuary|reservoir|bay)\b|{_NAMED}"
#: "(46 miles)", "[74 km]", "—roughly 16 miles—": a conversion set off after a figure; the first of two
#: ("(361.53 square kilometres, or almost 90,000 acres)").
CONVERSION = re.compile(
    rf"\s*[(\[—–]\s*(?:{QUAL}\s+|~\s*)?(?:(?:{NUM})\s*(?:-|–|to|and)\s*)?(?P<num>{NUM}|\d+,\s\d{{1,2}}(?!\d))"
    rf"\s*-?\s*(?:(?P<area>{AREA_UNIT})|(?P<dist>{DIST_UNIT}|f(?:ee|oo)t\b|ft\b|yards?\b|yds?\b))\.?"
    rf"(?:\s*[,;]?\s*(?:or\s+)?(?:{QUAL}\s+)?{NUM}\s*-?\s*(?:{AREA_UNIT}|{DIST_UNIT})\.?)?\s*[)\]—–]",
    re.IGNORECASE,
)
DIRECTION_WORDS = sorted((d for d in DIRECTIONS if len(d) > 3), key=len, reverse=True)
_DIRECTION_WORD = "|".join(re.escape(d).replace(r"\ ", r"\s") for d in DIRECTION_WORDS)
DIRECTION = re.compile(  # "65 and 100 km(,) respectively(,) southeast of X": the pair's word before it
    r"\s*(?:,?\s*respectively,?\s+)?(?:further\s+|farther\s+)?(?:to\s+(?:the|its)\s+|in\s+the\s+)?(?P<dir>"
    + _DIRECTION_WORD
    + r"|(?-i:N|S|E|W|NE|NW|SE|SW|NNE|ENE|ESE|SSE|SSW|WSW|WNW|NNW))(?![\w-])"
    # "20 km north and northeast of Sloviansk": two directions said together
    r"(?:\s+(?:and|or)\s+(?P<dir2>" + _DIRECTION_WORD + r")(?![\w-])(?=\s+(?:of|from)\s))?"
    # "southwest by west (SWbW) of Mykolaiv": the abbreviation after the words
    r"(?:\s*\((?-i:[NSEW]{1,2}b[NSEW]|[NSEW]{1,3})\))?"
    # "18 kilometers south (11 miles) of Pokrovsk": a conversion after the direction
    r"(?:\s*(?P<conv>\(\s*(?:about\s+|some\s+|roughly\s+)?\d[\d,.]*\s*(?:miles?|mi|km|kilomet(?:re|er)s?)\s*\)))?"
    # "... 20 km east of Izium", or a direction that ends the phrase: "... some 20 km to the south."
    r"(?:\s+(?:of|from)\s+|(?P<end>(?<=[a-z])(?=\s*[,.;:)—–]|\s+(?:and|but|on|in|at|as|by|after|before"
    r"|near|towards?|to|along|across|beyond|past|through|over|around|is|are|" + LIES + r")\b)))",
    re.IGNORECASE,
)
STREAM = re.compile(
    r"\s*(?P<dir>downstream|upstream|down\s*river|up\s*river"
    # "60 miles down the Dnipro River from the plant"
    r"|(?:down|up)\s+the\s+(?-i:[A-Z][\w'’-]+)(?:\s+river)?)(?P<of>\s+(?:of|from)\s+)?",
    re.I,
)
_ON_INTO = r"(?:deep(?:er)?|further|farther)\s+"  # "5 km deeper into Russia", "10 km farther into Kursk"
INTO = re.compile(
    r"\s*(?:" + _ON_INTO + r")?(?:into|inside)\s+(?P<what>(?:the\s+)?(?P<adj>ukrainian|russian|belarusian)"
    # "into Russian-held territory": the ground one side holds, measured from the front line
    r"(?P<held>-(?:held|controlled|occupied))?\s+"
    r"(?:territory|land|lines|positions|defen[cs]es)|(?P<adj2>ukraine|russia|belarus))\b",
    re.IGNORECASE,
)
#: From a figure to its anchor: "15 km away from", "10 km short of", "30 miles down the coast from".
AWAY = re.compile(
    r"\s*(?:(?:away|distant|far|inland|offshore|short)\s+)?(?:across\s+(?:the\s+)?(?:" + WATERS + r")\s+)?"
    r"(?:(?:up|down|along)\s+the\s+(?:coast|road|highway|railway|river)\s+(?=from))?"
    r"(?:from|of|out\s+of|outside|beyond|inside|behind|off|on\s+(?:either|each|both)\s+sides?\s+of)\s+",
    re.I,
)
#: Nouns for ground an attack took ("an advancement of up to ten kilometers"); ADVANCE_NOUN adds the shapes.
ADVANCES = r"advance(?:ment)?|breakthrough|penetration|incursion"
#: "the incursion was about 12 km deep": a noun for an advance before a depth.
ADVANCE_NOUN = re.compile(rf"\b(?:{ADVANCES}|wedge|salient|bridgehead|offensive)s?\b", re.IGNORECASE)
#: "up to 10 km deep into Kursk", "5 km into the Belgorod region": into a region named.
INTO_NAMED = re.compile(r"\s*(?:" + _ON_INTO + r")?(?:into|inside)\s+(?P<what>)(?:the\s+)?", re.IGNORECASE)
#: "it is about 10 km to Kostiantynivka": the town a distance reaches ...
TO_PLACE = re.compile(r"\s+(?:across\s+(?:the\s+)?(?:" + WATERS + r")\s+)?to\s+")
#: ... when the words before the figure say it is one ("it is (still)", "there is", "Sumy is", ", and 25 km").
IT_IS_BEFORE = re.compile(
    r"(?i)(?:\b(?:it|this|there)(?:\s+is|['’]s)(?:\s+still)?|,(?:\s*and)?|\b(?-i:[A-Z])[\w'’-]*\s+(?:is|lies))\s*$"
)
#: A distance that names the town it reaches ("25 km to Kramatorsk").
TO_NAMED = re.compile(r"\sto\s+(?-i:[A-Z])")
#: "the town of" before a name, or nothing.
THE_TOWN_OF = r"(?:the\s+(?:town|city|village)\s+of\s+)?"
#: "20 km to the north is Kurakhove", "... is the town of X": the subject after the direction.
SUBJECT_INVERTED = re.compile(
    r"\s+(?:is|are|" + LIES + r")\s+"
    # "15 km east is the power plant at Enerhodar": a facility, said of its town
    r"(?:the\s+(?:[a-z]+\s+){0,2}(?:plant|station|base|port|airport|airfield)\s+(?:at|in|of|near)\s+|"
    + THE_TOWN_OF
    + ")"
)
#: "more than 300 km away", "500 metres across the river", "845 km distant": a distance, no point named.
AWAY_END = re.compile(
    r"\s*(?:away|distant|apart|across\s+(?:the\s+)?(?:" + WATERS + r"))\b(?!\s+(?:from|of|to)\b)",
    re.IGNORECASE,
)
#: "a 1.5 km zone around the plant", "a 30-km radius of the city": a distance around a place or from a
#: line; "a 10-km-deep buffer zone", "the 50-km evacuation zone" name none (ZONE_KINDS: what kind of zone).
ZONE_KINDS = (
    r"exclusion|buffer|security|no-?fly|evacuation|demilitari[sz]ed|sanitary|mandatory|restricted|closed"
    r"|protective|safety|control(?:led)?|border|front-?line|coastal"
)
ZONE = re.compile(
    r"\s*-?\s*(?:deep\s+)?(?:(?:"
    + ZONE_KINDS
    + r")\s+){0,2}(?P<noun>zone|radius|perimeter|buffer|belt|strip)\b"
    r"(?P<of>\s+(?:around|round|of|from|surrounding|along|adjacent\s+to)\s+)?",
    re.IGNORECASE,
)
#: A distance travelled or advanced, just before the figure: "drones need to cover less than 5 km",
#: "troops advanced another 2 km": a spatial statement even with no place after it.
TRAVEL_BEFORE = re.compile(
    r"\b(?:"
    + lexicon.phrases(lexicon.TRAVEL_VERBS)
    # "advanced into the depths of the enemy's territory at a distance of up to 4 km" (translated copy),
    # "advanced to a depth of 7 km", "reached a depth of 30 km", "retreat by distances of 5 to 15 km"
    + r"|(?:advanc|push|mov|penetrat|reach|retreat|repuls)\w*\b[^.;!?]{0,60}?\b(?:(?:at|to)\s+)?(?:a|by)\s+"
    + r"(?:distance|depth)s?\s+of"
    # "pushed Russian forces back 10 km", "pushing back Ukrainian troops (AFU) by 14 km": who is pushed,
    # in a few words
    + r"|push(?:ed|es|ing)?\s+(?:[\w()'’-]+\s+){1,5}?back"
    + r"|push(?:ed|es|ing)?\s+back(?:\s+[\w()'’-]+){1,5}?(?=\s+by\s)"
    # "the advance of our troops into the enemy's defences is up to 36 km", "advances of up to 1 km"
    + rf"|\b(?:{ADVANCES})s?\b"
    + r"(?:[^.;!?]{0,60}?\s(?:is|was|were|reached))?(?:\s+of)?"
    # "advanced by an average of 8-10 km", "pushed forward on average 5 km", "advancing by at least 10 km",
    # "managed to advance only by 10 km", "advanced a total of 6 km", "to cover a distance of about 100 km"
    + r")\s+(?:(?:only|just)\s+)?(?:by\s+)?"
    r"(?:(?:another|an\s+additional|a\s+further|further|some|an\s+average\s+of|on\s+average|a\s+total\s+of"
    r"|a\s+distance\s+of)\s+)?$",
    re.IGNORECASE,
)
#: "10 km from it": "it" as the place measured from (not "its", "it's").
IT_ANCHOR = re.compile(r"it\b(?!['’])")
#: "60 km as the crow flies from the plant", "1,600 km by road": how a distance is measured, between its
#: figure and its anchor (``lexicon.DISTANCE_MEASURES`` says which measure a ``phrase`` is).
MEASURE_PHRASES = lexicon.phrases(lexicon.DISTANCE_MEASURES)
#: What ground is said to have become ("captured", "under Russian control"; ``lexicon.GROUND_STATES``).
STATES = lexicon.phrases(lexicon.GROUND_STATES)
MEASURE = re.compile(r"\s*,?\s+(?P<phrase>" + MEASURE_PHRASES + r")\b,?", re.IGNORECASE)
#: "by train is 664 km", ", by road 584 km", "via the railway 193 km": the measure written just before a
#: figure (a verb or a dash between them at most); after a figure, such words belong to the next one.
MEASURE_BEFORE = re.compile(
    r"\b(?P<phrase>" + MEASURE_PHRASES + r")\s*"
    r"(?:(?:is|was|constitutes|comes\s+to|amounts\s+to)\s+|[-–—:]\s*)?$",
    re.IGNORECASE,
)
#: What follows a measure that belongs to the figure after it: "664 km, by road 584 km".
FIGURE_NEXT = re.compile(r"\s*[-–—:]?\s*\d")
#: "some 40 km, or 25 miles, east of Kharkiv", "10-15 km/ 6–9 miles", "182 square kilometers, around 70
#: square miles": a conversion written without brackets (a range's upper figure is converted).
OR_CONVERSION = re.compile(
    rf"\s*(?:,?\s+or\s+|/\s*|,\s+(?={QUAL}\s))(?:{QUAL}\s+)?(?:" + NUM + r"\s*[-–]\s*)?"
    r"(?P<num>" + NUM + r")\s*-?\s*(?i:(?P<area>" + AREA_UNIT + r")|(?P<dist>" + DIST_UNIT + r"))"
)
#: "The front line lies just 7 km from Orikhiv": a line, not a place, is what the distance is about.
LINE_SUBJECT = re.compile(
    r"\s*(?:The|the)\s+(?P<what>front\s*-?\s*lines?|frontlines?|line\s+of\s+contact|contact\s+line|front"
    r"|border|coast(?:line)?)\s+(?:(?:now|still|already|currently)\s+)?(?:is|was|"
    + LIES
    + r"|runs|lay|remains|remained)\b"
)
#: "80 km and 60 km from the city", "7.5 km (4.7 mi) and 32 km (20 mi) from X": the second value of a
#: pair (with its conversion), skipped to reach the anchor.
PAIRED = re.compile(
    r"\s*(?:,|and|or|to)\s+(?:(?:about|around|some|roughly|nearly|almost)\s+)?(?:\d[\d,.]*)\s*-?\s*"
    r"(?:kilomet(?:re|er)s?|kms?\b|miles?\b|mi\b|met(?:re|er)s?\b|m\b)(?:\s*\(\s*\d[\d,.]*\s*[a-z]{1,10}\s*\))?"
    r"(?:\s+respectively\b)?",
    re.IGNORECASE,
)
#: "65 km and 100 km respectively": the second figure of a pair said of two places in turn.
RESPECTIVELY = re.compile(
    r"\s(?:and|,)\s+(?P<num>\d[\d,.]*)\s*-?\s*(?:kilomet(?:re|er)s?|kms?\b|miles?\b|mi\b)\s+respectively\b",
    re.IGNORECASE,
)
#: "located 644 and 241 km from the border, respectively": the first figure of a pair written before
#: the second's unit ...
RESPECTIVE_FIRST = re.compile(r"(?P<num>\d[\d,.]*)\s+and\s+$")
#: ... when "respectively" closes the phrase.
RESPECTIVELY_AFTER = re.compile(r"[^.;:()]{0,40}?\brespectively\b", re.IGNORECASE)
#: Descriptive words between "of/from" and the place they describe: "the destroyed", "Russian-held".
DESCRIPTORS = re.compile(
    r"(?:the\s+)?(?:(?!(?:where|which|that|who|and|or|but|when|while|in|of|to|from|by|near)\b)"
    r"(?:[a-z][\w'’-]*|[A-Z][a-z]+-[a-z]+)\s+){0,2}"
    r"(?:[a-z][\w-]*(?:ed|ing|ern|ian|ful|by)|central|downtown|greater|broader|wider"
    r"|[A-Z][a-z]+-(?:held|controlled|occupied|annexed|run))\s+"
)
NOT_LOCATION = re.compile(
    r"\s*(?:/|per\s|an?\s+hour|-?\s*long\b|-?\s*range\b|-?\s*wide\b|-?\s*deep\b|-?\s*high\b|-?\s*tall\b"
    r"|of\s+(?:road|roads|track|tracks|railway|rail|pipeline|cable|fence|trenches|front|coastline|border))",
    re.IGNORECASE,
)
RANGE_BEFORE = re.compile(
    # (not "within a radius of 5 km": a zone, see _claimcontext.radius_anchor)
    r"\b(?:range|(?<!within a )(?<!in a )radius|speed|altitude|height|depth|length|width)\s+of\s+"
    r"(?:up\s+to\s+)?$",
    re.I,
)
AREA_CONTEXT = re.compile(
    r"\b(?:area|land\s*mass|landmass|territory|surface|size)\s+(?:of\s+)?$", re.IGNORECASE
)
AREA_AFTER = re.compile(
    r"\s*(?:\([^)]{0,40}\)\s*)?of\s+(?:\w+\s+)?(?:land|territory|farmland|fields)\b", re.I
)
#: "Ukraine, which covers (an area of) ...", "Kharkiv Oblast, an area of ...", "Crimea, a peninsula of ...".
COVERS = re.compile(
    r"(?:(?:,\s*(?:which|that)\s+)?\b(?:covers|covering|spans|spanning|measures|measuring|occupies)"
    r"(?:\s+an?\s+(?:total\s+)?(?:land\s+)?area\s+of)?"
    r"|\b(?:has|with)\s+an?\s+(?:total\s+)?(?:land\s+)?(?:area|surface)\s+of"
    r"|,\s*(?:an?\s+)?(?:total\s+)?(?:land\s+)?(?:area|peninsula|region|territory|province|country|oblast|expanse)"
    r"\s+of)\s+$",
    re.IGNORECASE,
)
#: ", which Russia annexed in 2014," between a place and the verb of its size ("covers", "has an area of").
_ASIDE_BEFORE_SIZE = re.compile(
    r",\s*(?:which|that|where)\b[^,.;:()]{1,80},(?=\s*(?:covers|covering|spans|spanning|measures|measuring"
    r"|has\s+an?\s+(?:total\s+)?(?:land\s+)?area\s+of)\b[^,.;:()]{0,40}$)",
    re.IGNORECASE,
)


def size_clause(before: str) -> str:
    """The words before an area, with a relative clause between a place and the verb of its size blanked
    out (same length): "Crimea, which Russia annexed in 2014, covers 27,000 km²" states the peninsula's
    size; what the aside says of its history is no change of ground."""
    m = _ASIDE_BEFORE_SIZE.search(before)
    return before if m is None else before[: m.start()] + " " * (m.end() - m.start()) + before[m.end() :]


#: "The Zaporizhzhia region, which is about 27,000 square kilometres in size".
WHICH_IS = re.compile(r",?\s*(?:which|that)\s+is\s+$", re.IGNORECASE)
IN_SIZE = re.compile(r"\s*(?:\([^)]{0,40}\)\s*)?(?:in\s+(?:size|area)|large\b)", re.IGNORECASE)
POSSESSIVE_END = re.compile(r"['’ʼ]s?\s+$")
SUBJECT_AREA = re.compile(
    r"['’ʼ]s?\s+(?:\w+\s+){0,3}?(?:area|land\s*mass|landmass|territory|size)\s+(?:is\s+|of\s+)?$",
    re.IGNORECASE,
)
#: The front line, in the ways news writes it ("the frontline", "the line of contact"; not "the front of").
FRONT_LINE = r"front\s*-?\s*lines?\b|frontline\b|front\b(?!\s+of)|contact\s+line\b|line\s+of\s+contact\b"
#: Ground an army holds ("occupied territory", "the territories occupied by Russia"): its edge is a line.
_GROUND, _HELD = r"(?:territor(?:y|ies)|areas?|lands?|ground)", r"(?:occupied|held|controlled)"
HELD_GROUND = (
    rf"(?:(?:russian|ukrainian|enemy)[\s-]+)?{_HELD}\s+{_GROUND}\b"
    rf"|{_GROUND}\s+{_HELD}(?:\s+by\s+(?:russia|the\s+russians|russian\s+\w+|the\s+enemy))?\b"
)
#: Anchors that are not places: a distance from them is still a spatial statement (not when the word
#: describes a town named after it: "the front-line town of Kupiansk").
THING = re.compile(
    # "5 km from occupied territory", "from Ukrainian-held territory": the edge of ground held
    r"(?:(?:the|its|their)\s+)?(?i:" + HELD_GROUND + r")"
    r"|(?!(?:the|its|their)\s+(?:[\w'’-]+\s+){1,3}(?:town|city|village|settlement|port)s?\s+of\s)"
    r"(?:the|its|their)\s+(?:(?:[a-z][\w-]*|(?:Ukrainian|Russian)(?:-[a-z]+)?)\s+){0,3}?(?:"
    + FRONT_LINE
    + r"|coast(?:line)?\b|shore(?:line)?\b"
    r"|city\s+cent(?:re|er)\b|plant\b|dam\b|reservoir\b|river(?:bank)?\b|outskirts\b|mainland\b|estuary\b"
    r"|positions?\b|lines\b|area\b|zone\b|fighting\b|territory\b|battlefield\b|highway\b|motorway\b"
    # "the administrative border between Donetsk and Dnipropetrovsk oblasts": a line inside a country
    r"|(?:administrative|regional|oblast)\s+borders?\b)"
    # "from Russian positions", "within 40 miles of Ukrainian artillery": an army's, with no article
    r"|(?:Russian|Ukrainian|enemy)\s+(?:positions|lines|trenches|artillery|guns|troops|forces)\b"
    # "30 km from front line", as headlines write it (not "10 km from frontline towns")
    r"|(?:front\s*-?\s*lines?|frontline|contact\s+line)\b(?!\s+(?:town|city|village|settlement|port)s?\b)"
)
#: "60 km from the city": the town the text has just named.
THE_TOWN_ANCHOR = re.compile(
    # "the nuclear power plant": a plant or station after up to two words of what it makes
    r"(?:(?:the\s+(?:(?:nuclear|power|thermal|hydroelectric|electric)\s+){1,2}(?=plant|station)|the\s+)"
    # "the besieged city", "the coastal town", "the port city": one word saying what it is like (but
    # "the Russian-held city Donetsk" names its town)
    r"(?:(?:[a-z]+(?:ed|ing|al)|port|key|front-?line)\s+(?=(?:city|town|village|settlement)\b(?!\s+(?-i:[A-Z]))))?"
    r"(?P<what>city|town|village|settlement|plant|station|site|river|reservoir)(?:\s+cent(?:re|er))?"
    # "seven kilometres from the centre", "5 km from its center": the centre of the city named before
    r"|(?:the|its)\s+(?P<centre>cent(?:re|er)))\b(?!\s+of\b)",
    re.IGNORECASE,
)
#: The kind of place "the city", "the plant" names again.
THE_KIND = {"city": "settlement", "town": "settlement", "village": "settlement", "settlement": "settlement",
            "plant": "facility", "station": "facility", "site": "facility", "river": "river",
            "reservoir": "lake"}  # fmt: skip
#: A compass word of one or two winds ("south", "north-east", "northwest"), the stem of "southern" (SIDE).
WIND = r"(?:north|south)?-?(?:east|west)?(?<=[a-z])"
SIDE = WIND + r"ern\s+"  # "southern", "north-eastern"
#: "the centre of the capital", "the outskirts of Kharkiv", "the southern and south-eastern edge of X",
#: "the railway station of Kherson": a part of the place named after it; "the fighting at X": what's there.
PART_OF = re.compile(
    r"the\s+(?:(?:city|town)\s+)?(?:" + SIDE + r"(?:(?:and|or)\s+" + SIDE + r")?)?"
    r"(?:cent(?:re|er)|outskirts|suburbs|edges?|(?:railway|train|bus)\s+station)\s+of\s+"
    # "40 miles west of the fierce fighting at Sievierodonetsk", "of the battle for Bakhmut": where it is
    r"|the\s+(?:[a-z]+\s+)?(?:fighting|battles?|clashes|assault)\s+(?:at|in|for|around|of)\s+",
    re.I,
)
#: An anchor named by its centre: "central Kyiv", "downtown Kharkiv", "the city centre", "the centre of X"
#: (a regional, district or oblast centre is a town, not a town's centre).
CENTRE_ANCHOR = re.compile(
    r"\b(?:central|downtown)\s|(?<!regional\s)(?<!district\s)(?<!oblast\s)\bcent(?:re|er)\b", re.IGNORECASE
)
#: The plural of each settlement noun ("cities", "villages") -> the noun.
TOWN_PLURALS = {(w[:-1] + "ies" if w.endswith("y") else w + "s"): w for w in lexicon.SETTLEMENT_SIZES}
#: "40 km away from the towns of Marhanets and Nikopol": a list of towns named after a plural noun.
TOWNS_OF = re.compile(r"the\s+(?:[a-z]+\s+)?(?:" + "|".join(TOWN_PLURALS) + r")\s+of\s+", re.IGNORECASE)
#: "the regional centre" with no name after it: the centre of the region named before.
REGIONAL_CENTRE = re.compile(
    r"the\s+(?:regional|oblast|provincial)\s+(?:cent(?:re|er)|capital)\b(?!\s*[,—–]\s*(?-i:[A-Z])|\s+of\s+(?-i:[A-Z]))",
    re.IGNORECASE,
)
#: Between the towns of a list: "A and B", "A, B and C", "A, B, and C".
LIST_GAP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
#: The facilities of a settlement (settlement_facilities.txt) as an alternation: "refinery", "air\s+base".
FACILITIES = "|".join(
    f.replace(" ", r"\s+") for f in sorted(lexicon.SETTLEMENT_FACILITIES, key=len, reverse=True)
)
#: "the Kursk border", "the Bakhmut direction": a town's name used for a line or an axis, no place to
#: measure a distance from.
LINE_NAMED_AFTER = re.compile(
    r"\s+(?:border|frontier|" + "|".join(sorted(lexicon.AXIS_NOUNS, key=len, reverse=True)) + r")\b", re.I
)
#: "the Saratov refinery", "the Morozovsk air base": a facility of the settlement named just before.
FACILITY_AFTER = re.compile(r"\s+(?:" + FACILITIES + r")\b", re.IGNORECASE)
_DESCRIBED_NOUN = (
    r"(?:home\s*town|town|city|village|hub|port|capital|settlement|center|centre|junction|stronghold|outpost"
    r"|base|plant|metropolis)(?:\s+of\s+the\s+(?:oblast|region|province)(?=\s*,))?"  # "of the oblast, X"
)
#: "the logistics hub of", "the Ukrainian-held town of", "the fleet base in", "the key logistics hub city":
#: a description before the place it names.
DESCRIBED = re.compile(
    # (no verb among the words: not "the dam is the town of X")
    r"(?:the\s+)?(?:(?!(?:is|are|was|were)\s)[\w'’´ʼ-]+\s+|\([\w\s-]{1,20}\)\s+){0,4}?"  # "raion (district)"
    + _DESCRIBED_NOUN
    + r"(?:\s+"
    + _DESCRIBED_NOUN
    + r")?"
    r"(?:\s*[,—–]\s*|\s+-\s+|\s+(?:(?:of|in|at)\s+)?)"
)
#: "Moscow-held Donetsk": the first name describes who holds the second, the place meant.
HELD_BY = re.compile(r"-(?:held|controlled|occupied|run|backed|installed|annexed|led|allied)\b", re.I)
#: "About 120 km southeast of Kharkiv, the town of Izium ...": the subject after the distance, past a
#: description of the place measured from (", Ukraine's second city") and a second distance ("and 15 km ...").
SUBJECT_AFTER = re.compile(
    r"(?:\s*,\s*(?:[A-Z][\w'’-]*['’]s|the|an?)\s+(?:[\w'’-]+\s+){0,3}?(?:city|town|capital|cent(?:re|er)|hub)\b)?"
    r"(?:\s*,?\s+and\s+(?:[^,;.()]|\([^()]{0,30}\)){1,100}?)?"
    r"\s*,\s*(?:(?:the|a)\s+(?:[\w-]+\s+){0,2}?(?:town|city|village|settlement|hub)\s+(?:of\s+)?)?"
)
#: "retook 80 km2 in the Kherson region": the region a change happened in.
IN_REGION = re.compile(r"\b(?:in|across|of)\s+(?:the\s+)?$", re.IGNORECASE)
OF_COUNTRY = re.compile(r"\s+of\s+(?:ukraine|the\s+country)\b", re.IGNORECASE)
NOT_TERRITORY = re.compile(
    r"['’]s\s+(?:population|people|residents|inhabitants|voters|economy|gdp|budget|exports|imports|grain|"
    r"energy|power|electricity|housing|homes|infrastructure|forces|army|troops|men|women|children)\b"
    r"|\s+(?:population|people(?!['’]?s\s+republic)|residents|inhabitants)\b",
    re.IGNORECASE,
)
#: "Donetsk People's Republic": the name Russia gave the oblast it claims, after the oblast's own name.
PEOPLES_REPUBLIC = re.compile(r"\s+[Pp]eople['’]?s\s+[Rr]epublic\b")
COMPARISON = re.compile(
    r"(?P<rel>(?:"
    + leading(["equal", "equivalent", "comparable", "similar"])
    + r")\s+(?:in\s+size\s+)?to|"
    + leading(["the size of", "as large as", "as big as"])
    + r"|"
    + leading(["larger", "bigger", "greater", "smaller"])
    + r"\s+than)"
    r"\s+(?:the\s+)?(?:(?:combined|total|joint)\s+)?(?:(?:land\s+)?(?:areas?|size|territory|territories)\s+of\s+)?"
)
#: "three times", "twice", "half" before "the size of" / "as large as".
TIMES_BEFORE = re.compile(
    r"\b(?P<mult>twice|double|triple|half|(?:a|one)[\s-](?:third|quarter)"
    r"|(?:\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten)\s+times)\s+$",
    re.IGNORECASE,
)
COMPARISON_QUAL = re.compile(
    r"\b(roughly|about|approximately|almost|nearly|around|just\s+over|just\s+under|more\s+than|over|less\s+than"
    r"|under)\s+$",
    re.IGNORECASE,
)
REGAINED = re.compile(
    r"\b(?:re-?took|re-?taken|retakes?|retaking|re-?captured?|recapturing|reclaimed|reclaims?|liberated|liberates?"
    r"|liberation|regained|regains?|recovered|(?:won|win|took|taken|taking|take)\s+back|freed|de-?occupied"
    r"|returned\s+control|clawed\s+back"
    # "are back in Ukrainian hands", "returned to Ukrainian control"
    r"|(?:back\s+(?:in|under)|returned\s+to)\s+ukrainian\s+(?:hands|control)"
    r"|pushed\s+(?:russian|the\s+russians)|counter-?offensive)\b",
    re.IGNORECASE,
)
#: "Russia has lost 9,000 km2" is ground regained; "Ukraine lost 500 km2" ground captured.
LOST = re.compile(
    r"\b(?P<who>russia|russian\s+(?:forces|troops|army|units)|moscow|the\s+russians|ukraine|ukrainian\s+(?:forces|troops"
    r"|army|units)|kyiv)(?:\s+(?:has|had|have|already|now|so\s+far))*\s+(?:lost|ceded|surrendered|gave\s+up)\b",
    re.IGNORECASE,
)
CAPTURED = re.compile(
    r"\b(?:captured|seized|taken|took|occupied|annexed|overran|gained|advanced|grabbed)\b", re.I
)
HELD = re.compile(
    r"\b(?:controls?|controlled|controlling|holds?|held|holding|occupies|occupy|occupying)\b", re.IGNORECASE
)
SINCE = re.compile(
    r"\b(?:since|(?:began|started|launched|begun)\s+on|beginning\s+on)\s+(?:the\s+(?:start|beginning|end|middle)\s+of\s+)?"
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?(?:\s+(?P<day>\d{1,2})\b)?",
    re.IGNORECASE,
)
#: The first three letters of each month's name, in calendar order (a month is its index + 1).
MONTHS = [line.split()[0][:3] for line in lexicon.entries("months.txt")]
CAPITAL = re.compile(
    r"(?:the\s+)?(?:(?P<adj>ukrainian|russian|belarusian|polish)\s+)?capital\b", re.IGNORECASE
)
#: "the Russian border" -> RU (a border's countries: ``_claimcontext.BORDER``).
ADJ_COUNTRY = lexicon.COUNTRY_ADJECTIVES
#: "within 1.5 km of Romanian territory": a country's ground, waters or air.
ADJ_TERRITORY = re.compile(
    r"(?P<adj>russian|belarusian|ukrainian|polish|moldovan|romanian)\s+(?:territory|soil|airspace|waters|land)\b",
    re.IGNORECASE,
)
#: "17% of Russia's refining capacity": after a possessive place, only these make a territorial share.
TERRITORIAL_NOUNS = lexicon.TERRITORIAL_NOUNS
WINDOW = 220
CHANGED_KINDS = ("settlement", "facility")
#: ", which lies", "that is located", "is": the words between a place named by its kind and the
#: distance said of it (all optional).
WHICH_LIES = r"(?:(?:which|that)\s+)?(?:(?:is|was|" + LIES + r")\s+)?(?:(?:" + LOCATED + r")\s+)?"
#: "... the frontline city, which lies 15 km from ...": a description of a place named before.
DESCRIBED_BEFORE = re.compile(
    r"\b(?:the|this|that)\s+(?:[\w'’-]+\s+){0,3}?(?P<what>city|town|village|settlement|hub)\s*,?\s*"
    # "... of the city, a logistics hub on the river about 115 km ...": an apposition after it
    r"(?:(?:a|an)\s+(?:[\w'’-]+\s+){0,10}?)?" + WHICH_LIES + "$",
    re.IGNORECASE,
)
#: "... is 60 km north of Donetsk near Bakhmut": the place a distance phrase is said to be near.
NEAR_AFTER = re.compile(r"\s*,?\s*(?:near|close\s+to|around|outside)\s+" + THE_TOWN_OF)
#: "About 150 km south of Lutsk, in Lviv": the place after a distance phrase that opens its sentence ...
IN_AFTER = re.compile(r",\s+(?:in|at)\s+" + THE_TOWN_OF)
#: "... 60 km south of Odesa in the coastal town of Zatoka": a town the phrase is said to be in, anywhere.
IN_TOWN_AFTER = re.compile(r"\s*,?\s+in\s+the\s+(?:[a-z-]+\s+)?(?:town|city|village|settlement|port)\s+of\s+")
#: ... with nothing but a qualifier before it.
QUAL_OPENING = re.compile(r"\s*(?:(?:" + QUAL + r")\s+)?", re.IGNORECASE)
#: A passive agent ("ordered by Moscow") is who acts, never where a distance is.
AGENT_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$", re.IGNORECASE)
#: Two distances joined in one statement: "100 km west of A and some 55 km northwest of B".
#: "some 5 km farther north", "another 23 km": a distance that goes on from where the one before ends.
FURTHER = re.compile(r"\b(?:further|farther|another|beyond)\b", re.IGNORECASE)
#: Between two distances of one statement: "... north of Donetsk city and 22 km south of ...", "... east of
#: Izmail, the region's largest port, and some 25 km upstream from ..." (the anchor's kind, or a short
#: description of it set off by commas, may stand between).
JOINED = re.compile(
    r"\s*(?:(?:city|town|village)\b\s*)?(?:,\s*(?:a|an|the|(?-i:[A-Z])[\w'’-]*['’]s)\s+[^,.;:()]{1,60}?,\s*)?"
    r"(?:[,—–]\s*)?(?:and|but|or|while)?\s*(?:at\s+)?$",  # "at 116 km SSE of A, at 24 km SW of B"
    re.IGNORECASE,
)
#: ", a road and rail hub", ", Ukraine's key port": a noun phrase naming the place again (up to 15 words,
#: as in LINK: "Mariupol, a port city of 400,000 people on the coast of the Azov Sea, 800 km ...").
APPOSITIVE = re.compile(
    r"(?:\s*[,(—–]|\s+-)\s*(?:a|an|the|another|(?-i:[A-Z])[\w-]*['’]s)\s+(?:[\w'’-]+(?:,\d{3})*\s+){0,14}"
    # "..., Ukraine's main Danube port, some 250 km": closed by a comma; "..., a town in the X district,
    # Odesa Oblast, 50 km": and the oblast that district is in
    r"(?:[\w'’-]+,\s+(?:(?-i:[A-Z])[\w'’-]*\s+(?:oblast|region|province),\s+)?)?$",
    re.IGNORECASE,
)
CLAUSE_WORDS = re.compile(
    r"\b(?:after|before|when|while|as|since|they|he|she|it|we|was|were|had|has|have|day|week|month|year)\b",
    re.IGNORECASE,
)
#: The words just before a distance that make the place before them its subject ("..., which lies").
LINK = re.compile(
    r"(?:^\s*|\b(?:is|are|was|based|" + LIES + "|" + LYING + "|" + LOCATED + r")\s+"
    # "Tokmak itself is another 23 km to the south": a step further from the place named before
    r"(?:(?:another|a\s+further|only|just|simply|merely|now|still|already|currently|also)\s+)?"
    # "Orikhiv is a Ukrainian-held town 50 km ...": the place is what the noun phrase describes
    # (up to 14 words: "is a village in Mykolaiv Raion in Mykolaiv Oblast of southern Ukraine, at about")
    r"|\b(?:is|was|lies)\s+(?:a|an|the)\s+(?:(?!(?:which|where|that|who|when|while|and|but)\b)[\w'’-]+,?\s+){0,14}"
    # "which lies on the right bank of the Donets only 6 km ...": where it lies, then the distance
    # (a comma may close it: "sits on the northern arm of the river, about 55 km ...", "is on the
    # western shore of the reservoir, about 30 km ...", "that lies just across the border, some 40 km ...")
    rf"|\b(?:is|are|was|{LIES}|{LYING}|{LOCATED})\s+(?:just\s+)?"
    r"(?:on|in|at|along|by|near|beside|among|amid|amongst|across|(?:close|next)\s+to|not\s+far\s+from"
    rf"|{WIND}\s+of)\b"  # "which lies west of the Donbas region and about 70 miles east of ..."
    r"[^.;:,()]{0,90}"
    # "is in the very north of Ukraine, close to the Belarusian border and just 93 km ...": a second one
    r"(?:,\s*(?:on|in|at|near|(?:close|next)\s+to|not\s+far\s+from)\b[^.;:,()]{0,60})?"
    r"(?:,\s*)?)$",
    re.I,
)
