/// One card payment, with every field of the public `fraudTest.csv` schema.
///
/// `label` is the `is_fraud` column: ground truth that may arrive with the payment
/// (training files, the simulator's API). It is kept apart from the payment's features and is
/// never an input to a model, nor overwritten by a prediction.
public struct Transaction: Hashable, Sendable {
    /// The file's unnamed row index, or the API's `index`; absent for other sources.
    public var rowIndex: Int64?
    /// When the payment happened (`trans_date_trans_time`, or the API's `current_time`).
    public var eventTime: EventTime
    public var ccNum: Int64
    public var merchant: String
    public var category: String
    public var amount: Double
    public var firstName: String
    public var lastName: String
    /// `M` or `F`.
    public var gender: String
    public var street: String
    public var city: String
    public var state: String
    public var zip: Int
    public var latitude: Double
    public var longitude: Double
    public var cityPopulation: Int
    public var job: String
    public var dateOfBirth: CalendarDate
    /// Unique payment identifier; the store's primary key.
    public var transNum: String
    /// The CSV's `unix_time`: seconds on the generator's own epoch, not event time. Absent for API payments.
    public var unixTime: Int64?
    public var merchantLatitude: Double
    public var merchantLongitude: Double
    /// The `is_fraud` that came with the payment, if any. A label, never a feature.
    public var label: Bool?

    public init(
        rowIndex: Int64? = nil, eventTime: EventTime, ccNum: Int64, merchant: String, category: String,
        amount: Double, firstName: String, lastName: String, gender: String, street: String, city: String,
        state: String, zip: Int, latitude: Double, longitude: Double, cityPopulation: Int, job: String,
        dateOfBirth: CalendarDate, transNum: String, unixTime: Int64? = nil, merchantLatitude: Double,
        merchantLongitude: Double, label: Bool? = nil
    ) {
        self.rowIndex = rowIndex
        self.eventTime = eventTime
        self.ccNum = ccNum
        self.merchant = merchant
        self.category = category
        self.amount = amount
        self.firstName = firstName
        self.lastName = lastName
        self.gender = gender
        self.street = street
        self.city = city
        self.state = state
        self.zip = zip
        self.latitude = latitude
        self.longitude = longitude
        self.cityPopulation = cityPopulation
        self.job = job
        self.dateOfBirth = dateOfBirth
        self.transNum = transNum
        self.unixTime = unixTime
        self.merchantLatitude = merchantLatitude
        self.merchantLongitude = merchantLongitude
        self.label = label
    }
}
