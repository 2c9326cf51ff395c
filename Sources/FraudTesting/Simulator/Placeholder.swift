import FraudCore
