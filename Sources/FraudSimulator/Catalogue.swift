/// Word lists the simulator draws people, streets and merchants from.
enum Catalogue {
    static let femaleFirstNames = [
        "Jennifer", "Mary", "Heather", "Stephanie", "Melissa", "Elizabeth", "Jessica", "Sarah", "Amanda", "Ashley",
        "Patricia", "Linda", "Barbara", "Susan", "Karen", "Nancy", "Lisa", "Margaret", "Sandra", "Donna",
        "Michelle", "Laura", "Rebecca", "Rachel", "Kimberly", "Angela", "Tammy", "Christine", "Samantha", "Kelly",
        "Danielle", "Amy", "Julie", "Megan", "Kristen", "Alicia", "Brenda", "Vanessa", "Tiffany", "Monica",
    ]
    static let maleFirstNames = [
        "Robert", "John", "Michael", "David", "James", "William", "Christopher", "Joseph", "Daniel", "Matthew",
        "George", "Richard", "Thomas", "Charles", "Mark", "Steven", "Paul", "Andrew", "Joshua", "Kenneth",
        "Kevin", "Brian", "Edward", "Ronald", "Timothy", "Jason", "Jeffrey", "Ryan", "Jacob", "Gary",
        "Nicholas", "Eric", "Jonathan", "Stephen", "Larry", "Justin", "Scott", "Brandon", "Benjamin", "Samuel",
    ]
    static let lastNames = [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
        "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
        "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
        "Elliott", "Robertson", "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards",
    ]
    /// Surnames for merchant names (the Sparkov data uses Faker company names).
    static let companyNames = [
        "Kirlin", "Prohaska", "Murray", "Medhurst", "Gaylord", "Powlowski", "Eichmann", "Russel", "Connelly", "Reichert",
        "Fritsch", "Schoen", "Quigley", "Padberg", "Rogahn", "Hills", "Olson", "Becker", "Harris", "Harvey",
        "Rau", "Grant", "Beier", "Reilly", "Shields", "Koch", "Labadie", "Gottlieb", "Macejkovic", "Runolfsdottir",
        "Mueller", "Hand", "Tromp", "Weber", "Thiel", "Hammes", "Trantow", "Schuppe", "Abbott", "Steuber",
        "Homenick", "Lesch", "Dickinson", "Sauer", "Greenholt", "Schmidt", "Kling", "Ernser", "Welch", "Williamson",
        "Rippin", "VonRueden", "Johns", "Hoeger", "Kub", "Bednar", "Kuhic", "Heathcote", "Ziemann", "Lockman",
        "Stracke", "Bashirian", "Kozey", "Cremin", "Jaskolski", "Nitzsche", "Wuckert", "Stamm", "Bogisich", "Zboncak",
        "Lubowitz", "Hauck", "Cartwright", "Rempel", "Feeney", "Mosciski", "Champlin", "Goyette", "Huels", "Towne",
        "O'Reilly", "O'Connell", "O'Keefe", "O'Hara", "D'Amore", "Kris", "Volkman", "Pouros", "Schultz", "Jast",
    ]
    static let companySuffixes = ["LLC", "Inc", "Ltd", "PLC", "Group", "and Sons"]
    static let streetNames = [
        "Porter", "Susan", "Glenn", "Karen", "Darlene", "Jones", "Wilson", "Cole", "Hunter", "Ross",
        "Perry", "Barker", "Meadow", "Oak", "Cedar", "Pine", "Maple", "Lake", "Hill", "River",
    ]
    static let streetSuffixes = [
        "Port", "Green", "Turnpike", "Ramp", "Street", "Avenue", "Lane", "Road", "Way", "Court",
        "Drive", "Mission", "Plaza", "Pines", "Views", "Crossing", "Trail", "Squares", "Ville", "Mountains",
    ]
    static let jobs = [
        "Surveyor, land/geomatics", "Geochemist", "Psychologist, sport and exercise", "Engineer, electrical",
        "Financial adviser", "Accountant, chartered", "Video editor", "Environmental consultant", "Town planner",
        "Electrical engineer", "Production manager", "Recycling officer", "Newspaper journalist", "Metallurgist",
        "Oceanographer", "Electronics engineer", "Engineer, maintenance (IT)", "Accountant, chartered certified",
        "Toxicologist", "Aid worker", "Mechanical engineer", "Teacher, primary school", "Nurse, mental health",
        "Pharmacist, hospital", "Designer, furniture", "Librarian, academic", "Solicitor", "Podiatrist",
        "Radio producer", "IT trainer", "Exhibition designer", "Sales executive", "Chief Executive Officer",
        "Insurance underwriter", "Quantity surveyor", "Retail merchandiser", "Systems developer", "Paramedic",
        "Scientist, research (maths)", "Therapist, occupational", "Copywriter, advertising", "Horticulturist, amenity",
        "Police officer", "Firefighter", "Lawyer", "Dentist", "Architect", "Farmer", "Social worker",
    ]
}
