# sdgreport_add_plugin(NAME SOURCES...)
#
# Builds a plugin module sdgreport-NAME.so against libsdgreport (target
# sdgreport::core): hidden visibility, so only the SDGREPORT_*_PLUGIN exports are
# public; no "lib" prefix; installed under <prefix>/lib/sdgreport/plugins, where an
# installed sdgreport in the same prefix finds it with no settings.
#
# Used inside sdgreport's own tree and, through find_package(sdgreport), by plugin
# projects outside it:
#
#   cmake_minimum_required(VERSION 3.25)
#   project(survey CXX)
#   find_package(sdgreport 0.1 CONFIG REQUIRED)
#   sdgreport_add_plugin(survey survey.cpp)
#
# Variables (optional): SDGREPORT_PLUGIN_OUTPUT_DIR, where the module is written
# in the build tree (default: the current binary directory); SDGREPORT_PLUGIN_INSTALL_DIR,
# the install destination (default: lib/sdgreport/plugins under the install prefix).
include_guard(GLOBAL)
include(GNUInstallDirs)

function(sdgreport_add_plugin name)
  if(NOT ARGN)
    message(FATAL_ERROR "sdgreport_add_plugin(${name}): no source files given")
  endif()
  if(NOT name MATCHES "^[a-z0-9_-]+$")
    message(FATAL_ERROR "sdgreport_add_plugin(${name}): a plugin name may hold only a-z, 0-9, '-' and '_'")
  endif()
  set(target sdgreport-${name})
  set(out_dir ${CMAKE_CURRENT_BINARY_DIR})
  if(SDGREPORT_PLUGIN_OUTPUT_DIR)
    set(out_dir ${SDGREPORT_PLUGIN_OUTPUT_DIR})
  endif()
  set(install_dir ${CMAKE_INSTALL_LIBDIR}/sdgreport/plugins)
  if(SDGREPORT_PLUGIN_INSTALL_DIR)
    set(install_dir ${SDGREPORT_PLUGIN_INSTALL_DIR})
  endif()
  add_library(${target} MODULE ${ARGN})
  set_target_properties(${target} PROPERTIES
    PREFIX ""
    OUTPUT_NAME sdgreport-${name}
    CXX_STANDARD 20
    CXX_STANDARD_REQUIRED ON
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    LIBRARY_OUTPUT_DIRECTORY ${out_dir}
    INSTALL_RPATH "$ORIGIN/../..")
  target_link_libraries(${target} PRIVATE sdgreport::core)
  install(TARGETS ${target} LIBRARY DESTINATION ${install_dir})
  # Inside sdgreport's tree: the `product` target (what `make demo` builds) lists every plugin.
  set_property(GLOBAL APPEND PROPERTY SDGREPORT_PLUGIN_TARGETS ${target})
endfunction()
