// sdgreport jsonstat plugin — the one public entry point of the plugin library.
#include "jsonstat_source.hpp"

using sdg::jsonstat::JsonStatSource;

SDGREPORT_DATA_SOURCE_PLUGIN(JsonStatSource, "jsonstat", "0.1.0",
                             "JSON-stat 2.0 and 1.x datasets (SSB, Eurostat, OECD) into tables and charts")
