// Words the synthetic dataset is built from. Claims combine a topic, a place, a figure and a
// claimant, so a two-word search matches a handful of claims and a one-word search hundreds,
// roughly as in a real desk's archive (not every claim shares the same 20 words).

export const TOPICS = [
  "fuel prices", "internet shutdown", "airport closure", "curfew", "protesters detained", "police officers injured",
  "civilians killed", "troops deployed", "bread prices", "gas subsidies", "mobile network outage", "bank closures",
  "border crossing", "hospital admissions", "vaccination rate", "unemployment rate", "inflation", "wheat exports",
  "power cuts", "water shortage", "school closures", "rail strike", "teachers strike", "doctors strike",
  "election turnout", "ballots spoiled", "polling stations", "voter registration", "campaign spending", "donations",
  "foreign agents", "journalists arrested", "websites blocked", "social media ban", "emergency decree", "state of emergency",
  "cabinet resignation", "minister dismissed", "parliament session", "budget deficit", "public debt", "pension age",
  "minimum wage", "housing prices", "rent controls", "mortgage rates", "coal output", "oil production", "refinery fire",
  "pipeline leak", "flood damage", "wildfire area", "earthquake victims", "evacuated residents", "shelter capacity",
  "aid convoys", "food parcels", "grain stocks", "fertiliser imports", "car sales", "tax revenue", "customs seizures",
  "drug seizures", "smuggled weapons", "armed attackers", "looted shops", "burned vehicles", "damaged buildings",
  "arrest warrants", "court hearings", "prisoners released", "amnesty", "military exercises", "peacekeepers",
  "foreign troops", "airspace closure", "flights cancelled", "tourist arrivals", "hotel occupancy", "visa applications",
  "asylum requests", "migrant arrivals", "deportations", "population census", "birth rate", "life expectancy",
  "cancer screening", "hospital beds", "ambulance response", "measles cases", "covid deaths", "tuberculosis",
  "air pollution", "carbon emissions", "solar capacity", "wind farms", "nuclear plant", "uranium exports",
  "copper mine", "gold reserves", "currency reserves", "exchange rate", "stock market", "bond yields",
];

export const PLACES = [
  "Almaty", "Astana", "Shymkent", "Aktobe", "Karaganda", "Taraz", "Pavlodar", "Semey", "Atyrau", "Kostanay",
  "Kyzylorda", "Oral", "Petropavl", "Aktau", "Turkestan", "Taldykorgan", "Ekibastuz", "Zhanaozen", "Bishkek", "Osh",
  "Tashkent", "Samarkand", "Bukhara", "Dushanbe", "Khujand", "Ashgabat", "Baku", "Tbilisi", "Yerevan", "Minsk",
  "Moscow", "Novosibirsk", "Omsk", "Kazan", "Ufa", "Samara", "Kyiv", "Kharkiv", "Odesa", "Lviv",
  "Warsaw", "Krakow", "Vilnius", "Riga", "Tallinn", "Helsinki", "Stockholm", "Oslo", "Berlin", "Hamburg",
  "Munich", "Vienna", "Prague", "Budapest", "Bratislava", "Bucharest", "Sofia", "Belgrade", "Zagreb", "Sarajevo",
  "Athens", "Istanbul", "Ankara", "Izmir", "Beirut", "Amman", "Cairo", "Tunis", "Algiers", "Rabat",
  "Lagos", "Nairobi", "Addis Ababa", "Khartoum", "Kinshasa", "Johannesburg", "Cape Town", "Harare", "Lusaka", "Accra",
  "Dakar", "Bamako", "Niamey", "Delhi", "Mumbai", "Karachi", "Lahore", "Dhaka", "Colombo", "Kathmandu",
  "Bangkok", "Hanoi", "Manila", "Jakarta", "Seoul", "Tokyo", "Lima", "Bogota", "Caracas", "Santiago",
];

export const CLAIMANTS = [
  "Interior Ministry", "Health Ministry", "Finance Ministry", "Defence Ministry", "Foreign Ministry", "Energy Ministry",
  "Education Ministry", "Labour Ministry", "central bank", "statistics office", "election commission", "prosecutor general",
  "city police", "regional governor", "city mayor", "presidential office", "prime minister", "opposition leader",
  "party spokesman", "trade union", "chamber of commerce", "human rights monitor", "press freedom group", "medical association",
  "teachers union", "farmers association", "oil company", "national airline", "railway operator", "state broadcaster",
  "independent pollster", "local hospital", "red cross branch", "UN agency", "World Bank", "IMF mission",
  "embassy spokesperson", "army general staff", "border service", "customs service", "emergency service", "weather service",
  "environment agency", "energy regulator", "telecom regulator", "competition authority", "anti-corruption agency", "ombudsman",
  "university researcher", "think tank analyst",
];

export const VERBS = ["said", "reported", "claimed", "announced", "told reporters", "wrote", "estimated", "insisted"];

export const COUNTED = [
  "people killed", "people injured", "people detained", "police officers injured", "buildings damaged", "vehicles burned",
  "flights cancelled", "residents evacuated", "cases recorded", "jobs lost", "tonnes exported", "percent increase",
];

export const OUTLETS = [
  "Reuters", "AP", "AFP", "BBC", "Eurasianet", "RFE/RL", "Vlast.kz", "Tengrinews", "Kursiv", "Orda.kz", "Interfax",
  "TASS", "Novaya Gazeta", "The Guardian", "New York Times", "Washington Post", "Financial Times", "Bloomberg",
  "Al Jazeera", "Deutsche Welle", "Le Monde", "El Pais", "NetBlocks", "Human Rights Watch", "Amnesty International",
  "OSCE", "UN OCHA", "Ministry website", "Police Telegram channel", "Eyewitness video",
];

export const SOURCE_TYPES = ["OFFICIAL", "WIRE", "NEWS_OUTLET", "NGO_MONITOR", "SOCIAL", "EYEWITNESS", "DOCUMENT"] as const;

export const slugWords = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
