# Fitting into a Unix system: man pages, shell completions, and a Debian package (CPack).
# Included from the top-level CMakeLists.txt after the targets, so that CPack packages
# every install() rule of the project.

install(FILES ${PROJECT_SOURCE_DIR}/doc/freshctl.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PROJECT_SOURCE_DIR}/doc/freshd.toml.5 DESTINATION ${CMAKE_INSTALL_MANDIR}/man5)
install(FILES ${PROJECT_SOURCE_DIR}/doc/freshd.8 DESTINATION ${CMAKE_INSTALL_MANDIR}/man8)

# bash-completion loads a command's completion from a file named after the command, so
# the one script (it completes both) goes in under both names.
set(freshd_bash_completions ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES ${PROJECT_SOURCE_DIR}/completions/freshctl.bash
        DESTINATION ${freshd_bash_completions} RENAME freshctl)
install(FILES ${PROJECT_SOURCE_DIR}/completions/freshctl.bash
        DESTINATION ${freshd_bash_completions} RENAME freshd)
install(FILES ${PROJECT_SOURCE_DIR}/completions/_freshctl
        DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)

# `cpack -G DEB` in the build directory makes freshd_VERSION-1_ARCH.deb.
set(CPACK_PACKAGE_NAME freshd)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "freshd maintainers")
set(CPACK_PACKAGE_CONTACT "freshd maintainers <freshd@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "keeps a vault of notes honest about time")
# Debian wants the extended description in lines of at most 80 columns.
string(CONCAT CPACK_PACKAGE_DESCRIPTION
  "freshd reads from the Markdown and text notes of a vault (an Obsidian vault,\n"
  "a Zettelkasten, a docs-as-code repository) when each was published and last\n"
  "validated and how fast its subject decays, keeps their history, reminds the\n"
  "owner when a note is due for re-validation, and writes a weekly stale-notes\n"
  "report. It runs as a systemd service; freshctl queries it from the command\n"
  "line.")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_PACKAGE_MAINTAINER "freshd maintainers <freshd@localhost>")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# dpkg-shlibdeps (from dpkg-dev) reads the binaries' libraries, so Depends: names the
# runtime packages (libyaml, libsqlite3, libxxhash, ...) at the versions built against.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The time zone database is read at run time (date's USE_OS_TZDB).
set(CPACK_DEBIAN_PACKAGE_DEPENDS tzdata)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")
# Compresses the man pages and adds the copyright file in the staged tree.
set(CPACK_PRE_BUILD_SCRIPTS ${PROJECT_SOURCE_DIR}/cmake/deb_staging.cmake)
set(CPACK_FRESHD_LICENSE_FILE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_GENERATOR DEB)
include(CPack)
