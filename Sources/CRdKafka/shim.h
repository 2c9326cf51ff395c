// rdkafka_mock.h has no includes of its own: rdkafka.h must come first.
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
