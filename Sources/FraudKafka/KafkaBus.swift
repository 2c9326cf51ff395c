// Placeholder until the Kafka wrapper lands.
