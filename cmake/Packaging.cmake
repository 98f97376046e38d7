# `make package`: a Debian package (CPack DEB) of what an editor needs.
#
# Installs, under /usr: the `sdgreport` command (bin/), libsdgreport (lib/), every
# plugin and format (lib/sdgreport/plugins, where the installed command finds them
# with no settings), the documentation (share/doc/sdgreport) and the two sample
# reports (share/sdgreport/samples), plus the headers and CMake package that plugin
# teams build against (include/, lib/cmake/sdgreport). Dependencies on shared
# libraries are computed by dpkg-shlibdeps; the fonts the PDF writer uses by
# default are declared by hand (no library links them).
#
#   make package                       # build/sdgreport_<version>_<arch>.deb
#   apt install ./build/sdgreport_*.deb
#   sdgreport build /usr/share/sdgreport/samples/vsr-norway/report.yaml -o out
include_guard(GLOBAL)

install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR})
foreach(sample vsr-norway vsr-norway-nb)
  install(DIRECTORY samples/${sample} DESTINATION ${CMAKE_INSTALL_DATADIR}/sdgreport/samples)
endforeach()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME sdgreport)
set(CPACK_PACKAGE_VENDOR "sdgreport")
set(CPACK_PACKAGE_CONTACT "sdgreport maintainers <sdgreport@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "SDG review document builder (PDF, HTML, XLSX, DOCX from YAML, Markdown and data)")
set(CPACK_PACKAGE_DESCRIPTION "sdgreport builds Voluntary National, Subnational and Local Reviews of the UN Sustainable
Development Goals from a report definition, Markdown chapters and statistics (CSV, JSON-stat, Open SDG,
PX, SDMX, survey exports) into an accessible PDF, HTML, Word and Excel edition.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core, fonts-dejavu-extra")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://sdgs.un.org/")
# Reproducible: no build-time timestamps in the control data beyond what dpkg-deb
# takes from SOURCE_DATE_EPOCH.
set(CPACK_THREADS 2)
# cpack installs what is built; it does not build `all` (the tests) first.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)
include(CPack)
