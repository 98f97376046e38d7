// sdgreport csv plugin — the one public entry point of the plugin library.
#include "csv_source.hpp"

using sdg::csvtable::CsvSource;

SDGREPORT_DATA_SOURCE_PLUGIN(CsvSource, "csv", "0.1.0",
                             "CSV tables in Nordic conventions (';', decimal comma, Windows-1252) into tables and charts")
