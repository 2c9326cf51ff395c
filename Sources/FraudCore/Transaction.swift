/// One card payment, with every field of the public `fraudTest.csv` schema.
///
/// `label` is the `is_fraud` column: ground truth that may arrive with the payment
/// (training files, the simulator's API). It is kept apart from the payment's features and is
/// never an input to a model, nor overwritten by a prediction.
package struct Transaction: Hashable, Sendable {
    /// The file's unnamed row index, or the API's `index`; absent for other sources.
    package var rowIndex: Int64?
    /// When the payment happened (`trans_date_trans_time`, or the API's `current_time`).
    package var eventTime: EventTime
    package var ccNum: Int64
    package var merchant: String
    package var category: String
    package var amount: Double
    package var firstName: String
    package var lastName: String
    /// `M` or `F`.
    package var gender: String
    package var street: String
    package var city: String
    package var state: String
    package var zip: Int
    package var latitude: Double
    package var longitude: Double
    package var cityPopulation: Int
    package var job: String
    package var dateOfBirth: CalendarDate
    /// Unique payment identifier; the store's primary key.
    package var transNum: String
    /// The CSV's `unix_time`: seconds on the generator's own epoch, not event time. Absent for API payments.
    package var unixTime: Int64?
    package var merchantLatitude: Double
    package var merchantLongitude: Double
    /// The `is_fraud` that came with the payment, if any. A label, never a feature.
    package var label: Bool?

    package init(
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
