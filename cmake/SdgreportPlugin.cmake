# sdgreport_add_plugin(NAME SOURCES...)
#
# Builds a plugin module named sdgreport-NAME.so against libsdgreport: hidden
# visibility (only the SDGREPORT_*_PLUGIN exports are public), no "lib" prefix,
# written next to the sdgreport binary in the build tree and installed under
# lib/sdgreport/plugins.
function(sdgreport_add_plugin name)
  set(target sdgreport-${name})
  add_library(${target} MODULE ${ARGN})
  set_target_properties(${target} PROPERTIES
    PREFIX ""
    OUTPUT_NAME sdgreport-${name}
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    LIBRARY_OUTPUT_DIRECTORY ${SDGREPORT_PLUGIN_OUTPUT_DIR}
    INSTALL_RPATH "$ORIGIN/../..")
  target_link_libraries(${target} PRIVATE sdgreport::core)
  install(TARGETS ${target} LIBRARY DESTINATION ${SDGREPORT_PLUGIN_INSTALL_DIR})
endfunction()
