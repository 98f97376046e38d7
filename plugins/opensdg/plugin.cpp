// sdgreport opensdg plugin — the one public entry point of the plugin library.
#include "opensdg_source.hpp"

using sdg::opensdg::OpenSdgSource;

SDGREPORT_DATA_SOURCE_PLUGIN(OpenSdgSource, "opensdg", "0.1.0",
                             "Open SDG data folders: indicator summaries, tables and charts per goal")
